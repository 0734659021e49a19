//! Wasm tests in headless Chromium: the report views render an `engine::Report` faithfully.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use active_profiles_app::views::format::{fmt_count, fmt_date, fmt_month, plain_count, Lang};
use active_profiles_app::views::{ReportView, ReportViewProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "<script>alert(1)</script>";

/// A report like the example of report-format.md, with two instances and a year of days.
fn sample() -> engine::Report {
    let daily: Vec<_> = (0..365)
        .map(|i| {
            let d = chrono::NaiveDate::from_ymd_opt(2025, 9, 26).unwrap() + chrono::Duration::days(i);
            serde_json::json!({ "date": d.format("%Y-%m-%d").to_string(), "active": 9000 + i as u64 * 10 })
        })
        .collect();
    let doc = serde_json::json!({
        "format": "active-profiles-report/1",
        "settings": { "as_of": "2026-09-25", "billing_day": 25, "time_zone": "UTC", "day_first": true,
                      "purchased": 10000,
                      "rules": { "counted_status": ["Sent"], "excluded_status": ["Ignored"],
                                 "excluded_failure_reasons": [7, 8] } },
        "as_of": "2026-09-25",
        "window": { "from": "2025-09-26", "to": "2026-09-25" },
        "total_active": 12840,
        "dimensions": [ { "name": "Recipients", "active": 7000 },
                        { "name": "Anonymous", "active": 5000 },
                        { "name": HOSTILE, "active": 840 } ],
        "instances": [ { "name": "campaign-prod", "active": 9100,
                         "dimensions": [ { "name": "Recipients", "active": 4900 },
                                         { "name": "Anonymous", "active": 4200 } ] },
                       { "name": "campaign-eu", "active": 3740,
                         "dimensions": [ { "name": "Recipients", "active": 2100 },
                                         { "name": "Anonymous", "active": 800 },
                                         { "name": HOSTILE, "active": 840 } ] } ],
        "channels": [ { "name": "Email", "active": 9000 }, { "name": HOSTILE, "active": 4000 } ],
        "multi_channel_profiles": 2100,
        "rows": { "read": 80012, "counted": 66000, "excluded": 14000, "rejected": 12 },
        "excluded": [ { "reason": "status", "rows": 6000 }, { "reason": "proof", "rows": 8000 } ],
        "rejected": [ { "file": "part2.csv", "line": 31877, "reason": "event date '31/02/2026' is not a date" } ],
        "unrecognised": [ { "field": "status", "value": "Declined", "rows": 12 },
                          { "field": "status", "value": "Ignored", "rows": 3 } ],
        "warnings": [ "part1.csv: no date tells day and month apart; read as day first" ],
        "snapshots": [ { "from": "2024-08-26", "to": "2025-08-25", "active": 8000 },
                       { "from": "2024-09-26", "to": "2025-09-25", "active": 8500 },
                       { "from": "2025-08-26", "to": "2026-08-25", "active": 12000 },
                       { "from": "2025-09-26", "to": "2026-09-25", "active": 12840 },
                       { "from": "2025-10-26", "to": "2026-10-25", "active": 12100 } ],
        "daily": daily,
        "expiring": [ { "month": "2026-10", "profiles": 700 }, { "month": "2026-11", "profiles": 12140 } ],
        "case_duplicates": [ { "dimension": "Anonymous", "profiles": 40, "fewer": 20 } ],
        "files": [ { "name": "part1.csv", "encoding": "UTF-8 (BOM)", "delimiter": ";",
                     "rows": 20000, "columns": { "profile key": "Recipient ID" } } ]
    });
    serde_json::from_value(doc).expect("the sample is a report")
}

struct Mounted {
    root: web_sys::Element,
    chosen: Rc<RefCell<Vec<String>>>,
    reclassified: Rc<RefCell<Vec<(String, String, bool)>>>,
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
}

/// Mounts the report view in a fresh element and lets Yew render once.
async fn mount(report: engine::Report) -> Mounted {
    mount_with(report, None).await
}

/// Mounts the report view, its contents bar linking to `explain` when given (as the viewer does).
async fn mount_with(report: engine::Report, explain: Option<&'static str>) -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let reclassified = Rc::new(RefCell::new(Vec::new()));
    let props = ReportViewProps {
        report: Rc::new(report),
        onchoosesnapshot: {
            let chosen = chosen.clone();
            Callback::from(move |to: String| chosen.borrow_mut().push(to))
        },
        onreclassify: {
            let reclassified = reclassified.clone();
            Callback::from(move |x: (String, String, bool)| reclassified.borrow_mut().push(x))
        },
        explain: explain.map(AttrValue::Static),
    };
    yew::Renderer::<ReportView>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    Mounted { root, chosen, reclassified }
}

fn value(e: &web_sys::Element) -> u64 {
    e.get_attribute("data-value").expect("data-value").parse().expect("a number")
}

fn has_class(e: &web_sys::Element, class: &str) -> bool {
    e.get_attribute("class").unwrap_or_default().split_whitespace().any(|c| c == class)
}

fn click(e: &web_sys::Element) {
    e.dyn_ref::<web_sys::HtmlElement>().expect("an HTML element").click();
}

#[wasm_bindgen_test]
async fn customer_metrics_rows_are_newest_first_and_the_as_of_row_is_highlighted() {
    let m = mount(sample()).await;
    let rows = m.all("[data-testid=snapshot-row]");
    let tos: Vec<_> = rows.iter().map(|r| r.get_attribute("data-to").unwrap_or_default()).collect();
    assert_eq!(tos, ["2026-10-25", "2026-09-25", "2026-08-25", "2025-09-25", "2025-08-25"]);
    let chosen: Vec<_> = rows.iter().filter(|r| has_class(r, "chosen")).collect();
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].get_attribute("data-to").as_deref(), Some("2026-09-25"));
    assert_eq!(chosen[0].get_attribute("aria-current").as_deref(), Some("true"));
    let counts: Vec<_> = rows.iter().map(|r| value(&r.query_selector("td.num").unwrap().unwrap())).collect();
    assert_eq!(counts, [12100, 12840, 12000, 8500, 8000]);
    assert!(m.one(".metrics-table caption").text_content().unwrap_or_default().contains("newest first"));
}

