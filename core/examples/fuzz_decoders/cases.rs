//! Each decoder's case: an input made for it, decoded, and its result checked; and the
//! hostile shapes decoded once each, as fixed cases with the outcome they must have.

use crate::corpus::Corpus;
use crate::generators::{gen_code, gen_json, gen_list, Pools, Rng};
use crate::hostile::{thousands, Decoder};
use crate::{report_failure, set_input, set_position, variant, Outcome};
use rapport_core::code::{self, List};
use rapport_core::exchange::{self, ImportError};
use rapport_core::instrument_file;
use rapport_core::language::{self, Arg, Pack};
use rapport_core::store::{self, ReadError, Shape, Versioned};
use rapport_core::{History, Instruments};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

/// One input: generate it, decode it, check the result. Returns the input's length.
pub(crate) type Case<'a> = dyn Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + 'a;

/// A hostile shape that takes longer than this to decode, natively in release, fails the
/// run (they take milliseconds: this bound is generous).
const HOSTILE_BOUND: Duration = Duration::from_secs(1);
/// One in this many JSON inputs is a hostile shape at the decoder's limit, mutated (they
/// are large: about a thousand a million).
const HOSTILE_ONE_IN: u64 = 1_000;

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
        hostile: &c.hostile_histories,
        hostile_one_in: HOSTILE_ONE_IN,
    };
    move |rng, shown| {
        let into = if rng.one_in(5) {
            rng.pick(&c.bases)
        } else {
            &empty
        };
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let outcome = guarded(|| match exchange::import(into, &input, &c.instruments) {
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
        hostile: &c.hostile_histories,
        hostile_one_in: HOSTILE_ONE_IN,
    };
    stored_case(c, pools, "store::decode_history", store::decode_history)
}

pub(crate) fn draft_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let pools = Pools {
        primary: &c.drafts,
        secondary: &c.exports,
        hostile: &c.hostile_drafts,
        hostile_one_in: HOSTILE_ONE_IN,
    };
    stored_case(c, pools, "store::decode_draft", store::decode_draft)
}

