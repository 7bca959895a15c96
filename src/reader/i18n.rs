//! Every string of the interface, in English and Chinese. Key names and action names stay
//! English (they are what the config file and the README use).
//!
//! Strings avoid characters of East Asian Ambiguous width (curly quotes, the ellipsis, the em
//! dash), whose column count differs between terminals; full-width punctuation (，：（）) is
//! always two columns and safe.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

/// Fixed strings of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
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
    ReadingRest,
    PickerTitle,
    NothingToFold,
    OpenFromAList,
    NoShelf,
    ShelfKeys,
    OfficesKeys,
    TrackKeys,
    ShelfSearchHint,
    NotMentioned,
    ReportedNotPlanned,
    NoOffices,
    BookReading,
    ScopeShelf,
    ShelfResultsKeys,
    ShowAnswered,
    ShowNotMentioned,
    ShowNotPlanned,
    OfficeFindHint,
    NoOfficeFound,
}

impl Lang {
    /// `en` or `zh`, by the language.
    #[must_use]
    pub fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Self::En => en,
            Self::Zh => zh,
        }
    }

    /// A fixed string in this language.
    #[must_use]
    pub fn get(self, msg: Phrase) -> &'static str {
        TEXTS
            .iter()
            .find(|(m, _, _)| *m == msg)
            .map_or("", |&(_, en, zh)| self.pick(en, zh))
    }
}

