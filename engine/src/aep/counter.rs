//! The Profiles counter: files of profile records in, per snapshot, partial states that merge, the report out.
//!
//! STUB (lead): a naive first version that keeps every record and computes the figures of section 2
//! with plain maps, so that the command line and the viewer can be built on its interface now. The
//! graph helper replaces its inside (interned identities, union-find, compact records) behind the
//! same interface, and keeps this version as the naive model of its property test.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::aep::read::{DocSink, JsonDocs};
use crate::aep::record::{self, Identity, Record};
use crate::aep::report::*;
use crate::aep::settings::{ProfileSettings, Stitching};
use crate::aep::ReadError;
use crate::message::Message;

/// A file of a counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId(usize);

#[derive(Clone, Debug)]
struct Stored {
    file: usize,
    line: u64,
    record: Record,
}

#[derive(Clone, Debug)]
struct FileState {
    name: String,
    snapshot: Option<String>,
    format: String,
    records: u64,
}

/// The state of a Profiles count: one per thread or worker, merged at the end.
#[derive(Clone, Debug, Default)]
pub struct ProfileCounter {
    files: Vec<FileState>,
    readers: HashMap<usize, JsonDocsHolder>,
    records: Vec<Stored>,
    rejected: Vec<(usize, u64, Message)>,
    rejected_total: u64,
    warnings: Vec<Message>,
}

#[derive(Debug, Default)]
struct JsonDocsHolder(JsonDocs);

impl Clone for JsonDocsHolder {
    fn clone(&self) -> Self {
        JsonDocsHolder::default()
    }
}

struct Sink<'a> {
    file: usize,
    counter: &'a mut Vec<Stored>,
    rejected: &'a mut Vec<(usize, u64, Message)>,
    rejected_total: &'a mut u64,
    records: &'a mut u64,
}

impl DocSink for Sink<'_> {
    fn doc(&mut self, line: u64, json: &[u8]) {
        match record::parse(json) {
            Ok(record) => {
                *self.records += 1;
                self.counter.push(Stored { file: self.file, line, record });
            }
            Err(reason) => self.reject(line, reason),
        }
    }

    fn reject(&mut self, line: u64, reason: Message) {
        *self.rejected_total += 1;
        self.rejected.push((self.file, line, reason));
    }
}

impl ProfileCounter {
    pub fn new() -> Self {
        ProfileCounter::default()
    }

    /// Starts a file; `snapshot` is its `exportTime=` time ([`crate::aep::snapshot_of`]), if any.
    pub fn begin_file(&mut self, name: &str, snapshot: Option<&str>) -> FileId {
        let id = self.files.len();
        self.files.push(FileState {
            name: name.to_string(),
            snapshot: snapshot.map(str::to_string),
            format: String::new(),
            records: 0,
        });
        self.readers.insert(id, JsonDocsHolder(JsonDocs::new(name)));
        FileId(id)
    }

    /// The next chunk of a file's bytes.
    pub fn push(&mut self, file: FileId, chunk: &[u8]) -> Result<(), ReadError> {
        let Some(reader) = self.readers.get_mut(&file.0) else { return Ok(()) };
        let state = &mut self.files[file.0];
        let mut sink = Sink {
            file: file.0,
            counter: &mut self.records,
            rejected: &mut self.rejected,
            rejected_total: &mut self.rejected_total,
            records: &mut state.records,
        };
        reader.0.push(chunk, &mut sink)
    }

    /// The end of a file.
    pub fn end_file(&mut self, file: FileId) -> Result<(), ReadError> {
        let Some(mut reader) = self.readers.remove(&file.0) else { return Ok(()) };
        let state = &mut self.files[file.0];
        let mut sink = Sink {
            file: file.0,
            counter: &mut self.records,
            rejected: &mut self.rejected,
            rejected_total: &mut self.rejected_total,
            records: &mut state.records,
        };
        let format = reader.0.finish(&mut sink)?;
        state.format = format;
        Ok(())
    }

