//! The `/` and `:` prompt: typing (with readline's keys), the search run once per batch of
//! keys, history with its regex flag, and what `Enter` and `Esc` do.

use ratatui_textarea::TextArea;

use super::super::{App, Effect};
use super::{ActiveSearch, Candidate};
use crate::doc::search::{self, Query};
use crate::doc::view::Anchor;
use crate::reader::i18n;
use crate::reader::key::{Code, Key};

/// What the prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: search the whole compilation.
    Search,
    /// `:`: a line (`120`), a percentage (`50%`), or a report or heading by name.
    Jump,
    /// `/` on the shelf: search every compilation (on `Enter`, off the UI thread).
    Shelf,
    /// `/` on the offices list: the first office whose name holds the text, as it is typed.
    Office,
}

/// The open prompt.
#[derive(Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    /// The line being edited (ratatui-textarea keeps the text and the caret).
    pub input: TextArea<'static>,
    /// Where the reading position was when the prompt opened (`Esc` returns there).
    pub origin: Anchor,
    /// Search: read the text as a regular expression (`Ctrl-r`).
    pub regex: bool,
    /// Position in the history while browsing it with Up/Down.
    history_pos: Option<usize>,
    /// Why the current text cannot be searched (an invalid regex).
    pub error: Option<String>,
    /// Jump: the candidate rows matching the text, best first, and the selected one.
    pub candidates: Vec<Candidate>,
    pub selected: usize,
    /// The search that was active before the prompt opened.
    previous: Option<ActiveSearch>,
    /// The text changed but has not been searched yet (typing is searched once per batch).
    dirty: bool,
}

impl Prompt {
    /// The text typed so far.
    #[must_use]
    pub fn text(&self) -> String {
        self.input.lines().first().cloned().unwrap_or_default()
    }

    /// The caret's position in characters.
    #[must_use]
    pub fn caret(&self) -> usize {
        self.input.cursor().1
    }
}

impl App {
    /// Opens the search (`/`) or jump (`:`) prompt.
    pub(in crate::reader::app) fn open_prompt(&mut self, kind: PromptKind) {
        let mut input = TextArea::default();
        input.set_cursor_line_style(ratatui::style::Style::default());
        self.reading.finder.prompt = Some(Prompt {
            kind,
            input,
            origin: self.reading.top,
            regex: false,
            history_pos: None,
            error: None,
            candidates: Vec::new(),
            selected: 0,
            previous: self.reading.finder.search.clone(),
            dirty: false,
        });
        if kind == PromptKind::Jump {
            self.refresh_candidates();
        }
    }

    /// A key typed into the prompt (text entry is the one place keys are not in the table).
    /// The text is searched once the batch of keys it came in is handled ([`Phrase::Settle`]).
    ///
    /// [`Phrase::Settle`]: super::Msg::Settle
    pub(in crate::reader::app) fn prompt_input(&mut self, key: Key) {
        let Some(prompt) = self.reading.finder.prompt.as_mut() else {
            return;
        };
        let before = prompt.text();
        edit(&mut prompt.input, key);
        if prompt.text() != before {
            prompt.history_pos = None;
            prompt.dirty = true;
        }
    }

    /// Runs the search for the text typed since the last time.
    pub(in crate::reader::app) fn flush_prompt(&mut self) -> Effect {
        match self.reading.finder.prompt.as_mut() {
            Some(p) if p.dirty => {
                p.dirty = false;
                self.prompt_changed()
            }
            _ => Effect::None,
        }
    }

    /// Recomputes what the prompt's text finds.
    pub(in crate::reader::app) fn prompt_changed(&mut self) -> Effect {
        let Some(prompt) = self.reading.finder.prompt.as_ref() else {
            return Effect::None;
        };
        match prompt.kind {
            PromptKind::Jump => {
                self.refresh_candidates();
                Effect::None
            }
            PromptKind::Shelf => {
                let query = Query {
                    text: prompt.text(),
                    regex: prompt.regex,
                };
                let error = search::compile(&query)
                    .err()
                    .filter(|_| !query.text.is_empty());
                self.set_prompt_error(error);
                Effect::None
            }
            PromptKind::Office => {
                let text = prompt.text();
                self.find_office(&text);
                Effect::None
            }
            PromptKind::Search => self.search_prompt_changed(),
        }
    }

