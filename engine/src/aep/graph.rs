//! The identity graph's state: interned identities, one union-find per snapshot, and the records kept compactly.
//!
//! An identity `(namespace, id)` is interned once: its namespace as an index
//! into a small table, its id's bytes in one arena, found again through a
//! hashbrown table (foldhash) of `u32` indices. A snapshot's graph is a
//! union-find over those indices (`u32` parents, union by size, path
//! halving); an identity not in the snapshot has size 0. A record keeps its
//! file, its line, its identities (indices, in the record's order) and its
//! audiences (indices): everything the figures, `none` stitching and
//! *Explain* need, so the report never reads a file again.

use hashbrown::HashTable;
use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::FastMap;

fn hash_of(ns: u32, id: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0xae9_6a9b).hash_one((ns, id))
}

/// Start (low 40 bits) and length (high 24 bits) of an id in the arena.
fn pos(start: usize, len: usize) -> u64 {
    (start as u64 & 0xFF_FFFF_FFFF) | ((len.min(0xFF_FFFF) as u64) << 40)
}

/// Names interned in the order first seen (namespaces, audiences).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Names {
    pub names: Vec<String>,
    #[serde(skip)]
    index: FastMap<String, u32>,
}

impl Names {
    pub fn intern(&mut self, name: &str) -> u32 {
        if self.index.len() != self.names.len() {
            self.index = self.names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        }
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn get(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Every identity seen, interned.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Identities {
    pub namespaces: Names,
    /// The namespace of each identity.
    ns: Vec<u32>,
    /// Where each identity's id is in `arena`.
    pos: Vec<u64>,
    arena: Vec<u8>,
    /// Identity indices by hash of (namespace, id); rebuilt after deserialising.
    #[serde(skip)]
    index: HashTable<u32>,
}

impl Identities {
    pub fn len(&self) -> usize {
        self.ns.len()
    }

    pub fn ns(&self, i: u32) -> u32 {
        self.ns[i as usize]
    }

    pub fn id_bytes(&self, i: u32) -> &[u8] {
        let p = self.pos[i as usize];
        let start = (p & 0xFF_FFFF_FFFF) as usize;
        &self.arena[start..start + (p >> 40) as usize]
    }

    pub fn id(&self, i: u32) -> &str {
        std::str::from_utf8(self.id_bytes(i)).unwrap_or("")
    }

    pub fn namespace(&self, i: u32) -> &str {
        self.namespaces.get(self.ns(i))
    }

    fn ensure_index(&mut self) {
        if self.index.len() == self.ns.len() {
            return;
        }
        let mut index = HashTable::with_capacity(self.ns.len());
        for i in 0..self.ns.len() as u32 {
            let h = hash_of(self.ns(i), self.id_bytes(i));
            index.insert_unique(h, i, |&j| hash_of(self.ns(j), self.id_bytes(j)));
        }
        self.index = index;
    }

    /// The index of `(namespace index, id)`, created when new.
    #[inline]
    pub fn intern(&mut self, ns: u32, id: &str) -> u32 {
        self.ensure_index();
        let id = id.as_bytes();
        let h = hash_of(ns, id);
        let Identities { ns: nss, pos: poss, arena, index, .. } = self;
        let bytes = |j: u32| {
            let p = poss[j as usize];
            let start = (p & 0xFF_FFFF_FFFF) as usize;
            &arena[start..start + (p >> 40) as usize]
        };
        if let Some(&j) = index.find(h, |&j| nss[j as usize] == ns && bytes(j) == id) {
            return j;
        }
        let j = nss.len() as u32;
        let rehash = |&k: &u32| {
            let p = poss[k as usize];
            let start = (p & 0xFF_FFFF_FFFF) as usize;
            hash_of(nss[k as usize], &arena[start..start + (p >> 40) as usize])
        };
        index.insert_unique(h, j, rehash);
        poss.push(pos(arena.len(), id.len()));
        arena.extend_from_slice(id);
        nss.push(ns);
        j
    }

    /// The identities `(namespace, id)` equal to these (a linear scan: for *Explain*).
    pub fn find_all(&self, namespace: Option<&str>, id: &str) -> Vec<u32> {
        (0..self.len() as u32)
            .filter(|&i| self.id_bytes(i) == id.as_bytes() && namespace.is_none_or(|n| n == self.namespace(i)))
            .collect()
    }

    /// Bytes held, for the memory measurement.
    pub fn heap_bytes(&self) -> usize {
        self.ns.capacity() * 4 + self.pos.capacity() * 8 + self.arena.capacity() + self.index.capacity() * 5
    }
}

/// The union-find of one snapshot over identity indices.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Graph {
    parent: Vec<u32>,
    /// Identities in the component of a root; 0 for an identity not in the snapshot.
    size: Vec<u32>,
}

impl Graph {
    /// Puts identity `i` in the snapshot.
    #[inline]
    pub fn add(&mut self, i: u32) {
        let n = self.parent.len();
        if i as usize >= n {
            self.parent.extend(n as u32..=i);
            self.size.resize(i as usize + 1, 0);
        }
        if self.size[i as usize] == 0 {
            self.size[i as usize] = 1;
        }
    }

    pub fn present(&self, i: u32) -> bool {
        self.size.get(i as usize).is_some_and(|&s| s > 0)
    }

    /// Identity indices covered (present or not).
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    #[inline]
    pub fn find(&mut self, mut x: u32) -> u32 {
        let p = &mut self.parent;
        while p[x as usize] != x {
            let g = p[p[x as usize] as usize];
            p[x as usize] = g;
            x = g;
        }
        x
    }

    /// The root of `x` without shortening paths.
    pub fn root(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }

    /// Joins the components of `a` and `b` (both present); true when they were apart.
    #[inline]
    pub fn union(&mut self, a: u32, b: u32) -> bool {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return false;
        }
        if self.size[a as usize] < self.size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b as usize] = a;
        self.size[a as usize] += self.size[b as usize];
        true
    }

