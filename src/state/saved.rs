//! What storage gave the app at start-up and what can go wrong with it: shared by the
//! storage edge (`persistence.rs`), which finds these, and the state, which shows them,
//! so the state never imports the storage edge.

use rapport_core::store::ReadError;
use rapport_core::{Draft, History};

/// What is kept in storage, one key each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Draft,
    History,
}

impl Stored {
    /// The key's last part (after the app's prefix).
    pub fn name(self) -> &'static str {
        match self {
            Stored::Draft => "draft",
            Stored::History => "history",
        }
    }
}

/// Something about storage the person needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Storage cannot be used (or not written): changes live in memory until the page closes.
    Unavailable,
    /// Storage refused a write for lack of space.
    Full,
    /// A stored value could not be read. `kept_as` names the key holding a copy of it; with
    /// `None` the value is left where it was and never written over.
    Unreadable {
        what: Stored,
        why: ReadError,
        kept_as: Option<String>,
    },
}

/// What was found in storage at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    pub draft: Option<Draft>,
    pub history: History,
    pub problems: Vec<Problem>,
}
