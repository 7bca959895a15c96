//! Key bindings as data: one table of `(context, key) → action, description`. Resolution, the
//! help overlay and the README's key table all come from it (a test keeps the README in step).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::i18n::Lang;

/// Where a binding applies. Pane contexts are tried first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Contents,
    Text,
    Plans,
    Help,
    Prompt,
    List,
}

impl Context {
    /// Every context, in the order of the help overlay.
    pub const ALL: [Self; 7] = [
        Self::Global,
        Self::Contents,
        Self::Text,
        Self::Plans,
        Self::Prompt,
        Self::Help,
        Self::List,
    ];

    /// The context's table name in the config file (`[keys.normal]`).
    #[must_use]
    pub fn config_name(self) -> &'static str {
        match self {
            Self::Global => "normal",
            Self::Contents => "contents",
            Self::Text => "text",
            Self::Plans => "plans",
            Self::Help => "help",
            Self::Prompt => "prompt",
            Self::List => "list",
        }
    }

    /// The context a config table names (`global` is taken for `normal` too).
    #[must_use]
    pub fn from_config_name(name: &str) -> Option<Self> {
        match name {
            "global" => Some(Self::Global),
            _ => Self::ALL.into_iter().find(|c| c.config_name() == name),
        }
    }
}

/// One binding of the default table (its description, in each language, is in [`crate::i18n`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultBinding {
    pub context: Context,
    /// Key names, e.g. `["j", "down"]`, `["ctrl-d"]`.
    pub keys: &'static [&'static str],
    pub action: Action,
}

const fn bind(context: Context, keys: &'static [&'static str], action: Action) -> DefaultBinding {
    DefaultBinding {
        context,
        keys,
        action,
    }
}

/// A binding in use: the defaults with the user's overrides merged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// Key names (`j`, `ctrl-d`) or chords of them separated by spaces (`g r`).
    pub keys: Vec<String>,
    pub action: Action,
}

impl From<&DefaultBinding> for Binding {
    fn from(b: &DefaultBinding) -> Self {
        Self {
            context: b.context,
            keys: b.keys.iter().map(|k| (*k).to_owned()).collect(),
            action: b.action,
        }
    }
}

/// A user's change to the key table (from the config file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub context: Context,
    /// One key name, or several for a chord.
    pub chord: Vec<String>,
    /// `None` unbinds the keys.
    pub action: Option<Action>,
}

/// What a key (or the keys typed so far) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// The start of a chord: wait for the next key.
    Prefix,
    Nothing,
}

use Action as A;
use Context as C;

/// The default key table: less/vim habits first.
pub const DEFAULT_BINDINGS: &[DefaultBinding] = &[
    bind(C::Global, &["q", "ctrl-c"], A::Quit),
    bind(C::Global, &["ctrl-z"], A::Suspend),
    bind(C::Global, &["?"], A::ToggleHelp),
    bind(C::Global, &["esc"], A::Cancel),
    bind(C::Global, &["tab"], A::FocusNext),
    bind(C::Global, &["shift-tab"], A::FocusPrev),
    bind(C::Global, &["1"], A::FocusContents),
    bind(C::Global, &["2"], A::FocusText),
    bind(C::Global, &["3"], A::FocusPlans),
    bind(C::Global, &["j", "down"], A::Down),
    bind(C::Global, &["k", "up"], A::Up),
    bind(C::Global, &["space", "pgdn", "ctrl-f"], A::PageDown),
    bind(C::Global, &["b", "pgup", "ctrl-b"], A::PageUp),
    bind(C::Global, &["ctrl-d"], A::HalfPageDown),
    bind(C::Global, &["ctrl-u"], A::HalfPageUp),
    bind(C::Global, &["g", "home"], A::Top),
    bind(C::Global, &["G", "end"], A::Bottom),
    bind(C::Global, &["]"], A::NextReport),
    bind(C::Global, &["["], A::PrevReport),
    bind(C::Global, &["}"], A::NextHeading),
    bind(C::Global, &["{"], A::PrevHeading),
    bind(C::Global, &[")"], A::NextPlan),
    bind(C::Global, &["("], A::PrevPlan),
    bind(C::Global, &["enter"], A::Open),
    bind(C::Global, &["P"], A::TogglePlans),
    bind(C::Global, &["t"], A::CycleTheme),
    bind(C::Global, &["M"], A::ToggleMouse),
    bind(C::Global, &["/"], A::OpenSearch),
    bind(C::Global, &["n"], A::NextHit),
    bind(C::Global, &["N"], A::PrevHit),
    bind(C::Global, &[":"], A::OpenJump),
    bind(C::Global, &["ctrl-o"], A::JumpBack),
    bind(C::Global, &["ctrl-i", "ctrl-n"], A::JumpForward),
    bind(C::Global, &["m"], A::SetMark),
    bind(C::Global, &["'"], A::GoMark),
    bind(C::Contents, &["h", "left"], A::Fold),
    bind(C::Contents, &["l", "right"], A::Unfold),
    bind(C::Contents, &["space"], A::ToggleFold),
    bind(C::Help, &["q", "esc", "?"], A::ToggleHelp),
    bind(C::Prompt, &["enter"], A::PromptConfirm),
    bind(C::Prompt, &["esc", "ctrl-c"], A::PromptCancel),
    bind(C::Prompt, &["ctrl-r"], A::PromptToggleRegex),
    bind(C::Prompt, &["up"], A::HistoryOlder),
    bind(C::Prompt, &["down"], A::HistoryNewer),
    bind(C::Global, &["y"], A::CopySection),
    bind(C::Global, &["Y"], A::CopyReport),
    bind(C::Global, &["p"], A::CopyPlan),
    bind(C::Global, &["A"], A::CopyAllPlans),
    bind(C::Text, &["v"], A::SelectLines),
    bind(C::Global, &["&", "F"], A::OpenResults),
    bind(C::Global, &["`"], A::ListMarks),
    bind(C::List, &["enter"], A::Open),
    bind(C::List, &["s"], A::CycleScope),
    bind(C::List, &["esc", "q", "&", "F", "`"], A::Cancel),
];

