//! The Journey Optimizer *Profiles* tab: its banner, settings, progress, the report, *Explain an identity* and its downloads.
//!
//! Everything here renders `ViewerState::profiles` and dispatches
//! [`ProfilesAction`]s; counting is the worker's, the demo's too.

use engine::aep::Stitching;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::locale::{tr, trf, use_lang};
use crate::profiles::{ProfilesAction, ProfilesSource};
use crate::state::{Action, Run, ViewerState};

#[derive(Properties, PartialEq)]
pub struct ProfilesPageProps {
    pub state: UseReducerHandle<ViewerState>,
}

/// The id of the *Explain an identity* heading.
pub const EXPLAIN_ID: &str = "explain-identity-title";

/// The Profiles tab, under the tab bar.
#[function_component(ProfilesPage)]
pub fn profiles_page(props: &ProfilesPageProps) -> Html {
    let l = use_lang();
    let p = &props.state.profiles;
    let dispatch = props.state.dispatcher();
    let act = move |a: ProfilesAction| Action::Profiles(a);
    let oncancel = dispatch.to_callback().reform(move |_: MouseEvent| act(ProfilesAction::Cancel));
    let ondemo = dispatch.to_callback().reform(move |_: MouseEvent| act(ProfilesAction::Demo));
    let demo = matches!(p.source, ProfilesSource::Demo);
    let banner = match &p.source {
        ProfilesSource::Files(files) => {
            let bytes: f64 = files.iter().map(|f| f.handle.file.size()).sum();
            html! {
                <p class="sources" data-testid="profiles-sources">
                    { trf(l, "profiles-sources", &[("n", (files.len() as u64).into()), ("size", crate::locale::human_bytes(l, bytes).into())]) }
                    { " " }
                    <button type="button" class="link" data-testid="profiles-demo" onclick={ondemo}>{ tr(l, "profiles-back-to-demo") }</button>
                </p>
            }
        }
        _ => html! { <p class="demo-banner" data-testid="profiles-demo-banner">{ tr(l, "profiles-demo-banner") }</p> },
    };
    html! {
        <div class="profiles-page" data-testid="profiles-page">
            { banner }
            <crate::profiles_share::ProfilesShare report={p.report.clone()} ready={p.ready()}
                {demo} />
            <ProfilesSettings state={props.state.clone()} />
            if let Run::Reading { done, total, rows, .. } = p.run {
                <section class="progress" data-testid="profiles-progress" aria-label={tr(l, "progress-label")}>
                    <progress max={total.max(1).to_string()} value={done.to_string()}></progress>
                    <span data-testid="profiles-progress-text" data-value={done.to_string()}>
                        { trf(l, "profiles-progress", &[
                            ("done", crate::locale::human_bytes(l, done as f64).into()),
                            ("total", crate::locale::human_bytes(l, total as f64).into()),
                            ("lines", crate::views::format::fmt_count(l, rows).into()),
                        ]) }
                    </span>
                    <button type="button" data-testid="profiles-cancel" onclick={oncancel}>{ tr(l, "cancel") }</button>
                </section>
            }
            if p.ready() {
                <span data-testid="profiles-ready" data-run={p.last_run.to_string()} hidden=true></span>
            }
            <div class={classes!("report-area", (!p.ready()).then_some("stale"))} aria-busy={(!p.ready()).to_string()}>
                if !p.ready() {
                    <p class="stale-note">{ tr(l, if demo { "profiles-demo-counting" } else { "stale-note" }) }</p>
                }
                // The worker's first answer for the demo: until then, no dashboard of zeros.
                if !(demo && !p.ready() && p.report.snapshots.is_empty()) {
                    <views::aep::ProfilesView report={p.report.clone()} lang={l} explain={AttrValue::from(EXPLAIN_ID)} />
                }
            </div>
            <ExplainIdentity state={props.state.clone()} />
        </div>
    }
}