#[wasm_bindgen_test]
async fn choosing_a_snapshot_row_calls_back_with_its_to_date() {
    let m = mount(sample()).await;
    click(&m.one("[data-testid=snapshot-row][data-to='2025-09-25'] [data-testid=choose-snapshot]"));
    click(&m.one("[data-testid=snapshot-row][data-to='2026-08-25'] td"));
    assert_eq!(*m.chosen.borrow(), ["2025-09-25", "2026-08-25"]);
}

#[wasm_bindgen_test]
async fn dimension_rows_add_up_to_the_total_row() {
    let r = sample();
    let m = mount(r.clone()).await;
    let rows = m.all("[data-testid=dimension-row]");
    let names: Vec<_> = rows.iter().map(|r| r.get_attribute("data-name").unwrap_or_default()).collect();
    assert_eq!(names, ["Recipients", "Anonymous", HOSTILE]);
    let sum: u64 = rows.iter().map(|r| value(&r.query_selector("[data-value]").unwrap().unwrap())).sum();
    let total = value(&m.one("[data-testid=dimension-total] [data-value]"));
    assert_eq!(sum, total);
    assert_eq!(total, r.total_active);
    assert_eq!(m.one("[data-testid=dimension-total] th").text_content().as_deref(), Some("Total"));
    assert_eq!(value(&m.one("[data-testid=total-active]")), 12840);
}