/// A key as the table names it: `j`, `G`, `ctrl-d`, `shift-tab`, `pgdn`, `space`, `enter`.
#[must_use]
pub fn key_name(key: &KeyEvent) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let base = match key.code {
        // Shift is part of the character itself (`G`, `?`, `}`): never written as `shift-`.
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) if ctrl => c.to_ascii_lowercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => return Some("shift-tab".into()),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::Insert => "insert".into(),
        KeyCode::F(n) => format!("f{n}"),
        _ => return None,
    };
    Some(if ctrl { format!("ctrl-{base}") } else { base })
}

/// Parses a key string as tests and scripts write it: plain characters, and names in angle
/// brackets (`<Enter>`, `<Tab>`, `<S-Tab>`, `<Esc>`, `<Space>`, `<PgDn>`, `<PgUp>`, `<Up>`,
/// `<Down>`, `<Left>`, `<Right>`, `<Home>`, `<End>`, `<C-d>`).
///
/// ```
/// use huibian::keymap::key_events;
/// assert_eq!(key_events("]]}j<Enter>").len(), 5);
/// ```
#[must_use]
pub fn key_events(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let named = rest
            .strip_prefix('<')
            .and_then(|r| r.find('>').map(|end| (&r[..end], &r[end + 1..])));
        if let Some((name, after)) = named.filter(|(n, _)| !n.is_empty()) {
            let event = match name {
                "Enter" => Some(KeyEvent::from(KeyCode::Enter)),
                "Tab" => Some(KeyEvent::from(KeyCode::Tab)),
                "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Esc" => Some(KeyEvent::from(KeyCode::Esc)),
                "Space" => Some(KeyEvent::from(KeyCode::Char(' '))),
                "PgDn" => Some(KeyEvent::from(KeyCode::PageDown)),
                "PgUp" => Some(KeyEvent::from(KeyCode::PageUp)),
                "Up" => Some(KeyEvent::from(KeyCode::Up)),
                "Down" => Some(KeyEvent::from(KeyCode::Down)),
                "Left" => Some(KeyEvent::from(KeyCode::Left)),
                "Right" => Some(KeyEvent::from(KeyCode::Right)),
                "Home" => Some(KeyEvent::from(KeyCode::Home)),
                "End" => Some(KeyEvent::from(KeyCode::End)),
                n => n
                    .strip_prefix("C-")
                    .and_then(|k| k.chars().next())
                    .map(|k| KeyEvent::new(KeyCode::Char(k), KeyModifiers::CONTROL)),
            };
            if let Some(e) = event {
                out.push(e);
                rest = after;
                continue;
            }
        }
        let modifiers = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), modifiers));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether `name` is a key name the table understands (what [`key_name`] produces).
#[must_use]
pub fn is_key_name(name: &str) -> bool {
    const NAMED: [&str; 17] = [
        "space",
        "enter",
        "esc",
        "tab",
        "shift-tab",
        "up",
        "down",
        "left",
        "right",
        "pgup",
        "pgdn",
        "home",
        "end",
        "backspace",
        "delete",
        "insert",
        "ctrl-space",
    ];
    let single = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| !c.is_whitespace() && !c.is_control())
            && chars.next().is_none()
    };
    let function = |s: &str| {
        s.strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (1..=12).contains(&n))
    };
    let plain = |s: &str| single(s) || function(s) || NAMED.contains(&s);
    match name.strip_prefix("ctrl-") {
        // ctrl- with a letter is sent lower-case (`ctrl-d`), as key_name names it.
        Some(rest) => {
            (single(rest) && !rest.chars().any(|c| c.is_ascii_uppercase())) || plain(rest)
        }
        None => plain(name),
    }
}

