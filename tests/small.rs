//! Small literal-row tests at 30×10 (as csvlens keeps them: the whole screen in the test, so a
//! change shows as a diff of rows), and per-cell checks where style is the behaviour: overlays
//! over the panes, the line selection, and wide characters at an overlay's edge.

mod common;

use common::{app, app_with, press, screen, settings};
use huibian::reader::app::Settings;
use huibian::reader::theme::ColorMode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

const F000: &str = "000_3aa89c1d59f293ce.txt";

fn rows_after(keys: &str) -> Vec<String> {
    let mut a = app(F000, 30, 10);
    press(&mut a, keys);
    screen(&a)
}

/// Whether a cell shows `want`: its colours (unset meaning the terminal's default) and exactly
/// its modifiers.
fn shows(cell: &ratatui::buffer::Cell, want: Style) -> bool {
    cell.fg == want.fg.unwrap_or(Color::Reset)
        && cell.bg == want.bg.unwrap_or(Color::Reset)
        && cell.modifier == want.add_modifier
}

fn buffer(a: &huibian::reader::app::App) -> Buffer {
    let (w, h) = a.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| huibian::ui::render(f, a)).expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn the_text_pane_alone() {
    assert_eq!(
        rows_after(""),
        [
            ">2 Text  report 1/14",
            "《2023年区重点工程建设管理中..",
            " 2023年区重点工程建设管理中心",
            " 帮扶工作总结",
            " 2023年，区重点工程建设管理中",
            " 心坚持以习近平新时代中国特色",
            " 社会主义思想为指导，全面贯",
            " 彻、落实习近平总书记关于“三",
            " 农”工作重要指示批示精神，根据",
            " 0.. L19/372 0% utf-8  ? help",
        ]
    );
}

#[test]
fn the_contents_and_plans_panes_one_at_a_time() {
    assert_eq!(
        rows_after("1"),
        [
            ">1 Contents  14 reports",
            "   1 2023年区重点工程..  523 P",
            "-  2 2023年全市信访工.. 2.1k P",
            "    一、基本情况",
            "    二、2024年工作计划",
            "-  3 2023年市人大代表..  819 P",
            "    一、总体情况",
            "    二、主要做法",
            "    三、下一步打算",
            " 0.. L19/372 0% utf-8  ? help",
        ]
    );
    assert_eq!(
        rows_after("3"),
        [
            ">3 Plans  14/14 with plans",
            "1 《2023年区重点工程建设管理中",
            "心帮扶工作总结》",
            "  (plan prose, no heading)",
            "  - 2023年，在定点帮扶工作",
            "    中，虽然取得了一些的效果，",
            "    但还存在一些不足。如帮扶工",
            "    作以“浅层次”为主，不够深",
            "    入，存在物资、设施、资金支",
            " 0.. L19/372 0% utf-8  ? help",
        ]
    );
}

#[test]
fn the_help_stacks_keys_over_descriptions_when_narrow() {
    assert_eq!(
        rows_after("?"),
        [
            ">2 Text  report 1/14",
            "┌─ Keys (j/k scroll, q clo..─┐",
            "│Everywhere                  │",
            "│  q ctrl-c                  │",
            "│    quit                    │",
            "│  ctrl-z                    │",
            "│    suspend to the shell    │",
            "│    (fg resumes)            │",
            "└────────────────────────────┘",
            " 0.. L19/372 0% utf-8  ? help",
        ]
    );
    // `G` is the last page; `k` moves at once (the scroll is clamped in update).
    assert_eq!(
        rows_after("?G")[2..8],
        [
            "│  s                         │",
            "│    results: all, plan      │",
            "│    parts only, current     │",
            "│    report                  │",
            "│  esc q & F `               │",
            "│    close the list          │",
        ]
    );
    assert_eq!(rows_after("?Gk")[3], "│  s                         │");
}

