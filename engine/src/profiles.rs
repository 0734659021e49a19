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

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::counter::folded_hash;
use crate::date::Day;
use crate::FastMap;

/// `[start, end)`: active from `start` included to `end` excluded.
pub(crate) type Run = (Day, Day);

/// No counted event yet.
pub(crate) const NO_CHANNEL: u16 = u16::MAX;
/// Reached on several channels: see the channel log.
pub(crate) const MULTI: u16 = u16::MAX - 1;
const HAS_EXTRA: u16 = 1;
/// Longest key kept (longer keys are cut: no real key comes near).
const MAX_KEY: usize = u16::MAX as usize;

/// One profile: where its key is, its group, its first run and its channel. 24 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Slot {
    /// Key start in the arena (low 48 bits) and key length (high 16 bits).
    pos: [u32; 2],
    run: Run,
    pub group: u32,
    pub channel: u16,
    flags: u16,
}

impl Slot {
    #[inline]
    fn start(&self) -> usize {
        // In u64, so that it also builds where usize has 32 bits (wasm32).
        (self.pos[0] as u64 | (((self.pos[1] & 0xFFFF) as u64) << 32)) as usize
    }

    #[inline]
    fn len(&self) -> usize {
        (self.pos[1] >> 16) as usize
    }
}

/// One run of one profile on one channel, for profiles reached on several channels. 12 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct ChannelRun {
    pub id: u32,
    pub channel: u16,
    /// Days in the run (runs longer than `u16::MAX` days are split).
    len: u16,
    pub start: Day,
}

impl ChannelRun {
    #[inline]
    pub(crate) fn contains(&self, day: Day) -> bool {
        self.start <= day && day < self.start + self.len as Day
    }
}

fn push_channel_run(log: &mut Vec<ChannelRun>, id: u32, channel: u16, run: Run) {
    let mut start = run.0;
    while start < run.1 {
        let len = (run.1 - start).min(u16::MAX as Day);
        log.push(ChannelRun { id, channel, len: len as u16, start });
        start += len;
    }
}

/// The profiles of a counter.
#[derive(Clone, Default)]
pub(crate) struct Profiles {
    arena: Vec<u8>,
    pub slots: Vec<Slot>,
    /// Earlier runs of profiles with gaps of more than 12 months (the slot keeps the latest run):
    /// the first in `extra`, any more in `more`.
    extra: FastMap<u32, Run>,
    more: FastMap<u32, Vec<Run>>,
    /// Per-channel runs of profiles reached on several channels: appended, sorted and merged in batches.
    log: Vec<ChannelRun>,
    /// How much of `log` is sorted and merged.
    compacted: usize,
    /// Address per profile: 48 bits of the case-folded hash, 16 bits of the exact hash; 0 = none.
    addr: Vec<u64>,
    index: KeyIndex,
}

#[inline]
fn touches(a: Run, b: Run) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Sorts and merges overlapping or touching runs.
pub(crate) fn normalise(v: &mut Vec<Run>) {
    v.sort_unstable();
    let mut w = 0;
    for i in 0..v.len() {
        if w > 0 && v[i].0 <= v[w - 1].1 {
            v[w - 1].1 = v[w - 1].1.max(v[i].1);
        } else {
            v[w] = v[i];
            w += 1;
        }
    }
    v.truncate(w);
}

/// Events applied per batch.
const BATCH: usize = 32;

struct Item {
    hash: u64,
    group: u32,
    key: (u32, u32),
    address: (u32, u32),
    channel: u16,
    run: Run,
}

/// Counted events waiting to be applied (see [`Profiles::queue`]).
#[derive(Default)]
pub(crate) struct Batch {
    items: Vec<Item>,
    bytes: Vec<u8>,
    candidates: Vec<Option<u32>>,
    scratch: Vec<u8>,
}

/// The key index: open addressing with linear probing. A bucket is `tag << 32 | id`, the tag
/// being the high half of the key's hash (never 0, so an empty bucket is 0); the home bucket is
/// taken from the tag's high bits, so growing never needs the keys again.
#[derive(Clone, Default)]
struct KeyIndex {
    buckets: Vec<u64>,
    bits: u32,
    len: usize,
}

impl KeyIndex {
    #[inline]
    fn tag(hash: u64) -> u32 {
        (hash >> 32) as u32 | 1
    }

    #[inline]
    fn home(&self, tag: u32) -> usize {
        if self.bits == 0 {
            0
        } else {
            (tag >> (32 - self.bits)) as usize
        }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.buckets.len() - 1
    }

