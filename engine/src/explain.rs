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
    /// `counted`, `excluded: <reason>` or `rejected: <reason>`.
    pub outcome: String,
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
