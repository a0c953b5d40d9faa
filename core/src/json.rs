//! JSON, read and written without serde: where a text stopped making sense, a document
//! read as its nodes (one small reader for packs, the language list, the instrument's
//! structure and stored data, instead of a deserializer per shape: serde_json and its
//! derives cost about a fifth of the wasm), and strings written as JSON.

use crate::order::sorted;

/// Where a JSON text stopped making sense (1-based; the column counts characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` of `text` (the last character if it is past the end).
    pub fn in_text(text: &str, offset: usize) -> Position {
        let mut end = offset.min(text.len().saturating_sub(1));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// What a node of a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An integer or a fraction, kept as written.
    Number,
    Bool,
    Null,
    Object,
    Array,
}

/// One value of a document: its path (object keys and array indices joined by '.'), what
/// it is, its text (strings unescaped, numbers and booleans as written, empty for the
/// rest), and where it is (a byte offset: the value's start, or an object's or array's
/// closing bracket, where a missing member would have been).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Node {
    path: String,
    kind: Kind,
    value: String,
    at: usize,
}

/// A JSON document as its nodes, sorted by path; an object key with a '.' in it is refused
/// (none of Rapport's documents has one). `get`, `under` and `iter` see only the
/// leaves that hold something: strings, numbers and booleans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leaves(Vec<Node>);

/// As deep as serde_json goes: deeper documents are refused, not a stack overflow.
const MAX_DEPTH: usize = 128;

impl Leaves {
    pub fn read(json: &str) -> Result<Leaves, Position> {
        let mut reader = Reader {
            text: json.as_bytes(),
            at: 0,
            nodes: Vec::new(),
        };
        let read = reader
            .value(String::new(), 0)
            .and_then(|()| match reader.skip_space() {
                None => Ok(()),
                Some(_) => Err(reader.at),
            });
        if let Err(at) = read {
            return Err(Position::in_text(json, at));
        }
        // A repeated key keeps its first value: the sort is stable.
        let mut nodes = sorted(reader.nodes, |a, b| a.path.cmp(&b.path));
        nodes.dedup_by(|later, first| later.path == first.path);
        Ok(Leaves(nodes))
    }

    fn find(&self, path: &str) -> Option<&Node> {
        let at = self
            .0
            .binary_search_by(|n| n.path.as_str().cmp(path))
            .ok()?;
        Some(&self.0[at])
    }

    /// What is at `path`: its kind, its text and its byte offset.
    pub fn node(&self, path: &str) -> Option<(Kind, &str, usize)> {
        self.find(path).map(|n| (n.kind, n.value.as_str(), n.at))
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.find(path)
            .filter(|n| n.holds_something())
            .map(|n| n.value.as_str())
    }

    /// The leaves under `prefix` (which ends with '.'), with their paths cut after it.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        let start = self.0.partition_point(|n| n.path.as_str() < prefix);
        self.0[start..]
            .iter()
            .map_while(move |n| Some((n.path.strip_prefix(prefix)?, n)))
            .filter(|(_, n)| n.holds_something())
            .map(|(p, n)| (p, n.value.as_str()))
    }

    /// The keys of the object at `path` (or the indices of the array), each with its
    /// offset.
    pub fn members(&self, path: &str) -> Vec<(&str, usize)> {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        let start = self.0.partition_point(|n| n.path < prefix);
        self.0[start..]
            .iter()
            .map_while(|n| Some((n.path.strip_prefix(&prefix)?, n.at)))
            .filter(|(rest, _)| !rest.is_empty() && !rest.contains('.'))
            .collect()
    }

    /// Every leaf, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .filter(|n| n.holds_something())
            .map(|n| (n.path.as_str(), n.value.as_str()))
    }

    /// Leaves this value out (for tests that break a document).
    pub fn remove(&mut self, path: &str) {
        self.0.retain(|n| n.path != path);
    }

    /// Sets one leaf to a string (for tests that break a document).
    pub fn set(&mut self, path: &str, value: &str) {
        self.remove(path);
        let at = self.0.partition_point(|n| n.path.as_str() < path);
        self.0.insert(
            at,
            Node {
                path: path.to_owned(),
                kind: Kind::Text,
                value: value.to_owned(),
                at: 0,
            },
        );
    }
}

