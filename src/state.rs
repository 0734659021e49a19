//! The viewer's one state, the actions that change it, grouped per screen, and the worker requests they make.
//!
//! `reduce` is pure: it never talks to the worker. An action that needs
//! counting puts a worker [`Job`] in the state, and the app's one effect sends it
//! (see `app.rs`). So every change of screen is a plain function of the state
//! and the action, and can be tested without a browser worker.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use engine::{BillingDay, Options, Report, ReportSettings};
use yew::Reducible;

use crate::engageable::{EngageableAction, EngageableState};
use crate::profiles::{Given, ProfilesAction, ProfilesState, Tab};
use crate::protocol::{Explanation, FailReason, FileHandle, FileProblem, Job, Update};

pub use crate::run::{js_now, Notice, Run};

/// Where the report on screen came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The generated demo export: its report with the default settings counted at build time
    /// ([`crate::demo_report`]), with others by the worker ([`Job::Demo`]).
    Demo,
    /// Files the user opened, counted in the worker.
    Files { logs: Vec<FileHandle>, deliveries: Option<FileHandle> },
    /// A `report.json` the user opened: shown as it is, not recounted.
    ReportFile { name: String },
}

/// What the user can set; remembered between visits (see `storage.rs`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None`: the latest event date.
    pub as_of: Option<NaiveDate>,
    pub billing_day: BillingDay,
    pub purchased: Option<u64>,
    pub time_zone: String,
    pub day_first: bool,
    /// Status values reclassified by the user: value to counted (true) or excluded.
    pub status_rules: BTreeMap<String, bool>,
    /// Columns picked by hand for the files open now: field name to header.
    /// Not remembered here: a mapping is remembered per set of headers.
    #[serde(skip)]
    pub mapping: BTreeMap<String, String>,
    /// List the active profiles with their keys in the report. Personal data: asked for each
    /// visit, never remembered.
    #[serde(skip)]
    pub profiles: bool,
}

impl Default for Settings {
    fn default() -> Self {
        let options = Options::default();
        Settings {
            as_of: None,
            billing_day: BillingDay::default(),
            purchased: None,
            time_zone: options.time_zone,
            day_first: options.day_first,
            status_rules: BTreeMap::new(),
            mapping: BTreeMap::new(),
            profiles: false,
        }
    }
}

impl Settings {
    /// The engine options these settings stand for.
    pub fn options(&self) -> Options {
        let mut options =
            Options { time_zone: self.time_zone.clone(), day_first: self.day_first, ..Options::default() };
        for (value, counted) in &self.status_rules {
            options.rules.set_status(value, *counted);
        }
        options.mapping = self.mapping.clone();
        options
    }

    /// The options the demo is counted with: these settings' options, or the defaults when the
    /// engine refuses them (a remembered time zone it no longer knows).
    pub fn demo_options(&self) -> Options {
        Some(self.options()).filter(|o| o.validate().is_ok()).unwrap_or_default()
    }

    /// The report settings these settings stand for.
    pub fn report_settings(&self) -> ReportSettings {
        ReportSettings {
            as_of: self.as_of,
            billing_day: self.billing_day,
            purchased: self.purchased,
            profiles: self.profiles,
        }
    }
}

impl Notice {
    /// Why options cannot be used: a time zone the engine does not know is said in the language;
    /// other errors (`message`, the engine's English) as written.
    fn options(settings: &Settings, message: String) -> Notice {
        if engine::TimeZone::parse(&settings.time_zone).is_err() {
            Notice::Said("notice-time-zone", vec![("zone", settings.time_zone.clone())])
        } else {
            Notice::Text(message)
        }
    }

    /// Why no file of a run was counted (not an export, a workbook that cannot be read), said in the
    /// language from the engine's message of the first file: "report.pdf looks like a PDF document, not a CSV export".
    fn not_text(problems: &[FileProblem]) -> Notice {
        let Some(message) = problems.first().and_then(|p| p.error.as_ref()) else {
            return Notice::Key("notice-nothing-counted");
        };
        let key = match message.id.as_str() {
            "error-not-csv" => "engine-error-not-csv",
            "error-workbook" => "engine-error-workbook",
            "error-workbook-too-large" => "engine-error-workbook-too-large",
            _ => return Notice::Text(message.to_string()),
        };
        let args = ["file", "looks", "error", "size", "limit"]
            .into_iter()
            .filter_map(|name| message.args.get(name).map(|arg| (name, arg.to_string())))
            .collect();
        Notice::Said(key, args)
    }
}

