//! Comparing results: two partners side by side, or a team as aggregates only.

use crate::answers::Answers;
use crate::instrument::Bands;
use crate::instrument::{Instrument, Statement};
use crate::scoring::{shown_tenths, Scores};

/// Fewer results than this are never shown as a team: with two, each person could work
/// out the other's scores from the aggregates.
pub const TEAM_MIN: usize = 3;
/// A gap of this many tenths or more is a perception gap worth talking about.
pub const GAP_FLAG_TENTHS: i64 = 10;
/// How many statements are offered as conversation starters.
pub const STARTERS: usize = 5;

/// One dimension for two results.
#[derive(Clone, Debug, PartialEq)]
pub struct PairRow {
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// Tenths between the two scores as shown, so it agrees with the numbers beside it;
    /// `None` where either has no score.
    pub gap: Option<i64>,
}

impl PairRow {
    pub fn flagged(&self) -> bool {
        self.gap.is_some_and(|g| g >= GAP_FLAG_TENTHS)
    }
}

/// Per dimension in the instrument's order (`a` and `b` come from the same instrument,
/// whose `bands` round the scores as shown).
pub fn pair(bands: &Bands, a: &Scores, b: &Scores) -> Vec<PairRow> {
    a.dimensions
        .iter()
        .zip(&b.dimensions)
        .map(|(x, y)| {
            let (a, b) = (x.mean(), y.mean());
            let gap = a
                .zip(b)
                .map(|(a, b)| (shown_tenths(bands, a) - shown_tenths(bands, b)).abs());
            PairRow { a, b, gap }
        })
        .collect()
}

/// One dimension across a team: aggregates only.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    /// Results with a score for this dimension.
    pub scored: usize,
    /// `None` when fewer than [`TEAM_MIN`] results have a score: a row of one or two
    /// scores would show individual results.
    pub stats: Option<TeamStats>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamStats {
    pub mean: f64,
    pub lowest: f64,
    pub highest: f64,
    /// Tenths between highest and lowest as shown.
    pub spread: i64,
}

/// The team view, or `None` below [`TEAM_MIN`] results.
pub fn team(bands: &Bands, results: &[&Scores]) -> Option<Vec<TeamRow>> {
    if results.len() < TEAM_MIN {
        return None;
    }
    let dimensions = results[0].dimensions.len();
    let rows = (0..dimensions)
        .map(|d| {
            let scores: Vec<(u64, u64)> = results
                .iter()
                .filter_map(|r| r.dimensions.get(d))
                .filter(|s| s.mean().is_some())
                .map(|s| (u64::from(s.total), u64::from(s.scored)))
                .collect();
            let stats = (scores.len() >= TEAM_MIN).then(|| {
                // The mean of means as one exact fraction and a single division, so a
                // team exactly on a band threshold is never shown just below it.
                let common = scores.iter().fold(1, |l, &(_, n)| lcm(l, n));
                let sum: u64 = scores.iter().map(|&(t, n)| t * (common / n)).sum();
                let mean = sum as f64 / (common * scores.len() as u64) as f64;
                let means = scores.iter().map(|&(t, n)| t as f64 / n as f64);
                let lowest = means.clone().fold(f64::INFINITY, f64::min);
                let highest = means.fold(f64::NEG_INFINITY, f64::max);
                TeamStats {
                    mean,
                    lowest,
                    highest,
                    spread: shown_tenths(bands, highest) - shown_tenths(bands, lowest),
                }
            });
            TeamRow {
                scored: scores.len(),
                stats,
            }
        })
        .collect();
    Some(rows)
}

fn lcm(a: u64, b: u64) -> u64 {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    a / x * b
}

/// A statement the results disagree on: the lowest and highest agreement given to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement<'a> {
    pub statement: &'a Statement,
    pub lowest: u8,
    pub highest: u8,
}

