//! The page: header, the *Open files* panel, settings, progress, file problems and the report.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use engine::BillingDay;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engageable::EngageableSource;
use crate::locale::{human_bytes, notice_text, tr, trf, use_lang, Lang};
use crate::mapping::MappingStep;
use crate::nav::{Holds, ReportTabs};
use crate::pool::Pool;
use crate::profiles::{ProfilesSource, Tab};
use crate::protocol::{FailReason, FileHandle, FileProblem, Update};
use crate::state::{Action, MappingAction, OpenAction, ReportAction, Run, SettingsAction, Source, ViewerState};
use crate::views::ReportView;

/// How long after the page starts the counting workers are spawned (the demo report paints first).
const WARM_AFTER_MS: u32 = 1000;

/// The id of the heading of *Explain a profile* (`src/explain.rs`), which the skip link and the contents bar link to.
const EXPLAIN_ID: &str = "explain-title";

/// The whole viewer.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| ViewerState::new(crate::storage::load_settings()));
    let lang = use_state(crate::locale::initial_lang);
    use_effect_with(*lang, |lang| crate::locale::set_document_lang(*lang));
    let pool: Rc<RefCell<Option<Pool>>> = use_mut_ref(|| None);
    // The workers, made on first use (again after one died).
    let workers = {
        let dispatch = state.dispatcher();
        let pool = pool.clone();
        move |act: &dyn Fn(&Pool)| {
            let mut slot = pool.borrow_mut();
            let dispatch = dispatch.clone();
            let workers = slot.get_or_insert_with(move || {
                Pool::new(move |update| dispatch.dispatch(Action::Worker { update, now_ms: js_sys::Date::now() }))
            });
            act(workers);
        }
    };

    // The one place that talks to the workers: send the pending requests (the Campaign report's,
    // the Profiles report's and the Engageable profiles report's, in that order).
    {
        let dispatch = state.dispatcher();
        let workers = workers.clone();
        let requests = (state.request.clone(), state.profiles.requests.clone(), state.engageable.requests.clone());
        use_effect_with(requests, move |(request, profiles, engageable)| {
            let jobs: Vec<_> = request.iter().chain(profiles.iter()).chain(engageable.iter()).cloned().collect();
            if !jobs.is_empty() {
                for job in jobs {
                    workers(&|pool| pool.send(job.clone()));
                }
                dispatch.dispatch(Action::Sent);
            }
        });
    }
    // Once the first report is on screen, the workers are spawned and compile their WebAssembly
    // while the user looks at it, not after the first pick.
    use_effect_with((), move |_| {
        let timer = gloo::timers::callback::Timeout::new(WARM_AFTER_MS, move || workers(&Pool::warm));
        move || drop(timer)
    });
    // A worker that dies (out of memory, a fault in its WebAssembly) answers nothing more; the
    // browser passes its uncaught error up to the page. The run ends with a message, and the next
    // request spawns a fresh worker. Errors of the page's own script are not the worker's.
    {
        let dispatch = state.dispatcher();
        let pool = pool.clone();
        let last_run = use_mut_ref(|| 0u32);
        *last_run.borrow_mut() = state.last_run;
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "error", move |event| {
                    let field = |name: &str| {
                        js_sys::Reflect::get(event, &name.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
                    };
                    let file = field("filename");
                    let own = file.contains("active-profiles-app") || file.contains("active-profiles.html");
                    if own || pool.borrow_mut().take().is_none() {
                        return;
                    }
                    let reason = FailReason::WorkerStopped(field("message"));
                    let update = Update::Failed { run: *last_run.borrow(), reason };
                    dispatch.dispatch(Action::Worker { update, now_ms: js_sys::Date::now() });
                })
            });
            move || drop(listener)
        });
    }
    // A file whose headers were mapped before is mapped the same way again.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.problems.clone(), move |problems| {
            let remembered: BTreeMap<String, String> = problems
                .iter()
                .filter(|p| !p.missing.is_empty())
                .flat_map(|p| crate::storage::remembered_mapping(&p.headers))
                .collect();
            if !remembered.is_empty() {
                dispatch.dispatch(Action::Mapping(MappingAction::Apply(remembered)));
            }
        });
    }
    // A file dropped anywhere on the page is opened, never left to the browser (which would navigate
    // away to it): log files are counted, a .json or .html file is opened as a report.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                let over = gloo::events::EventListener::new_with_options(&window, "dragover", options, |event| {
                    event.prevent_default();
                });
                let dropped = gloo::events::EventListener::new_with_options(&window, "drop", options, move |event| {
                    // A drop on a file slot is that slot's (the deliveries file, a report).
                    let on_slot = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .is_some_and(|input| input.type_() == "file");
                    if on_slot {
                        return;
                    }
                    event.prevent_default();
                    let Some(transfer) = event.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.data_transfer()) else {
                        return;
                    };
                    // Folders are walked; the entries must be taken now, while the event lasts.
                    let entries = crate::given::drop_entries(&transfer);
                    let files = transfer.files().map(file_list).unwrap_or_default();
                    let dispatch = dispatch.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let given = if entries.is_empty() {
                            files
                                .into_iter()
                                .map(|f| {
                                    let name = f.name();
                                    (f, name)
                                })
                                .collect()
                        } else {
                            crate::given::walk(entries).await
                        };
                        open_given(&dispatch, given).await;
                    });
                });
                (over, dropped)
            });
            move || drop(listeners)
        });
    }
    // Remember the settings whenever they change.
    use_effect_with(state.settings.clone(), crate::storage::save_settings);

    let dispatch = state.dispatcher();
    let onchoosesnapshot =
        dispatch.to_callback().reform(|to: String| match NaiveDate::parse_from_str(&to, "%Y-%m-%d") {
            Ok(date) => Action::Report(ReportAction::ChooseSnapshot(date)),
            Err(_) => Action::Settings(SettingsAction::AsOf(None)),
        });
    let onreclassify = dispatch
        .to_callback()
        .reform(|(field, value, counted)| Action::Report(ReportAction::Reclassify { field, value, counted }));
    let onchooselanguage = {
        let lang = lang.clone();
        Callback::from(move |chosen: Lang| {
            crate::storage::save_lang(chosen);
            lang.set(chosen);
        })
    };
    let l = *lang;
    let onchoosetab = dispatch.to_callback().reform(Action::Tab);
    let holds_campaign = match &state.source {
        _ if matches!(state.run, Run::Reading { .. }) => Holds::Reading,
        Source::Demo => Holds::Demo,
        Source::Files { logs, .. } => Holds::Files(logs.len()),
        Source::ReportFile { .. } => Holds::Report,
    };
    let holds_profiles = match &state.profiles.source {
        _ if matches!(state.profiles.run, Run::Reading { .. }) => Holds::Reading,
        ProfilesSource::Empty => Holds::Nothing,
        ProfilesSource::Demo => Holds::Demo,
        ProfilesSource::Files(files) => Holds::Files(files.len()),
    };
    let holds_engageable = match &state.engageable.source {
        _ if matches!(state.engageable.run, Run::Reading { .. }) => Holds::Reading,
        EngageableSource::Empty => Holds::Nothing,
        EngageableSource::Demo => Holds::Demo,
        EngageableSource::Files { events, .. } => Holds::Files(events.len()),
    };
    let tabs = html! {
        <ReportTabs tab={state.tab} campaign={holds_campaign} profiles={holds_profiles} engageable={holds_engageable} onchoose={onchoosetab} />
    };
    let notice = html! {
        if let Some(notice) = &state.notice {
            <p class="notice" role="status" data-testid="notice">{ notice_text(l, notice) }</p>
        }
    };
    if state.tab == Tab::Engageable {
        return html! {
            <ContextProvider<Lang> context={l}>
            <main class="page">
                <a class="skip-link" href={format!("#{}", views::engage::ENGAGEABLE_ID)} data-testid="skip-to-report">{ tr(l, "skip-to-report") }</a>
                <Masthead source={state.source.clone()} tab={state.tab} {onchooselanguage} ondemo={Callback::noop()} />
                { tabs }
                <div id={crate::nav::PANEL_ID} role="tabpanel" aria-labelledby={crate::nav::tab_id(Tab::Engageable)}>
                    <OpenPanel dispatch={dispatch.clone()} demo={matches!(state.engageable.source, EngageableSource::Demo)} profiles=true />
                    { notice }
                    <crate::engageable_page::EngageablePage state={state.clone()} />
                </div>
            </main>
            </ContextProvider<Lang>>
        };
    }
    if state.tab == Tab::Profiles {
        return html! {
            <ContextProvider<Lang> context={l}>
            <main class="page">
                <a class="skip-link" href={format!("#{}", views::aep::PROFILES_ID)} data-testid="skip-to-report">{ tr(l, "skip-to-report") }</a>
                <a class="skip-link" href={format!("#{}", crate::profiles_page::EXPLAIN_ID)} data-testid="skip-to-explain">{ tr(l, "aep-explain-title") }</a>
                <Masthead source={state.source.clone()} tab={state.tab} {onchooselanguage} ondemo={Callback::noop()} />
                { tabs }
                <div id={crate::nav::PANEL_ID} role="tabpanel" aria-labelledby={crate::nav::tab_id(Tab::Profiles)}>
                    <OpenPanel dispatch={dispatch.clone()} demo={matches!(state.profiles.source, ProfilesSource::Demo)} profiles=true />
                    { notice }
                    <crate::profiles_page::ProfilesPage state={state.clone()} />
                </div>
            </main>
            </ContextProvider<Lang>>
        };
    }
    let ondemoprofiles = dispatch.to_callback().reform(|_: MouseEvent| Action::Tab(Tab::Profiles));
    html! {
        <ContextProvider<Lang> context={l}>
        <main class="page">
            <a class="skip-link" href={format!("#{}", crate::views::nav::REPORT_ID)} data-testid="skip-to-report">{ tr(l, "skip-to-report") }</a>
            <a class="skip-link" href={format!("#{EXPLAIN_ID}")} data-testid="skip-to-explain">{ tr(l, "explain-title") }</a>
            <Masthead source={state.source.clone()} tab={state.tab} {onchooselanguage} ondemo={ondemoprofiles} />
            { tabs }
            <div id={crate::nav::PANEL_ID} role="tabpanel" aria-labelledby={crate::nav::tab_id(Tab::Campaign)}>
            <crate::share::ShareBar report={state.report.clone()} ready={state.ready()}
                can_list_profiles={matches!(state.source, Source::Demo | Source::Files { .. })}
                profiles_on={state.settings.profiles || state.report.profiles.is_some()}
                demo={matches!(state.source, Source::Demo)}
                onincludeprofiles={dispatch.to_callback().reform(|on| Action::Settings(SettingsAction::IncludeProfiles(on)))} />
            <OpenPanel dispatch={dispatch.clone()} demo={matches!(state.source, Source::Demo)} />
            <SettingsForm state={state.clone()} />
            if let Run::Reading { done, total, rows, started_ms, now_ms, .. } = state.run {
                <ProgressBar {done} {total} {rows} elapsed_ms={now_ms - started_ms}
                    oncancel={dispatch.to_callback().reform(|_| Action::Cancel)} />
            }
            { notice }
            if state.problems.iter().any(|p| !p.missing.is_empty()) {
                <ColumnsNeeded problems={state.problems.clone()} source={state.source.clone()}
                    mapping={state.settings.mapping.clone()} dispatch={dispatch.clone()} />
            }
            if state.problems.iter().any(|p| p.missing.is_empty()) {
                <Problems problems={state.problems.clone()} />
            }
            if matches!(state.source, Source::Files { .. }) {
                <button type="button" class="choose-columns" data-testid="choose-columns-toggle"
                    aria-expanded={state.choosing_columns.to_string()}
                    onclick={dispatch.to_callback().reform(|_| Action::Mapping(MappingAction::Toggle))}>
                    { tr(l, if state.choosing_columns { "choose-columns-hide" } else { "choose-columns-show" }) }
                </button>
            }
            if state.choosing_columns {
                <ChooseColumns state={state.clone()} />
            }
            if state.ready() {
                <span data-testid="report-ready" data-run={state.last_run.to_string()} hidden=true></span>
            }
            <div class={classes!("report-area", (!state.ready()).then_some("stale"))} aria-busy={(!state.ready()).to_string()}>
                if !state.ready() {
                    <p class="stale-note">{ tr(l, "stale-note") }</p>
                }
                <ColumnGaps state={state.clone()} />
                <ReportView report={state.report.clone()} {onchoosesnapshot} {onreclassify} explain={EXPLAIN_ID} />
            </div>
            <crate::explain::ExplainPanel state={state.clone()} />
            </div>
            // Said by screen readers when a count finishes; present from the start, so that the change is heard.
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="count-finished">
                { state.finished.map(|f| finished_text(l, f)).unwrap_or_default() }
            </p>
        </main>
        </ContextProvider<Lang>>
    }
}

