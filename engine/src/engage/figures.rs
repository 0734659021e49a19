//! Every figure of `journey-optimizer.md` section 3, from the counter's state and the settings alone.
//!
//! The as-of figures are one pass over the profiles (and one over the
//! channel log for the profiles engaged by several journeys); the daily
//! series and newly engaged are sweeps of [`daily`] over the runs, as for
//! Campaign's active profiles, and each sandbox's series one sweep of
//! [`daily_by`] (the production ones add up to the series the prediction is
//! fitted through); expiring uses the same
//! [`Leaving`] rule. Stitching re-keys the store first
//! ([`Activity::rekeyed`]), so every figure is of stitched profiles.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activity::{daily, daily_by, expiring_months, Activity, Leaving};
use crate::aep::figures::StitchMap;
use crate::date::{from_date, minus_year, to_date, Day};
use crate::engage::counter::{Journey, State};
use crate::engage::report::*;
use crate::profiles::{Profiles, MULTI, NO_CHANNEL};
use crate::FastMap;

/// What a report is computed for: no re-read is needed to change them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngageSettings {
    /// The as-of date; `None`: the latest event date.
    pub as_of: Option<NaiveDate>,
    /// Licensed engageable profiles (production sandboxes).
    pub licensed: Option<u64>,
}

/// Days of the daily series.
pub const DAYS: Day = 365;
/// Days before a day that its spike test looks at.
pub const SPIKE_DAYS: Day = 28;
/// A day is a spike when its newly engaged profiles exceed this many times the median of the
/// [`SPIKE_DAYS`] days before it.
pub const SPIKE_FACTOR: u64 = 3;
/// Days of the daily count the prediction's line is fitted through, and days ahead it predicts.
pub const FIT_DAYS: Day = 183;
const AHEAD: Day = 42;
/// Journeys named per spike, at most.
const SPIKE_JOURNEYS: usize = 5;

pub(crate) fn iso(day: Day) -> String {
    to_date(day).format("%Y-%m-%d").to_string()
}

/// The key a stitched profile gets in the re-keyed store: `0xFF` (never in UTF-8 text, so never a
/// key as written) and the profile number.
fn stitched_key(profile: u32) -> Vec<u8> {
    let mut k = vec![0xFF];
    k.extend_from_slice(&profile.to_be_bytes());
    k
}

/// Profiles engaged on `as_of` (a profile once per group).
fn engaged_on(p: &Profiles, as_of: Day) -> u64 {
    (0..p.len() as u32).filter(|&id| p.run_at(id, as_of).is_some()).count() as u64
}

