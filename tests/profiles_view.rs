//! Wasm tests in headless Chromium: the Journey Optimizer Profiles view in the viewer (`Mode::Live`): its
//! figures, the overlap chooser, and an explained identity.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use active_profiles_app::views::aep::{ExplainedView, ProfilesView, ProfilesViewProps};
use active_profiles_app::views::format::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A report of two snapshots, the latest with Email, ECID and CRMID and their three overlaps.
fn sample() -> engine::aep::ProfilesReport {
    let doc = serde_json::json!({
        "format": "profiles/1",
        "stitching": "graph",
        "unique_namespaces": ["CRMID"],
        "pseudonymous_namespaces": ["ECID"],
        "snapshots": [
            { "time": "2026-10-01T00:00:00Z", "profiles": 40000,
              "by_namespace": [{ "namespace": "Email", "profiles": 30000 }] },
            { "time": "2026-11-01T00:00:00Z", "profiles": 48211,
              "by_namespace": [{ "namespace": "Email", "profiles": 40112 },
                               { "namespace": "ECID", "profiles": 30050 },
                               { "namespace": "CRMID", "profiles": 12000 }],
              "overlap": [{ "a": "ECID", "b": "Email", "profiles": 21007 },
                          { "a": "CRMID", "b": "Email", "profiles": 11000 },
                          { "a": "CRMID", "b": "ECID", "profiles": 5000 }],
              "single_identity": { "profiles": 17002, "by_namespace": [{ "namespace": "ECID", "profiles": 9001 }] },
              "unsegmented": 3001,
              "audiences": [{ "id": "fa5c", "profiles": 12000 }],
              "pseudonymous_only": 9100,
              "case_duplicates": [{ "namespace": "Email", "fewer": 312, "examples": [] }],
              "collapse": { "over_limit": 2, "unique_conflicts": [{ "namespace": "CRMID", "profiles": 5 }], "hubs": [] } }
        ],
        "change": [{ "from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z", "profiles": 48211, "added": 1200, "removed": 40 }],
        "rows": { "read": 60000, "used": 59990, "rejected": 10 },
        "rejected": [{ "file": "part-00000.json", "line": 12, "reason": "more than 20 identities (23)" }],
        "files": [{ "name": "part-00000.json", "format": "JSON lines", "records": 30000, "snapshot": "2026-11-01T00:00:00Z" }]
    });
    serde_json::from_value(doc).expect("the sample is a report")
}

struct Mounted {
    root: web_sys::Element,
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).expect("a valid selector");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
    }

    fn one(&self, selector: &str) -> web_sys::Element {
        self.root
            .query_selector(selector)
            .expect("a valid selector")
            .unwrap_or_else(|| panic!("{selector} is rendered"))
    }

    fn value(&self, testid: &str) -> u64 {
        let e = self.one(&format!("[data-testid={testid}]"));
        e.get_attribute("data-value").expect("data-value").parse().expect("a number")
    }
}

fn root() -> web_sys::Element {
    let root = gloo::utils::document().create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    root
}

async fn mount(props: ProfilesViewProps) -> Mounted {
    let root = root();
    yew::Renderer::<ProfilesView>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    Mounted { root }
}

/// Chooses `value` in a select and sends the change event the browser would send.
async fn choose(select: &web_sys::Element, value: &str) {
    let select = select.dyn_ref::<web_sys::HtmlSelectElement>().expect("a select");
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&event).expect("dispatched");
    yew::platform::time::sleep(Duration::ZERO).await;
}

#[wasm_bindgen_test]
async fn the_tiles_show_the_latest_snapshot_and_the_change() {
    let m =
        mount(ProfilesViewProps { report: Rc::new(sample()), lang: Lang::En, explained: None, explain: None }).await;
    assert_eq!(m.value("profiles-total"), 48211);
    assert_eq!((m.value("profiles-added"), m.value("profiles-removed")), (1200, 40));
    assert_eq!(m.value("profiles-single"), 17002);
    assert_eq!(m.value("profiles-unsegmented"), 3001);
    assert_eq!(m.value("profiles-pseudonymous"), 9100);
    let names: Vec<_> =
        m.all("[data-testid=by-namespace-row]").iter().filter_map(|r| r.get_attribute("data-name")).collect();
    assert_eq!(names, ["Email", "ECID", "CRMID"]);
    assert_eq!(m.all("[data-testid=trend-row]").len(), 2);
    assert_eq!(m.all("[data-testid=overlap-row]").len(), 3);
    // The contents bar links to every section, the trend among them.
    let links: Vec<_> = m.all("[data-testid=contents-link]").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert!(links.contains(&"#profiles-trend".to_string()) && links.contains(&"#profiles-diagnosis".to_string()));
}

