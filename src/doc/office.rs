//! Who wrote a report and which years it speaks of, from its title and the lines under it:
//! `市统计局2023年工作总结` is 市统计局's review of 2023 (its plans are for 2024); `2025年北京市
//! 政府工作报告` (or a bare `政府工作报告` whose dateline names `在海拉尔区…人民代表大会`) is
//! that place's people's government, reviewing the year before the one it plans. A bare unit
//! (`街道`, `镇`, `县`) is kept as it is and marked unnamed, so that two compilations' 街道 are
//! never taken for the same office; anonymised names (`XX县`, `D委`) are names.

use crate::doc::model::{Compilation, LineNo, Report, Text};
use crate::doc::parse::lexis::{fold_script, fold_width, years};

/// An office that writes reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// As the title (or the dateline) names it: `市统计局`, `县发改委（粮储局）`, `海拉尔区人民政府`.
    pub name: String,
    /// Whether the name says which office it is (not a bare `街道`, `镇`, `县`, `市`).
    pub named: bool,
}

impl Office {
    /// The name as offices are matched across compilations: white space, a parenthesised
    /// aside, width and script folded away (`县发改委（粮储局）` and `县发改委` are one office).
    #[must_use]
    pub fn key(&self) -> String {
        let folded = self.plain();
        // A county or district named with its prefecture (`呼伦贝尔市海拉尔区人民政府`) is the
        // same office as named alone (`海拉尔区人民政府`).
        let (core, government) = match folded.strip_suffix("人民政府") {
            Some(core) => (core, "人民政府"),
            None => (folded.as_str(), ""),
        };
        let unit = core
            .char_indices()
            .filter(|&(i, c)| "省市州盟".contains(c) && i + c.len_utf8() < core.len())
            .map(|(i, c)| &core[i + c.len_utf8()..])
            .find(|rest| rest.chars().count() >= 2 && rest.ends_with(['区', '县', '旗', '市']))
            .unwrap_or(core);
        format!("{unit}{government}")
    }

    /// The name with white space and a parenthesised aside taken out, width and script folded.
    fn plain(&self) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        for c in self.name.chars().map(|c| fold_script(fold_width(c))) {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                c if depth == 0 && !c.is_whitespace() => out.push(c),
                _ => {}
            }
        }
        out
    }
}

/// What ends an office's name.
const SUFFIXES: [&str; 20] = [
    "中心",
    "局",
    "委员会",
    "委",
    "办公室",
    "办",
    "街道",
    "镇",
    "乡",
    "村",
    "县",
    "区",
    "市",
    "城",
    "处",
    "厅",
    "院",
    "所",
    "站",
    "政府",
];

/// A unit's name on its own, which says nothing of which one.
const BARE: [&str; 9] = ["街道", "镇", "乡", "村", "县", "区", "市", "省", "州"];

/// The office report `r` of `doc` comes from, if its title (or a 政府工作报告's dateline) names
/// one.
#[must_use]
pub fn office(doc: &Compilation, r: usize) -> Option<Office> {
    let report = doc.reports.get(r)?;
    let title: String = report
        .title
        .chars()
        .map(|c| fold_script(fold_width(c)))
        .filter(|c| !c.is_whitespace())
        .collect();
    let government = |place: String| Office {
        name: format!("{place}人民政府"),
        named: true,
    };
    if let Some(at) = title.find("政府工作报告") {
        let place = strip_year(&title[..at]);
        return if place.is_empty() {
            dateline_place(&doc.text, report).map(government)
        } else {
            Some(government(place.to_owned()))
        };
    }
    // A report given at a people's congress (its dateline says so) is the government's, even
    // when the file has lost its title line.
    named_in(&title).or_else(|| dateline_place(&doc.text, report).map(government))
}

/// The years a report speaks of: the one it reviews and the one it plans for (the next).
#[must_use]
pub fn years_of(report: &Report) -> (Option<u32>, Option<u32>) {
    let reviews = report.reviews;
    (reviews, reviews.map(|y| y + 1))
}

/// An office named in a title: before its year (`市统计局2023年…`), or, in a title that opens
/// with its year, an office of a named place right after it (`2023年区重点工程建设管理中心…`).
fn named_in(title: &str) -> Option<Office> {
    let first_year = title.find(|c: char| c.is_ascii_digit() || "二〇零".contains(c));
    let before = first_year.map_or(title, |i| &title[..i]);
    if let Some(name) = longest_office(before) {
        return Some(office_named(name));
    }
    // After the year only a short name of a place's office, no topic (`市人大代表建议和政协…`).
    let after = strip_year(title);
    let name = longest_office(after)?;
    let of_a_place = name.starts_with(['区', '县', '市', '镇', '乡', '省', '州']);
    let short = (3..=12).contains(&name.chars().count());
    let topic = name.contains(['和', '及', '与']);
    (of_a_place && short && !topic && !BARE.contains(&name)).then(|| office_named(name))
}

