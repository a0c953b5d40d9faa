//! The public instrument format: a whole questionnaire in one self-contained JSON file,
//! which site owners write, check and publish beside the app. These types are the
//! format's definition: serde reads and writes them, and the JSON Schema published at
//! `instruments/schema.json` is generated from them ([`schema`], feature `schema`).
//!
//! Reading a file ([`read`]) gives either the file or every problem in it, each with the
//! JSON path of the value at fault and its line and column, so an editor or the studio
//! can point at it. The format's limits keep a check short enough to answer and its
//! result codes short enough to paste; each is refused with its own reason.

use crate::answers::{Answers, Response};
use crate::instrument::{
    Band, Bands, Dimension, Instrument, Recommendation, Scale, Statement, When,
};
use crate::json::{locate, unique, Path, Position};
use crate::language;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

/// The version of the format this build reads and writes.
pub const FORMAT: u32 = 1;
/// A larger file is refused unread.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
pub const DIMENSIONS: RangeInclusive<usize> = 1..=12;
pub const STATEMENTS_PER_DIMENSION: RangeInclusive<usize> = 1..=10;
pub const MAX_STATEMENTS: usize = 60;
/// Points of the answer scale: fewer is no scale, more is more than people tell apart.
pub const POINTS: RangeInclusive<usize> = 3..=7;
/// Recommendations a dimension offers for a concern and for a discuss band.
pub const ADVICE: RangeInclusive<usize> = 1..=3;
/// Recommendations for a strength: a strength may need none.
pub const STRENGTH_ADVICE: RangeInclusive<usize> = 0..=3;
/// Characters of an id: lower-case letters and digits, words joined by hyphens.
pub const ID_CHARS: RangeInclusive<usize> = 1..=40;
/// An id, as the schema tells editors (`Checks::id` is the check itself).
#[cfg(feature = "schema")]
const ID: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";
pub const VERSIONS: RangeInclusive<u32> = 1..=9999;

/// A Rapport instrument: a questionnaire in one or more languages, its answer scale, its
/// bands and the advice it gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InstrumentFile {
    /// Where editors find this format's JSON Schema; not read by Rapport.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this file format: 1.
    pub format: u32,
    /// Names the instrument in result codes, history and files: lower-case letters,
    /// digits and hyphens, at most 40 characters. Results of different ids never mix.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID), length(min = 1, max = 40)))]
    pub id: String,
    /// This instrument's version: raise it when statements change.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 9999)))]
    pub version: u32,
    /// The languages the file is written in. Every text is given in the first; a text
    /// missing in another language falls back to the first.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub languages: Vec<String>,
    /// The instrument's name, shown as the check's heading (at most 80 characters).
    pub title: Text,
    /// What the check covers, shown before it starts (at most 600 characters).
    pub intro: Text,
    pub scale: FileScale,
    pub bands: FileBands,
    /// The dimensions, in the order the walk-through asks them: 1 to 12.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 12)))]
    pub dimensions: Vec<FileDimension>,
}

/// One text in each of the file's languages, by language tag: `{"en": "…", "fr": "…"}`.
/// Shown as plain text, never as HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(#[serde(deserialize_with = "unique")] pub BTreeMap<String, String>);

/// The answer scale: its points, lowest first, and whether "don't know" is offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FileScale {
    /// One label a point, from the lowest (most disagreement) to the highest: 3 to 7
    /// points, each at most 40 characters.
    #[cfg_attr(feature = "schema", schemars(length(min = 3, max = 7)))]
    pub labels: Vec<Text>,
    /// The label of "don't know", offered beside the scale and never scored; leave it
    /// out to ask for a point on every statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<Text>,
}

/// Where a dimension's mean (on the scale's points, 1 being the lowest) becomes a band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FileBands {
    /// The lowest mean of the discuss band (below it: concern), in tenths: 3 or 3.5.
    pub discuss_from: f64,
    /// The lowest mean of the strength band, above `discussFrom` and at most the
    /// number of points.
    pub strength_from: f64,
    /// The bands' own names; without them Rapport's names are used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<BandNames>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandNames {
    pub concern: Text,
    pub discuss: Text,
    pub strength: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileDimension {
    /// Unique in the file: lower-case letters, digits and hyphens.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID), length(min = 1, max = 40)))]
    pub id: String,
    /// At most 60 characters.
    pub name: Text,
    /// What the dimension is about, shown above its statements (at most 300 characters).
    pub description: Text,
    /// 1 to 10 statements; at most 60 in the whole instrument.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 10)))]
    pub statements: Vec<FileStatement>,
    pub advice: FileAdvice,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileStatement {
    /// Unique in the whole file: lower-case letters, digits and hyphens.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID), length(min = 1, max = 40)))]
    pub id: String,
    /// What the person agrees or disagrees with (at most 240 characters).
    pub text: Text,
    /// True when agreeing signals a problem: the answer is turned round when scored.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reversed: bool,
    /// What to do when this statement's answer is low, whatever the dimension's band
    /// (at most 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// A dimension's recommendations for each band, in the order the results show them
/// (each at most 400 characters). A plan keeps one by its band and place:
/// `concern-1`, `discuss-2`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileAdvice {
    /// 1 to 3.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 3)))]
    pub concern: Vec<Text>,
    /// 1 to 3.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 3)))]
    pub discuss: Vec<Text>,
    /// 0 to 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 3)))]
    pub strength: Vec<Text>,
}

/// What a text is, for its length limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Title,
    Intro,
    Label,
    BandName,
    Name,
    Description,
    Statement,
    Advice,
}

impl TextKind {
    /// The most characters (Unicode scalar values) a text of this kind may have.
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::Title => 80,
            TextKind::Intro => 600,
            TextKind::Label | TextKind::BandName => 40,
            TextKind::Name => 60,
            TextKind::Description => 300,
            TextKind::Statement => 240,
            TextKind::Advice => 400,
        }
    }
}

/// What a count is of, for a count outside its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Languages,
    Dimensions,
    /// In one dimension.
    Statements,
    /// In the whole instrument.
    AllStatements,
    Points,
    ConcernAdvice,
    DiscussAdvice,
    StrengthAdvice,
}

/// Why a file, or a value in it, is not an instrument Rapport can use.
#[derive(Clone, Debug, PartialEq)]
pub enum Flaw {
    /// The file has more bytes than [`MAX_FILE_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all: the mistake, as a person would fix it, and serde_json's own
    /// words on it.
    Syntax {
        mistake: Mistake,
        detail: String,
    },
    /// A member the format requires is missing.
    Missing(String),
    /// A member the format does not have: misspelt, or from a later format.
    Unknown(String),
    /// A member given twice.
    Repeated(String),
    /// JSON, but not the kind of value the format has here (`expected`, where serde
    /// names one of [`Kind`]), and serde's own words on it.
    Shape {
        expected: Option<Kind>,
        detail: String,
    },
    /// Written in a later version of the format than this build reads.
    NewerFormat(u32),
    /// A format or instrument version outside 1 to 9999.
    BadVersion(u32),
    /// An id that is not lower-case letters and digits joined by hyphens, or too long.
    BadId(String),
    /// An id given to two dimensions or two statements.
    RepeatedId(String),
    /// A statement id that names a recommendation by its band and place (`concern-1`),
    /// which a plan could not tell from that recommendation.
    ReservedId(String),
    /// A language tag Rapport has no language for.
    UnknownLanguage(String),
    RepeatedLanguage(String),
    /// A text not given in the file's first language, which every other falls back to.
    NoFallback(String),
    /// A text in a language the file does not list.
    Unlisted(String),
    /// A text that is empty or only spaces.
    Blank,
    TooLong {
        chars: usize,
        max: usize,
    },
    Count {
        of: Counted,
        found: usize,
        min: usize,
        max: usize,
    },
    /// A band threshold that is not a whole number of tenths.
    NotTenths(f64),
    /// A band threshold outside the scale (above 1, at most the points).
    OutsideScale {
        threshold: f64,
        points: usize,
    },
    /// Strength does not start above discuss.
    BandsNotRising,
}

