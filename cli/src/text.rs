//! The text report: laid out like Campaign's Customer metrics screen, then the snapshot detail and the diagnosis.

use std::fmt::Write as _;

use engine::Report;

/// A plain table: a header row, then rows; numeric columns (named in `right`) are right-aligned.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    fn new(header: &[&str], right: &[bool]) -> Self {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new(), right: right.to_vec() }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, out: &mut String, indent: &str) {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
        let line = |out: &mut String, cells: &[String]| {
            let mut text = String::from(indent);
            for (i, cell) in cells.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                if i > 0 {
                    text.push_str("   ");
                }
                if self.right.get(i).copied().unwrap_or(false) {
                    let _ = write!(text, "{cell:>w$}");
                } else {
                    let _ = write!(text, "{cell:<w$}");
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(out, &self.header);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(out, &rule);
        for row in &self.rows {
            line(out, row);
        }
    }
}

/// `1234567` as `1 234 567`, as Campaign's screens group digits.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"=".repeat(title.chars().count()));
    out.push('\n');
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    out.push_str("Customer metrics\n================\n");
    let mut t = Table::new(&["From (included)", "To (included)", "Number of active profiles"], &[false, false, true]);
    for s in r.snapshots.iter().rev() {
        t.row(vec![s.from.clone(), s.to.clone(), group(s.active)]);
    }
    if t.rows.is_empty() {
        out.push_str("No billing day in the data range: no monthly snapshot.\n");
    } else {
        t.render(&mut out, "");
    }

    let as_of = r.as_of.as_deref().unwrap_or("-");
    heading(&mut out, &format!("Active profiles on {as_of}"));
    if let Some(w) = &r.window {
        let _ = writeln!(out, "From (included) {}   To (included) {}", w.from, w.to);
    }
    let _ = writeln!(out, "Number of active profiles: {}", group(r.total_active));

    heading(&mut out, "Targeting dimensions");
    let mut t = Table::new(&["Source", "Number of contacts"], &[false, true]);
    for d in &r.dimensions {
        t.row(vec![d.name.clone(), group(d.active)]);
    }
    t.row(vec!["Total".into(), group(r.total_active)]);
    t.render(&mut out, "");

    heading(&mut out, "Instances");
    let mut t = Table::new(&["Instance", "Source", "Number of contacts"], &[false, false, true]);
    for i in &r.instances {
        t.row(vec![i.name.clone(), "All".into(), group(i.active)]);
        for d in &i.dimensions {
            t.row(vec![String::new(), d.name.clone(), group(d.active)]);
        }
    }
    t.row(vec!["Organisation".into(), "All".into(), group(r.total_active)]);
    t.render(&mut out, "");

    heading(&mut out, "Channels");
    let mut t = Table::new(&["Channel", "Active profiles"], &[false, true]);
    for c in &r.channels {
        t.row(vec![c.name.clone(), group(c.active)]);
    }
    t.render(&mut out, "");
    let _ = writeln!(
        out,
        "Profiles reached on more than one channel: {} (so the channels need not add up to the total)",
        group(r.multi_channel_profiles)
    );

    heading(&mut out, "Usage");
    match r.settings.purchased {
        Some(p) if p > 0 => {
            let pct = r.total_active as f64 * 100.0 / p as f64;
            let _ = writeln!(out, "Used {} of {} purchased: {pct:.1} %", group(r.total_active), group(p));
            if r.total_active > p {
                let _ = writeln!(out, "Over the entitlement by {}", group(r.total_active - p));
            }
        }
        Some(_) => {
            let _ = writeln!(out, "Used {} of 0 purchased", group(r.total_active));
        }
        None => {
            let _ = writeln!(out, "Used {}; no purchased number given (--purchased N)", group(r.total_active));
        }
    }

    heading(&mut out, "Expiring");
    out.push_str(
        "Profiles active on the as-of date that leave the window each month if nothing more is sent to them.\n",
    );
    let mut t = Table::new(&["Month", "Profiles"], &[false, true]);
    for e in &r.expiring {
        t.row(vec![e.month.clone(), group(e.profiles)]);
    }
    t.render(&mut out, "");

    if !r.case_duplicates.is_empty() {
        heading(&mut out, "Addresses that differ only by letter case");
        let mut t = Table::new(&["Source", "Profiles", "Fewer if merged"], &[false, true, true]);
        for c in &r.case_duplicates {
            t.row(vec![c.dimension.clone(), group(c.profiles), group(c.fewer)]);
        }
        t.render(&mut out, "");
        out.push_str("A diagnostic only: the count above is unchanged.\n");
    }

    heading(&mut out, "Diagnosis");
    let rows = &r.rows;
    let mut t = Table::new(&["Rows", "Number"], &[false, true]);
    t.row(vec!["Read".into(), group(rows.read)]);
    t.row(vec!["Counted".into(), group(rows.counted)]);
    t.row(vec!["Excluded".into(), group(rows.excluded)]);
    for e in &r.excluded {
        t.row(vec![format!("  {}", reason_label(&e.reason)), group(e.rows)]);
    }
    t.row(vec!["Rejected".into(), group(rows.rejected)]);
    t.render(&mut out, "");
    if !r.rejected.is_empty() {
        let shown = r.rejected.len() as u64;
        if shown < rows.rejected {
            let _ = writeln!(out, "\nRejected rows (the first {shown} of {}):", group(rows.rejected));
        } else {
            out.push_str("\nRejected rows:\n");
        }
        for x in &r.rejected {
            let _ = writeln!(out, "  {}:{}: {}", x.file, x.line, x.reason);
        }
    }
    if !r.unrecognised.is_empty() {
        out.push_str("\nUnrecognised values (counted; reclassify with --status 'VALUE=counted|excluded'):\n");
        let mut t = Table::new(&["Field", "Value", "Rows"], &[false, false, true]);
        for u in &r.unrecognised {
            t.row(vec![u.field.clone(), u.value.clone(), group(u.rows)]);
        }
        t.render(&mut out, "  ");
    }
    if !r.warnings.is_empty() {
        out.push_str("\nWarnings:\n");
        for w in &r.warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
    if !r.files.is_empty() {
        out.push_str("\nFiles:\n");
        for f in &r.files {
            let delimiter = if f.delimiter == "\t" { "tab".to_string() } else { format!("'{}'", f.delimiter) };
            let _ = writeln!(out, "  {}: {} rows, {}, delimiter {delimiter}", f.name, group(f.rows), f.encoding);
            for (field, header) in &f.columns {
                let _ = writeln!(out, "    {field:<16} <- {header}");
            }
        }
    }
    let rules = &r.settings.rules;
    out.push_str("\nRules in force:\n");
    let _ = writeln!(out, "  counted status: {}", rules.counted_status.join(", "));
    let _ = writeln!(out, "  excluded status: {}", rules.excluded_status.join(", "));
    let reasons: Vec<String> = rules.excluded_failure_reasons.iter().map(|n| n.to_string()).collect();
    let _ = writeln!(out, "  excluded failure reasons: {}", reasons.join(", "));
    let billing = match &r.settings.billing_day {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => "25".into(),
    };
    let _ = writeln!(
        out,
        "  billing day {billing}, time zone {}, ambiguous dates read {}",
        if r.settings.time_zone.is_empty() { "UTC" } else { &r.settings.time_zone },
        if r.settings.day_first { "day first" } else { "month first" }
    );
    out
}

