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

use crate::reader::app::restore::Saved;
use std::time::Duration;

use crossterm::event::{
    self, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::edges::load::LoadEvent;
use crate::reader::app::{App, Effect, Msg};
use crate::reader::input::{Event, Input, step};
use crate::reader::key::{Code, Key};

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

/// Where reading positions are kept: a file per document in this folder, named after the
/// document's key (the open reading's [`document`](crate::reader::app::Reading::document)).
#[derive(Debug, Clone)]
pub struct StateDir(pub PathBuf);

/// The newest state to write and its file, shared with the signal thread so that a SIGTERM or
/// SIGHUP still saves where the reader was. Its lock is held for the whole write, so a signal
/// that comes while the main thread saves on quit waits for that save instead of exiting in
/// the middle.
type Latest = Arc<Mutex<Option<(PathBuf, Saved)>>>;

/// Writes the newest state, if there is one not yet written; on failure, the file it was for.
fn save(latest: &Latest) -> Result<(), (PathBuf, io::Error)> {
    let mut guard = latest
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match guard.take() {
        Some((path, saved)) => crate::edges::resume::write(&path, &saved).map_err(|e| (path, e)),
        None => Ok(()),
    }
}

/// What is read in the background: a large file's whole text, a shelf's books.
#[derive(Default)]
pub struct Background {
    pub loader: Option<crate::edges::load::Loader>,
    pub shelf: Option<crate::edges::shelf::ShelfLoader>,
}

/// What the signal thread asks of the main thread.
#[derive(Debug, Default)]
struct Requests {
    /// SIGTSTP: suspend as `Ctrl-Z` does.
    suspend: AtomicBool,
    /// SIGCONT: the shell may have reset the terminal while the reader was stopped.
    redraw: AtomicBool,
}

fn spawn_signal_thread(latest: Latest, requests: Arc<Requests>) -> io::Result<()> {
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
                        let _ = save(&latest);
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
    app: App,
    clipboard: crate::edges::clipboard::Method,
    background: Background,
    state: Option<StateDir>,
) -> io::Result<()> {
    // Never dropped: the process ends right after, and freeing a large model piece by piece
    // (hundreds of thousands of headings) would hold the way out for tens of milliseconds.
    let mut app = std::mem::ManuallyDrop::new(app);
    let env = crate::edges::clipboard::Env::from_process();
    let latest: Latest = Arc::new(Mutex::new(None));
    let requests = Arc::new(Requests::default());
    spawn_signal_thread(Arc::clone(&latest), Arc::clone(&requests))?;
    let context = Context {
        clipboard,
        env: &env,
        state: state.as_ref(),
        latest: &latest,
        requests: &requests,
    };
    let result = event_loop(&mut app, background, &context);
    // Nothing of the loader is waited for either: its threads end with the process.
    // The terminal is the shell's again: a failed save can be said on stderr.
    if let Err((path, e)) = save(&latest) {
        eprintln!(
            "huibian: {}",
            crate::reader::i18n::state_not_saved(app.settings().lang, &path, &e)
        );
    }
    result
}

/// What the event loop works with besides the app.
struct Context<'a> {
    clipboard: crate::edges::clipboard::Method,
    env: &'a crate::edges::clipboard::Env,
    state: Option<&'a StateDir>,
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

fn event_loop(app: &mut App, background: Background, cx: &Context<'_>) -> io::Result<()> {
    let Background {
        mut loader,
        shelf: mut shelf_loader,
    } = background;
    let _guard = Guard;
    take_terminal(app.mouse())?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let mut input = Input::new(std::sync::Arc::clone(&app.settings().keymap));
    let mut counts = Counts::default();
    // What the saved state was last built from.
    let mut kept = None;
    let mut news = None;
    let mut books = None;
    let mut first_frame = true;
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        // The whole file is read only once the first screen is out and the terminal has had a
        // moment (the first wait: 20 ms, or until a key) to show it: reading and parsing take
        // both cores, and a terminal (tmux over SSH) needs one to draw.
        if !first_frame && let Some(start) = loader.take() {
            news = Some(start.start());
        }
        if !first_frame && let Some(start) = shelf_loader.take() {
            books = Some(start.start());
        }
        first_frame = false;
        let mut effects = Vec::new();
        let events = wait(
            app,
            &mut terminal,
            Sources {
                loader: news.as_ref(),
                books: books.as_ref(),
                counts: &mut counts,
                idle_returns: loader.is_some() || shelf_loader.is_some(),
            },
            &mut effects,
            cx,
        )?;
        effects.extend(step(app, &mut input, &events));
        keep_state(app, cx, &mut kept);
        counts.stop_stale(app);
        for effect in effects {
            if perform(app, effect, &mut terminal, &mut counts, cx)? {
                return Ok(());
            }
        }
    }
}

