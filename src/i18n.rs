//! Every string of the interface, in English and Chinese. Key names and action names stay
//! English (they are what the config file and the README use).
//!
//! Strings avoid characters of East Asian Ambiguous width (curly quotes, the ellipsis, the em
//! dash), whose column count differs between terminals; full-width punctuation (，：（）) is
//! always two columns and safe.

use crate::action::Action;
use crate::keymap::Context;

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
        Lang::En => format!("config not used (defaults in use): {problem}"),
        Lang::Zh => format!("配置文件未采用（使用默认设置）：{problem}"),
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

/// The text has no recognisable report boundary.
#[must_use]
pub fn whole_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "no report boundary recognised: shown as one document (contents: its numbered headings)"
        }
        Lang::Zh => "未识别出分篇：按一篇文档显示（目录栏列出其编号标题）",
    }
}

/// The reading position could not be saved (said on stderr after the reader closed).
#[must_use]
pub fn state_not_saved(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    let reason = match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    };
    match lang {
        Lang::En => format!(
            "the reading position was not saved: {}: {reason}",
            path.display()
        ),
        Lang::Zh => format!("阅读位置未能保存：{}：{reason}", path.display()),
    }
}

/// `text` with every `{action_name}` replaced by the key bound to that action in `context`
/// (reverse lookup in the live keymap), so hints and messages name the user's keys.
///
/// ```
/// use huibian::keymap::{Context, Keymap};
/// let keys = Keymap::default();
/// assert_eq!(huibian::i18n::keyed("{open_search} to search", &keys, Context::Global), "/ to search");
/// ```
#[must_use]
pub fn keyed(text: &str, keymap: &crate::keymap::Keymap, context: Context) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match Action::from_name(name) {
                    Some(action) => {
                        out.push_str(keymap.key_for(context, action).unwrap_or("(unbound)"));
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What each default binding does, per context: (context, action, English, Chinese).
const DESCRIPTIONS: &[(Context, Action, &str, &str)] = &[
    (Context::Global, Action::Quit, "quit", "退出"),
    (
        Context::Global,
        Action::Suspend,
        "suspend to the shell (fg resumes)",
        "挂起回到命令行（fg 恢复）",
    ),
    (
        Context::Global,
        Action::ToggleHelp,
        "show or hide this help",
        "显示或隐藏本帮助",
    ),
    (
        Context::Global,
        Action::Cancel,
        "close the overlay, clear the message",
        "关闭浮层，清除消息",
    ),
    (
        Context::Global,
        Action::FocusNext,
        "focus the next pane",
        "焦点移到下一栏",
    ),
    (
        Context::Global,
        Action::FocusPrev,
        "focus the previous pane",
        "焦点移到上一栏",
    ),
    (
        Context::Global,
        Action::FocusContents,
        "focus the contents pane",
        "焦点移到目录栏",
    ),
    (
        Context::Global,
        Action::FocusText,
        "focus the text pane",
        "焦点移到正文栏",
    ),
    (
        Context::Global,
        Action::FocusPlans,
        "focus the plans pane",
        "焦点移到计划栏",
    ),
    (
        Context::Global,
        Action::Down,
        "down one line or row",
        "向下一行",
    ),
    (
        Context::Global,
        Action::Up,
        "up one line or row",
        "向上一行",
    ),
    (
        Context::Global,
        Action::PageDown,
        "down one page",
        "向下一页",
    ),
    (Context::Global, Action::PageUp, "up one page", "向上一页"),
    (
        Context::Global,
        Action::HalfPageDown,
        "down half a page",
        "向下半页",
    ),
    (
        Context::Global,
        Action::HalfPageUp,
        "up half a page",
        "向上半页",
    ),
    (Context::Global, Action::Top, "to the start", "到开头"),
    (Context::Global, Action::Bottom, "to the end", "到结尾"),
    (Context::Global, Action::NextReport, "next report", "下一篇"),
    (
        Context::Global,
        Action::PrevReport,
        "previous report (or the start of this one)",
        "上一篇（或本篇开头）",
    ),
    (
        Context::Global,
        Action::NextHeading,
        "next heading",
        "下一个标题",
    ),
    (
        Context::Global,
        Action::PrevHeading,
        "previous heading",
        "上一个标题",
    ),
    (
        Context::Global,
        Action::NextPlan,
        "next plan part",
        "下一个计划部分",
    ),
    (
        Context::Global,
        Action::PrevPlan,
        "previous plan part",
        "上一个计划部分",
    ),
    (
        Context::Global,
        Action::Open,
        "jump to the selected entry in the text",
        "在正文中跳到所选条目",
    ),
    (
        Context::Global,
        Action::TogglePlans,
        "show or hide the plans pane (narrow: switch to it and back)",
        "显示或隐藏计划栏（窄屏：切换到计划栏或返回）",
    ),
    (
        Context::Global,
        Action::CycleTheme,
        "next theme (default, light, mono)",
        "换下一个主题（default、light、mono）",
    ),
    (
        Context::Global,
        Action::ToggleMouse,
        "mouse clicks and wheel on or off",
        "开关鼠标点击和滚轮",
    ),
    (
        Context::Global,
        Action::OpenSearch,
        "search the whole compilation",
        "搜索整部汇编",
    ),
    (
        Context::Global,
        Action::NextHit,
        "next search hit (wraps around)",
        "下一个搜索结果（循环）",
    ),
    (
        Context::Global,
        Action::PrevHit,
        "previous search hit (wraps around)",
        "上一个搜索结果（循环）",
    ),
    (
        Context::Global,
        Action::OpenJump,
        "jump: a line (120), a percentage (50%), a report or heading by name",
        "跳转：行号（120）、百分比（50%）、篇名或标题",
    ),
    (
        Context::Global,
        Action::JumpBack,
        "back to where the last jump started",
        "回到上次跳转的起点",
    ),
    (
        Context::Global,
        Action::JumpForward,
        "forward again (most terminals send ctrl-i as tab: use ctrl-n)",
        "再向前（多数终端把 ctrl-i 当作 tab：请用 ctrl-n）",
    ),
    (
        Context::Global,
        Action::SetMark,
        "set a mark: m then a letter",
        "设书签：m 再按一个字母",
    ),
    (
        Context::Global,
        Action::GoMark,
        "go to a mark: ' then a letter ('' back to before the last jump)",
        "到书签：' 再按一个字母（'' 回到上次跳转前）",
    ),
    (
        Context::Contents,
        Action::Fold,
        "fold the report (or go up to it)",
        "折叠本篇（或回到篇名）",
    ),
    (
        Context::Contents,
        Action::Unfold,
        "unfold the report",
        "展开本篇",
    ),
    (
        Context::Contents,
        Action::ToggleFold,
        "fold or unfold the report",
        "折叠或展开本篇",
    ),
    (
        Context::Help,
        Action::ToggleHelp,
        "close the help",
        "关闭帮助",
    ),
    (
        Context::Prompt,
        Action::PromptConfirm,
        "search, or jump to the line or the selected row",
        "搜索，或跳到该行或所选行",
    ),
    (
        Context::Prompt,
        Action::PromptCancel,
        "close and go back to where it opened",
        "关闭并回到打开时的位置",
    ),
    (
        Context::Prompt,
        Action::PromptToggleRegex,
        "search: literal or regular expression",
        "搜索：字面或正则表达式",
    ),
    (
        Context::Prompt,
        Action::HistoryOlder,
        "older search (jump: the row above)",
        "更早的搜索（跳转：上一行）",
    ),
    (
        Context::Prompt,
        Action::HistoryNewer,
        "newer search (jump: the row below)",
        "更新的搜索（跳转：下一行）",
    ),
    (
        Context::Global,
        Action::CopySection,
        "copy the section here (plans pane: the plan block; or the selected lines)",
        "复制此处的一节（计划栏：该篇计划；或所选的行）",
    ),
    (
        Context::Global,
        Action::CopyReport,
        "copy the whole report",
        "复制整篇",
    ),
    (
        Context::Global,
        Action::CopyPlan,
        "copy the report's plan part",
        "复制本篇的计划部分",
    ),
    (
        Context::Global,
        Action::CopyAllPlans,
        "copy every report's plan part",
        "复制每篇的计划部分",
    ),
    (
        Context::Text,
        Action::SelectLines,
        "select lines from the reading line (j/k extend, y copies)",
        "从阅读行开始选行（j/k 扩展，y 复制）",
    ),
    (
        Context::Global,
        Action::OpenResults,
        "list every search hit by report and section",
        "按篇和节列出全部搜索结果",
    ),
    (
        Context::Global,
        Action::ListMarks,
        "list the marks",
        "列出书签",
    ),
    (
        Context::List,
        Action::Open,
        "go to the selected hit or mark",
        "到所选的结果或书签",
    ),
    (
        Context::List,
        Action::CycleScope,
        "results: all, plan parts only, current report",
        "结果范围：全部、仅计划部分、当前篇",
    ),
    (Context::List, Action::Cancel, "close the list", "关闭列表"),
];

/// The description of `action` in `context` (else anywhere) in the help overlay and README.
#[must_use]
pub fn describe(lang: Lang, context: Context, action: Action) -> &'static str {
    DESCRIPTIONS
        .iter()
        .find(|d| d.0 == context && d.1 == action)
        .or_else(|| DESCRIPTIONS.iter().find(|d| d.1 == action))
        .map_or_else(|| action.name(), |d| lang.pick(d.2, d.3))
}

/// The heading of a context in the help overlay and the README.
#[must_use]
pub fn context_title(lang: Lang, context: Context) -> &'static str {
    let (en, zh) = match context {
        Context::Global => ("Everywhere", "各处"),
        Context::Contents => ("Contents pane", "目录栏"),
        Context::Text => ("Text pane", "正文栏"),
        Context::Plans => ("Plans pane", "计划栏"),
        Context::Help => ("Help", "帮助"),
        Context::Prompt => ("Search and jump prompts", "搜索和跳转输入框"),
        Context::List => ("Results and marks lists", "结果和书签列表"),
    };
    lang.pick(en, zh)
}

