//! Numbered headings (一、 / （一） / 1. / （1） / ①) and `一是…` enumerations, with levels
//! relative to each report (format.md §5).

use super::lexis::{
    digit_prefix, digits_value, fold_script, fold_width, han_number, han_numeral_prefix,
    is_close_paren, is_open_paren, years,
};
use crate::doc::model::{Enumeration, Heading, LineNo, MarkerStyle, Str, Text};

/// A heading marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: MarkerStyle,
    pub number: u32,
    /// Byte length of the marker in the trimmed line, including spaces after it.
    pub len: usize,
    /// True when a digit follows a `N.` marker (`1.2023年…`): a heading only if the number fits.
    pub digit_follows: bool,
}

/// Classifies the start of a trimmed line as a heading marker.
///
/// ```
/// use huibian::doc::parse::heading::classify;
/// use huibian::doc::model::MarkerStyle;
/// assert_eq!(classify("（五 ）加强宣传").map(|m| (m.style, m.number)), Some((MarkerStyle::HanParen, 5)));
/// assert_eq!(classify("1、全面推进").map(|m| m.style), Some(MarkerStyle::Digit));
/// assert_eq!(classify("2023年，我局…"), None);
/// ```
#[must_use]
pub fn classify(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    let marker = if is_open_paren(first) {
        bracketed(line)
    } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        digit_dot(line)
    } else if ('①'..='⑳').contains(&first) {
        Some(Marker {
            style: MarkerStyle::Circled,
            number: first as u32 - '①' as u32 + 1,
            len: first.len_utf8(),
            digit_follows: false,
        })
    } else if first == '第' {
        part(line)
    } else {
        han_comma(line)
    }?;
    let len = marker.len + space_len(&line[marker.len..]);
    Some(Marker { len, ..marker })
}

fn space_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// `（一）`, `(一）`, `（五 ）`, `（1）`, `(2)`.
fn bracketed(line: &str) -> Option<Marker> {
    let open = line.chars().next()?.len_utf8();
    let inner_start = open + space_len(&line[open..]);
    let rest = &line[inner_start..];
    let (style, n, number) = match han_numeral_prefix(rest) {
        0 => {
            let n = digit_prefix(rest);
            (MarkerStyle::DigitParen, n, digits_value(&rest[..n])?)
        }
        n => (MarkerStyle::HanParen, n, han_number(&rest[..n])?),
    };
    let after = inner_start + n;
    let close_at = after + space_len(&line[after..]);
    let close = line[close_at..]
        .chars()
        .next()
        .filter(|&c| is_close_paren(c))?;
    (number < 100).then_some(Marker {
        style,
        number,
        len: close_at + close.len_utf8(),
        digit_follows: false,
    })
}

/// `1.`, `1、`, `1．`, `10.`; not `2023年` and not `1.5万` unless the caller accepts the value.
fn digit_dot(line: &str) -> Option<Marker> {
    let n = digit_prefix(line);
    if n == 0 || line[..n].chars().count() > 2 {
        return None;
    }
    let number = digits_value(&line[..n])?;
    let sep = line[n..].chars().next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    let after = n + sep.len_utf8();
    let next = line[after..].chars().next();
    // `1.` alone on a line is no heading.
    next?;
    let digit_follows = next.is_some_and(|c| fold_width(c).is_ascii_digit());
    Some(Marker {
        style: MarkerStyle::Digit,
        number,
        len: after,
        digit_follows,
    })
}

/// `一、`, `十四、`, `一．`.
fn han_comma(line: &str) -> Option<Marker> {
    let n = han_numeral_prefix(line);
    if n == 0 {
        return None;
    }
    let number = han_number(&line[..n])?;
    let after_space = n + space_len(&line[n..]);
    let sep = line[after_space..].chars().next()?;
    matches!(sep, '、' | '．').then_some(Marker {
        style: MarkerStyle::HanComma,
        number,
        len: after_space + sep.len_utf8(),
        digit_follows: false,
    })
}

/// `第一部分`, `第二章`.
fn part(line: &str) -> Option<Marker> {
    let rest = line.strip_prefix('第')?;
    let n = han_numeral_prefix(rest).max(digit_prefix(rest));
    let number = han_number(&rest[..n]).or_else(|| digits_value(&rest[..n]))?;
    let after = &rest[n..];
    let unit = ["部分", "章"].into_iter().find(|u| after.starts_with(u))?;
    Some(Marker {
        style: MarkerStyle::Part,
        number,
        len: '第'.len_utf8() + n + unit.len(),
        digit_follows: false,
    })
}

