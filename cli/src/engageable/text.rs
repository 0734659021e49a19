//! The text of `engageable`: the License usage dashboard's figures first, then what it does not show.
//!
//! Its words come from the message catalogs (`--lang`, English by default);
//! numbers are grouped the language's way and dates written in its numeric
//! form, as in the other commands' text.

use std::fmt::Write as _;

use engine::engage::EngageableReport;
use i18n::{t, tt, Lang};

use crate::text::{heading, said, Table};

/// The whole report in `lang`.
pub fn render(r: &EngageableReport, lang: Lang) -> String {
    let g = |n: u64| i18n::group(lang, n);
    let d = |iso: &str| i18n::date(lang, iso);
    let kind =
        |k: &str| tt(lang, if k == "development" { "cli-eng-type-development" } else { "cli-eng-type-production" });
    let mut out = String::new();
    let title = tt(lang, "cli-eng-title");
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    if let (Some(as_of), Some(win)) = (&r.as_of, &r.window) {
        let words = [("date", d(as_of).into()), ("from", d(&win.from).into()), ("to", d(&win.to).into())];
        let _ = writeln!(out, "{}", t(lang, "cli-eng-as-of", &words));
    }
    let _ = writeln!(out, "\n{}", t(lang, "cli-eng-total", &[("count", g(r.engageable.total).into())]));
    let _ = writeln!(out, "  {}", t(lang, "cli-eng-production", &[("count", g(r.engageable.production).into())]));
    let _ = writeln!(out, "  {}", t(lang, "cli-eng-development", &[("count", g(r.engageable.development).into())]));
    if !r.engageable.sandboxes.is_empty() {
        let header = [tt(lang, "cli-eng-sandbox"), tt(lang, "cli-eng-type"), tt(lang, "cli-eng-profiles")];
        let mut table = Table::new(&header, &[false, false, true]);
        for s in &r.engageable.sandboxes {
            table.row(vec![s.name.clone(), kind(&s.kind), g(s.profiles)]);
        }
        out.push('\n');
        table.render(&mut out, "  ");
    }
    if let Some(l) = &r.licence {
        let percent = format!("{:.1}", l.percent);
        let words = [("used", g(l.used).into()), ("licensed", g(l.licensed).into()), ("percent", percent.into())];
        let _ = writeln!(out, "\n{}", t(lang, "cli-eng-licence", &words));
        if let Some(p) = &l.predicted {
            let words = [("date", d(&p.date).into()), ("low", g(p.low).into()), ("high", g(p.high).into())];
            let _ = writeln!(out, "{}", t(lang, "cli-eng-predicted", &words));
        }
    }
    let _ = writeln!(out, "\n{}", t(lang, "cli-eng-dry-run-only", &[("count", g(r.dry_run_only).into())]));
    if r.stitched {
        let _ = writeln!(out, "{}", t(lang, "cli-eng-joined", &[("count", g(r.stitched_joined).into())]));
    }

    if !r.by_journey.is_empty() {
        heading(&mut out, &tt(lang, "cli-eng-by-journey"));
        let mut table = Table::new(&[tt(lang, "cli-eng-journey"), tt(lang, "cli-eng-profiles")], &[false, true]);
        for j in &r.by_journey {
            table.row(vec![j.name.clone(), g(j.profiles)]);
        }
        table.render(&mut out, "  ");
    }
    if !r.spikes.is_empty() {
        heading(&mut out, &tt(lang, "cli-eng-spikes"));
        for s in &r.spikes {
            let median = format!("{}", s.median_before);
            let words = [
                ("date", d(&s.date).into()),
                ("count", g(s.newly_engaged).into()),
                ("median", median.into()),
                ("journeys", s.journeys.join(", ").into()),
            ];
            let _ = writeln!(out, "  {}", t(lang, "cli-eng-spike", &words));
        }
    }
    if !r.expiring.is_empty() {
        heading(&mut out, &tt(lang, "cli-eng-expiring"));
        let mut table = Table::new(&[tt(lang, "cli-eng-month"), tt(lang, "cli-eng-profiles")], &[false, true]);
        for e in &r.expiring {
            table.row(vec![e.month.clone(), g(e.profiles)]);
        }
        table.render(&mut out, "  ");
    }
    heading(&mut out, &tt(lang, "cli-eng-events"));
    let words = [
        ("read", g(r.rows.read).into()),
        ("counted", g(r.rows.counted).into()),
        ("rejected", g(r.rows.rejected).into()),
    ];
    let _ = writeln!(out, "  {}", t(lang, "cli-eng-rows", &words));
    for x in &r.rejected {
        let reason = said(lang, x.message.as_ref(), &x.reason);
        // Line 0: rejected rows of a warehouse's aggregate, by reason (the table has no lines).
        let place = if x.line == 0 {
            x.file.clone()
        } else {
            t(lang, "cli-prof-at-line", &[("file", (&x.file).into()), ("line", x.line.to_string().into())])
        };
        let _ = writeln!(out, "  {place}: {reason}");
    }
    for (english, message) in r.warnings.iter().zip(r.warning_messages.iter().map(Some).chain(std::iter::repeat(None)))
    {
        let _ = writeln!(out, "  {}: {}", tt(lang, "cli-warning"), said(lang, message, english));
    }
    out
}
