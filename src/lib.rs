//! Rapport's browser app: thin Yew views over `rapport-core`. ARCHITECTURE.md maps the
//! files and the rules they keep.

pub mod app;
pub mod browser;
pub mod hooks;
pub mod host;
pub mod persistence;
pub mod state;
pub mod studio;
pub mod text;
pub mod views;
pub mod words;

// Dev-dependencies of tests/ only; named so the unit tests don't flag them.
#[cfg(test)]
use serde_json as _;
#[cfg(test)]
use wasm_bindgen_test as _;
#[cfg(all(test, not(target_arch = "wasm32")))]
use {proc_macro2 as _, syn as _, toml as _};

use app::{App, AppProps};
use persistence::Persistence;
use rapport_core::embed::{self, Embed, InstrumentSource, Placement, Warning};
use rapport_core::instrument_file::{self, InstrumentFile, Problem};
use rapport_core::language::{self, Language};
use state::Notice;
use std::rc::Rc;
use words::Words;

/// Starts Rapport: renders into each mount point of a host page, or else into the page
/// body, once the words of the language in use have arrived (the page's built-in welcome
/// screen stays until then, so the page is never blank). Settings the host got wrong are
/// reported on the console and left out.
pub fn run() {
    let languages: Rc<[Language]> = language::languages().into();
    let preferred: Rc<[String]> = browser::languages().into();
    // On a host page with mount points, Rapport renders into each of them (inside the
    // shadow root the loader attached, so styles neither leak in nor out).
    let mounts = host::mount_points();
    if !mounts.is_empty() {
        for mount in mounts {
            let (embed, warnings) = host::mount_config(&mount);
            host::apply_look(&mount, &embed);
            let shadow = mount.shadow_root();
            if let Some(shadow) = &shadow {
                host::track_use(shadow);
            }
            let root = shadow.and_then(|r| r.query_selector(".rapport-root").ok().flatten());
            start(root, embed, warnings, languages.clone(), preferred.clone());
        }
        return;
    }
    let (embed, warnings) = host::page_config();
    if let Some(root) = host::page_root() {
        host::apply_look(&root, &embed);
    }
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map(Into::into);
    start(body, embed, warnings, languages, preferred);
}

/// Where one Rapport goes: the page's body, or a mount's root (`None` for a mount the
/// loader did not prepare, which only gets a console line).
type Target = Option<web_sys::Element>;

/// Chooses the language, loads its words (English if they fail, saying so), then renders.
fn start(
    target: Target,
    embed: Embed,
    warnings: Vec<Warning>,
    languages: Rc<[Language]>,
    preferred: Rc<[String]>,
) {
    let persistence = Rc::new(Persistence::open(&embed::storage_prefix(
        embed.storage_key.as_deref(),
    )));
    let chosen = persistence.language();
    let Some(wanted) = language::choose(
        &languages,
        chosen.as_deref(),
        embed.lang.as_deref(),
        &preferred,
    )
    .cloned() else {
        return;
    };
    let mounted = (embed.placement == Placement::Mount)
        .then(|| target.clone())
        .flatten();
    let base = host::packs_base(mounted.as_ref());
    let source = embed.instrument.clone();
    let start = Start {
        target,
        embed,
        warnings,
        languages,
        preferred,
        persistence,
        base,
        own: None,
    };
    match source {
        None => start.load(wanted),
        // The site owner's instrument first: every language's words carry it.
        Some(source) => {
            let file = match &source {
                InstrumentSource::Path(path) => path.clone(),
                InstrumentSource::Element(id) => format!("#{id}"),
            };
            let read = move |text: Option<String>| {
                let own = match text {
                    Some(text) => instrument_file::read(&text).map(Rc::new).map_err(Some),
                    None => Err(None),
                };
                Start {
                    own: Some((file, own)),
                    ..start
                }
                .load(wanted);
            };
            match host::instrument_place(&source, mounted.as_ref()) {
                host::InstrumentPlace::Address(url) => browser::fetch_text(&url, read),
                host::InstrumentPlace::Text(text) => read(text),
            }
        }
    }
}

/// The site owner's instrument: its file's name, and the file read, or its problems
/// (`None` when it could not be had at all).
type Own = (String, Result<Rc<InstrumentFile>, Option<Vec<Problem>>>);

