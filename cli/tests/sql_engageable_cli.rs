//! `sql --report engageable` and `engageable --from-aggregate` on their own: the script per dialect (Spark and Snowflake differ from the others only in their forms), the flags, errors and exit codes.

use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run active-profiles")
}

fn script(args: &[&str]) -> String {
    let out = bin().args(["sql", "--report", "engageable"]).args(args).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 script")
}

/// Exit code 2 and a message that says `said`.
fn refused(out: &Output, said: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(said), "{err}");
}

/// The objects a script creates, in order, and its comments but those that name the dialect or its export.
fn shape(script: &str) -> (Vec<String>, Vec<String>) {
    let mut objects = Vec::new();
    for line in script.lines() {
        for kind in ["VIEW ", "TABLE "] {
            if line.starts_with("CREATE ") {
                if let Some((_, rest)) = line.split_once(kind) {
                    objects.push(rest.split_whitespace().next().unwrap_or("").to_string());
                }
            }
        }
    }
    let comments = script
        .lines()
        .filter(|l| l.starts_with("--") && !l.contains(" as SQL for ") && !l.contains("Timestamps shown in UTC"))
        .filter(|l| !l.contains("writes a folder") && !l.contains("copy writes the file") && !l.contains(": GET "))
        .map(str::to_string)
        .collect();
    (objects, comments)
}

#[test]
fn each_dialect_differs_only_in_its_forms() {
    let args = ["--as-of", "2026-03-15", "--aggregate", "out"];
    let duck = script(&[&["--dialect", "duckdb"][..], &args].concat());
    let spark = script(&[&["--dialect", "spark"][..], &args].concat());
    let snow = script(&[&["--dialect", "snowflake"][..], &args].concat());
    let pg = script(&[&["--dialect", "postgres"][..], &args].concat());
    let base = shape(&duck);
    assert_eq!(base.0.len(), 12, "{:?}", base.0);
    for (name, s) in [("spark", &spark), ("snowflake", &snow), ("postgres", &pg)] {
        assert_eq!(shape(s), base, "{name}");
    }
    // Each dialect's forms, and none of another's.
    assert!(duck.contains("regexp_extract(time_v, '") && duck.contains("TRY_CAST(SUBSTR(time_v, 1, 10) AS DATE)"));
    assert!(duck.contains("COPY (SELECT section, name, detail, value FROM en_aggregate") && duck.contains("TO 'out'"));
    assert!(!duck.contains("SET ") && !duck.contains("regexp_match"));
    assert!(spark.contains("SET spark.sql.session.timeZone = UTC;") && spark.contains("RLIKE '^("));
    assert!(spark.contains("add_months(as_of, -12)") && spark.contains("date_add(as_of, -364)"));
    assert!(spark.contains("INSERT OVERWRITE DIRECTORY 'out'") && spark.contains("CACHE TABLE en_runs;"));
    assert!(spark.contains("FROM en_aggregate ORDER BY"));
    assert!(snow.contains("ALTER SESSION SET TIMEZONE = 'UTC';") && snow.contains("REGEXP_SUBSTR(time_v, '"));
    assert!(snow.contains(", 1, 1, 'e', 1)") && snow.contains("DATEADD(month, -12, as_of)"));
    assert!(snow.contains("COPY INTO out\n  FROM (SELECT section, name, detail, value FROM en_aggregate"));
    assert!(!snow.contains("ADD_MONTHS"), "ADD_MONTHS keeps month ends: 2023-02-28 + 12 months would be 2024-02-29");
    assert!(pg.contains("SET TIME ZONE 'UTC';") && pg.contains("(regexp_match(time_v, '"));
    assert!(pg.contains("make_date(") && !pg.contains("TRY_CAST") && !pg.contains("try_cast"));
    assert!(pg.contains("DROP TABLE IF EXISTS en_kept CASCADE;\nCREATE TEMPORARY TABLE en_kept AS"));
    assert!(pg.contains("ANALYZE en_runs;"));
    assert!(pg.contains(
        "\n\\copy (SELECT section, name, detail, value FROM en_aggregate ORDER BY section, name, detail) TO 'out' \
         WITH (FORMAT csv, HEADER)\n"
    ));
    for s in [&duck, &spark, &snow, &pg] {
        assert!(s.contains("DATE '2026-03-15'") && s.contains("'engageable-aggregate/1'"));
        assert!(
            s.contains("SELECT 'sandbox_activity', ") && s.contains("CONCAT(kind, ':', sb), delta FROM en_changes")
        );
    }
    // Defaults per dialect.
    assert!(script(&["--dialect", "duckdb"]).contains("TO 'engageable_aggregate.csv'"));
    assert!(script(&["--dialect", "spark"]).contains("DIRECTORY 'engageable_aggregate'"));
    assert!(script(&["--dialect", "snowflake"]).contains("COPY INTO @~/engageable_aggregate.csv"));
    assert!(script(&["--dialect", "postgres"]).contains("TO 'engageable_aggregate.csv'"));
}

