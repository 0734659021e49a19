//! The `profiles/1` report as data (section 4 of `journey-optimizer.md`), and the answer of *Explain an identity*.
//!
//! Field names are the JSON keys. Counts are plain integers. Lists of named
//! counts are sorted by profiles, largest first, then by name; `overlap`
//! lists every pair with at least one profile, `a` < `b` by name. Identity
//! values (`examples`, `hubs`, explanations) are filled only when the user
//! asked for them; otherwise those lists are empty. Unknown fields are
//! ignored on reading, so a newer report still opens in an older viewer.

use serde::{Deserialize, Serialize};

use crate::message::Message;

/// The `format` of a Profiles report.
pub const FORMAT: &str = "profiles/1";

/// One whole Profiles report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfilesReport {
    pub format: String,
    /// `graph` or `none`.
    pub stitching: String,
    pub unique_namespaces: Vec<String>,
    /// The namespaces counted as device or cookie ones (an addition to section 4: the setting in force).
    pub pseudonymous_namespaces: Vec<String>,
    /// Oldest first.
    pub snapshots: Vec<SnapshotFigures>,
    /// One per consecutive pair of snapshots.
    pub change: Vec<Change>,
    pub rows: RecordCounts,
    /// The first 100 rejected records; `rows.rejected` counts all.
    pub rejected: Vec<RejectedRecord>,
    pub files: Vec<RecordFile>,
    /// Files that could not be read at all, and other notes, in English (as the Campaign report's `warnings`).
    pub warnings: Vec<String>,
    /// The `warnings` as messages, one for each, in the same order.
    #[serde(deserialize_with = "crate::message::lenient_list")]
    pub warning_messages: Vec<Message>,
    /// The same figures with the other stitching, when asked for (an addition to section 4: the
    /// viewer's "graph against none" side by side).
    pub compared: Option<Compared>,
}

/// Every figure of section 2 for one snapshot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapshotFigures {
    /// `YYYY-MM-DDTHH:MM:SSZ` from the `exportTime=` folder, or the time the user set; `null` otherwise.
    pub time: Option<String>,
    pub profiles: u64,
    pub by_namespace: Vec<NamespaceCount>,
    pub overlap: Vec<PairCount>,
    pub single_identity: SingleIdentity,
    pub unsegmented: u64,
    pub audiences: Vec<AudienceCount>,
    /// The 20 largest pairs of overlapping audiences.
    pub audience_overlap: Vec<PairCount>,
    pub pseudonymous_only: u64,
    pub case_duplicates: Vec<CaseDuplicates>,
    pub collapse: Collapse,
}

/// Profiles holding at least one identity in a namespace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamespaceCount {
    pub namespace: String,
    pub profiles: u64,
}

/// Profiles holding both `a` and `b` (namespaces, or audience ids).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCount {
    pub a: String,
    pub b: String,
    pub profiles: u64,
}

/// Profiles whose identities all belong to one namespace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SingleIdentity {
    pub profiles: u64,
    pub by_namespace: Vec<NamespaceCount>,
}

/// Profiles in one audience (segment id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceCount {
    pub id: String,
    pub profiles: u64,
}

/// How many fewer profiles a namespace's ids compared after trimming and lower-casing would give.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseDuplicates {
    pub namespace: String,
    pub fewer: u64,
    /// Up to 20 groups of ids that differ only by case or surrounding spaces (identity values:
    /// empty unless asked for).
    pub examples: Vec<Vec<String>>,
}

/// Graphs that broke a guardrail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Collapse {
    /// Profiles whose graph holds more than 50 identities.
    pub over_limit: u64,
    /// Per unique namespace, profiles holding more than one of its ids.
    pub unique_conflicts: Vec<NamespaceCount>,
    /// The 20 identities linked to the most records (identity values: empty unless asked for).
    pub hubs: Vec<Hub>,
}

/// An identity and how many records link it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hub {
    pub namespace: String,
    pub id: String,
    pub records: u64,
}

/// Between two consecutive snapshots.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Change {
    pub from: Option<String>,
    pub to: Option<String>,
    /// The later snapshot's profiles.
    pub profiles: u64,
    /// The later snapshot's profiles none of whose identities was in the earlier one.
    pub added: u64,
    /// The earlier snapshot's profiles none of whose identities is in the later one.
    pub removed: u64,
}

/// `read = used + rejected`, over records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub read: u64,
    pub used: u64,
    pub rejected: u64,
}

/// A record that was not used, with where it is and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRecord {
    pub file: String,
    /// The line of a JSON file (first line 1), or the row of a Parquet file (first row 1).
    pub line: u64,
    /// Quotes a count or a namespace, never an identity value.
    pub reason: String,
    /// The `reason` as a message, for viewers that say it in another language.
    #[serde(default, deserialize_with = "crate::message::lenient")]
    pub message: Option<Message>,
}

/// How one input file was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordFile {
    pub name: String,
    /// `JSON lines`, `JSON array`, `JSON lines (gzip)`, `JSON array (gzip)` or `Parquet`.
    pub format: String,
    pub records: u64,
    /// The snapshot the file belongs to (its `exportTime=` time), as in `SnapshotFigures::time`.
    pub snapshot: Option<String>,
}

/// The figures with the other stitching.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Compared {
    pub stitching: String,
    pub snapshots: Vec<SnapshotFigures>,
}

/// One identity as the report names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IdentityValue {
    pub namespace: String,
    pub id: String,
}

/// The answer of *Explain an identity*: the profile it belongs to in each snapshot that holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Explained {
    /// The namespace asked for, if any.
    pub namespace: Option<String>,
    pub id: String,
    /// One per snapshot (and per namespace, when an id alone is in several), oldest first; empty when no
    /// record holds the identity.
    pub profiles: Vec<ExplainedProfile>,
}

/// One profile an explained identity belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplainedProfile {
    pub snapshot: Option<String>,
    /// The identity explained (with its namespace, when only an id was given).
    pub identity: IdentityValue,
    /// Every identity of the profile, sorted by namespace then id.
    pub identities: Vec<IdentityValue>,
    /// The records that linked them, in file and line order (the first 1 000).
    pub records: Vec<LinkingRecord>,
    /// All records of the profile.
    pub records_total: u64,
    /// The profile's graph holds more than 50 identities.
    pub over_limit: bool,
    /// The unique namespaces of which it holds more than one id.
    pub unique_conflicts: Vec<String>,
}

/// One record of an explained profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkingRecord {
    pub file: String,
    pub line: u64,
    pub identities: Vec<IdentityValue>,
}
