//! Building a [`Report`] from a counter's state for given report settings.
//!
//! Every figure follows from each profile's activity runs: active on a day
//! means the day lies in one of its runs; the daily series and the monthly
//! snapshots are one sweep over a difference array of run starts and ends.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::activity::{daily, expiring_months, Leaving, MAX_RANGE};
use crate::classify::Classifier;
use crate::date::{from_date, minus_year, to_date, Day};
use crate::message::{Arg, Message};
use crate::profiles::{address_tag, folded_hash, stable_hash, Profiles, FOLDED, MULTI};
use crate::report::*;
use crate::state::{State, MAX_REJECTED, REASONS};
use crate::{BillingDay, Options, ReportSettings};

fn iso(day: Day) -> String {
    to_date(day).format("%Y-%m-%d").to_string()
}

/// Sorted by count, largest first, then by name.
/// Named counts as the report lists them: largest first, then by name.
pub(crate) fn named(map: BTreeMap<String, u64>) -> Vec<NamedCount> {
    let mut v: Vec<NamedCount> = map.into_iter().map(|(name, active)| NamedCount { name, active }).collect();
    v.sort_by(|a, b| b.active.cmp(&a.active).then_with(|| a.name.cmp(&b.name)));
    v
}

/// Fills the blocks that place the active profiles of the as-of date, from their counts per
/// instance and target dimension and per channel: `dimensions` (summed over the instances),
/// `instances` (largest first) and `channels` (only those with active profiles: a social
/// channel, always excluded, would be noise). Shared by counted files and warehouse aggregates.
pub(crate) fn place_active(
    report: &mut Report,
    instances: BTreeMap<String, BTreeMap<String, u64>>,
    mut channels: BTreeMap<String, u64>,
) {
    let mut dims: BTreeMap<String, u64> = BTreeMap::new();
    for (dimension, n) in instances.values().flatten() {
        *dims.entry(dimension.clone()).or_default() += n;
    }
    report.dimensions = named(dims);
    let mut inst: Vec<InstanceCount> = instances
        .into_iter()
        .map(|(name, dims)| InstanceCount { name, active: dims.values().sum(), dimensions: named(dims) })
        .collect();
    inst.sort_by(|a, b| b.active.cmp(&a.active).then_with(|| a.name.cmp(&b.name)));
    report.instances = inst;
    channels.retain(|_, n| *n > 0);
    report.channels = named(channels);
}

/// The billing day of a month: day 1 to 28 (above 28 reads as 28), or the month's last day.
pub(crate) fn billing_date(year: i32, month: u32, billing: BillingDay) -> Option<NaiveDate> {
    match billing {
        BillingDay::Day(d) => NaiveDate::from_ymd_opt(year, month, d.clamp(1, 28) as u32),
        BillingDay::Last => {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            first.checked_add_months(chrono::Months::new(1))?.pred_opt()
        }
    }
}

fn rules_in_force(options: &Options, classifier: &Classifier) -> RulesInForce {
    let rules = &options.rules;
    let mut counted: Vec<String> = rules.counted_status.clone();
    let mut excluded: Vec<String> = rules.excluded_status.clone();
    let listed: Vec<String> =
        counted.iter().chain(excluded.iter()).map(|v| crate::classify::norm(v.as_bytes())).collect();
    for n in rules.status_numbers.keys() {
        let v = n.to_string();
        if listed.contains(&v) {
            continue;
        }
        if classifier.status(v.as_bytes()).excludes() {
            excluded.push(v);
        } else {
            counted.push(v);
        }
    }
    let mut reasons = rules.excluded_failure_reasons.clone();
    reasons.extend(rules.control_failure_reasons.iter().copied());
    reasons.sort_unstable();
    reasons.dedup();
    RulesInForce {
        counted_status: counted,
        excluded_status: excluded,
        excluded_failure_reasons: reasons,
        social_channels: rules.social_channels.clone(),
    }
}

