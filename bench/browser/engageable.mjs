// `make bench-engageable-browser`: the viewer's Engageable profiles report (Journey Optimizer's licence
// metric) against DuckDB-Wasm in the same headless Chromium, on the files of `make bench-engageable`
// (issue 16, item 7).
//
// The files are bench/engageable.sh's: generated journey step events as a few files of JSON lines, the
// same events as Parquet and as CSV (a Query Service export), named with the command line's report of
// each in $BENCH_DIR/engageable-$BENCH_EVENTS/manifest.json (bench/engageable.sh is run first when it is
// missing, or when it names no CSV).
//
// For each format, printed:
//   - the viewer: its Engageable profiles tab open (the demo counted), then the folder of events picked
//     in *Open a folder* (input folder-files), as an admin picks it, to the painted report: seconds,
//     MB/s, events/s, the tab's peak memory and CPU seconds. The events are counted by one worker;
//   - DuckDB-Wasm: the same files picked to the result of bench/duckdb_engageable.py's queries, Adobe's
//     approximation (count(distinct stepEvents.profileID) per sandbox over the 12 months up to the
//     latest event date) through read_json / read_parquet / read_csv. The JSON and Parquet readers are
//     extensions DuckDB-Wasm fetches from extensions.duckdb.org at first use: offline it cannot run
//     them, and the benchmark says so. Its CSV reader is built in: on the CSV it runs, all_varchar, the
//     timestamp cast to TIMESTAMPTZ as AEP types it, count(distinct profileID) per sandbox. The CSV's
//     profileID is the step event's, else identityMap's primary identity (the export's query picked
//     it), so there the approximation is the exact count: DuckDB-Wasm's must equal native DuckDB's and
//     the viewer's.
// The viewer's figures (total, production, development, each sandbox) are checked against the command
// line's report of the same files, DuckDB-Wasm's against native DuckDB's; a difference is printed loudly
// and the exit code is 1. Durations are printed, never asserted.
//
// Measured on the CSV (BENCH_REPEAT=3, best of 3, the shared 2-core machine at load 2 to 4), pick to
// painted report / pick to result, both tabs' figures equal to the command line's and native DuckDB's:
//   1 000 000 events, 4 files, 88.8 MB: viewer 1.45 s (61 MB/s, tab +54 MiB), DuckDB-Wasm 1.4.3
//     1.95 s (46 MB/s, tab +325 MiB): DuckDB-Wasm/viewer 1.35x;
//   300 000 events, 26.5 MB: viewer 0.61 s (43 MB/s, +40 MiB), DuckDB-Wasm 0.93 s (+148 MiB): 1.52x.
//
// Environment (all optional): BENCH_EVENTS (default 20000000), BENCH_DIR (default target/bench),
// BENCH_REPEAT and BENCH_TIMEOUT (common.mjs), BENCH_PICK_AFTER_MS (default 3000: the viewer's workers
// start and warm up after the page opens, as they do while a user finds the files), BENCH_DUCKDB (0
// skips DuckDB-Wasm), CARGO_TARGET_DIR (default target); bench/engageable.sh's knobs when it runs.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ROOT, serve } from '../../e2e/harness.mjs';
import { mib } from './memory.mjs';
import {
  say, load, fmt, inFreshBrowser, duckdbRun, fastest, printMemory, timePick, table, compare, mismatches, offlineReason,
} from './common.mjs';

const env = process.env;
const EVENTS = Number(env.BENCH_EVENTS || 20_000_000);
const DIR = path.resolve(ROOT, env.BENCH_DIR || 'target/bench');
const OUT = path.join(DIR, `engageable-${EVENTS}`);
const MANIFEST = path.join(OUT, 'manifest.json');
const PICK_AFTER_MS = Number(env.BENCH_PICK_AFTER_MS ?? 3000);
const DUCKDB = env.BENCH_DUCKDB !== '0';
const DIST = path.join(ROOT, 'dist');

// ---- the files -----------------------------------------------------------------------------

