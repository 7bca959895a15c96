//! The selections of the contents tree and the plans pane, and how they move. O(1) per step:
//! nothing here walks the whole compilation.

use crate::doc::model::{Compilation, LineNo};

/// A row of the contents tree: a report, or one of its headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Report(usize),
    Heading(usize, usize),
}

impl Node {
    /// The report the node belongs to.
    #[must_use]
    pub fn report(self) -> usize {
        match self {
            Self::Report(r) | Self::Heading(r, _) => r,
        }
    }
}

/// A row of the plans pane: a report's block (`item: None`) or one of its plan items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PlanEntry {
    pub report: usize,
    pub item: Option<usize>,
}

/// The contents tree's fold state and navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    pub unfolded: Vec<bool>,
}

/// Compilations with more reports than this open with every report folded.
const UNFOLD_UP_TO: usize = 40;

impl Tree {
    #[must_use]
    pub fn new(doc: &Compilation) -> Self {
        Self {
            unfolded: vec![doc.reports.len() <= UNFOLD_UP_TO; doc.reports.len()],
        }
    }

    pub(super) fn open(&self, doc: &Compilation, r: usize) -> bool {
        self.unfolded.get(r).copied().unwrap_or(false) && !doc.reports[r].headings.is_empty()
    }

    /// The row below `node`.
    #[must_use]
    pub fn next(&self, doc: &Compilation, node: Node) -> Option<Node> {
        match node {
            Node::Report(r) if self.open(doc, r) => Some(Node::Heading(r, 0)),
            Node::Heading(r, h) if h + 1 < doc.reports[r].headings.len() => {
                Some(Node::Heading(r, h + 1))
            }
            Node::Report(r) | Node::Heading(r, _) => {
                (r + 1 < doc.reports.len()).then_some(Node::Report(r + 1))
            }
        }
    }

    /// The row above `node`.
    #[must_use]
    pub fn prev(&self, doc: &Compilation, node: Node) -> Option<Node> {
        match node {
            Node::Heading(r, 0) => Some(Node::Report(r)),
            Node::Heading(r, h) => Some(Node::Heading(r, h - 1)),
            Node::Report(0) => None,
            Node::Report(r) if self.open(doc, r - 1) => {
                Some(Node::Heading(r - 1, doc.reports[r - 1].headings.len() - 1))
            }
            Node::Report(r) => Some(Node::Report(r - 1)),
        }
    }

    /// The last row of the tree.
    #[must_use]
    pub fn last(&self, doc: &Compilation) -> Option<Node> {
        let r = doc.reports.len().checked_sub(1)?;
        Some(if self.open(doc, r) {
            Node::Heading(r, doc.reports[r].headings.len() - 1)
        } else {
            Node::Report(r)
        })
    }

    /// The deepest shown row at or before `line` (the tree follows the reading position).
    #[must_use]
    pub fn node_at(&self, doc: &Compilation, line: LineNo) -> Node {
        let r = doc
            .reports
            .partition_point(|r| r.line <= line)
            .saturating_sub(1);
        if !self.open(doc, r) {
            return Node::Report(r);
        }
        let heads = &doc.reports[r].headings;
        match heads.partition_point(|h| h.line <= line) {
            0 => Node::Report(r),
            h => Node::Heading(r, h - 1),
        }
    }
}

/// The line a contents row points at.
#[must_use]
pub fn node_line(doc: &Compilation, node: Node) -> LineNo {
    match node {
        Node::Report(r) => doc.reports[r].line,
        Node::Heading(r, h) => doc.reports[r].headings[h].line,
    }
}

/// The row below `entry` in the plans pane.
#[must_use]
pub fn next_entry(doc: &Compilation, e: PlanEntry) -> Option<PlanEntry> {
    let items = doc.reports[e.report]
        .plan
        .as_ref()
        .map_or(0, |p| p.items.len());
    match e.item {
        None if items > 0 => Some(PlanEntry {
            report: e.report,
            item: Some(0),
        }),
        Some(k) if k + 1 < items => Some(PlanEntry {
            report: e.report,
            item: Some(k + 1),
        }),
        _ => (e.report + 1 < doc.reports.len()).then_some(PlanEntry {
            report: e.report + 1,
            item: None,
        }),
    }
}

/// The row above `entry` in the plans pane.
#[must_use]
pub fn prev_entry(doc: &Compilation, e: PlanEntry) -> Option<PlanEntry> {
    match e.item {
        Some(0) => Some(PlanEntry {
            report: e.report,
            item: None,
        }),
        Some(k) => Some(PlanEntry {
            report: e.report,
            item: Some(k - 1),
        }),
        None if e.report == 0 => None,
        None => {
            let r = e.report - 1;
            let items = doc.reports[r].plan.as_ref().map_or(0, |p| p.items.len());
            Some(PlanEntry {
                report: r,
                item: items.checked_sub(1),
            })
        }
    }
}

/// The line a plans row points at: the item, or the plan's start, or the report's title.
#[must_use]
pub fn entry_line(doc: &Compilation, e: PlanEntry) -> LineNo {
    let report = &doc.reports[e.report];
    match (&report.plan, e.item) {
        (Some(p), Some(k)) => p.items.get(k).map_or(p.start_line, |i| i.line),
        (Some(p), None) => p.heading_line.unwrap_or(p.start_line),
        (None, _) => report.line,
    }
}

/// The plans row for a reading position: the item at or before `line` inside a plan part,
/// else the report's row.
#[must_use]
pub fn entry_at(doc: &Compilation, line: LineNo) -> PlanEntry {
    let r = doc
        .reports
        .partition_point(|r| r.line <= line)
        .saturating_sub(1);
    let item = doc
        .reports
        .get(r)
        .and_then(|rep| rep.plan.as_ref())
        .filter(|p| line >= p.start_line)
        .and_then(|p| p.items.partition_point(|i| i.line <= line).checked_sub(1));
    PlanEntry { report: r, item }
}
