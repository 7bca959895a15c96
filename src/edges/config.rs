//! The user's config file: where it is found, what it may say, and errors that name the file,
//! the line and the key. Every field is optional and merges over the defaults; the command line
//! wins over the file.
//!
//! The config directory is the first of these that exists: `--config FILE`'s directory,
//! `$HUIBIAN_CONFIG_HOME`, `$XDG_CONFIG_HOME/huibian` (only when absolute), `~/.config/huibian`.
//! It holds `config.toml` and `themes/*.toml`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::reader::action::Action;
use crate::reader::i18n::Lang;
use crate::reader::key::{Chord, UnknownKey};
use crate::reader::keymap::{Context, KeyOverride};

/// What the config file set; `None` keeps the default (or the command line's choice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<String>,
    /// `auto`, `always` or `never`.
    pub color: Option<String>,
    pub ambiguous_wide: Option<bool>,
    pub clipboard: Option<crate::edges::clipboard::Method>,
    pub breadcrumb: Option<bool>,
    pub lang: Option<Lang>,
    /// Key overrides in file order.
    pub keys: Vec<KeyOverride>,
    /// `[offices]`: a name (as a report gives it, or as offices are matched) and the name it
    /// is to be matched as (an office renamed, two ways of writing one).
    pub offices: Vec<(String, String)>,
}

/// A config or theme file that could not be used, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    /// The key (or table) at fault.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    /// `~/.config/huibian/config.toml:4: key "ctrl-n": unknown action "nxt_report"`, short
    /// enough for a status line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.file.display().to_string();
        let home = std::env::var("HOME").unwrap_or_default();
        match path.strip_prefix(&home).filter(|_| !home.is_empty()) {
            Some(rest) => write!(f, "~{rest}")?,
            None => write!(f, "{path}")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": key {key:?}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The config directory: the first candidate that exists (see the module documentation).
/// `env` looks up environment variables (injected, so tests need not change the process's).
#[must_use]
pub fn dir(explicit: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(file) = explicit {
        return Some(
            file.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        );
    }
    let set = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    [
        set("HUIBIAN_CONFIG_HOME"),
        set("XDG_CONFIG_HOME")
            .filter(|p| p.is_absolute())
            .map(|p| p.join("huibian")),
        set("HOME").map(|h| h.join(".config").join("huibian")),
    ]
    .into_iter()
    .flatten()
    .find(|d| d.is_dir())
}

/// The config file to read: `--config FILE`, or `config.toml` in [`dir`].
#[must_use]
pub fn file(explicit: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    match explicit {
        Some(f) => Some(f.to_path_buf()),
        None => dir(None, env).map(|d| d.join("config.toml")),
    }
}

/// Reads the config file at `path`. A missing file is an empty config unless it was named on
/// the command line (`explicit`).
///
/// # Errors
/// Unreadable, a TOML syntax error, an unknown field, a wrong value, an unknown action or key
/// name: each names the file, the line and the key.
pub fn load(path: &Path, explicit: bool) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(source) => parse(path, &source),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config::default()),
        Err(e) => Err(ConfigError {
            file: path.to_path_buf(),
            line: None,
            key: None,
            message: crate::edges::load::read_reason(&e),
        }),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    ambiguous_wide: Option<bool>,
    clipboard: Option<Spanned<String>>,
    breadcrumb: Option<bool>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    keys: RawKeys,
    #[serde(default)]
    offices: BTreeMap<String, String>,
}

/// `[keys.<context>] "<chord>" = "<action>"`, with where each was written.
type RawKeys = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>>;

/// Parses a config file's text; `file` names it in errors.
///
/// # Errors
/// As [`load`].
pub fn parse(file: &Path, source: &str) -> Result<Config, ConfigError> {
    let src = Source { file, text: source };
    let raw: RawConfig = toml::from_str(source).map_err(|e| src.syntax_error(&e))?;
    Ok(Config {
        theme: raw.theme.as_ref().map(|t| t.get_ref().clone()),
        color: src.choice(raw.color.as_ref(), "color", &["auto", "always", "never"])?,
        ambiguous_wide: raw.ambiguous_wide,
        clipboard: src
            .choice(
                raw.clipboard.as_ref(),
                "clipboard",
                &["auto", "tmux", "osc52", "system"],
            )?
            .map(|m| crate::edges::clipboard::Method::from_name(&m).unwrap_or_default()),
        breadcrumb: raw.breadcrumb,
        lang: src
            .choice(raw.lang.as_ref(), "lang", &["zh", "en"])?
            .and_then(|l| Lang::from_name(&l)),
        keys: src.key_overrides(&raw.keys)?,
        offices: raw.offices.into_iter().collect(),
    })
}

