//! A shelf's files read and parsed in the background, one at a time on one thread (the other
//! core answers keys), smallest first so most of the shelf is ready at once; each arrives as
//! [`BookNews`] the moment it is parsed. A file that cannot be read or parsed arrives as its
//! one-line reason and never stops the rest.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::doc::model::Compilation;
use crate::reader::app::shelf::BookFile;

/// One book read (or why not).
#[derive(Debug)]
pub struct BookNews {
    pub book: usize,
    pub result: Result<Box<Compilation>, String>,
}

/// The files of a shelf, to be read once the first screen is out.
#[derive(Debug)]
pub struct ShelfLoader(Vec<(usize, PathBuf, u64)>);

impl ShelfLoader {
    #[must_use]
    pub fn new(files: &[BookFile]) -> Self {
        let mut order: Vec<(usize, PathBuf, u64)> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (i, f.path.clone(), f.size))
            .collect();
        order.sort_by_key(|&(i, _, size)| (size, i));
        Self(order)
    }

    /// Starts reading on another thread; each book's news comes through the receiver.
    #[must_use]
    pub fn start(self) -> Receiver<BookNews> {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("shelf".into())
            .spawn(move || {
                for (book, path, _) in self.0 {
                    let result = read(&path).map(Box::new);
                    if tx.send(BookNews { book, result }).is_err() {
                        return;
                    }
                }
            });
        if let Err(e) = spawned {
            // No thread: every book says so (the shelf still lists them).
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(BookNews {
                book: 0,
                result: Err(format!("cannot start reading: {e}")),
            });
            return rx;
        }
        rx
    }
}

/// A file read and parsed whole, or the one-line reason why not.
///
/// # Errors
/// Unreadable, empty, binary, undecodable, or without any recognisable report.
pub fn read(path: &Path) -> Result<Compilation, String> {
    if path.is_dir() {
        return Err("is a directory, not a file".into());
    }
    let bytes = crate::edges::load::read_file_beside_the_reader(path)
        .map_err(|e| crate::edges::load::read_reason(&e))?;
    crate::doc::parse::parse_owned(bytes).map_err(|e| e.to_string())
}

/// Counts `query` in every book, each compiled for its own text; stops early (and sends
/// nothing) when `stop` is set.
#[must_use]
pub fn count_all(
    query: &crate::doc::search::Query,
    books: &[(usize, std::sync::Arc<Compilation>)],
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Vec<(usize, crate::doc::search::Hits)>> {
    let mut out = Vec::with_capacity(books.len());
    for (book, doc) in books {
        let Ok(regex) = crate::doc::search::compile_in(doc, query) else {
            continue;
        };
        let hits = crate::doc::search::find_all_until(&regex, doc.text.as_str(), stop)?;
        out.push((*book, hits));
    }
    Some(out)
}