#[test]
fn columns_table_sandbox_and_as_of() {
    let s = script(&["--dialect", "duckdb"]);
    assert!(s.contains(
        "-- Columns read: time=timestamp, profile=profile_id, journey or campaign=journey, sandbox=sandbox, \
         sandbox type=sandbox_type, dry run=in_dry_run"
    ));
    assert!(s.contains("FROM journey_step_events;") && s.contains("CAST(NULL AS DATE), MAX(max_e)"));
    assert!(s.contains("COALESCE(sandbox_v, 'prod')"));
    let s = script(&[
        "--dialect",
        "postgres",
        "--table",
        "cjm.journey_step_events",
        "--map",
        "time=timestamp",
        "--map",
        "profile=_experience.journeyOrchestration.stepEvents.profileID",
        "--map",
        "campaign=Campaign ID",
        "--sandbox",
        "emea:development",
        "--as-of",
        "2024-02-29",
    ]);
    assert!(s.contains("FROM cjm.journey_step_events;"), "{s}");
    assert!(s.contains("CAST(_experience.journeyOrchestration.stepEvents.profileID AS TEXT)"));
    assert!(s.contains("CAST(\"Campaign ID\" AS TEXT)") && s.contains("CAST(NULL AS TEXT) AS sandbox_v"));
    assert!(s.contains("COALESCE(sandbox_v, 'emea') = 'emea' THEN 'development'"));
    assert!(s.contains("DATE '2024-02-29'") && s.contains("'column', 'journey or campaign', 'Campaign ID'"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut out = bin();
    out.args(["sql", "--report", "engageable", "--dialect", "duckdb", "--output", "s.sql"]);
    let status = out.current_dir(dir.path()).status().expect("run");
    assert!(status.success() && dir.path().join("s.sql").is_file());
}

#[test]
fn unusable_flags_and_combinations_exit_2() {
    let engageable = ["sql", "--report", "engageable", "--dialect", "duckdb"];
    refused(&run(&[&engageable[..], &["--map", "time=ts"]].concat()), "no column for the profile");
    refused(&run(&[&engageable[..], &["--map", "colour=c"]].concat()), "unknown field 'colour'");
    refused(&run(&[&engageable[..], &["--map", "time"]].concat()), "expected FIELD=COLUMN");
    refused(
        &run(&[&engageable[..], &["--billing-day", "5"]].concat()),
        "--billing-day and --instance are for --report active",
    );
    refused(&run(&[&engageable[..], &["--instance", "x"]].concat()), "--billing-day and --instance");
    refused(&run(&[&engageable[..], &["--sandbox", "x:staging"]].concat()), "sandbox type 'staging'");
    refused(&run(&["sql", "--dialect", "postgres"]), "--dialect postgres is for --report engageable");
    refused(
        &run(&["sql", "--report", "active", "--dialect", "duckdb", "--sandbox", "x"]),
        "--sandbox is for --report engageable",
    );
    refused(&run(&["sql", "--report", "reach", "--dialect", "duckdb"]), "invalid value 'reach'");
    let help = String::from_utf8(run(&["sql", "--help"]).stdout).expect("UTF-8");
    assert!(help.contains("postgres (AEP's Query Service) for --report engageable only"), "{help}");
    assert!(help.contains("active (Campaign's active profiles, the default) or engageable"), "{help}");
}

const AGGREGATE: &str = "section,name,detail,value\n\
    meta,format,engageable-aggregate/1,0\nmeta,dialect,postgres,0\nmeta,table,journey_step_events,0\n\
    meta,time_zone,UTC,0\nmeta,as_of,2026-11-30,0\nmeta,min_day,2026-11-01,0\nmeta,max_day,2026-12-02,0\n\
    column,time,timestamp,0\nrows,read,,7\nrows,counted,,5\nrows,rejected,,2\nrejected,no profile,,2\n\
    sandbox,prod,production,3\nsandbox,dev,development,1\ndry_run_only,,,1\njourney,Welcome,,3\n\
    journey,\"Sale, summer\",,1\nactivity,2026-11-01,production,2\nactivity,2026-11-01,development,1\n\
    activity,2026-11-30,production,1\nnewly,2026-11-01,,3\nnewly,2026-11-30,,1\n\
    leaving,2027-11-01,,3\nleaving,2027-11-30,,1\n";

#[test]
fn from_aggregate_makes_the_report_with_the_licence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let agg = dir.path().join("agg.csv");
    std::fs::write(&agg, AGGREGATE).expect("write");
    let mut cmd = bin();
    cmd.arg("engageable").arg("--from-aggregate").arg(&agg).args(["--format", "json", "--licensed", "4"]);
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r["format"], "engageable/1");
    assert_eq!(r["window"], serde_json::json!({"from": "2025-12-01", "to": "2026-11-30"}));
    assert_eq!(r["engageable"]["total"], 4);
    assert_eq!(
        r["engageable"]["sandboxes"][0],
        serde_json::json!({"name": "prod", "type": "production", "profiles": 3})
    );
    assert_eq!(r["by_journey"][1]["name"], "Sale, summer");
    assert_eq!(r["daily"].as_array().map(Vec::len), Some(30));
    assert_eq!(
        r["daily"][29],
        serde_json::json!({"date": "2026-11-30", "engageable": 4, "newly_engaged": 1, "production": 3})
    );
    assert_eq!(r["licence"]["used"], 3);
    assert_eq!(r["licence"]["percent"], 75.0);
    assert_eq!(r["licence"]["predicted"]["date"], "2027-01-11");
    assert_eq!(r["expiring"].as_array().map(Vec::len), Some(12));
    assert_eq!(r["stitched"], false);
    assert_eq!(
        r["files"],
        serde_json::json!([{"name": "journey_step_events", "format": "postgres table", "events": 5}])
    );
    assert_eq!(r["rejected"][0]["reason"], "no profile (2 rows)");
    let text = bin().arg("engageable").arg("--from-aggregate").arg(&agg).args(["--lang", "fr"]).output().expect("run");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("journey_step_events: aucun profil (2"), "{text}");
    let csv =
        bin().arg("engageable").arg("--from-aggregate").arg(&agg).args(["--format", "csv"]).output().expect("run");
    assert!(String::from_utf8_lossy(&csv.stdout).contains("\nsandbox,prod,production,3\n"));
}

