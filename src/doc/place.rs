//! A text position that can be found again after the file changed: the line, the byte in it
//! where the screen's first row starts, the line's text, and the nearest heading. The terminal
//! size plays no part. When the line no longer reads the same, the position falls back to the
//! nearest heading with the same text, else to nothing.

use serde::{Deserialize, Serialize};

use crate::doc::model::{Compilation, LineNo};
use crate::doc::view::Anchor;

/// A text position that can be found again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub line: LineNo,
    /// Byte offset in the line where the screen's first row starts (wrapped lines).
    #[serde(default)]
    pub byte: usize,
    /// The line's text, to tell whether the file changed.
    pub text: String,
    /// The nearest heading (or report title) at or above it: line and text.
    pub heading: Option<(LineNo, String)>,
}

/// The place of `anchor` in `doc`, with its nearest heading.
#[must_use]
pub fn place(doc: &Compilation, anchor: Anchor) -> Place {
    let heading = doc.report_at(anchor.line).and_then(|r| {
        let report = &doc.reports[r];
        report
            .headings
            .iter()
            .rev()
            .find(|h| h.line <= anchor.line)
            .map(|h| (h.line, doc.text.trimmed(h.line).to_owned()))
            .or_else(|| Some((report.line, doc.text.trimmed(report.line).to_owned())))
    });
    Place {
        line: anchor.line,
        byte: anchor.byte,
        text: doc.text.line(anchor.line).to_owned(),
        heading,
    }
}

/// Where `place` is in `doc`: the same line if it still reads the same, else the heading with
/// the same text nearest to where it was, else `None`.
#[must_use]
pub fn find(doc: &Compilation, place: &Place) -> Option<Anchor> {
    if place.line <= doc.text.line_count() && doc.text.line(place.line) == place.text {
        let line = doc.text.line(place.line);
        let mut byte = place.byte.min(line.len());
        while !line.is_char_boundary(byte) {
            byte -= 1;
        }
        return Some(Anchor {
            line: place.line,
            byte,
        });
    }
    let (old, text) = place.heading.as_ref()?;
    doc.reports
        .iter()
        .flat_map(|r| std::iter::once(r.line).chain(r.headings.iter().map(|h| h.line)))
        .filter(|&n| doc.text.trimmed(n) == text)
        .min_by_key(|&n| n.abs_diff(*old))
        .map(Anchor::line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Compilation {
        let sample = include_bytes!("../../tests/fixtures/000_3aa89c1d59f293ce.txt");
        crate::doc::parse::parse(sample).expect("sample parses")
    }

    #[test]
    fn same_text_same_place_changed_text_nearest_heading() {
        let d = doc();
        let report = &d.reports[2];
        let heading = report.headings[1].line;
        let at = Anchor {
            line: heading + 1,
            byte: 3,
        };
        let p = place(&d, at);
        assert_eq!(p.heading.as_ref().map(|h| h.0), Some(heading));
        assert_eq!(find(&d, &p).map(|a| a.line), Some(heading + 1));
        // Two lines inserted at the top: the line no longer matches, the heading is found.
        let shifted = format!("新增一行\n新增二行\n{}", d.text.as_str());
        let d2 = crate::doc::parse::parse(shifted.as_bytes()).expect("parses");
        assert_eq!(find(&d2, &p), Some(Anchor::line(heading + 2)));
        // Neither the line nor the heading is there any more: no place.
        let mut gone = p.clone();
        gone.text = "别的".into();
        gone.heading = Some((heading, "不存在的标题".into()));
        assert_eq!(find(&d, &gone), None);
    }
}
