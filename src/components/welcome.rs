use crate::components::confirm::{confirm, ConfirmProps};
use crate::components::shared::{Ui, NAME_ID, SCREEN_TITLE};
use crate::state::{Action, Question, WalkMsg};
use rapport_core::store::MAX_NAME_CHARS;
use rapport_core::{Draft, History};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the welcome screen shows.
pub struct WelcomeProps {
    pub draft: Rc<Draft>,
    pub history: Rc<History>,
    /// Asking whether to start over.
    pub asking: bool,
}

/// A plain view function: its state lives in the app's reducer.
pub fn welcome(ui: &Ui, props: &WelcomeProps) -> Html {
    let (text, instrument) = (&*ui.text, &*ui.instrument);
    let on_name = ui.dispatch.reform(|e: InputEvent| {
        Action::Walk(WalkMsg::SetName(
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let on_submit = ui.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Walk(WalkMsg::Start)
    });
    // Starting over clears answers, so it asks first.
    let ask = ui
        .dispatch
        .reform(|_: MouseEvent| Action::Ask(Question::StartOver));
    let cancel = ui.dispatch.reform(|()| Action::KeepIt);
    let start_over = ui.dispatch.reform(|()| Action::Walk(WalkMsg::StartOver));
    let history = ui.dispatch.reform(|_: MouseEvent| Action::ShowHistory);
    let latest = props.history.assessments().iter().find(|a| !a.received).map(|a| {
        let score = text.out_of(a.scores.overall());
        let id = a.id.clone();
        let open = ui.dispatch.reform(move |_: MouseEvent| Action::ShowResults(id.clone()));
        html! {
            <div class="latest">
                <p>{ text.latest_result(&score, &text.date(a.finished_at)) }</p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={open}>{ text.open_latest() }</button>
                    <button type="button" class="link" onclick={history}>{ text.see_history() }</button>
                </div>
            </div>
        }
    });
    let total = instrument.statement_count();
    let has_unfinished = !props.draft.answers.is_empty();
    let answered = props.draft.answers.answered_in(instrument);

    html! {
        <div class="screen welcome">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ &instrument.title }</h1>
            <p class="lead">{ &instrument.intro }</p>
            <ul class="facts">
                <li>{ text.duration(instrument.minutes(), total) }</li>
                <li>{ text.welcome_privacy() }</li>
            </ul>
            <form class="start" onsubmit={on_submit}>
                <div class="field">
                    <label for={NAME_ID}>{ text.name_label() }</label>
                    <input
                        id={NAME_ID}
                        type="text"
                        autocomplete="off"
                        maxlength={MAX_NAME_CHARS.to_string()}
                        aria-describedby="partnership-name-hint"
                        value={props.draft.name.clone()}
                        oninput={on_name}
                    />
                    <p id="partnership-name-hint" class="hint">{ text.name_hint() }</p>
                </div>
                if has_unfinished {
                    <p class="unfinished">{ text.unfinished(answered, total) }</p>
                }
                <div class="actions">
                    <button type="submit" class="primary">
                        { if has_unfinished { text.continue_check() } else { text.start() } }
                    </button>
                    if has_unfinished {
                        <button type="button" id="start-over" class="secondary" onclick={ask}>{ text.start_over() }</button>
                    }
                </div>
                if props.asking && has_unfinished {
                    { confirm(ConfirmProps { question: text.confirm_start_over(answered), yes: text.confirm_start_over_yes(), no: text.cancel(), on_yes: start_over, on_no: cancel, return_to: "start-over" }) }
                }
            </form>
            { for latest }
        </div>
    }
}
