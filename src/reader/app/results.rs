//! The search results list: every hit grouped by report and section, with counts and a snippet,
//! in one of three scopes. Built once when opened or re-scoped, so drawing it costs a page.

use super::App;
use crate::doc::model::LineNo;
use crate::doc::search::{self, Hit};
use crate::reader::i18n::Phrase;

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
    pub fn label(self, lang: crate::reader::i18n::Lang) -> &'static str {
        lang.get(match self {
            Self::All => Phrase::ScopeAll,
            Self::Plans => Phrase::ScopePlans,
            Self::Report(_) => Phrase::ScopeReport,
        })
    }
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A compilation of the shelf (its place) and its number of hits.
    Book {
        book: usize,
        name: String,
        count: usize,
    },
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
    pub(in crate::reader::app) fn open_results(&mut self) {
        if self.reading.finder.search.is_none() {
            self.message = Some(self.hint(
                Phrase::NoSearchForList,
                crate::reader::keymap::Context::Global,
            ));
            return;
        }
        self.open_results_in(Scope::All);
    }

    /// Opens the list in `scope` once the hits are counted: at once if they are, else when the
    /// count (off the UI thread) comes in, so a frequent word never freezes the reader.
    pub(super) fn open_results_in(&mut self, scope: Scope) {
        if self
            .reading
            .finder
            .search
            .as_ref()
            .is_some_and(|s| s.hits.is_some())
        {
            self.reading.results_waiting = None;
            self.reading.results = Some(self.build_results(scope));
        } else {
            self.reading.results_waiting = Some(scope);
            self.message = Some(self.hint(
                Phrase::CountingForList,
                crate::reader::keymap::Context::Global,
            ));
        }
    }

    /// The hits just counted: open the list that was waiting for them.
    pub(crate) fn results_counted(&mut self) {
        if let Some(scope) = self.reading.results_waiting.take() {
            self.message = None;
            self.open_results_in(scope);
        }
    }

    /// Cycles the scope: whole compilation → plan parts → current report.
    pub(in crate::reader::app) fn cycle_results_scope(&mut self) {
        let Some(r) = self.reading.results.as_ref() else {
            return;
        };
        let next = match r.scope {
            Scope::All => Scope::Plans,
            Scope::Plans => Scope::Report(self.current_report()),
            Scope::Report(_) => Scope::All,
        };
        self.open_results_in(next);
    }

    /// `Enter` on a row: go to the hit (or the first hit under a group row).
    pub(in crate::reader::app) fn open_result(&mut self) {
        let Some(r) = self.reading.results.take() else {
            return;
        };
        let hit = r.rows[r.selected.min(r.rows.len().saturating_sub(1))..]
            .iter()
            .find_map(|row| match row {
                Row::Hit { hit, .. } => Some(hit.clone()),
                _ => None,
            });
        if let Some(hit) = hit {
            let from = self.reading.top;
            if let Some(s) = self.reading.finder.search.as_mut() {
                s.current = Some(hit.clone());
            }
            self.show_hit_public(&hit);
            self.record_jump(from);
        }
    }

    /// The list for the counted hits in `scope`. One pass over the hits: each hit's line is
    /// found from the previous one's unless it lies beyond it, and section paths come from one
    /// [`search::Locator`], so a million hits or a report of 100 000 headings stay fast.
    pub(super) fn build_results(&self, scope: Scope) -> Results {
        let doc = &self.reading.doc;
        let none = search::Hits::default();
        let all = self
            .reading
            .finder
            .search
            .as_ref()
            .and_then(|s| s.hits.as_deref())
            .unwrap_or(&none);
        let in_scope = |r: Option<usize>, line: LineNo| match scope {
            Scope::All => true,
            Scope::Report(want) => r == Some(want),
            Scope::Plans => r
                .and_then(|r| doc.reports[r].plan.as_ref())
                .is_some_and(|p| p.start_line <= line && line <= p.end_line),
        };
        let mut grouped = Grouped::default();
        let title_page = self.settings.lang.get(Phrase::TitlePage);
        let total = group_hits(doc, all, title_page, &in_scope, &mut grouped, 0);
        let rows = grouped.rows;
        let selected = self.current_row(&rows);
        Results {
            scope,
            rows,
            selected,
            total,
            truncated: total > MAX_LISTED,
        }
    }

    /// The row of the current hit, if it is listed (the list opens on it).
    fn current_row(&self, rows: &[Row]) -> usize {
        let current = self
            .reading
            .finder
            .search
            .as_ref()
            .and_then(|s| s.current.as_ref());
        rows.iter()
            .position(|row| matches!(row, Row::Hit { hit, .. } if Some(hit) == current))
            .unwrap_or(0)
    }
}

