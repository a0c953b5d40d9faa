use crate::browser;
use crate::state::{Action, WalkMsg};
use crate::views::statement::statement_field;
use crate::views::widgets::{answer_id, Ui, SCREEN_TITLE};
use rapport_core::{Draft, Response};
use std::rc::Rc;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// What a step shows.
pub struct StepProps {
    /// 0-based; always a valid dimension index (the state guarantees it).
    pub step: usize,
    /// The unfinished check: its answers, and the version it was started with.
    pub draft: Rc<Draft>,
    pub show_missing: bool,
}

/// One dimension of the questionnaire: its statements, progress, Back and Next.
/// A plain view function: the screen has no state of its own.
pub fn step_screen(ui: &Ui, props: &StepProps) -> Html {
    let text = &*ui.text;
    let instrument = ui.of_draft(&props.draft);
    let Some(dimension) = instrument.dimensions.get(props.step) else {
        return html! {};
    };
    let total = instrument.dimensions.len();
    let is_last = props.step + 1 == total;
    let answers = &props.draft.answers;
    let unanswered = answers.unanswered(dimension);

    let advance = {
        let dispatch = ui.dispatch.clone();
        let first_missing = unanswered
            .first()
            .map(|s| answer_id(&s.id, Response::LOWEST));
        Callback::from(move |()| {
            if let Some(id) = &first_missing {
                browser::focus_id(id);
            }
            dispatch.emit(if is_last {
                Action::Walk(WalkMsg::Finish {
                    id: browser::new_id(),
                    finished_at: browser::now(),
                })
            } else {
                Action::Walk(WalkMsg::Next)
            });
        })
    };
    let on_submit = advance.reform(|e: SubmitEvent| e.prevent_default());
    // Enter on a chosen answer moves on, as it would in a text field.
    let on_keydown = {
        let advance = advance.clone();
        Callback::from(move |e: KeyboardEvent| {
            let on_radio = e
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|input| input.type_() == "radio");
            if e.key() == "Enter" && on_radio {
                e.prevent_default();
                advance.emit(());
            }
        })
    };
    let back = ui.on_click(|| Action::Walk(WalkMsg::Back));
    let step_label = text.step_of(props.step + 1, total);
    let percent = (props.step + 1) * 100 / total;

    html! {
        <div class="screen step">
            <div class="progress">
                <p class="step-of" aria-hidden="true">{ &step_label }</p>
                <div
                    class="progressbar"
                    role="progressbar"
                    aria-label={text.progress_label().to_owned()}
                    aria-valuemin="1"
                    aria-valuemax={total.to_string()}
                    aria-valuenow={(props.step + 1).to_string()}
                    aria-valuetext={step_label.clone()}
                >
                    // An SVG width, not a style attribute: the page's policy allows no
                    // inline styles.
                    <svg class="progressbar-fill" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect width={percent.to_string()} height="1" />
                    </svg>
                </div>
            </div>
            <h1 id={SCREEN_TITLE} tabindex="-1">
                <span class="visually-hidden">{ text.step_heading(&step_label) }</span>
                { &dimension.name }
            </h1>
            <p class="lead">{ &dimension.description }</p>
            <form class="statements" onsubmit={on_submit} onkeydown={on_keydown} novalidate=true>
                { for dimension.statements.iter().map(|statement| {
                    let id = statement.id.clone();
                    let on_answer = ui.dispatch.reform(move |response| Action::Walk(WalkMsg::Answer {
                        statement: id.clone(),
                        response,
                    }));
                    html! {
                        { statement_field(
                            ui,
                            instrument,
                            statement,
                            answers.get(&statement.id),
                            props.show_missing && unanswered.iter().any(|s| s.id == statement.id),
                            &on_answer,
                        ) }
                    }
                }) }
                <p class="form-error" role="alert">
                    if props.show_missing && !unanswered.is_empty() {
                        { text.missing(unanswered.len()) }
                    }
                </p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={back}>{ text.back() }</button>
                    <button type="submit" class="primary">
                        { if is_last { text.see_results() } else { text.next() } }
                    </button>
                </div>
            </form>
        </div>
    }
}
