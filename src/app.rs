//! The root component: the app state, its effects (in `hooks.rs`), the bar and the
//! screen on show. Nothing imports this file but the start-up code in `lib.rs`.

use crate::hooks::{
    use_autosave, use_first_screen_focus, use_focus_follows_screen, use_focus_on_question,
    use_history_saved, use_other_tabs, use_results_painted, use_share_links, use_update_ready,
};
use crate::persistence::Persistence;
use crate::state::{Action, AppState, CompareMsg, HistoryMsg, Notice, NoticeMsg, Question, Screen};
use crate::views::compare::{compare_screen, CompareProps};
use crate::views::history::{history_screen, HistoryProps};
use crate::views::notices::notices;
use crate::views::results::{results, shared, ResultsProps};
use crate::views::step::{step_screen, StepProps};
use crate::views::welcome::{welcome, WelcomeProps};
use crate::views::widgets::Ui;
use crate::words::{self, Words};
use crate::{browser, host};
use rapport_core::embed::{Embed, Placement};
use rapport_core::instrument_file::InstrumentFile;
use rapport_core::language::{self, Language};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct AppProps {
    /// The words of the language chosen at start-up, and the questionnaire in it.
    pub words: Rc<Words>,
    /// Where Rapport runs and how the host page configured it.
    pub embed: Rc<Embed>,
    pub persistence: Rc<Persistence>,
    /// Every language Rapport speaks, for the language selector.
    pub languages: Rc<[Language]>,
    /// The browser's languages, which pick a language's locale.
    pub preferred: Rc<[String]>,
    /// Where the language packs are.
    pub base: Rc<str>,
    /// The site owner's own instrument, read from its file, when the host gave one: every
    /// language's words carry it.
    pub own: Option<Rc<InstrumentFile>>,
    /// The element that carries `lang` and `dir`: `<html>`, or a mount's own root.
    pub language_root: web_sys::Element,
    /// Said once the app shows (a language that could not be loaded).
    pub notice: Option<Notice>,
    /// What the person did on the page's first screen before the app ran.
    pub first_screen: host::FirstScreen,
}

