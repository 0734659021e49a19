//! Bytes to JSON documents: JSON lines or one JSON array, gzip-compressed or not, each document with its line, streamed and bounded.
//!
//! [`JsonDocs`] is pushed a file's bytes in chunks of any size and hands each
//! JSON document to a [`DocSink`] with the line it starts on; it never holds
//! more than one document (at most [`MAX_DOC_BYTES`]) and a chunk of output of
//! the gzip decoder, whatever the file holds.
//!
//! - **gzip** is told by its magic bytes (`1f 8b`), never by the name, and
//!   decompressed as it comes (several members are read one after the other).
//!   A *gzip bomb* stops the file: once more than [`GZIP_RATIO_FROM`] bytes
//!   came out, the output may not be more than [`GZIP_MAX_RATIO`] times the
//!   compressed bytes read so far (JSON exports compress 5 to 20 times). A
//!   stream that ends early (a truncated file) or cannot be decoded (a corrupt
//!   one) stops the file too; the documents before are counted.
//! - **JSON lines** or **one JSON array** is told by the first byte that is not
//!   white space (after a UTF-8 byte-order mark): `[` is an array, anything
//!   else lines. Blank lines are skipped. An array's elements are split at
//!   depth 1 by a small structural scanner that follows strings and their
//!   escapes and counts brackets (no recursion: a 100 000-deep value is one
//!   element, which the record parser then rejects); each element's line is
//!   the line of its first byte. An array that is never closed stops the file
//!   at the line of the element it was in.
//! - A document longer than [`MAX_DOC_BYTES`] is rejected with its line
//!   (`record-too-long`) and skipped, without being held: a 1 GB line costs
//!   one scan for its end.
//!
//! Errors that stop a file are [`ReadError`]s (file, line, message); documents
//! that are rejected go to [`DocSink::reject`]. [`said`] turns a
//! [`ReadError`] into one [`Message`] with its place, for a warning.

use std::io::Write;

use flate2::write::MultiGzDecoder;

use crate::aep::ReadError;
use crate::message::{Arg, Message};

/// Where the documents of a file go.
pub trait DocSink {
    /// One JSON document: a line of JSON lines, or an element of an array (`line`: where it starts).
    fn doc(&mut self, line: u64, json: &[u8]);
    /// A document that cannot be read as one (its `line`, and why).
    fn reject(&mut self, line: u64, reason: Message);
}

/// The longest document read (16 MiB); a longer one is rejected with its line and skipped.
pub const MAX_DOC_BYTES: usize = 16 << 20;
/// A gzip stream may not decompress to more than this many times its compressed bytes...
pub const GZIP_MAX_RATIO: u64 = 200;
/// ... once this many bytes (64 MiB) came out of it.
pub const GZIP_RATIO_FROM: u64 = 64 << 20;

/// The [`ReadError`] as one message with its place (`aep-file-error`, `aep-file-line-error`), for a
/// warning in any language; its English is the error's `Display`.
pub fn said(e: &ReadError) -> Message {
    let m = match e.line {
        Some(line) => Message::new("aep-file-line-error").with("line", Arg::Line(line)),
        None => Message::new("aep-file-error"),
    };
    m.file(&e.file).with("reason", Arg::Message(Box::new(e.message.clone())))
}

/// What the bytes turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Nothing but white space yet.
    Unknown,
    Lines,
    Array,
    /// The array is closed: only white space may follow.
    Closed,
}

/// The decompression stage.
enum Stage {
    /// The first bytes, until two tell whether it is gzip.
    Head(Vec<u8>),
    Plain,
    Gzip(Box<MultiGzDecoder<Vec<u8>>>),
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stage::Head(h) => write!(f, "Head({h:?})"),
            Stage::Plain => f.write_str("Plain"),
            Stage::Gzip(_) => f.write_str("Gzip"),
        }
    }
}

/// A byte range of a JSON-lines file ([`JsonDocs::range`]).
#[derive(Clone, Copy, Debug)]
struct Range {
    /// Bytes of the range, from its first byte (its `end - start`).
    len: u64,
    /// Drop the bytes up to the first line break (the line before belongs to the previous range).
    skip_first: bool,
    /// The line break at or after `len` was read: the range has read its last line.
    done: bool,
    /// Line breaks in the range's first `len` bytes.
    newlines: u64,
}

