//! The `sql` script run in a local Spark session gives the report that counting the files gives.
//!
//! Needs Java and pip `pyspark` in target/venv: run with `make test-spark`
//! (ignored by `make test`, which does not install them).

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