/// The root's props are made once, at start-up: they are equal when they are the same.
impl PartialEq for AppProps {
    fn eq(&self, other: &AppProps) -> bool {
        Rc::ptr_eq(&self.words, &other.words) && Rc::ptr_eq(&self.embed, &other.embed)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let placement = props.embed.placement;
    let persistence = props.persistence.clone();
    // Scoring, saving and codes use the questionnaire's structure, which every language
    // shares: they keep the first language's instrument; views use the words in use.
    let structure = props.words.instruments.clone();
    let shown = use_state(|| props.words.clone());
    let state = {
        let (instruments, persistence, embed, notice, first) = (
            structure.clone(),
            persistence.clone(),
            props.embed.clone(),
            props.notice.clone(),
            props.first_screen.clone(),
        );
        use_reducer(move || {
            let loaded = persistence.load(&instruments);
            let mut state = AppState::new(instruments, loaded);
            // What was typed before the app ran, unless a check is already under way.
            if !first.name.is_empty() {
                state.preset_name(&first.name);
            }
            if let Some(name) = &embed.name {
                state.preset_name(name);
            }
            let fragment = browser::fragment();
            if host::opens(embed.placement, &fragment) {
                state.open_link(&fragment);
            }
            if let Some(Notice::LanguageUnavailable(language)) = notice {
                state.on_notice(NoticeMsg::LanguageUnavailable(language));
            }
            // Start pressed before the app ran (start, or continue the unfinished check),
            // the first step's answers, Next.
            state.carry_on(first.walk);
            state
        })
    };
    let dispatcher = state.dispatcher();
    let instruments = &structure;
    use_autosave(persistence.clone(), state.draft.clone(), dispatcher.clone());
    use_history_saved(
        persistence.clone(),
        instruments.clone(),
        state.history.clone(),
        dispatcher.clone(),
    );
    use_other_tabs(persistence.clone(), instruments.clone(), dispatcher.clone());
    use_share_links(placement, dispatcher.clone());
    use_update_ready(dispatcher.clone());
    use_focus_follows_screen(placement, state.screen.clone());
    use_focus_on_question(state.asking.clone());
    use_first_screen_focus(&props.first_screen, &state);
    use_results_painted(state.screen.clone(), dispatcher.clone());

    let on_delete_all = {
        let (persistence, dispatcher) = (persistence.clone(), dispatcher.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::History(match persistence.delete_all() {
                Ok(()) => HistoryMsg::DeleteAll,
                Err(_) => HistoryMsg::DeleteAllFailed,
            }));
        })
    };
    // Another language: its words replace these once they arrive; the answers, the step
    // and the results stay, since they are kept by id.
    let on_language = {
        let (shown, persistence, dispatcher) =
            (shown.clone(), persistence.clone(), dispatcher.clone());
        let (languages, preferred, base, own) = (
            props.languages.clone(),
            props.preferred.clone(),
            props.base.clone(),
            props.own.clone(),
        );
        Callback::from(move |event: Event| {
            let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            let Some(language) = language::find(&languages, &select.value()) else {
                return;
            };
            let (shown, persistence, dispatcher) =
                (shown.clone(), persistence.clone(), dispatcher.clone());
            let name = language.name.clone();
            words::load(
                language,
                &preferred,
                &base,
                own.clone(),
                move |loaded| match loaded {
                    Ok(new) => {
                        persistence.remember_language(&new.text.language.tag);
                        // `lang`, `dir` and the title follow when these words are rendered.
                        shown.set(Rc::new(new));
                    }
                    Err(_) => {
                        // The selector shows the language still in use, not the one that failed.
                        select.set_value(&shown.text.language.tag);
                        dispatcher.dispatch(Action::Notice(NoticeMsg::LanguageUnavailable(name)));
                    }
                },
            );
        })
    };
    // `lang`, `dir` and the title follow the words this render writes, from the first
    // render on: set here, as the render runs, they change in the same task as the words.
    // Not in an effect: once a run has taken 16 ms, Yew's scheduler hands the browser a
    // frame between a render and its effects, and a screen reader would read the new
    // words with the old language's voice (tests/e2e/languages.test.mjs, on a slow CPU).
    host::mark_language(
        &props.language_root,
        placement,
        &shown.text,
        &shown.instruments.current().title,
    );
    let app_url = use_memo(props.embed.clone(), |embed| browser::app_url(embed));
    let ui = Ui {
        text: shown.text.clone(),
        instruments: shown.instruments.clone(),
        dispatch: dispatcher.into(),
        app_url,
    };
    let text = &ui.text;
    let current = &text.language.tag;
    let language_select = html! {
        <label class="language">
            <span class="visually-hidden">{ text.language_label() }</span>
            <select onchange={on_language}>
                { for props.languages.iter().map(|l| html! {
                    <option value={l.tag.clone()} lang={l.tag.clone()} selected={&l.tag == current}>{ &l.name }</option>
                }) }
            </select>
        </label>
    };

    let screen = match &state.screen {
        Screen::Welcome => welcome(
            &ui,
            &WelcomeProps {
                draft: state.draft.clone(),
                history: state.history.clone(),
                asking: state.asking == Some(Question::StartOver),
                // The shipped pulse, beside the app; a mount's address is its host's.
                pulse: (placement != Placement::Mount && props.own.is_none())
                    .then(|| browser::with_setting("instrument", "instruments/pulse.json")),
            },
        ),
        Screen::Step(step) => step_screen(
            &ui,
            &StepProps {
                step: *step,
                draft: state.draft.clone(),
                show_missing: state.show_missing,
            },
        ),
        Screen::Results(id) => results(
            &ui,
            &ResultsProps {
                history: state.history.clone(),
                id: id.clone(),
                share_name: state.share_name,
                copy_status: state.copy_status,
                painted: state.results_painted,
            },
        ),
        Screen::Shared(assessment) => shared(&ui, assessment),
        Screen::Compare => compare_screen(
            &ui,
            &CompareProps {
                history: state.history.clone(),
                comparison: state.comparison.clone(),
                copy_status: state.copy_status,
            },
        ),
        Screen::History => history_screen(
            &ui,
            &HistoryProps {
                history: state.history.clone(),
                asking: state.asking.clone(),
                on_delete_all,
                trend: state.trend.clone(),
            },
        ),
    };

    // Mounted into a host page, Rapport is a part of that page: no skip link and no
    // page landmarks (the host has its own, and two mounts would repeat them). In a
    // frame, the landmarks sit in the host page's: labels keep them apart from the
    // host's own header and main.
    let (mounted, framed) = (placement == Placement::Mount, placement == Placement::Frame);
    let (bar, nav, body) = if mounted {
        ("div", "div", "div")
    } else {
        ("header", "nav", "main")
    };
    html! {
        <>
            if !mounted {
                <a class="skip-link" href="#main">{ text.skip_to_content() }</a>
            }
            <@{bar} class="bar" aria-label={framed.then(|| text.brand().to_owned())}>
                <button type="button" class="brand" onclick={ui.on_click(|| Action::ShowWelcome)}>
                    { text.brand() }
                </button>
                <@{nav} class="nav" aria-label={(!mounted).then(|| text.brand().to_owned())}>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::Compare).then_some("page")}
                        onclick={ui.on_click(|| Action::Compare(CompareMsg::Show))}
                    >
                        { text.nav_compare() }
                    </button>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::History).then_some("page")}
                        onclick={ui.on_click(|| Action::ShowHistory)}
                    >
                        { text.nav_history() }
                    </button>
                    { language_select }
                </@>
            </@>
            <@{body} id="main" class="body" tabindex="-1" aria-label={framed.then(|| ui.current().title.clone())}>
                { notices(&ui, &state.notices) }
                { screen }
            </@>
            if placement == Placement::Page {
                <footer class="foot"><p>{ text.footer_privacy() }</p></footer>
            }
        </>
    }
}
