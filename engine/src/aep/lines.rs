//! One JSON-lines file counted as byte ranges: where to cut it, which bytes each range reads, and how the ranges fit back together.
//!
//! Shared by the two counters that read JSON lines, the Profiles one
//! ([`ProfileCounter::begin_part`](crate::aep::ProfileCounter::begin_part)) and
//! the engageable-profiles one
//! ([`EventCounter::begin_part`](crate::engage::EventCounter::begin_part)): a
//! file is cut into [`LinesPart`]s, each read by a counter of its own
//! (`PartRun` keeps the bytes that belong to it and hands its reader whole
//! lines), and every ended part says where it began and stopped and how many
//! lines it read (`PartEnd`). `fit` checks that the ended parts cover the
//! file once and gives each part its *line shift*: the lines of the parts
//! before it, so that its own line numbers (counted from its first line)
//! become the file's when the counters merge. Gzip files and JSON arrays are
//! not cut: their lines are not where their bytes are.

use serde::{Deserialize, Serialize};

use crate::aep::read::JsonDocs;
use crate::aep::ReadError;
use crate::message::Message;
use crate::split::PartsError;

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
    /// use engine::aep::lines::LinesPart;
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

    /// The reader of the part's lines: they come whole from [`PartRun::take`]; the first part's
    /// reader skips a byte-order mark as a whole file's does.
    pub(crate) fn reader(&self, name: &str) -> JsonDocs {
        if self.start == 0 {
            JsonDocs::range(name, 0, u64::MAX)
        } else {
            JsonDocs::lines(name)
        }
    }
}

/// Where a part is in its file while it is read.
#[derive(Clone, Debug)]
pub(crate) struct PartRun {
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
    pub(crate) fn new(part: &LinesPart) -> PartRun {
        PartRun { part: *part, pos: part.start, begin: (part.start == 0).then_some(0), stop: None, lines: 0 }
    }

    /// Whether the part has read its last line (bytes pushed after are ignored).
    pub(crate) fn done(&self) -> bool {
        self.stop.is_some()
    }

    /// The bytes of `chunk` (the file's bytes from where the last chunk ended) that belong to the part.
    pub(crate) fn take<'c>(&mut self, chunk: &'c [u8]) -> &'c [u8] {
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

    /// What the part keeps for the merge once it has ended, with the read error that stopped it.
    pub(crate) fn end(&self, error: Option<&ReadError>) -> PartEnd {
        let stop = self.stop.unwrap_or(self.pos);
        PartEnd {
            part: self.part,
            begin: self.begin.unwrap_or(stop),
            stop,
            lines: self.lines,
            short: self.stop.is_none() && self.pos < self.part.file_len,
            error: error.map(|e| (e.line, e.message.clone())),
        }
    }
}

/// What an ended part keeps for the merge of the parts of its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PartEnd {
    pub part: LinesPart,
    /// The file offset of the part's first line, and after its last line.
    pub begin: u64,
    pub stop: u64,
    /// Line breaks from `begin` to `stop`.
    pub lines: u64,
    /// The part ended before its last line and before the end of the file.
    pub short: bool,
    /// The read error that stopped the part: its line in the part, and why.
    pub error: Option<(Option<u64>, Message)>,
}

/// How the ended parts of one file fit together.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fit {
    /// The last part to merge: the one that stopped on a read error (one pass stops there), or the last.
    pub last: usize,
    /// For each part up to `last`: the lines of the parts before it, added to its own line numbers.
    pub shifts: Vec<u64>,
    /// The read error of part `last`, with its line in the file.
    pub error: Option<ReadError>,
}

/// Checks that the ended parts of the file `name`, sorted by start, cover it once, each beginning
/// where the one before it stopped (up to one stopped by a read error), and gives their line shifts.
pub(crate) fn fit(ends: &[&PartEnd], name: &str) -> Result<Fit, PartsError> {
    let invalid = |m: &str| Err(PartsError::Invalid(m.to_string()));
    let (Some(first), Some(final_)) = (ends.first(), ends.last()) else { return invalid("no parts to merge") };
    let file_len = first.part.file_len;
    if first.part.start != 0
        || final_.part.end != file_len
        || ends.windows(2).any(|w| w[0].part.end != w[1].part.start)
        || ends.iter().any(|s| s.part.file_len != file_len)
    {
        return invalid("the parts are not the parts of one file, or leave a gap");
    }
    if ends.iter().any(|s| s.short) {
        return invalid("a part was ended before its last line and before the end of the file");
    }
    let last = ends.iter().position(|s| s.error.is_some()).unwrap_or(ends.len() - 1);
    if ends[..last].windows(2).any(|w| w[0].stop != w[1].begin) {
        return invalid("a part did not begin where the one before it stopped");
    }
    let mut shifts = Vec::with_capacity(last + 1);
    let mut shift = 0u64;
    for s in &ends[..=last] {
        shifts.push(shift);
        shift = shift.saturating_add(s.lines);
    }
    let error = ends[last].error.clone().map(|(line, message)| ReadError {
        file: name.to_string(),
        line: line.map(|l| l.saturating_add(shifts[last])),
        message,
    });
    Ok(Fit { last, shifts, error })
}
