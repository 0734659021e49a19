//! What the console does not show: case duplicates, collapse suspects, `graph` against `none` side by side, pseudonymous-only profiles.

use engine::aep::report::SnapshotFigures;
use engine::aep::ProfilesReport;
use yew::prelude::*;

use super::charts::count_and_share;
use super::{latest, stitching_words, ProfilesProps};
use crate::format::fmt_count;
use crate::locale::{tr, trf, use_lang, Lang};
use crate::nav::LongTable;
use crate::{count_cell, count_text};

/// The four diagnoses the console has no screen for, one sub-section each.
#[function_component(Unseen)]
pub fn unseen(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let empty = SnapshotFigures::default();
    let s = latest(r).unwrap_or(&empty);
    html! {
        <section class="report-section unseen-section" id="profiles-unseen">
            <h2>{ tr(l, "aep-unseen-title") }</h2>
            <p class="lead">{ tr(l, "aep-unseen-lead") }</p>
            { case_duplicates(l, s) }
            { collapse(l, r, s) }
            { compared(l, r) }
            { pseudonymous(l, r, s) }
        </section>
    }
}

/// Per namespace, how many profiles fewer folded ids would give, with example groups when the report holds them.
fn case_duplicates(l: Lang, s: &SnapshotFigures) -> Html {
    let examples = s.case_duplicates.iter().any(|c| !c.examples.is_empty());
    let rows: Vec<Html> = s
        .case_duplicates
        .iter()
        .map(|c| {
            html! {
                <tr data-testid="case-duplicate-row" data-name={c.namespace.clone()}>
                    <th scope="row" class="value-literal">{ &c.namespace }</th>
                    { count_cell(l, c.fewer) }
                    if examples {
                        <td class="examples">
                            if c.examples.is_empty() { { "–" } } else {
                                <ul class="example-groups">
                                    { for c.examples.iter().map(|g| html! {
                                        <li class="value-literal" data-testid="case-example">{ g.join(" · ") }</li>
                                    }) }
                                </ul>
                            }
                        </td>
                    }
                </tr>
            }
        })
        .collect();
    html! {
        <div class="unseen-part" id="profiles-case-duplicates">
            <h3>{ tr(l, "aep-case-title") }</h3>
            <p>
                { tr(l, "aep-case-lead-written") }{ " " }<code>{ "Ann@example.com" }</code>{ " " }
                { tr(l, "duplicates-lead-and") }{ " " }<code>{ "ann@example.com" }</code>{ " " }{ tr(l, "aep-case-lead-becomes") }
            </p>
            if rows.is_empty() {
                <p class="section-empty" data-testid="case-duplicates-empty">{ tr(l, "aep-case-empty") }</p>
            } else {
                <LongTable class={classes!("case-table")} testid="case-duplicates" rows={rows}
                    caption={html! { { tr(l, "aep-case-caption") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "aep-col-namespace") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-fewer") }</th>
                        if examples { <th scope="col">{ tr(l, "aep-col-examples") }</th> }
                    </tr></thead> }} />
            }
        </div>
    }
}

/// Graphs over 50 identities, unique-namespace conflicts, and the hub identities when the report holds them.
fn collapse(l: Lang, r: &ProfilesReport, s: &SnapshotFigures) -> Html {
    let c = &s.collapse;
    // Every unique namespace of the settings, with its conflicts (0 when it has none), then any other the report lists.
    let mut unique: Vec<(String, u64)> = r
        .unique_namespaces
        .iter()
        .map(|ns| (ns.clone(), c.unique_conflicts.iter().find(|u| &u.namespace == ns).map_or(0, |u| u.profiles)))
        .collect();
    for u in &c.unique_conflicts {
        if !unique.iter().any(|(ns, _)| ns == &u.namespace) {
            unique.push((u.namespace.clone(), u.profiles));
        }
    }
    let hubs: Vec<Html> = c
        .hubs
        .iter()
        .map(|h| {
            html! {
                <tr data-testid="hub-row">
                    <td class="value-literal">{ &h.namespace }</td>
                    <td class="value-literal">{ &h.id }</td>
                    { count_cell(l, h.records) }
                </tr>
            }
        })
        .collect();
    html! {
        <div class="unseen-part" id="profiles-collapse">
            <h3>{ tr(l, "aep-collapse-title") }</h3>
            <p>{ tr(l, "aep-collapse-lead") }</p>
            <ul class="collapse-figures">
                <li data-testid="collapse-over-limit">
                    { count_text(l, c.over_limit) }{ " " }{ trf(l, "aep-collapse-over-limit", &[("n", c.over_limit.into())]) }
                </li>
                <li data-testid="collapse-unique">
                    { tr(l, "aep-collapse-unique") }{ " " }
                    { for unique.iter().enumerate().map(|(i, (ns, n))| html! {
                        <>
                            if i > 0 { { ", " } }
                            <span class="value-literal">{ ns }</span>{ ": " }
                            <span data-testid="unique-conflict" data-name={ns.clone()}>{ count_text(l, *n) }</span>
                        </>
                    }) }
                    if unique.is_empty() { { "–" } }
                </li>
            </ul>
            if !hubs.is_empty() {
                <LongTable class={classes!("hubs-table")} testid="hubs" rows={hubs}
                    caption={html! { { tr(l, "aep-hubs-caption") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "aep-col-namespace") }</th>
                        <th scope="col">{ tr(l, "aep-col-identity") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-records") }</th>
                    </tr></thead> }} />
            }
        </div>
    }
}

