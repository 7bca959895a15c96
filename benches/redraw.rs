//! What a reader waits for, on generated 1, 20 and 100 MB compilations, 160×45 screen rendered
//! into a `TestBackend`:
//! - **first frame**: what happens before the first screen of a file on disk (the preview of its
//!   first MiB for large files, the whole parse for small ones), building the reader, one render;
//! - **a keystroke at the end of the file**: the key through `step` (resolver and
//!   `App::update`, as the event loop runs it) for `j`, `G`, `]`, `n` (with a search for a
//!   frequent word active) plus a full render. Target: under 1 ms each;
//! - on 100 MB also at the start and the middle, and `Space`, `}`, `)`, `k`, `N`;
//! - on 100 MB, a character typed into the `:` picker, which scores every report title and
//!   heading (11 818 reports): target under 30 ms.
//!
//! Run with `cargo bench --bench redraw`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use huibian::doc::model::Compilation;
use huibian::doc::view::Anchor;
use huibian::reader::app::{App, Effect, Settings};
use huibian::reader::input::{Event, Input, step};
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
    app.update(huibian::reader::app::Msg::Resize(160, 45));
    terminal
        .draw(|f| huibian::ui::render(f, &app))
        .expect("draw");
    app.doc().reports.len()
}

/// The reader as the event loop runs it.
struct Reader {
    app: App,
    input: Input,
}

impl Reader {
    fn new(doc: Compilation) -> Self {
        let mut app = App::new(doc, Settings::default());
        app.update(huibian::reader::app::Msg::Resize(160, 45));
        let input = Input::new(std::sync::Arc::clone(&app.settings().keymap));
        Self { app, input }
    }

    /// Puts the reading position at `line` (as resuming a saved place does: no prompt, no
    /// picker, so the setup costs next to nothing).
    fn place(&mut self, line: usize) {
        let position = huibian::doc::place::place(self.app.doc(), Anchor::line(line));
        let saved = huibian::reader::app::Saved {
            file: "bench".into(),
            position,
            marks: Vec::new(),
        };
        self.app.update(huibian::reader::app::Msg::Resume {
            saved,
            position: true,
        });
    }

    /// Keys through the event loop's path; a count is done at once, as if its thread had
    /// finished.
    fn press(&mut self, keys: &str) {
        for key in huibian::reader::key::keys(keys) {
            for effect in step(&mut self.app, &mut self.input, &[Event::Key(key)]) {
                if let Effect::Count { generation, regex } = effect {
                    let hits =
                        huibian::doc::search::find_all(&regex, self.app.doc().text.as_str()).into();
                    self.app
                        .update(huibian::reader::app::Msg::Counted { generation, hits });
                }
            }
        }
    }
}

/// `iters` times: `setup` (not timed), then `events` stepped and a frame drawn (timed).
fn timed(
    iters: u64,
    reader: &mut Reader,
    terminal: &mut Terminal<TestBackend>,
    setup: &dyn Fn(&mut Reader),
    events: &[Event],
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        setup(reader);
        let start = Instant::now();
        let effects = step(&mut reader.app, &mut reader.input, black_box(events));
        terminal
            .draw(|f| huibian::ui::render(f, &reader.app))
            .expect("draw");
        total += start.elapsed();
        black_box(effects);
    }
    total
}

/// One keystroke through `step` and a full render, from `line` (placed before the timing).
fn keystroke(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    id: BenchmarkId,
    reader: &mut Reader,
    terminal: &mut Terminal<TestBackend>,
    (line, key): (usize, &str),
) {
    let events: Vec<Event> = huibian::reader::key::keys(key)
        .into_iter()
        .map(Event::Key)
        .collect();
    group.bench_function(id, |b| {
        b.iter_custom(|iters| timed(iters, reader, terminal, &|r| r.place(line), &events));
    });
}

/// One character typed into the `:` picker (which scores every report and heading) and the
/// frame drawn, after `typed` is in the prompt.
fn picker_keystroke(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    reader: &mut Reader,
    terminal: &mut Terminal<TestBackend>,
    (typed, next): (&str, &str),
) {
    let events: Vec<Event> = huibian::reader::key::keys(next)
        .into_iter()
        .map(Event::Key)
        .collect();
    let open = format!("<Esc>:{typed}");
    group.bench_function(BenchmarkId::new("picker", format!("{typed}+{next}")), |b| {
        b.iter_custom(|iters| timed(iters, reader, terminal, &|r| r.press(&open), &events));
    });
    reader.press("<Esc>");
}

fn redraw(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let dir = std::env::temp_dir();
    for mb in SIZES_MB {
        let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
        let path = dir.join(format!("huibian-bench-{mb}mb-{}.txt", std::process::id()));
        std::fs::write(&path, &text).expect("write");
        let mut group = c.benchmark_group(format!("{mb}MB"));
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(3));
        group.bench_function("first frame", |b| {
            b.iter(|| first_frame(black_box(&path), &mut terminal));
        });
        let doc: Compilation = huibian::doc::parse::parse_owned(text.into_bytes()).expect("parses");
        let lines = doc.text.line_count();
        let reports = doc.reports.len();
        let mut reader = Reader::new(doc);
        // A search for a frequent word is active (its hits highlighted, `n` uses them).
        reader.press("/工作<Enter>");
        let end = lines.saturating_sub(200);
        let mut places = vec![("end", end)];
        let mut keys = vec![("j", "j"), ("G", "G"), ("]", "]"), ("n", "n")];
        if mb == 100 {
            places.extend([("start", 1), ("middle", lines / 2)]);
            keys.extend([
                ("space", " "),
                ("}", "}"),
                (")", ")"),
                ("k", "k"),
                ("N", "N"),
            ]);
        }
        for (place, line) in places {
            for &(name, key) in &keys {
                keystroke(
                    &mut group,
                    BenchmarkId::new(name, place),
                    &mut reader,
                    &mut terminal,
                    (line, key),
                );
            }
        }
        if mb == 100 {
            eprintln!("picker over {reports} reports");
            for typed in [("", "生"), ("生", "态"), ("生态", "环"), ("3", "2")] {
                picker_keystroke(&mut group, &mut reader, &mut terminal, typed);
            }
        }
        group.finish();
        std::fs::remove_file(path).ok();
    }
}

criterion_group!(benches, redraw);
criterion_main!(benches);
