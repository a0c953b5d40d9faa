//! A person's answers, keyed by statement id.

use crate::instrument::{Dimension, Instrument, Scale, Statement, MAX_POINTS};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One answer: a point of the scale from 1 (strongly disagree) to its number of points (5,
/// strongly agree, in the Partnership Health Check), or "don't know". Stored as one
/// number, 0 meaning "don't know", so saved data stays small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Response(u8);

impl Response {
    pub const DONT_KNOW: Response = Response(0);
    /// The response every scale shows first: its lowest point.
    pub const LOWEST: Response = Response(1);

    /// Every response a scale offers, in the order it shows them: its points, lowest
    /// first, then "don't know" if it has it.
    pub fn all(scale: &Scale) -> Vec<Response> {
        let dont_know = scale.dont_know.as_ref().map(|_| Response::DONT_KNOW);
        (1..=scale.points())
            .map(Response)
            .chain(dont_know)
            .collect()
    }

    /// `None` outside 1 to the most points any scale has.
    pub fn agreement(level: u8) -> Option<Response> {
        (1..=MAX_POINTS as u8)
            .contains(&level)
            .then_some(Response(level))
    }

    /// Whether `scale` offers this response.
    pub fn fits(self, scale: &Scale) -> bool {
        match self.level() {
            Some(level) => level <= scale.points(),
            None => scale.dont_know.is_some(),
        }
    }

    /// The agreement level, or `None` for "don't know".
    pub fn level(self) -> Option<u8> {
        (self.0 != 0).then_some(self.0)
    }

    /// 0 for "don't know", else the level: the stored and form value.
    pub fn code(self) -> u8 {
        self.0
    }

    /// The scale label for this response.
    pub fn label(self, instrument: &Instrument) -> &str {
        let scale = &instrument.scale;
        match self.level() {
            Some(level) => scale.agreement.get(usize::from(level) - 1),
            None => scale.dont_know.as_ref(),
        }
        .map_or("", String::as_str)
    }
}

/// A stored number that is no answer (answers are 0 to 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAResponse(pub u8);

/// Only the number: the app never shows this text, only where the stored value stopped
/// making sense.
impl fmt::Display for NotAResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl TryFrom<u8> for Response {
    type Error = NotAResponse;
    fn try_from(code: u8) -> Result<Self, Self::Error> {
        if usize::from(code) <= MAX_POINTS {
            Ok(Response(code))
        } else {
            Err(NotAResponse(code))
        }
    }
}

impl From<Response> for u8 {
    fn from(r: Response) -> u8 {
        r.0
    }
}

/// Answers by statement id. Stored as a JSON object; a statement answered twice in one
/// is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Answers(BTreeMap<String, Response>);

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::json::unique(deserializer).map(Answers)
    }
}

impl Answers {
    pub fn get(&self, statement_id: &str) -> Option<Response> {
        self.0.get(statement_id).copied()
    }

    pub fn set(&mut self, statement_id: &str, response: Response) {
        self.0.insert(statement_id.to_owned(), response);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every answer, by statement id in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Response)> {
        self.0.iter().map(|(id, r)| (id.as_str(), *r))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The dimension's statements that have no answer yet, in the order they are shown.
    pub fn unanswered<'a>(&self, dimension: &'a Dimension) -> Vec<&'a Statement> {
        dimension
            .statements
            .iter()
            .filter(|s| self.get(&s.id).is_none())
            .collect()
    }

    /// How many of the instrument's statements are answered with a response its scale
    /// offers; answers to statements it does not have, or off its scale, are not counted.
    pub fn answered_in(&self, instrument: &Instrument) -> usize {
        instrument
            .statements()
            .filter(|s| self.get(&s.id).is_some_and(|r| r.fits(&instrument.scale)))
            .count()
    }

    /// True when every statement of the instrument has an answer ("don't know" counts).
    pub fn is_complete(&self, instrument: &Instrument) -> bool {
        self.answered_in(instrument) == instrument.statement_count()
    }
}

