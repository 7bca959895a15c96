//! A keystroke's cost on a generated 100 MB compilation: `App::update` for the key plus a full
//! render of the 160×45 screen into a `TestBackend`, at the start, the middle and the end of the
//! text. Target: under 5 ms anywhere. Run with `cargo bench --bench redraw`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use huibian::action::Action;
use huibian::app::{App, Settings};
use huibian::view::Anchor;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn redraw(c: &mut Criterion) {
    let text = huibian::generate::compilation(&huibian::generate::CORPUS, 100 << 20);
    let doc = huibian::parse::parse(text.as_bytes()).expect("generated compilation parses");
    drop(text);
    let lines = doc.text.line_count();
    let mut app = App::new(doc, Settings::default());
    app.resize(160, 45);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let mut group = c.benchmark_group("keystroke+redraw 100MB");
    for (place, line) in [
        ("start", 1),
        ("middle", lines / 2),
        ("end", lines.saturating_sub(200)),
    ] {
        for (name, action, back) in [
            ("j", Action::Down, Action::Up),
            ("space", Action::PageDown, Action::PageUp),
            ("]", Action::NextReport, Action::PrevReport),
            ("}", Action::NextHeading, Action::PrevHeading),
            (")", Action::NextPlan, Action::PrevPlan),
            ("G", Action::Bottom, Action::Top),
        ] {
            group.bench_function(BenchmarkId::new(name, place), |b| {
                b.iter(|| {
                    app.top = Anchor::line(line);
                    app.update(black_box(action));
                    terminal
                        .draw(|f| huibian::ui::render(f, &app))
                        .expect("draw");
                    app.update(back);
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, redraw);
criterion_main!(benches);
