//! The questionnaire as data. Its structure (ids, order, which statements are reversed,
//! which advice answers which band or statement) lives in
//! `data/partnership-health-<version>.json`; its words come from a language pack
//! ([`InstrumentText`]), so every language asks exactly the same questions. Every version
//! ever shipped stays here: checks people keep were made with them. The seed passage each
//! statement and recommendation of version 2 rests on is beside it
//! (`partnership-health-2-sources.json`), read by the tests only: the app has no use for
//! it.

use crate::json::{unique, Position};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Every version of the Partnership Health Check, oldest first. The last is the one new
/// checks use.
pub(crate) const PARTNERSHIP_HEALTH: [&str; 2] = [
    include_str!("../data/partnership-health-1.json"),
    include_str!("../data/partnership-health-2.json"),
];

/// The fewest statements a dimension may have: a dimension needs two scored answers to
/// have a score at all.
pub const MIN_STATEMENTS: usize = 2;
/// How many concern and how many discuss recommendations a dimension has, at least and
/// at most: one is no choice, more than three is more than a person acts on.
pub const MIN_ADVICE: usize = 2;
pub const MAX_ADVICE: usize = 3;
/// About how long one statement takes to read and answer.
pub const SECONDS_PER_STATEMENT: usize = 15;

/// The most points a scale may have: answers are stored as one digit, 0 for "don't know".
pub const MAX_POINTS: usize = 7;

/// Where a dimension's mean falls: what the results say about it and which advice fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Concern,
    Discuss,
    Strength,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    /// Short upper-case letters naming the instrument in result codes (with the version).
    pub code: String,
    pub title: String,
    /// What the check covers, shown before it starts.
    pub intro: String,
    pub scale: Scale,
    pub bands: Bands,
    pub dimensions: Vec<Dimension>,
}

/// Labels of the response scale: agreement from 1 to its number of points (lowest
/// first), and "don't know" (not scored) where the instrument offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub agreement: Vec<String>,
    pub dont_know: Option<String>,
}

impl Scale {
    /// The number of points: 5 for the Partnership Health Check, 3 to 7 in a file.
    pub fn points(&self) -> u8 {
        // A scale has at most MAX_POINTS labels (the file format refuses more).
        self.agreement.len().min(MAX_POINTS) as u8
    }
}

/// Where a mean on the scale (1 to its points) enters each band, in tenths of a point,
/// so thresholds compare exactly; and the bands' own names, when the instrument has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bands {
    pub discuss_from: u32,
    pub strength_from: u32,
    pub names: Option<BandNames>,
}

/// Whether a mean reaches a threshold in tenths. A mean of means exactly on a threshold
/// such as 3.1 can come out of floating point a hair below it (3.0999999999999996): a
/// millionth of a point is allowed for that, far below any difference answers make.
pub fn reaches(score: f64, tenths: u32) -> bool {
    score * 10.0 + 1e-6 >= f64::from(tenths)
}

/// An instrument's own names for its bands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandNames {
    pub concern: String,
    pub discuss: String,
    pub strength: String,
}

impl Default for Bands {
    /// The Partnership Health Check's: the Wilder Collaboration Factors Inventory's
    /// convention (discuss from 3, strength from 4, on five points).
    fn default() -> Bands {
        Bands {
            discuss_from: 30,
            strength_from: 40,
            names: None,
        }
    }
}

impl Bands {
    pub fn of(&self, score: f64) -> Band {
        if reaches(score, self.strength_from) {
            Band::Strength
        } else if reaches(score, self.discuss_from) {
            Band::Discuss
        } else {
            Band::Concern
        }
    }

    /// The lowest mean in `band` (1 for concern, the scale's lowest point).
    pub fn threshold(&self, band: Band) -> f64 {
        match band {
            Band::Concern => 1.0,
            Band::Discuss => f64::from(self.discuss_from) / 10.0,
            Band::Strength => f64::from(self.strength_from) / 10.0,
        }
    }

