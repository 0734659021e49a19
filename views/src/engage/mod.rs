//! The Journey Optimizer *Engageable profiles* report on screen: Yew components that render an `engageable/1` report.
//!
//! [`EngageableView`] shows an [`EngageableReport`] top to bottom, under its
//! own contents bar: the tiles laid out like Adobe's *License usage*
//! dashboard (licence amount, usage, usage %, predicted usage as a range),
//! the daily count with the licence line (30 days or a year), newly engaged
//! profiles per day with the spikes and the journeys that caused them, the
//! sandboxes, the journeys and campaigns, who leaves the count when, and the
//! diagnosis. It reuses the Campaign report's pieces: tiles and table
//! classes, [`crate::svg`] for the charts, [`crate::nav`] for the contents
//! bar and long tables, [`crate::diagnosis`] for rejected events grouped by
//! reason, and [`crate::Mode`] (a bundle shows both chart periods, no
//! controls). The report holds counts only: no profile key.

#[cfg(feature = "ssr")]
pub mod bundle;

use std::rc::Rc;

use chrono::Datelike;
use engine::engage::report::SandboxDaily;
use engine::engage::EngageableReport;
use yew::prelude::*;

use crate::chart::{day_number, Span};
use crate::diagnosis::{breakable, group_rejected, paired, rejected_list, warnings_list, RejectedWords};
use crate::format::{fmt_count, fmt_date, fmt_month, fmt_month_of, fmt_percent, parse_date};
use crate::locale::{tr, trf, Lang};
use crate::nav::LongTable;
use crate::svg::{self, Band, Bar, ChartSpec, Point, Series, Size};
use crate::tiles::usage_level;
use crate::{count_cell, count_text, date_text, use_mode, Mode};

/// What [`EngageableView`] renders.
#[derive(Properties, PartialEq)]
pub struct EngageableViewProps {
    pub report: Rc<EngageableReport>,
    /// The language of the words, numbers and dates (provided as context to every part).
    pub lang: Lang,
}

/// The props of a part that only reads the report.
#[derive(Properties, PartialEq)]
pub struct EngageableProps {
    pub report: Rc<EngageableReport>,
}

/// The id of the report's container.
pub const ENGAGEABLE_ID: &str = "engageable-report";

/// The id of the rejected events in the diagnosis.
pub const REJECTED_ID: &str = "engageable-rejected";

/// Each section's id and the catalog key of its link, in page order.
pub const SECTIONS: [(&str, &str); 7] = [
    ("engageable-tiles", "nav-tiles"),
    ("engageable-chart", "eng-chart-title"),
    ("engageable-newly", "eng-newly-title"),
    ("engageable-sandboxes", "eng-sandboxes-title"),
    ("engageable-journeys", "eng-journeys-title"),
    ("engageable-expiring", "eng-expiring-title"),
    ("engageable-diagnosis", "diagnosis-title"),
];

/// The words of the rejected events.
pub const EVENTS_WORDS: RejectedWords = RejectedWords {
    caption: "eng-rejected-caption",
    listed: "eng-rejected-listed",
    group_rows: "eng-rejected-group-events",
    group_caption: "eng-rejected-group-caption",
};

/// True when the report counted no event.
pub fn is_empty(report: &EngageableReport) -> bool {
    report.rows.read == 0
}

/// The whole Engageable profiles report, section by section.
#[function_component(EngageableView)]
pub fn engageable_view(props: &EngageableViewProps) -> Html {
    let l = props.lang;
    let report = &props.report;
    let links = SECTIONS.into_iter().map(|(id, key)| (id, tr(l, key)));
    html! {
        <ContextProvider<Lang> context={l}>
            <div class="report engageable-report" id={ENGAGEABLE_ID} data-testid="engageable-report">
                { crate::nav::contents_bar(l, links, None) }
                if is_empty(report) {
                    <p class="report-empty" data-testid="engageable-empty" role="status">
                        <strong>{ tr(l, "eng-empty-title") }</strong>{ " " }{ tr(l, "eng-empty-text") }
                    </p>
                }
                <EngageableTiles report={report.clone()} />
                <DailyChart report={report.clone()} />
                <Newly report={report.clone()} />
                <Sandboxes report={report.clone()} />
                <Journeys report={report.clone()} />
                <Leaving report={report.clone()} />
                <EngageableDiagnosis report={report.clone()} />
            </div>
        </ContextProvider<Lang>>
    }
}

