//! The questionnaire as data. Its text lives in `data/*.json` so that content can be
//! reviewed and changed without touching code.

use crate::json::Position;
use serde::Deserialize;
use std::collections::BTreeSet;

const PARTNERSHIP_HEALTH: &str = include_str!("../data/partnership-health.json");

/// The fewest statements a dimension may have: a dimension needs two scored answers to
/// have a score at all.
pub const MIN_STATEMENTS: usize = 2;
/// How many concern and how many discuss recommendations a dimension has, at least and
/// at most: one is no choice, more than three is more than a person acts on.
pub const MIN_ADVICE: usize = 2;
pub const MAX_ADVICE: usize = 3;
/// About how long one statement takes to read and answer.
pub const SECONDS_PER_STATEMENT: usize = 15;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    /// Short upper-case letters naming the instrument in result codes (with the version).
    pub code: String,
    pub title: String,
    /// What the check covers, shown before it starts.
    pub intro: String,
    pub scale: Scale,
    pub dimensions: Vec<Dimension>,
}

/// Labels of the response scale: agreement 1..=5, and "don't know" (not scored).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub agreement: [String; 5],
    pub dont_know: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub statements: Vec<Statement>,
    pub recommendations: Recommendations,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub text: String,
    /// Agreeing with a reversed statement signals a problem, so it is scored `6 - x`.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendations {
    pub concern: Vec<String>,
    pub discuss: Vec<String>,
    pub strength: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentError {
    Parse(Position),
    Invalid(Vec<Problem>),
}

/// A text of the instrument. Strings are the ids saying where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Id,
    Title,
    Intro,
    DontKnow,
    /// The label of this agreement level (1–5).
    ScaleLabel(usize),
    /// The id of the dimension at this place (0-based): it has no id to name it by.
    DimensionId(usize),
    DimensionName(String),
    DimensionDescription(String),
    Strength(String),
    /// The id of a statement of this dimension, at this place in it (0-based).
    StatementId {
        dimension: String,
        index: usize,
    },
    StatementText(String),
    /// A concern or discuss recommendation of this dimension.
    Recommendation(String),
}

/// Which list of recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceList {
    Concern,
    Discuss,
}

/// One thing that makes instrument data unusable, for the data's own tests to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty(Field),
    /// The result-code letters are not 1 to 4 capital letters.
    BadCode(String),
    NoDimensions,
    /// Dimension and statement ids share one namespace.
    DuplicateDimensionId(String),
    DuplicateStatementId(String),
    TooFewStatements {
        dimension: String,
        count: usize,
        min: usize,
    },
    /// A dimension without a reverse-worded statement.
    NoReversed(String),
    /// Not [`MIN_ADVICE`] to [`MAX_ADVICE`] recommendations in a list.
    AdviceCount {
        dimension: String,
        list: AdviceList,
        count: usize,
    },
    /// A statement id with characters other than ASCII letters, digits and '-'.
    BadStatementId(String),
}

impl Instrument {
    /// The Partnership Health Check compiled into the app. Its data is validated by this
    /// crate's tests, so the app only parses it: the validation code stays out of the wasm.
    pub fn partnership_health() -> Result<Instrument, InstrumentError> {
        serde_json::from_str(PARTNERSHIP_HEALTH)
            .map_err(|e| InstrumentError::Parse(Position::of(&e)))
    }