/// A config file's text and name, for errors that point into it.
struct Source<'a> {
    file: &'a Path,
    text: &'a str,
}

impl Source<'_> {
    fn error(
        &self,
        span: Option<std::ops::Range<usize>>,
        key: Option<&str>,
        message: String,
    ) -> ConfigError {
        let line_of = |offset: usize| {
            self.text[..offset.min(self.text.len())]
                .matches('\n')
                .count()
                + 1
        };
        ConfigError {
            file: self.file.to_path_buf(),
            line: span.map(|s| line_of(s.start)),
            key: key.map(str::to_owned),
            message,
        }
    }

    /// The TOML parser's error, with the key at fault: quoted in the message (`unknown field
    /// `colour``); for a duplicate key, the text at the error's place; for a syntax error, the
    /// key whose line the error is on (`theme = [`: "theme", never the stray character the
    /// parser stopped at).
    fn syntax_error(&self, e: &toml::de::Error) -> ConfigError {
        let source = self.text;
        let at = e
            .span()
            .and_then(|s| source.get(s))
            .map(|t| t.trim().trim_matches('"').to_owned())
            .filter(|t| !t.is_empty() && t.len() < 40 && !t.contains('\n'))
            .filter(|_| e.message().contains("duplicate key"));
        let line_key = e.span().and_then(|s| {
            let start = source[..s.start.min(source.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = source[start..].lines().next()?;
            let key = line.split_once('=')?.0.trim().trim_matches('"');
            (!key.is_empty() && !key.contains(['[', ' ', '#'])).then(|| key.to_owned())
        });
        let key = Some(e.message())
            .filter(|m| m.contains(" field `"))
            .and_then(|m| m.split('`').nth(1))
            .map(str::to_owned)
            .filter(|k| !k.contains(' '))
            .or(at)
            .or(line_key);
        self.error(e.span(), key.as_deref(), e.message().trim().to_owned())
    }

    /// A setting that takes one of `allowed`.
    fn choice(
        &self,
        value: Option<&Spanned<String>>,
        key: &str,
        allowed: &[&str],
    ) -> Result<Option<String>, ConfigError> {
        value
            .map(|v| {
                if allowed.contains(&v.get_ref().as_str()) {
                    Ok(v.get_ref().clone())
                } else {
                    Err(self.error(
                        Some(v.span()),
                        Some(key),
                        format!("{:?} is not one of {}", v.get_ref(), allowed.join(", ")),
                    ))
                }
            })
            .transpose()
    }

    /// The `[keys.*]` tables, in file order (a later line overrides an earlier one).
    fn key_overrides(&self, tables: &RawKeys) -> Result<Vec<KeyOverride>, ConfigError> {
        let mut entries = Vec::new();
        for (table, keys) in tables {
            let context = Context::from_config_name(table.get_ref()).ok_or_else(|| {
                self.error(
                    Some(table.span()),
                    Some(&format!("keys.{}", table.get_ref())),
                    format!(
                        "unknown key table (use one of: {})",
                        Context::ALL.map(Context::config_name).join(", ")
                    ),
                )
            })?;
            for (chord, action) in keys {
                entries.push((chord.span().start, context, chord, action));
            }
        }
        entries.sort_by_key(|e| e.0);
        entries
            .into_iter()
            .map(|(_, context, chord, action)| {
                let parsed: Chord = chord.get_ref().parse().map_err(|e: UnknownKey| {
                    self.error(Some(chord.span()), Some(chord.get_ref()), e.to_string())
                })?;
                let action = match action.get_ref().as_str() {
                    "none" => None,
                    name => Some(Action::from_name(name).ok_or_else(|| {
                        self.error(
                            Some(action.span()),
                            Some(chord.get_ref()),
                            format!("unknown action {name:?}"),
                        )
                    })?),
                };
                Ok(KeyOverride {
                    context,
                    chord: parsed,
                    action,
                })
            })
            .collect()
    }
}

/// The user's themes: `(name, file text)` of every `themes/*.toml` in the config directory,
/// sorted by name.
#[must_use]
pub fn user_themes(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir.join("themes")) else {
        return Vec::new();
    };
    let mut themes: Vec<(String, String)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect();
    themes.sort();
    themes
}

/// Every action's name, wrapped as comment lines.
fn action_names() -> String {
    let mut out = String::from("#\n# Every action:\n#  ");
    let mut width = 3;
    for (_, name) in crate::reader::action::NAMES {
        if width + name.len() > 90 {
            out.push_str("\n#  ");
            width = 3;
        }
        out.push(' ');
        out.push_str(name);
        width += name.len() + 1;
    }
    out.push('\n');
    out
}

