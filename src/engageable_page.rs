//! The Journey Optimizer *Engageable profiles* tab: its banner, downloads, settings (as-of date, licensed number, profile snapshot), the mapping step of events CSVs, each file's sandbox, progress and the report.
//!
//! Everything here renders `ViewerState::engageable` and dispatches
//! [`EngageableAction`]s; counting is the worker's, the demo's too.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use engine::engage::{Sandbox, SandboxType};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engageable::{EngageableAction, EngageableSource};
use crate::locale::{tr, trf, use_lang};
use crate::mapping::{Fields, MappingStep};
use crate::protocol::{EventFileOptions, EventFileRead, RecordHandle};
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
        EngageableSource::Files { events, snapshot, .. } => {
            let bytes: f64 = events.iter().map(|f| f.handle.file.size()).sum();
            html! {
                <p class="sources" data-testid="engageable-sources">
                    { trf(l, "eng-sources", &[("n", (events.len() as u64).into()), ("size", crate::locale::human_bytes(l, bytes).into())]) }
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
            <EngageableColumns state={props.state.clone()} />
            <EngageableFiles state={props.state.clone()} />
            if let Run::Reading { done, total, rows, .. } = e.run {
                <section class="progress" data-testid="engageable-progress" aria-label={tr(l, "progress-label")}>
                    <progress max={total.max(1).to_string()} value={done.to_string()}></progress>
                    <span data-testid="engageable-progress-text" data-value={done.to_string()}>
                        { trf(l, "profiles-progress", &[
                            ("done", crate::locale::human_bytes(l, done as f64).into()),
                            ("total", crate::locale::human_bytes(l, total as f64).into()),
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
            let files: Vec<crate::protocol::RecordHandle> = crate::given::picked(list)
                .into_iter()
                .map(|(file, path)| crate::protocol::RecordHandle {
                    path,
                    handle: crate::protocol::FileHandle::new(file),
                })
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

/// The files of events of the run with what their last read found, in order (none for the demo).
fn files_read(state: &ViewerState) -> Vec<(usize, &RecordHandle, &EventFileOptions, &EventFileRead)> {
    let e = &state.engageable;
    let EngageableSource::Files { events, files, .. } = &e.source else { return Vec::new() };
    events
        .iter()
        .zip(files)
        .zip(&e.reads)
        .enumerate()
        .map(|(i, ((file, chosen), read))| (i, file, chosen, read))
        .collect()
}

/// A routine step, as for delivery logs: an events CSV whose time or profile column was not
/// recognised shows its first rows and asks which column holds each missing field (and offers its
/// other columns for the optional ones). The other files are counted meanwhile; the files are read
/// again once every missing field has a column. A mapping made before for the same headers is used
/// again by itself.
#[function_component(EngageableColumns)]
fn engageable_columns(props: &EngageablePageProps) -> Html {
    let l = use_lang();
    let dispatch = props.state.dispatcher();
    let needed: Vec<(usize, RecordHandle, EventFileOptions, EventFileRead)> = files_read(&props.state)
        .into_iter()
        .filter(|(_, _, _, read)| !read.missing.is_empty())
        .map(|(i, file, chosen, read)| (i, file.clone(), chosen.clone(), read.clone()))
        .collect();
    {
        let dispatch = dispatch.clone();
        use_effect_with(needed.clone(), move |needed| {
            for (file, _, chosen, read) in needed {
                let remembered = crate::storage::remembered_mapping_in(Fields::Events.memory(), &read.headers);
                if !remembered.is_empty() && remembered.iter().any(|(f, h)| chosen.mapping.get(f) != Some(h)) {
                    let mapping: BTreeMap<String, String> = remembered;
                    dispatch.dispatch(Action::Engageable(EngageableAction::MapRemembered { file: *file, mapping }));
                }
            }
        });
    }
    // Files counted with columns chosen by hand: the choice can be changed (a wrong one, remembered, would
    // otherwise map the same export wrongly every time).
    let mapped: Vec<(usize, RecordHandle, EventFileOptions)> = files_read(&props.state)
        .into_iter()
        .filter(|(_, _, chosen, read)| read.missing.is_empty() && !chosen.mapping.is_empty())
        .map(|(i, file, chosen, _)| (i, file.clone(), chosen.clone()))
        .collect();
    let onset = |i: usize| {
        dispatch.to_callback().reform(move |(field, header): (String, Option<String>)| {
            Action::Engageable(EngageableAction::MapColumn { file: i, field, header })
        })
    };
    let required: Vec<String> = ["time", "profile"].map(String::from).into();
    let mapped = html! {
        { for mapped.into_iter().map(|(i, file, chosen)| html! {
            <details class="eng-mapped-columns" data-testid="eng-columns-mapped" data-file={file.path.clone()}>
                <summary>{ trf(l, "eng-columns-mapped", &[("file", (&file.path).into())]) }</summary>
                <MappingStep file={file.handle.clone()} fields={required.clone()} mapping={chosen.mapping.clone()}
                    automatic={BTreeMap::new()} dispatch={props.state.dispatcher()} kind={Fields::Events} onset={Some(onset(i))} />
            </details>
        }) }
    };
    if needed.is_empty() {
        return mapped;
    }
    html! {
        <>
        { mapped }
        <section class="columns-needed" data-testid="eng-columns-needed" aria-labelledby="eng-columns-needed-title">
            <h2 id="eng-columns-needed-title">{ tr(l, "columns-needed-title") }</h2>
            { for needed.into_iter().map(|(i, file, chosen, read)| {
                let fields: Vec<String> = read.missing.iter().map(|f| Fields::Events.label(l, f)).collect();
                let onset = onset(i);
                html! {
                    <div class="problem" data-testid="eng-columns-file" data-file={file.path.clone()}>
                        <h3>{ trf(l, "mapping-which", &[("fields", fields.join(", ").into()), ("file", (&file.path).into())]) }</h3>
                        <p class="hint">{ tr(l, "eng-columns-hint") }</p>
                        <MappingStep file={file.handle.clone()} fields={read.missing.clone()} mapping={chosen.mapping.clone()}
                            automatic={BTreeMap::new()} dispatch={props.state.dispatcher()} kind={Fields::Events} onset={Some(onset)} />
                    </div>
                }
            }) }
        </section>
        </>
    }
}

/// Each file of events and its sandbox: the sandboxes its events name, said as read from the data;
/// where some name none, the sandbox they go to (the run's setting until one is chosen here).
/// Changing one reads the files again: a counted event cannot be moved to another sandbox.
#[function_component(EngageableFiles)]
fn engageable_files(props: &EngageablePageProps) -> Html {
    let l = use_lang();
    let e = &props.state.engageable;
    let files = files_read(&props.state);
    if files.is_empty() {
        return html! {};
    }
    let dispatch = props.state.dispatcher();
    let run_sandbox = e.sandbox.clone().unwrap_or_default();
    let kind_word = |k: SandboxType| tr(l, &format!("eng-type-{}", k.as_str()));
    html! {
        <section class="eng-file-sandboxes" data-testid="eng-file-sandboxes" aria-labelledby="eng-file-sandboxes-title">
            <h2 id="eng-file-sandboxes-title">{ tr(l, "eng-file-sandboxes-title") }</h2>
            <p class="hint">{ tr(l, "eng-file-sandboxes-hint") }</p>
            <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{ tr(l, "col-file") }</th>
                    <th scope="col">{ tr(l, "eng-col-sandbox") }</th>
                </tr></thead>
                <tbody>
                    { for files.into_iter().map(|(i, file, chosen, read)| {
                        let own = chosen.sandbox.is_some();
                        let current = chosen.sandbox.clone().unwrap_or_else(|| run_sandbox.clone());
                        let named = read.sandboxes.named.iter()
                            .map(|s| format!("{} ({})", s.name, kind_word(s.kind)))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let onname = {
                            let kind = current.kind;
                            dispatch.to_callback().reform(move |ev: Event| {
                                let typed = ev.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                                let name = typed.trim().to_string();
                                let sandbox = (!name.is_empty()).then_some(Sandbox { name, kind });
                                Action::Engageable(EngageableAction::FileSandbox { file: i, sandbox })
                            })
                        };
                        let onkind = {
                            let name = current.name.clone();
                            dispatch.to_callback().reform(move |ev: Event| {
                                let chosen = ev.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                                let kind = SandboxType::parse(&chosen).unwrap_or_default();
                                Action::Engageable(EngageableAction::FileSandbox { file: i, sandbox: Some(Sandbox { name: name.clone(), kind }) })
                            })
                        };
                        html! {
                            <tr data-testid="eng-file-sandbox" data-file={file.path.clone()} data-index={i.to_string()}>
                                <th scope="row" class="file-name">{ &file.path }</th>
                                <td>
                                    if !read.missing.is_empty() {
                                        <span class="hint" data-testid="eng-file-sandbox-waits">{ tr(l, "eng-file-sandbox-waits") }</span>
                                    } else {
                                        if !named.is_empty() {
                                            <span data-testid="eng-file-sandbox-data" data-sandboxes={named.clone()}>
                                                { trf(l, "eng-file-sandbox-from-data", &[("sandboxes", named.clone().into())]) }
                                            </span>
                                        }
                                        if read.sandboxes.unnamed {
                                            <span class="file-sandbox-choice">
                                                if !named.is_empty() {
                                                    <span class="hint">{ tr(l, "eng-file-sandbox-others") }</span>
                                                }
                                                <input type="text" spellcheck="false" data-testid="eng-file-sandbox-name"
                                                    aria-label={trf(l, "eng-file-sandbox-name-label", &[("file", (&file.path).into())])}
                                                    placeholder={run_sandbox.name.clone()}
                                                    value={current.name.clone()} onchange={onname} />
                                                <select data-testid="eng-file-sandbox-type" onchange={onkind}
                                                    aria-label={trf(l, "eng-file-sandbox-type-label", &[("file", (&file.path).into())])}>
                                                    { for [SandboxType::Production, SandboxType::Development].into_iter().map(|k| html! {
                                                        <option value={k.as_str()} selected={k == current.kind}>{ kind_word(k) }</option>
                                                    }) }
                                                </select>
                                                if !own {
                                                    <small class="hint" data-testid="eng-file-sandbox-default">{ tr(l, "eng-file-sandbox-default") }</small>
                                                }
                                            </span>
                                        }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
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
