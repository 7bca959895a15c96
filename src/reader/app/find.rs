//! Search, the `:` jump prompt, the jump list and marks: the parts of `App::update` that move
//! the reading position to a place found by content rather than by structure. One module
//! each: the prompt, the search's hits, the `:` picker, jumps and marks.
//!
//! Typing in the search prompt finds the first hit from where the search started (one regex
//! scan from that point); counting every hit of a 100 MB text is handed to the event loop as
//! [`Effect::Count`](super::Effect::Count), done on another thread, and comes back as
//! [`Msg::Counted`](super::Msg::Counted).

mod hits;
mod jumps;
mod picker;
mod prompt;

use std::collections::HashMap;

use crate::doc::search::Query;
use crate::doc::view::Anchor;
pub use hits::ActiveSearch;
pub use jumps::MarkKey;
pub use picker::{Candidate, fuzzy_score, fuzzy_score_chars};
pub use prompt::{Prompt, PromptKind};

/// Search, jump list and marks state.
#[derive(Debug, Default)]
pub struct Finder {
    pub prompt: Option<Prompt>,
    pub search: Option<ActiveSearch>,
    /// Searches confirmed, oldest first, each with its mode (literal or regex).
    pub history: Vec<Query>,
    generation: u64,
    /// Places jumped from, for `Ctrl-o`/`Ctrl-i`, and where in that list we are.
    jumps: Vec<Anchor>,
    jump_pos: usize,
    /// Where the last jump started (`''`).
    last_jump_from: Option<Anchor>,
    pub marks: HashMap<char, Anchor>,
}

impl Finder {
    /// A new search generation (a count started for an older one is stale).
    pub(crate) fn bump_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }
}
