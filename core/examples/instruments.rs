//! Checks the instrument files a site publishes beside the app (`instruments/*.json`),
//! and writes the format's JSON Schema.
//!
//! ```text
//! cargo run -p rapport-core --example instruments -- check instruments
//! cargo run -p rapport-core --features schema --example instruments -- schema instruments/schema.json
//! cargo run -p rapport-core --example instruments -- export instruments
//! cargo run -p rapport-core --example instruments -- split instruments/partnership-health.json dist/instruments/partnership-health
//! ```
//!
//! `check` is run by the build (Trunk's pre_build hook): every problem is printed with
//! its file, line, column and JSON path, in the English pack's words, and the build
//! fails. `schema.json` itself is not an instrument and is left out. `export` writes the
//! built-in Partnership Health Check (its current version, in every language) as an
//! instrument file. `split` writes a file once per language it is written in
//! (`<folder>/<tag>.json`, that language alone, unindented): the build publishes the
//! built-in check so, and the app reads a visitor's language only.

// The package's other dependencies are visible here, and not needed.
#![allow(unused_crate_dependencies)]

use rapport_core::instrument_file::{
    read, Counted, Flaw, Mistake, Problem, FORMAT, MAX_FILE_BYTES,
};
use rapport_core::language::{self, fill, Arg, Message, Pack};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const ENGLISH: &str = include_str!("../data/lang/en.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["check", dir] => check(Path::new(dir)),
        ["schema", out] => write_schema(Path::new(out)),
        ["export", dir] => export(Path::new(dir)),
        ["split", file, dir] => split(Path::new(file), Path::new(dir)),
        _ => {
            eprintln!(
                "usage: instruments check <folder> | schema <file> | export <folder> | split <file> <folder>"
            );
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "schema")]
fn write_schema(out: &Path) -> ExitCode {
    let schema = rapport_core::instrument_file::schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    match std::fs::write(out, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "schema"))]
fn write_schema(_: &Path) -> ExitCode {
    eprintln!("the schema needs the feature: --features schema");
    ExitCode::from(2)
}

