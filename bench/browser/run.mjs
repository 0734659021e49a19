// `make bench-browser`: the viewer against DuckDB-Wasm in the same headless Chromium.
//
// What it measures and prints (issue 8, items 2 to 4):
//   1. the size of each dist/*.wasm, gzip -9 (target: the app's at most 1 MB);
//   2. the demo report painted after navigation, best and median of a few fresh
//      page loads (target: within 1 s);
//   3. for each export (1 and 10 million generated rows by default): file pick to
//      rendered report in the viewer, and the same file picked in a page running
//      DuckDB-Wasm with the SQL of `active-profiles sql --dialect duckdb`; both
//      times, the ratio (target: at least 3x), our MB/s (target: 150 MB/s on the
//      10M file) and the peak memory of each tab, with samples over the run, and
//      the CPU seconds each tab got (on a shared machine, wall-clock time includes
//      waiting for a core: the ratio by CPU time is printed beside the one by time);
//   4. with BENCH_HUGE=1, a file of about 5 GB (far larger than a tab's memory)
//      read by the viewer, with memory samples over the run (target: flat).
// Every count is checked against `active-profiles report --format json` for the
// same file and as-of date; a difference is printed loudly (and the exit code is 1).
// Durations are printed, never asserted.
//
// Environment (all optional):
//   BENCH_ROWS         comma-separated row counts (default 1000000,10000000; 0: none, e.g. with BENCH_HUGE=1)
//   BENCH_DIR          where exports go (default target/bench, shared with `make bench`)
//   BENCH_AS_OF        as-of date for every count (default 2026-10-24, the exports' last day)
//   BENCH_WORKERS      comma-separated worker counts for the viewer, one run each ("auto": the
//                      viewer's own choice, one per core but one; a number n: ?workers=n);
//                      the first is the one DuckDB-Wasm is compared with (default auto)
//   BENCH_PICK_AFTER_MS  how long after the page's first report the file is picked (default 3000): the
//                      viewer spawns its workers a second after it opens and they warm up (compile,
//                      count a small export), as they do while a user finds the file; DuckDB-Wasm's
//                      page likewise picks once its database is instantiated
//   BENCH_REPEAT       runs of each side per file; the fastest is reported (default 1)
//   BENCH_PAINT_RUNS   page loads for the demo paint time (default 5)
//   BENCH_DUCKDB       0 skips DuckDB-Wasm (default 1)
//   BENCH_DUCKDB_SQL   comma-separated, one DuckDB-Wasm run each, each with its ratio:
//                      headline (default): the command line's script up to the active
//                      profiles, then their count per target dimension;
//                      full: the whole script, its aggregate export included;
//                      simple: one count(DISTINCT) query, bench/duckdb_count.py's (fewer
//                      rules than the script: DuckDB's fastest way to the same numbers here)
//   BENCH_HUGE         1 adds the ~5 GB run (viewer only)
//   BENCH_HUGE_ROWS    rows of that file (default 60000000, about 5 GB)
//   BENCH_HUGE_PROFILES its profile pool (default 2000000, the 10M export's): long before the
//                      end of the file every profile of the pool has been seen, so what the
//                      memory holds stops growing while the file goes on
//   BENCH_TIMEOUT      seconds one run may take before it counts as failed (default 3600)
//   CARGO_TARGET_DIR   where the command line was built (default target)

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, serve } from '../../e2e/harness.mjs';
import { mib } from './memory.mjs';
import { say, load, fmt, inFreshBrowser, duckdbRun, fastest, printMemory, timePick, table, setAsOf } from './common.mjs';

const env = process.env;
const ROWS = (env.BENCH_ROWS || '1000000,10000000').split(',').map((s) => Number(s.trim())).filter(Boolean);
const DIR = env.BENCH_DIR || 'target/bench';
const AS_OF = env.BENCH_AS_OF || '2026-10-24';
const PICK_AFTER_MS = Number(env.BENCH_PICK_AFTER_MS ?? 3000);
const WORKERS = (env.BENCH_WORKERS || 'auto').split(',').map((s) => s.trim());
const PAINT_RUNS = Number(env.BENCH_PAINT_RUNS || 5);
const DUCKDB = env.BENCH_DUCKDB !== '0';
const DUCKDB_SQL = (env.BENCH_DUCKDB_SQL || 'headline').split(',').map((s) => s.trim());
for (const mode of DUCKDB_SQL) {
  if (!['headline', 'full', 'simple'].includes(mode)) throw new Error(`BENCH_DUCKDB_SQL: unknown mode ${mode}`);
}
const HUGE = env.BENCH_HUGE === '1';
const HUGE_ROWS = Number(env.BENCH_HUGE_ROWS || 60_000_000);
const HUGE_PROFILES = Number(env.BENCH_HUGE_PROFILES || 2_000_000);
const TARGET = env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const CLI = path.join(TARGET, 'release', 'active-profiles');
const DIST = path.join(ROOT, 'dist');

