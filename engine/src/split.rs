//! Counting one large file as byte ranges: where to cut it, what each range needs, and how the ranges are checked.
//!
//! A file is cut into [`Part`]s by [`Split`], each counted by its own
//! [`Counter`](crate::Counter) (on a thread or a web worker) with
//! [`Counter::begin_part`](crate::Counter::begin_part), and the parts are merged
//! with [`Counter::merge_parts`](crate::Counter::merge_parts) into exactly the
//! state one pass over the file gives.
//!
//! # How a part reads
//!
//! Every part is given the file's *head*: its first bytes up to the end of the
//! header line (with a UTF-8 byte-order mark, if any), so it knows the columns,
//! the delimiter and the line endings. A part whose range starts inside the
//! file drops the bytes up to its first line break and counts from the byte
//! after it; the part before it reads past its own end up to the first line
//! break at or after that end at which a record ends. So each record is
//! counted by exactly one part, the one in whose range it starts, and a part
//! holds one record at a time, never its range.
//!
//! A line break inside a quoted field can fool the part that starts there: it
//! takes the quoted line break for the end of a record. The parts say where
//! they began and where they stopped counting;
//! [`Counter::merge_parts`](crate::Counter::merge_parts) checks that each part
//! began where the one before it stopped and, if one did not, answers with a
//! [`Redo`]: the range to read again from a known record start.
//! It does the same when a part read as UTF-8 what the file had already shown
//! to be Windows-1252, or decided the day/month order otherwise than the file
//! had before it. Nothing is merged until every part fits.
//!
//! # What cannot be split
//!
//! UTF-16 files (their line breaks are two bytes wide and a byte-order mark
//! that lies needs more sniffing), files whose header line does not end
//! within the first bytes given, headers with stray quotes (where the quote
//! count and the CSV reader disagree on where the header ends), and files
//! smaller than their head plus one byte per part are counted in one part:
//! [`Split::parts`] then returns a single part, which is the same as reading
//! the file with [`Counter::begin_file`](crate::Counter::begin_file);
//! [`Split::why_not`] says why.

use serde::{Deserialize, Serialize};

use crate::csvread::{header_end, DecodedCsv, Record};
use crate::date::Order;

/// One byte range of a file to count in its own counter.
///
/// Push the file's bytes from [`Part::start`] on, in chunks of any size, until
/// [`Counter::part_done`](crate::Counter::part_done) says the part has read
/// enough or the file ends; then call [`Counter::end_file`](crate::Counter::end_file).
/// A part travels between workers as JSON or any other serde format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The first byte to push.
    pub start: u64,
    /// The part counts the records that start before this byte (and reads on to the end of the last one).
    pub end: u64,
    /// The file's size in bytes.
    pub file_len: u64,
    /// How many of the file's first bytes [`Counter::begin_part`](crate::Counter::begin_part) needs: BOM and header line.
    pub head_len: u64,
    /// `start` is known to be the start of a record (a part read again): no line break is looked for.
    #[serde(default)]
    exact: bool,
    /// Read as Windows-1252 from the first byte (the file turned out not to be UTF-8 before `start`).
    #[serde(default)]
    windows_1252: bool,
    /// The file's day/month order, decided before `start`.
    #[serde(default)]
    order: Option<Order>,
}

impl Part {
    /// The whole file as one part.
    pub fn whole(file_len: u64) -> Part {
        Part { start: 0, end: file_len, file_len, head_len: 0, exact: true, windows_1252: false, order: None }
    }

    /// Bytes of the file this part is expected to read (at least; it reads on to the end of its last record).
    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// Whether the part has no bytes of its own.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// This part read again from `start`, a record start, in the file's encoding and order there.
    pub(crate) fn redo(&self, start: u64, windows_1252: bool, order: Option<Order>) -> Part {
        Part { start, exact: true, windows_1252, order, ..self.clone() }
    }

    pub(crate) fn exact(&self) -> bool {
        self.exact || self.start == 0
    }

    pub(crate) fn windows_1252(&self) -> bool {
        self.windows_1252
    }

    pub(crate) fn order(&self) -> Option<Order> {
        self.order
    }
}

