//! The `?` overlay, generated from the live key table (`App::help_rows`): a bordered layer over
//! the panes, sized to the terminal, descriptions wrapped in their column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{overlay, put};
use crate::reader::app::App;
use crate::reader::app::help::{description_column, frame};
use crate::reader::i18n;
use crate::reader::theme::Theme;

/// Draws the overlay in `area`, scrolled by `scroll` rows (clamped again for a resize).
pub fn render(app: &App, theme: &Theme, area: Rect, scroll: usize, buf: &mut Buffer) {
    let wide = app.settings().ambiguous_wide;
    let title = app.keymap().fill(
        app.settings().lang.get(i18n::Phrase::HelpTitle),
        crate::reader::keymap::Context::Help,
    );
    let title = title.trim();
    let inner = overlay(
        buf,
        frame(area),
        title,
        theme.text,
        theme.header_focus,
        wide,
    );
    let rows = app.help_rows(usize::from(inner.width));
    let body = usize::from(inner.height);
    let scroll = scroll.min(rows.len().saturating_sub(body));
    let max_x = inner.x + inner.width;
    let key_col = u16::try_from(description_column(usize::from(inner.width))).unwrap_or(u16::MAX);
    for (i, row) in rows.iter().skip(scroll).take(body).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        if row.title {
            put(buf, inner.x, y, max_x, &row.keys, theme.header, wide);
            continue;
        }
        put(buf, inner.x, y, max_x, &row.keys, theme.help_key, wide);
        put(
            buf,
            (inner.x + key_col).min(max_x),
            y,
            max_x,
            &row.description,
            theme.help_desc,
            wide,
        );
    }
}