let mismatches = 0;

// ---- the exports and the command line's reports -------------------------------------------

/**
 * The seeded export of `args` at `file` (relative to the repository, as bench/run.sh names it),
 * generated only when missing or when its .params (binary version, arguments, generator source)
 * differ: the same rule as bench/run.sh, so both benchmarks share their files.
 */
function ensureExport(file, args) {
  const params = file.replace(/\.csv$/, '.params');
  const genArgs = ['generate', ...args, '--output', file];
  const version = execFileSync(CLI, ['--version'], { encoding: 'utf8' }).trim();
  const source = createHash('sha256').update(readFileSync(path.join(ROOT, 'engine/src/generate.rs'))).digest('hex').slice(0, 16);
  const want = `${version} ${genArgs.join(' ')} ${source}`;
  const full = path.resolve(ROOT, file);
  if (existsSync(full) && existsSync(path.resolve(ROOT, params)) && readFileSync(path.resolve(ROOT, params), 'utf8').trim() === want) {
    say(`   export ${file} is up to date`);
  } else {
    say(`   generating ${file} (${args.join(' ')})`);
    rmSync(path.resolve(ROOT, params), { force: true });
    const gen = spawnSync(CLI, genArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (gen.stderr.trim()) say(`   ${gen.stderr.trim()}`);
    if (gen.status !== 0) throw new Error(`active-profiles generate failed (exit ${gen.status})`);
    writeFileSync(path.resolve(ROOT, params), `${want}\n`);
  }
  return full;
}

/** The command line's JSON report of `file` on AS_OF, and how long the native count took. */
function cliReport(file) {
  const started = process.hrtime.bigint();
  const out = execFileSync(CLI, ['report', '--format', 'json', '--as-of', AS_OF, file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { report: JSON.parse(out), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Dimension counts as { name: active }, for comparing. */
const byName = (dims) => Object.fromEntries(dims.map((d) => [d.name, d.active]));

/** Prints the counts of `got` beside the command line's; a difference is printed loudly and counted. */
function compare(what, got, expected) {
  const want = byName(expected.dimensions);
  const have = byName(got.dimensions);
  const names = [...new Set([...Object.keys(want), ...Object.keys(have)])].sort();
  const same = names.every((n) => want[n] === have[n]) && (got.total === undefined || got.total === expected.total_active);
  if (same) {
    say(`   ${what}: counts equal the command line's (${names.map((n) => `${n} ${want[n]}`).join(', ')})`);
    return;
  }
  mismatches += 1;
  say(`   !!!!!!!! MISMATCH: ${what} differs from active-profiles report --as-of ${AS_OF} !!!!!!!!`);
  say(`   ${'dimension'.padEnd(16)}${'command line'.padStart(14)}${what.padStart(14)}`);
  for (const n of names) say(`   ${n.padEnd(16)}${String(want[n] ?? '-').padStart(14)}${String(have[n] ?? '-').padStart(14)}`);
  if (got.total !== undefined) say(`   ${'total'.padEnd(16)}${String(expected.total_active).padStart(14)}${String(got.total).padStart(14)}`);
}

// ---- DuckDB-Wasm's SQL ---------------------------------------------------------------------

/**
 * The statements DuckDB-Wasm runs: the command line's script for the file's columns
 * (`active-profiles sql --dialect duckdb --map FIELD=COLUMN ... --as-of AS_OF`), reading
 * its table `delivery_logs` from a view over read_csv of the picked file. In `headline`
 * mode the script's final export (COPY ... TO) is left out and the count per target
 * dimension is selected from its view of the active profiles (ap_active); in `full`
 * mode the export runs too (into DuckDB's in-memory file system), then the same select.
 */
function duckdbStatements(name, report, mode) {
  const { columns, delimiter } = report.files[0];
  const quote = (s) => `'${s.replaceAll("'", "''")}'`;
  const csv = `read_csv(${quote(name)}, header = true, all_varchar = true, ` +
    `delim = ${quote(delimiter === 'tab' ? '\t' : delimiter)}, quote = '"', escape = '"')`;
  if (mode === 'simple') return [simpleQuery(csv)];
  const SQL_FIELDS = ['profile key', 'event date', 'status', 'failure reason', 'channel', 'target dimension', 'address',
    'transactional', 'proof', 'seed', 'control group', 'instance'];
  const maps = Object.entries(columns)
    .filter(([field]) => SQL_FIELDS.includes(field))
    .flatMap(([field, column]) => ['--map', `${field}=${column}`]);
  const script = execFileSync(CLI, ['sql', '--dialect', 'duckdb', '--table', 'delivery_logs', '--as-of', AS_OF,
    '--aggregate', 'aggregate.csv', ...maps], { encoding: 'utf8' });
  const statements = script
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
  const exportAt = statements.findIndex((s) => s.startsWith('COPY'));
  if (exportAt !== statements.length - 1) throw new Error('the SQL script no longer ends in its COPY export: update bench/browser/run.mjs');
  if (mode !== 'full') statements.pop();
  const source = `CREATE OR REPLACE TEMPORARY VIEW delivery_logs AS SELECT * FROM ${csv}`;
  const headline = 'SELECT dim AS name, CAST(SUM(n) AS INTEGER) AS active FROM ' +
    '(SELECT inst, dim, COUNT(*) AS n FROM ap_active GROUP BY inst, dim) GROUP BY dim ORDER BY active DESC, name';
  return [source, ...statements, headline];
}

/**
 * The `simple` mode: bench/duckdb_count.py's query (the native DuckDB of `make bench`), one
 * count(DISTINCT) per dimension over the window, for the benchmark export's label headers.
 * Keep the two in step.
 */
function simpleQuery(csv) {
  const TRUE = "('1','true','yes','y','x')";
  return `
WITH raw AS (SELECT * FROM ${csv}),
rows AS (
  SELECT
    TRY_CAST(substr("Event date", 1, 10) AS DATE) AS day,
    nullif("Recipient ID", '') AS key,
    nullif("Address", '') AS address,
    lower(coalesce("Status", '')) AS status,
    lower(coalesce("Failure reason", '')) AS reason,
    lower(coalesce("Channel", '')) AS channel,
    nullif("Target dimension", '') AS dimension,
    lower(coalesce("Transactional", '')) IN ${TRUE} AS transactional,
    lower(coalesce("Proof", '')) IN ${TRUE} OR lower(coalesce("Seed", '')) IN ${TRUE} AS proof,
    lower(coalesce("Control group", '')) IN ${TRUE} AS control
  FROM raw
), counted AS (
  SELECT
    day,
    CASE WHEN transactional OR key IS NULL THEN 'Anonymous' ELSE coalesce(dimension, 'Recipients') END AS dim,
    CASE WHEN transactional OR key IS NULL THEN address ELSE key END AS k
  FROM rows
  WHERE day IS NOT NULL
    AND (key IS NOT NULL OR address IS NOT NULL)
    AND NOT proof
    AND channel NOT IN ('twitter', 'x', 'facebook')
    AND NOT control AND reason NOT IN ('127', 'control address')
    AND status NOT IN ('ignored', 'delivery cancelled', 'cancelled', 'canceled', 'not applicable', '0', '7')
    AND reason NOT IN ('7','8','9','10','11','12','14','15','16','17',
      'address not specified', 'denylisted address', 'blacklisted address', 'address in quarantine',
      'quarantined address', 'double', 'duplicate', 'excluded by a sql rule', 'excluded after arbitration',
      'bad-quality address', 'unqualified address', 'not eligible for the offers', 'target limited in size')
)
SELECT dim AS name, CAST(count(DISTINCT k) AS INTEGER) AS active
FROM counted
WHERE day > DATE '${AS_OF}' - INTERVAL 12 MONTH AND day <= DATE '${AS_OF}'
GROUP BY dim ORDER BY active DESC, name`;
}

// ---- the pages ---------------------------------------------------------------------------

/** Opens the viewer and waits for its demo report. */
async function openViewer(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 60_000 });
}

/**
 * Demo paint: milliseconds from navigation start (performance.timeOrigin) to the
 * paint of the frame that shows the demo report's ready marker, in a fresh browser
 * each time (nothing cached, wasm compiled anew).
 */
async function demoPaint(url) {
  return inFreshBrowser(url, async (page) => {
    // Installed before the page's own scripts: watches for the marker from the first node on.
    await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (window.demoRendered === undefined && document.querySelector('[data-testid=report-ready]')) {
          window.demoRendered = performance.now();
          watch.disconnect();
          // The frame's callbacks run before it is painted; a task queued from them runs after.
          requestAnimationFrame(() => setTimeout(() => (window.demoPainted = performance.now())));
        }
      });
      watch.observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.demoPainted !== undefined, null, { timeout: 60_000 });
    return page.evaluate(() => ({ rendered: window.demoRendered, painted: window.demoPainted }));
  });
}

