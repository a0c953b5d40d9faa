//! The views: one file per screen or widget, plus what they share (`shared.rs`). Screens
//! are plain view functions, not components (see ARCHITECTURE.md).

pub mod compare;
pub mod confirm;
pub mod guide;
pub mod history;
pub mod notices;
pub mod plan;
pub mod radar;
pub mod results;
pub mod statement;
pub mod step;
pub mod trend;
pub mod welcome;
pub mod widgets;
