//! Themes: semantic roles (`heading1`, `plan_mark`, `selection`, …) mapped to styles, read from
//! the TOML files in `themes/` (embedded in the binary). Every role is optional: a missing one
//! falls back to the built-in default theme, so a user theme may set a single colour.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The built-in themes, in the order `t` cycles through them.
pub const BUILTIN: [(&str, &str); 3] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// How colours may be used, from `--color` and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    /// Modifiers only (`NO_COLOR`, `--color never`).
    Never,
    /// The 16 named colours only, for a terminal that says it has no more (`TERM=screen`,
    /// `linux`, `vt100`, `xterm`): `#rrggbb` and 256-colour indexes mapped to the nearest.
    Basic,
    /// Named and 256 colours; `#rrggbb` mapped to the nearest of the 256.
    Ansi,
    /// `#rrggbb` as 24-bit colour (`COLORTERM=truecolor|24bit`).
    TrueColor,
}

impl ColorMode {
    /// Decides from `--color auto|always|never`, `NO_COLOR`, `COLORTERM` and `TERM`: a `TERM`
    /// without `256color` (or `direct`) of a terminal known for 8/16 colours gets the 16 named
    /// ones, as terminfo says (inside tmux, `set -g default-terminal tmux-256color` for more).
    #[must_use]
    pub fn detect(
        flag: &str,
        no_color: Option<&str>,
        colorterm: Option<&str>,
        term: Option<&str>,
    ) -> Self {
        let truecolor = colorterm.is_some_and(|c| matches!(c, "truecolor" | "24bit"));
        let basic = term.is_some_and(|t| {
            let family = t.split('-').next().unwrap_or(t);
            !t.contains("256")
                && !t.contains("direct")
                && matches!(
                    family,
                    "screen"
                        | "linux"
                        | "vt100"
                        | "vt220"
                        | "xterm"
                        | "ansi"
                        | "rxvt"
                        | "cons25"
                        | "tmux"
                )
        });
        match flag {
            "never" => Self::Never,
            "always" if truecolor => Self::TrueColor,
            "always" => Self::Ansi,
            _ if no_color.is_some_and(|v| !v.is_empty()) => Self::Never,
            _ if truecolor => Self::TrueColor,
            _ if basic => Self::Basic,
            _ => Self::Ansi,
        }
    }
}

/// One role's style as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    pub fg: Option<String>,
    pub bg: Option<String>,
    pub bold: Option<bool>,
    pub dim: Option<bool>,
    pub italic: Option<bool>,
    pub underlined: Option<bool>,
    pub reversed: Option<bool>,
}

