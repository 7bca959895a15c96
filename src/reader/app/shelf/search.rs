//! Searching the whole shelf: `/` on the shelf searches every compilation read so far (off
//! the UI thread, each with its own rules: a hard-wrapped text across its soft breaks); the
//! results list groups the hits by compilation, report and section, with counts; opening a
//! hit opens its compilation there, and `n`/`N` go on from one compilation to the next.

use std::sync::Arc;

use super::super::find::ActiveSearch;
use super::super::results::{self, Grouped, Results, Row, Scope};
use super::super::{App, Effect};
use super::Screen;
use crate::doc::model::Compilation;
use crate::doc::search::{self, Hits, Query};
use crate::reader::i18n;

/// The search across the shelf.
#[derive(Debug, Clone)]
pub struct ShelfSearch {
    pub query: Query,
    pub generation: u64,
    /// Each book's hits (books with none left out), in shelf order, once counted.
    pub hits: Option<Vec<(usize, Arc<Hits>)>>,
}

impl ShelfSearch {
    fn of(&self, book: usize) -> Option<&Arc<Hits>> {
        self.hits
            .as_ref()?
            .iter()
            .find(|(b, _)| *b == book)
            .map(|(_, h)| h)
    }
}

impl App {
    /// `Enter` in the shelf's search prompt: every compilation read so far is searched off the
    /// UI thread ([`Effect::CountShelf`]).
    pub(in crate::reader::app) fn start_shelf_search(&mut self, query: Query) -> Effect {
        if query.text.is_empty() {
            return Effect::None;
        }
        if let Err(e) = search::compile(&query) {
            self.message = Some(e);
            return Effect::None;
        }
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let generation = shelf.search.as_ref().map_or(1, |s| s.generation + 1);
        let books: Vec<(usize, Arc<Compilation>)> = shelf
            .order
            .iter()
            .filter_map(|&b| shelf.books[b].doc().map(|d| (b, Arc::clone(d))))
            .collect();
        shelf.search = Some(ShelfSearch {
            query: query.clone(),
            generation,
            hits: None,
        });
        shelf.results = None;
        self.message = Some(i18n::searching_shelf(self.settings.lang, books.len()));
        Effect::CountShelf {
            generation,
            query,
            books,
        }
    }

