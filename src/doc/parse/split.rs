//! Where each report starts (format.md §4).
//!
//! With a TOC: each entry's title is looked for **in order**, after the TOC, first verbatim
//! (trimmed line equal to the title), then by normalised comparison, then on the most similar
//! title-like line between its neighbours. Duplicate and near-duplicate titles are therefore
//! mapped by order, never through a title→report dictionary.
//! Without a TOC: title-like lines and markers (`篇一：`, `【第一篇】`) are the starts, thinned to
//! the declared count when the file declares one.

use super::heading::{classify, enumeration};
use std::collections::HashMap;

use super::lexis::{
    char_len, close_up, fold_script, is_bare_report_marker, similarity, strip_report_marker,
    title_key, years,
};
use super::signoff::is_date_line;
use crate::doc::model::{LineNo, Text, TitleMatch, TocEntry};

/// A report start found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    /// The report's first line (its title, or the bare marker line above its title).
    pub line: LineNo,
    /// The line holding the title text.
    pub title_line: LineNo,
    pub title: String,
    pub matched: TitleMatch,
    pub toc_entry: Option<usize>,
}

/// Endings of a report title.
const TITLE_ENDINGS: [&str; 14] = [
    "总结",
    "计划",
    "思路",
    "打算",
    "报告",
    "汇报",
    "要点",
    "安排",
    "规划",
    "方案",
    "情况",
    "述职",
    "总结会",
    "小结",
];

/// Places the TOC's report entries in the body, which starts at `body_first`.
#[must_use]
pub fn from_toc(
    text: &Text,
    entries: &[TocEntry],
    body_first: LineNo,
    blocked: &dyn Fn(LineNo) -> bool,
) -> Vec<Start> {
    let wanted: Vec<usize> = (0..entries.len())
        .filter(|&i| !entries[i].self_entry)
        .collect();
    let mut hits: Vec<Option<(LineNo, TitleMatch)>> = vec![None; wanted.len()];
    place_verbatim(text, entries, &wanted, body_first, &mut hits);
    place_similar(text, entries, &wanted, body_first, blocked, &mut hits);
    wanted
        .iter()
        .zip(hits)
        .filter_map(|(&i, hit)| {
            let (n, matched) = hit?;
            Some(start_at(text, n, matched, Some(i), body_first))
        })
        .collect()
}

/// A report start on line `n`, taking a bare marker line above it into the report.
fn start_at(
    text: &Text,
    n: LineNo,
    matched: TitleMatch,
    toc_entry: Option<usize>,
    body_first: LineNo,
) -> Start {
    let closed = close_up(text.trimmed(n));
    let (_, title) = strip_report_marker(&closed);
    let above = line_above(text, n);
    let marker_above = above.filter(|&p| is_bare_report_marker(text.trimmed(p)));
    // A title broken over two lines (`XX县XX局` / `2023年工作总结`): the first half stands alone
    // above, after a blank line, in the body (not the compilation's head), short and
    // unpunctuated.
    let first_half = above.filter(|&p| {
        let t = text.trimmed(p);
        marker_above.is_none()
            && toc_entry.is_none()
            && p >= body_first
            && (2..=16).contains(&char_len(t))
            && !t.contains(['。', '，', '；', '：', ',', ';', ':', '、'])
            && classify(t).is_none()
            && !is_date_line(t)
            && (p == 1 || text.is_blank(p - 1))
            && title_strength(text, p) == 0
            && (years(title).next().is_none() || years(t).next().is_none())
    });
    // Marker lines stacked above the title (`【第一篇】` twice) all belong to it.
    let marker_above = marker_above.map(|mut top| {
        while let Some(p) = line_above(text, top)
            && is_bare_report_marker(text.trimmed(p))
        {
            top = p;
        }
        top
    });
    let line = marker_above.or(first_half).unwrap_or(n);
    let title = match first_half {
        Some(p) => format!("{}{title}", text.trimmed(p)),
        None => title.to_owned(),
    };
    Start {
        line,
        title_line: n,
        title,
        matched,
        toc_entry,
    }
}

