//! Opening a large file at once: a preview of its beginning, then the whole model swapped in
//! without moving the reading position; a search started early finds hits beyond the preview.

mod common;

use common::Reader;
use huibian::reader::app::{App, Effect, Msg, Settings};

fn big_file(tag: &str, mb: usize) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("huibian-load-{tag}-{}.txt", std::process::id()));
    let mut text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
    text = text.replace("##paidend##\n", "只在最后出现的短语。\n##paidend##\n");
    std::fs::write(&path, text).expect("write");
    path
}

/// The line of the search's current hit (there must be one).
fn current_hit_line(a: &App) -> usize {
    let hit = a
        .finder()
        .search
        .as_ref()
        .and_then(|s| s.current.clone())
        .expect("a current hit");
    a.doc().text.line_of_offset(hit.start)
}

#[test]
fn preview_then_whole_file_keeps_the_position_and_finishes_an_early_search() {
    let path = big_file("swap", 3);
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("a preview for a file over 1 MiB");
    let full = huibian::doc::parse::parse(&std::fs::read(&path).expect("read")).expect("parses");
    assert!(preview.text.as_str().len() <= 1 << 20);
    assert!(full.reports.len() > preview.reports.len());
    // Same lines in both: the preview is a prefix of the file.
    assert_eq!(preview.text.line(7), full.text.line(7));
    let mut a = Reader::new(preview, Settings::default());
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    common::press(&mut a, "jjjj/只在最后出现的短语<Enter>");
    assert!(
        a.finder()
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_none()),
        "not in the preview"
    );
    let top = a.top();
    let effect = a.update(Msg::Loaded(Box::new(full)));
    assert!(
        matches!(effect, Effect::Count { .. }),
        "the search is counted again"
    );
    assert!(a.reading().loading.is_none());
    let line = current_hit_line(&a);
    assert!(line > top.line);
    let (_, height) = a.text_size();
    assert!(
        a.view()
            .rows_from(a.top(), height)
            .iter()
            .any(|r| r.line == line),
        "the hit is on screen"
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn small_files_have_no_preview_and_the_loader_reports_progress() {
    let small = format!(
        "{}/tests/fixtures/000_3aa89c1d59f293ce.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    assert!(
        huibian::edges::load::preview(std::path::Path::new(&small))
            .expect("reads")
            .is_none()
    );
    let path = big_file("progress", 2);
    let rx = huibian::edges::load::spawn(path.clone());
    let mut progress = Vec::new();
    let mut partials = Vec::new();
    let mut batches = Vec::new();
    let doc = loop {
        match rx.recv().expect("the loader answers") {
            huibian::edges::load::LoadEvent::Progress(p) => progress.push(p),
            huibian::edges::load::LoadEvent::Partial { doc, parsed } => {
                partials.push((doc, parsed))
            }
            huibian::edges::load::LoadEvent::Reports { first, reports } => {
                batches.push((first, reports))
            }
            huibian::edges::load::LoadEvent::Done(result) => break *result.expect("parses"),
        }
    };
    assert!(
        progress.windows(2).all(|w| w[0] <= w[1]) && progress.len() >= 3,
        "{progress:?}"
    );
    handed_over_once(&path, &partials, &batches, &doc);
    std::fs::remove_file(path).ok();
}

/// The loader's stages against a parse of its own: the text alone, then every title, then
/// each report once, in order, in batches; `done` (what `Done` brought) holds placeholders.
fn handed_over_once(
    path: &std::path::Path,
    partials: &[(Box<huibian::doc::model::Compilation>, usize)],
    batches: &[(usize, Vec<huibian::doc::model::Report>)],
    done: &huibian::doc::model::Compilation,
) {
    // The reports were all handed over in batches: what Done holds in their place are their
    // titles' lines; the whole model to compare with comes from a parse of its own.
    assert!(
        done.reports
            .iter()
            .all(|r| r.headings.is_empty() && r.plan.is_none())
    );
    let doc = huibian::doc::parse::parse(&std::fs::read(path).expect("read")).expect("parses");
    assert!(doc.reports.len() > 10);
    // First the whole text alone, then every report by title, then more and more reports
    // complete; every snapshot shares the final text rather than copying it.
    let (first, _) = &partials[0];
    assert!(first.reports.is_empty());
    assert_eq!(first.text.as_str().len(), doc.text.as_str().len());
    let (outline, parsed) = &partials[1];
    assert_eq!((outline.reports.len(), *parsed), (doc.reports.len(), 0));
    assert!(outline.reports.iter().all(|r| r.headings.is_empty()));
    assert_eq!(partials.len(), 2);
    for (snapshot, _) in partials {
        assert!(snapshot.text.same(&done.text));
    }
    // Then the complete reports in batches, each report once, in order, equal to the final ones.
    assert!(batches.len() >= 5, "{} batches", batches.len());
    let mut next = 0;
    for (first, reports) in batches {
        assert_eq!(*first, next);
        for (r, full) in reports.iter().zip(&doc.reports[*first..]) {
            assert_eq!(
                (r.line, r.end_line, &r.headings),
                (full.line, full.end_line, &full.headings)
            );
            assert_eq!(
                r.plan.as_ref().map(|p| p.start_line),
                full.plan.as_ref().map(|p| p.start_line)
            );
        }
        next += reports.len();
    }
    assert_eq!(next, doc.reports.len(), "every report handed over once");
}

#[test]
fn before_the_reports_are_read_the_lists_say_so_and_keys_are_safe() {
    let text = huibian::doc::model::Text::new(
        "2099年度工作总结汇编\n目录\n1.第1单位工作总结\n".to_owned(),
    );
    let mut a = Reader::new(
        huibian::doc::model::Compilation::unparsed(text, "utf-8"),
        Settings::default(),
    );
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    common::press(
        &mut a,
        "1jjhl<Space><Enter>3jjy<Enter>2jG]}){pY/总结<Enter>n&<Esc>",
    );
    let rows = common::screen(&a);
    assert!(rows[1].contains("(reading the reports...)"), "{}", rows[1]);
    assert!(rows.iter().any(|r| r.contains("2099年度工作总结汇编")));
}

#[test]
fn panes_fill_in_as_reports_arrive_and_an_early_search_uses_the_text_alone() {
    let path = big_file("partial", 3);
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("preview");
    let previewed = preview.reports.len();
    let rx = huibian::edges::load::spawn(path.clone());
    let events: Vec<_> = rx.iter().collect();
    let mut a = Reader::new(preview, Settings::default());
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    a.update(Msg::Progress(0));
    common::press(&mut a, "/只在最后出现的短语<Enter>");
    assert!(
        a.finder()
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_none())
    );
    let mut snapshots = events.iter().filter_map(|e| match e {
        huibian::edges::load::LoadEvent::Partial { doc, parsed } => {
            Some(((**doc).clone(), *parsed))
        }
        _ => None,
    });
    // The text alone: the preview's outline stays, the search finds its hit at the end.
    let (text_only, parsed) = snapshots.next().expect("text snapshot");
    assert!(text_only.reports.is_empty());
    let effect = a.update(Msg::Partial {
        doc: Box::new(text_only),
        parsed,
    });
    assert!(matches!(effect, Effect::Count { .. }));
    assert_eq!(a.doc().reports.len(), previewed);
    let hit_line = current_hit_line(&a);
    assert!(
        common::screen(&a)
            .iter()
            .any(|r| r.contains("只在最后出现的短语"))
    );
    // Titles of every report: the contents list them all, the plans pane says which are not read.
    let (outline, parsed) = snapshots.next().expect("outline snapshot");
    let total = outline.reports.len();
    titles_arrive(&mut a, outline, parsed, hit_line);
    reports_fill_in(&mut a, &events, total);
    std::fs::remove_file(path).ok();
}

