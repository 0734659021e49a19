//! The mergeable counting state: files pushed in chunks, rows classified and counted, partial states merged.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::csvread::{DecodedCsv, Record};
use crate::date::Order;
use crate::deliveries::Deliveries;
pub use crate::error::{FileError, ShardsError};
use crate::explain::ExplainedRow;
use crate::message::{Arg, Message};
use crate::profiles::Shard;
use crate::report::FileSummary;
use crate::rows::{Engine, FileCtx};
use crate::split::{Head, Part, PartRun, PartsError, Redo};
use crate::state::{PartState, State};
use crate::{Options, Report, ReportSettings};

/// A file being read, handed out by [`Counter::begin_file`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(usize);

struct OpenFile {
    csv: DecodedCsv,
    ctx: FileCtx,
    /// Set when the file is read as one part of several.
    run: Option<PartRun>,
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
        Counter { engine: Engine::new(options), files: Vec::new() }
    }

    /// A counter, or the reason its options cannot be used.
    pub fn try_new(options: Options) -> Result<Self, String> {
        options.validate()?;
        Ok(Counter::new(options))
    }

    /// A counter that keeps only the profiles of `shard`. Every figure but the profiles is
    /// counted as by [`Counter::new`], so counters given the same input, one per shard, split
    /// the profile store's work and memory between them (each still reads every row) and merge
    /// with [`Counter::merge_shards`] into the counter one pass would have given.
    ///
    /// Each shard stops a file at its share of [`Options::max_profiles`] (the limit divided by
    /// the number of shards, rounded up); the shards then disagree, and the input is to be
    /// counted with one counter, which says where the whole limit is reached.
    pub fn sharded(options: Options, shard: Shard) -> Self {
        let mut c = Counter::new(options);
        c.engine.state.activity.profiles.shard = shard;
        c
    }

    /// The profiles this counter keeps ([`Shard::WHOLE`] unless made by [`Counter::sharded`]).
    pub fn shard(&self) -> Shard {
        self.engine.state.activity.profiles.shard
    }

    /// Merges the counters of every shard of one input (see [`Counter::sharded`]), in any order,
    /// into the counter one pass would have given. Fails, merging nothing, when they are not each
    /// shard once or did not read the same input: the same rows, files, groups and channels.
    pub fn merge_shards(mut shards: Vec<Counter>) -> Result<Counter, ShardsError> {
        let fail = |m: &str| Err(ShardsError(m.to_string()));
        let Some(count) = shards.first().map(|c| c.shard().count()) else {
            return fail("no shards to merge");
        };
        shards.sort_by_key(|c| c.shard().index());
        if shards.len() != count as usize
            || shards.iter().enumerate().any(|(i, c)| Shard::new(i as u32, count) != Some(c.shard()))
        {
            return fail("the counters are not each shard of one input once");
        }
        let read_alike = |a: &State, b: &State| {
            a.read == b.read
                && a.counted == b.counted
                && a.rejected == b.rejected
                && a.excluded == b.excluded
                && a.files == b.files
                && a.warnings.len() == b.warnings.len()
                && a.activity.groups == b.activity.groups
                && a.activity.channels == b.activity.channels
                && (a.activity.min_day, a.activity.max_day) == (b.activity.min_day, b.activity.max_day)
                && a.part.is_none()
                && b.part.is_none()
        };
        let mut shards = shards.into_iter();
        let Some(mut merged) = shards.next() else {
            return fail("no shards to merge");
        };
        for c in shards {
            if !read_alike(&merged.engine.state, &c.engine.state) {
                return fail("the shards did not read the same input");
            }
            merged.engine.state.activity.profiles.append_disjoint(&c.engine.state.activity.profiles);
        }
        merged.engine.state.activity.profiles.shard = Shard::WHOLE;
        Ok(merged)
    }

    /// The options this counter reads with.
    pub fn options(&self) -> &Options {
        &self.engine.options
    }

    /// Joins log rows to this deliveries table. Set it before pushing log files.
    pub fn set_deliveries(&mut self, deliveries: Deliveries) {
        self.engine.set_deliveries(deliveries);
    }

    /// Starts a log file. Rows without an instance column belong to `instance`, else to the options' default instance.
    pub fn begin_file(&mut self, name: &str, instance: Option<&str>) -> FileId {
        let e = &mut self.engine;
        let instance =
            instance.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&e.options.default_instance).to_string();
        let instance = e.caches.name(&instance);
        let error = e.options_error.clone().map(FileError::InvalidOptions);
        self.files.push(Some(OpenFile { csv: DecodedCsv::new(), ctx: FileCtx::new(name, instance, error), run: None }));
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
        e.state.merge(o);
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
