//! Property test of engageable profiles: random engagement events written as JSON lines, a JSON
//! array or CSV, pushed in random chunks into several counters and merged, optionally stitched
//! by a random profile snapshot, give every figure that a plain model of section 3 gives; the
//! JSON-lines files cut into random byte ranges (merged in any order) give the same report as
//! whole files, rejected lines and slash dates included.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, Months, NaiveDate};
use engine::aep::lines::LinesPart;
use engine::aep::{ProfileCounter, ProfileSettings};
use engine::engage::{EngageSettings, EngageableReport, EventCounter, EventOptions, Sandbox};
use proptest::prelude::*;

mod common;
use common::Rng;

#[derive(Clone, Debug)]
struct Ev {
    sandbox: Option<(&'static str, &'static str)>,
    profile: Option<&'static str>,
    journey: Option<&'static str>,
    dry: bool,
    /// `None`: an unreadable time.
    date: Option<NaiveDate>,
}

const PROFILES: [&str; 9] = ["p1", "p2", "p3", "P1", "a@x.com", "b@y.org", "e-7", "e-8", "zoé"];
const JOURNEYS: [&str; 4] = ["Welcome", "Winback", "Summer sale", "Birthday"];
const SANDBOXES: [(&str, &str); 3] = [("prod", "production"), ("emea", "production"), ("dev", "development")];

fn random_event(r: &mut Rng, base: NaiveDate, span: i64) -> Ev {
    Ev {
        sandbox: if r.chance(70) { Some(*r.pick(&SANDBOXES)) } else { None },
        profile: if r.chance(95) { Some(*r.pick(&PROFILES)) } else { None },
        journey: if r.chance(90) { Some(*r.pick(&JOURNEYS)) } else { None },
        dry: r.chance(15),
        date: if r.chance(97) { Some(base + Duration::days(r.below(span as usize) as i64)) } else { None },
    }
}

fn json_line(e: &Ev, r: &mut Rng) -> String {
    let mut fields: Vec<String> = Vec::new();
    match e.date {
        Some(d) if r.chance(30) => fields.push(format!("\"timestamp\":\"{d}T23:30:00-02:00\"")),
        Some(d) => fields.push(format!("\"timestamp\":\"{d}T12:00:00Z\"")),
        None => fields.push("\"timestamp\":\"soon\"".to_string()),
    }
    if let Some((name, kind)) = e.sandbox {
        fields.push(format!("\"sandbox\":\"{name}\",\"sandboxType\":\"{kind}\""));
    }
    let mut steps: Vec<String> = Vec::new();
    let by_map = e.profile.is_some() && r.chance(20);
    if let Some(p) = e.profile {
        if by_map {
            fields.push(format!("\"identityMap\":{{\"ECID\":[{{\"id\":\"{p}\",\"primary\":true}}]}}"));
        } else {
            steps.push(format!("\"profileID\":\"{p}\""));
        }
    }
    if let Some(j) = e.journey {
        steps.push(format!("\"journeyVersionName\":\"{j}\""));
    }
    steps.push(format!("\"inDryRun\":{}", e.dry));
    fields.push(format!("\"_experience\":{{\"journeyOrchestration\":{{\"stepEvents\":{{{}}}}}}}", steps.join(",")));
    format!("{{{}}}", fields.join(","))
}

fn csv_file(events: &[Ev]) -> String {
    let mut out = String::from("timestamp;profileID;journeyVersionName;sandbox;sandboxType;inDryRun\n");
    for e in events {
        let date = e.date.map_or("soon".to_string(), |d| format!("{d} 08:00:00"));
        let (sb, kind) = e.sandbox.unwrap_or(("", ""));
        out.push_str(&format!(
            "{date};{};{};{sb};{kind};{}\n",
            e.profile.unwrap_or(""),
            e.journey.unwrap_or(""),
            e.dry
        ));
    }
    out
}

