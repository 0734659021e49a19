//! The dashboard's own widgets for the latest snapshot: tiles, profiles by identity, single-identity profiles, the overlap of two namespaces, audiences.

use engine::aep::report::{NamespaceCount, PairCount, SnapshotFigures};
use yew::prelude::*;

use super::charts::{bars_svg, both_sizes, count_and_share, most_bars, venn_svg};
use super::{latest, snapshot_time, ProfilesProps, REJECTED_ID};
use crate::format::{fmt_count, fmt_percent};
use crate::locale::{tr, trf, use_lang, Lang};
use crate::nav::LongTable;
use crate::{count_cell, use_mode, Mode};

/// A headline tile: its label, its figure (raw in `data-value`) and a note under it.
fn tile(l: Lang, class: &'static str, label: &str, testid: &'static str, n: u64, note: Html) -> Html {
    html! {
        <div class={classes!("rtile", class)}>
            <span class="rtile-label">{ label }</span>
            <span class="rtile-value num" data-testid={testid} data-value={n.to_string()}>{ fmt_count(l, n) }</span>
            <span class="rtile-note">{ note }</span>
        </div>
    }
}

/// Profiles, change since the previous snapshot, single-identity, unsegmented and pseudonymous-only profiles.
#[function_component(ProfileTiles)]
pub fn profile_tiles(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let empty = SnapshotFigures::default();
    let s = latest(r).unwrap_or(&empty);
    let share = |n: u64| {
        if s.profiles > 0 {
            trf(l, "aep-tile-share", &[("percent", fmt_percent(l, n as f64 * 100.0 / s.profiles as f64).into())])
        } else {
            String::new()
        }
    };
    html! {
        <section class="report-section report-tiles-section" id="profiles-tiles" aria-label={tr(l, "nav-tiles")}>
            <div class="report-tiles profile-tiles">
                { tile(l, "rtile-total", &tr(l, "aep-tile-profiles"), "profiles-total", s.profiles, html! {
                    <>{ tr(l, "tile-on") }{ " " }{ snapshot_time(l, s.time.as_deref()) }</>
                }) }
                { change_tile(l, r.change.last()) }
                { tile(l, "", &tr(l, "aep-tile-single"), "profiles-single", s.single_identity.profiles,
                    html! { <>{ share(s.single_identity.profiles) }{ " " }{ tr(l, "aep-tile-single-note") }</> }) }
                { tile(l, "", &tr(l, "aep-tile-unsegmented"), "profiles-unsegmented", s.unsegmented,
                    html! { <>{ share(s.unsegmented) }{ " " }{ tr(l, "aep-tile-unsegmented-note") }</> }) }
                { tile(l, "", &tr(l, "aep-tile-pseudonymous"), "profiles-pseudonymous", s.pseudonymous_only,
                    html! { <>{ share(s.pseudonymous_only) }{ " " }{ tr(l, "aep-tile-pseudonymous-note") }</> }) }
            </div>
            if r.rows.rejected > 0 {
                <p class="tiles-rejected" data-testid="tiles-rejected" data-value={r.rows.rejected.to_string()}>
                    { trf(l, "aep-tiles-rejected", &[
                        ("n", r.rows.rejected.into()),
                        ("rejected", fmt_count(l, r.rows.rejected).into()),
                        ("read", fmt_count(l, r.rows.read).into()),
                    ]) }
                    { " — " }
                    <a href={format!("#{REJECTED_ID}")} data-testid="tiles-rejected-link">{ tr(l, "tiles-rejected-why") }</a>
                </p>
            }
        </section>
    }
}