/// Every report's title arrives (same text: no recount); the position and the hit on screen
/// stay, and the plans pane says which reports are not read yet.
fn titles_arrive(
    a: &mut Reader,
    outline: huibian::doc::model::Compilation,
    parsed: usize,
    hit_line: usize,
) {
    let total = outline.reports.len();
    assert!(
        matches!(
            a.update(Msg::Partial {
                doc: Box::new(outline),
                parsed,
            }),
            Effect::None
        ),
        "same text: no recount"
    );
    assert_eq!((a.doc().reports.len(), a.reading().parsed), (total, 0));
    assert_eq!(a.top().line, a.view().clamp(a.top(), a.text_size().1).line);
    assert!(
        a.view()
            .rows_from(a.top(), 45)
            .iter()
            .any(|r| r.line == hit_line)
    );
    common::press(a, "3");
    assert!(common::screen(a).iter().any(|r| r.contains("(reading...)")));
}

/// The reports fill in, batch by batch, without recounting the search; a report the user
/// folds meanwhile stays folded, and the reading position stays.
fn reports_fill_in(a: &mut Reader, events: &[huibian::edges::load::LoadEvent], total: usize) {
    common::press(a, "1g<Space>");
    let folds = a.reading().tree.unfolded.clone();
    let top = a.top();
    for e in events {
        if let huibian::edges::load::LoadEvent::Reports { first, reports } = e {
            let before = a.reading().parsed;
            assert!(matches!(
                a.update(Msg::Reports {
                    first: *first,
                    reports: reports.clone(),
                }),
                Effect::None
            ));
            assert_eq!(a.reading().parsed, before.max(first + reports.len()));
        }
    }
    assert!(
        a.reading().parsed > total / 2,
        "{} of {total}",
        a.reading().parsed
    );
    assert!(
        a.doc()
            .reports
            .iter()
            .take(a.reading().parsed)
            .all(|r| r.char_count > 0)
    );
    assert!(
        a.doc()
            .reports
            .iter()
            .skip(a.reading().parsed)
            .all(|r| r.char_count == 0)
    );
    assert_eq!(a.reading().tree.unfolded, folds);
    assert_eq!(a.top(), top);
}