/// The License usage tiles: licence amount, usage, usage %, predicted usage; then engageable in total
/// and by sandbox type, dry-run-only and stitching.
#[function_component(EngageableTiles)]
pub fn engageable_tiles(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let r = &props.report;
    let e = &r.engageable;
    let licence = r.licence.as_ref();
    let used = licence.map_or(e.production, |x| x.used);
    html! {
        <section class="report-section report-tiles-section" id="engageable-tiles" aria-label={tr(l, "eng-usage")}>
            <div class="report-tiles">
                <div class="rtile">
                    <span class="rtile-label">{ tr(l, "eng-tile-licensed") }</span>
                    if let Some(x) = licence {
                        <span class="rtile-value num" data-testid="eng-licensed" data-value={x.licensed.to_string()}>{ fmt_count(l, x.licensed) }</span>
                        <span class="rtile-note">{ tr(l, "eng-tile-licensed-note") }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="eng-licensed">{ tr(l, "not-set") }</span>
                        <span class="rtile-note">{ tr(l, "eng-tile-licensed-enter") }</span>
                    }
                </div>
                <div class="rtile rtile-total">
                    <span class="rtile-label">{ tr(l, "eng-tile-usage") }</span>
                    <span class="rtile-value num" data-testid="eng-used" data-value={used.to_string()}>{ fmt_count(l, used) }</span>
                    <span class="rtile-note">
                        if let Some(as_of) = &r.as_of {
                            { tr(l, "eng-tile-usage-note") }{ " " }{ date_text(l, as_of) }
                        } else {
                            { tr(l, "tile-no-as-of") }
                        }
                    </span>
                </div>
                { percent_tile(l, licence.map(|x| x.percent)) }
                <div class="rtile">
                    <span class="rtile-label">{ tr(l, "eng-tile-predicted") }</span>
                    if let Some(p) = licence.and_then(|x| x.predicted.as_ref()) {
                        <span class="rtile-value num rtile-range" data-testid="eng-predicted" data-low={p.low.to_string()} data-high={p.high.to_string()}>
                            { fmt_count(l, p.low) }{ " – " }{ fmt_count(l, p.high) }
                        </span>
                        <span class="rtile-note">{ tr(l, "eng-tile-predicted-on") }{ " " }{ date_text(l, &p.date) }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="eng-predicted">{ "–" }</span>
                        <span class="rtile-note">{ tr(l, "eng-tile-predicted-needs") }</span>
                    }
                </div>
            </div>
            <div class="report-tiles instance-tiles" role="group" aria-label={tr(l, "eng-tiles-more")}>
                <div class="rtile rtile-instance">
                    <span class="rtile-label">{ tr(l, "eng-total") }</span>
                    <span class="rtile-value num" data-testid="eng-total" data-value={e.total.to_string()}>{ fmt_count(l, e.total) }</span>
                </div>
                <div class="rtile rtile-instance">
                    <span class="rtile-label">{ tr(l, "eng-production") }</span>
                    <span class="rtile-value num" data-testid="eng-production" data-value={e.production.to_string()}>{ fmt_count(l, e.production) }</span>
                </div>
                <div class="rtile rtile-instance">
                    <span class="rtile-label">{ tr(l, "eng-development") }</span>
                    <span class="rtile-value num" data-testid="eng-development" data-value={e.development.to_string()}>{ fmt_count(l, e.development) }</span>
                </div>
                <div class="rtile rtile-instance">
                    <span class="rtile-label">{ tr(l, "eng-dry-run-only") }</span>
                    <span class="rtile-value num" data-testid="eng-dry-run-only" data-value={r.dry_run_only.to_string()}>{ fmt_count(l, r.dry_run_only) }</span>
                </div>
                if r.stitched {
                    <div class="rtile rtile-instance">
                        <span class="rtile-label">{ tr(l, "eng-stitched-joined") }</span>
                        <span class="rtile-value num" data-testid="eng-stitched-joined" data-value={r.stitched_joined.to_string()}>{ fmt_count(l, r.stitched_joined) }</span>
                    </div>
                }
            </div>
            if let Some(w) = &r.window {
                <p class="lead" data-testid="eng-window" data-from={w.from.clone()} data-to={w.to.clone()}>
                    { tr(l, "eng-window") }{ " " }{ date_text(l, &w.from) }{ " – " }{ date_text(l, &w.to) }
                </p>
            }
        </section>
    }
}

