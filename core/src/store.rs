//! What Rapport keeps in the browser, and how it is versioned, read back and merged.
//! Every stored value is an envelope `{"schema": N, "data": …}`; a value that cannot be
//! read is reported, never guessed at, so the caller can keep it aside untouched.

use crate::answers::Answers;
use crate::instrument::Instrument;
use crate::scoring::{self, Scores};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema this build writes and reads.
pub const SCHEMA: u64 = 1;

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
    pub fn misfit(&self, instrument: &Instrument) -> Option<String> {
        if self.instrument_id != instrument.id || self.instrument_version != instrument.version {
            return Some(format!(
                "it belongs to questionnaire {} version {}",
                self.instrument_id, self.instrument_version
            ));
        }
        if self.answers.answered_in(instrument) != self.answers.len() {
            return Some("it holds answers to statements this questionnaire does not have".into());
        }
        match self.step {
            Some(step) if step >= instrument.dimensions.len() => Some(format!(
                "it is on step {} of {}",
                step.saturating_add(1),
                instrument.dimensions.len()
            )),
            _ => None,
        }
    }
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
    /// Someone else's result, saved from a code or link: never compared over time with
    /// this person's own checks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub received: bool,
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
        }
    }

    /// A result read from a code, kept under the code as its id so that saving it again
    /// never duplicates it.
    pub fn received(
        instrument: &Instrument,
        code: String,
        decoded: crate::code::Decoded,
        at: u64,
    ) -> Assessment {
        Assessment {
            scores: scoring::score(instrument, &decoded.answers),
            id: code,
            finished_at: at,
            name: decoded.name,
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version,
            answers: decoded.answers,
            received: true,
        }
    }

    /// Checks of the same partnership are compared with each other. ASCII case folding
    /// only: Unicode lowercasing would ship its tables in the wasm.
    fn partnership(&self) -> String {
        self.name.trim().to_ascii_lowercase()
    }
}

