//! The table of contents (format.md §3): `N.title` (shape A), `title⇥page` with self entries
//! (shape B), indented `N.title` with a glued page number (shape C), and the common variants
//! (dot leaders, `一、`, `第一篇`, numbered lists with no `目录` line).
//!
//! The TOC ends where its lines stop looking alike: the first line whose decoration (indent,
//! number, separated page) differs from the entries', or a plain line repeating the first
//! report's title (the body has started), or a blank gap followed by such a line.

use super::lexis::{
    digit_prefix, digit_suffix, digits_value, han_number, han_numeral_prefix, is_close_paren,
    is_open_paren, similarity, strip_report_marker, title_key,
};
use super::title::{Header, is_toc_header, split_count};
use crate::doc::model::{LineNo, Text, Toc, TocEntry};

/// How a TOC line is decorated; entries of one TOC share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decoration {
    indented: bool,
    numbered: bool,
    /// A page number separated by TAB, dot leaders or spaces.
    separated_page: bool,
}

#[derive(Debug, Clone)]
struct RawEntry {
    line: LineNo,
    number: Option<u32>,
    title: String,
    page: Option<u32>,
    /// Digits glued to the end of the title (shape C), not yet known to be a page.
    glued: Option<(String, u32)>,
    decoration: Decoration,
}

/// Longest line we accept as a TOC entry, in characters.
const MAX_ENTRY_CHARS: usize = 80;
/// How far after the header to look for `目录`, in non-blank lines.
const HEADER_SEARCH: usize = 6;

/// Finds and parses the TOC after the compilation header.
#[must_use]
pub fn find(text: &Text, header: &Header) -> Option<Toc> {
    find_with(text, header, None)
}

/// As [`find`]; `field` is where a word processor's table-of-contents field starts (a .docx's
/// `TOC` field), taken as the 目录 when no `目录` line heads one and the entries do not look
/// like one on their own.
#[must_use]
pub fn find_with(text: &Text, header: &Header, field: Option<LineNo>) -> Option<Toc> {
    let after_header = header.last_line + 1;
    let toc_header = (after_header..=text.line_count())
        .filter(|&n| !text.is_blank(n))
        .take(HEADER_SEARCH)
        .find(|&n| is_toc_header(text.trimmed(n)));
    let (header_line, first) = match (toc_header, field) {
        (Some(h), _) => (Some(h), h + 1),
        (None, Some(f)) => (None, f.max(after_header)),
        (None, None) => (None, after_header),
    };
    let raw = collect_entries(text, first)?;
    if header_line.is_none() && field.is_none() && !looks_like_headerless_toc(&raw) {
        return None;
    }
    let without_count = |t: &str| title_key(split_count(t).map_or(t, |(bare, _)| bare));
    let compilation_key = header.title.as_deref().map(without_count);
    let glued_pages = raw.iter().filter(|e| e.glued.is_some()).count() * 2 >= raw.len()
        && raw.iter().all(|e| !e.decoration.separated_page);
    let entries = raw
        .into_iter()
        .enumerate()
        .map(|(index, e)| {
            let (title, page, raw_title) = match e.glued {
                Some((bare, page)) if glued_pages => (bare, Some(page), Some(e.title)),
                _ => (e.title, e.page, None),
            };
            let key = without_count(&title);
            // The compilation's own entries (shape B) lead the TOC; allow small differences.
            let names_compilation = compilation_key
                .as_deref()
                .is_some_and(|c| c == key || (index < 2 && similarity(c, &key) >= 0.8));
            let self_entry = is_toc_header(&title) || names_compilation;
            TocEntry {
                line: e.line,
                number: e.number,
                title,
                page,
                self_entry,
                raw_title,
                report: None,
            }
        })
        .collect::<Vec<_>>();
    if entries.iter().all(|e| e.self_entry) {
        return None;
    }
    Some(Toc {
        header_line,
        first_line: entries.first()?.line,
        last_line: entries.last()?.line,
        entries,
    })
}

