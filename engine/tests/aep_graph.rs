//! Property tests of the identity graph: random profile records, pushed as JSON lines in random
//! chunks, split over random file groups and byte ranges, merged in random orders (and through
//! bincode), give exactly the report and the explanations of the naive model below (the lead's
//! first counter, which keeps every record and computes every figure with plain maps).

use engine::aep::lines::LinesPart;
use engine::aep::read::{DocSink, JsonDocs};
use engine::aep::record;
use engine::aep::settings::{ProfileSettings, Stitching};
use engine::aep::{ProfileCounter, ProfilesReport};
use engine::Message;
use proptest::prelude::*;

mod common;
use common::Rng;

use naive::{Naive, PlainFile};

const TIMES: [&str; 3] = ["2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"];
const ECIDS: [&str; 3] = [
    "34113965854450796644316155105296901017",
    "34113965854450796644316155105296901018",
    "00000000000000000000000000000000000001",
];
const EMAILS: [&str; 7] = [
    "John.Greene@luma.com",
    "john.greene@luma.com",
    " john.greene@luma.com",
    "JOHN.GREENE@LUMA.COM",
    "a@b.c",
    "A@b.c",
    "test@test.com",
];
const CRMIDS: [&str; 4] = ["60013ABC", "60013abc", "C2", " C2 "];
const SEGMENTS: [&str; 8] = ["seg-a", "seg-b", "seg-c", "fa5c", "0b1d", "seg-f", "seg-g", "seg-h"];

fn ids_of(ns: &str) -> &'static [&'static str] {
    match ns {
        "ECID" => &ECIDS,
        "CRMID" => &CRMIDS,
        "Phone" => &["+33 1", "+33 2"],
        _ => &EMAILS,
    }
}

/// One JSON line: a record (1 to 4 identities, some audiences) or, now and then, a rejected one.
fn random_line(r: &mut Rng, wide: bool) -> String {
    if r.chance(8) {
        return r
            .pick(&[
                "{\"x\":1}",
                "{\"identityMap\":{}}",
                "{\"identityMap\":{\"ECID\":[{\"id\":\"123\"}]}}",
                "{\"identityMap\":{\"Email\":[{\"id\":\"  \"}]}}",
                "{broken",
                "",
            ])
            .to_string();
    }
    let n = if wide { 1 + r.below(20) } else { 1 + r.below(4) };
    let mut map: Vec<(String, Vec<String>)> = Vec::new();
    for _ in 0..n {
        let ns = *r.pick(&["ECID", "CRMID", "Email", "email", "Phone"]);
        let id = if wide && r.chance(50) { format!("w{}", r.below(80)) } else { r.pick(ids_of(ns)).to_string() };
        match map.iter_mut().find(|(m, _)| m == ns) {
            Some((_, v)) => v.push(id),
            None => map.push((ns.to_string(), vec![id])),
        }
    }
    let ids: Vec<String> = map
        .iter()
        .map(|(ns, v)| {
            let list: Vec<String> = v.iter().map(|id| format!("{{\"id\":{}}}", serde_json::json!(id))).collect();
            format!("\"{ns}\":[{}]", list.join(","))
        })
        .collect();
    let mut segs = Vec::new();
    for s in SEGMENTS {
        if r.chance(30) {
            let status = r.pick(&["realized", "existing", "exited"]);
            segs.push(format!("\"{s}\":{{\"status\":\"{status}\"}}"));
        }
    }
    let seg = if segs.is_empty() && r.chance(50) {
        String::new()
    } else {
        format!(",\"segmentMembership\":{{\"ups\":{{{}}}}}", segs.join(","))
    };
    format!("{{\"identityMap\":{{{}}}{seg}}}", ids.join(","))
}

struct InputFile {
    name: String,
    snapshot: Option<String>,
    bytes: Vec<u8>,
}

