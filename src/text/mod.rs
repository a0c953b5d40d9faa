//! Interface text as a value. Each language is one [`Catalogue`], chosen at start-up and
//! handed to every view with the instrument, whose data carries the questionnaire's own
//! words. Together they hold every word a person sees, so adding a language adds a
//! catalogue and touches no component.

pub mod english;

use rapport_core::code::CodeError;
use rapport_core::embed::Warning;
use rapport_core::exchange::ImportError;
use rapport_core::instrument::InstrumentError;
use rapport_core::scoring::{display, one_decimal, shown_tenths};
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

    pub welcome_duration: fn(minutes: usize, statements: usize) -> String,
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
    /// The bands' thresholds, as shown: Strength from, Discuss from, Discuss up to.
    pub band_scale: fn(strength_from: &str, discuss_from: &str, discuss_to: &str) -> String,
    /// A band's name.
    pub band: fn(Band) -> &'static str,
    pub not_enough_answers: &'static str,
    /// Stands where a dimension has no score.
    pub no_score: &'static str,
    pub not_enough_overall: &'static str,
    pub strongest: &'static str,
    pub weakest: &'static str,
    pub chart_title: &'static str,
    pub chart_description: fn(dimensions: usize) -> String,
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
    pub instrument_broken: fn(&InstrumentError) -> String,
    /// Why stored data could not be read, in plain words.
    pub read_error: fn(&ReadError) -> String,
    /// Why a line is not a result code this app can read.
    pub code_error: fn(&CodeError) -> String,
    /// Why a file could not be imported.
    pub import_error: fn(&ImportError) -> String,
    /// The console line telling a host page's author what was wrong with a setting.
    pub warning: fn(&Warning) -> String,
    /// On the console, when a mount point has no shadow root to render into.
    pub no_shadow_root: &'static str,

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
    /// Downloaded file names: `rapport-<this>-<date>.json` for one result or for history.
    pub file_result: &'static str,
    pub file_history: &'static str,

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
    pub too_large: fn(kilobytes: usize) -> String,
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
    pub team_intro: fn(team_min: usize) -> String,
    pub col_mean: &'static str,
    pub col_lowest: &'static str,
    pub col_highest: &'static str,
    pub col_spread: &'static str,
    pub team_too_few: fn(team_min: usize) -> String,
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

    /// A band's name, or "not enough answers" where there is no score.
    pub fn band_or_none(&self, band: Option<Band>) -> &'static str {
        band.map_or(self.not_enough_answers, self.band)
    }

    /// The band thresholds line, built from the thresholds scoring uses.
    pub fn band_scale_line(&self) -> String {
        let below_strength = shown_tenths(Band::STRENGTH_FROM) - 1;
        (self.band_scale)(
            &display(Band::STRENGTH_FROM),
            &display(Band::DISCUSS_FROM),
            &one_decimal(below_strength),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::english::ENGLISH;
    use rapport_core::code::{CodeError, MAX_LIST_BYTES};
    use rapport_core::compare::TEAM_MIN;
    use rapport_core::exchange::ImportError;
    use rapport_core::instrument::InstrumentError;
    use rapport_core::json::Position;
    use rapport_core::store::{Misfit, ReadError, Shape};
    use rapport_core::{embed, fixtures};

    #[test]
    fn numbers_in_text_come_from_the_rules_that_enforce_them() {
        assert_eq!(
            ENGLISH.band_scale_line(),
            "Strength: 4.0 and above · Discuss: 3.0 to 3.9 · Concern: below 3.0"
        );
        let i = fixtures::instrument();
        assert_eq!(
            (ENGLISH.welcome_duration)(i.minutes(), i.statement_count()),
            "About 8 minutes · 32 statements"
        );
        assert!((ENGLISH.too_large)(MAX_LIST_BYTES / 1000).contains("more than 100 KB"));
        assert!((ENGLISH.import_error)(&ImportError::TooLarge).contains("larger than 1 MB"));
        assert_eq!(
            (ENGLISH.code_error)(&CodeError::NotACode),
            "this is not a Rapport result code (result codes start with RP1.)"
        );
    }

    #[test]
    fn counts_in_prose_are_spelled_out() {
        let i = fixtures::instrument();
        assert!((ENGLISH.chart_description)(i.dimensions.len())
            .starts_with("Radar chart of the eight dimension scores"));
        assert!((ENGLISH.team_intro)(TEAM_MIN).contains("fewer than three people"));
        assert_eq!((ENGLISH.team_too_few)(TEAM_MIN), "Fewer than 3 scores");
    }

    #[test]
    fn every_kind_of_unreadable_data_is_worded() {
        let shape = |s| (ENGLISH.import_error)(&ImportError::Unreadable(ReadError::WrongShape(s)));
        assert_eq!(
            shape(Shape::ImpossibleScores { check: "a1".into() }),
            "it is not in the form Rapport saves (the problem is at check a1 holds impossible \
             scores)"
        );
        assert_eq!(
            shape(Shape::UnknownStatements { check: "a1".into() }),
            "it is not in the form Rapport saves (the problem is at check a1 answers unknown \
             statements)"
        );
        assert_eq!(
            shape(Shape::Draft(Misfit::StepOutOfRange { step: 8, steps: 8 })),
            "its content is not in the form Rapport expects"
        );
        assert_eq!(
            (ENGLISH.read_error)(&ReadError::UnknownSchema(2)),
            "it was saved in format 2, which this version of Rapport cannot read"
        );
        assert_eq!(
            (ENGLISH.instrument_broken)(&InstrumentError::Parse(Position { line: 3, column: 7 })),
            "Rapport could not load its questionnaire: the questionnaire data could not be read: \
             line 3, column 7."
        );
    }

    #[test]
    fn errors_from_the_core_are_worded_here() {
        let at = Position {
            line: 1,
            column: 35,
        };
        assert_eq!(
            (ENGLISH.import_error)(&ImportError::Unreadable(ReadError::WrongShape(Shape::At(
                at
            )))),
            "it is not in the form Rapport saves (the problem is at line 1, column 35)"
        );
        let (_, warnings) = embed::parse([("name", "n".repeat(121).as_str()), ("theme", "purple")]);
        let lines: Vec<String> = warnings.iter().map(ENGLISH.warning).collect();
        assert_eq!(
            lines,
            [
                format!(
                    "Rapport: ignoring name=\"{}\": the name is longer than 120 characters; \
                     using the default.",
                    "n".repeat(80)
                ),
                "Rapport: ignoring theme=\"purple\": the theme is light, dark or auto; using the \
                 default."
                    .to_owned(),
            ]
        );
    }
}
