//! Search over the whole compilation (tech-notes §7). Pure: a query becomes a `regex` over the
//! decoded text, never a normalised copy of it, so hit offsets are offsets in the text shown.
//!
//! Literal queries are **width-insensitive**: every ASCII character matches its full-width twin
//! and a space matches U+3000 (`（一）` finds `(一)`, `2024` finds `２０２４`). Case is smart:
//! a query with an upper-case Latin letter is case-sensitive, any other is not. Regex queries are
//! used as written; an invalid one is an error message, never a crash.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::doc::model::{Compilation, LineNo};

/// What the user typed, and how to read it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    /// Use `text` as a regular expression instead of literally.
    pub regex: bool,
}

/// Largest compiled pattern accepted (a guard against pathological regexes).
const SIZE_LIMIT: usize = 10 << 20;

/// The pattern for a literal query: each character matches itself and its other width.
///
/// ```
/// use huibian::doc::search::width_insensitive;
/// let re = regex::Regex::new(&width_insensitive("（一）5%")).unwrap();
/// assert!(re.is_match("(一)５％"));
/// ```
#[must_use]
pub fn width_insensitive(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len() * 4);
    for c in literal.chars() {
        let half = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        match half {
            ' ' => out.push_str(r"[\x{20}\x{3000}]"),
            '!'..='~' => out.push_str(&format!(
                r"[\x{{{:X}}}\x{{{:X}}}]",
                half as u32,
                half as u32 + 0xFEE0
            )),
            _ => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out
}

/// Compiles a query.
///
/// # Errors
/// A message for an empty query or an invalid regular expression.
pub fn compile(q: &Query) -> Result<Regex, String> {
    compile_with(q, false)
}

/// Compiles a query for `doc`: in a hard-wrapped text a literal query also finds its words cut
/// by a soft break (`习近平` finds `习\n近平`).
///
/// # Errors
/// As [`compile`].
pub fn compile_in(doc: &Compilation, q: &Query) -> Result<Regex, String> {
    compile_with(q, doc.wrap_width.is_some())
}

fn compile_with(q: &Query, across_breaks: bool) -> Result<Regex, String> {
    if q.text.is_empty() {
        return Err("empty search".into());
    }
    let pattern = if q.regex {
        q.text.clone()
    } else if across_breaks {
        q.text
            .chars()
            .map(|c| width_insensitive(&c.to_string()))
            .collect::<Vec<_>>()
            .join("\n?")
    } else {
        width_insensitive(&q.text)
    };
    let smart_case = !q
        .text
        .chars()
        .any(|c| c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c));
    RegexBuilder::new(&pattern)
        .case_insensitive(smart_case)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::Syntax(s) => format!(
                "invalid regex: {}",
                s.lines().last().unwrap_or("syntax error").trim()
            ),
            other => format!("invalid regex: {other}"),
        })
}

/// A match: a byte range of the text.
pub type Hit = Range<usize>;

/// Every non-empty match in the text, in order.
#[must_use]
pub fn find_all(re: &Regex, text: &str) -> Vec<Hit> {
    re.find_iter(text)
        .filter(|m| !m.is_empty())
        .map(|m| m.range())
        .collect()
}

/// Every hit of a search, held compactly for the reader: 8 bytes a hit (its start and length)
/// for a text under 4 GiB, so a frequent word's millions of hits stay a small fraction of the
/// text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits(HitList);

#[derive(Debug, Clone, PartialEq, Eq)]
enum HitList {
    /// In chunks of [`CHUNK`] hits, each allocated at its size: a list of millions grows
    /// without ever copying itself into a buffer twice as large.
    Narrow(Vec<Vec<(u32, u32)>>),
    Wide(Vec<Hit>),
}

/// Hits in one chunk of a narrow list.
const CHUNK: usize = 1 << 16;

impl Default for HitList {
    fn default() -> Self {
        Self::Narrow(Vec::new())
    }
}

