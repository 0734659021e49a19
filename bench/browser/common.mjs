// What the two browser benchmarks share: `make bench-browser` (run.mjs, Campaign delivery logs)
// and `make bench-profiles-browser` (profiles.mjs, Journey Optimizer profile records).
//
// A fresh Chromium per run (so its processes are that page's alone), the DuckDB-Wasm page's run,
// the fastest of a few runs, and the memory lines. Durations are printed, never asserted.
//
// Environment: BENCH_REPEAT (runs of each side, the fastest counts; default 1), BENCH_TIMEOUT
// (seconds one run may take before it counts as failed; default 3600).

import path from 'node:path';
import { loadavg } from 'node:os';
import { launch, openPage } from '../../e2e/harness.mjs';
import { startSampling, spread, mib } from './memory.mjs';

export const REPEAT = Number(process.env.BENCH_REPEAT || 1);
export const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT || 3600) * 1000;

export const say = (line = '') => console.log(line);
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

/** One DuckDB-Wasm run: the bench page ready, then `file` picked; the page times pick to result. */
export async function duckdbRun(url, file, statements) {
  return inFreshBrowser(url, async (page) => {
    await page.goto(`${url}bench/browser/duckdb.html`);
    await page.waitForFunction(() => window.duckdbReady !== undefined, null, { timeout: 120_000 });
    const ready = await page.evaluate(() => window.duckdbReady);
    if (ready.error) throw new Error(`DuckDB-Wasm did not start: ${ready.error}`);
    await page.evaluate(([name, sql]) => window.armDuckdb(name, sql), [path.basename(file), statements]);
    const memory = startSampling();
    try {
      await page.setInputFiles('[data-testid=csv-file]', file);
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
