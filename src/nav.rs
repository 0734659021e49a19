//! The switch between the page's reports: a labelled tab bar, each tab saying whether it shows the demo or the admin's files.
//!
//! The tabs follow the WAI-ARIA tabs pattern: a `tablist` of buttons, the
//! chosen one `aria-selected` and in the tab order, the arrow keys, Home and
//! End moving between them. Each report keeps its state when the other is
//! shown: both live in the one `ViewerState`.

use std::cell::Cell;

use yew::prelude::*;

use crate::locale::{tr, trf, use_lang};
use crate::profiles::Tab;

/// The id of the panel the tabs control (the report under them).
pub const PANEL_ID: &str = "report-panel";

/// What one tab holds, as its second line says it.
#[derive(Clone, Debug, PartialEq)]
pub enum Holds {
    Demo,
    /// The admin's files: how many.
    Files(usize),
    /// A report opened from a file.
    Report,
    /// Not opened yet (its demo is shown when it is).
    Nothing,
    /// Files being read.
    Reading,
}

#[derive(Properties, PartialEq)]
pub struct ReportTabsProps {
    pub tab: Tab,
    pub campaign: Holds,
    pub profiles: Holds,
    pub engageable: Holds,
    /// A tab was chosen.
    pub onchoose: Callback<Tab>,
}

thread_local! {
    /// A tab was chosen with the keyboard: the chosen tab takes the focus once it is drawn (the page
    /// under the tabs is drawn anew, so the focus is given after, not when the key is pressed).
    static FOCUS_CHOSEN: Cell<bool> = const { Cell::new(false) };
}

/// The id of a tab's button.
pub fn tab_id(tab: Tab) -> &'static str {
    match tab {
        Tab::Campaign => "tab-campaign",
        Tab::Profiles => "tab-profiles",
        Tab::Engageable => "tab-engageable",
    }
}

/// Gives the focus to a tab's button.
fn focus(tab: Tab) {
    if let Some(button) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(tab_id(tab)))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        let _ = button.focus();
    }
}

/// The tab bar: *Active profiles (Adobe Campaign)* and *Profiles (Journey Optimizer)*.
#[function_component(ReportTabs)]
pub fn report_tabs(props: &ReportTabsProps) -> Html {
    let l = use_lang();
    use_effect_with(props.tab, |tab| {
        if FOCUS_CHOSEN.with(|f| f.replace(false)) {
            focus(*tab);
        }
    });
    let onkeydown = {
        let (onchoose, tab) = (props.onchoose.clone(), props.tab);
        Callback::from(move |e: KeyboardEvent| {
            let order = [Tab::Campaign, Tab::Profiles, Tab::Engageable];
            let at = order.iter().position(|t| *t == tab).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => order[(at + 1) % order.len()],
                "ArrowLeft" => order[(at + order.len() - 1) % order.len()],
                "Home" => order[0],
                "End" => order[order.len() - 1],
                _ => return,
            };
            e.prevent_default();
            // The chosen tab takes the focus, as the pattern wants.
            FOCUS_CHOSEN.with(|f| f.set(true));
            onchoose.emit(next);
            focus(next);
        })
    };
    let one = |tab: Tab, title: &str, product: &str, holds: &Holds| {
        let selected = props.tab == tab;
        let onclick = props.onchoose.reform(move |_: MouseEvent| tab);
        let holds_text = match holds {
            Holds::Demo | Holds::Nothing => tr(l, "tab-holds-demo"),
            Holds::Files(n) => trf(l, "tab-holds-files", &[("n", (*n as u64).into())]),
            Holds::Report => tr(l, "tab-holds-report"),
            Holds::Reading => tr(l, "tab-holds-reading"),
        };
        let kind = match holds {
            Holds::Demo | Holds::Nothing => "demo",
            Holds::Files(_) => "files",
            Holds::Report => "report",
            Holds::Reading => "reading",
        };
        html! {
            <button type="button" role="tab" id={tab_id(tab)} class={classes!("report-tab", selected.then_some("chosen"))}
                aria-selected={selected.to_string()} aria-controls={PANEL_ID} tabindex={if selected { "0" } else { "-1" }}
                data-testid={tab_id(tab)} data-holds={kind} {onclick}>
                <span class="report-tab-title">{ tr(l, title) }</span>
                <span class="report-tab-product">{ tr(l, product) }</span>
                <span class={classes!("report-tab-holds", kind)}>{ holds_text }</span>
            </button>
        }
    };
    html! {
        <nav class="report-tabs" aria-label={tr(l, "tabs-label")} data-testid="report-tabs">
            <div role="tablist" aria-label={tr(l, "tabs-label")} {onkeydown}>
                { one(Tab::Campaign, "tab-campaign", "tab-campaign-product", &props.campaign) }
                { one(Tab::Profiles, "tab-profiles", "tab-profiles-product", &props.profiles) }
                { one(Tab::Engageable, "tab-engageable", "tab-engageable-product", &props.engageable) }
            </div>
            <p class="report-tabs-hint">{ tr(l, "tabs-hint") }</p>
        </nav>
    }
}
