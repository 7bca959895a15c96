//! The project's fuzzer: structured mutations of the corpus (and the hand-made fixtures) fed to
//! every pass a document goes through — decoding and parsing (whole and as a large file's
//! preview), the four exports, search with hit location, wrapping, section lookup — and to the
//! reader itself (keys and resizes on an `App`, drawn into a `TestBackend`).
//!
//! It is a `proptest` harness on stable Rust, so CI needs no nightly toolchain: each round is a
//! `TestRunner` with a fixed or random seed; a failing input is shrunk by proptest and written to
//! `tests/fixtures/fuzz/` (commit it: `regressions` below replays every file there).
//!
//! - `cargo test --test fuzz`: the regressions and a few seconds of fuzzing;
//! - `HUIBIAN_FUZZ_SECS=1800 cargo test --release --test fuzz -- --nocapture`: half an hour;
//!   `HUIBIAN_FUZZ_SEED=<hex>` replays the rounds of a seed printed by an earlier run.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use huibian::doc::export::{self, Export, PlansFormat};
use huibian::doc::model::Compilation;
use huibian::doc::search::{self, Query};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

/// The seed inputs: the five corpus compilations, the hand-made fixtures and the sample.
fn seeds() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = ["", "handmade"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(dir.join(sub)).expect("fixtures"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut seeds: Vec<Vec<u8>> = files
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect();
    seeds.push(huibian::edges::sample::SAMPLE.to_vec());
    seeds
}

/// Pieces that matter to the parser: markers with odd spacing, heads, plan wordings, line breaks,
/// characters the decoder and the terminal care about, broken encodings.
const TOKENS: &[&[u8]] = &[
    "1. ".as_bytes(),
    "（一）\u{3000}".as_bytes(),
    "一、\t".as_bytes(),
    "①\u{a0}".as_bytes(),
    "（ 十 ）".as_bytes(),
    "１．".as_bytes(),
    "1.2023年".as_bytes(),
    "第一部分 ".as_bytes(),
    "一是".as_bytes(),
    "十一".as_bytes(),
    "目录".as_bytes(),
    "目　录\n".as_bytes(),
    "（14篇）".as_bytes(),
    "汇编（8篇）\n".as_bytes(),
    "2024年工作计划\n".as_bytes(),
    "二、2025年工作安排\n".as_bytes(),
    "下一步工作打算".as_bytes(),
    "二〇二四年".as_bytes(),
    "篇一：".as_bytes(),
    "【第一篇】".as_bytes(),
    "工作总结\t3\n".as_bytes(),
    "##paidbegin##".as_bytes(),
    "##paidend##\n".as_bytes(),
    "\n".as_bytes(),
    "\r\n".as_bytes(),
    "\r".as_bytes(),
    "\n\n\n".as_bytes(),
    "\t".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{2029}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\x1b[31m".as_bytes(),
    "\x1b]52;c;aGk=\x07".as_bytes(),
    "\0".as_bytes(),
    &[0xff, 0xfe],
    &[0xfe, 0xff],
    &[0xef, 0xbb, 0xbf],
    &[0x80],
    &[0xc2, 0x85],
    &[0xe4, 0xb8],
    &[0xb9, 0xa4, 0xd7, 0xf7],
    "，".as_bytes(),
    "。".as_bytes(),
    "：".as_bytes(),
    "某某局".as_bytes(),
    "2023年工作总结和2024年工作思路\n".as_bytes(),
    "此致\n敬礼\n".as_bytes(),
    "附件：".as_bytes(),
    "篇1\n".as_bytes(),
    "范文一\n".as_bytes(),
    "- 3 -\n".as_bytes(),
    "第12页\n".as_bytes(),
    "内容导航：篇1甲局2023年工作总结篇2乙局2023年工作总结\n".as_bytes(),
    "2025年工作安排\n".as_bytes(),
    "过去一年工作回顾\n".as_bytes(),
    "二〇二五年政府工作報告\n".as_bytes(),
    "——2025年1月10日在某市人民代表大会上\n".as_bytes(),
    "第一范文网 www.diyifanwen.com\n".as_bytes(),
    "政 府 工 作 报 告\n".as_bytes(),
    "汇编（精选5篇）".as_bytes(),
    "-22篇".as_bytes(),
    " ".as_bytes(),
    "總結與計劃".as_bytes(),
    "十件民生实事\n一、".as_bytes(),
];

/// One edit of an input. Positions are `Index`es, so they scale to whatever length the input
/// has when the edit is applied, and shrink towards the start.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, usize),
    InsertLine(Index, usize),
    Delete(Index, u16),
    SetByte(Index, u8),
    Duplicate(Index, u16, Index),
    /// A run of another seed's bytes.
    Splice(usize, Index, u16, Index),
    Truncate(Index),
    /// One token many times (long lines, deep outlines).
    Repeat(Index, usize, u16),
    /// Line feeds turned into spaces over a stretch (a flattened text).
    Flatten(Index, u16),
    /// Lines cut every `n` characters over a stretch (a PDF's hard wrap).
    HardWrap(Index, u16, u8),
}

#[derive(Debug, Clone)]
struct Case {
    seed: usize,
    edits: Vec<Edit>,
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = 0..TOKENS.len();
    prop_oneof![
        4 => (any::<Index>(), token.clone()).prop_map(|(i, t)| Edit::Insert(i, t)),
        4 => (any::<Index>(), token.clone()).prop_map(|(i, t)| Edit::InsertLine(i, t)),
        2 => (any::<Index>(), 1..400u16).prop_map(|(i, n)| Edit::Delete(i, n)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::SetByte(i, b)),
        2 => (any::<Index>(), 1..2000u16, any::<Index>())
            .prop_map(|(i, n, to)| Edit::Duplicate(i, n, to)),
        2 => (0..64usize, any::<Index>(), 1..2000u16, any::<Index>())
            .prop_map(|(s, i, n, to)| Edit::Splice(s, i, n, to)),
        1 => any::<Index>().prop_map(Edit::Truncate),
        1 => (any::<Index>(), token, 1..3000u16).prop_map(|(i, t, n)| Edit::Repeat(i, t, n)),
        1 => (any::<Index>(), 1..30000u16).prop_map(|(i, n)| Edit::Flatten(i, n)),
        1 => (any::<Index>(), 1..20000u16, 16..40u8).prop_map(|(i, n, w)| Edit::HardWrap(i, n, w)),
    ]
}

fn case(seed_count: usize) -> impl Strategy<Value = Case> {
    (0..seed_count, prop::collection::vec(edit(), 0..12))
        .prop_map(|(seed, edits)| Case { seed, edits })
}

/// Where a line starting at or after `at` begins (so a line edit inserts whole lines).
fn line_start(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i + 1)
}

