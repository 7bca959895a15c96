//! State tests driven by key strings: where the reading position and the selections end up.

mod common;

use common::{app, press};
use huibian::reader::app::cursor::{Node, PlanEntry};
use huibian::reader::input::Event;
use huibian::reader::key::{Code, Key};
use huibian::reader::layout::Pane;

const F000: &str = "000_3aa89c1d59f293ce.txt";

#[test]
fn opens_at_the_first_report_and_jumps_between_reports() {
    let mut a = app(F000, 160, 45);
    assert_eq!(a.top().line, 19);
    press(&mut a, "]]");
    assert_eq!(a.top().line, 46, "third report");
    assert_eq!(a.current_report(), 2);
    press(&mut a, "[");
    assert_eq!(a.top().line, 28);
    press(&mut a, "j[");
    assert_eq!(a.top().line, 28, "[ inside a report goes to its start");
    press(&mut a, "g");
    assert_eq!(a.top().line, 1);
    press(&mut a, "[");
    assert!(a.message().is_some_and(|m| m.contains("no report")));
}

#[test]
fn headings_and_plans() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]}");
    assert_eq!(a.top().line, 48, "一、总体情况 of report 3");
    press(&mut a, "}}");
    assert_eq!(a.top().line, 54, "三、下一步打算");
    press(&mut a, "{");
    assert_eq!(a.top().line, 50, "二、主要做法");
    press(&mut a, "g)");
    assert_eq!(
        a.top().line,
        24,
        "the first plan part is report 1's unheaded prose"
    );
    press(&mut a, ")");
    assert_eq!(a.top().line, 39, "二、2024年工作计划");
    press(&mut a, "(");
    assert_eq!(a.top().line, 24);
}

#[test]
fn scrolling_paging_and_the_end() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "jjj");
    let after3 = a.top();
    press(&mut a, "kkk");
    assert_eq!(a.top().line, 19);
    press(&mut a, "jjj<PgDn><PgUp>");
    assert_eq!(a.top(), after3, "page down then up returns");
    press(&mut a, "G");
    let bottom = a.top();
    press(&mut a, "j<Space><C-d>");
    assert_eq!(a.top(), bottom, "nothing scrolls past the end");
    assert_eq!(a.current_report(), 13);
    press(&mut a, "]");
    assert!(a.message().is_some());
}

#[test]
fn contents_selection_follows_and_opens() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]");
    assert_eq!(a.reading().node, Node::Report(2));
    press(&mut a, "}");
    assert_eq!(a.reading().node, Node::Heading(2, 0));
    press(&mut a, "1");
    assert_eq!(a.focus(), Pane::Contents);
    press(&mut a, "jj");
    assert_eq!(
        a.reading().node,
        Node::Heading(2, 2),
        "j moves the selection, not the text"
    );
    assert_eq!(a.top().line, 48);
    press(&mut a, "<Enter>");
    assert_eq!(a.top().line, 54, "三、下一步打算");
    press(&mut a, "h");
    assert_eq!(
        a.reading().node,
        Node::Report(2),
        "h on a heading goes up to its report"
    );
    press(&mut a, "h");
    assert!(!a.reading().tree.unfolded[2]);
    press(&mut a, "j");
    assert_eq!(
        a.reading().node,
        Node::Report(3),
        "a folded report hides its headings"
    );
    press(&mut a, "k<Space>");
    assert!(a.reading().tree.unfolded[2]);
}

#[test]
fn plans_pane_follows_and_jumps_to_items() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]");
    assert_eq!(
        a.reading().entry,
        PlanEntry {
            report: 1,
            item: None
        }
    );
    press(&mut a, "3");
    assert_eq!(a.focus(), Pane::Plans);
    press(&mut a, "jj<Enter>");
    assert_eq!(
        a.reading().entry,
        PlanEntry {
            report: 1,
            item: Some(1)
        }
    );
    assert_eq!(a.top().line, 41, "the second item of 二、2024年工作计划");
    press(&mut a, "2j3");
    assert_eq!(
        a.reading().entry.report,
        1,
        "the selection follows the report being read"
    );
}