impl Node {
    fn holds_something(&self) -> bool {
        matches!(self.kind, Kind::Text | Kind::Number | Kind::Bool)
    }
}

/// Reads RFC 8259 JSON; every error is the byte offset where the text went wrong.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    nodes: Vec<Node>,
}

impl Reader<'_> {
    /// The next byte that is not white space, not consumed.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(&b) = self.text.get(self.at) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn expect(&mut self, byte: u8) -> Result<(), usize> {
        if self.skip_space() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.at)
        }
    }

    fn push(&mut self, path: String, kind: Kind, value: String, at: usize) {
        self.nodes.push(Node {
            path,
            kind,
            value,
            at,
        });
    }

    fn value(&mut self, path: String, depth: usize) -> Result<(), usize> {
        match self.skip_space() {
            Some(b'{') => self.container(path, depth, b'}'),
            Some(b'[') => self.container(path, depth, b']'),
            Some(b'"') => {
                let at = self.at;
                let text = self.string()?;
                self.push(path, Kind::Text, text, at);
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => {
                let at = self.at;
                self.number()?;
                let written = String::from_utf8_lossy(&self.text[at..self.at]).into_owned();
                self.push(path, Kind::Number, written, at);
                Ok(())
            }
            Some(b't') => self.word(path, b"true", Kind::Bool),
            Some(b'f') => self.word(path, b"false", Kind::Bool),
            Some(b'n') => self.word(path, b"null", Kind::Null),
            _ => Err(self.at),
        }
    }

    fn word(&mut self, path: String, word: &[u8], kind: Kind) -> Result<(), usize> {
        let at = self.at;
        for &expected in word {
            if self.text.get(self.at) != Some(&expected) {
                return Err(self.at);
            }
            self.at += 1;
        }
        let value = if kind == Kind::Bool {
            String::from_utf8_lossy(word).into_owned()
        } else {
            String::new()
        };
        self.push(path, kind, value, at);
        Ok(())
    }

    /// An object or an array (the reader is on its opening bracket).
    fn container(&mut self, path: String, depth: usize, close: u8) -> Result<(), usize> {
        if depth >= MAX_DEPTH {
            return Err(self.at);
        }
        self.at += 1;
        let child = |key: &str| {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        };
        let mut index = 0usize;
        if self.skip_space() != Some(close) {
            loop {
                let key = if close == b'}' {
                    if self.skip_space() != Some(b'"') {
                        return Err(self.at);
                    }
                    let at = self.at;
                    let key = self.string()?;
                    // A dot would make two documents read the same: {"a.b":1}, {"a":{"b":1}}.
                    if key.contains('.') {
                        return Err(at);
                    }
                    self.expect(b':')?;
                    key
                } else {
                    index.to_string()
                };
                self.value(child(&key), depth + 1)?;
                index += 1;
                match self.skip_space() {
                    Some(b',') => self.at += 1,
                    Some(b) if b == close => break,
                    _ => return Err(self.at),
                }
            }
        }
        let kind = if close == b'}' {
            Kind::Object
        } else {
            Kind::Array
        };
        self.push(path, kind, String::new(), self.at);
        self.at += 1;
        Ok(())
    }

    fn digits(&mut self) -> Result<(), usize> {
        let start = self.at;
        while self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        if self.at == start {
            Err(self.at)
        } else {
            Ok(())
        }
    }

    fn number(&mut self) -> Result<(), usize> {
        if self.text[self.at] == b'-' {
            self.at += 1;
        }
        if self.text.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else {
            self.digits()?;
        }
        if self.text.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.digits()?;
        }
        if matches!(self.text.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.text.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits()?;
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, usize> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self
                .text
                .get(self.at)
                .and_then(|&b| char::from(b).to_digit(16))
                .ok_or(self.at)?;
            n = n * 16 + digit;
            self.at += 1;
        }
        Ok(n)
    }

    /// A string (the reader is on its opening quote), unescaped.
    fn string(&mut self) -> Result<String, usize> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.at) else {
                return Err(self.at);
            };
            match b {
                b'"' => {
                    self.at += 1;
                    // The input is a &str and escapes are written as UTF-8.
                    return String::from_utf8(out).map_err(|_| self.at);
                }
                0..=0x1f => return Err(self.at),
                b'\\' => {
                    self.at += 1;
                    let escaped = match self.text.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let at = self.at;
                            let first = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&first) {
                                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                                    return Err(self.at);
                                }
                                self.at += 2;
                                let second = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&second) {
                                    return Err(self.at);
                                }
                                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                            } else {
                                first
                            };
                            let c = char::from_u32(code).ok_or(at)?;
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            continue;
                        }
                        _ => return Err(self.at),
                    };
                    out.push(escaped as u8);
                    self.at += 1;
                }
                _ => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it.