#[derive(Properties, PartialEq)]
struct MastheadProps {
    source: Source,
    tab: Tab,
    /// The admin asked for the Journey Optimizer demo.
    ondemo: Callback<MouseEvent>,
    /// The user chose a language in the picker.
    onchooselanguage: Callback<Lang>,
}

/// Title, the privacy promise, and what the report is made of.
#[function_component(Masthead)]
fn masthead(props: &MastheadProps) -> Html {
    let l = use_lang();
    let what = match &props.source {
        // The Journey Optimizer tabs say what their report is of themselves.
        _ if props.tab != Tab::Campaign => html! {},
        Source::Demo => html! {
            <div class="demo-banner" data-testid="demo-banner">
                <p>{ tr(l, "demo-banner") }</p>
                <p class="demo-other">
                    <button type="button" class="link" data-testid="open-profiles-demo" onclick={props.ondemo.clone()}>
                        { tr(l, "open-profiles-demo") }
                    </button>
                </p>
            </div>
        },
        Source::Files { logs, deliveries } => {
            let bytes: f64 = logs.iter().chain(deliveries.iter()).map(|f| f.file.size()).sum();
            html! {
                <p class="sources" data-testid="sources">
                    { trf(l, "sources-logs", &[("n", logs.len().into()), ("size", human_bytes(l, bytes).into())]) }
                    if let Some(d) = deliveries { { " · " }{ trf(l, "sources-deliveries", &[("name", (&d.name).into())]) } }
                </p>
            }
        }
        Source::ReportFile { name } => {
            html! { <p class="sources" data-testid="sources">{ trf(l, "sources-report", &[("name", name.into())]) }</p> }
        }
    };
    let onchange = props.onchooselanguage.reform(|e: Event| {
        let code = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        Lang::parse(&code).unwrap_or_default()
    });
    html! {
        <header class="masthead">
            <div class="masthead-top">
                <h1>{ tr(l, "app-title") }</h1>
                <label class="language">
                    <span>{ tr(l, "language-label") }</span>
                    <select data-testid="language" {onchange}>
                        { for Lang::ALL.iter().map(|x| html! {
                            <option value={x.code()} lang={x.code()} selected={*x == l}>{ x.name() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="privacy">{ tr(l, "privacy") }</p>
            { what }
            if props.tab == Tab::Campaign {
                <details class="term" data-testid="term-active">
                    <summary>{ tr(l, "term-active-title") }</summary>
                    <p>{ tr(l, "term-active-text") }</p>
                </details>
            }
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct OpenPanelProps {
    dispatch: UseReducerDispatcher<ViewerState>,
    /// The demo is on screen: *Open your files* is the page's primary action.
    demo: bool,
    /// Shown in the Profiles tab: the Campaign-only slots (deliveries, report) are left out.
    #[prop_or_default]
    profiles: bool,
}

/// The drop zone and the three file slots: log files, deliveries file, report JSON.
#[function_component(OpenPanel)]
fn open_panel(props: &OpenPanelProps) -> Html {
    let l = use_lang();
    let dragging = use_state(|| false);
    let onopenlogs = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(list) = e.target_dyn_into::<web_sys::HtmlInputElement>().and_then(|input| input.files()) else {
                return;
            };
            let given = crate::given::picked(list);
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move { open_given(&dispatch, given).await });
        })
    };
    let onopendeliveries = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = input_files(&e).into_iter().next() {
                dispatch.dispatch(Action::Open(OpenAction::Deliveries(file)));
            }
        })
    };
    let onopenreport = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = input_files(&e).into_iter().next() {
                open_report_file(&dispatch, file);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    // The drop itself is the window's (see `App`): a file dropped anywhere opens.
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let logs_input = use_node_ref();
    let folder_input = use_node_ref();
    let onpickfolder = {
        let folder_input = folder_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = folder_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    // `webkitdirectory` is not an attribute Yew knows: set on the element once it is there.
    {
        let folder_input = folder_input.clone();
        use_effect_with((), move |_| {
            if let Some(input) = folder_input.cast::<web_sys::Element>() {
                let _ = input.set_attribute("webkitdirectory", "");
            }
        });
    }
    let onpick = {
        let logs_input = logs_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = logs_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    html! {
        <section class={classes!("open-panel", dragging.then_some("dragging"), props.demo.then_some("leading"))} aria-label={tr(l, "open-files")}
            {ondragover} {ondragleave} {ondrop}>
            <div class="open-lead">
                <button type="button" class={classes!("open-files", props.demo.then_some("primary"))} data-testid="open-files" onclick={onpick}>
                    { tr(l, "open-your-files") }
                </button>
                <button type="button" class="open-folder" data-testid="open-folder" onclick={onpickfolder}>
                    { tr(l, "open-folder") }
                </button>
                <span class="drop-hint">{ tr(l, "drop-hint") }</span>
                <input type="file" multiple=true hidden=true data-testid="folder-files" ref={folder_input}
                    onchange={onopenlogs.clone()} aria-label={tr(l, "open-folder")} />
            </div>
            if !props.profiles {
            <div class="slots">
                <label class="slot">
                    <span>{ tr(l, "slot-logs") }</span>
                    <input type="file" multiple=true accept=".csv,.txt,.tsv,text/csv,.xlsx,.xls,.ods,.json,.jsonl,.gz,.parquet" data-testid="log-files" onchange={onopenlogs}
                        ref={logs_input} aria-describedby="hint-logs" />
                    <small class="hint" id="hint-logs">{ tr(l, "hint-logs") }</small>
                </label>
                <label class="slot">
                    <span>{ tr(l, "slot-deliveries") }</span>
                    <input type="file" accept=".csv,.txt,.tsv,text/csv" data-testid="deliveries-file" onchange={onopendeliveries}
                        aria-describedby="hint-deliveries" />
                    <small class="hint" id="hint-deliveries">{ tr(l, "hint-deliveries") }</small>
                </label>
                <label class="slot">
                    <span>{ tr(l, "slot-report") }</span>
                    <input type="file" accept=".json,application/json,.csv,text/csv,.html,text/html" data-testid="report-file" onchange={onopenreport}
                        aria-describedby="hint-report" />
                    <small class="hint" id="hint-report">{ tr(l, "hint-report") }</small>
                </label>
            </div>
            } else {
                <input type="file" multiple=true hidden=true accept=".json,.gz,.parquet,.jsonl,application/json,application/gzip"
                    data-testid="record-files" ref={logs_input.clone()} onchange={onopenlogs} />
            }
        </section>
    }
}

/// Reads a report file (report.json, a bundle, a warehouse aggregate) and opens it.
fn open_report_file(dispatch: &UseReducerDispatcher<ViewerState>, file: web_sys::File) {
    let dispatch = dispatch.clone();
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
        let action = match gloo::file::futures::read_as_text(&blob).await {
            Ok(text) => OpenAction::ReportJson { name, text },
            Err(e) => OpenAction::ReportUnreadable { name, error: e.to_string() },
        };
        dispatch.dispatch(Action::Open(action));
    });
}

