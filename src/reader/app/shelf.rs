//! A shelf of compilations: several files open at once, each read in the background and kept
//! with its own place (position, folds, search, marks), a list of them sorted by year, a
//! search across all of them, and the offices they hold, each with its plans beside what it
//! reported a year later ([`tracking`]).
//!
//! The book being read is the app's [`Reading`]; the others wait in their [`Book`]s, and
//! switching swaps them, so everything the reader does works on a shelf's book unchanged.

pub mod search;
pub mod tracking;

use std::path::PathBuf;
use std::sync::Arc;

use super::reading::Reading;
use super::restore::Saved;
use super::results::Results;
use super::{App, Effect};
use crate::doc::model::{Compilation, Text};
use crate::reader::i18n::{self, Phrase};

/// What the shelf shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of compilations.
    Shelf,
    /// One compilation, in the three panes.
    Reader,
    /// The offices found across the shelf.
    Offices,
    /// One office's plans beside what it reported a year later.
    Track,
}

/// A file to put on the shelf.
#[derive(Debug, Clone)]
pub struct BookFile {
    pub path: PathBuf,
    /// Its name, as the shelf lists it.
    pub name: String,
    /// The key its reading state is saved under (its canonical path).
    pub document: String,
    pub size: u64,
    /// Where it was left last time, if it was read before.
    pub saved: Option<Saved>,
}

/// How far a book is.
#[derive(Debug, Clone)]
pub enum BookState {
    /// Waiting to be read, or being read.
    Reading,
    Ready {
        doc: Arc<Compilation>,
        summary: Summary,
    },
    /// Why it could not be opened (one line).
    Failed(String),
}

/// What the shelf says of a compilation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    /// The first and last year its reports review.
    pub years: Option<(u32, u32)>,
    pub reports: usize,
    pub with_plans: usize,
    pub encoding: &'static str,
}

impl Summary {
    #[must_use]
    pub fn of(doc: &Compilation, name: &str) -> Self {
        let years = doc.reports.iter().filter_map(|r| r.reviews);
        let first = years.clone().min();
        let last = years.max();
        Self {
            title: doc
                .name
                .clone()
                .or_else(|| doc.title.clone())
                .or_else(|| doc.reports.first().map(|r| r.title.clone()))
                .unwrap_or_else(|| name.to_owned()),
            years: first.zip(last),
            reports: doc.reports.len(),
            with_plans: doc.reports.iter().filter(|r| r.plan.is_some()).count(),
            encoding: doc.encoding,
        }
    }
}

/// One compilation on the shelf.
#[derive(Debug)]
pub struct Book {
    pub file: BookFile,
    pub state: BookState,
    /// Its place, kept while another book is read (`None` until first opened).
    reading: Option<Reading>,
}

impl Book {
    /// Its model, once read.
    #[must_use]
    pub fn doc(&self) -> Option<&Arc<Compilation>> {
        match &self.state {
            BookState::Ready { doc, .. } => Some(doc),
            _ => None,
        }
    }
}

/// The shelf.
#[derive(Debug)]
pub struct Shelf {
    pub books: Vec<Book>,
    /// The books in the order listed: by year (those without one last), then by name.
    pub order: Vec<usize>,
    /// The selected row of the list.
    pub selected: usize,
    /// Whether the user moved the selection (until then it stays on the first row while
    /// books arrive and the list is sorted; after, it stays on its book).
    moved: bool,
    pub screen: Screen,
    /// The book in the app's reading (its own `reading` is then empty).
    pub open: Option<usize>,
    /// A book asked for before it was read: opened when it is.
    pub waiting: Option<usize>,
    /// Whether a saved position is gone back to (`--no-resume`: only the marks).
    pub resume_position: bool,
    /// The search across the shelf.
    pub search: Option<search::ShelfSearch>,
    /// Its results, when the list is open.
    pub results: Option<Results>,
    /// The offices list and the office being tracked.
    pub tracking: tracking::Tracking,
}