/// What a file's first bytes say about cutting it into parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    file_len: u64,
    /// Bytes of the head (BOM and header line with its line break), when the file can be cut.
    head_len: Option<u64>,
    why_not: Option<&'static str>,
}

/// How many bytes to read from the start of a file before calling [`Split::new`]: its head is
/// (nearly always) inside them.
pub const HEAD_BYTES: usize = 64 << 10;

impl Split {
    /// Looks at the first bytes of a file of `file_len` bytes (say [`HEAD_BYTES`] of them, or the whole file).
    pub fn new(first_bytes: &[u8], file_len: u64) -> Split {
        let no = |why| Split { file_len, head_len: None, why_not: Some(why) };
        if first_bytes.starts_with(&[0xFF, 0xFE]) || first_bytes.starts_with(&[0xFE, 0xFF]) {
            return no("UTF-16 files are read in one part");
        }
        let head = match Head::read(first_bytes) {
            Ok(head) => head,
            Err(why) => return no(why),
        };
        Split { file_len, head_len: Some(head.len as u64), why_not: None }
    }

    /// Whether the file can be counted in more than one part.
    pub fn can_split(&self) -> bool {
        self.head_len.is_some()
    }

    /// Why the file is counted in one part, when it is.
    pub fn why_not(&self) -> Option<&'static str> {
        self.why_not
    }

    /// How many of the file's first bytes every part needs (0 when the file cannot be cut).
    pub fn head_len(&self) -> usize {
        self.head_len.unwrap_or(0) as usize
    }

    /// The file cut into `parts` ranges of about equal size (one when it cannot be cut or is too small).
    pub fn parts(&self, parts: usize) -> Vec<Part> {
        let Some(head) = self.head_len else {
            return vec![Part::whole(self.file_len)];
        };
        let data = self.file_len.saturating_sub(head);
        let n = (parts.max(1) as u64).min(data.max(1));
        let cuts: Vec<u64> = (1..n).map(|i| head + data * i / n).collect();
        self.parts_at(&cuts)
    }

    /// The file cut at these offsets (sorted or not; offsets inside the head or past the end are left out).
    pub fn parts_at(&self, cuts: &[u64]) -> Vec<Part> {
        let Some(head) = self.head_len else {
            return vec![Part::whole(self.file_len)];
        };
        let mut cuts: Vec<u64> = cuts.iter().copied().filter(|&c| c > head && c < self.file_len).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut bounds = vec![0];
        bounds.extend(cuts);
        bounds.push(self.file_len);
        bounds
            .windows(2)
            .map(|w| Part {
                start: w[0],
                end: w[1],
                file_len: self.file_len,
                head_len: head,
                exact: w[0] == 0,
                windows_1252: false,
                order: None,
            })
            .collect()
    }
}

/// The head of a file: its BOM and header line with the line break.
pub(crate) struct Head {
    /// Bytes of the head.
    pub len: usize,
    /// The byte that ends a line: `\n`, or `\r` in a file with CR line endings.
    pub line_break: u8,
}

impl Head {
    /// The head at the start of `bytes`, if it is whole and something follows it (the byte after
    /// a CR tells CR from CRLF line endings).
    pub(crate) fn read(bytes: &[u8]) -> Result<Head, &'static str> {
        let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        let not_within = "the header line does not end within the first bytes, or nothing follows it";
        let end = skip + header_end(&bytes[skip..], &mut (0, false)).ok_or(not_within)?;
        let (len, line_break) = match (bytes[end], bytes.get(end + 1)) {
            (b'\r', Some(b'\n')) => (end + 2, b'\n'),
            (b'\r', Some(_)) => (end + 1, b'\r'),
            (b'\n', Some(_)) => (end + 1, b'\n'),
            _ => return Err(not_within),
        };
        Head::checked(&bytes[..len], line_break)
            .ok_or("the quotes of the header line leave its end in doubt, or it is too short")
    }

    /// The head that is exactly `bytes` (as [`Head::read`] measured it), if it is one.
    pub(crate) fn exact(bytes: &[u8]) -> Option<Head> {
        let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        let end = skip + header_end(&bytes[skip..], &mut (0, false))?;
        let line_break = match &bytes[end..] {
            b"\r\n" | b"\n" => b'\n',
            b"\r" => b'\r',
            _ => return None,
        };
        Head::checked(bytes, line_break)
    }

    /// The head `bytes` if the reader takes it as the header record and nothing else: the
    /// quotes that find the header line's end (`header_end`) and those of the CSV reader can
    /// disagree on a header with stray quotes, and such a file is read in one part.
    fn checked(bytes: &[u8], line_break: u8) -> Option<Head> {
        // The decoder decides on the first 3 bytes.
        if bytes.len() < 3 {
            return None;
        }
        let mut csv = crate::csvread::DecodedCsv::new();
        let mut records = 0;
        csv.push(bytes, false, &mut |_| records += 1);
        csv.csv.end_head(&mut |_| records += 1);
        (records == 1 && csv.at_boundary()).then_some(Head { len: bytes.len(), line_break })
    }
}

