//! Command-line tests: the built `active-profiles` binary on exports written by the generator into a temp dir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use engine::generate::{self, DateFormat, Encoding, EnumStyle, GeneratorConfig, HeaderStyle, Layout, Summary};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().expect("run active-profiles")
}

fn write_export(dir: &Path, name: &str, config: &GeneratorConfig) -> (PathBuf, Summary) {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create export");
    let summary = generate::generate_log(config, file).expect("generate");
    (path, summary)
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "exit {:?}: {}", output.status, String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn sum(list: &Value, key: &str) -> u64 {
    list.as_array().expect("a list").iter().map(|x| u(&x[key])).sum()
}

fn by_name(list: &Value, key: &str) -> Vec<(String, u64)> {
    list.as_array().expect("a list").iter().map(|x| (x["name"].as_str().unwrap_or("").to_owned(), u(&x[key]))).collect()
}

/// The `rows` and `excluded` blocks are what the generator says it wrote; the blocks add up.
fn check_report(report: &Value, summary: &Summary) {
    let rows = &report["rows"];
    assert_eq!(u(&rows["read"]), summary.rows, "{rows}");
    assert_eq!(u(&rows["counted"]), summary.counted, "{rows}");
    assert_eq!(u(&rows["excluded"]), summary.excluded.total(), "{rows}");
    assert_eq!(u(&rows["rejected"]), summary.rejected, "{rows}");
    let excluded: Vec<(String, u64)> = report["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .map(|x| (x["reason"].as_str().unwrap_or("").to_owned(), u(&x["rows"])))
        .collect();
    let want = [
        ("proof", summary.excluded.proof),
        ("social", summary.excluded.social),
        ("control", summary.excluded.control),
        ("status", summary.excluded.status),
        ("failure_reason", summary.excluded.failure_reason),
    ];
    for (reason, n) in want {
        let got = excluded.iter().find(|(r, _)| r == reason).map(|(_, n)| *n).unwrap_or(0);
        assert_eq!(got, n, "excluded {reason}: {excluded:?}");
    }
    let unknown: u64 = report["unrecognised"]
        .as_array()
        .expect("unrecognised")
        .iter()
        .filter(|x| x["field"] == "status")
        .map(|x| u(&x["rows"]))
        .sum();
    assert_eq!(unknown, summary.unknown_status);

    let total = u(&report["total_active"]);
    assert!(total > 0);
    assert_eq!(sum(&report["dimensions"], "active"), total);
    assert_eq!(sum(&report["instances"], "active"), total);
    assert_eq!(sum(&report["expiring"], "profiles"), total);
    for instance in report["instances"].as_array().expect("instances") {
        assert_eq!(sum(&instance["dimensions"], "active"), u(&instance["active"]));
    }
    let rejected_listed = report["rejected"].as_array().expect("rejected").len() as u64;
    assert_eq!(rejected_listed, summary.rejected.min(100));
}

#[test]
fn json_report_matches_the_generator_and_adds_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = GeneratorConfig {
        rows: 30_000,
        instances: vec!["campaign-prod".into(), "campaign-emea".into()],
        ..GeneratorConfig::default()
    };
    let (path, summary) = write_export(dir.path(), "export.csv", &config);
    let out = run(dir.path(), &["report", "--format", "json", path.to_str().expect("path")]);
    let report = json(&out);
    check_report(&report, &summary);
    assert_eq!(report["as_of"], "2026-10-24");
    assert_eq!(report["window"]["from"], "2025-10-25");
    let dims = by_name(&report["dimensions"], "active");
    for name in ["Recipients", "Visitors", "Subscriptions", "Anonymous"] {
        assert!(dims.iter().any(|(n, a)| n == name && *a > 0), "{name} in {dims:?}");
    }
    let instances = by_name(&report["instances"], "active");
    assert_eq!(instances.len(), 2, "{instances:?}");
}

#[test]
fn split_files_on_threads_give_the_same_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = GeneratorConfig { rows: 6_000, instances: vec!["campaign-prod".into()], ..GeneratorConfig::default() };
    let mut paths = Vec::new();
    let mut summaries = Vec::new();
    for seed in 1..=3 {
        let (p, s) = write_export(dir.path(), &format!("part{seed}.csv"), &GeneratorConfig { seed, ..base.clone() });
        paths.push(p.to_str().expect("path").to_owned());
        summaries.push(s);
    }
    let mut args = vec!["report", "--format", "json", "--threads", "1"];
    args.extend(paths.iter().map(String::as_str));
    let one = json(&run(dir.path(), &args));
    args[4] = "3";
    let three = json(&run(dir.path(), &args));
    for key in
        ["total_active", "dimensions", "instances", "channels", "rows", "excluded", "snapshots", "expiring", "daily"]
    {
        assert_eq!(one[key], three[key], "{key}");
    }
    let read: u64 = summaries.iter().map(|s| s.rows).sum();
    assert_eq!(u(&three["rows"]["read"]), read);
    assert_eq!(three["files"].as_array().expect("files").len(), 3);
}

