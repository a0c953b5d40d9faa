//! The words as people read them, made from the shipped packs with the browser's own
//! plural rules and number formats (the `Intl` of headless Chromium and of Firefox ESR).
// Every dependency of the package is visible here; the library is where they are checked.
#![allow(unused_crate_dependencies)]
#![cfg(target_arch = "wasm32")]

use rapport::text::Text;
use rapport::words::{words, Words};
use rapport_core::assessment::Misfit;
use rapport_core::code::{CodeError, MAX_LIST_BYTES};
use rapport_core::compare::TEAM_MIN;
use rapport_core::exchange::ImportError;
use rapport_core::instrument::InstrumentError;
use rapport_core::json::Position;
use rapport_core::language::{find, languages};
use rapport_core::store::{ReadError, Shape};
use rapport_core::{embed, fixtures};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pack(tag: &str) -> &'static str {
    match tag {
        "en" => fixtures::ENGLISH_PACK,
        "fr" => include_str!("../core/data/lang/fr.json"),
        "ar" => include_str!("../core/data/lang/ar.json"),
        _ => unreachable!("no such pack in these tests"),
    }
}

/// The built-in check's file in one language, as the build publishes it.
fn check_file(tag: &str) -> String {
    let file =
        rapport_core::instrument_file::read(include_str!("../instruments/partnership-health.json"))
            .unwrap_or_else(|p| panic!("{p:?}"));
    serde_json::to_string(&file.in_language(tag)).unwrap()
}

fn load(tag: &str, locale: &str) -> Words {
    let list = languages();
    let language = find(&list, tag).unwrap().clone();
    match words(
        language,
        locale.to_owned(),
        pack(tag),
        &check_file(tag),
        None,
    ) {
        Ok(words) => words,
        Err(_) => panic!("the {tag} pack gives no words"),
    }
}

fn english() -> std::rc::Rc<Text> {
    load("en", "en-GB").text
}

#[wasm_bindgen_test]
fn numbers_in_text_come_from_the_rules_that_enforce_them() {
    let text = english();
    assert_eq!(
        text.band_scale_line(&Default::default()),
        "Strength: 4.0 and above · Discuss: 3.0 to 3.9 · Concern: below 3.0"
    );
    let i = fixtures::version_1();
    assert_eq!(
        text.duration(i.minutes(), i.statement_count()),
        "About 8 minutes · 32 statements"
    );
    assert!(text
        .too_large(MAX_LIST_BYTES / 1000)
        .contains("more than 100 KB"));
    assert!(text
        .import_error(&ImportError::TooLarge)
        .contains("larger than 1 MB"));
    assert_eq!(
        text.code_error(&CodeError::NotACode),
        "this is not a Rapport result code (result codes start with RP1.)"
    );
}

#[wasm_bindgen_test]
fn counts_in_prose_are_spelled_out_and_plurals_agree() {
    let text = english();
    let i = fixtures::version_1();
    assert!(text
        .chart_description(i.dimensions.len(), 5)
        .starts_with("Radar chart of the eight dimension scores"));
    assert!(text
        .team_intro(TEAM_MIN)
        .contains("fewer than three people"));
    assert_eq!(text.team_too_few(TEAM_MIN), "Fewer than 3 scores");
    assert_eq!(
        text.missing(1),
        "1 statement still needs an answer. Choose Don't know if you are unsure."
    );
    assert!(text.missing(2).starts_with("2 statements still need"));
    assert_eq!(
        text.import_done("a.json", 1, 0),
        "Imported a.json: 1 result added."
    );
    assert_eq!(
        text.import_done("a.json", 3, 2),
        "Imported a.json: 3 results added; 2 were already here."
    );
}