/// The browser's own time zone (`Europe/Paris`), as the engine names it; `UTC` for the names of UTC
/// and for a zone the engine does not know.
pub fn browser_time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    let zone = js_sys::Reflect::get(&options, &"timeZone".into()).ok().and_then(|z| z.as_string()).unwrap_or_default();
    match engine::TimeZone::parse(&zone) {
        Ok(engine::TimeZone::Named(tz))
            if !matches!(
                zone.as_str(),
                "Etc/UTC"
                    | "Etc/GMT"
                    | "Etc/UCT"
                    | "Etc/Universal"
                    | "Etc/Zulu"
                    | "UCT"
                    | "Universal"
                    | "Zulu"
                    | "GMT"
                    | "Etc/GMT0"
                    | "GMT0"
            ) =>
        {
            tz.name().to_owned()
        }
        _ => "UTC".to_owned(),
    }
}

/// A count that finished, as the page announces it to screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finished {
    pub rows: u64,
    pub files: usize,
    pub active: u64,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerState {
    pub source: Source,
    pub report: Rc<Report>,
    pub settings: Settings,
    pub run: Run,
    /// The number of the last run asked of the worker.
    pub last_run: u32,
    /// The last job for the worker; the app sends it when it changes.
    pub request: Option<Job>,
    /// Files left out of the report, with why (a mapping step for missing columns).
    pub problems: Vec<FileProblem>,
    /// A message for the user about the last action (an unreadable report file, a failed run).
    pub notice: Option<Notice>,
    /// The *Choose columns* panel is open.
    pub choosing_columns: bool,
    /// Explain a profile: the query being read, and the last answer.
    pub explaining: Option<String>,
    /// A query asked while files are being read (or another request is on its way): it is sent once the
    /// count is ready, for the files it counts, so that it is never answered from other files.
    pub explain_pending: Option<String>,
    /// What the polite live region says: the last count that finished (None while reading).
    pub finished: Option<Finished>,
    pub explanation: Option<Explanation>,
    /// The number of the last explain request (its own sequence: it never stops a count).
    pub explain_run: u32,
    /// What produced the report on screen while other files are being read: Cancel goes back to it.
    pub shown: Option<Box<(Source, Vec<FileProblem>)>>,
    /// A deliveries file picked before any log file.
    pub pending_deliveries: Option<FileHandle>,
    /// The report on screen: Campaign's active profiles, or Journey Optimizer's profiles.
    pub tab: Tab,
    /// The Journey Optimizer *Profiles* report: its own source, settings, run and requests.
    pub profiles: ProfilesState,
    /// The Journey Optimizer *Engageable profiles* report: its own source, settings, run and requests.
    pub engageable: EngageableState,
    /// The options the demo on screen was counted with (a new billing day or *Explain* keeps them
    /// while the options typed are ones the engine refuses).
    pub demo_options: Options,
}

impl ViewerState {
    /// The first screen: the demo report, with the remembered settings.
    pub fn new(settings: Settings) -> Self {
        let options = settings.demo_options();
        ViewerState::demo_shown(settings).count_demo(options)
    }

    /// The demo with the report counted at build time on screen (the default settings' report).
    fn demo_shown(settings: Settings) -> Self {
        ViewerState {
            source: Source::Demo,
            report: Rc::new(crate::demo_report::demo_report()),
            settings,
            run: Run::Idle,
            last_run: 0,
            request: None,
            problems: Vec::new(),
            notice: None,
            choosing_columns: false,
            explaining: None,
            explain_pending: None,
            finished: None,
            explanation: None,
            explain_run: 0,
            shown: None,
            pending_deliveries: None,
            tab: Tab::Campaign,
            profiles: ProfilesState::default(),
            engageable: EngageableState::default(),
            demo_options: Options::default(),
        }
    }

    /// True once the report on screen is complete for the current files and settings.
    pub fn ready(&self) -> bool {
        matches!(self.run, Run::Idle)
    }

    /// The demo's report with these options and the report settings in force: the one counted at
    /// build time when both are the defaults, else asked of the worker (the report on screen stays,
    /// marked stale, until it answers). The options are kept for the next billing day or *Explain*.
    fn count_demo(mut self, options: Options) -> Self {
        self.demo_options = options.clone();
        let settings = self.settings.report_settings();
        // A new number either way: the report is new, and an answer still on its way for other
        // settings is late.
        self.last_run += 1;
        match crate::demo_report::for_settings(&options, &settings) {
            Some(report) => {
                self.report = Rc::new(report);
                self.run = Run::Idle;
            }
            None => {
                self.run = Run::Recounting { run: self.last_run };
                self.request = Some(Job::Demo { run: self.last_run, options, settings });
            }
        }
        self
    }

