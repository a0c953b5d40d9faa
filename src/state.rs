//! The whole app state and every change to it, as one reducer. No DOM or storage code
//! here: effects in the app component persist what changes.

use crate::persistence::{Loaded, Problem};
use rapport_core::code::{self, CodeError};
use rapport_core::exchange::{self, ImportError, Imported};
use rapport_core::scoring::{score, Scores};
use rapport_core::{Answers, Assessment, Draft, History, Instrument, Response};
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
    /// A result opened from a code or share link: read-only until saved.
    Shared(Rc<Assessment>),
    Compare,
}

/// Messages shown above the current screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(Problem),
    DeletedAll,
    DeleteFailed,
    Imported { file: String, imported: Imported },
    ImportFailed { file: String, error: ImportError },
    Saved,
    AlreadySaved,
}

impl Notice {
    /// Says what just happened: gone once the person moves on.
    fn is_transient(&self) -> bool {
        !matches!(self, Notice::Storage(_))
    }
}

/// Pasted input larger than this is refused whole: no list of codes is this long.
pub const MAX_PASTE_BYTES: usize = 100_000;

/// Where a compared result came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Pasted, on this line (1-based).
    Line(usize),
    /// A check from history, finished (or, when received, saved) at this time.
    History { at: u64, received: bool },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub source: Source,
    pub name: String,
    /// The code that carries it, for a link to the comparison.
    pub code: String,
    pub answers: Answers,
    pub scores: Scores,
}

/// A line that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct LineProblem {
    pub line: usize,
    pub error: CodeError,
}

/// The compare screen: what was asked for and what came of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The pasted text, as it was.
    pub input: String,
    /// Ids of checks picked from history.
    pub picks: Vec<String>,
    pub entries: Vec<Entry>,
    pub problems: Vec<LineProblem>,
    /// Set when the paste was refused whole for its size.
    pub too_large: bool,
    /// Compare was pressed at least once.
    pub done: bool,
}

