//! The compilation as one continuous text on screen: which lines are shown, how they wrap at a
//! width, and how a reading position (an [`Anchor`] in the text) moves by rows.
//!
//! Nothing here is proportional to the document: every operation wraps only the lines it passes
//! over, so scrolling, paging and jumping cost the same at line 10 and at line 1 000 000.
//!
//! A hard-wrapped text (a PDF's, `Compilation::wrap_width`) is shown by paragraph: a line that
//! continues into the next is its paragraph's head, the lines after it are hidden, and the head's
//! rows wrap the whole paragraph at the pane's width. Such a row's range runs past the head
//! line's end (byte offsets from the head's start, line feeds inside it drawn as nothing); line
//! numbers stay the file's.

use std::ops::Range;

use crate::doc::model::{Compilation, LineNo};
use crate::doc::wrap::wrap_line;

/// Most lines a shown paragraph of a hard-wrapped text joins.
pub const PARAGRAPH_LINES: LineNo = 64;

/// A position in the text: a line and a byte offset in it (the start of a row when shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Anchor {
    pub line: LineNo,
    pub byte: usize,
}

impl Anchor {
    /// The start of line `line`.
    #[must_use]
    pub fn line(line: LineNo) -> Self {
        Self { line, byte: 0 }
    }
}

/// One screen row: a byte range of a line (of a paragraph, from its head line's start, in a
/// hard-wrapped text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: LineNo,
    pub range: Range<usize>,
}

/// The text as shown at one width.
#[derive(Debug, Clone, Copy)]
pub struct DocView<'a> {
    pub doc: &'a Compilation,
    /// Columns available to the text.
    pub width: usize,
    pub ambiguous_wide: bool,
}

impl<'a> DocView<'a> {
    #[must_use]
    pub fn new(doc: &'a Compilation, width: usize, ambiguous_wide: bool) -> Self {
        Self {
            doc,
            width: width.max(2),
            ambiguous_wide,
        }
    }

    fn last_line(&self) -> LineNo {
        self.doc.text.line_count()
    }

    /// Whether line `no` is left out of the display: ads, `##paidend##`, a blank line after
    /// another blank line (runs of blank lines show as one), and a line a hard-wrapped paragraph
    /// runs on into (its head shows it).
    #[must_use]
    pub fn is_hidden(&self, no: LineNo) -> bool {
        self.doc.is_artefact_line(no)
            || (no > 1 && self.doc.text.is_blank(no) && self.doc.text.is_blank(no - 1))
            || (no > 1 && self.runs_on(no - 1))
    }

    /// Whether line `no` of a hard-wrapped text runs on into the next line on screen. A shown
    /// paragraph holds at most [`PARAGRAPH_LINES`] lines (it breaks after every line whose number
    /// is a multiple of it), so a text with no paragraph breaks at all costs no more per row
    /// than one with many.
    fn runs_on(&self, no: LineNo) -> bool {
        !no.is_multiple_of(PARAGRAPH_LINES)
            && self.doc.wrap_width.is_some_and(|w| {
                crate::doc::parse::wrapped::next_in_paragraph(&self.doc.text, no, w) == Some(no + 1)
            })
    }

    /// The bytes line `no` shows: the line, or from a paragraph's head line to its last line.
    #[must_use]
    pub fn span(&self, no: LineNo) -> Range<usize> {
        let text = &self.doc.text;
        let Some(range) = text.line_range(no) else {
            return 0..0;
        };
        let mut last = no;
        while self.runs_on(last) {
            last += 1;
        }
        range.start..text.line_range(last).map_or(range.end, |r| r.end)
    }

    /// An anchor moved from a hidden line a paragraph runs on into to its head line (the byte
    /// counted from the head's start); any other anchor as it is.
    #[must_use]
    pub fn to_head(&self, anchor: Anchor) -> Anchor {
        let mut line = anchor.line;
        while line > 1 && self.runs_on(line - 1) {
            line -= 1;
        }
        let text = &self.doc.text;
        let offset = |n: LineNo| text.line_range(n).map_or(0, |r| r.start);
        Anchor {
            line,
            byte: anchor.byte + offset(anchor.line) - offset(line),
        }
    }

    /// The first shown line at or after `no`.
    #[must_use]
    pub fn shown_at_or_after(&self, no: LineNo) -> Option<LineNo> {
        (no.max(1)..=self.last_line()).find(|&n| !self.is_hidden(n))
    }

    /// The last shown line at or before `no`.
    #[must_use]
    pub fn shown_at_or_before(&self, no: LineNo) -> Option<LineNo> {
        (1..=no.min(self.last_line()))
            .rev()
            .find(|&n| !self.is_hidden(n))
    }

    /// The rows of line `no` (byte ranges of the line, or of its paragraph from the line's
    /// start).
    #[must_use]
    pub fn rows(&self, no: LineNo) -> Vec<Range<usize>> {
        if self.doc.wrap_width.is_some() && self.runs_on(no) {
            let span = self.span(no);
            // The soft breaks wrapped as nothing: a NUL keeps every byte offset and has no
            // width (and no break opportunity of its own).
            let joined = self.doc.text.as_str()[span].replace('\n', "\0");
            return wrap_line(&joined, self.width, self.ambiguous_wide);
        }
        wrap_line(self.doc.text.line(no), self.width, self.ambiguous_wide)
    }

