//! The state that belongs to one open document: the model, where it is being read, its
//! contents and plans selections, its search, jumps and marks, a line selection, and how far a
//! large file has been read. A shelf of several compilations keeps one of these for each.

use std::sync::Arc;

use super::cursor::{Node, PlanEntry, Tree};
use super::find::Finder;
use super::loading::PendingPlace;
use super::restore;
use super::results;
use crate::doc::model::{Compilation, LineNo};
use crate::doc::view::Anchor;

/// One document as it is being read.
#[derive(Debug)]
pub struct Reading {
    /// The compilation, shared with the thread that counts search hits.
    pub doc: Arc<Compilation>,
    /// The reading position: the first row of the text pane.
    pub top: Anchor,
    /// The contents tree's folding.
    pub tree: Tree,
    /// The selected contents row.
    pub node: Node,
    /// The selected plans row.
    pub entry: PlanEntry,
    /// Search, the jump prompt, the jump list and marks.
    pub finder: Finder,
    /// The search results list, when open.
    pub results: Option<results::Results>,
    /// The results list was asked for before the hits were counted: the list to open when
    /// they are.
    pub results_waiting: Option<results::Scope>,
    /// The line a line selection in progress (`v`) is anchored at.
    pub selection: Option<LineNo>,
    /// The selection's other end, which the movement keys move (as vim's `V`).
    pub selection_cursor: LineNo,
    /// Percent of the file parsed while a large file opens in the background.
    pub loading: Option<u8>,
    /// The file's size while only its first part (the preview) is shown: the status line
    /// measures the position against the whole file, and `G` waits for its end.
    pub preview_of: Option<u64>,
    /// A place named on the preview that lies beyond it (`G`, `:80%`, `n` past its last hit):
    /// gone to once the whole text is there.
    pub pending_place: Option<PendingPlace>,
    /// How many reports (from the first) have their outline and plan; the others are only
    /// titles until the background parse reaches them.
    pub parsed: usize,
    /// A saved position (and marks) waiting for the text it points into (a large file's lines
    /// beyond its preview) or for the whole model (to fall back to a heading).
    pub resume: Option<restore::Pending>,
    /// Where each plan part starts, sorted: the stops of `)` and `(`.
    pub plan_starts: Vec<LineNo>,
    /// The key its reading state is saved under (the file's canonical path), if it is saved.
    pub document: Option<String>,
}

impl Reading {
    /// `doc` opened at its first report (the contents pane already shows the TOC, `g` the
    /// title page).
    #[must_use]
    pub fn new(doc: Compilation) -> Self {
        Self::shared(Arc::new(doc))
    }

    /// A document shared with others (a shelf's book, read in the background), opened at its
    /// first report.
    #[must_use]
    pub fn shared(doc: Arc<Compilation>) -> Self {
        let plan_starts = plan_starts(&doc);
        let first = doc.reports.first().map_or(1, |r| r.line);
        Self {
            tree: Tree::new(&doc),
            parsed: doc.reports.len(),
            doc,
            top: Anchor::line(first),
            node: Node::Report(0),
            entry: PlanEntry::default(),
            finder: Finder::default(),
            results: None,
            results_waiting: None,
            selection: None,
            selection_cursor: 0,
            loading: None,
            preview_of: None,
            pending_place: None,
            resume: None,
            plan_starts,
            document: None,
        }
    }

    /// The report that holds the reading position (or the first one, before any report).
    #[must_use]
    pub fn current_report(&self) -> usize {
        self.doc
            .reports
            .partition_point(|r| r.line <= self.top.line)
            .saturating_sub(1)
    }

    /// The lines a selection covers: from where `v` was pressed to where the movement keys
    /// took its other end.
    #[must_use]
    pub fn selected_lines(&self) -> Option<(LineNo, LineNo)> {
        let anchor = self.selection?;
        let cursor = self.selection_cursor;
        Some((anchor.min(cursor), anchor.max(cursor)))
    }

    /// The model's outline stops, computed again after it changed.
    pub(crate) fn outline_changed(&mut self) {
        self.plan_starts = plan_starts(&self.doc);
    }
}

/// Where each report's plan part starts, in order: the stops of `)` and `(`.
fn plan_starts(doc: &Compilation) -> Vec<LineNo> {
    doc.reports
        .iter()
        .filter_map(|r| {
            r.plan
                .as_ref()
                .map(|p| p.heading_line.unwrap_or(p.start_line))
        })
        .collect()
}
