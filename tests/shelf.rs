//! The shelf: several compilations open at once, each read in the background, listed by year;
//! opening and switching (each keeps its place and marks), a search across all of them (`n`
//! goes on into the next), the offices found across them, and an office's plans beside what
//! it reported a year later. Driven as a user does, through keys; drawn with a `TestBackend`.

mod common;

use common::{Reader, press, screen, settings};
use huibian::reader::app::shelf::{BookFile, Screen, Shelf};
use huibian::reader::app::{App, Effect, Msg};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
}

fn book(path: std::path::PathBuf) -> BookFile {
    BookFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        document: path.display().to_string(),
        size: std::fs::metadata(&path).map_or(0, |m| m.len()),
        saved: None,
        path,
    }
}

/// A shelf of `files` at a terminal size, none read yet.
fn unread_shelf(files: &[std::path::PathBuf], width: u16, height: u16) -> Reader {
    let books = files.iter().cloned().map(book).collect();
    let app = App::with_shelf(settings("shelf"), Shelf::new(books, true, Vec::new()));
    let mut r = Reader::from_app(app);
    r.app.update(Msg::Resize(width, height));
    r
}

/// Book `i` read, as the background thread delivers it.
fn arrive(r: &mut Reader, files: &[std::path::PathBuf], i: usize) -> Effect {
    let result = huibian::edges::shelf::read(&files[i]).map(Box::new);
    r.app.update(Msg::BookArrived { book: i, result })
}

/// A shelf of `files`, every one read.
fn shelf(files: &[std::path::PathBuf], width: u16, height: u16) -> Reader {
    let mut r = unread_shelf(files, width, height);
    for i in 0..files.len() {
        arrive(&mut r, files, i);
    }
    r
}

