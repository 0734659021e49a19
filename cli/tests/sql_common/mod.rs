//! Shared by the SQL tests: run `active-profiles sql` in a warehouse (DuckDB, local Spark) and compare with `report`.
//!
//! Each check writes delivery-log CSV files, counts them with
//! `active-profiles report --format json`, loads them into the warehouse
//! (`sql_run.py`: every column as text), runs the script that
//! `active-profiles sql` printed, turns the exported aggregate into a report
//! with `report --from-aggregate`, and compares the two field by field
//! (settings, files, warnings and their messages aside; rejected rows by reason, since a table
//! has no line numbers).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Where the warehouse runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warehouse {
    Duckdb,
    Spark,
}

impl Warehouse {
    fn name(self) -> &'static str {
        match self {
            Warehouse::Duckdb => "duckdb",
            Warehouse::Spark => "spark",
        }
    }
}

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The Python that has the warehouse's package: $ACTIVE_PROFILES_PYTHON, else target/venv/bin/python.
/// Never skips: a missing Python or package fails the test with what to run.
pub fn python(warehouse: Warehouse) -> PathBuf {
    let python = match std::env::var_os("ACTIVE_PROFILES_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => workspace().join("target/venv/bin/python"),
    };
    let module = match warehouse {
        Warehouse::Duckdb => "duckdb",
        Warehouse::Spark => "pyspark",
    };
    let setup = match warehouse {
        Warehouse::Duckdb => "run make setup (it creates target/venv with duckdb)",
        Warehouse::Spark => "run make test-spark (it installs pyspark into target/venv and a Java runtime)",
    };
    let ok = Command::new(&python).args(["-c", &format!("import {module}")]).output();
    match ok {
        Ok(o) if o.status.success() => python,
        Ok(o) => panic!(
            "{} cannot import {module}: {}\n{setup}",
            python.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!("no Python at {} ({e}): {setup}", python.display()),
    }
}

/// Runs the command, fails the test with its standard error when it fails.
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

/// Comparisons to make: each job is a script to run on some files and the report it must give.
/// All jobs run in one warehouse session (a Spark session takes long to start).
pub struct Batch {
    warehouse: Warehouse,
    pub dir: tempfile::TempDir,
    jobs: Vec<Job>,
}

struct Job {
    what: String,
    direct: Value,
    script: PathBuf,
    aggregate: PathBuf,
    table: String,
    files: Vec<PathBuf>,
}

impl Batch {
    pub fn new(warehouse: Warehouse) -> Batch {
        Batch { warehouse, dir: tempfile::tempdir().expect("temp dir"), jobs: Vec::new() }
    }

    /// Writes the script for `files` (`sql --map ... extra`) and keeps the report it must give.
    pub fn add(&mut self, what: &str, files: &[PathBuf], map: &[String], extra: &[&str], direct: Value) {
        let n = self.jobs.len();
        let name = self.warehouse.name();
        let script = self.dir.path().join(format!("job{n}.{name}.sql"));
        let aggregate = self.dir.path().join(format!("job{n}.{name}.aggregate.csv"));
        let target = match self.warehouse {
            Warehouse::Duckdb => aggregate.display().to_string(),
            Warehouse::Spark => format!("{}.dir", aggregate.display()),
        };
        let table = format!("delivery_logs_{n}");
        let mut sql = bin();
        sql.args(["sql", "--dialect", name, "--table", &table, "--aggregate", &target]);
        sql.arg("--output").arg(&script);
        for m in map {
            sql.arg("--map").arg(m);
        }
        sql.args(extra);
        ok(&mut sql);
        self.jobs.push(Job { what: what.into(), direct, script, aggregate, table, files: files.to_vec() });
    }

    /// Runs every script in the warehouse, then compares each aggregate's report with the expected one.
    pub fn run(self) {
        let python = python(self.warehouse);
        let jobs: Vec<Value> = self
            .jobs
            .iter()
            .map(|j| {
                serde_json::json!({
                    "script": j.script, "aggregate": j.aggregate, "table": j.table, "files": j.files,
                })
            })
            .collect();
        let list = self.dir.path().join("jobs.json");
        std::fs::write(&list, serde_json::to_vec(&jobs).expect("JSON")).expect("write jobs");
        let mut run = Command::new(python);
        run.arg(workspace().join("cli/tests/sql_run.py")).arg(self.warehouse.name()).arg("--jobs").arg(&list);
        ok(&mut run);
        let mut failures = Vec::new();
        for j in &self.jobs {
            let mut report = bin();
            report.arg("report").arg("--from-aggregate").arg(&j.aggregate).args(["--format", "json"]);
            let from_sql: Value = serde_json::from_slice(&ok(&mut report)).expect("JSON report from the aggregate");
            if let Err(e) = same(&j.direct, &from_sql, &j.what) {
                failures.push(e);
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} comparisons differ:\n{}",
            failures.len(),
            self.jobs.len(),
            failures.join("\n")
        );
    }
}

/// `active-profiles report --format json` on the files.
pub fn cli_report(files: &[PathBuf], args: &[&str]) -> Value {
    let mut cmd = bin();
    cmd.arg("report").args(["--format", "json"]).args(args).args(files);
    serde_json::from_slice(&ok(&mut cmd)).expect("JSON report")
}

/// Rejected rows by reason: the engine's reasons quote the date, the aggregate's give a count.
fn rejected_by_reason(report: &Value, from_aggregate: bool) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for r in report["rejected"].as_array().into_iter().flatten() {
        let reason = r["reason"].as_str().unwrap_or("");
        let (kind, n) = if from_aggregate {
            let (kind, rest) = reason.rsplit_once(" (").unwrap_or((reason, "1 row)"));
            (kind.to_string(), rest.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0))
        } else if reason.starts_with("event date ") && reason.ends_with(" is not a date") {
            ("event date is not a date".to_string(), 1)
        } else {
            (reason.to_string(), 1)
        };
        *out.entry(kind).or_default() += n;
    }
    out
}

