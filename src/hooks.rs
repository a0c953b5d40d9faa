//! The root component's effects, each a named hook: what is saved when, what other tabs
//! and share links bring in, and where focus goes. Storage is reached only through
//! `Persistence`.

use crate::browser;
use crate::host::{self, FocusBefore};
use crate::persistence::Persistence;
use crate::state::{Action, AppState, HistoryMsg, NoticeMsg, Question, Screen, ShareMsg, Stored};
use crate::views::widgets::{answer_id, CANCEL_ID, SCREEN_TITLE};
use gloo_events::EventListener;
use rapport_core::embed::Placement;
use rapport_core::{Draft, History, Instruments, Response};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

type Dispatcher = UseReducerDispatcher<AppState>;

/// Autosave: every change to the unfinished check is written at once.
#[hook]
pub fn use_autosave(persistence: Rc<Persistence>, draft: Rc<Draft>, dispatcher: Dispatcher) {
    use_effect_with(draft, move |draft| {
        if let Err(problem) = persistence.save_draft(draft) {
            dispatcher.dispatch(Action::Notice(NoticeMsg::Storage(problem)));
        }
    });
}

/// History is saved on every change, merged with what other tabs saved, never written
/// over it; what the merge brought in comes back into the state.
#[hook]
pub fn use_history_saved(
    persistence: Rc<Persistence>,
    instruments: Rc<Instruments>,
    history: Rc<History>,
    dispatcher: Dispatcher,
) {
    use_effect_with(history, move |history| {
        match persistence.save_history(history, &instruments) {
            Ok(merged) if merged != **history => {
                dispatcher.dispatch(Action::History(HistoryMsg::Stored(merged)))
            }
            Ok(_) => {}
            Err(problem) => dispatcher.dispatch(Action::Notice(NoticeMsg::Storage(problem))),
        }
    });
}

/// Another tab changed the history: merge its checks in, or follow its delete-all (only
/// delete-all removes the history key: a deleted check leaves its id behind).
#[hook]
pub fn use_other_tabs(
    persistence: Rc<Persistence>,
    instruments: Rc<Instruments>,
    dispatcher: Dispatcher,
) {
    use_effect_with((), move |_| {
        let history_key = persistence.key(Stored::History);
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<StorageEvent>() else {
                    return;
                };
                let deleted = Action::History(HistoryMsg::DeletedElsewhere);
                match (event.key(), event.new_value()) {
                    // No key: the whole storage was cleared.
                    (None, _) => dispatcher.dispatch(deleted),
                    (Some(key), None) if key == history_key => dispatcher.dispatch(deleted),
                    (Some(key), Some(_)) if key == history_key => {
                        if let Some(history) = persistence.stored_history(&instruments) {
                            dispatcher.dispatch(Action::History(HistoryMsg::Stored(history)));
                        }
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// A new version of Rapport, downloaded by the service worker, is offered with a notice
/// (a reload uses it), whether it was found before the app started or while it runs.
#[hook]
pub fn use_update_ready(dispatcher: Dispatcher) {
    use_effect_with((), move |_| {
        if browser::update_ready() {
            dispatcher.dispatch(Action::Notice(NoticeMsg::UpdateReady));
        }
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, browser::UPDATE_READY, move |_| {
                dispatcher.dispatch(Action::Notice(NoticeMsg::UpdateReady))
            })
        });
        move || drop(listener)
    });
}

/// A share link opened in this tab (pasted into the address bar) opens its result.
#[hook]
pub fn use_share_links(placement: Placement, dispatcher: Dispatcher) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let fragment = browser::fragment();
                if host::opens(placement, &fragment) {
                    dispatcher.dispatch(Action::Share(ShareMsg::OpenLink(fragment)))
                }
            })
        });
        move || drop(listener)
    });
}

/// The results screen is the heaviest (a chart, a table, the advice and the share code):
/// its top, with the overall score, is drawn first, and the rest in the task after that
/// frame, so See results answers at once. The rest only adds below what is already
/// there, so nothing moves.
#[hook]
pub fn use_results_painted(screen: Screen, dispatcher: Dispatcher) {
    use_effect_with(screen, move |screen| {
        if matches!(screen, Screen::Results(_)) {
            browser::after_paint(move || dispatcher.dispatch(Action::ResultsPainted));
        }
    });
}

/// Focus follows screen changes, so keyboard and screen-reader users land on the new
/// screen's heading. Not on first render: a page must not grab focus by itself. A share
/// link stays in the address only while its result or comparison is on screen.
#[hook]
pub fn use_focus_follows_screen(placement: Placement, screen: Screen) {
    let first_render = use_mut_ref(|| true);
    use_effect_with(screen, move |screen| {
        if placement != Placement::Mount && !matches!(screen, Screen::Shared(_) | Screen::Compare) {
            browser::clear_fragment();
        }
        if !first_render.replace(false) {
            browser::focus_id(SCREEN_TITLE);
        }
    });
}

/// Focus stays where the person had it on the page's first screens: in the name field,
/// on an answer, or on the heading after a press on Start. A press on Next moves it as a
/// press in the app does: to the next step's heading, or to the first statement still
/// unanswered.
#[hook]
pub fn use_first_screen_focus(first: &host::FirstScreen, state: &AppState) {
    // Worked out on the first render only: later renders keep it.
    let target = use_state(|| first_screen_focus(first, state));
    // What had focus may not be on this screen (the name field, after a Start that
    // continued a check): then the screen's heading takes it.
    use_effect_with((), move |_| {
        if let Some(id) = &*target {
            if !browser::focus_id(id) {
                browser::focus_id(SCREEN_TITLE);
            }
        }
    });
}

/// The id focus goes to once the app has carried on from the page's first screens.
fn first_screen_focus(first: &host::FirstScreen, state: &AppState) -> Option<String> {
    let unanswered = match state.screen {
        Screen::Step(step) if state.show_missing => {
            state.draft_instrument().dimensions.get(step).and_then(|d| {
                state
                    .draft
                    .answers
                    .unanswered(d)
                    .first()
                    .map(|s| s.id.clone())
            })
        }
        _ => None,
    };
    match (&first.focus, unanswered) {
        (_, Some(statement)) => Some(answer_id(&statement, Response::LOWEST)),
        _ if first.walk.next => Some(SCREEN_TITLE.to_owned()),
        (Some(FocusBefore::Id(id)), _) => Some(id.clone()),
        (Some(FocusBefore::Heading), _) => Some(SCREEN_TITLE.to_owned()),
        (None, _) if first.walk.start => Some(SCREEN_TITLE.to_owned()),
        (None, _) => None,
    }
}

/// A question before something that cannot be undone takes focus on its safe answer when
/// it appears, so a keyboard user can read the question first.
#[hook]
pub fn use_focus_on_question(asking: Option<Question>) {
    use_effect_with(asking, |asking| {
        if asking.is_some() {
            browser::focus_id(CANCEL_ID);
        }
    });
}