/// The text stage: documents out of (decompressed) bytes.
#[derive(Debug)]
struct Text {
    mode: Mode,
    /// The first bytes, until three tell whether there is a byte-order mark.
    head: Vec<u8>,
    head_done: bool,
    /// The line of the next byte.
    line: u64,
    /// Bytes of text read (for a range: from its first byte).
    pos: u64,
    /// The document being read, when it spans chunks.
    buf: Vec<u8>,
    /// The line the document being read starts on.
    doc_line: u64,
    /// The document being read is longer than [`MAX_DOC_BYTES`]: skipped to its end, then rejected.
    too_long: bool,
    /// Array: the depth of brackets (1 inside the top array), a string and its escape, an element begun.
    depth: u64,
    in_string: bool,
    escape: bool,
    in_element: bool,
    /// Array: an element was ended by a comma (so `]` or `,` next is an empty element).
    after_comma: bool,
    range: Option<Range>,
}

/// Reads one file's bytes, pushed in chunks of any size, into documents.
#[derive(Debug)]
pub struct JsonDocs {
    name: String,
    stage: Stage,
    gzip_in: u64,
    gzip_out: u64,
    text: Text,
    failed: Option<ReadError>,
}

impl Default for JsonDocs {
    fn default() -> Self {
        JsonDocs::new("")
    }
}

impl JsonDocs {
    /// A reader for the file `name` (used in errors): JSON lines or a JSON array, gzip-compressed or not.
    pub fn new(name: &str) -> Self {
        JsonDocs {
            name: name.to_string(),
            stage: Stage::Head(Vec::new()),
            gzip_in: 0,
            gzip_out: 0,
            text: Text {
                mode: Mode::Unknown,
                head: Vec::new(),
                head_done: false,
                line: 1,
                pos: 0,
                buf: Vec::new(),
                doc_line: 1,
                too_long: false,
                depth: 0,
                in_string: false,
                escape: false,
                in_element: false,
                after_comma: false,
                range: None,
            },
            failed: None,
        }
    }

    /// A reader of JSON lines (not gzip, not an array) that takes every line pushed as a document,
    /// numbered from 1 at the first byte pushed: for a caller that pushes whole lines of a file cut
    /// over several readers (it starts at a line's first byte and ends after a line break, or at
    /// the end of the file), and shifts the lines when it merges. Same as
    /// `JsonDocs::range(name, 0, u64::MAX)`, without the byte-order mark. See [`JsonDocs::range`]
    /// for a reader that finds the lines of a byte range itself.
    pub fn lines(name: &str) -> Self {
        let mut docs = JsonDocs::range(name, 0, u64::MAX);
        docs.text.head_done = true;
        docs
    }

    /// A reader of the byte range `start..end` of a JSON-lines file (not gzip, not an array), cut as
    /// `split.rs` cuts a CSV file, so that each line is read by exactly one range:
    ///
    /// - push the file's bytes from `start` on, in chunks of any size;
    /// - when `start > 0`, the bytes up to and including the first line break are dropped (that
    ///   line belongs to the range before); when `start == 0`, a UTF-8 byte-order mark is skipped;
    /// - the range reads on past `end` up to and including the first line break at or after `end`
    ///   (offset `end - 1` or later), then [`JsonDocs::done`] is true and further bytes are ignored;
    ///   the last range simply ends with the file ([`JsonDocs::finish`]);
    /// - so a range reads the lines that start after `start` (at `start` for the first range) and
    ///   at or before `end`;
    /// - lines are numbered from 1 at byte `start` (the dropped partial line is line 1); the
    ///   file's line is that plus the line breaks before `start`, which is the sum of
    ///   [`JsonDocs::newlines`] of the ranges before.
    pub fn range(name: &str, start: u64, end: u64) -> Self {
        let mut docs = JsonDocs::new(name);
        docs.stage = Stage::Plain;
        docs.text.mode = Mode::Lines;
        docs.text.head_done = start > 0;
        docs.text.range =
            Some(Range { len: end.saturating_sub(start), skip_first: start > 0, done: false, newlines: 0 });
        docs
    }

    /// A range reader has read its last line: push no more (more is ignored).
    pub fn done(&self) -> bool {
        self.text.range.is_some_and(|r| r.done)
    }

    /// The line breaks read in the range's bytes `start..end` (all of them for other readers).
    pub fn newlines(&self) -> u64 {
        match self.text.range {
            Some(r) => r.newlines,
            None => self.text.line - 1,
        }
    }