/// Every fixed string: (which, English, Chinese).
const TEXTS: &[(Phrase, &str, &str)] = &[
    (
        Phrase::ReadingReports,
        "(reading the reports...)",
        "（正在读取各篇...）",
    ),
    (Phrase::ReadingOne, "(reading...)", "（读取中...）"),
    (Phrase::NoPlanPart, "(no plan part)", "（无计划部分）"),
    (
        Phrase::PlanProse,
        "(plan prose, no heading)",
        "（计划段落，无标题）",
    ),
    (
        Phrase::HelpTitle,
        "Keys ({down}/{up} scroll, {toggle_help} close)",
        "按键（{down}/{up} 滚动，{toggle_help} 关闭）",
    ),
    (Phrase::Help, "{toggle_help} help", "{toggle_help} 帮助"),
    (
        Phrase::MarksTitle,
        "Marks  ({open} go, {cancel} close)",
        "书签  （{open} 前往，{cancel} 关闭）",
    ),
    (
        Phrase::NoMarks,
        "no marks yet: {set_mark} then a letter sets one",
        "还没有书签：按 {set_mark} 再按一个字母即可设置",
    ),
    (
        Phrase::SearchHint,
        " {prompt_confirm} search, {prompt_cancel} back, {prompt_toggle_regex} regex, {history_older}/{history_newer} history ",
        " {prompt_confirm} 搜索，{prompt_cancel} 返回，{prompt_toggle_regex} 正则，{history_older}/{history_newer} 历史 ",
    ),
    (
        Phrase::Selecting,
        "selecting lines: {down}/{up} extend, {copy_section} copies, {select_lines} or {cancel} cancels",
        "选行中：{down}/{up} 扩展，{copy_section} 复制，{select_lines} 或 {cancel} 取消",
    ),
    (
        Phrase::MouseOn,
        "mouse on: a click opens a contents or plans row, the wheel scrolls ({toggle_mouse}: off)",
        "鼠标已开：点击目录或计划行即打开，滚轮滚动（{toggle_mouse} 关闭）",
    ),
    (Phrase::MouseOff, "mouse off", "鼠标已关"),
    (
        Phrase::EndOnScreen,
        "the end of the compilation is on screen",
        "已显示到汇编末尾",
    ),
    (
        Phrase::NoSearchYet,
        "no search yet: {open_search} to search",
        "还没有搜索：按 {open_search} 搜索",
    ),
    (
        Phrase::CountingForList,
        "counting the hits; the list opens when they are counted ({cancel} stops)",
        "正在统计命中，统计完即打开列表（{cancel} 停止）",
    ),
    (
        Phrase::NoSearchForList,
        "no search yet: {open_search} to search, then {open_results} for the list",
        "还没有搜索：按 {open_search} 搜索，再按 {open_results} 列出结果",
    ),
    (Phrase::OldestJump, "at the oldest jump", "已是最早的跳转"),
    (Phrase::NewestJump, "at the newest jump", "已是最新的跳转"),
    (
        Phrase::NoJumpBack,
        "no jump to go back to",
        "没有可返回的跳转",
    ),
    (
        Phrase::MarkLetters,
        "marks are letters a-z, A-Z",
        "书签须是字母 a-z、A-Z",
    ),
    (
        Phrase::WrappedTop,
        "search wrapped: continuing from the top",
        "搜索已绕回：从开头继续",
    ),
    (
        Phrase::WrappedBottom,
        "search wrapped: continuing from the bottom",
        "搜索已绕回：从末尾继续",
    ),
    (
        Phrase::NothingToCopyYet,
        "nothing to copy yet: the reports are still being read",
        "暂无可复制内容：各篇仍在读取",
    ),
    (Phrase::TitlePage, "(title page)", "（标题页）"),
    (Phrase::ScopeAll, "whole compilation", "整部汇编"),
    (Phrase::ScopePlans, "plan parts only", "仅计划部分"),
    (Phrase::ScopeReport, "current report", "当前篇"),
    (
        Phrase::Osc52Large,
        "; large: some terminals cut OSC 52 short",
        "；内容较大：部分终端会截断 OSC 52",
    ),
    (Phrase::Regex, "(regex)", "（正则）"),
    (
        Phrase::NothingToFold,
        "this report has no headings to fold",
        "本篇没有可折叠的标题",
    ),
    (
        Phrase::OpenFromAList,
        "{open} opens the row selected in the contents ({focus_contents}) or plans ({focus_plans}) pane",
        "{open} 打开目录栏（{focus_contents}）或计划栏（{focus_plans}）中选中的行",
    ),
    (Phrase::PickerTitle, "reports and headings", "篇目和标题"),
    (
        Phrase::NoShelf,
        "one compilation is open: give several files or a folder for a shelf",
        "只打开了一部汇编：给出多个文件或一个文件夹即成书架",
    ),
    (
        Phrase::ShelfKeys,
        "{open} open, {show_offices} offices, {open_search} search all, {toggle_help} help",
        "{open} 打开，{show_offices} 单位，{open_search} 全部搜索，{toggle_help} 帮助",
    ),
    (
        Phrase::OfficesKeys,
        "{open} plans beside next year's review, {open_search} find, {cancel} shelf",
        "{open} 计划与次年回顾对照，{open_search} 查找，{cancel} 书架",
    ),
    (
        Phrase::TrackKeys,
        "{prev_report} {next_report} year, {cycle_scope} show, {copy_section} copy, {open} read, {show_offices} offices",
        "{prev_report} {next_report} 换年，{cycle_scope} 筛选，{copy_section} 复制，{open} 阅读原文，{show_offices} 单位",
    ),
    (
        Phrase::ShelfSearchHint,
        " {prompt_confirm} search every compilation, {prompt_cancel} back, {prompt_toggle_regex} regex ",
        " {prompt_confirm} 搜索全部汇编，{prompt_cancel} 返回，{prompt_toggle_regex} 正则 ",
    ),
    (
        Phrase::NotMentioned,
        "(not mentioned a year later)",
        "（次年未提及）",
    ),
    (
        Phrase::ReportedNotPlanned,
        "Reported, not planned",
        "已回顾，未计划",
    ),
    (
        Phrase::NoOffices,
        "no office is named in the compilations read so far",
        "已读取的汇编中没有可识别的单位",
    ),
    (Phrase::BookReading, "reading...", "读取中..."),
    (Phrase::ScopeShelf, "every compilation", "全部汇编"),
    (Phrase::ShowAnswered, "answered only", "仅已回顾的计划"),
    (
        Phrase::OfficeFindHint,
        " the first office named so; {prompt_confirm} stays, {prompt_cancel} back ",
        " 跳到名称含此文字的第一个单位；{prompt_confirm} 确定，{prompt_cancel} 返回 ",
    ),
    (
        Phrase::NoOfficeFound,
        "no office is named so",
        "没有名称含此文字的单位",
    ),
    (
        Phrase::ShowNotMentioned,
        "not mentioned only",
        "仅次年未提及的计划",
    ),
    (
        Phrase::ShowNotPlanned,
        "reported, not planned only",
        "仅未计划的回顾",
    ),
    (
        Phrase::ShelfResultsKeys,
        "({open} go, {cancel} close)",
        "（{open} 前往，{cancel} 关闭）",
    ),
    (
        Phrase::ReadingRest,
        "the rest of the file is still being read: going there when it is in",
        "文件其余部分仍在读取：读完即前往",
    ),
];

