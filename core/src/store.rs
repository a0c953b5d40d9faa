//! How Rapport keeps checks in the browser and in the JSON files people download: every
//! value is an envelope `{"schema": N, "data": …}`, read strictly (no unknown or repeated
//! member), by the schema it says it was written in. A value that cannot be read is
//! reported, never guessed at, so the caller can keep it aside untouched.

use crate::assessment::{Draft, History, Misfit};
use crate::instrument::{Instruments, MAX_POINTS};
use crate::json::Position;
use crate::scoring;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The schema this build writes. It reads this one and every earlier one:
/// 1. checks without plans (read as having an empty plan);
/// 2. checks carry their action plan (`plan`, written once it has been touched).
pub const SCHEMA: u64 = 2;

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

/// A value Rapport stores: its shape in the current schema (its serde derives), and as
/// schema 1 wrote it.
pub trait Versioned: Serialize + DeserializeOwned {
    type Schema1: DeserializeOwned + Into<Self>;
}

impl Versioned for Draft {
    /// Drafts have not changed since schema 1.
    type Schema1 = Draft;
}

impl Versioned for History {
    type Schema1 = schema_1::History;
}

/// Schema 1, as that release wrote it: checks had no plan, and a plan in such a text is
/// refused, not guessed at.
pub mod schema_1 {
    use crate::answers::Answers;
    use crate::plan::Plan;
    use crate::scoring::Scores;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct History {
        assessments: Vec<Assessment>,
        deleted: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Assessment {
        id: String,
        finished_at: u64,
        name: String,
        instrument_id: String,
        instrument_version: u32,
        answers: Answers,
        scores: Scores,
        #[serde(default)]
        received: bool,
    }

    impl From<History> for crate::assessment::History {
        fn from(old: History) -> Self {
            let assessments = old
                .assessments
                .into_iter()
                .map(|a| crate::assessment::Assessment {
                    id: a.id,
                    finished_at: a.finished_at,
                    name: a.name,
                    instrument_id: a.instrument_id,
                    instrument_version: a.instrument_version,
                    answers: a.answers,
                    scores: a.scores,
                    received: a.received,
                    plan: Plan::default(),
                })
                .collect();
            crate::assessment::History {
                assessments,
                deleted: old.deleted,
            }
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    schema: u64,
    data: &'a T,
}

/// The whole stored text: nothing but the schema and the data.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Read<T> {
    #[serde(rename = "schema")]
    _schema: u64,
    data: T,
}

/// `data` in an envelope of the current schema.
pub fn encode<T: Versioned>(data: &T) -> String {
    // Cannot fail: every key is a string and no value is a float.
    serde_json::to_string(&Envelope {
        schema: SCHEMA,
        data,
    })
    .unwrap_or_default()
}

/// Reads a stored value written by this schema or an earlier one.
pub fn decode<T: Versioned>(raw: &str) -> Result<T, ReadError> {
    // The schema decides how the rest is read, so it is found first.
    let document: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| ReadError::NotJson(Position::from(&e)))?;
    let schema = document
        .as_object()
        .and_then(|o| o.get("schema"))
        .and_then(serde_json::Value::as_u64)
        .ok_or(ReadError::NoSchema)?;
    let shape = |e: serde_json::Error| ReadError::WrongShape(Shape::At(Position::from(&e)));
    match schema {
        1 => serde_json::from_str::<Read<T::Schema1>>(raw)
            .map(|read| read.data.into())
            .map_err(shape),
        SCHEMA => serde_json::from_str::<Read<T>>(raw)
            .map(|read| read.data)
            .map_err(shape),
        other => Err(ReadError::UnknownSchema(other)),
    }
}

/// A stored history, tidied (newest first, one entry per id) and checked: every score is
/// within what its answers could give, and checks of an instrument version this build
/// knows have their scores worked out again from their answers, which are the record.
pub fn decode_history(raw: &str, instruments: &Instruments) -> Result<History, ReadError> {
    let mut history: History = decode(raw)?;
    for a in &mut history.assessments {
        let plausible = a.scores.dimensions.iter().all(|d| {
            d.scored <= d.total && u64::from(d.total) <= MAX_POINTS as u64 * u64::from(d.scored)
        });
        if !plausible {
            return Err(ReadError::WrongShape(Shape::ImpossibleScores {
                check: a.id.clone(),
            }));
        }
        if let Some(instrument) = instruments.get(&a.instrument_id, a.instrument_version) {
            // A site owner's file edited without a new version may no longer fit checks
            // made with it: they are kept as they were stored, never the whole history
            // set aside for them (the built-in versions never change).
            let from_file = instrument.code.is_empty();
            let fits =
                a.plan.fits(instrument) && a.answers.answered_in(instrument) == a.answers.len();
            if from_file && !fits {
                continue;
            }
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

/// A stored draft that the instrument version it was started with can continue.
pub fn decode_draft(raw: &str, instruments: &Instruments) -> Result<Draft, ReadError> {
    let draft: Draft = decode(raw)?;
    let misfit = match instruments.get(&draft.instrument_id, draft.instrument_version) {
        Some(instrument) => draft.misfit(instrument),
        None => Some(Misfit::OtherInstrument {
            id: draft.instrument_id.clone(),
            version: draft.instrument_version,
        }),
    };
    match misfit {
        Some(misfit) => Err(ReadError::WrongShape(Shape::Draft(misfit))),
        None => Ok(draft),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;
    use crate::assessment::Assessment;
    use crate::fixtures::{finished, instruments, version_1 as instrument};

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
        assert_eq!(decode_draft(&raw, &instruments()), Ok(d));
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
            decode_draft(&encode(&d), &instruments()),
            misfit(Misfit::OtherInstrument {
                id: "partnership-health".into(),
                version: 9
            })
        );
        let mut d = Draft::new(&i, String::new());
        d.step = Some(8);
        assert_eq!(
            decode_draft(&encode(&d), &instruments()),
            misfit(Misfit::StepOutOfRange { step: 8, steps: 8 })
        );
        let mut d = Draft::new(&i, String::new());
        d.answers.set("nope-1", Response::DONT_KNOW);
        assert_eq!(
            decode_draft(&encode(&d), &instruments()),
            misfit(Misfit::UnknownStatements)
        );
    }

    #[test]
    fn a_stored_history_is_tidied_and_its_scores_rechecked() {
        let (old, new) = (finished("old", 1, "", 2), finished("new", 2, "", 4));
        let raw = |assessments: Vec<Assessment>| {
            encode(&History {
                assessments,
                deleted: vec!["gone".into()],
            })
        };
        // Stored oldest first and with a repeat: read back newest first, once each.
        let h = decode_history(
            &raw(vec![old.clone(), new.clone(), old.clone()]),
            &instruments(),
        )
        .unwrap();
        assert_eq!(ids(&h), ["new", "old"]);

        // Scores that disagree with the answers are worked out again from the answers.
        let mut tampered = new.clone();
        tampered.scores.dimensions[0].total = 20;
        let h = decode_history(&raw(vec![tampered]), &instruments()).unwrap();
        assert_eq!(h.get("new").unwrap().scores, new.scores);

        // Scores no answers could give are refused.
        let mut impossible = new.clone();
        impossible.instrument_version = 7;
        impossible.scores.dimensions[0].total = u32::MAX;
        assert_eq!(
            decode_history(&raw(vec![impossible]), &instruments()),
            Err(ReadError::WrongShape(Shape::ImpossibleScores {
                check: "new".into()
            }))
        );

        // A point the instrument's scale does not have (six of five) is no answer to it.
        let mut off_scale = new.clone();
        let first = crate::fixtures::current().dimensions[0].statements[0]
            .id
            .clone();
        off_scale
            .answers
            .set(&first, Response::agreement(6).unwrap());
        assert_eq!(
            decode_history(&raw(vec![off_scale]), &instruments()),
            Err(ReadError::WrongShape(Shape::UnknownStatements {
                check: "new".into()
            }))
        );

        // A check of a site owner's instrument whose file changed since (a statement gone)
        // is kept as stored, and the rest of the history with it.
        let file =
            crate::instrument_file::read(include_str!("../data/fixtures/instruments/small.json"))
                .unwrap()
                .instrument("en");
        let mut own = crate::assessment::Assessment::finish(
            &file,
            &{
                let mut d = Draft::new(&file, "Coalition".into());
                d.answers.set("trust-1", Response::agreement(4).unwrap());
                d.answers.set("gone-1", Response::agreement(2).unwrap());
                d
            },
            "own".into(),
            3,
        );
        own.scores.dimensions[1].total = 4;
        let with_file = instruments().with(file).unwrap();
        let h = decode_history(&raw(vec![new.clone(), own.clone()]), &with_file).unwrap();
        assert_eq!(h.get("own"), Some(&own));
        assert_eq!(h.get("new").unwrap().scores, new.scores);

        let mut unknown = new.clone();
        unknown.answers.set("nope-1", Response::DONT_KNOW);
        assert_eq!(
            decode_history(&raw(vec![unknown]), &instruments()),
            Err(ReadError::WrongShape(Shape::UnknownStatements {
                check: "new".into()
            }))
        );
    }

    // Found by the fuzz harness (core/examples/fuzz_decoders/): these overflowed.
    #[test]
    fn extreme_numbers_are_refused_without_overflow() {
        let draft = r#"{"schema":1,"data":{"instrument_id":"partnership-health","instrument_version":1,"name":"","answers":{},"step":18446744073709551615}}"#;
        assert_eq!(
            decode_draft(draft, &instruments()),
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
        assert_eq!(decode_history(&raw, &instruments()), Ok(h));
    }

    #[test]
    fn schema_1_data_loads_unchanged_with_empty_plans_and_is_written_as_schema_2() {
        use crate::fixtures::{SCHEMA_1_DRAFT, SCHEMA_1_HISTORY};
        let h = decode_history(SCHEMA_1_HISTORY, &instruments()).unwrap();
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
        assert_eq!(decode_history(&raw, &instruments()), Ok(h));

        let draft = decode_draft(SCHEMA_1_DRAFT, &instruments()).unwrap();
        assert_eq!(
            (draft.name.as_str(), draft.answers.len()),
            ("Delta Cooperative", 4)
        );
    }

    #[test]
    fn a_plan_round_trips_and_schema_1_cannot_hold_one() {
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
        assert_eq!(decode_history(&raw, &instruments()), Ok(h.clone()));
        // Plans came with schema 2: a schema-1 text holding one is not guessed at.
        let as_1 = raw.replacen(r#""schema":2"#, r#""schema":1"#, 1);
        assert!(matches!(
            decode_history(&as_1, &instruments()),
            Err(ReadError::WrongShape(Shape::At(_)))
        ));
        // An action that is not one of the instrument's is refused, and says which check.
        let unknown = raw.replace("concern-3", "concern-7");
        assert_eq!(
            decode_history(&unknown, &instruments()),
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
                    decode_history(&broken, &instruments()),
                    Err(ReadError::WrongShape(Shape::At(_)))
                ),
                "{broken}"
            );
        }
    }

    /// The version-1 release's data opens as that release showed it (the figures are
    /// from its results screens, `data/fixtures/release-1/README.md`), with version 2
    /// the current one.
    #[test]
    fn what_the_version_1_release_wrote_opens_as_it_showed() {
        use crate::fixtures::{RELEASE_1_DRAFT, RELEASE_1_EXPORT, RELEASE_1_HISTORY};
        use crate::plan::{Status, What};
        let all = instruments();
        assert_eq!(all.current().version, 2);
        let history = decode_history(RELEASE_1_HISTORY, &all).unwrap();
        assert_eq!(decode_history(RELEASE_1_EXPORT, &all).unwrap(), history);
        let names: Vec<&str> = history
            .assessments()
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["Coalition Nord", "River Trust", "River Trust"]);
        let shown = |a: &crate::assessment::Assessment| -> Vec<Option<String>> {
            a.scores
                .dimensions
                .iter()
                .map(|d| d.mean().map(|m| scoring::display(&Default::default(), m)))
                .collect()
        };
        let first = &history.assessments()[2];
        assert_eq!(first.instrument_version, 1);
        assert_eq!(
            shown(first),
            ["4.5", "2.8", "4.0", "2.3", "3.8", "3.3", "4.5", "2.0"].map(|s| Some(s.to_owned()))
        );
        assert_eq!(
            first
                .scores
                .overall()
                .map(|m| scoring::display(&Default::default(), m))
                .as_deref(),
            Some("3.4")
        );
        let second = &history.assessments()[1];
        assert_eq!(shown(second)[7], None, "Learning: not enough answers");
        assert_eq!(
            second
                .scores
                .overall()
                .map(|m| scoring::display(&Default::default(), m))
                .as_deref(),
            Some("3.5")
        );
        // The plan, by recommendation id, read in version 1's words.
        let v1 = all.get("partnership-health", 1).unwrap();
        let plan = &first.plan;
        assert_eq!(plan.actions.len(), 3);
        assert_eq!(plan.actions[0].what, What::Advice("concern-1".into()));
        assert!(plan.actions[0]
            .text(v1)
            .unwrap()
            .starts_with("Set up a fixed check-in rhythm"));
        assert_eq!(plan.actions[0].owner, "Ana Ribeiro");
        assert_eq!(
            plan.actions[0].due.map(crate::plan::Date::iso).as_deref(),
            Some("2027-02-26")
        );
        assert_eq!(
            plan.actions.iter().map(|a| a.status).collect::<Vec<_>>(),
            [Status::Done, Status::InProgress, Status::Open]
        );
        assert_eq!(
            plan.actions[2].text(v1),
            Some("Lunch with the partner’s new director")
        );
        // Written again, it reads back the same.
        assert_eq!(decode_history(&encode(&history), &all).unwrap(), history);
        // A plan's Discuss advice is read by its version-1 id too; an id that dimension
        // never had is refused, whole, as before.
        let discuss = RELEASE_1_HISTORY.replacen(
            r#""dimension":"goals","advice":"concern-2""#,
            r#""dimension":"goals","advice":"discuss-3""#,
            1,
        );
        assert_ne!(discuss, RELEASE_1_HISTORY);
        let read = decode_history(&discuss, &all).unwrap();
        assert!(read.assessments()[2].plan.actions[1]
            .text(v1)
            .unwrap()
            .starts_with(
                &v1.dimension("goals")
                    .unwrap()
                    .recommendation("discuss-3")
                    .unwrap()
                    .text
            ));
        let missing = RELEASE_1_HISTORY.replacen(
            r#""dimension":"goals","advice":"concern-2""#,
            r#""dimension":"trust","advice":"discuss-3""#,
            1,
        );
        assert!(matches!(
            decode_history(&missing, &all),
            Err(ReadError::WrongShape(Shape::UnknownPlan { .. }))
        ));

        // The unfinished check continues with version 1, on step 3.
        let draft = decode_draft(RELEASE_1_DRAFT, &all).unwrap();
        assert_eq!((draft.instrument_version, draft.step), (1, Some(2)));
        assert_eq!(draft.answers.len(), 8);
        assert_eq!(draft.name, "Harbour Alliance");
    }
}
