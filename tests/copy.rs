//! What a copy holds, on real fixtures: sections, reports, plan parts, selections, all plans;
//! the OSC 52 bytes; `--section` specs.

mod common;

use base64::Engine;
use common::{Reader, app, app_with, press, settings};
use huibian::edges::clipboard::{Env, Method};
use huibian::reader::app::{Effect, Msg, Settings};

const F001: &str = "001_149dd883a1863841.txt";

fn source_lines(fixture: &str, first: usize, last: usize) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let mut out: String = text
        .lines()
        .skip(first - 1)
        .take(last - first + 1)
        .map(|l| format!("{}\n", l.trim_end().replace("##paidbegin##", "")))
        .collect();
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Presses keys and returns the text of the last copy they asked for.
fn copy(a: &mut Reader, keys: &str) -> Option<(String, String)> {
    press(a, keys).into_iter().rev().find_map(|e| match e {
        Effect::Copy { text, label } => Some((text, label)),
        _ => None,
    })
}

/// A copy finished as the event loop reports it.
fn copied(a: &mut Reader, label: &str, text: &str, result: std::io::Result<Method>) {
    a.update(Msg::Copied {
        label: label.into(),
        text: text.into(),
        result,
    });
}

#[test]
fn plan_part_of_the_second_report() {
    let mut a = app(F001, 160, 45);
    let (text, label) = copy(&mut a, "]p").expect("a copy");
    assert_eq!(label, "三、2024年工作计划");
    let expected = format!(
        "《2023年工作总结及2024年工作计划》 › 三、2024年工作计划\n{}",
        source_lines(F001, 84, 91)
    );
    assert_eq!(text, expected);
    assert!(!text.contains("##paid"));
    assert!(
        text.lines().all(|l| l == l.trim_end()),
        "no trailing white space"
    );
}

#[test]
fn report_section_and_plans_pane_block() {
    let mut a = app("002_a6a433b16e8aa61d.txt", 160, 45);
    // Report 17 (县发改委) has a sign-off; Y copies the whole report with it.
    let (text, _) = copy(&mut a, ":360<Enter>Y").expect("report");
    assert!(text.starts_with("《县发改委（粮储局）2023年度政务公开工作总结》\n县发改委（粮储局）2023年度政务公开工作总结\n"));
    assert!(text.ends_with("XX县发展和改革委员会\n2023年12月13日\n"));
    // y at the nested plan heading copies that section, without the sign-off.
    let (text, label) = copy(&mut a, ":388<Enter>y").expect("section");
    assert_eq!(label, "（二）工作打算");
    assert_eq!(
        text,
        format!(
            "《县发改委（粮储局）2023年度政务公开工作总结》 › 三、存在问题和工作打算 › （二）工作打算\n{}",
            source_lines("002_a6a433b16e8aa61d.txt", 388, 389)
        )
    );
    // In the plans pane, y copies the selected report's plan block.
    let (text, _) = copy(&mut a, "3y").expect("plan block");
    assert!(text.contains("（二）工作打算\n下一步，我委将"));
    assert!(
        !text.contains("2023年12月13日"),
        "the plan stops before the sign-off"
    );
}

#[test]
fn line_selection_and_all_plans() {
    let mut a = app(F001, 160, 45);
    press(&mut a, "]v");
    assert!(a.reading().selection.is_some());
    let (first, last) = a.reading().selected_lines().expect("selection");
    let (text, _) = copy(&mut a, "y").expect("lines");
    assert!(a.reading().selection.is_none());
    assert!(text.ends_with(&source_lines(F001, first, last)));
    let (text, label) = copy(&mut a, "A").expect("all plans");
    assert_eq!(label, "16 plan parts");
    assert!(
        text.matches("2024年工作计划\n").count() + text.matches("2024年工作思路\n").count() >= 16
    );
    let quiet = Settings {
        breadcrumb: false,
        ..settings(F001)
    };
    let mut b = app_with(F001, 160, 45, quiet);
    let (text, _) = copy(&mut b, "]p").expect("plan");
    assert_eq!(
        text,
        source_lines(F001, 84, 91),
        "no breadcrumb when turned off"
    );
}

#[test]
fn osc52_outside_tmux_decodes_to_the_same_text() {
    let mut a = app(F001, 160, 45);
    let (text, label) = copy(&mut a, "]p").expect("copy");
    let mut terminal = Vec::new();
    let env = Env {
        tmux: false,
        ssh: true,
        display: false,
    };
    let used = huibian::edges::clipboard::copy(&text, Method::Auto, &env, &mut terminal);
    assert!(matches!(used, Ok(Method::Osc52)));
    let bytes = String::from_utf8(terminal).expect("ascii");
    let payload = bytes
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .expect("OSC 52 frame");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .expect("base64");
    assert_eq!(String::from_utf8(decoded).expect("utf8"), text);
    copied(&mut a, &label, &text, used);
    assert_eq!(
        a.message(),
        Some("copied 三、2024年工作计划 (914 chars, OSC 52)")
    );
    copied(&mut a, "big", &"字".repeat(30_000), Ok(Method::Osc52));
    assert!(
        a.message()
            .is_some_and(|m| m.contains("30,000 chars") && m.contains("cut OSC 52"))
    );
}

