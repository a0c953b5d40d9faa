//! The action plan on a result, and the follow-up of the plan before it. Every change is
//! a `PlanMsg` for the check it belongs to, stamped with the time it is made.

use crate::browser;
use crate::state::{Action, PlanMsg};
use crate::views::widgets::{change_cell, picked, Ui, PLAN_TITLE};
use rapport_core::calendar::{calendar, Event as CalendarEvent};
use rapport_core::insight;
use rapport_core::plan::{
    Change, Date, Status, What, DUE_FIRST, DUE_LAST, MAX_ACTIONS, MAX_OWNER_CHARS, MAX_WHAT_CHARS,
};
use rapport_core::{Assessment, Instrument};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Months after which a reminder to check again can be set.
pub const REMIND_MONTHS: [u32; 3] = [3, 6, 12];

/// The "Add to plan" button beside a recommendation of `dimension`, or a note that it is
/// in the plan already. `None` where no plan can be made (someone else's result).
pub fn add_button(
    ui: &Ui,
    assessment: &Assessment,
    dimension: &str,
    what: What,
    described_by: &str,
) -> Html {
    let text = &*ui.text;
    if !matches!(what, What::Advice(_)) {
        return Html::default();
    }
    // Once added, the same button says so and does nothing, so focus stays on it.
    let added = assessment.plan.has(dimension, &what);
    let plan = &assessment.plan;
    let add = (!added).then(|| {
        let (check, dimension, what) = (assessment.id.clone(), dimension.to_owned(), what.clone());
        ui.on_click(move || {
            Action::Plan(PlanMsg::Add {
                check: check.clone(),
                dimension: dimension.clone(),
                what: what.clone(),
                at: browser::now(),
            })
        })
    });
    html! {
        <button type="button" class="link add-to-plan no-print" onclick={add}
            aria-describedby={described_by.to_owned()}
            aria-disabled={added.then_some("true")} disabled={!added && plan.is_full()}>
            { if added { text.in_plan() } else { text.add_to_plan() } }
        </button>
    }
}

