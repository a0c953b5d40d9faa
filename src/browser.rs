//! Small browser facilities the components share: time, ids, dates, focus.

use crate::text::TEXT;
use rapport_core::embed::{self, Embed, Theme, Warning};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh id for a finished check: time plus randomness, so two tabs never collide.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now())
}

/// A date and time in the catalogue's locale, e.g. "22 Nov 2026, 14:05".
pub fn format_date(ms: u64) -> String {
    let options = js_sys::Object::new();
    // Setting plain properties on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(ms as f64))
        .to_locale_string(TEXT.locale, &options)
        .into()
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The mount points on a host page: elements with a `data-rapport` attribute.
pub fn mount_points() -> Vec<web_sys::HtmlElement> {
    let Some(found) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-rapport]").ok())
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
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

/// The embedding configuration from the address's query, and what was wrong with it.
pub fn embed_config() -> (Embed, Vec<Warning>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let decode = |text: &str| -> String {
        let text = text.replace('+', " ");
        js_sys::decode_uri_component(&text).map_or(text, String::from)
    };
    let pairs: Vec<(String, String)> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    embed::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The configuration of a mount point, from its `data-` attributes (the same names and
/// checks as the query parameters), and what was wrong with it.
pub fn mount_config(mount: &web_sys::HtmlElement) -> (Embed, Vec<Warning>) {
    let names = ["theme", "accent", "name", "storage-key"];
    let pairs: Vec<(&str, String)> = names
        .iter()
        .filter_map(|&n| Some((n, mount.get_attribute(&format!("data-{n}"))?)))
        .collect();
    let (mut embed, warnings) = embed::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    embed.embedded = true;
    embed.mounted = true;
    (embed, warnings)
}

/// Theme and accent on the page's root element (or a mount point), through attributes
/// and custom properties (`setProperty`), never through CSS text.
pub fn apply_look(embed: &Embed) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    apply_look_to(&root, embed);
}

pub fn apply_look_to(root: &web_sys::HtmlElement, embed: &Embed) {
    if embed.theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", embed.theme.as_str());
    }
    // A mount's element belongs to the host page: it gets no class of ours.
    if embed.embedded && !embed.mounted {
        let _ = root.class_list().add_1("embed");
    }
    if let Some(accent) = &embed.accent {
        let style = root.style();
        let _ = style.set_property("--accent", accent);
        let _ = style.set_property("--on-accent", embed::text_on(accent));
    }
}

/// Tells the host page the content's height whenever it changes, so `embed.js` can size
/// the iframe. Only inside a frame; the height is not secret, so any origin may hear it
/// (the host script checks who sent it).
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"rapport:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    post.forget();
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

thread_local! {
    /// The shadow root of the mount the person last pressed, clicked or focused in.
    static IN_USE: std::cell::RefCell<Option<web_sys::ShadowRoot>> = const { std::cell::RefCell::new(None) };
}

/// Remembers `root` as the mount in use whenever the person interacts with it. Focus
/// cannot tell: the button pressed is often gone (screen changed) when focus moves on.
pub fn track_use(root: &web_sys::ShadowRoot) {
    for event in ["pointerdown", "focusin", "keydown"] {
        let this = root.clone();
        gloo_events::EventListener::new(root, event, move |_| {
            IN_USE.with(|r| *r.borrow_mut() = Some(this.clone()))
        })
        .forget();
    }
}

/// The element with this id: in the shadow root of the mount in use when Rapport is
/// mounted into a host page, else in the page, else in the first mount that has it.
fn element(id: &str) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    // The mount in use first: a host page or another mount may have the same id.
    let in_use = IN_USE.with(|r| r.borrow().clone());
    if let Some(found) = in_use.and_then(|root| root.get_element_by_id(id)) {
        return Some(found);
    }
    document.get_element_by_id(id).or_else(|| {
        mount_points()
            .iter()
            .filter_map(|m| m.shadow_root())
            .find_map(|root| root.get_element_by_id(id))
    })
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
