//! The engine's texts as data: a message id and its arguments, so that a viewer or the command line can say them in its language.
//!
//! The report keeps its English sentences (`rejected[].reason`, `warnings`,
//! as `report-format.md` shows them); beside each, the engine puts the same
//! text as a [`Message`] (`rejected[].message`, `warning_messages`). The
//! catalogs have one message per id (`locales/<lang>/engine.ftl`, key
//! `engine-<id>`), with the arguments as variables. `Display` is the English
//! of the report, so `message.to_string()` is the reason or warning written in
//! the JSON.
//!
//! ```
//! use engine::message::{Arg, Message};
//! let m = Message::new("rejected-bad-date").with("value", Arg::Text("31/02/2026".into()));
//! assert_eq!(m.to_string(), "event date '31/02/2026' is not a date");
//! let json = serde_json::to_string(&m).unwrap();
//! assert_eq!(json, r#"{"id":"rejected-bad-date","args":{"value":{"text":"31/02/2026"}}}"#);
//! ```
//!
//! A reader that does not know an id, or an argument's kind, keeps the
//! English text: [`lenient`] reads such a message as `None` instead of failing
//! the whole report.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// One text of the engine: what it says (`id`) and about what (`args`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Message {
    /// The message, e.g. `rejected-bad-date`; the catalogs' key is `engine-<id>`.
    pub id: String,
    /// Its arguments by name.
    pub args: BTreeMap<String, Arg>,
}

/// An argument of a [`Message`], by what it is (which says how to show it in another language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Shown as written: a file name, a value of a file, a header.
    Text(String),
    /// A count or a limit, grouped the language's way.
    Number(u64),
    /// A line number, shown without grouping (as in the report's `line`).
    Line(u64),
    /// A `YYYY-MM-DD` date.
    Date(String),
    /// A field of the engine (`event date`, `profile key or address`), in the language's words.
    Field(String),
    /// Fields, each in the language's words.
    Fields(Vec<String>),
    /// Texts shown as written, one after the other (headers).
    List(Vec<String>),
    /// Another message, said first (the reason of a header that cannot be read).
    Message(Box<Message>),
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &str) -> Message {
        Message { id: id.to_string(), args: BTreeMap::new() }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &str, arg: Arg) -> Message {
        self.args.insert(name.to_string(), arg);
        self
    }

    /// The message with a `file` argument (the file it is about).
    pub fn file(self, file: &str) -> Message {
        self.with("file", Arg::Text(file.to_string()))
    }

    fn text(&self, name: &str) -> String {
        self.args.get(name).map(|a| a.to_string()).unwrap_or_default()
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) | Arg::Date(s) | Arg::Field(s) => f.write_str(s),
            Arg::Number(n) | Arg::Line(n) => write!(f, "{n}"),
            Arg::Fields(v) | Arg::List(v) => f.write_str(&v.join(", ")),
            Arg::Message(m) => write!(f, "{m}"),
        }
    }
}

