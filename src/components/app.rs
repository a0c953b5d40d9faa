use crate::browser;
use crate::components::compare::{compare_screen, CompareProps};
use crate::components::history::{history_screen, HistoryProps};
use crate::components::notices::notices;
use crate::components::results::{results, shared, ResultsProps};
use crate::components::step::{step_screen, StepProps};
use crate::components::welcome::{welcome, WelcomeProps};
use crate::persistence::{Persistence, Stored};
use crate::state::{Action, AppState, Question, Screen};
use crate::text::TEXT;
use gloo_events::EventListener;
use rapport_core::embed::{self, Embed};
use rapport_core::Instrument;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

/// Every screen's `h1` carries this id, so focus can follow screen changes.
pub const SCREEN_TITLE: &str = "screen-title";

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// How the host page configured Rapport (the default when standalone).
    pub embed: Rc<Embed>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let instrument = use_memo((), |_| Instrument::partnership_health().map(Rc::new));
    match &*instrument {
        Ok(instrument) => {
            html! { <Checkup instrument={instrument.clone()} embed={props.embed.clone()} /> }
        }
        Err(problem) => html! {
            <main class="screen">
                <h1 id={SCREEN_TITLE}>{ TEXT.brand }</h1>
                <p class="notice notice-error" role="alert">
                    { (TEXT.instrument_broken)(&problem.to_string()) }
                </p>
            </main>
        },
    }
}

#[derive(Properties, PartialEq)]
struct CheckupProps {
    instrument: Rc<Instrument>,
    embed: Rc<Embed>,
}

