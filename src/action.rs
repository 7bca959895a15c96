//! Every user intent, named once. Keys, the help overlay and tests all speak in `Action`s, and
//! `App::update` is the only place that acts on them.

/// A user intent. Movement actions apply to the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Down one line (text) or one row (contents, plans, help).
    Down,
    /// Up one line or row.
    Up,
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
}

impl Action {
    /// Whether the action only moves (a line, a page, to an end): the keys that also work
    /// inside the help overlay and the lists.
    #[must_use]
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Self::Down
                | Self::Up
                | Self::PageDown
                | Self::PageUp
                | Self::Top
                | Self::Bottom
                | Self::HalfPageDown
                | Self::HalfPageUp
        )
    }
}
