//! Rendering: `render(frame, &App)` draws the layout, the panes, the status line and overlays.
//! It only reads the state (never `&mut App`); all text goes through [`draw::put`].

pub mod contents;
pub mod draw;
pub mod help;
pub mod lists;
pub mod plans;
pub mod prompt;
pub mod shelf;
pub mod text;
pub mod track;

use crate::reader::i18n::{self, Phrase};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::reader::app::App;
use crate::reader::layout::{Layout, Pane};
use draw::{fill, put};

/// Draws one frame.
pub fn render(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    render_area(app, area, frame.buffer_mut());
    // The real cursor sits at the prompt's caret, so an input method's candidate window opens
    // there; otherwise it stays hidden.
    if let Some(position) = prompt::cursor(
        app,
        Layout::compute(area, app.plans_shown(), app.focus()).status,
    ) {
        frame.set_cursor_position(position);
    }
}

/// Draws into any buffer area (used by tests and benchmarks with a `TestBackend`).
pub fn render_area(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(shelf) = app.shelf().filter(|_| !app.reading_shown()) {
        render_shelf(app, shelf, area, buf);
        return;
    }
    let theme = &app.theme();
    let layout = Layout::compute(area, app.plans_shown(), app.focus());
    for sep in layout.separators.into_iter().flatten() {
        for y in sep.y..sep.y + sep.height {
            put(buf, sep.x, y, sep.x + 1, "|", theme.separator, false);
        }
    }
    for pane in layout.visible() {
        let Some(rect) = layout.rect(pane) else {
            continue;
        };
        if rect.height == 0 || rect.width == 0 {
            continue;
        }
        header(app, pane, rect, buf);
        let body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        match pane {
            // The lists have nothing to show until a large file's reports are read.
            Pane::Contents | Pane::Plans if app.doc().reports.is_empty() => {
                draw::not_yet(buf, body, theme, app.settings())
            }
            Pane::Contents => contents::render(app, theme, body, buf),
            Pane::Text => text::render(app, theme, body, buf),
            Pane::Plans => plans::render(app, theme, body, buf),
        }
    }
    match &app.finder().prompt {
        Some(p) => prompt::render(app, p, layout.status, buf),
        None => status(app, layout.status, buf),
    }
    if let Some(r) = &app.reading().results {
        let query = app
            .finder()
            .search
            .as_ref()
            .map_or("", |s| s.query.text.as_str());
        lists::results(app, r, query, area, buf);
    } else if app.marks_list().is_some() {
        lists::marks(app, area, buf);
    }
    if let Some(scroll) = app.help_scroll() {
        help::render(app, theme, area, scroll, buf);
    }
}

/// A shelf's screen: its list, the offices, or an office's plans beside its reviews; the
/// status line (or the prompt), the shelf's search results and the help over them.
fn render_shelf(app: &App, shelf: &crate::reader::app::shelf::Shelf, area: Rect, buf: &mut Buffer) {
    use crate::reader::app::shelf::Screen;
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let status_row = Rect {
        y: area.y + body.height,
        height: area.height.min(1),
        ..area
    };
    let context = app.context();
    match (shelf.screen, shelf.tracking.view.as_ref()) {
        (Screen::Offices, _) => shelf::render_offices(app, shelf, body, buf),
        (Screen::Track, Some(view)) => track::render(app, shelf, view, body, buf),
        _ => shelf::render_shelf(app, shelf, body, buf),
    }
    match &app.finder().prompt {
        Some(p) => prompt::render(app, p, status_row, buf),
        None => {
            let hint = match shelf.screen {
                Screen::Offices => Phrase::OfficesKeys,
                Screen::Track => Phrase::TrackKeys,
                _ => Phrase::ShelfKeys,
            };
            let left = app.message().map_or_else(
                || app.keymap().fill(app.settings().lang.get(hint), context),
                str::to_owned,
            );
            status_line(app, status_row, &left, buf);
        }
    }
    if let Some(r) = &shelf.results {
        let query = shelf.search.as_ref().map_or("", |s| s.query.text.as_str());
        lists::results(app, r, query, area, buf);
    }
    if let Some(scroll) = app.help_scroll() {
        help::render(app, app.theme(), area, scroll, buf);
    }
}

