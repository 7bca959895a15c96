//! End to end, hostile timing and input: a panic on the loading thread, `q` racing SIGHUP,
//! `--no-resume` and the marks, suspend and resume, line separators in the text, and a search
//! whose hits sit under 100 000 headings. The real binary in tmux (`common/tmux.rs`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::{BIN, Tmux, fixture, wait_gone};

/// A file written into the test's own directory.
fn write_file(t: &Tmux, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = t.home();
    std::fs::create_dir_all(&dir).expect("test dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// The pid of the shell's child (huibian started from the pane's shell).
fn child_of_shell(t: &Tmux) -> String {
    let shell = t.pane_pid();
    let start = Instant::now();
    loop {
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.to_owned();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no child");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: &str) {
    assert!(
        Command::new("kill")
            .args([signal, pid])
            .status()
            .is_ok_and(|s| s.success())
    );
}

#[test]
fn a_panic_on_the_loading_thread_ends_the_program_cleanly() {
    let t = Tmux::start("panic", 120, 40, "sh");
    // Over the preview size, so a loading thread reads the rest while the reader is up.
    let big = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 2 << 20);
    let file = write_file(&t, "big.txt", big.as_bytes());
    t.keys(&[
        &format!(
            "HUIBIAN_FAULT=loader-panic {BIN} {}; echo huibian-exit=$?",
            file.display()
        ),
        "Enter",
    ]);
    let screen = t.wait("the exit after the panic", |s| {
        s.contains("huibian-exit=101")
    });
    let message: Vec<&str> = screen
        .lines()
        .filter(|l| l.starts_with("huibian: "))
        .collect();
    assert_eq!(message.len(), 1, "one line:\n{screen}");
    assert!(
        message[0].contains("big.txt: internal error")
            && message[0].contains("fault injected on the loading thread"),
        "{screen}"
    );
    assert!(!screen.contains("? help"), "the reader is gone:\n{screen}");
    // Raw mode is off: the shell echoes what is typed.
    t.keys(&["echo typed-after", "Enter"]);
    t.wait("a working shell", |s| s.contains("\ntyped-after"));
}

/// The saved position's line, from the one state file in `dir`; fails on a temporary file left.
fn saved_line(dir: &Path) -> Option<u64> {
    let mut line = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "an orphaned temporary file: {name}"
        );
        if name.ends_with(".json") {
            let state: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(entry.path()).ok()?).ok()?;
            line = state["position"]["line"].as_u64();
        }
    }
    line
}

#[test]
fn quit_racing_sighup_loses_no_position_and_leaves_no_temporary_file() {
    let file = fixture("000_3aa89c1d59f293ce.txt");
    // The third report's title line, as `--list` gives it (number, title, line, …).
    let list = Command::new(BIN)
        .args(["--list", &file])
        .output()
        .expect("runs");
    let third: u64 = String::from_utf8_lossy(&list.stdout)
        .lines()
        .nth(2)
        .and_then(|l| l.split('\t').nth(2)?.parse().ok())
        .expect("the third report's line");
    for run in 0..20 {
        let t = Tmux::start(&format!("race{run}"), 120, 40, &format!("{BIN} {file}"));
        t.wait("the reader", |s| s.contains("report 1/14"));
        t.keys(&["]", "]"]);
        let screen = t.wait("the third report", |s| s.contains("report 3/14"));
        let pid = t.pane_pid();
        // `q` and SIGHUP together: both paths save; neither may cut the other off.
        t.keys(&["q"]);
        kill("-HUP", &pid.to_string());
        wait_gone(pid);
        let state = t.home().join("state/huibian");
        let line = saved_line(&state);
        assert!(line.is_some(), "run {run}: no position saved\n{screen}");
        assert_eq!(
            line,
            Some(third),
            "run {run}: the third report's title line"
        );
    }
}

#[test]
fn no_resume_keeps_the_marks() {
    let t = Tmux::start("noresume", 120, 40, "sh");
    let file = fixture("000_3aa89c1d59f293ce.txt");
    let run = |flags: &str| format!("{BIN} {flags} {file}; echo huibian-exit=$?");
    t.keys(&[&run(""), "Enter"]);
    t.wait("the reader", |s| s.contains("report 1/14"));
    t.keys(&["]", "]", "m", "q"]);
    t.wait("the third report", |s| s.contains("report 3/14"));
    t.keys(&["q"]);
    t.wait("the shell", |s| s.matches("huibian-exit=0").count() == 1);
    t.keys(&["clear", "Enter"]);
    t.keys(&[&run("--no-resume"), "Enter"]);
    t.wait("the start", |s| s.contains("report 1/14"));
    t.keys(&["q"]);
    t.wait("the shell", |s| s.contains("huibian-exit=0"));
    t.keys(&["clear", "Enter"]);
    t.keys(&[&run(""), "Enter"]);
    t.wait("the reader", |s| s.contains("report 1/14"));
    t.keys(&["'", "q"]);
    t.wait("the mark, kept through --no-resume", |s| {
        s.contains("report 3/14")
    });
    t.keys(&["q"]);
}

