//! The only module that touches the terminal: set-up and restore, the event loop, signals and
//! mouse reporting.
//!
//! The terminal is restored on every way out: `q`/`Ctrl-C` (a normal return), an error (the
//! guard's `Drop`), a panic (ratatui's panic hook, installed by `try_init`), and SIGHUP, SIGTERM,
//! SIGINT, SIGQUIT (a signal thread that restores and exits; never a flag-only handler, which
//! spins at 100% CPU once the SSH link is gone). An error reading events ends the loop.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};

use crate::resume::Saved;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::load::LoadEvent;

/// Mouse reporting for clicks and the wheel only (1000) in SGR encoding (1006): no motion
/// tracking, which floods an SSH link (crossterm's `EnableMouseCapture` turns on 1003 too).
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Restores the terminal when dropped, whatever path leaves the loop.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = io::stdout().write_all(MOUSE_OFF.as_bytes());
        ratatui::restore();
    }
}

/// Restores the terminal from the signal thread without touching any lock the main thread may
/// hold (it may be blocked holding stdout's): raw mode off, then the restoring sequences written
/// straight to the terminal device. After SIGHUP the device is gone and this fails quietly.
fn restore_from_signal() {
    let _ = crossterm::terminal::disable_raw_mode();
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        // Mouse off, leave the alternate screen, show the cursor.
        let _ = tty.write_all(format!("{MOUSE_OFF}\x1b[?1049l\x1b[?25h").as_bytes());
    }
}

/// Where the reading position of the open document is kept.
#[derive(Debug, Clone)]
pub struct StateFile {
    pub path: PathBuf,
    /// The document's key (its canonical path).
    pub document: String,
}

/// The newest state to write, shared with the signal thread so that a SIGTERM or SIGHUP still
/// saves where the reader was.
type Latest = Arc<Mutex<Option<Saved>>>;

fn save(state: Option<&StateFile>, latest: &Latest) {
    let saved = latest.lock().ok().and_then(|mut l| l.take());
    if let (Some(state), Some(saved)) = (state, saved) {
        // Nothing to tell anyone if it fails: the terminal is going away.
        let _ = crate::resume::write(&state.path, &saved);
    }
}

fn spawn_signal_thread(state: Option<StateFile>, latest: Latest) -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                save(state.as_ref(), &latest);
                if signal != SIGHUP {
                    restore_from_signal();
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Runs the reader until the user quits.
///
/// # Errors
/// When the terminal cannot be set up or written to.
pub fn run(
    mut app: App,
    clipboard: crate::clipboard::Method,
    loader: Option<mpsc::Receiver<LoadEvent>>,
    state: Option<StateFile>,
) -> io::Result<()> {
    let env = crate::clipboard::Env::from_process();
    let latest: Latest = Arc::new(Mutex::new(None));
    spawn_signal_thread(state.clone(), Arc::clone(&latest))?;
    let result = event_loop(&mut app, clipboard, loader, &env, state.as_ref(), &latest);
    save(state.as_ref(), &latest);
    result
}

fn event_loop(
    app: &mut App,
    clipboard: crate::clipboard::Method,
    loader: Option<mpsc::Receiver<LoadEvent>>,
    env: &crate::clipboard::Env,
    state: Option<&StateFile>,
    latest: &Latest,
) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _guard = Guard;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    // Search counts finish on other threads and come back through this channel.
    let (counted_tx, counted_rx) = mpsc::channel::<(u64, Vec<crate::search::Hit>)>();
    // What the saved state was last built from.
    let mut kept = None;
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        // Wait for an event (or a finished count, or news from the loader), then take every
        // event already queued before drawing again, so key repeat over a slow link costs one
        // redraw, not one per key.
        let mut events = Vec::new();
        let mut effects = Vec::new();
        loop {
            let mut woke = false;
            while let Ok((generation, hits)) = counted_rx.try_recv() {
                app.hits_counted(generation, hits);
                woke = true;
            }
            if let Some(rx) = &loader {
                while let Ok(news) = rx.try_recv() {
                    woke = true;
                    match news {
                        LoadEvent::Progress(p) => app.loading = Some(p),
                        LoadEvent::Partial { doc, parsed } => {
                            effects.push(app.partial_doc(*doc, parsed));
                        }
                        LoadEvent::Reports { first, reports } => {
                            effects.push(app.reports_arrived(first, reports));
                        }
                        LoadEvent::Done(Ok(doc)) => effects.push(app.replace_doc(*doc)),
                        LoadEvent::Done(Err(e)) => {
                            app.loading = None;
                            app.message =
                                Some(crate::i18n::whole_file_failed(app.settings.lang, &e));
                        }
                    }
                }
            }
            if woke {
                break;
            }
            let waiting = app.loading.is_some()
                || app.finder.search.as_ref().is_some_and(|s| s.hits.is_none());
            if event::poll(if waiting {
                Duration::from_millis(20)
            } else {
                Duration::from_secs(1)
            })? {
                events.push(event::read()?);
                break;
            }
        }
        while event::poll(Duration::ZERO)? {
            events.push(event::read()?);
        }
        app.finder.defer = true;
        effects.extend(events.iter().map(|ev| handle(app, ev)));
        app.finder.defer = false;
        effects.push(app.flush_prompt());
        // The state to save, rebuilt only when the position or the marks moved (and once the
        // whole model is in, whose headings name the place better than the preview's).
        let now = (app.top, app.sorted_marks(), app.loading.is_none());
        if let Some(state) = state.filter(|_| kept.as_ref() != Some(&now))
            && let Ok(mut l) = latest.lock()
        {
            *l = Some(app.saved(&state.document));
            kept = Some(now);
        }
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(()),
                Effect::Mouse(on) => {
                    let mut out = io::stdout();
                    out.write_all(if on { MOUSE_ON } else { MOUSE_OFF }.as_bytes())?;
                    out.flush()?;
                }
                // Only the newest count matters; older ones would be discarded on arrival.
                Effect::Count { generation, regex } if generation == app.search_generation() => {
                    // The text alone (shared, not copied), so the model stays the reader's own.
                    let text = app.doc.text.clone();
                    let tx = counted_tx.clone();
                    std::thread::spawn(move || {
                        let hits = crate::search::find_all(&regex, text.as_str());
                        let _ = tx.send((generation, hits));
                    });
                }
                Effect::Copy { text, label } => {
                    let result = crate::clipboard::copy(&text, clipboard, env, &mut io::stdout());
                    app.copied(&label, &text, result);
                }
                Effect::Count { .. } | Effect::None => {}
            }
        }
    }
}

/// Turns one terminal event into actions on the app.
fn handle(app: &mut App, ev: &Event) -> Effect {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
        Event::Resize(w, h) => {
            app.resize(*w, *h);
            Effect::None
        }
        Event::Mouse(m) if app.mouse => {
            let pane = app.layout().pane_at(m.column, m.row);
            let focus = |app: &mut App| match pane {
                Some(crate::layout::Pane::Contents) => app.update(Action::FocusContents),
                Some(crate::layout::Pane::Text) => app.update(Action::FocusText),
                Some(crate::layout::Pane::Plans) => app.update(Action::FocusPlans),
                None => Effect::None,
            };
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => focus(app),
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                    focus(app);
                    let step = if m.kind == MouseEventKind::ScrollDown {
                        Action::Down
                    } else {
                        Action::Up
                    };
                    for _ in 0..3 {
                        app.update(step);
                    }
                    Effect::None
                }
                _ => Effect::None,
            }
        }
        _ => Effect::None,
    }
}
