//! A dependency-free fuzz harness for the core's decoders: everything that reads text a
//! person pasted, a file they chose or whatever browser storage holds must never panic,
//! and must answer promptly whatever it is given up to the sizes the app accepts.
//!
//! ```text
//! cargo run --release -p rapport-core --example fuzz_decoders -- [N] [SEED]
//! ```
//!
//! `N` (default 1,000,000) is the number of inputs for each decoder (a fiftieth of it for
//! language packs, which are large), `SEED` (decimal or `0x` hex) makes a run repeatable.
//!
//! The harness is this folder:
//! - `main.rs`: the command line, running the decoders' cases on every thread, the report
//!   and the panic hook;
//! - `corpus.rs`: the seeds: result codes, JSON exports with action plans, stored
//!   histories and drafts, the schema-1 history and draft as that release stored them,
//!   exports over 100 KB and 1 MB and at the import limit, the shipped language packs,
//!   and the hostile shapes;
//! - `hostile.rs`: the hostile shapes, each at the size limit of the decoder it is meant
//!   for: a 4,000-character key over an array of half a million items, 100,000 levels of
//!   nesting (`[` and `{"a":`), thousands of distinct 200-character keys, keys given twice
//!   (at the top, in `data`, in `answers`, in a pack's `messages` and `statements`), and
//!   long or many keys in `answers`; for pasted codes, also tens of thousands of lines
//!   and of codes in one link;
//! - `generators.rs`: random inputs: fully random text, forged result codes (with a
//!   correct check recomputed, so the steps after the check are reached; the check comes
//!   from the core itself and the name part is the `base64` crate's, as the core's, so
//!   they can never drift from it), pasted lists of codes and links, and JSON made of the
//!   seeds;
//! - `mutators.rs`: byte mutations of the seeds: flips, inserts, deletes, duplicated and
//!   swapped ranges, truncation, splices of two seeds, numbers replaced with huge,
//!   negative and fractional values, JSON tokens inserted, string contents replaced,
//!   segments repeated until the input is large (a few over 100 KB and over 1 MB, to
//!   reach the size limits);
//! - `cases.rs`: each decoder's case and its checks, and the hostile shapes as fixed
//!   cases.
//!
//! First, every hostile shape is decoded once by each decoder it is meant for
//! (`exchange::import` and the stored history and draft at 1 MB, `code::read_list` at
//! 100 KB, `language::Pack` pack-sized and at 1 MB): it must be refused with the error
//! it calls for (`Unreadable(NotJson)` for nesting, `Unreadable(NoSchema)` for the
//! long-key document, `WrongShape(At)` for a key given twice, …) within 1 second; a
//! table gives each one's time. Then each decoder gets its `N` inputs, and besides "no
//! panic", results are checked:
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
//! checks are counted, the first few printed, and also make the exit status 1, as does a
//! hostile shape not refused as expected or too slow.
//!
//! The work of each decoder is cut into fixed chunks with their own generator seeded from
//! `SEED`, so a run gives the same inputs whatever the number of threads.

// An example sees every dependency of the core; it uses the core, `base64` and
// `serde_json`, not `serde` itself.
#![allow(unused_crate_dependencies)]

mod cases;
mod corpus;
mod generators;
mod hostile;
mod mutators;

use cases::Case;
use generators::{splitmix64, Rng};
use mutators::SMALL_CAP;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const DEFAULT_N: u64 = 1_000_000;
const DEFAULT_SEED: u64 = 0x5241_5050_4f52_5431;
/// Chunks per decoder: each has its own generator, handed to whichever thread is free.
const MAX_CHUNKS: u64 = 512;
/// Panics and failed checks printed in full (per decoder for failed checks).
const MAX_SHOWN: u64 = 5;

// ---------------------------------------------------------------------------------------
// Reporting.

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

pub(crate) fn set_position(decoder: &'static str, chunk: u64, index: u64) {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.generating = true;
        c.decoder = decoder;
        c.chunk = chunk;
        c.index = index;
        c.input.clear();
    });
}

pub(crate) fn set_input(input: &str) {
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

pub(crate) fn report_failure(
    decoder: &'static str,
    shown_count: &AtomicU64,
    input: &str,
    detail: &str,
) {
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
pub(crate) fn variant(debug: &str) -> String {
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

pub(crate) enum Outcome {
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

/// Runs `n` inputs of one decoder's case on `threads` threads, in chunks of their own.
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
    let corpus = corpus::build(seed);
    println!(
        "seeds: {} codes, {} exports, {} drafts, {} packs, {} big exports, {} at the import \
         limit, {} hostile shapes at the limits (built in {:.1} s)",
        corpus.codes.len(),
        corpus.exports.len(),
        corpus.drafts.len(),
        corpus.packs.len(),
        corpus.big_exports.len(),
        corpus.boundary.len(),
        corpus.hostile.len(),
        started.elapsed().as_secs_f64()
    );
    let hostile_held = cases::hostile(&corpus);
    if !hostile_held {
        FAILED.store(true, Ordering::SeqCst);
    }

    let code = cases::code_case(&corpus);
    let list = cases::list_case(&corpus);
    let import = cases::import_case(&corpus);
    let history = cases::history_case(&corpus);
    let draft = cases::draft_case(&corpus);
    let pack = cases::pack_case(&corpus);
    let instrument_file = cases::instrument_file_case(&corpus);
    // Packs are 30 KB each and every message is filled: a fiftieth as many inputs
    // keeps the run as long as another decoder's.
    let decoders: [(&'static str, &Case, u64); 7] = [
        ("code::decode", &code, n),
        ("code::read_list", &list, n),
        ("exchange::import", &import, n),
        ("store::decode_history", &history, n),
        ("store::decode_draft", &draft, n),
        ("language::Pack", &pack, n.div_ceil(50)),
        ("instrument_file::read", &instrument_file, n),
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
            let hostile = if hostile_held {
                ""
            } else {
                ", a hostile input not refused as expected or too slow"
            };
            format!("FAILED ({panics} panics, {check_failures} failed checks{hostile})")
        } else {
            "no panics, every check held, every hostile input refused in time".to_owned()
        }
    );
    if FAILED.load(Ordering::SeqCst) {
        std::process::exit(1);
    }
}
