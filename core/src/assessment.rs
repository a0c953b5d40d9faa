//! Checks: an unfinished one (the draft), finished ones (assessments, with their plans),
//! and history, merged by id so two tabs never wipe each other's checks. How they are
//! stored is `store`'s concern; the serde derives here give the current schema's shape.

use crate::answers::Answers;
use crate::instrument::Instrument;
use crate::plan::Plan;
use crate::scoring::{self, Scores};
use serde::{Deserialize, Serialize};

/// The longest partnership name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// An unfinished check: saved on every change so nothing is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub instrument_id: String,
    pub instrument_version: u32,
    pub name: String,
    pub answers: Answers,
    /// The step the person is on (0-based), so a reload opens it again; `None` when they
    /// are on another screen.
    pub step: Option<usize>,
}

impl Draft {
    pub fn new(instrument: &Instrument, name: String) -> Draft {
        Draft {
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version,
            name,
            answers: Answers::default(),
            step: None,
        }
    }

    /// Why this draft cannot be continued with `instrument`, if it cannot.
    pub fn misfit(&self, instrument: &Instrument) -> Option<Misfit> {
        if self.instrument_id != instrument.id || self.instrument_version != instrument.version {
            return Some(Misfit::OtherInstrument {
                id: self.instrument_id.clone(),
                version: self.instrument_version,
            });
        }
        if self.answers.answered_in(instrument) != self.answers.len() {
            return Some(Misfit::UnknownStatements);
        }
        match self.step {
            Some(step) if step >= instrument.dimensions.len() => Some(Misfit::StepOutOfRange {
                step,
                steps: instrument.dimensions.len(),
            }),
            _ => None,
        }
    }
}

/// Why a draft cannot be continued with an instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// It was started with this instrument (id and version).
    OtherInstrument { id: String, version: u32 },
    /// It answers statements the instrument does not have.
    UnknownStatements,
    /// It is on a step (0-based) the instrument does not have.
    StepOutOfRange { step: usize, steps: usize },
}

/// A finished check, as kept in history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub finished_at: u64,
    pub name: String,
    pub instrument_id: String,
    pub instrument_version: u32,
    pub answers: Answers,
    pub scores: Scores,
    /// Someone else's result, saved when they shared it: never compared over time with
    /// this person's own checks. Written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub received: bool,
    /// What the partners agreed to do after this check. Written once it has been touched.
    #[serde(default, skip_serializing_if = "Plan::is_untouched")]
    pub plan: Plan,
}

impl Assessment {
    pub fn finish(
        instrument: &Instrument,
        draft: &Draft,
        id: String,
        finished_at: u64,
    ) -> Assessment {
        Assessment {
            id,
            finished_at,
            name: draft.name.trim().to_owned(),
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version,
            answers: draft.answers.clone(),
            scores: scoring::score(instrument, &draft.answers),
            received: false,
            plan: Plan::default(),
        }
    }

    /// Someone else's result, kept under `id`: the text it was received as, so that
    /// saving it again never duplicates it.
    pub fn received(
        instrument: &Instrument,
        id: String,
        name: String,
        answers: Answers,
        at: u64,
    ) -> Assessment {
        Assessment {
            scores: scoring::score(instrument, &answers),
            id,
            finished_at: at,
            name,
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version,
            answers,
            received: true,
            plan: Plan::default(),
        }
    }

    /// Which partnership this check is of: see `partnership`.
    pub fn partnership(&self) -> String {
        partnership(&self.name)
    }

    /// Whether both checks answer the same version of the same questionnaire: only then
    /// do their scores compare (the trend shows both, marked where the version changed).
    pub fn same_version(&self, other: &Assessment) -> bool {
        self.instrument_id == other.instrument_id
            && self.instrument_version == other.instrument_version
    }
}

/// Checks of the same partnership are compared with each other: names equal but for
/// surrounding spaces and case ("Équipe Nord" is "équipe nord").
pub fn partnership(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Finished checks, newest first, and the ids of deleted ones, so that a tab holding an
/// older copy cannot bring a deleted check back when its copy is merged in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub(crate) assessments: Vec<Assessment>,
    /// Sorted, without repeats.
    pub(crate) deleted: Vec<String>,
}

