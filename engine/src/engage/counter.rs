//! The [`EventCounter`]: engagement-event files pushed in chunks, each event placed in the shared windowed store, partial counters merged.
//!
//! A file is JSON (lines or one array, gzip or not: told by its bytes, see
//! [`crate::aep::read`]), CSV with a header (told by its name or by the
//! caller: [`EventCounter::begin_csv`]), or Parquet rows handed in through
//! [`EventCounter::sink`]. A large JSON-lines file may be counted as byte
//! ranges, each by a counter of its own ([`EventCounter::begin_part`], cut and
//! fitted together by [`crate::aep::lines`] as the Profiles counter cuts its
//! files), merged with [`EventCounter::merge_parts`] into the state one pass
//! gives. Every event becomes one counted day of
//! `(sandbox, profile)` on the channel of its journey (dry runs apart) in an
//! [`Activity`], the store that Campaign's [`crate::Counter`] counts
//! delivery-log rows with; the report is a pure function of it and the
//! settings ([`EventCounter::report`]).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::activity::Activity;
use crate::aep::lines::{self, LinesPart, PartEnd, PartRun};
use crate::aep::read::{DocSink, JsonDocs};
use crate::aep::ReadError;
use crate::csvread::{record_strings, DecodedCsv, Record};
use crate::date::{self, Day, LeaveCache, Order, RawDate, Zone};
use crate::engage::columns;
use crate::engage::event::{self, SandboxType};
use crate::fields::normalise;
use crate::message::{Arg, Message};
use crate::options::TimeZone;
use crate::profiles::Batch;
use crate::split::PartsError;

/// What a profile was engaged through: a journey or campaign (`None`: the event names none), and
/// whether the event was a dry run. A channel of the store.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct Journey {
    pub name: Option<String>,
    pub dry_run: bool,
}

/// A sandbox named by the user for files whose events do not name one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sandbox {
    pub name: String,
    pub kind: SandboxType,
}

impl Sandbox {
    /// `NAME` or `NAME:production|development` (the command line's `--sandbox`).
    pub fn parse(s: &str) -> Result<Sandbox, String> {
        let (name, kind) = match s.rsplit_once(':') {
            Some((n, k)) => {
                let kind = SandboxType::parse(k)
                    .ok_or_else(|| format!("sandbox type '{k}' is not production or development"))?;
                (n, kind)
            }
            None => (s, SandboxType::Production),
        };
        let name = name.trim();
        if name.is_empty() {
            return Err("the sandbox has no name".to_string());
        }
        Ok(Sandbox { name: name.to_string(), kind })
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox { name: "prod".to_string(), kind: SandboxType::Production }
    }
}

/// The fields of an event, for a CSV file's header matching and a manual mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventField {
    Time,
    Profile,
    Journey,
    Sandbox,
    SandboxType,
    DryRun,
}

impl EventField {
    pub const ALL: [EventField; 6] = [
        EventField::Time,
        EventField::Profile,
        EventField::Journey,
        EventField::Sandbox,
        EventField::SandboxType,
        EventField::DryRun,
    ];

    /// The field's name in messages and mappings.
    pub fn name(self) -> &'static str {
        match self {
            EventField::Time => "time",
            EventField::Profile => "profile",
            EventField::Journey => "journey or campaign",
            EventField::Sandbox => "sandbox",
            EventField::SandboxType => "sandbox type",
            EventField::DryRun => "dry run",
        }
    }

    /// A field by its name (any case, spaces or underscores).
    pub fn parse(name: &str) -> Option<EventField> {
        let n = normalise(name);
        EventField::ALL.into_iter().find(|f| normalise(f.name()) == n)
    }

    /// CSV headers read as this field, first found wins (section 3), normalised: lower-cased,
    /// letters and digits only. A header is compared by its last dotted segment.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            EventField::Time => &["timestamp", "eventtime", "time", "date"],
            EventField::Profile => &["profileid", "profile", "identity", "email"],
            EventField::Journey => &["journeyversionname", "journeyname", "journey", "campaign", "campaignid"],
            EventField::Sandbox => &["sandbox", "sandboxname"],
            EventField::SandboxType => &["sandboxtype"],
            EventField::DryRun => &["indryrun", "dryrun"],
        }
    }
}

