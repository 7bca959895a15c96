//! The shapes compilations take beyond the corpus (`docs/real-world.md`), made from the corpus by
//! real transformations — the 目录 flattened onto one line or dropped, `篇N：` or `【第N篇】`
//! markers instead, the count moved onto the title line, full-width punctuation folded to ASCII,
//! traditional script (converted with a conversion-table crate, not with the parser's own
//! table) — each checked against what a careful reader finds in the original: the same
//! reports, each report's first body sentence, its plan part's first sentence. Then real
//! 政府工作报告 (`fixtures/years/`), whose plan part is about the year they are given in.
//!
//! `cargo test --test wild -- --ignored` writes every made fixture to `tests/fixtures/wild/`
//! for reading by eye.

mod common;

use huibian::doc::model::{Compilation, TitleMatch};

const CORPUS: [&str; 5] = [
    "000_3aa89c1d59f293ce.txt",
    "001_149dd883a1863841.txt",
    "002_a6a433b16e8aa61d.txt",
    "003_c5e2716b8b7ca77e.txt",
    "004_b94f0c5038739baf.txt",
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn parse(text: &str) -> Compilation {
    huibian::doc::parse::parse(text.as_bytes()).expect("every text opens")
}

/// A transformation of a whole compilation, given its text and the original's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The 目录 (header and entries) joined onto one line.
    OneLineToc,
    /// No 目录 at all.
    NoToc,
    /// No 目录; every report title prefixed with `篇N：`.
    PianMarkers,
    /// No 目录; a line `【第N篇】` above every report title.
    BracketMarkers,
    /// The count `（N篇）` moved from its own line onto the title line.
    CountOnTitleLine,
    /// Full-width `，（）：；` folded to ASCII by a copy step.
    AsciiPunctuation,
    /// Traditional script.
    Traditional,
    /// A website's watermark line every 17 lines.
    Watermarks,
    /// A PDF's text: paragraphs indented, every line cut at 32 characters, a page number
    /// `- N -` every 40 lines.
    HardWrap,
    /// The whole compilation after its first line flattened onto one line, its line breaks
    /// turned into spaces.
    Flattened,
}

const SHAPES: [Shape; 10] = [
    Shape::OneLineToc,
    Shape::NoToc,
    Shape::PianMarkers,
    Shape::BracketMarkers,
    Shape::CountOnTitleLine,
    Shape::AsciiPunctuation,
    Shape::Traditional,
    Shape::Watermarks,
    Shape::HardWrap,
    Shape::Flattened,
];

/// Simplified → traditional with OpenCC's tables (phrases first, then characters).
fn to_traditional(s: &str) -> String {
    use std::sync::OnceLock;
    static S2T: OnceLock<ferrous_opencc::OpenCC> = OnceLock::new();
    S2T.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t)
            .expect("OpenCC s2t")
    })
    .convert(s)
}

fn han(n: usize) -> String {
    huibian::doc::parse::lexis::han_numeral(u32::try_from(n).expect("a small number"))
}

impl Shape {
    /// What the shape does to a piece of text (for the sentences expected after it).
    fn text(self, s: &str) -> String {
        match self {
            Self::AsciiPunctuation => s
                .replace('，', ",")
                .replace('（', "(")
                .replace('）', ")")
                .replace('：', ":")
                .replace('；', ";"),
            Self::Traditional => to_traditional(s),
            _ => s.to_owned(),
        }
    }

    fn apply(self, text: &str, doc: &Compilation) -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        let toc_lines = doc.toc.as_ref().map(|t| {
            let first = t.header_line.unwrap_or(t.first_line);
            (first, t.last_line)
        });
        let without_toc = |lines: &[&str]| -> Vec<String> {
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| toc_lines.is_none_or(|(a, b)| !(a..=b).contains(&(i + 1))))
                .map(|(_, l)| (*l).to_owned())
                .collect()
        };
        let title_lines: Vec<usize> = doc.reports.iter().map(|r| title_line(doc, r)).collect();
        let report_of = |i: usize| title_lines.iter().position(|&l| l == i + 1);
        match self {
            Self::OneLineToc => one_line_toc(text, &lines, toc_lines),
            Self::NoToc => without_toc(&lines).join("\n"),
            Self::PianMarkers | Self::BracketMarkers => {
                let marked: Vec<String> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| match report_of(i) {
                        Some(r) if self == Self::PianMarkers => {
                            format!("篇{}：{}", han(r + 1), l.trim())
                        }
                        Some(r) => format!("【第{}篇】\n{l}", han(r + 1)),
                        None => (*l).to_owned(),
                    })
                    .collect();
                let refs: Vec<&str> = marked.iter().map(String::as_str).collect();
                without_toc(&refs).join("\n")
            }
            Self::CountOnTitleLine => count_on_title_line(text, &lines, doc),
            Self::AsciiPunctuation | Self::Traditional => self.text(text),
            Self::HardWrap => hard_wrap(&lines),
            Self::Flattened => flattened(&lines),
            Self::Watermarks => watermarked(&lines),
        }
    }
}

