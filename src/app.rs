//! The reader's state and its one mutator, [`App::update`]. No terminal, no I/O: side effects
//! come back as an [`Effect`] for the event loop to perform. Rendering (`ui`) only reads `App`.

pub mod cursor;
pub mod find;
pub mod help;
pub mod restore;
pub mod results;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::action::Action;
use crate::i18n::{self, Msg};
use crate::keymap::{Context, Keymap, Resolved};
use crate::layout::{self, Layout, Pane};
use crate::model::{Compilation, LineNo};
use crate::theme::{self, ColorMode, Theme};
use crate::view::{Anchor, DocView};
use cursor::{Node, PlanEntry, Tree};
use find::{Finder, MarkKey, PromptKind};

/// What the event loop must do after an update.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Quit,
    /// Give the terminal back to the shell and stop until continued (`fg`), then redraw.
    Suspend,
    /// Turn mouse reporting (clicks and wheel only) on or off.
    Mouse(bool),
    /// Count every hit of `regex` off the UI thread and hand them to `App::hits_counted`.
    Count {
        generation: u64,
        regex: regex::Regex,
    },
    /// Put `text` on the user's clipboard, then report with `App::copied(label, …)`.
    Copy {
        text: String,
        label: String,
    },
}

/// Start-up choices.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: String,
    pub color: ColorMode,
    /// Count East Asian Ambiguous characters (`“”…—`) as two columns.
    pub ambiguous_wide: bool,
    /// The file's name, for the status line.
    pub file_name: String,
    /// Start each copy with a breadcrumb line (`《report》 › 二、…`).
    pub breadcrumb: bool,
    /// The interface language.
    pub lang: crate::i18n::Lang,
    /// The user's themes, `(name, file text)`, from the config directory.
    pub user_themes: Vec<(String, String)>,
    /// How copies reach the clipboard (for what to suggest when one fails).
    pub clipboard: crate::clipboard::Method,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: "default".into(),
            color: ColorMode::Ansi,
            ambiguous_wide: false,
            file_name: String::new(),
            breadcrumb: true,
            clipboard: crate::clipboard::Method::Auto,
            lang: crate::i18n::Lang::En,
            user_themes: Vec::new(),
        }
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The compilation, shared with the thread that counts search hits.
    pub doc: Arc<Compilation>,
    pub settings: Settings,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Pane,
    /// The reading position: the first row of the text pane.
    pub top: Anchor,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the plans pane is shown; `None` until the user decides (then it follows the width).
    pub plans_choice: Option<bool>,
    pub tree: Tree,
    /// The selected contents row.
    pub node: Node,
    /// The selected plans row.
    pub entry: PlanEntry,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    pub mouse: bool,
    /// A one-line message for the status line.
    pub message: Option<String>,
    /// Search, the jump prompt, the jump list and marks.
    pub finder: Finder,
    /// The search results list, when open.
    pub results: Option<results::Results>,
    /// `&` was pressed before the hits were counted: the list to open when they are.
    pub results_waiting: Option<results::Scope>,
    /// Percent of the file parsed while a large file opens in the background.
    pub loading: Option<u8>,
    /// The file's size while only its first part (the preview) is shown: the status line
    /// measures the position against the whole file, and `G` waits for its end.
    pub preview_of: Option<u64>,
    /// A place named on the preview that lies beyond it (`G`, `:80%`): gone to once the whole
    /// text is there.
    pub(crate) pending_place: Option<PendingPlace>,
    /// How many reports (from the first) have their outline and plan; the others are only
    /// titles until the background parse reaches them.
    pub parsed: usize,
    /// The line a line selection in progress (`v`) is anchored at.
    pub selection: Option<LineNo>,
    /// The selection's other end, which the movement keys move (as vim's `V`).
    pub selection_cursor: LineNo,
    /// Keys typed so far of a chord (`g` of `g r`), separated by spaces.
    pub pending_keys: String,
    /// A saved position (and marks) waiting for the text it points into (a large file's lines
    /// beyond its preview) or for the whole model (to fall back to a heading).
    pub resume: Option<restore::Pending>,
    /// The marks list, when open, and its selected row.
    pub marks_open: bool,
    pub marks_selected: usize,
    /// Report titles and heading lines, sorted: the stops of `}` and `{`.
    sections: Vec<LineNo>,
    /// Where each plan part starts, sorted: the stops of `)` and `(`.
    plan_starts: Vec<LineNo>,
}

