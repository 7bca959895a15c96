//! End to end: the real binary in a private tmux server (`-L`, `-f /dev/null`), driven with
//! `send-keys` and read with `capture-pane` (the harness: `common/tmux.rs`).

mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::{BIN, Tmux, fixture, section_text, wait_gone};

#[test]
fn jump_resize_and_quit_back_to_the_shell() {
    let t = Tmux::start("quit", 160, 45, "sh");
    t.keys(&["clear; echo SHELL-BEFORE", "Enter"]);
    t.wait("the shell", |s| s.contains("SHELL-BEFORE"));
    let command = format!(
        "{BIN} {}; echo huibian-exit=$?",
        fixture("000_3aa89c1d59f293ce.txt")
    );
    t.keys(&[&command, "Enter"]);
    t.wait("the reader", |s| {
        s.contains("14 reports") && s.contains("report 1/14")
    });
    t.keys(&["]", "]"]);
    t.wait("the third report's title", |s| {
        s.contains("report 3/14")
            && s.contains("《2023年市人大代表建议和政协委员提案办理工作总结》")
    });
    t.tmux(&["resize-window", "-t", "e2e", "-x", "70", "-y", "45"]);
    t.wait("the same report in the narrow layout", |s| {
        s.lines().all(|l| l.chars().count() <= 70)
            && s.contains(">2 Text  report 3/14")
            && s.contains("2023年市人大代表建议和政协委员提案")
    });
    t.keys(&["q"]);
    let screen = t.wait("the shell again with exit status 0", |s| {
        s.contains("huibian-exit=0")
    });
    // What the shell showed before the reader started is on screen again (after tmux's reflow
    // at 70 columns, the marker line or the typed command line, or both): the shell's own normal
    // screen is back and the alternate screen left.
    assert!(
        screen.contains("SHELL-BEFORE") || screen.contains("echo huibian-exit=$?"),
        "the shell's screen is back:\n{screen}"
    );
    assert!(
        !screen.contains("report 3/14") && !screen.contains("Contents"),
        "the reader's screen is gone:\n{screen}"
    );
}

#[test]
fn sighup_from_a_dropped_session_leaves_no_process() {
    let command = format!("{BIN} {}", fixture("001_149dd883a1863841.txt"));
    let t = Tmux::start("hup", 120, 40, &command);
    t.wait("the reader", |s| s.contains("16 reports"));
    let pid = t.pane_pid();
    assert!(Path::new(&format!("/proc/{pid}")).exists());
    t.tmux(&["kill-session", "-t", "e2e"]);
    wait_gone(pid);
}

#[test]
fn escape_sequences_in_the_document_render_harmlessly() {
    let command = format!("{BIN} {}", fixture("handmade/escapes.txt"));
    let t = Tmux::start("esc", 120, 40, &command);
    t.wait("the reader", |s| {
        s.contains("3 reports") && s.contains("? help")
    });
    let out = t.tmux(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(raw.contains("\u{241b}[2J"), "ESC shown as ␛:\n{raw}");
    assert!(
        !raw.contains("\x1b[2J") && !raw.contains("\x1b]52"),
        "no raw sequence reached the terminal"
    );
    // The screen was not cleared by the document: the reader's panes are intact.
    assert!(t.screen().contains("1 Contents"));
    t.keys(&["q"]);
}

#[test]
fn sample_opens_without_a_file() {
    let t = Tmux::start("sample", 100, 30, BIN);
    t.wait("the sample", |s| {
        s.contains("14 reports") && s.contains("sample: 2023年度工作总结汇编")
    });
    t.keys(&["q"]);
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start("term", 120, 40, "sh");
    let command = format!(
        "{BIN} {}; echo huibian-exit=$?",
        fixture("002_a6a433b16e8aa61d.txt")
    );
    t.keys(&[&command, "Enter"]);
    t.wait("the reader", |s| {
        s.contains("22 reports") && s.contains("? help")
    });
    t.keys(&["]", "]", "m", "a"]);
    t.wait("the third report", |s| s.contains("report 3/22"));
    let shell = t.pane_pid();
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).expect("children");
    let pid = children
        .split_whitespace()
        .next()
        .expect("huibian is the shell's child");
    assert!(
        Command::new("kill")
            .args(["-TERM", pid])
            .status()
            .is_ok_and(|s| s.success())
    );
    let screen = t.wait("the shell after SIGTERM", |s| {
        s.contains("huibian-exit=143")
    });
    assert!(
        screen.contains("echo huibian-exit=$?"),
        "the shell's screen is back:\n{screen}"
    );
    assert!(!screen.contains("22 reports"));
    // The reading position and the mark were saved on the way out.
    let state_dir = t.home().join("state/huibian");
    let file = std::fs::read_dir(&state_dir)
        .expect("the state directory")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let state = std::fs::read_to_string(file.path()).expect("state");
    assert!(
        state.contains("\"marks\":[[\"a\"") && state.contains("002_a6a433b16e8aa61d.txt"),
        "{state}"
    );
    // Raw mode is off again: the shell echoes what is typed, line by line.
    t.keys(&["echo typed-after", "Enter"]);
    t.wait("a working shell", |s| s.contains("\ntyped-after"));
}

