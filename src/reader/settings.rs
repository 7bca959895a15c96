//! The reader's start-up choices: theme, colours, language, copying.

use std::sync::Arc;

use crate::reader::keymap::Keymap;
use crate::reader::theme::ColorMode;

/// Start-up choices.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: String,
    pub color: ColorMode,
    /// Count East Asian Ambiguous characters (`“”…—`) as two columns.
    pub ambiguous_wide: bool,
    /// The file's name, for the status line.
    pub file_name: String,
    /// Start each copy with a breadcrumb line (`《report》 › 二、…`).
    pub breadcrumb: bool,
    /// The interface language.
    pub lang: crate::reader::i18n::Lang,
    /// The user's themes, `(name, file text)`, from the config directory.
    pub user_themes: Vec<(String, String)>,
    /// How copies reach the clipboard (for what to suggest when one fails).
    pub clipboard: ClipboardMethod,
    /// The key table: the defaults with the config file's changes (shared with the input
    /// resolver, which reads keys through it).
    pub keymap: Arc<Keymap>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: "default".into(),
            color: ColorMode::Ansi,
            ambiguous_wide: false,
            file_name: String::new(),
            breadcrumb: true,
            clipboard: ClipboardMethod::Auto,
            lang: crate::reader::i18n::Lang::En,
            user_themes: Vec::new(),
            keymap: Arc::default(),
        }
    }
}

/// How to copy, from `--clipboard` or the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClipboardMethod {
    /// tmux when inside tmux, else the system clipboard on a local desktop, else OSC 52.
    #[default]
    Auto,
    Tmux,
    Osc52,
    System,
}

impl ClipboardMethod {
    /// The method a config file names (`auto`, `tmux`, `osc52`, `system`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(Self::Auto),
            "tmux" => Some(Self::Tmux),
            "osc52" => Some(Self::Osc52),
            "system" => Some(Self::System),
            _ => None,
        }
    }

    /// The name shown in messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Tmux => "tmux",
            Self::Osc52 => "OSC 52",
            Self::System => "system clipboard",
        }
    }
}

/// Payload size (bytes of base64) above which some terminals cut OSC 52 short.
pub const OSC52_WARN_BYTES: usize = 74_994;
