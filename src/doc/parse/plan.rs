//! The next-year plan part of a report (format.md §8).
//!
//! A plan heading is a top-level heading (level 1 of the report) whose phrase *ends* in plan
//! vocabulary and says it is about the future (`下一步`, `今后`, a year after the report's), or a
//! bare `工作打算`; one that also names problems is *combined*. Under a problems heading, a
//! sub-heading in plan vocabulary (`（二）工作打算`, `2.改进措施`) is a *nested* plan. Without a
//! heading, plan prose (`下一步，我们将…`) in the report's closing lines counts. Keywords
//! anywhere else (`（一）明确工作，制定计划`, `2.雨露计划项目`) are not plans.

use super::heading::{enumeration, phrase};
use super::lexis::{fold_script, fold_width, years};
use crate::doc::model::{Enumeration, Heading, LineNo, PlanItem, PlanKind, PlanSection, Str, Text};

/// Words that say a phrase is about what comes next.
const FUTURE: [&str; 14] = [
    "下一步",
    "下步",
    "下阶段",
    "下一阶段",
    "今后",
    "明年",
    "来年",
    "下半年",
    "新的一年",
    "下一年",
    "未来",
    "接下来",
    "下年度",
    "下一年度",
];
/// Plan nouns that may end a plan heading (with a later year or a future word: `2025年工作`,
/// `2025年主要任务`, `2025年工作总体要求和重点任务`, `…总体要求和政策取向`).
const PLAN_NOUNS: [&str; 20] = [
    "计划", "打算", "安排", "谋划", "设想", "展望", "要点", "部署", "思路", "规划", "目标", "举措",
    "重点", "方向", "措施", "考虑", "任务", "要求", "取向", "工作",
];
/// Words of a part or title that reviews a period (`一、2024年工作回顾`, `…工作总结`).
const REVIEW: [&str; 7] = [
    "回顾",
    "总结",
    "小结",
    "完成情况",
    "工作情况",
    "述职",
    "成绩",
];
/// Plan nouns strong enough to stand alone (`三、工作打算`).
const BARE_PLAN: [&str; 8] = [
    "工作打算",
    "工作计划",
    "工作安排",
    "工作谋划",
    "工作设想",
    "打算",
    "计划",
    "工作展望",
];
/// Words naming problems, for combined headings and the parents of nested plans.
const PROBLEMS: [&str; 8] = [
    "问题", "不足", "困难", "短板", "差距", "薄弱", "挑战", "风险",
];
/// Remedies that make a plan only under a problems heading (`2.改进措施`).
const REMEDIES: [&str; 10] = [
    "改进措施",
    "整改措施",
    "改进方向",
    "努力方向",
    "对策",
    "改进举措",
    "整改举措",
    "工作措施",
    "下一步措施",
    "工作思路",
];
/// Cues that open unheaded plan prose.
const PROSE_CUES: [&str; 11] = [
    "下一步",
    "下步",
    "下一阶段",
    "下阶段",
    "今后",
    "接下来",
    "下来，",
    "下来,",
    "新的一年",
    "明年",
    "来年",
];
/// One automaton for every cue in either script.
fn prose_cues() -> Option<&'static aho_corasick::AhoCorasick> {
    static CUES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        aho_corasick::AhoCorasick::new(PROSE_CUES.iter().chain(PROSE_CUES_TRADITIONAL.iter())).ok()
    })
    .as_ref()
}

/// The cues of [`PROSE_CUES`] that traditional script writes differently.
const PROSE_CUES_TRADITIONAL: [&str; 7] = [
    "下一階段",
    "下階段",
    "今後",
    "接下來",
    "下來，",
    "下來,",
    "來年",
];
/// Verbs of commitment that follow a prose cue.
const COMMITMENT: [&str; 14] = [
    "将",
    "要",
    "继续",
    "持续",
    "进一步",
    "着力",
    "重点",
    "力争",
    "坚持",
    "围绕",
    "做好",
    "加强",
    "推进",
    "计划",
];

/// What a heading phrase says about plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Plan,
    Combined,
    Problems,
}

