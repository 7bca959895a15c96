//! The only module that touches the terminal: set-up and restore, the event loop, signals,
//! suspension and mouse reporting.
//!
//! The terminal is given back exactly once, by whichever way out comes first: `q`/`Ctrl-C` (a
//! normal return), an error (the guard's `Drop`), a panic on any thread (the binary's panic hook
//! calls [`give_back_from_any_thread`]), and SIGHUP, SIGTERM, SIGINT, SIGQUIT (a signal thread
//! that saves, restores and exits; never a flag-only handler, which spins at 100% CPU once the
//! SSH link is gone). `Ctrl-Z` and SIGTSTP suspend as `less` and vim do: restore, stop, and on
//! `fg` take the terminal again and redraw; a SIGCONT after a plain SIGSTOP redraws too.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use crate::resume::Saved;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::load::LoadEvent;

/// Mouse reporting for clicks and the wheel only (1000) in SGR encoding (1006): no motion
/// tracking, which floods an SSH link (crossterm's `EnableMouseCapture` turns on 1003 too).
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";
/// Into the alternate screen, cursor hidden; and back, cursor shown.
const ENTER: &str = "\x1b[?1049h\x1b[?25l";
const LEAVE: &str = "\x1b[?1049l\x1b[?25h";

/// Whether the reader holds the terminal (raw mode, alternate screen). Swapped to false by the
/// one path that gives it back, so it is restored once however many paths race to do it.
static HELD: AtomicBool = AtomicBool::new(false);

/// Raw mode, the alternate screen, and mouse reporting if it is on.
fn take_terminal(mouse: bool) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    HELD.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    out.write_all(ENTER.as_bytes())?;
    if mouse {
        out.write_all(MOUSE_ON.as_bytes())?;
    }
    out.flush()
}

/// Gives the terminal back from the main thread, through stdout.
fn give_back() {
    if HELD.swap(false, Ordering::SeqCst) {
        let _ = crossterm::terminal::disable_raw_mode();
        let mut out = io::stdout();
        let _ = out.write_all(format!("{MOUSE_OFF}{LEAVE}").as_bytes());
        let _ = out.flush();
    }
}

/// Gives the terminal back from any thread (a signal, a panic) without touching any lock the
/// main thread may hold (it may be blocked holding stdout's): raw mode off, then the restoring
/// sequences written straight to the terminal device. After SIGHUP the device is gone and this
/// fails quietly. Does nothing when the reader does not hold the terminal (the exports).
pub fn give_back_from_any_thread() {
    if HELD.swap(false, Ordering::SeqCst) {
        let _ = crossterm::terminal::disable_raw_mode();
        if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
            let _ = tty.write_all(format!("{MOUSE_OFF}{LEAVE}").as_bytes());
        }
    }
}

/// Restores the terminal when dropped, whatever path leaves the loop.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        give_back();
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
/// saves where the reader was. Its lock is held for the whole write, so a signal that comes
/// while the main thread saves on quit waits for that save instead of exiting in the middle.
type Latest = Arc<Mutex<Option<Saved>>>;

/// Writes the newest state, if there is one not yet written.
fn save(state: Option<&StateFile>, latest: &Latest) -> io::Result<()> {
    let mut guard = latest
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match (state, guard.take()) {
        (Some(state), Some(saved)) => crate::resume::write(&state.path, &saved),
        _ => Ok(()),
    }
}

/// What the signal thread asks of the main thread.
#[derive(Debug, Default)]
struct Requests {
    /// SIGTSTP: suspend as `Ctrl-Z` does.
    suspend: AtomicBool,
    /// SIGCONT: the shell may have reset the terminal while the reader was stopped.
    redraw: AtomicBool,
}

fn spawn_signal_thread(
    state: Option<StateFile>,
    latest: Latest,
    requests: Arc<Requests>,
) -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => requests.suspend.store(true, Ordering::SeqCst),
                    SIGCONT => requests.redraw.store(true, Ordering::SeqCst),
                    _ => {
                        // Nothing to tell anyone if it fails: the terminal is going away.
                        let _ = save(state.as_ref(), &latest);
                        // Held until the exit: no save can start (or be cut off) after this.
                        let _writes = latest.lock();
                        if signal != SIGHUP {
                            give_back_from_any_thread();
                        }
                        std::process::exit(128 + signal);
                    }
                }
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
    let requests = Arc::new(Requests::default());
    spawn_signal_thread(state.clone(), Arc::clone(&latest), Arc::clone(&requests))?;
    let context = Context {
        clipboard,
        env: &env,
        state: state.as_ref(),
        latest: &latest,
        requests: &requests,
    };
    let result = event_loop(&mut app, loader, &context);
    // The terminal is the shell's again: a failed save can be said on stderr.
    if let (Err(e), Some(state)) = (save(state.as_ref(), &latest), state.as_ref()) {
        eprintln!(
            "huibian: {}",
            crate::i18n::state_not_saved(app.settings.lang, &state.path, &e)
        );
    }
    result
}

