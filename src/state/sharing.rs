//! Sharing: opening share links, keeping a partner's result, copying codes and links.

use crate::state::model::{AppState, CopyStatus, Notice, Screen};
use rapport_core::code;
use std::rc::Rc;

pub enum ShareMsg {
    /// A share link's fragment (or a code) was opened.
    OpenLink(String),
    /// Keep the shared result on screen in history, received at this time.
    Save(u64),
    /// Whether codes carry the partnership name.
    IncludeName(bool),
    Copied(CopyStatus),
}

impl AppState {
    /// Applies a sharing message; false when nothing changed.
    pub fn on_share(&mut self, msg: ShareMsg) -> bool {
        match msg {
            ShareMsg::OpenLink(fragment) => return self.open_link(&fragment),
            ShareMsg::Save(at) => {
                let Screen::Shared(shared) = &self.screen else {
                    return false;
                };
                let already = self.history.assessments().iter().any(|a| {
                    a.id == shared.id || (a.answers == shared.answers && a.name == shared.name)
                });
                if already {
                    self.notify(Notice::AlreadySaved);
                } else {
                    let mut saved = (**shared).clone();
                    saved.finished_at = at;
                    let id = saved.id.clone();
                    Rc::make_mut(&mut self.history).add(saved);
                    self.go(Screen::Results(id));
                    self.notify(Notice::Saved);
                }
            }
            ShareMsg::IncludeName(on) => {
                if self.share_name == on {
                    return false;
                }
                self.share_name = on;
                self.copy_status = None;
            }
            ShareMsg::Copied(status) => self.copy_status = Some(status),
        }
        true
    }

    /// Opens what a share link carries after `#`: one code shows that result, several
    /// compare them. Anything else that is not empty goes to Compare with its problems.
    /// Opens what a share link carries; false when it carries nothing.
    pub fn open_link(&mut self, fragment: &str) -> bool {
        let list = code::link_list(fragment);
        if list.is_empty() {
            return false;
        }
        if !list.contains('\n') {
            if let Ok(decoded) = code::decode(&list, self.known()) {
                let shared = decoded.into_assessment(list.clone(), 0);
                self.go(Screen::Shared(Rc::new(shared)));
                return true;
            }
        }
        self.compare(list, Vec::new());
        true
    }
}