/// Waits for something to happen (an event, a finished count, news from the loader, a signal's
/// request), then takes every event already queued, so key repeat over a slow link costs one
/// redraw, not one per key. News and counts are applied here; the events are returned.
fn wait(
    app: &mut App,
    terminal: &mut Screen,
    sources: Sources<'_>,
    effects: &mut Vec<Effect>,
    cx: &Context<'_>,
) -> io::Result<Vec<Event>> {
    let Sources {
        loader,
        books,
        counts,
        idle_returns,
    } = sources;
    let mut events = Vec::new();
    loop {
        let mut woke = false;
        if cx.requests.suspend.swap(false, Ordering::SeqCst) {
            suspend(terminal, app.mouse())?;
            woke = true;
        }
        if cx.requests.redraw.swap(false, Ordering::SeqCst) {
            retake(terminal, app.mouse())?;
            woke = true;
        }
        woke |= drain(app, loader, books, counts, effects);
        if woke {
            break;
        }
        let waiting = app.reading().loading.is_some()
            || app.shelf().is_some_and(|s| {
                s.reading_count() > 0 || s.search.as_ref().is_some_and(|q| q.hits.is_none())
            })
            || app
                .finder()
                .search
                .as_ref()
                .is_some_and(|s| s.hits.is_none());
        // Idle, a wake costs one poll: often enough that a SIGTSTP suspends at once.
        let timeout = Duration::from_millis(if waiting { 20 } else { 100 });
        if event::poll(timeout)? {
            events.extend(reader_event(&event::read()?));
            break;
        }
        if idle_returns {
            break;
        }
    }
    while event::poll(Duration::ZERO)? {
        events.extend(reader_event(&event::read()?));
    }
    Ok(events)
}

/// Applies what arrived from the other threads (counts, a large file's news, a shelf's
/// books); whether anything did.
fn drain(
    app: &mut App,
    loader: Option<&mpsc::Receiver<LoadEvent>>,
    books: Option<&mpsc::Receiver<crate::edges::shelf::BookNews>>,
    counts: &mut Counts,
    effects: &mut Vec<Effect>,
) -> bool {
    let mut woke = false;
    while let Ok((generation, hits)) = counts.rx.try_recv() {
        counts.finished(generation);
        effects.push(app.update(Msg::Counted { generation, hits }));
        woke = true;
    }
    while let Some(news) = loader.and_then(|rx| rx.try_recv().ok()) {
        effects.push(app.update(news_msg(news)));
        woke = true;
    }
    while let Some(news) = books.and_then(|rx| rx.try_recv().ok()) {
        effects.push(app.update(Msg::BookArrived {
            book: news.book,
            result: news.result,
        }));
        woke = true;
    }
    while let Ok((generation, hits)) = counts.shelf_rx.try_recv() {
        effects.push(app.update(Msg::ShelfCounted { generation, hits }));
        woke = true;
    }
    woke
}