/// How events are read: the report's time zone, the day/month order of slash dates, and a CSV
/// mapping chosen by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventOptions {
    /// `UTC`, a fixed offset or an IANA name (see [`TimeZone`]).
    pub time_zone: String,
    /// Slash dates of a file that never tells its order: day first (the default) or month first.
    pub day_first: bool,
    /// CSV: a field read from the header named here.
    pub mapping: BTreeMap<EventField, String>,
}

impl Default for EventOptions {
    fn default() -> Self {
        EventOptions { time_zone: "UTC".to_string(), day_first: true, mapping: BTreeMap::new() }
    }
}

/// One input file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileState {
    pub name: String,
    pub format: String,
    pub events: u64,
    pub sandbox: Option<Sandbox>,
    /// What its events said of their sandbox.
    #[serde(default)]
    pub sandboxes: FileSandboxes,
}

/// What the events of one file said of their sandbox: the sandboxes they named, and whether some
/// named none (those went to the file's given sandbox, or `prod`). A viewer asks for a sandbox per
/// file only where it is not in the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSandboxes {
    /// The sandboxes named (with their type as placed), in the order first seen.
    pub named: Vec<Sandbox>,
    /// Some events named no sandbox.
    pub unnamed: bool,
}

impl FileSandboxes {
    /// Notes one event's sandbox: the one it named, or `None` when it named none.
    fn note(&mut self, named: Option<&Sandbox>) {
        match named {
            None => self.unnamed = true,
            Some(s) if !self.named.contains(s) => self.named.push(s.clone()),
            Some(_) => {}
        }
    }

    /// Adds what another range of the same file said.
    fn join(&mut self, other: &FileSandboxes) {
        self.unnamed |= other.unnamed;
        for s in &other.named {
            self.note(Some(s));
        }
    }
}

/// Events kept in the report's diagnosis.
pub(crate) const KEEP_REJECTED: usize = 100;

/// Everything a report needs: merged and serialised.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct State {
    /// Groups are (sandbox, sandbox type); channels are [`Journey`]s.
    pub activity: Activity<Journey>,
    pub files: Vec<FileState>,
    pub read: u64,
    pub counted: u64,
    pub rejected: u64,
    /// The first rejected events by (file, line).
    pub rejected_rows: Vec<(u32, u64, Message)>,
    pub warnings: Vec<Message>,
    /// A counter that read one byte range of a file: where it began and stopped, and its dates
    /// that wait for the file's day/month order. (Always written: a counter also travels in
    /// bincode, which cannot skip a field.)
    pub part: Option<PartState>,
}

/// What an ended byte range keeps for [`EventCounter::merge_parts`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PartState {
    end: PartEnd,
    /// The day/month order the range's own dates told first, if any: its later slash dates were
    /// read in it.
    told: Option<Order>,
    /// Slash dates read before that (all of them when it told none), counted once the file's
    /// order is known.
    pending: Vec<Pending>,
}

impl State {
    fn reject(&mut self, file: usize, line: u64, reason: Message) {
        self.read += 1;
        self.rejected += 1;
        if self.rejected_rows.len() < 4 * KEEP_REJECTED {
            self.rejected_rows.push((file as u32, line, reason));
        } else {
            self.trim_rejected();
        }
    }

    fn trim_rejected(&mut self) {
        self.rejected_rows.sort_by_key(|(f, l, _)| (*f, *l));
        self.rejected_rows.truncate(KEEP_REJECTED);
    }
}

/// An event whose slash date waits for its file to tell the day/month order.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Pending {
    group: u32,
    key: Vec<u8>,
    channel: u16,
    raw: RawDate,
    line: u64,
}

