//! Reading a file slice by slice off the page's thread: the next slice read while this one is counted, progress told a few times a second, a cancelled run stopped between two slices.

use engine::FileError;

use crate::protocol::{FileHandle, FileProblem, Update};

/// How many bytes the worker reads at a time.
pub const SLICE: u64 = 1 << 20;

/// The least time between two progress updates, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Tells the page how far a run has read, once a slice.
pub(crate) struct Progress<'a> {
    /// Answers the page.
    respond: Box<dyn Fn(Update) + 'a>,
    run: u32,
    done: u64,
    total: u64,
    rows: u64,
    /// Count without telling the page.
    pub(crate) silent: bool,
    /// When the page was last told (`Date.now()`).
    told_ms: f64,
    /// A profile run: told as [`Update::ProfilesProgress`].
    pub(crate) profiles: bool,
    /// An engageable run: told as [`Update::EngageableProgress`].
    pub(crate) events: bool,
}

impl<'a> Progress<'a> {
    /// The progress of run `run` over `total` bytes, told with `respond`.
    pub(crate) fn new(respond: Box<dyn Fn(Update) + 'a>, run: u32, total: u64) -> Self {
        Progress { respond, run, done: 0, total, rows: 0, silent: false, told_ms: 0.0, profiles: false, events: false }
    }

    /// Tells the page that every byte is done, including those of files left out part way.
    pub(crate) fn finish(&mut self) {
        if !self.silent && self.done < self.total {
            self.done = self.total;
            self.tell();
        }
    }

    /// Counts the bytes of a file read whole (a workbook) or not read (not an export).
    pub(crate) fn skip(&mut self, bytes: u64) {
        if self.silent {
            return;
        }
        self.done = (self.done + bytes).min(self.total);
        self.tell();
    }

    pub(crate) fn advance(&mut self, chunk: &[u8]) {
        if self.silent {
            return;
        }
        // A range reads on past its end to finish its last record: that is the next range's progress.
        let chunk = &chunk[..chunk.len().min(self.total.saturating_sub(self.done) as usize)];
        self.done += chunk.len() as u64;
        // Line feeds stand in for rows while reading; the report has the exact count.
        self.rows += memchr::memchr_iter(b'\n', chunk).count() as u64;
        // The page redraws its progress bar on every update: a few times a second is enough.
        let now = js_sys::Date::now();
        if now - self.told_ms < PROGRESS_EVERY_MS && self.done < self.total {
            return;
        }
        self.told_ms = now;
        self.tell();
    }

    fn tell(&self) {
        let (run, done, total) = (self.run, self.done, self.total);
        let update = if self.events {
            Update::EngageableProgress { run, done, total, events: self.rows }
        } else if self.profiles {
            Update::ProfilesProgress { run, done, total, records: self.rows }
        } else {
            Update::Progress { run, done, total, rows: self.rows }
        };
        (self.respond)(update);
    }
}

/// How a read slice by slice ([`slices`]) stopped before the end of its file.
pub(crate) enum Stopped<E> {
    /// The run is no longer current.
    Cancelled,
    /// The browser could not read a slice (its error).
    Unreadable(String),
    /// The sink refused a slice (its error); that slice is not in the progress.
    Sink(E),
}

/// Reads one file from byte `start` slice by slice into `sink` while it answers true, yielding
/// between slices; stops when the run is no longer current. The next slice is read while this one
/// is counted: a worker that waited for each read would spend a good part of its time idle.
pub(crate) async fn slices<E>(
    file: &web_sys::File,
    start: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    mut sink: impl FnMut(&[u8]) -> Result<bool, E>,
) -> Result<(), Stopped<E>> {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file.clone()));
    let size = blob.size();
    let read_from = |start: u64| {
        let end = (start + SLICE).min(size);
        (end, gloo::file::futures::read_as_bytes(&blob.slice(start, end)))
    };
    let mut pending = (start < size).then(|| read_from(start));
    while let Some((end, reading)) = pending.take() {
        if !still_current() {
            return Err(Stopped::Cancelled);
        }
        let chunk = reading.await.map_err(|e| Stopped::Unreadable(e.to_string()))?;
        if end < size {
            pending = Some(read_from(end));
        }
        let more = sink(&chunk).map_err(Stopped::Sink)?;
        progress.advance(&chunk);
        if !more {
            break;
        }
    }
    Ok(())
}

/// [`slices`] of a delivery log, its problems said as a file's.
pub(crate) async fn read_slices(
    handle: &FileHandle,
    start: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    sink: impl FnMut(&[u8]) -> Result<bool, FileError>,
) -> Result<(), FileProblem> {
    slices(&handle.file, start, progress, still_current, sink).await.map_err(|stopped| match stopped {
        Stopped::Cancelled => FileProblem::unreadable(&handle.name, "cancelled".into()),
        Stopped::Unreadable(e) => FileProblem::unreadable(&handle.name, e),
        Stopped::Sink(e) => FileProblem::from_error(&handle.name, &e),
    })
}
