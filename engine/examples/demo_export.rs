//! Writes the viewer's embedded demo export to standard output (used by the end-to-end tests).

use std::io::Write;

fn main() -> std::io::Result<()> {
    std::io::stdout().write_all(&engine::generate::demo())
}