/// A list with no `目录` above it counts as a TOC only when it is numbered from 1, its numbers
/// rise (`篇一：…` followed by `一、…` is a report and its first heading, not two entries), and
/// it has at least two entries.
fn looks_like_headerless_toc(raw: &[RawEntry]) -> bool {
    raw.len() >= 2
        && raw.iter().all(|e| e.decoration.numbered)
        && raw.first().and_then(|e| e.number) == Some(1)
        && raw.windows(2).all(|w| w[1].number > w[0].number)
}

fn collect_entries(text: &Text, first: LineNo) -> Option<Vec<RawEntry>> {
    let mut entries: Vec<RawEntry> = Vec::new();
    let mut no = first;
    // A website's watermark line inside the 目录 is passed over like a blank line.
    let skipped = |n: LineNo| text.is_blank(n) || super::lexis::is_watermark_like(text.line(n));
    while no <= text.line_count() {
        if skipped(no) {
            if entries.is_empty() {
                no += 1;
                continue;
            }
            let next = (no..=text.line_count()).find(|&n| !skipped(n))?;
            if !continues(text, &entries, next) {
                break;
            }
            no = next;
            continue;
        }
        if !entries.is_empty() && !continues(text, &entries, no) {
            break;
        }
        match parse_entry(no, text.line(no)) {
            Some(e) => entries.push(e),
            None => break,
        }
        no += 1;
    }
    (!entries.is_empty()).then_some(entries)
}

/// Whether line `no` continues the TOC whose entries so far are `entries`.
fn continues(text: &Text, entries: &[RawEntry], no: LineNo) -> bool {
    let Some(e) = parse_entry(no, text.line(no)) else {
        return false;
    };
    let Some(last) = entries.last() else {
        return true;
    };
    if e.decoration != last.decoration {
        return false;
    }
    // Undecorated entries: the body begins where the first real entry's title comes again.
    let plain = !e.decoration.numbered
        && !e.decoration.separated_page
        && !e.decoration.indented
        && e.glued.is_none();
    !(plain
        && entries
            .iter()
            .any(|p| title_key(&p.title) == title_key(&e.title)))
}

fn parse_entry(line: LineNo, raw: &str) -> Option<RawEntry> {
    let indented = raw.starts_with(char::is_whitespace);
    let t = raw.trim();
    if t.is_empty()
        || t.chars().count() > MAX_ENTRY_CHARS
        || t.ends_with(['。', '；', '，', '：', ':'])
    {
        return None;
    }
    let (body, page, separated_page) = split_page(t);
    let (number, title) = split_number(body);
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    let glued = if separated_page {
        None
    } else {
        let n = digit_suffix(title);
        let bare = title[..title.len() - n].trim_end();
        (n > 0 && n <= 9 && !bare.is_empty())
            .then(|| digits_value(&title[title.len() - n..]).map(|p| (bare.to_owned(), p)))
            .flatten()
    };
    Some(RawEntry {
        line,
        number,
        title: title.to_owned(),
        page,
        glued,
        decoration: Decoration {
            indented,
            numbered: number.is_some(),
            separated_page,
        },
    })
}

/// Splits `title⇥3`, `title……3`, `title ..... 3`, `title   3` into the title and the page.
fn split_page(t: &str) -> (&str, Option<u32>, bool) {
    if let Some(tab) = t.rfind('\t') {
        let page = t[tab + 1..].trim();
        return (t[..tab].trim_end(), digits_value(page), true);
    }
    let n = digit_suffix(t);
    if n == 0 || n == t.len() {
        return (t, None, false);
    }
    let before = &t[..t.len() - n];
    let leader_start =
        before.trim_end_matches(['.', '．', '…', '·', '-', '－', '—', '_', ' ', '　', '•']);
    let leader = &before[leader_start.len()..];
    let is_leader = leader.contains([' ', '　']) || leader.chars().count() >= 2;
    if is_leader && !leader_start.is_empty() {
        (leader_start, digits_value(&t[t.len() - n..]), true)
    } else {
        (t, None, false)
    }
}

