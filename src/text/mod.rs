//! Interface text as a value: one language's pack (`core/data/lang/<tag>.json`), read at
//! start-up or when the person picks another language, and handed to every view with the
//! instrument in the same language. Plural forms and numbers follow the browser's `Intl`
//! for the language's locale; the core picks forms and fills placeholders.

use rapport_core::code::{CodeError, PREFIX};
use rapport_core::embed::{Warning, Why};
use rapport_core::exchange::{CsvWords, ImportError, MAX_IMPORT_BYTES};
use rapport_core::instrument::InstrumentError;
use rapport_core::language::{fill, Arg, Language, Message, Pack};
use rapport_core::plan::{Date, Status};
use rapport_core::scoring::{one_decimal, shown_tenths};
use rapport_core::store::{ReadError, Shape};
use rapport_core::Band;
use wasm_bindgen::JsValue;

/// Declares every message: plain ones are read as they are; formatted ones take named
/// arguments, a count (`usize`) or a text (`&str`), which fill the placeholders of the
/// same names. A plural message's form is chosen by its `count`.
macro_rules! messages {
    (
        plain { $($plain:ident),* $(,)? }
        formatted { $($name:ident ( $($arg:ident : $ty:ty),* ) ),* $(,)? }
    ) => {
        /// Every message the app shows: a pack must have them all.
        pub const NAMES: &[&str] = &[$(stringify!($plain),)* $(stringify!($name),)*];

        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key { $($plain,)* $($name,)* }

        impl Text {
            $(pub fn $plain(&self) -> &str { self.plain(Key::$plain) })*
            $(
                pub fn $name(&self, $($arg: $ty),*) -> String {
                    self.format(Key::$name, &[$((stringify!($arg), Arg::from($arg))),*])
                }
            )*
        }

        /// The arguments of each formatted message, for the tests.
        #[cfg(test)]
        const ARGS: &[(&str, &[&str])] = &[$((stringify!($name), &[$(stringify!($arg)),*]),)*];
    };
}

