//! The Customer-metrics list: one row per monthly snapshot, newest first; choosing one sets the as-of date.

use std::rc::Rc;

use yew::prelude::*;

use super::format::fmt_date;
use super::nav::LongTable;
use super::{count_cell, date_text, use_mode, Mode};
use crate::locale::{tr, trf, use_lang};

/// The report and what choosing a row does.
#[derive(Properties, PartialEq)]
pub struct CustomerMetricsProps {
    pub report: Rc<engine::Report>,
    /// Called with the chosen row's `to` date (YYYY-MM-DD).
    pub onchoosesnapshot: Callback<String>,
}

/// *From (included)* | *To (included)* | *Number of active profiles*, newest first.
#[function_component(CustomerMetrics)]
pub fn customer_metrics(props: &CustomerMetricsProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let as_of = r.as_of.as_deref();
    let live = use_mode() == Mode::Live;
    let rows: Vec<Html> = r
        .snapshots
        .iter()
        .rev()
        .map(|s| {
            let chosen = as_of == Some(s.to.as_str());
            // The button gives keyboard access; its click bubbles to the row.
            let choose = {
                let cb = props.onchoosesnapshot.clone();
                let to = s.to.clone();
                move |_| cb.emit(to.clone())
            };
            html! {
                <tr
                    class={classes!("snapshot-row", chosen.then_some("chosen"))}
                    data-testid="snapshot-row"
                    data-from={s.from.clone()}
                    data-to={s.to.clone()}
                    aria-current={chosen.then_some("true")}
                    onclick={live.then_some(choose)}
                >
                    <td>{ date_text(l, &s.from) }</td>
                    <td>
                        if !live { { date_text(l, &s.to) } } else {
                        <button
                            type="button"
                            class="row-choose"
                            data-testid="choose-snapshot"
                            aria-pressed={if chosen { "true" } else { "false" }}
                            aria-label={trf(l, "metrics-show", &[("date", fmt_date(l, &s.to).into())])}
                        >
                            { date_text(l, &s.to) }
                        </button>
                        }
                        if chosen { <span class="chosen-mark">{ " " }{ tr(l, "metrics-shown") }</span> }
                    </td>
                    { count_cell(l, s.active) }
                </tr>
            }
        })
        .collect();
    // The chosen snapshot stays in view when it is older than the first rows.
    let first = r.snapshots.iter().rev().position(|s| as_of == Some(s.to.as_str())).map_or(0, |i| i + 1);
    html! {
        <section class="report-section metrics-section" id="report-metrics">
            <h2>{ tr(l, "metrics-title") }</h2>
            if r.snapshots.is_empty() {
                <p class="section-empty" data-testid="metrics-empty">
                    { tr(l, "metrics-empty") }
                </p>
            } else {
                <LongTable class={classes!("metrics-table")} testid="metrics" rows={rows} first={first}
                    caption={html! { <>
                        { tr(l, "metrics-caption") }{ " " }
                        if live { <span class="no-print">{ tr(l, "metrics-caption-choose") }</span> }
                    </> }}
                    head={html! {
                        <thead>
                            <tr>
                                <th scope="col">{ tr(l, "col-from") }</th>
                                <th scope="col">{ tr(l, "col-to") }</th>
                                <th scope="col" class="num">{ tr(l, "col-number-active") }</th>
                            </tr>
                        </thead>
                    }} />
            }
        </section>
    }
}