fn squeeze(s: &str) -> String {
    s.chars()
        .map(|c| fold_script(fold_width(c)))
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['。', '：', ':', '；', '，', '、', '.', '!', '！'])
        .to_owned()
}

fn is_future(p: &str, report_year: Option<u32>) -> bool {
    FUTURE.iter().any(|w| p.contains(w)) || years(p).any(|y| report_year.is_none_or(|r| y > r))
}

/// Classifies a heading phrase (marker already removed).
///
/// ```
/// use huibian::doc::parse::plan::{classify_phrase, PhraseKind};
/// assert_eq!(classify_phrase("2024年工作计划", Some(2023)), Some(PhraseKind::Plan));
/// assert_eq!(classify_phrase("存在问题及下一步工作", Some(2023)), Some(PhraseKind::Combined));
/// assert_eq!(classify_phrase("存在问题及建议", Some(2023)), Some(PhraseKind::Problems));
/// assert_eq!(classify_phrase("明确工作，制定计划", Some(2023)), None);
/// ```
#[must_use]
pub fn classify_phrase(raw: &str, report_year: Option<u32>) -> Option<PhraseKind> {
    let p = squeeze(raw);
    let problems = PROBLEMS.iter().any(|w| p.contains(w));
    // `…下一步工作`, `…下步工作`, `…今后的工作`: the cue ends the phrase.
    let stem = p.strip_suffix("工作").unwrap_or(&p);
    let stem = stem.strip_suffix('的').unwrap_or(stem);
    let next_work = ["下一步", "下步", "下阶段", "下一阶段", "今后", "明年"]
        .iter()
        .any(|w| stem.ends_with(w));
    let noun_end = PLAN_NOUNS.iter().any(|n| p.ends_with(n));
    let clause_free = !p.contains(['，', ',', '；']);
    let bare = BARE_PLAN.iter().any(|b| {
        p.ends_with(b)
            && (p.len() == b.len() || problems || p.starts_with("主要") || p.starts_with("重点"))
    });
    let plan = clause_free && (next_work || (noun_end && is_future(&p, report_year)) || bare);
    match (plan, problems) {
        (true, true) => Some(PhraseKind::Combined),
        (true, false) => Some(PhraseKind::Plan),
        (false, true) => Some(PhraseKind::Problems),
        (false, false) => None,
    }
}

/// Whether a sub-heading under a problems heading opens the plan (`工作打算`, `改进措施`).
fn is_nested_plan(raw: &str, report_year: Option<u32>) -> bool {
    let p = squeeze(raw);
    matches!(
        classify_phrase(raw, report_year),
        Some(PhraseKind::Plan | PhraseKind::Combined)
    ) || REMEDIES.iter().any(|r| p.ends_with(r))
        || BARE_PLAN.iter().any(|b| p.ends_with(b))
}

/// The year a report reviews; its plan part is about a later year. Read by meaning, not by one
/// calendar rule: a 工作总结 reviews the first year its title names (`2023年工作总结和2024年
/// 工作计划` → 2023); else its first part, when that reviews (`一、2024年工作回顾`,
/// `“十二五”时期和2015年工作回顾` → the latest year named); a 政府工作报告 is given early in the
/// year it plans, so it reviews the year before its title's or its dateline's
/// (`——2025年1月…在…人民代表大会…上` → 2024); a plan alone (`2024年工作要点`) the year before.
#[must_use]
pub fn reviewed_year(
    text: &Text,
    title: &str,
    headings: &[Heading],
    body: (LineNo, LineNo),
    fallback: Option<u32>,
) -> Option<u32> {
    let title = squeeze(title);
    let reviews = |p: &str| REVIEW.iter().any(|w| p.contains(w));
    let title_year = years(&title).min();
    if reviews(&title)
        && let Some(y) = title_year
    {
        return Some(y);
    }
    if let Some(y) = headings
        .iter()
        .find(|h| h.level == 1)
        .filter(|h| reviews(&squeeze(&h.text)))
        .and_then(|h| years(&squeeze(&h.text)).max())
    {
        return Some(y);
    }
    if let Some(y) = years(&title).max().filter(|_| title.contains("报告")) {
        return Some(y - 1);
    }
    let (first, last) = body;
    let dateline = (first..=last.min(first + 8)).find_map(|n| {
        let t = squeeze(text.trimmed(n));
        (t.contains('月') && (t.contains("代表大会") || t.contains("会议上")))
            .then(|| years(&t).next())
            .flatten()
    });
    if let Some(y) = dateline {
        return Some(y - 1);
    }
    if is_plan_only(&title) {
        return title_year.map(|y| y - 1);
    }
    title_year.or(fallback)
}