    /// Parses and validates an instrument; an instrument that fails validation is never returned.
    pub fn from_json(json: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument =
            serde_json::from_str(json).map_err(|e| InstrumentError::Parse(Position::of(&e)))?;
        let problems = instrument.problems();
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(InstrumentError::Invalid(problems))
        }
    }

    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.dimensions.iter().flat_map(|d| d.statements.iter())
    }

    pub fn statement_count(&self) -> usize {
        self.statements().count()
    }

    /// About how long the whole check takes, in whole minutes, rounded up.
    pub fn minutes(&self) -> usize {
        (self.statement_count() * SECONDS_PER_STATEMENT).div_ceil(60)
    }

    /// Everything that makes the data unusable.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut empty = |field: Field, text: &str| {
            if text.trim().is_empty() {
                problems.push(Problem::Empty(field));
            }
        };
        empty(Field::Id, &self.id);
        empty(Field::Title, &self.title);
        empty(Field::Intro, &self.intro);
        empty(Field::DontKnow, &self.scale.dont_know);
        for (i, label) in self.scale.agreement.iter().enumerate() {
            empty(Field::ScaleLabel(i + 1), label);
        }
        for (at, d) in self.dimensions.iter().enumerate() {
            empty(Field::DimensionId(at), &d.id);
            empty(Field::DimensionName(d.id.clone()), &d.name);
            empty(Field::DimensionDescription(d.id.clone()), &d.description);
            empty(Field::Strength(d.id.clone()), &d.recommendations.strength);
            for (index, s) in d.statements.iter().enumerate() {
                let dimension = d.id.clone();
                empty(Field::StatementId { dimension, index }, &s.id);
                empty(Field::StatementText(s.id.clone()), &s.text);
            }
            for r in d
                .recommendations
                .concern
                .iter()
                .chain(&d.recommendations.discuss)
            {
                empty(Field::Recommendation(d.id.clone()), r);
            }
        }

        if !(1..=4).contains(&self.code.len()) || !self.code.bytes().all(|b| b.is_ascii_uppercase())
        {
            problems.push(Problem::BadCode(self.code.clone()));
        }
        if self.dimensions.is_empty() {
            problems.push(Problem::NoDimensions);
        }
        let mut ids = BTreeSet::new();
        for d in &self.dimensions {
            if !ids.insert(d.id.as_str()) {
                problems.push(Problem::DuplicateDimensionId(d.id.clone()));
            }
            if d.statements.len() < MIN_STATEMENTS {
                problems.push(Problem::TooFewStatements {
                    dimension: d.id.clone(),
                    count: d.statements.len(),
                    min: MIN_STATEMENTS,
                });
            }
            if !d.statements.iter().any(|s| s.reversed) {
                problems.push(Problem::NoReversed(d.id.clone()));
            }
            for (list, advice) in [
                (AdviceList::Concern, &d.recommendations.concern),
                (AdviceList::Discuss, &d.recommendations.discuss),
            ] {
                if !(MIN_ADVICE..=MAX_ADVICE).contains(&advice.len()) {
                    problems.push(Problem::AdviceCount {
                        dimension: d.id.clone(),
                        list,
                        count: advice.len(),
                    });
                }
            }
        }
        for s in self.statements() {
            if !ids.insert(s.id.as_str()) {
                problems.push(Problem::DuplicateStatementId(s.id.clone()));
            }
            // Ids become HTML ids and radio names.
            if !s.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                problems.push(Problem::BadStatementId(s.id.clone()));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Instrument {
        Instrument::from_json(PARTNERSHIP_HEALTH).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn shipped_instrument_is_valid_and_complete() {
        let i = shipped();
        assert_eq!(i.id, "partnership-health");
        assert_eq!(i.version, 1);
        assert_eq!(i.title, "Partnership Health Check");
        assert_eq!(
            i.intro,
            "Eight short steps on how your partnership works: shared purpose, communication, \
             trust, goals, commitment, coordination, complementary strengths, and learning \
             together. You get a score for each, and concrete next steps where it matters."
        );
        assert_eq!(i.dimensions.len(), 8);
        assert_eq!(i.statement_count(), 32);
        assert!(i.problems().is_empty(), "{:?}", i.problems());
    }

    #[test]
    fn shipped_dimensions_are_the_eight_named_ones_in_order() {
        let names: Vec<_> = shipped()
            .dimensions
            .iter()
            .map(|d| d.name.clone())
            .collect();
        assert_eq!(
            names,
            [
                "Shared purpose & values",
                "Communication",
                "Trust & respect",
                "Goals & accountability",
                "Commitment",
                "Coordination & decision-making",
                "Complementary strengths",
                "Learning & celebration"
            ]
        );
    }

    #[test]
    fn shipped_scale_has_exactly_the_agreed_labels() {
        let i = shipped();
        assert_eq!(
            i.scale.agreement,
            [
                "Strongly disagree",
                "Disagree",
                "Neutral",
                "Agree",
                "Strongly agree"
            ]
        );
        assert_eq!(i.scale.dont_know, "Don't know");
    }

    #[test]
    fn shipped_text_is_never_duplicated() {
        let i = shipped();
        let mut seen = BTreeSet::new();
        for d in &i.dimensions {
            for text in d
                .statements
                .iter()
                .map(|s| &s.text)
                .chain(&d.recommendations.concern)
                .chain(&d.recommendations.discuss)
                .chain([&d.recommendations.strength, &d.description])
            {
                assert!(seen.insert(text.clone()), "duplicated: {text}");
            }
        }
    }

    fn edit(f: impl FnOnce(&mut serde_json::Value)) -> Result<Instrument, InstrumentError> {
        let mut v: serde_json::Value = serde_json::from_str(PARTNERSHIP_HEALTH).unwrap();
        f(&mut v);
        Instrument::from_json(&v.to_string())
    }

    fn problems_of(f: impl FnOnce(&mut serde_json::Value)) -> Vec<Problem> {
        match edit(f) {
            Err(InstrumentError::Invalid(p)) => p,
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn duplicate_statement_ids_are_rejected() {
        let p = problems_of(|v| v["dimensions"][1]["statements"][0]["id"] = "purpose-1".into());
        assert!(
            p.contains(&Problem::DuplicateStatementId("purpose-1".into())),
            "{p:?}"
        );
    }

    #[test]
    fn duplicate_dimension_ids_are_rejected() {
        let p = problems_of(|v| v["dimensions"][1]["id"] = "purpose".into());
        assert!(
            p.contains(&Problem::DuplicateDimensionId("purpose".into())),
            "{p:?}"
        );
    }

    #[test]
    fn a_dimension_with_fewer_than_two_statements_is_rejected() {
        let p = problems_of(|v| {
            let statements = v["dimensions"][0]["statements"].as_array_mut().unwrap();
            statements.truncate(1);
            // Keeps a reversed statement, so only the count is wrong.
            statements[0]["reversed"] = true.into();
        });
        assert_eq!(
            p,
            [Problem::TooFewStatements {
                dimension: "purpose".into(),
                count: 1,
                min: MIN_STATEMENTS
            }]
        );
        let two = edit(|v| {
            let statements = v["dimensions"][0]["statements"].as_array_mut().unwrap();
            statements.truncate(2);
            statements[0]["reversed"] = true.into();
        });
        assert!(two.is_ok(), "{two:?}");
    }

    #[test]
    fn a_dimension_without_a_reversed_statement_is_rejected() {
        let p = problems_of(|v| {
            for s in v["dimensions"][2]["statements"].as_array_mut().unwrap() {
                s["reversed"] = false.into();
            }
        });
        assert_eq!(p, [Problem::NoReversed("trust".into())]);
    }

    #[test]
    fn missing_or_empty_recommendations_are_rejected() {
        let p = problems_of(|v| {
            v["dimensions"][3]["recommendations"]["concern"] = serde_json::json!(["Only one."]);
            v["dimensions"][3]["recommendations"]["strength"] = " ".into();
        });
        assert!(
            p.contains(&Problem::AdviceCount {
                dimension: "goals".into(),
                list: AdviceList::Concern,
                count: 1
            }),
            "{p:?}"
        );
        assert!(
            p.contains(&Problem::Empty(Field::Strength("goals".into()))),
            "{p:?}"
        );
    }

    #[test]
    fn empty_statement_text_and_odd_ids_are_rejected() {
        let p = problems_of(|v| {
            v["dimensions"][0]["statements"][1]["text"] = "".into();
            v["dimensions"][0]["statements"][2]["id"] = "has space".into();
        });
        assert!(
            p.contains(&Problem::Empty(Field::StatementText("purpose-2".into()))),
            "{p:?}"
        );
        assert!(
            p.contains(&Problem::BadStatementId("has space".into())),
            "{p:?}"
        );
    }

    #[test]
    fn empty_texts_are_named_by_where_they_are() {
        let p = problems_of(|v| {
            v["title"] = "".into();
            v["intro"] = " \n".into();
            v["scale"]["agreement"][4] = "".into();
            v["dimensions"][1]["id"] = "".into();
            v["dimensions"][0]["statements"][3]["id"] = "".into();
            v["code"] = "ph".into();
        });
        for expected in [
            Problem::Empty(Field::Title),
            Problem::Empty(Field::Intro),
            Problem::Empty(Field::ScaleLabel(5)),
            Problem::Empty(Field::DimensionId(1)),
            Problem::Empty(Field::StatementId {
                dimension: "purpose".into(),
                index: 3,
            }),
            Problem::BadCode("ph".into()),
        ] {
            assert!(p.contains(&expected), "{expected:?} not in {p:?}");
        }
        let p = problems_of(|v| v["dimensions"] = serde_json::json!([]));
        assert_eq!(p, [Problem::NoDimensions]);
    }

    #[test]
    fn the_shipped_check_takes_eight_minutes() {
        assert_eq!(shipped().minutes(), 8);
        let mut i = shipped();
        i.dimensions[0].statements.pop();
        // 31 statements are 7 minutes 45 seconds: rounded up.
        assert_eq!(i.minutes(), 8);
        i.dimensions.truncate(1);
        assert_eq!(i.minutes(), 1);
    }

    #[test]
    fn unknown_fields_and_broken_json_are_parse_errors() {
        assert!(matches!(
            edit(|v| v["extra"] = 1.into()),
            Err(InstrumentError::Parse(_))
        ));
        assert_eq!(
            Instrument::from_json("{"),
            Err(InstrumentError::Parse(Position { line: 1, column: 1 }))
        );
    }
}
