//! The engine's texts (rejection reasons, warnings, file errors, explain outcomes) in the chosen language.
//!
//! The engine writes each such text in English and, beside it, as an
//! [`engine::Message`] (an id and arguments). [`say`] shows the message in
//! the language from the catalogs (`engine-<id>` in `locales/<lang>/engine.ftl`),
//! and the English text as it is when there is no message (a report written
//! by an older version) or its id is unknown here (a newer one). English is
//! always the report's own text.

use engine::message::{Arg as Said, Message};
use i18n::{Arg, Lang};

use crate::format::fmt_count;
use crate::locale::{field_name, tr};

/// `english` in `lang`: said from `message` when there is one the catalogs know, else `english` as it is.
pub fn say(lang: Lang, message: Option<&Message>, english: &str) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    message.and_then(|m| say_with(lang, m, &|n| fmt_count(lang, n))).unwrap_or_else(|| english.to_string())
}

/// `message` in `lang`, counts formatted by `count`; `None` when the catalogs have no words for its id.
///
/// Line numbers are shown as they are, dates in the language's numeric form,
/// fields in the language's words; a message inside another is said first
/// (in English when its id is unknown).
pub fn say_with(lang: Lang, message: &Message, count: &dyn Fn(u64) -> String) -> Option<String> {
    let key = format!("engine-{}", message.id);
    if !i18n::has(&key) {
        return None;
    }
    let mut args: Vec<(String, Arg<'static>)> = Vec::with_capacity(message.args.len() + 1);
    for (name, arg) in &message.args {
        let text = match arg {
            Said::Text(s) => s.clone(),
            Said::Number(n) => {
                args.push((format!("{name}-count"), Arg::Number(*n as f64)));
                count(*n)
            }
            Said::Line(n) => n.to_string(),
            Said::Date(d) => i18n::date(lang, d),
            Said::Field(f) => field_words(lang, f),
            Said::Fields(fields) => fields.iter().map(|f| field_words(lang, f)).collect::<Vec<_>>().join(", "),
            Said::List(items) => items.join(", "),
            Said::Message(m) => say_with(lang, m, count).unwrap_or_else(|| m.to_string()),
        };
        args.push((name.clone(), Arg::from(text)));
    }
    let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
    Some(i18n::t(lang, &key, &args))
}

/// A field of the engine in `lang`, also an alternative such as `profile key or address`.
pub fn field_words(lang: Lang, name: &str) -> String {
    let or = format!(" {} ", tr(lang, "problem-or"));
    name.split(" or ").map(|f| field_name(lang, f)).collect::<Vec<_>>().join(&or)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::message::IDS;

    fn sample(id: &str) -> Message {
        let m = Message::new(id).file("part1.csv");
        let inner = Message::new("rejected-too-many-fields").with("fields", Said::Number(10001));
        match id {
            "rejected-bad-date" => m.with("value", Said::Text("31/02/2026".into())),
            "rejected-too-long-lines" | "rejected-unclosed-lines" => {
                m.with("from", Said::Line(12)).with("to", Said::Line(40))
            }
            "rejected-too-many-fields" => m.with("fields", Said::Number(10001)),
            "rejected-unclosed" => m.with("line", Said::Line(7)),
            "rejected-rows" => m.with("reason", Said::Message(Box::new(Message::new("rejected-no-date")))),
            "warning-long-range" => {
                m.with("from", Said::Date("2001-01-01".into())).with("to", Said::Date("2026-10-24".into()))
            }
            "warning-aggregate" => m.with("dialect", Said::Text("DuckDB".into())),
            "warning-not-counted" | "error-bad-header" => {
                m.with("error", Said::Message(Box::new(inner.clone()))).with("reason", Said::Message(Box::new(inner)))
            }
            "error-missing-fields" => m
                .with("fields", Said::Fields(vec!["event date".into(), "profile key or address".into()]))
                .with("headers", Said::List(vec!["who".into(), "when".into()])),
            "error-mapped-header-missing" => m
                .with("field", Said::Field("event date".into()))
                .with("header", Said::Text("Sent on".into()))
                .with("headers", Said::List(vec!["who".into()])),
            "error-too-many-profiles" => m.with("line", Said::Line(99)).with("limit", Said::Number(1000)),
            "error-not-csv" => m.with("looks", Said::Text("pdf".into())),
            "error-workbook" => m.with("error", Said::Text("invalid Zip archive".into())),
            "error-workbook-too-large" => m.with("size", Said::Number(300)).with("limit", Said::Number(200)),
            "outcome-excluded" | "outcome-rejected" => m.with("reason", Said::Text("status".into())),
            "option-unknown-field" => m
                .with("field", Said::Text("datum".into()))
                .with("fields", Said::List(vec!["profile key".into(), "event date".into()])),
            "option-unknown-deliveries-field" => m.with("field", Said::Text("x".into())),
            "option-unknown-failure-reason" => m.with("value", Said::Text("Odd".into())),
            "option-rule-syntax" | "option-rule-verdict" | "option-rule-kind" => m
                .with("rule", Said::Text("x:Declined=maybe".into()))
                .with("verdict", Said::Text("maybe".into()))
                .with("kind", Said::Text("x".into())),
            "record-bad-json" => m.with("detail", Said::Text("EOF while parsing at line 1 column 9".into())),
            "record-too-deep" => m.with("depth", Said::Number(128)),
            "record-too-many-identities" => m.with("count", Said::Number(23)),
            "record-ids-not-list" | "record-id-missing" | "record-id-not-string" | "record-id-empty" => {
                m.with("namespace", Said::Text("Email".into()))
            }
            "record-id-too-long" => m.with("namespace", Said::Text("CRMID".into())).with("length", Said::Number(1025)),
            "aep-file-error" | "aep-file-line-error" => m
                .with("line", Said::Line(3))
                .with("reason", Said::Message(Box::new(Message::new("aep-gzip-truncated")))),
            "aep-gzip-bomb" => m.with("ratio", Said::Number(200)).with("size", Said::Number(64)),
            "aep-gzip-corrupt" | "aep-parquet-unreadable" | "aep-parquet-bad-row" => {
                m.with("error", Said::Text("invalid header".into()))
            }
            "aep-parquet-no-columns" => m.with("columns", Said::List(vec!["identityMap".into()])),
            "event-bad-time" => m.with("value", Said::Text("yesterday".into())),
            "event-missing-fields" => m
                .with("fields", Said::List(vec!["time".into(), "profile".into()]))
                .with("headers", Said::List(vec!["who".into(), "when".into()])),
            "event-mapped-header-missing" => m
                .with("field", Said::Text("time".into()))
                .with("header", Said::Text("When".into()))
                .with("headers", Said::List(vec!["who".into()])),
            id if id.ends_with("-other") => m.with("text", Said::Text("as written".into())),
            _ => m,
        }
    }

    #[test]
    fn the_english_catalog_says_exactly_what_the_engine_writes() {
        for id in IDS {
            for rows in [1, 2] {
                let m = match id {
                    "rejected-rows" => sample(id).with("rows", Said::Number(rows)),
                    _ => sample(id),
                };
                assert_eq!(say_with(Lang::En, &m, &|n| n.to_string()), Some(m.to_string()), "{id}");
            }
        }
    }

    #[test]
    fn every_language_has_words_for_every_engine_message() {
        for lang in Lang::ALL {
            for id in IDS {
                assert!(i18n::has(&format!("engine-{id}")), "{lang}: engine-{id}");
                let said = say_with(lang, &sample(id), &|n| n.to_string()).unwrap_or_default();
                assert!(!said.is_empty() && !said.contains("engine-"), "{lang}: {id} gives {said:?}");
            }
        }
    }

    #[test]
    fn a_rejection_and_a_warning_in_dutch_and_english_without_a_message() {
        let m = sample("rejected-bad-date");
        assert_eq!(say(Lang::Nl, Some(&m), &m.to_string()), "gebeurtenisdatum '31/02/2026' is geen datum");
        let w = Message::new("warning-day-first").file("part1.csv");
        assert_eq!(
            say(Lang::Nl, Some(&w), &w.to_string()),
            "part1.csv: geen enkele datum onderscheidt dag en maand; gelezen als dag eerst"
        );
        // A report of an older version has no message: its English is shown.
        assert_eq!(say(Lang::Nl, None, "no event date"), "no event date");
        // A message a newer version made, with an id unknown here: its English too.
        assert_eq!(say(Lang::De, Some(&Message::new("rejected-from-the-future")), "later"), "later");
        // English is always the report's own text.
        assert_eq!(
            say(Lang::En, Some(&m), "event date '31/02/2026' is not a date"),
            "event date '31/02/2026' is not a date"
        );
        let missing = sample("error-missing-fields");
        assert_eq!(
            say_with(Lang::De, &missing, &|n| n.to_string()).as_deref(),
            Some("part1.csv: keine Spalte gefunden für Ereignisdatum, Profilschlüssel oder Adresse (Kopfzeilen: who, when)")
        );
        let rows = Message::new("rejected-rows")
            .with("reason", Said::Message(Box::new(Message::new("rejected-no-key"))))
            .with("rows", Said::Number(1234));
        assert_eq!(
            say(Lang::Sv, Some(&rows), "").replace(['\u{202f}', '\u{a0}'], " "),
            "ingen profilnyckel och ingen adress (1 234 rader)"
        );
    }
}