/// A title that names a plan and no review (`2024年工作要点`, `2024年工作计划`): the whole report
/// is its plan part.
fn is_plan_only(squeezed_title: &str) -> bool {
    let t = squeezed_title;
    [
        "工作要点",
        "工作计划",
        "工作安排",
        "工作打算",
        "工作思路",
        "行动计划",
        "实施方案",
    ]
    .iter()
    .any(|e| t.ends_with(e))
        && !REVIEW.iter().any(|w| t.contains(w))
        && !t.contains("报告")
        && !t.contains("和")
        && !t.contains("及")
}

/// Everything the plan finder needs to know about one report.
pub struct ReportOutline<'a> {
    pub text: &'a Text,
    /// First line after the title.
    pub body_first: LineNo,
    /// Last line before the sign-off (or the report's end).
    pub body_last: LineNo,
    pub headings: &'a [Heading],
    pub enumerations: &'a [Enumeration],
    /// The year under review ([`reviewed_year`]): a plan is about a later one.
    pub report_year: Option<u32>,
    /// The report's title, for a report that is all plan (`2024年工作要点`).
    pub title: &'a str,
    /// The width a hard-wrapped text is cut at: its paragraphs span lines.
    pub wrap: Option<usize>,
}

/// Finds the report's plan part, if it has one.
#[must_use]
pub fn find(r: &ReportOutline<'_>) -> Option<PlanSection> {
    headed(r).or_else(|| whole(r)).or_else(|| prose(r))
}

/// A report that is all plan (its title says so): the whole body, with its top-level headings
/// (or `一是…` paragraphs, or lines) as items.
fn whole(r: &ReportOutline<'_>) -> Option<PlanSection> {
    if !is_plan_only(&squeeze(r.title)) || r.body_first > r.body_last {
        return None;
    }
    // The body's first line with text, past a repeat of the title.
    let start = (r.body_first..=r.body_last)
        .find(|&n| !r.text.is_blank(n) && r.text.trimmed(n) != r.title)?;
    let end = last_content(r.text, start, r.body_last);
    let above = Heading {
        line: r.body_first.saturating_sub(1),
        level: 0,
        style: crate::doc::model::MarkerStyle::Unnumbered,
        marker: Str::default(),
        number: 0,
        text: Str::default(),
        run_in: false,
    };
    Some(PlanSection {
        kind: PlanKind::Whole,
        heading_line: None,
        heading: None,
        start_line: start,
        end_line: end,
        items: items(r, start, end, &above),
    })
}

fn headed(r: &ReportOutline<'_>) -> Option<PlanSection> {
    let heads = r.headings;
    for (i, h) in heads.iter().enumerate() {
        if h.level != 1 || h.line > r.body_last {
            continue;
        }
        let Some(kind) = classify_phrase(&h.text, r.report_year) else {
            continue;
        };
        // Sub-headings are looked at only under a combined or problems heading.
        let nested = (kind != PhraseKind::Plan)
            .then(|| {
                heads[i + 1..]
                    .iter()
                    .take_while(|c| c.level > 1 && c.line <= r.body_last)
                    .find(|c| is_nested_plan(&c.text, r.report_year))
            })
            .flatten();
        let (kind, heading, start) = match (Some(kind), nested) {
            (Some(PhraseKind::Plan), _) => (PlanKind::Section, h, h.line),
            (Some(PhraseKind::Combined), Some(n)) => (PlanKind::Combined, h, n.line),
            (Some(PhraseKind::Combined), None) => (
                PlanKind::Combined,
                h,
                prose_start(r, h.line + 1).unwrap_or(h.line),
            ),
            (Some(PhraseKind::Problems), Some(n)) => (PlanKind::Nested, n, n.line),
            _ => continue,
        };
        let end = plan_end(r, heading, i);
        return Some(PlanSection {
            kind,
            heading_line: Some(heading.line),
            heading: Some(r.text.span(r.text.trimmed(heading.line))),
            start_line: start,
            end_line: end,
            items: items(r, start, end, heading),
        });
    }
    None
}

