//! Result codes: one finished check as a short, copy-pasteable text that partners exchange.
//!
//! The format is a public contract (codes are pasted into chats and saved in documents),
//! so a code made today must read the same forever. Format 1:
//!
//! ```text
//! RP1.PH1.<answers>[.<name>].<check>      e.g. RP1.PH1.ZZZZZZZZZZZZZZZZ.Y8s
//! ```
//!
//! - `RP1`: Rapport result code, format 1.
//! - `PH1`: the instrument's code and version.
//! - answers: one base64url character per pair of statements in instrument order,
//!   `7 * first + second`, where 0 is "don't know", 1–5 the agreement and 6 no answer
//!   (an odd last statement is paired with 6).
//! - name: optional, the partnership name as base64url UTF-8 without padding.
//! - check: three base64url characters, a polynomial hash modulo a prime of everything
//!   before the last dot, so any single changed character and any swap of two different
//!   characters is always detected, and other damage almost always.
//!
//! Format 2, for an instrument read from a file (which has no letters of its own):
//!
//! ```text
//! RP2.<id>.<version>.<fingerprint>.<answers>[.<name>].<check>   e.g. RP2.pulse.1.Wn3B.DEDEDEDEDE.k2Q
//! ```
//!
//! - `<id>.<version>`: the instrument's id and version as its file gives them.
//! - fingerprint: [`Instrument::fingerprint`], so answers to an altered copy of the
//!   instrument are never read against the original.
//! - answers: one base64url character per statement in instrument order: 0 is "don't
//!   know", 1–7 the point of the scale, 8 no answer.
//! - name and check as in format 1.

use crate::answers::{Answers, Response};
use crate::assessment::Assessment;
use crate::instrument::Instrument;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// What every Rapport code starts with, whatever its format.
const MARK: &str = "RP";
/// What every format-1 code starts with.
pub const PREFIX: &str = "RP1";
/// What every format-2 code starts with.
pub const PREFIX_2: &str = "RP2";
/// Stands for a statement without an answer in format 2.
const NO_ANSWER_2: u8 = 8;
/// Longer input is not a code (a name of 120 characters takes at most 640).
pub const MAX_CODE_LEN: usize = 1000;
/// Pasted input larger than this is refused whole: no list of codes is this long.
pub const MAX_LIST_BYTES: usize = 100_000;

/// base64url, whose characters carry the answers and the check. Public (like
/// [`checksum`] and [`check_chars`]) only for the fuzz harness, so its forged codes can
/// never drift from this format.
#[doc(hidden)]
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The largest prime below 2^18, so the check fits three base64url characters.
const CHECK_PRIME: u32 = 262_139;
const CHECK_BASE: u32 = 257;
const CHECK_LEN: usize = 3;
/// Stands for a statement without an answer.
const NO_ANSWER: u8 = 6;

/// A result read from a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The known instrument the code names.
    pub instrument: &'a Instrument,
    pub answers: Answers,
    /// Empty unless the sender chose to include it.
    pub name: String,
}

impl Decoded<'_> {
    /// Someone else's result, kept under `code` so that saving it again never
    /// duplicates it.
    pub fn into_assessment(self, code: String, at: u64) -> Assessment {
        Assessment::received(self.instrument, code, self.name, self.answers, at)
    }
}

/// Why a text is not a result code this app can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    TooLong,
    /// Does not start like a Rapport code at all.
    NotACode,
    /// A later format of Rapport code (the number it gives).
    NewerFormat(String),
    /// Ends too early: part of it was not copied.
    Incomplete,
    /// A character no code contains, with its position (1-based).
    BadCharacter(char, usize),
    /// The parts are not laid out as a code's.
    Malformed,
    /// The check characters do not match: mistyped or changed.
    Mismatch,
    /// Made with an instrument (code and version) this app does not have.
    UnknownInstrument(String),
    /// Made with an instrument of this id and version, but not the same statements,
    /// order, reversed statements or scale: an altered copy (its title here).
    OtherStructure(String),
    /// The answers do not fit the instrument.
    BadAnswers,
    /// The name is not valid text.
    BadName,
}

