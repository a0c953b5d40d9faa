//! The languages Rapport speaks and their packs. A pack is data (`data/lang/<tag>.json`):
//! every word of the interface, keyed by message names, and every word of each
//! instrument, keyed by the instrument's ids. Adding a language adds a pack and its entry
//! in `data/languages.json`, and the built-in check's file exported anew; no code
//! changes. Plural categories (CLDR) are chosen by the
//! browser's `Intl.PluralRules`, so the core only picks a form by its category's name.

use crate::instrument::{Instrument, InstrumentError, InstrumentWords, Instruments};
use crate::json::{unique, Position};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

const LANGUAGES: &str = include_str!("../data/languages.json");

/// One language of the list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The pack's file name and `lang` setting: a primary language subtag ("fr").
    pub tag: String,
    /// The language named in itself ("Français"), for the language selector.
    pub name: String,
    /// "ltr" or "rtl".
    pub dir: String,
    /// The locale for dates and numbers when the browser names no region of its own.
    pub locale: String,
    /// The CLDR plural categories the language's plural messages need.
    pub plurals: Vec<String>,
    /// Shown when no pack at all could be loaded, in this language.
    pub unavailable: String,
}

impl Language {
    pub fn is_rtl(&self) -> bool {
        self.dir == "rtl"
    }
}

/// The languages Rapport speaks; the first is the one every pack falls back to. The list
/// is compiled in and checked by this crate's tests.
pub fn languages() -> Vec<Language> {
    serde_json::from_str(LANGUAGES).unwrap_or_default()
}

/// The supported language a BCP 47 tag asks for, by its primary subtag: "pt-BR" → pt.
pub fn find<'a>(languages: &'a [Language], tag: &str) -> Option<&'a Language> {
    let primary = tag.trim().split(['-', '_']).next()?;
    languages
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(primary))
}

/// The language to use: the person's own earlier choice, else the host page's setting,
/// else the first of the browser's languages Rapport speaks, else the first of the list.
pub fn choose<'a>(
    languages: &'a [Language],
    chosen: Option<&str>,
    setting: Option<&str>,
    preferred: &[String],
) -> Option<&'a Language> {
    chosen
        .into_iter()
        .chain(setting)
        .chain(preferred.iter().map(String::as_str))
        .find_map(|tag| find(languages, tag))
        .or(languages.first())
}

/// The locale for dates and numbers: the browser's own variant of the language when it
/// has one ("fr-CA" for French in a Canadian browser), else the language's default.
pub fn locale<'a>(language: &'a Language, preferred: &'a [String]) -> &'a str {
    preferred
        .iter()
        .find(|tag| {
            tag.contains('-')
                && tag
                    .split('-')
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case(&language.tag))
        })
        .map_or(&language.locale, |tag| tag)
}

/// A language pack, as read: every message of the interface by name, numbers spelled
/// out, and each instrument's words by instrument id.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    #[serde(deserialize_with = "unique")]
    pub messages: BTreeMap<String, Message>,
    /// Numbers spelled out, from zero, for `{name:words}`; a pack may have none.
    #[serde(default)]
    pub number_words: Vec<String>,
    #[serde(deserialize_with = "unique")]
    pub instruments: InstrumentWords,
}

/// The studio's words (`lang/studio/<tag>.json`): its messages only. Numbers, plural
/// rules and every word it shares with the app come from the language's [`Pack`]; the
/// app's visitors never load these.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudioPack {
    #[serde(deserialize_with = "unique")]
    pub messages: BTreeMap<String, Message>,
}

impl StudioPack {
    /// Reads a studio pack; where the JSON is broken or not such a pack, says where.
    pub fn read(json: &str) -> Result<StudioPack, Position> {
        serde_json::from_str(json).map_err(|e| Position::from(&e))
    }
}

/// A message: one text, or one text per CLDR plural category, chosen by its `{count}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Message {
    Text(String),
    /// Text by category.
    Plural(#[serde(deserialize_with = "unique")] BTreeMap<String, String>),
}