/// Finished checks, newest first, and the ids of deleted ones, so that a tab holding an
/// older copy cannot bring a deleted check back when its copy is merged in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    assessments: Vec<Assessment>,
    /// Sorted, without repeats.
    deleted: Vec<String>,
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

    /// The latest check of the same partnership finished before `id`.
    pub fn previous(&self, id: &str) -> Option<&Assessment> {
        let current = self.get(id).filter(|a| !a.received)?;
        self.assessments
            .iter()
            .filter(|a| a.id != id && !a.received && a.partnership() == current.partnership())
            .find(|a| {
                a.finished_at < current.finished_at
                    || (a.finished_at == current.finished_at && a.id < current.id)
            })
    }

    /// Everything either copy has, less what either copy deleted.
    pub fn merge(&self, other: &History) -> History {
        let mut deleted: Vec<String> = self.deleted.iter().chain(&other.deleted).cloned().collect();
        deleted.sort_unstable();
        deleted.dedup();
        let mut assessments: Vec<Assessment> = Vec::new();
        for a in self.assessments.iter().chain(&other.assessments) {
            if !deleted.contains(&a.id) && !assessments.iter().any(|b| b.id == a.id) {
                assessments.push(a.clone());
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
        self.assessments.sort_unstable_by(|a, b| {
            b.finished_at
                .cmp(&a.finished_at)
                .then_with(|| b.id.cmp(&a.id))
        });
    }
}

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    NotJson(String),
    NoSchema,
    /// Written by another (probably newer) version of Rapport.
    UnknownSchema(u64),
    WrongShape(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotJson(at) => write!(f, "it is not valid JSON ({at})"),
            ReadError::NoSchema => write!(f, "it has no schema version"),
            ReadError::UnknownSchema(v) => {
                write!(f, "it uses schema version {v}, this app reads {SCHEMA}")
            }
            ReadError::WrongShape(why) => write!(f, "its content is not what was expected ({why})"),
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    schema: u64,
    data: &'a T,
}

/// Only the schema number; everything else is skipped.
#[derive(Deserialize)]
struct SchemaProbe {
    schema: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnedEnvelope<T> {
    #[allow(dead_code)]
    schema: u64,
    data: T,
}

pub fn encode<T: Serialize>(data: &T) -> String {
    // Serializing these plain structs cannot fail: no maps with non-string keys, no
    // custom serializers that error.
    serde_json::to_string(&Envelope {
        schema: SCHEMA,
        data,
    })
    .unwrap_or_default()
}

pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, ReadError> {
    // Three light passes instead of one through `serde_json::Value`: the generic `Value`
    // machinery costs more wasm than it saves time on values this small.
    serde_json::from_str::<IgnoredAny>(raw).map_err(|e| ReadError::NotJson(position(&e)))?;
    match serde_json::from_str::<SchemaProbe>(raw) {
        Ok(SchemaProbe {
            schema: Some(SCHEMA),
        }) => {}
        Ok(SchemaProbe {
            schema: Some(other),
        }) => return Err(ReadError::UnknownSchema(other)),
        Ok(SchemaProbe { schema: None }) | Err(_) => return Err(ReadError::NoSchema),
    }
    serde_json::from_str::<OwnedEnvelope<T>>(raw)
        .map(|e| e.data)
        .map_err(|e| ReadError::WrongShape(position(&e)))
}

/// Where serde_json gave up. Its full message is not used: formatting it would add the
/// error-formatting code of serde_json and std::io to the wasm.
pub(crate) fn position(e: &serde_json::Error) -> String {
    format!("line {}, column {}", e.line(), e.column())
}

/// A stored history, tidied (newest first, one entry per id) and checked: every score is
/// within what its answers could give, and checks of this instrument have their scores
/// worked out again from their answers, which are the record.
pub fn decode_history(raw: &str, instrument: &Instrument) -> Result<History, ReadError> {
    let mut history: History = decode(raw)?;
    for a in &mut history.assessments {
        let plausible = a
            .scores
            .dimensions
            .iter()
            .all(|d| d.scored <= d.total && u64::from(d.total) <= 5 * u64::from(d.scored));
        if !plausible {
            return Err(ReadError::WrongShape(format!(
                "check {} holds impossible scores",
                a.id
            )));
        }
        if a.instrument_id == instrument.id && a.instrument_version == instrument.version {
            if a.answers.answered_in(instrument) != a.answers.len() {
                return Err(ReadError::WrongShape(format!(
                    "check {} answers unknown statements",
                    a.id
                )));
            }
            a.scores = scoring::score(instrument, &a.answers);
        }
    }
    Ok(History::default().merge(&history))
}

/// A stored draft that this instrument can continue.
pub fn decode_draft(raw: &str, instrument: &Instrument) -> Result<Draft, ReadError> {
    let draft: Draft = decode(raw)?;
    match draft.misfit(instrument) {
        Some(why) => Err(ReadError::WrongShape(why)),
        None => Ok(draft),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;

    fn instrument() -> Instrument {
        Instrument::partnership_health().unwrap()
    }

    fn finished(id: &str, at: u64, name: &str, level: u8) -> Assessment {
        let i = instrument();
        let mut draft = Draft::new(&i, name.into());
        for s in i.statements() {
            draft.answers.set(
                &s.id,
                Response::agreement(if s.reversed { 6 - level } else { level }).unwrap(),
            );
        }
        Assessment::finish(&i, &draft, id.into(), at)
    }

    fn ids(h: &History) -> Vec<&str> {
        h.assessments().iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn a_draft_round_trips_through_its_envelope() {
        let i = instrument();
        let mut d = Draft::new(&i, "River Trust".into());
        d.answers.set("trust-2", Response::DONT_KNOW);
        d.step = Some(2);
        let raw = encode(&d);
        assert!(raw.starts_with(r#"{"schema":1,"data":{"#), "{raw}");
        assert_eq!(decode_draft(&raw, &i), Ok(d));
    }

    #[test]
    fn a_history_round_trips_with_scores_and_tombstones() {
        let mut h = History::default();
        h.add(finished("a", 1, "", 4));
        h.add(finished("b", 2, "", 2));
        h.remove("a");
        let back: History = decode(&encode(&h)).unwrap();
        assert_eq!(back, h);
        assert_eq!(back.get("b").unwrap().scores.overall(), Some(2.0));
    }

    #[test]
    fn unreadable_values_say_why() {
        assert!(matches!(
            decode::<History>("{not json"),
            Err(ReadError::NotJson(_))
        ));
        assert_eq!(
            decode::<History>(r#"{"data":{}}"#),
            Err(ReadError::NoSchema)
        );
        assert_eq!(
            decode::<History>(r#"{"schema":"1","data":{}}"#),
            Err(ReadError::NoSchema)
        );
        assert_eq!(
            decode::<History>(r#"{"schema":2,"data":{}}"#),
            Err(ReadError::UnknownSchema(2))
        );
        assert!(matches!(
            decode::<History>(r#"{"schema":1,"data":[]}"#),
            Err(ReadError::WrongShape(_))
        ));
        assert!(matches!(
            decode::<History>("[1,2]"),
            Err(ReadError::NoSchema)
        ));
        assert!(matches!(
            decode::<History>(r#"{"schema":1,"data":{"assessments":[],"deleted":[],"x":1}}"#),
            Err(ReadError::WrongShape(_))
        ));
        assert_eq!(
            ReadError::UnknownSchema(2).to_string(),
            "it uses schema version 2, this app reads 1"
        );
    }

    #[test]
    fn a_draft_for_another_instrument_or_step_is_not_continued() {
        let i = instrument();
        let mut d = Draft::new(&i, String::new());
        d.instrument_version = 9;
        assert!(
            matches!(decode_draft(&encode(&d), &i), Err(ReadError::WrongShape(w)) if w.contains("version 9"))
        );
        let mut d = Draft::new(&i, String::new());
        d.step = Some(8);
        assert!(decode_draft(&encode(&d), &i).is_err());
        let mut d = Draft::new(&i, String::new());
        d.answers.set("nope-1", Response::DONT_KNOW);
        assert!(decode_draft(&encode(&d), &i).is_err());
    }

    #[test]
    fn a_stored_history_is_tidied_and_its_scores_rechecked() {
        let i = instrument();
        let (old, new) = (finished("old", 1, "", 2), finished("new", 2, "", 4));
        let raw = |assessments: Vec<Assessment>| {
            encode(&History {
                assessments,
                deleted: vec!["gone".into()],
            })
        };
        // Stored oldest first and with a repeat: read back newest first, once each.
        let h = decode_history(&raw(vec![old.clone(), new.clone(), old.clone()]), &i).unwrap();
        assert_eq!(ids(&h), ["new", "old"]);

        // Scores that disagree with the answers are worked out again from the answers.
        let mut tampered = new.clone();
        tampered.scores.dimensions[0].total = 20;
        let h = decode_history(&raw(vec![tampered]), &i).unwrap();
        assert_eq!(h.get("new").unwrap().scores, new.scores);

        // Scores no answers could give are refused.
        let mut impossible = new.clone();
        impossible.instrument_version = 7;
        impossible.scores.dimensions[0].total = u32::MAX;
        assert!(matches!(
            decode_history(&raw(vec![impossible]), &i),
            Err(ReadError::WrongShape(_))
        ));

        let mut unknown = new.clone();
        unknown.answers.set("nope-1", Response::DONT_KNOW);
        assert!(matches!(
            decode_history(&raw(vec![unknown]), &i),
            Err(ReadError::WrongShape(_))
        ));
    }

    // Found by the fuzz harness (core/examples/fuzz_decoders.rs): these overflowed.
    #[test]
    fn extreme_numbers_are_refused_without_overflow() {
        let i = instrument();
        let draft = r#"{"schema":1,"data":{"instrument_id":"partnership-health","instrument_version":1,"name":"","answers":{},"step":18446744073709551615}}"#;
        assert_eq!(
            decode_draft(draft, &i),
            Err(ReadError::WrongShape(
                "it is on step 18446744073709551615 of 8".into()
            ))
        );
        let mut h = History::default();
        h.add(finished("a", 1, "", 3));
        let raw = encode(&h).replace(
            r#""total":12,"scored":4"#,
            r#""total":4294967295,"scored":858993460"#,
        );
        assert!(raw.contains("4294967295"));
        // Plausible (a mean just under 5): read, and its scores worked out again.
        assert_eq!(decode_history(&raw, &i), Ok(h));
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
        let code = crate::code::encode(&i, &theirs.answers, "Alpha");
        let decoded = crate::code::decode(&code, &i).unwrap();
        h.add(Assessment::received(&i, code.clone(), decoded, 2));
        h.add(finished("mine-2", 3, "Alpha", 3));
        assert_eq!(h.previous("mine-2").map(|a| a.id.as_str()), Some("mine-1"));
        assert_eq!(h.previous(&code), None);
        // Saved, it reads back with its flag; own checks carry no flag at all.
        let back = decode_history(&encode(&h), &i).unwrap();
        assert!(back.get(&code).unwrap().received);
        assert!(!encode(&h.get("mine-1").unwrap()).contains("received"));
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