const hasCsv = () => JSON.parse(readFileSync(MANIFEST, 'utf8')).files.some((f) => f.format === 'csv');
if (!existsSync(MANIFEST) || !hasCsv()) {
  say(`== ${MANIFEST} is missing or names no CSV: running bench/engageable.sh once (it writes the files and the native figures)`);
  const made = spawnSync('bash', ['bench/engageable.sh'], { cwd: ROOT, stdio: 'inherit', env: { ...env, BENCH_REPEAT: env.BENCH_REPEAT || '1' } });
  if (made.status !== 0) throw new Error(`bench/engageable.sh failed (exit ${made.status})`);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
for (const needed of [path.join(DIST, 'index.html'), ...manifest.files.flatMap((f) => [f.dir, ...f.paths])]) {
  if (!existsSync(path.resolve(ROOT, needed))) throw new Error(`${needed} is missing: run make dist (or make bench-engageable-browser)`);
}

/** Native DuckDB's answer for `kind` (bench/engageable.sh's output, one thread): Adobe's approximation per sandbox. */
function nativeDuckdb(kind) {
  const file = path.join(OUT, `duck-${kind}-1.out`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// ---- the two sides -------------------------------------------------------------------------

/**
 * One viewer run: the first screen on screen, the Engageable profiles tab opened and its demo counted,
 * then the folder `dir` picked in *Open a folder*. The time is the page's own, from the input's change
 * event to the paint of the frame with the new report's ready marker.
 */
async function viewerRun(url, dir, bytes) {
  return inFreshBrowser(url, async (page) => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 60_000 });
    await page.click('[data-testid=tab-engageable]');
    await page.waitForSelector('[data-testid=engageable-ready]', { state: 'attached', timeout: 60_000 });
    const picked = await timePick(page, dir, {
      ready: 'engageable-ready', progress: 'engageable-progress-text', pickAfterMs: PICK_AFTER_MS,
      input: 'input[data-testid=folder-files]', bytes,
    });
    if (picked.error) return picked;
    const value = async (testid) => Number(await page.locator(`[data-testid=${testid}]`).first().getAttribute('data-value'));
    const sandboxes = await page.locator('[data-testid=eng-sandbox]').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.dataset.name, Number(r.querySelector('[data-value]').dataset.value)])),
    );
    return {
      ...picked,
      figures: { total: await value('eng-total'), production: await value('eng-production'), development: await value('eng-development') },
      sandboxes,
    };
  });
}

/**
 * bench/duckdb_engageable.py's queries for files registered under `names`: the as-of date (the latest
 * event date), then Adobe's count per sandbox over the 12 months up to it.
 */
function duckdbStatements(names, kind) {
  const quote = (s) => `'${s.replaceAll("'", "''")}'`;
  const paths = `[${names.map(quote).join(', ')}]`;
  const source = {
    json: `read_json(${paths}, format = 'newline_delimited', records = true, ignore_errors = true, columns = {` +
      "'timestamp': 'VARCHAR', 'sandbox': 'VARCHAR', " +
      "'_experience': 'STRUCT(journeyOrchestration STRUCT(stepEvents STRUCT(profileID VARCHAR)))'})",
    parquet: `read_parquet(${paths})`,
    // As bench/duckdb_engageable.py reads it: every column text, the export's header, comma and double quotes.
    csv: `read_csv(${paths}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`,
  }[kind];
  if (!source) throw new Error(`no DuckDB reader for ${kind}`);
  // The export of a Query Service query names the step event's profile column profileID.
  const profile = kind === 'csv' ? 'profileID' : '_experience.journeyOrchestration.stepEvents.profileID';
  // As bench/duckdb_engageable.py: a TRY_CAST of a bare CSV column is pushed into read_csv as a hard cast
  // (duckdb/duckdb#23818), which fails on the first `yesterday`; nullif(x, '') is x in a CSV.
  const time = kind === 'csv' ? "nullif(timestamp, '')" : 'timestamp';
  // No SET TimeZone: DuckDB-Wasm would fetch its ICU extension for it. Without ICU, DuckDB-Wasm 1.32
  // (DuckDB 1.4.3) has no cast of a TIMESTAMPTZ to DATE ("Unimplemented type for cast"), but has one to
  // TIMESTAMP, the instant in UTC: its DATE() is the UTC date, as native DuckDB's with TimeZone UTC.
  return [
    `CREATE OR REPLACE VIEW journey_step_events AS
     SELECT * REPLACE (CAST(TRY_CAST(${time} AS TIMESTAMPTZ) AS TIMESTAMP) AS timestamp) FROM ${source}`,
    'SET VARIABLE as_of = (SELECT max(DATE(timestamp)) FROM journey_step_events)',
    `SELECT sandbox, CAST(count(distinct ${profile}) AS INTEGER) AS n
     FROM journey_step_events
     WHERE DATE(timestamp) > (getvariable('as_of') - interval '12' month) AND DATE(timestamp) <= getvariable('as_of')
     GROUP BY sandbox ORDER BY sandbox`,
  ];
}

// ---- the benchmark -------------------------------------------------------------------------