/// A value for a placeholder.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A number, written in the language's digits (or words, with `:words`).
    Count(usize),
    Text(&'a str),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl Pack {
    /// Reads a pack; where the JSON is broken or not a pack, says where.
    pub fn read(json: &str) -> Result<Pack, Position> {
        serde_json::from_str(json).map_err(|e| Position::from(&e))
    }

    /// A message by name.
    pub fn message(&self, name: &str) -> Option<&Message> {
        self.messages.get(name)
    }

    /// Every version of the shipped questionnaire in this pack's words (a pack as
    /// written: the build takes the current version's words out of the packs it
    /// publishes, into the instrument's file).
    pub fn partnership_health(&self) -> Result<Instruments, InstrumentError> {
        Instruments::partnership_health(&self.instruments)
    }

    /// Every version of the shipped questionnaire: the older ones in this pack's words,
    /// the current one as `current` gives it, read from its file
    /// ([`Instruments::partnership_health_with`]).
    pub fn partnership_health_with(
        &self,
        current: Instrument,
    ) -> Result<Instruments, InstrumentError> {
        Instruments::partnership_health_with(&self.instruments, current)
    }
}

impl Message {
    /// The text for a CLDR plural category: the "other" form where the message has no
    /// such category, and the one text of a message without plural forms.
    pub fn form(&self, category: &str) -> &str {
        match self {
            Message::Text(text) => text,
            Message::Plural(forms) => forms
                .get(category)
                .or_else(|| forms.get("other"))
                .or_else(|| forms.values().next())
                .map_or("", String::as_str),
        }
    }

    pub fn forms(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match self {
            Message::Text(text) => (Some(text.as_str()), None),
            Message::Plural(forms) => (None, Some(forms.values().map(String::as_str))),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }

    /// The placeholder names used in any form.
    pub fn placeholders(&self) -> BTreeSet<&str> {
        self.forms().flat_map(placeholders).collect()
    }
}

/// The placeholder names in a text: `{count}` and `{count:words}` both name `count`.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        names.insert(inner.split(':').next().unwrap_or(inner));
        rest = &after[close + 1..];
    }
    names
}

