//! Display formats for the report views: counts with the locale's thousands separator, short dates.
//!
//! The browser's `Intl` formats what is shown, in the chosen [`Lang`] (with the
//! browser's own region when it speaks that language, e.g. `en-GB`); the raw
//! value always stays in a `data-*` attribute. Off the browser (the command
//! line's report bundle, native tests) the catalogs' own formats are used
//! (`i18n::group`, `i18n::date`): `1,268` in English, `1.268` in Dutch.

use chrono::{Datelike, NaiveDate};
pub use i18n::Lang;

/// A count with the locale's thousands separator, e.g. `80,012`, `80.012` or `80 012`.
pub fn fmt_count(lang: Lang, n: u64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::count(lang, n) {
        return s;
    }
    i18n::group(lang, n)
}

/// A count grouped by threes with a narrow no-break space, whatever the language.
pub fn plain_count(n: u64) -> String {
    i18n::group_with(n, "\u{202f}")
}

/// A percentage with no decimals above 10 % and one below, e.g. `84 %` or `7.5 %` (`7,5 %`).
pub fn fmt_percent(lang: Lang, p: f64) -> String {
    if !p.is_finite() {
        return "–".to_string();
    }
    let text = if p < 10.0 && p.fract().abs() > f64::EPSILON { format!("{p:.1}") } else { format!("{p:.0}") };
    format!("{}\u{a0}%", i18n::decimal(lang, &text))
}

/// A number with one decimal in the language's way, e.g. `1.5` or `1,5`.
pub fn fmt_decimal1(lang: Lang, x: f64) -> String {
    i18n::decimal(lang, &format!("{x:.1}"))
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

/// A date in the locale's short readable form, e.g. `24 Oct 2026` or `24 okt 2026`; the input itself
/// when it is not a date.
pub fn fmt_date(lang: Lang, iso: &str) -> String {
    let Some(d) = parse_date(iso) else { return iso.to_string() };
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::date(lang, iso, false) {
        return s;
    }
    match lang {
        Lang::En => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
        _ => i18n::date(lang, iso),
    }
}

/// A month in a short readable form, e.g. `Nov 2026`; the input itself when it is not a month.
pub fn fmt_month(lang: Lang, iso: &str) -> String {
    let Some(d) = parse_month(iso) else { return iso.to_string() };
    fmt_month_of(lang, d)
}

/// The month of a date in a short readable form, e.g. `Nov 2026`.
pub fn fmt_month_of(lang: Lang, d: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::date(lang, &d.format("%Y-%m-%d").to_string(), true) {
        return s;
    }
    match lang {
        Lang::En => format!("{} {}", MONTHS[d.month0() as usize], d.year()),
        _ => i18n::month(lang, &d.format("%Y-%m").to_string()),
    }
}

/// The browser's preferred languages (`navigator.languages`, else `navigator.language`), best first.
pub fn browser_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(navigator) = web_sys::window().map(|w| w.navigator()) {
            let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
            if !list.is_empty() {
                return list;
            }
            if let Some(one) = navigator.language() {
                return vec![one];
            }
        }
    }
    Vec::new()
}

/// The BCP-47 tag `Intl` formats with: the browser's own tag when it speaks `lang`
/// (so English stays `en-US` or `en-GB` as the browser has it), else the language's code.
pub fn intl_locale(lang: Lang) -> String {
    browser_languages().into_iter().find(|tag| Lang::parse(tag) == Some(lang)).unwrap_or_else(|| lang.code().into())
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! The browser's `Intl` formatters, built once per page and language.

    use std::cell::RefCell;
    use std::collections::HashMap;

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use super::Lang;

    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Kind {
        Count,
        Date,
        Month,
    }

    thread_local! {
        static FORMATTERS: RefCell<HashMap<(Kind, Lang), Option<Function>>> = RefCell::new(HashMap::new());
    }

    fn formatter(kind: Kind, lang: Lang) -> Option<Function> {
        FORMATTERS.with(|cache| {
            cache
                .borrow_mut()
                .entry((kind, lang))
                .or_insert_with(|| {
                    let locales = Array::of1(&JsValue::from_str(&super::intl_locale(lang)));
                    match kind {
                        Kind::Count => count_formatter(&locales),
                        Kind::Date => date_formatter(&locales, false),
                        Kind::Month => date_formatter(&locales, true),
                    }
                })
                .clone()
        })
    }

    fn count_formatter(locales: &Array) -> Option<Function> {
        let options = Object::new();
        Reflect::set(&options, &"maximumFractionDigits".into(), &0.into()).ok()?;
        let nf = Intl::NumberFormat::new(locales, &options);
        Some(nf.format())
    }

    fn date_formatter(locales: &Array, month_only: bool) -> Option<Function> {
        let options = Object::new();
        Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
        Reflect::set(&options, &"year".into(), &"numeric".into()).ok()?;
        Reflect::set(&options, &"month".into(), &"short".into()).ok()?;
        if !month_only {
            Reflect::set(&options, &"day".into(), &"numeric".into()).ok()?;
        }
        let df = Intl::DateTimeFormat::new(locales, &options);
        Some(df.format())
    }

    pub(super) fn count(lang: Lang, n: u64) -> Option<String> {
        formatter(Kind::Count, lang)?.call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64)).ok()?.as_string()
    }

    pub(super) fn date(lang: Lang, iso: &str, month_only: bool) -> Option<String> {
        let date = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T00:00:00Z")));
        if date.get_time().is_nan() {
            return None;
        }
        let kind = if month_only { Kind::Month } else { Kind::Date };
        formatter(kind, lang)?.call1(&JsValue::UNDEFINED, date.unchecked_ref()).ok()?.as_string()
    }
}
