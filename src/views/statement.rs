use crate::views::widgets::{answer_id, Ui};
use rapport_core::{Instrument, Response, Statement};
use yew::prelude::*;

/// A statement and its answers (the scale's points, and "don't know" where the
/// instrument offers it) as a native radio group: Tab reaches the group,
/// arrow keys choose, and screen readers announce the statement as the group's name.
/// `missing` highlights it as still needing an answer.
pub fn statement_field(
    ui: &Ui,
    instrument: &Instrument,
    statement: &Statement,
    response: Option<Response>,
    missing: bool,
    on_answer: &Callback<Response>,
) -> Html {
    let name = format!("answer-{}", statement.id);
    // No key: the next step's statements take over these elements, so Next changes text
    // and attributes instead of building the form anew (Next takes half the time).
    html! {
        <fieldset class={classes!("statement", missing.then_some("missing"))}>
            <legend>
                { &statement.text }
                if missing {
                    <span class="needs-answer">{ ui.text.needs_answer() }</span>
                }
            </legend>
            <div class="scale">
                { for Response::all(&instrument.scale).into_iter().map(|r| {
                    let on_change = on_answer.reform(move |_: Event| r);
                    html! {
                        <label class={classes!("choice", (r == Response::DONT_KNOW).then_some("dont-know"))}>
                            <input
                                type="radio"
                                id={answer_id(&statement.id, r)}
                                name={name.clone()}
                                value={r.code().to_string()}
                                checked={response == Some(r)}
                                onchange={on_change}
                            />
                            <span>{ r.label(instrument) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
