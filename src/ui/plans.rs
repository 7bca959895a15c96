//! The plans pane: for every report in order, its title, its plan heading and its items,
//! wrapped; reports without a plan part dimmed as such. The selection follows the report being
//! read; `Enter` jumps to the selected item.

use crate::i18n::Msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{put, restyle};
use crate::app::App;
use crate::app::cursor::PlanEntry;
use crate::layout::Pane;
use crate::theme::Theme;
use crate::wrap::wrap_line;

/// One screen row of the pane.
struct Line {
    entry: Option<PlanEntry>,
    indent: u16,
    text: String,
    style: Style,
}

/// The rows of report `r`'s block at `width` columns.
fn block(app: &App, theme: &Theme, r: usize, width: usize) -> Vec<Line> {
    let wide = app.settings.ambiguous_wide;
    let lang = app.settings.lang;
    let report = &app.doc.reports[r];
    let mut out = Vec::new();
    let mut push = |entry: Option<PlanEntry>, indent: usize, text: &str, style: Style| {
        // Continuation rows hang two columns in (under the text after `- `), so wrap for that.
        let hang = if indent > 0 { 2 } else { 0 };
        let avail = width.saturating_sub(indent + hang).max(2);
        for (k, range) in wrap_line(text, avail, wide).into_iter().enumerate() {
            let extra = if k > 0 { hang } else { 0 };
            let rows_text = text[range].to_owned();
            out.push(Line {
                entry,
                indent: u16::try_from(indent + extra).unwrap_or(0),
                text: rows_text,
                style,
            });
        }
    };
    let head = PlanEntry {
        report: r,
        item: None,
    };
    push(
        Some(head),
        0,
        &format!("{} 《{}》", r + 1, report.title),
        theme.report_title,
    );
    match &report.plan {
        Some(p) => {
            let heading = p
                .heading
                .clone()
                .unwrap_or_else(|| lang.get(Msg::PlanProse).into());
            push(Some(head), 2, &heading, theme.plan_heading);
            for (k, item) in p.items.iter().enumerate() {
                push(
                    Some(PlanEntry {
                        report: r,
                        item: Some(k),
                    }),
                    2,
                    &format!("- {}", item.text),
                    theme.plan_item,
                );
            }
        }
        None if r >= app.parsed => push(Some(head), 2, lang.get(Msg::ReadingOne), theme.no_plan),
        None => push(Some(head), 2, lang.get(Msg::NoPlanPart), theme.no_plan),
    }
    out
}

/// Draws the pane into `area`, starting at the selected report and keeping the selection in view.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let wide = app.settings.ambiguous_wide;
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let mut lines: Vec<Line> = Vec::new();
    let mut r = app.entry.report;
    // Enough rows to show the selection and a page after it.
    while r < app.doc.reports.len() && lines.len() < height * 3 {
        lines.extend(block(app, theme, r, width));
        lines.push(Line {
            entry: None,
            indent: 0,
            text: String::new(),
            style: theme.text,
        });
        r += 1;
    }
    let selected_at = lines
        .iter()
        .rposition(|l| l.entry == Some(app.entry))
        .unwrap_or(0);
    let skip = (selected_at + 1).saturating_sub(height);
    let selection = if app.focus == Pane::Plans {
        theme.selection
    } else {
        theme.selection_unfocused
    };
    for (i, line) in lines.iter().skip(skip).take(height).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        put(
            buf,
            area.x + line.indent,
            y,
            area.x + area.width,
            &line.text,
            line.style,
            wide,
        );
        if line.entry == Some(app.entry)
            && (line.entry.is_some_and(|e| e.item.is_some()) || line.indent == 0)
        {
            restyle(buf, area, y, selection);
        }
    }
}