#[test]
fn from_aggregate_refuses_paths_other_flags_and_other_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let agg = dir.path().join("agg.csv");
    std::fs::write(&agg, AGGREGATE).expect("write");
    let with =
        |extra: &[&str]| bin().arg("engageable").arg("--from-aggregate").arg(&agg).args(extra).output().expect("run");
    refused(&with(&["steps.json"]), "cannot be used with");
    refused(&with(&["--as-of", "2026-01-01"]), "cannot be used with");
    refused(&with(&["--profiles", "snapshot"]), "cannot be used with");
    refused(&with(&["--sandbox", "prod"]), "cannot be used with");
    refused(&with(&["--time-zone", "Europe/Paris"]), "cannot be used with");
    refused(&run(&["engageable"]), "required");
    let active = dir.path().join("active.csv");
    std::fs::write(&active, "section,name,detail,value\nmeta,format,active-profiles-aggregate/1,0\n").expect("write");
    let out = bin().arg("engageable").arg("--from-aggregate").arg(&active).output().expect("run");
    refused(&out, "line 2: format 'active-profiles-aggregate/1' is not an engageable aggregate");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, AGGREGATE.replace("newly,2026-11-30,,1", "newly,2026-11-31,,1")).expect("write");
    let out = bin().arg("engageable").arg("--from-aggregate").arg(&bad).output().expect("run");
    refused(&out, "line 23: newly engaged day '2026-11-31' is not a date");
    let out = bin().arg("engageable").arg("--from-aggregate").arg(dir.path().join("none.csv")).output().expect("run");
    refused(&out, "none.csv");
}
