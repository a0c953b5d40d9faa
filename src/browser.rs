//! Small browser facilities the components share: time, ids, dates, focus.

use crate::text::TEXT;
use wasm_bindgen::{JsCast, JsValue};

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
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
