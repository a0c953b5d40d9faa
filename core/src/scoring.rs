//! Scores and bands. Bands follow the Wilder Collaboration Factors Inventory convention.

use crate::answers::{Answers, Response};
use crate::instrument::{Bands, Instrument, Statement};
use serde::{Deserialize, Serialize};

/// A dimension with fewer scored answers than this has no score ("Not enough answers"),
/// unless it has fewer statements: then every one of them must be answered.
pub const MIN_SCORED_ANSWERS: usize = crate::instrument::MIN_STATEMENTS;

pub use crate::instrument::Band;

/// A dimension's scored answers as whole numbers, so stored scores are exact and the
/// mean is always computed the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionScore {
    pub dimension: String,
    /// Sum of the scored answers' values (reversed statements already turned round).
    pub total: u32,
    /// Answers that counted ("don't know" does not).
    pub scored: u32,
    /// Scored answers a mean needs: [`MIN_SCORED_ANSWERS`], or every statement of a
    /// dimension with fewer. Written only when it is not the usual number, so checks
    /// stored before it existed read as they were.
    #[serde(default = "usual_need", skip_serializing_if = "is_usual_need")]
    pub needed: u32,
}

fn usual_need() -> u32 {
    MIN_SCORED_ANSWERS as u32
}

fn is_usual_need(n: &u32) -> bool {
    *n == usual_need()
}

impl DimensionScore {
    /// Mean on the scale (1 to its points); `None` with too few scored answers.
    pub fn mean(&self) -> Option<f64> {
        (self.scored >= self.needed.max(1)).then(|| f64::from(self.total) / f64::from(self.scored))
    }

    pub fn band(&self, bands: &Bands) -> Option<Band> {
        self.mean().map(|m| bands.of(m))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    /// In the instrument's order.
    pub dimensions: Vec<DimensionScore>,
}

impl Scores {
    /// Mean of the dimension scores that exist.
    pub fn overall(&self) -> Option<f64> {
        let means: Vec<f64> = self
            .dimensions
            .iter()
            .filter_map(DimensionScore::mean)
            .collect();
        (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
    }

    pub fn overall_band(&self, bands: &Bands) -> Option<Band> {
        self.overall().map(|m| bands.of(m))
    }

    /// The overall mean on a scale of `points` as 0–100.
    pub fn overall_percent(&self, points: u8) -> Option<u8> {
        self.overall().map(|m| percent(points, m))
    }

    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.dimension == id)
    }
}

/// The value an answer contributes on a scale of `points`: reversed statements count
/// `points + 1 - x` (`6 - x` on five points); "don't know" nothing, nor a level the scale
/// does not have.
pub fn value(points: u8, statement: &Statement, response: Response) -> Option<u8> {
    let level = response.level().filter(|l| *l <= points)?;
    Some(if statement.reversed {
        points + 1 - level
    } else {
        level
    })
}

/// Whether an answer is low: a value below the scale's midpoint (1 or 2 of five points,
/// 1 to 3 of seven). Disagreeing with a statement (agreeing with a reversed one) brings
/// up that statement's own advice, whatever its dimension's band.
pub fn is_low(points: u8, statement: &Statement, response: Response) -> bool {
    value(points, statement, response).is_some_and(|v| 2 * u16::from(v) < u16::from(points) + 1)
}

pub fn score(instrument: &Instrument, answers: &Answers) -> Scores {
    let points = instrument.scale.points();
    let dimensions = instrument
        .dimensions
        .iter()
        .map(|d| {
            let values = d
                .statements
                .iter()
                .filter_map(|s| value(points, s, answers.get(&s.id)?));
            let (total, scored) = values.fold((0, 0), |(t, n), v| (t + u32::from(v), n + 1));
            DimensionScore {
                dimension: d.id.clone(),
                total,
                scored,
                needed: d.statements.len().min(MIN_SCORED_ANSWERS) as u32,
            }
        })
        .collect();
    Scores { dimensions }
}

/// Each dimension's mean in the instrument's order (`None` without a score).
pub fn means(instrument: &Instrument, scores: &Scores) -> Vec<Option<f64>> {
    instrument
        .dimensions
        .iter()
        .map(|d| scores.dimension(&d.id).and_then(DimensionScore::mean))
        .collect()
}

