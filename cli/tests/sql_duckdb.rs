//! The `sql` script run in DuckDB (pip `duckdb` in target/venv, `make setup`) gives the report that counting the files gives.

mod sql_common;

use sql_common::{check_edge_cases, check_generated, Warehouse};

#[test]
fn duckdb_edge_cases_match_the_engine() {
    check_edge_cases(Warehouse::Duckdb);
}

#[test]
fn duckdb_generated_exports_match_the_engine() {
    check_generated(Warehouse::Duckdb);
}
