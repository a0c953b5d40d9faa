//! Every piece of interface text, in one catalogue. Components take their words from
//! here (or from the instrument data), so adding a language touches no component.

use rapport_core::code::CodeError;
use rapport_core::exchange::ImportError;
use rapport_core::scoring::display;
use rapport_core::store::ReadError;
use rapport_core::Band;

pub struct Catalogue {
    /// BCP 47 tag for dates.
    pub locale: &'static str,
    pub brand: &'static str,
    pub skip_to_content: &'static str,
    pub nav_history: &'static str,
    pub footer_privacy: &'static str,
    pub dismiss: &'static str,

    pub welcome_intro: &'static str,
    pub welcome_duration: fn(statements: usize) -> String,
    pub welcome_privacy: &'static str,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub start: &'static str,
    pub continue_check: &'static str,
    pub start_over: &'static str,
    pub confirm_start_over: fn(answered: usize) -> String,
    pub confirm_start_over_yes: &'static str,
    pub unfinished: fn(answered: usize, total: usize) -> String,
    pub see_history: &'static str,
    pub latest_result: fn(score: &str, date: &str) -> String,
    pub open_latest: &'static str,

    pub step_of: fn(step: usize, total: usize) -> String,
    /// Read before the dimension name by screen readers.
    pub step_heading: fn(step_of: &str) -> String,
    pub progress_label: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub see_results: &'static str,
    pub missing: fn(count: usize) -> String,
    pub needs_answer: &'static str,

    pub results_title: &'static str,
    pub overall: &'static str,
    pub out_of_five: fn(score: &str) -> String,
    pub out_of_hundred: fn(percent: u8) -> String,
    pub band_scale: &'static str,
    pub not_enough_answers: &'static str,
    /// Stands where a dimension has no score.
    pub no_score: &'static str,
    pub not_enough_overall: &'static str,
    pub strongest: &'static str,
    pub weakest: &'static str,
    pub chart_title: &'static str,
    pub chart_description: &'static str,
    pub table_caption: &'static str,
    pub col_dimension: &'static str,
    pub col_score: &'static str,
    pub col_band: &'static str,
    pub col_change: &'static str,
    pub change_since: fn(date: &str) -> String,
    pub arrow_up: &'static str,
    pub arrow_down: &'static str,
    pub change_up: &'static str,
    pub change_down: &'static str,
    pub no_change: &'static str,
    pub no_comparison: &'static str,
    pub next_steps: &'static str,
    pub next_steps_intro: &'static str,
    pub keep_it_up: &'static str,
    pub not_enough_advice: &'static str,
    pub finished_on: fn(date: &str) -> String,
    pub partnership: fn(name: &str) -> String,
    pub print_report: &'static str,
    pub take_again: &'static str,
    pub result_missing: &'static str,

    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_intro: &'static str,
    pub unnamed_partnership: &'static str,
    pub open: &'static str,
    pub delete: &'static str,
    pub open_check: fn(name: &str, date: &str) -> String,
    pub delete_check: fn(name: &str, date: &str) -> String,
    pub confirm_delete: fn(date: &str) -> String,
    pub confirm_delete_yes: &'static str,
    pub keep: &'static str,
    pub delete_all: &'static str,
    pub confirm_delete_all: &'static str,
    pub confirm_delete_all_yes: &'static str,
    pub cancel: &'static str,
    pub deleted_all: &'static str,
    pub delete_failed: &'static str,
    pub new_check: &'static str,

    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub unreadable_draft: &'static str,
    pub unreadable_history: &'static str,
    pub unreadable_kept: fn(why: &str, key: &str) -> String,
    pub unreadable_untouched: fn(why: &str) -> String,
    pub instrument_broken: fn(problem: &str) -> String,

