//! What a result means for the person: highlights, next steps, change over time.

use crate::answers::Answers;
use crate::instrument::{Bands, Dimension, Instrument, Recommendation, Statement};
use crate::scoring::{self, Band, Scores};

/// What the results screen says for one dimension, by its band.
#[derive(Clone, Debug, PartialEq)]
pub enum Advice<'a> {
    /// Concern or Discuss: concrete actions or prompts.
    Actions(Vec<&'a Recommendation>),
    /// Strength: how to keep it up.
    KeepUp(Vec<&'a Recommendation>),
    /// Too few scored answers to say anything.
    NotEnoughAnswers,
}

pub fn advice(dimension: &Dimension, band: Option<Band>) -> Advice<'_> {
    match band {
        Some(Band::Strength) => Advice::KeepUp(dimension.advice_for(Band::Strength).collect()),
        Some(band) => Advice::Actions(dimension.advice_for(band).collect()),
        None => Advice::NotEnoughAnswers,
    }
}

/// The dimension's statements answered low that have advice of their own, in order: a
/// low answer to one statement is worth acting on whatever its dimension's band.
pub fn low_answers<'a>(
    points: u8,
    dimension: &'a Dimension,
    answers: &Answers,
) -> Vec<(&'a Statement, &'a Recommendation)> {
    dimension
        .statements
        .iter()
        .filter(|s| {
            answers
                .get(&s.id)
                .is_some_and(|r| scoring::is_low(points, s, r))
        })
        .filter_map(|s| Some((s, dimension.advice_if_low(&s.id)?)))
        .collect()
}

/// The dimensions in order of need: Concern, then Discuss, then Strength, each weakest
/// first, then those without a score; ties keep the instrument's order.
pub fn by_need<'a>(
    instrument: &'a Instrument,
    scores: &Scores,
) -> Vec<(&'a Dimension, Option<f64>)> {
    let mut means: Vec<(&Dimension, Option<f64>)> = instrument
        .dimensions
        .iter()
        .map(|d| (d, scores.dimension(&d.id).and_then(|s| s.mean())))
        .collect();
    // Bands rise with the mean, so ascending means are already in band order.
    let key = |m: Option<f64>| m.unwrap_or(f64::INFINITY);
    means.sort_by(|a, b| key(a.1).total_cmp(&key(b.1)));
    means
}

/// Indices (into `scores.dimensions`) of the strongest and weakest scored dimensions,
/// at most `n` each. A dimension is among the weakest only if it scores below every one
/// of the strongest, so equal scores are never put on both lists. Ties keep the order.
pub fn highlights(scores: &Scores, n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut scored: Vec<(usize, f64)> = scores
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d.mean()?)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let strongest: Vec<(usize, f64)> = scored.iter().take(n).copied().collect();
    let Some(&(_, lowest_strong)) = strongest.last() else {
        return (Vec::new(), Vec::new());
    };
    let mut weak: Vec<(usize, f64)> = scored
        .into_iter()
        .filter(|&(_, m)| m < lowest_strong)
        .collect();
    weak.sort_by(|a, b| a.1.total_cmp(&b.1));
    (
        strongest.into_iter().map(|(i, _)| i).collect(),
        weak.into_iter().take(n).map(|(i, _)| i).collect(),
    )
}

