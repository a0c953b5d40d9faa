//! JSON is read and written by serde_json. What the core adds: where a text stopped
//! making sense, as a person can look it up; the path to a value (`dimensions[2].name`)
//! and where that value is in the text; and maps that refuse a repeated key (a derived
//! struct refuses a repeated field; a map would quietly keep the last value).

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Where a JSON text stopped making sense (1-based; the column counts bytes, as
/// serde_json does, and is 1 where serde_json says 0: at the very start of a line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where each line of a text starts, read once, so that the positions of many problems
/// in a large file are each found without reading the text again from its start.
pub struct Lines<'a> {
    text: &'a str,
    /// Each line's first byte, and the UTF-16 units before it.
    starts: Vec<(usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn of(text: &'a str) -> Lines<'a> {
        let mut starts = vec![(0, 0)];
        let mut units = 0;
        for (at, c) in text.char_indices() {
            units += c.len_utf16();
            if c == '\n' {
                starts.push((at + 1, units));
            }
        }
        Lines { text, starts }
    }

    /// Where `position` is, as a byte offset and the UTF-16 units before it (the line's
    /// end where the column runs past it; the text's end where the line does).
    fn offsets(&self, position: Position) -> (usize, usize) {
        let Some(&(start, units)) = self.starts.get(position.line.saturating_sub(1)) else {
            return (self.text.len(), self.text.encode_utf16().count());
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let mut at = position.column.saturating_sub(1).min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        (start + at, units + line[..at].encode_utf16().count())
    }

    /// The same place with its column counted in characters, as an editor counts it
    /// (serde_json counts bytes, so a line of Arabic text gives twice the column).
    pub fn in_characters(&self, position: Position) -> Position {
        let (at, _) = self.offsets(position);
        let line_start = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
        Position {
            line: position.line,
            column: self.text[line_start..at].chars().count() + 1,
        }
    }

    /// The place as an offset in UTF-16 code units: where a browser's text field puts
    /// its cursor.
    pub fn utf16_offset(&self, position: Position) -> usize {
        self.offsets(position).1
    }
}

impl From<&serde_json::Error> for Position {
    fn from(error: &serde_json::Error) -> Position {
        Position {
            line: error.line(),
            column: error.column().max(1),
        }
    }
}

/// One step into a JSON value: a member of an object, or an item of an array (from 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Member(String),
    Item(usize),
}

/// Where a value is inside a JSON document, from its root, written as editors and JSON
/// Schema validators write it: `dimensions[2].statements[0].text.fr`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// This path, one step further.
    pub fn then(&self, step: impl Into<Step>) -> Path {
        let mut steps = self.0.clone();
        steps.push(step.into());
        Path(steps)
    }
}

impl From<&str> for Step {
    fn from(name: &str) -> Step {
        Step::Member(name.to_owned())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Step {
        Step::Item(index)
    }
}

impl From<&serde_path_to_error::Path> for Path {
    fn from(path: &serde_path_to_error::Path) -> Path {
        use serde_path_to_error::Segment;
        Path(
            path.iter()
                .filter_map(|segment| match segment {
                    Segment::Seq { index } => Some(Step::Item(*index)),
                    Segment::Map { key } => Some(Step::Member(key.clone())),
                    Segment::Enum { variant } => Some(Step::Member(variant.clone())),
                    Segment::Unknown => None,
                })
                .collect(),
        )
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            // The document itself: JSONPath's name for the root.
            return f.write_str("$");
        }
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Item(index) => write!(f, "[{index}]")?,
                Step::Member(name) if is_plain(name) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                // A member a dot cannot name (a space, a dot, a quote) is quoted as JSON.
                Step::Member(name) => write!(f, "[{}]", serde_json::Value::from(name.as_str()))?,
            }
        }
        Ok(())
    }
}

fn is_plain(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$')
}

/// Where the value at `path` starts in `text`, a JSON document that serde_json has
/// read: the positions of problems found after reading, in the same terms as serde_json
/// gives its own. `None` when the path leads nowhere.
pub fn locate(text: &str, path: &Path) -> Option<Position> {
    let mut scan = Scan { text, at: 0 };
    for step in &path.0 {
        scan.blank();
        match (step, scan.peek()?) {
            (Step::Member(name), b'{') => {
                scan.at += 1;
                loop {
                    scan.blank();
                    let key = scan.string()?;
                    scan.blank();
                    scan.expect(b':')?;
                    if key == *name {
                        break;
                    }
                    scan.value()?;
                    scan.blank();
                    scan.expect(b',')?;
                }
            }
            (Step::Item(index), b'[') => {
                scan.at += 1;
                for _ in 0..*index {
                    scan.blank();
                    scan.value()?;
                    scan.blank();
                    scan.expect(b',')?;
                }
            }
            _ => return None,
        }
    }
    scan.blank();
    if matches!(scan.peek()?, b']' | b'}') {
        return None;
    }
    let before = &text.as_bytes()[..scan.at];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |n| n + 1);
    Some(Position {
        line: before.iter().filter(|b| **b == b'\n').count() + 1,
        column: scan.at - line_start + 1,
    })
}

