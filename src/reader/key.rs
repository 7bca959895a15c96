//! One key vocabulary for the whole program: what the config file writes (`ctrl-d`, `G`,
//! `g r`), what the help and hints show, what tests type (`]]j<Enter>`), and what the terminal
//! sends (converted at the edge, in `edges::terminal`). Mouse buttons are keys too (`click`,
//! `wheel-down`), so they are bound in the same table.

use std::fmt;
use std::str::FromStr;

/// A key or mouse button without its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A character as typed: shift is part of it (`G`, `?`, `}`).
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
    Insert,
    F(u8),
    /// The left mouse button pressed.
    Click,
    WheelUp,
    WheelDown,
}

/// A key with Ctrl held or not (Alt combinations are not bound: terminals disagree on them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
}

/// The names of the keys that are not characters, as config files and the help write them.
const NAMES: [(Code, &str); 19] = [
    (Code::Char(' '), "space"),
    (Code::Enter, "enter"),
    (Code::Esc, "esc"),
    (Code::Tab, "tab"),
    (Code::BackTab, "shift-tab"),
    (Code::Up, "up"),
    (Code::Down, "down"),
    (Code::Left, "left"),
    (Code::Right, "right"),
    (Code::PageUp, "pgup"),
    (Code::PageDown, "pgdn"),
    (Code::Home, "home"),
    (Code::End, "end"),
    (Code::Backspace, "backspace"),
    (Code::Delete, "delete"),
    (Code::Insert, "insert"),
    (Code::Click, "click"),
    (Code::WheelUp, "wheel-up"),
    (Code::WheelDown, "wheel-down"),
];

impl Key {
    /// A key without Ctrl.
    #[must_use]
    pub const fn plain(code: Code) -> Self {
        Self { code, ctrl: false }
    }

    /// A character key without Ctrl.
    #[must_use]
    pub const fn char(c: char) -> Self {
        Self::plain(Code::Char(c))
    }

    /// A character with Ctrl (`ctrl-d`); letters are kept lower-case, as terminals send them.
    #[must_use]
    pub fn ctrl(c: char) -> Self {
        Self {
            code: Code::Char(c.to_ascii_lowercase()),
            ctrl: true,
        }
    }

    /// The character this key types into a prompt, if it types one.
    #[must_use]
    pub fn typed(self) -> Option<char> {
        match self.code {
            Code::Char(c) if !self.ctrl => Some(c),
            _ => None,
        }
    }

    /// Whether this is a mouse button rather than a key.
    #[must_use]
    pub fn is_mouse(self) -> bool {
        matches!(self.code, Code::Click | Code::WheelUp | Code::WheelDown)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if let Some((_, name)) = NAMES.iter().find(|(c, _)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "f{n}"),
            _ => Ok(()),
        }
    }
}

/// Why a key name was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key {0:?} (keys are one character, ctrl-<char>, space, enter, esc, tab, shift-tab, \
     up, down, left, right, pgup, pgdn, home, end, backspace, delete, insert, f1-f12, click, \
     wheel-up, wheel-down; a chord is several keys separated by spaces, as \"g r\")"
)]
pub struct UnknownKey(pub String);

impl FromStr for Key {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownKey(s.to_owned());
        let (ctrl, name) = match s.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let code = if let Some((code, _)) = NAMES.iter().find(|(_, n)| *n == name) {
            *code
        } else if let Some(n) = name
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            Code::F(n)
        } else {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_whitespace() && !c.is_control() => Code::Char(c),
                _ => return Err(unknown()),
            }
        };
        // Terminals send ctrl with a letter in lower case: `ctrl-D` could never be typed.
        if ctrl && matches!(code, Code::Char(c) if c.is_ascii_uppercase()) {
            return Err(unknown());
        }
        // Ctrl with a mouse button or shift-tab is not something a terminal reports.
        if ctrl && (Self::plain(code).is_mouse() || code == Code::BackTab) {
            return Err(unknown());
        }
        Ok(Self { code, ctrl })
    }
}