#[test]
fn focus_plans_toggle_and_help() {
    let mut a = app(F000, 100, 30);
    assert!(!a.plans_shown(), "80-119 columns: plans hidden at first");
    press(&mut a, "<Tab>");
    assert_eq!(a.focus(), Pane::Contents);
    press(&mut a, "<Tab><Tab>");
    assert_eq!(
        a.focus(),
        Pane::Contents,
        "two panes: Tab cycles between them"
    );
    press(&mut a, "P<S-Tab>");
    assert!(a.plans_shown());
    assert_eq!(a.focus(), Pane::Plans);
    press(&mut a, "P");
    assert_eq!(
        a.focus(),
        Pane::Text,
        "hiding the focused plans pane moves focus to the text"
    );
    press(&mut a, "?");
    assert!(a.help_scroll().is_some());
    press(&mut a, "]jj");
    assert_eq!(
        a.help_scroll(),
        Some(2),
        "keys scroll the help while it is open"
    );
    press(&mut a, "<Esc>");
    assert!(a.help_scroll().is_none());
    press(&mut a, "t");
    assert_eq!(a.theme().name, "default");
    assert_eq!(a.message(), Some("theme: default"));
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]jjjj");
    let before = a.top();
    a.update(huibian::reader::app::Msg::Resize(70, 45));
    assert_eq!(a.top().line, before.line, "same line after a resize");
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    assert_eq!(a.top().line, before.line);
    assert!(a.top().byte <= before.byte);
}

#[test]
fn a_message_goes_with_the_next_move() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    press(&mut a, "/信访工作<Enter>");
    // Back past the first hit: wrapping around says so.
    assert!(
        common::press_until_message(&mut a, "N", 3),
        "wrapping around says so"
    );
    press(&mut a, "j");
    assert!(a.message().is_none(), "and the next move takes it away");
    // A move with something to say still says it.
    press(&mut a, "G]");
    assert!(
        a.message().is_some_and(|m| m.contains("no report")),
        "{:?}",
        a.message()
    );
}

#[test]
fn p_at_sixty_columns_switches_to_the_plans_and_back() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 60, 30);
    assert_eq!(a.focus(), Pane::Text);
    press(&mut a, "P");
    assert_eq!(a.focus(), Pane::Plans, "P is never silent");
    assert!(
        common::screen(&a)[0].contains("Plans"),
        "{:?}",
        common::screen(&a)[0]
    );
    press(&mut a, "P");
    assert_eq!(a.focus(), Pane::Text);
}

#[test]
fn a_mark_key_waiting_for_its_letter_is_shown() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    press(&mut a, "m");
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(status.contains(" m_ |"), "{status}");
    press(&mut a, "a'");
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(status.contains(" '_ |"), "{status}");
    press(&mut a, "a");
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(!status.contains("_ |"), "{status}");
}

/// A press of `button` at a cell, as the terminal reports it.
fn mouse(code: Code, column: u16, row: u16) -> Event {
    Event::Mouse {
        button: Key::plain(code),
        column,
        row,
    }
}

#[test]
fn a_click_on_a_contents_row_opens_it() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    // Mouse reporting off: a click does nothing.
    common::send(&mut a, &[mouse(Code::Click, 5, 10)]);
    assert_eq!(a.focus(), Pane::Text);
    press(&mut a, "M");
    // The rows as drawn: find the row of report 5 on screen and click it.
    let rows = common::screen(&a);
    let title = &a.doc().reports[4].title;
    let short: String = title.chars().take(6).collect();
    let y = rows
        .iter()
        .position(|r| r.contains(&format!("  5 {short}")))
        .expect("report 5 listed");
    common::send(
        &mut a,
        &[mouse(Code::Click, 5, u16::try_from(y).expect("row"))],
    );
    assert_eq!(a.current_report(), 4, "report 5 opened");
    assert_eq!(a.top().line, a.doc().reports[4].line);
    assert_eq!(a.focus(), Pane::Contents);
}

