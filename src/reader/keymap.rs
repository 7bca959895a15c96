//! Key bindings as data: one table of `(context, keys) → action` with each binding's
//! description in both languages. Resolution, the help overlay, every hint that names a key
//! (reverse lookup: [`Keymap::fill`]) and the README's key table all come from it (a test keeps
//! the README in step). Mouse buttons are keys of the table too (`click`, `wheel-down`).

use crate::reader::action::Action;
use crate::reader::i18n::Lang;
use crate::reader::key::{Chord, Key};
use crate::reader::layout::Pane;

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
    /// The shelf of compilations and its offices list.
    Shelf,
    /// An office's plans beside what it reported a year later.
    Track,
}

impl Context {
    /// Every context, in the order of the help overlay.
    pub const ALL: [Self; 9] = [
        Self::Global,
        Self::Contents,
        Self::Text,
        Self::Plans,
        Self::Prompt,
        Self::Help,
        Self::List,
        Self::Shelf,
        Self::Track,
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
            Self::Shelf => "shelf",
            Self::Track => "track",
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

    /// The heading of the context in the help overlay and the README.
    #[must_use]
    pub fn title(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Global => ("Everywhere", "各处"),
            Self::Contents => ("Contents pane", "目录栏"),
            Self::Text => ("Text pane", "正文栏"),
            Self::Plans => ("Plans pane", "计划栏"),
            Self::Help => ("Help", "帮助"),
            Self::Prompt => ("Search and jump prompts", "搜索和跳转输入框"),
            Self::List => ("Results and marks lists", "结果和书签列表"),
            Self::Shelf => ("Shelf and offices", "书架和单位列表"),
            Self::Track => ("Planned vs. reported", "计划与次年回顾对照"),
        };
        lang.pick(en, zh)
    }

    /// The context of a pane.
    #[must_use]
    pub fn of(pane: Pane) -> Self {
        match pane {
            Pane::Contents => Self::Contents,
            Pane::Text => Self::Text,
            Pane::Plans => Self::Plans,
        }
    }

    /// Where a key is looked up, in order, and whether a binding found there must be a
    /// movement to apply (the overlays take only the moving keys of the global table).
    fn chain(self) -> &'static [(Self, bool)] {
        match self {
            // Only the prompt's own keys: everything else is text entry.
            Self::Prompt => &[(Self::Prompt, false)],
            Self::List => &[(Self::List, false), (Self::Global, true)],
            Self::Help => &[(Self::Help, false), (Self::Global, true)],
            Self::Global => &[(Self::Global, false)],
            Self::Contents => &[(Self::Contents, false), (Self::Global, false)],
            Self::Text => &[(Self::Text, false), (Self::Global, false)],
            Self::Plans => &[(Self::Plans, false), (Self::Global, false)],
            Self::Shelf => &[(Self::Shelf, false), (Self::Global, false)],
            Self::Track => &[(Self::Track, false), (Self::Global, false)],
        }
    }
}

/// What a binding does, in each language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Description {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Description {
    /// The description in `lang`.
    #[must_use]
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// One binding of the default table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultBinding {
    pub context: Context,
    /// Key names, e.g. `["j", "down"]`, `["ctrl-d"]`.
    pub keys: &'static [&'static str],
    pub action: Action,
    pub description: Description,
}

const fn bind(
    context: Context,
    keys: &'static [&'static str],
    action: Action,
    en: &'static str,
    zh: &'static str,
) -> DefaultBinding {
    DefaultBinding {
        context,
        keys,
        action,
        description: Description { en, zh },
    }
}

/// A binding in use: the defaults with the user's overrides merged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// Keys, or chords of them (`g r`).
    pub keys: Vec<Chord>,
    pub action: Action,
    pub description: Description,
}

impl From<&DefaultBinding> for Binding {
    fn from(b: &DefaultBinding) -> Self {
        Self {
            context: b.context,
            // The default table is checked by a test to hold key names only.
            keys: b.keys.iter().filter_map(|k| k.parse().ok()).collect(),
            action: b.action,
            description: b.description,
        }
    }
}

