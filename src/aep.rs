//! Journey Optimizer profile records in the counting worker: each file read in 1 MiB slices into the `ProfileCounter`.
//!
//! JSON lines and JSON arrays, gzip-compressed or not, are pushed slice by
//! slice, as the delivery logs are (the engine tells them apart by their
//! bytes). A file that cannot be read is said in the report's warnings, with
//! its file and line, and the other files are still counted. The Profiles demo
//! is generated and counted here too, and identities are explained from the
//! counter the worker keeps: the page never counts profile records.

use engine::aep::{Explained, InputKind, ProfileCounter, ProfileSettings};
use engine::message::{Arg, Message};

use crate::protocol::RecordHandle;
use crate::reading::{slices, Progress, Stopped, SLICE};

/// How many first bytes tell what a file is ([`engine::aep::sniff`] and [`engine::workbook::sniff`]).
pub const HEAD_BYTES: u64 = 512;

/// The demo export: two `exportTime=` snapshots a month apart, two files each, with the generator's
/// traps (case variants, shared devices, a junk e-mail) and a few rejected records.
pub fn demo_spec() -> engine::aep::generate::ExportSpec {
    engine::aep::generate::ExportSpec {
        seed: 15,
        records: 1500,
        snapshots: 2,
        files: 2,
        dataset: "journey-optimizer-demo".to_string(),
        ..engine::aep::generate::ExportSpec::default()
    }
}

/// Counts the demo export (the answer to a [`crate::protocol::Job::ProfilesDemo`]): two `exportTime=`
/// snapshots of a generated AEP export.
pub fn demo_counter() -> ProfileCounter {
    let mut counter = ProfileCounter::new();
    for file in engine::aep::generate::profile_export(&demo_spec()) {
        let snapshot = engine::aep::snapshot_of(&file.path);
        let id = counter.begin_file(&file.path, snapshot.as_deref());
        // Generated, not user input: a failure would be the generator's bug, said in the warnings.
        if let Err(e) = counter.push(id, &file.bytes).and_then(|()| counter.end_file(id)) {
            counter.warn(e.message);
        }
    }
    counter
}

/// *Explain an identity* from a counter. Without *Show identity values* only the identity asked for
/// (the admin typed it) keeps its value; every other id of the profile and its records is left
/// empty, which the view says ("value not included"), as the command line does.
pub fn explain(counter: &ProfileCounter, settings: &ProfileSettings, namespace: Option<&str>, id: &str) -> Explained {
    let mut explained = counter.explain(settings, namespace, id);
    if !settings.include_identities {
        for profile in &mut explained.profiles {
            let asked = profile.identity.clone();
            let hide = |i: &mut engine::aep::report::IdentityValue| {
                if *i != asked {
                    i.id.clear();
                }
            };
            profile.identities.iter_mut().for_each(hide);
            profile.records.iter_mut().flat_map(|r| r.identities.iter_mut()).for_each(hide);
        }
    }
    explained
}

/// Reads one file of profile records into `counter`, in the snapshot `snapshot` (its `exportTime=` time).
pub(crate) async fn count_records(
    counter: &mut ProfileCounter,
    file: &RecordHandle,
    snapshot: Option<&str>,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file.handle.file.clone()));
    let size = blob.size();
    let head = match gloo::file::futures::read_as_bytes(&blob.slice(0, HEAD_BYTES.min(size))).await {
        Ok(head) => head,
        Err(e) => {
            counter.warn(unreadable(&file.path, &e.to_string()));
            progress.skip(size);
            return;
        }
    };
    if engine::aep::sniff(&head) == InputKind::Parquet {
        count_parquet(counter, file, snapshot, progress).await;
        return;
    }
    let id = counter.begin_file(&file.path, snapshot);
    match push_all(file, size, progress, still_current, |chunk| counter.push(id, chunk)).await {
        Pushed::Cancelled => return,
        Pushed::Unreadable(e) => {
            counter.warn(unreadable(&file.path, &e));
            let _ = counter.end_file(id);
            return;
        }
        Pushed::Done => {}
    }
    if let Err(error) = counter.end_file(id) {
        counter.warn(engine::aep::read::said(&error));
    }
}

/// How reading a file's slices into a counter ended.
pub(crate) enum Pushed {
    /// Every slice was pushed, or the counter refused one: it keeps its failure, which its
    /// `end_file` returns again (the records before it stay).
    Done,
    Cancelled,
    /// The browser could not read a slice (its error).
    Unreadable(String),
}

