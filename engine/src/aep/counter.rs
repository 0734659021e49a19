//! The Profiles counter: files of profile records in, per snapshot, partial states that merge, the report out.
//!
//! A [`ProfileCounter`] reads files (whole, or a byte range of a JSON-lines
//! file with [`ProfileCounter::begin_part`]) into the graph's state
//! ([`graph`](crate::aep::graph)): interned identities, one union-find per
//! `exportTime=` snapshot and every used record kept compactly (file, line,
//! identity and audience indices). Counters of several threads or workers
//! merge ([`ProfileCounter::merge`], [`ProfileCounter::merge_parts`]) into the
//! state one pass would give, and travel between workers with serde (bincode).
//! The report and *Explain an identity* ([`figures`](crate::aep::figures))
//! are pure functions of that state and the settings: changing the stitching,
//! the unique or pseudonymous namespaces, identity values, the snapshot time
//! or `compare` never reads a file again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::aep::graph::Store;
use crate::aep::read::{DocSink, JsonDocs};
use crate::aep::record;
use crate::aep::report::{Explained, ProfilesReport};
use crate::aep::settings::ProfileSettings;
use crate::aep::ReadError;
use crate::message::Message;
use crate::split::PartsError;

/// A file of a counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId(usize);

/// One byte range of a JSON-lines file (not gzip, not an array), counted by its own counter.
///
/// A line belongs to the part in whose range its preceding line break lies (the first line to the
/// first part): a part that starts inside the file drops the bytes up to and including its first
/// line break, and a part reads past its `end` up to and including the first line break at or
/// after `end`. So a range boundary inside a line counts that line once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinesPart {
    /// The first byte to push.
    pub start: u64,
    /// The part counts the lines whose preceding line break is before this byte.
    pub end: u64,
    /// The file's size in bytes.
    pub file_len: u64,
}

impl LinesPart {
    /// A file of `file_len` bytes cut into `parts` ranges of about equal size (at least one, and
    /// never more than its bytes).
    ///
    /// ```
    /// use engine::aep::counter::LinesPart;
    /// let parts = LinesPart::split(10, 3);
    /// assert_eq!(parts.iter().map(|p| (p.start, p.end)).collect::<Vec<_>>(), [(0, 3), (3, 6), (6, 10)]);
    /// assert_eq!(LinesPart::split(0, 4).len(), 1);
    /// ```
    pub fn split(file_len: u64, parts: usize) -> Vec<LinesPart> {
        let n = (parts.max(1) as u64).min(file_len.max(1));
        let cuts: Vec<u64> = (1..n).map(|i| file_len * i / n).collect();
        LinesPart::at(file_len, &cuts)
    }

    /// The file cut at these offsets (in any order; those at 0 or past the end are left out).
    pub fn at(file_len: u64, cuts: &[u64]) -> Vec<LinesPart> {
        let mut bounds: Vec<u64> = cuts.iter().copied().filter(|&c| c > 0 && c < file_len).collect();
        bounds.sort_unstable();
        bounds.dedup();
        bounds.insert(0, 0);
        bounds.push(file_len);
        bounds.windows(2).map(|w| LinesPart { start: w[0], end: w[1], file_len }).collect()
    }
}

/// Where a part is in its file while it is read.
#[derive(Clone, Debug)]
struct PartRun {
    part: LinesPart,
    /// File offset of the next byte pushed.
    pos: u64,
    /// Where the part's first counted line starts, once found.
    begin: Option<u64>,
    /// After the line break that ends the part's last line, once found.
    stop: Option<u64>,
    /// Line breaks counted.
    lines: u64,
}

