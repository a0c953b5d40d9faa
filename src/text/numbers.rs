//! Numbers and dates in the language's own way, by the browser's `Intl`: "3,5" in
//! French, "22 nov. 2026", and which plural form a count takes.

use rapport_core::plan::Date;
use std::cell::OnceCell;
use wasm_bindgen::JsValue;

/// The browser's formats for one locale, each made when first needed: making an `Intl`
/// format is slow (tens of milliseconds on a phone), and the first screen needs two of
/// them at most.
pub struct Numbers {
    /// The BCP 47 locale ("fr-CA").
    pub locale: String,
    plurals: OnceCell<js_sys::Intl::PluralRules>,
    /// `Intl.NumberFormat.prototype.format`, bound: whole numbers, and one decimal.
    whole: OnceCell<js_sys::Function>,
    tenths: OnceCell<js_sys::Function>,
    /// `Intl.DateTimeFormat.prototype.format`, bound: "22 Nov 2026, 14:05".
    dates: OnceCell<js_sys::Function>,
    /// Days without their time (due dates, the trend).
    days: OnceCell<js_sys::Function>,
}

impl Numbers {
    pub fn new(locale: String) -> Numbers {
        Numbers {
            plurals: OnceCell::new(),
            whole: OnceCell::new(),
            tenths: OnceCell::new(),
            dates: OnceCell::new(),
            days: OnceCell::new(),
            locale,
        }
    }

    /// Loads the locale's number and plural data into the browser ahead of need. The
    /// first `Intl` number format a page makes costs 50 to 90 ms on a phone, most of it
    /// that data, whatever the options; the formats made later take under 1 ms. Called
    /// in a task of its own while the pack downloads, it keeps that cost out of the task
    /// that draws the first screen.
    pub fn prepare(locale: &str) {
        let locales = js_sys::Array::of1(&JsValue::from_str(locale));
        let options = js_sys::Object::new();
        js_sys::Intl::PluralRules::new(&locales, &options).select(1.0);
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        call(&format, 1.0);
    }

    fn locales(&self) -> js_sys::Array {
        js_sys::Array::of1(&JsValue::from_str(&self.locale))
    }

    /// `digits` decimals, no more, no fewer.
    fn number_format(&self, digits: u32) -> js_sys::Function {
        let digits = JsValue::from(digits);
        let options = options(&[
            ("minimumFractionDigits", digits.clone()),
            ("maximumFractionDigits", digits),
        ]);
        js_sys::Intl::NumberFormat::new(&self.locales(), &options).format()
    }

    fn date_format(&self, pairs: &[(&str, JsValue)]) -> js_sys::Function {
        js_sys::Intl::DateTimeFormat::new(&self.locales(), &options(pairs)).format()
    }

    /// The CLDR plural category of a count ("one", "few", "other"…).
    pub fn plural(&self, n: usize) -> String {
        self.plurals
            .get_or_init(|| js_sys::Intl::PluralRules::new(&self.locales(), &js_sys::Object::new()))
            .select(n as f64)
            .into()
    }

    /// A whole number in the language's digits.
    pub fn number(&self, n: usize) -> String {
        call(self.whole.get_or_init(|| self.number_format(0)), n as f64)
            .unwrap_or_else(|| n.to_string())
    }

    /// A number of tenths, with one decimal: "3,5" in French.
    pub fn decimal(&self, tenths: i64) -> String {
        let value = tenths as f64 / 10.0;
        call(self.tenths.get_or_init(|| self.number_format(1)), value)
            .unwrap_or_else(|| format!("{value:.1}"))
    }

    /// A date and time, in the language's format.
    pub fn date(&self, ms: u64) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
        let dates = self.dates.get_or_init(|| {
            self.date_format(&[
                ("dateStyle", "medium".into()),
                ("timeStyle", "short".into()),
            ])
        });
        written(dates, &date)
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
        let days = self
            .days
            .get_or_init(|| self.date_format(&[("dateStyle", "medium".into())]));
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
