//! The shelf's screens: the list of compilations, and the offices found across them. Each is
//! the whole screen above the status line: a header row, then one row per compilation (or
//! office), the selected one highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, put, restyle, truncate};
use crate::doc::track::OfficeReports;
use crate::doc::wrap::str_width;
use crate::reader::app::App;
use crate::reader::app::shelf::{Book, BookState, Shelf};
use crate::reader::i18n::{self, Phrase};

/// A row of cells, each a text and its style, drawn in columns of the given widths.
type Cells = Vec<(String, Style)>;

/// The rows of a list screen: how many, which is selected, and each one made on demand (only
/// those on screen are made: an offices list can hold thousands).
struct Rows<F: Fn(usize) -> Cells> {
    total: usize,
    selected: usize,
    row: F,
}

/// The first row shown of `rows` in `area` (under its header).
fn first_shown<F: Fn(usize) -> Cells>(rows: &Rows<F>, area: Rect) -> usize {
    let body = usize::from(area.height.saturating_sub(1));
    crate::reader::layout::list_top(rows.selected, rows.total, body)
}

/// Draws a list screen: `header`, then the rows on screen in columns (`widths`: the last takes
/// the rest), keeping the selected one in view.
fn table<F: Fn(usize) -> Cells>(
    app: &App,
    area: Rect,
    header: &str,
    rows: &Rows<F>,
    widths: &[usize],
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    if area.height == 0 {
        return;
    }
    fill(buf, area, area.y, theme.header_focus);
    put(
        buf,
        area.x,
        area.y,
        area.x + area.width,
        &format!(" {header}"),
        theme.header_focus,
        wide,
    );
    let body = usize::from(area.height.saturating_sub(1));
    let first = first_shown(rows, area);
    let max_x = area.x + area.width;
    for i in (first..rows.total).take(body) {
        let row = (rows.row)(i);
        let y = area.y + 1 + u16::try_from(i - first).unwrap_or(0);
        for (c, (text, style)) in row.iter().enumerate() {
            if text.is_empty() {
                // Left to the cell before it, which runs on over it.
                continue;
            }
            // A cell runs on over the empty cells after it (a failure's reason).
            let spans = row[c + 1..]
                .iter()
                .take_while(|(t, _)| t.is_empty())
                .count();
            let w: usize = (c..=c + spans)
                .map(|i| widths.get(i).copied().unwrap_or(usize::MAX / 8))
                .sum::<usize>()
                + spans;
            let before: usize = (0..c)
                .map(|i| widths.get(i).copied().unwrap_or(0) + 1)
                .sum();
            let x = (area.x + 1).saturating_add(u16::try_from(before).unwrap_or(u16::MAX));
            let end = if c + spans + 1 == row.len() {
                max_x
            } else {
                max_x.min(x.saturating_add(u16::try_from(w).unwrap_or(u16::MAX)))
            };
            let room = usize::from(end.saturating_sub(x));
            put(buf, x, y, end, &truncate(text, room, wide), *style, wide);
        }
        if i == rows.selected {
            restyle(buf, area, y, theme.selection);
        }
    }
}

/// `2023`, `2011-2018`, or `-`.
fn years(summary_years: Option<(u32, u32)>) -> String {
    match summary_years {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}-{b}"),
        None => "-".into(),
    }
}

/// `2.1 MB`, `640 KB`.
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000_000 => format!("{} KB", bytes.div_ceil(1000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// A compilation's row: years, title, reports and plans, encoding, size, file.
fn book_row(app: &App, book: &Book) -> Cells {
    let theme = app.theme();
    let lang = app.settings().lang;
    let file = (book.file.name.clone(), theme.dim);
    let size = (size(book.file.size), theme.dim);
    match &book.state {
        BookState::Ready { summary, .. } => vec![
            (years(summary.years), theme.heading1),
            (summary.title.clone(), theme.report_title),
            (
                i18n::shelf_figures(lang, summary.reports, summary.with_plans),
                theme.text,
            ),
            (summary.encoding.to_owned(), theme.dim),
            size,
            file,
        ],
        BookState::Reading => vec![
            ("..".into(), theme.dim),
            (book.file.name.clone(), theme.text),
            (lang.get(Phrase::BookReading).into(), theme.no_plan),
            (String::new(), theme.dim),
            size,
            file,
        ],
        BookState::Failed(reason) => vec![
            ("!".into(), theme.message),
            (reason.clone(), theme.message),
            (String::new(), theme.dim),
            (String::new(), theme.dim),
            size,
            file,
        ],
    }
}

/// Column widths for the shelf at `width` columns: years, title, figures, encoding, size (the
/// file name takes the rest); the title gets what the others leave, the file name up to 24.
fn shelf_widths(width: usize, lang: i18n::Lang) -> Vec<usize> {
    let figures = if lang == i18n::Lang::Zh { 18 } else { 26 };
    let fixed = 9 + figures + 8 + 9 + 6;
    let title = width.saturating_sub(fixed + 24).max(16);
    vec![9, title, figures, 8, 9]
}

/// Draws the list of compilations.
pub fn render_shelf(app: &App, shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let lang = app.settings().lang;
    let header = i18n::shelf_header(lang, shelf.books.len(), shelf.reading_count());
    let dim = app.theme().dim;
    // The first row is the column headings.
    let rows = Rows {
        total: shelf.order.len() + 1,
        selected: shelf.selected + 1,
        row: |i: usize| match i.checked_sub(1) {
            None => i18n::shelf_columns(lang)
                .iter()
                .map(|h| ((*h).to_owned(), dim))
                .collect(),
            Some(b) => book_row(app, &shelf.books[shelf.order[b]]),
        },
    };
    let widths = shelf_widths(usize::from(area.width), lang);
    table(app, area, &header, &rows, &widths, buf);
}

/// An office's row: its name, its years, the names it was matched from.
fn office_row(app: &App, office: &OfficeReports) -> Cells {
    let theme = app.theme();
    let lang = app.settings().lang;
    let years = office.years();
    let comparable = years
        .iter()
        .filter(|y| y.plan.is_some() && y.review.is_some())
        .count();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) => i18n::office_years(lang, a.year, b.year, comparable),
        _ => "-".into(),
    };
    let names = office.names();
    let matched = if names.len() > 1 || names.first().is_some_and(|n| *n != office.key) {
        format!("= {}", names.join(", "))
    } else {
        String::new()
    };
    let style = if comparable > 0 {
        theme.report_title
    } else {
        theme.text
    };
    vec![
        (office.key.clone(), style),
        (span, theme.heading1),
        (matched, theme.dim),
    ]
}

/// Draws the offices found across the shelf.
pub fn render_offices(app: &App, shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let lang = app.settings().lang;
    let offices = shelf.tracking.offices.as_deref().unwrap_or(&[]);
    let header = i18n::offices_header(lang, offices.len(), shelf.reading_count());
    let none = app.theme().no_plan;
    let rows = Rows {
        total: offices.len().max(1),
        selected: shelf.tracking.selected,
        row: |i: usize| match offices.get(i) {
            Some(o) => office_row(app, o),
            None => vec![(lang.get(Phrase::NoOffices).into(), none)],
        },
    };
    // The name column as wide as the longest name on screen.
    let wide = app.settings().ambiguous_wide;
    let first = first_shown(&rows, area);
    let name_w = offices
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .map(|o| str_width(&o.key, wide))
        .max()
        .unwrap_or(10)
        .min(usize::from(area.width) / 3);
    table(app, area, &header, &rows, &[name_w, 30], buf);
}
