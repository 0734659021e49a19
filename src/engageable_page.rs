//! The Journey Optimizer *Engageable profiles* tab: its banner, downloads, settings (as-of date, licensed number, profile snapshot), progress and the report.
//!
//! Everything here renders `ViewerState::engageable` and dispatches
//! [`EngageableAction`]s; counting is the worker's, the demo's too.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engageable::{EngageableAction, EngageableSource};
use crate::locale::{tr, trf, use_lang};
use crate::state::{Action, Run, ViewerState};

#[derive(Properties, PartialEq)]
pub struct EngageablePageProps {
    pub state: UseReducerHandle<ViewerState>,
}

/// The file names of the report's downloads: `engageable-2026-11-30` (its as-of date).
fn file_stem(report: &engine::engage::EngageableReport) -> String {
    match report.as_of.as_deref() {
        Some(day) => format!("engageable-{day}"),
        None => "engageable".to_string(),
    }
}

/// The Engageable profiles tab, under the tab bar.
#[function_component(EngageablePage)]
pub fn engageable_page(props: &EngageablePageProps) -> Html {
    let l = use_lang();
    let e = &props.state.engageable;
    let dispatch = props.state.dispatcher();
    let oncancel = dispatch.to_callback().reform(|_: MouseEvent| Action::Engageable(EngageableAction::Cancel));
    let ondemo = dispatch.to_callback().reform(|_: MouseEvent| Action::Engageable(EngageableAction::Demo));
    let banner = match &e.source {
        EngageableSource::Files { events, snapshot } => {
            let bytes: f64 = events.iter().map(|f| f.handle.file.size()).sum();
            html! {
                <p class="sources" data-testid="engageable-sources">
                    { trf(l, "eng-sources", &[("n", (events.len() as u64).into()), ("size", crate::app::human_bytes(l, bytes).into())]) }
                    if !snapshot.is_empty() {
                        { " " }{ trf(l, "eng-sources-snapshot", &[("n", (snapshot.len() as u64).into())]) }
                    }
                    { " " }
                    <button type="button" class="link" data-testid="engageable-demo" onclick={ondemo}>{ tr(l, "profiles-back-to-demo") }</button>
                </p>
            }
        }
        _ => html! { <p class="demo-banner" data-testid="engageable-demo-banner">{ tr(l, "eng-demo-banner") }</p> },
    };
    html! {
        <div class="profiles-page engageable-page" data-testid="engageable-page">
            { banner }
            <EngageableShare state={props.state.clone()} />
            <EngageableSettings state={props.state.clone()} />
            if let Run::Reading { done, total, rows, .. } = e.run {
                <section class="progress" data-testid="engageable-progress" aria-label={tr(l, "progress-label")}>
                    <progress max={total.max(1).to_string()} value={done.to_string()}></progress>
                    <span data-testid="engageable-progress-text" data-value={done.to_string()}>
                        { trf(l, "profiles-progress", &[
                            ("done", crate::app::human_bytes(l, done as f64).into()),
                            ("total", crate::app::human_bytes(l, total as f64).into()),
                            ("lines", crate::views::format::fmt_count(l, rows).into()),
                        ]) }
                    </span>
                    <button type="button" data-testid="engageable-cancel" onclick={oncancel}>{ tr(l, "cancel") }</button>
                </section>
            }
            if e.ready() {
                <span data-testid="engageable-ready" data-run={e.last_run.to_string()} hidden=true></span>
            }
            <div class={classes!("report-area", (!e.ready()).then_some("stale"))} aria-busy={(!e.ready()).to_string()}>
                if !e.ready() {
                    <p class="stale-note">{ tr(l, "stale-note") }</p>
                }
                <views::engage::EngageableView report={e.report.clone()} lang={l} />
            </div>
        </div>
    }
}

