//! The plans pane's rows: every report from the selected one on, its title, plan heading and
//! items, wrapped. The renderer draws them and a click is mapped back through them, so what is
//! clicked is what was drawn.

use super::App;
use super::cursor::PlanEntry;
use crate::doc::wrap::wrap_line;
use crate::reader::i18n::Phrase;

/// What a row shows, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    ReportTitle,
    PlanHeading,
    PlanItem,
    /// No plan part (or not read yet).
    NoPlan,
    /// The blank row between reports.
    Blank,
}

/// One screen row of the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// The entry the row belongs to (none for the blank rows between reports).
    pub entry: Option<PlanEntry>,
    pub indent: u16,
    pub text: String,
    pub role: Role,
}

impl PlanRow {
    /// Whether the row is highlighted when `entry` is selected: an item's rows, or a report's
    /// title row (not its plan heading).
    #[must_use]
    pub fn shows(&self, entry: PlanEntry) -> bool {
        self.entry == Some(entry) && (entry.item.is_some() || self.indent == 0)
    }
}

impl App {
    /// The rows the plans pane shows at `width` × `height`: from the selected report on,
    /// scrolled so the selection is in view.
    #[must_use]
    pub fn plan_rows(&self, width: usize, height: usize) -> Vec<PlanRow> {
        let doc = &self.reading.doc;
        let mut rows: Vec<PlanRow> = Vec::new();
        let mut r = self.reading.entry.report;
        // Enough rows to show the selection and a page after it.
        while r < doc.reports.len() && rows.len() < height * 3 {
            self.plan_block(r, width, &mut rows);
            rows.push(PlanRow {
                entry: None,
                indent: 0,
                text: String::new(),
                role: Role::Blank,
            });
            r += 1;
        }
        let selected = self.reading.entry;
        let selected_at = rows
            .iter()
            .rposition(|l| l.entry == Some(selected))
            .unwrap_or(0);
        let skip = (selected_at + 1).saturating_sub(height);
        rows.drain(..skip.min(rows.len()));
        rows.truncate(height);
        rows
    }

    /// The rows of report `r`'s block at `width` columns.
    pub(super) fn plan_block(&self, r: usize, width: usize, out: &mut Vec<PlanRow>) {
        let wide = self.settings.ambiguous_wide;
        let lang = self.settings.lang;
        let report = &self.reading.doc.reports[r];
        let mut push = |entry: PlanEntry, indent: usize, text: &str, role: Role| {
            // Continuation rows hang two columns in (under the text after `- `).
            let hang = if indent > 0 { 2 } else { 0 };
            let avail = width.saturating_sub(indent + hang).max(2);
            for (k, range) in wrap_line(text, avail, wide).into_iter().enumerate() {
                let extra = if k > 0 { hang } else { 0 };
                out.push(PlanRow {
                    entry: Some(entry),
                    indent: u16::try_from(indent + extra).unwrap_or(0),
                    text: text[range].to_owned(),
                    role,
                });
            }
        };
        let head = PlanEntry {
            report: r,
            item: None,
        };
        let title = format!("{} 《{}》", r + 1, report.title);
        push(head, 0, &title, Role::ReportTitle);
        let Some(p) = &report.plan else {
            let missing = if r >= self.reading.parsed {
                Phrase::ReadingOne
            } else {
                Phrase::NoPlanPart
            };
            push(head, 2, lang.get(missing), Role::NoPlan);
            return;
        };
        let heading = p.heading.as_deref().unwrap_or(lang.get(Phrase::PlanProse));
        push(head, 2, heading, Role::PlanHeading);
        for (k, item) in p.items.iter().enumerate() {
            let entry = PlanEntry {
                report: r,
                item: Some(k),
            };
            push(entry, 2, &format!("- {}", item.text), Role::PlanItem);
        }
    }
}
