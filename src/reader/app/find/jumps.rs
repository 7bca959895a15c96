//! The jump list (`Ctrl-o`, `Ctrl-i`, `''`) and marks (`m`, `'`, the marks list).

use super::super::App;
use crate::doc::view::Anchor;
use crate::reader::i18n::{self, Phrase};

/// Which mark command waits for its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    Set,
    Go,
}

impl App {
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
    pub(in crate::reader::app) fn walk_jumps(&mut self, back: bool) {
        let here = self.reading.top;
        let f = &mut self.reading.finder;
        if back {
            if f.jump_pos == 0 {
                self.message = Some(self.settings.lang.get(Phrase::OldestJump).into());
                return;
            }
            if f.jump_pos == f.jumps.len() && f.jumps.last() != Some(&here) {
                f.jumps.push(here);
            }
            f.jump_pos -= 1;
        } else {
            if f.jump_pos + 1 >= f.jumps.len() {
                self.message = Some(self.settings.lang.get(Phrase::NewestJump).into());
                return;
            }
            f.jump_pos += 1;
        }
        let target = f.jumps[f.jump_pos];
        self.go_to(target);
    }

    /// The letter after `m` or `'`.
    pub(in crate::reader::app) fn mark_key(&mut self, kind: MarkKey, c: char) {
        match (kind, c) {
            (MarkKey::Set, 'a'..='z' | 'A'..='Z') => {
                self.reading.finder.marks.insert(c, self.reading.top);
                self.message = Some(i18n::mark_set(self.settings.lang, c));
            }
            (MarkKey::Go, '\'') => match self.reading.finder.last_jump_from {
                Some(a) => self.jump_to(a),
                None => self.message = Some(self.settings.lang.get(Phrase::NoJumpBack).into()),
            },
            (MarkKey::Go, _) => match self.reading.finder.marks.get(&c).copied() {
                Some(a) => self.jump_to(a),
                None => self.message = Some(i18n::mark_unset(self.settings.lang, c)),
            },
            (MarkKey::Set, _) => {
                self.message = Some(self.settings.lang.get(Phrase::MarkLetters).into());
            }
        }
    }
}