    /// Asks for the current files to be read again (the options changed).
    fn recount_files(mut self) -> Self {
        if let Source::Files { logs, deliveries } = &self.source {
            self.last_run += 1;
            self.finished = None;
            let now = js_now();
            let total = logs.iter().chain(deliveries.iter()).map(|f| f.file.size() as u64).sum();
            self.run = Run::Reading { run: self.last_run, done: 0, total, rows: 0, started_ms: now, now_ms: now };
            self.request = Some(Job::Count {
                run: self.last_run,
                logs: logs.clone(),
                deliveries: deliveries.clone(),
                options: self.settings.options(),
                settings: self.settings.report_settings(),
            });
        }
        self
    }

    /// Shows the report for the current settings without reading again where the state allows it.
    fn report_again(mut self) -> Self {
        match &self.source {
            Source::Demo => {
                let options = self.demo_options.clone();
                return self.count_demo(options);
            }
            Source::Files { .. } if !matches!(self.run, Run::Reading { .. }) => {
                self.last_run += 1;
                self.run = Run::Recounting { run: self.last_run };
                self.request = Some(Job::Recount { run: self.last_run, settings: self.settings.report_settings() });
            }
            // A read in progress: restart it with the new settings.
            Source::Files { .. } => return self.recount_files(),
            Source::ReportFile { .. } => {
                self.notice = Some(Notice::Key("notice-settings-report"));
            }
        }
        self
    }
}

/// The *Open files* panel.
pub enum OpenAction {
    /// Log files (and an optional deliveries file) were picked or dropped.
    Files { logs: Vec<web_sys::File>, deliveries: Option<web_sys::File> },
    /// A deliveries file was picked for the files already open.
    Deliveries(web_sys::File),
    /// A report JSON was read.
    ReportJson { name: String, text: String },
    /// A report file could not be read at all (the browser's error).
    ReportUnreadable { name: String, error: String },
    /// Back to the demo report.
    Demo,
    /// Files dropped or picked, with their first bytes: each goes to the report its content belongs to.
    Given(Vec<Given>),
}

/// The settings form.
pub enum SettingsAction {
    AsOf(Option<NaiveDate>),
    BillingDay(BillingDay),
    Purchased(Option<u64>),
    TimeZone(String),
    DayFirst(bool),
    /// List the active profiles one by one, with their keys, in the report (personal data).
    IncludeProfiles(bool),
}

/// The report's own controls.
pub enum ReportAction {
    /// A Customer-metrics row was chosen: its *To* date becomes the as-of date.
    ChooseSnapshot(NaiveDate),
    /// An unrecognised value was reclassified as counted (true) or excluded.
    Reclassify { field: String, value: String, counted: bool },
}

/// The column-mapping step.
pub enum MappingAction {
    /// Read `field` from the column `header` (None: back to the automatic choice).
    Set { field: String, header: Option<String> },
    /// Use a remembered mapping (added to the one in force).
    Apply(BTreeMap<String, String>),
    /// Open or close the *Choose columns* panel.
    Toggle,
}

/// Explain a profile.
pub enum ExplainAction {
    /// Find the rows of this key or address.
    Ask(String),
    /// Close the answer.
    Close,
}

/// Changes to the state.
pub enum Action {
    Explain(ExplainAction),
    Open(OpenAction),
    Settings(SettingsAction),
    Report(ReportAction),
    Mapping(MappingAction),
    /// The user cancelled the run in progress.
    Cancel,
    /// The worker answered; `now_ms` is when the answer arrived.
    Worker {
        update: Update,
        now_ms: f64,
    },
    /// The app sent the pending request.
    Sent,
    /// Show this report.
    Tab(Tab),
    /// The Journey Optimizer *Profiles* report's own controls.
    Profiles(ProfilesAction),
    /// The Journey Optimizer *Engageable profiles* report's own controls.
    Engageable(EngageableAction),
}

impl Action {
    /// A user's action replaces the last notice; the worker's answers do not.
    fn is_from_user(&self) -> bool {
        !matches!(self, Action::Worker { .. } | Action::Sent)
    }
}