/// Fills a text's placeholders: `{name}` with the argument of that name (a count written
/// by `number`, in the language's digits), `{name:words}` with the count spelled out from
/// `words` where the pack has it. A placeholder without an argument stays as it is.
pub fn fill(
    text: &str,
    args: &[(&str, Arg)],
    number: &dyn Fn(usize) -> String,
    words: &[String],
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let inner = &after[..close];
        let (name, spelled) = match inner.split_once(':') {
            Some((name, "words")) => (name, true),
            _ => (inner, false),
        };
        match args.iter().find(|(n, _)| *n == name).map(|(_, a)| *a) {
            Some(Arg::Text(value)) => out.push_str(value),
            Some(Arg::Count(n)) => match words.get(n).filter(|_| spelled) {
                Some(word) => out.push_str(word),
                None => out.push_str(&number(n)),
            },
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use proptest::prelude::*;

    /// CLDR's plural categories for cardinals (plurals.xml) for the first six languages,
    /// as the browser's Intl.PluralRules has them. The end-to-end tests check every
    /// language's list against Chromium's own rules, so a new language needs no entry.
    const CLDR: &[(&str, &[&str])] = &[
        ("en", &["one", "other"]),
        ("fr", &["one", "many", "other"]),
        ("es", &["one", "many", "other"]),
        ("pt", &["one", "many", "other"]),
        ("de", &["one", "other"]),
        ("ar", &["zero", "one", "two", "few", "many", "other"]),
    ];

    fn english() -> Pack {
        Pack::read(fixtures::ENGLISH_PACK).unwrap()
    }

    fn digits(n: usize) -> String {
        n.to_string()
    }

    #[test]
    fn every_listed_language_has_a_pack_and_every_pack_is_listed() {
        let listed: Vec<_> = languages().into_iter().map(|l| l.tag).collect();
        assert_eq!(
            listed[0], "en",
            "English comes first: every pack falls back to it"
        );
        assert!(listed.len() >= 6, "{listed:?}");
        let files = |dir: &str| -> BTreeSet<String> {
            std::fs::read_dir(format!("{}/data/lang{dir}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        };
        let mut expected: BTreeSet<String> = listed.iter().map(|t| format!("{t}.json")).collect();
        // The studio's packs, one per language too.
        assert_eq!(files("/studio"), expected);
        expected.insert("studio".into());
        assert_eq!(files(""), expected);
    }

    #[test]
    fn every_language_declares_cldr_plural_categories_and_a_direction() {
        for language in languages() {
            let mut declared = language.plurals.clone();
            declared.sort();
            assert!(declared.contains(&"other".to_owned()), "{}", language.tag);
            if let Some((_, cldr)) = CLDR.iter().find(|(t, _)| *t == language.tag) {
                let mut expected: Vec<String> = cldr.iter().map(|c| (*c).to_owned()).collect();
                expected.sort();
                assert_eq!(declared, expected, "{}", language.tag);
            }
            assert!(["ltr", "rtl"].contains(&language.dir.as_str()));
            assert!(!language.name.trim().is_empty() && !language.unavailable.trim().is_empty());
        }
        let arabic = languages().into_iter().find(|l| l.tag == "ar").unwrap();
        assert!(arabic.is_rtl());
    }

    #[test]
    fn choosing_follows_choice_then_host_then_browser_then_english() {
        let l = languages();
        let tags = |v: &[&str]| -> Vec<String> { v.iter().map(|s| (*s).to_owned()).collect() };
        let tag = |c: Option<&str>, s: Option<&str>, p: &[&str]| {
            choose(&l, c, s, &tags(p)).unwrap().tag.clone()
        };
        assert_eq!(tag(None, None, &["pt-BR", "en"]), "pt");
        assert_eq!(tag(None, None, &["fr-CA"]), "fr");
        assert_eq!(tag(None, None, &["ja", "nl", "de-AT"]), "de");
        assert_eq!(tag(None, None, &["ja"]), "en");
        assert_eq!(tag(None, None, &[]), "en");
        assert_eq!(tag(None, Some("ar"), &["fr"]), "ar");
        assert_eq!(tag(Some("es"), Some("ar"), &["fr"]), "es");
        assert_eq!(tag(Some("xx"), Some("AR"), &["fr"]), "ar");
    }

    #[test]
    fn the_locale_keeps_the_browser_region_of_the_same_language() {
        let l = languages();
        let french = find(&l, "fr").unwrap();
        let prefs = vec!["en-US".to_owned(), "fr-CA".to_owned()];
        assert_eq!(locale(french, &prefs), "fr-CA");
        assert_eq!(locale(french, &["fr".to_owned()]), "fr-FR");
        assert_eq!(locale(find(&l, "en").unwrap(), &prefs), "en-US");
    }

    #[test]
    fn placeholders_are_filled_by_name_and_counts_spelled_where_asked() {
        let words: Vec<String> = ["zero", "one", "two"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        let args = [("count", Arg::Count(2)), ("date", Arg::Text("1 May"))];
        assert_eq!(
            fill(
                "{count:words} on {date}, {count} {missing}",
                &args,
                &digits,
                &words
            ),
            "two on 1 May, 2 {missing}"
        );
        assert_eq!(
            fill(
                "{count:words}",
                &[("count", Arg::Count(20))],
                &digits,
                &words
            ),
            "20"
        );
        assert_eq!(fill("open { brace", &args, &digits, &words), "open { brace");
    }

    #[test]
    fn a_plural_form_is_picked_by_category_with_other_as_fallback() {
        let pack = english();
        let missing = pack.message("missing").unwrap();
        assert!(matches!(missing, Message::Plural(_)));
        assert!(missing.form("one").starts_with("{count} statement still"));
        assert!(missing.form("few").starts_with("{count} statements still"));
        assert_eq!(pack.message("start").unwrap().form("one"), "Start");
        assert_eq!(pack.number_words[8], "eight");
    }

    proptest! {
        #[test]
        fn filling_never_panics(text in ".{0,40}", n in 0usize..100) {
            let _ = fill(&text, &[("count", Arg::Count(n))], &digits, &[]);
            let _ = placeholders(&text);
        }

        #[test]
        fn reading_any_text_never_panics(text in ".{0,200}") {
            let _ = Pack::read(&text);
        }
    }
}
