//! The embedded demo export, counted by the engine when the page opens.

use engine::{Counter, Options, Report, ReportSettings};

/// File name under which the demo export is shown.
pub const DEMO_FILE: &str = "demo-export.csv";

/// Counts the generated demo export; the first screen shows this report.
pub fn demo_report() -> Report {
    let mut counter = Counter::new(Options::default());
    let file = counter.begin_file(DEMO_FILE, None);
    counter.push(file, &engine::generate::demo());
    counter.end_file(file);
    counter.report(&ReportSettings::default())
}
