//! The only code that touches browser storage. Every storage call can throw (storage
//! disabled, blocked in a third-party frame, quota reached), so every call's error is
//! turned into a [`Problem`] the app can show; nothing here panics.

use rapport_core::store::{self, ReadError};
use rapport_core::{Draft, History, Instrument};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

/// Key prefix used by the standalone app.
pub const DEFAULT_PREFIX: &str = "rapport";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Draft,
    History,
}

impl Stored {
    fn name(self) -> &'static str {
        match self {
            Stored::Draft => "draft",
            Stored::History => "history",
        }
    }
}

/// Something about storage the person needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No storage at all: everything lives in memory until the page closes.
    Unavailable,
    /// Storage refused a write for lack of space.
    Full,
    /// A stored value could not be read. `kept_as` names the key holding a copy of it; with
    /// `None` the value is left where it was and never written over.
    Unreadable {
        what: Stored,
        why: String,
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

pub struct Persistence {
    storage: Option<Storage>,
    prefix: String,
    /// A problem found while probing, reported by `load`.
    probe_problem: Option<Problem>,
    /// Keys holding unreadable data that could not be kept aside: never written.
    protected: RefCell<Vec<String>>,
}

impl Persistence {
    /// Opens `window.localStorage` for keys starting with `prefix`, checking that it can
    /// really be written.
    pub fn open(prefix: &str) -> Persistence {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let probe_key = format!("{prefix}.probe");
        let (storage, probe_problem) = match storage {
            None => (None, Some(Problem::Unavailable)),
            Some(s) => match s
                .set_item(&probe_key, "1")
                .and_then(|()| s.remove_item(&probe_key))
            {
                Ok(()) => (Some(s), None),
                // Full storage can still be read.
                Err(e) if is_quota(&e) => (Some(s), Some(Problem::Full)),
                Err(_) => (None, Some(Problem::Unavailable)),
            },
        };
        Persistence {
            storage,
            prefix: prefix.to_owned(),
            probe_problem,
            protected: RefCell::new(Vec::new()),
        }
    }

    /// Keeps everything in memory: for hosts where storage must not be touched.
    pub fn in_memory(prefix: &str) -> Persistence {
        Persistence {
            storage: None,
            prefix: prefix.to_owned(),
            probe_problem: Some(Problem::Unavailable),
            protected: RefCell::new(Vec::new()),
        }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn key(&self, what: Stored) -> String {
        format!("{}.{}", self.prefix, what.name())
    }

    pub fn load(&self, instrument: &Instrument) -> Loaded {
        let mut loaded = Loaded::default();
        loaded.problems.extend(self.probe_problem.clone());
        if self.storage.is_none() {
            return loaded;
        }
        match self.read(Stored::Draft, |raw| store::decode_draft(raw, instrument)) {
            Ok(draft) => loaded.draft = draft,
            Err(problem) => loaded.problems.push(problem),
        }
        match self.read(Stored::History, store::decode) {
            Ok(history) => loaded.history = history.unwrap_or_default(),
            Err(problem) => loaded.problems.push(problem),
        }
        loaded
    }

    /// The stored history as another tab left it; `None` when it cannot be read now.
    pub fn stored_history(&self) -> Option<History> {
        let raw = self
            .storage
            .as_ref()?
            .get_item(&self.key(Stored::History))
            .ok()?;
        match raw {
            None => Some(History::default()),
            Some(raw) => store::decode(&raw).ok(),
        }
    }

    /// Saves the unfinished check; one that holds nothing is removed instead.
    pub fn save_draft(&self, draft: &Draft, instrument: &Instrument) -> Result<(), Problem> {
        let empty = *draft == Draft::new(instrument, String::new());
        self.write(Stored::Draft, (!empty).then(|| store::encode(draft)))
    }

    /// Merges `history` with what storage holds (another tab may have added or deleted
    /// checks since), saves the merge and returns it.
    pub fn save_history(&self, history: &History) -> Result<History, Problem> {
        let merged = match self.stored_history() {
            Some(stored) => history.merge(&stored),
            None => history.clone(),
        };
        let value = (merged != History::default()).then(|| store::encode(&merged));
        self.write(Stored::History, value)?;
        Ok(merged)
    }

    /// Removes every key this app stored under its prefix, backups included.
    pub fn delete_all(&self) -> Result<(), Problem> {
        let storage = self.storage.as_ref().ok_or(Problem::Unavailable)?;
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

    fn read<T>(
        &self,
        what: Stored,
        decode: impl FnOnce(&str) -> Result<T, ReadError>,
    ) -> Result<Option<T>, Problem> {
        let storage = self.storage.as_ref().ok_or(Problem::Unavailable)?;
        let key = self.key(what);
        let Some(raw) = storage.get_item(&key).map_err(|_| Problem::Unavailable)? else {
            return Ok(None);
        };
        decode(&raw)
            .map(Some)
            .map_err(|e| self.set_aside(storage, what, &key, &raw, &e))
    }

    /// Copies an unreadable value to a backup key so the fresh data written next does
    /// not destroy it. Without room for the copy, the original key is never written.
    fn set_aside(
        &self,
        storage: &Storage,
        what: Stored,
        key: &str,
        raw: &str,
        why: &ReadError,
    ) -> Problem {
        let backup = format!(
            "{}.backup.{}.{}",
            self.prefix,
            what.name(),
            js_sys::Date::now() as u64
        );
        let kept_as = match storage.set_item(&backup, raw) {
            Ok(()) => Some(backup),
            Err(_) => {
                self.protected.borrow_mut().push(key.to_owned());
                None
            }
        };
        Problem::Unreadable {
            what,
            why: why.to_string(),
            kept_as,
        }
    }

    fn write(&self, what: Stored, value: Option<String>) -> Result<(), Problem> {
        let storage = self.storage.as_ref().ok_or(Problem::Unavailable)?;
        let key = self.key(what);
        if self.protected.borrow().contains(&key) {
            return Ok(());
        }
        let result = match value {
            Some(value) => storage.set_item(&key, &value),
            None => storage.remove_item(&key),
        };
        result.map_err(|e| {
            if is_quota(&e) {
                Problem::Full
            } else {
                Problem::Unavailable
            }
        })
    }
}

fn is_quota(error: &JsValue) -> bool {
    error.dyn_ref::<DomException>().is_some_and(|e| {
        e.name() == "QuotaExceededError" || e.code() == DomException::QUOTA_EXCEEDED_ERR
    })
}