/// The English of the report: exactly the text the engine has always written.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = |name: &str| self.text(name);
        let file = a("file");
        match self.id.as_str() {
            // Rejected rows.
            "rejected-no-key" => f.write_str("no profile key and no address"),
            "rejected-no-date" => f.write_str("no event date"),
            "rejected-bad-date" => write!(f, "event date '{}' is not a date", a("value")),
            "rejected-bad-date-hidden" => f.write_str("event date (value not shown) is not a date"),
            "rejected-not-a-date" => f.write_str("event date is not a date"),
            "rejected-too-long" => f.write_str("row longer than 1 MiB"),
            "rejected-too-long-lines" => {
                write!(f, "row longer than 1 MiB (lines {} to {}: a quote that is never closed?)", a("from"), a("to"))
            }
            "rejected-too-many-fields" => write!(f, "more than 10 000 fields ({})", a("fields")),
            "rejected-unclosed" => {
                write!(f, "a quote is never closed: the rest of the file (line {}) is one field", a("line"))
            }
            "rejected-unclosed-lines" => write!(
                f,
                "a quote is never closed: the rest of the file (lines {} to {}) is one field",
                a("from"),
                a("to")
            ),
            "rejected-rows" => {
                let rows = a("rows");
                write!(f, "{} ({rows} row{})", a("reason"), if rows == "1" { "" } else { "s" })
            }
            // Warnings.
            "warning-empty-file" => write!(f, "{file}: empty file"),
            "warning-no-rows" => write!(f, "{file}: no rows after the header"),
            "warning-day-first" => write!(f, "{file}: no date tells day and month apart; read as day first"),
            "warning-month-first" => write!(f, "{file}: no date tells day and month apart; read as month first"),
            "warning-utf16-bom" => {
                write!(f, "{file}: starts with a UTF-16 byte-order mark but is not UTF-16; read as UTF-8")
            }
            "warning-utf8-bom" => {
                write!(f, "{file}: starts with a UTF-8 byte-order mark but is not UTF-8; read as Windows-1252")
            }
            "warning-mixed-encoding" => {
                write!(f, "{file}: not valid UTF-8 throughout; the rest was read as Windows-1252")
            }
            "warning-long-range" => write!(
                f,
                "the data range {} to {} is too long for monthly snapshots: check the event dates",
                a("from"),
                a("to")
            ),
            "warning-aggregate" => write!(
                f,
                "{file}: counted by {} from the SQL of active-profiles; rejected rows are listed by reason, \
                 without line numbers",
                a("dialect")
            ),
            "warning-not-counted" => write!(f, "{}; this file was not counted", a("error")),
            // Files that cannot be read (FileError).
            "error-missing-fields" => {
                write!(f, "{file}: no column found for {} (headers: {})", a("fields"), a("headers"))
            }
            "error-mapped-header-missing" => write!(
                f,
                "{file}: the {} is mapped to '{}', which is not a header (headers: {})",
                a("field"),
                a("header"),
                a("headers")
            ),
            "error-bad-header" => write!(f, "{file}, line 1 (the header): {}", a("reason")),
            "error-too-many-profiles" => write!(
                f,
                "{file}, line {}: more than {} distinct profiles, the most this counter takes; \
                 the rows before this line are counted; count the files in smaller sets (per instance or per year)",
                a("line"),
                a("limit")
            ),
            "error-unknown-file" => f.write_str("unknown or already ended file"),
            // Files that are not CSV text (crate::workbook).
            "error-not-csv" => {
                write!(f, "{file} looks like {}, not a CSV export", looks_english(&a("looks")))
            }
            "error-workbook" => write!(f, "{file}: could not be read as a workbook ({})", a("error")),
            "error-workbook-too-large" => write!(
                f,
                "{file}: a workbook of {} MB is more than the {} MB that are read at once; save its sheets as CSV",
                a("size"),
                a("limit")
            ),
            "warning-empty-sheet" => write!(f, "{file}: empty sheet, skipped"),
            "rejected-other" | "warning-other" | "error-other" => f.write_str(&a("text")),
            // Options that cannot be used (the command line's --map, --deliveries-map, --status).
            "option-unknown-field" => write!(f, "unknown field '{}'; fields: {}", a("field"), a("fields")),
            "option-unknown-deliveries-field" => write!(f, "unknown deliveries field '{}'", a("field")),
            "option-unknown-failure-reason" => write!(f, "unknown failure reason '{}': give its number", a("value")),
            "option-rule-syntax" => write!(f, "rule '{}': expected VALUE=counted|excluded", a("rule")),
            "option-rule-verdict" => {
                write!(f, "rule '{}': '{}' is neither counted nor excluded", a("rule"), a("verdict"))
            }
            "option-rule-kind" => write!(f, "rule '{}': unknown kind '{}' (status or reason)", a("rule"), a("kind")),
            // Explaining a profile.
            "outcome-counted" => f.write_str("counted"),
            "outcome-excluded" => write!(f, "excluded: {}", a("reason")),
            "outcome-rejected" => write!(f, "rejected: {}", a("reason")),
            "outcome-after-as-of" => f.write_str("after the as-of date: not in this report"),
            // Journey Optimizer profile records that are rejected (crate::aep::record, crate::aep::read).
            "record-bad-json" => write!(f, "not JSON ({})", a("detail")),
            "record-too-deep" => write!(f, "nested deeper than {} levels", a("depth")),
            "record-too-long" => f.write_str("record longer than 16 MiB"),
            "record-empty-element" => f.write_str("an empty element of the array (two commas?)"),
            "record-not-object" => f.write_str("not a JSON object"),
            "record-no-identity-map" => f.write_str("no identityMap"),
            "record-identity-map-not-object" => f.write_str("identityMap is not an object"),
            "record-empty-identity-map" => f.write_str("empty identityMap"),
            "record-too-many-identities" => write!(f, "more than 20 identities ({})", a("count")),
            "record-ids-not-list" => write!(f, "the identities of {} are not a list", a("namespace")),
            "record-id-missing" => write!(f, "an identity of {} has no id", a("namespace")),
            "record-id-not-string" => write!(f, "an id of {} is not a string", a("namespace")),
            "record-id-empty" => write!(f, "an id of {} is empty", a("namespace")),
            "record-id-too-long" => {
                write!(f, "an id of {} is longer than 1024 characters ({})", a("namespace"), a("length"))
            }
            "record-bad-ecid" => f.write_str("an ECID that is not 38 digits"),
            // Journey Optimizer files that stop being read (crate::aep::ReadError; the place is said apart).
            "aep-file-error" => write!(f, "{file}: {}", a("reason")),
            "aep-file-line-error" => write!(f, "{file}, line {}: {}", a("line"), a("reason")),
            "aep-gzip-bomb" => write!(
                f,
                "more than {} times larger uncompressed than compressed ({} MiB so far): a gzip bomb? \
                 The rest of the file is not read",
                a("ratio"),
                a("size")
            ),
            "aep-gzip-truncated" => f.write_str("the gzip stream ends early: the file is truncated"),
            "aep-gzip-corrupt" => write!(f, "not a valid gzip stream ({})", a("error")),
            "aep-unclosed-array" => f.write_str("the JSON array is never closed: the file ends inside it"),
            "aep-after-array" => f.write_str("text after the end of the JSON array"),
            "aep-parquet-unreadable" => write!(f, "not a readable Parquet file ({})", a("error")),
            "aep-parquet-bad-row" => {
                write!(f, "a Parquet page cannot be read ({}); the rows before are counted", a("error"))
            }
            "aep-parquet-no-columns" => write!(f, "no column {} in this Parquet file", a("columns")),
            // Engagement events.
            "event-no-profile" => f.write_str("no profile"),
            "event-no-time" => f.write_str("no time"),
            "event-bad-time" => write!(f, "time '{}' is not a date", a("value")),
            "event-not-a-time" => f.write_str("time is not a date"),
            "event-missing-fields" => write!(f, "no column found for {} (headers: {})", a("fields"), a("headers")),
            "event-mapped-header-missing" => write!(
                f,
                "the {} is mapped to '{}', which is not a header (headers: {})",
                a("field"),
                a("header"),
                a("headers")
            ),
            other => {
                f.write_str(other)?;
                for (name, arg) in &self.args {
                    write!(f, " {name}={arg}")?;
                }
                Ok(())
            }
        }
    }
}

