//! An office's plans for a year beside what it reported of that year a year later, on the
//! district's real 政府工作报告. The pairs and the misses were chosen by reading both reports
//! (each pair's review sentence can answer no other plan sentence; each miss was searched for
//! in the other part and is not there).

mod common;

use common::parse_fixture as parse;

/// The plan part of `year`'s report beside the review of `year` in the next year's.
fn year_pair(year: u32) -> huibian::doc::track::Alignment {
    let plan = parse(&format!("years/{year}.txt"));
    let review = parse(&format!("years/{}.txt", year + 1));
    huibian::doc::track::align::align(
        huibian::doc::track::passage::plan_passages(&plan, 0),
        huibian::doc::track::passage::review_passages(&review, 0),
    )
}

/// The row of the plan sentence holding `plan`.
fn row_with<'a>(a: &'a huibian::doc::track::Alignment, plan: &str) -> &'a huibian::doc::track::Row {
    a.rows
        .iter()
        .find(|r| r.plan.text.contains(plan))
        .unwrap_or_else(|| panic!("no plan sentence with {plan}"))
}

/// The plan sentence holding `plan` is set beside the review sentence holding `review`, on
/// line `line` of the next year's file.
fn assert_beside(a: &huibian::doc::track::Alignment, plan: &str, review: &str, line: usize) {
    let row = row_with(a, plan);
    assert!(
        row.matches
            .iter()
            .any(|m| m.review.text.contains(review) && m.review.line == line),
        "{plan}: set beside {:?}",
        row.matches
            .iter()
            .map(|m| (m.review.line, &m.review.text))
            .collect::<Vec<_>>()
    );
}

fn assert_planned_only(a: &huibian::doc::track::Alignment, plan: &str) {
    let row = row_with(a, plan);
    assert!(
        row.matches.is_empty(),
        "{plan}: wrongly set beside {:?}",
        row.matches
            .iter()
            .map(|m| (&m.review.text, &m.shared))
            .collect::<Vec<_>>()
    );
}

fn assert_reported_only(a: &huibian::doc::track::Alignment, review: &str) {
    assert!(
        a.reported_only.iter().any(|p| p.text.contains(review)),
        "{review}: not among the reported-only"
    );
}

/// 2014's plan sentences and the sentences of 2015's review of 2014 that answer them.
const PAIRS_2014: [(&str, &str, usize); 12] = [
    (
        "大唐700万吨露天矿一季度",
        "大唐700万吨露天矿完成项目核准",
        14,
    ),
    (
        "认真谋划第十届中俄蒙经贸洽谈",
        "成功举办第十届中国·海拉尔",
        14,
    ),
    (
        "中俄蒙文化创意产业园、西山",
        "中俄蒙文化创意产业园正式运营",
        14,
    ),
    (
        "大力推进哈克生态奶源基地",
        "哈克镇生态奶源基地建设进展顺利",
        14,
    ),
    ("年内完成东海写字楼", "东海写字楼土建工程全面完工", 16),
    (
        "确保红星美凯龙主力店年内",
        "红星美凯龙主力店主体工程完工",
        16,
    ),
    (
        "继续实施伊敏河沿河景观工程",
        "伊敏河沿河景观改造全面展开",
        16,
    ),
    ("确保年内学府路中学、向阳幼儿园", "向阳幼儿园等6个项目", 18),
    (
        "认真做好第三次全国经济普查",
        "顺利完成第三次全国经济普查",
        20,
    ),
    (
        "农村敬老院、综合养护院建成",
        "农村敬老院和综合老年养护院",
        18,
    ),
    ("进一步做好落地签证业务", "落地签证服务中心投入使用", 14),
    (
        "旅游接待人数突破500万人次",
        "全年旅游接待人数达到525.6万人次",
        14,
    ),
];

#[test]
fn the_plan_for_2014_beside_the_review_of_2014() {
    let a = year_pair(2014);
    for (plan, review, line) in PAIRS_2014 {
        assert_beside(&a, plan, review, line);
    }
    for plan in [
        "实施黑羊站水厂3万吨扩建项目",
        "马铃薯总产量达到25万吨",
        "实施海拉尔河流域和北山生态环境保护工程",
        "副都统衙门近现代博物馆",
    ] {
        assert_planned_only(&a, plan);
    }
    for review in [
        "实施了拆炉并网工程",
        "“十个全覆盖”工程扎实推进",
        "8家4S店建成运营",
    ] {
        assert_reported_only(&a, review);
    }
}