/// Splits a leading entry number: `1.`, `1、`, `1．`, `（1）`, `一、`, `第一篇`, `篇一：`.
fn split_number(t: &str) -> (Option<u32>, &str) {
    let n = digit_prefix(t);
    // Up to five digits: large compilations number thousands of reports.
    if n > 0
        && n <= 5
        && let Some(sep) = t[n..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．' | '、'))
    {
        return (digits_value(&t[..n]), &t[n + sep.len_utf8()..]);
    }
    if t.starts_with(is_open_paren) {
        let open = t.chars().next().map_or(0, char::len_utf8);
        let inner = &t[open..];
        let n = digit_prefix(inner).max(han_numeral_prefix(inner));
        if n > 0 && inner[n..].starts_with(is_close_paren) {
            let value = digits_value(&inner[..n]).or_else(|| han_number(&inner[..n]));
            let close = inner[n..].chars().next().map_or(0, char::len_utf8);
            return (value, &inner[n + close..]);
        }
    }
    let n = han_numeral_prefix(t);
    if n > 0 && t[n..].starts_with('、') {
        return (han_number(&t[..n]), &t[n + '、'.len_utf8()..]);
    }
    let (marker, rest) = strip_report_marker(t);
    if !marker.is_empty() {
        let digits: String = marker
            .chars()
            .filter(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(*c))
            .collect();
        return (digits_value(&digits).or_else(|| han_number(&digits)), rest);
    }
    (None, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::parse::title::header;

    fn toc_of(s: &str) -> Toc {
        let text = Text::new(s.to_owned());
        find(&text, &header(&text)).expect("toc")
    }

    #[test]
    fn shape_a_numbered() {
        let toc = toc_of(
            "汇编\n（2篇）\n目 录\n1.2023年甲总结\n10.县乙局2023年工作总结\n\n2023年甲总结\n正文。\n",
        );
        assert_eq!(
            (toc.header_line, toc.first_line, toc.last_line),
            (Some(3), 4, 5)
        );
        assert_eq!(toc.entries[0].title, "2023年甲总结");
        assert_eq!(toc.entries[1].number, Some(10));
    }

    #[test]
    fn shape_b_tab_pages_and_self_entries() {
        let toc = toc_of(
            "\n汇编（1篇）\n\n目录\n\n\n汇编（1篇）\t1\n目录\t1\n甲2023年总结\t3\n\n\n甲2023年总结\n",
        );
        assert_eq!((toc.first_line, toc.last_line), (7, 9));
        let selfs: Vec<bool> = toc.entries.iter().map(|e| e.self_entry).collect();
        assert_eq!(selfs, vec![true, true, false]);
        assert_eq!(toc.entries[2].page, Some(3));
    }

    #[test]
    fn shape_c_glued_pages_end_at_unindented_line() {
        let toc = toc_of(
            "汇编\n（2篇）\n目录\n　　1.2023年教育重点工作总结2\n　　2.县局2023年工作总结20\n2023年教育重点工作总结\n　　正文\n",
        );
        assert_eq!(toc.last_line, 5);
        assert_eq!(toc.entries[0].title, "2023年教育重点工作总结");
        assert_eq!(toc.entries[0].page, Some(2));
        assert_eq!(toc.entries[1].page, Some(20));
        assert_eq!(
            toc.entries[1].raw_title.as_deref(),
            Some("县局2023年工作总结20")
        );
    }

    #[test]
    fn dot_leaders_and_plain_titles() {
        let toc = toc_of("汇编\n目录\n甲局工作总结……………3\n乙局工作总结 ..... 12\n\n甲局工作总结\n");
        assert_eq!(
            toc.entries
                .iter()
                .map(|e| (e.title.as_str(), e.page))
                .collect::<Vec<_>>(),
            vec![("甲局工作总结", Some(3)), ("乙局工作总结", Some(12))]
        );
        let toc = toc_of("汇编\n目录\n甲局工作总结\n乙局工作总结\n甲局工作总结\n正文。\n");
        assert_eq!(toc.last_line, 4);
    }
}
