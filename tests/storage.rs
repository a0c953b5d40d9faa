//! The storage adapter against the real `window.localStorage` of headless Chromium (and of
//! Firefox ESR: `./dev test` runs both),
//! including storage that throws and storage that is full.
// Every dependency of the package is visible here; the library is where they are checked.
#![allow(unused_crate_dependencies)]
#![cfg(target_arch = "wasm32")]

use rapport::persistence::Persistence;
use rapport::state::{Problem, Stored};
use rapport_core::fixtures::instruments as instrument;
use rapport_core::json::Position;
use rapport_core::store::{self, ReadError};
use rapport_core::{Assessment, Draft, History, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
let original = null;
export function block_local_storage() {
  original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
}
export function unblock_local_storage() {
  if (original) Object.defineProperty(window, 'localStorage', original);
  else delete window.localStorage;
}
export function fill_local_storage(prefix) {
  const chunk = 'x'.repeat(256 * 1024);
  let n = 0;
  try {
    for (;;) { localStorage.setItem(prefix + n, chunk); n += 1; }
  } catch (e) {
    if (e.name !== 'QuotaExceededError') throw e;
  }
  // Top up with small items until not even a short value fits.
  try {
    for (let i = 0; ; i++) { localStorage.setItem(prefix + 's' + i, 'x'.repeat(64)); }
  } catch (e) {}
  return n;
}
let saved = {};
// Makes one Storage method throw, as some blocked or broken storages do.
export function break_storage_method(name) {
  saved[name] = Storage.prototype[name];
  Storage.prototype[name] = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
}
export function mend_storage_method(name) {
  Storage.prototype[name] = saved[name];
}
export function empty_local_storage(prefix) {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(prefix)) localStorage.removeItem(key);
  }
}
"#)]
extern "C" {
    fn block_local_storage();
    fn unblock_local_storage();
    fn fill_local_storage(prefix: &str) -> u32;
    fn empty_local_storage(prefix: &str);
    fn break_storage_method(name: &str);
    fn mend_storage_method(name: &str);
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh prefix per test, so tests never see each other's keys.
fn fresh(prefix: &str) -> Persistence {
    empty_local_storage(prefix);
    Persistence::open(prefix)
}

fn finished(id: &str, at: u64) -> Assessment {
    rapport_core::fixtures::finished(id, at, "River Trust", 4)
}

fn history_of(ids: &[(&str, u64)]) -> History {
    let mut h = History::default();
    for &(id, at) in ids {
        h.add(finished(id, at));
    }
    h
}

fn ids(h: &History) -> Vec<String> {
    h.assessments().iter().map(|a| a.id.clone()).collect()
}

#[wasm_bindgen_test]
fn draft_and_history_survive_a_new_page_load() {
    let p = fresh("t-roundtrip");
    let i = instrument();
    let mut draft = Draft::new(i.current(), "River Trust".into());
    draft.answers.set("trust-3", Response::DONT_KNOW);
    draft.step = Some(2);
    p.save_draft(&draft).unwrap();
    p.save_history(&history_of(&[("a", 1)]), &instrument())
        .unwrap();

    // A new Persistence reads what the last one wrote, as a reload would.
    let loaded = Persistence::open("t-roundtrip").load(&i);
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.draft, Some(draft));
    assert_eq!(ids(&loaded.history), ["a"]);
}