    /// Adds a record's identities and links them to each other.
    #[inline]
    pub fn link(&mut self, ids: &[u32]) {
        if let Some((&first, rest)) = ids.split_first() {
            self.add(first);
            for &i in rest {
                self.add(i);
                self.union(first, i);
            }
        }
    }

    /// Adds another snapshot's graph whose identity `i` is `map[i]` here.
    pub fn absorb(&mut self, other: &Graph, map: &[u32]) {
        for i in 0..other.parent.len() as u32 {
            if other.present(i) {
                self.add(map[i as usize]);
            }
        }
        for (i, &p) in other.parent.iter().enumerate() {
            if p != i as u32 {
                self.union(map[i], map[p as usize]);
            }
        }
    }

    /// The root of every identity (absent ones: their own index), found once.
    pub fn roots(&self) -> Vec<u32> {
        let mut roots: Vec<u32> = Vec::with_capacity(self.parent.len());
        for i in 0..self.parent.len() {
            let p = self.parent[i] as usize;
            // A parent with a smaller index already has its root.
            let r = if p == i {
                i as u32
            } else if p < i {
                roots[p]
            } else {
                self.root(p as u32)
            };
            roots.push(r);
        }
        roots
    }

    pub fn heap_bytes(&self) -> usize {
        (self.parent.capacity() + self.size.capacity()) * 4
    }
}

/// One used record, compactly.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Rec {
    pub line: u64,
    pub file: u32,
    /// Identities of the record in `Store::rec_ids`, after those of the records before it.
    pub ids: u32,
}

/// One input file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileState {
    pub name: String,
    pub snapshot: Option<String>,
    pub format: String,
    pub records: u64,
    /// Its graph in `Store::graphs`.
    pub graph: u32,
}

/// Everything the report and *Explain* are computed from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Store {
    pub ids: Identities,
    pub segments: Names,
    pub files: Vec<FileState>,
    /// One graph per `exportTime=` snapshot of the files (`None`: files outside any).
    pub graphs: Vec<(Option<String>, Graph)>,
    pub recs: Vec<Rec>,
    pub rec_ids: Vec<u32>,
    /// (record, audience) for every realized or existing membership, by record.
    pub members: Vec<(u32, u32)>,
    /// The first rejected records by (file, line), at most [`KEEP_REJECTED`] once trimmed.
    pub rejected: Vec<(u32, u64, Message)>,
    pub rejected_total: u64,
    pub warnings: Vec<Message>,
}

/// Rejected records listed in the report.
pub(crate) const KEEP_REJECTED: usize = 100;

impl Store {
    /// The graph of the snapshot `snapshot`, created when new.
    pub fn graph_of(&mut self, snapshot: Option<&str>) -> u32 {
        if let Some(g) = self.graphs.iter().position(|(s, _)| s.as_deref() == snapshot) {
            return g as u32;
        }
        self.graphs.push((snapshot.map(str::to_string), Graph::default()));
        (self.graphs.len() - 1) as u32
    }

