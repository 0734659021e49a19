//! The profile store: interned keys in one arena, and each profile's activity as merged day intervals.
//!
//! A profile is `(group, key)` where the group stands for (instance, target
//! dimension). Its key bytes live once in a shared arena; an open-addressing
//! index maps them to a dense `u32` id, and a 20-byte [`Slot`] per id holds
//! where the key is, the group, the channel and the latest activity run. A
//! profile's activity is the union of the intervals `[e, leave_day(e))` over
//! its counted event days, kept as maximal runs: the latest in the slot, and
//! for the few profiles with a gap of more than 12 months, earlier ones in
//! side maps. Profiles reached on more than one channel also keep their runs
//! per channel, in a log of 8-byte entries that is sorted and merged in
//! batches. The days inside runs that are not their first ([`DayLog`], 6 bytes
//! each) let a report as of a past date find each profile's last event on or
//! before it. Counted events are applied in batches ([`Profiles::queue`]) so
//! that the memory they touch is loaded for the whole batch at once.
//!
//! Measured on the benchmark export (4 million rows, 881 580 profiles):
//! 55 bytes per profile in use on top of the key's own bytes, and a peak
//! resident size of the command line of 75 bytes per profile, keys (11 bytes
//! on average) included, before the inner days were kept. With them (1 and 3
//! million rows, 225 259 and 664 558 profiles, 2.8 inner days each): 68 bytes
//! in use and 95 to 98 bytes peak. The inner days grow with the distinct
//! (profile, day) pairs, not with the profiles: at most 6 bytes per counted row
//! (a profile targeted every day of a year holds about 2 kB).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Day;
use crate::FastMap;

/// `[start, end)`: active from `start` included to `end` excluded.
pub(crate) type Run = (Day, Day);

/// No counted event yet.
pub(crate) const NO_CHANNEL: u16 = 0x7FFF;
/// Reached on several channels: see the channel log.
pub(crate) const MULTI: u16 = 0x7FFE;
/// In a slot's channel field: the profile has runs before the slot's.
const HAS_EXTRA: u16 = 0x8000;
/// Longest key kept (longer keys are cut: no real key comes near).
const MAX_KEY: usize = u16::MAX as usize;
/// Longest run a slot holds, in days (179 years; longer runs are cut into touching pieces).
const MAX_RUN: Day = u16::MAX as Day;

/// One profile: where its key is, its group, its latest run and its channel. 20 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Slot {
    /// Key start in the arena (low 48 bits) and key length (high 16 bits).
    pos: [u32; 2],
    /// The latest run: its first day and its length in days (0: no run yet).
    first: Day,
    pub group: u32,
    days: u16,
    /// Channel number (15 bits) and the [`HAS_EXTRA`] bit.
    chan: u16,
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

    #[inline]
    pub(crate) fn run(&self) -> Run {
        (self.first, self.first + self.days as Day)
    }

    #[inline]
    fn set_run(&mut self, run: Run) {
        self.first = run.0;
        self.days = (run.1 - run.0).clamp(0, MAX_RUN) as u16;
    }

    #[inline]
    pub(crate) fn channel(&self) -> u16 {
        self.chan & !HAS_EXTRA
    }

    #[inline]
    fn set_channel(&mut self, channel: u16) {
        self.chan = (self.chan & HAS_EXTRA) | (channel & !HAS_EXTRA);
    }

    #[inline]
    fn has_extra(&self) -> bool {
        self.chan & HAS_EXTRA != 0
    }

    #[inline]
    fn set_extra(&mut self, on: bool) {
        if on {
            self.chan |= HAS_EXTRA;
        } else {
            self.chan &= !HAS_EXTRA;
        }
    }
}

/// One run of one profile on one channel, for profiles reached on several channels: 8 bytes.
/// `key` is `channel << 28 | id`; days are counted from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct NarrowRun {
    key: u32,
    start: u16,
    len: u16,
}

/// A run that does not fit a [`NarrowRun`] (channel 15 or more, profile 2^28 or more, a day
/// before 1970 or after 2149): 12 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct WideRun {
    id: u32,
    channel: u16,
    len: u16,
    start: Day,
}

/// Day number of 1970-01-01, the origin of [`NarrowRun`] days.
const NARROW_BASE: Day = 719_163;
const NARROW_IDS: u32 = 1 << 28;
const NARROW_CHANNELS: u16 = 15;

/// Per-channel runs of the profiles reached on several channels: appended as events come,
/// sorted and merged in batches (so the log stays within a quarter more than its merged size).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct ChannelLog {
    narrow: Vec<NarrowRun>,
    wide: Vec<WideRun>,
    #[serde(skip)]
    batches: Batches,
}

/// When a log that is appended to and sorted in batches is sorted again: the bookkeeping of the
/// [`ChannelLog`] and the [`DayLog`], so that both keep within a quarter more than their merged size.
#[derive(Clone, Copy, Debug, Default)]
struct Batches {
    /// Entries appended since the last merge.
    appended: usize,
    /// Entries after the last merge.
    merged: usize,
    /// How many entries at the start of the narrow log are sorted and merged.
    sorted: usize,
}

impl Batches {
    fn needs_compact(&self) -> bool {
        self.appended > self.merged / 4 + (1 << 16)
    }

