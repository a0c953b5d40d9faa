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
    /// The file as last read: the editor holds it, or text typed since, which is read
    /// once typing pauses.
    pub source: Rc<String>,
    /// How many files were opened (the editor is made anew with each, holding it).
    pub opened: u32,
    pub reading: Reading,
    /// The name of the file last opened, for the download while its id cannot be read.
    pub file: String,
    /// Changed since it was opened: opening another file asks first (a download may
    /// have been cancelled, so it does not count as kept).
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
    Answer(String, Response),
    /// Move the preview by this many steps.
    Step(isize),
}

impl Studio {
    /// The studio with `source` in the editor; `restored` when it is the person's own
    /// work from an earlier visit (changed, as far as anyone knows).
    pub fn new(source: String, restored: bool) -> Studio {
        // As a text field holds it: a file saved on Windows ends its lines with \r\n.
        let source = source.replace("\r\n", "\n").replace('\r', "\n");
        Studio {
            reading: Reading::of(&source),
            source: Rc::new(source),
            opened: 0,
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
            opened: self.opened.wrapping_add(1),
            ..Studio::new(opening.text, false)
        };
    }

    /// How many steps the preview has: the file's dimensions (one while it cannot be read).
    fn steps(&self) -> usize {
        match &self.reading {
            Reading::Read(file) => file.dimensions.len().max(1),
            Reading::Problems(_) => 1,
        }
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
                next.step = next.step.min(next.steps() - 1);
            }
            StudioMsg::Open(opening) if self.changed => next.asking = Some(opening),
            StudioMsg::Open(opening) => next.open(opening),
            StudioMsg::Replace(yes) => match next.asking.take() {
                Some(opening) if yes => next.open(opening),
                _ => {}
            },
            StudioMsg::Said(said) => next.said = Some(said),
            StudioMsg::Answer(statement, response) => {
                Rc::make_mut(&mut next.chosen).insert(statement, response);
            }
            StudioMsg::Step(by) => {
                next.step = next.step.saturating_add_signed(by).min(next.steps() - 1);
            }
        }
        // Nothing changed: the same state, so nothing is drawn again.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
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
        let replaced = reduce(studio.clone(), StudioMsg::Replace(true));
        assert_eq!(*replaced.source, SMALL);
        assert!(!replaced.changed);
        assert_ne!(
            replaced.opened, studio.opened,
            "the editor is made anew with the file"
        );
    }

    #[test]
    fn restored_work_counts_as_changed_and_a_download_does_not_make_it_kept() {
        let studio = Rc::new(Studio::new(SMALL.into(), true));
        assert_eq!(studio.said, Some(Said::Restored));
        let studio = reduce(
            studio,
            StudioMsg::Said(Said::Downloaded("small.json".into())),
        );
        assert!(studio.changed);
        let studio = reduce(studio, StudioMsg::Open(opening("a.json", "{}")));
        assert_eq!(*studio.source, SMALL);
        assert!(studio.asking.is_some());
    }

    #[test]
    fn windows_line_ends_are_read_as_a_text_field_holds_them() {
        let studio = Studio::new(SMALL.replace('\n', "\r\n"), false);
        assert_eq!(*studio.source, SMALL);
    }

    #[test]
    fn nothing_changed_is_the_same_state_and_the_preview_stays_within_the_file() {
        let studio = Rc::new(Studio::new(SMALL.into(), false));
        let same = reduce(studio.clone(), StudioMsg::Step(-1));
        assert!(
            Rc::ptr_eq(&studio, &same),
            "Back on the first step changes nothing"
        );
        let same = reduce(studio.clone(), StudioMsg::Replace(true));
        assert!(Rc::ptr_eq(&studio, &same), "no question was asked");
        // The small file has two dimensions: Next twice stays on the second.
        let studio = reduce(studio, StudioMsg::Step(1));
        let last = reduce(studio.clone(), StudioMsg::Step(1));
        assert!(Rc::ptr_eq(&studio, &last));
        assert_eq!(studio.step, 1);
        // A file with fewer dimensions brings the preview back within it.
        let mut one: serde_json::Value = serde_json::from_str(SMALL).unwrap();
        one["dimensions"].as_array_mut().unwrap().truncate(1);
        let studio = reduce(studio, StudioMsg::Edit(one.to_string()));
        assert_eq!(studio.step, 0);
    }
}
