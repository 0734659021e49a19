//! The page's language: chosen in the header, remembered, at first the browser's; given to the views as a context.

use yew::prelude::*;

pub use i18n::{Arg, Lang};

/// The language the views render in: the provided context's, English when none is provided (a view mounted alone).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The language to open in: the one chosen before, else the browser's first language with a catalog, else English.
pub fn initial_lang() -> Lang {
    crate::storage::load_lang()
        .or_else(|| Lang::first_of(crate::views::format::browser_languages().iter().map(String::as_str)))
        .unwrap_or_default()
}

/// Sets `<html lang>` to the chosen language, for screen readers, hyphenation and the browser's own controls.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The message `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    i18n::tt(lang, key)
}

/// The message `key` in `lang` with its variables.
pub fn trf(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    i18n::t(lang, key, args)
}

/// A field of the engine (`event date`) in `lang`; a name without catalog words as it is.
pub fn field_name(lang: Lang, name: &str) -> String {
    // The catalogs have words for every field of the engine's log and deliveries tables.
    let known = engine::FIELDS.iter().map(|f| f.name()).chain(engine::DELIVERY_FIELDS.iter().map(|f| f.name()));
    if known.into_iter().any(|f| f == name) {
        tr(lang, &format!("fieldname-{}", name.replace(' ', "-")))
    } else {
        name.to_string()
    }
}

/// A notice of the viewer's state in `lang`: a catalog key is translated; a text that
/// quotes a file name or an error (made by the state or the engine) is shown as it was written.
pub fn notice_text(lang: Lang, notice: &crate::state::Notice) -> String {
    match notice {
        crate::state::Notice::Key(key) => tr(lang, key),
        crate::state::Notice::Text(text) => text.clone(),
    }
}
