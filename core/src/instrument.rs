//! The questionnaire as data. Its text lives in `data/*.json` so that content can be
//! reviewed and changed without touching code.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;

const PARTNERSHIP_HEALTH: &str = include_str!("../data/partnership-health.json");

/// How many statements each dimension must have; the step layout and scoring assume it.
pub const STATEMENTS_PER_DIMENSION: usize = 4;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    /// Short upper-case letters naming the instrument in result codes (with the version).
    pub code: String,
    pub title: String,
    pub scale: Scale,
    pub dimensions: Vec<Dimension>,
}

/// Labels of the response scale: agreement 1..=5, and "don't know" (not scored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub agreement: [String; 5],
    pub dont_know: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub statements: Vec<Statement>,
    pub recommendations: Recommendations,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub text: String,
    /// Agreeing with a reversed statement signals a problem, so it is scored `6 - x`.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendations {
    pub concern: Vec<String>,
    pub discuss: Vec<String>,
    pub strength: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InstrumentError {
    Parse(String),
    Invalid(Vec<String>),
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstrumentError::Parse(e) => write!(f, "the questionnaire data could not be read: {e}"),
            InstrumentError::Invalid(problems) => {
                write!(
                    f,
                    "the questionnaire data is invalid: {}",
                    problems.join("; ")
                )
            }
        }
    }
}

impl Instrument {
    /// The Partnership Health Check compiled into the app. Its data is validated by this
    /// crate's tests, so the app only parses it: the validation code stays out of the wasm.
    pub fn partnership_health() -> Result<Instrument, InstrumentError> {
        serde_json::from_str(PARTNERSHIP_HEALTH)
            .map_err(|e| InstrumentError::Parse(crate::store::position(&e)))
    }

    /// Parses and validates an instrument; an instrument that fails validation is never returned.
    pub fn from_json(json: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument = serde_json::from_str(json)
            .map_err(|e| InstrumentError::Parse(crate::store::position(&e)))?;
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

    /// Everything that makes the data unusable, in words a content editor understands.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut empty = |what: &str, text: &str| {
            if text.trim().is_empty() {
                problems.push(format!("{what} is empty"));
            }
        };
        empty("the instrument id", &self.id);
        empty("the title", &self.title);
        empty("the \"don't know\" label", &self.scale.dont_know);
        for (i, label) in self.scale.agreement.iter().enumerate() {
            empty(&format!("scale label {}", i + 1), label);
        }
        for d in &self.dimensions {
            empty(&format!("dimension \"{}\" id", d.name), &d.id);
            empty(&format!("dimension \"{}\" name", d.id), &d.name);
            empty(
                &format!("dimension \"{}\" description", d.id),
                &d.description,
            );
            empty(
                &format!("dimension \"{}\" strength advice", d.id),
                &d.recommendations.strength,
            );
            for s in &d.statements {
                empty(&format!("statement \"{}\" id", s.text), &s.id);
                empty(&format!("statement \"{}\" text", s.id), &s.text);
            }
            for r in d
                .recommendations
                .concern
                .iter()
                .chain(&d.recommendations.discuss)
            {
                empty(&format!("a recommendation of \"{}\"", d.id), r);
            }
        }

        if !(1..=4).contains(&self.code.len()) || !self.code.bytes().all(|b| b.is_ascii_uppercase())
        {
            problems.push(format!(
                "the code \"{}\" must be 1 to 4 capital letters",
                self.code
            ));
        }
        if self.dimensions.is_empty() {
            problems.push("there are no dimensions".into());
        }
        let mut ids = BTreeSet::new();
        for d in &self.dimensions {
            if !ids.insert(d.id.as_str()) {
                problems.push(format!("dimension id \"{}\" is used twice", d.id));
            }
            if d.statements.len() != STATEMENTS_PER_DIMENSION {
                problems.push(format!(
                    "dimension \"{}\" has {} statements, not {STATEMENTS_PER_DIMENSION}",
                    d.id,
                    d.statements.len()
                ));
            }
            if !d.statements.iter().any(|s| s.reversed) {
                problems.push(format!(
                    "dimension \"{}\" has no reverse-worded statement",
                    d.id
                ));
            }
            for (band, advice) in [
                ("concern", &d.recommendations.concern),
                ("discuss", &d.recommendations.discuss),
            ] {
                if !(2..=3).contains(&advice.len()) {
                    problems.push(format!(
                        "dimension \"{}\" has {} {band} recommendations, not 2 or 3",
                        d.id,
                        advice.len()
                    ));
                }
            }
        }
        for s in self.statements() {
            if !ids.insert(s.id.as_str()) {
                problems.push(format!("statement id \"{}\" is used twice", s.id));
            }
            // Ids become HTML ids and radio names.
            if !s.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                problems.push(format!(
                    "statement id \"{}\" may only hold letters, digits and '-'",
                    s.id
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Instrument {
        Instrument::from_json(PARTNERSHIP_HEALTH).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn shipped_instrument_is_valid_and_complete() {
        let i = shipped();
        assert_eq!(i.id, "partnership-health");
        assert_eq!(i.version, 1);
        assert_eq!(i.title, "Partnership Health Check");
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

    fn problems_of(f: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
        match edit(f) {
            Err(InstrumentError::Invalid(p)) => p,
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn duplicate_statement_ids_are_rejected() {
        let p = problems_of(|v| v["dimensions"][1]["statements"][0]["id"] = "purpose-1".into());
        assert!(
            p.iter().any(|p| p.contains("\"purpose-1\" is used twice")),
            "{p:?}"
        );
    }

    #[test]
    fn duplicate_dimension_ids_are_rejected() {
        let p = problems_of(|v| v["dimensions"][1]["id"] = "purpose".into());
        assert!(
            p.iter()
                .any(|p| p.contains("dimension id \"purpose\" is used twice")),
            "{p:?}"
        );
    }

    #[test]
    fn a_dimension_without_four_statements_is_rejected() {
        let p = problems_of(|v| {
            v["dimensions"][0]["statements"]
                .as_array_mut()
                .unwrap()
                .pop();
        });
        assert!(
            p.iter().any(|p| p.contains("has 3 statements, not 4")),
            "{p:?}"
        );
    }

    #[test]
    fn a_dimension_without_a_reversed_statement_is_rejected() {
        let p = problems_of(|v| {
            for s in v["dimensions"][2]["statements"].as_array_mut().unwrap() {
                s["reversed"] = false.into();
            }
        });
        assert!(
            p.iter().any(|p| p.contains("no reverse-worded statement")),
            "{p:?}"
        );
    }

    #[test]
    fn missing_or_empty_recommendations_are_rejected() {
        let p = problems_of(|v| {
            v["dimensions"][3]["recommendations"]["concern"] = serde_json::json!(["Only one."]);
            v["dimensions"][3]["recommendations"]["strength"] = " ".into();
        });
        assert!(
            p.iter().any(|p| p.contains("1 concern recommendations")),
            "{p:?}"
        );
        assert!(
            p.iter().any(|p| p.contains("strength advice is empty")),
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
            p.iter().any(|p| p.contains("\"purpose-2\" text is empty")),
            "{p:?}"
        );
        assert!(
            p.iter().any(|p| p.contains("\"has space\" may only hold")),
            "{p:?}"
        );
    }

    #[test]
    fn unknown_fields_and_broken_json_are_parse_errors() {
        assert!(matches!(
            edit(|v| v["extra"] = 1.into()),
            Err(InstrumentError::Parse(_))
        ));
        assert!(matches!(
            Instrument::from_json("{"),
            Err(InstrumentError::Parse(_))
        ));
    }
}
