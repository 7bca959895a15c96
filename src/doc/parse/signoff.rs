//! The closing sign-off (issuing office + date, format.md §7) and the addressee line after a
//! report's title (`县政务公开办：`, format.md §4).

use super::heading::classify;
use super::lexis::{digit_prefix, han_numeral_prefix};
use crate::doc::model::{LineNo, Text};

/// Endings of an office's name.
const OFFICE_SUFFIXES: [&str; 30] = [
    "局",
    "委",
    "办",
    "中心",
    "政府",
    "办事处",
    "委员会",
    "公司",
    "院",
    "所",
    "站",
    "队",
    "部",
    "室",
    "厅",
    "会",
    "处",
    "镇",
    "乡",
    "街道",
    "党委",
    "党组",
    "支部",
    "学校",
    "医院",
    "集团",
    "分局",
    "小组",
    "办公室",
    "管委会",
];

fn has_sentence_punctuation(t: &str) -> bool {
    t.contains(['。', '，', '；', '！', '？', ',', ';'])
}

/// Whether a trimmed line is a date alone: `2023年12月6日`, `２０２３年１２月６日`, `二〇二三年十二月六日`.
#[must_use]
pub fn is_date_line(t: &str) -> bool {
    let t = t.trim();
    let year = digit_prefix(t).max(
        t.char_indices()
            .find(|&(_, c)| !"〇○零一二三四五六七八九".contains(c))
            .map_or(t.len(), |(i, _)| i),
    );
    if t[..year].chars().count() != 4 {
        return false;
    }
    let Some(rest) = t[year..].strip_prefix('年') else {
        return false;
    };
    let month = digit_prefix(rest).max(han_numeral_prefix(rest));
    let Some(rest) = rest[month..].strip_prefix('月').filter(|_| month > 0) else {
        return false;
    };
    let day = digit_prefix(rest).max(han_numeral_prefix(rest));
    day > 0 && matches!(&rest[day..], "日" | "号")
}

/// Whether a trimmed line reads as an office's name (short, unpunctuated, office ending or `XX`).
#[must_use]
pub fn is_office_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !has_sentence_punctuation(t)
        && !t.contains(['：', ':'])
        && classify(t).is_none()
        && (t.starts_with("XX")
            || t.starts_with("中共")
            || OFFICE_SUFFIXES.iter().any(|s| t.ends_with(s)))
}

/// The sign-off lines at the end of `first..=last`: a date line, and the office line above it.
#[must_use]
pub fn signoff(text: &Text, first: LineNo, last: LineNo) -> Vec<LineNo> {
    let mut content = (first..=last).rev().filter(|&n| !text.is_blank(n));
    let Some(date) = content
        .next()
        .filter(|&n| n > first && is_date_line(text.trimmed(n)))
    else {
        return Vec::new();
    };
    match content.next() {
        Some(office)
            if office > first && office + 1 == date && is_office_line(text.trimmed(office)) =>
        {
            vec![office, date]
        }
        _ => vec![date],
    }
}

/// The addressee line right after the title, if any: a short line ending in `：`, or an office
/// name standing alone before the first paragraph.
#[must_use]
pub fn addressee(text: &Text, title_line: LineNo, last: LineNo) -> Option<LineNo> {
    let no = (title_line + 1..=last).find(|&n| !text.is_blank(n))?;
    let t = text.trimmed(no);
    let short = t.chars().count() <= 40 && !has_sentence_punctuation(t) && classify(t).is_none();
    let colon = t.ends_with(['：', ':']) && !t.trim_end_matches(['：', ':']).contains(['：', ':']);
    (short && (colon || is_office_line(t)) && no < last).then_some(no)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date_line("2023年12月6日"));
        assert!(is_date_line("　　2023年10月30日"));
        assert!(is_date_line("二〇二三年十二月六日"));
        assert!(!is_date_line("2023年12月6日，我局召开"));
        assert!(!is_date_line("2023年"));
    }

    #[test]
    fn offices() {
        assert!(is_office_line("XX县乡村振兴局 "));
        assert!(is_office_line("中共XX市XX区未来产业城工作委员会"));
        assert!(!is_office_line("一、基本情况"));
        assert!(!is_office_line("下一步，我局将继续加强。"));
    }

    #[test]
    fn signoff_block() {
        let t = Text::new("题\n正文。\n\nXX县学生资助管理中心\n2023年11月20日\n".to_owned());
        assert_eq!(signoff(&t, 1, 5), vec![4, 5]);
        let t = Text::new("题\n正文。\n".to_owned());
        assert!(signoff(&t, 1, 2).is_empty());
    }

    #[test]
    fn addressees() {
        let t = Text::new("题\n\n县政务公开办：\n2023年以来，我局…。\n".to_owned());
        assert_eq!(addressee(&t, 1, 4), Some(3));
        let t = Text::new("题\n一、基本情况\n正文。\n".to_owned());
        assert_eq!(addressee(&t, 1, 3), None);
    }
}
