//! The only code that touches browser storage. Every storage call can throw (storage
//! disabled, blocked in a third-party frame, quota reached), so every call's error is
//! turned into a [`Problem`] the app can show; nothing here panics, and lints keep it so.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::state::saved::{Loaded, Problem, Stored};
use rapport_core::store::{self, ReadError};
use rapport_core::{Draft, History, Instruments};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

/// What one key holds.
enum Found<T> {
    Nothing,
    Value(T),
    /// Set aside already; the problem says where.
    Unreadable(Problem),
    /// Reading threw: the key is protected from writes from now on.
    ReadFailed,
}

pub struct Persistence {
    /// `None` when storage cannot be reached at all.
    storage: Option<Storage>,
    prefix: String,
    /// Where the unfinished check is: `<prefix>.draft` for the built-in check, and
    /// `<prefix>.draft.<id>` for a site owner's instrument, so a pulse begun on its page
    /// and a full check begun on the main page never take each other's place.
    draft_key: String,
    /// A problem found while probing, reported by `load`.
    probe_problem: Option<Problem>,
    /// Keys that must never be written: their value could not be read, and could not be
    /// kept aside either.
    protected: RefCell<Vec<String>>,
    /// The history text this tab wrote last, and the history it holds. While storage
    /// still holds that text, no other tab has written since, and it need not be read
    /// again: with hundreds of checks, reading it was most of a keystroke in a plan.
    written: RefCell<Option<(String, History)>>,
}

impl Persistence {
    /// Opens `window.localStorage` for keys starting with `prefix`, checking whether it can
    /// be written. Storage that refuses writes is still read, so saved data stays visible.
    pub fn open(prefix: &str) -> Persistence {
        Persistence::open_for(prefix, None)
    }

    /// As [`open`](Self::open), with the draft of `own`, the id of a site owner's
    /// instrument, in a key of its own.
    pub fn open_for(prefix: &str, own: Option<&str>) -> Persistence {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let probe_key = format!("{prefix}.probe");
        let probe_problem = match &storage {
            None => Some(Problem::Unavailable),
            Some(s) => match s
                .set_item(&probe_key, "1")
                .and_then(|()| s.remove_item(&probe_key))
            {
                Ok(()) => None,
                Err(e) => Some(write_problem(&e)),
            },
        };
        let draft = Stored::Draft.name();
        Persistence {
            storage,
            draft_key: match own {
                Some(id) => format!("{prefix}.{draft}.{id}"),
                None => format!("{prefix}.{draft}"),
            },
            prefix: prefix.to_owned(),
            probe_problem,
            protected: RefCell::new(Vec::new()),
            written: RefCell::new(None),
        }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    /// The language the person chose here before, if any.
    pub fn language(&self) -> Option<String> {
        let storage = self.storage.as_ref()?;
        storage.get_item(&self.language_key()).ok().flatten()
    }

    /// Remembers the person's choice of language, beside their other data (so "delete all"
    /// removes it). Not being able to is harmless: the language is asked for again.
    pub fn remember_language(&self, tag: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.set_item(&self.language_key(), tag);
        }
    }

    /// The file the person was writing in the studio, kept as they typed.
    pub fn studio_work(&self) -> Option<String> {
        let storage = self.storage.as_ref()?;
        storage.get_item(&self.studio_key()).ok().flatten()
    }

    /// Keeps the studio's file as it now is, or says why it could not.
    pub fn save_studio_work(&self, text: &str) -> Result<(), Problem> {
        let storage = self.storage.as_ref().ok_or(Problem::Unavailable)?;
        storage
            .set_item(&self.studio_key(), text)
            .map_err(|e| write_problem(&e))
    }

    /// Apart from the checks (no `<prefix>.` before it): "delete all" is asked about
    /// answers and results, and must not take a questionnaire being written with them.
    /// No storage key of a host's setting names it either (`rapport-<key>.` always has
    /// its dot).
    fn studio_key(&self) -> String {
        format!("{}-studio", self.prefix)
    }

    fn language_key(&self) -> String {
        format!("{}.language", self.prefix)
    }

    pub fn key(&self, what: Stored) -> String {
        match what {
            Stored::Draft => self.draft_key.clone(),
            Stored::History => format!("{}.{}", self.prefix, what.name()),
        }
    }

    pub fn load(&self, instruments: &Instruments) -> Loaded {
        let mut loaded = Loaded::default();
        loaded.problems.extend(self.probe_problem.clone());
        let mut note = |problem: Problem| {
            if !loaded.problems.contains(&problem) {
                loaded.problems.push(problem);
            }
        };
        match self.read(Stored::Draft, |raw| store::decode_draft(raw, instruments)) {
            Found::Value(draft) => loaded.draft = Some(draft),
            Found::Nothing => {}
            Found::Unreadable(problem) => note(problem),
            Found::ReadFailed => note(Problem::Unavailable),
        }
        match self.read(Stored::History, |raw| {
            store::decode_history(raw, instruments)
        }) {
            Found::Value(history) => loaded.history = history,
            Found::Nothing => {}
            Found::Unreadable(problem) => note(problem),
            Found::ReadFailed => note(Problem::Unavailable),
        }
        loaded
    }

