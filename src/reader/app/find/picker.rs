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
        let needle: Vec<char> = typed.trim().chars().map(fold_case).collect();
        // A line or a percentage names no report or heading.
        let numeric = typed.trim().trim_end_matches('%').parse::<f64>().is_ok();
        let mut scored = if numeric {
            Vec::new()
        } else if needle.is_empty() {
            // Nothing typed: every entry matches equally, so the list is the first ones in
            // file order, read without scoring the rest.
            self.in_file_order().take(MAX_CANDIDATES).collect()
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
            // A heading is matched as `marker text title`: the heading's own characters are
            // read for each heading, the title's part once per report (for each place the
            // heading could have left the match), so a keystroke reads each title once.
            let mut tails: Vec<Option<[Tail; 2]>> = vec![None; needle.len()];
            for (i, h) in report.headings.iter().enumerate() {
                let head = Matching::default()
                    .feed(needle, h.marker.chars())
                    .feed(needle, h.text.chars());
                let score = if head.k == needle.len() {
                    Some(head.score)
                } else {
                    let tail = tails[head.k]
                        .get_or_insert_with(|| Tail::both(needle, head.k, &report.title));
                    head.join(&tail[usize::from(head.ends_adjacent())], needle.len())
                };
                if let Some(score) = score {
                    scored.push((score, r, Some(i)));
                }
            }
        }
        scored
    }

    /// Every report title and heading with score 0, in file order (a title before its
    /// headings).
    fn in_file_order(&self) -> impl Iterator<Item = Scored> + '_ {
        self.reading
            .doc
            .reports
            .iter()
            .enumerate()
            .flat_map(|(r, report)| {
                std::iter::once((0, r, None))
                    .chain((0..report.headings.len()).map(move |i| (0, r, Some(i))))
            })
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
    let m = Matching::default().feed(needle, haystack);
    (m.k == needle.len()).then_some(m.score)
}

/// The character as the picker compares it: lower-case. ASCII and the CJK ranges (which have
/// no case) are answered without a table lookup: they are nearly every character read.
#[must_use]
pub fn fold_case(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if ('\u{2E80}'..'\u{FF21}').contains(&c) || c > '\u{FF3A}' && c < '\u{10000}' {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A greedy fuzzy match of a needle, read over a haystack piece by piece: each needle
/// character is taken at its first occurrence after the previous one. Contiguous characters
/// score 8, others 1; the first one costs a fifth of its position (up to 50).
#[derive(Debug, Clone, Copy, Default)]
struct Matching {
    /// Needle characters matched so far.
    k: usize,
    score: i64,
    /// Where the last matched character was.
    previous: Option<usize>,
    /// The position of the next haystack character.
    i: usize,
    /// The first match's position is not charged (it is charged where the pieces are joined).
    free_start: bool,
    /// Where the first match was, when it was in this piece.
    first: Option<usize>,
}

impl Matching {
    #[must_use]
    fn feed(mut self, needle: &[char], haystack: impl Iterator<Item = char>) -> Self {
        for c in haystack {
            if self.k == needle.len() {
                break;
            }
            if fold_case(c) == needle[self.k] {
                self.score += if self.previous.is_some_and(|p| p + 1 == self.i) {
                    8
                } else {
                    1
                };
                if self.k == 0 {
                    self.first = Some(self.i);
                    if !self.free_start {
                        self.score -= start_cost(self.i);
                    }
                }
                self.previous = Some(self.i);
                self.k += 1;
            }
            self.i += 1;
        }
        self
    }

    /// Whether the last character read was matched (the next one would continue a run).
    fn ends_adjacent(&self) -> bool {
        self.previous.is_some_and(|p| p + 1 == self.i)
    }

    /// This heading part's match completed by a title's `tail`: the total score, or `None`
    /// when the needle is not matched to its end.
    fn join(&self, tail: &Tail, needle_len: usize) -> Option<i64> {
        if tail.k != needle_len {
            return None;
        }
        let start = match (self.k, tail.first) {
            // The first character matched in the title: charged by its place in the whole.
            (0, Some(at)) => start_cost(self.i + at),
            _ => 0,
        };
        Some(self.score + tail.score - start)
    }
}

/// The cost of a match that starts at position `i`.
fn start_cost(i: usize) -> i64 {
    i64::try_from(i.min(50)).unwrap_or(50) / 5
}

/// The rest of a match read over `' '` and a report's title, from needle character `k` on.
#[derive(Debug, Clone, Copy)]
struct Tail {
    k: usize,
    score: i64,
    /// Where the needle's first character was matched (from the separator), when `k` was 0.
    first: Option<usize>,
}

impl Tail {
    /// The tails for a heading part that left the match at `k`: its last character not
    /// matched (`[0]`) or matched (`[1]`, so a match on the separator continues a run).
    fn both(needle: &[char], k: usize, title: &str) -> [Self; 2] {
        [false, true].map(|adjacent| {
            // Positions from 1 (the separator); the heading's last character is at 0.
            let start = Matching {
                k,
                previous: adjacent.then_some(0),
                i: 1,
                free_start: true,
                ..Matching::default()
            };
            let m = start.feed(needle, std::iter::once(' ').chain(title.chars()));
            Self {
                k: m.k,
                score: m.score,
                first: m.first.map(|f| f - 1),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading a heading and its title in two pieces scores exactly as reading them joined.
    #[test]
    fn pieces_score_as_the_whole() {
        let sample = include_bytes!("../../../../tests/fixtures/000_3aa89c1d59f293ce.txt");
        let doc = crate::doc::parse::parse(sample).expect("parses");
        let needles = [
            "工作",
            "一",
            "生态 环",
            "2024计划",
            "（一）加强",
            " ",
            "zz",
            "信访 信访",
        ];
        for needle in needles {
            let needle: Vec<char> = needle.chars().map(fold_case).collect();
            for report in &doc.reports {
                for h in &report.headings {
                    let joined = format!("{}{} {}", h.marker, h.text, report.title);
                    let whole = fuzzy_score(&needle, &joined);
                    let head = Matching::default()
                        .feed(&needle, h.marker.chars())
                        .feed(&needle, h.text.chars());
                    let pieces = if head.k == needle.len() {
                        Some(head.score)
                    } else {
                        let tail = Tail::both(&needle, head.k, &report.title);
                        head.join(&tail[usize::from(head.ends_adjacent())], needle.len())
                    };
                    assert_eq!(pieces, whole, "{needle:?} in {joined}");
                }
            }
        }
    }

    #[test]
    fn case_folds_without_tables_where_there_is_no_case() {
        assert_eq!(fold_case('A'), 'a');
        assert_eq!(fold_case('Ａ'), 'ａ');
        assert_eq!(fold_case('É'), 'é');
        assert_eq!(fold_case('生'), '生');
        assert_eq!(fold_case('（'), '（');
    }
}