    fn is_compacted(&self) -> bool {
        self.appended == 0
    }

    /// A merge left `sorted` narrow entries, and `merged` in all.
    fn compacted(&mut self, sorted: usize, merged: usize) {
        *self = Batches { appended: 0, merged, sorted };
    }
}

impl ChannelLog {
    #[inline]
    fn narrow(id: u32, channel: u16, start: Day, len: Day) -> Option<NarrowRun> {
        let offset = start - NARROW_BASE;
        (id < NARROW_IDS && channel < NARROW_CHANNELS && (0..=u16::MAX as Day).contains(&offset)).then_some(NarrowRun {
            key: (channel as u32) << 28 | id,
            start: offset as u16,
            len: len as u16,
        })
    }

    fn push(&mut self, id: u32, channel: u16, run: Run) {
        let mut start = run.0;
        while start < run.1 {
            let len = (run.1 - start).min(u16::MAX as Day);
            match Self::narrow(id, channel, start, len) {
                Some(e) => self.narrow.push(e),
                None => self.wide.push(WideRun { id, channel, len: len as u16, start }),
            }
            self.batches.appended += 1;
            start += len;
        }
    }

    fn needs_compact(&self) -> bool {
        self.batches.needs_compact()
    }

    fn is_compacted(&self) -> bool {
        self.batches.is_compacted()
    }

    /// Sorts the log and merges each profile's touching runs per channel, in place.
    fn compact(&mut self) {
        if self.batches.is_compacted() {
            return;
        }
        let mut overflow = Vec::new();
        let log = &mut self.narrow;
        sort_appended(log, self.batches.sorted, |e| ((e.key as u64) << 32) | ((e.start as u64) << 16) | e.len as u64);
        // Merging never writes ahead of reading: k entries merge into at most k.
        let mut w = 0;
        let mut current: Option<(u32, Run)> = None;
        let mut emit = |log: &mut Vec<NarrowRun>, w: &mut usize, (key, run): (u32, Run)| {
            let (id, channel) = (key & (NARROW_IDS - 1), (key >> 28) as u16);
            let mut start = run.0;
            while start < run.1 {
                let len = (run.1 - start).min(u16::MAX as Day);
                match Self::narrow(id, channel, start, len) {
                    Some(e) => {
                        log[*w] = e;
                        *w += 1;
                    }
                    None => overflow.push(WideRun { id, channel, len: len as u16, start }),
                }
                start += len;
            }
        };
        for r in 0..log.len() {
            let e = log[r];
            let start = NARROW_BASE + e.start as Day;
            let run = (start, start + e.len as Day);
            current = match current {
                Some((key, c)) if key == e.key && run.0 <= c.1 => Some((key, (c.0, c.1.max(run.1)))),
                Some(done) => {
                    emit(log, &mut w, done);
                    Some((e.key, run))
                }
                None => Some((e.key, run)),
            };
        }
        if let Some(done) = current {
            emit(log, &mut w, done);
        }
        log.truncate(w);
        // Room for the next batch, so that the log grows without copying.
        log.shrink_to(w + w / 4 + (1 << 16) + 8);
        let mut wide = std::mem::take(&mut self.wide);
        wide.extend(overflow);
        wide.sort_unstable_by_key(|e| (e.id, e.channel, e.start));
        let mut out: Vec<WideRun> = Vec::with_capacity(wide.len());
        for e in wide {
            match out.last_mut() {
                Some(last)
                    if last.id == e.id
                        && last.channel == e.channel
                        && e.start <= last.start + last.len as Day
                        && (e.start + e.len as Day - last.start) <= u16::MAX as Day =>
                {
                    last.len = (last.len as Day).max(e.start + e.len as Day - last.start) as u16;
                }
                _ => out.push(e),
            }
        }
        self.batches.compacted(w, w + out.len());
        self.wide = out;
    }

    /// Calls `f(channel, id, run)` for every entry: the wide ones first, then the narrow ones
    /// (once merged, sorted by channel and profile).
    fn for_each(&self, mut f: impl FnMut(u16, u32, Run)) {
        for e in &self.wide {
            f(e.channel, e.id, (e.start, e.start + e.len as Day));
        }
        for e in &self.narrow {
            let start = NARROW_BASE + e.start as Day;
            f((e.key >> 28) as u16, e.key & (NARROW_IDS - 1), (start, start + e.len as Day));
        }
    }

    fn len(&self) -> usize {
        self.narrow.len() + self.wide.len()
    }

    fn bytes(&self) -> usize {
        self.narrow.capacity() * 8 + self.wide.capacity() * 12
    }

    fn used_bytes(&self) -> usize {
        self.narrow.len() * 8 + self.wide.len() * 12
    }

    fn consistent(&self, profiles: usize, channels: usize) -> bool {
        let mut ok = true;
        self.for_each(|ch, id, _| ok &= (id as usize) < profiles && (ch as usize) < channels);
        ok
    }
}