    /// The stored history as another tab left it; `None` when there is none or it cannot
    /// be read now.
    pub fn stored_history(&self, instruments: &Instruments) -> Option<History> {
        let raw = self
            .storage
            .as_ref()?
            .get_item(&self.key(Stored::History))
            .ok()??;
        store::decode_history(&raw, instruments).ok()
    }

    /// Saves the unfinished check; one that holds nothing is removed instead.
    pub fn save_draft(&self, draft: &Draft) -> Result<(), Problem> {
        // Whatever the version: a draft with nothing in it is no draft.
        let empty = draft.answers.is_empty() && draft.name.is_empty() && draft.step.is_none();
        self.write(Stored::Draft, (!empty).then(|| store::encode(draft)))
    }

    /// Merges `history` with what storage holds (another tab may have added or deleted
    /// checks since), saves the merge and returns it. A stored value that cannot be read
    /// is kept aside first, and reported, never silently written over.
    pub fn save_history(
        &self,
        history: &History,
        instruments: &Instruments,
    ) -> Result<History, Problem> {
        let written = self.written.take();
        let merged = match self.read(Stored::History, |raw| match &written {
            Some((text, stored)) if text == raw => Ok(stored.clone()),
            _ => store::decode_history(raw, instruments),
        }) {
            Found::Nothing => history.clone(),
            Found::Value(stored) => history.merge(&stored),
            Found::Unreadable(problem) => {
                // Kept aside (or protected): now the key may take this tab's history.
                self.write(Stored::History, Some(store::encode(history)))?;
                return Err(problem);
            }
            Found::ReadFailed => return Err(Problem::Unavailable),
        };
        let value = (merged != History::default()).then(|| store::encode(&merged));
        let text = value.clone();
        self.write(Stored::History, value)?;
        *self.written.borrow_mut() = text.map(|text| (text, merged.clone()));
        Ok(merged)
    }

    /// Removes every key this app stored under its prefix, backups included. With no
    /// storage at all there is nothing to remove.
    pub fn delete_all(&self) -> Result<(), Problem> {
        let Some(storage) = self.storage.as_ref() else {
            return Ok(());
        };
        let length = storage.length().map_err(|_| Problem::Unavailable)?;
        let ours = format!("{}.", self.prefix);
        let keys: Vec<String> = (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&ours))
            .collect();
        for key in keys {
            storage
                .remove_item(&key)
                .map_err(|_| Problem::Unavailable)?;
        }
        self.protected.borrow_mut().clear();
        Ok(())
    }

    fn read<T>(&self, what: Stored, decode: impl FnOnce(&str) -> Result<T, ReadError>) -> Found<T> {
        let Some(storage) = self.storage.as_ref() else {
            return Found::Nothing;
        };
        let key = self.key(what);
        let raw = match storage.get_item(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Found::Nothing,
            Err(_) => {
                // What is there may be fine: never write over what could not be read.
                self.protect(&key);
                return Found::ReadFailed;
            }
        };
        match decode(&raw) {
            Ok(value) => Found::Value(value),
            Err(why) => Found::Unreadable(self.set_aside(storage, what, &key, &raw, why)),
        }
    }

    fn protect(&self, key: &str) {
        let mut protected = self.protected.borrow_mut();
        if !protected.iter().any(|k| k == key) {
            protected.push(key.to_owned());
        }
    }

    /// Moves an unreadable value to a backup key, so that it is neither read again nor
    /// destroyed by the fresh data written next. Without room for the copy, the original
    /// stays where it is and its key is never written.
    fn set_aside(
        &self,
        storage: &Storage,
        what: Stored,
        key: &str,
        raw: &str,
        why: ReadError,
    ) -> Problem {
        let backup = format!(
            "{}.backup.{}.{}",
            self.prefix,
            what.name(),
            js_sys::Date::now() as u64
        );
        let kept_as = match storage.set_item(&backup, raw) {
            Ok(()) => {
                if storage.remove_item(key).is_err() {
                    self.protect(key);
                }
                Some(backup)
            }
            Err(_) => {
                self.protect(key);
                None
            }
        };
        Problem::Unreadable { what, why, kept_as }
    }

    fn write(&self, what: Stored, value: Option<String>) -> Result<(), Problem> {
        let storage = self.storage.as_ref().ok_or(Problem::Unavailable)?;
        let key = self.key(what);
        // Why the key is protected was reported when it was.
        if self.protected.borrow().contains(&key) {
            return Ok(());
        }
        let result = match value {
            Some(value) => storage.set_item(&key, &value),
            None => storage.remove_item(&key),
        };
        result.map_err(|e| write_problem(&e))
    }
}

fn write_problem(error: &JsValue) -> Problem {
    let quota = error.dyn_ref::<DomException>().is_some_and(|e| {
        e.name() == "QuotaExceededError" || e.code() == DomException::QUOTA_EXCEEDED_ERR
    });
    if quota {
        Problem::Full
    } else {
        Problem::Unavailable
    }
}
