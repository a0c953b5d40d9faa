//! What Rapport keeps in the browser, and how it is versioned, read back and merged.
//! Every stored value is an envelope `{"schema": N, "data": …}`; a value that cannot be
//! read is reported, never guessed at, so the caller can keep it aside untouched.

use crate::answers::{Answers, Response};
use crate::instrument::Instrument;
use crate::json::{write_text, Kind, Leaves, Position};
use crate::order::sorted;
use crate::plan::{Action, Date, Plan, Status, What};
use crate::scoring::{self, DimensionScore, Scores};

/// The schema this build writes. It reads this one and every earlier one:
/// 1. checks without plans (read as having an empty plan);
/// 2. checks carry their action plan (`plan`, written when it has been touched).
pub const SCHEMA: u64 = 2;
/// The longest partnership name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// An unfinished check: saved on every change so nothing is lost.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
    pub received: bool,
    /// What the partners agreed to do after this check.
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
}

/// Checks of the same partnership are compared with each other: names equal but for
/// surrounding spaces and ASCII case (Unicode lowercasing would ship its tables in the
/// wasm).
pub fn partnership(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// Finished checks, newest first, and the ids of deleted ones, so that a tab holding an
/// older copy cannot bring a deleted check back when its copy is merged in.
#[derive(Clone, Debug, Default, PartialEq)]
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

    /// Changes the plan of check `id`; false if there is no such check or nothing changed.
    pub fn update_plan(&mut self, id: &str, change: impl FnOnce(&mut Plan) -> bool) -> bool {
        self.assessments
            .iter_mut()
            .find(|a| a.id == id)
            .is_some_and(|a| change(&mut a.plan))
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

    /// Everything either copy has, less what either copy deleted; of two copies of a
    /// check, the one whose plan changed last.
    pub fn merge(&self, other: &History) -> History {
        let mut deleted = sorted(
            self.deleted.iter().chain(&other.deleted).cloned().collect(),
            String::cmp,
        );
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
        self.assessments = sorted(std::mem::take(&mut self.assessments), |a, b| {
            b.finished_at
                .cmp(&a.finished_at)
                .then_with(|| b.id.cmp(&a.id))
        });
    }
}

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotJson(Position),
    NoSchema,
    /// Written by another (probably newer) version of Rapport.
    UnknownSchema(u64),
    WrongShape(Shape),
}

/// How a stored value's content is not what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The value here is missing, of the wrong kind, or not expected at all.
    At(Position),
    /// A check holds scores its answers could never give.
    ImpossibleScores { check: String },
    /// A check answers statements its instrument does not have.
    UnknownStatements { check: String },
    /// A draft that this instrument cannot continue.
    Draft(Misfit),
    /// A check's plan names a dimension or a recommendation its instrument does not have,
    /// or has too many actions.
    UnknownPlan { check: String },
}

/// A value Rapport stores, written and read as JSON by hand: serde's derives and
/// serde_json cost about a fifth of the wasm. Reading is strict, as before: every member
/// must be there (`received`, `plan` and `step` may be left out), of the right kind, and
/// nothing else may be; a wrong value is reported as a byte offset into the text.
pub trait Record: Sized {
    fn write(&self, out: &mut String);
    fn read(leaves: &Leaves, path: &str) -> Result<Self, usize>;
    /// The first schema that can hold this value.
    fn since(&self) -> u64 {
        1
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The text of the value at `path` if it is of `kind`; a missing value is reported where
/// its object closes.
fn value<'a>(leaves: &'a Leaves, path: &str, kind: Kind) -> Result<&'a str, usize> {
    match leaves.node(path) {
        Some((k, text, _)) if k == kind => Ok(text),
        Some((_, _, at)) => Err(at),
        None => {
            let parent = path.rsplit_once('.').map_or("", |(parent, _)| parent);
            Err(leaves.node(parent).map_or(0, |(_, _, at)| at))
        }
    }
}

/// Checks that `path` is an object whose members are all `known`.
fn object(leaves: &Leaves, path: &str, known: &[&str]) -> Result<(), usize> {
    value(leaves, path, Kind::Object)?;
    match leaves
        .members(path)
        .into_iter()
        .find(|(key, _)| !known.contains(key))
    {
        Some((_, at)) => Err(at),
        None => Ok(()),
    }
}

fn text(leaves: &Leaves, path: &str) -> Result<String, usize> {
    value(leaves, path, Kind::Text).map(str::to_owned)
}