/// The day/month order of one file's slash dates.
#[derive(Default)]
struct DateOrder {
    told: Option<Order>,
    pending: Vec<Pending>,
}

/// CSV columns of one file.
#[derive(Clone, Debug, Default)]
struct Cols(BTreeMap<EventField, usize>);

enum Reader {
    Json(JsonDocs),
    Csv { csv: Box<DecodedCsv>, cols: Option<Cols>, error: Option<ReadError> },
}

struct Open {
    reader: Reader,
    order: DateOrder,
    /// A byte range of a JSON-lines file: the bytes of each chunk that belong to it.
    run: Option<PartRun>,
}

/// Per-value lookups of the reading loop.
struct Caches {
    zone: Zone,
    leave: LeaveCache,
    batch: Batch,
    /// The group of the last (file, sandbox, type, named by the event) seen.
    last_group: Option<(usize, String, SandboxType, bool, u32)>,
    /// Channel ids by (journey, dry run).
    channels: HashMap<(String, bool), u16>,
    no_journey: [Option<u16>; 2],
}

impl Default for Caches {
    fn default() -> Self {
        Caches {
            zone: Zone::fixed(0),
            leave: LeaveCache::default(),
            batch: Batch::default(),
            last_group: None,
            channels: HashMap::new(),
            no_journey: [None; 2],
        }
    }
}

/// The state of a count of engagement events: one per thread or worker, merged at the end;
/// serialisable once its files have ended.
pub struct EventCounter {
    options: EventOptions,
    state: State,
    open: HashMap<usize, Open>,
    caches: Caches,
}

impl Clone for EventCounter {
    /// Open files are not kept by a clone.
    fn clone(&self) -> Self {
        let mut c = EventCounter::new(self.options.clone());
        c.state = self.state.clone();
        c
    }
}

impl std::fmt::Debug for EventCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventCounter")
            .field("files", &self.state.files.len())
            .field("events", &self.state.read)
            .field("profiles", &self.state.activity.profiles.len())
            .finish()
    }
}

impl Default for EventCounter {
    fn default() -> Self {
        EventCounter::new(EventOptions::default())
    }
}

/// The day of a time value, or why it has none.
fn day_of(raw: &RawDate, order: Order, zone: &Zone, text: &str) -> Result<Day, Message> {
    raw.resolve(order, zone).ok_or_else(|| bad_time(text))
}

fn bad_time(text: &str) -> Message {
    let shown: String = text.chars().take(64).collect();
    Message::new("event-bad-time").with("value", Arg::Text(shown))
}

impl EventCounter {
    /// A counter with these options; an unknown time zone reads as UTC (check it first with
    /// [`TimeZone::parse`]).
    pub fn new(options: EventOptions) -> Self {
        let zone = TimeZone::parse(&options.time_zone).unwrap_or(TimeZone::Fixed { offset_secs: 0 }).zone();
        EventCounter {
            options,
            state: State::default(),
            open: HashMap::new(),
            caches: Caches { zone, ..Default::default() },
        }
    }

    pub fn options(&self) -> &EventOptions {
        &self.options
    }

    fn add_file(&mut self, name: &str, sandbox: Option<&Sandbox>, reader: Reader) -> usize {
        let id = self.state.files.len();
        self.state.files.push(FileState {
            name: name.to_string(),
            format: String::new(),
            events: 0,
            sandbox: sandbox.cloned(),
            sandboxes: FileSandboxes::default(),
        });
        self.open.insert(id, Open { reader, order: DateOrder::default(), run: None });
        id
    }

    /// Starts a JSON file (lines or an array, gzip or not); `sandbox`: where its events go when
    /// they name no sandbox (default `prod`, production).
    pub fn begin_file(&mut self, name: &str, sandbox: Option<&Sandbox>) -> usize {
        self.add_file(name, sandbox, Reader::Json(JsonDocs::new(name)))
    }