#[test]
fn one_file_cut_into_ranges_gives_the_same_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (big, summary) = write_export(dir.path(), "big.csv", &GeneratorConfig { rows: 20_000, ..Default::default() });
    // Quoted line breaks (some right where a cut falls), rejected rows, dates that tell the order late,
    // and Windows-1252 bytes after UTF-8 ones.
    let mut tricky = b"id;date;status;note\n".to_vec();
    for i in 0..3000 {
        let key = if i % 7 == 0 { String::new() } else { format!("k{}", i % 500) };
        let date = if i == 2500 { "25/01/2025".to_string() } else { format!("0{}/0{}/2025", 1 + i % 9, 1 + i % 8) };
        let note = if i % 3 == 0 { "\"a\nb;c\nd\"" } else { "café" };
        tricky.extend_from_slice(format!("{key};{date};Sent;{note}\n").as_bytes());
        if i == 1500 {
            tricky.extend_from_slice(b"k1;01/02/2025;Sent;caf\xE9\n");
        }
    }
    let tricky_path = dir.path().join("tricky.csv");
    std::fs::write(&tricky_path, &tricky).expect("write");
    for (path, parts) in [(&big, "4"), (&tricky_path, "7")] {
        let path = path.to_str().expect("path");
        let one = json(&run(dir.path(), &["report", "--format", "json", "--threads", "1", path]));
        let cut =
            json(&run(dir.path(), &["report", "--format", "json", "--threads", parts, "--part-bytes", "1000", path]));
        assert_eq!(one, cut, "{path}");
    }
    let one = json(&run(
        dir.path(),
        &["report", "--format", "json", "--threads", "4", "--part-bytes", "1000", big.to_str().expect("path")],
    ));
    check_report(&one, &summary);
    let output = run(
        dir.path(),
        &[
            "--stats",
            "report",
            "--format",
            "json",
            "--threads",
            "7",
            "--part-bytes",
            "1000",
            tricky_path.to_str().expect("path"),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let ranges = stderr.lines().find(|l| l.contains("byte ranges")).unwrap_or_default();
    assert!(ranges.starts_with("stats: 7 byte ranges, "), "{stderr}");
    assert!(!ranges.ends_with(", 0 read again"), "a cut falls inside a quoted line break: {ranges}");
    let tricky = json(&output);
    assert_eq!(u(&tricky["rows"]["read"]), 3001);
    assert_eq!(tricky["files"][0]["encoding"], "Windows-1252");
    let lines: Vec<u64> =
        tricky["rejected"].as_array().expect("rejected").iter().take(3).map(|r| u(&r["line"])).collect();
    // Rows 0, 7, 14 have no key; every third row spans three lines (row 0 starts on line 2).
    assert_eq!(lines, [2, 2 + 7 + 2 * 3, 2 + 14 + 2 * 5]);
}

#[test]
fn one_file_read_as_shards_gives_the_same_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (big, summary) = write_export(dir.path(), "big.csv", &GeneratorConfig { rows: 20_000, ..Default::default() });
    // Dates that tell the day/month order late (rows wait for it in every shard), rejected rows.
    let mut late = b"id;date;status\n".to_vec();
    for i in 0..3000 {
        let key = if i % 7 == 0 { String::new() } else { format!("k{}", i % 500) };
        let date = if i == 2500 { "25/01/2025".to_string() } else { format!("0{}/0{}/2025", 1 + i % 9, 1 + i % 8) };
        late.extend_from_slice(format!("{key};{date};Sent\n").as_bytes());
    }
    let late_path = dir.path().join("late.csv");
    std::fs::write(&late_path, &late).expect("write");
    for path in [&big, &late_path] {
        let path = path.to_str().expect("path");
        let one = json(&run(dir.path(), &["report", "--format", "json", "--threads", "1", path]));
        for threads in ["2", "3"] {
            let args = ["--stats", "report", "--format", "json", "--threads", threads, "--split", "shards", path];
            let output = run(dir.path(), &args);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(&format!("stats: profiles kept in {threads} shards")), "{stderr}");
            assert_eq!(json(&output), one, "{path} on {threads} threads");
        }
    }
    let shards = json(&run(
        dir.path(),
        &["report", "--format", "json", "--threads", "2", "--split", "shards", big.to_str().expect("path")],
    ));
    check_report(&shards, &summary);
    // Several files (which 3 threads would otherwise read in groups), cut into byte ranges too: the
    // shards read them all, and give what one thread gives.
    let (big, late) = (big.to_str().expect("path"), late_path.to_str().expect("path"));
    let one = json(&run(dir.path(), &["report", "--format", "json", "--threads", "1", big, late]));
    for cut in [&[][..], &["--part-bytes", "1000"][..]] {
        let mut args = vec!["--stats", "report", "--format", "json", "--threads", "3", "--split", "shards"];
        args.extend_from_slice(cut);
        args.extend([big, late]);
        let output = run(dir.path(), &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("stats: profiles kept in 3 shards"), "{stderr}");
        assert_eq!(json(&output), one, "{cut:?}");
    }
    // A file that cannot be counted is read again as usual, which says why: as with one thread.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,colour\na,b\n").expect("write");
    let bad = bad.to_str().expect("path");
    let one = run(dir.path(), &["report", "--threads", "1", bad]);
    let sharded = run(dir.path(), &["report", "--threads", "2", "--split", "shards", bad]);
    assert_eq!(sharded.status.code(), one.status.code());
    assert_eq!(String::from_utf8_lossy(&sharded.stderr), String::from_utf8_lossy(&one.stderr));
    assert!(String::from_utf8_lossy(&one.stderr).contains("bad.csv"), "{}", String::from_utf8_lossy(&one.stderr));
}