/// A status line with `left` only (the shelf's screens): the message or the keys.
fn status_line(app: &App, rect: Rect, left: &str, buf: &mut Buffer) {
    if rect.height == 0 {
        return;
    }
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    fill(buf, rect, rect.y, theme.status);
    let style = if app.message().is_some() {
        theme.message
    } else {
        theme.status
    };
    let text = draw::truncate(&format!(" {left}"), usize::from(rect.width), wide);
    put(buf, rect.x, rect.y, rect.x + rect.width, &text, style, wide);
}

/// A pane's header row: its number and name, and a figure; marked and highlighted when focused.
fn header(app: &App, pane: Pane, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let focused = app.focus() == pane;
    let style = if focused {
        theme.header_focus
    } else {
        theme.header
    };
    fill(buf, rect, rect.y, style);
    let doc = &app.doc();
    let lang = app.settings().lang;
    let label = match pane {
        Pane::Contents => i18n::contents_header(lang, doc.reports.len()),
        Pane::Text => {
            let r = (!doc.reports.is_empty()).then(|| app.current_report() + 1);
            i18n::text_header(lang, r, doc.reports.len())
        }
        Pane::Plans => i18n::plans_header(lang, app.reports_with_plans(), doc.reports.len()),
    };
    let label = app
        .keymap()
        .fill(&label, crate::reader::keymap::Context::Global);
    let mark = if focused { ">" } else { " " };
    put(
        buf,
        rect.x,
        rect.y,
        rect.x + rect.width,
        &format!("{mark}{label}"),
        style,
        app.settings().ambiguous_wide,
    );
}

/// The status line: file (or search, or message) on the left, position, encoding and the help
/// hint on the right.
fn status(app: &App, rect: Rect, buf: &mut Buffer) {
    if rect.height == 0 {
        return;
    }
    let theme = app.theme();
    let wide = app.settings().ambiguous_wide;
    fill(buf, rect, rect.y, theme.status);
    let right = status_right(app);
    let right_w = u16::try_from(crate::doc::wrap::str_width(&right, wide)).unwrap_or(0);
    let max_x = rect.x + rect.width;
    let left_end = max_x.saturating_sub(right_w);
    let (left, style) = match (app.message(), &app.finder().search) {
        // A message about the search (a wrap) keeps the k/N counter beside it.
        (Some(m), Some(s)) if s.current.is_some() => (
            format!(" /{}  {}  {m}", s.query.text, s.counter()),
            theme.message,
        ),
        (Some(m), _) => (format!(" {m}"), theme.message),
        (None, Some(s)) => (
            format!(" /{}  {}", s.query.text, s.counter()),
            theme.status_accent,
        ),
        (None, None) => (format!(" {}", app.settings().file_name), theme.status),
    };
    let left = draw::truncate(&left, usize::from(left_end - rect.x), wide);
    put(buf, rect.x, rect.y, left_end, &left, style, wide);
    if right_w <= rect.width {
        put(
            buf,
            left_end,
            rect.y,
            max_x,
            &right,
            theme.status_accent,
            wide,
        );
    }
}

/// The status line's right part: keys typed so far (`g_`, `m_`), loading, the line and the
/// share of the file, the encoding, the help key.
fn status_right(app: &App) -> String {
    let doc = app.doc();
    let text_len = doc.text.as_str().len();
    // While only the preview is there, the position is measured against the whole file and
    // the number of lines is not known yet.
    let preview_of = app.reading().preview_of;
    let size = preview_of.map_or(text_len, |bytes| {
        usize::try_from(bytes).unwrap_or(usize::MAX).max(text_len)
    });
    let total = match preview_of {
        Some(_) => "..".to_owned(),
        None => doc.text.line_count().max(1).to_string(),
    };
    let top = app.top();
    let percent = doc
        .text
        .line_range(top.line)
        .map_or(0, |r| (r.start + top.byte) * 100 / size.max(1));
    let lang = app.settings().lang;
    let loading = app
        .reading()
        .loading
        .map_or_else(String::new, |p| i18n::parsing(lang, p));
    let pending = app
        .pending()
        .map_or_else(String::new, |p| format!(" {p} |"));
    let help = app.keymap().fill(
        lang.get(Phrase::Help),
        crate::reader::keymap::Context::Global,
    );
    format!(
        "{pending}{loading} L{}/{total} {percent}% {}  {help} ",
        top.line, doc.encoding
    )
}
