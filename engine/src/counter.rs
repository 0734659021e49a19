//! The mergeable counting state: files pushed in chunks, rows classified and counted, partial states merged.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::activity::Activity;
use crate::classify::{self, Classifier, Failure, Status, ValueCache};
use crate::csvread::{record_strings, DecodedCsv, Problem, Record};
use crate::date::{self, LeaveCache, Order, RawDate};
use crate::deliveries::Deliveries;
use crate::explain::ExplainedRow;
use crate::fields::{match_headers, Field, FIELDS};
use crate::message::{Arg, Message};
use crate::options::TimeZone;
use crate::profiles::{address_tag, stable_hash, Batch};
use crate::report::{FileSummary, RejectedRow};
use crate::split::{Head, Part, PartState, PartsError, Redo};
use crate::{FastMap, Options, Report, ReportSettings};

/// A file being read, handed out by [`Counter::begin_file`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(usize);

/// Why a file cannot be read at all. Bad rows never cause one: they are rejected and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Required fields have no column: the user has to map them by hand.
    MissingFields {
        file: String,
        /// Field names (`"event date"`, `"profile key or address"`).
        missing: Vec<String>,
        /// The file's headers as written.
        headers: Vec<String>,
    },
    /// A manual mapping names a header that the file does not have.
    MappedHeaderMissing { file: String, field: String, header: String, headers: Vec<String> },
    /// The header line cannot be read: longer than 1 MiB, more than 10 000 fields, or a quote never closed.
    BadHeader { file: String, reason: Message },
    /// Counting this file would go past [`crate::Options::max_profiles`] distinct profiles.
    TooManyProfiles { file: String, line: u64, limit: usize },
    /// The options cannot be used (an unsupported time zone, an unknown field name).
    InvalidOptions(String),
    /// The file id was not handed out by this counter, or the file has ended.
    UnknownFile,
}

impl FileError {
    /// The headers found in the file, for a mapping step.
    pub fn headers(&self) -> &[String] {
        match self {
            FileError::MissingFields { headers, .. } | FileError::MappedHeaderMissing { headers, .. } => headers,
            _ => &[],
        }
    }
}

impl FileError {
    /// The error as a message that can be said in another language; its English is the error's `Display`.
    pub fn message(&self) -> Message {
        match self {
            FileError::MissingFields { file, missing, headers } => Message::new("error-missing-fields")
                .file(file)
                .with("fields", Arg::Fields(missing.clone()))
                .with("headers", Arg::List(headers.clone())),
            FileError::MappedHeaderMissing { file, field, header, headers } => {
                Message::new("error-mapped-header-missing")
                    .file(file)
                    .with("field", Arg::Field(field.clone()))
                    .with("header", Arg::Text(header.clone()))
                    .with("headers", Arg::List(headers.clone()))
            }
            FileError::BadHeader { file, reason } => {
                Message::new("error-bad-header").file(file).with("reason", Arg::Message(Box::new(reason.clone())))
            }
            FileError::TooManyProfiles { file, line, limit } => Message::new("error-too-many-profiles")
                .file(file)
                .with("line", Arg::Line(*line))
                .with("limit", Arg::Number(*limit as u64)),
            FileError::InvalidOptions(m) => Message::new("error-other").with("text", Arg::Text(m.clone())),
            FileError::UnknownFile => Message::new("error-unknown-file"),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for FileError {}

/// Excluded-row reasons, in the spec's order.
pub(crate) const REASONS: [&str; 5] = ["proof", "social", "control", "status", "failure_reason"];

const MAX_REJECTED: usize = 100;

/// Everything that a report needs: the part of a counter that is merged and serialised.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct State {
    /// The profiles counted: groups are (instance, target dimension), channels their names.
    pub activity: Activity<String>,
    pub read: u64,
    pub counted: u64,
    pub excluded: [u64; 5],
    pub rejected: u64,
    #[serde(deserialize_with = "strict_rejected_rows")]
    pub rejected_rows: Vec<RejectedRow>,
    /// field -> value -> rows.
    pub unrecognised: BTreeMap<String, BTreeMap<String, u64>>,
    /// Said in the report's English by `Display`.
    pub warnings: Vec<Message>,
    pub files: Vec<FileSummary>,
    /// The part of a file this counter read, when it read one (see [`Counter::begin_part`]).
    pub part: Option<Box<PartState>>,
}

/// Reads a state's rejected rows. A report reads a row's message leniently (through a JSON
/// value), which only self-describing formats allow; a counter's state is read strictly, so that
/// it also travels between workers in a compact format such as bincode.
fn strict_rejected_rows<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RejectedRow>, D::Error> {
    #[derive(Deserialize)]
    struct Row {
        file: String,
        line: u64,
        reason: String,
        message: Option<Message>,
    }
    let rows = Vec::<Row>::deserialize(d)?;
    Ok(rows
        .into_iter()
        .map(|r| RejectedRow { file: r.file, line: r.line, reason: r.reason, message: r.message })
        .collect())
}

impl State {
    fn unrecognised(&mut self, field: &str, value: &[u8]) {
        let value = String::from_utf8_lossy(value);
        let map = match self.unrecognised.get_mut(field) {
            Some(m) => m,
            None => self.unrecognised.entry(field.to_string()).or_default(),
        };
        match map.get_mut(value.as_ref()) {
            Some(n) => *n += 1,
            None => {
                map.insert(value.into_owned(), 1);
            }
        }
    }

    fn trim_rejected(&mut self) {
        self.rejected_rows.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        self.rejected_rows.truncate(MAX_REJECTED);
    }
}

/// Column index of each field in one file.
#[derive(Clone, Copy, Debug, Default)]
struct Cols {
    key: Option<usize>,
    date: Option<usize>,
    status: Option<usize>,
    reason: Option<usize>,
    delivery: Option<usize>,
    channel: Option<usize>,
    dimension: Option<usize>,
    address: Option<usize>,
    transactional: Option<usize>,
    proof: Option<usize>,
    seed: Option<usize>,
    control: Option<usize>,
    instance: Option<usize>,
}

/// A row whose date waits for the file's day/month order.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(crate) struct Pending {
    /// Profile and channel, or `u32::MAX` for an excluded row (only the data range needs its date).
    id: u32,
    channel: u16,
    raw: RawDate,
}

struct FileCtx {
    name: String,
    instance: u32,
    cols: Option<Cols>,
    columns: BTreeMap<String, String>,
    error: Option<FileError>,
    order: Option<Order>,
    pending: Vec<Pending>,
    ambiguous: bool,
    rows: u64,
    /// The last date field and how it parsed: consecutive rows often share it.
    last_date: (Vec<u8>, Option<RawDate>),
    /// Whether the current row is one that [`crate::Explain`] looks for.
    probe_hit: bool,
    /// Explained rows whose date waits for the file's day/month order.
    probe_pending: Vec<(usize, RawDate)>,
    /// Rejected rows whose reason names lines, kept when the file is read in parts (their lines move at the merge).
    problems: Option<Vec<(u64, Problem)>>,
}

struct OpenFile {
    csv: DecodedCsv,
    ctx: FileCtx,
    /// Set when the file is read as one part of several.
    run: Option<PartRun>,
}

/// Where a part stands in its range.
struct PartRun {
    part: Part,
    line_break: u8,
    /// The file offset of the next byte pushed.
    pos: u64,
    /// The file offset of the first byte counted, once found.
    begin: Option<u64>,
    /// The file offset after the last byte counted, once the part has read enough.
    stop: Option<u64>,
}

/// Per-value lookups, derived from the options and rebuilt on demand.
#[derive(Default)]
struct Caches {
    status: ValueCache<Status>,
    failure: ValueCache<Failure>,
    channel: ValueCache<(u16, bool)>,
    dimension: ValueCache<u32>,
    instance: ValueCache<u32>,
    delivery: ValueCache<u32>,
    delivery_channel: FastMap<u32, (u16, bool)>,
    delivery_dimension: FastMap<u32, u32>,
    names: Vec<String>,
    name_index: FastMap<String, u32>,
    group_of: FastMap<(u32, u32), u32>,
    leave: LeaveCache,
    scratch: Vec<u8>,
    batch: Batch,
    last_group: Option<(u32, u32, u32)>,
}

impl Caches {
    fn name(&mut self, s: &str) -> u32 {
        if let Some(i) = self.name_index.get(s) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.name_index.insert(s.to_string(), i);
        i
    }
}

/// The reading and counting machinery (everything but the open files).
struct Engine {
    options: Options,
    manual: BTreeMap<Field, String>,
    zone: date::Zone,
    options_error: Option<String>,
    classifier: Classifier,
    deliveries: Option<Deliveries>,
    state: State,
    caches: Caches,
    anonymous: u32,
    recipients: u32,
    /// The key or address that [`crate::Explain`] looks for, and the rows found.
    pub(crate) probe: Option<(Vec<u8>, Vec<ExplainedRow>)>,
}

/// Partial counting state over the files pushed so far.
///
/// See the crate documentation for a guide. A counter is `Serialize` and
/// `Deserialize` so that partial states can travel between web workers;
/// files still open are not part of the serialised state.
pub struct Counter {
    engine: Engine,
    files: Vec<Option<OpenFile>>,
}

impl Clone for Counter {
    /// Clones the counted state; files still open are not cloned.
    fn clone(&self) -> Self {
        let mut c = Counter::new(self.engine.options.clone());
        c.engine.deliveries = self.engine.deliveries.clone();
        c.engine.state = self.engine.state.clone();
        c
    }
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("profiles", &self.engine.state.activity.profiles.len())
            .field("rows", &self.engine.state.read)
            .finish()
    }
}

