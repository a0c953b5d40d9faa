//! Rapport's pure core: the instrument, answers, scoring, recommendations and the
//! stored-data model. It has no browser dependency, so all of it is tested natively.
//! It holds no user-facing text: errors and warnings are data the app words.
//!
//! Layers, lowest first; a file uses only files before it, so there are no circles
//! (test code may use any file). This line is the order: `tests/architecture.rs` reads it
//! and checks every file's references against it.
//!
//! ```text
//! json → instrument → language, answers → scoring → insight, compare, plan, instrument_file → assessment, guide → store, code, embed, calendar, partnership → exchange → fixtures
//! ```

// The tests depend on this crate itself only to switch on its `schema` feature.
#[cfg(test)]
use rapport_core as _;

pub mod answers;
pub mod assessment;
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
pub mod instrument_file;
pub mod json;
pub mod language;
pub mod partnership;
pub mod plan;
pub mod scoring;
pub mod store;
#[cfg(test)]
mod validation;

pub use answers::{Answers, Response};
pub use assessment::{Assessment, Draft, History};
pub use instrument::{Dimension, Instrument, Instruments, Recommendation, Statement};
pub use scoring::{Band, DimensionScore, Scores};