    /// The anchor moved back to the start of the row that contains it (after a resize, or a
    /// jump to a byte in the middle of a row), and onto a shown line.
    #[must_use]
    pub fn snap(&self, anchor: Anchor) -> Anchor {
        let anchor = self.to_head(anchor);
        let Some(line) = self
            .shown_at_or_after(anchor.line)
            .or_else(|| self.shown_at_or_before(anchor.line))
        else {
            return Anchor::default();
        };
        let byte = if line == anchor.line {
            self.rows(line)
                .iter()
                .rev()
                .find(|r| r.start <= anchor.byte)
                .map_or(0, |r| r.start)
        } else {
            0
        };
        Anchor { line, byte }
    }

    /// Up to `count` rows starting at `anchor` (which must be a row start).
    #[must_use]
    pub fn rows_from(&self, anchor: Anchor, count: usize) -> Vec<Row> {
        let mut out = Vec::with_capacity(count);
        let mut line = Some(anchor.line).filter(|&l| l >= 1 && l <= self.last_line());
        let mut first = true;
        while let Some(no) = line {
            if out.len() >= count {
                break;
            }
            for r in self.rows(no) {
                if first && r.end <= anchor.byte && r.start < anchor.byte {
                    continue;
                }
                if out.len() >= count {
                    break;
                }
                out.push(Row { line: no, range: r });
            }
            first = false;
            line = self.shown_at_or_after(no + 1);
        }
        out
    }

    /// The anchor `n` rows further down (stopping at the last row).
    #[must_use]
    pub fn down(&self, anchor: Anchor, n: usize) -> Anchor {
        let rows = self.rows_from(anchor, n + 1);
        rows.last().map_or(anchor, |r| Anchor {
            line: r.line,
            byte: r.range.start,
        })
    }

    /// The anchor `n` rows further up (stopping at the first row).
    #[must_use]
    pub fn up(&self, anchor: Anchor, n: usize) -> Anchor {
        let mut current = anchor;
        let mut left = n;
        while left > 0 {
            let rows = self.rows(current.line);
            let i = rows
                .iter()
                .rposition(|r| r.start <= current.byte)
                .unwrap_or(0);
            if i > 0 {
                // Rows above within the same line.
                let back = left.min(i);
                current.byte = rows[i - back].start;
                left -= back;
            } else {
                let Some(prev) = current
                    .line
                    .checked_sub(1)
                    .and_then(|p| self.shown_at_or_before(p))
                else {
                    break;
                };
                let rows = self.rows(prev);
                let back = left.min(rows.len());
                current = Anchor {
                    line: prev,
                    byte: rows[rows.len() - back].start,
                };
                left -= back;
            }
        }
        current
    }

    /// The anchor that shows the last row of the text at the bottom of `height` rows.
    #[must_use]
    pub fn last_top(&self, height: usize) -> Anchor {
        let Some(last) = self.shown_at_or_before(self.last_line()) else {
            return Anchor::default();
        };
        let rows = self.rows(last);
        let end = Anchor {
            line: last,
            byte: rows.last().map_or(0, |r| r.start),
        };
        self.up(end, height.saturating_sub(1))
    }

    /// `anchor`, or the last top if it lies beyond it (nothing scrolls past the end).
    #[must_use]
    pub fn clamp(&self, anchor: Anchor, height: usize) -> Anchor {
        let anchor = self.snap(anchor);
        anchor.min(self.last_top(height))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Compilation {
        crate::doc::parse::parse(text.as_bytes()).expect("parses")
    }

    const TEXT: &str = "汇编（1篇）\n\n\n\nXX局2023年工作总结\n一、基本情况\n今年以来，我局认真贯彻落实各项决策部署，扎实推进重点工作。\n二、2024年工作计划\n一是加强学习。\n##paidend##\n";

    #[test]
    fn blank_runs_and_artefacts_are_hidden() {
        let c = doc(TEXT);
        let v = DocView::new(&c, 20, false);
        let shown: Vec<LineNo> = (1..=c.text.line_count())
            .filter(|&n| !v.is_hidden(n))
            .collect();
        assert_eq!(shown, vec![1, 2, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn down_and_up_are_inverse_and_clamped() {
        let c = doc(TEXT);
        let v = DocView::new(&c, 20, false);
        let start = Anchor::line(1);
        for n in 0..8 {
            let d = v.down(start, n);
            assert_eq!(v.up(d, n), start, "down then up {n}");
        }
        // Line 7 wraps to three rows at width 20 (29 Han characters plus punctuation).
        assert_eq!(v.rows(7).len(), 3);
        let rows = v.rows_from(Anchor::line(6), 10);
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![6, 7, 7, 7, 8, 9]
        );
        assert_eq!(
            v.down(Anchor::line(9), 5),
            Anchor::line(9),
            "stops at the last row"
        );
        assert_eq!(v.up(Anchor::line(1), 5), Anchor::line(1));
        let top = v.last_top(3);
        assert_eq!(
            v.rows_from(top, 3)
                .iter()
                .map(|r| r.line)
                .collect::<Vec<_>>(),
            vec![7, 8, 9]
        );
        assert_eq!(v.clamp(Anchor::line(9), 3), top);
    }

    #[test]
    fn snap_keeps_the_position_across_widths() {
        let c = doc(TEXT);
        let narrow = DocView::new(&c, 10, false);
        let a = narrow.down(Anchor::line(7), 3);
        assert_eq!(a.line, 7);
        let wide = DocView::new(&c, 24, false);
        let b = wide.snap(a);
        assert_eq!(b.line, 7);
        assert!(b.byte <= a.byte, "the row that holds the old position");
        let r = wide.rows(7);
        assert!(r.iter().any(|r| r.start == b.byte));
    }
}