/// A file that is no compilation (binary), named `broken.txt` in a folder of the test's own.
fn broken_file(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("huibian-shelf-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("broken.txt");
    std::fs::write(&path, [0u8, 159, 146, 150, 0, 1]).expect("write");
    path
}

fn remove(broken: &std::path::Path) {
    if let Some(dir) = broken.parent() {
        std::fs::remove_dir_all(dir).ok();
    }
}

fn files(broken: &std::path::Path) -> Vec<std::path::PathBuf> {
    vec![
        fixture("001_149dd883a1863841.txt"),
        fixture("years/2015.txt"),
        broken.to_path_buf(),
        fixture("docx/004_b94f0c5038739baf.docx"),
        fixture("years/2014.txt"),
    ]
}

#[test]
fn the_shelf_lists_each_compilation_by_year_and_a_broken_one_with_its_reason() {
    let broken = broken_file("list");
    let files = files(&broken);
    let mut r = unread_shelf(&files, 120, 12);
    // Usable at once: every file listed while none is read.
    let rows = screen(&r);
    assert!(
        rows[0].contains("Shelf  5 compilations (5 being read)"),
        "{rows:?}"
    );
    assert_eq!(rows.iter().filter(|l| l.contains("reading...")).count(), 5);
    for i in 0..files.len() {
        arrive(&mut r, &files, i);
    }
    insta::assert_snapshot!(screen(&r).join("\n"));
    remove(&broken);
}

#[test]
fn each_compilation_keeps_its_place_and_marks_when_switching() {
    let broken = broken_file("switch");
    let files = files(&broken);
    let mut r = shelf(&files, 120, 30);
    // The first row is the oldest year: 2014.txt.
    press(&mut r, "<Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Reader));
    assert_eq!(r.app.settings().file_name, "2014.txt");
    press(&mut r, "<C-d><C-d>ma");
    let place_2014 = r.app.top();
    press(&mut r, "B");
    assert_eq!(r.app.screen(), Some(Screen::Shelf));
    press(&mut r, "j<Enter>");
    assert_eq!(r.app.settings().file_name, "2015.txt");
    assert_eq!(
        r.app.top().line,
        r.app.doc().reports[0].line,
        "opens at its start"
    );
    // Marks are each compilation's own.
    press(&mut r, "'a");
    assert!(
        r.app.message().is_some_and(|m| m.contains("not set")),
        "{:?}",
        r.app.message()
    );
    press(&mut r, "Bk<Enter>");
    assert_eq!(r.app.settings().file_name, "2014.txt");
    assert_eq!(r.app.top(), place_2014, "back where it was left");
    // The broken one says why, and nothing opens.
    press(&mut r, "Bjjjj<Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Shelf));
    assert!(
        r.app.message().is_some_and(|m| m.contains("binary file")),
        "{:?}",
        r.app.message()
    );
    remove(&broken);
}

#[test]
fn a_compilation_asked_for_before_it_is_read_opens_when_it_is() {
    let files = vec![fixture("years/2014.txt"), fixture("years/2015.txt")];
    let mut r = unread_shelf(&files, 100, 20);
    press(&mut r, "<Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Shelf));
    assert!(
        r.app
            .message()
            .is_some_and(|m| m.contains("still being read"))
    );
    arrive(&mut r, &files, 1);
    assert_eq!(r.app.screen(), Some(Screen::Shelf), "another one arrived");
    arrive(&mut r, &files, 0);
    assert_eq!(r.app.screen(), Some(Screen::Reader));
    assert_eq!(r.app.settings().file_name, "2014.txt");
}

#[test]
fn a_search_of_the_whole_shelf_groups_hits_and_n_goes_on_into_the_next_compilation() {
    let files = vec![
        fixture("years/2013.txt"),
        fixture("years/2014.txt"),
        fixture("001_149dd883a1863841.txt"),
        fixture("years/2015.txt"),
    ];
    let mut r = shelf(&files, 120, 30);
    press(&mut r, "/东山组团<Enter>");
    let results = r
        .app
        .shelf()
        .and_then(|s| s.results.as_ref())
        .expect("results");
    use huibian::reader::app::results::Row;
    let books: Vec<(String, usize)> = results
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Book { name, count, .. } => Some((name.clone(), *count)),
            _ => None,
        })
        .collect();
    // By year, only compilations with hits, each counted (the corpus file has none).
    let names: Vec<&str> = books.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["2013.txt", "2014.txt", "2015.txt"]);
    assert!(books.iter().all(|(_, c)| *c > 0));
    assert_eq!(results.total, books.iter().map(|(_, c)| c).sum::<usize>());
    let rows = screen(&r);
    assert!(
        rows[1].contains("/东山组团:") && rows[1].contains("every compilation"),
        "{}",
        rows[1]
    );
    // Enter on the first hit: 2013.txt opened there, the search in force.
    press(&mut r, "<Enter>");
    assert_eq!(r.app.settings().file_name, "2013.txt");
    let first = r.app.doc().text.line(r.app.top().line).to_owned();
    assert!(first.contains("东山组团") || screen(&r).iter().any(|l| l.contains("东山组团")));
    // n through 2013's hits, then on into 2014.txt, then 2015.txt, then round to 2013.txt.
    let mut visited = vec![r.app.settings().file_name.clone()];
    while visited.len() < 4 {
        press(&mut r, "n");
        let name = r.app.settings().file_name.clone();
        if visited.last() != Some(&name) {
            assert!(
                r.app
                    .message()
                    .is_some_and(|m| m.contains(&format!("search goes on in {name}"))),
                "{:?}",
                r.app.message()
            );
            visited.push(name);
        }
    }
    assert_eq!(visited, ["2013.txt", "2014.txt", "2015.txt", "2013.txt"]);
    // N before 2013's first hit goes back across too, to the last compilation with hits.
    press(&mut r, "gN");
    assert_eq!(r.app.settings().file_name, "2015.txt");
}

/// The district's eight reports, as a shelf.
fn district(width: u16, height: u16) -> Reader {
    let files: Vec<_> = (2012..=2019)
        .map(|y| fixture(&format!("years/{y}.txt")))
        .collect();
    shelf(&files, width, height)
}

#[test]
fn the_offices_list_shows_how_each_office_was_matched() {
    let mut r = district(110, 8);
    press(&mut r, "o");
    assert_eq!(r.app.screen(), Some(Screen::Offices));
    let rows = screen(&r);
    assert!(rows[0].contains("Offices  1"), "{rows:?}");
    assert!(
        rows[1].contains("海拉尔区人民政府")
            && rows[1].contains("2011-2019, 7 years comparable")
            && rows[1].contains("= 海拉尔区人民政府, 呼伦贝尔市海拉尔区人民政府"),
        "{rows:?}"
    );
    press(&mut r, "<Esc>");
    assert_eq!(r.app.screen(), Some(Screen::Shelf));
}

/// Whether each character of `text`, found on screen row `y`, is drawn in the search-hit style
/// (each character's own cell: the one behind a wide character is the terminal's).
fn marked_cells(r: &Reader, rows: &[String], y: u16, text: &str) -> Vec<bool> {
    let (w, h) = r.app.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| huibian::ui::render(f, &r.app))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let hit = r.app.theme().search_hit;
    let marked = |cell: &ratatui::buffer::Cell| {
        cell.modifier.contains(hit.add_modifier)
            && cell.fg == hit.fg.unwrap_or_default()
            && cell.bg == hit.bg.unwrap_or_default()
    };
    let row = &rows[usize::from(y)];
    let start = row.find(text).expect("on the row");
    let x = u16::try_from(unicode_width::UnicodeWidthStr::width(&row[..start])).expect("x");
    text.chars()
        .scan(x, |at, c| {
            let cell = &buf[(*at, y)];
            *at +=
                u16::try_from(unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)).expect("w");
            Some(marked(cell))
        })
        .collect()
}

