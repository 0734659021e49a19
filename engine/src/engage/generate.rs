//! A seeded generator of Journey Optimizer engagement events (journey step events and campaign messages), for the demo, the tests and the benchmark.
//!
//! [`event_export`] returns the files of an export of AJO's *journey step events* dataset as an
//! admin gets it (`journey_step_events/part-0000N.json`, JSON lines, one event a line; see
//! [`event_paths`]); [`write_events`] streams the same lines and [`write_events_csv`] the same events
//! as the CSV a Query Service query exports, so a million events never have to sit in memory. The
//! output is a pure function of the [`EventSpec`]: ChaCha8 seeded from the spec for the stream, a
//! splitmix64 hash of (seed, person) for each person's properties.
//!
//! A journey step event, as section 3 of `journey-optimizer.md` reads it:
//!
//! ```json
//! {"_id":"…","timestamp":"2026-11-30T10:04:05Z","sandbox":"prod","sandboxType":"production",
//!  "_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"john.greene@luma.com",
//!  "journeyVersionName":"Welcome series","journeyVersionID":"…","inDryRun":false,"stepName":"Send email"}}}}
//! ```
//!
//! What an export holds, by design:
//! - events on the [`DAYS`] days up to [`EventSpec::as_of`], more of them on recent days; about 30%
//!   of people were first engaged in the first 30 days, so those that were never engaged again are
//!   older than 12 months on the as-of date;
//! - eight journeys with skewed weights ([`JOURNEYS`]), each event one of its steps; about 10% of
//!   the events outside the spike are campaign messages (`_experience.customerJourneyManagement.messageExecution.campaignID`,
//!   an `identityMap`, no journey, see [`CAMPAIGNS`]);
//! - about 5% of journey events have no `profileID` but an `identityMap` (the profile's identity
//!   primary, and its other identity when it has one);
//! - dry runs: about 2% of events are `inDryRun: true` steps of a journey's test version (`Welcome
//!   series (test)`), and about 1% of people are engaged by dry runs only;
//! - profile values are e-mails, CRM ids and ECIDs of the people of an AEP export
//!   ([`crate::aep::generate::People`]): about a quarter of known people are written by their CRMID,
//!   and a known person with an ECID is written by that ECID in the push journeys (`App onboarding`,
//!   `Back in stock`), so that stitching with the profile export joins the two;
//! - sandboxes: about 90% of people in the first of [`EventSpec::sandboxes`] (production), the
//!   others in the other ones, and about 3% of events of anyone in another sandbox;
//! - timestamps in UTC (`Z`), about 30% with milliseconds and about 10% with an offset (`+02:00`,
//!   `+01:00` or `-05:00`, the same instant);
//! - **one spike**: the campaign *Summer sale* ([`SPIKE_DAYS_BEFORE`] days before the as-of date,
//!   [`spike_day`]) is the first engagement of about 15% of people, all on that day (and reaches
//!   about 20% of the people engaged before); most of them are never engaged again;
//! - when [`EventSpec::rejected`], [`REJECTED_PER_KIND`] events of each kind of [`REJECTED_KINDS`].

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::aep::generate::{mix, unit, ExportSpec, GeneratedFile, People};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSpec {
    pub seed: u64,
    /// Events, about.
    pub events: usize,
    /// People engaged, at most (each has at least one event, so at most `events`; with
    /// [`EventSpec::stitch_seed`], at most the people of that export).
    pub people: usize,
    /// The last day with events; events span the [`DAYS`] days up to it.
    pub as_of: NaiveDate,
    /// Files (`part-0000N.json`), each event in one at random.
    pub files: usize,
    /// Sandboxes (name, `production` or `development`), most events in the first one; none: events
    /// without the `sandbox` and `sandboxType` fields.
    pub sandboxes: Vec<(String, String)>,
    /// Write [`REJECTED_PER_KIND`] events of each kind of [`REJECTED_KINDS`].
    pub rejected: bool,
    /// `Some((seed, records))`: the profile values are identities of the people of the AEP export
    /// `ExportSpec { seed, records, ..ExportSpec::default() }` (two snapshots: the number of
    /// snapshots changes who its people are); `None`: of an export of this spec's own.
    pub stitch_seed: Option<(u64, usize)>,
}

