//! What went wrong, in plain words: stored data, result codes, imported files, a pack's
//! questionnaire, and the host page's settings.

use super::messages::Text;
use rapport_core::code::{CodeError, PREFIX};
use rapport_core::embed::{Warning, Why};
use rapport_core::exchange::{ImportError, MAX_IMPORT_BYTES};
use rapport_core::instrument::InstrumentError;
use rapport_core::instrument_file::{Counted, Flaw, Problem, FORMAT, MAX_FILE_BYTES};
use rapport_core::language::Language;
use rapport_core::store::{ReadError, Shape};

impl Text {
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
            CodeError::OtherStructure(title) => self.code_other_structure(title),
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
            InstrumentError::NoWords
            | InstrumentError::NoText(_)
            | InstrumentError::NotItsStructure => self.instrument_invalid(1),
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
            Why::Lang => self.why_lang(&tags(languages)),
            Why::Instrument => self.why_instrument().to_owned(),
        };
        self.warning(&warning.parameter, &warning.value, &why)
    }

    /// One problem of an instrument file, with where it is: for the site owner.
    pub fn instrument_problem(&self, file: &str, problem: &Problem) -> String {
        let why = self.flaw(&problem.flaw);
        match problem.at {
            Some(at) => self.flaw_place(file, at.line, at.column, &problem.path.to_string(), &why),
            None => self.flaw_file(file, &why),
        }
    }

    /// What is wrong with a value of an instrument file.
    pub fn flaw(&self, flaw: &Flaw) -> String {
        match flaw {
            Flaw::TooLarge { bytes } => {
                self.flaw_too_large(bytes.div_ceil(1024), MAX_FILE_BYTES / 1024)
            }
            Flaw::Syntax { detail, .. } => self.flaw_syntax(detail),
            Flaw::Missing(name) => self.flaw_missing(name),
            Flaw::Unknown(name) => self.flaw_unknown(name),
            Flaw::Repeated(name) => self.flaw_repeated(name),
            Flaw::Shape { detail, .. } => self.flaw_shape(detail),
            Flaw::NewerFormat(format) => self.flaw_newer_format(*format as usize, FORMAT as usize),
            Flaw::BadVersion(version) => self.flaw_bad_version(*version as usize),
            Flaw::BadId(id) => self.flaw_bad_id(id),
            Flaw::RepeatedId(id) => self.flaw_repeated_id(id),
            Flaw::ReservedId(id) => self.flaw_reserved_id(id),
            Flaw::UnknownLanguage(tag) => {
                self.flaw_unknown_language(tag, &tags(&rapport_core::language::languages()))
            }
            Flaw::RepeatedLanguage(tag) => self.flaw_repeated_language(tag),
            Flaw::NoFallback(tag) => self.flaw_no_fallback(tag),
            Flaw::Unlisted(tag) => self.flaw_unlisted(tag),
            Flaw::Blank => self.flaw_blank().to_owned(),
            Flaw::TooLong { chars, max } => self.flaw_too_long(*chars, *max),
            Flaw::Count {
                of,
                found,
                min,
                max,
            } => {
                let (found, min, max) = (*found, *min, *max);
                match of {
                    Counted::Languages => self.flaw_count_languages(found, min, max),
                    Counted::Dimensions => self.flaw_count_dimensions(found, min, max),
                    Counted::Statements => self.flaw_count_statements(found, min, max),
                    Counted::AllStatements => self.flaw_count_all_statements(found, max),
                    Counted::Points => self.flaw_count_points(found, min, max),
                    Counted::ConcernAdvice => {
                        self.flaw_count_advice(found, self.band_concern(), min, max)
                    }
                    Counted::DiscussAdvice => {
                        self.flaw_count_advice(found, self.band_discuss(), min, max)
                    }
                    Counted::StrengthAdvice => {
                        self.flaw_count_advice(found, self.band_strength(), min, max)
                    }
                }
            }
            // A threshold as the file gives it, a JSON number, not in the language's
            // decimals: the person finds it in the file as it is written there.
            Flaw::NotTenths(value) => self.flaw_not_tenths(&value.to_string()),
            Flaw::OutsideScale { threshold, points } => {
                self.flaw_outside_scale(&threshold.to_string(), *points)
            }
            Flaw::BandsNotRising => self.flaw_bands_not_rising().to_owned(),
        }
    }
}

/// The language tags, as a list.
fn tags(languages: &[Language]) -> String {
    let tags: Vec<&str> = languages.iter().map(|l| l.tag.as_str()).collect();
    tags.join(", ")
}