    /// The search prompt's text changed: its first hit from where the prompt opened, and a
    /// count of every hit off the UI thread.
    fn search_prompt_changed(&mut self) -> Effect {
        let Some(prompt) = self.reading.finder.prompt.as_ref() else {
            return Effect::None;
        };
        let query = Query {
            text: prompt.text(),
            regex: prompt.regex,
        };
        let origin = prompt.origin;
        if query.text.is_empty() {
            self.set_prompt_error(None);
            self.reading.finder.search = None;
            self.go_to(origin);
            return Effect::None;
        }
        match search::compile_in(&self.reading.doc, &query) {
            Ok(re) => {
                self.set_prompt_error(None);
                let from = self.offset_of(origin);
                let text = self.reading.doc.text.as_str();
                let current =
                    search::find_from(&re, text, from).or_else(|| search::find_from(&re, text, 0));
                self.reading.finder.generation += 1;
                let generation = self.reading.finder.generation;
                self.reading.finder.search = Some(ActiveSearch {
                    query,
                    regex: re.clone(),
                    current: current.clone(),
                    hits: None,
                    generation,
                });
                match current {
                    Some(hit) => self.show_hit(&hit),
                    None => self.go_to(origin),
                }
                Effect::Count {
                    generation,
                    regex: re,
                }
            }
            Err(message) => {
                self.set_prompt_error(Some(message));
                Effect::None
            }
        }
    }

    pub(in crate::reader::app) fn set_prompt_error(&mut self, error: Option<String>) {
        if let Some(p) = self.reading.finder.prompt.as_mut() {
            p.error = error;
        }
    }

    /// Searches the prompt's text again (the text under it changed).
    pub(crate) fn prompt_refresh(&mut self) -> Effect {
        self.prompt_changed()
    }

    /// `Enter` in the prompt.
    pub(in crate::reader::app) fn prompt_confirm(&mut self) -> Effect {
        let pending = self.flush_prompt();
        let Some(prompt) = self.reading.finder.prompt.take() else {
            return Effect::None;
        };
        let text = prompt.text();
        let entry = Query {
            text: text.clone(),
            regex: prompt.regex,
        };
        if matches!(prompt.kind, PromptKind::Search | PromptKind::Shelf)
            && !text.is_empty()
            && self.reading.finder.history.last() != Some(&entry)
        {
            self.reading.finder.history.push(entry.clone());
        }
        match prompt.kind {
            PromptKind::Shelf => {
                return self.start_shelf_search(entry);
            }
            PromptKind::Office => {}
            PromptKind::Search => self.search_confirmed(prompt, &text),
            PromptKind::Jump => {
                self.go_to(prompt.origin);
                // `:80%` on a large file's preview: the share of the whole file, gone to when
                // the whole text is there if the preview does not reach it.
                let share = text
                    .trim()
                    .strip_suffix('%')
                    .and_then(|p| p.trim().parse::<f64>().ok())
                    .map(|p| p.clamp(0.0, 100.0) / 100.0);
                if let (Some(share), Some(size)) = (share, self.reading.preview_of) {
                    let size = usize::try_from(size).unwrap_or(usize::MAX);
                    if super::super::share_of(size, share) > self.reading.doc.text.as_str().len() {
                        self.reading.pending_place =
                            Some(super::super::loading::PendingPlace::Share(share));
                    }
                }
                let target = self.jump_target(&text, prompt.candidates.get(prompt.selected));
                match target {
                    Some(anchor) => self.jump_to(anchor),
                    None if text.is_empty() => {}
                    None => self.message = Some(i18n::nothing_matches(self.settings.lang, &text)),
                }
            }
        }
        pending
    }

