//! Opening a large file at once: the first screen comes from a quick parse of the file's first
//! 256 KiB; then the whole file is read and parsed on another thread, which reports its
//! progress and the model as it grows: first the text alone (a search covers the whole file at
//! once), then every report's title, then the reports themselves in batches, each handed over
//! by move, and last the rest of the model. Line numbers of the beginning are the file's, so
//! the reading position stays valid when the whole text replaces the preview.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::doc::model::{Compilation, Report, Text};
use crate::doc::parse::{self, ParseError, Stage};

/// Files up to this size are parsed before the first screen (it takes a few milliseconds).
pub const PREVIEW_BYTES: u64 = 1 << 20;

/// How much of a larger file the first screen is made from: many screenfuls, read and parsed
/// in a few milliseconds; the whole text replaces it some 100 ms later.
pub const HEAD_BYTES: u64 = 256 << 10;

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
    /// The whole file is parsed (or why not). The reports and the 目录 came before this (with
    /// the titles, then in batches): the compilation holds neither, only what was found last
    /// (the diagnostics).
    Done(Result<Box<Compilation>, String>),
}

/// The whole file's reading and parsing, to be started when the first screen is out.
pub struct Loader(PathBuf);

impl Loader {
    /// A loader for `path`, not started yet.
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self(path)
    }

    /// Starts reading and parsing on another thread; its news comes through the receiver.
    #[must_use]
    pub fn start(self) -> Receiver<LoadEvent> {
        spawn(self.0)
    }
}

/// A model of the file's first [`HEAD_BYTES`], or `None` when the file is small enough to
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
    open_regular(path)?
        .0
        .take(HEAD_BYTES)
        .read_to_end(&mut head)?;
    // A Word document: its zip directory is at the end, so the file is read whole (it is the
    // compressed size), and only the beginning of its body inflated and read.
    let docx = crate::doc::docx::is_zip(&head);
    if docx {
        let bytes = read_file(path)?;
        let Ok(text) = crate::doc::docx::to_text_head(&bytes, Some(HEAD_BYTES as usize)) else {
            return Ok(None);
        };
        head = text.into_bytes();
    }
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
    let encoding = if docx { "docx" } else { decoded.encoding };
    Ok(Some(
        match parse::parse_text(decoded.text.clone(), encoding) {
            // The beginning may be all title page and table of contents (a long 目录 fills
            // 256 KiB): shown as text, the reports to come, rather than as one document.
            Ok(c) if !c.is_whole_text() => c,
            Ok(_) | Err(ParseError::NoReports | ParseError::Decode(_) | ParseError::Docx(_)) => {
                Compilation::unparsed(Text::new(decoded.text), encoding)
            }
        },
    ))
}

/// Opens a regular file for reading, with its size. Anything else is refused before it is
/// opened: opening a FIFO with no writer blocks forever, and a device such as `/dev/zero` never
/// ends. Checked again on the open file, in case the path changed in between.
///
/// # Errors
/// When the path is not a regular file or cannot be opened.
pub fn open_regular(path: &Path) -> io::Result<(std::fs::File, u64)> {
    let not_regular = |meta: &std::fs::Metadata| {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        let what = if t.is_dir() {
            return io::Error::new(io::ErrorKind::IsADirectory, "is a directory");
        } else if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else {
            "not a file"
        };
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {what}, not a regular file (save it to a file first)"),
        )
    };
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta.len()))
}

/// Reads a whole regular file, never more than the size it had when opened. A large one is
/// read by two threads, each reading half of it into its part of one buffer: on a 100 MB file
/// that takes about 40 ms instead of 65 (copying from the page cache and faulting in the
/// buffer's pages are what cost, and they spread over cores).
///
/// # Errors
/// When the path is not a regular file, or cannot be opened or read.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    const PARALLEL_BYTES: usize = 8 << 20;
    let (file, len) = open_regular(path)?;
    let size = usize::try_from(len).unwrap_or(usize::MAX);
    if size < PARALLEL_BYTES {
        let mut bytes = Vec::with_capacity(size);
        file.take(len).read_to_end(&mut bytes)?;
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
        Ok(()) => Ok(bytes),
        // It shrank meanwhile: take what there is now, still bounded by the first size.
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            let mut bytes = Vec::new();
            open_regular(path)?.0.take(len).read_to_end(&mut bytes)?;
            Ok(bytes)
        }
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
        io::ErrorKind::InvalidInput => e.to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads and parses the whole file on another thread, for the reader: the reports are handed
/// over in batches as they are built, by move, so the model is held once (see
/// [`LoadEvent::Done`]). Started once the first screen is out; read by one thread.
#[must_use]
pub fn spawn(path: PathBuf) -> Receiver<LoadEvent> {
    spawn_with(path, read_file_beside_the_reader)
}

/// Reads a whole regular file on the calling thread alone, in pieces: the reader's other core
/// stays free to answer keys while a 1 GB file comes in (two reading threads took both cores
/// and a key waited ~140 ms).
///
/// # Errors
/// As [`read_file`].
pub fn read_file_beside_the_reader(path: &Path) -> io::Result<Vec<u8>> {
    const PIECE: usize = 16 << 20;
    let (file, len) = open_regular(path)?;
    let size = usize::try_from(len).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(size);
    let mut reader = file.take(len);
    loop {
        let before = bytes.len();
        (&mut reader).take(PIECE as u64).read_to_end(&mut bytes)?;
        if bytes.len() == before {
            return Ok(bytes);
        }
        std::thread::yield_now();
    }
}

/// Reads the file with `read` and parses it on another thread.
#[must_use]
pub fn spawn_with(path: PathBuf, read: fn(&Path) -> io::Result<Vec<u8>>) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // For the end-to-end test that a panic on this thread ends the program cleanly (the
        // reader up, then this thread gone): a fault injected only when asked for by name.
        if std::env::var_os("HUIBIAN_FAULT").is_some_and(|v| v == "loader-panic") {
            std::thread::sleep(std::time::Duration::from_millis(500));
            panic!("fault injected on the loading thread");
        }
        let result = read(&path).map_err(|e| read_reason(&e)).and_then(|bytes| {
            let _ = tx.send(LoadEvent::Progress(5));
            let mut last = 5;
            parse::parse_with_progress(bytes, &mut |stage| match stage {
                Stage::Percent(p) if p != last => {
                    last = p;
                    let _ = tx.send(LoadEvent::Progress(p));
                }
                Stage::Percent(_) => {}
                // The reports' titles and the 目录 are taken, not copied: the reader holds them
                // from now on (the text is shared).
                Stage::Partial { doc, parsed } => {
                    let taken = Compilation {
                        reports: std::mem::take(&mut doc.reports),
                        toc: doc.toc.take(),
                        ..doc.clone()
                    };
                    let _ = tx.send(LoadEvent::Partial {
                        doc: Box::new(taken),
                        parsed,
                    });
                }
                Stage::Built { first, reports } => {
                    let _ = tx.send(LoadEvent::Reports {
                        first,
                        reports: std::mem::take(reports),
                    });
                }
            })
            .map(Box::new)
            .map_err(|e| e.to_string())
        });
        let _ = tx.send(LoadEvent::Done(result));
    });
    rx
}
