//! Large synthetic compilations for benchmarks and manual testing, built from real ones.
//!
//! The reports of the source compilations are repeated, each copy under a unique title, behind a
//! title line with the count and a shape-A table of contents, until the text reaches the
//! requested size. The result parses like a real compilation: one report per TOC entry.

use crate::doc::model::Compilation;

/// The five real compilations of the test corpus, the usual sources of a generated one. A
/// `const`: its text is only built into programs that use it (benchmarks, the example).
pub const CORPUS: [&str; 5] = [
    include_str!("../../tests/fixtures/000_3aa89c1d59f293ce.txt"),
    include_str!("../../tests/fixtures/001_149dd883a1863841.txt"),
    include_str!("../../tests/fixtures/002_a6a433b16e8aa61d.txt"),
    include_str!("../../tests/fixtures/003_c5e2716b8b7ca77e.txt"),
    include_str!("../../tests/fixtures/004_b94f0c5038739baf.txt"),
];
use crate::doc::parse;

/// The text blocks (title line to end line) of every report in `sources`.
fn report_blocks(sources: &[&str]) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    for source in sources {
        let Ok(c): Result<Compilation, _> = parse::parse(source.as_bytes()) else {
            continue;
        };
        for r in &c.reports {
            let body = (r.line + 1..=r.end_line)
                .map(|n| c.text.line(n))
                .collect::<Vec<_>>()
                .join("\n");
            blocks.push((r.title.clone(), body));
        }
    }
    blocks
}

/// Builds a compilation of about `target_bytes` from the reports of `sources`.
/// Report `k` is titled `第k单位` + its source title, so every title is unique.
#[must_use]
pub fn compilation(sources: &[&str], target_bytes: usize) -> String {
    let blocks = report_blocks(sources);
    if blocks.is_empty() {
        return String::new();
    }
    let mut titles = Vec::new();
    let mut body = String::with_capacity(target_bytes + 4096);
    let mut k = 0;
    while body.len() < target_bytes || titles.is_empty() {
        let (title, text) = &blocks[k % blocks.len()];
        k += 1;
        let title = format!("第{k}单位{title}");
        body.push('\n');
        body.push_str(&title);
        body.push('\n');
        body.push_str(text);
        body.push('\n');
        titles.push(title);
    }
    let mut out = String::with_capacity(body.len() + titles.len() * 64 + 128);
    out.push_str(&format!(
        "2099年度工作总结汇编\n（{}篇）\n目录\n",
        titles.len()
    ));
    for (i, t) in titles.iter().enumerate() {
        out.push_str(&format!("{}.{t}\n", i + 1));
    }
    out.push_str(&body);
    out.push_str("##paidend##\n");
    out
}

/// One report with about `headings` numbered headings (parts `一、` each with nine items
/// `1.`–`9.`), every line holding `一`: the shape that once made locating hits quadratic.
#[must_use]
pub fn one_report_with_headings(headings: usize) -> String {
    let mut text = String::from("某某局2023年工作总结\n\n某某局2023年工作总结\n");
    for part in 0..headings.div_ceil(10) {
        text.push_str(&format!("一、第{part}部分工作\n"));
        for item in 1..=9 {
            text.push_str(&format!("{item}.一项具体工作，推进第{part}批。\n"));
        }
    }
    text
}

/// `text` as a minimal Word document, a paragraph a line (for benchmarks and tests of .docx
/// input at sizes no fixture has).
///
/// # Panics
/// Never for text: writing a zip into memory cannot fail.
#[must_use]
pub fn as_docx(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::with_capacity(text.len() + text.len() / 2);
    body.push_str(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    for line in text.lines() {
        body.push_str("<w:p><w:r><w:t xml:space=\"preserve\">");
        for c in line.chars() {
            match c {
                '&' => body.push_str("&amp;"),
                '<' => body.push_str("&lt;"),
                '>' => body.push_str("&gt;"),
                c => body.push(c),
            }
        }
        body.push_str("</w:t></w:r></w:p>");
    }
    body.push_str("</w:body></w:document>");
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let written = zip
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .map_err(std::io::Error::other)
        .and_then(|()| zip.write_all(body.as_bytes()))
        .and_then(|()| zip.finish().map(drop).map_err(std::io::Error::other));
    debug_assert!(written.is_ok(), "a zip in memory");
    out.into_inner()
}
