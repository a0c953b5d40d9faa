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

use crate::answers::{Answers, Response};
use crate::instrument::Instrument;

/// What every format-1 code starts with.
pub const PREFIX: &str = "RP1";
/// Longer input is not a code (a name of 120 characters takes at most 640).
pub const MAX_CODE_LEN: usize = 1000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The largest prime below 2^18, so the check fits three base64url characters.
const CHECK_PRIME: u32 = 262_139;
const CHECK_BASE: u32 = 257;
const CHECK_LEN: usize = 3;
/// Stands for a statement without an answer.
const NO_ANSWER: u8 = 6;

/// A result read from a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub answers: Answers,
    /// Empty unless the sender chose to include it.
    pub name: String,
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
    /// The answers do not fit the instrument.
    BadAnswers,
    /// The name is not valid text.
    BadName,
}

/// The code for `answers` to `instrument`, with `name` if it is not empty.
pub fn encode(instrument: &Instrument, answers: &Answers, name: &str) -> String {
    let codes: Vec<u8> = instrument
        .statements()
        .map(|s| answers.get(&s.id).map_or(NO_ANSWER, Response::code))
        .collect();
    let mut body = format!("{PREFIX}.{}{}.", instrument.code, instrument.version);
    for pair in codes.chunks(2) {
        let second = pair.get(1).copied().unwrap_or(NO_ANSWER);
        body.push(char::from(ALPHABET[usize::from(pair[0] * 7 + second)]));
    }
    let name = name.trim();
    if !name.is_empty() {
        body.push('.');
        body.push_str(&base64(name.as_bytes()));
    }
    let check = checksum(&body);
    body.push('.');
    for shift in [12, 6, 0] {
        body.push(char::from(ALPHABET[((check >> shift) & 63) as usize]));
    }
    body
}