    /// `Enter` in the search prompt: an invalid pattern or no hit goes back to where the prompt
    /// opened, saying why; a hit found is a jump (`Ctrl-o` comes back).
    fn search_confirmed(&mut self, prompt: Prompt, text: &str) {
        if let Some(e) = prompt.error {
            self.message = Some(e);
            self.reading.finder.search = prompt.previous;
            self.go_to(prompt.origin);
        } else if self
            .reading
            .finder
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_none())
        {
            self.message = Some(i18n::not_found(self.settings.lang, text));
            self.go_to(prompt.origin);
        } else if self.reading.finder.search.is_some() {
            self.record_jump(prompt.origin);
        }
    }

    /// `Esc` in the prompt: back to where it opened, with the search that was in force.
    pub(in crate::reader::app) fn prompt_cancel(&mut self) {
        if let Some(prompt) = self.reading.finder.prompt.take() {
            if prompt.kind == PromptKind::Office {
                self.back_to_office_before_find();
            }
            self.reading.finder.search = prompt.previous;
            self.go_to(prompt.origin);
        }
    }

    /// `Ctrl-r` in the search prompt.
    pub(in crate::reader::app) fn prompt_toggle_regex(&mut self) -> Effect {
        let Some(prompt) = self
            .reading
            .finder
            .prompt
            .as_mut()
            .filter(|p| matches!(p.kind, PromptKind::Search | PromptKind::Shelf))
        else {
            return Effect::None;
        };
        prompt.regex = !prompt.regex;
        self.prompt_changed()
    }

    /// Up/Down in the prompt: the search history, or the `:` picker's selection.
    pub(in crate::reader::app) fn prompt_history(&mut self, older: bool) -> Effect {
        let history_len = self.reading.finder.history.len();
        let Some(prompt) = self.reading.finder.prompt.as_mut() else {
            return Effect::None;
        };
        if prompt.kind == PromptKind::Jump {
            let n = prompt.candidates.len();
            if n > 0 {
                prompt.selected = if older {
                    prompt.selected.saturating_sub(1)
                } else {
                    (prompt.selected + 1).min(n - 1)
                };
            }
            return Effect::None;
        }
        if history_len == 0 {
            return Effect::None;
        }
        let pos = match (prompt.history_pos, older) {
            (None, true) => Some(history_len - 1),
            (None, false) => None,
            (Some(p), true) => Some(p.saturating_sub(1)),
            (Some(p), false) => (p + 1 < history_len).then_some(p + 1),
        };
        prompt.history_pos = pos;
        // An entry comes back in the mode it was searched in (a regex stays a regex).
        let (text, regex) = pos.map_or((String::new(), prompt.regex), |p| {
            let q = &self.reading.finder.history[p];
            (q.text.clone(), q.regex)
        });
        prompt.regex = regex;
        prompt.input = TextArea::new(vec![text]);
        prompt
            .input
            .set_cursor_line_style(ratatui::style::Style::default());
        prompt.input.move_cursor(ratatui_textarea::CursorMove::End);
        self.prompt_changed()
    }
}

/// Applies a key to the prompt's line. Readline's line editing where the text area's defaults
/// differ: Ctrl-a/Ctrl-e to the start/end, Ctrl-u clears back to the start (not undo), Ctrl-k
/// to the end, Ctrl-w deletes the word before the caret.
fn edit(line: &mut TextArea<'static>, key: Key) {
    use ratatui_textarea::{CursorMove, Input, Key as AreaKey};
    let area_key = match (key.code, key.ctrl) {
        (Code::Char('u'), true) => {
            line.delete_line_by_head();
            return;
        }
        (Code::Char('k'), true) => {
            line.delete_line_by_end();
            return;
        }
        (Code::Char('w'), true) => {
            line.delete_word();
            return;
        }
        (Code::Char('a'), true) => return line.move_cursor(CursorMove::Head),
        (Code::Char('e'), true) => return line.move_cursor(CursorMove::End),
        (Code::Char(c), _) => AreaKey::Char(c),
        (Code::Backspace, _) => AreaKey::Backspace,
        (Code::Delete, _) => AreaKey::Delete,
        (Code::Left, _) => AreaKey::Left,
        (Code::Right, _) => AreaKey::Right,
        (Code::Home, _) => AreaKey::Home,
        (Code::End, _) => AreaKey::End,
        _ => return,
    };
    line.input(Input {
        key: area_key,
        ctrl: key.ctrl,
        alt: false,
        shift: false,
    });
}