impl Reducible for ViewerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if action.is_from_user() {
            next.notice = None;
        }
        let next = match action {
            Action::Open(open) => next.open(open),
            Action::Settings(change) => {
                let options_before = next.settings.options();
                match change {
                    SettingsAction::AsOf(d) => next.settings.as_of = d,
                    SettingsAction::BillingDay(d) => next.settings.billing_day = d,
                    SettingsAction::Purchased(n) => next.settings.purchased = n,
                    SettingsAction::TimeZone(z) => next.settings.time_zone = z,
                    SettingsAction::DayFirst(b) => next.settings.day_first = b,
                    SettingsAction::IncludeProfiles(b) => next.settings.profiles = b,
                }
                if next.settings.options() == options_before {
                    next.report_again()
                } else {
                    next.reread_or_report()
                }
            }
            Action::Report(ReportAction::ChooseSnapshot(date)) => {
                next.settings.as_of = Some(date);
                next.report_again()
            }
            Action::Report(ReportAction::Reclassify { field, value, counted }) => {
                if field != "status" {
                    next.notice = Some(Notice::Said("notice-status-only", vec![("field", field)]));
                    return Rc::new(next);
                }
                next.settings.status_rules.insert(value, counted);
                next.reread_or_report()
            }
            Action::Mapping(MappingAction::Set { field, header }) => {
                match header {
                    Some(header) => next.settings.mapping.insert(field, header),
                    None => next.settings.mapping.remove(&field),
                };
                next.reread_or_report()
            }
            Action::Mapping(MappingAction::Apply(mapping)) => {
                let before = next.settings.mapping.clone();
                next.settings.mapping.extend(mapping);
                if next.settings.mapping == before {
                    next
                } else {
                    next.notice = Some(Notice::Key("notice-mapped-before"));
                    next.reread_or_report()
                }
            }
            Action::Mapping(MappingAction::Toggle) => {
                next.choosing_columns = !next.choosing_columns;
                next
            }
            Action::Explain(ExplainAction::Ask(query)) => next.explain(query.trim().to_owned()),
            Action::Explain(ExplainAction::Close) => {
                next.explanation = None;
                next.explaining = None;
                next.explain_pending = None;
                next
            }
            Action::Cancel => match next.run {
                Run::Reading { run, .. } => {
                    next.run = Run::Idle;
                    if let Some(shown) = next.shown.take() {
                        (next.source, next.problems) = *shown;
                    }
                    next.request = Some(Job::Cancel { run });
                    next.notice = Some(Notice::Key("notice-cancelled"));
                    next
                }
                Run::Idle | Run::Recounting { .. } => next,
            },
            Action::Worker { update, now_ms } => next.worker(update, now_ms),
            Action::Sent => {
                next.request = None;
                next.profiles.requests.clear();
                next.engageable.requests.clear();
                next
            }
            Action::Tab(tab) => {
                next.tab = tab;
                if tab == Tab::Profiles {
                    next.profiles = next.profiles.with_demo();
                }
                if tab == Tab::Engageable {
                    next.engageable = next.engageable.with_demo();
                }
                next
            }
            Action::Engageable(action) => {
                let (engageable, notice) = next.engageable.act(action);
                next.engageable = engageable;
                next.notice = notice.map(Notice::Key);
                next
            }
            Action::Profiles(action) => {
                let (profiles, notice) = next.profiles.act(action);
                next.profiles = profiles;
                next.notice = notice.map(Notice::Key);
                next
            }
        };
        Rc::new(next.send_pending_explain())
    }
}

impl ViewerState {
    /// Shows a report opened from a file (report.json or a bundle): no files, nothing to count.
    fn open_report(mut self, name: String, report: Report) -> Self {
        self.source = Source::ReportFile { name };
        // Profiles listed in the file are shown; the next files are counted without, unless asked again.
        self.settings.profiles = false;
        self.report = Rc::new(report);
        self.problems.clear();
        self.run = Run::Idle;
        self
    }