/// The key table in use: the defaults with the user's overrides merged over them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: DEFAULT_BINDINGS.iter().map(Binding::from).collect(),
        }
    }
}

impl Keymap {
    /// The defaults with `overrides` applied in order: each takes its keys away from whatever
    /// they did in that context and gives them to its action. A chord (`g r`) also takes its
    /// first key away when that key alone was bound there, since it could never be typed on.
    #[must_use]
    pub fn with_overrides(overrides: &[KeyOverride]) -> Self {
        let mut map = Self::default();
        for o in overrides {
            let chord = o.chord.join(" ");
            let first = o.chord.first().cloned().unwrap_or_default();
            for b in map.bindings.iter_mut().filter(|b| b.context == o.context) {
                b.keys
                    .retain(|k| *k != chord && !(o.chord.len() > 1 && *k == first));
            }
            let Some(action) = o.action else { continue };
            match map
                .bindings
                .iter_mut()
                .find(|b| b.context == o.context && b.action == action)
            {
                Some(b) => b.keys.push(chord),
                None => map.bindings.push(Binding {
                    context: o.context,
                    keys: vec![chord],
                    action,
                }),
            }
        }
        map
    }

    /// The action for `key` in `context`, falling back to the global bindings (except in Help,
    /// where only `Help` and movement keys apply).
    #[must_use]
    pub fn resolve(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        match self.resolve_keys(context, &key_name(key)?) {
            Resolved::Action(a) => Some(a),
            Resolved::Prefix | Resolved::Nothing => None,
        }
    }

    /// What `keys` (one key name, or the names typed so far separated by spaces) mean in
    /// `context`: an action, the start of a chord, or nothing.
    #[must_use]
    pub fn resolve_keys(&self, context: Context, keys: &str) -> Resolved {
        // Where to look, in order, and whether a global binding must be a movement.
        let chain: &[(Context, bool)] = match context {
            // Only the prompt's own keys: everything else is text entry.
            Context::Prompt => &[(Context::Prompt, false)],
            Context::List => &[(Context::List, false), (Context::Global, true)],
            Context::Help => &[(Context::Help, false), (Context::Global, true)],
            Context::Global => &[(Context::Global, false)],
            Context::Contents => &[(Context::Contents, false), (Context::Global, false)],
            Context::Text => &[(Context::Text, false), (Context::Global, false)],
            Context::Plans => &[(Context::Plans, false), (Context::Global, false)],
        };
        let usable = |b: &&Binding| {
            chain
                .iter()
                .any(|&(c, movement)| b.context == c && (!movement || b.action.is_movement()))
        };
        for &(ctx, _) in chain {
            let exact = self
                .bindings
                .iter()
                .filter(usable)
                .find(|b| b.context == ctx && b.keys.iter().any(|k| k == keys));
            if let Some(b) = exact {
                return Resolved::Action(b.action);
            }
        }
        let prefix = format!("{keys} ");
        if self
            .bindings
            .iter()
            .filter(usable)
            .any(|b| b.keys.iter().any(|k| k.starts_with(&prefix)))
        {
            Resolved::Prefix
        } else {
            Resolved::Nothing
        }
    }

    /// All bindings, in table order.
    #[must_use]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to `action` where `context` looks (its own table, then the global
    /// one), as the help shows it: what a hint names, so it never names a key the user rebound.
    #[must_use]
    pub fn key_for(&self, context: Context, action: Action) -> Option<&str> {
        let find = |c: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == c && b.action == action && !b.keys.is_empty())
                .and_then(|b| b.keys.first())
                .map(String::as_str)
        };
        find(context).or_else(|| find(Context::Global))
    }

    /// The README's key table, generated from the bindings.
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| keys | where | action |\n|---|---|---|\n");
        for b in self.bindings.iter().filter(|b| !b.keys.is_empty()) {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {keys} | {} | {} |\n",
                crate::i18n::context_title(Lang::En, b.context),
                crate::i18n::describe(Lang::En, b.context, b.action)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn resolves_by_context_then_global() {
        let km = Keymap::default();
        let space = key(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(km.resolve(Context::Text, &space), Some(Action::PageDown));
        assert_eq!(
            km.resolve(Context::Contents, &space),
            Some(Action::ToggleFold)
        );
        assert_eq!(
            km.resolve(Context::Text, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.resolve(
                Context::Text,
                &key(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            km.resolve(Context::Text, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            km.resolve(Context::Help, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            km.resolve(Context::Help, &key(KeyCode::Char(']'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            km.resolve(Context::Text, &key(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = std::collections::HashSet::new();
        for b in DEFAULT_BINDINGS {
            for k in b.keys {
                assert!(
                    seen.insert((b.context, *k)),
                    "{k} bound twice in {:?}",
                    b.context
                );
            }
        }
    }
}
