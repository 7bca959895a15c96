//! End to end, a shelf: the real binary on a folder holding a corpus compilation, the same
//! compilation as a Word file, a broken file and a generated 100 MB compilation, in a private
//! tmux server: the shelf is there at once (the large one still being read), a compilation
//! opens and keeps its place while another is read, and a search covers the whole shelf.

mod common;

use common::tmux::{BIN, Tmux, fixture};

/// The folder of the test: three compilations and a broken file.
fn shelf_folder(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("dir");
    std::fs::copy(fixture("001_149dd883a1863841.txt"), dir.join("a-001.txt")).expect("copy");
    std::fs::copy(
        fixture("docx/004_b94f0c5038739baf.docx"),
        dir.join("b-004.docx"),
    )
    .expect("copy");
    std::fs::write(dir.join("c-broken.txt"), [0u8, 159, 146, 150, 0, 1]).expect("write");
    let big = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 100 << 20);
    std::fs::write(dir.join("d-big.txt"), big).expect("write");
}

#[test]
fn a_folder_opens_as_a_shelf_switches_and_searches_every_compilation() {
    let t = Tmux::start("shelf", 140, 32, "sh");
    let dir = t.home().join("shelf");
    shelf_folder(&dir);
    t.keys(&[&format!("{BIN} {}", dir.display()), "Enter"]);
    t.wait("the shelf with four files", |s| {
        s.contains("Shelf  4 compilations") && s.contains("c-broken.txt")
    });
    let shelf = t.wait("the small ones read", |s| {
        s.contains("a-001.txt")
            && s.contains("16 reports, 16 with plans")
            && s.contains("binary file")
    });
    assert!(shelf.contains("docx"), "{shelf}");
    // Open the first (2023, a-001.txt), move, go back, open the Word file, come back.
    t.keys(&["Enter"]);
    t.wait("a-001.txt in the reader", |s| {
        s.contains("16 reports") && s.contains("report 1/16")
    });
    t.keys(&["]", "]", "]"]);
    let here = t.wait("the fourth report", |s| s.contains("report 4/16"));
    let status = |s: &str| s.lines().last().map(str::to_owned).unwrap_or_default();
    t.keys(&["B"]);
    t.wait("the shelf again", |s| s.contains("Shelf  4 compilations"));
    t.keys(&["j", "Enter"]);
    t.wait("the Word file", |s| {
        s.contains("5 reports") && s.contains("b-004.docx")
    });
    t.keys(&["B", "k", "Enter"]);
    let back = t.wait("a-001.txt where it was left", |s| s.contains("report 4/16"));
    assert_eq!(status(&back), status(&here), "the same place");
    // The 100 MB one is read in the background; then a search covers all four.
    t.keys(&["B"]);
    t.wait_for("the large one read", 180, |s| {
        s.contains("Shelf  4 compilations") && !s.contains("being read")
    });
    t.keys(&["/", "市水利局", "Enter"]);
    let results = t.wait_for("the shelf's results", 60, |s| {
        s.contains("/市水利局:") && s.contains("every compilation")
    });
    assert!(results.contains("[b-004.docx]"), "{results}");
    assert!(!results.contains("[a-001.txt]"), "it has no hit: {results}");
    t.keys(&["Enter"]);
    t.wait("the first hit, in the Word file", |s| {
        s.contains("/市水利局") && s.contains("5 reports")
    });
    // n past the Word file's hits goes on into the large compilation.
    let mut crossed = false;
    for _ in 0..30 {
        t.keys(&["n"]);
        std::thread::sleep(std::time::Duration::from_millis(60));
        if t.screen().contains("search goes on in d-big.txt") {
            crossed = true;
            break;
        }
    }
    assert!(crossed, "{}", t.screen());
    t.keys(&["q"]);
}

#[test]
fn each_compilation_of_a_shelf_opens_next_time_where_it_was_left() {
    let t = Tmux::start("shelf-resume", 120, 30, "sh");
    let dir = t.home().join("years");
    std::fs::create_dir_all(&dir).expect("dir");
    for y in [2014, 2015] {
        std::fs::copy(
            fixture(&format!("years/{y}.txt")),
            dir.join(format!("{y}.txt")),
        )
        .expect("copy");
    }
    let command = format!("{BIN} {}", dir.display());
    t.keys(&[&command, "Enter"]);
    t.wait("the shelf", |s| {
        s.contains("Shelf  2 compilations") && !s.contains("being read")
    });
    // 2015.txt (the second row) read down to line 40, then 2014.txt opened, then quit.
    t.keys(&["j", "Enter"]);
    t.wait("2015.txt", |s| s.contains("2015.txt"));
    t.keys(&[":", "40", "Enter"]);
    let left = t.wait("line 40", |s| {
        s.lines().last().is_some_and(|l| l.contains(" L40/"))
    });
    t.keys(&["B", "k", "Enter"]);
    t.wait("2014.txt", |s| s.contains("2014.txt"));
    t.keys(&["q"]);
    t.wait("the shell", |s| !s.contains("2014.txt"));
    t.keys(&[&command, "Enter"]);
    t.wait("the shelf again", |s| {
        s.contains("Shelf  2 compilations") && !s.contains("being read")
    });
    t.keys(&["j", "Enter"]);
    let back = t.wait("2015.txt where it was left", |s| {
        s.contains("2015.txt") && s.contains(" L40/")
    });
    assert_eq!(
        left.lines().last().map(str::trim_end),
        back.lines().last().map(str::trim_end)
    );
    t.keys(&["q"]);
}
