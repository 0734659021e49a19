//! Journey Optimizer's engageable profiles: engagement events in, the licence metric out.
//!
//! Adobe licenses Journey Optimizer by *engageable profiles*: the profiles a
//! journey or campaign attempted to engage in the past 12 months, once per
//! sandbox (`journey-optimizer.md` sections 3 and 4). They follow the window
//! rule of Campaign's active profiles, so they are counted by the same
//! machinery: the events of every file become counted days of
//! `(sandbox, profile)` in an [`crate::activity`] store, whose runs give the
//! count on any day, the daily series and who leaves when.
//!
//! The pipeline, stage by stage:
//!
//! - bytes to documents: [`crate::aep::read`] (JSON lines, one JSON array,
//!   gzip), `crate::aep::parquet::parquet_docs` (Parquet rows), or the CSV
//!   reader of delivery logs (`csvread`) with the header names of section 3;
//! - [`event`]: one document to an event's time, profile, journey, sandbox
//!   and dry-run flag;
//! - [`columns`]: which CSV column each field is read from (the header names
//!   of section 3, or a mapping chosen by hand);
//! - [`counter`]: the [`EventCounter`]: events placed in the store, rejected
//!   ones kept with file and line, counters merged;
//! - [`figures`]: every figure of section 3 as of a date, stitched by a
//!   profile snapshot's identity graph when one is given;
//! - [`report`]: the `engageable/1` JSON;
//! - [`generate`]: a seeded export of step events, for the demo, the tests
//!   and the benchmark (`parquet` writes it as Parquet);
//! - [`aggregate`]: the same report from the small aggregate that the SQL of
//!   `active-profiles sql --report engageable` exports from a warehouse.
//!
//! ```
//! use engine::engage::{EngageSettings, EventCounter};
//!
//! let mut counter = EventCounter::default();
//! let f = counter.begin_file("steps.json", None);
//! counter.push(f, br#"{"timestamp":"2026-11-02T10:00:00Z","_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"p1","journeyVersionName":"Welcome"}}}}
//! {"timestamp":"2026-11-30T09:00:00Z","_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"p2","journeyVersionName":"Welcome"}}}}
//! {"timestamp":"yesterday","_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"p3"}}}}
//! "#)?;
//! counter.end_file(f)?;
//! let report = counter.report(&EngageSettings::default(), None);
//! assert_eq!(report.as_of.as_deref(), Some("2026-11-30"));
//! assert_eq!(report.engageable.total, 2);
//! assert_eq!(report.by_journey[0].profiles, 2);
//! assert_eq!(report.rejected[0].line, 3);
//! # Ok::<(), engine::aep::ReadError>(())
//! ```

pub mod aggregate;
pub mod columns;
pub mod counter;
pub mod event;
pub mod figures;
pub mod generate;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod report;

pub use counter::{EventCounter, EventField, EventOptions, FileSandboxes, Sandbox};
pub use event::SandboxType;
pub use figures::EngageSettings;
pub use report::EngageableReport;

use crate::aep::figures::StitchMap;

impl EventCounter {
    /// The report as of `settings`, a pure function of the state: a new as-of date or licensed
    /// number needs no re-read. With `stitch` (a profile snapshot's [`StitchMap`], see
    /// [`crate::aep::ProfileCounter::stitch_map`]) the events of the identities of one stitched
    /// profile count as that one profile.
    pub fn report(&self, settings: &EngageSettings, stitch: Option<&StitchMap>) -> EngageableReport {
        figures::report(self.state(), settings, &self.options().time_zone, stitch)
    }
}

/// The top-level columns an engagement event needs from a Parquet file.
#[cfg(feature = "parquet")]
pub const EVENT_COLUMNS: [&str; 5] = ["timestamp", "sandbox", "sandboxType", "identityMap", "_experience"];

#[cfg(feature = "parquet")]
impl EventCounter {
    /// Reads one Parquet file of engagement events (the columns of [`EVENT_COLUMNS`] it has), each
    /// row counted or rejected with its row number as its line. The file is in the report's files
    /// (format `Parquet`) even when it cannot be read; the error says why.
    pub fn read_parquet<R: ::parquet::file::reader::ChunkReader + 'static>(
        &mut self,
        name: &str,
        sandbox: Option<&Sandbox>,
        reader: R,
    ) -> Result<(), crate::aep::ReadError> {
        let file = self.begin_file(name, sandbox);
        let result = crate::aep::parquet::parquet_docs(name, reader, Some(&EVENT_COLUMNS), &mut self.sink(file));
        self.end_docs(file, "Parquet");
        result.map(|_| ())
    }
}