/// The nearest line above `n` with text, passing over a website's watermark line and a page
/// number (`- 58 -`).
fn line_above(text: &Text, n: LineNo) -> Option<LineNo> {
    (1..n).rev().find(|&p| {
        let t = text.trimmed(p);
        !t.is_empty()
            && !super::lexis::is_watermark_like(t)
            && !super::lexis::is_page_number(t, false)
    })
}

/// The lines strictly between the found neighbours of entry `k`.
fn window(
    hits: &[Option<(LineNo, TitleMatch)>],
    k: usize,
    body_first: LineNo,
    last: LineNo,
) -> (LineNo, LineNo) {
    let lo = hits[..k]
        .iter()
        .rev()
        .find_map(|h| h.map(|(n, _)| n + 1))
        .unwrap_or(body_first);
    let hi = hits[k + 1..]
        .iter()
        .find_map(|h| h.map(|(n, _)| n.saturating_sub(1)))
        .unwrap_or(last);
    (lo, hi)
}

/// The TOC's entries found verbatim, in order. Found titles are usually a few lines on, so
/// the lines are scanned; once a title is missing (a scan to the end), the rest of the body is
/// indexed by text so that further missing titles cost a lookup, not another scan to the end.
fn place_verbatim(
    text: &Text,
    entries: &[TocEntry],
    wanted: &[usize],
    body_first: LineNo,
    hits: &mut [Option<(LineNo, TitleMatch)>],
) {
    let last = text.line_count();
    let mut from = body_first;
    let mut index: Option<HashMap<&str, Vec<LineNo>>> = None;
    for (k, &i) in wanted.iter().enumerate() {
        let e = &entries[i];
        let names = std::iter::once(e.title.as_str()).chain(e.raw_title.as_deref());
        let found = match &index {
            Some(index) => names
                .filter_map(|t| index.get(t))
                .filter_map(|lines| lines.get(lines.partition_point(|&n| n < from)).copied())
                .min(),
            None => {
                let found = (from..=last).find(|&n| {
                    let t = text.trimmed(n);
                    t == e.title || e.raw_title.as_deref() == Some(t)
                });
                if found.is_none() {
                    let mut lines: HashMap<&str, Vec<LineNo>> = HashMap::new();
                    for n in from..=last {
                        lines.entry(text.trimmed(n)).or_default().push(n);
                    }
                    index = Some(lines);
                }
                found
            }
        };
        if let Some(n) = found {
            hits[k] = Some((n, TitleMatch::Exact));
            from = n + 1;
        }
    }
}

/// Each run of entries still missing aligned, in order, with the lines between its found
/// neighbours that are title-like or equal to one of its titles once normalised, maximising
/// the total similarity (identical normalised titles score 1).
fn place_similar(
    text: &Text,
    entries: &[TocEntry],
    wanted: &[usize],
    body_first: LineNo,
    blocked: &dyn Fn(LineNo) -> bool,
    hits: &mut [Option<(LineNo, TitleMatch)>],
) {
    let last = text.line_count();
    let mut k = 0;
    while k < wanted.len() {
        if hits[k].is_some() {
            k += 1;
            continue;
        }
        let run_end = (k..wanted.len())
            .find(|&j| hits[j].is_some())
            .unwrap_or(wanted.len());
        let (lo, hi) = window(hits, k, body_first, last);
        let titles: Vec<&str> = wanted[k..run_end]
            .iter()
            .map(|&i| entries[i].title.as_str())
            .collect();
        for (offset, n, same) in align(text, &titles, lo, hi, blocked) {
            hits[k + offset] = Some((
                n,
                if same {
                    TitleMatch::Normalized
                } else {
                    TitleMatch::Similar
                },
            ));
        }
        k = run_end;
    }
}

