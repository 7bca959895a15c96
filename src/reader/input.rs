//! Input, resolved outside the state: the resolver owns the key table and what has been typed
//! so far (a chord's first keys, `m` or `'` waiting for a mark's letter) and turns each key or
//! mouse event into messages for [`App::update`]. [`step`] is the one path from events to
//! effects, taken by the event loop and by the tests alike.

use std::sync::Arc;

use crate::reader::action::Action;
use crate::reader::app::find::MarkKey;
use crate::reader::app::{App, Effect, Msg};
use crate::reader::key::{Code, Key};
use crate::reader::keymap::{Context, Keymap, Resolved};

/// A terminal event, in the reader's own terms (the edge converts crossterm's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    /// A mouse button (`click`, `wheel-up`, `wheel-down`) at a cell.
    Mouse {
        button: Key,
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
}

/// Turns events into messages.
#[derive(Debug, Clone)]
pub struct Input {
    keymap: Arc<Keymap>,
    /// Keys typed so far of a chord.
    chord: Vec<Key>,
    /// `m` or `'` was pressed: the next key names the mark.
    mark: Option<MarkKey>,
}

impl Input {
    /// A resolver reading keys through `keymap`.
    #[must_use]
    pub fn new(keymap: Arc<Keymap>) -> Self {
        Self {
            keymap,
            chord: Vec::new(),
            mark: None,
        }
    }

    /// The messages one event means in the app's current state.
    pub fn resolve(&mut self, app: &App, event: Event) -> Vec<Msg> {
        match event {
            Event::Resize(w, h) => vec![Msg::Resize(w, h)],
            Event::Key(key) => self.key(app, key),
            Event::Mouse {
                button,
                column,
                row,
            } => self.mouse(app, button, column, row),
        }
    }

    fn key(&mut self, app: &App, key: Key) -> Vec<Msg> {
        if let Some(kind) = self.mark.take() {
            let mut out = vec![Msg::Pending(None)];
            if let (Code::Char(c), false) = (key.code, key.ctrl) {
                out.push(Msg::Mark(kind, c));
            }
            return out;
        }
        self.chord.push(key);
        let context = app.context();
        match self.keymap.resolve(context, &self.chord) {
            Resolved::Prefix => vec![Msg::Pending(Some(format!("{}_", Chord(&self.chord))))],
            Resolved::Action(action) => {
                let had_chord = self.chord.len() > 1;
                self.chord.clear();
                let mut out = if had_chord {
                    vec![Msg::Pending(None)]
                } else {
                    Vec::new()
                };
                out.extend(self.action(action));
                out
            }
            // A chord that went nowhere: forget it, and take the last key on its own.
            Resolved::Nothing if self.chord.len() > 1 => {
                self.chord.clear();
                let mut out = vec![Msg::Pending(None)];
                out.extend(self.key(app, key));
                out
            }
            Resolved::Nothing => {
                self.chord.clear();
                if context == Context::Prompt {
                    vec![Msg::Type(key)]
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// An action, except the two that wait for a letter: the resolver waits for it.
    fn action(&mut self, action: Action) -> Vec<Msg> {
        let kind = match action {
            Action::SetMark => MarkKey::Set,
            Action::GoMark => MarkKey::Go,
            _ => return vec![Msg::Action(action)],
        };
        self.mark = Some(kind);
        let shown = match kind {
            MarkKey::Set => "m_",
            MarkKey::Go => "'_",
        };
        vec![Msg::Pending(Some(shown.to_owned()))]
    }

    /// A mouse button over a cell: with an overlay open, the overlay's bindings (the wheel
    /// scrolls it); over a pane, that pane is pointed at and the button's binding in the
    /// pane's context follows.
    fn mouse(&mut self, app: &App, button: Key, column: u16, row: u16) -> Vec<Msg> {
        if !app.mouse() {
            return Vec::new();
        }
        let context = app.context();
        let bound = |c: Context| match self.keymap.resolve(c, &[button]) {
            Resolved::Action(a) => Some(a),
            Resolved::Prefix | Resolved::Nothing => None,
        };
        if matches!(context, Context::Help | Context::List | Context::Prompt) {
            return bound(context).map(Msg::Action).into_iter().collect();
        }
        // The shelf's lists: the row under the header, the whole width.
        if matches!(context, Context::Shelf | Context::Track) {
            return vec![Msg::Point {
                pane: crate::reader::layout::Pane::Text,
                row: row
                    .checked_sub(1)
                    .filter(|_| button.code == Code::Click)
                    .map(usize::from),
                action: bound(context),
            }];
        }
        let layout = app.layout();
        let Some(pane) = layout.pane_at(column, row) else {
            return Vec::new();
        };
        let body_row = layout
            .rect(pane)
            .and_then(|r| row.checked_sub(r.y + 1))
            .filter(|_| button.code == Code::Click)
            .map(usize::from);
        vec![Msg::Point {
            pane,
            row: body_row,
            action: bound(Context::of(pane)),
        }]
    }
}

/// Keys of a chord as the status line shows them (`g r`).
struct Chord<'a>(&'a [Key]);

impl std::fmt::Display for Chord<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, k) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}")?;
        }
        Ok(())
    }
}

/// Handles one batch of events (those already queued when the reader looks): each resolved
/// and applied in turn, then the prompt's text typed during the batch searched once. Returns
/// the effects for the caller to perform.
pub fn step(app: &mut App, input: &mut Input, events: &[Event]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for &event in events {
        for msg in input.resolve(app, event) {
            effects.push(app.update(msg));
        }
    }
    effects.push(app.update(Msg::Settle));
    effects.retain(|e| !matches!(e, Effect::None));
    effects
}
