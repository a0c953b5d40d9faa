//! One component per screen or widget.

pub mod app;
pub mod compare;
pub mod confirm;
pub mod history;
pub mod notices;
pub mod radar;
pub mod results;
pub mod statement;
pub mod step;
pub mod welcome;