/// The default key table, commented out, one table per context.
fn default_keys() -> String {
    let mut out = String::new();
    for context in Context::ALL {
        out.push_str(&format!("\n[keys.{}]\n", context.config_name()));
        for b in crate::reader::keymap::DEFAULT_BINDINGS
            .iter()
            .filter(|b| b.context == context)
        {
            for key in b.keys {
                out.push_str(&format!(
                    "# {:<14} = {:<22} # {}\n",
                    format!("{key:?}"),
                    format!("{:?}", b.action.name()),
                    b.description.get(Lang::En)
                ));
            }
        }
    }
    out
}

/// The whole default config, every setting and key binding written out with comments, for
/// `huibian --print-config` (and as a starting point for one's own file).
#[must_use]
pub fn default_toml() -> String {
    let mut out = String::from(
        "# huibian config: save as ~/.config/huibian/config.toml (or in $HUIBIAN_CONFIG_HOME,\n\
         # or $XDG_CONFIG_HOME/huibian). Every line is optional: what is left out keeps the\n\
         # default below. Command-line flags win over this file.\n\n\
         # Colour theme: default, light, mono, or the name of a file in themes/ next to this\n\
         # file (themes/mine.toml -> \"mine\"; roles it leaves out come from the built-in theme\n\
         # of the same name, else from default).\n\
         theme = \"default\"\n\n\
         # When to use colours: auto (off under NO_COLOR), always, never.\n\
         color = \"auto\"\n\n\
         # Count East Asian Ambiguous characters as two columns (for terminals set that way).\n\
         ambiguous_wide = false\n\n\
         # How to copy: auto (tmux inside tmux, else OSC 52, or the system clipboard on a local\n\
         # desktop), tmux, osc52, system.\n\
         clipboard = \"auto\"\n\n\
         # Put a breadcrumb line (《report》 > heading) on top of every copy.\n\
         breadcrumb = true\n\n\
         # Interface language: zh or en. Without it: Chinese when LC_ALL/LC_MESSAGES/LANG\n\
         # start with zh, else English.\n\
         # lang = \"zh\"\n\n\
         # Offices matched across compilations (the shelf's offices view and --track): the\n\
         # name on the left, as a report gives it, is matched as the name on the right (an\n\
         # office renamed, or written two ways).\n\
         [offices]\n\
         # \"县发展和改革委员会\" = \"县发改委\"\n\n\
         # Key bindings, one table per context: normal (everywhere), contents, text, plans,\n\
         # help, prompt, list. A key is a character (G, ?, ]), ctrl-x, space, enter, esc, tab,\n\
         # shift-tab, up, down, left, right, pgup, pgdn, home, end, backspace, delete, insert,\n\
         # f1-f12, and the mouse buttons click, wheel-up, wheel-down (when the mouse is on:\n\
         # M); a chord is several keys separated by spaces (\"g r\"). The value is an\n\
         # action name, or \"none\" to unbind. A key given here leaves whatever it did\n\
         # before in that context; binding a chord unbinds its first key alone there.\n\
         # The defaults are listed commented out: uncomment a line and change its action,\n\
         # or add lines of your own under the table's header.\n",
    );
    out.push_str(&action_names());
    out.push_str(&default_keys());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::keymap::{self, Keymap, Resolved};

    #[test]
    fn the_default_config_parses_to_the_default_keymap() {
        // As printed (bindings commented out) and with every binding uncommented.
        let printed = default_toml();
        assert!(parse(Path::new("default.toml"), &printed).is_ok_and(|c| c.keys.is_empty()));
        let uncommented: String = printed
            .lines()
            .map(|l| {
                l.strip_prefix("# \"")
                    .map_or(l.to_owned(), |k| format!("\"{k}"))
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config = parse(Path::new("default.toml"), &uncommented).expect("parses");
        let total: usize = keymap::DEFAULT_BINDINGS.iter().map(|b| b.keys.len()).sum();
        assert_eq!(config.keys.len(), total, "every default key");
        assert_eq!(config.theme.as_deref(), Some("default"));
        assert_eq!(config.breadcrumb, Some(true));
        let merged = keymap::Keymap::with_overrides(&config.keys);
        let default = keymap::Keymap::default();
        for b in default.bindings() {
            for k in &b.keys {
                assert_eq!(
                    merged.resolve(b.context, k.keys()),
                    default.resolve(b.context, k.keys()),
                    "{k} in {:?}",
                    b.context
                );
            }
        }
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let f = Path::new("c.toml");
        let e = parse(
            f,
            "theme = \"light\"\n\n[keys.normal]\n\"ctrl-n\" = \"nxt_report\"\n",
        )
        .expect_err("unknown action");
        assert_eq!((e.line, e.key.as_deref()), (Some(4), Some("ctrl-n")));
        assert_eq!(
            e.to_string(),
            "c.toml:4: key \"ctrl-n\": unknown action \"nxt_report\""
        );
        let e = parse(f, "[keys.normal]\n\"ctl-n\" = \"next_report\"\n").expect_err("key");
        assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("ctl-n")));
        let e = parse(f, "theme = \"light\"\ncolour = \"never\"\n").expect_err("field");
        assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("colour")));
        let e = parse(f, "color = \"sometimes\"\n").expect_err("value");
        assert_eq!((e.line, e.key.as_deref()), (Some(1), Some("color")));
        let e = parse(f, "theme = \"light\n").expect_err("syntax");
        assert_eq!((e.line, e.key.as_deref()), (Some(1), Some("theme")), "{e}");
        let e = parse(f, "theme = [\n").expect_err("syntax");
        assert_ne!(e.key.as_deref(), Some("]"), "{e}");
        assert!(e.key.is_none() || e.key.as_deref() == Some("theme"), "{e}");
        let e = parse(
            f,
            "[keys.normal]\nq = \"quit\"\nj = \"down\"\nq = \"top\"\n",
        )
        .expect_err("duplicate");
        assert_eq!((e.line, e.key.as_deref()), (Some(4), Some("q")), "{e}");
        let e = parse(f, "[keys.nromal]\nj = \"down\"\n").expect_err("table");
        assert_eq!((e.line, e.key.as_deref()), (Some(1), Some("keys.nromal")));
    }

    #[test]
    fn overrides_chords_and_unbinding() {
        let config = parse(
            Path::new("c.toml"),
            "[keys.normal]\n\"ctrl-n\" = \"next_report\"\n\"g r\" = \"next_report\"\nq = \"none\"\n",
        )
        .expect("parses");
        let map = Keymap::with_overrides(&config.keys);
        let resolve = |keys: &str| map.resolve(Context::Text, &crate::reader::key::keys(keys));
        assert_eq!(resolve("<C-n>"), Resolved::Action(Action::NextReport));
        assert_eq!(resolve("g"), Resolved::Prefix);
        assert_eq!(resolve("gr"), Resolved::Action(Action::NextReport));
        assert_eq!(resolve("q"), Resolved::Nothing);
        // ctrl-c still quits; home still goes to the top.
        assert_eq!(resolve("<C-c>"), Resolved::Action(Action::Quit));
        assert_eq!(resolve("<Home>"), Resolved::Action(Action::Top));
    }

    #[test]
    fn the_config_directory_is_the_first_that_exists() {
        let root = std::env::temp_dir().join(format!("huibian-config-{}", std::process::id()));
        let (own, xdg, home) = (root.join("own"), root.join("xdg"), root.join("home"));
        std::fs::create_dir_all(home.join(".config/huibian")).expect("mkdir");
        let vars = |own: bool, xdg: &str| {
            let mut v = vec![("HOME".to_owned(), home.display().to_string())];
            if own {
                v.push((
                    "HUIBIAN_CONFIG_HOME".into(),
                    root.join("own").display().to_string(),
                ));
            }
            v.push(("XDG_CONFIG_HOME".into(), xdg.to_owned()));
            v
        };
        let lookup = |v: Vec<(String, String)>| {
            move |k: &str| v.iter().find(|(n, _)| n == k).map(|(_, x)| x.clone())
        };
        let home_dir = home.join(".config/huibian");
        assert_eq!(dir(None, &lookup(vars(true, ""))), Some(home_dir.clone()));
        std::fs::create_dir_all(xdg.join("huibian")).expect("mkdir");
        let xdg_s = xdg.display().to_string();
        assert_eq!(
            dir(None, &lookup(vars(false, &xdg_s))),
            Some(xdg.join("huibian"))
        );
        // A relative XDG_CONFIG_HOME is ignored, as the spec says.
        assert_eq!(dir(None, &lookup(vars(false, "rel"))), Some(home_dir));
        std::fs::create_dir_all(&own).expect("mkdir");
        assert_eq!(dir(None, &lookup(vars(true, &xdg_s))), Some(own.clone()));
        let explicit = root.join("elsewhere/my.toml");
        assert_eq!(
            file(Some(&explicit), &lookup(vars(true, &xdg_s))),
            Some(explicit.clone())
        );
        assert_eq!(
            dir(Some(&explicit), &lookup(vars(true, ""))),
            Some(root.join("elsewhere"))
        );
        assert_eq!(
            file(None, &lookup(vars(true, ""))),
            Some(own.join("config.toml"))
        );
        assert!(
            load(&own.join("config.toml"), false).expect("missing is fine") == Config::default()
        );
        assert!(load(&explicit, true).is_err(), "a named file must exist");
        std::fs::remove_dir_all(root).ok();
    }
}