messages! {
    plain {
        brand, skip_to_content, nav_history, nav_compare, footer_privacy, dismiss, update_ready,
        reload,
        language_label, welcome_privacy, name_label, name_hint, start, continue_check,
        start_over, confirm_start_over_yes, see_history, open_latest, progress_label, back,
        next, see_results, needs_answer, results_title, overall, band_strength,
        band_discuss, band_concern, not_enough_answers, no_score, not_enough_overall,
        strongest, weakest, chart_title, table_caption, col_dimension, col_score, col_band,
        col_change, arrow_up, arrow_down, change_up, change_down, no_change, no_comparison,
        next_steps, next_steps_intro, keep_it_up, not_enough_advice, print_report,
        take_again, result_missing, history_title, history_empty, history_intro,
        unnamed_partnership, open, delete, confirm_delete_yes, keep, delete_all,
        confirm_delete_all, confirm_delete_all_yes, cancel, deleted_all, delete_failed,
        new_check, storage_unavailable, storage_full, read_not_json, read_no_schema,
        read_wrong_shape, code_empty, code_too_long, code_incomplete, code_malformed,
        code_mismatch, code_bad_answers, code_bad_name, import_empty, import_csv,
        import_no_results, import_not_read, import_not_rapport, why_embed, why_theme,
        why_accent, why_name_control, no_shadow_root, share_title, share_intro,
        include_name, code_label, link_label, copy_code, copy_link, code_copied,
        link_copied, select_to_copy, download_json, download_csv, download_all_json,
        download_all_csv, import_file, import_hint, csv_partnership, csv_finished,
        csv_dimension, csv_statement, csv_answer, csv_value, csv_summary, file_result,
        file_history, shared_title, shared_intro, compare_with_mine, save_shared, saved,
        already_saved, compare_title, compare_intro, codes_label, codes_hint, pick_legend,
        compare_submit, problems_heading, need_two, received_tag, pair_heading, pair_a,
        pair_b, col_gap, gap_flag, chart_pair_description, starters_heading,
        starters_intro, starters_none, col_mean, col_lowest, col_highest, col_spread,
        chart_team_description, team_starters_intro, comparison_link, plan_title, plan_intro,
        plan_empty, add_to_plan, in_plan, write_own, action_text, action_dimension,
        action_owner, action_due, action_status, status_open, status_in_progress, status_done,
        status_dropped, follow_up_intro, calendar_due, remind_label, remind_download,
        calendar_hint, file_plan, file_reminder, partnerships_title, csv_action, csv_owner,
        csv_due, csv_status, event_reminder_details, trend_title, trend_partnership, col_date,
        guide_button, guide_title, guide_opening_title, guide_opening, guide_closing_title,
        guide_closing, guide_nothing, guide_questions, guide_prompts, back_to_compare, print_guide,
    }
    formatted {
        language_unavailable(language: &str, shown: &str),
        about_minutes(count: usize),
        statement_count(count: usize),
        welcome_duration(minutes: &str, statements: &str),
        confirm_start_over(count: usize),
        unfinished(answered: usize, count: usize),
        latest_result(score: &str, date: &str),
        step_of(step: usize, total: usize),
        step_heading(step_of: &str),
        missing(count: usize),
        out_of_five(score: &str, max: usize),
        out_of_hundred(percent: usize, max: usize),
        band_scale(strength: &str, discuss: &str, discuss_to: &str),
        chart_description(count: usize),
        change_since(date: &str),
        finished_on(date: &str),
        partnership(name: &str),
        open_check(name: &str, date: &str),
        delete_check(name: &str, date: &str),
        confirm_delete(date: &str),
        unreadable_draft_kept(why: &str, key: &str),
        unreadable_history_kept(why: &str, key: &str),
        unreadable_draft_untouched(why: &str),
        unreadable_history_untouched(why: &str),
        instrument_broken(why: &str),
        instrument_parse(line: usize, column: usize),
        instrument_invalid(count: usize),
        read_unknown_schema(version: usize),
        code_not_a_code(prefix: &str),
        code_newer(version: &str),
        code_bad_character(position: usize, character: &str),
        code_unknown_instrument(tag: &str),
        import_too_large(megabytes: usize),
        import_not_json(line: usize, column: usize),
        import_shape_at(line: usize, column: usize),
        import_impossible_scores(check: &str),
        import_unknown_statements(check: &str),
        warning(parameter: &str, value: &str, why: &str),
        why_name_too_long(limit: usize),
        why_storage_key(limit: usize),
        why_lang(languages: &str),
        imported(file: &str, added: &str),
        imported_with_already(file: &str, added: &str, already: &str),
        results_added(count: usize),
        already_here(count: usize),
        import_failed(file: &str, why: &str),
        received_on(date: &str),
        line_problem(line: usize, why: &str),
        too_large(kilobytes: usize),
        from_line(line: usize),
        from_history(date: &str),
        from_received(date: &str),
        team_heading(count: usize),
        team_intro(count: usize),
        team_too_few(count: usize),
        answer_range(lowest: &str, highest: &str),
        plan_limit(count: usize),
        plan_full(count: usize),
        action_number(number: usize),
        remove_action(number: usize),
        owned_by(owner: &str),
        due_on(date: &str),
        follow_up_title(date: &str),
        change_in(dimension: &str),
        remind_in(count: usize),
        event_action(action: &str),
        event_action_details(name: &str, date: &str),
        event_reminder(name: &str),
        open_rapport(address: &str),
        open_actions(count: usize),
        actions_due(count: usize, date: &str),
        check_again(name: &str),
        import_unknown_plan(check: &str),
        trend_chart_title(name: &str),
        trend_chart_description(dimension: &str, discuss: &str, strength: &str),
        trend_caption(name: &str),
        guide_intro(minutes: usize),
        guide_minutes(count: usize),
        guide_gap(gap: &str),
        guide_concern(score: &str),
        guide_question(statement: &str),
    }
}