/// The JSON mistake that stopped reading, sorted from serde_json's words on it, so that
/// it can be said in the person's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mistake {
    /// The text ends inside a value: a closing bracket or quotation mark is missing.
    EndOfFile,
    /// Neither a comma nor the closing bracket (`]` or `}`) of the list or object.
    CommaOrClose(char),
    /// No colon after a member's name.
    Colon,
    /// No value where one must be.
    Value,
    /// A member's name not in double quotation marks.
    QuotedName,
    /// A comma with nothing after it in a list or object.
    TrailingComma,
    /// Something after the end of the JSON value.
    AfterEnd,
    /// A number JSON cannot read.
    Number,
    /// A backslash escape JSON does not have.
    Escape,
    /// A line break or tab inside a text.
    ControlCharacter,
    Other,
}

impl Mistake {
    /// The mistake serde_json's `message` (without its position) describes.
    fn of(message: &str) -> Mistake {
        let is = |m: &str| message == m;
        if message.starts_with("EOF while parsing") {
            Mistake::EndOfFile
        } else if is("expected `,` or `]`") {
            Mistake::CommaOrClose(']')
        } else if is("expected `,` or `}`") {
            Mistake::CommaOrClose('}')
        } else if is("expected `:`") {
            Mistake::Colon
        } else if message.starts_with("expected value") || message.starts_with("expected ident") {
            Mistake::Value
        } else if message.starts_with("key must be a string") || is("expected `\"`") {
            Mistake::QuotedName
        } else if message.starts_with("trailing comma") {
            Mistake::TrailingComma
        } else if message.starts_with("trailing characters") {
            Mistake::AfterEnd
        } else if message.starts_with("invalid number")
            || message.starts_with("number out of range")
        {
            Mistake::Number
        } else if message.contains("escape") || message.contains("code point") {
            Mistake::Escape
        } else if message.starts_with("control character") {
            Mistake::ControlCharacter
        } else {
            Mistake::Other
        }
    }
}

/// The kinds of JSON value the format has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    List,
    Object,
    /// A text given by language (`{ "en": "…" }`).
    Translations,
}

impl Kind {
    /// The kind serde says it expected in `message` ("invalid type: string "yes",
    /// expected a boolean"), if it is one of these.
    fn expected_in(message: &str) -> Option<Kind> {
        Some(match message.rsplit_once(", expected ")?.1 {
            "a string" => Kind::Text,
            "a boolean" => Kind::TrueFalse,
            "a sequence" => Kind::List,
            // The maps of the format are its texts, by language (`json::unique`).
            "map" | "a map" => Kind::Translations,
            s if s.starts_with("struct ") => Kind::Object,
            "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => Kind::WholeNumber,
            "f32" | "f64" => Kind::Number,
            _ => return None,
        })
    }
}

/// One problem, and where it is: the value's JSON path and its line and column (none
/// only when the whole file is at fault before anything is read).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub flaw: Flaw,
    pub path: Path,
    pub at: Option<Position>,
}

/// Reads an instrument file. A file that is not JSON or not shaped like the format
/// stops at its first problem (as serde reads it); a file shaped right is then checked
/// whole and every problem is listed, in the order of the file.
pub fn read(text: &str) -> Result<InstrumentFile, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem {
            flaw: Flaw::TooLarge { bytes: text.len() },
            path: Path::default(),
            at: None,
        }]);
    }
    let serde_problem = |e: &serde_json::Error, path: Path| {
        vec![Problem {
            flaw: serde_flaw(e),
            path,
            at: Some(Position::from(e)),
        }]
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file: InstrumentFile = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| serde_problem(e.inner(), Path::from(e.path())))?;
    // Anything after the document is not JSON either.
    deserializer
        .end()
        .map_err(|e| serde_problem(&e, Path::default()))?;
    let problems: Vec<Problem> = check(&file)
        .into_iter()
        .map(|(flaw, path)| Problem {
            at: locate(text, &path),
            flaw,
            path,
        })
        .collect();
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// What serde's error says, as a flaw: the members it names are the ones a person
/// fixes, so they are kept apart from the rest of its words.
fn serde_flaw(e: &serde_json::Error) -> Flaw {
    use serde_json::error::Category;
    let message = e.to_string();
    // serde_json appends " at line L column C": the position is kept apart.
    let message = match message.rfind(" at line ") {
        Some(n) => message[..n].to_owned(),
        None => message,
    };
    if !matches!(e.classify(), Category::Data) {
        return Flaw::Syntax {
            mistake: Mistake::of(&message),
            detail: message,
        };
    }
    // The member serde names between backticks.
    let named = |rest: Option<&str>| rest.and_then(|r| r.split('`').next()).map(str::to_owned);
    if let Some(name) = named(message.strip_prefix("missing field `")) {
        Flaw::Missing(name)
    } else if let Some(name) = named(message.strip_prefix("unknown field `")) {
        Flaw::Unknown(name)
    } else if let Some(name) = named(message.strip_prefix("duplicate field `")) {
        Flaw::Repeated(name)
    } else if let Some(key) = message
        .strip_prefix('`')
        .and_then(|m| m.strip_suffix('`'))
        .filter(|key| !key.contains('`'))
    {
        // A key given twice in a map (`json::unique`), such as a text's language.
        Flaw::Repeated(key.to_owned())
    } else {
        Flaw::Shape {
            expected: Kind::expected_in(&message),
            detail: message,
        }
    }
}

/// Every problem of a file shaped like the format, with the path of the value at fault.
pub fn check(file: &InstrumentFile) -> Vec<(Flaw, Path)> {
    let mut c = Checks::default();
    let root = Path::default();
    if file.format > FORMAT {
        c.flag(Flaw::NewerFormat(file.format), root.then("format"));
    } else if file.format != FORMAT {
        c.flag(Flaw::BadVersion(file.format), root.then("format"));
    }
    c.id(&file.id, root.then("id"));
    if !VERSIONS.contains(&file.version) {
        c.flag(Flaw::BadVersion(file.version), root.then("version"));
    }
    // Each of Rapport's languages at most once: a language added to Rapport may be added
    // to a file.
    let known = language::languages();
    c.count(
        Counted::Languages,
        file.languages.len(),
        1..=known.len(),
        root.then("languages"),
    );
    let mut seen = BTreeSet::new();
    for (n, tag) in file.languages.iter().enumerate() {
        let at = root.then("languages").then(n);
        // Exactly a tag Rapport has ("pt", not "pt-BR"): texts are looked up by it.
        if !known.iter().any(|l| l.tag == *tag) {
            c.flag(Flaw::UnknownLanguage(tag.clone()), at);
        } else if !seen.insert(tag.as_str()) {
            c.flag(Flaw::RepeatedLanguage(tag.clone()), at);
        }
    }
    c.languages = file.languages.clone();

    c.text(&file.title, TextKind::Title, root.then("title"));
    c.text(&file.intro, TextKind::Intro, root.then("intro"));

    let scale = root.then("scale");
    let points = file.scale.labels.len();
    c.count(Counted::Points, points, POINTS, scale.then("labels"));
    for (n, label) in file.scale.labels.iter().enumerate() {
        c.text(label, TextKind::Label, scale.then("labels").then(n));
    }
    if let Some(label) = &file.scale.dont_know {
        c.text(label, TextKind::Label, scale.then("dontKnow"));
    }

    let bands = root.then("bands");
    let mut thresholds_fit = true;
    for (value, name) in [
        (file.bands.discuss_from, "discussFrom"),
        (file.bands.strength_from, "strengthFrom"),
    ] {
        let tenths = value * 10.0;
        if !value.is_finite() || (tenths - tenths.round()).abs() > 1e-6 {
            c.flag(Flaw::NotTenths(value), bands.then(name));
            thresholds_fit = false;
        } else if value <= 1.0 || value > points as f64 {
            c.flag(
                Flaw::OutsideScale {
                    threshold: value,
                    points,
                },
                bands.then(name),
            );
            thresholds_fit = false;
        }
    }
    if thresholds_fit && file.bands.strength_from <= file.bands.discuss_from {
        c.flag(Flaw::BandsNotRising, bands.then("strengthFrom"));
    }
    if let Some(names) = &file.bands.names {
        let at = bands.then("names");
        c.text(&names.concern, TextKind::BandName, at.then("concern"));
        c.text(&names.discuss, TextKind::BandName, at.then("discuss"));
        c.text(&names.strength, TextKind::BandName, at.then("strength"));
    }

    let dimensions = root.then("dimensions");
    c.count(
        Counted::Dimensions,
        file.dimensions.len(),
        DIMENSIONS,
        dimensions.clone(),
    );
    let mut dimension_ids = BTreeSet::new();
    let mut statement_ids = BTreeSet::new();
    for (n, d) in file.dimensions.iter().enumerate() {
        let at = dimensions.then(n);
        c.id(&d.id, at.then("id"));
        if !dimension_ids.insert(d.id.as_str()) {
            c.flag(Flaw::RepeatedId(d.id.clone()), at.then("id"));
        }
        c.text(&d.name, TextKind::Name, at.then("name"));
        c.text(
            &d.description,
            TextKind::Description,
            at.then("description"),
        );
        let statements = at.then("statements");
        c.count(
            Counted::Statements,
            d.statements.len(),
            STATEMENTS_PER_DIMENSION,
            statements.clone(),
        );
        for (m, s) in d.statements.iter().enumerate() {
            let at = statements.then(m);
            c.id(&s.id, at.then("id"));
            if !statement_ids.insert(s.id.as_str()) {
                c.flag(Flaw::RepeatedId(s.id.clone()), at.then("id"));
            } else if is_band_advice_id(&s.id) {
                c.flag(Flaw::ReservedId(s.id.clone()), at.then("id"));
            }
            c.text(&s.text, TextKind::Statement, at.then("text"));
            if let Some(advice) = &s.advice {
                c.text(advice, TextKind::Advice, at.then("advice"));
            }
        }
        let advice = at.then("advice");
        for (list, of, range, name) in [
            (&d.advice.concern, Counted::ConcernAdvice, ADVICE, "concern"),
            (&d.advice.discuss, Counted::DiscussAdvice, ADVICE, "discuss"),
            (
                &d.advice.strength,
                Counted::StrengthAdvice,
                STRENGTH_ADVICE,
                "strength",
            ),
        ] {
            c.count(of, list.len(), range, advice.then(name));
            for (m, text) in list.iter().enumerate() {
                c.text(text, TextKind::Advice, advice.then(name).then(m));
            }
        }
    }
    let all = file.dimensions.iter().map(|d| d.statements.len()).sum();
    c.count(Counted::AllStatements, all, 1..=MAX_STATEMENTS, dimensions);
    c.found
}

