//! The first frame of a large file on disk (from the page cache), as `huibian FILE` makes it:
//! the preview of the file's beginning, the reader built, one 160×45 render. Independent of
//! the file's size: only the first 256 KiB are read before the first screen. 100 MB, and 1 GB
//! with `HUIBIAN_BENCH_1GB=1` (writes a 1 GB file to the temporary directory).
//! Also a 20 MB compilation as a .docx beside the same text as a text file: a Word document's
//! first screen comes from the beginning of its body, inflated and read as a stream.
//! Run with `cargo bench --bench first_frame`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use huibian::reader::app::{App, Msg, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The first screen of `path`: what happens before the reader's first draw.
fn first_frame(path: &Path, terminal: &mut Terminal<TestBackend>) -> usize {
    let preview = huibian::edges::load::preview(path)
        .expect("reads")
        .expect("a large file has a preview");
    let mut app = App::new(preview, Settings::default());
    app.update(Msg::Resize(160, 45));
    app.update(Msg::Preview {
        file_size: std::fs::metadata(path).map_or(0, |m| m.len()),
    });
    terminal
        .draw(|f| huibian::ui::render(f, &app))
        .expect("draw");
    app.doc().reports.len()
}

fn bench(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let mut sizes = vec![100usize];
    if std::env::var_os("HUIBIAN_BENCH_1GB").is_some() {
        sizes.push(1000);
    }
    let mut group = c.benchmark_group("first frame");
    let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 20 << 20);
    let dir = std::env::temp_dir();
    let txt = dir.join(format!("huibian-first-20mb-{}.txt", std::process::id()));
    let docx = dir.join(format!("huibian-first-20mb-{}.docx", std::process::id()));
    std::fs::write(&txt, &text).expect("write");
    std::fs::write(&docx, huibian::doc::generate::as_docx(&text)).expect("write");
    group.bench_function("20MB text", |b| {
        b.iter(|| first_frame(black_box(&txt), &mut terminal));
    });
    group.bench_function("20MB docx", |b| {
        b.iter(|| first_frame(black_box(&docx), &mut terminal));
    });
    std::fs::remove_file(txt).ok();
    std::fs::remove_file(docx).ok();
    for mb in sizes {
        let path =
            std::env::temp_dir().join(format!("huibian-first-{mb}mb-{}.txt", std::process::id()));
        let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
        std::fs::write(&path, &text).expect("write");
        drop(text);
        group.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| first_frame(black_box(&path), &mut terminal));
        });
        std::fs::remove_file(path).ok();
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
