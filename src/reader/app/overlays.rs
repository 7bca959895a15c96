//! Keys while an overlay is open: the help, the search results list, the marks list. Their
//! scrolling is clamped here, to what the overlay shows at the current size.

use super::{App, Effect, help};
use crate::reader::action::Action;

/// Where a movement takes a row (or a scroll offset) `at` of `0..=last`, a page being `page`
/// rows; `None` for an action that does not move.
pub(super) fn moved(action: Action, at: usize, page: usize, last: usize) -> Option<usize> {
    let to = match action {
        Action::Down => at + 1,
        Action::Up => at.saturating_sub(1),
        Action::ScrollDown => at + 3,
        Action::ScrollUp => at.saturating_sub(3),
        Action::PageDown => at + page,
        Action::PageUp => at.saturating_sub(page),
        Action::HalfPageDown => at + (page / 2).max(1),
        Action::HalfPageUp => at.saturating_sub((page / 2).max(1)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}

impl App {
    /// Keys while the results or marks list is open.
    pub(super) fn update_list(&mut self, action: Action) -> Effect {
        let results = self.reading.results.as_ref();
        let len = results.map_or(self.reading.finder.marks.len(), |r| r.rows.len());
        let selected = results.map_or(self.marks_selected, |r| r.selected);
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        match action {
            Action::CycleScope => self.cycle_results_scope(),
            Action::Open if self.reading.results.is_some() => self.open_result(),
            Action::Open => self.open_mark(selected),
            Action::Cancel | Action::OpenResults | Action::ListMarks => self.close_lists(),
            Action::Quit => return Effect::Quit,
            _ => {
                let Some(to) = moved(action, selected, page, len.saturating_sub(1)) else {
                    return Effect::None;
                };
                match self.reading.results.as_mut() {
                    Some(r) => r.selected = to,
                    None => self.marks_selected = to,
                }
            }
        }
        Effect::None
    }

    /// Keys while the shelf's search results are open.
    pub(super) fn update_shelf_results(&mut self, action: Action) -> Effect {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let Some(r) = self.shelf.as_mut().and_then(|s| s.results.as_mut()) else {
            return Effect::None;
        };
        match action {
            Action::Open => return self.open_shelf_result(),
            Action::Cancel | Action::OpenResults => {
                if let Some(s) = self.shelf.as_mut() {
                    s.results = None;
                }
            }
            Action::Quit => return Effect::Quit,
            _ => {
                if let Some(to) = moved(action, r.selected, page, r.rows.len().saturating_sub(1)) {
                    r.selected = to;
                }
            }
        }
        Effect::None
    }

    fn close_lists(&mut self) {
        self.reading.results = None;
        self.marks_open = false;
    }

    /// Keys while the help is open. Its scrolling is clamped to what the overlay shows at
    /// this size, so after `G`, `k` moves at once.
    pub(super) fn update_help(&mut self, action: Action, scroll: usize) -> Effect {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let page = usize::from(help::frame(area).height)
            .saturating_sub(3)
            .max(1);
        match action {
            Action::Quit => return Effect::Quit,
            Action::ToggleHelp | Action::Cancel => self.help = None,
            _ => {
                let max = self.help_max_scroll();
                self.help = Some(moved(action, scroll, page, max).unwrap_or(scroll.min(max)));
            }
        }
        Effect::None
    }
}
