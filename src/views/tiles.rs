//! The headline tiles: active profiles on the as-of date, purchased, used, and the window.

use yew::prelude::*;

use super::format::{fmt_count, fmt_percent};
use super::{date_text, SectionProps};

/// How the count stands against the purchase: the class and the words (colour is never alone).
pub fn usage_level(percent: f64) -> (&'static str, &'static str) {
    if percent < 80.0 {
        ("usage-ok", "within the purchase")
    } else if percent <= 100.0 {
        ("usage-near", "close to the purchase")
    } else {
        ("usage-over", "over the purchase")
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
    let r = &props.report;
    let purchased = r.settings.purchased;
    let used = used_percent(r.total_active, purchased);
    let total = r.total_active;
    html! {
        <section class="report-section report-tiles-section" aria-label="Usage">
            <div class="report-tiles">
                <div class="rtile rtile-total">
                    <span class="rtile-label">{ "Active profiles" }</span>
                    <span class="rtile-value num" data-testid="total-active" data-value={total.to_string()}>
                        { fmt_count(total) }
                    </span>
                    <span class="rtile-note">
                        if let Some(as_of) = &r.as_of {
                            { "on " }{ date_text(as_of) }
                        } else {
                            { "no as-of date yet" }
                        }
                    </span>
                </div>
                <div class="rtile">
                    <span class="rtile-label">{ "Purchased" }</span>
                    if let Some(p) = purchased {
                        <span class="rtile-value num" data-testid="purchased" data-value={p.to_string()}>
                            { fmt_count(p) }
                        </span>
                        <span class="rtile-note">{ "active profiles in the contract" }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="purchased">{ "not set" }</span>
                        <span class="rtile-note">{ "enter it to compare" }</span>
                    }
                </div>
                { used_tile(used) }
                <div class="rtile">
                    <span class="rtile-label">{ "From (included) – To (included)" }</span>
                    if let Some(w) = &r.window {
                        <span class="rtile-value rtile-dates" data-testid="window" data-from={w.from.clone()} data-to={w.to.clone()}>
                            { date_text(&w.from) }{ " – " }{ date_text(&w.to) }
                        </span>
                        <span class="rtile-note">{ "the 12 months counted" }</span>
                    } else {
                        <span class="rtile-value rtile-unset" data-testid="window">{ "no dates yet" }</span>
                    }
                </div>
            </div>
            if r.instances.len() > 1 {
                <div class="report-tiles instance-tiles" aria-label="Per instance">
                    { for r.instances.iter().map(|i| {
                        let share = if total > 0 { i.active as f64 * 100.0 / total as f64 } else { 0.0 };
                        html! {
                            <div class="rtile rtile-instance" data-testid="instance-tile" data-name={i.name.clone()}>
                                <span class="rtile-label">{ &i.name }</span>
                                <span class="rtile-value num" data-value={i.active.to_string()}>{ fmt_count(i.active) }</span>
                                <span class="rtile-note">{ format!("{} of the organisation", fmt_percent(share)) }</span>
                            </div>
                        }
                    }) }
                </div>
            }
        </section>
    }
}

fn used_tile(used: Option<f64>) -> Html {
    let Some(p) = used else {
        return html! {
            <div class="rtile">
                <span class="rtile-label">{ "Used" }</span>
                <span class="rtile-value rtile-unset" data-testid="used">{ "–" }</span>
                <span class="rtile-note">{ "needs the purchased number" }</span>
            </div>
        };
    };
    let (class, words) = usage_level(p);
    let width = format!("width: {:.1}%", p.clamp(0.0, 100.0));
    html! {
        <div class={classes!("rtile", "rtile-used", class)}>
            <span class="rtile-label">{ "Used" }</span>
            <span class="rtile-value num" data-testid="used" data-value={format!("{p:.2}")}>{ fmt_percent(p) }</span>
            <div class="usage-bar" role="img" aria-label={format!("{} of the purchase used, {words}", fmt_percent(p))}>
                <div class="usage-fill" style={width}></div>
            </div>
            <span class="rtile-note usage-words">
                if p > 100.0 { <span aria-hidden="true">{ "▲ " }</span> }
                { words }
            </span>
        </div>
    }
}