/// Fixed strings of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    ReadingReports,
    ReadingOne,
    NoPlanPart,
    PlanProse,
    HelpTitle,
    Help,
    MarksTitle,
    NoMarks,
    SearchHint,
    Selecting,
    MouseOn,
    MouseOff,
    EndOnScreen,
    NoSearchYet,
    NoSearchForList,
    CountingForList,
    OldestJump,
    NewestJump,
    NoJumpBack,
    MarkLetters,
    WrappedTop,
    WrappedBottom,
    NothingToCopyYet,
    TitlePage,
    ScopeAll,
    ScopePlans,
    ScopeReport,
    Osc52Large,
    Regex,
}

impl Lang {
    fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Self::En => en,
            Self::Zh => zh,
        }
    }

    /// A fixed string in this language.
    #[must_use]
    pub fn get(self, msg: Msg) -> &'static str {
        let (en, zh) = match msg {
            Msg::ReadingReports => ("(reading the reports...)", "（正在读取各篇...）"),
            Msg::ReadingOne => ("(reading...)", "（读取中...）"),
            Msg::NoPlanPart => ("(no plan part)", "（无计划部分）"),
            Msg::PlanProse => ("(plan prose, no heading)", "（计划段落，无标题）"),
            Msg::HelpTitle => (
                "Keys ({down}/{up} scroll, {toggle_help} close)",
                "按键（{down}/{up} 滚动，{toggle_help} 关闭）",
            ),
            Msg::Help => ("{toggle_help} help", "{toggle_help} 帮助"),
            Msg::MarksTitle => (
                "Marks  ({open} go, {cancel} close)",
                "书签  （{open} 前往，{cancel} 关闭）",
            ),
            Msg::NoMarks => (
                "no marks yet: {set_mark} then a letter sets one",
                "还没有书签：按 {set_mark} 再按一个字母即可设置",
            ),
            Msg::SearchHint => (
                " {prompt_confirm} search, {prompt_cancel} back, {prompt_toggle_regex} regex, {history_older}/{history_newer} history ",
                " {prompt_confirm} 搜索，{prompt_cancel} 返回，{prompt_toggle_regex} 正则，{history_older}/{history_newer} 历史 ",
            ),
            Msg::Selecting => (
                "selecting lines: {down}/{up} extend, {copy_section} copies, {select_lines} or {cancel} cancels",
                "选行中：{down}/{up} 扩展，{copy_section} 复制，{select_lines} 或 {cancel} 取消",
            ),
            Msg::MouseOn => (
                "mouse on: click to focus, wheel to scroll (M: off)",
                "鼠标已开：点击切换焦点，滚轮滚动（M 关闭）",
            ),
            Msg::MouseOff => ("mouse off", "鼠标已关"),
            Msg::EndOnScreen => (
                "the end of the compilation is on screen",
                "已显示到汇编末尾",
            ),
            Msg::NoSearchYet => (
                "no search yet: {open_search} to search",
                "还没有搜索：按 {open_search} 搜索",
            ),
            Msg::CountingForList => (
                "counting the hits; the list opens when they are counted ({cancel} stops)",
                "正在统计命中，统计完即打开列表（{cancel} 停止）",
            ),
            Msg::NoSearchForList => (
                "no search yet: {open_search} to search, then {open_results} for the list",
                "还没有搜索：按 {open_search} 搜索，再按 {open_results} 列出结果",
            ),
            Msg::OldestJump => ("at the oldest jump", "已是最早的跳转"),
            Msg::NewestJump => ("at the newest jump", "已是最新的跳转"),
            Msg::NoJumpBack => ("no jump to go back to", "没有可返回的跳转"),
            Msg::MarkLetters => ("marks are letters a-z, A-Z", "书签须是字母 a-z、A-Z"),
            Msg::WrappedTop => (
                "search wrapped: continuing from the top",
                "搜索已绕回：从开头继续",
            ),
            Msg::WrappedBottom => (
                "search wrapped: continuing from the bottom",
                "搜索已绕回：从末尾继续",
            ),
            Msg::NothingToCopyYet => (
                "nothing to copy yet: the reports are still being read",
                "暂无可复制内容：各篇仍在读取",
            ),
            Msg::TitlePage => ("(title page)", "（标题页）"),
            Msg::ScopeAll => ("whole compilation", "整部汇编"),
            Msg::ScopePlans => ("plan parts only", "仅计划部分"),
            Msg::ScopeReport => ("current report", "当前篇"),
            Msg::Osc52Large => (
                "; large: some terminals cut OSC 52 short",
                "；内容较大：部分终端会截断 OSC 52",
            ),
            Msg::Regex => ("(regex)", "（正则）"),
        };
        self.pick(en, zh)
    }
}

