//! The parsed compilation: plain, immutable data (std only).
//!
//! Every line number in the model is a **1-based line of the input file**, counted the way an
//! editor counts them (LF, CRLF or CR each end one line), so the model, the JSON export, the
//! reader and the user's editor all agree. The decoded text is kept once, in [`Text`]; every
//! other part of the model refers to it by line number.

use std::ops::Range;
use std::sync::Arc;

/// 1-based line number in the input file.
pub type LineNo = usize;

/// The decoded and cleaned text of the whole file, with a line index.
///
/// Cleaning never adds or removes a line: CRLF and CR become LF, control characters are replaced
/// by visible placeholders, and `##paidbegin##` is cut out of the line it sits in.
///
/// Cloning is cheap (the text is shared), so snapshots of a compilation still being parsed can
/// be handed to the reader without copying a 100 MB text each time.
#[derive(Debug, Clone, Default)]
pub struct Text(Arc<Indexed>);

#[derive(Debug, Default)]
struct Indexed {
    text: String,
    /// Where each line starts in `text` (index 0 is line 1); a line ends where the next one
    /// starts, less its line break.
    lines: LineStarts,
}

/// Line starts, four bytes each when the text is under 4 GiB (a 1 GB text has millions of
/// lines: the index stays a small fraction of it).
#[derive(Debug)]
enum LineStarts {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Default for LineStarts {
    fn default() -> Self {
        Self::Narrow(Vec::new())
    }
}

impl LineStarts {
    fn len(&self) -> usize {
        match self {
            Self::Narrow(v) => v.len(),
            Self::Wide(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Self::Narrow(v) => v.get(i).map(|&s| s as usize),
            Self::Wide(v) => v.get(i).copied(),
        }
    }

    /// How many lines start at or before `offset`.
    fn starting_by(&self, offset: usize) -> usize {
        match self {
            Self::Narrow(v) => v.partition_point(|&s| (s as usize) <= offset),
            Self::Wide(v) => v.partition_point(|&s| s <= offset),
        }
    }
}

impl Text {
    /// Indexes `text`, which must use `\n` as its only line break. A large text is indexed in
    /// two halves on two threads (opening a 100 MB file is bound by passes over memory).
    #[must_use]
    pub fn new(text: String) -> Self {
        const PARALLEL_BYTES: usize = 8 << 20;
        let bytes = text.as_bytes();
        let split =
            memchr::memchr(b'\n', &bytes[bytes.len() / 2..]).map(|i| bytes.len() / 2 + i + 1);
        let mut starts = match split {
            Some(split) if bytes.len() >= PARALLEL_BYTES => {
                let (mut first, second) = std::thread::scope(|s| {
                    let second = s.spawn(|| line_starts(&bytes[split..], split));
                    (line_starts(&bytes[..split], 0), second.join())
                });
                match second {
                    Ok(second) => {
                        first.extend(second);
                        first
                    }
                    Err(_) => line_starts(bytes, 0),
                }
            }
            _ => line_starts(bytes, 0),
        };
        starts.shrink_to_fit();
        let lines = if u32::try_from(bytes.len()).is_ok() {
            LineStarts::Narrow(
                starts
                    .into_iter()
                    .map(|s| u32::try_from(s).unwrap_or(u32::MAX))
                    .collect(),
            )
        } else {
            LineStarts::Wide(starts)
        };
        Self(Arc::new(Indexed { text, lines }))
    }

    /// Whether both are the same text (one shared copy), not just equal.
    #[must_use]
    pub fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The whole text, lines joined by `\n`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// Number of lines.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.0.lines.len()
    }

    /// The text of line `no` (1-based) without its line break; empty when out of range.
    #[must_use]
    pub fn line(&self, no: LineNo) -> &str {
        self.line_range(no).map_or("", |r| &self.0.text[r])
    }

    /// Byte range of line `no` in [`Text::as_str`], without its line break.
    #[must_use]
    pub fn line_range(&self, no: LineNo) -> Option<Range<usize>> {
        let i = no.checked_sub(1)?;
        let start = self.0.lines.get(i)?;
        let end = match self.0.lines.get(i + 1) {
            Some(next) => next - 1,
            None => {
                let text = &self.0.text;
                text.len() - usize::from(text.ends_with('\n'))
            }
        };
        Some(start..end.max(start))
    }