/// A user's change to the key table (from the config file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub context: Context,
    pub chord: Chord,
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
    bind(C::Global, &["q", "ctrl-c"], A::Quit, "quit", "退出"),
    bind(
        C::Global,
        &["ctrl-z"],
        A::Suspend,
        "suspend to the shell (fg resumes)",
        "挂起回到命令行（fg 恢复）",
    ),
    bind(
        C::Global,
        &["?"],
        A::ToggleHelp,
        "show or hide this help",
        "显示或隐藏本帮助",
    ),
    bind(
        C::Global,
        &["esc"],
        A::Cancel,
        "close the overlay, clear the message",
        "关闭浮层，清除消息",
    ),
    bind(
        C::Global,
        &["tab"],
        A::FocusNext,
        "focus the next pane",
        "焦点移到下一栏",
    ),
    bind(
        C::Global,
        &["shift-tab"],
        A::FocusPrev,
        "focus the previous pane",
        "焦点移到上一栏",
    ),
    bind(
        C::Global,
        &["1"],
        A::FocusContents,
        "focus the contents pane",
        "焦点移到目录栏",
    ),
    bind(
        C::Global,
        &["2"],
        A::FocusText,
        "focus the text pane",
        "焦点移到正文栏",
    ),
    bind(
        C::Global,
        &["3"],
        A::FocusPlans,
        "focus the plans pane",
        "焦点移到计划栏",
    ),
    bind(
        C::Global,
        &["j", "down"],
        A::Down,
        "down one line or row",
        "向下一行",
    ),
    bind(
        C::Global,
        &["k", "up"],
        A::Up,
        "up one line or row",
        "向上一行",
    ),
    bind(
        C::Global,
        &["space", "pgdn", "ctrl-f"],
        A::PageDown,
        "down one page",
        "向下一页",
    ),
    bind(
        C::Global,
        &["b", "pgup", "ctrl-b"],
        A::PageUp,
        "up one page",
        "向上一页",
    ),
    bind(
        C::Global,
        &["ctrl-d"],
        A::HalfPageDown,
        "down half a page",
        "向下半页",
    ),
    bind(
        C::Global,
        &["ctrl-u"],
        A::HalfPageUp,
        "up half a page",
        "向上半页",
    ),
    bind(C::Global, &["g", "home"], A::Top, "to the start", "到开头"),
    bind(C::Global, &["G", "end"], A::Bottom, "to the end", "到结尾"),
    bind(C::Global, &["]"], A::NextReport, "next report", "下一篇"),
    bind(
        C::Global,
        &["["],
        A::PrevReport,
        "previous report (or the start of this one)",
        "上一篇（或本篇开头）",
    ),
    bind(
        C::Global,
        &["}"],
        A::NextHeading,
        "next heading",
        "下一个标题",
    ),
    bind(
        C::Global,
        &["{"],
        A::PrevHeading,
        "previous heading",
        "上一个标题",
    ),
    bind(
        C::Global,
        &[")"],
        A::NextPlan,
        "next plan part",
        "下一个计划部分",
    ),
    bind(
        C::Global,
        &["("],
        A::PrevPlan,
        "previous plan part",
        "上一个计划部分",
    ),
    bind(
        C::Global,
        &["enter"],
        A::Open,
        "jump to the selected entry in the text",
        "在正文中跳到所选条目",
    ),
    bind(
        C::Global,
        &["P"],
        A::TogglePlans,
        "show or hide the plans pane (narrow: switch to it and back)",
        "显示或隐藏计划栏（窄屏：切换到计划栏或返回）",
    ),
    bind(
        C::Global,
        &["t"],
        A::CycleTheme,
        "next theme (default, light, mono)",
        "换下一个主题（default、light、mono）",
    ),
    bind(
        C::Global,
        &["M"],
        A::ToggleMouse,
        "mouse clicks and wheel on or off",
        "开关鼠标点击和滚轮",
    ),
    bind(
        C::Global,
        &["wheel-down"],
        A::ScrollDown,
        "down three rows (the mouse wheel)",
        "下移三行（鼠标滚轮）",
    ),
    bind(
        C::Global,
        &["wheel-up"],
        A::ScrollUp,
        "up three rows (the mouse wheel)",
        "上移三行（鼠标滚轮）",
    ),
    bind(
        C::Contents,
        &["click"],
        A::Open,
        "a click opens the row clicked",
        "点击即打开该行",
    ),
    bind(
        C::Plans,
        &["click"],
        A::Open,
        "a click opens the row clicked",
        "点击即打开该行",
    ),
    bind(
        C::Global,
        &["/"],
        A::OpenSearch,
        "search the whole compilation",
        "搜索整部汇编",
    ),
    bind(
        C::Global,
        &["n"],
        A::NextHit,
        "next search hit (wraps around)",
        "下一个搜索结果（循环）",
    ),
    bind(
        C::Global,
        &["N"],
        A::PrevHit,
        "previous search hit (wraps around)",
        "上一个搜索结果（循环）",
    ),
    bind(
        C::Global,
        &[":"],
        A::OpenJump,
        "jump: a line (120), a percentage (50%), a report or heading by name",
        "跳转：行号（120）、百分比（50%）、篇名或标题",
    ),
    bind(
        C::Global,
        &["ctrl-o"],
        A::JumpBack,
        "back to where the last jump started",
        "回到上次跳转的起点",
    ),
    bind(
        C::Global,
        &["ctrl-i", "ctrl-n"],
        A::JumpForward,
        "forward again (most terminals send ctrl-i as tab: use ctrl-n)",
        "再向前（多数终端把 ctrl-i 当作 tab：请用 ctrl-n）",
    ),
    bind(
        C::Global,
        &["m"],
        A::SetMark,
        "set a mark: m then a letter",
        "设书签：m 再按一个字母",
    ),
    bind(
        C::Global,
        &["'"],
        A::GoMark,
        "go to a mark: ' then a letter ('' back to before the last jump)",
        "到书签：' 再按一个字母（'' 回到上次跳转前）",
    ),
    bind(
        C::Contents,
        &["h", "left"],
        A::Fold,
        "fold the report (or go up to it)",
        "折叠本篇（或回到篇名）",
    ),
    bind(
        C::Contents,
        &["l", "right"],
        A::Unfold,
        "unfold the report",
        "展开本篇",
    ),
    bind(
        C::Contents,
        &["space"],
        A::ToggleFold,
        "fold or unfold the report",
        "折叠或展开本篇",
    ),
    bind(
        C::Help,
        &["q", "esc", "?"],
        A::ToggleHelp,
        "close the help",
        "关闭帮助",
    ),
    bind(
        C::Prompt,
        &["enter"],
        A::PromptConfirm,
        "search, or jump to the line or the selected row",
        "搜索，或跳到该行或所选行",
    ),
    bind(
        C::Prompt,
        &["esc", "ctrl-c"],
        A::PromptCancel,
        "close and go back to where it opened",
        "关闭并回到打开时的位置",
    ),
    bind(
        C::Prompt,
        &["ctrl-r"],
        A::PromptToggleRegex,
        "search: literal or regular expression",
        "搜索：字面或正则表达式",
    ),
    bind(
        C::Prompt,
        &["up"],
        A::HistoryOlder,
        "older search (jump: the row above)",
        "更早的搜索（跳转：上一行）",
    ),
    bind(
        C::Prompt,
        &["down"],
        A::HistoryNewer,
        "newer search (jump: the row below)",
        "更新的搜索（跳转：下一行）",
    ),
    bind(
        C::Global,
        &["y"],
        A::CopySection,
        "copy the section here (plans pane: the plan block; or the selected lines)",
        "复制此处的一节（计划栏：该篇计划；或所选的行）",
    ),
    bind(
        C::Global,
        &["Y"],
        A::CopyReport,
        "copy the whole report",
        "复制整篇",
    ),
    bind(
        C::Global,
        &["p"],
        A::CopyPlan,
        "copy the report's plan part",
        "复制本篇的计划部分",
    ),
    bind(
        C::Global,
        &["A"],
        A::CopyAllPlans,
        "copy every report's plan part",
        "复制每篇的计划部分",
    ),
    bind(
        C::Text,
        &["v"],
        A::SelectLines,
        "select lines from the reading line (j/k extend, y copies)",
        "从阅读行开始选行（j/k 扩展，y 复制）",
    ),
    bind(
        C::Global,
        &["&", "F"],
        A::OpenResults,
        "list every search hit by report and section",
        "按篇和节列出全部搜索结果",
    ),
    bind(
        C::Global,
        &["`"],
        A::ListMarks,
        "list the marks",
        "列出书签",
    ),
    bind(
        C::List,
        &["enter"],
        A::Open,
        "go to the selected hit or mark",
        "到所选的结果或书签",
    ),
    bind(
        C::List,
        &["s"],
        A::CycleScope,
        "results: all, plan parts only, current report",
        "结果范围：全部、仅计划部分、当前篇",
    ),
    bind(
        C::List,
        &["esc", "q", "&", "F", "`"],
        A::Cancel,
        "close the list",
        "关闭列表",
    ),
    bind(
        C::Global,
        &["B"],
        A::ShowShelf,
        "back to the shelf (several compilations open)",
        "回到书架（打开了多部汇编时）",
    ),
    bind(
        C::Shelf,
        &["enter"],
        A::Open,
        "open the compilation (offices: its plans beside what was reported)",
        "打开所选汇编（单位列表：计划与次年回顾对照）",
    ),
    bind(
        C::Shelf,
        &["click"],
        A::Open,
        "a click opens the row clicked",
        "点击即打开该行",
    ),
    bind(
        C::Shelf,
        &["o"],
        A::ShowOffices,
        "offices across the shelf, by year",
        "书架上的各单位及年份",
    ),
    bind(
        C::Shelf,
        &["esc"],
        A::Cancel,
        "offices: back to the shelf",
        "单位列表：回到书架",
    ),
    bind(C::Track, &["]"], A::NextReport, "next year", "下一年"),
    bind(C::Track, &["["], A::PrevReport, "previous year", "上一年"),
    bind(
        C::Track,
        &["s"],
        A::CycleScope,
        "show: all, answered, not mentioned, reported but not planned",
        "筛选：全部、有回顾、次年未提及、未计划的回顾",
    ),
    bind(
        C::Track,
        &["y"],
        A::CopySection,
        "copy this year's comparison (Markdown)",
        "复制本年对照（Markdown）",
    ),
    bind(
        C::Track,
        &["Y"],
        A::CopyReport,
        "copy every year of the office (Markdown)",
        "复制该单位全部年份的对照（Markdown）",
    ),
    bind(
        C::Track,
        &["enter"],
        A::Open,
        "read the plan sentence at the top in its compilation",
        "在原汇编中阅读顶端的计划句",
    ),
    bind(
        C::Track,
        &["esc", "o"],
        A::ShowOffices,
        "back to the offices",
        "回到单位列表",
    ),
];

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
            let first = o.chord.keys().first().copied().map(Chord::from);
            let chord_of_many = o.chord.keys().len() > 1;
            for b in map.bindings.iter_mut().filter(|b| b.context == o.context) {
                b.keys
                    .retain(|k| *k != o.chord && !(chord_of_many && Some(k) == first.as_ref()));
            }
            let Some(action) = o.action else { continue };
            match map
                .bindings
                .iter_mut()
                .find(|b| b.context == o.context && b.action == action)
            {
                Some(b) => b.keys.push(o.chord.clone()),
                None => map.bindings.push(Binding {
                    context: o.context,
                    keys: vec![o.chord.clone()],
                    action,
                    description: description_of(o.context, action),
                }),
            }
        }
        map
    }

    /// What `keys` (one key, or the keys of a chord typed so far) mean in `context`: an action,
    /// the start of a chord, or nothing. No allocation: it runs on every key press.
    #[must_use]
    pub fn resolve(&self, context: Context, keys: &[Key]) -> Resolved {
        let chain = context.chain();
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
                .find(|b| b.context == ctx && b.keys.iter().any(|k| k.keys() == keys));
            if let Some(b) = exact {
                return Resolved::Action(b.action);
            }
        }
        let longer = |k: &Chord| k.keys().len() > keys.len() && k.keys().starts_with(keys);
        if self
            .bindings
            .iter()
            .filter(usable)
            .any(|b| b.keys.iter().any(longer))
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
    pub fn key_for(&self, context: Context, action: Action) -> Option<&Chord> {
        let find = |c: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == c && b.action == action && !b.keys.is_empty())
                .and_then(|b| b.keys.first())
        };
        find(context).or_else(|| find(Context::Global))
    }

    /// `text` with every `{action_name}` replaced by the key bound to that action in `context`,
    /// so hints and messages name the user's keys.
    ///
    /// ```
    /// use huibian::reader::keymap::{Context, Keymap};
    /// let keys = Keymap::default();
    /// assert_eq!(keys.fill("{open_search} to search", Context::Global), "/ to search");
    /// ```
    #[must_use]
    pub fn fill(&self, text: &str, context: Context) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after
                .find('}')
                .and_then(|close| Action::from_name(&after[..close]).map(|a| (a, close)));
            match named {
                Some((action, close)) => {
                    match self.key_for(context, action) {
                        Some(chord) => out.push_str(&chord.to_string()),
                        None => out.push_str("(unbound)"),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
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
                b.context.title(Lang::En),
                b.description.get(Lang::En)
            ));
        }
        out
    }
}

