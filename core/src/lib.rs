//! Rapport's pure core: the instrument, answers, scoring, recommendations and the
//! stored-data model. It has no browser dependency, so all of it is tested natively.
//! It holds no user-facing text: errors and warnings are data the app words.
//!
//! Layers, lowest first; a file uses only files before it, so there are no circles
//! (test modules may also use `fixtures`):
//!
//! ```text
//! order → json → instrument → language, answers → scoring → insight, compare, plan → store, guide → code, exchange, embed, calendar, partnership → fixtures
//! ```

pub mod answers;
pub mod calendar;
pub mod code;
pub mod compare;
pub mod embed;
pub mod exchange;
#[cfg(any(test, feature = "fixtures"))]
#[doc(hidden)]
pub mod fixtures;
pub mod guide;
pub mod insight;
pub mod instrument;
pub mod json;
pub mod language;
pub mod order;
pub mod partnership;
pub mod plan;
pub mod scoring;
pub mod store;

pub use answers::{Answers, Response};
pub use instrument::{Dimension, Instrument, Recommendations, Statement};
pub use scoring::{Band, DimensionScore, Scores};
pub use store::{Assessment, Draft, History};

#[cfg(test)]
mod tests {
    /// Every file with its layer (as in the crate's documentation) and its text.
    const FILES: &[(&str, usize, &str)] = &[
        ("order", 0, include_str!("order.rs")),
        ("json", 1, include_str!("json.rs")),
        ("instrument", 2, include_str!("instrument.rs")),
        ("language", 3, include_str!("language.rs")),
        ("answers", 3, include_str!("answers.rs")),
        ("scoring", 4, include_str!("scoring.rs")),
        ("insight", 5, include_str!("insight.rs")),
        ("compare", 5, include_str!("compare.rs")),
        ("plan", 5, include_str!("plan.rs")),
        ("store", 6, include_str!("store.rs")),
        ("guide", 6, include_str!("guide.rs")),
        ("code", 7, include_str!("code.rs")),
        ("exchange", 7, include_str!("exchange.rs")),
        ("embed", 7, include_str!("embed.rs")),
        ("calendar", 7, include_str!("calendar.rs")),
        ("partnership", 7, include_str!("partnership.rs")),
        ("fixtures", 8, include_str!("fixtures.rs")),
    ];

    #[test]
    fn files_use_only_lower_layers() {
        for &(name, layer, text) in FILES {
            let code = text.split("#[cfg(test)]").next().unwrap_or(text);
            for &(other, other_layer, _) in FILES {
                if other != name && code.contains(&format!("crate::{other}")) {
                    assert!(other_layer < layer, "{name} uses {other}");
                }
            }
        }
    }

    #[test]
    fn every_file_has_a_layer() {
        let declared = include_str!("lib.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("pub mod "))
            .count();
        assert_eq!(declared, FILES.len());
    }
}