/// Sorts `log` by `key` when its first `sorted` entries are sorted already: sorts the entries
/// appended since (a radix sort: the keys are integers), then merges the two parts from the
/// back (the appended ones move out of the way first), so the sorted head is never sorted again.
fn sort_appended<T: Copy>(log: &mut [T], sorted: usize, key: impl Fn(&T) -> u64 + Copy) {
    let split = sorted.min(log.len());
    radsort::sort_by_key(&mut log[split..], key);
    if split > 0 && split < log.len() {
        let tail = log[split..].to_vec();
        let (mut i, mut j, mut k) = (split, tail.len(), log.len());
        while j > 0 {
            if i > 0 && key(&log[i - 1]) > key(&tail[j - 1]) {
                log[k - 1] = log[i - 1];
                i -= 1;
            } else {
                log[k - 1] = tail[j - 1];
                j -= 1;
            }
            k -= 1;
        }
    }
}

/// One inner event day of one profile: 6 bytes, ordered by profile, then day. `id` is split in
/// two halves so that the entry needs no 4-byte alignment; the day counts from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct NarrowDay {
    hi: u16,
    lo: u16,
    day: u16,
}

/// The inner event days of the profiles: every counted event day that is not the first day of
/// its run. A run is the union of `[e, leave_day(e))` over its event days, so it tells its first
/// day and (through its end) its last, but not the days between; a report as of a date before
/// the run's last day needs the last event day on or before that date (counting-rules.md 4,
/// *Expiring*), which is the largest of the run's first day and its inner days on or before it.
/// Profiles with one event day per run, the most, need no entry. Appended as events come, sorted
/// and deduplicated in batches, like the [`ChannelLog`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct DayLog {
    narrow: Vec<NarrowDay>,
    /// Days before 1970 or after 2149.
    wide: Vec<(u32, Day)>,
    #[serde(skip)]
    batches: Batches,
}

impl DayLog {
    #[inline]
    fn push(&mut self, id: u32, day: Day) {
        let offset = day - NARROW_BASE;
        if (0..=u16::MAX as Day).contains(&offset) {
            self.narrow.push(NarrowDay { hi: (id >> 16) as u16, lo: id as u16, day: offset as u16 });
        } else {
            self.wide.push((id, day));
        }
        self.batches.appended += 1;
    }

    /// The sort key of an entry: profile, then day (one comparison instead of three).
    #[inline]
    fn key(e: &NarrowDay) -> u64 {
        ((e.hi as u64) << 32) | ((e.lo as u64) << 16) | e.day as u64
    }

    #[inline]
    fn entry(e: NarrowDay) -> (u32, Day) {
        (((e.hi as u32) << 16) | e.lo as u32, NARROW_BASE + e.day as Day)
    }

    fn needs_compact(&self) -> bool {
        self.batches.needs_compact()
    }

    fn is_compacted(&self) -> bool {
        self.batches.is_compacted()
    }

    /// Sorts and deduplicates the log, in place.
    fn compact(&mut self) {
        if self.batches.is_compacted() {
            return;
        }
        let log = &mut self.narrow;
        sort_appended(log, self.batches.sorted, Self::key);
        log.dedup();
        let w = log.len();
        log.shrink_to(w + w / 4 + (1 << 16) + 8);
        self.wide.sort_unstable();
        self.wide.dedup();
        self.batches.compacted(w, w + self.wide.len());
    }

    /// Calls `f(id, day)` for every entry.
    fn for_each(&self, mut f: impl FnMut(u32, Day)) {
        for &(id, day) in &self.wide {
            f(id, day);
        }
        for &e in &self.narrow {
            let (id, day) = Self::entry(e);
            f(id, day);
        }
    }

    fn len(&self) -> usize {
        self.narrow.len() + self.wide.len()
    }

    fn bytes(&self) -> usize {
        self.narrow.capacity() * std::mem::size_of::<NarrowDay>() + self.wide.capacity() * 8
    }

    fn used_bytes(&self) -> usize {
        self.narrow.len() * std::mem::size_of::<NarrowDay>() + self.wide.len() * 8
    }

    fn consistent(&self, profiles: usize) -> bool {
        let mut ok = true;
        self.for_each(|id, _| ok &= (id as usize) < profiles);
        ok
    }
}

/// Looks up the inner days of profiles in increasing id order (see [`Profiles::last_event_day`]):
/// one pass over the sorted log.
pub(crate) struct DayCursor<'a> {
    log: &'a DayLog,
    at: usize,
}

impl DayCursor<'_> {
    /// The last inner day of `id` on or before `day`; ids must not decrease from call to call.
    fn last_on_or_before(&mut self, id: u32, day: Day) -> Option<Day> {
        let narrow = &self.log.narrow;
        while self.at < narrow.len() && DayLog::entry(narrow[self.at]).0 < id {
            self.at += 1;
        }
        let mut best = None;
        let mut i = self.at;
        while i < narrow.len() {
            let (eid, d) = DayLog::entry(narrow[i]);
            if eid != id || d > day {
                break;
            }
            best = Some(d);
            i += 1;
        }
        let wide = &self.log.wide;
        let w = wide.partition_point(|e| *e <= (id, day));
        if w > 0 && wide[w - 1].0 == id {
            best = best.max(Some(wide[w - 1].1));
        }
        best
    }
}

/// One of `count` disjoint parts of the profiles, chosen by the hash of a profile's (group, key).
///
/// Counters that read the same input, each keeping one shard, hold every profile once between
/// them: they split the profile store's work and memory, though each reads every row
/// (see [`Counter::sharded`](crate::Counter::sharded)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    index: u32,
    count: u32,
}

