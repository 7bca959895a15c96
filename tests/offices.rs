//! Who wrote each report and which years it speaks of (the ground for comparing an office's
//! plans with what it reported a year later): every title of a corpus file, the district's
//! eight 政府工作报告 (one office across all eight, each reviewing the year before it plans).

mod common;

use common::parse_fixture as parse;

#[test]
fn offices_and_years_of_a_compilations_titles() {
    let doc = parse("001_149dd883a1863841.txt");
    let got: Vec<Option<(String, bool)>> = (0..doc.reports.len())
        .map(|r| huibian::doc::office::office(&doc, r).map(|o| (o.name, o.named)))
        .collect();
    let named = |n: &str| Some((n.to_owned(), true));
    let bare = |n: &str| Some((n.to_owned(), false));
    assert_eq!(
        got,
        [
            None,
            None,
            named("村镇建设办"),
            bare("街道"),
            bare("街道"),
            bare("街道"),
            named("区公共工程建设中心"),
            named("区经信局"),
            named("区审计局"),
            named("区市场监督管理局"),
            named("市应急管理局"),
            named("县市场监督管理局"),
            named("县水利局"),
            named("县住建局"),
            bare("乡"),
            bare("镇"),
        ]
    );
    for r in &doc.reports {
        assert_eq!(
            huibian::doc::office::years_of(r),
            (Some(2023), Some(2024)),
            "{}",
            r.title
        );
    }
}

#[test]
fn the_district_across_eight_years() {
    let mut keys = Vec::new();
    for year in 2012..=2019u32 {
        let doc = parse(&format!("years/{year}.txt"));
        assert_eq!(doc.reports.len(), 1, "{year}");
        let office = huibian::doc::office::office(&doc, 0).expect("the government");
        assert!(office.named);
        keys.push(office.key());
        // Given early in the year it plans: it reviews the year before.
        assert_eq!(
            huibian::doc::office::years_of(&doc.reports[0]),
            (Some(year - 1), Some(year)),
            "{year}"
        );
    }
    // One office, however the title or the dateline names it (2019: with its prefecture; 2017:
    // no title line, only the dateline).
    assert!(keys.iter().all(|k| k == "海拉尔区人民政府"), "{keys:?}");
}

#[test]
fn offices_in_the_json_export() {
    let doc = parse("004_b94f0c5038739baf.txt");
    let mut out = Vec::new();
    huibian::doc::export::write_json(&doc, "f", &mut out).expect("json");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("valid");
    let report = &json["reports"][1];
    assert_eq!(report["office"]["name"], "市水利局");
    assert_eq!(report["office"]["named"], true);
    assert_eq!(
        (report["reviews"].as_u64(), report["plans_for"].as_u64()),
        (Some(2023), Some(2024))
    );
    assert!(json["reports"][0]["office"].is_null());
}

#[test]
fn years_lists_every_office_and_year_across_files() {
    let fixtures = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let broken = std::env::temp_dir().join(format!("huibian-years-{}.txt", std::process::id()));
    std::fs::write(&broken, [0u8, 159, 146, 150, 0, 1]).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibian"))
        .arg("--years")
        .arg(format!("{fixtures}/years"))
        .arg(format!("{fixtures}/docx/004_b94f0c5038739baf.docx"))
        .arg(&broken)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "the broken file, once: {stderr}");
    assert!(stderr.contains("huibian-years-"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    // The district's eight reports together, in year order, though one names its prefecture.
    let district: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[0].ends_with("海拉尔区人民政府"))
        .map(|r| (r[1], r[2]))
        .collect();
    assert_eq!(
        district,
        (2011..=2018)
            .map(|y: u32| (y, y + 1))
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect::<Vec<_>>()
    );
    // The .docx's offices are there too; reports with no office, or a bare 镇 that says nothing
    // of which one, come after every named office.
    assert!(
        rows.iter()
            .any(|r| r[0] == "市水利局" && r[1] == "2023" && r[2] == "2024")
    );
    let unnamed = |r: &&Vec<&str>| r[0] == "-" || r[0] == "镇";
    let first = rows.iter().position(|r| unnamed(&r)).expect("unnamed rows");
    assert!(rows[first..].iter().all(|r| unnamed(&r)), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r[0] == "-" && r[4] == "2023年教育重点工作总结")
    );
    std::fs::remove_file(broken).ok();
}

/// Every title of every corpus compilation with the office and the years read from it: a
/// table reviewed by reading (a bare 街道 or 镇 is kept apart, never guessed; titles that name
/// a topic, not an office, have none).
#[test]
fn every_corpus_title_with_its_office_and_years() {
    let mut table = String::new();
    for name in [
        "000_3aa89c1d59f293ce.txt",
        "001_149dd883a1863841.txt",
        "002_a6a433b16e8aa61d.txt",
        "003_c5e2716b8b7ca77e.txt",
        "004_b94f0c5038739baf.txt",
    ] {
        let doc = parse(name);
        table.push_str(&format!("# {name}\n"));
        for (r, report) in doc.reports.iter().enumerate() {
            let office = huibian::doc::office::office(&doc, r).map_or_else(
                || "-".to_owned(),
                |o| {
                    if o.named {
                        format!("{} [{}]", o.name, o.key())
                    } else {
                        format!("{} (unnamed)", o.name)
                    }
                },
            );
            let (reviews, plans) = huibian::doc::office::years_of(report);
            let year = |y: Option<u32>| y.map_or_else(|| "-".to_owned(), |y| y.to_string());
            table.push_str(&format!(
                "{} | {office} | {} -> {}\n",
                report.title,
                year(reviews),
                year(plans)
            ));
        }
    }
    insta::assert_snapshot!(table);
}

/// A 政府工作报告 titled with its year and place: the government of that place, reviewing the
/// year before the one it plans; the same in traditional script.
#[test]
fn a_government_work_report_reviews_the_year_before_its_title_year() {
    let text = "2025年北京市政府工作报告\n\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，我们完成了中关村科学城北区建设。\n\n二、2025年工作安排\n\n（一）推进中关村科学城北区二期建设。\n\n（二）加快城市副中心建设。\n";
    for text in [
        text.to_owned(),
        text.replace("报告", "報告")
            .replace("会议", "會議")
            .replace("过去一年", "過去一年"),
    ] {
        let doc = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
        let office = huibian::doc::office::office(&doc, 0).expect("an office");
        assert_eq!(
            (office.name.as_str(), office.named),
            ("北京市人民政府", true)
        );
        assert_eq!(
            huibian::doc::office::years_of(&doc.reports[0]),
            (Some(2024), Some(2025))
        );
    }
}