fn percent_tile(l: Lang, percent: Option<f64>) -> Html {
    let Some(p) = percent else {
        return html! {
            <div class="rtile">
                <span class="rtile-label">{ tr(l, "eng-tile-percent") }</span>
                <span class="rtile-value rtile-unset" data-testid="eng-percent">{ "–" }</span>
                <span class="rtile-note">{ tr(l, "eng-tile-predicted-needs") }</span>
            </div>
        };
    };
    let class = usage_level(p);
    // The tile's class is the Campaign tile's; its words speak of the licence, not of a purchase.
    let words = tr(l, &format!("eng-{class}"));
    let width = format!("width: {:.1}%", p.clamp(0.0, 100.0));
    html! {
        <div class={classes!("rtile", "rtile-used", class)}>
            <span class="rtile-label">{ tr(l, "eng-tile-percent") }</span>
            <span class="rtile-value num" data-testid="eng-percent" data-value={format!("{p:.1}")}>{ fmt_percent(l, p) }</span>
            <div class="usage-bar" role="img" aria-label={trf(l, "tile-used-aria", &[("percent", fmt_percent(l, p).into()), ("words", (&words).into())])}>
                <div class="usage-fill" style={width}></div>
            </div>
            <span class="rtile-note usage-words">{ words }</span>
        </div>
    }
}

/// The x-axis labels of a span: Mondays over 30 days, every other first of the month over a year.
fn x_labels(l: Lang, first: i32, last: i32, span: Span, size: Size) -> Vec<(i32, String)> {
    let date_of = chrono::NaiveDate::from_num_days_from_ce_opt;
    (first..=last)
        .filter_map(|d| {
            let x = date_of(d)?;
            match span {
                Span::Days30 => (x.weekday() == chrono::Weekday::Mon
                    && (size == Size::Wide || x.iso_week().week() % 2 == 0))
                    .then(|| (d, fmt_date(l, &x.format("%Y-%m-%d").to_string()))),
                Span::Year => {
                    let every = if size == Size::Wide { 2 } else { 3 };
                    (x.day() == 1 && x.month0() % every == 0).then(|| (d, fmt_month_of(l, x)))
                }
            }
        })
        .collect()
}

/// The days of the report in a span, as (day number, index in `daily`, row).
fn days_in(r: &EngageableReport, span: Span) -> Vec<(i32, usize, &engine::engage::report::Daily)> {
    let n = match span {
        Span::Days30 => 30,
        Span::Year => 365,
    };
    let from = r.daily.len().saturating_sub(n);
    r.daily.iter().enumerate().skip(from).filter_map(|(i, d)| Some((day_number(parse_date(&d.date)?), i, d))).collect()
}

/// How many colours the stylesheet has for the sandbox lines (`series-0` …); more sandboxes reuse them.
pub const SANDBOX_COLOURS: usize = 8;

/// The sandboxes that get a line of their own: all of `sandbox_daily` when there are two or more
/// (one sandbox is the chart's line already).
fn sandbox_lines(r: &EngageableReport) -> &[SandboxDaily] {
    if r.sandbox_daily.len() >= 2 {
        &r.sandbox_daily
    } else {
        &[]
    }
}

/// A sandbox's type in words.
fn type_words(l: Lang, kind: &str) -> String {
    tr(l, if kind == "development" { "eng-type-development" } else { "eng-type-production" })
}