#[test]
fn an_office_plans_stand_beside_what_it_reported_a_year_later() {
    let mut r = district(120, 40);
    press(&mut r, "o<Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Track));
    // It opens on the first year with both sides (2012), `]` goes on to 2014.
    press(&mut r, "]]");
    let rows = screen(&r);
    assert!(
        rows[0].contains("海拉尔区人民政府  2014  (year 4 of 9)"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("Planned for 2014 (2014.txt)"));
    assert!(rows[1].contains("Reported of 2014 a year later (2015.txt)"));
    // Scrolled to the plan sentence about the 大唐 mine: its report is beside it, the names
    // they share highlighted on both sides.
    let view = r
        .app
        .shelf()
        .and_then(|s| s.tracking.view.as_ref())
        .expect("view");
    let at = view
        .alignment
        .as_ref()
        .and_then(|a| {
            a.rows
                .iter()
                .position(|row| row.plan.text.contains("大唐700万吨露天矿一季度"))
        })
        .expect("the 大唐 sentence");
    for _ in 0..at {
        press(&mut r, "j");
    }
    let rows = screen(&r);
    insta::assert_snapshot!(rows[..12].join("\n"));
    let styled = |y: u16, text: &str| marked_cells(&r, &rows, y, text);
    let plan_row = rows
        .iter()
        .position(|l| l.contains("确保大唐"))
        .expect("plan row") as u16;
    assert!(
        styled(plan_row, "大唐700万").iter().all(|s| *s),
        "the shared name is marked"
    );
    assert!(
        styled(plan_row, "确保").iter().all(|s| !*s),
        "the rest is not"
    );
    let report_row = rows
        .iter()
        .position(|l| l.contains("大唐700万吨露天矿完成"))
        .expect("report") as u16;
    assert!(styled(report_row, "大唐").iter().all(|s| *s));
}

#[test]
fn the_year_shown_is_copied_as_markdown_and_its_line_read_in_its_compilation() {
    let mut r = district(120, 40);
    press(&mut r, "o<Enter>]]");
    let copies: Vec<(String, String)> = press(&mut r, "y")
        .into_iter()
        .filter_map(|e| match e {
            Effect::Copy { text, label } => Some((text, label)),
            _ => None,
        })
        .collect();
    let [(text, label)] = copies.as_slice() else {
        panic!("one copy: {copies:?}");
    };
    assert_eq!(label, "海拉尔区人民政府 2014");
    assert!(text.starts_with("# 海拉尔区人民政府: plans"));
    assert!(text.contains("## 2014\n\nplanned in 2014.txt"));
    assert!(text.contains("  - → L14 重点项目推进顺利，大唐700万吨露天矿完成项目核准；"));
    assert!(!text.contains("## 2015"), "only the year shown");
    let all = press(&mut r, "Y");
    assert!(all.iter().any(|e| matches!(e, Effect::Copy { text, .. } if text.contains("## 2015") && text.contains("## 2012"))));
    // Enter: the plan sentence at the top, in 2014.txt.
    press(&mut r, "<Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Reader));
    assert_eq!(r.app.settings().file_name, "2014.txt");
    let top = r.app.top().line;
    let first = r.app.shelf().map(|_| ()).and(Some(top));
    assert!(first.is_some_and(|l| (55..=60).contains(&l)), "{top}");
}

#[test]
fn the_shelf_screens_draw_at_every_size_without_a_panic() {
    let broken = broken_file("sizes");
    let mut files = files(&broken);
    files.extend((2016..=2017).map(|y| fixture(&format!("years/{y}.txt"))));
    let mut r = shelf(&files, 80, 24);
    let sizes = [
        (1, 1),
        (2, 3),
        (9, 4),
        (10, 3),
        (20, 6),
        (33, 9),
        (47, 12),
        (60, 20),
    ];
    for keys in ["", "o", "<Enter>]", "]]jj"] {
        press(&mut r, keys);
        for (w, h) in sizes {
            r.app.update(Msg::Resize(w, h));
            let rows = screen(&r);
            assert_eq!(rows.len(), usize::from(h));
        }
        r.app.update(Msg::Resize(80, 24));
    }
    assert_eq!(r.app.screen(), Some(Screen::Track));
    remove(&broken);
}

#[test]
fn with_the_mouse_on_a_click_opens_the_row_and_the_wheel_scrolls() {
    use huibian::reader::input::Event;
    use huibian::reader::key::{Code, Key};
    let files: Vec<_> = (2012..=2015)
        .map(|y| fixture(&format!("years/{y}.txt")))
        .collect();
    let mut r = shelf(&files, 100, 20);
    press(&mut r, "M");
    let click = |row: u16| Event::Mouse {
        button: Key::plain(Code::Click),
        column: 20,
        row,
    };
    // Row 0 is the header, row 1 the column headings: nothing.
    common::send(&mut r, &[click(1)]);
    assert_eq!(r.app.screen(), Some(Screen::Shelf));
    // Row 3: the second compilation, 2013.txt.
    common::send(&mut r, &[click(3)]);
    assert_eq!(r.app.screen(), Some(Screen::Reader));
    assert_eq!(r.app.settings().file_name, "2013.txt");
    press(&mut r, "B");
    let wheel = Event::Mouse {
        button: Key::plain(Code::WheelDown),
        column: 20,
        row: 5,
    };
    common::send(&mut r, &[wheel]);
    assert_eq!(
        r.app.shelf().map(|s| s.selected),
        Some(3),
        "three rows down, the last"
    );
}

#[test]
fn s_shows_only_the_answered_the_unmentioned_or_the_unplanned() {
    let mut r = district(120, 30);
    press(&mut r, "o<Enter>]]");
    let not_mentioned = "(not mentioned a year later)";
    assert!(
        screen(&r)[0].contains("60/148 planned answered, 34 not planned"),
        "{}",
        screen(&r)[0]
    );
    press(&mut r, "s");
    let rows = screen(&r);
    assert!(rows[0].contains("[answered only]"), "{}", rows[0]);
    assert!(!rows.iter().any(|l| l.contains(not_mentioned)), "{rows:#?}");
    assert!(rows.iter().filter(|l| l.contains("| L")).count() > 5);
    press(&mut r, "s");
    let rows = screen(&r);
    assert!(rows[0].contains("[not mentioned only]"));
    let plan_rows = rows.iter().filter(|l| l.starts_with(" L")).count();
    assert!(plan_rows > 3);
    assert_eq!(
        rows.iter().filter(|l| l.contains(not_mentioned)).count(),
        plan_rows
    );
    press(&mut r, "s");
    let rows = screen(&r);
    assert!(rows[0].contains("[reported, not planned only]"));
    assert!(rows[2].contains("Reported, not planned"), "{}", rows[2]);
    // Enter reads the first of them in the review's compilation.
    press(&mut r, "<Enter>");
    assert_eq!(r.app.settings().file_name, "2015.txt");
}

#[test]
fn slash_on_the_offices_list_finds_an_office_as_it_is_typed() {
    let files = vec![
        fixture("001_149dd883a1863841.txt"),
        fixture("002_a6a433b16e8aa61d.txt"),
    ];
    let mut r = shelf(&files, 100, 20);
    press(&mut r, "o");
    let selected = |r: &Reader| {
        let t = &r.app.shelf().expect("shelf").tracking;
        t.offices.as_ref().expect("offices")[t.selected].key.clone()
    };
    let first = selected(&r);
    press(&mut r, "/审计");
    assert!(selected(&r).contains("审计"), "{}", selected(&r));
    assert!(
        screen(&r).iter().any(|l| l.contains(&selected(&r))),
        "in view"
    );
    press(&mut r, "<Esc>");
    assert_eq!(selected(&r), first, "Esc goes back");
    press(&mut r, "/统计<Enter>");
    assert_eq!(selected(&r), "市统计局");
    press(&mut r, "/气象");
    assert!(
        screen(&r)
            .last()
            .is_some_and(|l| l.contains("no office is named so"))
    );
    press(&mut r, "<Esc><Enter>");
    assert_eq!(r.app.screen(), Some(Screen::Track));
}