/// Reads a code, or a share link holding one after `#`. Never panics, whatever the input.
pub fn decode(input: &str, instrument: &Instrument) -> Result<Decoded, CodeError> {
    let text = input.trim();
    if text.len() > MAX_CODE_LEN {
        return Err(CodeError::TooLong);
    }
    let text = text.rsplit('#').next().unwrap_or(text).trim();
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    if !text.starts_with("RP") {
        return Err(CodeError::NotACode);
    }
    let format: String = text[2..].chars().take_while(char::is_ascii_digit).collect();
    if format != PREFIX[2..] {
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
    if parts.len() < 4 || check_part.len() < CHECK_LEN {
        return Err(CodeError::Incomplete);
    }
    if parts.len() > 5
        || parts[0] != PREFIX
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
    if parts[1] != format!("{}{}", instrument.code, instrument.version) {
        return Err(CodeError::UnknownInstrument(parts[1].to_owned()));
    }
    let statements: Vec<&str> = instrument.statements().map(|s| s.id.as_str()).collect();
    if parts[2].len() != statements.len().div_ceil(2) {
        return Err(CodeError::BadAnswers);
    }
    let mut answers = Answers::default();
    for (pair, c) in statements.chunks(2).zip(parts[2].chars()) {
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
    let name = match parts.get(4).map(|_| parts[3]) {
        Some(encoded) => unbase64(encoded)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            // As `encode` writes it: trimmed, so decoding a hand-made code and encoding
            // the result again gives the same name.
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or(CodeError::BadName)?,
        None => String::new(),
    };
    Ok(Decoded { answers, name })
}

fn sextet(c: char) -> Option<u8> {
    let c = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// Polynomial hash modulo a prime. The base is below the prime and each byte differs
/// from another by less than it, so one changed byte always changes the hash, and so
/// does swapping two different bytes (the base's powers do not repeat this early).
fn checksum(body: &str) -> u32 {
    body.bytes().fold(1, |h, b| {
        ((u64::from(h) * u64::from(CHECK_BASE) + u64::from(b)) % u64::from(CHECK_PRIME)) as u32
    })
}

fn base64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .chain([0, 0].iter())
            .take(3)
            .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// `None` for a length no encoding produces or for stray bits in the last character.
fn unbase64(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u8> = text.chars().map(sextet).collect::<Option<_>>()?;
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .chain([0, 0, 0].iter())
            .take(4)
            .fold(0u32, |acc, &v| acc << 6 | u32::from(v));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = chunk.len() - 1;
        if bytes[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn instrument() -> Instrument {
        Instrument::partnership_health().unwrap()
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
        let a = answers(|i| Response::ALL[i % 6]);
        let code = encode(&instrument(), &a, "Acme & Co");
        assert_eq!(code, "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK");
        assert_eq!(
            decode(&code, &instrument()),
            Ok(Decoded {
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
        assert_eq!(decode(&code, &instrument()).unwrap().answers, a);
    }

    #[test]
    fn a_share_link_and_surrounding_space_are_read() {
        let code = encode(&instrument(), &answers(|_| level(2)), "");
        let link = format!("  https://example.org/rapport/?embed=1#{code}\n");
        assert!(decode(&link, &instrument()).is_ok());
    }

    #[test]
    fn every_single_character_change_is_detected() {
        let i = instrument();
        let code = encode(&i, &answers(|n| Response::ALL[n % 6]), "Acme");
        for at in 0..code.len() {
            for c in ALPHABET.iter().map(|&b| char::from(b)).chain(['.']) {
                let mut changed: Vec<char> = code.chars().collect();
                if changed[at] == c {
                    continue;
                }
                changed[at] = c;
                let changed: String = changed.into_iter().collect();
                assert!(decode(&changed, &i).is_err(), "{changed} was accepted");
            }
        }
    }

    #[test]
    fn every_swap_of_two_characters_is_detected() {
        let i = instrument();
        let code = encode(&i, &answers(|n| Response::ALL[(n * 5) % 6]), "");
        let chars: Vec<char> = code.chars().collect();
        for a in 0..chars.len() {
            for b in a + 1..chars.len() {
                if chars[a] != chars[b] {
                    let mut swapped = chars.clone();
                    swapped.swap(a, b);
                    let swapped: String = swapped.into_iter().collect();
                    assert!(decode(&swapped, &i).is_err(), "{swapped} was accepted");
                }
            }
        }
    }

    #[test]
    fn each_kind_of_bad_input_gets_its_own_error() {
        let i = instrument();
        let good = encode(&i, &answers(|_| level(3)), "");
        let cases = [
            ("", CodeError::Empty),
            ("   \n", CodeError::Empty),
            ("https://example.org/#", CodeError::Empty),
            ("hello world", CodeError::NotACode),
            ("RPX.PH1", CodeError::NotACode),
            ("RP2.PH1.AAAA.AAA", CodeError::NewerFormat("2".into())),
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
        other.version = 2;
        let code = encode(&other, &answers(|_| level(3)), "");
        assert_eq!(
            decode(&code, &instrument()),
            Err(CodeError::UnknownInstrument("PH2".into()))
        );
    }

    /// A correct check over wrong content: only a deliberate forgery gets this far.
    fn forged(body: &str) -> String {
        let check = checksum(body);
        let tail: String = [12, 6, 0]
            .iter()
            .map(|s| char::from(ALPHABET[((check >> s) & 63) as usize]))
            .collect();
        format!("{body}.{tail}")
    }

    #[test]
    fn forged_answers_and_names_are_refused() {
        let i = instrument();
        for body in [
            "RP1.PH1.ggggggggggggggg",
            "RP1.PH1.ggggggggggggggggg",
            "RP1.PH1.ggggggggggggggg_",
        ] {
            assert_eq!(decode(&forged(body), &i), Err(CodeError::BadAnswers));
        }
        for name in ["_w", "A", "ICAg"] {
            let body = format!("RP1.PH1.gggggggggggggggg.{name}");
            assert_eq!(decode(&forged(&body), &i), Err(CodeError::BadName));
        }
    }

    #[test]
    fn a_hand_made_name_with_spaces_around_it_is_trimmed() {
        let body = format!("RP1.PH1.gggggggggggggggg.{}", base64(b"\t Acme\n"));
        let decoded = decode(&forged(&body), &instrument()).unwrap();
        assert_eq!(decoded.name, "Acme");
    }

    #[test]
    fn base64_matches_the_standard_encoding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg");
        assert_eq!(base64(b"fo"), "Zm8");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("é?>".as_bytes()), "w6k_Pg");
        assert_eq!(unbase64("w6k_Pg").unwrap(), "é?>".as_bytes());
        assert_eq!(unbase64("Zh"), None);
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
            let i = instrument();
            let code = encode(&i, &answers, &name);
            prop_assert!(code.len() < 40 || !name.trim().is_empty());
            let decoded = decode(&code, &i).unwrap();
            prop_assert_eq!(decoded, Decoded { answers, name: name.trim().to_owned() });
        }

        #[test]
        fn decode_never_panics(input in "\\PC{0,80}") {
            let _ = decode(&input, &instrument());
        }
    }
}
