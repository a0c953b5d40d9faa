use crate::browser;
use crate::components::app::SCREEN_TITLE;
use crate::components::confirm::Confirm;
use crate::components::results::download;
use crate::state::{Action, Question};
use crate::text::TEXT;
use rapport_core::exchange::{ImportError, MAX_IMPORT_BYTES};
use rapport_core::{History, Instrument};
use std::rc::Rc;
use yew::prelude::*;

/// What the history screen shows.
pub struct HistoryProps {
    pub instrument: Rc<Instrument>,
    pub history: Rc<History>,
    pub asking: Option<Question>,
    pub dispatch: Callback<Action>,
    pub on_delete_all: Callback<()>,
}

/// Finished checks, newest first: open one, delete one, or delete everything. A plain
/// view function: its state lives in the app's reducer, and each component type costs
/// kilobytes of wasm.
pub fn history_screen(props: &HistoryProps) -> Html {
    let ask = |question: Question| {
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::Ask(question.clone()))
    };
    let cancel = props.dispatch.reform(|()| Action::KeepIt);
    let new_check = props.dispatch.reform(|_: MouseEvent| Action::ShowWelcome);
    let downloads = |csv: bool| {
        let (instrument, history) = (props.instrument.clone(), props.history.clone());
        Callback::from(move |_: MouseEvent| {
            download(&instrument, history.assessments(), csv, "history")
        })
    };
    let import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            browser::read_file(&input, MAX_IMPORT_BYTES, move |file, text, too_large| {
                let text = text.map_err(|()| {
                    if too_large {
                        ImportError::TooLarge
                    } else {
                        ImportError::NotRead
                    }
                });
                dispatch.emit(Action::Import { file, text });
            });
        })
    };

    html! {
        <div class="screen history">
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
                            let (id, dispatch) = (a.id.clone(), props.dispatch.clone());
                            Callback::from(move |()| {
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
                                    if a.received {
                                        <p class="history-tag">{ TEXT.received_tag }</p>
                                    }
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
                                        onclick={ask(Question::Delete(a.id.clone()))}
                                    >
                                        { TEXT.delete }
                                    </button>
                                </div>
                                if props.asking == Some(Question::Delete(a.id.clone())) {
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
            <div class="actions no-print">
                if !props.history.is_empty() {
                    <button type="button" class="secondary" onclick={downloads(false)}>{ TEXT.download_all_json }</button>
                    <button type="button" class="secondary" onclick={downloads(true)}>{ TEXT.download_all_csv }</button>
                }
                <label class="button secondary file-button">
                    { TEXT.import_file }
                    <input id="import-file" type="file" accept=".json,application/json" class="visually-hidden" onchange={import} aria-describedby="import-hint" />
                </label>
            </div>
            <p class="hint" id="import-hint">{ TEXT.import_hint }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={new_check}>{ TEXT.new_check }</button>
                <button type="button" id="delete-all" class="link danger-link" onclick={ask(Question::DeleteAll)}>
                    { TEXT.delete_all }
                </button>
            </div>
            if props.asking == Some(Question::DeleteAll) {
                <Confirm
                    question={TEXT.confirm_delete_all.to_owned()}
                    yes={TEXT.confirm_delete_all_yes}
                    no={TEXT.cancel}
                    on_yes={props.on_delete_all.clone()}
                    on_no={cancel}
                    return_to="delete-all"
                />
            }
        </div>
    }
}
