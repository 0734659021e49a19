//! Streaming text decoding: detects the file's encoding from its first bytes and hands on UTF-8.
//!
//! UTF-8 (with or without BOM) passes through without a copy, validated on
//! the way; UTF-16 LE/BE (with BOM) and Windows-1252 go through an
//! `encoding_rs` streaming decoder. A file without a BOM is read as UTF-8
//! until a byte sequence proves it is not; from there on it is read as
//! Windows-1252 (the bytes before were ASCII or valid UTF-8, which is the same
//! text in both readings when they were ASCII). Chunk boundaries may fall
//! anywhere, inside a UTF-8 sequence or a UTF-16 code unit.

use encoding_rs::{Decoder as RsDecoder, UTF_16BE, UTF_16LE, WINDOWS_1252};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Waiting for enough bytes to see a BOM.
    Sniff,
    Utf8,
    Other,
}

/// Decodes pushed bytes into UTF-8 text bytes.
pub(crate) struct Decoder {
    mode: Mode,
    /// Bytes held back: the start of the file until a BOM can be ruled out,
    /// or an incomplete UTF-8 sequence at the end of a chunk.
    held: Vec<u8>,
    bom: bool,
    non_ascii: bool,
    rs: Option<RsDecoder>,
    name: &'static str,
    out: Vec<u8>,
    /// Set when a file that looked like UTF-8 turned out not to be, after non-ASCII UTF-8 text.
    pub(crate) mixed: bool,
    /// Set when the file's byte-order mark names an encoding that the bytes are not in: the warning's message id.
    pub(crate) lying_bom: Option<&'static str>,
    /// Set when this decoder went from UTF-8 to Windows-1252.
    switched: bool,
}

/// The message id of a UTF-8 byte-order mark on bytes that are not UTF-8.
const UTF8_BOM_LIE: &str = "warning-utf8-bom";

/// What a decoder found in the bytes it read, without the decoder: the part of its state that
/// the counter keeps for a byte range of a file, so that the ranges' findings add up to the file's.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub(crate) struct Facts {
    /// The encoding's name so far (`UTF-8`, `Windows-1252`, ...).
    pub name: String,
    pub bom: bool,
    /// Still reading UTF-8 (no byte has proved otherwise).
    pub utf8: bool,
    /// Non-ASCII text was read as UTF-8 (before any switch to Windows-1252).
    pub non_ascii: bool,
    pub mixed: bool,
    pub lying_bom: Option<String>,
    /// The decoder went from UTF-8 to Windows-1252 in these bytes.
    pub switched: bool,
}

impl Facts {
    /// Adds the facts of the bytes that follow (a later range of the same file, whose decoder
    /// started in UTF-8 unless `self` had left it). Returns false when that range was read as
    /// UTF-8 with non-ASCII text while the file was already Windows-1252 there: the range must be
    /// read again as Windows-1252.
    pub(crate) fn absorb(&mut self, next: &Facts) -> bool {
        if !self.utf8 {
            return !next.non_ascii;
        }
        self.non_ascii |= next.non_ascii;
        if next.switched {
            self.mixed = self.non_ascii;
            if self.bom && self.lying_bom.is_none() {
                self.lying_bom = Some(UTF8_BOM_LIE.to_string());
            }
            self.name = "Windows-1252".to_string();
            self.bom = false;
            self.utf8 = false;
        }
        true
    }

    /// The encoding as the report names it.
    pub(crate) fn encoding(&self) -> String {
        match (self.name.as_str(), self.bom) {
            ("UTF-8", true) => "UTF-8 (BOM)".into(),
            (name, _) => name.into(),
        }
    }

    /// The message id of the file's warning about its encoding, if any.
    pub(crate) fn warning(&self) -> Option<&str> {
        self.lying_bom.as_deref().or(self.mixed.then_some("warning-mixed-encoding"))
    }
}

/// Bytes after a UTF-16 byte-order mark that are looked at: UTF-16 text of a CSV header holds a
/// zero byte in its first few code units (its letters, delimiters and line breaks are ASCII).
const UTF16_SNIFF: usize = 2 + 64;

