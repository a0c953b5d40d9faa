//! Checks grouped by partnership: each one's latest score, actions still to do and those
//! past their date, the plan a new check follows up, and the trend over time. A
//! partnership is its name (see `store::partnership`); others' results never count.

use crate::assessment::{partnership, Assessment, History};
use crate::plan::{Date, Task};

/// One partnership's own checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Partnership<'a> {
    /// As written in its latest check.
    pub name: &'a str,
    /// Newest first; never empty.
    pub checks: Vec<&'a Assessment>,
}

/// Actions past their due date: how many, and the earliest date among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub count: usize,
    pub since: Date,
}

impl<'a> Partnership<'a> {
    pub fn latest(&self) -> &'a Assessment {
        self.checks[0]
    }

    /// The actions still to be done in its latest plan. A newer plan takes over from
    /// the ones before it, as the next check follows up only the latest.
    pub fn pending(&self) -> Vec<&'a Task> {
        let latest = self.checks.iter().find(|a| !a.plan.is_empty());
        latest
            .map(|a| &a.plan.actions)
            .into_iter()
            .flatten()
            .filter(|action| action.status.is_pending())
            .collect()
    }

    pub fn overdue(&self, today: Date) -> Option<Overdue> {
        overdue(self.pending().into_iter(), today)
    }
}

fn overdue<'a>(actions: impl Iterator<Item = &'a Task>, today: Date) -> Option<Overdue> {
    let late: Vec<Date> = actions
        .filter(|a| a.is_overdue(today))
        .filter_map(|a| a.due)
        .collect();
    Some(Overdue {
        count: late.len(),
        since: late.iter().min().copied()?,
    })
}

/// The partnerships of this person's own checks, the most recently checked first.
pub fn partnerships(history: &History) -> Vec<Partnership<'_>> {
    let mut out: Vec<(String, Partnership)> = Vec::new();
    // History is newest first, so each partnership's first check is its latest.
    for a in history.assessments().iter().filter(|a| !a.received) {
        let key = a.partnership();
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, p)) => p.checks.push(a),
            None => out.push((
                key,
                Partnership {
                    name: &a.name,
                    checks: vec![a],
                },
            )),
        }
    }
    out.into_iter().map(|(_, p)| p).collect()
}

/// Actions past their date across every partnership, in each one's latest plan.
pub fn all_overdue(history: &History, today: Date) -> Option<Overdue> {
    let pending: Vec<&Task> = partnerships(history)
        .iter()
        .flat_map(|p| p.pending())
        .collect();
    overdue(pending.into_iter(), today)
}

/// The plan a check of `name` follows up: the latest own check of that partnership with
/// a plan, finished before `before` (a check's id) or, without one, at any time.
pub fn plan_to_follow<'a>(
    history: &'a History,
    name: &str,
    before: Option<&str>,
) -> Option<&'a Assessment> {
    let key = partnership(name);
    let until = before.and_then(|id| history.get(id));
    history.assessments().iter().find(|a| {
        !a.received
            && !a.plan.is_empty()
            && a.partnership() == key
            && until.is_none_or(|u| {
                a.id != u.id
                    && (a.finished_at < u.finished_at
                        || (a.finished_at == u.finished_at && a.id < u.id))
            })
    })
}

/// One check on a trend: the check, its overall score, and one dimension's.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint<'a> {
    pub check: &'a Assessment,
    pub overall: Option<f64>,
    pub dimension: Option<f64>,
}

