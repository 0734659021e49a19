//! Reading a file chunk by chunk off the page's thread: the next chunk read while this one is counted, progress told a few times a second, a cancelled run stopped between two chunks.

use engine::FileError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::protocol::{FileHandle, FileProblem, Update};

/// How many bytes a read by ranges takes at a time (a Parquet file's, [`crate::aep::BlobChunks`]);
/// the warm-up pushes a quarter of it at a time.
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

/// Reads one file from byte `start` chunk by chunk into `sink` while it answers true; stops when the
/// run is no longer current. The file is read as one stream (`Blob.stream()`, see [`Chunks`]): the
/// browser reads ahead while a chunk is counted. Each chunk is copied once into the same buffer of
/// the WebAssembly memory. The worker yields to its event loop at least every [`YIELD_EVERY_MS`]
/// (a chunk the stream already holds is handed on without one), so that a
/// [`crate::protocol::Job`] that cancels the run gets in.
pub(crate) async fn slices<E>(
    file: &web_sys::File,
    start: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    mut sink: impl FnMut(&[u8]) -> Result<bool, E>,
) -> Result<(), Stopped<E>> {
    let blob: &web_sys::Blob = file;
    if start as f64 >= blob.size() {
        return Ok(());
    }
    let mut chunks = Chunks::of(blob, start).map_err(Stopped::Unreadable)?;
    let mut chunk = Vec::new();
    let mut yielded = js_sys::Date::now();
    let read = loop {
        if !still_current() {
            break Err(Stopped::Cancelled);
        }
        let value = match chunks.next().await {
            Ok(Some(value)) => value,
            Ok(None) => break Ok(()),
            Err(e) => break Err(Stopped::Unreadable(e)),
        };
        chunk.resize(value.length() as usize, 0);
        value.copy_to(&mut chunk);
        chunks.give_back(value);
        let more = match sink(&chunk) {
            Ok(more) => more,
            Err(e) => break Err(Stopped::Sink(e)),
        };
        progress.advance(&chunk);
        if !more {
            break Ok(());
        }
        if js_sys::Date::now() - yielded >= YIELD_EVERY_MS {
            yield_to_events().await;
            yielded = js_sys::Date::now();
        }
    };
    // Stopped before the end (cancelled, a part done, an error): the browser stops reading the file.
    chunks.cancel();
    read
}

/// A file's bytes from a position on, as the browser streams them. Measured in Chromium on a
/// 256 MB export, reading alone: 1 MiB `Blob.slice`s read with `FileReader` took 0.9-1.2 s of the
/// tab's CPU, a stream 0.5 s, a stream read into one reused buffer (a "BYOB" reader, where the
/// browser has it) 0.3-0.5 s.
enum Chunks {
    /// Read into `buffer` ([`SLICE`] bytes), which each read hands back (the stream moves it).
    Byob { reader: web_sys::ReadableStreamByobReader, buffer: Option<js_sys::ArrayBuffer> },
    /// The stream's own chunks (a browser whose `Blob.stream()` has no BYOB reader).
    Default(web_sys::ReadableStreamDefaultReader),
}

impl Chunks {
    fn of(blob: &web_sys::Blob, start: u64) -> Result<Chunks, String> {
        let stream = blob.slice_with_f64(start as f64).map_err(|e| said(&e))?.stream();
        Ok(match web_sys::ReadableStreamByobReader::new(&stream) {
            Ok(reader) => Chunks::Byob { reader, buffer: None },
            Err(_) => Chunks::Default(stream.get_reader().unchecked_into()),
        })
    }

    /// The next chunk; `None` at the end of the file.
    async fn next(&mut self) -> Result<Option<js_sys::Uint8Array>, String> {
        let read = match self {
            Chunks::Byob { reader, buffer } => {
                let buffer = buffer.take().unwrap_or_else(|| js_sys::ArrayBuffer::new(SLICE as u32));
                reader.read_with_array_buffer_view(&js_sys::Uint8Array::new(&buffer))
            }
            Chunks::Default(reader) => reader.read(),
        };
        let next = JsFuture::from(read).await.map_err(|e| said(&e))?;
        if js_sys::Reflect::get(&next, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(None);
        }
        match js_sys::Reflect::get(&next, &"value".into()).map(|v| v.dyn_into::<js_sys::Uint8Array>()) {
            Ok(Ok(value)) => Ok(Some(value)),
            _ => Err("the browser handed a chunk that is not bytes".into()),
        }
    }

    /// A chunk that has been copied: its buffer is read into again.
    fn give_back(&mut self, chunk: js_sys::Uint8Array) {
        if let Chunks::Byob { buffer, .. } = self {
            *buffer = Some(chunk.buffer());
        }
    }

    /// Stops the browser's reading (the promise it answers is not waited for).
    fn cancel(&self) {
        let _ = match self {
            Chunks::Byob { reader, .. } => reader.cancel(),
            Chunks::Default(reader) => reader.cancel(),
        };
    }
}

/// The longest time the reading loop runs without yielding to the worker's event loop, in milliseconds.
const YIELD_EVERY_MS: f64 = 50.0;

/// Lets the worker's event loop run the messages that wait (a message to itself through a
/// `MessageChannel`: a task, without the 4 ms that nested timers are held back).
async fn yield_to_events() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let port = channel.port1();
    let wake = js_sys::Promise::new(&mut |resolve, _| port.set_onmessage(Some(&resolve)));
    if channel.port2().post_message(&JsValue::UNDEFINED).is_ok() {
        let _ = JsFuture::from(wake).await;
    }
    port.set_onmessage(None);
}

/// A browser error as text.
fn said(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
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