impl Decoder {
    pub(crate) fn new() -> Self {
        Decoder {
            mode: Mode::Sniff,
            held: Vec::new(),
            bom: false,
            non_ascii: false,
            rs: None,
            name: "UTF-8",
            out: Vec::new(),
            mixed: false,
            lying_bom: None,
            switched: false,
        }
    }

    /// What this decoder has found so far.
    pub(crate) fn facts(&self) -> Facts {
        Facts {
            name: self.name.to_string(),
            bom: self.bom,
            utf8: self.mode != Mode::Other,
            non_ascii: self.non_ascii,
            mixed: self.mixed,
            lying_bom: self.lying_bom.map(str::to_string),
            switched: self.switched,
        }
    }

    /// Starts a byte range inside the file, once the file's head has been decoded: what the head
    /// found belongs to the range that holds it, and `windows_1252` reads the range as
    /// Windows-1252 from its first byte (the file turned out not to be UTF-8 before it).
    pub(crate) fn begin_range(&mut self, windows_1252: bool) {
        if windows_1252 && self.mode != Mode::Other {
            self.switch_to_1252();
        }
        self.bom = false;
        self.non_ascii = false;
        self.mixed = false;
        self.lying_bom = None;
        self.switched = false;
    }

    /// Whether no byte is held back (a range may end here).
    pub(crate) fn holds_nothing(&self) -> bool {
        self.mode != Mode::Sniff && self.held.is_empty()
    }

    /// The encoding as the report names it.
    pub(crate) fn encoding(&self) -> String {
        match (self.name, self.bom) {
            ("UTF-8", true) => "UTF-8 (BOM)".into(),
            (name, _) => name.into(),
        }
    }