/// What [`wait`] listens to besides the terminal.
struct Sources<'a> {
    loader: Option<&'a mpsc::Receiver<LoadEvent>>,
    books: Option<&'a mpsc::Receiver<crate::edges::shelf::BookNews>>,
    counts: &'a mut Counts,
    /// Return after one quiet poll (a loader waits to be started).
    idle_returns: bool,
}

/// The loader's news as a message.
fn news_msg(news: LoadEvent) -> Msg {
    match news {
        LoadEvent::Progress(p) => Msg::Progress(p),
        LoadEvent::Partial { doc, parsed } => Msg::Partial { doc, parsed },
        LoadEvent::Reports { first, reports } => Msg::Reports { first, reports },
        LoadEvent::Done(Ok(doc)) => Msg::Finished(doc),
        LoadEvent::Done(Err(e)) => Msg::LoadFailed(e),
    }
}

/// The state to save, rebuilt only when the position or the marks moved (and once the whole
/// model is in, whose headings name the place better than the preview's). On a shelf, the
/// book left behind has its state written as another one opens.
fn keep_state(app: &App, cx: &Context<'_>, kept: &mut Option<KeptFrom>) {
    let (Some(dir), Some(document)) = (cx.state, app.reading().document.as_deref()) else {
        return;
    };
    let now = (
        document.to_owned(),
        app.top(),
        app.sorted_marks(),
        app.reading().loading.is_none(),
    );
    if kept.as_ref() == Some(&now) {
        return;
    }
    let path = crate::edges::resume::file(&dir.0, document);
    if let Ok(mut latest) = cx.latest.lock() {
        if let Some((other, saved)) = latest.take().filter(|(p, _)| *p != path) {
            // Nothing to tell: a failure here is the same one the quit's save would say.
            let _ = crate::edges::resume::write(&other, &saved);
        }
        *latest = Some((path, app.saved(document)));
        *kept = Some(now);
    }
}

/// What a saved state was built from: the document, the position, the marks, whether the model
/// was whole.
type KeptFrom = (
    String,
    crate::doc::view::Anchor,
    Vec<(char, crate::doc::view::Anchor)>,
    bool,
);

/// Performs one effect; whether the reader is to quit.
fn perform(
    app: &mut App,
    effect: Effect,
    terminal: &mut Screen,
    counts: &mut Counts,
    cx: &Context<'_>,
) -> io::Result<bool> {
    match effect {
        Effect::Quit => return Ok(true),
        Effect::Suspend => suspend(terminal, app.mouse())?,
        Effect::Mouse(on) => {
            let mut out = io::stdout();
            out.write_all(if on { MOUSE_ON } else { MOUSE_OFF }.as_bytes())?;
            out.flush()?;
        }
        // Only the newest count matters; older ones would be discarded on arrival.
        Effect::Count { generation, regex } if generation == app.search_generation() => {
            counts.start(app, generation, regex);
        }
        Effect::CountShelf {
            generation,
            query,
            books,
        } => counts.start_shelf(generation, query, books),
        Effect::Copy { text, label } => {
            let result =
                crate::edges::clipboard::copy(&text, cx.clipboard, cx.env, &mut io::stdout());
            app.update(Msg::Copied {
                label,
                text,
                result,
            });
        }
        Effect::Count { .. } | Effect::None => {}
    }
    Ok(false)
}

/// A shelf's search, counted: its generation and each book's hits.
type ShelfHits = (u64, Vec<(usize, crate::doc::search::Hits)>);

/// Search counts running on other threads; they finish through these channels.
struct Counts {
    tx: mpsc::Sender<(u64, crate::doc::search::Hits)>,
    rx: mpsc::Receiver<(u64, crate::doc::search::Hits)>,
    /// The count running: its search's generation and its stop flag.
    running: Option<(u64, Arc<AtomicBool>)>,
    shelf_tx: mpsc::Sender<ShelfHits>,
    shelf_rx: mpsc::Receiver<ShelfHits>,
    /// The shelf's count running (its generation and stop flag): a newer search, or `Esc`,
    /// stops it.
    shelf_running: Option<(u64, Arc<AtomicBool>)>,
}

