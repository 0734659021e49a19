// What the browser benchmarks share: `make bench-browser` (run.mjs, Campaign delivery logs),
// `make bench-profiles-browser` (profiles.mjs, Journey Optimizer profile records) and
// `make bench-engageable-browser` (engageable.mjs, Journey Optimizer step events).
//
// A fresh Chromium per run (so its processes are that page's alone), the DuckDB-Wasm page's run
// (and why it cannot run offline), the fastest of a few runs, the memory lines, and figures compared
// with the command line's. Durations are printed, never asserted.
//
// Environment: BENCH_REPEAT (runs of each side, the fastest counts; default 1), BENCH_TIMEOUT
// (seconds one run may take before it counts as failed; default 3600).

import { statSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { launch, openPage } from '../../e2e/harness.mjs';
import { startSampling, spread, mib } from './memory.mjs';

export const REPEAT = Number(process.env.BENCH_REPEAT || 1);
export const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT || 3600) * 1000;

export const say = (line = '') => console.log(line);

/** Sets the viewer's as-of date and waits until the report for it is ready (the demo's is counted by the worker). */
export async function setAsOf(page, asOf) {
  await page.fill('[data-testid=as-of]', asOf);
  await page.locator('[data-testid=as-of]').dispatchEvent('change');
  await page.waitForFunction(
    (date) => document.querySelector('[data-testid=as-of]')?.value === date && document.querySelector('[data-testid=report-ready]'),
    asOf,
    { timeout: 60_000 },
  );
}
export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
export const fmt = (n, digits = 2) => n.toFixed(digits);