impl App {
    /// A reader on `doc`.
    #[must_use]
    pub fn new(doc: Compilation, settings: Settings) -> Self {
        let theme = theme::load(&settings.theme, settings.color, &settings.user_themes)
            .or_else(|_| theme::builtin("default", settings.color))
            .unwrap_or_default();
        let (sections, plan_starts) = outline_stops(&doc);
        let tree = Tree::new(&doc);
        // Open at the first report: the contents pane already shows the TOC, `g` the title page.
        let first = doc.reports.first().map_or(1, |r| r.line);
        let parsed = doc.reports.len();
        let mut app = Self {
            doc: Arc::new(doc),
            settings,
            keymap: Keymap::default(),
            theme,
            focus: Pane::Text,
            top: Anchor::line(first),
            size: (80, 24),
            plans_choice: None,
            tree,
            node: Node::Report(0),
            entry: PlanEntry::default(),
            help: None,
            mouse: false,
            message: None,
            finder: Finder::default(),
            results: None,
            results_waiting: None,
            marks_open: false,
            marks_selected: 0,
            selection: None,
            selection_cursor: 0,
            loading: None,
            preview_of: None,
            pending_place: None,
            parsed,
            pending_keys: String::new(),
            resume: None,
            sections,
            plan_starts,
        };
        app.follow();
        app
    }

    /// How many reports have a plan part (counted once per model, not per frame: one plan
    /// start per such report).
    #[must_use]
    pub fn reports_with_plans(&self) -> usize {
        self.plan_starts.len()
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

    /// Rows in the body of the focused pane (for paging the lists).
    fn pane_rows(&self, pane: Pane) -> usize {
        self.layout()
            .rect(pane)
            .map_or(1, |r| usize::from(r.height.saturating_sub(1)).max(1))
    }

    /// The text as shown at the current width.
    #[must_use]
    pub fn view(&self) -> DocView<'_> {
        DocView::new(&self.doc, self.text_size().0, self.settings.ambiguous_wide)
    }