/// The report of a counter's state for these settings: the rows read and what became of them,
/// then, as of the as-of date (the settings' or the last day seen), who is active and where,
/// who leaves when, case-variant duplicates, the daily series and the monthly snapshots.
pub(crate) fn build(st: &State, options: &Options, classifier: &Classifier, settings: &ReportSettings) -> Report {
    let as_of = settings.as_of.map(from_date).or(st.activity.max_day);
    let mut report = rows_read(st, options, classifier, settings, as_of);
    let Some(as_of) = as_of else { return report };
    report.window = Some(Window { from: iso(minus_year(as_of) + 1), to: iso(as_of) });
    let p = st.activity.compacted();
    let p = p.as_ref();

    let mut active = ActiveOn::sweep(st, p, as_of);
    report.multi_channel_profiles = count_channels(p, as_of, &mut active.per_channel);
    report.total_active = active.total;
    let mut instances: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for ((instance, dimension), n) in st.activity.groups.iter().zip(&active.per_group) {
        *instances.entry(instance.clone()).or_default().entry(dimension.clone()).or_default() += n;
    }
    let mut channels: BTreeMap<String, u64> = BTreeMap::new();
    for (name, n) in st.activity.channels.iter().zip(&active.per_channel) {
        *channels.entry(name.clone()).or_default() += n;
    }
    place_active(&mut report, instances, channels);
    report.expiring = expiring_months(as_of, active.expiring)
        .into_iter()
        .map(|(month, profiles)| ExpiringMonth { month, profiles })
        .collect();
    report.case_duplicates = case_duplicates(&st.activity.groups, active.dup_keys);
    series(&mut report, st, p, as_of, settings.billing_day);
    report
}

/// The report's settings in force and what became of the rows read: excluded by reason,
/// rejected (the first 100), unrecognised values, warnings (each once) and files.
fn rows_read(
    st: &State,
    options: &Options,
    classifier: &Classifier,
    settings: &ReportSettings,
    as_of: Option<Day>,
) -> Report {
    let mut report = Report {
        format: FORMAT.into(),
        settings: SettingsInForce {
            as_of: as_of.map(iso),
            billing_day: match settings.billing_day {
                BillingDay::Day(d) => serde_json::Value::from(d.clamp(1, 28)),
                BillingDay::Last => serde_json::Value::from("last"),
            },
            time_zone: options.time_zone.clone(),
            day_first: options.day_first,
            purchased: settings.purchased,
            rules: rules_in_force(options, classifier),
        },
        as_of: as_of.map(iso),
        rows: RowCounts {
            read: st.read,
            counted: st.counted,
            excluded: st.excluded.iter().sum(),
            rejected: st.rejected,
        },
        ..Default::default()
    };
    let mut excluded: Vec<ExcludedCount> = REASONS
        .iter()
        .zip(st.excluded)
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| ExcludedCount { reason: r.to_string(), rows: n })
        .collect();
    excluded.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.reason.cmp(&b.reason)));
    report.excluded = excluded;
    let mut rejected = st.rejected_rows.clone();
    rejected.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    rejected.truncate(MAX_REJECTED);
    report.rejected = rejected;
    let mut unrecognised: Vec<Unrecognised> = st
        .unrecognised
        .iter()
        .flat_map(|(field, values)| {
            values.iter().map(move |(value, rows)| Unrecognised {
                field: field.clone(),
                value: value.clone(),
                rows: *rows,
            })
        })
        .collect();
    unrecognised.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| (&a.field, &a.value).cmp(&(&b.field, &b.value))));
    report.unrecognised = unrecognised;
    let mut warnings: Vec<(String, Message)> = st.warnings.iter().map(|m| (m.to_string(), m.clone())).collect();
    warnings.sort_by(|a, b| a.0.cmp(&b.0));
    warnings.dedup_by(|a, b| a.0 == b.0);
    (report.warnings, report.warning_messages) = warnings.into_iter().unzip();
    let mut files = st.files.clone();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    report.files = files;
    report
}

