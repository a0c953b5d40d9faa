use crate::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub question: String,
    pub yes: &'static str,
    pub no: &'static str,
    pub on_yes: Callback<()>,
    pub on_no: Callback<()>,
    /// Id of the button that asked, where focus goes back on "no".
    pub return_to: AttrValue,
}

const CANCEL_ID: &str = "confirm-cancel";

/// An inline yes-or-no question before something that cannot be undone. Focus lands on
/// the safe answer when it appears, so a keyboard user can read the question first.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    use_effect_with((), |_| browser::focus_id(CANCEL_ID));
    let no = {
        let (on_no, return_to) = (props.on_no.clone(), props.return_to.clone());
        Callback::from(move |_: MouseEvent| {
            on_no.emit(());
            browser::focus_id(&return_to);
        })
    };
    html! {
        <div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question">{ &props.question }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={props.on_yes.reform(|_: MouseEvent| ())}>
                    { props.yes }
                </button>
                <button type="button" id={CANCEL_ID} class="secondary" onclick={no}>
                    { props.no }
                </button>
            </div>
        </div>
    }
}