fn export(dir: &Path) -> ExitCode {
    match rapport_core::instrument_file::partnership_health(&packs()) {
        Some(file) => {
            let out = dir.join(format!("{}.json", file.id));
            let text = serde_json::to_string_pretty(&file).unwrap_or_default() + "\n";
            match std::fs::write(&out, text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        None => {
            eprintln!("the packs do not make one instrument");
            ExitCode::FAILURE
        }
    }
}

fn split(file: &Path, dir: &Path) -> ExitCode {
    let name = file.display();
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{name}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let instrument = match read(&text) {
        Ok(instrument) => instrument,
        Err(problems) => {
            eprintln!("{name}: {} problems: check it first", problems.len());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for tag in &instrument.languages {
        let out = dir.join(format!("{tag}.json"));
        // For the app, not for editors: no schema to point them to.
        let alone = rapport_core::instrument_file::InstrumentFile {
            schema: None,
            ..instrument.in_language(tag)
        };
        let alone = serde_json::to_string(&alone).unwrap_or_default();
        if let Err(e) = std::fs::write(&out, alone) {
            eprintln!("{}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Every language's pack, in the order of `languages.json`.
fn packs() -> Vec<(String, Pack)> {
    language::languages()
        .into_iter()
        .filter_map(|l| {
            let file = format!("{}/data/lang/{}.json", env!("CARGO_MANIFEST_DIR"), l.tag);
            let pack = Pack::read(&std::fs::read_to_string(file).ok()?).ok()?;
            Some((l.tag, pack))
        })
        .collect()
}

fn check(dir: &Path) -> ExitCode {
    let pack = match Pack::read(ENGLISH) {
        Ok(pack) => pack,
        Err(at) => {
            eprintln!("the English pack does not read ({at:?})");
            return ExitCode::FAILURE;
        }
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| p.file_name().is_some_and(|n| n != "schema.json"))
            .collect(),
        // No folder: nothing to publish, nothing wrong.
        Err(_) => return ExitCode::SUCCESS,
    };
    files.sort();
    let mut failed = false;
    for file in &files {
        let name = file.display().to_string();
        let problems = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => read(&text).err().unwrap_or_default(),
                Err(e) => vec![Problem {
                    flaw: Flaw::Syntax {
                        mistake: Mistake::Other,
                        detail: e.to_string(),
                    },
                    path: Default::default(),
                    at: None,
                }],
            },
            Err(e) => vec![Problem {
                flaw: Flaw::Syntax {
                    mistake: Mistake::Other,
                    detail: e.to_string(),
                },
                path: Default::default(),
                at: None,
            }],
        };
        for problem in &problems {
            eprintln!("{}", words(&pack, &name, problem));
        }
        failed |= !problems.is_empty();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A problem in the pack's words, with where it is.
fn words(pack: &Pack, file: &str, problem: &Problem) -> String {
    let why = say(pack, &problem.flaw);
    let path = problem.path.to_string();
    match problem.at {
        Some(at) => message(
            pack,
            "flaw_place",
            &[
                ("file", Arg::Text(file)),
                ("line", Arg::Count(at.line)),
                ("column", Arg::Count(at.column)),
                ("path", Arg::Text(&path)),
                ("why", Arg::Text(&why)),
            ],
        ),
        None => message(
            pack,
            "flaw_file",
            &[("file", Arg::Text(file)), ("why", Arg::Text(&why))],
        ),
    }
}

fn say(pack: &Pack, flaw: &Flaw) -> String {
    let text = |name: &str, key: &str, value: &str| message(pack, name, &[(key, Arg::Text(value))]);
    let counted = |name: &str, found: usize, min: usize, max: usize| {
        message(
            pack,
            name,
            &[
                ("count", Arg::Count(found)),
                ("min", Arg::Count(min)),
                ("max", Arg::Count(max)),
            ],
        )
    };
    match flaw {
        Flaw::TooLarge { bytes } => message(
            pack,
            "flaw_too_large",
            &[
                ("kilobytes", Arg::Count(bytes.div_ceil(1024))),
                ("max", Arg::Count(MAX_FILE_BYTES / 1024)),
            ],
        ),
        Flaw::Syntax { detail, .. } => text("flaw_syntax", "detail", detail),
        Flaw::Missing(name) => text("flaw_missing", "name", name),
        Flaw::Unknown(name) => text("flaw_unknown", "name", name),
        Flaw::Repeated(name) => text("flaw_repeated", "name", name),
        Flaw::Shape { detail, .. } => text("flaw_shape", "detail", detail),
        Flaw::NewerFormat(format) => message(
            pack,
            "flaw_newer_format",
            &[
                ("format", Arg::Count(*format as usize)),
                ("supported", Arg::Count(FORMAT as usize)),
            ],
        ),
        Flaw::BadVersion(version) => message(
            pack,
            "flaw_bad_version",
            &[("version", Arg::Count(*version as usize))],
        ),
        Flaw::BadId(id) => text("flaw_bad_id", "id", id),
        Flaw::RepeatedId(id) => text("flaw_repeated_id", "id", id),
        Flaw::ReservedId(id) => text("flaw_reserved_id", "id", id),
        Flaw::UnknownLanguage(tag) => {
            let tags: Vec<String> = language::languages().into_iter().map(|l| l.tag).collect();
            let tags = tags.join(", ");
            message(
                pack,
                "flaw_unknown_language",
                &[("tag", Arg::Text(tag)), ("tags", Arg::Text(&tags))],
            )
        }
        Flaw::RepeatedLanguage(tag) => text("flaw_repeated_language", "tag", tag),
        Flaw::NoFallback(tag) => text("flaw_no_fallback", "tag", tag),
        Flaw::Unlisted(tag) => text("flaw_unlisted", "tag", tag),
        Flaw::Blank => message(pack, "flaw_blank", &[]),
        Flaw::TooLong { chars, max } => message(
            pack,
            "flaw_too_long",
            &[("count", Arg::Count(*chars)), ("max", Arg::Count(*max))],
        ),
        Flaw::Count {
            of,
            found,
            min,
            max,
        } => match of {
            Counted::Languages => counted("flaw_count_languages", *found, *min, *max),
            Counted::Dimensions => counted("flaw_count_dimensions", *found, *min, *max),
            Counted::Statements => counted("flaw_count_statements", *found, *min, *max),
            Counted::AllStatements => counted("flaw_count_all_statements", *found, *min, *max),
            Counted::Points => counted("flaw_count_points", *found, *min, *max),
            Counted::ConcernAdvice | Counted::DiscussAdvice | Counted::StrengthAdvice => {
                let band = match of {
                    Counted::ConcernAdvice => "band_concern",
                    Counted::DiscussAdvice => "band_discuss",
                    _ => "band_strength",
                };
                let band = message(pack, band, &[]);
                message(
                    pack,
                    "flaw_count_advice",
                    &[
                        ("count", Arg::Count(*found)),
                        ("band", Arg::Text(&band)),
                        ("min", Arg::Count(*min)),
                        ("max", Arg::Count(*max)),
                    ],
                )
            }
        },
        Flaw::NotTenths(value) => text("flaw_not_tenths", "value", &value.to_string()),
        Flaw::OutsideScale { threshold, points } => message(
            pack,
            "flaw_outside_scale",
            &[
                ("value", Arg::Text(&threshold.to_string())),
                ("points", Arg::Count(*points)),
            ],
        ),
        Flaw::BandsNotRising => message(pack, "flaw_bands_not_rising", &[]),
    }
}

/// A message of the English pack filled in; English plurals are "one" for 1.
fn message(pack: &Pack, name: &str, args: &[(&str, Arg)]) -> String {
    let text = match pack.message(name) {
        Some(Message::Text(text)) => text.as_str(),
        Some(Message::Plural(forms)) => {
            let count = args.iter().find_map(|(n, a)| match (n, a) {
                (&"count", Arg::Count(c)) => Some(*c),
                _ => None,
            });
            let form = if count == Some(1) { "one" } else { "other" };
            forms.get(form).map_or(name, String::as_str)
        }
        None => name,
    };
    fill(text, args, &|n| n.to_string(), &pack.number_words)
}