impl Default for EventSpec {
    fn default() -> Self {
        EventSpec {
            seed: 1,
            events: 5000,
            people: 1000,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            files: 2,
            sandboxes: vec![
                ("prod".to_string(), "production".to_string()),
                ("dev".to_string(), "development".to_string()),
            ],
            rejected: true,
            stitch_seed: None,
        }
    }
}

/// The days with events: the as-of date and the 399 before it.
pub const DAYS: i64 = 400;

/// How many days before the as-of date the *Summer sale* spike is.
pub const SPIKE_DAYS_BEFORE: i64 = 200;

/// The day of the *Summer sale* spike.
pub fn spike_day(spec: &EventSpec) -> NaiveDate {
    spec.as_of - Duration::days(SPIKE_DAYS_BEFORE)
}

/// A journey: its name, its version's id, its test version's id (dry runs, named `<name> (test)`),
/// its weight among journey events, its steps (the first is where a person enters) and whether it
/// is a push journey (a person is written there by an ECID when they have one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Journey {
    pub name: &'static str,
    pub version_id: &'static str,
    pub test_version_id: &'static str,
    pub weight: u32,
    pub steps: &'static [&'static str],
    pub push: bool,
}

/// The journeys of a generated export.
pub const JOURNEYS: [Journey; 8] = [
    Journey {
        name: "Welcome series",
        version_id: "6513270e-269e-4d37-b2a7-4de452e6b438",
        test_version_id: "d23f0824-128b-4f33-8c5c-7fd0a6a3a450",
        weight: 30,
        steps: &["Send email", "Wait 2 days", "Condition: opened", "Send reminder email"],
        push: false,
    },
    Journey {
        name: "Abandoned cart",
        version_id: "9531985d-5d9d-49f8-9818-e811892f902b",
        test_version_id: "36f675cc-81e7-4ef5-a8e2-5d940ed90475",
        weight: 18,
        steps: &["Cart abandoned", "Wait 1 hour", "Send email", "Send push"],
        push: false,
    },
    Journey {
        name: "Order confirmation",
        version_id: "6b0d549b-6f03-475a-9600-a35a099950d8",
        test_version_id: "8d116ece-1738-47d9-bd9c-172411e20b8f",
        weight: 15,
        steps: &["Order placed", "Send email"],
        push: false,
    },
    Journey {
        name: "Birthday offer",
        version_id: "90c192cf-d3ac-44af-8f21-ddb66cad4a26",
        test_version_id: "a170b338-3926-4059-b28c-105d1fb17c23",
        weight: 10,
        steps: &["Read audience", "Send email", "Send SMS"],
        push: false,
    },
    Journey {
        name: "Loyalty tier upgrade",
        version_id: "0fd630f1-f29d-4da9-953f-48f1a09f76b5",
        test_version_id: "0cb1e29c-658c-4a14-95e6-0af593bd04cf",
        weight: 8,
        steps: &["Audience qualification", "Send email"],
        push: false,
    },
    Journey {
        name: "Win-back",
        version_id: "8e81973e-0bec-47b0-b898-d190f9ebdacc",
        test_version_id: "6b4cb242-4a23-4596-a217-beaddbc496cb",
        weight: 7,
        steps: &["Read audience", "Send email", "Wait 7 days", "Send last-chance email"],
        push: false,
    },
    Journey {
        name: "Back in stock",
        version_id: "92276658-1e27-41c0-8a6a-63ec24ede6a4",
        test_version_id: "ae97ba94-d0ed-482f-8f6d-05584ef8aa38",
        weight: 6,
        steps: &["Product restocked", "Send push"],
        push: true,
    },
    Journey {
        name: "App onboarding",
        version_id: "923a7369-94e3-4f91-9a61-dbe22e44158b",
        test_version_id: "18f135d2-5f55-4203-b018-50c5a38fd547",
        weight: 6,
        steps: &["App installed", "Send push", "In-app message"],
        push: true,
    },
];

