//! What makes an instrument or a language pack unusable: checked by this crate's tests
//! for the shipped structure and every shipped pack, so the app only checks that every
//! text is there. Compiled for tests only.

use crate::instrument::{
    Band, Instrument, InstrumentError, When, MAX_ADVICE, MIN_ADVICE, MIN_STATEMENTS,
};
use crate::language::{placeholders, Language, Message, Pack, StudioPack};
use std::collections::{BTreeMap, BTreeSet};

/// A text of the instrument. Strings are the ids saying where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Id,
    Title,
    Intro,
    DontKnow,
    /// The label of this agreement level (1–5).
    ScaleLabel(usize),
    /// The id of the dimension at this place (0-based): it has no id to name it by.
    DimensionId(usize),
    DimensionName(String),
    DimensionDescription(String),
    /// The id of a statement of this dimension, at this place in it (0-based).
    StatementId {
        dimension: String,
        index: usize,
    },
    StatementText(String),
    /// A recommendation, as `dimension/id`.
    Recommendation(String),
}

/// One thing that makes instrument data unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flaw {
    Empty(Field),
    /// The result-code letters are not 1 to 4 capital letters.
    BadCode(String),
    NoDimensions,
    /// Dimension and statement ids share one namespace.
    DuplicateDimensionId(String),
    DuplicateStatementId(String),
    TooFewStatements {
        dimension: String,
        count: usize,
        min: usize,
    },
    /// A dimension without a reverse-worded statement.
    NoReversed(String),
    /// Not [`MIN_ADVICE`] to [`MAX_ADVICE`] recommendations for the Concern or the
    /// Discuss band, or none for Strength.
    AdviceCount {
        dimension: String,
        band: Band,
        count: usize,
    },
    /// Two recommendations of a dimension share this id (`dimension/id`).
    DuplicateAdviceId(String),
    /// Advice for a low answer to a statement its dimension does not have
    /// (`dimension/statement`).
    AdviceForNoStatement(String),
    /// A statement id with characters other than ASCII letters, digits and '-'.
    BadStatementId(String),
}

impl Instrument {
    /// Everything that makes the data unusable.
    pub fn flaws(&self) -> Vec<Flaw> {
        let mut flaws = Vec::new();
        let mut empty = |field: Field, text: &str| {
            if text.trim().is_empty() {
                flaws.push(Flaw::Empty(field));
            }
        };
        empty(Field::Id, &self.id);
        empty(Field::Title, &self.title);
        empty(Field::Intro, &self.intro);
        empty(
            Field::DontKnow,
            self.scale.dont_know.as_deref().unwrap_or_default(),
        );
        for (i, label) in self.scale.agreement.iter().enumerate() {
            empty(Field::ScaleLabel(i + 1), label);
        }
        for (at, d) in self.dimensions.iter().enumerate() {
            empty(Field::DimensionId(at), &d.id);
            empty(Field::DimensionName(d.id.clone()), &d.name);
            empty(Field::DimensionDescription(d.id.clone()), &d.description);
            for (index, s) in d.statements.iter().enumerate() {
                let dimension = d.id.clone();
                empty(Field::StatementId { dimension, index }, &s.id);
                empty(Field::StatementText(s.id.clone()), &s.text);
            }
            for r in &d.advice {
                empty(Field::Recommendation(format!("{}/{}", d.id, r.id)), &r.text);
            }
        }

        if !(1..=4).contains(&self.code.len()) || !self.code.bytes().all(|b| b.is_ascii_uppercase())
        {
            flaws.push(Flaw::BadCode(self.code.clone()));
        }
        if self.dimensions.is_empty() {
            flaws.push(Flaw::NoDimensions);
        }
        let mut ids = BTreeSet::new();
        for d in &self.dimensions {
            if !ids.insert(d.id.as_str()) {
                flaws.push(Flaw::DuplicateDimensionId(d.id.clone()));
            }
            if d.statements.len() < MIN_STATEMENTS {
                flaws.push(Flaw::TooFewStatements {
                    dimension: d.id.clone(),
                    count: d.statements.len(),
                    min: MIN_STATEMENTS,
                });
            }
            if !d.statements.iter().any(|s| s.reversed) {
                flaws.push(Flaw::NoReversed(d.id.clone()));
            }
            for band in [Band::Concern, Band::Discuss, Band::Strength] {
                let count = d.advice_for(band).count();
                let range = match band {
                    Band::Strength => 1..=MAX_ADVICE,
                    _ => MIN_ADVICE..=MAX_ADVICE,
                };
                if !range.contains(&count) {
                    flaws.push(Flaw::AdviceCount {
                        dimension: d.id.clone(),
                        band,
                        count,
                    });
                }
            }
            let mut advice_ids = BTreeSet::new();
            for r in &d.advice {
                let at = format!("{}/{}", d.id, r.id);
                if !advice_ids.insert(r.id.as_str()) {
                    flaws.push(Flaw::DuplicateAdviceId(at.clone()));
                }
                if let When::Low(statement) = &r.when {
                    if !d.statements.iter().any(|s| s.id == *statement) {
                        flaws.push(Flaw::AdviceForNoStatement(format!("{}/{statement}", d.id)));
                    }
                }
            }
        }
        for s in self.statements() {
            if !ids.insert(s.id.as_str()) {
                flaws.push(Flaw::DuplicateStatementId(s.id.clone()));
            }
            // Ids become HTML ids and radio names.
            if !s.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                flaws.push(Flaw::BadStatementId(s.id.clone()));
            }
        }
        flaws
    }
}

