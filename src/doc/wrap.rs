//! CJK-correct line wrapping, done by us rather than by ratatui (design.md §3.1).
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`); widths from `unicode-width`, the
//! table ratatui draws with, with East Asian Ambiguous characters (`“”…—·①`) counted as one or
//! two columns by a setting. On top of UAX #14, kinsoku: a row never starts with closing
//! punctuation (`，。、；：？！）》”`) and never ends with an opening one (`（《“`). Rows are
//! filled first-fit and never exceed the width; a run with no break opportunity that is wider
//! than a row is cut between characters. Only the lines on screen are ever wrapped.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Characters that must not start a row.
const NO_START: &str = "，。、；：？！）》”’」』】〕〉…,.;:?!)]}%％·・〃ー";
/// Characters that must not end a row.
const NO_END: &str = "（《“‘「『【〔〈([{";

/// Columns a tab takes (tabs only appear in tables of contents).
pub const TAB_WIDTH: usize = 4;

/// The display width of a character: 0 for controls and combining marks, 2 for wide ones, 1 or 2
/// for East Asian Ambiguous ones depending on `ambiguous_wide`.
#[must_use]
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    if c == '\t' {
        return TAB_WIDTH;
    }
    // Measured as drawn: a line separator or bidi control shows as a symbol (`crate::doc::safe`).
    let c = crate::doc::safe::neutral(c).unwrap_or(c);
    let w = if ambiguous_wide {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// The display width of a string.
#[must_use]
pub fn str_width(s: &str, ambiguous_wide: bool) -> usize {
    s.chars().map(|c| char_width(c, ambiguous_wide)).sum()
}

/// Whether a row may end at byte `at` of `line` by kinsoku rules.
fn kinsoku_ok(line: &str, at: usize) -> bool {
    let next = line[at..].chars().next();
    let prev = line[..at].chars().next_back();
    !next.is_some_and(|c| NO_START.contains(c)) && !prev.is_some_and(|c| NO_END.contains(c))
}

/// Wraps one line (no `\n` inside) into rows of at most `width` columns; returns the byte range
/// of each row. An empty line is one empty row. White space where a row ends is dropped.
#[must_use]
pub fn wrap_line(line: &str, width: usize, ambiguous_wide: bool) -> Vec<Range<usize>> {
    let width = width.max(2);
    if str_width(line, ambiguous_wide) <= width {
        return std::iter::once(0..line.len()).collect();
    }
    let mut opportunities = unicode_linebreak::linebreaks(line)
        .map(|(i, _)| i)
        .filter(|&i| i < line.len())
        .peekable();
    let mut rows = Vec::new();
    let mut row_start = 0;
    let mut row_width = 0;
    // Last place in the current row where it may end (a break opportunity that kinsoku allows).
    let mut last_break: Option<usize> = None;
    let mut chars = line.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        while opportunities.peek().is_some_and(|&o| o < i) {
            opportunities.next();
        }
        if i > row_start && opportunities.peek() == Some(&i) && kinsoku_ok(line, i) {
            last_break = Some(i);
        }
        let w = char_width(c, ambiguous_wide);
        if row_width + w <= width {
            row_width += w;
            chars.next();
            continue;
        }
        // `c` does not fit.
        if c.is_whitespace() && c != '\u{3000}' {
            // End the row here and drop the white space run.
            rows.push(row_start..i);
            while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                chars.next();
            }
            row_start = chars.peek().map_or(line.len(), |&(j, _)| j);
            row_width = 0;
            last_break = None;
            continue;
        }
        let end = last_break
            .filter(|&b| b > row_start)
            .unwrap_or_else(|| forced_break(line, row_start, i));
        rows.push(row_start..end);
        row_start = end;
        row_width = str_width(&line[row_start..i], ambiguous_wide);
        last_break = None;
        // Re-examine `c` against the new row.
        if row_width + w > width && end == i {
            // A single character wider than the row: give it a row of its own.
            rows.push(i..i + c.len_utf8());
            chars.next();
            row_start = i + c.len_utf8();
            row_width = 0;
        }
    }
    if row_start < line.len() || rows.is_empty() {
        rows.push(row_start..line.len());
    }
    // A row that ends at a space break carries the space: drop it (but keep U+3000 indents).
    for r in &mut rows {
        r.end = r.start + line[r.clone()].trim_end_matches([' ', '\t']).len();
    }
    rows
}

/// Where to cut a row that has no allowed break: before `at`, moved back over characters that
/// may not start a row (so `，` goes down together with the character before it).
fn forced_break(line: &str, row_start: usize, at: usize) -> usize {
    let mut end = at;
    while end > row_start {
        if kinsoku_ok(line, end) {
            return end;
        }
        end = line[..end]
            .char_indices()
            .next_back()
            .map_or(row_start, |(j, _)| j);
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<&str> {
        wrap_line(line, width, false)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    fn assert_fits(line: &str, width: usize) {
        for r in rows(line, width) {
            assert!(str_width(r, false) <= width, "{r:?} wider than {width}");
        }
    }

    const PARAGRAPH: &str = "　　2023年，我局认真贯彻落实党的二十大精神，坚持以人民为中心的发展思想，扎实推进各项工作，取得了明显成效。一是加强组织领导（XX万元），二是完善制度“四下基层”。";

    #[test]
    fn widths_40_and_41_never_overflow_and_keep_all_text() {
        for width in [40, 41, 10, 11, 3] {
            assert_fits(PARAGRAPH, width);
            let joined: String = rows(PARAGRAPH, width).concat();
            assert_eq!(joined, PARAGRAPH, "width {width}: no character lost");
            // A row ends where the next begins: ranges tile the line (no space in this text).
            let ranges = wrap_line(PARAGRAPH, width, false);
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn kinsoku_no_closing_punctuation_at_row_start() {
        // Below about four characters a row cannot hold `元），` together; kinsoku then yields.
        for width in 8..60 {
            for r in rows(PARAGRAPH, width).iter().skip(1) {
                let first = r.chars().next().expect("non-empty row");
                assert!(
                    !NO_START.contains(first),
                    "width {width}: row starts with {first:?}: {r:?}"
                );
            }
            for r in rows(PARAGRAPH, width) {
                let last = r.chars().next_back().expect("non-empty row");
                assert!(
                    !NO_END.contains(last),
                    "width {width}: row ends with {last:?}: {r:?}"
                );
            }
        }
    }

    #[test]
    fn full_width_indent_stays_on_the_first_row() {
        let r = rows(PARAGRAPH, 40);
        assert!(r[0].starts_with("　　2023年"));
        // Han characters are two columns: 40 columns hold at most 20 of them.
        assert!(r.iter().all(|row| row.chars().count() <= 40));
    }

    #[test]
    fn mixed_latin_and_han() {
        let line = "完成PM2.5平均浓度监测，AAA公众号发布信息120条，CV-A6疫苗接种率达98.5%。";
        for width in [10, 15, 20, 41] {
            assert_fits(line, width);
            assert_eq!(
                rows(line, width).concat().replace(' ', ""),
                line.replace(' ', "")
            );
        }
        // Latin words are not split when a break opportunity exists.
        assert!(rows("abc defgh ijk", 6).iter().all(|r| !r.is_empty()));
        assert_eq!(rows("abc defgh ijk", 6), vec!["abc", "defgh", "ijk"]);
    }

    #[test]
    fn long_runs_are_cut_and_short_lines_untouched() {
        let url = "https://example.org/a/very/long/path/without/any/spaces/at/all";
        assert_fits(url, 12);
        assert_eq!(rows(url, 12).concat(), url);
        assert_eq!(rows("目录", 40), vec!["目录"]);
        assert_eq!(rows("", 40), vec![""]);
    }

    #[test]
    fn ambiguous_width_setting() {
        assert_eq!(str_width("“双随机”", false), 8);
        assert_eq!(str_width("“双随机”", true), 10);
        let line = "“双随机、一公开”“双随机、一公开”“双随机、一公开”";
        for r in wrap_line(line, 12, true) {
            assert!(str_width(&line[r], true) <= 12);
        }
    }
}
