//! The `?` overlay, generated from the live key table.

use crate::i18n;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, put};
use crate::app::App;
use crate::keymap::Context;
use crate::theme::Theme;

/// The overlay's lines: (keys, description); a context title has an empty description.
#[must_use]
pub fn lines(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for context in Context::ALL {
        let bindings: Vec<_> = app
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((String::new(), String::new()));
        }
        let lang = app.settings.lang;
        out.push((i18n::context_title(lang, context).to_owned(), String::new()));
        for b in bindings.into_iter().filter(|b| !b.keys.is_empty()) {
            out.push((
                format!("  {}", b.keys.join(" ")),
                i18n::describe(lang, b.context, b.action).to_owned(),
            ));
        }
    }
    out
}

/// Draws the overlay centred in `area`, scrolled by `scroll` lines (clamped).
pub fn render(app: &App, theme: &Theme, area: Rect, scroll: usize, buf: &mut Buffer) {
    let width = area.width.min(76).max(area.width.min(20));
    let height = area.height.saturating_sub(2).max(area.height.min(3));
    // Even x offsets keep wide characters under the overlay from being split.
    let x = area.x + ((area.width - width) / 2) / 2 * 2;
    let y = area.y + (area.height - height) / 2;
    let rect = Rect::new(x, y, width, height);
    for row in rect.y..rect.y + rect.height {
        fill(buf, rect, row, theme.text);
    }
    let wide = app.settings.ambiguous_wide;
    let max_x = rect.x + rect.width;
    put(
        buf,
        rect.x + 1,
        rect.y,
        max_x,
        app.settings.lang.get(i18n::Msg::HelpTitle),
        theme.header_focus,
        wide,
    );
    let all = lines(app);
    let body = usize::from(rect.height.saturating_sub(1));
    let scroll = scroll.min(all.len().saturating_sub(body));
    let key_col = 22;
    for (i, (keys, desc)) in all.iter().skip(scroll).take(body).enumerate() {
        let row = rect.y + 1 + u16::try_from(i).unwrap_or(0);
        if desc.is_empty() {
            put(buf, rect.x + 1, row, max_x, keys, theme.header, wide);
            continue;
        }
        put(buf, rect.x + 1, row, max_x, keys, theme.help_key, wide);
        put(
            buf,
            (rect.x + 1 + key_col).min(max_x),
            row,
            max_x,
            desc,
            theme.help_desc,
            wide,
        );
    }
}
