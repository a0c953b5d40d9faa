//! The studio (`studio/index.html`, its own wasm: the app's visitors never load it): a
//! site owner writes an instrument file, sees every problem in it as they type, with its
//! line, column and JSON path, previews the walk-through's first step and a results page
//! for sample answers, and downloads the file. The file, the problems and the preview are
//! the core's (`instrument_file`) and the app's own views; the studio adds the editor
//! around them.
//!
//! `text` holds its words and `words` loads them with the built-in files; `state` is its
//! one reducer and `view` what it draws; this file starts it.

pub mod state;
pub mod text;
pub mod view;
pub mod words;

use crate::browser;
use crate::host;
use crate::persistence::Persistence;
use rapport_core::embed;
use rapport_core::language::{self, Language};
use std::rc::Rc;
use view::{StudioRoot, StudioRootProps};
use words::{load, load_starts, StudioWords};

/// Starts the studio in the page's body: the person's language (their earlier choice in
/// Rapport, `?lang=`, the browser's), then the built-in files, then the editor.
pub fn run() {
    let languages: Rc<[Language]> = language::languages().into();
    let preferred: Rc<[String]> = browser::languages().into();
    let persistence = Rc::new(Persistence::open(&embed::storage_prefix(None)));
    let (settings, _) = host::page_config();
    let Some(wanted) = language::choose(
        &languages,
        persistence.language().as_deref(),
        settings.lang.as_deref(),
        &preferred,
    )
    .cloned() else {
        return;
    };
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let english = languages.first().cloned();
    let asked = wanted.clone();
    load(&wanted, &preferred.clone(), move |loaded| {
        let for_english = preferred.clone();
        let render = move |words: StudioWords| {
            load_starts(move |starts| {
                let props = StudioRootProps {
                    words,
                    starts: starts.into(),
                    languages,
                    preferred,
                    persistence,
                };
                end_waiting();
                yew::Renderer::<StudioRoot>::with_root_and_props(body.into(), props).render();
            });
        };
        match (loaded, english) {
            (Some(words), _) => render(words),
            // English, when the language asked for cannot be had.
            (None, Some(english)) if english.tag != asked.tag => {
                load(&english, &for_english, move |loaded| match loaded {
                    Some(words) => render(words),
                    None => fail(&asked),
                });
            }
            (None, _) => fail(&asked),
        }
    });
}

/// Removes what the page shows until the studio renders (studio/index.html).
fn end_waiting() {
    if let Some(waiting) = host::element("studio-waiting") {
        waiting.remove();
    }
}

/// No words at all: said in the language asked for, from the compiled-in list.
fn fail(wanted: &Language) {
    end_waiting();
    web_sys::console::error_1(&wanted.unavailable.as_str().into());
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        host::show_failure(&body, &wanted.unavailable);
    }
}
