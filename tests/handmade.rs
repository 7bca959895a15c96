//! Hand-made fixtures for what the corpus lacks: other encodings and line breaks, no TOC, a TOC
//! whose wording differs, a report missing from the body, a wrong declared count, escapes.

use huibian::doc::model::{Compilation, TitleMatch};

fn parse(name: &str) -> Compilation {
    let path = format!(
        "{}/tests/fixtures/handmade/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    huibian::doc::parse::parse(&std::fs::read(path).expect("fixture")).expect("parses")
}

/// (start, end, plan heading, plan end, sign-off) of one report.
type Shape = (isize, isize, Option<isize>, Option<isize>, Vec<isize>);

/// The [`Shape`] of every report, lines shifted by `offset`.
fn outline(c: &Compilation, offset: isize) -> Vec<Shape> {
    let at = |n: usize| n as isize - offset;
    c.reports
        .iter()
        .map(|r| {
            let plan = r.plan.as_ref();
            (
                at(r.line),
                at(r.end_line),
                plan.and_then(|p| p.heading_line).map(at),
                plan.map(|p| at(p.end_line)),
                r.signoff_lines.iter().map(|&n| at(n)).collect(),
            )
        })
        .collect()
}

fn expected() -> Vec<Shape> {
    vec![
        (7, 18, Some(14), Some(16), vec![17, 18]),
        (20, 29, Some(26), Some(29), vec![]),
        (31, 36, Some(34), Some(36), vec![]),
    ]
}

#[test]
fn base_compilation() {
    let c = parse("base_utf8.txt");
    assert_eq!(outline(&c, 0), expected());
    assert_eq!(c.title.as_deref(), Some("2023年度部门工作总结汇编（3篇）"));
    assert_eq!(c.declared_count, Some(3));
    assert_eq!(c.reports[1].addressee_line, Some(21));
    let items: Vec<&str> = c.reports[1]
        .plan
        .as_ref()
        .expect("plan")
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        items,
        vec![
            "一是加强森林资源保护。",
            "二是推进国土绿化。",
            "三是抓好林业有害生物防治。"
        ]
    );
    let marks: Vec<(&str, u8)> = c.reports[0]
        .headings
        .iter()
        .map(|h| (h.marker.as_str(), h.level))
        .collect();
    assert_eq!(
        marks,
        vec![
            ("一、", 1),
            ("（一）", 2),
            ("(二）", 2),
            ("二、", 1),
            ("三、", 1),
            ("（一）", 2),
            ("（二）", 2)
        ]
    );
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
}

#[test]
fn other_encodings_and_line_breaks_give_the_same_model() {
    let base = parse("base_utf8.txt");
    for (name, encoding) in [
        ("gb18030_crlf.txt", "gb18030"),
        ("utf16le_bom.txt", "utf-16le"),
        ("utf16be_bom.txt", "utf-16be"),
    ] {
        let c = parse(name);
        assert_eq!(c.encoding, encoding, "{name}");
        assert_eq!(outline(&c, 0), expected(), "{name}");
        assert_eq!(
            c.text.as_str(),
            base.text.as_str(),
            "{name}: same text after decoding"
        );
    }
}

#[test]
fn compilations_without_a_toc() {
    let c = parse("no_toc_markers.txt");
    assert!(c.toc.is_none());
    assert_eq!(outline(&c, -4), expected());
    assert_eq!(
        c.reports[0].title, "XX市统计局2023年工作总结",
        "marker removed from the title"
    );
    assert!(
        c.reports
            .iter()
            .all(|r| r.title_match == TitleMatch::Marker)
    );
    let c = parse("no_toc_titles.txt");
    assert!(c.toc.is_none());
    assert_eq!(outline(&c, -4), expected());
    assert!(
        c.reports
            .iter()
            .all(|r| r.title_match == TitleMatch::Heuristic)
    );
}

#[test]
fn toc_wording_that_differs_from_the_body() {
    let c = parse("toc_wording.txt");
    assert_eq!(outline(&c, 0), expected());
    let matched: Vec<TitleMatch> = c.reports.iter().map(|r| r.title_match).collect();
    assert_eq!(
        matched,
        vec![
            TitleMatch::Similar,
            TitleMatch::Similar,
            TitleMatch::Similar
        ]
    );
    let toc = c.toc.as_ref().expect("toc");
    assert_eq!(
        toc.entries.iter().map(|e| e.report).collect::<Vec<_>>(),
        vec![Some(0), Some(1), Some(2)]
    );
    // Titles are the body's wording.
    assert_eq!(c.reports[1].title, "XX县林业局2023年度工作总结");
}

#[test]
fn a_report_missing_from_the_body_is_reported_not_fatal() {
    let c = parse("missing_report.txt");
    assert_eq!(outline(&c, 1), expected());
    let toc = c.toc.as_ref().expect("toc");
    assert_eq!(toc.entries[2].report, None);
    assert_eq!(toc.entries[3].report, Some(2));
    let messages: Vec<&str> = c.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("XX县水利局2023年工作总结") && m.contains("not found")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("declares 4") && m.contains("3 were found")),
        "{messages:?}"
    );
}

#[test]
fn a_declared_count_that_does_not_match() {
    let c = parse("count_mismatch.txt");
    assert_eq!(c.declared_count, Some(5));
    assert_eq!(c.reports.len(), 3);
    assert_eq!(c.diagnostics.len(), 1);
    assert_eq!(c.diagnostics[0].line, Some(1));
}

#[test]
fn escape_sequences_become_visible_data() {
    let c = parse("escapes.txt");
    assert_eq!(outline(&c, 0), expected());
    let text = c.text.as_str();
    assert!(
        !text
            .chars()
            .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
    );
    assert!(c.text.line(13).contains("\u{241b}[2J"));
}