    /// The home bucket's content (to load it early).
    #[inline]
    fn peek(&self, hash: u64) -> u64 {
        if self.buckets.is_empty() {
            return 0;
        }
        self.buckets[self.home(Self::tag(hash))]
    }

    /// The first id whose tag matches, if any (a guess: the key still has to be compared).
    #[inline]
    fn candidate(&self, hash: u64) -> Option<u32> {
        if self.buckets.is_empty() {
            return None;
        }
        let tag = Self::tag(hash);
        let mut i = self.home(tag);
        loop {
            let e = self.buckets[i];
            if e == 0 {
                return None;
            }
            if (e >> 32) as u32 == tag {
                return Some(e as u32);
            }
            i = (i + 1) & self.mask();
        }
    }

    #[inline]
    fn find(&self, hash: u64, mut eq: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.buckets.is_empty() {
            return None;
        }
        let tag = Self::tag(hash);
        let mut i = self.home(tag);
        loop {
            let e = self.buckets[i];
            if e == 0 {
                return None;
            }
            if (e >> 32) as u32 == tag && eq(e as u32) {
                return Some(e as u32);
            }
            i = (i + 1) & self.mask();
        }
    }

    fn insert(&mut self, hash: u64, id: u32) {
        if (self.len + 1) * 8 > self.buckets.len() * 7 {
            self.grow();
        }
        self.place(((Self::tag(hash) as u64) << 32) | id as u64);
        self.len += 1;
    }

    fn place(&mut self, entry: u64) {
        let mut i = self.home((entry >> 32) as u32);
        while self.buckets[i] != 0 {
            i = (i + 1) & self.mask();
        }
        self.buckets[i] = entry;
    }

    fn grow(&mut self) {
        let bits = (self.bits + 1).clamp(4, 32);
        let old = std::mem::replace(&mut self.buckets, vec![0; 1 << bits]);
        self.bits = bits;
        // Entries in home order keep probe runs short.
        for e in old.into_iter().filter(|e| *e != 0) {
            self.place(e);
        }
    }

    fn bytes(&self) -> usize {
        self.buckets.len() * 8
    }
}

/// A hash that is the same on every platform and in every process.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3 ^ (bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x1000_0000_01B3).rotate_left(17);
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

#[inline]
fn slot_key<'a>(arena: &'a [u8], slot: &Slot) -> &'a [u8] {
    &arena[slot.start()..slot.start() + slot.len()]
}

impl Profiles {
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(crate) fn key(&self, id: u32) -> &[u8] {
        slot_key(&self.arena, &self.slots[id as usize])
    }

    /// The id of `(group, key)`, created when new.
    #[inline]
    pub(crate) fn intern(&mut self, group: u32, key: &[u8]) -> u32 {
        let key = &key[..key.len().min(MAX_KEY)];
        self.intern_hashed(key_hash(group, key), group, key)
    }

    #[inline]
    fn intern_hashed(&mut self, hash: u64, group: u32, key: &[u8]) -> u32 {
        let Profiles { arena, slots, index, .. } = self;
        if let Some(id) = index.find(hash, |id| {
            let s = &slots[id as usize];
            s.group == group && s.len() == key.len() && slot_key(arena, s) == key
        }) {
            return id;
        }
        let id = slots.len() as u32;
        let start = arena.len();
        let pos = [start as u32, ((start as u64 >> 32) as u32 & 0xFFFF) | ((key.len() as u32) << 16)];
        slots.push(Slot { pos, run: (0, 0), group, channel: NO_CHANNEL, flags: 0 });
        arena.extend_from_slice(key);
        index.insert(hash, id);
        id
    }

    /// Queues a counted event; events are applied in batches, so that the memory
    /// they touch is loaded for the whole batch at once instead of one miss after another.
    #[inline]
    pub(crate) fn queue(&mut self, batch: &mut Batch, group: u32, key: &[u8], address: &[u8], channel: u16, run: Run) {
        let key = &key[..key.len().min(MAX_KEY)];
        let hash = key_hash(group, key);
        let k0 = batch.bytes.len() as u32;
        batch.bytes.extend_from_slice(key);
        let a0 = batch.bytes.len() as u32;
        batch.bytes.extend_from_slice(address);
        batch.items.push(Item { hash, group, key: (k0, a0), address: (a0, batch.bytes.len() as u32), channel, run });
        if batch.items.len() >= BATCH {
            self.flush(batch);
        }
    }

