//! The figures of section 2 and *Explain an identity*, computed from the graph's state and the settings alone.
//!
//! Per snapshot, the profiles are the components of its graph (or its records,
//! with stitching `none`); each profile's distinct identities and audiences are
//! gathered once (counting sorts, no per-profile allocation), and every figure
//! is one pass over them. Case duplicates work on components: per namespace, a
//! small union-find over the components that hold ids equal once trimmed and
//! lower-cased.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use crate::aep::graph::{Graph, Store};
use crate::aep::report::*;
use crate::aep::settings::{ProfileSettings, Stitching};
use crate::FastMap;

/// One snapshot as the report sees it: its time, its graph and its records.
struct Snap<'a> {
    time: Option<String>,
    graph: Cow<'a, Graph>,
    /// Record indices, in the order kept.
    recs: Vec<u32>,
}

/// The snapshots with at least one record, oldest first; files outside any `exportTime=` folder
/// belong to `settings.snapshot_time` (joined to the snapshot of that time, if there is one).
fn snapshots<'a>(st: &'a Store, settings: &ProfileSettings) -> Vec<Snap<'a>> {
    let key = |g: usize| st.graphs[g].0.clone().or_else(|| settings.snapshot_time.clone());
    let mut by: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for g in 0..st.graphs.len() {
        by.entry(key(g)).or_default().push(g);
    }
    let mut index_of = vec![0usize; st.graphs.len()];
    let mut snaps: Vec<Snap<'a>> = Vec::new();
    for (i, (time, graphs)) in by.into_iter().enumerate() {
        let mut graph = Cow::Borrowed(&st.graphs[graphs[0]].1);
        for &g in &graphs[1..] {
            let other = &st.graphs[g].1;
            let map: Vec<u32> = (0..other.len() as u32).collect();
            graph.to_mut().absorb(other, &map);
        }
        for &g in &graphs {
            index_of[g] = i;
        }
        snaps.push(Snap { time, graph, recs: Vec::new() });
    }
    for (r, rec) in st.recs.iter().enumerate() {
        let g = st.files[rec.file as usize].graph as usize;
        snaps[index_of[g]].recs.push(r as u32);
    }
    snaps.retain(|s| !s.recs.is_empty());
    snaps
}

/// A compressed list of lists: the items of group `g` are `items[start[g]..start[g + 1]]`.
struct Groups {
    start: Vec<usize>,
    items: Vec<u32>,
}

