//! The text report: laid out like Campaign's Customer metrics screen, then the snapshot detail and the diagnosis.
//!
//! Its words come from the message catalogs (`--lang`, English by default);
//! numbers are grouped the language's way and dates written in its numeric form.

use std::fmt::Write as _;

use engine::Report;
use i18n::{t, tt, Arg, Lang};

/// A plain table: a header row, then rows; numeric columns (named in `right`) are right-aligned.
pub(crate) struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    pub(crate) fn new(header: &[String], right: &[bool]) -> Self {
        Table { header: header.to_vec(), rows: Vec::new(), right: right.to_vec() }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub(crate) fn render(&self, out: &mut String, indent: &str) {
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

/// `1234567` as `1 234 567`, as Campaign's screens group digits (English).
#[cfg(test)]
fn group(n: u64) -> String {
    i18n::group(Lang::En, n)
}

pub(crate) fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"=".repeat(title.chars().count()));
    out.push('\n');
}

/// The text report in `lang`.
pub fn render(r: &Report, lang: Lang) -> String {
    let g = |n: u64| i18n::group(lang, n);
    let w = |key: &str| tt(lang, key);
    let wf = |key: &str, args: &[(&str, Arg<'_>)]| t(lang, key, args);
    let date = |iso: &str| i18n::date(lang, iso);
    let mut out = String::new();
    let title = w("metrics-title");
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    let mut t = Table::new(&[w("col-from"), w("col-to"), w("col-number-active")], &[false, false, true]);
    for s in r.snapshots.iter().rev() {
        t.row(vec![date(&s.from), date(&s.to), g(s.active)]);
    }
    if t.rows.is_empty() {
        let _ = writeln!(out, "{}", w("cli-no-snapshot"));
    } else {
        t.render(&mut out, "");
    }

    let as_of = r.as_of.as_deref().map(date).unwrap_or_else(|| "-".into());
    heading(&mut out, &wf("cli-active-on", &[("date", as_of.into())]));
    if let Some(win) = &r.window {
        let _ =
            writeln!(out, "{}", wf("cli-window", &[("from", date(&win.from).into()), ("to", date(&win.to).into())]));
    }
    let _ = writeln!(out, "{}", wf("cli-number-active", &[("count", g(r.total_active).into())]));

    heading(&mut out, &w("dimensions"));
    let mut t = Table::new(&[w("col-source"), w("col-contacts")], &[false, true]);
    for d in &r.dimensions {
        t.row(vec![d.name.clone(), g(d.active)]);
    }
    t.row(vec![w("total"), g(r.total_active)]);
    t.render(&mut out, "");

    heading(&mut out, &w("cli-instances"));
    let mut t = Table::new(&[w("cli-col-instance"), w("col-source"), w("col-contacts")], &[false, false, true]);
    for i in &r.instances {
        t.row(vec![i.name.clone(), w("cli-all"), g(i.active)]);
        for d in &i.dimensions {
            t.row(vec![String::new(), d.name.clone(), g(d.active)]);
        }
    }
    t.row(vec![w("cli-organisation"), w("cli-all"), g(r.total_active)]);
    t.render(&mut out, "");

    heading(&mut out, &w("channels"));
    let mut t = Table::new(&[w("col-channel"), w("active-profiles")], &[false, true]);
    for c in &r.channels {
        t.row(vec![c.name.clone(), g(c.active)]);
    }
    t.render(&mut out, "");
    let _ = writeln!(out, "{}", wf("cli-multi-channel", &[("count", g(r.multi_channel_profiles).into())]));

    heading(&mut out, &w("usage"));
    let used = || ("used", Arg::from(g(r.total_active)));
    match r.settings.purchased {
        Some(p) if p > 0 => {
            let pct = i18n::decimal(lang, &format!("{:.1}", r.total_active as f64 * 100.0 / p as f64));
            let _ =
                writeln!(out, "{}", wf("cli-used-of", &[used(), ("purchased", g(p).into()), ("percent", pct.into())]));
            if r.total_active > p {
                let _ = writeln!(out, "{}", wf("cli-over", &[("count", g(r.total_active - p).into())]));
            }
        }
        Some(_) => {
            let _ = writeln!(out, "{}", wf("cli-used-of-zero", &[used()]));
        }
        None => {
            let _ = writeln!(out, "{}", wf("cli-used-none", &[used()]));
        }
    }

    heading(&mut out, &w("expiring-title"));
    let _ = writeln!(out, "{}", w("cli-expiring-lead"));
    let mut t = Table::new(&[w("col-month"), w("cli-col-profiles")], &[false, true]);
    for e in &r.expiring {
        t.row(vec![i18n::month(lang, &e.month), g(e.profiles)]);
    }
    t.render(&mut out, "");

    if !r.case_duplicates.is_empty() {
        heading(&mut out, &w("cli-case-title"));
        let mut t = Table::new(&[w("col-source"), w("cli-col-profiles"), w("col-fewer")], &[false, true, true]);
        for c in &r.case_duplicates {
            t.row(vec![c.dimension.clone(), g(c.profiles), g(c.fewer)]);
        }
        t.render(&mut out, "");
        let _ = writeln!(out, "{}", w("cli-case-note"));
    }

    heading(&mut out, &w("diagnosis-title"));
    let rows = &r.rows;
    let mut t = Table::new(&[w("col-rows"), w("cli-col-number")], &[false, true]);
    t.row(vec![w("cli-read"), g(rows.read)]);
    t.row(vec![w("counted"), g(rows.counted)]);
    t.row(vec![w("excluded"), g(rows.excluded)]);
    for e in &r.excluded {
        t.row(vec![format!("  {}", reason_label(lang, &e.reason)), g(e.rows)]);
    }
    t.row(vec![w("cli-rejected"), g(rows.rejected)]);
    t.render(&mut out, "");
    if !r.rejected.is_empty() {
        let shown = r.rejected.len() as u64;
        if shown < rows.rejected {
            let first = wf("cli-rejected-first", &[("n", shown.into()), ("count", g(rows.rejected).into())]);
            let _ = writeln!(out, "\n{first}");
        } else {
            let _ = writeln!(out, "\n{}", w("cli-rejected-rows"));
        }
        for x in &r.rejected {
            let _ = writeln!(out, "  {}:{}: {}", x.file, x.line, said(lang, x.message.as_ref(), &x.reason));
        }
    }
    if !r.unrecognised.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-unrecognised"));
        let mut t = Table::new(&[w("col-field"), w("col-value"), w("col-rows")], &[false, false, true]);
        for u in &r.unrecognised {
            let field = if lang == Lang::En { u.field.clone() } else { views::diagnosis::field_label(lang, &u.field) };
            t.row(vec![field, u.value.clone(), g(u.rows)]);
        }
        t.render(&mut out, "  ");
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-warnings"));
        for (warning, message) in views::diagnosis::warnings(r) {
            let _ = writeln!(out, "  {}", said(lang, message, warning));
        }
    }
    if !r.files.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-files"));
        for f in &r.files {
            let delimiter = if f.delimiter == "\t" { w("delimiter-tab") } else { format!("'{}'", f.delimiter) };
            let line = wf(
                "cli-file",
                &[
                    ("name", (&f.name).into()),
                    ("rows", g(f.rows).into()),
                    ("encoding", (&f.encoding).into()),
                    ("delimiter", delimiter.into()),
                ],
            );
            let _ = writeln!(out, "  {line}");
            for (field, header) in &f.columns {
                let _ = writeln!(out, "    {field:<16} <- {header}");
            }
        }
    }
    let rules = &r.settings.rules;
    let _ = writeln!(out, "\n{}", w("cli-rules"));
    let _ = writeln!(out, "  {}", wf("cli-counted-status", &[("list", rules.counted_status.join(", ").into())]));
    let _ = writeln!(out, "  {}", wf("cli-excluded-status", &[("list", rules.excluded_status.join(", ").into())]));
    let reasons: Vec<String> = rules.excluded_failure_reasons.iter().map(|n| n.to_string()).collect();
    let _ = writeln!(out, "  {}", wf("cli-excluded-reasons", &[("list", reasons.join(", ").into())]));
    let billing = match &r.settings.billing_day {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => "25".into(),
    };
    let zone = if r.settings.time_zone.is_empty() { "UTC" } else { &r.settings.time_zone };
    let order = w(if r.settings.day_first { "cli-day-first" } else { "cli-month-first" });
    let settings = wf("cli-settings", &[("day", billing.into()), ("zone", zone.into()), ("order", order.into())]);
    let _ = writeln!(out, "  {settings}");
    out
}