/// The day of an event in the report's zone (UTC): a time at 23:30 at -02:00 is the next day.
fn day_of(e: &Ev, json_late: bool) -> Option<NaiveDate> {
    e.date.map(|d| if json_late { d + Duration::days(1) } else { d })
}

fn minus_year(d: NaiveDate) -> NaiveDate {
    d.checked_sub_months(Months::new(12)).unwrap()
}

fn leave_day(e: NaiveDate) -> NaiveDate {
    let mut d = e;
    while minus_year(d) < e {
        d += Duration::days(1);
    }
    d
}

/// One counted event as the model sees it: (group, key, journey, dry run, day).
type Counted = ((String, String), String, Option<String>, bool, NaiveDate);

struct Model {
    counted: Vec<Counted>,
    rejected: u64,
}

impl Model {
    fn engaged(&self, d: NaiveDate, keep: impl Fn(&Counted) -> bool) -> BTreeSet<((String, String), String)> {
        self.counted
            .iter()
            .filter(|c| minus_year(d) < c.4 && c.4 <= d && keep(c))
            .map(|c| (c.0.clone(), c.1.clone()))
            .collect()
    }

    fn report(&self, as_of: NaiveDate, licensed: Option<u64>) -> serde_json::Value {
        let on = self.engaged(as_of, |_| true);
        let mut sandboxes: BTreeMap<(String, String), u64> = BTreeMap::new();
        for (g, _) in &on {
            *sandboxes.entry(g.clone()).or_default() += 1;
        }
        let prod: u64 = sandboxes.iter().filter(|(g, _)| g.1 == "production").map(|(_, n)| n).sum();
        let mut journeys: BTreeMap<String, u64> = BTreeMap::new();
        for j in JOURNEYS {
            let n = self.engaged(as_of, |c| c.2.as_deref() == Some(j)).len() as u64;
            if n > 0 {
                journeys.insert(j.to_string(), n);
            }
        }
        let live = self.engaged(as_of, |c| !c.3);
        let dry_only = on.iter().filter(|p| !live.contains(*p)).count() as u64;
        let min = self.counted.iter().map(|c| c.4).min().unwrap();
        let newly = |d: NaiveDate| {
            let before = self.engaged(d - Duration::days(1), |_| true);
            self.engaged(d, |_| true).difference(&before).count() as u64
        };
        let start = (as_of - Duration::days(364)).max(min);
        let mut daily = Vec::new();
        let mut spikes = Vec::new();
        let mut d = start;
        while d <= as_of {
            let n = newly(d);
            let production = self.engaged(d, |c| c.0 .1 == "production").len();
            daily.push(serde_json::json!({"date": d.to_string(), "engageable": self.engaged(d, |_| true).len(), "newly_engaged": n, "production": production}));
            if d - Duration::days(28) >= min {
                let mut w: Vec<u64> = (1..=28).map(|k| newly(d - Duration::days(k))).collect();
                w.sort();
                let median = (w[13] + w[14]) as f64 / 2.0;
                if n as f64 > 3.0 * median {
                    let new: BTreeSet<_> = self
                        .engaged(d, |_| true)
                        .difference(&self.engaged(d - Duration::days(1), |_| true))
                        .cloned()
                        .collect();
                    let mut by: BTreeMap<String, BTreeSet<_>> = BTreeMap::new();
                    for c in &self.counted {
                        if c.4 == d && new.contains(&(c.0.clone(), c.1.clone())) {
                            if let Some(j) = &c.2 {
                                by.entry(j.clone()).or_default().insert((c.0.clone(), c.1.clone()));
                            }
                        }
                    }
                    let mut v: Vec<(String, u64)> = by.into_iter().map(|(j, s)| (j, s.len() as u64)).collect();
                    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    let mut names = Vec::new();
                    let mut covered = 0;
                    for (j, k) in v {
                        if covered * 2 >= n || names.len() == 5 {
                            break;
                        }
                        names.push(j);
                        covered += k;
                    }
                    spikes.push(serde_json::json!({"date": d.to_string(), "newly_engaged": n, "median_before": median, "journeys": names}));
                }
            }
            d += Duration::days(1);
        }
        // Expiring: the last event on or before the as-of date of each engaged profile.
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        let mut m = (as_of + Duration::days(1)).with_day(1).unwrap();
        while m <= leave_day(as_of) {
            months.insert(format!("{:04}-{:02}", m.year(), m.month()), 0);
            m = m.checked_add_months(Months::new(1)).unwrap();
        }
        for p in &on {
            let last = self
                .counted
                .iter()
                .filter(|c| (&c.0, &c.1) == (&p.0, &p.1) && c.4 <= as_of)
                .map(|c| c.4)
                .max()
                .unwrap();
            let leave = leave_day(last);
            *months.entry(format!("{:04}-{:02}", leave.year(), leave.month())).or_default() += 1;
        }
        // Each sandbox's series over the same days: every group engaged on some day of it, ordered
        // by the as-of date's count, then name and type.
        let groups: BTreeSet<(String, String)> = self.counted.iter().map(|c| c.0.clone()).collect();
        let mut lines: Vec<((String, String), Vec<u64>)> = groups
            .into_iter()
            .map(|g| {
                let days = (0..=(as_of - start).num_days()).map(|i| start + Duration::days(i));
                let series = days.map(|d| self.engaged(d, |c| c.0 == g).len() as u64).collect();
                (g, series)
            })
            .filter(|(_, s): &(_, Vec<u64>)| s.iter().any(|n| *n > 0))
            .collect();
        lines.sort_by(|a, b| b.1.last().cmp(&a.1.last()).then_with(|| a.0.cmp(&b.0)));
        let mut sb: Vec<(u64, String, String)> =
            sandboxes.iter().map(|(g, n)| (*n, g.0.clone(), g.1.clone())).collect();
        sb.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2))));
        let mut bj: Vec<(String, u64)> = journeys.into_iter().collect();
        bj.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        serde_json::json!({
            "engageable": {"total": on.len(), "production": prod, "development": on.len() as u64 - prod,
                "sandboxes": sb.iter().map(|(n, name, kind)| serde_json::json!({"name": name, "type": kind, "profiles": n})).collect::<Vec<_>>()},
            "dry_run_only": dry_only,
            "by_journey": bj.iter().map(|(name, n)| serde_json::json!({"name": name, "profiles": n})).collect::<Vec<_>>(),
            "daily": daily,
            "sandbox_daily": lines.iter().map(|((name, kind), s)| serde_json::json!({"name": name, "type": kind, "engageable": s})).collect::<Vec<_>>(),
            "spikes": spikes,
            "expiring": months.into_iter().map(|(month, profiles)| serde_json::json!({"month": month, "profiles": profiles})).collect::<Vec<_>>(),
            "used": licensed.map(|_| prod),
        })
    }
}