impl Pack {
    /// Everything that keeps this pack from standing in for `reference` (the English
    /// pack) in `language`.
    pub fn flaws(&self, reference: &Pack, language: &Language) -> Vec<PackFlaw> {
        let mut problems = Vec::new();
        for name in reference.messages.keys() {
            if !self.messages.contains_key(name) {
                problems.push(PackFlaw::Missing(name.clone()));
            }
        }
        for (name, message) in &self.messages {
            let Some(wanted) = reference.message(name) else {
                problems.push(PackFlaw::Extra(name.clone()));
                continue;
            };
            problems.extend(message_flaws(name, message, wanted, language));
        }
        // The instrument's words: exactly the reference's paths (the same dimensions,
        // statements and number of recommendations), none of them empty.
        let (mine, wanted) = (texts(self), texts(reference));
        for path in wanted.keys().filter(|p| !mine.contains_key(*p)) {
            problems.push(PackFlaw::Missing(path.clone()));
        }
        for (path, text) in &mine {
            if !wanted.contains_key(path) {
                problems.push(PackFlaw::Extra(path.clone()));
            }
            if text.trim().is_empty() {
                problems.push(PackFlaw::Empty(path.clone()));
            }
        }
        match self.partnership_health() {
            Ok(instruments) => {
                for instrument in instruments.all() {
                    let found = instrument.flaws();
                    if !found.is_empty() {
                        problems.push(PackFlaw::Instrument(found));
                    }
                }
            }
            Err(error) => problems.push(PackFlaw::Unbuilt(error)),
        }
        problems
    }
}

impl StudioPack {
    /// Everything that keeps this studio pack from standing in for `reference` (the
    /// English one) in `language`.
    pub fn flaws(&self, reference: &StudioPack, language: &Language) -> Vec<PackFlaw> {
        let mut problems: Vec<PackFlaw> = reference
            .messages
            .keys()
            .filter(|name| !self.messages.contains_key(*name))
            .map(|name| PackFlaw::Missing(name.clone()))
            .collect();
        for (name, message) in &self.messages {
            match reference.messages.get(name) {
                Some(wanted) => problems.extend(message_flaws(name, message, wanted, language)),
                None => problems.push(PackFlaw::Extra(name.clone())),
            }
        }
        problems
    }
}

/// Every text of a pack's instruments, by its path
/// (`instruments.<id>.<version>.dimensions.<id>.advice.<id>`).
fn texts(pack: &Pack) -> BTreeMap<String, &str> {
    let mut out = BTreeMap::new();
    let versions = pack.instruments.iter().flat_map(|(id, v)| {
        v.0.iter()
            .map(move |(n, words)| (format!("{id}.{n}"), words))
    });
    for (id, words) in versions {
        let at = |rest: &str| format!("instruments.{id}.{rest}");
        out.insert(at("title"), words.title.as_str());
        out.insert(at("intro"), words.intro.as_str());
        out.insert(at("dont_know"), words.dont_know.as_str());
        for (n, label) in words.agreement.iter().enumerate() {
            out.insert(at(&format!("agreement.{n}")), label.as_str());
        }
        for (d, text) in &words.dimensions {
            let at = |rest: &str| at(&format!("dimensions.{d}.{rest}"));
            out.insert(at("name"), text.name.as_str());
            out.insert(at("description"), text.description.as_str());
            for (s, statement) in &text.statements {
                out.insert(at(&format!("statements.{s}")), statement.as_str());
            }
            for (a, advice) in &text.advice {
                out.insert(at(&format!("advice.{a}")), advice.as_str());
            }
        }
    }
    out
}