    /// The next chunk of the file.
    pub fn push(&mut self, chunk: &[u8], sink: &mut impl DocSink) -> Result<(), ReadError> {
        if self.failed.is_some() || chunk.is_empty() {
            return Ok(());
        }
        let result = self.feed(chunk, sink);
        if let Err(e) = &result {
            self.failed = Some(e.clone());
        }
        result
    }

    fn fail(&self, line: Option<u64>, message: Message) -> ReadError {
        ReadError { file: self.name.clone(), line, message }
    }

    fn feed(&mut self, chunk: &[u8], sink: &mut impl DocSink) -> Result<(), ReadError> {
        if let Stage::Head(head) = &mut self.stage {
            head.extend_from_slice(chunk);
            if head.len() < 2 {
                return Ok(());
            }
            let head = std::mem::take(head);
            self.stage = if head.starts_with(&[0x1f, 0x8b]) {
                Stage::Gzip(Box::new(MultiGzDecoder::new(Vec::with_capacity(64 << 10))))
            } else {
                Stage::Plain
            };
            return self.feed(&head, sink);
        }
        if let Stage::Plain = self.stage {
            return self.text.feed(chunk, &self.name, sink);
        }
        let mut input = chunk;
        while !input.is_empty() {
            let Stage::Gzip(decoder) = &mut self.stage else { break };
            let n = match decoder.write(input) {
                Ok(n) => n,
                Err(e) => {
                    let line = Some(self.text.line);
                    return Err(
                        self.fail(line, Message::new("aep-gzip-corrupt").with("error", Arg::Text(e.to_string())))
                    );
                }
            };
            let out = std::mem::take(decoder.get_mut());
            self.gzip_in += n as u64;
            self.gzip_out += out.len() as u64;
            input = &input[n..];
            if self.gzip_out > GZIP_RATIO_FROM && self.gzip_out > GZIP_MAX_RATIO * self.gzip_in {
                let line = Some(self.text.line);
                return Err(self.fail(
                    line,
                    Message::new("aep-gzip-bomb")
                        .with("ratio", Arg::Number(GZIP_MAX_RATIO))
                        .with("size", Arg::Number(self.gzip_out >> 20)),
                ));
            }
            self.text.feed(&out, &self.name, sink)?;
            let mut out = out;
            out.clear();
            if let Stage::Gzip(decoder) = &mut self.stage {
                *decoder.get_mut() = out;
            }
            if n == 0 {
                let line = Some(self.text.line);
                return Err(self
                    .fail(line, Message::new("aep-gzip-corrupt").with("error", Arg::Text("no progress".to_string()))));
            }
        }
        Ok(())
    }

