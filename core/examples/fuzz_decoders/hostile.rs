//! Hostile inputs: shapes made to cost a decoder as much as the size limits allow, each
//! at the limit of the decoder it is meant for (1 MB for imports and stored data, 100 KB
//! for pasted codes, a pack's size and 1 MB for packs): one 4,000-character key over an
//! array of half a million items, 100,000 levels of nesting (`[` and `{"a":`), thousands
//! of distinct 200-character keys, and keys given twice (at the top, inside `data`,
//! inside `answers`, inside a pack's `messages` and a dimension's `statements`). Each is
//! decoded once as a fixed case, with the outcome it must have (`cases::hostile`), and
//! joins the corpus, so the random run mutates it too.

use rapport_core::assessment::Draft;
use rapport_core::code::MAX_LIST_BYTES;
use rapport_core::exchange::{self, MAX_IMPORT_BYTES};
use rapport_core::{store, Assessment, Instrument, Response};

/// The key of the long-key document, in characters.
const LONG_KEY: usize = 4_000;
/// The keys of the many-keys documents, in characters, and how many at most.
const KEY_CHARS: usize = 200;
const MANY_KEYS: usize = 5_000;
/// Levels of nesting, at most (fewer where the limit allows fewer).
const DEPTH: usize = 100_000;
/// A pack-sized input: the shipped packs are 31–50 KB.
pub(crate) const PACK_SIZE: usize = 64_000;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoder {
    Import,
    History,
    Draft,
    List,
    Pack,
}

impl Decoder {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Decoder::Import => "exchange::import",
            Decoder::History => "store::decode_history",
            Decoder::Draft => "store::decode_draft",
            Decoder::List => "code::read_list",
            Decoder::Pack => "language::Pack",
        }
    }
}

/// One hostile input and what each decoder it is meant for must make of it, as
/// `cases::outcome` words it.
pub(crate) struct Shape {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) expect: Vec<(Decoder, String)>,
}

impl Shape {
    fn new(name: String, text: String) -> Shape {
        Shape {
            name,
            text,
            expect: Vec::new(),
        }
    }

    /// Stored history and an import both refuse it: `read` is the stored-data error.
    fn history(mut self, read: &str) -> Shape {
        let import = if self.text.len() > MAX_IMPORT_BYTES {
            "TooLarge".to_owned()
        } else {
            format!("Unreadable({read})")
        };
        self.expect.push((Decoder::Import, import));
        self.expect.push((Decoder::History, read.to_owned()));
        self
    }

    fn draft(mut self, read: &str) -> Shape {
        self.expect.push((Decoder::Draft, read.to_owned()));
        self
    }

    fn list(mut self, outcome: &str) -> Shape {
        self.expect.push((Decoder::List, outcome.to_owned()));
        self
    }

    fn pack(mut self, outcome: &str) -> Shape {
        self.expect.push((Decoder::Pack, outcome.to_owned()));
        self
    }

    pub(crate) fn expects(&self, decoder: Decoder) -> bool {
        self.expect.iter().any(|(d, _)| *d == decoder)
    }
}

/// 1234567 as "1,234,567".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `{"kkkk…":[0,0,…]}`: one long key over as many array items as fit in `limit` bytes.
fn long_key_doc(limit: usize) -> String {
    let items = (limit - LONG_KEY - 6) / 2;
    let mut s = String::with_capacity(limit);
    s.push_str("{\"");
    s.push_str(&"k".repeat(LONG_KEY));
    s.push_str("\":[0");
    s.push_str(&",0".repeat(items - 1));
    s.push_str("]}");
    s
}

/// `open` `depth` times (as many as fit in `limit`), closed when the closing fits too.
fn nested(open: &str, close: &str, limit: usize) -> (String, usize) {
    let closed = DEPTH * (open.len() + close.len()) < limit;
    let depth = if closed {
        DEPTH
    } else {
        DEPTH.min(limit / open.len())
    };
    let mut s = open.repeat(depth);
    if closed {
        s.push('0');
        s.push_str(&close.repeat(depth));
    }
    (s, depth)
}