/// The contents pane's header (keys in braces are filled in from the keymap).
#[must_use]
pub fn contents_header(lang: Lang, reports: usize) -> String {
    match lang {
        Lang::En => format!("{{focus_contents}} Contents  {reports} reports"),
        Lang::Zh => format!("{{focus_contents}} 目录  共{reports}篇"),
    }
}

/// The text pane's header.
#[must_use]
pub fn text_header(lang: Lang, report: Option<usize>, reports: usize) -> String {
    match (lang, report) {
        (Lang::En, Some(r)) => format!("{{focus_text}} Text  report {r}/{reports}"),
        (Lang::En, None) => "{focus_text} Text".into(),
        (Lang::Zh, Some(r)) => format!("{{focus_text}} 正文  第{r}/{reports}篇"),
        (Lang::Zh, None) => "{focus_text} 正文".into(),
    }
}

/// The plans pane's header.
#[must_use]
pub fn plans_header(lang: Lang, with: usize, reports: usize) -> String {
    match lang {
        Lang::En => format!("{{focus_plans}} Plans  {with}/{reports} with plans"),
        Lang::Zh => format!("{{focus_plans}} 计划  {with}/{reports}篇有计划"),
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

/// The results list's header: the query (the user's text, put in after the keys of `keys`
/// were filled in, so a query is never read as a key name), the count and scope, and `keys`.
#[must_use]
pub fn results_header(
    lang: Lang,
    query: &str,
    hits: usize,
    scope: &str,
    cap: Option<usize>,
    keys: &str,
) -> String {
    match lang {
        Lang::En => {
            let shown = cap.map_or_else(String::new, |n| format!(", first {n} listed"));
            format!("/{query}: {hits} hits in {scope}{shown}  {keys}")
        }
        Lang::Zh => {
            let shown = cap.map_or_else(String::new, |n| format!("，列出前{n}个"));
            format!("/{query}：{scope}中{hits}处{shown}  {keys}")
        }
    }
}

/// The results list's keys, to be filled in from the keymap.
#[must_use]
pub fn results_keys(lang: Lang) -> &'static str {
    lang.pick(
        "({open} go, {cycle_scope} scope, {cancel} close)",
        "（{open} 前往，{cycle_scope} 范围，{cancel} 关闭）",
    )
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
pub fn copy_failed(
    lang: Lang,
    error: &str,
    tried: crate::reader::settings::ClipboardMethod,
) -> String {
    use crate::reader::settings::ClipboardMethod as Method;
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

/// A book asked for before it is read.
#[must_use]
pub fn book_waiting(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name} is still being read: it opens when it is in"),
        Lang::Zh => format!("{name} 仍在读取：读完即打开"),
    }
}

/// A search of the whole shelf started.
#[must_use]
pub fn searching_shelf(lang: Lang, books: usize) -> String {
    match lang {
        Lang::En => format!("searching {books} compilations..."),
        Lang::Zh => format!("正在搜索 {books} 部汇编..."),
    }
}

/// `n` went on to the next compilation with hits.
#[must_use]
pub fn crossed_to(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("search goes on in {name}"),
        Lang::Zh => format!("搜索转到 {name}"),
    }
}

