//! Writes the end-to-end suite's workbook, `e2e/fixtures/log-book.xlsx`: two sheets of delivery-log rows
//! from a seeded sequence (keys as numbers, event dates as Excel dates, some with a time) and an empty sheet.
//!
//! `cargo run -p active-profiles-cli --example workbook_fixture [OUTPUT]`; the file is committed (about 10 kB).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let output = std::env::args().nth(1).unwrap_or_else(|| "e2e/fixtures/log-book.xlsx".into());
    let statuses = ["Sent", "Sent", "Failed", "Ignored", "Sent", "Delivery cancelled", "Sent"];
    let channels = ["Email", "SMS", "Email", "Push notification"];
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let mut x: u64 = 20261206;
    let mut next = move || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) as u32
    };
    for (name, rows) in [("Spring", 140), ("Autumn", 110)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (col, header) in ["Recipient ID", "Event date", "Status", "Channel"].iter().enumerate() {
            sheet.write_string(0, col as u16, *header)?;
        }
        for r in 1..=rows {
            sheet.write_number(r, 0, f64::from(1000 + next() % 90))?;
            let day =
                ExcelDateTime::from_ymd(2025 + (next() % 2) as u16, 1 + (next() % 12) as u8, 1 + (next() % 28) as u8)?;
            if next() % 3 == 0 {
                sheet.write_datetime_with_format(r, 1, &day, &date)?;
            } else {
                let at = day.and_hms((next() % 24) as u16, (next() % 60) as u8, 0)?;
                sheet.write_datetime_with_format(r, 1, &at, &date_time)?;
            }
            sheet.write_string(r, 2, statuses[(next() % statuses.len() as u32) as usize])?;
            sheet.write_string(r, 3, channels[(next() % channels.len() as u32) as usize])?;
        }
    }
    book.add_worksheet().set_name("Notes")?;
    book.save(&output)?;
    println!("wrote {output}");
    Ok(())
}
