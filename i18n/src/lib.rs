//! The words of the viewer and the command line in English, Dutch, Swedish, French and German.
//!
//! The catalogs are Fluent files in the top-level `locales/` folder
//! (`locales/<lang>/*.ftl`), embedded at build time. [`t`] looks a message up
//! for a [`Lang`]; numbers are formatted by the caller (the viewer uses the
//! browser's `Intl`, the command line [`group`]) and passed in as text, with
//! the raw number beside it when a message chooses a plural form.
//!
//! This crate has no UI of its own and no counting: the engine stays free of
//! UI text, and both the app and the CLI depend on this crate.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language of the catalogs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Nl,
    Sv,
    Fr,
    De,
}

/// The catalog files of every language, by file name, as embedded: the viewer's words, the command line's
/// text report and messages (`cli.ftl`, with the feature `cli` only: the viewer's WebAssembly goes without
/// them), the engine's texts (`engine-<id>`, see `engine::message`) and the messages of the viewer and the
/// command line.
#[cfg(feature = "cli")]
const FILES: &[&str] = &["viewer.ftl", "cli.ftl", "engine.ftl", "messages.ftl"];
#[cfg(not(feature = "cli"))]
const FILES: &[&str] = &["viewer.ftl", "engine.ftl", "messages.ftl"];

/// The embedded files of one language, in the order of [`FILES`].
#[cfg(feature = "cli")]
macro_rules! files {
    ($code:literal) => {
        &[
            include_str!(concat!("../../locales/", $code, "/viewer.ftl")),
            include_str!(concat!("../../locales/", $code, "/cli.ftl")),
            include_str!(concat!("../../locales/", $code, "/engine.ftl")),
            include_str!(concat!("../../locales/", $code, "/messages.ftl")),
        ]
    };
}
#[cfg(not(feature = "cli"))]
macro_rules! files {
    ($code:literal) => {
        &[
            include_str!(concat!("../../locales/", $code, "/viewer.ftl")),
            include_str!(concat!("../../locales/", $code, "/engine.ftl")),
            include_str!(concat!("../../locales/", $code, "/messages.ftl")),
        ]
    };
}

/// The embedded text of each catalog file of a language, in the order of [`file_names`].
pub fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => files!("en"),
        Lang::Nl => files!("nl"),
        Lang::Sv => files!("sv"),
        Lang::Fr => files!("fr"),
        Lang::De => files!("de"),
    }
}

/// The file names of [`sources`], for messages about them.
pub fn file_names() -> &'static [&'static str] {
    FILES
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Nl, Lang::Sv, Lang::Fr, Lang::De];

    /// The two-letter code: `en`, `nl`, `sv`, `fr`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Sv => "sv",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, for a language picker.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::Sv => "Svenska",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// The language of a BCP-47 tag such as `nl-NL`, `de`, `fr-CA` or `sv_SE`; `None` for another language.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language of a list of preferences (the browser's, say) that has a catalog.
    pub fn first_of<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::parse)
    }

    /// The digit-group separator of whole numbers in plain text (the command line).
    ///
    /// English keeps the space the text report has always used (as Campaign's
    /// screens group digits); Dutch and German use a dot; French a narrow
    /// no-break space and Swedish a no-break space, as their locales do.
    pub fn group_separator(self) -> &'static str {
        match self {
            Lang::En => " ",
            Lang::Nl | Lang::De => ".",
            Lang::Fr => "\u{202f}",
            Lang::Sv => "\u{a0}",
        }
    }

    /// The decimal separator: a point in English, a comma in the others.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            _ => ',',
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("'{s}': give one of en, nl, sv, fr, de"))
    }
}

/// `1234567` grouped the language's way in plain text: `1 234 567`, `1.234.567`, ...
pub fn group(lang: Lang, n: u64) -> String {
    group_with(n, lang.group_separator())
}

/// `1234567` grouped by threes with `sep` between the groups.
pub fn group_with(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A number written with a point (`84.5`) given the language's decimal separator (`84,5`).
pub fn decimal(lang: Lang, text: &str) -> String {
    text.replace('.', &lang.decimal_separator().to_string())
}

/// A `YYYY-MM-DD` date in the language's numeric short form (ISO in English and Swedish);
/// anything else as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts[..] else { return iso.to_string() };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !iso.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return iso.to_string();
    }
    match lang {
        Lang::En | Lang::Sv => iso.to_string(),
        Lang::Nl => format!("{d}-{m}-{y}"),
        Lang::Fr => format!("{d}/{m}/{y}"),
        Lang::De => format!("{d}.{m}.{y}"),
    }
}