#[wasm_bindgen_test]
fn an_empty_draft_and_history_leave_nothing_behind() {
    let p = fresh("t-empty");
    let i = instrument();
    let mut draft = Draft::new(i.current(), String::new());
    draft.step = Some(0);
    p.save_draft(&draft).unwrap();
    assert!(local_storage().get_item("t-empty.draft").unwrap().is_some());
    p.save_draft(&Draft::new(i.current(), String::new()))
        .unwrap();
    assert_eq!(local_storage().get_item("t-empty.draft").unwrap(), None);
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_aside_not_overwritten() {
    let p = fresh("t-corrupt");
    let storage = local_storage();
    storage
        .set_item("t-corrupt.history", "{\"schema\":1,\"data\":[oops")
        .unwrap();
    storage
        .set_item("t-corrupt.draft", "{\"schema\":7,\"data\":{}}")
        .unwrap();

    let loaded = p.load(&instrument());
    assert_eq!(loaded.draft, None);
    assert!(loaded.history.is_empty());
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    for problem in &loaded.problems {
        let Problem::Unreadable {
            what,
            kept_as: Some(key),
            why,
        } = problem
        else {
            panic!("expected a kept-aside problem, got {problem:?}");
        };
        let (original, expected_why) = match what {
            Stored::Draft => ("{\"schema\":7,\"data\":{}}", ReadError::UnknownSchema(7)),
            Stored::History => (
                "{\"schema\":1,\"data\":[oops",
                ReadError::NotJson(Position { line: 0, column: 0 }),
            ),
        };
        assert_eq!(storage.get_item(key).unwrap().as_deref(), Some(original));
        assert_eq!(
            std::mem::discriminant(why),
            std::mem::discriminant(&expected_why)
        );
    }

    // Saving afresh now replaces the unreadable value; the copy stays.
    p.save_history(&history_of(&[("new", 2)]), &instrument())
        .unwrap();
    let stored: History =
        store::decode(&storage.get_item("t-corrupt.history").unwrap().unwrap()).unwrap();
    assert_eq!(ids(&stored), ["new"]);
}

#[wasm_bindgen_test]
fn two_tabs_merge_instead_of_overwriting() {
    let tab_a = fresh("t-tabs");
    let tab_b = Persistence::open("t-tabs");
    tab_a
        .save_history(&history_of(&[("from-a", 1)]), &instrument())
        .unwrap();
    // Tab B never saw "from-a": saving its own history must not wipe it.
    let merged = tab_b
        .save_history(&history_of(&[("from-b", 2)]), &instrument())
        .unwrap();
    assert_eq!(ids(&merged), ["from-b", "from-a"]);
    assert_eq!(
        tab_a.stored_history(&instrument()).map(|h| ids(&h)),
        Some(ids(&merged))
    );

    // A delete in tab A is not undone by tab B's older copy.
    let mut a = tab_a.stored_history(&instrument()).unwrap();
    a.remove("from-b");
    tab_a.save_history(&a, &instrument()).unwrap();
    let after_b = tab_b.save_history(&merged, &instrument()).unwrap();
    assert_eq!(ids(&after_b), ["from-a"]);
}

#[wasm_bindgen_test]
fn delete_all_removes_every_key_of_ours_and_nothing_else() {
    let p = fresh("t-delete");
    let storage = local_storage();
    storage
        .set_item("t-delete.backup.history.1", "old")
        .unwrap();
    storage.set_item("t-delete-other", "not ours").unwrap();
    p.save_history(&history_of(&[("a", 1)]), &instrument())
        .unwrap();
    p.delete_all().unwrap();
    assert_eq!(storage.get_item("t-delete.history").unwrap(), None);
    assert_eq!(storage.get_item("t-delete.backup.history.1").unwrap(), None);
    assert_eq!(
        storage.get_item("t-delete-other").unwrap().as_deref(),
        Some("not ours")
    );
    storage.remove_item("t-delete-other").unwrap();
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_means_memory_only_and_no_panic() {
    block_local_storage();
    let p = Persistence::open("t-blocked");
    let i = instrument();
    let loaded = p.load(&i);
    let draft_result = p.save_draft(&Draft::new(i.current(), "x".into()));
    let history_result = p.save_history(&history_of(&[("a", 1)]), &instrument());
    let delete_result = p.delete_all();
    unblock_local_storage();

    assert!(!p.is_available());
    assert_eq!(loaded.problems, vec![Problem::Unavailable]);
    assert_eq!(draft_result, Err(Problem::Unavailable));
    assert_eq!(history_result, Err(Problem::Unavailable));
    // Nothing was stored, so there is nothing to delete.
    assert_eq!(delete_result, Ok(()));
}

#[wasm_bindgen_test]
fn full_storage_is_reported_as_full_and_keeps_reading() {
    let p = fresh("t-full");
    p.save_history(&history_of(&[("kept", 1)]), &instrument())
        .unwrap();
    let filled = fill_local_storage("t-full-filler.");
    let bigger = history_of(&[("kept", 1), ("more", 2)]);
    let result = p.save_history(&bigger, &instrument());
    // As after a reload: reading still works, and saving still reports the lack of room.
    let reopened = Persistence::open("t-full");
    let loaded = reopened.load(&instrument());
    let result_after_reload = reopened.save_history(&bigger, &instrument());
    empty_local_storage("t-full-filler.");

    assert!(filled > 0, "the filler wrote nothing");
    assert_eq!(result.err(), Some(Problem::Full));
    assert_eq!(result_after_reload.err(), Some(Problem::Full));
    // What was saved before the storage filled up is still there.
    assert_eq!(ids(&loaded.history), ["kept"]);
}

#[wasm_bindgen_test]
fn a_tab_never_writes_over_history_it_cannot_read() {
    let tab = fresh("t-stale");
    // Another (say, newer) version of Rapport saved history this one cannot read.
    let newer = "{\"schema\":3,\"data\":{\"checks\":[]}}";
    local_storage().set_item("t-stale.history", newer).unwrap();
    let result = tab.save_history(&history_of(&[("mine", 1)]), &instrument());

    let Err(Problem::Unreadable {
        kept_as: Some(backup),
        ..
    }) = result
    else {
        panic!("expected the unreadable value to be reported and kept, got {result:?}");
    };
    assert_eq!(
        local_storage().get_item(&backup).unwrap().as_deref(),
        Some(newer)
    );
    // This tab's check is saved in its place.
    assert_eq!(
        tab.stored_history(&instrument()).map(|h| ids(&h)),
        Some(vec!["mine".to_owned()])
    );
}

#[wasm_bindgen_test]
fn storage_that_cannot_be_read_is_never_written_over() {
    let p = fresh("t-unreadable");
    let i = instrument();
    p.save_history(&history_of(&[("kept", 1)]), &i).unwrap();
    let before = local_storage().get_item("t-unreadable.history").unwrap();

    break_storage_method("getItem");
    let reopened = Persistence::open("t-unreadable");
    let loaded = reopened.load(&i);
    // What a fresh app would save next: an empty draft and history.
    let draft = reopened.save_draft(&Draft::new(i.current(), String::new()));
    let history = reopened.save_history(&History::default(), &i);
    mend_storage_method("getItem");

    assert_eq!(loaded.problems, vec![Problem::Unavailable]);
    assert_eq!(draft, Ok(()));
    assert_eq!(history.err(), Some(Problem::Unavailable));
    assert_eq!(
        local_storage().get_item("t-unreadable.history").unwrap(),
        before
    );
}

#[wasm_bindgen_test]
fn storage_that_refuses_writes_is_still_read() {
    let p = fresh("t-readonly");
    let i = instrument();
    p.save_history(&history_of(&[("kept", 1)]), &i).unwrap();

    break_storage_method("setItem");
    let reopened = Persistence::open("t-readonly");
    let loaded = reopened.load(&i);
    let saved = reopened.save_history(&history_of(&[("kept", 1), ("new", 2)]), &i);
    mend_storage_method("setItem");

    assert_eq!(loaded.problems, vec![Problem::Unavailable]);
    assert_eq!(ids(&loaded.history), ["kept"]);
    assert_eq!(saved.err(), Some(Problem::Unavailable));
}

#[wasm_bindgen_test]
fn delete_all_reports_storage_that_refuses() {
    let p = fresh("t-refuse");
    p.save_history(&history_of(&[("kept", 1)]), &instrument())
        .unwrap();
    break_storage_method("removeItem");
    let result = p.delete_all();
    mend_storage_method("removeItem");
    assert_eq!(result, Err(Problem::Unavailable));
    assert!(local_storage()
        .get_item("t-refuse.history")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn a_tab_still_merges_what_another_tab_wrote_after_it() {
    let i = instrument();
    let mine = fresh("t-two-writers");
    let other = Persistence::open("t-two-writers");
    // This tab writes, and keeps what it wrote; then the other tab adds a check.
    mine.save_history(&history_of(&[("a", 1)]), &i).unwrap();
    other.save_history(&history_of(&[("b", 2)]), &i).unwrap();
    // This tab's next save (a plan being typed, say) brings the other's check in.
    let merged = mine
        .save_history(&history_of(&[("a", 1), ("c", 3)]), &i)
        .unwrap();
    assert_eq!(ids(&merged), ["c", "b", "a"]);
    // And again, with nothing new in storage: the same history, stored once each.
    let again = mine.save_history(&merged, &i).unwrap();
    assert_eq!(again, merged);
    assert_eq!(
        mine.stored_history(&i).map(|h| ids(&h)),
        Some(vec!["c".to_owned(), "b".to_owned(), "a".to_owned()])
    );
}

#[wasm_bindgen_test]
fn the_studio_s_work_is_kept_apart_from_the_checks_and_survives_delete_all() {
    let p = fresh("t-studio");
    assert_eq!(p.studio_work(), None);
    p.save_studio_work("{ \"id\": \"ours\" }").unwrap();
    p.save_history(&history_of(&[("a", 1)]), &instrument())
        .unwrap();
    p.delete_all().unwrap();
    // Deleting every answer and result leaves the questionnaire being written.
    assert_eq!(p.studio_work().as_deref(), Some("{ \"id\": \"ours\" }"));
    assert_eq!(p.stored_history(&instrument()), None);
    local_storage().remove_item("t-studio-studio").unwrap();
}

#[wasm_bindgen_test]
fn the_studio_s_work_not_kept_is_said_and_nothing_panics() {
    block_local_storage();
    let p = Persistence::open("t-studio-blocked");
    let saved = p.save_studio_work("{}");
    let read = p.studio_work();
    unblock_local_storage();
    assert_eq!(saved, Err(Problem::Unavailable));
    assert_eq!(read, None);
}
