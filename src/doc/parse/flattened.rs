//! Flattened text (real-world.md §5): a whole report, or the whole compilation after its first
//! line, on one line — a copy step turned its line breaks into spaces, or dropped them. Such a
//! line is split back into paragraphs before parsing, where a paragraph evidently began: at a
//! run of white space between two characters of text, and before a heading marker that follows
//! the end of a sentence (`…成效。二、2024年工作计划（一）…`). The file's one line cannot be
//! pointed at usefully, so the model's lines are then the split text's, and a diagnostic says so.

use super::heading::classify;
use crate::doc::model::Text;

/// A line this long (in bytes) holding most of the text is a flattened one.
const LONG_LINE: usize = 6_000;

/// The text with its flattened lines split into paragraphs, or `None` when no line is flattened.
/// Decided from the line index alone (no pass over the text unless a line is flattened).
#[must_use]
pub fn split(text: &Text) -> Option<String> {
    let count = text.line_count();
    let longest = (1..=count)
        .filter_map(|n| text.line_range(n).map(|r| r.len()))
        .max()?;
    // A long line in a file of a few lines, or a line holding half of a large text.
    if longest < LONG_LINE || (count > 12 && longest * 2 < text.as_str().len()) {
        return None;
    }
    let text = text.as_str();
    let mut out = String::with_capacity(text.len() + text.len() / 50);
    for line in text.split_inclusive('\n') {
        if line.len() < LONG_LINE {
            out.push_str(line);
        } else {
            split_line(line, &mut out);
        }
    }
    Some(out)
}

/// Appends `line` to `out` with a line feed wherever a paragraph began.
fn split_line(line: &str, out: &mut String) {
    let mut chars = line.char_indices().peekable();
    let mut previous: Option<char> = None;
    // Where the paragraph being built began.
    let mut segment = 0;
    while let Some((i, c)) = chars.next() {
        // A tab is a 目录's separator before a page number, not a paragraph's end.
        if c.is_whitespace() && c != '\n' && c != '\t' {
            // A run of spaces between text: one paragraph break.
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                if d.is_whitespace() && d != '\n' && d != '\t' {
                    chars.next();
                    j = k + d.len_utf8();
                } else {
                    break;
                }
            }
            let next = line[j..].chars().next();
            // Between Latin words a space is a space; anywhere else in a Chinese text it was a
            // line break,
            // unless what comes before it is a spaced word (`目 录`) or a marker (`四、 2024年…`).
            let so_far = line[segment..i].trim();
            let part_of_line = so_far.chars().count() < 2
                || classify(so_far).is_some_and(|m| m.len >= so_far.len());
            let latin = |c: char| c.is_ascii_alphabetic();
            let between_text = previous.is_some_and(|p| p != ' ')
                && next.is_some_and(|n| !n.is_whitespace())
                && !(previous.is_some_and(latin)
                    && next.is_some_and(|n| n.is_ascii_alphanumeric()));
            if between_text && !part_of_line {
                out.push('\n');
                segment = j;
            } else {
                out.push_str(&line[i..j]);
            }
            previous = Some(' ');
            continue;
        }
        // A heading right after a sentence's end starts a paragraph of its own.
        if previous.is_some_and(|p| matches!(p, '。' | '！' | '？' | '；' | '：'))
            && classify(&line[i..]).is_some_and(|m| m.len < line.len() - i)
        {
            out.push('\n');
            segment = i;
        }
        out.push(c);
        previous = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flattened_report_split_into_paragraphs() {
        let body =
            "某局2023年工作总结 2023年，我局认真履职，成效明显。一、主要工作（一）加强领导。\
                    二、2024年工作计划（一）继续推进项目。（二）加强队伍建设。 "
                .repeat(60);
        let text = format!("汇编\n{body}\n");
        let split = split(&Text::new(text)).expect("flattened");
        let lines: Vec<&str> = split.lines().take(5).collect();
        assert_eq!(
            lines,
            vec![
                "汇编",
                "某局2023年工作总结",
                "2023年，我局认真履职，成效明显。",
                "一、主要工作（一）加强领导。",
                "二、2024年工作计划（一）继续推进项目。"
            ]
        );
        assert!(super::split(&Text::new("短的文本。\n另一行。\n".into())).is_none());
    }
}
