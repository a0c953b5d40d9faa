//! One handler for a screen's buttons and fields that say what they do in `data-do`
//! (with `data-check`, `data-index` and a `value`): one closure per screen instead of
//! one per control keeps the wasm small (each closure type is code of its own).

use crate::browser;
use crate::components::shared::PLAN_TITLE;
use crate::state::{Action, HistoryMsg, PlanMsg, WalkMsg};
use rapport_core::plan::{Change, Date, Status, What};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The handler for clicks and input on a screen: `onclick` and `oninput` both take it.
pub fn screen_events(dispatch: &Callback<Action>) -> (Callback<MouseEvent>, Callback<InputEvent>) {
    let dispatch = dispatch.clone();
    let events = Callback::from(move |e: Event| {
        let Some(action) = command(&e) else {
            return;
        };
        // A removed action takes its button with it, and a new own action waits for its
        // words: focus goes to the plan's heading, or to those words.
        let focus = match &action {
            Action::Plan(PlanMsg::Remove { .. }) => Some(PLAN_TITLE.to_owned()),
            Action::Plan(PlanMsg::Add {
                what: What::Own(_),
                index,
                ..
            }) => Some(format!("plan-words-{index}")),
            _ => None,
        };
        dispatch.emit(action);
        if let Some(id) = focus {
            browser::after_paint(move || browser::focus_id(&id));
        }
    });
    (
        events.reform(|e: MouseEvent| e.into()),
        events.reform(|e: InputEvent| e.into()),
    )
}

/// What an event on a `data-do` control asks for, if anything.
fn command(e: &Event) -> Option<Action> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let control = target.closest("[data-do]").ok()??;
    let attr = |name: &str| control.get_attribute(name).unwrap_or_default();
    let check = attr("data-check");
    let index = attr("data-index").parse().unwrap_or(0);
    let value = js_sys::Reflect::get(&control, &JsValue::from_str("value"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let at = browser::now();
    let change = |change| {
        Action::Plan(PlanMsg::Change {
            check: check.clone(),
            index,
            change,
            at,
        })
    };
    let action = match (e.type_().as_str(), attr("data-do").as_str()) {
        ("click", "open") => Action::ShowResults(check),
        ("click", "again") => Action::Walk(WalkMsg::StartNamed(value)),
        ("click", "add") => {
            let (dimension, advice) = value.split_once(' ')?;
            Action::Plan(PlanMsg::Add {
                check: check.clone(),
                dimension: dimension.to_owned(),
                what: What::from_advice_id(advice)?,
                index,
                at,
            })
        }
        ("click", "own") => Action::Plan(PlanMsg::Add {
            check: check.clone(),
            dimension: value,
            what: What::Own(String::new()),
            index,
            at,
        }),
        ("click", "remove") => Action::Plan(PlanMsg::Remove {
            check: check.clone(),
            index,
            at,
        }),
        ("input", "owner") => change(Change::Owner(value)),
        ("input", "words") => change(Change::Words(value)),
        ("input", "dimension") => change(Change::Dimension(value)),
        ("input", "due") => change(Change::Due(Date::due(&value))),
        ("input", "status") => change(Change::Status(Status::from_id(&value)?)),
        ("input", "trend-of") => Action::History(HistoryMsg::TrendOf(value)),
        ("input", "trend-dimension") => Action::History(HistoryMsg::TrendDimension(value)),
        _ => return None,
    };
    Some(action)
}
