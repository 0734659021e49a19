//! The headline tiles: active profiles on the as-of date, purchased, used, the window, and rejected rows when there are any.

use yew::prelude::*;

use super::format::{fmt_count, fmt_percent};
use super::{date_text, SectionProps};
use crate::locale::{tr, trf, use_lang, Lang};

/// How the count stands against the purchase: the class, which is also the words' catalog key
/// (colour is never alone).
pub fn usage_level(percent: f64) -> &'static str {
    if percent < 80.0 {
        "usage-ok"
    } else if percent <= 100.0 {
        "usage-near"
    } else {
        "usage-over"
    }
}

/// The used share of the purchase in percent, when a purchase is set.
pub fn used_percent(total: u64, purchased: Option<u64>) -> Option<f64> {
    match purchased {
        Some(p) if p > 0 => Some(total as f64 * 100.0 / p as f64),
        _ => None,
    }
}

/// The organisation's tiles, then one per instance when there are several.
#[function_component(Tiles)]
pub fn tiles(props: &SectionProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let purchased = r.settings.purchased;
    let used = used_percent(r.total_active, purchased);
    let total = r.total_active;
    html! {
        <section class="report-section report-tiles-section" id="report-tiles" aria-label={tr(l, "usage")}>
            <div class="report-tiles">
                <div class="rtile rtile-total">
                    <span class="rtile-label">{ tr(l, "active-profiles") }</span>
                    <span class="rtile-value num" data-testid="total-active" data-value={total.to_string()}>
                        { fmt_count(l, total) }
                    </span>
                    <span class="rtile-note">
                        if let Some(as_of) = &r.as_of {
                            { tr(l, "tile-on") }{ " " }{ date_text(l, as_of) }
                        } else {
                            { tr(l, "tile-no-as-of") }
                        }
                    </span>
                </div>
                <div class="rtile">
                    <span class="rtile-label">{ tr(l, "tile-purchased") }</span>
                    if let Some(p) = purchased {
                        <span class="rtile-value num" data-testid="purchased" data-value={p.to_string()}>
                            { fmt_count(l, p) }
                        </span>
                        <span class="rtile-note">{ tr(l, "tile-purchased-note") }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="purchased">{ tr(l, "not-set") }</span>
                        <span class="rtile-note">{ tr(l, "tile-purchased-enter") }</span>
                    }
                </div>
                { used_tile(l, used) }
                <div class="rtile">
                    <span class="rtile-label">{ tr(l, "tile-window") }</span>
                    if let Some(w) = &r.window {
                        <span class="rtile-value rtile-dates" data-testid="window" data-from={w.from.clone()} data-to={w.to.clone()}>
                            { date_text(l, &w.from) }{ " – " }{ date_text(l, &w.to) }
                        </span>
                        <span class="rtile-note">{ tr(l, "tile-window-note") }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="window">{ tr(l, "tile-no-dates") }</span>
                    }
                </div>
            </div>
            if r.rows.rejected > 0 {
                <p class="tiles-rejected" data-testid="tiles-rejected" data-value={r.rows.rejected.to_string()}>
                    { trf(l, "tiles-rejected", &[
                        ("n", r.rows.rejected.into()),
                        ("rejected", fmt_count(l, r.rows.rejected).into()),
                        ("read", fmt_count(l, r.rows.read).into()),
                    ]) }
                    { " — " }
                    <a href={format!("#{}", crate::nav::REJECTED_ID)} data-testid="tiles-rejected-link">{ tr(l, "tiles-rejected-why") }</a>
                </p>
            }
            if r.instances.len() > 1 {
                <div class="report-tiles instance-tiles" role="group" aria-label={tr(l, "tile-per-instance")}>
                    { for r.instances.iter().map(|i| {
                        let share = if total > 0 { i.active as f64 * 100.0 / total as f64 } else { 0.0 };
                        html! {
                            <div class="rtile rtile-instance" data-testid="instance-tile" data-name={i.name.clone()}>
                                <span class="rtile-label">{ &i.name }</span>
                                <span class="rtile-value num" data-value={i.active.to_string()}>{ fmt_count(l, i.active) }</span>
                                <span class="rtile-note">{ trf(l, "tile-instance-share", &[("percent", fmt_percent(l, share).into())]) }</span>
                            </div>
                        }
                    }) }
                </div>
            }
        </section>
    }
}

fn used_tile(l: Lang, used: Option<f64>) -> Html {
    let Some(p) = used else {
        return html! {
            <div class="rtile">
                <span class="rtile-label">{ tr(l, "tile-used") }</span>
                <span class="rtile-value rtile-unset" data-testid="used">{ "–" }</span>
                <span class="rtile-note">{ tr(l, "tile-used-needs") }</span>
            </div>
        };
    };
    let class = usage_level(p);
    let words = tr(l, class);
    let width = format!("width: {:.1}%", p.clamp(0.0, 100.0));
    html! {
        <div class={classes!("rtile", "rtile-used", class)}>
            <span class="rtile-label">{ tr(l, "tile-used") }</span>
            <span class="rtile-value num" data-testid="used" data-value={format!("{p:.2}")}>{ fmt_percent(l, p) }</span>
            <div class="usage-bar" role="img"
                aria-label={trf(l, "tile-used-aria", &[("percent", fmt_percent(l, p).into()), ("words", (&words).into())])}>
                <div class="usage-fill" style={width}></div>
            </div>
            <span class="rtile-note usage-words">
                if p > 100.0 { <span aria-hidden="true">{ "▲ " }</span> }
                { words }
            </span>
        </div>
    }
}