#[test]
fn layouts_do_not_change_the_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = GeneratorConfig { rows: 8_000, ..GeneratorConfig::default() };
    let (path, _) = write_export(dir.path(), "plain.csv", &base);
    let reference = json(&run(dir.path(), &["report", "--format", "json", path.to_str().expect("path")]));
    let layouts = [
        Layout { delimiter: b';', encoding: Encoding::Utf8Bom, dates: DateFormat::DayFirst, ..Layout::default() },
        Layout {
            delimiter: b'\t',
            encoding: Encoding::Utf16Le,
            headers: HeaderStyle::Internal,
            enums: EnumStyle::Numbers,
            dates: DateFormat::IsoOffset,
            crlf: true,
        },
        Layout { delimiter: b'|', encoding: Encoding::Windows1252, dates: DateFormat::MonthFirst, ..Layout::default() },
        Layout { encoding: Encoding::Utf16Be, dates: DateFormat::Dots, ..Layout::default() },
    ];
    for (i, layout) in layouts.into_iter().enumerate() {
        let config = GeneratorConfig { layout: layout.clone(), subject_column: i % 2 == 0, ..base.clone() };
        let (path, summary) = write_export(dir.path(), &format!("layout{i}.csv"), &config);
        let report = json(&run(dir.path(), &["report", "--format", "json", path.to_str().expect("path")]));
        check_report(&report, &summary);
        for key in ["total_active", "dimensions", "channels", "snapshots"] {
            assert_eq!(report[key], reference[key], "{key} with {layout:?}");
        }
    }
}

#[test]
fn deliveries_file_gives_dimensions_and_channels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = GeneratorConfig { rows: 8_000, deliveries_file: true, ..GeneratorConfig::default() };
    let log = std::fs::File::create(dir.path().join("log.csv")).expect("create");
    let deliveries = std::fs::File::create(dir.path().join("deliveries.csv")).expect("create");
    let summary = generate::generate(&config, log, Some(deliveries)).expect("generate");
    let with = json(&run(dir.path(), &["report", "--format", "json", "--deliveries", "deliveries.csv", "log.csv"]));
    check_report(&with, &summary);
    let dims = by_name(&with["dimensions"], "active");
    assert!(dims.iter().any(|(n, _)| n == "Visitors"), "{dims:?}");
    let channels = by_name(&with["channels"], "active");
    assert!(channels.iter().any(|(n, _)| n == "SMS"), "{channels:?}");
    // The same export without a deliveries file in one file: the same count.
    let flat = GeneratorConfig { deliveries_file: false, ..config };
    let (path, _) = write_export(dir.path(), "flat.csv", &flat);
    let flat = json(&run(dir.path(), &["report", "--format", "json", path.to_str().expect("path")]));
    assert_eq!(with["dimensions"], flat["dimensions"]);
    assert_eq!(with["channels"], flat["channels"]);
}