    /// The instrument's own name for `band`, if it gives one.
    pub fn name(&self, band: Band) -> Option<&str> {
        let names = self.names.as_ref()?;
        Some(match band {
            Band::Concern => &names.concern,
            Band::Discuss => &names.discuss,
            Band::Strength => &names.strength,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub statements: Vec<Statement>,
    /// In the order the results show them: the bands' advice, then the statements'.
    pub advice: Vec<Recommendation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    pub text: String,
    /// Agreeing with a reversed statement signals a problem, so it is scored `6 - x`.
    pub reversed: bool,
}

/// One thing to do, and when the results offer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Unique within its dimension; a plan keeps it by this id.
    pub id: String,
    pub when: When,
    pub text: String,
}

/// When a recommendation is offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// The dimension's mean is in this band.
    Band(Band),
    /// This statement's answer is low (see `scoring::is_low`), whatever the band.
    Low(String),
}

impl Dimension {
    /// The recommendations for a band, in order.
    pub fn advice_for(&self, band: Band) -> impl Iterator<Item = &Recommendation> {
        self.advice
            .iter()
            .filter(move |r| r.when == When::Band(band))
    }

    /// The recommendation for a low answer to `statement`, if there is one.
    pub fn advice_if_low(&self, statement: &str) -> Option<&Recommendation> {
        self.advice
            .iter()
            .find(|r| matches!(&r.when, When::Low(s) if s == statement))
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.advice.iter().find(|r| r.id == id)
    }
}

/// An instrument's structure, as its data file gives it: ids in order, which statements
/// are reversed, and when each recommendation is offered. No words: those are in every
/// language's pack.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub id: String,
    pub version: u32,
    pub code: String,
    pub dimensions: Vec<DimensionStructure>,
}

