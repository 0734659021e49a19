//! Active-profile counting engine: bytes of delivery-log exports in, a report out.
//!
//! The engine is pure: no clock (the as-of date is an argument), no I/O beyond
//! the bytes it is pushed, no web dependency. It streams: a [`Counter`] takes
//! chunks of any size, and two counters [`Counter::merge`] into the state one
//! pass over both inputs would have produced.
//!
//! ```
//! use engine::{Counter, Options, ReportSettings};
//! let mut counter = Counter::new(Options::default());
//! let file = counter.begin_file("part1.csv", None);
//! counter.push(file, b"recipientId,eventDate\n1,2026-01-05\n2,2026-02-01\n");
//! counter.end_file(file);
//! let report = counter.report(&ReportSettings::default());
//! assert_eq!(report.total_active, 2);
//! ```

pub mod generate;
pub mod options;
pub mod report;

mod counter;

pub use counter::{Counter, FileId};
pub use options::{BillingDay, Options, ReportSettings};
pub use report::Report;