fn number<T: TryFrom<u64>>(leaves: &Leaves, path: &str) -> Result<T, usize> {
    let written = value(leaves, path, Kind::Number)?;
    written
        .parse::<u64>()
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| leaves.node(path).map_or(0, |(_, _, at)| at))
}

/// The elements of the array at `path`, each read by `read`.
fn list<T>(
    leaves: &Leaves,
    path: &str,
    read: impl Fn(&Leaves, &str) -> Result<T, usize>,
) -> Result<Vec<T>, usize> {
    value(leaves, path, Kind::Array)?;
    (0..leaves.members(path).len())
        .map(|i| read(leaves, &join(path, &i.to_string())))
        .collect()
}

fn write_list<T>(out: &mut String, items: &[T], write: impl Fn(&T, &mut String)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(item, out);
    }
    out.push(']');
}

/// `"key":` after a comma unless it is the first member.
fn key(out: &mut String, name: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    write_text(out, name);
    out.push(':');
}

impl Record for Answers {
    fn write(&self, out: &mut String) {
        out.push('{');
        for (id, response) in self.iter() {
            key(out, id);
            out.push_str(&response.code().to_string());
        }
        out.push('}');
    }

    fn read(leaves: &Leaves, path: &str) -> Result<Answers, usize> {
        value(leaves, path, Kind::Object)?;
        let mut answers = Answers::default();
        for (id, at) in leaves.members(path) {
            let code: u8 = number(leaves, &join(path, id))?;
            answers.set(id, Response::try_from(code).map_err(|_| at)?);
        }
        Ok(answers)
    }
}

impl Record for Scores {
    fn write(&self, out: &mut String) {
        out.push_str("{\"dimensions\":");
        write_list(out, &self.dimensions, |d, out| {
            out.push('{');
            key(out, "dimension");
            write_text(out, &d.dimension);
            key(out, "total");
            out.push_str(&d.total.to_string());
            key(out, "scored");
            out.push_str(&d.scored.to_string());
            out.push('}');
        });
        out.push('}');
    }

    fn read(leaves: &Leaves, path: &str) -> Result<Scores, usize> {
        object(leaves, path, &["dimensions"])?;
        let dimensions = list(leaves, &join(path, "dimensions"), |leaves, path| {
            object(leaves, path, &["dimension", "total", "scored"])?;
            Ok(DimensionScore {
                dimension: text(leaves, &join(path, "dimension"))?,
                total: number(leaves, &join(path, "total"))?,
                scored: number(leaves, &join(path, "scored"))?,
            })
        })?;
        Ok(Scores { dimensions })
    }
}

impl Record for Draft {
    fn write(&self, out: &mut String) {
        out.push('{');
        key(out, "instrument_id");
        write_text(out, &self.instrument_id);
        key(out, "instrument_version");
        out.push_str(&self.instrument_version.to_string());
        key(out, "name");
        write_text(out, &self.name);
        key(out, "answers");
        self.answers.write(out);
        key(out, "step");
        match self.step {
            Some(step) => out.push_str(&step.to_string()),
            None => out.push_str("null"),
        }
        out.push('}');
    }

    fn read(leaves: &Leaves, path: &str) -> Result<Draft, usize> {
        let at = |key: &str| join(path, key);
        object(
            leaves,
            path,
            &[
                "instrument_id",
                "instrument_version",
                "name",
                "answers",
                "step",
            ],
        )?;
        let step = match leaves.node(&at("step")) {
            None | Some((Kind::Null, _, _)) => None,
            Some(_) => Some(number(leaves, &at("step"))?),
        };
        Ok(Draft {
            instrument_id: text(leaves, &at("instrument_id"))?,
            instrument_version: number(leaves, &at("instrument_version"))?,
            name: text(leaves, &at("name"))?,
            answers: Answers::read(leaves, &at("answers"))?,
            step,
        })
    }
}

impl Record for Assessment {
    fn write(&self, out: &mut String) {
        out.push('{');
        key(out, "id");
        write_text(out, &self.id);
        key(out, "finished_at");
        out.push_str(&self.finished_at.to_string());
        key(out, "name");
        write_text(out, &self.name);
        key(out, "instrument_id");
        write_text(out, &self.instrument_id);
        key(out, "instrument_version");
        out.push_str(&self.instrument_version.to_string());
        key(out, "answers");
        self.answers.write(out);
        key(out, "scores");
        self.scores.write(out);
        if self.received {
            key(out, "received");
            out.push_str("true");
        }
        if self.plan != Plan::default() {
            key(out, "plan");
            self.plan.write(out);
        }
        out.push('}');
    }