fn reason_label(reason: &str) -> &str {
    match reason {
        "proof" => "proof or seed",
        "social" => "social channel",
        "control" => "control group",
        "status" => "status",
        "failure_reason" => "failure reason",
        other => other,
    }
}

/// The message for a file the engine cannot count: names the file, lists its headers and
/// shows the `--map` (or `--deliveries-map`, given as `flag`) that would fix it.
pub fn file_error(error: &engine::FileError, flag: &str) -> String {
    use engine::FileError;
    match error {
        FileError::MissingFields { file, missing, headers } => {
            let mut out = format!("{file}: no column found for the {}.", missing.join(" and the "));
            let _ = write!(
                out,
                "\nHeaders found: {}.",
                if headers.is_empty() { "none".to_string() } else { headers.join(", ") }
            );
            // Candidates: headers that no field claims, each suggested once.
            let mut free: Vec<&String> = headers
                .iter()
                .filter(|h| {
                    let n = engine::normalise(h);
                    !engine::FIELDS.iter().any(|f| f.aliases().contains(&n.as_str()))
                })
                .collect();
            let names: Vec<&str> = missing.iter().map(|f| f.split(" or ").next().unwrap_or(f)).collect();
            let fixes: Vec<String> = names
                .iter()
                .zip(suggest(&names, &mut free))
                .map(|(name, header)| format!("{flag} '{name}={header}'"))
                .collect();
            let _ = write!(out, "\nPick the column by hand, e.g.: {}", fixes.join(" "));
            out
        }
        FileError::MappedHeaderMissing { file, field, header, headers } => format!(
            "{file}: {flag} '{field}={header}': the file has no header '{header}'.\nHeaders found: {}.",
            headers.join(", ")
        ),
        other => other.to_string(),
    }
}