fn random_files(r: &mut Rng, lines: usize) -> Vec<InputFile> {
    let wide = r.chance(25);
    let newline = if r.chance(20) { "\r\n" } else { "\n" };
    let snapshots = 1 + r.below(3);
    (0..1 + r.below(5))
        .map(|f| {
            // A byte-order mark now and then (the first range skips it as the whole file does).
            let mut text = if r.chance(15) { "\u{FEFF}".to_string() } else { String::new() };
            for _ in 0..r.below(lines) {
                text.push_str(&random_line(r, wide));
                text.push_str(newline);
            }
            if r.chance(30) {
                // The last line without its line break.
                text.truncate(text.trim_end().len());
            }
            let snapshot = match r.below(snapshots + 1) {
                0 => None,
                k => Some(TIMES[k - 1].to_string()),
            };
            // Two files may have the same name (in two snapshots).
            InputFile { name: format!("part-{:05}.json", f % 4), snapshot, bytes: text.into_bytes() }
        })
        .collect()
}

/// The documents a whole-file reader gives, parsed as records: the naive model's input.
struct Collect(Vec<(u64, Result<engine::aep::record::Record, Message>)>);

impl DocSink for Collect {
    fn doc(&mut self, line: u64, json: &[u8]) {
        self.0.push((line, record::parse(json)));
    }
    fn reject(&mut self, line: u64, reason: Message) {
        self.0.push((line, Err(reason)));
    }
}

fn plain(file: &InputFile) -> PlainFile {
    let mut docs = JsonDocs::new(&file.name);
    let mut sink = Collect(Vec::new());
    docs.push(&file.bytes, &mut sink).expect("the whole file reads");
    let format = docs.finish(&mut sink).expect("the whole file ends");
    PlainFile { name: file.name.clone(), snapshot: file.snapshot.clone(), format, docs: sink.0 }
}

fn push_chunks(r: &mut Rng, counter: &mut ProfileCounter, id: engine::aep::counter::FileId, bytes: &[u8]) {
    let mut at = 0;
    while at < bytes.len() {
        if counter.part_done(id) {
            break;
        }
        let n = (1 + r.below(40)).min(bytes.len() - at);
        counter.push(id, &bytes[at..at + n]).expect("push");
        at += n;
    }
    counter.end_file(id).expect("end");
}

fn bincode_trip(r: &mut Rng, c: ProfileCounter) -> ProfileCounter {
    if r.chance(40) {
        let bytes = bincode::serialize(&c).expect("serialise");
        bincode::deserialize(&bytes).expect("deserialise")
    } else {
        c
    }
}

/// Reads the files the way workers would, merges in a random order; returns the counter and
/// the order its files ended up in.
fn read_split(r: &mut Rng, files: &[InputFile]) -> (ProfileCounter, Vec<usize>) {
    let mut units: Vec<(ProfileCounter, Vec<usize>)> = Vec::new();
    let mut f = 0;
    while f < files.len() {
        if r.chance(40) && !files[f].bytes.is_empty() {
            // One file cut into byte ranges, each in its own counter.
            let len = files[f].bytes.len() as u64;
            let cuts: Vec<u64> = (0..r.below(5)).map(|_| r.below(len as usize + 1) as u64).collect();
            let mut parts: Vec<ProfileCounter> = LinesPart::at(len, &cuts)
                .into_iter()
                .map(|part| {
                    let mut c = ProfileCounter::new();
                    let id = c.begin_part(&files[f].name, files[f].snapshot.as_deref(), &part);
                    push_chunks(r, &mut c, id, &files[f].bytes[part.start as usize..]);
                    bincode_trip(r, c)
                })
                .collect();
            for k in (1..parts.len()).rev() {
                parts.swap(k, r.below(k + 1));
            }
            let mut whole = ProfileCounter::new();
            assert_eq!(whole.merge_parts(&mut parts), Ok(None));
            assert!(parts.is_empty());
            units.push((whole, vec![f]));
            f += 1;
        } else {
            // A group of whole files in one counter.
            let n = 1 + r.below(files.len() - f);
            let mut c = ProfileCounter::new();
            for file in &files[f..f + n] {
                let id = c.begin_file(&file.name, file.snapshot.as_deref());
                push_chunks(r, &mut c, id, &file.bytes);
            }
            units.push((c, (f..f + n).collect()));
            f += n;
        }
    }
    if units.is_empty() {
        return (ProfileCounter::new(), Vec::new());
    }
    while units.len() > 1 {
        let i = r.below(units.len());
        let (other, list) = units.swap_remove(i);
        let j = r.below(units.len());
        let other = bincode_trip(r, other);
        units[j].0.merge(other);
        units[j].1.extend(list);
    }
    let (c, order) = units.pop().expect("one unit");
    (bincode_trip(r, c), order)
}

