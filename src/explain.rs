//! *Explain a profile*: type a key or an address, see its rows and where it stands on the as-of date.
//!
//! The files are read again for the query (in the worker), so no per-row
//! memory is kept between questions. What it shows stays in the page: it is
//! never part of an export.

use yew::prelude::*;

use crate::locale::{tr, trf, use_lang, Lang};
use crate::state::{Action, ExplainAction, ViewerState};
use crate::views::date_text;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub state: UseReducerHandle<ViewerState>,
}

/// The query box and the answer.
#[function_component(ExplainPanel)]
pub fn explain_panel(props: &ExplainProps) -> Html {
    let l = use_lang();
    let query = use_state(String::new);
    let dispatch = props.state.dispatcher();
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let onsubmit = {
        let query = query.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Explain(ExplainAction::Ask((*query).clone())));
        })
    };
    let onclose = dispatch.to_callback().reform(|_| Action::Explain(ExplainAction::Close));
    html! {
        <section class="report-section explain" aria-labelledby="explain-title" data-testid="explain">
            <h2 id="explain-title">{ tr(l, "explain-title") }</h2>
            <p class="section-lead">{ tr(l, "explain-lead") }</p>
            <form class="explain-form" {onsubmit}>
                <input type="search" data-testid="explain-query" aria-label={tr(l, "explain-placeholder")}
                    placeholder={tr(l, "explain-placeholder")} value={(*query).clone()} {oninput} />
                <button type="submit" data-testid="explain-button">{ tr(l, "explain-button") }</button>
            </form>
            if let Some(q) = &props.state.explain_pending {
                <p class="explain-busy" role="status" data-testid="explain-pending">{ trf(l, "explain-pending", &[("query", q.into())]) }</p>
            }
            if let Some(q) = &props.state.explaining {
                <p class="explain-busy" role="status">{ trf(l, "explain-busy", &[("query", q.into())]) }</p>
            }
            if let Some(answer) = &props.state.explanation {
                <div class="explain-answer" data-testid="explain-answer" data-query={answer.query.clone()}>
                    <p class="explain-summary" data-testid="explain-summary">{ summary(l, answer) }</p>
                    if !answer.rows.is_empty() {
                        <div class="table-scroll" tabindex="0" role="region"
                            aria-label={trf(l, "explain-caption", &[("query", (&answer.query).into())])}>
                            <table class="data-table" data-testid="explain-rows">
                                <caption>{ trf(l, "explain-caption", &[("query", (&answer.query).into())]) }</caption>
                                <thead><tr>
                                    // The answer first (date, outcome, where it counts), so that a phone shows it
                                    // without scrolling the table sideways; where the row stands in the files last.
                                    <th scope="col">{ tr(l, "col-date") }</th><th scope="col">{ tr(l, "col-outcome") }</th>
                                    <th scope="col">{ tr(l, "col-counted-as") }</th><th scope="col">{ tr(l, "col-channel") }</th>
                                    <th scope="col">{ tr(l, "col-delivery") }</th><th scope="col">{ tr(l, "col-file-line") }</th>
                                </tr></thead>
                                <tbody>
                                    { for answer.rows.iter().map(|r| html! {
                                        <tr data-testid="explain-row" data-outcome={r.outcome.clone()} data-date={r.date.clone().unwrap_or_default()}>
                                            <td>{ match &r.date { Some(d) => date_text(l, d), None => html! { { &r.date_as_written } } } }</td>
                                            <td>{ outcome(l, r) }</td>
                                            <td>{ if r.dimension.is_empty() { "—".to_owned() } else { format!("{} · {}", r.dimension, r.instance) } }</td>
                                            <td>{ &r.channel }</td>
                                            <td>{ r.delivery.clone().unwrap_or_else(|| "—".into()) }</td>
                                            <td>{ trf(l, "explain-file-line", &[("file", (&r.file).into()), ("line", r.line.to_string().into())]) }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }
                    <button type="button" class="explain-close" onclick={onclose}>{ tr(l, "close") }</button>
                </div>
            }
        </section>
    }
}

/// What became of a row, in the language: an exclusion reason in the diagnosis's words (in English too,
/// never the engine's `failure_reason`), a rejection or a row after the as-of date said from the engine's
/// message; as the engine wrote it when a row has no message.
pub fn outcome(l: Lang, r: &engine::ExplainedRow) -> String {
    match r.message.as_ref() {
        Some(m) if m.id == "outcome-excluded" => {
            let reason = m.args.get("reason").map(|a| a.to_string()).unwrap_or_default();
            trf(l, "engine-outcome-excluded", &[("reason", views::diagnosis::reason_label(l, &reason).into())])
        }
        m => views::said::say(l, m, &r.outcome),
    }
}

/// One sentence per dimension the profile was counted in; dates in the language's numeric form
/// (ISO in English and Swedish).
fn summary(l: Lang, answer: &crate::protocol::Explanation) -> String {
    let query = || ("query", (&answer.query).into());
    let on = match answer.as_of.as_deref() {
        Some(d) => i18n::date(l, d),
        None => tr(l, "explain-the-as-of"),
    };
    if answer.rows.is_empty() {
        return trf(l, "explain-none", &[query()]);
    }
    if answer.standing.is_empty() {
        return trf(l, "explain-not-counted", &[query(), ("n", answer.rows.len().into())]);
    }
    answer
        .standing
        .iter()
        .map(|s| {
            let place = format!("{} ({})", s.dimension, s.instance);
            let base = [("on", on.as_str().into()), ("place", place.into())];
            match (s.active, &s.leaves, &s.last_counted) {
                (true, Some(leaves), Some(last)) => {
                    let mut args = base.to_vec();
                    args.push(("last", i18n::date(l, last).into()));
                    args.push(("leaves", i18n::date(l, leaves).into()));
                    trf(l, "explain-active", &args)
                }
                (_, _, Some(last)) => {
                    let mut args = base.to_vec();
                    args.push(("last", i18n::date(l, last).into()));
                    trf(l, "explain-gone", &args)
                }
                _ => trf(l, "explain-never", &base),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
