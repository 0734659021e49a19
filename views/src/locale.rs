//! The language the views speak: a Yew context holding a [`Lang`], and the catalog lookups they use.

use yew::prelude::*;

pub use i18n::{Arg, Lang};

/// The language the views render in: the provided context's, English when none is provided (a view mounted alone).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
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