/// The plan runs to the next heading at its own level or above that is not itself a plan
/// heading, or to the end of the report body (the sign-off is already cut off).
fn plan_end(r: &ReportOutline<'_>, heading: &Heading, index: usize) -> LineNo {
    let boundary = r.headings[index + 1..]
        .iter()
        .filter(|h| h.line > heading.line && h.level <= heading.level && h.line <= r.body_last)
        .find(|h| {
            !matches!(
                classify_phrase(&h.text, r.report_year),
                Some(PhraseKind::Plan | PhraseKind::Combined)
            )
        })
        .map_or(r.body_last, |h| h.line - 1);
    last_content(r.text, heading.line, boundary)
}

fn last_content(text: &Text, first: LineNo, last: LineNo) -> LineNo {
    (first..=last)
        .rev()
        .find(|&n| !text.is_blank(n))
        .unwrap_or(first)
}

/// The first line at or after `from` in which plan prose begins (in a hard-wrapped text, the
/// first line of the paragraph the cue falls in, and a cue cut by a soft break is read whole).
fn prose_start(r: &ReportOutline<'_>, from: LineNo) -> Option<LineNo> {
    let Some(width) = r.wrap else {
        return (from..=r.body_last).find(|&n| has_prose_cue(r.text.trimmed(n), r.report_year));
    };
    let mut n = from;
    while n <= r.body_last {
        let mut paragraph = r.text.trimmed(n).to_owned();
        let mut end = n;
        while let Some(next) =
            super::wrapped::next_in_paragraph(r.text, end, width).filter(|&m| m <= r.body_last)
        {
            paragraph.push_str(r.text.trimmed(next));
            end = next;
        }
        if has_prose_cue(&paragraph, r.report_year) {
            return Some(n);
        }
        n = end + 1;
    }
    None
}

/// Whether a line holds a plan cue followed closely by a commitment (`下一步，我局将…`).
fn has_prose_cue(line: &str, report_year: Option<u32>) -> bool {
    let next_year = report_year.map(|y| format!("{}年", y + 1));
    // The cues in either script (`今後`, `下一階段`), found in one pass over the line by one
    // automaton (this runs on every report's closing lines); only the words after a cue are
    // folded to simplified script, never the whole paragraph.
    let fixed = prose_cues()
        .into_iter()
        .flat_map(|cues| cues.find_overlapping_iter(line))
        .map(|m| (m.start(), &line[m.range()]));
    let dated = next_year
        .as_deref()
        .into_iter()
        .flat_map(|cue| line.match_indices(cue));
    fixed.chain(dated).any(|(at, cue)| {
        let after: String = line[at + cue.len()..]
            .chars()
            .take(30)
            .map(fold_script)
            .collect();
        let before = line[..at].chars().next_back();
        // A cue opens a clause: at the line start or after punctuation or 在 (在今后的工作中).
        let opens = before.is_none_or(|c| {
            matches!(
                c,
                '。' | '，' | '；' | '：' | '！' | ',' | '在' | '”' | '）'
            )
        });
        opens && COMMITMENT.iter().any(|v| after.contains(v))
    })
}

