//! Resuming where the reader left a file: the saved position and marks put back once the text
//! they point into is there (a large file's preview may not reach them yet).

use super::App;
use serde::{Deserialize, Serialize};

use crate::doc::place::{self, Place};
use crate::doc::view::Anchor;

/// What is kept for one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The document's path, as opened (canonical), to check the file belongs to it.
    pub file: String,
    pub position: Place,
    #[serde(default)]
    pub marks: Vec<(char, Place)>,
}

/// What of a saved state is still to be put back.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    pub position: Option<Place>,
    pub marks: Vec<(char, Place)>,
}

impl App {
    /// The position and marks to keep for `file` (its canonical path).
    #[must_use]
    pub fn saved(&self, file: &str) -> Saved {
        Saved {
            file: file.to_owned(),
            position: place::place(&self.reading.doc, self.reading.top),
            marks: self
                .sorted_marks()
                .into_iter()
                .map(|(c, a)| (c, place::place(&self.reading.doc, a)))
                .collect(),
        }
    }

    /// Starts at a saved state (its marks, and its position when `position`): at once where the
    /// text is there, else when it arrives.
    pub(in crate::reader::app) fn resume_from(&mut self, saved: Saved, position: bool) {
        self.reading.resume = Some(Pending {
            position: position.then_some(saved.position),
            marks: saved.marks,
        });
        self.try_resume();
    }

    /// Puts back what of the pending state can be placed now. A line that still reads the same
    /// is taken as it is; one that changed waits for the whole model (while a large file is
    /// read), then falls back to the nearest heading of the same text, or stays at the start.
    pub(crate) fn try_resume(&mut self) {
        let Some(mut pending) = self.reading.resume.take() else {
            return;
        };
        let whole = self.reading.loading.is_none();
        let placeable = |app: &Self, place: &Place| -> Option<Option<Anchor>> {
            let exact = place.line <= app.reading.doc.text.line_count()
                && app.reading.doc.text.line(place.line) == place.text;
            if exact || whole {
                Some(place::find(&app.reading.doc, place))
            } else {
                None
            }
        };
        if let Some(place) = pending.position.take() {
            match placeable(self, &place) {
                None => pending.position = Some(place),
                Some(found) => {
                    let exact = found.is_some_and(|a| a.line == place.line);
                    if let Some(anchor) = found {
                        self.go_to(anchor);
                    }
                    if !exact {
                        self.message = Some(crate::reader::i18n::resume_changed(
                            self.settings.lang,
                            found.is_some(),
                        ));
                    }
                }
            }
        }
        let marks = std::mem::take(&mut pending.marks);
        for (c, place) in marks {
            match placeable(self, &place) {
                None => pending.marks.push((c, place)),
                Some(Some(anchor)) => {
                    self.reading.finder.marks.insert(c, anchor);
                }
                Some(None) => {}
            }
        }
        if pending.position.is_some() || !pending.marks.is_empty() {
            self.reading.resume = Some(pending);
        }
    }
}
