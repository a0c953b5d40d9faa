use crate::browser;
use crate::state::{Action, Question, WalkMsg};
use crate::views::confirm::{confirm, ConfirmProps};
use crate::views::plan::follow_up;
use crate::views::widgets::{Ui, NAME_ID, SCREEN_TITLE};
use rapport_core::assessment::MAX_NAME_CHARS;
use rapport_core::partnership::{all_overdue, partnerships, plan_to_follow, Partnership};
use rapport_core::plan::Date;
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
    /// Where the pulse is, when the welcome offers it: on Rapport's own page or frame,
    /// with the built-in check.
    pub pulse: Option<String>,
}

/// A plain view function: its state lives in the app's reducer.
pub fn welcome(ui: &Ui, props: &WelcomeProps) -> Html {
    let (text, instrument) = (&*ui.text, ui.of_draft(&props.draft));
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
    let ask = ui.on_click(|| Action::Ask(Question::StartOver));
    let cancel = ui.dispatch.reform(|()| Action::KeepIt);
    let start_over = ui.dispatch.reform(|()| Action::Walk(WalkMsg::StartOver));
    let history = ui.on_click(|| Action::ShowHistory);
    let latest = props.history.assessments().iter().find(|a| !a.received).map(|a| {
        let score = text.out_of(ui.of(a), a.scores.overall());
        let id = a.id.clone();
        let open = ui.on_click(move || Action::ShowResults(id.clone()));
        html! {
            <div class="latest">
                <p>{ text.latest_result(&score, &text.date(a.finished_at)) }</p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={open}>{ text.open_latest() }</button>
                    <button type="button" class="link" onclick={history.clone()}>{ text.see_history() }</button>
                </div>
            </div>
        }
    });
    let total = instrument.statement_count();
    let has_unfinished = !props.draft.answers.is_empty();
    let answered = props.draft.answers.answered_in(instrument);
    let today = browser::today();
    let overdue = all_overdue(&props.history, today);
    let found = partnerships(&props.history);
    let pending = found.iter().any(|p| !p.pending().is_empty());
    // The plan this check will follow up, once the name is one already used.
    let earlier = (!props.draft.name.trim().is_empty())
        .then(|| plan_to_follow(&props.history, &props.draft.name, None))
        .flatten()
        // Another questionnaire's plan reads its recommendations by its own ids.
        .filter(|e| ui.runs(e));

    html! {
        <div class="screen welcome">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ &instrument.title }</h1>
            <p class="lead">{ &instrument.intro }</p>
            <ul class="facts">
                <li>{ text.duration(instrument.minutes(), total) }</li>
                <li>{ text.welcome_privacy() }</li>
            </ul>
            if has_unfinished && instrument.version != ui.current().version {
                <p class="older-version">{ text.unfinished_older_version(instrument.version as usize) }</p>
            }
            if let Some(overdue) = overdue {
                <p class="due">{ text.actions_due(overdue.count, &text.day(overdue.since)) }</p>
            }
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
            if let Some(pulse) = &props.pulse {
                <p class="pulse-offer"><a href={pulse.clone()}>{ text.pulse_offer() }</a></p>
            }
            if let Some(earlier) = earlier {
                { follow_up(ui, earlier, None) }
            }
            // Several partnerships, or actions still open: each partnership on its own line
            // (its latest result among them); otherwise the one latest result.
            if found.len() > 1 || pending {
                { partnership_list(ui, &found, today, !has_unfinished) }
                <p><button type="button" class="link" onclick={history}>{ text.see_history() }</button></p>
            } else {
                { for latest }
            }
        </div>
    }
}

/// Each partnership with its latest result, its actions still open and those past their
/// date, a button to open that result and, when `can_start`, one to check it again.
fn partnership_list(ui: &Ui, found: &[Partnership], today: Date, can_start: bool) -> Html {
    let text = &*ui.text;
    html! {
        <section class="partnerships" aria-labelledby="partnerships-title">
            <h2 id="partnerships-title">{ text.partnerships_title() }</h2>
            <ul class="history-list">
                { for found.iter().map(|p| {
                    let latest = p.latest();
                    let name = text.name_or_unnamed(p.name);
                    let date = text.date(latest.finished_at);
                    let open_actions = p.pending().len();
                    let again = {
                        let name = p.name.to_owned();
                        ui.on_click(move || Action::Walk(WalkMsg::StartNamed(name.clone())))
                    };
                    let open = {
                        let id = latest.id.clone();
                        ui.on_click(move || Action::ShowResults(id.clone()))
                    };
                    html! {
                        <li class="history-item">
                            <div class="history-main">
                                <p class="history-name">{ name }</p>
                                <p class="history-date">{ text.latest_result(&text.out_of(ui.of(latest), latest.scores.overall()), &date) }</p>
                                if open_actions > 0 {
                                    <p class="history-date">{ text.open_actions(open_actions) }</p>
                                }
                                if let Some(o) = p.overdue(today) {
                                    <p class="due">{ text.actions_due(o.count, &text.day(o.since)) }</p>
                                }
                            </div>
                            <div class="history-actions">
                                if can_start {
                                    <button type="button" class="secondary" onclick={again}>{ text.check_again(name) }</button>
                                }
                                <button type="button" class="link" onclick={open} aria-label={text.open_check(name, &date)}>{ text.open() }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
