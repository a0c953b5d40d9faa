//! Where JSON text stopped making sense, as data the app words.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_position_is_where_serde_json_stopped() {
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": x").unwrap_err();
        assert_eq!(Position::of(&e), Position { line: 2, column: 8 });
    }
}
