//! Interface text as a value: one language's pack (`core/data/lang/<tag>.json`), read at
//! start-up or when the person picks another language, and handed to every view with the
//! instrument in the same language. Plural forms and numbers follow the browser's `Intl`
//! for the language's locale; the core picks forms and fills placeholders.
//!
//! `messages` declares every message and reads a pack into a [`Text`]; `numbers` writes
//! numbers and dates; `errors` words what went wrong; this file says what several
//! screens say alike.

mod errors;
mod messages;
mod numbers;

pub(crate) use messages::{messages, Catalog};
pub use messages::{Text, NAMES};
pub use numbers::Numbers;
pub use rapport_core::language::Arg;

use rapport_core::exchange::CsvWords;
use rapport_core::instrument::Bands;
use rapport_core::plan::{Date, Status};
use rapport_core::scoring::shown_tenths;
use rapport_core::{Band, Instrument};

impl Text {
    /// A whole number in the language's digits.
    pub fn number(&self, n: usize) -> String {
        self.numbers.number(n)
    }

    /// A number of tenths, with one decimal: "3,5" in French.
    pub fn decimal(&self, tenths: i64) -> String {
        self.numbers.decimal(tenths)
    }

    /// A score as shown (one decimal, never rounded across one of the instrument's
    /// `bands` thresholds), or the no-score mark.
    pub fn score(&self, bands: &Bands, mean: Option<f64>) -> String {
        mean.map_or_else(
            || self.no_score().to_owned(),
            |m| self.decimal(shown_tenths(bands, m)),
        )
    }

    /// A score with one decimal.
    pub fn mean(&self, bands: &Bands, mean: f64) -> String {
        self.decimal(shown_tenths(bands, mean))
    }

    /// A date and time, in the language's format.
    pub fn date(&self, ms: u64) -> String {
        self.numbers.date(ms)
    }

    /// A calendar day (a due date), written as dates are, without a time.
    pub fn day(&self, day: Date) -> String {
        self.numbers.day(day)
    }

    /// The day of a moment (milliseconds since the Unix epoch), without its time.
    pub fn day_of(&self, ms: u64) -> String {
        self.numbers.day_of(ms)
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

    /// "3.5 out of 5", on the instrument's scale.
    pub fn out_of(&self, instrument: &Instrument, mean: Option<f64>) -> String {
        let points = usize::from(instrument.scale.points());
        self.out_of_five(&self.score(&instrument.bands, mean), points)
    }

    /// A band's name: the instrument's own, or Rapport's.
    pub fn band<'a>(&'a self, bands: &'a Bands, band: Band) -> &'a str {
        bands.name(band).unwrap_or(match band {
            Band::Strength => self.band_strength(),
            Band::Discuss => self.band_discuss(),
            Band::Concern => self.band_concern(),
        })
    }

    /// A band's name, or "not enough answers" where there is no score.
    pub fn band_or_none<'a>(&'a self, bands: &'a Bands, band: Option<Band>) -> &'a str {
        band.map_or(self.not_enough_answers(), |b| self.band(bands, b))
    }

    /// The band thresholds line, built from the thresholds and names of the instrument's
    /// `bands`.
    pub fn band_scale_line(&self, bands: &Bands) -> String {
        let strength = i64::from(bands.strength_from);
        self.band_scale(
            &self.decimal(strength),
            &self.decimal(i64::from(bands.discuss_from)),
            &self.decimal(strength - 1),
            self.band(bands, Band::Strength),
            self.band(bands, Band::Discuss),
            self.band(bands, Band::Concern),
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
}
