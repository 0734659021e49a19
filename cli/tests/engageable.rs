//! `active-profiles engageable`: the built binary on small engagement-event exports written by the test, one test or more per flag.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles")).current_dir(dir).args(args).output().expect("run")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("JSON")
}

fn write(dir: &Path, path: &str, text: &str) -> PathBuf {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

fn step(time: &str, profile: &str, journey: &str, sandbox: Option<(&str, &str)>, dry: bool) -> String {
    let sb = sandbox.map_or(String::new(), |(n, k)| format!(r#""sandbox":"{n}","sandboxType":"{k}","#));
    format!(
        r#"{{"timestamp":"{time}",{sb}"_experience":{{"journeyOrchestration":{{"stepEvents":{{"profileID":"{profile}","journeyVersionName":"{journey}","inDryRun":{dry}}}}}}}}}"#
    )
}

/// steps/part-0.json (prod and dev events, a dry run, two rejects), steps/part-1.json.gz (gzip), a
/// Query Service CSV with no sandbox column, and a profile snapshot joining john@luma.com and CRM-7.
///
/// As of 2026-11-30: prod {john, mary, CRM-7 (CSV, user's sandbox or prod)}, dev {ecid-1 (dry run only)}.
fn export(dir: &Path) {
    let prod = Some(("prod", "production"));
    let lines = [
        step("2026-06-02T10:00:00Z", "john@luma.com", "Welcome", prod, false),
        step("2026-11-30T10:00:00Z", "mary@luma.com", "Summer sale", prod, false),
        step("2026-11-29T23:30:00-02:00", "ecid-1", "Welcome (test)", Some(("dev", "development")), true),
        r#"{"timestamp":"yesterday","_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"x"}}}}"#
            .to_string(),
        r#"{"_experience":{"journeyOrchestration":{"stepEvents":{"journeyVersionName":"Welcome"}}}}"#.to_string(),
    ];
    write(dir, "steps/part-0.json", &(lines.join("\n") + "\n"));
    let old = step("2024-01-10T10:00:00Z", "gone@luma.com", "Welcome", prod, false) + "\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, old.as_bytes()).expect("gzip");
    std::fs::write(dir.join("steps/part-1.json.gz"), gz.finish().expect("gzip")).expect("write");
    write(
        dir,
        "query.csv",
        "timestamp,profileID,journeyVersionName\n2026-10-01 09:00:00,CRM-7,Winback\n2026-10-02,,Winback\n",
    );
    write(
        dir,
        "snapshot/exportTime=202611300000/part-0.json",
        "{\"identityMap\":{\"Email\":[{\"id\":\"john@luma.com\",\"primary\":true}],\"CRMID\":[{\"id\":\"CRM-7\"}]}}\n",
    );
    write(dir, "notes.pdf", "%PDF-1.4 not events");
}

#[test]
fn json_has_every_figure_of_the_report_with_folders_walked() {
    let dir = tempfile::tempdir().expect("tmp");
    export(dir.path());
    let out = run(dir.path(), &["engageable", "steps", "query.csv", "--format", "json"]);
    let r = json(&out);
    assert_eq!(r["format"], "engageable/1");
    assert_eq!(r["as_of"], "2026-11-30");
    assert_eq!(r["window"], serde_json::json!({"from": "2025-12-01", "to": "2026-11-30"}));
    assert_eq!(
        r["engageable"],
        serde_json::json!({"total": 4, "production": 3, "development": 1, "sandboxes": [
            {"name": "prod", "type": "production", "profiles": 3},
            {"name": "dev", "type": "development", "profiles": 1}]})
    );
    assert_eq!(r["dry_run_only"], 1);
    assert_eq!(r["stitched"], false);
    let journeys: Vec<(String, u64)> = r["by_journey"]
        .as_array()
        .expect("list")
        .iter()
        .map(|j| (j["name"].as_str().expect("name").to_string(), j["profiles"].as_u64().expect("n")))
        .collect();
    assert_eq!(journeys.len(), 4);
    assert!(journeys.contains(&("Winback".to_string(), 1)));
    // 23:30 at -02:00 on the 29th is the 30th in UTC.
    let daily = r["daily"].as_array().expect("daily");
    assert_eq!(daily.len(), 365);
    assert_eq!(
        daily[364],
        serde_json::json!({"date": "2026-11-30", "engageable": 4, "newly_engaged": 2, "production": 3})
    );
    assert_eq!(r["rows"], serde_json::json!({"read": 8, "counted": 5, "rejected": 3}));
    let rejected: Vec<(String, u64, String)> = r["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .map(|x| {
            (
                x["file"].as_str().expect("f").to_string(),
                x["line"].as_u64().expect("l"),
                x["reason"].as_str().expect("r").to_string(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        vec![
            ("steps/part-0.json".to_string(), 4, "time 'yesterday' is not a date".to_string()),
            ("steps/part-0.json".to_string(), 5, "no profile".to_string()),
            ("query.csv".to_string(), 3, "no profile".to_string()),
        ]
    );
    let formats: Vec<&str> =
        r["files"].as_array().expect("files").iter().map(|f| f["format"].as_str().expect("fmt")).collect();
    assert_eq!(formats, ["JSON lines", "JSON lines (gzip)", "CSV (,)"]);
    assert_eq!(r["licence"], Value::Null);
    // Expiring: john leaves 2027-06-02, CRM-7 2027-10-01, mary and ecid-1 2027-11-30.
    let expiring: Vec<(String, u64)> = r["expiring"]
        .as_array()
        .expect("expiring")
        .iter()
        .filter(|e| e["profiles"].as_u64() != Some(0))
        .map(|e| (e["month"].as_str().expect("m").to_string(), e["profiles"].as_u64().expect("n")))
        .collect();
    assert_eq!(expiring, vec![("2027-06".into(), 1), ("2027-10".into(), 1), ("2027-11".into(), 2)]);
}

#[test]
fn as_of_licensed_and_profiles_stitch_and_predict() {
    let dir = tempfile::tempdir().expect("tmp");
    export(dir.path());
    // A year earlier: only the old gzip event counts.
    let r = json(&run(dir.path(), &["engageable", "steps", "--as-of", "2024-06-30", "--format", "json"]));
    assert_eq!(r["engageable"]["total"], 1);
    assert_eq!(r["window"]["from"], "2023-07-01");
    // The snapshot joins john@luma.com and CRM-7: one profile fewer.
    let r = json(&run(
        dir.path(),
        &["engageable", "steps", "query.csv", "--profiles", "snapshot", "--licensed", "10", "--format", "json"],
    ));
    assert_eq!(r["stitched"], true);
    assert_eq!(r["stitched_joined"], 1);
    assert_eq!(r["engageable"]["total"], 3);
    assert_eq!(r["licence"]["licensed"], 10);
    assert_eq!(r["licence"]["used"], 2);
    assert_eq!(r["licence"]["percent"], 20.0);
    assert_eq!(r["licence"]["predicted"]["date"], "2027-01-11");
    let (low, high) = (
        r["licence"]["predicted"]["low"].as_u64().expect("low"),
        r["licence"]["predicted"]["high"].as_u64().expect("high"),
    );
    assert!(low <= high, "{low} {high}");
}

#[test]
fn sandbox_and_time_zone_place_the_events() {
    let dir = tempfile::tempdir().expect("tmp");
    export(dir.path());
    let r = json(&run(dir.path(), &["engageable", "query.csv", "--sandbox", "emea:development", "--format", "json"]));
    assert_eq!(
        r["engageable"]["sandboxes"],
        serde_json::json!([{"name": "emea", "type": "development", "profiles": 1}])
    );
    assert_eq!(r["engageable"]["development"], 1);
    // At -03:00 the dry run of 23:30 at -02:00 stays on the 29th: not newly engaged on the 30th.
    let r = json(&run(dir.path(), &["engageable", "steps", "--time-zone=-03:00", "--format", "json"]));
    assert_eq!(r["time_zone"], "-03:00");
    let daily = r["daily"].as_array().expect("daily");
    assert_eq!(daily[daily.len() - 1]["newly_engaged"], 1);
    assert_eq!(daily[daily.len() - 2]["newly_engaged"], 1);
    let bad = run(dir.path(), &["engageable", "steps", "--sandbox", "x:staging"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sandbox type 'staging' is not production or development"));
    let bad = run(dir.path(), &["engageable", "steps", "--time-zone", "Mars/Olympus"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Mars/Olympus"));
}

/// The days on which a series changes, as (date, new count), from the report's `daily` dates (a
/// count above 0 on the first day is a change from nothing).
fn changes(r: &Value, series: &Value) -> Vec<(String, u64)> {
    let days = r["daily"].as_array().expect("daily");
    let counts = series.as_array().expect("counts");
    assert_eq!(counts.len(), days.len(), "one count per day of daily");
    let mut before = 0;
    let mut out = Vec::new();
    for (d, n) in days.iter().zip(counts) {
        let n = n.as_u64().expect("a count");
        if n != before {
            out.push((d["date"].as_str().expect("date").to_string(), n));
            before = n;
        }
    }
    out
}

#[test]
fn sandbox_daily_is_one_series_per_sandbox_aligned_with_daily() {
    let dir = tempfile::tempdir().expect("tmp");
    let (prod, dev, emea) = (Some(("prod", "production")), Some(("dev", "development")), Some(("emea", "production")));
    let lines = [
        step("2025-01-25T10:00:00Z", "e1", "Welcome", emea, false),
        step("2026-01-02T10:00:00Z", "p1", "Welcome", prod, false),
        step("2026-01-05T10:00:00Z", "p2", "Welcome", prod, false),
        step("2026-01-05T11:00:00Z", "p2", "Winback", prod, false),
        step("2026-01-06T10:00:00Z", "p1", "Winback", prod, false),
        step("2026-01-03T10:00:00Z", "d1", "Welcome (test)", dev, true),
        step("2026-01-31T10:00:00Z", "p2", "Winback", prod, false),
    ];
    write(dir.path(), "steps.json", &(lines.join("\n") + "\n"));
    let r = json(&run(dir.path(), &["engageable", "steps.json", "--format", "json"]));
    assert_eq!(r["as_of"], "2026-01-31");
    let daily = r["daily"].as_array().expect("daily");
    assert_eq!((daily.len(), daily[0]["date"].as_str()), (365, Some("2025-02-01")));
    // emea's one profile left on 2026-01-25 (a year after its event): listed last, with 0 today.
    let lines = r["sandbox_daily"].as_array().expect("sandbox_daily");
    let named: Vec<(&str, &str)> =
        lines.iter().map(|s| (s["name"].as_str().expect("name"), s["type"].as_str().expect("type"))).collect();
    assert_eq!(named, [("prod", "production"), ("dev", "development"), ("emea", "production")]);
    let to = |v: &[(&str, u64)]| v.iter().map(|(d, n)| (d.to_string(), *n)).collect::<Vec<_>>();
    assert_eq!(changes(&r, &lines[0]["engageable"]), to(&[("2026-01-02", 1), ("2026-01-05", 2)]));
    assert_eq!(changes(&r, &lines[1]["engageable"]), to(&[("2026-01-03", 1)]));
    assert_eq!(changes(&r, &lines[2]["engageable"]), to(&[("2025-02-01", 1), ("2026-01-25", 0)]));
    // On every day the sandboxes add up to the total, the production ones to the production count.
    for (i, d) in daily.iter().enumerate() {
        let at = |k: usize| lines[k]["engageable"][i].as_u64().expect("count");
        assert_eq!(d["engageable"].as_u64(), Some(at(0) + at(1) + at(2)), "{d}");
        assert_eq!(d["production"].as_u64(), Some(at(0) + at(2)), "{d}");
    }
    assert_eq!(r["engageable"]["sandboxes"].as_array().map(Vec::len), Some(2));

    // As of 2026-01-04 the three have one profile each: by name.
    let r = json(&run(dir.path(), &["engageable", "steps.json", "--format", "json", "--as-of", "2026-01-04"]));
    let names: Vec<&str> =
        r["sandbox_daily"].as_array().expect("list").iter().map(|s| s["name"].as_str().expect("name")).collect();
    assert_eq!(names, ["dev", "emea", "prod"]);

    // The CSV carries them as section sandbox_daily: the day, type:sandbox and the count.
    let out = run(dir.path(), &["engageable", "steps.json", "--format", "csv"]);
    let csv = stdout(&out);
    assert!(csv.contains("\nsandbox_daily,2026-01-05,production:prod,2\n"), "{csv}");
    assert!(csv.contains("\nsandbox_daily,2026-01-24,production:emea,1\nsandbox_daily,2026-01-25,production:emea,0\n"));
    assert_eq!(csv.lines().filter(|l| l.starts_with("sandbox_daily,")).count(), 3 * 365);
}

#[test]
fn text_csv_output_and_lang() {
    let dir = tempfile::tempdir().expect("tmp");
    export(dir.path());
    let text = stdout(&run(dir.path(), &["engageable", "steps", "query.csv", "--licensed", "10"]));
    assert!(text.contains("Engageable profiles: 4"), "{text}");
    assert!(text.contains("Licence usage: 3 of 10 (30.0 %)"), "{text}");
    assert!(text.contains("Engaged by dry runs only (counted): 1"), "{text}");
    assert!(text.contains("steps/part-0.json, line 5: no profile"), "{text}");
    let fr = stdout(&run(dir.path(), &["engageable", "steps", "query.csv", "--lang", "fr"]));
    assert!(fr.contains("Profils engageables : 4"), "{fr}");
    assert!(fr.contains("aucun profil"), "{fr}");
    let out = run(dir.path(), &["engageable", "steps", "query.csv", "--format", "csv", "--output", "r.csv"]);
    assert!(out.status.success());
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).expect("csv");
    assert!(csv.starts_with("section,item,detail,value\nsummary,as_of,,2026-11-30\n"), "{csv}");
    assert!(csv.contains("\nsandbox,prod,production,3\n"), "{csv}");
    assert!(csv.contains("\nrejected,query.csv,3,no profile\n"), "{csv}");
}

#[test]
fn nothing_to_count_exits_2_and_says_why() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "empty.json", "\n");
    let out = run(dir.path(), &["engageable", "empty.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no events could be read in empty.json"));
    write(dir.path(), "bad.csv", "who,when\na,b\n");
    let out = run(dir.path(), &["engageable", "bad.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.csv, line 1: no column found for time, profile (headers: who, when)"), "{err}");
}

#[test]
fn bundle_is_one_offline_file_with_the_figures() {
    let dir = tempfile::tempdir().expect("tmp");
    export(dir.path());
    let out = run(
        dir.path(),
        &["engageable", "steps", "query.csv", "--licensed", "10", "--bundle", "r.html", "--lang", "de"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("bundle");
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("Ansprechbare Profile"));
    assert!(html.contains(r#"data-testid="eng-total" data-value="4""#), "total tile");
    assert!(html.contains(r#"data-testid="eng-used" data-value="3""#), "usage tile");
    assert!(html.contains(r#"data-testid="eng-percent" data-value="30.0""#), "percent tile");
    assert!(!html.contains("john@luma.com") && !html.contains("<script>"), "counts only, no script");
    // The daily chart has a line per sandbox in each of its drawings (1 year and 30 days, wide and
    // narrow), coloured by the inline stylesheet, and a legend entry per sandbox.
    let prod = html.matches(r#"<polyline class="series-line series-0" data-series="prod" data-values=""#).count();
    let dev = html.matches(r#"<polyline class="series-line series-1" data-series="dev" data-values=""#).count();
    assert_eq!((prod, dev), (4, 4));
    assert!(html.contains(".series-line {"), "the stylesheet colours the lines");
    assert!(html.contains("Sandbox prod (Produktion)") && html.contains("Sandbox dev (Entwicklung)"), "legend");
    match views::bundle::extract_any(&html).expect("a report inside") {
        views::bundle::AnyReport::Engageable(r) => assert_eq!(r.engageable.total, 4),
        other => panic!("not an engageable report: {other:?}"),
    }
}

/// The JSON report and what `--stats` says of the byte ranges.
fn json_and_ranges(dir: &Path, args: &[&str]) -> (Value, String) {
    let mut all = vec!["--stats", "engageable", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let ranges = stderr.lines().find(|l| l.contains("byte ranges")).unwrap_or_default().to_string();
    (json(&out), ranges)
}

#[test]
fn a_large_json_lines_file_cut_into_byte_ranges_gives_the_report_of_one_thread() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = run(dir.path(), &["generate", "--events", "gen", "--rows", "3000", "--files", "1", "--seed", "7"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = "gen/journey_step_events/part-00000.json";
    let one = json(&run(dir.path(), &["engageable", "--format", "json", "--threads", "1", file]));
    assert_eq!(one["rows"]["read"], 3015, "3000 events and 15 rejected lines");
    assert_eq!(one["rejected"].as_array().expect("rejected").len(), 15);
    let (cut, ranges) = json_and_ranges(dir.path(), &["--threads", "2", "--part-bytes", "4096", file]);
    assert_eq!(ranges, "stats: 2 byte ranges, 0 read again");
    assert_eq!(cut, one, "2 ranges");
    // Without --part-bytes, two threads read a file whole (as `profiles` does); from three they cut it.
    let (two, ranges) = json_and_ranges(dir.path(), &["--threads", "2", file]);
    assert_eq!((two, ranges.as_str()), (one.clone(), ""));
    let (five, ranges) = json_and_ranges(dir.path(), &["--threads", "5", "--part-bytes", "4096", file]);
    assert_eq!(ranges, "stats: 5 byte ranges, 0 read again");
    assert_eq!(five, one, "5 ranges");
}

#[test]
fn slash_dates_told_late_in_the_file_or_both_ways_read_as_in_one_pass() {
    let dir = tempfile::tempdir().expect("tmp");
    // 300 lines of dates that could be either order, with a rejected line among them (line 151).
    let mut lines: Vec<String> = (0..300)
        .map(|n| step(&format!("{:02}/{:02}/2026", 1 + n % 12, 1 + (n + 5) % 12), &format!("p{n}"), "J", None, false))
        .collect();
    lines.insert(150, r#"{"timestamp":"03/04/2026"}"#.to_string());
    // late.json: the last line tells month first (05/13), not the default day first: the first ranges
    // wait for the last one.
    let mut late = lines.clone();
    late.push(step("05/13/2026", "last", "J", None, false));
    write(dir.path(), "late.json", &(late.join("\n") + "\n"));
    // both.json: the first range tells day first, the last month first (05/13): one pass rejects that
    // date, and the range that read it in its own order is read again whole.
    let mut both = lines.clone();
    both.insert(20, step("13/05/2026", "first", "J", None, false));
    both.push(step("05/13/2026", "other", "J", None, false));
    write(dir.path(), "both.json", &(both.join("\n") + "\n"));
    for (file, again, rejected) in [("late.json", "0", [151].as_slice()), ("both.json", "1", &[152, 303])] {
        let one = json(&run(dir.path(), &["engageable", "--format", "json", "--threads", "1", file]));
        let (cut, ranges) = json_and_ranges(dir.path(), &["--threads", "3", "--part-bytes", "1000", file]);
        assert_eq!(ranges, format!("stats: 3 byte ranges, {again} read again"), "{file}");
        assert_eq!(cut, one, "{file}");
        let lines: Vec<u64> =
            one["rejected"].as_array().expect("rejected").iter().map(|r| r["line"].as_u64().expect("line")).collect();
        assert_eq!(lines, rejected, "{file}");
        assert!(one["warnings"].as_array().expect("warnings").is_empty(), "the file told its order: {file}");
        assert_eq!(one["files"][0]["events"], 301, "{file}");
    }
    // late.json's dates were read month first: its latest is 12/05, 5 December (day first, 07/12 would be).
    let late = json(&run(
        dir.path(),
        &["engageable", "--format", "json", "--threads", "3", "--part-bytes", "1000", "late.json"],
    ));
    assert_eq!(late["as_of"], "2026-12-05");
}
