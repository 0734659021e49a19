//! Wasm tests in headless Chromium: the first screen renders the engine's demo report.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use active_profiles_app::{demo_report::demo_report, App};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in a fresh element and lets Yew render once.
async fn render_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    root
}

#[wasm_bindgen_test]
async fn first_screen_shows_the_demo_total_computed_by_the_engine() {
    let root = render_app().await;
    let expected = demo_report().total_active;
    assert!(expected > 0, "the demo export has active profiles");
    let tile = root
        .query_selector("[data-testid=total-active]")
        .expect("a valid selector")
        .expect("the total tile is rendered");
    assert_eq!(tile.get_attribute("data-value"), Some(expected.to_string()));
    assert!(root.query_selector("[data-testid=demo-banner]").expect("a valid selector").is_some());
}
