//! The profile store: interned keys in one arena, and each profile's activity as merged day intervals.
//!
//! A profile is `(group, key)` where the group stands for (instance, target
//! dimension). Its key bytes live once in a shared arena; a hash table maps
//! them to a dense `u32` id. A profile's activity is the union of the
//! intervals `[e, leave_day(e))` over its counted event days, kept as
//! maximal runs: one inline run per profile (8 bytes) and, rarely, more runs
//! in a side map. Profiles reached on more than one channel also keep their
//! runs per channel, in another side map. The cost per profile is about 40
//! bytes on top of the key's own bytes (see `bytes_per_profile` in tests).

use hashbrown::HashTable;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Day;
use crate::FastMap;

/// `[start, end)`: active from `start` included to `end` excluded.
pub(crate) type Run = (Day, Day);

/// No counted event yet.
pub(crate) const NO_CHANNEL: u16 = u16::MAX;
/// Reached on several channels: see the per-channel runs.
pub(crate) const MULTI: u16 = u16::MAX - 1;
const HAS_EXTRA: u16 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub group: u32,
    pub channel: u16,
    flags: u16,
}

/// The profiles of a counter.
#[derive(Clone, Default)]
pub(crate) struct Profiles {
    arena: Vec<u8>,
    ends: Vec<u64>,
    pub meta: Vec<Meta>,
    runs: Vec<Run>,
    extra: FastMap<u32, Vec<Run>>,
    pub channel_runs: FastMap<(u32, u16), Vec<Run>>,
    /// (case-folded hash, exact hash) of an address per profile; (0, 0) = none.
    addr: Vec<(u64, u64)>,
    index: HashTable<u32>,
}

fn touches(a: Run, b: Run) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Sorts and merges overlapping or touching runs.
pub(crate) fn normalise(v: &mut Vec<Run>) {
    v.sort_unstable();
    let mut out: Vec<Run> = Vec::with_capacity(v.len());
    for &r in v.iter() {
        match out.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => out.push(r),
        }
    }
    *v = out;
}

pub(crate) fn add_run_vec(v: &mut Vec<Run>, run: Run) {
    if let Some(r) = v.iter_mut().find(|r| touches(**r, run)) {
        if r.0 <= run.0 && run.1 <= r.1 {
            return;
        }
    }
    v.push(run);
    normalise(v);
}

/// A hash that is the same on every platform and in every process.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 =
        0x243F_6A88_85A3_08D3 ^ (bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64)
            .wrapping_mul(0x1000_0000_01B3)
            .rotate_left(17);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h | 1
}

#[inline]
fn key_hash(group: u32, key: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x5eed).hash_one((group, key))
}

impl Profiles {
    pub(crate) fn len(&self) -> usize {
        self.meta.len()
    }