impl Structure {
    /// Whether `instrument` is this structure in some language's words: the same id and
    /// version, dimensions, statements (in order, reversed alike) and advice (in order,
    /// each offered when this says), on the five points with "don't know" and the bands
    /// every built-in version has (named as every check names them, not by the file).
    fn fits(&self, instrument: &Instrument) -> bool {
        instrument.id == self.id
            && instrument.version == self.version
            && instrument.scale.agreement.len() == 5
            && instrument.scale.dont_know.is_some()
            && instrument.bands == Bands::default()
            && instrument.dimensions.len() == self.dimensions.len()
            && self
                .dimensions
                .iter()
                .zip(&instrument.dimensions)
                .all(|(s, d)| {
                    s.id == d.id
                        && s.statements
                            .iter()
                            .map(|s| (&s.id, s.reversed))
                            .eq(d.statements.iter().map(|s| (&s.id, s.reversed)))
                        && s.advice
                            .iter()
                            .map(|a| (&a.id, &a.when))
                            .eq(d.advice.iter().map(|a| (&a.id, &a.when)))
                })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionStructure {
    pub id: String,
    pub statements: Vec<StatementStructure>,
    pub advice: Vec<AdviceStructure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementStructure {
    pub id: String,
    pub reversed: bool,
}

/// A recommendation's place in the structure: offered for a band or for one statement's
/// low answer, never both.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "AdviceFields")]
pub struct AdviceStructure {
    pub id: String,
    pub when: When,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceFields {
    id: String,
    #[serde(default)]
    band: Option<Band>,
    #[serde(default)]
    statement: Option<String>,
}

impl TryFrom<AdviceFields> for AdviceStructure {
    type Error = String;

    fn try_from(a: AdviceFields) -> Result<Self, String> {
        let when = match (a.band, a.statement) {
            (Some(band), None) => When::Band(band),
            (None, Some(statement)) => When::Low(statement),
            // The id names the faulty advice; where it is comes with serde's position.
            _ => return Err(a.id),
        };
        Ok(AdviceStructure { id: a.id, when })
    }
}

/// Each instrument's words by instrument id, then by version.
pub type InstrumentWords = BTreeMap<String, WordsByVersion>;

/// One instrument's words by version (`"1"`, `"2"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct WordsByVersion(#[serde(deserialize_with = "unique")] pub BTreeMap<u32, InstrumentText>);

/// An instrument's words in one language, keyed by the structure's ids, as a language
/// pack gives them (`instruments.<id>.<version>`). Whether a statement is reversed is
/// not theirs to say.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentText {
    pub title: String,
    pub intro: String,
    pub agreement: [String; 5],
    pub dont_know: String,
    #[serde(deserialize_with = "unique")]
    pub dimensions: BTreeMap<String, DimensionText>,
}

/// One dimension's words: its statements and its advice by id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionText {
    pub name: String,
    pub description: String,
    #[serde(deserialize_with = "unique")]
    pub statements: BTreeMap<String, String>,
    #[serde(deserialize_with = "unique")]
    pub advice: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentError {
    /// The structure is not what an instrument's data file holds; where it went wrong.
    Parse(Position),
    /// The pack has no words for this instrument (or this version of it) at all.
    NoWords,
    /// The words give no text for this id: a dimension's, a statement's
    /// (`trust/trust-2`) or a recommendation's (`trust/concern-1`).
    NoText(String),
    /// The current version, as given (read from its file), is not its structure: another
    /// id or version, other statements, advice, scale or bands.
    NotItsStructure,
}

/// A site owner's instrument under the id of a built-in one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken(pub String);

/// Every version of an instrument this build knows, oldest first: checks made with any
/// of them open, and new checks use the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruments {
    versions: Vec<Instrument>,
}

/// A site owner's instrument alone, as the studio previews it.
impl From<Instrument> for Instruments {
    fn from(own: Instrument) -> Instruments {
        Instruments {
            versions: vec![own],
        }
    }
}

impl Instruments {
    /// Every version of the Partnership Health Check in a pack's words. Its structures
    /// and the shipped packs are validated by this crate's tests, so the app only checks
    /// that every text is there.
    pub fn partnership_health(words: &InstrumentWords) -> Result<Instruments, InstrumentError> {
        Instruments::of(&PARTNERSHIP_HEALTH, words)
    }

    /// Every version of the Partnership Health Check: the older ones in a pack's words,
    /// and `current`, the current version as the app reads it from its instrument file
    /// in one language. That must be the current structure to the letter (format-1 codes
    /// name statements by their place, plans name advice by id); it gets the letters
    /// codes name it by, which files do not carry.
    pub fn partnership_health_with(
        words: &InstrumentWords,
        mut current: Instrument,
    ) -> Result<Instruments, InstrumentError> {
        let (last, older) = PARTNERSHIP_HEALTH
            .split_last()
            .ok_or(InstrumentError::NoWords)?;
        let structure: Structure =
            serde_json::from_str(last).map_err(|e| InstrumentError::Parse(Position::from(&e)))?;
        if !structure.fits(&current) {
            return Err(InstrumentError::NotItsStructure);
        }
        current.code = structure.code;
        let mut versions = older
            .iter()
            .map(|s| Instrument::build(s, words))
            .collect::<Result<Vec<_>, _>>()?;
        versions.push(current);
        Ok(Instruments { versions })
    }

    /// Builds each structure (oldest first) in `words`.
    pub fn of(
        structures: &[&str],
        words: &InstrumentWords,
    ) -> Result<Instruments, InstrumentError> {
        let versions = structures
            .iter()
            .map(|s| Instrument::build(s, words))
            .collect::<Result<Vec<_>, _>>()?;
        if versions.is_empty() {
            return Err(InstrumentError::NoWords);
        }
        Ok(Instruments { versions })
    }

    /// These and `own`, a site owner's instrument, which new checks then use: checks of
    /// the built-in versions still open. A file of the built-in check itself (the same id,
    /// version and structure) is the built-in check; any other instrument under a built-in
    /// id is refused, since its checks and codes would pass for the built-in's.
    pub fn with(mut self, own: Instrument) -> Result<Instruments, Taken> {
        let builtin = |i: &Instrument| i.id == own.id;
        if self.versions.iter().any(builtin) {
            let same = self.versions.iter().any(|i| {
                builtin(i) && i.version == own.version && i.fingerprint() == own.fingerprint()
            });
            return if same && self.current().version == own.version {
                Ok(self)
            } else {
                Err(Taken(own.id))
            };
        }
        self.versions.push(own);
        Ok(self)
    }

    /// The version new checks use.
    pub fn current(&self) -> &Instrument {
        // Neither `of` nor `from` builds an empty list.
        &self.versions[self.versions.len() - 1]
    }

    pub fn get(&self, id: &str, version: u32) -> Option<&Instrument> {
        self.versions
            .iter()
            .find(|i| i.id == id && i.version == version)
    }

    pub fn all(&self) -> &[Instrument] {
        &self.versions
    }
}

impl Instrument {
    /// Puts a structure (JSON) and the words for its id and version together; fails
    /// when the structure is broken or a text is missing.
    pub fn build(structure: &str, words: &InstrumentWords) -> Result<Instrument, InstrumentError> {
        let structure: Structure = serde_json::from_str(structure)
            .map_err(|e| InstrumentError::Parse(Position::from(&e)))?;
        let words = words
            .get(&structure.id)
            .and_then(|versions| versions.0.get(&structure.version))
            .ok_or(InstrumentError::NoWords)?;
        let dimensions = structure
            .dimensions
            .into_iter()
            .map(|d| {
                let text = words
                    .dimensions
                    .get(&d.id)
                    .ok_or_else(|| InstrumentError::NoText(d.id.clone()))?;
                let missing = |id: &str| InstrumentError::NoText(format!("{}/{id}", d.id));
                let statements = d
                    .statements
                    .into_iter()
                    .map(|s| {
                        let words = text.statements.get(&s.id).ok_or_else(|| missing(&s.id))?;
                        Ok(Statement {
                            text: words.clone(),
                            id: s.id,
                            reversed: s.reversed,
                        })
                    })
                    .collect::<Result<_, _>>()?;
                let advice = d
                    .advice
                    .into_iter()
                    .map(|a| {
                        let words = text.advice.get(&a.id).ok_or_else(|| missing(&a.id))?;
                        Ok(Recommendation {
                            text: words.clone(),
                            id: a.id,
                            when: a.when,
                        })
                    })
                    .collect::<Result<_, _>>()?;
                Ok(Dimension {
                    id: d.id,
                    name: text.name.clone(),
                    description: text.description.clone(),
                    statements,
                    advice,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Instrument {
            id: structure.id,
            version: structure.version,
            code: structure.code,
            title: words.title.clone(),
            intro: words.intro.clone(),
            scale: Scale {
                agreement: words.agreement.to_vec(),
                dont_know: Some(words.dont_know.clone()),
            },
            bands: Bands::default(),
            dimensions,
        })
    }

    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.dimensions.iter().flat_map(|d| d.statements.iter())
    }

    pub fn statement_count(&self) -> usize {
        self.statements().count()
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// A short mark of everything that makes two sets of answers comparable: the scale
    /// (its points, whether "don't know" is offered) and each dimension's statements, by
    /// id, in order, with their reversed flags. Wording, languages, bands and advice are
    /// left out: a translated or reworded copy still compares. A result code carries it,
    /// so answers to an altered copy are never read against the original.
    ///
    /// Pinned forever (codes carry it): FNV-1a 64 of the UTF-8 text
    /// `points:<n>;dont-know:<0|1>` then, per dimension, `;<id>:` and its statements'
    /// ids joined by `,`, each reversed one ending in `~`; its first three bytes (most
    /// significant first) as four base64url characters.
    pub fn fingerprint(&self) -> String {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let mut text = format!(
            "points:{};dont-know:{}",
            self.scale.points(),
            u8::from(self.scale.dont_know.is_some())
        );
        for d in &self.dimensions {
            let statements: Vec<String> = d
                .statements
                .iter()
                .map(|s| format!("{}{}", s.id, if s.reversed { "~" } else { "" }))
                .collect();
            text.push_str(&format!(";{}:{}", d.id, statements.join(",")));
        }
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        URL_SAFE_NO_PAD.encode(&hash.to_be_bytes()[..3])
    }

    /// About how long the whole check takes, in whole minutes, rounded up.
    pub fn minutes(&self) -> usize {
        (self.statement_count() * SECONDS_PER_STATEMENT).div_ceil(60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use std::collections::BTreeSet;

    fn version_1() -> Instrument {
        fixtures::version_1()
    }

    #[test]
    fn every_version_is_built_and_new_checks_use_the_last() {
        let all = fixtures::instruments();
        let versions: Vec<(&str, u32, &str)> = all
            .all()
            .iter()
            .map(|i| (i.id.as_str(), i.version, i.code.as_str()))
            .collect();
        assert_eq!(
            versions,
            [
                ("partnership-health", 1, "PH"),
                ("partnership-health", 2, "PH")
            ]
        );
        assert_eq!(all.current().version, 2);
        assert_eq!(all.get("partnership-health", 1), Some(&version_1()));
        assert_eq!(all.get("partnership-health", 3), None);
        assert_eq!(all.get("other", 1), None);
    }

    #[test]
    fn version_1_is_the_partnership_health_check_as_first_shipped() {
        let i = version_1();
        assert_eq!(i.id, "partnership-health");
        assert_eq!(i.version, 1);
        assert_eq!(i.title, "Partnership Health Check");
        assert_eq!(
            i.intro,
            "Eight short steps on how your partnership works: shared purpose, communication, \
             trust, goals, commitment, coordination, complementary strengths, and learning \
             together. You get a score for each, and concrete next steps where it matters."
        );
        assert_eq!(i.dimensions.len(), 8);
        assert_eq!(i.statement_count(), 32);
        let names: Vec<_> = i.dimensions.iter().map(|d| d.name.clone()).collect();
        assert_eq!(
            names,
            [
                "Shared purpose & values",
                "Communication",
                "Trust & respect",
                "Goals & accountability",
                "Commitment",
                "Coordination & decision-making",
                "Complementary strengths",
                "Learning & celebration"
            ]
        );
        assert_eq!(
            i.scale.agreement,
            [
                "Strongly disagree",
                "Disagree",
                "Neutral",
                "Agree",
                "Strongly agree"
            ]
        );
        assert_eq!(i.scale.dont_know.as_deref(), Some("Don't know"));
        assert_eq!(i.scale.points(), 5);
        assert_eq!(i.bands, Bands::default());
        // Version 1 advises by band only.
        assert!(i
            .dimensions
            .iter()
            .flat_map(|d| &d.advice)
            .all(|r| matches!(r.when, When::Band(_))));
    }

    #[test]
    fn the_current_version_asks_the_same_midpoint_as_neither_nor() {
        let i = fixtures::current();
        assert_eq!(i.scale.agreement[2], "Neither agree nor disagree");
        assert!(i.statement_count() <= 40, "{}", i.statement_count());
        assert!(i.minutes() <= 10);
    }

    #[test]
    fn shipped_text_is_never_duplicated() {
        for i in fixtures::instruments().all() {
            let mut seen = BTreeSet::new();
            for d in &i.dimensions {
                for text in d
                    .statements
                    .iter()
                    .map(|s| &s.text)
                    .chain(d.advice.iter().map(|r| &r.text))
                    .chain([&d.description])
                {
                    assert!(seen.insert(text.clone()), "duplicated: {text}");
                }
            }
        }
    }

    /// The English words of version 1, changed by `edit`, built into the instrument.
    fn build_with(edit: impl FnOnce(&mut InstrumentText)) -> Result<Instrument, InstrumentError> {
        let mut pack = fixtures::english_pack();
        let words = pack
            .instruments
            .get_mut("partnership-health")
            .and_then(|v| v.0.get_mut(&1))
            .unwrap();
        edit(words);
        Instrument::build(PARTNERSHIP_HEALTH[0], &pack.instruments)
    }

    #[test]
    fn reversed_flags_live_in_the_structure_only() {
        // Words cannot say a statement is reversed: a statement given as anything but
        // its text is no pack at all, so every language scores the same statements the
        // same way.
        let pack = fixtures::ENGLISH_PACK.replacen(
            r#""purpose-1": "I can explain in one sentence why this partnership exists.""#,
            r#""purpose-1": {"text": "I can explain.", "reversed": true}"#,
            1,
        );
        assert_ne!(pack, fixtures::ENGLISH_PACK);
        assert!(crate::language::Pack::read(&pack).is_err());
        let reversed: Vec<_> = version_1()
            .statements()
            .filter(|s| s.reversed)
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(reversed.len(), 8);
        assert!(reversed.contains(&"purpose-3".to_owned()));
    }

    #[test]
    fn a_statement_dimension_or_recommendation_without_words_is_refused() {
        assert_eq!(
            build_with(|w| {
                w.dimensions
                    .get_mut("trust")
                    .unwrap()
                    .statements
                    .remove("trust-2");
            }),
            Err(InstrumentError::NoText("trust/trust-2".into()))
        );
        assert_eq!(
            build_with(|w| {
                w.dimensions
                    .get_mut("trust")
                    .unwrap()
                    .advice
                    .remove("concern-1");
            }),
            Err(InstrumentError::NoText("trust/concern-1".into()))
        );
        assert_eq!(
            build_with(|w| {
                w.dimensions.remove("goals");
            }),
            Err(InstrumentError::NoText("goals".into()))
        );
        let mut pack = fixtures::english_pack();
        pack.instruments
            .get_mut("partnership-health")
            .unwrap()
            .0
            .remove(&2);
        assert_eq!(
            Instruments::partnership_health(&pack.instruments),
            Err(InstrumentError::NoWords)
        );
        pack.instruments.clear();
        assert_eq!(
            Instruments::partnership_health(&pack.instruments),
            Err(InstrumentError::NoWords)
        );
    }

    #[test]
    fn advice_is_found_by_band_by_statement_and_by_id() {
        let i = fixtures::current();
        for d in &i.dimensions {
            assert_eq!(d.advice_for(Band::Concern).count(), 2, "{}", d.id);
            assert_eq!(d.advice_for(Band::Strength).count(), 1, "{}", d.id);
            for s in &d.statements {
                let advice = d.advice_if_low(&s.id).unwrap();
                assert_eq!(d.recommendation(&advice.id), Some(advice));
            }
        }
        let v1 = version_1();
        assert_eq!(v1.dimensions[0].advice_if_low("purpose-1"), None);
        assert_eq!(
            v1.dimensions[0].recommendation("discuss-2").unwrap().text,
            "Link each current joint activity to the shared purpose, and question any \
             activity that cannot be linked."
        );
    }

    #[test]
    fn a_site_owner_s_instrument_joins_the_built_in_ones_under_an_id_of_its_own() {
        let own =
            crate::instrument_file::read(include_str!("../data/fixtures/instruments/small.json"))
                .unwrap()
                .instrument("en");
        let all = fixtures::instruments().with(own.clone()).unwrap();
        assert_eq!(all.current(), &own);
        assert_eq!(all.get("partnership-health", 1), Some(&version_1()));
        // The built-in check's own file is the built-in check.
        let mut same = fixtures::current();
        same.code = String::new();
        let all = fixtures::instruments().with(same).unwrap();
        assert_eq!(all, fixtures::instruments());
        // Anything else under its id would pass for it.
        let mut changed = fixtures::current();
        changed.dimensions[0].statements[0].reversed ^= true;
        assert_eq!(
            fixtures::instruments().with(changed),
            Err(Taken("partnership-health".into()))
        );
        let mut later = fixtures::current();
        later.version = 3;
        assert!(fixtures::instruments().with(later).is_err());
    }

    #[test]
    fn the_check_takes_a_quarter_minute_a_statement_rounded_up() {
        let mut i = version_1();
        assert_eq!(i.minutes(), 8);
        i.dimensions[0].statements.pop();
        // 31 statements are 7 minutes 45 seconds: rounded up.
        assert_eq!(i.minutes(), 8);
        i.dimensions.truncate(1);
        assert_eq!(i.minutes(), 1);
    }

    #[test]
    fn a_broken_structure_is_refused_where_it_breaks() {
        let words = fixtures::english_pack().instruments;
        assert_eq!(
            Instrument::build("{", &words),
            Err(InstrumentError::Parse(Position { line: 1, column: 1 }))
        );
        let mut structure: serde_json::Value = serde_json::from_str(PARTNERSHIP_HEALTH[0]).unwrap();
        structure["dimensions"][1]["statements"][2]
            .as_object_mut()
            .unwrap()
            .remove("reversed");
        let text = serde_json::to_string_pretty(&structure).unwrap();
        let Err(InstrumentError::Parse(at)) = Instrument::build(&text, &words) else {
            panic!("a statement without `reversed` was read");
        };
        // Reported where that statement closes.
        let line = text.lines().nth(at.line - 1).unwrap();
        assert_eq!(line.trim(), "},", "{at:?}");
        // A recommendation for a band and a statement at once is no recommendation.
        let mut structure: serde_json::Value = serde_json::from_str(PARTNERSHIP_HEALTH[0]).unwrap();
        structure["dimensions"][0]["advice"][0]["statement"] = "purpose-1".into();
        let text = serde_json::to_string(&structure).unwrap();
        assert!(matches!(
            Instrument::build(&text, &words),
            Err(InstrumentError::Parse(_))
        ));
    }
}