/// What an export prints as the loader's events arrive, and the number of reports printed
/// after each batch.
fn streamed(
    what: huibian::doc::export::Export<'_>,
    events: &[huibian::edges::load::LoadEvent],
) -> (Vec<u8>, Vec<usize>) {
    use huibian::edges::load::LoadEvent;
    let mut streamed = Vec::new();
    let mut sizes = Vec::new();
    let mut s = huibian::doc::export::Streamer::new(what, &mut streamed);
    let mut doc = None;
    for e in events {
        match e {
            LoadEvent::Partial { doc: d, .. } if !d.reports.is_empty() => {
                s.outline(d).expect("head");
                doc = Some((**d).clone());
            }
            LoadEvent::Reports { first, reports } => {
                let d: &mut huibian::doc::model::Compilation = doc.as_mut().expect("outline");
                d.reports
                    .splice(*first..first + reports.len(), reports.clone());
                s.reports(d, first + reports.len()).expect("batch");
                sizes.push(first + reports.len());
            }
            // The reports all came in batches: the rest of the model, with ours.
            LoadEvent::Done(Ok(d)) => {
                let mut whole = (**d).clone();
                whole.reports = doc.take().expect("outline").reports;
                s.finish(&whole).expect("tail");
            }
            _ => {}
        }
    }
    (streamed, sizes)
}

/// The exports are printed while the file is parsed (the head once the titles are known, then
/// each batch of reports), and the bytes are the same as printing the finished model.
#[test]
fn exports_stream_as_the_reports_arrive_and_equal_the_whole_model() {
    use huibian::doc::export::{Export, PlansFormat, write};
    let path = big_file("stream", 3);
    let events: Vec<_> = huibian::edges::load::spawn(path.clone()).iter().collect();
    let whole = huibian::doc::parse::parse(&std::fs::read(&path).expect("read")).expect("parses");
    let re = huibian::doc::search::compile(&huibian::doc::search::Query {
        text: "工作".into(),
        regex: false,
    })
    .expect("compiles");
    for what in [
        Export::Json { file: "big.txt" },
        Export::List,
        Export::Plans(PlansFormat::Markdown),
        Export::Search(&re),
    ] {
        let mut expected = Vec::new();
        write(&whole, what, &mut expected).expect("writes");
        let (streamed, sizes) = streamed(what, &events);
        assert!(sizes.len() >= 5, "{what:?}: printed in batches");
        assert_eq!(
            String::from_utf8_lossy(&streamed),
            String::from_utf8_lossy(&expected),
            "{what:?}"
        );
    }
    // And the binary prints the same as the library.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibian"))
        .arg(&path)
        .arg("--json")
        .output()
        .expect("runs");
    let mut expected = Vec::new();
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    huibian::doc::export::write_json(&whole, &name, &mut expected).expect("writes");
    assert!(out.status.success());
    assert_eq!(out.stdout, expected);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        json["reports"].as_array().map(Vec::len),
        Some(whole.reports.len())
    );
    std::fs::remove_file(path).ok();
}

/// A reader on the preview of a 3 MB file still loading, as the CLI opens one; the whole
/// model to hand it; the file.
fn on_the_preview(tag: &str) -> (Reader, huibian::doc::model::Compilation, std::path::PathBuf) {
    let path = big_file(tag, 3);
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("a preview");
    let size = std::fs::metadata(&path).expect("size").len();
    let full = huibian::doc::parse::parse(&std::fs::read(&path).expect("read")).expect("parses");
    let mut a = Reader::new(preview, Settings::default());
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    a.update(Msg::Preview { file_size: size });
    (a, full, path)
}