/// One language's words, with the browser's rules for its plurals and numbers.
pub struct Text {
    pub language: Language,
    /// The BCP 47 locale for dates and numbers ("fr-CA").
    pub locale: String,
    /// In [`Key`] order.
    messages: Vec<Message>,
    number_words: Vec<String>,
    plurals: js_sys::Intl::PluralRules,
    /// `Intl.NumberFormat.prototype.format`, bound: whole numbers, and one decimal.
    whole: js_sys::Function,
    tenths: js_sys::Function,
    /// `Intl.DateTimeFormat.prototype.format`, bound: "22 Nov 2026, 14:05".
    dates: js_sys::Function,
    /// Days without their time (due dates, the trend).
    days: std::cell::OnceCell<js_sys::Function>,
}

impl Text {
    /// The words of a pack, which must have every message in [`NAMES`]; otherwise the
    /// name of the first one missing.
    pub fn new(language: Language, locale: String, pack: &Pack) -> Result<Text, &'static str> {
        let mut messages = Vec::with_capacity(NAMES.len());
        for name in NAMES {
            messages.push(pack.message(name).ok_or(*name)?);
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale));
        let options = |pairs: &[(&str, JsValue)]| {
            let options = js_sys::Object::new();
            for (key, value) in pairs {
                // Setting plain properties on a fresh object cannot fail.
                let _ = js_sys::Reflect::set(&options, &(*key).into(), value);
            }
            options
        };
        let number = |digits: u32| {
            let digits = JsValue::from(digits);
            let options = options(&[
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ]);
            js_sys::Intl::NumberFormat::new(&locales, &options).format()
        };
        let dates = options(&[
            ("dateStyle", "medium".into()),
            ("timeStyle", "short".into()),
        ]);
        Ok(Text {
            plurals: js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
            whole: number(0),
            tenths: number(1),
            dates: js_sys::Intl::DateTimeFormat::new(&locales, &dates).format(),
            days: std::cell::OnceCell::new(),
            messages,
            number_words: pack.number_words(),
            language,
            locale,
        })
    }

    // Not inlined: hundreds of call sites would each carry a copy.
    #[inline(never)]
    fn plain(&self, key: Key) -> &str {
        self.messages[key as usize].form("other")
    }

    #[inline(never)]
    fn format(&self, key: Key, args: &[(&str, Arg)]) -> String {
        let message = &self.messages[key as usize];
        let category = match args.iter().find(|(name, _)| *name == "count") {
            Some((_, Arg::Count(n))) => String::from(self.plurals.select(*n as f64)),
            _ => String::new(),
        };
        fill(
            message.form(&category),
            args,
            &|n| self.number(n),
            &self.number_words,
        )
    }

    /// A whole number in the language's digits.
    pub fn number(&self, n: usize) -> String {
        call(&self.whole, n as f64).unwrap_or_else(|| n.to_string())
    }

    /// A number of tenths, with one decimal: "3,5" in French.
    pub fn decimal(&self, tenths: i64) -> String {
        // The fallback is integer work: Rust's float formatting would cost kilobytes.
        call(&self.tenths, tenths as f64 / 10.0).unwrap_or_else(|| one_decimal(tenths))
    }

    /// A score as shown (one decimal, never rounded across a band's threshold), or the
    /// no-score mark.
    pub fn score(&self, mean: Option<f64>) -> String {
        mean.map_or_else(
            || self.no_score().to_owned(),
            |m| self.decimal(shown_tenths(m)),
        )
    }

    /// A score with one decimal.
    pub fn mean(&self, mean: f64) -> String {
        self.decimal(shown_tenths(mean))
    }

    /// A date and time, in the language's format.
    pub fn date(&self, ms: u64) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
        self.dates
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// A calendar day (a due date), written as dates are, without a time.
    pub fn day(&self, day: Date) -> String {
        let (y, m, d) = day.ymd();
        self.date_only(&js_sys::Date::new_with_year_month_day(
            y as u32,
            m as i32 - 1,
            d as i32,
        ))
    }

    /// The day of a moment (milliseconds since the Unix epoch), without its time.
    pub fn day_of(&self, ms: u64) -> String {
        self.date_only(&js_sys::Date::new(&JsValue::from_f64(ms as f64)))
    }

    fn date_only(&self, date: &js_sys::Date) -> String {
        // Made when first needed: most screens show no day without its time.
        let days = self.days.get_or_init(|| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let locales = js_sys::Array::of1(&JsValue::from_str(&self.locale));
            js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
        });
        days.call1(&JsValue::NULL, date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// A partnership's name, or the words for one without a name.
    pub fn name_or_unnamed<'a>(&'a self, name: &'a str) -> &'a str {
        if name.is_empty() {
            self.unnamed_partnership()
        } else {
            name
        }
    }

    pub fn status(&self, status: Status) -> &str {
        match status {
            Status::Open => self.status_open(),
            Status::InProgress => self.status_in_progress(),
            Status::Done => self.status_done(),
            Status::Dropped => self.status_dropped(),
        }
    }

    /// "3.5 out of 5".
    pub fn out_of(&self, mean: Option<f64>) -> String {
        self.out_of_five(&self.score(mean), 5)
    }

    pub fn band(&self, band: Band) -> &str {
        match band {
            Band::Strength => self.band_strength(),
            Band::Discuss => self.band_discuss(),
            Band::Concern => self.band_concern(),
        }
    }

    /// A band's name, or "not enough answers" where there is no score.
    pub fn band_or_none(&self, band: Option<Band>) -> &str {
        band.map_or(self.not_enough_answers(), |b| self.band(b))
    }

    /// The band thresholds line, built from the thresholds scoring uses.
    pub fn band_scale_line(&self) -> String {
        let strength = shown_tenths(Band::STRENGTH_FROM);
        self.band_scale(
            &self.decimal(strength),
            &self.decimal(shown_tenths(Band::DISCUSS_FROM)),
            &self.decimal(strength - 1),
        )
    }

    /// "About 8 minutes · 32 statements".
    pub fn duration(&self, minutes: usize, statements: usize) -> String {
        self.welcome_duration(
            &self.about_minutes(minutes),
            &self.statement_count(statements),
        )
    }

    /// What a file import did.
    pub fn import_done(&self, file: &str, added: usize, already: usize) -> String {
        let added = self.results_added(added);
        match already {
            0 => self.imported(file, &added),
            n => self.imported_with_already(file, &added, &self.already_here(n)),
        }
    }

    /// The words a CSV file needs.
    pub fn csv(&self) -> CsvWords<'_> {
        CsvWords {
            header: [
                self.csv_partnership(),
                self.csv_finished(),
                self.csv_dimension(),
                self.csv_statement(),
                self.csv_answer(),
                self.csv_value(),
                self.csv_action(),
                self.csv_owner(),
                self.csv_due(),
                self.csv_status(),
            ],
            summary: self.csv_summary(),
            bands: [
                self.band_strength(),
                self.band_discuss(),
                self.band_concern(),
            ],
            not_enough: self.not_enough_answers(),
            statuses: [
                self.status_open(),
                self.status_in_progress(),
                self.status_done(),
                self.status_dropped(),
            ],
        }
    }

    /// Why stored data could not be read, in plain words.
    pub fn read_error(&self, error: &ReadError) -> String {
        match error {
            ReadError::NotJson(_) => self.read_not_json().to_owned(),
            ReadError::NoSchema => self.read_no_schema().to_owned(),
            ReadError::UnknownSchema(v) => self.read_unknown_schema(*v as usize),
            ReadError::WrongShape(_) => self.read_wrong_shape().to_owned(),
        }
    }

    /// Why a line is not a result code this app can read.
    pub fn code_error(&self, error: &CodeError) -> String {
        match error {
            CodeError::Empty => self.code_empty().to_owned(),
            CodeError::TooLong => self.code_too_long().to_owned(),
            CodeError::NotACode => self.code_not_a_code(PREFIX),
            CodeError::NewerFormat(v) => self.code_newer(v),
            CodeError::Incomplete => self.code_incomplete().to_owned(),
            CodeError::BadCharacter(c, at) => {
                self.code_bad_character(*at, c.encode_utf8(&mut [0; 4]))
            }
            CodeError::Malformed => self.code_malformed().to_owned(),
            CodeError::Mismatch => self.code_mismatch().to_owned(),
            CodeError::UnknownInstrument(tag) => self.code_unknown_instrument(tag),
            CodeError::BadAnswers => self.code_bad_answers().to_owned(),
            CodeError::BadName => self.code_bad_name().to_owned(),
        }
    }

    /// Why a file could not be imported.
    pub fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty => self.import_empty().to_owned(),
            ImportError::TooLarge => self.import_too_large(MAX_IMPORT_BYTES / 1_000_000),
            ImportError::Csv => self.import_csv().to_owned(),
            ImportError::NoResults => self.import_no_results().to_owned(),
            ImportError::NotRead => self.import_not_read().to_owned(),
            ImportError::Unreadable(ReadError::NotJson(at)) => {
                self.import_not_json(at.line, at.column)
            }
            ImportError::Unreadable(ReadError::NoSchema) => self.import_not_rapport().to_owned(),
            ImportError::Unreadable(ReadError::WrongShape(Shape::At(at))) => {
                self.import_shape_at(at.line, at.column)
            }
            ImportError::Unreadable(ReadError::WrongShape(Shape::ImpossibleScores { check })) => {
                self.import_impossible_scores(check)
            }
            ImportError::Unreadable(ReadError::WrongShape(Shape::UnknownStatements { check })) => {
                self.import_unknown_statements(check)
            }
            ImportError::Unreadable(ReadError::WrongShape(Shape::UnknownPlan { check })) => {
                self.import_unknown_plan(check)
            }
            // Imports read histories, never drafts.
            ImportError::Unreadable(e) => self.read_error(e),
        }
    }

    pub fn instrument_error(&self, error: &InstrumentError) -> String {
        let why = match error {
            InstrumentError::Parse(at) => self.instrument_parse(at.line, at.column),
            InstrumentError::NoText(_) | InstrumentError::Structure(_) => {
                self.instrument_invalid(1)
            }
            InstrumentError::Invalid(problems) => self.instrument_invalid(problems.len()),
        };
        self.instrument_broken(&why)
    }

    /// The console line telling a host page's author what was wrong with a setting.
    pub fn warning_line(&self, warning: &Warning, languages: &[Language]) -> String {
        let why = match warning.why {
            Why::Embed => self.why_embed().to_owned(),
            Why::Theme => self.why_theme().to_owned(),
            Why::Accent => self.why_accent().to_owned(),
            Why::NameTooLong { limit } => self.why_name_too_long(limit),
            Why::NameControl => self.why_name_control().to_owned(),
            Why::StorageKey { limit } => self.why_storage_key(limit),
            Why::Lang => {
                let tags: Vec<&str> = languages.iter().map(|l| l.tag.as_str()).collect();
                self.why_lang(&tags.join(", "))
            }
        };
        self.warning(&warning.parameter, &warning.value, &why)
    }
}

