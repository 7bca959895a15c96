//! A large file arriving while it is read: the preview first, then snapshots of the whole
//! text and its reports, then the finished model. The reading position, marks, jumps, folds and
//! an active search survive each step, and a move the preview could not answer (`G`, `:80%`,
//! `n` past its last hit) is carried out when the whole text is there.

use std::sync::Arc;

use super::cursor::Tree;
use super::{App, Effect};
use crate::doc::model::{Compilation, Report};
use crate::doc::view::Anchor;

/// A place named while only a large file's preview is shown, to go to when the whole text is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PendingPlace {
    /// `G`: the end.
    Bottom,
    /// `:N%`: this share (0 to 1) of the whole text.
    Share(f64),
    /// `n` found no hit after the reading position in the preview: the next hit after this
    /// byte offset, in the whole text.
    HitAfter(usize),
    /// `N` found no hit before the reading position in the preview: the last hit of the
    /// whole text.
    LastHit,
}

impl App {
    /// Only the first part of a file of `file_size` bytes is shown; the rest is being read.
    pub(crate) fn preview(&mut self, file_size: u64) {
        self.reading.loading = Some(0);
        self.reading.preview_of = Some(file_size);
        // The preview's last report may be cut off at the end of its part of the file.
        self.reading.parsed = self.reading.parsed.saturating_sub(1);
    }

    /// The whole file has been parsed: it replaces the preview. The reading position, marks and
    /// jumps stay (line numbers are the file's in both); an active search is counted again.
    pub(in crate::reader::app) fn replace_doc(&mut self, doc: Compilation) -> Effect {
        self.reading.loading = None;
        self.say_if_whole(&doc);
        let parsed = doc.reports.len();
        let new_text = !doc.text.same(&self.reading.doc.text);
        self.install(doc, parsed, new_text)
    }

    /// The whole file is parsed; its reports and 目录 have all arrived before: `doc` brings
    /// what was found last (the diagnostics), the rest of the model stays as it is.
    pub(super) fn finish_doc(&mut self, doc: Compilation) -> Effect {
        self.reading.loading = None;
        let mut own = Arc::unwrap_or_clone(std::mem::take(&mut self.reading.doc));
        own.diagnostics = doc.diagnostics;
        self.say_if_whole(&own);
        let parsed = own.reports.len();
        self.install(own, parsed, false)
    }

    /// The whole file turned out to have no report boundary: said, as for a small file.
    fn say_if_whole(&mut self, doc: &Compilation) {
        if doc.is_whole_text() {
            self.message = Some(crate::reader::i18n::whole_text(self.settings.lang).into());
        }
    }

    /// A snapshot of the model while the background parse goes on: the whole text, and reports
    /// `..parsed` complete. A snapshot without reports (the text alone) keeps the outline shown so
    /// far, which is valid in the whole text too.
    pub(in crate::reader::app) fn partial_doc(
        &mut self,
        mut doc: Compilation,
        parsed: usize,
    ) -> Effect {
        let parsed = if doc.reports.is_empty() && !self.reading.doc.reports.is_empty() {
            doc = Compilation {
                text: doc.text,
                encoding: doc.encoding,
                ..(*self.reading.doc).clone()
            };
            self.reading.parsed
        } else {
            parsed
        };
        let new_text = !doc.text.same(&self.reading.doc.text);
        self.install(doc, parsed, new_text)
    }

    /// Reports `first..first + reports.len()` of the model being parsed are complete.
    pub(in crate::reader::app) fn reports_arrived(
        &mut self,
        first: usize,
        reports: Vec<Report>,
    ) -> Effect {
        let mut doc = Arc::unwrap_or_clone(std::mem::take(&mut self.reading.doc));
        let end = first + reports.len();
        if end <= doc.reports.len() {
            doc.reports.splice(first..end, reports);
        }
        let parsed = self.reading.parsed.max(end);
        self.install(doc, parsed, false)
    }

    /// Puts `doc` in place keeping the reading position; when its text is new (the whole file
    /// after a preview), an active search is finished and counted on it.
    pub(super) fn install(&mut self, doc: Compilation, parsed: usize, new_text: bool) -> Effect {
        // Folds the user made stay while batches of the same reports arrive; another list of
        // reports (the preview replaced) starts from the default folding.
        if self.reading.tree.unfolded.len() != doc.reports.len() {
            self.reading.tree = Tree::new(&doc);
        }
        self.reading.doc = Arc::new(doc);
        self.reading.outline_changed();
        self.reading.parsed = parsed;
        let height = self.text_size().1;
        self.reading.top = self.view().clamp(self.reading.top, height);
        self.follow();
        self.try_resume();
        if !new_text {
            return Effect::None;
        }
        // The whole text is in: no preview any more, and a move waiting for it is made now.
        self.reading.preview_of = None;
        match self.reading.pending_place.take() {
            Some(PendingPlace::Bottom) => {
                self.reading.top = self.view().last_top(height);
                self.follow();
            }
            Some(PendingPlace::Share(share)) => {
                let text = &self.reading.doc.text;
                let line = text.line_of_offset(super::share_of(text.as_str().len(), share));
                self.go_to(Anchor::line(line));
            }
            Some(place @ (PendingPlace::HitAfter(_) | PendingPlace::LastHit)) => {
                self.hit_after(place)
            }
            None => {}
        }
        // A search started on the preview now covers the whole text: find its hit if it had
        // none.
        if self.reading.finder.prompt.is_some() {
            return self.prompt_refresh();
        }
        let missing = self
            .reading
            .finder
            .search
            .as_ref()
            .is_some_and(|s| s.current.is_none());
        if missing {
            self.message = None;
            self.next_hit(true);
        }
        self.recount()
    }
}
