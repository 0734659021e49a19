//! The row stage of the active-profiles counter: a file's header line matched to the fields, then each record read, classified by the rules (rejected, excluded or counted) and queued into the profile store.
//!
//! [`Engine`] holds what reading rows needs besides the open files: the
//! options, the rules' [`Classifier`], the deliveries table, per-value caches
//! and the [`State`] the rows are counted into. The [`Counter`](crate::Counter)
//! owns one and feeds it the records that [`DecodedCsv`](crate::csvread::DecodedCsv)
//! cuts from the bytes; dates whose day/month order the file has not told yet
//! wait as [`Pending`] rows.

use std::collections::BTreeMap;

use crate::classify::{self, Classifier, Failure, Status, ValueCache};
use crate::csvread::{record_strings, Problem, Record};
use crate::date::{self, LeaveCache, Order, RawDate};
use crate::deliveries::Deliveries;
use crate::error::FileError;
use crate::explain::ExplainedRow;
use crate::fields::{match_headers, Field, FIELDS};
use crate::message::{Arg, Message};
use crate::options::TimeZone;
use crate::profiles::{address_tag, folded_hash, stable_hash, Batch};
use crate::report::RejectedRow;
use crate::state::{Pending, State, MAX_REJECTED, REASONS};
use crate::{FastMap, Options};

/// Column index of each field in one file.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cols {
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

pub(crate) struct FileCtx {
    pub(crate) name: String,
    pub(crate) instance: u32,
    pub(crate) cols: Option<Cols>,
    pub(crate) columns: BTreeMap<String, String>,
    pub(crate) error: Option<FileError>,
    pub(crate) order: Option<Order>,
    pub(crate) pending: Vec<Pending>,
    pub(crate) ambiguous: bool,
    pub(crate) rows: u64,
    /// The last date field and how it parsed: consecutive rows often share it.
    pub(crate) last_date: (Vec<u8>, Option<RawDate>),
    /// Whether the current row is one that [`crate::Explain`] looks for.
    pub(crate) probe_hit: bool,
    /// Explained rows whose date waits for the file's day/month order.
    pub(crate) probe_pending: Vec<(usize, RawDate)>,
    /// Rejected rows whose reason names lines, kept when the file is read in parts (their lines move at the merge).
    pub(crate) problems: Option<Vec<(u64, Problem)>>,
}

impl FileCtx {
    /// A file about to be read: rows without an instance column belong to `instance`; `error`
    /// (invalid options) fails the file at its first push.
    pub(crate) fn new(name: &str, instance: u32, error: Option<FileError>) -> Self {
        FileCtx {
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
        }
    }
}

/// Per-value lookups, derived from the options and rebuilt on demand.
#[derive(Default)]
pub(crate) struct Caches {
    status: ValueCache<Status>,
    failure: ValueCache<Failure>,
    channel: ValueCache<(u16, bool)>,
    dimension: ValueCache<u32>,
    instance: ValueCache<u32>,
    pub(crate) delivery: ValueCache<u32>,
    pub(crate) delivery_channel: FastMap<u32, (u16, bool)>,
    pub(crate) delivery_dimension: FastMap<u32, u32>,
    names: Vec<String>,
    name_index: FastMap<String, u32>,
    group_of: FastMap<(u32, u32), u32>,
    leave: LeaveCache,
    scratch: Vec<u8>,
    pub(crate) batch: Batch,
    last_group: Option<(u32, u32, u32)>,
}

impl Caches {
    pub(crate) fn name(&mut self, s: &str) -> u32 {
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
pub(crate) struct Engine {
    pub(crate) options: Options,
    pub(crate) manual: BTreeMap<Field, String>,
    pub(crate) zone: date::Zone,
    pub(crate) options_error: Option<String>,
    pub(crate) classifier: Classifier,
    pub(crate) deliveries: Option<Deliveries>,
    pub(crate) state: State,
    pub(crate) caches: Caches,
    pub(crate) anonymous: u32,
    pub(crate) recipients: u32,
    /// The key or address that [`crate::Explain`] looks for, and the rows found.
    pub(crate) probe: Option<(Vec<u8>, Vec<ExplainedRow>)>,
}

impl Engine {
    /// The row machinery for these options (already validated or not: `options_error` says why not).
    pub(crate) fn new(options: Options) -> Self {
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
        Engine {
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
        }
    }

    /// Joins log rows to this deliveries table (the per-delivery lookups start again).
    pub(crate) fn set_deliveries(&mut self, deliveries: Deliveries) {
        self.deliveries = Some(deliveries);
        self.caches.delivery = ValueCache::default();
        self.caches.delivery_channel.clear();
        self.caches.delivery_dimension.clear();
    }

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

    /// Reads one record of a file: its header line first, then rows, each rejected, excluded or counted.
    pub(crate) fn record(&mut self, ctx: &mut FileCtx, rec: &Record<'_>) {
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
            // A shard holds its part of the limit (see `Counter::sharded`).
            let limit = self.options.max_profiles.div_ceil(self.state.activity.profiles.shard.count() as usize);
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
                None if !self.state.activity.profiles.keeps(group, profile_key) => {
                    // Another shard's profile: only the data range needs its date.
                    ctx.pending.push(Pending { id: u32::MAX, channel, raw });
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

    pub(crate) fn flush_pending(&mut self, ctx: &mut FileCtx, order: Order) {
        if let Some((_, rows)) = self.probe.as_mut() {
            for (i, raw) in std::mem::take(&mut ctx.probe_pending) {
                rows[i].date = raw.resolve(order, &self.zone).map(|d| date::to_date(d).to_string());
            }
        }
        self.resolve_pending(std::mem::take(&mut ctx.pending), order);
    }

    /// Counts the rows whose dates waited for the file's day/month order.
    pub(crate) fn resolve_pending(&mut self, pending: Vec<Pending>, order: Order) {
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
