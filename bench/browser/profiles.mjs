// `make bench-profiles-browser`: the viewer's Profiles report (Journey Optimizer) against DuckDB-Wasm
// in the same headless Chromium, on the files of `make bench-profiles` (issue 15, item 6).
//
// The files are bench/profiles.sh's: 1 million generated AEP records as one file of JSON lines and
// the same records as one Parquet file, named with the command line's report of each in
// $BENCH_DIR/profiles-$BENCH_RECORDS/manifest.json (bench/profiles.sh is run first when it is missing).
//
// For each file, printed:
//   - the viewer: file pick (the first screen's file input, as an admin picks it) to the painted
//     Profiles report, MB/s, records/s, the tab's peak memory and CPU seconds. A single file is read
//     by one counting worker (the pool cuts profile runs by whole files), so this is one thread,
//     as the native figure is (target: at least half of the native 150 MB/s on JSON lines);
//   - DuckDB-Wasm: the same pick to the result of bench/duckdb_profiles.py's query, distinct
//     identities per namespace through read_json / read_parquet. It CANNOT STITCH (connected
//     components need recursion over the whole graph): its figures are identities, not profiles.
// The viewer's profiles (total and by namespace) are checked against the command line's report of
// the same file, DuckDB-Wasm's identities against native DuckDB's; a difference is printed loudly and
// the exit code is 1. Durations are printed, never asserted.
//
// Environment (all optional): BENCH_RECORDS (default 1000000), BENCH_DIR (default target/bench),
// BENCH_REPEAT and BENCH_TIMEOUT (common.mjs), BENCH_PICK_AFTER_MS (default 3000: the viewer's
// workers start and warm up after the page opens, as they do while a user finds the file),
// BENCH_DUCKDB (0 skips DuckDB-Wasm), CARGO_TARGET_DIR (default target).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ROOT, serve } from '../../e2e/harness.mjs';
import { mib } from './memory.mjs';
import { say, load, fmt, inFreshBrowser, duckdbRun, fastest, printMemory, timePick, table, compare, mismatches, offlineReason } from './common.mjs';

const env = process.env;
const RECORDS = Number(env.BENCH_RECORDS || 1_000_000);
const DIR = path.resolve(ROOT, env.BENCH_DIR || 'target/bench');
const OUT = path.join(DIR, `profiles-${RECORDS}`);
const MANIFEST = path.join(OUT, 'manifest.json');
const PICK_AFTER_MS = Number(env.BENCH_PICK_AFTER_MS ?? 3000);
const DUCKDB = env.BENCH_DUCKDB !== '0';
const DIST = path.join(ROOT, 'dist');

// ---- the files -----------------------------------------------------------------------------

if (!existsSync(MANIFEST)) {
  say(`== ${MANIFEST} is missing: running bench/profiles.sh once (it writes the files and the native figures)`);
  const made = spawnSync('bash', ['bench/profiles.sh'], { cwd: ROOT, stdio: 'inherit', env: { ...env, BENCH_REPEAT: env.BENCH_REPEAT || '1' } });
  if (made.status !== 0) throw new Error(`bench/profiles.sh failed (exit ${made.status})`);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
for (const needed of [path.join(DIST, 'index.html'), ...manifest.files.map((f) => f.path)]) {
  if (!existsSync(path.resolve(ROOT, needed))) throw new Error(`${needed} is missing: run make dist (or make bench-profiles-browser)`);
}

/** Native DuckDB's answer for `kind` (bench/profiles.sh's output, one thread): its identities and the type of identityMap. */
function nativeDuckdb(kind) {
  const file = path.join(OUT, `duck-${kind}-1.out`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// ---- the two sides -------------------------------------------------------------------------

/**
 * One viewer run: the first screen (Campaign's demo) on screen, then `file` picked in its file
 * input; the page sends it to the Profiles report by its content. The time is the page's own, from
 * the input's change event to the paint of the frame with the new Profiles report's ready marker.
 */
async function viewerRun(url, file) {
  return inFreshBrowser(url, async (page) => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 60_000 });
    const picked = await timePick(page, file, { ready: 'profiles-ready', progress: 'profiles-progress-text', pickAfterMs: PICK_AFTER_MS });
    if (picked.error) return picked;
    const value = async (testid) => Number(await page.locator(`[data-testid=${testid}]`).first().getAttribute('data-value'));
    const more = page.locator('[data-testid=by-namespace] ~ [data-testid=show-all], [data-testid=by-namespace] [data-testid=show-all]');
    if ((await more.count()) > 0) await more.first().click();
    const byNamespace = await page.locator('[data-testid=by-namespace-row]').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.dataset.name, Number(r.querySelector('[data-value]').dataset.value)])),
    );
    return { ...picked, profiles: await value('profiles-total'), byNamespace };
  });
}