/// A mean on a scale of `points` (1 to points) as 0–100.
pub fn percent(points: u8, mean: f64) -> u8 {
    let span = f64::from(points.max(2) - 1);
    ((mean - 1.0) / span * 100.0).round().clamp(0.0, 100.0) as u8
}

/// A score with one decimal. Rounding never shows a band threshold the score has not
/// reached (3.96 is "3.9", not a "4.0" beside the word Discuss).
pub fn display(bands: &Bands, score: f64) -> String {
    one_decimal(shown_tenths(bands, score))
}

/// The score as shown, in tenths (see [`display`]).
pub fn shown_tenths(bands: &Bands, score: f64) -> i64 {
    let mut tenths = (score * 10.0).round() as i64;
    for threshold in [bands.strength_from, bands.discuss_from] {
        let threshold_tenths = i64::from(threshold);
        if !crate::instrument::reaches(score, threshold) && tenths >= threshold_tenths {
            tenths = threshold_tenths - 1;
        }
    }
    tenths
}

/// Tenths as text with one decimal ("-0.5", "3.0").
pub fn one_decimal(tenths: i64) -> String {
    format!("{:.1}", tenths as f64 / 10.0)
}

/// The change between two scores in tenths, taken between the scores as shown, so the
/// change always agrees with the two numbers beside it.
pub fn change(bands: &Bands, current: f64, previous: f64) -> i64 {
    shown_tenths(bands, current) - shown_tenths(bands, previous)
}

#[cfg(test)]
mod tests {
    use super::*;
    const B: Bands = Bands {
        discuss_from: 30,
        strength_from: 40,
        names: None,
    };
    use crate::instrument::{Dimension, Scale};
    use proptest::prelude::*;

    fn mean(s: &Scores, i: usize) -> Option<f64> {
        s.dimensions[i].mean()
    }

    /// Two dimensions; "a-4" and "b-1" are reversed.
    fn fixture() -> Instrument {
        let dimension = |id: &str, reversed: usize| Dimension {
            id: id.into(),
            name: id.into(),
            description: "d".into(),
            statements: (1..=4)
                .map(|n| Statement {
                    id: format!("{id}-{n}"),
                    text: "t".into(),
                    reversed: n == reversed,
                })
                .collect(),
            advice: vec![],
        };
        Instrument {
            id: "fixture".into(),
            version: 1,
            code: "FX".into(),
            title: "Fixture".into(),
            intro: "i".into(),
            scale: Scale {
                agreement: ["1", "2", "3", "4", "5"].map(String::from).to_vec(),
                dont_know: Some("?".into()),
            },
            bands: Bands::default(),
            dimensions: vec![dimension("a", 4), dimension("b", 1)],
        }
    }

    fn answers(pairs: &[(&str, u8)]) -> Answers {
        pairs
            .iter()
            .map(|&(id, code)| (id.to_owned(), Response::try_from(code).unwrap()))
            .collect()
    }

    #[test]
    fn bands_at_their_boundaries() {
        assert_eq!(B.of(1.0), Band::Concern);
        assert_eq!(B.of(2.99), Band::Concern);
        assert_eq!(B.of(3.0), Band::Discuss);
        assert_eq!(B.of(3.99), Band::Discuss);
        assert_eq!(B.of(4.0), Band::Strength);
        assert_eq!(B.of(5.0), Band::Strength);
    }

    #[test]
    fn reversed_statements_score_six_minus_the_answer() {
        // a: 4, 4, 4 and reversed a-4 answered 1 → 5: mean 17/4 = 4.25.
        let s = score(
            &fixture(),
            &answers(&[("a-1", 4), ("a-2", 4), ("a-3", 4), ("a-4", 1)]),
        );
        assert_eq!(mean(&s, 0), Some(4.25));
        assert_eq!(s.dimensions[0].band(&B), Some(Band::Strength));
        // b-1 reversed answered 5 → 1; b-2..4 answered 2, 3, 3: mean 9/4 = 2.25.
        let s = score(
            &fixture(),
            &answers(&[("b-1", 5), ("b-2", 2), ("b-3", 3), ("b-4", 3)]),
        );
        assert_eq!(mean(&s, 1), Some(2.25));
        assert_eq!(s.dimensions[1].band(&B), Some(Band::Concern));
    }