/// The number of a line-initial enumeration `一是` / `二要`, or, right after item `n - 1`, a bare
/// numeral `十一扎实…` (format.md §5: odd enumerators).
#[must_use]
pub fn enumeration(line: &str, previous: Option<u32>) -> Option<u32> {
    let n = han_numeral_prefix(line);
    if n == 0 {
        return None;
    }
    let number = han_number(&line[..n])?;
    let rest = &line[n..];
    if rest.starts_with('是') || rest.starts_with('要') {
        return Some(number);
    }
    let follows = previous.is_some_and(|p| p + 1 == number && number > 1);
    let prose = rest.chars().next().is_some_and(|c| {
        !matches!(
            c,
            '、' | '．' | '.' | '个' | '年' | '月' | '日' | '次' | '项' | '家' | '人' | '条' | '批'
        )
    });
    (follows && prose).then_some(number)
}

/// Splits the text after a marker into the heading phrase and whether body text follows it on
/// the same line (run-in). The phrase ends at the first `。`, or at a `：` that has text after it.
#[must_use]
pub fn phrase(after_marker: &str) -> (&str, bool) {
    let t = after_marker.trim();
    for (i, c) in t.char_indices() {
        let end = i + c.len_utf8();
        match c {
            '。' | '！' | '？' => return (&t[..i], !t[end..].trim().is_empty()),
            '：' | ':' if !t[end..].trim().is_empty() => return (&t[..i], true),
            _ => {}
        }
    }
    (t.trim_end_matches(['：', ':', '；', ';', '，', ',']), false)
}

/// Endings of a part heading that stands without a number (`2025年工作安排`, `2020年工作回顾`,
/// `2025年工作安排建议`), read after traditional characters are folded.
const PART_ENDINGS: [&str; 12] = [
    "工作回顾",
    "工作安排",
    "工作安排建议",
    "工作计划",
    "工作打算",
    "工作要点",
    "主要任务",
    "重点任务",
    "重点工作",
    "目标任务",
    "总体要求",
    "工作总结",
];

