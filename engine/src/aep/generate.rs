//! A seeded generator of AEP profile exports: the demo, the tests and the benchmark read what it writes.
//!
//! STUB (lead): a tiny fixed export, so that the rest can be built on the interface; the reading
//! helper replaces it with the seeded generator (snapshots, case variants, shared devices, junk
//! values, audiences, pseudonymous profiles, a few rejected records).

/// One generated file: its path (with its `exportTime=` folder) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSpec {
    pub seed: u64,
    /// Records per snapshot, about.
    pub records: usize,
    /// `exportTime=` folders, a month apart (0: files with no folder, one snapshot).
    pub snapshots: usize,
    /// Files per snapshot.
    pub files: usize,
}

impl Default for ExportSpec {
    fn default() -> Self {
        ExportSpec { seed: 1, records: 1000, snapshots: 2, files: 2 }
    }
}

/// The files of an export, as JSON lines, in path order.
pub fn profile_export(spec: &ExportSpec) -> Vec<GeneratedFile> {
    let _ = spec;
    let one = br#"{"identityMap":{"Email":[{"id":"John.Greene@luma.com","primary":true}],"CRMID":[{"id":"60013ABC"}]},"segmentMembership":{"ups":{"seg-a":{"status":"realized"}}}}
{"identityMap":{"Email":[{"id":"john.greene@luma.com"}],"ECID":[{"id":"34113965854450796644316155105296901017"}]}}
{"identityMap":{"ECID":[{"id":"34113965854450796644316155105296901017"}],"CRMID":[{"id":"60013ABC"}]}}
"#;
    vec![GeneratedFile { path: "demo/exportTime=202611010000/part-00000.json".to_string(), bytes: one.to_vec() }]
}