#[wasm_bindgen_test]
async fn the_overlap_chooser_shows_the_largest_pair_then_the_chosen_one() {
    let m =
        mount(ProfilesViewProps { report: Rc::new(sample()), lang: Lang::En, explained: None, explain: None }).await;
    let venn = m.one("[data-testid=venn]");
    assert_eq!(
        (venn.get_attribute("data-a").unwrap(), venn.get_attribute("data-b").unwrap()),
        ("ECID".into(), "Email".into())
    );
    assert_eq!(m.value("overlap-both"), 21007);
    assert_eq!(m.value("overlap-a-only"), 30050 - 21007);
    assert_eq!(m.value("overlap-b-only"), 40112 - 21007);
    // Namespace B lists every namespace but the one chosen as A.
    let options: Vec<_> =
        m.all("[data-testid=overlap-b] option").iter().filter_map(|o| o.get_attribute("value")).collect();
    assert_eq!(options, ["Email", "CRMID"]);

    choose(&m.one("[data-testid=overlap-b]"), "CRMID").await;
    let venn = m.one("[data-testid=venn]");
    assert_eq!(
        (venn.get_attribute("data-a").unwrap(), venn.get_attribute("data-b").unwrap()),
        ("ECID".into(), "CRMID".into())
    );
    assert_eq!(m.value("overlap-both"), 5000);
    assert_eq!(m.value("overlap-a-only"), 30050 - 5000);
    assert_eq!(m.value("overlap-b-only"), 12000 - 5000);
    assert!(m.one(".venn-svg").text_content().unwrap_or_default().contains("ECID: 30,050 profiles"));

    choose(&m.one("[data-testid=overlap-a]"), "Email").await;
    assert_eq!(m.value("overlap-both"), 11000);
    assert_eq!(m.value("overlap-a-only"), 40112 - 11000);
}

#[wasm_bindgen_test]
async fn an_explained_identity_lists_its_identities_records_and_guardrails() {
    let explained: engine::aep::Explained = serde_json::from_value(serde_json::json!({
        "namespace": "Email", "id": "john@x.com",
        "profiles": [{ "snapshot": "2026-11-01T00:00:00Z",
                       "identity": { "namespace": "Email", "id": "john@x.com" },
                       "identities": [{ "namespace": "CRMID", "id": "C1" }, { "namespace": "CRMID", "id": "C2" },
                                      { "namespace": "Email", "id": "john@x.com" }],
                       "records": [{ "file": "part-00000.json", "line": 3,
                                     "identities": [{ "namespace": "Email", "id": "john@x.com" }, { "namespace": "CRMID", "id": "C1" }] },
                                   { "file": "part-00001.json", "line": 9,
                                     "identities": [{ "namespace": "Email", "id": "john@x.com" }, { "namespace": "CRMID", "id": "C2" }] }],
                       "records_total": 2, "over_limit": false, "unique_conflicts": ["CRMID"] }]
    }))
    .expect("an explanation");
    let m = mount(ProfilesViewProps {
        report: Rc::new(sample()),
        lang: Lang::Nl,
        explained: Some(Rc::new(explained)),
        explain: None,
    })
    .await;
    assert_eq!(m.all("[data-testid=explained-identity]").len(), 3);
    let files: Vec<_> = m
        .all("[data-testid=explained-record] [data-file]")
        .iter()
        .map(|c| format!("{}:{}", c.get_attribute("data-file").unwrap(), c.get_attribute("data-line").unwrap()))
        .collect();
    assert_eq!(files, ["part-00000.json:3", "part-00001.json:9"]);
    assert_eq!(m.all("[data-testid=guardrail-unique]").len(), 1);
    assert!(m.all("[data-testid=guardrail-none]").is_empty());
    let summary = m.one("[data-testid=explained-summary]").text_content().unwrap_or_default();
    assert_eq!(summary, "Het profiel heeft 3 identiteiten, gekoppeld door 2 records.");

    // Nothing holds it: one clear sentence.
    let root = root();
    let none = engine::aep::Explained { namespace: None, id: "nobody".into(), profiles: Vec::new() };
    yew::Renderer::<ExplainedView>::with_root_and_props(
        root.clone(),
        active_profiles_app::views::aep::explain::ExplainedViewProps { explained: Rc::new(none) },
    )
    .render();
    yew::platform::time::sleep(Duration::ZERO).await;
    let said = root.query_selector("[data-testid=explained-none]").unwrap().unwrap().text_content().unwrap_or_default();
    assert_eq!(said, "No record holds the identity “nobody”: it is in no profile of these files. Letter case and spaces matter, as they do in Experience Platform.");
}
