//! The counted state of the active-profiles counter: the profile store with its groups and channels, the row counts, rejected rows and warnings, and what a part of a file keeps for its merge — what is merged, serialised between workers and reported.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::activity::Activity;
use crate::csvread::Problem;
use crate::date::{Order, RawDate};
use crate::decode::Facts;
use crate::message::Message;
use crate::report::{FileSummary, RejectedRow};
use crate::split::Part;

/// Excluded-row reasons, in the spec's order.
pub(crate) const REASONS: [&str; 5] = ["proof", "social", "control", "status", "failure_reason"];

/// Rejected rows listed in a report (and kept, trimmed now and then, while counting).
pub(crate) const MAX_REJECTED: usize = 100;

/// Everything that a report needs: the part of a counter that is merged and serialised.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct State {
    /// The profiles counted: groups are (instance, target dimension), channels their names.
    pub activity: Activity<String>,
    pub read: u64,
    pub counted: u64,
    pub excluded: [u64; 5],
    pub rejected: u64,
    #[serde(deserialize_with = "strict_rejected_rows")]
    pub rejected_rows: Vec<RejectedRow>,
    /// field -> value -> rows.
    pub unrecognised: BTreeMap<String, BTreeMap<String, u64>>,
    /// Said in the report's English by `Display`.
    pub warnings: Vec<Message>,
    pub files: Vec<FileSummary>,
    /// The part of a file this counter read, when it read one (see [`Counter::begin_part`](crate::Counter::begin_part)).
    pub part: Option<Box<PartState>>,
}

/// A row whose date waits for the file's day/month order.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(crate) struct Pending {
    /// Profile and channel, or `u32::MAX` for an excluded row (only the data range needs its date).
    pub(crate) id: u32,
    pub(crate) channel: u16,
    pub(crate) raw: RawDate,
}

/// What an ended part keeps for the merge, beside its counted rows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct PartState {
    pub part: Option<Part>,
    pub name: String,
    /// The file offset of the first record counted (where the part found its start).
    pub begin: u64,
    /// The file offset after the last record counted.
    pub stop: u64,
    /// The part read to the end of the file.
    pub at_eof: bool,
    /// Line breaks from `begin` to `stop`.
    pub lines: u64,
    pub rows: u64,
    /// The header line was read.
    pub header: bool,
    /// The day/month order the part decided (or was given).
    pub order: Option<Order>,
    /// Rows whose dates wait for the file's order (the order was not decided in this part).
    pub ambiguous: bool,
    pub pending: Vec<Pending>,
    /// Rejected rows whose reason names lines: their line in the part and the problem.
    pub problems: Vec<(u64, Problem)>,
    pub decoder: Facts,
    pub delimiter: String,
    pub columns: BTreeMap<String, String>,
}

/// Reads a state's rejected rows. A report reads a row's message leniently (through a JSON
/// value), which only self-describing formats allow; a counter's state is read strictly, so that
/// it also travels between workers in a compact format such as bincode.
fn strict_rejected_rows<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RejectedRow>, D::Error> {
    #[derive(Deserialize)]
    struct Row {
        file: String,
        line: u64,
        reason: String,
        message: Option<Message>,
    }
    let rows = Vec::<Row>::deserialize(d)?;
    Ok(rows
        .into_iter()
        .map(|r| RejectedRow { file: r.file, line: r.line, reason: r.reason, message: r.message })
        .collect())
}

impl State {
    /// Lists a value of `field` that no rule knows.
    pub(crate) fn unrecognised(&mut self, field: &str, value: &[u8]) {
        let value = String::from_utf8_lossy(value);
        let map = match self.unrecognised.get_mut(field) {
            Some(m) => m,
            None => self.unrecognised.entry(field.to_string()).or_default(),
        };
        match map.get_mut(value.as_ref()) {
            Some(n) => *n += 1,
            None => {
                map.insert(value.into_owned(), 1);
            }
        }
    }

    /// Keeps the first [`MAX_REJECTED`] rejected rows by file and line.
    pub(crate) fn trim_rejected(&mut self) {
        self.rejected_rows.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        self.rejected_rows.truncate(MAX_REJECTED);
    }

    /// Adds another state: counts summed, profiles merged, rejected rows trimmed again, files and warnings listed after these.
    pub(crate) fn merge(&mut self, o: State) {
        let st = self;
        st.activity.merge(&o.activity);
        st.read += o.read;
        st.counted += o.counted;
        st.rejected += o.rejected;
        for (a, b) in st.excluded.iter_mut().zip(o.excluded) {
            *a += b;
        }
        st.rejected_rows.extend(o.rejected_rows);
        st.trim_rejected();
        for (field, values) in o.unrecognised {
            let map = st.unrecognised.entry(field).or_default();
            for (v, n) in values {
                *map.entry(v).or_default() += n;
            }
        }
        st.warnings.extend(o.warnings);
        st.files.extend(o.files);
    }
}