    /// The line (1-based) that contains byte offset `offset` (a line break counts with the
    /// line it ends).
    #[must_use]
    pub fn line_of_offset(&self, offset: usize) -> LineNo {
        self.0
            .lines
            .starting_by(offset)
            .clamp(1, self.0.lines.len().max(1))
    }

    /// Line `no`, trimmed of Unicode white space.
    #[must_use]
    pub fn trimmed(&self, no: LineNo) -> &str {
        self.line(no).trim()
    }

    /// Whether line `no` is empty or white space only.
    #[must_use]
    pub fn is_blank(&self, no: LineNo) -> bool {
        self.trimmed(no).is_empty()
    }
}

impl Text {
    /// `piece` as a [`Str`]: a span of this text when it lies in it (no copy: a heading's or
    /// a plan item's words are nearly always part of one line), else a string of its own.
    #[must_use]
    pub fn span(&self, piece: &str) -> Str {
        let base = self.as_str().as_ptr() as usize;
        let at = piece.as_ptr() as usize;
        let inside = at >= base && at + piece.len() <= base + self.as_str().len();
        match (
            u32::try_from(at.wrapping_sub(base)),
            u32::try_from(piece.len()),
        ) {
            (Ok(start), Ok(len)) if inside => Str {
                text: self.clone(),
                start,
                len,
            },
            _ => Str::from(piece),
        }
    }
}

/// Words of the document held by the model: a span of the shared [`Text`] (which costs no
/// copy and 16 bytes: the model stays small beside a 1 GB text), or, where the parser joined
/// or normalised lines, a text of its own. It reads as a `&str` everywhere.
#[derive(Clone, Default)]
pub struct Str {
    text: Text,
    start: u32,
    len: u32,
}

impl std::ops::Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        let start = self.start as usize;
        self.text
            .as_str()
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }
}

impl Str {
    /// The words, as a `&str`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self
    }

    /// Whether these words are a span of `text` (not a copy).
    #[must_use]
    pub fn is_span_of(&self, text: &Text) -> bool {
        self.text.same(text)
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Self::from(s.to_owned())
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
        Self {
            text: Text::new(s),
            start: 0,
            len,
        }
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self
    }
}

/// A whole compilation (汇编): header, table of contents and reports.
#[derive(Debug, Clone, Default)]
pub struct Compilation {
    /// The encoding the file was decoded from (`utf-8`, `gb18030`, `utf-16le`, …).
    pub encoding: &'static str,
    /// The decoded, cleaned text.
    pub text: Text,
    /// The compilation title (the trimmed title line; a count on the same line stays in it), and
    /// its line.
    pub title: Option<String>,
    pub title_line: Option<LineNo>,
    /// The title as a reader names the compilation: without a count on its line
    /// (`2023年工作总结汇编（13篇）` → `2023年工作总结汇编`). (`title` keeps the line as it is, which
    /// the ground truth of the corpus records.)
    pub name: Option<String>,
    /// N from `（N篇）`, and the line it stands on.
    pub declared_count: Option<usize>,
    pub declared_count_line: Option<LineNo>,
    /// The table of contents, if the file has one.
    pub toc: Option<Toc>,
    /// Reports in file order.
    pub reports: Vec<Report>,
    /// Lines that are not content: ads, `##paidend##`, lines that held `##paidbegin##`.
    pub artefacts: Artefacts,
    /// Things a reader should know about the file that did not stop parsing.
    pub diagnostics: Vec<Diagnostic>,
    /// The width a hard-wrapped text (a PDF's) is cut at; its soft breaks are read across by
    /// search and plan prose.
    pub wrap_width: Option<usize>,
}

/// The 目录 block.
#[derive(Debug, Clone, Default)]
pub struct Toc {
    /// The `目录` line; `None` for a numbered list of titles right after the title line.
    pub header_line: Option<LineNo>,
    /// First and last line of the entries.
    pub first_line: LineNo,
    pub last_line: LineNo,
    pub entries: Vec<TocEntry>,
}

/// One line of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub line: LineNo,
    /// The number written before the title (`1.`), if any.
    pub number: Option<u32>,
    /// The title with number, page and indentation removed.
    pub title: String,
    /// The page number written after the title, if any.
    pub page: Option<u32>,
    /// True for entries that name the compilation itself (its title, `目录`).
    pub self_entry: bool,
    /// The title with a glued page number still on (`…总结20`), tried when `title` is not found.
    pub raw_title: Option<String>,
    /// Index into [`Compilation::reports`]; `None` for self entries and entries not found.
    pub report: Option<usize>,
}

