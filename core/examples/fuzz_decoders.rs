//! A dependency-free fuzz harness for the core's decoders: everything that reads text a
//! person pasted, a file they chose or whatever browser storage holds must never panic.
//!
//! ```text
//! cargo run --release -p rapport-core --example fuzz_decoders -- [N] [SEED]
//! ```
//!
//! `N` (default 1,000,000) is the number of inputs for each decoder (a fiftieth of it for
//! language packs, which are large), `SEED` (decimal or
//! `0x` hex) makes a run repeatable. Inputs are fully random text, and mutations of valid
//! seeds (result codes, JSON exports with action plans, schema-1 history, stored drafts):
//! byte flips, inserts, deletes, duplicated and swapped ranges, truncation, splices of
//! two seeds, numbers replaced with huge, negative and fractional values, JSON tokens
//! inserted, string contents replaced,
//! segments repeated until the input is large (a few over 100 KB and over 1 MB, to reach
//! the size limits). For result codes some inputs also get a correct check recomputed
//! (the check is part of the public format), so the steps after the check are reached;
//! the check and base64url come from the core itself, so they can never drift from it.
//! Pasted lists are lines of such codes, links carrying several and other text.
//!
//! Besides "no panic", results are checked:
//! - `code::decode`: an `Ok` re-encodes to a code that decodes to the same value (with
//!   two known instruments, so codes are read with the instrument they name);
//! - `code::read_list`: unless the input is over the limit (then nothing is read), every
//!   non-empty line gives at least one code or problem, and every code found re-encodes
//!   to a code that decodes to the same answers and name;
//! - `exchange::import`: `imported.added` is exactly how many checks the history gained
//!   (all of them when importing into an empty history), `already` is 0 into an empty one;
//! - `store::decode_history` / `store::decode_draft`: an `Ok` value, encoded again, reads
//!   back as the same value;
//! - `language::Pack` (the app's pack loader: read, questionnaire, messages): mutated
//!   shipped packs either fail, so the app falls back to English, or give a questionnaire
//!   with the shipped structure and every message the English pack has, each of which
//!   fills without panicking.
//!
//! A panic is reported by the panic hook (decoder, seed, chunk and input number, message,
//! the input escaped and cut to 500 characters, and the full input saved to a temporary
//! file). With `panic = "abort"` (this workspace's release profile) the run stops there
//! with status 1; with unwinding it goes on and exits with status 1 at the end. Failed
//! checks are counted, the first few printed, and also make the exit status 1.
//!
//! The work of each decoder is cut into fixed chunks with their own generator seeded from
//! `SEED`, so a run gives the same inputs whatever the number of threads.

// An example sees every dependency of the core; it uses none but the core itself.
#![allow(unused_crate_dependencies)]

use rapport_core::code;
use rapport_core::exchange;
use rapport_core::language::{self, Arg, Pack};
use rapport_core::plan::{Action, Date, Plan, Status, What};
use rapport_core::store::{self, Assessment, Draft, History};
use rapport_core::{Answers, Band, Instrument, Response};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const DEFAULT_N: u64 = 1_000_000;
const DEFAULT_SEED: u64 = 0x5241_5050_4f52_5431;
/// Chunks per decoder: each has its own generator, handed to whichever thread is free.
const MAX_CHUNKS: u64 = 512;
/// Most generated inputs stay below this size.
const SMALL_CAP: usize = 4096;
/// Panics and failed checks printed in full (per decoder for failed checks).
const MAX_SHOWN: u64 = 5;

// ---------------------------------------------------------------------------------------
// Random numbers: xorshift64* seeded through splitmix64.

