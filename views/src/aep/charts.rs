//! The Profiles report's drawings: bars of named counts and of snapshots (plotters, through [`crate::svg`]), and the two-circle overlap diagram.

use engine::aep::report::SnapshotFigures;
use yew::prelude::*;

use super::{snapshot_time, snapshot_words, ProfilesProps};
use crate::format::fmt_count;
use crate::locale::{tr, trf, use_lang, Lang};
use crate::svg::{self, escape, Bar, ChartSpec, Size};
use crate::{count_cell, count_text};

/// The most bars a chart of named counts draws: its table lists them all.
pub fn most_bars(size: Size) -> usize {
    match size {
        Size::Wide => 12,
        Size::Narrow => 6,
    }
}

/// Bars of named counts in the order given, one category each (namespaces, audiences, snapshots):
/// the first `most` of them, a label under every bar or under every few when more than `labels`.
///
/// `bar_title` gives each bar's hover words from its name and count.
pub fn bars_svg(
    l: Lang,
    title: &str,
    items: &[(String, u64)],
    size: Size,
    (most, labels): (usize, usize),
    bar_title: &dyn Fn(&str, u64) -> String,
) -> Option<String> {
    let shown = &items[..items.len().min(most)];
    if shown.is_empty() {
        return None;
    }
    let every = shown.len().div_ceil(labels.max(1)).max(1);
    let bars = shown
        .iter()
        .enumerate()
        .map(|(i, (name, n))| Bar {
            x0: i as i32 * 10 + 2,
            x1: i as i32 * 10 + 8,
            value: *n,
            title: bar_title(name, *n),
        })
        .collect();
    let x_labels = shown
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, (name, _))| (i as i32 * 10 + 5, short_label(name, label_room(size, shown.len() / every))))
        .collect();
    svg::render(&ChartSpec {
        title: title.to_string(),
        size,
        x_range: (0, shown.len() as i32 * 10 - 1),
        x_labels,
        bars,
        line: Vec::new(),
        series: Vec::new(),
        level: None,
        band: None,
        lang: l,
    })
}

/// The characters a label may have under each of `labels` labels spread over a drawing of `size`.
fn label_room(size: Size, labels: usize) -> usize {
    let width = match size {
        Size::Wide => 800,
        Size::Narrow => 340,
    };
    (width / labels.max(1) / 8).clamp(6, 30)
}

/// A label that fits in `room` characters, cut with `…`.
fn short_label(name: &str, room: usize) -> String {
    if name.chars().count() <= room {
        name.to_string()
    } else {
        format!("{}…", name.chars().take(room - 1).collect::<String>())
    }
}