    pub nav_compare: &'static str,
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub include_name: &'static str,
    pub code_label: &'static str,
    pub link_label: &'static str,
    pub copy_code: &'static str,
    pub copy_link: &'static str,
    pub code_copied: &'static str,
    pub link_copied: &'static str,
    pub select_to_copy: &'static str,
    pub download_json: &'static str,
    pub download_csv: &'static str,
    pub download_all_json: &'static str,
    pub download_all_csv: &'static str,
    pub import_file: &'static str,
    pub import_hint: &'static str,
    pub imported: fn(file: &str, added: usize, already: usize) -> String,
    pub import_failed: fn(file: &str, why: &str) -> String,
    pub csv_header: [&'static str; 6],
    pub csv_summary: &'static str,

    pub shared_title: &'static str,
    pub shared_intro: &'static str,
    pub compare_with_mine: &'static str,
    pub save_shared: &'static str,
    pub saved: &'static str,
    pub already_saved: &'static str,
    pub received_on: fn(date: &str) -> String,

    pub compare_title: &'static str,
    pub compare_intro: &'static str,
    pub codes_label: &'static str,
    pub codes_hint: &'static str,
    pub pick_legend: &'static str,
    pub compare_submit: &'static str,
    pub problems_heading: &'static str,
    pub line_problem: fn(line: usize, why: &str) -> String,
    pub too_large: &'static str,
    pub need_two: &'static str,
    pub from_line: fn(line: usize) -> String,
    pub from_history: fn(date: &str) -> String,
    pub from_received: fn(date: &str) -> String,
    /// Marks a partner's result kept in history.
    pub received_tag: &'static str,
    pub pair_heading: &'static str,
    pub pair_letters: [&'static str; 2],
    pub col_gap: &'static str,
    pub gap_flag: &'static str,
    pub chart_pair_description: &'static str,
    pub starters_heading: &'static str,
    pub starters_intro: &'static str,
    pub starters_none: &'static str,
    pub team_heading: fn(results: usize) -> String,
    pub team_intro: &'static str,
    pub col_mean: &'static str,
    pub col_lowest: &'static str,
    pub col_highest: &'static str,
    pub col_spread: &'static str,
    pub team_too_few: &'static str,
    pub chart_team_description: &'static str,
    pub team_starters_intro: &'static str,
    pub answer_range: fn(lowest: &str, highest: &str) -> String,
    pub comparison_link: &'static str,
}

impl Catalogue {
    /// A score with one decimal, or the no-score mark.
    pub fn score(&self, mean: Option<f64>) -> String {
        mean.map_or_else(|| self.no_score.to_owned(), display)
    }

    /// Why stored data could not be read, in plain words.
    pub fn read_error(&self, error: &ReadError) -> String {
        match error {
            ReadError::NotJson(_) => "it is not valid JSON".into(),
            ReadError::NoSchema => "it carries no format version".into(),
            ReadError::UnknownSchema(v) => {
                format!("it was saved in format {v}, which this version of Rapport cannot read")
            }
            ReadError::WrongShape(_) => "its content is not in the form Rapport expects".into(),
        }
    }

    /// Why a line is not a result code this app can read.
    pub fn code_error(&self, error: &CodeError) -> String {
        match error {
            CodeError::Empty => "it is empty".into(),
            CodeError::TooLong => "it is far too long to be a result code".into(),
            CodeError::NotACode => {
                "this is not a Rapport result code (result codes start with RP1.)".into()
            }
            CodeError::NewerFormat(v) => format!(
                "this code was made by a newer version of Rapport (format {v}); open it there"
            ),
            CodeError::Incomplete => "the code is incomplete: its end is missing".into(),
            CodeError::BadCharacter(c, at) => {
                format!("character {at}, \u{201c}{c}\u{201d}, never appears in a result code")
            }
            CodeError::Malformed => "its parts are not laid out as a result code's".into(),
            CodeError::Mismatch => {
                "its check characters do not match: the code was mistyped or changed".into()
            }
            CodeError::UnknownInstrument(tag) => format!(
                "it is for questionnaire {tag}, which this version of Rapport does not have"
            ),
            CodeError::BadAnswers => "its answers do not fit this questionnaire".into(),
            CodeError::BadName => "the partnership name in it cannot be read".into(),
        }
    }

    /// Why a file could not be imported.
    pub fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty => "the file is empty".into(),
            ImportError::TooLarge => "it is larger than 1 MB, more than any Rapport file".into(),
            ImportError::Csv => {
                "it is a CSV file, made for spreadsheets: import the JSON download instead".into()
            }
            ImportError::NoResults => "it holds no results".into(),
            ImportError::NotRead => "the browser could not read it".into(),
            ImportError::Unreadable(ReadError::NotJson(at)) => {
                format!("it is not a JSON file (the problem is at {at})")
            }
            ImportError::Unreadable(ReadError::NoSchema) => {
                "it is not a file saved from Rapport".into()
            }
            ImportError::Unreadable(ReadError::WrongShape(at)) => {
                format!("it is not in the form Rapport saves (the problem is at {at})")
            }
            ImportError::Unreadable(e) => self.read_error(e),
        }
    }

    pub fn band(&self, band: Band) -> &'static str {
        match band {
            Band::Strength => "Strength",
            Band::Discuss => "Discuss",
            Band::Concern => "Concern",
        }
    }
}