#[test]
fn suspend_and_resume_with_ctrl_z_and_sigtstp() {
    let t = Tmux::start("suspend", 120, 40, "bash --norc --noprofile");
    let file = fixture("000_3aa89c1d59f293ce.txt");
    t.keys(&[&format!("{BIN} {file}; echo huibian-exit=$?"), "Enter"]);
    t.wait("the reader", |s| s.contains("report 1/14"));
    let pid = child_of_shell(&t);
    for (round, stop) in ["ctrl-z", "SIGTSTP"].into_iter().enumerate() {
        if stop == "ctrl-z" {
            t.keys(&["C-z"]);
        } else {
            kill("-TSTP", &pid);
        }
        let screen = t.wait(&format!("the shell after {stop}"), |s| {
            s.matches("Stopped").count() == round + 1
        });
        assert!(
            !screen.contains("? help"),
            "{stop}: the reader's screen is gone:\n{screen}"
        );
        // The shell is usable (cooked mode, echo on) while huibian is stopped.
        t.keys(&[&format!("echo shell-{round}"), "Enter"]);
        t.wait("the shell's echo", |s| {
            s.contains(&format!("\nshell-{round}"))
        });
        t.keys(&["fg", "Enter"]);
        t.wait(&format!("the reader redrawn after {stop}"), |s| {
            s.contains("report 1/14") && s.contains("? help") && !s.contains("Stopped")
        });
        // Raw mode again: a single key acts at once.
        t.keys(&["]"]);
        t.wait("a key after fg", |s| s.contains("report 2/14"));
        t.keys(&["["]);
        t.wait("back", |s| s.contains("report 1/14"));
    }
    // A job that was stopped runs on under `fg`, whose status is the reader's.
    t.keys(&["q"]);
    wait_gone(pid.parse().expect("pid"));
    t.keys(&["echo fg-exit=$?", "Enter"]);
    let screen = t.wait("the exit", |s| s.contains("\nfg-exit=0"));
    assert!(!screen.contains("? help"), "{screen}");
}

#[test]
fn line_separators_and_bidi_controls_leave_no_stale_cells() {
    let t = Tmux::start("sep", 100, 30, "sh");
    let text = std::fs::read_to_string(fixture("handmade/escapes.txt")).expect("fixture");
    let marked = text.replacen('。', "。\u{2028}甲\u{2029}乙\u{202e}丙", 6);
    let file = write_file(&t, "separators.txt", marked.as_bytes());
    t.keys(&[&format!("{BIN} {}", file.display()), "Enter"]);
    let first = t.wait("the reader", |s| {
        s.contains("3 reports") && s.contains("? help")
    });
    assert!(first.contains('␤'), "U+2028 shown as ␤:\n{first}");
    assert!(
        !first.contains(['\u{2028}', '\u{2029}', '\u{202e}']),
        "raw separators reached the terminal:\n{first}"
    );
    // Down and back up: every cell is what it was (nothing left behind by a moved cursor).
    t.keys(&["j", "j", "j", "j"]);
    t.wait("scrolled", |s| s != first);
    t.keys(&["k", "k", "k", "k"]);
    t.wait("the same screen again", |s| s == first);
    // The text exports neutralise them too.
    let list = Command::new(BIN)
        .args(["--search", "甲"])
        .arg(&file)
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(
        out.contains('␤') && !out.contains(['\u{2028}', '\u{202e}']),
        "{out}"
    );
    t.keys(&["q"]);
}

#[test]
fn a_results_list_over_100k_headings_opens_and_quits_at_once() {
    let t = Tmux::start("deep", 120, 40, "sh");
    let text = huibian::doc::generate::one_report_with_headings(100_000);
    let file = write_file(&t, "deep.txt", text.as_bytes());
    t.keys(&[
        &format!("{BIN} {}; echo huibian-exit=$?", file.display()),
        "Enter",
    ]);
    t.wait("the reader", |s| s.contains("? help"));
    t.keys(&["/"]);
    t.keys(&["-l", "一"]);
    t.keys(&["Enter", "&"]);
    t.wait("the list", |s| s.contains("hits in") && s.contains("L4: "));
    t.keys(&["q", "q"]);
    t.wait("the exit", |s| s.contains("huibian-exit=0"));
}

#[test]
fn a_state_directory_that_cannot_be_written_is_said_on_quit() {
    let t = Tmux::start("rostate", 120, 40, "sh");
    // Root writes through permission bits, so the directory is made impossible another way: a
    // plain file stands where it would be.
    let state = t.home().join("state");
    std::fs::create_dir_all(&state).expect("state");
    std::fs::write(state.join("huibian"), "not a directory").expect("blocker");
    let file = fixture("000_3aa89c1d59f293ce.txt");
    t.keys(&[&format!("{BIN} {file}; echo huibian-exit=$?"), "Enter"]);
    t.wait("the reader", |s| s.contains("report 1/14"));
    t.keys(&["]", "q"]);
    let screen = t.wait("the exit", |s| s.contains("huibian-exit=0"));
    assert!(
        screen.contains("huibian: the reading position was not saved: ")
            && screen.contains("state/huibian/"),
        "{screen}"
    );
}
