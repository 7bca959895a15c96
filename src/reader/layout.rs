//! Where the panes go for a terminal size. Pure: `App::update` uses it to know page sizes and
//! the renderer to draw, so both always agree.
//!
//! - 120 columns and more: contents | text | plans side by side (`P` hides the plans).
//! - 80 to 119: contents | text; `P` stacks the plans under the contents.
//! - under 80: one pane at a time, the focused one; `Tab` and `1`/`2`/`3` switch, `P` switches
//!   to the plans and back.

use ratatui::layout::Rect;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Contents,
    Text,
    Plans,
}

/// Width from which all three panes stand side by side.
pub const WIDE: u16 = 120;
/// Width from which two panes stand side by side.
pub const MEDIUM: u16 = 80;

/// The rectangles of one frame. A pane is `None` when it is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub contents: Option<Rect>,
    pub text: Option<Rect>,
    pub plans: Option<Rect>,
    /// One-column separators between panes.
    pub separators: [Option<Rect>; 2],
    pub status: Rect,
}

impl Layout {
    /// Lays out `area` (the whole terminal). `plans` says whether the plans pane is wanted.
    #[must_use]
    pub fn compute(area: Rect, plans: bool, focus: Pane) -> Self {
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let status = Rect {
            y: area.y + body.height,
            height: area.height.min(1),
            ..area
        };
        let mut out = Self {
            status,
            ..Self::default()
        };
        if area.width >= WIDE {
            let side = area.width * 3 / 10;
            let (contents, rest) = split_columns(body, side);
            out.contents = Some(contents);
            let (separator, rest) = split_columns(rest, 1);
            out.separators[0] = Some(separator);
            if plans {
                let (text, plans_area) = split_columns(rest, rest.width.saturating_sub(side));
                out.text = Some(text);
                let (separator, plans_area) = split_columns(plans_area, 1);
                out.separators[1] = Some(separator);
                out.plans = Some(plans_area);
            } else {
                out.text = Some(rest);
            }
        } else if area.width >= MEDIUM {
            let (left, rest) = split_columns(body, area.width * 7 / 20);
            let (separator, text) = split_columns(rest, 1);
            out.separators[0] = Some(separator);
            out.text = Some(text);
            if plans {
                let top = left.height / 2;
                out.contents = Some(Rect {
                    height: top,
                    ..left
                });
                out.plans = Some(Rect {
                    y: left.y + top,
                    height: left.height - top,
                    ..left
                });
            } else {
                out.contents = Some(left);
            }
        } else {
            match focus {
                Pane::Contents => out.contents = Some(body),
                Pane::Text => out.text = Some(body),
                Pane::Plans => out.plans = Some(body),
            }
        }
        out
    }

    /// The panes shown, in focus order.
    #[must_use]
    pub fn visible(&self) -> Vec<Pane> {
        [
            (Pane::Contents, self.contents),
            (Pane::Text, self.text),
            (Pane::Plans, self.plans),
        ]
        .into_iter()
        .filter_map(|(p, r)| r.map(|_| p))
        .collect()
    }

    /// The rectangle of a pane, if shown.
    #[must_use]
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Contents => self.contents,
            Pane::Text => self.text,
            Pane::Plans => self.plans,
        }
    }

    /// The pane under a screen position.
    #[must_use]
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        [Pane::Contents, Pane::Text, Pane::Plans]
            .into_iter()
            .find(|&p| {
                self.rect(p).is_some_and(|r| {
                    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
                })
            })
    }
}

fn split_columns(area: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(area.width);
    (
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    )
}

/// Whether the plans pane shows by default at this width.
#[must_use]
pub fn plans_by_default(width: u16) -> bool {
    width >= WIDE
}

/// The first row shown of a list of `rows` in `body` rows with row `selected` selected: the
/// selection a third of the way down, the list never scrolled past its end. The renderer
/// draws by it and a click is mapped back by it, so both agree.
#[must_use]
pub fn list_top(selected: usize, rows: usize, body: usize) -> usize {
    selected
        .saturating_sub(body / 3)
        .min(rows.saturating_sub(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let wide = Layout::compute(Rect::new(0, 0, 160, 45), true, Pane::Text);
        assert_eq!(
            wide.visible(),
            vec![Pane::Contents, Pane::Text, Pane::Plans]
        );
        let total: u16 = [wide.contents, wide.text, wide.plans]
            .iter()
            .flatten()
            .map(|r| r.width)
            .sum::<u16>()
            + 2;
        assert_eq!(total, 160, "panes and separators fill the width");
        assert_eq!(wide.status, Rect::new(0, 44, 160, 1));
        let medium = Layout::compute(Rect::new(0, 0, 100, 30), false, Pane::Text);
        assert_eq!(medium.visible(), vec![Pane::Contents, Pane::Text]);
        let stacked = Layout::compute(Rect::new(0, 0, 100, 30), true, Pane::Text);
        assert_eq!(
            stacked.visible(),
            vec![Pane::Contents, Pane::Text, Pane::Plans]
        );
        let narrow = Layout::compute(Rect::new(0, 0, 50, 16), true, Pane::Plans);
        assert_eq!(narrow.visible(), vec![Pane::Plans]);
        assert_eq!(narrow.pane_at(10, 3), Some(Pane::Plans));
        let tiny = Layout::compute(Rect::new(0, 0, 1, 1), true, Pane::Text);
        assert_eq!(tiny.text.map(|r| r.height), Some(0));
    }
}
