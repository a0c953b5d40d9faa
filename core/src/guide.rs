//! A conversation guide for a review meeting after a comparison: the perception gaps
//! first, largest first, each with the statements answered most differently and the
//! instrument's prompts for it; then the dimensions of concern; a time for each item.
//! The articles behind Rapport ask partners to evaluate together, openly and regularly;
//! this turns a comparison into that meeting's agenda.

use crate::answers::Answers;
use crate::compare::{disagreements, pair, team, Disagreement, GAP_FLAG_TENTHS};
use crate::instrument::{Dimension, Instrument};
use crate::scoring::{Band, Scores};

/// The meeting the guide plans, in minutes.
pub const MEETING_MINUTES: u32 = 60;
/// Minutes for the opening (purpose of the meeting, ground rules).
pub const OPENING_MINUTES: u32 = 5;
/// Minutes at the end to agree actions, who owns them and by when.
pub const CLOSING_MINUTES: u32 = 10;
/// No item gets less than this.
pub const MIN_ITEM_MINUTES: u32 = 5;
/// An hour holds about four topics talked through properly (and two printed pages).
pub const MAX_ITEMS: usize = 4;
/// Statements turned into questions, per item.
pub const QUESTIONS: usize = 2;
/// Discussion prompts from the instrument, per item.
pub const PROMPTS: usize = 3;

/// Why a dimension is on the agenda.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The results differ by this many tenths (the largest gap between two of them).
    Gap(i64),
    /// Everyone's scores together fall in the Concern band: this mean.
    Concern(f64),
}

/// One agenda item.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    pub dimension: &'a Dimension,
    pub reason: Reason,
    /// Statements of this dimension answered most differently, widest first.
    pub questions: Vec<Disagreement<'a>>,
    pub prompts: Vec<&'a str>,
    pub minutes: u32,
}

/// The agenda: opening, items, closing. `free` holds the minutes no item took: all of
/// them when nothing stands out, for the strengths and what to watch.
#[derive(Clone, Debug, PartialEq)]
pub struct Guide<'a> {
    pub opening: u32,
    pub items: Vec<Item<'a>>,
    pub free: u32,
    pub closing: u32,
}

/// The guide for two results (a pair) or three or more (a team: aggregates only, so it
/// names no one). `None` for fewer than two results.
pub fn guide<'a>(instrument: &'a Instrument, results: &[(&Answers, &Scores)]) -> Option<Guide<'a>> {
    if results.len() < 2 {
        return None;
    }
    let scores: Vec<&Scores> = results.iter().map(|(_, s)| *s).collect();
    let answers: Vec<&Answers> = results.iter().map(|(a, _)| *a).collect();
    // Per dimension: the gap (pair) or spread (team) in tenths, and everyone's mean.
    let rows: Vec<(Option<i64>, Option<f64>)> = if results.len() == 2 {
        pair(&instrument.bands, scores[0], scores[1])
            .into_iter()
            .map(|r| (r.gap, r.a.zip(r.b).map(|(a, b)| (a + b) / 2.0)))
            .collect()
    } else {
        team(&instrument.bands, &scores)?
            .into_iter()
            .map(|r| match r.stats {
                Some(s) => (Some(s.spread), Some(s.mean)),
                None => (None, None),
            })
            .collect()
    };
    let found = instrument.dimensions.iter().zip(rows);
    let mut gaps: Vec<(&Dimension, i64)> = found
        .clone()
        .filter_map(|(d, (gap, _))| Some((d, gap.filter(|g| *g >= GAP_FLAG_TENTHS)?)))
        .collect();
    gaps.sort_by_key(|g| std::cmp::Reverse(g.1));
    let mut concerns: Vec<(&Dimension, f64)> = found
        .filter(|(d, _)| !gaps.iter().any(|(g, _)| g.id == d.id))
        .filter_map(|(d, (_, mean))| {
            Some((
                d,
                mean.filter(|m| instrument.bands.of(*m) == Band::Concern)?,
            ))
        })
        .collect();
    concerns.sort_by(|a, b| a.1.total_cmp(&b.1));
    let reasons = gaps
        .into_iter()
        .map(|(d, g)| (d, Reason::Gap(g)))
        .chain(concerns.into_iter().map(|(d, m)| (d, Reason::Concern(m))));
    let spare = MEETING_MINUTES - OPENING_MINUTES - CLOSING_MINUTES;
    let fit = MAX_ITEMS.min((spare / MIN_ITEM_MINUTES) as usize);
    let mut items: Vec<Item> = reasons
        .take(fit)
        .map(|(dimension, reason)| {
            let all = disagreements(instrument, &answers, usize::MAX);
            let questions = all
                .into_iter()
                .filter(|q| dimension.statements.iter().any(|s| s.id == q.statement.id))
                .take(QUESTIONS)
                .collect();
            let prompts = dimension
                .advice_for(Band::Discuss)
                .take(PROMPTS)
                .map(|r| r.text.as_str())
                .collect();
            Item {
                dimension,
                reason,
                questions,
                prompts,
                minutes: 0,
            }
        })
        .collect();
    share_time(&mut items, spare);
    Some(Guide {
        opening: OPENING_MINUTES,
        free: spare - items.iter().map(|i| i.minutes).sum::<u32>(),
        items,
        closing: CLOSING_MINUTES,
    })
}

