//! Plain browser facilities: the clock, ids, dates, focus, printing, the address, the
//! clipboard and files. What depends on where Rapport runs is in `host.rs`.

use crate::host::element;
use rapport_core::embed::{Embed, InstrumentSource, Placement};
use rapport_core::plan::Date;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Today in the person's time zone: due dates are their calendar's days.
pub fn today() -> Date {
    let clock = js_sys::Date::new_0();
    Date::from_ymd(
        i64::from(clock.get_full_year()),
        clock.get_month() + 1,
        clock.get_date(),
    )
    .unwrap_or_else(|| Date::of_ms(now()))
}

/// A fresh id for a finished check: time plus randomness, so two tabs never collide.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now())
}

/// The browser's preferred languages, most wanted first (`navigator.languages`).
pub fn languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Fetches a text file; `done` hears its text, or `None` when the network or the server
/// failed. Same-origin, as a preload hint for the same file asks, so a file the page
/// started loading early is taken from there.
pub fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let fail = {
        let done = done.clone();
        move || {
            if let Some(done) = done.take() {
                done(None);
            }
        }
    };
    let on_response = {
        let fail = fail.clone();
        Closure::once(move |response: JsValue| {
            let text = match response.dyn_into::<web_sys::Response>() {
                Ok(response) if response.ok() => response.text().ok(),
                _ => None,
            };
            let Some(text) = text else {
                fail();
                return;
            };
            let on_text = Closure::once(move |text: JsValue| {
                if let Some(done) = done.take() {
                    done(text.as_string());
                }
            });
            let on_err = Closure::once(move |_: JsValue| fail());
            let _ = text.then2(&on_text, &on_err);
            on_text.forget();
            on_err.forget();
        })
    };
    let on_err = Closure::once(move |_: JsValue| fail());
    let _ = window.fetch_with_str(url).then2(&on_response, &on_err);
    // JavaScript holds the callbacks until the promises settle; each runs at most once.
    on_response.forget();
    on_err.forget();
}

/// Fetches several text files at once; `done` hears each one's text (or `None`), in the
/// order of `urls`, once all have arrived or failed.
pub fn fetch_texts(urls: &[String], done: impl FnOnce(Vec<Option<String>>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let found: Rc<RefCell<Vec<Option<Option<String>>>>> =
        Rc::new(RefCell::new(vec![None; urls.len()]));
    let done = Rc::new(RefCell::new(Some(done)));
    if urls.is_empty() {
        if let Some(done) = done.borrow_mut().take() {
            done(Vec::new());
        }
    }
    for (n, url) in urls.iter().enumerate() {
        let (found, done) = (found.clone(), done.clone());
        fetch_text(url, move |text| {
            let all = {
                let mut found = found.borrow_mut();
                if let Some(slot) = found.get_mut(n) {
                    *slot = Some(text);
                }
                found
                    .iter()
                    .all(Option::is_some)
                    .then(|| found.drain(..).flatten().collect())
            };
            if let Some(texts) = all {
                if let Some(done) = done.borrow_mut().take() {
                    done(texts);
                }
            }
        });
    }
}

/// Runs `f` once the next frame is on screen: an animation-frame callback runs just
/// before that frame, so it queues `f` as a task after it. A hidden page has no frames:
/// `f` waits until it shows again.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = Closure::once(move |_: JsValue| next_task(f));
    let _ = window.request_animation_frame(frame.as_ref().unchecked_ref());
    // JavaScript holds the callback until it runs, once.
    frame.forget();
}

/// Runs `f` in a task of its own, after whatever the browser has queued: long work split
/// this way lets input and painting in between.
pub fn next_task(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let task = Closure::once(move |_: JsValue| f());
    let _ = window.set_timeout_with_callback(task.as_ref().unchecked_ref());
    // JavaScript holds the callback until it runs, once.
    task.forget();
}

/// A call that waits for a pause: each [`Pause::after`] replaces the call before it, so
/// only the last one runs (the studio reads the file once typing pauses, not on every
/// key).
#[derive(Default)]
pub struct Pause {
    waiting: std::cell::RefCell<Option<Waiting>>,
}

/// The timer's handle (to clear it) and its callback (alive until it has run).
type Waiting = (i32, Closure<dyn FnMut()>);

