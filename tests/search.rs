//! Search, jump prompt, jump list and marks, driven by key strings.

mod common;

use common::{Reader, app, press, screen, send};
use huibian::reader::app::{App, Effect};
use huibian::reader::input::Event;
use huibian::reader::key::keys;

const F000: &str = "000_3aa89c1d59f293ce.txt";

/// Presses keys, each its own batch, with the counts done at once.
fn type_keys(a: &mut Reader, keys: &str) {
    press(a, keys);
}

fn counter(a: &App) -> String {
    a.finder()
        .search
        .as_ref()
        .map(|s| s.counter())
        .unwrap_or_default()
}

#[test]
fn full_and_half_width_find_the_same_hits() {
    let mut full = app(F000, 160, 45);
    type_keys(&mut full, "/（一）<Enter>");
    let mut half = app(F000, 160, 45);
    type_keys(&mut half, "/(一)<Enter>");
    assert_eq!(counter(&full), "1/16");
    assert_eq!(counter(&half), "1/16");
    let hits = |a: &App| {
        a.finder()
            .search
            .as_ref()
            .and_then(|s| s.hits.clone())
            .expect("counted")
    };
    assert_eq!(hits(&full), hits(&half));
    assert!(
        screen(&half)
            .last()
            .is_some_and(|s| s.contains("/(一)  1/16")),
        "k/N in the status line"
    );
}

#[test]
fn incremental_then_esc_returns_to_the_start() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]");
    let start = a.top();
    type_keys(&mut a, "/获奖");
    assert!(a.finder().prompt.is_some());
    let (_, height) = a.text_size();
    let shown: Vec<usize> = a
        .view()
        .rows_from(a.top(), height)
        .iter()
        .map(|r| r.line)
        .collect();
    assert!(
        shown.contains(&219),
        "the first hit after the start (三、获奖情况) is on screen as typed"
    );
    assert!(a.top().line > 46, "found after where the search started");
    type_keys(&mut a, "<Esc>");
    assert_eq!(a.top(), start);
    assert!(
        a.finder().search.is_none(),
        "Esc restores the search in force before"
    );
}

#[test]
fn n_and_shift_n_wrap_around_with_a_message() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/信访工作示范<Enter>");
    let total = a
        .finder()
        .search
        .as_ref()
        .and_then(|s| s.hits.as_ref())
        .map_or(0, |h| h.len());
    assert!(total >= 2);
    assert_eq!(counter(&a), format!("1/{total}"));
    for _ in 1..total {
        type_keys(&mut a, "n");
    }
    assert_eq!(counter(&a), format!("{total}/{total}"));
    assert!(a.message().is_none());
    type_keys(&mut a, "n");
    assert_eq!(counter(&a), format!("1/{total}"));
    assert!(a.message().is_some_and(|m| m.contains("wrapped")));
    type_keys(&mut a, "N");
    assert_eq!(counter(&a), format!("{total}/{total}"), "N wraps backwards");
}

#[test]
fn smart_case_regex_toggle_and_errors() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/(unclosed<C-r>");
    let p = a.finder().prompt.as_ref().expect("prompt");
    assert!(p.regex);
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.starts_with("invalid regex"))
    );
    type_keys(&mut a, "<C-r>");
    assert!(
        a.finder()
            .prompt
            .as_ref()
            .is_some_and(|p| p.error.is_none()),
        "literal again: valid"
    );
    type_keys(&mut a, "<Esc>/20\\d\\d年<C-r><Enter>");
    assert!(
        a.finder()
            .search
            .as_ref()
            .is_some_and(|s| s.query.regex && s.current.is_some())
    );
    type_keys(&mut a, "/xyzzy-not-there<Enter>");
    assert!(a.message().is_some_and(|m| m.starts_with("not found")));
}

#[test]
fn history_with_up_and_down() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/信访<Enter>/水利<Enter>/<Up>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some("水利".into())
    );
    type_keys(&mut a, "<Up>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some("信访".into())
    );
    type_keys(&mut a, "<Down><Down>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some(String::new())
    );
}

#[test]
fn colon_jumps_to_lines_percentages_and_names() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, ":120<Enter>");
    assert_eq!(a.top().line, 120);
    type_keys(&mut a, ":0%<Enter>");
    assert_eq!(a.top().line, 1);
    type_keys(&mut a, ":50%<Enter>");
    assert!(
        (150..=220).contains(&a.top().line),
        "the middle: {}",
        a.top().line
    );
    type_keys(&mut a, ":县水利局<Enter>");
    assert_eq!(a.top().line, 235, "the report by name");
    type_keys(&mut a, ":获奖<Enter>");
    assert_eq!(a.top().line, 219, "a heading by name: 三、获奖情况");
    let mut b = app(F000, 160, 45);
    type_keys(&mut b, ":下一步计划<Down><Enter>");
    assert!(b.finder().prompt.is_none());
}

