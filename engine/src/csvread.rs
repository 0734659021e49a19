//! Push-based CSV records: delimiter detection from the header line, quotes, and physical line numbers.
//!
//! The reader is fed UTF-8 bytes in chunks of any size and calls back once
//! per record with its fields and the physical line on which the record
//! starts (the first line is 1). Quoted fields may hold delimiters, doubled
//! quotes and line breaks; records end at LF or CRLF (a lone CR also ends a
//! record, as in the `csv` crate). Blank lines are not records. Only the
//! columns marked as kept are copied.

/// The delimiters the spec allows, in the order that breaks ties.
pub(crate) const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    RecordStart,
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// One record handed to the callback.
pub(crate) struct Record<'a> {
    buf: &'a [u8],
    ends: &'a [usize],
    starts: &'a [usize],
    /// Physical line on which the record starts.
    pub line: u64,
}

impl<'a> Record<'a> {
    /// The field in `column`; empty when the record is shorter or the column is not kept.
    #[inline]
    pub(crate) fn get(&self, column: usize) -> &'a [u8] {
        match (self.starts.get(column), self.ends.get(column)) {
            (Some(&s), Some(&e)) => &self.buf[s..e],
            _ => &[],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The streaming CSV state.
pub(crate) struct CsvReader {
    /// Bytes of the header line while the delimiter is not yet known.
    sniff: Vec<u8>,
    delimiter: Option<u8>,
    state: State,
    buf: Vec<u8>,
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Line breaks seen so far.
    newlines: u64,
    record_line: u64,
    /// Which columns to copy (empty: all).
    keep: Vec<bool>,
    keeping: bool,
}

impl CsvReader {
    pub(crate) fn new() -> Self {
        CsvReader {
            sniff: Vec::new(),
            delimiter: None,
            state: State::RecordStart,
            buf: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            newlines: 0,
            record_line: 1,
            keep: Vec::new(),
            keeping: true,
        }
    }

    pub(crate) fn delimiter(&self) -> Option<u8> {
        self.delimiter
    }

    /// Copies only the marked columns from now on.
    pub(crate) fn keep_columns(&mut self, keep: Vec<bool>) {
        self.keep = keep;
    }

    /// Feeds bytes; `last` marks the end of the file.
    pub(crate) fn push(&mut self, input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.delimiter.is_none() {
            self.sniff.extend_from_slice(input);
            let Some(end) = header_end(&self.sniff) else {
                if last {
                    self.delimiter = Some(detect_delimiter(&self.sniff));
                    let sniff = std::mem::take(&mut self.sniff);
                    self.parse(&sniff, on_record);
                    self.finish(on_record);
                }
                return;
            };
            self.delimiter = Some(detect_delimiter(&self.sniff[..end]));
            let sniff = std::mem::take(&mut self.sniff);
            self.parse(&sniff, on_record);
        } else {
            self.parse(input, on_record);
        }
        if last {
            self.finish(on_record);
        }
    }

    fn finish(&mut self, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.state != State::RecordStart {
            self.end_field();
            self.end_record(on_record);
        }
    }

    #[inline]
    fn begin_field(&mut self) {
        let i = self.ends.len();
        self.keeping = self.keep.is_empty() || self.keep.get(i).copied().unwrap_or(false);
        self.starts.push(self.buf.len());
    }

    #[inline]
    fn end_field(&mut self) {
        self.ends.push(self.buf.len());
    }

    fn end_record(&mut self, on_record: &mut dyn FnMut(&Record<'_>)) {
        on_record(&Record { buf: &self.buf, ends: &self.ends, starts: &self.starts, line: self.record_line });
        self.buf.clear();
        self.ends.clear();
        self.starts.clear();
        self.state = State::RecordStart;
    }

    fn parse(&mut self, input: &[u8], on_record: &mut dyn FnMut(&Record<'_>)) {
        let delim = self.delimiter.unwrap_or(b',');
        let mut i = 0;
        let n = input.len();
        while i < n {
            match self.state {
                State::RecordStart => {
                    let c = input[i];
                    if c == b'\n' {
                        self.newlines += 1;
                        i += 1;
                    } else if c == b'\r' {
                        i += 1;
                    } else {
                        self.record_line = self.newlines + 1;
                        self.begin_field();
                        self.state = State::FieldStart;
                    }
                }
                State::FieldStart => {
                    let c = input[i];
                    i += 1;
                    if c == b'"' {
                        self.state = State::Quoted;
                    } else if c == delim {
                        self.end_field();
                        self.begin_field();
                    } else if c == b'\n' || c == b'\r' {
                        if c == b'\n' {
                            self.newlines += 1;
                        }
                        self.end_field();
                        self.end_record(on_record);
                    } else {
                        if self.keeping {
                            self.buf.push(c);
                        }
                        self.state = State::Unquoted;
                    }
                }
                State::Unquoted => {
                    let rest = &input[i..];
                    match memchr::memchr3(delim, b'\n', b'\r', rest) {
                        None => {
                            if self.keeping {
                                self.buf.extend_from_slice(rest);
                            }
                            i = n;
                        }
                        Some(k) => {
                            if self.keeping {
                                self.buf.extend_from_slice(&rest[..k]);
                            }
                            let c = rest[k];
                            i += k + 1;
                            self.end_field();
                            if c == delim {
                                self.begin_field();
                                self.state = State::FieldStart;
                            } else {
                                if c == b'\n' {
                                    self.newlines += 1;
                                }
                                self.end_record(on_record);
                            }
                        }
                    }
                }
                State::Quoted => {
                    let rest = &input[i..];
                    match memchr::memchr2(b'"', b'\n', rest) {
                        None => {
                            if self.keeping {
                                self.buf.extend_from_slice(rest);
                            }
                            i = n;
                        }
                        Some(k) => {
                            let c = rest[k];
                            if self.keeping {
                                self.buf.extend_from_slice(&rest[..k]);
                            }
                            i += k + 1;
                            if c == b'\n' {
                                self.newlines += 1;
                                if self.keeping {
                                    self.buf.push(b'\n');
                                }
                            } else {
                                self.state = State::QuoteInQuoted;
                            }
                        }
                    }
                }
                State::QuoteInQuoted => {
                    let c = input[i];
                    i += 1;
                    if c == b'"' {
                        if self.keeping {
                            self.buf.push(b'"');
                        }
                        self.state = State::Quoted;
                    } else if c == delim {
                        self.end_field();
                        self.begin_field();
                        self.state = State::FieldStart;
                    } else if c == b'\n' || c == b'\r' {
                        if c == b'\n' {
                            self.newlines += 1;
                        }
                        self.end_field();
                        self.end_record(on_record);
                    } else {
                        if self.keeping {
                            self.buf.push(c);
                        }
                        self.state = State::Unquoted;
                    }
                }
            }
        }
    }
}

/// The end of the first line outside quotes, if it has been seen.
fn header_end(bytes: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return Some(i),
            _ => {}
        }
    }
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
        assert_eq!(detect_delimiter(b"\"a,b\"|c"), b'|');
        assert_eq!(detect_delimiter(b"abc"), b',');
    }
}
