//! Seeded generator of realistic delivery-log exports (placeholder for the slice).

/// The demo export shown on the viewer's first screen.
pub fn demo() -> Vec<u8> {
    let mut out = String::from("recipientId,eventDate\n");
    for i in 0..40u32 {
        let month = 1 + (i * 7) % 12;
        let day = 1 + (i * 13) % 28;
        out.push_str(&format!("{},2026-{month:02}-{day:02}\n", i % 31));
    }
    out.into_bytes()
}