    /// Starts one byte range of a JSON-lines file (see [`LinesPart`]): push the file's bytes from
    /// `part.start` on, in chunks of any size, until [`EventCounter::part_done`] or the end of the
    /// file, then call [`EventCounter::end_file`]. Merge the counters of all the parts of the file
    /// with [`EventCounter::merge_parts`]. A counter that reads a part reads nothing else. Until
    /// the parts are merged, line numbers count from the part's first line, and slash dates that
    /// need the file's day/month order wait (its first range may not tell it).
    pub fn begin_part(&mut self, name: &str, sandbox: Option<&Sandbox>, part: &LinesPart) -> usize {
        let id = self.add_file(name, sandbox, Reader::Json(part.reader(name)));
        if let Some(open) = self.open.get_mut(&id) {
            open.run = Some(PartRun::new(part));
        }
        id
    }

    /// Whether a part has read its last line: push it no more (bytes pushed after are ignored)
    /// and end it. False for a file read whole.
    pub fn part_done(&self, file: usize) -> bool {
        self.open.get(&file).and_then(|o| o.run.as_ref()).is_some_and(PartRun::done)
    }

    /// Starts a CSV file with a header line.
    pub fn begin_csv(&mut self, name: &str, sandbox: Option<&Sandbox>) -> usize {
        let reader = Reader::Csv { csv: Box::new(DecodedCsv::new()), cols: None, error: None };
        self.add_file(name, sandbox, reader)
    }

    /// The next chunk of a file's bytes. A JSON file that cannot be read further (a truncated
    /// gzip, an array never closed) fails with its line; a CSV file without a time or profile
    /// column fails at its header. The events before are counted either way.
    pub fn push(&mut self, file: usize, chunk: &[u8]) -> Result<(), ReadError> {
        self.feed(file, chunk, false)
    }

    /// The end of a file.
    pub fn end_file(&mut self, file: usize) -> Result<(), ReadError> {
        let result = self.feed(file, &[], true);
        if let Some(open) = self.open.remove(&file) {
            match open.run {
                // A part's waiting dates are counted when the parts are merged.
                Some(run) => {
                    let DateOrder { told, pending } = open.order;
                    self.state.part = Some(PartState { end: run.end(result.as_ref().err()), told, pending });
                }
                None => self.settle(file, open.order, true),
            }
        }
        self.state.activity.profiles.flush(&mut self.caches.batch);
        self.state.activity.profiles.compact();
        result
    }

