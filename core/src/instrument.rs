//! The questionnaire as data. Its structure (ids, order, which statements are reversed)
//! lives in `data/partnership-health.json`; its words come from a language pack
//! ([`InstrumentText`]), so every language asks exactly the same questions.

use crate::json::{unique, Position};
use serde::Deserialize;
use std::collections::BTreeMap;

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

/// An instrument's structure, as its data file gives it: ids in order, and which
/// statements are reversed. No words: those are in every language's pack.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub id: String,
    pub version: u32,
    pub code: String,
    pub dimensions: Vec<DimensionStructure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionStructure {
    pub id: String,
    pub statements: Vec<StatementStructure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementStructure {
    pub id: String,
    pub reversed: bool,
}

/// An instrument's words in one language, keyed by the structure's ids, as a language
/// pack gives them (`instruments.<id>`). Whether a statement is reversed is not theirs
/// to say.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentText {
    pub title: String,
    pub intro: String,
    pub agreement: [String; 5],
    pub dont_know: String,
    #[serde(deserialize_with = "unique")]
    pub dimensions: BTreeMap<String, DimensionText>,
}

/// One dimension's words, its statements by id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionText {
    pub name: String,
    pub description: String,
    #[serde(deserialize_with = "unique")]
    pub statements: BTreeMap<String, String>,
    pub concern: Vec<String>,
    pub discuss: Vec<String>,
    pub strength: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentError {
    /// The structure is not what an instrument's data file holds; where it went wrong.
    Parse(Position),
    /// The pack has no words for this instrument at all.
    NoWords,
    /// The words give no text for this id: a dimension's, or a statement's
    /// (`trust/trust-2`).
    NoText(String),
}

impl Instrument {
    /// The Partnership Health Check compiled into the app, in a pack's words (its
    /// instruments' words by instrument id). Its structure and the shipped packs are
    /// validated by this crate's tests, so the app only checks that every text is there.
    pub fn partnership_health(
        words: &BTreeMap<String, InstrumentText>,
    ) -> Result<Instrument, InstrumentError> {
        Instrument::build(PARTNERSHIP_HEALTH, words)
    }

    /// Puts a structure (JSON) and the words for its id together; fails when the
    /// structure is broken or a text is missing.
    pub fn build(
        structure: &str,
        words: &BTreeMap<String, InstrumentText>,
    ) -> Result<Instrument, InstrumentError> {
        let structure: Structure = serde_json::from_str(structure)
            .map_err(|e| InstrumentError::Parse(Position::from(&e)))?;
        let words = words.get(&structure.id).ok_or(InstrumentError::NoWords)?;
        let dimensions = structure
            .dimensions
            .into_iter()
            .map(|d| {
                let text = words
                    .dimensions
                    .get(&d.id)
                    .ok_or_else(|| InstrumentError::NoText(d.id.clone()))?;
                let statements =
                    d.statements
                        .into_iter()
                        .map(|s| {
                            let statement = text.statements.get(&s.id).ok_or_else(|| {
                                InstrumentError::NoText(format!("{}/{}", d.id, s.id))
                            })?;
                            Ok(Statement {
                                text: statement.clone(),
                                id: s.id,
                                reversed: s.reversed,
                            })
                        })
                        .collect::<Result<_, _>>()?;
                Ok(Dimension {
                    id: d.id,
                    name: text.name.clone(),
                    description: text.description.clone(),
                    statements,
                    recommendations: Recommendations {
                        concern: text.concern.clone(),
                        discuss: text.discuss.clone(),
                        strength: text.strength.clone(),
                    },
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Instrument {
            id: structure.id,
            version: structure.version,
            code: structure.code,
            title: words.title.clone(),
            intro: words.intro.clone(),
            scale: Scale {
                agreement: words.agreement.clone(),
                dont_know: words.dont_know.clone(),
            },
            dimensions,
        })
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use std::collections::BTreeSet;

    fn shipped() -> Instrument {
        fixtures::instrument()
    }

    #[test]
    fn shipped_instrument_is_the_partnership_health_check() {
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

    /// The English words, changed by `edit`, built into the instrument.
    fn build_with(edit: impl FnOnce(&mut InstrumentText)) -> Result<Instrument, InstrumentError> {
        let mut pack = fixtures::english_pack();
        let words = pack.instruments.get_mut("partnership-health").unwrap();
        edit(words);
        Instrument::partnership_health(&pack.instruments)
    }

    #[test]
    fn reversed_flags_live_in_the_structure_only() {
        // Words cannot say a statement is reversed: a statement given as anything but
        // its text is no pack at all, so every language scores the same statements the
        // same way.
        let pack = fixtures::ENGLISH_PACK.replacen(
            r#""purpose-1": "I can explain in one sentence why this partnership exists.""#,
            r#""purpose-1": {"text": "I can explain.", "reversed": true}"#,
            1,
        );
        assert_ne!(pack, fixtures::ENGLISH_PACK);
        assert!(crate::language::Pack::read(&pack).is_err());
        let reversed: Vec<_> = shipped()
            .statements()
            .filter(|s| s.reversed)
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(reversed.len(), 8);
        assert!(reversed.contains(&"purpose-3".to_owned()));
    }

    #[test]
    fn a_statement_or_dimension_without_words_is_refused() {
        assert_eq!(
            build_with(|w| {
                w.dimensions
                    .get_mut("trust")
                    .unwrap()
                    .statements
                    .remove("trust-2");
            }),
            Err(InstrumentError::NoText("trust/trust-2".into()))
        );
        assert_eq!(
            build_with(|w| {
                w.dimensions.remove("goals");
            }),
            Err(InstrumentError::NoText("goals".into()))
        );
        let mut pack = fixtures::english_pack();
        pack.instruments.clear();
        assert_eq!(
            Instrument::partnership_health(&pack.instruments),
            Err(InstrumentError::NoWords)
        );
        let fewer = build_with(|w| {
            w.dimensions.get_mut("goals").unwrap().concern.pop();
        })
        .unwrap();
        assert_eq!(fewer.dimensions[3].recommendations.concern.len(), 2);
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
    fn a_broken_structure_is_refused_where_it_breaks() {
        let words = fixtures::english_pack().instruments;
        assert_eq!(
            Instrument::build("{", &words),
            Err(InstrumentError::Parse(Position { line: 1, column: 1 }))
        );
        let mut structure: serde_json::Value = serde_json::from_str(PARTNERSHIP_HEALTH).unwrap();
        structure["dimensions"][1]["statements"][2]
            .as_object_mut()
            .unwrap()
            .remove("reversed");
        let text = serde_json::to_string_pretty(&structure).unwrap();
        let Err(InstrumentError::Parse(at)) = Instrument::build(&text, &words) else {
            panic!("a statement without `reversed` was read");
        };
        // Reported where that statement closes.
        let line = text.lines().nth(at.line - 1).unwrap();
        assert_eq!(line.trim(), "},", "{at:?}");
    }
}