/// The contents pane's header.
#[must_use]
pub fn contents_header(lang: Lang, reports: usize) -> String {
    match lang {
        Lang::En => format!("1 Contents  {reports} reports"),
        Lang::Zh => format!("1 目录  共{reports}篇"),
    }
}

/// The text pane's header.
#[must_use]
pub fn text_header(lang: Lang, report: Option<usize>, reports: usize) -> String {
    match (lang, report) {
        (Lang::En, Some(r)) => format!("2 Text  report {r}/{reports}"),
        (Lang::En, None) => "2 Text".into(),
        (Lang::Zh, Some(r)) => format!("2 正文  第{r}/{reports}篇"),
        (Lang::Zh, None) => "2 正文".into(),
    }
}

/// The plans pane's header.
#[must_use]
pub fn plans_header(lang: Lang, with: usize, reports: usize) -> String {
    match lang {
        Lang::En => format!("3 Plans  {with}/{reports} with plans"),
        Lang::Zh => format!("3 计划  {with}/{reports}篇有计划"),
    }
}

/// `parsing N%` in the status line.
#[must_use]
pub fn parsing(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::En => format!(" parsing {percent}% |"),
        Lang::Zh => format!(" 解析中 {percent}% |"),
    }
}

/// The results list's header.
#[must_use]
pub fn results_header(
    lang: Lang,
    query: &str,
    hits: usize,
    scope: &str,
    cap: Option<usize>,
) -> String {
    match lang {
        Lang::En => {
            let shown = cap.map_or_else(String::new, |n| format!(", first {n} listed"));
            format!(
                "/{query}: {hits} hits in {scope}{shown}  ({{open}} go, {{cycle_scope}} scope, {{cancel}} close)"
            )
        }
        Lang::Zh => {
            let shown = cap.map_or_else(String::new, |n| format!("，列出前{n}个"));
            format!(
                "/{query}：{scope}中{hits}处{shown}  （{{open}} 前往，{{cycle_scope}} 范围，{{cancel}} 关闭）"
            )
        }
    }
}