fn figures(r: &EngageableReport) -> serde_json::Value {
    let v = serde_json::to_value(r).unwrap();
    serde_json::json!({
        "engageable": v["engageable"], "dry_run_only": v["dry_run_only"], "by_journey": v["by_journey"],
        "daily": v["daily"], "sandbox_daily": v["sandbox_daily"], "spikes": v["spikes"], "expiring": v["expiring"],
        "used": r.licence.as_ref().map(|l| l.used),
    })
}

fn run(seed: u64) {
    let mut r = Rng(seed | 1);
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(r.below(800) as i64);
    let span = [30, 400, 900][r.below(3)];
    let n = 1 + r.below(160);
    // A burst of new profiles on one day, now and then, so spikes are found.
    let events: Vec<Ev> = (0..n).map(|_| random_event(&mut r, base, span)).collect();
    let files = 1 + r.below(4);
    let choice: &&str = r.pick(&["prod", "qa:development", "emea:production"]);
    let user = Sandbox::parse(choice).unwrap();
    let mut written: Vec<(String, Vec<u8>, usize)> = Vec::new();
    let mut counted: Vec<Counted> = Vec::new();
    let mut rejected = 0u64;
    let stitch = r.chance(40);
    // The snapshot: random records joining profile values; the model joins them the same way.
    let mut parent: BTreeMap<&str, &str> = PROFILES.iter().map(|p| (*p, *p)).collect();
    fn root<'a>(parent: &BTreeMap<&'a str, &'a str>, mut x: &'a str) -> &'a str {
        while parent[x] != x {
            x = parent[x];
        }
        x
    }
    let mut snapshot = String::new();
    // Each value is an identity of its own namespace, so that a value names one identity.
    let ns = |p: &str| format!("N{}", PROFILES.iter().position(|x| *x == p).unwrap());
    let mut in_snapshot: BTreeSet<&str> = BTreeSet::new();
    if stitch {
        for _ in 0..r.below(6) {
            let (a, b) = (*r.pick(&PROFILES), *r.pick(&PROFILES));
            if a == b {
                snapshot.push_str(&format!("{{\"identityMap\":{{\"{}\":[{{\"id\":\"{a}\"}}]}}}}\n", ns(a)));
            } else {
                snapshot.push_str(&format!(
                    "{{\"identityMap\":{{\"{}\":[{{\"id\":\"{a}\"}}],\"{}\":[{{\"id\":\"{b}\"}}]}}}}\n",
                    ns(a),
                    ns(b)
                ));
            }
            in_snapshot.extend([a, b]);
            let (ra, rb) = (root(&parent, a), root(&parent, b));
            if ra != rb {
                parent.insert(ra.max(rb), ra.min(rb));
            }
        }
        for p in PROFILES.iter().filter(|_| r.chance(50)) {
            snapshot.push_str(&format!("{{\"identityMap\":{{\"{}\":[{{\"id\":\"{p}\"}}]}}}}\n", ns(p)));
            in_snapshot.insert(p);
        }
    }
    for (f, chunk) in events.chunks(n.div_ceil(files)).enumerate() {
        let kind = r.below(3);
        let mut lines = Vec::new();
        let mut late = Vec::new();
        for e in chunk {
            let line = json_line(e, &mut r);
            late.push(line.contains("-02:00"));
            lines.push(line);
        }
        let (name, bytes) = match kind {
            0 => (format!("steps-{f}.json"), lines.join("\n").into_bytes()),
            1 => (format!("steps-{f}.json"), format!("[\n{}\n]", lines.join(",\n")).into_bytes()),
            _ => (format!("steps-{f}.csv"), csv_file(chunk).into_bytes()),
        };
        for (e, late) in chunk.iter().zip(late) {
            let day = day_of(e, kind < 2 && late);
            match (e.profile, day) {
                (Some(p), Some(d)) => {
                    let (sb, kind) = match e.sandbox {
                        Some((n, k)) => (n.to_string(), k.to_string()),
                        None => (user.name.clone(), user.kind.as_str().to_string()),
                    };
                    let key = if stitch && in_snapshot.contains(p) {
                        format!("#{}", root(&parent, p))
                    } else {
                        p.to_string()
                    };
                    counted.push(((sb, kind), key, e.journey.map(str::to_string), e.dry, d));
                }
                _ => rejected += 1,
            }
        }
        written.push((name, bytes, kind));
    }
    if counted.is_empty() {
        return;
    }
    // Counted over 1 to 3 counters, each file in random chunks, merged in order.
    let readers = 1 + r.below(3);
    let mut counters: Vec<EventCounter> = (0..readers).map(|_| EventCounter::default()).collect();
    for (i, (name, bytes, kind)) in written.iter().enumerate() {
        let c = &mut counters[i * readers / written.len()];
        let f = if *kind == 2 { c.begin_csv(name, Some(&user)) } else { c.begin_file(name, Some(&user)) };
        let mut at = 0;
        while at < bytes.len() {
            let k = (1 + r.below(40)).min(bytes.len() - at);
            c.push(f, &bytes[at..at + k]).unwrap();
            at += k;
        }
        c.end_file(f).unwrap();
    }
    let mut merged = counters.remove(0);
    for c in counters {
        merged.merge(c);
    }
    // The same files, each JSON-lines one cut into random byte ranges.
    let mut ranged = EventCounter::default();
    for (name, bytes, kind) in &written {
        let mut c = EventCounter::default();
        if *kind == 0 {
            let mut parts = count_ranges(&mut r, name, bytes, Some(&user), &EventOptions::default());
            assert_eq!(c.merge_parts(&mut parts), Ok(None), "seed {seed}");
        } else {
            let f = if *kind == 2 { c.begin_csv(name, Some(&user)) } else { c.begin_file(name, Some(&user)) };
            c.push(f, bytes).unwrap();
            c.end_file(f).unwrap();
        }
        ranged.merge(c);
    }
    let map = stitch.then(|| {
        let mut pc = ProfileCounter::new();
        let f = pc.begin_file("snapshot.json", None);
        pc.push(f, snapshot.as_bytes()).unwrap();
        pc.end_file(f).unwrap();
        pc.stitch_map(&ProfileSettings::default())
    });
    let model = Model { counted, rejected };
    let max = model.counted.iter().map(|c| c.4).max().unwrap();
    // The ranges' report is compared at one of the two dates (a report is not cheap in a debug build).
    let ranged_at = r.below(2);
    for (i, as_of) in [None, Some(max - Duration::days(r.below(500) as i64))].into_iter().enumerate() {
        let licensed = r.chance(50).then_some(1000);
        let settings = EngageSettings { as_of, licensed };
        let report = merged.report(&settings, map.as_ref());
        let expected = model.report(as_of.unwrap_or(max), licensed);
        assert_eq!(figures(&report), expected, "seed {seed} as of {as_of:?}");
        // On each day the sandboxes add up to the total, the production ones to the production count.
        for (i, d) in report.daily.iter().enumerate() {
            let of = |prod: bool| -> u64 {
                let lines = report.sandbox_daily.iter().filter(|s| !prod || s.kind == "production");
                lines.map(|s| s.engageable[i]).sum()
            };
            assert_eq!((of(false), of(true)), (d.engageable, d.production), "seed {seed} {}", d.date);
        }
        if i == ranged_at {
            let by_ranges = ranged.report(&settings, map.as_ref());
            assert_eq!(
                serde_json::to_value(&by_ranges).unwrap(),
                serde_json::to_value(&report).unwrap(),
                "seed {seed}"
            );
        }
        assert_eq!(report.rows.rejected, model.rejected, "seed {seed}");
        assert_eq!(report.rows.counted, model.counted.len() as u64, "seed {seed}");
        // Stitching joined exactly the engaged keys that name one stitched profile.
        if stitch {
            let unstitched = merged.report(&settings, None);
            assert_eq!(report.stitched_joined, unstitched.engageable.total - report.engageable.total, "seed {seed}");
        }
        // The report survives its JSON, and the counter its bincode-like round trip.
        let again: EngageableReport = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
        assert_eq!(again, report);
    }
    let copy: EventCounter = serde_json::from_str(&serde_json::to_string(&merged).unwrap()).unwrap();
    assert_eq!(
        copy.report(&EngageSettings::default(), map.as_ref()),
        merged.report(&EngageSettings::default(), map.as_ref())
    );
}

