//! Action plans: adding, editing and removing a check's actions, and following them up.
//! Every change is kept in history at once (hooks save it), with the time it was made so
//! that the later of two tabs' edits wins.

use crate::state::model::AppState;
use rapport_core::plan::{Change, Task, What};
use std::rc::Rc;

pub enum PlanMsg {
    /// Add an action to the plan of check `check`.
    Add {
        check: String,
        dimension: String,
        what: What,
        at: u64,
    },
    Change {
        check: String,
        index: usize,
        change: Change,
        at: u64,
    },
    Remove {
        check: String,
        index: usize,
        at: u64,
    },
}

impl AppState {
    /// Applies a plan message; false when nothing changed.
    pub fn on_plan(&mut self, msg: PlanMsg) -> bool {
        // Only the person's own checks have plans.
        let own = |state: &AppState, id: &str| state.history.get(id).is_some_and(|a| !a.received);
        match msg {
            PlanMsg::Add {
                check,
                dimension,
                what,
                at,
            } => {
                own(self, &check)
                    && Rc::make_mut(&mut self.history)
                        .update_plan(&check, |plan| plan.add(Task::new(dimension, what), at))
            }
            PlanMsg::Change {
                check,
                index,
                change,
                at,
            } => {
                own(self, &check)
                    && Rc::make_mut(&mut self.history)
                        .update_plan(&check, |plan| plan.change(index, change, at))
            }
            PlanMsg::Remove { check, index, at } => {
                own(self, &check)
                    && Rc::make_mut(&mut self.history)
                        .update_plan(&check, |plan| plan.remove(index, at))
            }
        }
    }
}