impl Groups {
    fn of(n: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Groups {
        let mut start = vec![0usize; n + 1];
        for (g, _) in pairs.clone() {
            start[g as usize + 1] += 1;
        }
        for g in 0..n {
            start[g + 1] += start[g];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start[n]];
        for (g, x) in pairs {
            items[fill[g as usize]] = x;
            fill[g as usize] += 1;
        }
        Groups { start, items }
    }

    fn get(&self, g: usize) -> &[u32] {
        &self.items[self.start[g]..self.start[g + 1]]
    }
}

/// The profiles of one snapshot.
struct Profiles {
    n: usize,
    /// Distinct identities of each profile.
    ids: Groups,
    /// Audiences of each profile (with repeats).
    segs: Groups,
    /// The profile of each identity (graph stitching): `u32::MAX` when not in the snapshot.
    comp: Option<Vec<u32>>,
}

fn profiles(st: &Store, offsets: &[usize], snap: &Snap<'_>, stitching: Stitching) -> Profiles {
    let rec_ids = |r: u32| &st.rec_ids[offsets[r as usize]..offsets[r as usize + 1]];
    let (n, ids, rec_prof, comp) = match stitching {
        Stitching::Graph => {
            let g = &snap.graph;
            let roots = g.roots();
            let mut comp = vec![u32::MAX; g.len()];
            let mut n = 0u32;
            for i in 0..g.len() as u32 {
                if g.present(i) {
                    let r = roots[i as usize] as usize;
                    if comp[r] == u32::MAX {
                        comp[r] = n;
                        n += 1;
                    }
                    comp[i as usize] = comp[r];
                }
            }
            let ids = Groups::of(
                n as usize,
                (0..g.len() as u32).filter(|&i| comp[i as usize] != u32::MAX).map(|i| (comp[i as usize], i)),
            );
            let rec_prof: Vec<u32> =
                snap.recs.iter().map(|&r| rec_ids(r).first().map_or(0, |&i| comp[i as usize])).collect();
            (n as usize, ids, rec_prof, Some(comp))
        }
        Stitching::None => {
            let mut start = Vec::with_capacity(snap.recs.len() + 1);
            let mut items = Vec::new();
            start.push(0);
            for &r in &snap.recs {
                let at = items.len();
                items.extend_from_slice(rec_ids(r));
                items[at..].sort_unstable();
                let mut w = at;
                for k in at..items.len() {
                    if k == at || items[k] != items[w - 1] {
                        items[w] = items[k];
                        w += 1;
                    }
                }
                items.truncate(w);
                start.push(items.len());
            }
            let n = snap.recs.len();
            (n, Groups { start, items }, (0..n as u32).collect(), None)
        }
    };
    // Both lists are sorted by record: join them.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut j = 0usize;
    for &(r, s) in &st.members {
        while j < snap.recs.len() && snap.recs[j] < r {
            j += 1;
        }
        if snap.recs.get(j) == Some(&r) {
            pairs.push((rec_prof[j], s));
        }
    }
    let segs = Groups::of(n, pairs.iter().copied());
    Profiles { n, ids, segs, comp }
}

fn sorted_counts(map: BTreeMap<String, u64>) -> Vec<NamespaceCount> {
    let mut v: Vec<_> = map.into_iter().map(|(namespace, profiles)| NamespaceCount { namespace, profiles }).collect();
    v.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| a.namespace.cmp(&b.namespace)));
    v
}

fn sorted_pairs(map: FastMap<(u32, u32), u64>, name: impl Fn(u32) -> String) -> Vec<PairCount> {
    let mut v: Vec<PairCount> = map
        .into_iter()
        .map(|((x, y), profiles)| {
            let (mut a, mut b) = (name(x), name(y));
            if b < a {
                std::mem::swap(&mut a, &mut b);
            }
            PairCount { a, b, profiles }
        })
        .collect();
    v.sort_by(|x, y| y.profiles.cmp(&x.profiles).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    v
}

/// `id` trimmed and lower-cased, when that changes it.
fn folded(id: &str) -> Option<String> {
    let b = id.as_bytes();
    if b.is_ascii() {
        let space = |c: &u8| matches!(c, 0x09..=0x0D | b' ');
        if !b.iter().any(u8::is_ascii_uppercase) && !b.first().is_some_and(space) && !b.last().is_some_and(space) {
            return None;
        }
    }
    let f = id.trim().to_lowercase();
    (f != id).then_some(f)
}

/// A union-find over a few component numbers.
#[derive(Default)]
struct SmallUnion(FastMap<u32, u32>);

impl SmallUnion {
    fn parent(&self, x: u32) -> u32 {
        self.0.get(&x).copied().unwrap_or(x)
    }

    fn find(&mut self, mut x: u32) -> u32 {
        loop {
            let p = self.parent(x);
            if p == x {
                return x;
            }
            let g = self.parent(p);
            if g != p {
                self.0.insert(x, g);
            }
            x = g;
        }
    }

    fn union(&mut self, a: u32, b: u32) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return false;
        }
        self.0.insert(b, a);
        true
    }
}

