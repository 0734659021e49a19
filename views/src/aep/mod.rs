//! The Journey Optimizer *Profiles* report on screen: Yew components that render a `profiles/1` report and an explained identity.
//!
//! [`ProfilesView`] shows an [`engine::aep::ProfilesReport`] top to bottom,
//! under its own contents bar: the tiles ([`figures::ProfileTiles`]),
//! profiles by identity and single-identity profiles, the overlap of two
//! namespaces with the full pair table, audiences and unsegmented profiles,
//! the trend when there are several snapshots, then what the console does not
//! show ([`unseen`]: case duplicates, collapse suspects, `graph` against
//! `none`, pseudonymous-only profiles), the diagnosis, and an explained
//! identity when one is given ([`explain::ExplainedView`]). The figures are
//! those of the latest snapshot; the trend and the CSV export hold every one.
//!
//! It reuses the Campaign report's pieces: the tile, table and section
//! classes, [`crate::svg`] for the bar charts, [`crate::nav`] for the contents
//! bar and long tables, [`crate::diagnosis`] for rejected records grouped by
//! reason (said with [`crate::said`]) and warnings, and [`crate::Mode`]:
//! in a bundle every part is shown without controls (the overlap view shows
//! the pair with the largest overlap). Identity values are shown only where
//! the report holds them: the engine leaves them out unless asked.

#[cfg(feature = "ssr")]
pub mod bundle;
pub mod charts;
pub mod diagnosis;
pub mod explain;
pub mod figures;
pub mod unseen;

use std::rc::Rc;

use engine::aep::report::SnapshotFigures;
use engine::aep::{Explained, ProfilesReport};
use yew::prelude::*;

use crate::format::fmt_date;
use crate::locale::{tr, trf, Lang};

pub use explain::ExplainedView;

/// What [`ProfilesView`] renders.
#[derive(Properties, PartialEq)]
pub struct ProfilesViewProps {
    pub report: Rc<ProfilesReport>,
    /// The language of the words, numbers and dates (provided as context to every part).
    pub lang: Lang,
    /// The answer of *Explain an identity*, shown below the report when there is one.
    #[prop_or_default]
    pub explained: Option<Rc<Explained>>,
    /// The id of the page's own *Explain an identity* section (the viewer's form), linked from the contents bar.
    #[prop_or_default]
    pub explain: Option<AttrValue>,
}

/// The props of a part that only reads the report.
#[derive(Properties, PartialEq)]
pub struct ProfilesProps {
    pub report: Rc<ProfilesReport>,
}

/// The id of the Profiles report's container.
pub const PROFILES_ID: &str = "profiles-report";

/// The id of the rejected records in the diagnosis (the tiles link to it).
pub const REJECTED_ID: &str = "profiles-rejected";

/// The id of the explained identity's section.
pub const EXPLAINED_ID: &str = "profiles-explained";

/// Each section's id and the catalog key of its link, in page order.
pub const SECTIONS: [(&str, &str); 7] = [
    ("profiles-tiles", "nav-tiles"),
    ("profiles-identity", "aep-identity-title"),
    ("profiles-overlap", "aep-overlap-title"),
    ("profiles-audiences", "aep-audiences-title"),
    ("profiles-trend", "aep-trend-title"),
    ("profiles-unseen", "aep-unseen-title"),
    ("profiles-diagnosis", "diagnosis-title"),
];

/// The sections a report shows: the trend only when it has several snapshots.
pub fn sections(report: &ProfilesReport) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    SECTIONS.into_iter().filter(move |(id, _)| *id != "profiles-trend" || report.snapshots.len() > 1)
}

/// The snapshot whose figures the report shows: the latest.
pub fn latest(report: &ProfilesReport) -> Option<&SnapshotFigures> {
    report.snapshots.last()
}

/// True when the report used no record.
pub fn is_empty(report: &ProfilesReport) -> bool {
    report.snapshots.is_empty() && report.rows.used == 0
}