#[test]
fn missing_date_column_exits_2_with_the_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("missing.csv"),
        "Recipient ID,Sent on,Status\n1,2026-01-05,Sent\n2,2026-02-01,Sent\n",
    )
    .expect("write");
    let out = run(dir.path(), &["report", "missing.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: missing.csv: no column found for the event date.\n\
         Headers found: Recipient ID, Sent on, Status.\n\
         Pick the column by hand, e.g.: --map 'event date=Sent on'\n"
    );
    assert!(out.stdout.is_empty());
    let fixed = json(&run(dir.path(), &["report", "--format", "json", "--map", "event date=Sent on", "missing.csv"]));
    assert_eq!(u(&fixed["total_active"]), 2);
}

#[test]
fn a_file_that_cannot_be_counted_is_named_and_the_others_are_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.csv"), "Recipient ID,Event date\n1,2026-01-05\n2,2026-02-01\n")
        .expect("write");
    std::fs::write(dir.path().join("missing.csv"), "Recipient ID,Sent on\n3,2026-01-05\n").expect("write");
    let out = run(dir.path(), &["report", "--format", "json", "good.csv", "missing.csv"]);
    assert_eq!(out.status.code(), Some(0), "a report was made");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: warning: missing.csv: no column found for the event date.\n\
         Headers found: Recipient ID, Sent on.\n\
         Pick the column by hand, e.g.: --map 'event date=Sent on'\n"
    );
    let report = json(&out);
    assert_eq!(u(&report["total_active"]), 2, "good.csv is counted");
    assert_eq!(u(&report["rows"]["read"]), 2);
    let warnings: Vec<&str> =
        report["warnings"].as_array().expect("warnings").iter().filter_map(|w| w.as_str()).collect();
    assert!(
        warnings.contains(
            &"missing.csv: no column found for event date (headers: Recipient ID, Sent on); this file was not counted"
        ),
        "{warnings:?}"
    );
}

#[test]
fn csv_format_escapes_formulas() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("evil.csv"),
        "Recipient ID,Event date,Status,Instance\n\
         1,2026-01-05,=HYPERLINK(\"http://x\"),+prod\n\
         2,2026-02-01,@SUM(A1),-emea\n\
         3,2026-02-02,Sent,prod\n",
    )
    .expect("write");
    let out = run(dir.path(), &["report", "--format", "csv", "evil.csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("section,item,detail,value\n"), "{text}");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        let record = record.expect("record");
        assert_eq!(record.len(), 4);
        for cell in record.iter() {
            cells += 1;
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "unescaped cell {cell:?}");
        }
    }
    assert!(cells > 0);
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("instance,'+prod,All,1"), "{text}");
    assert!(text.contains("summary,total_active,,3"), "{text}");
}

#[test]
fn output_goes_to_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, summary) =
        write_export(dir.path(), "export.csv", &GeneratorConfig { rows: 2_000, ..GeneratorConfig::default() });
    let out = run(dir.path(), &["report", "--format", "json", "--output", "report.json", path.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let report: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).expect("read")).expect("JSON");
    check_report(&report, &summary);
    assert_eq!(report["format"], "active-profiles-report/1");
}