    fn read(leaves: &Leaves, path: &str) -> Result<Assessment, usize> {
        let at = |key: &str| join(path, key);
        object(
            leaves,
            path,
            &[
                "id",
                "finished_at",
                "name",
                "instrument_id",
                "instrument_version",
                "answers",
                "scores",
                "received",
                "plan",
            ],
        )?;
        let received = match leaves.node(&at("received")) {
            None => false,
            Some(_) => value(leaves, &at("received"), Kind::Bool)? == "true",
        };
        Ok(Assessment {
            id: text(leaves, &at("id"))?,
            finished_at: number(leaves, &at("finished_at"))?,
            name: text(leaves, &at("name"))?,
            instrument_id: text(leaves, &at("instrument_id"))?,
            instrument_version: number(leaves, &at("instrument_version"))?,
            answers: Answers::read(leaves, &at("answers"))?,
            scores: Scores::read(leaves, &at("scores"))?,
            received,
            plan: match leaves.node(&at("plan")) {
                None => Plan::default(),
                Some(_) => Plan::read(leaves, &at("plan"))?,
            },
        })
    }
}

impl Record for Plan {
    fn write(&self, out: &mut String) {
        out.push('{');
        key(out, "changed_at");
        out.push_str(&self.changed_at.to_string());
        key(out, "actions");
        write_list(out, &self.actions, |a, out| {
            out.push('{');
            key(out, "dimension");
            write_text(out, &a.dimension);
            match &a.what {
                What::Advice { band, index } => {
                    key(out, "advice");
                    write_text(out, &What::advice_id(*band, *index).unwrap_or_default());
                }
                What::Own(text) => {
                    key(out, "text");
                    write_text(out, text);
                }
            }
            key(out, "owner");
            write_text(out, &a.owner);
            key(out, "due");
            match a.due {
                Some(due) => write_text(out, &due.iso()),
                None => out.push_str("null"),
            }
            key(out, "status");
            write_text(out, a.status.id());
            out.push('}');
        });
        out.push('}');
    }

    fn read(leaves: &Leaves, path: &str) -> Result<Plan, usize> {
        object(leaves, path, &["changed_at", "actions"])?;
        let actions = list(leaves, &join(path, "actions"), |leaves, path| {
            let at = |key: &str| join(path, key);
            object(
                leaves,
                path,
                &["dimension", "advice", "text", "owner", "due", "status"],
            )?;
            let place = |key: &str| leaves.node(&at(key)).map_or(0, |(_, _, at)| at);
            let what = match (leaves.node(&at("advice")), leaves.node(&at("text"))) {
                (Some(_), None) => What::from_advice_id(&text(leaves, &at("advice"))?)
                    .ok_or_else(|| place("advice"))?,
                (None, Some(_)) => What::Own(text(leaves, &at("text"))?),
                // Neither or both: reported where the action closes, or at its text.
                (None, None) => return Err(leaves.node(path).map_or(0, |(_, _, at)| at)),
                (Some(_), Some(_)) => return Err(place("text")),
            };
            let due = match leaves.node(&at("due")) {
                Some((Kind::Null, _, _)) => None,
                _ => Some(Date::due(&text(leaves, &at("due"))?).ok_or_else(|| place("due"))?),
            };
            Ok(Action {
                dimension: text(leaves, &at("dimension"))?,
                what,
                owner: text(leaves, &at("owner"))?,
                due,
                status: Status::from_id(&text(leaves, &at("status"))?)
                    .ok_or_else(|| place("status"))?,
            })
        })?;
        Ok(Plan {
            actions,
            changed_at: number(leaves, &join(path, "changed_at"))?,
        })
    }
}

impl Record for History {
    fn write(&self, out: &mut String) {
        out.push_str("{\"assessments\":");
        write_list(out, &self.assessments, Assessment::write);
        out.push_str(",\"deleted\":");
        write_list(out, &self.deleted, |id, out| write_text(out, id));
        out.push('}');
    }

    fn since(&self) -> u64 {
        match self.assessments.iter().any(|a| a.plan != Plan::default()) {
            true => 2,
            false => 1,
        }
    }

