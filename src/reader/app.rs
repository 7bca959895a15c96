//! The reader's state and its one mutator, [`App::update`]. No terminal, no I/O: a message
//! ([`Msg`]) comes in — a user's action resolved from a key or a click by
//! [`crate::reader::input`], a typed character, news from the loader or a finished count — and
//! side effects go out as an [`Effect`] for the event loop to perform. The fields are private:
//! rendering (`ui`) reads them through `&self` accessors and never changes them.

pub mod copying;
pub mod cursor;
pub mod find;
pub mod help;
pub mod loading;
pub mod navigate;
pub mod overlays;
pub mod plan_rows;
pub mod reading;
pub mod restore;
pub mod results;
pub mod shelf;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::doc::model::{Compilation, Report};
use crate::doc::search::Hits;
use crate::doc::view::{Anchor, DocView};
use crate::reader::action::Action;
use crate::reader::i18n::{self, Phrase};
use crate::reader::key::Key;
use crate::reader::keymap::{Context, Keymap};
use crate::reader::layout::{self, Layout, Pane};
use crate::reader::settings::ClipboardMethod;
use crate::reader::theme::{self, Theme};
use find::{Finder, MarkKey, PromptKind};
pub use reading::Reading;
pub use restore::Saved;

pub use crate::reader::settings::Settings;

/// What the event loop must do after an update.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Quit,
    /// Give the terminal back to the shell and stop until continued (`fg`), then redraw.
    Suspend,
    /// Turn mouse reporting (clicks and wheel only) on or off.
    Mouse(bool),
    /// Count every hit of `regex` off the UI thread and come back with [`Msg::Counted`].
    Count {
        generation: u64,
        regex: regex::Regex,
    },
    /// Search every compilation of the shelf off the UI thread and come back with
    /// [`Msg::ShelfCounted`].
    CountShelf {
        generation: u64,
        query: crate::doc::search::Query,
        books: Vec<(usize, Arc<Compilation>)>,
    },
    /// Put `text` on the user's clipboard, then come back with [`Msg::Copied`].
    Copy {
        text: String,
        label: String,
    },
}

/// Everything that can change the state: the only way in is [`App::update`].
#[derive(Debug)]
pub enum Msg {
    /// A user intent, resolved from a key or a mouse button by the keymap.
    Action(Action),
    /// A key typed into the open prompt (text entry: the one place keys are not in the table).
    Type(Key),
    /// The letter after `m` or `'`.
    Mark(MarkKey, char),
    /// What the status line shows of keys typed so far (`g_` of a chord, `m_`), or nothing.
    Pending(Option<String>),
    /// The pointer pressed on `pane`, on body row `row` (none: its header, or the wheel): the
    /// pane is focused and that row selected, then `action` (the button's binding there) is
    /// applied, unless the press was below the last row.
    Point {
        pane: Pane,
        row: Option<usize>,
        action: Option<Action>,
    },
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// The events of one batch are handled: the prompt's text typed during it is searched
    /// once (a fast typist, a paste or a slow link cost one search, not one per character).
    Settle,
    /// A one-line message for the status line (start-up problems).
    Say(String),
    /// Only the first part of a file of this many bytes is shown; the rest is being read.
    Preview { file_size: u64 },
    /// Percent of a large file parsed so far.
    Progress(u8),
    /// A snapshot of the model being parsed: the whole text; reports `..parsed` complete.
    Partial {
        doc: Box<Compilation>,
        parsed: usize,
    },
    /// Reports `first..first + reports.len()` of the model being parsed are complete.
    Reports { first: usize, reports: Vec<Report> },
    /// The whole file has been parsed: the complete model.
    Loaded(Box<Compilation>),
    /// The whole file has been parsed, its reports all delivered by [`Msg::Reports`]: the
    /// rest of the model (the compilation's reports are placeholders, and stay ours).
    Finished(Box<Compilation>),
    /// Reading the rest of the file failed: the preview stays, with this reason.
    LoadFailed(String),
    /// The hits of the search `generation` were counted.
    Counted { generation: u64, hits: Hits },
    /// A copy finished: what it was, its text and how it was sent.
    Copied {
        label: String,
        text: String,
        result: std::io::Result<ClipboardMethod>,
    },
    /// Start at a saved state: its marks, and its position when `position`.
    Resume { saved: Saved, position: bool },
    /// A compilation of the shelf was read (or why it could not be).
    BookArrived {
        book: usize,
        result: Result<Box<Compilation>, String>,
    },
    /// The shelf's search `generation` was counted: each book's hits.
    ShelfCounted {
        generation: u64,
        hits: Vec<(usize, Hits)>,
    },
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The open document and where it is being read.
    reading: Reading,
    settings: Settings,
    theme: Theme,
    focus: Pane,
    /// Terminal size (columns, rows).
    size: (u16, u16),
    /// Whether the plans pane is shown; `None` until the user decides (then it follows the
    /// width).
    plans_choice: Option<bool>,
    /// The help overlay's scroll offset, when it is open.
    help: Option<usize>,
    mouse: bool,
    /// A one-line message for the status line.
    message: Option<String>,
    /// Keys typed so far, as the status line shows them (`g_`, `m_`).
    pending: Option<String>,
    /// The marks list, when open, and its selected row.
    marks_open: bool,
    marks_selected: usize,
    /// Several compilations: the shelf they are on.
    shelf: Option<shelf::Shelf>,
}