/// The campaigns (name, `campaignID`): the first is the *Summer sale* of the spike; the other two
/// send about 3 in 4 and 1 in 4 of the other campaign messages.
pub const CAMPAIGNS: [(&str, &str); 3] = [
    ("Summer sale", "907a70c3-1012-4037-b64c-e4228c38fb29"),
    ("Monthly newsletter", "7f150524-34b9-45df-9e77-69b10f4205b4"),
    ("Black Friday", "c6f87718-6d76-407e-881e-d162ae2eb154"),
];

/// The kinds of rejected events the generator writes, in order: no profile (neither `profileID` nor
/// `identityMap`), no timestamp, an unreadable timestamp (`"yesterday"`), a line that is not JSON,
/// a JSON line that is not an object.
pub const REJECTED_KINDS: [&str; 5] = ["no-profile", "no-timestamp", "bad-timestamp", "not-json", "not-object"];

/// Rejected events of each kind when [`EventSpec::rejected`].
pub const REJECTED_PER_KIND: usize = 3;

/// Rejected events of an export: [`REJECTED_PER_KIND`] of each kind, or none.
pub fn rejected_events(spec: &EventSpec) -> usize {
    if spec.rejected {
        REJECTED_PER_KIND * REJECTED_KINDS.len()
    } else {
        0
    }
}

/// The paths of the export's files, in the order [`write_events`] numbers them.
pub fn event_paths(spec: &EventSpec) -> Vec<String> {
    (0..spec.files.max(1)).map(|f| format!("journey_step_events/part-{f:05}.json")).collect()
}

/// The files of an export, as JSON lines, in path order.
pub fn event_export(spec: &EventSpec) -> Vec<GeneratedFile> {
    let mut files: Vec<GeneratedFile> =
        event_paths(spec).into_iter().map(|path| GeneratedFile { path, bytes: Vec::new() }).collect();
    write_events(spec, &mut |file, line| files[file].bytes.extend_from_slice(line));
    files
}

/// Streams the export: `out(file, line)` for each event, `file` an index into [`event_paths`],
/// `line` one JSON document (or a rejected line) ending in `\n`. Returns the number of lines.
pub fn write_events(spec: &EventSpec, out: &mut dyn FnMut(usize, &[u8])) -> u64 {
    let mut buf = Vec::with_capacity(512);
    let mut written = 0;
    stream(spec, &mut |file, e| {
        buf.clear();
        json_line(spec, e, &mut buf);
        out(file, &buf);
        written += 1;
    });
    written
}

/// The header of [`write_events_csv`]'s files.
pub const CSV_HEADER: &str = "timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun";

/// Streams the same events as [`write_events`] as the CSV of a Query Service query (what an admin
/// exports): first `out(file, header)` for each file ([`CSV_HEADER`]), then one row per event, each
/// ending in `\n`. The query behind it: `timestamp` in UTC; `profileID` the step event's, else the
/// primary identity of `identityMap`; `journeyVersionName` the journey's (its test version's for a
/// dry run), else the `campaignID`; `inDryRun` empty for a campaign message. The rejected events
/// that are not a JSON object have no row; the others have an empty `profileID` or `timestamp`, or
/// `yesterday`. Returns the number of rows (without the headers).
pub fn write_events_csv(spec: &EventSpec, out: &mut dyn FnMut(usize, &[u8])) -> u64 {
    let mut header = CSV_HEADER.as_bytes().to_vec();
    header.push(b'\n');
    for f in 0..spec.files.max(1) {
        out(f, &header);
    }
    let mut buf = Vec::with_capacity(256);
    let mut written = 0;
    stream(spec, &mut |file, e| {
        buf.clear();
        if csv_row(spec, e, &mut buf) {
            out(file, &buf);
            written += 1;
        }
    });
    written
}

/// What an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    /// A step of journey `j` (its test version when `dry`).
    Journey { j: usize, step: usize, dry: bool },
    /// A message of campaign `c`.
    Campaign(usize),
}

/// An event planned for a day: whose, when (seconds into the day, UTC) and what.
#[derive(Clone, Copy)]
struct Planned {
    p: u64,
    secs: u32,
    what: What,
}

/// How an event's time is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Time {
    Written,
    Missing,
    Unreadable,
}

