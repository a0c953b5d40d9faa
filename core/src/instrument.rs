//! The questionnaire as data. Its structure (ids, order, which statements are reversed)
//! lives in `data/partnership-health.json`; its words come from a language pack
//! ([`Words`]), so every language asks exactly the same questions.

use crate::json::{Leaves, Position};
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

#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub agreement: [String; 5],
    pub dont_know: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub statements: Vec<Statement>,
    pub recommendations: Recommendations,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    pub text: String,
    /// Agreeing with a reversed statement signals a problem, so it is scored `6 - x`.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendations {
    pub concern: Vec<String>,
    pub discuss: Vec<String>,
    pub strength: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentError {
    Parse(Position),
    /// The structure has nothing at this path (`dimensions.0.statements.1.id`).
    Structure(String),
    /// The words give no text at this path (`dimensions.trust.statements.trust-2`).
    NoText(String),
    Invalid(Vec<Problem>),
}

/// Where an instrument's words are: the text at a path (`title`, `intro`,
/// `agreement.0`–`agreement.4`, `dont_know`, and per dimension id
/// `dimensions.<id>.name`, `.description`, `.strength`, `.concern.<n>`, `.discuss.<n>`,
/// `.statements.<statement id>`). A language pack gives them.
pub type Words<'a> = &'a dyn Fn(&str) -> Option<String>;

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
    /// The Partnership Health Check compiled into the app, in the words given. Its
    /// structure and the shipped packs are validated by this crate's tests, so the app
    /// only checks that every text is there: the validation code stays out of the wasm.
    pub fn partnership_health(words: Words) -> Result<Instrument, InstrumentError> {
        Instrument::build(PARTNERSHIP_HEALTH, words)
    }

    /// Puts a structure and its words together; fails when the structure is broken or a
    /// text is missing.
    pub fn build(structure: &str, words: Words) -> Result<Instrument, InstrumentError> {
        let structure = Leaves::read(structure).map_err(InstrumentError::Parse)?;
        let field = |path: String| -> Result<String, InstrumentError> {
            structure
                .get(&path)
                .map(str::to_owned)
                .ok_or(InstrumentError::Structure(path))
        };
        let text = |path: String| words(&path).ok_or(InstrumentError::NoText(path));
        // A list of texts: `<path>.0`, `<path>.1`, … up to the first missing one.
        let list = |path: &str| -> Vec<String> {
            (0..).map_while(|n| words(&format!("{path}.{n}"))).collect()
        };
        let mut dimensions = Vec::new();
        for d in 0.. {
            let Some(id) = structure.get(&format!("dimensions.{d}.id")) else {
                break;
            };
            let mut statements = Vec::new();
            for s in 0.. {
                let at = format!("dimensions.{d}.statements.{s}");
                let Some(statement) = structure.get(&format!("{at}.id")) else {
                    break;
                };
                statements.push(Statement {
                    id: statement.to_owned(),
                    text: text(format!("dimensions.{id}.statements.{statement}"))?,
                    reversed: field(format!("{at}.reversed"))? == "true",
                });
            }
            let of = |what: &str| format!("dimensions.{id}.{what}");
            dimensions.push(Dimension {
                id: id.to_owned(),
                name: text(of("name"))?,
                description: text(of("description"))?,
                statements,
                recommendations: Recommendations {
                    concern: list(&of("concern")),
                    discuss: list(&of("discuss")),
                    strength: text(of("strength"))?,
                },
            });
        }
        let agreement = [0, 1, 2, 3, 4].map(|n| words(&format!("agreement.{n}")));
        let [Some(a), Some(b), Some(c), Some(d), Some(e)] = agreement else {
            return Err(InstrumentError::NoText("agreement".to_owned()));
        };
        Ok(Instrument {
            id: field("id".to_owned())?,
            version: field("version".to_owned())?
                .parse()
                .map_err(|_| InstrumentError::Structure("version".to_owned()))?,
            code: field("code".to_owned())?,
            title: text("title".to_owned())?,
            intro: text("intro".to_owned())?,
            scale: Scale {
                agreement: [a, b, c, d, e],
                dont_know: text("dont_know".to_owned())?,
            },
            dimensions,
        })
    }

    /// Builds and validates an instrument; an instrument that fails validation is never
    /// returned.
    pub fn checked(structure: &str, words: Words) -> Result<Instrument, InstrumentError> {
        let instrument = Instrument::build(structure, words)?;
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
    use crate::fixtures;

    fn shipped() -> Instrument {
        let i = fixtures::instrument();
        assert!(i.problems().is_empty(), "{:?}", i.problems());
        i
    }

    fn problems_of(f: impl FnOnce(&mut Instrument)) -> Vec<Problem> {
        let mut i = shipped();
        f(&mut i);
        i.problems()
    }

    #[test]
    fn shipped_instrument_is_valid_and_complete() {
        let pack = fixtures::english_pack();
        let i = Instrument::checked(PARTNERSHIP_HEALTH, &|p| {
            pack.instrument_text("partnership-health", p)
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
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

    /// The English words, with some paths left out or set.
    fn build_with(edits: &[(&str, Option<&str>)]) -> Result<Instrument, InstrumentError> {
        let mut pack = fixtures::english_pack();
        for (path, value) in edits {
            let path = format!("instruments.partnership-health.{path}");
            match value {
                Some(value) => pack.leaves.set(&path, value),
                None => pack.leaves.remove(&path),
            }
        }
        Instrument::partnership_health(&|p| pack.instrument_text("partnership-health", p))
    }

    #[test]
    fn reversed_flags_live_in_the_structure_only() {
        // Words cannot say a statement is reversed: a statement given as anything but its
        // text has no text, so every language scores the same statements the same way.
        assert_eq!(
            build_with(&[
                ("dimensions.purpose.statements.purpose-1", None),
                (
                    "dimensions.purpose.statements.purpose-1.reversed",
                    Some("true")
                ),
            ]),
            Err(InstrumentError::NoText(
                "dimensions.purpose.statements.purpose-1".into()
            ))
        );
        let reversed: Vec<_> = shipped()
            .statements()
            .filter(|s| s.reversed)
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(reversed.len(), 8);
        assert!(reversed.contains(&"purpose-3".to_owned()));
    }

    #[test]
    fn a_statement_dimension_or_label_without_text_is_refused() {
        assert_eq!(
            build_with(&[("dimensions.trust.statements.trust-2", None)]),
            Err(InstrumentError::NoText(
                "dimensions.trust.statements.trust-2".into()
            ))
        );
        assert_eq!(
            build_with(&[("dimensions.goals.name", None)]),
            Err(InstrumentError::NoText("dimensions.goals.name".into()))
        );
        assert_eq!(
            build_with(&[("agreement.4", None)]),
            Err(InstrumentError::NoText("agreement".into()))
        );
        let fewer = build_with(&[("dimensions.goals.concern.2", None)]).unwrap();
        assert_eq!(fewer.dimensions[3].recommendations.concern.len(), 2);
    }

    #[test]
    fn duplicate_statement_ids_are_rejected() {
        let p = problems_of(|i| i.dimensions[1].statements[0].id = "purpose-1".into());
        assert!(
            p.contains(&Problem::DuplicateStatementId("purpose-1".into())),
            "{p:?}"
        );
    }

    #[test]
    fn duplicate_dimension_ids_are_rejected() {
        let p = problems_of(|i| i.dimensions[1].id = "purpose".into());
        assert!(
            p.contains(&Problem::DuplicateDimensionId("purpose".into())),
            "{p:?}"
        );
    }

    #[test]
    fn a_dimension_with_fewer_than_two_statements_is_rejected() {
        let p = problems_of(|i| {
            let statements = &mut i.dimensions[0].statements;
            statements.truncate(1);
            // Keeps a reversed statement, so only the count is wrong.
            statements[0].reversed = true;
        });
        assert_eq!(
            p,
            [Problem::TooFewStatements {
                dimension: "purpose".into(),
                count: 1,
                min: MIN_STATEMENTS
            }]
        );
        let two = problems_of(|i| {
            let statements = &mut i.dimensions[0].statements;
            statements.truncate(2);
            statements[0].reversed = true;
        });
        assert!(two.is_empty(), "{two:?}");
    }

    #[test]
    fn a_dimension_without_a_reversed_statement_is_rejected() {
        let p = problems_of(|i| {
            for s in &mut i.dimensions[2].statements {
                s.reversed = false;
            }
        });
        assert_eq!(p, [Problem::NoReversed("trust".into())]);
    }

    #[test]
    fn missing_or_empty_recommendations_are_rejected() {
        let p = problems_of(|i| {
            i.dimensions[3].recommendations.concern = vec!["Only one.".into()];
            i.dimensions[3].recommendations.strength = " ".into();
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
        let p = problems_of(|i| {
            i.dimensions[0].statements[1].text = "".into();
            i.dimensions[0].statements[2].id = "has space".into();
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
        let p = problems_of(|i| {
            i.title = "".into();
            i.intro = " \n".into();
            i.scale.agreement[4] = "".into();
            i.dimensions[1].id = "".into();
            i.dimensions[0].statements[3].id = "".into();
            i.code = "ph".into();
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
        let p = problems_of(|i| i.dimensions.clear());
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
    fn a_broken_structure_is_refused() {
        let pack = fixtures::english_pack();
        let words = |p: &str| pack.instrument_text("partnership-health", p);
        assert_eq!(
            Instrument::build("{", &words),
            Err(InstrumentError::Parse(Position { line: 1, column: 1 }))
        );
        let mut structure: serde_json::Value = serde_json::from_str(PARTNERSHIP_HEALTH).unwrap();
        structure["dimensions"][1]["statements"][2]
            .as_object_mut()
            .unwrap()
            .remove("reversed");
        assert_eq!(
            Instrument::build(&structure.to_string(), &words),
            Err(InstrumentError::Structure(
                "dimensions.1.statements.2.reversed".into()
            ))
        );
    }
}