/// A `YYYY-MM` month in the language's numeric form; anything else as it is.
pub fn month(lang: Lang, iso: &str) -> String {
    match iso.split_once('-') {
        Some((y, m)) if y.len() == 4 && m.len() == 2 && iso.chars().all(|c| c.is_ascii_digit() || c == '-') => {
            match lang {
                Lang::En | Lang::Sv => iso.to_string(),
                Lang::Nl => format!("{m}-{y}"),
                Lang::Fr => format!("{m}/{y}"),
                Lang::De => format!("{m}.{y}"),
            }
        }
        _ => iso.to_string(),
    }
}

/// A value for a message's variable: text, or a number (which chooses plural forms).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // No bidi isolation marks around placeables: every language here is left to right,
    // and the marks would end up in copied text and in tests.
    bundle.set_use_isolating(false);
    for &source in sources(lang) {
        // A catalog that does not parse keeps what did parse; the catalog test fails on it.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        // Duplicate ids keep the first; the catalog test fails on them too.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

thread_local! {
    static BUNDLES: [FluentBundle<FluentResource>; 5] = Lang::ALL.map(bundle);
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The message `key` in `lang` with its variables; English when the language lacks it, the key when no
/// catalog has it.
pub fn t(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    BUNDLES.with(|bundles| {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Text(s) => fa.set(*name, FluentValue::from(s.to_string())),
                    Arg::Number(n) => fa.set(*name, FluentValue::from(*n)),
                }
            }
            fa
        });
        for l in [lang, Lang::En] {
            let bundle = &bundles[index(l)];
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors).into_owned();
            }
        }
        key.to_string()
    })
}

/// Whether the English catalog has the message `key` (every language has the same keys).
pub fn has(key: &str) -> bool {
    BUNDLES.with(|bundles| bundles[index(Lang::En)].has_message(key))
}

/// The message `key` in `lang`, which has no variables.
pub fn tt(lang: Lang, key: &str) -> String {
    t(lang, key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bcp47_tags() {
        assert_eq!(Lang::parse("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("de"), Some(Lang::De));
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("sv_SE"), Some(Lang::Sv));
        assert_eq!(Lang::parse("EN-us"), Some(Lang::En));
        assert_eq!(Lang::parse("it-IT"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::first_of(["it", "de-AT", "en"]), Some(Lang::De));
        assert_eq!("sv".parse::<Lang>(), Ok(Lang::Sv));
        assert!("xx".parse::<Lang>().is_err());
    }

    #[test]
    fn groups_digits_per_language() {
        assert_eq!(group(Lang::En, 1_234_567), "1 234 567");
        assert_eq!(group(Lang::Nl, 1268), "1.268");
        assert_eq!(group(Lang::De, 999), "999");
        assert_eq!(group(Lang::Sv, 1268), "1\u{a0}268");
        assert_eq!(group(Lang::Fr, 1268), "1\u{202f}268");
        assert_eq!(decimal(Lang::De, "84.5"), "84,5");
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(date(Lang::En, "2026-03-04"), "2026-03-04");
        assert_eq!(date(Lang::Nl, "2026-03-04"), "04-03-2026");
        assert_eq!(date(Lang::De, "2026-03-04"), "04.03.2026");
        assert_eq!(date(Lang::Fr, "2026-03-04"), "04/03/2026");
        assert_eq!(date(Lang::Sv, "2026-03-04"), "2026-03-04");
        assert_eq!(date(Lang::De, "-"), "-");
        assert_eq!(month(Lang::De, "2026-10"), "10.2026");
    }

    #[test]
    fn looks_up_with_variables_and_plurals() {
        assert_eq!(tt(Lang::En, "app-title"), "Active profiles");
        assert_eq!(tt(Lang::Nl, "app-title"), "Actieve profielen");
        assert_eq!(tt(Lang::De, "app-title"), "Aktive Profile");
        assert_eq!(t(Lang::En, "sources-logs", &[("n", 1u64.into()), ("size", "2 kB".into())]), "1 log file (2 kB)");
        assert_eq!(t(Lang::En, "sources-logs", &[("n", 2u64.into()), ("size", "2 kB".into())]), "2 log files (2 kB)");
        assert_eq!(tt(Lang::Fr, "no-such-key"), "no-such-key");
    }
}