    fn read(leaves: &Leaves, path: &str) -> Result<History, usize> {
        object(leaves, path, &["assessments", "deleted"])?;
        Ok(History {
            assessments: list(leaves, &join(path, "assessments"), Assessment::read)?,
            deleted: list(leaves, &join(path, "deleted"), text)?,
        })
    }
}

pub fn encode<T: Record>(data: &T) -> String {
    let mut out = format!("{{\"schema\":{SCHEMA},\"data\":");
    data.write(&mut out);
    out.push('}');
    out
}

pub fn decode<T: Record>(raw: &str) -> Result<T, ReadError> {
    let leaves = Leaves::read(raw).map_err(ReadError::NotJson)?;
    let schema = match leaves.node("schema") {
        Some((Kind::Number, written, at)) => match written.parse::<u64>() {
            Ok(n @ 1..=SCHEMA) => (n, at),
            Ok(other) => return Err(ReadError::UnknownSchema(other)),
            Err(_) => return Err(ReadError::NoSchema),
        },
        _ => return Err(ReadError::NoSchema),
    };
    object(&leaves, "", &["schema", "data"])
        .and_then(|()| T::read(&leaves, "data"))
        // A schema-1 text holds nothing schema 1 did not have.
        .and_then(|value| match value.since() > schema.0 {
            true => Err(schema.1),
            false => Ok(value),
        })
        .map_err(|at| ReadError::WrongShape(Shape::At(Position::in_text(raw, at))))
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
            return Err(ReadError::WrongShape(Shape::ImpossibleScores {
                check: a.id.clone(),
            }));
        }
        if a.instrument_id == instrument.id && a.instrument_version == instrument.version {
            if !a.plan.fits(instrument) {
                return Err(ReadError::WrongShape(Shape::UnknownPlan {
                    check: a.id.clone(),
                }));
            }
            if a.answers.answered_in(instrument) != a.answers.len() {
                return Err(ReadError::WrongShape(Shape::UnknownStatements {
                    check: a.id.clone(),
                }));
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
        Some(misfit) => Err(ReadError::WrongShape(Shape::Draft(misfit))),
        None => Ok(draft),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;
    use crate::fixtures::{finished, instrument};

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
        assert!(raw.starts_with(r#"{"schema":2,"data":{"#), "{raw}");
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
        assert_eq!(
            decode::<History>("{not json"),
            Err(ReadError::NotJson(Position { line: 1, column: 2 }))
        );
        assert_eq!(
            decode::<History>(r#"{"data":{}}"#),
            Err(ReadError::NoSchema)
        );
        assert_eq!(
            decode::<History>(r#"{"schema":"1","data":{}}"#),
            Err(ReadError::NoSchema)
        );
        assert_eq!(
            decode::<History>(r#"{"schema":3,"data":{}}"#),
            Err(ReadError::UnknownSchema(3))
        );
        assert!(matches!(
            decode::<History>(r#"{"schema":1,"data":[]}"#),
            Err(ReadError::WrongShape(Shape::At(Position { line: 1, .. })))
        ));
        assert!(matches!(
            decode::<History>("[1,2]"),
            Err(ReadError::NoSchema)
        ));
        assert!(matches!(
            decode::<History>(r#"{"schema":1,"data":{"assessments":[],"deleted":[],"x":1}}"#),
            Err(ReadError::WrongShape(Shape::At(Position { line: 1, .. })))
        ));
    }

    #[test]
    fn a_draft_for_another_instrument_or_step_is_not_continued() {
        let i = instrument();
        let mut d = Draft::new(&i, String::new());
        d.instrument_version = 9;
        let misfit = |m| Err(ReadError::WrongShape(Shape::Draft(m)));
        assert_eq!(
            decode_draft(&encode(&d), &i),
            misfit(Misfit::OtherInstrument {
                id: "partnership-health".into(),
                version: 9
            })
        );
        let mut d = Draft::new(&i, String::new());
        d.step = Some(8);
        assert_eq!(
            decode_draft(&encode(&d), &i),
            misfit(Misfit::StepOutOfRange { step: 8, steps: 8 })
        );
        let mut d = Draft::new(&i, String::new());
        d.answers.set("nope-1", Response::DONT_KNOW);
        assert_eq!(
            decode_draft(&encode(&d), &i),
            misfit(Misfit::UnknownStatements)
        );
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
        assert_eq!(
            decode_history(&raw(vec![impossible]), &i),
            Err(ReadError::WrongShape(Shape::ImpossibleScores {
                check: "new".into()
            }))
        );

        let mut unknown = new.clone();
        unknown.answers.set("nope-1", Response::DONT_KNOW);
        assert_eq!(
            decode_history(&raw(vec![unknown]), &i),
            Err(ReadError::WrongShape(Shape::UnknownStatements {
                check: "new".into()
            }))
        );
    }

    // Found by the fuzz harness (core/examples/fuzz_decoders.rs): these overflowed.
    #[test]
    fn extreme_numbers_are_refused_without_overflow() {
        let i = instrument();
        let draft = r#"{"schema":1,"data":{"instrument_id":"partnership-health","instrument_version":1,"name":"","answers":{},"step":18446744073709551615}}"#;
        assert_eq!(
            decode_draft(draft, &i),
            Err(ReadError::WrongShape(Shape::Draft(
                Misfit::StepOutOfRange {
                    step: usize::MAX,
                    steps: 8
                }
            )))
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
    fn schema_1_data_loads_unchanged_with_empty_plans_and_is_written_as_schema_2() {
        use crate::fixtures::{SCHEMA_1_DRAFT, SCHEMA_1_HISTORY};
        let i = instrument();
        let h = decode_history(SCHEMA_1_HISTORY, &i).unwrap();
        let names: Vec<&str> = h.assessments().iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["Acme \"North\" Alliance", "River Trust", "River Trust"]
        );
        assert!(h.assessments().iter().all(|a| a.plan.is_empty()));
        let older = &h.assessments()[2];
        assert_eq!(older.scores.overall(), Some(3.5));
        assert_eq!(
            h.previous(&h.assessments()[1].id).map(|a| &a.id),
            Some(&older.id)
        );
        // Written again, it is schema 2 and reads back the same.
        let raw = encode(&h);
        assert!(raw.starts_with(r#"{"schema":2,"#));
        assert_eq!(decode_history(&raw, &i), Ok(h));

        let draft = decode_draft(SCHEMA_1_DRAFT, &i).unwrap();
        assert_eq!(
            (draft.name.as_str(), draft.answers.len()),
            ("Delta Cooperative", 4)
        );
    }

    #[test]
    fn a_plan_round_trips_and_schema_1_cannot_hold_one() {
        let i = instrument();
        let mut h = History::default();
        h.add(finished("a", 1, "Alpha", 2));
        assert!(h.update_plan("a", |plan| {
            *plan = crate::fixtures::plan();
            true
        }));
        assert!(!h.update_plan("nope", |_| true));
        let raw = encode(&h);
        assert!(
            raw.contains(r#""plan":{"changed_at":9,"actions":[{"dimension":"trust","advice":"concern-3","owner":"Ana","due":"2027-03-01","status":"open"},"#),
            "{raw}"
        );
        assert_eq!(decode_history(&raw, &i), Ok(h.clone()));
        // Plans came with schema 2: a schema-1 text holding one is not guessed at.
        let as_1 = raw.replacen(r#""schema":2"#, r#""schema":1"#, 1);
        assert!(matches!(
            decode_history(&as_1, &i),
            Err(ReadError::WrongShape(Shape::At(_)))
        ));
        // An action that is not one of the instrument's is refused, and says which check.
        let unknown = raw.replace("concern-3", "concern-7");
        assert_eq!(
            decode_history(&unknown, &i),
            Err(ReadError::WrongShape(Shape::UnknownPlan {
                check: "a".into()
            }))
        );
        for broken in [
            raw.replace(r#""status":"open""#, r#""status":"later""#),
            raw.replace("2027-03-01", "2027-02-30"),
            raw.replace(r#""advice":"concern-3","#, ""),
            raw.replace(
                r#""advice":"concern-3","#,
                r#""advice":"concern-3","text":"x","#,
            ),
            raw.replace(r#""owner":"Ana","#, r#""owner":"Ana","x":1,"#),
        ] {
            assert!(
                matches!(
                    decode_history(&broken, &i),
                    Err(ReadError::WrongShape(Shape::At(_)))
                ),
                "{broken}"
            );
        }
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
        let back = decode_history(&encode(&h), &i).unwrap();
        assert!(back.get(&theirs_id).unwrap().received);
        assert!(!encode(h.get("mine-1").unwrap()).contains("received"));
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