/// Largest alignment table (titles × lines) computed; larger gaps are matched greedily.
const MAX_ALIGN_CELLS: usize = 1 << 20;

/// Least similarity for a title-like line to stand for a TOC title.
const MIN_SIMILARITY: f64 = 0.5;

/// The lines of `lo..=hi` that may stand for a TOC title, with their normalised keys.
struct Candidates {
    lines: Vec<LineNo>,
    keys: Vec<String>,
    /// Whether the line's key takes in the dateline under it.
    dated: Vec<bool>,
}

/// The title-like lines of `lo..=hi`, and those equal to one of `keys` once normalised.
fn candidates(
    text: &Text,
    keys: &[String],
    lo: LineNo,
    hi: LineNo,
    blocked: &dyn Fn(LineNo) -> bool,
) -> Candidates {
    let mut out = Candidates {
        lines: Vec::new(),
        keys: Vec::new(),
        dated: Vec::new(),
    };
    for n in lo..=hi {
        if blocked(n) || text.is_blank(n) {
            continue;
        }
        let mut key = title_key(text.trimmed(n));
        if title_strength(text, n) > 0 || keys.contains(&key) {
            // A heading under a dateline (`政府工作报告` / `——2025年…在北京市…会议上`) is matched
            // with its dateline, which names the year and the place the 目录 names.
            let dateline = dateline_below(text, n, hi);
            if let Some(d) = dateline {
                key.push_str(&title_key(text.trimmed(d)));
            }
            out.lines.push(n);
            out.keys.push(key);
            out.dated.push(dateline.is_some());
        }
    }
    out
}

