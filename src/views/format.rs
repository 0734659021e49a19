//! Display formats for the report views: counts with the locale's thousands separator, short dates.
//!
//! The browser's `Intl` formats what is shown; the raw value always stays in a
//! `data-*` attribute. Off the browser (native builds, tests of pure
//! functions) a plain fallback is used.

use chrono::{Datelike, NaiveDate};

/// A count with the locale's thousands separator, e.g. `80,012` or `80 012`.
pub fn fmt_count(n: u64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::count(n) {
        return s;
    }
    plain_count(n)
}

/// A count grouped by threes with a narrow no-break space: the fallback of [`fmt_count`].
pub fn plain_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// A percentage with no decimals above 10 % and one below, e.g. `84 %` or `7.5 %`.
pub fn fmt_percent(p: f64) -> String {
    if !p.is_finite() {
        return "–".to_string();
    }
    if p < 10.0 && p.fract().abs() > f64::EPSILON {
        format!("{p:.1}\u{a0}%")
    } else {
        format!("{p:.0}\u{a0}%")
    }
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()
}

/// Parses a `YYYY-MM` month as its first day.
pub fn parse_month(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{iso}-01"), "%Y-%m-%d").ok()
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date in a short readable form, e.g. `24 Oct 2026`; the input itself when it is not a date.
pub fn fmt_date(iso: &str) -> String {
    let Some(d) = parse_date(iso) else { return iso.to_string() };
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::date(iso, false) {
        return s;
    }
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A month in a short readable form, e.g. `Nov 2026`; the input itself when it is not a month.
pub fn fmt_month(iso: &str) -> String {
    let Some(d) = parse_month(iso) else { return iso.to_string() };
    fmt_month_of(d)
}

/// The month of a date in a short readable form, e.g. `Nov 2026`.
pub fn fmt_month_of(d: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::date(&d.format("%Y-%m-%d").to_string(), true) {
        return s;
    }
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! The browser's `Intl` formatters, built once per page.

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static COUNT: Option<Function> = count_formatter();
        static DATE: Option<Function> = date_formatter(false);
        static MONTH: Option<Function> = date_formatter(true);
    }

    fn count_formatter() -> Option<Function> {
        let options = Object::new();
        Reflect::set(&options, &"maximumFractionDigits".into(), &0.into()).ok()?;
        let nf = Intl::NumberFormat::new(&Array::new(), &options);
        Some(nf.format())
    }

    fn date_formatter(month_only: bool) -> Option<Function> {
        let options = Object::new();
        Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
        Reflect::set(&options, &"year".into(), &"numeric".into()).ok()?;
        Reflect::set(&options, &"month".into(), &"short".into()).ok()?;
        if !month_only {
            Reflect::set(&options, &"day".into(), &"numeric".into()).ok()?;
        }
        let df = Intl::DateTimeFormat::new(&Array::new(), &options);
        Some(df.format())
    }

    pub(super) fn count(n: u64) -> Option<String> {
        COUNT.with(|f| f.as_ref()?.call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64)).ok()?.as_string())
    }

    pub(super) fn date(iso: &str, month_only: bool) -> Option<String> {
        let date = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T00:00:00Z")));
        if date.get_time().is_nan() {
            return None;
        }
        let call = |f: &Option<Function>| -> Option<String> {
            f.as_ref()?.call1(&JsValue::UNDEFINED, date.unchecked_ref()).ok()?.as_string()
        };
        if month_only {
            MONTH.with(call)
        } else {
            DATE.with(call)
        }
    }
}