    /// Applies the queued events.
    pub(crate) fn flush(&mut self, batch: &mut Batch) {
        if batch.items.is_empty() {
            return;
        }
        // Touch the buckets, then the candidate slots, then their keys: independent loads that
        // the processor overlaps, so the lookups below find everything in cache.
        let mut touch = 0u64;
        batch.candidates.clear();
        for item in &batch.items {
            touch ^= self.index.peek(item.hash);
        }
        for item in &batch.items {
            let cand = self.index.candidate(item.hash);
            if let Some(id) = cand {
                touch ^= self.slots.get(id as usize).map_or(0, |s| s.pos[0] as u64);
                touch ^= self.addr.get(id as usize).copied().unwrap_or(0);
            }
            batch.candidates.push(cand);
        }
        for cand in &batch.candidates {
            if let Some(s) = cand.and_then(|id| self.slots.get(id as usize)) {
                touch ^= self.arena.get(s.start()).copied().unwrap_or(0) as u64;
            }
        }
        std::hint::black_box(touch);
        let items = std::mem::take(&mut batch.items);
        for item in &items {
            let key = &batch.bytes[item.key.0 as usize..item.key.1 as usize];
            let id = self.intern_hashed(item.hash, item.group, key);
            self.add(id, item.channel, item.run);
            if item.address.1 > item.address.0 {
                let address = &batch.bytes[item.address.0 as usize..item.address.1 as usize];
                let tag = address_tag(folded_hash(address, &mut batch.scratch), stable_hash(address));
                self.set_address(id, tag);
            }
        }
        batch.items = items;
        batch.items.clear();
        batch.bytes.clear();
    }

    /// Records activity `run` of profile `id` on `channel`.
    #[inline]
    pub(crate) fn add(&mut self, id: u32, channel: u16, run: Run) {
        let slot = &mut self.slots[id as usize];
        let current = slot.channel;
        if current == channel {
            // Fast path: one channel so far, and the latest run only grows (earlier runs all end
            // before it starts, so a run that does not reach back cannot touch them).
            let r = &mut slot.run;
            if touches(*r, run) && (slot.flags & HAS_EXTRA == 0 || run.0 >= r.0) {
                r.0 = r.0.min(run.0);
                r.1 = r.1.max(run.1);
                return;
            }
        } else if current == NO_CHANNEL {
            slot.channel = channel;
        } else if current == MULTI {
            push_channel_run(&mut self.log, id, channel, run);
        } else {
            let slot = self.slots[id as usize];
            push_channel_run(&mut self.log, id, current, slot.run);
            if slot.flags & HAS_EXTRA != 0 {
                for r in self.runs_of(id) {
                    if r != slot.run {
                        push_channel_run(&mut self.log, id, current, r);
                    }
                }
            }
            push_channel_run(&mut self.log, id, channel, run);
            self.slots[id as usize].channel = MULTI;
        }
        if self.log.len() > 2 * self.compacted + (1 << 16) {
            self.compact();
        }
        self.add_run(id, run);
    }

    fn add_run(&mut self, id: u32, run: Run) {
        let slot = &mut self.slots[id as usize];
        let r = &mut slot.run;
        if r.0 == r.1 {
            *r = run;
            return;
        }
        if touches(*r, run) && (slot.flags & HAS_EXTRA == 0 || run.0 >= r.0) {
            r.0 = r.0.min(run.0);
            r.1 = r.1.max(run.1);
            return;
        }
        let mut v = self.runs_of(id);
        v.push(run);
        normalise(&mut v);
        self.extra.remove(&id);
        self.more.remove(&id);
        let slot = &mut self.slots[id as usize];
        slot.run = v.pop().unwrap_or(run);
        slot.flags &= !HAS_EXTRA;
        if let Some(first) = v.first() {
            slot.flags |= HAS_EXTRA;
            self.extra.insert(id, *first);
        }
        if v.len() > 1 {
            self.more.insert(id, v[1..].to_vec());
        }
    }

    /// Sorts the channel log and merges each profile's touching runs per channel.
    pub(crate) fn compact(&mut self) {
        if self.compacted == self.log.len() {
            return;
        }
        let mut log = std::mem::take(&mut self.log);
        log.sort_unstable_by_key(|e| (e.id, e.channel, e.start));
        let mut out: Vec<ChannelRun> = Vec::with_capacity(log.len());
        let mut current: Option<(u32, u16, Run)> = None;
        for e in log {
            let run = (e.start, e.start + e.len as Day);
            current = match current {
                Some((id, ch, r)) if id == e.id && ch == e.channel && run.0 <= r.1 => {
                    Some((id, ch, (r.0, r.1.max(run.1))))
                }
                Some((id, ch, r)) => {
                    push_channel_run(&mut out, id, ch, r);
                    Some((e.id, e.channel, run))
                }
                None => Some((e.id, e.channel, run)),
            };
        }
        if let Some((id, ch, r)) = current {
            push_channel_run(&mut out, id, ch, r);
        }
        out.shrink_to_fit();
        self.compacted = out.len();
        self.log = out;
    }

