//! The Engageable profiles report bundle: one self-contained HTML file with the whole `engageable/1` report, drawn by [`super::EngageableView`].
//!
//! The same document as the other bundles ([`crate::bundle`]): the stylesheet
//! inline, charts as inline SVG, the report in the same
//! `<script type="application/json">` block (so [`crate::bundle::extract_any`]
//! opens it again), no script and nothing fetched. Every part is shown without
//! controls ([`crate::Mode::Bundle`]).

use std::rc::Rc;

use engine::engage::EngageableReport;
use yew::prelude::*;

use super::EngageableView;
use crate::document::{document, render_body, script_safe, BundleMeta};
use crate::format::fmt_date;
use crate::locale::{tr, trf, Lang};
use crate::Mode;

/// The title an Engageable profiles bundle gets when none is given: "Engageable profiles on 30 Nov 2026".
pub fn default_engageable_title(report: &EngageableReport, lang: Lang) -> String {
    match report.as_of.as_deref() {
        Some(d) => trf(lang, "eng-bundle-default-title", &[("date", fmt_date(lang, d).into())]),
        None => tr(lang, "eng-bundle-kind"),
    }
}

#[derive(Properties, PartialEq)]
struct PageProps {
    report: Rc<EngageableReport>,
    meta: BundleMeta,
}

#[function_component(Page)]
fn page(props: &PageProps) -> Html {
    let l = props.meta.lang;
    let meta = &props.meta;
    let r = &props.report;
    let made_day = meta.made.get(..10).unwrap_or(&meta.made);
    let made_time = meta.made.get(11..16).unwrap_or("");
    let title =
        if meta.title.trim().is_empty() { default_engageable_title(r, l) } else { meta.title.trim().to_string() };
    html! {
        <ContextProvider<Lang> context={l}>
            <ContextProvider<Mode> context={Mode::Bundle}>
                <div class="page bundle">
                    <header class="bundle-head">
                        <p class="bundle-kind">{ tr(l, "eng-bundle-kind") }</p>
                        <h1 data-testid="bundle-title">{ title }</h1>
                        <dl class="bundle-meta">
                            <div><dt>{ tr(l, "eng-as-of") }</dt>
                                <dd data-testid="bundle-as-of">{ r.as_of.as_deref().map(|d| fmt_date(l, d)).unwrap_or_else(|| "–".into()) }</dd></div>
                            <div><dt>{ tr(l, "bundle-made") }</dt>
                                <dd><time datetime={meta.made.clone()} data-testid="bundle-made">{ fmt_date(l, made_day) }{ " " }{ made_time }{ " UTC" }</time></dd></div>
                            <div><dt>{ tr(l, "eng-time-zone") }</dt><dd>{ &r.time_zone }</dd></div>
                            <div><dt>{ tr(l, "bundle-engine") }</dt><dd data-testid="bundle-engine">{ &meta.engine }</dd></div>
                        </dl>
                        <p class="bundle-privacy" data-testid="bundle-privacy">{ tr(l, "eng-bundle-privacy") }</p>
                    </header>
                    <main>
                        <EngageableView report={r.clone()} lang={l} />
                    </main>
                    <footer class="bundle-foot">{ tr(l, "bundle-foot") }</footer>
                </div>
            </ContextProvider<Mode>>
        </ContextProvider<Lang>>
    }
}

/// The whole Engageable profiles bundle: a complete HTML document holding `report`, in `meta.lang`.
pub async fn render_engageable(report: EngageableReport, meta: BundleMeta) -> String {
    let title = if meta.title.trim().is_empty() {
        default_engageable_title(&report, meta.lang)
    } else {
        meta.title.trim().to_string()
    };
    let json = script_safe(&serde_json::to_string(&report).unwrap_or_else(|_| "null".into()));
    let lang = meta.lang;
    let body = render_body::<Page>(move || PageProps { report: Rc::new(report), meta }).await;
    document(lang, &title, &body, &json)
}
