//! Test data shared by this crate's tests and the app's browser tests (feature
//! `fixtures`), so that no two test modules keep their own copies.

use crate::answers::{Answers, Response};
use crate::assessment::{Assessment, Draft};
use crate::instrument::{Instrument, Instruments};
use crate::language::Pack;
use crate::plan::{Change, Date, Plan, Status, Task, What};

/// The English language pack, as shipped.
pub const ENGLISH_PACK: &str = include_str!("../data/lang/en.json");

/// History and a draft as Rapport's schema 1 stored them (before plans): written by the
/// release build of that version in Chromium, three checks of two partnerships.
pub const SCHEMA_1_HISTORY: &str = include_str!("../data/fixtures/schema-1-history.json");
pub const SCHEMA_1_DRAFT: &str = include_str!("../data/fixtures/schema-1-draft.json");

/// What the last release of questionnaire version 1 wrote (schema 2), in Chromium, as a
/// person uses it (`data/fixtures/release-1/README.md` says how, and what it showed):
/// three checks of two partnerships, one with a plan; a draft on step 3; the downloaded
/// file; and three result codes, one with the partnership name.
pub const RELEASE_1_HISTORY: &str = include_str!("../data/fixtures/release-1/history.json");
pub const RELEASE_1_DRAFT: &str = include_str!("../data/fixtures/release-1/draft.json");
pub const RELEASE_1_EXPORT: &str = include_str!("../data/fixtures/release-1/export.json");
pub const RELEASE_1_CODES: &str = include_str!("../data/fixtures/release-1/codes.txt");

/// The English pack, read.
pub fn english_pack() -> Pack {
    Pack::read(ENGLISH_PACK).unwrap()
}

/// Every shipped version of the instrument, in English.
pub fn instruments() -> Instruments {
    english_pack().partnership_health().unwrap()
}

/// The instrument's first version, in English: what checks made before version 2 use.
pub fn version_1() -> Instrument {
    instruments().all()[0].clone()
}

/// The version new checks use, in English.
pub fn current() -> Instrument {
    instruments().current().clone()
}

/// Every statement answered `level` as given: reversed statements are not turned round,
/// so their dimensions do not score `level`.
pub fn uniform(instrument: &Instrument, level: u8) -> Answers {
    let response = Response::agreement(level).unwrap();
    instrument
        .statements()
        .map(|s| (s.id.clone(), response))
        .collect()
}

/// A finished check of the shipped instrument in which every dimension scores exactly
/// `level`: reversed statements are answered `6 - level`.
pub fn finished(id: &str, at: u64, name: &str, level: u8) -> Assessment {
    let i = version_1();
    let mut draft = Draft::new(&i, name.into());
    for s in i.statements() {
        let answer = if s.reversed { 6 - level } else { level };
        let response = Response::agreement(answer).unwrap();
        draft.answers.set(&s.id, response);
    }
    Assessment::finish(&i, &draft, id.into(), at)
}

/// A plan of two actions, last changed at 9: the third "Concern" recommendation for
/// trust, owned by Ana and due 1 March 2027; and one's own words for goals (with
/// characters CSV and JSON must escape), in progress, with no owner or date.
pub fn plan() -> Plan {
    let mut plan = Plan::default();
    let advice = What::Advice("concern-3".into());
    plan.add(Task::new("trust".into(), advice), 5);
    let own = What::Own("=Lunch, \"soon\"\n".into());
    plan.add(Task::new("goals".into(), own), 6);
    plan.change(0, Change::Owner("Ana".into()), 7);
    plan.change(0, Change::Due(Date::parse("2027-03-01")), 8);
    plan.change(1, Change::Status(Status::InProgress), 9);
    plan
}
