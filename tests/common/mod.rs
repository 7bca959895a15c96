//! Helpers shared by the reader tests: an `App` on a fixture, key strings, screen rows.
#![allow(dead_code)]

pub mod tmux;

use huibian::reader::app::{App, Effect, Msg, Settings};
use huibian::reader::input::{Event, Input, step};
use huibian::reader::theme::ColorMode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// A reader as the event loop runs it: the state and the input resolver, so a test presses
/// keys the way a user does (chords and marks included). Derefs to the [`App`].
pub struct Reader {
    pub app: App,
    pub input: Input,
}

impl std::ops::Deref for Reader {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl std::ops::DerefMut for Reader {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Reader {
    /// A reader on `doc` with `settings`.
    pub fn new(doc: huibian::doc::model::Compilation, settings: Settings) -> Self {
        Self::from_app(App::new(doc, settings))
    }

    /// A reader on an app built otherwise (a shelf).
    pub fn from_app(app: App) -> Self {
        let input = Input::new(std::sync::Arc::clone(&app.settings().keymap));
        Self { app, input }
    }
}

/// Settings as the tests use them: the mono theme without colours, so snapshots are plain.
pub fn settings(name: &str) -> Settings {
    Settings {
        theme: "mono".into(),
        color: ColorMode::Never,
        ambiguous_wide: false,
        file_name: name.into(),
        ..Settings::default()
    }
}

/// The model of a fixture (a path under `tests/fixtures/`).
pub fn parse_fixture(path: &str) -> huibian::doc::model::Compilation {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    huibian::doc::parse::parse(&bytes).expect("parses")
}

/// A reader on a corpus fixture at a terminal size.
pub fn app(fixture: &str, width: u16, height: u16) -> Reader {
    app_with(fixture, width, height, settings(fixture))
}

/// A reader on a corpus fixture at a terminal size, with `settings`.
pub fn app_with(fixture: &str, width: u16, height: u16, settings: Settings) -> Reader {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let mut reader = Reader::new(doc, settings);
    reader.app.update(Msg::Resize(width, height));
    reader
}

/// Presses keys written as a key string (`"]]}j<Enter>"`), each key its own batch, through
/// the same [`step`] as the event loop. A count the event loop would run on another thread
/// is run here at once, as if it had finished before the next key; the other effects are
/// returned.
pub fn press(r: &mut Reader, keys: &str) -> Vec<Effect> {
    let events: Vec<Event> = huibian::reader::key::keys(keys)
        .into_iter()
        .map(Event::Key)
        .collect();
    let mut out = Vec::new();
    for event in events {
        let effects = step(&mut r.app, &mut r.input, &[event]);
        out.extend(perform_counts(r, effects));
    }
    out
}

/// Sends mouse or resize events through [`step`], as [`press`] does keys.
pub fn send(r: &mut Reader, events: &[Event]) -> Vec<Effect> {
    let effects = step(&mut r.app, &mut r.input, events);
    perform_counts(r, effects)
}

/// Runs the counts among `effects` at once; the others are returned.
fn perform_counts(r: &mut Reader, effects: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for effect in effects {
        match effect {
            Effect::Count { generation, regex } => {
                let hits = huibian::doc::search::find_all(&regex, r.app.doc().text.as_str()).into();
                r.app.update(Msg::Counted { generation, hits });
            }
            Effect::CountShelf {
                generation,
                query,
                books,
            } => {
                let stop = std::sync::atomic::AtomicBool::new(false);
                let hits =
                    huibian::edges::shelf::count_all(&query, &books, &stop).expect("counted");
                r.app.update(Msg::ShelfCounted { generation, hits });
            }
            other => out.push(other),
        }
    }
    out
}

/// Presses `keys` again and again (at most `tries` times) until the app shows a message; whether
/// it did.
pub fn press_until_message(r: &mut Reader, keys: &str, tries: usize) -> bool {
    for _ in 0..tries {
        press(r, keys);
        if r.app.message().is_some() {
            return true;
        }
    }
    false
}

/// The screen as plain row strings, skipping the cell hidden behind each wide character.
pub fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size();
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
