use crate::browser;
use crate::state::{Action, HistoryMsg, Question, TrendChoice};
use crate::views::confirm::{confirm, ConfirmProps};
use crate::views::trend::trend_view;
use crate::views::widgets::{download_button, Ui, SCREEN_TITLE};
use rapport_core::exchange::{ImportError, MAX_IMPORT_BYTES};
use rapport_core::partnership::partnerships;
use rapport_core::History;
use std::rc::Rc;
use yew::prelude::*;

/// What the history screen shows.
pub struct HistoryProps {
    pub history: Rc<History>,
    pub asking: Option<Question>,
    pub on_delete_all: Callback<()>,
    pub trend: TrendChoice,
}

/// Finished checks, newest first: open one, delete one, or delete everything. A plain
/// view function: its state lives in the app's reducer.
pub fn history_screen(ui: &Ui, props: &HistoryProps) -> Html {
    let text = &*ui.text;
    let ask = |question: Question| ui.on_click(move || Action::Ask(question.clone()));
    let cancel = ui.dispatch.reform(|()| Action::KeepIt);
    let new_check = ui.on_click(|| Action::ShowWelcome);
    let import = {
        let dispatch = ui.dispatch.clone();
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
                dispatch.emit(Action::History(HistoryMsg::Import { file, text }));
            });
        })
    };

    let found = partnerships(&props.history);

    html! {
        <div class="screen history">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ text.history_title() }</h1>
            if props.history.is_empty() {
                <p>{ text.history_empty() }</p>
            } else {
                <p>{ text.history_intro() }</p>
                <ol class="history-list">
                    { for props.history.assessments().iter().map(|a| {
                        let date = text.date(a.finished_at);
                        let open = {
                            let id = a.id.clone();
                            ui.on_click(move || Action::ShowResults(id.clone()))
                        };
                        let delete = {
                            let (id, dispatch) = (a.id.clone(), ui.dispatch.clone());
                            Callback::from(move |()| {
                                dispatch.emit(Action::History(HistoryMsg::Delete(id.clone())));
                                browser::focus_id(SCREEN_TITLE);
                            })
                        };
                        let name = text.name_or_unnamed(&a.name);
                        let delete_id = format!("delete-{}", a.id);
                        html! {
                            <li class="history-item" key={a.id.clone()}>
                                <div class="history-main">
                                    <p class="history-name">{ name }</p>
                                    if a.received {
                                        <p class="history-tag">{ text.received_tag() }</p>
                                    }
                                    <p class="history-date">{ &date }</p>
                                    // Made with another questionnaire than new checks use: named.
                                    if a.instrument_id != ui.current().id {
                                        <p class="history-tag">{ if ui.runs(a) { ui.of(a).title.as_str() } else { a.instrument_id.as_str() } }</p>
                                    }
                                </div>
                                <p class="history-score">
                                    if ui.runs(a) {
                                        { text.out_of(ui.of(a), a.scores.overall()) }
                                    }
                                </p>
                                <div class="history-actions">
                                    <button type="button" class="secondary" aria-label={text.open_check(name, &date)} onclick={open}>
                                        { text.open() }
                                    </button>
                                    <button
                                        type="button"
                                        id={delete_id.clone()}
                                        class="link danger-link"
                                        aria-label={text.delete_check(name, &date)}
                                        onclick={ask(Question::Delete(a.id.clone()))}
                                    >
                                        { text.delete() }
                                    </button>
                                </div>
                                if props.asking == Some(Question::Delete(a.id.clone())) {
                                    { confirm(ConfirmProps { question: text.confirm_delete(&date), yes: text.confirm_delete_yes(), no: text.keep(), on_yes: delete, on_no: cancel.clone(), return_to: &delete_id }) }
                                }
                            </li>
                        }
                    }) }
                </ol>
                { trend_view(ui, &found, props.trend.partnership.as_deref(), props.trend.dimension.as_deref()) }
            }
            <div class="actions no-print">
                if !props.history.is_empty() {
                    { download_button(ui, text.download_all_json(), &props.history, None, false) }
                    { download_button(ui, text.download_all_csv(), &props.history, None, true) }
                }
                <label class="button secondary file-button">
                    { text.import_file() }
                    <input id="import-file" type="file" accept=".json,application/json" class="visually-hidden" onchange={import} aria-describedby="import-hint" />
                </label>
            </div>
            <p class="hint" id="import-hint">{ text.import_hint() }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={new_check}>{ text.new_check() }</button>
                <button type="button" id="delete-all" class="link danger-link" onclick={ask(Question::DeleteAll)}>
                    { text.delete_all() }
                </button>
            </div>
            if props.asking == Some(Question::DeleteAll) {
                { confirm(ConfirmProps { question: text.confirm_delete_all().to_owned(), yes: text.confirm_delete_all_yes(), no: text.cancel(), on_yes: props.on_delete_all.clone(), on_no: cancel, return_to: "delete-all" }) }
            }
        </div>
    }
}