    /// The channel log, sorted and merged (compacted on a copy when it is not).
    pub(crate) fn channel_log(&self) -> std::borrow::Cow<'_, [ChannelRun]> {
        if self.compacted == self.log.len() {
            std::borrow::Cow::Borrowed(&self.log)
        } else {
            let mut copy = Profiles { log: self.log.clone(), compacted: 0, ..Default::default() };
            copy.compact();
            std::borrow::Cow::Owned(copy.log)
        }
    }

    /// All runs of a profile, oldest first.
    pub(crate) fn runs_of(&self, id: u32) -> Vec<Run> {
        let slot = &self.slots[id as usize];
        let mut v = Vec::with_capacity(2);
        if slot.flags & HAS_EXTRA != 0 {
            v.extend(self.extra.get(&id).copied());
            if let Some(more) = self.more.get(&id) {
                v.extend_from_slice(more);
            }
        }
        v.push(slot.run);
        v.retain(|r| r.0 < r.1);
        v
    }

    /// The run of `id` that contains `day`, if any.
    pub(crate) fn run_at(&self, id: u32, day: Day) -> Option<Run> {
        let slot = &self.slots[id as usize];
        let r = slot.run;
        if r.0 <= day && day < r.1 {
            return Some(r);
        }
        if slot.flags & HAS_EXTRA != 0 {
            return self.runs_of(id).into_iter().find(|r| r.0 <= day && day < r.1);
        }
        None
    }

    /// Calls `f` with every run of every profile.
    pub(crate) fn for_each_run(&self, mut f: impl FnMut(u32, Run)) {
        for (i, s) in self.slots.iter().enumerate() {
            if s.run.0 < s.run.1 {
                f(i as u32, s.run);
            }
        }
        for (id, r) in &self.extra {
            f(*id, *r);
        }
        for (id, v) in &self.more {
            for r in v {
                f(*id, *r);
            }
        }
    }

    /// Keeps one address per profile (the smallest, so that merging in any order agrees).
    pub(crate) fn set_address(&mut self, id: u32, tag: u64) {
        let i = id as usize;
        if self.addr.len() <= i {
            self.addr.resize(self.slots.len().max(i + 1), 0);
        }
        let slot = &mut self.addr[i];
        if *slot == 0 || tag < *slot {
            *slot = tag;
        }
    }

    /// The address tag of a profile: see [`address_tag`].
    pub(crate) fn address(&self, id: u32) -> Option<u64> {
        self.addr.get(id as usize).copied().filter(|a| *a != 0)
    }

    /// Adds every profile of `other`, its groups and channels renumbered by the maps.
    pub(crate) fn merge(&mut self, other: &Profiles, groups: &[u32], channels: &[u16]) {
        let mut ids = Vec::with_capacity(other.len());
        for oid in 0..other.len() as u32 {
            let s = other.slots[oid as usize];
            let id = self.intern(groups[s.group as usize], other.key(oid));
            ids.push(id);
            if s.channel != MULTI {
                let ch = if s.channel == NO_CHANNEL { NO_CHANNEL } else { channels[s.channel as usize] };
                for r in other.runs_of(oid) {
                    self.add(id, ch, r);
                }
            }
            if let Some(tag) = other.address(oid) {
                self.set_address(id, tag);
            }
        }
        for e in other.channel_log().iter() {
            self.add(ids[e.id as usize], channels[e.channel as usize], (e.start, e.start + e.len as Day));
        }
        self.compact();
    }

    /// Heap bytes by part, for figures.
    pub(crate) fn breakdown(&self) -> String {
        format!(
            "arena {} (len {}), slots {}x{}, addr {}, index {}, extra {} + {}, log {} ({} used)",
            self.arena.capacity(),
            self.arena.len(),
            self.slots.capacity(),
            std::mem::size_of::<Slot>(),
            self.addr.capacity() * 8,
            self.index.bytes(),
            self.extra.len(),
            self.more.len(),
            self.log.capacity() * std::mem::size_of::<ChannelRun>(),
            self.log.len()
        )
    }

    /// Whether every group and channel number refers to one of `groups` and `channels`.
    pub(crate) fn consistent(&self, groups: usize, channels: usize) -> bool {
        self.slots
            .iter()
            .all(|s| (s.group as usize) < groups && (s.channel >= MULTI || (s.channel as usize) < channels))
            && self.log.iter().all(|e| (e.channel as usize) < channels)
            && self.extra.keys().chain(self.more.keys()).all(|id| (*id as usize) < self.slots.len())
    }

    /// Bytes of the keys themselves.
    pub(crate) fn key_bytes(&self) -> usize {
        self.arena.len()
    }

    /// Heap bytes allocated, for tests and figures.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.addr.capacity() * 8
            + self.index.bytes()
            + self.extra.capacity() * 13
            + self.more.capacity() * 29
            + self.more.values().map(|v| v.capacity() * 8).sum::<usize>()
            + self.log.capacity() * std::mem::size_of::<ChannelRun>()
    }

    /// Heap bytes in use (vectors by length: capacity not yet written costs no memory pages).
    pub(crate) fn used_bytes(&self) -> usize {
        self.arena.len()
            + self.slots.len() * std::mem::size_of::<Slot>()
            + self.addr.len() * 8
            + self.index.bytes()
            + self.extra.capacity() * 13
            + self.more.capacity() * 29
            + self.more.values().map(|v| v.capacity() * 8).sum::<usize>()
            + self.log.len() * std::mem::size_of::<ChannelRun>()
    }
}

