//! Each decoder's case: an input made for it, decoded, and its result checked.

use crate::corpus::Corpus;
use crate::generators::{gen_code, gen_json, gen_list, Pools, Rng};
use crate::{report_failure, set_input, variant, Outcome};
use rapport_core::code;
use rapport_core::exchange;
use rapport_core::language::{self, Arg, Pack};
use rapport_core::store;
use rapport_core::History;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::AtomicU64;

/// One input: generate it, decode it, check the result. Returns the input's length.
pub(crate) type Case<'a> = dyn Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + 'a;

fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    panic::catch_unwind(AssertUnwindSafe(f)).ok()
}

pub(crate) fn code_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    move |rng, shown| {
        let input = gen_code(rng, c);
        set_input(&input);
        let known = &c.known;
        let outcome = guarded(|| match code::decode(&input, known) {
            Ok(decoded) => {
                let again = code::encode(decoded.instrument, &decoded.answers, &decoded.name);
                match code::decode(&again, known) {
                    Ok(back) if back == decoded => Outcome::Ok,
                    other => {
                        let detail = format!(
                            "decoded name {:?}; re-encoded as {again:?}, which decodes to {}",
                            decoded.name,
                            match &other {
                                Ok(back) if back.answers == decoded.answers =>
                                    format!("the same answers but name {:?}", back.name),
                                Ok(_) => "different answers".to_owned(),
                                Err(e) => format!("{e:?}"),
                            }
                        );
                        report_failure("code::decode", shown, &input, &detail);
                        Outcome::CheckFailed
                    }
                }
            }
            Err(e) => Outcome::Err(variant(&format!("{e:?}"))),
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

pub(crate) fn list_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    move |rng, shown| {
        let input = gen_list(rng, c);
        set_input(&input);
        let known = &c.known;
        let outcome = guarded(|| {
            let list = code::read_list(&input, known);
            let lines = input.lines().filter(|l| !l.trim().is_empty()).count();
            let read = list.found.len() + list.problems.len();
            let over = input.len() > code::MAX_LIST_BYTES;
            let fault = if list.too_large != over {
                Some(format!(
                    "too_large is {} for {} bytes",
                    list.too_large,
                    input.len()
                ))
            } else if over && read > 0 {
                Some(format!("over the limit, yet {read} codes and problems"))
            } else if !over && read < lines {
                Some(format!(
                    "{lines} non-empty lines, only {read} codes and problems"
                ))
            } else {
                list.found.iter().find_map(|f| {
                    let d = &f.decoded;
                    let again = code::encode(d.instrument, &d.answers, &d.name);
                    match code::decode(&again, known) {
                        Ok(back) if back.answers == d.answers && back.name == d.name => None,
                        other => Some(format!(
                            "line {} read as {d:?}; re-encoded as {again:?} it reads {other:?}",
                            f.line
                        )),
                    }
                })
            };
            match fault {
                None if list.too_large => Outcome::Err("TooLarge".to_owned()),
                None if list.found.is_empty() => Outcome::Err("NoCodes".to_owned()),
                None => Outcome::Ok,
                Some(detail) => {
                    report_failure("code::read_list", shown, &input, &detail);
                    Outcome::CheckFailed
                }
            }
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

pub(crate) fn import_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let empty = History::default();
    let pools = Pools {
        primary: &c.exports,
        secondary: &c.drafts,
    };
    move |rng, shown| {
        let into = if rng.one_in(5) {
            rng.pick(&c.bases)
        } else {
            &empty
        };
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let outcome = guarded(|| match exchange::import(into, &input, &c.instrument) {
            Ok((history, imported)) => {
                let before = into.assessments().len();
                let after = history.assessments().len();
                if after == before + imported.added && (before > 0 || imported.already == 0) {
                    Outcome::Ok
                } else {
                    let detail = format!(
                        "{imported:?} but the history went from {before} to {after} checks"
                    );
                    report_failure("exchange::import", shown, &input, &detail);
                    Outcome::CheckFailed
                }
            }
            Err(e) => Outcome::Err(variant(&format!("{e:?}"))),
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

pub(crate) fn history_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let pools = Pools {
        primary: &c.exports,
        secondary: &c.drafts,
    };
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let i = &c.instrument;
        let outcome = guarded(|| match store::decode_history(&input, i) {
            Ok(history) => match store::decode_history(&store::encode(&history), i) {
                Ok(back) if back == history => Outcome::Ok,
                other => {
                    let detail = format!("read {history:?}; encoded again it reads {other:?}");
                    report_failure("store::decode_history", shown, &input, &detail);
                    Outcome::CheckFailed
                }
            },
            Err(e) => Outcome::Err(variant(&format!("{e:?}"))),
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

pub(crate) fn draft_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let pools = Pools {
        primary: &c.drafts,
        secondary: &c.exports,
    };
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let i = &c.instrument;
        let outcome = guarded(|| match store::decode_draft(&input, i) {
            Ok(draft) => match store::decode_draft(&store::encode(&draft), i) {
                Ok(back) if back == draft => Outcome::Ok,
                other => {
                    let detail = format!("read {draft:?}; encoded again it reads {other:?}");
                    report_failure("store::decode_draft", shown, &input, &detail);
                    Outcome::CheckFailed
                }
            },
            Err(e) => Outcome::Err(variant(&format!("{e:?}"))),
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

pub(crate) fn pack_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let names: Vec<&str> = c.messages.iter().map(String::as_str).collect();
    let ids: Vec<&str> = c.instrument.statements().map(|s| s.id.as_str()).collect();
    let pools = Pools {
        primary: &c.packs,
        secondary: &c.exports,
    };
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let outcome = guarded(|| {
            let pack = match Pack::read(&input) {
                Ok(pack) => pack,
                Err(_) => return Outcome::Err("NotJson".to_owned()),
            };
            let instrument = match pack.partnership_health() {
                Ok(instrument) => instrument,
                Err(e) => return Outcome::Err(variant(&format!("Instrument{e:?}"))),
            };
            if names.iter().any(|name| pack.message(name).is_none()) {
                return Outcome::Err("MissingMessage".to_owned());
            }
            let args = [
                ("count", Arg::Count(rng.below(200) as usize)),
                ("date", Arg::Text("d")),
            ];
            let words = &pack.number_words;
            for name in &names {
                let Some(message) = pack.message(name) else {
                    continue;
                };
                for category in ["zero", "one", "two", "few", "many", "other", "?"] {
                    let _ =
                        language::fill(message.form(category), &args, &|n| n.to_string(), words);
                }
            }
            let found: Vec<&str> = instrument.statements().map(|s| s.id.as_str()).collect();
            if found == ids {
                Outcome::Ok
            } else {
                let detail = format!("the questionnaire came out with statements {found:?}");
                report_failure("language::Pack", shown, &input, &detail);
                Outcome::CheckFailed
            }
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}
