//! Journey Optimizer profile records in the counting worker: each file read in 1 MiB slices into the `ProfileCounter`.
//!
//! JSON lines and JSON arrays, gzip-compressed or not, are pushed slice by
//! slice, as the delivery logs are (the engine tells them apart by their
//! bytes). A file that cannot be read is said in the report's warnings, with
//! its file and line, and the other files are still counted.

use engine::aep::{InputKind, ProfileCounter};
use engine::message::{Arg, Message};

use crate::worker::{Progress, RecordHandle, SLICE};

/// How many first bytes tell what a file is ([`engine::aep::sniff`] and [`engine::workbook::sniff`]).
pub const HEAD_BYTES: u64 = 512;

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
    let mut start = 0;
    while start < size {
        if !still_current() {
            return;
        }
        let end = (start + SLICE).min(size);
        let chunk = match gloo::file::futures::read_as_bytes(&blob.slice(start, end)).await {
            Ok(chunk) => chunk,
            Err(e) => {
                counter.warn(unreadable(&file.path, &e.to_string()));
                progress.skip(size - start);
                let _ = counter.end_file(id);
                return;
            }
        };
        progress.advance(&chunk);
        if let Err(error) = counter.push(id, &chunk) {
            counter.warn(said(error));
            progress.skip(size - end);
            let _ = counter.end_file(id);
            return;
        }
        start = end;
    }
    if let Err(error) = counter.end_file(id) {
        counter.warn(said(error));
    }
}

/// A Parquet file (read by the engine's Parquet reader when the app is built with it).
async fn count_parquet(
    counter: &mut ProfileCounter,
    file: &RecordHandle,
    _snapshot: Option<&str>,
    progress: &mut Progress<'_>,
) {
    counter.warn(unreadable(&file.path, "Parquet is not read by this build"));
    progress.skip(file.handle.file.size() as u64);
}

/// A read error as a report warning: its message, with the file (and line) it is about.
fn said(error: engine::aep::ReadError) -> Message {
    let mut message = error.message;
    if !message.args.contains_key("file") {
        message = message.file(&error.file);
    }
    if let (Some(line), false) = (error.line, message.args.contains_key("line")) {
        message = message.with("line", Arg::Line(line));
    }
    message
}

/// A file the browser could not read (its error, as the browser says it).
fn unreadable(path: &str, error: &str) -> Message {
    Message::new("error-other").with("text", Arg::Text(format!("{path}: could not be read ({error})")))
}