macro_rules! roles {
    ($($(#[$doc:meta])* $role:ident),* $(,)?) => {
        /// A theme file: every role optional.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ThemeFile { $(pub $role: Option<StyleSpec>,)* }

        /// Resolved styles, one per role.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Theme { pub name: String, $($(#[$doc])* pub $role: Style,)* }

        impl ThemeFile {
            /// Every role this file leaves out taken from `base`.
            #[must_use]
            pub fn over(&self, base: &ThemeFile) -> ThemeFile {
                ThemeFile { $($role: self.$role.clone().or_else(|| base.$role.clone()),)* }
            }

            /// Every role the file sets, with its name.
            fn specs(&self) -> Vec<(&'static str, &StyleSpec)> {
                let mut specs = Vec::new();
                $(if let Some(spec) = self.$role.as_ref() {
                    specs.push((stringify!($role), spec));
                })*
                specs
            }
        }

        impl Theme {
            fn from_files(name: &str, file: &ThemeFile, base: &ThemeFile, mode: ColorMode) -> Self {
                Self {
                    name: name.to_owned(),
                    $($role: resolve(file.$role.as_ref().or(base.$role.as_ref()), mode),)*
                }
            }
        }
    };
}

roles! {
    /// Body text.
    text,
    /// Secondary text (line numbers, counts).
    dim,
    /// The compilation title.
    title,
    /// A report's title line.
    report_title,
    /// Headings by level.
    heading1, heading2, heading3, heading4,
    /// The gutter mark beside plan lines.
    plan_mark,
    /// A plan heading in the plans pane.
    plan_heading,
    /// A plan item in the plans pane.
    plan_item,
    /// "no plan part" rows.
    no_plan,
    /// The sticky breadcrumb above the text.
    breadcrumb,
    /// Pane headers, unfocused and focused.
    header, header_focus,
    /// The column between panes.
    separator,
    /// The selected row in the focused pane, and in the others.
    selection, selection_unfocused,
    /// The status line, its highlighted parts, and messages.
    status, status_accent, message,
    /// The help overlay.
    help_key, help_desc,
    /// Search hits on screen, and the current one.
    search_hit, search_hit_current,
    /// The search and jump prompt, and its error text.
    prompt, prompt_error,
}

fn named(name: &str) -> Option<Color> {
    Some(
        match name
            .to_ascii_lowercase()
            .replace(['_', '-', ' '], "")
            .as_str()
        {
            "reset" | "default" => Color::Reset,
            "black" => Color::Black,
            "red" => Color::Red,
            "green" => Color::Green,
            "yellow" => Color::Yellow,
            "blue" => Color::Blue,
            "magenta" => Color::Magenta,
            "cyan" => Color::Cyan,
            "gray" | "grey" => Color::Gray,
            "darkgray" | "darkgrey" => Color::DarkGray,
            "lightred" => Color::LightRed,
            "lightgreen" => Color::LightGreen,
            "lightyellow" => Color::LightYellow,
            "lightblue" => Color::LightBlue,
            "lightmagenta" => Color::LightMagenta,
            "lightcyan" => Color::LightCyan,
            "white" => Color::White,
            _ => return None,
        },
    )
}

/// Parses a colour: a name, `#rrggbb`, or a 256-colour index.
fn color(spec: &str, mode: ColorMode) -> Option<Color> {
    if let Some(hex) = spec.strip_prefix('#') {
        let v = u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| hex.len() == 6)?;
        let [_, r, g, b] = v.to_be_bytes();
        return Some(match mode {
            ColorMode::TrueColor => Color::Rgb(r, g, b),
            ColorMode::Basic => nearest_16(r, g, b),
            _ => Color::Indexed(nearest_256(r, g, b)),
        });
    }
    spec.parse::<u8>()
        .ok()
        .map(|n| match mode {
            ColorMode::Basic => {
                let (r, g, b) = index_rgb(n);
                nearest_16(r, g, b)
            }
            _ => Color::Indexed(n),
        })
        .or_else(|| named(spec))
}

/// The sixteen named colours with xterm's default values.
const SIXTEEN: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The nearest of the sixteen named colours.
fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    let d = |(x, y, z): (u8, u8, u8)| {
        let sq = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        sq(x, r) + sq(y, g) + sq(z, b)
    };
    SIXTEEN
        .iter()
        .min_by_key(|(_, rgb)| d(*rgb))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// The colour of a 256-colour index (the 16 named, the 6×6×6 cube, the grey ramp).
fn index_rgb(n: u8) -> (u8, u8, u8) {
    match n {
        0..=15 => SIXTEEN[usize::from(n)].1,
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let i = n - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let v = 8 + (n - 232) * 10;
            (v, v, v)
        }
    }
}

/// The nearest colour of the 6×6×6 cube of the 256-colour palette.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| {
        if v < 48 {
            0
        } else if v < 115 {
            1
        } else {
            (v - 35) / 40
        }
    };
    16 + 36 * level(r) + 6 * level(g) + level(b)
}

fn resolve(spec: Option<&StyleSpec>, mode: ColorMode) -> Style {
    let Some(spec) = spec else {
        return Style::default();
    };
    let mut style = Style::default();
    if mode != ColorMode::Never {
        if let Some(c) = spec.fg.as_deref().and_then(|c| color(c, mode)) {
            style = style.fg(c);
        }
        if let Some(c) = spec.bg.as_deref().and_then(|c| color(c, mode)) {
            style = style.bg(c);
        }
    }
    let flags = [
        (spec.bold, Modifier::BOLD),
        (spec.dim, Modifier::DIM),
        (spec.italic, Modifier::ITALIC),
        (spec.underlined, Modifier::UNDERLINED),
        (spec.reversed, Modifier::REVERSED),
    ];
    for (on, m) in flags {
        if on == Some(true) {
            style = style.add_modifier(m);
        }
    }
    // Without colours, a role that relied on a background alone still needs to show.
    if mode == ColorMode::Never && style == Style::default() && spec.bg.is_some() {
        style = style.add_modifier(Modifier::REVERSED);
    }
    style
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("unknown theme {0:?} (built-in: default, light, mono; or a file in themes/)")]
    Unknown(String),
    #[error("theme {name}: {message}")]
    Invalid { name: String, message: String },
}