    /// The end of the file; returns the format read (`JSON lines`, `JSON array (gzip)`, ...).
    pub fn finish(&mut self, sink: &mut impl DocSink) -> Result<String, ReadError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.end(sink);
        if let Err(e) = &result {
            self.failed = Some(e.clone());
        }
        result
    }

    fn end(&mut self, sink: &mut impl DocSink) -> Result<String, ReadError> {
        let mut gzip = false;
        match std::mem::replace(&mut self.stage, Stage::Plain) {
            Stage::Head(head) => self.text.feed(&head, &self.name, sink)?,
            Stage::Plain => {}
            Stage::Gzip(mut decoder) => {
                gzip = true;
                let finished = decoder.try_finish();
                let out = std::mem::take(decoder.get_mut());
                self.text.feed(&out, &self.name, sink)?;
                if finished.is_err() {
                    return Err(self.fail(Some(self.text.line), Message::new("aep-gzip-truncated")));
                }
            }
        }
        self.text.end(&self.name, sink)?;
        let kind = match self.text.mode {
            Mode::Array | Mode::Closed => "JSON array",
            Mode::Unknown | Mode::Lines => "JSON lines",
        };
        Ok(if gzip { format!("{kind} (gzip)") } else { kind.to_string() })
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Text {
    fn feed(&mut self, chunk: &[u8], name: &str, sink: &mut impl DocSink) -> Result<(), ReadError> {
        if !self.head_done {
            self.head.extend_from_slice(chunk);
            if self.head.len() < 3 {
                return Ok(());
            }
            self.head_done = true;
            let head = std::mem::take(&mut self.head);
            let rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
            return self.feed(rest, name, sink);
        }
        let mut rest = chunk;
        if self.mode == Mode::Unknown {
            let Some(first) = rest.iter().position(|&b| !is_space(b)) else {
                self.line += memchr::memchr_iter(b'\n', rest).count() as u64;
                return Ok(());
            };
            self.line += memchr::memchr_iter(b'\n', &rest[..first]).count() as u64;
            rest = &rest[first..];
            if rest[0] == b'[' {
                self.mode = Mode::Array;
                self.depth = 1;
                rest = &rest[1..];
            } else {
                self.mode = Mode::Lines;
            }
        }
        match self.mode {
            Mode::Lines => {
                self.lines(rest, sink);
                Ok(())
            }
            _ => self.array(rest, name, sink),
        }
    }

    /// A whole line (without its line break) of JSON lines.
    fn line_doc(&mut self, line: &[u8], sink: &mut impl DocSink) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !line.iter().all(|&b| is_space(b)) {
            sink.doc(self.doc_line, line);
        }
    }

    fn lines(&mut self, mut rest: &[u8], sink: &mut impl DocSink) {
        while !rest.is_empty() {
            if self.range.is_some_and(|r| r.done) {
                return;
            }
            let Some(i) = memchr::memchr(b'\n', rest) else {
                if self.range.is_some_and(|r| r.skip_first) {
                    // The previous range's line: not held.
                } else if !self.too_long && self.buf.len() + rest.len() > MAX_DOC_BYTES {
                    self.too_long = true;
                    self.buf = Vec::new();
                } else if !self.too_long {
                    if self.buf.is_empty() {
                        self.doc_line = self.line;
                    }
                    self.buf.extend_from_slice(rest);
                }
                self.pos += rest.len() as u64;
                return;
            };
            let at = self.pos + i as u64;
            match &mut self.range {
                Some(r) if r.skip_first => r.skip_first = false,
                _ => {
                    if self.buf.is_empty() && !self.too_long {
                        self.doc_line = self.line;
                    }
                    if self.too_long || self.buf.len() + i > MAX_DOC_BYTES {
                        sink.reject(self.doc_line, Message::new("record-too-long"));
                    } else if self.buf.is_empty() {
                        self.line_doc(&rest[..i], sink);
                    } else {
                        let mut buf = std::mem::take(&mut self.buf);
                        buf.extend_from_slice(&rest[..i]);
                        self.line_doc(&buf, sink);
                        buf.clear();
                        self.buf = buf;
                    }
                    self.too_long = false;
                    self.buf.clear();
                }
            }
            if let Some(r) = &mut self.range {
                if at < r.len {
                    r.newlines += 1;
                } else {
                    r.done = true;
                }
            }
            self.line += 1;
            self.pos = at + 1;
            rest = &rest[i + 1..];
        }
    }

    /// The end of an array element (at a `,` or the closing `]`), whose last bytes are `tail`.
    fn element(&mut self, tail: &[u8], sink: &mut impl DocSink) {
        if self.too_long || self.buf.len() + tail.len() > MAX_DOC_BYTES {
            sink.reject(self.doc_line, Message::new("record-too-long"));
        } else if self.buf.is_empty() {
            sink.doc(self.doc_line, trim_end(tail));
        } else {
            let mut buf = std::mem::take(&mut self.buf);
            buf.extend_from_slice(tail);
            sink.doc(self.doc_line, trim_end(&buf));
            buf.clear();
            self.buf = buf;
        }
        self.buf.clear();
        self.too_long = false;
        self.in_element = false;
    }

    fn array(&mut self, chunk: &[u8], name: &str, sink: &mut impl DocSink) -> Result<(), ReadError> {
        // Where the current element's bytes begin in this chunk.
        let mut from = if self.in_element { Some(0) } else { None };
        let mut i = 0;
        while i < chunk.len() {
            let b = chunk[i];
            if self.mode == Mode::Closed {
                if !is_space(b) {
                    return Err(ReadError {
                        file: name.to_string(),
                        line: Some(self.line),
                        message: Message::new("aep-after-array"),
                    });
                }
                if b == b'\n' {
                    self.line += 1;
                }
                i += 1;
                continue;
            }
            if self.in_string {
                // Skip to the next quote or backslash.
                if self.escape {
                    self.escape = false;
                    i += 1;
                    continue;
                }
                match memchr::memchr3(b'"', b'\\', b'\n', &chunk[i..]) {
                    None => i = chunk.len(),
                    Some(k) => {
                        i += k;
                        match chunk[i] {
                            b'"' => self.in_string = false,
                            b'\\' => self.escape = true,
                            _ => self.line += 1,
                        }
                        i += 1;
                    }
                }
                continue;
            }
            if self.depth == 1 && (b == b',' || b == b']') {
                if self.in_element {
                    let start = from.unwrap_or(i);
                    self.element(&chunk[start..i], sink);
                    from = None;
                } else if b == b',' || self.after_comma {
                    sink.reject(self.line, Message::new("record-empty-element"));
                }
                self.after_comma = b == b',';
                if b == b']' {
                    self.depth = 0;
                    self.mode = Mode::Closed;
                }
                i += 1;
                continue;
            }
            if !self.in_element && !is_space(b) {
                self.in_element = true;
                self.doc_line = self.line;
                from = Some(i);
            }
            match b {
                b'\n' => self.line += 1,
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' if self.depth > 1 => self.depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if let (true, Some(start)) = (self.in_element, from) {
            let piece = &chunk[start..];
            if !self.too_long && self.buf.len() + piece.len() > MAX_DOC_BYTES {
                self.too_long = true;
                self.buf = Vec::new();
            } else if !self.too_long {
                self.buf.extend_from_slice(piece);
            }
        }
        Ok(())
    }

    fn end(&mut self, name: &str, sink: &mut impl DocSink) -> Result<(), ReadError> {
        if !self.head_done {
            self.head_done = true;
            let head = std::mem::take(&mut self.head);
            let rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
            self.feed(rest, name, sink)?;
        }
        match self.mode {
            Mode::Lines => {
                if self.range.is_some_and(|r| r.done || r.skip_first) {
                    return Ok(());
                }
                if self.too_long {
                    sink.reject(self.doc_line, Message::new("record-too-long"));
                } else if !self.buf.is_empty() {
                    let buf = std::mem::take(&mut self.buf);
                    self.line_doc(&buf, sink);
                }
                Ok(())
            }
            Mode::Array => Err(ReadError {
                file: name.to_string(),
                line: Some(if self.in_element { self.doc_line } else { self.line }),
                message: Message::new("aep-unclosed-array"),
            }),
            Mode::Unknown | Mode::Closed => Ok(()),
        }
    }
}

fn trim_end(b: &[u8]) -> &[u8] {
    let n = b.iter().rposition(|&c| !is_space(c)).map_or(0, |p| p + 1);
    &b[..n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Docs(Vec<(u64, String)>);
    impl DocSink for Docs {
        fn doc(&mut self, line: u64, json: &[u8]) {
            self.0.push((line, String::from_utf8_lossy(json).into_owned()));
        }
        fn reject(&mut self, line: u64, reason: Message) {
            self.0.push((line, format!("rejected: {}", reason.id)));
        }
    }

    /// Reads `bytes` pushed in chunks of `size`: the documents and the format (or the error).
    fn read(bytes: &[u8], size: usize) -> (Vec<(u64, String)>, Result<String, ReadError>) {
        let mut docs = Docs::default();
        let mut r = JsonDocs::new("f.json");
        for chunk in bytes.chunks(size.max(1)) {
            if let Err(e) = r.push(chunk, &mut docs) {
                return (docs.0, Err(e));
            }
        }
        let f = r.finish(&mut docs);
        (docs.0, f)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn pairs(v: &[(u64, String)]) -> Vec<(u64, &str)> {
        v.iter().map(|(l, s)| (*l, s.as_str())).collect()
    }

    #[test]
    fn json_lines_and_arrays_in_any_chunks_plain_or_gzip() {
        let lines = b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{\"b\":\"x\\ny\"}\n[2]";
        let array = b"\n [ {\"a\":1},\n  {\"b\":\"],\\\"[\"} ,\n3, \"s\" ,[[1],{}]\n]\n ";
        for size in [1, 2, 3, 7, 1000] {
            let (docs, f) = read(lines, size);
            assert_eq!(f.as_deref(), Ok("JSON lines"));
            assert_eq!(pairs(&docs), [(1, "{\"a\":1}"), (4, "{\"b\":\"x\\ny\"}"), (5, "[2]")]);
            let (docs, f) = read(&gzip(lines), size);
            assert_eq!(f.as_deref(), Ok("JSON lines (gzip)"));
            assert_eq!(docs.len(), 3);
            let (docs, f) = read(array, size);
            assert_eq!(f.as_deref(), Ok("JSON array"));
            assert_eq!(
                pairs(&docs),
                [(2, "{\"a\":1}"), (3, "{\"b\":\"],\\\"[\"}"), (4, "3"), (4, "\"s\""), (4, "[[1],{}]")]
            );
            let (docs, f) = read(&gzip(array), size);
            assert_eq!(f.as_deref(), Ok("JSON array (gzip)"));
            assert_eq!(docs.len(), 5);
        }
        assert_eq!(read(b"", 10).1.as_deref(), Ok("JSON lines"));
        assert_eq!(read(b"[]", 1).1.as_deref(), Ok("JSON array"));
        assert_eq!(read(b"{}", 10).0.len(), 1);
    }

    #[test]
    fn empty_elements_an_unclosed_array_and_text_after_it() {
        let (docs, f) = read(b"[1,,2,]", 2);
        assert_eq!(
            pairs(&docs),
            [(1, "1"), (1, "rejected: record-empty-element"), (1, "2"), (1, "rejected: record-empty-element")]
        );
        assert!(f.is_ok());
        let (docs, f) = read(b"[{\"a\":1},\n{\"b\":[1,\n2", 3);
        assert_eq!(pairs(&docs), [(1, "{\"a\":1}")]);
        let e = f.unwrap_err();
        assert_eq!((e.line, e.message.id.as_str()), (Some(2), "aep-unclosed-array"));
        let e = read(b"[1]\n\n x", 1).1.unwrap_err();
        assert_eq!((e.line, e.message.id.as_str()), (Some(3), "aep-after-array"));
    }

    #[test]
    fn a_range_reads_the_lines_that_start_in_it_and_the_ranges_add_up() {
        let file = b"{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n{\"n\":4}";
        let whole: Vec<(u64, String)> = read(file, 5).0;
        for cuts in [vec![8u64], vec![7], vec![9], vec![1, 8, 9, 16, 17], vec![3, 20, 30]] {
            let mut bounds = vec![0u64];
            bounds.extend(cuts.iter().copied());
            bounds.push(file.len() as u64);
            let mut all = Vec::new();
            let mut before = 0;
            for w in bounds.windows(2) {
                let mut r = JsonDocs::range("f.json", w[0], w[1]);
                let mut docs = Docs::default();
                for chunk in file[w[0] as usize..].chunks(3) {
                    if r.done() {
                        break;
                    }
                    r.push(chunk, &mut docs).unwrap();
                }
                r.finish(&mut docs).unwrap();
                all.extend(docs.0.into_iter().map(|(l, d)| (l + before, d)));
                before += r.newlines();
            }
            assert_eq!(all, whole, "cuts {cuts:?}");
        }
    }

    #[test]
    fn a_line_of_a_gigabyte_is_rejected_and_skipped_without_being_held() {
        let mut docs = Docs::default();
        let mut r = JsonDocs::new("big.json");
        r.push(b"{\"a\":1}\n{\"b\":\"", &mut docs).unwrap();
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..1024 {
            r.push(&chunk, &mut docs).unwrap();
            assert!(r.text.buf.capacity() <= MAX_DOC_BYTES + (1 << 20));
        }
        r.push(b"\"}\n{\"c\":3}\n", &mut docs).unwrap();
        assert_eq!(r.finish(&mut docs).as_deref(), Ok("JSON lines"));
        assert_eq!(pairs(&docs.0), [(1, "{\"a\":1}"), (2, "rejected: record-too-long"), (3, "{\"c\":3}")]);
    }

    #[test]
    fn gzip_bombs_truncated_and_corrupt_streams_stop_the_file() {
        // 100 gzip members of 1 MiB of line breaks each: about 1 000 times smaller than they come out.
        let zeros = gzip(&vec![b'\n'; 1 << 20]).repeat(100);
        let (docs, f) = read(&zeros, 1 << 16);
        assert!(docs.is_empty());
        let e = f.unwrap_err();
        assert_eq!(e.message.id, "aep-gzip-bomb");
        assert!(e.to_string().starts_with("f.json, line "), "{e}");
        let good = gzip(b"{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
        let (docs, f) = read(&good[..good.len() - 12], 4);
        assert_eq!(f.unwrap_err().message.id, "aep-gzip-truncated");
        assert!(docs.len() <= 3);
        let mut bad = good.clone();
        for b in &mut bad[12..20] {
            *b ^= 0x5a;
        }
        let e = read(&bad, 4).1.unwrap_err();
        assert!(["aep-gzip-corrupt", "aep-gzip-truncated"].contains(&e.message.id.as_str()), "{e}");
        let m = said(&e);
        assert_eq!(m.to_string(), e.to_string());
    }
}