impl<'a> Partnership<'a> {
    /// The checks a trend follows, oldest first: those made with the latest check's
    /// instrument (any version of it). Another questionnaire's checks of the same
    /// partnership, a pulse beside full checks, ask other statements on their own scale.
    pub fn over_time(&self) -> Vec<&'a Assessment> {
        let id = &self.latest().instrument_id;
        self.checks
            .iter()
            .rev()
            .filter(|a| a.instrument_id == *id)
            .copied()
            .collect()
    }

    /// The checks [`over_time`](Self::over_time), with the overall score and `dimension`'s.
    pub fn trend(&self, dimension: &str) -> Vec<TrendPoint<'a>> {
        self.over_time()
            .into_iter()
            .map(|a| TrendPoint {
                check: a,
                overall: a.scores.overall(),
                dimension: a.scores.dimension(dimension).and_then(|d| d.mean()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{finished, version_1 as instrument};
    use crate::plan::{Change, Status, Task, What};

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn with_plan(mut a: Assessment, dues: &[(&str, Status)]) -> Assessment {
        for (n, (due, status)) in dues.iter().enumerate() {
            let mut action = Task::new("trust".into(), What::Own(format!("step {n}")));
            action.due = Date::parse(due);
            action.status = *status;
            a.plan.add(action, 1);
        }
        a
    }

    fn history() -> History {
        let i = instrument();
        let theirs = finished("t", 0, "Alpha", 1);
        History::of(vec![
            with_plan(
                finished("a1", 10, "Alpha", 2),
                &[("2027-02-01", Status::Open), ("2027-01-01", Status::Done)],
            ),
            with_plan(
                finished("b1", 20, "Beta", 3),
                &[("2027-04-01", Status::Open)],
            ),
            with_plan(
                finished("a2", 30, " ALPHA ", 3),
                &[("2027-03-01", Status::InProgress), ("", Status::Open)],
            ),
            finished("a3", 40, "alpha", 4),
            Assessment::received(&i, "r".into(), "Alpha".into(), theirs.answers, 50),
        ])
    }

    #[test]
    fn a_trend_follows_the_latest_check_s_instrument_only() {
        let mut pulse = finished("p", 30, "Coalition", 3);
        pulse.instrument_id = "pulse".into();
        let h = History::of(vec![
            finished("a", 10, "Coalition", 2),
            finished("b", 20, "Coalition", 4),
            pulse.clone(),
        ]);
        let found = partnerships(&h);
        assert_eq!(found.len(), 1);
        // The pulse is the latest: its trend is its own, one check so far.
        let ids: Vec<&str> = found[0].over_time().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["p"]);
        // A full check after it: the full checks' trend, the pulse left out.
        let h = History::of(vec![
            finished("a", 10, "Coalition", 2),
            pulse,
            finished("c", 40, "Coalition", 4),
        ]);
        let found = partnerships(&h);
        let ids: Vec<&str> = found[0]
            .trend("trust")
            .iter()
            .map(|p| p.check.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "c"]);
    }

    #[test]
    fn partnerships_group_own_checks_by_name_latest_first() {
        let h = history();
        let found = partnerships(&h);
        let summary: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|p| (p.name, p.checks.iter().map(|a| a.id.as_str()).collect()))
            .collect();
        assert_eq!(
            summary,
            [("alpha", vec!["a3", "a2", "a1"]), ("Beta", vec!["b1"])]
        );
        assert_eq!(found[0].latest().scores.overall(), Some(4.0));
        // Pending: open or in progress, in the latest plan (a2's; a3 has none).
        assert_eq!(found[0].pending().len(), 2);
        assert_eq!(found[1].pending().len(), 1);
    }

    #[test]
    fn overdue_counts_pending_actions_of_each_latest_plan_due_before_today() {
        let h = history();
        let alpha = &partnerships(&h)[0];
        // a1's open action, due 1 February, was taken over by a2's plan.
        assert_eq!(alpha.overdue(day("2027-02-02")), None);
        assert_eq!(
            alpha.overdue(day("2027-03-02")),
            Some(Overdue {
                count: 1,
                since: day("2027-03-01")
            })
        );
        assert_eq!(
            all_overdue(&h, day("2027-06-01")),
            Some(Overdue {
                count: 2,
                since: day("2027-03-01")
            })
        );
        // Done, it is no longer due.
        let mut h = h;
        h.update_plan("a2", |p| p.change(0, Change::Status(Status::Done), 2));
        assert_eq!(
            all_overdue(&h, day("2027-06-01")),
            Some(Overdue {
                count: 1,
                since: day("2027-04-01")
            })
        );
    }

    #[test]
    fn a_new_check_follows_up_the_latest_earlier_plan_of_its_partnership() {
        let h = history();
        let id = |a: Option<&Assessment>| a.map(|a| a.id.clone());
        assert_eq!(id(plan_to_follow(&h, "Alpha", None)), Some("a2".into()));
        assert_eq!(
            id(plan_to_follow(&h, "alpha", Some("a3"))),
            Some("a2".into())
        );
        assert_eq!(
            id(plan_to_follow(&h, "alpha", Some("a2"))),
            Some("a1".into())
        );
        assert_eq!(id(plan_to_follow(&h, "alpha", Some("a1"))), None);
        assert_eq!(id(plan_to_follow(&h, "Beta", None)), Some("b1".into()));
        assert_eq!(id(plan_to_follow(&h, "Beta", Some("b1"))), None);
        assert_eq!(id(plan_to_follow(&h, "Gamma", None)), None);
    }

    #[test]
    fn a_trend_runs_oldest_first_through_own_checks() {
        let h = history();
        let found = partnerships(&h);
        let points = found[0].trend("trust");
        let series: Vec<(&str, Option<f64>, Option<f64>)> = points
            .iter()
            .map(|p| (p.check.id.as_str(), p.overall, p.dimension))
            .collect();
        assert_eq!(
            series,
            [
                ("a1", Some(2.0), Some(2.0)),
                ("a2", Some(3.0), Some(3.0)),
                ("a3", Some(4.0), Some(4.0))
            ]
        );
        assert_eq!(found[0].trend("nope")[0].dimension, None);
        assert_eq!(found[1].trend("trust").len(), 1);
    }
}