/// Files dropped or picked (folders walked): one `.json` or `.html` file that holds no profile record is
/// a report to open; the others go to the report their first bytes belong to.
async fn open_given(dispatch: &UseReducerDispatcher<ViewerState>, files: Vec<(web_sys::File, String)>) {
    if files.is_empty() {
        return;
    }
    let given = crate::given::with_heads(files).await;
    let is_report = |g: &crate::profiles::Given| {
        let name = g.file.name().to_lowercase();
        let named = name.ends_with(".json") || name.ends_with(".html") || name.ends_with(".htm");
        named && !g.head.windows(b"identityMap".len()).any(|w| w == b"identityMap")
    };
    match given.as_slice() {
        [one] if is_report(one) => open_report_file(dispatch, one.file.clone()),
        _ => dispatch.dispatch(Action::Open(OpenAction::Given(given))),
    }
}

/// What the live region says when a count finishes.
pub fn finished_text(l: Lang, f: crate::state::Finished) -> String {
    let count = |n: u64| crate::views::format::fmt_count(l, n);
    trf(
        l,
        "count-finished",
        &[
            ("rows", count(f.rows).into()),
            ("nrows", f.rows.into()),
            ("files", f.files.into()),
            ("active", count(f.active).into()),
            ("nactive", f.active.into()),
        ],
    )
}

