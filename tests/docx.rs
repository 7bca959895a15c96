//! Word documents: the corpus saved as .docx by python-docx reads exactly as the text files;
//! Word's automatic numbering, tables, text boxes, tracked deletions and field codes in a
//! hand-written OOXML file; bad inputs each with a one-line error.

use std::io::Write;

use huibian::doc::model::TitleMatch;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_huibian");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &str) -> String {
    let bytes = std::fs::read(path).expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let mut out = Vec::new();
    huibian::doc::export::write_json(&doc, "f", &mut out).expect("json");
    let mut value: serde_json::Value = serde_json::from_slice(&out).expect("valid");
    value["encoding"] = serde_json::Value::Null;
    value.to_string()
}

#[test]
fn the_corpus_as_docx_reads_as_the_text_files() {
    for name in [
        "000_3aa89c1d59f293ce",
        "001_149dd883a1863841",
        "002_a6a433b16e8aa61d",
        "003_c5e2716b8b7ca77e",
        "004_b94f0c5038739baf",
    ] {
        let text = json(&fixture(&format!("{name}.txt")));
        let docx = json(&fixture(&format!("docx/{name}.docx")));
        assert_eq!(
            docx, text,
            "{name}: the same reports, headings, plans and lines"
        );
    }
    let bytes = std::fs::read(fixture("docx/000_3aa89c1d59f293ce.docx")).expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    assert_eq!(doc.encoding, "docx");
}

#[test]
fn word_numbering_tables_and_text_boxes() {
    let bytes = std::fs::read(fixture("docx/numbered.docx")).expect("fixture");
    let text = huibian::doc::docx::to_text(&bytes).expect("reads");
    let lines: Vec<&str> = text.lines().collect();
    // Word's numbers, which are not in the paragraphs' text, are written in; the second
    // list starts again (a start override) and its counters are its own.
    for want in [
        "一、主要工作",
        "（一）加强组织领导。",
        "1.细化任务分工",
        "2.压实工作责任",
        "（二）强化督促检查。",
        "二、2024年工作计划",
        "（二）加强干部队伍建设。",
        "指标 | 完成",
        "项目 | 12个",
    ] {
        assert!(lines.contains(&want), "{want} in {lines:?}");
    }
    assert_eq!(lines.iter().filter(|l| **l == "一、主要工作").count(), 2);
    // A text box's words once (not its fallback copy too), before its anchor's paragraph.
    let boxed = lines
        .iter()
        .position(|l| *l == "文本框里的说明")
        .expect("text box");
    assert_eq!(lines[boxed + 1], "正文段落。");
    assert_eq!(lines.iter().filter(|l| **l == "文本框里的说明").count(), 1);
    // Deleted text and field codes are not text.
    assert!(lines.contains(&"保留的文字"));
    assert!(!text.contains("删除的文字") && !text.contains("PAGE"));
    // And the compilation parses as one written by hand.
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    assert_eq!(doc.reports.len(), 2);
    for r in &doc.reports {
        let markers: Vec<&str> = r.headings.iter().map(|h| h.marker.as_str()).collect();
        assert_eq!(markers[..3], ["一、", "（一）", "1."], "{}", r.title);
        assert!(
            r.plan.as_ref().is_some_and(|p| p.items.len() == 2),
            "{}",
            r.title
        );
    }
}

/// Runs the binary on `bytes` saved as `name`; its exit status and stderr.
fn open(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("huibian-docx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = std::fs::read(&path).expect("read");
    let out = Command::new(BIN)
        .arg(&path)
        .arg("--list")
        .output()
        .expect("runs");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the input is never written"
    );
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        for (name, bytes) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("file");
            w.write_all(bytes).expect("write");
        }
        w.finish().expect("finish");
    }
    out.into_inner()
}

