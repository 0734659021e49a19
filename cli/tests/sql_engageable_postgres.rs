//! `sql --report engageable --dialect postgres` run in a throwaway PostgreSQL server gives the report that `engageable` gives on the same events.
//!
//! Needs Debian's `postgresql` package (`make setup` installs it). The test
//! starts its own server: `initdb` into a temporary folder (as the `postgres`
//! user when run as root, since initdb refuses root), `pg_ctl start` listening
//! on a Unix socket in that folder only, loads each CSV with `psql -c "\copy
//! ..."`, runs each script with `psql -v ON_ERROR_STOP=1` (its `\copy` writes
//! the aggregate) and stops the server, also when the test fails. Without the
//! binaries the test says why and passes, unless `REQUIRE_POSTGRES` is set
//! (`make test` sets it).

mod engage_sql;

use std::path::{Path, PathBuf};
use std::process::Command;

use engage_sql::{
    aggregate_report, assert_all, cases, check_the_cases_exercise_the_rules, engine_report, ok, same, write_script,
};

/// The folder of the newest PostgreSQL's programs (`/usr/lib/postgresql/<version>/bin`), if there is one.
fn binaries() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// A server of its own, stopped when dropped.
struct Server {
    bin: PathBuf,
    data: PathBuf,
    socket: PathBuf,
    port: u16,
    /// Set when run as root: the user the server runs as.
    user: Option<&'static str>,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start(bin: PathBuf) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
        let user = root.then_some("postgres");
        let home = dir.path().join("pg");
        std::fs::create_dir(&home).expect("mkdir");
        if root {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
            ok(Command::new("chown").arg("postgres").arg(&home));
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let server = Server { data: home.join("data"), socket: home.clone(), bin, port, user, _dir: dir };
        let mut initdb = server.as_server("initdb");
        initdb.arg("-D").arg(&server.data).args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
        ok(&mut initdb);
        let mut start = server.as_server("pg_ctl");
        start.arg("-D").arg(&server.data).arg("-l").arg(home.join("log")).args(["-w", "start", "-o"]);
        // A time zone that moves dates: the script sets UTC itself.
        start.arg(format!(
            "-k {} -p {} -c listen_addresses='' -c timezone=America/New_York",
            server.socket.display(),
            server.port
        ));
        ok(&mut start);
        server
    }

    /// A program of the server, run as its user.
    fn as_server(&self, program: &str) -> Command {
        match self.user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(self.bin.join(program));
                c
            }
            None => Command::new(self.bin.join(program)),
        }
    }

    /// psql on the server's socket, stopping at the first error.
    fn psql(&self) -> Command {
        let mut c = Command::new(self.bin.join("psql"));
        c.arg("-h").arg(&self.socket).args(["-p", &self.port.to_string(), "-U", "postgres", "-d", "postgres"]);
        c.args(["-X", "-q", "-v", "ON_ERROR_STOP=1"]);
        c
    }

    /// A table of text columns named as the CSV's header, loaded from it.
    fn load(&self, table: &str, csv: &Path) {
        let text = std::fs::read_to_string(csv).expect("read CSV");
        let header = text.lines().next().expect("a header");
        let columns: Vec<String> = header.split(',').map(|c| format!("\"{c}\" TEXT")).collect();
        ok(self.psql().arg("-c").arg(format!("CREATE TABLE {table} ({})", columns.join(", "))));
        let copy = format!("\\copy {table} FROM '{}' WITH (FORMAT csv, HEADER)", csv.display());
        ok(self.psql().arg("-c").arg(copy));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let mut stop = self.as_server("pg_ctl");
        stop.arg("-D").arg(&self.data).args(["-m", "immediate", "-w", "stop"]);
        let _ = stop.output();
    }
}

#[test]
fn postgres_aggregates_give_the_engines_report() {
    let Some(bin) = binaries() else {
        let reason = "no PostgreSQL server programs in /usr/lib/postgresql/*/bin: install Debian's postgresql \
                      (make setup does)";
        assert!(std::env::var_os("REQUIRE_POSTGRES").is_none(), "REQUIRE_POSTGRES is set and there is {reason}");
        eprintln!("skipped: {reason}");
        return;
    };
    let server = Server::start(bin);
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = cases(dir.path());
    check_the_cases_exercise_the_rules(&cases);
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let table = format!("journey_step_events_{n}");
        server.load(&table, &case.file);
        let script = dir.path().join(format!("job{n}.sql"));
        let aggregate = dir.path().join(format!("job{n}.aggregate.csv"));
        write_script(case, "postgres", &table, &aggregate.display().to_string(), &script);
        ok(server.psql().arg("-f").arg(&script));
        let warehouse = aggregate_report(&aggregate, case);
        if let Err(e) = same(&engine_report(case), &warehouse, &table, &case.what) {
            failures.push(e);
        }
    }
    assert_all(failures, cases.len());

    // A timestamptz column (read as text, with its offset, whatever the session's time zone) gives the
    // text column's report: the same events without the unreadable ones.
    let case = &cases[0];
    let source = "journey_step_events_0";
    ok(server.psql().arg("-c").arg(format!(
        "CREATE TABLE typed AS SELECT CAST(timestamp AS TIMESTAMPTZ) AS timestamp, profile_id, journey, sandbox, \
         sandbox_type, CAST(in_dry_run AS BOOLEAN) AS in_dry_run FROM {source} WHERE timestamp ~ '^[0-9]{{4}}-' \
         OR timestamp IS NULL"
    )));
    let script = dir.path().join("typed.sql");
    let aggregate = dir.path().join("typed.aggregate.csv");
    write_script(case, "postgres", "typed", &aggregate.display().to_string(), &script);
    ok(server.psql().arg("-f").arg(&script));
    let typed = aggregate_report(&aggregate, case);
    let text = aggregate_report(&dir.path().join("job0.aggregate.csv"), case);
    for key in ["as_of", "window", "engageable", "dry_run_only", "by_journey", "daily", "spikes", "expiring", "licence"]
    {
        assert_eq!(typed[key], text[key], "{key}");
    }
    assert_eq!(typed["rows"]["counted"], text["rows"]["counted"]);
}