/// The last two paragraphs of the body, each as its first line and its text: a line each, or in
/// a hard-wrapped text the lines joined across soft breaks (page numbers passed over).
fn closing_paragraphs(r: &ReportOutline<'_>) -> Vec<(LineNo, String)> {
    let content = |n: LineNo| {
        let t = r.text.trimmed(n);
        !t.is_empty()
            && !super::lexis::is_page_number(t, r.wrap.is_some())
            && !super::lexis::is_watermark_like(t)
    };
    let mut paragraphs: Vec<(LineNo, String)> = Vec::new();
    let mut n = r.body_last;
    while n >= r.body_first && paragraphs.len() < 2 {
        if !content(n) {
            n -= 1;
            continue;
        }
        let mut start = n;
        if let Some(width) = r.wrap {
            // Back over the lines whose paragraph runs on into `start` (past page numbers).
            while let Some(p) = (start.saturating_sub(3).max(r.body_first)..start)
                .rev()
                .find(|&p| content(p))
                .filter(|&p| super::wrapped::next_in_paragraph(r.text, p, width) == Some(start))
            {
                start = p;
            }
        }
        let text: String = (start..=n)
            .filter(|&l| content(l))
            .map(|l| r.text.trimmed(l))
            .collect();
        paragraphs.push((start, text));
        if start == 0 {
            break;
        }
        n = start - 1;
    }
    paragraphs.reverse();
    paragraphs
}

/// Unheaded plan prose in the report's closing lines (the last two paragraphs).
fn prose(r: &ReportOutline<'_>) -> Option<PlanSection> {
    let start = closing_paragraphs(r)
        .into_iter()
        .find(|(_, text)| has_prose_cue(text, r.report_year))
        .map(|(n, _)| n)?;
    let end = last_content(r.text, start, r.body_last);
    let items = prose_items(r.text, start, end);
    Some(PlanSection {
        kind: PlanKind::Prose,
        heading_line: None,
        heading: None,
        start_line: start,
        end_line: end,
        items,
    })
}

/// The plan's items: its sub-headings at the shallowest level below the plan heading, else its
/// `一是…` paragraphs, else its lines (an inline `一是…二是…` series split into items).
fn items(r: &ReportOutline<'_>, start: LineNo, end: LineNo, heading: &Heading) -> Vec<PlanItem> {
    let first = if start == heading.line {
        start + 1
    } else {
        start
    };
    let subs: Vec<&Heading> = r
        .headings
        .iter()
        .filter(|h| h.line >= first && h.line <= end && h.level > heading.level)
        .collect();
    if let Some(top) = subs.iter().map(|h| h.level).min() {
        return subs
            .iter()
            .filter(|h| h.level == top)
            .map(|h| item(r.text, h.line))
            .collect();
    }
    let enums: Vec<PlanItem> = r
        .enumerations
        .iter()
        .filter(|e| e.line >= first && e.line <= end)
        .map(|e| item(r.text, e.line))
        .collect();
    if !enums.is_empty() {
        return enums;
    }
    if first > end {
        // A run-in plan heading holding the whole plan on its own line.
        return split_inline(r.text, heading.line);
    }
    prose_items(r.text, first, end)
}

fn item(text: &Text, line: LineNo) -> PlanItem {
    PlanItem {
        line,
        text: text.span(text.trimmed(line)),
    }
}

/// Items of plan prose: a line that introduces a list (`…以下工作：`) is skipped, a single
/// paragraph with an inline `一是…二是…` series is split, every other line is one item.
fn prose_items(text: &Text, first: LineNo, end: LineNo) -> Vec<PlanItem> {
    let lines: Vec<LineNo> = (first..=end).filter(|&n| !text.is_blank(n)).collect();
    let mut items = Vec::new();
    for (i, &no) in lines.iter().enumerate() {
        let t = text.trimmed(no);
        let split = split_inline(text, no);
        if split.len() > 1 {
            items.extend(split);
        } else if !(i + 1 < lines.len() && t.ends_with(['：', ':'])) {
            items.push(item(text, no));
        }
    }
    items
}

/// Splits `…工作：一是…。二是…。` (line `no`) into one item per enumerator; a line without a
/// series is one item.
fn split_inline(text: &Text, no: LineNo) -> Vec<PlanItem> {
    let line = text.trimmed(no);
    let mut starts = Vec::new();
    let mut expected = 1;
    for (i, c) in line.char_indices() {
        let at_clause = i == 0 || line[..i].ends_with(['。', '；', '：', ':', '，', ';']);
        if at_clause
            && "一二三四五六七八九十".contains(c)
            && enumeration(&line[i..], None) == Some(expected)
        {
            starts.push(i);
            expected += 1;
        }
    }
    if starts.len() < 2 {
        return vec![PlanItem {
            line: no,
            text: text.span(line),
        }];
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| PlanItem {
            line: no,
            text: text.span(line[s..starts.get(k + 1).copied().unwrap_or(line.len())].trim()),
        })
        .collect()
}

