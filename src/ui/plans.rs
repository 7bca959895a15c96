//! The plans pane: for every report in order, its title, its plan heading and its items,
//! wrapped; reports without a plan part dimmed as such. The rows come from
//! [`App::plan_rows`], which a click is mapped back through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{put, restyle};
use crate::reader::app::App;
use crate::reader::app::plan_rows::Role;
use crate::reader::layout::Pane;
use crate::reader::theme::Theme;

/// Draws the pane into `area`, starting at the selected report and keeping the selection in view.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let wide = app.settings().ambiguous_wide;
    let selection = if app.focus() == Pane::Plans {
        theme.selection
    } else {
        theme.selection_unfocused
    };
    let selected = app.reading().entry;
    let rows = app.plan_rows(usize::from(area.width), usize::from(area.height));
    for (i, row) in rows.iter().enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        let style = match row.role {
            Role::ReportTitle => theme.report_title,
            Role::PlanHeading => theme.plan_heading,
            Role::PlanItem => theme.plan_item,
            Role::NoPlan => theme.no_plan,
            Role::Blank => theme.text,
        };
        put(
            buf,
            area.x + row.indent,
            y,
            area.x + area.width,
            &row.text,
            style,
            wide,
        );
        if row.shows(selected) {
            restyle(buf, area, y, selection);
        }
    }
}
