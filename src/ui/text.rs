//! The text pane: the compilation as one continuous text from the reading position, with the
//! current report and heading path pinned above it, headings styled by level, plan lines marked
//! in the gutter. Only the rows on screen are wrapped and drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{put, truncate};
use crate::doc::model::{Heading, LineNo, Report};
use crate::doc::wrap::str_width;
use crate::reader::app::App;
use crate::reader::theme::Theme;

/// The sticky breadcrumb for a line, fitted to `width` columns: `《report》 > 二、… > （一）…`.
/// When it is too long the report title is shortened first, so the heading path stays.
#[must_use]
pub fn breadcrumb(app: &App, line: LineNo, width: usize) -> String {
    let doc = &app.doc();
    let r = doc.reports.partition_point(|r| r.line <= line);
    let Some(report) = r.checked_sub(1).map(|i| &doc.reports[i]) else {
        return doc.name.clone().unwrap_or_default();
    };
    let mut path: Vec<&Heading> = Vec::new();
    for h in report.headings.iter().take_while(|h| h.line <= line) {
        while path.last().is_some_and(|p| p.level >= h.level) {
            path.pop();
        }
        path.push(h);
    }
    let wide = app.settings().ambiguous_wide;
    let trail: String = path
        .iter()
        .map(|h| format!(" > {}{}", h.marker, h.text))
        .collect();
    let title = format!("《{}》", report.title);
    let room = width
        .saturating_sub(str_width(&trail, wide))
        .max(width.min(12));
    truncate(
        &format!("{}{trail}", truncate(&title, room, wide)),
        width,
        wide,
    )
}

/// How one line is drawn.
struct LineLook {
    /// Style of the first `styled` bytes (a heading phrase, a title), and of the rest.
    head: Style,
    styled: usize,
    body: Style,
    in_plan: bool,
}

fn look(app: &App, theme: &Theme, line: LineNo) -> LineLook {
    let doc = &app.doc();
    let text = doc.text.line(line);
    let plain = LineLook {
        head: theme.text,
        styled: 0,
        body: theme.text,
        in_plan: false,
    };
    if doc.title_line == Some(line) || doc.declared_count_line == Some(line) {
        return LineLook {
            head: theme.title,
            styled: text.len(),
            ..plain
        };
    }
    let Some(report) = doc.report_at(line).map(|i| &doc.reports[i]) else {
        let in_toc = doc
            .toc
            .as_ref()
            .is_some_and(|t| t.header_line.unwrap_or(t.first_line) <= line && line <= t.last_line);
        return LineLook {
            body: if in_toc { theme.dim } else { theme.text },
            ..plain
        };
    };
    let in_plan = in_plan(report, line);
    if line == report.line {
        return LineLook {
            head: theme.report_title,
            styled: text.len(),
            in_plan,
            ..plain
        };
    }
    if let Ok(i) = report.headings.binary_search_by_key(&line, |h| h.line) {
        return heading_look(
            theme,
            &report.headings[i],
            text,
            LineLook { in_plan, ..plain },
        );
    }
    if report.signoff_lines.contains(&line) || report.addressee_line == Some(line) {
        return LineLook {
            body: theme.dim,
            in_plan,
            ..plain
        };
    }
    LineLook { in_plan, ..plain }
}

/// A heading line: its level's style, over the marker and the heading (a run-in heading's
/// text after it stays plain).
fn heading_look(
    theme: &Theme,
    h: &crate::doc::model::Heading,
    text: &str,
    plain: LineLook,
) -> LineLook {
    let head = match h.level {
        1 => theme.heading1,
        2 => theme.heading2,
        3 => theme.heading3,
        _ => theme.heading4,
    };
    let styled = if h.run_in {
        text.find(h.text.as_str())
            .map_or(text.len(), |at| at + h.text.len())
    } else {
        text.len()
    };
    LineLook {
        head,
        styled,
        ..plain
    }
}

fn in_plan(report: &Report, line: LineNo) -> bool {
    report
        .plan
        .as_ref()
        .is_some_and(|p| p.start_line <= line && line <= p.end_line)
}

/// A hit inside one line: its byte range in the line, and whether it is the current hit.
type LineHit = (std::ops::Range<usize>, bool);