/// The plan of `assessment`: its actions, each with what, which dimension, who and when;
/// a button for an action in one's own words; calendar files for the dates and a
/// reminder to check again.
pub fn plan_section(ui: &Ui, assessment: &Assessment) -> Html {
    let (text, instrument) = (&*ui.text, ui.of(assessment));
    let plan = &assessment.plan;
    let check = assessment.id.clone();
    // Own actions start on the dimension most in need.
    let first_need = insight::by_need(instrument, &assessment.scores)
        .first()
        .map(|(d, _)| d.id.clone())
        .unwrap_or_default();
    let has_dates = plan.actions.iter().any(|a| a.due.is_some());
    // A change to the action at `index`, from its field's value.
    let change = |index: usize, make: fn(&Instrument, String) -> Option<Change>| {
        let (check, instruments) = (check.clone(), ui.instruments.clone());
        let version = (
            assessment.instrument_id.clone(),
            assessment.instrument_version,
        );
        ui.on_input(move |value| {
            let instrument = instruments
                .get(&version.0, version.1)
                .unwrap_or(instruments.current());
            Some(Action::Plan(PlanMsg::Change {
                check: check.clone(),
                index,
                change: make(instrument, value)?,
                at: browser::now(),
            }))
        })
    };
    let own = {
        let (check, index) = (check.clone(), plan.actions.len());
        ui.on_click_then_focus(
            move || {
                Action::Plan(PlanMsg::Add {
                    check: check.clone(),
                    dimension: first_need.clone(),
                    what: What::Own(String::new()),
                    at: browser::now(),
                })
            },
            format!("plan-words-{index}"),
        )
    };
    html! {
        <section class={classes!("plan", plan.is_empty().then_some("no-print"))} aria-labelledby={PLAN_TITLE}>
            <h2 id={PLAN_TITLE} tabindex="-1">{ text.plan_title() }</h2>
            <p class="no-print">{ text.plan_intro() }{ " " }{ text.plan_limit(MAX_ACTIONS) }</p>
            if plan.is_empty() {
                <p class="hint">{ text.plan_empty() }</p>
            }
            // Keyed by the count: after an action is added or removed the list is drawn
            // anew, so no select keeps a choice made for the action that was there before.
            <ol class="plan-actions" key={plan.actions.len()}>
                { for plan.actions.iter().enumerate().map(|(i, action)| {
                    let id = |field: &str| format!("plan-{field}-{i}");
                    let remove = {
                        let check = check.clone();
                        ui.on_click_then_focus(
                            move || Action::Plan(PlanMsg::Remove { check: check.clone(), index: i, at: browser::now() }),
                            PLAN_TITLE.to_owned(),
                        )
                    };
                    let dimension_name = instrument.dimensions.iter().find(|d| d.id == action.dimension).map_or("", |d| d.name.as_str());
                    html! {
                        <li class="plan-action">
                            <fieldset>
                                <legend>{ text.action_number(i + 1) }</legend>
                                { match &action.what {
                                    What::Own(words) => html! {
                                        <>
                                            <div class="field">
                                                <label for={id("words")}>{ text.action_text() }</label>
                                                <textarea id={id("words")} rows="2" maxlength={MAX_WHAT_CHARS.to_string()}
                                                    oninput={change(i, |_, words| Some(Change::Words(words)))}
                                                    value={words.clone()} />
                                            </div>
                                            <div class="field">
                                                <label for={id("dimension")}>{ text.action_dimension() }</label>
                                                <select id={id("dimension")} oninput={change(i, |instrument, id| {
                                                    let d = picked(&instrument.dimensions, &id, |d| &d.id)?;
                                                    Some(Change::Dimension(d.id.clone()))
                                                })}>
                                                    { for instrument.dimensions.iter().map(|d| html! {
                                                        <option value={d.id.clone()} selected={d.id == action.dimension}>{ &d.name }</option>
                                                    }) }
                                                </select>
                                            </div>
                                        </>
                                    },
                                    What::Advice { .. } => html! {
                                        <>
                                            <p class="plan-what">{ action.text(instrument).unwrap_or_default() }</p>
                                            <p class="hint">{ dimension_name }</p>
                                        </>
                                    },
                                } }
                                <div class="plan-fields">
                                    <div class="field">
                                        <label for={id("owner")}>{ text.action_owner() }</label>
                                        <input id={id("owner")} type="text" autocomplete="off" maxlength={MAX_OWNER_CHARS.to_string()}
                                            oninput={change(i, |_, owner| Some(Change::Owner(owner)))}
                                            value={action.owner.clone()} />
                                    </div>
                                    <div class="field">
                                        <label for={id("due")}>{ text.action_due() }</label>
                                        <input id={id("due")} type="date" min={DUE_FIRST} max={DUE_LAST}
                                            oninput={change(i, |_, due| Some(Change::Due(Date::due(&due))))}
                                            value={action.due.map(Date::iso).unwrap_or_default()} />
                                    </div>
                                </div>
                                <button type="button" class="link danger-link no-print" onclick={remove}>
                                    { text.remove_action(i + 1) }
                                </button>
                            </fieldset>
                        </li>
                    }
                }) }
            </ol>
            if plan.is_full() {
                <p class="hint no-print">{ text.plan_full(MAX_ACTIONS) }</p>
            }
            <div class="actions no-print">
                <button type="button" class="secondary" onclick={own} disabled={plan.is_full()}>
                    { text.write_own() }
                </button>
                if has_dates {
                    <button type="button" class="secondary" onclick={due_dates_file(ui, assessment)}>
                        { text.calendar_due() }
                    </button>
                }
            </div>
            { reminder(ui, assessment) }
        </section>
    }
}

/// A calendar file with an all-day event on each action's due date.
fn due_dates_file(ui: &Ui, assessment: &Assessment) -> Callback<MouseEvent> {
    let (text, a) = (ui.text.clone(), assessment.clone());
    let (instruments, app_url) = (ui.instruments.clone(), ui.app_url.clone());
    Callback::from(move |_: MouseEvent| {
        let instrument = instruments
            .get(&a.instrument_id, a.instrument_version)
            .unwrap_or(instruments.current());
        let name = text.name_or_unnamed(&a.name);
        let events: Vec<CalendarEvent> = a
            .plan
            .actions
            .iter()
            .enumerate()
            .filter_map(|(i, action)| {
                let mut lines = vec![text.event_action_details(name, &text.date(a.finished_at))];
                if !action.owner.is_empty() {
                    lines.push(text.owned_by(&action.owner));
                }
                lines.push(text.open_rapport(&app_url));
                Some(CalendarEvent {
                    uid: format!("{}-action-{}@rapport", a.id, i + 1),
                    day: action.due?,
                    summary: text.event_action(action.text(instrument).unwrap_or_default()),
                    description: lines.join("\n"),
                })
            })
            .collect();
        save_calendar(text.file_plan(), &calendar(&events, browser::now()));
    })
}