impl PartRun {
    /// The bytes of `chunk` that belong to the part.
    fn take<'c>(&mut self, chunk: &'c [u8]) -> &'c [u8] {
        let at = self.pos;
        self.pos += chunk.len() as u64;
        if self.stop.is_some() {
            return &[];
        }
        let mut from = 0;
        if self.begin.is_none() {
            match memchr::memchr(b'\n', chunk) {
                Some(k) => {
                    from = k + 1;
                    self.begin = Some(at + from as u64);
                    if at + k as u64 >= self.part.end {
                        // The line after that break belongs to the next part: this one has none.
                        self.stop = self.begin;
                        return &[];
                    }
                }
                None => return &[],
            }
        }
        let search = (self.part.end.saturating_sub(at).min(chunk.len() as u64) as usize).max(from);
        let to = match memchr::memchr(b'\n', &chunk[search..]) {
            Some(k) => {
                let to = search + k + 1;
                self.stop = Some(at + to as u64);
                to
            }
            None => chunk.len(),
        };
        let mine = &chunk[from..to];
        self.lines += memchr::memchr_iter(b'\n', mine).count() as u64;
        mine
    }
}

/// What an ended part keeps for [`ProfileCounter::merge_parts`].
#[derive(Clone, Debug, Serialize, Deserialize)]
struct PartState {
    part: LinesPart,
    /// The file offset of the part's first line, and after its last line.
    begin: u64,
    stop: u64,
    /// Line breaks from `begin` to `stop`.
    lines: u64,
    /// The part ended before its last line and before the end of the file.
    short: bool,
    /// The read error that stopped the part: its line in the part, and why.
    error: Option<(Option<u64>, Message)>,
}

struct Reader {
    docs: JsonDocs,
    run: Option<PartRun>,
}

/// Open readers are not kept by a clone (nor serialised): a counter is cloned or sent once its files ended.
#[derive(Default)]
struct Readers(HashMap<usize, Reader>);

impl Clone for Readers {
    fn clone(&self) -> Self {
        Readers::default()
    }
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} open", self.0.len())
    }
}

/// The state of a Profiles count: one per thread or worker, merged at the end. Serialisable
/// (bincode, JSON) once its files have ended, to travel between workers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ProfileCounter {
    #[serde(skip)]
    readers: Readers,
    #[serde(deserialize_with = "checked")]
    store: Store,
    /// The record being parsed, reused so that its strings are allocated once.
    #[serde(skip)]
    scratch: record::Record,
    part: Option<PartState>,
}

fn checked<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Store, D::Error> {
    let store = Store::deserialize(d)?;
    store.check().map_err(serde::de::Error::custom)?;
    Ok(store)
}

struct Sink<'a> {
    file: usize,
    store: &'a mut Store,
    record: &'a mut record::Record,
}

impl DocSink for Sink<'_> {
    fn doc(&mut self, line: u64, json: &[u8]) {
        match record::parse_into(json, self.record) {
            Ok(()) => self.store.add_record(self.file, line, self.record),
            Err(reason) => self.store.reject(self.file, line, reason),
        }
    }

    fn reject(&mut self, line: u64, reason: Message) {
        self.store.reject(self.file, line, reason);
    }
}

impl ProfileCounter {
    pub fn new() -> Self {
        ProfileCounter::default()
    }

    /// Starts a file; `snapshot` is its `exportTime=` time ([`crate::aep::snapshot_of`]), if any.
    pub fn begin_file(&mut self, name: &str, snapshot: Option<&str>) -> FileId {
        let id = self.store.add_file(name, snapshot);
        self.readers.0.insert(id, Reader { docs: JsonDocs::new(name), run: None });
        FileId(id)
    }

    /// Starts one byte range of a JSON-lines file (see [`LinesPart`]): push the file's bytes from
    /// `part.start` on, in chunks of any size, until [`ProfileCounter::part_done`] or the end of
    /// the file, then call [`ProfileCounter::end_file`]. Merge the counters of all the parts of
    /// the file with [`ProfileCounter::merge_parts`]. A counter that reads a part reads nothing
    /// else. Line numbers (of rejections, of a read error) count from the part's first line until
    /// the parts are merged.
    pub fn begin_part(&mut self, name: &str, snapshot: Option<&str>, part: &LinesPart) -> FileId {
        let id = self.store.add_file(name, snapshot);
        let run = PartRun { part: *part, pos: part.start, begin: (part.start == 0).then_some(0), stop: None, lines: 0 };
        // The part's own cutting gives the reader whole lines; the first part's reader skips a
        // byte-order mark as a whole file's does.
        let docs = if part.start == 0 { JsonDocs::range(name, 0, u64::MAX) } else { JsonDocs::lines(name) };
        self.readers.0.insert(id, Reader { docs, run: Some(run) });
        FileId(id)
    }