/// `concern-1`, `discuss-2`, `strength-3`: a band's recommendation by its place.
fn is_band_advice_id(id: &str) -> bool {
    id.split_once('-').is_some_and(|(band, place)| {
        ["concern", "discuss", "strength"].contains(&band)
            && !place.is_empty()
            && place.bytes().all(|b| b.is_ascii_digit())
    })
}

#[derive(Default)]
struct Checks {
    languages: Vec<String>,
    found: Vec<(Flaw, Path)>,
}

impl Checks {
    fn flag(&mut self, flaw: Flaw, path: Path) {
        self.found.push((flaw, path));
    }

    fn count(&mut self, of: Counted, found: usize, range: RangeInclusive<usize>, path: Path) {
        if !range.contains(&found) {
            let (min, max) = range.into_inner();
            self.flag(
                Flaw::Count {
                    of,
                    found,
                    min,
                    max,
                },
                path,
            );
        }
    }

    fn id(&mut self, id: &str, path: Path) {
        let words_ok = id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if !words_ok || !ID_CHARS.contains(&id.len()) {
            self.flag(Flaw::BadId(id.to_owned()), path);
        }
    }

    fn text(&mut self, text: &Text, kind: TextKind, path: Path) {
        // Without languages no text can be in one: that problem is reported once.
        let Some(first) = self.languages.first() else {
            return;
        };
        if !text.0.contains_key(first) {
            self.flag(Flaw::NoFallback(first.clone()), path.clone());
        }
        for (tag, words) in &text.0 {
            let at = path.then(tag.as_str());
            if !self.languages.contains(tag) {
                self.flag(Flaw::Unlisted(tag.clone()), at);
                continue;
            }
            let chars = words.chars().count();
            if words.trim().is_empty() {
                self.flag(Flaw::Blank, at);
            } else if chars > kind.max_chars() {
                self.flag(
                    Flaw::TooLong {
                        chars,
                        max: kind.max_chars(),
                    },
                    at,
                );
            }
        }
    }
}

/// The built-in Partnership Health Check, its current version, as one file in the
/// packs' languages (the first being the fallback). `None` if a pack lacks its words.
pub fn partnership_health(packs: &[(String, language::Pack)]) -> Option<InstrumentFile> {
    let built: Vec<(&str, Instrument)> = packs
        .iter()
        .map(|(tag, pack)| {
            Some((
                tag.as_str(),
                pack.partnership_health().ok()?.current().clone(),
            ))
        })
        .collect::<Option<_>>()?;
    let translations: Vec<(&str, &Instrument)> = built.iter().map(|(t, i)| (*t, i)).collect();
    InstrumentFile::from_translations(&translations)
}

/// Answers to every statement of `instrument` that give results of every kind, for a
/// preview: its dimensions in turn strong, middling and weak (a weak one also shows the
/// advice for low answers). Reversed statements are answered the other way, so each
/// dimension's score is what its turn says.
pub fn sample_answers(instrument: &Instrument) -> Answers {
    let points = instrument.scale.points();
    let mut answers = Answers::default();
    for (n, dimension) in instrument.dimensions.iter().enumerate() {
        let level = match n % 3 {
            0 => points,
            1 => points.div_ceil(2),
            _ => 1,
        };
        for statement in &dimension.statements {
            let given = if statement.reversed {
                points + 1 - level
            } else {
                level
            };
            if let Some(response) = Response::agreement(given) {
                answers.set(&statement.id, response);
            }
        }
    }
    answers
}

impl InstrumentFile {
    /// The instrument in `language`, every text missing in it taken from the file's first
    /// language. For a file [`read`] accepted: its limits keep every count and threshold
    /// in range.
    pub fn instrument(&self, language: &str) -> Instrument {
        let fallback = self.languages.first().map_or("", String::as_str);
        let t = |text: &Text| text.get(language, fallback).to_owned();
        let tenths = |threshold: f64| (threshold * 10.0).round().clamp(0.0, 100.0) as u32;
        let dimensions = self
            .dimensions
            .iter()
            .map(|d| {
                let band = |band: Band, name: &str, list: &[Text]| {
                    list.iter()
                        .enumerate()
                        .map(|(n, text)| Recommendation {
                            id: format!("{name}-{}", n + 1),
                            when: When::Band(band),
                            text: t(text),
                        })
                        .collect::<Vec<_>>()
                };
                let low = d.statements.iter().filter_map(|s| {
                    Some(Recommendation {
                        id: s.id.clone(),
                        when: When::Low(s.id.clone()),
                        text: t(s.advice.as_ref()?),
                    })
                });
                let advice = [
                    band(Band::Concern, "concern", &d.advice.concern),
                    band(Band::Discuss, "discuss", &d.advice.discuss),
                    band(Band::Strength, "strength", &d.advice.strength),
                ]
                .concat()
                .into_iter()
                .chain(low)
                .collect();
                Dimension {
                    id: d.id.clone(),
                    name: t(&d.name),
                    description: t(&d.description),
                    statements: d
                        .statements
                        .iter()
                        .map(|s| Statement {
                            id: s.id.clone(),
                            text: t(&s.text),
                            reversed: s.reversed,
                        })
                        .collect(),
                    advice,
                }
            })
            .collect();
        Instrument {
            id: self.id.clone(),
            version: self.version,
            // Only the built-in check has letters for format-1 codes.
            code: String::new(),
            title: t(&self.title),
            intro: t(&self.intro),
            scale: Scale {
                agreement: self.scale.labels.iter().map(t).collect(),
                dont_know: self.scale.dont_know.as_ref().map(t),
            },
            bands: Bands {
                discuss_from: tenths(self.bands.discuss_from),
                strength_from: tenths(self.bands.strength_from),
                names: self
                    .bands
                    .names
                    .as_ref()
                    .map(|n| crate::instrument::BandNames {
                        concern: t(&n.concern),
                        discuss: t(&n.discuss),
                        strength: t(&n.strength),
                    }),
            },
            dimensions,
        }
    }

