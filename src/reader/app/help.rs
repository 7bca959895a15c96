//! The `?` overlay's content and geometry, from the live key table: what the renderer draws and
//! what `update` clamps its scrolling to are the same rows.

use super::App;
use crate::reader::key::Chord;
use crate::reader::keymap::Context;
use ratatui::layout::Rect;

/// Columns of the keys column (descriptions start after it) when the overlay is wide enough.
pub const KEY_COLUMN: usize = 22;

/// Inner widths below this stack each binding: its keys on one row, its description under
/// them, so a narrow terminal does not squeeze descriptions into a few columns.
const STACKED_BELOW: usize = 48;

/// Where descriptions start in an overlay `width` columns wide inside its border.
#[must_use]
pub fn description_column(width: usize) -> usize {
    if width < STACKED_BELOW { 4 } else { KEY_COLUMN }
}

/// One row of the overlay: a context title (no description), a binding's keys and (the first
/// row of) its description, or a description's continuation (no keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub description: String,
    pub title: bool,
}

/// The overlay's rectangle in a terminal of `area`: as wide as the terminal allows up to 100
/// columns, two rows short of its height, centred (at an even column, so no wide character under
/// it is split).
#[must_use]
pub fn frame(area: Rect) -> Rect {
    // A narrow terminal gives the overlay all its columns.
    let width = if area.width < 60 {
        area.width
    } else {
        area.width.saturating_sub(4).min(100)
    };
    let height = area.height.saturating_sub(2).max(area.height.min(3));
    let x = area.x + ((area.width - width) / 2) / 2 * 2;
    let y = area.y + (area.height - height) / 2;
    Rect::new(x, y, width, height)
}

impl App {
    /// The overlay's rows for an inner width of `width` columns, descriptions wrapped under
    /// their own column.
    #[must_use]
    pub fn help_rows(&self, width: usize) -> Vec<HelpRow> {
        let lang = self.settings.lang;
        let wide = self.settings.ambiguous_wide;
        let column = description_column(width);
        let stacked = column < KEY_COLUMN;
        let desc_width = width.saturating_sub(column + 1).max(8);
        let mut out = Vec::new();
        // The shelf's screens are listed only when there is a shelf.
        let shelf_only = |c: Context| matches!(c, Context::Shelf | Context::Track);
        for context in Context::ALL
            .into_iter()
            .filter(|&c| self.shelf.is_some() || !shelf_only(c))
        {
            let bindings: Vec<_> = self
                .settings
                .keymap
                .bindings()
                .iter()
                .filter(|b| b.context == context && !b.keys.is_empty())
                .collect();
            if bindings.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(HelpRow {
                    keys: String::new(),
                    description: String::new(),
                    title: false,
                });
            }
            out.push(HelpRow {
                keys: context.title(lang).to_owned(),
                description: String::new(),
                title: true,
            });
            for b in bindings {
                let description = b.description.get(lang);
                if stacked {
                    out.push(HelpRow {
                        keys: format!("  {}", keys_shown(&b.keys)),
                        description: String::new(),
                        title: false,
                    });
                }
                let rows = crate::doc::wrap::wrap_line(description, desc_width, wide);
                for (i, r) in rows.iter().enumerate() {
                    out.push(HelpRow {
                        keys: if i == 0 && !stacked {
                            format!("  {}", keys_shown(&b.keys))
                        } else {
                            String::new()
                        },
                        description: description[r.clone()].trim().to_owned(),
                        title: false,
                    });
                }
            }
        }
        out
    }

    /// The furthest the overlay scrolls at the current terminal size.
    #[must_use]
    pub fn help_max_scroll(&self) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let inner = frame(area);
        // Inside the border: two columns and two rows less.
        let width = usize::from(inner.width.saturating_sub(2));
        let body = usize::from(inner.height.saturating_sub(2));
        self.help_rows(width).len().saturating_sub(body)
    }
}

/// A binding's keys as the help lists them: `j down`, `g r`.
fn keys_shown(keys: &[Chord]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}
