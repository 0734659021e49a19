//! Shared by the engageable SQL tests: step events written as CSV, the engine's report of them, the script run in a warehouse, and the comparison.
//!
//! Each check counts a CSV of step events with `active-profiles engageable
//! --format json`, loads the same file into a warehouse table (every column
//! as text), runs the script that `active-profiles sql --report engageable`
//! printed, turns the exported aggregate into a report with `engageable
//! --from-aggregate`, and compares the two: every key of the JSON but
//! `files` (one entry naming the table, its events the counted rows),
//! `rejected` (by reason with a count, without lines) and `warnings` (the
//! aggregate's report says it came from the warehouse).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use engine::engage::generate::{write_events_csv, EventSpec};
use serde_json::Value;

/// The header of every CSV the tests write: the script's default columns.
pub const HEADER: &str = "timestamp,profile_id,journey,sandbox,sandbox_type,in_dry_run";

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs the command, fails the test with its output when it fails.
pub fn ok(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A generated export (the spike, dry runs, two sandboxes, campaigns, rejected events) as the CSV of
/// a Query Service query, under the script's default column names.
pub fn generated(dir: &Path) -> PathBuf {
    let spec = EventSpec { seed: 7, events: 6000, people: 1500, files: 1, ..EventSpec::default() };
    let mut bytes = Vec::new();
    write_events_csv(&spec, &mut |_, line| bytes.extend_from_slice(line));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let (_, rows) = text.split_once('\n').expect("a header");
    let path = dir.join("generated.csv");
    std::fs::write(&path, format!("{HEADER}\n{rows}")).expect("write");
    path
}

/// Hand-written edge cases: 29 February (events on it, an as-of date on it, offsets that move a
/// time onto it), offsets of every layout, times without seconds or with a comma fraction, a
/// missing sandbox, an unknown sandbox type, dry runs in several spellings, a profile engaged by
/// dry runs only, keys that differ by case, and rows rejected for each reason.
pub fn edge_cases(dir: &Path) -> PathBuf {
    let rows = [
        "2023-02-28T12:00:00Z,p1,Welcome,prod,production,false",
        "2023-03-01,p2,Welcome,prod,production,false",
        "2024-02-28T23:30:00-02:00,p3,Winback,prod,production,false",
        "2024-03-01T00:30:00+02:00,p4,Winback,prod,production,false",
        "2024-02-29 10:00,p5,Summer sale,,,TRUE",
        "2024-02-29T10:00:00.5+0530,p6,Summer sale,prod,PROD,no",
        "\"2024-02-29T10:00:00,5Z\",p6,Birthday,prod,production,false",
        "2024-02-29T22:00:00-05,p7,Welcome,prod,production,false",
        "2025-02-28T23:59:59 UTC,p7,Birthday,dev,development,1",
        "2025-03-01T00:00:00+01,p7,Birthday,dev,dev,0",
        "2025-03-01,p8,Welcome,qa,staging,yes",
        "2025-03-01,p9,Welcome,emea,staging,",
        "2024-06-15T08:00:00Z,p1,Welcome (test),prod,production,true",
        "2024-06-15T09:00:00Z,p10,Welcome (test),prod,production,t",
        "2025-06-01T00:00:00-05:00,p2,,prod,production,false",
        "2024-05-05T07:00:00z,P1,Welcome,prod,production,false",
        "2024-05-06   7:05,p11,Winback,,,",
        "2024-05-08t10:00:00 GMT,p12,Winback,emea,,",
        "2026-01-10T10:00:00Z,p3,Winback,prod,production,false",
        "2026-02-28T23:00:00-01:00,p13,Welcome,prod,production,false",
        ",p14,Welcome,prod,production,false",
        "2025-01-01T10:00:00Z,,Welcome,prod,production,false",
        "yesterday,p15,Welcome,prod,production,false",
        "2025-02-30,p16,Welcome,prod,production,false",
        "2025-13-01T10:00:00Z,p17,Welcome,prod,production,false",
        "2024-01-01T25:00:00Z,p18,Welcome,prod,production,false",
        "2024-01-01T10:00:00+19:00,p19,Welcome,prod,production,false",
        "2024-01-01T10:00:00+0530Z,p20,Welcome,prod,production,false",
    ];
    let path = dir.join("edge.csv");
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("write");
    path
}

/// One comparison: a file of events, the options both the engine and the script get (`--as-of`,
/// `--sandbox`) and the licensed number given to both reports.
pub struct Case {
    pub what: String,
    pub file: PathBuf,
    pub args: Vec<String>,
    pub licensed: u64,
}

/// The cases every warehouse runs: the generated export as of its last day and as of a past date
/// with later events present; the edge cases as of their last day, of 29 February, of the day
/// before 1 March 2025 with another default sandbox, and of 1 March 2025.
pub fn cases(dir: &Path) -> Vec<Case> {
    let gen = generated(dir);
    let edge = edge_cases(dir);
    let case = |what: &str, file: &PathBuf, args: &[&str], licensed: u64| Case {
        what: what.to_string(),
        file: file.clone(),
        args: args.iter().map(|a| a.to_string()).collect(),
        licensed,
    };
    vec![
        case("generated", &gen, &[], 1200),
        case("generated as of 2026-06-30", &gen, &["--as-of", "2026-06-30"], 1000),
        case("edge cases", &edge, &[], 10),
        case("edge cases as of 2024-02-29", &edge, &["--as-of", "2024-02-29"], 10),
        case(
            "edge cases as of 2025-02-28, emea",
            &edge,
            &["--as-of", "2025-02-28", "--sandbox", "emea:development"],
            5,
        ),
        case("edge cases as of 2025-03-01", &edge, &["--as-of", "2025-03-01"], 0),
    ]
}

/// `active-profiles engageable FILE --format json` with the case's options.
pub fn engine_report(case: &Case) -> Value {
    let mut cmd = bin();
    cmd.arg("engageable").arg(&case.file).args(["--format", "json", "--licensed", &case.licensed.to_string()]);
    cmd.args(&case.args);
    serde_json::from_slice(&ok(&mut cmd)).expect("JSON report")
}

/// Writes the script of `case` for `dialect`, reading `table` and exporting to `aggregate`.
pub fn write_script(case: &Case, dialect: &str, table: &str, aggregate: &str, script: &Path) {
    let mut cmd = bin();
    cmd.args(["sql", "--report", "engageable", "--dialect", dialect, "--table", table, "--aggregate", aggregate]);
    cmd.arg("--output").arg(script).args(&case.args);
    ok(&mut cmd);
}

/// `active-profiles engageable --from-aggregate FILE --format json` with the case's licensed number.
pub fn aggregate_report(aggregate: &Path, case: &Case) -> Value {
    let mut cmd = bin();
    cmd.arg("engageable").arg("--from-aggregate").arg(aggregate);
    cmd.args(["--format", "json", "--licensed", &case.licensed.to_string()]);
    serde_json::from_slice(&ok(&mut cmd)).expect("JSON report from the aggregate")
}

/// Rejected events by reason: the engine's quote the time, the aggregate's give a count.
fn rejected_by_reason(report: &Value, from_aggregate: bool) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for r in report["rejected"].as_array().into_iter().flatten() {
        let reason = r["reason"].as_str().unwrap_or("");
        let (kind, n) = if from_aggregate {
            let (kind, rest) = reason.rsplit_once(" (").unwrap_or((reason, "1 row)"));
            (kind.to_string(), rest.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0))
        } else if reason.starts_with("time '") && reason.ends_with("' is not a date") {
            ("time is not a date".to_string(), 1)
        } else {
            (reason.to_string(), 1)
        };
        *out.entry(kind).or_default() += n;
    }
    out
}

