//! The studio's own words (`lang/studio/<tag>.json`), beside the app's [`Text`], whose
//! numbers, plural rules and shared words (what can be wrong in a file, the preview's
//! buttons) they use.

use crate::text::{messages, Catalog, Numbers, Text};
use rapport_core::instrument_file::{Flaw, Kind, Mistake};
use rapport_core::language::StudioPack;
use std::rc::Rc;

messages! {
    StudioText;
    plain {
        studio_title, studio_intro, start_title, start_from_label, start_from, open_file,
        open_file_hint, editor_title, editor_label, editor_hint, problems_title, no_problems,
        whole_file, still_problems, download, preview_title, preview_waiting,
        results_preview_title, replace_yes, keep_mine, not_kept, restored, open_app,
        json_end_of_file, json_colon, json_value, json_quoted_name, json_trailing_comma,
        json_after_end, json_number, json_escape, json_control, expects_text,
        expects_whole_number, expects_number, expects_true_false, expects_list, expects_object,
        expects_translations, own_id_hint,
    }
    formatted {
        problem_count(count: usize),
        go_to(line: usize, column: usize),
        preview_intro(language: &str),
        replace_question(file: &str),
        opened(file: &str),
        not_opened(file: &str),
        too_large(file: &str, kilobytes: usize),
        downloaded(file: &str),
        publish_hint(file: &str),
        json_comma_or_close(bracket: &str),
        more_problems(count: usize),
    }
}

/// The studio's words in one language, with the app's words in the same language.
pub struct StudioText {
    pub text: Rc<Text>,
    catalog: Catalog,
}

impl StudioText {
    /// The studio's words from its pack, which must have every message in [`NAMES`];
    /// otherwise the name of the first one missing.
    pub fn new(text: Rc<Text>, pack: &StudioPack) -> Result<StudioText, &'static str> {
        let catalog = Catalog::new(
            NAMES,
            &pack.messages,
            text.catalog().number_words().to_vec(),
        )?;
        Ok(StudioText { text, catalog })
    }

    /// What is wrong with a value of the file being written: a JSON mistake or the kind
    /// of value the format expects, in the studio's words (the app's, for the console,
    /// add serde's English detail); anything else in the app's words.
    pub fn flaw(&self, flaw: &Flaw) -> String {
        let plain = match flaw {
            Flaw::Syntax { mistake, .. } => match mistake {
                Mistake::EndOfFile => self.json_end_of_file(),
                Mistake::CommaOrClose(bracket) => {
                    return self.json_comma_or_close(&bracket.to_string())
                }
                Mistake::Colon => self.json_colon(),
                Mistake::Value => self.json_value(),
                Mistake::QuotedName => self.json_quoted_name(),
                Mistake::TrailingComma => self.json_trailing_comma(),
                Mistake::AfterEnd => self.json_after_end(),
                Mistake::Number => self.json_number(),
                Mistake::Escape => self.json_escape(),
                Mistake::ControlCharacter => self.json_control(),
                Mistake::Other => return self.text.flaw(flaw),
            },
            Flaw::Shape {
                expected: Some(kind),
                ..
            } => match kind {
                Kind::Text => self.expects_text(),
                Kind::WholeNumber => self.expects_whole_number(),
                Kind::Number => self.expects_number(),
                Kind::TrueFalse => self.expects_true_false(),
                Kind::List => self.expects_list(),
                Kind::Object => self.expects_object(),
                Kind::Translations => self.expects_translations(),
            },
            _ => return self.text.flaw(flaw),
        };
        plain.to_owned()
    }

    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn numbers(&self) -> &Numbers {
        &self.text.numbers
    }
}

#[cfg(test)]
mod tests {
    use super::{ARGS, NAMES};
    use rapport_core::language::StudioPack;
    use std::collections::BTreeSet;

    const ENGLISH: &str = include_str!("../../core/data/lang/studio/en.json");

    #[test]
    fn the_english_studio_pack_has_exactly_the_messages_the_studio_shows() {
        let pack = StudioPack::read(ENGLISH).unwrap();
        let in_pack: BTreeSet<&str> = pack.messages.keys().map(String::as_str).collect();
        let shown: BTreeSet<&str> = NAMES.iter().copied().collect();
        assert_eq!(NAMES.len(), shown.len(), "a message is declared twice");
        assert_eq!(in_pack, shown);
        for name in NAMES {
            let expected: BTreeSet<&str> = ARGS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, args)| args.iter().copied().collect())
                .unwrap_or_default();
            assert_eq!(pack.messages[*name].placeholders(), expected, "{name}");
        }
    }
}
