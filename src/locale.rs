//! The page's language: chosen in the header, remembered, at first the browser's; given to the views as a context.

pub use views::locale::{field_name, tr, trf, use_lang, Arg, Lang};

/// The language to open in: the one chosen before, else the browser's first language with a catalog, else English.
pub fn initial_lang() -> Lang {
    crate::storage::load_lang()
        .or_else(|| Lang::first_of(views::format::browser_languages().iter().map(String::as_str)))
        .unwrap_or_default()
}

/// Sets `<html lang>` to the chosen language, for screen readers, hyphenation and the browser's own controls.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A notice of the viewer's state in `lang`: a catalog message with its variables (a field in the
/// language's words); a text the page cannot say otherwise is shown as it was written.
pub fn notice_text(lang: Lang, notice: &crate::run::Notice) -> String {
    match notice {
        crate::run::Notice::Key(key) => tr(lang, key),
        crate::run::Notice::Said(key, vars) => {
            let args: Vec<(&str, Arg<'_>)> = vars
                .iter()
                .map(|(name, value)| match *name {
                    "field" => (*name, Arg::from(views::diagnosis::field_label(lang, value))),
                    _ => (*name, Arg::from(value)),
                })
                .collect();
            trf(lang, key, &args)
        }
        crate::run::Notice::Text(text) => text.clone(),
        crate::run::Notice::Counts(key, vars) => {
            let args: Vec<(&str, Arg<'_>)> = vars.iter().map(|(name, n)| (*name, Arg::from(*n))).collect();
            trf(lang, key, &args)
        }
    }
}

/// `1.5 MB`-style sizes for the header and the progress bar (`1,5 MB` with a decimal comma).
pub fn human_bytes(lang: Lang, bytes: f64) -> String {
    // French writes octets: o, ko, Mo.
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    const OCTETS: [&str; 5] = ["o", "ko", "Mo", "Go", "To"];
    let units = if lang == Lang::Fr { OCTETS } else { UNITS };
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit < units.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", units[unit])
    } else {
        format!("{} {}", views::format::fmt_decimal1(lang, value), units[unit])
    }
}
