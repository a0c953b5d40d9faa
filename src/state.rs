//! The whole app state and every change to it, as one reducer. No DOM or storage code
//! here: effects in the app component persist what changes.

use crate::persistence::{Loaded, Problem};
use rapport_core::{Assessment, Draft, History, Instrument, Response};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Welcome,
    /// A questionnaire step, 0-based.
    Step(usize),
    /// A finished check from history, by id.
    Results(String),
    History,
}

/// Messages shown above the current screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(Problem),
    DeletedAll,
    DeleteFailed,
}

/// A yes-or-no question before something that cannot be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    StartOver,
    Delete(String),
    DeleteAll,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub instrument: Rc<Instrument>,
    pub screen: Screen,
    /// The check being filled in; its `step` mirrors the screen while on a step, so a
    /// reload reopens it.
    pub draft: Rc<Draft>,
    pub history: Rc<History>,
    pub notices: Vec<Notice>,
    /// Set when Next was pressed with statements unanswered on this step.
    pub show_missing: bool,
    /// The question on screen, if any.
    pub asking: Option<Question>,
}

pub enum Action {
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
    ShowWelcome,
    ShowHistory,
    ShowResults(String),
    TakeAgain(String),
    Delete(String),
    DeleteAll,
    /// Storage refused to delete: nothing changes but a notice.
    DeleteAllFailed,
    /// Storage holds history this tab may not have yet (another tab changed it).
    HistoryStored(History),
    /// Another tab deleted all data.
    HistoryCleared,
    StorageProblem(Problem),
    Dismiss(usize),
    Ask(Question),
    /// The person answered no.
    KeepIt,
}

impl AppState {
    pub fn new(instrument: Rc<Instrument>, loaded: Loaded) -> AppState {
        let draft = loaded
            .draft
            .unwrap_or_else(|| Draft::new(&instrument, String::new()));
        let screen = draft.step.map_or(Screen::Welcome, Screen::Step);
        AppState {
            instrument,
            screen,
            draft: Rc::new(draft),
            history: Rc::new(loaded.history),
            notices: loaded.problems.into_iter().map(Notice::Storage).collect(),
            show_missing: false,
            asking: None,
        }
    }

    /// An unfinished check exists once it has an answer.
    pub fn has_unfinished(&self) -> bool {
        !self.draft.answers.is_empty()
    }

    fn go(&mut self, screen: Screen) {
        let step = match screen {
            Screen::Step(step) => Some(step),
            _ => None,
        };
        if self.draft.step != step {
            Rc::make_mut(&mut self.draft).step = step;
        }
        self.screen = screen;
        self.show_missing = false;
        self.asking = None;
        self.notices
            .retain(|n| !matches!(n, Notice::DeletedAll | Notice::DeleteFailed));
    }

    fn step_is_answered(&self, step: usize) -> bool {
        self.instrument
            .dimensions
            .get(step)
            .is_some_and(|d| self.draft.answers.unanswered(d).is_empty())
    }

    fn first_incomplete_step(&self) -> Option<usize> {
        (0..self.instrument.dimensions.len()).find(|&s| !self.step_is_answered(s))
    }

    fn fresh_draft(&self, name: String) -> Rc<Draft> {
        Rc::new(Draft::new(&self.instrument, name))
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetName(name) => Rc::make_mut(&mut next.draft).name = name,
            Action::Start => {
                // Continue where answers are missing; a complete check opens its last step.
                let last = next.instrument.dimensions.len().saturating_sub(1);
                let step = next.first_incomplete_step().unwrap_or(last);
                next.go(Screen::Step(step));
            }
            Action::StartOver => {
                next.draft = next.fresh_draft(next.draft.name.clone());
                next.go(Screen::Step(0));
            }
            Action::Answer {
                statement,
                response,
            } => {
                if next.draft.answers.get(&statement) == Some(response) {
                    return self;
                }
                Rc::make_mut(&mut next.draft)
                    .answers
                    .set(&statement, response);
            }
            Action::Back => match next.screen {
                Screen::Step(0) => next.go(Screen::Welcome),
                Screen::Step(step) => next.go(Screen::Step(step - 1)),
                _ => return self,
            },
            Action::Next => match next.screen {
                Screen::Step(step) if !next.step_is_answered(step) => next.show_missing = true,
                Screen::Step(step) if step + 1 < next.instrument.dimensions.len() => {
                    next.go(Screen::Step(step + 1))
                }
                _ => return self,
            },
            Action::Finish { id, finished_at } => match next.first_incomplete_step() {
                Some(step) => {
                    next.go(Screen::Step(step));
                    next.show_missing = true;
                }
                None => {
                    let assessment =
                        Assessment::finish(&next.instrument, &next.draft, id.clone(), finished_at);
                    Rc::make_mut(&mut next.history).add(assessment);
                    next.draft = next.fresh_draft(next.draft.name.clone());
                    next.go(Screen::Results(id));
                }
            },
            Action::ShowWelcome => next.go(Screen::Welcome),
            Action::ShowHistory => next.go(Screen::History),
            Action::ShowResults(id) => next.go(Screen::Results(id)),
            Action::TakeAgain(id) => {
                if !next.has_unfinished() {
                    let name = next
                        .history
                        .get(&id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default();
                    next.draft = next.fresh_draft(name);
                }
                next.go(Screen::Welcome);
            }
            Action::Delete(id) => {
                next.asking = None;
                Rc::make_mut(&mut next.history).remove(&id);
                if next.screen == Screen::Results(id) {
                    next.go(Screen::History);
                }
            }
            Action::DeleteAll => {
                next.history = Rc::new(History::default());
                next.draft = next.fresh_draft(String::new());
                next.go(Screen::Welcome);
                // Problems with storage itself still hold; kept-aside data is gone.
                next.notices
                    .retain(|n| matches!(n, Notice::Storage(Problem::Unavailable | Problem::Full)));
                next.notices.push(Notice::DeletedAll);
            }
            Action::DeleteAllFailed => {
                next.asking = None;
                if !next.notices.contains(&Notice::DeleteFailed) {
                    next.notices.push(Notice::DeleteFailed);
                }
            }
            Action::Ask(question) => next.asking = Some(question),
            Action::KeepIt => {
                if next.asking.is_none() {
                    return self;
                }
                next.asking = None;
            }
            Action::HistoryStored(history) => {
                // Merge, never replace: this tab may hold checks storage could not take.
                let merged = next.history.merge(&history);
                if merged == *next.history {
                    return self;
                }
                next.history = Rc::new(merged);
            }
            Action::HistoryCleared => {
                if next.history.is_empty() {
                    return self;
                }
                next.history = Rc::new(History::default());
            }
            Action::StorageProblem(problem) => {
                let notice = Notice::Storage(problem);
                if next.notices.contains(&notice) {
                    return self;
                }
                next.notices.push(notice);
            }
            Action::Dismiss(index) => {
                if index >= next.notices.len() {
                    return self;
                }
                next.notices.remove(index);
            }
        }
        Rc::new(next)
    }
}
