//! Explaining one profile: the rows of the logs that concern a given key or address, and what became of each.
//!
//! The viewer's "explain a profile" pushes the same bytes again through an
//! [`Explain`], which reads them exactly as a [`Counter`] does and keeps the
//! rows whose profile key or address equals the query (exactly, letter case
//! included): their date, delivery, channel and whether they were counted,
//! excluded (and why) or rejected.
//!
//! ```
//! let mut explain = engine::explain(engine::Options::default(), "ann@x.com");
//! let file = explain.begin_file("log.csv", None);
//! explain.push(file, b"email,eventDate,status\nann@x.com,2026-01-05,Sent\nbob@x.com,2026-01-05,Sent\nann@x.com,2026-02-01,Ignored\n")?;
//! explain.end_file(file)?;
//! let rows = explain.rows();
//! assert_eq!(rows.len(), 2);
//! assert_eq!((rows[0].line, rows[0].outcome.as_str()), (2, "counted"));
//! assert_eq!(rows[1].outcome, "excluded: status");
//! # Ok::<(), engine::FileError>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::{Counter, Deliveries, FileError, FileId, Options};

/// One log row of the explained profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplainedRow {
    pub file: String,
    /// Physical line on which the row starts (the header is line 1).
    pub line: u64,
    /// The event date as read (`YYYY-MM-DD` in the report's zone); `None` when it could not be read.
    pub date: Option<String>,
    /// The event date as written in the file.
    pub date_as_written: String,
    pub delivery: Option<String>,
    pub channel: String,
    /// Instance and target dimension the row counts under (counted rows only).
    pub instance: String,
    pub dimension: String,
    /// `counted`, `excluded: <reason>` or `rejected: <reason>`; in [`rows_on`]'s answer also
    /// `after the as-of date: not in this report` for a counted row dated after the report's as-of date.
    pub outcome: String,
    /// The `outcome` as a message, to say it in another language.
    #[serde(deserialize_with = "crate::message::lenient")]
    pub message: Option<Message>,
}

/// A scanner for one profile's rows; see the module documentation.
pub struct Explain {
    counter: Counter,
}

/// Starts explaining the profile whose key or address is `query`.
pub fn explain(options: Options, query: &str) -> Explain {
    let mut counter = Counter::new(options);
    counter.set_probe(query);
    Explain { counter }
}

impl Explain {
    /// Joins rows to a deliveries table, as [`Counter::set_deliveries`].
    pub fn set_deliveries(&mut self, deliveries: Deliveries) {
        self.counter.set_deliveries(deliveries);
    }

    /// Starts a file, as [`Counter::begin_file`].
    pub fn begin_file(&mut self, name: &str, instance: Option<&str>) -> FileId {
        self.counter.begin_file(name, instance)
    }

    /// Pushes a chunk, as [`Counter::push`].
    pub fn push(&mut self, file: FileId, chunk: &[u8]) -> Result<(), FileError> {
        self.counter.push(file, chunk)
    }

    /// Ends a file, as [`Counter::end_file`].
    pub fn end_file(&mut self, file: FileId) -> Result<(), FileError> {
        self.counter.end_file(file)
    }

    /// The profile's rows found so far, in the order read.
    pub fn rows(&self) -> &[ExplainedRow] {
        self.counter.probe_rows()
    }
}

impl Explain {
    /// The profile's rows as a report on `as_of` sees them (see [`rows_on`]).
    pub fn rows_on(&self, as_of: Option<chrono::NaiveDate>) -> Vec<ExplainedRow> {
        rows_on(self.rows(), as_of)
    }
}

