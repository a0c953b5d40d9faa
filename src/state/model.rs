//! What the app holds: the screen, the check in progress, history, notices, the
//! comparison and sharing. How each part changes lives in the feature files beside this
//! one (`walk`, `history`, `compare`, `sharing`, `notices`); moving between screens is
//! here, since every feature does it.

use crate::state::saved::{Loaded, Problem};
use rapport_core::exchange::{ImportError, Imported};
use rapport_core::scoring::Scores;
use rapport_core::{Answers, Assessment, Draft, History, Instrument, Instruments};
use std::rc::Rc;

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

/// A yes-or-no question before something that cannot be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    StartOver,
    Delete(String),
    DeleteAll,
}

/// Messages shown above the current screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(Problem),
    DeletedAll,
    DeleteFailed,
    Imported {
        file: String,
        imported: Imported,
    },
    ImportFailed {
        file: String,
        error: ImportError,
    },
    Saved,
    AlreadySaved,
    /// This language's words (named in itself) could not be loaded.
    LanguageUnavailable(String),
    /// A new version of Rapport is downloaded and waits for a reload.
    UpdateReady,
}

impl Notice {
    /// Says what just happened: gone once the person moves on.
    fn is_transient(&self) -> bool {
        !matches!(self, Notice::Storage(_) | Notice::UpdateReady)
    }
}

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
    /// The questionnaire version it answers.
    pub instrument_id: String,
    pub instrument_version: u32,
    pub answers: Answers,
    pub scores: Scores,
}

/// The compare screen: what was asked for and what came of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The pasted text, as it was.
    pub input: String,
    /// Ids of checks picked from history.
    pub picks: Vec<String>,
    /// The results compared: all of one version of the questionnaire (the one most
    /// results answer).
    pub entries: Vec<Entry>,
    /// Results of another version than the first: they ask other statements, so their
    /// scores are not compared, and the screen says so.
    pub set_aside: Vec<Entry>,
    pub problems: Vec<rapport_core::code::LineProblem>,
    /// Set when the paste was refused whole for its size.
    pub too_large: bool,
    /// Compare was pressed at least once.
    pub done: bool,
    /// The conversation guide is shown instead of the comparison.
    pub guide: bool,
}

/// What the history's trend chart shows: a partnership (by name) and a dimension (by
/// id); `None` leaves the choice to the view (the latest partnership, its weakest
/// dimension).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrendChoice {
    pub partnership: Option<String>,
    pub dimension: Option<String>,
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

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Every version of the questionnaire: checks made with any of them open; new checks
    /// use the current one.
    pub instruments: Rc<Instruments>,
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
    /// Whether the results on show have had their first frame: until then only their
    /// top is drawn, so See results answers at once (hooks.rs, `use_results_painted`).
    pub results_painted: bool,
    pub trend: TrendChoice,
}

impl AppState {
    pub fn new(instruments: Rc<Instruments>, loaded: Loaded) -> AppState {
        let current = instruments.current();
        let draft = match loaded.draft {
            // A draft without answers has not started: an earlier version's (a name typed,
            // or kept after a check, under version 1) starts on the current version.
            Some(draft) if draft.answers.is_empty() => Draft {
                step: draft.step.filter(|&s| s < current.dimensions.len()),
                ..Draft::new(current, draft.name)
            },
            Some(draft) => draft,
            None => Draft::new(current, String::new()),
        };
        let screen = draft.step.map_or(Screen::Welcome, Screen::Step);
        AppState {
            instruments,
            screen,
            draft: Rc::new(draft),
            history: Rc::new(loaded.history),
            notices: loaded.problems.into_iter().map(Notice::Storage).collect(),
            show_missing: false,
            asking: None,
            comparison: Rc::default(),
            share_name: false,
            copy_status: None,
            results_painted: false,
            trend: TrendChoice::default(),
        }
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

    /// The instruments codes are read against.
    pub fn known(&self) -> &[Instrument] {
        self.instruments.all()
    }

    /// The version the unfinished check was started with: it finishes with it.
    pub fn draft_instrument(&self) -> &Instrument {
        self.instruments
            .get(&self.draft.instrument_id, self.draft.instrument_version)
            .unwrap_or(self.instruments.current())
    }

    /// Moves to `screen`, leaving behind what belonged to the one before: its question,
    /// its marks, its copy status and transient notices.
    /// Moves to `screen`, leaving behind what belonged to the one before (a question, a
    /// copy status, a notice of what just happened); false when that changed nothing.
    pub(crate) fn go(&mut self, screen: Screen) -> bool {
        let step = match screen {
            Screen::Step(step) => Some(step),
            _ => None,
        };
        let notices = self.notices.len();
        let changed = self.draft.step != step
            || self.screen != screen
            || self.results_painted
            || self.show_missing
            || self.asking.is_some()
            || self.copy_status.is_some();
        if self.draft.step != step {
            Rc::make_mut(&mut self.draft).step = step;
        }
        self.screen = screen;
        self.results_painted = false;
        self.show_missing = false;
        self.asking = None;
        self.copy_status = None;
        self.notices.retain(|n| !n.is_transient());
        changed || self.notices.len() != notices
    }

    /// Shows `notice` in place of any transient one.
    pub(crate) fn notify(&mut self, notice: Notice) {
        self.notices.retain(|n| !n.is_transient());
        self.notices.push(notice);
    }

    /// After all data is deleted, here or in another tab: problems with storage itself
    /// and a waiting new version still hold; kept-aside data is gone.
    pub(crate) fn forget_everything(&mut self) {
        self.history = Rc::new(History::default());
        self.comparison = Rc::default();
        self.draft = self.fresh_draft(String::new());
        self.notices.retain(|n| {
            matches!(
                n,
                Notice::Storage(Problem::Unavailable | Problem::Full) | Notice::UpdateReady
            )
        });
    }

    pub(crate) fn fresh_draft(&self, name: String) -> Rc<Draft> {
        Rc::new(Draft::new(self.instruments.current(), name))
    }
}
