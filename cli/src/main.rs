//! `active-profiles`: runs the counting engine on exported files (placeholder for the slice).

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "active-profiles", version, about = "Count active profiles from delivery-log exports")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Count the files and print the report.
    Report {
        /// Delivery-log CSV files.
        files: Vec<std::path::PathBuf>,
    },
}

fn main() -> ExitCode {
    let Cli { command: Command::Report { files } } = Cli::parse();
    let mut counter = engine::Counter::new(engine::Options::default());
    for path in &files {
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        if let Err(e) = std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)) {
            eprintln!("{name}: {e}");
            return ExitCode::from(2);
        }
        let file = counter.begin_file(&name, None);
        counter.push(file, &bytes);
        counter.end_file(file);
    }
    let report = counter.report(&engine::ReportSettings::default());
    match serde_json::to_string_pretty(&report) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