#[wasm_bindgen_test]
fn every_kind_of_unreadable_data_is_worded() {
    let text = english();
    let shape = |s| text.import_error(&ImportError::Unreadable(ReadError::WrongShape(s)));
    assert_eq!(
        shape(Shape::ImpossibleScores { check: "a1".into() }),
        "it is not in the form Rapport saves (check a1 holds impossible scores)"
    );
    assert_eq!(
        shape(Shape::Draft(Misfit::StepOutOfRange { step: 8, steps: 8 })),
        "its content is not in the form Rapport expects"
    );
    assert_eq!(
        shape(Shape::At(Position {
            line: 1,
            column: 35
        })),
        "it is not in the form Rapport saves (the problem is at line 1, column 35)"
    );
    assert_eq!(
        text.read_error(&ReadError::UnknownSchema(2)),
        "it was saved in format 2, which this version of Rapport cannot read"
    );
    assert_eq!(
        text.instrument_error(&InstrumentError::Parse(Position { line: 3, column: 7 })),
        "Rapport could not load its questionnaire: the questionnaire data could not be read: \
         line 3, column 7."
    );
}

#[wasm_bindgen_test]
fn host_settings_are_worded_for_the_host_pages_author() {
    let text = english();
    let (_, warnings) = embed::parse([
        ("name", "n".repeat(121).as_str()),
        ("theme", "purple"),
        ("lang", "xx"),
    ]);
    let lines: Vec<String> = warnings
        .iter()
        .map(|w| text.warning_line(w, &languages()))
        .collect();
    assert_eq!(
        lines,
        [
            format!(
                "Rapport: ignoring name=\"{}\": the name is longer than 120 characters; \
                 using the default.",
                "n".repeat(80)
            ),
            "Rapport: ignoring theme=\"purple\": the theme is light, dark or auto; using the \
             default."
                .to_owned(),
            "Rapport: ignoring lang=\"xx\": the language is one of en, fr, es, pt, de, ar; \
             using the default."
                .to_owned(),
        ]
    );
}

#[wasm_bindgen_test]
fn french_writes_decimals_with_a_comma_and_uses_its_own_plural_rules() {
    let words = load("fr", "fr-FR");
    let text = &words.text;
    assert_eq!(text.score(&Default::default(), Some(3.5)), "3,5");
    assert_eq!(text.decimal(40), "4,0");
    assert!(text.band_scale_line(&Default::default()).contains("4,0"));
    // French takes the singular for 0 and 1.
    assert_eq!(text.missing(0), text.missing(1).replacen('1', "0", 1));
    assert_ne!(text.missing(2).replacen('2', "1", 1), text.missing(1));
    assert_ne!(words.instruments.current().title, fixtures::current().title);
}

#[wasm_bindgen_test]
fn arabic_has_six_plural_forms_and_reads_right_to_left() {
    let words = load("ar", "ar");
    let text = &words.text;
    assert!(text.language.is_rtl());
    let forms: std::collections::BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&n| text.missing(n))
        .collect();
    assert_eq!(forms.len(), 6, "{forms:?}");
}

#[wasm_bindgen_test]
fn a_broken_or_incomplete_pack_or_questionnaire_file_gives_no_words() {
    let list = languages();
    let french = find(&list, "fr").unwrap();
    let file = check_file("fr");
    assert!(words(french.clone(), "fr".into(), "{", &file, None).is_err());
    let mut broken: serde_json::Value = serde_json::from_str(pack("fr")).unwrap();
    broken["messages"].as_object_mut().unwrap().remove("start");
    assert!(words(
        french.clone(),
        "fr".into(),
        &broken.to_string(),
        &file,
        None
    )
    .is_err());
    // The questionnaire's file: not JSON, or not the check codes and plans name. The
    // reason is in the pack's words (shown if English fails too).
    let failure = |file: &str| match words(french.clone(), "fr".into(), pack("fr"), file, None) {
        Err(Some(why)) => why,
        Err(None) => panic!("no reason"),
        Ok(_) => panic!("words from a wrong file"),
    };
    assert!(
        failure("{").starts_with("Rapport n’a pas pu"),
        "{}",
        failure("{")
    );
    let mut turned: serde_json::Value = serde_json::from_str(&file).unwrap();
    let first = &mut turned["dimensions"][0]["statements"][0];
    first["reversed"] = (!first["reversed"].as_bool().unwrap_or(false)).into();
    let why = failure(&turned.to_string());
    assert!(why.contains("(1 problème)"), "{why}");
    // Another language's file, served under French.
    let why = failure(&check_file("ar"));
    assert!(why.contains("(1 problème)"), "{why}");
    // The pack as published, without the current version's words: the file has them.
    let mut published: serde_json::Value = serde_json::from_str(pack("fr")).unwrap();
    let versions = published["instruments"]["partnership-health"]
        .as_object_mut()
        .unwrap();
    assert!(versions.remove("2").is_some());
    let Ok(w) = words(
        french.clone(),
        "fr".into(),
        &published.to_string(),
        &file,
        None,
    ) else {
        panic!("no words from the published pack");
    };
    assert_eq!(w.instruments.current().code, "PH");
    assert_eq!(
        w.instruments.current().dimensions[0].statements[0].text,
        "Je peux expliquer en une phrase pourquoi ce partenariat existe."
    );
}