/// The daily count: production sandboxes with the licence line when a licence is entered, else all;
/// with two sandboxes or more, a line per sandbox over it (the hover words of a day list them).
fn daily_svg(l: Lang, r: &EngageableReport, span: Span, size: Size) -> Option<String> {
    let days = days_in(r, span);
    let (first, last) = (days.first()?.0, days.last()?.0);
    let licence = r.licence.as_ref();
    let sandboxes = sandbox_lines(r);
    let line = days
        .iter()
        .map(|(x, i, d)| {
            let value = if licence.is_some() { d.production } else { d.engageable };
            let mut title = trf(
                l,
                "eng-chart-point",
                &[("date", fmt_date(l, &d.date).into()), ("count", fmt_count(l, value).into())],
            );
            for s in sandboxes {
                let n = s.engageable.get(*i).copied().unwrap_or(0);
                title.push('\n');
                title.push_str(&trf(
                    l,
                    "eng-chart-point-sandbox",
                    &[
                        ("sandbox", s.name.as_str().into()),
                        ("type", type_words(l, &s.kind).into()),
                        ("count", fmt_count(l, n).into()),
                    ],
                ));
            }
            Point { x: *x, value, title }
        })
        .collect();
    let series = sandboxes
        .iter()
        .enumerate()
        .map(|(k, s)| Series {
            class: format!("series-{}", k % SANDBOX_COLOURS),
            name: s.name.clone(),
            points: days.iter().map(|(x, i, _)| (*x, s.engageable.get(*i).copied().unwrap_or(0))).collect(),
        })
        .collect();
    let level = licence.map(|x| (x.licensed, trf(l, "eng-chart-level", &[("count", fmt_count(l, x.licensed).into())])));
    // The predicted range, six weeks after the last day, widens the chart to its day.
    let band = licence.and_then(|x| x.predicted.as_ref()).and_then(|p| {
        let title = trf(
            l,
            "eng-legend-predicted",
            &[
                ("date", fmt_date(l, &p.date).into()),
                ("low", fmt_count(l, p.low).into()),
                ("high", fmt_count(l, p.high).into()),
            ],
        );
        Some(Band { x: day_number(parse_date(&p.date)?), low: p.low, high: p.high, title })
    });
    let end = band.as_ref().map_or(last, |b| b.x.max(last) + 2);
    svg::render(&ChartSpec {
        title: tr(l, if licence.is_some() { "eng-chart-svg-production" } else { "eng-chart-svg-all" }),
        size,
        x_range: (first, end),
        x_labels: x_labels(l, first, end, span, size),
        bars: Vec::new(),
        line,
        series,
        level,
        band,
        lang: l,
    })
}

/// Newly engaged profiles per day, as bars.
fn newly_svg(l: Lang, r: &EngageableReport, span: Span, size: Size) -> Option<String> {
    let days = days_in(r, span);
    let (first, last) = (days.first()?.0, days.last()?.0);
    let bars = days
        .iter()
        .map(|(x, _, d)| Bar {
            x0: *x,
            x1: *x + 1,
            value: d.newly_engaged,
            title: trf(
                l,
                "eng-newly-point",
                &[("date", fmt_date(l, &d.date).into()), ("count", fmt_count(l, d.newly_engaged).into())],
            ),
        })
        .collect();
    svg::render(&ChartSpec {
        title: tr(l, "eng-newly-title"),
        size,
        x_range: (first, last + 1),
        x_labels: x_labels(l, first, last, span, size),
        bars,
        line: Vec::new(),
        series: Vec::new(),
        level: None,
        band: None,
        lang: l,
    })
}

/// A chart with its 30-day / 1-year switch (both periods in a bundle).
fn spans_of(live: bool, span: Span) -> Vec<Span> {
    if live {
        vec![span]
    } else {
        vec![Span::Year, Span::Days30]
    }
}

fn span_switch(l: Lang, span: &UseStateHandle<Span>, testid: &'static str) -> Html {
    let button = |to: Span, key: &str| {
        let onclick = {
            let span = span.clone();
            move |_| span.set(to)
        };
        html! {
            <button type="button" class="span-button" aria-pressed={if **span == to { "true" } else { "false" }}
                    data-testid={format!("{testid}-{}", if to == Span::Year { "year" } else { "30" })} {onclick}>
                { tr(l, key) }
            </button>
        }
    };
    html! {
        <div class="span-switch no-print" role="group" aria-label={tr(l, "chart-period")}>
            { button(Span::Days30, "chart-30-days") }
            { button(Span::Year, "chart-1-year") }
        </div>
    }
}

fn figures(l: Lang, live: bool, spans: &[Span], svgs: &[[Option<String>; 2]], testid: &str, legend: Html) -> Html {
    html! {
        { for spans.iter().zip(svgs).map(|(span, svg)| html! {
            <figure class="chart" data-testid={testid.to_string()} data-span={if *span == Span::Year { "year" } else { "30" }}>
                if !live {
                    <h3>{ tr(l, if *span == Span::Year { "chart-1-year" } else { "chart-30-days" }) }</h3>
                }
                { for [Size::Wide, Size::Narrow].iter().zip(svg.iter()).filter_map(|(size, svg)| svg.as_ref().map(|svg| html! {
                    <div class={size.class()}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
                })) }
                <figcaption>{ legend.clone() }</figcaption>
            </figure>
        }) }
    }
}