/// Aligns `titles` in order with candidate lines in `lo..=hi` (a Needleman–Wunsch alignment with
/// free gaps), keeping pairs at least [`MIN_SIMILARITY`] alike. Returns (title index, line,
/// whether the normalised texts are equal).
fn align(
    text: &Text,
    titles: &[&str],
    lo: LineNo,
    hi: LineNo,
    blocked: &dyn Fn(LineNo) -> bool,
) -> Vec<(usize, LineNo, bool)> {
    let keys: Vec<String> = titles.iter().map(|t| title_key(t)).collect();
    let Candidates {
        lines,
        keys: line_keys,
        dated,
    } = candidates(text, &keys, lo, hi, blocked);
    if lines.is_empty() || titles.is_empty() {
        return Vec::new();
    }
    let sim = |i: usize, j: usize| {
        // With a dateline the line says more than the entry: how much of the entry it holds.
        let s = if dated[j] {
            containment(&keys[i], &line_keys[j])
        } else {
            similarity(&keys[i], &line_keys[j])
        };
        (s >= MIN_SIMILARITY).then_some(s)
    };
    let (t, l) = (titles.len(), lines.len());
    if t * l > MAX_ALIGN_CELLS {
        // Too large to align (thousands of unmatched entries): take, in order, the first line
        // similar enough to each title.
        let mut out = Vec::new();
        let mut j = 0;
        for (i, key) in keys.iter().enumerate() {
            if let Some(k) = (j..l).find(|&k| sim(i, k).is_some()) {
                out.push((i, lines[k], *key == line_keys[k]));
                j = k + 1;
            }
        }
        return out;
    }
    // best[i][j]: best total for titles[i..] and lines[j..].
    let mut best = vec![vec![0.0f64; l + 1]; t + 1];
    for i in (0..t).rev() {
        for j in (0..l).rev() {
            let pair = sim(i, j).map_or(f64::MIN, |s| s + best[i + 1][j + 1]);
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < t && j < l {
        if sim(i, j).is_some_and(|s| (s + best[i + 1][j + 1] - best[i][j]).abs() < 1e-9) {
            out.push((i, lines[j], keys[i] == line_keys[j]));
            i += 1;
            j += 1;
        } else if (best[i + 1][j] - best[i][j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The share of `a`'s character bigrams that `b` holds.
#[must_use]
pub fn containment(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    let (ga, mut gb) = (grams(a), grams(b));
    if ga.is_empty() {
        return 0.0;
    }
    gb.sort_unstable();
    let held = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    #[allow(clippy::cast_precision_loss)]
    let share = held as f64 / ga.len() as f64;
    share
}

/// Whether `t` (line `n`, trimmed) reads as a report's title: a title's ending (`工作总结`)
/// and a year, not a part of a report (`2024年工作回顾`).
fn names_a_report(text: &Text, n: LineNo, t: &str) -> bool {
    // A subtitle after a dash (`…工作总结——在全局大会上的讲话`) is not where the title ends.
    let main = t
        .split(['—', '－'])
        .next()
        .unwrap_or(t)
        .trim_end_matches('-');
    let bare = main.trim_end_matches(['）', ')', '”', '》', '"']);
    let bare = bare.rfind(['（', '(']).map_or(bare, |i| {
        if t.ends_with(['）', ')']) {
            &bare[..i]
        } else {
            bare
        }
    });
    // Read in simplified script (`…工作總結`, `二〇二五年政府工作報告`).
    let bare: String = bare.chars().map(fold_script).collect();
    let ends = TITLE_ENDINGS.iter().any(|e| bare.ends_with(e));
    // A report's own heading without a year (`政府工作报告`) is dated by the line under it
    // (looked at only for a line that ends like a title).
    let year = ends
        && (years(&bare).next().is_some()
            || main.contains("年度")
            || dateline_below(text, n, text.line_count()).is_some());
    // A part of a report, not a report: a line that opens with its year and names a review or
    // a plan part (`2024年工作回顾`, `2025年工作安排`, `2025年主要任务`).
    let part = bare.starts_with(|c: char| c.is_ascii_digit() || "二〇零一".contains(c))
        && ["回顾", "安排", "安排建议", "任务", "要求"]
            .iter()
            .any(|e| bare.ends_with(e));
    ends && year && !part
}

/// Every line from `body_first` on that may be a report's title, with how strongly. Outside
/// evidence (`titled`: a Word title on a new page) counts as a marker would, for a line that
/// reads like a title (no numbered heading, no sentence).
fn title_lines(
    text: &Text,
    body_first: LineNo,
    blocked: &dyn Fn(LineNo) -> bool,
    titled: &dyn Fn(LineNo) -> bool,
) -> Vec<(LineNo, u8)> {
    let strength = |n: LineNo| {
        let t = text.trimmed(n);
        let reads_as_title =
            classify(t).is_none() && (2..=60).contains(&char_len(t)) && !t.contains('。');
        if titled(n) && reads_as_title {
            3
        } else {
            title_strength(text, n)
        }
    };
    (body_first..=text.line_count())
        .filter(|&n| !blocked(n))
        .map(|n| (n, strength(n)))
        .filter(|&(_, s)| s > 0)
        .collect()
}

/// How much line `n` looks like a report title: 0 not at all; 1 title words and a year; 2 the
/// same after a blank line, a sign-off date or the start of the body, or unindented before an
/// indented line; 3 a report marker (`篇一：`, `【第一篇】`).
#[must_use]
pub fn title_strength(text: &Text, n: LineNo) -> u8 {
    let raw = text.line(n);
    let closed = close_up(raw.trim());
    let t = closed.as_ref();
    let (marker, rest) = strip_report_marker(t);
    if !marker.is_empty() && !rest.is_empty() && char_len(rest) <= 60 {
        return 3;
    }
    if is_bare_report_marker(t) {
        return 0;
    }
    // Below a marker line of its own (`篇1`, `【第一篇】`, `范文一`): the title the marker names.
    let above = line_above(text, n);
    if above.is_some_and(|p| is_bare_report_marker(text.trimmed(p)))
        && (2..=60).contains(&char_len(t))
        && !t.contains('。')
    {
        return 3;
    }
    let len = char_len(t);
    if !(4..=60).contains(&len)
        || t.contains(['。', '；', '，', ','])
        || t.ends_with(['：', ':', '、', '！', '？'])
        || classify(t).is_some()
        || enumeration(t, None).is_some()
        || is_date_line(t)
    {
        return 0;
    }
    if !names_a_report(text, n, t) {
        return 0;
    }
    let blank_above = above.is_none_or(|p| p + 1 < n);
    let after_signoff = above.is_some_and(|p| is_date_line(text.trimmed(p)));
    let below = (n + 1..=text.line_count()).find(|&p| !text.is_blank(p));
    let outdented = !raw.starts_with(char::is_whitespace)
        && below.is_some_and(|p| text.line(p).starts_with(char::is_whitespace));
    if blank_above || after_signoff || outdented {
        2
    } else {
        1
    }
}

/// The dateline under line `n` (the next line with text, within three lines and `last`).
fn dateline_below(text: &Text, n: LineNo, last: LineNo) -> Option<LineNo> {
    (n + 1..=last.min(n + 3))
        .find(|&m| !text.is_blank(m))
        .filter(|&m| is_dateline(text.trimmed(m)))
}

/// A dateline under a report's title: `——2025年1月14日在北京市第十六届人民代表大会第三次会议上`.
#[must_use]
pub fn is_dateline(t: &str) -> bool {
    let rest = t.trim_start_matches(['—', '-', '－', '─', ' ', '　']);
    rest.len() < t.len()
        && years(rest).next().is_some()
        && rest.contains('月')
        && (rest.contains("会") || rest.ends_with('上'))
}

/// Report starts found from the text alone (no TOC).
#[must_use]
pub fn from_shape(
    text: &Text,
    body_first: LineNo,
    declared: Option<usize>,
    (blocked, titled): (&dyn Fn(LineNo) -> bool, &dyn Fn(LineNo) -> bool),
    wrap: Option<usize>,
) -> Vec<Start> {
    let mut candidates = title_lines(text, body_first, blocked, titled);
    // In a hard-wrapped text a line cut out of a paragraph (`按照《关于印发…2023年度…工作计划`)
    // is no title, however it ends.
    if let Some(width) = wrap {
        let cut_into = |n: LineNo| {
            line_above(text, n).is_some_and(|p| {
                !text.trimmed(p).ends_with(['。', '！', '？', '；'])
                    && super::wrapped::next_in_paragraph(text, p, width) == Some(n)
            })
        };
        candidates.retain(|&(n, s)| {
            s == 3 || !(super::wrapped::continues(text, n, width) || cut_into(n))
        });
    }
    // Markers, when a file uses them, are the only starts.
    if candidates.iter().any(|&(_, s)| s == 3) {
        candidates.retain(|&(_, s)| s == 3);
    }
    // A title repeated with only blank lines between (a page headline, then the document's own
    // title) starts one report, not two.
    let mut kept: Vec<(LineNo, u8)> = Vec::with_capacity(candidates.len());
    for (n, s) in candidates {
        let repeats = kept.last().is_some_and(|&(p, _)| {
            text.trimmed(p) == text.trimmed(n) && (p + 1..n).all(|b| text.is_blank(b))
        });
        if !repeats {
            kept.push((n, s));
        }
    }
    let mut candidates = kept;
    if let Some(want) = declared {
        for weakest in 1..3 {
            if candidates.len() <= want {
                break;
            }
            let excess = candidates.len() - want;
            let mut dropped = 0;
            candidates.retain(|&(_, s)| {
                let drop = s == weakest && dropped < excess;
                dropped += usize::from(drop);
                !drop
            });
        }
    }
    candidates
        .into_iter()
        .map(|(n, s)| {
            let matched = if s == 3 {
                TitleMatch::Marker
            } else {
                TitleMatch::Heuristic
            };
            start_at(text, n, matched, None, body_first)
        })
        .collect()
}

/// The whole text as one report, when no boundary was recognised: it starts at the first line
/// with text, whose text (spaced-out letters closed up: `政 府 工 作 报 告`) is its title.
#[must_use]
pub fn whole(text: &Text, blocked: &dyn Fn(LineNo) -> bool) -> Option<Start> {
    let n = (1..=text.line_count()).find(|&n| !text.is_blank(n) && !blocked(n))?;
    // A dateline standing first (`——2017年2月11日在…会议上`) without its dashes.
    let line = text
        .trimmed(n)
        .trim_start_matches(['—', '-', '－', '─'])
        .trim();
    let title = close_up(line).into_owned();
    // A very long first line (flattened text) is no title: its start is.
    let title = if char_len(&title) > 60 {
        title.chars().take(30).collect::<String>() + "…"
    } else {
        title
    };
    Some(Start {
        line: n,
        title_line: n,
        title,
        matched: TitleMatch::Whole,
        toc_entry: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str) -> TocEntry {
        TocEntry {
            line: 0,
            number: None,
            title: title.to_owned(),
            page: None,
            self_entry: false,
            raw_title: None,
            report: None,
        }
    }

    #[test]
    fn duplicates_map_by_order() {
        let text = Text::new(
            "目录\n街道总结\n街道总结\n\n街道总结\n正文。\n\n街道总结\n正文。\n".to_owned(),
        );
        let starts = from_toc(
            &text,
            &[entry("街道总结"), entry("街道总结")],
            4,
            &|_| false,
        );
        assert_eq!(
            starts.iter().map(|s| s.line).collect::<Vec<_>>(),
            vec![5, 8]
        );
    }

    #[test]
    fn wording_differences_fall_back_in_order() {
        let text = Text::new("甲局2023年工作总结\n正文。\n\nXX市乙局２０２３年度 工作总结\n正文。\n\n丙局2023年工作总结\n正文。\n".to_owned());
        let toc = [
            entry("甲局2023年工作总结"),
            entry("乙局2023年度工作总结"),
            entry("丙局2023年工作总结"),
        ];
        let starts = from_toc(&text, &toc, 1, &|_| false);
        assert_eq!(
            starts
                .iter()
                .map(|s| (s.line, s.matched))
                .collect::<Vec<_>>(),
            vec![
                (1, TitleMatch::Exact),
                (4, TitleMatch::Similar),
                (7, TitleMatch::Exact)
            ]
        );
    }

    #[test]
    fn missing_entry_is_left_out() {
        let text = Text::new("甲局2023年工作总结\n正文。\n".to_owned());
        let starts = from_toc(
            &text,
            &[entry("甲局2023年工作总结"), entry("完全不同的标题")],
            1,
            &|_| false,
        );
        assert_eq!(starts.len(), 1);
    }

    #[test]
    fn shapes_without_toc() {
        let text = Text::new(
            "篇一：甲局2023年工作总结\n一、基本情况\n篇二：乙局工作总结\n正文。\n".to_owned(),
        );
        let starts = from_shape(&text, 1, None, (&|_| false, &|_| false), None);
        assert_eq!(
            starts
                .iter()
                .map(|s| (s.line, s.title.as_str()))
                .collect::<Vec<_>>(),
            vec![(1, "甲局2023年工作总结"), (3, "乙局工作总结")]
        );
        let text = Text::new("【第一篇】\n甲局2023年工作总结\n正文。\n".to_owned());
        let starts = from_shape(&text, 1, None, (&|_| false, &|_| false), None);
        assert_eq!(
            starts
                .iter()
                .map(|s| (s.line, s.title_line))
                .collect::<Vec<_>>(),
            vec![(1, 2)]
        );
        assert!(similarity("县水利局总结", "县水利局年度总结") > 0.6);
    }
}
