use crate::text::TEXT;
use rapport_core::{Instrument, Response, Statement};
use std::rc::Rc;
use yew::prelude::*;

/// The id of one answer's radio input.
pub fn answer_id(statement: &str, response: Response) -> String {
    format!("answer-{statement}-{}", response.code())
}

#[derive(Properties, PartialEq)]
pub struct StatementProps {
    pub instrument: Rc<Instrument>,
    pub statement: Statement,
    pub response: Option<Response>,
    /// Highlight as still needing an answer.
    pub missing: bool,
    pub on_answer: Callback<Response>,
}

/// A statement and its six answers as a native radio group: Tab reaches the group,
/// arrow keys choose, and screen readers announce the statement as the group's name.
#[component]
pub fn StatementField(props: &StatementProps) -> Html {
    let name = format!("answer-{}", props.statement.id);
    html! {
        <fieldset class={classes!("statement", props.missing.then_some("missing"))}>
            <legend>
                { &props.statement.text }
                if props.missing {
                    <span class="needs-answer">{ TEXT.needs_answer }</span>
                }
            </legend>
            <div class="scale">
                { for Response::ALL.into_iter().map(|response| {
                    let on_change = props.on_answer.reform(move |_: Event| response);
                    html! {
                        <label
                            class={classes!("choice", (response == Response::DONT_KNOW).then_some("dont-know"))}
                        >
                            <input
                                type="radio"
                                id={answer_id(&props.statement.id, response)}
                                name={name.clone()}
                                value={response.code().to_string()}
                                checked={props.response == Some(response)}
                                onchange={on_change}
                            />
                            <span>{ response.label(&props.instrument) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
