//! Notices: storage problems as they happen, a language that could not be loaded, and
//! dismissing what was said.

use crate::state::model::{AppState, Notice};
use crate::state::saved::Problem;

pub enum NoticeMsg {
    Storage(Problem),
    /// The words of this language (named in itself) could not be loaded.
    LanguageUnavailable(String),
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