    fn feed(&mut self, file: usize, chunk: &[u8], last: bool) -> Result<(), ReadError> {
        let Some(mut open) = self.open.remove(&file) else { return Ok(()) };
        let chunk = match &mut open.run {
            Some(run) if !last => run.take(chunk),
            _ => chunk,
        };
        if chunk.is_empty() && !last {
            self.open.insert(file, open);
            return Ok(());
        }
        let result = match &mut open.reader {
            Reader::Json(docs) => {
                let mut sink = Sink { counter: self, file, order: &mut open.order };
                if last {
                    docs.finish(&mut sink).map(|format| {
                        self.state.files[file].format = format;
                    })
                } else {
                    docs.push(chunk, &mut sink)
                }
            }
            Reader::Csv { csv, cols, error } => {
                if error.is_none() {
                    let name = self.state.files[file].name.clone();
                    let mut on_record = |rec: &Record<'_>| {
                        if error.is_some() {
                            return;
                        }
                        match cols {
                            None => match self.header(&name, rec) {
                                Ok(c) => *cols = Some(c),
                                Err(e) => *error = Some(e),
                            },
                            Some(c) => self.csv_row(file, &mut open.order, c, rec),
                        }
                    };
                    csv.push(chunk, last, &mut on_record);
                    if last && error.is_none() {
                        self.state.files[file].format = format!("CSV ({})", csv.delimiter_name());
                    }
                }
                match error {
                    Some(e) => Err(e.clone()),
                    None => Ok(()),
                }
            }
        };
        self.open.insert(file, open);
        result
    }

    /// The columns of a CSV header line ([`columns::match_columns`]).
    fn header(&self, name: &str, rec: &Record<'_>) -> Result<Cols, ReadError> {
        let headers = record_strings(rec);
        let error = |message| ReadError { file: name.to_string(), line: Some(rec.line), message };
        let cols = match columns::match_columns(&headers, &self.options.mapping) {
            Ok(cols) => cols,
            Err((field, wanted)) => {
                return Err(error(
                    Message::new("event-mapped-header-missing")
                        .with("field", Arg::Text(field.name().to_string()))
                        .with("header", Arg::Text(wanted))
                        .with("headers", Arg::List(headers)),
                ))
            }
        };
        let missing: Vec<String> = columns::missing(&cols).into_iter().map(|f| f.name().to_string()).collect();
        if !missing.is_empty() {
            return Err(error(
                Message::new("event-missing-fields")
                    .with("fields", Arg::List(missing))
                    .with("headers", Arg::List(headers)),
            ));
        }
        Ok(Cols(cols))
    }

    fn csv_row(&mut self, file: usize, order: &mut DateOrder, cols: &Cols, rec: &Record<'_>) {
        if let Some(problem) = rec.problem {
            self.state.reject(file, rec.line, problem.reason(rec.line));
            return;
        }
        let get = |f: EventField| {
            cols.0.get(&f).map(|&c| String::from_utf8_lossy(rec.get(c))).filter(|v| !v.trim().is_empty())
        };
        let ev = event::Event {
            time: get(EventField::Time),
            profile: get(EventField::Profile),
            journey: get(EventField::Journey),
            sandbox: get(EventField::Sandbox),
            sandbox_type: get(EventField::SandboxType),
            dry_run: get(EventField::DryRun).is_some_and(|d| event::truthy(&d)),
        };
        self.event(file, rec.line, order, &ev);
    }

    /// Places one event, or rejects it.
    fn event(&mut self, file: usize, line: u64, order: &mut DateOrder, ev: &event::Event<'_>) {
        let Some(profile) = ev.profile.as_deref().map(str::trim).filter(|p| !p.is_empty()) else {
            self.state.reject(file, line, Message::new("event-no-profile"));
            return;
        };
        let Some(time) = ev.time.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            self.state.reject(file, line, Message::new("event-no-time"));
            return;
        };
        let Some(raw) = date::parse(time.as_bytes()) else {
            self.state.reject(file, line, bad_time(time));
            return;
        };
        let group = self.group_of(file, ev);
        let channel = self.channel_of(ev.journey.as_deref(), ev.dry_run);
        self.state.files[file].events += 1;
        if order.told.is_none() {
            if let Some(o) = raw.tells().filter(|o| raw.resolve(*o, &self.caches.zone).is_some()) {
                let pending = std::mem::take(&mut order.pending);
                order.told = Some(o);
                self.settle(file, DateOrder { told: Some(o), pending }, false);
            } else if raw.ambiguous() {
                order.pending.push(Pending { group, key: profile.as_bytes().to_vec(), channel, raw, line });
                return;
            }
        }
        let o = order.told.unwrap_or(Order::DayFirst);
        match day_of(&raw, o, &self.caches.zone, time) {
            Ok(day) => self.count(group, profile.as_bytes(), channel, day),
            Err(m) => {
                self.state.files[file].events -= 1;
                self.state.reject(file, line, m);
            }
        }
    }

    /// Counts the events that waited for their file's day/month order: in the order the file
    /// told, or (at its end, `last`) in the user's, with a warning.
    fn settle(&mut self, file: usize, waiting: DateOrder, last: bool) {
        if waiting.pending.is_empty() {
            return;
        }
        let o = waiting.told.unwrap_or_else(|| self.user_order());
        if last && waiting.told.is_none() {
            self.order_warning(file, o);
        }
        for p in waiting.pending {
            match p.raw.resolve(o, &self.caches.zone) {
                Some(day) => self.count(p.group, &p.key, p.channel, day),
                None => {
                    self.state.files[file].events -= 1;
                    let text = format!("{:02}/{:02}/{:04}", p.raw.a, p.raw.b, p.raw.y);
                    self.state.reject(file, p.line, bad_time(&text));
                }
            }
        }
    }

    /// The order of slash dates in a file that never tells it: the user's.
    fn user_order(&self) -> Order {
        if self.options.day_first {
            Order::DayFirst
        } else {
            Order::MonthFirst
        }
    }

    /// Says that a file's slash dates were read in the user's order, `o`.
    fn order_warning(&mut self, file: usize, o: Order) {
        let id = if o == Order::DayFirst { "warning-day-first" } else { "warning-month-first" };
        self.state.warnings.push(Message::new(id).file(&self.state.files[file].name));
    }

    fn count(&mut self, group: u32, key: &[u8], channel: u16, day: Day) {
        self.state.read += 1;
        self.state.counted += 1;
        let Caches { batch, leave, .. } = &mut self.caches;
        self.state.activity.count(batch, leave, group, key, channel, day);
    }

    fn group_of(&mut self, file: usize, ev: &event::Event<'_>) -> u32 {
        let named = ev.sandbox.as_deref().map(str::trim);
        let given = self.state.files[file].sandbox.as_ref();
        let name = named.or(given.map(|s| s.name.as_str())).unwrap_or("prod");
        let kind = match ev.sandbox_type.as_deref().and_then(SandboxType::parse) {
            Some(k) => k,
            None => given.filter(|s| s.name == name).map_or(SandboxType::Production, |s| s.kind),
        };
        if let Some((f, n, k, was_named, g)) = &self.caches.last_group {
            if *f == file && n == name && *k == kind && *was_named == named.is_some() {
                return *g;
            }
        }
        let g = self.state.activity.group(name, kind.as_str());
        let sandbox = Sandbox { name: name.to_string(), kind };
        // Said once per file and (sandbox, type, named): the cache above holds the rest.
        self.state.files[file].sandboxes.note(named.is_some().then_some(&sandbox));
        self.caches.last_group = Some((file, sandbox.name, kind, named.is_some(), g));
        g
    }

    fn channel_of(&mut self, journey: Option<&str>, dry_run: bool) -> u16 {
        let journey = journey.map(str::trim).filter(|j| !j.is_empty());
        let Some(name) = journey else {
            if let Some(c) = self.caches.no_journey[dry_run as usize] {
                return c;
            }
            let c = self.state.activity.channel(&Journey { name: None, dry_run });
            self.caches.no_journey[dry_run as usize] = Some(c);
            return c;
        };
        if let Some(&c) = self.caches.channels.get(&(name.to_string(), dry_run)) {
            return c;
        }
        let c = self.state.activity.channel(&Journey { name: Some(name.to_string()), dry_run });
        self.caches.channels.insert((name.to_string(), dry_run), c);
        c
    }

    /// Where the documents of a file go, for readers of other formats (Parquet rows as JSON).
    pub fn sink(&mut self, file: usize) -> impl DocSink + '_ {
        let order = self.open.get_mut(&file).map(|o| std::mem::take(&mut o.order)).unwrap_or_default();
        OwnedSink { counter: self, file, order }
    }

    /// Ends a file read through [`EventCounter::sink`], naming its format (`Parquet`).
    pub fn end_docs(&mut self, file: usize, format: &str) {
        if let Some(open) = self.open.remove(&file) {
            self.settle(file, open.order, true);
        }
        if let Some(f) = self.state.files.get_mut(file) {
            f.format = format.to_string();
        }
        self.state.activity.profiles.flush(&mut self.caches.batch);
        self.state.activity.profiles.compact();
    }

    /// A file that could not be read: said in the report's warnings.
    pub fn warn(&mut self, warning: Message) {
        self.state.warnings.push(warning);
    }

    /// Adds another counter's files and events, as if this one had read them after its own.
    /// Both must have the same options. Files still open in `other` are dropped.
    pub fn merge(&mut self, mut other: EventCounter) {
        // A part merged as a file of its own: its waiting dates are read as a whole file's.
        other.settle_part(None, true);
        if self.state.files.is_empty() && self.state.warnings.is_empty() && self.state.activity.is_empty() {
            other.state.activity.profiles.flush(&mut other.caches.batch);
            self.state = other.state;
            self.caches.last_group = None;
            self.caches.channels.clear();
            self.caches.no_journey = [None; 2];
            return;
        }
        let shift = self.state.files.len() as u32;
        let files = self.add_counts(other, |file, line| (file + shift, line));
        self.state.files.extend(files);
    }

    /// Merges the counters of all the parts of one file (see [`EventCounter::begin_part`]), in
    /// any order, into the state one pass over the file gives: the file once, with its line
    /// numbers, and its slash dates read in the order the file tells first (or the user's, with
    /// the warning a whole file gives). Sorts `parts` by start and empties it on success.
    ///
    /// When a part stopped on a read error, the parts after it are left out (as one pass stops
    /// there) and the error is returned with its line in the file: say it as a whole file's.
    /// When two parts' dates tell different day/month orders, nothing is merged
    /// ([`PartsError::Invalid`]: the later part read its dates in its own order, where one pass
    /// rejects them); read the file whole.
    pub fn merge_parts(&mut self, parts: &mut Vec<EventCounter>) -> Result<Option<ReadError>, PartsError> {
        let invalid = |m: &str| Err(PartsError::Invalid(m.to_string()));
        if parts.is_empty() {
            return invalid("no parts to merge");
        }
        if parts.iter().any(|c| c.state.part.is_none() || c.state.files.len() != 1 || !c.open.is_empty()) {
            return invalid("a counter given as a part did not read one part of a file, or read more");
        }
        parts.sort_by_key(|c| c.state.part.as_ref().map(|p| (p.end.part.start, p.end.part.end)));
        let name = &parts[0].state.files[0].name;
        if parts.iter().any(|c| &c.state.files[0].name != name) {
            return invalid("the parts are not the parts of one file, or leave a gap");
        }
        let states: Vec<&PartState> = parts.iter().filter_map(|c| c.state.part.as_ref()).collect();
        let ends: Vec<&PartEnd> = states.iter().map(|s| &s.end).collect();
        let lines::Fit { last, shifts, error } = lines::fit(&ends, name)?;
        let mut told = states[..=last].iter().filter_map(|s| s.told);
        let order = told.next();
        if told.any(|o| Some(o) != order) {
            return invalid("the parts' dates tell different day/month orders");
        }
        let waited = states[..=last].iter().any(|s| !s.pending.is_empty());
        let mut counters = std::mem::take(parts).into_iter().take(last + 1);
        let Some(mut whole) = counters.next() else { return invalid("no parts to merge") };
        whole.settle_part(order, false);
        for (mut c, shift) in counters.zip(shifts.into_iter().skip(1)) {
            c.settle_part(order, false);
            whole.absorb(c, shift);
        }
        if order.is_none() && waited {
            let o = whole.user_order();
            whole.order_warning(0, o);
        }
        self.merge(whole);
        Ok(error)
    }

    /// Ends a part's wait: its slash dates that waited are counted in the file's order `order`
    /// (else the one the part told, else the user's, said when `warn`), with the part's own line
    /// numbers.
    fn settle_part(&mut self, order: Option<Order>, warn: bool) {
        if let Some(part) = self.state.part.take() {
            self.settle(0, DateOrder { told: order.or(part.told), pending: part.pending }, warn);
        }
    }

    /// Adds the next part of the same file: its events, and its rejected lines moved down by the
    /// lines of the parts before it (`shift`).
    fn absorb(&mut self, other: EventCounter, shift: u64) {
        let files = self.add_counts(other, |file, line| (file, line.saturating_add(shift)));
        if let (Some(f), Some(g)) = (self.state.files.first_mut(), files.first()) {
            f.events += g.events;
            f.sandboxes.join(&g.sandboxes);
        }
    }

    /// Adds another counter's profiles, counts, rejected events (their file and line moved by
    /// `moved`) and warnings to this one's, and hands back its files for the caller to place.
    fn add_counts(&mut self, mut other: EventCounter, moved: impl Fn(u32, u64) -> (u32, u64)) -> Vec<FileState> {
        other.state.activity.profiles.flush(&mut other.caches.batch);
        self.state.activity.profiles.flush(&mut self.caches.batch);
        let o = other.state;
        self.state.activity.merge(&o.activity);
        self.state.read += o.read;
        self.state.counted += o.counted;
        self.state.rejected += o.rejected;
        self.state.rejected_rows.extend(o.rejected_rows.into_iter().map(|(f, l, m)| {
            let (f, l) = moved(f, l);
            (f, l, m)
        }));
        self.state.trim_rejected();
        self.state.warnings.extend(o.warnings);
        o.files
    }

    /// Events read (counted and rejected).
    pub fn events(&self) -> u64 {
        self.state.read
    }

    /// Distinct (sandbox, profile) pairs.
    pub fn profiles(&self) -> usize {
        self.state.activity.profiles.len()
    }

    /// What the events of `file` (its id from [`EventCounter::begin_file`] or
    /// [`EventCounter::begin_csv`]) said of their sandbox so far.
    pub fn file_sandboxes(&self, file: usize) -> Option<&FileSandboxes> {
        self.state.files.get(file).map(|f| &f.sandboxes)
    }

    /// The files begun so far: the next file's id.
    pub fn file_count(&self) -> usize {
        self.state.files.len()
    }

    pub(crate) fn state(&self) -> &State {
        &self.state
    }
}

