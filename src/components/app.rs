//! The root component: the app state, its effects (in `hooks.rs`), the bar and the
//! screen on show. Nothing imports this file but the start-up code in `lib.rs`.

use crate::components::compare::{compare_screen, CompareProps};
use crate::components::history::{history_screen, HistoryProps};
use crate::components::notices::notices;
use crate::components::results::{results, shared, ResultsProps};
use crate::components::shared::Ui;
use crate::components::step::{step_screen, StepProps};
use crate::components::welcome::{welcome, WelcomeProps};
use crate::hooks::{
    use_autosave, use_focus_follows_screen, use_focus_on_question, use_history_saved,
    use_other_tabs, use_share_links,
};
use crate::persistence::Persistence;
use crate::state::{Action, AppState, CompareMsg, HistoryMsg, Question, Screen};
use crate::text::Catalogue;
use crate::{browser, host};
use rapport_core::embed::{self, Embed, Placement};
use rapport_core::Instrument;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct AppProps {
    /// The words of the language in use.
    pub text: &'static Catalogue,
    /// The questionnaire.
    pub instrument: Rc<Instrument>,
    /// Where Rapport runs and how the host page configured it.
    pub embed: Rc<Embed>,
}

/// The same values, not equal copies: comparing instruments field by field would cost
/// wasm, and the root's props never change.
impl PartialEq for AppProps {
    fn eq(&self, other: &AppProps) -> bool {
        std::ptr::eq(self.text, other.text)
            && Rc::ptr_eq(&self.instrument, &other.instrument)
            && Rc::ptr_eq(&self.embed, &other.embed)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let placement = props.embed.placement;
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
            let fragment = browser::fragment();
            if host::opens(embed.placement, &fragment) {
                state.open_link(&fragment);
            }
            state
        })
    };
    let dispatcher = state.dispatcher();
    let instrument = &props.instrument;
    use_autosave(
        persistence.clone(),
        instrument.clone(),
        state.draft.clone(),
        dispatcher.clone(),
    );
    use_history_saved(
        persistence.clone(),
        instrument.clone(),
        state.history.clone(),
        dispatcher.clone(),
    );
    use_other_tabs(persistence.clone(), instrument.clone(), dispatcher.clone());
    use_share_links(placement, dispatcher.clone());
    use_focus_follows_screen(placement, state.screen.clone());
    use_focus_on_question(state.asking.clone());

    let on_delete_all = {
        let (persistence, dispatcher) = (persistence.clone(), dispatcher.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::History(match persistence.delete_all() {
                Ok(()) => HistoryMsg::DeleteAll,
                Err(_) => HistoryMsg::DeleteAllFailed,
            }));
        })
    };
    let ui = Ui {
        text: props.text,
        instrument: instrument.clone(),
        dispatch: dispatcher.into(),
    };
    let text = ui.text;

    let screen = match &state.screen {
        Screen::Welcome => welcome(
            &ui,
            &WelcomeProps {
                draft: state.draft.clone(),
                history: state.history.clone(),
                asking: state.asking == Some(Question::StartOver),
            },
        ),
        Screen::Step(step) => step_screen(
            &ui,
            &StepProps {
                step: *step,
                answers: state.draft.answers.clone(),
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
            },
        ),
    };
    let go = |action: fn() -> Action| ui.dispatch.reform(move |_: MouseEvent| action());

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
                <a class="skip-link" href="#main">{ text.skip_to_content }</a>
            }
            <@{bar} class="bar" aria-label={framed.then_some(text.brand)}>
                <button type="button" class="brand" onclick={go(|| Action::ShowWelcome)}>
                    { text.brand }
                </button>
                <@{nav} class="nav" aria-label={(!mounted).then_some(text.brand)}>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::Compare).then_some("page")}
                        onclick={go(|| Action::Compare(CompareMsg::Show))}
                    >
                        { text.nav_compare }
                    </button>
                    <button
                        type="button"
                        class="link"
                        aria-current={(state.screen == Screen::History).then_some("page")}
                        onclick={go(|| Action::ShowHistory)}
                    >
                        { text.nav_history }
                    </button>
                </@>
            </@>
            <@{body} id="main" class="body" tabindex="-1" aria-label={framed.then(|| instrument.title.clone())}>
                { notices(&ui, &state.notices) }
                { screen }
            </@>
            if placement == Placement::Page {
                <footer class="foot"><p>{ text.footer_privacy }</p></footer>
            }
        </>
    }
}