impl Default for Counter {
    fn default() -> Self {
        Counter::new(Options::default())
    }
}

impl Counter {
    /// A counter with these options. Invalid options (see [`Options::validate`])
    /// make every file fail with [`FileError::InvalidOptions`]; use [`Counter::try_new`] to learn it at once.
    pub fn new(options: Options) -> Self {
        let options_error = options.validate().err();
        let zone = TimeZone::parse(&options.time_zone).unwrap_or(TimeZone::Fixed { offset_secs: 0 }).zone();
        let manual = options
            .mapping
            .iter()
            .filter_map(|(field, header)| Field::parse(field).map(|f| (f, header.clone())))
            .collect();
        let mut caches = Caches::default();
        let anonymous = caches.name("Anonymous");
        let recipients = caches.name("Recipients");
        Counter {
            engine: Engine {
                classifier: Classifier::new(&options.rules),
                options,
                manual,
                zone,
                options_error,
                deliveries: None,
                state: State::default(),
                caches,
                anonymous,
                recipients,
                probe: None,
            },
            files: Vec::new(),
        }
    }

    /// A counter, or the reason its options cannot be used.
    pub fn try_new(options: Options) -> Result<Self, String> {
        options.validate()?;
        Ok(Counter::new(options))
    }

    /// The options this counter reads with.
    pub fn options(&self) -> &Options {
        &self.engine.options
    }

    /// Joins log rows to this deliveries table. Set it before pushing log files.
    pub fn set_deliveries(&mut self, deliveries: Deliveries) {
        self.engine.deliveries = Some(deliveries);
        self.engine.caches.delivery = ValueCache::default();
        self.engine.caches.delivery_channel.clear();
        self.engine.caches.delivery_dimension.clear();
    }

