//! The engagement-event generator read back by a reader of its own (section 3 of `journey-optimizer.md`): its rejects, its spike, its dry runs and its stitching with the AEP profile export.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate};
use engine::aep::generate::{profile_export, ExportSpec, People};
use engine::engage::generate::{
    event_export, event_paths, rejected_events, spike_day, write_events, write_events_csv, EventSpec, CAMPAIGNS,
    CSV_HEADER, JOURNEYS, REJECTED_KINDS, REJECTED_PER_KIND,
};
use serde_json::Value;

/// One event as section 3 reads it.
#[derive(Debug, Clone, PartialEq)]
struct Read {
    day: NaiveDate,
    profile: String,
    journey: String,
    sandbox: String,
    dry: bool,
    identity_map: bool,
    offset: bool,
}

/// An event read, or the kind of [`REJECTED_KINDS`] it is rejected as.
fn read(line: &[u8]) -> Result<Read, &'static str> {
    let v: Value = serde_json::from_slice(line).map_err(|_| "not-json")?;
    if !v.is_object() {
        return Err("not-object");
    }
    let steps = &v["_experience"]["journeyOrchestration"]["stepEvents"];
    let map = v["identityMap"].as_object();
    let primary = map.and_then(|m| {
        let all: Vec<&Value> = m.values().filter_map(Value::as_array).flatten().collect();
        all.iter().find(|e| e["primary"] == true).or(all.first()).and_then(|e| e["id"].as_str().map(str::to_string))
    });
    let profile = steps["profileID"].as_str().map(str::to_string).or(primary).ok_or("no-profile")?;
    let time = v["timestamp"].as_str().ok_or("no-timestamp")?;
    let instant = DateTime::parse_from_rfc3339(time).map_err(|_| "bad-timestamp")?;
    let journey = [
        &steps["journeyVersionName"],
        &v["_experience"]["customerJourneyManagement"]["messageExecution"]["campaignID"],
    ]
    .iter()
    .find_map(|x| x.as_str())
    .unwrap_or_default()
    .to_string();
    Ok(Read {
        day: instant.naive_utc().date(),
        profile,
        journey,
        sandbox: v["sandbox"].as_str().unwrap_or("prod").to_string(),
        dry: steps["inDryRun"] == true,
        identity_map: steps["profileID"].is_null(),
        offset: !time.ends_with('Z'),
    })
}

fn lines(files: &[engine::aep::generate::GeneratedFile]) -> Vec<Vec<u8>> {
    files.iter().flat_map(|f| f.bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(<[u8]>::to_vec)).collect()
}

fn events(spec: &EventSpec) -> (Vec<Read>, BTreeMap<&'static str, usize>) {
    let mut ok = Vec::new();
    let mut rejected = BTreeMap::new();
    for line in lines(&event_export(spec)) {
        match read(&line) {
            Ok(e) => ok.push(e),
            Err(kind) => *rejected.entry(kind).or_insert(0) += 1,
        }
    }
    (ok, rejected)
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    let spec = EventSpec { events: 3000, people: 600, files: 3, ..Default::default() };
    let a = event_export(&spec);
    assert_eq!(a, event_export(&spec));
    assert_eq!(
        a.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(),
        [
            "journey_step_events/part-00000.json",
            "journey_step_events/part-00001.json",
            "journey_step_events/part-00002.json"
        ]
    );
    assert_eq!(event_paths(&spec).len(), 3);
    assert!(a.iter().all(|f| f.bytes.len() > 10_000));
    assert_ne!(a, event_export(&EventSpec { seed: 2, ..spec.clone() }));
    let csv = |spec: &EventSpec| {
        let mut out = vec![Vec::new(); 3];
        let rows = write_events_csv(spec, &mut |f, line| out[f].extend_from_slice(line));
        (rows, out)
    };
    assert_eq!(csv(&spec), csv(&spec));
    // Streaming gives the files' lines.
    let mut streamed = vec![Vec::new(); 3];
    let n = write_events(&spec, &mut |f, line| streamed[f].extend_from_slice(line));
    assert_eq!(streamed, a.iter().map(|f| f.bytes.clone()).collect::<Vec<_>>());
    assert_eq!(n as usize, lines(&a).len());
}