/// The ids [`Message`]'s `Display` knows, for tests that every one has catalog words.
pub const IDS: [&str; 74] = [
    "rejected-no-key",
    "rejected-no-date",
    "rejected-bad-date",
    "rejected-bad-date-hidden",
    "rejected-not-a-date",
    "rejected-too-long",
    "rejected-too-long-lines",
    "rejected-too-many-fields",
    "rejected-unclosed",
    "rejected-unclosed-lines",
    "rejected-rows",
    "warning-empty-file",
    "warning-no-rows",
    "warning-day-first",
    "warning-month-first",
    "warning-utf16-bom",
    "warning-utf8-bom",
    "warning-mixed-encoding",
    "warning-long-range",
    "warning-aggregate",
    "warning-not-counted",
    "error-missing-fields",
    "error-mapped-header-missing",
    "error-bad-header",
    "error-too-many-profiles",
    "error-unknown-file",
    "error-not-csv",
    "error-workbook",
    "error-workbook-too-large",
    "warning-empty-sheet",
    "outcome-counted",
    "outcome-excluded",
    "outcome-rejected",
    "outcome-after-as-of",
    "option-unknown-field",
    "option-unknown-deliveries-field",
    "option-unknown-failure-reason",
    "option-rule-syntax",
    "option-rule-verdict",
    "option-rule-kind",
    "record-bad-json",
    "record-too-deep",
    "record-too-long",
    "record-empty-element",
    "record-not-object",
    "record-no-identity-map",
    "record-identity-map-not-object",
    "record-empty-identity-map",
    "record-too-many-identities",
    "record-ids-not-list",
    "record-id-missing",
    "record-id-not-string",
    "record-id-empty",
    "record-id-too-long",
    "record-bad-ecid",
    "aep-file-error",
    "aep-file-line-error",
    "aep-gzip-bomb",
    "aep-gzip-truncated",
    "aep-gzip-corrupt",
    "aep-unclosed-array",
    "aep-after-array",
    "aep-parquet-unreadable",
    "aep-parquet-bad-row",
    "aep-parquet-no-columns",
    "event-no-profile",
    "event-no-time",
    "event-bad-time",
    "event-not-a-time",
    "event-missing-fields",
    "event-mapped-header-missing",
    // A text said as it is written: an aggregate's reason this engine does not write, an option's error.
    "rejected-other",
    "warning-other",
    "error-other",
];