/// Up to `n` statements with the widest spread of agreement among those who gave one
/// (at least two), widest first, ties in the instrument's order. "Don't know" and
/// missing answers do not count; statements everyone agrees on are left out.
pub fn disagreements<'a>(
    instrument: &'a Instrument,
    results: &[&Answers],
    n: usize,
) -> Vec<Disagreement<'a>> {
    let mut found: Vec<Disagreement> = instrument
        .statements()
        .filter_map(|statement| {
            let levels: Vec<u8> = results
                .iter()
                .filter_map(|a| a.get(&statement.id)?.level())
                .collect();
            let lowest = *levels.iter().min()?;
            let highest = *levels.iter().max()?;
            (highest > lowest).then_some(Disagreement {
                statement,
                lowest,
                highest,
            })
        })
        .collect();
    // Widest first; the sort is stable, so ties keep the instrument's order.
    found.sort_by_key(|d| std::cmp::Reverse(d.highest - d.lowest));
    found.truncate(n);
    found
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
    use crate::answers::Response;
    use crate::fixtures::{self, version_1 as instrument};
    use crate::scoring::{score, DimensionScore};
    use proptest::prelude::*;

    fn dims(pairs: &[(u32, u32)]) -> Scores {
        Scores {
            dimensions: pairs
                .iter()
                .enumerate()
                .map(|(i, &(total, scored))| DimensionScore {
                    needed: 2,
                    dimension: format!("d{i}"),
                    total,
                    scored,
                })
                .collect(),
        }
    }

    /// Every statement of the shipped instrument answered `level` as given.
    fn uniform(level: u8) -> Answers {
        fixtures::uniform(&instrument(), level)
    }

    #[test]
    fn a_gap_of_one_point_is_flagged_and_less_is_not() {
        // 4.0 vs 3.0; 4.25 vs 3.5 (shown 4.3 and 3.5); 3.0 vs 2.0; one without a score.
        let a = dims(&[(16, 4), (17, 4), (6, 2), (8, 2)]);
        let b = dims(&[(12, 4), (14, 4), (8, 4), (1, 1)]);
        let rows = pair(&B, &a, &b);
        assert_eq!(rows[0].gap, Some(10));
        assert!(rows[0].flagged());
        assert_eq!(rows[1].gap, Some(8));
        assert!(!rows[1].flagged());
        assert_eq!(rows[2].gap, Some(10));
        assert!(rows[2].flagged(), "the gap counts both ways");
        assert_eq!(rows[3].gap, None);
        assert!(!rows[3].flagged());
    }

    #[test]
    fn the_gap_agrees_with_the_scores_as_shown() {
        // 3.96 is shown 3.9 (never a threshold it has not reached); 2.9 vs it is 1.0.
        let a = dims(&[(99, 25)]);
        let b = dims(&[(29, 10)]);
        assert_eq!(pair(&B, &a, &b)[0].gap, Some(10));
    }

    #[test]
    fn fewer_than_three_results_are_never_a_team() {
        let s = dims(&[(16, 4)]);
        assert_eq!(team(&B, &[]), None);
        assert_eq!(team(&B, &[&s]), None);
        assert_eq!(team(&B, &[&s, &s]), None);
        assert!(team(&B, &[&s, &s, &s]).is_some());
    }

    #[test]
    fn team_rows_give_mean_lowest_highest_and_spread() {
        let a = dims(&[(16, 4), (8, 2)]);
        let b = dims(&[(11, 3), (9, 3)]);
        let c = dims(&[(12, 4), (1, 1)]);
        let rows = team(&B, &[&a, &b, &c]).unwrap();
        let stats = rows[0].stats.clone().unwrap();
        // (4 + 11/3 + 3) / 3 = 32/9.
        assert_eq!(stats.mean, 32.0 / 9.0);
        assert_eq!(stats.lowest, 3.0);
        assert_eq!(stats.highest, 4.0);
        assert_eq!(stats.spread, 10);
        assert_eq!(rows[0].scored, 3);
        // Only two results score the second dimension: no numbers, so no one can be
        // singled out.
        assert_eq!(rows[1].scored, 2);
        assert_eq!(rows[1].stats, None);
    }

    #[test]
    fn a_team_exactly_on_a_threshold_reaches_it() {
        // 11/3 + 13/3 + 4 = 12: the mean is exactly 4.0, which float sums can miss.
        let a = dims(&[(11, 3)]);
        let b = dims(&[(13, 3)]);
        let c = dims(&[(8, 2)]);
        let mean = team(&B, &[&a, &b, &c]).unwrap()[0]
            .stats
            .clone()
            .unwrap()
            .mean;
        assert_eq!(mean, 4.0);
        assert_eq!(crate::scoring::display(&B, mean), "4.0");
    }

    #[test]
    fn the_widest_disagreements_come_first_in_instrument_order() {
        let i = instrument();
        let ids: Vec<String> = i.statements().map(|s| s.id.clone()).collect();
        let mut a = uniform(3);
        let b = uniform(3);
        a.set(&ids[7], Response::agreement(1).unwrap());
        a.set(&ids[2], Response::agreement(5).unwrap());
        a.set(&ids[20], Response::agreement(5).unwrap());
        a.set(&ids[5], Response::agreement(4).unwrap());
        a.set(&ids[9], Response::DONT_KNOW);
        let found = disagreements(&i, &[&a, &b], STARTERS);
        let order: Vec<&str> = found.iter().map(|d| d.statement.id.as_str()).collect();
        assert_eq!(order, [&ids[2], &ids[7], &ids[20], &ids[5]]);
        assert_eq!((found[1].lowest, found[1].highest), (1, 3));
    }

    #[test]
    fn at_most_five_starters_and_none_when_everyone_agrees() {
        let i = instrument();
        assert!(disagreements(&i, &[&uniform(2), &uniform(2)], STARTERS).is_empty());
        assert_eq!(
            disagreements(&i, &[&uniform(1), &uniform(5)], STARTERS).len(),
            5
        );
    }

    proptest! {
        #[test]
        fn team_stats_are_ordered_and_in_range(levels in proptest::collection::vec(1u8..=5, 3..12)) {
            let i = instrument();
            let all: Vec<Scores> = levels.iter().map(|&l| score(&i, &uniform(l))).collect();
            let refs: Vec<&Scores> = all.iter().collect();
            for row in team(&B, &refs).unwrap() {
                let s = row.stats.unwrap();
                prop_assert!(1.0 <= s.lowest && s.lowest <= s.mean + 1e-9);
                prop_assert!(s.mean <= s.highest + 1e-9 && s.highest <= 5.0);
                prop_assert!(s.spread >= 0);
            }
        }

        #[test]
        fn pair_gaps_are_symmetric(x in 1u8..=5, y in 1u8..=5) {
            let i = instrument();
            let (a, b) = (score(&i, &uniform(x)), score(&i, &uniform(y)));
            prop_assert_eq!(pair(&B, &a, &b), pair(&B, &b, &a).into_iter().map(|r| PairRow { a: r.b, b: r.a, gap: r.gap }).collect::<Vec<_>>());
        }
    }
}
