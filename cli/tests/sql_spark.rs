//! The `sql` script run in a local Spark session gives the report that counting the files gives.
//!
//! Needs Java and pip `pyspark` in target/venv: run with `make test-spark`
//! (ignored by `make test`, which does not install them). The engageable
//! script is compared with the engine there too.

mod sql_common;

use sql_common::{check_edge_cases, check_generated, Warehouse};

#[test]
#[ignore = "needs Java and pyspark: make test-spark"]
fn spark_edge_cases_match_the_engine() {
    check_edge_cases(Warehouse::Spark);
}

#[test]
#[ignore = "needs Java and pyspark: make test-spark"]
fn spark_generated_exports_match_the_engine() {
    check_generated(Warehouse::Spark);
}

mod engage_sql;

/// `sql --report engageable --dialect spark` in the same session runner: the engine's report.
#[test]
#[ignore = "needs Java and pyspark: make test-spark"]
fn spark_engageable_aggregates_give_the_engines_report() {
    use engage_sql::{aggregate_report, assert_all, cases, engine_report, ok, same, workspace, write_script};
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = cases(dir.path());
    let mut jobs = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let script = dir.path().join(format!("job{n}.sql"));
        let aggregate = dir.path().join(format!("job{n}.aggregate.csv"));
        let table = format!("journey_step_events_{n}");
        write_script(case, "spark", &table, &format!("{}.dir", aggregate.display()), &script);
        jobs.push(serde_json::json!({"script": script, "aggregate": aggregate, "table": table, "files": [case.file]}));
    }
    let list = dir.path().join("jobs.json");
    std::fs::write(&list, serde_json::to_vec(&jobs).expect("JSON")).expect("write jobs");
    let python = sql_common::python(Warehouse::Spark);
    ok(std::process::Command::new(python)
        .arg(workspace().join("cli/tests/sql_run.py"))
        .arg("spark")
        .arg("--jobs")
        .arg(&list));
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let warehouse = aggregate_report(&dir.path().join(format!("job{n}.aggregate.csv")), case);
        if let Err(e) = same(&engine_report(case), &warehouse, &format!("journey_step_events_{n}"), &case.what) {
            failures.push(e);
        }
    }
    assert_all(failures, cases.len());
}