/// The two reports agree on every figure, or what differs.
pub fn same(engine: &Value, warehouse: &Value, table: &str, what: &str) -> Result<(), String> {
    let skip = ["files", "rejected", "warnings", "warning_messages"];
    let keys: std::collections::BTreeSet<&String> =
        engine.as_object().into_iter().chain(warehouse.as_object()).flat_map(|o| o.keys()).collect();
    let mut diffs = Vec::new();
    for k in keys {
        if !skip.contains(&k.as_str()) && engine[k] != warehouse[k] {
            diffs.push(format!("{k}:\n  engine:         {}\n  from aggregate: {}", engine[k], warehouse[k]));
        }
    }
    let (a, b) = (rejected_by_reason(engine, false), rejected_by_reason(warehouse, true));
    if a != b {
        diffs.push(format!("rejected by reason:\n  engine:         {a:?}\n  from aggregate: {b:?}"));
    }
    let files = &warehouse["files"];
    if files.as_array().map(Vec::len) != Some(1)
        || files[0]["name"] != table
        || files[0]["events"] != warehouse["rows"]["counted"]
    {
        diffs.push(format!("files: {files}"));
    }
    let mut warnings = engine["warnings"].as_array().cloned().unwrap_or_default();
    let said = warehouse["warnings"].as_array().cloned().unwrap_or_default();
    warnings.extend(
        said.iter().filter(|w| w.as_str().is_some_and(|w| w.contains("from the SQL of active-profiles"))).cloned(),
    );
    if warnings != said || said.is_empty() {
        diffs.push(format!("warnings: {said:?}"));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: the warehouse's report differs:\n{}", diffs.join("\n")))
    }
}