/// The profiles active on the as-of date, from one pass over the store.
struct ActiveOn {
    total: u64,
    /// By group (instance, target dimension).
    per_group: Vec<u64>,
    /// By channel, of the profiles reached on one channel only ([`count_channels`] adds the others).
    per_channel: Vec<u64>,
    /// By leaving day (if nothing more is sent after the as-of date).
    expiring: BTreeMap<Day, u64>,
    /// Per group, the address tags that may have a case variant in the group: folded hash first,
    /// so that sorting puts the case variants of one address side by side.
    dup_keys: Vec<Vec<u64>>,
}

impl ActiveOn {
    fn sweep(st: &State, p: &Profiles, as_of: Day) -> ActiveOn {
        let groups = st.activity.groups.len();
        let mut active = ActiveOn {
            total: 0,
            per_group: vec![0; groups],
            per_channel: vec![0; st.activity.channels.len()],
            expiring: BTreeMap::new(),
            dup_keys: vec![Vec::new(); groups],
        };
        // Case duplicates, in two passes to keep memory low: mark the folded addresses seen once
        // and twice in two bit sets, then keep only the addresses whose mark says "twice".
        let mut scratch = Vec::new();
        let anonymous: Vec<bool> = st.activity.groups.iter().map(|(_, d)| d == "Anonymous").collect();
        let mut tag_of = |id: u32| -> Option<u64> {
            let g = p.slots[id as usize].group as usize;
            if anonymous[g] {
                let key = p.key(id);
                Some(address_tag(key, folded_hash(key, &mut scratch), stable_hash(key)))
            } else {
                p.address(id)
            }
        };
        let bits = (p.len() * 8).max(64);
        let mark =
            |g: usize, tag: u64| ((tag & FOLDED) ^ (g as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as usize % bits;
        let (mut once, mut twice) = (vec![0u64; bits / 64 + 1], vec![0u64; bits / 64 + 1]);
        let mut leaving = Leaving::new(p, st.activity.max_day, as_of);
        for id in 0..p.len() as u32 {
            let Some(run) = p.run_at(id, as_of) else {
                continue;
            };
            active.total += 1;
            let m = p.slots[id as usize];
            active.per_group[m.group as usize] += 1;
            if m.channel() != MULTI {
                if let Some(c) = active.per_channel.get_mut(m.channel() as usize) {
                    *c += 1;
                }
            }
            *active.expiring.entry(leaving.day(id, run)).or_default() += 1;
            if let Some(tag) = tag_of(id) {
                let b = mark(m.group as usize, tag);
                if once[b / 64] & (1 << (b % 64)) != 0 {
                    twice[b / 64] |= 1 << (b % 64);
                }
                once[b / 64] |= 1 << (b % 64);
            }
        }
        drop(once);
        for id in 0..p.len() as u32 {
            if p.run_at(id, as_of).is_none() {
                continue;
            }
            if let Some(tag) = tag_of(id) {
                let g = p.slots[id as usize].group as usize;
                let b = mark(g, tag);
                if twice[b / 64] & (1 << (b % 64)) != 0 {
                    active.dup_keys[g].push(((tag & FOLDED) << 24) | (tag >> 40));
                }
            }
        }
        active
    }
}

/// Adds the profiles reached on several channels to `per_channel` (each (profile, channel)
/// active on the as-of date once: merged runs of one pair are disjoint; a pair seen twice in a
/// row is skipped) and returns how many profiles were reached on more than one.
fn count_channels(p: &Profiles, as_of: Day, per_channel: &mut [u64]) -> u64 {
    let mut channels_of = vec![0u8; p.len()];
    let mut last: Option<(u16, u32)> = None;
    p.for_each_channel_run(|ch, id, r| {
        if r.0 <= as_of && as_of < r.1 && last != Some((ch, id)) {
            last = Some((ch, id));
            if let Some(c) = per_channel.get_mut(ch as usize) {
                *c += 1;
            }
            if let Some(n) = channels_of.get_mut(id as usize) {
                *n = n.saturating_add(1);
            }
        }
    });
    channels_of.iter().filter(|n| **n > 1).count() as u64
}

/// Case-variant duplicates per target dimension, from [`ActiveOn::dup_keys`]: the profiles
/// whose addresses differ only in letter case, and how many fewer they would be as one.
fn case_duplicates(groups: &[(String, String)], dup_keys: Vec<Vec<u64>>) -> Vec<CaseDuplicates> {
    let mut dups: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (g, mut keys) in dup_keys.into_iter().enumerate() {
        keys.sort_unstable();
        let mut i = 0;
        while i < keys.len() {
            let mut j = i + 1;
            while j < keys.len() && keys[j] >> 24 == keys[i] >> 24 {
                j += 1;
            }
            if keys[i] != keys[j - 1] {
                let e = dups.entry(groups[g].1.clone()).or_default();
                e.0 += (j - i) as u64;
                e.1 += (j - i - 1) as u64;
            }
            i = j;
        }
    }
    let mut case: Vec<CaseDuplicates> =
        dups.into_iter().map(|(dimension, (profiles, fewer))| CaseDuplicates { dimension, profiles, fewer }).collect();
    case.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| a.dimension.cmp(&b.dimension)));
    case
}