/// Explained rows as a report on `as_of` sees them: in date order, then file and line (rows
/// without a readable date last, in file and line order), and a counted row dated after `as_of`
/// said as `after the as-of date: not in this report` (message `outcome-after-as-of`), with no
/// instance or dimension, since that report does not count it. Excluded and rejected rows keep their outcome.
pub fn rows_on(rows: &[ExplainedRow], as_of: Option<chrono::NaiveDate>) -> Vec<ExplainedRow> {
    let mut out = rows.to_vec();
    out.sort_by(|a, b| (a.date.is_none(), &a.date, &a.file, a.line).cmp(&(b.date.is_none(), &b.date, &b.file, b.line)));
    if let Some(as_of) = as_of {
        let as_of = as_of.to_string();
        for row in out.iter_mut().filter(|r| r.outcome == "counted") {
            if row.date.as_deref().is_some_and(|d| d > as_of.as_str()) {
                let message = Message::new("outcome-after-as-of");
                row.outcome = message.to_string();
                row.message = Some(message);
                // Counted rows only have a place to count under; this one does not count on `as_of`.
                row.instance.clear();
                row.dimension.clear();
            }
        }
    }
    out
}

/// Where the explained profile stands on a date, in one instance and target dimension.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub instance: String,
    pub dimension: String,
    /// Its latest counted event on or before the date (`YYYY-MM-DD`).
    pub last_counted: Option<String>,
    /// Active on the date by the 12-month rule.
    pub active: bool,
    /// The first day after the date on which it is no longer active, if nothing more is sent (active profiles only).
    pub leaves: Option<String>,
}

impl Explain {
    /// Where the profile stands on `as_of`: one entry per instance and
    /// target dimension in which a row of it was counted.
    pub fn standing(&self, as_of: chrono::NaiveDate) -> Vec<Standing> {
        standing(self.rows(), as_of)
    }
}

/// The standing of explained rows on `as_of` (see [`Explain::standing`]).
pub fn standing(rows: &[ExplainedRow], as_of: chrono::NaiveDate) -> Vec<Standing> {
    use crate::date::{from_date, leave_day, minus_year, to_date};
    let as_of = from_date(as_of);
    let mut latest: std::collections::BTreeMap<(&str, &str), Option<crate::date::Day>> = Default::default();
    for row in rows.iter().filter(|r| r.outcome == "counted") {
        let day = row.date.as_deref().and_then(|d| d.parse().ok()).map(from_date).filter(|d| *d <= as_of);
        let entry = latest.entry((row.instance.as_str(), row.dimension.as_str())).or_default();
        *entry = (*entry).max(day);
    }
    latest
        .into_iter()
        .map(|((instance, dimension), last)| {
            let active = last.is_some_and(|e| minus_year(as_of) < e);
            Standing {
                instance: instance.to_owned(),
                dimension: dimension.to_owned(),
                last_counted: last.map(|e| to_date(e).to_string()),
                active,
                leaves: last.filter(|_| active).map(|e| to_date(leave_day(e)).to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(date: &str) -> ExplainedRow {
        ExplainedRow {
            date: Some(date.into()),
            instance: "default".into(),
            dimension: "Recipients".into(),
            outcome: "counted".into(),
            ..Default::default()
        }
    }

    #[test]
    fn standing_uses_the_latest_counted_event_up_to_the_date() {
        let rows = [counted("2025-03-01"), counted("2026-02-28"), counted("2026-12-01")];
        let s = standing(&rows, "2026-10-24".parse().unwrap());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].last_counted.as_deref(), Some("2026-02-28"));
        assert!(s[0].active);
        assert_eq!(s[0].leaves.as_deref(), Some("2027-02-28"), "exactly 12 months after its last event it is out");
    }

    #[test]
    fn standing_after_twelve_months_is_not_active() {
        let rows =
            [counted("2025-10-24"), ExplainedRow { outcome: "excluded: status".into(), ..counted("2026-10-01") }];
        let s = standing(&rows, "2026-10-24".parse().unwrap());
        assert!(!s[0].active, "an event exactly 12 months before is out; excluded rows do not count");
        assert_eq!(s[0].leaves, None);
    }
}
