//! Helpers shared by the reader tests: an `App` on a fixture, key strings, screen rows.
#![allow(dead_code)]

pub mod tmux;

use huibian::reader::app::{App, Settings};
use huibian::reader::theme::ColorMode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// A reader on a corpus fixture at a terminal size.
pub fn app(fixture: &str, width: u16, height: u16) -> App {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let settings = Settings {
        theme: "mono".into(),
        color: ColorMode::Never,
        ambiguous_wide: false,
        file_name: fixture.into(),
        ..Settings::default()
    };
    let mut app = App::new(doc, settings);
    app.resize(width, height);
    app
}

/// Presses keys written as a key string (`"]]}j<Enter>"`). A count the event loop would run on
/// another thread is run here at once, as if it had finished before the next key.
pub fn press(app: &mut App, keys: &str) {
    for key in huibian::reader::keymap::key_events(keys) {
        if let huibian::reader::app::Effect::Count { generation, regex } = app.handle_key(&key) {
            let hits = huibian::doc::search::find_all(&regex, app.doc.text.as_str());
            app.hits_counted(generation, hits);
        }
    }
}

/// Presses `keys` again and again (at most `tries` times) until the app shows a message; whether
/// it did.
pub fn press_until_message(app: &mut App, keys: &str, tries: usize) -> bool {
    for _ in 0..tries {
        press(app, keys);
        if app.message.is_some() {
            return true;
        }
    }
    false
}

/// The screen as plain row strings, skipping the cell hidden behind each wide character.
pub fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| huibian::ui::render(f, app))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                row.push_str(symbol);
            }
            row.trim_end().to_owned()
        })
        .collect()
}