    /// Starts a log file. Rows without an instance column belong to `instance`, else to the options' default instance.
    pub fn begin_file(&mut self, name: &str, instance: Option<&str>) -> FileId {
        let e = &mut self.engine;
        let instance =
            instance.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&e.options.default_instance).to_string();
        let instance = e.caches.name(&instance);
        let error = e.options_error.clone().map(FileError::InvalidOptions);
        self.files.push(Some(OpenFile {
            csv: DecodedCsv::new(),
            ctx: FileCtx {
                name: name.to_string(),
                instance,
                cols: None,
                columns: BTreeMap::new(),
                error,
                order: None,
                pending: Vec::new(),
                ambiguous: false,
                rows: 0,
                last_date: (Vec::new(), None),
                probe_hit: false,
                probe_pending: Vec::new(),
                problems: None,
            },
            run: None,
        }));
        FileId(self.files.len() - 1)
    }

    /// Starts one part of a file cut by [`crate::Split`]: `head` is the file's first bytes (at
    /// least [`Part::head_len`] of them). Push the file's bytes from [`Part::start`] on until
    /// [`Counter::part_done`] or the end of the file, then call [`Counter::end_file`]; merge the
    /// counters of all the parts with [`Counter::merge_parts`]. A counter that reads a part reads
    /// nothing else.
    ///
    /// A part fails like its file does (a header that cannot be mapped, [`FileError::BadHeader`]
    /// when `head` is not the file's head). The line of [`FileError::TooManyProfiles`] is counted
    /// from the part's first record.
    pub fn begin_part(&mut self, name: &str, instance: Option<&str>, head: &[u8], part: &Part) -> FileId {
        let id = self.begin_file(name, instance);
        let Some(open) = self.files.get_mut(id.0).and_then(Option::as_mut) else {
            return id;
        };
        open.ctx.problems = Some(Vec::new());
        let head = head.get(..part.head_len as usize).filter(|h| Head::exact(h).is_some());
        let whole = part.start == 0 && part.end >= part.file_len;
        let mut run = PartRun { part: part.clone(), line_break: b'\n', pos: part.start, begin: None, stop: None };
        match head {
            Some(h) => run.line_break = Head::exact(h).map_or(b'\n', |x| x.line_break),
            None if whole => {}
            None => {
                if open.ctx.error.is_none() {
                    open.ctx.error = Some(FileError::BadHeader {
                        file: name.to_string(),
                        reason: Message::new("error-other").with(
                            "text",
                            Arg::Text("the head given for a part of the file is not the file's header line".into()),
                        ),
                    });
                }
            }
        }
        if part.start > 0 {
            if let Some(h) = head {
                // The head sets up the decoder, the delimiter, the line endings and the columns.
                let OpenFile { csv, ctx, .. } = open;
                let engine = &mut self.engine;
                // `Head::exact` made sure that the head is one record; only that one is read.
                let mut records = 0;
                let mut header = |rec: &Record<'_>| {
                    if records == 0 {
                        engine.record(ctx, rec);
                    }
                    records += 1;
                };
                csv.push(h, false, &mut header);
                csv.csv.end_head(&mut header);
                if ctx.cols.is_none() && ctx.error.is_none() {
                    ctx.error = Some(FileError::BadHeader {
                        file: name.to_string(),
                        reason: Message::new("error-other").with("text", Arg::Text("no header line".into())),
                    });
                }
                csv.csv.restart_lines();
                csv.decoder.begin_range(part.windows_1252());
                ctx.order = part.order();
            }
        }
        if part.exact() {
            run.begin = Some(part.start);
        }
        open.run = Some(run);
        id
    }

    /// Whether a part has read up to the end of its last record: push it no more and end it.
    /// (Bytes pushed past that point are ignored.) False for a file read whole.
    pub fn part_done(&self, file: FileId) -> bool {
        self.files.get(file.0).and_then(Option::as_ref).and_then(|f| f.run.as_ref()).is_some_and(|r| r.stop.is_some())
    }

    /// Pushes the next chunk of a file; chunks may be cut anywhere.
    ///
    /// Fails when the header line cannot be mapped (the error names the
    /// missing fields and the headers found); later pushes of that file fail the same way.
    pub fn push(&mut self, file: FileId, chunk: &[u8]) -> Result<(), FileError> {
        self.feed(file, chunk, false)
    }

    /// Ends a file: flushes the last record and settles the file's day/month order.
    pub fn end_file(&mut self, file: FileId) -> Result<(), FileError> {
        let done = self.part_done(file);
        self.feed(file, &[], true)?;
        let Some(open) = self.files.get_mut(file.0).and_then(Option::take) else {
            return Err(FileError::UnknownFile);
        };
        let OpenFile { csv, mut ctx, run } = open;
        if let Some(run) = run {
            self.end_part(csv, ctx, run, done);
            return Ok(());
        }
        let e = &mut self.engine;
        if ctx.cols.is_none() {
            e.state.warnings.push(Message::new("warning-empty-file").file(&ctx.name));
        } else if ctx.rows == 0 {
            e.state.warnings.push(Message::new("warning-no-rows").file(&ctx.name));
        }
        if !ctx.pending.is_empty() || (ctx.ambiguous && ctx.order.is_none()) {
            let order = if e.options.day_first { Order::DayFirst } else { Order::MonthFirst };
            let id = if e.options.day_first { "warning-day-first" } else { "warning-month-first" };
            e.state.warnings.push(Message::new(id).file(&ctx.name));
            e.flush_pending(&mut ctx, order);
        }
        let st = &mut e.state;
        if let Some(id) = csv.decoder.facts().warning() {
            st.warnings.push(Message::new(id).file(&ctx.name));
        }
        st.activity.profiles.compact();
        st.files.push(FileSummary {
            name: ctx.name,
            encoding: csv.decoder.encoding(),
            delimiter: csv.delimiter_name(),
            rows: ctx.rows,
            columns: ctx.columns,
        });
        Ok(())
    }

    /// Keeps what an ended part knows for [`Counter::merge_parts`]; its pending dates wait for the file's order.
    fn end_part(&mut self, csv: DecodedCsv, mut ctx: FileCtx, run: PartRun, done: bool) {
        let st = &mut self.engine.state;
        let stop = if done { run.stop.unwrap_or(run.pos) } else { run.pos };
        let listed: std::collections::BTreeSet<u64> = st.rejected_rows.iter().map(|r| r.line).collect();
        let mut problems = ctx.problems.take().unwrap_or_default();
        problems.retain(|(line, _)| listed.contains(line));
        st.activity.profiles.compact();
        st.part = Some(Box::new(PartState {
            part: Some(run.part),
            name: ctx.name,
            begin: run.begin.unwrap_or(stop),
            stop,
            at_eof: !done,
            lines: csv.csv.line().saturating_sub(1),
            rows: ctx.rows,
            header: ctx.cols.is_some(),
            order: ctx.order,
            ambiguous: ctx.ambiguous && ctx.order.is_none(),
            pending: ctx.pending,
            problems,
            decoder: csv.decoder.facts(),
            delimiter: csv.delimiter_name(),
            columns: ctx.columns,
        }));
    }

    fn feed(&mut self, file: FileId, chunk: &[u8], last: bool) -> Result<(), FileError> {
        let Some(open) = self.files.get_mut(file.0).and_then(Option::as_mut) else {
            return Err(FileError::UnknownFile);
        };
        if let Some(err) = &open.ctx.error {
            return Err(err.clone());
        }
        let OpenFile { csv, ctx, run } = open;
        let engine = &mut self.engine;
        {
            let mut on_record = |rec: &Record<'_>| engine.record(ctx, rec);
            match run {
                None => csv.push(chunk, last, &mut on_record),
                Some(run) => run.feed(csv, chunk, last, &mut on_record),
            }
        }
        engine.state.activity.profiles.flush(&mut engine.caches.batch);
        match &ctx.error {
            Some(err) => Err(err.clone()),
            None => Ok(()),
        }
    }

    /// Adds another partial state: the result is the state one pass over both inputs would have given.
    /// Both counters must have been made with the same options. Files still open in `other` are dropped.
    /// The counter of a part of a file (see [`Counter::begin_part`]) is merged with [`Counter::merge_parts`] instead.
    pub fn merge(&mut self, other: Counter) {
        let e = &mut self.engine;
        let mut o = other.engine.state;
        o.part = None;
        let st = &e.state;
        if st.read == 0
            && st.activity.groups.is_empty()
            && st.activity.channels.is_empty()
            && st.files.is_empty()
            && st.warnings.is_empty()
        {
            // Nothing counted here yet (and so nothing cached that names a group or a channel): take the other state.
            e.state = o;
            return;
        }
        let st = &mut e.state;
        st.activity.merge(&o.activity);
        st.read += o.read;
        st.counted += o.counted;
        st.rejected += o.rejected;
        for (a, b) in st.excluded.iter_mut().zip(o.excluded) {
            *a += b;
        }
        st.rejected_rows.extend(o.rejected_rows);
        st.trim_rejected();
        for (field, values) in o.unrecognised {
            let map = st.unrecognised.entry(field).or_default();
            for (v, n) in values {
                *map.entry(v).or_default() += n;
            }
        }
        st.warnings.extend(o.warnings);
        st.files.extend(o.files);
    }

    /// Merges the counters of all the parts of one file (see [`Counter::begin_part`]), in any
    /// order, into the state one pass over the file would have given: the file's line numbers,
    /// its day/month order and its encoding are the whole file's. Sorts `parts` by their start.
    ///
    /// On success `parts` is emptied. On [`PartsError::Redo`] nothing is merged and `parts` is
    /// left as it was (sorted): count the redo's part in a new counter, splice it in place of
    /// [`Redo::replaces`] and call again; each redo settles at least one more part, so this ends.
    pub fn merge_parts(&mut self, parts: &mut Vec<Counter>) -> Result<(), PartsError> {
        let invalid = |m: &str| Err(PartsError::Invalid(m.to_string()));
        if parts.is_empty() {
            return invalid("no parts to merge");
        }
        for c in parts.iter() {
            if c.engine.state.part.as_ref().and_then(|p| p.part.as_ref()).is_none() || !c.engine.state.files.is_empty()
            {
                return invalid("a counter given as a part did not read one part of a file, or read more");
            }
        }
        let spec = |c: &Counter| c.engine.state.part.as_ref().and_then(|p| p.part.clone()).unwrap_or(Part::whole(0));
        parts.sort_by_key(|c| spec(c).start);
        let states: Vec<&PartState> = parts.iter().filter_map(|c| c.engine.state.part.as_deref()).collect();
        let specs: Vec<Part> = parts.iter().map(spec).collect();
        let (first, last) = (&specs[0], &specs[specs.len() - 1]);
        let file_len = first.file_len;
        if first.start != 0
            || last.end != file_len
            || specs.windows(2).any(|w| w[0].end != w[1].start && !(w[1].exact() && w[0].end < w[1].start))
            || specs.iter().any(|p| p.file_len != file_len || p.head_len != first.head_len)
            || states.iter().any(|s| s.name != states[0].name)
        {
            return invalid("the parts are not the parts of one file, or leave a gap");
        }

        // Follow the records: each part must begin where the one before it stopped.
        let mut facts = states[0].decoder.clone();
        let mut order = states[0].order;
        let mut chain = vec![0];
        let mut k = 0;
        loop {
            let stop = states[k].stop;
            if states[k].at_eof && stop < file_len {
                return invalid("a part was ended before it read its last record or the end of the file");
            }
            if states[k].at_eof || stop >= file_len {
                break;
            }
            if k + 1 == states.len() {
                return invalid("the last part stopped before the end of the file");
            }
            let Some(j) = (k + 1..states.len()).find(|&j| states[j].begin == stop) else {
                let m = (k + 1..states.len()).rev().find(|&j| specs[j].start <= stop).unwrap_or(k + 1);
                let reason = format!(
                    "the part that starts at byte {} began counting at byte {}, the records before it end at byte {stop} \
                     (a quoted field with a line break?)",
                    specs[k + 1].start,
                    states[k + 1].begin
                );
                return Err(self.redo(stop, &specs[m], k + 1..m + 1, &facts, order, reason));
            };
            let s = states[j];
            let mut next = facts.clone();
            if !next.absorb(&s.decoder) {
                let reason = "the file is Windows-1252 before this part, which read it as UTF-8".to_string();
                return Err(self.redo(s.begin, &specs[j], j..j + 1, &facts, order, reason));
            }
            if let (Some(o), Some(p)) = (order, s.order) {
                if o != p {
                    let reason = "this part read day and month in the other order than the file before it".to_string();
                    return Err(self.redo(s.begin, &specs[j], j..j + 1, &facts, order, reason));
                }
            }
            facts = next;
            order = order.or(s.order);
            chain.push(j);
            k = j;
        }

        let undecided = order.is_none() && chain.iter().any(|&k| states[k].ambiguous);
        let use_order =
            order.unwrap_or(if self.engine.options.day_first { Order::DayFirst } else { Order::MonthFirst });
        let head = (states[0].name.clone(), states[0].header, states[0].delimiter.clone(), states[0].columns.clone());
        let mut counters: Vec<Option<Counter>> = std::mem::take(parts).into_iter().map(Some).collect();
        let (mut shift, mut rows) = (0u64, 0u64);
        for k in chain {
            let Some(mut c) = counters[k].take() else { continue };
            let Some(part) = c.engine.state.part.take() else { continue };
            c.engine.resolve_pending(part.pending, use_order);
            for r in &mut c.engine.state.rejected_rows {
                // Two records can start on one line (a lone CR ends a record): the row is the one
                // whose reason was written from the problem.
                let problem = part
                    .problems
                    .iter()
                    .find(|(line, p)| *line == r.line && Some(&p.reason(r.line)) == r.message.as_ref());
                if let Some((_, p)) = problem {
                    let message = p.shifted(shift).reason(r.line.saturating_add(shift));
                    r.reason = message.to_string();
                    r.message = Some(message);
                }
                r.line = r.line.saturating_add(shift);
            }
            rows = rows.saturating_add(part.rows);
            shift = shift.saturating_add(part.lines);
            self.merge(c);
        }
        let e = &mut self.engine;
        let (name, header, delimiter, columns) = head;
        if !header {
            e.state.warnings.push(Message::new("warning-empty-file").file(&name));
        } else if rows == 0 {
            e.state.warnings.push(Message::new("warning-no-rows").file(&name));
        }
        if undecided {
            let id = if e.options.day_first { "warning-day-first" } else { "warning-month-first" };
            e.state.warnings.push(Message::new(id).file(&name));
        }
        if let Some(id) = facts.warning() {
            e.state.warnings.push(Message::new(id).file(&name));
        }
        e.state.files.push(FileSummary { name, encoding: facts.encoding(), delimiter, rows, columns });
        Ok(())
    }

    fn redo(
        &self,
        start: u64,
        holder: &Part,
        replaces: std::ops::Range<usize>,
        facts: &crate::decode::Facts,
        order: Option<Order>,
        reason: String,
    ) -> PartsError {
        PartsError::Redo(Redo { part: holder.redo(start, !facts.utf8, order), replaces, reason })
    }

    /// Adds a warning to the report about something that was read (an empty sheet of a workbook, skipped).
    pub fn warn(&mut self, warning: Message) {
        self.engine.state.warnings.push(warning);
    }

    /// The report for these settings. Changing the settings never needs the files again.
    ///
    /// Report once every file has ended: rows of a file still open whose dates wait for the
    /// file's day/month order are not in it yet.
    pub fn report(&self, settings: &ReportSettings) -> Report {
        let mut report =
            crate::reporting::build(&self.engine.state, &self.engine.options, &self.engine.classifier, settings);
        if settings.profiles {
            report.profiles = Some(self.active_profiles(settings));
        }
        report
    }

    /// The profiles active on the as-of date of `settings`, one by one with their keys (or
    /// addresses, in the Anonymous dimension): personal data, for a report the user asked to
    /// hold them (see [`Report::profiles`](crate::report::Report::profiles)). As many as
    /// `report(settings).total_active`.
    pub fn active_profiles(&self, settings: &ReportSettings) -> Vec<crate::report::ActiveProfile> {
        crate::reporting::active_profiles(&self.engine.state, settings)
    }

    pub(crate) fn set_probe(&mut self, query: &str) {
        self.engine.probe = Some((query.trim().as_bytes().to_vec(), Vec::new()));
    }

    pub(crate) fn probe_rows(&self) -> &[ExplainedRow] {
        self.engine.probe.as_ref().map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// Number of distinct profiles (counting keys) held.
    pub fn profiles(&self) -> usize {
        self.engine.state.activity.profiles.len()
    }

    /// Where the profile store's bytes go (for benchmarks).
    pub fn profile_breakdown(&self) -> String {
        self.engine.state.activity.profiles.breakdown()
    }

    /// Bytes of the distinct keys themselves.
    pub fn profile_key_bytes(&self) -> usize {
        self.engine.state.activity.profiles.key_bytes()
    }

    /// Heap bytes allocated by the profile store (keys included).
    pub fn profile_bytes(&self) -> usize {
        self.engine.state.activity.profiles.heap_bytes()
    }

    /// Heap bytes in use by the profile store (keys included; vectors by length).
    pub fn profile_used_bytes(&self) -> usize {
        self.engine.state.activity.profiles.used_bytes()
    }
}

