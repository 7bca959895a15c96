//! A private tmux server for the end-to-end tests (`-L`, `-f /dev/null`), driven with
//! `send-keys` and read with `capture-pane`. Without tmux these tests fail: CI installs it.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_huibian");

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// What `huibian FILE --section SPEC` prints: the text a copy of that piece must hold.
pub fn section_text(file: &str, spec: &str) -> String {
    let out = Command::new(BIN)
        .args(["--section", spec, file])
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("utf8")
}

/// A private tmux server, killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(tag: &str, width: u16, height: u16, command: &str) -> Self {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is not installed: the end-to-end tests need it (apt-get install tmux)"
        );
        let t = Self {
            socket: format!("huibian-e2e-{tag}-{}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        // Each test has its own config and state directories and an English locale, whatever
        // the machine's user has.
        let home = t.home();
        let state = format!("XDG_STATE_HOME={}", home.join("state").display());
        let config = format!("HUIBIAN_CONFIG_HOME={}", home.join("config").display());
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            "-e",
            &state,
            "-e",
            &config,
            "-e",
            "LC_ALL=C.UTF-8",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    /// Writes this test's `config.toml`.
    pub fn write_config(&self, text: &str) {
        let dir = self.home().join("config");
        std::fs::create_dir_all(&dir).expect("config dir");
        std::fs::write(dir.join("config.toml"), text).expect("config");
    }

    /// This test's own directory for config and state files.
    pub fn home(&self) -> std::path::PathBuf {
        std::env::temp_dir().join(&self.socket)
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout)
            .into_owned()
    }

    /// Waits until the screen satisfies `ok`; panics with the screen after the timeout.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let limit = if std::env::var_os("CI").is_some() {
            30
        } else {
            10
        };
        self.wait_for(what, limit, ok)
    }

    /// As [`Tmux::wait`], for up to `limit` seconds (work that takes long in a debug build).
    pub fn wait_for(&self, what: &str, limit: u64, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(limit),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The tmux paste buffer (what a copy put there).
    pub fn buffer(&self) -> String {
        String::from_utf8(self.tmux(&["show-buffer"]).stdout).expect("utf8")
    }

    pub fn pane_pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
        let _ = std::fs::remove_dir_all(self.home());
    }
}

/// Waits until process `pid` is gone (a zombie waiting for tmux to reap it is gone as a
/// process too); panics after 10 seconds.
pub fn wait_gone(pid: u32) {
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.split_whitespace().nth(2) == Some("Z") {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{pid} still running"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
