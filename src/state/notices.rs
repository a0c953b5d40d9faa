//! Notices: storage problems as they happen, a language that could not be loaded, a new
//! version waiting, and dismissing what was said.

use crate::state::model::{AppState, Notice};
use crate::state::saved::Problem;

pub enum NoticeMsg {
    Storage(Problem),
    /// The words of this language (named in itself) could not be loaded.
    LanguageUnavailable(String),
    /// The service worker has a new version of Rapport ready.
    UpdateReady,
    Dismiss(usize),
}

impl AppState {
    /// Applies a notice message; false when nothing changed.
    pub fn on_notice(&mut self, msg: NoticeMsg) -> bool {
        match msg {
            NoticeMsg::Storage(problem) => {
                let notice = Notice::Storage(problem);
                if self.notices.contains(&notice) {
                    return false;
                }
                self.notices.push(notice);
            }
            NoticeMsg::LanguageUnavailable(language) => {
                self.notify(Notice::LanguageUnavailable(language));
            }
            NoticeMsg::UpdateReady => {
                if self.notices.contains(&Notice::UpdateReady) {
                    return false;
                }
                self.notices.push(Notice::UpdateReady);
            }
            NoticeMsg::Dismiss(index) => {
                if index >= self.notices.len() {
                    return false;
                }
                self.notices.remove(index);
            }
        }
        true
    }
}