    /// Whether a part has read its last line: push it no more (bytes pushed after are ignored)
    /// and end it. False for a file read whole.
    pub fn part_done(&self, file: FileId) -> bool {
        self.readers.0.get(&file.0).and_then(|r| r.run.as_ref()).is_some_and(|r| r.stop.is_some())
    }

    /// The next chunk of a file's bytes.
    pub fn push(&mut self, file: FileId, chunk: &[u8]) -> Result<(), ReadError> {
        let Some(reader) = self.readers.0.get_mut(&file.0) else { return Ok(()) };
        let mut sink = Sink { file: file.0, store: &mut self.store, record: &mut self.scratch };
        match &mut reader.run {
            None => reader.docs.push(chunk, &mut sink),
            Some(run) => {
                let mine = run.take(chunk);
                if mine.is_empty() {
                    return Ok(());
                }
                reader.docs.push(mine, &mut sink)
            }
        }
    }

    /// The end of a file.
    pub fn end_file(&mut self, file: FileId) -> Result<(), ReadError> {
        let Some(mut reader) = self.readers.0.remove(&file.0) else { return Ok(()) };
        let mut sink = Sink { file: file.0, store: &mut self.store, record: &mut self.scratch };
        let result = reader.docs.finish(&mut sink);
        if let Ok(format) = &result {
            self.store.files[file.0].format = format.clone();
        }
        if let Some(run) = reader.run {
            let stop = run.stop.unwrap_or(run.pos);
            self.part = Some(PartState {
                part: run.part,
                begin: run.begin.unwrap_or(stop),
                stop,
                lines: run.lines,
                short: run.stop.is_none() && run.pos < run.part.file_len,
                error: result.as_ref().err().map(|e| (e.line, e.message.clone())),
            });
        }
        result.map(|_| ())
    }