/// Stitching, unique and pseudonymous namespaces, the snapshot time of files outside an
/// `exportTime=` folder, and *Show identity values*: none of them reads the files again.
#[function_component(ProfilesSettings)]
fn profiles_settings(props: &ProfilesPageProps) -> Html {
    let l = use_lang();
    let settings = &props.state.profiles.settings;
    let dispatch = props.state.dispatcher();
    let input_value =
        |e: &Event| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
    let onstitching = dispatch.to_callback().reform(|e: Event| {
        let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
        let stitching = if value.as_deref() == Some("none") { Stitching::None } else { Stitching::Graph };
        Action::Profiles(ProfilesAction::Stitching(stitching))
    });
    let onunique = dispatch
        .to_callback()
        .reform(move |e: Event| Action::Profiles(ProfilesAction::Unique(input_value(&e).unwrap_or_default())));
    let onpseudonymous = dispatch
        .to_callback()
        .reform(move |e: Event| Action::Profiles(ProfilesAction::Pseudonymous(input_value(&e).unwrap_or_default())));
    let onsnapshottime =
        dispatch.to_callback().reform(move |e: Event| Action::Profiles(ProfilesAction::SnapshotTime(input_value(&e))));
    let onidentities = dispatch.to_callback().reform(|e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        Action::Profiles(ProfilesAction::ShowIdentities(on))
    });
    let time = settings.snapshot_time.as_deref().map(|t| t.trim_end_matches('Z').get(..16).unwrap_or(t).to_string());
    html! {
        <section class="settings" aria-label={tr(l, "settings")} data-testid="profiles-settings">
            <label>{ tr(l, "profiles-stitching") }
                <small class="hint">{ tr(l, "profiles-stitching-hint") }</small>
                <select data-testid="setting-stitching" onchange={onstitching}>
                    <option value="graph" selected={settings.stitching == Stitching::Graph}>{ tr(l, "profiles-stitching-graph") }</option>
                    <option value="none" selected={settings.stitching == Stitching::None}>{ tr(l, "profiles-stitching-none") }</option>
                </select>
            </label>
            <label>{ tr(l, "profiles-unique") }
                <small class="hint">{ tr(l, "profiles-unique-hint") }</small>
                <input type="text" data-testid="setting-unique" spellcheck="false" value={settings.unique.join(", ")} onchange={onunique} />
            </label>
            <label>{ tr(l, "profiles-pseudonymous") }
                <small class="hint">{ tr(l, "profiles-pseudonymous-hint") }</small>
                <input type="text" data-testid="setting-pseudonymous" spellcheck="false" value={settings.pseudonymous.join(", ")} onchange={onpseudonymous} />
            </label>
            <label>{ tr(l, "profiles-snapshot-time") }
                <small class="hint">{ tr(l, "profiles-snapshot-time-hint") }</small>
                <input type="datetime-local" data-testid="setting-snapshot-time" value={time.unwrap_or_default()} onchange={onsnapshottime} />
            </label>
            <label class="tick">
                <input type="checkbox" data-testid="setting-identities" checked={settings.include_identities} onchange={onidentities} />
                <span>{ tr(l, "profiles-identities") }<br /><small class="hint">{ tr(l, "profiles-identities-hint") }</small></span>
            </label>
        </section>
    }
}

/// *Explain an identity*: an id, and its namespace if the admin knows it; the answer under the form.
#[function_component(ExplainIdentity)]
fn explain_identity(props: &ProfilesPageProps) -> Html {
    let l = use_lang();
    let p = &props.state.profiles;
    let namespace_ref = use_node_ref();
    let id_ref = use_node_ref();
    let onsubmit = {
        let dispatch = props.state.dispatcher();
        let (namespace_ref, id_ref) = (namespace_ref.clone(), id_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let namespace = Some(value(&namespace_ref)).filter(|n| !n.trim().is_empty());
            dispatch.dispatch(Action::Profiles(ProfilesAction::Explain { namespace, id: value(&id_ref) }));
        })
    };
    let onclose =
        props.state.dispatcher().to_callback().reform(|_: MouseEvent| Action::Profiles(ProfilesAction::CloseExplain));
    html! {
        <section class="report-section explain" aria-labelledby={EXPLAIN_ID} data-testid="explain-identity">
            <h2 id={EXPLAIN_ID}>{ tr(l, "aep-explain-title") }</h2>
            <p class="hint">{ tr(l, "profiles-explain-hint") }</p>
            <form class="explain-form" {onsubmit}>
                <label>{ tr(l, "profiles-explain-namespace") }
                    <input type="text" ref={namespace_ref} data-testid="explain-namespace" spellcheck="false" autocomplete="off"
                        placeholder={tr(l, "profiles-explain-namespace-any")} />
                </label>
                <label>{ tr(l, "profiles-explain-id") }
                    <input type="text" ref={id_ref} data-testid="explain-id" spellcheck="false" autocomplete="off" required=true />
                </label>
                <button type="submit" data-testid="explain-identity-submit">{ tr(l, "profiles-explain-submit") }</button>
            </form>
            if let Some((_, id)) = &p.explaining {
                <p role="status" data-testid="explain-identity-pending">{ trf(l, "profiles-explain-pending", &[("id", id.into())]) }</p>
            }
            if let Some(explained) = &p.explained {
                <views::aep::ExplainedView explained={explained.clone()} />
                <button type="button" class="link" data-testid="explain-identity-close" onclick={onclose}>{ tr(l, "profiles-explain-close") }</button>
            }
        </section>
    }
}