impl Engine {
    fn group_by_names(&mut self, instance: &str, dimension: &str) -> u32 {
        self.state.activity.group(instance, dimension)
    }

    fn group(&mut self, instance: u32, dimension: u32) -> u32 {
        if let Some((i, d, g)) = self.caches.last_group {
            if (i, d) == (instance, dimension) {
                return g;
            }
        }
        if let Some(&g) = self.caches.group_of.get(&(instance, dimension)) {
            self.caches.last_group = Some((instance, dimension, g));
            return g;
        }
        let (i, d) = (self.caches.names[instance as usize].clone(), self.caches.names[dimension as usize].clone());
        let g = self.group_by_names(&i, &d);
        self.caches.group_of.insert((instance, dimension), g);
        g
    }

    fn channel_id(&mut self, name: &str) -> u16 {
        self.state.activity.channel(name)
    }

    fn channel(&mut self, value: &[u8]) -> (u16, bool) {
        if let Some(v) = self.caches.channel.peek(value) {
            return v;
        }
        let (name, social) = self.classifier.channel(value);
        let id = self.channel_id(&name);
        self.caches.channel.get_or(value, |_| (id, social))
    }

    fn reject(&mut self, ctx: &FileCtx, line: u64, reason: Message) {
        if ctx.probe_hit {
            if let Some((_, rows)) = self.probe.as_mut() {
                let outcome = Message::new("outcome-rejected").with("reason", Arg::Message(Box::new(reason.clone())));
                rows.push(ExplainedRow {
                    file: ctx.name.clone(),
                    line,
                    outcome: outcome.to_string(),
                    message: Some(outcome),
                    ..Default::default()
                });
            }
        }
        let st = &mut self.state;
        st.rejected += 1;
        st.rejected_rows.push(RejectedRow {
            file: ctx.name.clone(),
            line,
            reason: reason.to_string(),
            message: Some(reason),
        });
        if st.rejected_rows.len() > 4 * MAX_REJECTED {
            st.trim_rejected();
        }
    }

