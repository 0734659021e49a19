//! What a file is, from its first bytes, and which snapshot its path puts it in.

/// What the first bytes of a file say it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// JSON (a record per line, or an array), possibly gzip-compressed: profile records or events.
    Json,
    /// gzip-compressed bytes (AEP compresses its JSON exports).
    Gzip,
    /// A Parquet file (`PAR1`).
    Parquet,
    /// Anything else: a delivery-log CSV, or a binary file that `workbook::sniff` names.
    Other,
}

/// Tells a file by its first bytes (a few hundred are enough), never by its name.
///
/// ```
/// use engine::aep::{sniff, InputKind};
/// assert_eq!(sniff(b"{\"identityMap\":{}}"), InputKind::Json);
/// assert_eq!(sniff(b"\xEF\xBB\xBF  [ {"), InputKind::Json);
/// assert_eq!(sniff(b"\x1f\x8b\x08\x00"), InputKind::Gzip);
/// assert_eq!(sniff(b"PAR1\x15\x04"), InputKind::Parquet);
/// assert_eq!(sniff(b"recipientId;eventDate\n"), InputKind::Other);
/// ```
pub fn sniff(head: &[u8]) -> InputKind {
    if head.starts_with(&[0x1f, 0x8b]) {
        return InputKind::Gzip;
    }
    if head.starts_with(b"PAR1") {
        return InputKind::Parquet;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => InputKind::Json,
        _ => InputKind::Other,
    }
}

/// The snapshot time of a file from its path: the last `exportTime=YYYYMMDDHHMM` folder, as
/// `YYYY-MM-DDTHH:MM:00Z`. AEP writes dataset exports as `<dataset>/exportTime=…/part-*.json`.
///
/// ```
/// use engine::aep::snapshot_of;
/// assert_eq!(snapshot_of("ds/exportTime=202611010930/part-00000.json").as_deref(), Some("2026-11-01T09:30:00Z"));
/// assert_eq!(snapshot_of("exports\\exportTime=202612010000\\a.json.gz").as_deref(), Some("2026-12-01T00:00:00Z"));
/// assert_eq!(snapshot_of("part-00000.json"), None);
/// assert_eq!(snapshot_of("exportTime=2026/x.json"), None);
/// ```
pub fn snapshot_of(path: &str) -> Option<String> {
    path.split(['/', '\\']).rev().skip(1).find_map(|folder| {
        let digits = folder.strip_prefix("exportTime=")?;
        if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (y, rest) = digits.split_at(4);
        let (mo, rest) = rest.split_at(2);
        let (d, rest) = rest.split_at(2);
        let (h, mi) = rest.split_at(2);
        let time = format!("{y}-{mo}-{d}T{h}:{mi}:00Z");
        chrono::DateTime::parse_from_rfc3339(&time).ok()?;
        Some(time)
    })
}