fn materialize(seeds: &[Vec<u8>], case: &Case) -> Vec<u8> {
    let mut b = seeds[case.seed % seeds.len()].clone();
    for e in &case.edits {
        apply(&mut b, e, seeds);
    }
    b
}

/// A place in `b` named by `i` (anywhere up to its end).
fn at(b: &[u8], i: &Index) -> usize {
    if b.is_empty() {
        0
    } else {
        i.index(b.len() + 1)
    }
}

/// One edit of the input, `seeds` for the splices.
fn apply(b: &mut Vec<u8>, e: &Edit, seeds: &[Vec<u8>]) {
    match e {
        Edit::Insert(i, t) => {
            let p = at(b, i);
            b.splice(p..p, TOKENS[*t].iter().copied());
        }
        Edit::InsertLine(i, t) => {
            let p = line_start(b, at(b, i));
            let mut line = TOKENS[*t].to_vec();
            line.push(b'\n');
            b.splice(p..p, line);
        }
        Edit::Delete(i, n) => {
            let p = at(b, i);
            let end = (p + usize::from(*n)).min(b.len());
            b.drain(p..end);
        }
        Edit::SetByte(i, v) => {
            if !b.is_empty() {
                let p = i.index(b.len());
                b[p] = *v;
            }
        }
        Edit::Duplicate(i, n, to) => {
            let p = at(b, i);
            let run = b[p..(p + usize::from(*n)).min(b.len())].to_vec();
            let q = at(b, to);
            b.splice(q..q, run);
        }
        Edit::Splice(s, i, n, to) => {
            let other = &seeds[s % seeds.len()];
            let p = if other.is_empty() {
                0
            } else {
                i.index(other.len())
            };
            let run = other[p..(p + usize::from(*n)).min(other.len())].to_vec();
            let q = at(b, to);
            b.splice(q..q, run);
        }
        Edit::Truncate(i) => {
            let p = at(b, i);
            b.truncate(p);
        }
        Edit::Repeat(i, t, n) => {
            let p = at(b, i);
            b.splice(p..p, TOKENS[*t].repeat(usize::from(*n)));
        }
        Edit::Flatten(i, n) => {
            let p = at(b, i);
            let end = (p + usize::from(*n)).min(b.len());
            for byte in &mut b[p..end] {
                if *byte == b'\n' {
                    *byte = b' ';
                }
            }
        }
        Edit::HardWrap(i, n, width) => hard_wrap(b, at(b, i), usize::from(*n), usize::from(*width)),
    }
}

