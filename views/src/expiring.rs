//! Expiring profiles: how many of today's active profiles leave the window each coming month.

use chrono::Duration;
use yew::prelude::*;

use engine::Report;

use super::chart::day_number;
use super::format::{fmt_count, fmt_month, fmt_month_of, parse_month};
use super::svg::{self, Bar, ChartSpec, Point, Size};
use super::{count_cell, SectionProps};
use crate::locale::{tr, trf, use_lang, Lang};

/// Each month with the profiles leaving in it and the count left after it if nothing more is sent.
pub fn remaining(r: &Report) -> Vec<(&engine::report::ExpiringMonth, u64)> {
    let mut left = r.total_active;
    r.expiring
        .iter()
        .map(|m| {
            left = left.saturating_sub(m.profiles);
            (m, left)
        })
        .collect()
}

fn expiring_svg(l: Lang, r: &Report, size: Size) -> Option<String> {
    let months: Vec<_> =
        remaining(r).into_iter().filter_map(|(m, left)| Some((parse_month(&m.month)?, m, left))).collect();
    let (first, _, _) = months.first()?;
    let (last, _, _) = months.last()?;
    let end = *last + Duration::days(31);
    let bars = months
        .iter()
        .map(|(d, m, _)| Bar {
            x0: day_number(*d) + 3,
            x1: day_number(*d) + 27,
            value: m.profiles,
            title: trf(
                l,
                "expiring-bar",
                &[("month", fmt_month(l, &m.month).into()), ("count", fmt_count(l, m.profiles).into())],
            ),
        })
        .collect();
    let line = months
        .iter()
        .map(|(d, m, left)| Point {
            x: day_number(*d) + 15,
            value: *left,
            title: trf(
                l,
                "expiring-point",
                &[("month", fmt_month(l, &m.month).into()), ("count", fmt_count(l, *left).into())],
            ),
        })
        .collect();
    let x_labels = months
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            let most = if size == Size::Wide { 7 } else { 4 };
            months.len() <= most || i.is_multiple_of(months.len().div_ceil(most))
        })
        .map(|(_, (d, _, _))| (day_number(*d) + 15, fmt_month_of(l, *d)))
        .collect();
    svg::render(&ChartSpec {
        title: tr(l, "expiring-svg-title"),
        size,
        x_range: (day_number(*first), day_number(end) - 1),
        x_labels,
        bars,
        line,
        series: Vec::new(),
        level: None,
        band: None,
        lang: l,
    })
}

/// Bars per coming month, the line of what is left, and their table.
#[function_component(Expiring)]
pub fn expiring(props: &SectionProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let svg = use_memo((props.report.clone(), l), |(r, l)| {
        [Size::Wide, Size::Narrow].map(|size| expiring_svg(*l, r, size).map(|svg| (size, svg)))
    });
    let rows = remaining(r);
    html! {
        <section class="report-section expiring-section" id="report-expiring">
            <h2>{ tr(l, "expiring-title") }</h2>
            if rows.is_empty() {
                <p class="section-empty" data-testid="expiring-empty">{ tr(l, "expiring-empty") }</p>
            } else {
                <p class="lead">
                    { tr(l, "expiring-lead-before") }{ " " }<span data-value={r.total_active.to_string()}>{ fmt_count(l, r.total_active) }</span>
                    { " " }{ tr(l, "expiring-lead-after") }
                </p>
                if svg.iter().any(Option::is_some) {
                    <figure class="chart" data-testid="expiring-chart">
                        { for svg.iter().flatten().map(|(size, svg)| html! {
                            <div class={size.class()}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
                        }) }
                        <figcaption>
                            <ul class="legend">
                                <li><span class="swatch swatch-bar" aria-hidden="true"></span>{ tr(l, "legend-leaving") }</li>
                                <li><span class="swatch swatch-line" aria-hidden="true"></span>{ tr(l, "legend-left") }</li>
                            </ul>
                        </figcaption>
                    </figure>
                }
                <table class="data-table expiring-table" data-testid="expiring">
                    <caption>{ tr(l, "expiring-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-month") }</th>
                        <th scope="col" class="num">{ tr(l, "col-leaving") }</th>
                        <th scope="col" class="num">{ tr(l, "col-active-after") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(m, left)| html! {
                            <tr data-testid="expiring-row" data-month={m.month.clone()}>
                                <td>{ fmt_month(l, &m.month) }</td>
                                { count_cell(l, m.profiles) }
                                { count_cell(l, *left) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