#[test]
fn g_on_the_preview_goes_to_the_end_of_the_whole_file_when_it_is_in() {
    let (mut a, full, path) = on_the_preview("bottom");
    let preview_lines = a.doc().text.line_count();
    common::press(&mut a, "G");
    // The status line measures the preview's end against the whole file (a third of it).
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(
        status.contains("/..") && !status.contains(" 99%"),
        "{status}"
    );
    let _ = a.update(Msg::Partial {
        doc: Box::new(full.clone()),
        parsed: 0,
    });
    assert!(a.reading().preview_of.is_none());
    let (_, height) = a.text_size();
    assert_eq!(
        a.top(),
        a.view().last_top(height),
        "at the end of the whole file"
    );
    assert!(
        a.top().line > preview_lines * 2,
        "{} lines in the preview",
        preview_lines
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn a_share_named_on_the_preview_is_a_share_of_the_whole_file() {
    let (mut a, full, path) = on_the_preview("share");
    common::press(&mut a, ":80%<Enter>");
    let _ = a.update(Msg::Partial {
        doc: Box::new(full),
        parsed: 0,
    });
    let offset = a.doc().text.line_range(a.top().line).map_or(0, |r| r.start);
    let share = offset as f64 / a.doc().text.as_str().len() as f64;
    assert!((0.75..0.85).contains(&share), "at {share:.2} of the file");
    std::fs::remove_file(path).ok();
}

#[test]
fn n_past_the_previews_last_hit_lands_on_the_next_hit_in_the_whole_file() {
    let (mut a, full, path) = on_the_preview("next-hit");
    // The phrase is in the preview's first report and again far beyond it.
    let first = a
        .doc()
        .reports
        .first()
        .map(|r| {
            a.doc()
                .text
                .trimmed(r.line + 1)
                .chars()
                .take(6)
                .collect::<String>()
        })
        .expect("a report");
    common::press(&mut a, &format!("/{first}<Enter>"));
    let in_preview = current_hit_line(&a);
    // `n` until the preview has no further hit: then it waits instead of wrapping around.
    let mut waited = false;
    for _ in 0..200 {
        common::press(&mut a, "n");
        if a.message().is_some_and(|m| m.contains("still being read")) {
            waited = true;
            break;
        }
        assert!(
            a.message().is_none_or(|m| !m.contains("wrapped")),
            "never wraps on a preview"
        );
    }
    assert!(waited, "n said it waits for the rest of the file");
    let last_in_preview = current_hit_line(&a);
    assert!(last_in_preview >= in_preview);
    let preview_lines = a.doc().text.line_count();
    a.update(Msg::Partial {
        doc: Box::new(full),
        parsed: 0,
    });
    let next = current_hit_line(&a);
    assert!(
        next > preview_lines,
        "the next hit after the preview's last ({last_in_preview}), not the first: {next}"
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn the_reader_holds_the_model_once_assembled_from_the_loaders_batches() {
    let (mut a, whole, path) = on_the_preview("assemble");
    use huibian::edges::load::LoadEvent;
    for event in huibian::edges::load::spawn(path.clone()) {
        let msg = match event {
            LoadEvent::Progress(p) => Msg::Progress(p),
            LoadEvent::Partial { doc, parsed } => Msg::Partial { doc, parsed },
            LoadEvent::Reports { first, reports } => Msg::Reports { first, reports },
            LoadEvent::Done(done) => Msg::Finished(done.expect("parses")),
        };
        a.update(msg);
    }
    assert!(a.reading().loading.is_none() && a.reading().preview_of.is_none());
    assert_eq!(a.reading().parsed, whole.reports.len());
    assert_eq!(a.doc().reports.len(), whole.reports.len());
    for (got, want) in a.doc().reports.iter().zip(&whole.reports) {
        assert_eq!(
            (&got.title, got.line, &got.headings, got.char_count),
            (&want.title, want.line, &want.headings, want.char_count)
        );
        assert_eq!(got.plan, want.plan);
    }
    assert_eq!(a.doc().diagnostics, whole.diagnostics);
    std::fs::remove_file(path).ok();
}

#[test]
fn a_preview_of_a_long_table_of_contents_is_text_not_one_document() {
    // A 目录 longer than the preview: its first 256 KiB hold no report.
    let mut text = String::from("2099年度工作总结汇编（3000篇）\n目录\n");
    for i in 1..=3000 {
        text.push_str(&format!("{i}.第{i}单位二〇九九年度工作总结………………{i}\n"));
    }
    let body = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 2 << 20);
    text.push_str(&body);
    let path = std::env::temp_dir().join(format!("huibian-longtoc-{}.txt", std::process::id()));
    std::fs::write(&path, &text).expect("write");
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("a preview");
    assert!(!preview.is_whole_text(), "not shown as one document");
    let mut a = Reader::new(preview, Settings::default());
    a.update(Msg::Resize(120, 30));
    assert!(a.message().is_none(), "{:?}", a.message());
    std::fs::remove_file(path).ok();
}