/// `n` bytes from `p` cut into lines of `width` characters.
fn hard_wrap(b: &mut Vec<u8>, p: usize, n: usize, width: usize) {
    let end = (p + n).min(b.len());
    let stretch = String::from_utf8_lossy(&b[p..end]).into_owned();
    let mut wrapped = String::new();
    for line in stretch.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(width) {
            wrapped.extend(piece);
            wrapped.push('\n');
        }
    }
    b.splice(p..end, wrapped.into_bytes());
}

/// Every pass over one input. Panics (the harness's failures) on a crash or on output that
/// breaks a promise: JSON that does not parse, raw escape or bidi characters in a text export.
fn exercise(bytes: &[u8]) {
    // A large file's preview: its first part cut after a line feed, decoded and parsed alone.
    if let Some(cut) = bytes[..bytes.len() / 2].iter().rposition(|&b| b == b'\n')
        && let Ok(d) = huibian::doc::parse::decode::decode_owned(bytes[..=cut].to_vec())
    {
        let _ = huibian::doc::parse::parse_text(d.text, d.encoding);
    }
    let Ok(doc) = huibian::doc::parse::parse(bytes) else {
        return;
    };
    exports(&doc);
    searches(&doc);
    wrapping(&doc);
    sections(&doc);
    tracking(&doc);
    reader(doc);
}

/// The offices and years of the document's reports, each report's plan part set beside every
/// other report's review, and `--track`'s pages of the first office: never a panic, and text
/// pages safe for a terminal.
fn tracking(doc: &Compilation) {
    use huibian::doc::track;
    let offices = track::offices([Some(doc)], &[]);
    for r in 0..doc.reports.len().min(6) {
        let plan = track::passage::plan_passages(doc, r);
        let review = track::passage::review_passages(doc, (r + 1) % doc.reports.len());
        let a = track::align::align(plan, review);
        assert!(a.pairs().all(|(_, m)| m.score > 0.0));
    }
    if let Some(office) = offices.first() {
        let timeline = track::Timeline::new(office, |_| Some(doc));
        let names = ["fuzz.txt".to_owned()];
        let docs = [Some(doc)];
        let books = track::write::Books {
            names: &names,
            docs: &docs,
        };
        let mut out = Vec::new();
        track::write::json(&timeline, &books, &mut out).expect("json");
        serde_json::from_slice::<serde_json::Value>(&out).expect("the track JSON parses");
    }
}

fn exports(doc: &Compilation) {
    let mut json = Vec::new();
    export::write_json(doc, "fuzz.txt", &mut json).expect("json");
    serde_json::from_slice::<serde_json::Value>(&json).expect("the JSON export parses");
    for what in [
        Export::List,
        Export::Plans(PlansFormat::Text),
        Export::Plans(PlansFormat::Markdown),
    ] {
        let mut out = Vec::new();
        export::write(doc, what, &mut out).expect("export");
        assert_terminal_safe(&out);
    }
}

/// Text meant for a terminal holds no control character but LF and TAB, and no character that
/// reorders or breaks lines.
fn assert_terminal_safe(out: &[u8]) {
    let s = String::from_utf8_lossy(out);
    let bad = s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "raw {bad:?} in an export");
}

fn searches(doc: &Compilation) {
    for (text, regex) in [
        ("一", false),
        ("工作", false),
        ("(一)", false),
        (r"\d+年", true),
    ] {
        let re = search::compile(&Query {
            text: text.into(),
            regex,
        })
        .expect("compiles");
        let mut out = Vec::new();
        export::write_search(doc, &re, &mut out).expect("search");
        assert_terminal_safe(&out);
        let hits = search::find_all(&re, doc.text.as_str());
        for h in hits.iter().take(200) {
            let p = search::place(doc, h.start);
            let _ = search::location(doc, p.line);
            let _ = search::find_from(&re, doc.text.as_str(), h.start + 1);
            let _ = search::find_before(&re, doc.text.as_str(), h.start);
        }
    }
}

fn wrapping(doc: &Compilation) {
    for width in [1, 2, 7, 40] {
        for ambiguous in [false, true] {
            let view = huibian::doc::view::DocView::new(doc, width, ambiguous);
            for no in 1..=doc.text.line_count().min(3000) {
                let _ = view.rows(no);
            }
        }
    }
}

fn sections(doc: &Compilation) {
    for spec in ["1", "1/plan", "1/一", "1/一/（一）", "2/二", "0", "99/x"] {
        if let Ok(piece) = huibian::doc::copy::resolve_spec(doc, spec) {
            let _ = piece.text(doc, true);
        }
    }
    for r in 0..doc.reports.len().min(30) {
        let _ = huibian::doc::copy::report(doc, r);
        let _ = huibian::doc::copy::plan(doc, r);
        for i in 0..doc.reports[r].headings.len().min(30) {
            let _ = huibian::doc::copy::section(doc, r, i);
        }
    }
}