/// How a report's start was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleMatch {
    /// A TOC title equal to the trimmed line.
    Exact,
    /// A TOC title equal to the line after width, space, punctuation and marker folding.
    Normalized,
    /// A TOC title placed on the most similar title-like line between its neighbours.
    Similar,
    /// No TOC: found from the title's shape (a title-like line: weak evidence).
    Heuristic,
    /// No TOC: a report marker such as `篇一：` or `【第一篇】`.
    Marker,
    /// No report boundary was recognised: the whole text shown as one document.
    Whole,
}

impl TitleMatch {
    /// How the start was found, as `--json` names it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "toc",
            Self::Normalized => "toc-normalized",
            Self::Similar => "toc-similar",
            Self::Heuristic => "title-shape",
            Self::Marker => "marker",
            Self::Whole => "whole-text",
        }
    }

    /// Whether a reader should be told not to trust the boundary much.
    #[must_use]
    pub fn is_weak(self) -> bool {
        matches!(self, Self::Similar | Self::Heuristic | Self::Whole)
    }
}

/// One report of the compilation.
#[derive(Debug, Clone)]
pub struct Report {
    /// The title as the body writes it (trimmed, markers such as `篇一：` removed).
    pub title: String,
    /// Line of the title (or of the marker line that precedes it).
    pub line: LineNo,
    /// Last non-blank line (sign-off included, trailer and ads excluded).
    pub end_line: LineNo,
    pub title_match: TitleMatch,
    /// Index of the TOC entry that named it.
    pub toc_entry: Option<usize>,
    /// Addressee line after the title (`县政务公开办：`).
    pub addressee_line: Option<LineNo>,
    /// Numbered headings in order.
    pub headings: Vec<Heading>,
    /// Line-initial `一是…` paragraphs.
    pub enumerations: Vec<Enumeration>,
    /// The part about next year's plans.
    pub plan: Option<Box<PlanSection>>,
    /// Issuing office and date lines at the end.
    pub signoff_lines: Vec<LineNo>,
    /// Length of the report in characters (title included; line breaks and ASCII spaces not
    /// counted).
    pub char_count: usize,
    /// The year the report reviews (its plans are for the next), when it says.
    pub reviews: Option<u32>,
}

/// The numbering style of a heading marker, from the usual outermost to the innermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerStyle {
    /// A part heading with no number (`2025年工作安排` on its own line, an appendix's `附件`):
    /// outermost, so the numbered headings under it sit one level down.
    Unnumbered,
    /// `第一部分` / `第一章`
    Part,
    /// `一、`
    HanComma,
    /// `（一）` in any bracket width
    HanParen,
    /// `1.` / `1、` / `1．`
    Digit,
    /// `（1）` in any bracket width
    DigitParen,
    /// `①`
    Circled,
}

/// A numbered heading inside a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub line: LineNo,
    /// 1 is the report's own top level; deeper styles count up from there.
    pub level: u8,
    pub style: MarkerStyle,
    /// The marker as written (`（一）`, `(一）`, `1、`).
    pub marker: Str,
    /// The number the marker stands for.
    pub number: u32,
    /// The heading phrase without marker and closing punctuation.
    pub text: Str,
    /// True when body text follows the heading phrase on the same line.
    pub run_in: bool,
}

/// A line-initial enumeration paragraph (`一是…`, `二要…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enumeration {
    pub line: LineNo,
    pub number: u32,
}

/// What kind of text introduces a plan part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// A top-level heading that is only about plans (`二、2024年工作计划`).
    Section,
    /// One heading covering problems and plans (`三、存在问题及下一步工作`).
    Combined,
    /// A sub-heading under a problems heading (`（二）工作打算`).
    Nested,
    /// Plan prose without a heading (`下一步，我们将…`).
    Prose,
    /// The whole report is a plan (`2024年工作要点`).
    Whole,
}