#[test]
fn text_format_looks_like_customer_metrics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) =
        write_export(dir.path(), "export.csv", &GeneratorConfig { rows: 3_000, ..GeneratorConfig::default() });
    let out = run(dir.path(), &["report", "--purchased", "500", "--billing-day", "last", path.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for needle in [
        "From (included)",
        "To (included)",
        "Number of active profiles",
        "Targeting dimensions",
        "Source",
        "Number of contacts",
        "Diagnosis",
        "purchased",
    ] {
        assert!(text.contains(needle), "{needle} missing in:\n{text}");
    }
}

#[test]
fn generate_command_writes_both_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(
        dir.path(),
        &[
            "generate",
            "--rows",
            "1500",
            "--seed",
            "9",
            "--output",
            "log.csv",
            "--deliveries-output",
            "deliveries.csv",
            "--delimiter",
            ";",
            "--dates",
            "day-first",
            "--share",
            "bad-date=0.01",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let log = std::fs::read_to_string(dir.path().join("log.csv")).expect("log");
    assert!(log.starts_with("Recipient ID;Event date;"), "{}", &log[..80]);
    assert_eq!(log.lines().count(), 1501);
    assert!(std::fs::metadata(dir.path().join("deliveries.csv")).expect("deliveries").len() > 0);
    let report = json(&run(dir.path(), &["report", "--format", "json", "--deliveries", "deliveries.csv", "log.csv"]));
    assert_eq!(u(&report["rows"]["read"]), 1500);
    assert!(u(&report["rows"]["rejected"]) > 0);
}

#[test]
fn bad_options_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.csv"), "Recipient ID,Event date\n1,2026-01-05\n").expect("write");
    for args in [
        &["report", "--time-zone", "Europe/Pariss", "a.csv"][..],
        &["report", "--status", "Declined=maybe", "a.csv"][..],
        &["report", "--map", "nonsense=Event date", "a.csv"][..],
        &["report", "--billing-day", "31", "a.csv"][..],
        &["report", "no-such-file.csv"][..],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn options_reach_the_engine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = GeneratorConfig {
        rows: 6_000,
        shares: generate::Shares { unknown_status: 0.05, ..Default::default() },
        ..GeneratorConfig::default()
    };
    let (path, summary) = write_export(dir.path(), "export.csv", &config);
    let path = path.to_str().expect("path");
    assert!(summary.unknown_status > 0);
    let report = json(&run(
        dir.path(),
        &[
            "report",
            "--format",
            "json",
            "--instance",
            "campaign-test",
            "--as-of",
            "2026-06-30",
            "--billing-day",
            "last",
            "--purchased",
            "1000",
            "--status",
            "Declined=excluded",
            "--status",
            "Queued=excluded",
            "--status",
            "Read=excluded",
            path,
        ],
    ));
    assert_eq!(u(&report["rows"]["excluded"]), summary.excluded.total() + summary.unknown_status);
    // Values the spec does not know stay listed after a --status rule, with their rows.
    let listed: u64 =
        report["unrecognised"].as_array().expect("unrecognised").iter().map(|u| u["rows"].as_u64().unwrap_or(0)).sum();
    assert_eq!(listed, summary.unknown_status);
    assert_eq!(report["as_of"], "2026-06-30");
    assert_eq!(report["window"]["from"], "2025-07-01");
    assert_eq!(report["settings"]["purchased"], 1000);
    assert_eq!(report["settings"]["billing_day"], "last");
    let instances = by_name(&report["instances"], "active");
    assert_eq!(instances.len(), 1);
    assert_eq!(instances[0].0, "campaign-test");
    let snapshots = report["snapshots"].as_array().expect("snapshots");
    assert!(snapshots.iter().all(|s| s["to"]
        .as_str()
        .is_some_and(|d| d.ends_with("-31") || d.ends_with("-30") || d.ends_with("-28") || d.ends_with("-29"))));
}

#[test]
fn rejected_rows_name_the_physical_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = GeneratorConfig {
        rows: 20_000,
        subject_column: true,
        shares: generate::Shares { missing_key: 0.002, bad_date: 0.002, ..Default::default() },
        ..GeneratorConfig::default()
    };
    let (path, summary) = write_export(dir.path(), "export.csv", &config);
    let report = json(&run(dir.path(), &["report", "--format", "json", "export.csv"]));
    check_report(&report, &summary);

    // Where the rejected records start, read independently with the csv crate.
    let mut reader = csv::Reader::from_path(&path).expect("open");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let (key, date, address) = (col("Recipient ID"), col("Event date"), col("Address"));
    let mut lines = Vec::new();
    let mut multi_line = 0;
    for record in reader.records() {
        let record = record.expect("record");
        if record.iter().any(|f| f.contains('\n')) {
            multi_line += 1;
        }
        let d = &record[date];
        if (record[key].is_empty() && record[address].is_empty()) || d.is_empty() || d == "n/a" || d.contains("-02-30")
        {
            lines.push(record.position().expect("position").line());
        }
    }
    assert!(multi_line > 50, "{multi_line}");
    assert_eq!(lines.len() as u64, summary.rejected);
    let reported: Vec<u64> = report["rejected"].as_array().expect("rejected").iter().map(|r| u(&r["line"])).collect();
    let mut want: Vec<u64> = lines.into_iter().take(100).collect();
    want.sort_unstable();
    let mut got = reported.clone();
    got.sort_unstable();
    assert_eq!(got, want);
    assert!(report["rejected"].as_array().expect("rejected").iter().all(|r| r["file"] == "export.csv"));
}
