//! Writing text into the frame buffer with our own width rules (the same as the wrapper's), so
//! what was measured is what is drawn. Text reaching here is already free of control characters
//! (the decoder replaced them); tabs become spaces and zero-width characters are dropped.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::doc::wrap::char_width;

/// Writes `s` at (`x`, `y`), never past `max_x`; returns the column after the last character.
/// A character that does not fit whole is not drawn (nothing is cut mid-glyph).
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    s: &str,
    style: Style,
    ambiguous_wide: bool,
) -> u16 {
    let mut x = x;
    // Line separators and bidi controls are drawn as symbols, never sent (`crate::doc::safe`).
    for c in s.chars().map(|c| crate::doc::safe::neutral(c).unwrap_or(c)) {
        let w = u16::try_from(char_width(c, ambiguous_wide)).unwrap_or(u16::MAX);
        if w == 0 {
            continue;
        }
        if x.saturating_add(w) > max_x {
            break;
        }
        if c == '\t' || c.is_control() {
            for i in 0..w {
                buf[(x + i, y)].set_symbol(" ").set_style(style);
            }
        } else {
            buf[(x, y)].set_char(c).set_style(style);
            for i in 1..w {
                let cell = &mut buf[(x + i, y)];
                cell.reset();
                cell.set_style(style);
                // An ambiguous character drawn two wide by the terminal, one wide by ratatui:
                // leave the next cell to it, so the following character is placed after it.
                if c.width().unwrap_or(1) < usize::from(w) {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
        x += w;
    }
    x
}

/// Paints a whole row of `area` with `style` (spaces), e.g. for a selection bar.
pub fn fill(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    for x in area.x..area.x + area.width {
        buf[(x, y)].set_symbol(" ").set_style(style);
    }
}

/// Applies `style` over a row without changing its symbols (selection highlights).
pub fn restyle(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    for x in area.x..area.x + area.width {
        let cell = &mut buf[(x, y)];
        cell.set_style(cell.style().patch(style));
    }
}

/// `s` cut to at most `width` columns, with `..` when cut.
#[must_use]
pub fn truncate(s: &str, width: usize, ambiguous_wide: bool) -> String {
    if crate::doc::wrap::str_width(s, ambiguous_wide) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c, ambiguous_wide);
        if used + w + 2 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str("..");
    out
}

/// A count in a few columns: `523`, `2.1k`, `123k`, `4.5M`.
#[must_use]
pub fn short_count(n: usize) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..100_000 => format!("{:.1}k", n as f64 / 1_000.0),
        100_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{:.1}M", n as f64 / 1_000_000.0),
    }
}

/// What the contents and plans panes show while a large file's reports are still being read.
pub fn not_yet(
    buf: &mut Buffer,
    area: Rect,
    theme: &crate::reader::theme::Theme,
    settings: &crate::reader::app::Settings,
) {
    put(
        buf,
        area.x,
        area.y,
        area.x + area.width,
        settings
            .lang
            .get(crate::reader::i18n::Phrase::ReadingReports),
        theme.no_plan,
        settings.ambiguous_wide,
    );
}

/// Draws an overlay's frame over whatever is beneath: every cell of `rect` reset (so no symbol
/// or style of a pane shows through, as ratatui's `Clear` does), filled with `fill_style`, a
/// border (box-drawing lines, or ASCII where the terminal draws ambiguous characters wide) with
/// `title` in its top edge. Returns the area inside the border.
pub fn overlay(
    buf: &mut Buffer,
    rect: Rect,
    title: &str,
    fill_style: Style,
    border_style: Style,
    ambiguous_wide: bool,
) -> Rect {
    let area = rect.intersection(buf.area);
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            let cell = &mut buf[(x, y)];
            cell.reset();
            cell.set_style(fill_style);
        }
        // A wide character just left of the overlay has its right half under the border: the
        // terminal would draw it over the border (or lose the border), so it goes.
        if let Some(x) = area.x.checked_sub(1).filter(|&x| x >= buf.area.x) {
            let cell = &mut buf[(x, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    if area.width < 4 || area.height < 3 {
        return area;
    }
    let (h, v, corners) = if ambiguous_wide {
        ("-", "|", ["+", "+", "+", "+"])
    } else {
        ("─", "│", ["┌", "┐", "└", "┘"])
    };
    let (left, right) = (area.x, area.x + area.width - 1);
    let (top, bottom) = (area.y, area.y + area.height - 1);
    for x in left + 1..right {
        buf[(x, top)].set_symbol(h).set_style(border_style);
        buf[(x, bottom)].set_symbol(h).set_style(border_style);
    }
    for y in top + 1..bottom {
        buf[(left, y)].set_symbol(v).set_style(border_style);
        buf[(right, y)].set_symbol(v).set_style(border_style);
    }
    for ((x, y), corner) in [(left, top), (right, top), (left, bottom), (right, bottom)]
        .into_iter()
        .zip(corners)
    {
        buf[(x, y)].set_symbol(corner).set_style(border_style);
    }
    if !title.is_empty() {
        let title = truncate(
            &format!(" {title} "),
            usize::from(area.width - 4),
            ambiguous_wide,
        );
        put(
            buf,
            left + 2,
            top,
            right - 1,
            &title,
            border_style,
            ambiguous_wide,
        );
    }
    Rect::new(left + 1, top + 1, area.width - 2, area.height - 2)
}