/// Every comparison that failed, said at once.
pub fn assert_all(failures: Vec<String>, total: usize) {
    assert!(failures.is_empty(), "{} of {total} comparisons differ:\n{}", failures.len(), failures.join("\n"));
}

/// The date a report is as of.
pub fn as_of(report: &Value) -> Option<NaiveDate> {
    report["as_of"].as_str().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The cases exercise what they are there for: the engine's reports have a spike, dry runs, every
/// rejection reason, a prediction, the 13th expiring month of an as-of date on 29 February, and
/// events after a past as-of date.
pub fn check_the_cases_exercise_the_rules(cases: &[Case]) {
    let reports: Vec<Value> = cases.iter().map(engine_report).collect();
    let generated = &reports[0];
    assert!(!generated["spikes"].as_array().expect("spikes").is_empty(), "{}", generated["spikes"]);
    assert!(generated["dry_run_only"].as_u64() > Some(0));
    assert!(generated["licence"]["predicted"].is_object());
    assert_eq!(rejected_by_reason(generated, false).len(), 3, "{}", generated["rejected"]);
    let lines = generated["sandbox_daily"].as_array().expect("sandbox_daily");
    assert_eq!(lines.iter().map(|s| s["name"].as_str()).collect::<Vec<_>>(), [Some("prod"), Some("dev")]);
    // Some case has a sandbox engaged in its series but not on its as-of date.
    let gone = |r: &Value| {
        r["sandbox_daily"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|s| s["engageable"].as_array().and_then(|c| c.last()) == Some(&0.into()))
    };
    assert!(reports.iter().any(gone), "a sandbox line ending at 0");
    let past = &reports[1];
    assert!(!past["spikes"].as_array().expect("spikes").is_empty());
    assert_eq!(as_of(past), NaiveDate::from_ymd_opt(2026, 6, 30));
    let edge = &reports[2];
    assert_eq!(rejected_by_reason(edge, false).get("time is not a date"), Some(&6), "{}", edge["rejected"]);
    let leap = &reports[3];
    assert_eq!(leap["window"]["from"], "2023-03-01");
    let months = leap["expiring"].as_array().expect("expiring");
    assert_eq!((months.len(), &months[12]["month"]), (13, &Value::from("2025-03")));
    assert!(months[12]["profiles"].as_u64() > Some(0), "{}", leap["expiring"]);
    // 23:30 at -02:00 on the 28th and 00:30 at +02:00 on 1 March are both 29 February in UTC.
    let last = leap["daily"].as_array().and_then(|d| d.last()).cloned().unwrap_or_default();
    assert_eq!(last["date"], "2024-02-29");
    assert!(last["newly_engaged"].as_u64() >= Some(4), "{last}");
    // The rows without a sandbox, and emea's without a type, are in the given sandbox emea (development).
    let emea = serde_json::json!({"name": "emea", "type": "development", "profiles": 3});
    assert!(reports[4]["engageable"]["sandboxes"].as_array().expect("sandboxes").contains(&emea));
}