/// A part to read again before the parts of a file can be merged: see [`Counter::merge_parts`](crate::Counter::merge_parts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redo {
    /// The part to read (from a record start that the parts before it agree on).
    pub part: Part,
    /// The parts (indices in the vector given to `merge_parts`, which it sorted by start) that the new part's counter replaces.
    pub replaces: std::ops::Range<usize>,
    /// Why, for logs.
    pub reason: String,
}

/// Why the parts of a file were not merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartsError {
    /// One range must be read again: count [`Redo::part`] in a new counter, put it in place of
    /// [`Redo::replaces`] and merge again.
    Redo(Redo),
    /// The counters are not the ended parts of one file that cover it: a mistake of the caller.
    Invalid(String),
}

impl std::fmt::Display for PartsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartsError::Redo(r) => {
                write!(f, "bytes {} to {} must be read again: {}", r.part.start, r.part.end, r.reason)
            }
            PartsError::Invalid(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for PartsError {}

/// Where a part stands in its range.
pub(crate) struct PartRun {
    pub(crate) part: Part,
    pub(crate) line_break: u8,
    /// The file offset of the next byte pushed.
    pub(crate) pos: u64,
    /// The file offset of the first byte counted, once found.
    pub(crate) begin: Option<u64>,
    /// The file offset after the last byte counted, once the part has read enough.
    pub(crate) stop: Option<u64>,
}

impl PartRun {
    /// Pushes the bytes of the part: from its first record start on, up to the first line break at
    /// or after its end at which a record ends.
    pub(crate) fn feed(
        &mut self,
        csv: &mut DecodedCsv,
        mut input: &[u8],
        last: bool,
        on_record: &mut dyn FnMut(&Record<'_>),
    ) {
        if self.stop.is_some() {
            return;
        }
        if self.begin.is_none() {
            match memchr::memchr(self.line_break, input) {
                Some(i) => {
                    self.pos += i as u64 + 1;
                    self.begin = Some(self.pos);
                    input = &input[i + 1..];
                    if self.pos > self.part.end {
                        // The first line break is past the end: no record is this part's.
                        self.stop = Some(self.pos);
                        return;
                    }
                }
                None => {
                    self.pos += input.len() as u64;
                    if !last {
                        return;
                    }
                    self.begin = Some(self.pos);
                    input = &[];
                }
            }
        }
        // Records that start before the end are this part's.
        let free = self.part.end.saturating_sub(self.pos).min(input.len() as u64) as usize;
        if free > 0 {
            csv.push(&input[..free], false, on_record);
            self.pos += free as u64;
            input = &input[free..];
        }
        while !input.is_empty() {
            let (take, at_break) = match memchr::memchr(self.line_break, input) {
                Some(i) => (i + 1, true),
                None => (input.len(), false),
            };
            csv.push(&input[..take], false, on_record);
            self.pos += take as u64;
            input = &input[take..];
            if at_break && csv.at_boundary() {
                self.stop = Some(self.pos);
                return;
            }
        }
        if last {
            csv.push(&[], true, on_record);
        }
    }
}