#[test]
fn the_plan_for_2015_beside_the_review_of_2015() {
    let a = year_pair(2015);
    for (plan, review, line) in [
        (
            "启动实施黑羊站水厂改扩建工程",
            "黑羊站水厂改扩建工程开工建设",
            51,
        ),
        ("发达广场项目建设", "万家惠农贸市场、发达广场", 43),
        ("东西外环道路开工建设", "公路东、西外环开工建设", 47),
    ] {
        assert_beside(&a, plan, review, line);
    }
    for plan in ["完成副都统衙门改造和布展工作", "“六五”普法"] {
        assert_planned_only(&a, plan);
    }
    for review in ["水冲式公厕", "足球"] {
        assert_reported_only(&a, review);
    }
}

fn huibian(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_huibian"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn track_prints_the_district_year_by_year_as_markdown_and_json() {
    let years = format!("{}/tests/fixtures/years", env!("CARGO_MANIFEST_DIR"));
    let out = huibian(&["--track", "海拉尔区", &years]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).expect("utf-8");
    assert!(page.starts_with("# 海拉尔区人民政府: plans"), "{page}");
    // The match is shown: the name 2019 gives it, with its prefecture.
    assert!(page.contains("Matched as: 海拉尔区人民政府, 呼伦贝尔市海拉尔区人民政府"));
    let y2014 = &page[page.find("## 2014").expect("2014")..page.find("## 2015").expect("2015")];
    assert!(y2014.contains("planned in 2014.txt 《政府工作报告》; reported in 2015.txt"));
    assert!(y2014.contains("- L79 确保大唐700万吨露天矿"));
    assert!(y2014.contains("  - → L14 重点项目推进顺利，大唐700万吨露天矿完成项目核准；"));
    let only = &y2014[y2014.find("### Planned, not mentioned").expect("misses")..];
    assert!(only.contains("实施黑羊站水厂3万吨扩建项目"));
    // The last plan has no review on the shelf yet.
    assert!(page.contains("## 2019\n\nplanned in 2019.txt 《"));

    let out = huibian(&["--track", "海拉尔区人民政府", "--format", "json", &years]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let year = json["years"]
        .as_array()
        .and_then(|ys| ys.iter().find(|y| y["year"] == 2014))
        .expect("2014");
    assert_eq!(year["plan"]["file"], "2014.txt");
    assert_eq!(year["review"]["file"], "2015.txt");
    assert!(year["pairs"].as_array().expect("pairs").iter().any(|p| {
        p["plan"]["line"] == 79
            && p["review"]["line"] == 14
            && p["review"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("大唐"))
    }));
    assert!(!year["planned_only"].as_array().expect("list").is_empty());
}

#[test]
fn track_names_the_offices_when_the_name_matches_none_or_several() {
    let fixtures = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let out = huibian(&["--track", "局", &fixtures]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("matches several offices") && err.contains("市统计局"),
        "{err}"
    );
    let out = huibian(&["--track", "气象局", &fixtures]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no office matches \"气象局\""));
}

/// A corpus compilation with its years moved on by one: the same offices a year later.
fn moved_on(text: &str) -> String {
    text.replace("2024", "2025").replace("2023", "2024")
}

#[test]
fn offices_in_work_report_form_are_tracked_across_two_compilations() {
    let dir = std::env::temp_dir().join(format!("huibian-track-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let name = "004_b94f0c5038739baf.txt";
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    std::fs::write(dir.join("2023.txt"), &text).expect("write");
    std::fs::write(dir.join("2024.txt"), moved_on(&text)).expect("write");
    let out = huibian(&[
        "--track",
        "市水利局",
        "--format",
        "json",
        &dir.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let years: Vec<(u64, Option<&str>, Option<&str>)> = json["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| {
            (
                y["year"].as_u64().unwrap_or(0),
                y["plan"]["file"].as_str(),
                y["review"]["file"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (2023, None, Some("2023.txt")),
            (2024, Some("2023.txt"), Some("2024.txt")),
            (2025, Some("2024.txt"), None),
        ]
    );
    // The office says much the same a year later: some of its plans meet its review.
    let year = &json["years"][1];
    assert!(!year["pairs"].as_array().expect("pairs").is_empty());
    std::fs::remove_dir_all(dir).ok();
}
