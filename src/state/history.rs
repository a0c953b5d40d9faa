//! History: deleting checks, importing files, and following what other tabs saved.

use crate::state::model::{AppState, Notice, Screen};
use rapport_core::exchange::{self, ImportError};
use rapport_core::History;
use std::rc::Rc;

pub enum HistoryMsg {
    Delete(String),
    DeleteAll,
    /// Storage refused to delete: nothing changes but a notice.
    DeleteAllFailed,
    /// Storage holds history this tab may not have yet (another tab changed it).
    Stored(History),
    /// Another tab deleted all data: this one follows, unfinished check included.
    DeletedElsewhere,
    /// A file's text, or why it could not be read.
    Import {
        file: String,
        text: Result<String, ImportError>,
    },
    /// Show the trend of the partnership of this name.
    TrendOf(String),
    /// Show this dimension (its id) on the trend.
    TrendDimension(String),
}

impl AppState {
    /// Applies a history message; false when nothing changed.
    pub fn on_history(&mut self, msg: HistoryMsg) -> bool {
        match msg {
            HistoryMsg::Delete(id) => {
                self.asking = None;
                Rc::make_mut(&mut self.history).remove(&id);
                if self.screen == Screen::Results(id) {
                    self.go(Screen::History);
                }
            }
            HistoryMsg::DeleteAll => {
                self.go(Screen::Welcome);
                self.forget_everything();
                self.notices.push(Notice::DeletedAll);
            }
            HistoryMsg::DeleteAllFailed => {
                self.asking = None;
                if !self.notices.contains(&Notice::DeleteFailed) {
                    self.notices.push(Notice::DeleteFailed);
                }
            }
            HistoryMsg::Stored(history) => {
                // Merge, never replace: this tab may hold checks storage could not take.
                let merged = self.history.merge(&history);
                if merged == *self.history {
                    return false;
                }
                self.history = Rc::new(merged);
            }
            HistoryMsg::DeletedElsewhere => {
                if self.history.is_empty() && *self.draft == *self.fresh_draft(String::new()) {
                    return false;
                }
                if matches!(self.screen, Screen::Step(_) | Screen::Results(_)) {
                    self.go(Screen::Welcome);
                }
                self.forget_everything();
                self.notices.push(Notice::DeletedAll);
            }
            HistoryMsg::Import { file, text } => {
                let outcome =
                    text.and_then(|text| exchange::import(&self.history, &text, &self.instruments));
                match outcome {
                    Ok((history, imported)) => {
                        self.history = Rc::new(history);
                        self.notify(Notice::Imported { file, imported });
                    }
                    Err(error) => self.notify(Notice::ImportFailed { file, error }),
                }
            }
            HistoryMsg::TrendOf(name) => {
                return replace(&mut self.trend.partnership, Some(name));
            }
            HistoryMsg::TrendDimension(id) => {
                return replace(&mut self.trend.dimension, Some(id));
            }
        }
        true
    }
}

/// Sets `slot` to `value`; false when it already held it.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}