/** bench/duckdb_profiles.py's query for a file registered as `name`: distinct ids per namespace. */
function duckdbStatements(name, kind, mapType) {
  const quote = (s) => `'${s.replaceAll("'", "''")}'`;
  const source = kind === 'json'
    ? `read_json(${quote(name)}, format = 'newline_delimited', records = true, ignore_errors = true, ` +
      "columns = {'identityMap': 'MAP(VARCHAR, STRUCT(id VARCHAR)[])'})"
    : `read_parquet(${quote(name)})`;
  if (!String(mapType ?? 'MAP').toUpperCase().startsWith('MAP')) {
    throw new Error(`identityMap is ${mapType} in ${name}, not a MAP: update bench/browser/profiles.mjs with bench/duckdb_profiles.py`);
  }
  return [
    `WITH entries AS (SELECT unnest(map_entries(identityMap)) AS entry FROM ${source}),
     i AS (SELECT entry.key AS ns, unnest(entry.value).id AS id FROM entries)
     SELECT ns, CAST(count(DISTINCT id) AS INTEGER) AS n FROM i WHERE id IS NOT NULL GROUP BY ns ORDER BY ns`,
  ];
}

// ---- the benchmark -------------------------------------------------------------------------

say(`== bench-profiles-browser: the viewer's Profiles report against DuckDB-Wasm in headless ${env.CHROMIUM || '/usr/bin/chromium'}`);
say(`   load average at start: ${load()} (${availableParallelism()} cores); files of ${MANIFEST}`);
const viewer = await serve(DIST);
const root = await serve(ROOT); // DuckDB's page and node_modules
const results = [];
try {
  for (const entry of manifest.files) {
    const file = path.resolve(ROOT, entry.path);
    const mb = entry.bytes / 1e6;
    const expected = JSON.parse(readFileSync(path.resolve(ROOT, entry.report), 'utf8'));
    const latest = expected.snapshots.at(-1);
    const records = expected.rows.read;
    say(`\n== ${entry.format}: ${path.relative(ROOT, file)}, ${fmt(mb, 1)} MB, ${records} records`);
    spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] }); // the page cache warm once, for both sides

    say(`   viewer: pick to painted Profiles report (load ${load()})`);
    const ours = await fastest(() => viewerRun(viewer.url, file));
    if (ours.error) {
      mismatches.count += 1;
      say(`   !!!!!!!! viewer FAILED: ${ours.error} !!!!!!!!`);
    } else {
      say(`   viewer: ${fmt(ours.seconds)} s, ${fmt(mb / ours.seconds, 0)} MB/s, ${fmt(records / ours.seconds, 0)} records/s ` +
        `(after the pick: progress at ${fmt(ours.marks.progress)} s, every byte read at ${fmt(ours.marks.allRead)} s, ` +
        `report at ${fmt(ours.marks.rendered)} s, painted at ${fmt(ours.seconds)} s)`);
      const want = { profiles: latest.profiles, ...Object.fromEntries(latest.by_namespace.map((n) => [n.namespace, n.profiles])) };
      compare('viewer profiles (total and by namespace)', { profiles: ours.profiles, ...ours.byNamespace }, want, 'the command line\'s report');
    }
    printMemory('viewer', ours.mem);

    let duck = null;
    if (DUCKDB) {
      const native = nativeDuckdb(entry.format);
      say(`   DuckDB-Wasm: pick to result, distinct identities per namespace (load ${load()})`);
      try {
        duck = await fastest(() => duckdbRun(root.url, file, duckdbStatements(path.basename(file), entry.format, native?.identity_map_type)));
      } catch (e) {
        // DuckDB-Wasm's JSON and Parquet readers are extensions it fetches at first use (common.mjs).
        const reason = offlineReason(e, entry.format);
        if (!reason) throw e;
        duck = { offline: false, error: reason };
        say(`   DuckDB-Wasm cannot run offline: it ${duck.error}; native DuckDB's figure (make bench-profiles) is the reference`);
        results.push({ entry, mb, records, ours, duck });
        continue;
      }
      say(`   DuckDB-Wasm ${duck.version} (${duck.bundle} bundle, started in ${fmt(duck.startMs ?? NaN, 0)} ms before the pick)`);
      if (duck.error) {
        say(`   DuckDB-Wasm FAILED after ${fmt(duck.seconds)} s: ${duck.error}`);
      } else {
        say(`   DuckDB-Wasm: ${fmt(duck.seconds)} s, ${fmt(mb / duck.seconds, 0)} MB/s, ${fmt(records / duck.seconds, 0)} records/s`);
        const got = Object.fromEntries(duck.rows.map((r) => [r.ns, r.n]));
        if (native) compare('DuckDB-Wasm identities', got, native.identities, 'native DuckDB\'s');
      }
      printMemory('DuckDB-Wasm', duck.mem);
    }
    results.push({ entry, mb, records, ours, duck });
  }

  say(`\n== summary (load average now ${load()})`);
  const cols = [['file', -10], ['MB', 6], ['', 2], ['side', -36], ['wall s', 9], ['tab CPU s', 11], ['MB/s', 7], ['records/s', 11],
    ['peak MiB', 10], ['+growth', 9], ['DuckDB/ours', 13]];
  const line = table(cols);
  for (const { entry, mb, records, ours, duck } of results) {
    const side = (name, r, first, ratio) => line([
      first ? entry.format : '', first ? fmt(mb, 0) : '', '', name,
      r.error ? 'failed' : fmt(r.seconds), fmt(r.mem.cpu), r.error ? '-' : fmt(mb / r.seconds, 0),
      r.error ? '-' : fmt(records / r.seconds, 0),
      fmt(mib(r.mem.peak.renderer), 0), `+${fmt(mib(r.mem.peak.renderer - r.mem.baseline.renderer), 0)}`,
      ratio && !r.error && !ours.error ? `${fmt(r.seconds / ours.seconds, 2)}x` : '',
    ]);
    say(side('viewer, 1 worker (the whole report)', ours, true, false));
    if (duck?.offline === false) say(line(['', '', '', 'DuckDB-Wasm (identities)', 'not offline']));
    else if (duck) say(side('DuckDB-Wasm (identities, cannot stitch)', duck, false, true));
  }
  say('   target: the viewer at least half of the native 150 MB/s on JSON lines (75 MB/s); native figures: make bench-profiles');
  if (results.some((r) => r.duck?.offline === false)) {
    say('   DuckDB-Wasm (npm @duckdb/duckdb-wasm) loads read_json and read_parquet as extensions from extensions.duckdb.org');
    say('   at first use; a page that makes no request off the machine cannot run them (its CSV reader is built in)');
  }
} finally {
  await viewer.close();
  await root.close();
}
if (mismatches.count > 0) {
  say(`\n!!!!!!!! ${mismatches.count} figure(s) differ: see MISMATCH above !!!!!!!!`);
  process.exit(1);
}