#[wasm_bindgen_test]
async fn each_instance_has_its_own_table_and_tile() {
    let m = mount(sample()).await;
    let tables = m.all("[data-testid=instance-dimensions]");
    let names: Vec<_> = tables.iter().map(|t| t.get_attribute("data-instance").unwrap_or_default()).collect();
    assert_eq!(names, ["campaign-prod", "campaign-eu"]);
    for (t, total) in tables.iter().zip([9100u64, 3740]) {
        let rows = t.query_selector_all("[data-testid=instance-dimension-row] [data-value]").unwrap();
        let sum: u64 = (0..rows.length()).map(|i| value(rows.item(i).unwrap().unchecked_ref())).sum();
        assert_eq!(sum, total);
        assert_eq!(value(&t.query_selector("[data-testid=instance-total] [data-value]").unwrap().unwrap()), total);
        assert!(t.query_selector("caption").unwrap().is_some());
    }
    assert_eq!(m.all("[data-testid=instance-tile]").len(), 2);
}

#[wasm_bindgen_test]
async fn the_diagnosis_opens_with_a_sentence_of_the_row_counts() {
    let m = mount(sample()).await;
    let text = m.one("[data-testid=diagnosis-sentence]").text_content().unwrap_or_default();
    let expected = format!(
        "{} rows read: {} counted, {} excluded, {} rejected.",
        fmt_count(Lang::En, 80012),
        fmt_count(Lang::En, 66000),
        fmt_count(Lang::En, 14000),
        fmt_count(Lang::En, 12)
    );
    assert_eq!(text.trim(), expected);
    let reasons: Vec<_> =
        m.all("[data-testid=excluded-row] th").iter().filter_map(|e| e.first_child()?.text_content()).collect();
    assert_eq!(reasons, ["Status not counted", "Proof or seed address"]);
    assert_eq!(m.all("[data-testid=rejected-row]").len(), 1);
    assert!(m.one("[data-testid=rejected]").text_content().unwrap_or_default().contains("first 1 of"));
    assert_eq!(m.all("[data-testid=warnings] li").len(), 1);
    assert_eq!(m.all("[data-testid=file-row]").len(), 1);
}

#[wasm_bindgen_test]
async fn the_reclassify_switch_calls_back_with_the_flipped_treatment() {
    let m = mount(sample()).await;
    let declined = m.one("[data-testid=unrecognised-row][data-item=Declined] [data-testid=reclassify]");
    assert_eq!(declined.get_attribute("aria-checked").as_deref(), Some("true"));
    // Its name begins with the word it shows, then says which rows it is about.
    assert_eq!(declined.query_selector(".switch-text").unwrap().unwrap().text_content().as_deref(), Some("Counted"));
    assert_eq!(declined.text_content().unwrap_or_default().trim(), "Counted rows whose status is Declined");
    assert_eq!(declined.get_attribute("aria-label"), None);
    click(&declined);
    let ignored = m.one("[data-testid=unrecognised-row][data-item=Ignored] [data-testid=reclassify]");
    assert_eq!(ignored.get_attribute("aria-checked").as_deref(), Some("false"));
    click(&ignored);
    assert_eq!(
        *m.reclassified.borrow(),
        [("status".to_string(), "Declined".to_string(), false), ("status".to_string(), "Ignored".to_string(), true)]
    );
}

#[wasm_bindgen_test]
async fn an_empty_report_renders_its_empty_states() {
    let m = mount(engine::Report::default()).await;
    assert!(m.one("[data-testid=empty-report]").text_content().unwrap_or_default().contains("No profiles counted yet"));
    assert_eq!(value(&m.one("[data-testid=total-active]")), 0);
    assert_eq!(m.one("[data-testid=purchased]").text_content().as_deref(), Some("not set"));
    assert!(m.all("[data-testid=snapshot-row]").is_empty());
    m.one("[data-testid=metrics-empty]");
    m.one("[data-testid=chart-empty]");
    m.one("[data-testid=expiring-empty]");
    assert_eq!(m.one("[data-testid=diagnosis-sentence]").text_content().as_deref(), Some("No rows read yet."));
}

#[wasm_bindgen_test]
async fn hostile_labels_appear_as_literal_text() {
    let m = mount(sample()).await;
    let row = m.one("[data-testid=dimension-row]:last-child th");
    assert_eq!(row.text_content().as_deref(), Some(HOSTILE));
    assert!(row.query_selector("script").unwrap().is_none());
    let channels: Vec<_> = m.all("[data-testid=channel-row] th").iter().filter_map(|e| e.text_content()).collect();
    assert_eq!(channels, ["Email", HOSTILE]);
    assert!(m.root.query_selector("script").unwrap().is_none(), "no script element anywhere");
    assert_eq!(value(&m.one("[data-testid=multi-channel] [data-value]")), 2100);
}

