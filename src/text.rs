//! Every piece of interface text, in one catalogue. Components take their words from
//! here (or from the instrument data), so adding a language touches no component.

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
};
