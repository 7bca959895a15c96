//! The binary as scripts use it: exports, and bad input as one line on stderr with a non-zero
//! exit, nothing on stdout, and the input file never written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn huibian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huibian"))
        .args(args)
        .output()
        .expect("runs")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huibian-cli-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn assert_one_line_error(out: &Output, file: &str, reason: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{file}: should fail");
    assert!(out.stdout.is_empty(), "{file}: stdout should be empty");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{file}: one line, got {stderr:?}"
    );
    assert!(
        stderr.starts_with(&format!("huibian: {file}: ")),
        "{stderr:?}"
    );
    assert!(
        stderr.contains(reason),
        "{file}: {stderr:?} should say {reason:?}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn bad_input_is_one_line_and_a_non_zero_exit() {
    let dir = temp_dir("bad");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write");
        p.display().to_string()
    };
    let missing = dir.join("missing.txt").display().to_string();
    assert_one_line_error(&huibian(&["--json", &missing]), &missing, "no such file");
    let d = dir.display().to_string();
    assert_one_line_error(&huibian(&["--json", &d]), &d, "directory");
    let empty = write("empty.txt", b"");
    assert_one_line_error(&huibian(&["--json", &empty]), &empty, "empty");
    let binary = write(
        "binary.bin",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\x10\x10",
    );
    assert_one_line_error(&huibian(&["--list", &binary]), &binary, "binary");
    let undecodable = write(
        "noise.txt",
        &(0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 7) as u8 | 0x80)
            .collect::<Vec<u8>>(),
    );
    assert_one_line_error(&huibian(&["--plans", &undecodable]), &undecodable, "decode");
    // Text with no report in it is no error: one document, said so (every text opens).
    let prose = write("prose.txt", "今天天气很好。\n我们去公园散步。\n".as_bytes());
    let out = huibian(&["--json", &prose]);
    assert!(out.status.success());
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(model["reports"][0]["found_by"], "whole-text");
    assert_eq!(model["reports"][0]["title"], "今天天气很好。");
    assert!(
        model["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no report boundary"))
    );
}

#[test]
fn the_input_file_is_never_written() {
    let dir = temp_dir("ro");
    let copy = dir.join("input.txt");
    std::fs::copy(fixture("001_149dd883a1863841.txt"), &copy).expect("copy");
    let before = (
        std::fs::read(&copy).expect("read"),
        std::fs::metadata(&copy)
            .and_then(|m| m.modified())
            .expect("mtime"),
    );
    for flag in ["--json", "--list", "--plans"] {
        assert!(
            huibian(&[flag, &copy.display().to_string()])
                .status
                .success()
        );
    }
    let after = (
        std::fs::read(&copy).expect("read"),
        std::fs::metadata(&copy)
            .and_then(|m| m.modified())
            .expect("mtime"),
    );
    assert_eq!(before, after);
}

#[test]
fn json_follows_the_documented_schema() {
    let out = huibian(&["--json", &fixture("000_3aa89c1d59f293ce.txt")]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["file"], "000_3aa89c1d59f293ce.txt");
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["title"], "2023年度工作总结汇编");
    assert_eq!(v["declared_count"], 14);
    assert_eq!(
        v["toc"][1],
        serde_json::json!({"line": 5, "number": 2, "title": "2023年全市信访工作总结", "page": null, "self_entry": false, "report": 1})
    );
    let r = &v["reports"][1];
    assert_eq!(
        (
            r["title"].as_str(),
            r["line"].as_u64(),
            r["end_line"].as_u64()
        ),
        (Some("2023年全市信访工作总结"), Some(28), Some(44))
    );
    assert_eq!(
        r["headings"][0],
        serde_json::json!({"line": 30, "level": 1, "marker": "一、", "text": "基本情况", "run_in": false})
    );
    assert_eq!(r["plan"]["heading_line"], 39);
    assert_eq!(r["plan"]["heading"], "二、2024年工作计划");
    assert_eq!(r["plan"]["start_line"], 39);
    assert_eq!(r["plan"]["end_line"], 44);
    assert_eq!(r["plan"]["items"][0]["line"], 40);
    assert!(
        r["plan"]["items"][0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("一是加强信访法治化建设。"))
    );
    assert_eq!(r["signoff_lines"], serde_json::json!([]));
    // Absent values are null, not sentinels.
    assert!(v["reports"][0]["plan"]["heading_line"].is_null());
}

