use crate::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub question: String,
    pub yes: &'static str,
    pub no: &'static str,
    pub on_yes: Callback<()>,
    pub on_no: Callback<()>,
}

const CANCEL_ID: &str = "confirm-cancel";

/// An inline yes-or-no question before something that cannot be undone. Focus lands on
/// the safe answer when it appears, so a keyboard user can read the question first.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    use_effect_with((), |_| browser::focus_id(CANCEL_ID));
    html! {
        <div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question">{ &props.question }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={props.on_yes.reform(|_: MouseEvent| ())}>
                    { props.yes }
                </button>
                <button type="button" id={CANCEL_ID} class="secondary" onclick={props.on_no.reform(|_: MouseEvent| ())}>
                    { props.no }
                </button>
            </div>
        </div>
    }
}
