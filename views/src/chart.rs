//! The usage chart: monthly snapshot bars, the daily line and the purchased line, over 30 days or a year.

use chrono::{Datelike, Duration, NaiveDate};
use yew::prelude::*;

use engine::Report;

use super::format::{fmt_count, fmt_date, fmt_month_of, parse_date};
use super::nav::LongTable;
use super::svg::{self, Bar, ChartSpec, Point, Size};
use super::{count_cell, date_text, use_mode, Mode, SectionProps};
use crate::locale::{tr, trf, use_lang, Lang};

/// How far back the chart looks from the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Days30,
    Year,
}

impl Span {
    fn days(self) -> i64 {
        match self {
            Span::Days30 => 30,
            Span::Year => 365,
        }
    }
}

/// Day number of a date: days since the common era.
pub fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// The data in the chart for a span: the first and last day, the snapshots and days within.
pub struct Window<'a> {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub snapshots: Vec<&'a engine::report::Snapshot>,
    pub daily: Vec<&'a engine::report::DailyCount>,
}

/// The last day of the chart: the as-of date, else the last day or snapshot in the report.
fn last_day(r: &Report) -> Option<NaiveDate> {
    r.as_of
        .as_deref()
        .and_then(parse_date)
        .or_else(|| r.daily.last().and_then(|d| parse_date(&d.date)))
        .or_else(|| r.snapshots.last().and_then(|s| parse_date(&s.to)))
}

/// What falls in the chart for `span`, or `None` when the report has no dated counts.
pub fn window(r: &Report, span: Span) -> Option<Window<'_>> {
    let last = last_day(r)?;
    let first = last - Duration::days(span.days() - 1);
    let within = |iso: &str| parse_date(iso).is_some_and(|d| d >= first && d <= last);
    let snapshots: Vec<_> = r.snapshots.iter().filter(|s| within(&s.to)).collect();
    let daily: Vec<_> = r.daily.iter().filter(|d| within(&d.date)).collect();
    if snapshots.is_empty() && daily.is_empty() {
        return None;
    }
    Some(Window { first, last, snapshots, daily })
}

/// The chart's SVG document for a span.
pub fn usage_svg(l: Lang, r: &Report, span: Span, size: Size) -> Option<String> {
    let w = window(r, span)?;
    let (first, last) = (day_number(w.first), day_number(w.last));
    let half = match span {
        Span::Days30 => 0,
        Span::Year => 6,
    };
    let bars = w
        .snapshots
        .iter()
        .filter_map(|s| {
            let d = day_number(parse_date(&s.to)?);
            Some(Bar {
                x0: d - half,
                x1: d + half + 1,
                value: s.active,
                title: trf(
                    l,
                    "chart-bar",
                    &[
                        ("from", fmt_date(l, &s.from).into()),
                        ("to", fmt_date(l, &s.to).into()),
                        ("count", fmt_count(l, s.active).into()),
                    ],
                ),
            })
        })
        .collect();
    let line = w
        .daily
        .iter()
        .filter_map(|d| {
            Some(Point {
                x: day_number(parse_date(&d.date)?),
                value: d.active,
                title: trf(
                    l,
                    "chart-point",
                    &[("date", fmt_date(l, &d.date).into()), ("count", fmt_count(l, d.active).into())],
                ),
            })
        })
        .collect();
    let level = r.settings.purchased.map(|p| (p, trf(l, "chart-level", &[("count", fmt_count(l, p).into())])));
    let x_labels = match span {
        // Each Monday (every other one when narrow).
        Span::Days30 => (first..=last)
            .filter_map(|d| {
                date_of(d)
                    .filter(|x| x.weekday() == chrono::Weekday::Mon)
                    .filter(|x| size == Size::Wide || x.iso_week().week() % 2 == 0)
                    .map(|x| (d, x))
            })
            .map(|(d, x)| (d, fmt_date(l, &x.format("%Y-%m-%d").to_string())))
            .collect(),
        // Every other first of the month (every third when narrow).
        Span::Year => (first..=last)
            .filter_map(|d| {
                let every = if size == Size::Wide { 2 } else { 3 };
                date_of(d).filter(|x| x.day() == 1 && x.month0() % every == 0).map(|x| (d, x))
            })
            .map(|(d, x)| (d, fmt_month_of(l, x)))
            .collect(),
    };
    svg::render(&ChartSpec {
        title: trf(
            l,
            if level.is_some() { "chart-svg-title-purchased" } else { "chart-svg-title" },
            &[
                ("from", fmt_date(l, &w.first.format("%Y-%m-%d").to_string()).into()),
                ("to", fmt_date(l, &w.last.format("%Y-%m-%d").to_string()).into()),
            ],
        ),
        size,
        x_range: (first - half, last + half),
        x_labels,
        bars,
        line,
        series: Vec::new(),
        level,
        band: None,
        lang: l,
    })
}