/// The rejection reason that an aggregate names in English, as a message (`rejected-other` with the text
/// for one this engine does not write).
pub fn rejection_of(reason: &str) -> Message {
    match reason.trim() {
        "no profile key and no address" => Message::new("rejected-no-key"),
        "no event date" => Message::new("rejected-no-date"),
        "event date is not a date" => Message::new("rejected-not-a-date"),
        other => Message::new("rejected-other").with("text", Arg::Text(other.to_string())),
    }
}

/// Reads an optional message, and reads one this version cannot understand (an unknown kind of
/// argument, say, from a newer report) as `None`, so that the English text is shown instead.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Message>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

/// Reads a list of messages; one that cannot be understood, or the list itself, reads as empty.
pub fn lenient_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Message>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// What a file that is not CSV text looks like, in English (`a PDF document`), by the id of
/// [`Looks::id`](crate::workbook::Looks::id).
fn looks_english(id: &str) -> &'static str {
    match id {
        "pdf" => "a PDF document",
        "png" => "a PNG image",
        "jpeg" => "a JPEG image",
        "gif" => "a GIF image",
        "gzip" => "a gzip archive",
        "zip" => "a zip archive",
        _ => "a binary file",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Counter, Options, ReportSettings};

    #[test]
    fn every_reason_and_warning_of_a_report_has_its_message() {
        let mut c = Counter::new(Options::default());
        let f = c.begin_file("part1.csv", None);
        c.push(f, b"recipientId,eventDate\n,2026-01-05\na,31/02/2026\nb,\nc,03/04/2026\n").unwrap();
        c.end_file(f).unwrap();
        let e = c.begin_file("empty.csv", None);
        c.end_file(e).unwrap();
        let r = c.report(&ReportSettings::default());
        let reasons: Vec<&str> = r.rejected.iter().map(|x| x.reason.as_str()).collect();
        assert_eq!(
            reasons,
            ["no profile key and no address", "event date '31/02/2026' is not a date", "no event date"]
        );
        for x in &r.rejected {
            assert_eq!(x.message.as_ref().map(|m| m.to_string()).as_deref(), Some(x.reason.as_str()));
        }
        assert_eq!(
            r.warnings,
            ["empty.csv: empty file", "part1.csv: no date tells day and month apart; read as day first"]
        );
        let said: Vec<String> = r.warning_messages.iter().map(|m| m.to_string()).collect();
        assert_eq!(said, r.warnings);
        assert_eq!(r.warning_messages[1].id, "warning-day-first");
    }

    #[test]
    fn a_message_that_cannot_be_read_is_none_and_an_old_report_has_none() {
        let newer = r#"{"file":"a.csv","line":2,"reason":"r","message":{"id":"x","args":{"n":{"colour":1}}}}"#;
        let row: crate::report::RejectedRow = serde_json::from_str(newer).unwrap();
        assert_eq!((row.reason.as_str(), row.message), ("r", None));
        let old: crate::Report =
            serde_json::from_str(r#"{"rejected":[{"file":"a","line":2,"reason":"r"}],"warnings":["w"]}"#).unwrap();
        assert_eq!(old.rejected[0].message, None);
        assert!(old.warning_messages.is_empty());
    }

    #[test]
    fn file_errors_say_their_message() {
        let e = crate::FileError::BadHeader {
            file: "w.csv".into(),
            reason: Message::new("rejected-too-many-fields").with("fields", Arg::Number(10001)),
        };
        assert_eq!(e.to_string(), "w.csv, line 1 (the header): more than 10 000 fields (10001)");
        assert_eq!(e.message().id, "error-bad-header");
    }
}
