//! The seeds: valid result codes (of the shipped instrument and a second one), exports
//! and stored histories with action plans, stored drafts, the schema-1 history and draft
//! as that release stored them, exports over 100 KB and 1 MB and at the import limit, the
//! shipped language packs, and the hostile shapes (`hostile`): small ones among the
//! exports and drafts, and those at the decoders' limits (and all of a pack's) in pools of
//! their own.

use crate::generators::{random_char, random_name, Rng};
use crate::hostile::{self, Decoder, Shape};
use crate::mutators::{Dict, CODE_TOKENS, JSON_STRINGS, JSON_TOKENS};
use rapport_core::instrument_file::{read as read_file, InstrumentFile};
use rapport_core::language::{self, Pack};
use rapport_core::plan::{Date, Plan, Status, Task, What};
use rapport_core::{code, exchange, store};
use rapport_core::{Answers, Assessment, Draft, History, Instrument, Instruments, Response};

pub(crate) struct Corpus {
    /// The version new checks use.
    pub(crate) instrument: Instrument,
    /// Every shipped version, for stored checks, drafts and imports.
    pub(crate) instruments: Instruments,
    /// Every shipped version and a made-up one (version 9, 11 statements), for codes.
    pub(crate) known: Vec<Instrument>,
    pub(crate) code_dict: Dict,
    pub(crate) json_dict: Dict,
    pub(crate) codes: Vec<String>,
    /// Exports and stored histories of 1–5 checks (mostly 1–2), the schema-1 history,
    /// and the hostile shapes made small.
    pub(crate) exports: Vec<String>,
    /// Valid exports over 100 KB and over 1 MB.
    pub(crate) big_exports: Vec<String>,
    /// Valid exports padded to exactly the import limit and one byte over it.
    pub(crate) boundary: Vec<String>,
    /// Stored drafts, the schema-1 draft, and the hostile shapes made small.
    pub(crate) drafts: Vec<String>,
    /// Non-empty histories to import into, sharing checks with some exports.
    pub(crate) bases: Vec<History>,
    /// The shipped language packs.
    pub(crate) packs: Vec<String>,
    /// Instrument files: the small example (as written, compact, in each of its
    /// languages alone), and the built-in check in English and in two languages.
    pub(crate) instrument_files: Vec<String>,
    /// The message names of the English pack.
    pub(crate) messages: Vec<String>,
    /// The hostile shapes at the decoders' limits: decoded once each as fixed cases, and
    /// mutated now and then by the random run.
    pub(crate) hostile: Vec<Shape>,
    pub(crate) hostile_histories: Vec<String>,
    pub(crate) hostile_drafts: Vec<String>,
    pub(crate) hostile_lists: Vec<String>,
    /// Pack-sized and large shapes, and the small ones.
    pub(crate) hostile_packs: Vec<String>,
}