    pub fn add_file(&mut self, name: &str, snapshot: Option<&str>) -> usize {
        let graph = self.graph_of(snapshot);
        self.files.push(FileState {
            name: name.to_string(),
            snapshot: snapshot.map(str::to_string),
            format: String::new(),
            records: 0,
            graph,
        });
        self.files.len() - 1
    }

    /// A used record of `file`: its identities interned and linked in the file's snapshot.
    pub fn add_record(&mut self, file: usize, line: u64, record: &crate::aep::record::Record) {
        let start = self.rec_ids.len();
        for identity in &record.identities {
            let ns = self.ids.namespaces.intern(&identity.namespace);
            let i = self.ids.intern(ns, &identity.id);
            self.rec_ids.push(i);
        }
        let r = self.recs.len() as u32;
        for segment in &record.segments {
            let s = self.segments.intern(segment);
            self.members.push((r, s));
        }
        let f = &mut self.files[file];
        f.records += 1;
        self.graphs[f.graph as usize].1.link(&self.rec_ids[start..]);
        self.recs.push(Rec { line, file: file as u32, ids: (self.rec_ids.len() - start) as u32 });
    }

    pub fn reject(&mut self, file: usize, line: u64, reason: Message) {
        self.rejected_total += 1;
        self.rejected.push((file as u32, line, reason));
        if self.rejected.len() >= 4 * KEEP_REJECTED {
            self.trim_rejected();
        }
    }

    /// Keeps the first rejected records by (file, line) (in the order read for equal ones).
    pub fn trim_rejected(&mut self) {
        self.rejected.sort_by_key(|(f, l, _)| (*f, *l));
        self.rejected.truncate(KEEP_REJECTED);
    }

    /// Where each record's identities start in `rec_ids` (and the end, last).
    pub fn offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.recs.len() + 1);
        let mut at = 0usize;
        out.push(0);
        for r in &self.recs {
            at += r.ids as usize;
            out.push(at);
        }
        out
    }

    /// Adds another store after this one: its identities and audiences interned again, its files
    /// after these, its graphs joined to these snapshot by snapshot. With `same_file`, the other
    /// store read the next part of this store's only file: its records go to that file, their
    /// lines shifted by `line_shift`.
    pub fn merge(&mut self, o: Store, same_file: bool, line_shift: u64) {
        let ns_map: Vec<u32> = o.ids.namespaces.names.iter().map(|n| self.ids.namespaces.intern(n)).collect();
        let id_map: Vec<u32> =
            (0..o.ids.len() as u32).map(|i| self.ids.intern(ns_map[o.ids.ns(i) as usize], o.ids.id(i))).collect();
        let seg_map: Vec<u32> = o.segments.names.iter().map(|n| self.segments.intern(n)).collect();
        let graph_map: Vec<u32> = o.graphs.iter().map(|(s, _)| self.graph_of(s.as_deref())).collect();
        for ((_, g), &to) in o.graphs.iter().zip(&graph_map) {
            self.graphs[to as usize].1.absorb(g, &id_map);
        }
        let rec_shift = self.recs.len() as u32;
        let file_map: Vec<u32> = if same_file {
            let records: u64 = o.files.iter().map(|f| f.records).sum();
            if let Some(f) = self.files.first_mut() {
                f.records += records;
            }
            vec![0; o.files.len()]
        } else {
            let shift = self.files.len() as u32;
            self.files.extend(o.files.into_iter().map(|mut f| {
                f.graph = graph_map[f.graph as usize];
                f
            }));
            (shift..self.files.len() as u32).collect()
        };
        self.recs.extend(o.recs.into_iter().map(|mut r| {
            r.file = file_map[r.file as usize];
            r.line = r.line.saturating_add(line_shift);
            r
        }));
        self.rec_ids.extend(o.rec_ids.iter().map(|&i| id_map[i as usize]));
        self.members.extend(o.members.iter().map(|&(r, s)| (r + rec_shift, seg_map[s as usize])));
        self.rejected
            .extend(o.rejected.into_iter().map(|(f, l, m)| (file_map[f as usize], l.saturating_add(line_shift), m)));
        self.rejected_total += o.rejected_total;
        if self.rejected.len() > KEEP_REJECTED {
            self.trim_rejected();
        }
        self.warnings.extend(o.warnings);
    }

    /// Bytes held by the graph's state (identities, graphs, records), for the memory measurement.
    pub fn heap_bytes(&self) -> usize {
        self.ids.heap_bytes()
            + self.graphs.iter().map(|(_, g)| g.heap_bytes()).sum::<usize>()
            + self.recs.capacity() * std::mem::size_of::<Rec>()
            + self.rec_ids.capacity() * 4
            + self.members.capacity() * 8
    }
}