#[test]
fn an_empty_picker_lists_titles_and_headings_in_file_order() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, ":");
    let lines: Vec<usize> = a
        .finder()
        .prompt
        .as_ref()
        .expect("the picker is open")
        .candidates
        .iter()
        .map(|c| c.line)
        .collect();
    let doc = a.doc();
    let want: Vec<usize> = doc
        .reports
        .iter()
        .flat_map(|r| std::iter::once(r.line).chain(r.headings.iter().map(|h| h.line)))
        .take(200)
        .collect();
    assert!(want.len() > 20, "the corpus file has many headings");
    assert_eq!(lines, want);
    // Typing narrows it; deleting the text brings the whole list back.
    type_keys(&mut a, "水利<BS><BS>");
    let again = a.finder().prompt.as_ref().expect("open").candidates.len();
    assert_eq!(again, want.len());
}

#[test]
fn jump_list_and_marks() {
    let mut a = app(F000, 160, 45);
    press(&mut a, "]]");
    assert_eq!(a.top().line, 46);
    press(&mut a, "<C-o>");
    assert_eq!(a.top().line, 28);
    press(&mut a, "<C-o>");
    assert_eq!(a.top().line, 19);
    press(&mut a, "<C-n>");
    assert_eq!(a.top().line, 28);
    press(&mut a, "<C-n>");
    assert_eq!(a.top().line, 46);
    press(&mut a, "ma]]]'a");
    assert_eq!(a.top().line, 46, "'a returns to mark a");
    press(&mut a, "''");
    assert_eq!(a.top().line, 81, "'' goes back to before the last jump");
    press(&mut a, "'z");
    assert!(a.message().is_some_and(|m| m.contains("not set")));
}

#[test]
fn hits_are_highlighted_and_the_current_one_is_distinct() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/工作计划<Enter>");
    let (w, h) = a.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| huibian::ui::render(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    use ratatui::style::Modifier;
    let cells = |want: Modifier, not: Modifier| {
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                buf[(x, y)].modifier.contains(want) && !buf[(x, y)].modifier.intersects(not)
            })
            .count()
    };
    // Mono theme: hits reversed, the current one also underlined. 工作计划 is 4 wide characters;
    // the terminal receives one cell for each (the cell behind a wide character is skipped).
    let current = cells(Modifier::REVERSED | Modifier::UNDERLINED, Modifier::empty());
    let others = cells(Modifier::REVERSED, Modifier::UNDERLINED);
    assert_eq!(
        current, 4,
        "exactly one current hit of four wide characters"
    );
    assert!(
        others >= 4,
        "other hits on screen are highlighted too ({others} cells)"
    );
}

/// The line of the first hit at or under the results list's selection.
fn hit_at_selection(a: &App) -> Option<usize> {
    use huibian::reader::app::results::Row;
    let r = a.reading().results.as_ref().expect("open");
    r.rows.iter().skip(r.selected).find_map(|row| match row {
        Row::Hit { line, .. } => Some(*line),
        _ => None,
    })
}

#[test]
fn results_list_groups_counts_scopes_and_jumps() {
    use huibian::reader::app::results::{Row, Scope};
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/下一步<Enter>&");
    let r = a.reading().results.as_ref().expect("open");
    assert_eq!((r.scope, r.total), (Scope::All, 13));
    let hits = r
        .rows
        .iter()
        .filter(|row| matches!(row, Row::Hit { .. }))
        .count();
    assert_eq!(hits, 13);
    // Each report row counts the hits listed under it.
    let Row::Report { title, count } = &r.rows[0] else {
        panic!("a report row first")
    };
    assert_eq!(
        (title.as_str(), *count),
        ("2023年市人大代表建议和政协委员提案办理工作总结", 2)
    );
    assert!(matches!(&r.rows[1], Row::Section { label, count: 2 } if label == "三、下一步打算"));
    type_keys(&mut a, "s");
    let plans = a.reading().results.as_ref().expect("open");
    assert_eq!(
        (plans.scope, plans.total),
        (Scope::Plans, 10),
        "inline mentions outside plan parts are left out"
    );
    type_keys(&mut a, "s");
    assert!(matches!(
        a.reading().results.as_ref().map(|r| r.scope),
        Some(Scope::Report(_))
    ));
    type_keys(&mut a, "ss");
    let target = hit_at_selection(&a);
    type_keys(&mut a, "jjj");
    let chosen = hit_at_selection(&a).expect("a hit");
    type_keys(&mut a, "<Enter>");
    assert!(a.reading().results.is_none());
    let (_, height) = a.text_size();
    assert!(
        a.view()
            .rows_from(a.top(), height)
            .iter()
            .any(|row| row.line == chosen),
        "the chosen hit is on screen"
    );
    assert!(target.is_some());
    type_keys(&mut a, "&<Esc>");
    assert!(a.reading().results.is_none());
}

