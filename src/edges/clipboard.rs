//! Getting copied text to the clipboard of the machine the user sits at (tech-notes §3).
//!
//! - Inside tmux: `tmux load-buffer -w -`, which works with tmux's default settings and passes
//!   the text on to the outer terminal (a raw OSC 52 is dropped by default tmux).
//! - Otherwise: OSC 52, written to the terminal; over SSH it reaches the local terminal.
//! - A local graphical session without SSH may use `wl-copy` or `xclip` when present; never over
//!   SSH, where an X11 connection could hang.
//!
//! The OSC 52 bytes go to a writer the caller passes in, so tests assert them exactly. This
//! module knows nothing of the reader: it takes text and returns how it was sent.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine;

pub use crate::reader::settings::{ClipboardMethod as Method, OSC52_WARN_BYTES};

/// The environment facts that choose a method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    pub tmux: bool,
    pub ssh: bool,
    pub display: bool,
}

impl Env {
    /// Reads `TMUX`, `SSH_CONNECTION`/`SSH_TTY`/`SSH_CLIENT`, `DISPLAY`/`WAYLAND_DISPLAY`.
    #[must_use]
    pub fn from_process() -> Self {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        Self {
            tmux: set("TMUX"),
            ssh: set("SSH_CONNECTION") || set("SSH_TTY") || set("SSH_CLIENT"),
            display: set("WAYLAND_DISPLAY") || set("DISPLAY"),
        }
    }
}

/// The method `auto` stands for in an environment.
#[must_use]
pub fn resolve(method: Method, env: &Env) -> Method {
    match method {
        Method::Auto if env.tmux => Method::Tmux,
        Method::Auto if env.display && !env.ssh && system_tool().is_some() => Method::System,
        Method::Auto => Method::Osc52,
        m => m,
    }
}

/// The OSC 52 sequence that sets the clipboard to `text` (BEL-terminated, which every terminal
/// that supports OSC 52 accepts).
#[must_use]
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// A system clipboard tool on PATH: `wl-copy`, or `xclip -selection clipboard`.
fn system_tool() -> Option<(&'static str, &'static [&'static str])> {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    if on_path("wl-copy") {
        Some(("wl-copy", &[]))
    } else if on_path("xclip") {
        Some(("xclip", &["-selection", "clipboard"]))
    } else {
        None
    }
}

/// Pipes `text` into a command's standard input.
fn pipe(program: &str, args: &[&str], text: &str, wait: bool) -> io::Result<()> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    child
        .stdin
        .take()
        .ok_or_else(|| io::Error::other("no stdin"))?
        .write_all(text.as_bytes())?;
    if wait {
        let status = child.wait()?;
        if !status.success() {
            return Err(io::Error::other(format!("{program} failed")));
        }
    }
    Ok(())
}

/// Copies `text`; OSC 52 bytes are written to `terminal`. Returns the method used.
///
/// # Errors
/// When the chosen method fails (tmux not answering, no system tool, the write failing).
pub fn copy(
    text: &str,
    method: Method,
    env: &Env,
    terminal: &mut impl Write,
) -> io::Result<Method> {
    match resolve(method, env) {
        Method::Tmux => {
            // `-w` (tmux ≥ 3.2) also sets the outer terminal's clipboard; older tmux lacks it.
            pipe("tmux", &["load-buffer", "-w", "-"], text, true)
                .or_else(|_| pipe("tmux", &["load-buffer", "-"], text, true))?;
            Ok(Method::Tmux)
        }
        Method::System => {
            let (program, args) =
                system_tool().ok_or_else(|| io::Error::other("no wl-copy or xclip"))?;
            // xclip stays behind to serve the selection: do not wait for it.
            pipe(program, args, text, false)?;
            Ok(Method::System)
        }
        _ => {
            terminal.write_all(osc52(text).as_bytes())?;
            terminal.flush()?;
            Ok(Method::Osc52)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_bytes_exactly_with_chinese_text() {
        let mut out = Vec::new();
        let env = Env {
            tmux: false,
            ssh: true,
            display: false,
        };
        let used = copy(
            "二、2024年工作计划\n一是加强。\n",
            Method::Auto,
            &env,
            &mut out,
        )
        .expect("copies");
        assert_eq!(used, Method::Osc52);
        let expected = format!(
            "\x1b]52;c;{}\x07",
            "5LqM44CBMjAyNOW5tOW3peS9nOiuoeWIkgrkuIDmmK/liqDlvLrjgIIK"
        );
        assert_eq!(String::from_utf8(out).expect("ascii"), expected);
        let decoded = base64::engine::general_purpose::STANDARD
            .decode("5LqM44CBMjAyNOW5tOW3peS9nOiuoeWIkgrkuIDmmK/liqDlvLrjgIIK")
            .expect("b64");
        assert_eq!(
            String::from_utf8(decoded).expect("utf8"),
            "二、2024年工作计划\n一是加强。\n"
        );
    }

    #[test]
    fn auto_picks_tmux_then_system_then_osc52() {
        assert_eq!(
            resolve(
                Method::Auto,
                &Env {
                    tmux: true,
                    ssh: true,
                    display: true
                }
            ),
            Method::Tmux
        );
        assert_eq!(
            resolve(
                Method::Auto,
                &Env {
                    tmux: false,
                    ssh: true,
                    display: true
                }
            ),
            Method::Osc52,
            "never X11 over SSH"
        );
        assert_eq!(resolve(Method::Auto, &Env::default()), Method::Osc52);
        assert_eq!(
            resolve(
                Method::Osc52,
                &Env {
                    tmux: true,
                    ssh: false,
                    display: false
                }
            ),
            Method::Osc52
        );
    }
}
