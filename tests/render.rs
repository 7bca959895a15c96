//! TestBackend renders of real fixtures, snapshotted as plain row strings (the cell hidden behind
//! each wide character skipped), at 160×45, 100×30 and 50×16, for each pane and the help.

mod common;

use common::{app, press, screen};
use huibian::doc::wrap::str_width;

const F000: &str = "000_3aa89c1d59f293ce.txt";
const SIZES: [(u16, u16); 3] = [(160, 45), (100, 30), (50, 16)];

fn snap(name: &str, fixture: &str, keys: &str) {
    for (w, h) in SIZES {
        let mut a = app(fixture, w, h);
        press(&mut a, keys);
        let rows = screen(&a);
        for row in &rows {
            assert!(
                str_width(row, false) <= usize::from(w),
                "row wider than {w}: {row}"
            );
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), rows.join("\n"));
    }
}

#[test]
fn text_pane() {
    // `]]`: the third report, its title under the breadcrumb.
    snap("text", F000, "]]");
}

#[test]
fn contents_pane() {
    snap("contents", F000, "]]}}1j");
}

#[test]
fn plans_pane() {
    snap("plans", F000, "]3jj");
}

#[test]
fn help_overlay() {
    snap("help", F000, "?");
}

#[test]
fn search_prompt_with_hits() {
    snap("search", F000, "/信访工作");
}

#[test]
fn results_list() {
    snap("results", F000, "/下一步<Enter>&");
}

#[test]
fn jump_picker() {
    snap("picker", F000, ":水利<Down>");
}

#[test]
fn other_fixture_deep_in_the_text() {
    snap("text_004", "004_b94f0c5038739baf.txt", "]]}}}jjj");
}

#[test]
fn every_size_down_to_one_cell_renders_without_panic() {
    for w in [1u16, 2, 5, 13, 20, 39, 40, 41, 79, 80, 119, 120] {
        for h in [1u16, 2, 3, 5, 12] {
            for keys in ["", "3", "1", "?", "]G"] {
                let mut a = app(F000, w, h);
                press(&mut a, keys);
                let rows = screen(&a);
                assert_eq!(rows.len(), usize::from(h));
            }
        }
    }
}

#[test]
fn breadcrumb_names_the_report_and_heading_path() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]}}}");
    let rows = screen(&a);
    assert!(
        rows[1].contains(".. > 三、下一步打算"),
        "the title is shortened, the path kept: {}",
        rows[1]
    );
    assert!(rows[1].contains("《2023年市人大代表建议"), "{}", rows[1]);
    let mut wide = app(F000, 200, 45);
    press(&mut wide, "]]}}}");
    assert!(
        screen(&wide)[1]
            .contains("《2023年市人大代表建议和政协委员提案办理工作总结》 > 三、下一步打算")
    );
}

#[test]
fn escape_sequences_in_the_text_are_drawn_as_symbols() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/handmade/escapes.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let doc = huibian::doc::parse::parse(&bytes).expect("parses");
    let mut a = huibian::reader::app::App::new(doc, huibian::reader::app::Settings::default());
    a.update(huibian::reader::app::Msg::Resize(100, 30));
    let rows = screen(&a);
    let all = rows.join("\n");
    assert!(all.contains("\u{241b}[2J"), "ESC shown as a visible symbol");
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'));
}

/// Overlays are layers: inside the results list nothing of the panes beneath shows through (no
/// underline of the contents' selection, no heading's bold), and the border is drawn; the help
/// after `G` moves back up at the first `k`.
#[test]
fn overlays_hide_the_panes_beneath_and_have_a_border() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]/下一步<Enter>&");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).expect("terminal");
    terminal.draw(|f| huibian::ui::render(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    // The list's frame: between the pane headers and the status line, whole width.
    assert_eq!(buf[(0, 1)].symbol(), "┌");
    assert_eq!(buf[(159, 1)].symbol(), "┐");
    assert_eq!(buf[(0, 43)].symbol(), "└");
    let selected_row = 1 + 1 + a.reading().results.as_ref().map_or(0, |r| r.selected) as u16;
    for y in 2..43u16 {
        if y == selected_row {
            continue;
        }
        // After a row's text, the cells are the overlay's own: plain.
        let end = (1..159u16)
            .rev()
            .find(|&x| buf[(x, y)].symbol() != " ")
            .unwrap_or(0);
        for x in end + 1..159u16 {
            let m = buf[(x, y)].modifier;
            assert!(m.is_empty(), "({x},{y}) carries {m:?} from beneath");
        }
    }
    // Help: `G` then `k` scrolls up at once.
    let mut h = app(F000, 100, 30);
    press(&mut h, "?G");
    let bottom = h.help_scroll().expect("help open");
    assert_eq!(bottom, h.help_max_scroll());
    press(&mut h, "k");
    assert_eq!(h.help_scroll(), Some(bottom - 1));
}