/// The `i`th of many distinct keys of `chars` characters.
fn key(i: usize, chars: usize) -> String {
    format!("{i:05}{}", "k".repeat(chars - 5))
}

/// Members `"key":value` (comma-separated, without a trailing comma) with distinct keys
/// of `chars` characters, as many as fit in `room` bytes with their commas, at most
/// `most`; and how many.
fn members(chars: usize, value: &str, room: usize, most: usize) -> (String, usize) {
    let each = chars + value.len() + 4;
    let n = (room / each).min(most);
    let list: Vec<String> = (0..n)
        .map(|i| format!("\"{}\":{value}", key(i, chars)))
        .collect();
    (list.join(","), n)
}

/// `text` with `insert` put right after the first `{` that follows `marker`.
fn insert_after(text: &str, marker: &str, insert: &str) -> String {
    let at = text.find(marker).expect("the marker is in the text") + marker.len();
    let brace = at + text[at..].find('{').expect("an object follows the marker") + 1;
    format!("{}{insert}{}", &text[..brace], &text[brace..])
}

/// The first key of the object that follows `marker`.
fn first_key(text: &str, marker: &str) -> String {
    let at = text.find(marker).expect("the marker is in the text") + marker.len();
    let rest = &text[at..];
    let open = rest.find('"').expect("a key") + 1;
    let close = open + rest[open..].find('"').expect("a key's end");
    rest[open..close].to_owned()
}

/// A check of `instrument`, every statement answered "neutral", as an export holding
/// copies of it (distinct ids) up to `room` bytes.
fn export_of(instrument: &Instrument, room: usize) -> String {
    let mut draft = Draft::new(instrument, "Hostile".into());
    for s in instrument.statements() {
        draft
            .answers
            .set(&s.id, Response::agreement(3).unwrap_or(Response::DONT_KNOW));
    }
    let check = Assessment::finish(instrument, &draft, "ID".into(), 1_700_000_000_000);
    let one = exchange::to_json(&[check]);
    let (head, rest) = one.split_at(one.find("{\"id\"").expect("a check"));
    let tail = "],\"deleted\":[]}}";
    let body = rest.strip_suffix(tail).expect("an export's end");
    let mut s = head.to_owned();
    let mut n = 0;
    while n == 0 || s.len() + body.len() + 12 + tail.len() < room {
        if n > 0 {
            s.push(',');
        }
        s.push_str(&body.replace("\"ID\"", &format!("\"h{n:07}\"")));
        n += 1;
    }
    s.push_str(tail);
    s
}

/// A draft of `instrument` named with `name_chars` x's, stored.
fn draft_of(instrument: &Instrument, name_chars: usize) -> String {
    let mut draft = Draft::new(instrument, "x".repeat(name_chars));
    draft
        .answers
        .set(&first_statement(instrument), Response::DONT_KNOW);
    store::encode(&draft)
}

fn first_statement(instrument: &Instrument) -> String {
    instrument
        .statements()
        .next()
        .map_or_else(String::new, |s| s.id.clone())
}

/// Shapes that are no JSON any decoder accepts, within `limit`: the long key, the
/// nestings, the many keys; each with the error stored data gives for it.
fn generic(limit: usize) -> Vec<(Shape, &'static str)> {
    let doc = long_key_doc(limit);
    let items = thousands((doc.len() - LONG_KEY - 6) / 2);
    let name = format!("{}-char key over {items} items", thousands(LONG_KEY));
    let mut shapes = vec![(Shape::new(name, doc), "NoSchema")];
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let (text, depth) = nested(open, close, limit);
        let closed = if text.ends_with(close) { "" } else { ", open" };
        let name = format!("{open} x {}{closed}", thousands(depth));
        shapes.push((Shape::new(name, text), "NotJson"));
    }
    let (body, n) = members(KEY_CHARS, "0", limit - 2, MANY_KEYS);
    let name = format!("{} keys of {KEY_CHARS} chars", thousands(n));
    shapes.push((Shape::new(name, format!("{{{body}}}")), "NoSchema"));
    shapes
}

