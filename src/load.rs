//! Opening a large file at once: the first screen comes from a quick parse of the file's
//! beginning, while the whole file is read and parsed on another thread, which reports its
//! progress and then hands over the full model. Line numbers of the beginning are the file's,
//! so the reading position stays valid when the full model replaces the preview.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::model::{Compilation, Text};
use crate::parse::{self, ParseError};

/// Files up to this size are parsed before the first screen (it takes a few milliseconds).
pub const PREVIEW_BYTES: u64 = 1 << 20;

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// Percent done.
    Progress(u8),
    /// The whole file, parsed (or why not).
    Done(Result<Box<Compilation>, String>),
}

/// A model of the file's first [`PREVIEW_BYTES`], or `None` when the file is small enough to
/// parse at once or its encoding cannot be cut safely (UTF-16).
///
/// # Errors
/// When the file cannot be read.
pub fn preview(path: &Path) -> io::Result<Option<Compilation>> {
    let size = std::fs::metadata(path)?.len();
    if size <= PREVIEW_BYTES {
        return Ok(None);
    }
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(PREVIEW_BYTES)
        .read_to_end(&mut head)?;
    // A UTF-16 file has NUL bytes and line feeds inside characters: no preview.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || head.contains(&0) {
        return Ok(None);
    }
    // Cut after the last line feed: in UTF-8, GB18030 and Big5 that byte is never inside a character.
    let Some(end) = head.iter().rposition(|&b| b == b'\n') else {
        return Ok(None);
    };
    head.truncate(end + 1);
    let Ok(decoded) = parse::decode::decode_owned(head) else {
        return Ok(None);
    };
    let encoding = decoded.encoding;
    Ok(Some(
        match parse::parse_text(decoded.text.clone(), encoding) {
            Ok(c) => c,
            // The beginning may be all title page and table of contents: show it as text.
            Err(ParseError::NoReports | ParseError::Decode(_)) => {
                Compilation::unparsed(Text::new(decoded.text), encoding)
            }
        },
    ))
}

/// Reads and parses the whole file on another thread.
#[must_use]
pub fn spawn(path: PathBuf) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let _ = tx.send(LoadEvent::Progress(5));
                let mut last = 5;
                parse::parse_with_progress(bytes, &mut |p| {
                    if p != last {
                        last = p;
                        let _ = tx.send(LoadEvent::Progress(p));
                    }
                })
                .map(Box::new)
                .map_err(|e| e.to_string())
            });
        let _ = tx.send(LoadEvent::Done(result));
    });
    rx
}
