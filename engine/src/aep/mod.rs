//! Journey Optimizer profiles: AEP profile records in, the identity graph stitched, the Profiles dashboard's figures out.
//!
//! Adobe Experience Platform keeps a person as a *Real-Time Customer
//! Profile*: records from many datasets, each with an `identityMap`, joined
//! by an identity graph. This module computes the *Profiles* dashboard of
//! `journey-optimizer.md` (sections 1, 2 and 4) exactly, from files an admin
//! can export, with the same shape as the Campaign path: bytes are pushed in
//! chunks, partial states merge, and the report is a pure function of the
//! state and its settings.
//!
//! The pipeline, stage by stage:
//!
//! - [`sniff`]: what a file is, from its first bytes (JSON, gzip, Parquet, CSV).
//! - [`read`]: bytes (JSON lines or a JSON array, gzip-compressed or not) to
//!   JSON documents with their line, bounded whatever the bytes;
//!   `parquet` (feature `parquet`) does the same for Parquet rows, over any
//!   ranged reader (a file natively, `Blob.slice` in the viewer's worker).
//! - [`record`]: one JSON document to a [`Record`](record::Record) (its
//!   identities and audiences), or the reason it is rejected (section 1).
//! - [`counter`]: the [`ProfileCounter`]: files (or byte ranges of a JSON-lines
//!   file, `begin_part`/`merge_parts`) in, merge, [`ProfilesReport`] out, and
//!   *Explain an identity*.
//! - [`lines`]: a JSON-lines file cut into byte ranges ([`LinesPart`](lines::LinesPart)) and the
//!   ranges fitted back together with the file's line numbers; shared with the engageable-profiles
//!   counter ([`crate::engage::EventCounter::begin_part`]).
//! - [`graph`]: the state: identities interned once, a union-find per
//!   snapshot, each record kept compactly (file, line, identity and audience
//!   indices), so that every figure and explanation is a function of it.
//! - [`figures`]: every figure of section 2, and *Explain*, from that state.
//! - [`report`]: the `profiles/1` JSON of section 4.
//! - [`generate`]: a seeded AEP export, for the demo, the tests and the benchmark.

pub mod counter;
pub mod figures;
pub mod generate;
pub mod graph;
pub mod lines;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod read;
pub mod record;
pub mod report;
pub mod settings;
pub mod sniff;

pub use counter::ProfileCounter;
pub use report::{Explained, ProfilesReport};
pub use settings::{ProfileSettings, Stitching};
pub use sniff::{snapshot_of, sniff, InputKind};

use crate::message::Message;

/// A file that could not be read at all (the other files are still counted): which file, where, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    pub file: String,
    /// The line (JSON) or row (Parquet) where reading stopped, when there is one.
    pub line: Option<u64>,
    pub message: Message,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    /// When a CSV of events cannot be read for want of columns (no column found for a field, or
    /// a mapped header the file does not have): the fields without a column, and the file's
    /// headers, for a mapping step. `None` for any other error.
    pub fn missing_columns(&self) -> Option<(Vec<String>, Vec<String>)> {
        use crate::message::Arg;
        let list = |name: &str| match self.message.args.get(name) {
            Some(Arg::List(items)) => Some(items.clone()),
            _ => None,
        };
        match self.message.id.as_str() {
            "event-missing-fields" => Some((list("fields")?, list("headers")?)),
            "event-mapped-header-missing" => match self.message.args.get("field") {
                Some(Arg::Text(field)) => Some((vec![field.clone()], list("headers")?)),
                _ => None,
            },
            _ => None,
        }
    }
}