/// An identity: (namespace, id).
type Identity = (&'static str, String);

/// One event, everything decided, for [`json_line`] and [`csv_row`].
struct Event {
    id: (u64, u64),
    /// The instant, UTC.
    utc: NaiveDateTime,
    millis: Option<u32>,
    /// Minutes east of UTC in which the time is written (0: `Z`).
    offset: i32,
    time: Time,
    sandbox: Option<usize>,
    /// The profile value (namespace, id); `None`: neither `profileID` nor `identityMap`.
    profile: Option<Identity>,
    /// The person's other identity, written second in an `identityMap`.
    other: Option<Identity>,
    identity_map: bool,
    what: What,
    /// Written as a rejected line of this kind of [`REJECTED_KINDS`] (3: not JSON, 4: not an object).
    reject: Option<usize>,
}

/// The people of an export and how each is engaged.
struct Plan {
    seed: u64,
    people: u64,
    /// `first[d]`: the first person whose first engagement is on day `d` (0: the first day); people
    /// are numbered in the order of their first engagement, `first[DAYS]` is the number of people.
    first: Vec<u64>,
    /// The day of the spike (index into `first`).
    spike: usize,
    ids: People,
    /// Sandboxes.
    sandboxes: usize,
}

impl Plan {
    fn new(spec: &EventSpec) -> Plan {
        let export = match spec.stitch_seed {
            Some((seed, records)) => ExportSpec { seed, records, ..ExportSpec::default() },
            None => ExportSpec {
                seed: mix(spec.seed ^ 0xE1A6_E0E5),
                records: (spec.people as f64 * 1.9).ceil() as usize + 2,
                snapshots: 1,
                ..ExportSpec::default()
            },
        };
        let ids = People::new(&export);
        let people = (spec.people.min(spec.events) as u64).min(ids.count()).max(1);
        let spike = (DAYS - 1 - SPIKE_DAYS_BEFORE) as usize;
        // First engagements: 30% over the first 30 days, 15% on the spike day, the others on the
        // other days, a little more of them on recent days.
        let base = (people as f64 * 0.30).round() as u64;
        let spiked = (people as f64 * 0.15).round() as u64;
        let rest = people - base - spiked;
        let weight = |d: usize| -> f64 {
            if d < 30 || d == spike {
                0.0
            } else {
                1.0 + d as f64 / DAYS as f64
            }
        };
        let total: f64 = (0..DAYS as usize).map(weight).sum();
        let mut first = Vec::with_capacity(DAYS as usize + 1);
        let (mut sum, mut spiked_before) = (0.0, 0);
        for d in 0..DAYS as usize {
            let before_base = base * (d.min(30) as u64) / 30;
            let before_rest = (rest as f64 * sum / total).round() as u64;
            first.push(before_base + before_rest + spiked_before);
            sum += weight(d);
            if d == spike {
                spiked_before = spiked;
            }
        }
        first.push(people);
        Plan { seed: spec.seed, people, first, spike, ids, sandboxes: spec.sandboxes.len() }
    }

    fn h(&self, p: u64, what: u64) -> u64 {
        mix(self.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ mix(p.wrapping_mul(0x1000_0000_01B3) ^ what))
    }

    fn u(&self, p: u64, what: u64) -> f64 {
        unit(self.h(p, what))
    }

    /// The day of person `p`'s first engagement.
    fn entry(&self, p: u64) -> usize {
        self.first.partition_point(|&f| f <= p).saturating_sub(1)
    }

    fn spiked(&self, p: u64) -> bool {
        self.first[self.spike] <= p && p < self.first[self.spike + 1]
    }

    /// The last day person `p` can be engaged on: most of the spike's people only on that day, one
    /// in five others 30 to 230 days after their first engagement, the others to the end.
    fn last_day(&self, p: u64) -> usize {
        if self.spiked(p) {
            if self.u(p, 1) < 0.6 {
                self.spike
            } else {
                usize::MAX
            }
        } else if self.u(p, 1) < 0.2 {
            self.entry(p) + 30 + (self.h(p, 2) % 200) as usize
        } else {
            usize::MAX
        }
    }

    fn dry_only(&self, p: u64) -> bool {
        !self.spiked(p) && self.u(p, 3) < 0.01
    }

    /// The sandbox of most of person `p`'s events.
    fn home(&self, p: u64) -> usize {
        if self.sandboxes <= 1 || self.u(p, 4) < 0.9 {
            0
        } else {
            1 + (self.h(p, 5) % (self.sandboxes as u64 - 1)) as usize
        }
    }

    /// Person `p`'s profile value and other identity (an ECID of a known person), as (main, other).
    fn identities(&self, p: u64) -> (Option<Identity>, Option<Identity>) {
        let mut ids = self.ids.identities(p);
        let main = if ids.first().is_some_and(|(ns, _)| *ns == "Email") && self.u(p, 6) < 0.25 {
            ids.iter().position(|(ns, _)| *ns == "CRMID").unwrap_or(0)
        } else {
            0
        };
        let other = if ids.first().is_some_and(|(ns, _)| *ns == "Email") {
            ids.iter().position(|(ns, _)| *ns == "ECID").map(|i| ids[i].clone())
        } else {
            None
        };
        let main = if main < ids.len() { Some(ids.swap_remove(main)) } else { None };
        (main, other)
    }
}

/// A journey by weight, from a uniform `x` in [0, 1).
fn journey(x: f64) -> usize {
    let total: u32 = JOURNEYS.iter().map(|j| j.weight).sum();
    let mut at = (x * total as f64) as u32;
    for (i, j) in JOURNEYS.iter().enumerate() {
        if at < j.weight {
            return i;
        }
        at -= j.weight;
    }
    0
}

fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    unit(rng.next_u64())
}

