//! `report --bundle FILE.html`: the report as one self-contained HTML file, drawn by the viewer's own views.

use crate::{Failure, ReportArgs};

/// Writes the bundle when `--bundle` was given; nothing otherwise.
pub fn write_if_asked(report: &engine::Report, args: &ReportArgs) -> Result<(), Failure> {
    let Some(path) = &args.bundle else { return Ok(()) };
    let meta = views::bundle::BundleMeta {
        title: args.title.clone().unwrap_or_default(),
        made: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        engine: format!("active-profiles {}", engine::VERSION),
        lang: args.lang,
    };
    let html = futures::executor::block_on(views::bundle::render(report.clone(), meta));
    std::fs::write(path, html).map_err(|e| Failure::output(format!("{}: cannot write it: {e}", path.display())))
}
