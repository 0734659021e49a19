//! `active-profiles sql` and `report --from-aggregate` on their own: scripts per dialect, errors, exit codes.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
}

fn script(args: &[&str]) -> String {
    let out = bin().arg("sql").args(args).output().expect("run active-profiles");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 script")
}

#[test]
fn each_dialect_has_its_forms_and_export() {
    let duck = script(&["--dialect", "duckdb", "--aggregate", "out.csv"]);
    assert!(duck.contains("COPY (SELECT section, name, detail, value FROM ap_aggregate"), "{duck}");
    assert!(duck.contains("TO 'out.csv' (FORMAT CSV, HEADER)"));
    assert!(duck.contains("INTERVAL '-12 month'"));
    let spark = script(&["--dialect", "spark", "--map", "event date=@eventDate", "--map", "key=Recipient ID"]);
    assert!(spark.contains("`@eventDate`") && spark.contains("`Recipient ID`"), "{spark}");
    assert!(spark.contains("add_months(as_of, -12)") && spark.contains("INSERT OVERWRITE DIRECTORY"));
    let snow = script(&[
        "--dialect",
        "snowflake",
        "--table",
        "DB.S.LOGS",
        "--map",
        "event date=EVENT_DATE",
        "--map",
        "address=EMAIL",
    ]);
    assert!(snow.contains("DATEADD(month, -12, as_of)") && snow.contains("FROM DB.S.LOGS;"), "{snow}");
    assert!(snow.contains("SINGLE = TRUE") && snow.contains("CAST(EMAIL AS VARCHAR)"));
    assert!(!snow.contains("ADD_MONTHS"), "ADD_MONTHS keeps month ends: 2023-02-28 + 12 months would be 2024-02-29");
    let fixed = script(&["--dialect", "duckdb", "--as-of", "2026-03-15", "--billing-day", "last"]);
    assert!(fixed.contains("DATE '2026-03-15'") && fixed.contains("'billing_day', 'last'"));
}

#[test]
fn unusable_options_exit_2() {
    let out = bin().args(["sql", "--dialect", "duckdb", "--map", "event date=d"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("profile key"));
    let out = bin().args(["sql", "--dialect", "duckdb", "--map", "colour=c"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field 'colour'"));
}

#[test]
fn from_aggregate_reads_an_aggregate_and_refuses_anything_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let agg = dir.path().join("agg.csv");
    std::fs::write(
        &agg,
        "SECTION,NAME,DETAIL,VALUE\nmeta,format,active-profiles-aggregate/1,0\nmeta,as_of,2026-01-10,0\n\
         meta,min_day,2026-01-05,0\nmeta,max_day,2026-01-10,0\nmeta,billing_day,last,0\nrows,read,,3\nrows,counted,,2\n\
         excluded,status,,1\nactive,prod,Recipients,1\nactive,prod,Anonymous,1\nchannel,Email,,2\n\
         activity,2026-01-05,,2\nactivity,2027-01-05,,-2\nleaving,2027-01-05,,2\n",
    )
    .expect("write");
    let out = bin()
        .arg("report")
        .arg("--from-aggregate")
        .arg(&agg)
        .args(["--format", "json", "--purchased", "10"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r["total_active"], 2);
    assert_eq!(r["rows"]["excluded"], 1);
    assert_eq!(r["settings"]["purchased"], 10);
    assert_eq!(r["settings"]["billing_day"], "last");
    assert_eq!(r["window"]["from"], "2025-01-11");
    assert_eq!(r["daily"].as_array().map(Vec::len), Some(6));
    let text = bin().arg("report").arg("--from-aggregate").arg(&agg).output().expect("run");
    assert!(String::from_utf8_lossy(&text.stdout).contains("Recipients"));

    let not = dir.path().join("log.csv");
    std::fs::write(&not, "recipientId,eventDate\n1,2026-01-05\n").expect("write");
    let out = bin().arg("report").arg("--from-aggregate").arg(&not).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an active-profiles aggregate"));
    let out =
        bin().arg("report").arg("--from-aggregate").arg(&agg).args(["--as-of", "2026-01-01"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}