struct Sink<'a> {
    counter: &'a mut EventCounter,
    file: usize,
    order: &'a mut DateOrder,
}

impl DocSink for Sink<'_> {
    fn doc(&mut self, line: u64, json: &[u8]) {
        match event::parse(json) {
            Ok(ev) => self.counter.event(self.file, line, self.order, &ev),
            Err(reason) => self.counter.state.reject(self.file, line, reason),
        }
    }

    fn reject(&mut self, line: u64, reason: Message) {
        self.counter.state.reject(self.file, line, reason);
    }
}

/// A sink that keeps its file's date order itself (files read through [`EventCounter::sink`]).
struct OwnedSink<'a> {
    counter: &'a mut EventCounter,
    file: usize,
    order: DateOrder,
}

impl DocSink for OwnedSink<'_> {
    fn doc(&mut self, line: u64, json: &[u8]) {
        Sink { counter: self.counter, file: self.file, order: &mut self.order }.doc(line, json);
    }

    fn reject(&mut self, line: u64, reason: Message) {
        self.counter.state.reject(self.file, line, reason);
    }
}

impl Drop for OwnedSink<'_> {
    fn drop(&mut self) {
        let order = std::mem::take(&mut self.order);
        if let Some(open) = self.counter.open.get_mut(&self.file) {
            open.order = order;
        }
    }
}

#[derive(Serialize)]
struct SavedRef<'a> {
    options: &'a EventOptions,
    state: &'a State,
}

#[derive(Deserialize)]
struct Saved {
    options: EventOptions,
    state: State,
}

impl Serialize for EventCounter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SavedRef { options: &self.options, state: &self.state }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for EventCounter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let saved = Saved::deserialize(d)?;
        let a = &saved.state.activity;
        let part_fits = saved.state.part.as_ref().is_none_or(|p| {
            saved.state.files.len() == 1
                && p.pending
                    .iter()
                    .all(|w| (w.group as usize) < a.groups.len() && (w.channel as usize) < a.channels.len())
        });
        if !a.profiles.consistent(a.groups.len(), a.channels.len())
            || saved.state.rejected_rows.iter().any(|(f, _, _)| *f as usize >= saved.state.files.len())
            || !part_fits
        {
            return Err(serde::de::Error::custom("inconsistent counter state"));
        }
        let mut c = EventCounter::new(saved.options);
        c.state = saved.state;
        Ok(c)
    }
}