    /// Decodes `input`, calling `sink` with UTF-8 bytes (possibly several times).
    pub(crate) fn push(&mut self, mut input: &[u8], last: bool, sink: &mut dyn FnMut(&[u8])) {
        if self.mode == Mode::Sniff {
            let need = 3 - self.held.len().min(3);
            let take = need.min(input.len());
            self.held.extend_from_slice(&input[..take]);
            input = &input[take..];
            if self.held.len() < 3 && !last {
                return;
            }
            let utf16 = self.held.starts_with(&[0xFF, 0xFE]) || self.held.starts_with(&[0xFE, 0xFF]);
            if utf16 && self.held.len() < UTF16_SNIFF {
                let take = (UTF16_SNIFF - self.held.len()).min(input.len());
                self.held.extend_from_slice(&input[..take]);
                input = &input[take..];
                if self.held.len() < UTF16_SNIFF && !last {
                    return;
                }
            }
            let held = std::mem::take(&mut self.held);
            let rest = if held.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.bom = true;
                self.mode = Mode::Utf8;
                &held[3..]
            } else if utf16 && held.len() > 4 && !held[2..].contains(&0) {
                // A UTF-16 mark on 8-bit text (a tool that wrote the mark and then UTF-8).
                self.lying_bom = Some("warning-utf16-bom");
                self.mode = Mode::Utf8;
                &held[2..]
            } else if held.starts_with(&[0xFF, 0xFE]) {
                self.start_other(UTF_16LE.new_decoder_without_bom_handling(), "UTF-16LE");
                &held[2..]
            } else if held.starts_with(&[0xFE, 0xFF]) {
                self.start_other(UTF_16BE.new_decoder_without_bom_handling(), "UTF-16BE");
                &held[2..]
            } else {
                self.mode = Mode::Utf8;
                &held[..]
            };
            let rest = rest.to_vec();
            self.push_decided(&rest, last && input.is_empty(), sink);
            if input.is_empty() {
                // Done (a finished decoder must not be called again).
                return;
            }
        }
        self.push_decided(input, last, sink);
    }

    fn start_other(&mut self, decoder: RsDecoder, name: &'static str) {
        self.rs = Some(decoder);
        self.name = name;
        self.bom = true;
        self.mode = Mode::Other;
    }

    fn push_decided(&mut self, mut input: &[u8], last: bool, sink: &mut dyn FnMut(&[u8])) {
        if self.mode == Mode::Utf8 {
            // Complete a sequence held back from the previous chunk.
            if !self.held.is_empty() {
                let width = utf8_width(self.held[0]);
                let take = width.saturating_sub(self.held.len()).min(input.len());
                self.held.extend_from_slice(&input[..take]);
                input = &input[take..];
                if self.held.len() < width && !last {
                    return;
                }
                let held = std::mem::take(&mut self.held);
                if std::str::from_utf8(&held).is_ok() {
                    self.non_ascii = true;
                    sink(&held);
                } else {
                    self.switch_to_1252();
                    self.decode_other(&held, false, sink);
                }
            }
            if self.mode == Mode::Utf8 {
                if simdutf8::basic::from_utf8(input).is_ok() {
                    if !self.non_ascii {
                        self.non_ascii = !input.is_ascii();
                    }
                    sink(input);
                    return;
                }
                // Not valid as a whole: where and why, from the standard library.
                match std::str::from_utf8(input) {
                    Ok(_) => {
                        self.non_ascii = true;
                        sink(input);
                        return;
                    }
                    Err(e) => {
                        let (good, bad) = input.split_at(e.valid_up_to());
                        self.non_ascii |= !good.is_ascii();
                        sink(good);
                        if e.error_len().is_none() && !last {
                            self.held.extend_from_slice(bad);
                            return;
                        }
                        self.switch_to_1252();
                        input = bad;
                    }
                }
            }
        }
        if self.mode == Mode::Other {
            self.decode_other(input, last, sink);
        }
    }

    fn switch_to_1252(&mut self) {
        self.mixed = self.non_ascii;
        self.switched = true;
        if self.bom && self.lying_bom.is_none() {
            self.lying_bom = Some(UTF8_BOM_LIE);
        }
        self.start_other(WINDOWS_1252.new_decoder_without_bom_handling(), "Windows-1252");
        self.bom = false;
    }

    fn decode_other(&mut self, mut input: &[u8], last: bool, sink: &mut dyn FnMut(&[u8])) {
        let Some(rs) = self.rs.as_mut() else { return };
        loop {
            let cap = rs.max_utf8_buffer_length(input.len()).unwrap_or(input.len() * 3 + 16).clamp(16, 1 << 20);
            self.out.resize(cap, 0);
            let (result, read, written, _) = rs.decode_to_utf8(input, &mut self.out, last);
            sink(&self.out[..written]);
            input = &input[read..];
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
    }
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_chunks(bytes: &[u8], size: usize) -> (String, String) {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        for chunk in bytes.chunks(size.max(1)) {
            d.push(chunk, false, &mut |b| out.extend_from_slice(b));
        }
        d.push(&[], true, &mut |b| out.extend_from_slice(b));
        (String::from_utf8(out).unwrap(), d.encoding())
    }

    #[test]
    fn encodings_any_chunking() {
        let text = "id;date\nZoë;2026-01-01\n€uro;2026-01-02\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let (w1252, _, _) = WINDOWS_1252.encode(text);
        for size in 1..8 {
            assert_eq!(decode_in_chunks(text.as_bytes(), size), (text.to_string(), "UTF-8".to_string()));
            assert_eq!(decode_in_chunks(&bom, size), (text.to_string(), "UTF-8 (BOM)".to_string()));
            assert_eq!(decode_in_chunks(&le, size), (text.to_string(), "UTF-16LE".to_string()));
            assert_eq!(decode_in_chunks(&be, size), (text.to_string(), "UTF-16BE".to_string()));
            assert_eq!(decode_in_chunks(&w1252, size), (text.to_string(), "Windows-1252".to_string()));
        }
        assert_eq!(decode_in_chunks(b"ab", 1), ("ab".to_string(), "UTF-8".to_string()));
    }
}