/// The description of `action` for a binding a user added in `context`: the default table's
/// for that context, else its description anywhere, else the action's config name.
fn description_of(context: Context, action: Action) -> Description {
    DEFAULT_BINDINGS
        .iter()
        .find(|d| d.context == context && d.action == action)
        .or_else(|| DEFAULT_BINDINGS.iter().find(|d| d.action == action))
        .map_or(
            Description {
                en: action.name(),
                zh: action.name(),
            },
            |d| d.description,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::key::{Code, keys};

    fn one(context: Context, key: &str) -> Resolved {
        Keymap::default().resolve(context, &keys(key))
    }

    #[test]
    fn resolves_by_context_then_global() {
        use Resolved::{Action as Does, Nothing};
        assert_eq!(one(Context::Text, " "), Does(Action::PageDown));
        assert_eq!(one(Context::Contents, " "), Does(Action::ToggleFold));
        assert_eq!(one(Context::Text, "G"), Does(Action::Bottom));
        assert_eq!(one(Context::Text, "<C-d>"), Does(Action::HalfPageDown));
        assert_eq!(one(Context::Text, "<S-Tab>"), Does(Action::FocusPrev));
        assert_eq!(one(Context::Help, "q"), Does(Action::ToggleHelp));
        assert_eq!(one(Context::Help, "]"), Nothing);
        assert_eq!(one(Context::Text, "x"), Nothing);
        assert_eq!(one(Context::Contents, "<click>"), Does(Action::Open));
        assert_eq!(one(Context::Text, "<click>"), Nothing);
        assert_eq!(one(Context::Help, "<wheel-down>"), Does(Action::ScrollDown));
    }

    #[test]
    fn every_default_key_is_a_key_and_none_is_bound_twice_in_one_context() {
        let mut seen = std::collections::HashSet::new();
        for b in DEFAULT_BINDINGS {
            for k in b.keys {
                assert!(k.parse::<Chord>().is_ok(), "{k} is not a key name");
                assert!(
                    seen.insert((b.context, *k)),
                    "{k} bound twice in {:?}",
                    b.context
                );
            }
        }
    }

    #[test]
    fn hints_name_the_keys_in_use() {
        let rebound = Keymap::with_overrides(&[KeyOverride {
            context: Context::Global,
            chord: "ctrl-s".parse().expect("key"),
            action: Some(Action::OpenSearch),
        }]);
        assert_eq!(
            rebound.fill("{open_search} or {nothing} {", Context::Text),
            "/ or {nothing} {"
        );
        let moved = Keymap::with_overrides(&[
            KeyOverride {
                context: Context::Global,
                chord: "/".parse().expect("key"),
                action: None,
            },
            KeyOverride {
                context: Context::Global,
                chord: "g s".parse().expect("key"),
                action: Some(Action::OpenSearch),
            },
        ]);
        assert_eq!(moved.fill("{open_search}", Context::Text), "g s");
        assert_eq!(
            moved.resolve(Context::Text, &[Key::char('g')]),
            Resolved::Prefix
        );
        assert_eq!(
            moved.resolve(Context::Text, &[Key::plain(Code::Home)]),
            Resolved::Action(Action::Top)
        );
    }
}
