//! An action plan: what the partners will do after a check, who does it and by when, and
//! how it went by the next check. The articles behind Rapport put milestones,
//! accountability and regular evaluation at the heart of a partnership; a plan is that,
//! kept with the check it came from. Dates are calendar days, as a date input gives them.

use crate::instrument::Instrument;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A plan holds at most this many actions: a few that happen beat many that do not.
pub const MAX_ACTIONS: usize = 3;
/// The longest action written in one's own words, in characters.
pub const MAX_WHAT_CHARS: usize = 280;
/// The longest owner, in characters.
pub const MAX_OWNER_CHARS: usize = 80;
/// The first and last due dates a plan takes: the last leaves room for the day after it,
/// where a calendar's all-day event ends.
pub const DUE_FIRST: &str = "2000-01-01";
pub const DUE_LAST: &str = "9999-12-30";

/// A calendar day, counted in days from 1970-01-01 (negative before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

impl Date {
    pub fn from_days(days: i64) -> Date {
        Date(days)
    }

    pub fn days(self) -> i64 {
        self.0
    }

    /// The UTC calendar day of a moment, in milliseconds since the Unix epoch.
    pub fn of_ms(ms: u64) -> Date {
        Date((ms / 86_400_000) as i64)
    }

    /// Year 1 to 9999, month 1–12, a day that month has.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days-from-civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i64, u32, u32) {
        // Howard Hinnant's civil-from-days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(month <= 2), month, day)
    }

    /// `YYYY-MM-DD`, as a date input's value is written; nothing else.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = bytes.get(range)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        Date::from_ymd(year, month as u32, day as u32)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// A due date as a date input gives it, within [`DUE_FIRST`] and [`DUE_LAST`]: the
    /// digits of a year being typed (0002, 0020, 0202) are no date yet.
    pub fn due(text: &str) -> Option<Date> {
        Date::parse(text)
            .filter(|d| (Date::parse(DUE_FIRST)..=Date::parse(DUE_LAST)).contains(&Some(*d)))
    }

    pub fn next_day(self) -> Date {
        Date(self.0 + 1)
    }

    /// The same day `months` later; the month's last day when it is shorter (31 January
    /// and one month give 28 or 29 February).
    pub fn add_months(self, months: u32) -> Date {
        let (y, m, d) = self.ymd();
        let index = y * 12 + i64::from(m - 1) + i64::from(months);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        if year > 9999 {
            return Date::parse(DUE_LAST).unwrap_or(self);
        }
        Date::from_ymd(year, month, d.min(days_in_month(year, month))).unwrap_or(self)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How an action stands. It is open until the next check follows it up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// Still to be done: open or in progress.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }

    /// Its id, as stored (serde's name for it) and as a form's value.
    pub fn id(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

/// What an action is: one of the instrument's recommendations, kept by its id (unique
/// within the dimension) so it reads in whatever language the plan is shown in, or the
/// person's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A recommendation's id: `concern-1` (version 1 numbered the band's advice), or any
    /// id the instrument gives its advice.
    Advice(String),
    Own(String),
}

/// One thing the partners will do after a check (an "action" to the person), linked to
/// the dimension it should move.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredTask", into = "StoredTask")]
pub struct Task {
    pub dimension: String,
    pub what: What,
    pub owner: String,
    pub due: Option<Date>,
    pub status: Status,
}

impl Task {
    pub fn new(dimension: String, what: What) -> Task {
        Task {
            dimension,
            what,
            owner: String::new(),
            due: None,
            status: Status::Open,
        }
    }

    /// Its words in `instrument`'s language; `None` if it names a recommendation or a
    /// dimension the instrument does not have.
    pub fn text<'a>(&'a self, instrument: &'a Instrument) -> Option<&'a str> {
        let d = instrument.dimension(&self.dimension)?;
        match &self.what {
            What::Own(text) => Some(text),
            What::Advice(id) => d.recommendation(id).map(|r| r.text.as_str()),
        }
    }

    /// Due before `today` and still to be done.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_pending() && self.due.is_some_and(|due| due < today)
    }
}