impl History {
    /// A history of exactly these checks, newest first.
    pub fn of(assessments: Vec<Assessment>) -> History {
        History::default().merge(&History {
            assessments,
            deleted: Vec::new(),
        })
    }

    pub fn assessments(&self) -> &[Assessment] {
        &self.assessments
    }

    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.assessments.is_empty()
    }

    pub fn add(&mut self, assessment: Assessment) {
        self.assessments.retain(|a| a.id != assessment.id);
        self.deleted.retain(|d| *d != assessment.id);
        self.assessments.push(assessment);
        self.sort();
    }

    pub fn remove(&mut self, id: &str) {
        self.assessments.retain(|a| a.id != id);
        if let Err(at) = self.deleted.binary_search_by(|d| d.as_str().cmp(id)) {
            self.deleted.insert(at, id.to_owned());
        }
    }

    /// Changes the plan of check `id`; false if there is no such check or nothing changed.
    pub fn update_plan(&mut self, id: &str, change: impl FnOnce(&mut Plan) -> bool) -> bool {
        self.assessments
            .iter_mut()
            .find(|a| a.id == id)
            .is_some_and(|a| change(&mut a.plan))
    }

    /// The latest check of the same partnership finished before `id`.
    pub fn previous(&self, id: &str) -> Option<&Assessment> {
        self.earlier(id, |_, _| true)
    }

    /// The previous check of the same partnership made with the same instrument and
    /// version, whose scores compare with this one's: a pulse between two full checks
    /// is passed over.
    pub fn previous_like(&self, id: &str) -> Option<&Assessment> {
        self.earlier(id, |a, current| a.same_version(current))
    }

    /// The last of the person's own checks of the same partnership before check `id`
    /// that `like` accepts (given it and check `id`).
    fn earlier(
        &self,
        id: &str,
        like: impl Fn(&Assessment, &Assessment) -> bool,
    ) -> Option<&Assessment> {
        let current = self.get(id).filter(|a| !a.received)?;
        self.assessments
            .iter()
            .filter(|a| a.id != id && !a.received && a.partnership() == current.partnership())
            .filter(|a| like(a, current))
            .find(|a| {
                a.finished_at < current.finished_at
                    || (a.finished_at == current.finished_at && a.id < current.id)
            })
    }

    /// Everything either copy has, less what either copy deleted; of two copies of a
    /// check, the one whose plan changed last.
    pub fn merge(&self, other: &History) -> History {
        let mut deleted: Vec<String> = self.deleted.iter().chain(&other.deleted).cloned().collect();
        deleted.sort();
        deleted.dedup();
        let mut assessments: Vec<Assessment> = Vec::new();
        for a in self.assessments.iter().chain(&other.assessments) {
            if deleted.contains(&a.id) {
                continue;
            }
            match assessments.iter_mut().find(|b| b.id == a.id) {
                Some(b) if a.plan.changed_at > b.plan.changed_at => b.plan = a.plan.clone(),
                Some(_) => {}
                None => assessments.push(a.clone()),
            }
        }
        let mut merged = History {
            assessments,
            deleted,
        };
        merged.sort();
        merged
    }

    fn sort(&mut self) {
        self.assessments.sort_by(|a, b| {
            b.finished_at
                .cmp(&a.finished_at)
                .then_with(|| b.id.cmp(&a.id))
        });
    }
}