#[test]
fn every_line_is_json_but_the_rejects_and_each_kind_is_there() {
    let spec = EventSpec { events: 20_000, people: 4000, ..Default::default() };
    let (ok, rejected) = events(&spec);
    let want: BTreeMap<&str, usize> = REJECTED_KINDS.iter().map(|k| (*k, REJECTED_PER_KIND)).collect();
    assert_eq!(rejected, want);
    assert_eq!(rejected_events(&spec), 15);
    assert!((19_000..21_000).contains(&ok.len()), "{} events", ok.len());
    let (none, _) = events(&EventSpec { rejected: false, ..spec.clone() });
    assert_eq!(none.len(), ok.len());

    // The variety of a real export.
    let share = |f: &dyn Fn(&Read) -> bool| ok.iter().filter(|e| f(e)).count() as f64 / ok.len() as f64;
    let campaign = |e: &Read| CAMPAIGNS.iter().any(|(_, id)| *id == e.journey);
    let dry = share(&|e| e.dry);
    assert!((0.015..0.05).contains(&dry), "dry runs {dry}");
    assert!(ok.iter().filter(|e| e.dry).all(|e| e.journey.ends_with(" (test)")));
    let map = share(&|e| e.identity_map && !campaign(e)) / share(&|e| !campaign(e));
    assert!((0.03..0.08).contains(&map), "identityMap instead of profileID: {map}");
    let campaigns = share(&campaign);
    assert!((0.08..0.30).contains(&campaigns), "campaign messages {campaigns}");
    let offsets = share(&|e| e.offset);
    assert!((0.05..0.15).contains(&offsets), "offsets {offsets}");
    let prod = share(&|e| e.sandbox == "prod");
    assert!((0.8..0.95).contains(&prod), "prod {prod}");
    let journeys: HashSet<&str> = ok.iter().filter(|e| !e.dry && !campaign(e)).map(|e| e.journey.as_str()).collect();
    assert_eq!(journeys.len(), JOURNEYS.len());
    let welcome = share(&|e| e.journey == "Welcome series");
    let onboarding = share(&|e| e.journey == "App onboarding");
    assert!(welcome > 3.0 * onboarding, "skewed weights: {welcome} {onboarding}");
    // E-mails, CRM ids, ECIDs.
    assert!(ok.iter().any(|e| e.profile.contains('@')));
    assert!(ok.iter().any(|e| e.profile.len() == 38 && e.profile.bytes().all(|b| b.is_ascii_digit())));
    assert!(ok.iter().any(|e| e.profile.starts_with("600") && e.profile.ends_with(|c: char| c.is_ascii_uppercase())));

    // Days: the 400 up to the as-of date, more events on recent ones.
    let first_day = spec.as_of - Duration::days(399);
    assert!(ok.iter().all(|e| (first_day..=spec.as_of).contains(&e.day)));
    let recent = ok.iter().filter(|e| e.day > spec.as_of - Duration::days(100)).count();
    let early = ok.iter().filter(|e| e.day < first_day + Duration::days(100)).count();
    assert!(recent > 2 * early, "{recent} recent, {early} early");

    // Per (sandbox, profile): its last event, and whether any was not a dry run.
    let mut last: HashMap<(&str, &str), (NaiveDate, bool)> = HashMap::new();
    for e in &ok {
        let x = last.entry((&e.sandbox, &e.profile)).or_insert((e.day, false));
        x.0 = x.0.max(e.day);
        x.1 |= !e.dry;
    }
    let window = spec.as_of - Duration::days(365);
    let older = last.values().filter(|(d, _)| *d <= window).count();
    assert!(older > 10, "profiles older than 12 months: {older}");
    let dry_only = last.values().filter(|(d, real)| *d > window && !real).count();
    assert!((5..200).contains(&dry_only), "engaged by dry runs only: {dry_only}");
}

#[test]
fn the_spike_day_has_many_more_first_time_profiles_than_the_28_days_before() {
    let spec = EventSpec::default();
    let (ok, _) = events(&spec);
    let mut first: HashMap<(&str, &str), NaiveDate> = HashMap::new();
    for e in &ok {
        let d = first.entry((&e.sandbox, &e.profile)).or_insert(e.day);
        *d = (*d).min(e.day);
    }
    let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
    for d in first.values() {
        *per_day.entry(*d).or_insert(0) += 1;
    }
    let spike = spike_day(&spec);
    assert_eq!(spike, NaiveDate::from_ymd_opt(2026, 5, 14).unwrap());
    let on_spike = per_day.get(&spike).copied().unwrap_or(0);
    let mut before: Vec<usize> =
        (1..=28).map(|k| per_day.get(&(spike - Duration::days(k))).copied().unwrap_or(0)).collect();
    before.sort();
    let median = (before[13] + before[14]) as f64 / 2.0;
    assert!(on_spike >= 140, "{on_spike} first-time profiles on the spike day");
    assert!(on_spike as f64 > 10.0 * median.max(1.0), "{on_spike} against a median of {median}");
    // No other day comes close.
    let (top, _) =
        per_day.iter().filter(|(d, _)| **d > spec.as_of - Duration::days(365)).max_by_key(|(_, n)| **n).unwrap();
    assert_eq!(*top, spike);
    // The Summer sale brought them.
    let summer = CAMPAIGNS[0].1;
    let by_summer = ok.iter().filter(|e| e.day == spike && e.journey == summer).count();
    assert!(by_summer >= on_spike);
}