/// What keeps one message from standing in for the reference's.
fn message_flaws(
    name: &str,
    message: &Message,
    wanted: &Message,
    language: &Language,
) -> Vec<PackFlaw> {
    let mut problems = Vec::new();
    let expected = wanted.placeholders();
    let placeholders_of = |form: &str| PackFlaw::Placeholders {
        message: name.to_owned(),
        form: form.to_owned(),
    };
    match message {
        Message::Text(text) => {
            if matches!(wanted, Message::Plural(_)) {
                problems.push(PackFlaw::NotPlural(name.to_owned()));
            }
            if placeholders(text) != expected {
                problems.push(placeholders_of(""));
            }
        }
        Message::Plural(forms) => {
            let categories: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
            let needed: BTreeSet<&str> = language.plurals.iter().map(String::as_str).collect();
            if categories != needed {
                problems.push(PackFlaw::Categories(name.to_owned()));
            }
            // A form may leave the count out ("one statement"), nothing else.
            let mut required = expected.clone();
            required.remove("count");
            for (category, text) in forms {
                let found = placeholders(text);
                if !found.is_subset(&expected) || !required.is_subset(&found) {
                    problems.push(placeholders_of(category));
                }
            }
            if message.placeholders() != expected {
                problems.push(placeholders_of(""));
            }
        }
    }
    if message.forms().any(|text| text.trim().is_empty()) {
        problems.push(PackFlaw::Empty(name.to_owned()));
    }
    problems
}