/// The reader on the input: a fixed tour of keys and sizes, drawn after each step.
fn reader(doc: Compilation) {
    use huibian::reader::app::{App, Msg, Settings};
    use huibian::reader::input::{Event, Input, step};
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = App::new(doc, Settings::default());
    let mut input = Input::new(std::sync::Arc::clone(&app.settings().keymap));
    for (keys, (w, h)) in [
        ("jjj]]}G", (80, 24)),
        ("/一<Enter>nN&<Enter>", (30, 10)),
        ("gg<Tab>jj<Enter>", (120, 40)),
        ("P:5<Enter>vjy", (12, 5)),
        ("<Esc>zazMzR?G<Esc>", (200, 3)),
    ] {
        app.update(Msg::Resize(w, h));
        for key in huibian::reader::key::keys(keys) {
            let _ = step(&mut app, &mut input, &[Event::Key(key)]);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| huibian::ui::render(f, &app))
            .expect("draw");
    }
}

fn crash_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

/// Every input the fuzzer ever crashed on, replayed.
#[test]
fn regressions() {
    let Ok(dir) = std::fs::read_dir(crash_dir()) else {
        return;
    };
    for entry in dir.filter_map(Result::ok) {
        let bytes = std::fs::read(entry.path()).expect("crash file");
        exercise(&bytes);
    }
}

fn seed_from_env_or_clock() -> [u8; 32] {
    let value = std::env::var("HUIBIAN_FUZZ_SEED")
        .ok()
        .and_then(|s| u64::from_str_radix(&s, 16).ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    seed_bytes(value)
}

fn seed_bytes(v: u64) -> [u8; 32] {
    let mut s = [0u8; 32];
    for (i, chunk) in s.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&(v ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).to_le_bytes());
    }
    s
}

/// Runs rounds of `cases` cases from `seed` until `budget` is spent (at least one round);
/// returns the cases run.
fn fuzz(name: &str, seed: u64, budget: Duration, cases: u32) -> u64 {
    let seeds = seeds();
    let strategy = case(seeds.len());
    let deadline = Instant::now() + budget;
    let mut ran = 0u64;
    let mut round = 0u64;
    // A crash is reported by the harness, not by the default hook's several lines per attempt
    // while proptest shrinks it.
    let quiet = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut failure = None;
    while (round == 0 || Instant::now() < deadline) && failure.is_none() {
        let config = Config {
            cases,
            failure_persistence: None,
            max_shrink_iters: 2000,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed ^ round));
        let mut runner = TestRunner::new_with_rng(config, rng);
        let result = runner.run(&strategy, |c| {
            let bytes = materialize(&seeds, &c);
            panic::catch_unwind(AssertUnwindSafe(|| exercise(&bytes)))
                .map_err(|e| TestCaseError::fail(panic_text(&e)))
        });
        ran += u64::from(cases);
        round += 1;
        if let Err(TestError::Fail(reason, c)) = result {
            failure = Some((reason, materialize(&seeds, &c)));
        }
    }
    panic::set_hook(quiet);
    eprintln!("fuzz {name}: seed {seed:x}, {ran} cases in {round} rounds");
    if let Some((reason, bytes)) = failure {
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let dir = crash_dir();
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("crash-{hash:016x}.bin"));
        let _ = std::fs::File::create(&path).and_then(|mut f| f.write_all(&bytes));
        panic!(
            "fuzz {name}: seed {seed:x}: {reason}; input ({} bytes) written to {}",
            bytes.len(),
            path.display()
        );
    }
    ran
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".into())
}

/// `HUIBIAN_FUZZ_SECS` seconds split between a fixed seed (the same cases every run) and a
/// random one (new cases every run); when unset, one short round of each (the test suite stays
/// lean; CI runs the long one).
#[test]
fn fuzz_corpus_mutations() {
    let secs: Option<u64> = std::env::var("HUIBIAN_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok());
    let half = Duration::from_secs(secs.unwrap_or(0)) / 2;
    let cases = if secs.is_some() { 64 } else { 6 };
    let fixed = fuzz("fixed", 0x6875_6962_6961_6e21, half, cases);
    let random = u64::from_le_bytes(
        seed_from_env_or_clock()[..8]
            .try_into()
            .expect("eight bytes"),
    );
    let more = fuzz("random", random, half, cases);
    assert!(fixed + more > 0);
}