    pub(crate) fn key(&self, id: u32) -> &[u8] {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    /// The id of `(group, key)`, created when new.
    pub(crate) fn intern(&mut self, group: u32, key: &[u8]) -> u32 {
        let hash = key_hash(group, key);
        let Profiles {
            arena,
            ends,
            meta,
            index,
            ..
        } = self;
        let get = |id: u32| {
            let i = id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &arena[start..ends[i] as usize]
        };
        if let Some(&id) = index.find(hash, |&id| {
            meta[id as usize].group == group && get(id) == key
        }) {
            return id;
        }
        let id = meta.len() as u32;
        arena.extend_from_slice(key);
        ends.push(arena.len() as u64);
        meta.push(Meta {
            group,
            channel: NO_CHANNEL,
            flags: 0,
        });
        self.runs.push((0, 0));
        let (arena, ends, meta) = (&self.arena, &self.ends, &self.meta);
        self.index.insert_unique(hash, id, |&id| {
            let i = id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            key_hash(meta[i].group, &arena[start..ends[i] as usize])
        });
        id
    }

    /// Records activity `run` of profile `id` on `channel`.
    pub(crate) fn add(&mut self, id: u32, channel: u16, run: Run) {
        let i = id as usize;
        let current = self.meta[i].channel;
        if current == NO_CHANNEL {
            self.meta[i].channel = channel;
        } else if current == MULTI {
            add_run_vec(self.channel_runs.entry((id, channel)).or_default(), run);
        } else if current != channel {
            let all = self.runs_of(id);
            self.channel_runs.insert((id, current), all);
            self.meta[i].channel = MULTI;
            add_run_vec(self.channel_runs.entry((id, channel)).or_default(), run);
        }
        let r = &mut self.runs[i];
        if r.0 == r.1 {
            *r = run;
            return;
        }
        if self.meta[i].flags & HAS_EXTRA == 0 && touches(*r, run) {
            r.0 = r.0.min(run.0);
            r.1 = r.1.max(run.1);
            return;
        }
        let mut v = self.extra.remove(&id).unwrap_or_default();
        v.push(*r);
        v.push(run);
        normalise(&mut v);
        self.runs[i] = v.remove(0);
        if v.is_empty() {
            self.meta[i].flags &= !HAS_EXTRA;
        } else {
            self.meta[i].flags |= HAS_EXTRA;
            self.extra.insert(id, v);
        }
    }

    /// All runs of a profile, oldest first.
    pub(crate) fn runs_of(&self, id: u32) -> Vec<Run> {
        let i = id as usize;
        let mut v = vec![self.runs[i]];
        if self.meta[i].flags & HAS_EXTRA != 0 {
            if let Some(extra) = self.extra.get(&id) {
                v.extend_from_slice(extra);
            }
        }
        v.retain(|r| r.0 < r.1);
        v
    }

    /// The run of `id` that contains `day`, if any.
    pub(crate) fn run_at(&self, id: u32, day: Day) -> Option<Run> {
        let i = id as usize;
        let r = self.runs[i];
        if r.0 <= day && day < r.1 {
            return Some(r);
        }
        if self.meta[i].flags & HAS_EXTRA != 0 {
            return self
                .extra
                .get(&id)
                .and_then(|v| v.iter().copied().find(|r| r.0 <= day && day < r.1));
        }
        None
    }

    /// Calls `f` with every run of every profile.
    pub(crate) fn for_each_run(&self, mut f: impl FnMut(u32, Run)) {
        for (i, r) in self.runs.iter().enumerate() {
            if r.0 < r.1 {
                f(i as u32, *r);
            }
        }
        for (id, v) in &self.extra {
            for r in v {
                f(*id, *r);
            }
        }
    }

    /// Keeps one address per profile (the smallest by hashes, so that merging in any order agrees).
    pub(crate) fn set_address(&mut self, id: u32, folded: u64, exact: u64) {
        let i = id as usize;
        if self.addr.len() <= i {
            self.addr.resize(self.meta.len().max(i + 1), (0, 0));
        }
        let slot = &mut self.addr[i];
        if *slot == (0, 0) || (folded, exact) < *slot {
            *slot = (folded, exact);
        }
    }

    pub(crate) fn address(&self, id: u32) -> Option<(u64, u64)> {
        self.addr.get(id as usize).copied().filter(|a| *a != (0, 0))
    }

    /// Adds every profile of `other`, its groups and channels renumbered by the maps.
    pub(crate) fn merge(&mut self, other: &Profiles, groups: &[u32], channels: &[u16]) {
        let mut ids = Vec::with_capacity(other.len());
        for oid in 0..other.len() as u32 {
            let m = other.meta[oid as usize];
            let id = self.intern(groups[m.group as usize], other.key(oid));
            ids.push(id);
            if m.channel != MULTI {
                let ch = if m.channel == NO_CHANNEL {
                    NO_CHANNEL
                } else {
                    channels[m.channel as usize]
                };
                for r in other.runs_of(oid) {
                    self.add(id, ch, r);
                }
            }
            if let Some((f, e)) = other.address(oid) {
                self.set_address(id, f, e);
            }
        }
        let mut entries: Vec<_> = other.channel_runs.iter().collect();
        entries.sort_unstable_by_key(|(k, _)| **k);
        for ((oid, ch), runs) in entries {
            for r in runs {
                self.add(ids[*oid as usize], channels[*ch as usize], *r);
            }
        }
    }

    /// Approximate heap bytes, for tests and figures.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.capacity() * 8
            + self.meta.capacity() * 8
            + self.runs.capacity() * 8
            + self.addr.capacity() * 16
            + self.index.capacity() * 5
            + self.extra.capacity() * 40
            + self.channel_runs.capacity() * 48
            + self
                .channel_runs
                .values()
                .map(|v| v.capacity() * 8)
                .sum::<usize>()
            + self.extra.values().map(|v| v.capacity() * 8).sum::<usize>()
    }
}

