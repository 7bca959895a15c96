//! Hard-wrapped text (real-world.md §5): a PDF's text, every line cut at the same width
//! (25–40 characters), mid-word (`习\n近平`), with page numbers on lines of their own. The width
//! is read from the lines' lengths; a line that reaches it and is followed by more of the same
//! paragraph continues into the next (a soft break), which search and plan prose read across.

use super::heading::classify;
use super::lexis::{is_page_number, is_watermark_like};
use crate::doc::model::{LineNo, Text};

/// Lines looked at to find the width (spread over the text: a 100 MB file is not read twice).
const SAMPLE: usize = 20_000;

/// The width the text is wrapped at, when most of its lines are cut there: at least 12 lines
/// with text, and two in five of them exactly that long (give or take one, for a wide or a
/// half-width character at the end).
#[must_use]
pub fn width(text: &Text) -> Option<usize> {
    let count = text.line_count();
    let step = (count / SAMPLE).max(1);
    let mut lengths = [0usize; 82];
    let mut lines = 0usize;
    for n in (1..=count).step_by(step) {
        let t = text.line(n).trim_end();
        if t.trim_start().is_empty() {
            continue;
        }
        lines += 1;
        // Byte length first: a paragraph line of a normal text is far longer than 81 chars.
        if t.len() <= 81 * 4 {
            let chars = t.chars().count();
            if chars <= 81 {
                lengths[chars] += 1;
            }
        }
    }
    if lines < 12 {
        return None;
    }
    // The most frequent length is the width; lines one short of it count too.
    let w = (16..=80).max_by_key(|&w| (lengths[w], w))?;
    let hits = lengths[w] + lengths[w - 1];
    (hits * 5 >= lines * 2).then_some(w)
}

/// Whether line `n` of a text wrapped at `width` continues into line `n + 1`: it reaches the
/// width (a paragraph's last line is shorter; one that ends just at the width, even on a `。`,
/// is rarer than a cut that falls after one), and the next line is more text of the same
/// paragraph (not blank, not indented as a new paragraph, not a heading).
#[must_use]
pub fn continues(text: &Text, n: LineNo, width: usize) -> bool {
    next_in_paragraph(text, n, width).is_some()
}

/// The line that continues line `n`'s paragraph, past a page number or a watermark line cutting
/// into it (see [`continues`]).
#[must_use]
pub fn next_in_paragraph(text: &Text, n: LineNo, width: usize) -> Option<LineNo> {
    // Measured with its indent: a paragraph's first line is cut at the same width.
    // A line longer than the width was never cut at it (a one-line 目录, a title block).
    let line = text.line(n).trim_end();
    let length = line.chars().count();
    if length + 1 < width || length > width + 1 {
        return None;
    }
    let next = (n + 1..=text.line_count().min(n + 3)).find(|&m| {
        let t = text.trimmed(m);
        !is_page_number(t, true) && !is_watermark_like(t)
    })?;
    let line = text.line(next);
    (!line.trim().is_empty()
        && !line.starts_with(char::is_whitespace)
        && classify(line.trim()).is_none())
    .then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(width: usize) -> Text {
        let paragraph = "习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，扎实推进各项工作，取得明显成效。";
        let mut out = String::from("某局2023年工作总结\n");
        for _ in 0..8 {
            let chars: Vec<char> = paragraph.chars().collect();
            for chunk in chars.chunks(width) {
                out.extend(chunk);
                out.push('\n');
            }
        }
        Text::new(out)
    }

    #[test]
    fn the_width_of_a_hard_wrapped_text() {
        assert_eq!(width(&wrapped(30)), Some(30));
        assert_eq!(width(&wrapped(25)), Some(25));
        let prose = Text::new(
            "一段很长的正文。\n".repeat(3) + &"另一段，长短不一的正文内容在这里。\n".repeat(2),
        );
        assert_eq!(width(&prose), None);
    }

    #[test]
    fn soft_breaks_and_page_numbers() {
        let t = wrapped(30);
        assert!(continues(&t, 2, 30));
        assert!(!continues(&t, 1, 30), "the title is short");
        assert!(is_page_number("- 3 -", false));
        assert!(is_page_number("第12页", false));
        assert!(is_page_number("7", true));
        assert!(!is_page_number("7", false));
        assert!(!is_page_number("2023", true));
    }
}
