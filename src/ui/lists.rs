//! The search results list and the marks list, drawn over the panes.

use crate::reader::i18n::Phrase;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{overlay, put, restyle, truncate};
use crate::reader::app::App;
use crate::reader::app::results::{Results, Row};

/// The rectangle of a list overlay: the screen between the pane headers and the status line.
fn frame(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + 1.min(area.height),
        area.width,
        area.height.saturating_sub(2),
    )
}

/// Draws rows `(indent, text, style)` with a title, keeping `selected` in view.
fn list(
    app: &App,
    area: Rect,
    title: &str,
    rows: &[(u16, String, ratatui::style::Style)],
    selected: usize,
    buf: &mut Buffer,
) {
    let theme = &app.theme();
    let wide = app.settings().ambiguous_wide;
    // A layer of its own: nothing of the panes beneath shows through.
    let rect = overlay(
        buf,
        frame(area),
        title,
        theme.text,
        theme.header_focus,
        wide,
    );
    if rect.height < 1 || rect.width < 2 {
        return;
    }
    let max_x = rect.x + rect.width;
    let body = usize::from(rect.height);
    let first = selected
        .saturating_sub(body / 3)
        .min(rows.len().saturating_sub(body));
    for (i, (indent, text, style)) in rows.iter().enumerate().skip(first).take(body) {
        let y = rect.y + u16::try_from(i - first).unwrap_or(0);
        let x = rect.x + indent;
        put(
            buf,
            x,
            y,
            max_x,
            &truncate(text, usize::from(max_x.saturating_sub(x)), wide),
            *style,
            wide,
        );
        if i == selected {
            restyle(buf, rect, y, theme.selection);
        }
    }
}

/// Draws the results list.
pub fn results(app: &App, r: &Results, query: &str, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let lang = app.settings().lang;
    // On a shelf the reports are nested under their compilations, and there is no scope.
    let shelf = matches!(r.rows.first(), Some(Row::Book { .. }));
    let keys = app.keymap().fill(
        if shelf {
            lang.get(Phrase::ShelfResultsKeys)
        } else {
            crate::reader::i18n::results_keys(lang)
        },
        crate::reader::keymap::Context::List,
    );
    let scope = if shelf {
        lang.get(Phrase::ScopeShelf)
    } else {
        r.scope.label(lang)
    };
    let title = crate::reader::i18n::results_header(
        lang,
        query,
        r.total,
        scope,
        r.truncated
            .then_some(crate::reader::app::results::MAX_LISTED),
        &keys,
    );
    let nest = if shelf { 2 } else { 0 };
    let rows: Vec<(u16, String, ratatui::style::Style)> = r
        .rows
        .iter()
        .map(|row| match row {
            Row::Book { name, count, .. } => (0, format!("[{name}] ({count})"), theme.header_focus),
            Row::Report { title, count } => {
                (nest, format!("《{title}》 ({count})"), theme.report_title)
            }
            Row::Section { label, count } => {
                (nest + 2, format!("{label} ({count})"), theme.heading1)
            }
            Row::Hit { line, snippet, .. } => (nest + 4, format!("L{line}: {snippet}"), theme.text),
        })
        .collect();
    list(app, area, &title, &rows, r.selected, buf);
}

/// Draws the marks list: each mark, its place and a snippet of the line.
pub fn marks(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let marks = app.sorted_marks();
    let rows: Vec<(u16, String, ratatui::style::Style)> = if marks.is_empty() {
        let none = app.settings().lang.get(Phrase::NoMarks);
        vec![(
            0,
            app.keymap()
                .fill(none, crate::reader::keymap::Context::Global),
            theme.no_plan,
        )]
    } else {
        marks
            .iter()
            .map(|(c, a)| {
                let snippet: String = app.doc().text.trimmed(a.line).chars().take(40).collect();
                (
                    0,
                    format!(
                        "{c}  L{}  {}  {snippet}",
                        a.line,
                        crate::doc::search::location(app.doc(), a.line).replace(" › ", " > ")
                    ),
                    theme.text,
                )
            })
            .collect()
    };
    list(
        app,
        area,
        &app.keymap().fill(
            app.settings().lang.get(Phrase::MarksTitle),
            crate::reader::keymap::Context::List,
        ),
        &rows,
        app.marks_list().unwrap_or(0),
        buf,
    );
}
