//! What a Profiles report is computed with: stitching, unique and pseudonymous namespaces, identity values or not.

use serde::{Deserialize, Serialize};

/// How records become profiles (section 2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stitching {
    /// A profile is a connected component of the identity graph (AEP's private graph).
    #[default]
    Graph,
    /// Every record is its own profile (an export of merged profiles is already stitched).
    None,
}

impl Stitching {
    /// `graph` or `none`, as in the JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stitching::Graph => "graph",
            Stitching::None => "none",
        }
    }
}

/// The device and cookie namespaces that make a profile pseudonymous when it has nothing else.
pub const PSEUDONYMOUS_DEFAULT: [&str; 6] = ["ECID", "AAID", "GAID", "IDFA", "TNTID", "AdCloud"];

/// The namespaces of which a profile should hold one id at most.
pub const UNIQUE_DEFAULT: [&str; 1] = ["CRMID"];

/// The report settings: none of them needs the files read again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileSettings {
    pub stitching: Stitching,
    /// Unique namespaces (default `CRMID`).
    pub unique: Vec<String>,
    /// Pseudonymous namespaces (default [`PSEUDONYMOUS_DEFAULT`]).
    pub pseudonymous: Vec<String>,
    /// Identity values in `case_duplicates.examples`, `collapse.hubs` and explanations: personal
    /// data, so only when the user asked for them.
    pub include_identities: bool,
    /// The time of the snapshot of files outside any `exportTime=` folder (`YYYY-MM-DDTHH:MM:SSZ`).
    pub snapshot_time: Option<String>,
    /// Also compute every figure with the other stitching (the report's `compared`).
    pub compare: bool,
}

impl Default for ProfileSettings {
    fn default() -> Self {
        ProfileSettings {
            stitching: Stitching::Graph,
            unique: UNIQUE_DEFAULT.iter().map(|s| s.to_string()).collect(),
            pseudonymous: PSEUDONYMOUS_DEFAULT.iter().map(|s| s.to_string()).collect(),
            include_identities: false,
            snapshot_time: None,
            compare: false,
        }
    }
}