/// A cursor over a JSON text known to be well formed, so it can skip rather than check.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Past the string here; its value.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.skip_string()?;
        serde_json::from_str(self.text.get(start..self.at)?).ok()
    }

    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => return self.expect(b'"'),
                _ => self.at += 1,
            }
        }
    }

    /// Past the value here, however deep, without recursion.
    fn value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.blank();
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.at += 1;
                }
                b',' | b':' if depth > 0 => self.at += 1,
                b',' | b':' => return None,
                _ => {
                    while !matches!(
                        self.peek(),
                        None | Some(b',' | b':' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                    ) {
                        self.at += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

/// Reads a JSON object into a map, refusing a key given twice.
pub fn unique<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some((key, value)) = access.next_entry::<K, V>()? {
                if map.contains_key(&key) {
                    // The key in backticks, as serde names a member: a reader that
                    // words problems itself (`instrument_file`) tells it from others.
                    return Err(serde::de::Error::custom(format_args!("`{key}`")));
                }
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(Unique(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Map(#[serde(deserialize_with = "unique")] BTreeMap<String, u8>);

    #[test]
    fn a_repeated_key_is_refused_where_it_is_given() {
        let read = |json: &str| serde_json::from_str::<Map>(json).map_err(|e| Position::from(&e));
        assert_eq!(read(r#"{"a": 1, "b": 2}"#).unwrap().0.len(), 2);
        assert_eq!(
            read("{\"a\": 1,\n \"a\": 2}").unwrap_err(),
            Position { line: 2, column: 8 }
        );
        assert!(read("[1]").is_err());
    }

    #[test]
    fn a_position_is_found_in_characters_and_utf16_units_as_editors_count() {
        let text = "{\n  \"نص\": x,\n  \"😀\": 1\n}";
        let broken = Position::from(&serde_json::from_str::<serde_json::Value>(text).unwrap_err());
        assert_eq!(
            broken,
            Position {
                line: 2,
                column: 11
            }
        );
        // Two Arabic letters are four bytes and two characters.
        let lines = Lines::of(text);
        assert_eq!(lines.in_characters(broken), Position { line: 2, column: 9 });
        let offset = lines.utf16_offset(broken);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[offset..offset + 1]).unwrap(), "x");
        // An emoji is two UTF-16 units, one character.
        let emoji = Position {
            line: 3,
            column: 11,
        };
        assert_eq!(lines.in_characters(emoji).column, 8);
        assert_eq!(
            String::from_utf16(&units[lines.utf16_offset(emoji)..][..1]).unwrap(),
            "1"
        );
        // Past the end of a line or of the text, or at line 0 and column 0: an end or a
        // start, never a panic.
        let at = |line, column| Position { line, column };
        assert_eq!(lines.utf16_offset(at(1, 40)), 1);
        assert_eq!(lines.utf16_offset(at(9, 1)), units.len());
        assert_eq!(lines.utf16_offset(at(0, 0)), 0);
        assert_eq!(lines.in_characters(at(2, 6)).column, 5);
    }

    #[test]
    fn positions_count_lines_and_bytes() {
        let at = |json: &str| {
            Position::from(&serde_json::from_str::<serde_json::Value>(json).unwrap_err())
        };
        assert_eq!(at("{\n  \"a\": x"), Position { line: 2, column: 8 });
        assert_eq!(at("{not json"), Position { line: 1, column: 2 });
        assert_eq!(at(""), Position { line: 1, column: 1 });
        assert_eq!(at("[1,\n"), Position { line: 2, column: 1 });
    }

    fn path(steps: &[Step]) -> Path {
        Path(steps.to_vec())
    }

    #[test]
    fn a_path_reads_as_editors_write_it() {
        let p = Path::default()
            .then("dimensions")
            .then(2)
            .then("text")
            .then("fr");
        assert_eq!(p.to_string(), "dimensions[2].text.fr");
        assert_eq!(Path::default().to_string(), "$");
        assert_eq!(Path::default().then(0).to_string(), "[0]");
        assert_eq!(
            Path::default().then("a b").then("$schema").to_string(),
            r#"["a b"].$schema"#
        );
    }

    #[test]
    fn a_value_is_located_where_it_starts() {
        let text = "{\n  \"a\": [1, {\"x\": \"}\\\"]\"}, [2, 3]],\n  \"b\": {\"c\": \"é\", \"d\": null}\n}";
        let at = |steps: &[Step]| locate(text, &path(steps));
        let m = |s: &str| Step::Member(s.to_owned());
        assert_eq!(at(&[]), Some(Position { line: 1, column: 1 }));
        assert_eq!(at(&[m("a")]), Some(Position { line: 2, column: 8 }));
        assert_eq!(
            at(&[m("a"), Step::Item(2)]),
            Some(Position {
                line: 2,
                column: 27
            })
        );
        assert_eq!(
            at(&[m("a"), Step::Item(2), Step::Item(1)]),
            Some(Position {
                line: 2,
                column: 31
            })
        );
        assert_eq!(
            at(&[m("b"), m("d")]),
            Some(Position {
                line: 3,
                column: 25
            })
        );
        assert_eq!(at(&[m("a"), Step::Item(3)]), None);
        assert_eq!(at(&[m("z")]), None);
        assert_eq!(at(&[m("a"), m("x")]), None);
        assert_eq!(at(&[Step::Item(0)]), None);
    }

    #[test]
    fn serde_paths_become_paths() {
        let json = r#"{"a": [1, {"b": "x"}]}"#;
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            b: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            a: (u8, Inner),
        }
        let e = serde_path_to_error::deserialize::<_, Outer>(
            &mut serde_json::Deserializer::from_str(json),
        )
        .unwrap_err();
        assert_eq!(Path::from(e.path()).to_string(), "a[1].b");
    }
}