/// Parses a theme file's text.
///
/// # Errors
/// TOML syntax errors and unknown roles or fields, naming the theme.
pub fn parse_file(name: &str, source: &str) -> Result<ThemeFile, ThemeError> {
    let file: ThemeFile = toml::from_str(source).map_err(|e| {
        let line = e
            .span()
            .map(|s| source[..s.start.min(source.len())].matches('\n').count() + 1);
        ThemeError::Invalid {
            name: name.to_owned(),
            message: match line {
                Some(n) => format!("line {n}: {}", e.message().trim()),
                None => e.message().trim().to_owned(),
            },
        }
    })?;
    // A colour that means nothing is an error to show, not a silent default.
    for (role, spec) in file.specs() {
        for (field, value) in [("fg", &spec.fg), ("bg", &spec.bg)] {
            if let Some(value) = value
                .as_deref()
                .filter(|v| color(v, ColorMode::TrueColor).is_none())
            {
                let line = source
                    .find(&format!("\"{value}\""))
                    .map(|at| source[..at].matches('\n').count() + 1);
                let place = line.map(|n| format!("line {n}: ")).unwrap_or_default();
                return Err(ThemeError::Invalid {
                    name: name.to_owned(),
                    message: format!(
                        "{place}{role}.{field}: {value:?} is not a colour (a name such as \
                         \"light-blue\", \"#rrggbb\", or 0-255)"
                    ),
                });
            }
        }
    }
    Ok(file)
}

/// Loads a built-in theme by name, with the default theme filling in missing roles.
///
/// # Errors
/// An unknown name.
pub fn builtin(name: &str, mode: ColorMode) -> Result<Theme, ThemeError> {
    load(name, mode, &[])
}

/// Loads a theme by name: a user's theme (`(name, file text)` from the config directory's
/// `themes/`) over the built-in theme of the same name if there is one, the built-in theme, and
/// the default theme under both for whatever they leave out.
///
/// # Errors
/// An unknown name, or a user's theme file that does not parse (naming the theme).
pub fn load(name: &str, mode: ColorMode, user: &[(String, String)]) -> Result<Theme, ThemeError> {
    let base = parse_file("default", BUILTIN[0].1)?;
    // The mono theme is itself the fallback when colours are off.
    if mode == ColorMode::Never {
        let mono = parse_file("mono", BUILTIN[2].1)?;
        return Ok(Theme::from_files(name, &mono, &mono, mode));
    }
    let built = BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, source)| parse_file(n, source))
        .transpose()?;
    let own = user
        .iter()
        .find(|(n, _)| n == name)
        .map(|(n, source)| parse_file(n, source))
        .transpose()?;
    let file = match (own, built) {
        (Some(own), Some(built)) => own.over(&built),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => return Err(ThemeError::Unknown(name.to_owned())),
    };
    Ok(Theme::from_files(name, &file, &base, mode))
}

/// Every theme's name: the built-in ones, then the user's.
#[must_use]
pub fn names(user: &[(String, String)]) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN.iter().map(|(n, _)| (*n).to_owned()).collect();
    for (n, _) in user {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names
}