/// Added and removed profiles since the previous snapshot, or why there is no change to show.
fn change_tile(l: Lang, change: Option<&engine::aep::report::Change>) -> Html {
    let Some(c) = change else {
        return html! {
            <div class="rtile rtile-change">
                <span class="rtile-label">{ tr(l, "aep-tile-change") }</span>
                <span class="rtile-value rtile-unset" data-testid="profiles-change">{ "–" }</span>
                <span class="rtile-note">{ tr(l, "aep-tile-change-needs") }</span>
            </div>
        };
    };
    html! {
        <div class="rtile rtile-change">
            <span class="rtile-label">{ tr(l, "aep-tile-change") }</span>
            <span class="rtile-value num change-value" data-testid="profiles-change">
                <span class="change-added" data-testid="profiles-added" data-value={c.added.to_string()}>
                    <span aria-hidden="true">{ "+" }{ fmt_count(l, c.added) }</span>
                    <span class="visually-hidden">{ trf(l, "aep-change-added", &[("count", fmt_count(l, c.added).into())]) }</span>
                </span>
                { " " }
                <span class="change-removed" data-testid="profiles-removed" data-value={c.removed.to_string()}>
                    <span aria-hidden="true">{ "−" }{ fmt_count(l, c.removed) }</span>
                    <span class="visually-hidden">{ trf(l, "aep-change-removed", &[("count", fmt_count(l, c.removed).into())]) }</span>
                </span>
            </span>
            <span class="rtile-note">
                { tr(l, "aep-tile-change-note") }{ " " }{ snapshot_time(l, c.from.as_deref()) }
            </span>
        </div>
    }
}

/// A table of named counts (namespaces, audiences) with each one's share of the profiles.
pub fn named_table(
    l: Lang,
    testid: &'static str,
    caption: Html,
    name_col: &str,
    list: &[NamespaceCount],
    total: u64,
) -> Html {
    let rows: Vec<Html> = list
        .iter()
        .map(|c| {
            html! {
                <tr data-testid={format!("{testid}-row")} data-name={c.namespace.clone()}>
                    <th scope="row" class="value-literal">{ &c.namespace }</th>
                    { count_cell(l, c.profiles) }
                    { share_cell(l, c.profiles, total) }
                </tr>
            }
        })
        .collect();
    html! {
        <LongTable class={classes!("named-table")} testid={testid} rows={rows} caption={caption}
            head={html! { <thead><tr>
                <th scope="col">{ name_col }</th>
                <th scope="col" class="num">{ tr(l, "aep-col-profiles") }</th>
                <th scope="col" class="num">{ tr(l, "aep-col-share") }</th>
            </tr></thead> }} />
    }
}

/// A right-aligned share of the profiles in percent; `–` when there are none.
pub fn share_cell(l: Lang, n: u64, total: u64) -> Html {
    if total == 0 {
        return html! { <td class="num">{ "–" }</td> };
    }
    let p = n as f64 * 100.0 / total as f64;
    html! { <td class="num" data-value={format!("{p:.2}")}>{ fmt_percent(l, p) }</td> }
}

fn pairs(list: &[NamespaceCount]) -> Vec<(String, u64)> {
    list.iter().map(|c| (c.namespace.clone(), c.profiles)).collect()
}

/// Profiles by identity (bars and table), and single-identity profiles by namespace.
#[function_component(ByIdentity)]
pub fn by_identity(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let empty = SnapshotFigures::default();
    let s = latest(&props.report).unwrap_or(&empty);
    let items = pairs(&s.by_namespace);
    let title = tr(l, "aep-identity-svg-title");
    let bar_title =
        |ns: &str, n: u64| trf(l, "aep-identity-bar", &[("namespace", ns.into()), ("count", fmt_count(l, n).into())]);
    let single = &s.single_identity;
    html! {
        <section class="report-section identity-section" id="profiles-identity">
            <h2>{ tr(l, "aep-identity-title") }</h2>
            if s.by_namespace.is_empty() {
                <p class="section-empty">{ tr(l, "aep-identity-empty") }</p>
            } else {
                <p class="lead">{ trf(l, "aep-identity-lead", &[("n", s.profiles.into()), ("count", fmt_count(l, s.profiles).into())]) }</p>
                <div class="chart-and-table">
                    <figure class="chart" data-testid="identity-chart">
                        { both_sizes(|size| bars_svg(l, &title, &items, size, (most_bars(size), most_bars(size)), &bar_title)) }
                        if items.len() > most_bars(crate::svg::Size::Narrow) {
                            <figcaption class="hint">{ trf(l, "aep-chart-largest", &[("n", (most_bars(crate::svg::Size::Wide) as u64).into())]) }</figcaption>
                        }
                    </figure>
                    { named_table(l, "by-namespace", html! { { tr(l, "aep-identity-caption") } }, &tr(l, "aep-col-namespace"), &s.by_namespace, s.profiles) }
                </div>
                <h3 id="profiles-single">{ tr(l, "aep-single-title") }</h3>
                <p class="lead" data-testid="single-sentence">
                    { count_and_share(l, single.profiles, s.profiles) }{ " " }{ tr(l, "aep-single-lead") }
                </p>
                if !single.by_namespace.is_empty() {
                    { named_table(l, "single-identity", html! { { tr(l, "aep-single-caption") } }, &tr(l, "aep-col-namespace"), &single.by_namespace, s.profiles) }
                }
            }
        </section>
    }
}

