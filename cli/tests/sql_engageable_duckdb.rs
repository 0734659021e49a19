//! `sql --report engageable` run in DuckDB (pip `duckdb` in target/venv, `make setup`) gives the report that `engageable` gives on the same events.

mod engage_sql;

use std::process::Command;

use engage_sql::{
    aggregate_report, assert_all, cases, check_the_cases_exercise_the_rules, engine_report, ok, same, workspace,
    write_script,
};

/// The Python with DuckDB: $ACTIVE_PROFILES_PYTHON, else target/venv/bin/python. Never skips: a missing
/// Python or package fails the test with what to run.
fn python() -> std::path::PathBuf {
    let python = match std::env::var_os("ACTIVE_PROFILES_PYTHON") {
        Some(p) => std::path::PathBuf::from(p),
        None => workspace().join("target/venv/bin/python"),
    };
    match Command::new(&python).args(["-c", "import duckdb"]).output() {
        Ok(o) if o.status.success() => python,
        Ok(o) => panic!(
            "{} cannot import duckdb: {}\nrun make setup (it creates target/venv with duckdb)",
            python.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => {
            panic!("no Python at {} ({e}): run make setup (it creates target/venv with duckdb)", python.display())
        }
    }
}

#[test]
fn duckdb_aggregates_give_the_engines_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = cases(dir.path());
    check_the_cases_exercise_the_rules(&cases);
    let mut jobs = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let script = dir.path().join(format!("job{n}.sql"));
        let aggregate = dir.path().join(format!("job{n}.aggregate.csv"));
        let table = format!("journey_step_events_{n}");
        write_script(case, "duckdb", &table, &aggregate.display().to_string(), &script);
        jobs.push(serde_json::json!({"script": script, "aggregate": aggregate, "table": table, "files": [case.file]}));
    }
    let list = dir.path().join("jobs.json");
    std::fs::write(&list, serde_json::to_vec(&jobs).expect("JSON")).expect("write jobs");
    ok(Command::new(python()).arg(workspace().join("cli/tests/sql_run.py")).arg("duckdb").arg("--jobs").arg(&list));
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let engine = engine_report(case);
        let warehouse = aggregate_report(&dir.path().join(format!("job{n}.aggregate.csv")), case);
        if let Err(e) = same(&engine, &warehouse, &format!("journey_step_events_{n}"), &case.what) {
            failures.push(e);
        }
    }
    assert_all(failures, cases.len());
}