pub fn write_text(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 0xf) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn leaves_are_paths_and_values() {
        let l =
            Leaves::read(r#"{"a": {"b": ["x", "y"], "c": true, "n": 12, "f": 1.5}, "z": null}"#)
                .unwrap();
        let all: Vec<_> = l.iter().collect();
        assert_eq!(
            all,
            [
                ("a.b.0", "x"),
                ("a.b.1", "y"),
                ("a.c", "true"),
                ("a.f", "1.5"),
                ("a.n", "12")
            ]
        );
        assert_eq!(l.get("a.b.1"), Some("y"));
        assert_eq!(l.get("a.b"), None);
        assert_eq!(l.get("z"), None);
        assert_eq!(l.node("z").map(|n| n.0), Some(Kind::Null));
        assert_eq!(l.node("a.b").map(|n| n.0), Some(Kind::Array));
        let under: Vec<_> = l.under("a.b.").collect();
        assert_eq!(under, [("0", "x"), ("1", "y")]);
        let members: Vec<_> = l.members("a").into_iter().map(|m| m.0).collect();
        assert_eq!(members, ["b", "c", "f", "n"]);
        let top: Vec<_> = l.members("").into_iter().map(|m| m.0).collect();
        assert_eq!(top, ["a", "z"]);
        assert_eq!(
            Leaves::read("{\"a\": }"),
            Err(Position { line: 1, column: 7 })
        );
        assert!(Leaves::read("[] x").is_err());
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(
            Leaves::read("{\n  \"a\": x"),
            Err(Position { line: 2, column: 8 })
        );
        assert_eq!(
            Leaves::read("{\"é\": x}"),
            Err(Position { line: 1, column: 7 })
        );
        assert_eq!(Leaves::read(""), Err(Position { line: 1, column: 1 }));
        assert_eq!(
            Leaves::read("{\"a\":"),
            Err(Position { line: 1, column: 5 })
        );
        // Where a value sits, and where a missing member would have been.
        let text = "{\"a\": [1,\n 2], \"b\": {}}";
        let l = Leaves::read(text).unwrap();
        let at = |p: &str| Position::in_text(text, l.node(p).unwrap().2);
        assert_eq!(at("a.1"), Position { line: 2, column: 2 });
        assert_eq!(
            at("b"),
            Position {
                line: 2,
                column: 12
            }
        );
    }

    #[test]
    fn strings_are_unescaped_and_written_back() {
        let l = Leaves::read(r#"["a\"b\\c\/\n\t\u00e9\ud83d\ude00\u0001"]"#).unwrap();
        let text = l.get("0").unwrap();
        assert_eq!(text, "a\"b\\c/\n\té\u{1f600}\u{1}");
        let mut out = String::new();
        write_text(&mut out, text);
        assert_eq!(out, serde_json::to_string(text).unwrap());
        for bad in [
            r#"["\ud800"]"#,
            r#"["\udc00"]"#,
            r#"["\ud800\u0041"]"#,
            r#"["\x"]"#,
            "[\"a\u{1}\"]",
            r#"["\u12"]"#,
        ] {
            assert!(Leaves::read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value() {
        let l = Leaves::read(r#"{"a": 1, "a": 2, "b": {"c": 1}, "b": 3}"#).unwrap();
        assert_eq!(l.get("a"), Some("1"));
        assert_eq!(l.node("b").unwrap().0, Kind::Object);
    }

    #[test]
    fn depth_is_limited_as_serde_json_limits_it() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(Leaves::read(&deep(MAX_DEPTH)).is_ok());
        assert!(Leaves::read(&deep(MAX_DEPTH + 1)).is_err());
        assert!(Leaves::read(&deep(100_000)).is_err());
    }

    /// The leaves serde_json sees in the same text.
    fn oracle(json: &str) -> Option<Vec<(String, String)>> {
        fn walk(path: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
            let child = |k: &str| {
                if path.is_empty() {
                    k.to_owned()
                } else {
                    format!("{path}.{k}")
                }
            };
            match v {
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        if k.contains('.') {
                            out.push((String::new(), "\u{0}dotted".to_owned()));
                        }
                        walk(&child(k), v, out);
                    }
                }
                serde_json::Value::Array(a) => {
                    for (i, v) in a.iter().enumerate() {
                        walk(&child(&i.to_string()), v, out);
                    }
                }
                serde_json::Value::String(s) => out.push((path.to_owned(), s.clone())),
                serde_json::Value::Bool(b) => out.push((path.to_owned(), b.to_string())),
                serde_json::Value::Number(n) => out.push((path.to_owned(), n.to_string())),
                serde_json::Value::Null => {}
            }
        }
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let mut out = Vec::new();
        walk("", &value, &mut out);
        // Keys with dots are refused by this reader.
        if out.iter().any(|(p, v)| p.is_empty() && v == "\u{0}dotted") {
            return None;
        }
        out.sort();
        Some(out)
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            "[a-z \"\\\\\n\u{e9}\u{1f600}\u{1}]{0,8}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("[a-z]{1,3}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Any document serde_json writes reads as the leaves serde_json sees in it.
        #[test]
        fn reads_what_serde_json_writes(v in json_value(), pretty in any::<bool>()) {
            let json = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            let ours: Vec<(String, String)> =
                Leaves::read(&json).unwrap().iter().map(|(p, v)| (p.to_owned(), v.to_owned())).collect();
            prop_assert_eq!(Some(ours), oracle(&json));
        }

        /// Cut or changed documents are refused exactly when serde_json refuses them
        /// (numbers too large for a float, which serde_json refuses, are left out).
        #[test]
        fn refuses_what_serde_json_refuses(
            v in json_value(),
            cut in any::<prop::sample::Index>(),
            insert in prop::sample::select(vec!["", "\"", ",", "}", "]", "{", "[", ":", "\\", "-", "0", "1", ".", "e", " ", "n", "\u{1}"]),
        ) {
            let json = serde_json::to_string(&v).unwrap();
            let at = cut.index(json.len() + 1);
            prop_assume!(json.is_char_boundary(at));
            let broken = format!("{}{insert}{}", &json[..at], &json[at..]);
            let out_of_range = serde_json::from_str::<serde_json::Value>(&broken)
                .is_err_and(|e| e.to_string().contains("number out of range"));
            prop_assume!(!out_of_range);
            let ours = Leaves::read(&broken)
                .ok()
                .map(|l| { let mut v: Vec<(String, String)> = l.iter().map(|(p, v)| (p.to_owned(), v.to_owned())).collect(); v.sort(); v });
            let theirs = oracle(&broken);
            // serde_json writes a number it read with a fraction its own way; compare paths then.
            match (&ours, &theirs) {
                (Some(a), Some(b)) => prop_assert_eq!(
                    a.iter().map(|x| &x.0).collect::<Vec<_>>(),
                    b.iter().map(|x| &x.0).collect::<Vec<_>>()
                ),
                _ => prop_assert_eq!(ours.is_some(), theirs.is_some(), "{}", broken),
            }
        }
    }
}