    /// The key context for the current state.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.finder.prompt.is_some() {
            return Context::Prompt;
        }
        if self.help.is_some() {
            return Context::Help;
        }
        if self.results.is_some() || self.marks_open {
            return Context::List;
        }
        match self.focus {
            Pane::Contents => Context::Contents,
            Pane::Text => Context::Text,
            Pane::Plans => Context::Plans,
        }
    }

    /// The terminal was resized: keep the reading position (it is anchored in the text).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let height = self.text_size().1;
        self.top = self.view().clamp(self.top, height);
    }

    /// Resolves a key in the current context and applies its action.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Effect {
        if let Some(kind) = self.finder.pending_mark.take() {
            if let KeyCode::Char(c) = key.code {
                self.mark_key(kind, c);
            }
            return Effect::None;
        }
        let name = crate::keymap::key_name(key);
        let keys = match (&name, self.pending_keys.is_empty()) {
            (Some(name), true) => name.clone(),
            (Some(name), false) => format!("{} {name}", self.pending_keys),
            (None, _) => String::new(),
        };
        let resolved = if keys.is_empty() {
            Resolved::Nothing
        } else {
            self.keymap.resolve_keys(self.context(), &keys)
        };
        match resolved {
            Resolved::Action(action) => {
                self.pending_keys.clear();
                self.update(action)
            }
            Resolved::Prefix => {
                self.pending_keys = keys;
                Effect::None
            }
            // A chord that went nowhere: forget it, and take the last key on its own.
            Resolved::Nothing if !self.pending_keys.is_empty() => {
                self.pending_keys.clear();
                self.handle_key(key)
            }
            Resolved::Nothing if self.finder.prompt.is_some() => self.prompt_input(*key),
            Resolved::Nothing => Effect::None,
        }
    }

    /// Applies one action. The only place where the state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        // Moving before a saved position could be placed (a large file still loading): the
        // user's choice wins over the saved one.
        if let Some(pending) = self
            .resume
            .as_mut()
            .filter(|_| action.is_movement() || action.is_navigation())
        {
            pending.position = None;
        }
        // Whatever is open: suspending keeps it as it is for when the reader comes back.
        if action == Action::Suspend {
            return Effect::Suspend;
        }
        // A message is read once: the next move takes it away (a move that has something to
        // say sets its own). The selection's reminder stays while a selection is made.
        if (action.is_movement() || action.is_navigation()) && self.selection.is_none() {
            self.message = None;
        }
        // A move made while `G` waits for the whole text wins over it.
        if (action.is_movement() || action.is_navigation()) && action != Action::Bottom {
            self.pending_place = None;
        }
        if let Some(scroll) = self.help {
            return self.update_help(action, scroll);
        }
        if self.results.is_some() || self.marks_open {
            self.update_list(action);
            return if action == Action::Quit {
                Effect::Quit
            } else {
                Effect::None
            };
        }
        if self.finder.prompt.is_some() {
            return match action {
                Action::PromptConfirm => self.prompt_confirm(),
                Action::PromptCancel => {
                    self.prompt_cancel();
                    Effect::None
                }
                Action::PromptToggleRegex => self.prompt_toggle_regex(),
                Action::HistoryOlder => self.prompt_history(true),
                Action::HistoryNewer => self.prompt_history(false),
                _ => Effect::None,
            };
        }
        match action {
            Action::OpenSearch => {
                self.message = None;
                self.open_prompt(PromptKind::Search);
            }
            Action::OpenJump => {
                self.message = None;
                self.open_prompt(PromptKind::Jump);
            }
            Action::NextHit => self.next_hit(true),
            Action::PrevHit => self.next_hit(false),
            Action::JumpBack => self.walk_jumps(true),
            Action::JumpForward => self.walk_jumps(false),
            Action::CopySection | Action::CopyReport | Action::CopyPlan | Action::CopyAllPlans => {
                return self.copy(action);
            }
            Action::SelectLines => {
                self.selection = match self.selection {
                    Some(_) => None,
                    None => Some(self.top.line),
                };
                self.selection_cursor = self.top.line;
                let selecting = i18n::keyed(
                    self.settings.lang.get(Msg::Selecting),
                    &self.keymap,
                    crate::keymap::Context::Text,
                );
                self.message = self.selection.map(|_| selecting);
            }
            Action::OpenResults => self.open_results(),
            Action::ListMarks => self.marks_open = true,
            Action::CycleScope => {}
            Action::SetMark => self.finder.pending_mark = Some(MarkKey::Set),
            Action::GoMark => self.finder.pending_mark = Some(MarkKey::Go),
            Action::PromptConfirm
            | Action::PromptCancel
            | Action::PromptToggleRegex
            | Action::HistoryOlder
            | Action::HistoryNewer => {}
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::ToggleHelp => self.help = Some(0),
            Action::Cancel => {
                self.message = None;
                self.results_waiting = None;
                if self.selection.take().is_none() {
                    self.finder.search = None;
                }
            }
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusContents => self.focus = Pane::Contents,
            Action::FocusText => self.focus = Pane::Text,
            Action::FocusPlans => {
                if self.size.0 >= layout::MEDIUM {
                    self.plans_choice = Some(true);
                }
                self.focus = Pane::Plans;
            }
            Action::TogglePlans => self.toggle_plans(),
            Action::CycleTheme => self.cycle_theme(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                let msg = if self.mouse {
                    Msg::MouseOn
                } else {
                    Msg::MouseOff
                };
                self.message = Some(self.settings.lang.get(msg).into());
                return Effect::Mouse(self.mouse);
            }
            Action::NextReport
            | Action::PrevReport
            | Action::NextHeading
            | Action::PrevHeading
            | Action::NextPlan
            | Action::PrevPlan => self.jump(action),
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.movement(action),
            Action::Fold | Action::Unfold | Action::ToggleFold => self.fold(action),
            Action::Open => self.open(),
        }
        Effect::None
    }

    /// Keys while the results or marks list is open.
    fn update_list(&mut self, action: Action) {
        let len = self
            .results
            .as_ref()
            .map_or_else(|| self.finder.marks.len(), |r| r.rows.len());
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let selected = self
            .results
            .as_ref()
            .map_or(self.marks_selected, |r| r.selected);
        let moved = match action {
            Action::Down => selected + 1,
            Action::Up => selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => selected + page,
            Action::PageUp | Action::HalfPageUp => selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => len,
            Action::CycleScope => {
                self.cycle_results_scope();
                return;
            }
            Action::Open => {
                if self.results.is_some() {
                    self.open_result();
                } else {
                    self.open_mark(selected);
                }
                return;
            }
            Action::Cancel | Action::OpenResults | Action::ListMarks | Action::Quit => {
                self.results = None;
                self.marks_open = false;
                return;
            }
            _ => return,
        };
        let clamped = moved.min(len.saturating_sub(1));
        match self.results.as_mut() {
            Some(r) => r.selected = clamped,
            None => self.marks_selected = clamped,
        }
    }

    fn update_help(&mut self, action: Action, scroll: usize) -> Effect {
        // Clamped here, to what the overlay shows at this size: after `G`, `k` moves at once.
        let max = self.help_max_scroll();
        let page = usize::from(
            help::frame(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)).height,
        )
        .saturating_sub(3)
        .max(1);
        self.help = match action {
            Action::Quit => return Effect::Quit,
            Action::ToggleHelp | Action::Cancel => None,
            Action::Down => Some(scroll + 1),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some(scroll + page),
            Action::HalfPageDown => Some(scroll + page / 2),
            Action::PageUp => Some(scroll.saturating_sub(page)),
            Action::HalfPageUp => Some(scroll.saturating_sub(page / 2)),
            Action::Top => Some(0),
            Action::Bottom => Some(max),
            _ => Some(scroll),
        }
        .map(|s| s.min(max));
        Effect::None
    }

    fn cycle_focus(&mut self, forward: bool) {
        let visible = self.layout().visible();
        // With one pane at a time, Tab walks through all three.
        let order = if visible.len() <= 1 {
            vec![Pane::Contents, Pane::Text, Pane::Plans]
        } else {
            visible
        };
        let i = order.iter().position(|&p| p == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    fn toggle_plans(&mut self) {
        // One pane at a time (narrow): `P` switches between the plans and the text, so it is
        // never silent.
        if self.size.0 < crate::layout::MEDIUM {
            self.focus = if self.focus == Pane::Plans {
                Pane::Text
            } else {
                Pane::Plans
            };
            return;
        }
        let shown = !self.plans_shown();
        self.plans_choice = Some(shown);
        if !shown && self.focus == Pane::Plans {
            self.focus = Pane::Text;
        }
        let height = self.text_size().1;
        self.top = self.view().clamp(self.top, height);
    }

    fn cycle_theme(&mut self) {
        // The next theme that loads; a user's broken theme file is skipped, and named.
        let user = &self.settings.user_themes;
        let mut name = self.theme.name.clone();
        let mut problem = None;
        for _ in 0..theme::names(user).len() {
            name = theme::next_name(&name, user);
            match theme::load(&name, self.settings.color, user) {
                Ok(t) => {
                    self.theme = t;
                    let shown = i18n::theme_is(self.settings.lang, &name);
                    self.message = Some(match problem {
                        Some(p) => format!("{shown}; {p}"),
                        None => shown,
                    });
                    return;
                }
                Err(e) => problem = Some(i18n::theme_ignored(self.settings.lang, &e.to_string())),
            }
        }
    }

    /// Moves the reading position to `anchor` (clamped) and lets the other panes follow.
    pub(crate) fn go_to(&mut self, anchor: Anchor) {
        let height = self.text_size().1;
        self.top = self.view().clamp(anchor, height);
        self.follow();
    }

    /// The contents and plans selections follow the reading position.
    fn follow(&mut self) {
        self.node = self.tree.node_at(&self.doc, self.top.line);
        self.entry = cursor::entry_at(&self.doc, self.top.line);
    }

    fn jump(&mut self, action: Action) {
        let here = self.top;
        let after = |lines: &[LineNo]| lines.iter().copied().find(|&l| l > here.line);
        let before = |lines: &[LineNo]| {
            lines
                .iter()
                .rev()
                .copied()
                .find(|&l| l < here.line || (l == here.line && here.byte > 0))
        };
        let target = match action {
            Action::NextReport => self.report_after(here.line),
            Action::PrevReport => self.report_before(here),
            Action::NextHeading => after(&self.sections),
            Action::PrevHeading => before(&self.sections),
            Action::NextPlan => after(&self.plan_starts),
            Action::PrevPlan => before(&self.plan_starts),
            _ => None,
        };
        match target {
            Some(line) => {
                self.jump_to(Anchor::line(line));
                if self.top == here {
                    self.message = Some(self.settings.lang.get(Msg::EndOnScreen).into());
                }
            }
            None => {
                let what = match action {
                    Action::NextReport | Action::PrevReport => i18n::Stop::Report,
                    Action::NextPlan | Action::PrevPlan => i18n::Stop::PlanPart,
                    _ => i18n::Stop::Heading,
                };
                let forward = matches!(
                    action,
                    Action::NextReport | Action::NextHeading | Action::NextPlan
                );
                self.message = Some(i18n::no_stop(self.settings.lang, what, forward));
            }
        }
    }

    fn report_after(&self, line: LineNo) -> Option<LineNo> {
        let i = self.doc.reports.partition_point(|r| r.line <= line);
        self.doc.reports.get(i).map(|r| r.line)
    }

    fn report_before(&self, here: Anchor) -> Option<LineNo> {
        let i = self
            .doc
            .reports
            .partition_point(|r| r.line < here.line || (r.line == here.line && here.byte > 0));
        i.checked_sub(1).map(|i| self.doc.reports[i].line)
    }

    fn movement(&mut self, action: Action) {
        // Before the reports are known (a large file still parsing) only the text moves.
        if self.doc.reports.is_empty() && self.focus != Pane::Text {
            return;
        }
        match self.focus {
            Pane::Text if self.selection.is_some() => self.extend_selection(action),
            Pane::Text => self.scroll_text(action),
            Pane::Contents => {
                let rows = self.pane_rows(Pane::Contents);
                self.node = self.step(
                    self.node,
                    action,
                    rows,
                    |app, n| app.tree.next(&app.doc, n),
                    |app, n| app.tree.prev(&app.doc, n),
                    |app| {
                        (
                            Node::Report(0),
                            app.tree.last(&app.doc).unwrap_or(Node::Report(0)),
                        )
                    },
                );
            }
            Pane::Plans => {
                let rows = self.pane_rows(Pane::Plans) / 2;
                self.entry = self.step(
                    self.entry,
                    action,
                    rows.max(1),
                    |app, e| cursor::next_entry(&app.doc, e),
                    |app, e| cursor::prev_entry(&app.doc, e),
                    |app| {
                        let last = app.doc.reports.len() - 1;
                        let items = app.doc.reports[last]
                            .plan
                            .as_ref()
                            .map_or(0, |p| p.items.len());
                        (
                            PlanEntry::default(),
                            PlanEntry {
                                report: last,
                                item: items.checked_sub(1),
                            },
                        )
                    },
                );
            }
        }
    }

    /// Moves a list selection by an action: one row, a page, half a page, or to an end.
    fn step<T: Copy>(
        &self,
        from: T,
        action: Action,
        page: usize,
        next: impl Fn(&Self, T) -> Option<T>,
        prev: impl Fn(&Self, T) -> Option<T>,
        ends: impl Fn(&Self) -> (T, T),
    ) -> T {
        let (count, forward) = match action {
            Action::Down => (1, true),
            Action::Up => (1, false),
            Action::PageDown => (page, true),
            Action::PageUp => (page, false),
            Action::HalfPageDown => ((page / 2).max(1), true),
            Action::HalfPageUp => ((page / 2).max(1), false),
            Action::Top => return ends(self).0,
            Action::Bottom => return ends(self).1,
            _ => return from,
        };
        let mut at = from;
        for _ in 0..count {
            match if forward {
                next(self, at)
            } else {
                prev(self, at)
            } {
                Some(n) => at = n,
                None => break,
            }
        }
        at
    }

    fn scroll_text(&mut self, action: Action) {
        // The end of the preview is not the end of the file: `G` goes there when it is in.
        self.pending_place =
            (action == Action::Bottom && self.preview_of.is_some()).then_some(PendingPlace::Bottom);
        let (_, height) = self.text_size();
        let view = self.view();
        let page = height.saturating_sub(1).max(1);
        let top = match action {
            Action::Down => view.down(self.top, 1),
            Action::Up => view.up(self.top, 1),
            Action::PageDown => view.down(self.top, page),
            Action::PageUp => view.up(self.top, page),
            Action::HalfPageDown => view.down(self.top, (height / 2).max(1)),
            Action::HalfPageUp => view.up(self.top, (height / 2).max(1)),
            Action::Top | Action::Bottom => {
                let target = if action == Action::Top {
                    Anchor::line(1)
                } else {
                    view.last_top(height)
                };
                self.jump_to(target);
                return;
            }
            _ => self.top,
        };
        self.go_to(top);
    }

    fn fold(&mut self, action: Action) {
        if self.focus != Pane::Contents || self.doc.reports.is_empty() {
            return;
        }
        let r = self.node.report();
        let open = self.tree.unfolded[r];
        match (action, self.node) {
            // `h` on a heading goes up to its report, as in file managers.
            (Action::Fold, Node::Heading(..)) => self.node = Node::Report(r),
            (Action::Fold, _) => self.tree.unfolded[r] = false,
            (Action::Unfold, _) => self.tree.unfolded[r] = true,
            _ => {
                self.tree.unfolded[r] = !open;
                self.node = Node::Report(r);
            }
        }
    }

    /// The first row the contents pane shows at `height` rows: a third of a page above the
    /// selection (stateless scrolling, so a click can be placed as the renderer placed it).
    #[must_use]
    pub fn contents_first(&self, height: usize) -> Node {
        let mut first = self.node;
        for _ in 0..height / 3 {
            match self.tree.prev(&self.doc, first) {
                Some(p) => first = p,
                None => break,
            }
        }
        first
    }

    /// A click on row `row` of the contents pane's body: that report or heading is selected and
    /// opened in the text, as `Enter` on it would.
    pub fn contents_clicked(&mut self, row: usize) -> Effect {
        let height = self.pane_rows(Pane::Contents);
        let mut node = Some(self.contents_first(height));
        for _ in 0..row {
            node = node.and_then(|n| self.tree.next(&self.doc, n));
        }
        let Some(node) = node else {
            return Effect::None;
        };
        self.update(Action::FocusContents);
        self.node = node;
        self.update(Action::Open)
    }

    fn open(&mut self) {
        if self.doc.reports.is_empty() {
            return;
        }
        let line = match self.focus {
            Pane::Contents => cursor::node_line(&self.doc, self.node),
            Pane::Plans => cursor::entry_line(&self.doc, self.entry),
            Pane::Text => return,
        };
        let (node, entry) = (self.node, self.entry);
        self.jump_to(Anchor::line(line));
        // Keep the row the user chose selected, even where the text could not scroll that far.
        match self.focus {
            Pane::Contents => self.node = node,
            _ => self.entry = entry,
        }
    }

    /// The whole file has been parsed: it replaces the preview. The reading position, marks and
    /// jumps stay (line numbers are the file's in both); an active search is counted again.
    pub fn replace_doc(&mut self, doc: Compilation) -> Effect {
        self.loading = None;
        let parsed = doc.reports.len();
        let new_text = !doc.text.same(&self.doc.text);
        self.install(doc, parsed, new_text)
    }

    /// A snapshot of the model while the background parse goes on: the whole text, and reports
    /// `..parsed` complete. A snapshot without reports (the text alone) keeps the outline shown so
    /// far, which is valid in the whole text too.
    pub fn partial_doc(&mut self, mut doc: Compilation, parsed: usize) -> Effect {
        let parsed = if doc.reports.is_empty() && !self.doc.reports.is_empty() {
            doc = Compilation {
                text: doc.text,
                encoding: doc.encoding,
                ..(*self.doc).clone()
            };
            self.parsed
        } else {
            parsed
        };
        let new_text = !doc.text.same(&self.doc.text);
        self.install(doc, parsed, new_text)
    }

    /// Reports `first..first + reports.len()` of the model being parsed are complete.
    pub fn reports_arrived(&mut self, first: usize, reports: Vec<crate::model::Report>) -> Effect {
        let mut doc = Arc::unwrap_or_clone(std::mem::take(&mut self.doc));
        let end = first + reports.len();
        if end <= doc.reports.len() {
            doc.reports.splice(first..end, reports);
        }
        let parsed = self.parsed.max(end);
        self.install(doc, parsed, false)
    }

    /// Puts `doc` in place keeping the reading position; when its text is new (the whole file
    /// after a preview), an active search is finished and counted on it.
    fn install(&mut self, doc: Compilation, parsed: usize, new_text: bool) -> Effect {
        let (sections, plan_starts) = outline_stops(&doc);
        self.sections = sections;
        self.plan_starts = plan_starts;
        // Folds the user made stay while batches of the same reports arrive; another list of
        // reports (the preview replaced) starts from the default folding.
        if self.tree.unfolded.len() != doc.reports.len() {
            self.tree = Tree::new(&doc);
        }
        self.doc = Arc::new(doc);
        self.parsed = parsed;
        let height = self.text_size().1;
        self.top = self.view().clamp(self.top, height);
        self.follow();
        self.try_resume();
        if !new_text {
            return Effect::None;
        }
        // The whole text is in: no preview any more, and a `G` waiting for it goes there now.
        self.preview_of = None;
        match self.pending_place.take() {
            Some(PendingPlace::Bottom) => {
                self.top = self.view().last_top(height);
                self.follow();
            }
            Some(PendingPlace::Share(share)) => {
                let offset = share_of(self.doc.text.as_str().len(), share);
                self.go_to(Anchor::line(self.doc.text.line_of_offset(offset)));
            }
            None => {}
        }
        // A search started on the preview now covers the whole text: find its hit if it had none.
        if self.finder.prompt.is_some() {
            return self.prompt_refresh();
        }
        let missing = self
            .finder
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_none());
        if missing {
            self.message = None;
            self.next_hit(true);
        }
        self.recount()
    }

    /// Builds the text for a copy action; the event loop puts it on the clipboard.
    fn copy(&mut self, action: Action) -> Effect {
        let doc = &self.doc;
        let r = self.current_report();
        let breadcrumb = self.settings.breadcrumb;
        let piece = match action {
            Action::CopyAllPlans => {
                let (text, n) = crate::copy::all_plans(doc, breadcrumb);
                return Effect::Copy {
                    text,
                    label: i18n::plan_parts(self.settings.lang, n),
                };
            }
            Action::CopySection if self.selection.is_some() => {
                let (first, last) = self
                    .selected_lines()
                    .unwrap_or((self.top.line, self.top.line));
                self.selection = None;
                Some(crate::copy::lines(&self.doc, first, last))
            }
            Action::CopySection if self.focus == Pane::Plans => {
                crate::copy::plan(doc, self.entry.report)
                    .or_else(|| crate::copy::report(doc, self.entry.report))
            }
            // On the title page: the title page itself (title, count, 目录).
            Action::CopySection => crate::copy::section_at(doc, self.top.line)
                .or_else(|| crate::copy::title_page(doc, self.top.line)),
            Action::CopyReport => crate::copy::report(doc, r),
            _ => crate::copy::plan(doc, r),
        };
        match piece {
            Some(p) => Effect::Copy {
                text: p.text(doc, breadcrumb),
                label: p.label,
            },
            None => {
                // Only a plan can be missing from a report that is there.
                let report = doc.reports.get(r).filter(|_| action == Action::CopyPlan);
                self.message = Some(match report {
                    Some(report) => i18n::has_no_plan(self.settings.lang, &report.title),
                    None => self.settings.lang.get(Msg::NothingToCopyYet).into(),
                });
                Effect::None
            }
        }
    }

    /// The lines a selection covers: from where `v` was pressed to where the movement keys took
    /// its other end.
    #[must_use]
    pub fn selected_lines(&self) -> Option<(LineNo, LineNo)> {
        let anchor = self.selection?;
        let cursor = self.selection_cursor;
        Some((anchor.min(cursor), anchor.max(cursor)))
    }

    /// Moves the selection's other end a shown line (or a page, or to an end) and scrolls so it
    /// stays on screen.
    fn extend_selection(&mut self, action: Action) {
        let (_, height) = self.text_size();
        let view = self.view();
        let last = self.doc.text.line_count();
        let step = |from: LineNo, down: bool, n: usize| {
            let mut at = from;
            for _ in 0..n {
                let next = if down {
                    view.shown_at_or_after(at + 1)
                } else {
                    at.checked_sub(1).and_then(|p| view.shown_at_or_before(p))
                };
                match next {
                    Some(l) => at = l,
                    None => break,
                }
            }
            at
        };
        let cursor = self.selection_cursor;
        let page = height.saturating_sub(1).max(1);
        let moved = match action {
            Action::Down => step(cursor, true, 1),
            Action::Up => step(cursor, false, 1),
            Action::PageDown => step(cursor, true, page),
            Action::PageUp => step(cursor, false, page),
            Action::HalfPageDown => step(cursor, true, (height / 2).max(1)),
            Action::HalfPageUp => step(cursor, false, (height / 2).max(1)),
            Action::Top => view.shown_at_or_after(1).unwrap_or(1),
            Action::Bottom => view.shown_at_or_before(last).unwrap_or(last),
            _ => cursor,
        };
        // Keep the moving end on screen: above the top, it becomes the top; below the last row,
        // the text scrolls so it is the last.
        let cursor = moved;
        let top = if cursor < self.top.line {
            Anchor::line(cursor)
        } else {
            let rows = view.rows_from(self.top, height);
            if rows.last().is_some_and(|r| r.line < cursor) {
                let at = view.snap(Anchor::line(cursor));
                let last_row = view.rows(at.line).len().saturating_sub(1);
                view.up(view.down(at, last_row), height.saturating_sub(1))
            } else {
                self.top
            }
        };
        self.selection_cursor = cursor;
        self.go_to(top);
    }

    /// A copy finished: say what was copied, how long it is and how it was sent.
    pub fn copied(
        &mut self,
        label: &str,
        text: &str,
        result: std::io::Result<crate::clipboard::Method>,
    ) {
        let chars = text.chars().count();
        let lang = self.settings.lang;
        self.message = Some(match result {
            Ok(method) => {
                let mut m = i18n::copied(lang, label, &thousands(chars), method.name());
                let payload = text.len().div_ceil(3) * 4;
                if method == crate::clipboard::Method::Osc52
                    && payload > crate::clipboard::OSC52_WARN_BYTES
                {
                    m.push_str(lang.get(Msg::Osc52Large));
                }
                m
            }
            Err(e) => i18n::copy_failed(lang, &e.to_string(), self.settings.clipboard),
        });
    }

    /// The report that holds the reading position (or the first one, before any report).
    #[must_use]
    pub fn current_report(&self) -> usize {
        self.doc
            .reports
            .partition_point(|r| r.line <= self.top.line)
            .saturating_sub(1)
    }
}

/// A place named while only a large file's preview is shown, to go to when the whole text is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PendingPlace {
    /// `G`: the end.
    Bottom,
    /// `:N%`: this share (0 to 1) of the whole text.
    Share(f64),
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

/// `1234567` as `1,234,567` (a space would read as two numbers).
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Report titles and heading lines (the stops of `}` and `{`), and where plan parts start (the
/// stops of `)` and `(`), each sorted.
fn outline_stops(doc: &Compilation) -> (Vec<LineNo>, Vec<LineNo>) {
    let mut sections: Vec<LineNo> = doc
        .reports
        .iter()
        .flat_map(|r| std::iter::once(r.line).chain(r.headings.iter().map(|h| h.line)))
        .collect();
    sections.sort_unstable();
    sections.dedup();
    let plan_starts = doc
        .reports
        .iter()
        .filter_map(|r| {
            r.plan
                .as_ref()
                .map(|p| p.heading_line.unwrap_or(p.start_line))
        })
        .collect();
    (sections, plan_starts)
}
