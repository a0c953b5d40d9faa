//! The whole app state and every change to it, as one reducer split by feature. No DOM
//! or storage code here: hooks persist what changes.
//!
//! Files depend in one direction: `saved` (what storage gave) ← `model` (what the app
//! holds, and moving between screens) ← the features `walk`, `history`, `compare`,
//! `sharing`, `plan` and `notices` (each its messages and how they change the model) ← this file,
//! which nests the features' messages in [`Action`] and hands each to its feature.

pub mod compare;
pub mod history;
pub mod model;
pub mod notices;
pub mod plan;
pub mod saved;
pub mod sharing;
pub mod walk;

pub use compare::CompareMsg;
pub use history::HistoryMsg;
pub use model::{
    AppState, Comparison, CopyStatus, Entry, Notice, Question, Screen, Share, Source, TrendChoice,
};
pub use notices::NoticeMsg;
pub use plan::PlanMsg;
pub use saved::{Loaded, Problem, Stored};
pub use sharing::ShareMsg;
pub use walk::{EarlyWalk, WalkMsg};

use std::rc::Rc;
use yew::Reducible;

pub enum Action {
    ShowWelcome,
    ShowHistory,
    ShowResults(String),
    Ask(Question),
    /// The person answered no.
    KeepIt,
    Walk(WalkMsg),
    History(HistoryMsg),
    Compare(CompareMsg),
    Share(ShareMsg),
    Notice(NoticeMsg),
    Plan(PlanMsg),
    /// The results on show have had their first frame: the rest of them can follow.
    ResultsPainted,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::ShowWelcome => next.go(Screen::Welcome),
            Action::ShowHistory => next.go(Screen::History),
            Action::ShowResults(id) => next.go(Screen::Results(id)),
            Action::Ask(question) => next.asking.replace(question.clone()) != Some(question),
            Action::KeepIt => next.asking.take().is_some(),
            Action::Walk(msg) => next.on_walk(msg),
            Action::History(msg) => next.on_history(msg),
            Action::Compare(msg) => next.on_compare(msg),
            Action::Share(msg) => next.on_share(msg),
            Action::Notice(msg) => next.on_notice(msg),
            Action::Plan(msg) => next.on_plan(msg),
            Action::ResultsPainted => !std::mem::replace(&mut next.results_painted, true),
        };
        // Nothing new means no new state, so nothing renders again.
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests;