fn section(spec: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_huibian"))
        .args([
            "--section",
            spec,
            &format!("{}/tests/fixtures/{F001}", env!("CARGO_MANIFEST_DIR")),
        ])
        .output()
        .expect("runs")
}

#[test]
fn section_specs_on_the_command_line() {
    let plan = section("2/plan");
    assert!(plan.status.success());
    assert_eq!(
        String::from_utf8(plan.stdout).expect("utf8"),
        format!(
            "《2023年工作总结及2024年工作计划》 › 三、2024年工作计划\n{}",
            source_lines(F001, 84, 91)
        )
    );
    let report = String::from_utf8(section("2").stdout).expect("utf8");
    assert!(
        report.starts_with("《2023年工作总结及2024年工作计划》\n2023年工作总结及2024年工作计划\n")
    );
    let heading = String::from_utf8(section("2/一").stdout).expect("utf8");
    assert!(heading.starts_with(
        "《2023年工作总结及2024年工作计划》 › 一、2023年工作完成情况\n一、2023年工作完成情况\n"
    ));
    let sub = String::from_utf8(section("2/一/(二)").stdout).expect("utf8");
    assert!(sub.starts_with("《2023年工作总结及2024年工作计划》 › 一、2023年工作完成情况 › （二）卫生重点工作\n（二）卫生重点工作\n"), "{sub}");
    let bad = section("2/九");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).expect("utf8");
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("一、 二、 三、"), "lists what exists: {err}");
    let bad = section("99");
    assert!(
        String::from_utf8(bad.stderr)
            .expect("utf8")
            .contains("numbered 1 to 16")
    );
}

#[test]
fn y_on_the_title_page_copies_the_title_page() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    // The reader opens on the first report; `gg` goes to the title page above it.
    let _ = copy(&mut a, "gg");
    assert!(a.top().line < a.doc().reports[0].line);
    let (text, label) = copy(&mut a, "y").expect("a copy");
    assert_eq!(label, "2023年度工作总结汇编");
    assert!(
        text.contains("（14篇）") && text.contains("10.县人社局2023年工作总结"),
        "{text}"
    );
    assert!(a.message().is_none(), "{:?}", a.message());
}

#[test]
fn a_plan_without_a_heading_is_named_by_its_first_words() {
    // A report of 003 whose plan is prose, with no heading.
    let doc = huibian::doc::parse::parse(
        &std::fs::read(format!(
            "{}/tests/fixtures/003_c5e2716b8b7ca77e.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture"),
    )
    .expect("parses");
    let r = doc
        .reports
        .iter()
        .position(|r| r.plan.as_ref().is_some_and(|p| p.heading.is_none()))
        .expect("a report with plan prose");
    let piece = huibian::doc::copy::plan(&doc, r).expect("a plan");
    let start = doc
        .text
        .trimmed(doc.reports[r].plan.as_ref().expect("plan").start_line);
    let words: String = start.chars().take(12).collect();
    assert!(piece.label.starts_with(&words), "{}", piece.label);
    assert!(
        !piece.breadcrumb.contains("plan prose"),
        "{}",
        piece.breadcrumb
    );
}

#[test]
fn a_failed_copy_suggests_only_the_ways_not_tried() {
    let tmux = Settings {
        clipboard: Method::Tmux,
        ..settings(F001)
    };
    let mut a = app_with(F001, 160, 45, tmux);
    copied(&mut a, "x", "text", Err(std::io::Error::other("no server")));
    let m = a.message().map(str::to_owned).unwrap_or_default();
    assert!(
        m.contains("--clipboard osc52") && !m.contains("tmux"),
        "{m}"
    );
}

#[test]
fn v_selects_from_the_reading_line_and_j_extends_it() {
    let mut a = app(F001, 160, 45);
    press(&mut a, "]jjj");
    let top = a.top();
    press(&mut a, "vj");
    let (first, last) = a.reading().selected_lines().expect("a selection");
    assert_eq!(first, top.line, "anchored at the reading line");
    assert!(last > first, "j extends it by a line");
    assert_eq!(
        a.top(),
        top,
        "the text does not scroll while the end is on screen"
    );
    let (text, label) = copy(&mut a, "y").expect("the two lines");
    assert_eq!(label, format!("lines {first}-{last}"));
    assert!(text.ends_with(&source_lines(F001, first, last)), "{text}");
    // Esc cancels a selection; k above the anchor selects upwards.
    press(&mut a, "vkk<Esc>");
    assert!(a.reading().selection.is_none());
}