#[test]
fn search_with_a_chinese_query() {
    let command = format!("{BIN} {}", fixture("000_3aa89c1d59f293ce.txt"));
    let t = Tmux::start("search", 120, 40, &command);
    t.wait("the reader", |s| {
        s.contains("14 reports") && s.contains("? help")
    });
    t.keys(&["/"]);
    t.keys(&["-l", "信访工作"]);
    // Typed: the first hit after the reading position (the TOC's line 5 holds hit 1 of 17).
    t.wait("incremental hits", |s| {
        s.lines()
            .any(|l| l.starts_with("/信访工作") && l.contains("2/17"))
    });
    // The real cursor is at the caret: after `/` and four wide characters.
    let out = t.tmux(&["display-message", "-p", "-t", "e2e", "#{cursor_x}"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "9");
    t.keys(&["Enter"]);
    t.wait("the confirmed search", |s| s.contains(" /信访工作  2/17"));
    t.keys(&["n"]);
    t.wait("the next hit", |s| s.contains(" /信访工作  3/17"));
    t.keys(&["q"]);
}

#[test]
fn copy_a_plan_part_and_a_report_into_tmux() {
    let file = fixture("001_149dd883a1863841.txt");
    let command = format!("{BIN} {file}");
    let t = Tmux::start("copy", 160, 45, &command);
    t.wait("the reader", |s| {
        s.contains("16 reports") && s.contains("? help")
    });
    t.keys(&["]", "p"]);
    t.wait("the copy message", |s| {
        s.contains("copied 三、2024年工作计划 (914 chars, tmux)")
    });
    let buffer = t.buffer();
    assert_eq!(
        buffer,
        section_text(&file, "2/plan"),
        "the buffer holds the plan part"
    );
    assert!(buffer.starts_with(
        "《2023年工作总结及2024年工作计划》 › 三、2024年工作计划\n三、2024年工作计划\n"
    ));
    assert!(!buffer.contains("##paidbegin##"));
    t.keys(&["Y"]);
    t.wait("the report copy message", |s| {
        s.contains("copied 《2023年工作总结及2024年工作计划》")
    });
    let buffer = t.buffer();
    assert_eq!(
        buffer,
        section_text(&file, "2"),
        "the buffer holds the whole report"
    );
    t.keys(&["q"]);
}

/// `L<line>/<lines>` from the status line.
fn status_line_no(screen: &str) -> Option<usize> {
    let status = screen.lines().rev().find(|l| !l.trim().is_empty())?;
    let at = status.find(" L")? + 2;
    status[at..].split('/').next()?.parse().ok()
}

#[test]
fn resume_where_the_file_was_left_and_keys_from_the_config() {
    let t = Tmux::start("resume", 160, 45, "sh");
    t.write_config("[keys.normal]\n\"ctrl-n\" = \"next_report\"\n\"g h\" = \"next_heading\"\n");
    let file = fixture("000_3aa89c1d59f293ce.txt");
    let command = format!("{BIN} {file}; echo huibian-exit=$?");
    t.keys(&[&command, "Enter"]);
    t.wait("the reader", |s| s.contains("report 1/14"));
    // The user's keys: ctrl-n twice is two reports on, the chord g h the next heading.
    t.keys(&["C-n", "C-n"]);
    t.wait("the third report", |s| s.contains("report 3/14"));
    t.keys(&["g", "h", "g", "h", "j"]);
    let before = t.wait("the second heading", |s| {
        s.contains("> 二、主要做法") && status_line_no(s).is_some()
    });
    let line = status_line_no(&before).expect("line number");
    let text = std::fs::read_to_string(&file).expect("fixture");
    let shown: String = text
        .lines()
        .nth(line - 1)
        .expect("line")
        .trim()
        .chars()
        .take(8)
        .collect();
    // The help overlay lists the new keys.
    t.keys(&["?"]);
    t.wait("ctrl-n in the help", |s| {
        s.lines()
            .any(|l| l.contains("ctrl-n") && l.contains("next report"))
            && s.lines()
                .any(|l| l.contains("g h") && l.contains("next heading"))
    });
    t.keys(&["q", "q"]);
    t.wait("the shell", |s| s.contains("huibian-exit=0"));
    // Reopened at another size: the same line on top, the same report and heading on screen.
    t.tmux(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    t.keys(&["clear", "Enter"]);
    t.keys(&[&command, "Enter"]);
    let after = t.wait("the same place", |s| {
        s.contains("report 3/14") && status_line_no(s) == Some(line)
    });
    assert!(after.contains(&shown), "{shown:?} on screen:\n{after}");
    t.keys(&["q"]);
    t.wait("the shell", |s| s.matches("huibian-exit=0").count() >= 1);
    // --no-resume starts at the first report.
    t.keys(&["clear", "Enter"]);
    t.keys(&[&format!("{BIN} --no-resume {file}"), "Enter"]);
    t.wait("the start", |s| s.contains("report 1/14"));
    t.keys(&["q"]);
}

#[test]
fn a_broken_config_is_named_in_the_status_line_and_the_defaults_used() {
    let command = format!("{BIN} {}", fixture("000_3aa89c1d59f293ce.txt"));
    let t = Tmux::start("badconfig", 160, 45, "sh");
    t.write_config("theme = \"light\"\n[keys.normal]\n\"ctrl-n\" = \"nxt_report\"\n");
    t.keys(&[&command, "Enter"]);
    let screen = t.wait("the message", |s| s.contains("config not used"));
    let status = screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    assert!(
        status.contains("config.toml:3: key \"ctrl-n\"") && status.contains("nxt_report"),
        "{status}"
    );
    // The default keys work.
    t.keys(&["]"]);
    t.wait("the second report", |s| s.contains("report 2/14"));
    t.keys(&["q"]);
}

#[test]
fn mouse_clicks_open_rows_and_the_wheel_scrolls_through_the_keymap() {
    let command = format!("{BIN} {}", fixture("000_3aa89c1d59f293ce.txt"));
    let t = Tmux::start("mouse", 160, 45, &command);
    let screen = t.wait("the reader", |s| {
        s.contains("14 reports") && s.contains("? help")
    });
    // Mouse reporting is off until `M`: the terminal keeps its own selection.
    t.keys(&["M"]);
    t.wait("mouse on", |s| s.contains("mouse on"));
    // The row of report 5 in the contents pane, clicked as the terminal reports a click (SGR,
    // 1-based cells).
    let row = screen
        .lines()
        .position(|l| l.contains("  5 市2023年生物"))
        .expect("report 5 listed")
        + 1;
    t.keys(&["-l", &format!("\x1b[<0;8;{row}M\x1b[<0;8;{row}m")]);
    t.wait("report 5 opened", |s| s.contains("report 5/14"));
    // The wheel over the text scrolls it: the status line's line number moves on.
    let before = t.screen();
    let line_of = |s: &str| {
        s.lines()
            .last()
            .and_then(|l| l.split(" L").nth(1))
            .and_then(|r| r.split('/').next())
            .and_then(|n| n.parse::<usize>().ok())
            .expect("a line number")
    };
    let start = line_of(&before);
    for _ in 0..6 {
        t.keys(&["-l", "\x1b[<65;80;20M"]);
    }
    t.wait("scrolled by the wheel", |s| line_of(s) > start);
    t.keys(&["q"]);
}

#[test]
fn overlays_are_bordered_layers_at_every_size() {
    let command = format!("{BIN} {}", fixture("000_3aa89c1d59f293ce.txt"));
    for (w, h) in [(160u16, 45u16), (100, 30), (80, 24), (60, 20)] {
        let t = Tmux::start(&format!("overlay{w}"), w, h, &command);
        t.wait("the reader", |s| s.contains("? help"));
        t.keys(&["?"]);
        // The whole frame, down to its bottom border (the terminal may show it in parts).
        let help = t.wait("the help", |s| s.contains("┌─ Keys (") && s.contains('┘'));
        let rows: Vec<&str> = help.lines().collect();
        let top = rows
            .iter()
            .position(|l| l.contains("┌─ Keys"))
            .expect("top border");
        let bottom = rows
            .iter()
            .rposition(|l| l.contains('└'))
            .expect("bottom border");
        assert!(bottom > top + 2, "{w}×{h}: {help}");
        for r in &rows[top + 1..bottom] {
            assert_eq!(r.matches('│').count(), 2, "{w}×{h}: both borders on {r:?}");
        }
        // `G` then `k`: the help scrolls back at once.
        t.keys(&["G"]);
        let end = t.wait("the end of the help", |s| s.contains("close the list"));
        t.keys(&["k"]);
        t.wait("one row back", |s| s != end);
        t.keys(&["q", "q"]);
    }
}

#[test]
fn a_word_document_opens_like_a_text_file() {
    let command = format!("{BIN} {}", fixture("docx/numbered.docx"));
    let t = Tmux::start("docx", 160, 45, &command);
    let screen = t.wait("the reader on a .docx", |s| {
        s.contains("2 reports") && s.contains("? help")
    });
    // Word's automatic numbers are in the contents and the text; the encoding says docx.
    assert!(screen.contains("一、主要工作"), "{screen}");
    assert!(
        screen.lines().last().is_some_and(|l| l.contains("docx")),
        "{screen}"
    );
    t.keys(&["/"]);
    t.keys(&["-l", "干部队伍"]);
    t.keys(&["Enter"]);
    t.wait("a search in it", |s| s.contains("/干部队伍  1/2"));
    t.keys(&["q"]);
}