impl Default for Shard {
    fn default() -> Self {
        Shard::WHOLE
    }
}

impl Shard {
    /// Every profile.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Shard `index` of `count` (numbered from 0), or `None` when `index` is not below `count`.
    pub fn new(index: u32, count: u32) -> Option<Shard> {
        (index < count).then_some(Shard { index, count })
    }

    /// Its number, from 0.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// How many shards there are.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Whether the profile whose [`key_hash`] is `hash` is in this shard. The low half of the
    /// hash decides (the key index uses the high half, so a shard's profiles still spread over it).
    #[inline]
    fn keeps(&self, hash: u64) -> bool {
        self.count <= 1 || ((hash as u32 as u64 * self.count as u64) >> 32) as u32 == self.index
    }
}

/// The profiles of a counter.
#[derive(Clone, Default)]
pub(crate) struct Profiles {
    /// The profiles kept: events of the others are dropped.
    pub shard: Shard,
    arena: Vec<u8>,
    pub slots: Vec<Slot>,
    /// Earlier runs of profiles with gaps of more than 12 months (the slot keeps the latest run):
    /// the first in `extra`, any more in `more`.
    extra: FastMap<u32, Run>,
    more: FastMap<u32, Vec<Run>>,
    /// Per-channel runs of profiles reached on several channels.
    log: ChannelLog,
    /// Event days inside runs (not their first days), for reports as of a past date.
    days: DayLog,
    /// Address per profile: 48 bits of the case-folded hash, 16 bits of the exact hash; 0 = none.
    addr: Vec<u64>,
    index: KeyIndex,
    /// The index is not built yet (a deserialised store is indexed when it is first added to:
    /// merged into another, it never is).
    unindexed: bool,
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

/// Profiles looked up at a time when merging (see [`Profiles::merge`]).
const MERGE_BATCH: usize = 32;

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

impl Batch {
    /// Events queued and not yet applied.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

/// The key index: open addressing with linear probing. A bucket is `tag << 32 | id`, the tag
/// being the high half of the key's hash (never 0, so an empty bucket is 0). The home bucket
/// is `tag * capacity >> 32`, so the capacity need not be a power of two (the table grows by
/// half, keeping the load between 58 and 87 %) and growing never needs the keys again.
#[derive(Clone, Default)]
struct KeyIndex {
    buckets: Vec<u64>,
    len: usize,
}

impl KeyIndex {
    #[inline]
    fn tag(hash: u64) -> u32 {
        (hash >> 32) as u32 | 1
    }

    #[inline]
    fn home(&self, tag: u32) -> usize {
        ((tag as u64 * self.buckets.len() as u64) >> 32) as usize
    }

    #[inline]
    fn next(&self, i: usize) -> usize {
        if i + 1 == self.buckets.len() {
            0
        } else {
            i + 1
        }
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
        self.find(hash, |_| true)
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
            i = self.next(i);
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
            i = self.next(i);
        }
        self.buckets[i] = entry;
    }

    fn grow(&mut self) {
        let cap = (self.buckets.len() + self.buckets.len() / 2).max(16);
        let old = std::mem::replace(&mut self.buckets, vec![0; cap]);
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

/// Equal slices of equal length; short keys compared inline rather than through `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() <= 16 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
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
        self.ensure_index();
        let key = &key[..key.len().min(MAX_KEY)];
        self.intern_hashed(key_hash(group, key), group, key)
    }

    /// Whether the profile `(group, key)` is in this store's shard.
    #[inline]
    pub(crate) fn keeps(&self, group: u32, key: &[u8]) -> bool {
        self.shard.keeps(key_hash(group, &key[..key.len().min(MAX_KEY)]))
    }

    /// Builds the key index of a deserialised store, before anything is added to it.
    fn ensure_index(&mut self) {
        if std::mem::take(&mut self.unindexed) {
            let Profiles { arena, slots, index, .. } = self;
            for (id, s) in slots.iter().enumerate() {
                index.insert(key_hash(s.group, slot_key(arena, s)), id as u32);
            }
        }
    }

    #[inline]
    fn intern_hashed(&mut self, hash: u64, group: u32, key: &[u8]) -> u32 {
        let Profiles { arena, slots, index, .. } = self;
        if let Some(id) = index.find(hash, |id| {
            let s = &slots[id as usize];
            s.group == group && s.len() == key.len() && same_bytes(slot_key(arena, s), key)
        }) {
            return id;
        }
        let id = slots.len() as u32;
        let start = arena.len();
        let pos = [start as u32, ((start as u64 >> 32) as u32 & 0xFFFF) | ((key.len() as u32) << 16)];
        slots.push(Slot { pos, first: 0, group, days: 0, chan: NO_CHANNEL });
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
        if !self.shard.keeps(hash) {
            return;
        }
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
        self.ensure_index();
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
                let exact = stable_hash(address);
                if self.address(id).is_some_and(|kept| kept >> 40 <= tag_rank(address, exact)) {
                    continue;
                }
                let tag = address_tag(address, folded_hash(address, &mut batch.scratch), exact);
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
        let current = slot.channel();
        if current == channel {
            // Fast path: one channel so far, and the latest run only grows (earlier runs all end
            // before it starts, so a run that does not reach back cannot touch them).
            let r = slot.run();
            if touches(r, run) && (!slot.has_extra() || run.0 >= r.0) {
                let grown = (r.0.min(run.0), r.1.max(run.1));
                if grown.1 - grown.0 <= MAX_RUN {
                    let extra = slot.has_extra();
                    slot.set_run(grown);
                    self.note_inner(id, r.0, run.0, extra);
                    return;
                }
            }
        } else if current == NO_CHANNEL {
            slot.set_channel(channel);
        } else if current == MULTI {
            self.log.push(id, channel, run);
        } else {
            for r in self.runs_of(id) {
                self.log.push(id, current, r);
            }
            self.log.push(id, channel, run);
            self.slots[id as usize].set_channel(MULTI);
        }
        if self.log.needs_compact() {
            self.log.compact();
        }
        self.add_run(id, run);
    }