/// Pushes a file's slices into a counter (profile records or engagement events) while it takes
/// them; the bytes not pushed count as done in the progress.
pub(crate) async fn push_all(
    file: &RecordHandle,
    size: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    mut push: impl FnMut(&[u8]) -> Result<(), engine::aep::ReadError>,
) -> Pushed {
    let mut pushed = 0;
    let read = slices(&file.handle.file, 0, progress, still_current, |chunk| {
        push(chunk)?;
        pushed += chunk.len() as u64;
        Ok::<_, engine::aep::ReadError>(true)
    })
    .await;
    match read {
        Ok(()) => Pushed::Done,
        Err(Stopped::Cancelled) => Pushed::Cancelled,
        Err(Stopped::Unreadable(e)) => {
            progress.skip(size - pushed);
            Pushed::Unreadable(e)
        }
        Err(Stopped::Sink(_)) => {
            progress.skip(size - pushed);
            Pushed::Done
        }
    }
}

/// A Parquet file, read by the engine by ranges (its footer, then its column chunks) through
/// [`BlobChunks`]: never held whole.
async fn count_parquet(
    counter: &mut ProfileCounter,
    file: &RecordHandle,
    snapshot: Option<&str>,
    progress: &mut Progress<'_>,
) {
    let size = file.handle.file.size() as u64;
    let reader = BlobChunks { blob: web_sys::Blob::from(file.handle.file.clone()), size };
    if let Err(error) = counter.read_parquet(&file.path, snapshot, reader) {
        counter.warn(engine::aep::read::said(&error));
    }
    progress.skip(size);
}

/// A `Blob` read by ranges with `FileReaderSync` (a worker's synchronous reader), for the Parquet reader.
pub struct BlobChunks {
    blob: web_sys::Blob,
    size: u64,
}

// SAFETY: the counting worker's WebAssembly is single-threaded (built without atomics): a
// `BlobChunks` never leaves the thread it was made on. The Parquet reader's trait asks for
// `Send + Sync` only because it is also used across threads natively.
unsafe impl Send for BlobChunks {}
unsafe impl Sync for BlobChunks {}

impl BlobChunks {
    pub fn new(blob: web_sys::Blob, size: u64) -> Self {
        BlobChunks { blob, size }
    }

    /// Bytes `start..end` of the blob, read synchronously.
    fn read(&self, start: u64, end: u64) -> parquet::errors::Result<bytes::Bytes> {
        let fail = |e: wasm_bindgen::JsValue| parquet::errors::ParquetError::General(format!("{e:?}"));
        let reader = web_sys::FileReaderSync::new().map_err(fail)?;
        let slice = self.blob.slice_with_f64_and_f64(start as f64, end.min(self.size) as f64).map_err(fail)?;
        let buffer = reader.read_as_array_buffer(&slice).map_err(fail)?;
        Ok(bytes::Bytes::from(js_sys::Uint8Array::new(&buffer).to_vec()))
    }
}

impl parquet::file::reader::Length for BlobChunks {
    fn len(&self) -> u64 {
        self.size
    }
}

impl parquet::file::reader::ChunkReader for BlobChunks {
    type T = BlobRead;

    fn get_read(&self, start: u64) -> parquet::errors::Result<BlobRead> {
        Ok(BlobRead {
            chunks: BlobChunks { blob: self.blob.clone(), size: self.size },
            at: start,
            buffer: bytes::Bytes::new(),
        })
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<bytes::Bytes> {
        self.read(start, start.saturating_add(length as u64))
    }
}

/// A `Read` from a position of a blob, 1 MiB at a time.
pub struct BlobRead {
    chunks: BlobChunks,
    at: u64,
    buffer: bytes::Bytes,
}

impl std::io::Read for BlobRead {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.buffer.is_empty() && self.at < self.chunks.size {
            let end = (self.at + SLICE).min(self.chunks.size);
            self.buffer = self.chunks.read(self.at, end).map_err(std::io::Error::other)?;
            self.at = end;
        }
        let n = out.len().min(self.buffer.len());
        out[..n].copy_from_slice(&self.buffer.split_to(n));
        Ok(n)
    }
}

/// A file the browser could not read (its error, as the browser says it).
pub(crate) fn unreadable(path: &str, error: &str) -> Message {
    Message::new("error-other").with("text", Arg::Text(format!("{path}: could not be read ({error})")))
}