#[wasm_bindgen_test]
async fn every_count_cell_carries_its_raw_number() {
    let m = mount(sample()).await;
    let cells = m.all("td.num");
    assert!(cells.len() > 20);
    for c in cells.iter().filter(|c| c.get_attribute("data-line").is_none()) {
        let raw = value(c);
        assert_eq!(c.text_content().unwrap_or_default(), fmt_count(Lang::En, raw));
    }
    for t in m.all("table") {
        assert!(t.query_selector("caption").unwrap().is_some(), "every table has a caption");
    }
}

#[wasm_bindgen_test]
async fn the_usage_chart_draws_an_svg_with_hover_figures_and_switches_span() {
    let m = mount(sample()).await;
    let chart = m.one("[data-testid=usage-chart] svg");
    assert_eq!(chart.get_attribute("role").as_deref(), Some("img"));
    let titles = m.all("[data-testid=usage-chart] .chart-wide .hover-target title");
    // 365 days, 2 snapshots within the year up to the as-of date, the purchased line.
    assert_eq!(titles.len(), 365 + 2 + 1);
    assert!(titles.iter().any(|t| t.text_content().unwrap_or_default().contains(&fmt_count(Lang::En, 12840))));
    // The monthly figures are in one place, Customer metrics: the chart links to them.
    assert!(m.all("[data-testid=chart-snapshots]").is_empty());
    assert_eq!(m.one("[data-testid=chart-monthly] a").get_attribute("href").as_deref(), Some("#report-metrics"));
    click(&m.one("[data-testid=span-30]"));
    yew::platform::time::sleep(Duration::ZERO).await;
    assert_eq!(m.all("[data-testid=usage-chart] .chart-narrow .hover-target title").len(), 30 + 1 + 1);
    assert_eq!(m.one("[data-testid=span-30]").get_attribute("aria-pressed").as_deref(), Some("true"));
    m.one("[data-testid=expiring-chart] svg");
    let left: Vec<_> = m.all("[data-testid=expiring-row] td:last-child").iter().map(value).collect();
    assert_eq!(left, [12140, 0]);
}

#[wasm_bindgen_test]
async fn the_used_tile_says_in_words_how_the_count_stands() {
    let m = mount(sample()).await;
    let used = m.one(".rtile-used");
    assert!(has_class(&used, "usage-over"));
    assert!(used.text_content().unwrap_or_default().contains("over the purchase"));
    assert_eq!(value(&m.one("[data-testid=purchased]")), 10000);
    let window = m.one("[data-testid=window]");
    assert_eq!(window.get_attribute("data-from").as_deref(), Some("2025-09-26"));
    assert_eq!(window.get_attribute("data-to").as_deref(), Some("2026-09-25"));
}

#[wasm_bindgen_test]
async fn a_single_instance_is_named_in_the_caption_without_tables_of_its_own() {
    let mut r = sample();
    r.instances.truncate(1);
    r.instances[0].active = r.total_active;
    let m = mount(r).await;
    assert!(m.all("[data-testid=instance-dimensions]").is_empty());
    assert!(m.all("[data-testid=instance-tile]").is_empty());
    let caption = m.one("[data-testid=dimensions] caption").text_content().unwrap_or_default();
    assert!(caption.contains("instance campaign-prod"), "{caption}");
}

