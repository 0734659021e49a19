//! The snapshot detail: targeting dimensions for the organisation and per instance, and channels.

use yew::prelude::*;

use engine::report::NamedCount;

use super::format::fmt_date;
use super::{count_cell, count_text, date_text, SectionProps};
use crate::locale::{tr, trf, use_lang, Lang};

/// The *Targeting dimensions* tables and the channels of the as-of date.
#[function_component(SnapshotDetail)]
pub fn snapshot_detail(props: &SectionProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let on = r.as_of.as_deref().map(|d| fmt_date(l, d));
    // "Targeting dimensions" or "Targeting dimensions on <date>", and the same for the channels' caption.
    let dimensions = match &on {
        Some(date) => trf(l, "dimensions-on", &[("date", date.into())]),
        None => tr(l, "dimensions"),
    };
    let channels_caption = match &on {
        Some(date) => trf(l, "channels-caption-on", &[("date", date.into())]),
        None => tr(l, "channels-caption"),
    };
    let several = r.instances.len() > 1;
    html! {
        <section class="report-section detail-section" id="report-detail">
            <h2>
                { tr(l, "detail-title") }
                if let Some(as_of) = &r.as_of {
                    <span class="heading-date">{ " · " }{ date_text(l, as_of) }</span>
                }
            </h2>
            if r.dimensions.is_empty() && r.total_active == 0 {
                <p class="section-empty">{ tr(l, "detail-empty") }</p>
            } else {
                <div class={classes!("dimension-tables", several.then_some("side-by-side"))}>
                    <table class="data-table dimensions-table" data-testid="dimensions">
                        <caption>
                            { &dimensions }
                            if several { { ": " }{ tr(l, "dimensions-org") } }
                            else if let Some(i) = r.instances.first() { { ": " }{ trf(l, "dimensions-instance", &[("name", (&i.name).into())]) } }
                        </caption>
                        { dimensions_head(l) }
                        <tbody>
                            { for r.dimensions.iter().map(|d| dimension_row(l, d, "dimension-row")) }
                        </tbody>
                        { total_foot(l, r.total_active, "dimension-total") }
                    </table>
                    if several {
                        { for r.instances.iter().map(|i| html! {
                            <table class="data-table dimensions-table" data-testid="instance-dimensions" data-instance={i.name.clone()}>
                                <caption>{ &dimensions }{ ": " }{ trf(l, "dimensions-instance", &[("name", (&i.name).into())]) }</caption>
                                { dimensions_head(l) }
                                <tbody>
                                    { for i.dimensions.iter().map(|d| dimension_row(l, d, "instance-dimension-row")) }
                                </tbody>
                                { total_foot(l, i.active, "instance-total") }
                            </table>
                        }) }
                    }
                </div>
            }
            <h3 id="report-channels">{ tr(l, "channels") }</h3>
            if r.channels.is_empty() {
                <p class="section-empty">{ tr(l, "channels-empty") }</p>
            } else {
                <table class="data-table channels-table" data-testid="channels">
                    <caption>
                        { channels_caption }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(l, "col-channel") }</th>
                            <th scope="col" class="num">{ tr(l, "active-profiles") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.channels.iter().map(|c| html! {
                            <tr data-testid="channel-row" data-name={c.name.clone()}>
                                <th scope="row">{ &c.name }</th>
                                { count_cell(l, c.active) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="multi-channel" data-testid="multi-channel">
                    { tr(l, "multi-channel") }{ " " }{ count_text(l, r.multi_channel_profiles) }
                </p>
            }
        </section>
    }
}

fn dimensions_head(l: Lang) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ tr(l, "col-source") }</th>
                <th scope="col" class="num">{ tr(l, "col-contacts") }</th>
            </tr>
        </thead>
    }
}

fn dimension_row(l: Lang, d: &NamedCount, testid: &'static str) -> Html {
    html! {
        <tr data-testid={testid} data-name={d.name.clone()}>
            <th scope="row">{ &d.name }</th>
            { count_cell(l, d.active) }
        </tr>
    }
}

fn total_foot(l: Lang, total: u64, testid: &'static str) -> Html {
    html! {
        <tfoot>
            <tr class="total-row" data-testid={testid}>
                <th scope="row">{ tr(l, "total") }</th>
                { count_cell(l, total) }
            </tr>
        </tfoot>
    }
}