    fn header(&mut self, ctx: &mut FileCtx, rec: &Record<'_>) {
        let headers = record_strings(rec);
        match match_headers(&headers, &FIELDS, Field::match_names, &self.manual) {
            Err((field, header)) => {
                ctx.error = Some(FileError::MappedHeaderMissing {
                    file: ctx.name.clone(),
                    field: field.name().into(),
                    header,
                    headers,
                });
            }
            Ok(m) => {
                let mut missing = Vec::new();
                if !m.contains_key(&Field::EventDate) {
                    missing.push("event date".to_string());
                }
                if !m.contains_key(&Field::ProfileKey) && !m.contains_key(&Field::Address) {
                    missing.push("profile key or address".to_string());
                }
                if !missing.is_empty() {
                    ctx.error = Some(FileError::MissingFields { file: ctx.name.clone(), missing, headers });
                    return;
                }
                let col = |f: Field| m.get(&f).copied();
                ctx.cols = Some(Cols {
                    key: col(Field::ProfileKey),
                    date: col(Field::EventDate),
                    status: col(Field::Status),
                    reason: col(Field::FailureReason),
                    delivery: col(Field::Delivery),
                    channel: col(Field::Channel),
                    dimension: col(Field::TargetDimension),
                    address: col(Field::Address),
                    transactional: col(Field::Transactional),
                    proof: col(Field::Proof),
                    seed: col(Field::Seed),
                    control: col(Field::ControlGroup),
                    instance: col(Field::Instance),
                });
                for (f, c) in &m {
                    ctx.columns.insert(f.name().to_string(), headers[*c].clone());
                }
            }
        }
    }