/// A task as stored: what it is, as a recommendation's id (`advice`) or one's own words
/// (`text`), never both; a due date as a date input gives it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredTask {
    dimension: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    advice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    owner: String,
    due: Option<String>,
    status: Status,
}

/// Why a stored task is not one: the value that is not (its text is never shown, only
/// where it stands in the stored text).
#[derive(Debug)]
pub struct NotATask(String);

impl fmt::Display for NotATask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<StoredTask> for Task {
    type Error = NotATask;

    fn try_from(stored: StoredTask) -> Result<Task, NotATask> {
        let what = match (stored.advice, stored.text) {
            (Some(id), None) if !id.is_empty() => What::Advice(id),
            (None, Some(text)) => What::Own(text),
            // Neither or both.
            (advice, text) => return Err(NotATask(advice.or(text).unwrap_or_default())),
        };
        let due = match stored.due {
            Some(due) => Some(Date::due(&due).ok_or(NotATask(due))?),
            None => None,
        };
        Ok(Task {
            dimension: stored.dimension,
            what,
            owner: stored.owner,
            due,
            status: stored.status,
        })
    }
}

impl From<Task> for StoredTask {
    fn from(task: Task) -> StoredTask {
        let (advice, text) = match task.what {
            What::Advice(id) => (Some(id), None),
            What::Own(text) => (None, Some(text)),
        };
        StoredTask {
            dimension: task.dimension,
            advice,
            text,
            owner: task.owner,
            due: task.due.map(Date::iso),
            status: task.status,
        }
    }
}

/// A change to one action of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Owner(String),
    Due(Option<Date>),
    /// New own words (an action picked from the recommendations becomes the person's own).
    Words(String),
    Dimension(String),
    Status(Status),
}

/// The actions agreed after a check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// When it last changed (milliseconds since the Unix epoch): of two tabs' copies of a
    /// check, the later plan is kept.
    pub changed_at: u64,
    pub actions: Vec<Task>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    /// Never touched: not written with its check.
    pub fn is_untouched(&self) -> bool {
        *self == Plan::default()
    }

    pub fn is_full(&self) -> bool {
        self.actions.len() >= MAX_ACTIONS
    }

    /// Whether this recommendation is already in the plan.
    pub fn has(&self, dimension: &str, what: &What) -> bool {
        self.actions
            .iter()
            .any(|a| a.dimension == dimension && a.what == *what)
    }

    /// Adds `action` unless the plan is full or already has that recommendation.
    pub fn add(&mut self, action: Task, at: u64) -> bool {
        let repeated =
            matches!(action.what, What::Advice(_)) && self.has(&action.dimension, &action.what);
        if self.is_full() || repeated {
            return false;
        }
        self.actions.push(action);
        self.touch(at);
        true
    }

    pub fn remove(&mut self, index: usize, at: u64) -> bool {
        if index >= self.actions.len() {
            return false;
        }
        self.actions.remove(index);
        self.touch(at);
        true
    }

    /// Applies `change` to the action at `index`; text is cut to its limit. False when
    /// there is no such action or nothing changed.
    pub fn change(&mut self, index: usize, change: Change, at: u64) -> bool {
        let Some(action) = self.actions.get_mut(index) else {
            return false;
        };
        let before = action.clone();
        match change {
            Change::Owner(owner) => action.owner = cut(owner, MAX_OWNER_CHARS),
            Change::Due(due) => action.due = due,
            Change::Words(words) => action.what = What::Own(cut(words, MAX_WHAT_CHARS)),
            Change::Dimension(dimension) => action.dimension = dimension,
            Change::Status(status) => action.status = status,
        }
        if *action == before {
            return false;
        }
        self.touch(at);
        true
    }

    /// Records a change made at `at`, always later than the one before: a copy stamped by
    /// a clock running ahead (another device's, say) must not win every merge after it.
    fn touch(&mut self, at: u64) {
        self.changed_at = at.max(self.changed_at.saturating_add(1));
    }

    /// Whether every action names a dimension of `instrument` and, if picked from its
    /// recommendations, one it has.
    pub fn fits(&self, instrument: &Instrument) -> bool {
        self.actions.len() <= MAX_ACTIONS
            && self.actions.iter().all(|a| a.text(instrument).is_some())
    }
}