fn figures(st: &Store, snap: &Snap<'_>, p: &Profiles, settings: &ProfileSettings) -> SnapshotFigures {
    let ids = &st.ids;
    let nsn = ids.namespaces.len();
    let ns_name = |n: u32| ids.namespaces.get(n).to_string();
    let pseudo: Vec<bool> =
        (0..nsn as u32).map(|n| settings.pseudonymous.iter().any(|x| x == ids.namespaces.get(n))).collect();
    let unique: Vec<Option<u32>> =
        settings.unique.iter().map(|u| (0..nsn as u32).find(|&n| ids.namespaces.get(n) == u)).collect();
    let mut f = SnapshotFigures { time: snap.time.clone(), profiles: p.n as u64, ..Default::default() };
    let mut by_ns = vec![0u64; nsn];
    let mut single = vec![0u64; nsn];
    let mut conflicts = vec![0u64; settings.unique.len()];
    let mut overlap: FastMap<(u32, u32), u64> = FastMap::default();
    let mut audiences: FastMap<u32, u64> = FastMap::default();
    let mut aud_overlap: FastMap<(u32, u32), u64> = FastMap::default();
    let mut nss: Vec<u32> = Vec::new();
    let mut runs: Vec<(u32, u64)> = Vec::new();
    let mut segs: Vec<u32> = Vec::new();
    for g in 0..p.n {
        let members = p.ids.get(g);
        nss.clear();
        nss.extend(members.iter().map(|&i| ids.ns(i)));
        nss.sort_unstable();
        runs.clear();
        for &n in &nss {
            match runs.last_mut() {
                Some((m, c)) if *m == n => *c += 1,
                _ => runs.push((n, 1)),
            }
        }
        for (k, &(a, _)) in runs.iter().enumerate() {
            by_ns[a as usize] += 1;
            for &(b, _) in &runs[k + 1..] {
                *overlap.entry((a, b)).or_insert(0) += 1;
            }
        }
        if runs.len() == 1 {
            f.single_identity.profiles += 1;
            single[runs[0].0 as usize] += 1;
        }
        if runs.iter().all(|&(n, _)| pseudo[n as usize]) {
            f.pseudonymous_only += 1;
        }
        if members.len() > 50 {
            f.collapse.over_limit += 1;
        }
        for (c, u) in conflicts.iter_mut().zip(&unique) {
            if u.is_some_and(|u| runs.iter().any(|&(n, k)| n == u && k > 1)) {
                *c += 1;
            }
        }
        segs.clear();
        segs.extend_from_slice(p.segs.get(g));
        segs.sort_unstable();
        segs.dedup();
        if segs.is_empty() {
            f.unsegmented += 1;
        }
        for (k, &a) in segs.iter().enumerate() {
            *audiences.entry(a).or_insert(0) += 1;
            for &b in &segs[k + 1..] {
                *aud_overlap.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let named = |v: &[u64]| -> BTreeMap<String, u64> {
        v.iter().enumerate().filter(|(_, &c)| c > 0).map(|(n, &c)| (ns_name(n as u32), c)).collect()
    };
    f.by_namespace = sorted_counts(named(&by_ns));
    f.overlap = sorted_pairs(overlap, ns_name);
    f.single_identity.by_namespace = sorted_counts(named(&single));
    let seg_name = |s: u32| st.segments.get(s).to_string();
    f.audiences = sorted_counts(audiences.into_iter().map(|(s, c)| (seg_name(s), c)).collect())
        .into_iter()
        .map(|c| AudienceCount { id: c.namespace, profiles: c.profiles })
        .collect();
    f.audience_overlap = sorted_pairs(aud_overlap, seg_name).into_iter().take(20).collect();
    let mut unique_conflicts: BTreeMap<String, u64> = BTreeMap::new();
    for (u, &c) in settings.unique.iter().zip(&conflicts) {
        if c > 0 {
            *unique_conflicts.entry(u.clone()).or_insert(0) += c;
        }
    }
    f.collapse.unique_conflicts = sorted_counts(unique_conflicts);
    if settings.include_identities {
        f.collapse.hubs = hubs(st, snap);
    }
    if let Some(comp) = &p.comp {
        f.case_duplicates = case_duplicates(st, &snap.graph, comp, settings.include_identities);
    }
    f
}

/// The 20 identities of a snapshot linked to the most records (ties by namespace, then id).
fn hubs(st: &Store, snap: &Snap<'_>) -> Vec<Hub> {
    let offsets = st.offsets();
    let mut counts = vec![0u64; st.ids.len()];
    for &r in &snap.recs {
        for &i in &st.rec_ids[offsets[r as usize]..offsets[r as usize + 1]] {
            counts[i as usize] += 1;
        }
    }
    let key = |i: u32| (std::cmp::Reverse(counts[i as usize]), st.ids.namespace(i), st.ids.id(i));
    // The 20 smallest keys, kept in a max-heap.
    let mut heap: BinaryHeap<(std::cmp::Reverse<u64>, &str, &str, u32)> = BinaryHeap::new();
    for i in 0..st.ids.len() as u32 {
        if counts[i as usize] == 0 {
            continue;
        }
        let (c, ns, id) = key(i);
        if heap.len() < 20 {
            heap.push((c, ns, id, i));
        } else if heap.peek().is_some_and(|top| (c, ns, id) < (top.0, top.1, top.2)) {
            heap.pop();
            heap.push((c, ns, id, i));
        }
    }
    heap.into_sorted_vec()
        .into_iter()
        .map(|(c, ns, id, _)| Hub { namespace: ns.to_string(), id: id.to_string(), records: c.0 })
        .collect()
}

/// Per namespace, how many fewer profiles its ids compared trimmed and lower-cased would give.
fn case_duplicates(st: &Store, graph: &Graph, comp: &[u32], examples: bool) -> Vec<CaseDuplicates> {
    let ids = &st.ids;
    let mut changed: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    for i in 0..graph.len() as u32 {
        if graph.present(i) {
            if let Some(f) = folded(ids.id(i)) {
                changed.entry(ids.ns(i)).or_default().push((i, f));
            }
        }
    }
    let mut out = Vec::new();
    for (ns, list) in changed {
        let mut anchor: FastMap<&str, u32> = FastMap::default();
        let mut uf = SmallUnion::default();
        let mut fewer = 0u64;
        for (i, f) in &list {
            let c = comp[*i as usize];
            match anchor.get(f.as_str()) {
                Some(&a) => fewer += uf.union(a, c) as u64,
                None => {
                    anchor.insert(f, c);
                }
            }
        }
        let mut unchanged = Vec::new();
        for i in 0..graph.len() as u32 {
            if graph.present(i) && ids.ns(i) == ns {
                if let Some(&a) = anchor.get(ids.id(i)) {
                    fewer += uf.union(a, comp[i as usize]) as u64;
                    unchanged.push(i);
                }
            }
        }
        if fewer == 0 {
            continue;
        }
        let mut groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        if examples {
            for (i, f) in &list {
                groups.entry(f.as_str()).or_default().insert(ids.id(*i));
            }
            for &i in &unchanged {
                groups.entry(ids.id(i)).or_default().insert(ids.id(i));
            }
        }
        out.push(CaseDuplicates {
            namespace: ids.namespaces.get(ns).to_string(),
            fewer,
            examples: groups
                .into_values()
                .filter(|g| g.len() > 1)
                .take(20)
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect(),
        });
    }
    out.sort_by(|a, b| b.fewer.cmp(&a.fewer).then_with(|| a.namespace.cmp(&b.namespace)));
    out
}

/// Profiles of `p` none of whose identities is in `other`.
fn none_in(p: &Profiles, other: &Graph) -> u64 {
    (0..p.n).filter(|&g| p.ids.get(g).iter().all(|&i| !other.present(i))).count() as u64
}

/// Every snapshot's figures with one stitching, and the change between consecutive ones.
fn all_figures(
    st: &Store,
    snaps: &[Snap<'_>],
    settings: &ProfileSettings,
    stitching: Stitching,
) -> (Vec<SnapshotFigures>, Vec<Change>) {
    let offsets = st.offsets();
    let mut figs = Vec::new();
    let mut change = Vec::new();
    let mut before: Option<Profiles> = None;
    for (k, snap) in snaps.iter().enumerate() {
        let p = profiles(st, &offsets, snap, stitching);
        figs.push(figures(st, snap, &p, settings));
        if let Some(b) = &before {
            let prev = &snaps[k - 1];
            change.push(Change {
                from: prev.time.clone(),
                to: snap.time.clone(),
                profiles: p.n as u64,
                added: none_in(&p, &prev.graph),
                removed: none_in(b, &snap.graph),
            });
        }
        before = Some(p);
    }
    (figs, change)
}

/// The whole report.
pub(crate) fn report(st: &Store, settings: &ProfileSettings) -> ProfilesReport {
    let snaps = snapshots(st, settings);
    let (snapshots, change) = all_figures(st, &snaps, settings, settings.stitching);
    let compared = settings.compare.then(|| {
        let other = match settings.stitching {
            Stitching::Graph => Stitching::None,
            Stitching::None => Stitching::Graph,
        };
        Compared { stitching: other.as_str().to_string(), snapshots: all_figures(st, &snaps, settings, other).0 }
    });
    let mut rejected: Vec<&(u32, u64, crate::message::Message)> = st.rejected.iter().collect();
    rejected.sort_by_key(|(f, l, _)| (*f, *l));
    let used = st.recs.len() as u64;
    ProfilesReport {
        format: FORMAT.to_string(),
        stitching: settings.stitching.as_str().to_string(),
        unique_namespaces: settings.unique.clone(),
        pseudonymous_namespaces: settings.pseudonymous.clone(),
        snapshots,
        change,
        rows: RecordCounts { read: used + st.rejected_total, used, rejected: st.rejected_total },
        rejected: rejected
            .into_iter()
            .take(100)
            .map(|(f, l, m)| RejectedRecord {
                file: st.files[*f as usize].name.clone(),
                line: *l,
                reason: m.to_string(),
                message: Some(m.clone()),
            })
            .collect(),
        files: st
            .files
            .iter()
            .map(|f| RecordFile {
                name: f.name.clone(),
                format: f.format.clone(),
                records: f.records,
                snapshot: f.snapshot.clone(),
            })
            .collect(),
        warnings: st.warnings.iter().map(|m| m.to_string()).collect(),
        warning_messages: st.warnings.clone(),
        compared,
    }
}

fn value(st: &Store, i: u32) -> IdentityValue {
    IdentityValue { namespace: st.ids.namespace(i).to_string(), id: st.ids.id(i).to_string() }
}

/// *Explain an identity*: per snapshot (oldest first), the profiles holding it, ordered by the
/// identity (when only an id was given), then by their first record.
pub(crate) fn explain(st: &Store, settings: &ProfileSettings, namespace: Option<&str>, id: &str) -> Explained {
    let mut out = Explained { namespace: namespace.map(str::to_string), id: id.to_string(), profiles: Vec::new() };
    let found = st.ids.find_all(namespace, id);
    if found.is_empty() {
        return out;
    }
    let offsets = st.offsets();
    let rec_ids = |r: u32| &st.rec_ids[offsets[r as usize]..offsets[r as usize + 1]];
    for snap in snapshots(st, settings) {
        let g = &snap.graph;
        let hits: Vec<u32> = found.iter().copied().filter(|&i| g.present(i)).collect();
        if hits.is_empty() {
            continue;
        }
        // (hit, the profile's identities, its records)
        let mut found_profiles: Vec<(u32, Vec<u32>, Vec<u32>)> = Vec::new();
        match settings.stitching {
            Stitching::Graph => {
                let roots = g.roots();
                for &h in &hits {
                    let root = roots[h as usize];
                    let members: Vec<u32> =
                        (0..g.len() as u32).filter(|&i| g.present(i) && roots[i as usize] == root).collect();
                    let recs: Vec<u32> = snap
                        .recs
                        .iter()
                        .copied()
                        .filter(|&r| rec_ids(r).first().is_some_and(|&i| roots[i as usize] == root))
                        .collect();
                    found_profiles.push((h, members, recs));
                }
            }
            Stitching::None => {
                for &r in &snap.recs {
                    let mut members = rec_ids(r).to_vec();
                    members.sort_unstable();
                    members.dedup();
                    for &h in &hits {
                        if members.contains(&h) {
                            found_profiles.push((h, members.clone(), vec![r]));
                        }
                    }
                }
            }
        }
        let rec_key = |r: u32| (st.recs[r as usize].file, st.recs[r as usize].line);
        for (_, _, recs) in &mut found_profiles {
            recs.sort_by_key(|&r| rec_key(r));
        }
        found_profiles.sort_by(|a, b| {
            value(st, a.0)
                .cmp(&value(st, b.0))
                .then_with(|| a.2.first().map(|&r| rec_key(r)).cmp(&b.2.first().map(|&r| rec_key(r))))
        });
        let profiles = found_profiles.into_iter().map(|(h, members, recs)| {
            let mut identities: Vec<IdentityValue> = members.iter().map(|&i| value(st, i)).collect();
            identities.sort();
            let unique_conflicts = settings
                .unique
                .iter()
                .filter(|u| members.iter().filter(|&&i| st.ids.namespace(i) == u.as_str()).count() > 1)
                .cloned()
                .collect();
            ExplainedProfile {
                snapshot: snap.time.clone(),
                identity: value(st, h),
                over_limit: identities.len() > 50,
                identities,
                records_total: recs.len() as u64,
                records: recs
                    .iter()
                    .take(1000)
                    .map(|&r| LinkingRecord {
                        file: st.files[st.recs[r as usize].file as usize].name.clone(),
                        line: st.recs[r as usize].line,
                        identities: rec_ids(r).iter().map(|&i| value(st, i)).collect(),
                    })
                    .collect(),
                unique_conflicts,
            }
        });
        out.profiles.extend(profiles);
    }
    out
}

/// The stitched profiles of the latest snapshot, by identity value: what engagement events
/// name as a profile is looked up here (`journey-optimizer.md` section 3).
#[derive(Clone, Debug, Default)]
pub struct StitchMap {
    /// The profile (component) number of each identity value, in any namespace. A value that is
    /// an identity of two different profiles (in two namespaces) is [`AMBIGUOUS`] and stays as
    /// written.
    by_value: FastMap<Vec<u8>, u32>,
    profiles: usize,
}

const AMBIGUOUS: u32 = u32::MAX;

impl StitchMap {
    /// The stitched profile number of an identity value.
    pub fn profile_of(&self, value: &[u8]) -> Option<u32> {
        self.by_value.get(value).copied().filter(|&p| p != AMBIGUOUS)
    }

    /// Stitched profiles in the snapshot.
    pub fn profiles(&self) -> usize {
        self.profiles
    }

    /// Identity values known.
    pub fn values(&self) -> usize {
        self.by_value.len()
    }
}

/// The [`StitchMap`] of the latest snapshot, stitched by its graph.
pub(crate) fn stitch_map(st: &Store, settings: &ProfileSettings) -> StitchMap {
    let snaps = snapshots(st, settings);
    let Some(snap) = snaps.last() else { return StitchMap::default() };
    let offsets = st.offsets();
    let prof = profiles(st, &offsets, snap, Stitching::Graph);
    let mut map = StitchMap { by_value: FastMap::default(), profiles: prof.n };
    let Some(comp) = prof.comp else { return map };
    for (i, &c) in comp.iter().enumerate() {
        if c == u32::MAX {
            continue;
        }
        let value = st.ids.id_bytes(i as u32);
        match map.by_value.get_mut(value) {
            Some(p) if *p != c => *p = AMBIGUOUS,
            Some(_) => {}
            None => {
                map.by_value.insert(value.to_vec(), c);
            }
        }
    }
    map
}