fn reason_label(lang: Lang, reason: &str) -> String {
    match reason {
        "proof" | "social" | "control" | "status" | "failure_reason" => {
            tt(lang, &format!("cli-reason-{}", reason.replace('_', "-")))
        }
        other => other.to_string(),
    }
}

/// A text of the engine (a rejection reason, a warning) in `lang`, numbers grouped the language's way;
/// English, or a report without the message, as written.
pub fn said(lang: Lang, message: Option<&engine::Message>, english: &str) -> String {
    match message {
        Some(m) if lang != Lang::En => {
            views::said::say_with(lang, m, &|n| i18n::group(lang, n)).unwrap_or_else(|| english.to_string())
        }
        _ => english.to_string(),
    }
}

/// The message for a file the engine cannot count, in `lang`: names the file, lists its headers and
/// shows the `--map` (or `--deliveries-map`, given as `flag`) that would fix it.
pub fn file_error(error: &engine::FileError, flag: &str, lang: Lang) -> String {
    use engine::FileError;
    let headers_found = |headers: &[String]| {
        let list = if headers.is_empty() { tt(lang, "cli-headers-none") } else { headers.join(", ") };
        t(lang, "cli-headers-found", &[("headers", list.into())])
    };
    match error {
        FileError::MissingFields { file, missing, headers } => {
            let and = format!(" {} ", tt(lang, "cli-missing-and"));
            let fields: Vec<String> = missing.iter().map(|f| views::said::field_words(lang, f)).collect();
            let mut out = t(lang, "cli-missing-fields", &[("file", file.into()), ("fields", fields.join(&and).into())]);
            let _ = write!(out, "\n{}", headers_found(headers));
            // Candidates: headers that no field claims, each suggested once.
            let mut free: Vec<&String> = headers
                .iter()
                .filter(|h| {
                    let n = engine::normalise(h);
                    !engine::FIELDS.iter().any(|f| f.match_names().contains(&n))
                })
                .collect();
            // The option takes the English field names, in every language.
            let names: Vec<&str> = missing.iter().map(|f| f.split(" or ").next().unwrap_or(f)).collect();
            let fixes: Vec<String> = names
                .iter()
                .zip(suggest(&names, &mut free))
                .map(|(name, header)| format!("{flag} '{name}={header}'"))
                .collect();
            let _ = write!(out, "\n{}", t(lang, "cli-pick-by-hand", &[("fixes", fixes.join(" ").into())]));
            out
        }
        FileError::MappedHeaderMissing { file, field, header, headers } => {
            let args =
                [("file", file.into()), ("flag", flag.into()), ("field", field.into()), ("header", header.into())];
            format!("{}\n{}", t(lang, "cli-mapped-missing", &args), headers_found(headers))
        }
        other => said(lang, Some(&other.message()), &other.to_string()),
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
            file_error(&e, "--map", Lang::En),
            "a.csv: no column found for the event date.\nHeaders found: Recipient ID, Sent on, Status.\n\
             Pick the column by hand, e.g.: --map 'event date=Sent on'"
        );
    }

    #[test]
    fn renders_an_empty_report() {
        let text = render(&Report::default(), Lang::En);
        assert!(text.starts_with("Customer metrics\n================\n"));
        assert!(text.contains("Targeting dimensions"));
        let dutch = render(&Report::default(), Lang::Nl);
        assert!(dutch.starts_with("Customer metrics\n================\n"), "{dutch}");
        assert!(dutch.contains("Targetingdimensies"), "{dutch}");
    }
}