/// The name of the theme after `name` in the cycle.
#[must_use]
pub fn next_name(name: &str, user: &[(String, String)]) -> String {
    let names = names(user);
    let i = names
        .iter()
        .position(|n| n == name)
        .map_or(0, |i| (i + 1) % names.len());
    names[i].clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_with_every_role() {
        for (name, source) in BUILTIN {
            let file = parse_file(name, source).expect(name);
            let theme = builtin(name, ColorMode::Ansi).expect(name);
            assert_ne!(theme.heading1, Style::default(), "{name}: heading1 styled");
            assert!(
                file.selection.is_some() && file.plan_mark.is_some(),
                "{name}: roles present"
            );
        }
    }

    #[test]
    fn partial_files_and_unknown_fields() {
        let file = parse_file("mine", "heading1 = { fg = \"#ff0000\" }").expect("partial");
        let base = parse_file("default", BUILTIN[0].1).expect("default");
        let theme = Theme::from_files("mine", &file, &base, ColorMode::TrueColor);
        assert_eq!(theme.heading1, Style::default().fg(Color::Rgb(255, 0, 0)));
        assert_eq!(
            theme.selection,
            Style::default().add_modifier(Modifier::REVERSED),
            "missing roles from default"
        );
        assert!(parse_file("bad", "heading9 = {}").is_err());
        assert!(parse_file("bad", "heading1 = { colour = \"red\" }").is_err());
    }

    #[test]
    fn a_colour_that_means_nothing_is_named() {
        let e = parse_file(
            "mine",
            "text = { bold = true }\n[heading1]\nfg = \"#zzzzzz\"\n",
        )
        .expect_err("bad colour");
        assert_eq!(
            e.to_string(),
            "theme mine: line 3: heading1.fg: \"#zzzzzz\" is not a colour (a name such as \
             \"light-blue\", \"#rrggbb\", or 0-255)"
        );
        assert!(parse_file("mine", "text = { bg = \"light-blue\", fg = \"231\" }").is_ok());
    }

    #[test]
    fn a_sixteen_colour_terminal_gets_named_colours_only() {
        for (term, mode) in [
            ("screen", ColorMode::Basic),
            ("linux", ColorMode::Basic),
            ("xterm", ColorMode::Basic),
            ("screen-256color", ColorMode::Ansi),
            ("tmux-256color", ColorMode::Ansi),
            ("xterm-256color", ColorMode::Ansi),
            ("alacritty", ColorMode::Ansi),
        ] {
            assert_eq!(
                ColorMode::detect("auto", None, None, Some(term)),
                mode,
                "{term}"
            );
        }
        assert_eq!(
            ColorMode::detect("auto", None, Some("truecolor"), Some("screen")),
            ColorMode::TrueColor
        );
        assert_eq!(color("#ff0000", ColorMode::Basic), Some(Color::LightRed));
        assert_eq!(color("231", ColorMode::Basic), Some(Color::White));
        assert_eq!(color("236", ColorMode::Basic), Some(Color::Black));
        // On a light background secondary text is dark grey, not the faint light grey.
        let light = builtin("light", ColorMode::Ansi).expect("light");
        assert_eq!(
            (light.dim.fg, light.separator.fg),
            (Some(Color::DarkGray), Some(Color::DarkGray))
        );
        // Every built-in theme, in 16 colours, uses no indexed or RGB colour.
        for (name, _) in BUILTIN {
            let t = builtin(name, ColorMode::Basic).expect(name);
            let styles = [
                t.text,
                t.dim,
                t.title,
                t.report_title,
                t.heading1,
                t.search_hit,
                t.status,
                t.selection,
            ];
            for s in styles {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                        "{name}: {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_color_means_modifiers_only() {
        assert_eq!(
            ColorMode::detect("auto", Some("1"), Some("truecolor"), None),
            ColorMode::Never
        );
        assert_eq!(
            ColorMode::detect("auto", None, Some("truecolor"), None),
            ColorMode::TrueColor
        );
        assert_eq!(ColorMode::detect("auto", None, None, None), ColorMode::Ansi);
        assert_eq!(
            ColorMode::detect("always", Some("1"), None, None),
            ColorMode::Ansi
        );
        let theme = builtin("default", ColorMode::Never).expect("theme");
        for style in [
            theme.heading1,
            theme.selection,
            theme.plan_mark,
            theme.status,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert_eq!(
            color("#336699", ColorMode::Ansi),
            Some(Color::Indexed(nearest_256(0x33, 0x66, 0x99)))
        );
        assert_eq!(next_name("mono", &[]), "default");
    }

    #[test]
    fn user_themes_override_and_add() {
        let user = vec![
            (
                "light".to_owned(),
                "heading1 = { fg = \"#ff0000\" }".to_owned(),
            ),
            ("paper".to_owned(), "text = { fg = \"#000000\" }".to_owned()),
        ];
        let light = builtin("light", ColorMode::TrueColor).expect("light");
        let mine = load("light", ColorMode::TrueColor, &user).expect("user light");
        assert_eq!(mine.heading1, Style::default().fg(Color::Rgb(255, 0, 0)));
        assert_eq!(
            mine.selection, light.selection,
            "the rest from the built-in light"
        );
        let paper = load("paper", ColorMode::TrueColor, &user).expect("new theme");
        assert_eq!(paper.text, Style::default().fg(Color::Rgb(0, 0, 0)));
        assert_eq!(
            paper.heading1,
            builtin("default", ColorMode::TrueColor)
                .expect("d")
                .heading1
        );
        assert_eq!(names(&user), ["default", "light", "mono", "paper"]);
        assert_eq!(next_name("mono", &user), "paper");
        assert_eq!(next_name("paper", &user), "default");
        let broken = vec![("bad".to_owned(), "text = {}\nheading1 = {".to_owned())];
        let e = load("bad", ColorMode::TrueColor, &broken).expect_err("broken");
        assert!(e.to_string().starts_with("theme bad: line 2:"), "{e}");
        assert!(load("nope", ColorMode::TrueColor, &user).is_err());
    }
}
