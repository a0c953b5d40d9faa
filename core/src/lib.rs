//! Rapport's pure core: the instrument, answers, scoring, recommendations and the
//! stored-data model. It has no browser dependency, so all of it is tested natively.

pub mod answers;
pub mod code;
pub mod compare;
pub mod embed;
pub mod exchange;
#[cfg(any(test, feature = "fixtures"))]
#[doc(hidden)]
pub mod fixtures;
pub mod insight;
pub mod instrument;
pub mod json;
pub mod scoring;
pub mod store;

pub use answers::{Answers, Response};
pub use instrument::{Dimension, Instrument, Recommendations, Statement};
pub use scoring::{Band, DimensionScore, Scores};
pub use store::{Assessment, Draft, History};
