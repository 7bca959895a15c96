//! The search in force: its hits counted off the UI thread, `n` and `N` (waiting for the
//! whole text on a large file's preview instead of wrapping early), and bringing a hit on
//! screen.

use std::sync::Arc;

use regex::Regex;

use super::super::loading::PendingPlace;
use super::super::{App, Effect};
use crate::doc::search::{self, Hit, Hits, Query};
use crate::doc::view::Anchor;
use crate::reader::i18n::{self, Phrase};
use crate::reader::keymap::Context;

/// The search in force for `n`/`N` and highlighting.
#[derive(Debug, Clone)]
pub struct ActiveSearch {
    pub query: Query,
    pub regex: Regex,
    /// The hit the reading position was moved to.
    pub current: Option<Hit>,
    /// Every hit, once counted (off the UI thread).
    pub hits: Option<Arc<Hits>>,
    /// Ties a count to the query it was started for.
    pub generation: u64,
}

impl ActiveSearch {
    /// `k/N` for the status line (`k/…` while counting).
    #[must_use]
    pub fn counter(&self) -> String {
        match (&self.hits, &self.current) {
            (Some(h), Some(c)) => format!("{}/{}", h.before(c.start) + 1, h.len()),
            (Some(h), None) => format!("0/{}", h.len()),
            (None, Some(_)) => "?/..".into(),
            (None, None) => "0/..".into(),
        }
    }
}

impl App {
    /// The generation of the newest search.
    #[must_use]
    pub fn search_generation(&self) -> u64 {
        self.reading.finder.generation
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
    pub(in crate::reader::app) fn hits_counted(&mut self, generation: u64, hits: Hits) {
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

    /// `n` (forward) or `N` (backward): the next hit, wrapping around with a message. On a
    /// large file's preview, a search that would wrap waits for the whole text instead (the
    /// next hit may lie beyond the preview).
    pub(in crate::reader::app) fn next_hit(&mut self, forward: bool) {
        let Some(s) = self.reading.finder.search.as_ref() else {
            self.message = Some(self.hint(Phrase::NoSearchYet, Context::Global));
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
                Some(h) => h.before(here).checked_sub(1).and_then(|i| h.get(i)),
                None => search::find_before(&s.regex, text, here),
            }
        };
        if found.is_none() && self.reading.preview_of.is_some() {
            self.reading.pending_place = Some(if forward {
                PendingPlace::HitAfter(here)
            } else {
                PendingPlace::LastHit
            });
            self.message = Some(self.settings.lang.get(Phrase::ReadingRest).into());
            return;
        }
        match found {
            Some(hit) => self.land_on_hit(hit, None),
            // A shelf's search goes on in the next compilation before it wraps.
            None if self.cross_books(forward) => {}
            None => self.wrap_search(forward),
        }
    }

    /// No hit beyond the current one: around from the other end, said in a message.
    pub(in crate::reader::app) fn wrap_search(&mut self, forward: bool) {
        let Some(s) = self.reading.finder.search.as_ref() else {
            return;
        };
        let text = self.reading.doc.text.as_str();
        let found = if forward {
            search::find_from(&s.regex, text, 0)
        } else {
            s.hits
                .as_ref()
                .and_then(|h| h.last())
                .or_else(|| search::find_before(&s.regex, text, text.len()))
        };
        match found {
            Some(hit) => {
                let note = if forward {
                    Phrase::WrappedTop
                } else {
                    Phrase::WrappedBottom
                };
                self.land_on_hit(hit, Some(note));
            }
            None => self.message = Some(i18n::not_found(self.settings.lang, &s.query.text)),
        }
    }

    /// Makes `hit` the current one and shows it, with `note` (or no message).
    pub(in crate::reader::app) fn land_on_hit(&mut self, hit: Hit, note: Option<Phrase>) {
        if let Some(s) = self.reading.finder.search.as_mut() {
            s.current = Some(hit.clone());
        }
        self.message = note.map(|n| self.settings.lang.get(n).into());
        self.show_hit(&hit);
    }

    /// The whole text arrived while `n` or `N` waited for it: the hit they were looking for.
    pub(in crate::reader::app) fn hit_after(&mut self, place: PendingPlace) {
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

    /// Moves the reading position so the hit's row sits a third of the way down the text.
    pub(in crate::reader::app) fn show_hit(&mut self, hit: &Hit) {
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
}