pub(crate) fn report(
    st: &State,
    settings: &EngageSettings,
    time_zone: &str,
    stitch: Option<&StitchMap>,
) -> EngageableReport {
    let mut report = EngageableReport {
        format: FORMAT.to_string(),
        time_zone: time_zone.to_string(),
        stitched: stitch.is_some(),
        rows: Rows { read: st.read, counted: st.counted, rejected: st.rejected },
        ..Default::default()
    };
    let mut rejected: Vec<&(u32, u64, crate::message::Message)> = st.rejected_rows.iter().collect();
    rejected.sort_by_key(|(f, l, _)| (*f, *l));
    report.rejected = rejected
        .into_iter()
        .take(crate::engage::counter::KEEP_REJECTED)
        .map(|(f, l, m)| RejectedRecord {
            file: st.files.get(*f as usize).map(|f| f.name.clone()).unwrap_or_default(),
            line: *l,
            reason: m.to_string(),
            message: Some(m.clone()),
        })
        .collect();
    report.files = st
        .files
        .iter()
        .map(|f| EventFile { name: f.name.clone(), format: f.format.clone(), events: f.events })
        .collect();
    let mut warnings: Vec<(String, crate::message::Message)> =
        st.warnings.iter().map(|m| (m.to_string(), m.clone())).collect();
    warnings.sort_by(|a, b| a.0.cmp(&b.0));
    warnings.dedup_by(|a, b| a.0 == b.0);
    (report.warnings, report.warning_messages) = warnings.into_iter().unzip();

    let Some(as_of) = settings.as_of.map(from_date).or(st.activity.max_day) else { return report };
    report.as_of = Some(iso(as_of));
    report.window = Some(Span { from: iso(minus_year(as_of) + 1), to: iso(as_of) });

    let activity: Cow<'_, Activity<Journey>> = match stitch {
        Some(map) => Cow::Owned(st.activity.rekeyed(|key| map.profile_of(key).map(stitched_key))),
        None => Cow::Borrowed(&st.activity),
    };
    let p = activity.compacted();
    let p = p.as_ref();
    if stitch.is_some() {
        let written = st.activity.compacted();
        report.stitched_joined = engaged_on(&written, as_of).saturating_sub(engaged_on(p, as_of));
    }
    let groups = &activity.groups;
    let channels = &activity.channels;
    let production: Vec<bool> = groups.iter().map(|(_, kind)| kind == "production").collect();

    // The journey names, each once: the channels of one journey with and without dry runs share it.
    let mut names: Vec<String> = channels.iter().filter_map(|j| j.name.clone()).collect();
    names.sort();
    names.dedup();
    let name_of: Vec<Option<u32>> =
        channels.iter().map(|j| j.name.as_ref().and_then(|n| names.binary_search(n).ok()).map(|i| i as u32)).collect();

    // The as-of pass: groups, leaving days, journeys of the profiles on one channel.
    let mut per_group = vec![0u64; groups.len()];
    let mut per_name = vec![0u64; names.len()];
    let mut leaving_days: BTreeMap<Day, u64> = BTreeMap::new();
    let mut leaving = Leaving::new(p, activity.max_day, as_of);
    let mut dry_only = 0u64;
    let mut multi: Vec<u32> = Vec::new();
    for id in 0..p.len() as u32 {
        let Some(run) = p.run_at(id, as_of) else { continue };
        let slot = p.slots[id as usize];
        per_group[slot.group as usize] += 1;
        *leaving_days.entry(leaving.day(id, run)).or_default() += 1;
        match slot.channel() {
            MULTI => multi.push(id),
            NO_CHANNEL => {}
            ch => {
                if let Some(Some(n)) = name_of.get(ch as usize) {
                    per_name[*n as usize] += 1;
                }
                if channels.get(ch as usize).is_some_and(|j| j.dry_run) {
                    dry_only += 1;
                }
            }
        }
    }
    // Profiles engaged through several channels: each (profile, journey) once, and whether any of
    // their channels engaged on the as-of date was not a dry run.
    if !multi.is_empty() {
        let mut live: FastMap<u32, bool> = multi.iter().map(|&id| (id, false)).collect();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        p.for_each_channel_run(|ch, id, r| {
            if r.0 <= as_of && as_of < r.1 {
                if let Some(l) = live.get_mut(&id) {
                    if !channels[ch as usize].dry_run {
                        *l = true;
                    }
                    if let Some(Some(n)) = name_of.get(ch as usize) {
                        pairs.push((id, *n));
                    }
                }
            }
        });
        pairs.sort_unstable();
        pairs.dedup();
        for (_, n) in pairs {
            per_name[n as usize] += 1;
        }
        dry_only += live.values().filter(|l| !**l).count() as u64;
    }
    report.dry_run_only = dry_only;

    let counts = groups.iter().zip(&per_group).map(|((name, kind), n)| (name.clone(), kind.clone(), *n));
    report.engageable = engageable(counts);
    report.by_journey = journeys(names.iter().cloned().zip(per_name.iter().copied()));
    report.expiring = expiring(as_of, leaving_days);

    let Some(min_day) = activity.min_day else { return report };
    // One sweep gives every sandbox's series over the days of `daily`; the production ones add up
    // to the production series.
    let mut by_group: Vec<Vec<u64>> = Vec::new();
    (report.daily, report.spikes) = series(
        as_of,
        min_day,
        |lo, hi| daily(p, lo, hi, |_| true),
        |lo, hi| {
            by_group = daily_by(p, lo, hi, groups.len(), |g| Some(g as usize)).into_iter().map(|s| s.0).collect();
            sum(by_group.iter().zip(&production).filter(|(_, prod)| **prod).map(|(s, _)| s), hi - lo + 1)
        },
        |days| spike_journeys(p, channels, days),
    );
    report.sandbox_daily = sandbox_daily(groups.iter().cloned().zip(by_group));
    report.licence =
        settings.licensed.map(|licensed| licence(licensed, report.engageable.production, as_of, &report.daily));
    report
}

/// `engageable`: the profiles of each (sandbox, type) on the as-of date, largest first, then by
/// name (sandboxes without any left out), summed per type and in total.
pub(crate) fn engageable(counts: impl IntoIterator<Item = (String, String, u64)>) -> Engageable {
    let mut sandboxes: Vec<SandboxCount> = counts
        .into_iter()
        .filter(|(_, _, n)| *n > 0)
        .map(|(name, kind, profiles)| SandboxCount { name, kind, profiles })
        .collect();
    sandboxes.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| (&a.name, &a.kind).cmp(&(&b.name, &b.kind))));
    let prod: u64 = sandboxes.iter().filter(|s| s.kind == "production").map(|s| s.profiles).sum();
    let total: u64 = sandboxes.iter().map(|s| s.profiles).sum();
    Engageable { total, production: prod, development: total - prod, sandboxes }
}