/// A drawing in its wide and narrow sizes (CSS shows one), as the Campaign charts are placed.
pub fn both_sizes(make: impl Fn(Size) -> Option<String>) -> Html {
    html! {
        { for [Size::Wide, Size::Narrow].into_iter().filter_map(|size| make(size).map(|svg| html! {
            <div class={size.class()}>{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
        })) }
    }
}

/// The lens area of two circles of radii `r1`, `r2` whose centres are `d` apart.
fn lens_area(r1: f64, r2: f64, d: f64) -> f64 {
    if d >= r1 + r2 {
        return 0.0;
    }
    if d <= (r1 - r2).abs() {
        return std::f64::consts::PI * r1.min(r2).powi(2);
    }
    let a1 = ((d * d + r1 * r1 - r2 * r2) / (2.0 * d * r1)).clamp(-1.0, 1.0).acos();
    let a2 = ((d * d + r2 * r2 - r1 * r1) / (2.0 * d * r2)).clamp(-1.0, 1.0).acos();
    let k = ((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)).max(0.0).sqrt();
    r1 * r1 * a1 + r2 * r2 * a2 - 0.5 * k
}

/// The distance between the centres of two circles of radii `r1`, `r2` whose lens has area `both`.
pub fn venn_distance(r1: f64, r2: f64, both: f64) -> f64 {
    let (mut lo, mut hi) = ((r1 - r2).abs(), r1 + r2);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        // The lens shrinks as the circles move apart.
        if lens_area(r1, r2, mid) > both {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// Two circles whose areas are the profiles holding `a` and holding `b`, overlapping by the profiles
/// holding both: an SVG document with a title on each circle.
pub fn venn_svg(l: Lang, a: (&str, u64), b: (&str, u64), both: u64) -> String {
    let area = |n: u64| (n as f64 / std::f64::consts::PI).sqrt();
    let (ra, rb) = (area(a.1), area(b.1));
    let big = ra.max(rb).max(f64::MIN_POSITIVE);
    let scale = 80.0 / big;
    let d = venn_distance(ra, rb, both.min(a.1).min(b.1) as f64) * scale;
    let (ra, rb) = (ra * scale, rb * scale);
    let margin = 10.0;
    let height = 2.0 * 80.0 + 2.0 * margin;
    let left = margin + ra.max(rb - d).max(0.0);
    let (ca, cb) = (left, left + d);
    let width = (cb + rb).max(ca + ra) + margin;
    let cy = height / 2.0;
    let title = trf(
        l,
        "aep-venn-title",
        &[
            ("a", a.0.into()),
            ("b", b.0.into()),
            ("a-count", fmt_count(l, a.1).into()),
            ("b-count", fmt_count(l, b.1).into()),
            ("both", fmt_count(l, both).into()),
        ],
    );
    let circle = |cx: f64, r: f64, class: &str, name: &str, n: u64| {
        if r <= 0.0 {
            return String::new();
        }
        format!(
            "<circle class=\"{class}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\"><title>{}</title></circle>",
            escape(&trf(l, "aep-venn-circle", &[("name", name.into()), ("count", fmt_count(l, n).into())]))
        )
    };
    format!(
        "<svg class=\"venn-svg\" role=\"img\" viewBox=\"0 0 {width:.0} {height:.0}\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title>{}{}</svg>",
        circle(ca, ra, "venn-a", a.0, a.1),
        circle(cb, rb, "venn-b", b.0, b.1),
        t = escape(&title),
    )
}

/// The profiles of every snapshot: bars, and the table with the change from the one before.
#[function_component(Trend)]
pub fn trend(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let items: Vec<(String, u64)> =
        r.snapshots.iter().map(|s| (snapshot_words(l, s.time.as_deref()), s.profiles)).collect();
    let title = tr(l, "aep-trend-svg-title");
    let bar_title =
        |time: &str, n: u64| trf(l, "aep-trend-bar", &[("time", time.into()), ("count", fmt_count(l, n).into())]);
    let bars = |size: Size| {
        // Up to twice as many bars as a chart of names (dates are short): a long trend keeps its latest.
        let most = most_bars(size) * 2;
        let keep = items.len().saturating_sub(most);
        bars_svg(l, &title, &items[keep..], size, (most, most_bars(size) - 2), &bar_title)
    };
    html! {
        <section class="report-section trend-section" id="profiles-trend">
            <h2>{ tr(l, "aep-trend-title") }</h2>
            <figure class="chart" data-testid="trend-chart">
                { both_sizes(bars) }
                <figcaption class="hint">{ tr(l, "aep-trend-caption") }</figcaption>
            </figure>
            <table class="data-table trend-table" data-testid="trend">
                <caption>{ tr(l, "aep-trend-table-caption") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "aep-col-snapshot") }</th>
                    <th scope="col" class="num">{ tr(l, "aep-col-profiles") }</th>
                    <th scope="col" class="num">{ tr(l, "aep-col-added") }</th>
                    <th scope="col" class="num">{ tr(l, "aep-col-removed") }</th>
                </tr></thead>
                <tbody>
                    { for r.snapshots.iter().enumerate().map(|(i, s)| trend_row(l, s, i.checked_sub(1).and_then(|j| r.change.get(j)))) }
                </tbody>
            </table>
        </section>
    }
}

fn trend_row(l: Lang, s: &SnapshotFigures, change: Option<&engine::aep::report::Change>) -> Html {
    html! {
        <tr data-testid="trend-row" data-time={s.time.clone()}>
            <th scope="row">{ snapshot_time(l, s.time.as_deref()) }</th>
            { count_cell(l, s.profiles) }
            if let Some(c) = change {
                { count_cell(l, c.added) }
                { count_cell(l, c.removed) }
            } else {
                <td class="num">{ "–" }</td>
                <td class="num">{ "–" }</td>
            }
        </tr>
    }
}

/// A count in running text with its share of `total`, e.g. `9 100 (19 %)`.
pub fn count_and_share(l: Lang, n: u64, total: u64) -> Html {
    html! {
        <>
            { count_text(l, n) }
            if total > 0 {
                { " (" }{ crate::format::fmt_percent(l, n as f64 * 100.0 / total as f64) }{ ")" }
            }
        </>
    }
}