/// Random cut points of a file of `len` bytes: anywhere (inside a line), at a line's break or just
/// after it, at the end; repeated cuts make empty ranges.
fn random_cuts(r: &mut Rng, bytes: &[u8]) -> Vec<LinesPart> {
    let len = bytes.len() as u64;
    let breaks: Vec<u64> = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i as u64).collect();
    let mut cuts: Vec<u64> = Vec::new();
    for _ in 0..r.below(6) {
        let cut = match r.below(5) {
            0 if !breaks.is_empty() => *r.pick(&breaks),
            1 if !breaks.is_empty() => *r.pick(&breaks) + 1,
            2 => len,
            3 if !cuts.is_empty() => *r.pick(&cuts),
            _ => 1 + r.below(len.max(1) as usize) as u64,
        };
        cuts.push(cut.clamp(1, len.max(1)));
    }
    if len == 0 {
        cuts.clear();
    }
    cuts.sort_unstable();
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(len);
    let parts: Vec<LinesPart> =
        bounds.windows(2).map(|w| LinesPart { start: w[0], end: w[1], file_len: len }).collect();
    // Cut where `at` cuts, the parts are the same (without the empty ones).
    let non_empty: Vec<LinesPart> = parts.iter().copied().filter(|p| p.start < p.end || len == 0).collect();
    assert_eq!(LinesPart::at(len, &bounds), non_empty);
    parts
}

