//! Fetching a language's words and making them ready: the interface text from its pack,
//! and the questionnaire from its instrument file (the older versions from the pack), and
//! the site owner's own instrument when there is one, all in that language.

use crate::browser;
use crate::text::{Numbers, Text};
use rapport_core::instrument_file::{self, InstrumentFile};
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

/// The built-in check's current version is published as one instrument file per
/// language (`instruments/partnership-health/<tag>.json`, written by the build from the
/// six-language `instruments/partnership-health.json`), so a visitor downloads the words
/// of their own language only, beside its pack.
const BUILT_IN: &str = "instruments/partnership-health/";

/// The address of the built-in check's file in `tag`: beside the packs' folder `base`
/// (`lang/`, or the app's address the loader gives a mount), as the page's preload
/// (`tools/post-build.mjs`) asks for it.
pub fn built_in_file(base: &str, tag: &str) -> String {
    let app = base.strip_suffix("lang/").unwrap_or(base);
    format!("{app}{BUILT_IN}{tag}.json")
}

/// Fetches `language`'s pack from `base` (the address of the packs' folder) and the
/// built-in check's file in that language beside it, both at once, and hands on its
/// words, with `own` (the site owner's instrument) in that language. `preferred` (the
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
    let urls = [
        format!("{base}{}.json", language.tag),
        built_in_file(base, &language.tag),
    ];
    browser::fetch_texts(&urls, move |texts| {
        done(match &texts[..] {
            [Some(pack), Some(file)] => words(language, locale, pack, file, own.as_deref()),
            _ => Err(None),
        })
    });
}

/// The words of a pack's text (`json`) and of the built-in check's file in its language
/// (`file`): every message the app shows, and the questionnaire (and `own`, the site
/// owner's instrument, in the same language).
pub fn words(
    language: Language,
    locale: String,
    json: &str,
    file: &str,
    own: Option<&InstrumentFile>,
) -> Result<Words, Failure> {
    let pack = Pack::read(json).map_err(|_| None)?;
    let text = Text::new(language, locale, &pack).map_err(|_| None)?;
    // Read as any instrument file is, problems and limits alike; and in this language
    // (a file of another would show its words under these).
    let current = instrument_file::read(file)
        .map_err(|problems| problems.len())
        .and_then(|file| match &file.languages[..] {
            [only] if *only == text.language.tag => Ok(file),
            _ => Err(1),
        })
        .map_err(|count| Some(text.instrument_broken(&text.instrument_invalid(count))))?;
    match pack.partnership_health_with(current.instrument(&text.language.tag)) {
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
