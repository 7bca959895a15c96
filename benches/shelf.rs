//! A shelf of 50 compilations, the generated 100 MB one among them: its first frame (before
//! any is read: the shelf is usable at once), every compilation read as the background thread
//! reads them, the offices found across all 50, and the planned-vs-reported view of an office
//! with eight years (opening it, and moving to the next year).
//! Run with `cargo bench --bench shelf`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use huibian::reader::action::Action;
use huibian::reader::app::shelf::{BookFile, Shelf};
use huibian::reader::app::{App, Effect, Msg, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// 50 files: the 100 MB compilation, the district's eight reports, the five corpus
/// compilations and seven more years of each (their years moved on), and one as a .docx.
fn folder(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("dir");
    let mut files = Vec::new();
    let mut write = |name: String, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        files.push(path);
    };
    let big = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 100 << 20);
    write("big.txt".into(), big.as_bytes());
    for y in 2012..=2019 {
        let bytes = std::fs::read(format!("{FIXTURES}/years/{y}.txt")).expect("fixture");
        write(format!("hailaer-{y}.txt"), &bytes);
    }
    for (i, text) in huibian::doc::generate::CORPUS.iter().enumerate() {
        for k in 0..8u32 {
            // The same offices k years on: every year in the text moved by k.
            let mut moved = text.to_string();
            for y in (2023..=2024).rev() {
                moved = moved.replace(&y.to_string(), &(y + k).to_string());
            }
            write(format!("corpus-{i}-{}.txt", 2023 + k), moved.as_bytes());
        }
    }
    write(
        "corpus-4.docx".into(),
        &huibian::doc::generate::as_docx(huibian::doc::generate::CORPUS[4]),
    );
    files
}

fn book(path: &Path) -> BookFile {
    BookFile {
        path: path.to_path_buf(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        document: path.display().to_string(),
        size: std::fs::metadata(path).map_or(0, |m| m.len()),
        saved: None,
    }
}

/// The shelf as `huibian DIR` opens it, before any file is read.
fn unread(files: &[PathBuf]) -> App {
    let books = files.iter().map(|p| book(p)).collect();
    let mut app = App::with_shelf(Settings::default(), Shelf::new(books, true, Vec::new()));
    app.update(Msg::Resize(160, 45));
    app
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// The shelf before any file is read, and every file read as the background thread reads them.
fn opening(group: &mut Group<'_>, files: &[PathBuf], terminal: &mut Terminal<TestBackend>) {
    group.bench_function("first frame", |b| {
        b.iter(|| {
            let app = unread(black_box(files));
            terminal
                .draw(|f| huibian::ui::render(f, &app))
                .expect("draw");
        });
    });
    group.bench_function("every compilation read", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| huibian::edges::shelf::read(f).map_or(0, |d| d.reports.len()))
                .sum::<usize>()
        });
    });
}

/// The shelf's search, as its thread runs it: every compilation, 工作 (the most frequent
/// word of the genre) and 东山组团 (a name), each compiled for its own text; then the results
/// list built from the hits (on the UI thread, as they arrive).
fn searching(group: &mut Group<'_>, app: &mut App) {
    let books: Vec<(usize, std::sync::Arc<huibian::doc::model::Compilation>)> = app
        .shelf()
        .map(|s| {
            s.books
                .iter()
                .enumerate()
                .filter_map(|(i, b)| b.doc().map(|d| (i, std::sync::Arc::clone(d))))
                .collect()
        })
        .unwrap_or_default();
    let stop = std::sync::atomic::AtomicBool::new(false);
    for word in ["工作", "东山组团"] {
        let query = huibian::doc::search::Query {
            text: word.into(),
            regex: false,
        };
        group.bench_function(format!("search every compilation for {word}"), |b| {
            b.iter(|| huibian::edges::shelf::count_all(&query, &books, &stop).map(|h| h.len()));
        });
        let hits = huibian::edges::shelf::count_all(&query, &books, &stop).expect("counted");
        app.update(Msg::Action(Action::OpenSearch));
        for c in word.chars() {
            app.update(Msg::Type(huibian::reader::key::Key::char(c)));
        }
        let Effect::CountShelf { generation, .. } = app.update(Msg::Action(Action::PromptConfirm))
        else {
            panic!("a shelf search");
        };
        group.bench_function(format!("results list of {word}"), |b| {
            b.iter(|| {
                app.update(Msg::ShelfCounted {
                    generation,
                    hits: hits.clone(),
                })
            });
        });
        app.update(Msg::Action(Action::Cancel));
    }
}

/// The offices list, and an office's planned-vs-reported view: opened, a year on, drawn.
fn tracking(group: &mut Group<'_>, app: &mut App, terminal: &mut Terminal<TestBackend>) {
    app.update(Msg::Action(Action::ShowOffices));
    group.bench_function("open an office's years (8 years)", |b| {
        b.iter(|| {
            app.update(Msg::Action(Action::Open));
            app.update(Msg::Action(Action::ShowOffices));
        });
    });
    app.update(Msg::Action(Action::Open));
    group.bench_function("next year and back", |b| {
        b.iter(|| {
            app.update(Msg::Action(Action::NextReport));
            app.update(Msg::Action(Action::PrevReport));
        });
    });
    group.bench_function("draw the view", |b| {
        b.iter(|| {
            terminal
                .draw(|f| huibian::ui::render(f, app))
                .expect("draw");
        });
    });
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("huibian-bench-shelf-{}", std::process::id()));
    let files = folder(&dir);
    assert_eq!(files.len(), 50);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let mut group = c.benchmark_group("shelf of 50");
    group.sample_size(10);
    opening(&mut group, &files, &mut terminal);
    let mut app = unread(&files);
    for (i, f) in files.iter().enumerate() {
        let result = huibian::edges::shelf::read(f).map(Box::new);
        app.update(Msg::BookArrived { book: i, result });
    }
    let docs: Vec<huibian::doc::model::Compilation> = files
        .iter()
        .filter_map(|f| huibian::edges::shelf::read(f).ok())
        .collect();
    group.bench_function("offices found", |b| {
        b.iter(|| huibian::doc::track::offices(docs.iter().map(Some), &[]).len());
    });
    drop(docs);
    searching(&mut group, &mut app);
    tracking(&mut group, &mut app, &mut terminal);
    group.finish();
    std::fs::remove_dir_all(dir).ok();
}

criterion_group!(benches, bench);
criterion_main!(benches);
