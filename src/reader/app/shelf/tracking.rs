//! The offices across the shelf and one office's plans beside what it reported a year later:
//! the list (`o` on the shelf), and the two-column view of a year (`Enter` on an office), moved
//! through year by year with `[` and `]`, copied as Markdown with `y` (`Y`: every year), and
//! read in its compilation with `Enter`.

use std::sync::Arc;

use super::super::{App, Effect};
use super::Screen;
use crate::doc::model::Compilation;
use crate::doc::track::{self, Alignment, OfficeReports, Timeline, Year};
use crate::doc::view::Anchor;
use crate::reader::action::Action;

/// The offices list and the office being looked at.
#[derive(Debug, Default)]
pub struct Tracking {
    /// The user's `[offices]` aliases: a name and the name it is matched as.
    aliases: Vec<(String, String)>,
    /// The offices of the books read so far (found again when another arrives).
    pub offices: Option<Vec<OfficeReports>>,
    pub selected: usize,
    pub view: Option<TrackView>,
    /// The selection when `/` opened on the list (`Esc` goes back to it).
    before_find: Option<usize>,
}

impl Tracking {
    #[must_use]
    pub fn new(aliases: Vec<(String, String)>) -> Self {
        Self {
            aliases,
            ..Self::default()
        }
    }

    /// Another book arrived: the offices are to be found again.
    pub(super) fn forget(&mut self) {
        self.offices = None;
    }
}

/// Which items of a year the view lists (`s` cycles them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// Plan sentences the review answers.
    Answered,
    /// Plan sentences the review does not mention.
    NotMentioned,
    /// Review sentences no plan asked for.
    NotPlanned,
}

impl Show {
    fn next(self) -> Self {
        match self {
            Self::All => Self::Answered,
            Self::Answered => Self::NotMentioned,
            Self::NotMentioned => Self::NotPlanned,
            Self::NotPlanned => Self::All,
        }
    }
}

/// One item of the view: a plan sentence (a row of the alignment) or a review sentence no
/// plan asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Plan(usize),
    Reported(usize),
}

/// One office, one year: its plan part beside the next year's review.
#[derive(Debug, Clone)]
pub struct TrackView {
    pub office: OfficeReports,
    pub years: Vec<Year>,
    /// The year shown (an index of `years`).
    pub year: usize,
    /// That year's plan beside its review, when the shelf holds both.
    pub alignment: Option<Alignment>,
    /// The first item shown (of [`TrackView::items`]).
    pub scroll: usize,
    /// Which items are listed.
    pub show: Show,
}

impl TrackView {
    /// The year shown.
    #[must_use]
    pub fn shown(&self) -> Option<&Year> {
        self.years.get(self.year)
    }

    /// The items listed: the plan sentences in order, then the review's sentences no plan
    /// asked for; only those [`Show`] asks for.
    #[must_use]
    pub fn items(&self) -> Vec<Item> {
        let Some(a) = self.alignment.as_ref() else {
            return Vec::new();
        };
        let plans = a.rows.iter().enumerate().filter(|(_, r)| match self.show {
            Show::All => true,
            Show::Answered => !r.matches.is_empty(),
            Show::NotMentioned => r.matches.is_empty(),
            Show::NotPlanned => false,
        });
        let reported = matches!(self.show, Show::All | Show::NotPlanned);
        plans
            .map(|(i, _)| Item::Plan(i))
            .chain(
                (0..a.reported_only.len())
                    .filter(|_| reported)
                    .map(Item::Reported),
            )
            .collect()
    }
}

/// Whether a year has both sides on the shelf.
fn comparable(y: &Year) -> bool {
    y.plan.is_some() && y.review.is_some()
}

impl App {
    /// `o`: the offices found across the shelf.
    pub(in crate::reader::app) fn show_offices(&mut self) {
        self.park();
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        shelf.screen = Screen::Offices;
        shelf.tracking.view = None;
        self.refresh_offices();
    }

