//! Numbers and dates in the language's own way, by the browser's `Intl`: "3,5" in
//! French, "22 nov. 2026", and which plural form a count takes.

use rapport_core::plan::Date;
use std::cell::OnceCell;
use wasm_bindgen::JsValue;

/// The browser's formats for one locale.
pub struct Numbers {
    /// The BCP 47 locale ("fr-CA").
    pub locale: String,
    plurals: js_sys::Intl::PluralRules,
    /// `Intl.NumberFormat.prototype.format`, bound: whole numbers, and one decimal.
    whole: js_sys::Function,
    tenths: js_sys::Function,
    /// `Intl.DateTimeFormat.prototype.format`, bound: "22 Nov 2026, 14:05".
    dates: js_sys::Function,
    /// Days without their time (due dates, the trend); made when first needed, as most
    /// screens show none.
    days: OnceCell<js_sys::Function>,
}

impl Numbers {
    pub fn new(locale: String) -> Numbers {
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale));
        let number = |digits: u32| {
            let digits = JsValue::from(digits);
            let options = options(&[
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ]);
            js_sys::Intl::NumberFormat::new(&locales, &options).format()
        };
        let dates = options(&[
            ("dateStyle", "medium".into()),
            ("timeStyle", "short".into()),
        ]);
        Numbers {
            plurals: js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
            whole: number(0),
            tenths: number(1),
            dates: js_sys::Intl::DateTimeFormat::new(&locales, &dates).format(),
            days: OnceCell::new(),
            locale,
        }
    }

    /// The CLDR plural category of a count ("one", "few", "other"…).
    pub fn plural(&self, n: usize) -> String {
        self.plurals.select(n as f64).into()
    }

    /// A whole number in the language's digits.
    pub fn number(&self, n: usize) -> String {
        call(&self.whole, n as f64).unwrap_or_else(|| n.to_string())
    }

    /// A number of tenths, with one decimal: "3,5" in French.
    pub fn decimal(&self, tenths: i64) -> String {
        let value = tenths as f64 / 10.0;
        call(&self.tenths, value).unwrap_or_else(|| format!("{value:.1}"))
    }

    /// A date and time, in the language's format.
    pub fn date(&self, ms: u64) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
        written(&self.dates, &date)
    }

    /// A calendar day (a due date), written as dates are, without a time.
    pub fn day(&self, day: Date) -> String {
        let (y, m, d) = day.ymd();
        self.date_only(&js_sys::Date::new_with_year_month_day(
            y as u32,
            m as i32 - 1,
            d as i32,
        ))
    }

    /// The day of a moment (milliseconds since the Unix epoch), without its time.
    pub fn day_of(&self, ms: u64) -> String {
        self.date_only(&js_sys::Date::new(&JsValue::from_f64(ms as f64)))
    }

    fn date_only(&self, date: &js_sys::Date) -> String {
        let days = self.days.get_or_init(|| {
            let locales = js_sys::Array::of1(&JsValue::from_str(&self.locale));
            let options = options(&[("dateStyle", "medium".into())]);
            js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
        });
        written(days, date)
    }
}

/// An `Intl` options object.
fn options(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        // Setting plain properties on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &(*key).into(), value);
    }
    options
}

fn written(format: &js_sys::Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn call(format: &js_sys::Function, n: f64) -> Option<String> {
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|s| s.as_string())
}