/// Which share text was copied, or selected for copying by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
    Code,
    Link,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyStatus {
    pub what: Share,
    /// False: the clipboard was not available, the text is selected instead.
    pub copied: bool,
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
    pub comparison: Rc<Comparison>,
    /// Whether shared codes carry the partnership name.
    pub share_name: bool,
    pub copy_status: Option<CopyStatus>,
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
    /// Another tab deleted all data: this one follows, unfinished check included.
    DeletedElsewhere,
    StorageProblem(Problem),
    Dismiss(usize),
    Ask(Question),
    /// The person answered no.
    KeepIt,
    /// A share link's fragment (or a code) was opened.
    OpenLink(String),
    ShowCompare,
    Compare {
        input: String,
        picks: Vec<String>,
    },
    /// Compare a shared result with this person's latest check.
    CompareWithMine(Rc<Assessment>),
    /// Keep the shared result on screen in history, received at this time.
    SaveShared(u64),
    ShareName(bool),
    Copied(CopyStatus),
    /// A file's text, or why it could not be read.
    Import {
        file: String,
        text: Result<String, ImportError>,
    },
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
            comparison: Rc::default(),
            share_name: false,
            copy_status: None,
        }
    }

    /// Opens what a share link carries after `#`: one code shows that result, several
    /// compare them. Anything else that is not empty goes to Compare with its problems.
    pub fn open_link(&mut self, fragment: &str) {
        let fragment = fragment.trim_start_matches('#').trim();
        if fragment.is_empty() {
            return;
        }
        // Some apps percent-encode the commas between codes when passing a link on.
        let lines = fragment
            .replace("%2C", ",")
            .replace("%2c", ",")
            .replace(',', "\n");
        if !lines.contains('\n') {
            if let Ok(decoded) = code::decode(fragment, &self.instrument) {
                let shared =
                    Assessment::received(&self.instrument, fragment.to_owned(), decoded, 0);
                self.go(Screen::Shared(Rc::new(shared)));
                return;
            }
        }
        self.compare(lines, Vec::new());
    }

    fn compare(&mut self, input: String, picks: Vec<String>) {
        let mut comparison = Comparison {
            done: true,
            ..Comparison::default()
        };
        // This person's own checks first, so "Compare with mine" shows theirs as A.
        for a in self.history.assessments() {
            if picks.contains(&a.id) {
                comparison.entries.push(Entry {
                    source: Source::History {
                        at: a.finished_at,
                        received: a.received,
                    },
                    name: a.name.clone(),
                    code: code::encode(&self.instrument, &a.answers, ""),
                    answers: a.answers.clone(),
                    scores: a.scores.clone(),
                });
            }
        }
        if input.len() > MAX_PASTE_BYTES {
            comparison.too_large = true;
        } else {
            for (i, line) in input.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                // A link may carry several codes; other text is one problem per line.
                let after = line.rsplit('#').next().unwrap_or(line);
                let codes: Vec<&str> = if after.trim_start().starts_with("RP") {
                    after.split(',').collect()
                } else {
                    vec![line]
                };
                for text in codes {
                    match code::decode(text, &self.instrument) {
                        Ok(decoded) => comparison.entries.push(Entry {
                            source: Source::Line(i + 1),
                            code: text.trim().to_owned(),
                            scores: score(&self.instrument, &decoded.answers),
                            name: decoded.name,
                            answers: decoded.answers,
                        }),
                        Err(error) => comparison.problems.push(LineProblem { line: i + 1, error }),
                    }
                }
            }
        }
        comparison.input = input;
        comparison.picks = picks;
        self.comparison = Rc::new(comparison);
        self.go(Screen::Compare);
    }

    /// A name the host page set, for a check not started yet: it never replaces a name
    /// the person typed or an unfinished check's.
    pub fn preset_name(&mut self, name: &str) {
        if !self.has_unfinished() && self.draft.name.is_empty() {
            Rc::make_mut(&mut self.draft).name = name.to_owned();
        }
    }

    /// This person's latest own check, if any.
    pub fn latest_own(&self) -> Option<&Assessment> {
        self.history.assessments().iter().find(|a| !a.received)
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
        self.copy_status = None;
        self.notices.retain(|n| !n.is_transient());
    }

    fn notify(&mut self, notice: Notice) {
        self.notices.retain(|n| !n.is_transient());
        self.notices.push(notice);
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
                next.comparison = Rc::default();
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
            Action::DeletedElsewhere => {
                let fresh = Draft::new(&next.instrument, String::new());
                if next.history.is_empty() && *next.draft == fresh {
                    return self;
                }
                next.history = Rc::new(History::default());
                next.comparison = Rc::default();
                next.draft = Rc::new(fresh);
                if matches!(next.screen, Screen::Step(_) | Screen::Results(_)) {
                    next.go(Screen::Welcome);
                }
                next.notices
                    .retain(|n| matches!(n, Notice::Storage(Problem::Unavailable | Problem::Full)));
                next.notices.push(Notice::DeletedAll);
            }
            Action::StorageProblem(problem) => {
                let notice = Notice::Storage(problem);
                if next.notices.contains(&notice) {
                    return self;
                }
                next.notices.push(notice);
            }
            Action::OpenLink(fragment) => next.open_link(&fragment),
            Action::ShowCompare => next.go(Screen::Compare),
            Action::Compare { input, picks } => next.compare(input, picks),
            Action::CompareWithMine(shared) => {
                let picks = next
                    .latest_own()
                    .map(|a| a.id.clone())
                    .into_iter()
                    .collect();
                next.compare(shared.id.clone(), picks);
            }
            Action::SaveShared(at) => {
                let Screen::Shared(shared) = &next.screen else {
                    return self;
                };
                let already = next.history.assessments().iter().any(|a| {
                    a.id == shared.id || (a.answers == shared.answers && a.name == shared.name)
                });
                if already {
                    next.notify(Notice::AlreadySaved);
                } else {
                    let mut saved = (**shared).clone();
                    saved.finished_at = at;
                    let id = saved.id.clone();
                    Rc::make_mut(&mut next.history).add(saved);
                    next.go(Screen::Results(id));
                    next.notify(Notice::Saved);
                }
            }
            Action::ShareName(on) => {
                next.share_name = on;
                next.copy_status = None;
            }
            Action::Copied(status) => next.copy_status = Some(status),
            Action::Import { file, text } => {
                let outcome =
                    text.and_then(|text| exchange::import(&next.history, &text, &next.instrument));
                match outcome {
                    Ok((history, imported)) => {
                        next.history = Rc::new(history);
                        next.notify(Notice::Imported { file, imported });
                    }
                    Err(error) => next.notify(Notice::ImportFailed { file, error }),
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persistence::Stored;
    use rapport_core::store::ReadError;

    fn instrument() -> Rc<Instrument> {
        Rc::new(Instrument::partnership_health().unwrap())
    }

    fn start(loaded: Loaded) -> Rc<AppState> {
        Rc::new(AppState::new(instrument(), loaded))
    }

    fn apply(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
        actions.into_iter().fold(state, |s, a| s.reduce(a))
    }

    /// Answers every statement of `step` with `level`.
    fn answer_step(state: &AppState, step: usize, level: u8) -> Vec<Action> {
        state.instrument.dimensions[step]
            .statements
            .iter()
            .map(|s| Action::Answer {
                statement: s.id.clone(),
                response: Response::agreement(level).unwrap(),
            })
            .collect()
    }

    /// Answers every step, pressing Next after each but the last.
    fn fill_all(mut state: Rc<AppState>) -> Rc<AppState> {
        state = apply(state, [Action::Start]);
        for step in 0..8 {
            let answers = answer_step(&state, step, 4);
            state = apply(state, answers);
            if step < 7 {
                state = apply(state, [Action::Next]);
            }
        }
        state
    }

    fn finish(state: Rc<AppState>, id: &str, at: u64) -> Rc<AppState> {
        apply(
            state,
            [Action::Finish {
                id: id.into(),
                finished_at: at,
            }],
        )
    }

    #[test]
    fn next_with_unanswered_statements_stays_and_flags_them() {
        let s = apply(start(Loaded::default()), [Action::Start, Action::Next]);
        assert_eq!(s.screen, Screen::Step(0));
        assert!(s.show_missing);
        let answers = answer_step(&s, 0, 3);
        let s = apply(s, answers.into_iter().chain([Action::Next]));
        assert_eq!(s.screen, Screen::Step(1));
        assert!(!s.show_missing);
    }

    #[test]
    fn the_saved_draft_remembers_the_step_only_while_on_a_step() {
        let s = apply(start(Loaded::default()), [Action::Start]);
        let answers = answer_step(&s, 0, 3);
        let s = apply(s, answers.into_iter().chain([Action::Next]));
        assert_eq!(s.draft.step, Some(1));
        // A reload with this draft reopens step 2.
        let reloaded = start(Loaded {
            draft: Some((*s.draft).clone()),
            ..Loaded::default()
        });
        assert_eq!(reloaded.screen, Screen::Step(1));
        let s = apply(s, [Action::ShowWelcome]);
        assert_eq!(s.draft.step, None);
        let reloaded = start(Loaded {
            draft: Some((*s.draft).clone()),
            ..Loaded::default()
        });
        assert_eq!(reloaded.screen, Screen::Welcome);
        assert!(reloaded.has_unfinished());
    }

    #[test]
    fn continue_opens_the_first_step_with_gaps() {
        let s = apply(start(Loaded::default()), [Action::Start]);
        let first = answer_step(&s, 0, 3);
        let third = answer_step(&s, 2, 3);
        let s = apply(
            s,
            first
                .into_iter()
                .chain(third)
                .chain([Action::ShowWelcome, Action::Start]),
        );
        assert_eq!(s.screen, Screen::Step(1));
    }

    #[test]
    fn start_then_back_without_answers_leaves_nothing_unfinished() {
        let s = apply(start(Loaded::default()), [Action::Start, Action::Back]);
        assert_eq!(s.screen, Screen::Welcome);
        assert!(!s.has_unfinished());
        assert_eq!(*s.draft, Draft::new(&s.instrument, String::new()));
    }

    #[test]
    fn finishing_adds_to_history_and_keeps_the_name_for_next_time() {
        let s = apply(
            start(Loaded::default()),
            [Action::SetName("River Trust".into())],
        );
        let s = finish(fill_all(s), "a", 10);
        assert_eq!(s.screen, Screen::Results("a".into()));
        assert_eq!(s.history.assessments().len(), 1);
        assert_eq!(s.history.get("a").unwrap().scores.overall(), Some(3.5));
        assert!(!s.has_unfinished());
        assert_eq!(s.draft.name, "River Trust");
    }

    #[test]
    fn finishing_with_a_gap_earlier_goes_back_to_it() {
        let s = fill_all(start(Loaded::default()));
        let mut draft = (*s.draft).clone();
        // Forget step 3's answers, as a hand-edited draft might.
        let ids: Vec<String> = s.instrument.dimensions[2]
            .statements
            .iter()
            .map(|st| st.id.clone())
            .collect();
        let kept: rapport_core::Answers = s
            .instrument
            .statements()
            .filter(|st| !ids.contains(&st.id))
            .map(|st| (st.id.clone(), draft.answers.get(&st.id).unwrap()))
            .collect();
        draft.answers = kept;
        draft.step = Some(7);
        let s = finish(
            start(Loaded {
                draft: Some(draft),
                ..Loaded::default()
            }),
            "a",
            1,
        );
        assert_eq!(s.screen, Screen::Step(2));
        assert!(s.show_missing);
        assert!(s.history.is_empty());
    }

    #[test]
    fn delete_all_keeps_storage_notices_and_says_what_happened() {
        let unreadable = Problem::Unreadable {
            what: Stored::History,
            why: ReadError::NoSchema,
            kept_as: None,
        };
        let loaded = Loaded {
            problems: vec![Problem::Full, unreadable],
            ..Loaded::default()
        };
        let s = finish(fill_all(start(loaded)), "a", 1);
        let s = apply(s, [Action::Ask(Question::DeleteAll), Action::DeleteAll]);
        assert!(s.history.is_empty());
        assert_eq!(s.asking, None);
        assert_eq!(
            s.notices,
            vec![Notice::Storage(Problem::Full), Notice::DeletedAll]
        );
        // Moving on clears the confirmation, not the storage notice.
        let s = apply(s, [Action::ShowHistory]);
        assert_eq!(s.notices, vec![Notice::Storage(Problem::Full)]);
    }

    #[test]
    fn another_tabs_history_is_merged_not_taken_over() {
        let s = finish(fill_all(start(Loaded::default())), "mine", 2);
        let elsewhere = finish(fill_all(start(Loaded::default())), "theirs", 1);
        let s = apply(s, [Action::HistoryStored((*elsewhere.history).clone())]);
        let ids: Vec<&str> = s
            .history
            .assessments()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["mine", "theirs"]);
        // The same history again changes nothing, and renders nothing.
        let again = s
            .clone()
            .reduce(Action::HistoryStored((*elsewhere.history).clone()));
        assert!(Rc::ptr_eq(&s, &again));
    }

    #[test]
    fn delete_all_in_another_tab_is_followed_here() {
        let s = finish(fill_all(start(Loaded::default())), "a", 1);
        let s = apply(s, [Action::ShowWelcome, Action::Start]);
        let answers = answer_step(&s, 0, 2);
        let s = apply(s, answers.into_iter().chain([Action::DeletedElsewhere]));
        assert!(s.history.is_empty());
        assert!(!s.has_unfinished());
        assert_eq!(s.screen, Screen::Welcome);
        assert!(s.notices.contains(&Notice::DeletedAll));
        let again = s.clone().reduce(Action::DeletedElsewhere);
        assert!(Rc::ptr_eq(&s, &again));
    }

    #[test]
    fn questions_are_asked_answered_and_dropped_on_navigation() {
        let s = finish(fill_all(start(Loaded::default())), "a", 1);
        let s = apply(
            s,
            [
                Action::ShowHistory,
                Action::Ask(Question::Delete("a".into())),
            ],
        );
        assert_eq!(s.asking, Some(Question::Delete("a".into())));
        let s = apply(s, [Action::KeepIt]);
        assert_eq!(s.asking, None);
        assert_eq!(s.history.assessments().len(), 1);
        let s = apply(s, [Action::Ask(Question::DeleteAll), Action::ShowWelcome]);
        assert_eq!(s.asking, None);
        let s = apply(
            s,
            [
                Action::ShowHistory,
                Action::Ask(Question::Delete("a".into())),
                Action::Delete("a".into()),
            ],
        );
        assert_eq!(s.asking, None);
        assert!(s.history.is_empty());
    }

    #[test]
    fn nothing_new_means_no_new_state() {
        let s = apply(start(Loaded::default()), [Action::Start]);
        let answers = answer_step(&s, 0, 3);
        let s = apply(s, answers);
        let same = s.clone().reduce(Action::Answer {
            statement: s.instrument.dimensions[0].statements[0].id.clone(),
            response: Response::agreement(3).unwrap(),
        });
        assert!(Rc::ptr_eq(&s, &same));
        let s = apply(s, [Action::StorageProblem(Problem::Full)]);
        let same = s.clone().reduce(Action::StorageProblem(Problem::Full));
        assert!(Rc::ptr_eq(&s, &same));
    }

    fn code_of(state: &AppState, id: &str, name: &str) -> String {
        let a = state.history.get(id).unwrap();
        code::encode(&state.instrument, &a.answers, name)
    }

    #[test]
    fn a_link_with_one_code_shows_it_and_saving_twice_keeps_one() {
        let mine = finish(fill_all(start(Loaded::default())), "mine", 1);
        let mut theirs_draft = Draft::new(&mine.instrument, String::new());
        for s in mine.instrument.statements() {
            theirs_draft
                .answers
                .set(&s.id, Response::agreement(2).unwrap());
        }
        let code = code::encode(&mine.instrument, &theirs_draft.answers, "River");
        let opened = apply(mine.clone(), [Action::OpenLink(format!("#{code}"))]);
        let Screen::Shared(shared) = &opened.screen else {
            panic!("not shown: {:?}", opened.screen);
        };
        assert_eq!(shared.name, "River");
        assert_eq!(opened.history, mine.history, "opening saves nothing");

        let saved = apply(opened, [Action::SaveShared(5)]);
        assert_eq!(saved.history.assessments().len(), 2);
        assert!(saved.history.get(&code).unwrap().received);
        assert_eq!(saved.screen, Screen::Results(code.clone()));
        let again = apply(
            saved.clone(),
            [Action::OpenLink(code), Action::SaveShared(6)],
        );
        assert_eq!(again.history, saved.history);
        assert_eq!(again.notices, [Notice::AlreadySaved]);
    }

    #[test]
    fn compare_reads_good_lines_and_names_bad_ones() {
        let s = finish(fill_all(start(Loaded::default())), "mine", 1);
        let code = code_of(&s, "mine", "");
        let input = format!(
            "{code}\n\nnot a code\nhttps://x.org/#{code},{code}\n{}",
            &code[..20]
        );
        let s = apply(
            s,
            [Action::Compare {
                input: input.clone(),
                picks: vec!["mine".into()],
            }],
        );
        let c = &s.comparison;
        assert_eq!(s.screen, Screen::Compare);
        assert_eq!(c.input, input);
        let sources: Vec<&Source> = c.entries.iter().map(|e| &e.source).collect();
        assert_eq!(
            sources,
            [
                &Source::History {
                    at: 1,
                    received: false
                },
                &Source::Line(1),
                &Source::Line(4),
                &Source::Line(4)
            ]
        );
        assert_eq!(
            c.problems,
            [
                LineProblem {
                    line: 3,
                    error: CodeError::NotACode
                },
                LineProblem {
                    line: 5,
                    error: CodeError::Incomplete
                },
            ]
        );
    }

    #[test]
    fn a_comparison_link_opens_compare_even_with_encoded_commas() {
        let s = finish(fill_all(start(Loaded::default())), "mine", 1);
        let code = code_of(&s, "mine", "");
        let s = apply(s, [Action::OpenLink(format!("#{code}%2C{code}%2c{code}"))]);
        assert_eq!(s.screen, Screen::Compare);
        assert_eq!(s.comparison.entries.len(), 3);
        assert!(s.comparison.problems.is_empty());
    }

    #[test]
    fn a_preset_name_fills_only_an_empty_fresh_check() {
        let mut fresh = AppState::new(instrument(), Loaded::default());
        fresh.preset_name("River Trust");
        assert_eq!(fresh.draft.name, "River Trust");
        let typed = apply(start(Loaded::default()), [Action::SetName("Mine".into())]);
        let mut typed = (*typed).clone();
        typed.preset_name("River Trust");
        assert_eq!(typed.draft.name, "Mine");
    }

    #[test]
    fn a_paste_over_100_kb_is_refused_whole() {
        let s = start(Loaded::default());
        let s = apply(
            s,
            [Action::Compare {
                input: "x".repeat(MAX_PASTE_BYTES + 1),
                picks: vec![],
            }],
        );
        assert!(s.comparison.too_large);
        assert!(s.comparison.entries.is_empty() && s.comparison.problems.is_empty());
    }

    #[test]
    fn import_adds_new_checks_and_a_bad_file_changes_nothing() {
        let s = finish(fill_all(start(Loaded::default())), "a", 1);
        let file = exchange::to_json(s.history.assessments());
        let emptied = apply(s.clone(), [Action::DeleteAll]);
        let back = apply(
            emptied,
            [Action::Import {
                file: "rapport.json".into(),
                text: Ok(file.clone()),
            }],
        );
        assert_eq!(back.history, s.history);
        let bad = apply(
            back.clone(),
            [Action::Import {
                file: "other.json".into(),
                text: Ok("{\"x\": 1}".into()),
            }],
        );
        assert_eq!(bad.history, back.history);
        assert!(
            matches!(&bad.notices[..], [Notice::ImportFailed { file, .. }] if file == "other.json")
        );
    }
}
