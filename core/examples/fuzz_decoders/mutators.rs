//! Byte mutations of the corpus's seeds, and the dictionaries they draw from: flips,
//! inserts, deletes, duplicated and swapped ranges, truncation, splices of two seeds,
//! numbers replaced with huge, negative and fractional values, tokens inserted, string
//! contents replaced, segments repeated, and growth past a size limit. The result is
//! turned into text with `from_utf8_lossy`, as a browser reads a file.

use crate::generators::{random_char, Rng};

/// Most mutated inputs stay below this size (a larger seed stays below its own size).
pub(crate) const SMALL_CAP: usize = 4096;

pub(crate) const CODE_TOKENS: &[&str] = &[
    ".",
    ".",
    "#",
    " ",
    "\n",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{3000}",
    "RP",
    "RP1",
    "RP2",
    "RP0",
    "RP99999999999999999999",
    "PH1",
    "PH2",
    "PH",
    "RP1.PH1.",
    "https://example.org/rapport/#",
    "#RP1",
    "..",
    "A",
    "_",
    "-",
    "w",
    "==",
    "=",
    "é",
    "🤝",
    "\u{0}",
    "\u{feff}",
    "ａ",
];

pub(crate) const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "null",
    "1e999",
    "-1",
    "\\u0000",
    ",",
    ":",
    "true",
    "false",
    "\"\"",
    "{}",
    "[]",
    "0",
    "-0",
    "1.5",
    "\\",
    "\\ud800",
    "\"\\ud800\"",
    "\"schema\":1,",
    "\"schema\":2,",
    "\"schema\":3,",
    ",\"plan\":{\"changed_at\":1,\"actions\":[]}",
    "{\"dimension\":\"trust\",\"advice\":\"concern-1\",\"owner\":\"\",\"due\":null,\"status\":\"open\"}",
    "\"due\":\"2027-02-30\"",
    "\"due\":\"0000-01-01\"",
    "\"advice\":\"concern-0\"",
    "\"status\":\"in-progress\"",
    "\"schema\":null,",
    "\"data\":",
    ",\"x\":1",
    ",\"step\":null",
    "\"answers\":{\"trust-1\":9}",
    "\"answers\":{\"nope-1\":0}",
    ",\"deleted\":[\"a\"]",
    "\"step\":18446744073709551615",
    "\"step\":-1",
    "{\"dimension\":\"trust\",\"total\":4294967295,\"scored\":858993460}",
    "\u{feff}",
    " ",
    "\n",
    "/*",
    "NaN",
    "Infinity",
    "'",
    "[[[[[[[[[[[[[[[[",
    "]]]]]]]]]]]]]]]]",
    "{\"a\":{\"a\":{\"a\":{\"a\":",
    // Repeated keys: refused wherever they are.
    "\"trust-1\":0,\"trust-1\":0,",
    "\"deleted\":[],",
    "\"name\":\"\",",
];

pub(crate) const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "-0",
    "2",
    "5",
    "6",
    "7",
    "8",
    "255",
    "256",
    "65536",
    "858993459",
    "858993460",
    "1000000000",
    "2147483648",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-18446744073709551616",
    "99999999999999999999999999999999999999",
    "1e999",
    "-1e999",
    "1e-999",
    "1e2",
    "1E+2",
    "1.5",
    "0.0",
    "4.0",
    "-0.5",
    "00",
    "01",
    "0x10",
    "NaN",
    "-",
    "1.",
    ".5",
    "+1",
];

pub(crate) const JSON_STRINGS: &[&str] = &[
    "",
    "partnership-health",
    "partnership-health ",
    "PARTNERSHIP-HEALTH",
    "other-instrument",
    "nope-1",
    "trust",
    "schema",
    "data",
    "assessments",
    "deleted",
    "id",
    "finished_at",
    "name",
    "instrument_id",
    "instrument_version",
    "answers",
    "scores",
    "dimensions",
    "dimension",
    "plan",
    "actions",
    "advice",
    "owner",
    "due",
    "status",
    "changed_at",
    "discuss-2",
    "in-progress",
    "9999-12-31",
    "total",
    "scored",
    "step",
    "a",
    "é",
    "🤝🏽",
    "日本語",
    "\\u0000",
    "\\ud800",
    "\\udc00\\ud800",
    "\\ud83e\\udd1d",
    "\\u00e9",
    "\\\\",
    "\\\"",
    "\\n\\t\\r\\b\\f\\/",
    "\\x41",
    "\\u12",
    "\u{202e}",
    "\u{feff}",
];

const INTERESTING_BYTES: &[u8] = b"\"{}[],:.#\\ \n\t0159-+eE_aZ\x00\x7f\x80\xbf\xc3\xe2\xf0\xff";

pub(crate) struct Dict {
    pub(crate) tokens: &'static [&'static str],
    pub(crate) strings: Vec<String>,
}

fn replace_number(rng: &mut Rng, d: &mut Vec<u8>) {
    let from = rng.index(d.len() + 1);
    let found = d[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| p + from)
        .or_else(|| d.iter().position(u8::is_ascii_digit));
    let Some(at) = found else { return };
    let mut start = at;
    while start > 0 && (d[start - 1].is_ascii_digit() || d[start - 1] == b'-') {
        start -= 1;
    }
    let mut end = at;
    while end < d.len() && (d[end].is_ascii_digit() || b".eE+-".contains(&d[end])) {
        end += 1;
    }
    let number = match rng.below(5) {
        0 => rng.next().to_string(),
        1 => format!("-{}", rng.below(1 << 40)),
        2 => format!("{}.{}", rng.below(10), rng.below(1000)),
        _ => (*rng.pick(NUMBERS)).to_owned(),
    };
    d.splice(start..end, number.into_bytes());
}