    /// The shelf's search `generation` was counted: its results list opens.
    pub(in crate::reader::app) fn shelf_counted(
        &mut self,
        generation: u64,
        hits: Vec<(usize, Hits)>,
    ) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let Some(s) = shelf.search.as_mut().filter(|s| s.generation == generation) else {
            return;
        };
        s.hits = Some(
            hits.into_iter()
                .filter(|(_, h)| !h.is_empty())
                .map(|(b, h)| (b, Arc::new(h)))
                .collect(),
        );
        self.message = None;
        self.reopen_shelf_results();
    }

    /// The shelf's results list (`&`), built from the counted hits.
    pub(in crate::reader::app) fn reopen_shelf_results(&mut self) {
        let lang = self.settings.lang;
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let Some(hits) = shelf.search.as_ref().and_then(|s| s.hits.as_ref()) else {
            self.message = Some(self.hint(
                crate::reader::i18n::Phrase::NoSearchForList,
                crate::reader::keymap::Context::Shelf,
            ));
            return;
        };
        let mut grouped = Grouped::default();
        let mut total = 0;
        for (b, h) in hits {
            let book = &shelf.books[*b];
            let Some(doc) = book.doc() else { continue };
            grouped.book(*b, &book.file.name);
            let title_page = lang.get(crate::reader::i18n::Phrase::TitlePage);
            total += results::group_hits(doc, h, title_page, &|_, _| true, &mut grouped, total);
        }
        if total == 0 {
            let query = shelf.search.as_ref().map_or("", |s| s.query.text.as_str());
            self.message = Some(i18n::not_found(lang, query));
            return;
        }
        shelf.results = Some(Results {
            scope: Scope::All,
            rows: grouped.rows,
            selected: 0,
            total,
            truncated: total > results::MAX_LISTED,
        });
    }

    /// `Enter` on a row of the shelf's results: its compilation opened at the hit.
    pub(in crate::reader::app) fn open_shelf_result(&mut self) -> Effect {
        let Some(r) = self.shelf.as_mut().and_then(|s| s.results.take()) else {
            return Effect::None;
        };
        let at = r.selected.min(r.rows.len().saturating_sub(1));
        let hit = r.rows[at..].iter().find_map(|row| match row {
            Row::Hit { hit, .. } => Some(hit.clone()),
            _ => None,
        });
        let book = r.rows[..=at.min(r.rows.len().saturating_sub(1))]
            .iter()
            .rev()
            .find_map(|row| match row {
                Row::Book { book, .. } => Some(*book),
                _ => None,
            })
            // A book row selected: the hit after it is in that book.
            .or_else(|| match r.rows.get(at) {
                Some(Row::Book { book, .. }) => Some(*book),
                _ => None,
            });
        let (Some(book), Some(hit)) = (book, hit) else {
            return Effect::None;
        };
        let effect = self.open_book(book);
        if let Some(s) = self.reading.finder.search.as_mut() {
            s.current = Some(hit.clone());
        }
        self.show_hit_public(&hit);
        effect
    }

    /// The shelf's search, put in force in book `book` as it opens (so `n` goes on there).
    pub(in crate::reader::app) fn offer_shelf_search(&mut self, book: usize) -> Effect {
        let Some(shelf) = self.shelf.as_ref() else {
            return Effect::None;
        };
        let Some(s) = shelf.search.as_ref() else {
            return Effect::None;
        };
        let Some(hits) = s.of(book) else {
            return Effect::None;
        };
        let same = self
            .reading
            .finder
            .search
            .as_ref()
            .is_some_and(|a| a.query == s.query && a.hits.is_some());
        if same {
            return Effect::None;
        }
        let Ok(regex) = search::compile_in(&self.reading.doc, &s.query) else {
            return Effect::None;
        };
        let generation = self.reading.finder.bump_generation();
        self.reading.finder.search = Some(ActiveSearch {
            query: s.query.clone(),
            regex,
            current: None,
            hits: Some(Arc::clone(hits)),
            generation,
        });
        Effect::None
    }

    /// `n` past the last hit of this compilation (or `N` before its first) while a shelf
    /// search is in force: on to the next compilation that has hits, at its first (or last).
    /// Whether it went; it does not when no other compilation has a hit.
    pub(in crate::reader::app) fn cross_books(&mut self, forward: bool) -> bool {
        let Some(shelf) = self.shelf.as_ref().filter(|s| s.screen == Screen::Reader) else {
            return false;
        };
        let (Some(open), Some(s)) = (shelf.open, shelf.search.as_ref()) else {
            return false;
        };
        let same_query = self
            .reading
            .finder
            .search
            .as_ref()
            .is_some_and(|a| a.query == s.query);
        let Some(with_hits) = s.hits.as_ref().filter(|_| same_query) else {
            return false;
        };
        let listed: Vec<usize> = shelf
            .order
            .iter()
            .copied()
            .filter(|b| with_hits.iter().any(|(h, _)| h == b))
            .collect();
        let Some(here) = listed.iter().position(|&b| b == open) else {
            return false;
        };
        let n = listed.len();
        let next = if forward {
            listed[(here + 1) % n]
        } else {
            listed[(here + n - 1) % n]
        };
        if next == open {
            return false;
        }
        let name = shelf.books[next].file.name.clone();
        let _ = self.open_book(next);
        let hit = self
            .reading
            .finder
            .search
            .as_ref()
            .and_then(|a| a.hits.as_ref())
            .and_then(|h| if forward { h.get(0) } else { h.last() });
        if let Some(hit) = hit {
            self.land_on_hit(hit, None);
        }
        self.message = Some(i18n::crossed_to(self.settings.lang, &name));
        true
    }
}
