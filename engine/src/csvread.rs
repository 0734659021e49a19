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

/// One record handed to the callback.
pub(crate) struct Record<'a> {
    buf: &'a [u8],
    ends: &'a [usize],
    /// Physical line on which the record starts.
    pub line: u64,
}

impl<'a> Record<'a> {
    /// The field in `column`; empty when the record is shorter.
    #[inline]
    pub(crate) fn get(&self, column: usize) -> &'a [u8] {
        match self.ends.get(column) {
            Some(&e) => {
                let s = if column == 0 { 0 } else { self.ends[column - 1] };
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
    delimiter: Option<u8>,
    core: csv_core::Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    in_record: bool,
    record_line: u64,
}

impl CsvReader {
    pub(crate) fn new() -> Self {
        CsvReader {
            sniff: Vec::new(),
            delimiter: None,
            core: csv_core::Reader::new(),
            out: vec![0; 1 << 12],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            in_record: false,
            record_line: 1,
        }
    }

    pub(crate) fn delimiter(&self) -> Option<u8> {
        self.delimiter
    }

    /// Feeds bytes; `last` marks the end of the file.
    pub(crate) fn push(&mut self, input: &[u8], last: bool, on_record: &mut dyn FnMut(&Record<'_>)) {
        if self.delimiter.is_none() {
            self.sniff.extend_from_slice(input);
            let end = match header_end(&self.sniff) {
                Some(end) => end,
                None if last => self.sniff.len(),
                None => return,
            };
            let delimiter = detect_delimiter(&self.sniff[..end]);
            self.delimiter = Some(delimiter);
            self.core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
            let sniff = std::mem::take(&mut self.sniff);
            self.parse(&sniff, last, on_record);
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
                self.record_line = self.core.line();
                self.in_record = true;
            }
            let rest = &input[pos..];
            let (res, nin, nout, nend) =
                self.core.read_record(rest, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
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
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                R::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                R::Record => {
                    on_record(&Record {
                        buf: &self.out[..self.out_len],
                        ends: &self.ends[..self.ends_len],
                        line: self.record_line,
                    });
                    self.out_len = 0;
                    self.ends_len = 0;
                    self.in_record = false;
                }
                R::End => return,
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
