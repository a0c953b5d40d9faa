use crate::browser;
use crate::components::app::SCREEN_TITLE;
use crate::components::confirm::Confirm;
use crate::state::Action;
use crate::text::TEXT;
use rapport_core::History;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub history: Rc<History>,
    pub dispatch: Callback<Action>,
    pub on_delete_all: Callback<()>,
}

/// What is waiting for a yes or no.
#[derive(Clone, PartialEq)]
enum Confirming {
    Nothing,
    Delete(String),
    DeleteAll,
}

/// Finished checks, newest first: open one, delete one, or delete everything.
#[component]
pub fn HistoryScreen(props: &HistoryProps) -> Html {
    let confirming = use_state(|| Confirming::Nothing);
    let ask = |what: Confirming| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(what.clone()))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(Confirming::Nothing))
    };
    let new_check = props.dispatch.reform(|_: MouseEvent| Action::ShowWelcome);

    html! {
        <section class="screen history" aria-labelledby={SCREEN_TITLE}>
            <h1 id={SCREEN_TITLE} tabindex="-1">{ TEXT.history_title }</h1>
            if props.history.is_empty() {
                <p>{ TEXT.history_empty }</p>
            } else {
                <p>{ TEXT.history_intro }</p>
                <ol class="history-list">
                    { for props.history.assessments().iter().map(|a| {
                        let date = browser::format_date(a.finished_at);
                        let open = {
                            let id = a.id.clone();
                            props.dispatch.reform(move |_: MouseEvent| Action::ShowResults(id.clone()))
                        };
                        let delete = {
                            let (id, dispatch, confirming) = (a.id.clone(), props.dispatch.clone(), confirming.clone());
                            Callback::from(move |()| {
                                confirming.set(Confirming::Nothing);
                                dispatch.emit(Action::Delete(id.clone()));
                                browser::focus_id(SCREEN_TITLE);
                            })
                        };
                        let name = if a.name.is_empty() { TEXT.unnamed_partnership } else { a.name.as_str() };
                        let delete_id = format!("delete-{}", a.id);
                        html! {
                            <li class="history-item" key={a.id.clone()}>
                                <div class="history-main">
                                    <p class="history-name">{ name }</p>
                                    <p class="history-date">{ &date }</p>
                                </div>
                                <p class="history-score">
                                    { (TEXT.out_of_five)(&TEXT.score(a.scores.overall())) }
                                </p>
                                <div class="history-actions">
                                    <button type="button" class="secondary" aria-label={(TEXT.open_check)(name, &date)} onclick={open}>
                                        { TEXT.open }
                                    </button>
                                    <button
                                        type="button"
                                        id={delete_id.clone()}
                                        class="link danger-link"
                                        aria-label={(TEXT.delete_check)(name, &date)}
                                        onclick={ask(Confirming::Delete(a.id.clone()))}
                                    >
                                        { TEXT.delete }
                                    </button>
                                </div>
                                if *confirming == Confirming::Delete(a.id.clone()) {
                                    <Confirm
                                        question={(TEXT.confirm_delete)(&date)}
                                        yes={TEXT.confirm_delete_yes}
                                        no={TEXT.keep}
                                        on_yes={delete}
                                        on_no={cancel.clone()}
                                        return_to={delete_id}
                                    />
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={new_check}>{ TEXT.new_check }</button>
                <button type="button" id="delete-all" class="link danger-link" onclick={ask(Confirming::DeleteAll)}>
                    { TEXT.delete_all }
                </button>
            </div>
            if *confirming == Confirming::DeleteAll {
                <Confirm
                    question={TEXT.confirm_delete_all.to_owned()}
                    yes={TEXT.confirm_delete_all_yes}
                    no={TEXT.cancel}
                    on_yes={{
                        let (on_delete_all, confirming) = (props.on_delete_all.clone(), confirming.clone());
                        Callback::from(move |()| {
                            confirming.set(Confirming::Nothing);
                            on_delete_all.emit(());
                        })
                    }}
                    on_no={cancel}
                    return_to="delete-all"
                />
            }
        </section>
    }
}