/// The change of one dimension against a previous check, in tenths as shown; `None`
/// where either check has no score for it. Both answer one instrument, whose `bands`
/// round the scores as shown.
pub fn change(bands: &Bands, current: &Scores, previous: &Scores, dimension: &str) -> Option<i64> {
    let now = current.dimension(dimension)?.mean()?;
    let before = previous.dimension(dimension)?.mean()?;
    Some(scoring::change(bands, now, before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Bands;
    const B: Bands = Bands {
        discuss_from: 30,
        strength_from: 40,
        names: None,
    };
    use crate::scoring::DimensionScore;

    fn scores(means: &[Option<f64>]) -> Scores {
        Scores {
            dimensions: means
                .iter()
                .enumerate()
                .map(|(i, &mean)| DimensionScore {
                    needed: 2,
                    dimension: format!("d{i}"),
                    total: mean.map_or(0, |m| (m * 4.0) as u32),
                    scored: if mean.is_some() { 4 } else { 0 },
                })
                .collect(),
        }
    }

    #[test]
    fn advice_follows_the_band() {
        let i = crate::fixtures::version_1();
        let d = &i.dimensions[1];
        let ids = |a: Advice| match a {
            Advice::Actions(list) | Advice::KeepUp(list) => {
                list.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
            }
            Advice::NotEnoughAnswers => vec![],
        };
        assert_eq!(
            ids(advice(d, Some(Band::Concern))),
            ["concern-1", "concern-2", "concern-3"]
        );
        assert!(matches!(
            advice(d, Some(Band::Discuss)),
            Advice::Actions(list) if list[0].id == "discuss-1"
        ));
        assert!(matches!(
            advice(d, Some(Band::Strength)),
            Advice::KeepUp(list) if list.len() == 1 && list[0].id == "strength-1"
        ));
        assert_eq!(advice(d, None), Advice::NotEnoughAnswers);
    }

    #[test]
    fn a_low_answer_brings_its_statements_advice_whatever_the_band() {
        use crate::answers::Response;
        let i = crate::fixtures::current();
        let d = &i.dimensions[0];
        let normal = d.statements.iter().find(|s| !s.reversed).unwrap();
        let mut answers = crate::fixtures::uniform(&i, 5);
        // Agreeing with every statement: the reversed ones are low.
        let low: Vec<&str> = low_answers(5, d, &answers)
            .iter()
            .map(|(s, _)| s.id.as_str())
            .collect();
        let reversed: Vec<&str> = d
            .statements
            .iter()
            .filter(|s| s.reversed)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(low, reversed);
        answers.set(&normal.id, Response::agreement(2).unwrap());
        let pairs = low_answers(5, d, &answers);
        let (statement, advice) = pairs.iter().find(|(s, _)| s.id == normal.id).unwrap();
        assert_eq!(
            advice.when,
            crate::instrument::When::Low(statement.id.clone())
        );
        // Neither agreeing nor disagreeing, and not knowing, are not low.
        for neither in [Response::agreement(3).unwrap(), Response::DONT_KNOW] {
            answers.set(&normal.id, neither);
            assert!(low_answers(5, d, &answers)
                .iter()
                .all(|(s, _)| s.id != normal.id));
        }
    }

    #[test]
    fn by_need_puts_the_weakest_first_and_the_unscored_last() {
        let i = crate::fixtures::version_1();
        let ids: Vec<&str> = i.dimensions.iter().map(|d| d.id.as_str()).collect();
        // In the instrument's order; `scores` names dimensions d0, d1, ….
        let s = scores(&[
            Some(4.5),
            None,
            Some(2.0),
            Some(3.5),
            Some(2.0),
            None,
            Some(4.0),
            Some(1.25),
        ]);
        let named = Scores {
            dimensions: s
                .dimensions
                .into_iter()
                .zip(&ids)
                .map(|(d, id)| DimensionScore {
                    needed: 2,
                    dimension: (*id).to_owned(),
                    ..d
                })
                .collect(),
        };
        let order: Vec<(&str, Option<f64>)> = by_need(&i, &named)
            .into_iter()
            .map(|(d, m)| (d.id.as_str(), m))
            .collect();
        assert_eq!(
            order,
            [
                (ids[7], Some(1.25)),
                (ids[2], Some(2.0)),
                (ids[4], Some(2.0)),
                (ids[3], Some(3.5)),
                (ids[6], Some(4.0)),
                (ids[0], Some(4.5)),
                (ids[1], None),
                (ids[5], None),
            ]
        );
        // No scores at all: the instrument's order.
        let none: Vec<&str> = by_need(&i, &Scores { dimensions: vec![] })
            .into_iter()
            .map(|(d, _)| d.id.as_str())
            .collect();
        assert_eq!(none, ids);
    }

    #[test]
    fn highlights_pick_two_strongest_and_two_weakest() {
        let s = scores(&[
            Some(3.0),
            Some(4.5),
            None,
            Some(2.0),
            Some(4.5),
            Some(1.5),
            Some(3.5),
        ]);
        assert_eq!(highlights(&s, 2), (vec![1, 4], vec![5, 3]));
        // Ties among the weakest keep the instrument's order.
        let s = scores(&[Some(2.0), Some(4.5), Some(2.0), Some(4.0)]);
        assert_eq!(highlights(&s, 2), (vec![1, 3], vec![0, 2]));
    }

    #[test]
    fn highlights_never_put_equal_scores_on_both_lists() {
        let s = scores(&[Some(3.0), Some(4.0), Some(2.0)]);
        assert_eq!(highlights(&s, 2), (vec![1, 0], vec![2]));
        assert_eq!(highlights(&scores(&[None, None]), 2), (vec![], vec![]));
        // All equal: nothing is singled out as needing most attention.
        let s = scores(&[Some(4.0), Some(4.0), Some(4.0), Some(4.0)]);
        assert_eq!(highlights(&s, 2), (vec![0, 1], vec![]));
        // A score equal to the second strongest is not among the weakest.
        let s = scores(&[Some(4.5), Some(3.0), Some(3.0), Some(2.0)]);
        assert_eq!(highlights(&s, 2), (vec![0, 1], vec![3]));
    }

    #[test]
    fn change_compares_one_dimension_as_shown() {
        let now = scores(&[Some(3.5), Some(2.0), None, Some(4.0)]);
        let before = scores(&[Some(3.0), Some(2.75), Some(3.0), Some(4.0)]);
        let change_of = |i: usize| change(&B, &now, &before, &format!("d{i}"));
        assert_eq!(change_of(0), Some(5));
        assert_eq!(change_of(1), Some(-8)); // 2.0 − 2.8
        assert_eq!(change_of(2), None);
        assert_eq!(change_of(3), Some(0));
        assert_eq!(change(&B, &now, &before, "unknown"), None);
    }
}
