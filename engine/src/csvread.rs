//! Push-based CSV records: delimiter detection from the header line, quotes, and physical line numbers.
//!
//! The reader is fed UTF-8 bytes in chunks of any size and calls back once
//! per record with its fields and the physical line on which the record
//! starts (the first line is 1). Quoted fields may hold delimiters, doubled
//! quotes and line breaks; records end at LF or CRLF (a lone CR also ends a
//! record, as in the `csv` crate; a file whose header line ends with a lone
//! CR has CR line endings, and its lines are numbered by them). Blank lines
//! are not records.
//!
//! Memory is bounded whatever the bytes: a record longer than [`MAX_ROW_BYTES`]
//! or with more than [`MAX_FIELDS`] fields is handed on without its fields and
//! with a [`Problem`] (the reader skips to its end), and so is a record whose
//! quote is still open at the end of the file.

use crate::message::{Arg, Message};

/// The delimiters the spec allows, in the order that breaks ties.
pub(crate) const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The longest record kept, in bytes of field content: 1 MiB.
pub const MAX_ROW_BYTES: usize = 1 << 20;
/// The most fields a record may have.
pub const MAX_FIELDS: usize = 10_000;

/// Why a record was handed on without its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Problem {
    /// Longer than [`MAX_ROW_BYTES`]; `last_line` is the line on which it ends.
    TooLong { last_line: u64 },
    /// More than [`MAX_FIELDS`] fields (it has `fields`).
    TooManyFields { fields: usize },
    /// A quote still open at the end of the file, which ends on `last_line`.
    Unclosed { last_line: u64 },
}

impl Problem {
    /// The same problem with its line numbers moved by `lines` (a part's lines made the file's).
    pub(crate) fn shifted(self, lines: u64) -> Self {
        match self {
            Problem::TooLong { last_line } => Problem::TooLong { last_line: last_line.saturating_add(lines) },
            Problem::Unclosed { last_line } => Problem::Unclosed { last_line: last_line.saturating_add(lines) },
            p => p,
        }
    }

    /// The problem as a rejection reason of the record that starts on `line`.
    pub(crate) fn reason(self, line: u64) -> Message {
        match self {
            Problem::TooLong { last_line } if last_line > line => {
                Message::new("rejected-too-long-lines").with("from", Arg::Line(line)).with("to", Arg::Line(last_line))
            }
            Problem::TooLong { .. } => Message::new("rejected-too-long"),
            Problem::TooManyFields { fields } => {
                Message::new("rejected-too-many-fields").with("fields", Arg::Number(fields as u64))
            }
            Problem::Unclosed { last_line } if last_line > line => {
                Message::new("rejected-unclosed-lines").with("from", Arg::Line(line)).with("to", Arg::Line(last_line))
            }
            Problem::Unclosed { .. } => Message::new("rejected-unclosed").with("line", Arg::Line(line)),
        }
    }
}

/// One record handed to the callback.
pub(crate) struct Record<'a> {
    buf: &'a [u8],
    /// Where each field ends in `buf`.
    ends: &'a [usize],
    /// Bytes between a field's end and the next one's start: 0 when `buf` holds the fields run
    /// together (`csv_core`'s output), 1 when it is the line as written (a delimiter between them).
    gap: usize,
    /// Physical line on which the record starts.
    pub line: u64,
    /// Set when the record is handed on without its fields.
    pub problem: Option<Problem>,
}

