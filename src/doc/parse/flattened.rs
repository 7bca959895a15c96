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
        } else if !glued(line, &mut out) {
            split_line(line, &mut out);
        }
    }
    Some(out)
}

/// Whether `rest` begins a heading of another style than the short heading `so_far` (words
/// only, no sentence in it): the line break between them was lost.
fn after_heading(so_far: &str, rest: &str) -> bool {
    let so_far = so_far.trim();
    let Some(own) = classify(so_far) else {
        return false;
    };
    let words = &so_far[own.len..];
    let short = (2..=24).contains(&words.chars().count());
    let sentence = words.contains(['。', '，', '；', '：', '！', '？', ',', ';']);
    let next_heading =
        classify(rest).is_some_and(|next| next.style != own.style && !next.digit_follows);
    // Or the first of its enumerations (`二、2024年工作计划一是加强…`).
    let first_item = super::heading::enumeration(rest, None) == Some(1);
    short && !sentence && (next_heading || first_item)
}

/// The 目录 marks, spaced or not.
const TOC_MARKS: [&str; 3] = ["目录", "目 录", "目\u{3000}录"];

/// A compilation glued onto one line with its line breaks dropped, not turned into spaces
/// (`…（14篇）目 录1.某局2023年工作总结2.某局…某局2023年工作总结2023年，我局…`): nothing
/// shows where a report begins but its 目录. The entries are read from it (`1.` to the next
/// number, the last up to where the first title comes again, where the body begins), and the
/// body is cut before and after each title in turn. Appends the split text to `out`; false when
/// the line has no such 目录 (or white space enough to be split at).
fn glued(line: &str, out: &mut String) -> bool {
    let spaces = line.chars().filter(|c| c.is_whitespace()).count();
    if spaces * 200 > line.chars().count() {
        return false;
    }
    let Some((titles, toc_start, body)) = glued_toc(line) else {
        return false;
    };
    out.push_str(line[..toc_start].trim());
    out.push_str("\n目录\n");
    for (k, t) in titles.iter().enumerate() {
        out.push_str(&format!("{}.{t}\n", k + 1));
    }
    let mut cursor = body;
    let mut starts = Vec::new();
    for t in &titles {
        if let Some(at) = line[cursor..].find(t.as_str()) {
            starts.push((cursor + at, cursor + at + t.len()));
            cursor += at + t.len();
        }
    }
    for (i, &(start, end)) in starts.iter().enumerate() {
        if i == 0 && start > body {
            split_line(&line[body..start], out);
            out.push('\n');
        }
        out.push_str(&line[start..end]);
        out.push('\n');
        let next = starts.get(i + 1).map_or(line.len(), |&(s, _)| s);
        split_line(line[end..next].trim_end_matches('\n'), out);
        out.push('\n');
    }
    true
}

/// The titles of a glued 目录, where it starts, and where the body after it begins.
fn glued_toc(line: &str) -> Option<(Vec<String>, usize, usize)> {
    let head = &line[..char_floor(line, 900)];
    let (toc_start, mut p) = TOC_MARKS
        .iter()
        .filter_map(|m| head.find(m).map(|i| (i, i + m.len())))
        .min()?;
    let mut titles: Vec<String> = Vec::new();
    let mut k = 1;
    p = number_at(line, p, k)?;
    loop {
        // The next entry's number, after a title of a few characters and not far on.
        let window = &line[p..char_floor(line, p + 300)];
        let next = ['.', '．', '、']
            .iter()
            .filter_map(|d| {
                let needle = format!("{}{d}", k + 1);
                window
                    .match_indices(&needle)
                    .map(|(i, _)| i)
                    .find(|&i| window[..i].chars().count() >= 4)
            })
            .min();
        match next {
            Some(i) => {
                titles.push(entry_title(&line[p..p + i]));
                k += 1;
                p = number_at(line, p + i, k)?;
            }
            None => {
                // The last entry ends where the first title comes again: the body.
                let first = titles.first()?;
                let end = p + line[p..].find(first.as_str())?;
                let last = entry_title(&line[p..end]);
                if last.is_empty() || last.chars().count() > 80 {
                    return None;
                }
                titles.push(last);
                return (titles.len() >= 2).then_some((titles, toc_start, end));
            }
        }
    }
}

/// An entry's title without its page number and leader (`…工作总结……2` → `…工作总结`).
fn entry_title(entry: &str) -> String {
    entry
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "….·．-".contains(c))
        .to_owned()
}

/// The last character boundary of `s` at or before byte `at`.
fn char_floor(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// After the entry number `k` at `p` (`3.`, `3．`, `3、`), white space before it allowed.
fn number_at(line: &str, p: usize, k: usize) -> Option<usize> {
    let rest = &line[p..];
    let skipped = rest.len() - rest.trim_start().len();
    let rest = &rest[skipped..];
    let digits = k.to_string();
    let after = rest.strip_prefix(digits.as_str())?;
    let delimiter = after
        .chars()
        .next()
        .filter(|c| ['.', '．', '、'].contains(c))?;
    Some(p + skipped + digits.len() + delimiter.len_utf8())
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
        // A heading right after a sentence's end starts a paragraph of its own; so does one
        // of another style right after a short heading (`三、2024年工作安排（一）交通项目`).
        let after_sentence =
            previous.is_some_and(|p| matches!(p, '。' | '！' | '？' | '；' | '：'));
        let heading_here = classify(&line[i..]).is_some_and(|m| m.len < line.len() - i);
        if (after_sentence && heading_here) || after_heading(&line[segment..i], &line[i..]) {
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
        let lines: Vec<&str> = split.lines().take(6).collect();
        assert_eq!(
            lines,
            vec![
                "汇编",
                "某局2023年工作总结",
                "2023年，我局认真履职，成效明显。",
                "一、主要工作",
                "（一）加强领导。",
                "二、2024年工作计划"
            ]
        );
        assert!(super::split(&Text::new("短的文本。\n另一行。\n".into())).is_none());
    }
}