#[wasm_bindgen_test]
async fn duplicate_identities_are_listed_with_their_explanation() {
    let m = mount(sample()).await;
    let row = m.one("[data-testid=duplicate-row][data-name=Anonymous]");
    let values: Vec<_> = row
        .query_selector_all("[data-value]")
        .map(|l| (0..l.length()).map(|i| value(l.item(i).unwrap().unchecked_ref())).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(values, [40, 20]);
    assert!(m.one(".duplicates-section").text_content().unwrap_or_default().contains("does not change the count"));
}

#[wasm_bindgen_test]
async fn without_a_purchase_the_tiles_say_so_and_the_chart_has_no_purchased_line() {
    let mut r = sample();
    r.settings.purchased = None;
    let m = mount(r).await;
    assert_eq!(m.one("[data-testid=purchased]").text_content().as_deref(), Some("not set"));
    assert!(m.one("[data-testid=used]").get_attribute("data-value").is_none());
    assert_eq!(m.all("[data-testid=usage-chart] .chart-wide .hover-target title").len(), 365 + 2);
}

#[wasm_bindgen_test]
fn formats_group_thousands_and_shorten_dates() {
    assert_eq!(plain_count(0), "0");
    assert_eq!(plain_count(999), "999");
    assert_eq!(plain_count(80012), "80\u{202f}012");
    assert_eq!(plain_count(1234567), "1\u{202f}234\u{202f}567");
    // The browser's format keeps the digits and groups them.
    let shown = fmt_count(Lang::En, 1234567);
    assert_eq!(shown.chars().filter(char::is_ascii_digit).collect::<String>(), "1234567");
    assert!(shown.len() > 7, "{shown}");
    assert!(fmt_date(Lang::En, "2026-10-24").contains("2026"));
    assert!(fmt_date(Lang::En, "2026-10-24").contains("24"));
    assert_eq!(fmt_date(Lang::En, "not a date"), "not a date");
    assert!(fmt_month(Lang::En, "2026-11").contains("2026"));
}

#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    report: Rc<engine::Report>,
}

/// The report view under a language context, as the app provides it.
#[function_component(InLang)]
fn in_lang(props: &InLangProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <ReportView report={props.report.clone()} onchoosesnapshot={Callback::noop()} onreclassify={Callback::noop()} />
        </ContextProvider<Lang>>
    }
}

#[wasm_bindgen_test]
async fn the_report_speaks_the_language_of_its_context() {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    let props = InLangProps { lang: Lang::Nl, report: Rc::new(sample()) };
    yew::Renderer::<InLang>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Customer metrics"), "Campaign's name of the report, untranslated in Dutch");
    assert!(text.contains("Targetingdimensies"), "the Dutch targeting dimensions");
    let tile = root.query_selector("[data-testid=total-active]").unwrap().expect("the total tile");
    assert_eq!(tile.text_content().unwrap_or_default().trim(), "12.840");
    assert_eq!(tile.get_attribute("data-value").as_deref(), Some("12840"));
    let sentence = root.query_selector("[data-testid=diagnosis-sentence]").unwrap().expect("the sentence");
    assert_eq!(
        sentence.text_content().unwrap_or_default().trim(),
        "80.012 rijen gelezen: 66.000 geteld, 14.000 uitgesloten, 12 geweigerd."
    );
}

#[wasm_bindgen_test]
fn counts_are_grouped_the_way_of_each_language() {
    assert_eq!(fmt_count(Lang::Nl, 1268), "1.268");
    assert_eq!(fmt_count(Lang::De, 1268), "1.268");
    assert_eq!(fmt_count(Lang::Sv, 1268), "1\u{a0}268");
    assert_eq!(fmt_count(Lang::Fr, 1268), "1\u{202f}268");
    assert!(fmt_date(Lang::De, "2026-10-24").contains("Okt"), "{}", fmt_date(Lang::De, "2026-10-24"));
}

/// Parses an HTML document the way the browser opens a bundle.
fn parse_html(html: &str) -> web_sys::Document {
    let parser = web_sys::DomParser::new().expect("a parser");
    parser.parse_from_string(html, web_sys::SupportedType::TextHtml).expect("parsed")
}

fn bundle_meta(lang: Lang) -> active_profiles_app::views::bundle::BundleMeta {
    active_profiles_app::views::bundle::BundleMeta {
        title: String::new(),
        made: "2026-11-23T09:30:00Z".into(),
        engine: "active-profiles 0.1.0".into(),
        lang,
    }
}

