use crate::browser;
use crate::components::app::SCREEN_TITLE;
use crate::components::confirm::Confirm;
use crate::state::{Action, Question};
use crate::text::TEXT;
use rapport_core::{Draft, History, Instrument};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the welcome screen shows.
pub struct WelcomeProps {
    pub instrument: Rc<Instrument>,
    pub draft: Rc<Draft>,
    pub history: Rc<History>,
    /// Asking whether to start over.
    pub asking: bool,
    pub dispatch: Callback<Action>,
}

/// A plain view function rather than a component: its state lives in the app's reducer,
/// and each component type costs kilobytes of wasm.
pub fn welcome(props: &WelcomeProps) -> Html {
    let on_name = props.dispatch.reform(|e: InputEvent| {
        Action::SetName(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_submit = props.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Start
    });
    // Starting over clears answers, so it asks first.
    let ask = props
        .dispatch
        .reform(|_: MouseEvent| Action::Ask(Question::StartOver));
    let cancel = props.dispatch.reform(|()| Action::KeepIt);
    let start_over = props.dispatch.reform(|()| Action::StartOver);
    let history = props.dispatch.reform(|_: MouseEvent| Action::ShowHistory);
    let latest = props.history.assessments().iter().find(|a| !a.received).map(|a| {
        let score = (TEXT.out_of_five)(&TEXT.score(a.scores.overall()));
        let id = a.id.clone();
        let open = props.dispatch.reform(move |_: MouseEvent| Action::ShowResults(id.clone()));
        html! {
            <div class="latest">
                <p>{ (TEXT.latest_result)(&score, &browser::format_date(a.finished_at)) }</p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={open}>{ TEXT.open_latest }</button>
                    <button type="button" class="link" onclick={history}>{ TEXT.see_history }</button>
                </div>
            </div>
        }
    });
    let total = props.instrument.statement_count();
    let has_unfinished = !props.draft.answers.is_empty();
    let answered = props.draft.answers.answered_in(&props.instrument);

    html! {
        <div class="screen welcome">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ &props.instrument.title }</h1>
            <p class="lead">{ TEXT.welcome_intro }</p>
            <ul class="facts">
                <li>{ (TEXT.welcome_duration)(total) }</li>
                <li>{ TEXT.welcome_privacy }</li>
            </ul>
            <form class="start" onsubmit={on_submit}>
                <div class="field">
                    <label for="partnership-name">{ TEXT.name_label }</label>
                    <input
                        id="partnership-name"
                        type="text"
                        autocomplete="off"
                        maxlength="120"
                        aria-describedby="partnership-name-hint"
                        value={props.draft.name.clone()}
                        oninput={on_name}
                    />
                    <p id="partnership-name-hint" class="hint">{ TEXT.name_hint }</p>
                </div>
                if has_unfinished {
                    <p class="unfinished">{ (TEXT.unfinished)(answered, total) }</p>
                }
                <div class="actions">
                    <button type="submit" class="primary">
                        { if has_unfinished { TEXT.continue_check } else { TEXT.start } }
                    </button>
                    if has_unfinished {
                        <button type="button" id="start-over" class="secondary" onclick={ask}>{ TEXT.start_over }</button>
                    }
                </div>
                if props.asking && has_unfinished {
                    <Confirm
                        question={(TEXT.confirm_start_over)(answered)}
                        yes={TEXT.confirm_start_over_yes}
                        no={TEXT.cancel}
                        on_yes={start_over}
                        on_no={cancel}
                        return_to="start-over"
                    />
                }
            </form>
            { for latest }
        </div>
    }
}