#[test]
fn list_and_plans() {
    let out = huibian(&["--list", &fixture("004_b94f0c5038739baf.txt")]);
    let list = String::from_utf8(out.stdout).expect("utf8");
    let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[2][..3], ["3", "县交通运输局2023年工作总结", "30"]);
    assert_eq!(rows[2][4], "plan");
    assert_eq!(rows[0][4], "-");
    assert!(
        rows.iter()
            .all(|r| r[3].parse::<usize>().is_ok_and(|n| n > 100))
    );

    let out = huibian(&["--plans", &fixture("004_b94f0c5038739baf.txt")]);
    let text = String::from_utf8(out.stdout).expect("utf8");
    assert!(text.contains("3. 《县交通运输局2023年工作总结》 (line 30)"));
    assert!(text.contains("三、2024年工作初步安排 (lines 45–78)"));
    assert!(text.contains("(no plan part)"));
    let out = huibian(&[
        "--plans",
        "--format",
        "markdown",
        &fixture("004_b94f0c5038739baf.txt"),
    ]);
    let md = String::from_utf8(out.stdout).expect("utf8");
    assert!(md.starts_with("# 2023年度工作总结汇编\n"));
    assert!(
        md.contains("## 5. 镇2023年度工作总结\n\n**三、2024年工作计划** (lines 106–111)\n\n- ")
    );
}

