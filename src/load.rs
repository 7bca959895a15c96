//! Opening a large file at once: the first screen comes from a quick parse of the file's
//! beginning, while the whole file is read and parsed on another thread, which reports its
//! progress and snapshots of the model as it grows (first the text alone, so a search covers
//! the whole file at once, then the reports as they are parsed), and then the full model. Line numbers of the beginning are the file's,
//! so the reading position stays valid when the full model replaces the preview.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::model::{Compilation, Report, Text};
use crate::parse::{self, ParseError, Stage};

/// Files up to this size are parsed before the first screen (it takes a few milliseconds).
pub const PREVIEW_BYTES: u64 = 1 << 20;

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// Percent done.
    Progress(u8),
    /// The model so far, before any report is complete: first the whole text alone, then with
    /// every report's title and lines (see [`parse::Stage`]).
    Partial {
        doc: Box<Compilation>,
        parsed: usize,
    },
    /// Reports `first..first + reports.len()` are complete (outline and plan). Only the new
    /// ones are sent, so each report is copied once however many batches there are.
    Reports { first: usize, reports: Vec<Report> },
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

/// Reads a whole file. A large one is read by two threads, each reading half of it into its
/// part of one buffer: on a 100 MB file that takes about 40 ms instead of 65 (copying from the
/// page cache and faulting in the buffer's pages are what cost, and they spread over cores).
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::{Seek, SeekFrom};
    use std::os::unix::fs::FileExt;
    const PARALLEL_BYTES: usize = 8 << 20;
    let mut file = std::fs::File::open(path)?;
    let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    if size < PARALLEL_BYTES || !file.metadata()?.is_file() {
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    let mut bytes = vec![0u8; size];
    let mid = size / 2;
    let (a, b) = bytes.split_at_mut(mid);
    let read = std::thread::scope(|s| {
        let first = s.spawn(|| file.read_exact_at(a, 0));
        let second = file.read_exact_at(b, mid as u64);
        first
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("reader thread failed")))
            .and(second)
    });
    match read {
        Ok(()) => {
            // A file that grew meanwhile: take the rest too.
            file.seek(SeekFrom::Start(size as u64))?;
            file.read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        // It shrank meanwhile: read it again, plainly.
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => std::fs::read(path),
        Err(e) => Err(e),
    }
}

/// Why a file could not be read, in a user's words.
#[must_use]
pub fn read_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads and parses the whole file on another thread, for the reader.
///
/// With [`read_file`]'s two reading threads: since the preview of a 100 MB file parses in
/// ~10 ms, they no longer hold the first screen back much (measured in tmux, eight runs: first
/// screen 51-90 ms after `less`'s, a search typed at once 22-55× faster than `less`).
#[must_use]
pub fn spawn(path: PathBuf) -> Receiver<LoadEvent> {
    spawn_with(path, read_file)
}

/// Reads the file with `read` and parses it on another thread.
#[must_use]
pub fn spawn_with(path: PathBuf, read: fn(&Path) -> io::Result<Vec<u8>>) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = read(&path).map_err(|e| read_reason(&e)).and_then(|bytes| {
            let _ = tx.send(LoadEvent::Progress(5));
            let mut last = 5;
            let mut sent = 0;
            parse::parse_with_progress(bytes, &mut |stage| match stage {
                Stage::Percent(p) if p != last => {
                    last = p;
                    let _ = tx.send(LoadEvent::Progress(p));
                }
                Stage::Percent(_) => {}
                // Cheap to clone: the text is shared and the reports are titles only.
                Stage::Partial { doc, parsed: 0 } => {
                    let _ = tx.send(LoadEvent::Partial {
                        doc: Box::new(doc.clone()),
                        parsed: 0,
                    });
                }
                Stage::Partial { doc, parsed } => {
                    let reports = doc.reports.get(sent..parsed).unwrap_or_default().to_vec();
                    let _ = tx.send(LoadEvent::Reports {
                        first: sent,
                        reports,
                    });
                    sent = parsed;
                }
            })
            .map(Box::new)
            .map_err(|e| e.to_string())
        });
        let _ = tx.send(LoadEvent::Done(result));
    });
    rx
}
