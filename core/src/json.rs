//! JSON is read and written by serde_json. What the core adds: where a text stopped
//! making sense, as a person can look it up, and maps that refuse a repeated key (a
//! derived struct refuses a repeated field; a map would quietly keep the last value).

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

impl From<&serde_json::Error> for Position {
    fn from(error: &serde_json::Error) -> Position {
        Position {
            line: error.line(),
            column: error.column().max(1),
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
                    return Err(serde::de::Error::custom(format_args!("{key}")));
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
    fn positions_count_lines_and_bytes() {
        let at = |json: &str| {
            Position::from(&serde_json::from_str::<serde_json::Value>(json).unwrap_err())
        };
        assert_eq!(at("{\n  \"a\": x"), Position { line: 2, column: 8 });
        assert_eq!(at("{not json"), Position { line: 1, column: 2 });
        assert_eq!(at(""), Position { line: 1, column: 1 });
        assert_eq!(at("[1,\n"), Position { line: 2, column: 1 });
    }
}