/// The code for `answers` to `instrument`, with `name` if it is not empty: format 1 for
/// the built-in check (it has letters), format 2 for an instrument from a file.
pub fn encode(instrument: &Instrument, answers: &Answers, name: &str) -> String {
    let scale = &instrument.scale;
    let mut body = if instrument.code.is_empty() {
        let mut body = format!(
            "{PREFIX_2}.{}.{}.{}.",
            instrument.id,
            instrument.version,
            instrument.fingerprint()
        );
        for s in instrument.statements() {
            let code = answers
                .get(&s.id)
                .filter(|r| r.fits(scale))
                .map_or(NO_ANSWER_2, Response::code);
            body.push(char::from(ALPHABET[usize::from(code)]));
        }
        body
    } else {
        let codes: Vec<u8> = instrument
            .statements()
            .map(|s| answers.get(&s.id).map_or(NO_ANSWER, Response::code))
            .collect();
        let mut body = format!("{PREFIX}.{}{}.", instrument.code, instrument.version);
        for pair in codes.chunks(2) {
            let second = pair.get(1).copied().unwrap_or(NO_ANSWER);
            body.push(char::from(ALPHABET[usize::from(pair[0] * 7 + second)]));
        }
        body
    };
    let name = name.trim();
    if !name.is_empty() {
        body.push('.');
        body.push_str(&URL_SAFE_NO_PAD.encode(name));
    }
    let check = check_chars(&body);
    body.push('.');
    body.push_str(&check);
    body
}

/// Reads a code, or a share link holding one after `#`, made with one of the `known`
/// instruments. Never panics, whatever the input.
pub fn decode<'a>(input: &str, known: &'a [Instrument]) -> Result<Decoded<'a>, CodeError> {
    let text = input.trim();
    if text.len() > MAX_CODE_LEN {
        return Err(CodeError::TooLong);
    }
    let text = text.rsplit('#').next().unwrap_or(text).trim();
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    if !text.starts_with(MARK) {
        return Err(CodeError::NotACode);
    }
    let format: String = text[MARK.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let second = format == PREFIX_2[MARK.len()..];
    if format != PREFIX[MARK.len()..] && !second {
        return Err(if format.is_empty() {
            CodeError::NotACode
        } else {
            CodeError::NewerFormat(format)
        });
    }
    if let Some((at, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| c != '.' && sextet(c).is_none())
    {
        return Err(CodeError::BadCharacter(c, at + 1));
    }
    let parts: Vec<&str> = text.split('.').collect();
    let check_part = parts[parts.len() - 1];
    // Format 2 names its instrument in three parts (id, version, fingerprint), format 1
    // in one.
    let extra = if second { 2 } else { 0 };
    if parts.len() < 4 + extra || check_part.len() < CHECK_LEN {
        return Err(CodeError::Incomplete);
    }
    if parts.len() > 5 + extra
        || parts[0] != if second { PREFIX_2 } else { PREFIX }
        || check_part.len() > CHECK_LEN
        || parts.iter().any(|p| p.is_empty())
    {
        return Err(CodeError::Malformed);
    }
    let body = &text[..text.len() - CHECK_LEN - 1];
    let check = check_part
        .chars()
        .fold(0, |acc, c| acc << 6 | u32::from(sextet(c).unwrap_or(0)));
    if check != checksum(body) {
        return Err(CodeError::Mismatch);
    }
    // The parts after the instrument's: answers, then the name if there is one.
    let (instrument, rest) = if second {
        let instrument = known
            .iter()
            .find(|i| i.code.is_empty() && i.id == parts[1] && i.version.to_string() == parts[2])
            .ok_or_else(|| CodeError::UnknownInstrument(format!("{} {}", parts[1], parts[2])))?;
        if instrument.fingerprint() != parts[3] {
            return Err(CodeError::OtherStructure(instrument.title.clone()));
        }
        (instrument, &parts[4..parts.len() - 1])
    } else {
        let instrument = known
            .iter()
            .filter(|i| !i.code.is_empty())
            .find(|i| parts[1] == format!("{}{}", i.code, i.version))
            .ok_or_else(|| CodeError::UnknownInstrument(parts[1].to_owned()))?;
        (instrument, &parts[2..parts.len() - 1])
    };
    let answers = if second {
        answers_2(instrument, rest[0])?
    } else {
        answers_1(instrument, rest[0])?
    };
    let name = match rest.get(1) {
        // Strict: a length no encoding gives, or stray bits in the last character, is
        // no name.
        Some(encoded) => URL_SAFE_NO_PAD
            .decode(encoded)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            // As `encode` writes it: trimmed, so decoding a hand-made code and encoding
            // the result again gives the same name.
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or(CodeError::BadName)?,
        None => String::new(),
    };
    Ok(Decoded {
        instrument,
        answers,
        name,
    })
}

/// Format 1's answers: a character per pair of statements.
fn answers_1(instrument: &Instrument, part: &str) -> Result<Answers, CodeError> {
    let statements: Vec<&str> = instrument.statements().map(|s| s.id.as_str()).collect();
    if part.len() != statements.len().div_ceil(2) {
        return Err(CodeError::BadAnswers);
    }
    let mut answers = Answers::default();
    for (pair, c) in statements.chunks(2).zip(part.chars()) {
        let value = sextet(c).unwrap_or(63);
        let (first, second) = (value / 7, value % 7);
        if first > NO_ANSWER || (pair.len() == 1 && second != NO_ANSWER) {
            return Err(CodeError::BadAnswers);
        }
        for (id, code) in pair.iter().zip([first, second]) {
            if code != NO_ANSWER {
                let response = Response::try_from(code).map_err(|_| CodeError::BadAnswers)?;
                answers.set(id, response);
            }
        }
    }
    Ok(answers)
}

/// Format 2's answers: a character per statement, each a response its scale offers.
fn answers_2(instrument: &Instrument, part: &str) -> Result<Answers, CodeError> {
    if part.len() != instrument.statement_count() {
        return Err(CodeError::BadAnswers);
    }
    let mut answers = Answers::default();
    for (s, c) in instrument.statements().zip(part.chars()) {
        let code = sextet(c).unwrap_or(63);
        if code == NO_ANSWER_2 {
            continue;
        }
        let response = Response::try_from(code)
            .ok()
            .filter(|r| r.fits(&instrument.scale))
            .ok_or(CodeError::BadAnswers)?;
        answers.set(&s.id, response);
    }
    Ok(answers)
}

/// A code found in pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed<'a> {
    /// 1-based.
    pub line: usize,
    /// The code's text as given, trimmed.
    pub code: String,
    pub decoded: Decoded<'a>,
}

