//! Where JSON text stopped making sense, as data the app words; and JSON read as its
//! leaves, for data whose shape is checked by lookups rather than by serde derives (one
//! small reader instead of a deserializer per shape: kilobytes of wasm each).

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Where a JSON text stopped making sense (1-based, as serde_json counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// Where serde_json gave up. Its full message is not used: formatting it would add
    /// the error-formatting code of serde_json and std::io to the wasm.
    pub fn of(e: &serde_json::Error) -> Position {
        Position {
            line: e.line(),
            column: e.column(),
        }
    }
}

/// A JSON document's leaves, sorted by path: each leaf's path (object keys and array
/// indices joined by '.') and its value (strings as they are, integers and booleans as
/// written; `null` and numbers with fractions are left out, as nothing reads them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leaves(Vec<(String, String)>);

impl Leaves {
    pub fn read(json: &str) -> Result<Leaves, Position> {
        let mut leaves = Vec::new();
        let mut reader = serde_json::Deserializer::from_str(json);
        Leaf {
            path: String::new(),
            into: &mut leaves,
        }
        .deserialize(&mut reader)
        .and_then(|()| reader.end())
        .map_err(|e| Position::of(&e))?;
        Ok(Leaves(leaves))
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        let at = self
            .0
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        Some(&self.0[at].1)
    }

    /// The leaves under `prefix` (which ends with '.'), with their paths cut after it.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        let start = self.0.partition_point(|(p, _)| p.as_str() < prefix);
        self.0[start..]
            .iter()
            .map_while(move |(p, v)| Some((p.strip_prefix(prefix)?, v.as_str())))
    }

    /// Every leaf, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, v)| (p.as_str(), v.as_str()))
    }

    /// Leaves this value out (for tests that break a document).
    pub fn remove(&mut self, path: &str) {
        self.0.retain(|(p, _)| p != path);
    }

    /// Sets one leaf (for tests that break a document).
    pub fn set(&mut self, path: &str, value: &str) {
        self.remove(path);
        insert(&mut self.0, path.to_owned(), value.to_owned());
    }
}

struct Leaf<'a> {
    path: String,
    into: &'a mut Vec<(String, String)>,
}

impl Leaf<'_> {
    fn child(&mut self, key: &str) -> Leaf<'_> {
        let path = if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        };
        Leaf {
            path,
            into: self.into,
        }
    }

    fn push(self, value: String) {
        insert(self.into, self.path, value);
    }
}

/// Keeps the leaves sorted as they come: a sort function would add kilobytes of wasm for
/// a few hundred leaves. A repeated key keeps its first value.
fn insert(leaves: &mut Vec<(String, String)>, path: String, value: String) {
    if let Err(at) = leaves.binary_search_by(|(p, _)| p.as_str().cmp(&path)) {
        leaves.insert(at, (path, value));
    }
}

impl<'de> DeserializeSeed<'de> for Leaf<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Leaf<'_> {
    type Value = ();
    // Only the position of a wrong value is shown, never serde's wording.
    fn expecting(&self, _: &mut fmt::Formatter) -> fmt::Result {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.push(v.to_owned());
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.push(if v { "true" } else { "false" }.to_owned());
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<M: MapAccess<'de>>(mut self, mut map: M) -> Result<(), M::Error> {
        while let Some(key) = map.next_key::<String>()? {
            map.next_value_seed(self.child(&key))?;
        }
        Ok(())
    }
    fn visit_seq<S: SeqAccess<'de>>(mut self, mut seq: S) -> Result<(), S::Error> {
        let mut index = 0usize;
        while seq
            .next_element_seed(self.child(&index.to_string()))?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                ("a.n", "12")
            ]
        );
        assert_eq!(l.get("a.b.1"), Some("y"));
        assert_eq!(l.get("a.b"), None);
        let under: Vec<_> = l.under("a.b.").collect();
        assert_eq!(under, [("0", "x"), ("1", "y")]);
        assert_eq!(
            Leaves::read("{\"a\": }"),
            Err(Position { line: 1, column: 7 })
        );
        assert!(Leaves::read("[] x").is_err());
    }

    #[test]
    fn the_position_is_where_serde_json_stopped() {
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": x").unwrap_err();
        assert_eq!(Position::of(&e), Position { line: 2, column: 8 });
    }
}
