//! The CSV report: every block of the report in one table of four columns, `section,item,detail,value`.
//!
//! One row per figure, so a spreadsheet can filter on `section`:
//!
//! | section | item | detail | value |
//! |---|---|---|---|
//! | `summary` | `as_of`, `window_from`, `window_to`, `total_active`, `multi_channel_profiles`, `purchased`, `usage_percent` | | the value |
//! | `snapshot` | from (included) | to (included) | active profiles |
//! | `dimension` | source | | active profiles |
//! | `instance` | instance | `All` or a source | active profiles |
//! | `channel` | channel | | active profiles |
//! | `expiring` | month | | profiles |
//! | `daily` | date | | active profiles |
//! | `case_duplicates` | source | `profiles` or `fewer` | count |
//! | `rows` | `read`, `counted`, `excluded`, `rejected` | | count |
//! | `excluded` | reason | | rows |
//! | `rejected` | file | line | reason |
//! | `unrecognised` | field | value | rows |
//! | `warning` | | | text |
//! | `file` | file | `encoding`, `delimiter`, `rows` or `column:FIELD` | value |
//! | `profile` | key (only with `--include-profiles`) | instance / source | leaving day |
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'`, so that a spreadsheet shows it as text instead of
//! running it as a formula (values such as file names and status labels come
//! from the input files).

use engine::Report;

pub use views::export::escape;

pub fn render(r: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |section: &str, item: &str, detail: &str, value: &str| -> Result<(), csv::Error> {
        w.write_record([section, &escape(item), &escape(detail), &escape(value)])
    };
    row("section", "item", "detail", "value")?;
    let n = |v: u64| v.to_string();
    row("summary", "as_of", "", r.as_of.as_deref().unwrap_or(""))?;
    if let Some(win) = &r.window {
        row("summary", "window_from", "", &win.from)?;
        row("summary", "window_to", "", &win.to)?;
    }
    row("summary", "total_active", "", &n(r.total_active))?;
    row("summary", "multi_channel_profiles", "", &n(r.multi_channel_profiles))?;
    match r.settings.purchased {
        Some(p) => {
            row("summary", "purchased", "", &n(p))?;
            if p > 0 {
                row("summary", "usage_percent", "", &format!("{:.1}", r.total_active as f64 * 100.0 / p as f64))?;
            }
        }
        None => row("summary", "purchased", "", "")?,
    }
    for s in &r.snapshots {
        row("snapshot", &s.from, &s.to, &n(s.active))?;
    }
    for d in &r.dimensions {
        row("dimension", &d.name, "", &n(d.active))?;
    }
    for i in &r.instances {
        row("instance", &i.name, "All", &n(i.active))?;
        for d in &i.dimensions {
            row("instance", &i.name, &d.name, &n(d.active))?;
        }
    }
    for c in &r.channels {
        row("channel", &c.name, "", &n(c.active))?;
    }
    for e in &r.expiring {
        row("expiring", &e.month, "", &n(e.profiles))?;
    }
    for d in &r.daily {
        row("daily", &d.date, "", &n(d.active))?;
    }
    for c in &r.case_duplicates {
        row("case_duplicates", &c.dimension, "profiles", &n(c.profiles))?;
        row("case_duplicates", &c.dimension, "fewer", &n(c.fewer))?;
    }
    row("rows", "read", "", &n(r.rows.read))?;
    row("rows", "counted", "", &n(r.rows.counted))?;
    row("rows", "excluded", "", &n(r.rows.excluded))?;
    row("rows", "rejected", "", &n(r.rows.rejected))?;
    for e in &r.excluded {
        row("excluded", &e.reason, "", &n(e.rows))?;
    }
    for x in &r.rejected {
        row("rejected", &x.file, &n(x.line), &x.reason)?;
    }
    for u in &r.unrecognised {
        row("unrecognised", &u.field, &u.value, &n(u.rows))?;
    }
    for warning in &r.warnings {
        row("warning", "", "", warning)?;
    }
    for f in &r.files {
        row("file", &f.name, "encoding", &f.encoding)?;
        row("file", &f.name, "delimiter", &f.delimiter)?;
        row("file", &f.name, "rows", &n(f.rows))?;
        for (field, header) in &f.columns {
            row("file", &f.name, &format!("column:{field}"), header)?;
        }
    }
    for p in r.profiles.iter().flatten() {
        row("profile", &p.key, &format!("{} / {}", p.instance, p.dimension), &p.leaves)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_formula_starts() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(escape(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(escape("Recipients"), "Recipients");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn renders_the_header() {
        let bytes = render(&Report::default()).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with("section,item,detail,value\n"));
    }
}