/// The profiles holding `a` (and `b`), or 0 when the snapshot has none.
fn holding(s: &SnapshotFigures, ns: &str) -> u64 {
    s.by_namespace.iter().find(|c| c.namespace == ns).map_or(0, |c| c.profiles)
}

/// The profiles holding both `a` and `b`, in either order.
pub fn both_of(s: &SnapshotFigures, a: &str, b: &str) -> u64 {
    s.overlap.iter().find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a)).map_or(0, |p| p.profiles)
}

/// The pair shown first: the one with the largest overlap, else the two largest namespaces.
pub fn default_pair(s: &SnapshotFigures) -> Option<(String, String)> {
    if let Some(p) = s.overlap.first() {
        return Some((p.a.clone(), p.b.clone()));
    }
    match s.by_namespace.as_slice() {
        [a, b, ..] => Some((a.namespace.clone(), b.namespace.clone())),
        _ => None,
    }
}

/// The value chosen in a `<select>`, in the browser.
fn select_value(e: &Event) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = e;
        None
    }
}

/// The overlap of two namespaces (chosen in the viewer; the largest pair in a bundle) as two circles and
/// three figures, then every pair in a table.
#[function_component(Overlap)]
pub fn overlap(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let live = use_mode() == Mode::Live;
    let empty = SnapshotFigures::default();
    let s = latest(&props.report).unwrap_or(&empty);
    let chosen = use_state(|| None::<(String, String)>);
    let names: Vec<&str> = s.by_namespace.iter().map(|c| c.namespace.as_str()).collect();
    let pair = (*chosen)
        .clone()
        .filter(|(a, b)| names.contains(&a.as_str()) && names.contains(&b.as_str()))
        .or_else(|| default_pair(s));
    let select = |which: usize, current: &str, other: &str| {
        let onchange = {
            let chosen = chosen.clone();
            let (a, b) = pair.clone().unwrap_or_default();
            move |e: Event| {
                if let Some(v) = select_value(&e) {
                    chosen.set(Some(if which == 0 { (v, b.clone()) } else { (a.clone(), v) }));
                }
            }
        };
        html! {
            <label class="overlap-choose">
                <span>{ tr(l, if which == 0 { "aep-overlap-a" } else { "aep-overlap-b" }) }</span>
                <select data-testid={if which == 0 { "overlap-a" } else { "overlap-b" }} {onchange}>
                    { for names.iter().filter(|n| **n != other).map(|n| html! {
                        <option value={n.to_string()} selected={*n == current}>{ *n }</option>
                    }) }
                </select>
            </label>
        }
    };
    let rows: Vec<Html> = s.overlap.iter().map(|p| overlap_row(l, s, p)).collect();
    html! {
        <section class="report-section overlap-section" id="profiles-overlap">
            <h2>{ tr(l, "aep-overlap-title") }</h2>
            if let Some((a, b)) = &pair {
                if live {
                    <div class="overlap-choosers no-print" role="group" aria-label={tr(l, "aep-overlap-choose")}>
                        { select(0, a, b) }
                        { select(1, b, a) }
                    </div>
                } else {
                    <p class="lead">{ tr(l, "aep-overlap-largest") }</p>
                }
                { pair_view(l, s, a, b) }
            } else {
                <p class="section-empty">{ tr(l, "aep-overlap-empty") }</p>
            }
            if !rows.is_empty() {
                <LongTable class={classes!("overlap-table")} testid="overlap" rows={rows}
                    caption={html! { { tr(l, "aep-overlap-caption") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "aep-col-namespace-a") }</th>
                        <th scope="col">{ tr(l, "aep-col-namespace-b") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-both") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-a-only") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-b-only") }</th>
                    </tr></thead> }} />
            }
        </section>
    }
}

