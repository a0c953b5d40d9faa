//! Every message the app shows, declared once by name, so a view cannot ask for a
//! message or an argument that does not exist, and a test checks that the English pack
//! has exactly these messages and placeholders.

use super::numbers::Numbers;
use rapport_core::language::{fill, Arg, Language, Message, Pack};
use std::collections::BTreeMap;

/// Declares every message: plain ones are read as they are; formatted ones take named
/// arguments, a count (`usize`) or a text (`&str`), which fill the placeholders of the
/// same names. A plural message's form is chosen by its `count`.
/// `$owner` (which has `catalog()` and `numbers()`) gets one method per message. The
/// studio declares its own messages the same way (`src/studio/text.rs`).
macro_rules! messages {
    (
        $owner:ident;
        plain { $($plain:ident),* $(,)? }
        formatted { $($name:ident ( $($arg:ident : $ty:ty),* ) ),* $(,)? }
    ) => {
        /// Every message declared here: a pack must have them all.
        pub const NAMES: &[&str] = &[$(stringify!($plain),)* $(stringify!($name),)*];

        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key { $($plain,)* $($name,)* }

        impl $owner {
            $(pub fn $plain(&self) -> &str { self.catalog().plain(Key::$plain as usize) })*
            $(
                pub fn $name(&self, $($arg: $ty),*) -> String {
                    self.catalog().format(
                        Key::$name as usize,
                        &[$((stringify!($arg), $crate::text::Arg::from($arg))),*],
                        self.numbers(),
                    )
                }
            )*
        }

        /// The arguments of each formatted message, for the tests.
        #[cfg(test)]
        const ARGS: &[(&str, &[&str])] = &[$((stringify!($name), &[$(stringify!($arg)),*]),)*];
    };
}
pub(crate) use messages;

messages! {
    Text;
    plain {
        brand, skip_to_content, nav_history, nav_compare, footer_privacy, dismiss, update_ready,
        reload,
        language_label, welcome_privacy, name_label, name_hint, start, continue_check,
        start_over, confirm_start_over_yes, see_history, open_latest, progress_label, back,
        next, see_results, needs_answer, results_title, overall, band_strength,
        band_discuss, band_concern, not_enough_answers, no_score, not_enough_overall,
        strongest, weakest, chart_title, col_dimension, col_score, col_band,
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
        low_answers_heading, col_version, flaw_blank, flaw_bands_not_rising,
        instrument_unavailable, why_instrument, pulse_offer,
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
        band_scale(
            strength: &str,
            discuss: &str,
            discuss_to: &str,
            strength_name: &str,
            discuss_name: &str,
            concern_name: &str
        ),
        chart_description(count: usize, max: usize),
        table_caption(max: usize),
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
        more_problems(count: usize),
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
        trend_caption(name: &str, max: usize),
        guide_intro(minutes: usize),
        guide_minutes(count: usize),
        guide_gap(gap: &str),
        guide_concern(score: &str),
        guide_question(statement: &str),
        low_answer(statement: &str, answer: &str),
        other_version(who: &str, version: usize, compared: usize),
        unfinished_older_version(version: usize),
        trend_version_changed(version: usize, date: &str),
        flaw_place(file: &str, line: usize, column: usize, path: &str, why: &str),
        flaw_file(file: &str, why: &str),
        flaw_too_large(kilobytes: usize, max: usize),
        flaw_syntax(detail: &str),
        flaw_missing(name: &str),
        flaw_unknown(name: &str),
        flaw_repeated(name: &str),
        flaw_shape(detail: &str),
        flaw_newer_format(format: usize, supported: usize),
        flaw_bad_version(version: usize),
        flaw_bad_id(id: &str),
        flaw_repeated_id(id: &str),
        flaw_reserved_id(id: &str),
        flaw_unknown_language(tag: &str, tags: &str),
        flaw_repeated_language(tag: &str),
        flaw_no_fallback(tag: &str),
        flaw_unlisted(tag: &str),
        flaw_too_long(count: usize, max: usize),
        flaw_count_languages(count: usize, min: usize, max: usize),
        flaw_count_dimensions(count: usize, min: usize, max: usize),
        flaw_count_statements(count: usize, min: usize, max: usize),
        flaw_count_all_statements(count: usize, max: usize),
        flaw_count_points(count: usize, min: usize, max: usize),
        flaw_count_advice(count: usize, band: &str, min: usize, max: usize),
        flaw_not_tenths(value: &str),
        flaw_outside_scale(value: &str, points: usize),
        instrument_not_loaded(file: &str),
        instrument_taken(id: &str),
        other_questionnaire(id: &str),
        code_other_structure(title: &str),
        other_instrument(who: &str, title: &str),
    }
}

/// One language's words, with the browser's rules for its plurals and numbers.
pub struct Text {
    pub language: Language,
    catalog: Catalog,
    /// Plural forms, numbers and dates in the language's locale.
    pub numbers: Numbers,
}

impl Text {
    /// The words of a pack, which must have every message in [`NAMES`]; otherwise the
    /// name of the first one missing. `locale` (BCP 47, "fr-CA") picks plural forms and
    /// writes numbers and dates.
    pub fn new(language: Language, locale: String, pack: &Pack) -> Result<Text, &'static str> {
        Ok(Text {
            catalog: Catalog::new(NAMES, &pack.messages, pack.number_words.clone())?,
            numbers: Numbers::new(locale),
            language,
        })
    }

    pub(crate) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub(crate) fn numbers(&self) -> &Numbers {
        &self.numbers
    }
}

/// Declared messages in declaration order, read from a pack, and the pack's numbers
/// spelled out.
pub(crate) struct Catalog {
    messages: Vec<Message>,
    number_words: Vec<String>,
}

impl Catalog {
    /// The messages `names` from `messages`; otherwise the name of the first one missing.
    pub(crate) fn new(
        names: &[&'static str],
        messages: &BTreeMap<String, Message>,
        number_words: Vec<String>,
    ) -> Result<Catalog, &'static str> {
        let mut found = Vec::with_capacity(names.len());
        for name in names {
            found.push(messages.get(*name).ok_or(*name)?.clone());
        }
        Ok(Catalog {
            messages: found,
            number_words,
        })
    }

    /// The number words, for another catalog of the same language.
    pub(crate) fn number_words(&self) -> &[String] {
        &self.number_words
    }

    pub(crate) fn plain(&self, key: usize) -> &str {
        self.messages[key].form("other")
    }

    pub(crate) fn format(&self, key: usize, args: &[(&str, Arg)], numbers: &Numbers) -> String {
        let message = &self.messages[key];
        let category = match args.iter().find(|(name, _)| *name == "count") {
            Some((_, Arg::Count(n))) => numbers.plural(*n),
            _ => String::new(),
        };
        fill(
            message.form(&category),
            args,
            &|n| numbers.number(n),
            &self.number_words,
        )
    }
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
        let in_pack: BTreeSet<&str> = pack.messages.keys().map(String::as_str).collect();
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