/// Whether a line with no marker is a part heading: short, no sentence punctuation, a part
/// ending, and a year or a word that dates it (`过去一年工作回顾`, `今年工作安排`).
#[must_use]
pub fn is_unnumbered_part(line: &str) -> bool {
    // Asked of every body line: a paragraph is rejected by its length in bytes, uncounted.
    if line.len() > 24 * 4 {
        return false;
    }
    let n = line.chars().count();
    if !(4..=24).contains(&n) || line.contains(['。', '，', ',', '；', ';', '：', ':']) {
        return false;
    }
    let folded: String = line
        .chars()
        .map(fold_script)
        .filter(|c| !c.is_whitespace())
        .collect();
    let dated = years(&folded).next().is_some()
        || ["过去一年", "今年", "明年", "下一步", "五年"]
            .iter()
            .any(|w| folded.contains(w));
    dated && PART_ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// An appendix's opening line: `附件`, `附件：…`, `附件1`, `附：`, `附录…`, `附表…`.
#[must_use]
pub fn is_appendix_line(line: &str) -> bool {
    let t = line.trim_end_matches(['：', ':']);
    (t.starts_with("附件") || t.starts_with("附录") || t.starts_with("附表") || t == "附")
        && t.chars().count() <= 30
        && !t.contains('。')
}

/// Whether a line could title an appendix whose own numbering restarts after it (`十件民生实事`
/// before a second `一、`…`十、`): short, no sentence punctuation.
fn is_short_title(line: &str) -> bool {
    (2..=30).contains(&line.chars().count()) && !line.contains(['。', '，', '；', ',', ';'])
}

/// Finds headings and enumerations in lines `first..=last` of a report, assigning levels from a
/// stack of the marker styles seen so far, so that level 1 is the report's own top level.
/// Part headings without a number and appendix titles are headings too
/// ([`MarkerStyle::Unnumbered`], outermost), so an appendix's `一、…十、` sit under it, not
/// among the report's main parts.
#[must_use]
pub fn outline(text: &Text, first: LineNo, last: LineNo) -> (Vec<Heading>, Vec<Enumeration>) {
    let mut outliner = Outliner {
        text,
        headings: Vec::new(),
        enumerations: Vec::new(),
        stack: Vec::new(),
        last_enum: None,
        plain: None,
        highest: Vec::new(),
    };
    for no in first..=last {
        // Trimmed at both ends before classifying: the marker's length (which counts the spaces
        // after it) is measured on the very string it is later cut from.
        let line = text.line(no).trim();
        if !line.is_empty() {
            outliner.line(no, line);
        }
    }
    (outliner.headings, outliner.enumerations)
}

/// The state of [`outline`] as it reads a report's lines in order.
struct Outliner<'t> {
    /// The text read: headings hold spans of it.
    text: &'t Text,
    headings: Vec<Heading>,
    enumerations: Vec<Enumeration>,
    /// The marker styles open, outermost first, each with the number last seen.
    stack: Vec<(MarkerStyle, u32)>,
    last_enum: Option<u32>,
    /// The previous non-blank line when it was no heading: an appendix's title, if the
    /// numbering restarts right after it.
    plain: Option<(LineNo, &'t str)>,
    /// Numbered headings seen (by style, the highest number): a restart at 1 is a new part.
    highest: Vec<(MarkerStyle, u32)>,
}

impl<'t> Outliner<'t> {
    /// One non-blank line, trimmed.
    fn line(&mut self, no: LineNo, line: &'t str) {
        let before = self.plain.take();
        if let Some(m) = classify(line) {
            let expected = self
                .stack
                .iter()
                .find(|(s, _)| *s == m.style)
                .map_or(1, |&(_, n)| n + 1);
            if !(m.digit_follows && m.number != expected) {
                self.numbered(no, line, &m, before);
                return;
            }
        }
        if is_unnumbered_part(line) || is_appendix_line(line) {
            self.unnumbered(no, line);
            return;
        }
        self.plain = Some((no, line));
        if let Some(n) = enumeration(line, self.last_enum) {
            self.enumerations.push(Enumeration {
                line: no,
                number: n,
            });
            self.last_enum = Some(n);
        }
    }

    /// A numbered heading (`一、`, `（二）`, `3.`); `before` is the plain line above it.
    fn numbered(&mut self, no: LineNo, line: &str, m: &Marker, before: Option<(LineNo, &str)>) {
        let seen = self
            .highest
            .iter()
            .find(|(s, _)| *s == m.style)
            .map(|&(_, n)| n);
        // `一、` starting again, or starting after inner items (`（一）…（三）`) of the same part:
        // a new part, titled by the short line above it.
        let restarts = seen.is_some_and(|n| n >= 2)
            || (seen.is_none() && self.highest.iter().any(|&(s, _)| s > m.style));
        if m.number == 1
            && m.style == MarkerStyle::HanComma
            && restarts
            && let Some((at, title)) = before.filter(|(_, t)| is_short_title(t))
        {
            self.unnumbered(at, title);
        }
        match self.highest.iter_mut().find(|(s, _)| *s == m.style) {
            Some(h) => h.1 = h.1.max(m.number),
            None => self.highest.push((m.style, m.number)),
        }
        let level = push_style(&mut self.stack, m.style, m.number);
        let (text_part, run_in) = phrase(&line[m.len..]);
        self.headings.push(Heading {
            line: no,
            level,
            style: m.style,
            marker: self.text.span(line[..m.len].trim_end()),
            number: m.number,
            text: self.text.span(text_part.trim()),
            run_in,
        });
        self.last_enum = None;
    }

    /// A part heading without a number, or an appendix's title: outermost, and the numbering
    /// under it starts afresh.
    fn unnumbered(&mut self, no: LineNo, line: &str) {
        self.headings.push(Heading {
            line: no,
            level: push_style(&mut self.stack, MarkerStyle::Unnumbered, 0),
            style: MarkerStyle::Unnumbered,
            marker: Str::default(),
            number: 0,
            text: self.text.span(line.trim_end_matches(['：', ':'])),
            run_in: false,
        });
        self.highest.clear();
        self.last_enum = None;
    }
}

/// Pushes `style` on the stack of open styles and returns its level (1-based).
fn push_style(stack: &mut Vec<(MarkerStyle, u32)>, style: MarkerStyle, number: u32) -> u8 {
    if let Some(pos) = stack.iter().position(|&(s, _)| s == style) {
        stack.truncate(pos + 1);
        stack[pos].1 = number;
    } else {
        while stack.last().is_some_and(|&(top, _)| top > style) {
            stack.pop();
        }
        stack.push((style, number));
    }
    u8::try_from(stack.len()).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(line: &str) -> Option<(MarkerStyle, u32)> {
        classify(line).map(|m| (m.style, m.number))
    }

    #[test]
    fn marker_variants() {
        use MarkerStyle::*;
        assert_eq!(style("一、基本情况"), Some((HanComma, 1)));
        assert_eq!(style("三、 公开渠道"), Some((HanComma, 3)));
        assert_eq!(style("（一）水利"), Some((HanParen, 1)));
        assert_eq!(style("(三）农村"), Some((HanParen, 3)));
        assert_eq!(style("（六 ）加强"), Some((HanParen, 6)));
        assert_eq!(style("（十）加强"), Some((HanParen, 10)));
        assert_eq!(style("1.医改"), Some((Digit, 1)));
        assert_eq!(style("17、项目"), Some((Digit, 17)));
        assert_eq!(style("2. 继续"), Some((Digit, 2)));
        assert_eq!(style("（1）加强"), Some((DigitParen, 1)));
        assert_eq!(style("(2)加强"), Some((DigitParen, 2)));
        assert_eq!(style("①加强"), Some((Circled, 1)));
        assert_eq!(style("第二部分 计划"), Some((Part, 2)));
        assert_eq!(style("一是加强"), None);
        assert_eq!(style("2023年"), None);
        assert_eq!(style("一方面"), None);
        assert!(classify("1.2023年，全县").is_some_and(|m| m.digit_follows));
        assert_eq!(
            classify("1.   继续开展").map(|m| m.len),
            Some("1.   ".len())
        );
    }

    #[test]
    fn phrases_and_run_in() {
        assert_eq!(
            phrase("对上争取持续增强。2023年我局"),
            ("对上争取持续增强", true)
        );
        assert_eq!(
            phrase("水旱灾害防御工作扎实有力。"),
            ("水旱灾害防御工作扎实有力", false)
        );
        assert_eq!(phrase("贷款管理：2023年"), ("贷款管理", true));
        assert_eq!(phrase("基本情况"), ("基本情况", false));
    }

    #[test]
    fn enumerations() {
        assert_eq!(enumeration("一是加强", None), Some(1));
        assert_eq!(enumeration("十四是", None), Some(14));
        assert_eq!(enumeration("二要", None), Some(2));
        assert_eq!(enumeration("十一扎实开展", Some(10)), Some(11));
        assert_eq!(enumeration("十一扎实开展", None), None);
        assert_eq!(enumeration("一年来", None), None);
    }

    #[test]
    fn relative_levels() {
        let t = Text::new("一、甲\n1、乙\n（一）丙\n（1）丁\n二、戊\n".to_owned());
        let (h, _) = outline(&t, 1, 5);
        let levels: Vec<u8> = h.iter().map(|h| h.level).collect();
        // 1、 under 一、 is level 2 (skipped level); （一） then sits above 1、 and replaces it.
        assert_eq!(levels, vec![1, 2, 2, 3, 1]);
        let t = Text::new("（一）甲\n（二）乙\n1.丙\n".to_owned());
        let (h, _) = outline(&t, 1, 3);
        assert_eq!(h.iter().map(|h| h.level).collect::<Vec<_>>(), vec![1, 1, 2]);
    }

    #[test]
    fn marker_followed_only_by_white_space() {
        // The marker's length counts the spaces after it; the line it is cut from must be the
        // one it was measured on (a panic once).
        let t = Text::new("1. \n（一）\u{3000}\n一、\t\n①\u{a0}\n（二） \u{3000}乙 \n".to_owned());
        let (h, _) = outline(&t, 1, 5);
        let found: Vec<(LineNo, &str, &str)> = h
            .iter()
            .map(|h| (h.line, h.marker.as_str(), h.text.as_str()))
            .collect();
        // `1.` alone is no heading (a list number without its item); the others stand alone.
        assert_eq!(
            found,
            vec![
                (2, "（一）", ""),
                (3, "一、", ""),
                (4, "①", ""),
                (5, "（二）", "乙")
            ]
        );
    }

    #[test]
    fn decimal_trap_accepts_fitting_numbers_only() {
        let t = Text::new("1.2023年，全县\n2.雨露计划\n5.5万亩\n".to_owned());
        let (h, _) = outline(&t, 1, 3);
        assert_eq!(h.iter().map(|h| h.line).collect::<Vec<_>>(), vec![1, 2]);
    }
}