fn office_named(name: &str) -> Office {
    Office {
        name: name.to_owned(),
        named: !BARE.contains(&name),
    }
}

/// The longest beginning of `s` that ends an office's name (a parenthesised aside after it
/// included: `县发改委（粮储局）`).
fn longest_office(s: &str) -> Option<&str> {
    let ends = |p: &str| {
        let bare = p
            .strip_suffix(['）', ')'])
            .and_then(|q| q.rfind(['（', '(']).map(|i| &q[..i]));
        let core = bare.unwrap_or(p);
        SUFFIXES.iter().any(|suffix| core.ends_with(suffix))
    };
    s.char_indices()
        .map(|(i, c)| &s[..i + c.len_utf8()])
        .rfind(|p| !p.starts_with('全') && ends(p))
}

/// `s` without a leading year (`2023年`, `2023年度`, `二〇二五年`).
fn strip_year(s: &str) -> &str {
    let digits = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c)))
        .map_or(s.len(), |(i, _)| i);
    let rest = &s[digits..];
    match rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
    {
        Some(after) if digits > 0 => after,
        _ => s.trim_start_matches('年'),
    }
}

/// The place a 政府工作报告's dateline names: `——2025年1月…在北京市第十六届人民代表大会…` →
/// `北京市` (within a few lines under the title).
fn dateline_place(text: &Text, report: &Report) -> Option<String> {
    let last: LineNo = (report.line + 6).min(report.end_line);
    (report.line..=last).find_map(|n| {
        // Most lines are paragraphs with no congress in them: not folded at all (`代表大` is
        // written alike in both scripts).
        if !text.trimmed(n).contains("代表大") {
            return None;
        }
        let line: String = text
            .trimmed(n)
            .chars()
            .map(|c| fold_script(fold_width(c)))
            .filter(|c| !c.is_whitespace())
            .collect();
        let congress = line.find("人民代表大会")?;
        let before = &line[..congress];
        let start = before.rfind('在').map(|i| i + '在'.len_utf8())?;
        let place = &before[start..];
        let place = place.find('第').map_or(place, |i| &place[..i]);
        (!place.is_empty() && years(place).next().is_none()).then(|| place.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(title: &str) -> Option<(String, bool)> {
        named_in(title).map(|o| (o.name, o.named))
    }

    #[test]
    fn offices_in_titles() {
        let some = |n: &str| Some((n.to_owned(), true));
        assert_eq!(named("市统计局2023年政务公开工作总结"), some("市统计局"));
        assert_eq!(
            named("县发改委（粮储局）2023年度政务公开工作总结"),
            some("县发改委（粮储局）")
        );
        assert_eq!(named("市卫健委政务公开2023年工作总结"), some("市卫健委"));
        assert_eq!(
            named("村镇建设办2023年工作总结及2024年工作思路"),
            some("村镇建设办")
        );
        assert_eq!(
            named("未来产业城2023年度法治政府建设工作总结"),
            some("未来产业城")
        );
        assert_eq!(
            named("2023年区重点工程建设管理中心帮扶工作总结"),
            some("区重点工程建设管理中心")
        );
        assert_eq!(named("XX县2023年工作总结"), some("XX县"));
        assert_eq!(
            named("街道2023年工作总结和2024年工作计划"),
            Some(("街道".into(), false))
        );
        assert_eq!(
            named("镇2023年政务公开工作总结"),
            Some(("镇".into(), false))
        );
        for none in [
            "2023年全市信访工作总结",
            "2023年D建工作总结",
            "2023年健康XX城行动工作总结",
            "2023年工作总结和2024年工作计划",
            "2023年市人大代表建议和政协委员提案办理工作总结",
        ] {
            assert_eq!(named(none), None, "{none}");
        }
        let o = Office {
            name: "县发改委（粮储局）".into(),
            named: true,
        };
        assert_eq!(o.key(), "县发改委");
        let prefecture = Office {
            name: "呼伦贝尔市海拉尔区人民政府".into(),
            named: true,
        };
        assert_eq!(prefecture.key(), "海拉尔区人民政府");
    }
}