fn is_false(b: &bool) -> bool {
    !b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{finished, version_1 as instrument};
    use crate::plan::Status;

    fn ids(h: &History) -> Vec<&str> {
        h.assessments().iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn of_two_copies_of_a_check_the_later_plan_is_kept() {
        let mut a = History::default();
        a.add(finished("x", 1, "", 3));
        let mut b = a.clone();
        a.update_plan("x", |plan| {
            *plan = crate::fixtures::plan();
            true
        });
        assert_eq!(b.merge(&a), a);
        assert_eq!(a.merge(&b), a);
        b.update_plan("x", |plan| {
            *plan = crate::fixtures::plan();
            plan.change(0, crate::plan::Change::Status(Status::Done), 50)
        });
        assert_eq!(a.merge(&b), b);
        assert_eq!(b.merge(&a), b);
    }

    #[test]
    fn history_is_newest_first_and_adding_twice_keeps_one() {
        let mut h = History::default();
        h.add(finished("old", 1, "", 3));
        h.add(finished("new", 3, "", 3));
        h.add(finished("mid", 2, "", 3));
        h.add(finished("mid", 2, "", 3));
        assert_eq!(ids(&h), ["new", "mid", "old"]);
    }

    #[test]
    fn the_previous_check_to_compare_with_answers_the_same_version() {
        let mut pulse = finished("p", 20, "Acme", 3);
        pulse.instrument_id = "pulse".into();
        let h = History::of(vec![
            finished("a", 10, "Acme", 2),
            pulse,
            finished("c", 30, "Acme", 4),
        ]);
        assert_eq!(h.previous("c").map(|a| a.id.as_str()), Some("p"));
        assert_eq!(h.previous_like("c").map(|a| a.id.as_str()), Some("a"));
        assert_eq!(h.previous_like("p"), None);
    }

    #[test]
    fn previous_is_the_last_earlier_check_of_the_same_partnership() {
        let mut h = History::default();
        h.add(finished("a1", 1, "Alpha", 2));
        h.add(finished("b1", 2, "Beta", 3));
        h.add(finished("a2", 3, " alpha ", 4));
        h.add(finished("a3", 4, "ALPHA", 5));
        assert_eq!(h.previous("a3").map(|a| a.id.as_str()), Some("a2"));
        assert_eq!(h.previous("a2").map(|a| a.id.as_str()), Some("a1"));
        assert_eq!(h.previous("a1"), None);
        assert_eq!(h.previous("b1"), None);
    }

    #[test]
    fn a_partners_result_is_never_the_previous_check() {
        let i = instrument();
        let mut h = History::default();
        h.add(finished("mine-1", 1, "Alpha", 2));
        let theirs = finished("x", 0, "Alpha", 4);
        let theirs_id = "received-1".to_owned();
        h.add(Assessment::received(
            &i,
            theirs_id.clone(),
            "Alpha".into(),
            theirs.answers,
            2,
        ));
        h.add(finished("mine-2", 3, "Alpha", 3));
        assert_eq!(h.previous("mine-2").map(|a| a.id.as_str()), Some("mine-1"));
        assert_eq!(h.previous(&theirs_id), None);
        // Saved, it reads back with its flag; own checks carry no flag at all.
        let back: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        assert!(back.get(&theirs_id).unwrap().received);
        let mine = serde_json::to_string(h.get("mine-1").unwrap()).unwrap();
        assert!(
            !mine.contains("received") && !mine.contains("plan"),
            "{mine}"
        );
    }

    #[test]
    fn merge_keeps_both_tabs_checks_and_honours_deletes() {
        let mut shared = History::default();
        shared.add(finished("x", 1, "", 3));
        let mut tab_a = shared.clone();
        let mut tab_b = shared.clone();
        tab_a.add(finished("a", 2, "", 3));
        tab_b.add(finished("b", 3, "", 3));
        tab_b.remove("x");
        let merged = tab_a.merge(&tab_b);
        assert_eq!(ids(&merged), ["b", "a"]);
        assert_eq!(merged, tab_b.merge(&tab_a));
        // A stale copy that still has "x" cannot bring it back.
        assert_eq!(ids(&merged.merge(&shared)), ["b", "a"]);
    }

    #[test]
    fn finishing_scores_the_answers_and_trims_the_name() {
        let a = finished("id", 5, "  River Trust ", 4);
        assert_eq!(a.name, "River Trust");
        assert_eq!(a.scores.overall(), Some(4.0));
        assert_eq!(a.instrument_id, "partnership-health");
    }
}