fn call(format: &js_sys::Function, n: f64) -> Option<String> {
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|s| s.as_string())
}

#[cfg(test)]
mod tests {
    use super::{ARGS, NAMES};
    use rapport_core::fixtures;
    use rapport_core::language::Pack;
    use std::collections::BTreeSet;

    #[test]
    fn the_english_pack_has_exactly_the_messages_the_app_shows() {
        let pack = Pack::read(fixtures::ENGLISH_PACK).unwrap();
        let in_pack = pack.message_names();
        let shown: BTreeSet<&str> = NAMES.iter().copied().collect();
        assert_eq!(NAMES.len(), shown.len(), "a message is declared twice");
        assert_eq!(in_pack, shown);
    }

    #[test]
    fn every_formatted_message_takes_exactly_its_placeholders() {
        let pack = Pack::read(fixtures::ENGLISH_PACK).unwrap();
        for (name, args) in ARGS {
            let message = pack.message(name).unwrap();
            let found = message.placeholders();
            let expected: BTreeSet<&str> = args.iter().copied().collect();
            assert_eq!(found, expected, "{name}");
        }
        for name in NAMES {
            if !ARGS.iter().any(|(n, _)| n == name) {
                assert!(
                    pack.message(name).unwrap().placeholders().is_empty(),
                    "{name}"
                );
            }
        }
    }
}