impl FromIterator<(String, Response)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Response)>>(iter: I) -> Self {
        Answers(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_accepts_only_one_to_seven() {
        assert_eq!(Response::agreement(0), None);
        assert_eq!(Response::agreement(8), None);
        assert_eq!(Response::agreement(3).and_then(Response::level), Some(3));
        assert_eq!(Response::DONT_KNOW.level(), None);
    }

    #[test]
    fn only_zero_to_seven_are_responses() {
        assert_eq!(Response::try_from(0), Ok(Response::DONT_KNOW));
        assert_eq!(Response::try_from(7), Ok(Response(7)));
        assert_eq!(Response::try_from(8), Err(NotAResponse(8)));
        assert_eq!(NotAResponse(255).to_string(), "255");
    }

    #[test]
    fn responses_round_trip_as_small_numbers() {
        let mut a = Answers::default();
        a.set("trust-1", Response::DONT_KNOW);
        a.set("trust-2", Response::agreement(5).unwrap());
        let codes: Vec<_> = a.iter().map(|(id, r)| (id, r.code())).collect();
        assert_eq!(codes, [("trust-1", 0), ("trust-2", 5)]);
    }

    #[test]
    fn setting_again_replaces_and_order_does_not_matter() {
        let mut a = Answers::default();
        a.set("b-1", Response::DONT_KNOW);
        a.set("a-1", Response::agreement(2).unwrap());
        a.set("b-1", Response::agreement(4).unwrap());
        assert_eq!(a.len(), 2);
        assert_eq!(a.get("b-1"), Response::agreement(4));
        let ids: Vec<_> = a.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["a-1", "b-1"]);
    }

    #[test]
    fn answers_are_stored_as_an_object_of_small_numbers_and_read_strictly() {
        let mut a = Answers::default();
        a.set("trust-2", Response::agreement(5).unwrap());
        a.set("trust-1", Response::DONT_KNOW);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"trust-1":0,"trust-2":5}"#);
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
        for bad in [
            r#"{"trust-1":8}"#,
            r#"{"trust-1":-1}"#,
            r#"{"trust-1":"1"}"#,
            r#"{"trust-1":1.5}"#,
            r#"{"trust-1":1,"trust-1":2}"#,
            r#"[1]"#,
        ] {
            assert!(serde_json::from_str::<Answers>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn labels_follow_the_scale() {
        let i = crate::fixtures::version_1();
        let labels: Vec<_> = Response::all(&i.scale)
            .iter()
            .map(|r| r.label(&i))
            .collect();
        assert_eq!(
            labels,
            [
                "Strongly disagree",
                "Disagree",
                "Neutral",
                "Agree",
                "Strongly agree",
                "Don't know"
            ]
        );
    }

    #[test]
    fn a_scale_offers_its_points_and_dont_know_only_if_it_has_it() {
        let mut i = crate::fixtures::version_1();
        i.scale.agreement.truncate(4);
        i.scale.dont_know = None;
        let offered: Vec<u8> = Response::all(&i.scale).into_iter().map(u8::from).collect();
        assert_eq!(offered, [1, 2, 3, 4]);
        assert!(!Response::DONT_KNOW.fits(&i.scale));
        assert!(!Response::agreement(5).unwrap().fits(&i.scale));
        assert_eq!(Response::agreement(5).unwrap().label(&i), "");
        // An answer off the scale is not an answer to the instrument.
        let first = i.dimensions[0].statements[0].id.clone();
        let mut a = Answers::default();
        a.set(&first, Response::agreement(4).unwrap());
        assert_eq!(a.answered_in(&i), 1);
        a.set(&first, Response::agreement(5).unwrap());
        assert_eq!(a.answered_in(&i), 0);
        a.set(&first, Response::DONT_KNOW);
        assert_eq!(a.answered_in(&i), 0);
        assert_eq!(Response::agreement(7).map(u8::from), Some(7));
        assert_eq!(Response::agreement(8), None);
    }

    #[test]
    fn unanswered_and_completeness_count_dont_know_as_answered() {
        let i = crate::fixtures::version_1();
        let d = &i.dimensions[0];
        let mut a = Answers::default();
        assert_eq!(a.unanswered(d).len(), 4);
        a.set(&d.statements[1].id, Response::DONT_KNOW);
        a.set("not-a-statement", Response::DONT_KNOW);
        let left: Vec<&String> = a.unanswered(d).iter().map(|s| &s.id).collect();
        assert_eq!(
            left,
            [
                &d.statements[0].id,
                &d.statements[2].id,
                &d.statements[3].id
            ]
        );
        assert_eq!(a.answered_in(&i), 1);
        for s in i.statements() {
            a.set(&s.id, Response::DONT_KNOW);
        }
        assert!(a.is_complete(&i));
    }
}
