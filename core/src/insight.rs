//! What a result means for the person: highlights, next steps, change over time.

use crate::instrument::Dimension;
use crate::scoring::{self, Band, Scores};

/// What the results screen says for one dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Advice<'a> {
    /// Concern or Discuss: concrete actions or prompts.
    Actions(&'a [String]),
    /// Strength: how to keep it up.
    KeepUp(&'a str),
    /// Too few scored answers to say anything.
    NotEnoughAnswers,
}

pub fn advice(dimension: &Dimension, band: Option<Band>) -> Advice<'_> {
    let r = &dimension.recommendations;
    match band {
        Some(Band::Concern) => Advice::Actions(&r.concern),
        Some(Band::Discuss) => Advice::Actions(&r.discuss),
        Some(Band::Strength) => Advice::KeepUp(&r.strength),
        None => Advice::NotEnoughAnswers,
    }
}

/// Indices (into `scores.dimensions`) of the strongest and weakest scored dimensions,
/// at most `n` each, never the same dimension in both. Ties keep the instrument's order.
pub fn highlights(scores: &Scores, n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut scored: Vec<(usize, f64)> = scores
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d.mean()?)))
        .collect();
    // Equal scores keep the instrument's order.
    scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let strongest: Vec<usize> = scored.iter().take(n).map(|&(i, _)| i).collect();
    let weakest: Vec<usize> = scored
        .iter()
        .rev()
        .map(|&(i, _)| i)
        .filter(|i| !strongest.contains(i))
        .take(n)
        .collect();
    (strongest, weakest)
}

/// Per dimension of `current`: the one-decimal change against `previous`. `None` where
/// either has no score for it; `Some(None)` where the scores show no difference.
pub fn changes(current: &Scores, previous: &Scores) -> Vec<Option<Option<f64>>> {
    current
        .dimensions
        .iter()
        .map(|d| {
            let before = previous.dimension(&d.dimension)?.mean()?;
            Some(scoring::change(d.mean()?, before))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Instrument;
    use crate::scoring::DimensionScore;

    fn scores(means: &[Option<f64>]) -> Scores {
        Scores {
            dimensions: means
                .iter()
                .enumerate()
                .map(|(i, &mean)| DimensionScore {
                    dimension: format!("d{i}"),
                    total: mean.map_or(0, |m| (m * 4.0) as u32),
                    scored: if mean.is_some() { 4 } else { 0 },
                })
                .collect(),
        }
    }

    #[test]
    fn advice_follows_the_band() {
        let i = Instrument::partnership_health().unwrap();
        let d = &i.dimensions[1];
        assert_eq!(
            advice(d, Some(Band::Concern)),
            Advice::Actions(&d.recommendations.concern)
        );
        assert_eq!(
            advice(d, Some(Band::Discuss)),
            Advice::Actions(&d.recommendations.discuss)
        );
        assert_eq!(
            advice(d, Some(Band::Strength)),
            Advice::KeepUp(&d.recommendations.strength)
        );
        assert_eq!(advice(d, None), Advice::NotEnoughAnswers);
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
    }

    #[test]
    fn highlights_never_repeat_a_dimension() {
        let s = scores(&[Some(3.0), Some(4.0), Some(2.0)]);
        assert_eq!(highlights(&s, 2), (vec![1, 0], vec![2]));
        assert_eq!(highlights(&scores(&[None, None]), 2), (vec![], vec![]));
    }

    #[test]
    fn changes_compare_dimension_by_dimension() {
        let now = scores(&[Some(3.5), Some(2.0), None, Some(4.0)]);
        let before = scores(&[Some(3.0), Some(2.75), Some(3.0), Some(4.0)]);
        assert_eq!(
            changes(&now, &before),
            vec![Some(Some(0.5)), Some(Some(-0.8)), None, Some(None)]
        );
    }
}
