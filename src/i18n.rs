//! Every string of the interface, in English and Chinese. Key names and action names stay
//! English (they are what the config file and the README use).

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// `zh` or `en`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "zh" => Some(Self::Zh),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set decides; `zh…` means Chinese.
    #[must_use]
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|k| env(k).filter(|v| !v.is_empty()));
        if locale.is_some_and(|l| l.starts_with("zh")) {
            Self::Zh
        } else {
            Self::En
        }
    }
}

/// The status message when a saved position could not be taken as it was.
#[must_use]
pub fn resume_changed(lang: Lang, at_heading: bool) -> String {
    match (lang, at_heading) {
        (Lang::En, true) => "the file changed since last time: back at the nearest heading".into(),
        (Lang::En, false) => "the file changed since last time: starting at the top".into(),
        (Lang::Zh, true) => "文件已改动：回到最近的标题处".into(),
        (Lang::Zh, false) => "文件已改动：从头开始".into(),
    }
}

/// The status message when the config file could not be used.
#[must_use]
pub fn config_ignored(lang: Lang, problem: &str) -> String {
    match lang {
        Lang::En => format!("config not used, defaults in use: {problem}"),
        Lang::Zh => format!("配置文件未采用，使用默认设置：{problem}"),
    }
}

/// The status message when a user theme could not be used.
#[must_use]
pub fn theme_ignored(lang: Lang, problem: &str) -> String {
    match lang {
        Lang::En => format!("theme not used, default theme in use: {problem}"),
        Lang::Zh => format!("主题未采用，使用默认主题：{problem}"),
    }
}

/// The status message when the saved state of a file could not be read.
#[must_use]
pub fn state_ignored(lang: Lang, problem: &str) -> String {
    match lang {
        Lang::En => format!("saved position ignored: {problem}"),
        Lang::Zh => format!("上次阅读位置无法读取，已忽略：{problem}"),
    }
}