impl<'a> Record<'a> {
    /// The field in `column`; empty when the record is shorter.
    #[inline]
    pub(crate) fn get(&self, column: usize) -> &'a [u8] {
        match self.ends.get(column) {
            Some(&e) => {
                let s = if column == 0 { 0 } else { self.ends[column - 1] + self.gap };
                &self.buf[s..e]
            }
            None => &[],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The streaming CSV state: `csv_core`'s parser, plus line numbers.
pub(crate) struct CsvReader {
    /// Bytes of the header line while the delimiter is not yet known.
    sniff: Vec<u8>,
    /// How far `sniff` has been scanned for the header's end, and whether that point is inside quotes.
    sniff_scan: (usize, bool),
    delimiter: Option<u8>,
    /// The header line ends with a lone CR: lone CRs are the line breaks (read as LF).
    cr_lines: bool,
    /// CR-to-LF copy of a chunk of a CR-lines file.
    scratch: Vec<u8>,
    /// The record in progress has gone over a limit: its bytes and ends are dropped as they come.
    too_long: bool,
    /// Fields of the record in progress whose ends were dropped.
    dropped_fields: usize,
    /// The end of the file was probed with a line break (see [`CsvReader::parse`]).
    eof_probed: bool,
    /// The last byte parsed.
    last_byte: u8,
    core: csv_core::Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    in_record: bool,
    record_line: u64,
    /// Plain lines skip `csv_core` ([`CsvReader::plain_record`]); off only to pin that path to it in tests.
    plain: bool,
    /// `csv_core` has been called since it was built: it strips a byte-order mark at the start of its
    /// first input, which must be the file's first record, so plain lines wait for that call.
    core_called: bool,
}

impl CsvReader {
    pub(crate) fn new() -> Self {
        CsvReader {
            sniff: Vec::new(),
            sniff_scan: (0, false),
            delimiter: None,
            cr_lines: false,
            scratch: Vec::new(),
            too_long: false,
            dropped_fields: 0,
            eof_probed: false,
            last_byte: 0,
            core: csv_core::Reader::new(),
            out: vec![0; 1 << 12],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            in_record: false,
            record_line: 1,
            plain: true,
            core_called: false,
        }
    }

    pub(crate) fn delimiter(&self) -> Option<u8> {
        self.delimiter
    }

    /// Whether the reader stands between two records: the header is read and no record is in progress.
    pub(crate) fn at_boundary(&self) -> bool {
        self.delimiter.is_some() && !self.in_record
    }

    /// The physical line the reader is on (1 before the first line break).
    pub(crate) fn line(&self) -> u64 {
        self.core.line()
    }

    /// Numbers lines from here as if this were line 1 (a part that starts inside a file).
    pub(crate) fn restart_lines(&mut self) {
        self.core.set_line(1);
    }

    /// Ends a file's head that holds exactly the header line and its line break: a head that ends
    /// with a CR (not followed by a LF, which the head would hold) has CR line endings.
    pub(crate) fn end_head(&mut self, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.delimiter.is_none() && self.sniff.last() == Some(&b'\r') {
            let end = self.sniff.len() - 1;
            self.start(end, true, false, on_record);
        }
    }

    /// Feeds bytes; `last` marks the end of the file.
    pub(crate) fn push(&mut self, input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.delimiter.is_none() {
            self.sniff.extend_from_slice(input);
            let (end, cr_lines) = match header_end(&self.sniff, &mut self.sniff_scan) {
                // A header line longer than a record may be: decided on its start whatever the
                // chunks (and rejected as too long).
                Some(end) if end > MAX_ROW_BYTES => (MAX_ROW_BYTES, false),
                // The byte after a CR tells CR from CRLF line endings.
                Some(end) if self.sniff[end] == b'\r' && end + 1 == self.sniff.len() && !last => return,
                Some(end) => (end, self.sniff[end] == b'\r' && self.sniff.get(end + 1) != Some(&b'\n')),
                None if self.sniff.len() > MAX_ROW_BYTES => (MAX_ROW_BYTES, false),
                None if last => (self.sniff.len(), false),
                None => return,
            };
            self.start(end, cr_lines, last, on_record);
        } else {
            self.parse_lines(input, last, on_record);
        }
    }

    /// Sets the delimiter from the header line (`sniff[..end]`) and the line endings, then reads what was sniffed.
    fn start(&mut self, end: usize, cr_lines: bool, last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        self.cr_lines = cr_lines;
        let delimiter = detect_delimiter(&self.sniff[..end]);
        self.delimiter = Some(delimiter);
        self.core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        self.core_called = false;
        let sniff = std::mem::take(&mut self.sniff);
        self.parse_lines(&sniff, last, on_record);
    }

    /// [`CsvReader::parse`], with lone CRs made line feeds in a CR-lines file.
    fn parse_lines(&mut self, input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.cr_lines && memchr::memchr(b'\r', input).is_some() {
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            scratch.extend(input.iter().map(|&b| if b == b'\r' { b'\n' } else { b }));
            self.parse(&scratch, last, on_record);
            self.scratch = scratch;
        } else {
            self.parse(input, last, on_record);
        }
    }

    fn parse(&mut self, input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        use csv_core::ReadRecordResult as R;
        // `csv_core` takes an empty input for the end of the data.
        if input.is_empty() && !last {
            return;
        }
        if last && !input.is_empty() {
            self.parse(input, false, on_record);
            return self.parse(&[], true, on_record);
        }
        // At the end of the file, a line break ends a record unless a quote is still open.
        let mut unclosed = false;
        if last && input.is_empty() && self.in_record && !self.eof_probed {
            self.eof_probed = true;
            let (line, last_byte) = (self.core.line(), self.last_byte);
            self.parse(b"\n", false, on_record);
            unclosed = self.in_record;
            // The line of the file's last byte.
            self.core.set_line(line - u64::from(last_byte == b'\n' && line > 1));
        }
        if let Some(&b) = input.last() {
            self.last_byte = b;
        }
        let mut pos = 0;
        loop {
            if !self.in_record {
                // Blank lines are not records; the record starts at its first byte.
                // `csv_core` counts the line breaks it reads; these it does not see.
                while pos < input.len() && matches!(input[pos], b'\n' | b'\r') {
                    if input[pos] == b'\n' {
                        self.core.set_line(self.core.line() + 1);
                    }
                    pos += 1;
                }
                if pos == input.len() {
                    return;
                }
                if self.plain && self.core_called {
                    if let Some(n) = self.plain_record(&input[pos..], on_record) {
                        pos += n;
                        continue;
                    }
                }
                self.record_line = self.core.line();
                self.in_record = true;
            }
            let rest = &input[pos..];
            let (res, nin, nout, nend) =
                self.core.read_record(rest, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            self.core_called = true;
            pos += nin;
            self.out_len += nout;
            self.ends_len += nend;
            match res {
                R::InputEmpty => {
                    if !last || rest.is_empty() {
                        return;
                    }
                }
                R::OutputFull => {
                    if self.out.len() < MAX_ROW_BYTES {
                        let n = (self.out.len() * 2).min(MAX_ROW_BYTES);
                        self.out.resize(n, 0);
                    } else {
                        // Too long: drop the bytes read so far and go on to the record's end.
                        self.too_long = true;
                        self.out_len = 0;
                    }
                }
                R::OutputEndsFull => {
                    if self.ends.len() <= MAX_FIELDS {
                        let n = (self.ends.len() * 2).min(MAX_FIELDS + 1);
                        self.ends.resize(n, 0);
                    } else {
                        self.dropped_fields += self.ends_len;
                        self.ends_len = 0;
                    }
                }
                R::Record => {
                    let fields = self.dropped_fields + self.ends_len;
                    // The line on which the record ends: before its terminating line feed, if any.
                    let ends_on = self.core.line() - u64::from(pos > 0 && input[pos - 1] == b'\n');
                    let problem = if self.too_long {
                        Some(Problem::TooLong { last_line: ends_on })
                    } else if fields > MAX_FIELDS {
                        Some(Problem::TooManyFields { fields })
                    } else if unclosed {
                        Some(Problem::Unclosed { last_line: ends_on })
                    } else {
                        None
                    };
                    let (out_len, ends_len) = if problem.is_some() { (0, 0) } else { (self.out_len, self.ends_len) };
                    on_record(&Record {
                        buf: &self.out[..out_len],
                        ends: &self.ends[..ends_len],
                        gap: 0,
                        line: self.record_line,
                        problem,
                    });
                    self.out_len = 0;
                    self.ends_len = 0;
                    self.dropped_fields = 0;
                    self.too_long = false;
                    self.in_record = false;
                }
                R::End => return,
            }
        }
    }
}

impl CsvReader {
    /// The fast path for the common record: a whole line in `rest` (up to a LF, with or without a
    /// CR before it) with no quote and no other CR, within the limits. Its fields are the bytes
    /// between delimiters, exactly what `csv_core` would give, handed on as the line itself (no
    /// copy); the bytes the record took (its line break included) are returned. The line is
    /// scanned 16 bytes at a time ([`Marks`]). Anything else (a quote, a lone CR, a line cut by
    /// the chunk, a limit reached) returns `None` and goes through `csv_core`.
    #[inline]
    fn plain_record(&mut self, rest: &[u8], on_record: &mut dyn FnMut(&Record<'_>)) -> Option<usize> {
        let delimiter = self.delimiter?;
        let mut fields = 0;
        let mut base = 0;
        let (end, taken) = loop {
            if base >= rest.len() || base >= MAX_ROW_BYTES / 2 {
                return None;
            }
            let m = Marks::of(&rest[base..], delimiter);
            let before = if m.stops == 0 { m.delimiters } else { m.delimiters & ((1 << m.stops.trailing_zeros()) - 1) };
            let mut d = before;
            while d != 0 {
                if fields + 1 >= self.ends.len() {
                    if self.ends.len() > MAX_FIELDS {
                        return None;
                    }
                    self.ends.resize((self.ends.len() * 2).clamp(64, MAX_FIELDS + 1), 0);
                }
                self.ends[fields] = base + d.trailing_zeros() as usize;
                fields += 1;
                d &= d - 1;
            }
            if m.stops != 0 {
                let i = base + m.stops.trailing_zeros() as usize;
                match (rest[i], rest.get(i + 1)) {
                    (b'\n', _) => break (i, i + 1),
                    (b'\r', Some(b'\n')) => break (i, i + 2),
                    _ => return None,
                }
            }
            base += 16;
        };
        if fields >= MAX_FIELDS {
            return None;
        }
        self.ends[fields] = end;
        fields += 1;
        let line_no = self.core.line();
        on_record(&Record { buf: &rest[..end], ends: &self.ends[..fields], gap: 1, line: line_no, problem: None });
        self.core.set_line(line_no + 1);
        Some(taken)
    }
}

/// Where the delimiters and the stops (LF, CR, quote) are among the first 16 bytes of a slice
/// (fewer at its end): bit `i` for byte `i`.
struct Marks {
    delimiters: u32,
    stops: u32,
}

impl Marks {
    #[inline]
    fn of(bytes: &[u8], delimiter: u8) -> Marks {
        #[cfg(target_arch = "x86_64")]
        if let Some(block) = bytes.first_chunk::<16>() {
            return Marks::sse2(block, delimiter);
        }
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        if let Some(block) = bytes.first_chunk::<16>() {
            return Marks::simd128(block, delimiter);
        }
        Marks::scalar(bytes, delimiter)
    }

    /// The same with WebAssembly's 128-bit SIMD (the viewer is built with it: `.cargo/config.toml`).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn simd128(block: &[u8; 16], delimiter: u8) -> Marks {
        use std::arch::wasm32::{u8x16, u8x16_bitmask, u8x16_eq, u8x16_splat, v128_or};
        let v = u8x16(
            block[0], block[1], block[2], block[3], block[4], block[5], block[6], block[7], block[8], block[9],
            block[10], block[11], block[12], block[13], block[14], block[15],
        );
        let is = |b: u8| u8x16_eq(v, u8x16_splat(b));
        let stops = v128_or(v128_or(is(b'\n'), is(b'\r')), is(b'"'));
        Marks { delimiters: u32::from(u8x16_bitmask(is(delimiter))), stops: u32::from(u8x16_bitmask(stops)) }
    }

    /// Byte by byte: the end of a slice, and where there is no SIMD.
    #[inline]
    fn scalar(bytes: &[u8], delimiter: u8) -> Marks {
        let mut m = Marks { delimiters: 0, stops: 0 };
        for (i, &b) in bytes.iter().take(16).enumerate() {
            if b == delimiter {
                m.delimiters |= 1 << i;
            } else if matches!(b, b'\n' | b'\r' | b'"') {
                m.stops |= 1 << i;
            }
        }
        m
    }

    /// The same with SSE2, which every x86-64 processor has.
    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn sse2(block: &[u8; 16], delimiter: u8) -> Marks {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is part of x86-64; the load reads the 16 bytes of `block`, unaligned.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let stops = _mm_or_si128(_mm_or_si128(is(b'\n'), is(b'\r')), is(b'"'));
            Marks { delimiters: _mm_movemask_epi8(is(delimiter)) as u32, stops: _mm_movemask_epi8(stops) as u32 }
        }
    }
}

/// The end of the first line outside quotes, if it has been seen. `scan` is where an earlier
/// call stopped and whether it was inside quotes, so that each byte is looked at once.
pub(crate) fn header_end(bytes: &[u8], scan: &mut (usize, bool)) -> Option<usize> {
    let (start, mut quoted) = *scan;
    for (i, &c) in bytes.iter().enumerate().skip(start) {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return Some(i),
            _ => {}
        }
    }
    *scan = (bytes.len(), quoted);
    None
}

/// The allowed delimiter that occurs most often outside quotes in the header line (`,` when none does).
pub(crate) fn detect_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &c in header {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(k) = DELIMITERS.iter().position(|&d| d == c) {
                counts[k] += 1;
            }
        }
    }
    let mut best = 0;
    for k in 1..4 {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    DELIMITERS[best]
}

