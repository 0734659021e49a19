//! Sharing the report on screen: *Download report* (the bundle, one HTML file), and *Export* (report.json, each table as CSV).
//!
//! Everything is made in this page and handed to the browser as a download
//! (a `blob:` link clicked once): nothing is uploaded. The bundle is drawn by
//! the same views as the page ([`views::bundle`]), in the page's language. The
//! report holds profile keys only while the user ticks *Include the active
//! profiles' keys and addresses*; that choice is not remembered between visits.

use std::rc::Rc;

use engine::Report;
use views::export::{self, Delimiter};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::locale::{tr, trf, use_lang};

/// What the share bar needs.
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub report: Rc<Report>,
    /// The report on screen is complete (no count or recount under way).
    pub ready: bool,
    /// The report's files are open, so the profiles can be listed (not a report opened from a file).
    pub can_list_profiles: bool,
    /// The user asked for the active profiles (the box stays ticked while the recount runs), or the
    /// opened report lists them.
    pub profiles_on: bool,
    /// The user ticked or unticked *Include the active profiles' keys and addresses*.
    pub onincludeprofiles: Callback<bool>,
    /// The report on screen is the demo's: *Open your files* is the primary action, not this download.
    #[prop_or_default]
    pub demo: bool,
}

/// The file names of a report's downloads: `active-profiles-2026-10-24` and a suffix.
pub fn file_stem(report: &Report) -> String {
    match report.as_of.as_deref() {
        Some(d) => format!("active-profiles-{d}"),
        None => "active-profiles".to_string(),
    }
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`, from the browser's clock.
pub fn now_iso() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // `2026-11-23T18:50:07.123Z` → `2026-11-23T18:50:07Z`
    match iso.get(..19) {
        Some(s) => format!("{s}Z"),
        None => iso,
    }
}

/// A button's callback that saves `value` as pretty JSON named `name`, and says the file (or why not) in `saved`.
pub fn on_save_json<T: serde::Serialize + 'static>(
    value: Rc<T>,
    name: String,
    saved: UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let result = serde_json::to_vec_pretty(&*value)
            .map_err(|e| e.to_string())
            .and_then(|bytes| save(&name, "application/json", &bytes));
        saved.set(Some(match result {
            Ok(()) => name.clone(),
            Err(e) => e,
        }));
    })
}

/// A button's callback that makes an HTML file (a bundle, drawn asynchronously) with `make` and saves
/// it as `name`, saying the file (or why not) in `saved`.
pub fn on_save_html<F: std::future::Future<Output = String> + 'static>(
    make: impl Fn() -> F + 'static,
    name: String,
    saved: UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let make = Rc::new(make);
    Callback::from(move |_: MouseEvent| {
        let (make, saved, name) = (make.clone(), saved.clone(), name.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let html = make().await;
            saved.set(Some(match save(&name, "text/html;charset=utf-8", html.as_bytes()) {
                Ok(()) => name,
                Err(e) => e,
            }));
        });
    })
}

/// Hands `bytes` to the browser as a download named `name`. Fails only if the browser refuses.
pub fn save(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("{name}: {what}");
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
        .map_err(|_| fail("the browser cannot make the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("the browser cannot make a link"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("no link element"))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Some browsers read the blob after `click` returns: let the link go a minute later.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// *Download report* and *Export*, under the header.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let l = use_lang();
    let title = use_state(String::new);
    let semicolon = use_state(|| false);
    let saved = use_state(|| None::<String>);
    let stem = file_stem(&props.report);

    let ondownload = {
        let (report, title, saved, stem) = (props.report.clone(), title.clone(), saved.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            let meta = views::bundle::BundleMeta {
                title: (*title).clone(),
                made: now_iso(),
                engine: format!("active-profiles {}", engine::VERSION),
                lang: l,
            };
            let (report, saved, name) = (report.clone(), saved.clone(), format!("{stem}.html"));
            wasm_bindgen_futures::spawn_local(async move {
                let html = views::bundle::render((*report).clone(), meta).await;
                saved.set(Some(match save(&name, "text/html;charset=utf-8", html.as_bytes()) {
                    Ok(()) => name,
                    Err(e) => e,
                }));
            });
        })
    };
    let onjson = {
        let (report, saved, name) = (props.report.clone(), saved.clone(), format!("{stem}.json"));
        Callback::from(move |_: MouseEvent| {
            let result = serde_json::to_vec_pretty(&*report)
                .map_err(|e| e.to_string())
                .and_then(|bytes| save(&name, "application/json", &bytes));
            saved.set(Some(match result {
                Ok(()) => name.clone(),
                Err(e) => e,
            }));
        })
    };
    let ontitle = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                title.set(input.value());
            }
        })
    };
    let onsemicolon = {
        let semicolon = semicolon.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                semicolon.set(input.checked());
            }
        })
    };
    let onprofiles = props
        .onincludeprofiles
        .reform(|e: Event| e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|input| input.checked()));
    let tables = export::tables(&props.report, l);
    let delimiter = if *semicolon { Delimiter::Semicolon } else { Delimiter::Comma };
    let disabled = !props.ready;
    html! {
        <div class="share-bar" data-testid="share">
            <button type="button" class={classes!((!props.demo).then_some("primary"))} data-testid="download-report" {disabled} onclick={ondownload}
                title={tr(l, "share-download-hint")}>
                { tr(l, "share-download") }
            </button>
            <details class="export-menu" data-testid="export-menu">
                <summary>{ tr(l, "share-export") }</summary>
                <div class="export-panel">
                    <p class="hint">{ tr(l, "share-download-hint") }</p>
                    <label>
                        <span>{ tr(l, "share-title-label") }</span>
                        <input type="text" data-testid="bundle-title-input" value={(*title).clone()}
                            placeholder={views::bundle::default_title(&props.report, l)} oninput={ontitle} />
                    </label>
                    <label>
                        <input type="checkbox" data-testid="include-profiles" checked={props.profiles_on}
                            disabled={disabled || !props.can_list_profiles} onchange={onprofiles} />
                        <span>
                            { tr(l, "share-include-profiles") }
                            <br /><span class="hint">{ tr(l, if props.can_list_profiles {
                                "share-include-profiles-hint" } else { "share-include-profiles-unavailable" }) }</span>
                        </span>
                    </label>
                    <h2>{ tr(l, "share-json") }</h2>
                    <p class="hint">{ tr(l, "share-json-hint") }</p>
                    <div><button type="button" data-testid="export-json" {disabled} onclick={onjson}>
                        { format!("{stem}.json") }
                    </button></div>
                    <h2>{ tr(l, "share-csv") }</h2>
                    <label>
                        <input type="checkbox" data-testid="csv-semicolon" checked={*semicolon} onchange={onsemicolon} />
                        <span>{ tr(l, "share-csv-semicolon") }</span>
                    </label>
                    <ul class="csv-list">
                        { for tables.into_iter().map(|table| {
                            let name = format!("{stem}-{}.csv", table.id);
                            let label = trf(l, "share-csv-table", &[
                                ("title", (&table.title).into()),
                                ("n", (table.rows.len() as u64).into()),
                                ("count", views::format::fmt_count(l, table.rows.len() as u64).into()),
                            ]);
                            let testid = format!("export-csv-{}", table.id);
                            let onclick = {
                                let saved = saved.clone();
                                let name = name.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let bytes = export::to_csv(&table, delimiter);
                                    saved.set(Some(match save(&name, "text/csv;charset=utf-8", &bytes) {
                                        Ok(()) => name.clone(),
                                        Err(e) => e,
                                    }));
                                })
                            };
                            html! { <li><button type="button" data-testid={testid} {disabled} {onclick}>{ label }</button></li> }
                        }) }
                    </ul>
                </div>
            </details>
            if let Some(file) = &*saved {
                <p class="share-saved" role="status" data-testid="share-saved">{ trf(l, "share-saved", &[("file", file.into())]) }</p>
            }
        </div>
    }
}
