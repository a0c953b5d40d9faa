//! Random inputs: the generator of random numbers, random text, forged result codes,
//! pasted lists, and JSON made from the corpus's seeds (mutated, grown, framed).

use crate::corpus::Corpus;
use crate::mutators::{grow, mutated, Dict, JSON_STRINGS, JSON_TOKENS, NUMBERS};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rapport_core::{code, exchange};

// ---------------------------------------------------------------------------------------
// Random numbers: xorshift64* seeded through splitmix64.

pub(crate) struct Rng(u64);

pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        let mut s = seed;
        let state = splitmix64(&mut s);
        Rng(if state == 0 {
            0x2545_F491_4F6C_DD1D
        } else {
            state
        })
    }

    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`; `n` must not be 0.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `0..n`; `n` must not be 0.
    pub(crate) fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    pub(crate) fn range(&mut self, from: usize, to_inclusive: usize) -> usize {
        from + self.index(to_inclusive - from + 1)
    }

    pub(crate) fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// Small numbers much more often than large ones: 1 + a geometric count.
    pub(crate) fn small_count(&mut self, max: usize) -> usize {
        let mut n = 1;
        while n < max && self.one_in(2) {
            n += 1;
        }
        n
    }
}

// ---------------------------------------------------------------------------------------
// Random text.

pub(crate) const NAME_PIECES: &[&str] = &[
    "Acme & Co",
    "River Trust",
    "  padded  ",
    " ",
    "Ünïcødé GmbH",
    "日本語のパートナー",
    "🤝🏽 Partners",
    "\"quoted\" \\back\\slash",
    "=SUM(A1)",
    "nul\u{0}byte",
    "tab\there\nnewline",
    "\u{feff}bom",
    "\u{202e}rtl",
    "Ⅻ ﬁ ß ǅ",
    "e\u{301}\u{301}",
    "\u{10ffff}",
    "\u{7f}\u{80}\u{9f}",
    "ＡＢＣ",
    "#.RP1.PH1",
    "a",
];

pub(crate) fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(8) {
        0..=3 => 0x20 + rng.below(0x5f) as u32,
        4 => 0xa0 + rng.below(0x1e0) as u32,
        5 => 0x4e00 + rng.below(0x5000) as u32,
        6 => 0x1f300 + rng.below(0x300) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(code).unwrap_or('\u{fffd}')
}

pub(crate) fn random_name(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => String::new(),
        1 => (*rng.pick(NAME_PIECES)).to_owned(),
        2 => {
            let mut s = String::new();
            for _ in 0..rng.range(2, 3) {
                s.push_str(rng.pick::<&str>(NAME_PIECES));
            }
            s
        }
        3 => {
            let n = rng.range(1, 40);
            (0..n).map(|_| random_char(rng)).collect()
        }
        _ => {
            let n = rng.range(100, 140);
            (0..n).map(|_| random_char(rng)).collect()
        }
    }
}

pub(crate) fn random_bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    let n = if rng.one_in(50) {
        rng.range(0, 3000)
    } else {
        rng.range(0, max)
    };
    (0..n).map(|_| rng.next() as u8).collect()
}

/// Bytes as text, as a browser would give them: invalid UTF-8 replaced.
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------
// Result codes and pasted lists.

/// `text` with its last part replaced by the check it should have.
pub(crate) fn recheck(text: &str) -> String {
    match text.rfind('.') {
        Some(dot) => format!("{}.{}", &text[..dot], code::check_chars(&text[..dot])),
        None => format!("{text}.{}", code::check_chars(text)),
    }
}

fn alphabet_string(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(*rng.pick(code::ALPHABET)))
        .collect()
}

/// A code laid out as format 1 with a correct check but chosen (often wrong) content.
fn forged_code(rng: &mut Rng) -> String {
    let instrument = match rng.below(8) {
        0 => "PH2",
        1 => "PH0",
        2 => "XY1",
        3 => "PH",
        _ => "PH1",
    };
    let answers = match rng.below(4) {
        0 => {
            let n = rng.range(0, 20);
            alphabet_string(rng, n)
        }
        _ => (0..16)
            .map(|_| {
                let values = if rng.one_in(8) { 64 } else { 49 };
                char::from(code::ALPHABET[rng.index(values)])
            })
            .collect(),
    };
    let mut body = format!("RP1.{instrument}.{answers}");
    match rng.below(6) {
        0 => {}
        1 => {
            let n = rng.range(0, 12);
            body = format!("{body}.{}", alphabet_string(rng, n));
        }
        2 => {
            // Bytes that are not UTF-8, or whitespace only.
            let bytes: Vec<u8> = if rng.one_in(2) {
                (0..rng.range(1, 9)).map(|_| rng.next() as u8).collect()
            } else {
                b" \t\n".to_vec()
            };
            body = format!("{body}.{}", URL_SAFE_NO_PAD.encode(bytes));
        }
        3 => {
            // A name with surrounding whitespace, which `encode` would have trimmed.
            let name = format!("{} {}\n", rng.pick(&[" ", "\t", ""]), random_name(rng));
            body = format!("{body}.{}", URL_SAFE_NO_PAD.encode(name));
        }
        _ => body = format!("{body}.{}", URL_SAFE_NO_PAD.encode(random_name(rng))),
    }
    if rng.one_in(10) {
        body.push('.');
        body.push_str(&alphabet_string(rng, 3));
    }
    recheck(&body)
}

pub(crate) fn gen_code(rng: &mut Rng, c: &Corpus) -> String {
    let seed = rng.pick(&c.codes);
    match rng.below(100) {
        0..=7 => text(&random_bytes(rng, 80)),
        8..=17 => {
            let mut s = String::from(*rng.pick(&["", "", "RP1.", "RP1.PH1.", "RP"]));
            for _ in 0..rng.range(0, 40) {
                s.push(match rng.below(10) {
                    0 => '.',
                    1 => *rng.pick(&['#', ' ', '\n', '\t', '\u{a0}']),
                    _ => char::from(*rng.pick(code::ALPHABET)),
                });
            }
            s
        }
        18..=29 => forged_code(rng),
        30..=34 => {
            let inner = if rng.one_in(2) {
                seed.clone()
            } else {
                text(&mutated(rng, seed, seed, &c.code_dict, 3))
            };
            let prefix = rng.pick(&[
                "https://x/#",
                "  https://example.org/rapport/?embed=1#",
                "#",
                "##",
                "https://x/#RP1.PH1#",
                "see: ",
            ]);
            format!("{prefix}{inner}{}", rng.pick(&["", "\n", " ", "#", "#x"]))
        }
        35..=36 => {
            // Around the length limit, or far over it.
            let n = if rng.one_in(20) {
                rng.range(100_000, 1_100_000)
            } else {
                rng.range(900, 1100)
            };
            if rng.one_in(2) {
                format!("{}{seed}", " ".repeat(n))
            } else {
                let mut s = seed.clone();
                while s.len() < n {
                    s.push_str(&seed[3..]);
                }
                s
            }
        }
        37..=40 => seed.clone(),
        _ => {
            let other = rng.pick(&c.codes);
            let s = text(&mutated(rng, seed, other, &c.code_dict, 4));
            if rng.one_in(3) {
                recheck(&s)
            } else {
                s
            }
        }
    }
}

/// Pasted text: lines of codes (damaged or not), links carrying several, blank lines and
/// other text; now and then around or over the size limit, or a hostile paste of the
/// corpus (a JSON shape or thousands of lines at the limit), mutated.
pub(crate) fn gen_list(rng: &mut Rng, c: &Corpus) -> String {
    if rng.one_in(500) {
        let seed = rng.pick(&c.hostile_lists);
        return text(&mutated(rng, seed, seed, &c.code_dict, 3));
    }
    let mut out = String::new();
    let lines = if rng.one_in(1_000) {
        rng.range(1_500, 3_000)
    } else {
        rng.small_count(12)
    };
    for _ in 0..lines {
        match rng.below(10) {
            0 => {}
            1 => out.push_str(rng.pick::<&str>(&[" ", "\t", "\u{a0}"])),
            2 | 3 => {
                let codes: Vec<String> =
                    (0..rng.small_count(4)).map(|_| gen_code(rng, c)).collect();
                let separator = rng.pick(&[",", ", ", ",,", "%2C"]);
                out.push_str(rng.pick::<&str>(&[
                    "https://x/#",
                    "#",
                    "https://example.org/r/?embed=1#",
                ]));
                // Codes with line breaks of their own make more lines: that is fine.
                out.push_str(&codes.join(separator));
            }
            4 => out.push_str(rng.pick::<&str>(NAME_PIECES)),
            _ => out.push_str(&gen_code(rng, c)),
        }
        out.push_str(rng.pick::<&str>(&["\n", "\n", "\r\n", "\n\n"]));
        if out.len() > code::MAX_LIST_BYTES + 1_000 {
            break;
        }
    }
    if rng.one_in(2_000) {
        // Exactly at the limit, or one byte over it.
        let target = code::MAX_LIST_BYTES + rng.index(2);
        while out.len() < target {
            out.push(' ');
        }
        out.truncate(target);
    }
    out
}

// ---------------------------------------------------------------------------------------
// JSON.

fn token_soup(rng: &mut Rng) -> String {
    let framed = rng.one_in(2);
    let mut s = String::from(if framed {
        "{\"schema\":1,\"data\":"
    } else {
        ""
    });
    for _ in 0..rng.range(1, 40) {
        if rng.one_in(3) {
            s.push('"');
            s.push_str(rng.pick::<&str>(JSON_STRINGS));
            s.push('"');
        } else if rng.one_in(4) {
            s.push_str(rng.pick::<&str>(NUMBERS));
        } else {
            s.push_str(rng.pick::<&str>(JSON_TOKENS));
        }
    }
    if framed {
        s.push('}');
    }
    s
}

/// Where the seeds of JSON inputs come from.
pub(crate) struct Pools<'a> {
    /// Mostly these.
    pub(crate) primary: &'a [String],
    /// Now and then one of these.
    pub(crate) secondary: &'a [String],
    /// Hostile shapes at the decoder's size limit, mutated.
    pub(crate) hostile: &'a [String],
    /// One in this many inputs is a mutated hostile shape.
    pub(crate) hostile_one_in: u64,
}

/// Text that might be JSON, made from the seeds of `pools`.
pub(crate) fn gen_json(rng: &mut Rng, c: &Corpus, pools: &Pools) -> String {
    if rng.one_in(pools.hostile_one_in) {
        let seed = rng.pick(pools.hostile);
        return text(&mutated_large(rng, seed, &c.json_dict));
    }
    let pool = if rng.one_in(10) {
        pools.secondary
    } else {
        pools.primary
    };
    let seed = rng.pick(pool);
    if rng.one_in(20_000) {
        let base = mutated(rng, seed, seed, &c.json_dict, 2);
        let target = rng.range(exchange::MAX_IMPORT_BYTES, 1_150_000);
        return text(&grow(rng, base, target));
    }
    if rng.one_in(2_000) {
        let base = mutated(rng, seed, seed, &c.json_dict, 2);
        let target = rng.range(100_000, 250_000);
        return text(&grow(rng, base, target));
    }
    if rng.one_in(50_000) {
        let big = if rng.one_in(2) {
            rng.pick(&c.boundary)
        } else {
            rng.pick(&c.big_exports)
        };
        return big.clone();
    }
    match rng.below(100) {
        0..=4 => text(&random_bytes(rng, 200)),
        5..=9 => token_soup(rng),
        10..=14 => {
            let (before, after) = *rng.pick(&[
                ("", ""),
                ("\u{feff}", ""),
                (" \n", "\n\n"),
                ("\u{feff}\u{feff}", ""),
            ]);
            format!("{before}{seed}{after}")
        }
        15..=16 => {
            let quoted: String = seed.replace('"', "\"\"").chars().take(300).collect();
            format!("\"{quoted}")
        }
        _ => {
            let other = rng.pick(pool);
            text(&mutated(rng, seed, other, &c.json_dict, 6))
        }
    }
}

/// A large seed with a few mutations (none at all one time in four, so the shape itself
/// is decoded too).
fn mutated_large(rng: &mut Rng, seed: &str, dict: &Dict) -> Vec<u8> {
    if rng.one_in(4) {
        return seed.as_bytes().to_vec();
    }
    mutated(rng, seed, seed, dict, 3)
}