/// Seconds into a day: mostly between 07:00 and 21:00.
fn time_of_day(rng: &mut ChaCha8Rng) -> u32 {
    let r = rng.next_u32();
    if r % 10 < 8 {
        7 * 3600 + (r / 10) % (14 * 3600)
    } else {
        (r / 10) % 86_400
    }
}

/// Plans every event, day by day, and hands each to `emit(file, event)` in time order within its day.
fn stream(spec: &EventSpec, emit: &mut dyn FnMut(usize, &Event)) {
    let plan = Plan::new(spec);
    let files = spec.files.max(1) as u64;
    let mut rng = ChaCha8Rng::seed_from_u64(mix(spec.seed ^ 0xE4E4_7E57));
    let start = spec.as_of - Duration::days(DAYS - 1);
    // The spike's other recipients: about 20% of the people engaged before and still engaged.
    let summer = |p: u64| plan.u(p, 7) < 0.2 && plan.last_day(p) >= plan.spike && !plan.dry_only(p);
    let summer_others = (0..plan.first[plan.spike]).filter(|&p| summer(p)).count() as u64;
    // The other events, more of them on recent days.
    let random = (spec.events as u64).saturating_sub(plan.people + summer_others);
    let weight = |d: i64| 1.0 + 3.0 * (d as f64 / (DAYS - 1) as f64).powi(2);
    let total: f64 = (0..DAYS).map(weight).sum();
    let rejects = rejected_events(spec) as i64;
    let (mut next_reject, mut so_far) = (0i64, 0.0);
    let mut day: Vec<Planned> = Vec::new();
    for d in 0..DAYS {
        let date = start + Duration::days(d);
        let du = d as usize;
        day.clear();
        for p in plan.first[du]..plan.first[du + 1] {
            let what = if plan.spiked(p) {
                What::Campaign(0)
            } else if plan.dry_only(p) {
                What::Journey { j: journey(uniform(&mut rng)), step: 0, dry: true }
            } else if uniform(&mut rng) < 0.1 {
                What::Campaign(if uniform(&mut rng) < 0.75 { 1 } else { 2 })
            } else {
                What::Journey { j: journey(uniform(&mut rng)), step: 0, dry: false }
            };
            let secs = if plan.spiked(p) { 9 * 3600 + rng.next_u32() % 7200 } else { time_of_day(&mut rng) };
            day.push(Planned { p, secs, what });
        }
        if du == plan.spike {
            for p in (0..plan.first[du]).filter(|&p| summer(p)) {
                day.push(Planned { p, secs: 9 * 3600 + rng.next_u32() % 7200, what: What::Campaign(0) });
            }
        }
        let before = (random as f64 * so_far / total).round() as u64;
        so_far += weight(d);
        let quota = (random as f64 * so_far / total).round() as u64 - before;
        let pool = plan.first[du + 1];
        for _ in 0..quota {
            if pool == 0 {
                break;
            }
            // A person engaged by then and not yet gone (8 tries, else no event).
            let Some(p) = (0..8).map(|_| rng.next_u64() % pool).find(|&p| plan.last_day(p) >= du) else {
                continue;
            };
            let r = uniform(&mut rng);
            let what = if plan.dry_only(p) || r < 0.015 {
                What::Journey { j: journey(uniform(&mut rng)), step: 0, dry: true }
            } else if r < 0.115 {
                What::Campaign(if uniform(&mut rng) < 0.75 { 1 } else { 2 })
            } else {
                let j = journey(uniform(&mut rng));
                What::Journey { j, step: (rng.next_u32() as usize) % JOURNEYS[j].steps.len(), dry: false }
            };
            // A dry run's step too.
            let what = match what {
                What::Journey { j, dry: true, .. } => {
                    What::Journey { j, step: (rng.next_u32() as usize) % JOURNEYS[j].steps.len(), dry: true }
                }
                w => w,
            };
            day.push(Planned { p, secs: time_of_day(&mut rng), what });
        }
        day.sort_by_key(|e| e.secs);
        // The rejected lines of this day, first.
        while next_reject < rejects && d >= (next_reject + 1) * DAYS / (rejects + 1) {
            let kind = next_reject as usize % REJECTED_KINDS.len();
            let p = rng.next_u64() % plan.people;
            let (main, _) = plan.identities(p);
            let e = Event {
                id: (rng.next_u64(), rng.next_u64()),
                utc: date.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::seconds(time_of_day(&mut rng) as i64),
                millis: None,
                offset: 0,
                time: match kind {
                    1 => Time::Missing,
                    2 => Time::Unreadable,
                    _ => Time::Written,
                },
                sandbox: (plan.sandboxes > 0).then_some(0),
                profile: if kind == 0 { None } else { main },
                other: None,
                identity_map: false,
                what: What::Journey { j: 0, step: 0, dry: false },
                reject: Some(kind),
            };
            emit(next_reject as usize % files as usize, &e);
            next_reject += 1;
        }
        for ev in &day {
            let (main, other) = plan.identities(ev.p);
            let what = ev.what;
            // A push journey writes a known person by their ECID when they have one.
            let (profile, other) = match (what, other) {
                (What::Journey { j, .. }, Some(ecid)) if JOURNEYS[j].push => (Some(ecid), main),
                (_, other) => (main, other),
            };
            let sandbox = if plan.sandboxes == 0 {
                None
            } else if plan.sandboxes > 1 && uniform(&mut rng) < 0.03 {
                let home = plan.home(ev.p);
                Some((home + 1 + (rng.next_u64() % (plan.sandboxes as u64 - 1)) as usize) % plan.sandboxes)
            } else {
                Some(plan.home(ev.p))
            };
            let identity_map = matches!(what, What::Campaign(_)) || uniform(&mut rng) < 0.05;
            let millis = (uniform(&mut rng) < 0.3).then(|| rng.next_u32() % 1000);
            let offset = if uniform(&mut rng) < 0.1 {
                match rng.next_u32() % 3 {
                    0 => -300,
                    _ if (4..=10).contains(&date.month()) => 120,
                    _ => 60,
                }
            } else {
                0
            };
            let e = Event {
                id: (rng.next_u64(), rng.next_u64()),
                utc: date.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::seconds(ev.secs as i64),
                millis,
                offset,
                time: Time::Written,
                sandbox,
                profile,
                other,
                identity_map,
                what,
                reject: None,
            };
            let file = if files == 1 { 0 } else { (rng.next_u64() % files) as usize };
            emit(file, &e);
        }
    }
}