/// A report's part about next year's plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSection {
    pub kind: PlanKind,
    /// The plan heading's line and trimmed text; `None` for [`PlanKind::Prose`].
    pub heading_line: Option<LineNo>,
    pub heading: Option<Str>,
    /// Where the plan begins (the heading, or the line where plan prose starts).
    pub start_line: LineNo,
    /// Last line of the plan part (before a following non-plan section or a sign-off).
    pub end_line: LineNo,
    pub items: Vec<PlanItem>,
}

/// One row of the plans summary: a sub-heading, an `一是…` paragraph or a line of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub line: LineNo,
    /// The item's text (the part of the line that belongs to the item).
    pub text: Str,
}

/// Lines that carry no content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Artefacts {
    pub paidend: Vec<LineNo>,
    pub paidbegin: Vec<LineNo>,
    pub ads: Vec<LineNo>,
}

impl Artefacts {
    /// Whether line `n` is a marker line (`##paidend##`) or an ad, never part of a report.
    #[must_use]
    pub fn is_marker_or_ad(&self, n: LineNo) -> bool {
        self.paidend.binary_search(&n).is_ok() || self.ads.binary_search(&n).is_ok()
    }
}

/// A remark about the file, shown to the user, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: Option<LineNo>,
    pub message: String,
}

/// Byte ranges of the lines of `bytes` (which start at `offset` in the whole text).
fn line_starts(bytes: &[u8], offset: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
    if !bytes.is_empty() {
        starts.push(offset);
    }
    for i in memchr::memchr_iter(b'\n', bytes) {
        if i + 1 < bytes.len() {
            starts.push(offset + i + 1);
        }
    }
    starts
}

impl Compilation {
    /// Whether no report boundary was recognised and the whole text is one document.
    #[must_use]
    pub fn is_whole_text(&self) -> bool {
        self.reports.len() == 1 && self.reports[0].title_match == TitleMatch::Whole
    }
}

impl Report {
    /// A report known only by its title and lines, before its outline and plan are found.
    #[must_use]
    pub fn outline_only(title: String, line: LineNo, end_line: LineNo) -> Self {
        Self {
            title,
            line,
            end_line,
            title_match: TitleMatch::Heuristic,
            toc_entry: None,
            addressee_line: None,
            headings: Vec::new(),
            enumerations: Vec::new(),
            plan: None,
            signoff_lines: Vec::new(),
            char_count: 0,
            reviews: None,
        }
    }
}

impl Compilation {
    /// A compilation whose reports are not known yet: just its text (the first screen of a large
    /// file while the whole of it is parsed in the background).
    #[must_use]
    pub fn unparsed(text: Text, encoding: &'static str) -> Self {
        Self {
            encoding,
            text,
            ..Self::default()
        }
    }

    /// The report that contains `line`, if any.
    #[must_use]
    pub fn report_at(&self, line: LineNo) -> Option<usize> {
        let i = self.reports.partition_point(|r| r.line <= line);
        i.checked_sub(1)
            .filter(|&i| line <= self.reports[i].end_line)
    }

    /// The cleaned text of lines `first..=last`, without trailing white space on any line and
    /// without artefact lines.
    #[must_use]
    pub fn clean_lines(&self, first: LineNo, last: LineNo) -> String {
        let mut out = String::new();
        for no in first..=last.min(self.text.line_count()) {
            if self.is_artefact_line(no) {
                continue;
            }
            out.push_str(self.text.line(no).trim_end());
            out.push('\n');
        }
        out
    }

    /// Whether `no` is an ad or `##paidend##` line.
    #[must_use]
    pub fn is_artefact_line(&self, no: LineNo) -> bool {
        self.artefacts.paidend.binary_search(&no).is_ok()
            || self.artefacts.ads.binary_search(&no).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large text is indexed on two threads; the lines must be exactly a single pass's.
    #[test]
    fn large_texts_index_the_same_lines_as_one_pass() {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 9 << 20 {
            text.push_str(&"第一段文字".repeat(n % 7));
            text.push('\n');
            n += 1;
        }
        text.push_str("无换行的最后一行");
        let indexed = Text::new(text.clone());
        let expected: Vec<&str> = text.split('\n').collect();
        assert_eq!(indexed.line_count(), expected.len());
        for (i, line) in expected.iter().enumerate() {
            assert_eq!(indexed.line(i + 1), *line, "line {}", i + 1);
        }
        assert_eq!(indexed.line_of_offset(text.len() - 1), expected.len());
    }
}
