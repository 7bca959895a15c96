//! Where each file was left: the reading position and the marks, one small JSON file per
//! document in the state directory (`$XDG_STATE_HOME/huibian`, else `~/.local/state/huibian`),
//! written atomically (a temporary file, then a rename).
//!
//! Positions are kept as text anchors: the line, the byte in it where the screen's first row
//! starts, and the line's text. The terminal size plays no part. When the line no longer reads
//! the same (the file changed), the position falls back to the nearest heading with the same
//! text, else to the start.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::reader::app::restore::Saved;

/// The state directory.
#[must_use]
pub fn dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    set("XDG_STATE_HOME")
        .filter(|p| p.is_absolute())
        .map(|p| p.join("huibian"))
        .or_else(|| set("HOME").map(|h| h.join(".local").join("state").join("huibian")))
}

/// The state file of `document` (its canonical path) in `dir`: a stable hash of the path, so
/// any path length or character works as a file name.
#[must_use]
pub fn file(dir: &Path, document: &str) -> PathBuf {
    // FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
    let hash = document.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    dir.join(format!("{hash:016x}.json"))
}

/// Reads the saved state; `Ok(None)` when there is none yet.
///
/// # Errors
/// An unreadable or corrupt state file, as a one-line reason.
pub fn read(path: &Path, document: &str) -> Result<Option<Saved>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "{}: {}",
                path.display(),
                crate::edges::load::read_reason(&e)
            ));
        }
    };
    let saved: Saved = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a state file ({e})", path.display()))?;
    // A hash collision between two paths would hand over another file's place: ignore it.
    Ok((saved.file == document).then_some(saved))
}

/// Writes the state atomically: a reader of `path` sees the old file or the new one, never a
/// part of either, even when the process is killed while writing.
///
/// One writer at a time per state directory (an advisory lock on the directory, so two readers
/// quitting together take turns); the temporary file's name is unique to the process and the
/// write, so no two writers share one; the file (mode 0600: it holds text of the document) is
/// synced before the rename and the directory after it, so the rename survives a crash.
///
/// # Errors
/// When the directory cannot be created or the file written.
pub fn write(path: &Path, saved: &Saved) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let dir_handle = std::fs::File::open(dir)?;
    dir_handle.lock()?;
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(
            serde_json::to_string(saved)
                .map_err(io::Error::other)?
                .as_bytes(),
        )?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        dir_handle.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::model::Compilation;
    use crate::doc::place::place;
    use crate::doc::view::Anchor;

    fn doc() -> Compilation {
        crate::doc::parse::parse(crate::edges::sample::SAMPLE).expect("sample parses")
    }

    #[test]
    fn state_files_round_trip_and_corrupt_ones_are_reported() {
        let dir = std::env::temp_dir().join(format!("huibian-state-{}", std::process::id()));
        let path = file(&dir, "/some/file.txt");
        assert_eq!(read(&path, "/some/file.txt"), Ok(None));
        let saved = Saved {
            file: "/some/file.txt".into(),
            position: place(&doc(), Anchor::line(40)),
            marks: vec![('a', place(&doc(), Anchor::line(60)))],
        };
        write(&path, &saved).expect("writes");
        assert_eq!(read(&path, "/some/file.txt"), Ok(Some(saved)));
        assert_eq!(read(&path, "/other.txt"), Ok(None), "another file's state");
        std::fs::write(&path, "{\"file\": ").expect("write");
        assert!(read(&path, "/some/file.txt").is_err());
        assert!(
            std::fs::read_dir(&dir).expect("dir").count() == 1,
            "no temporary file left"
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_state_directory() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            dir(&env(&[("XDG_STATE_HOME", "/s"), ("HOME", "/h")])),
            Some(PathBuf::from("/s/huibian"))
        );
        assert_eq!(
            dir(&env(&[("XDG_STATE_HOME", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.local/state/huibian"))
        );
        assert_eq!(dir(&env(&[])), None);
    }
}
