//! Document text on its way to a terminal. The decoder already turns control characters into
//! visible symbols; the characters here are printable but still move a terminal's cursor or
//! reorder what it shows, so they are replaced where text leaves for a terminal — the reader's
//! one drawing function and the text exports — and kept as they are in the model (search, the
//! JSON export and copies hold the document's own text).
//!
//! Doing it here rather than in the decoder keeps the decoder's one pass over a large file free
//! of a search whose lead byte (`E2`) Chinese quotes and dashes share.

use std::borrow::Cow;
use std::io::{self, Write};

/// What a character that would break or reorder a terminal's line becomes: the line and
/// paragraph separators (U+2028, U+2029: some terminals move the cursor, leaving stale cells)
/// a visible ␤, the bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069,
/// which reverse what follows them, up to the shell's prompt) U+FFFD; others stay.
#[must_use]
pub fn neutral(c: char) -> Option<char> {
    match c {
        '\u{2028}' | '\u{2029}' => Some('\u{2424}'),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// `s` with every [`neutral`] character replaced; borrowed when there is none.
///
/// ```
/// assert_eq!(huibian::doc::safe::terminal_safe("甲\u{202e}乙\u{2028}"), "甲\u{FFFD}乙\u{2424}");
/// ```
#[must_use]
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    // Their UTF-8 starts with `D8` or `E2`: text without those bytes is returned untouched.
    if memchr::memchr2(0xD8, 0xE2, s.as_bytes()).is_none()
        || !s.chars().any(|c| neutral(c).is_some())
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| neutral(c).unwrap_or(c)).collect())
}

/// A writer that makes what passes through it [`terminal_safe`]. Formatting writes whole `str`
/// pieces, so no character is split between two writes; bytes that are not UTF-8 pass as they
/// are.
#[derive(Debug)]
pub struct TerminalSafe<W: Write>(pub W);

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(s) => {
                self.0.write_all(terminal_safe(s).as_bytes())?;
                Ok(buf.len())
            }
            Err(_) => self.0.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_bidi_controls_are_replaced_quotes_are_not() {
        assert_eq!(
            terminal_safe("甲\u{2028}乙\u{2029}丙\u{202e}丁\u{2067}戊\u{200f}“己”…——"),
            "甲\u{2424}乙\u{2424}丙\u{FFFD}丁\u{FFFD}戊\u{FFFD}“己”…——"
        );
        assert!(matches!(terminal_safe("“引号”——省略…"), Cow::Borrowed(_)));
        let mut out = TerminalSafe(Vec::new());
        writeln!(out, "a\u{202e}b").expect("writes");
        assert_eq!(out.0, "a\u{FFFD}b\n".as_bytes());
    }
}