fn replace_string(rng: &mut Rng, d: &mut Vec<u8>, dict: &Dict) {
    let from = rng.index(d.len() + 1);
    let Some(open) = d[from..]
        .iter()
        .position(|&b| b == b'"')
        .map(|p| p + from)
        .or_else(|| d.iter().position(|&b| b == b'"'))
    else {
        return;
    };
    let mut close = open + 1;
    while close < d.len() && !(d[close] == b'"' && d[close - 1] != b'\\') {
        close += 1;
    }
    let with = rng.pick(&dict.strings).clone().into_bytes();
    d.splice(open + 1..close, with);
}

fn mutate_once(rng: &mut Rng, d: &mut Vec<u8>, other: &[u8], dict: &Dict, cap: usize) {
    let len = d.len();
    match rng.below(18) {
        0 if len > 0 => {
            let i = rng.index(len);
            d[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.index(len);
            d[i] = rng.next() as u8;
        }
        2 if len > 0 => {
            let i = rng.index(len);
            d[i] = *rng.pick(INTERESTING_BYTES);
        }
        3 => {
            let at = rng.index(len + 1);
            let n = rng.range(1, 4);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            d.splice(at..at, bytes);
        }
        4 if len > 0 => {
            let start = rng.index(len);
            let longest = 1 << rng.below(8);
            let n = rng.range(1, (len - start).min(longest));
            d.drain(start..start + n);
        }
        5 if len > 0 => {
            // Duplicate a range somewhere else.
            let start = rng.index(len);
            let longest = 1 << rng.below(9);
            let n = rng.range(1, (len - start).min(longest));
            if len + n <= cap {
                let copy = d[start..start + n].to_vec();
                let at = rng.index(len + 1);
                d.splice(at..at, copy);
            }
        }
        6 if len > 1 => {
            let (i, j) = (rng.index(len), rng.index(len));
            d.swap(i, j);
        }
        7 if len > 1 => {
            // Swap two neighbouring ranges.
            let start = rng.index(len - 1);
            let end = rng.range(start + 2, len.min(start + 200));
            let mid = rng.range(start + 1, end - 1);
            d[start..end].rotate_left(mid - start);
        }
        8 if len > 0 => d.truncate(rng.index(len)),
        9 => {
            // Splice: this one's start, the other one's end.
            let keep = rng.index(len + 1);
            let from = rng.index(other.len() + 1);
            d.truncate(keep);
            let room = cap.saturating_sub(d.len());
            d.extend_from_slice(&other[from..other.len().min(from + room)]);
        }
        10 | 11 => replace_number(rng, d),
        12 | 13 => {
            let at = rng.index(len + 1);
            let token = rng.pick(dict.tokens).as_bytes().to_vec();
            d.splice(at..at, token);
        }
        14 => replace_string(rng, d, dict),
        15 if len > 0 => {
            // Repeat a segment in place.
            let start = rng.index(len);
            let n = rng.range(1, (len - start).min(256));
            let times = rng.range(1, 32).min(cap.saturating_sub(len) / n);
            let copy = d[start..start + n].repeat(times);
            d.splice(start..start, copy);
        }
        16 => {
            let at = rng.index(len + 1);
            let mut buf = [0; 4];
            let c = random_char(rng).encode_utf8(&mut buf).as_bytes().to_vec();
            d.splice(at..at, c);
        }
        17 if len > 0 => {
            // Overwrite a range with a token or a dictionary string.
            let start = rng.index(len);
            let n = rng.range(1, (len - start).min(16));
            let with = if rng.one_in(2) {
                rng.pick(dict.tokens).as_bytes().to_vec()
            } else {
                rng.pick(&dict.strings).as_bytes().to_vec()
            };
            d.splice(start..start + n, with);
        }
        _ => {}
    }
}

pub(crate) fn mutated(
    rng: &mut Rng,
    seed: &str,
    other: &str,
    dict: &Dict,
    max_mutations: usize,
) -> Vec<u8> {
    let mut d = seed.as_bytes().to_vec();
    let cap = SMALL_CAP.max(d.len());
    for _ in 0..rng.small_count(max_mutations) {
        mutate_once(rng, &mut d, other.as_bytes(), dict, cap);
    }
    d
}

/// Repeats segments (or nests brackets, or pads with spaces) until `d` has `target` bytes.
pub(crate) fn grow(rng: &mut Rng, mut d: Vec<u8>, target: usize) -> Vec<u8> {
    match rng.below(4) {
        0 => {
            let at = rng.index(d.len() + 1);
            let pad = vec![b' '; target.saturating_sub(d.len())];
            d.splice(at..at, pad);
        }
        1 => {
            let open = target / 2;
            let mut nested = vec![b'['; open];
            nested.extend_from_slice(&d);
            nested.resize(target.max(nested.len()), b']');
            d = nested;
        }
        _ => {
            if d.is_empty() {
                d.push(b'{');
            }
            let start = rng.index(d.len());
            let n = rng.range(1, (d.len() - start).min(4096));
            let segment = d[start..start + n].to_vec();
            let times = target.saturating_sub(d.len()) / n + 1;
            d.splice(start..start, segment.repeat(times));
        }
    }
    d
}