/// The daily series (365 days up to the as-of date) and the snapshots on each billing day:
/// sweeps over run starts and ends. Data spanning more than [`MAX_RANGE`] days gets the daily
/// series and a warning instead of snapshots.
fn series(report: &mut Report, st: &State, p: &Profiles, as_of: Day, billing_day: BillingDay) {
    let (Some(min_day), Some(max_day)) = (st.activity.min_day, st.activity.max_day) else {
        return;
    };
    let start = (as_of - 364).max(min_day);
    if start <= as_of {
        let active = daily(p, start, as_of, |_| true).0;
        report.daily = (start..=as_of).zip(active).map(|(d, active)| DailyCount { date: iso(d), active }).collect();
    }
    if max_day - min_day > MAX_RANGE {
        let warning = Message::new("warning-long-range")
            .with("from", Arg::Date(iso(min_day)))
            .with("to", Arg::Date(iso(max_day)));
        report.warnings.push(warning.to_string());
        report.warning_messages.push(warning);
        return;
    }
    let active = daily(p, min_day, max_day, |_| true).0;
    let (first, last) = (to_date(min_day), to_date(max_day));
    let mut month = first.with_day(1).unwrap_or(first);
    while month <= last {
        if let Some(b) = billing_date(month.year(), month.month(), billing_day) {
            let b = from_date(b);
            if (min_day..=max_day).contains(&b) {
                let n = active[(b - min_day) as usize];
                report.snapshots.push(Snapshot { from: iso(minus_year(b) + 1), to: iso(b), active: n });
            }
        }
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(n) => month = n,
            None => break,
        }
    }
}

/// The profiles active on the as-of date of `settings`, sorted by dimension, instance, leaving day and key.
pub(crate) fn active_profiles(st: &State, settings: &ReportSettings) -> Vec<ActiveProfile> {
    let Some(as_of) = settings.as_of.map(from_date).or(st.activity.max_day) else { return Vec::new() };
    let p = st.activity.compacted();
    let mut leaving = Leaving::new(p.as_ref(), st.activity.max_day, as_of);
    let mut list: Vec<ActiveProfile> = (0..p.len() as u32)
        .filter_map(|id| {
            let run = p.run_at(id, as_of)?;
            let leaves = leaving.day(id, run);
            let (instance, dimension) = st.activity.groups.get(p.slots[id as usize].group as usize)?;
            Some(ActiveProfile {
                dimension: dimension.clone(),
                instance: instance.clone(),
                key: String::from_utf8_lossy(p.key(id)).into_owned(),
                leaves: iso(leaves),
            })
        })
        .collect();
    list.sort_by(|a, b| {
        (&a.dimension, &a.instance, &a.leaves, &a.key).cmp(&(&b.dimension, &b.instance, &b.leaves, &b.key))
    });
    list
}