    /// Where the documents of a file go, for readers of other formats (Parquet): each is parsed as a
    /// record and counted, or rejected with its line. Kept by every version of the counter.
    pub fn sink(&mut self, file: FileId) -> impl DocSink + '_ {
        let state = &mut self.files[file.0];
        Sink {
            file: file.0,
            counter: &mut self.records,
            rejected: &mut self.rejected,
            rejected_total: &mut self.rejected_total,
            records: &mut state.records,
        }
    }

    /// Ends a file read through [`ProfileCounter::sink`], naming its format (`Parquet`).
    pub fn end_docs(&mut self, file: FileId, format: &str) {
        self.readers.remove(&file.0);
        self.files[file.0].format = format.to_string();
    }

    /// A file that could not be read: said in the report's warnings.
    pub fn warn(&mut self, warning: Message) {
        self.warnings.push(warning);
    }

    /// Adds another counter's files and records, as if this one had read them after its own.
    pub fn merge(&mut self, other: ProfileCounter) {
        let offset = self.files.len();
        self.files.extend(other.files);
        self.records.extend(other.records.into_iter().map(|mut s| {
            s.file += offset;
            s
        }));
        self.rejected.extend(other.rejected.into_iter().map(|(f, l, m)| (f + offset, l, m)));
        self.rejected_total += other.rejected_total;
        self.warnings.extend(other.warnings);
    }

    /// Records used so far.
    pub fn records(&self) -> u64 {
        self.records.len() as u64
    }

    fn snapshots(&self, settings: &ProfileSettings) -> Vec<(Option<String>, Vec<&Stored>)> {
        let mut by: BTreeMap<Option<String>, Vec<&Stored>> = BTreeMap::new();
        for s in &self.records {
            let snap = self.files[s.file].snapshot.clone().or_else(|| settings.snapshot_time.clone());
            by.entry(snap).or_default().push(s);
        }
        by.into_iter().collect()
    }

    /// The report of everything read, with these settings.
    pub fn report(&self, settings: &ProfileSettings) -> ProfilesReport {
        let snaps = self.snapshots(settings);
        let figures = |stitching: Stitching| -> (Vec<SnapshotFigures>, Vec<Change>) {
            let comps: Vec<Vec<Vec<&Stored>>> = snaps.iter().map(|(_, recs)| components(recs, stitching)).collect();
            let figs = snaps
                .iter()
                .zip(&comps)
                .map(|((time, _), c)| snapshot_figures(time.clone(), c, settings, stitching))
                .collect();
            let mut change = Vec::new();
            for i in 1..snaps.len() {
                let ids = |c: &Vec<Vec<&Stored>>| -> BTreeSet<Identity> {
                    c.iter().flatten().flat_map(|s| s.record.identities.iter().cloned()).collect()
                };
                let (before, after) = (ids(&comps[i - 1]), ids(&comps[i]));
                let none_in = |c: &Vec<Vec<&Stored>>, set: &BTreeSet<Identity>| {
                    c.iter().filter(|p| p.iter().all(|s| s.record.identities.iter().all(|i| !set.contains(i)))).count()
                        as u64
                };
                change.push(Change {
                    from: snaps[i - 1].0.clone(),
                    to: snaps[i].0.clone(),
                    profiles: comps[i].len() as u64,
                    added: none_in(&comps[i], &before),
                    removed: none_in(&comps[i - 1], &after),
                });
            }
            (figs, change)
        };
        let (snapshots, change) = figures(settings.stitching);
        let compared = settings.compare.then(|| {
            let other = match settings.stitching {
                Stitching::Graph => Stitching::None,
                Stitching::None => Stitching::Graph,
            };
            Compared { stitching: other.as_str().to_string(), snapshots: figures(other).0 }
        });
        let mut rejected: Vec<_> = self.rejected.iter().collect();
        rejected.sort_by_key(|(f, l, _)| (*f, *l));
        ProfilesReport {
            format: FORMAT.to_string(),
            stitching: settings.stitching.as_str().to_string(),
            unique_namespaces: settings.unique.clone(),
            pseudonymous_namespaces: settings.pseudonymous.clone(),
            snapshots,
            change,
            rows: RecordCounts {
                read: self.records.len() as u64 + self.rejected_total,
                used: self.records.len() as u64,
                rejected: self.rejected_total,
            },
            rejected: rejected
                .into_iter()
                .take(100)
                .map(|(f, l, m)| RejectedRecord {
                    file: self.files[*f].name.clone(),
                    line: *l,
                    reason: m.to_string(),
                    message: Some(m.clone()),
                })
                .collect(),
            files: self
                .files
                .iter()
                .map(|f| RecordFile {
                    name: f.name.clone(),
                    format: f.format.clone(),
                    records: f.records,
                    snapshot: f.snapshot.clone(),
                })
                .collect(),
            warnings: self.warnings.iter().map(|m| m.to_string()).collect(),
            warning_messages: self.warnings.clone(),
            compared,
        }
    }

    /// *Explain an identity*: the profile it belongs to in each snapshot, with the records that joined it.
    pub fn explain(&self, settings: &ProfileSettings, namespace: Option<&str>, id: &str) -> Explained {
        let mut out = Explained { namespace: namespace.map(str::to_string), id: id.to_string(), profiles: Vec::new() };
        for (time, recs) in self.snapshots(settings) {
            let comps = components(&recs, settings.stitching);
            for comp in comps {
                let idents: BTreeSet<&Identity> = comp.iter().flat_map(|s| s.record.identities.iter()).collect();
                let hits: Vec<&&Identity> =
                    idents.iter().filter(|i| i.id == id && namespace.is_none_or(|n| n == i.namespace)).collect();
                for hit in hits {
                    let mut records: Vec<&&Stored> = comp.iter().collect();
                    records.sort_by_key(|s| (s.file, s.line));
                    out.profiles.push(ExplainedProfile {
                        snapshot: time.clone(),
                        identity: value(hit),
                        identities: idents.iter().map(|i| value(i)).collect(),
                        records_total: records.len() as u64,
                        records: records
                            .iter()
                            .take(1000)
                            .map(|s| LinkingRecord {
                                file: self.files[s.file].name.clone(),
                                line: s.line,
                                identities: s.record.identities.iter().map(value).collect(),
                            })
                            .collect(),
                        over_limit: idents.len() > 50,
                        unique_conflicts: settings
                            .unique
                            .iter()
                            .filter(|ns| idents.iter().filter(|i| &i.namespace == *ns).count() > 1)
                            .cloned()
                            .collect(),
                    });
                }
            }
        }
        out
    }
}