#[test]
fn a_click_on_a_plans_row_opens_that_item_and_the_wheel_scrolls_three_rows() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    press(&mut a, "M");
    let plans = a
        .layout()
        .rect(Pane::Plans)
        .expect("plans shown at 160 columns");
    let rows = common::screen(&a);
    // The first item row of the pane (`- …`), as drawn.
    let (y, item) = rows
        .iter()
        .enumerate()
        .skip(usize::from(plans.y) + 1)
        .find_map(|(y, r)| {
            let cell: String = r.chars().skip(usize::from(plans.x) / 2).collect();
            cell.contains("- ").then_some((y, cell))
        })
        .expect("an item on screen");
    let column = plans.x + 4;
    common::send(
        &mut a,
        &[mouse(Code::Click, column, u16::try_from(y).expect("row"))],
    );
    assert_eq!(a.focus(), Pane::Plans);
    let entry = a.reading().entry;
    let plan = a.doc().reports[entry.report].plan.as_ref().expect("a plan");
    let chosen = &plan.items[entry.item.expect("an item")];
    let words: String = chosen.text.chars().take(4).collect();
    assert!(item.contains(&words), "{item} / {}", chosen.text);
    assert_eq!(a.top().line, chosen.line, "the item opened in the text");
    // The wheel over the text scrolls it three rows and focuses it.
    let text = a.layout().rect(Pane::Text).expect("text");
    let before = a.top();
    common::send(&mut a, &[mouse(Code::WheelDown, text.x + 3, text.y + 5)]);
    assert_eq!(a.focus(), Pane::Text);
    assert_eq!(a.top(), a.view().down(before, 3));
}

#[test]
fn mouse_buttons_are_bound_like_keys() {
    let config = huibian::edges::config::parse(
        std::path::Path::new("config.toml"),
        "[keys.contents]\nclick = \"none\"\n[keys.normal]\n\"wheel-down\" = \"page_down\"\n",
    )
    .expect("parses");
    let settings = huibian::reader::app::Settings {
        keymap: std::sync::Arc::new(huibian::reader::keymap::Keymap::with_overrides(
            &config.keys,
        )),
        ..common::settings("000")
    };
    let mut a = common::app_with("000_3aa89c1d59f293ce.txt", 160, 45, settings);
    press(&mut a, "M");
    let top = a.top();
    // Unbound in the contents: a click selects the row (and focuses) but opens nothing.
    common::send(&mut a, &[mouse(Code::Click, 5, 8)]);
    assert_eq!((a.focus(), a.top()), (Pane::Contents, top));
    let text = a.layout().rect(Pane::Text).expect("text");
    common::send(&mut a, &[mouse(Code::WheelDown, text.x + 3, text.y + 5)]);
    let (_, height) = a.text_size();
    assert_eq!(a.top(), a.view().down(top, height - 1), "a page");
    // The help lists them.
    let help = a.help_rows(96);
    assert!(
        help.iter()
            .any(|r| r.keys.contains("wheel-down") && r.description.contains("page")),
        "{help:?}"
    );
}

#[test]
fn keys_that_cannot_act_say_why() {
    let mut a = app("000_3aa89c1d59f293ce.txt", 160, 45);
    // Enter in the text pane: it opens rows of the lists, and says which keys reach them.
    press(&mut a, "<Enter>");
    let m = a.message().map(str::to_owned).unwrap_or_default();
    assert!(m.contains("contents (1)") && m.contains("plans (3)"), "{m}");
    // Folding a report that has no headings (report 1 of this fixture).
    assert!(a.doc().reports[0].headings.is_empty());
    press(&mut a, "1g<Space>");
    assert!(a.message().is_some_and(|m| m.contains("no headings")));
    // `P` at 60 columns, `n` without a search, `<C-o>` with no jump: each says something.
    let mut narrow = app("000_3aa89c1d59f293ce.txt", 60, 20);
    press(&mut narrow, "n");
    assert!(narrow.message().is_some_and(|m| m.contains("/ to search")));
    press(&mut narrow, "<C-o>");
    assert!(narrow.message().is_some());
}
