//! The report bundle: one self-contained HTML file with the whole report, for people who have no server and no logs.
//!
//! [`render`] draws the report with the viewer's own components, once, to
//! static HTML (Yew's server-side rendering): tiles, both chart periods,
//! Customer metrics, targeting dimensions and instances, channels, expiring,
//! diagnosis, duplicates, and the active profiles when the report holds them.
//! The page carries its title, when it was made, the as-of date, the settings
//! and the engine version, the stylesheet (with print rules for A4), and the
//! report itself as `report.json` in a `<script type="application/json">`
//! block, so that the viewer can open the bundle again.
//!
//! The file runs no script and fetches nothing: its Content-Security-Policy is
//! `default-src 'none'`, charts are inline SVG, and every label from the input
//! is escaped by Yew. It opens by double-click, offline, in any browser.

use std::rc::Rc;

use engine::aep::ProfilesReport;
use engine::Report;
use yew::prelude::*;

use crate::format::{fmt_count, fmt_date};
use crate::locale::{tr, trf, Lang};
use crate::{Mode, ReportView};

pub use crate::aep::bundle::{default_profiles_title, render_profiles};
use crate::document::{document, render_body};
pub use crate::document::{script_safe, BundleMeta, DATA_ID, STYLESHEET};
pub use crate::engage::bundle::{default_engageable_title, render_engageable};

#[derive(Properties, PartialEq)]
struct PageProps {
    report: Rc<Report>,
    meta: BundleMeta,
}

/// The title a bundle gets when none is given: "Active profiles on 24 Oct 2026".
pub fn default_title(report: &Report, lang: Lang) -> String {
    match report.as_of.as_deref() {
        Some(d) => trf(lang, "bundle-default-title", &[("date", fmt_date(lang, d).into())]),
        None => tr(lang, "app-title"),
    }
}

fn title_of(report: &Report, meta: &BundleMeta) -> String {
    let t = meta.title.trim();
    if t.is_empty() {
        default_title(report, meta.lang)
    } else {
        t.to_string()
    }
}

/// The bundle's header: title, made, as-of, settings in force, engine, and what personal data it holds.
fn header(report: &Report, meta: &BundleMeta) -> Html {
    let l = meta.lang;
    let s = &report.settings;
    let billing = match &s.billing_day {
        serde_json::Value::String(x) if x == "last" => tr(l, "settings-billing-last"),
        other => other.to_string(),
    };
    let made_day = meta.made.get(..10).unwrap_or(&meta.made);
    let made_time = meta.made.get(11..16).unwrap_or("");
    let list = |v: &[String]| if v.is_empty() { "–".to_string() } else { v.join(", ") };
    let rules = &s.rules;
    let reasons: Vec<String> = rules.excluded_failure_reasons.iter().map(i64::to_string).collect();
    html! {
        <header class="bundle-head">
            <p class="bundle-kind">{ tr(l, "bundle-kind") }</p>
            <h1 data-testid="bundle-title">{ title_of(report, meta) }</h1>
            <dl class="bundle-meta">
                <div><dt>{ tr(l, "settings-as-of") }</dt>
                    <dd data-testid="bundle-as-of">{ report.as_of.as_deref().map(|d| super::date_text(l, d)).unwrap_or_default() }</dd></div>
                <div><dt>{ tr(l, "bundle-made") }</dt>
                    <dd><time datetime={meta.made.clone()} data-testid="bundle-made">{ fmt_date(l, made_day) }{ " " }{ made_time }{ " UTC" }</time></dd></div>
                <div><dt>{ tr(l, "settings-billing-day") }</dt><dd>{ billing }</dd></div>
                <div><dt>{ tr(l, "settings-time-zone") }</dt><dd>{ &s.time_zone }</dd></div>
                <div><dt>{ tr(l, "settings-day-order") }</dt>
                    <dd>{ tr(l, if s.day_first { "settings-day-first" } else { "settings-month-first" }) }</dd></div>
                <div><dt>{ tr(l, "settings-purchased") }</dt>
                    <dd>{ s.purchased.map(|p| fmt_count(l, p)).unwrap_or_else(|| "–".into()) }</dd></div>
                <div><dt>{ tr(l, "bundle-counted-status") }</dt><dd class="value-literal">{ list(&rules.counted_status) }</dd></div>
                <div><dt>{ tr(l, "bundle-excluded-status") }</dt><dd class="value-literal">{ list(&rules.excluded_status) }</dd></div>
                <div><dt>{ tr(l, "bundle-excluded-reasons") }</dt><dd>{ list(&reasons) }</dd></div>
                <div><dt>{ tr(l, "bundle-engine") }</dt><dd data-testid="bundle-engine">{ &meta.engine }</dd></div>
            </dl>
            if let Some(list) = &report.profiles {
                <p class="bundle-privacy bundle-privacy-keys" data-testid="bundle-privacy">
                    { trf(l, "bundle-privacy-keys", &[("count", fmt_count(l, list.len() as u64).into())]) }
                </p>
            } else {
                <p class="bundle-privacy" data-testid="bundle-privacy">{ tr(l, "bundle-privacy-aggregates") }</p>
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
                        <ReportView report={props.report.clone()} onchoosesnapshot={Callback::noop()} onreclassify={Callback::noop()} />
                    </main>
                    <footer class="bundle-foot">{ tr(l, "bundle-foot") }</footer>
                </div>
            </ContextProvider<Mode>>
        </ContextProvider<Lang>>
    }
}

/// The report as JSON fit to sit inside a `<script>` element: `<`, `>` and `&` are written as
/// `\u003c`, `\u003e`, `\u0026` (they occur only inside JSON strings, where the escapes mean the same),
/// so no label can close the element.
pub fn embedded_json(report: &Report) -> String {
    script_safe(&serde_json::to_string(report).unwrap_or_else(|_| "null".into()))
}

fn data_marker() -> String {
    format!("<script type=\"application/json\" id=\"{DATA_ID}\">")
}

/// True when `text` is a report bundle (it has the block that holds the report).
pub fn is_bundle(text: &str) -> bool {
    text.contains(&data_marker())
}

/// The report that a bundle's bytes hold, or why there is none: the viewer opens a bundle this way.
/// A bundle of a Journey Optimizer Profiles report is refused (with [`extract_any`] it opens).
///
/// Only a Campaign report is read: the viewer's page opens no other kind, and reading one of them
/// would put its whole deserialiser in the page's WebAssembly. The kind is told by `format` alone.
pub fn extract_report(html: &str) -> Result<Report, String> {
    #[derive(serde::Deserialize)]
    struct Kind {
        #[serde(default)]
        format: String,
    }
    let json = embedded(html)?;
    let read = |e: serde_json::Error| format!("the report inside cannot be read: {e}");
    let kind: Kind = serde_json::from_str(json).map_err(read)?;
    match kind.format.as_str() {
        f if f == engine::aep::report::FORMAT => Err("the report inside is a Journey Optimizer profiles report".into()),
        f if f == engine::engage::report::FORMAT => {
            Err("the report inside is a Journey Optimizer engageable profiles report".into())
        }
        f if f == engine::report::FORMAT || f.is_empty() => serde_json::from_str(json).map_err(read),
        other => Err(format!("the report inside is a report of format '{other}', which this viewer does not know")),
    }
}

/// The JSON text of the report a bundle holds.
fn embedded(html: &str) -> Result<&str, String> {
    let marker = data_marker();
    let start = html.find(&marker).ok_or("no report inside: not a report bundle")? + marker.len();
    let end = html[start..].find("</script>").ok_or("the report inside is cut off")? + start;
    Ok(&html[start..end])
}

/// A report of either kind, as a bundle or a JSON file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyReport {
    /// `active-profiles-report/1`: Adobe Campaign's active profiles.
    Campaign(Box<Report>),
    /// `profiles/1`: Journey Optimizer's profiles.
    Profiles(Box<ProfilesReport>),
    /// `engageable/1`: Journey Optimizer's engageable profiles.
    Engageable(Box<engine::engage::EngageableReport>),
}