/// Every hostile shape at the limits of `exchange::import` and stored data (`json`),
/// pasted codes (`list`) and packs (`pack`; and `json` for a large pack), with the
/// outcome each decoder must give. `english` is the shipped English pack. The corpus
/// also makes them at small limits, to mutate cheaply.
pub(crate) fn shapes(
    instrument: &Instrument,
    english: &str,
    json: usize,
    list: usize,
    pack: usize,
) -> Vec<Shape> {
    let mut all = Vec::new();

    // Imports and stored data.
    for (shape, read) in generic(json) {
        all.push(shape.history(read).draft(read));
    }
    let (body, n) = members(KEY_CHARS, "0", usize::MAX, MANY_KEYS);
    if n * (KEY_CHARS + 5) + 2 > json && json >= MAX_IMPORT_BYTES {
        // Exactly as many as asked: over the import limit, refused unread.
        let name = format!("{} keys of {KEY_CHARS} chars", thousands(n));
        let text = format!("{{{body}}}");
        all.push(Shape::new(name, text).history("NoSchema").draft("NoSchema"));
    }
    let (deep, depth) = nested("[", "]", json - 40);
    let text = format!("{{\"schema\":2,\"data\":{deep}}}");
    let name = format!("[ x {} inside data", thousands(depth));
    all.push(Shape::new(name, text).history("NotJson").draft("NotJson"));

    let export = export_of(instrument, json - 100);
    let checks = thousands(export.matches("{\"id\"").count());
    let at = "WrongShape(At)";
    let envelope_end =
        |text: &str, with: &str| format!("{}{with}}}", text.strip_suffix('}').expect("an object"));
    let name = format!("\"schema\" twice, after {checks} checks");
    let text = envelope_end(&export, ",\"schema\":2");
    all.push(Shape::new(name, text).history(at));
    let name = format!("\"deleted\" twice in data, after {checks} checks");
    let text = format!(
        "{}],\"deleted\":[],\"deleted\":[]}}}}",
        export
            .strip_suffix("],\"deleted\":[]}}")
            .expect("an export")
    );
    all.push(Shape::new(name, text).history(at));
    let id = first_statement(instrument);
    let name = format!("\"{id}\" twice in answers, after {checks} checks");
    let last = export.rfind("\"answers\":{").expect("answers") + "\"answers\":{".len();
    let text = format!("{}\"{id}\":3,{}", &export[..last], &export[last..]);
    all.push(Shape::new(name, text).history(at));
    let one = export_of(instrument, 0);
    for (chars, what) in [(LONG_KEY, "long keys"), (KEY_CHARS, "keys")] {
        let room = json.saturating_sub(one.len() + 10);
        let (body, n) = members(chars, "0", room, MANY_KEYS);
        if n == 0 {
            continue;
        }
        let name = format!("{} {what} of {chars} chars in answers", thousands(n));
        let text = insert_after(&one, "\"answers\":", &format!("{body},"));
        all.push(Shape::new(name, text).history("WrongShape(UnknownStatements)"));
    }

    // Drafts: their name makes them as large as the limit.
    let big = draft_of(instrument, json - 300);
    let name = format!(
        "draft: \"schema\" twice, after a name of {} chars",
        thousands(json - 300)
    );
    let text = envelope_end(&big, ",\"schema\":2");
    all.push(Shape::new(name, text).draft(at));
    let name = "draft: \"name\" twice in data".to_owned();
    let text = insert_after(&big, "\"data\":", "\"name\":\"\",");
    all.push(Shape::new(name, text).draft(at));
    let name = format!("draft: \"{id}\" twice in answers, after the name");
    let text = insert_after(&big, "\"answers\":", &format!("\"{id}\":3,"));
    all.push(Shape::new(name, text).draft(at));
    let small = draft_of(instrument, 0);
    for (chars, what) in [(LONG_KEY, "long keys"), (KEY_CHARS, "keys")] {
        let (body, n) = members(chars, "0", json.saturating_sub(small.len() + 10), MANY_KEYS);
        if n == 0 {
            continue;
        }
        let name = format!("draft: {} {what} of {chars} chars in answers", thousands(n));
        let text = insert_after(&small, "\"answers\":", &format!("{body},"));
        all.push(Shape::new(name, text).draft("WrongShape(Draft(UnknownStatements))"));
    }

    // Pasted codes: one line each, or thousands of lines and codes.
    for (shape, _) in generic(list) {
        all.push(shape.list("1 problem: TooLong"));
    }
    // A line break after each member's comma too.
    let room = (list - 4) / (KEY_CHARS + 6) * (KEY_CHARS + 5);
    let (body, n) = members(KEY_CHARS, "0", room, MANY_KEYS);
    let text = format!("{{\n{}\n}}", body.replace(',', ",\n"));
    let name = format!("{} keys of {KEY_CHARS} chars, one a line", thousands(n));
    all.push(Shape::new(name, text).list(&format!("{} problems: NotACode", n + 2)));
    let text = "{\"schema\":2,\"schema\":2,\"data\":{}}".to_owned();
    all.push(Shape::new("\"schema\" twice".into(), text).list("1 problem: NotACode"));
    let lines = list / 4;
    let text = "RP1\n".repeat(lines);
    let name = format!("{} lines of RP1", thousands(lines));
    all.push(Shape::new(name, text).list(&format!("{lines} problems: Incomplete")));
    let codes = (list - 1) / 4;
    let text = format!("#RP1{}", ",RP1".repeat(codes - 1));
    let name = format!("a link of {} codes RP1", thousands(codes));
    all.push(Shape::new(name, text).list(&format!("{codes} problems: Incomplete")));
    let text = " ".repeat(list + 1);
    let name = format!("{} bytes", thousands(list + 1));
    all.push(Shape::new(name, text).list("TooLarge"));

    // Packs: the shapes, pack-sized and large; the shipped pack with keys given twice.
    for limit in [pack, json] {
        for (shape, _) in generic(limit) {
            all.push(shape.pack("Unreadable"));
        }
    }
    let trailing = |text: &str, with: &str| {
        let text = text.trim_end();
        format!("{}{with}}}", text.strip_suffix('}').expect("an object"))
    };
    let message = first_key(english, "\"messages\"");
    let statement = first_key(english, "\"statements\"");
    for limit in [0, json] {
        let room = limit.saturating_sub(english.len() + 100);
        let (padding, n) = members(KEY_CHARS, "\"x\"", room, MANY_KEYS);
        // Extra messages (allowed) first, so every one is read before what comes next.
        let prefix = if n == 0 {
            String::new()
        } else {
            format!("{padding},")
        };
        let padded = insert_after(english, "\"messages\"", &prefix);
        let size = if n == 0 {
            "shipped".to_owned()
        } else {
            format!("+ {} messages", thousands(n))
        };
        if n > 0 {
            let name = format!("English pack {size}");
            all.push(Shape::new(name, padded.clone()).pack("Ok"));
        }
        let name = format!("English pack {size}, \"messages\" twice");
        let text = trailing(&padded, ",\"messages\":{}");
        all.push(Shape::new(name, text).pack("Unreadable"));
        let name = format!("English pack {size}, \"{message}\" twice in messages");
        let repeat = format!("{prefix}\"{message}\":\"x\",");
        let text = insert_after(english, "\"messages\"", &repeat);
        all.push(Shape::new(name, text).pack("Unreadable"));
        let name = format!("English pack {size}, \"{statement}\" twice in statements");
        let repeat = format!("\"{statement}\":\"x\",");
        let text = insert_after(&padded, "\"statements\"", &repeat);
        all.push(Shape::new(name, text).pack("Unreadable"));
    }
    all
}

/// The shapes at the decoders' limits.
pub(crate) fn at_limits(instrument: &Instrument, english: &str) -> Vec<Shape> {
    shapes(
        instrument,
        english,
        MAX_IMPORT_BYTES,
        MAX_LIST_BYTES,
        PACK_SIZE,
    )
}