impl App {
    /// A reader on `doc`.
    #[must_use]
    pub fn new(doc: Compilation, settings: Settings) -> Self {
        let theme = theme::load(&settings.theme, settings.color, &settings.user_themes)
            .or_else(|_| theme::builtin("default", settings.color))
            .unwrap_or_default();
        let mut app = Self {
            reading: Reading::new(doc),
            settings,
            theme,
            focus: Pane::Text,
            size: (80, 24),
            plans_choice: None,
            help: None,
            mouse: false,
            message: None,
            pending: None,
            marks_open: false,
            marks_selected: 0,
            shelf: None,
        };
        app.follow();
        app
    }

    /// A reader on a shelf of compilations, none read yet: the shelf's list shows first.
    #[must_use]
    pub fn with_shelf(settings: Settings, shelf: shelf::Shelf) -> Self {
        let mut app = Self::new(
            crate::doc::model::Compilation::unparsed(
                crate::doc::model::Text::new(String::new()),
                "",
            ),
            settings,
        );
        app.shelf = Some(shelf);
        app
    }

    /// The key the open document's reading state is saved under (for a single file, set once
    /// before the reader starts).
    #[must_use]
    pub fn with_document(mut self, document: String) -> Self {
        self.reading.document = Some(document);
        self
    }

    /// Applies one message. The only place where the state changes.
    pub fn update(&mut self, msg: Msg) -> Effect {
        match msg {
            Msg::Action(action) => return self.act(action),
            Msg::Type(key) => self.prompt_input(key),
            Msg::Mark(kind, c) => self.mark_key(kind, c),
            Msg::Pending(shown) => self.pending = shown,
            Msg::Point { pane, row, action } => return self.point(pane, row, action),
            Msg::Resize(width, height) => self.resize(width, height),
            Msg::Settle => return self.flush_prompt(),
            Msg::Say(text) => self.message = Some(text),
            Msg::Preview { file_size } => self.preview(file_size),
            Msg::Progress(p) => self.reading.loading = Some(p),
            Msg::Partial { doc, parsed } => return self.partial_doc(*doc, parsed),
            Msg::Reports { first, reports } => return self.reports_arrived(first, reports),
            Msg::Loaded(doc) => return self.replace_doc(*doc),
            Msg::Finished(doc) => return self.finish_doc(*doc),
            Msg::LoadFailed(e) => {
                self.reading.loading = None;
                self.message = Some(i18n::whole_file_failed(self.settings.lang, &e));
            }
            Msg::Counted { generation, hits } => self.hits_counted(generation, hits),
            Msg::Copied {
                label,
                text,
                result,
            } => self.copied(&label, &text, result),
            Msg::Resume { saved, position } => self.resume_from(saved, position),
            Msg::BookArrived { book, result } => {
                return self.book_arrived(book, result.map(|d| *d));
            }
            Msg::ShelfCounted { generation, hits } => self.shelf_counted(generation, hits),
        }
        Effect::None
    }

