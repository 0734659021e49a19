//! The `engageable/1` JSON of `journey-optimizer.md` section 4: what the command line prints, the viewer renders and a bundle embeds.

use serde::{Deserialize, Serialize};

pub use crate::aep::report::RejectedRecord;
use crate::message::Message;

pub const FORMAT: &str = "engageable/1";

/// The report of engageable profiles as of a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngageableReport {
    pub format: String,
    /// `YYYY-MM-DD`; `None` when no event was counted.
    pub as_of: Option<String>,
    pub time_zone: String,
    pub window: Option<Span>,
    pub engageable: Engageable,
    pub dry_run_only: u64,
    /// How many fewer engageable profiles stitching made (engaged keys as written minus engaged
    /// stitched profiles); 0 without a profile snapshot.
    pub stitched_joined: u64,
    /// Whether a profile snapshot was given (so `stitched_joined` was computed).
    pub stitched: bool,
    pub by_journey: Vec<JourneyCount>,
    pub daily: Vec<Daily>,
    /// The daily series of each sandbox: its engageable profiles on each day of `daily`. Empty in a
    /// report written before it was added (and in one from an older aggregate).
    pub sandbox_daily: Vec<SandboxDaily>,
    pub spikes: Vec<Spike>,
    pub expiring: Vec<Expiring>,
    pub licence: Option<Licence>,
    pub rows: Rows,
    pub rejected: Vec<RejectedRecord>,
    pub files: Vec<EventFile>,
    pub warnings: Vec<String>,
    pub warning_messages: Vec<Message>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Engageable {
    pub total: u64,
    pub production: u64,
    pub development: u64,
    /// Largest first, then by name.
    pub sandboxes: Vec<SandboxCount>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxCount {
    pub name: String,
    /// `production` or `development`.
    #[serde(rename = "type")]
    pub kind: String,
    pub profiles: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyCount {
    pub name: String,
    pub profiles: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Daily {
    pub date: String,
    pub engageable: u64,
    pub newly_engaged: u64,
    /// Of `engageable`, the profiles of production sandboxes (what the licence covers).
    #[serde(default)]
    pub production: u64,
}

/// One sandbox's line of the daily chart, kept compact: one count per day, no dates.
///
/// `engageable[i]` is the sandbox's engageable profiles on `daily[i].date` (the same days, in the
/// same order), so on each day the sandboxes add up to `daily[i].engageable`, and the production
/// ones to `daily[i].production`. Every sandbox with engaged profiles on some day of the series is
/// listed, ordered as `engageable.sandboxes` (largest on the as-of date first, then by name and
/// type); those with none on the as-of date come last.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SandboxDaily {
    pub name: String,
    /// `production` or `development`.
    #[serde(rename = "type")]
    pub kind: String,
    pub engageable: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Spike {
    pub date: String,
    pub newly_engaged: u64,
    /// The median of the newly engaged profiles of the 28 days before.
    pub median_before: f64,
    /// The journeys that brought most of them, most first.
    pub journeys: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiring {
    /// `YYYY-MM`.
    pub month: String,
    pub profiles: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Licence {
    pub licensed: u64,
    /// Engageable profiles of the production sandboxes.
    pub used: u64,
    /// `used` in percent of `licensed`, to one decimal.
    pub percent: f64,
    pub predicted: Option<Predicted>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicted {
    pub date: String,
    pub low: u64,
    pub high: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    pub read: u64,
    pub counted: u64,
    pub rejected: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFile {
    pub name: String,
    /// `JSON lines`, `JSON array`, `gzip, JSON lines`, `Parquet`, `CSV`.
    pub format: String,
    pub events: u64,
}
