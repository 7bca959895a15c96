//! Distribution artefacts (format.md §9): `##paidbegin##` glued into text, `##paidend##` lines and
//! ad lines. Placeholders such as `XX`, `D`, `A` and `某` are data and are left alone.

use super::lexis::is_watermark_like;
use crate::doc::model::{Artefacts, LineNo, Text};

const INLINE_MARKERS: [&str; 2] = ["##paidbegin##", "##paid_begin##"];

/// Removes inline markers from `text`, leaving no space behind; returns the cleaned text and the
/// 1-based lines that held one.
#[must_use]
pub fn strip_inline(text: String) -> (String, Vec<LineNo>) {
    // One pass over the text for the markers' common prefix (`##paidend##` shares it too).
    let bytes = text.as_bytes();
    let has_marker = memchr::memmem::find_iter(bytes, b"##paid").any(|at| {
        INLINE_MARKERS
            .iter()
            .any(|m| bytes[at..].starts_with(m.as_bytes()))
    });
    if !has_marker {
        return (text, Vec::new());
    }
    let mut lines = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut line: LineNo = 1;
    let mut rest = text.as_str();
    while let Some((at, marker)) = INLINE_MARKERS
        .iter()
        .filter_map(|m| rest.find(m).map(|i| (i, *m)))
        .min()
    {
        let before = &rest[..at];
        line += before.bytes().filter(|&b| b == b'\n').count();
        out.push_str(before);
        if lines.last() != Some(&line) {
            lines.push(line);
        }
        rest = &rest[at + marker.len()..];
    }
    out.push_str(rest);
    (out, lines)
}

/// Whether a whole line is a marker line such as `##paidend##`.
#[must_use]
pub fn is_marker_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 4
        && t.starts_with("##")
        && t.ends_with("##")
        && t[2..t.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether a line is an advertisement for the material's seller: a bracketed brand with a dash
/// (`【哒哒素材库】——…`) or an invitation naming membership, ghost-writing or a contact.
#[must_use]
pub fn is_ad_line(line: &str) -> bool {
    let t = line.trim();
    const SELLING: [&str; 12] = [
        "素材库",
        "代笔",
        "会员",
        "svip",
        "SVIP",
        "VIP",
        "客服",
        "网盘",
        "公众号",
        "微信",
        "加群",
        "淘宝",
    ];
    let selling = SELLING.iter().filter(|w| t.contains(*w)).count();
    let branded = t.starts_with('【')
        && t.find('】').is_some_and(|i| {
            t[i..]
                .trim_start_matches('】')
                .starts_with(['—', '-', '：', ':'])
        });
    (branded && selling >= 1) || (t.starts_with("欢迎") && selling >= 2)
}

/// Finds marker and ad lines anywhere in the file. An ad is a line of its own that starts with a
/// branded bracket or 欢迎 and names what is being sold, so running report text never matches.
/// A watermark is a site's line repeated inside the text (at least twice, verbatim), a page
/// number a line of its own (`- 3 -`, `第3页`, or a bare number in a hard-wrapped text): both
/// are kept out of the reports like an ad.
#[must_use]
pub fn find(text: &Text, paidbegin: Vec<LineNo>, wrapped: bool) -> Artefacts {
    let mut paidend = Vec::new();
    let mut ads = Vec::new();
    let mut watermarks: Vec<(LineNo, &str)> = Vec::new();
    for no in 1..=text.line_count() {
        let line = text.line(no);
        // Cheap first test: ads and markers start with one of a few characters.
        let t = line.trim_start();
        if t.starts_with("##") && is_marker_line(t) {
            paidend.push(no);
        } else if (t.starts_with('【') || t.starts_with("欢迎")) && is_ad_line(t) {
            ads.push(no);
        } else if t.len() <= 120 && is_watermark_like(t) {
            watermarks.push((no, t.trim()));
        } else if t.len() <= 16 && super::lexis::is_page_number(t, wrapped) {
            ads.push(no);
        }
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &(_, t) in &watermarks {
        *seen.entry(t).or_default() += 1;
    }
    ads.extend(
        watermarks
            .iter()
            .filter(|(_, t)| seen.get(t).is_some_and(|&n| n >= 2))
            .map(|&(no, _)| no),
    );
    ads.sort_unstable();
    Artefacts {
        paidend,
        paidbegin,
        ads,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paidbegin_mid_word() {
        let (t, lines) = strip_inline("甲\n道路交##paidbegin##通安全\n".to_owned());
        assert_eq!(t, "甲\n道路交通安全\n");
        assert_eq!(lines, vec![2]);
    }

    #[test]
    fn ads_and_markers() {
        assert!(is_marker_line("##paidend##"));
        assert!(!is_marker_line("## 标题 ##"));
        assert!(is_ad_line(
            "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新"
        ));
        assert!(is_ad_line(
            "欢迎加入“哒哒素材库svip会员”，9000万字材料，添加客服："
        ));
        assert!(!is_ad_line("【典型案例】——某镇开展专项整治"));
        assert!(!is_ad_line("欢迎关注AAA公众号"));
    }

    #[test]
    fn watermarks_repeated_inside_the_text() {
        let text = Text::new(
            "甲\n第一范文网 www.diyifanwen.com\n乙。\n第一范文网 www.diyifanwen.com\n\
             详见 www.gov.cn 的公告。\n某某文库\n"
                .to_owned(),
        );
        let a = find(&text, Vec::new(), false);
        // Twice, verbatim: a watermark; a sentence citing a site, or a site named once: text.
        assert_eq!(a.ads, vec![2, 4]);
    }
}