/// The as-of date, the licensed number and the profile snapshot: the first two recount without
/// reading again; a snapshot is read with the events.
#[function_component(EngageableSettings)]
fn engageable_settings(props: &EngageablePageProps) -> Html {
    let l = use_lang();
    let e = &props.state.engageable;
    let dispatch = props.state.dispatcher();
    let input_value =
        |e: &Event| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
    let onasof = dispatch.to_callback().reform(move |e: Event| {
        let date = input_value(&e).and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok());
        Action::Engageable(EngageableAction::AsOf(date))
    });
    let onlicensed = dispatch.to_callback().reform(move |e: Event| {
        let typed = input_value(&e).unwrap_or_default();
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        Action::Engageable(EngageableAction::Licensed(digits.parse().ok()))
    });
    let onsnapshot = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(list) = e.target_dyn_into::<web_sys::HtmlInputElement>().and_then(|input| input.files()) else {
                return;
            };
            let files: Vec<crate::worker::RecordHandle> = crate::given::picked(list)
                .into_iter()
                .map(|(file, path)| crate::worker::RecordHandle { path, handle: crate::worker::FileHandle::new(file) })
                .collect();
            dispatch.dispatch(Action::Engageable(EngageableAction::Snapshot(files)));
        })
    };
    let onsandbox = dispatch
        .to_callback()
        .reform(move |e: Event| Action::Engageable(EngageableAction::Sandbox(input_value(&e).unwrap_or_default())));
    let sandbox = e.sandbox.as_ref().map(|s| format!("{}:{}", s.name, s.kind.as_str())).unwrap_or_default();
    let as_of = e.settings.as_of.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let licensed = e.settings.licensed.map(|n| n.to_string()).unwrap_or_default();
    let files = matches!(e.source, EngageableSource::Files { .. });
    html! {
        <section class="settings" aria-label={tr(l, "settings")} data-testid="engageable-settings">
            <label>{ tr(l, "eng-as-of") }
                <small class="hint">{ tr(l, "eng-as-of-hint") }</small>
                <input type="date" data-testid="eng-setting-as-of" value={as_of} onchange={onasof} />
            </label>
            <label>{ tr(l, "eng-tile-licensed") }
                <small class="hint">{ tr(l, "eng-licensed-hint") }</small>
                <input type="text" inputmode="numeric" data-testid="eng-setting-licensed" value={licensed} onchange={onlicensed} />
            </label>
            <label>{ tr(l, "eng-sandbox") }
                <small class="hint">{ tr(l, "eng-sandbox-hint") }</small>
                <input type="text" data-testid="eng-setting-sandbox" spellcheck="false" placeholder="prod:production"
                    value={sandbox} onchange={onsandbox} />
            </label>
            <label>{ tr(l, "eng-snapshot") }
                <small class="hint">{ tr(l, if files { "eng-snapshot-hint" } else { "eng-snapshot-demo" }) }</small>
                <input type="file" multiple=true accept=".json,.gz,.parquet,.jsonl,application/json,application/gzip"
                    data-testid="eng-snapshot-files" disabled={!files} onchange={onsnapshot} />
            </label>
        </section>
    }
}

/// *Download report* (one HTML file) and *Export* (its JSON, each table as CSV) of the report on screen.
#[function_component(EngageableShare)]
fn engageable_share(props: &EngageablePageProps) -> Html {
    let l = use_lang();
    let e = &props.state.engageable;
    let saved = use_state(|| None::<String>);
    let stem = file_stem(&e.report);
    let disabled = !e.ready();
    let demo = matches!(e.source, EngageableSource::Demo);
    let ondownload = {
        let report = e.report.clone();
        let make = move || {
            let report = report.clone();
            async move {
                let meta = views::bundle::BundleMeta {
                    title: String::new(),
                    made: crate::share::now_iso(),
                    engine: format!("active-profiles {}", engine::VERSION),
                    lang: l,
                };
                views::bundle::render_engageable((*report).clone(), meta).await
            }
        };
        crate::share::on_save_html(make, format!("{stem}.html"), saved.clone())
    };
    let onjson = crate::share::on_save_json(e.report.clone(), format!("{stem}.json"), saved.clone());
    let tables = views::export::engageable_tables(&e.report, l);
    html! {
        <div class="share-bar" data-testid="engageable-share">
            <button type="button" class={classes!((!demo).then_some("primary"))} data-testid="engageable-download" {disabled} onclick={ondownload}
                title={tr(l, "share-download-hint")}>
                { tr(l, "share-download") }
            </button>
            <details class="export-menu" data-testid="engageable-export-menu">
                <summary>{ tr(l, "share-export") }</summary>
                <div class="export-panel">
                    <h2>{ tr(l, "share-json") }</h2>
                    <div><button type="button" data-testid="engageable-export-json" {disabled} onclick={onjson}>
                        { format!("{stem}.json") }
                    </button></div>
                    { crate::profiles_share::csv_list(l, tables, &stem, "engageable", disabled, &saved) }
                </div>
            </details>
            if let Some(file) = &*saved {
                <p class="share-saved" role="status" data-testid="engageable-share-saved">{ trf(l, "share-saved", &[("file", file.into())]) }</p>
            }
        </div>
    }
}