#[test]
fn marks_list_shows_and_opens_marks() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "]]mb]]ma`");
    assert!(a.marks_list().is_some());
    let marks = a.sorted_marks();
    assert_eq!(marks.iter().map(|m| m.0).collect::<String>(), "ab");
    let rows = screen(&a);
    assert!(
        rows.iter()
            .any(|r| r.contains("a  L70  市2023年生物多样性保护工作总结")),
        "{rows:?}"
    );
    type_keys(&mut a, "j<Enter>");
    assert!(a.marks_list().is_none());
    assert_eq!(a.top().line, 46, "mark b");
}

#[test]
fn a_batch_of_typed_keys_is_searched_once() {
    let mut a = app(F000, 160, 45);
    let batch: Vec<Event> = keys("/信访工作").into_iter().map(Event::Key).collect();
    let generation = a.search_generation();
    // One batch (a fast typist, a paste): one search, one count, at its end.
    let effects = huibian::reader::input::step(&mut a.app, &mut a.input, &batch);
    let counts: Vec<_> = effects
        .iter()
        .filter(|e| matches!(e, Effect::Count { .. }))
        .collect();
    assert_eq!(counts.len(), 1, "one search for the batch");
    assert_eq!(a.search_generation(), generation + 1);
    let Some(Effect::Count { generation, regex }) = counts.first() else {
        panic!("a count")
    };
    let hits = huibian::doc::search::find_all(regex, a.doc().text.as_str()).into();
    a.update(huibian::reader::app::Msg::Counted {
        generation: *generation,
        hits,
    });
    assert_eq!(counter(&a), "2/17");
    // Enter in the same batch as the typing still searches first.
    let mut b = app(F000, 160, 45);
    let batch: Vec<Event> = keys("/信访工作<Enter>")
        .into_iter()
        .map(Event::Key)
        .collect();
    send(&mut b, &batch);
    assert!(
        b.finder()
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_some())
    );
}

#[test]
fn history_brings_a_regex_back_as_a_regex() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/<C-r>法治.建设<Enter>");
    let first = counter(&a);
    assert!(first.ends_with("/2"), "{first}");
    type_keys(&mut a, "gg/<Up><Enter>");
    assert_eq!(counter(&a), first, "the same regex search again");
    assert!(a.finder().search.as_ref().is_some_and(|s| s.query.regex));
    // A literal search after it comes back literal.
    type_keys(&mut a, "/法治<Enter>/<Up>");
    assert!(a.finder().prompt.as_ref().is_some_and(|p| !p.regex));
    type_keys(&mut a, "<Up>");
    assert!(a.finder().prompt.as_ref().is_some_and(|p| p.regex));
}

#[test]
fn ctrl_u_clears_the_prompt_and_ctrl_w_deletes_a_word() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/信访 工作<C-w>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some("信访 ".into())
    );
    type_keys(&mut a, "<C-u>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some(String::new())
    );
    assert!(
        a.finder().search.is_none(),
        "an empty prompt searches nothing"
    );
}

#[test]
fn readline_keys_in_the_prompt() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/信访工作<C-a>全市<C-e>总结");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some("全市信访工作总结".into())
    );
    type_keys(&mut a, "<C-a><Right><Right><C-k>");
    assert_eq!(
        a.finder().prompt.as_ref().map(|p| p.text()),
        Some("全市".into())
    );
}

#[test]
fn the_counter_stays_beside_a_wrap_message() {
    let mut a = app(F000, 160, 45);
    type_keys(&mut a, "/信访工作<Enter>");
    assert!(common::press_until_message(&mut a, "N", 20), "wrapped");
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(status.contains("/信访工作  17/17"), "{status}");
}