/// `sandbox_daily`: the series of each (sandbox, type) over the days of `daily`, ordered as
/// [`engageable`] orders the sandboxes (by the last day, the as-of date), those without any engaged
/// profile on any day left out.
pub(crate) fn sandbox_daily(series: impl IntoIterator<Item = ((String, String), Vec<u64>)>) -> Vec<SandboxDaily> {
    let mut out: Vec<SandboxDaily> = series
        .into_iter()
        .filter(|(_, s)| s.iter().any(|n| *n > 0))
        .map(|((name, kind), engageable)| SandboxDaily { name, kind, engageable })
        .collect();
    let last = |s: &SandboxDaily| s.engageable.last().copied().unwrap_or(0);
    out.sort_by(|a, b| last(b).cmp(&last(a)).then_with(|| (&a.name, &a.kind).cmp(&(&b.name, &b.kind))));
    out
}

/// The day-by-day sum of some series of `days` days.
fn sum<'a>(series: impl IntoIterator<Item = &'a Vec<u64>>, days: Day) -> Vec<u64> {
    let mut out = vec![0u64; days.max(0) as usize];
    for s in series {
        for (o, n) in out.iter_mut().zip(s) {
            *o += n;
        }
    }
    out
}

/// `by_journey`: the profiles of each journey, largest first, then by name (journeys without any
/// left out).
pub(crate) fn journeys(counts: impl IntoIterator<Item = (String, u64)>) -> Vec<JourneyCount> {
    let mut by_journey: Vec<JourneyCount> =
        counts.into_iter().filter(|(_, n)| *n > 0).map(|(name, profiles)| JourneyCount { name, profiles }).collect();
    by_journey.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| a.name.cmp(&b.name)));
    by_journey
}

/// `expiring`: the leaving days (day -> profiles) by calendar month.
pub(crate) fn expiring(as_of: Day, leaving_days: BTreeMap<Day, u64>) -> Vec<Expiring> {
    expiring_months(as_of, leaving_days).into_iter().map(|(month, profiles)| Expiring { month, profiles }).collect()
}

/// `daily` and `spikes`: the [`DAYS`] days up to `as_of` (from `min_day`, the first event day, at
/// the earliest), with the [`SPIKE_DAYS`] days before them for the spike test.
///
/// `sweep(lo, hi)` gives the engaged and newly engaged profiles of each day from `lo` to `hi`
/// (both included); `production(lo, hi)` the engaged profiles of the production sandboxes;
/// `journeys_of(days)` the newly engaged profiles that each journey brought on each of these
/// spike days.
pub(crate) fn series(
    as_of: Day,
    min_day: Day,
    sweep: impl FnOnce(Day, Day) -> (Vec<u64>, Vec<u64>),
    production: impl FnOnce(Day, Day) -> Vec<u64>,
    journeys_of: impl FnOnce(&BTreeSet<Day>) -> BTreeMap<Day, BTreeMap<String, u64>>,
) -> (Vec<Daily>, Vec<Spike>) {
    let start = (as_of - (DAYS - 1)).max(min_day);
    if start > as_of {
        return (Vec::new(), Vec::new());
    }
    let before = (start - SPIKE_DAYS).max(min_day);
    let (active, newly) = sweep(before, as_of);
    let prod = production(start, as_of);
    let off = (start - before) as usize;
    let daily = (start..=as_of)
        .enumerate()
        .map(|(i, d)| Daily {
            date: iso(d),
            engageable: active[off + i],
            newly_engaged: newly[off + i],
            production: prod.get(i).copied().unwrap_or(0),
        })
        .collect();
    let mut spike_days: Vec<(Day, u64, f64)> = Vec::new();
    for i in off.max(SPIKE_DAYS as usize)..newly.len() {
        let mut window: Vec<u64> = newly[i - SPIKE_DAYS as usize..i].to_vec();
        window.sort_unstable();
        let median = (window[13] + window[14]) as f64 / 2.0;
        if newly[i] as f64 > SPIKE_FACTOR as f64 * median {
            spike_days.push((before + i as Day, newly[i], median));
        }
    }
    let journeys = journeys_of(&spike_days.iter().map(|s| s.0).collect());
    let spikes = spike_days
        .into_iter()
        .map(|(d, n, median)| Spike {
            date: iso(d),
            newly_engaged: n,
            median_before: median,
            journeys: journeys.get(&d).map(|counts| most(counts, n)).unwrap_or_default(),
        })
        .collect();
    (daily, spikes)
}