    fn open(mut self, open: OpenAction) -> Self {
        match open {
            OpenAction::Files { logs, deliveries } => {
                self.keep_shown();
                let deliveries =
                    deliveries.map(FileHandle::new).or(self.pending_deliveries.take()).or(match &self.source {
                        Source::Files { deliveries, .. } => deliveries.clone(),
                        _ => None,
                    });
                self.source = Source::Files { logs: logs.into_iter().map(FileHandle::new).collect(), deliveries };
                self.problems.clear();
                // A manual mapping belongs to the files it was made for.
                self.settings.mapping.clear();
                self.recount_files()
            }
            OpenAction::Deliveries(file) => match &mut self.source {
                Source::Files { .. } => {
                    self.keep_shown();
                    let Source::Files { deliveries, .. } = &mut self.source else { return self };
                    *deliveries = Some(FileHandle::new(file));
                    self.recount_files()
                }
                _ => {
                    // Kept aside for when log files are opened; the report on screen stays.
                    self.pending_deliveries = Some(FileHandle::new(file));
                    self.notice = Some(Notice::Key("notice-deliveries-ready"));
                    self
                }
            },
            // A report bundle carries its report.json inside.
            OpenAction::ReportJson { name, text } if views::bundle::is_bundle(&text) => {
                match views::bundle::extract_report(&text) {
                    Ok(report) => self.open_report(name, report),
                    Err(error) => {
                        self.notice =
                            Some(Notice::Said("notice-bundle-unreadable", vec![("name", name), ("error", error)]));
                        self
                    }
                }
            }
            // A report JSON, or the aggregate that the `sql` script exported from a warehouse.
            OpenAction::ReportJson { name, text } => match serde_json::from_str::<Report>(&text)
                .or_else(|e| engine::report_from_aggregate(text.as_bytes()).map_err(|_| e))
            {
                Ok(report) if report.format.starts_with("active-profiles-report/") => self.open_report(name, report),
                Ok(_) => {
                    self.notice = Some(Notice::Said("notice-not-a-report", vec![("name", name)]));
                    self
                }
                Err(e) => {
                    self.notice = Some(Notice::Said("notice-not-json", vec![("name", name), ("error", e.to_string())]));
                    self
                }
            },
            OpenAction::ReportUnreadable { name, error } => {
                self.notice = Some(Notice::Said("problem-unreadable", vec![("file", name), ("error", error)]));
                self
            }
            OpenAction::Demo => {
                let settings = self.settings.clone();
                let options = settings.demo_options();
                ViewerState {
                    last_run: self.last_run,
                    explain_run: self.explain_run,
                    tab: self.tab,
                    profiles: self.profiles,
                    engageable: self.engageable,
                    ..ViewerState::demo_shown(settings)
                }
                .count_demo(options)
            }
            OpenAction::Given(given) => {
                let routed = crate::profiles::route(given, self.tab);
                let counts = [routed.logs.len() as u64, routed.records.len() as u64, routed.events.len() as u64];
                if !routed.events.is_empty() {
                    self.engageable = self.engageable.open(routed.events);
                }
                if !routed.records.is_empty() {
                    self.profiles = self.profiles.open(routed.records);
                }
                if !routed.logs.is_empty() {
                    self = self.open(OpenAction::Files { logs: routed.logs, deliveries: None });
                }
                match counts {
                    [0, 0, 0] => {}
                    [0, 0, _] => self.tab = Tab::Engageable,
                    [0, _, 0] => self.tab = Tab::Profiles,
                    [_, 0, 0] => self.tab = Tab::Campaign,
                    [logs, records, 0] => {
                        self.notice = Some(Notice::Counts("notice-split", vec![("logs", logs), ("records", records)]))
                    }
                    [logs, records, events] => {
                        self.notice = Some(Notice::Counts(
                            "notice-split-three",
                            vec![("logs", logs), ("records", records), ("events", events)],
                        ))
                    }
                }
                self
            }
        }
    }

    /// True while the worker is reading files, or a request is on its way to it: an explanation asked
    /// now waits (see [`ViewerState::explain_pending`]).
    pub fn explain_must_wait(&self) -> bool {
        matches!(self.run, Run::Reading { .. }) || self.request.is_some()
    }

    /// Sends the explanation asked during a read once nothing stands in its way.
    fn send_pending_explain(mut self) -> Self {
        if self.explain_must_wait() {
            return self;
        }
        match self.explain_pending.take() {
            Some(query) => self.explain(query),
            None => self,
        }
    }

    /// Asks for the rows of one profile, read again by the worker from the files or the demo.
    /// While files are being read it waits for their count: the worker still holds the previous run;
    /// and while a request is on its way (the page sends one at a time).
    fn explain(mut self, query: String) -> Self {
        if query.is_empty() {
            return self;
        }
        self.explain_pending = None;
        if matches!(self.source, Source::Files { .. } | Source::Demo) && self.explain_must_wait() {
            self.explaining = None;
            self.explain_pending = Some(query);
            return self;
        }
        let as_of = self.settings.as_of.or_else(|| self.report.as_of.as_deref().and_then(|d| d.parse().ok()));
        match &self.source {
            Source::Demo => {
                self.explain_run += 1;
                self.explaining = Some(query.clone());
                let options = self.demo_options.clone();
                self.request = Some(Job::DemoExplain { run: self.explain_run, options, query, as_of });
            }
            Source::Files { .. } => {
                self.explain_run += 1;
                self.explaining = Some(query.clone());
                self.request = Some(Job::Explain { run: self.explain_run, query, as_of });
            }
            Source::ReportFile { .. } => {
                self.notice = Some(Notice::Key("notice-explain-report"));
            }
        }
        self
    }