fn overlap_row(l: Lang, s: &SnapshotFigures, p: &PairCount) -> Html {
    html! {
        <tr data-testid="overlap-row" data-a={p.a.clone()} data-b={p.b.clone()}>
            <td class="value-literal">{ &p.a }</td>
            <td class="value-literal">{ &p.b }</td>
            { count_cell(l, p.profiles) }
            { count_cell(l, holding(s, &p.a).saturating_sub(p.profiles)) }
            { count_cell(l, holding(s, &p.b).saturating_sub(p.profiles)) }
        </tr>
    }
}

/// The two circles of `a` and `b` and their three figures: A only, both, B only.
fn pair_view(l: Lang, s: &SnapshotFigures, a: &str, b: &str) -> Html {
    let (na, nb, both) = (holding(s, a), holding(s, b), both_of(s, a, b));
    let svg = venn_svg(l, (a, na), (b, nb), both);
    let figure = |class: &'static str, testid: &'static str, label: String, n: u64| {
        html! {
            <div class={classes!("venn-figure", class)}>
                <span class="venn-swatch" aria-hidden="true"></span>
                <span class="venn-label">{ label }</span>
                <span class="venn-value num" data-testid={testid} data-value={n.to_string()}>{ fmt_count(l, n) }</span>
            </div>
        }
    };
    html! {
        <div class="venn" data-testid="venn" data-a={a.to_string()} data-b={b.to_string()}>
            <div class="venn-box">{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
            <div class="venn-figures">
                { figure("venn-fig-a", "overlap-a-only", trf(l, "aep-only", &[("namespace", a.into())]), na.saturating_sub(both)) }
                { figure("venn-fig-both", "overlap-both", trf(l, "aep-both", &[("a", a.into()), ("b", b.into())]), both) }
                { figure("venn-fig-b", "overlap-b-only", trf(l, "aep-only", &[("namespace", b.into())]), nb.saturating_sub(both)) }
            </div>
        </div>
    }
}

/// Unsegmented profiles, audience sizes and their 20 largest overlaps.
#[function_component(Audiences)]
pub fn audiences(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let empty = SnapshotFigures::default();
    let s = latest(&props.report).unwrap_or(&empty);
    let audiences: Vec<NamespaceCount> =
        s.audiences.iter().map(|a| NamespaceCount { namespace: a.id.clone(), profiles: a.profiles }).collect();
    let items = pairs(&audiences);
    let title = tr(l, "aep-audiences-svg-title");
    let bar_title =
        |id: &str, n: u64| trf(l, "aep-audience-bar", &[("audience", id.into()), ("count", fmt_count(l, n).into())]);
    let rows: Vec<Html> = s
        .audience_overlap
        .iter()
        .map(|p| {
            html! {
                <tr data-testid="audience-overlap-row" data-a={p.a.clone()} data-b={p.b.clone()}>
                    <td class="value-literal">{ &p.a }</td>
                    <td class="value-literal">{ &p.b }</td>
                    { count_cell(l, p.profiles) }
                </tr>
            }
        })
        .collect();
    html! {
        <section class="report-section audiences-section" id="profiles-audiences">
            <h2>{ tr(l, "aep-audiences-title") }</h2>
            <p class="lead" data-testid="unsegmented-sentence">
                { count_and_share(l, s.unsegmented, s.profiles) }{ " " }{ tr(l, "aep-unsegmented-lead") }
            </p>
            if audiences.is_empty() {
                <p class="section-empty">{ tr(l, "aep-audiences-empty") }</p>
            } else {
                <div class="chart-and-table">
                    <figure class="chart" data-testid="audiences-chart">
                        { both_sizes(|size| bars_svg(l, &title, &items, size, (most_bars(size), most_bars(size)), &bar_title)) }
                    </figure>
                    { named_table(l, "audiences", html! { { tr(l, "aep-audiences-caption") } }, &tr(l, "aep-col-audience"), &audiences, s.profiles) }
                </div>
                if !rows.is_empty() {
                    <LongTable class={classes!("audience-overlap-table")} testid="audience-overlap" rows={rows}
                        caption={html! { { tr(l, "aep-audience-overlap-caption") } }}
                        head={html! { <thead><tr>
                            <th scope="col">{ tr(l, "aep-col-audience-a") }</th>
                            <th scope="col">{ tr(l, "aep-col-audience-b") }</th>
                            <th scope="col" class="num">{ tr(l, "aep-col-both") }</th>
                        </tr></thead> }} />
                }
            }
        </section>
    }
}