/** Runs `fn(page)` in a Chromium of its own (so its processes are this page's alone); closes it after. */
export async function inFreshBrowser(origin, fn) {
  const browser = await launch();
  try {
    // Requests are allowed to the page's own origin, whatever query its address has.
    const opened = await openPage(browser, `${new URL(origin).origin}/`);
    const result = await fn(opened.page);
    if (opened.offsite.length > 0) throw new Error(`requests that left the local server: ${opened.offsite.join(', ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * One DuckDB-Wasm run: the bench page ready, then `file` picked (a path, or several: each is
 * registered under its own name); the page times pick to result.
 */
export async function duckdbRun(url, file, statements) {
  const files = [file].flat();
  return inFreshBrowser(url, async (page) => {
    await page.goto(`${url}bench/browser/duckdb.html`);
    await page.waitForFunction(() => window.duckdbReady !== undefined, null, { timeout: 120_000 });
    const ready = await page.evaluate(() => window.duckdbReady);
    if (ready.error) throw new Error(`DuckDB-Wasm did not start: ${ready.error}`);
    await page.evaluate(([names, sql]) => window.armDuckdb(names, sql), [files.map((f) => path.basename(f)), statements]);
    const memory = startSampling();
    try {
      await page.setInputFiles('[data-testid=csv-file]', files);
      // The page answers with an error too when DuckDB fails or its worker dies; a crashed tab throws here.
      await page.waitForFunction(() => window.duckdbResult !== undefined, null, { timeout: TIMEOUT_MS, polling: 500 });
    } catch (e) {
      return { ...ready, error: String(e.message ?? e).split('\n')[0], seconds: NaN, mem: memory.stop() };
    }
    const mem = memory.stop();
    const result = await page.evaluate(() => window.duckdbResult);
    return { ...ready, ...result, seconds: result.ms / 1000, mem };
  });
}

/**
 * Why a DuckDB-Wasm run threw, when it is that it cannot run offline: DuckDB-Wasm's JSON and Parquet
 * readers are extensions it fetches at first use, and the harness blocks every request that leaves
 * this machine (inFreshBrowser throws, naming them). Returns the sentence, or null for any other error.
 */
export function offlineReason(error, format) {
  const offsite = /requests that left the local server: (.*)/.exec(String(error?.message ?? error));
  return offsite ? `reads ${format} only with an extension fetched from the network (${offsite[1]}), blocked here` : null;
}

/** Figures found different by `compare`, for the exit code. */
export const mismatches = { count: 0 };

/** Prints `got` beside `want` (name -> number); a difference is printed loudly and counted in `mismatches`. */
export function compare(what, got, want, against) {
  const names = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
  if (names.every((n) => want[n] === got[n])) {
    say(`   ${what}: equal to ${against} (${names.map((n) => `${n} ${want[n]}`).join(', ')})`);
    return;
  }
  mismatches.count += 1;
  say(`   !!!!!!!! MISMATCH: ${what} differs from ${against} !!!!!!!!`);
  for (const n of names) say(`   ${n.padEnd(16)}${String(want[n] ?? '-').padStart(14)}${String(got[n] ?? '-').padStart(14)}`);
}

/**
 * A summary table: prints its header and returns the function that writes a row. `cols` are
 * [name, width]; a negative width pads on the right (text), a positive one on the left (numbers).
 */
export function table(cols) {
  const line = (values) =>
    values.map((v, i) => (cols[i][1] < 0 ? String(v).padEnd(-cols[i][1]) : String(v).padStart(cols[i][1]))).join('').trimEnd();
  say(line(cols.map(([name]) => name)));
  return line;
}

/** Fastest of REPEAT runs. */
export async function fastest(run) {
  let best;
  for (let i = 0; i < REPEAT; i++) {
    const r = await run();
    if (REPEAT > 1) say(`     run ${i + 1}: ${r.error ? r.error : `${fmt(r.seconds)} s`}`);
    if (!best || (!r.error && (best.error || r.seconds < best.seconds))) best = r;
  }
  return best;
}

/** Prints a run's memory: before the pick, the peak, and samples over time. */
export function printMemory(what, mem, count = 12) {
  const growth = (m) => `+${fmt(mib(m.peak.renderer - m.baseline.renderer), 0)}`;
  say(`   ${what} memory (MiB): tab (renderer RSS) ${fmt(mib(mem.baseline.renderer), 0)} before the pick, ` +
    `peak ${fmt(mib(mem.peak.renderer), 0)} (${growth(mem)}); whole Chromium (Pss) ${fmt(mib(mem.baseline.all), 0)} before, ` +
    `peak ${fmt(mib(mem.peak.all), 0)}; CPU used by the tab ${fmt(mem.cpu)} s`);
  const points = spread(mem.samples, count).map((s) => `${fmt(s.ms / 1000, 1)}s:${fmt(mib(s.renderer), 0)}`);
  say('     tab over time (s:MiB):');
  for (let i = 0; i < points.length; i += 12) say(`       ${points.slice(i, i + 12).join('  ')}`);
}

/**
 * Picks `file` in the viewer's file input and times it, the page's own way: from the input's change
 * event to the paint of the frame in which the marker `ready` (a test id) shows a new `data-run`.
 * On the way, when the progress text `progress` (a test id, its `data-value` the bytes read) first
 * shows and when it shows every byte. The pick comes `pickAfterMs` after the call (the workers warm
 * up meanwhile); memory is sampled from the pick to the end. `input` is the file input (default the
 * first screen's log-files); `file` may be several files, or a folder for a folder input, and then
 * `bytes` says how many bytes it holds (default: the file's size). Returns { seconds, marks, mem } or
 * { error, seconds: NaN, mem }.
 */
export async function timePick(page, file, { ready, progress, pickAfterMs, input = 'input[type=file][data-testid=log-files]', bytes }) {
  const size = bytes ?? [file].flat().reduce((sum, f) => sum + statSync(f).size, 0);
  await page.evaluate(([size, ready, progress]) => {
    const before = document.querySelector(`[data-testid=${ready}]`)?.dataset.run ?? '';
    const bench = (window.benchPick = {});
    // Capture on window: runs before the app's own handler sees the change.
    window.addEventListener('change', () => (bench.picked ??= performance.now()), { capture: true, once: true });
    const watch = new MutationObserver(() => {
      const shown = document.querySelector(`[data-testid=${progress}]`);
      if (shown && bench.picked !== undefined) {
        bench.progressShown ??= performance.now();
        if (Number(shown.dataset.value) >= size) bench.allRead ??= performance.now();
      }
      const marker = document.querySelector(`[data-testid=${ready}]`);
      if (bench.picked !== undefined && bench.rendered === undefined && marker && marker.dataset.run !== before) {
        bench.rendered = performance.now();
        watch.disconnect();
        // The frame's callbacks run before it is painted; a task queued from them runs after.
        requestAnimationFrame(() => setTimeout(() => (bench.painted = performance.now())));
      }
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run', 'data-value'] });
  }, [size, ready, progress]);
  await page.waitForTimeout(pickAfterMs);
  const memory = startSampling();
  try {
    await page.setInputFiles(input, file);
    await page.waitForFunction(() => window.benchPick.painted !== undefined, null, { timeout: TIMEOUT_MS, polling: 250 });
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0], seconds: NaN, mem: memory.stop() };
  }
  const mem = memory.stop();
  const times = await page.evaluate(() => window.benchPick);
  const at = (mark) => (mark === undefined ? NaN : (mark - times.picked) / 1000);
  return {
    seconds: (times.painted - times.picked) / 1000,
    marks: { progress: at(times.progressShown), allRead: at(times.allRead), rendered: at(times.rendered) },
    mem,
  };
}
