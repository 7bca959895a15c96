//! The contents pane: reports and their headings as a tree, folded per report, the plan part
//! marked, each report's length shown; the selection follows the reading position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{put, restyle, short_count, truncate};
use crate::doc::wrap::str_width;
use crate::reader::app::App;
use crate::reader::app::cursor::Node;
use crate::reader::layout::Pane;
use crate::reader::theme::Theme;

/// The text of one tree row, and its style.
fn row(app: &App, theme: &Theme, node: Node) -> (String, String, ratatui::style::Style) {
    let doc = &app.doc();
    match node {
        Node::Report(r) => {
            let report = &doc.reports[r];
            let fold = if report.headings.is_empty() {
                " "
            } else if app.reading().tree.unfolded[r] {
                "-"
            } else {
                "+"
            };
            let plan = if report.plan.is_some() { "P" } else { " " };
            // A start found on weak evidence (a title-like line, a loose TOC match, the whole
            // text) is marked, so a reader knows what to trust.
            let trust = if report.title_match.is_weak() {
                '?'
            } else {
                ' '
            };
            (
                format!("{fold}{:>3}{trust}{}", r + 1, report.title),
                format!(" {} {plan}", short_count(report.char_count)),
                theme.report_title,
            )
        }
        Node::Heading(r, h) => {
            let report = &doc.reports[r];
            let heading = &report.headings[h];
            let indent = "  ".repeat(usize::from(heading.level));
            let is_plan = report
                .plan
                .as_ref()
                .is_some_and(|p| p.heading_line == Some(heading.line));
            let style = if is_plan {
                theme.plan_heading
            } else {
                theme.text
            };
            (
                format!("  {indent}{}{}", heading.marker, heading.text),
                String::new(),
                style,
            )
        }
    }
}

/// Draws the tree into `area`, keeping the selected row in view.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let wide = app.settings().ambiguous_wide;
    let height = usize::from(area.height);
    // Start a third of a page above the selection (stateless scrolling: render never mutates).
    let first = app.contents_first(height);
    let selection = if app.focus() == Pane::Contents {
        theme.selection
    } else {
        theme.selection_unfocused
    };
    let mut node = Some(first);
    for i in 0..area.height {
        let Some(n) = node else { break };
        let y = area.y + i;
        let (left, right, style) = row(app, theme, n);
        let width = usize::from(area.width);
        let right_w = str_width(&right, wide);
        let left = truncate(&left, width.saturating_sub(right_w), wide);
        put(buf, area.x, y, area.x + area.width, &left, style, wide);
        if !right.is_empty() && right_w + str_width(&left, wide) <= width {
            let x = area.x + area.width - u16::try_from(right_w).unwrap_or(0);
            put(buf, x, y, area.x + area.width, &right, theme.dim, wide);
        }
        if n == app.reading().node {
            restyle(buf, area, y, selection);
        }
        node = app.reading().tree.next(app.doc(), n);
    }
}
