//! The studio's state: the file being written, what reading it gave, the preview's step
//! and the answers chosen in it, and what the studio has to say. One reducer, as the
//! app's; `view.rs` draws it and the root component persists the file.

use rapport_core::instrument_file::{self, InstrumentFile, Problem};
use rapport_core::Response;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// The file in the editor, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Read(Rc<InstrumentFile>),
    Problems(Rc<[Problem]>),
}

impl Reading {
    pub fn of(source: &str) -> Reading {
        match instrument_file::read(source) {
            Ok(file) => Reading::Read(Rc::new(file)),
            Err(problems) => Reading::Problems(problems.into()),
        }
    }
}

/// What the studio says about what just happened (in `view.rs`'s words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    Restored,
    Opened(String),
    NotOpened(String),
    TooLarge(String),
    Downloaded(String),
    /// The language picked could not be loaded (its name): the one in use stays.
    LanguageUnavailable(String),
}

/// A file waiting for the person to say whether it replaces what they wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opening {
    pub file: String,
    pub text: String,
    /// The id of the control that asked, where focus returns when the answer is no.
    pub asked_by: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Studio {
    pub source: Rc<String>,
    pub reading: Reading,
    /// The name of the file last opened, for the download while its id cannot be read.
    pub file: String,
    /// Changed since it was opened or downloaded: opening another file asks first.
    pub changed: bool,
    pub asking: Option<Opening>,
    pub said: Option<Said>,
    /// The preview's step (0-based; the view keeps it within the instrument).
    pub step: usize,
    /// The answers chosen in the preview, over the sample ones, by statement id.
    pub chosen: Rc<BTreeMap<String, Response>>,
}

pub enum StudioMsg {
    Edit(String),
    /// A file to open: at once when nothing written would be lost, else asked first.
    Open(Opening),
    /// The answer to the question: open the file asked about, or keep the editor's.
    Replace(bool),
    Said(Said),
    Downloaded(String),
    Answer(String, Response),
    /// Move the preview by this many steps.
    Step(isize),
}

impl Studio {
    /// The studio with `source` in the editor; `restored` when it is the person's own
    /// work from an earlier visit (changed, as far as anyone knows).
    pub fn new(source: String, restored: bool) -> Studio {
        Studio {
            reading: Reading::of(&source),
            source: Rc::new(source),
            file: String::from("rapport.json"),
            changed: restored,
            asking: None,
            said: restored.then_some(Said::Restored),
            step: 0,
            chosen: Rc::default(),
        }
    }

    fn open(&mut self, opening: Opening) {
        *self = Studio {
            said: Some(Said::Opened(opening.file.clone())),
            file: opening.file,
            ..Studio::new(opening.text, false)
        };
    }
}

impl Reducible for Studio {
    type Action = StudioMsg;

    fn reduce(self: Rc<Self>, action: StudioMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StudioMsg::Edit(source) => {
                if *source == *self.source {
                    return self;
                }
                next.reading = Reading::of(&source);
                next.source = Rc::new(source);
                next.changed = true;
                next.said = None;
            }
            StudioMsg::Open(opening) if self.changed => next.asking = Some(opening),
            StudioMsg::Open(opening) => next.open(opening),
            StudioMsg::Replace(yes) => match next.asking.take() {
                Some(opening) if yes => next.open(opening),
                _ => {}
            },
            StudioMsg::Said(said) => next.said = Some(said),
            StudioMsg::Downloaded(file) => {
                next.changed = false;
                next.said = Some(Said::Downloaded(file));
            }
            StudioMsg::Answer(statement, response) => {
                Rc::make_mut(&mut next.chosen).insert(statement, response);
            }
            StudioMsg::Step(by) => {
                let steps = match &self.reading {
                    Reading::Read(file) => file.dimensions.len(),
                    Reading::Problems(_) => 1,
                };
                next.step = next.step.saturating_add_signed(by).min(steps - 1);
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../../core/data/fixtures/instruments/small.json");

    fn opening(file: &str, text: &str) -> Opening {
        Opening {
            file: file.into(),
            text: text.into(),
            asked_by: "button",
        }
    }

    fn reduce(studio: Rc<Studio>, action: StudioMsg) -> Rc<Studio> {
        studio.reduce(action)
    }

    #[test]
    fn an_edit_is_read_at_once_and_its_problems_listed() {
        let studio = Rc::new(Studio::new(SMALL.into(), false));
        assert!(matches!(studio.reading, Reading::Read(_)));
        let broken = SMALL.replacen("\"version\": 1,", "\"version\": 1", 1);
        let studio = reduce(studio, StudioMsg::Edit(broken.clone()));
        assert!(studio.changed);
        match &studio.reading {
            Reading::Problems(problems) => assert_eq!(problems.len(), 1),
            Reading::Read(_) => panic!("a broken file was read"),
        }
        assert_eq!(*studio.source, broken);
    }

    #[test]
    fn opening_a_file_over_changed_work_asks_first_and_keeping_loses_nothing() {
        let studio = Rc::new(Studio::new(SMALL.into(), false));
        // Nothing changed: it opens at once.
        let studio = reduce(studio, StudioMsg::Open(opening("a.json", "{}")));
        assert_eq!(*studio.source, "{}");
        assert_eq!(studio.said, Some(Said::Opened("a.json".into())));
        let studio = reduce(studio, StudioMsg::Edit("{ }".into()));
        let studio = reduce(studio, StudioMsg::Open(opening("b.json", SMALL)));
        assert_eq!(*studio.source, "{ }");
        assert_eq!(studio.asking, Some(opening("b.json", SMALL)));
        let kept = reduce(studio.clone(), StudioMsg::Replace(false));
        assert_eq!((kept.source.as_str(), kept.asking.is_none()), ("{ }", true));
        let replaced = reduce(studio, StudioMsg::Replace(true));
        assert_eq!(*replaced.source, SMALL);
        assert!(!replaced.changed);
    }

    #[test]
    fn restored_work_counts_as_changed_until_downloaded() {
        let studio = Rc::new(Studio::new(SMALL.into(), true));
        assert_eq!(studio.said, Some(Said::Restored));
        let studio = reduce(studio, StudioMsg::Downloaded("small.json".into()));
        assert!(!studio.changed);
        let studio = reduce(studio, StudioMsg::Open(opening("a.json", "{}")));
        assert_eq!(*studio.source, "{}");
    }
}