impl Shelf {
    /// A shelf of `files`, none read yet.
    #[must_use]
    pub fn new(
        files: Vec<BookFile>,
        resume_position: bool,
        aliases: Vec<(String, String)>,
    ) -> Self {
        let books: Vec<Book> = files
            .into_iter()
            .map(|file| Book {
                file,
                state: BookState::Reading,
                reading: None,
            })
            .collect();
        let mut shelf = Self {
            order: (0..books.len()).collect(),
            books,
            selected: 0,
            moved: false,
            screen: Screen::Shelf,
            open: None,
            waiting: None,
            resume_position,
            search: None,
            results: None,
            tracking: tracking::Tracking::new(aliases),
        };
        shelf.sort();
        shelf
    }

    /// Lists the books by year, then name; the selection stays on its book.
    fn sort(&mut self) {
        let selected = self.order.get(self.selected).copied();
        let books = &self.books;
        let year = |b: usize| match &books[b].state {
            BookState::Ready { summary, .. } => summary.years.map(|(first, _)| first),
            _ => None,
        };
        self.order.sort_by(|&a, &b| {
            (year(a).is_none(), year(a), &books[a].file.name).cmp(&(
                year(b).is_none(),
                year(b),
                &books[b].file.name,
            ))
        });
        if let Some(s) = selected.filter(|_| self.moved) {
            self.selected = self.order.iter().position(|&b| b == s).unwrap_or(0);
        }
    }

    /// The book on the selected row.
    #[must_use]
    pub fn selected_book(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// How many books are still being read.
    #[must_use]
    pub fn reading_count(&self) -> usize {
        self.books
            .iter()
            .filter(|b| matches!(b.state, BookState::Reading))
            .count()
    }

    /// The books' models, by place on the shelf (`None`: not read, or failed).
    #[must_use]
    pub fn docs(&self) -> Vec<Option<&Compilation>> {
        self.books.iter().map(|b| b.doc().map(|d| &**d)).collect()
    }
}

/// The reading shown while no book is open: an empty text.
pub(crate) fn empty_reading() -> Reading {
    Reading::new(Compilation::unparsed(Text::new(String::new()), ""))
}

impl App {
    /// The shelf, when several compilations are open.
    #[must_use]
    pub fn shelf(&self) -> Option<&Shelf> {
        self.shelf.as_ref()
    }

    /// What the shelf shows, or `None` without a shelf (one compilation: always the reader).
    #[must_use]
    pub fn screen(&self) -> Option<Screen> {
        self.shelf.as_ref().map(|s| s.screen)
    }

    /// Whether the three panes of a compilation are on screen.
    #[must_use]
    pub fn reading_shown(&self) -> bool {
        self.screen().is_none_or(|s| s == Screen::Reader)
    }

    /// Book `book` was read (or could not be).
    pub(in crate::reader::app) fn book_arrived(
        &mut self,
        book: usize,
        result: Result<Compilation, String>,
    ) -> Effect {
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let Some(b) = shelf.books.get_mut(book) else {
            return Effect::None;
        };
        b.state = match result {
            Ok(doc) => BookState::Ready {
                summary: Summary::of(&doc, &b.file.name),
                doc: Arc::new(doc),
            },
            Err(reason) => BookState::Failed(reason),
        };
        shelf.sort();
        shelf.tracking.forget();
        if shelf.waiting == Some(book) {
            shelf.waiting = None;
            self.message = None;
            return self.open_book(book);
        }
        Effect::None
    }

    /// Opens book `book` in the reader, where it was left (or where it was read last time).
    pub(in crate::reader::app) fn open_book(&mut self, book: usize) -> Effect {
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let Some(b) = shelf.books.get(book) else {
            return Effect::None;
        };
        let doc = match &b.state {
            BookState::Ready { doc, .. } => Arc::clone(doc),
            BookState::Reading => {
                shelf.waiting = Some(book);
                self.message = Some(i18n::book_waiting(self.settings.lang, &b.file.name));
                return Effect::None;
            }
            BookState::Failed(reason) => {
                self.message = Some(format!("{}: {reason}", b.file.name));
                return Effect::None;
            }
        };
        self.park();
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let b = &mut shelf.books[book];
        let first_time = b.reading.is_none();
        let mut reading = b.reading.take().unwrap_or_else(|| Reading::shared(doc));
        reading.document = Some(b.file.document.clone());
        self.reading = reading;
        self.settings.file_name.clone_from(&b.file.name);
        let saved = if first_time {
            b.file.saved.take()
        } else {
            None
        };
        let position = shelf.resume_position;
        shelf.open = Some(book);
        shelf.screen = Screen::Reader;
        self.focus = crate::reader::layout::Pane::Text;
        self.follow();
        if let Some(saved) = saved {
            self.resume_from(saved, position);
        }
        self.offer_shelf_search(book)
    }

