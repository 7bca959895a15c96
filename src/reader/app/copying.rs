//! Copying: a section, a report, a plan part, every plan part, or lines selected as with vim's
//! `V`. The text is built here; the event loop puts it on the clipboard and reports back.

use super::{App, Effect};
use crate::doc::model::LineNo;
use crate::doc::view::Anchor;
use crate::reader::action::Action;
use crate::reader::i18n::{self, Phrase};
use crate::reader::keymap::Context;
use crate::reader::layout::Pane;

impl App {
    /// `v`: starts a line selection at the reading position, or cancels the one in progress.
    pub(crate) fn toggle_selection(&mut self) {
        self.reading.selection = match self.reading.selection {
            Some(_) => None,
            None => Some(self.reading.top.line),
        };
        self.reading.selection_cursor = self.reading.top.line;
        self.message = self
            .reading
            .selection
            .map(|_| self.hint(Phrase::Selecting, Context::Text));
    }

    /// Builds the text for a copy action; the event loop puts it on the clipboard.
    pub(super) fn copy(&mut self, action: Action) -> Effect {
        let doc = &self.reading.doc;
        let r = self.current_report();
        let breadcrumb = self.settings.breadcrumb;
        let piece = match action {
            Action::CopyAllPlans => {
                let (text, n) = crate::doc::copy::all_plans(doc, breadcrumb);
                return Effect::Copy {
                    text,
                    label: i18n::plan_parts(self.settings.lang, n),
                };
            }
            Action::CopySection if self.reading.selection.is_some() => {
                let (first, last) = self
                    .reading
                    .selected_lines()
                    .unwrap_or((self.reading.top.line, self.reading.top.line));
                self.reading.selection = None;
                Some(crate::doc::copy::lines(&self.reading.doc, first, last))
            }
            Action::CopySection if self.focus == Pane::Plans => {
                crate::doc::copy::plan(doc, self.reading.entry.report)
                    .or_else(|| crate::doc::copy::report(doc, self.reading.entry.report))
            }
            // On the title page: the title page itself (title, count, 目录).
            Action::CopySection => crate::doc::copy::section_at(doc, self.reading.top.line)
                .or_else(|| crate::doc::copy::title_page(doc, self.reading.top.line)),
            Action::CopyReport => crate::doc::copy::report(doc, r),
            _ => crate::doc::copy::plan(doc, r),
        };
        match piece {
            Some(p) => Effect::Copy {
                text: p.text(doc, breadcrumb),
                label: p.label,
            },
            None => {
                // Only a plan can be missing from a report that is there.
                let report = doc.reports.get(r).filter(|_| action == Action::CopyPlan);
                self.message = Some(match report {
                    Some(report) => i18n::has_no_plan(self.settings.lang, &report.title),
                    None => self.settings.lang.get(Phrase::NothingToCopyYet).into(),
                });
                Effect::None
            }
        }
    }

    /// Moves the selection's other end a shown line (or a page, or to an end) and scrolls so it
    /// stays on screen.
    pub(super) fn extend_selection(&mut self, action: Action) {
        let (_, height) = self.text_size();
        let view = self.view();
        let last = self.reading.doc.text.line_count();
        let step = |from: LineNo, down: bool, n: usize| {
            let mut at = from;
            for _ in 0..n {
                let next = if down {
                    view.shown_at_or_after(at + 1)
                } else {
                    at.checked_sub(1).and_then(|p| view.shown_at_or_before(p))
                };
                match next {
                    Some(l) => at = l,
                    None => break,
                }
            }
            at
        };
        let cursor = self.reading.selection_cursor;
        let page = height.saturating_sub(1).max(1);
        let moved = match action {
            Action::Down => step(cursor, true, 1),
            Action::ScrollDown => step(cursor, true, 3),
            Action::ScrollUp => step(cursor, false, 3),
            Action::Up => step(cursor, false, 1),
            Action::PageDown => step(cursor, true, page),
            Action::PageUp => step(cursor, false, page),
            Action::HalfPageDown => step(cursor, true, (height / 2).max(1)),
            Action::HalfPageUp => step(cursor, false, (height / 2).max(1)),
            Action::Top => view.shown_at_or_after(1).unwrap_or(1),
            Action::Bottom => view.shown_at_or_before(last).unwrap_or(last),
            _ => cursor,
        };
        // Keep the moving end on screen: above the top, it becomes the top; below the last row,
        // the text scrolls so it is the last.
        let cursor = moved;
        let top = if cursor < self.reading.top.line {
            Anchor::line(cursor)
        } else {
            let rows = view.rows_from(self.reading.top, height);
            if rows.last().is_some_and(|r| r.line < cursor) {
                let at = view.snap(Anchor::line(cursor));
                let last_row = view.rows(at.line).len().saturating_sub(1);
                view.up(view.down(at, last_row), height.saturating_sub(1))
            } else {
                self.reading.top
            }
        };
        self.reading.selection_cursor = cursor;
        self.go_to(top);
    }

    /// A copy finished: say what was copied, how long it is and how it was sent.
    pub(in crate::reader::app) fn copied(
        &mut self,
        label: &str,
        text: &str,
        result: std::io::Result<crate::reader::settings::ClipboardMethod>,
    ) {
        let chars = text.chars().count();
        let lang = self.settings.lang;
        self.message = Some(match result {
            Ok(method) => {
                let mut m = i18n::copied(lang, label, &thousands(chars), method.name());
                let payload = text.len().div_ceil(3) * 4;
                if method == crate::reader::settings::ClipboardMethod::Osc52
                    && payload > crate::reader::settings::OSC52_WARN_BYTES
                {
                    m.push_str(lang.get(Phrase::Osc52Large));
                }
                m
            }
            Err(e) => i18n::copy_failed(lang, &e.to_string(), self.settings.clipboard),
        });
    }
}

/// `1234567` as `1,234,567` (a space would read as two numbers).
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
