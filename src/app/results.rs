//! The search results list: every hit grouped by report and section, with counts and a snippet,
//! in one of three scopes. Built once when opened or re-scoped, so drawing it costs a page.

use super::App;
use crate::i18n::Msg;
use crate::model::LineNo;
use crate::search::{self, Hit};

/// Which hits the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Only hits inside a report's plan part.
    Plans,
    /// Only hits inside the report being read when the list opened.
    Report(usize),
}

impl Scope {
    /// Its name in the list's title.
    #[must_use]
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        lang.get(match self {
            Self::All => Msg::ScopeAll,
            Self::Plans => Msg::ScopePlans,
            Self::Report(_) => Msg::ScopeReport,
        })
    }
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A report and its number of hits.
    Report { title: String, count: usize },
    /// A section (heading path) and its number of hits.
    Section { label: String, count: usize },
    /// A hit: its line and a snippet of the text around it.
    Hit {
        hit: Hit,
        line: LineNo,
        snippet: String,
    },
}

/// The open list.
#[derive(Debug, Clone)]
pub struct Results {
    pub scope: Scope,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// Hits in scope, and whether the list stops short of them.
    pub total: usize,
    pub truncated: bool,
}

/// Most hits listed (a frequent character can have millions).
pub const MAX_LISTED: usize = 20_000;

/// Characters of context before and after a hit in its snippet.
const BEFORE: usize = 12;
const AFTER: usize = 40;

impl App {
    /// Opens the list for the current search (`&`, `F`).
    pub fn open_results(&mut self) {
        if self.finder.search.is_none() {
            self.message = Some(self.settings.lang.get(Msg::NoSearchForList).into());
            return;
        }
        self.results = Some(self.build_results(Scope::All));
    }

    /// Cycles the scope: whole compilation → plan parts → current report.
    pub fn cycle_results_scope(&mut self) {
        let Some(r) = self.results.as_ref() else {
            return;
        };
        let next = match r.scope {
            Scope::All => Scope::Plans,
            Scope::Plans => Scope::Report(self.current_report()),
            Scope::Report(_) => Scope::All,
        };
        self.results = Some(self.build_results(next));
    }

    /// `Enter` on a row: go to the hit (or the first hit under a group row).
    pub fn open_result(&mut self) {
        let Some(r) = self.results.take() else { return };
        let hit = r.rows[r.selected.min(r.rows.len().saturating_sub(1))..]
            .iter()
            .find_map(|row| match row {
                Row::Hit { hit, .. } => Some(hit.clone()),
                _ => None,
            });
        if let Some(hit) = hit {
            let from = self.top;
            if let Some(s) = self.finder.search.as_mut() {
                s.current = Some(hit.clone());
            }
            self.show_hit_public(&hit);
            self.record_jump(from);
        }
    }

    fn build_results(&self, scope: Scope) -> Results {
        let doc = &self.doc;
        let Some(s) = self.finder.search.as_ref() else {
            return Results {
                scope,
                rows: Vec::new(),
                selected: 0,
                total: 0,
                truncated: false,
            };
        };
        let all: Vec<Hit> = s.hits.as_ref().map_or_else(
            || search::find_all(&s.regex, doc.text.as_str()),
            |h| h.as_ref().clone(),
        );
        let in_scope = |line: LineNo| {
            let r = doc
                .reports
                .partition_point(|r| r.line <= line)
                .checked_sub(1);
            match scope {
                Scope::All => true,
                Scope::Report(want) => r == Some(want) && line <= doc.reports[want].end_line,
                Scope::Plans => r
                    .and_then(|r| doc.reports[r].plan.as_ref())
                    .is_some_and(|p| p.start_line <= line && line <= p.end_line),
            }
        };
        let hits: Vec<(Hit, LineNo)> = all
            .into_iter()
            .map(|h| (h.clone(), doc.text.line_of_offset(h.start)))
            .filter(|(_, l)| in_scope(*l) && !doc.is_artefact_line(*l))
            .collect();
        let total = hits.len();
        let truncated = total > MAX_LISTED;
        let mut rows = Vec::new();
        let mut report_row: Option<usize> = None;
        let mut section_row: Option<usize> = None;
        let mut last_report: Option<Option<usize>> = None;
        let mut last_section = String::new();
        for (hit, line) in hits.into_iter().take(MAX_LISTED) {
            let r = doc
                .reports
                .partition_point(|rep| rep.line <= line)
                .checked_sub(1)
                .filter(|&i| line <= doc.reports[i].end_line);
            if last_report != Some(r) {
                last_report = Some(r);
                last_section.clear();
                let title = r.map_or_else(
                    || {
                        doc.title
                            .clone()
                            .unwrap_or_else(|| self.settings.lang.get(Msg::TitlePage).into())
                    },
                    |i| doc.reports[i].title.clone(),
                );
                rows.push(Row::Report { title, count: 0 });
                report_row = Some(rows.len() - 1);
                section_row = None;
            }
            let location = search::location(doc, line);
            let section = location
                .split(" › ")
                .skip(1)
                .collect::<Vec<_>>()
                .join(" > ");
            if !section.is_empty() && section != last_section {
                last_section.clone_from(&section);
                rows.push(Row::Section {
                    label: section,
                    count: 0,
                });
                section_row = Some(rows.len() - 1);
            }
            for i in [report_row, section_row].into_iter().flatten() {
                if let Row::Report { count, .. } | Row::Section { count, .. } = &mut rows[i] {
                    *count += 1;
                }
            }
            rows.push(Row::Hit {
                snippet: snippet(doc.text.as_str(), &hit),
                hit,
                line,
            });
        }
        // Start on the hit that is current, if it is listed.
        let current = s.current.as_ref();
        let selected = rows
            .iter()
            .position(|row| matches!(row, Row::Hit { hit, .. } if Some(hit) == current))
            .unwrap_or(0);
        Results {
            scope,
            rows,
            selected,
            total,
            truncated,
        }
    }
}

/// The text around a hit on its line: a few characters before, the hit, more after.
fn snippet(text: &str, hit: &Hit) -> String {
    let line_start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[hit.end..]
        .find('\n')
        .map_or(text.len(), |i| hit.end + i);
    let before: String = {
        let b: Vec<char> = text[line_start..hit.start].chars().collect();
        b[b.len().saturating_sub(BEFORE)..].iter().collect()
    };
    let after: String = text[hit.end..line_end].chars().take(AFTER).collect();
    format!("{}{}{}", before.trim_start(), &text[hit.clone()], after)
}