fn random_answers(rng: &mut Rng, instrument: &Instrument) -> Answers {
    // How often a statement is left without an answer: none, few, many, almost all.
    let missing = *rng.pick(&[0u64, 10, 50, 95]);
    let mut answers = Answers::default();
    let offered = Response::all(&instrument.scale);
    for s in instrument.statements() {
        if rng.below(100) < missing {
            continue;
        }
        answers.set(&s.id, *rng.pick(&offered));
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
            _ => What::Advice(
                (*rng.pick(&[
                    "concern-1",
                    "discuss-2",
                    "concern-3",
                    "strength-1",
                    "concern-9",
                    "purpose-1",
                ]))
                .to_owned(),
            ),
        };
        let mut action = Task::new(dimension, what);
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
        estimate += serde_json::to_string(&a).map_or(0, |json| json.len());
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

/// The texts of the shapes `decoder` is meant to read.
fn texts(shapes: &[Shape], decoder: Decoder) -> Vec<String> {
    shapes
        .iter()
        .filter(|s| s.expects(decoder))
        .map(|s| s.text.clone())
        .collect()
}

pub(crate) fn build(seed: u64) -> Corpus {
    let packs: Vec<String> = language::languages()
        .iter()
        .map(|l| read_pack(&l.tag))
        .collect();
    let english = Pack::read(&packs[0]).expect("the English pack reads");
    let messages = english.messages.keys().cloned().collect();
    let instruments = english
        .partnership_health()
        .expect("the built-in instrument reads");
    let instrument = instruments.current().clone();
    let mut rng = Rng::new(seed ^ 0xC0DE_5EED);
    let ids: Vec<String> = instrument.statements().map(|s| s.id.clone()).collect();

    let mut codes: Vec<String> = include_str!("../../data/fixtures/release-1/codes.txt")
        .lines()
        .map(str::to_owned)
        .collect();
    codes.extend([
        "RP1.PH1.gggggggggggggggg.BO4".to_owned(),
        "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK".to_owned(),
        "RP1.PH1.pwwwwwwwwwwwwwww.5YU".to_owned(),
    ]);
    for _ in 0..400 {
        let answers = random_answers(&mut rng, &instrument);
        let name = if rng.one_in(2) {
            String::new()
        } else {
            random_name(&mut rng)
        };
        codes.push(code::encode(&instrument, &answers, &name));
    }
    for _ in 0..100 {
        let version_1 = &instruments.all()[0];
        let answers = random_answers(&mut rng, version_1);
        codes.push(code::encode(version_1, &answers, &random_name(&mut rng)));
    }
    // Format 2: the pulse and the small example, read from their files.
    let from_files: Vec<Instrument> = [
        include_str!("../../../instruments/pulse.json"),
        include_str!("../../data/fixtures/instruments/small.json"),
    ]
    .iter()
    .map(|text| {
        read_file(text)
            .expect("the instrument files read")
            .instrument("en")
    })
    .collect();
    for i in &from_files {
        for _ in 0..100 {
            let answers = random_answers(&mut rng, i);
            let name = random_name(&mut rng);
            codes.push(code::encode(i, &answers, &name));
        }
    }
    let mut second = instrument.clone();
    second.version = 9;
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

    // History exactly as schema 1 stored it, and as the version-1 release stored it.
    exports.push(include_str!("../../data/fixtures/schema-1-history.json").to_owned());
    exports.push(include_str!("../../data/fixtures/release-1/history.json").to_owned());

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

    let mut drafts: Vec<String> = (0..300)
        .map(|_| store::encode(&random_draft(&mut rng, &instrument)))
        .collect();
    // A draft exactly as schema 1 stored it.
    drafts.push(include_str!("../../data/fixtures/schema-1-draft.json").to_owned());
    drafts.push(include_str!("../../data/fixtures/release-1/draft.json").to_owned());

    // The hostile shapes: made small, among the seeds (mutated as often as the others);
    // at the decoders' limits, in pools of their own.
    let small = hostile::shapes(&instrument, &packs[0], 6_000, 6_000, 6_000);
    exports.extend(texts(&small, Decoder::History));
    drafts.extend(texts(&small, Decoder::Draft));
    let large = hostile::at_limits(&instrument, &packs[0]);

    let mut strings: Vec<String> = JSON_STRINGS.iter().map(|s| (*s).to_owned()).collect();
    strings.extend(ids.iter().cloned());
    strings.push("x".repeat(300));
    // The instrument format's members and values.
    strings.extend(
        [
            "discussFrom",
            "strengthFrom",
            "labels",
            "dontKnow",
            "languages",
            "format",
            "reversed",
            "advice",
            "concern",
            "discuss",
            "strength",
            "names",
            "statements",
            "dimensions",
            "en",
            "fr",
            "ar",
            "$schema",
        ]
        .map(str::to_owned),
    );
    let code_strings = vec![
        "PH1".to_owned(),
        "PH2".to_owned(),
        "PH9".to_owned(),
        "gggggggggggggggg".to_owned(),
        "QWNtZSAmIENv".to_owned(),
    ];
    let small_file = include_str!("../../data/fixtures/instruments/small.json");
    let mut instrument_files = vec![small_file.to_owned()];
    let example: InstrumentFile = serde_json::from_str(small_file).expect("the example reads");
    instrument_files.push(serde_json::to_string(&example).expect("written"));
    let mut french_only = example.clone();
    french_only.languages = vec!["fr".to_owned()];
    instrument_files.push(serde_json::to_string(&french_only).expect("written"));
    let built: Vec<(String, Instrument)> = packs
        .iter()
        .zip(language::languages())
        .filter_map(|(json, l)| {
            let pack = Pack::read(json).ok()?;
            Some((l.tag, pack.partnership_health().ok()?.current().clone()))
        })
        .collect();
    for translations in [&built[..1], &built[..2]] {
        let translations: Vec<(&str, &Instrument)> =
            translations.iter().map(|(t, i)| (t.as_str(), i)).collect();
        let file = InstrumentFile::from_translations(&translations).expect("the check exports");
        instrument_files.push(serde_json::to_string_pretty(&file).expect("written"));
    }
    Corpus {
        known: instruments
            .all()
            .iter()
            .cloned()
            .chain([second])
            .chain(from_files)
            .collect(),
        instrument,
        instruments,
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
        hostile_histories: texts(&large, Decoder::History),
        hostile_drafts: texts(&large, Decoder::Draft),
        hostile_lists: texts(&large, Decoder::List),
        // Packs are few: the small shapes would crowd them out of their own pool.
        hostile_packs: [texts(&large, Decoder::Pack), texts(&small, Decoder::Pack)].concat(),
        hostile: large,
        packs,
        instrument_files,
        messages,
    }
}
