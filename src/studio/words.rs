//! Loading the studio's words (the app's pack, then the studio's own) and the built-in
//! files one may start from.

use super::state::Reading;
use super::text::StudioText;
use crate::browser;
use crate::words;
use rapport_core::language::{Language, StudioPack};
use rapport_core::Instruments;
use std::rc::Rc;

/// The app's files, from the studio's page (`studio/`).
pub const APP: &str = "../";

/// The built-in instruments, as files beside the app, one may start from.
pub const STARTS: [&str; 2] = ["pulse", "partnership-health"];

/// A built-in instrument's file, to start from.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// `pulse.json`
    pub file: String,
    pub text: Rc<String>,
    /// The file read: its title names it, in the language in use.
    pub reading: Reading,
}

/// One language's words for the studio: its own, the app's, and the built-in
/// questionnaire (a file under its id is the built-in one, or refused).
#[derive(Clone)]
pub struct StudioWords {
    pub text: Rc<StudioText>,
    pub builtin: Rc<Instruments>,
}

impl PartialEq for StudioWords {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.text, &other.text)
    }
}

/// Fetches `language`'s words for the studio: the app's pack, then the studio's.
pub fn load(
    language: &Language,
    preferred: &[String],
    done: impl FnOnce(Option<StudioWords>) + 'static,
) {
    let tag = language.tag.clone();
    words::load(
        language,
        preferred,
        &format!("{APP}lang/"),
        None,
        move |loaded| {
            let Ok(words) = loaded else {
                return done(None);
            };
            browser::fetch_text(&format!("{APP}lang/studio/{tag}.json"), move |json| {
                let text = json
                    .and_then(|json| StudioPack::read(&json).ok())
                    .and_then(|pack| StudioText::new(words.text, &pack).ok());
                done(text.map(|text| StudioWords {
                    text: Rc::new(text),
                    builtin: words.instruments,
                }));
            });
        },
    );
}

/// Fetches the built-in files one may start from, in the order of [`STARTS`]; one that
/// cannot be had is left out.
pub fn load_starts(done: impl FnOnce(Vec<Start>) + 'static) {
    let files: Vec<String> = STARTS.iter().map(|id| format!("{id}.json")).collect();
    let urls: Vec<String> = files
        .iter()
        .map(|file| format!("{APP}instruments/{file}"))
        .collect();
    browser::fetch_texts(&urls, move |texts| {
        done(
            files
                .into_iter()
                .zip(texts)
                .filter_map(|(file, text)| {
                    let text = text?;
                    Some(Start {
                        reading: Reading::of(&text),
                        text: Rc::new(text),
                        file,
                    })
                })
                .collect(),
        )
    });
}