/// One file counted as random byte ranges, each by its own counter in random chunks (bytes pushed
/// after a part is done are ignored), some sent through JSON as between workers, shuffled.
fn count_ranges(
    r: &mut Rng,
    name: &str,
    bytes: &[u8],
    sandbox: Option<&Sandbox>,
    options: &EventOptions,
) -> Vec<EventCounter> {
    let mut parts: Vec<EventCounter> = random_cuts(r, bytes)
        .iter()
        .map(|part| {
            let mut c = EventCounter::new(options.clone());
            let f = c.begin_part(name, sandbox, part);
            let mut at = part.start as usize;
            let keep_going = r.chance(20);
            while at < bytes.len() && (keep_going || !c.part_done(f)) {
                let k = (1 + r.below(40)).min(bytes.len() - at);
                c.push(f, &bytes[at..at + k]).unwrap();
                at += k;
            }
            c.end_file(f).unwrap();
            if r.chance(50) {
                c = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
            }
            c
        })
        .collect();
    for i in (1..parts.len()).rev() {
        parts.swap(i, r.below(i + 1));
    }
    parts
}

/// A JSON-lines file whose dates are slash dates (or not) that tell the day/month order early,
/// late, never or both ways, with blank lines, CRLF line ends, a byte-order mark, broken lines
/// and events without a profile.
fn slash_file(r: &mut Rng) -> Vec<u8> {
    let n = r.below(60);
    // How likely a date tells its order: often, rarely or never; and which orders it tells.
    let tell = *r.pick(&[0, 2, 10, 40]);
    let orders = *r.pick(&[&[true][..], &[false], &[true, false]]);
    let mut out: Vec<u8> = if r.chance(20) { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    for i in 0..n {
        let (a, b) = (1 + r.below(12), 1 + r.below(12));
        let time = match r.below(10) {
            _ if r.chance(tell) => {
                let big = 13 + r.below(16);
                if *r.pick(orders) {
                    format!("{big}/{b}/2025")
                } else {
                    format!("{a}/{big}/2025 10:00")
                }
            }
            0 => format!("2025-{a:02}-{b:02}T08:00:00Z"),
            1 => "31/02/2025".to_string(),
            _ => format!("{a:02}/{b:02}/2025"),
        };
        let profile = if r.chance(90) { format!("\"profileID\":\"p{}\",", r.below(20)) } else { String::new() };
        let steps = format!(
            "{{\"journeyOrchestration\":{{\"stepEvents\":{{{profile}\"journeyVersionName\":\"J{}\"}}}}}}",
            i % 3
        );
        let line = match r.below(30) {
            0 => String::new(),
            1 => "{not json".to_string(),
            _ => format!("{{\"timestamp\":\"{time}\",\"_experience\":{steps}}}"),
        };
        out.extend_from_slice(line.as_bytes());
        if i + 1 < n || r.chance(50) {
            out.extend_from_slice(if r.chance(20) { b"\r\n" } else { b"\n" });
        }
    }
    out
}

fn slash_dates_in_ranges(seed: u64) {
    let mut r = Rng(seed | 1);
    let bytes = slash_file(&mut r);
    let options = EventOptions { day_first: r.chance(50), ..EventOptions::default() };
    let mut whole = EventCounter::new(options.clone());
    let f = whole.begin_file("slash.json", None);
    whole.push(f, &bytes).unwrap();
    whole.end_file(f).unwrap();
    let mut parts = count_ranges(&mut r, "slash.json", &bytes, None, &options);
    let mut ranged = EventCounter::new(options);
    match ranged.merge_parts(&mut parts) {
        Ok(None) => {
            for as_of in [None, Some(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())] {
                let settings = EngageSettings { as_of, licensed: None };
                let (a, b) = (whole.report(&settings, None), ranged.report(&settings, None));
                assert_eq!(serde_json::to_value(&b).unwrap(), serde_json::to_value(&a).unwrap(), "seed {seed}");
            }
        }
        // Only when the file's dates tell both orders: it is read whole instead.
        Err(engine::PartsError::Invalid(m)) => {
            let text = String::from_utf8_lossy(&bytes);
            let tells = |first: bool| {
                text.split('"').filter_map(|t| t.split(' ').next()).any(|t| {
                    let n: Vec<u32> = t.split('/').filter_map(|x| x.parse().ok()).collect();
                    n.len() == 3
                        && n[0] != n[1]
                        && if first { n[0] > 12 && n[1] <= 12 } else { n[1] > 12 && n[0] <= 12 }
                })
            };
            assert!(tells(true) && tells(false), "seed {seed}: {m}");
        }
        other => panic!("seed {seed}: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_events_chunks_merges_and_stitching_match_the_model(seed in any::<u64>()) {
        run(seed);
    }

    #[test]
    fn slash_dates_in_byte_ranges_read_as_in_the_whole_file(seed in any::<u64>()) {
        slash_dates_in_ranges(seed);
    }
}

#[test]
fn a_spike_is_found_and_named() {
    let mut text = String::new();
    let base = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    // Two new profiles a day for 40 days, then 30 on one day through "Summer sale".
    for d in 0..40 {
        for k in 0..2 {
            text.push_str(&format!(
                "{{\"timestamp\":\"{}\",\"_experience\":{{\"journeyOrchestration\":{{\"stepEvents\":{{\"profileID\":\"d{d}-{k}\",\"journeyVersionName\":\"Welcome\"}}}}}}}}\n",
                base + Duration::days(d)
            ));
        }
    }
    for k in 0..30 {
        text.push_str(&format!(
            "{{\"timestamp\":\"2026-06-10\",\"_experience\":{{\"journeyOrchestration\":{{\"stepEvents\":{{\"profileID\":\"s{k}\",\"journeyVersionName\":\"Summer sale\"}}}}}}}}\n"
        ));
    }
    let mut c = EventCounter::default();
    let f = c.begin_file("steps.json", None);
    c.push(f, text.as_bytes()).unwrap();
    c.end_file(f).unwrap();
    let r = c.report(&EngageSettings { as_of: None, licensed: Some(100) }, None);
    assert_eq!(r.spikes.len(), 1, "{:?}", r.spikes);
    assert_eq!(r.spikes[0].date, "2026-06-10");
    assert_eq!(r.spikes[0].newly_engaged, 30);
    assert_eq!(r.spikes[0].median_before, 2.0);
    assert_eq!(r.spikes[0].journeys, vec!["Summer sale".to_string()]);
    let licence = r.licence.unwrap();
    assert_eq!((licence.licensed, licence.used, licence.percent), (100, 110, 110.0));
    let p = licence.predicted.unwrap();
    assert_eq!(p.date, "2026-07-22");
    assert!(p.low <= p.high && p.high > 110, "{p:?}");
}