/// Groups the hits of `doc` that `keep` takes (by report and line) into `grouped`: report,
/// section and hit rows, counted. One pass over the hits: each hit's line is found from the
/// previous one's unless it lies beyond it, and section paths come from one
/// [`search::Locator`], so a million hits or a report of 100 000 headings stay fast. `before`
/// hits are listed already (at most [`MAX_LISTED`] in all); how many `keep` took is returned.
pub(super) fn group_hits(
    doc: &crate::doc::model::Compilation,
    all: &search::Hits,
    title_page: &str,
    keep: &dyn Fn(Option<usize>, LineNo) -> bool,
    grouped: &mut Grouped,
    before: usize,
) -> usize {
    let mut locator = search::Locator::new(doc);
    let mut total = 0;
    // The line of the previous hit, where its line ends, its report, and whether it counts.
    let mut line = 0;
    let mut line_end = 0;
    let mut report = None;
    let mut counted = false;
    for hit in all.iter() {
        if line == 0 || hit.start >= line_end {
            line = doc.text.line_of_offset(hit.start);
            line_end = doc.text.line_range(line).map_or(usize::MAX, |r| r.end);
            report = doc.report_at(line);
            counted = keep(report, line) && !doc.is_artefact_line(line);
        }
        if !counted {
            continue;
        }
        total += 1;
        if before + total > MAX_LISTED {
            continue;
        }
        grouped.report(report, || match report {
            Some(i) => doc.reports[i].title.clone(),
            None => doc.name.clone().unwrap_or_else(|| title_page.into()),
        });
        grouped.section(report.map_or_else(String::new, |r| locator.path(r, line).join(" > ")));
        grouped.hit(Row::Hit {
            snippet: snippet(doc, line, &hit),
            hit: hit.clone(),
            line,
        });
    }
    total
}

/// The text around a hit on its line: a few characters before, the hit, more after. Only those
/// characters are looked at, however long the line (a flattened file is one line).
fn snippet(doc: &crate::doc::model::Compilation, line: LineNo, hit: &Hit) -> String {
    let text = doc.text.as_str();
    let range = doc.text.line_range(line).unwrap_or(hit.start..hit.end);
    let (line_start, line_end) = (range.start.min(hit.start), range.end.max(hit.end));
    let mut before: Vec<char> = text[line_start..hit.start]
        .chars()
        .rev()
        .take(BEFORE)
        .collect();
    before.reverse();
    let before: String = before.into_iter().collect();
    let after: String = text[hit.end..line_end].chars().take(AFTER).collect();
    format!("{}{}{}", before.trim_start(), &text[hit.clone()], after)
}

/// Rows being grouped as hits arrive in order: a report row, its section rows, their hits,
/// each group's count kept up to date.
#[derive(Default)]
pub(super) struct Grouped {
    pub(super) rows: Vec<Row>,
    book_row: Option<usize>,
    report_row: Option<usize>,
    section_row: Option<usize>,
    last_report: Option<Option<usize>>,
    last_section: String,
}

impl Grouped {
    /// The next hits are in the shelf's book `book`, named `name`.
    pub(super) fn book(&mut self, book: usize, name: &str) {
        self.rows.push(Row::Book {
            book,
            name: name.to_owned(),
            count: 0,
        });
        self.book_row = Some(self.rows.len() - 1);
        self.report_row = None;
        self.section_row = None;
        self.last_report = None;
        self.last_section.clear();
    }

    /// The next hit is in `report`: a new report row if it is another report.
    fn report(&mut self, report: Option<usize>, title: impl FnOnce() -> String) {
        if self.last_report == Some(report) {
            return;
        }
        self.last_report = Some(report);
        self.last_section.clear();
        self.rows.push(Row::Report {
            title: title(),
            count: 0,
        });
        self.report_row = Some(self.rows.len() - 1);
        self.section_row = None;
    }

    /// The next hit is under `section` (a heading path): a new section row if it changed.
    fn section(&mut self, section: String) {
        if section.is_empty() || section == self.last_section {
            return;
        }
        self.last_section.clone_from(&section);
        self.rows.push(Row::Section {
            label: section,
            count: 0,
        });
        self.section_row = Some(self.rows.len() - 1);
    }

    /// A hit's row, counted in its report and section.
    fn hit(&mut self, row: Row) {
        for i in [self.book_row, self.report_row, self.section_row]
            .into_iter()
            .flatten()
        {
            if let Row::Book { count, .. }
            | Row::Report { count, .. }
            | Row::Section { count, .. } = &mut self.rows[i]
            {
                *count += 1;
            }
        }
        self.rows.push(row);
    }
}