/// The jump picker's hint.
#[must_use]
pub fn jump_hint(lang: Lang, matches: usize) -> String {
    match lang {
        Lang::En => format!(" {matches} matches, {{prompt_confirm}} jump, {{prompt_cancel}} back "),
        Lang::Zh => format!(" {matches}个匹配，{{prompt_confirm}} 跳转，{{prompt_cancel}} 返回 "),
    }
}

/// `theme: NAME`.
#[must_use]
pub fn theme_is(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("theme: {name}"),
        Lang::Zh => format!("主题：{name}"),
    }
}

/// What `]`, `}`, `)` and their reverses found nothing of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Report,
    PlanPart,
    Heading,
}

/// `no report after this point` and the like.
#[must_use]
pub fn no_stop(lang: Lang, stop: Stop, forward: bool) -> String {
    match lang {
        Lang::En => {
            let what = match stop {
                Stop::Report => "report",
                Stop::PlanPart => "plan part",
                Stop::Heading => "heading",
            };
            let direction = if forward { "after" } else { "before" };
            format!("no {what} {direction} this point")
        }
        Lang::Zh => {
            let what = match stop {
                Stop::Report => "篇",
                Stop::PlanPart => "计划部分",
                Stop::Heading => "标题",
            };
            let direction = if forward { "之后" } else { "之前" };
            format!("此处{direction}没有{what}了")
        }
    }
}