/// A figure of a snapshot: its catalog key and how to read it.
type Figure = (&'static str, fn(&SnapshotFigures) -> u64);

/// The main figures of the latest snapshot with `graph` and with `none`, side by side, and their difference.
fn compared(l: Lang, r: &ProfilesReport) -> Html {
    let title = html! { <h3>{ tr(l, "aep-compared-title") }</h3> };
    let (Some(c), Some(ours)) = (&r.compared, latest(r)) else {
        return html! {
            <div class="unseen-part" id="profiles-compared">
                { title }
                <p class="section-empty" data-testid="compared-empty">{ tr(l, "aep-compared-none") }</p>
            </div>
        };
    };
    // The snapshot with the same time, else the latest.
    let theirs = c.snapshots.iter().find(|s| s.time == ours.time).or(c.snapshots.last());
    let Some(theirs) = theirs else { return Html::default() };
    // Columns in the order graph, none, whichever the report was made with.
    let (graph, none) = if r.stitching == "none" { (theirs, ours) } else { (ours, theirs) };
    let rows: [Figure; 6] = [
        ("aep-tile-profiles", |s| s.profiles),
        ("aep-tile-single", |s| s.single_identity.profiles),
        ("aep-tile-unsegmented", |s| s.unsegmented),
        ("aep-tile-pseudonymous", |s| s.pseudonymous_only),
        ("aep-compared-over-limit", |s| s.collapse.over_limit),
        ("aep-compared-unique", |s| s.collapse.unique_conflicts.iter().map(|u| u.profiles).sum()),
    ];
    html! {
        <div class="unseen-part" id="profiles-compared">
            { title }
            <p>{ tr(l, "aep-compared-lead") }</p>
            <table class="data-table compared-table" data-testid="compared">
                <caption>{ tr(l, "aep-compared-caption") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "aep-col-figure") }</th>
                    <th scope="col" class="num">{ stitching_words(l, "graph") }</th>
                    <th scope="col" class="num">{ stitching_words(l, "none") }</th>
                    <th scope="col" class="num">{ tr(l, "aep-col-difference") }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|(key, figure)| {
                        let (g, n) = (figure(graph), figure(none));
                        html! {
                            <tr data-testid="compared-row" data-figure={*key}>
                                <th scope="row">{ tr(l, key) }</th>
                                { count_cell(l, g) }
                                { count_cell(l, n) }
                                { difference_cell(l, g, n) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// `none` minus `graph`, signed, the raw difference in `data-value`.
fn difference_cell(l: Lang, graph: u64, none: u64) -> Html {
    let d = none as i128 - graph as i128;
    let text = match d {
        0 => "0".to_string(),
        d if d > 0 => format!("+{}", fmt_count(l, d as u64)),
        d => format!("−{}", fmt_count(l, d.unsigned_abs() as u64)),
    };
    html! { <td class="num" data-value={d.to_string()}>{ text }</td> }
}

/// Pseudonymous-only profiles, and the namespaces that make one.
fn pseudonymous(l: Lang, r: &ProfilesReport, s: &SnapshotFigures) -> Html {
    let list =
        if r.pseudonymous_namespaces.is_empty() { "–".to_string() } else { r.pseudonymous_namespaces.join(", ") };
    html! {
        <div class="unseen-part" id="profiles-pseudonymous">
            <h3>{ tr(l, "aep-pseudonymous-title") }</h3>
            <p data-testid="pseudonymous-sentence">
                { count_and_share(l, s.pseudonymous_only, s.profiles) }{ " " }
                { trf(l, "aep-pseudonymous-lead", &[("namespaces", list.into())]) }
            </p>
        </div>
    }
}