    /// Finds the offices again if books arrived since.
    pub(in crate::reader::app) fn refresh_offices(&mut self) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        if shelf.tracking.offices.is_some() {
            return;
        }
        let mut offices = track::offices(shelf.docs(), &shelf.tracking.aliases);
        // Offices that can be compared (some year with both sides) first.
        offices.sort_by_cached_key(|o| !o.years().iter().any(comparable));
        shelf.tracking.selected = shelf.tracking.selected.min(offices.len().saturating_sub(1));
        shelf.tracking.offices = Some(offices);
    }

    /// An action on the offices list.
    pub(in crate::reader::app) fn act_on_offices(&mut self, action: Action) -> Effect {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let Some(shelf) = self.shelf.as_mut() else {
            return Effect::None;
        };
        let count = shelf.tracking.offices.as_ref().map_or(0, Vec::len);
        if let Some(to) = super::super::overlays::moved(
            action,
            shelf.tracking.selected,
            page,
            count.saturating_sub(1),
        ) {
            shelf.tracking.selected = to;
            return Effect::None;
        }
        match action {
            Action::Open => self.open_track(),
            Action::Cancel | Action::ShowOffices => {
                shelf.screen = Screen::Shelf;
            }
            Action::OpenSearch => {
                shelf.tracking.before_find = Some(shelf.tracking.selected);
                self.open_prompt(super::super::find::PromptKind::Office);
            }
            _ => return self.act_anywhere(action),
        }
        Effect::None
    }

    /// The prompt's text typed on the offices list: the first office (from the one selected
    /// when `/` opened) whose name, or a name it was matched from, holds it (width and script
    /// folded).
    pub(in crate::reader::app) fn find_office(&mut self, text: &str) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let Some(offices) = shelf.tracking.offices.as_ref() else {
            return;
        };
        let from = shelf
            .tracking
            .before_find
            .unwrap_or(shelf.tracking.selected);
        if text.is_empty() {
            shelf.tracking.selected = from;
            self.set_prompt_error(None);
            return;
        }
        let at = track::find_at(offices, text);
        let next = at
            .iter()
            .copied()
            .find(|&i| i >= from)
            .or(at.first().copied());
        let error = next.is_none().then(|| {
            self.settings
                .lang
                .get(crate::reader::i18n::Phrase::NoOfficeFound)
                .to_owned()
        });
        if let Some(i) = next {
            shelf.tracking.selected = i;
        }
        self.set_prompt_error(error);
    }

    /// `Esc` in the offices list's prompt: the selection it had.
    pub(in crate::reader::app) fn back_to_office_before_find(&mut self) {
        if let Some(shelf) = self.shelf.as_mut()
            && let Some(before) = shelf.tracking.before_find.take()
        {
            shelf.tracking.selected = before;
        }
    }

    /// `Enter` on an office: its first year with both sides on the shelf.
    fn open_track(&mut self) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let Some(office) = shelf
            .tracking
            .offices
            .as_ref()
            .and_then(|o| o.get(shelf.tracking.selected))
            .cloned()
        else {
            return;
        };
        let years = office.years();
        let year = years.iter().position(comparable).unwrap_or(0);
        shelf.tracking.view = Some(TrackView {
            office,
            years,
            year,
            alignment: None,
            scroll: 0,
            show: Show::All,
        });
        shelf.screen = Screen::Track;
        self.align_shown_year();
    }

    /// Sets the shown year's plan beside its review.
    fn align_shown_year(&mut self) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let docs: Vec<Option<Arc<Compilation>>> =
            shelf.books.iter().map(|b| b.doc().cloned()).collect();
        if let Some(view) = shelf.tracking.view.as_mut() {
            let book = |b: usize| docs.get(b).and_then(|d| d.as_deref());
            view.alignment = view.shown().and_then(|y| y.alignment(book));
            view.scroll = 0;
        }
    }

    /// An action on the planned-vs-reported view.
    pub(in crate::reader::app) fn act_on_track(&mut self, action: Action) -> Effect {
        let page = usize::from(self.size.1.saturating_sub(4) / 3).max(1);
        let Some(view) = self.shelf.as_mut().and_then(|s| s.tracking.view.as_mut()) else {
            return Effect::None;
        };
        let last = view.items().len().saturating_sub(1);
        if let Some(to) = super::super::overlays::moved(action, view.scroll, page, last) {
            view.scroll = to;
            return Effect::None;
        }
        match action {
            Action::NextReport | Action::PrevReport => {
                let next = action == Action::NextReport;
                let to = if next {
                    (view.year + 1).min(view.years.len().saturating_sub(1))
                } else {
                    view.year.saturating_sub(1)
                };
                if to != view.year {
                    view.year = to;
                    self.align_shown_year();
                }
            }
            Action::CycleScope => {
                view.show = view.show.next();
                view.scroll = 0;
            }
            Action::CopySection | Action::CopyReport => {
                return self.copy_track(action == Action::CopyReport);
            }
            Action::Open => return self.read_tracked_line(),
            Action::ShowOffices | Action::Cancel => {
                if let Some(shelf) = self.shelf.as_mut() {
                    shelf.screen = Screen::Offices;
                }
            }
            _ => return self.act_anywhere(action),
        }
        Effect::None
    }

    /// `y`: the year shown, as Markdown; `Y`: every year of the office.
    fn copy_track(&mut self, every_year: bool) -> Effect {
        let Some(shelf) = self.shelf.as_ref() else {
            return Effect::None;
        };
        let Some(view) = shelf.tracking.view.as_ref() else {
            return Effect::None;
        };
        let docs = shelf.docs();
        let names: Vec<String> = shelf.books.iter().map(|b| b.file.name.clone()).collect();
        let timeline = if every_year {
            Timeline::new(&view.office, |b| docs.get(b).copied().flatten())
        } else {
            let Some(year) = view.shown() else {
                return Effect::None;
            };
            Timeline {
                office: view.office.clone(),
                years: vec![(*year, view.alignment.clone())],
            }
        };
        let mut page = Vec::new();
        let books = track::write::Books {
            names: &names,
            docs: &docs,
        };
        if track::write::markdown(&timeline, &books, &mut page).is_err() {
            return Effect::None;
        }
        let label = match (every_year, view.shown()) {
            (false, Some(y)) => format!("{} {}", view.office.key, y.year),
            _ => view.office.key.clone(),
        };
        Effect::Copy {
            text: String::from_utf8_lossy(&page).into_owned(),
            label,
        }
    }

    /// `Enter`: the plan sentence at the top of the view, read in its compilation (the
    /// reported-only ones: in the review's).
    fn read_tracked_line(&mut self) -> Effect {
        let Some(view) = self.shelf.as_ref().and_then(|s| s.tracking.view.as_ref()) else {
            return Effect::None;
        };
        let (Some(year), Some(a)) = (view.shown(), view.alignment.as_ref()) else {
            return Effect::None;
        };
        let target = match view.items().get(view.scroll) {
            Some(&Item::Plan(i)) => year
                .plan
                .zip(a.rows.get(i))
                .map(|(p, row)| (p.book, row.plan.line)),
            Some(&Item::Reported(i)) => year
                .review
                .zip(a.reported_only.get(i))
                .map(|(r, p)| (r.book, p.line)),
            None => None,
        };
        let Some((book, line)) = target else {
            return Effect::None;
        };
        let effect = self.open_book(book);
        self.jump_to(Anchor::line(line));
        effect
    }
}
