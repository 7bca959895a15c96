//! An office's plans for a year beside what it reported of that year a year later: two
//! columns, each plan sentence on the left and the review sentences set beside it on the
//! right, the names they share highlighted in both; a plan sentence the review does not
//! mention says so; after them, what was reported but not planned.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, put, truncate};
use crate::doc::track::{Alignment, Passage};
use crate::doc::wrap::{char_width, wrap_line};
use crate::reader::app::App;
use crate::reader::app::shelf::Shelf;
use crate::reader::app::shelf::tracking::{Item, Show, TrackView};
use crate::reader::i18n::{self, Phrase};

/// A piece of text for one column of one screen row, with which of its characters to mark.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    marked: Vec<bool>,
    style: Style,
}

/// One screen row: the left and right columns.
type Line = (Cell, Cell);

/// Which characters of `text` belong to one of `phrases` (compared as written).
fn marks(text: &str, phrases: &[String]) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut marked = vec![false; chars.len()];
    for p in phrases {
        let p: Vec<char> = p.chars().collect();
        if p.len() < 2 {
            continue;
        }
        for start in 0..chars.len().saturating_sub(p.len() - 1) {
            if chars[start..start + p.len()] == p[..] {
                marked[start..start + p.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    marked
}

/// `text` wrapped to `width` columns, each piece with its marks.
fn wrapped(text: &str, phrases: &[String], width: usize, style: Style, wide: bool) -> Vec<Cell> {
    let marked = marks(text, phrases);
    let mut out = Vec::new();
    for range in wrap_line(text, width.max(2), wide) {
        let start = text[..range.start].chars().count();
        let piece = &text[range];
        let n = piece.chars().count();
        out.push(Cell {
            text: piece.to_owned(),
            marked: marked[start..start + n].to_vec(),
            style,
        });
    }
    out
}

/// The screen rows of one plan sentence (or, with no plan, of one reported-only sentence).
fn item_lines(
    app: &App,
    plan: Option<&Passage>,
    answers: &[(&Passage, &[String])],
    widths: (usize, usize),
    lines: &mut Vec<Line>,
) {
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    let shared: Vec<String> = answers
        .iter()
        .flat_map(|(_, s)| s.iter().cloned())
        .collect();
    let left: Vec<Cell> = plan.map_or_else(Vec::new, |p| {
        wrapped(
            &format!("L{} {}", p.line, p.text),
            &shared,
            widths.0,
            theme.text,
            wide,
        )
    });
    let mut right: Vec<Cell> = Vec::new();
    for (p, s) in answers {
        right.extend(wrapped(
            &format!("L{} {}", p.line, p.text),
            s,
            widths.1,
            theme.text,
            wide,
        ));
    }
    if answers.is_empty() && plan.is_some() {
        right.push(Cell {
            text: app.settings().lang.get(Phrase::NotMentioned).into(),
            marked: Vec::new(),
            style: theme.no_plan,
        });
    }
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    for _ in 0..rows {
        lines.push((
            left.next().unwrap_or_default(),
            right.next().unwrap_or_default(),
        ));
    }
    lines.push((Cell::default(), Cell::default()));
}

/// The rows of the year shown, from its item `scroll` on, until `height` rows are filled.
fn year_lines(
    app: &App,
    view: &TrackView,
    a: &Alignment,
    widths: (usize, usize),
    height: usize,
) -> Vec<Line> {
    let theme = app.theme();
    let mut lines = Vec::new();
    let mut under: Option<&str> = None;
    let mut reported_title = false;
    for item in view.items().into_iter().skip(view.scroll) {
        if lines.len() >= height {
            break;
        }
        match item {
            Item::Plan(i) => {
                let row = &a.rows[i];
                if row.plan.under.as_deref() != under {
                    under = row.plan.under.as_deref();
                    if let Some(h) = under {
                        let heading = Cell {
                            text: h.to_owned(),
                            marked: Vec::new(),
                            style: theme.heading1,
                        };
                        lines.push((heading, Cell::default()));
                    }
                }
                let answers: Vec<(&Passage, &[String])> = row
                    .matches
                    .iter()
                    .map(|m| (&m.review, m.shared.as_slice()))
                    .collect();
                item_lines(app, Some(&row.plan), &answers, widths, &mut lines);
            }
            Item::Reported(i) => {
                if !reported_title {
                    reported_title = true;
                    let title = Cell {
                        text: app.settings().lang.get(Phrase::ReportedNotPlanned).into(),
                        marked: Vec::new(),
                        style: theme.heading1,
                    };
                    lines.push((Cell::default(), title));
                }
                item_lines(app, None, &[(&a.reported_only[i], &[])], widths, &mut lines);
            }
        }
    }
    lines
}

/// Draws a cell: its text, the marked characters in the hit style.
fn draw_cell(app: &App, cell: &Cell, x: u16, y: u16, max_x: u16, buf: &mut Buffer) {
    let wide = app.settings().ambiguous_wide;
    let mark = app.theme().search_hit;
    let mut at = x;
    for (i, c) in cell.text.chars().enumerate() {
        let style = if cell.marked.get(i).copied().unwrap_or(false) {
            mark
        } else {
            cell.style
        };
        let w = u16::try_from(char_width(c, wide)).unwrap_or(0);
        if at.saturating_add(w) > max_x {
            break;
        }
        at = put(buf, at, y, max_x, &c.to_string(), style, wide);
    }
}

/// The header's text: the office, the year, how much of its plan was answered, what is shown.
fn header_line(view: &TrackView, year: &crate::doc::track::Year, lang: i18n::Lang) -> String {
    let mut header = i18n::track_header(
        lang,
        &view.office.key,
        year.year,
        view.year + 1,
        view.years.len(),
    );
    if let Some(a) = view.alignment.as_ref() {
        let answered = a.rows.iter().filter(|r| !r.matches.is_empty()).count();
        header.push_str("  ");
        header.push_str(&i18n::track_tally(
            lang,
            answered,
            a.rows.len(),
            a.reported_only.len(),
        ));
    }
    let show = match view.show {
        Show::All => None,
        Show::Answered => Some(Phrase::ShowAnswered),
        Show::NotMentioned => Some(Phrase::ShowNotMentioned),
        Show::NotPlanned => Some(Phrase::ShowNotPlanned),
    };
    if let Some(show) = show {
        header.push_str(&format!("  [{}]", lang.get(show)));
    }
    header
}

/// The header (office, year) and the columns' titles: the year planned, the year reported, and the files they come from.
fn column_titles(
    app: &App,
    shelf: &Shelf,
    view: &TrackView,
    year: &crate::doc::track::Year,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    let lang = app.settings().lang;
    let max_x = area.x + area.width;
    let header = header_line(view, year, lang);
    fill(buf, area, area.y, theme.header_focus);
    let header = format!(" {header}");
    put(
        buf,
        area.x,
        area.y,
        max_x,
        &header,
        theme.header_focus,
        wide,
    );
    let name = |at: Option<crate::doc::track::ReportRef>| {
        at.and_then(|r| shelf.books.get(r.book))
            .map_or_else(|| "-".to_owned(), |b| b.file.name.clone())
    };
    let half = area.width / 2;
    let (left_title, right_title) = i18n::track_columns(lang, year.year);
    let y = area.y + 1;
    fill(buf, area, y, theme.header);
    let left_title = format!(" {left_title} ({})", name(year.plan));
    let right_title = format!(" {right_title} ({})", name(year.review));
    put(
        buf,
        area.x,
        y,
        area.x + half,
        &truncate(&left_title, usize::from(half), wide),
        theme.header,
        wide,
    );
    put(
        buf,
        area.x + half,
        y,
        max_x,
        &truncate(&right_title, usize::from(area.width - half), wide),
        theme.header,
        wide,
    );
}

/// Draws the view of one office's year.
pub fn render(app: &App, shelf: &Shelf, view: &TrackView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    let lang = app.settings().lang;
    if area.height < 3 || area.width < 10 {
        return;
    }
    let max_x = area.x + area.width;
    let Some(year) = view.shown() else {
        return;
    };
    column_titles(app, shelf, view, year, area, buf);
    let half = area.width / 2;
    let body = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    let Some(a) = view.alignment.as_ref() else {
        let missing = i18n::track_missing(lang, year.year, year.plan.is_some());
        put(
            buf,
            body.x + 1,
            body.y,
            max_x,
            &missing,
            theme.no_plan,
            wide,
        );
        return;
    };
    let widths = (
        usize::from(half.saturating_sub(3)),
        usize::from(area.width - half).saturating_sub(2),
    );
    let lines = year_lines(app, view, a, widths, usize::from(body.height));
    for (i, (left, right)) in lines.iter().take(usize::from(body.height)).enumerate() {
        let y = body.y + u16::try_from(i).unwrap_or(0);
        draw_cell(app, left, body.x + 1, y, body.x + half - 1, buf);
        put(
            buf,
            body.x + half - 1,
            y,
            body.x + half,
            "|",
            theme.separator,
            wide,
        );
        draw_cell(app, right, body.x + half + 1, y, max_x, buf);
    }
}
