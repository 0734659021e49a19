//! An events CSV whose headers are not recognised, read with a mapping chosen by hand, and what each file's events say of their sandbox (the viewer's mapping step and sandbox per file).

use std::collections::BTreeMap;

use engine::engage::columns::{by_field, match_columns, matched_columns, missing};
use engine::engage::event::SandboxType;
use engine::engage::{EngageSettings, EventCounter, EventField, EventOptions, FileSandboxes, Sandbox};
use engine::message::Arg;

const STANDARD: &str = "timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun\n\
    2026-11-02T10:00:00Z,p1,Welcome,prod,production,false\n\
    2026-11-03T10:00:00Z,p2,Welcome,dev,development,false\n\
    2026-11-30T09:00:00Z,p3,Winback,prod,production,true\n\
    yesterday,p4,Winback,prod,production,false\n";

/// The same rows under headers no alias matches.
fn odd() -> String {
    STANDARD.replacen(
        "timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun",
        "Wann,Kunde,Reise,Umgebung,Art,Probe",
        1,
    )
}

fn headers(line: &str) -> Vec<String> {
    line.split(',').map(String::from).collect()
}

fn count_csv(text: &str, options: EventOptions) -> (EventCounter, Result<(), engine::aep::ReadError>) {
    let mut c = EventCounter::new(options);
    let f = c.begin_csv("events.csv", None);
    let pushed = c.push(f, text.as_bytes());
    let ended = c.end_file(f);
    (c, pushed.and(ended))
}

#[test]
fn a_csv_without_recognised_headers_names_what_is_missing_and_its_headers() {
    let (_, result) = count_csv(&odd(), EventOptions::default());
    let error = result.expect_err("no time or profile column");
    assert_eq!(error.line, Some(1));
    assert_eq!(error.message.id, "event-missing-fields");
    assert_eq!(error.message.args.get("fields"), Some(&Arg::List(vec!["time".into(), "profile".into()])));
    assert_eq!(error.message.args.get("headers"), Some(&Arg::List(headers("Wann,Kunde,Reise,Umgebung,Art,Probe"))));
    // What the viewer's mapping step asks for.
    let (fields, found) = error.missing_columns().expect("missing columns");
    assert_eq!(fields, ["time", "profile"]);
    assert_eq!(found, headers("Wann,Kunde,Reise,Umgebung,Art,Probe"));
}

#[test]
fn a_mapping_by_field_names_reads_the_odd_csv_as_the_standard_one() {
    let names = BTreeMap::from([
        ("time".to_string(), "Wann".to_string()),
        ("profile".to_string(), "Kunde".to_string()),
        ("journey or campaign".to_string(), "Reise".to_string()),
        ("sandbox".to_string(), "Umgebung".to_string()),
        ("sandbox type".to_string(), "Art".to_string()),
        ("dry run".to_string(), "Probe".to_string()),
        ("not a field".to_string(), "Wann".to_string()),
    ]);
    let mapping = by_field(&names);
    assert_eq!(mapping.len(), 6, "the name that is not a field is left out");
    let (mapped, result) = count_csv(&odd(), EventOptions { mapping, ..EventOptions::default() });
    result.expect("mapped");
    let (standard, result) = count_csv(STANDARD, EventOptions::default());
    result.expect("standard headers");
    let settings = EngageSettings::default();
    let (a, b) = (mapped.report(&settings, None), standard.report(&settings, None));
    assert_eq!(a.engageable.total, 3);
    assert_eq!((a.engageable.production, a.engageable.development), (2, 1));
    assert_eq!(a.dry_run_only, 1);
    assert_eq!(a.rejected.len(), 1);
    assert_eq!(a, b);
}

#[test]
fn only_the_required_fields_are_missing_and_a_mapped_header_that_is_not_there_is_said() {
    let odd = headers("Wann,Kunde,journeyName,Umgebung");
    let found = match_columns(&odd, &BTreeMap::new()).expect("no mapping");
    assert_eq!(missing(&found), [EventField::Time, EventField::Profile]);
    assert_eq!(found.get(&EventField::Journey), Some(&2));
    let half = BTreeMap::from([(EventField::Time, "Wann".to_string())]);
    assert_eq!(missing(&match_columns(&odd, &half).expect("mapped")), [EventField::Profile]);
    let wrong = BTreeMap::from([(EventField::Profile, "Who".to_string())]);
    assert_eq!(match_columns(&odd, &wrong), Err((EventField::Profile, "Who".to_string())));
    // For the step: what a count would read, by the fields' names; a mapped header the file lacks is not shown.
    let names =
        BTreeMap::from([("sandbox".to_string(), "Umgebung".to_string()), ("time".to_string(), "When".to_string())]);
    let shown = matched_columns(&odd, &names);
    assert_eq!(
        shown,
        BTreeMap::from([
            ("journey or campaign".to_string(), "journeyName".to_string()),
            ("sandbox".to_string(), "Umgebung".to_string())
        ])
    );
    let (_, result) =
        count_csv("Wann,Kunde\n2026-11-02,p1\n", EventOptions { mapping: by_field(&names), ..Default::default() });
    let error = result.expect_err("the mapped header is missing");
    assert_eq!(error.message.id, "event-mapped-header-missing");
    assert_eq!(error.message.args.get("header"), Some(&Arg::Text("When".into())));
    assert_eq!(error.missing_columns(), Some((vec!["time".to_string()], headers("Wann,Kunde"))));
}

