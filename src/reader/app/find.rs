//! Search, the `:` jump prompt, the jump list and marks: the parts of `App::update` that move
//! the reading position to a place found by content rather than by structure.
//!
//! Typing in the search prompt finds the first hit from where the search started at once (one
//! regex scan from that point); counting every hit of a 100 MB text is handed to the event loop
//! as [`Effect::Count`], done on another thread, and arrives through [`App::hits_counted`].

use crate::reader::i18n::{self, Msg};
use std::collections::HashMap;
use std::sync::Arc;

use ratatui_textarea::TextArea;
use regex::Regex;

use super::loading::PendingPlace;
use super::{App, Effect};
use crate::doc::search::{self, Hit, Query};
use crate::doc::view::Anchor;
use crate::reader::key::{Code, Key};
use crate::reader::keymap::Context;

/// What the prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: search the whole compilation.
    Search,
    /// `:`: a line (`120`), a percentage (`50%`), or a report or heading by name.
    Jump,
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

/// A report or heading offered by the `:` picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub line: crate::doc::model::LineNo,
    /// The heading or title, and the report it belongs to (for headings).
    pub label: String,
    pub report: Option<String>,
}

/// The search in force for `n`/`N` and highlighting.
#[derive(Debug, Clone)]
pub struct ActiveSearch {
    pub query: Query,
    pub regex: Regex,
    /// The hit the reading position was moved to.
    pub current: Option<Hit>,
    /// Every hit, once counted (off the UI thread).
    pub hits: Option<Arc<Vec<Hit>>>,
    /// Ties a count to the query it was started for.
    pub generation: u64,
}

impl ActiveSearch {
    /// `k/N` for the status line (`k/…` while counting).
    #[must_use]
    pub fn counter(&self) -> String {
        match (&self.hits, &self.current) {
            (Some(h), Some(c)) => format!(
                "{}/{}",
                h.partition_point(|x| x.start < c.start) + 1,
                h.len()
            ),
            (Some(h), None) => format!("0/{}", h.len()),
            (None, Some(_)) => "?/..".into(),
            (None, None) => "0/..".into(),
        }
    }
}

/// Search, jump list and marks state.
#[derive(Debug, Default)]
pub struct Finder {
    pub prompt: Option<Prompt>,
    pub search: Option<ActiveSearch>,
    /// Searches confirmed, oldest first, each with its mode (literal or regex).
    pub history: Vec<Query>,
    generation: u64,
    /// Places jumped from, for `Ctrl-o`/`Ctrl-i`, and where in that list we are.
    jumps: Vec<Anchor>,
    jump_pos: usize,
    /// Where the last jump started (`''`).
    last_jump_from: Option<Anchor>,
    pub marks: HashMap<char, Anchor>,
}

/// Which mark command waits for its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    Set,
    Go,
}

/// A picker match: its score, its report, and its heading there (none: the report's title).
type Scored = (i64, usize, Option<usize>);

/// Most candidates the `:` picker keeps.
const MAX_CANDIDATES: usize = 200;

