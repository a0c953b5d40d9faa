//! Fetching a language pack and making its words: the interface text and the
//! questionnaire, both in that language.

use crate::browser;
use crate::text::{Numbers, Text};
use rapport_core::language::{self, Language, Pack};
use rapport_core::Instruments;
use std::rc::Rc;

/// One language's words: what every view shows.
pub struct Words {
    pub text: Rc<Text>,
    /// Every version of the questionnaire, in this language.
    pub instruments: Rc<Instruments>,
}

/// Why a pack gave no words: `Some` with the reason in the pack's own words when its
/// messages were read but its questionnaire could not be, `None` when nothing was usable.
pub type Failure = Option<String>;

/// Fetches `language`'s pack from `base` (the address of the packs' folder) and hands on
/// its words. `preferred` (the browser's languages) picks the locale.
pub fn load(
    language: &Language,
    preferred: &[String],
    base: &str,
    done: impl FnOnce(Result<Words, Failure>) + 'static,
) {
    let locale = language::locale(language, preferred).to_owned();
    let prepared = locale.clone();
    browser::next_task(move || Numbers::prepare(&prepared));
    let language = language.clone();
    browser::fetch_text(&format!("{base}{}.json", language.tag), move |json| {
        done(match json {
            Some(json) => words(language, locale, &json),
            None => Err(None),
        })
    });
}

/// The words of a pack's text: every message the app shows, and the questionnaire.
pub fn words(language: Language, locale: String, json: &str) -> Result<Words, Failure> {
    let pack = Pack::read(json).map_err(|_| None)?;
    let text = Text::new(language, locale, &pack).map_err(|_| None)?;
    match pack.partnership_health() {
        Ok(instruments) => Ok(Words {
            text: Rc::new(text),
            instruments: Rc::new(instruments),
        }),
        Err(error) => Err(Some(text.instrument_error(&error))),
    }
}