/// The search hits inside line `no`, as byte ranges of the line, each marked when it is the
/// current hit. Only lines on screen are searched, so highlighting costs nothing per document.
fn line_hits(app: &App, view: &crate::doc::view::DocView<'_>, no: LineNo) -> Vec<LineHit> {
    let Some(search) = app.finder().search.as_ref() else {
        return Vec::new();
    };
    // What the line shows: itself, or its whole paragraph in a hard-wrapped text.
    let range = view.span(no);
    // A hit in a hard-wrapped text may run over a soft break: search the line with its
    // neighbours and keep the part of each hit inside this line.
    let text = app.doc().text.as_str();
    let window = if app.doc().wrap_width.is_some() {
        let start = app
            .doc()
            .text
            .line_range(no.saturating_sub(1).max(1))
            .map_or(range.start, |r| r.start);
        let after = app.doc().text.line_of_offset(range.end) + 1;
        let end = app
            .doc()
            .text
            .line_range(after)
            .map_or(range.end, |r| r.end);
        start..end
    } else {
        range.clone()
    };
    search
        .regex
        .find_iter(&text[window.clone()])
        .filter(|m| !m.is_empty())
        .filter_map(|m| {
            let (s, e) = (window.start + m.start(), window.start + m.end());
            let (s, e) = (s.max(range.start), e.min(range.end));
            (s < e).then(|| {
                let current = search
                    .current
                    .as_ref()
                    .is_some_and(|c| c.start == window.start + m.start());
                (s - range.start..e - range.start, current)
            })
        })
        .collect()
}

/// Draws the text pane's body (breadcrumb row and text rows) into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 2 {
        return;
    }
    let wide = app.settings().ambiguous_wide;
    let max_x = area.x + area.width;
    let crumb = breadcrumb(app, app.top().line, usize::from(area.width));
    put(buf, area.x, area.y, max_x, &crumb, theme.breadcrumb, wide);
    let rows_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let view = app.view();
    let rows = view.rows_from(app.top(), usize::from(rows_area.height));
    let mut current: Option<(LineNo, LineLook)> = None;
    let mut hits: Option<(LineNo, Vec<LineHit>)> = None;
    let selected = app.reading().selected_lines();
    for (i, row) in rows.iter().enumerate() {
        let y = rows_area.y + u16::try_from(i).unwrap_or(u16::MAX);
        if current.as_ref().is_none_or(|(l, _)| *l != row.line) {
            current = Some((row.line, look(app, theme, row.line)));
        }
        let Some((_, lk)) = &current else { continue };
        if lk.in_plan {
            buf[(area.x, y)].set_symbol(" ").set_style(theme.plan_mark);
        }
        if selected.is_some_and(|(a, b)| a <= row.line && row.line <= b) {
            buf[(area.x, y)].set_symbol(">").set_style(theme.selection);
        }
        // The line, or its paragraph: row ranges count from the line's start either way.
        let text = &app.doc().text.as_str()[view.span(row.line)];
        if hits.as_ref().is_none_or(|(l, _)| *l != row.line) {
            hits = Some((row.line, line_hits(app, &view, row.line)));
        }
        let line_hits = hits.as_ref().map_or(&[][..], |(_, h)| h.as_slice());
        let (a, b) = (row.range.start, row.range.end);
        let split = lk.styled.clamp(a, b);
        // Segment boundaries: the styled head, and every hit edge inside the row.
        let mut cuts = vec![a, split, b];
        for (h, _) in line_hits {
            cuts.extend([h.start.clamp(a, b), h.end.clamp(a, b)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut x = area.x + 1;
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            let mut style = if s < split { lk.head } else { lk.body };
            if let Some((_, current)) = line_hits.iter().find(|(h, _)| h.start <= s && e <= h.end) {
                style = style.patch(if *current {
                    theme.search_hit_current
                } else {
                    theme.search_hit
                });
            }
            x = put(buf, x, y, max_x, &text[s..e], style, wide);
        }
        // The end of a selection that the movement keys move: its line marked across the row.
        if app.reading().selection.is_some() && row.line == app.reading().selection_cursor {
            super::draw::restyle(buf, rows_area, y, theme.selection_unfocused);
        }
    }
}