    /// A flag column's value; unrecognised values count as false and are listed.
    fn flag(&mut self, field: &str, v: &[u8]) -> Option<bool> {
        if v.is_empty() {
            return None;
        }
        match classify::flag(v) {
            Some(b) => Some(b),
            None => {
                self.state.unrecognised(field, v);
                Some(false)
            }
        }
    }

    fn record(&mut self, ctx: &mut FileCtx, rec: &Record<'_>) {
        if ctx.error.is_some() {
            return;
        }
        let Some(c) = ctx.cols else {
            match rec.problem {
                Some(p) => ctx.error = Some(FileError::BadHeader { file: ctx.name.clone(), reason: p.reason(1) }),
                None => self.header(ctx, rec),
            }
            return;
        };
        self.state.read += 1;
        ctx.rows += 1;
        if let Some(p) = rec.problem {
            ctx.probe_hit = false;
            if let Some(problems) = ctx.problems.as_mut() {
                problems.push((rec.line, p));
            }
            self.reject(ctx, rec.line, p.reason(rec.line));
            return;
        }
        let get = |col: Option<usize>| -> &[u8] { col.map(|i| rec.get(i).trim_ascii()).unwrap_or(&[]) };
        let key = get(c.key);
        let address = get(c.address);
        ctx.probe_hit = match &self.probe {
            Some((query, _)) => query.as_slice() == key || query.as_slice() == address,
            None => false,
        };
        let date_value = get(c.date);
        let parsed = if date_value.is_empty() {
            None
        } else if ctx.last_date.0 == date_value {
            ctx.last_date.1
        } else {
            let parsed = date::parse(date_value);
            ctx.last_date.0.clear();
            ctx.last_date.0.extend_from_slice(date_value);
            ctx.last_date.1 = parsed;
            parsed
        };
        // Any readable date tells the file's day/month order, even on a row rejected below; only
        // a date that is valid in the order it tells decides it (`31/02/2026` does not).
        let mut decided = false;
        if ctx.order.is_none() {
            if let Some(o) = parsed.and_then(|raw| raw.tells().filter(|o| raw.resolve(*o, &self.zone).is_some())) {
                ctx.order = Some(o);
                decided = true;
            }
        }
        if key.is_empty() && address.is_empty() {
            self.reject(ctx, rec.line, Message::new("rejected-no-key"));
            if let (true, Some(order)) = (decided, ctx.order) {
                self.flush_pending(ctx, order);
            }
            return;
        }
        if date_value.is_empty() {
            self.reject(ctx, rec.line, Message::new("rejected-no-date"));
            return;
        }
        let Some(raw) = parsed else {
            self.reject(ctx, rec.line, bad_date(date_value));
            return;
        };
        let day = if ctx.order.is_none() && raw.ambiguous() {
            ctx.ambiguous = true;
            None
        } else {
            let order = ctx.order.unwrap_or(if self.options.day_first { Order::DayFirst } else { Order::MonthFirst });
            match raw.resolve(order, &self.zone) {
                Some(d) => Some(d),
                None => {
                    self.reject(ctx, rec.line, bad_date(date_value));
                    if decided {
                        self.flush_pending(ctx, order);
                    }
                    return;
                }
            }
        };

        // The deliveries file, when the row names a delivery.
        let delivery = match (c.delivery, &self.deliveries) {
            (Some(col), Some(d)) => {
                let v = rec.get(col).trim_ascii();
                if v.is_empty() {
                    u32::MAX
                } else {
                    self.caches.delivery.get_or(v, |v| d.index_of(&String::from_utf8_lossy(v)).unwrap_or(u32::MAX))
                }
            }
            _ => u32::MAX,
        };

        // 1. proof or seed.
        let proof = match self.flag("proof", get(c.proof)) {
            Some(p) => p,
            None => self.delivery_info(delivery).and_then(|d| d.proof).unwrap_or(false),
        };
        let seed = self.flag("seed", get(c.seed)).unwrap_or(false);
        // 2. social channel.
        let channel_value = get(c.channel);
        let (channel, social) =
            if !channel_value.is_empty() { self.channel(channel_value) } else { self.delivery_channel(delivery) };
        // 3. control group; 4. status; 5. failure reason.
        let control = self.flag("control_group", get(c.control)).unwrap_or(false);
        let status_value = get(c.status);
        let status = if status_value.is_empty() {
            Status::Counted
        } else {
            let classifier = &self.classifier;
            let s = self.caches.status.get_or(status_value, |v| classifier.status(v));
            if s.listed() {
                self.state.unrecognised("status", status_value);
            }
            s
        };
        let reason_value = get(c.reason);
        let failure = if reason_value.is_empty() {
            Failure::Counted
        } else {
            let classifier = &self.classifier;
            let f = self.caches.failure.get_or(reason_value, |v| classifier.failure(v));
            if f == Failure::Unknown {
                self.state.unrecognised("failure_reason", reason_value);
            }
            f
        };
        let excluded = if proof || seed {
            Some(0)
        } else if social {
            Some(1)
        } else if control || failure == Failure::Control {
            Some(2)
        } else if status.excludes() {
            Some(3)
        } else if failure == Failure::Excluded {
            Some(4)
        } else {
            None
        };
        let transactional = self.flag("transactional", get(c.transactional));

        let mut explained = None;
        if ctx.probe_hit {
            let outcome = match excluded {
                Some(r) => Message::new("outcome-excluded").with("reason", Arg::Text(REASONS[r].to_string())),
                None => Message::new("outcome-counted"),
            };
            let row = ExplainedRow {
                file: ctx.name.clone(),
                line: rec.line,
                date: day.map(|d| date::to_date(d).to_string()),
                date_as_written: String::from_utf8_lossy(date_value).into_owned(),
                delivery: Some(String::from_utf8_lossy(get(c.delivery)).into_owned()).filter(|d| !d.is_empty()),
                channel: self.state.activity.channels.get(channel as usize).cloned().unwrap_or_default(),
                outcome: outcome.to_string(),
                message: Some(outcome),
                ..Default::default()
            };
            if let Some((_, rows)) = self.probe.as_mut() {
                if day.is_none() {
                    ctx.probe_pending.push((rows.len(), raw));
                }
                explained = Some(rows.len());
                rows.push(row);
            }
        }
        if let Some(reason) = excluded {
            self.state.excluded[reason] += 1;
            match day {
                Some(d) => self.state.activity.see_day(d),
                None => ctx.pending.push(Pending { id: u32::MAX, channel: 0, raw }),
            }
        } else {
            self.state.counted += 1;
            let transactional = match transactional {
                Some(t) => t,
                None => self.delivery_info(delivery).and_then(|d| d.transactional).unwrap_or(false),
            };
            let (dimension, profile_key) = if transactional || key.is_empty() {
                (self.anonymous, if address.is_empty() { key } else { address })
            } else {
                let v = get(c.dimension);
                let dim = if !v.is_empty() {
                    let caches = &mut self.caches;
                    match caches.dimension.peek(v) {
                        Some(d) => d,
                        None => {
                            let d = caches.name(&classify::dimension(v));
                            caches.dimension.get_or(v, |_| d)
                        }
                    }
                } else {
                    self.delivery_dimension(delivery)
                };
                (dim, key)
            };
            let instance = match get(c.instance) {
                [] => ctx.instance,
                v => {
                    let caches = &mut self.caches;
                    match caches.instance.peek(v) {
                        Some(i) => i,
                        None => {
                            let i = caches.name(String::from_utf8_lossy(v).trim());
                            caches.instance.get_or(v, |_| i)
                        }
                    }
                }
            };
            let group = self.group(instance, dimension);
            // The limit: once it is reached, the file stops at its next counted row (queued events
            // are applied first when near it, so the count is exact).
            let limit = self.options.max_profiles;
            if self.state.activity.profiles.len() + self.caches.batch.len() >= limit {
                self.state.activity.profiles.flush(&mut self.caches.batch);
            }
            if self.state.activity.profiles.len() >= limit {
                ctx.error = Some(FileError::TooManyProfiles { file: ctx.name.clone(), line: rec.line, limit });
                self.state.counted -= 1;
                self.state.read -= 1;
                ctx.rows -= 1;
                return;
            }
            if let (Some(i), Some((_, rows))) = (explained, self.probe.as_mut()) {
                rows[i].instance = self.caches.names[instance as usize].clone();
                rows[i].dimension = self.caches.names[dimension as usize].clone();
            }
            // The address of a profile that has a key, for the case-duplicates check.
            let address = if dimension != self.anonymous { address } else { &[] };
            match day {
                Some(d) => {
                    self.state.activity.see_day(d);
                    let leave = self.caches.leave.get(d);
                    self.state.activity.profiles.queue(
                        &mut self.caches.batch,
                        group,
                        profile_key,
                        address,
                        channel,
                        (d, leave),
                    );
                }
                None => {
                    self.state.activity.profiles.flush(&mut self.caches.batch);
                    let id = self.state.activity.profiles.intern(group, profile_key);
                    if !address.is_empty() {
                        let tag =
                            address_tag(address, folded_hash(address, &mut self.caches.scratch), stable_hash(address));
                        self.state.activity.profiles.set_address(id, tag);
                    }
                    ctx.pending.push(Pending { id, channel, raw });
                }
            }
        }
        if decided {
            let order = ctx.order.unwrap_or(Order::DayFirst);
            self.flush_pending(ctx, order);
        }
    }

