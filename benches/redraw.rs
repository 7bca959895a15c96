//! What a reader waits for, on generated 1, 20 and 100 MB compilations, 160×45 screen rendered
//! into a `TestBackend`:
//! - **first frame**: what happens before the first screen of a file on disk (the preview of its
//!   first MiB for large files, the whole parse for small ones), building the reader, one render;
//! - **a keystroke at the end of the file**: `App::update` for `j`, `G`, `]`, `n` (with a search
//!   for a frequent word active) plus a full render. Target: under 5 ms each;
//! - on 100 MB also at the start and the middle, and `Space`, `}`, `)`.
//!
//! Run with `cargo bench --bench redraw`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use huibian::doc::model::Compilation;
use huibian::doc::view::Anchor;
use huibian::reader::action::Action;
use huibian::reader::app::{App, Settings};
use huibian::reader::keymap::key_events;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES_MB: [usize; 3] = [1, 20, 100];

/// The first screen of `path`, as `huibian FILE` builds it.
fn first_frame(path: &Path, terminal: &mut Terminal<TestBackend>) -> usize {
    let doc = match huibian::edges::load::preview(path).expect("reads") {
        Some(preview) => preview,
        None => {
            huibian::doc::parse::parse_owned(std::fs::read(path).expect("reads")).expect("parses")
        }
    };
    let mut app = App::new(doc, Settings::default());
    app.resize(160, 45);
    terminal
        .draw(|f| huibian::ui::render(f, &app))
        .expect("draw");
    app.doc.reports.len()
}

fn keystroke(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    id: BenchmarkId,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    (line, action, back): (usize, Action, Action),
) {
    group.bench_function(id, |b| {
        b.iter(|| {
            app.top = Anchor::line(line);
            app.update(black_box(action));
            terminal
                .draw(|f| huibian::ui::render(f, app))
                .expect("draw");
            app.update(back);
        });
    });
}

fn redraw(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let dir = std::env::temp_dir();
    for mb in SIZES_MB {
        let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
        let path = dir.join(format!("huibian-bench-{mb}mb-{}.txt", std::process::id()));
        std::fs::write(&path, &text).expect("write");
        let mut group = c.benchmark_group(format!("{mb}MB"));
        group.bench_function("first frame", |b| {
            b.iter(|| first_frame(black_box(&path), &mut terminal));
        });
        let doc: Compilation = huibian::doc::parse::parse_owned(text.into_bytes()).expect("parses");
        let lines = doc.text.line_count();
        let mut app = App::new(doc, Settings::default());
        app.resize(160, 45);
        for key in key_events("/工作<Enter>") {
            app.handle_key(&key);
        }
        // The hits are counted on a thread in the reader; here, at once.
        let end = lines.saturating_sub(200);
        let mut places = vec![("end", end)];
        let mut keys = vec![
            ("j", Action::Down, Action::Up),
            ("G", Action::Bottom, Action::Top),
            ("]", Action::NextReport, Action::PrevReport),
            ("n", Action::NextHit, Action::PrevHit),
        ];
        if mb == 100 {
            places.extend([("start", 1), ("middle", lines / 2)]);
            keys.extend([
                ("space", Action::PageDown, Action::PageUp),
                ("}", Action::NextHeading, Action::PrevHeading),
                (")", Action::NextPlan, Action::PrevPlan),
            ]);
        }
        for (place, line) in places {
            for &(name, action, back) in &keys {
                keystroke(
                    &mut group,
                    BenchmarkId::new(name, place),
                    &mut app,
                    &mut terminal,
                    (line, action, back),
                );
            }
        }
        group.finish();
        std::fs::remove_file(path).ok();
    }
}

criterion_group!(benches, redraw);
criterion_main!(benches);