impl Pause {
    /// Runs `f` in `ms` milliseconds, unless another call comes first.
    pub fn after(&self, ms: i32, f: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some((handle, _)) = self.waiting.borrow_mut().take() {
            window.clear_timeout_with_handle(handle);
        }
        let mut f = Some(f);
        let call = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            call.as_ref().unchecked_ref(),
            ms,
        );
        if let Ok(handle) = handle {
            *self.waiting.borrow_mut() = Some((handle, call));
        }
    }
}

/// Moves keyboard focus to the element with this id, if it exists; false if it does not.
pub fn focus_id(id: &str) -> bool {
    match element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The app's own address without query or fragment, for share links: a link must not
/// carry a host's embedding settings.
pub fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['#', '?']).next().unwrap_or_default().to_owned()
}

/// The app's own address for links to it: without query or fragment, but for the site
/// owner's instrument on Rapport's page or frame (as `embed`, the settings, accepted it),
/// without which its result codes do not read. A mount's address is its host page's,
/// which mounts the instrument itself.
pub fn app_url(embed: &Embed) -> String {
    match (&embed.instrument, embed.placement) {
        // A path is letters, digits and `-_./` only: safe in an address as it is.
        (Some(InstrumentSource::Path(path)), Placement::Page | Placement::Frame) => {
            format!("{}?instrument={path}", base_url())
        }
        _ => base_url(),
    }
}

/// This page's address with `name` set to `value` in its query (other settings kept,
/// the fragment dropped), as a link relative to the page.
pub fn with_setting(name: &str, value: &str) -> String {
    let kept = query_pairs()
        .into_iter()
        .filter(|(n, _)| n != name)
        .chain([(name.to_owned(), value.to_owned())])
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    format!("?{kept}")
}

/// The address's query, as names and values left as written (still URL-encoded).
fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (name, value) = p.split_once('=').unwrap_or((p, ""));
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

/// What follows `#` in the address, including the `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Drops the fragment from the address without adding a history entry.
pub fn clear_fragment() {
    if fragment().is_empty() {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&base_url()));
    }
}

/// Copies `text` to the clipboard. Without a usable Clipboard API (old browsers,
/// insecure contexts, denied permission) the field with id `field` is selected instead
/// so the person can copy it by hand; `done` hears which happened.
pub fn copy(text: &str, field: &str, done: impl FnOnce(bool) + 'static) {
    let select = {
        let field = field.to_owned();
        move || {
            if let Some(input) = element(&field).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        }
    };
    let write = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| c.is_object())
        .and_then(|clipboard| {
            let write_text = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
            let write_text = write_text.dyn_into::<js_sys::Function>().ok()?;
            write_text
                .call1(&clipboard, &text.into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
    let Some(promise) = write else {
        select();
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let on_ok = {
        let done = done.clone();
        Closure::once(move |_: JsValue| {
            if let Some(done) = done.take() {
                done(true);
            }
        })
    };
    let on_err = Closure::once(move |_: JsValue| {
        select();
        if let Some(done) = done.take() {
            done(false);
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    // JavaScript holds the callbacks until the promise settles; each runs at most once.
    on_ok.forget();
    on_err.forget();
}

/// Saves `text` as a file named `name` through the browser's download.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}

/// Reads the file chosen in `input` as text and hands it on with the file's name; a
/// file over `limit` bytes is not read. The input is cleared so the same file can be
/// chosen again.
pub fn read_file(
    input: &HtmlInputElement,
    limit: usize,
    done: impl FnOnce(String, Result<String, ()>, bool) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    if file.size() > limit as f64 {
        done(name, Err(()), true);
        return;
    }
    let done = std::rc::Rc::new(std::cell::Cell::new(Some((done, name))));
    let on_ok = {
        let done = done.clone();
        Closure::once(move |text: JsValue| {
            if let Some((done, name)) = done.take() {
                done(name, Ok(text.as_string().unwrap_or_default()), false);
            }
        })
    };
    let on_err = Closure::once(move |_: JsValue| {
        if let Some((done, name)) = done.take() {
            done(name, Err(()), false);
        }
    });
    let _ = file.text().then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}

/// Whether the page's service worker script (added by tools/post-build.mjs) found a new
/// version of Rapport installed and waiting, before or after the app started.
pub fn update_ready() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-update"))
        .is_some_and(|v| v == "ready")
}

/// Asks the service worker script to switch to the waiting version and reload the page.
/// Answers are safe: every change is saved as it is made.
pub fn reload_with_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(UPDATE_RELOAD)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The events between the app and the service worker script in index.html.
pub const UPDATE_READY: &str = "rapport:update";
const UPDATE_RELOAD: &str = "rapport:reload";
