//! Bytes to JSON documents: JSON lines or one JSON array, gzip-compressed or not, each document with its line.
//!
//! STUB (lead): a first version that keeps the bytes and splits lines at the end, so that the rest
//! can be built on it; the reading helper replaces it with the streamed, bounded one (gzip, arrays,
//! limits) behind the same interface.

use crate::aep::ReadError;
use crate::message::Message;

/// Where the documents of a file go.
pub trait DocSink {
    /// One JSON document: a line of JSON lines, or an element of an array (`line`: where it starts).
    fn doc(&mut self, line: u64, json: &[u8]);
    /// A document that cannot be read as one (its `line`, and why).
    fn reject(&mut self, line: u64, reason: Message);
}

/// Reads one file's bytes, pushed in chunks of any size, into documents.
#[derive(Debug, Default)]
pub struct JsonDocs {
    name: String,
    bytes: Vec<u8>,
}

impl JsonDocs {
    /// A reader for the file `name` (used in errors).
    pub fn new(name: &str) -> Self {
        JsonDocs { name: name.to_string(), bytes: Vec::new() }
    }

    /// A reader of a byte range of a JSON-lines file (not gzip, not an array), for a file cut over
    /// several readers: lines are numbered from 1 at the range's first byte, and the counter that
    /// merges the ranges shifts them.
    pub fn lines(name: &str) -> Self {
        JsonDocs::new(name)
    }

    /// The next chunk of the file.
    pub fn push(&mut self, chunk: &[u8], _sink: &mut impl DocSink) -> Result<(), ReadError> {
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    /// The end of the file; returns the format read (`JSON lines`, `JSON array (gzip)`, ...).
    pub fn finish(&mut self, sink: &mut impl DocSink) -> Result<String, ReadError> {
        let _ = &self.name;
        for (n, line) in self.bytes.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            sink.doc(n as u64 + 1, line);
        }
        Ok("JSON lines".to_string())
    }
}