/// The files of a file input that fired `e`.
fn input_files(e: &Event) -> Vec<web_sys::File> {
    e.target_dyn_into::<web_sys::HtmlInputElement>().and_then(|input| input.files()).map(file_list).unwrap_or_default()
}

fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[derive(Properties, PartialEq)]
struct SettingsFormProps {
    state: UseReducerHandle<ViewerState>,
}

/// As-of date, billing day, purchased profiles, time zone and day/month order.
#[function_component(SettingsForm)]
fn settings_form(props: &SettingsFormProps) -> Html {
    let l = use_lang();
    let settings = &props.state.settings;
    let dispatch = props.state.dispatcher();
    let value_of =
        |e: &Event| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
    let select_of =
        |e: &Event| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|i| i.value());

    let onchangeasof = dispatch.to_callback().reform(move |e: Event| {
        let date = value_of(&e).and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
        Action::Settings(SettingsAction::AsOf(date))
    });
    let onchangebillingday = dispatch.to_callback().reform(move |e: Event| {
        let day = match select_of(&e).as_deref() {
            Some("last") => BillingDay::Last,
            Some(v) => v.parse().map(BillingDay::Day).unwrap_or_default(),
            None => BillingDay::default(),
        };
        Action::Settings(SettingsAction::BillingDay(day))
    });
    let onchangepurchased = dispatch.to_callback().reform(move |e: Event| {
        let n = value_of(&e).and_then(|v| v.trim().replace([' ', ',', '.', '\u{a0}'], "").parse().ok());
        Action::Settings(SettingsAction::Purchased(n))
    });
    let onchangetimezone = dispatch.to_callback().reform(move |e: Event| {
        Action::Settings(SettingsAction::TimeZone(value_of(&e).unwrap_or_default().trim().to_owned()))
    });
    let onchangedayorder = dispatch
        .to_callback()
        .reform(move |e: Event| Action::Settings(SettingsAction::DayFirst(select_of(&e).as_deref() != Some("month"))));

    let as_of = settings.as_of.or_else(|| props.state.report.as_of.as_deref().and_then(|d| d.parse().ok()));
    let zone_invalid = engine::TimeZone::parse(&settings.time_zone).is_err();
    let used_zone = props.state.report.settings.time_zone.clone();
    // Two sentences: the first ends with a full stop in every language.
    let mut zone_unknown = trf(l, "notice-time-zone", &[("zone", settings.time_zone.as_str().into())]);
    if !zone_unknown.ends_with('.') {
        zone_unknown.push('.');
    }
    let billing = match settings.billing_day {
        BillingDay::Day(d) => d.to_string(),
        BillingDay::Last => "last".into(),
    };
    let onfollow = dispatch.to_callback().reform(|_: MouseEvent| Action::Settings(SettingsAction::AsOf(None)));
    html! {
        <section class="settings" aria-label={tr(l, "settings")}>
            <div class="setting">
                <label>{ tr(l, "settings-as-of") }
                    <input type="date" data-testid="as-of" value={as_of.map(|d| d.to_string()).unwrap_or_default()} onchange={onchangeasof}
                        aria-describedby="hint-as-of" />
                </label>
                // A date set by hand is pinned: said, and undone in one click; otherwise the date follows the data.
                if let Some(pinned) = settings.as_of {
                    <p class="as-of-pin" data-testid="as-of-pin" data-date={pinned.to_string()}>
                        { trf(l, "as-of-pinned", &[("date", i18n::date(l, &pinned.to_string()).into())]) }
                        <button type="button" class="link" data-testid="as-of-follow" onclick={onfollow}>{ tr(l, "as-of-follow") }</button>
                    </p>
                } else {
                    <p class="hint" data-testid="as-of-follows">{ tr(l, "as-of-follows") }</p>
                }
                <p class="hint" id="hint-as-of">{ tr(l, "hint-as-of") }</p>
            </div>
            <label>{ tr(l, "settings-billing-day") }
                <small class="hint">{ tr(l, "hint-billing-day") }</small>
                <select data-testid="billing-day" onchange={onchangebillingday}>
                    { for (1..=28u8).map(|d| html! { <option value={d.to_string()} selected={billing == d.to_string()}>{ d }</option> }) }
                    <option value="last" selected={billing == "last"}>{ tr(l, "settings-billing-last") }</option>
                </select>
            </label>
            <label>{ tr(l, "settings-purchased") }
                <small class="hint">{ tr(l, "hint-purchased") }</small>
                <input type="text" inputmode="numeric" data-testid="purchased" placeholder={tr(l, "not-set")}
                    value={settings.purchased.map(|n| n.to_string()).unwrap_or_default()} onchange={onchangepurchased} />
            </label>
            <div class="field">
                <label>{ tr(l, "settings-time-zone") }
                    <input type="text" list="time-zones" autocomplete="off" spellcheck="false" data-testid="time-zone"
                        value={settings.time_zone.clone()} onchange={onchangetimezone} title={tr(l, "settings-time-zone-hint")}
                        aria-invalid={zone_invalid.then_some("true")}
                        aria-describedby={zone_invalid.then_some("time-zone-error")} />
                </label>
                <TimeZoneList />
                // The user's text stays in the field, marked, for as long as the engine does not know it;
                // the report on screen says the zone it was counted in.
                if zone_invalid {
                    <span id="time-zone-error" class="field-error" data-testid="time-zone-error">
                        { zone_unknown }
                        { " " }
                        { trf(l, "settings-time-zone-used", &[("zone", used_zone.into())]) }
                    </span>
                }
            </div>
            <label>{ tr(l, "settings-day-order") }
                <select data-testid="day-order" onchange={onchangedayorder}>
                    <option value="day" selected={settings.day_first}>{ tr(l, "settings-day-first") }</option>
                    <option value="month" selected={!settings.day_first}>{ tr(l, "settings-month-first") }</option>
                </select>
            </label>
        </section>
    }
}