/// A sequence of keys typed one after another (`g r`); most bindings are one key long.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chord(pub Vec<Key>);

impl Chord {
    /// The keys of the chord.
    #[must_use]
    pub fn keys(&self) -> &[Key] {
        &self.0
    }
}

impl From<Key> for Chord {
    fn from(k: Key) -> Self {
        Self(vec![k])
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, k) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}")?;
        }
        Ok(())
    }
}

impl FromStr for Chord {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // A lone space is the space key; otherwise spaces separate the keys of a chord.
        if s == " " {
            return Ok(Self::from(Key::char(' ')));
        }
        let keys = s
            .split(' ')
            .filter(|k| !k.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<Key>, _>>()?;
        if keys.is_empty() {
            return Err(UnknownKey(s.to_owned()));
        }
        Ok(Self(keys))
    }
}

/// Keys as tests and scripts type them: characters as they are, and names in angle brackets,
/// vim's (`<Enter>`, `<S-Tab>`, `<C-d>`, `<PgDn>`) or the config's (`<ctrl-d>`, `<wheel-down>`).
/// A `<` that starts no name is the `<` key.
///
/// ```
/// use huibian::reader::key::{keys, Key};
/// assert_eq!(keys("]]}j<Enter>").len(), 5);
/// assert_eq!(keys("<C-d>"), vec![Key::ctrl('d')]);
/// ```
#[must_use]
pub fn keys(s: &str) -> Vec<Key> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let named = rest
            .strip_prefix('<')
            .and_then(|r| r.find('>').map(|end| (&r[..end], &r[end + 1..])))
            .and_then(|(name, after)| vim_name(name).map(|k| (k, after)));
        if let Some((key, after)) = named {
            out.push(key);
            rest = after;
            continue;
        }
        out.push(Key::char(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A key named in vim's notation or the config's.
fn vim_name(name: &str) -> Option<Key> {
    let lower = name.to_ascii_lowercase();
    let plain = match lower.as_str() {
        "cr" | "return" => "enter",
        "s-tab" => "shift-tab",
        "bs" => "backspace",
        "del" => "delete",
        "pagedown" => "pgdn",
        "pageup" => "pgup",
        other => other,
    };
    if let Some(c) = name.strip_prefix("C-").or_else(|| name.strip_prefix("c-")) {
        return format!("ctrl-{}", c.to_ascii_lowercase()).parse().ok();
    }
    // A single character in brackets is not a name (`<a>` would be ambiguous with text).
    if plain.chars().count() < 2 {
        return None;
    }
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_display() {
        for name in [
            "j",
            "G",
            "?",
            "ctrl-d",
            "space",
            "ctrl-space",
            "enter",
            "shift-tab",
            "pgdn",
            "f5",
            "click",
            "wheel-down",
            "'",
            "`",
        ] {
            let key: Key = name.parse().expect(name);
            assert_eq!(key.to_string(), name);
        }
        let chord: Chord = "g r".parse().expect("chord");
        assert_eq!(chord.keys(), &[Key::char('g'), Key::char('r')]);
        assert_eq!(chord.to_string(), "g r");
    }

    #[test]
    fn names_that_cannot_be_typed_are_refused() {
        for bad in [
            "ctrl-D",
            "jj",
            "f13",
            "ctrl-click",
            "ctrl-shift-tab",
            "",
            "ctrl-",
        ] {
            assert!(bad.parse::<Key>().is_err(), "{bad:?}");
        }
        assert!("".parse::<Chord>().is_err());
    }

    #[test]
    fn test_strings() {
        assert_eq!(
            keys("a<Enter><S-Tab><C-d><ctrl-u><wheel-up><x"),
            vec![
                Key::char('a'),
                Key::plain(Code::Enter),
                Key::plain(Code::BackTab),
                Key::ctrl('d'),
                Key::ctrl('u'),
                Key::plain(Code::WheelUp),
                Key::char('<'),
                Key::char('x'),
            ]
        );
        assert_eq!(keys("<Space>"), vec![Key::char(' ')]);
    }
}