/// A snapshot's time in words: `1 Nov 2026`, `1 Nov 2026 12:30 UTC` when not at midnight, or
/// "no snapshot time" for files outside any `exportTime=` folder.
pub fn snapshot_words(l: Lang, time: Option<&str>) -> String {
    let Some(t) = time else { return tr(l, "aep-snapshot-untimed") };
    let Some(day) = t.get(..10) else { return t.to_string() };
    let date = fmt_date(l, day);
    match t.get(11..16) {
        Some(hm) if hm != "00:00" => format!("{date} {hm} UTC"),
        _ => date,
    }
}

/// A snapshot's time as a `<time>` element, its ISO form in `datetime` and `data-time`.
pub fn snapshot_time(l: Lang, time: Option<&str>) -> Html {
    match time {
        Some(t) => {
            html! { <time datetime={t.to_string()} data-time={t.to_string()}>{ snapshot_words(l, Some(t)) }</time> }
        }
        None => html! { <span class="snapshot-untimed">{ snapshot_words(l, None) }</span> },
    }
}

/// The whole Profiles report, section by section.
#[function_component(ProfilesView)]
pub fn profiles_view(props: &ProfilesViewProps) -> Html {
    let l = props.lang;
    let report = &props.report;
    let links = sections(report).map(|(id, key)| (id, tr(l, key)));
    let explain = match (&props.explain, &props.explained) {
        (Some(id), _) => Some((id.clone(), tr(l, "aep-explain-title"))),
        (None, Some(_)) => Some((AttrValue::from(EXPLAINED_ID), tr(l, "aep-explain-title"))),
        _ => None,
    };
    html! {
        <ContextProvider<Lang> context={l}>
            <div class="report profiles-report" id={PROFILES_ID} data-testid="profiles-report">
                { crate::nav::contents_bar(l, links, explain) }
                if is_empty(report) {
                    <p class="report-empty" data-testid="profiles-empty" role="status">
                        <strong>{ tr(l, "aep-empty-title") }</strong>{ " " }{ tr(l, "aep-empty-text") }
                    </p>
                } else if report.snapshots.len() == 1 && latest(report).is_some_and(|s| s.time.is_none()) {
                    <p class="profiles-shown" data-testid="profiles-shown">
                        { trf(l, "aep-shown-untimed", &[("stitching", stitching_words(l, &report.stitching).into())]) }
                    </p>
                } else if let Some(s) = latest(report) {
                    <p class="profiles-shown" data-testid="profiles-shown">
                        { trf(l, if report.snapshots.len() > 1 { "aep-shown-latest" } else { "aep-shown-one" }, &[
                            ("n", (report.snapshots.len() as u64).into()),
                            ("stitching", stitching_words(l, &report.stitching).into()),
                        ]) }
                        { " " }{ snapshot_time(l, s.time.as_deref()) }
                    </p>
                }
                <figures::ProfileTiles report={report.clone()} />
                <figures::ByIdentity report={report.clone()} />
                <figures::Overlap report={report.clone()} />
                <figures::Audiences report={report.clone()} />
                if report.snapshots.len() > 1 {
                    <charts::Trend report={report.clone()} />
                }
                <unseen::Unseen report={report.clone()} />
                <diagnosis::ProfilesDiagnosis report={report.clone()} />
                if let Some(x) = &props.explained {
                    <section class="report-section explained-section" id={EXPLAINED_ID}>
                        <h2>{ tr(l, "aep-explain-title") }</h2>
                        <ExplainedView explained={x.clone()} />
                    </section>
                }
            </div>
        </ContextProvider<Lang>>
    }
}

/// The words for a stitching (`graph` or `none`); another value as written.
pub fn stitching_words(l: Lang, stitching: &str) -> String {
    match stitching {
        "graph" => tr(l, "aep-stitching-graph"),
        "none" => tr(l, "aep-stitching-none"),
        other => other.to_string(),
    }
}
