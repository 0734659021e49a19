//! Writes the end-to-end suite's workbook whose sheet needs a mapping, `e2e/fixtures/odd-book.xlsx`: a sheet
//! "Sends" whose headers are not recognised (who, when, what; the dates as Excel dates) and an empty sheet "Notes".
//!
//! `cargo run -p active-profiles-cli --example odd_book_fixture [OUTPUT]`; the file is committed (about 6 kB).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let output = std::env::args().nth(1).unwrap_or_else(|| "e2e/fixtures/odd-book.xlsx".into());
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Sends")?;
    for (col, header) in ["who", "when", "what"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header)?;
    }
    for (r, (who, (y, m, d), what)) in
        [("A", (2026, 1, 5), "Sent"), ("B", (2026, 2, 1), "Sent"), ("A", (2026, 3, 1), "Sent")].iter().enumerate()
    {
        let row = r as u32 + 1;
        sheet.write_string(row, 0, *who)?;
        sheet.write_datetime_with_format(row, 1, &ExcelDateTime::from_ymd(*y, *m, *d)?, &date)?;
        sheet.write_string(row, 2, *what)?;
    }
    book.add_worksheet().set_name("Notes")?;
    book.save(&output)?;
    println!("wrote {output}");
    Ok(())
}