fn str_json(buf: &mut Vec<u8>, s: &str) {
    // Writing a &str to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

fn two(buf: &mut Vec<u8>, n: u32) {
    buf.push(b'0' + (n / 10 % 10) as u8);
    buf.push(b'0' + (n % 10) as u8);
}

/// `2026-11-30T10:04:05Z`, `2026-11-30T10:04:05.120Z` or `2026-11-30T12:04:05+02:00` (with
/// `offset` minutes; 0 writes `Z`).
fn timestamp(buf: &mut Vec<u8>, utc: NaiveDateTime, millis: Option<u32>, offset: i32) {
    let t = utc + Duration::minutes(offset as i64);
    let y = t.year().max(0) as u32;
    two(buf, y / 100);
    two(buf, y);
    buf.push(b'-');
    two(buf, t.month());
    buf.push(b'-');
    two(buf, t.day());
    buf.push(b'T');
    two(buf, t.hour());
    buf.push(b':');
    two(buf, t.minute());
    buf.push(b':');
    two(buf, t.second());
    if let Some(ms) = millis {
        buf.push(b'.');
        buf.push(b'0' + (ms / 100 % 10) as u8);
        two(buf, ms);
    }
    if offset == 0 {
        buf.push(b'Z');
    } else {
        buf.push(if offset > 0 { b'+' } else { b'-' });
        two(buf, offset.unsigned_abs() / 60);
        buf.push(b':');
        two(buf, offset.unsigned_abs() % 60);
    }
}

/// A version 4 UUID's text from two random numbers.
fn uuid(buf: &mut Vec<u8>, (a, b): (u64, u64)) {
    let a = (a & !0xF000) | 0x4000;
    let b = (b & !(0xC << 60)) | (0x8 << 60);
    let mut hexes = [0u8; 32];
    for (i, h) in hexes.iter_mut().enumerate() {
        let n = if i < 16 { a >> ((15 - i) * 4) } else { b >> ((31 - i) * 4) };
        *h = b"0123456789abcdef"[(n & 15) as usize];
    }
    for (i, h) in hexes.iter().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            buf.push(b'-');
        }
        buf.push(*h);
    }
}