    fn add_run(&mut self, id: u32, run: Run) {
        let slot = &mut self.slots[id as usize];
        if slot.days == 0 && !slot.has_extra() && run.1 - run.0 <= MAX_RUN {
            slot.set_run(run);
            return;
        }
        let r = slot.run();
        if touches(r, run) && (!slot.has_extra() || run.0 >= r.0) {
            let grown = (r.0.min(run.0), r.1.max(run.1));
            if grown.1 - grown.0 <= MAX_RUN {
                let extra = slot.has_extra();
                slot.set_run(grown);
                self.note_inner(id, r.0, run.0, extra);
                return;
            }
        }
        // An event inside an earlier run changes no run (the earliest run starts a profile's runs).
        if let Some(e) = self.extra.get(&id).copied().filter(|e| slot.has_extra() && e.0 <= run.0 && run.1 <= e.1) {
            if run.0 != e.0 {
                self.push_inner(id, run.0);
            }
            return;
        }
        let mut v = self.runs_of(id);
        // The first days of the runs before and after: a first day that is no longer one is inner.
        let mut before = v.clone();
        normalise(&mut before);
        v.push(run);
        normalise(&mut v);
        for day in before.iter().map(|r| r.0).chain([run.0]) {
            if !v.iter().any(|r| r.0 == day) {
                self.push_inner(id, day);
            }
        }
        // Runs longer than a slot holds are cut into touching pieces.
        let mut pieces: Vec<Run> = Vec::with_capacity(v.len());
        for r in v {
            let mut start = r.0;
            while start < r.1 {
                let end = (start + MAX_RUN).min(r.1);
                pieces.push((start, end));
                start = end;
            }
        }
        self.extra.remove(&id);
        self.more.remove(&id);
        let slot = &mut self.slots[id as usize];
        slot.set_run(pieces.pop().unwrap_or((run.0, run.0)));
        slot.set_extra(!pieces.is_empty());
        if let Some(first) = pieces.first() {
            self.extra.insert(id, *first);
        }
        if pieces.len() > 1 {
            self.more.insert(id, pieces[1..].to_vec());
        }
    }

    /// After run `old` of `id` grew by an event run starting on `new`: the day of the two that
    /// is not the grown run's first goes to the inner days. When the profile has earlier runs,
    /// `old`'s first day may be where a long run was cut, so `new` is kept even when equal.
    #[inline]
    fn note_inner(&mut self, id: u32, old: Day, new: Day, extra: bool) {
        if new != old || extra {
            self.push_inner(id, new.max(old));
        }
    }

    #[inline]
    fn push_inner(&mut self, id: u32, day: Day) {
        self.days.push(id, day);
        if self.days.needs_compact() {
            self.days.compact();
        }
    }

    /// Sorts and merges the channel log and the inner days.
    pub(crate) fn compact(&mut self) {
        self.log.compact();
        self.days.compact();
    }

    /// Whether the channel log and the inner days are sorted and merged (reports need it).
    pub(crate) fn is_compacted(&self) -> bool {
        self.log.is_compacted() && self.days.is_compacted()
    }

    /// A cursor over the inner days, for [`Profiles::last_event_day`] in increasing id order.
    pub(crate) fn day_cursor(&self) -> DayCursor<'_> {
        DayCursor { log: &self.days, at: 0 }
    }

    /// The last counted event day of `id` on or before `day`, where `run` is its run that
    /// contains `day` (the store must be compacted). Its leaving day as of `day`, counting only
    /// the events up to then, is `leave_day` of it (counting-rules.md 4, *Expiring*).
    pub(crate) fn last_event_day(&self, id: u32, day: Day, run: Run, cursor: &mut DayCursor) -> Day {
        let first = if self.slots[id as usize].has_extra() {
            // The run may be a piece of a longer one: its first day is the whole run's.
            let mut v = self.runs_of(id);
            normalise(&mut v);
            v.iter().find(|r| r.0 <= day && day < r.1).map_or(run.0, |r| r.0)
        } else {
            run.0
        };
        cursor.last_on_or_before(id, day).map_or(first, |d| d.max(first))
    }

    /// Calls `f(channel, id, run)` for every per-channel run of the profiles reached on several channels.
    pub(crate) fn for_each_channel_run(&self, f: impl FnMut(u16, u32, Run)) {
        self.log.for_each(f);
    }

