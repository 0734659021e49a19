//! *Explain an identity*: the profile an identity belongs to in each snapshot, its identities, the records that linked them, and the guardrails it breaks.

use std::rc::Rc;

use engine::aep::report::{ExplainedProfile, IdentityValue};
use engine::aep::Explained;
use yew::prelude::*;

use super::snapshot_time;
use crate::diagnosis::breakable;
use crate::format::fmt_count;
use crate::locale::{tr, trf, use_lang, Lang};
use crate::nav::LongTable;

/// What [`ExplainedView`] renders.
#[derive(Properties, PartialEq)]
pub struct ExplainedViewProps {
    pub explained: Rc<Explained>,
}

/// The identity as asked: `Email:john@x` or the id alone.
pub fn asked(x: &Explained) -> String {
    match &x.namespace {
        Some(ns) => format!("{ns}:{}", x.id),
        None => x.id.clone(),
    }
}

/// One identity as `namespace: id` (an id the report leaves out is said so).
fn identity(l: Lang, i: &IdentityValue) -> Html {
    html! { <><span class="identity-ns">{ &i.namespace }</span>{ ": " }{ id_text(l, &i.id) }</> }
}

/// An identity value as the report holds it; "(value not included)" when it holds none.
fn id_text(l: Lang, id: &str) -> Html {
    if id.is_empty() {
        html! { <span class="identity-hidden">{ tr(l, "aep-identity-hidden") }</span> }
    } else {
        html! { <span class="value-literal">{ id }</span> }
    }
}

/// The answer: one block per snapshot that holds the identity, or a sentence saying no record holds it.
#[function_component(ExplainedView)]
pub fn explained_view(props: &ExplainedViewProps) -> Html {
    let l = use_lang();
    let x = &props.explained;
    let query = asked(x);
    html! {
        <div class="explained" data-testid="explained">
            if x.profiles.is_empty() {
                <p class="explained-none" data-testid="explained-none" role="status">
                    { trf(l, "aep-explain-none", &[("query", query.into())]) }
                </p>
            } else {
                { for x.profiles.iter().map(|p| profile(l, p)) }
            }
        </div>
    }
}

fn profile(l: Lang, p: &ExplainedProfile) -> Html {
    let n = p.identities.len() as u64;
    let guardrails = !p.unique_conflicts.is_empty() || p.over_limit;
    let records: Vec<Html> = p
        .records
        .iter()
        .map(|r| {
            html! {
                <tr data-testid="explained-record">
                    <td>
                        <ul class="record-identities">
                            { for r.identities.iter().map(|i| html! { <li>{ identity(l, i) }</li> }) }
                        </ul>
                    </td>
                    <td class="file-name" data-file={r.file.clone()} data-line={r.line.to_string()}>
                        { breakable(&r.file) }{ ":" }{ r.line.to_string() }
                    </td>
                </tr>
            }
        })
        .collect();
    html! {
        <div class="explained-profile" data-testid="explained-profile" data-snapshot={p.snapshot.clone()}>
            <h3>
                { tr(l, "aep-explain-snapshot") }{ " " }{ snapshot_time(l, p.snapshot.as_deref()) }
                { " · " }{ identity(l, &p.identity) }
            </h3>
            <p class="explain-summary" data-testid="explained-summary">
                { trf(l, "aep-explain-summary", &[
                    ("n", n.into()), ("count", fmt_count(l, n).into()),
                    ("records-n", p.records_total.into()), ("records", fmt_count(l, p.records_total).into()),
                ]) }
            </p>
            <ul class={classes!("guardrails", guardrails.then_some("guardrails-broken"))} data-testid="explained-guardrails">
                if p.over_limit {
                    <li data-testid="guardrail-over-limit">{ tr(l, "aep-explain-over-limit") }</li>
                }
                { for p.unique_conflicts.iter().map(|ns| html! {
                    <li data-testid="guardrail-unique" data-name={ns.clone()}>{ trf(l, "aep-explain-unique", &[("namespace", ns.into())]) }</li>
                }) }
                if !guardrails {
                    <li data-testid="guardrail-none">{ tr(l, "aep-explain-no-guardrail") }</li>
                }
            </ul>
            <table class="data-table explained-identities" data-testid="explained-identities">
                <caption>{ tr(l, "aep-explain-identities-caption") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "aep-col-namespace") }</th>
                    <th scope="col">{ tr(l, "aep-col-identity") }</th>
                </tr></thead>
                <tbody>
                    { for p.identities.iter().map(|i| html! {
                        <tr data-testid="explained-identity" class={classes!((i == &p.identity).then_some("chosen"))}>
                            <td>{ &i.namespace }</td>
                            <td>{ id_text(l, &i.id) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <div class="table-scroll">
                <LongTable class={classes!("explained-records")} testid="explained-records" rows={records}
                    caption={html! { { tr(l, "aep-explain-records-caption") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "aep-col-record-identities") }</th>
                        <th scope="col">{ tr(l, "col-file-line") }</th>
                    </tr></thead> }} />
            </div>
            if p.records_total > p.records.len() as u64 {
                <p class="hint" data-testid="explained-records-more">
                    { trf(l, "aep-explain-records-more", &[
                        ("shown", fmt_count(l, p.records.len() as u64).into()),
                        ("count", fmt_count(l, p.records_total).into()),
                    ]) }
                </p>
            }
        </div>
    }
}