fn value(i: &Identity) -> IdentityValue {
    IdentityValue { namespace: i.namespace.clone(), id: i.id.clone() }
}

/// The profiles of one snapshot: its records grouped into connected components (or one per record).
fn components<'a>(recs: &[&'a Stored], stitching: Stitching) -> Vec<Vec<&'a Stored>> {
    if stitching == Stitching::None {
        return recs.iter().map(|s| vec![*s]).collect();
    }
    let mut index: HashMap<&Identity, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for s in recs {
        let mut first = None;
        for i in &s.record.identities {
            let n = *index.entry(i).or_insert_with(|| {
                parent.push(parent.len());
                parent.len() - 1
            });
            match first {
                None => first = Some(n),
                Some(f) => {
                    let (a, b) = (find(&mut parent, f), find(&mut parent, n));
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Stored>> = BTreeMap::new();
    for s in recs {
        let root = find(&mut parent, index[&s.record.identities[0]]);
        groups.entry(root).or_default().push(s);
    }
    groups.into_values().collect()
}

fn sorted_counts(map: BTreeMap<String, u64>) -> Vec<NamespaceCount> {
    let mut v: Vec<_> = map.into_iter().map(|(namespace, profiles)| NamespaceCount { namespace, profiles }).collect();
    v.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| a.namespace.cmp(&b.namespace)));
    v
}

fn sorted_pairs(map: BTreeMap<(String, String), u64>) -> Vec<PairCount> {
    let mut v: Vec<_> = map.into_iter().map(|((a, b), profiles)| PairCount { a, b, profiles }).collect();
    v.sort_by(|x, y| y.profiles.cmp(&x.profiles).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    v
}

fn fold(id: &str) -> String {
    id.trim().to_lowercase()
}

fn snapshot_figures(
    time: Option<String>,
    comps: &[Vec<&Stored>],
    settings: &ProfileSettings,
    stitching: Stitching,
) -> SnapshotFigures {
    let mut f = SnapshotFigures { time, profiles: comps.len() as u64, ..Default::default() };
    let mut by_ns = BTreeMap::new();
    let mut overlap = BTreeMap::new();
    let mut single = BTreeMap::new();
    let mut audiences = BTreeMap::new();
    let mut aud_overlap = BTreeMap::new();
    let mut conflicts = BTreeMap::new();
    let mut hubs: BTreeMap<&Identity, u64> = BTreeMap::new();
    for comp in comps {
        let idents: BTreeSet<&Identity> = comp.iter().flat_map(|s| s.record.identities.iter()).collect();
        let namespaces: BTreeSet<&str> = idents.iter().map(|i| i.namespace.as_str()).collect();
        let segments: BTreeSet<&str> = comp.iter().flat_map(|s| s.record.segments.iter().map(String::as_str)).collect();
        for ns in &namespaces {
            *by_ns.entry(ns.to_string()).or_insert(0) += 1;
            for other in namespaces.range::<&str, _>((std::ops::Bound::Excluded(ns), std::ops::Bound::Unbounded)) {
                *overlap.entry((ns.to_string(), other.to_string())).or_insert(0) += 1;
            }
        }
        if namespaces.len() == 1 {
            f.single_identity.profiles += 1;
            *single.entry(namespaces.iter().next().map(|s| s.to_string()).unwrap_or_default()).or_insert(0) += 1;
        }
        if segments.is_empty() {
            f.unsegmented += 1;
        }
        for seg in &segments {
            *audiences.entry(seg.to_string()).or_insert(0) += 1;
            for other in segments.range::<&str, _>((std::ops::Bound::Excluded(seg), std::ops::Bound::Unbounded)) {
                *aud_overlap.entry((seg.to_string(), other.to_string())).or_insert(0) += 1;
            }
        }
        if namespaces.iter().all(|ns| settings.pseudonymous.iter().any(|p| p == ns)) {
            f.pseudonymous_only += 1;
        }
        if idents.len() > 50 {
            f.collapse.over_limit += 1;
        }
        for ns in &settings.unique {
            if idents.iter().filter(|i| &i.namespace == ns).count() > 1 {
                *conflicts.entry(ns.clone()).or_insert(0) += 1;
            }
        }
        for s in comp {
            for i in &s.record.identities {
                *hubs.entry(i).or_insert(0) += 1;
            }
        }
    }
    f.by_namespace = sorted_counts(by_ns.clone());
    f.overlap = sorted_pairs(overlap);
    f.single_identity.by_namespace = sorted_counts(single);
    f.audiences = sorted_counts(audiences.clone())
        .into_iter()
        .map(|c| AudienceCount { id: c.namespace, profiles: c.profiles })
        .collect();
    f.audience_overlap = sorted_pairs(aud_overlap).into_iter().take(20).collect();
    f.collapse.unique_conflicts = sorted_counts(conflicts);
    if settings.include_identities {
        let mut h: Vec<_> = hubs.into_iter().collect();
        h.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        f.collapse.hubs = h
            .into_iter()
            .take(20)
            .map(|(i, records)| Hub { namespace: i.namespace.clone(), id: i.id.clone(), records })
            .collect();
    }
    // Case duplicates: per namespace, the components of the graph where that namespace's ids are folded.
    for ns in by_ns.keys() {
        let fewer = if stitching == Stitching::None {
            0
        } else {
            let folded: Vec<Stored> = comps
                .iter()
                .flatten()
                .map(|s| {
                    let mut s = (*s).clone();
                    for i in &mut s.record.identities {
                        if &i.namespace == ns {
                            i.id = fold(&i.id);
                        }
                    }
                    s
                })
                .collect();
            let refs: Vec<&Stored> = folded.iter().collect();
            comps.len() as u64 - components(&refs, Stitching::Graph).len() as u64
        };
        if fewer == 0 {
            continue;
        }
        let mut examples = Vec::new();
        if settings.include_identities {
            let mut groups: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
            for i in comps.iter().flatten().flat_map(|s| s.record.identities.iter()).filter(|i| &i.namespace == ns) {
                groups.entry(fold(&i.id)).or_default().insert(&i.id);
            }
            examples = groups
                .into_values()
                .filter(|g| g.len() > 1)
                .take(20)
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect();
        }
        f.case_duplicates.push(CaseDuplicates { namespace: ns.clone(), fewer, examples });
    }
    f.case_duplicates.sort_by(|a, b| b.fewer.cmp(&a.fewer).then_with(|| a.namespace.cmp(&b.namespace)));
    f
}