#[component]
fn Checkup(props: &CheckupProps) -> Html {
    let persistence = {
        let prefix = embed::storage_prefix(props.embed.storage_key.as_deref());
        use_memo((), move |_| Persistence::open(&prefix))
    };
    let state = {
        let (instrument, persistence, embed) = (
            props.instrument.clone(),
            persistence.clone(),
            props.embed.clone(),
        );
        use_reducer(move || {
            let loaded = persistence.load(&instrument);
            let mut state = AppState::new(instrument, loaded);
            if let Some(name) = &embed.name {
                state.preset_name(name);
            }
            // A host page's fragment is the host's own, unless it carries codes.
            let fragment = browser::fragment();
            if !embed.mounted || fragment.starts_with("#RP") {
                state.open_link(&fragment);
            }
            state
        })
    };
    let dispatcher = state.dispatcher();

    // Autosave: every change to the unfinished check is written at once.
    {
        let (persistence, dispatcher, instrument) = (
            persistence.clone(),
            dispatcher.clone(),
            props.instrument.clone(),
        );
        use_effect_with(state.draft.clone(), move |draft| {
            if let Err(problem) = persistence.save_draft(draft, &instrument) {
                dispatcher.dispatch(Action::StorageProblem(problem));
            }
        });
    }
    // History is merged with what other tabs saved, never written over it.
    {
        let (persistence, dispatcher, instrument) = (
            persistence.clone(),
            dispatcher.clone(),
            props.instrument.clone(),
        );
        use_effect_with(state.history.clone(), move |history| {
            match persistence.save_history(history, &instrument) {
                Ok(merged) if merged != **history => {
                    dispatcher.dispatch(Action::HistoryStored(merged))
                }
                Ok(_) => {}
                Err(problem) => dispatcher.dispatch(Action::StorageProblem(problem)),
            }
        });
    }
    // Another tab changed the history: merge its checks in, or follow its delete-all (only
    // delete-all removes the history key: a deleted check leaves its id behind).
    {
        let (persistence, dispatcher, instrument) = (
            persistence.clone(),
            dispatcher.clone(),
            props.instrument.clone(),
        );
        use_effect_with((), move |_| {
            let history_key = persistence.key(Stored::History);
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<StorageEvent>() else {
                        return;
                    };
                    match (event.key(), event.new_value()) {
                        // No key: the whole storage was cleared.
                        (None, _) => dispatcher.dispatch(Action::DeletedElsewhere),
                        (Some(key), None) if key == history_key => {
                            dispatcher.dispatch(Action::DeletedElsewhere)
                        }
                        (Some(key), Some(_)) if key == history_key => {
                            if let Some(history) = persistence.stored_history(&instrument) {
                                dispatcher.dispatch(Action::HistoryStored(history));
                            }
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    // A share link opened in this tab (pasted into the address bar) opens its result.
    {
        let dispatcher = dispatcher.clone();
        let mounted = props.embed.mounted;
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    let fragment = browser::fragment();
                    if !mounted || fragment.starts_with("#RP") {
                        dispatcher.dispatch(Action::OpenLink(fragment))
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Focus follows screen changes, so keyboard and screen-reader users land on the new
    // screen's heading. Not on first render: a page must not grab focus by itself. A share
    // link stays in the address only while its result or comparison is on screen.
    {
        let first_render = use_mut_ref(|| true);
        let mounted = props.embed.mounted;
        use_effect_with(state.screen.clone(), move |screen| {
            if !mounted && !matches!(screen, Screen::Shared(_) | Screen::Compare) {
                browser::clear_fragment();
            }
            if !first_render.replace(false) {
                browser::focus_id(SCREEN_TITLE);
            }
        });
    }

    let on_delete_all = {
        let (persistence, dispatcher) = (persistence.clone(), dispatcher.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(match persistence.delete_all() {
                Ok(()) => Action::DeleteAll,
                Err(_) => Action::DeleteAllFailed,
            });
        })
    };
    let dispatch: Callback<Action> = dispatcher.into();

    let screen = match &state.screen {
        Screen::Welcome => html! {
            { welcome(&WelcomeProps {
                instrument: state.instrument.clone(),
                draft: state.draft.clone(),
                history: state.history.clone(),
                asking: state.asking == Some(Question::StartOver),
                dispatch: dispatch.clone(),
            }) }
        },
        Screen::Step(step) => html! {
            { step_screen(&StepProps {
                instrument: state.instrument.clone(),
                step: *step,
                answers: state.draft.answers.clone(),
                show_missing: state.show_missing,
                dispatch: dispatch.clone(),
            }) }
        },
        Screen::Results(id) => html! {
            { results(&ResultsProps {
                instrument: state.instrument.clone(),
                history: state.history.clone(),
                id: id.clone(),
                dispatch: dispatch.clone(),
                share_name: state.share_name,
                copy_status: state.copy_status,
            }) }
        },
        Screen::Shared(assessment) => shared(&state.instrument, assessment, &dispatch),
        Screen::Compare => compare_screen(&CompareProps {
            instrument: state.instrument.clone(),
            history: state.history.clone(),
            comparison: state.comparison.clone(),
            copy_status: state.copy_status,
            dispatch: dispatch.clone(),
        }),
        Screen::History => html! {
            { history_screen(&HistoryProps {
                instrument: state.instrument.clone(),
                history: state.history.clone(),
                asking: state.asking.clone(),
                dispatch: dispatch.clone(),
                on_delete_all,
            }) }
        },
    };
    let go = |action: fn() -> Action| dispatch.reform(move |_: MouseEvent| action());
    let embedded = props.embed.embedded;

    // Mounted into a host page, Rapport is a part of that page: no skip link and no
    // page landmarks (the host has its own, and two mounts would repeat them).
    let mounted = props.embed.mounted;
    let (bar, nav, body) = if mounted {
        ("div", "div", "div")
    } else {
        ("header", "nav", "main")
    };
    html! {
        <>
            if !mounted {
                <a class="skip-link" href="#main">{ TEXT.skip_to_content }</a>
            }
            // Embedded, these landmarks sit in the host page's landmarks: labels keep them
            // apart from the host's own header and main.
            <@{bar} class="bar" aria-label={(embedded && !mounted).then_some(TEXT.brand)}>
                <button type="button" class="brand" onclick={go(|| Action::ShowWelcome)}>
                    { TEXT.brand }
                </button>
                <@{nav} class="nav" aria-label={(!mounted).then_some(TEXT.brand)}>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::Compare).then_some("page")}
                        onclick={go(|| Action::ShowCompare)}
                    >
                        { TEXT.nav_compare }
                    </button>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::History).then_some("page")}
                        onclick={go(|| Action::ShowHistory)}
                    >
                        { TEXT.nav_history }
                    </button>
                </@>
            </@>
            <@{body} id="main" class="body" tabindex="-1" aria-label={(embedded && !mounted).then(|| state.instrument.title.clone())}>
                { notices(&state.notices, &dispatch) }
                { screen }
            </@>
            if !embedded {
                <footer class="foot"><p>{ TEXT.footer_privacy }</p></footer>
            }
        </>
    }
}
