//! Wasm tests in headless Chromium: *Explain a profile* lists a profile's rows in date order, each outcome in the page's language.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use active_profiles_app::explain::ExplainPanel;
use active_profiles_app::locale::Lang;
use active_profiles_app::protocol::Explanation;
use active_profiles_app::state::{Settings, ViewerState};
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Profile 7 in one file, out of date order: a row after the as-of date, one counted, one excluded by its failure reason.
fn explanation() -> Explanation {
    let mut e = engine::explain(engine::Options::default(), "7");
    let f = e.begin_file("log.csv", None);
    let csv = b"recipientId,eventDate,status,failureReason\n7,2026-11-02,Sent,\n7,2026-03-01,Sent,\n\
                7,2026-05-01,Failed,Address in quarantine\n8,2026-05-01,Sent,\n";
    e.push(f, csv).expect("pushed");
    e.end_file(f).expect("ended");
    Explanation::new("7", chrono::NaiveDate::from_ymd_opt(2026, 10, 24), &e)
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    lang: Lang,
}

/// The panel with an explanation on screen, under a language context, as the app shows it.
#[function_component(Panel)]
fn panel(props: &PanelProps) -> Html {
    let state = use_reducer(|| {
        let mut s = ViewerState::new(Settings::default());
        s.explanation = Some(explanation());
        s
    });
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <ExplainPanel {state} />
        </ContextProvider<Lang>>
    }
}

/// The rows' "counted as" and outcome cells as shown, and their `data-outcome` (the engine's English).
async fn outcomes(lang: Lang) -> Vec<(String, String, String)> {
    let root = gloo::utils::document().create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<Panel>::with_root_and_props(root.clone(), PanelProps { lang }).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    let rows = root.query_selector_all("[data-testid=explain-row]").expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| {
            let element: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(row);
            let cells = element.query_selector_all("td").expect("cells");
            let cell = |i: u32| cells.item(i).and_then(|c| c.text_content()).unwrap_or_default();
            (cell(2), cell(1), element.get_attribute("data-outcome").unwrap_or_default())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn rows_come_in_date_order_with_their_outcome_in_english() {
    let shown = outcomes(Lang::En).await;
    let shown: Vec<(&str, &str, &str)> = shown.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
    assert_eq!(
        shown,
        [
            ("Recipients · default", "counted", "counted"),
            ("—", "excluded: Failure reason not counted", "excluded: failure_reason"),
            ("—", "after the as-of date: not in this report", "after the as-of date: not in this report"),
        ]
    );
}

#[wasm_bindgen_test]
async fn rows_come_in_date_order_with_their_outcome_in_dutch() {
    let shown: Vec<String> = outcomes(Lang::Nl).await.into_iter().map(|(_, cell, _)| cell).collect();
    assert_eq!(shown, ["geteld", "uitgesloten: Foutreden niet geteld", "na de peildatum: niet in dit rapport"]);
}