/// Bytes in any supported encoding to CSV records: a [`crate::decode::Decoder`] feeding a [`CsvReader`].
pub(crate) struct DecodedCsv {
    pub decoder: crate::decode::Decoder,
    pub csv: CsvReader,
}

impl DecodedCsv {
    pub(crate) fn new() -> Self {
        DecodedCsv { decoder: crate::decode::Decoder::new(), csv: CsvReader::new() }
    }

    /// Feeds raw file bytes; `last` marks the end of the file.
    pub(crate) fn push(&mut self, bytes: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        let csv = &mut self.csv;
        self.decoder.push(bytes, last, &mut |text| csv.push(text, false, on_record));
        if last {
            csv.push(&[], true, on_record);
        }
    }

    /// Whether the reader stands between two records with no byte held back (see [`CsvReader::at_boundary`]).
    pub(crate) fn at_boundary(&self) -> bool {
        self.decoder.holds_nothing() && self.csv.at_boundary()
    }

    /// The delimiter as the report shows it.
    pub(crate) fn delimiter_name(&self) -> String {
        (self.csv.delimiter().unwrap_or(b',') as char).to_string()
    }
}

/// A record's fields as text (for header lines).
pub(crate) fn record_strings(rec: &Record<'_>) -> Vec<String> {
    (0..rec.len()).map(|i| String::from_utf8_lossy(rec.get(i)).trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Records = Vec<(u64, Option<Problem>, Vec<Vec<u8>>)>;

    /// Every record of `bytes` pushed in chunks of the given sizes (cycled), with or without the plain-line path.
    fn records(bytes: &[u8], sizes: &[usize], plain: bool) -> Records {
        let mut r = CsvReader::new();
        r.plain = plain;
        let mut out = Vec::new();
        let mut cb = |rec: &Record<'_>| {
            out.push((rec.line, rec.problem, (0..rec.len()).map(|i| rec.get(i).to_vec()).collect()));
        };
        let mut rest = bytes;
        let mut k = 0;
        while !rest.is_empty() {
            let n = sizes[k % sizes.len()].clamp(1, rest.len());
            r.push(&rest[..n], false, &mut cb);
            rest = &rest[n..];
            k += 1;
        }
        r.push(&[], true, &mut cb);
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The plain-line path gives exactly the records, lines and problems that `csv_core` alone gives,
        /// on bytes made of delimiters, quotes, CR, LF and text, whatever the chunks.
        #[test]
        fn plain_lines_read_as_csv_core_reads_them(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(&b","[..]), proptest::prelude::Just(&b";"[..]),
                    proptest::prelude::Just(&b"\""[..]), proptest::prelude::Just(&b"\r"[..]),
                    proptest::prelude::Just(&b"\n"[..]), proptest::prelude::Just(&b"\r\n"[..]),
                    proptest::prelude::Just(&b"ab"[..]), proptest::prelude::Just(&b"x y"[..]),
                    proptest::prelude::Just(&b"\n\n"[..]), proptest::prelude::Just(&b"\xc3\xa9"[..]),
                    proptest::prelude::Just(&b"\xef\xbb\xbf"[..]),
                ],
                0..80,
            ),
            header in proptest::prop_oneof![
                proptest::prelude::Just(&b"a,b,c\n"[..]), proptest::prelude::Just(&b"a;b\r\n"[..]),
                proptest::prelude::Just(&b"a,\"b\"\r"[..]), proptest::prelude::Just(&b""[..]),
            ],
            sizes in proptest::collection::vec(1usize..40, 1..5),
        ) {
            let mut bytes = header.to_vec();
            for p in &pieces {
                bytes.extend_from_slice(p);
            }
            proptest::prop_assert_eq!(records(&bytes, &sizes, true), records(&bytes, &sizes, false));
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        /// SSE2 marks the same bytes as the byte-by-byte scan.
        #[test]
        fn sse2_marks_what_the_scalar_scan_marks(
            block in proptest::array::uniform16(proptest::sample::select(b",;\t|\n\r\"a\xc3".to_vec())),
            delimiter in proptest::sample::select(DELIMITERS.to_vec()),
        ) {
            let (a, b) = (Marks::sse2(&block, delimiter), Marks::scalar(&block, delimiter));
            proptest::prop_assert_eq!((a.delimiters, a.stops), (b.delimiters, b.stops));
        }
    }

    #[test]
    fn plain_lines_keep_the_limits() {
        // More fields than allowed, and a line as long as the limit: csv_core's problems, either way.
        let many = format!("a,b\n{}\nx,y\n", ",".repeat(MAX_FIELDS + 5));
        let one_more = format!("a,b\n{}\nx,y\n", ",".repeat(MAX_FIELDS));
        let long = format!("a,b\n{}\nx,y\n", "z".repeat(MAX_ROW_BYTES));
        for text in [many, one_more, long] {
            let with = records(text.as_bytes(), &[text.len()], true);
            // Compared whole, said short: the records are a mebibyte long.
            assert!(with == records(text.as_bytes(), &[text.len()], false), "the plain path read otherwise");
            assert!(with[1].1.is_some(), "{:?}", with[1].1);
            assert_eq!(with[2], (3, None, vec![b"x".to_vec(), b"y".to_vec()]));
        }
    }

    fn read(text: &str, size: usize) -> Vec<(u64, Vec<String>)> {
        let mut r = CsvReader::new();
        let mut out = Vec::new();
        let mut cb = |rec: &Record<'_>| {
            out.push((rec.line, (0..rec.len()).map(|i| String::from_utf8(rec.get(i).to_vec()).unwrap()).collect()));
        };
        for chunk in text.as_bytes().chunks(size) {
            r.push(chunk, false, &mut cb);
        }
        r.push(&[], true, &mut cb);
        out
    }

    #[test]
    fn quotes_lines_and_chunks() {
        let text = "a;b;c\r\n1;\"x;\"\"y\"\"\nz\";3\r\n\r\n2;;\n\"4\";5;6";
        for size in 1..10 {
            let got = read(text, size);
            assert_eq!(
                got,
                vec![
                    (1, vec!["a".into(), "b".into(), "c".into()]),
                    (2, vec!["1".into(), "x;\"y\"\nz".into(), "3".into()]),
                    (5, vec!["2".into(), "".into(), "".into()]),
                    (6, vec!["4".into(), "5".into(), "6".into()]),
                ]
            );
        }
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        // A header line longer than a record may be is decided on its first 1 MiB, whatever the chunks.
        let long = format!("{}{}\na,b;c\n", "h".repeat(MAX_ROW_BYTES + 10), ";".repeat(50));
        let whole = read(&long, long.len());
        assert_eq!(whole.len(), 2);
        assert_eq!(whole[1], (2, vec!["a".to_string(), "b;c".to_string()]));
        for size in [4096, 1000] {
            assert_eq!(read(&long, size), whole);
        }
        assert_eq!(detect_delimiter(b"\"a,b\"|c"), b'|');
        assert_eq!(detect_delimiter(b"abc"), b',');
    }
}