impl Hits {
    /// An empty list for hits in a text of `len` bytes.
    #[must_use]
    pub fn for_text(len: usize) -> Self {
        if u32::try_from(len).is_ok() {
            Self(HitList::Narrow(Vec::new()))
        } else {
            Self(HitList::Wide(Vec::new()))
        }
    }

    fn push(&mut self, hit: Hit) {
        match &mut self.0 {
            HitList::Narrow(v) => match (u32::try_from(hit.start), u32::try_from(hit.len())) {
                (Ok(start), Ok(len)) => {
                    if v.last().is_none_or(|c| c.len() == CHUNK) {
                        v.push(Vec::with_capacity(CHUNK));
                    }
                    if let Some(chunk) = v.last_mut() {
                        chunk.push((start, len));
                    }
                }
                // Never for a text under 4 GiB; kept whole if it happens.
                _ => {
                    let mut wide: Vec<Hit> = self.iter().collect();
                    wide.push(hit);
                    self.0 = HitList::Wide(wide);
                }
            },
            HitList::Wide(v) => v.push(hit),
        }
    }

    fn shrink_to_fit(&mut self) {
        match &mut self.0 {
            HitList::Narrow(v) => {
                if let Some(last) = v.last_mut() {
                    last.shrink_to_fit();
                }
                v.shrink_to_fit();
            }
            HitList::Wide(v) => v.shrink_to_fit(),
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        match &self.0 {
            // Every chunk but the last is full.
            HitList::Narrow(v) => v
                .last()
                .map_or(0, |last| (v.len() - 1) * CHUNK + last.len()),
            HitList::Wide(v) => v.len(),
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hit `i`, in text order.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<Hit> {
        match &self.0 {
            HitList::Narrow(v) => v
                .get(i / CHUNK)
                .and_then(|c| c.get(i % CHUNK))
                .map(|&(s, l)| s as usize..(s + l) as usize),
            HitList::Wide(v) => v.get(i).cloned(),
        }
    }

    /// The last hit.
    #[must_use]
    pub fn last(&self) -> Option<Hit> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// How many hits start before byte `offset`.
    #[must_use]
    pub fn before(&self, offset: usize) -> usize {
        match &self.0 {
            HitList::Narrow(v) => {
                // Chunks wholly before `offset`, then the hits before it in the next one.
                let whole =
                    v.partition_point(|c| c.last().is_some_and(|&(s, _)| (s as usize) < offset));
                match v.get(whole) {
                    // Only the last chunk may be short: every chunk before `whole` is full.
                    Some(c) => whole * CHUNK + c.partition_point(|&(s, _)| (s as usize) < offset),
                    None => self.len(),
                }
            }
            HitList::Wide(v) => v.partition_point(|h| h.start < offset),
        }
    }

    /// Every hit, in text order.
    pub fn iter(&self) -> impl Iterator<Item = Hit> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl From<Vec<Hit>> for Hits {
    fn from(hits: Vec<Hit>) -> Self {
        let mut out = Self::for_text(hits.last().map_or(0, |h| h.end));
        for h in hits {
            out.push(h);
        }
        out.shrink_to_fit();
        out
    }
}

/// Every hit, compactly, as [`find_all`]; stops (and returns `None`) soon after `stop` is set:
/// a count of a frequent word in a large file can be called off.
#[must_use]
pub fn find_all_until(
    re: &Regex,
    text: &str,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Hits> {
    let mut hits = Hits::for_text(text.len());
    for (i, m) in re.find_iter(text).enumerate() {
        if i % 4096 == 0 && stop.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        if !m.is_empty() {
            hits.push(m.range());
        }
    }
    hits.shrink_to_fit();
    Some(hits)
}

/// The first non-empty match starting at or after `from`.
#[must_use]
pub fn find_from(re: &Regex, text: &str, from: usize) -> Option<Hit> {
    let from = ceil_char_boundary(text, from.min(text.len()));
    re.find_iter(&text[from..])
        .find(|m| !m.is_empty())
        .map(|m| m.start() + from..m.end() + from)
}

/// The last non-empty match starting before `before`.
#[must_use]
pub fn find_before(re: &Regex, text: &str, before: usize) -> Option<Hit> {
    re.find_iter(text)
        .take_while(|m| m.start() < before)
        .filter(|m| !m.is_empty())
        .last()
        .map(|m| m.range())
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where a hit is: its line, and its byte and character column in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: LineNo,
    pub byte: usize,
    pub column: usize,
}

/// Maps a hit's start offset to its line and column.
#[must_use]
pub fn place(doc: &Compilation, offset: usize) -> Place {
    let line = doc.text.line_of_offset(offset);
    let start = doc.text.line_range(line).map_or(0, |r| r.start);
    let byte = offset.saturating_sub(start);
    let column = doc
        .text
        .line(line)
        .get(..byte)
        .map_or(0, |s| s.chars().count());
    Place { line, byte, column }
}

/// `report › heading path` for a line, for results and the CLI. For many lines use a
/// [`Locator`], which does the per-report work once.
#[must_use]
pub fn location(doc: &Compilation, line: LineNo) -> String {
    Locator::new(doc).location(line)
}

/// Heading paths of many lines of one document, each found in O(log n + depth): the parent of
/// every heading of a report is computed once, the first time a line of that report is asked
/// for (hits come in order, so a report's parents are computed once per search, not once per
/// hit: a report with 100 000 headings no longer costs 100 000 steps per hit).
#[derive(Debug)]
pub struct Locator<'a> {
    doc: &'a Compilation,
    /// The report whose parents are computed, and for each of its headings the index of the
    /// nearest heading above it with a smaller level.
    report: Option<usize>,
    parents: Vec<Option<usize>>,
}

impl<'a> Locator<'a> {
    #[must_use]
    pub fn new(doc: &'a Compilation) -> Self {
        Self {
            doc,
            report: None,
            parents: Vec::new(),
        }
    }

    /// `report › heading path` for `line`.
    pub fn location(&mut self, line: LineNo) -> String {
        let Some(r) = self.doc.report_at(line) else {
            return self
                .doc
                .name
                .clone()
                .unwrap_or_else(|| "(before the first report)".into());
        };
        let report = &self.doc.reports[r];
        std::iter::once(report.title.clone())
            .chain(self.path(r, line))
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The heading path (`二、… › （一）…`) of `line` in report `r`, outermost first.
    pub fn path(&mut self, r: usize, line: LineNo) -> Vec<String> {
        if self.report != Some(r) {
            self.report = Some(r);
            self.parents = parents(&self.doc.reports[r].headings);
        }
        let headings = &self.doc.reports[r].headings;
        let mut at = headings.partition_point(|h| h.line <= line).checked_sub(1);
        let mut path = Vec::new();
        while let Some(i) = at {
            let h = &headings[i];
            path.push(format!("{}{}", h.marker, h.text));
            at = self.parents[i];
        }
        path.reverse();
        path
    }
}

/// For each heading, the nearest heading before it with a smaller level (its parent), in one
/// pass with a stack of the open headings.
fn parents(headings: &[crate::doc::model::Heading]) -> Vec<Option<usize>> {
    let mut open: Vec<usize> = Vec::new();
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            while open.last().is_some_and(|&o| headings[o].level >= h.level) {
                open.pop();
            }
            let parent = open.last().copied();
            open.push(i);
            parent
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Regex {
        compile(&Query {
            text: text.into(),
            regex: false,
        })
        .expect("compiles")
    }

    #[test]
    fn width_insensitive_both_ways() {
        for (query, text) in [
            ("（一）", "(一)"),
            ("(一)", "（一）"),
            ("(一）", "（一)"),
            ("2024", "２０２４"),
            ("％", "5%"),
            ("a b", "a\u{3000}b"),
            ("5.2%", "５．２％"),
        ] {
            assert!(q(query).is_match(text), "{query} should find {text}");
        }
        // The full-width comma is the width twin of `,`; `。` and `①` are not twins of anything.
        assert!(q("，").is_match(","));
        assert!(!q("1").is_match("①"));
        assert!(!q(".").is_match("。"));
    }

    #[test]
    fn smart_case_and_special_characters() {
        assert!(q("pm2.5").is_match("PM2.5"));
        assert!(!q("PM2.5").is_match("pm2.5"));
        assert!(!q("2.5").is_match("2x5"), "the dot is literal");
        assert!(q("a+b[c]").is_match("a+b[c]"));
        assert!(q("\\").is_match("a\\b"));
    }

    #[test]
    fn regex_mode_and_errors() {
        let re = compile(&Query {
            text: r"20\d\d年".into(),
            regex: true,
        })
        .expect("regex");
        assert_eq!(find_all(&re, "2023年和2024年"), vec![0..7, 10..17]);
        let err = compile(&Query {
            text: "(unclosed".into(),
            regex: true,
        })
        .unwrap_err();
        assert!(err.starts_with("invalid regex"), "{err}");
        assert!(compile(&Query::default()).is_err());
        // An empty-matching regex never yields empty hits.
        let re = compile(&Query {
            text: "x*".into(),
            regex: true,
        })
        .expect("regex");
        assert_eq!(find_all(&re, "abxxc"), vec![2..4]);
    }

    #[test]
    fn next_and_previous() {
        let re = q("是");
        let text = "一是甲。二是乙。三是丙。";
        let all = find_all(&re, text);
        assert_eq!(all.len(), 3);
        assert_eq!(find_from(&re, text, all[0].start + 1), Some(all[1].clone()));
        assert_eq!(
            find_from(&re, text, 1),
            Some(all[0].clone()),
            "mid-character offsets round up"
        );
        assert_eq!(find_before(&re, text, all[2].start), Some(all[1].clone()));
        assert_eq!(find_before(&re, text, 0), None);
    }

    #[test]
    fn hits_map_to_lines_and_columns() {
        let doc = crate::doc::parse::parse(
            "汇编（1篇）\n目录\n1.甲局2023年工作总结\n\n甲局2023年工作总结\n一、（一）基本情况\n"
                .as_bytes(),
        )
        .expect("parses");
        let re = q("(一)");
        let hits = find_all(&re, doc.text.as_str());
        assert_eq!(hits.len(), 1);
        let p = place(&doc, hits[0].start);
        assert_eq!((p.line, p.column), (6, 2));
        assert_eq!(location(&doc, 6), "甲局2023年工作总结 › 一、（一）基本情况");
    }

    #[test]
    fn hits_are_held_compactly_and_read_back_the_same() {
        let re = compile(&Query {
            text: "工作".into(),
            regex: false,
        })
        .expect("compiles");
        let text = "工作总结\n今年工作：一是工作。\n";
        let all = find_all(&re, text);
        let stop = std::sync::atomic::AtomicBool::new(false);
        let compact = find_all_until(&re, text, &stop).expect("counted");
        assert_eq!(compact.iter().collect::<Vec<_>>(), all);
        assert_eq!((compact.len(), compact.last()), (3, all.last().cloned()));
        assert_eq!(compact.before(all[1].start), 1);
        assert_eq!(compact.before(all[1].start + 1), 2);
        assert_eq!(Hits::from(all.clone()), compact);
        assert_eq!(std::mem::size_of::<(u32, u32)>(), 8);
    }

    #[test]
    fn hits_across_chunks() {
        let re = compile(&Query {
            text: "工".into(),
            regex: false,
        })
        .expect("compiles");
        let text = "工x".repeat(CHUNK * 2 + 5);
        let stop = std::sync::atomic::AtomicBool::new(false);
        let hits = find_all_until(&re, &text, &stop).expect("counted");
        let all = find_all(&re, &text);
        assert_eq!(hits.len(), all.len());
        for i in [0, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, all.len() - 1] {
            assert_eq!(hits.get(i), Some(all[i].clone()), "hit {i}");
            assert_eq!(hits.before(all[i].start), i, "before hit {i}");
            assert_eq!(hits.before(all[i].start + 1), i + 1, "after hit {i}");
        }
        assert_eq!(hits.last(), all.last().cloned());
        assert_eq!(hits.before(text.len()), all.len());
    }
}