impl Default for Counts {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        let (shelf_tx, shelf_rx) = mpsc::channel();
        Self {
            tx,
            rx,
            running: None,
            shelf_tx,
            shelf_rx,
            shelf_running: None,
        }
    }
}

impl Counts {
    /// Counts a shelf's search in every book on another thread, stopping the one it replaces.
    fn start_shelf(
        &mut self,
        generation: u64,
        query: crate::doc::search::Query,
        books: Vec<(usize, Arc<crate::doc::model::Compilation>)>,
    ) {
        let stop = Arc::new(AtomicBool::new(false));
        if let Some((_, older)) = self.shelf_running.replace((generation, Arc::clone(&stop))) {
            older.store(true, Ordering::Relaxed);
        }
        let tx = self.shelf_tx.clone();
        std::thread::spawn(move || {
            if let Some(hits) = crate::edges::shelf::count_all(&query, &books, &stop) {
                let _ = tx.send((generation, hits));
            }
        });
    }

    /// Counts `regex` over the text alone (shared, not copied, so the model stays the
    /// reader's own), stopping the count it replaces.
    fn start(&mut self, app: &App, generation: u64, regex: regex::Regex) {
        let text = app.doc().text.clone();
        let tx = self.tx.clone();
        let stop = Arc::new(AtomicBool::new(false));
        if let Some((_, older)) = self.running.replace((generation, Arc::clone(&stop))) {
            older.store(true, Ordering::Relaxed);
        }
        std::thread::spawn(move || {
            if let Some(hits) = crate::doc::search::find_all_until(&regex, text.as_str(), &stop) {
                let _ = tx.send((generation, hits));
            }
        });
    }

    fn finished(&mut self, generation: u64) {
        if self.running.as_ref().is_some_and(|(g, _)| *g == generation) {
            self.running = None;
        }
    }

    /// A count whose search is gone (`Esc`, a new query) is stopped, not left to run.
    fn stop_stale(&mut self, app: &App) {
        let shelf_wants = app
            .shelf()
            .and_then(|s| s.search.as_ref())
            .filter(|s| s.hits.is_none())
            .map(|s| s.generation);
        if let Some((generation, stop)) = self.shelf_running.as_ref()
            && shelf_wants != Some(*generation)
        {
            stop.store(true, Ordering::Relaxed);
            self.shelf_running = None;
        }
        if let Some((generation, stop)) = self.running.as_ref()
            && app.finder().search.as_ref().map(|s| s.generation) != Some(*generation)
        {
            stop.store(true, Ordering::Relaxed);
            self.running = None;
        }
    }
}

/// A terminal event in the reader's terms: key presses and repeats (not releases), the mouse
/// buttons the reader binds, and resizes.
fn reader_event(ev: &event::Event) -> Option<Event> {
    match ev {
        event::Event::Key(k) if k.kind != KeyEventKind::Release => key_of(k).map(Event::Key),
        event::Event::Resize(w, h) => Some(Event::Resize(*w, *h)),
        event::Event::Mouse(m) => {
            let code = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Code::Click,
                MouseEventKind::ScrollDown => Code::WheelDown,
                MouseEventKind::ScrollUp => Code::WheelUp,
                _ => return None,
            };
            Some(Event::Mouse {
                button: Key::plain(code),
                column: m.column,
                row: m.row,
            })
        }
        _ => None,
    }
}

/// crossterm's key as the reader's (Alt combinations are not read: terminals disagree on them).
fn key_of(k: &KeyEvent) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let code = match k.code {
        KeyCode::Char(c) if ctrl => return Some(Key::ctrl(c)),
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: ctrl && !matches!(code, Code::BackTab),
    })
}