/// What keeps a pack from standing in for the English one, by message name or
/// instrument path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackFlaw {
    Missing(String),
    Extra(String),
    Empty(String),
    /// A plain text where the reference has plural forms.
    NotPlural(String),
    /// Not exactly the plural categories the language needs.
    Categories(String),
    /// Placeholders other than the reference's (in this plural form, or overall).
    Placeholders {
        message: String,
        form: String,
    },
    /// The questionnaire it builds has these flaws.
    Instrument(Vec<Flaw>),
    /// It builds no questionnaire.
    Unbuilt(InstrumentError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::language::{find, languages};

    fn shipped() -> Instrument {
        let i = fixtures::version_1();
        assert!(i.flaws().is_empty(), "{:?}", i.flaws());
        i
    }

    fn problems_of(f: impl FnOnce(&mut Instrument)) -> Vec<Flaw> {
        let mut i = shipped();
        f(&mut i);
        i.flaws()
    }

    /// Every listed language's pack, read from `data/lang` (so a new language needs no
    /// change here).
    fn packs() -> Vec<(String, String)> {
        languages()
            .into_iter()
            .map(|l| {
                let file = format!("{}/data/lang/{}.json", env!("CARGO_MANIFEST_DIR"), l.tag);
                let json = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
                (l.tag, json)
            })
            .collect()
    }

    #[test]
    fn every_pack_stands_in_for_english() {
        let reference = fixtures::english_pack();
        let languages = languages();
        for (tag, json) in packs() {
            let pack = Pack::read(&json).unwrap_or_else(|at| panic!("{tag}: {at:?}"));
            let language = find(&languages, &tag).unwrap();
            assert_eq!(pack.flaws(&reference, language), [], "{tag}");
        }
    }

    #[test]
    fn every_studio_pack_stands_in_for_english() {
        let read = |tag: &str| {
            let file = format!("{}/data/lang/studio/{tag}.json", env!("CARGO_MANIFEST_DIR"));
            let json = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
            StudioPack::read(&json).unwrap_or_else(|at| panic!("{file}: {at:?}"))
        };
        let reference = read("en");
        let languages = languages();
        for language in &languages {
            assert_eq!(
                read(&language.tag).flaws(&reference, language),
                [],
                "{}",
                language.tag
            );
        }
        // A pack missing a message, or with one too many, is named.
        let mut broken = reference.clone();
        let name = broken.messages.keys().next().unwrap().clone();
        let message = broken.messages.remove(&name).unwrap();
        broken.messages.insert("not_a_message".into(), message);
        assert_eq!(
            broken.flaws(&reference, &languages[0]),
            [
                PackFlaw::Missing(name),
                PackFlaw::Extra("not_a_message".into())
            ]
        );
    }

    #[test]
    fn every_pack_builds_the_same_instrument_structure() {
        let structure = |i: &Instrument| -> Vec<(String, Vec<(String, bool)>)> {
            i.dimensions
                .iter()
                .map(|d| {
                    let s = d
                        .statements
                        .iter()
                        .map(|s| (s.id.clone(), s.reversed))
                        .collect();
                    (d.id.clone(), s)
                })
                .collect()
        };
        let english: Vec<_> = fixtures::instruments()
            .all()
            .iter()
            .map(structure)
            .collect();
        for (tag, json) in packs() {
            let instruments = Pack::read(&json).unwrap().partnership_health().unwrap();
            let built: Vec<_> = instruments.all().iter().map(structure).collect();
            assert_eq!(built, english, "{tag}");
            for instrument in instruments.all() {
                assert!(
                    instrument.flaws().is_empty(),
                    "{tag}: {:?}",
                    instrument.flaws()
                );
            }
        }
    }

    #[test]
    fn a_pack_with_a_missing_key_wrong_placeholder_or_category_is_named() {
        let reference = fixtures::english_pack();
        let languages = languages();
        let french = find(&languages, "fr").unwrap();
        assert_eq!(packs()[1].0, "fr");
        let mut pack = Pack::read(&packs()[1].1).unwrap();
        pack.messages.remove("start");
        pack.messages.insert(
            "finished_on".into(),
            Message::Text("Terminé le {jour}".into()),
        );
        if let Some(Message::Plural(forms)) = pack.messages.get_mut("missing") {
            forms.remove("many");
        }
        pack.messages
            .insert("back".into(), Message::Text("  ".into()));
        let words = pack.instruments.get_mut("partnership-health").unwrap();
        let version_1 = words.0.get_mut(&1).unwrap();
        let goals = version_1.dimensions.get_mut("goals").unwrap();
        goals.advice.remove("discuss-2");
        let problems = pack.flaws(&reference, french);
        for expected in [
            PackFlaw::Missing("start".into()),
            PackFlaw::Placeholders {
                message: "finished_on".into(),
                form: String::new(),
            },
            PackFlaw::Categories("missing".into()),
            PackFlaw::Empty("back".into()),
            PackFlaw::Missing(
                "instruments.partnership-health.1.dimensions.goals.advice.discuss-2".into(),
            ),
        ] {
            assert!(
                problems.contains(&expected),
                "{expected:?} not in {problems:?}"
            );
        }
    }

    #[test]
    fn the_shipped_instrument_is_valid() {
        shipped();
    }

    #[test]
    fn duplicate_statement_ids_are_rejected() {
        let p = problems_of(|i| i.dimensions[1].statements[0].id = "purpose-1".into());
        assert!(
            p.contains(&Flaw::DuplicateStatementId("purpose-1".into())),
            "{p:?}"
        );
    }

    #[test]
    fn duplicate_dimension_ids_are_rejected() {
        let p = problems_of(|i| i.dimensions[1].id = "purpose".into());
        assert!(
            p.contains(&Flaw::DuplicateDimensionId("purpose".into())),
            "{p:?}"
        );
    }

    #[test]
    fn a_dimension_with_fewer_than_two_statements_is_rejected() {
        let p = problems_of(|i| {
            let statements = &mut i.dimensions[0].statements;
            statements.truncate(1);
            // Keeps a reversed statement, so only the count is wrong.
            statements[0].reversed = true;
        });
        assert_eq!(
            p,
            [Flaw::TooFewStatements {
                dimension: "purpose".into(),
                count: 1,
                min: MIN_STATEMENTS
            }]
        );
        let two = problems_of(|i| {
            let statements = &mut i.dimensions[0].statements;
            statements.truncate(2);
            statements[0].reversed = true;
        });
        assert!(two.is_empty(), "{two:?}");
    }

    #[test]
    fn a_dimension_without_a_reversed_statement_is_rejected() {
        let p = problems_of(|i| {
            for s in &mut i.dimensions[2].statements {
                s.reversed = false;
            }
        });
        assert_eq!(p, [Flaw::NoReversed("trust".into())]);
    }

    #[test]
    fn missing_empty_or_misplaced_recommendations_are_rejected() {
        let p = problems_of(|i| {
            let goals = &mut i.dimensions[3];
            goals
                .advice
                .retain(|r| r.id != "concern-2" && r.id != "concern-3");
            let strength = goals
                .advice
                .iter_mut()
                .find(|r| r.id == "strength-1")
                .unwrap();
            strength.text = " ".into();
            let mut low = strength.clone();
            low.when = When::Low("trust-1".into());
            goals.advice.push(low);
        });
        for expected in [
            Flaw::AdviceCount {
                dimension: "goals".into(),
                band: Band::Concern,
                count: 1,
            },
            Flaw::Empty(Field::Recommendation("goals/strength-1".into())),
            Flaw::DuplicateAdviceId("goals/strength-1".into()),
            Flaw::AdviceForNoStatement("goals/trust-1".into()),
        ] {
            assert!(p.contains(&expected), "{expected:?} not in {p:?}");
        }
    }

    #[test]
    fn empty_statement_text_and_odd_ids_are_rejected() {
        let p = problems_of(|i| {
            i.dimensions[0].statements[1].text = "".into();
            i.dimensions[0].statements[2].id = "has space".into();
        });
        assert!(
            p.contains(&Flaw::Empty(Field::StatementText("purpose-2".into()))),
            "{p:?}"
        );
        assert!(
            p.contains(&Flaw::BadStatementId("has space".into())),
            "{p:?}"
        );
    }

    #[test]
    fn empty_texts_are_named_by_where_they_are() {
        let p = problems_of(|i| {
            i.title = "".into();
            i.intro = " \n".into();
            i.scale.agreement[4] = "".into();
            i.dimensions[1].id = "".into();
            i.dimensions[0].statements[3].id = "".into();
            i.code = "ph".into();
        });
        for expected in [
            Flaw::Empty(Field::Title),
            Flaw::Empty(Field::Intro),
            Flaw::Empty(Field::ScaleLabel(5)),
            Flaw::Empty(Field::DimensionId(1)),
            Flaw::Empty(Field::StatementId {
                dimension: "purpose".into(),
                index: 3,
            }),
            Flaw::BadCode("ph".into()),
        ] {
            assert!(p.contains(&expected), "{expected:?} not in {p:?}");
        }
        let p = problems_of(|i| i.dimensions.clear());
        assert_eq!(p, [Flaw::NoDimensions]);
    }
}