/// The zones of the time-zone database, offered as the time-zone field is typed in (a `<datalist>`:
/// drawn once, the field stays free text).
#[function_component(TimeZoneList)]
fn time_zone_list() -> Html {
    html! {
        <datalist id="time-zones">
            <option value="UTC" />
            { for engine::options::time_zone_names().map(|name| html! { <option value={name} /> }) }
        </datalist>
    }
}

#[derive(Properties, PartialEq)]
struct ProgressProps {
    done: u64,
    total: u64,
    rows: u64,
    elapsed_ms: f64,
    oncancel: Callback<MouseEvent>,
}

/// Bytes done of total, rows per second, and the Cancel button; once every byte is read, that the
/// report is being put together (merging the workers' counts takes a few seconds on a large run).
#[function_component(ProgressBar)]
fn progress_bar(props: &ProgressProps) -> Html {
    let l = use_lang();
    let seconds = (props.elapsed_ms / 1000.0).max(0.001);
    let rate = props.rows as f64 / seconds;
    let total = human_bytes(l, props.total as f64);
    let text = if props.total > 0 && props.done >= props.total {
        trf(l, "progress-finishing", &[("total", total.into())])
    } else {
        trf(
            l,
            "progress-text",
            &[
                ("done", human_bytes(l, props.done as f64).into()),
                ("total", total.into()),
                ("rate", crate::views::format::fmt_count(l, rate.round().max(0.0) as u64).into()),
            ],
        )
    };
    html! {
        <section class="progress" data-testid="progress" aria-label={tr(l, "progress-label")}>
            <progress max={props.total.max(1).to_string()} value={props.done.to_string()}></progress>
            <span data-testid="progress-text" data-value={props.done.to_string()}>{ text }</span>
            <button type="button" data-testid="cancel" onclick={props.oncancel.clone()}>{ tr(l, "cancel") }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    problems: Vec<FileProblem>,
}

/// Files that could not be counted (unreadable, a header over the limits...); files that only
/// need a column are asked for it in [`ColumnsNeeded`].
#[function_component(Problems)]
fn problems(props: &ProblemsProps) -> Html {
    let l = use_lang();
    html! {
        <section class="problems" data-testid="problems" aria-labelledby="problems-title">
            <h2 id="problems-title">{ tr(l, "problems-title") }</h2>
            { for props.problems.iter().filter(|p| p.missing.is_empty()).map(|p| html! {
                <div class="problem" data-testid="problem" data-file={p.file.clone()}>
                    <p>{ problem_text(l, p) }</p>
                </div>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnsNeededProps {
    problems: Vec<FileProblem>,
    source: Source,
    mapping: BTreeMap<String, String>,
    dispatch: UseReducerDispatcher<ViewerState>,
}

/// A routine step, not an error: a file whose required columns were not recognised asks which
/// column holds them (and offers its other unrecognised columns for the optional fields).
#[function_component(ColumnsNeeded)]
fn columns_needed(props: &ColumnsNeededProps) -> Html {
    let l = use_lang();
    html! {
        <section class="columns-needed" data-testid="columns-needed" aria-labelledby="columns-needed-title">
            <h2 id="columns-needed-title">{ tr(l, "columns-needed-title") }</h2>
            { for props.problems.iter().filter(|p| !p.missing.is_empty()).map(|p| {
                let fields: Vec<String> = p.missing.iter().map(|m| views::said::field_words(l, m)).collect();
                html! {
                    <div class="problem" data-testid="problem" data-file={p.file.clone()}>
                        <h3>{ trf(l, "mapping-which", &[("fields", fields.join(", ").into()), ("file", (&p.file).into())]) }</h3>
                        <p class="hint">{ problem_text(l, p) }</p>
                        if let Some(file) = open_file(&props.source, &p.file) {
                            <MappingStep {file} fields={p.missing.clone()} mapping={props.mapping.clone()}
                                automatic={BTreeMap::new()} dispatch={props.dispatch.clone()} />
                        } else if let (Some(file), Some(head)) = (open_book(&props.source, &p.file), &p.sheet) {
                            // A workbook's sheet: previewed from the CSV the worker wrote of it.
                            <MappingStep {file} sheet={Some((p.file.clone(), head.clone()))} fields={p.missing.clone()}
                                mapping={props.mapping.clone()} automatic={BTreeMap::new()} dispatch={props.dispatch.clone()} />
                        }
                    </div>
                }
            }) }
        </section>
    }
}

/// The files counted without each of [`crate::mapping::OPTIONAL`]: (field, files). A deliveries file may give the
/// channel and the target dimension, so those are not said when one is open.
pub fn column_gaps(report: &engine::Report, with_deliveries: bool) -> Vec<(&'static str, usize)> {
    crate::mapping::OPTIONAL
        .iter()
        .filter(|f| !(with_deliveries && matches!(**f, "channel" | "target dimension")))
        .map(|f| (*f, report.files.iter().filter(|file| !file.columns.contains_key(*f)).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// *Counted without a status column in 1 file: every row counted as sent — Choose columns…*, above the tiles.
#[function_component(ColumnGaps)]
fn column_gaps_note(props: &ColumnsProps) -> Html {
    let l = use_lang();
    let Source::Files { deliveries, .. } = &props.state.source else { return html! {} };
    let gaps = column_gaps(&props.state.report, deliveries.is_some());
    if gaps.is_empty() || !props.state.ready() {
        return html! {};
    }
    let dispatch = props.state.dispatcher();
    let open = !props.state.choosing_columns;
    html! {
        <div class="column-gaps" data-testid="column-gaps">
            { for gaps.iter().map(|(field, n)| {
                let key = format!("gap-{}", field.replace(' ', "-"));
                html! { <p data-testid="column-gap" data-field={*field}>{ trf(l, &key, &[("n", (*n).into())]) }</p> }
            }) }
            if open {
                <button type="button" class="link" data-testid="column-gap-choose"
                    onclick={dispatch.to_callback().reform(|_| Action::Mapping(MappingAction::Toggle))}>
                    { tr(l, "choose-columns-show") }
                </button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnsProps {
    state: UseReducerHandle<ViewerState>,
}

/// *Choose columns*: every field of every open log file, on request.
#[function_component(ChooseColumns)]
fn choose_columns(props: &ColumnsProps) -> Html {
    let l = use_lang();
    let Source::Files { logs, .. } = &props.state.source else { return html! {} };
    let dispatch = props.state.dispatcher();
    html! {
        <section class="columns" data-testid="choose-columns" aria-label={tr(l, "columns-label")}>
            <h2>{ tr(l, "columns-title") }</h2>
            { for logs.iter().map(|file| {
                let automatic = props.state.report.files.iter().find(|f| f.name == file.name).map(|f| f.columns.clone()).unwrap_or_default();
                html! {
                    <MappingStep file={file.clone()} fields={Vec::<String>::new()} mapping={props.state.settings.mapping.clone()}
                        {automatic} dispatch={dispatch.clone()} />
                }
            }) }
        </section>
    }
}

/// A file problem in `lang`, in the catalog's words (English stays the worker's own sentence): a file without
/// the columns it needs, a column mapped to a header it lacks, a file that cannot be read; the engine's
/// other errors said from their message.
fn problem_text(lang: Lang, p: &FileProblem) -> String {
    if lang == Lang::En {
        return p.message.clone();
    }
    let file = ("file", (&p.file).into());
    let headers = ("headers", p.headers.join(", ").into());
    match (p.error.as_ref().map(|m| m.id.as_str()), &p.read_error) {
        (_, Some(error)) => trf(lang, "problem-unreadable", &[file, ("error", error.into())]),
        (Some("error-missing-fields"), _) => {
            let missing: Vec<String> = p.missing.iter().map(|m| views::said::field_words(lang, m)).collect();
            trf(lang, "problem-missing", &[file, ("missing", missing.join(", ").into()), headers])
        }
        (Some("error-mapped-header-missing"), _) => {
            let field = p.missing.first().map(|f| views::said::field_words(lang, f)).unwrap_or_default();
            let header = p.error.as_ref().and_then(|m| m.args.get("header")).map(|h| h.to_string()).unwrap_or_default();
            trf(lang, "problem-mapped", &[file, ("field", field.into()), ("header", header.into()), headers])
        }
        _ => views::said::say(lang, p.error.as_ref(), &p.message),
    }
}

/// The open file with this name.
fn open_file(source: &Source, name: &str) -> Option<FileHandle> {
    match source {
        Source::Files { logs, deliveries } => logs.iter().chain(deliveries.iter()).find(|f| f.name == name).cloned(),
        _ => None,
    }
}

/// The open workbook a sheet (`book.xlsx › Sheet1`) was read from.
fn open_book(source: &Source, sheet: &str) -> Option<FileHandle> {
    match source {
        Source::Files { logs, .. } => {
            logs.iter().find(|f| sheet.starts_with(&engine::workbook::sheet_name(&f.name, ""))).cloned()
        }
        _ => None,
    }
}