/// The daily count with the licence line.
#[function_component(DailyChart)]
pub fn daily_chart(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let live = use_mode() == Mode::Live;
    let span = use_state(|| Span::Year);
    let r = &props.report;
    let spans = spans_of(live, *span);
    let svgs = use_memo((r.clone(), spans.clone(), l), |(r, spans, l)| {
        spans.iter().map(|s| [Size::Wide, Size::Narrow].map(|size| daily_svg(*l, r, *s, size))).collect::<Vec<_>>()
    });
    let licence = r.licence.as_ref();
    let legend = html! {
        <ul class="legend">
            <li><span class="swatch swatch-line" aria-hidden="true"></span>
                { tr(l, if licence.is_some() { "eng-legend-production" } else { "eng-legend-all" }) }</li>
            { for sandbox_lines(r).iter().enumerate().map(|(k, s)| html! {
                <li data-testid="eng-chart-sandbox" data-name={s.name.clone()}>
                    <span class={classes!("swatch", "swatch-series", format!("series-{}", k % SANDBOX_COLOURS))} aria-hidden="true"></span>
                    { trf(l, "eng-legend-sandbox", &[("sandbox", s.name.as_str().into()), ("type", type_words(l, &s.kind).into())]) }
                </li>
            }) }
            if let Some(x) = licence {
                <li><span class="swatch swatch-level" aria-hidden="true"></span>
                    { tr(l, "eng-legend-licensed") }{ " " }<span data-value={x.licensed.to_string()}>{ fmt_count(l, x.licensed) }</span>
                    { " " }{ tr(l, "legend-dashed") }</li>
                if let Some(p) = &x.predicted {
                    <li data-testid="eng-chart-predicted"><span class="swatch swatch-bar" aria-hidden="true"></span>{ trf(l, "eng-legend-predicted", &[
                        ("date", fmt_date(l, &p.date).into()), ("low", fmt_count(l, p.low).into()), ("high", fmt_count(l, p.high).into())]) }</li>
                }
            } else {
                <li class="legend-note">{ tr(l, "eng-legend-no-licence") }</li>
            }
        </ul>
    };
    let rows: Vec<Html> = r
        .daily
        .iter()
        .rev()
        .map(|d| html! { <tr><td>{ date_text(l, &d.date) }</td>{ count_cell(l, d.engageable) }{ count_cell(l, d.production) }{ count_cell(l, d.newly_engaged) }</tr> })
        .collect();
    html! {
        <section class="report-section chart-section" id="engageable-chart">
            <div class="section-head">
                <h2>{ tr(l, "eng-chart-title") }</h2>
                if live && !r.daily.is_empty() { { span_switch(l, &span, "eng-span") } }
            </div>
            if r.daily.is_empty() {
                <p class="section-empty">{ tr(l, "chart-empty") }</p>
            } else {
                { figures(l, live, &spans, &svgs, "eng-daily-chart", legend) }
                <details class="daily-details">
                    <summary>{ trf(l, "chart-daily-summary", &[("n", r.daily.len().into())]) }</summary>
                    <LongTable testid="eng-daily" rows={rows}
                        caption={html! { { tr(l, "eng-daily-caption") } }}
                        head={html! { <thead><tr>
                            <th scope="col">{ tr(l, "col-date") }</th>
                            <th scope="col" class="num">{ tr(l, "eng-total") }</th>
                            <th scope="col" class="num">{ tr(l, "eng-production") }</th>
                            <th scope="col" class="num">{ tr(l, "eng-col-newly") }</th>
                        </tr></thead> }} />
                </details>
            }
        </section>
    }
}