/// Version 2 of the Partnership Health Check, against the issue that asked for it: every
/// statement and recommendation rests on a passage of the seed articles, statements are
/// short, and no text assumes a partnership of two.
#[cfg(test)]
mod version_2 {
    use crate::fixtures;
    use crate::instrument::{Structure, PARTNERSHIP_HEALTH};
    use crate::json::unique;
    use crate::language::{languages, Pack};
    use serde::Deserialize;
    use std::collections::BTreeMap;

    /// Where each statement and recommendation of version 2 rests in the seed articles,
    /// by dimension, then by id.
    const SOURCES: &str = include_str!("../data/partnership-health-2-sources.json");

    #[derive(Clone, Deserialize)]
    #[serde(transparent)]
    struct Sources(#[serde(deserialize_with = "unique")] BTreeMap<String, DimensionSources>);

    #[derive(Clone, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DimensionSources {
        #[serde(deserialize_with = "unique")]
        statements: BTreeMap<String, Source>,
        #[serde(deserialize_with = "unique")]
        advice: BTreeMap<String, Source>,
    }

    /// The passage of a seed article a statement or a recommendation rests on, quoted
    /// exactly.
    #[derive(Clone, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Source {
        seed: String,
        passage: String,
    }

    fn sources() -> Sources {
        serde_json::from_str(SOURCES).unwrap()
    }

    /// The five articles Rapport's questionnaire rests on (`../shared/seeds/` beside the
    /// project).
    const SEEDS: [&str; 5] = [
        "000_2ff912faf1b88af5.txt",
        "001_3c2ebd428d56dc85.txt",
        "002_29985d52a085b99c.txt",
        "003_5c52270b5cd5c375.txt",
        "004_20182e5e762fae0d.txt",
    ];
    /// The most words a statement may have, in any language.
    const MAX_WORDS: usize = 20;

    /// Wording that assumes two organizations, per language, in lower case, as the
    /// translators of version 2 listed it. A phrase matches as a whole word; in Arabic,
    /// whose words take attached prefixes (و، ب، ل), only its end must end a word.
    const TWO_PARTY: &[(&str, Boundary, &[&str])] = &[
        (
            "en",
            Boundary::Word,
            &[
                "our partner",
                "your partner",
                "partner's",
                "both",
                "either",
                "the other side",
                "other party",
                "counterpart",
                "two organizations",
                "the two",
                "each side",
                "the other partner",
                "two partners",
            ],
        ),
        (
            "fr",
            Boundary::Word,
            &[
                "notre partenaire",
                "votre partenaire",
                "les deux partenaires",
                "les deux organisations",
                "les deux parties",
                "nos deux organisations",
                "vos deux organisations",
                "des deux côtés",
                "aux deux partenaires",
                "des deux parties",
                "tous deux",
                "toutes deux",
                "vous deux",
                "l'un l'autre",
                "l’un l’autre",
                "l'un ou l'autre",
                "l’un ou l’autre",
                "l'une ou l'autre",
                "l’une ou l’autre",
                "l'autre partenaire",
                "l’autre partenaire",
                "l'autre organisation",
                "l’autre organisation",
                "l'autre partie",
                "l’autre partie",
                "l'autre côté",
                "l’autre côté",
                "homologue",
                "chaque côté",
                "de part et d'autre",
                "de part et d’autre",
                "vis-à-vis",
                "bilatéral",
                "bilatérale",
            ],
        ),
        (
            "es",
            Boundary::Word,
            &[
                "nuestro socio",
                "nuestra socia",
                "su socio",
                "su socia",
                "tu socio",
                "contraparte",
                "contrapartes",
                "ambos",
                "ambas",
                "la otra parte",
                "cada parte",
                "las dos partes",
                "los dos socios",
                "el otro socio",
                "la otra organización",
                "las dos organizaciones",
                "cada lado",
                "el uno al otro",
                "el uno con el otro",
                "cualquiera de las dos",
                "ninguna de las dos",
            ],
        ),
        (
            "pt",
            Boundary::Word,
            &[
                "nosso parceiro",
                "nossa parceira",
                "seu parceiro",
                "sua parceira",
                "contraparte",
                "ambos",
                "ambas",
                "a outra parte",
                "duas organizações",
                "dois parceiros",
                "dois lados",
                "outro lado",
                "cada lado",
                "duas partes",
                "o outro parceiro",
                "a outra organização",
                "um com o outro",
                "uma da outra",
                "um ao outro",
                "uma à outra",
                "vocês dois",
                "vocês duas",
            ],
        ),
        (
            "de",
            Boundary::Word,
            &[
                "unser partner",
                "unseren partner",
                "unseres partners",
                "unserem partner",
                "ihr partner",
                "ihren partner",
                "ihrem partner",
                "ihres partners",
                "unsere partnerorganisation",
                "unserer partnerorganisation",
                "ihre partnerorganisation",
                "ihrer partnerorganisation",
                "partnerin",
                "beide",
                "beiden",
                "beider",
                "beidseitig",
                "beiderseitig",
                "beiderseits",
                "die andere seite",
                "der anderen seite",
                "jede seite",
                "jeder seite",
                "jeweils andere",
                "jeweils anderen",
                "ihr gegenüber",
                "ihrem gegenüber",
                "mein gegenüber",
                "meinem gegenüber",
                "unser gegenüber",
                "gegenseite",
                "zwei organisationen",
                "bilateral",
            ],
        ),
        (
            "ar",
            Boundary::End,
            &[
                "شريكنا",
                "شريككم",
                "شريكك",
                "شريكه",
                "شريكها",
                "الطرفين",
                "الطرفان",
                "كلا",
                "كلتا",
                "كليهما",
                "الطرف الآخر",
                "كل طرف",
                "الشريك الآخر",
                "الجهة الأخرى",
                "المنظمتين",
                "المنظمتان",
                "منظمتينا",
                "المؤسستين",
                "الجهتين",
                "الجانبين",
                "الجانبان",
                "الشريكين",
                "الشريكان",
                "أحدكما",
                "تبادلا",
            ],
        ),
    ];

    /// Where a listed phrase must meet the edge of a word.
    #[derive(Clone, Copy)]
    enum Boundary {
        Word,
        End,
    }

    fn structure() -> Structure {
        serde_json::from_str(PARTNERSHIP_HEALTH[1]).unwrap()
    }

    /// A language's pack, as shipped.
    fn shipped(tag: &str) -> Pack {
        let file = format!("{}/data/lang/{tag}.json", env!("CARGO_MANIFEST_DIR"));
        Pack::read(&std::fs::read_to_string(file).unwrap()).unwrap()
    }

    /// The seed articles, where they are beside the project (every workspace has them;
    /// a bare clone elsewhere checks names and passages' shape only).
    fn seed_texts() -> Option<Vec<String>> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        SEEDS
            .iter()
            .map(|s| std::fs::read_to_string(format!("{dir}/{s}")).ok())
            .collect()
    }

    fn squeeze(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Every statement and recommendation without a seed passage it rests on, as
    /// `dimension/id`: no source, an unknown seed, a passage too short or too long to
    /// say anything, or (where the seeds are at hand) one the seed does not hold; and a
    /// source for an id the structure does not have.
    fn unsourced(
        structure: &Structure,
        sources: &Sources,
        seeds: Option<&[String]>,
    ) -> Vec<String> {
        let mut flaws = Vec::new();
        let fine = |source: &Source| {
            let seed = SEEDS.iter().position(|s| *s == source.seed);
            let words = source.passage.split_whitespace().count();
            seed.is_some_and(|seed| {
                (4..=60).contains(&words)
                    && seeds.is_none_or(|texts| {
                        squeeze(&texts[seed]).contains(&squeeze(&source.passage))
                    })
            })
        };
        for d in &structure.dimensions {
            let given = sources.0.get(&d.id);
            let statements = d
                .statements
                .iter()
                .map(|s| (&s.id, given.and_then(|g| g.statements.get(&s.id))));
            let advice = d
                .advice
                .iter()
                .map(|a| (&a.id, given.and_then(|g| g.advice.get(&a.id))));
            for (id, source) in statements.chain(advice) {
                if !source.is_some_and(fine) {
                    flaws.push(format!("{}/{id}", d.id));
                }
            }
        }
        for (d, given) in &sources.0 {
            let Some(dimension) = structure.dimensions.iter().find(|x| x.id == *d) else {
                flaws.push(d.clone());
                continue;
            };
            for id in given.statements.keys() {
                if !dimension.statements.iter().any(|s| s.id == *id) {
                    flaws.push(format!("{d}/{id}"));
                }
            }
            for id in given.advice.keys() {
                if !dimension.advice.iter().any(|a| a.id == *id) {
                    flaws.push(format!("{d}/{id}"));
                }
            }
        }
        flaws
    }

    #[test]
    fn every_statement_and_recommendation_rests_on_a_seed_passage() {
        let seeds = seed_texts();
        if seeds.is_none() {
            eprintln!(
                "seed articles not found beside the project: passages checked for shape only"
            );
        }
        let (s, all) = (structure(), sources());
        assert_eq!(unsourced(&s, &all, seeds.as_deref()), Vec::<String>::new());
        let (d, statement, advice) = (
            s.dimensions[1].id.clone(),
            s.dimensions[1].statements[0].id.clone(),
            s.dimensions[1].advice[0].id.clone(),
        );
        let third = format!("{}/{}", s.dimensions[2].id, s.dimensions[2].advice[1].id);
        let mut broken = all.clone();
        let second = broken.0.get_mut(&d).unwrap();
        second.statements.remove(&statement);
        second.advice.get_mut(&advice).unwrap().seed = "elsewhere.txt".into();
        let dimension_3 = broken.0.get_mut(&s.dimensions[2].id).unwrap();
        dimension_3
            .advice
            .get_mut(&s.dimensions[2].advice[1].id)
            .unwrap()
            .passage = "partnership".into();
        let found = unsourced(&s, &broken, seeds.as_deref());
        assert_eq!(
            found,
            [format!("{d}/{statement}"), format!("{d}/{advice}"), third]
        );
        if let Some(seeds) = &seeds {
            let mut invented = all.clone();
            let first = invented.0.get_mut(&s.dimensions[0].id).unwrap();
            first
                .statements
                .get_mut(&s.dimensions[0].statements[0].id)
                .unwrap()
                .passage = "partners should always meet every single week".into();
            assert_eq!(unsourced(&s, &invented, Some(seeds)).len(), 1);
        }
        // A source for something the structure does not have is no source.
        let mut extra = all.clone();
        let spare = extra
            .0
            .get(&d)
            .unwrap()
            .statements
            .values()
            .next()
            .unwrap()
            .clone();
        extra
            .0
            .get_mut(&d)
            .unwrap()
            .statements
            .insert("nowhere-1".into(), spare);
        assert_eq!(
            unsourced(&s, &extra, seeds.as_deref()),
            [format!("{d}/nowhere-1")]
        );
    }

    /// The pulse, the second built-in instrument, as its file gives it.
    fn pulse() -> crate::instrument_file::InstrumentFile {
        let file = include_str!("../../instruments/pulse.json");
        crate::instrument_file::read(file).unwrap_or_else(|p| panic!("pulse.json: {p:?}"))
    }

    #[test]
    fn the_pulse_rests_on_seed_passages_asks_briefly_and_speaks_to_many_partners() {
        use crate::instrument::{AdviceStructure, DimensionStructure, StatementStructure};
        let file = pulse();
        assert_eq!(file.id, "pulse");
        assert_eq!(file.languages, ["en", "fr", "es", "pt", "de", "ar"]);
        let english = file.instrument("en");
        // One statement for each dimension of version 2, in its order: about two minutes.
        let dimensions: Vec<&str> = english.dimensions.iter().map(|d| d.id.as_str()).collect();
        let version_2 = structure();
        let full: Vec<&str> = version_2.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(dimensions, full);
        assert!(english.dimensions.iter().all(|d| d.statements.len() == 1));
        assert!(english.minutes() <= 3, "{} minutes", english.minutes());
        let shape = Structure {
            id: english.id.clone(),
            version: english.version,
            code: String::new(),
            dimensions: english
                .dimensions
                .iter()
                .map(|d| DimensionStructure {
                    id: d.id.clone(),
                    statements: d
                        .statements
                        .iter()
                        .map(|s| StatementStructure {
                            id: s.id.clone(),
                            reversed: s.reversed,
                        })
                        .collect(),
                    advice: d
                        .advice
                        .iter()
                        .map(|r| AdviceStructure {
                            id: r.id.clone(),
                            when: r.when.clone(),
                        })
                        .collect(),
                })
                .collect(),
        };
        let sources: Sources =
            serde_json::from_str(include_str!("../data/pulse-sources.json")).unwrap();
        assert_eq!(
            unsourced(&shape, &sources, seed_texts().as_deref()),
            Vec::<String>::new()
        );
        let mut found = Vec::new();
        for tag in &file.languages {
            let i = file.instrument(tag);
            let (_, boundary, phrases) = TWO_PARTY.iter().find(|(t, _, _)| t == tag).unwrap();
            let mut texts = vec![i.title.clone(), i.intro.clone()];
            for d in &i.dimensions {
                texts.extend([d.name.clone(), d.description.clone()]);
                texts.extend(d.advice.iter().map(|r| r.text.clone()));
                for s in &d.statements {
                    let words = s.text.split_whitespace().count();
                    assert!(words <= MAX_WORDS, "{tag} {}: {words} words", s.id);
                    texts.push(s.text.clone());
                }
            }
            for text in texts {
                let lower = text.to_lowercase();
                for phrase in *phrases {
                    if holds(&lower, phrase, *boundary) {
                        found.push(format!("{tag}: \"{phrase}\" in: {text}"));
                    }
                }
            }
            // Every language has its own words, not the English.
            if tag != "en" {
                assert_ne!(
                    i.dimensions[0].statements[0].text,
                    english.dimensions[0].statements[0].text
                );
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn statements_have_at_most_twenty_words_in_every_language() {
        for language in languages() {
            let pack = shipped(&language.tag);
            let instruments = pack.partnership_health().unwrap();
            for s in instruments.current().statements() {
                let words = s.text.split_whitespace().count();
                assert!(
                    words <= MAX_WORDS,
                    "{} {}: {words} words: {}",
                    language.tag,
                    s.id,
                    s.text
                );
            }
        }
    }

    #[test]
    fn every_language_words_version_2_itself() {
        let english = fixtures::current();
        let texts = |i: &crate::instrument::Instrument| -> Vec<String> {
            let mut all = vec![i.title.clone(), i.intro.clone()];
            for d in &i.dimensions {
                all.extend([d.name.clone(), d.description.clone()]);
                all.extend(d.statements.iter().map(|s| s.text.clone()));
                all.extend(d.advice.iter().map(|r| r.text.clone()));
            }
            all
        };
        let originals = texts(&english);
        for language in languages().into_iter().filter(|l| l.tag != "en") {
            let pack = shipped(&language.tag);
            let instruments = pack.partnership_health().unwrap();
            let copied: Vec<&String> = texts(instruments.current())
                .iter()
                .zip(&originals)
                .filter(|(mine, english)| mine == english)
                .map(|(_, english)| english)
                .collect();
            assert_eq!(
                copied,
                Vec::<&String>::new(),
                "{} has English left",
                language.tag
            );
        }
    }

    /// Whether `text` (lower case) holds `phrase` with the word edges `boundary` asks.
    fn holds(text: &str, phrase: &str, boundary: Boundary) -> bool {
        text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            edge(after) && (matches!(boundary, Boundary::End) || edge(before))
        })
    }

    #[test]
    fn no_text_of_version_2_or_the_interface_assumes_two_partners() {
        assert!(holds("talk to our partner.", "our partner", Boundary::Word));
        assert!(!holds(
            "talk to our partners.",
            "our partner",
            Boundary::Word
        ));
        assert!(!holds("neither", "either", Boundary::Word));
        assert!(holds("والطرفين", "الطرفين", Boundary::End));
        // "Problems" holds the letters of "both", not the word.
        assert!(!holds("مشكلات", "كلا", Boundary::End));
        let mut found = Vec::new();
        for language in languages() {
            let (_, boundary, phrases) = TWO_PARTY
                .iter()
                .find(|(tag, _, _)| *tag == language.tag)
                .unwrap_or_else(|| panic!("{}: no list of two-party wording", language.tag));
            let pack = shipped(&language.tag);
            let instruments = pack.partnership_health().unwrap();
            let current = instruments.current();
            let mut texts: Vec<(String, String)> = vec![
                ("title".into(), current.title.clone()),
                ("intro".into(), current.intro.clone()),
            ];
            for d in &current.dimensions {
                texts.push((d.id.clone(), d.name.clone()));
                texts.push((d.id.clone(), d.description.clone()));
                texts.extend(d.statements.iter().map(|s| (s.id.clone(), s.text.clone())));
                texts.extend(
                    d.advice
                        .iter()
                        .map(|r| (format!("{}/{}", d.id, r.id), r.text.clone())),
                );
            }
            for (name, message) in &pack.messages {
                texts.extend(message.forms().map(|f| (name.clone(), f.to_owned())));
            }
            for (at, text) in texts {
                let lower = text.to_lowercase();
                for phrase in *phrases {
                    if holds(&lower, phrase, *boundary) {
                        found.push(format!("{} {at}: \"{phrase}\" in: {text}", language.tag));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
        // Version 1, left as it was, shows the lists at work.
        let v1 = fixtures::version_1();
        assert!(v1.statements().any(|s| holds(
            &s.text.to_lowercase(),
            "our partner",
            Boundary::Word
        )));
    }
}