    /// Puts the open book's reading back on its shelf (an empty one takes its place).
    pub(in crate::reader::app) fn park(&mut self) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        if let Some(open) = shelf.open.take() {
            shelf.books[open].reading = Some(std::mem::replace(&mut self.reading, empty_reading()));
        }
    }

    /// `B`: back to the shelf, the book's place kept.
    pub(in crate::reader::app) fn show_shelf(&mut self) {
        if self.shelf.is_none() {
            self.message = Some(self.settings.lang.get(Phrase::NoShelf).into());
            return;
        }
        self.park();
        if let Some(shelf) = self.shelf.as_mut() {
            shelf.screen = Screen::Shelf;
            shelf.results = None;
        }
        self.message = None;
    }

    /// An action on the shelf's list of compilations.
    pub(in crate::reader::app) fn act_on_shelf(
        &mut self,
        action: crate::reader::action::Action,
    ) -> Effect {
        use crate::reader::action::Action;
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let last = shelf.order.len().saturating_sub(1);
        if let Some(to) = super::overlays::moved(action, shelf.selected, page, last) {
            shelf.selected = to;
            shelf.moved = true;
            self.message = None;
            return Effect::None;
        }
        match action {
            Action::Open => match shelf.selected_book() {
                Some(book) => self.open_book(book),
                None => Effect::None,
            },
            Action::ShowOffices => {
                self.show_offices();
                Effect::None
            }
            Action::OpenSearch => {
                self.message = None;
                self.open_prompt(super::find::PromptKind::Shelf);
                Effect::None
            }
            Action::OpenResults => {
                self.reopen_shelf_results();
                Effect::None
            }
            Action::Cancel => {
                // A search of the shelf still being counted stops.
                if shelf.search.as_ref().is_some_and(|s| s.hits.is_none()) {
                    shelf.search = None;
                }
                self.message = None;
                Effect::None
            }
            _ => self.act_anywhere(action),
        }
    }

    /// The pointer on a shelf's screen: on row `row` under the header (none: the wheel), that
    /// row of the list selected, then `action` (a click opens it).
    pub(in crate::reader::app) fn point_on_list(
        &mut self,
        row: Option<usize>,
        action: Option<crate::reader::action::Action>,
    ) -> Effect {
        let body = usize::from(self.size.1.saturating_sub(2));
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        if let Some(row) = row {
            let landed = match shelf.screen {
                // The list's first row is its column headings.
                Screen::Shelf => {
                    let rows = shelf.order.len() + 1;
                    let at = crate::reader::layout::list_top(shelf.selected + 1, rows, body) + row;
                    (1..rows).contains(&at).then(|| shelf.selected = at - 1)
                }
                Screen::Offices => {
                    let rows = shelf.tracking.offices.as_ref().map_or(0, Vec::len);
                    let at =
                        crate::reader::layout::list_top(shelf.tracking.selected, rows, body) + row;
                    (at < rows).then(|| shelf.tracking.selected = at)
                }
                Screen::Track | Screen::Reader => None,
            };
            if landed.is_none() {
                return Effect::None;
            }
            shelf.moved = true;
        }
        action.map_or(Effect::None, |a| self.act(a))
    }

    /// The actions that mean the same on every screen: quit, help, theme, mouse.
    pub(in crate::reader::app) fn act_anywhere(
        &mut self,
        action: crate::reader::action::Action,
    ) -> Effect {
        use crate::reader::action::Action;
        match action {
            Action::Quit => Effect::Quit,
            Action::ToggleHelp => {
                self.help = Some(0);
                Effect::None
            }
            Action::CycleTheme => {
                self.cycle_theme();
                Effect::None
            }
            Action::ToggleMouse => self.toggle_mouse(),
            Action::ShowShelf => {
                self.show_shelf();
                Effect::None
            }
            _ => Effect::None,
        }
    }
}