#[wasm_bindgen_test]
fn a_site_owner_s_instrument_is_the_one_new_checks_use_in_the_words_language() {
    let file = rapport_core::instrument_file::read(include_str!("../instruments/pulse.json"))
        .unwrap_or_else(|p| panic!("{p:?}"));
    let list = languages();
    let french = find(&list, "fr").unwrap();
    let Ok(w) = words(
        french.clone(),
        "fr-FR".into(),
        pack("fr"),
        &check_file("fr"),
        Some(&file),
    ) else {
        panic!("no words");
    };
    let current = w.instruments.current();
    assert_eq!((current.id.as_str(), current.version), ("pulse", 1));
    assert_eq!(current.title, "Pouls du partenariat");
    // The built-in versions stay, so checks made with them still open.
    assert!(w.instruments.get("partnership-health", 2).is_some());
    // Its problems, in the visitor's language, for the site owner.
    let broken =
        include_str!("../instruments/pulse.json").replacen("\"version\": 1", "\"version\": 0", 1);
    let problems = rapport_core::instrument_file::read(&broken).unwrap_err();
    let line = w
        .text
        .instrument_problem("instruments/pulse.json", &problems[0]);
    assert!(line.starts_with("instruments/pulse.json"), "{line}");
    assert!(line.contains("version") && line.contains('5'), "{line}");
}

#[wasm_bindgen_test]
fn the_studio_words_every_json_mistake_and_counts_problems_in_each_language() {
    use rapport::studio::text::StudioText;
    use rapport_core::instrument_file::read;
    use rapport_core::language::StudioPack;
    let studio_pack = |tag: &str| match tag {
        "en" => include_str!("../core/data/lang/studio/en.json"),
        "fr" => include_str!("../core/data/lang/studio/fr.json"),
        "ar" => include_str!("../core/data/lang/studio/ar.json"),
        _ => unreachable!("no such pack in these tests"),
    };
    for (tag, locale) in [("en", "en-GB"), ("fr", "fr"), ("ar", "ar")] {
        let pack = StudioPack::read(studio_pack(tag)).unwrap();
        let studio = StudioText::new(load(tag, locale).text, &pack).unwrap();
        // Each broken file is worded in the studio's own words, with no placeholder left
        // and none of serde's English.
        for broken in [
            "{\"id\": ",
            "{\"id\": \"x\" \"version\": 1}",
            "{\"version\": \"1\"}",
        ] {
            let problems = read(broken).unwrap_err();
            let said = studio.flaw(&problems[0].flaw);
            assert!(
                !said.contains('{') && !said.contains("expected"),
                "{tag}: {said}"
            );
        }
        let bracket = studio.flaw(&read("[\"a\" 1]").unwrap_err()[0].flaw);
        assert!(bracket.contains(']'), "{tag}: {bracket}");
    }
    // Arabic counts problems with all six of its plural forms.
    let arabic = StudioText::new(
        load("ar", "ar").text,
        &StudioPack::read(studio_pack("ar")).unwrap(),
    )
    .unwrap();
    let forms: std::collections::BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&n| arabic.problem_count(n))
        .collect();
    assert_eq!(forms.len(), 6, "{forms:?}");
}