/// A report JSON document of either kind, told by its `format` (a document without one is a Campaign
/// report, as the oldest ones are); an unknown format is said, not guessed.
pub fn parse_any(json: &str) -> Result<AnyReport, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("the report cannot be read: {e}"))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or_default().to_string();
    let read = |e: serde_json::Error| format!("the report cannot be read: {e}");
    if format == engine::engage::report::FORMAT {
        serde_json::from_value(value).map(|r| AnyReport::Engageable(Box::new(r))).map_err(read)
    } else if format == engine::aep::report::FORMAT {
        serde_json::from_value(value).map(|r| AnyReport::Profiles(Box::new(r))).map_err(read)
    } else if format == engine::report::FORMAT || format.is_empty() {
        serde_json::from_value(value).map(|r| AnyReport::Campaign(Box::new(r))).map_err(read)
    } else {
        Err(format!("a report of format '{format}', which this viewer does not know"))
    }
}

/// The report a bundle of either kind holds, or why there is none: the viewer opens any bundle this way.
pub fn extract_any(html: &str) -> Result<AnyReport, String> {
    parse_any(embedded(html)?).map_err(|e| e.replacen("the report", "the report inside", 1))
}

/// The whole bundle: a complete HTML document holding `report`, in `meta.lang`.
pub async fn render(report: Report, meta: BundleMeta) -> String {
    let title = title_of(&report, &meta);
    let json = embedded_json(&report);
    let lang = meta.lang;
    let body = render_body::<Page>(move || PageProps { report: Rc::new(report), meta }).await;
    document(lang, &title, &body, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_json_is_not_a_bundle_and_labels_cannot_close_the_data_block() {
        let mut report = Report { format: engine::report::FORMAT.into(), ..Report::default() };
        report.warnings.push("</script><script>alert(1)</script> & more".into());
        let json = serde_json::to_string(&report).unwrap();
        assert!(!is_bundle(&json));
        let embedded = embedded_json(&report);
        assert!(!embedded.contains('<') && !embedded.contains('>'));
        let page = format!("<p>x</p>\n{}{embedded}</script>", data_marker());
        assert!(is_bundle(&page));
        assert_eq!(extract_report(&page).unwrap(), report);
    }
}
