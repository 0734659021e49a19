//! The report as data: the `report.json` contract of `report-format.md`.
//!
//! Field names are the JSON keys. Dates are `YYYY-MM-DD` strings, months
//! `YYYY-MM`, so that the document reads the same in every consumer. Lists of
//! named counts are sorted by count, largest first, then by name. A field that
//! does not apply is present with `null` or `[]`. Unknown fields are ignored
//! on reading, so a newer report still opens in an older viewer.

use serde::{Deserialize, Serialize};

use crate::message::Message;

/// The `format` of every report this engine writes.
pub const FORMAT: &str = "active-profiles-report/1";

/// One whole report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    pub format: String,
    pub settings: SettingsInForce,
    /// The snapshot date the detail is for.
    pub as_of: Option<String>,
    /// Both included ends of the 12-month window of `as_of`.
    pub window: Option<Window>,
    pub total_active: u64,
    pub dimensions: Vec<NamedCount>,
    pub instances: Vec<InstanceCount>,
    pub channels: Vec<NamedCount>,
    pub multi_channel_profiles: u64,
    pub rows: RowCounts,
    pub excluded: Vec<ExcludedCount>,
    /// The first 100 rejected rows; `rows.rejected` counts all.
    pub rejected: Vec<RejectedRow>,
    pub unrecognised: Vec<Unrecognised>,
    pub warnings: Vec<String>,
    /// The `warnings` as messages, one for each, in the same order (an addition to report-format.md, for
    /// viewers that say them in another language; a report without them shows the English).
    #[serde(deserialize_with = "crate::message::lenient_list")]
    pub warning_messages: Vec<Message>,
    /// One per billing day in the data range, oldest first.
    pub snapshots: Vec<Snapshot>,
    /// One per day for the 365 days up to `as_of` (fewer when data starts later), oldest first.
    pub daily: Vec<DailyCount>,
    pub expiring: Vec<ExpiringMonth>,
    pub case_duplicates: Vec<CaseDuplicates>,
    pub files: Vec<FileSummary>,
    /// The active profiles themselves, key by key: personal data, so `null` unless the user
    /// asked for them (a bundle or export "with profile keys"); see [`crate::Counter::active_profiles`].
    pub profiles: Option<Vec<ActiveProfile>>,
}

/// One profile active on the as-of date: who it is, where it counts, and when it leaves the count.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
pub struct ActiveProfile {
    pub dimension: String,
    pub instance: String,
    /// The profile key, or the address in the Anonymous dimension.
    pub key: String,
    /// The first day it no longer counts, unless targeted again (`YYYY-MM-DD`).
    pub leaves: String,
}

/// The settings and classification rules the report was computed with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsInForce {
    pub as_of: Option<String>,
    /// A day from 1 to 28, or the string `"last"`.
    pub billing_day: serde_json::Value,
    pub time_zone: String,
    pub day_first: bool,
    pub purchased: Option<u64>,
    pub rules: RulesInForce,
}

/// Which values count and which exclude.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RulesInForce {
    pub counted_status: Vec<String>,
    pub excluded_status: Vec<String>,
    pub excluded_failure_reasons: Vec<i64>,
    /// Channels left out as social (an addition to report-format.md: the rules state every
    /// classification in force, and this one can be changed too).
    pub social_channels: Vec<String>,
}

/// From (included) and To (included).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: String,
    pub to: String,
}

/// A named active-profile count (a dimension, a channel).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedCount {
    pub name: String,
    pub active: u64,
}

/// One instance's total and its dimensions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceCount {
    pub name: String,
    pub active: u64,
    pub dimensions: Vec<NamedCount>,
}

/// `read = counted + excluded + rejected`, over log files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCounts {
    pub read: u64,
    pub counted: u64,
    pub excluded: u64,
    pub rejected: u64,
}

/// Rows excluded for one reason: `proof`, `social`, `control`, `status` or `failure_reason`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedCount {
    pub reason: String,
    pub rows: u64,
}

/// A row that could not be counted, with where it is and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    pub file: String,
    /// Physical line on which the record starts; the header is line 1.
    pub line: u64,
    /// Quotes a date or a value, never a key or an address.
    pub reason: String,
    /// The `reason` as a message (an addition to report-format.md); `null` in an older report.
    #[serde(default, deserialize_with = "crate::message::lenient")]
    pub message: Option<Message>,
}

/// A value the rules do not know, and how many rows held it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unrecognised {
    pub field: String,
    pub value: String,
    pub rows: u64,
}

/// A monthly snapshot: the Customer-metrics row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub from: String,
    pub to: String,
    pub active: u64,
}

/// Active profiles on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyCount {
    pub date: String,
    pub active: u64,
}

/// Profiles active on the as-of date that leave the window in a month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiringMonth {
    pub month: String,
    pub profiles: u64,
}

/// Case-variant addresses in a dimension, and how many fewer profiles merging them would give.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDuplicates {
    pub dimension: String,
    pub profiles: u64,
    pub fewer: u64,
}

/// How one input file was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileSummary {
    pub name: String,
    pub encoding: String,
    pub delimiter: String,
    pub rows: u64,
    /// Field name (as in the spec: "profile key", "event date", ...) to the header it was read from.
    pub columns: std::collections::BTreeMap<String, String>,
}
