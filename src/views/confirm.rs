//! The inline yes-or-no question before something that cannot be undone.

use crate::browser;
use crate::views::widgets::CANCEL_ID;
use yew::prelude::*;

pub struct ConfirmProps<'a> {
    pub question: String,
    pub yes: &'a str,
    pub no: &'a str,
    pub on_yes: Callback<()>,
    pub on_no: Callback<()>,
    /// Id of the button that asked, where focus goes back on "no".
    pub return_to: &'a str,
}

pub fn confirm(props: ConfirmProps) -> Html {
    let no = {
        let (on_no, return_to) = (props.on_no, props.return_to.to_owned());
        Callback::from(move |_: MouseEvent| {
            on_no.emit(());
            browser::focus_id(&return_to);
        })
    };
    html! {
        <div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question">{ props.question }</p>
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
