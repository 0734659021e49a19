//! The windowed store that both licence metrics count with: profiles per group, their activity runs per channel, and the figures every report takes from them.
//!
//! Adobe Campaign's active profiles and Journey Optimizer's engageable
//! profiles share one rule: a profile counts on day `D` when it has an event
//! dated in `(D - 12 months, D]` (`counting-rules.md` section 1). Both are
//! counted here, fed by two kinds of events:
//!
//! ```text
//! delivery-log rows  ──Counter (counter.rs)──────────┐
//!                                                     ├─▶ Activity<L> ──▶ daily, newly, as-of pass, expiring
//! engagement events  ──EventCounter (engage/)────────┘     (groups, channels, the profile store)
//! ```
//!
//! A *group* is where a profile is counted once: (instance, target
//! dimension) for Campaign, (sandbox, sandbox type) for Journey Optimizer. A
//! *channel* is what a profile was reached through: a channel name for
//! Campaign, a journey or campaign (and whether it was a dry run) for
//! Journey Optimizer; the label type `L` says which. Two activities merge
//! into the one a single pass would have built, whatever the order.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::Hash;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::date::{leave_day, month_of, to_date, Day, LeaveCache};
use crate::profiles::{Batch, DayCursor, Profiles, Run, MULTI};
use crate::FastMap;

/// The longest data range that gets monthly snapshots (200 years): a longer one means stray dates.
pub(crate) const MAX_RANGE: Day = 200 * 366;

/// Profiles per group with their activity runs, the names of the groups and channels, and the
/// days seen.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, bound(serialize = "L: Serialize", deserialize = "L: Deserialize<'de>"))]
pub(crate) struct Activity<L> {
    pub profiles: Profiles,
    /// The two names of each group id.
    pub groups: Vec<(String, String)>,
    /// The label of each channel id.
    pub channels: Vec<L>,
    pub min_day: Option<Day>,
    pub max_day: Option<Day>,
    /// Channel ids by label, rebuilt when missing (after deserialising).
    #[serde(skip)]
    channel_index: FastMap<L, u16>,
}

impl<L> Default for Activity<L> {
    fn default() -> Self {
        Activity {
            profiles: Profiles::default(),
            groups: Vec::new(),
            channels: Vec::new(),
            min_day: None,
            max_day: None,
            channel_index: FastMap::default(),
        }
    }
}

impl<L: Clone + Eq + Hash> Activity<L> {
    /// Nothing counted, no group, no channel.
    pub(crate) fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.channels.is_empty() && self.min_day.is_none()
    }

    pub(crate) fn see_day(&mut self, day: Day) {
        self.min_day = Some(self.min_day.map_or(day, |m| m.min(day)));
        self.max_day = Some(self.max_day.map_or(day, |m| m.max(day)));
    }

    /// The id of a group, created when new (groups are few: a linear search).
    pub(crate) fn group(&mut self, a: &str, b: &str) -> u32 {
        if let Some(g) = self.groups.iter().position(|(x, y)| x == a && y == b) {
            return g as u32;
        }
        self.groups.push((a.to_string(), b.to_string()));
        (self.groups.len() - 1) as u32
    }

    /// The id of a channel, created when new; past the store's limit of channels, the last one.
    pub(crate) fn channel<Q>(&mut self, label: &Q) -> u16
    where
        L: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = L> + ?Sized,
    {
        if self.channel_index.len() != self.channels.len() {
            self.channel_index = self.channels.iter().enumerate().map(|(i, c)| (c.clone(), i as u16)).collect();
        }
        if let Some(&c) = self.channel_index.get(label) {
            return c;
        }
        let c = self.channels.len().min(MULTI as usize - 1) as u16;
        if (c as usize) == self.channels.len() {
            self.channels.push(label.to_owned());
            self.channel_index.insert(label.to_owned(), c);
        }
        c
    }

    /// Queues one counted event of `key` in `group` on `channel`, dated `day` (see [`Profiles::queue`]).
    #[inline]
    pub(crate) fn count(
        &mut self,
        batch: &mut Batch,
        leave: &mut LeaveCache,
        group: u32,
        key: &[u8],
        channel: u16,
        day: Day,
    ) {
        self.see_day(day);
        let run = (day, leave.get(day));
        self.profiles.queue(batch, group, key, &[], channel, run);
    }

    /// Adds another activity: the state one pass over both inputs gives.
    pub(crate) fn merge(&mut self, other: &Activity<L>) {
        let groups: Vec<u32> = other.groups.iter().map(|(a, b)| self.group(a, b)).collect();
        let channels: Vec<u16> = other.channels.iter().map(|c| self.channel::<L>(c)).collect();
        self.profiles.merge(&other.profiles, &groups, &channels);
        for d in [other.min_day, other.max_day].into_iter().flatten() {
            self.see_day(d);
        }
    }

    /// The same activity with some profiles' keys replaced: `key_of(key)` is the new key, or
    /// `None` to keep it. Profiles given one key become one, with the union of their activity
    /// (identity stitching).
    pub(crate) fn rekeyed(&self, key_of: impl Fn(&[u8]) -> Option<Vec<u8>>) -> Activity<L> {
        let p = self.compacted();
        let mut out = Activity {
            groups: self.groups.clone(),
            channels: self.channels.clone(),
            min_day: self.min_day,
            max_day: self.max_day,
            ..Default::default()
        };
        let groups: Vec<u32> = (0..self.groups.len() as u32).collect();
        let channels: Vec<u16> = (0..self.channels.len() as u16).collect();
        out.profiles.merge_keyed(p.as_ref(), &groups, &channels, key_of);
        out
    }

    /// The profile store with its logs merged: a file still open may leave them unmerged, and
    /// then a merged copy is reported on.
    pub(crate) fn compacted(&self) -> Cow<'_, Profiles> {
        if self.profiles.is_compacted() {
            Cow::Borrowed(&self.profiles)
        } else {
            let mut copy = self.profiles.clone();
            copy.compact();
            Cow::Owned(copy)
        }
    }
}