struct Start {
    target: Target,
    embed: Embed,
    warnings: Vec<Warning>,
    languages: Rc<[Language]>,
    preferred: Rc<[String]>,
    persistence: Rc<Persistence>,
    base: String,
    own: Option<Own>,
}

impl Start {
    /// Loads the words of `wanted` (English if they fail, saying so), then shows.
    fn load(self, wanted: Language) {
        let own = match &self.own {
            Some((_, Ok(file))) => Some(file.clone()),
            _ => None,
        };
        let (preferred, base) = (self.preferred.clone(), self.base.clone());
        let (asked, preferred_now, base_now) = (wanted.clone(), preferred.clone(), base.clone());
        let again = own.clone();
        words::load(
            &asked,
            &preferred_now,
            &base_now,
            own,
            move |loaded| match loaded {
                // Drawn in a task of its own: reading the pack and drawing the first screen
                // in one would hold the page for longer than a tap may wait.
                Ok(words) => browser::next_task(move || self.show(words, None)),
                Err(failure) => {
                    match self
                        .languages
                        .first()
                        .filter(|english| english.tag != wanted.tag)
                        .cloned()
                    {
                        Some(english) => {
                            let notice = Notice::LanguageUnavailable(wanted.name.clone());
                            words::load(&english, &preferred, &base, again, move |loaded| {
                                match loaded {
                                    Ok(words) => {
                                        browser::next_task(move || self.show(words, Some(notice)))
                                    }
                                    Err(failure) => self.fail(failure, &wanted),
                                }
                            });
                        }
                        None => self.fail(failure, &wanted),
                    }
                }
            },
        );
    }

    fn show(self, words: Words, notice: Option<Notice>) {
        let text = &words.text;
        host::warn(text, &self.warnings, &self.languages);
        // The site owner's instrument could not be used: the visitor is told so in a
        // sentence, the site owner on the console, precisely.
        if let Some((file, Err(problems))) = &self.own {
            match problems {
                Some(problems) => host::report_instrument(text, file, problems),
                None => web_sys::console::error_1(&text.instrument_not_loaded(file).into()),
            }
            if self.embed.placement != Placement::Mount {
                host::take_over_first_screen();
            }
            if let Some(target) = &self.target {
                host::show_failure(target, text.instrument_unavailable());
            }
            return;
        }
        let Some(target) = self.target else {
            web_sys::console::warn_1(&text.no_shadow_root().into());
            return;
        };
        let placement = self.embed.placement;
        let first_screen = match placement {
            Placement::Mount => host::FirstScreen::default(),
            _ => host::take_over_first_screen(),
        };
        // A mount marks its own root with the language; the page marks `<html>`. The app
        // does it as it renders the words (`host::mark_language`), from its first render
        // on, in the same task as the take-over above.
        let language_root: web_sys::Element = match placement {
            Placement::Mount => target.clone(),
            _ => match host::page_root() {
                Some(root) => root.into(),
                None => target.clone(),
            },
        };
        // A site owner's instrument keeps its unfinished check apart.
        let persistence = match &self.own {
            Some((_, Ok(file))) => Rc::new(Persistence::open_for(
                &embed::storage_prefix(self.embed.storage_key.as_deref()),
                Some(&file.id),
            )),
            _ => self.persistence,
        };
        let props = AppProps {
            words: Rc::new(words),
            embed: Rc::new(self.embed),
            persistence,
            languages: self.languages,
            preferred: self.preferred,
            base: self.base.into(),
            own: match self.own {
                Some((_, Ok(file))) => Some(file),
                _ => None,
            },
            language_root,
            notice,
            first_screen,
        };
        yew::Renderer::<App>::with_root_and_props(target, props).render();
        if placement == Placement::Frame {
            host::report_height();
        }
    }

    /// No words at all: says so in the language asked for, from the compiled-in list (or
    /// in the words of the reason found), on the console too.
    fn fail(self, failure: words::Failure, wanted: &Language) {
        let message = failure.as_deref().unwrap_or(&wanted.unavailable);
        web_sys::console::error_1(&message.into());
        if self.embed.placement != Placement::Mount {
            host::take_over_first_screen();
        }
        if let Some(target) = &self.target {
            host::show_failure(target, message);
        }
    }
}