/// Shares `minutes` among the items in steps of five: a gap weighs twice a concern, and
/// what rounding leaves goes to the first items, which matter most.
fn share_time(items: &mut [Item], minutes: u32) {
    if items.is_empty() {
        return;
    }
    let weight = |i: &Item| match i.reason {
        Reason::Gap(_) => 2,
        Reason::Concern(_) => 1,
    };
    let total: u32 = items.iter().map(weight).sum();
    let steps = minutes / MIN_ITEM_MINUTES;
    let mut given = 0;
    for item in items.iter_mut() {
        let share = (steps * weight(item) / total).max(1);
        item.minutes = share * MIN_ITEM_MINUTES;
        given += share;
    }
    let mut at = 0;
    while given < steps {
        items[at % items.len()].minutes += MIN_ITEM_MINUTES;
        given += 1;
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;
    use crate::fixtures::{finished, version_1 as instrument};
    use crate::scoring::score;

    /// A check scoring `level` everywhere but `changes` (dimension, level).
    fn check(level: u8, changes: &[(&str, u8)]) -> Answers {
        let i = instrument();
        let mut answers = finished("x", 0, "", level).answers;
        for (dimension, l) in changes {
            let d = i.dimensions.iter().find(|d| d.id == *dimension).unwrap();
            for s in &d.statements {
                let a = if s.reversed { 6 - l } else { *l };
                answers.set(&s.id, Response::agreement(a).unwrap());
            }
        }
        answers
    }

    fn ids<'a>(g: &'a Guide) -> Vec<(&'a str, Reason, u32)> {
        g.items
            .iter()
            .map(|i| (i.dimension.id.as_str(), i.reason, i.minutes))
            .collect()
    }

    #[test]
    fn gaps_come_first_largest_first_then_concerns_and_the_hour_adds_up() {
        let i = instrument();
        let a = check(4, &[("trust", 1), ("goals", 3), ("learning", 2)]);
        let b = check(4, &[("trust", 4), ("goals", 5), ("learning", 2)]);
        let (sa, sb) = (score(&i, &a), score(&i, &b));
        let g = guide(&i, &[(&a, &sa), (&b, &sb)]).unwrap();
        assert_eq!(
            ids(&g),
            [
                ("trust", Reason::Gap(30), 20),
                ("goals", Reason::Gap(20), 20),
                ("learning", Reason::Concern(2.0), 5),
            ]
        );
        let total: u32 = g.opening + g.closing + g.items.iter().map(|i| i.minutes).sum::<u32>();
        assert_eq!((total, g.free), (MEETING_MINUTES, 0));
        // Each gap carries its statements answered most differently, and the prompts.
        let trust = &g.items[0];
        assert_eq!(trust.questions.len(), QUESTIONS);
        assert!(trust.questions.iter().all(|q| q.highest - q.lowest == 3));
        assert!(trust
            .questions
            .iter()
            .all(|q| q.statement.id.starts_with("trust-")));
        let discuss: Vec<&str> = trust
            .dimension
            .advice_for(Band::Discuss)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(trust.prompts, discuss);
        assert!(g.items[2].questions.is_empty(), "they agree on learning");
    }

    #[test]
    fn a_team_guide_uses_the_spread_and_never_more_items_than_the_hour_holds() {
        let i = instrument();
        let all: Vec<&str> = i.dimensions.iter().map(|d| d.id.as_str()).collect();
        let lows: Vec<(&str, u8)> = all.iter().map(|d| (*d, 1)).collect();
        let highs: Vec<(&str, u8)> = all.iter().map(|d| (*d, 5)).collect();
        let results = [check(3, &lows), check(3, &highs), check(3, &[])];
        let scores: Vec<Scores> = results.iter().map(|a| score(&i, a)).collect();
        let pairs: Vec<(&Answers, &Scores)> = results.iter().zip(&scores).collect();
        let g = guide(&i, &pairs).unwrap();
        // Eight gaps of 4.0, but an hour holds four, in the instrument's order.
        assert!(g.items.iter().all(|i| i.reason == Reason::Gap(40)));
        assert_eq!(g.items.len(), MAX_ITEMS);
        assert_eq!(g.items[0].dimension.id, "purpose");
        let total: u32 = g.items.iter().map(|i| i.minutes).sum();
        assert_eq!(total, MEETING_MINUTES - OPENING_MINUTES - CLOSING_MINUTES);
        assert!(g.items.iter().all(|i| i.minutes >= MIN_ITEM_MINUTES));
    }

    #[test]
    fn agreeing_strong_partners_get_an_agenda_without_items_and_one_result_none() {
        let i = instrument();
        let a = check(5, &[]);
        let s = score(&i, &a);
        let g = guide(&i, &[(&a, &s), (&a, &s)]).unwrap();
        assert!(g.items.is_empty());
        // The hour is still an hour: the time is free for the strengths.
        assert_eq!(g.opening + g.free + g.closing, MEETING_MINUTES);
        assert_eq!(guide(&i, &[(&a, &s)]), None);
    }
}