pub static TEXT: Catalogue = Catalogue {
    locale: "en-GB",
    brand: "Rapport",
    skip_to_content: "Skip to content",
    nav_history: "History",
    footer_privacy: "Rapport runs entirely in your browser. Nothing you enter is sent anywhere.",
    dismiss: "Dismiss",

    welcome_intro:
        "Eight short steps on how your partnership works: shared purpose, communication, \
        trust, goals, commitment, coordination, complementary strengths, and learning together. \
        You get a score for each, and concrete next steps where it matters.",
    // About fifteen seconds a statement.
    welcome_duration: |statements| {
        format!(
            "About {} minutes · {statements} statements",
            statements.div_ceil(4)
        )
    },
    welcome_privacy:
        "Your answers stay in this browser. They are never sent anywhere, there is no \
        account, and you can delete them at any time.",
    name_label: "Partnership name (kept only on this device)",
    name_hint: "Optional. It helps you tell your checks apart later.",
    start: "Start",
    continue_check: "Continue",
    start_over: "Start over",
    confirm_start_over: |answered| match answered {
        1 => "Start over and clear the 1 answer of your unfinished check?".into(),
        n => format!("Start over and clear the {n} answers of your unfinished check?"),
    },
    confirm_start_over_yes: "Yes, start over",
    unfinished: |answered, total| {
        format!("You have an unfinished check: {answered} of {total} statements answered.")
    },
    see_history: "See your history",
    latest_result: |score, date| format!("Your latest result: {score}, on {date}."),
    open_latest: "Open it",

    step_of: |step, total| format!("Step {step} of {total}"),
    step_heading: |step_of| format!("{step_of}: "),
    progress_label: "Progress",
    back: "Back",
    next: "Next",
    see_results: "See results",
    missing: |count| match count {
        1 => "1 statement still needs an answer. Choose Don't know if you are unsure.".into(),
        n => format!("{n} statements still need an answer. Choose Don't know if you are unsure."),
    },

    needs_answer: "Needs an answer",

    results_title: "Your partnership health",
    overall: "Overall",
    out_of_five: |score| format!("{score} out of 5"),
    out_of_hundred: |percent| format!("{percent} / 100"),
    band_scale: "Strength: 4.0 and above · Discuss: 3.0 to 3.9 · Concern: below 3.0",
    not_enough_answers: "Not enough answers",
    no_score: "–",
    not_enough_overall: "Too many statements were answered Don't know to give an overall score.",
    strongest: "Strongest",
    weakest: "Needs most attention",
    chart_title: "Scores by dimension",
    chart_description: "Radar chart of the eight dimension scores on a scale from 1 at the centre \
        to 5 at the edge. The same scores are listed in the table below.",
    table_caption: "Scores by dimension, on a scale of 1 to 5",
    col_dimension: "Dimension",
    col_score: "Score",
    col_band: "Band",
    col_change: "Change",
    change_since: |date| {
        format!("Change is against your previous check of this partnership, on {date}.")
    },
    arrow_up: "↑",
    arrow_down: "↓",
    change_up: "up",
    change_down: "down",
    no_change: "no change",
    no_comparison: "—",
    next_steps: "Next steps",
    next_steps_intro:
        "Talk these through with your partner, starting with the dimensions that need \
        most attention.",
    keep_it_up: "Keep it up:",
    not_enough_advice: "Too many of these statements were answered Don't know to score this \
        dimension. Finding out the answers is a good first conversation.",
    finished_on: |date| format!("Finished on {date}"),
    partnership: |name| format!("Partnership: {name}"),
    print_report: "Print report",
    take_again: "Take it again",
    result_missing: "That result is no longer in your history.",

    history_title: "History",
    history_empty: "No finished checks yet. Your results appear here once you finish a check.",
    history_intro: "Every check you finish in this browser, newest first.",
    unnamed_partnership: "Unnamed partnership",
    open: "Open",
    delete: "Delete",
    open_check: |name, date| format!("Open the check of {name} from {date}"),
    delete_check: |name, date| format!("Delete the check of {name} from {date}"),
    confirm_delete: |date| format!("Delete the check from {date}? This cannot be undone."),
    confirm_delete_yes: "Yes, delete it",
    keep: "Keep it",
    delete_all: "Delete all my data",
    confirm_delete_all:
        "Delete every answer and result Rapport keeps in this browser? This cannot \
        be undone.",
    confirm_delete_all_yes: "Yes, delete everything",
    cancel: "Cancel",
    deleted_all: "All Rapport data has been deleted from this browser.",
    delete_failed: "This browser did not let Rapport delete its saved data. Nothing was deleted; \
        try again, or clear this site's data in the browser's settings.",
    new_check: "Start a new check",

    storage_unavailable:
        "This browser is not letting Rapport save. You can still finish the check, \
        but your answers and results will be gone when you close this page.",
    storage_full: "This browser's storage is full, so Rapport could not save your latest changes. \
        They are kept only until you close this page.",
    unreadable_draft: "Your unfinished check",
    unreadable_history: "Your saved history",
    unreadable_kept: |why, key| {
        format!(
            "could not be read ({why}). Rapport started afresh and kept the old data aside, \
             untouched, under the browser storage key \u{201c}{key}\u{201d}."
        )
    },
    unreadable_untouched: |why| {
        format!(
            "could not be read ({why}). There was no room to keep a copy aside, so Rapport \
             leaves it untouched and will not save over it: new results are kept only until \
             you close this page."
        )
    },
    instrument_broken: |problem| format!("Rapport could not load its questionnaire: {problem}."),

    nav_compare: "Compare",
    share_title: "Share with your partner",
    share_intro: "Ask your partner to take the check in their own browser, then swap codes and \
        compare: the gaps between your answers are where to start talking. A code carries \
        your answers only, and nothing is uploaded.",
    include_name: "Include the partnership name",
    code_label: "Result code",
    link_label: "Share link",
    copy_code: "Copy code",
    copy_link: "Copy link",
    code_copied: "Code copied.",
    link_copied: "Link copied.",
    select_to_copy: "Copying is not available here, so the text is selected: press Ctrl+C \
        (⌘C on a Mac) to copy it.",
    download_json: "Download JSON",
    download_csv: "Download CSV",
    download_all_json: "Download all (JSON)",
    download_all_csv: "Download all (CSV)",
    import_file: "Import a file",
    import_hint: "Bring back results from a JSON file downloaded from Rapport. Results already \
        here are not added twice.",
    imported: |file, added, already| {
        let added = match added {
            1 => "1 result added".to_owned(),
            n => format!("{n} results added"),
        };
        match already {
            0 => format!("Imported {file}: {added}."),
            1 => format!("Imported {file}: {added}; 1 was already here."),
            n => format!("Imported {file}: {added}; {n} were already here."),
        }
    },
    import_failed: |file, why| {
        format!("{file} could not be imported: {why}. Your history has not changed.")
    },
    csv_header: [
        "Partnership",
        "Finished (UTC)",
        "Dimension",
        "Statement",
        "Answer",
        "Value",
    ],
    csv_summary: "Dimension score",

    shared_title: "A shared result",
    shared_intro: "Someone shared this result with you. It is shown read-only: nothing is \
        saved unless you choose to.",
    compare_with_mine: "Compare with mine",
    save_shared: "Save to my history",
    saved: "Saved to your history.",
    already_saved: "This result is already in your history.",
    received_on: |date| format!("Shared with you, saved on {date}"),

    compare_title: "Compare results",
    compare_intro: "Paste result codes or share links, or pick results from your history. \
        Two results are shown side by side; three or more as a team, without anyone's \
        individual result.",
    codes_label: "Result codes or links",
    codes_hint: "One per line.",
    pick_legend: "From your history",
    compare_submit: "Compare",
    problems_heading: "Some lines could not be read; the others were compared.",
    line_problem: |line, why| format!("Line {line}: {why}."),
    too_large: "That is more than 100 KB of text, far more than any list of codes, so \
        nothing was compared.",
    need_two: "Comparing needs at least two results: add another code or pick one from \
        your history.",
    from_line: |line| format!("pasted, line {line}"),
    from_history: |date| format!("your check of {date}"),
    from_received: |date| format!("a shared result saved on {date}"),
    received_tag: "Shared with you",
    pair_heading: "Side by side",
    pair_letters: ["A", "B"],
    col_gap: "Gap",
    gap_flag: "Perception gap — talk about this",
    chart_pair_description: "Radar chart of both results on a scale from 1 at the centre \
        to 5 at the edge: A as a solid line, B as a dashed line. The table lists the same scores.",
    starters_heading: "Conversation starters",
    starters_intro: "The statements you answered most differently:",
    starters_none: "You answered every statement alike, or one of you chose Don't know.",
    team_heading: |n| format!("Team view of {n} results"),
    team_intro: "Averages across everyone who answered. Individual results are not shown, \
        and a dimension fewer than three people could score shows no numbers.",
    col_mean: "Mean",
    col_lowest: "Lowest",
    col_highest: "Highest",
    col_spread: "Spread",
    team_too_few: "Fewer than 3 scores",
    chart_team_description: "Radar chart of the team's mean scores on a scale from 1 at the \
        centre to 5 at the edge. The table lists the same means with lowest, highest and spread.",
    team_starters_intro: "The statements the team sees most differently:",
    answer_range: |lowest, highest| format!("Answers range from {lowest} to {highest}."),
    comparison_link: "Link to this comparison",
};