    /// Applies one action: what is open (help, a list, the prompt) takes it first.
    fn act(&mut self, action: Action) -> Effect {
        let moving = action.is_movement() || action.is_navigation();
        if moving {
            // Moving before a saved position could be placed (a large file still loading):
            // the user's choice wins over the saved one.
            if let Some(pending) = self.reading.resume.as_mut() {
                pending.position = None;
            }
            // A message is read once: the next move takes it away (a move that has something
            // to say sets its own). The selection's reminder stays while a selection is made.
            if self.reading.selection.is_none() {
                self.message = None;
            }
            // A move made while `G` waits for the whole text wins over it.
            if action != Action::Bottom {
                self.reading.pending_place = None;
            }
        }
        // Whatever is open: suspending keeps it as it is for when the reader comes back.
        if action == Action::Suspend {
            return Effect::Suspend;
        }
        if let Some(scroll) = self.help {
            return self.update_help(action, scroll);
        }
        if let Some(screen) = self.screen().filter(|s| *s != shelf::Screen::Reader) {
            return self.act_on_screen(screen, action);
        }
        if self.reading.results.is_some() || self.marks_open {
            return self.update_list(action);
        }
        if self.reading.finder.prompt.is_some() {
            return self.act_in_prompt(action);
        }
        self.act_in_panes(action)
    }

    /// An action on one of the shelf's screens (the prompt and the results list first).
    fn act_on_screen(&mut self, screen: shelf::Screen, action: Action) -> Effect {
        if self.reading.finder.prompt.is_some() {
            return self.act_in_prompt(action);
        }
        if self.shelf.as_ref().is_some_and(|s| s.results.is_some()) {
            return self.update_shelf_results(action);
        }
        match screen {
            shelf::Screen::Offices => self.act_on_offices(action),
            shelf::Screen::Track => self.act_on_track(action),
            _ => self.act_on_shelf(action),
        }
    }

    /// An action while the `/` or `:` prompt is open.
    fn act_in_prompt(&mut self, action: Action) -> Effect {
        match action {
            Action::PromptConfirm => self.prompt_confirm(),
            Action::PromptCancel => {
                self.prompt_cancel();
                Effect::None
            }
            Action::PromptToggleRegex => self.prompt_toggle_regex(),
            Action::HistoryOlder => self.prompt_history(true),
            Action::HistoryNewer => self.prompt_history(false),
            _ => Effect::None,
        }
    }

    /// An action on the panes (no overlay open).
    fn act_in_panes(&mut self, action: Action) -> Effect {
        match action {
            a if a.is_movement() => self.movement(a),
            a if a.is_navigation() => self.jump(a),
            Action::CopySection | Action::CopyReport | Action::CopyPlan | Action::CopyAllPlans => {
                return self.copy(action);
            }
            Action::SelectLines => self.toggle_selection(),
            Action::OpenSearch | Action::OpenJump => {
                self.message = None;
                self.open_prompt(if action == Action::OpenSearch {
                    PromptKind::Search
                } else {
                    PromptKind::Jump
                });
            }
            Action::NextHit | Action::PrevHit => self.next_hit(action == Action::NextHit),
            Action::JumpBack | Action::JumpForward => self.walk_jumps(action == Action::JumpBack),
            Action::OpenResults => self.open_results(),
            Action::ListMarks => self.marks_open = true,
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusContents | Action::FocusText | Action::FocusPlans => self.focus_on(action),
            Action::TogglePlans => self.toggle_plans(),
            Action::CycleTheme => self.cycle_theme(),
            Action::ToggleMouse => return self.toggle_mouse(),
            Action::ToggleHelp => self.help = Some(0),
            Action::ShowShelf => self.show_shelf(),
            Action::Cancel => self.cancel(),
            Action::Quit => return Effect::Quit,
            Action::Fold | Action::Unfold | Action::ToggleFold => self.fold(action),
            Action::Open => self.open(),
            // The resolver waits for the mark's letter and sends `Msg::Mark`; the scope and
            // the prompt's keys act only in their lists and prompts.
            _ => {}
        }
        Effect::None
    }

    /// `Esc` on the panes: the message, a waiting list, the selection, else the search.
    fn cancel(&mut self) {
        self.message = None;
        self.reading.results_waiting = None;
        if self.reading.selection.take().is_none() {
            self.reading.finder.search = None;
        }
    }

    pub(in crate::reader::app) fn toggle_mouse(&mut self) -> Effect {
        self.mouse = !self.mouse;
        self.message = Some(if self.mouse {
            self.hint(Phrase::MouseOn, Context::Global)
        } else {
            self.settings.lang.get(Phrase::MouseOff).into()
        });
        Effect::Mouse(self.mouse)
    }

    /// A fixed string of the interface with the keys it names filled in from the live keymap.
    pub(crate) fn hint(&self, text: Phrase, context: Context) -> String {
        self.settings
            .keymap
            .fill(self.settings.lang.get(text), context)
    }