impl App {
    /// Opens the search (`/`) or jump (`:`) prompt.
    pub fn open_prompt(&mut self, kind: PromptKind) {
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
    /// The text is searched once the batch of keys it came in is handled ([`Msg::Settle`]).
    ///
    /// [`Msg::Settle`]: super::Msg::Settle
    pub(super) fn prompt_input(&mut self, key: Key) {
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

    /// The generation of the newest search.
    #[must_use]
    pub fn search_generation(&self) -> u64 {
        self.reading.finder.generation
    }

    /// Runs the search for the text typed since the last time.
    pub fn flush_prompt(&mut self) -> Effect {
        match self.reading.finder.prompt.as_mut() {
            Some(p) if p.dirty => {
                p.dirty = false;
                self.prompt_changed()
            }
            _ => Effect::None,
        }
    }

    /// Recomputes what the prompt's text finds.
    pub(super) fn prompt_changed(&mut self) -> Effect {
        let Some(prompt) = self.reading.finder.prompt.as_ref() else {
            return Effect::None;
        };
        match prompt.kind {
            PromptKind::Jump => {
                self.refresh_candidates();
                Effect::None
            }
            PromptKind::Search => {
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
                        let current = search::find_from(&re, text, from)
                            .or_else(|| search::find_from(&re, text, 0));
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
        }
    }

    pub(super) fn set_prompt_error(&mut self, error: Option<String>) {
        if let Some(p) = self.reading.finder.prompt.as_mut() {
            p.error = error;
        }
    }

    /// Searches the prompt's text again (the text under it changed).
    pub(crate) fn prompt_refresh(&mut self) -> Effect {
        self.prompt_changed()
    }

    /// Counts the active search again (the text changed under it: the whole file arrived).
    pub(crate) fn recount(&mut self) -> Effect {
        self.reading.finder.generation += 1;
        let generation = self.reading.finder.generation;
        let Some(s) = self.reading.finder.search.as_mut() else {
            return Effect::None;
        };
        s.generation = generation;
        s.hits = None;
        Effect::Count {
            generation,
            regex: s.regex.clone(),
        }
    }

    /// The count started for `generation` is done.
    pub fn hits_counted(&mut self, generation: u64, hits: Vec<Hit>) {
        if let Some(s) = self
            .reading
            .finder
            .search
            .as_mut()
            .filter(|s| s.generation == generation)
        {
            s.hits = Some(Arc::new(hits));
            self.results_counted();
        }
    }

    /// `Enter` in the prompt.
    pub fn prompt_confirm(&mut self) -> Effect {
        let pending = self.flush_prompt();
        let Some(prompt) = self.reading.finder.prompt.take() else {
            return Effect::None;
        };
        let text = prompt.text();
        let entry = Query {
            text: text.clone(),
            regex: prompt.regex,
        };
        if prompt.kind == PromptKind::Search
            && !text.is_empty()
            && self.reading.finder.history.last() != Some(&entry)
        {
            self.reading.finder.history.push(entry);
        }
        match prompt.kind {
            PromptKind::Search => {
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
                    self.message = Some(i18n::not_found(self.settings.lang, &text));
                    self.go_to(prompt.origin);
                } else if self.reading.finder.search.is_some() {
                    self.record_jump(prompt.origin);
                }
            }
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
                    if super::share_of(size, share) > self.reading.doc.text.as_str().len() {
                        self.reading.pending_place =
                            Some(super::loading::PendingPlace::Share(share));
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

    /// `Esc` in the prompt: back to where it opened, with the search that was in force.
    pub fn prompt_cancel(&mut self) {
        if let Some(prompt) = self.reading.finder.prompt.take() {
            self.reading.finder.search = prompt.previous;
            self.go_to(prompt.origin);
        }
    }

    /// `Ctrl-r` in the search prompt.
    pub fn prompt_toggle_regex(&mut self) -> Effect {
        let Some(prompt) = self
            .reading
            .finder
            .prompt
            .as_mut()
            .filter(|p| p.kind == PromptKind::Search)
        else {
            return Effect::None;
        };
        prompt.regex = !prompt.regex;
        self.prompt_changed()
    }

    /// Up/Down in the prompt: the search history, or the `:` picker's selection.
    pub fn prompt_history(&mut self, older: bool) -> Effect {
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

    /// `n` (forward) or `N` (backward): the next hit, wrapping around with a message. On a
    /// large file's preview, a search that would wrap waits for the whole text instead (the
    /// next hit may lie beyond the preview).
    pub(super) fn next_hit(&mut self, forward: bool) {
        let Some(s) = self.reading.finder.search.as_ref() else {
            self.message = Some(self.hint(Msg::NoSearchYet, Context::Global));
            return;
        };
        let text = self.reading.doc.text.as_str();
        let here = s
            .current
            .as_ref()
            .map_or_else(|| self.offset_of(self.reading.top), |h| h.start);
        let found = if forward {
            search::find_from(&s.regex, text, here + 1)
        } else {
            match s.hits.as_ref() {
                Some(h) => h
                    .partition_point(|x| x.start < here)
                    .checked_sub(1)
                    .map(|i| h[i].clone()),
                None => search::find_before(&s.regex, text, here),
            }
        };
        if found.is_none() && self.reading.preview_of.is_some() {
            self.reading.pending_place = Some(if forward {
                PendingPlace::HitAfter(here)
            } else {
                PendingPlace::LastHit
            });
            self.message = Some(self.settings.lang.get(Msg::ReadingRest).into());
            return;
        }
        match found {
            Some(hit) => self.land_on_hit(hit, None),
            None => self.wrap_search(forward),
        }
    }

    /// No hit beyond the current one: around from the other end, said in a message.
    fn wrap_search(&mut self, forward: bool) {
        let Some(s) = self.reading.finder.search.as_ref() else {
            return;
        };
        let text = self.reading.doc.text.as_str();
        let found = if forward {
            search::find_from(&s.regex, text, 0)
        } else {
            s.hits
                .as_ref()
                .and_then(|h| h.last().cloned())
                .or_else(|| search::find_before(&s.regex, text, text.len()))
        };
        match found {
            Some(hit) => {
                let note = if forward {
                    Msg::WrappedTop
                } else {
                    Msg::WrappedBottom
                };
                self.land_on_hit(hit, Some(note));
            }
            None => self.message = Some(i18n::not_found(self.settings.lang, &s.query.text)),
        }
    }

    /// Makes `hit` the current one and shows it, with `note` (or no message).
    fn land_on_hit(&mut self, hit: Hit, note: Option<Msg>) {
        if let Some(s) = self.reading.finder.search.as_mut() {
            s.current = Some(hit.clone());
        }
        self.message = note.map(|n| self.settings.lang.get(n).into());
        self.show_hit(&hit);
    }

    /// The whole text arrived while `n` or `N` waited for it: the hit they were looking for.
    pub(super) fn hit_after(&mut self, place: PendingPlace) {
        let Some(s) = self.reading.finder.search.as_ref() else {
            return;
        };
        let text = self.reading.doc.text.as_str();
        let found = match place {
            PendingPlace::HitAfter(from) => search::find_from(&s.regex, text, from + 1),
            _ => search::find_before(&s.regex, text, text.len()),
        };
        match found {
            Some(hit) => self.land_on_hit(hit, None),
            None => self.wrap_search(matches!(place, PendingPlace::HitAfter(_))),
        }
    }

    /// Byte offset of an anchor in the whole text.
    pub(crate) fn offset_of(&self, a: Anchor) -> usize {
        self.reading
            .doc
            .text
            .line_range(a.line)
            .map_or(0, |r| r.start + a.byte)
    }

    /// Shows a hit (for the results list).
    pub(crate) fn show_hit_public(&mut self, hit: &Hit) {
        self.show_hit(hit);
    }

    /// The marks, sorted by letter, with where they point.
    #[must_use]
    pub fn sorted_marks(&self) -> Vec<(char, Anchor)> {
        let mut marks: Vec<(char, Anchor)> = self
            .reading
            .finder
            .marks
            .iter()
            .map(|(&c, &a)| (c, a))
            .collect();
        marks.sort_unstable_by_key(|&(c, _)| c);
        marks
    }

    /// `Enter` in the marks list.
    pub(crate) fn open_mark(&mut self, index: usize) {
        self.marks_open = false;
        if let Some(&(_, anchor)) = self.sorted_marks().get(index) {
            self.jump_to(anchor);
        }
    }

    /// Moves the reading position so the hit's row sits a third of the way down the text.
    pub(super) fn show_hit(&mut self, hit: &Hit) {
        let place = search::place(&self.reading.doc, hit.start);
        let view = self.view();
        let row = view.snap(Anchor {
            line: place.line,
            byte: place.byte,
        });
        let height = self.text_size().1;
        let top = view.up(row, height / 3);
        self.go_to(top);
    }

    /// Remembers `from` as the place a jump left.
    pub(crate) fn record_jump(&mut self, from: Anchor) {
        let f = &mut self.reading.finder;
        f.jumps.truncate(f.jump_pos);
        if f.jumps.last() != Some(&from) {
            f.jumps.push(from);
        }
        f.jump_pos = f.jumps.len();
        f.last_jump_from = Some(from);
    }

    /// Goes to `anchor` as a jump (recorded for `Ctrl-o` and `''`).
    pub(crate) fn jump_to(&mut self, anchor: Anchor) {
        let from = self.reading.top;
        self.go_to(anchor);
        if self.reading.top != from {
            self.record_jump(from);
        }
    }

    /// `Ctrl-o` (back) and `Ctrl-i` (forward) through the jump list.
    pub fn walk_jumps(&mut self, back: bool) {
        let here = self.reading.top;
        let f = &mut self.reading.finder;
        if back {
            if f.jump_pos == 0 {
                self.message = Some(self.settings.lang.get(Msg::OldestJump).into());
                return;
            }
            if f.jump_pos == f.jumps.len() && f.jumps.last() != Some(&here) {
                f.jumps.push(here);
            }
            f.jump_pos -= 1;
        } else {
            if f.jump_pos + 1 >= f.jumps.len() {
                self.message = Some(self.settings.lang.get(Msg::NewestJump).into());
                return;
            }
            f.jump_pos += 1;
        }
        let target = f.jumps[f.jump_pos];
        self.go_to(target);
    }

    /// The letter after `m` or `'`.
    pub fn mark_key(&mut self, kind: MarkKey, c: char) {
        match (kind, c) {
            (MarkKey::Set, 'a'..='z' | 'A'..='Z') => {
                self.reading.finder.marks.insert(c, self.reading.top);
                self.message = Some(i18n::mark_set(self.settings.lang, c));
            }
            (MarkKey::Go, '\'') => match self.reading.finder.last_jump_from {
                Some(a) => self.jump_to(a),
                None => self.message = Some(self.settings.lang.get(Msg::NoJumpBack).into()),
            },
            (MarkKey::Go, _) => match self.reading.finder.marks.get(&c).copied() {
                Some(a) => self.jump_to(a),
                None => self.message = Some(i18n::mark_unset(self.settings.lang, c)),
            },
            (MarkKey::Set, _) => {
                self.message = Some(self.settings.lang.get(Msg::MarkLetters).into());
            }
        }
    }

    /// The place a `:` text names: `120` a line, `50%` a share of the text, else the selected
    /// (or best) candidate.
    pub(super) fn jump_target(&self, text: &str, selected: Option<&Candidate>) -> Option<Anchor> {
        let t = text.trim();
        if let Ok(line) = t.parse::<usize>() {
            return Some(Anchor::line(
                line.clamp(1, self.reading.doc.text.line_count().max(1)),
            ));
        }
        if let Some(p) = t
            .strip_suffix('%')
            .and_then(|p| p.trim().parse::<f64>().ok())
        {
            let offset = super::share_of(
                self.reading.doc.text.as_str().len(),
                p.clamp(0.0, 100.0) / 100.0,
            );
            return Some(Anchor::line(self.reading.doc.text.line_of_offset(offset)));
        }
        selected.map(|c| Anchor::line(c.line))
    }

    /// Fills the `:` picker with the reports and headings matching its text.
    fn refresh_candidates(&mut self) {
        let Some(prompt) = self.reading.finder.prompt.as_ref() else {
            return;
        };
        let typed = prompt.text();
        let needle: Vec<char> = typed.trim().chars().flat_map(char::to_lowercase).collect();
        // A line or a percentage names no report or heading.
        let numeric = typed.trim().trim_end_matches('%').parse::<f64>().is_ok();
        let mut scored = if numeric {
            Vec::new()
        } else {
            self.scored(&needle)
        };
        // Best first; equal scores keep file order (reports in order, a title before its
        // headings).
        let order = |a: &Scored, b: &Scored| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.map_or(0, |i| i + 1).cmp(&b.2.map_or(0, |i| i + 1)))
        };
        if scored.len() > MAX_CANDIDATES {
            scored.select_nth_unstable_by(MAX_CANDIDATES, order);
            scored.truncate(MAX_CANDIDATES);
        }
        scored.sort_by(order);
        let candidates = scored
            .into_iter()
            .map(|(_, r, heading)| self.candidate(r, heading))
            .collect();
        if let Some(p) = self.reading.finder.prompt.as_mut() {
            p.candidates = candidates;
            p.selected = 0;
        }
    }

    /// Every report title and heading that `needle` matches, with its score. Scored without
    /// building a string per heading: a keystroke costs one pass over the titles and headings
    /// however many there are.
    fn scored(&self, needle: &[char]) -> Vec<Scored> {
        let mut scored = Vec::new();
        for (r, report) in self.reading.doc.reports.iter().enumerate() {
            if let Some(score) = fuzzy_score_chars(needle, report.title.chars()) {
                scored.push((score, r, None));
            }
            for (i, h) in report.headings.iter().enumerate() {
                let haystack = h
                    .marker
                    .chars()
                    .chain(h.text.chars())
                    .chain(std::iter::once(' '))
                    .chain(report.title.chars());
                if let Some(score) = fuzzy_score_chars(needle, haystack) {
                    scored.push((score, r, Some(i)));
                }
            }
        }
        scored
    }

    /// The picker's row for report `r`'s title, or its heading `heading`.
    fn candidate(&self, r: usize, heading: Option<usize>) -> Candidate {
        let report = &self.reading.doc.reports[r];
        match heading {
            None => Candidate {
                line: report.line,
                label: report.title.clone(),
                report: None,
            },
            Some(i) => {
                let h = &report.headings[i];
                Candidate {
                    line: h.line,
                    label: format!("{}{}", h.marker, h.text),
                    report: Some(report.title.clone()),
                }
            }
        }
    }
}

/// A fuzzy match: every character of `needle` in `haystack` in order (case-insensitive).
/// Higher is better: contiguous runs and an early start score more. `None` when it does not match.
#[must_use]
pub fn fuzzy_score(needle: &[char], haystack: &str) -> Option<i64> {
    fuzzy_score_chars(needle, haystack.chars())
}

/// [`fuzzy_score`] over any characters (a label and its report's title, unjoined).
#[must_use]
pub fn fuzzy_score_chars(needle: &[char], haystack: impl Iterator<Item = char>) -> Option<i64> {
    if needle.is_empty() {
        return Some(0);
    }
    let mut score: i64 = 0;
    let mut k = 0;
    let mut previous: Option<usize> = None;
    for (i, c) in haystack.flat_map(char::to_lowercase).enumerate() {
        if k == needle.len() {
            break;
        }
        if c == needle[k] {
            score += if previous.is_some_and(|p| p + 1 == i) {
                8
            } else {
                1
            };
            if k == 0 {
                score -= i64::try_from(i.min(50)).unwrap_or(50) / 5;
            }
            previous = Some(i);
            k += 1;
        }
    }
    (k == needle.len()).then_some(score)
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
