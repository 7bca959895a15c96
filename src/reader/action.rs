//! Every user intent, named once. Keys, the help overlay and tests all speak in `Action`s, and
//! `App::update` is the only place that acts on them.

/// A user intent. Movement actions apply to the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Down one line (text) or one row (contents, plans, help).
    Down,
    /// Up one line or row.
    Up,
    /// Down three lines or rows (the mouse wheel).
    ScrollDown,
    /// Up three lines or rows (the mouse wheel).
    ScrollUp,
    /// Down one page.
    PageDown,
    /// Up one page.
    PageUp,
    /// Down half a page.
    HalfPageDown,
    /// Up half a page.
    HalfPageUp,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Fold the selected report in the contents tree (or go to its report row).
    Fold,
    /// Unfold the selected report in the contents tree.
    Unfold,
    /// Fold or unfold the selected report.
    ToggleFold,
    /// Jump to what is selected in the contents or plans pane.
    Open,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the contents pane.
    FocusContents,
    /// Focus the text pane.
    FocusText,
    /// Focus the plans pane.
    FocusPlans,
    /// To the next report's title.
    NextReport,
    /// To the previous report's title (or this one's, from inside it).
    PrevReport,
    /// To the next heading or report title.
    NextHeading,
    /// To the previous heading or report title.
    PrevHeading,
    /// To the next plan part.
    NextPlan,
    /// To the previous plan part.
    PrevPlan,
    /// Show or hide the plans pane.
    TogglePlans,
    /// Switch to the next theme.
    CycleTheme,
    /// Turn mouse clicks and wheel on or off.
    ToggleMouse,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close the overlay or clear the message.
    Cancel,
    /// Leave huibian.
    Quit,
    /// Stop huibian and go back to the shell (`fg` resumes it), as `less` and vim do.
    Suspend,
    /// Open the search prompt.
    OpenSearch,
    /// Open the jump prompt (line, percentage, or a report or heading by name).
    OpenJump,
    /// To the next search hit.
    NextHit,
    /// To the previous search hit.
    PrevHit,
    /// Back through the jump list.
    JumpBack,
    /// Forward through the jump list.
    JumpForward,
    /// Set a mark: the next key names it.
    SetMark,
    /// Go to a mark: the next key names it (`'` for before the last jump).
    GoMark,
    /// Prompt: search or jump.
    PromptConfirm,
    /// Prompt: close it and go back to where it opened.
    PromptCancel,
    /// Copy the section at the reading position (in the plans pane: the selected plan block),
    /// or the selected lines.
    CopySection,
    /// Copy the report at the reading position.
    CopyReport,
    /// Copy the current report's plan part.
    CopyPlan,
    /// Copy every report's plan part.
    CopyAllPlans,
    /// Start (or cancel) a line selection in the text.
    SelectLines,
    /// The search results list.
    OpenResults,
    /// The marks list.
    ListMarks,
    /// Results list: whole compilation, plan parts only, current report.
    CycleScope,
    /// Search prompt: literal or regular expression.
    PromptToggleRegex,
    /// Prompt: older history entry (or the picker's row above).
    HistoryOlder,
    /// Prompt: newer history entry (or the picker's row below).
    HistoryNewer,
    /// Back to the shelf of compilations (when several are open).
    ShowShelf,
    /// The offices found across the shelf, each with its plans beside what it reported a year
    /// later.
    ShowOffices,
}

/// Every action with its name in config files (`[keys.normal] "ctrl-n" = "next_report"`).
pub const NAMES: &[(Action, &str)] = &[
    (Action::Down, "down"),
    (Action::Up, "up"),
    (Action::ScrollDown, "scroll_down"),
    (Action::ScrollUp, "scroll_up"),
    (Action::PageDown, "page_down"),
    (Action::PageUp, "page_up"),
    (Action::HalfPageDown, "half_page_down"),
    (Action::HalfPageUp, "half_page_up"),
    (Action::Top, "top"),
    (Action::Bottom, "bottom"),
    (Action::Fold, "fold"),
    (Action::Unfold, "unfold"),
    (Action::ToggleFold, "toggle_fold"),
    (Action::Open, "open"),
    (Action::FocusNext, "focus_next"),
    (Action::FocusPrev, "focus_prev"),
    (Action::FocusContents, "focus_contents"),
    (Action::FocusText, "focus_text"),
    (Action::FocusPlans, "focus_plans"),
    (Action::NextReport, "next_report"),
    (Action::PrevReport, "prev_report"),
    (Action::NextHeading, "next_heading"),
    (Action::PrevHeading, "prev_heading"),
    (Action::NextPlan, "next_plan"),
    (Action::PrevPlan, "prev_plan"),
    (Action::TogglePlans, "toggle_plans"),
    (Action::CycleTheme, "cycle_theme"),
    (Action::ToggleMouse, "toggle_mouse"),
    (Action::ToggleHelp, "toggle_help"),
    (Action::Cancel, "cancel"),
    (Action::Quit, "quit"),
    (Action::Suspend, "suspend"),
    (Action::OpenSearch, "open_search"),
    (Action::OpenJump, "open_jump"),
    (Action::NextHit, "next_hit"),
    (Action::PrevHit, "prev_hit"),
    (Action::JumpBack, "jump_back"),
    (Action::JumpForward, "jump_forward"),
    (Action::SetMark, "set_mark"),
    (Action::GoMark, "go_mark"),
    (Action::PromptConfirm, "prompt_confirm"),
    (Action::PromptCancel, "prompt_cancel"),
    (Action::CopySection, "copy_section"),
    (Action::CopyReport, "copy_report"),
    (Action::CopyPlan, "copy_plan"),
    (Action::CopyAllPlans, "copy_all_plans"),
    (Action::SelectLines, "select_lines"),
    (Action::OpenResults, "open_results"),
    (Action::ListMarks, "list_marks"),
    (Action::CycleScope, "cycle_scope"),
    (Action::PromptToggleRegex, "prompt_toggle_regex"),
    (Action::HistoryOlder, "history_older"),
    (Action::HistoryNewer, "history_newer"),
    (Action::ShowShelf, "show_shelf"),
    (Action::ShowOffices, "show_offices"),
];

impl Action {
    /// The action's name in config files, snake_case.
    #[must_use]
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, n)| n)
    }

    /// The action a config file names.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    /// Whether the action only moves (a line, a page, to an end): the keys that also work
    /// inside the help overlay and the lists.
    /// Jumps through the outline: reports, headings, plan parts.
    #[must_use]
    pub fn is_navigation(self) -> bool {
        matches!(
            self,
            Self::NextReport
                | Self::PrevReport
                | Self::NextHeading
                | Self::PrevHeading
                | Self::NextPlan
                | Self::PrevPlan
        )
    }

    #[must_use]
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Self::Down
                | Self::Up
                | Self::ScrollDown
                | Self::ScrollUp
                | Self::PageDown
                | Self::PageUp
                | Self::Top
                | Self::Bottom
                | Self::HalfPageDown
                | Self::HalfPageUp
        )
    }
}