impl std::fmt::Debug for Profiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Profiles({})", self.len())
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    arena: Vec<u8>,
    ends: Vec<u64>,
    meta: Vec<Meta>,
    runs: Vec<Run>,
    extra: Vec<(u32, Vec<Run>)>,
    channel_runs: Vec<((u32, u16), Vec<Run>)>,
    addr: Vec<(u64, u64)>,
}

impl Serialize for Profiles {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut extra: Vec<_> = self.extra.iter().map(|(k, v)| (*k, v.clone())).collect();
        extra.sort_unstable_by_key(|e| e.0);
        let mut channel_runs: Vec<_> = self
            .channel_runs
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        channel_runs.sort_unstable_by_key(|e| e.0);
        Stored {
            arena: self.arena.clone(),
            ends: self.ends.clone(),
            meta: self.meta.clone(),
            runs: self.runs.clone(),
            extra,
            channel_runs,
            addr: self.addr.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Profiles {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let st = Stored::deserialize(d)?;
        let n = st.meta.len();
        if st.ends.len() != n
            || st.runs.len() != n
            || st.ends.last().is_some_and(|e| *e as usize > st.arena.len())
        {
            return Err(serde::de::Error::custom("inconsistent profile store"));
        }
        let mut p = Profiles {
            arena: st.arena,
            ends: st.ends,
            meta: st.meta,
            runs: st.runs,
            extra: st.extra.into_iter().collect(),
            channel_runs: st.channel_runs.into_iter().collect(),
            addr: st.addr,
            index: HashTable::with_capacity(n),
        };
        for id in 0..n as u32 {
            let hash = key_hash(p.meta[id as usize].group, p.key(id));
            let (arena, ends, meta) = (&p.arena, &p.ends, &p.meta);
            p.index.insert_unique(hash, id, |&id| {
                let i = id as usize;
                let start = if i == 0 { 0 } else { ends[i - 1] as usize };
                key_hash(meta[i].group, &arena[start..ends[i] as usize])
            });
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_and_channels_split() {
        let mut p = Profiles::default();
        let a = p.intern(0, b"a");
        assert_eq!(p.intern(0, b"a"), a);
        let b = p.intern(1, b"a");
        assert_ne!(a, b);
        p.add(a, 0, (10, 20));
        p.add(a, 0, (15, 25));
        p.add(a, 1, (40, 50));
        assert_eq!(p.runs_of(a), vec![(10, 25), (40, 50)]);
        assert_eq!(p.channel_runs.get(&(a, 0)), Some(&vec![(10, 25)]));
        assert_eq!(p.channel_runs.get(&(a, 1)), Some(&vec![(40, 50)]));
        p.add(a, 1, (25, 40));
        assert_eq!(p.runs_of(a), vec![(10, 50)]);
        let json = serde_json::to_string(&p).unwrap();
        let q: Profiles = serde_json::from_str(&json).unwrap();
        assert_eq!(q.runs_of(a), vec![(10, 50)]);
        let mut r = Profiles::default();
        r.merge(&q, &[0, 1], &[0, 1]);
        let ra = r.intern(0, b"a");
        assert_eq!(r.runs_of(ra), vec![(10, 50)]);
    }

    #[test]
    fn bytes_per_profile() {
        let mut p = Profiles::default();
        let n = 200_000u32;
        let mut key_bytes = 0;
        for i in 0..n {
            let k = format!("user{i}@example.com");
            key_bytes += k.len();
            let id = p.intern(0, k.as_bytes());
            p.add(id, 0, (100 + (i % 50) as i32, 465));
            p.set_address(id, stable_hash(k.as_bytes()), 1);
        }
        let per = (p.heap_bytes() - key_bytes) as f64 / n as f64;
        assert!(per <= 64.0, "{per} bytes per profile");
    }
}