/// One event as a JSON line (a rejected one as its kind says), with `\n`.
fn json_line(spec: &EventSpec, e: &Event, buf: &mut Vec<u8>) {
    if e.reject == Some(4) {
        buf.extend_from_slice(b"[\"event\",");
    }
    buf.extend_from_slice(b"{\"_id\":\"");
    uuid(buf, e.id);
    buf.push(b'"');
    match e.time {
        Time::Written => {
            buf.extend_from_slice(b",\"timestamp\":\"");
            timestamp(buf, e.utc, e.millis, e.offset);
            buf.push(b'"');
        }
        Time::Unreadable => buf.extend_from_slice(b",\"timestamp\":\"yesterday\""),
        Time::Missing => {}
    }
    if let Some((name, kind)) = e.sandbox.and_then(|s| spec.sandboxes.get(s)) {
        buf.extend_from_slice(b",\"sandbox\":");
        str_json(buf, name);
        buf.extend_from_slice(b",\"sandboxType\":");
        str_json(buf, kind);
    }
    let identity_map = e.identity_map && e.profile.is_some();
    if let (true, Some((ns, id))) = (identity_map, &e.profile) {
        buf.extend_from_slice(b",\"identityMap\":{");
        str_json(buf, ns);
        buf.extend_from_slice(b":[{\"id\":");
        str_json(buf, id);
        buf.extend_from_slice(b",\"primary\":true}]");
        if let Some((other_ns, other)) = &e.other {
            buf.push(b',');
            str_json(buf, other_ns);
            buf.extend_from_slice(b":[{\"id\":");
            str_json(buf, other);
            buf.extend_from_slice(b"}]");
        }
        buf.push(b'}');
    }
    buf.extend_from_slice(b",\"_experience\":{");
    match e.what {
        What::Journey { j, step, dry } => {
            let journey = &JOURNEYS[j];
            buf.extend_from_slice(b"\"journeyOrchestration\":{\"stepEvents\":{");
            if let (false, Some((_, id))) = (identity_map, &e.profile) {
                buf.extend_from_slice(b"\"profileID\":");
                str_json(buf, id);
                buf.push(b',');
            }
            buf.extend_from_slice(b"\"journeyVersionName\":\"");
            buf.extend_from_slice(journey.name.as_bytes());
            if dry {
                buf.extend_from_slice(b" (test)");
            }
            buf.extend_from_slice(b"\",\"journeyVersionID\":\"");
            buf.extend_from_slice(if dry { journey.test_version_id } else { journey.version_id }.as_bytes());
            buf.extend_from_slice(b"\",\"inDryRun\":");
            buf.extend_from_slice(if dry { b"true" } else { b"false" });
            buf.extend_from_slice(b",\"stepName\":\"");
            buf.extend_from_slice(journey.steps.get(step).copied().unwrap_or_default().as_bytes());
            buf.extend_from_slice(b"\"}}");
        }
        What::Campaign(c) => {
            buf.extend_from_slice(b"\"customerJourneyManagement\":{\"messageExecution\":{\"campaignID\":\"");
            buf.extend_from_slice(CAMPAIGNS[c].1.as_bytes());
            buf.extend_from_slice(b"\"}}");
        }
    }
    buf.extend_from_slice(b"}}");
    match e.reject {
        // Not JSON: the line cut two thirds of the way.
        Some(3) => buf.truncate(buf.len() * 2 / 3),
        Some(4) => buf.push(b']'),
        _ => {}
    }
    buf.push(b'\n');
}