/// `licence`: usage of the `licensed` number by the `used` production profiles, and the prediction
/// from the production count of the last [`FIT_DAYS`] rows of `daily` (the series up to the as-of
/// date, which begins at the first event day at the earliest): no prediction from fewer than 2.
pub(crate) fn licence(licensed: u64, used: u64, as_of: Day, daily: &[Daily]) -> Licence {
    let percent = if licensed == 0 { 0.0 } else { (used as f64 * 1000.0 / licensed as f64).round() / 10.0 };
    let fit = &daily[daily.len().saturating_sub(FIT_DAYS as usize)..];
    let predicted = (fit.len() >= 2).then(|| {
        let ys: Vec<u64> = fit.iter().map(|d| d.production).collect();
        let (low, high) = predict(&ys, AHEAD);
        Predicted { date: iso(as_of + AHEAD), low, high }
    });
    Licence { licensed, used, percent, predicted }
}

/// For each spike day, the newly engaged profiles each journey brought that day: a profile whose
/// run starts on the day was engaged by every channel with a run that starts on it.
fn spike_journeys(p: &Profiles, channels: &[Journey], days: &BTreeSet<Day>) -> BTreeMap<Day, BTreeMap<String, u64>> {
    let mut out: BTreeMap<Day, BTreeMap<String, u64>> = BTreeMap::new();
    if days.is_empty() {
        return out;
    }
    let mut multi: FastMap<u32, Day> = FastMap::default();
    let name = |ch: u16| channels.get(ch as usize).and_then(|j| j.name.clone());
    let mut seen: BTreeSet<(Day, u32, String)> = BTreeSet::new();
    p.for_each_run(|id, r| {
        if days.contains(&r.0) {
            match p.slots[id as usize].channel() {
                MULTI => {
                    multi.insert(id, r.0);
                }
                ch => {
                    if let Some(n) = name(ch) {
                        *out.entry(r.0).or_default().entry(n).or_default() += 1;
                    }
                }
            }
        }
    });
    p.for_each_channel_run(|ch, id, r| {
        if multi.get(&id) == Some(&r.0) {
            if let Some(n) = name(ch) {
                // A journey's dry and live channels both starting that day count once.
                if seen.insert((r.0, id, n.clone())) {
                    *out.entry(r.0).or_default().entry(n).or_default() += 1;
                }
            }
        }
    });
    out
}

/// The journeys that brought most of `total`: most first, until they cover half of it.
fn most(counts: &BTreeMap<String, u64>, total: u64) -> Vec<String> {
    let mut v: Vec<(&String, &u64)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut out = Vec::new();
    let mut covered = 0u64;
    for (name, n) in v {
        if covered * 2 >= total || out.len() == SPIKE_JOURNEYS {
            break;
        }
        out.push(name.clone());
        covered += n;
    }
    out
}

/// A least-squares line through `ys` (one per day), `ahead` days after the last: the value the line
/// gives there, minus and plus twice the residuals' standard deviation, as whole profiles (at
/// least 0).
pub(crate) fn predict(ys: &[u64], ahead: Day) -> (u64, u64) {
    let n = ys.len() as f64;
    if ys.is_empty() {
        return (0, 0);
    }
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = ys.iter().map(|&y| y as f64).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (x, &y) in ys.iter().enumerate() {
        let dx = x as f64 - mean_x;
        sxy += dx * (y as f64 - mean_y);
        sxx += dx * dx;
    }
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let at = |x: f64| mean_y + slope * (x - mean_x);
    let var = ys.iter().enumerate().map(|(x, &y)| (y as f64 - at(x as f64)).powi(2)).sum::<f64>() / n;
    let fit = at(n - 1.0 + ahead as f64);
    let spread = 2.0 * var.sqrt();
    ((fit - spread).round().max(0.0) as u64, (fit + spread).round().max(0.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicts_a_line_and_its_band() {
        let ys: Vec<u64> = (0..100).map(|x| 1000 + 10 * x).collect();
        assert_eq!(predict(&ys, 42), (1000 + 10 * 141, 1000 + 10 * 141));
        let noisy: Vec<u64> = (0..100).map(|x| if x % 2 == 0 { 110 } else { 90 }).collect();
        let (low, high) = predict(&noisy, 42);
        assert!(low < 100 && high > 100 && high - low <= 41, "{low} {high}");
        assert_eq!(predict(&[5], 42), (5, 5));
    }

    #[test]
    fn names_the_journeys_that_cover_half() {
        let counts: BTreeMap<String, u64> =
            [("a".into(), 10), ("b".into(), 60), ("c".into(), 30)].into_iter().collect();
        assert_eq!(most(&counts, 100), vec!["b".to_string()]);
        assert_eq!(most(&counts, 200), vec!["b".to_string(), "c".to_string(), "a".to_string()]);
    }
}
