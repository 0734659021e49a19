//! The profiles benchmark's export when the command line has no AEP `generate` option: the engine's
//! seeded generator ([`engine::aep::generate::write_export`]), one snapshot in one JSON-lines file.
//!
//! `cargo run --release --example aep_export -p active-profiles-cli -- RECORDS FOLDER` writes
//! `FOLDER/<dataset>/exportTime=…/part-00000.json` and prints its path and the lines written.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(records), Some(folder)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: aep_export RECORDS FOLDER");
        return ExitCode::from(2);
    };
    let spec = engine::aep::generate::ExportSpec { records, snapshots: 1, files: 1, ..Default::default() };
    let Some(name) = engine::aep::generate::export_paths(&spec).into_iter().next() else { return ExitCode::from(2) };
    let path = std::path::Path::new(folder).join(&name);
    let file = path.parent().map(std::fs::create_dir_all).unwrap_or(Ok(())).and_then(|()| std::fs::File::create(&path));
    let mut out = match file {
        Ok(f) => std::io::BufWriter::with_capacity(1 << 20, f),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    let mut failed = None;
    let lines = engine::aep::generate::write_export(&spec, &mut |_, line| {
        if failed.is_none() {
            failed = out.write_all(line).err();
        }
    });
    if let Some(e) = failed.or_else(|| out.flush().err()) {
        eprintln!("{}: {e}", path.display());
        return ExitCode::from(1);
    }
    println!("{} {lines}", path.display());
    ExitCode::SUCCESS
}
