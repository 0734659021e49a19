//! The Profiles report bundle: one self-contained HTML file with the whole `profiles/1` report, drawn by [`super::ProfilesView`].
//!
//! The same document as the Campaign bundle ([`crate::bundle`]): the
//! stylesheet inline, charts as inline SVG, the report in the same
//! `<script type="application/json">` block (so [`crate::bundle::extract_any`]
//! opens either kind again), and the Content-Security-Policy under which no
//! script runs and nothing is fetched. Every part is shown without controls
//! ([`crate::Mode::Bundle`]).

use std::rc::Rc;

use engine::aep::ProfilesReport;
use yew::prelude::*;

use super::{latest, snapshot_time, snapshot_words, stitching_words, ProfilesView};
use crate::document::{document, render_body, script_safe, BundleMeta};
use crate::format::fmt_date;
use crate::locale::{tr, trf, Lang};
use crate::Mode;

/// The title a Profiles bundle gets when none is given: "Profiles on 1 Nov 2026".
pub fn default_profiles_title(report: &ProfilesReport, lang: Lang) -> String {
    match latest(report).and_then(|s| s.time.as_deref()) {
        Some(t) => trf(lang, "aep-bundle-default-title", &[("date", snapshot_words(lang, Some(t)).into())]),
        None => tr(lang, "aep-bundle-kind"),
    }
}

fn title_of(report: &ProfilesReport, meta: &BundleMeta) -> String {
    let t = meta.title.trim();
    if t.is_empty() {
        default_profiles_title(report, meta.lang)
    } else {
        t.to_string()
    }
}

/// True when the report holds identity values (case-duplicate examples, hubs): personal data.
pub fn holds_identities(report: &ProfilesReport) -> bool {
    let compared = report.compared.iter().flat_map(|c| c.snapshots.iter());
    report
        .snapshots
        .iter()
        .chain(compared)
        .any(|s| !s.collapse.hubs.is_empty() || s.case_duplicates.iter().any(|c| !c.examples.is_empty()))
}

#[derive(Properties, PartialEq)]
struct PageProps {
    report: Rc<ProfilesReport>,
    meta: BundleMeta,
}

/// The bundle's header: title, made, the latest snapshot, the settings in force, the engine, and what personal data it holds.
fn header(report: &ProfilesReport, meta: &BundleMeta) -> Html {
    let l = meta.lang;
    let made_day = meta.made.get(..10).unwrap_or(&meta.made);
    let made_time = meta.made.get(11..16).unwrap_or("");
    let list = |v: &[String]| if v.is_empty() { "–".to_string() } else { v.join(", ") };
    html! {
        <header class="bundle-head">
            <p class="bundle-kind">{ tr(l, "aep-bundle-kind") }</p>
            <h1 data-testid="bundle-title">{ title_of(report, meta) }</h1>
            <dl class="bundle-meta">
                <div><dt>{ tr(l, "aep-col-snapshot") }</dt>
                    <dd data-testid="bundle-snapshot">{ snapshot_time(l, latest(report).and_then(|s| s.time.as_deref())) }</dd></div>
                <div><dt>{ tr(l, "aep-bundle-snapshots") }</dt>
                    <dd data-testid="bundle-snapshots">{ report.snapshots.len().to_string() }</dd></div>
                <div><dt>{ tr(l, "bundle-made") }</dt>
                    <dd><time datetime={meta.made.clone()} data-testid="bundle-made">{ fmt_date(l, made_day) }{ " " }{ made_time }{ " UTC" }</time></dd></div>
                <div><dt>{ tr(l, "aep-stitching") }</dt><dd data-testid="bundle-stitching">{ stitching_words(l, &report.stitching) }</dd></div>
                <div><dt>{ tr(l, "aep-unique-namespaces") }</dt><dd class="value-literal">{ list(&report.unique_namespaces) }</dd></div>
                <div><dt>{ tr(l, "aep-pseudonymous-namespaces") }</dt><dd class="value-literal">{ list(&report.pseudonymous_namespaces) }</dd></div>
                <div><dt>{ tr(l, "bundle-engine") }</dt><dd data-testid="bundle-engine">{ &meta.engine }</dd></div>
            </dl>
            if holds_identities(report) {
                <p class="bundle-privacy bundle-privacy-keys" data-testid="bundle-privacy">{ tr(l, "aep-bundle-privacy-identities") }</p>
            } else {
                <p class="bundle-privacy" data-testid="bundle-privacy">{ tr(l, "aep-bundle-privacy-counts") }</p>
            }
        </header>
    }
}

#[function_component(Page)]
fn page(props: &PageProps) -> Html {
    let l = props.meta.lang;
    html! {
        <ContextProvider<Lang> context={l}>
            <ContextProvider<Mode> context={Mode::Bundle}>
                <div class="page bundle">
                    { header(&props.report, &props.meta) }
                    <main>
                        <ProfilesView report={props.report.clone()} lang={l} />
                    </main>
                    <footer class="bundle-foot">{ tr(l, "bundle-foot") }</footer>
                </div>
            </ContextProvider<Mode>>
        </ContextProvider<Lang>>
    }
}

/// The whole Profiles bundle: a complete HTML document holding `report`, in `meta.lang`.
pub async fn render_profiles(report: ProfilesReport, meta: BundleMeta) -> String {
    let title = title_of(&report, &meta);
    let json = script_safe(&serde_json::to_string(&report).unwrap_or_else(|_| "null".into()));
    let lang = meta.lang;
    let body = render_body::<Page>(move || PageProps { report: Rc::new(report), meta }).await;
    document(lang, &title, &body, &json)
}