/// An address as stored for the duplicate check: 48 bits of the hash of its
/// case-folded form, 16 bits of the hash of its exact form (never 0).
pub(crate) fn address_tag(folded: u64, exact: u64) -> u64 {
    (folded & !0xFFFF) | (exact & 0xFFFF) | 1
}

impl std::fmt::Debug for Profiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Profiles({})", self.len())
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    arena: Vec<u8>,
    slots: Vec<Slot>,
    extra: Vec<(u32, Run)>,
    more: Vec<(u32, Vec<Run>)>,
    log: Vec<ChannelRun>,
    addr: Vec<u64>,
}

impl Serialize for Profiles {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut extra: Vec<_> = self.extra.iter().map(|(k, v)| (*k, *v)).collect();
        extra.sort_unstable_by_key(|e| e.0);
        let mut more: Vec<_> = self.more.iter().map(|(k, v)| (*k, v.clone())).collect();
        more.sort_unstable_by_key(|e| e.0);
        Stored {
            arena: self.arena.clone(),
            slots: self.slots.clone(),
            extra,
            more,
            log: self.channel_log().into_owned(),
            addr: self.addr.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Profiles {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let st = Stored::deserialize(d)?;
        let n = st.slots.len();
        if st.slots.iter().any(|s| s.start() + s.len() > st.arena.len()) || st.log.iter().any(|e| e.id as usize >= n) {
            return Err(serde::de::Error::custom("inconsistent profile store"));
        }
        let mut p = Profiles {
            arena: st.arena,
            slots: st.slots,
            extra: st.extra.into_iter().collect(),
            more: st.more.into_iter().collect(),
            compacted: 0,
            log: st.log,
            addr: st.addr,
            index: KeyIndex::default(),
        };
        p.compact();
        let Profiles { arena, slots, index, .. } = &mut p;
        for (id, s) in slots.iter().enumerate() {
            index.insert(key_hash(s.group, slot_key(arena, s)), id as u32);
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
        let runs = |p: &Profiles| -> Vec<(u16, Run)> {
            p.channel_log().iter().map(|e| (e.channel, (e.start, e.start + e.len as Day))).collect()
        };
        assert_eq!(runs(&p), vec![(0, (10, 25)), (1, (40, 50))]);
        p.add(a, 1, (25, 40));
        assert_eq!(p.runs_of(a), vec![(10, 50)]);
        assert_eq!(runs(&p), vec![(0, (10, 25)), (1, (25, 50))]);
        p.add(a, 0, (26, 45));
        p.add(a, 0, (20, 30));
        assert_eq!(runs(&p), vec![(0, (10, 45)), (1, (25, 50))]);
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
            p.set_address(id, address_tag(stable_hash(k.as_bytes()), 1));
            if i % 2 == 0 {
                p.add(id, 1, (110, 475));
            }
        }
        p.arena.shrink_to_fit();
        p.slots.shrink_to_fit();
        p.addr.shrink_to_fit();
        p.compact();
        let per = (p.heap_bytes() - key_bytes) as f64 / n as f64;
        assert!(per <= 64.0, "{per} bytes per profile");
    }
}