/// The header most likely meant for each field: a free one whose name hints at it, else
/// the first free one left, else a placeholder. Each header is suggested once.
fn suggest(fields: &[&str], free: &mut Vec<&String>) -> Vec<String> {
    let hints = |field: &str| -> &'static [&'static str] {
        match field {
            "event date" => &["date", "time", "day", "sent", "when", "ts"],
            "profile key" => &["id", "key", "recipient", "profile", "customer", "contact", "email", "mail"],
            "delivery" => &["delivery", "id", "code", "name"],
            _ => &[],
        }
    };
    let mut chosen: Vec<Option<String>> = fields
        .iter()
        .map(|field| {
            let at = hints(field).iter().find_map(|hint| free.iter().position(|h| engine::normalise(h).contains(hint)));
            at.map(|i| free.remove(i).clone())
        })
        .collect();
    for slot in chosen.iter_mut().filter(|c| c.is_none()) {
        if !free.is_empty() {
            *slot = Some(free.remove(0).clone());
        }
    }
    chosen.into_iter().map(|c| c.unwrap_or_else(|| "<header>".to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1 000");
        assert_eq!(group(1234567), "1 234 567");
    }

    #[test]
    fn suggests_each_free_header_once() {
        let headers: Vec<String> = ["Customer", "When", "Notes"].iter().map(|s| s.to_string()).collect();
        let mut free: Vec<&String> = headers.iter().collect();
        assert_eq!(suggest(&["event date", "profile key"], &mut free), ["When", "Customer"]);
        let mut free: Vec<&String> = headers[2..].iter().collect();
        assert_eq!(suggest(&["event date", "profile key"], &mut free), ["Notes", "<header>"]);
    }

    #[test]
    fn missing_fields_message() {
        let e = engine::FileError::MissingFields {
            file: "a.csv".into(),
            missing: vec!["event date".into()],
            headers: vec!["Recipient ID".into(), "Sent on".into(), "Status".into()],
        };
        assert_eq!(
            file_error(&e, "--map"),
            "a.csv: no column found for the event date.\nHeaders found: Recipient ID, Sent on, Status.\n\
             Pick the column by hand, e.g.: --map 'event date=Sent on'"
        );
    }

    #[test]
    fn renders_an_empty_report() {
        let text = render(&Report::default());
        assert!(text.starts_with("Customer metrics\n"));
        assert!(text.contains("Targeting dimensions"));
    }
}
