//! Fetching a language pack and making its words: the interface text and the
//! questionnaire (and the site owner's own instrument, when there is one), all in that
//! language.

use crate::browser;
use crate::text::{Numbers, Text};
use rapport_core::instrument_file::InstrumentFile;
use rapport_core::language::{self, Language, Pack};
use rapport_core::Instruments;
use std::rc::Rc;

/// One language's words: what every view shows.
pub struct Words {
    pub text: Rc<Text>,
    /// Every version of the questionnaire, in this language; the site owner's own
    /// instrument last, when there is one: new checks use it.
    pub instruments: Rc<Instruments>,
}

/// Why a pack gave no words: `Some` with the reason in the pack's own words when its
/// messages were read but its questionnaire could not be, `None` when nothing was usable.
pub type Failure = Option<String>;

/// Fetches `language`'s pack from `base` (the address of the packs' folder) and hands on
/// its words, with `own` (the site owner's instrument) in that language. `preferred` (the
/// browser's languages) picks the locale.
pub fn load(
    language: &Language,
    preferred: &[String],
    base: &str,
    own: Option<Rc<InstrumentFile>>,
    done: impl FnOnce(Result<Words, Failure>) + 'static,
) {
    let locale = language::locale(language, preferred).to_owned();
    let prepared = locale.clone();
    browser::next_task(move || Numbers::prepare(&prepared));
    let language = language.clone();
    browser::fetch_text(&format!("{base}{}.json", language.tag), move |json| {
        done(match json {
            Some(json) => words(language, locale, &json, own.as_deref()),
            None => Err(None),
        })
    });
}

/// The words of a pack's text: every message the app shows, and the questionnaire (and
/// `own`, the site owner's instrument, in the same language).
pub fn words(
    language: Language,
    locale: String,
    json: &str,
    own: Option<&InstrumentFile>,
) -> Result<Words, Failure> {
    let pack = Pack::read(json).map_err(|_| None)?;
    let text = Text::new(language, locale, &pack).map_err(|_| None)?;
    match pack.partnership_health() {
        Ok(instruments) => Ok(Words {
            instruments: Rc::new(match own {
                Some(file) => instruments
                    .with(file.instrument(&text.language.tag))
                    .map_err(|taken| Some(text.instrument_taken(&taken.0)))?,
                None => instruments,
            }),
            text: Rc::new(text),
        }),
        Err(error) => Err(Some(text.instrument_error(&error))),
    }
}