fn settings_of(r: &mut Rng) -> ProfileSettings {
    let snapshot_time = match r.below(3) {
        0 => None,
        1 => Some(TIMES[r.below(3)].to_string()),
        _ => Some("2026-12-01T00:00:00Z".to_string()),
    };
    let mut s = ProfileSettings { snapshot_time, ..ProfileSettings::default() };
    if r.chance(30) {
        s.unique = vec!["CRMID".into(), "Email".into()];
    }
    if r.chance(30) {
        s.pseudonymous = vec!["ECID".into(), "Phone".into()];
    }
    s
}

fn check(seed: u64, lines: usize) {
    let mut r = Rng(seed | 1);
    let files = random_files(&mut r, lines);
    let (counter, order) = read_split(&mut r, &files);
    let plain_files: Vec<PlainFile> = order.iter().map(|&f| plain(&files[f])).collect();
    let model = Naive::new(&plain_files);
    let base = settings_of(&mut r);
    for stitching in [Stitching::Graph, Stitching::None] {
        for include_identities in [false, true] {
            for compare in [false, true] {
                let settings = ProfileSettings { stitching, include_identities, compare, ..base.clone() };
                let got: ProfilesReport = counter.report(&settings);
                let want = model.report(&settings);
                assert_eq!(got, want, "seed {seed}, {settings:?}");
            }
        }
        let settings = ProfileSettings { stitching, ..base.clone() };
        let mut asks: Vec<(Option<&str>, &str)> = vec![(None, "nobody")];
        for ns in ["ECID", "CRMID", "Email", "email"] {
            for id in ids_of(ns).iter().take(3) {
                asks.push((Some(ns), id));
                asks.push((None, id));
            }
        }
        for (ns, id) in asks {
            assert_eq!(counter.explain(&settings, ns, id), model.explain(&settings, ns, id), "seed {seed} {ns:?} {id}");
        }
    }
    assert_eq!(counter.records(), model.report(&base).rows.used);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn graph_matches_the_naive_model(seed in any::<u64>()) {
        check(seed, 14);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30, ..ProptestConfig::default() })]

    /// Larger files: longer union-find paths, more case duplicates, hubs and audience pairs than 20.
    #[test]
    fn larger_graphs_match_the_naive_model(seed in any::<u64>()) {
        check(seed, 300);
    }
}

/// The examples of the issue, by hand: a case variant, a shared junk e-mail, two CRMIDs.
#[test]
fn figures_of_a_small_export() {
    let text = concat!(
        "{\"identityMap\":{\"Email\":[{\"id\":\"John.Greene@luma.com\"}],\"CRMID\":[{\"id\":\"60013ABC\"}]},",
        "\"segmentMembership\":{\"ups\":{\"seg-a\":{\"status\":\"realized\"}}}}\n",
        "{\"identityMap\":{\"Email\":[{\"id\":\"john.greene@luma.com\"}],",
        "\"ECID\":[{\"id\":\"34113965854450796644316155105296901017\"}]}}\n",
        "{\"identityMap\":{\"ECID\":[{\"id\":\"34113965854450796644316155105296901018\"}]}}\n",
        "{\"identityMap\":{\"Email\":[{\"id\":\"test@test.com\"}],\"CRMID\":[{\"id\":\"C1\"},{\"id\":\"C2\"}]}}\n",
        "not json\n",
    );
    let mut c = ProfileCounter::new();
    let f = c.begin_file("part-00000.json", Some("2026-11-01T00:00:00Z"));
    c.push(f, text.as_bytes()).unwrap();
    c.end_file(f).unwrap();
    let settings = ProfileSettings { include_identities: true, ..ProfileSettings::default() };
    let report = c.report(&settings);
    let s = &report.snapshots[0];
    assert_eq!(s.profiles, 4);
    assert_eq!(s.single_identity.profiles, 1);
    assert_eq!(s.pseudonymous_only, 1);
    assert_eq!(s.unsegmented, 3);
    assert_eq!(s.case_duplicates.len(), 1);
    assert_eq!(s.case_duplicates[0].fewer, 1);
    assert_eq!(
        s.case_duplicates[0].examples,
        vec![vec!["John.Greene@luma.com".to_string(), "john.greene@luma.com".into()]]
    );
    assert_eq!(s.collapse.unique_conflicts[0].profiles, 1);
    assert_eq!((report.rows.read, report.rows.used, report.rows.rejected), (5, 4, 1));
    assert_eq!(report.rejected[0].line, 5);
    let e = c.explain(&settings, Some("CRMID"), "C2");
    assert_eq!(e.profiles.len(), 1);
    assert_eq!(e.profiles[0].identities.len(), 3);
    assert_eq!(e.profiles[0].unique_conflicts, vec!["CRMID".to_string()]);
    assert_eq!(e.profiles[0].records[0].line, 4);
}

