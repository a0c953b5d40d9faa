//! Test data shared by this crate's tests and the app's browser tests (feature
//! `fixtures`), so that no two test modules keep their own copies.

use crate::answers::{Answers, Response};
use crate::instrument::Instrument;
use crate::language::Pack;
use crate::store::{Assessment, Draft};

/// The English language pack, as shipped.
pub const ENGLISH_PACK: &str = include_str!("../data/lang/en.json");

/// The English pack, read.
pub fn english_pack() -> Pack {
    Pack::read(ENGLISH_PACK).unwrap()
}

/// The shipped instrument, in English.
pub fn instrument() -> Instrument {
    english_pack().partnership_health().unwrap()
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
    let i = instrument();
    let mut draft = Draft::new(&i, name.into());
    for s in i.statements() {
        let answer = if s.reversed { 6 - level } else { level };
        let response = Response::agreement(answer).unwrap();
        draft.answers.set(&s.id, response);
    }
    Assessment::finish(&i, &draft, id.into(), at)
}