    /// The open document and where it is being read.
    #[must_use]
    pub fn reading(&self) -> &Reading {
        &self.reading
    }

    /// The compilation.
    #[must_use]
    pub fn doc(&self) -> &Compilation {
        &self.reading.doc
    }

    /// The compilation, shared (for a thread that searches its text).
    #[must_use]
    pub fn shared_doc(&self) -> Arc<Compilation> {
        Arc::clone(&self.reading.doc)
    }

    /// The reading position: the first row of the text pane.
    #[must_use]
    pub fn top(&self) -> Anchor {
        self.reading.top
    }

    /// Search, the jump prompt, the jump list and marks.
    #[must_use]
    pub fn finder(&self) -> &Finder {
        &self.reading.finder
    }

    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The key table in use.
    #[must_use]
    pub fn keymap(&self) -> &Keymap {
        &self.settings.keymap
    }

    #[must_use]
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The focused pane.
    #[must_use]
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The terminal's size (columns, rows).
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The help overlay's scroll offset, when it is open.
    #[must_use]
    pub fn help_scroll(&self) -> Option<usize> {
        self.help
    }

    /// Whether mouse clicks and the wheel are reported.
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// The status line's message.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Keys typed so far, as the status line shows them (`g_`, `m_`).
    #[must_use]
    pub fn pending(&self) -> Option<&str> {
        self.pending.as_deref()
    }

    /// The marks list's selected row, when it is open.
    #[must_use]
    pub fn marks_list(&self) -> Option<usize> {
        self.marks_open.then_some(self.marks_selected)
    }

    /// How many reports have a plan part (counted once per model, not per frame: one plan
    /// start per such report).
    #[must_use]
    pub fn reports_with_plans(&self) -> usize {
        self.reading.plan_starts.len()
    }

    /// The report that holds the reading position (or the first one, before any report).
    #[must_use]
    pub fn current_report(&self) -> usize {
        self.reading.current_report()
    }

    /// Whether the plans pane is shown.
    #[must_use]
    pub fn plans_shown(&self) -> bool {
        self.plans_choice
            .unwrap_or_else(|| layout::plans_by_default(self.size.0))
    }

    /// The layout of the current frame.
    #[must_use]
    pub fn layout(&self) -> Layout {
        Layout::compute(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.plans_shown(),
            self.focus,
        )
    }

    /// The text pane's rectangle (as if focused, when one pane shows at a time).
    fn text_rect(&self) -> Rect {
        let l = self.layout();
        l.text
            .or_else(|| {
                Layout::compute(
                    Rect::new(0, 0, self.size.0, self.size.1),
                    self.plans_shown(),
                    Pane::Text,
                )
                .text
            })
            .unwrap_or_default()
    }

    /// Columns and rows of the text itself: the pane less its header, breadcrumb and gutter.
    #[must_use]
    pub fn text_size(&self) -> (usize, usize) {
        let r = self.text_rect();
        (
            usize::from(r.width.saturating_sub(1)).max(2),
            usize::from(r.height.saturating_sub(2)).max(1),
        )
    }

    /// Rows in the body of a pane (for paging the lists).
    fn pane_rows(&self, pane: Pane) -> usize {
        self.layout()
            .rect(pane)
            .map_or(1, |r| usize::from(r.height.saturating_sub(1)).max(1))
    }

    /// The text as shown at the current width.
    #[must_use]
    pub fn view(&self) -> DocView<'_> {
        DocView::new(
            &self.reading.doc,
            self.text_size().0,
            self.settings.ambiguous_wide,
        )
    }

    /// The key context for the current state.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.reading.finder.prompt.is_some() {
            return Context::Prompt;
        }
        if self.help.is_some() {
            return Context::Help;
        }
        if let Some(shelf) = self.shelf.as_ref() {
            match shelf.screen {
                _ if shelf.results.is_some() => return Context::List,
                shelf::Screen::Shelf | shelf::Screen::Offices => return Context::Shelf,
                shelf::Screen::Track => return Context::Track,
                shelf::Screen::Reader => {}
            }
        }
        if self.reading.results.is_some() || self.marks_open {
            return Context::List;
        }
        Context::of(self.focus)
    }
}

/// The byte `share` (0 to 1) of the way through `len` bytes.
pub(crate) fn share_of(len: usize, share: f64) -> usize {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let offset = (share.clamp(0.0, 1.0) * len as f64) as usize;
    offset.min(len)
}