    #[test]
    fn dont_know_is_excluded_from_the_mean() {
        // a-1 = 5, a-2 = 3, a-3 don't know, a-4 reversed 3 → 3: mean 11/3.
        let s = score(
            &fixture(),
            &answers(&[("a-1", 5), ("a-2", 3), ("a-3", 0), ("a-4", 3)]),
        );
        assert_eq!(mean(&s, 0), Some(11.0 / 3.0));
        assert_eq!(s.dimensions[0].scored, 3);
        assert_eq!(display(&B, 11.0 / 3.0), "3.7");
    }

    #[test]
    fn one_scored_answer_is_not_enough() {
        let s = score(
            &fixture(),
            &answers(&[("a-1", 5), ("a-2", 0), ("a-3", 0), ("a-4", 0)]),
        );
        assert_eq!(mean(&s, 0), None);
        assert_eq!(s.dimensions[0].band(&B), None);
        assert_eq!(s.dimensions[0].scored, 1);
    }

    #[test]
    fn two_scored_answers_are_enough() {
        let s = score(
            &fixture(),
            &answers(&[("a-1", 3), ("a-2", 4), ("a-3", 0), ("a-4", 0)]),
        );
        assert_eq!(mean(&s, 0), Some(3.5));
    }

    #[test]
    fn all_dont_know_gives_no_scores_at_all() {
        let all: Vec<(String, Response)> = fixture()
            .statements()
            .map(|s| (s.id.clone(), Response::DONT_KNOW))
            .collect();
        let s = score(&fixture(), &all.into_iter().collect());
        assert!(s
            .dimensions
            .iter()
            .all(|d| d.mean().is_none() && d.scored == 0));
        assert_eq!(s.overall(), None);
        assert_eq!(s.overall_band(&B), None);
        assert_eq!(s.overall_percent(5), None);
    }

    #[test]
    fn no_answers_gives_no_scores() {
        let s = score(&fixture(), &Answers::default());
        assert_eq!(s.overall(), None);
        assert_eq!(s.dimensions.len(), 2);
    }

    #[test]
    fn overall_is_the_mean_of_scored_dimensions_only() {
        let both = answers(&[
            ("a-1", 4),
            ("a-2", 4),
            ("a-3", 4),
            ("a-4", 1), // 4.25
            ("b-1", 5),
            ("b-2", 2),
            ("b-3", 3),
            ("b-4", 3), // 2.25
        ]);
        let s = score(&fixture(), &both);
        assert_eq!(s.overall(), Some(3.25));
        assert_eq!(s.overall_band(&B), Some(Band::Discuss));
        assert_eq!(s.overall_percent(5), Some(56)); // (3.25 - 1) / 4 * 100 = 56.25
        let only_a = answers(&[("a-1", 4), ("a-2", 4), ("a-3", 4), ("a-4", 1), ("b-1", 0)]);
        assert_eq!(score(&fixture(), &only_a).overall(), Some(4.25));
    }

    #[test]
    fn means_follow_the_instrument_whatever_the_scores_order() {
        let s = score(
            &fixture(),
            &answers(&[("a-1", 5), ("b-1", 1), ("b-2", 2), ("b-3", 0)]),
        );
        // b-1 is reversed: (5 + 2) / 2.
        assert_eq!(means(&fixture(), &s), [None, Some(3.5)]);
        let reordered = Scores {
            dimensions: s.dimensions.iter().rev().cloned().collect(),
        };
        assert_eq!(means(&fixture(), &reordered), [None, Some(3.5)]);
        let missing = Scores { dimensions: vec![] };
        assert_eq!(means(&fixture(), &missing), [None, None]);
    }

    #[test]
    fn percent_maps_one_to_zero_and_five_to_hundred() {
        assert_eq!(percent(5, 1.0), 0);
        assert_eq!(percent(5, 3.0), 50);
        assert_eq!(percent(5, 5.0), 100);
        assert_eq!(percent(5, 3.7), 68); // 67.5 rounds up
    }

