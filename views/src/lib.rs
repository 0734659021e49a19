//! The report's views: Yew components that render an [`engine::Report`], shared by the viewer and the bundle.
//!
//! The viewer mounts them in the page ([`Mode::Live`]); the command line and the
//! viewer's *Download report* render them once to static HTML for a report
//! bundle ([`bundle`], feature `ssr`, [`Mode::Bundle`]): the same sections and
//! numbers, without the controls that need a script. [`export`] turns the same
//! report into CSV tables.
//!
//! [`ReportView`] shows the whole report, top to bottom: tiles, the usage
//! chart, the Customer-metrics list, the snapshot detail, expiring profiles,
//! the diagnosis and duplicate identities, under a contents bar that links to
//! each ([`nav`]). Every element showing a count
//! carries the raw number in `data-value`; every date shown carries its ISO
//! form in `data-date` (and `datetime` on `<time>`). Words and formats follow
//! the [`Lang`] context (English when none is provided).

pub mod aep;
#[cfg(feature = "ssr")]
pub mod bundle;
pub mod chart;
pub mod detail;
pub mod diagnosis;
#[cfg(feature = "ssr")]
mod document;
pub mod duplicates;
pub mod engage;
pub mod expiring;
pub mod export;
pub mod format;
pub mod locale;
pub mod metrics;
pub mod nav;
pub mod profiles;
pub mod said;
pub mod svg;
pub mod tiles;

use std::rc::Rc;

use yew::prelude::*;

pub use chart::UsageChart;
pub use detail::SnapshotDetail;
pub use diagnosis::Diagnosis;
pub use duplicates::Duplicates;
pub use expiring::Expiring;
pub use metrics::CustomerMetrics;
pub use nav::Contents;
pub use profiles::ActiveProfiles;
pub use tiles::Tiles;

use crate::locale::{tr, use_lang, Lang};
use format::{fmt_count, fmt_date};

/// Where a report is shown: live in the viewer, or in a static bundle with no script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// In the viewer: rows can be chosen, switches flipped, the chart's period changed.
    #[default]
    Live,
    /// In a report bundle: everything is shown at once (both chart periods), nothing to click.
    Bundle,
}

/// The mode of the provided context; [`Mode::Live`] when none is provided.
#[hook]
pub fn use_mode() -> Mode {
    use_context::<Mode>().unwrap_or_default()
}

/// What [`ReportView`] renders and the two things a user can do in it.
#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub report: Rc<engine::Report>,
    /// The user chose a Customer-metrics row: its `to` date (YYYY-MM-DD) becomes the as-of date.
    pub onchoosesnapshot: Callback<String>,
    /// The user reclassified an unrecognised value: (field, value, counted?).
    pub onreclassify: Callback<(String, String, bool)>,
    /// The id of the page's *Explain a profile* section, linked from the contents bar (the viewer has one).
    #[prop_or_default]
    pub explain: Option<AttrValue>,
}

/// The props of a section that only reads the report.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub report: Rc<engine::Report>,
}

/// True when the report counted nothing: no rows, no snapshots, no profiles.
pub fn is_empty_report(report: &engine::Report) -> bool {
    report.rows.read == 0 && report.total_active == 0 && report.snapshots.is_empty()
}

/// The whole report, section by section.
#[function_component(ReportView)]
pub fn report_view(props: &ReportViewProps) -> Html {
    let l = use_lang();
    let report = &props.report;
    html! {
        <div class="report" id={nav::REPORT_ID} data-testid="report">
            <Contents report={report.clone()} explain={props.explain.clone()} />
            if is_empty_report(report) {
                <p class="report-empty" data-testid="empty-report" role="status">
                    <strong>{ tr(l, "empty-report-title") }</strong>
                    { " " }{ tr(l, "empty-report-text") }
                </p>
            }
            <Tiles report={report.clone()} />
            <UsageChart report={report.clone()} />
            <CustomerMetrics report={report.clone()} onchoosesnapshot={props.onchoosesnapshot.clone()} />
            <SnapshotDetail report={report.clone()} />
            <Expiring report={report.clone()} />
            <Diagnosis report={report.clone()} onreclassify={props.onreclassify.clone()} />
            <Duplicates report={report.clone()} />
            <ActiveProfiles report={report.clone()} />
        </div>
    }
}

/// A right-aligned table cell with a count, the raw number in `data-value`.
pub fn count_cell(lang: Lang, n: u64) -> Html {
    html! { <td class="num" data-value={n.to_string()}>{ fmt_count(lang, n) }</td> }
}

/// A count in running text, the raw number in `data-value`.
pub fn count_text(lang: Lang, n: u64) -> Html {
    html! { <span class="count" data-value={n.to_string()}>{ fmt_count(lang, n) }</span> }
}

/// A date shown in short form; ISO in `datetime` and `data-date`.
pub fn date_text(lang: Lang, iso: &str) -> Html {
    html! { <time datetime={iso.to_string()} data-date={iso.to_string()}>{ fmt_date(lang, iso) }</time> }
}