/// A byte range boundary anywhere (inside a line, at a line start, on a line break) counts every
/// line once, with its line number in the file.
#[test]
fn every_cut_of_a_file_counts_each_line_once() {
    let text =
        b"{\"identityMap\":{\"Email\":[{\"id\":\"a\"}]}}\n{bad\n\n{\"identityMap\":{\"Email\":[{\"id\":\"b\"}]}}\n{bad";
    let len = text.len() as u64;
    for a in 0..=len {
        for b in a..=len {
            let mut parts: Vec<ProfileCounter> = LinesPart::at(len, &[a, b])
                .into_iter()
                .map(|part| {
                    let mut c = ProfileCounter::new();
                    let id = c.begin_part("f.json", None, &part);
                    for byte in &text[part.start as usize..] {
                        if c.part_done(id) {
                            break;
                        }
                        c.push(id, std::slice::from_ref(byte)).unwrap();
                    }
                    c.end_file(id).unwrap();
                    c
                })
                .collect();
            let mut whole = ProfileCounter::new();
            whole.merge_parts(&mut parts).unwrap();
            let report = whole.report(&ProfileSettings::default());
            assert_eq!(report.rows.used, 2, "cuts {a} {b}");
            let lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 5], "cuts {a} {b}");
            assert_eq!(report.files.len(), 1);
            assert_eq!(report.files[0].records, 2);
        }
    }
}

/// Parts that do not cover one file are refused, naming the mistake.
#[test]
fn parts_that_leave_a_gap_are_refused() {
    let mut parts: Vec<ProfileCounter> = LinesPart::split(100, 3)
        .into_iter()
        .skip(1)
        .map(|part| {
            let mut c = ProfileCounter::new();
            let id = c.begin_part("f.json", None, &part);
            c.push(id, &[b'\n'; 100][part.start as usize..]).unwrap();
            c.end_file(id).unwrap();
            c
        })
        .collect();
    let err = ProfileCounter::new().merge_parts(&mut parts).unwrap_err();
    assert_eq!(err.to_string(), "the parts are not the parts of one file, or leave a gap");
}

/// A state that does not hold together (a worker's bytes damaged on the way) is refused when it
/// is read, not left to make the report panic or loop.
#[test]
fn a_damaged_state_is_refused() {
    let mut c = ProfileCounter::new();
    let f = c.begin_file("f.json", None);
    let text = b"{\"identityMap\":{\"Email\":[{\"id\":\"a\"}],\"CRMID\":[{\"id\":\"1\"}]}}\n";
    c.push(f, text).unwrap();
    c.end_file(f).unwrap();
    let good = serde_json::to_value(&c).unwrap();
    let back: ProfileCounter = serde_json::from_value(good.clone()).unwrap();
    assert_eq!(back.report(&ProfileSettings::default()), c.report(&ProfileSettings::default()));
    // A cycle in the union-find: identity 0's parent is 1 and 1's is 0.
    let mut cycle = good.clone();
    cycle["store"]["graphs"][0][1]["parent"] = serde_json::json!([1, 0]);
    let err = serde_json::from_value::<ProfileCounter>(cycle).unwrap_err().to_string();
    assert_eq!(err, "the state of a Profiles count does not hold together: graph links");
    // A record naming an identity that does not exist.
    let mut dangling = good;
    dangling["store"]["rec_ids"] = serde_json::json!([0, 7]);
    let err = serde_json::from_value::<ProfileCounter>(dangling).unwrap_err().to_string();
    assert_eq!(err, "the state of a Profiles count does not hold together: record identities");
}