/// Newly engaged profiles per day, and the spikes with the journeys that caused them.
#[function_component(Newly)]
pub fn newly(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let live = use_mode() == Mode::Live;
    let span = use_state(|| Span::Year);
    let r = &props.report;
    let spans = spans_of(live, *span);
    let svgs = use_memo((r.clone(), spans.clone(), l), |(r, spans, l)| {
        spans.iter().map(|s| [Size::Wide, Size::Narrow].map(|size| newly_svg(*l, r, *s, size))).collect::<Vec<_>>()
    });
    let legend = html! { <p class="hint">{ tr(l, "eng-newly-lead") }</p> };
    html! {
        <section class="report-section chart-section" id="engageable-newly">
            <div class="section-head">
                <h2>{ tr(l, "eng-newly-title") }</h2>
                if live && !r.daily.is_empty() { { span_switch(l, &span, "eng-newly-span") } }
            </div>
            if !r.daily.is_empty() {
                { figures(l, live, &spans, &svgs, "eng-newly-chart", legend) }
            }
            if r.spikes.is_empty() {
                <p class="section-empty" data-testid="eng-no-spikes">{ tr(l, "eng-no-spikes") }</p>
            } else {
                <table class="data-table" data-testid="eng-spikes">
                    <caption>{ tr(l, "eng-spikes-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-date") }</th>
                        <th scope="col" class="num">{ tr(l, "eng-col-newly") }</th>
                        <th scope="col" class="num">{ tr(l, "eng-col-median") }</th>
                        <th scope="col">{ tr(l, "eng-col-journeys") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.spikes.iter().map(|s| html! {
                            <tr data-testid="eng-spike" data-date={s.date.clone()}>
                                <td>{ date_text(l, &s.date) }</td>
                                { count_cell(l, s.newly_engaged) }
                                <td class="num" data-value={s.median_before.to_string()}>{ crate::format::fmt_decimal1(l, s.median_before) }</td>
                                <td class="value-literal">{ s.journeys.join(", ") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

/// Engageable profiles per sandbox.
#[function_component(Sandboxes)]
pub fn sandboxes(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let r = &props.report;
    html! {
        <section class="report-section" id="engageable-sandboxes">
            <h2>{ tr(l, "eng-sandboxes-title") }</h2>
            <table class="data-table" data-testid="eng-sandboxes">
                <thead><tr>
                    <th scope="col">{ tr(l, "eng-col-sandbox") }</th>
                    <th scope="col">{ tr(l, "eng-col-type") }</th>
                    <th scope="col" class="num">{ tr(l, "eng-col-profiles") }</th>
                </tr></thead>
                <tbody>
                    { for r.engageable.sandboxes.iter().map(|s| html! {
                        <tr data-testid="eng-sandbox" data-name={s.name.clone()}>
                            <th scope="row" class="value-literal">{ &s.name }</th>
                            <td>{ type_words(l, &s.kind) }</td>
                            { count_cell(l, s.profiles) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Engaged profiles by journey or campaign.
#[function_component(Journeys)]
pub fn journeys(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let r = &props.report;
    let rows: Vec<Html> = r
        .by_journey
        .iter()
        .map(|j| html! { <tr data-testid="eng-journey" data-name={j.name.clone()}><th scope="row" class="value-literal">{ &j.name }</th>{ count_cell(l, j.profiles) }</tr> })
        .collect();
    html! {
        <section class="report-section" id="engageable-journeys">
            <h2>{ tr(l, "eng-journeys-title") }</h2>
            <p class="lead">{ tr(l, "eng-journeys-lead") }</p>
            if rows.is_empty() {
                <p class="section-empty">{ tr(l, "eng-journeys-none") }</p>
            } else {
                <LongTable testid="eng-journeys" rows={rows}
                    caption={html! { { tr(l, "eng-journeys-title") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "eng-col-journey") }</th>
                        <th scope="col" class="num">{ tr(l, "eng-col-profiles") }</th>
                    </tr></thead> }} />
            }
        </section>
    }
}

/// Who leaves the count by month if nothing more is sent.
#[function_component(Leaving)]
pub fn leaving(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let r = &props.report;
    html! {
        <section class="report-section" id="engageable-expiring">
            <h2>{ tr(l, "eng-expiring-title") }</h2>
            <p class="lead">{ tr(l, "eng-expiring-lead") }</p>
            <table class="data-table" data-testid="eng-expiring">
                <thead><tr>
                    <th scope="col">{ tr(l, "eng-col-month") }</th>
                    <th scope="col" class="num">{ tr(l, "eng-col-profiles") }</th>
                </tr></thead>
                <tbody>
                    { for r.expiring.iter().map(|e| html! {
                        <tr data-testid="eng-expiring-row" data-month={e.month.clone()}>
                            <td>{ fmt_month(l, &e.month) }</td>{ count_cell(l, e.profiles) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Events read, counted and rejected; rejected events grouped by reason; warnings; files.
#[function_component(EngageableDiagnosis)]
pub fn engageable_diagnosis(props: &EngageableProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let live = use_mode() == Mode::Live;
    let r = &props.report;
    let rows = &r.rows;
    html! {
        <section class="report-section diagnosis-section" id="engageable-diagnosis">
            <h2>{ tr(l, "diagnosis-title") }</h2>
            <p class="lead diagnosis-sentence" data-testid="eng-diagnosis-sentence">
                { count_text(l, rows.read) }{ " " }{ trf(l, "eng-diagnosis-read", &[("n", rows.read.into())]) }{ " " }
                { count_text(l, rows.counted) }{ " " }{ tr(l, "eng-diagnosis-counted") }{ " " }
                { count_text(l, rows.rejected) }{ " " }{ tr(l, "eng-diagnosis-rejected") }
            </p>
            if !r.rejected.is_empty() || rows.rejected > 0 {
                { rejected_list(l, &group_rejected(l, &r.rejected), rows.rejected, &EVENTS_WORDS, REJECTED_ID, live) }
            }
            if !r.warnings.is_empty() {
                <h3>{ tr(l, "warnings") }</h3>
                { warnings_list(l, paired(&r.warnings, &r.warning_messages)) }
            }
            if !r.files.is_empty() {
                <table class="data-table files-table" data-testid="eng-files">
                    <caption>{ tr(l, "eng-files-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-file") }</th>
                        <th scope="col">{ tr(l, "aep-col-format") }</th>
                        <th scope="col" class="num">{ tr(l, "eng-col-events") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.files.iter().map(|f| html! {
                            <tr data-testid="eng-file" data-name={f.name.clone()}>
                                <th scope="row" class="file-name">{ breakable(&f.name) }</th>
                                <td>{ if f.format.is_empty() { "–".to_string() } else { f.format.clone() } }</td>
                                { count_cell(l, f.events) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::engage::report::Daily;

    fn report(sandboxes: &[(&str, &str, [u64; 3])]) -> EngageableReport {
        let daily = (0..3)
            .map(|i| Daily {
                date: format!("2026-01-0{}", i + 1),
                engageable: sandboxes.iter().map(|s| s.2[i]).sum(),
                production: sandboxes.iter().filter(|s| s.1 == "production").map(|s| s.2[i]).sum(),
                newly_engaged: 0,
            })
            .collect();
        let sandbox_daily = sandboxes
            .iter()
            .map(|(name, kind, counts)| SandboxDaily {
                name: name.to_string(),
                kind: kind.to_string(),
                engageable: counts.to_vec(),
            })
            .collect();
        EngageableReport { daily, sandbox_daily, ..Default::default() }
    }

    /// The `data-series` and `data-values` of each sandbox line of a drawing.
    fn lines(svg: &str) -> Vec<(String, String)> {
        let attr = |s: &str, name: &str| -> String {
            let from = s.find(&format!("{name}=\"")).map(|i| i + name.len() + 2).unwrap_or(0);
            s[from..].split('"').next().unwrap_or_default().to_string()
        };
        svg.split("<polyline class=\"series-line")
            .skip(1)
            .map(|s| (attr(s, "data-series"), attr(s, "data-values")))
            .collect()
    }

    #[test]
    fn the_daily_chart_draws_a_line_per_sandbox_with_its_words() {
        let r = report(&[("prod", "production", [5, 6, 7]), ("dev", "development", [2, 1, 0])]);
        let svg = daily_svg(Lang::En, &r, Span::Year, Size::Wide).unwrap_or_default();
        assert_eq!(lines(&svg), [("prod".into(), "5 6 7".into()), ("dev".into(), "2 1 0".into())]);
        assert!(svg.contains("series-line series-0") && svg.contains("series-line series-1"), "{svg}");
        // The hover words of the last day say each sandbox's count.
        assert!(svg.contains("7 engageable profiles\nprod (production): 7\ndev (development): 0</title>"), "{svg}");
        let fr = daily_svg(Lang::Fr, &r, Span::Days30, Size::Narrow).unwrap_or_default();
        assert!(fr.contains("dev (développement) : 2"), "{fr}");
    }

    #[test]
    fn one_sandbox_is_the_chart_line_alone() {
        let r = report(&[("prod", "production", [5, 6, 7])]);
        let svg = daily_svg(Lang::En, &r, Span::Year, Size::Wide).unwrap_or_default();
        assert!(lines(&svg).is_empty() && !svg.contains("prod (production)"), "{svg}");
        assert!(svg.contains("7 engageable profiles</title>"), "{svg}");
    }
}