/**
 * One viewer run: the demo report on screen, the as-of date set like the command line's,
 * then `file` picked in the log-files input. The time is the page's own, from the input's
 * change event to the paint of the frame with the new report's ready marker. Memory is sampled
 * from the pick to the end.
 */
async function viewerRun(url, file) {
  return inFreshBrowser(url, async (page) => {
    await openViewer(page, url);
    await setAsOf(page, AS_OF);
    const picked = await timePick(page, file, { ready: 'report-ready', progress: 'progress-text', pickAfterMs: PICK_AFTER_MS });
    if (picked.error) return picked;
    const total = Number(await page.locator('[data-testid=total-active]').getAttribute('data-value'));
    const dimensions = await page.locator('[data-testid=dimension-row]').evaluateAll((rows) =>
      rows.map((r) => ({ name: r.dataset.name, active: Number(r.querySelector('[data-value]').dataset.value) })),
    );
    const problems = await page.locator('[data-testid=problem]').allTextContents();
    return { ...picked, total, dimensions, problems };
  });
}

// ---- the benchmark -------------------------------------------------------------------------

say(`== bench-browser: viewer (dist/) against DuckDB-Wasm in headless ${env.CHROMIUM || '/usr/bin/chromium'}`);
say(`   load average at start: ${load()} (${availableParallelism()} cores)`);
for (const needed of [CLI, path.join(DIST, 'index.html')]) {
  if (!existsSync(needed)) throw new Error(`${needed} is missing: run make dist cli (or make bench-browser)`);
}