/// The label of a copy of every plan part.
#[must_use]
pub fn plan_parts(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} plan parts"),
        Lang::Zh => format!("{n}个计划部分"),
    }
}

/// A report without a plan part.
#[must_use]
pub fn has_no_plan(lang: Lang, title: &str) -> String {
    match lang {
        Lang::En => format!("《{title}》 has no plan part"),
        Lang::Zh => format!("《{title}》没有计划部分"),
    }
}

/// `copied X (N chars, method)`: ASCII punctuation, so the status line's width is the same in
/// every terminal (`·` is East Asian Ambiguous).
#[must_use]
pub fn copied(lang: Lang, label: &str, chars: &str, method: &str) -> String {
    match lang {
        Lang::En => format!("copied {label} ({chars} chars, {method})"),
        Lang::Zh => format!("已复制 {label}（{chars}字，{method}）"),
    }
}

/// A copy that failed.
#[must_use]
pub fn copy_failed(lang: Lang, error: &str, tried: crate::clipboard::Method) -> String {
    use crate::clipboard::Method;
    // Suggest only the ways not already tried.
    let others = match tried {
        Method::Tmux => "osc52",
        Method::Osc52 => "tmux / system",
        Method::System => "osc52 / tmux",
        Method::Auto => "osc52",
    };
    match lang {
        Lang::En => format!("copy failed ({error}): try --clipboard {others}"),
        Lang::Zh => format!("复制失败（{error}）：可试 --clipboard {others}"),
    }
}

/// A search with no hit.
#[must_use]
pub fn not_found(lang: Lang, query: &str) -> String {
    match lang {
        Lang::En => format!("not found: {query}"),
        Lang::Zh => format!("未找到：{query}"),
    }
}

/// A `:` jump that matched nothing.
#[must_use]
pub fn nothing_matches(lang: Lang, query: &str) -> String {
    match lang {
        Lang::En => format!("nothing matches {query:?}"),
        Lang::Zh => format!("没有匹配「{query}」的"),
    }
}

/// `mark a set`.
#[must_use]
pub fn mark_set(lang: Lang, mark: char) -> String {
    match lang {
        Lang::En => format!("mark {mark} set"),
        Lang::Zh => format!("已设书签 {mark}"),
    }
}

/// `mark a is not set`.
#[must_use]
pub fn mark_unset(lang: Lang, mark: char) -> String {
    match lang {
        Lang::En => format!("mark {mark} is not set"),
        Lang::Zh => format!("书签 {mark} 未设置"),
    }
}

/// The background parse failed.
#[must_use]
pub fn whole_file_failed(lang: Lang, error: &str) -> String {
    match lang {
        Lang::En => format!("could not read the whole file: {error}"),
        Lang::Zh => format!("无法读取整个文件：{error}"),
    }
}