/// Profiles counted on each day from `lo` to `hi` (both included), and of them the newly counted
/// (counted that day, not the day before), for the profiles whose group `keep` accepts.
pub(crate) fn daily(p: &Profiles, lo: Day, hi: Day, keep: impl Fn(u32) -> bool) -> (Vec<u64>, Vec<u64>) {
    daily_by(p, lo, hi, 1, |g| keep(g).then_some(0)).pop().unwrap_or_default()
}

/// [`daily`] for `series` series in one sweep: the profiles of a group count in the series
/// `series_of(group)` gives (none: in no series). A profile belongs to one group, so the series of
/// the groups add up to the series of them all.
pub(crate) fn daily_by(
    p: &Profiles,
    lo: Day,
    hi: Day,
    series: usize,
    series_of: impl Fn(u32) -> Option<usize>,
) -> Vec<(Vec<u64>, Vec<u64>)> {
    let len = (hi - lo + 2).max(1) as usize;
    let mut diff = vec![vec![0i64; len]; series];
    let mut starts = vec![vec![0u64; len]; series];
    p.for_each_run(|id, r| {
        let Some(k) = series_of(p.slots[id as usize].group).filter(|k| *k < series) else { return };
        let s = r.0.max(lo);
        let e = r.1.min(hi + 1);
        if s < e {
            diff[k][(s - lo) as usize] += 1;
            diff[k][(e - lo) as usize] -= 1;
            if r.0 >= lo {
                starts[k][(r.0 - lo) as usize] += 1;
            }
        }
    });
    diff.into_iter()
        .zip(starts)
        .map(|(mut diff, mut starts)| {
            let mut acc = 0i64;
            diff.truncate(len - 1);
            starts.truncate(len - 1);
            let active = diff
                .into_iter()
                .map(|d| {
                    acc += d;
                    acc.max(0) as u64
                })
                .collect();
            (active, starts)
        })
        .collect()
}

/// The leaving days of the profiles counted on an as-of date (counting-rules.md 4, *Expiring*):
/// the end of the run that contains the date when no event comes after it, else the leaving day
/// of the last event on or before it (a later event may have lengthened the run). Asked in
/// increasing id order.
pub(crate) struct Leaving<'a> {
    p: &'a Profiles,
    as_of: Day,
    /// Some event is dated after the as-of date.
    later: bool,
    horizon: Day,
    cursor: DayCursor<'a>,
    cache: LeaveCache,
}

impl<'a> Leaving<'a> {
    /// `max_day`: the latest event day counted.
    pub(crate) fn new(p: &'a Profiles, max_day: Option<Day>, as_of: Day) -> Self {
        let later = max_day.is_some_and(|m| m > as_of);
        Leaving { p, as_of, later, horizon: leave_day(as_of), cursor: p.day_cursor(), cache: Default::default() }
    }

    /// The leaving day of `id`, whose run `run` contains the as-of date.
    pub(crate) fn day(&mut self, id: u32, run: Run) -> Day {
        if !self.later {
            return run.1.min(self.horizon);
        }
        let last = self.p.last_event_day(id, self.as_of, run, &mut self.cursor);
        self.cache.get(last)
    }
}

/// Profiles leaving by calendar month (`YYYY-MM`): every month from the one after the as-of date
/// up to the last possible leaving day, with zeros, then the counts of `leaving` (day -> profiles).
pub(crate) fn expiring_months(as_of: Day, leaving: BTreeMap<Day, u64>) -> Vec<(String, u64)> {
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    let mut d = to_date(as_of + 1).with_day(1).unwrap_or(to_date(as_of));
    let last = to_date(leave_day(as_of));
    while d <= last {
        months.insert(format!("{:04}-{:02}", d.year(), d.month()), 0);
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    for (day, n) in leaving {
        *months.entry(month_of(day)).or_default() += n;
    }
    months.into_iter().collect()
}