fn cut(text: String, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::version_1;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn dates_read_and_write_as_a_date_input_does() {
        assert_eq!(day("1970-01-01").days(), 0);
        assert_eq!(day("2000-02-29").iso(), "2000-02-29");
        assert_eq!(day("2026-11-23"), Date::of_ms(1_795_392_000_000));
        for bad in [
            "",
            "2026-2-01",
            "2026-02-30",
            "2025-02-29",
            "1900-02-29",
            "2026-13-01",
            "0000-01-01",
            "2026/01/01",
            "+026-01-01",
            "2026-01-011",
            "２０２６-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        // Every day of four centuries reads back as written.
        let (first, last) = (day("1900-01-01").days(), day("2300-12-31").days());
        for n in first..=last {
            let d = Date::from_days(n);
            assert_eq!(Date::parse(&d.iso()), Some(d));
        }
    }

    /// The calendar arithmetic agrees with the `time` crate's on every day from year 1 to
    /// 9999 (`time` is the oracle only: it reads years and signs a date input never
    /// writes, and has no month arithmetic, see ARCHITECTURE.md).
    #[test]
    fn every_day_agrees_with_the_time_crate() {
        let epoch = time::macros::date!(1970 - 01 - 01).to_julian_day();
        let (first, last) = (day("0001-01-01").days(), day("9999-12-31").days());
        for n in first..=last {
            let ours = Date::from_days(n);
            let theirs = time::Date::from_julian_day(epoch + n as i32).unwrap();
            let (y, m, d) = theirs.to_calendar_date();
            assert_eq!(
                ours.ymd(),
                (i64::from(y), u32::from(u8::from(m)), u32::from(d))
            );
        }
    }

    #[test]
    fn due_dates_are_whole_dates_in_range() {
        assert_eq!(Date::due("2027-03-01"), Date::parse("2027-03-01"));
        for early in [
            "0002-03-01",
            "0027-03-01",
            "1999-12-31",
            "9999-12-31",
            "2027-3-1",
        ] {
            assert_eq!(Date::due(early), None, "{early}");
        }
        assert_eq!(
            Date::due(DUE_FIRST).map(Date::iso).as_deref(),
            Some(DUE_FIRST)
        );
        assert_eq!(
            Date::due(DUE_LAST).map(Date::iso).as_deref(),
            Some(DUE_LAST)
        );
    }

    #[test]
    fn a_change_is_always_stamped_after_the_one_before() {
        let mut plan = Plan::default();
        plan.add(
            Task::new("trust".into(), What::Own("x".into())),
            4_000_000_000_000,
        );
        // This device's clock is behind the one that stamped the plan.
        assert!(plan.change(0, Change::Owner("Bo".into()), 1_800_000_000_000));
        assert_eq!(plan.changed_at, 4_000_000_000_001);
        assert!(plan.remove(0, 5));
        assert_eq!(plan.changed_at, 4_000_000_000_002);
    }

    #[test]
    fn months_are_added_as_a_calendar_does() {
        assert_eq!(day("2026-01-31").add_months(1), day("2026-02-28"));
        assert_eq!(day("2028-01-31").add_months(1), day("2028-02-29"));
        assert_eq!(day("2026-11-23").add_months(3), day("2027-02-23"));
        assert_eq!(day("2026-08-31").add_months(6), day("2027-02-28"));
        assert_eq!(day("2026-12-15").add_months(12), day("2027-12-15"));
        assert_eq!(day("9999-12-15").add_months(1), day(DUE_LAST));
    }

    #[test]
    fn an_action_is_overdue_only_while_it_is_pending() {
        let today = day("2027-03-02");
        let mut a = Task::new("trust".into(), What::Own("Call".into()));
        assert!(!a.is_overdue(today), "no due date");
        a.due = Some(day("2027-03-02"));
        assert!(!a.is_overdue(today), "due today");
        a.due = Some(day("2027-03-01"));
        assert!(a.is_overdue(today));
        a.status = Status::InProgress;
        assert!(a.is_overdue(today));
        for status in [Status::Done, Status::Dropped] {
            a.status = status;
            assert!(!a.is_overdue(today), "{status:?}");
        }
    }

    #[test]
    fn a_plan_holds_three_different_actions_and_records_when_it_changed() {
        let mut plan = Plan::default();
        let advice = |id: &str| What::Advice(id.into());
        assert!(plan.add(Task::new("trust".into(), advice("concern-1")), 10));
        assert!(
            !plan.add(Task::new("trust".into(), advice("concern-1")), 11),
            "twice"
        );
        // Two own actions may start out the same: each gets its words next.
        assert!(plan.add(Task::new("trust".into(), What::Own(String::new())), 12));
        assert!(plan.add(Task::new("trust".into(), What::Own(String::new())), 13));
        assert!(
            !plan.add(Task::new("goals".into(), advice("concern-1")), 14),
            "full"
        );
        assert_eq!((plan.actions.len(), plan.changed_at), (3, 13));

        assert!(plan.change(0, Change::Owner("Ana".into()), 20));
        assert!(!plan.change(0, Change::Owner("Ana".into()), 21), "same");
        assert!(
            !plan.change(5, Change::Status(Status::Done), 22),
            "no such action"
        );
        assert_eq!(plan.changed_at, 20);
        assert!(plan.change(1, Change::Words("x".repeat(300)), 23));
        assert_eq!(plan.actions[1].what, What::Own("x".repeat(MAX_WHAT_CHARS)));
        assert!(plan.change(2, Change::Owner("é".repeat(100)), 24));
        assert_eq!(plan.actions[2].owner.chars().count(), MAX_OWNER_CHARS);
        assert!(plan.change(2, Change::Status(Status::Done), 25));
        assert!(plan.remove(0, 26));
        assert_eq!(plan.actions.len(), 2);
        assert!(!plan.remove(2, 27));
        assert_eq!(plan.changed_at, 26);
    }

    #[test]
    fn actions_read_in_the_instruments_language_and_unknown_ones_do_not_fit() {
        let i = version_1();
        let picked = Task::new("purpose".into(), What::Advice("discuss-2".into()));
        assert_eq!(
            picked.text(&i),
            Some(
                "Link each current joint activity to the shared purpose, and question any \
                 activity that cannot be linked."
            )
        );
        let mut plan = Plan::default();
        plan.add(picked, 1);
        assert!(plan.fits(&i));
        let missing = What::Advice("concern-9".into());
        plan.add(Task::new("purpose".into(), missing), 2);
        assert!(!plan.fits(&i));
        let mut plan = Plan::default();
        plan.add(Task::new("nope".into(), What::Own("x".into())), 1);
        assert!(!plan.fits(&i));
    }

    #[test]
    fn a_status_is_stored_by_its_id() {
        for status in Status::ALL {
            let stored = serde_json::to_string(&status).unwrap();
            assert_eq!(stored, format!("\"{}\"", status.id()));
            assert_eq!(serde_json::from_str::<Status>(&stored).unwrap(), status);
        }
        assert!(serde_json::from_str::<Status>("\"later\"").is_err());
    }

    #[test]
    fn a_task_is_stored_with_its_recommendation_id_or_its_own_words() {
        let stored =
            r#"{"dimension":"trust","advice":"concern-3","owner":"","due":null,"status":"open"}"#;
        let task: Task = serde_json::from_str(stored).unwrap();
        assert_eq!(task.what, What::Advice("concern-3".into()));
        assert_eq!(serde_json::to_string(&task).unwrap(), stored);
        for bad in [
            r#"{"dimension":"trust","advice":"","owner":"","due":null,"status":"open"}"#,
            r#"{"dimension":"trust","advice":"a","text":"b","owner":"","due":null,"status":"open"}"#,
            r#"{"dimension":"trust","owner":"","due":null,"status":"open"}"#,
        ] {
            assert!(serde_json::from_str::<Task>(bad).is_err(), "{bad}");
        }
    }
}
