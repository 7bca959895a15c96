//! Moving through the document: scrolling, the outline jumps (`]` `}` `)`), the contents and
//! plans selections, folding, focus, and the pointer.

use super::cursor::{self, Node, PlanEntry};
use super::loading::PendingPlace;
use super::{App, Effect};
use crate::doc::model::LineNo;
use crate::doc::view::Anchor;
use crate::reader::action::Action;
use crate::reader::i18n::{self, Phrase};
use crate::reader::keymap::Context;
use crate::reader::layout::{self, Pane};
use crate::reader::theme;

impl App {
    /// The terminal was resized: keep the reading position (it is anchored in the text).
    pub(in crate::reader::app) fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let height = self.text_size().1;
        self.reading.top = self.view().clamp(self.reading.top, height);
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let visible = self.layout().visible();
        // With one pane at a time, Tab walks through all three.
        let order = if visible.len() <= 1 {
            vec![Pane::Contents, Pane::Text, Pane::Plans]
        } else {
            visible
        };
        let i = order.iter().position(|&p| p == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    pub(super) fn toggle_plans(&mut self) {
        // One pane at a time (narrow): `P` switches between the plans and the text, so it is
        // never silent.
        if self.size.0 < crate::reader::layout::MEDIUM {
            self.focus = if self.focus == Pane::Plans {
                Pane::Text
            } else {
                Pane::Plans
            };
            return;
        }
        let shown = !self.plans_shown();
        self.plans_choice = Some(shown);
        if !shown && self.focus == Pane::Plans {
            self.focus = Pane::Text;
        }
        let height = self.text_size().1;
        self.reading.top = self.view().clamp(self.reading.top, height);
    }

    pub(super) fn cycle_theme(&mut self) {
        // The next theme that loads; a user's broken theme file is skipped, and named.
        let user = &self.settings.user_themes;
        let mut name = self.theme.name.clone();
        let mut problem = None;
        for _ in 0..theme::names(user).len() {
            name = theme::next_name(&name, user);
            match theme::load(&name, self.settings.color, user) {
                Ok(t) => {
                    self.theme = t;
                    let shown = i18n::theme_is(self.settings.lang, &name);
                    self.message = Some(match problem {
                        Some(p) => format!("{shown}; {p}"),
                        None => shown,
                    });
                    return;
                }
                Err(e) => problem = Some(i18n::theme_ignored(self.settings.lang, &e.to_string())),
            }
        }
    }

    /// Moves the reading position to `anchor` (clamped) and lets the other panes follow.
    pub(crate) fn go_to(&mut self, anchor: Anchor) {
        let height = self.text_size().1;
        self.reading.top = self.view().clamp(anchor, height);
        self.follow();
    }

    /// The contents and plans selections follow the reading position.
    pub(super) fn follow(&mut self) {
        self.reading.node = self
            .reading
            .tree
            .node_at(&self.reading.doc, self.reading.top.line);
        self.reading.entry = cursor::entry_at(&self.reading.doc, self.reading.top.line);
    }

    pub(super) fn jump(&mut self, action: Action) {
        let here = self.reading.top;
        // Behind the reading position: a line above it, or its own line when the screen
        // starts inside that line.
        let behind = |l: LineNo| l < here.line || (l == here.line && here.byte > 0);
        let plans = &self.reading.plan_starts;
        let target = match action {
            Action::NextReport => self.report_after(here.line),
            Action::PrevReport => self.report_before(here),
            Action::NextHeading => self.section_after(here.line),
            Action::PrevHeading => self.section_before(&behind),
            Action::NextPlan => plans
                .get(plans.partition_point(|&l| l <= here.line))
                .copied(),
            Action::PrevPlan => plans
                .partition_point(|&l| behind(l))
                .checked_sub(1)
                .map(|i| plans[i]),
            _ => None,
        };
        match target {
            Some(line) => {
                self.jump_to(Anchor::line(line));
                if self.reading.top == here {
                    self.message = Some(self.settings.lang.get(Phrase::EndOnScreen).into());
                }
            }
            None => {
                let what = match action {
                    Action::NextReport | Action::PrevReport => i18n::Stop::Report,
                    Action::NextPlan | Action::PrevPlan => i18n::Stop::PlanPart,
                    _ => i18n::Stop::Heading,
                };
                let forward = matches!(
                    action,
                    Action::NextReport | Action::NextHeading | Action::NextPlan
                );
                self.message = Some(i18n::no_stop(self.settings.lang, what, forward));
            }
        }
    }

    /// The first report title or heading after `line` (binary searches: no list of every
    /// heading is kept beside the model).
    fn section_after(&self, line: LineNo) -> Option<LineNo> {
        let reports = &self.reading.doc.reports;
        let next = reports.partition_point(|r| r.line <= line);
        let inside = next.checked_sub(1).and_then(|cur| {
            let headings = &reports[cur].headings;
            headings
                .get(headings.partition_point(|h| h.line <= line))
                .map(|h| h.line)
        });
        inside.or_else(|| reports.get(next).map(|r| r.line))
    }

    /// The last report title or heading that is `behind` the reading position.
    fn section_before(&self, behind: &dyn Fn(LineNo) -> bool) -> Option<LineNo> {
        let reports = &self.reading.doc.reports;
        let cur = reports.partition_point(|r| behind(r.line)).checked_sub(1)?;
        let headings = &reports[cur].headings;
        let last = headings.partition_point(|h| behind(h.line)).checked_sub(1);
        Some(last.map_or(reports[cur].line, |i| headings[i].line))
    }

    pub(super) fn report_after(&self, line: LineNo) -> Option<LineNo> {
        let i = self.reading.doc.reports.partition_point(|r| r.line <= line);
        self.reading.doc.reports.get(i).map(|r| r.line)
    }

    pub(super) fn report_before(&self, here: Anchor) -> Option<LineNo> {
        let i = self
            .reading
            .doc
            .reports
            .partition_point(|r| r.line < here.line || (r.line == here.line && here.byte > 0));
        i.checked_sub(1).map(|i| self.reading.doc.reports[i].line)
    }

    pub(super) fn movement(&mut self, action: Action) {
        // Before the reports are known (a large file still parsing) only the text moves.
        if self.reading.doc.reports.is_empty() && self.focus != Pane::Text {
            return;
        }
        match self.focus {
            Pane::Text if self.reading.selection.is_some() => self.extend_selection(action),
            Pane::Text => self.scroll_text(action),
            Pane::Contents => {
                let rows = self.pane_rows(Pane::Contents);
                self.reading.node = self.walk(
                    self.reading.node,
                    action,
                    rows,
                    |app, n| app.reading.tree.next(&app.reading.doc, n),
                    |app, n| app.reading.tree.prev(&app.reading.doc, n),
                    |app| {
                        (
                            Node::Report(0),
                            app.reading
                                .tree
                                .last(&app.reading.doc)
                                .unwrap_or(Node::Report(0)),
                        )
                    },
                );
            }
            Pane::Plans => {
                let rows = self.pane_rows(Pane::Plans) / 2;
                self.reading.entry = self.walk(
                    self.reading.entry,
                    action,
                    rows.max(1),
                    |app, e| cursor::next_entry(&app.reading.doc, e),
                    |app, e| cursor::prev_entry(&app.reading.doc, e),
                    |app| {
                        let last = app.reading.doc.reports.len() - 1;
                        let items = app.reading.doc.reports[last]
                            .plan
                            .as_ref()
                            .map_or(0, |p| p.items.len());
                        (
                            PlanEntry::default(),
                            PlanEntry {
                                report: last,
                                item: items.checked_sub(1),
                            },
                        )
                    },
                );
            }
        }
    }

    /// Moves a list selection by an action: one row, a page, half a page, or to an end.
    pub(super) fn walk<T: Copy>(
        &self,
        from: T,
        action: Action,
        page: usize,
        next: impl Fn(&Self, T) -> Option<T>,
        prev: impl Fn(&Self, T) -> Option<T>,
        ends: impl Fn(&Self) -> (T, T),
    ) -> T {
        let (count, forward) = match action {
            Action::Down => (1, true),
            Action::ScrollDown => (3, true),
            Action::ScrollUp => (3, false),
            Action::Up => (1, false),
            Action::PageDown => (page, true),
            Action::PageUp => (page, false),
            Action::HalfPageDown => ((page / 2).max(1), true),
            Action::HalfPageUp => ((page / 2).max(1), false),
            Action::Top => return ends(self).0,
            Action::Bottom => return ends(self).1,
            _ => return from,
        };
        let mut at = from;
        for _ in 0..count {
            match if forward {
                next(self, at)
            } else {
                prev(self, at)
            } {
                Some(n) => at = n,
                None => break,
            }
        }
        at
    }

    pub(super) fn scroll_text(&mut self, action: Action) {
        // The end of the preview is not the end of the file: `G` goes there when it is in.
        self.reading.pending_place = (action == Action::Bottom
            && self.reading.preview_of.is_some())
        .then_some(PendingPlace::Bottom);
        let (_, height) = self.text_size();
        let view = self.view();
        let page = height.saturating_sub(1).max(1);
        let top = match action {
            Action::Down => view.down(self.reading.top, 1),
            Action::ScrollDown => view.down(self.reading.top, 3),
            Action::ScrollUp => view.up(self.reading.top, 3),
            Action::Up => view.up(self.reading.top, 1),
            Action::PageDown => view.down(self.reading.top, page),
            Action::PageUp => view.up(self.reading.top, page),
            Action::HalfPageDown => view.down(self.reading.top, (height / 2).max(1)),
            Action::HalfPageUp => view.up(self.reading.top, (height / 2).max(1)),
            Action::Top | Action::Bottom => {
                let target = if action == Action::Top {
                    Anchor::line(1)
                } else {
                    view.last_top(height)
                };
                self.jump_to(target);
                return;
            }
            _ => self.reading.top,
        };
        self.go_to(top);
    }

    pub(super) fn fold(&mut self, action: Action) {
        if self.focus != Pane::Contents || self.reading.doc.reports.is_empty() {
            return;
        }
        let r = self.reading.node.report();
        if self.reading.doc.reports[r].headings.is_empty() && r < self.reading.parsed {
            self.message = Some(self.settings.lang.get(Phrase::NothingToFold).into());
            return;
        }
        let open = self.reading.tree.unfolded[r];
        match (action, self.reading.node) {
            // `h` on a heading goes up to its report, as in file managers.
            (Action::Fold, Node::Heading(..)) => self.reading.node = Node::Report(r),
            (Action::Fold, _) => self.reading.tree.unfolded[r] = false,
            (Action::Unfold, _) => self.reading.tree.unfolded[r] = true,
            _ => {
                self.reading.tree.unfolded[r] = !open;
                self.reading.node = Node::Report(r);
            }
        }
    }

    /// The first row the contents pane shows at `height` rows: a third of a page above the
    /// selection (stateless scrolling, so a click can be placed as the renderer placed it).
    #[must_use]
    pub fn contents_first(&self, height: usize) -> Node {
        let mut first = self.reading.node;
        for _ in 0..height / 3 {
            match self.reading.tree.prev(&self.reading.doc, first) {
                Some(p) => first = p,
                None => break,
            }
        }
        first
    }

    /// Focus by `1`, `2`, `3`: asking for the plans pane shows it.
    pub(super) fn focus_on(&mut self, action: Action) {
        self.focus = match action {
            Action::FocusContents => Pane::Contents,
            Action::FocusPlans => {
                if self.size.0 >= layout::MEDIUM {
                    self.plans_choice = Some(true);
                }
                Pane::Plans
            }
            _ => Pane::Text,
        };
    }

    /// The pointer pressed on `pane` (on body row `row`): that pane is focused, and the
    /// contents or plans row under the pointer selected; `action` (what the button is bound
    /// to there) follows, unless the press was below the last row.
    pub(crate) fn point(
        &mut self,
        pane: Pane,
        row: Option<usize>,
        action: Option<Action>,
    ) -> Effect {
        if !self.reading_shown() {
            return self.point_on_list(row, action);
        }
        self.focus = pane;
        let landed = match (pane, row) {
            (_, None) => true,
            (_, Some(_)) if self.reading.doc.reports.is_empty() => false,
            (Pane::Contents, Some(r)) => self
                .contents_row(r)
                .map(|n| self.reading.node = n)
                .is_some(),
            (Pane::Plans, Some(r)) => self.plans_row(r).map(|e| self.reading.entry = e).is_some(),
            (Pane::Text, Some(_)) => true,
        };
        match action {
            Some(action) if landed => self.act(action),
            _ => Effect::None,
        }
    }

    /// The contents row shown `row` rows under the pane's header.
    pub(super) fn contents_row(&self, row: usize) -> Option<Node> {
        let height = self.pane_rows(Pane::Contents);
        let mut node = Some(self.contents_first(height));
        for _ in 0..row {
            node = node.and_then(|n| self.reading.tree.next(&self.reading.doc, n));
        }
        node
    }

    /// The plan entry shown `row` rows under the plans pane's header.
    pub(super) fn plans_row(&self, row: usize) -> Option<PlanEntry> {
        let rect = self.layout().rect(Pane::Plans)?;
        let rows = self.plan_rows(usize::from(rect.width), self.pane_rows(Pane::Plans));
        rows.get(row).and_then(|r| r.entry)
    }

    pub(super) fn open(&mut self) {
        if self.reading.doc.reports.is_empty() {
            self.message = Some(self.settings.lang.get(Phrase::ReadingReports).into());
            return;
        }
        let line = match self.focus {
            Pane::Contents => cursor::node_line(&self.reading.doc, self.reading.node),
            Pane::Plans => cursor::entry_line(&self.reading.doc, self.reading.entry),
            Pane::Text => {
                self.message = Some(self.hint(Phrase::OpenFromAList, Context::Global));
                return;
            }
        };
        let (node, entry) = (self.reading.node, self.reading.entry);
        self.jump_to(Anchor::line(line));
        // Keep the row the user chose selected, even where the text could not scroll that far.
        match self.focus {
            Pane::Contents => self.reading.node = node,
            _ => self.reading.entry = entry,
        }
    }
}
