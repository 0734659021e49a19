//! Sharing the Profiles report on screen: *Download report* (one HTML file) and *Export* (its JSON, each table as CSV).
//!
//! Made in this page and handed to the browser as `blob:` downloads
//! ([`crate::share::save`]); nothing is uploaded. Identity values are in them
//! only while *Show identity values* is ticked (the report holds none otherwise).

use std::rc::Rc;

use engine::aep::ProfilesReport;
use yew::prelude::*;

use crate::locale::{tr, trf, use_lang};
use crate::share::save;

#[derive(Properties, PartialEq)]
pub struct ProfilesShareProps {
    pub report: Rc<ProfilesReport>,
    /// The report on screen is complete (no read or recount under way).
    pub ready: bool,
    /// The demo is on screen: opening files is the primary action, not this download.
    #[prop_or_default]
    pub demo: bool,
}

/// The file names of the report's downloads: `profiles-2026-11-01` (its latest snapshot) and a suffix.
pub fn file_stem(report: &ProfilesReport) -> String {
    match report.snapshots.iter().rev().find_map(|s| s.time.as_deref()).and_then(|t| t.get(..10)) {
        Some(day) => format!("profiles-{day}"),
        None => "profiles".to_string(),
    }
}

/// *Download report* and *Export* of the Profiles report.
#[function_component(ProfilesShare)]
pub fn profiles_share(props: &ProfilesShareProps) -> Html {
    let l = use_lang();
    let saved = use_state(|| None::<String>);
    let stem = file_stem(&props.report);
    let disabled = !props.ready;
    let ondownload = {
        let report = props.report.clone();
        crate::share::on_save_html(move || bundle(report.clone(), l), format!("{stem}.html"), saved.clone())
    };
    let onjson = crate::share::on_save_json(props.report.clone(), format!("{stem}.json"), saved.clone());
    html! {
        <div class="share-bar" data-testid="profiles-share">
            <button type="button" class={classes!((!props.demo).then_some("primary"))} data-testid="profiles-download" {disabled} onclick={ondownload}
                title={tr(l, "share-download-hint")}>
                { tr(l, "share-download") }
            </button>
            <details class="export-menu" data-testid="profiles-export-menu">
                <summary>{ tr(l, "share-export") }</summary>
                <div class="export-panel">
                    <h2>{ tr(l, "share-json") }</h2>
                    <p class="hint">{ tr(l, "profiles-json-hint") }</p>
                    <div><button type="button" data-testid="profiles-export-json" {disabled} onclick={onjson}>
                        { format!("{stem}.json") }
                    </button></div>
                    { csv_list(l, views::export::profile_tables(&props.report, l), &stem, "profiles", disabled, &saved) }
                </div>
            </details>
            if let Some(file) = &*saved {
                <p class="share-saved" role="status" data-testid="profiles-share-saved">{ trf(l, "share-saved", &[("file", file.into())]) }</p>
            }
        </div>
    }
}

/// The report as one HTML file ([`views::bundle::render_profiles`]), in the page's language.
pub async fn bundle(report: Rc<ProfilesReport>, lang: crate::locale::Lang) -> String {
    let meta = views::bundle::BundleMeta {
        title: String::new(),
        made: crate::share::now_iso(),
        engine: format!("active-profiles {}", engine::VERSION),
        lang,
    };
    views::bundle::render_profiles((*report).clone(), meta).await
}

/// One button per table of a report (e.g. [`views::export::profile_tables`]), as CSV; the buttons'
/// test ids are `<report>-export-csv-<table>`.
pub fn csv_list(
    l: crate::locale::Lang,
    tables: Vec<views::export::Table>,
    stem: &str,
    report: &str,
    disabled: bool,
    saved: &UseStateHandle<Option<String>>,
) -> Html {
    use views::export::{self, Delimiter};
    html! {
        <>
        <h2>{ tr(l, "share-csv") }</h2>
        <ul class="csv-list">
            { for tables.into_iter().map(|table| {
                let name = format!("{stem}-{}.csv", table.id);
                let label = trf(l, "share-csv-table", &[
                    ("title", (&table.title).into()),
                    ("n", (table.rows.len() as u64).into()),
                    ("count", views::format::fmt_count(l, table.rows.len() as u64).into()),
                ]);
                let testid = format!("{report}-export-csv-{}", table.id);
                let onclick = {
                    let (saved, name) = (saved.clone(), name.clone());
                    Callback::from(move |_: MouseEvent| {
                        let bytes = export::to_csv(&table, Delimiter::Comma);
                        saved.set(Some(match save(&name, "text/csv;charset=utf-8", &bytes) {
                            Ok(()) => name.clone(),
                            Err(e) => e,
                        }));
                    })
                };
                html! { <li><button type="button" data-testid={testid} {disabled} {onclick}>{ label }</button></li> }
            }) }
        </ul>
        </>
    }
}