    fn delivery_info(&self, index: u32) -> Option<&crate::deliveries::DeliveryInfo> {
        match &self.deliveries {
            Some(d) if index != u32::MAX => Some(d.info(index)),
            _ => None,
        }
    }

    fn delivery_channel(&mut self, index: u32) -> (u16, bool) {
        if index == u32::MAX {
            return (self.channel_id("Unknown"), false);
        }
        if let Some(v) = self.caches.delivery_channel.get(&index) {
            return *v;
        }
        let v = match self.delivery_info(index).and_then(|d| d.channel.clone()) {
            Some(c) => self.channel(c.as_bytes()),
            None => (self.channel_id("Unknown"), false),
        };
        self.caches.delivery_channel.insert(index, v);
        v
    }

    fn delivery_dimension(&mut self, index: u32) -> u32 {
        if index == u32::MAX {
            return self.recipients;
        }
        if let Some(v) = self.caches.delivery_dimension.get(&index) {
            return *v;
        }
        let v = match self.delivery_info(index).and_then(|d| d.target_dimension.clone()) {
            Some(d) => self.caches.name(&classify::dimension(d.as_bytes())),
            None => self.recipients,
        };
        self.caches.delivery_dimension.insert(index, v);
        v
    }

    fn flush_pending(&mut self, ctx: &mut FileCtx, order: Order) {
        if let Some((_, rows)) = self.probe.as_mut() {
            for (i, raw) in std::mem::take(&mut ctx.probe_pending) {
                rows[i].date = raw.resolve(order, &self.zone).map(|d| date::to_date(d).to_string());
            }
        }
        self.resolve_pending(std::mem::take(&mut ctx.pending), order);
    }