    /// Where the documents of a file go, for readers of other formats (Parquet): each is parsed as a
    /// record and counted, or rejected with its line. Kept by every version of the counter.
    pub fn sink(&mut self, file: FileId) -> impl DocSink + '_ {
        Sink { file: file.0, store: &mut self.store, record: &mut self.scratch }
    }

    /// A record already parsed (by a reader of another format, or a test), used as the `line`th
    /// document of `file` (rejected, as the parser does, when it has no identity).
    pub fn push_record(&mut self, file: FileId, line: u64, record: &record::Record) {
        if file.0 < self.store.files.len() {
            if record.identities.is_empty() {
                self.store.reject(file.0, line, Message::new("record-empty-identity-map"));
            } else {
                self.store.add_record(file.0, line, record);
            }
        }
    }

    /// Ends a file read through [`ProfileCounter::sink`], naming its format (`Parquet`).
    pub fn end_docs(&mut self, file: FileId, format: &str) {
        self.readers.0.remove(&file.0);
        if let Some(f) = self.store.files.get_mut(file.0) {
            f.format = format.to_string();
        }
    }

    /// A file that could not be read: said in the report's warnings.
    pub fn warn(&mut self, warning: Message) {
        self.store.warnings.push(warning);
    }

    /// Adds another counter's files and records, as if this one had read them after its own:
    /// its identities are interned again here and its graphs joined to these, snapshot by
    /// snapshot. Files still open in `other` are dropped; the counter of a part is merged with
    /// [`ProfileCounter::merge_parts`] instead.
    pub fn merge(&mut self, other: ProfileCounter) {
        if self.store.files.is_empty() && self.store.warnings.is_empty() {
            self.store = other.store;
            self.store.trim_rejected();
            return;
        }
        self.store.merge(other.store, false, 0);
    }

    /// Merges the counters of all the parts of one file (see [`ProfileCounter::begin_part`]), in
    /// any order, into the state one pass over the file gives: the file once, with its line
    /// numbers. Sorts `parts` by start and empties it on success.
    ///
    /// When a part stopped on a read error, the parts after it are left out (as one pass stops
    /// there) and the error is returned with its line in the file: say it as a whole file's.
    pub fn merge_parts(&mut self, parts: &mut Vec<ProfileCounter>) -> Result<Option<ReadError>, PartsError> {
        let invalid = |m: &str| Err(PartsError::Invalid(m.to_string()));
        if parts.is_empty() {
            return invalid("no parts to merge");
        }
        if parts.iter().any(|c| c.part.is_none() || c.store.files.len() != 1) {
            return invalid("a counter given as a part did not read one part of a file, or read more");
        }
        parts.sort_by_key(|c| c.part.as_ref().map_or(0, |p| p.part.start));
        let states: Vec<&PartState> = parts.iter().filter_map(|c| c.part.as_ref()).collect();
        let file_len = states[0].part.file_len;
        let name = &parts[0].store.files[0].name;
        if states[0].part.start != 0
            || states[states.len() - 1].part.end != file_len
            || states.windows(2).any(|w| w[0].part.end != w[1].part.start)
            || states.iter().any(|s| s.part.file_len != file_len)
            || parts.iter().any(|c| &c.store.files[0].name != name)
        {
            return invalid("the parts are not the parts of one file, or leave a gap");
        }
        if states.iter().any(|s| s.short) {
            return invalid("a part was ended before its last line and before the end of the file");
        }
        let last = states.iter().position(|s| s.error.is_some()).unwrap_or(states.len() - 1);
        if states[..last].windows(2).any(|w| w[0].stop != w[1].begin) {
            return invalid("a part did not begin where the one before it stopped");
        }
        let mut shifts = Vec::with_capacity(last + 1);
        let mut shift = 0u64;
        for s in &states[..=last] {
            shifts.push(shift);
            shift = shift.saturating_add(s.lines);
        }
        let error = states[last].error.clone().map(|(line, message)| ReadError {
            file: name.clone(),
            line: line.map(|l| l.saturating_add(shifts[last])),
            message,
        });
        let mut counters = std::mem::take(parts).into_iter().take(last + 1);
        let Some(mut whole) = counters.next() else { return invalid("no parts to merge") };
        whole.part = None;
        for (c, shift) in counters.zip(shifts.into_iter().skip(1)) {
            whole.store.merge(c.store, true, shift);
        }
        self.merge(whole);
        Ok(error)
    }

    /// Records used so far.
    pub fn records(&self) -> u64 {
        self.store.recs.len() as u64
    }

    /// Distinct identities (namespace, id) read so far, over all snapshots.
    pub fn identities(&self) -> u64 {
        self.store.ids.len() as u64
    }

    /// Bytes of memory held by the identity graph and the records kept (allocated capacity).
    pub fn graph_bytes(&self) -> usize {
        self.store.heap_bytes()
    }

    /// Bytes of memory the identity graph and the records kept use (their vectors' spare capacity left out).
    pub fn graph_bytes_used(&self) -> usize {
        self.store.used_bytes()
    }

    /// The report of everything read, with these settings.
    pub fn report(&self, settings: &ProfileSettings) -> ProfilesReport {
        crate::aep::figures::report(&self.store, settings)
    }

    /// *Explain an identity*: the profile it belongs to in each snapshot, with the records that
    /// joined it. Per snapshot (oldest first), the profiles are ordered by the identity found
    /// (when only an id was given), then by their first record.
    pub fn explain(&self, settings: &ProfileSettings, namespace: Option<&str>, id: &str) -> Explained {
        crate::aep::figures::explain(&self.store, settings, namespace, id)
    }

    /// The stitched profiles of the latest snapshot by identity value, for counting engagement
    /// events per stitched profile ([`crate::engage::EventCounter::report`]).
    pub fn stitch_map(&self, settings: &ProfileSettings) -> crate::aep::figures::StitchMap {
        crate::aep::figures::stitch_map(&self.store, settings)
    }
}