    /// All runs of a profile, oldest first.
    pub(crate) fn runs_of(&self, id: u32) -> Vec<Run> {
        let slot = &self.slots[id as usize];
        let mut v = Vec::with_capacity(2);
        if slot.has_extra() {
            v.extend(self.extra.get(&id).copied());
            if let Some(more) = self.more.get(&id) {
                v.extend_from_slice(more);
            }
        }
        v.push(slot.run());
        v.retain(|r| r.0 < r.1);
        v
    }

    /// The run of `id` that contains `day`, if any.
    pub(crate) fn run_at(&self, id: u32, day: Day) -> Option<Run> {
        let slot = &self.slots[id as usize];
        let r = slot.run();
        if r.0 <= day && day < r.1 {
            return Some(r);
        }
        if slot.has_extra() {
            return self.runs_of(id).into_iter().find(|r| r.0 <= day && day < r.1);
        }
        None
    }

    /// Calls `f` with every run of every profile.
    pub(crate) fn for_each_run(&self, mut f: impl FnMut(u32, Run)) {
        for (i, s) in self.slots.iter().enumerate() {
            let r = s.run();
            if r.0 < r.1 {
                f(i as u32, r);
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
        self.merge_keyed(other, groups, channels, |_| None);
    }

    /// [`Profiles::merge`], with some keys of `other` replaced: `key_of(key)` is the key the
    /// profile has here, or `None` to keep its own.
    pub(crate) fn merge_keyed(
        &mut self,
        other: &Profiles,
        groups: &[u32],
        channels: &[u16],
        key_of: impl Fn(&[u8]) -> Option<Vec<u8>>,
    ) {
        self.ensure_index();
        let mut keys: Vec<Option<Vec<u8>>> = Vec::with_capacity(MERGE_BATCH);
        let mut ids = Vec::with_capacity(other.len());
        let mut hashes = Vec::with_capacity(MERGE_BATCH);
        let mut candidates = Vec::with_capacity(MERGE_BATCH);
        for first in (0..other.len()).step_by(MERGE_BATCH) {
            let batch = first as u32..(first + MERGE_BATCH).min(other.len()) as u32;
            // As in `flush`: touch the buckets, the candidate slots and their keys for the whole
            // batch first, so that the lookups below do not wait for one cache miss after another.
            keys.clear();
            keys.extend(batch.clone().map(|oid| key_of(other.key(oid))));
            hashes.clear();
            hashes.extend(batch.clone().zip(&keys).map(|(oid, k)| {
                let group = groups[other.slots[oid as usize].group as usize];
                key_hash(group, k.as_deref().unwrap_or(other.key(oid)))
            }));
            let mut touch = 0u64;
            for &h in &hashes {
                touch ^= self.index.peek(h);
            }
            candidates.clear();
            for &h in &hashes {
                let cand = self.index.candidate(h);
                if let Some(id) = cand {
                    touch ^= self.slots.get(id as usize).map_or(0, |s| s.pos[0] as u64);
                    touch ^= self.addr.get(id as usize).copied().unwrap_or(0);
                }
                candidates.push(cand);
            }
            for cand in &candidates {
                if let Some(s) = cand.and_then(|id| self.slots.get(id as usize)) {
                    touch ^= self.arena.get(s.start()).copied().unwrap_or(0) as u64;
                }
            }
            std::hint::black_box(touch);
            for ((oid, &hash), key) in batch.zip(&hashes).zip(&keys) {
                let s = other.slots[oid as usize];
                let key = key.as_deref().unwrap_or(other.key(oid));
                let id = self.intern_hashed(hash, groups[s.group as usize], &key[..key.len().min(MAX_KEY)]);
                ids.push(id);
                if s.channel() != MULTI {
                    let ch = if s.channel() == NO_CHANNEL { NO_CHANNEL } else { channels[s.channel() as usize] };
                    if s.has_extra() {
                        // Whole runs, not the pieces a long one is cut into: a piece's first
                        // day is no event day.
                        let mut runs = other.runs_of(oid);
                        normalise(&mut runs);
                        for r in runs {
                            self.add(id, ch, r);
                        }
                    } else if s.run().0 < s.run().1 {
                        self.add(id, ch, s.run());
                    }
                }
                if let Some(tag) = other.address(oid) {
                    self.set_address(id, tag);
                }
            }
        }
        let mut entries = Vec::new();
        other.log.for_each(|ch, id, run| entries.push((id, ch, run)));
        // Pieces of one long run are joined again (see above).
        entries.sort_unstable();
        let mut w: usize = 0;
        for i in 0..entries.len() {
            let (id, ch, run) = entries[i];
            match w.checked_sub(1).map(|k| &mut entries[k]) {
                Some(last) if last.0 == id && last.1 == ch && run.0 <= last.2 .1 => last.2 .1 = last.2 .1.max(run.1),
                _ => {
                    entries[w] = (id, ch, run);
                    w += 1;
                }
            }
        }
        entries.truncate(w);
        for (id, ch, run) in entries {
            self.add(ids[id as usize], channels[ch as usize], run);
        }
        other.days.for_each(|id, day| self.days.push(ids[id as usize], day));
        self.compact();
    }

    /// Adds the profiles of `other`, which has none of these (another shard of the same input,
    /// so the same group and channel numbers): appended after them, without looking any up.
    pub(crate) fn append_disjoint(&mut self, other: &Profiles) {
        self.ensure_index();
        let base = self.slots.len() as u32;
        let arena_base = self.arena.len();
        self.arena.extend_from_slice(&other.arena);
        self.slots.reserve(other.slots.len());
        for (oid, s) in other.slots.iter().enumerate() {
            let start = (s.start() + arena_base) as u64;
            let mut slot = *s;
            slot.pos = [start as u32, ((start >> 32) as u32 & 0xFFFF) | ((s.len() as u32) << 16)];
            self.slots.push(slot);
            self.index.insert(key_hash(s.group, slot_key(&self.arena, &slot)), base + oid as u32);
        }
        if !other.addr.is_empty() {
            self.addr.resize(base as usize, 0);
            self.addr.extend_from_slice(&other.addr);
        }
        self.extra.extend(other.extra.iter().map(|(id, r)| (id + base, *r)));
        self.more.extend(other.more.iter().map(|(id, v)| (id + base, v.clone())));
        other.log.for_each(|ch, id, run| self.log.push(id + base, ch, run));
        other.days.for_each(|id, day| self.days.push(id + base, day));
        self.compact();
    }

    /// Heap bytes by part, for figures.
    pub(crate) fn breakdown(&self) -> String {
        format!(
            "arena {} (len {}), slots {}x{}, addr {}, index {}, extra {} + {}, log {} ({} used), inner days {} ({} used)",
            self.arena.capacity(),
            self.arena.len(),
            self.slots.capacity(),
            std::mem::size_of::<Slot>(),
            self.addr.capacity() * 8,
            self.index.bytes(),
            self.extra.len(),
            self.more.len(),
            self.log.bytes(),
            self.log.len(),
            self.days.bytes(),
            self.days.len()
        )
    }

    /// Whether every group and channel number refers to one of `groups` and `channels`.
    pub(crate) fn consistent(&self, groups: usize, channels: usize) -> bool {
        self.slots
            .iter()
            .all(|s| (s.group as usize) < groups && (s.channel() >= MULTI || (s.channel() as usize) < channels))
            && self.log.consistent(self.slots.len(), channels)
            && self.days.consistent(self.slots.len())
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
            + self.log.bytes()
            + self.days.bytes()
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
            + self.log.used_bytes()
            + self.days.used_bytes()
    }
}

/// Low bits of an address tag: the case-folded hash.
pub(crate) const FOLDED: u64 = (1 << 40) - 1;

/// Whether an address is an e-mail address (letter case matters for those).
pub(crate) fn is_email(address: &[u8]) -> bool {
    memchr::memchr(b'@', address).is_some()
}

/// The part of a tag that decides which address a profile keeps: the e-mail bit and the exact hash.
pub(crate) fn tag_rank(address: &[u8], exact: u64) -> u64 {
    ((!is_email(address) as u64) << 23) | (exact >> 41)
}

/// An address as stored for the duplicate check (never 0): a bit that is 0 for an e-mail
/// address, 23 bits of the hash of its exact form, 40 bits of the hash of its case-folded
/// form. A profile keeps its smallest tag: an e-mail address if it has one (a profile's
/// address column may hold its phone on SMS rows), decided by the exact hash first, so a
/// row whose rank is not smaller than the kept one's needs no case folding.
pub(crate) fn address_tag(address: &[u8], folded: u64, exact: u64) -> u64 {
    (tag_rank(address, exact) << 40) | (folded & FOLDED) | 1
}

impl std::fmt::Debug for Profiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Profiles({})", self.len())
    }
}