// 1. Wasm sizes.
say('\n== wasm size (gzip -9)');
const wasmFiles = readdirSync(DIST).filter((f) => f.endsWith('.wasm')).sort();
for (const f of wasmFiles) {
  const raw = readFileSync(path.join(DIST, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  const role = f.startsWith('worker') ? 'counting worker' : 'app';
  const target = role === 'app' ? `   (target: at most 1 MB = 1000000 bytes: ${gz <= 1_000_000 ? 'met' : 'NOT MET'})` : '';
  say(`   ${f.padEnd(44)} ${role.padEnd(16)} ${String(raw.length).padStart(9)} bytes, gzipped ${String(gz).padStart(9)} bytes${target}`);
}

const viewer = await serve(DIST);
const root = await serve(ROOT); // DuckDB's page and node_modules
try {
  // 2. Demo paint.
  say(`\n== demo report painted after navigation (${PAINT_RUNS} fresh page loads)`);
  const paints = [];
  for (let i = 0; i < PAINT_RUNS; i++) paints.push(await demoPaint(viewer.url));
  const painted = paints.map((p) => p.painted).sort((a, b) => a - b);
  const median = painted[Math.floor(painted.length / 2)];
  say(`   ms: ${paints.map((p) => `${fmt(p.painted, 0)} (marker at ${fmt(p.rendered, 0)})`).join(', ')}`);
  say(`   best ${fmt(painted[0], 0)} ms, median ${fmt(median, 0)} ms   (target: within 1000 ms: ${median <= 1000 ? 'met' : 'NOT MET'} by the median)`);

  // 3. The exports, each in the viewer and in DuckDB-Wasm.
  const results = [];
  mkdirSync(path.resolve(ROOT, DIR), { recursive: true });
  const runs = ROWS.map((rows) => ({ rows, file: `${DIR}/export-${rows}.csv`, args: ['--preset', 'benchmark', '--rows', String(rows)], duckdb: DUCKDB }));
  if (HUGE) {
    runs.push({
      rows: HUGE_ROWS,
      file: `${DIR}/export-huge-${HUGE_ROWS}-${HUGE_PROFILES}.csv`,
      args: ['--preset', 'benchmark', '--rows', String(HUGE_ROWS), '--profiles', String(HUGE_PROFILES)],
      duckdb: false,
      huge: true,
    });
  }
  for (const run of runs) {
    say(`\n== ${run.rows} rows${run.huge ? ` (BENCH_HUGE, profile pool ${HUGE_PROFILES})` : ''}`);
    const file = ensureExport(run.file, run.args);
    const bytes = statSync(file).size;
    const mb = bytes / 1e6;
    say(`   ${file}: ${fmt(mb, 1)} MB`);
    execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the page cache once, for both sides
    const cli = cliReport(file);
    say(`   command line (native, for reference): ${fmt(cli.seconds)} s, total ${cli.report.total_active} on ${cli.report.as_of}`);

    const variants = [];
    for (const workers of WORKERS) {
      const name = workers === 'auto' ? 'viewer' : `viewer, ${workers} worker${workers === '1' ? '' : 's'}`;
      const url = workers === 'auto' ? viewer.url : `${viewer.url}?workers=${workers}`;
      say(`   ${name}: pick to rendered report (load ${load()})`);
      const ours = await fastest(() => viewerRun(url, file));
      if (ours.error) {
        mismatches += 1;
        say(`   !!!!!!!! ${name} FAILED: ${ours.error} !!!!!!!!`);
      } else {
        say(`   ${name}: ${fmt(ours.seconds)} s, ${fmt(mb / ours.seconds, 0)} MB/s (after the pick: progress bar at ` +
          `${fmt(ours.marks.progress)} s, every byte read at ${fmt(ours.marks.allRead)} s, report rendered at ${fmt(ours.marks.rendered)} s, painted at ${fmt(ours.seconds)} s)`);
        if (ours.problems.length > 0) say(`   ${name} problems: ${ours.problems.join(' | ')}`);
        compare(name, ours, cli.report);
      }
      printMemory(name, ours.mem, run.huge ? 24 : 12);
      variants.push({ name, ...ours });
    }
    const ours = variants[0];

    const ducks = [];
    for (const mode of run.duckdb ? DUCKDB_SQL : []) {
      say(`   DuckDB-Wasm: pick to result, SQL ${mode} (load ${load()})`);
      const duck = await fastest(() => duckdbRun(root.url, file, duckdbStatements(path.basename(file), cli.report, mode)));
      say(`   DuckDB-Wasm ${duck.version} (${duck.bundle} bundle, started in ${fmt(duck.startMs, 0)} ms before the pick)`);
      if (duck.error) {
        say(`   DuckDB-Wasm FAILED after ${fmt(duck.seconds)} s: ${duck.error}`);
      } else {
        say(`   DuckDB-Wasm (${mode}): ${fmt(duck.seconds)} s, ${fmt(mb / duck.seconds, 0)} MB/s`);
        compare(`DuckDB-Wasm (${mode})`, { dimensions: duck.rows }, cli.report);
      }
      printMemory(`DuckDB-Wasm (${mode})`, duck.mem);
      ducks.push({ mode, ...duck });
    }
    results.push({ run, mb, ours, variants, ducks });
  }

  // 4. Summary: one line per side and file. Peak is the tab's (renderer RSS); +growth is the peak
  // less the tab before the pick. Tab CPU s is the CPU time the tab's processes got: on a busy
  // machine the wall-clock seconds include waiting for a core, the CPU seconds much less so.
  say(`\n== summary (as of ${AS_OF}; load average now ${load()})`);
  const cols = [['rows', 10], ['MB', 6], ['', 2], ['side', -26], ['wall s', 9], ['tab CPU s', 11], ['MB/s', 7], ['peak MiB', 10],
    ['+growth', 9], ['ratio wall', 12], ['ratio CPU', 11]];
  const line = table(cols);
  for (const { run, mb, ours, variants, ducks } of results) {
    const side = (name, r, first, ratios) => line([
      first ? run.rows : '', first ? fmt(mb, 0) : '', '', name,
      r.error ? 'failed' : fmt(r.seconds), fmt(r.mem.cpu), r.error ? '-' : fmt(mb / r.seconds, 0),
      fmt(mib(r.mem.peak.renderer), 0), `+${fmt(mib(r.mem.peak.renderer - r.mem.baseline.renderer), 0)}`,
      ratios && !r.error && !ours.error ? `${fmt(r.seconds / ours.seconds, 1)}x` : '',
      ratios && !r.error && !ours.error ? `${fmt(r.mem.cpu / ours.mem.cpu, 1)}x` : '',
    ]);
    variants.forEach((v, i) => say(side(v.name, v, i === 0, false)));
    for (const duck of ducks) say(side(`DuckDB-Wasm ${duck.mode}`, duck, false, true));
  }
  say('   targets: DuckDB-Wasm / viewer >= 3x; >= 150 MB/s on the 10M file; app wasm <= 1 MB gzipped; demo painted <= 1 s;');
  say('   peak memory (tab = renderer RSS, page and counting worker) not growing with the file size');
} finally {
  await viewer.close();
  await root.close();
}
if (mismatches > 0) {
  say(`\n!!!!!!!! ${mismatches} count(s) differ from the command line's: see MISMATCH above !!!!!!!!`);
  process.exit(1);
}