struct Rng(u64);

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut s = seed;
        let state = splitmix64(&mut s);
        Rng(if state == 0 {
            0x2545_F491_4F6C_DD1D
        } else {
            state
        })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`; `n` must not be 0.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `0..n`; `n` must not be 0.
    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    fn range(&mut self, from: usize, to_inclusive: usize) -> usize {
        from + self.index(to_inclusive - from + 1)
    }

    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// Small numbers much more often than large ones: 1 + a geometric count.
    fn small_count(&mut self, max: usize) -> usize {
        let mut n = 1;
        while n < max && self.one_in(2) {
            n += 1;
        }
        n
    }
}

// ---------------------------------------------------------------------------------------
// Dictionaries for mutations.

const CODE_ALPHABET: &[u8] = code::ALPHABET;

const CODE_TOKENS: &[&str] = &[
    ".",
    ".",
    "#",
    " ",
    "\n",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{3000}",
    "RP",
    "RP1",
    "RP2",
    "RP0",
    "RP99999999999999999999",
    "PH1",
    "PH2",
    "PH",
    "RP1.PH1.",
    "https://example.org/rapport/#",
    "#RP1",
    "..",
    "A",
    "_",
    "-",
    "w",
    "==",
    "=",
    "é",
    "🤝",
    "\u{0}",
    "\u{feff}",
    "ａ",
];

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "null",
    "1e999",
    "-1",
    "\\u0000",
    ",",
    ":",
    "true",
    "false",
    "\"\"",
    "{}",
    "[]",
    "0",
    "-0",
    "1.5",
    "\\",
    "\\ud800",
    "\"\\ud800\"",
    "\"schema\":1,",
    "\"schema\":2,",
    "\"schema\":3,",
    ",\"plan\":{\"changed_at\":1,\"actions\":[]}",
    "{\"dimension\":\"trust\",\"advice\":\"concern-1\",\"owner\":\"\",\"due\":null,\"status\":\"open\"}",
    "\"due\":\"2027-02-30\"",
    "\"due\":\"0000-01-01\"",
    "\"advice\":\"concern-0\"",
    "\"status\":\"in-progress\"",
    "\"schema\":null,",
    "\"data\":",
    ",\"x\":1",
    ",\"step\":null",
    "\"answers\":{\"trust-1\":9}",
    "\"answers\":{\"nope-1\":0}",
    ",\"deleted\":[\"a\"]",
    "\"step\":18446744073709551615",
    "\"step\":-1",
    "{\"dimension\":\"trust\",\"total\":4294967295,\"scored\":858993460}",
    "\u{feff}",
    " ",
    "\n",
    "/*",
    "NaN",
    "Infinity",
    "'",
    "[[[[[[[[[[[[[[[[",
    "]]]]]]]]]]]]]]]]",
    "{\"a\":{\"a\":{\"a\":{\"a\":",
];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "-0",
    "2",
    "5",
    "6",
    "7",
    "8",
    "255",
    "256",
    "65536",
    "858993459",
    "858993460",
    "1000000000",
    "2147483648",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-18446744073709551616",
    "99999999999999999999999999999999999999",
    "1e999",
    "-1e999",
    "1e-999",
    "1e2",
    "1E+2",
    "1.5",
    "0.0",
    "4.0",
    "-0.5",
    "00",
    "01",
    "0x10",
    "NaN",
    "-",
    "1.",
    ".5",
    "+1",
];

const JSON_STRINGS: &[&str] = &[
    "",
    "partnership-health",
    "partnership-health ",
    "PARTNERSHIP-HEALTH",
    "other-instrument",
    "nope-1",
    "trust",
    "schema",
    "data",
    "assessments",
    "deleted",
    "id",
    "finished_at",
    "name",
    "instrument_id",
    "instrument_version",
    "answers",
    "scores",
    "dimensions",
    "dimension",
    "plan",
    "actions",
    "advice",
    "owner",
    "due",
    "status",
    "changed_at",
    "discuss-2",
    "in-progress",
    "9999-12-31",
    "total",
    "scored",
    "step",
    "a",
    "é",
    "🤝🏽",
    "日本語",
    "\\u0000",
    "\\ud800",
    "\\udc00\\ud800",
    "\\ud83e\\udd1d",
    "\\u00e9",
    "\\\\",
    "\\\"",
    "\\n\\t\\r\\b\\f\\/",
    "\\x41",
    "\\u12",
    "\u{202e}",
    "\u{feff}",
];

const NAME_PIECES: &[&str] = &[
    "Acme & Co",
    "River Trust",
    "  padded  ",
    " ",
    "Ünïcødé GmbH",
    "日本語のパートナー",
    "🤝🏽 Partners",
    "\"quoted\" \\back\\slash",
    "=SUM(A1)",
    "nul\u{0}byte",
    "tab\there\nnewline",
    "\u{feff}bom",
    "\u{202e}rtl",
    "Ⅻ ﬁ ß ǅ",
    "e\u{301}\u{301}",
    "\u{10ffff}",
    "\u{7f}\u{80}\u{9f}",
    "ＡＢＣ",
    "#.RP1.PH1",
    "a",
];

const INTERESTING_BYTES: &[u8] = b"\"{}[],:.#\\ \n\t0159-+eE_aZ\x00\x7f\x80\xbf\xc3\xe2\xf0\xff";

struct Dict {
    tokens: &'static [&'static str],
    strings: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// Seeds.

struct Corpus {
    instrument: Instrument,
    /// The shipped instrument and a second one (version 2, 11 statements), for codes.
    known: Vec<Instrument>,
    code_dict: Dict,
    json_dict: Dict,
    codes: Vec<String>,
    /// Exports and stored histories of 1–5 checks (mostly 1–2).
    exports: Vec<String>,
    /// Valid exports over 100 KB and over 1 MB.
    big_exports: Vec<String>,
    /// Valid exports padded to exactly the import limit and one byte over it.
    boundary: Vec<String>,
    drafts: Vec<String>,
    /// Non-empty histories to import into, sharing checks with some exports.
    bases: Vec<History>,
    /// The shipped language packs, and the message names of the English one.
    packs: Vec<String>,
    messages: Vec<String>,
}

fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(8) {
        0..=3 => 0x20 + rng.below(0x5f) as u32,
        4 => 0xa0 + rng.below(0x1e0) as u32,
        5 => 0x4e00 + rng.below(0x5000) as u32,
        6 => 0x1f300 + rng.below(0x300) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(code).unwrap_or('\u{fffd}')
}

fn random_name(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => String::new(),
        1 => (*rng.pick(NAME_PIECES)).to_owned(),
        2 => {
            let mut s = String::new();
            for _ in 0..rng.range(2, 3) {
                s.push_str(rng.pick::<&str>(NAME_PIECES));
            }
            s
        }
        3 => {
            let n = rng.range(1, 40);
            (0..n).map(|_| random_char(rng)).collect()
        }
        _ => {
            let n = rng.range(100, 140);
            (0..n).map(|_| random_char(rng)).collect()
        }
    }
}

fn random_answers(rng: &mut Rng, instrument: &Instrument) -> Answers {
    // How often a statement is left without an answer: none, few, many, almost all.
    let missing = *rng.pick(&[0u64, 10, 50, 95]);
    let mut answers = Answers::default();
    for s in instrument.statements() {
        if rng.below(100) < missing {
            continue;
        }
        let response = match rng.below(6) {
            0 => Response::DONT_KNOW,
            level => Response::agreement(level as u8).unwrap_or(Response::DONT_KNOW),
        };
        answers.set(&s.id, response);
    }
    answers
}

fn random_id(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => (*rng.pick(&["a", "b", "c", "x", ""])).to_owned(),
        1 => (0..rng.range(1, 12)).map(|_| random_char(rng)).collect(),
        _ => format!("{:016x}{:08x}", rng.next(), rng.next() as u32),
    }
}

fn random_time(rng: &mut Rng) -> u64 {
    match rng.below(8) {
        0 => 0,
        1 => u64::MAX,
        2 => rng.next(),
        _ => 1_700_000_000_000 + rng.below(100_000_000_000),
    }
}

fn random_assessment(rng: &mut Rng, instrument: &Instrument) -> Assessment {
    let mut draft = Draft::new(instrument, random_name(rng));
    draft.answers = random_answers(rng, instrument);
    let mut a = Assessment::finish(instrument, &draft, random_id(rng), random_time(rng));
    match rng.below(12) {
        0 => a.instrument_version = *rng.pick(&[0, 2, u32::MAX]),
        1 => {
            a.instrument_id = "other-instrument".into();
            for d in &mut a.scores.dimensions {
                d.scored = rng.below(5) as u32;
                d.total = d.scored * rng.range(1, 5) as u32;
            }
        }
        2 => {
            // Stored scores that disagree with the answers (possibly impossibly).
            let k = rng.index(a.scores.dimensions.len());
            let d = &mut a.scores.dimensions[k];
            let random = rng.next() as u32;
            d.total = *rng.pick(&[0, 1, 20, 21, u32::MAX, random]);
            d.scored = *rng.pick(&[0, 1, 4, 5, 858_993_460, u32::MAX]);
        }
        3 => a.answers.set("nope-1", Response::DONT_KNOW),
        4 => {
            a.scores.dimensions.pop();
        }
        _ => {}
    }
    if rng.one_in(2) {
        a.plan = random_plan(rng, instrument);
    }
    a
}

/// A plan of up to three actions: recommendations (some the instrument does not have),
/// own words, owners, due dates and statuses of every kind.
fn random_plan(rng: &mut Rng, instrument: &Instrument) -> Plan {
    let mut plan = Plan::default();
    for _ in 0..rng.below(4) {
        let dimension = match rng.below(10) {
            0 => random_name(rng),
            _ => instrument.dimensions[rng.index(instrument.dimensions.len())]
                .id
                .clone(),
        };
        let what = match rng.below(3) {
            0 => What::Own(random_name(rng)),
            _ => What::Advice {
                band: *rng.pick(&[Band::Concern, Band::Discuss]),
                index: *rng.pick(&[0, 1, 2, 3, 9]),
            },
        };
        let mut action = Action::new(dimension, what);
        action.owner = random_name(rng);
        action.due = match rng.below(4) {
            0 => None,
            _ => Some(Date::from_days(rng.below(3_000_000) as i64 - 700_000)),
        };
        action.status = *rng.pick(&Status::ALL);
        plan.add(action, random_time(rng));
    }
    plan
}

fn assessment_count(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..=49 => 1,
        50..=74 => 2,
        75..=86 => 3,
        87..=94 => 4,
        _ => 5,
    }
}

fn history_json(rng: &mut Rng, list: &[Assessment]) -> String {
    if rng.one_in(3) {
        // A stored history, with tombstones.
        let mut h = History::of(list.to_vec());
        for _ in 0..rng.below(3) {
            let id = if rng.one_in(2) && !list.is_empty() {
                list[rng.index(list.len())].id.clone()
            } else {
                random_id(rng)
            };
            h.remove(&id);
        }
        store::encode(&h)
    } else {
        exchange::to_json(list)
    }
}

fn random_draft(rng: &mut Rng, instrument: &Instrument) -> Draft {
    let mut d = Draft::new(instrument, random_name(rng));
    d.answers = random_answers(rng, instrument);
    d.step = match rng.below(20) {
        0..=5 => None,
        6..=15 => Some(rng.index(instrument.dimensions.len())),
        16..=17 => Some(rng.range(8, 20)),
        _ => Some(*rng.pick(&[usize::MAX, u32::MAX as usize, usize::MAX / 2])),
    };
    match rng.below(20) {
        0 => d.instrument_id = "other-instrument".into(),
        1 => d.instrument_version = *rng.pick(&[0, 2, u32::MAX]),
        2 => d.answers.set(
            "nope-1",
            Response::agreement(3).unwrap_or(Response::DONT_KNOW),
        ),
        _ => {}
    }
    d
}

/// A valid export at least `min_len` bytes long.
fn big_export(rng: &mut Rng, instrument: &Instrument, min_len: usize) -> String {
    let mut list = Vec::new();
    let mut estimate = 0;
    while estimate < min_len {
        let mut a = random_assessment(rng, instrument);
        a.id = format!("big-{}", list.len());
        estimate += store::encode(&a).len();
        list.push(a);
    }
    let mut json = exchange::to_json(&list);
    while json.len() < min_len {
        json.push(' ');
    }
    json
}

fn read_pack(tag: &str) -> String {
    let file = format!("{}/data/lang/{tag}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn build_corpus(seed: u64) -> Corpus {
    let packs: Vec<String> = language::languages()
        .iter()
        .map(|l| read_pack(&l.tag))
        .collect();
    let english = Pack::read(&packs[0]).expect("the English pack reads");
    let messages = english
        .message_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let instrument = english
        .partnership_health()
        .expect("the built-in instrument reads");
    let mut rng = Rng::new(seed ^ 0xC0DE_5EED);
    let ids: Vec<String> = instrument.statements().map(|s| s.id.clone()).collect();

    let mut codes = vec![
        "RP1.PH1.gggggggggggggggg.BO4".to_owned(),
        "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK".to_owned(),
        "RP1.PH1.pwwwwwwwwwwwwwww.5YU".to_owned(),
    ];
    for _ in 0..400 {
        let answers = random_answers(&mut rng, &instrument);
        let name = if rng.one_in(2) {
            String::new()
        } else {
            random_name(&mut rng)
        };
        codes.push(code::encode(&instrument, &answers, &name));
    }
    let mut second = instrument.clone();
    second.version = 2;
    second.dimensions.truncate(3);
    second.dimensions[2].statements.pop();
    for _ in 0..50 {
        let answers = random_answers(&mut rng, &second);
        let name = random_name(&mut rng);
        codes.push(code::encode(&second, &answers, &name));
    }

    let mut exports = Vec::new();
    let mut bases = Vec::new();
    for k in 0..300 {
        let list: Vec<Assessment> = (0..assessment_count(&mut rng))
            .map(|_| random_assessment(&mut rng, &instrument))
            .collect();
        if k < 8 {
            let keep = rng.range(1, list.len());
            bases.push(History::of(list[..keep].to_vec()));
        }
        exports.push(history_json(&mut rng, &list));
    }
    bases.push(History::of(
        (0..3)
            .map(|_| random_assessment(&mut rng, &instrument))
            .collect(),
    ));

    // History exactly as schema 1 stored it.
    exports.push(include_str!("../data/fixtures/schema-1-history.json").to_owned());

    let big_exports = vec![
        big_export(&mut rng, &instrument, 120_000),
        big_export(&mut rng, &instrument, exchange::MAX_IMPORT_BYTES + 50_000),
    ];
    let mut at_limit = exports[0].clone();
    while at_limit.len() < exchange::MAX_IMPORT_BYTES {
        at_limit.push(' ');
    }
    let over_limit = format!("{at_limit} ");
    let boundary = vec![at_limit, over_limit];

    let drafts = (0..300)
        .map(|_| store::encode(&random_draft(&mut rng, &instrument)))
        .collect();

    let mut strings: Vec<String> = JSON_STRINGS.iter().map(|s| (*s).to_owned()).collect();
    strings.extend(ids.iter().cloned());
    strings.push("x".repeat(300));
    let code_strings = vec![
        "PH1".to_owned(),
        "PH2".to_owned(),
        "gggggggggggggggg".to_owned(),
        "QWNtZSAmIENv".to_owned(),
    ];
    Corpus {
        known: vec![instrument.clone(), second],
        instrument,
        code_dict: Dict {
            tokens: CODE_TOKENS,
            strings: code_strings,
        },
        json_dict: Dict {
            tokens: JSON_TOKENS,
            strings,
        },
        codes,
        exports,
        big_exports,
        boundary,
        drafts,
        bases,
        packs,
        messages,
    }
}

// ---------------------------------------------------------------------------------------
// Mutations: on bytes; the result is turned into text with `from_utf8_lossy`.

fn replace_number(rng: &mut Rng, d: &mut Vec<u8>) {
    let from = rng.index(d.len() + 1);
    let found = d[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| p + from)
        .or_else(|| d.iter().position(u8::is_ascii_digit));
    let Some(at) = found else { return };
    let mut start = at;
    while start > 0 && (d[start - 1].is_ascii_digit() || d[start - 1] == b'-') {
        start -= 1;
    }
    let mut end = at;
    while end < d.len() && (d[end].is_ascii_digit() || b".eE+-".contains(&d[end])) {
        end += 1;
    }
    let number = match rng.below(5) {
        0 => rng.next().to_string(),
        1 => format!("-{}", rng.below(1 << 40)),
        2 => format!("{}.{}", rng.below(10), rng.below(1000)),
        _ => (*rng.pick(NUMBERS)).to_owned(),
    };
    d.splice(start..end, number.into_bytes());
}

fn replace_string(rng: &mut Rng, d: &mut Vec<u8>, dict: &Dict) {
    let from = rng.index(d.len() + 1);
    let Some(open) = d[from..]
        .iter()
        .position(|&b| b == b'"')
        .map(|p| p + from)
        .or_else(|| d.iter().position(|&b| b == b'"'))
    else {
        return;
    };
    let mut close = open + 1;
    while close < d.len() && !(d[close] == b'"' && d[close - 1] != b'\\') {
        close += 1;
    }
    let with = rng.pick(&dict.strings).clone().into_bytes();
    d.splice(open + 1..close, with);
}

fn mutate_once(rng: &mut Rng, d: &mut Vec<u8>, other: &[u8], dict: &Dict, cap: usize) {
    let len = d.len();
    match rng.below(18) {
        0 if len > 0 => {
            let i = rng.index(len);
            d[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.index(len);
            d[i] = rng.next() as u8;
        }
        2 if len > 0 => {
            let i = rng.index(len);
            d[i] = *rng.pick(INTERESTING_BYTES);
        }
        3 => {
            let at = rng.index(len + 1);
            let n = rng.range(1, 4);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            d.splice(at..at, bytes);
        }
        4 if len > 0 => {
            let start = rng.index(len);
            let longest = 1 << rng.below(8);
            let n = rng.range(1, (len - start).min(longest));
            d.drain(start..start + n);
        }
        5 if len > 0 => {
            // Duplicate a range somewhere else.
            let start = rng.index(len);
            let longest = 1 << rng.below(9);
            let n = rng.range(1, (len - start).min(longest));
            if len + n <= cap {
                let copy = d[start..start + n].to_vec();
                let at = rng.index(len + 1);
                d.splice(at..at, copy);
            }
        }
        6 if len > 1 => {
            let (i, j) = (rng.index(len), rng.index(len));
            d.swap(i, j);
        }
        7 if len > 1 => {
            // Swap two neighbouring ranges.
            let start = rng.index(len - 1);
            let end = rng.range(start + 2, len.min(start + 200));
            let mid = rng.range(start + 1, end - 1);
            d[start..end].rotate_left(mid - start);
        }
        8 if len > 0 => d.truncate(rng.index(len)),
        9 => {
            // Splice: this one's start, the other one's end.
            let keep = rng.index(len + 1);
            let from = rng.index(other.len() + 1);
            d.truncate(keep);
            let room = cap.saturating_sub(d.len());
            d.extend_from_slice(&other[from..other.len().min(from + room)]);
        }
        10 | 11 => replace_number(rng, d),
        12 | 13 => {
            let at = rng.index(len + 1);
            let token = rng.pick(dict.tokens).as_bytes().to_vec();
            d.splice(at..at, token);
        }
        14 => replace_string(rng, d, dict),
        15 if len > 0 => {
            // Repeat a segment in place.
            let start = rng.index(len);
            let n = rng.range(1, (len - start).min(256));
            let times = rng.range(1, 32).min(cap.saturating_sub(len) / n);
            let copy = d[start..start + n].repeat(times);
            d.splice(start..start, copy);
        }
        16 => {
            let at = rng.index(len + 1);
            let mut buf = [0; 4];
            let c = random_char(rng).encode_utf8(&mut buf).as_bytes().to_vec();
            d.splice(at..at, c);
        }
        17 if len > 0 => {
            // Overwrite a range with a token or a dictionary string.
            let start = rng.index(len);
            let n = rng.range(1, (len - start).min(16));
            let with = if rng.one_in(2) {
                rng.pick(dict.tokens).as_bytes().to_vec()
            } else {
                rng.pick(&dict.strings).as_bytes().to_vec()
            };
            d.splice(start..start + n, with);
        }
        _ => {}
    }
}

fn mutated(rng: &mut Rng, seed: &str, other: &str, dict: &Dict, max_mutations: usize) -> Vec<u8> {
    let mut d = seed.as_bytes().to_vec();
    let cap = SMALL_CAP.max(d.len());
    for _ in 0..rng.small_count(max_mutations) {
        mutate_once(rng, &mut d, other.as_bytes(), dict, cap);
    }
    d
}

/// Repeats segments (or nests brackets, or pads with spaces) until `d` has `target` bytes.
fn grow(rng: &mut Rng, mut d: Vec<u8>, target: usize) -> Vec<u8> {
    match rng.below(4) {
        0 => {
            let at = rng.index(d.len() + 1);
            let pad = vec![b' '; target.saturating_sub(d.len())];
            d.splice(at..at, pad);
        }
        1 => {
            let open = target / 2;
            let mut nested = vec![b'['; open];
            nested.extend_from_slice(&d);
            nested.resize(target.max(nested.len()), b']');
            d = nested;
        }
        _ => {
            if d.is_empty() {
                d.push(b'{');
            }
            let start = rng.index(d.len());
            let n = rng.range(1, (d.len() - start).min(4096));
            let segment = d[start..start + n].to_vec();
            let times = target.saturating_sub(d.len()) / n + 1;
            d.splice(start..start, segment.repeat(times));
        }
    }
    d
}

fn random_bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    let n = if rng.one_in(50) {
        rng.range(0, 3000)
    } else {
        rng.range(0, max)
    };
    (0..n).map(|_| rng.next() as u8).collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------
// Input generators.

/// `text` with its last part replaced by the check it should have.
fn recheck(text: &str) -> String {
    match text.rfind('.') {
        Some(dot) => format!("{}.{}", &text[..dot], code::check_chars(&text[..dot])),
        None => format!("{text}.{}", code::check_chars(text)),
    }
}

fn alphabet_string(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(*rng.pick(CODE_ALPHABET)))
        .collect()
}

/// A code laid out as format 1 with a correct check but chosen (often wrong) content.
fn forged_code(rng: &mut Rng) -> String {
    let instrument = match rng.below(8) {
        0 => "PH2",
        1 => "PH0",
        2 => "XY1",
        3 => "PH",
        _ => "PH1",
    };
    let answers = match rng.below(4) {
        0 => {
            let n = rng.range(0, 20);
            alphabet_string(rng, n)
        }
        _ => (0..16)
            .map(|_| {
                let values = if rng.one_in(8) { 64 } else { 49 };
                char::from(CODE_ALPHABET[rng.index(values)])
            })
            .collect(),
    };
    let mut body = format!("RP1.{instrument}.{answers}");
    match rng.below(6) {
        0 => {}
        1 => {
            let n = rng.range(0, 12);
            body = format!("{body}.{}", alphabet_string(rng, n));
        }
        2 => {
            // Bytes that are not UTF-8, or whitespace only.
            let bytes: Vec<u8> = if rng.one_in(2) {
                (0..rng.range(1, 9)).map(|_| rng.next() as u8).collect()
            } else {
                b" \t\n".to_vec()
            };
            body = format!("{body}.{}", code::base64(&bytes));
        }
        3 => {
            // A name with surrounding whitespace, which `encode` would have trimmed.
            let name = format!("{} {}\n", rng.pick(&[" ", "\t", ""]), random_name(rng));
            body = format!("{body}.{}", code::base64(name.as_bytes()));
        }
        _ => body = format!("{body}.{}", code::base64(random_name(rng).as_bytes())),
    }
    if rng.one_in(10) {
        body.push('.');
        body.push_str(&alphabet_string(rng, 3));
    }
    recheck(&body)
}

fn gen_code(rng: &mut Rng, c: &Corpus) -> String {
    let seed = rng.pick(&c.codes);
    match rng.below(100) {
        0..=7 => text(&random_bytes(rng, 80)),
        8..=17 => {
            let mut s = String::from(*rng.pick(&["", "", "RP1.", "RP1.PH1.", "RP"]));
            for _ in 0..rng.range(0, 40) {
                s.push(match rng.below(10) {
                    0 => '.',
                    1 => *rng.pick(&['#', ' ', '\n', '\t', '\u{a0}']),
                    _ => char::from(*rng.pick(CODE_ALPHABET)),
                });
            }
            s
        }
        18..=29 => forged_code(rng),
        30..=34 => {
            let inner = if rng.one_in(2) {
                seed.clone()
            } else {
                text(&mutated(rng, seed, seed, &c.code_dict, 3))
            };
            let prefix = rng.pick(&[
                "https://x/#",
                "  https://example.org/rapport/?embed=1#",
                "#",
                "##",
                "https://x/#RP1.PH1#",
                "see: ",
            ]);
            format!("{prefix}{inner}{}", rng.pick(&["", "\n", " ", "#", "#x"]))
        }
        35..=36 => {
            // Around the length limit, or far over it.
            let n = if rng.one_in(20) {
                rng.range(100_000, 1_100_000)
            } else {
                rng.range(900, 1100)
            };
            if rng.one_in(2) {
                format!("{}{seed}", " ".repeat(n))
            } else {
                let mut s = seed.clone();
                while s.len() < n {
                    s.push_str(&seed[3..]);
                }
                s
            }
        }
        37..=40 => seed.clone(),
        _ => {
            let other = rng.pick(&c.codes);
            let s = text(&mutated(rng, seed, other, &c.code_dict, 4));
            if rng.one_in(3) {
                recheck(&s)
            } else {
                s
            }
        }
    }
}

/// Pasted text: lines of codes (damaged or not), links carrying several, blank lines and
/// other text; now and then around or over the size limit.
fn gen_list(rng: &mut Rng, c: &Corpus) -> String {
    let mut out = String::new();
    let lines = if rng.one_in(1_000) {
        rng.range(1_500, 3_000)
    } else {
        rng.small_count(12)
    };
    for _ in 0..lines {
        match rng.below(10) {
            0 => {}
            1 => out.push_str(rng.pick::<&str>(&[" ", "\t", "\u{a0}"])),
            2 | 3 => {
                let codes: Vec<String> =
                    (0..rng.small_count(4)).map(|_| gen_code(rng, c)).collect();
                let separator = rng.pick(&[",", ", ", ",,", "%2C"]);
                out.push_str(rng.pick::<&str>(&[
                    "https://x/#",
                    "#",
                    "https://example.org/r/?embed=1#",
                ]));
                // Codes with line breaks of their own make more lines: that is fine.
                out.push_str(&codes.join(separator));
            }
            4 => out.push_str(rng.pick::<&str>(NAME_PIECES)),
            _ => out.push_str(&gen_code(rng, c)),
        }
        out.push_str(rng.pick::<&str>(&["\n", "\n", "\r\n", "\n\n"]));
        if out.len() > code::MAX_LIST_BYTES + 1_000 {
            break;
        }
    }
    if rng.one_in(2_000) {
        // Exactly at the limit, or one byte over it.
        let target = code::MAX_LIST_BYTES + rng.index(2);
        while out.len() < target {
            out.push(' ');
        }
        out.truncate(target);
    }
    out
}

fn token_soup(rng: &mut Rng) -> String {
    let framed = rng.one_in(2);
    let mut s = String::from(if framed {
        "{\"schema\":1,\"data\":"
    } else {
        ""
    });
    for _ in 0..rng.range(1, 40) {
        if rng.one_in(3) {
            s.push('"');
            s.push_str(rng.pick::<&str>(JSON_STRINGS));
            s.push('"');
        } else if rng.one_in(4) {
            s.push_str(rng.pick::<&str>(NUMBERS));
        } else {
            s.push_str(rng.pick::<&str>(JSON_TOKENS));
        }
    }
    if framed {
        s.push('}');
    }
    s
}

/// Text that might be JSON: `primary` seeds mostly, now and then one of `secondary`.
fn gen_json(rng: &mut Rng, c: &Corpus, primary: &[String], secondary: &[String]) -> String {
    let pool = if rng.one_in(10) { secondary } else { primary };
    let seed = rng.pick(pool);
    if rng.one_in(20_000) {
        let base = mutated(rng, seed, seed, &c.json_dict, 2);
        let target = rng.range(exchange::MAX_IMPORT_BYTES, 1_150_000);
        return text(&grow(rng, base, target));
    }
    if rng.one_in(2_000) {
        let base = mutated(rng, seed, seed, &c.json_dict, 2);
        let target = rng.range(100_000, 250_000);
        return text(&grow(rng, base, target));
    }
    if rng.one_in(50_000) {
        let big = if rng.one_in(2) {
            rng.pick(&c.boundary)
        } else {
            rng.pick(&c.big_exports)
        };
        return big.clone();
    }
    match rng.below(100) {
        0..=4 => text(&random_bytes(rng, 200)),
        5..=9 => token_soup(rng),
        10..=14 => {
            let (before, after) = *rng.pick(&[
                ("", ""),
                ("\u{feff}", ""),
                (" \n", "\n\n"),
                ("\u{feff}\u{feff}", ""),
            ]);
            format!("{before}{seed}{after}")
        }
        15..=16 => {
            let quoted: String = seed.replace('"', "\"\"").chars().take(300).collect();
            format!("\"{quoted}")
        }
        _ => {
            let other = rng.pick(pool);
            text(&mutated(rng, seed, other, &c.json_dict, 6))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Running, reporting.

struct Current {
    /// True until the input is made: a panic then is the harness's own.
    generating: bool,
    decoder: &'static str,
    chunk: u64,
    index: u64,
    input: String,
}

thread_local! {
    static CURRENT: RefCell<Current> = const {
        RefCell::new(Current {
            generating: true,
            decoder: "",
            chunk: 0,
            index: 0,
            input: String::new(),
        })
    };
}

static PANICS_SHOWN: AtomicU64 = AtomicU64::new(0);
static FAILED: AtomicBool = AtomicBool::new(false);

fn set_position(decoder: &'static str, chunk: u64, index: u64) {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.generating = true;
        c.decoder = decoder;
        c.chunk = chunk;
        c.index = index;
        c.input.clear();
    });
}

fn set_input(input: &str) {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.generating = false;
        c.input.clear();
        c.input.push_str(input);
    });
}

fn shown(input: &str) -> String {
    let cut: String = input.chars().take(500).collect();
    let more = if cut.len() < input.len() {
        " (cut to 500 characters)"
    } else {
        ""
    };
    format!("{cut:?}{more}")
}

fn save(decoder: &str, kind: &str, input: &str) -> Option<std::path::PathBuf> {
    let name: String = decoder
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let path = std::env::temp_dir().join(format!("fuzz_decoders-{kind}-{name}.txt"));
    std::fs::write(&path, input).ok().map(|()| path)
}

fn install_panic_hook(seed: u64) {
    panic::set_hook(Box::new(move |info| {
        FAILED.store(true, Ordering::SeqCst);
        if PANICS_SHOWN.fetch_add(1, Ordering::SeqCst) >= MAX_SHOWN {
            return;
        }
        let (generating, decoder, chunk, index, input) = CURRENT
            .try_with(|c| {
                c.try_borrow()
                    .map(|c| (c.generating, c.decoder, c.chunk, c.index, c.input.clone()))
                    .ok()
            })
            .ok()
            .flatten()
            .unwrap_or((true, "?", 0, 0, String::new()));
        let stage = if generating {
            "the harness itself, while making an input for"
        } else {
            "decoder"
        };
        eprintln!(
            "\n*** PANIC in {stage} {decoder} (seed {seed:#x}, chunk {chunk}, input {index}): \
             {info}"
        );
        eprintln!("    input, {} bytes: {}", input.len(), shown(&input));
        if let Some(path) = save(decoder, "panic", &input) {
            eprintln!("    full input saved to {}", path.display());
        }
        if cfg!(panic = "abort") {
            eprintln!("    this build aborts on panic: stopping now with exit status 1");
            std::process::exit(1);
        }
    }));
}

fn report_failure(decoder: &'static str, shown_count: &AtomicU64, input: &str, detail: &str) {
    FAILED.store(true, Ordering::SeqCst);
    if shown_count.fetch_add(1, Ordering::SeqCst) >= MAX_SHOWN {
        return;
    }
    let (chunk, index) = CURRENT.with(|c| {
        let c = c.borrow();
        (c.chunk, c.index)
    });
    let detail: String = detail.chars().take(1500).collect();
    eprintln!("\n*** CHECK FAILED in {decoder} (chunk {chunk}, input {index}): {detail}");
    eprintln!("    input, {} bytes: {}", input.len(), shown(input));
}

/// The variant names of an error's `Debug` text, without payloads: `Unreadable(NotJson)`.
fn variant(debug: &str) -> String {
    let name: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    match debug[name.len()..].strip_prefix('(') {
        Some(inner) if inner.starts_with(|c: char| c.is_ascii_uppercase()) => {
            format!("{name}({})", variant(inner))
        }
        _ => name,
    }
}

enum Outcome {
    Ok,
    Err(String),
    Panic,
    CheckFailed,
}

#[derive(Default)]
struct Stats {
    inputs: u64,
    ok: u64,
    err: u64,
    panics: u64,
    check_failures: u64,
    bytes: u64,
    max_len: usize,
    over_4k: u64,
    over_100k: u64,
    over_1m: u64,
    errors: BTreeMap<String, u64>,
}

impl Stats {
    fn add(&mut self, other: Stats) {
        self.inputs += other.inputs;
        self.ok += other.ok;
        self.err += other.err;
        self.panics += other.panics;
        self.check_failures += other.check_failures;
        self.bytes += other.bytes;
        self.max_len = self.max_len.max(other.max_len);
        self.over_4k += other.over_4k;
        self.over_100k += other.over_100k;
        self.over_1m += other.over_1m;
        for (k, v) in other.errors {
            *self.errors.entry(k).or_default() += v;
        }
    }

    fn count(&mut self, len: usize, outcome: Outcome) {
        self.inputs += 1;
        self.bytes += len as u64;
        self.max_len = self.max_len.max(len);
        self.over_4k += u64::from(len > SMALL_CAP);
        self.over_100k += u64::from(len > 100_000);
        self.over_1m += u64::from(len > 1_000_000);
        match outcome {
            Outcome::Ok => self.ok += 1,
            Outcome::Err(name) => {
                self.err += 1;
                *self.errors.entry(name).or_default() += 1;
            }
            Outcome::Panic => self.panics += 1,
            Outcome::CheckFailed => self.check_failures += 1,
        }
    }
}

/// One input: generate it, decode it, check the result. Returns the input's length.
type Case<'a> = dyn Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + 'a;

fn campaign(
    name: &'static str,
    which: u64,
    n: u64,
    seed: u64,
    threads: usize,
    case: &Case,
) -> (Stats, Duration) {
    let started = Instant::now();
    let chunks = n.clamp(1, MAX_CHUNKS);
    let next = AtomicU64::new(0);
    let shown_failures = AtomicU64::new(0);
    let mut total = Stats::default();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut stats = Stats::default();
                    loop {
                        let chunk = next.fetch_add(1, Ordering::SeqCst);
                        if chunk >= chunks || n == 0 {
                            break;
                        }
                        let (from, to) = (chunk * n / chunks, (chunk + 1) * n / chunks);
                        let mut mix = seed ^ which.wrapping_mul(0x1000_0000_01B3);
                        mix = splitmix64(&mut mix) ^ chunk;
                        let mut rng = Rng::new(mix);
                        for index in from..to {
                            set_position(name, chunk, index);
                            let (len, outcome) = case(&mut rng, &shown_failures);
                            stats.count(len, outcome);
                        }
                    }
                    stats
                })
            })
            .collect();
        for w in workers {
            match w.join() {
                Ok(stats) => total.add(stats),
                Err(_) => {
                    FAILED.store(true, Ordering::SeqCst);
                    total.panics += 1;
                }
            }
        }
    });
    (total, started.elapsed())
}

fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    panic::catch_unwind(AssertUnwindSafe(f)).ok()
}

fn code_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
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

fn list_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
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

fn import_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let empty = History::default();
    move |rng, shown| {
        let into = if rng.one_in(5) {
            rng.pick(&c.bases)
        } else {
            &empty
        };
        let input = gen_json(rng, c, &c.exports, &c.drafts);
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

fn history_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    move |rng, shown| {
        let input = gen_json(rng, c, &c.exports, &c.drafts);
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

fn draft_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    move |rng, shown| {
        let input = gen_json(rng, c, &c.drafts, &c.exports);
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

fn pack_case(c: &Corpus) -> impl Fn(&mut Rng, &AtomicU64) -> (usize, Outcome) + Sync + '_ {
    let names: Vec<&str> = c.messages.iter().map(String::as_str).collect();
    let ids: Vec<&str> = c.instrument.statements().map(|s| s.id.as_str()).collect();
    move |rng, shown| {
        let input = gen_json(rng, c, &c.packs, &c.exports);
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
            if pack.missing(&names).is_some() {
                return Outcome::Err("MissingMessage".to_owned());
            }
            let args = [
                ("count", Arg::Count(rng.below(200) as usize)),
                ("date", Arg::Text("d")),
            ];
            let words = pack.number_words();
            for name in &names {
                let Some(message) = pack.message(name) else {
                    continue;
                };
                for category in ["zero", "one", "two", "few", "many", "other", "?"] {
                    let _ =
                        language::fill(message.form(category), &args, &|n| n.to_string(), &words);
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

fn parse_number(arg: &str) -> Option<u64> {
    let arg = arg.replace('_', "");
    match arg.strip_prefix("0x").or_else(|| arg.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => arg.parse().ok(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: fuzz_decoders [N inputs per decoder, default 1000000] [SEED]";
    let n = match args.first() {
        Some(a) => parse_number(a).unwrap_or_else(|| {
            eprintln!("{usage}");
            std::process::exit(2)
        }),
        None => DEFAULT_N,
    };
    let seed = match args.get(1) {
        Some(a) => parse_number(a).unwrap_or_else(|| {
            eprintln!("{usage}");
            std::process::exit(2)
        }),
        None => DEFAULT_SEED,
    };
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    install_panic_hook(seed);

    let started = Instant::now();
    println!(
        "fuzz_decoders: {n} inputs per decoder, seed {seed:#x} (second argument changes it), \
         {threads} threads, panic strategy: {}",
        if cfg!(panic = "abort") {
            "abort (a panic stops the run)"
        } else {
            "unwind"
        }
    );
    let corpus = build_corpus(seed);
    println!(
        "seeds: {} codes, {} exports, {} drafts, {} big exports, {} at the import limit \
         (built in {:.1} s)",
        corpus.codes.len(),
        corpus.exports.len(),
        corpus.drafts.len(),
        corpus.big_exports.len(),
        corpus.boundary.len(),
        started.elapsed().as_secs_f64()
    );

    let code = code_case(&corpus);
    let list = list_case(&corpus);
    let import = import_case(&corpus);
    let history = history_case(&corpus);
    let draft = draft_case(&corpus);
    let pack = pack_case(&corpus);
    // Packs are 30 KB each and every message is filled: a fiftieth as many inputs
    // keeps the run as long as another decoder's.
    let decoders: [(&'static str, &Case, u64); 6] = [
        ("code::decode", &code, n),
        ("code::read_list", &list, n),
        ("exchange::import", &import, n),
        ("store::decode_history", &history, n),
        ("store::decode_draft", &draft, n),
        ("language::Pack", &pack, n.div_ceil(50)),
    ];
    let mut panics = 0;
    let mut check_failures = 0;
    for (which, (name, case, n)) in decoders.iter().enumerate() {
        let (stats, elapsed) = campaign(name, which as u64, *n, seed, threads, *case);
        panics += stats.panics;
        check_failures += stats.check_failures;
        println!(
            "\n{name}: {} inputs in {:.1} s: {} Ok, {} Err, {} panics, {} failed checks",
            stats.inputs,
            elapsed.as_secs_f64(),
            stats.ok,
            stats.err,
            stats.panics,
            stats.check_failures
        );
        let errors: Vec<String> = stats
            .errors
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        println!("  errors: {}", errors.join(", "));
        println!(
            "  sizes: mean {} bytes, max {} bytes; {} over 4 KB, {} over 100 KB, {} over 1 MB",
            stats.bytes / stats.inputs.max(1),
            stats.max_len,
            stats.over_4k,
            stats.over_100k,
            stats.over_1m
        );
    }
    println!(
        "\ntotal {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        if FAILED.load(Ordering::SeqCst) {
            format!("FAILED ({panics} panics, {check_failures} failed checks)")
        } else {
            "no panics, every check held".to_owned()
        }
    );
    if FAILED.load(Ordering::SeqCst) {
        std::process::exit(1);
    }
}