/// The count (`（14篇）`) moved from its own line to the end of the title line.
fn count_on_title_line(text: &str, lines: &[&str], doc: &Compilation) -> String {
    match (doc.title_line, doc.declared_count_line) {
        (Some(t), Some(c)) if t != c => {
            let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            let count = out[c - 1].trim().to_owned();
            out[t - 1] = format!("{}{count}", out[t - 1].trim_end());
            out.remove(c - 1);
            out.join("\n")
        }
        _ => text.to_owned(),
    }
}

/// Everything after the title line on one line.
fn flattened(lines: &[&str]) -> String {
    let rest: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    format!("{}\n{}\n", lines[0], rest.join(" "))
}

/// A site's watermark line after every 17th line.
fn watermarked(lines: &[&str]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i % 17 == 16 {
                format!("{l}\n第一范文网 www.diyifanwen.com")
            } else {
                (*l).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text as a PDF's text comes out: lines cut at 32 characters, paragraphs (not titles)
/// indented by two ideographic spaces, a page number every 40 lines.
fn hard_wrap(lines: &[&str]) -> String {
    let mut out = Vec::new();
    let mut cut = 0;
    for &line in lines {
        // As a PDF's text comes out: paragraphs (not titles) indented by two
        // ideographic spaces.
        let indented = if line.chars().count() <= 40
            || line.starts_with(char::is_whitespace)
            || huibian::doc::parse::heading::classify(line.trim()).is_some()
        {
            line.to_owned()
        } else {
            format!("\u{3000}\u{3000}{line}")
        };
        let chars: Vec<char> = indented.chars().collect();
        if chars.is_empty() {
            out.push(String::new());
        }
        for piece in chars.chunks(32) {
            out.push(piece.iter().collect());
            cut += 1;
            if cut % 40 == 0 {
                out.push(format!("- {} -", cut / 40 + 1));
            }
        }
    }
    out.join("\n")
}

/// The 目录's lines joined into one.
fn one_line_toc(text: &str, lines: &[&str], toc_lines: Option<(usize, usize)>) -> String {
    let Some((a, b)) = toc_lines else {
        return text.to_owned();
    };
    let joined = lines[a - 1..b]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: Vec<String> = lines[..a - 1].iter().map(|l| (*l).to_owned()).collect();
    out.push(joined);
    out.extend(lines[b..].iter().map(|l| (*l).to_owned()));
    out.join("\n")
}

/// A report as a careful reader sums it up: its first body sentence and its plan part's.
#[derive(Debug, PartialEq, Eq)]
struct Summary {
    first_sentence: String,
    plan_sentence: Option<String>,
}

/// The line holding a report's title (below a marker line, if there is one).
fn title_line(doc: &Compilation, r: &huibian::doc::model::Report) -> usize {
    (r.line..=r.end_line)
        .find(|&n| doc.text.trimmed(n).ends_with(r.title.as_str()))
        .unwrap_or(r.line)
}

/// The start of a line's first sentence: 16 characters, which a line cut at 32 still holds
/// whole when the sentence starts the line.
fn sentence(line: &str) -> String {
    let line = line.trim();
    let end = line.find('。').map_or(line.len(), |i| i + '。'.len_utf8());
    line[..end].chars().take(16).collect()
}

fn summaries(doc: &Compilation) -> Vec<Summary> {
    doc.reports
        .iter()
        .map(|r| {
            let body = (title_line(doc, r) + 1..=r.end_line)
                .find(|&n| !doc.text.is_blank(n) && !doc.is_artefact_line(n))
                .map(|n| sentence(doc.text.line(n)))
                .unwrap_or_default();
            Summary {
                first_sentence: body,
                plan_sentence: r
                    .plan
                    .as_ref()
                    .map(|p| sentence(doc.text.line(p.start_line))),
            }
        })
        .collect()
}

/// What a shape must keep: the reports, their titles (when the shape keeps them as they are),
/// each first body sentence and each plan part's first sentence.
fn check(file: &str, shape: Shape) -> Result<(), String> {
    let text = fixture(file);
    let original = parse(&text);
    let made = shape.apply(&text, &original);
    let doc = parse(&made);
    let name = format!("{file} {shape:?}");
    if doc.reports.len() != original.reports.len() {
        return Err(format!(
            "{name}: {} reports, not {}",
            doc.reports.len(),
            original.reports.len()
        ));
    }
    for (i, (got, want)) in doc.reports.iter().zip(&original.reports).enumerate() {
        if got.title != shape.text(&want.title) {
            return Err(format!(
                "{name}: report {i} titled {:?}, not {:?}",
                got.title, want.title
            ));
        }
    }
    let expected: Vec<Summary> = summaries(&original)
        .into_iter()
        .map(|s| Summary {
            first_sentence: shape.text(&s.first_sentence),
            plan_sentence: s.plan_sentence.map(|p| shape.text(&p)),
        })
        .collect();
    for (i, (got, want)) in summaries(&doc).iter().zip(&expected).enumerate() {
        if got != want {
            return Err(format!("{name}: report {i}: {got:?}, not {want:?}"));
        }
    }
    if shape == Shape::CountOnTitleLine && doc.declared_count != original.declared_count {
        return Err(format!("{name}: count {:?}", doc.declared_count));
    }
    Ok(())
}

#[test]
fn every_shape_of_every_corpus_file_keeps_its_structure() {
    let failures: Vec<String> = CORPUS
        .iter()
        .flat_map(|f| SHAPES.iter().map(move |&s| check(f, s)))
        .filter_map(Result::err)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn found_by_says_how_each_report_was_found() {
    let text = fixture(CORPUS[0]);
    let original = parse(&text);
    for (shape, found) in [
        (Shape::PianMarkers, TitleMatch::Marker),
        (Shape::NoToc, TitleMatch::Heuristic),
        (Shape::AsciiPunctuation, TitleMatch::Exact),
    ] {
        let doc = parse(&shape.apply(&text, &original));
        assert!(
            doc.reports.iter().all(|r| r.title_match == found),
            "{shape:?}"
        );
    }
}

/// Every pair of shapes one after the other (a one-line 目录 in traditional script, markers with
/// watermarks …), on every corpus file: the same reports and plan parts, and no panic. All 445
/// pairs (flattening only last, and not after hard wrapping), not a random sample, so a failure is the same on every run.
#[test]
fn two_shapes_in_a_row_keep_the_structure() {
    let mut failures = Vec::new();
    for file in CORPUS {
        let text = fixture(file);
        let original = parse(&text);
        let plans = summaries(&original);
        // Flattening comes last: after it the model's lines are the split text's, which the
        // line-based shapes cannot be applied to.
        for a in SHAPES.into_iter().filter(|&a| a != Shape::Flattened) {
            let once = a.apply(&text, &original);
            let once_doc = parse(&once);
            // A PDF's cut lines joined by spaces read as a paragraph per cut line: no reader
            // could tell those spaces from paragraph breaks.
            for b in SHAPES
                .into_iter()
                .filter(|&b| !(a == Shape::HardWrap && b == Shape::Flattened))
            {
                let doc = parse(&b.apply(&once, &once_doc));
                let want: Vec<Option<String>> = plans
                    .iter()
                    .map(|s| s.plan_sentence.as_ref().map(|p| b.text(&a.text(p))))
                    .collect();
                let got: Vec<Option<String>> = summaries(&doc)
                    .into_iter()
                    .map(|s| s.plan_sentence)
                    .collect();
                if doc.reports.len() != original.reports.len() {
                    failures.push(format!(
                        "{file}: {a:?} then {b:?}: {} reports",
                        doc.reports.len()
                    ));
                } else if let Some(i) = (0..got.len()).find(|&i| got[i] != want[i]) {
                    failures.push(format!(
                        "{file}: {a:?} then {b:?}: report {i}: plan {:?}, not {:?}",
                        got[i], want[i]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One year of the district's reports, as `fixtures/years/expected.json` describes it.
#[derive(serde::Deserialize)]
struct Year {
    file: String,
    year: u32,
    review_heading: Line,
    plan_heading: Line,
}

#[derive(serde::Deserialize)]
struct Line {
    line: usize,
    text: String,
}

#[test]
fn government_work_reports_plan_the_year_they_are_given_in() {
    let dir = format!("{}/tests/fixtures/years", env!("CARGO_MANIFEST_DIR"));
    let years: Vec<Year> = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/expected.json")).expect("expected"),
    )
    .expect("json");
    assert_eq!(years.len(), 8);
    for y in years {
        let name = y.file.rsplit('/').next().expect("name");
        let bytes = std::fs::read(format!("{dir}/{name}")).expect("report");
        let doc = huibian::doc::parse::parse(&bytes).expect("opens");
        assert_eq!(doc.encoding, "gb18030", "{name}");
        // One report: its title over a dateline, or (no title) the whole text, said so.
        assert_eq!(doc.reports.len(), 1, "{name}");
        let r = &doc.reports[0];
        assert!(
            matches!(r.title_match, TitleMatch::Whole | TitleMatch::Heuristic),
            "{name}"
        );
        // Its first line: the title, closed up if it was spaced out, or (2017, which has none)
        // the dateline without its dashes.
        assert!(
            r.title == "政府工作报告" || r.title.starts_with(&format!("{}年", y.year)),
            "{name}: {}",
            r.title
        );
        let plan = r
            .plan
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no plan part"));
        assert_eq!(plan.heading_line, Some(y.plan_heading.line), "{name}");
        assert!(
            plan.heading
                .as_deref()
                .is_some_and(|h| h.contains(&y.year.to_string())),
            "{name}: the plan is about {}",
            y.year
        );
        assert!(plan.items.len() >= 4, "{name}: {} items", plan.items.len());
        let review = r
            .headings
            .iter()
            .find(|h| h.line == y.review_heading.line)
            .unwrap_or_else(|| panic!("{name}: no heading at {}", y.review_heading.line));
        assert_eq!(review.level, 1, "{name}");
        assert!(
            y.review_heading.text.ends_with(review.text.as_str()),
            "{name}"
        );
    }
}

/// Shapes made by hand where the corpus has no example: a 政府工作报告 with its part headings
/// unnumbered and an appendix numbered again, in traditional script with years in Chinese
/// digits; a 工作要点 (all plan); prose with no report in it.
#[test]
fn hand_made_government_report_shapes() {
    let report = "二〇二五年政府工作報告\n——2025年1月10日在某市第十屆人民代表大會第五次會議上\n\n\
        各位代表：\n現在，我代表市人民政府作報告。\n\
        2024年工作回顧\n（一）經濟穩中向好。全年生產總值增長5%。\n（二）民生持續改善。\n\
        2025年工作安排\n今年是“十四五”規劃收官之年。\n（一）著力擴大內需。\n（二）加快產業升級。\n（三）持續保障民生。\n\
        各位代表，讓我們團結奮鬥！\n\n2025年十件民生實事\n一、新建學校三所。\n二、改造老舊小區。\n三、新增養老床位。\n";
    let doc = parse(report);
    assert_eq!(doc.reports.len(), 1);
    let r = &doc.reports[0];
    let plan = r.plan.as_ref().expect("a plan part");
    assert_eq!(plan.heading.as_deref(), Some("2025年工作安排"));
    assert_eq!(
        plan.items
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>(),
        vec![
            "（一）著力擴大內需。",
            "（二）加快產業升級。",
            "（三）持續保障民生。"
        ]
    );
    let tops: Vec<&str> = r
        .headings
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.text.as_str())
        .collect();
    // The appendix is a part of its own, its 一、…三、 under it, not the report's main parts.
    assert_eq!(
        tops,
        vec!["2024年工作回顧", "2025年工作安排", "2025年十件民生實事"]
    );
    assert!(
        plan.end_line
            < r.headings
                .iter()
                .find(|h| h.text.contains("民生實事"))
                .map_or(0, |h| h.line)
    );

    let points = parse(
        "某局2025年工作要点\n\n某局2025年工作要点\n一、抓好项目建设。\n二、优化营商环境。\n三、加强队伍建设。\n",
    );
    let plan = points.reports[0].plan.as_ref().expect("all plan");
    assert_eq!(plan.kind, huibian::doc::model::PlanKind::Whole);
    assert_eq!(plan.items.len(), 3);

    let prose = parse("今天天气很好。\n我们去公园散步。\n");
    assert_eq!(prose.reports.len(), 1);
    assert_eq!(prose.reports[0].title_match, TitleMatch::Whole);
    assert!(prose.reports[0].plan.is_none());
}

#[test]
#[ignore = "writes tests/fixtures/wild/"]
fn write_the_made_fixtures() {
    let dir = format!("{}/tests/fixtures/wild", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).expect("dir");
    for file in CORPUS {
        let text = fixture(file);
        let doc = parse(&text);
        for shape in SHAPES {
            let name = format!("{dir}/{}_{shape:?}.txt", &file[..3]);
            std::fs::write(name, shape.apply(&text, &doc)).expect("write");
        }
    }
}

/// A small report under `title`, with a plan part.
fn body(title: &str) -> String {
    format!(
        "{title}\n2023年，我局认真贯彻落实各项部署，工作取得成效。\n一、主要工作\n\
         （一）加强组织领导。\n二、2024年工作计划\n（一）继续推进项目建设。\n（二）加强队伍建设。\n"
    )
}

/// `f` of each title (with its index), joined by line breaks.
fn each_title(titles: &[&str], f: &dyn Fn(usize, &str) -> String) -> String {
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| f(i, t))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The shapes [`hand_made_heads_and_boundaries`] reads: (name, text, how the starts are
/// found).
fn hand_made_cases(titles: &[&str; 3]) -> Vec<(&'static str, String, TitleMatch)> {
    let each = |f: &dyn Fn(usize, &str) -> String| each_title(titles, f);
    let han = ["一", "二", "三"];
    vec![
        (
            "内容导航 and 篇N lines",
            format!(
                "2023年工作总结（精选3篇）\n内容导航：{}\n\n{}",
                titles
                    .iter()
                    .enumerate()
                    .map(|(i, t)| format!("篇{}{t}", i + 1))
                    .collect::<String>(),
                each(&|i, t| format!("篇{}\n{}", i + 1, body(t)))
            ),
            TitleMatch::Marker,
        ),
        (
            "范文N lines",
            format!(
                "2023年工作总结范文\n\n{}",
                each(&|i, t| format!("范文{}\n{}", han[i], body(t)))
            ),
            TitleMatch::Marker,
        ),
        (
            "title over two lines",
            format!(
                "汇编\n\n{}",
                each(&|_, t| body(&format!("{}\n{}", &t[..12], &t[12..])))
            ),
            TitleMatch::Heuristic,
        ),
        (
            "spaced-out title",
            format!(
                "汇编\n\n{}",
                each(&|_, t| body(&t.chars().map(String::from).collect::<Vec<_>>().join(" ")))
            ),
            TitleMatch::Heuristic,
        ),
        (
            "repeated title and a site's line",
            format!(
                "2023年工作总结汇编-3篇\n2023年工作总结汇编-3篇\n下面是小编为大家整理的2023年工作总结汇编，供大家参考。\n\n{}",
                each(&|_, t| body(t))
            ),
            TitleMatch::Heuristic,
        ),
    ]
}

/// Heads and boundaries of `real-world.md` §2–3 where the corpus has none: a `内容导航` line and
/// `篇1` markers on lines of their own, `范文一` markers, a title broken over two lines, a
/// subtitle after a dash, a spaced-out title, a repeated title with a site's line, and the
/// count in every position.
#[test]
fn hand_made_heads_and_boundaries() {
    let titles = [
        "甲县甲局2023年工作总结",
        "乙县乙局2023年工作总结",
        "丙县丙局2023年工作总结",
    ];
    let cases = hand_made_cases(&titles);
    for (name, text, found) in cases {
        let doc = parse(&text);
        let got: Vec<&str> = doc.reports.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(got, titles, "{name}");
        assert!(doc.reports.iter().all(|r| r.title_match == found), "{name}");
        assert!(
            doc.reports.iter().all(|r| r.plan.is_some()),
            "{name}: plan parts"
        );
    }
    let doc = parse("2023年工作总结（精选3篇）\n\n甲局2023年工作总结\n正文。\n");
    assert_eq!(
        (doc.name.as_deref(), doc.declared_count),
        (Some("2023年工作总结"), Some(3))
    );
}

/// In a hard-wrapped text a word cut by a soft break (`习` at the end of one line, `近平` at the
/// start of the next) is found by a search, shown whole (the paragraph reflowed) and
/// highlighted, and page numbers are kept out of the report and off the screen.
/// Six paragraphs hard-wrapped at 18 characters, each followed by a page number.
fn soft_wrapped() -> Compilation {
    let paragraph = "全局上下团结一致奋发有为坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，扎实推进各项工作。";
    let mut text = String::from("某局2023年工作总结\n");
    for k in 0..6 {
        let chars: Vec<char> = format!("\u{3000}\u{3000}{paragraph}").chars().collect();
        for chunk in chars.chunks(18) {
            text.extend(chunk);
            text.push('\n');
        }
        text.push_str(&format!("- {} -\n", k + 1));
    }
    let doc = parse(&text);
    assert_eq!(doc.wrap_width, Some(18));
    assert!(
        doc.is_artefact_line(
            doc.text
                .as_str()
                .lines()
                .position(|l| l == "- 1 -")
                .expect("a page number")
                + 1
        )
    );
    doc
}

#[test]
fn search_reads_across_soft_breaks_in_exports() {
    let doc = soft_wrapped();
    let mut out = Vec::new();
    huibian::doc::export::write_search(
        &doc,
        &huibian::doc::search::compile_in(
            &doc,
            &huibian::doc::search::Query {
                text: "习近平".into(),
                regex: false,
            },
        )
        .unwrap(),
        &mut out,
    )
    .unwrap();
    // `习` ends the first line of each paragraph, `近平` opens the next: one hit in each.
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 6);
}

#[test]
fn search_reads_across_soft_breaks_on_screen() {
    use huibian::reader::app::Settings;
    use ratatui::{Terminal, backend::TestBackend};
    let doc = soft_wrapped();
    let settings = Settings {
        theme: "mono".into(),
        color: huibian::reader::theme::ColorMode::Never,
        ..Settings::default()
    };
    let mut app = common::Reader::new(doc, settings);
    app.update(huibian::reader::app::Msg::Resize(100, 20));
    common::press(&mut app, "/习近平<Enter>");
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    terminal.draw(|f| huibian::ui::render(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let cell_of = |c: &str, after: u16| {
        (after..20)
            .flat_map(|y| (0..100).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == c)
            .unwrap_or_else(|| panic!("{c} on screen"))
    };
    let (xi, yi) = cell_of("习", 1);
    let (xj, yj) = cell_of("近", yi);
    let (xp, yp) = cell_of("平", yj);
    // Shown by paragraph: the cut `习` / `近平` is one word on screen again.
    assert_eq!((yj, yp), (yi, yi), "习近平 on one row");
    assert_eq!((xj, xp), (xi + 2, xi + 4));
    let plain = buf[(xi.saturating_sub(2), yi)].style();
    for x in [xi, xj, xp] {
        assert_ne!(
            buf[(x, yi)].style(),
            plain,
            "({x},{yi}) is highlighted as a hit"
        );
    }
    // The page numbers are not shown.
    let screen: String = (0..20)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    assert!(!screen.contains("- 1 -"), "{screen}");
}

/// A hard-wrapped compilation read as paragraphs: scrolling a row at a time down to the end and
/// back up again passes the same rows, no row is wider than the pane, jumps land on titles, and
/// a search hit inside a paragraph is brought on screen.
#[test]
fn a_hard_wrapped_compilation_scrolls_by_paragraph() {
    use huibian::doc::view::{Anchor, DocView};
    let text = fixture(CORPUS[0]);
    let made = Shape::HardWrap.apply(&text, &parse(&text));
    let doc = parse(&made);
    assert_eq!(doc.wrap_width, Some(32));
    for width in [20, 47, 90] {
        let view = DocView::new(&doc, width, false);
        let mut down = vec![view.snap(Anchor::line(1))];
        loop {
            let next = view.down(*down.last().unwrap(), 1);
            if next == *down.last().unwrap() {
                break;
            }
            down.push(next);
        }
        let mut up = vec![*down.last().unwrap()];
        while up.len() < down.len() {
            up.push(view.up(*up.last().unwrap(), 1));
        }
        up.reverse();
        assert_eq!(up, down, "width {width}: the same rows both ways");
        // Fewer rows than lines at a wide pane: paragraphs are joined (45 characters a row),
        // not cut at 32.
        if width == 90 {
            let lines = doc.text.line_count();
            assert!(
                down.len() * 10 < lines * 8,
                "{} rows for {lines} lines",
                down.len()
            );
        }
        for row in view.rows_from(Anchor::line(1), down.len()) {
            let shown = &doc.text.as_str()[view.span(row.line)][row.range.clone()];
            assert!(
                huibian::doc::wrap::str_width(shown, false) <= width,
                "{shown}"
            );
        }
    }
    let mut app = common::Reader::new(doc, huibian::reader::app::Settings::default());
    app.update(huibian::reader::app::Msg::Resize(120, 30));
    common::press(&mut app, "]]");
    assert_eq!(app.top().line, app.doc().reports[2].line);
    common::press(&mut app, "/近平新时代<Enter>");
    let hit = app
        .finder()
        .search
        .as_ref()
        .and_then(|s| s.current.clone())
        .expect("a hit");
    let rows = app.view().rows_from(app.top(), 29);
    let on_screen = rows.iter().any(|r| {
        let start = app.doc().text.line_range(r.line).map_or(0, |l| l.start);
        start + r.range.start <= hit.start && hit.start < start + r.range.end
    });
    assert!(on_screen, "the hit is on screen");
}

/// The 目录 names each 政府工作报告 by year and place; the body heads each with `政府工作报告` and a
/// dateline naming them: matched in order through the dateline.
#[test]
fn report_headings_that_differ_from_the_toc() {
    let body = |city: &str| {
        format!(
            "政府工作报告\n——2025年1月14日在{city}第十六届人民代表大会第三次会议上\n\n各位代表：\n\
             现在，我代表市人民政府，向大会报告工作。\n一、2024年工作回顾\n（一）经济持续回升向好。\n\
             二、2025年工作安排\n（一）扩大内需。\n（二）深化改革。\n"
        )
    };
    let text = format!(
        "2025年地方政府工作报告汇编（2篇）\n\n目录\n1.2025年北京市政府工作报告\n2.2025年上海市政府工作报告\n\n{}\n{}",
        body("北京市"),
        body("上海市")
    );
    let doc = parse(&text);
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    let found: Vec<(usize, TitleMatch, Option<usize>)> = doc
        .reports
        .iter()
        .map(|r| (r.line, r.title_match, r.toc_entry))
        .collect();
    assert_eq!(
        found,
        vec![
            (7, TitleMatch::Similar, Some(0)),
            (18, TitleMatch::Similar, Some(1))
        ]
    );
    assert!(
        doc.reports
            .iter()
            .all(|r| r.plan.as_ref().and_then(|p| p.heading.as_deref())
                == Some("二、2025年工作安排"))
    );
}

/// A compilation glued onto one line with its line breaks dropped, not turned into spaces: its
/// numbered 目录 (entries with their page numbers glued on) says where each report begins. The
/// corpus files with such a 目录 keep every report and title; their plan parts are found where
/// a heading's end can still be told (after a sentence, before a sub-heading or `一是`).
#[test]
fn a_glued_compilation_is_split_at_the_titles_its_toc_names() {
    for (file, plans) in [(CORPUS[0], 9), (CORPUS[4], 3)] {
        let text = fixture(file);
        let lines: Vec<&str> = text.lines().collect();
        let rest: String = lines[1..].iter().map(|l| l.trim()).collect();
        let glued = format!("{}\n{rest}\n", lines[0]);
        let original = parse(&text);
        let doc = parse(&glued);
        let titles = |d: &Compilation| {
            d.reports
                .iter()
                .map(|r| r.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&doc), titles(&original), "{file}");
        let found = doc.reports.iter().filter(|r| r.plan.is_some()).count();
        assert!(found >= plans, "{file}: {found} plan parts");
    }
}