#[test]
fn help_and_version() {
    let out = huibian(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--json", "--list", "--plans", "--format"] {
        assert!(help.contains(flag), "--help lists {flag}");
    }
    let out = huibian(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("huibian "));
    // Two exports at once is a usage error (exit 2).
    let out = huibian(&["--json", "--list", &fixture("004_b94f0c5038739baf.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(Path::new(&fixture("004_b94f0c5038739baf.txt")).exists());
}

#[test]
fn search_prints_hits_with_their_place() {
    let full = huibian(&["--search", "（一）", &fixture("000_3aa89c1d59f293ce.txt")]);
    let half = huibian(&["--search", "(一)", &fixture("000_3aa89c1d59f293ce.txt")]);
    assert!(full.status.success());
    assert_eq!(full.stdout, half.stdout, "width-insensitive: the same hits");
    let out = String::from_utf8(full.stdout).expect("utf8");
    assert_eq!(out.lines().count(), 16);
    assert!(out.lines().next().is_some_and(|l| l.starts_with("市2023年生物多样性保护工作总结 › 一、工作情况 › （一）加大宣传力度形成社会共识: L72: （一）")));
    let re = huibian(&[
        "--search",
        r"20\d\d年工作计划",
        "--regex",
        &fixture("001_149dd883a1863841.txt"),
    ]);
    assert!(String::from_utf8_lossy(&re.stdout).lines().count() >= 10);
    let bad = huibian(&[
        "--search",
        "(",
        "--regex",
        &fixture("001_149dd883a1863841.txt"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("huibian: invalid regex"));
}

#[test]
fn print_config_is_the_whole_default_config_and_reads_back() {
    let out = huibian(&["--print-config"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for table in [
        "normal", "contents", "text", "plans", "help", "prompt", "list",
    ] {
        assert!(text.contains(&format!("[keys.{table}]")), "{table}");
    }
    for b in huibian::reader::keymap::DEFAULT_BINDINGS {
        assert!(
            text.contains(&format!("\"{}\"", b.action.name())),
            "{:?}",
            b.action
        );
    }
    let dir = temp_dir("print-config");
    let file = dir.join("config.toml");
    std::fs::write(&file, &text).expect("write");
    let parsed = huibian::edges::config::parse(&file, &text).expect("the printed config parses");
    assert_eq!(parsed.theme.as_deref(), Some("default"));
    // --config with a file that is not there is not fatal for the exports.
    let out = huibian(&[
        "--config",
        "/nonexistent/huibian.toml",
        &fixture("000_3aa89c1d59f293ce.txt"),
        "--list",
    ]);
    assert!(out.status.success());
    std::fs::remove_dir_all(dir).ok();
}

/// The binary streams its exports while it parses; what it prints must be exactly what the
/// finished model prints.
#[test]
fn streamed_exports_equal_the_finished_models() {
    let re = huibian::doc::search::compile(&huibian::doc::search::Query {
        text: "工作".into(),
        regex: false,
    })
    .expect("compiles");
    for name in [
        "000_3aa89c1d59f293ce.txt",
        "001_149dd883a1863841.txt",
        "002_a6a433b16e8aa61d.txt",
        "003_c5e2716b8b7ca77e.txt",
        "004_b94f0c5038739baf.txt",
    ] {
        let path = fixture(name);
        let doc = huibian::doc::parse::parse(&std::fs::read(&path).expect("read")).expect("parses");
        for (args, what) in [
            (
                vec!["--json"],
                huibian::doc::export::Export::Json { file: name },
            ),
            (vec!["--list"], huibian::doc::export::Export::List),
            (
                vec!["--plans", "--format", "markdown"],
                huibian::doc::export::Export::Plans(huibian::doc::export::PlansFormat::Markdown),
            ),
            (
                vec!["--search", "工作"],
                huibian::doc::export::Export::Search(&re),
            ),
        ] {
            let mut expected = Vec::new();
            huibian::doc::export::write(&doc, what, &mut expected).expect("writes");
            let mut all = vec![path.as_str()];
            all.extend(args.iter().copied());
            let out = huibian(&all);
            assert!(out.status.success());
            assert_eq!(out.stdout, expected, "{name} {args:?}");
        }
    }
}

/// Any input, through the library's entry point as the binary calls it: `--json` either fails
/// before writing a byte or writes one whole, valid JSON object (the parse ends before the
/// output starts, so a bad input never leaves a partial export behind).
mod export_is_all_or_nothing {
    use clap::Parser;
    use proptest::prelude::*;

    fn corpus() -> Vec<Vec<u8>> {
        [
            "000_3aa89c1d59f293ce.txt",
            "004_b94f0c5038739baf.txt",
            "handmade/escapes.txt",
        ]
        .iter()
        .map(|f| std::fs::read(super::fixture(f)).expect("fixture"))
        .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn json_fails_before_writing_or_writes_valid_json(
            which in 0..3usize,
            cut in any::<prop::sample::Index>(),
            insert_at in any::<prop::sample::Index>(),
            junk in prop::collection::vec(any::<u8>(), 0..64),
        ) {
            let mut bytes = corpus()[which].clone();
            bytes.truncate(cut.index(bytes.len() + 1));
            let at = insert_at.index(bytes.len() + 1);
            bytes.splice(at..at, junk);
            let dir = super::temp_dir("prop");
            let file = dir.join(format!("case-{}.txt", std::thread::current().name().map_or(0, str::len)));
            std::fs::write(&file, &bytes).expect("write");
            let options = huibian::edges::cli::Options::parse_from(["huibian", "--json", file.to_str().expect("utf8")]);
            let mut out = Vec::new();
            match huibian::edges::cli::run(&options, &mut out) {
                Err(_) => prop_assert!(out.is_empty(), "an error after {} bytes of output", out.len()),
                Ok(()) => {
                    let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out);
                    prop_assert!(parsed.is_ok(), "not JSON: {:?}", parsed.err());
                }
            }
        }
    }
}

#[test]
fn section_says_when_the_config_cannot_be_used() {
    let dir = temp_dir("section-config");
    std::fs::write(dir.join("config.toml"), "breadcrumb = nope\n").expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_huibian"))
        .args(["--section", "2/plan", &fixture("001_149dd883a1863841.txt")])
        .env("HUIBIAN_CONFIG_HOME", &dir)
        .env("LC_ALL", "C")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("huibian: ") && stderr.contains("config.toml:1"),
        "{stderr}"
    );
    // The defaults are used: the breadcrumb is on.
    assert!(String::from_utf8_lossy(&out.stdout).starts_with('《'));
}

#[test]
fn only_regular_files_are_read() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe");
    let _ = std::fs::remove_file(&fifo);
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
    );
    let fifo = fifo.to_string_lossy().into_owned();
    // No writer: opening it would block forever; it is refused before it is opened.
    for flag in ["--json", "--list"] {
        let out = huibian(&[flag, &fifo]);
        assert_one_line_error(&out, &fifo, "is a FIFO, not a regular file");
    }
    let out = huibian(&["--json", "/dev/zero"]);
    assert_one_line_error(&out, "/dev/zero", "is a device, not a regular file");
}