/// A line (1-based) of pasted text, or one code of it, that is not a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub error: CodeError,
}

/// What pasted text holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct List<'a> {
    pub found: Vec<Listed<'a>>,
    pub problems: Vec<LineProblem>,
    /// Over [`MAX_LIST_BYTES`]: nothing was read.
    pub too_large: bool,
}

/// Reads pasted text: a code or a share link per line, blank lines skipped. A link may
/// carry several codes separated by commas.
pub fn read_list<'a>(input: &str, known: &'a [Instrument]) -> List<'a> {
    let mut list = List::default();
    if input.len() > MAX_LIST_BYTES {
        list.too_large = true;
        return list;
    }
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        // A link may carry several codes; other text is one problem per line.
        let after = line.rsplit('#').next().unwrap_or(line);
        let codes: Vec<&str> = if carries_codes(after.trim_start()) {
            after.split(',').collect()
        } else {
            vec![line]
        };
        for text in codes {
            match decode(text, known) {
                Ok(decoded) => list.found.push(Listed {
                    line: i + 1,
                    code: text.trim().to_owned(),
                    decoded,
                }),
                Err(error) => list.problems.push(LineProblem { line: i + 1, error }),
            }
        }
    }
    list
}

/// True when an address fragment (with or without its '#') carries result codes.
pub fn carries_codes(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .starts_with(MARK)
}

/// The codes a share link's fragment carries, one per line, as Compare's input takes
/// them; empty when the fragment is empty. Some apps percent-encode the commas between
/// codes.
pub fn link_list(fragment: &str) -> String {
    let f = fragment.trim_start_matches('#').trim();
    f.replace("%2C", ",").replace("%2c", ",").replace(',', "\n")
}