/// The shelf's header.
#[must_use]
pub fn shelf_header(lang: Lang, books: usize, reading: usize) -> String {
    match (lang, reading) {
        (Lang::En, 0) => format!("Shelf  {books} compilations"),
        (Lang::En, _) => format!("Shelf  {books} compilations ({reading} being read)"),
        (Lang::Zh, 0) => format!("书架  {books} 部汇编"),
        (Lang::Zh, _) => format!("书架  {books} 部汇编（{reading} 部读取中）"),
    }
}

/// A row of the shelf: its figures.
#[must_use]
pub fn shelf_figures(lang: Lang, reports: usize, with_plans: usize) -> String {
    match lang {
        Lang::En => format!("{reports} reports, {with_plans} with plans"),
        Lang::Zh => format!("{reports} 篇，{with_plans} 篇有计划"),
    }
}

/// The offices list's header.
#[must_use]
pub fn offices_header(lang: Lang, offices: usize, reading: usize) -> String {
    match (lang, reading) {
        (Lang::En, 0) => format!("Offices  {offices}"),
        (Lang::En, _) => format!("Offices  {offices} (so far: {reading} compilations being read)"),
        (Lang::Zh, 0) => format!("单位  {offices} 个"),
        (Lang::Zh, _) => format!("单位  {offices} 个（尚有 {reading} 部汇编在读取）"),
    }
}

/// An office's row: its years and how many can be compared.
#[must_use]
pub fn office_years(lang: Lang, first: u32, last: u32, comparable: usize) -> String {
    let span = if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    };
    match lang {
        Lang::En => format!("{span}, {comparable} years comparable"),
        Lang::Zh => format!("{span}，{comparable} 年可对照"),
    }
}

/// The track view's column headings.
#[must_use]
pub fn track_columns(lang: Lang, year: u32) -> (String, String) {
    match lang {
        Lang::En => (
            format!("Planned for {year}"),
            format!("Reported of {year} a year later"),
        ),
        Lang::Zh => (format!("{year}年计划"), format!("次年对{year}年的回顾")),
    }
}

/// The track view's header line.
#[must_use]
pub fn track_header(lang: Lang, office: &str, year: u32, at: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("{office}  {year}  (year {at} of {of})"),
        Lang::Zh => format!("{office}  {year}年  （第 {at}/{of} 年）"),
    }
}

/// A year of the track view with one side missing.
#[must_use]
pub fn track_missing(lang: Lang, year: u32, plan: bool) -> String {
    match (lang, plan) {
        (Lang::En, true) => {
            format!("no review of {year} on the shelf: add the next year's compilation")
        }
        (Lang::En, false) => {
            format!("no plan for {year} on the shelf: add the year before's compilation")
        }
        (Lang::Zh, true) => format!("书架上没有对{year}年的回顾：请加入次年的汇编"),
        (Lang::Zh, false) => format!("书架上没有{year}年的计划：请加入上一年的汇编"),
    }
}

/// The shelf's column headings.
#[must_use]
pub fn shelf_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["reviews", "title", "reports", "encoding", "size", "file"],
        Lang::Zh => ["回顾年份", "标题", "篇数", "编码", "大小", "文件"],
    }
}

/// How much of a year's plan the next year's review answers.
#[must_use]
pub fn track_tally(lang: Lang, answered: usize, planned: usize, not_planned: usize) -> String {
    match lang {
        Lang::En => format!("{answered}/{planned} planned answered, {not_planned} not planned"),
        Lang::Zh => format!("{answered}/{planned} 句计划有回顾，{not_planned} 句未计划"),
    }
}