/// The heading phrase of a plan item, for one-line summaries (`加强信访法治化建设`).
#[must_use]
pub fn item_summary(text: &str) -> &str {
    let after = super::heading::classify(text).map_or(text, |m| &text[m.len..]);
    phrase(after).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(p: &str) -> Option<PhraseKind> {
        classify_phrase(p, Some(2023))
    }

    #[test]
    fn prose_cues_in_traditional_script_are_listed() {
        let s2t = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t)
            .expect("OpenCC s2t");
        for cue in PROSE_CUES {
            let traditional = s2t.convert(cue);
            assert!(
                traditional == cue || PROSE_CUES_TRADITIONAL.contains(&traditional.as_str()),
                "{cue} is written {traditional} in traditional script"
            );
        }
    }

    #[test]
    fn plan_headings_of_the_corpus() {
        for p in [
            "2024年工作计划",
            "下一步打算",
            "2024年工作打算",
            "下一步计划",
            "下一步工作计划",
            "2024年工作安排",
            "下一步工作",
            "2024年重点工作和重点工程展望",
            "下一步工作打算",
            "2024年工作思路",
            "2024年主要工作安排",
            "2024年计划",
            "下步打算",
            "2024年政务公开工作安排",
            "下步工作谋划",
            "下一步工作设想",
            "2024年工作初步安排",
        ] {
            assert_eq!(kind(p), Some(PhraseKind::Plan), "{p}");
        }
        for p in [
            "存在的问题不足及下步工作",
            "存在的不足和2024年工作计划",
            "存在问题及下一步工作",
            "存在问题和工作打算",
            "存在问题及下半年工作打算",
        ] {
            assert_eq!(kind(p), Some(PhraseKind::Combined), "{p}");
        }
    }

    #[test]
    fn false_positives_rejected() {
        for p in [
            "制定工作计划，常态化开展监测工作",
            "明确工作，制定计划",
            "创新工作思路，做好审计整改",
            "工作靠前谋划",
            "提前谋划，",
            "工作建议",
            "获奖情况",
            "2023年工作总结",
            "2023年主要工作开展情况",
        ] {
            assert_eq!(kind(p), None, "{p}");
        }
        assert_eq!(kind("存在问题及建议"), Some(PhraseKind::Problems));
        assert_eq!(kind("存在的主要问题及改进情况"), Some(PhraseKind::Problems));
        assert!(is_nested_plan("改进措施", Some(2023)));
        assert!(is_nested_plan("工作打算", Some(2023)));
        assert!(!is_nested_plan("主要问题", Some(2023)));
    }

    #[test]
    fn prose_cues() {
        assert!(has_prose_cue("下一步，市统计局将继续…", Some(2023)));
        assert!(has_prose_cue(
            "2023年，在定点帮扶工作中，…在今后的工作中，我们将…",
            Some(2023)
        ));
        assert!(has_prose_cue("…成效。下来，我局将进一步增强…", Some(2023)));
        assert!(!has_prose_cue(
            "2023年我局在政府信息公开工作中取得成效。",
            Some(2023)
        ));
        assert!(!has_prose_cue("为下一步工作打下基础。", Some(2023)));
    }

    #[test]
    fn inline_series_split() {
        let text = Text::new(
            "标题\n下一步，重点做好以下工作：一是加强。二是谋划2024年度。三是推进。\n".to_owned(),
        );
        let items = split_inline(&text, 2);
        assert_eq!(
            items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
            vec!["一是加强。", "二是谋划2024年度。", "三是推进。"]
        );
        // Spans of the text, not copies.
        assert!(items.iter().all(|i| i.text.is_span_of(&text)));
    }
}