#[wasm_bindgen_test]
async fn a_bundle_is_the_report_without_controls_and_carries_its_json() {
    use active_profiles_app::views::bundle;
    let report = sample();
    let html = bundle::render(report.clone(), bundle_meta(Lang::En)).await;
    let doc = parse_html(&html);
    let q = |s: &str| doc.query_selector_all(s).expect("a selector").length();
    assert_eq!(q("button"), 0, "nothing to click");
    assert_eq!(q("[data-testid=usage-chart]"), 2, "both chart periods");
    assert_eq!(q("[data-testid=snapshot-row]"), 5);
    assert_eq!(q("script"), 1, "only the data block");
    let title = doc.query_selector("[data-testid=bundle-title]").unwrap().expect("title");
    assert!(title.text_content().unwrap_or_default().starts_with("Active profiles on "));
    let total = doc.query_selector("[data-testid=total-active]").unwrap().expect("total");
    assert_eq!(total.get_attribute("data-value").as_deref(), Some("12840"));
    // The hostile dimension name is text, not an element.
    assert!(doc.body().expect("body").text_content().unwrap_or_default().contains(HOSTILE));
    assert_eq!(bundle::extract_report(&html).expect("the report inside"), report);
    let csp = doc.query_selector("meta[http-equiv=Content-Security-Policy]").unwrap().expect("a CSP");
    assert!(csp.get_attribute("content").unwrap_or_default().starts_with("default-src 'none'"));
}

#[wasm_bindgen_test]
async fn a_bundle_is_written_in_the_chosen_language() {
    let html = active_profiles_app::views::bundle::render(sample(), bundle_meta(Lang::Sv)).await;
    let doc = parse_html(&html);
    assert_eq!(doc.document_element().and_then(|e| e.get_attribute("lang")).as_deref(), Some("sv"));
    let text = doc.body().expect("body").text_content().unwrap_or_default();
    assert!(text.contains("Måldimensioner"), "the Swedish targeting dimensions");
    assert!(text.contains("Filen innehåller bara antal"), "the privacy line in Swedish");
}

/// A rejected row of `file` at `line` with its message, as the engine writes it.
fn rejected(file: &str, line: u64, message: engine::Message) -> engine::report::RejectedRow {
    engine::report::RejectedRow { file: file.into(), line, reason: message.to_string(), message: Some(message) }
}

/// The sample with 100 rejected rows listed of 250: 60 with a bad date (each date its own), 39 without
/// a key, and one of an older report (no message: grouped by its English).
fn with_rejected() -> engine::Report {
    use engine::message::{Arg, Message};
    let mut r = sample();
    r.rows.rejected = 250;
    r.rejected = (0..100)
        .map(|i| match i {
            99 => engine::report::RejectedRow {
                file: "old.csv".into(),
                line: 2,
                reason: "a reason of long ago".into(),
                message: None,
            },
            _ if i % 5 < 3 => rejected(
                "part-2.csv",
                10 + i,
                Message::new("rejected-bad-date").with("value", Arg::Text(format!("3{i}/02/2026"))),
            ),
            _ => rejected("part-2.csv", 10 + i, Message::new("rejected-no-key")),
        })
        .collect();
    r
}

#[wasm_bindgen_test]
async fn rejected_rows_are_grouped_by_their_message_with_counts_and_the_share_listed() {
    let m = mount(with_rejected()).await;
    let groups = m.all("[data-testid=rejected-group]");
    let seen: Vec<_> = groups
        .iter()
        .map(|g| {
            let reason = g.query_selector(".group-reason").unwrap().unwrap().text_content().unwrap_or_default();
            (g.get_attribute("data-key").unwrap_or_default(), reason, g.get_attribute("data-rows").unwrap_or_default())
        })
        .collect();
    let expected = [
        ("rejected-bad-date", "event date is not a date", "60"),
        ("rejected-no-key", "no profile key and no address", "39"),
        ("a reason of long ago", "a reason of long ago", "1"),
    ];
    let expected: Vec<_> = expected.iter().map(|(k, r, n)| (k.to_string(), r.to_string(), n.to_string())).collect();
    assert_eq!(seen, expected);
    assert!(groups[0].text_content().unwrap_or_default().contains("event date is not a date: 60 rows"));
    // Each row keeps its own reason under the group's.
    let first = groups[0].query_selector("[data-testid=rejected-row] td:nth-child(3)").unwrap().unwrap();
    assert_eq!(first.text_content().unwrap_or_default().trim(), "event date '30/02/2026' is not a date");
    assert_eq!(
        m.one("[data-testid=rejected-listed]").text_content().unwrap_or_default(),
        "The first 100 of 250 rejected rows are listed here, grouped by reason; the counts per reason are of those listed."
    );
    // The tiles say it beside the headline figures, and link to the groups.
    let note = m.one("[data-testid=tiles-rejected]");
    assert_eq!(note.text_content().unwrap_or_default(), "250 of 80,012 rows rejected — see why");
    let href = m.one("[data-testid=tiles-rejected-link]").get_attribute("href").unwrap_or_default();
    assert_eq!(href, "#report-rejected");
    m.one(&href);
}