    /// One instrument in several languages, as one file: `translations` are the same
    /// instrument built in each language, the first being the file's fallback. The
    /// built-in instruments are published this way. `None` when the translations are not
    /// one instrument (another id, version or structure) or a recommendation's id is not
    /// the one the format gives it by its place (`concern-1`, or the statement's id).
    pub fn from_translations(translations: &[(&str, &Instrument)]) -> Option<InstrumentFile> {
        let (_, first) = translations.first()?;
        let text = |words: &dyn Fn(&Instrument) -> Option<String>| -> Option<Text> {
            translations
                .iter()
                .map(|(tag, i)| Some(((*tag).to_owned(), words(i)?)))
                .collect::<Option<BTreeMap<_, _>>>()
                .map(Text)
        };
        let same = translations.iter().all(|(_, i)| {
            i.id == first.id
                && i.version == first.version
                && i.statements()
                    .map(|s| (&s.id, s.reversed))
                    .eq(first.statements().map(|s| (&s.id, s.reversed)))
                && i.dimensions
                    .iter()
                    .map(|d| &d.id)
                    .eq(first.dimensions.iter().map(|d| &d.id))
        });
        if !same {
            return None;
        }
        let dimensions = first
            .dimensions
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let of = |i: &Instrument| i.dimensions.get(n).cloned();
                let statements = d
                    .statements
                    .iter()
                    .enumerate()
                    .map(|(m, s)| {
                        let advice = d.advice_if_low(&s.id).map(|a| a.id.clone());
                        if advice.as_ref().is_some_and(|id| *id != s.id) {
                            return None;
                        }
                        Some(FileStatement {
                            id: s.id.clone(),
                            text: text(&|i| Some(of(i)?.statements.get(m)?.text.clone()))?,
                            reversed: s.reversed,
                            advice: match advice {
                                Some(id) => {
                                    Some(text(&|i| Some(of(i)?.recommendation(&id)?.text.clone()))?)
                                }
                                None => None,
                            },
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                let band = |band: Band, name: &str| -> Option<Vec<Text>> {
                    d.advice_for(band)
                        .enumerate()
                        .map(|(k, r)| {
                            (r.id == format!("{name}-{}", k + 1)).then_some(())?;
                            text(&|i| Some(of(i)?.recommendation(&r.id)?.text.clone()))
                        })
                        .collect()
                };
                Some(FileDimension {
                    id: d.id.clone(),
                    name: text(&|i| Some(of(i)?.name))?,
                    description: text(&|i| Some(of(i)?.description))?,
                    statements,
                    advice: FileAdvice {
                        concern: band(Band::Concern, "concern")?,
                        discuss: band(Band::Discuss, "discuss")?,
                        strength: band(Band::Strength, "strength")?,
                    },
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(InstrumentFile {
            schema: Some("schema.json".to_owned()),
            format: FORMAT,
            id: first.id.clone(),
            version: first.version,
            languages: translations
                .iter()
                .map(|(tag, _)| (*tag).to_owned())
                .collect(),
            title: text(&|i| Some(i.title.clone()))?,
            intro: text(&|i| Some(i.intro.clone()))?,
            scale: FileScale {
                labels: (0..first.scale.agreement.len())
                    .map(|n| text(&|i| i.scale.agreement.get(n).cloned()))
                    .collect::<Option<_>>()?,
                dont_know: match first.scale.dont_know {
                    Some(_) => Some(text(&|i| i.scale.dont_know.clone())?),
                    None => None,
                },
            },
            bands: FileBands {
                discuss_from: first.bands.threshold(Band::Discuss),
                strength_from: first.bands.threshold(Band::Strength),
                names: match first.bands.names {
                    Some(_) => Some(BandNames {
                        concern: text(&|i| Some(i.bands.name(Band::Concern)?.to_owned()))?,
                        discuss: text(&|i| Some(i.bands.name(Band::Discuss)?.to_owned()))?,
                        strength: text(&|i| Some(i.bands.name(Band::Strength)?.to_owned()))?,
                    }),
                    None => None,
                },
            },
            dimensions,
        })
    }

    /// This file in `language` alone (one of Rapport's languages): every text as
    /// [`InstrumentFile::instrument`] would show it in that language. The build publishes
    /// the built-in check this way, one file a language, so a visitor downloads the words
    /// of their own language only.
    pub fn in_language(&self, language: &str) -> InstrumentFile {
        let fallback = self.languages.first().map_or("", String::as_str);
        let mut alone = InstrumentFile {
            languages: vec![language.to_owned()],
            ..self.clone()
        };
        for text in alone.texts_mut() {
            let words = text.get(language, fallback).to_owned();
            *text = Text(BTreeMap::from([(language.to_owned(), words)]));
        }
        alone
    }

    /// Every text of the file, each once.
    fn texts_mut(&mut self) -> Vec<&mut Text> {
        let mut texts = vec![&mut self.title, &mut self.intro];
        texts.extend(&mut self.scale.labels);
        texts.extend(&mut self.scale.dont_know);
        if let Some(names) = &mut self.bands.names {
            texts.extend([&mut names.concern, &mut names.discuss, &mut names.strength]);
        }
        for d in &mut self.dimensions {
            texts.extend([&mut d.name, &mut d.description]);
            for s in &mut d.statements {
                texts.push(&mut s.text);
                texts.extend(&mut s.advice);
            }
            texts.extend(&mut d.advice.concern);
            texts.extend(&mut d.advice.discuss);
            texts.extend(&mut d.advice.strength);
        }
        texts
    }

    /// The instrument's fingerprint ([`Instrument::fingerprint`]): the same in every
    /// language of the file.
    pub fn fingerprint(&self) -> String {
        self.instrument("").fingerprint()
    }
}

impl Text {
    /// The text in `language`, or in the file's first language.
    pub fn get(&self, language: &str, fallback: &str) -> &str {
        self.0
            .get(language)
            .or_else(|| self.0.get(fallback))
            .map_or("", String::as_str)
    }
}

/// The format's JSON Schema, generated from the types above, with the language tags this
/// build knows.
#[cfg(feature = "schema")]
pub fn schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(InstrumentFile)).unwrap_or_default();
    let tags: Vec<serde_json::Value> = language::languages()
        .into_iter()
        .map(|l| serde_json::Value::from(l.tag))
        .collect();
    schema["properties"]["languages"]["items"]["enum"] = tags.clone().into();
    schema["properties"]["languages"]["maxItems"] = tags.len().into();
    schema["$defs"]["Text"]["propertyNames"] = serde_json::json!({ "enum": tags });
    schema["$defs"]["Text"]["additionalProperties"] = serde_json::json!({
        "type": "string",
        "minLength": 1,
        "pattern": "\\S"
    });
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const SMALL: &str = include_str!("../data/fixtures/instruments/small.json");

    /// The small example changed by `edit`, written out and read back.
    fn read_edited(
        edit: impl FnOnce(&mut Value),
    ) -> (String, Result<InstrumentFile, Vec<Problem>>) {
        let mut value: Value = serde_json::from_str(SMALL).unwrap();
        edit(&mut value);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let read = read(&text);
        (text, read)
    }

    /// The flaws of an edited example, each with its path.
    fn flaws(edit: impl FnOnce(&mut Value)) -> Vec<(Flaw, String)> {
        let (_, read) = read_edited(edit);
        read.unwrap_err()
            .into_iter()
            .map(|p| (p.flaw, p.path.to_string()))
            .collect()
    }

    #[test]
    fn sample_answers_give_strong_middling_and_weak_dimensions_on_any_scale() {
        use crate::scoring;
        for (labels, reversed) in [(5, false), (7, true), (3, true)] {
            let (_, file) = read_edited(|v| {
                let label = v["scale"]["labels"][0].clone();
                v["scale"]["labels"] = Value::Array(vec![label; labels]);
                v["bands"] = json!({ "discussFrom": 1.5, "strengthFrom": labels as f64 - 0.5 });
                let first = v["dimensions"][0].clone();
                v["dimensions"] = Value::Array(
                    (0..4)
                        .map(|n| {
                            let mut d = first.clone();
                            d["id"] = json!(format!("d{n}"));
                            for (k, s) in d["statements"]
                                .as_array_mut()
                                .unwrap()
                                .iter_mut()
                                .enumerate()
                            {
                                s["id"] = json!(format!("d{n}s{k}"));
                                s["reversed"] = json!(reversed && k == 0);
                            }
                            d
                        })
                        .collect(),
                );
            });
            let instrument = file.unwrap().instrument("en");
            let answers = sample_answers(&instrument);
            assert_eq!(
                answers.answered_in(&instrument),
                instrument.statement_count()
            );
            let scores = scoring::score(&instrument, &answers);
            let bands: Vec<Option<Band>> = scores
                .dimensions
                .iter()
                .map(|d| d.band(&instrument.bands))
                .collect();
            assert_eq!(
                bands,
                [Band::Strength, Band::Discuss, Band::Concern, Band::Strength].map(Some),
                "{labels} points"
            );
        }
    }

    fn count(of: Counted, found: usize, range: RangeInclusive<usize>) -> Flaw {
        Flaw::Count {
            of,
            found,
            min: *range.start(),
            max: *range.end(),
        }
    }

    #[test]
    fn a_valid_file_is_read_whole() {
        let file = read(SMALL).unwrap();
        assert_eq!(file.id, "coalition-pulse");
        assert_eq!(file.languages, ["en", "fr"]);
        assert_eq!(file.scale.labels.len(), 4);
        assert_eq!(file.scale.dont_know, None);
        assert_eq!(file.bands.discuss_from, 2.5);
        assert_eq!(file.dimensions.len(), 2);
        let purpose = &file.dimensions[0];
        assert!(!purpose.statements[0].reversed);
        assert!(purpose.statements[1].reversed);
        assert!(purpose.statements[0].advice.is_some());
        assert_eq!(file.dimensions[1].advice.strength.len(), 1);
        assert!(purpose.advice.strength.is_empty());
        // A text missing in a language falls back to the file's first.
        assert_eq!(file.scale.labels[3].get("fr", "en"), "Fully");
        assert_eq!(file.scale.labels[2].get("fr", "en"), "En grande partie");
        // Written out and read again, it is the same file.
        let again = read(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(again, file);
    }

    #[test]
    fn text_that_is_not_json_is_refused_where_it_breaks() {
        let broken = SMALL.replacen("\"version\": 1,", "\"version\": 1", 1);
        let problems = read(&broken).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            matches!(
                problems[0].flaw,
                Flaw::Syntax {
                    mistake: Mistake::CommaOrClose('}'),
                    ..
                }
            ),
            "{problems:?}"
        );
        // The comma is missing at the end of line 5: the next member is where it breaks.
        assert_eq!(problems[0].at, Some(Position { line: 6, column: 3 }));

        let problems = read(&format!("{SMALL} x")).unwrap_err();
        assert!(
            matches!(
                problems[0].flaw,
                Flaw::Syntax {
                    mistake: Mistake::AfterEnd,
                    ..
                }
            ),
            "{problems:?}"
        );
        assert_eq!(problems[0].path.to_string(), "$");
        assert!(matches!(
            read("").unwrap_err()[0].flaw,
            Flaw::Syntax {
                mistake: Mistake::EndOfFile,
                ..
            }
        ));
    }

    #[test]
    fn each_json_mistake_is_sorted_so_it_can_be_said_in_any_language() {
        let mistake = |text: &str| match &read(text).unwrap_err()[0].flaw {
            Flaw::Syntax { mistake, .. } => *mistake,
            other => panic!("{text}: {other:?}"),
        };
        let after_end = format!("{SMALL} {{}}");
        for (text, expected) in [
            ("{\"id\": ", Mistake::EndOfFile),
            ("{\"id\": \"x", Mistake::EndOfFile),
            (
                "{\"languages\": [\"en\" \"fr\"]}",
                Mistake::CommaOrClose(']'),
            ),
            ("{\"id\": \"x\" \"version\": 1}", Mistake::CommaOrClose('}')),
            ("{\"id\" \"x\"}", Mistake::Colon),
            ("{\"id\": }", Mistake::Value),
            ("{\"id\": nope}", Mistake::Value),
            ("{id: 1}", Mistake::QuotedName),
            ("{\"id\": \"x\",}", Mistake::TrailingComma),
            ("{\"languages\": [\"en\",]}", Mistake::TrailingComma),
            (&after_end, Mistake::AfterEnd),
            ("{\"version\": 01}", Mistake::Number),
            ("{\"version\": 1e999}", Mistake::Number),
            ("{\"id\": \"\\q\"}", Mistake::Escape),
            ("{\"id\": \"\\ud800\"}", Mistake::Escape),
            ("{\"id\": \"line\nbreak\"}", Mistake::ControlCharacter),
        ] {
            assert_eq!(mistake(text), expected, "{text}");
        }
    }

    #[test]
    fn a_missing_unknown_or_repeated_member_is_named_with_its_place() {
        assert_eq!(
            flaws(|v| {
                v.as_object_mut().unwrap().remove("scale");
            }),
            [(Flaw::Missing("scale".into()), "$".into())]
        );
        assert_eq!(
            flaws(|v| {
                v["dimensions"][1]["statements"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("text");
            }),
            [(
                Flaw::Missing("text".into()),
                "dimensions[1].statements[0]".into()
            )]
        );
        let found = flaws(|v| v["dimensions"][0]["statements"][1]["reverse"] = true.into());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Flaw::Unknown("reverse".into()));
        assert!(
            found[0].1.starts_with("dimensions[0].statements[1]"),
            "{found:?}"
        );

        let repeated = SMALL.replacen("\"format\": 1,", "\"format\": 1, \"format\": 1,", 1);
        let problems = read(&repeated).unwrap_err();
        assert_eq!(problems[0].flaw, Flaw::Repeated("format".into()));
        let repeated_language = SMALL.replacen(
            "\"title\": { \"en\": \"Coalition pulse\",",
            "\"title\": { \"en\": \"Coalition pulse\", \"en\": \"Again\",",
            1,
        );
        let problems = read(&repeated_language).unwrap_err();
        assert_eq!(problems[0].flaw, Flaw::Repeated("en".into()));
        assert_eq!(problems[0].path.to_string(), "title");
        assert_eq!(problems[0].at.map(|p| p.line), Some(7));
    }

    #[test]
    fn the_kind_the_format_expects_is_named() {
        let expected = |edit: &dyn Fn(&mut Value)| match &flaws(edit)[0].0 {
            Flaw::Shape { expected, .. } => *expected,
            other => panic!("{other:?}"),
        };
        assert_eq!(expected(&|v| v["id"] = 5.into()), Some(Kind::Text));
        assert_eq!(
            expected(&|v| v["version"] = "1".into()),
            Some(Kind::WholeNumber)
        );
        assert_eq!(
            expected(&|v| v["version"] = (-1).into()),
            Some(Kind::WholeNumber)
        );
        assert_eq!(
            expected(&|v| v["bands"]["discussFrom"] = "2.5".into()),
            Some(Kind::Number)
        );
        assert_eq!(
            expected(&|v| v["title"] = "Pulse".into()),
            Some(Kind::Translations)
        );
        assert_eq!(expected(&|v| v["scale"] = json!([])), Some(Kind::Object));
        assert_eq!(expected(&|v| v["dimensions"] = json!({})), Some(Kind::List));
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_refused_with_its_path() {
        let (text, read) =
            read_edited(|v| v["dimensions"][0]["statements"][1]["reversed"] = "yes".into());
        let problems = read.unwrap_err();
        assert!(
            matches!(
                problems[0].flaw,
                Flaw::Shape {
                    expected: Some(Kind::TrueFalse),
                    ..
                }
            ),
            "{problems:?}"
        );
        assert_eq!(
            problems[0].path.to_string(),
            "dimensions[0].statements[1].reversed"
        );
        let at = problems[0].at.unwrap();
        assert!(text
            .lines()
            .nth(at.line - 1)
            .unwrap()
            .contains("\"reversed\": \"yes\""));
    }

    #[test]
    fn a_file_beyond_the_size_limit_is_refused_unread() {
        let big = format!("{SMALL}{}", " ".repeat(MAX_FILE_BYTES));
        let problems = read(&big).unwrap_err();
        assert_eq!(problems[0].flaw, Flaw::TooLarge { bytes: big.len() });
        assert_eq!(problems[0].at, None);
    }

    #[test]
    fn every_problem_of_a_well_shaped_file_is_listed_in_file_order_with_its_line() {
        let (text, read) = read_edited(|v| {
            v["id"] = "Coalition Pulse".into();
            v["languages"] = json!(["en", "fr", "xx", "fr"]);
            v["title"]["de"] = "Koalitionspuls".into();
            v["intro"] = json!({ "fr": "Seulement en français." });
            v["dimensions"][0]["name"]["fr"] = "  ".into();
            v["dimensions"][1]["statements"][0]["id"] = "purpose-1".into();
            v["dimensions"][1]["statements"][0]["text"]["en"] = "x".repeat(241).into();
        });
        let problems = read.unwrap_err();
        let found: Vec<(Flaw, String)> = problems
            .iter()
            .map(|p| (p.flaw.clone(), p.path.to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (Flaw::BadId("Coalition Pulse".into()), "id".into()),
                (Flaw::UnknownLanguage("xx".into()), "languages[2]".into()),
                (Flaw::RepeatedLanguage("fr".into()), "languages[3]".into()),
                (Flaw::Unlisted("de".into()), "title.de".into()),
                (Flaw::NoFallback("en".into()), "intro".into()),
                (Flaw::Blank, "dimensions[0].name.fr".into()),
                (
                    Flaw::RepeatedId("purpose-1".into()),
                    "dimensions[1].statements[0].id".into()
                ),
                (
                    Flaw::TooLong {
                        chars: 241,
                        max: 240
                    },
                    "dimensions[1].statements[0].text.en".into()
                ),
            ]
        );
        // Each is located at its value.
        for p in &problems {
            let at = p.at.unwrap_or_else(|| panic!("{p:?} has no place"));
            let line = text.lines().nth(at.line - 1).unwrap();
            let last = match p.path.0.last().unwrap() {
                crate::json::Step::Member(name) => format!("\"{name}\": "),
                crate::json::Step::Item(_) => String::new(),
            };
            assert!(line[..at.column - 1].ends_with(&last), "{p:?}: {line}");
        }
    }

    #[test]
    fn each_limit_is_refused_with_its_reason() {
        let statement =
            |n: usize| json!({ "id": format!("s-{n}"), "text": { "en": "A statement." } });
        let dimension = |id: String, statements: usize| {
            json!({
                "id": id, "name": { "en": "A" }, "description": { "en": "B" },
                "statements": (0..statements).map(statement).collect::<Vec<_>>(),
                "advice": { "concern": [{ "en": "C" }], "discuss": [{ "en": "D" }] }
            })
        };
        let label = json!({ "en": "L" });
        assert_eq!(
            flaws(|v| v["scale"]["labels"] = json!([label, label])),
            [
                (count(Counted::Points, 2, POINTS), "scale.labels".into()),
                (
                    Flaw::OutsideScale {
                        threshold: 2.5,
                        points: 2
                    },
                    "bands.discussFrom".into()
                ),
                (
                    Flaw::OutsideScale {
                        threshold: 3.5,
                        points: 2
                    },
                    "bands.strengthFrom".into()
                ),
            ]
        );
        assert_eq!(
            flaws(|v| v["scale"]["labels"] = json!(vec![label.clone(); 8])),
            [(count(Counted::Points, 8, POINTS), "scale.labels".into())]
        );
        assert_eq!(
            flaws(|v| v["dimensions"] = json!([])),
            [
                (
                    count(Counted::Dimensions, 0, DIMENSIONS),
                    "dimensions".into()
                ),
                (
                    count(Counted::AllStatements, 0, 1..=MAX_STATEMENTS),
                    "dimensions".into()
                ),
            ]
        );
        let thirteen: Vec<Value> = (0..13).map(|n| dimension(format!("d{n}"), 0)).collect();
        let found = flaws(|v| v["dimensions"] = json!(thirteen));
        assert_eq!(
            found[0],
            (
                count(Counted::Dimensions, 13, DIMENSIONS),
                "dimensions".into()
            )
        );
        assert_eq!(
            found[1],
            (
                count(Counted::Statements, 0, STATEMENTS_PER_DIMENSION),
                "dimensions[0].statements".into()
            )
        );
        // Seven dimensions of ten statements: 70, more than a check of 60.
        let seventy: Vec<Value> = (0..7)
            .map(|n| {
                let mut d = dimension(format!("d{n}"), 10);
                for (m, s) in d["statements"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .enumerate()
                {
                    s["id"] = format!("d{n}-{m}").into();
                }
                d
            })
            .collect();
        assert_eq!(
            flaws(|v| v["dimensions"] = json!(seventy)),
            [(
                count(Counted::AllStatements, 70, 1..=MAX_STATEMENTS),
                "dimensions".into()
            )]
        );
        assert_eq!(
            flaws(|v| v["dimensions"][0]["statements"] =
                json!((0..11).map(statement).collect::<Vec<_>>())),
            [(
                count(Counted::Statements, 11, STATEMENTS_PER_DIMENSION),
                "dimensions[0].statements".into()
            )]
        );
        assert_eq!(
            flaws(|v| {
                v["dimensions"][0]["advice"]["concern"] = json!([]);
                v["dimensions"][1]["advice"]["strength"] = json!(vec![label.clone(); 4]);
            }),
            [
                (
                    count(Counted::ConcernAdvice, 0, ADVICE),
                    "dimensions[0].advice.concern".into()
                ),
                (
                    count(Counted::StrengthAdvice, 4, STRENGTH_ADVICE),
                    "dimensions[1].advice.strength".into()
                ),
            ]
        );
        assert_eq!(
            flaws(|v| v["languages"] = json!([])),
            [(count(Counted::Languages, 0, 1..=6), "languages".into())]
        );
    }

    #[test]
    fn ids_versions_and_formats_are_checked() {
        for bad in ["", "a--b", "-a", "a-", "A", "a_b", "é", &"a".repeat(41)] {
            assert_eq!(
                flaws(|v| v["dimensions"][0]["id"] = bad.into()),
                [(Flaw::BadId(bad.into()), "dimensions[0].id".into())],
                "{bad:?}"
            );
        }
        for good in ["a", "trust-2", "x9-y-z", &"a".repeat(40)] {
            let (_, read) = read_edited(|v| v["id"] = good.into());
            assert!(read.is_ok(), "{good:?}");
        }
        assert_eq!(
            flaws(|v| v["dimensions"][1]["id"] = "purpose".into()),
            [(
                Flaw::RepeatedId("purpose".into()),
                "dimensions[1].id".into()
            )]
        );
        assert_eq!(
            flaws(|v| v["dimensions"][1]["statements"][0]["id"] = "concern-1".into()),
            [(
                Flaw::ReservedId("concern-1".into()),
                "dimensions[1].statements[0].id".into()
            )]
        );
        // "concern" alone, or "concern-1a", names no recommendation.
        for fine in ["concern", "concern-1a", "discussion-1"] {
            let (_, read) =
                read_edited(|v| v["dimensions"][1]["statements"][0]["id"] = fine.into());
            assert!(read.is_ok(), "{fine}");
        }
        assert!(flaws(|v| v["languages"] = json!(["en", "pt-BR"]))
            .contains(&(Flaw::UnknownLanguage("pt-BR".into()), "languages[1]".into())));
        assert_eq!(
            flaws(|v| v["format"] = 2.into()),
            [(Flaw::NewerFormat(2), "format".into())]
        );
        assert_eq!(
            flaws(|v| v["format"] = 0.into()),
            [(Flaw::BadVersion(0), "format".into())]
        );
        assert_eq!(
            flaws(|v| v["version"] = 0.into()),
            [(Flaw::BadVersion(0), "version".into())]
        );
        assert_eq!(
            flaws(|v| v["version"] = 10_000.into()),
            [(Flaw::BadVersion(10_000), "version".into())]
        );
    }

    #[test]
    fn the_fingerprint_follows_structure_not_words() {
        let file = read(SMALL).unwrap();
        let print = file.fingerprint();
        // Pinned: result codes carry it. Computed apart, by FNV-1a in Python over
        // "points:4;dont-know:0;purpose:purpose-1,purpose-2~;trust:trust-1".
        assert_eq!(print, "F8JH");
        assert_eq!(print.len(), 4);
        let after = |edit: &dyn Fn(&mut InstrumentFile)| {
            let mut f = file.clone();
            edit(&mut f);
            f.fingerprint()
        };
        // Words, languages, bands and advice leave it as it is.
        assert_eq!(
            after(&|f| drop(f.title.0.insert("en".into(), "Renamed".into()))),
            print
        );
        assert_eq!(
            after(&|f| {
                f.dimensions[0].statements[0].text =
                    Text([("en".to_owned(), "Reworded.".to_owned())].into());
                f.languages.push("de".into());
                f.bands.discuss_from = 2.0;
                f.dimensions[1].advice.strength.clear();
                f.dimensions[0].name = Text::default();
            }),
            print
        );
        // Structure changes it.
        let changed = [
            after(&|f| f.dimensions[0].statements.swap(0, 1)),
            after(&|f| f.dimensions[0].statements[0].reversed = true),
            after(&|f| f.dimensions[1].statements[0].id = "trust-2".into()),
            after(&|f| f.dimensions[0].id = "aims".into()),
            after(&|f| f.dimensions.swap(0, 1)),
            after(&|f| f.scale.labels.push(Text::default())),
            after(&|f| f.scale.dont_know = Some(Text::default())),
            after(&|f| {
                // The same statements, one moved to the other dimension.
                let moved = f.dimensions[0].statements.pop().unwrap();
                f.dimensions[1].statements.insert(0, moved);
            }),
            after(&|f| {
                let extra = f.dimensions[1].statements[0].clone();
                f.dimensions[1].statements.push(FileStatement {
                    id: "trust-9".into(),
                    ..extra
                });
            }),
        ];
        for (n, other) in changed.iter().enumerate() {
            assert_ne!(*other, print, "change {n}");
        }
        let distinct: BTreeSet<&String> = changed.iter().collect();
        assert_eq!(distinct.len(), changed.len());
    }

    #[test]
    fn a_file_is_an_instrument_in_each_of_its_languages() {
        use crate::answers::{Answers, Response};
        use crate::scoring::{is_low, percent, score};
        let file = read(SMALL).unwrap();
        let fr = file.instrument("fr");
        assert_eq!((fr.id.as_str(), fr.version), ("coalition-pulse", 1));
        assert_eq!(fr.title, "Pouls de la coalition");
        // Missing in French: the English words.
        assert_eq!(
            fr.scale.agreement,
            ["Pas du tout", "Un peu", "En grande partie", "Fully"]
        );
        assert_eq!(fr.scale.dont_know, None);
        assert_eq!(fr.scale.points(), 4);
        assert_eq!((fr.bands.discuss_from, fr.bands.strength_from), (25, 35));
        // A language the file does not have: all in its first.
        assert_eq!(file.instrument("ar").title, "Coalition pulse");
        let purpose = &fr.dimensions[0];
        let ids: Vec<&str> = purpose.advice.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["concern-1", "discuss-1", "purpose-1"]);
        assert_eq!(
            purpose.advice_if_low("purpose-1").unwrap().text,
            "Write the coalition's purpose in one sentence together."
        );
        assert_eq!(purpose.advice_if_low("purpose-2"), None);
        assert_eq!(fr.dimensions[1].advice_for(Band::Strength).count(), 1);

        // Scored on its own scale: a reversed answer turns round within four points, a
        // dimension of one statement has a score from that one answer, and the bands are
        // the file's.
        let mut answers = Answers::default();
        answers.set("purpose-1", Response::agreement(4).unwrap());
        answers.set("purpose-2", Response::agreement(1).unwrap());
        answers.set("trust-1", Response::agreement(3).unwrap());
        let scores = score(&fr, &answers);
        assert_eq!(scores.dimensions[0].mean(), Some(4.0));
        assert_eq!(scores.dimensions[0].band(&fr.bands), Some(Band::Strength));
        assert_eq!(scores.dimensions[1].mean(), Some(3.0));
        assert_eq!(scores.dimensions[1].band(&fr.bands), Some(Band::Discuss));
        assert_eq!(scores.overall_percent(fr.scale.points()), Some(83)); // 3.5 of 1–4
        assert_eq!(percent(4, 3.0), 67);
        let trust = &fr.dimensions[1].statements[0];
        assert!(is_low(4, trust, Response::agreement(2).unwrap()));
        assert!(!is_low(4, trust, Response::agreement(3).unwrap()));
        // Off its scale: no answer.
        answers.set("trust-1", Response::agreement(5).unwrap());
        assert_eq!(answers.answered_in(&fr), 2);
        assert_eq!(score(&fr, &answers).dimensions[1].mean(), None);
        answers.set("trust-1", Response::DONT_KNOW);
        assert_eq!(answers.answered_in(&fr), 2);
    }

    #[test]
    fn the_readme_s_example_is_a_valid_instrument() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Your own questionnaire").unwrap()..];
        let start = section.find("```json\n").unwrap() + "```json\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let file = read(example).unwrap_or_else(|p| panic!("the README's example: {p:?}"));
        assert_eq!(file.id, "coalition-pulse");
        assert_eq!(file.instrument("fr").scale.agreement[3], "Entièrement");
    }

    #[test]
    fn the_built_in_check_read_from_its_file_is_the_built_in_check() {
        let file = read(include_str!("../../instruments/partnership-health.json")).unwrap();
        let mut from_file = file.instrument("en");
        // Format-1 codes name the built-in check by its letters, which files do not have.
        from_file.code = "PH".into();
        assert_eq!(from_file, crate::fixtures::current());
    }

    #[test]
    fn band_thresholds_rise_in_tenths_within_the_scale() {
        let bands = |discuss: f64, strength: f64| {
            flaws(move |v| v["bands"] = json!({ "discussFrom": discuss, "strengthFrom": strength }))
        };
        assert_eq!(
            bands(2.25, 3.0),
            [(Flaw::NotTenths(2.25), "bands.discussFrom".into())]
        );
        assert_eq!(
            bands(1.0, 3.0),
            [(
                Flaw::OutsideScale {
                    threshold: 1.0,
                    points: 4
                },
                "bands.discussFrom".into()
            )]
        );
        assert_eq!(
            bands(2.0, 4.1),
            [(
                Flaw::OutsideScale {
                    threshold: 4.1,
                    points: 4
                },
                "bands.strengthFrom".into()
            )]
        );
        assert_eq!(
            bands(3.0, 3.0),
            [(Flaw::BandsNotRising, "bands.strengthFrom".into())]
        );
        assert_eq!(
            bands(3.5, 2.0),
            [(Flaw::BandsNotRising, "bands.strengthFrom".into())]
        );
        let (_, read) =
            read_edited(|v| v["bands"] = json!({ "discussFrom": 1.1, "strengthFrom": 4 }));
        assert!(read.is_ok());
    }
}

#[cfg(test)]
mod published_tests {
    use super::*;
    use crate::instrument::InstrumentError;

    /// Every language's pack, in the order of `languages.json`.
    fn packs() -> Vec<(String, language::Pack)> {
        language::languages()
            .into_iter()
            .map(|l| {
                let file = format!("{}/data/lang/{}.json", env!("CARGO_MANIFEST_DIR"), l.tag);
                let json = std::fs::read_to_string(&file).unwrap();
                (l.tag, language::Pack::read(&json).unwrap())
            })
            .collect()
    }

    /// `cargo run -p rapport-core --example instruments -- export instruments` writes it
    /// anew.
    const PUBLISHED: &str = include_str!("../../instruments/partnership-health.json");
    const PULSE: &str = include_str!("../../instruments/pulse.json");

    #[test]
    fn the_built_in_check_is_published_as_a_file_in_every_language() {
        let packs = packs();
        let file = partnership_health(&packs).unwrap();
        assert_eq!(
            read(PUBLISHED).unwrap(),
            file,
            "instruments/partnership-health.json is out of date: export it anew (see above)"
        );
        assert_eq!(file.languages, ["en", "fr", "es", "pt", "de", "ar"]);
        // Every word of every language is the pack's, in its place.
        for (tag, pack) in &packs {
            let built = pack.partnership_health().unwrap();
            let i = built.current();
            assert_eq!((file.id.as_str(), file.version), (i.id.as_str(), i.version));
            assert_eq!(file.title.0[tag], i.title);
            assert_eq!(file.scale.labels.len(), 5);
            assert_eq!(file.scale.labels[2].0[tag], i.scale.agreement[2]);
            assert_eq!(
                file.scale.dont_know.as_ref().map(|t| &t.0[tag]),
                i.scale.dont_know.as_ref()
            );
            for (fd, d) in file.dimensions.iter().zip(&i.dimensions) {
                assert_eq!((fd.id.as_str(), &fd.name.0[tag]), (d.id.as_str(), &d.name));
                for (fs, s) in fd.statements.iter().zip(&d.statements) {
                    assert_eq!(
                        (&fs.id, &fs.text.0[tag], fs.reversed),
                        (&s.id, &s.text, s.reversed)
                    );
                    let advice = fs.advice.as_ref().map(|a| &a.0[tag]);
                    assert_eq!(advice, d.advice_if_low(&s.id).map(|r| &r.text));
                }
                let concern: Vec<&String> = d.advice_for(Band::Concern).map(|r| &r.text).collect();
                let in_file: Vec<&String> = fd.advice.concern.iter().map(|t| &t.0[tag]).collect();
                assert_eq!(in_file, concern);
                assert_eq!(
                    fd.advice.strength.len(),
                    d.advice_for(Band::Strength).count()
                );
            }
        }
        assert_eq!(file.fingerprint(), read(PUBLISHED).unwrap().fingerprint());
    }

    #[test]
    fn each_language_of_a_file_alone_reads_as_the_same_instrument() {
        for file in [read(PUBLISHED).unwrap(), read(PULSE).unwrap()] {
            for tag in &file.languages {
                let alone = file.in_language(tag);
                let text = serde_json::to_string(&alone).unwrap();
                let again = read(&text).unwrap_or_else(|p| panic!("{} {tag}: {p:?}", file.id));
                // No other language's words are left in it.
                for other in file.languages.iter().filter(|o| *o != tag) {
                    assert!(!text.contains(&format!("\"{other}\":")), "{other} in {tag}");
                }
                assert_eq!(again.languages, [tag.as_str()]);
                assert_eq!(
                    again.instrument(tag),
                    file.instrument(tag),
                    "{} {tag}",
                    file.id
                );
                assert_eq!(again.fingerprint(), file.fingerprint());
            }
        }
        // A language the file lacks is its first language's words, under that tag.
        let pulse = read(PULSE).unwrap();
        let alone = pulse.in_language("en").in_language("de");
        assert_eq!(alone.languages, ["de"]);
        assert_eq!(alone.instrument("de").title, pulse.instrument("en").title);
    }

    #[test]
    fn the_app_reads_the_current_version_from_its_file_and_the_older_ones_from_its_pack() {
        let file = read(PUBLISHED).unwrap();
        for (tag, pack) in packs() {
            let whole = pack.partnership_health().unwrap();
            // The pack as the build publishes it: the current version's words taken out.
            let mut published = pack.clone();
            let versions = &mut published.instruments.get_mut(&file.id).unwrap().0;
            assert!(versions.remove(&file.version).is_some());
            assert_eq!(
                published.partnership_health(),
                Err(InstrumentError::NoWords)
            );
            let alone = read(&serde_json::to_string(&file.in_language(&tag)).unwrap()).unwrap();
            let read_back = published.partnership_health_with(alone.instrument(&tag));
            assert_eq!(read_back, Ok(whole), "{tag}");
        }
    }

    #[test]
    fn a_file_that_is_not_the_current_structure_is_not_the_built_in_check() {
        let pack = crate::fixtures::english_pack();
        let file = read(PUBLISHED).unwrap();
        let built = |edit: &dyn Fn(&mut InstrumentFile)| {
            let mut file = file.clone();
            edit(&mut file);
            pack.partnership_health_with(file.instrument("en"))
        };
        assert!(built(&|_| {}).is_ok());
        type Change<'a> = (&'a str, &'a dyn Fn(&mut InstrumentFile));
        let changes: [Change; 9] = [
            ("another id", &|f| f.id = "partnership-pulse".into()),
            ("another version", &|f| f.version += 1),
            ("a statement reversed", &|f| {
                f.dimensions[0].statements[0].reversed ^= true
            }),
            ("two statements swapped", &|f| {
                f.dimensions[1].statements.swap(0, 1)
            }),
            ("a dimension fewer", &|f| {
                f.dimensions.pop();
            }),
            ("a point fewer", &|f| {
                f.scale.labels.pop();
            }),
            ("no don't know", &|f| f.scale.dont_know = None),
            ("other bands", &|f| f.bands.discuss_from = 2.5),
            ("bands named", &|f| {
                let name = |words: &str| Text(BTreeMap::from([("en".into(), words.into())]));
                f.bands.names = Some(BandNames {
                    concern: name("Red"),
                    discuss: name("Amber"),
                    strength: name("Green"),
                });
            }),
        ];
        for (change, edit) in changes {
            assert_eq!(
                built(edit),
                Err(InstrumentError::NotItsStructure),
                "{change}"
            );
        }
        // Advice offered for another band, or a statement's advice dropped.
        assert_eq!(
            built(&|f| {
                let d = &mut f.dimensions[0];
                let moved = d.advice.concern.pop().unwrap();
                d.advice.discuss.push(moved);
            }),
            Err(InstrumentError::NotItsStructure)
        );
        assert_eq!(
            built(&|f| f.dimensions[2].statements[0].advice = None),
            Err(InstrumentError::NotItsStructure)
        );
    }

    #[test]
    fn translations_of_different_instruments_make_no_file() {
        let v1 = crate::fixtures::version_1();
        let v2 = crate::fixtures::current();
        assert!(InstrumentFile::from_translations(&[("en", &v2), ("fr", &v1)]).is_none());
        let mut moved = v2.clone();
        moved.dimensions[0].statements[0].reversed = !moved.dimensions[0].statements[0].reversed;
        assert!(InstrumentFile::from_translations(&[("en", &v2), ("fr", &moved)]).is_none());
        assert!(InstrumentFile::from_translations(&[]).is_none());
        assert!(InstrumentFile::from_translations(&[("en", &v2)]).is_some());
    }
}

#[cfg(test)]
mod schema_tests {
    /// The published schema: `cargo run -p rapport-core --features schema --example
    /// instruments -- schema instruments/schema.json` writes it anew.
    const PUBLISHED: &str = include_str!("../../instruments/schema.json");

    #[test]
    fn the_published_schema_is_the_one_the_types_make() {
        let published: serde_json::Value = serde_json::from_str(PUBLISHED).unwrap();
        assert_eq!(
            published,
            super::schema(),
            "instruments/schema.json is out of date: write it anew (see above)"
        );
        // Editors complete the language tags and the members from it.
        assert_eq!(
            published["$defs"]["Text"]["propertyNames"]["enum"],
            serde_json::json!(["en", "fr", "es", "pt", "de", "ar"])
        );
        assert_eq!(published["additionalProperties"], false);
        assert!(published["required"]
            .as_array()
            .unwrap()
            .contains(&"dimensions".into()));
    }
}
