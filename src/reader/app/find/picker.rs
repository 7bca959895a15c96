//! The `:` picker: a line, a percentage, or a report or heading by a fuzzy match on its name.

use super::super::App;
use crate::doc::view::Anchor;

/// A report or heading offered by the `:` picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub line: crate::doc::model::LineNo,
    /// The heading or title, and the report it belongs to (for headings).
    pub label: String,
    pub report: Option<String>,
}

/// A picker match: its score, its report, and its heading there (none: the report's title).
type Scored = (i64, usize, Option<usize>);

/// Most candidates the `:` picker keeps.
const MAX_CANDIDATES: usize = 200;

impl App {
    /// The place a `:` text names: `120` a line, `50%` a share of the text, else the selected
    /// (or best) candidate.
    pub(in crate::reader::app) fn jump_target(
        &self,
        text: &str,
        selected: Option<&Candidate>,
    ) -> Option<Anchor> {
        let t = text.trim();
        if let Ok(line) = t.parse::<usize>() {
            return Some(Anchor::line(
                line.clamp(1, self.reading.doc.text.line_count().max(1)),
            ));
        }
        if let Some(p) = t
            .strip_suffix('%')
            .and_then(|p| p.trim().parse::<f64>().ok())
        {
            let offset = super::super::share_of(
                self.reading.doc.text.as_str().len(),
                p.clamp(0.0, 100.0) / 100.0,
            );
            return Some(Anchor::line(self.reading.doc.text.line_of_offset(offset)));
        }
        selected.map(|c| Anchor::line(c.line))
    }

    /// Fills the `:` picker with the reports and headings matching its text.
    pub(in crate::reader::app) fn refresh_candidates(&mut self) {
        let Some(prompt) = self.reading.finder.prompt.as_ref() else {
            return;
        };
        let typed = prompt.text();
        let needle: Vec<char> = typed.trim().chars().flat_map(char::to_lowercase).collect();
        // A line or a percentage names no report or heading.
        let numeric = typed.trim().trim_end_matches('%').parse::<f64>().is_ok();
        let mut scored = if numeric {
            Vec::new()
        } else {
            self.scored(&needle)
        };
        // Best first; equal scores keep file order (reports in order, a title before its
        // headings).
        let order = |a: &Scored, b: &Scored| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.map_or(0, |i| i + 1).cmp(&b.2.map_or(0, |i| i + 1)))
        };
        if scored.len() > MAX_CANDIDATES {
            scored.select_nth_unstable_by(MAX_CANDIDATES, order);
            scored.truncate(MAX_CANDIDATES);
        }
        scored.sort_by(order);
        let candidates = scored
            .into_iter()
            .map(|(_, r, heading)| self.candidate(r, heading))
            .collect();
        if let Some(p) = self.reading.finder.prompt.as_mut() {
            p.candidates = candidates;
            p.selected = 0;
        }
    }

    /// Every report title and heading that `needle` matches, with its score. Scored without
    /// building a string per heading: a keystroke costs one pass over the titles and headings
    /// however many there are.
    pub(in crate::reader::app) fn scored(&self, needle: &[char]) -> Vec<Scored> {
        let mut scored = Vec::new();
        for (r, report) in self.reading.doc.reports.iter().enumerate() {
            if let Some(score) = fuzzy_score_chars(needle, report.title.chars()) {
                scored.push((score, r, None));
            }
            for (i, h) in report.headings.iter().enumerate() {
                let haystack = h
                    .marker
                    .chars()
                    .chain(h.text.chars())
                    .chain(std::iter::once(' '))
                    .chain(report.title.chars());
                if let Some(score) = fuzzy_score_chars(needle, haystack) {
                    scored.push((score, r, Some(i)));
                }
            }
        }
        scored
    }

    /// The picker's row for report `r`'s title, or its heading `heading`.
    pub(in crate::reader::app) fn candidate(&self, r: usize, heading: Option<usize>) -> Candidate {
        let report = &self.reading.doc.reports[r];
        match heading {
            None => Candidate {
                line: report.line,
                label: report.title.clone(),
                report: None,
            },
            Some(i) => {
                let h = &report.headings[i];
                Candidate {
                    line: h.line,
                    label: format!("{}{}", h.marker, h.text),
                    report: Some(report.title.clone()),
                }
            }
        }
    }
}

/// A fuzzy match: every character of `needle` in `haystack` in order (case-insensitive).
/// Higher is better: contiguous runs and an early start score more. `None` when it does not match.
#[must_use]
pub fn fuzzy_score(needle: &[char], haystack: &str) -> Option<i64> {
    fuzzy_score_chars(needle, haystack.chars())
}

/// [`fuzzy_score`] over any characters (a label and its report's title, unjoined).
#[must_use]
pub fn fuzzy_score_chars(needle: &[char], haystack: impl Iterator<Item = char>) -> Option<i64> {
    if needle.is_empty() {
        return Some(0);
    }
    let mut score: i64 = 0;
    let mut k = 0;
    let mut previous: Option<usize> = None;
    for (i, c) in haystack.flat_map(char::to_lowercase).enumerate() {
        if k == needle.len() {
            break;
        }
        if c == needle[k] {
            score += if previous.is_some_and(|p| p + 1 == i) {
                8
            } else {
                1
            };
            if k == 0 {
                score -= i64::try_from(i.min(50)).unwrap_or(50) / 5;
            }
            previous = Some(i);
            k += 1;
        }
    }
    (k == needle.len()).then_some(score)
}