#[test]
fn the_results_list_and_the_picker_are_bordered_layers() {
    assert_eq!(
        rows_after("/工作<Enter>&"),
        [
            ">2 Text  report 1/14",
            "┌─ /工作: 435 hits in whol..─┐",
            "│    L17: 镇生态环保中心202..│",
            "│《2023年区重点工程建设管理..│",
            "│    L19: 重点工程建设管理.. │",
            "│    L20: 习近平总书记关于“..│",
            "│    L22: 为了让三门村干部.. │",
            "│    L24: 2023年，在定点帮.. │",
            "└────────────────────────────┘",
            " /.. L18/372 0% utf-8  ? help",
        ]
    );
    assert_eq!(
        rows_after(":生态"),
        [
            "┌─ reports and headings ─────┐",
            "│市生态环境局2023年法治政府建│",
            "│镇生态环保中心2023年工作总结│",
            "│（五）生态破坏问题整治工作  │",
            "│（四）协同推进跨区域生态保护│",
            "│一、开展的主要工作  《市生..│",
            "│二、存在的不足及原因  《市..│",
            "│三、下一步工作计划  《市生..│",
            "└────────────────────────────┘",
            ":生态           25 matches, ..",
        ]
    );
}

#[test]
fn no_pane_style_inside_an_overlay_and_its_border_is_whole() {
    // The default theme, in colour: the panes' styles are there to leak.
    let coloured = Settings {
        theme: "default".into(),
        color: ColorMode::Ansi,
        ..settings(F000)
    };
    for (w, h) in [(160, 45), (100, 30), (80, 24), (60, 20), (30, 10)] {
        let mut a = app_with(F000, w, h, coloured.clone());
        press(&mut a, "]]?");
        let buf = buffer(&a);
        let frame = huibian::reader::app::help::frame(buf.area);
        let inner_style = a.theme().text;
        let (left, right) = (frame.x, frame.x + frame.width - 1);
        for y in frame.y + 1..frame.y + frame.height - 1 {
            assert_eq!(
                buf[(left, y)].symbol(),
                "│",
                "left border at {w}×{h}, row {y}"
            );
            assert_eq!(
                buf[(right, y)].symbol(),
                "│",
                "right border at {w}×{h}, row {y}"
            );
            // A wide character of the pane must not reach under the border.
            if left > 0 {
                let outside = buf[(left - 1, y)].symbol();
                assert!(
                    unicode_width::UnicodeWidthStr::width(outside) <= 1,
                    "{outside} straddles the border at {w}×{h}, row {y}"
                );
            }
            // Past each row's text, the cells are the overlay's own fill.
            let end = (left + 1..right)
                .rev()
                .find(|&x| buf[(x, y)].symbol() != " ")
                .unwrap_or(left);
            for x in end + 1..right {
                assert!(
                    shows(&buf[(x, y)], inner_style),
                    "({x},{y}) at {w}×{h} is styled from beneath: {:?}",
                    buf[(x, y)].style()
                );
            }
        }
    }
}

#[test]
fn a_line_selection_is_marked_per_cell() {
    let coloured = Settings {
        theme: "default".into(),
        color: ColorMode::Ansi,
        ..settings(F000)
    };
    let mut a = app_with(F000, 100, 30, coloured);
    press(&mut a, "]jjvj");
    let (first, last) = a.reading().selected_lines().expect("a selection");
    assert_eq!(last, first + 1);
    let buf = buffer(&a);
    let text = a
        .layout()
        .rect(huibian::reader::layout::Pane::Text)
        .expect("text");
    let view = a.view();
    let rows = view.rows_from(a.top(), usize::from(text.height) - 2);
    let selection = a.theme().selection;
    let cursor = a.theme().selection_unfocused;
    for (i, row) in rows.iter().enumerate() {
        let y = text.y + 2 + u16::try_from(i).expect("row");
        let gutter = &buf[(text.x, y)];
        let inside = (first..=last).contains(&row.line);
        assert_eq!(
            gutter.symbol() == ">",
            inside,
            "gutter of line {}",
            row.line
        );
        if inside {
            // The selection's style (the cursor line adds its underline on top).
            assert!(
                gutter.modifier.contains(selection.add_modifier)
                    && gutter.bg == selection.bg.unwrap_or(Color::Reset),
                "{:?}",
                gutter.style()
            );
        }
        // The moving end: its rows carry the cursor-line style across the pane.
        let cell = &buf[(text.x + 3, y)];
        let underlined = cell.modifier.contains(Modifier::UNDERLINED);
        if underlined {
            assert!(cell.modifier.contains(cursor.add_modifier));
        }
        assert_eq!(
            underlined,
            row.line == last,
            "cursor line marked on line {} only",
            row.line
        );
    }
}
