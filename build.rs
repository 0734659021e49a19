//! Counts the Campaign demo once, at build time, with the default settings: the page shows this
//! report on its first screen (`src/demo_report.rs`) without carrying the counting engine, which
//! only the worker needs. The demo is counted by the very code the worker runs (`src/demo.rs`).

use std::error::Error;
use std::path::PathBuf;

// `demo_explain` is the worker's alone.
#[allow(dead_code)]
#[path = "src/demo.rs"]
mod demo;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/demo.rs");
    let counter = demo::demo_counter(engine::Options::default())?;
    let report = counter.report(&engine::ReportSettings::default());
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("demo-report.json");
    std::fs::write(out, serde_json::to_string(&report)?)?;
    Ok(())
}