#[test]
fn bad_word_files_get_one_line_that_says_what_to_do() {
    let good = std::fs::read(fixture("docx/000_3aa89c1d59f293ce.docx")).expect("fixture");
    let zeros = vec![0u8; 100 << 20];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.docx",
            good[..good.len() / 2].to_vec(),
            "damaged or incomplete .docx",
        ),
        (
            "other.docx",
            zip_of(&[("readme.txt", b"hello")]),
            "not a Word document",
        ),
        (
            "bomb.docx",
            zip_of(&[("word/document.xml", &zeros)]),
            "refused",
        ),
        (
            "old.doc",
            [
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
                &[0; 512],
            ]
            .concat(),
            "libreoffice --headless --convert-to docx",
        ),
        ("scan.pdf", b"%PDF-1.7\n%binary\n".to_vec(), "pdftotext"),
    ];
    for (name, bytes, says) in cases {
        let (code, stderr) = open(name, &bytes);
        assert_ne!(code, 0, "{name}");
        assert_eq!(stderr.lines().count(), 1, "{name}: one line: {stderr}");
        assert!(
            stderr.starts_with("huibian: ") && stderr.contains(name) && stderr.contains(says),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn damaged_word_files_never_panic() {
    let good = std::fs::read(fixture("docx/numbered.docx")).expect("fixture");
    // Deterministic damage: cuts everywhere, and bytes changed through the whole archive
    // (the deflated XML, the headers, the central directory).
    let mut seed: u64 = 0x6875_6962_6961_6e21;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for cut in (0..good.len()).step_by(37) {
        let _ = huibian::doc::parse::parse(&good[..cut]);
    }
    for _ in 0..400 {
        let mut bytes = good.clone();
        for _ in 0..1 + next() % 4 {
            let at = usize::try_from(next() % bytes.len() as u64).expect("index");
            bytes[at] = u8::try_from(next() % 256).expect("byte");
        }
        let _ = huibian::doc::parse::parse(&bytes);
    }
}

#[test]
fn headings_numbered_by_their_styles() {
    let bytes = std::fs::read(fixture("docx/styled.docx")).expect("fixture");
    let text = huibian::doc::docx::to_text(&bytes).expect("reads");
    let lines: Vec<&str> = text.lines().collect();
    // 标题 1 numbers `一、`, 标题 2 (based on it, one level down) `（一）`; a heading that turns
    // its style's numbering off has none, and does not count.
    assert_eq!(
        lines[2..],
        [
            "一、主要工作",
            "（一）加强组织领导。",
            "（二）强化督促检查。",
            "二、存在问题",
            "不编号的标题",
            "三、2024年工作计划",
            "（一）继续推进重点项目建设。",
        ]
    );
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let plan = doc.reports[0].plan.as_ref().expect("a plan part");
    assert_eq!(plan.heading.as_deref(), Some("三、2024年工作计划"));
}

#[test]
fn a_large_word_document_opens_from_its_beginning_then_whole() {
    let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 3 << 20);
    let path = std::env::temp_dir().join(format!("huibian-big-{}.docx", std::process::id()));
    std::fs::write(&path, huibian::doc::generate::as_docx(&text)).expect("write");
    assert!(std::fs::metadata(&path).expect("size").len() > huibian::edges::load::PREVIEW_BYTES);
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("a preview of its beginning");
    assert_eq!(preview.encoding, "docx");
    assert!(preview.text.as_str().len() < 1 << 20, "the beginning only");
    assert!(
        text.starts_with(preview.text.as_str()),
        "the same lines as the whole"
    );
    assert!(!preview.reports.is_empty());
    // The loader then reads it whole, as a text file.
    let whole = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
    let mut done = None;
    for event in huibian::edges::load::spawn(path.clone()) {
        if let huibian::edges::load::LoadEvent::Partial { doc, parsed: 0 } = event
            && !doc.reports.is_empty()
        {
            done = Some(doc.reports.len());
        }
    }
    assert_eq!(done, Some(whole.reports.len()));
    std::fs::remove_file(path).ok();
}

#[test]
fn word_titles_on_new_pages_are_evidence_for_reports() {
    let bytes = std::fs::read(fixture("docx/paged.docx")).expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let titles: Vec<&str> = doc.reports.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["甲局城市更新情况", "乙局乡村振兴情况", "丙局生态保护情况"]
    );
    assert!(doc.reports.iter().all(|r| r.plan.is_some()));
    // The same words as a text file: nothing says where the reports start, so it is one
    // document. Word's styles and page breaks are what told them apart.
    let text = huibian::doc::docx::to_text(&bytes).expect("reads");
    let plain = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
    assert!(plain.is_whole_text(), "{:?}", plain.reports.len());
    let (_, hints) = huibian::doc::docx::read(&bytes, None).expect("reads");
    assert_eq!(hints.titles, [1, 9, 17]);
}

#[test]
fn words_toc_field_is_the_table_of_contents() {
    let bytes = std::fs::read(fixture("docx/toc_field.docx")).expect("fixture");
    let (_, hints) = huibian::doc::docx::read(&bytes, None).expect("reads");
    assert_eq!(hints.toc_field, Some(2));
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let toc = doc.toc.as_ref().expect("the field is the 目录");
    assert_eq!((toc.first_line, toc.last_line), (2, 4));
    let starts: Vec<(usize, TitleMatch)> = doc
        .reports
        .iter()
        .map(|r| (r.line, r.title_match))
        .collect();
    assert_eq!(
        starts,
        [
            (5, TitleMatch::Exact),
            (10, TitleMatch::Exact),
            (15, TitleMatch::Exact)
        ]
    );
    // As plain text, with no `目录` line and no page numbers, the entries are not a 目录.
    let text = huibian::doc::docx::to_text(&bytes).expect("reads");
    let plain = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
    assert!(plain.toc.is_none());
}