/// What the event loop works with besides the app.
struct Context<'a> {
    clipboard: crate::clipboard::Method,
    env: &'a crate::clipboard::Env,
    state: Option<&'a StateFile>,
    latest: &'a Latest,
    requests: &'a Requests,
}

type Screen = Terminal<CrosstermBackend<io::Stdout>>;

/// Gives the terminal back, stops the process (SIGSTOP: the shell sees the job stopped, as
/// after `Ctrl-Z` anywhere), and when continued takes it again.
fn suspend(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    give_back();
    signal_hook::low_level::raise(SIGSTOP)?;
    retake(terminal, mouse)
}

/// Raw mode and the alternate screen again (a shell may have reset them while the reader was
/// stopped), and every cell drawn anew.
fn retake(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    take_terminal(mouse)?;
    terminal.clear()
}

fn event_loop(
    app: &mut App,
    loader: Option<mpsc::Receiver<LoadEvent>>,
    cx: &Context<'_>,
) -> io::Result<()> {
    let _guard = Guard;
    take_terminal(app.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    // Search counts finish on other threads and come back through this channel.
    let (counted_tx, counted_rx) = mpsc::channel::<(u64, Vec<crate::search::Hit>)>();
    // What the saved state was last built from.
    let mut kept = None;
    // The count running on another thread: its search's generation and its stop flag.
    let mut counting: Option<(u64, Arc<AtomicBool>)> = None;
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        // Wait for an event (or a finished count, or news from the loader), then take every
        // event already queued before drawing again, so key repeat over a slow link costs one
        // redraw, not one per key.
        let mut events = Vec::new();
        let mut effects = Vec::new();
        loop {
            let mut woke = false;
            if cx.requests.suspend.swap(false, Ordering::SeqCst) {
                suspend(&mut terminal, app.mouse)?;
                woke = true;
            }
            if cx.requests.redraw.swap(false, Ordering::SeqCst) {
                retake(&mut terminal, app.mouse)?;
                woke = true;
            }
            while let Ok((generation, hits)) = counted_rx.try_recv() {
                if counting.as_ref().is_some_and(|(g, _)| *g == generation) {
                    counting = None;
                }
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
            // Idle, a wake costs one poll: often enough that a SIGTSTP suspends at once.
            if event::poll(if waiting {
                Duration::from_millis(20)
            } else {
                Duration::from_millis(100)
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
        if let Some(state) = cx.state.filter(|_| kept.as_ref() != Some(&now))
            && let Ok(mut l) = cx.latest.lock()
        {
            *l = Some(app.saved(&state.document));
            kept = Some(now);
        }
        // A count whose search is gone (`Esc`, a new query) is stopped, not left to run.
        if let Some((generation, stop)) = counting.as_ref()
            && app.finder.search.as_ref().map(|s| s.generation) != Some(*generation)
        {
            stop.store(true, Ordering::Relaxed);
            counting = None;
        }
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(()),
                Effect::Suspend => suspend(&mut terminal, app.mouse)?,
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
                    let stop = Arc::new(AtomicBool::new(false));
                    if let Some((_, older)) = counting.replace((generation, Arc::clone(&stop))) {
                        older.store(true, Ordering::Relaxed);
                    }
                    std::thread::spawn(move || {
                        if let Some(hits) =
                            crate::search::find_all_until(&regex, text.as_str(), &stop)
                        {
                            let _ = tx.send((generation, hits));
                        }
                    });
                }
                Effect::Copy { text, label } => {
                    let result =
                        crate::clipboard::copy(&text, cx.clipboard, cx.env, &mut io::stdout());
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
                // A click on a contents row opens that report or heading; elsewhere it focuses.
                MouseEventKind::Down(MouseButton::Left)
                    if pane == Some(crate::layout::Pane::Contents) =>
                {
                    let top = app
                        .layout()
                        .rect(crate::layout::Pane::Contents)
                        .map_or(0, |r| r.y + 1);
                    match m.row.checked_sub(top) {
                        Some(row) => app.contents_clicked(usize::from(row)),
                        None => focus(app),
                    }
                }
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