fn sextet(c: char) -> Option<u8> {
    let c = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// Polynomial hash modulo a prime. The base is below the prime and each byte differs
/// from another by less than it, so one changed byte always changes the hash, and so
/// does swapping two different bytes (the base's powers do not repeat this early).
#[doc(hidden)]
pub fn checksum(body: &str) -> u32 {
    body.bytes().fold(1, |h, b| {
        ((u64::from(h) * u64::from(CHECK_BASE) + u64::from(b)) % u64::from(CHECK_PRIME)) as u32
    })
}

/// The check of a code's body (everything before its last dot), as three characters.
#[doc(hidden)]
pub fn check_chars(body: &str) -> String {
    let check = checksum(body);
    [12, 6, 0]
        .iter()
        .map(|shift| char::from(ALPHABET[((check >> shift) & 63) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{self, version_1 as instrument};
    use crate::scoring::score;
    use proptest::prelude::*;

    /// The instruments this app knows: only the shipped one.
    fn known() -> [Instrument; 1] {
        [instrument()]
    }

    /// Every statement answered with `f(index)`.
    fn answers(f: impl Fn(usize) -> Response) -> Answers {
        instrument()
            .statements()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), f(i)))
            .collect()
    }

    fn level(l: u8) -> Response {
        Response::agreement(l).unwrap()
    }

    // Fixed vectors: these codes are a public contract. If one of these tests fails, the
    // format changed and every code already shared would stop working.
    #[test]
    fn all_agree_encodes_to_its_known_code() {
        let code = encode(&instrument(), &answers(|_| level(4)), "");
        assert_eq!(code, "RP1.PH1.gggggggggggggggg.BO4");
        assert_eq!(code.len(), 28);
    }

    #[test]
    fn a_mixed_result_with_a_name_encodes_to_its_known_code() {
        let a = answers(|i| Response::all(&crate::fixtures::current().scale)[i % 6]);
        let code = encode(&instrument(), &a, "Acme & Co");
        assert_eq!(code, "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK");
        let known = known();
        assert_eq!(
            decode(&code, &known),
            Ok(Decoded {
                instrument: &known[0],
                answers: a,
                name: "Acme & Co".into()
            })
        );
    }

    #[test]
    fn unanswered_statements_are_carried_as_unanswered() {
        let mut a = Answers::default();
        a.set("purpose-1", level(5));
        let code = encode(&instrument(), &a, "");
        assert_eq!(code, "RP1.PH1.pwwwwwwwwwwwwwww.5YU");
        assert_eq!(decode(&code, &known()).unwrap().answers, a);
    }

    #[test]
    fn a_share_link_and_surrounding_space_are_read() {
        let code = encode(&instrument(), &answers(|_| level(2)), "");
        let link = format!("  https://example.org/rapport/?embed=1#{code}\n");
        assert!(decode(&link, &known()).is_ok());
    }

    #[test]
    fn every_single_character_change_is_detected() {
        let known = known();
        let i = &known[0];
        let code = encode(
            i,
            &answers(|n| Response::all(&crate::fixtures::current().scale)[n % 6]),
            "Acme",
        );
        for at in 0..code.len() {
            for c in ALPHABET.iter().map(|&b| char::from(b)).chain(['.']) {
                let mut changed: Vec<char> = code.chars().collect();
                if changed[at] == c {
                    continue;
                }
                changed[at] = c;
                let changed: String = changed.into_iter().collect();
                assert!(decode(&changed, &known).is_err(), "{changed} was accepted");
            }
        }
    }

    #[test]
    fn every_swap_of_two_characters_is_detected() {
        let known = known();
        let code = encode(
            &known[0],
            &answers(|n| Response::all(&crate::fixtures::current().scale)[(n * 5) % 6]),
            "",
        );
        let chars: Vec<char> = code.chars().collect();
        for a in 0..chars.len() {
            for b in a + 1..chars.len() {
                if chars[a] != chars[b] {
                    let mut swapped = chars.clone();
                    swapped.swap(a, b);
                    let swapped: String = swapped.into_iter().collect();
                    assert!(decode(&swapped, &known).is_err(), "{swapped} was accepted");
                }
            }
        }
    }

    #[test]
    fn each_kind_of_bad_input_gets_its_own_error() {
        let i = known();
        let good = encode(&i[0], &answers(|_| level(3)), "");
        let cases = [
            ("", CodeError::Empty),
            ("   \n", CodeError::Empty),
            ("https://example.org/#", CodeError::Empty),
            ("hello world", CodeError::NotACode),
            ("RPX.PH1", CodeError::NotACode),
            ("RP3.PH1.AAAA.AAA", CodeError::NewerFormat("3".into())),
            (&good[..good.len() - 2], CodeError::Incomplete),
            (&good[..15], CodeError::Incomplete),
            ("RP1.PH1.ab%d.AAA", CodeError::BadCharacter('%', 11)),
            ("RP1.PH1.AAAA.AA.AA.AAA", CodeError::Malformed),
            ("RP1.PH1..AAA", CodeError::Malformed),
            ("RP1X.PH1.AAAA.AAA", CodeError::Malformed),
            ("RP1.PH1.AAAA.AAAA", CodeError::Malformed),
        ];
        for (input, error) in cases {
            assert_eq!(decode(input, &i), Err(error), "{input:?}");
        }
        let mut tampered = good.clone().into_bytes();
        tampered[10] = if tampered[10] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            decode(std::str::from_utf8(&tampered).unwrap(), &i),
            Err(CodeError::Mismatch)
        );
        assert_eq!(
            decode(&"A".repeat(MAX_CODE_LEN + 1), &i),
            Err(CodeError::TooLong)
        );
    }

    #[test]
    fn a_code_for_another_instrument_or_version_is_named() {
        let mut other = instrument();
        other.version = 9;
        let code = encode(&other, &answers(|_| level(3)), "");
        assert_eq!(
            decode(&code, &known()),
            Err(CodeError::UnknownInstrument("PH9".into()))
        );
        assert_eq!(
            decode(&code, &[]),
            Err(CodeError::UnknownInstrument("PH9".into()))
        );
    }

    /// Version 2's codes, pinned as version 1's are: its statements' order is part of
    /// the format from now on. The same codes come from the end-to-end tests' own
    /// JavaScript encoder (`codeFor` in `tests/support.mjs`).
    #[test]
    fn version_2_codes_are_fixed() {
        let all = crate::fixtures::instruments();
        let v2 = all.current();
        assert_eq!((v2.version, v2.statement_count()), (2, 38));
        let by_index = |pick: &dyn Fn(usize) -> Option<Response>| -> Answers {
            v2.statements()
                .enumerate()
                .filter_map(|(i, s)| Some((s.id.clone(), pick(i)?)))
                .collect()
        };
        let vectors: [(Answers, &str, &str); 3] = [
            (
                by_index(&|_| Some(level(4))),
                "",
                "RP1.PH2.ggggggggggggggggggg.EK0",
            ),
            (
                by_index(&|i| {
                    Some(if i % 7 == 6 {
                        Response::DONT_KNOW
                    } else {
                        level((i % 5) as u8 + 1)
                    })
                }),
                "Coalition Nord",
                "RP1.PH2.JZkDhJVkRhCZkOhJZBR.Q29hbGl0aW9uIE5vcmQ.SSa",
            ),
            (
                by_index(&|i| (i < 10).then(|| level(5))),
                "",
                "RP1.PH2.ooooowwwwwwwwwwwwww.xmI",
            ),
        ];
        for (answers, name, code) in vectors {
            assert_eq!(encode(v2, &answers, name), code);
            let decoded = decode(code, all.all()).unwrap();
            assert_eq!(
                (decoded.instrument.version, &decoded.answers),
                (2, &answers)
            );
        }
    }

    #[test]
    fn a_code_is_read_with_the_instrument_it_names() {
        let mut version_2 = instrument();
        version_2.version = 2;
        version_2.dimensions.truncate(3);
        let mut other = instrument();
        other.code = "XY".into();
        let known = [instrument(), version_2, other];
        for (at, i) in known.iter().enumerate() {
            let a: Answers = i.statements().map(|s| (s.id.clone(), level(2))).collect();
            let decoded = decode(&encode(i, &a, "Acme"), &known).unwrap();
            assert!(std::ptr::eq(decoded.instrument, &known[at]), "{at}");
            assert_eq!(decoded.answers, a);
            assert_eq!(decoded.name, "Acme");
        }
        let mut version_3 = instrument();
        version_3.version = 3;
        let code = encode(&version_3, &Answers::default(), "");
        assert_eq!(
            decode(&code, &known),
            Err(CodeError::UnknownInstrument("PH3".into()))
        );
    }

    #[test]
    fn a_decoded_code_becomes_a_received_result_kept_under_its_code() {
        let known = known();
        let a = answers(|n| Response::all(&crate::fixtures::current().scale)[n % 6]);
        let code = encode(&known[0], &a, "Acme");
        let received = decode(&code, &known)
            .unwrap()
            .into_assessment(code.clone(), 7);
        assert_eq!(
            received,
            Assessment {
                id: code,
                finished_at: 7,
                name: "Acme".into(),
                instrument_id: "partnership-health".into(),
                instrument_version: 1,
                scores: score(&known[0], &a),
                answers: a,
                received: true,
                plan: Default::default(),
            }
        );
    }

    /// A correct check over wrong content: only a deliberate forgery gets this far.
    fn forged(body: &str) -> String {
        format!("{body}.{}", check_chars(body))
    }

    #[test]
    fn forged_answers_and_names_are_refused() {
        let i = known();
        for body in [
            "RP1.PH1.ggggggggggggggg",
            "RP1.PH1.ggggggggggggggggg",
            "RP1.PH1.ggggggggggggggg_",
        ] {
            assert_eq!(decode(&forged(body), &i), Err(CodeError::BadAnswers));
        }
        // Not UTF-8, a length no encoding gives, only spaces, stray bits in the last
        // character.
        for name in ["_w", "A", "ICAg", "Zh"] {
            let body = format!("RP1.PH1.gggggggggggggggg.{name}");
            assert_eq!(decode(&forged(&body), &i), Err(CodeError::BadName));
        }
    }

    #[test]
    fn a_hand_made_name_with_spaces_around_it_is_trimmed() {
        let body = format!(
            "RP1.PH1.gggggggggggggggg.{}",
            URL_SAFE_NO_PAD.encode("\t Acme\n")
        );
        let known = known();
        let decoded = decode(&forged(&body), &known).unwrap();
        assert_eq!(decoded.name, "Acme");
    }

    #[test]
    fn a_name_is_base64url_of_its_utf8_without_padding() {
        let known = known();
        let code = encode(&known[0], &answers(|_| level(4)), "é?>");
        // `?` and `>` give the two characters base64url has instead of `+` and `/`.
        assert_eq!(code.split('.').nth(3), Some("w6k_Pg"));
        assert_eq!(decode(&code, &known).unwrap().name, "é?>");
    }

    #[test]
    fn the_check_is_three_characters_of_the_checksum() {
        let body = "RP1.PH1.gggggggggggggggg";
        assert_eq!(check_chars(body), "BO4");
        let check = checksum(body);
        let back = check_chars(body)
            .chars()
            .fold(0, |acc, c| acc << 6 | u32::from(sextet(c).unwrap()));
        assert_eq!(back, check);
    }

    #[test]
    fn a_pasted_list_reports_each_code_and_each_problem_by_line() {
        let known = known();
        let code = encode(&known[0], &answers(|_| level(4)), "Acme");
        let input = format!(
            "{code}\n\nnot a code\nhttps://x.org/#{code},{code}\n{}",
            &code[..20]
        );
        let list = read_list(&input, &known);
        assert!(!list.too_large);
        let found: Vec<(usize, &str)> = list
            .found
            .iter()
            .map(|l| (l.line, l.code.as_str()))
            .collect();
        assert_eq!(found, [(1, code.as_str()), (4, &code), (4, &code)]);
        assert!(list
            .found
            .iter()
            .all(|l| l.decoded.name == "Acme" && std::ptr::eq(l.decoded.instrument, &known[0])));
        assert_eq!(
            list.problems,
            [
                LineProblem {
                    line: 3,
                    error: CodeError::NotACode
                },
                LineProblem {
                    line: 5,
                    error: CodeError::Incomplete
                },
            ]
        );
    }

    #[test]
    fn a_pasted_list_over_the_limit_is_refused_whole() {
        let known = known();
        let code = encode(&known[0], &answers(|_| level(4)), "");
        let mut input = format!("{code}\n");
        input.push_str(&"x".repeat(MAX_LIST_BYTES + 1 - input.len()));
        assert_eq!(
            read_list(&input, &known),
            List {
                found: vec![],
                problems: vec![],
                too_large: true
            }
        );
        input.pop();
        assert_eq!(read_list(&input, &known).found.len(), 1);
    }

    #[test]
    fn share_link_fragments_carry_codes_after_rp() {
        assert!(carries_codes("#RP1.PH1.x"));
        assert!(carries_codes("RP1"));
        assert!(!carries_codes("# RP1"));
        assert!(
            !carries_codes("##RP1"),
            "a host's own fragment stays the host's"
        );
        assert!(!carries_codes(""));
        assert!(!carries_codes("#"));
        assert!(!carries_codes("#main-content"));
        assert_eq!(link_list("#A%2CB%2cC,D"), "A\nB\nC\nD");
        assert_eq!(link_list(" RP1.x "), "RP1.x");
        assert_eq!(link_list(""), "");
        assert_eq!(link_list("#"), "");
    }

    #[test]
    fn check_prime_is_prime() {
        assert!((2..=512).all(|d| !CHECK_PRIME.is_multiple_of(d)));
        const { assert!(CHECK_PRIME < 1 << 18) };
    }

    fn any_answers() -> impl Strategy<Value = Answers> {
        let n = instrument().statement_count();
        proptest::collection::vec(proptest::option::of(0u8..=5), n).prop_map(|codes| {
            instrument()
                .statements()
                .zip(codes)
                .filter_map(|(s, c)| Some((s.id.clone(), Response::try_from(c?).ok()?)))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn decode_reverses_encode(answers in any_answers(), name in "\\PC{0,40}") {
            let known = known();
            let code = encode(&known[0], &answers, &name);
            prop_assert!(code.len() < 40 || !name.trim().is_empty());
            let decoded = decode(&code, &known).unwrap();
            prop_assert_eq!(decoded, Decoded { instrument: &known[0], answers, name: name.trim().to_owned() });
        }

        #[test]
        fn decode_never_panics(input in "\\PC{0,80}") {
            let _ = decode(&input, &known());
        }

        /// Lines of codes, links holding several, damaged codes and other text.
        #[test]
        fn every_non_empty_line_of_a_list_is_accounted_for(
            lines in proptest::collection::vec(
                prop_oneof![
                    Just("RP1.PH1.gggggggggggggggg.BO4".to_owned()),
                    Just("https://x/#RP1.PH1.gggggggggggggggg.BO4,RP1.PH1.pwwwwwwwwwwwwwww.5YU".to_owned()),
                    Just("#RP1,,".to_owned()),
                    "[RP1.PH#, \\t]{0,30}",
                    "\\PC{0,40}",
                ],
                0..8,
            ),
            newline in prop_oneof![Just("\n"), Just("\r\n")],
        ) {
            let known = known();
            let input = lines.join(newline);
            let list = read_list(&input, &known);
            prop_assert!(!list.too_large);
            for (i, line) in input.lines().enumerate() {
                let here = |at: usize| at == i + 1;
                let accounted = list.found.iter().any(|f| here(f.line))
                    || list.problems.iter().any(|p| here(p.line));
                prop_assert_eq!(accounted, !line.trim().is_empty(), "line {}: {:?}", i + 1, line);
            }
            for f in &list.found {
                let again = encode(f.decoded.instrument, &f.decoded.answers, &f.decoded.name);
                prop_assert_eq!(decode(&again, &known), Ok(f.decoded.clone()));
            }
        }
    }

    /// Codes the version-1 release made still read, as version 1, beside version 2.
    #[test]
    fn codes_of_the_version_1_release_read_as_version_1() {
        let all = crate::fixtures::instruments();
        let history =
            crate::store::decode_history(crate::fixtures::RELEASE_1_HISTORY, &all).unwrap();
        let codes: Vec<&str> = crate::fixtures::RELEASE_1_CODES.lines().collect();
        assert_eq!(codes.len(), 3);
        let river = &history.assessments()[2];
        let nord = &history.assessments()[0];
        for (code, answers, name) in [
            (codes[0], &river.answers, ""),
            (codes[1], &river.answers, "River Trust"),
            (codes[2], &nord.answers, ""),
        ] {
            let decoded = decode(code, all.all()).unwrap();
            assert_eq!(decoded.instrument.version, 1, "{code}");
            assert_eq!((&decoded.answers, decoded.name.as_str()), (answers, name));
            // This build writes the same code for the same answers.
            assert_eq!(encode(decoded.instrument, answers, name), code);
        }
    }

    /// The small example instrument, read from its file: four points, no "don't know".
    fn from_file() -> Instrument {
        let file = include_str!("../data/fixtures/instruments/small.json");
        crate::instrument_file::read(file).unwrap().instrument("en")
    }

    fn answered(pairs: &[(&str, Response)]) -> Answers {
        pairs.iter().map(|(id, r)| ((*id).to_owned(), *r)).collect()
    }

    #[test]
    fn a_check_of_an_instrument_from_a_file_has_a_format_2_code_pinned_forever() {
        let i = from_file();
        let answers = answered(&[("purpose-1", level(4)), ("trust-1", level(1))]);
        let code = encode(&i, &answers, "Acme");
        // Pinned: id, version, fingerprint, then a character a statement (4, none, 1);
        // the check characters computed apart, in Python, from the format above.
        assert_eq!(code, "RP2.coalition-pulse.1.F8JH.EIB.QWNtZQ.nrV");
        let known = [fixtures::current(), i.clone()];
        let decoded = decode(&code, &known).unwrap();
        assert_eq!(decoded.instrument, &i);
        assert_eq!(decoded.answers, answers);
        assert_eq!(decoded.name, "Acme");
        // Without a name, and through a share link.
        let bare = encode(&i, &answers, "");
        assert_eq!(bare, "RP2.coalition-pulse.1.F8JH.EIB.qVb");
        let link = format!("https://example.org/rapport/#{bare}");
        assert_eq!(decode(&link, &known).unwrap().answers, answers);
        // The built-in check keeps format 1.
        assert!(encode(&fixtures::current(), &Answers::default(), "").starts_with("RP1.PH2."));
    }

    #[test]
    fn a_format_2_code_is_read_only_against_its_own_instrument() {
        let i = from_file();
        let code = encode(&i, &answered(&[("trust-1", level(3))]), "");
        // Not known here: named by id and version.
        assert_eq!(
            decode(&code, &[fixtures::current()]),
            Err(CodeError::UnknownInstrument("coalition-pulse 1".into()))
        );
        // An altered copy (a statement turned round) under the same id and version.
        let mut altered = i.clone();
        altered.dimensions[1].statements[0].reversed = true;
        assert_eq!(
            decode(&code, &[altered]),
            Err(CodeError::OtherStructure("Coalition pulse".into()))
        );
        // A reworded copy reads.
        let mut reworded = i.clone();
        reworded.dimensions[1].statements[0].text = "Reworded.".into();
        assert!(decode(&code, &[reworded]).is_ok());
        // A point the scale does not have, "don't know" it does not offer, a missing or
        // extra answer: not answers to it. Each forged with a good check.
        let forge = |answers: &str| {
            let body = format!("RP2.coalition-pulse.1.{}.{answers}", i.fingerprint());
            format!("{body}.{}", check_chars(&body))
        };
        assert!(decode(&forge("EIB"), std::slice::from_ref(&i)).is_ok());
        for bad in ["EIF", "EIA", "EI", "EIBI", "EI9"] {
            assert_eq!(
                decode(&forge(bad), std::slice::from_ref(&i)),
                Err(CodeError::BadAnswers),
                "{bad}"
            );
        }
        // Parts missing or too many.
        let body = "RP2.coalition-pulse.1.EIB";
        assert_eq!(
            decode(
                &format!("{body}.{}", check_chars(body)),
                std::slice::from_ref(&i)
            ),
            Err(CodeError::Incomplete)
        );
        let body = format!(
            "RP2.coalition-pulse.1.{}.EIB.QWNtZQ.QWNtZQ",
            i.fingerprint()
        );
        assert_eq!(
            decode(
                &format!("{body}.{}", check_chars(&body)),
                std::slice::from_ref(&i)
            ),
            Err(CodeError::Malformed)
        );
        // Format 1 never names an instrument from a file, whose letters are empty.
        let body = "RP1.1.EIB";
        assert_eq!(
            decode(&format!("{body}.{}", check_chars(body)), &[i]),
            Err(CodeError::UnknownInstrument("1".into()))
        );
    }
}