fn step(time: &str, profile: &str, sandbox: Option<(&str, &str)>) -> String {
    let sandbox = sandbox.map(|(n, k)| format!(r#""sandbox":"{n}","sandboxType":"{k}","#)).unwrap_or_default();
    format!(
        r#"{{{sandbox}"timestamp":"{time}","_experience":{{"journeyOrchestration":{{"stepEvents":{{"profileID":"{profile}","journeyVersionName":"Welcome"}}}}}}}}"#
    ) + "\n"
}

fn prod() -> Sandbox {
    Sandbox::default()
}

#[test]
fn each_file_says_the_sandboxes_its_events_named_and_whether_some_named_none() {
    let mut c = EventCounter::default();
    let user = Sandbox::parse("emea:development").expect("a sandbox");
    // Unnamed events first, then one naming `prod` explicitly: the same (name, type) as the default, still named.
    let a = c.begin_file("a.json", None);
    let text =
        step("2026-11-02T10:00:00Z", "p1", None) + &step("2026-11-03T10:00:00Z", "p2", Some(("prod", "production")));
    c.push(a, text.as_bytes()).expect("read");
    c.end_file(a).expect("ended");
    let b = c.begin_file("b.json", Some(&user));
    let text = step("2026-11-02T10:00:00Z", "p1", Some(("dev", "development")))
        + &step("2026-11-04T10:00:00Z", "p3", Some(("dev", "development")));
    c.push(b, text.as_bytes()).expect("read");
    c.end_file(b).expect("ended");
    let d = c.begin_file("d.json", Some(&user));
    c.push(d, step("2026-11-05T10:00:00Z", "p4", None).as_bytes()).expect("read");
    c.end_file(d).expect("ended");
    assert_eq!(c.file_count(), 3);
    assert_eq!(c.file_sandboxes(a), Some(&FileSandboxes { named: vec![prod()], unnamed: true }));
    let dev = Sandbox { name: "dev".into(), kind: SandboxType::Development };
    assert_eq!(c.file_sandboxes(b), Some(&FileSandboxes { named: vec![dev], unnamed: false }));
    assert_eq!(c.file_sandboxes(d), Some(&FileSandboxes { named: vec![], unnamed: true }));
    assert_eq!(c.file_sandboxes(3), None);
    // The user's sandbox of the last file is counted as its type says.
    let r = c.report(&EngageSettings::default(), None);
    let sandboxes: Vec<(&str, &str, u64)> =
        r.engageable.sandboxes.iter().map(|s| (s.name.as_str(), s.kind.as_str(), s.profiles)).collect();
    assert_eq!(sandboxes, [("dev", "development", 2), ("prod", "production", 2), ("emea", "development", 1)]);
}

#[test]
fn what_files_said_of_their_sandbox_survives_a_merge_and_a_round_trip() {
    let mut first = EventCounter::default();
    let a = first.begin_file("a.json", None);
    first.push(a, step("2026-11-02T10:00:00Z", "p1", None).as_bytes()).expect("read");
    first.end_file(a).expect("ended");
    let mut second = EventCounter::default();
    let b = second.begin_csv("b.csv", None);
    second.push(b, b"timestamp,profileID,sandbox\n2026-11-02T10:00:00Z,p1,emea\n").expect("read");
    second.end_file(b).expect("ended");
    first.merge(second);
    let bytes = bincode::serialize(&first).expect("serialised");
    let back: EventCounter = bincode::deserialize(&bytes).expect("read back");
    assert_eq!(back.file_sandboxes(0), Some(&FileSandboxes { named: vec![], unnamed: true }));
    let emea = Sandbox { name: "emea".into(), kind: SandboxType::Production };
    assert_eq!(back.file_sandboxes(1), Some(&FileSandboxes { named: vec![emea], unnamed: false }));
}
