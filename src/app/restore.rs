//! Resuming where the reader left a file: the saved position and marks put back once the text
//! they point into is there (a large file's preview may not reach them yet).

use super::App;
use crate::resume::{self, Place, Saved};
use crate::view::Anchor;

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
            position: resume::place(&self.doc, self.top),
            marks: self
                .sorted_marks()
                .into_iter()
                .map(|(c, a)| (c, resume::place(&self.doc, a)))
                .collect(),
        }
    }

    /// Starts at a saved state (its marks, and its position when `position`): at once where the
    /// text is there, else when it arrives.
    pub fn resume_from(&mut self, saved: Saved, position: bool) {
        self.resume = Some(Pending {
            position: position.then_some(saved.position),
            marks: saved.marks,
        });
        self.try_resume();
    }

    /// Puts back what of the pending state can be placed now. A line that still reads the same
    /// is taken as it is; one that changed waits for the whole model (while a large file is
    /// read), then falls back to the nearest heading of the same text, or stays at the start.
    pub(crate) fn try_resume(&mut self) {
        let Some(mut pending) = self.resume.take() else {
            return;
        };
        let whole = self.loading.is_none();
        let placeable = |app: &Self, place: &Place| -> Option<Option<Anchor>> {
            let exact = place.line <= app.doc.text.line_count()
                && app.doc.text.line(place.line) == place.text;
            if exact || whole {
                Some(resume::find(&app.doc, place))
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
                        self.message = Some(crate::i18n::resume_changed(
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
                    self.finder.marks.insert(c, anchor);
                }
                Some(None) => {}
            }
        }
        if pending.position.is_some() || !pending.marks.is_empty() {
            self.resume = Some(pending);
        }
    }
}