    /// Remembers what produced the report on screen before other files are read (once per read).
    fn keep_shown(&mut self) {
        if !matches!(self.run, Run::Reading { .. }) {
            self.shown = Some(Box::new((self.source.clone(), self.problems.clone())));
        }
    }

    /// Options changed: files are read again; the demo is counted again (by the worker, unless the
    /// settings are back to the defaults).
    fn reread_or_report(self) -> Self {
        match &self.source {
            Source::Demo => {
                // Options the engine refuses (a time zone it does not know) are said, not replaced.
                if let Err(message) = self.settings.options().validate() {
                    return ViewerState { notice: Some(Notice::options(&self.settings, message)), ..self };
                }
                let options = self.settings.options();
                self.count_demo(options)
            }
            Source::Files { .. } => self.recount_files(),
            Source::ReportFile { .. } => self.report_again(),
        }
    }

    fn worker(mut self, update: Update, now_ms: f64) -> Self {
        if matches!(
            update,
            Update::ProfilesProgress { .. }
                | Update::ProfilesReady { .. }
                | Update::ProfilesFailed { .. }
                | Update::ProfilesExplained { .. }
        ) {
            let (profiles, notice) = self.profiles.worker(update, now_ms);
            self.profiles = profiles;
            if notice.is_some() {
                self.notice = notice;
            }
            return self;
        }
        if matches!(
            update,
            Update::EngageableProgress { .. } | Update::EngageableReady { .. } | Update::EngageableFailed { .. }
        ) {
            let (engageable, notice) = self.engageable.worker(update, now_ms);
            self.engageable = engageable;
            if notice.is_some() {
                self.notice = notice;
            }
            return self;
        }
        if matches!(update, Update::Failed { reason: FailReason::WorkerStopped(_), .. }) {
            self.profiles = self.profiles.worker_stopped();
            self.engageable = self.engageable.worker_stopped();
        }
        let current = |run: u32| run == self.last_run;
        match update {
            Update::Progress { run, done, total, rows } if current(run) => {
                if let Run::Reading { started_ms, .. } = self.run {
                    self.run = Run::Reading { run, done, total, rows, started_ms, now_ms };
                }
            }
            Update::Ready { run, report, problems } if current(run) => {
                self.shown = None;
                if matches!(self.run, Run::Reading { .. }) {
                    let files = report.files.len();
                    self.finished = Some(Finished { rows: report.rows.read, files, active: report.total_active });
                }
                self.report = Rc::new(*report);
                if !problems.is_empty() || matches!(self.run, Run::Reading { .. }) {
                    self.problems = problems;
                }
                self.run = Run::Idle;
            }
            Update::Explained { run, explanation } if run == self.explain_run => {
                self.explaining = None;
                self.explanation = Some(explanation);
            }
            // The explain request's own failure: it never touches the count's run, source or report.
            Update::ExplainFailed { run } if run == self.explain_run => {
                self.explaining = None;
                self.notice = Some(Notice::Key("notice-explain-recount"));
            }
            Update::Failed { run, reason } if current(run) => {
                // As after Cancel: the report on screen is the previous one, so is its source.
                if matches!(self.run, Run::Reading { .. }) {
                    if let Some(shown) = self.shown.take() {
                        (self.source, self.problems) = *shown;
                    }
                }
                self.run = Run::Idle;
                // A worker that died answers no explanation either; other failures are the count's alone.
                if matches!(reason, FailReason::WorkerStopped(_)) {
                    self.explaining = None;
                }
                self.notice = Some(match reason {
                    FailReason::Options(message) => Notice::options(&self.settings, message),
                    FailReason::NothingCounted => Notice::Key("notice-nothing-counted"),
                    FailReason::WorkerStopped(error) => Notice::Said("notice-worker-stopped", vec![("error", error)]),
                    FailReason::NotText(problems) => Notice::not_text(&problems),
                });
            }
            // Late answers of superseded or cancelled runs.
            _ => {}
        }
        self
    }
}