    /// Counts the rows whose dates waited for the file's day/month order.
    fn resolve_pending(&mut self, pending: Vec<Pending>, order: Order) {
        self.state.activity.profiles.flush(&mut self.caches.batch);
        for p in pending {
            let Some(d) = p.raw.resolve(order, &self.zone) else {
                continue;
            };
            self.state.activity.see_day(d);
            if p.id != u32::MAX {
                let leave = self.caches.leave.get(d);
                self.state.activity.profiles.add(p.id, p.channel, (d, leave));
            }
        }
    }
}

/// A value as quoted in a rejection reason: at most 40 characters, and never
/// something that looks like an address (a date column mapped by mistake).
/// The rejection of a date that cannot be read, quoting it (cut at 40 characters), unless it looks like an address.
fn bad_date(v: &[u8]) -> Message {
    let s = String::from_utf8_lossy(v);
    if s.contains('@') {
        return Message::new("rejected-bad-date-hidden");
    }
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    Message::new("rejected-bad-date").with("value", Arg::Text(out))
}

/// The hash of an address with letter case folded.
pub(crate) fn folded_hash(address: &[u8], scratch: &mut Vec<u8>) -> u64 {
    scratch.clear();
    if address.is_ascii() {
        scratch.extend(address.iter().map(u8::to_ascii_lowercase));
    } else {
        let text = match std::str::from_utf8(address) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(address),
        };
        let mut buf = [0u8; 4];
        for c in text.chars() {
            if c.is_ascii() {
                scratch.push(c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    scratch.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    stable_hash(scratch)
}

#[derive(Serialize)]
struct SavedRef<'a> {
    options: &'a Options,
    deliveries: &'a Option<Deliveries>,
    state: &'a State,
}

#[derive(Deserialize)]
struct Saved {
    options: Options,
    deliveries: Option<Deliveries>,
    state: State,
}

impl Serialize for Counter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SavedRef { options: &self.engine.options, deliveries: &self.engine.deliveries, state: &self.engine.state }
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Counter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let saved = Saved::deserialize(d)?;
        let mut c = Counter::new(saved.options);
        if let Some(mut deliveries) = saved.deliveries {
            deliveries.reindex();
            c.engine.deliveries = Some(deliveries);
        }
        let st = &saved.state;
        let pending = st.part.as_ref().map_or(&[][..], |p| p.pending.as_slice());
        let (profiles, channels) = (st.activity.profiles.len(), st.activity.channels.len());
        if !st.activity.profiles.consistent(st.activity.groups.len(), channels)
            || pending.iter().any(|p| p.id != u32::MAX && (p.id as usize >= profiles || p.channel as usize >= channels))
        {
            return Err(serde::de::Error::custom("inconsistent counter state"));
        }
        c.engine.state = saved.state;
        Ok(c)
    }
}

impl PartRun {
    /// Pushes the bytes of the part: from its first record start on, up to the first line break at
    /// or after its end at which a record ends.
    fn feed(&mut self, csv: &mut DecodedCsv, mut input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.stop.is_some() {
            return;
        }
        if self.begin.is_none() {
            match memchr::memchr(self.line_break, input) {
                Some(i) => {
                    self.pos += i as u64 + 1;
                    self.begin = Some(self.pos);
                    input = &input[i + 1..];
                    if self.pos > self.part.end {
                        // The first line break is past the end: no record is this part's.
                        self.stop = Some(self.pos);
                        return;
                    }
                }
                None => {
                    self.pos += input.len() as u64;
                    if !last {
                        return;
                    }
                    self.begin = Some(self.pos);
                    input = &[];
                }
            }
        }
        // Records that start before the end are this part's.
        let free = self.part.end.saturating_sub(self.pos).min(input.len() as u64) as usize;
        if free > 0 {
            csv.push(&input[..free], false, on_record);
            self.pos += free as u64;
            input = &input[free..];
        }
        while !input.is_empty() {
            let (take, at_break) = match memchr::memchr(self.line_break, input) {
                Some(i) => (i + 1, true),
                None => (input.len(), false),
            };
            csv.push(&input[..take], false, on_record);
            self.pos += take as u64;
            input = &input[take..];
            if at_break && csv.at_boundary() {
                self.stop = Some(self.pos);
                return;
            }
        }
        if last {
            csv.push(&[], true, on_record);
        }
    }
}