say(`== bench-engageable-browser: the viewer's Engageable profiles report against DuckDB-Wasm in headless ${env.CHROMIUM || '/usr/bin/chromium'}`);
say(`   load average at start: ${load()} (${availableParallelism()} cores); files of ${MANIFEST}`);
const viewer = await serve(DIST);
const root = await serve(ROOT); // DuckDB's page and node_modules
const results = [];
try {
  for (const entry of manifest.files) {
    const dir = path.resolve(ROOT, entry.dir);
    const files = entry.paths.map((p) => path.resolve(ROOT, p));
    const mb = entry.bytes / 1e6;
    const expected = JSON.parse(readFileSync(path.resolve(ROOT, entry.report), 'utf8'));
    const events = expected.rows.read;
    say(`\n== ${entry.format}: ${path.relative(ROOT, dir)}, ${files.length} files, ${fmt(mb, 1)} MB, ${events} events`);
    spawnSync('cat', files, { stdio: ['ignore', 'ignore', 'inherit'] }); // the page cache warm once, for both sides

    say(`   viewer: pick to painted Engageable profiles report (load ${load()})`);
    const ours = await fastest(() => viewerRun(viewer.url, dir, entry.bytes));
    if (ours.error) {
      mismatches.count += 1;
      say(`   !!!!!!!! viewer FAILED: ${ours.error} !!!!!!!!`);
    } else {
      say(`   viewer: ${fmt(ours.seconds)} s, ${fmt(mb / ours.seconds, 0)} MB/s, ${fmt(events / ours.seconds, 0)} events/s ` +
        `(after the pick: progress at ${fmt(ours.marks.progress)} s, every byte read at ${fmt(ours.marks.allRead)} s, ` +
        `report at ${fmt(ours.marks.rendered)} s, painted at ${fmt(ours.seconds)} s)`);
      const e = expected.engageable;
      compare('viewer engageable profiles (tiles)', ours.figures, { total: e.total, production: e.production, development: e.development },
        'the command line\'s report');
      compare('viewer engageable profiles (sandboxes)', ours.sandboxes, Object.fromEntries(e.sandboxes.map((s) => [s.name, s.profiles])),
        'the command line\'s report');
    }
    printMemory('viewer', ours.mem);

    let duck = null;
    if (DUCKDB) {
      const native = nativeDuckdb(entry.format);
      say(`   DuckDB-Wasm: pick to result, Adobe's approximation per sandbox (load ${load()})`);
      try {
        duck = await fastest(() => duckdbRun(root.url, files, duckdbStatements(files.map((f) => path.basename(f)), entry.format)));
      } catch (e) {
        const reason = offlineReason(e, entry.format);
        if (!reason) throw e;
        duck = { offline: false, error: reason };
        say(`   DuckDB-Wasm cannot run offline: it ${reason}; native DuckDB's figure (make bench-engageable) is the reference`);
        results.push({ entry, mb, events, ours, duck });
        continue;
      }
      say(`   DuckDB-Wasm ${duck.version} (${duck.bundle} bundle, started in ${fmt(duck.startMs ?? NaN, 0)} ms before the pick)`);
      if (duck.error) {
        say(`   DuckDB-Wasm FAILED after ${fmt(duck.seconds)} s: ${duck.error}`);
      } else {
        say(`   DuckDB-Wasm: ${fmt(duck.seconds)} s, ${fmt(mb / duck.seconds, 0)} MB/s, ${fmt(events / duck.seconds, 0)} events/s`);
        const got = Object.fromEntries(duck.rows.map((r) => [r.sandbox, r.n]));
        if (native) compare('DuckDB-Wasm engageable (Adobe\'s approximation)', got, native.engageable, 'native DuckDB\'s');
        if (entry.format === 'csv') {
          // The CSV's profileID already holds identityMap's primary identity: the approximation is the exact count.
          compare('DuckDB-Wasm engageable on CSV (the exact count there)', got,
            Object.fromEntries(expected.engageable.sandboxes.map((s) => [s.name, s.profiles])), 'the command line\'s report');
        }
      }
      printMemory('DuckDB-Wasm', duck.mem);
    }
    results.push({ entry, mb, events, ours, duck });
  }

  say(`\n== summary (load average now ${load()})`);
  const cols = [['files', -10], ['MB', 7], ['', 2], ['side', -40], ['wall s', 9], ['tab CPU s', 11], ['MB/s', 7], ['events/s', 11],
    ['peak MiB', 10], ['+growth', 9], ['DuckDB/ours', 13]];
  const line = table(cols);
  for (const { entry, mb, events, ours, duck } of results) {
    const side = (name, r, first, ratio) => line([
      first ? entry.format : '', first ? fmt(mb, 0) : '', '', name,
      r.error ? 'failed' : fmt(r.seconds), r.mem ? fmt(r.mem.cpu) : '-', r.error ? '-' : fmt(mb / r.seconds, 0),
      r.error ? '-' : fmt(events / r.seconds, 0),
      r.mem ? fmt(mib(r.mem.peak.renderer), 0) : '-', r.mem ? `+${fmt(mib(r.mem.peak.renderer - r.mem.baseline.renderer), 0)}` : '-',
      ratio && !r.error && !ours.error ? `${fmt(r.seconds / ours.seconds, 2)}x` : '',
    ]);
    say(side('viewer, 1 worker (the whole report)', ours, true, false));
    if (duck?.offline === false) say(line(['', '', '', 'DuckDB-Wasm (Adobe\'s approximation)', 'not offline']));
    else if (duck) say(side('DuckDB-Wasm (Adobe\'s approximation)', duck, false, true));
  }
  say('   native figures and how far Adobe\'s approximation is from the exact count: make bench-engageable');
  if (results.some((r) => r.duck?.offline === false)) {
    say('   DuckDB-Wasm (npm @duckdb/duckdb-wasm) loads read_json and read_parquet as extensions from extensions.duckdb.org');
    say('   at first use; a page that makes no request off the machine cannot run them (its CSV reader is built in: the csv rows)');
  }
} finally {
  await viewer.close();
  await root.close();
}
if (mismatches.count > 0) {
  say(`\n!!!!!!!! ${mismatches.count} figure(s) differ: see MISMATCH above !!!!!!!!`);
  process.exit(1);
}