/// The usage chart with its 30-day / 1-year switch and the table of its numbers; in a bundle
/// ([`Mode::Bundle`]) both periods, one above the other, and no switch.
#[function_component(UsageChart)]
pub fn usage_chart(props: &SectionProps) -> Html {
    let l = use_lang();
    let live = use_mode() == Mode::Live;
    let span = use_state(|| Span::Year);
    let r = &props.report;
    let spans: Vec<Span> = if live { vec![*span] } else { vec![Span::Year, Span::Days30] };
    let svgs = use_memo((props.report.clone(), spans.clone(), l), |(r, spans, l)| {
        spans
            .iter()
            .map(|span| [Size::Wide, Size::Narrow].map(|size| usage_svg(*l, r, *span, size).map(|svg| (size, svg))))
            .collect::<Vec<_>>()
    });
    let switch = |to: Span, label: String| {
        let onclick = {
            let span = span.clone();
            move |_| span.set(to)
        };
        html! {
            <button type="button" class="span-button" aria-pressed={if *span == to { "true" } else { "false" }}
                    data-testid={if to == Span::Year { "span-year" } else { "span-30" }} {onclick}>
                { label }
            </button>
        }
    };
    let w = window(r, spans[0]);
    let drawn = svgs.iter().flatten().any(Option::is_some);
    html! {
        <section class="report-section chart-section" id="report-chart">
            <div class="section-head">
                <h2>{ tr(l, "chart-title") }</h2>
                if live && window(r, Span::Year).is_some() {
                    <div class="span-switch no-print" role="group" aria-label={tr(l, "chart-period")}>
                        { switch(Span::Days30, tr(l, "chart-30-days")) }
                        { switch(Span::Year, tr(l, "chart-1-year")) }
                    </div>
                }
            </div>
            if let (true, Some(w)) = (drawn, w) {
                { for spans.iter().zip(svgs.iter()).map(|(span, svg)| html! {
                    <figure class="chart" data-testid="usage-chart" data-span={if *span == Span::Year { "year" } else { "30" }}>
                        if !live {
                            <h3>{ tr(l, if *span == Span::Year { "chart-1-year" } else { "chart-30-days" }) }</h3>
                        }
                        { for svg.iter().flatten().map(|(size, svg)| html! {
                            <div class={size.class()}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
                        }) }
                        <figcaption>
                            <ul class="legend">
                                <li><span class="swatch swatch-bar" aria-hidden="true"></span>{ tr(l, "legend-snapshot") }</li>
                                <li><span class="swatch swatch-line" aria-hidden="true"></span>{ tr(l, "legend-daily") }</li>
                                if let Some(p) = r.settings.purchased {
                                    <li><span class="swatch swatch-level" aria-hidden="true"></span>
                                        { tr(l, "legend-purchased") }{ " " }<span data-value={p.to_string()}>{ fmt_count(l, p) }</span>
                                        { " " }{ tr(l, "legend-dashed") }</li>
                                } else {
                                    <li class="legend-note">{ tr(l, "legend-no-purchased") }</li>
                                }
                            </ul>
                            if live { <p class="hint no-print">{ tr(l, "chart-hint") }</p> }
                        </figcaption>
                    </figure>
                }) }
                { chart_tables(l, &w) }
            } else {
                <p class="section-empty" data-testid="chart-empty">{ tr(l, "chart-empty") }</p>
            }
        </section>
    }
}

/// The numbers of the chart: a link to the monthly figures (one place for them: Customer metrics), and
/// the days behind a disclosure.
fn chart_tables(l: Lang, w: &Window<'_>) -> Html {
    let daily: Vec<Html> = w
        .daily
        .iter()
        .map(|d| html! { <tr><td>{ date_text(l, &d.date) }</td>{ count_cell(l, d.active) }</tr> })
        .collect();
    html! {
                <div class="chart-tables">
                    if !w.snapshots.is_empty() {
                        <p class="chart-monthly" data-testid="chart-monthly">
                            { tr(l, "chart-monthly-in") }{ " " }
                            <a href="#report-metrics">{ tr(l, "metrics-title") }</a>
                        </p>
                    }
                    if !w.daily.is_empty() {
                        <details class="daily-details">
                            <summary>{ trf(l, "chart-daily-summary", &[("n", w.daily.len().into())]) }</summary>
                            <LongTable testid="chart-daily" rows={daily}
                                caption={html! { { tr(l, "chart-daily-caption") } }}
                                head={html! { <thead><tr>
                                    <th scope="col">{ tr(l, "col-date") }</th>
                                    <th scope="col" class="num">{ tr(l, "active-profiles") }</th>
                                </tr></thead> }} />
                        </details>
                    }
                </div>
    }
}