#[wasm_bindgen_test]
async fn a_long_table_shows_its_first_twelve_rows_then_all_on_request() {
    let m = mount(with_rejected()).await;
    let group = "[data-testid=rejected-group][data-key=rejected-bad-date]";
    assert_eq!(m.all(&format!("{group} [data-testid=rejected-row]")).len(), 12);
    let button = m.one(&format!("{group} [data-testid=show-all]"));
    assert_eq!(button.text_content().as_deref(), Some("Show all (60)"));
    click(&button);
    yew::platform::time::sleep(Duration::ZERO).await;
    assert_eq!(m.all(&format!("{group} [data-testid=rejected-row]")).len(), 60);
    assert!(m.all(&format!("{group} [data-testid=show-all]")).is_empty(), "no button once all are shown");
    // A table of 12 rows or fewer has no button.
    let no_key = "[data-testid=rejected-group][data-key=rejected-no-key]";
    assert_eq!(m.all(&format!("{no_key} [data-testid=rejected-row]")).len(), 12);
    assert_eq!(m.all("[data-testid=rejected-group][data-key='a reason of long ago'] [data-testid=show-all]").len(), 0);
}

#[wasm_bindgen_test]
async fn the_status_exclusion_names_the_statuses_excluded_by_the_rules_in_force() {
    let mut r = sample();
    r.settings.rules.excluded_status =
        ["Ignored", "Delivery cancelled", "Not applicable", "Declined"].map(String::from).to_vec();
    let m = mount(r).await;
    let help = m.one("[data-testid=excluded-row][data-reason=status] [data-testid=excluded-help]");
    assert_eq!(
        help.text_content().unwrap_or_default(),
        "Statuses excluded: Ignored, Delivery cancelled, Not applicable, Declined."
    );
    // The other reasons keep their sentence.
    let proof = m.one("[data-testid=excluded-row][data-reason=proof] [data-testid=excluded-help]");
    assert_eq!(proof.text_content().unwrap_or_default(), "A proof, a seed address, or a delivery marked as proof.");
}

#[wasm_bindgen_test]
async fn the_contents_bar_links_to_every_section_and_each_exists() {
    let m = mount_with(sample(), Some("explain-title")).await;
    let links: Vec<_> = m.all("[data-testid=contents-link]").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(
        links,
        [
            "#report-tiles",
            "#report-chart",
            "#report-metrics",
            "#report-detail",
            "#report-channels",
            "#report-expiring",
            "#report-diagnosis",
            "#report-duplicates"
        ]
    );
    for href in &links {
        m.one(href);
    }
    assert_eq!(m.one("[data-testid=contents-explain]").get_attribute("href").as_deref(), Some("#explain-title"));
    // With the profiles listed, their section is linked too; a view mounted without Explain does not link it.
    let mut r = sample();
    r.profiles = Some(Vec::new());
    let m = mount(r).await;
    let links: Vec<_> = m.all("[data-testid=contents-link]").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(links.last().map(String::as_str), Some("#report-profiles"));
    for href in &links {
        m.one(href);
    }
    assert!(m.all("[data-testid=contents-explain]").is_empty());
}