/// The two reports agree on every figure, or what differs.
pub fn same(direct: &Value, warehouse: &Value, what: &str) -> Result<(), String> {
    let skip = ["settings", "files", "warnings", "warning_messages", "rejected", "format"];
    let keys: std::collections::BTreeSet<&String> =
        direct.as_object().into_iter().chain(warehouse.as_object()).flat_map(|o| o.keys()).collect();
    let mut diffs = Vec::new();
    for k in keys {
        if skip.contains(&k.as_str()) {
            continue;
        }
        if direct[k] != warehouse[k] {
            diffs.push(format!("{k}:\n  report:        {}\n  from aggregate: {}", direct[k], warehouse[k]));
        }
    }
    let (a, b) = (rejected_by_reason(direct, false), rejected_by_reason(warehouse, true));
    if a != b {
        diffs.push(format!("rejected by reason:\n  report:        {a:?}\n  from aggregate: {b:?}"));
    }
    for k in ["as_of", "billing_day"] {
        if direct["settings"][k] != warehouse["settings"][k] {
            diffs.push(format!("settings.{k}: {} vs {}", direct["settings"][k], warehouse["settings"][k]));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: the warehouse's report differs:\n{}", diffs.join("\n")))
    }
}

/// The columns the CLI found in a file (`files[0].columns`), as `--map FIELD=COLUMN` options for `sql`.
pub fn map_from(report: &Value) -> Vec<String> {
    report["files"][0]["columns"]
        .as_object()
        .map(|o| o.iter().map(|(f, c)| format!("{f}={}", c.as_str().unwrap_or(""))).collect())
        .unwrap_or_default()
}

/// Generates exports with `active-profiles generate` and compares the two counts.
pub fn check_generated(warehouse: Warehouse) {
    let mut batch = Batch::new(warehouse);
    let variants: [(&str, &[&str]); 2] = [
        (
            "labels",
            &[
                "--seed",
                "11",
                "--rows",
                "4000",
                "--profiles",
                "900",
                "--start",
                "2024-01-10",
                "--end",
                "2026-03-31",
                "--instances",
                "prod,eu",
                "--instance-column",
                "--dates",
                "iso",
                "--share",
                "case-variant=0.05",
                "--share",
                "unknown-status=0.01",
                "--share",
                "address-only=0.03",
                "--share",
                "bad-date=0.005",
                "--share",
                "missing-key=0.005",
            ],
        ),
        (
            "numbers",
            &[
                "--seed",
                "12",
                "--rows",
                "3000",
                "--profiles",
                "700",
                "--start",
                "2024-02-01",
                "--end",
                "2025-06-30",
                "--headers",
                "internal",
                "--enums",
                "numbers",
                "--dates",
                "iso-date",
                "--share",
                "bad-date=0.01",
            ],
        ),
    ];
    for (tag, args) in variants {
        let path = batch.dir.path().join(format!("{tag}.csv"));
        let mut gen = bin();
        gen.arg("generate").arg("--output").arg(&path).args(args);
        ok(&mut gen);
        let files = vec![path];
        for extra in [&[][..], &["--as-of", "2025-02-28", "--billing-day", "last"][..]] {
            let direct = cli_report(&files, extra);
            let map = map_from(&direct);
            batch.add(&format!("generated {tag} {extra:?}"), &files, &map, extra, direct);
        }
    }
    batch.run();
}

const HEADER: &str =
    "profile_key,event_date,status,failure_reason,channel,target_dimension,address,transactional,proof,seed,control_group,instance";

/// A CSV with every column; rows are written `key|date|status|reason|channel|dimension|address|transactional|proof|seed|control|instance`
/// (trailing fields may be left out).
pub fn write_csv(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let mut text = String::from(HEADER);
    text.push('\n');
    for row in rows {
        let mut fields: Vec<String> =
            row.split('|')
                .map(|f| {
                    if f.contains(',') || f.contains('"') {
                        format!("\"{}\"", f.replace('"', "\"\""))
                    } else {
                        f.into()
                    }
                })
                .collect();
        fields.resize(12, String::new());
        text.push_str(&fields.join(","));
        text.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write CSV");
    path
}

/// One hand-written case, to be counted both ways for each set of report options.
pub fn check_case(batch: &mut Batch, name: &str, rows: &[&str], runs: &[&[&str]]) {
    let files = vec![write_csv(batch.dir.path(), &format!("{name}.csv"), rows)];
    for extra in runs {
        let mut args = vec!["--map", "profile key=profile_key"];
        args.extend_from_slice(extra);
        let direct = cli_report(&files, &args);
        batch.add(&format!("{name} {extra:?}"), &files, &[], extra, direct);
    }
}

/// The rule edge cases of counting-rules.md, each a small CSV written by hand.
pub fn check_edge_cases(warehouse: Warehouse) {
    let mut batch = Batch::new(warehouse);
    let w = &mut batch;
    // Each exclusion reason, first that holds, and counted failures.
    check_case(
        w,
        "exclusions",
        &[
            "1|2025-05-01|Sent||Email||||1",
            "2|2025-05-01|Sent||Email|||||yes",
            "3|2025-05-01|Sent||Facebook",
            "4|2025-05-01|Sent||X",
            "5|2025-05-01|Sent||Email|||||| x",
            "6|2025-05-01|Failed|127|Email",
            "7|2025-05-01|Ignored||Email",
            "8|2025-05-01|Delivery cancelled||Email",
            "9|2025-05-01|Not applicable||SMS",
            "10|2025-05-01|canceled",
            "11|2025-05-01|Failed|8",
            "12|2025-05-01|Failed|Quarantined address",
            "13|2025-05-01|Failed|User unknown|Email",
            "14|2025-05-01|Failed|20|SMS",
            "15|2025-05-01|Ignored|8|Twitter||||1",
            "16|2025-05-01|Sent|Excluded by a SQL rule|0",
            "17|2025-05-01|Sent||Email||||no|n|0",
        ],
        &[&[]],
    );
    // Numeric and label statuses, numeric channels.
    check_case(
        w,
        "statuses",
        &[
            "1|2025-05-01|0|||",
            "2|2025-05-01|1||0",
            "3|2025-05-01|2||1",
            "4|2025-05-01|6||2",
            "5|2025-05-01|7||3",
            "6|2025-05-01|SENT ||email",
            "7|2025-05-01|delivery-cancelled||sms",
            "8|2025-05-02|Received on mobile||Push",
            "9|2025-05-02|Taken into account by the service provider||9",
            "10|2025-05-02|5||Email",
            "11|2025-05-02|Declined||Email",
            "12|2025-05-02|Declined|13|Email",
            "13|2025-05-02|Sent|Bounced|Email||||maybe",
        ],
        &[&[]],
    );
    // Window ends: an event exactly 12 months before the as-of date is out, the day after is in.
    check_case(
        w,
        "window",
        &[
            "1|2025-03-15|Sent",
            "2|2025-03-16|Sent",
            "3|2026-03-15|Sent",
            "4|2024-03-16|Sent",
            "5|2026-01-01|Sent|||Email",
        ],
        &[&["--as-of", "2026-03-15"], &["--as-of", "2026-03-16"], &[]],
    );
    // 29 February: the window of 2024-02-29 runs from 2023-03-01; an event on 2024-02-29 leaves on 2025-03-01.
    check_case(
        w,
        "leap",
        &[
            "1|2023-02-28|Sent",
            "2|2023-03-01|Sent",
            "3|2024-02-29|Sent",
            "4|2024-02-28|Sent",
            "5|2025-02-28|Sent",
            "6|2025-03-01|Sent",
            "1|2024-01-31|Sent||SMS",
        ],
        &[
            &["--as-of", "2024-02-29"],
            &["--as-of", "2025-02-28"],
            &["--as-of", "2025-03-01", "--billing-day", "last"],
            &["--billing-day", "28"],
        ],
    );
    // Leaving days as of a past date count only the events up to it (counting-rules.md 4).
    check_case(
        w,
        "expiring",
        &[
            "1|2025-03-10|Sent",
            "1|2026-02-01|Sent",
            "2|2024-02-29|Sent",
            "2|2025-02-20|Sent|||Email",
            "3|2025-01-05|Sent",
            "3|2025-01-20|Sent||SMS",
            "3|2025-12-31|Sent",
            "3|2026-01-02|Sent",
        ],
        &[&["--as-of", "2025-12-31"], &["--as-of", "2025-01-31"], &[]],
    );
    // Billing day last over a leap February and runs that touch.
    check_case(
        w,
        "billing",
        &[
            "1|2024-01-31|Sent",
            "1|2025-01-31|Sent",
            "2|2024-02-29|Sent",
            "2|2025-03-01|Sent",
            "3|2024-04-30|Sent",
            "4|2024-06-15 10:30:00|Sent",
            "5|2024-12-31T23:59:59Z|Sent",
        ],
        &[&["--billing-day", "last"], &["--billing-day", "1", "--as-of", "2025-06-30"]],
    );
    // Transactional and address-only rows go to Anonymous keyed by the address, case-sensitive.
    check_case(
        w,
        "anonymous",
        &[
            "|2025-05-01|Sent||Email||John.Greene@luma.com",
            "|2025-05-02|Sent||Email||john.greene@luma.com",
            "|2025-05-03|Sent||Email||john.greene@luma.com",
            "7|2025-05-01|Sent||Email||Ann@luma.com|1",
            "8|2025-05-01|Sent||Email||ann@luma.com|true",
            "9|2025-05-01|Sent||SMS|||yes",
            "10|2025-05-01|Sent||Email|Recipients|Bob@luma.com",
            "11|2025-05-01|Sent||Email|nmsRecipient|bob@luma.com",
            "11|2025-05-01|Sent||SMS|nmsRecipient|+33600000000",
            "12|2025-05-01|Sent||Email|Visitors|v@luma.com",
            "13|2025-05-01|Sent||Email|anonymous",
            "14|2025-05-01|Sent||Email|Recipients|bob@luma.com|||||prod",
        ],
        &[&[], &["--as-of", "2026-05-01"]],
    );
    // Rejected rows: no key and no address, no date, a date that is not one.
    check_case(
        w,
        "rejected",
        &[
            "|2025-05-01|Sent",
            "1||Sent",
            "2|2025-02-30|Sent",
            "3|31/02/2025|Sent",
            "4|n/a|Sent",
            "5|2025-05-01|Sent",
            "|||||||||||",
            "6|2025-06-01|Ignored",
        ],
        &[&[]],
    );
    batch.run();
}