/// "Remind me to check again": a month count and a calendar file with one event.
fn reminder(ui: &Ui, assessment: &Assessment) -> Html {
    let text = &*ui.text;
    let download = {
        let (text, a, app_url) = (ui.text.clone(), assessment.clone(), ui.app_url.clone());
        Callback::from(move |_: MouseEvent| {
            let months = host_select_value("remind-months")
                .and_then(|v| v.parse().ok())
                .unwrap_or(REMIND_MONTHS[0]);
            let name = text.name_or_unnamed(&a.name);
            let event = CalendarEvent {
                uid: format!("{}-again-{months}@rapport", a.id),
                day: browser::today().add_months(months),
                summary: text.event_reminder(name),
                description: format!(
                    "{}\n{}",
                    text.event_reminder_details(),
                    text.open_rapport(&app_url)
                ),
            };
            save_calendar(text.file_reminder(), &calendar(&[event], browser::now()));
        })
    };
    html! {
        <div class="remind no-print">
            <div class="field">
                <label for="remind-months">{ text.remind_label() }</label>
                <div class="share-row">
                    <select id="remind-months">
                        { for REMIND_MONTHS.iter().map(|m| html! {
                            // Yew inserts options last first: without this the last would be chosen.
                            <option value={m.to_string()} selected={*m == REMIND_MONTHS[0]}>{ text.remind_in(*m as usize) }</option>
                        }) }
                    </select>
                    <button type="button" class="secondary" onclick={download}>{ text.remind_download() }</button>
                </div>
            </div>
            <p class="hint">{ text.calendar_hint() }</p>
        </div>
    }
}

fn host_select_value(id: &str) -> Option<String> {
    let element = crate::host::element(id)?;
    js_sys::Reflect::get(&element, &JsValue::from_str("value"))
        .ok()?
        .as_string()
}

fn save_calendar(what: &str, file: &str) {
    let day = browser::today().iso();
    browser::download(&format!("rapport-{what}-{day}.ics"), "text/calendar", file);
}

/// The plan of an earlier check of the same partnership, followed up: each action's
/// status (saved with that check) and, once the new check is finished (`now`), the
/// change in its dimension since.
pub fn follow_up(ui: &Ui, earlier: &Assessment, now: Option<&Assessment>) -> Html {
    let (text, instrument) = (&*ui.text, ui.of(earlier));
    let check = earlier.id.clone();
    html! {
        <section class="follow-up" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">{ text.follow_up_title(&text.date(earlier.finished_at)) }</h2>
            <p class="no-print">{ text.follow_up_intro() }</p>
            // Keyed by the check: another partnership's plan is drawn anew (its statuses).
            <ol class="plan-actions" key={check.clone()}>
                { for earlier.plan.actions.iter().enumerate().map(|(i, action)| {
                    let id = format!("follow-status-{i}");
                    let what = format!("follow-what-{i}");
                    let dimension = instrument.dimensions.iter().find(|d| d.id == action.dimension);
                    // Scores of another version do not compare: a dash.
                    let change = now.map(|now| {
                        now.same_version(earlier)
                            .then(|| insight::change(&instrument.bands, &now.scores, &earlier.scores, &action.dimension))
                            .flatten()
                    });
                    let status = {
                        let check = check.clone();
                        ui.on_input(move |id| {
                            Some(Action::Plan(PlanMsg::Change {
                                check: check.clone(),
                                index: i,
                                change: Change::Status(*picked(&Status::ALL, &id, |s| s.id())?),
                                at: browser::now(),
                            }))
                        })
                    };
                    html! {
                        <li class="plan-action">
                            <p class="plan-what" id={what.clone()}>{ action.text(instrument).unwrap_or_default() }</p>
                            <p class="hint plan-who">
                                if !action.owner.is_empty() {
                                    <span>{ text.owned_by(&action.owner) }</span>
                                }
                                if let Some(due) = action.due {
                                    <span>{ text.due_on(&text.day(due)) }</span>
                                }
                            </p>
                            if let (Some(d), Some(change)) = (dimension, change) {
                                <p>{ text.change_in(&d.name) }{ " " }{ change_cell(ui, change) }</p>
                            }
                            <div class="field">
                                <label for={id.clone()}>{ text.action_status() }</label>
                                <select id={id} oninput={status} aria-describedby={what}>
                                    { for Status::ALL.iter().map(|s| html! {
                                        <option value={s.id()} selected={*s == action.status}>{ text.status(*s) }</option>
                                    }) }
                                </select>
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