#[derive(Deserialize)]
struct Stored {
    arena: Vec<u8>,
    slots: Vec<Slot>,
    extra: Vec<(u32, Run)>,
    more: Vec<(u32, Vec<Run>)>,
    log: ChannelLog,
    addr: Vec<u64>,
    /// Absent from a counter written before it was kept: no inner days known.
    #[serde(default)]
    days: DayLog,
    /// Absent from a counter written before shards: the whole.
    #[serde(default)]
    shard: Shard,
}

/// [`Stored`] as written: the large vectors borrowed, not copied (a counter is serialised to
/// travel between workers, where memory is tight).
#[derive(Serialize)]
struct StoredRef<'a> {
    arena: &'a [u8],
    slots: &'a [Slot],
    extra: Vec<(u32, Run)>,
    more: Vec<(u32, &'a [Run])>,
    log: std::borrow::Cow<'a, ChannelLog>,
    addr: &'a [u64],
    days: std::borrow::Cow<'a, DayLog>,
    shard: Shard,
}

impl Serialize for Profiles {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut extra: Vec<_> = self.extra.iter().map(|(k, v)| (*k, *v)).collect();
        extra.sort_unstable_by_key(|e| e.0);
        let mut more: Vec<_> = self.more.iter().map(|(k, v)| (*k, v.as_slice())).collect();
        more.sort_unstable_by_key(|e| e.0);
        let log = if self.log.is_compacted() {
            std::borrow::Cow::Borrowed(&self.log)
        } else {
            let mut log = self.log.clone();
            log.compact();
            std::borrow::Cow::Owned(log)
        };
        let days = if self.days.is_compacted() {
            std::borrow::Cow::Borrowed(&self.days)
        } else {
            let mut days = self.days.clone();
            days.compact();
            std::borrow::Cow::Owned(days)
        };
        StoredRef {
            arena: &self.arena,
            slots: &self.slots,
            extra,
            more,
            log,
            addr: &self.addr,
            days,
            shard: self.shard,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Profiles {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let st = Stored::deserialize(d)?;
        let n = st.slots.len();
        if st.slots.iter().any(|s| s.start() + s.len() > st.arena.len())
            || !st.log.consistent(n, usize::MAX)
            || !st.days.consistent(n)
            || st.shard.index >= st.shard.count
        {
            return Err(serde::de::Error::custom("inconsistent profile store"));
        }
        let mut p = Profiles {
            shard: st.shard,
            arena: st.arena,
            slots: st.slots,
            extra: st.extra.into_iter().collect(),
            more: st.more.into_iter().collect(),
            log: st.log,
            days: st.days,
            addr: st.addr,
            index: KeyIndex::default(),
            unindexed: true,
        };
        // Written sorted; sorted again in case it was not (sorting sorted entries is quick).
        p.days.batches.appended = p.days.len();
        p.compact();
        Ok(p)
    }
}

/// The hash of an address with letter case folded.
pub(crate) fn folded_hash(address: &[u8], scratch: &mut Vec<u8>) -> u64 {
    scratch.clear();
    if address.is_ascii() {
        scratch.extend(address.iter().map(u8::to_ascii_lowercase));
    } else {
        let text = match std::str::from_utf8(address) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(address),
        };
        let mut buf = [0u8; 4];
        for c in text.chars() {
            if c.is_ascii() {
                scratch.push(c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    scratch.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    stable_hash(scratch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deserialised_store_is_indexed_when_first_added_to() {
        let mut p = Profiles::default();
        let a = p.intern(0, b"a");
        let b = p.intern(1, b"b");
        let mut back: Profiles = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert!(back.unindexed);
        assert_eq!(back.intern(1, b"b"), b);
        assert_eq!(back.intern(0, b"a"), a);
        assert!(!back.unindexed);
        assert_eq!(back.intern(0, b"c"), 2);
    }

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
            let mut p = p.clone();
            p.compact();
            let mut v = Vec::new();
            p.for_each_channel_run(|ch, _, r| v.push((ch, r)));
            v
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
    fn channel_log_merges_in_batches_like_a_plain_model() {
        use std::collections::BTreeMap;
        let mut p = Profiles::default();
        let mut model: BTreeMap<(u32, u16), Vec<Run>> = BTreeMap::new();
        let mut overall: BTreeMap<u32, Vec<Run>> = BTreeMap::new();
        let mut x: u64 = 12345;
        let base = NARROW_BASE + 20_000;
        for _ in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let key = (x % 20_000) as u32;
            let channel = ((x >> 20) % 3) as u16;
            // Mostly recent days, some far back (narrow), a few before 1970 (wide).
            let day = if (x >> 30).is_multiple_of(50) {
                5_000 + ((x >> 40) % 400) as Day
            } else {
                base + ((x >> 40) % 2_000) as Day
            };
            let run = (day, day + 365);
            let id = p.intern(0, &key.to_le_bytes());
            p.add(id, channel, run);
            model.entry((id, channel)).or_default().push(run);
            overall.entry(id).or_default().push(run);
        }
        p.compact();
        let mut got: BTreeMap<(u32, u16), Vec<Run>> = BTreeMap::new();
        p.for_each_channel_run(|ch, id, r| got.entry((id, ch)).or_default().push(r));
        for v in got.values_mut() {
            normalise(v);
        }
        // Single-channel profiles keep no per-channel runs: their runs are the profile's.
        for (id, v) in &mut overall {
            normalise(v);
            assert_eq!(&p.runs_of(*id), v);
        }
        for ((id, ch), mut v) in model {
            normalise(&mut v);
            if p.slots[id as usize].channel() == MULTI {
                assert_eq!(got.get(&(id, ch)), Some(&v), "{id} {ch}");
            }
        }
    }

    #[test]
    fn runs_longer_than_a_slot_holds_are_cut_and_still_cover_every_day() {
        let mut p = Profiles::default();
        let id = p.intern(0, b"old");
        // Events every 300 days for 200 years: one continuous activity of about 73 000 days.
        let days: Vec<Day> = (0..244).map(|i| 700_000 + i * 300).collect();
        for (i, d) in days.iter().enumerate() {
            p.add(id, (i % 2) as u16, (*d, d + 365));
        }
        let runs = p.runs_of(id);
        assert!(runs.len() >= 2 && runs.iter().all(|r| r.1 - r.0 <= MAX_RUN));
        assert!(runs.windows(2).all(|w| w[0].1 == w[1].0), "touching pieces");
        assert_eq!((runs[0].0, runs[runs.len() - 1].1), (700_000, 700_000 + 243 * 300 + 365));
        for d in [700_000, 730_000, 765_534, 765_535, 765_536, 772_000] {
            assert!(p.run_at(id, d).is_some(), "{d}");
        }
        assert!(p.run_at(id, 699_999).is_none());
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
            p.set_address(id, address_tag(k.as_bytes(), stable_hash(k.as_bytes()), 1));
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
