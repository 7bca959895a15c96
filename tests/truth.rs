//! Every fixture against its ground truth (`tests/fixtures/seeds.json`, format.md §10): report
//! lines, end lines, plan headings and ends, sign-offs, addressees, unheaded plan prose, the TOC.

use huibian::doc::model::{Compilation, Report};
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

/// Checks counted, and the failures described with their file.
#[derive(Default)]
struct Checks {
    file: String,
    checked: usize,
    failures: Vec<String>,
}

impl Checks {
    fn check(&mut self, ok: bool, what: String) {
        self.checked += 1;
        if !ok {
            self.failures.push(format!("{}: {what}", self.file));
        }
    }
}

#[test]
fn every_fixture_matches_the_ground_truth() {
    let mut checks = Checks::default();
    for entry in truth() {
        let file = entry["file"].as_str().expect("file");
        let c = parse_fixture(file);
        checks.file = file.to_owned();
        check_title(&mut checks, &c, &entry);
        check_toc(&mut checks, &c, &entry);
        let want_reports = entry["reports"].as_array().expect("reports");
        checks.check(
            c.reports.len() == want_reports.len(),
            format!("{} reports", c.reports.len()),
        );
        for (got, want) in c.reports.iter().zip(want_reports) {
            check_report(&mut checks, got, want);
        }
        check_artefacts(&mut checks, &c, &entry);
    }
    assert!(
        checks.failures.is_empty(),
        "{} of {} checks failed:\n{}",
        checks.failures.len(),
        checks.checked,
        checks.failures.join("\n")
    );
}

fn check_title(checks: &mut Checks, c: &Compilation, entry: &Value) {
    checks.check(
        c.title.as_deref() == entry["title"].as_str(),
        format!("title {:?}", c.title),
    );
    checks.check(
        c.title_line == line(&entry["title_line"]),
        format!("title line {:?}", c.title_line),
    );
    checks.check(
        c.declared_count == entry["declared_count"].as_u64().map(|n| n as usize),
        "declared count".into(),
    );
    checks.check(
        c.declared_count_line == line(&entry["declared_count_line"]),
        "declared count line".into(),
    );
}

fn check_toc(checks: &mut Checks, c: &Compilation, entry: &Value) {
    let toc = c.toc.as_ref().expect("toc");
    checks.check(
        toc.header_line == line(&entry["toc_header_line"]),
        format!("toc header {:?}", toc.header_line),
    );
    let span = lines(&entry["toc_lines"]);
    checks.check(
        (toc.first_line, toc.last_line) == (span[0], span[1]),
        format!("toc span {}–{}", toc.first_line, toc.last_line),
    );
    let want_entries = entry["toc_entries"].as_array().expect("entries");
    checks.check(
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
        checks.check(ok, format!("toc entry line {}: {got:?}", got.line));
    }
}

fn check_report(checks: &mut Checks, got: &Report, want: &Value) {
    let at = got.line;
    checks.check(
        got.title == want["title"].as_str().expect("title"),
        format!("report {at} title {}", got.title),
    );
    checks.check(
        Some(got.line) == line(&want["line"]),
        format!("report at {at}, want {}", want["line"]),
    );
    checks.check(
        Some(got.end_line) == line(&want["end_line"]),
        format!("report {at} end {}", got.end_line),
    );
    checks.check(
        got.signoff_lines == lines(&want["signoff_lines"]),
        format!("report {at} sign-off {:?}", got.signoff_lines),
    );
    checks.check(
        got.addressee_line.into_iter().collect::<Vec<_>>() == lines(&want["addressee_lines"]),
        format!("report {at} addressee {:?}", got.addressee_line),
    );
    check_plan(checks, got, want);
}

fn check_plan(checks: &mut Checks, got: &Report, want: &Value) {
    let at = got.line;
    let heads: Vec<usize> = want["plan_headings"]
        .as_array()
        .expect("plans")
        .iter()
        .filter_map(|p| line(&p["line"]))
        .collect();
    let inline = lines(&want["inline_plan_lines"]);
    match (&got.plan, heads.is_empty()) {
        (Some(p), false) => {
            checks.check(
                p.heading_line.is_some_and(|l| heads.contains(&l)),
                format!(
                    "report {at} plan heading {:?} want {heads:?}",
                    p.heading_line
                ),
            );
            checks.check(
                Some(p.end_line) == line(&want["plan_end_line"]),
                format!("report {at} plan end {}", p.end_line),
            );
            checks.check(
                !p.items.is_empty(),
                format!("report {at} plan has no items"),
            );
            checks.check(
                p.items.iter().all(|i| !got.signoff_lines.contains(&i.line)),
                format!("report {at} sign-off in plan items"),
            );
        }
        (None, false) => checks.check(false, format!("report {at}: no plan, want {heads:?}")),
        (Some(p), true) => checks.check(
            p.heading_line.is_none() && inline.contains(&p.start_line),
            format!("report {at}: unexpected plan {p:?}"),
        ),
        (None, true) => checks.check(
            inline.is_empty(),
            format!("report {at}: unheaded plan prose at {inline:?} not found"),
        ),
    }
}

fn check_artefacts(checks: &mut Checks, c: &Compilation, entry: &Value) {
    let art = &entry["artefact_lines"];
    checks.check(
        c.artefacts.paidend == lines(&art["paidend"]),
        "paidend".into(),
    );
    checks.check(
        c.artefacts.paidbegin == lines(&art["paidbegin"]),
        "paidbegin".into(),
    );
    checks.check(
        c.artefacts.ads == lines(&art["ads"]),
        format!("ads {:?}", c.artefacts.ads),
    );
    checks.check(
        c.diagnostics.is_empty(),
        format!("diagnostics {:?}", c.diagnostics),
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