mod naive {
    //! The naive model (the lead's first counter, on plain records): every record kept, every figure
    //! computed with plain maps. It defines what the figures mean.

    use std::collections::{BTreeMap, BTreeSet, HashMap};

    use engine::aep::record::{Identity, Record};
    use engine::aep::report::*;
    use engine::aep::settings::{ProfileSettings, Stitching};
    use engine::Message;

    #[derive(Clone, Debug)]
    pub struct Stored {
        file: usize,
        line: u64,
        record: Record,
    }

    #[derive(Clone, Debug)]
    pub struct FileState {
        name: String,
        snapshot: Option<String>,
        format: String,
        records: u64,
    }

    /// A file as plain records: its name, snapshot, format and documents (line, record or why rejected).
    pub struct PlainFile {
        pub name: String,
        pub snapshot: Option<String>,
        pub format: String,
        pub docs: Vec<(u64, Result<Record, Message>)>,
    }

    type SortKey = (IdentityValue, Option<(usize, u64)>);

    #[derive(Clone, Debug, Default)]
    pub struct Naive {
        files: Vec<FileState>,
        records: Vec<Stored>,
        rejected: Vec<(usize, u64, Message)>,
        rejected_total: u64,
        warnings: Vec<Message>,
    }

    impl Naive {
        pub fn new(files: &[PlainFile]) -> Naive {
            let mut n = Naive::default();
            for (f, file) in files.iter().enumerate() {
                let mut records = 0;
                for (line, doc) in &file.docs {
                    match doc {
                        Ok(record) => {
                            records += 1;
                            n.records.push(Stored { file: f, line: *line, record: record.clone() });
                        }
                        Err(m) => {
                            n.rejected_total += 1;
                            n.rejected.push((f, *line, m.clone()));
                        }
                    }
                }
                n.files.push(FileState {
                    name: file.name.clone(),
                    snapshot: file.snapshot.clone(),
                    format: file.format.clone(),
                    records,
                });
            }
            n
        }

        pub fn snapshots(&self, settings: &ProfileSettings) -> Vec<(Option<String>, Vec<&Stored>)> {
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
                        c.iter()
                            .filter(|p| p.iter().all(|s| s.record.identities.iter().all(|i| !set.contains(i))))
                            .count() as u64
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
            let mut out =
                Explained { namespace: namespace.map(str::to_string), id: id.to_string(), profiles: Vec::new() };
            for (time, recs) in self.snapshots(settings) {
                let comps = components(&recs, settings.stitching);
                let mut in_snapshot: Vec<(SortKey, ExplainedProfile)> = Vec::new();
                for comp in comps {
                    let idents: BTreeSet<&Identity> = comp.iter().flat_map(|s| s.record.identities.iter()).collect();
                    let hits: Vec<&&Identity> =
                        idents.iter().filter(|i| i.id == id && namespace.is_none_or(|n| n == i.namespace)).collect();
                    for hit in hits {
                        let mut records: Vec<&&Stored> = comp.iter().collect();
                        records.sort_by_key(|s| (s.file, s.line));
                        let first = records.first().map(|s| (s.file, s.line));
                        in_snapshot.push((
                            (value(hit), first),
                            ExplainedProfile {
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
                            },
                        ));
                    }
                }
                in_snapshot.sort_by(|a, b| a.0.cmp(&b.0));
                out.profiles.extend(in_snapshot.into_iter().map(|(_, p)| p));
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
        let mut v: Vec<_> =
            map.into_iter().map(|(namespace, profiles)| NamespaceCount { namespace, profiles }).collect();
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
            let segments: BTreeSet<&str> =
                comp.iter().flat_map(|s| s.record.segments.iter().map(String::as_str)).collect();
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
                for i in comps.iter().flatten().flat_map(|s| s.record.identities.iter()).filter(|i| &i.namespace == ns)
                {
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
}
