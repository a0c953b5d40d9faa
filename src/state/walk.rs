//! The walk-through: naming the partnership, answering step by step, finishing.

use crate::state::model::{AppState, Screen};
use rapport_core::{Assessment, Response};
use std::rc::Rc;

pub enum WalkMsg {
    SetName(String),
    /// Start a new check or continue the unfinished one.
    Start,
    StartOver,
    Answer {
        statement: String,
        response: Response,
    },
    Back,
    Next,
    /// Finish the check on the last step; the id and time come from the browser.
    Finish {
        id: String,
        finished_at: u64,
    },
    /// Start another check of the partnership of this finished one.
    TakeAgain(String),
    /// Start a check of the partnership of this name, picked on the welcome screen.
    StartNamed(String),
}

/// What the person did on the page's own first screens (written into `index.html` at
/// build time) before the app ran: a press on Start, the first step's answers, a press on
/// Next. The app carries on from there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EarlyWalk {
    pub start: bool,
    /// By statement id, as the page's radio inputs held them.
    pub answers: Vec<(String, Response)>,
    pub next: bool,
}

impl AppState {
    /// Carries on from what was done before the app ran: Start (or Continue), then the
    /// answers of statements this check asks (no others), then Next, which checks the
    /// step as a press in the app does.
    pub fn carry_on(&mut self, early: EarlyWalk) {
        if early.start && self.screen == Screen::Welcome {
            self.on_walk(WalkMsg::Start);
        }
        for (statement, response) in early.answers {
            if self
                .draft_instrument()
                .statements()
                .any(|s| s.id == statement)
            {
                self.on_walk(WalkMsg::Answer {
                    statement,
                    response,
                });
            }
        }
        if early.next && matches!(self.screen, Screen::Step(_)) {
            self.on_walk(WalkMsg::Next);
        }
    }

    /// Applies a walk-through message; false when nothing changed.
    pub fn on_walk(&mut self, msg: WalkMsg) -> bool {
        match msg {
            WalkMsg::SetName(name) => {
                if self.draft.name == name {
                    return false;
                }
                Rc::make_mut(&mut self.draft).name = name;
            }
            WalkMsg::Start => {
                // Continue where answers are missing; a complete check opens its last step.
                let last = self.draft_instrument().dimensions.len().saturating_sub(1);
                let step = self.first_incomplete_step().unwrap_or(last);
                self.go(Screen::Step(step));
            }
            WalkMsg::StartOver => {
                self.draft = self.fresh_draft(self.draft.name.clone());
                self.go(Screen::Step(0));
            }
            WalkMsg::Answer {
                statement,
                response,
            } => {
                if self.draft.answers.get(&statement) == Some(response) {
                    return false;
                }
                Rc::make_mut(&mut self.draft)
                    .answers
                    .set(&statement, response);
            }
            WalkMsg::Back => match self.screen {
                Screen::Step(0) => return self.go(Screen::Welcome),
                Screen::Step(step) => return self.go(Screen::Step(step - 1)),
                _ => return false,
            },
            WalkMsg::Next => match self.screen {
                Screen::Step(step) if !self.step_is_answered(step) => {
                    return !std::mem::replace(&mut self.show_missing, true);
                }
                Screen::Step(step) if step + 1 < self.draft_instrument().dimensions.len() => {
                    return self.go(Screen::Step(step + 1));
                }
                _ => return false,
            },
            WalkMsg::Finish { id, finished_at } => match self.first_incomplete_step() {
                Some(step) => {
                    self.go(Screen::Step(step));
                    self.show_missing = true;
                }
                None => {
                    let assessment = Assessment::finish(
                        self.draft_instrument(),
                        &self.draft,
                        id.clone(),
                        finished_at,
                    );
                    Rc::make_mut(&mut self.history).add(assessment);
                    self.draft = self.fresh_draft(self.draft.name.clone());
                    self.go(Screen::Results(id));
                }
            },
            WalkMsg::StartNamed(name) => {
                // An unfinished check is never replaced: the welcome screen offers this
                // only when there is none.
                if self.has_unfinished() {
                    return false;
                }
                self.draft = self.fresh_draft(name);
                self.go(Screen::Step(0));
            }
            WalkMsg::TakeAgain(id) => {
                if !self.has_unfinished() {
                    let name = self
                        .history
                        .get(&id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default();
                    self.draft = self.fresh_draft(name);
                }
                self.go(Screen::Welcome);
            }
        }
        true
    }

    fn step_is_answered(&self, step: usize) -> bool {
        self.draft_instrument()
            .dimensions
            .get(step)
            .is_some_and(|d| self.draft.answers.unanswered(d).is_empty())
    }

    fn first_incomplete_step(&self) -> Option<usize> {
        (0..self.draft_instrument().dimensions.len()).find(|&s| !self.step_is_answered(s))
    }
}
