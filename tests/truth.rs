//! Every fixture against its ground truth (`tests/fixtures/seeds.json`, format.md §10): report
//! lines, end lines, plan headings and ends, sign-offs, addressees, unheaded plan prose, the TOC.

use huibian::doc::model::Compilation;
use serde_json::Value;

fn truth() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seeds.json"
    ))
    .expect("seeds.json");
    serde_json::from_str::<Value>(&text)
        .expect("json")
        .as_array()
        .expect("list")
        .clone()
}

fn parse_fixture(name: &str) -> Compilation {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    huibian::doc::parse::parse(&std::fs::read(path).expect("fixture")).expect("parses")
}

fn lines(v: &Value) -> Vec<usize> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_u64)
                .map(|n| usize::try_from(n).expect("line"))
                .collect()
        })
        .unwrap_or_default()
}

fn line(v: &Value) -> Option<usize> {
    v.as_u64().map(|n| usize::try_from(n).expect("line"))
}

#[test]
fn every_fixture_matches_the_ground_truth() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in truth() {
        let file = entry["file"].as_str().expect("file");
        let c = parse_fixture(file);
        let mut check = |ok: bool, what: String| {
            checked += 1;
            if !ok {
                failures.push(format!("{file}: {what}"));
            }
        };
        check(
            c.title.as_deref() == entry["title"].as_str(),
            format!("title {:?}", c.title),
        );
        check(
            c.title_line == line(&entry["title_line"]),
            format!("title line {:?}", c.title_line),
        );
        check(
            c.declared_count == entry["declared_count"].as_u64().map(|n| n as usize),
            "declared count".into(),
        );
        check(
            c.declared_count_line == line(&entry["declared_count_line"]),
            "declared count line".into(),
        );
        let toc = c.toc.as_ref().expect("toc");
        check(
            toc.header_line == line(&entry["toc_header_line"]),
            format!("toc header {:?}", toc.header_line),
        );
        let span = lines(&entry["toc_lines"]);
        check(
            (toc.first_line, toc.last_line) == (span[0], span[1]),
            format!("toc span {}–{}", toc.first_line, toc.last_line),
        );
        let want_entries = entry["toc_entries"].as_array().expect("entries");
        check(
            toc.entries.len() == want_entries.len(),
            format!("{} toc entries", toc.entries.len()),
        );
        for (got, want) in toc.entries.iter().zip(want_entries) {
            let ok = Some(got.line) == line(&want["line"])
                && got.title == want["title"].as_str().expect("title")
                && got.number.map(u64::from) == want["number"].as_u64()
                && got.page.map(u64::from) == want["page"].as_u64()
                && got.self_entry == want["self_entry"].as_bool().expect("self")
                && got.report == line(&want["report_index"]);
            check(ok, format!("toc entry line {}: {got:?}", got.line));
        }
        let want_reports = entry["reports"].as_array().expect("reports");
        check(
            c.reports.len() == want_reports.len(),
            format!("{} reports", c.reports.len()),
        );
        for (got, want) in c.reports.iter().zip(want_reports) {
            let at = got.line;
            check(
                got.title == want["title"].as_str().expect("title"),
                format!("report {at} title {}", got.title),
            );
            check(
                Some(got.line) == line(&want["line"]),
                format!("report at {at}, want {}", want["line"]),
            );
            check(
                Some(got.end_line) == line(&want["end_line"]),
                format!("report {at} end {}", got.end_line),
            );
            check(
                got.signoff_lines == lines(&want["signoff_lines"]),
                format!("report {at} sign-off {:?}", got.signoff_lines),
            );
            check(
                got.addressee_line.into_iter().collect::<Vec<_>>()
                    == lines(&want["addressee_lines"]),
                format!("report {at} addressee {:?}", got.addressee_line),
            );
            let heads: Vec<usize> = want["plan_headings"]
                .as_array()
                .expect("plans")
                .iter()
                .filter_map(|p| line(&p["line"]))
                .collect();
            let inline = lines(&want["inline_plan_lines"]);
            match (&got.plan, heads.is_empty()) {
                (Some(p), false) => {
                    check(
                        p.heading_line.is_some_and(|l| heads.contains(&l)),
                        format!(
                            "report {at} plan heading {:?} want {heads:?}",
                            p.heading_line
                        ),
                    );
                    check(
                        Some(p.end_line) == line(&want["plan_end_line"]),
                        format!("report {at} plan end {}", p.end_line),
                    );
                    check(
                        !p.items.is_empty(),
                        format!("report {at} plan has no items"),
                    );
                    check(
                        p.items.iter().all(|i| !got.signoff_lines.contains(&i.line)),
                        format!("report {at} sign-off in plan items"),
                    );
                }
                (None, false) => check(false, format!("report {at}: no plan, want {heads:?}")),
                (Some(p), true) => check(
                    p.heading_line.is_none() && inline.contains(&p.start_line),
                    format!("report {at}: unexpected plan {p:?}"),
                ),
                (None, true) => check(
                    inline.is_empty(),
                    format!("report {at}: unheaded plan prose at {inline:?} not found"),
                ),
            }
        }
        let art = &entry["artefact_lines"];
        check(
            c.artefacts.paidend == lines(&art["paidend"]),
            "paidend".into(),
        );
        check(
            c.artefacts.paidbegin == lines(&art["paidbegin"]),
            "paidbegin".into(),
        );
        check(
            c.artefacts.ads == lines(&art["ads"]),
            format!("ads {:?}", c.artefacts.ads),
        );
        check(
            c.diagnostics.is_empty(),
            format!("diagnostics {:?}", c.diagnostics),
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn displayed_text_is_clean_and_keeps_placeholders() {
    for entry in truth() {
        let c = parse_fixture(entry["file"].as_str().expect("file"));
        assert!(!c.text.as_str().contains("##paidbegin##"));
        for r in &c.reports {
            let body = c.clean_lines(r.line, r.end_line);
            assert!(
                !body.contains("##paid"),
                "artefact inside report {}",
                r.title
            );
            assert!(!body.contains("哒哒素材库"), "ad inside report {}", r.title);
        }
    }
    let c = parse_fixture("001_149dd883a1863841.txt");
    assert!(
        c.text.line(185).contains("道路交通安全"),
        "paidbegin removed with no gap"
    );
    let c = parse_fixture("003_c5e2716b8b7ca77e.txt");
    assert!(
        c.reports[0].title.contains("D风廉政"),
        "placeholders stay as written"
    );
}
