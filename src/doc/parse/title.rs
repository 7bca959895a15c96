//! The compilation's title line and its declared count `（N篇）` (format.md §2).

use super::lexis::{digits_value, han_number};
use crate::doc::model::{LineNo, Text};

/// What the head of the file says about the compilation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub title_line: Option<LineNo>,
    pub declared_count: Option<usize>,
    pub declared_count_line: Option<LineNo>,
    /// The last line that belongs to the header (0 when there is none).
    pub last_line: LineNo,
}

/// Words that mark a line as the title of a whole compilation rather than of one report.
const COMPILATION_WORDS: [&str; 12] = [
    "汇编", "合集", "选编", "汇总", "精选", "范文", "大全", "合订", "专辑", "文集", "集锦", "彙編",
];

/// Splits a trailing count off `line`, in every position seen (real-world.md §2): `（14篇）`,
/// `(14篇)`, `（十四篇）`, `（精选5篇）`, `(汇总4篇)`, `（共8篇）`, `…-22篇`, `…汇编12篇`.
/// Returns the text before it (trimmed, without a joining dash) and N.
#[must_use]
pub fn split_count(line: &str) -> Option<(&str, usize)> {
    let t = line.trim();
    let (body, bracketed) = match t.strip_suffix('）').or_else(|| t.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (t, false),
    };
    let body = body.strip_suffix('篇')?.trim_end();
    let (before, number) = if bracketed {
        let open = body.rfind(['（', '('])?;
        let inner = body[open..].trim_start_matches(['（', '(']).trim();
        let inner = ["精选", "汇总", "共", "合计"]
            .iter()
            .find_map(|w| inner.strip_prefix(w))
            .unwrap_or(inner)
            .trim();
        (&body[..open], inner)
    } else {
        // A bare `12篇` after the title: Arabic digits only (`三篇` ends ordinary titles).
        let digits = body
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c))
            .last()
            .map(|(i, _)| i)?;
        (&body[..digits], &body[digits..])
    };
    let n = digits_value(number).or_else(|| han_number(number).filter(|_| bracketed))?;
    let before = before
        .trim()
        .trim_end_matches(['-', '—', '－', '–'])
        .trim_end();
    Some((before, usize::try_from(n).ok()?))
}

/// Whether a line is the TOC header (`目录`, `目 录`, `目　录：`).
#[must_use]
pub fn is_toc_header(line: &str) -> bool {
    // Without allocating: it is asked of every TOC entry, thousands in a large compilation.
    let mut word = ['\0'; 8];
    let mut len = 0;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        if len == word.len() {
            return false;
        }
        word[len] = c;
        len += 1;
    }
    while len > 0 && matches!(word[len - 1], '：' | ':') {
        len -= 1;
    }
    matches!(word[..len], ['目', '录'] | ['目', '次'] | ['目', '錄'])
}

/// Reads the header from the first non-blank lines.
#[must_use]
pub fn header(text: &Text) -> Header {
    let mut non_blank = (1..=text.line_count()).filter(|&n| !text.is_blank(n));
    let Some(first) = non_blank.next() else {
        return Header::default();
    };
    let second = non_blank.next();
    let line = text.trimmed(first);
    if is_toc_header(line) {
        return Header::default();
    }
    if let Some(("", n)) = split_count(line) {
        return Header {
            declared_count: Some(n),
            declared_count_line: Some(first),
            last_line: first,
            ..Header::default()
        };
    }
    let (title, count) = match split_count(line) {
        Some((title, n)) => (title, Some((n, first))),
        None => {
            let next_count = second.and_then(|s| {
                split_count(text.trimmed(s))
                    .filter(|(t, _)| t.is_empty())
                    .map(|(_, n)| (n, s))
            });
            (line, next_count)
        }
    };
    let next_is_toc = second.is_some_and(|s| is_toc_header(text.trimmed(s)));
    let is_compilation =
        count.is_some() || next_is_toc || COMPILATION_WORDS.iter().any(|w| title.contains(w));
    if !is_compilation {
        return Header::default();
    }
    // The title is the whole title line, trimmed: a count on the same line stays in it
    // (format.md §10, the ground truth); a count on a line of its own is not part of it.
    Header {
        title: Some(line.to_owned()),
        title_line: Some(first),
        declared_count: count.map(|(n, _)| n),
        declared_count_line: count.map(|(_, l)| l),
        last_line: count.map_or(first, |(_, l)| l.max(first)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(split_count("（14篇）"), Some(("", 14)));
        assert_eq!(
            split_count("2023年工作总结汇编（13篇）"),
            Some(("2023年工作总结汇编", 13))
        );
        assert_eq!(split_count("汇编(５篇)"), Some(("汇编", 5)));
        assert_eq!(split_count("汇编（十四篇）"), Some(("汇编", 14)));
        assert_eq!(split_count("汇编（篇）"), None);
        assert_eq!(split_count("工作总结（精选5篇）"), Some(("工作总结", 5)));
        assert_eq!(split_count("工作总结(汇总4篇)"), Some(("工作总结", 4)));
        assert_eq!(
            split_count("年度工作总结汇编-22篇"),
            Some(("年度工作总结汇编", 22))
        );
        assert_eq!(split_count("工作总结汇编12篇"), Some(("工作总结汇编", 12)));
        assert_eq!(split_count("我的三篇"), None);
        assert_eq!(split_count("2023年工作总结"), None);
    }

    #[test]
    fn header_shapes() {
        let h = header(&Text::new(
            "2023年度工作总结汇编\n（14篇）\n目 录\n".to_owned(),
        ));
        assert_eq!(
            (
                h.title.as_deref(),
                h.title_line,
                h.declared_count,
                h.declared_count_line
            ),
            (Some("2023年度工作总结汇编"), Some(1), Some(14), Some(2))
        );
        let h = header(&Text::new(
            "\n2023年工作总结汇编（13篇）\n\n目录\n".to_owned(),
        ));
        assert_eq!(
            (h.title.as_deref(), h.title_line, h.declared_count_line),
            (Some("2023年工作总结汇编（13篇）"), Some(2), Some(2))
        );
        // A file that starts with a report has no compilation header.
        let h = header(&Text::new("XX局2023年工作总结\n一、基本情况\n".to_owned()));
        assert_eq!(h, Header::default());
        assert!(is_toc_header("目　录："));
    }
}
