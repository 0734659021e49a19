//! The first screen's report: the Campaign demo counted with the default settings at build time
//! (`build.rs`) and embedded, so that the page paints it at once without carrying the counting
//! engine. Other settings are counted by the worker ([`crate::protocol::Job::Demo`]).

use engine::{Options, Report, ReportSettings};

/// The report as `build.rs` wrote it (JSON).
const REPORT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/demo-report.json"));

/// The demo's report with the default options and report settings.
pub fn demo_report() -> Report {
    // Written by `build.rs` from the same `Report` type: a wasm test checks that it reads back
    // equal to the demo counted now.
    serde_json::from_str(REPORT_JSON).unwrap_or_default()
}

/// The embedded report, when these are the settings it was counted with.
pub fn for_settings(options: &Options, settings: &ReportSettings) -> Option<Report> {
    (*options == Options::default() && *settings == ReportSettings::default()).then(demo_report)
}
