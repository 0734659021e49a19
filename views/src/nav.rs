//! Ways around a long report: the contents bar with a link to each section, and long tables that show their first rows.
//!
//! Every section of [`crate::ReportView`] has one of the ids of [`SECTIONS`];
//! the [`Contents`] bar links to them (and to the page's *Explain a profile*
//! when the viewer names its anchor). [`LongTable`] shows the first
//! [`FIRST_ROWS`] rows of a table with a *Show all (N)* button in the viewer;
//! a bundle, where no script runs, shows every row.

use yew::prelude::*;

use engine::Report;

use crate::locale::{tr, trf, use_lang};
use crate::{use_mode, Mode};

/// The rows a long table shows before *Show all*.
pub const FIRST_ROWS: usize = 12;

/// The id of the report's container (the skip link's target).
pub const REPORT_ID: &str = "report";

/// Each section's id and the catalog key of its link, in page order.
pub const SECTIONS: [(&str, &str); 9] = [
    ("report-tiles", "nav-tiles"),
    ("report-chart", "chart-title"),
    ("report-metrics", "metrics-title"),
    ("report-detail", "detail-title"),
    ("report-channels", "channels"),
    ("report-expiring", "expiring-title"),
    ("report-diagnosis", "diagnosis-title"),
    ("report-duplicates", "duplicates-title"),
    ("report-profiles", "profiles-title"),
];

/// The id of the rejected rows, grouped by reason, in the diagnosis (the tiles link to it).
pub const REJECTED_ID: &str = "report-rejected";

/// The sections a report shows: every one, the active profiles only when the report holds them.
pub fn sections(report: &Report) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    SECTIONS.into_iter().filter(move |(id, _)| *id != "report-profiles" || report.profiles.is_some())
}

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    pub report: std::rc::Rc<Report>,
    /// The id of the page's *Explain a profile* section, when the page has one (the viewer).
    #[prop_or_default]
    pub explain: Option<AttrValue>,
}

/// A link to each section of the report: a bar that stays at the top on wide screens, a compact row on phones.
#[function_component(Contents)]
pub fn contents(props: &ContentsProps) -> Html {
    let l = use_lang();
    let links = sections(&props.report).map(|(id, key)| (id, tr(l, key)));
    let explain = props.explain.as_ref().map(|id| (id.clone(), tr(l, "explain-title")));
    contents_bar(l, links, explain)
}

/// The contents bar of a report: a link to each `(id, words)` section, and to the page's explain
/// section when there is one (the Campaign and the Profiles reports share it).
pub fn contents_bar<'a>(
    l: crate::locale::Lang,
    links: impl Iterator<Item = (&'a str, String)>,
    explain: Option<(AttrValue, String)>,
) -> Html {
    html! {
        <nav class="report-contents no-print" aria-label={tr(l, "nav-label")} data-testid="contents">
            <ul>
                { for links.map(|(id, words)| html! {
                    <li><a href={format!("#{id}")} data-testid="contents-link">{ words }</a></li>
                }) }
                if let Some((explain, words)) = explain {
                    <li class="contents-explain">
                        <a href={format!("#{explain}")} data-testid="contents-explain">{ words }</a>
                    </li>
                }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct LongTableProps {
    /// The table's classes (`data-table` is added).
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub caption: Html,
    pub head: Html,
    /// Every row, in order.
    pub rows: Vec<Html>,
    /// Rows shown before *Show all* when there are more than [`FIRST_ROWS`] (e.g. to keep a chosen row in view).
    #[prop_or(FIRST_ROWS)]
    pub first: usize,
}

/// A table that shows its first rows and a *Show all (N)* button in the viewer; every row in a bundle.
#[function_component(LongTable)]
pub fn long_table(props: &LongTableProps) -> Html {
    let l = use_lang();
    let live = use_mode() == Mode::Live;
    let all = use_state(|| false);
    let total = props.rows.len();
    let first = props.first.max(FIRST_ROWS);
    let shown = if !live || *all || total <= first { total } else { first };
    let onshowall = {
        let all = all.clone();
        move |_| all.set(true)
    };
    html! {
        <>
            <table class={classes!("data-table", props.class.clone())} data-testid={props.testid.clone()}>
                <caption>{ props.caption.clone() }</caption>
                { props.head.clone() }
                <tbody>
                    { for props.rows.iter().take(shown).cloned() }
                </tbody>
            </table>
            if shown < total {
                <button type="button" class="show-all" data-testid="show-all" data-rows={total.to_string()} onclick={onshowall}>
                    { trf(l, "show-all", &[("n", (total as u64).into()), ("count", crate::format::fmt_count(l, total as u64).into())]) }
                </button>
            }
        </>
    }
}