/// A stored value (history or draft): what reads, encoded again, reads back the same.
fn stored_case<'a, T: Versioned + PartialEq + Debug + 'a>(
    c: &'a Corpus,
    pools: Pools<'a>,
    name: &'static str,
    decode: fn(&str, &Instruments) -> Result<T, ReadError>,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + 'a {
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let i = &c.instruments;
        let outcome = guarded(|| match decode(&input, i) {
            Ok(value) => match decode(&store::encode(&value), i) {
                Ok(back) if back == value => Outcome::Ok,
                other => {
                    let detail = format!("read {value:?}; encoded again it reads {other:?}");
                    report_failure(name, shown, &input, &detail);
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
    // A fiftieth as many inputs as the others: hostile shapes more often.
    let pools = Pools {
        primary: &c.packs,
        secondary: &c.exports,
        hostile: &c.hostile_packs,
        hostile_one_in: 20,
    };
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let outcome = guarded(|| {
            let pack = match Pack::read(&input) {
                Ok(pack) => pack,
                Err(_) => return Outcome::Err("NotJson".to_owned()),
            };
            let instruments = match pack.partnership_health() {
                Ok(instruments) => instruments,
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
            let found: Vec<&str> = instruments
                .current()
                .statements()
                .map(|s| s.id.as_str())
                .collect();
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

/// An instrument file: what reads, written out, reads back the same with the same
/// fingerprint, and taken as the built-in check's current version (as the app takes
/// its file, beside the English pack) is either refused or that check; what does not
/// read has problems, each placed inside the text.
pub(crate) fn instrument_file_case(
    c: &Corpus,
) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let english = Pack::read(include_str!("../../data/lang/en.json")).ok();
    let pools = Pools {
        primary: &c.instrument_files,
        secondary: &c.exports,
        hostile: &c.hostile_packs,
        hostile_one_in: HOSTILE_ONE_IN,
    };
    move |rng, shown| {
        let input = gen_json(rng, c, &pools);
        set_input(&input);
        let outcome = guarded(|| match instrument_file::read(&input) {
            Ok(file) => {
                let again = serde_json::to_string(&file).unwrap_or_default();
                // Refused, or the built-in check with the file's structure and words.
                let built_in = file.languages.iter().all(|tag| {
                    let Some(english) = &english else {
                        return false;
                    };
                    let current = file.instrument(tag);
                    match english.partnership_health_with(current.clone()) {
                        Ok(all) => {
                            let made = all.current();
                            made.fingerprint() == current.fingerprint()
                                && made.dimensions == current.dimensions
                                && made.code == "PH"
                        }
                        Err(_) => true,
                    }
                });
                match instrument_file::read(&again) {
                    Ok(back)
                        if back == file && back.fingerprint() == file.fingerprint() && built_in =>
                    {
                        Outcome::Ok
                    }
                    other => {
                        let detail = format!("written out again it reads {other:?}");
                        report_failure("instrument_file::read", shown, &input, &detail);
                        Outcome::CheckFailed
                    }
                }
            }
            Err(problems) => {
                // A problem is never placed after the text's last line.
                let lines = input.split('\n').count();
                let outside = problems
                    .iter()
                    .find(|p| p.at.is_some_and(|at| at.line > lines || at.column == 0));
                match (problems.first(), outside) {
                    (Some(first), None) => Outcome::Err(variant(&format!("{:?}", first.flaw))),
                    _ => {
                        let detail = format!("problems {problems:?}");
                        report_failure("instrument_file::read", shown, &input, &detail);
                        Outcome::CheckFailed
                    }
                }
            }
        });
        (input.len(), outcome.unwrap_or(Outcome::Panic))
    }
}

/// What a decoder made of an input, as `hostile::Shape::expect` words it.
fn outcome(decoder: Decoder, input: &str, c: &Corpus) -> String {
    let i = &c.instruments;
    match decoder {
        Decoder::Import => match exchange::import(&History::default(), input, i) {
            Ok((_, imported)) => format!("Ok({} added)", imported.added),
            Err(ImportError::Unreadable(e)) => format!("Unreadable({})", read_kind(&e)),
            Err(e) => variant(&format!("{e:?}")),
        },
        Decoder::History => match store::decode_history(input, i) {
            Ok(history) => format!("Ok({} checks)", history.assessments().len()),
            Err(e) => read_kind(&e),
        },
        Decoder::Draft => match store::decode_draft(input, i) {
            Ok(_) => "Ok".to_owned(),
            Err(e) => read_kind(&e),
        },
        Decoder::List => list_kind(&code::read_list(input, &c.known)),
        Decoder::Pack => match Pack::read(input).map(|pack| pack.partnership_health()) {
            Err(_) => "Unreadable".to_owned(),
            Ok(Err(e)) => format!("Instrument({})", variant(&format!("{e:?}"))),
            Ok(Ok(_)) => "Ok".to_owned(),
        },
    }
}

fn read_kind(e: &ReadError) -> String {
    match e {
        ReadError::NotJson(_) => "NotJson".to_owned(),
        ReadError::NoSchema => "NoSchema".to_owned(),
        ReadError::UnknownSchema(n) => format!("UnknownSchema({n})"),
        ReadError::WrongShape(Shape::At(_)) => "WrongShape(At)".to_owned(),
        ReadError::WrongShape(Shape::Draft(misfit)) => {
            format!("WrongShape(Draft({}))", variant(&format!("{misfit:?}")))
        }
        ReadError::WrongShape(shape) => format!("WrongShape({})", variant(&format!("{shape:?}"))),
    }
}

/// `1 problem: TooLong`, `25000 problems: Incomplete`, `2 found, 1 problem: Mismatch`.
fn list_kind(list: &List) -> String {
    if list.too_large {
        return "TooLarge".to_owned();
    }
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for p in &list.problems {
        *kinds.entry(variant(&format!("{:?}", p.error))).or_default() += 1;
    }
    let found = match list.found.len() {
        0 => String::new(),
        n => format!("{n} found, "),
    };
    let n = list.problems.len();
    let kinds: Vec<&str> = kinds.keys().map(String::as_str).collect();
    let s = if n == 1 { "" } else { "s" };
    format!("{found}{n} problem{s}: {}", kinds.join(", "))
}

/// Decodes every hostile shape once with each decoder it is meant for, and prints how
/// long each took. False if any outcome is not the one expected, or took too long.
pub(crate) fn hostile(c: &Corpus) -> bool {
    println!(
        "\nhostile inputs, each decoded once (fails if not refused as expected, or over {} s):",
        HOSTILE_BOUND.as_secs()
    );
    println!(
        "  {:<22} {:<58} {:>9} {:>10}  outcome",
        "decoder", "shape", "bytes", "time"
    );
    let mut held = true;
    let decoders = [
        Decoder::Import,
        Decoder::History,
        Decoder::Draft,
        Decoder::List,
        Decoder::Pack,
    ];
    for decoder in decoders {
        for shape in &c.hostile {
            for (_, expected) in shape.expect.iter().filter(|(d, _)| *d == decoder) {
                set_position(decoder.name(), 0, 0);
                set_input(&shape.text);
                let started = Instant::now();
                let got = guarded(|| outcome(decoder, &shape.text, c));
                let took = started.elapsed();
                let got = got.unwrap_or_else(|| "panic".to_owned());
                let fine = got == *expected && took <= HOSTILE_BOUND;
                held &= fine;
                println!(
                    "  {:<22} {:<58} {:>9} {:>7.2} ms  {got}{}",
                    decoder.name(),
                    shape.name,
                    thousands(shape.text.len()),
                    took.as_secs_f64() * 1e3,
                    if fine {
                        String::new()
                    } else {
                        format!("   FAILED: expected {expected} within {HOSTILE_BOUND:?}")
                    }
                );
            }
        }
    }
    held
}
