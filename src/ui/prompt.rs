//! The search and jump prompt in the status row, and the `:` picker above it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::draw::{fill, overlay, put, restyle, truncate};
use crate::doc::wrap::str_width;
use crate::reader::app::App;
use crate::reader::app::find::{Prompt, PromptKind};
use crate::reader::i18n::{self, Lang, Phrase};

fn prefix(p: &Prompt, lang: Lang) -> String {
    match (p.kind, p.regex) {
        (PromptKind::Search | PromptKind::Shelf, false) => "/".into(),
        (PromptKind::Search | PromptKind::Shelf, true) => format!("/{} ", lang.get(Phrase::Regex)),
        (PromptKind::Jump, _) => ":".into(),
        (PromptKind::Office, _) => "/".into(),
    }
}

/// Draws the prompt over the status row and, for `:`, the picker rows above it.
pub fn render(app: &App, p: &Prompt, status: Rect, buf: &mut Buffer) {
    if status.height == 0 {
        return;
    }
    let theme = &app.theme();
    let wide = app.settings().ambiguous_wide;
    let lang = app.settings().lang;
    fill(buf, status, status.y, theme.prompt);
    let max_x = status.x + status.width;
    let right = match (&p.error, p.kind, &app.finder().search) {
        (Some(e), _, _) => format!(" {e} "),
        (None, PromptKind::Search, Some(s)) => format!(" {} ", s.counter()),
        (None, PromptKind::Search, None) => app.keymap().fill(
            lang.get(Phrase::SearchHint),
            crate::reader::keymap::Context::Prompt,
        ),
        (None, PromptKind::Shelf, _) => app.keymap().fill(
            lang.get(Phrase::ShelfSearchHint),
            crate::reader::keymap::Context::Prompt,
        ),
        (None, PromptKind::Office, _) => app.keymap().fill(
            lang.get(Phrase::OfficeFindHint),
            crate::reader::keymap::Context::Prompt,
        ),
        (None, PromptKind::Jump, _) => app.keymap().fill(
            &i18n::jump_hint(lang, p.candidates.len()),
            crate::reader::keymap::Context::Prompt,
        ),
    };
    let right_w = u16::try_from(str_width(&right, wide))
        .unwrap_or(0)
        .min(status.width / 2);
    let text_end = max_x.saturating_sub(right_w);
    let x = put(
        buf,
        status.x,
        status.y,
        text_end,
        &prefix(p, lang),
        theme.prompt,
        wide,
    );
    put(buf, x, status.y, text_end, &p.text(), theme.prompt, wide);
    let right_style = if p.error.is_some() {
        theme.prompt_error
    } else {
        theme.status_accent
    };
    put(
        buf,
        text_end,
        status.y,
        max_x,
        &truncate(&right, usize::from(right_w), wide),
        right_style,
        wide,
    );
    if p.kind == PromptKind::Jump {
        picker(app, p, status, buf);
    }
}

/// The `:` candidates, best first, in a bordered layer above the status row.
fn picker(app: &App, p: &Prompt, status: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let wide = app.settings().ambiguous_wide;
    let rows = u16::try_from(p.candidates.len())
        .unwrap_or(u16::MAX)
        .min(10)
        .min(status.y.saturating_sub(2));
    if rows == 0 {
        return;
    }
    let frame = Rect {
        y: status.y - rows - 2,
        height: rows + 2,
        ..status
    };
    let title = app.settings().lang.get(Phrase::PickerTitle);
    let area = overlay(buf, frame, title, theme.prompt, theme.header_focus, wide);
    // Scroll so the selected row is shown.
    let first = p.selected.saturating_sub(usize::from(rows) - 1);
    let max_x = area.x + area.width;
    for (i, c) in p
        .candidates
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        let x = put(buf, area.x, y, max_x, &c.label, theme.prompt, wide);
        if let Some(r) = &c.report {
            let room = usize::from(max_x.saturating_sub(x + 2));
            put(
                buf,
                x + 2,
                y,
                max_x,
                &truncate(&format!("《{r}》"), room, wide),
                theme.dim,
                wide,
            );
        }
        if first + i == p.selected {
            restyle(buf, area, y, theme.selection);
        }
    }
}

/// Where the terminal cursor goes: at the caret of an open prompt.
#[must_use]
pub fn cursor(app: &App, status: Rect) -> Option<Position> {
    let p = app.finder().prompt.as_ref()?;
    if status.height == 0 {
        return None;
    }
    let wide = app.settings().ambiguous_wide;
    let before: String = p.text().chars().take(p.caret()).collect();
    let x = str_width(&prefix(p, app.settings().lang), wide) + str_width(&before, wide);
    let x = status.x
        + u16::try_from(x)
            .unwrap_or(u16::MAX)
            .min(status.width.saturating_sub(1));
    Some(Position::new(x, status.y))
}