/// A CSV field, quoted when it has to be.
fn csv_field(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        buf.push(b'"');
        for b in s.bytes() {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        buf.extend_from_slice(s.as_bytes());
    }
}

/// One event as a CSV row of [`CSV_HEADER`], with `\n`; false (nothing written) for a rejected
/// event that is not a JSON object.
fn csv_row(spec: &EventSpec, e: &Event, buf: &mut Vec<u8>) -> bool {
    if matches!(e.reject, Some(3 | 4)) {
        return false;
    }
    match e.time {
        Time::Written => timestamp(buf, e.utc, e.millis, 0),
        Time::Unreadable => buf.extend_from_slice(b"yesterday"),
        Time::Missing => {}
    }
    buf.push(b',');
    if let Some((_, id)) = &e.profile {
        csv_field(buf, id);
    }
    buf.push(b',');
    match e.what {
        What::Journey { j, dry, .. } => {
            buf.extend_from_slice(JOURNEYS[j].name.as_bytes());
            if dry {
                buf.extend_from_slice(b" (test)");
            }
        }
        What::Campaign(c) => buf.extend_from_slice(CAMPAIGNS[c].1.as_bytes()),
    }
    buf.push(b',');
    if let Some((name, kind)) = e.sandbox.and_then(|s| spec.sandboxes.get(s)) {
        csv_field(buf, name);
        buf.push(b',');
        csv_field(buf, kind);
    } else {
        buf.push(b',');
    }
    buf.push(b',');
    match e.what {
        What::Journey { dry, .. } => buf.extend_from_slice(if dry { b"true" } else { b"false" }),
        What::Campaign(_) => {}
    }
    buf.push(b'\n');
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_ids_are_written_as_aep_writes_them() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(23, 4, 5).unwrap();
        let text = |millis, offset| {
            let mut b = Vec::new();
            timestamp(&mut b, t, millis, offset);
            String::from_utf8(b).unwrap()
        };
        assert_eq!(text(None, 0), "2026-11-30T23:04:05Z");
        assert_eq!(text(Some(7), 0), "2026-11-30T23:04:05.007Z");
        assert_eq!(text(None, 120), "2026-12-01T01:04:05+02:00");
        assert_eq!(text(Some(120), -300), "2026-11-30T18:04:05.120-05:00");
        let mut b = Vec::new();
        uuid(&mut b, (u64::MAX, 0));
        assert_eq!(String::from_utf8(b).unwrap(), "ffffffff-ffff-4fff-8000-000000000000");
    }

    #[test]
    fn the_people_are_numbered_by_their_first_day() {
        let spec = EventSpec::default();
        let plan = Plan::new(&spec);
        assert_eq!(plan.people, 1000);
        assert_eq!(plan.first.len(), DAYS as usize + 1);
        assert!(plan.first.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(plan.first[plan.spike + 1] - plan.first[plan.spike], 150);
        assert_eq!(plan.first[30], 300);
        assert_eq!(plan.entry(0), 0);
        assert_eq!(plan.entry(plan.first[plan.spike]), plan.spike);
        assert_eq!(plan.entry(plan.first[plan.spike] - 1), plan.spike - 1);
    }
}
