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
use crate::aep::lines::{self, LinesPart, PartEnd, PartRun};
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
    part: Option<PartEnd>,
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
        self.readers.0.insert(id, Reader { docs: part.reader(name), run: Some(PartRun::new(part)) });
        FileId(id)
    }

    /// Whether a part has read its last line: push it no more (bytes pushed after are ignored)
    /// and end it. False for a file read whole.
    pub fn part_done(&self, file: FileId) -> bool {
        self.readers.0.get(&file.0).and_then(|r| r.run.as_ref()).is_some_and(PartRun::done)
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
            self.part = Some(run.end(result.as_ref().err()));
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
        parts.sort_by_key(|c| c.part.as_ref().map(|p| (p.part.start, p.part.end)));
        let name = &parts[0].store.files[0].name;
        if parts.iter().any(|c| &c.store.files[0].name != name) {
            return invalid("the parts are not the parts of one file, or leave a gap");
        }
        let ends: Vec<&PartEnd> = parts.iter().filter_map(|c| c.part.as_ref()).collect();
        let lines::Fit { last, shifts, error } = lines::fit(&ends, name)?;
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