    #[test]
    fn a_mean_exactly_on_a_threshold_of_tenths_reaches_it() {
        // (2.9 + 3.3) / 2 is 3.0999999999999996 in floating point.
        let overall = (2.9 + 3.3) / 2.0;
        assert!(overall < 3.1);
        let bands = Bands {
            discuss_from: 20,
            strength_from: 31,
            names: None,
        };
        assert_eq!(bands.of(overall), Band::Strength);
        assert_eq!(display(&bands, overall), "3.1");
        assert_eq!(bands.of(3.09), Band::Discuss);
        assert_eq!(display(&bands, 3.09), "3.0");
    }

    #[test]
    fn display_rounds_but_never_crosses_a_band_threshold() {
        assert_eq!(display(&B, 3.25), "3.3"); // 32.5 rounds away from zero
        assert_eq!(display(&B, 4.0), "4.0");
        assert_eq!(display(&B, 3.96), "3.9");
        assert_eq!(display(&B, 3.99), "3.9");
        assert_eq!(display(&B, 2.97), "2.9");
        assert_eq!(display(&B, 3.0), "3.0");
        assert_eq!(display(&B, 4.04), "4.0");
        assert_eq!(display(&B, 1.0), "1.0");
    }

    #[test]
    fn one_decimal_formats_tenths() {
        assert_eq!(one_decimal(0), "0.0");
        assert_eq!(one_decimal(35), "3.5");
        assert_eq!(one_decimal(-5), "-0.5");
        assert_eq!(one_decimal(-15), "-1.5");
        assert_eq!(one_decimal(40), "4.0");
    }

    #[test]
    fn change_shows_the_rounded_difference() {
        assert_eq!(change(&B, 3.75, 3.25), 5); // 3.8 − 3.3
        assert_eq!(change(&B, 3.0, 3.5), -5);
        assert_eq!(change(&B, 3.5, 3.52), 0);
        // 2.75 shows as 2.8 and 10/3 as 3.3: the change shown is 0.5, not 0.58 → 0.6.
        assert_eq!(change(&B, 10.0 / 3.0, 2.75), 5);
        assert_eq!(change(&B, 4.0, 3.96), 1); // 4.0 − 3.9
    }

    fn any_response() -> impl Strategy<Value = Response> {
        (0u8..=5).prop_map(|c| Response::try_from(c).unwrap())
    }

    proptest! {
        #[test]
        fn every_score_lies_between_one_and_five(
            responses in proptest::collection::vec(proptest::option::of(any_response()), 32)
        ) {
            let instrument = crate::fixtures::version_1();
            let answers: Answers = instrument
                .statements()
                .zip(&responses)
                .filter_map(|(s, r)| r.map(|r| (s.id.clone(), r)))
                .collect();
            let s = score(&instrument, &answers);
            for d in &s.dimensions {
                if let Some(m) = d.mean() {
                    prop_assert!((1.0..=5.0).contains(&m), "{m}");
                }
            }
            if let Some(o) = s.overall() {
                prop_assert!((1.0..=5.0).contains(&o));
                prop_assert!(s.overall_percent(5).unwrap() <= 100);
            }
        }

        /// Answering x to every plain statement and 6 - x to every reversed one means
        /// the same thing throughout, so every dimension scores exactly x.
        #[test]
        fn reversed_wording_is_scored_symmetrically(x in 1u8..=5) {
            let instrument = crate::fixtures::version_1();
            let answers: Answers = instrument
                .statements()
                .map(|s| {
                    let level = if s.reversed { 6 - x } else { x };
                    (s.id.clone(), Response::agreement(level).unwrap())
                })
                .collect();
            let s = score(&instrument, &answers);
            for d in &s.dimensions {
                prop_assert_eq!(d.mean(), Some(f64::from(x)));
            }
            prop_assert_eq!(s.overall(), Some(f64::from(x)));
        }

        #[test]
        fn display_agrees_with_the_band(m in 1.0f64..=5.0) {
            let shown: f64 = display(&B, m).parse().unwrap();
            prop_assert_eq!(B.of(shown), B.of(m));
            prop_assert!((shown - m).abs() <= 0.1 + 1e-9);
        }
    }
}