#[test]
fn stitch_mode_writes_identities_of_the_aep_export() {
    let export = ExportSpec { seed: 7, records: 1500, ..Default::default() };
    let mut identities: HashSet<String> = HashSet::new();
    for line in lines(&profile_export(&export)) {
        let Ok(v) = serde_json::from_slice::<Value>(&line) else { continue };
        for list in v["identityMap"].as_object().into_iter().flat_map(|m| m.values()) {
            for e in list.as_array().into_iter().flatten() {
                if let Some(id) = e["id"].as_str() {
                    identities.insert(id.trim().to_string());
                }
            }
        }
    }
    let spec = EventSpec { stitch_seed: Some((7, 1500)), events: 6000, people: 2000, ..Default::default() };
    let (ok, _) = events(&spec);
    let values: HashSet<&str> = ok.iter().map(|e| e.profile.as_str()).collect();
    let known = values.iter().filter(|v| identities.contains(**v)).count();
    // Only people absent from both snapshots (joining after they left) are not in the export.
    assert!(known as f64 > 0.99 * values.len() as f64, "{known} of {} values in the export", values.len());
    // At most the export's people.
    let people = People::new(&export);
    let mut person_of: HashMap<String, u64> = HashMap::new();
    for p in 0..people.count() {
        for (_, id) in people.identities(p) {
            person_of.insert(id, p);
        }
    }
    let mut values_of: HashMap<u64, HashSet<&str>> = HashMap::new();
    for v in &values {
        let p = person_of.get(*v).copied().expect("every value is one of a person's identities");
        values_of.entry(p).or_default().insert(v);
    }
    assert!(values_of.len() as u64 <= people.count());
    // Some people are engaged under two identities (an e-mail or CRM id, and an ECID): stitching joins them.
    let twice = values_of.values().filter(|v| v.len() >= 2).count();
    assert!(twice > 30, "{twice} people under two identities");

    // Without stitching: values of an export of its own, not of this one (but for John Greene, person 0 of every export).
    let (own, _) = events(&EventSpec { stitch_seed: None, ..spec });
    let own: HashSet<&str> = own.iter().map(|e| e.profile.as_str()).collect();
    let shared = own.iter().filter(|v| identities.contains(**v)).count();
    assert!(shared * 100 < own.len(), "{shared} of {} shared", own.len());
}

#[test]
fn the_csv_has_the_same_events() {
    let spec = EventSpec { events: 4000, people: 800, files: 1, ..Default::default() };
    let mut csv = Vec::new();
    let rows = write_events_csv(&spec, &mut |_, line| csv.extend_from_slice(line));
    let json = lines(&event_export(&spec));
    assert_eq!(rows as usize, json.len() - 2 * REJECTED_PER_KIND, "no row for the lines that are not a JSON object");
    let mut r = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>().join(","), CSV_HEADER);
    let objects = json.iter().filter(|l| matches!(serde_json::from_slice::<Value>(l), Ok(v) if v.is_object()));
    let mut n = 0;
    for (row, line) in r.records().zip(objects) {
        let row = row.unwrap();
        n += 1;
        match read(line) {
            Ok(e) => {
                let t = DateTime::parse_from_rfc3339(&row[0]).unwrap();
                assert_eq!(t.naive_utc().date(), e.day);
                assert!(row[0].ends_with('Z'));
                assert_eq!((&row[1], &row[2], &row[3]), (e.profile.as_str(), e.journey.as_str(), e.sandbox.as_str()));
                assert_eq!(
                    &row[5],
                    if e.journey.len() == 36 {
                        ""
                    } else if e.dry {
                        "true"
                    } else {
                        "false"
                    }
                );
            }
            Err("no-profile") => assert_eq!(&row[1], ""),
            Err("no-timestamp") => assert_eq!(&row[0], ""),
            Err("bad-timestamp") => assert_eq!(&row[0], "yesterday"),
            Err(other) => panic!("{other}"),
        }
    }
    assert_eq!(n, rows);
}

#[test]
fn one_sandbox_or_none() {
    let one = EventSpec { sandboxes: vec![("prod".into(), "production".into())], ..Default::default() };
    let (ok, _) = events(&one);
    assert!(ok.iter().all(|e| e.sandbox == "prod"));
    let none = EventSpec { sandboxes: Vec::new(), rejected: false, ..Default::default() };
    assert!(lines(&event_export(&none)).iter().all(|l| !String::from_utf8_lossy(l).contains("\"sandbox")));
}
