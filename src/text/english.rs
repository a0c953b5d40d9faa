//! The English catalogue: the language every other catalogue is checked against.

use super::Catalogue;
use rapport_core::code::{CodeError, PREFIX};
use rapport_core::embed::{Warning, Why};
use rapport_core::exchange::{ImportError, MAX_IMPORT_BYTES};
use rapport_core::instrument::InstrumentError;
use rapport_core::store::{ReadError, Shape};
use rapport_core::Band;

pub static ENGLISH: Catalogue = Catalogue {
    locale: "en-GB",
    brand: "Rapport",
    skip_to_content: "Skip to content",
    nav_history: "History",
    footer_privacy: "Rapport runs entirely in your browser. Nothing you enter is sent anywhere.",
    dismiss: "Dismiss",

    welcome_duration: |minutes, statements| {
        format!("About {minutes} minutes · {statements} statements")
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
    band_scale: |strength, discuss, discuss_to| {
        format!(
            "Strength: {strength} and above · Discuss: {discuss} to {discuss_to} · \
             Concern: below {discuss}"
        )
    },
    band: |band| match band {
        Band::Strength => "Strength",
        Band::Discuss => "Discuss",
        Band::Concern => "Concern",
    },
    not_enough_answers: "Not enough answers",
    no_score: "–",
    not_enough_overall: "Too many statements were answered Don't know to give an overall score.",
    strongest: "Strongest",
    weakest: "Needs most attention",
    chart_title: "Scores by dimension",
    chart_description: |dimensions| {
        format!(
            "Radar chart of the {} dimension scores on a scale from 1 at the centre \
             to 5 at the edge. The same scores are listed in the table below.",
            spelled(dimensions)
        )
    },
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
    instrument_broken,
    read_error,
    code_error,
    import_error,
    warning,
    no_shadow_root:
        "Rapport: a data-rapport element has no shadow root; load rapport.js to mount it.",

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
    file_result: "result",
    file_history: "history",

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
    too_large: |kilobytes| {
        format!(
            "That is more than {kilobytes} KB of text, far more than any list of codes, so \
             nothing was compared."
        )
    },
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
    team_intro: |team_min| {
        format!(
            "Averages across everyone who answered. Individual results are not shown, \
             and a dimension fewer than {} people could score shows no numbers.",
            spelled(team_min)
        )
    },
    col_mean: "Mean",
    col_lowest: "Lowest",
    col_highest: "Highest",
    col_spread: "Spread",
    team_too_few: |team_min| format!("Fewer than {team_min} scores"),
    chart_team_description: "Radar chart of the team's mean scores on a scale from 1 at the \
        centre to 5 at the edge. The table lists the same means with lowest, highest and spread.",
    team_starters_intro: "The statements the team sees most differently:",
    answer_range: |lowest, highest| format!("Answers range from {lowest} to {highest}."),
    comparison_link: "Link to this comparison",
};

fn read_error(error: &ReadError) -> String {
    match error {
        ReadError::NotJson(_) => "it is not valid JSON".into(),
        ReadError::NoSchema => "it carries no format version".into(),
        ReadError::UnknownSchema(v) => {
            format!("it was saved in format {v}, which this version of Rapport cannot read")
        }
        ReadError::WrongShape(_) => "its content is not in the form Rapport expects".into(),
    }
}

fn code_error(error: &CodeError) -> String {
    match error {
        CodeError::Empty => "it is empty".into(),
        CodeError::TooLong => "it is far too long to be a result code".into(),
        CodeError::NotACode => {
            format!("this is not a Rapport result code (result codes start with {PREFIX}.)")
        }
        CodeError::NewerFormat(v) => {
            format!("this code was made by a newer version of Rapport (format {v}); open it there")
        }
        CodeError::Incomplete => "the code is incomplete: its end is missing".into(),
        CodeError::BadCharacter(c, at) => {
            format!("character {at}, \u{201c}{c}\u{201d}, never appears in a result code")
        }
        CodeError::Malformed => "its parts are not laid out as a result code's".into(),
        CodeError::Mismatch => {
            "its check characters do not match: the code was mistyped or changed".into()
        }
        CodeError::UnknownInstrument(tag) => {
            format!("it is for questionnaire {tag}, which this version of Rapport does not have")
        }
        CodeError::BadAnswers => "its answers do not fit this questionnaire".into(),
        CodeError::BadName => "the partnership name in it cannot be read".into(),
    }
}

fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::Empty => "the file is empty".into(),
        ImportError::TooLarge => format!(
            "it is larger than {} MB, more than any Rapport file",
            MAX_IMPORT_BYTES / 1_000_000
        ),
        ImportError::Csv => {
            "it is a CSV file, made for spreadsheets: import the JSON download instead".into()
        }
        ImportError::NoResults => "it holds no results".into(),
        ImportError::NotRead => "the browser could not read it".into(),
        ImportError::Unreadable(ReadError::NotJson(at)) => format!(
            "it is not a JSON file (the problem is at line {}, column {})",
            at.line, at.column
        ),
        ImportError::Unreadable(ReadError::NoSchema) => {
            "it is not a file saved from Rapport".into()
        }
        ImportError::Unreadable(error @ ReadError::WrongShape(shape)) => {
            let at = match shape {
                Shape::At(at) => format!("line {}, column {}", at.line, at.column),
                Shape::ImpossibleScores { check } => {
                    format!("check {check} holds impossible scores")
                }
                Shape::UnknownStatements { check } => {
                    format!("check {check} answers unknown statements")
                }
                // Imports read histories, never drafts.
                Shape::Draft(_) => return read_error(error),
            };
            format!("it is not in the form Rapport saves (the problem is at {at})")
        }
        ImportError::Unreadable(e) => read_error(e),
    }
}

fn instrument_broken(error: &InstrumentError) -> String {
    let why = match error {
        InstrumentError::Parse(at) => format!(
            "the questionnaire data could not be read: line {}, column {}",
            at.line, at.column
        ),
        InstrumentError::Invalid(problems) => format!(
            "the questionnaire data is invalid ({} problems)",
            problems.len()
        ),
    };
    format!("Rapport could not load its questionnaire: {why}.")
}

/// Small counts in prose are written as words, as English style has them.
fn spelled(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

fn warning(warning: &Warning) -> String {
    let why = match warning.why {
        Why::Embed => "use embed=1".to_owned(),
        Why::Theme => "the theme is light, dark or auto".to_owned(),
        Why::Accent => "the accent is a hex colour such as #0a7d55".to_owned(),
        Why::NameTooLong { limit } => format!("the name is longer than {limit} characters"),
        Why::NameControl => "the name holds control characters".to_owned(),
        Why::StorageKey { limit } => {
            format!("the storage key is 1 to {limit} letters, digits, '-' or '_'")
        }
    };
    // Quoted by hand: `{:?}` would pull Debug escaping into the wasm.
    format!(
        "Rapport: ignoring {}=\"{}\": {why}; using the default.",
        warning.parameter, warning.value
    )
}
