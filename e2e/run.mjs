// The end-to-end suite: the built viewer (dist/) in real Chromium, checked
// against the command line's JSON for the same data. Exits non-zero on failure.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SCREENSHOTS, serve, launch, openPage, screenshot, screenshotOf, screenshotWidths, assertEqual, assert, runAll } from './harness.mjs';

const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const CLI = path.join(TARGET, 'release', 'active-profiles');
const WORK = path.join(ROOT, 'target', 'e2e');

/** The command line's report (JSON) for the given files. */
function cliReport(files, args = []) {
  const out = execFileSync(CLI, ['report', '--format', 'json', ...args, ...files], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Runs the seeded generator of the command line; returns the path written. */
function generate(name, args) {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, name);
  execFileSync(CLI, ['generate', '--output', file, ...args]);
  return file;
}

/** The viewer's embedded demo export, written by the same generator. */
function demoExport() {
  return generate('demo-export.csv', ['--preset', 'demo']);
}

/**
 * Opens the viewer (in a browser speaking `options.locale`, if given; with `options.query` after its
 * address; `options.beforeGoto(page)` called first) and waits until its report is on screen.
 */
async function openViewer(ctx, options = {}) {
  const opened = await openPage(ctx.browser, ctx.server.url, options);
  options.beforeGoto?.(opened.page);
  await opened.page.goto(ctx.server.url + (options.query ?? ''));
  await opened.page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 30_000 });
  return opened;
}

/** Does `act`, then waits for the report of a later run than the one on screen. */
async function nextReport(page, act) {
  const before = await page.locator('[data-testid=report-ready]').getAttribute('data-run');
  await act();
  await page.waitForSelector(`[data-testid=report-ready]:not([data-run="${before}"])`, { state: 'attached', timeout: 60_000 });
}

async function totalOnPage(page) {
  return Number(await page.locator('[data-testid=total-active]').getAttribute('data-value'));
}

/** The target-dimension rows on the page, as report.json writes them. */
async function dimensionsOnPage(page) {
  return page.locator('[data-testid=dimension-row]').evaluateAll((rows) =>
    rows.map((r) => ({ name: r.dataset.name, active: Number(r.querySelector('[data-value]').dataset.value) })),
  );
}

/** The Customer-metrics rows on the page, oldest first as report.json lists them (all of them: Show all first). */
async function snapshotsOnPage(page) {
  const more = page.locator('#report-metrics [data-testid=show-all]');
  if ((await more.count()) > 0) await more.click();
  const rows = await page.locator('[data-testid=snapshot-row]').evaluateAll((rows) =>
    rows.map((r) => ({ from: r.dataset.from, to: r.dataset.to, active: Number(r.querySelector('[data-value]').dataset.value) })),
  );
  return rows.reverse();
}

/** Total, dimensions and snapshots on the page equal the command line's report. */
async function assertSameReport(page, expected) {
  assertEqual(await totalOnPage(page), expected.total_active, 'total active profiles');
  assertEqual(await dimensionsOnPage(page), expected.dimensions, 'target dimensions');
  assertEqual(await snapshotsOnPage(page), expected.snapshots, 'Customer-metrics snapshots');
}

/** Cancels the run in progress; the previous report (total `before`) stays, and a small file then counts. */
async function cancelThenCount(page, before, afterCancel = async () => {}) {
  await page.click('[data-testid=cancel]');
  await page.waitForSelector('[data-testid=progress]', { state: 'detached' });
  assert((await page.locator('[data-testid=notice]').textContent()).startsWith('Cancelled'), 'a cancelled notice');
  assertEqual(await totalOnPage(page), before, 'the previous report stays');
  await afterCancel();
  // The page still works: a small file counts after the cancelled run.
  const small = generate('after-cancel.csv', ['--seed', '12', '--rows', '500']);
  const expected = cliReport([small]);
  await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', small));
  assertEqual(await totalOnPage(page), expected.total_active, 'total of the file counted after cancelling');
}

/** The key with the most rows of a generated export (key in the first column), and its rows. */
function mostFrequentKey(file) {
  const byKey = new Map();
  const text = readFileSync(file, 'utf8');
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    const end = text.indexOf('\n', at);
    const key = text.slice(at, text.indexOf(',', at));
    if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    at = end + 1;
  }
  return [...byKey.entries()].sort((a, b) => b[1] - a[1])[0];
}

/**
 * What a read in progress shows: its progress bar, the files' line, no demo banner, no notice. With
 * `doneAfter` (the run number on screen before the read), a read that has already finished passes
 * too, as long as its own report is on screen.
 */
async function assertReading(page, when, doneAfter = null) {
  const reading = (await page.locator('[data-testid=progress]').count()) === 1;
  if (!reading && doneAfter !== null) {
    const run = await page.locator('[data-testid=report-ready]').getAttribute('data-run');
    assert(run !== null && run !== doneAfter, `the new report is on screen ${when}`);
  } else {
    assert(reading, `the progress bar ${when}`);
    assert(Number.isFinite(Number(await page.locator('[data-testid=progress-text]').getAttribute('data-value'))), `progress ${when}`);
  }
  assertEqual(await page.locator('[data-testid=demo-banner]').count(), 0, `demo banner ${when}`);
  assertEqual(await page.locator('[data-testid=notice]').count(), 0, `notice ${when}`);
  assert((await page.locator('[data-testid=sources]').textContent()).startsWith('1 '), `the files' line ${when}`);
}

/** Drops a file made in the page from `text` on the element `selector`; true when the page took the drop. */
async function dropText(page, selector, name, text) {
  return page.evaluate(([selector, name, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/csv' }));
    const target = document.querySelector(selector);
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return drop.defaultPrevented;
  }, [selector, name, text]);
}

function noRequestLeft(opened) {
  assertEqual(opened.offsite.length, 0, `requests that left the local server (${opened.offsite.join(', ')})`);
  assertEqual(opened.errors.length, 0, `page errors (${opened.errors.join(' | ')})`);
}

/** Opens a file of this machine (file://) in a page where every other request is blocked and recorded. */
async function openFile(ctx, file) {
  const url = pathToFileURL(file).href;
  const opened = await openPage(ctx.browser, url);
  await opened.page.goto(url);
  return opened;
}

/** Does `act` and saves the download it starts as WORK/name; returns the path. */
async function downloadOf(page, act, name) {
  const started = page.waitForEvent('download');
  await act();
  const download = await started;
  const file = path.join(WORK, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** Every profile key and address of a generated export (columns Recipient ID and Address). */
function keysAndAddresses(file) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  const at = ['Recipient ID', 'Address'].map((c) => cols.indexOf(c));
  assert(at.every((i) => i >= 0), `key and address columns in ${head}`);
  const found = new Set();
  for (const line of lines) {
    const cells = line.split(',');
    for (const i of at) if (cells[i]) found.add(cells[i]);
  }
  return [...found];
}

/** `needle` occurs in `hay` as a whole token, not inside a longer number, word or address. */
function occurs(hay, needle) {
  const inner = /[\p{L}\p{N}.@_-]/u;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if (!(before && inner.test(before)) && !(after && inner.test(after))) return true;
  }
  return false;
}

/** The bundle on the page shows the command line's numbers, and nothing in it ran or fetched. */
async function assertBundle(opened, expected) {
  const { page } = opened;
  await assertSameReport(page, expected);
  assertEqual(await page.locator('[data-testid=bundle-as-of] time').getAttribute('datetime'), expected.as_of, 'as-of date');
  assertEqual(
    await page.evaluate(() => [...document.scripts].map((s) => s.type)),
    ['application/json'],
    'the only script element is the report data',
  );
  assertEqual(opened.requests.filter((u) => !u.startsWith('file:')), [], 'requests from the bundle');
  assertEqual(opened.errors, [], 'page errors');
}

// ==== Journey Optimizer profiles (issue 15) ====

/** The command line's Profiles report (profiles/1 JSON) of these paths. */
function cliProfiles(paths, args = []) {
  const out = execFileSync(CLI, ['profiles', '--format', 'json', ...args, ...paths], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** A seeded AEP export written by the command line's generator into WORK/name; returns the folder. */
function generateAep(name, args = []) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(CLI, ['generate', '--aep', dir, ...args]);
  return dir;
}

/** Does `act`, then waits for a Profiles report of a later run than the one on screen. */
async function nextProfiles(page, act) {
  const before = (await page.locator('[data-testid=profiles-ready]').getAttribute('data-run')) ?? '';
  await act();
  await page.waitForSelector(`[data-testid=profiles-ready]:not([data-run="${before}"])`, { state: 'attached', timeout: 60_000 });
}

/** Every row of a table (Show all first): `data-*` attributes and the `data-value`s of its cells. */
async function rowsOf(page, testid) {
  const more = page.locator(`[data-testid=${testid}] ~ [data-testid=show-all], [data-testid=${testid}] [data-testid=show-all]`);
  if ((await more.count()) > 0) await more.first().click();
  return page.locator(`[data-testid=${testid}-row]`).evaluateAll((rows) =>
    rows.map((r) => ({ ...r.dataset, values: [...r.querySelectorAll('[data-value]')].map((c) => Number(c.dataset.value)) })),
  );
}

const valueOf = async (page, testid) => Number(await page.locator(`[data-testid=${testid}]`).first().getAttribute('data-value'));

/** Every figure the Profiles report shows equals the command line's `expected` (and `none`, its --stitching none). */
async function assertSameProfiles(page, expected, none) {
  const latest = expected.snapshots.at(-1);
  assertEqual(await valueOf(page, 'profiles-total'), latest.profiles, 'profiles tile');
  assertEqual(await valueOf(page, 'profiles-single'), latest.single_identity.profiles, 'single-identity tile');
  assertEqual(await valueOf(page, 'profiles-unsegmented'), latest.unsegmented, 'unsegmented tile');
  assertEqual(await valueOf(page, 'profiles-pseudonymous'), latest.pseudonymous_only, 'pseudonymous-only tile');
  const change = expected.change.at(-1);
  assertEqual([await valueOf(page, 'profiles-added'), await valueOf(page, 'profiles-removed')], [change.added, change.removed], 'change tile');
  if (expected.rows.rejected > 0) assertEqual(await valueOf(page, 'tiles-rejected'), expected.rows.rejected, 'rejected records');
  const named = (list) => list.map((n) => ({ name: n.namespace, values: [n.profiles] }));
  const firstValue = (rows) => rows.map((r) => ({ name: r.name, values: r.values.slice(0, 1) }));
  assertEqual(firstValue(await rowsOf(page, 'by-namespace')), named(latest.by_namespace), 'profiles by identity');
  assertEqual(firstValue(await rowsOf(page, 'single-identity')), named(latest.single_identity.by_namespace), 'single identity by namespace');
  const overlap = await page.locator('[data-testid=overlap-row]').evaluateAll((rows) =>
    rows.map((r) => ({ a: r.dataset.a, b: r.dataset.b, profiles: Number(r.querySelector('[data-value]').dataset.value) })),
  );
  assertEqual(overlap.length > 0, true, 'overlap rows shown');
  for (const row of overlap) assert(latest.overlap.some((o) => o.a === row.a && o.b === row.b && o.profiles === row.profiles), `overlap ${row.a}/${row.b}`);
  const trend = await page.locator('[data-testid=trend-row]').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.time, ...[...r.querySelectorAll('[data-value]')].map((c) => Number(c.dataset.value))]),
  );
  assertEqual(
    trend,
    expected.snapshots.map((s, i) => [s.time, s.profiles, ...(i > 0 ? [expected.change[i - 1].added, expected.change[i - 1].removed] : [])]),
    'trend',
  );
  const cases = await page.locator('[data-testid=case-duplicate-row]').evaluateAll((rows) =>
    rows.map((r) => ({ namespace: r.dataset.name, fewer: Number(r.querySelector('[data-value]').dataset.value) })),
  );
  assertEqual(cases, latest.case_duplicates.map((c) => ({ namespace: c.namespace, fewer: c.fewer })), 'case duplicates');
  const compared = await page.locator('[data-testid=compared-row]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.figure, [...r.querySelectorAll('[data-value]')].slice(0, 2).map((c) => Number(c.dataset.value))])),
  );
  const theirs = none.snapshots.at(-1);
  assertEqual(compared['aep-tile-profiles'], [latest.profiles, theirs.profiles], 'graph against none: profiles');
  assertEqual(compared['aep-tile-single'], [latest.single_identity.profiles, theirs.single_identity.profiles], 'graph against none: single identity');
  assertEqual(compared['aep-tile-unsegmented'], [latest.unsegmented, theirs.unsegmented], 'graph against none: unsegmented');
  assertEqual(compared['aep-compared-over-limit'], [latest.collapse.over_limit, theirs.collapse.over_limit], 'graph against none: over the limit');
  const files = await page.locator('[data-testid=file-row]').evaluateAll((rows) =>
    rows.map((r) => Number(r.querySelector('[data-value]').dataset.value)),
  );
  const sorted = (list) => [...list].sort((a, b) => a - b);
  assertEqual(sorted(files), sorted(expected.files.map((f) => f.records)), 'records per file');
}

// ==== Journey Optimizer engageable profiles (issue 16) ====

/** The command line's Engageable profiles report (engageable/1 JSON) of these paths. */
function cliEngageable(paths, args = []) {
  const out = execFileSync(CLI, ['engageable', '--format', 'json', ...args, ...paths], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Does `act`, then waits for an Engageable profiles report of a later run than the one on screen. */
async function nextEngageable(page, act) {
  const before = (await page.locator('[data-testid=engageable-ready]').getAttribute('data-run')) ?? '';
  await act();
  await page.waitForSelector(`[data-testid=engageable-ready]:not([data-run="${before}"])`, { state: 'attached', timeout: 60_000 });
}

/** Every figure the Engageable profiles report shows equals the command line's `expected`. */
/**
 * The daily chart's line per sandbox (two sandboxes or more; one is the chart's line alone): in
 * the drawing shown, a path per sandbox in the JSON's order with its counts of the last `days` days,
 * a legend entry per sandbox, and the last day's hover words naming each.
 */
async function assertSandboxLines(page, expected, days) {
  const lines = expected.sandbox_daily.length >= 2 ? expected.sandbox_daily : [];
  const drawn = await page.locator('[data-testid=eng-daily-chart] .chart-wide polyline.series-line').evaluateAll((list) =>
    list.map((l) => [l.dataset.series, l.dataset.values, getComputedStyle(l).stroke]),
  );
  assertEqual(drawn.map(([name, values]) => [name, values]), lines.map((s) => [s.name, s.engageable.slice(-days).join(' ')]), `a line per sandbox (${days} days)`);
  assertEqual(new Set(drawn.map((d) => d[2])).size, drawn.length, 'each sandbox line in its own colour');
  assertEqual(
    await page.locator('[data-testid=eng-chart-sandbox]').evaluateAll((list) => list.map((l) => l.dataset.name)),
    lines.map((s) => s.name),
    'a legend entry per sandbox',
  );
  if (lines.length > 0) {
    // The hover words of each day shown give every sandbox's count (in English: the type as in the JSON).
    const words = (await page.locator('[data-testid=eng-daily-chart] .chart-wide .hover-target').allTextContents())
      .filter((w) => w.includes(`\n${lines[0].name} (`));
    assertEqual(words.length, Math.min(days, expected.daily.length), 'hover words of each day name the sandboxes');
    for (const s of lines) {
      const said = `${s.name} (${s.type}): ${s.engageable.at(-1).toLocaleString('en-US')}`;
      assert(words.at(-1).includes(said), `the last day's words say ${said}: ${words.at(-1)}`);
    }
  }
}

async function assertSameEngageable(page, expected) {
  const e = expected.engageable;
  assertEqual(await valueOf(page, 'eng-total'), e.total, 'engageable tile');
  assertEqual(await valueOf(page, 'eng-production'), e.production, 'production tile');
  assertEqual(await valueOf(page, 'eng-development'), e.development, 'development tile');
  assertEqual(await valueOf(page, 'eng-dry-run-only'), expected.dry_run_only, 'dry runs only');
  if (expected.stitched) assertEqual(await valueOf(page, 'eng-stitched-joined'), expected.stitched_joined, 'joined by stitching');
  const rows = (testid) => page.locator(`[data-testid=${testid}]`).evaluateAll((list) =>
    list.map((r) => [r.dataset.name ?? r.dataset.month ?? r.dataset.date, Number(r.querySelector('[data-value]').dataset.value)]),
  );
  assertEqual(await rows('eng-sandbox'), e.sandboxes.map((s) => [s.name, s.profiles]), 'sandboxes');
  await assertSandboxLines(page, expected, 365);
  const shown = page.locator('[data-testid=eng-journeys] ~ [data-testid=show-all], [data-testid=eng-journeys] [data-testid=show-all]');
  if ((await shown.count()) > 0) await shown.first().click();
  assertEqual(await rows('eng-journey'), expected.by_journey.map((j) => [j.name, j.profiles]), 'by journey');
  assertEqual(await rows('eng-expiring-row'), expected.expiring.map((x) => [x.month, x.profiles]), 'expiring');
  assertEqual(await rows('eng-spike'), expected.spikes.map((x) => [x.date, x.newly_engaged]), 'spikes');
  assertEqual(
    await page.locator('[data-testid=eng-window]').evaluate((w) => [w.dataset.from, w.dataset.to]),
    [expected.window.from, expected.window.to],
    'window',
  );
  if (expected.licence) {
    assertEqual(await valueOf(page, 'eng-licensed'), expected.licence.licensed, 'licensed tile');
    assertEqual(await valueOf(page, 'eng-used'), expected.licence.used, 'usage tile');
    assertEqual(await page.locator('[data-testid=eng-percent]').getAttribute('data-value'), expected.licence.percent.toFixed(1), 'usage %');
    const p = expected.licence.predicted;
    assertEqual(
      await page.locator('[data-testid=eng-predicted]').evaluate((t) => [Number(t.dataset.low), Number(t.dataset.high)]),
      [p.low, p.high],
      'predicted range',
    );
  }
}

/** Generated step events as Query Service CSVs (two files); returns their paths, in order. */
function generateEventsCsv(name, seed) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  execFileSync(CLI, ['generate', '--events', dir, '--events-format', 'csv', '--rows', '8000', '--seed', String(seed), '--files', '2']);
  const folder = path.join(dir, 'journey_step_events');
  const parts = readdirSync(folder).sort().map((f) => path.join(folder, f));
  assertEqual(parts.map((p) => path.basename(p)), ['part-00000.csv', 'part-00001.csv'], 'two generated CSV files');
  return parts;
}

/** A fresh folder under target/e2e. */
function freshDir(name) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The Engageable profiles tab of a fresh page, its demo counted. */
async function openEngageable(ctx) {
  const opened = await openViewer(ctx);
  await opened.page.click('[data-testid=tab-engageable]');
  await opened.page.waitForSelector('[data-testid=engageable-demo-banner]');
  await opened.page.waitForSelector('[data-testid=engageable-ready]', { state: 'attached', timeout: 60_000 });
  return opened;
}

const tests = [
  [
    'first screen shows the demo total that the engine computes on the command line',
    async (ctx) => {
      const expected = cliReport([demoExport()]);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await assertSameReport(page, expected);
      assert(expected.total_active > 0, 'the demo export has active profiles');
      assert((await page.locator('[data-testid=demo-banner]').count()) === 1, 'the demo is marked as demo data');
      assert(opened.requests.length > 0, 'requests were recorded');
      await screenshot(page, 'first-screen');
      await screenshotWidths(page, 'demo-report');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'the demo with other settings is counted by the worker like the command line, also after a reload; explain and the bundle work on it',
    async (ctx) => {
      const demo = demoExport();
      const latest = cliReport([demo]);
      const march = cliReport([demo], ['--as-of', '2026-03-31']);
      const marchLast = cliReport([demo], ['--as-of', '2026-03-31', '--billing-day', 'last']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await assertSameReport(page, latest);
      await nextReport(page, () => page.fill('[data-testid=as-of]', '2026-03-31').then(() => page.locator('[data-testid=as-of]').dispatchEvent('change')));
      await assertSameReport(page, march);
      await nextReport(page, () => page.selectOption('[data-testid=billing-day]', 'last'));
      await assertSameReport(page, marchLast);
      // Remembered: the first screen after a reload asks the worker for the demo with these settings.
      await page.reload();
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 30_000 });
      await assertSameReport(page, marchLast);
      assert((await page.locator('[data-testid=demo-banner]').count()) === 1, 'still the demo');
      // Explain a demo profile: its rows, read again by the worker.
      const byKey = new Map();
      for (const line of readFileSync(demo, 'utf8').split('\n').slice(1).filter(Boolean)) {
        const key = line.split(',')[1];
        if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
      const [key, rows] = [...byKey.entries()].sort((a, b) => b[1] - a[1])[0];
      await page.fill('[data-testid=explain-query]', key);
      await page.click('[data-testid=explain-button]');
      await page.waitForSelector(`[data-testid=explain-answer][data-query="${key}"]`);
      assertEqual(await page.locator('[data-testid=explain-row]').count(), rows, `rows of ${key}`);
      const summary = await page.locator('[data-testid=explain-summary]').textContent();
      assert(/ on 2026-03-31 in /.test(summary), `as of the pinned date: ${summary}`);
      // The bundle of the demo as shown.
      const bundle = await downloadOf(page, () => page.click('[data-testid=download-report]'), 'demo-bundle.html');
      const shown = await openFile(ctx, bundle.file);
      await assertBundle(shown, marchLast);
      await shown.context.close();
      // Back to the defaults: the report counted when the viewer was built, at once.
      await nextReport(page, () => page.selectOption('[data-testid=billing-day]', '25'));
      await nextReport(page, () => page.click('[data-testid=as-of-follow]'));
      await assertSameReport(page, latest);
      await screenshot(page, 'demo-back-to-defaults');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    "the page's Content-Security-Policy stops a script from reaching another host",
    async (ctx) => {
      const opened = await openViewer(ctx);
      const outcome = await opened.page.evaluate(() =>
        fetch('http://example.invalid/collect').then(() => 'sent', (e) => `refused: ${e.name}`),
      );
      assertEqual(outcome, 'refused: TypeError', 'fetch to another host');
      assertEqual(opened.offsite.length, 0, 'requests that reached the network layer');
      await opened.context.close();
    },
  ],
  [
    'the harness catches a request that leaves the local server',
    async (ctx) => {
      const opened = await openPage(ctx.browser, ctx.server.url, { expectOffsite: true });
      const refused = opened.page.waitForEvent('requestfailed');
      await opened.page.setContent('<img src="http://example.invalid/pixel.png">');
      await refused;
      assertEqual(opened.offsite.join(), 'http://example.invalid/pixel.png', 'offsite requests recorded');
      await opened.context.close();
    },
  ],
  [
    'the language picker switches the page to Dutch, then Swedish, with their number grouping, and remembers it',
    async (ctx) => {
      const opened = await openViewer(ctx);
      const { page } = opened;
      const tile = page.locator('[data-testid=total-active]');
      const total = Number(await tile.getAttribute('data-value'));
      assert(total >= 1000, `a total with a thousands separator (${total})`);
      assertEqual(await page.locator('h1').textContent(), 'Active profiles', 'English by default (en-US browser)');
      assertEqual(await page.locator('[data-testid=language]').inputValue(), 'en', 'the picker shows English');
      const grouped = (sep) => String(total).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

      await page.selectOption('[data-testid=language]', 'nl');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Actieve profielen');
      assertEqual(await page.evaluate(() => document.documentElement.lang), 'nl', '<html lang>');
      assertEqual((await tile.textContent()).trim(), grouped('.'), 'the total grouped the Dutch way');
      assertEqual(Number(await tile.getAttribute('data-value')), total, 'data-value stays the raw number');
      assert((await page.locator('h2').allTextContents()).includes('Customer metrics'), 'Campaign\'s name of the report, untranslated in Dutch');
      assert((await page.locator('[data-testid=dimensions] caption').first().textContent()).trim().startsWith('Targetingdimensies'), 'targeting dimensions in Dutch');
      assert((await page.locator('[data-testid=diagnosis-sentence]').textContent()).includes('rijen gelezen'), 'the diagnosis in Dutch');
      await screenshot(page, 'language-nl');

      await page.selectOption('[data-testid=language]', 'sv');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Aktiva profiler');
      assertEqual((await tile.textContent()).trim(), grouped('\u00a0'), 'the total grouped the Swedish way (no-break space)');
      assertEqual(Number(await tile.getAttribute('data-value')), total, 'data-value stays the raw number');

      await page.reload();
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      assertEqual(await page.locator('h1').textContent(), 'Aktiva profiler', 'the language is remembered');
      assertEqual(await page.locator('[data-testid=language]').inputValue(), 'sv', 'the picker shows Swedish');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a browser whose language is German opens the viewer in German',
    async (ctx) => {
      const opened = await openViewer(ctx, { locale: 'de-DE' });
      const { page } = opened;
      assertEqual(await page.locator('h1').textContent(), 'Aktive Profile', 'the German title');
      assertEqual(await page.locator('[data-testid=language]').inputValue(), 'de', 'the picker shows German');
      assertEqual(await page.evaluate(() => document.documentElement.lang), 'de', '<html lang>');
      const tile = page.locator('[data-testid=total-active]');
      const total = Number(await tile.getAttribute('data-value'));
      assertEqual((await tile.textContent()).trim(), String(total).replace(/\B(?=(\d{3})+(?!\d))/g, '.'), 'grouped the German way');
      assert((await page.locator('h2').allTextContents()).includes('Kundenmetriken'), 'Customer metrics in German');
      await screenshot(page, 'language-de');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'the engine\'s rejection reasons, warnings and file errors are said in Dutch, their English kept for the JSON',
    async (ctx) => {
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'deel1.csv');
      writeFileSync(file, 'recipientId;eventDate;status\n1;03/04/2026;Sent\n2;31/02/2026;Sent\n;04/05/2026;Sent\n');
      const bad = path.join(WORK, 'zonder-datum.csv');
      writeFileSync(bad, 'Recipient ID;Sent on;Status\n1;2026-01-05;Sent\n');
      const expected = cliReport([file]);
      assertEqual(expected.rejected.map((r) => r.reason), ["event date '31/02/2026' is not a date", 'no profile key and no address'], 'the JSON keeps the English reasons');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [file, bad]));
      const reasons = page.locator('[data-testid=rejected-row] td:nth-child(3)');
      assertEqual((await reasons.allTextContents()).map((t) => t.trim()), expected.rejected.map((r) => r.reason), 'English first');

      await page.selectOption('[data-testid=language]', 'nl');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Actieve profielen');
      assertEqual(
        (await reasons.allTextContents()).map((t) => t.trim()),
        ["gebeurtenisdatum '31/02/2026' is geen datum", 'geen profielsleutel en geen adres'],
        'the rejection reasons in Dutch',
      );
      assertEqual(
        (await page.locator('[data-testid=warnings] li').allTextContents()).map((t) => t.trim()),
        ['deel1.csv: geen enkele datum onderscheidt dag en maand; gelezen als dag eerst'],
        'the warning in Dutch',
      );
      assertEqual(
        (await page.locator('[data-testid=problem] > p').first().textContent()).trim(),
        'zonder-datum.csv, regel 1 (de kopregel): geen kolom gevonden voor gebeurtenisdatum. Gevonden kopteksten: Recipient ID, Sent on, Status.',
        'the file that cannot be counted, in Dutch',
      );
      await page.locator('[data-testid=rejected]').scrollIntoViewIfNeeded();
      await screenshotOf(page.locator('.diagnosis-section'), 'diagnosis-nl');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'log files and a deliveries file picked in the page give the command line\'s numbers',
    async (ctx) => {
      const deliveries = path.join(WORK, 'deliveries.csv');
      const joined = generate('joined-log.csv', ['--seed', '7', '--rows', '3000', '--deliveries-output', deliveries, '--delimiter', ';']);
      const second = generate('second-log.csv', ['--seed', '8', '--rows', '2000', '--encoding', 'utf-16le', '--delimiter', 'tab']);
      const expected = cliReport([joined, second], ['--deliveries', deliveries]);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await page.setInputFiles('input[type=file][data-testid=deliveries-file]', deliveries);
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [joined, second]));
      await assertSameReport(page, expected);
      assert(expected.dimensions.length >= 3 && expected.snapshots.length >= 12, 'several dimensions and snapshots compared');
      assert(expected.total_active > 0, 'the generated files have active profiles');
      assertEqual(await page.locator('[data-testid=demo-banner]').count(), 0, 'demo banner once files are open');
      assertEqual((await page.locator('[data-testid=sources]').textContent()).includes('2 log files'), true, 'sources line names two log files');
      await screenshot(page, 'files-counted');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a file that cannot be read is named with its line, and the other files are still counted',
    async (ctx) => {
      const good = generate('good-beside-bad.csv', ['--seed', '61', '--rows', '1500']);
      const bad = path.join(WORK, 'no-date-column.csv');
      writeFileSync(bad, 'Recipient ID;Sent on;Status\n1;2026-01-05;Sent\n');
      const expected = cliReport([good]);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [good, bad]));
      assertEqual(
        await page.locator('[data-testid=problem] > p').first().textContent(),
        'no-date-column.csv, line 1 (the header): no column found for the event date. Headers found: Recipient ID, Sent on, Status.',
        'the problem',
      );
      await assertSameReport(page, expected);
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'changing the as-of date recounts to the command line\'s number for that date',
    async (ctx) => {
      const file = generate('asof-log.csv', ['--seed', '11', '--rows', '4000']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      const expected = cliReport([file], ['--as-of', '2026-03-31']);
      await nextReport(page, () => page.fill('[data-testid=as-of]', '2026-03-31').then(() => page.locator('[data-testid=as-of]').dispatchEvent('change')));
      await assertSameReport(page, expected);
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a file without recognisable headers asks for its columns, then counts like --map',
    async (ctx) => {
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'odd-headers.csv');
      writeFileSync(file, 'who,when,what\nA,2026-01-05,Sent\nB,2026-02-01,Sent\nA,2026-03-01,Sent\n');
      const expected = cliReport([file], ['--map', 'profile key=who', '--map', 'event date=when']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await page.waitForSelector('[data-testid=mapping]');
      const problem = await page.locator('[data-testid=problem] > p').textContent();
      assert(
        problem.startsWith('odd-headers.csv, line 1 (the header): no column found for the event date, nor for the profile key or address. Headers found: who, when, what.'),
        `the problem names the file, the line and what is missing: ${problem}`,
      );
      await page.waitForSelector('[data-testid=preview]');
      assertEqual(await page.locator('[data-testid=preview] tbody tr').count(), 3, 'the preview shows the first rows');
      assertEqual(await page.locator('[data-testid=preview] thead th').allTextContents(), ['who', 'when', 'what'], 'preview headers');
      await screenshot(page, 'mapping-step');
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="event date"]', 'when'));
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="profile key"]', 'who'));
      assertEqual(await page.locator('[data-testid=mapping]').count(), 0, 'mapping step gone once mapped');
      assertEqual(await totalOnPage(page), expected.total_active, 'total after mapping');
      assertEqual(expected.total_active, 2, 'two profiles in the mapped file');
      // The mapping is remembered for these headers: the same layout maps itself next time.
      await page.reload();
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      await page.setInputFiles('input[type=file][data-testid=log-files]', file);
      await page.waitForSelector('[data-testid=notice]');
      assertEqual(await page.locator('[data-testid=notice]').textContent(), 'Columns mapped as you chose before for files with these headers.', 'notice');
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=problem]').length === 0);
      assertEqual(await totalOnPage(page), expected.total_active, 'total with the remembered mapping');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'choose columns on request: every field, the automatic choice, and a recount with the column picked',
    async (ctx) => {
      const file = generate('columns-log.csv', ['--seed', '31', '--rows', '1200']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await page.click('[data-testid=choose-columns-toggle]');
      await page.waitForSelector('[data-testid=choose-columns] [data-testid=preview]');
      assertEqual(await page.locator('[data-testid=choose-columns] [data-testid=mapping-field]').count(), 14, 'one choice per field');
      const columns = cliReport([file]).files[0].columns;
      const auto = await page.locator('[data-testid=mapping-field][data-field="event date"] option').first().textContent();
      assertEqual(auto, `automatic: ${columns['event date']}`, 'the automatic choice is shown');
      await screenshotWidths(page, 'choose-columns');
      // Count profiles by their address instead of their key, as --map would.
      const expected = cliReport([file], ['--map', `profile key=${columns.address}`]);
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="profile key"]', columns.address));
      assertEqual(await totalOnPage(page), expected.total_active, 'total with the address as the key');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'an unrecognised status switched to excluded recounts like --status VALUE=excluded',
    async (ctx) => {
      const file = generate('unknown-status.csv', ['--seed', '41', '--rows', '3000', '--share', 'unknown-status=0.05']);
      const before = cliReport([file]);
      const unknown = before.unrecognised.find((u) => u.field === 'status');
      assert(unknown && unknown.rows > 0, 'the generated file has an unrecognised status');
      const expected = cliReport([file], ['--status', `${unknown.value}=excluded`]);
      assert(expected.total_active < before.total_active, 'excluding it lowers the count');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      assertEqual(await totalOnPage(page), before.total_active, 'counted by default');
      const row = page.locator(`[data-testid=unrecognised-row][data-field=status][data-item="${unknown.value}"]`);
      await screenshot(page, 'diagnosis-unrecognised');
      await nextReport(page, () => row.locator('[data-testid=reclassify]').click());
      assertEqual(await totalOnPage(page), expected.total_active, 'total once excluded');
      const excluded = page.locator('[data-testid=excluded-row][data-reason=status] [data-value]').first();
      assertEqual(Number(await excluded.getAttribute('data-value')), expected.excluded.find((e) => e.reason === 'status').rows, 'rows excluded by status');
      // The value stays listed with its switch, so the choice can be undone.
      const toggle = row.locator('[data-testid=reclassify]');
      assertEqual(await toggle.getAttribute('aria-checked'), 'false', 'the switch shows it excluded');
      await nextReport(page, () => toggle.click());
      assertEqual(await totalOnPage(page), before.total_active, 'counted again after switching back');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'rejected rows are named beside the headline figures and grouped by reason in the diagnosis',
    async (ctx) => {
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'with-rejected-rows.csv');
      const lines = ['recipientId;eventDate;status'];
      for (let i = 0; i < 40; i++) lines.push(`${i};2026-0${1 + (i % 9)}-1${i % 10};Sent`);
      for (let i = 0; i < 15; i++) lines.push(`b${i};2026-02-3${i % 2};Sent`); // no 30 or 31 February
      for (let i = 0; i < 4; i++) lines.push(`;2026-03-0${1 + i};Sent`); // no key, no address
      writeFileSync(file, lines.join('\n') + '\n');
      const expected = cliReport([file]);
      assertEqual(expected.rows.rejected, 19, 'rejected rows in the file');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      const note = page.locator('[data-testid=tiles-rejected]');
      assertEqual((await note.textContent()).trim(), `19 of ${expected.rows.read} rows rejected — see why`, 'the note beside the tiles');
      await screenshotWidths(page, 'rejected-rows');
      // Grouped by message id, as many rows in each as the command line rejected for it.
      const byId = {};
      for (const r of expected.rejected) byId[r.message.id] = (byId[r.message.id] ?? 0) + 1;
      const groups = await page.locator('[data-testid=rejected-group]').evaluateAll((gs) =>
        gs.map((g) => [g.dataset.key, Number(g.dataset.rows), g.querySelector('.group-reason').textContent]));
      assertEqual(groups, [
        ['rejected-bad-date', byId['rejected-bad-date'], 'event date is not a date'],
        ['rejected-no-key', byId['rejected-no-key'], 'no profile key and no address'],
      ], 'groups, largest first');
      // "see why" leads to them; the bad dates show their first 12 rows, then all.
      await page.click('[data-testid=tiles-rejected-link]');
      assertEqual(await page.evaluate(() => location.hash), '#report-rejected', 'the link goes to the rejected rows');
      const bad = page.locator('[data-testid=rejected-group][data-key=rejected-bad-date]');
      await bad.locator('summary').click();
      assertEqual(await bad.locator('[data-testid=rejected-row]').count(), 12, 'first rows of a group');
      await bad.locator('[data-testid=show-all]').click();
      assertEqual(await bad.locator('[data-testid=rejected-row]').count(), 15, 'all rows of the group');
      await page.locator('[data-testid=rejected-group][data-key=rejected-no-key] summary').click();
      await screenshotWidths(page, 'diagnosis');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'the keyboard: a skip link first, Explain three Tab presses away, focus a ring that never looks chosen',
    async (ctx) => {
      const opened = await openViewer(ctx);
      const { page } = opened;
      const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
      await page.keyboard.press('Tab');
      assertEqual(await focused(), 'skip-to-report', 'the first Tab');
      assert(await page.locator('[data-testid=skip-to-report]').isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Tab');
      assertEqual(await focused(), 'skip-to-explain', 'the second Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assertEqual(await focused(), 'explain-query', 'Explain after Enter and a third Tab');
      // The contents bar links to every section, each of which exists, and to Explain.
      const hrefs = await page.locator('[data-testid=contents] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assertEqual(hrefs.length, 9, `links in the contents bar: ${hrefs.join(' ')}`);
      for (const href of hrefs) assertEqual(await page.locator(href).count(), 1, `the section ${href}`);
      // A focused period button is ringed, not filled like the chosen one; a focused chosen row keeps its colours.
      await page.focus('[data-testid=span-30]');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const style = (sel) => page.locator(sel).evaluate((e) => {
        const c = getComputedStyle(e);
        return { bg: c.backgroundColor, color: c.color, outline: `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}` };
      });
      const thirty = await style('[data-testid=span-30]');
      assertEqual(thirty, { bg: 'rgb(255, 255, 255)', color: 'rgb(31, 95, 191)', outline: 'solid 3px rgb(0, 0, 0)' }, 'focused 30 days');
      const year = await style('[data-testid=span-year]');
      assertEqual(year.bg, 'rgb(31, 95, 191)', 'the chosen 1 year stays filled');
      await screenshotOf(page.locator('#report-chart .section-head'), 'focus-span');
      await page.click('[data-testid=snapshot-row]:nth-child(2) [data-testid=choose-snapshot]');
      await page.waitForSelector('[data-testid=snapshot-row]:nth-child(2).chosen');
      await page.mouse.move(0, 0);
      await page.focus('.snapshot-row.chosen [data-testid=choose-snapshot]');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const chosen = await style('.snapshot-row.chosen [data-testid=choose-snapshot]');
      assertEqual(chosen, { bg: 'rgba(0, 0, 0, 0)', color: 'rgb(29, 35, 48)', outline: 'solid 3px rgb(0, 0, 0)' }, 'focused chosen row');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'explain a profile: its rows read again from the files, and where it stands on the as-of date',
    async (ctx) => {
      const file = generate('explain-log.csv', ['--seed', '51', '--rows', '3000', '--profiles', '400']);
      // A key with several rows, found by reading the file plainly (default layout: key in the first column).
      const lines = readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean);
      const byKey = new Map();
      for (const line of lines) {
        const key = line.split(',')[0];
        if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
      const [key, rows] = [...byKey.entries()].sort((a, b) => b[1] - a[1])[0];
      assert(rows > 2, 'the chosen key has several rows');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await page.fill('[data-testid=explain-query]', key);
      await page.click('[data-testid=explain-button]');
      await page.waitForSelector(`[data-testid=explain-answer][data-query="${key}"]`);
      assertEqual(await page.locator('[data-testid=explain-row]').count(), rows, `rows of ${key}`);
      const dates = await page.locator('[data-testid=explain-row]').evaluateAll((trs) => trs.map((tr) => tr.dataset.date));
      const dated = dates.filter(Boolean);
      assertEqual(dated.join(' '), [...dated].sort().join(' '), 'rows in date order');
      assertEqual(dates.slice(0, dated.length).join(' '), dated.join(' '), 'rows without a readable date come last');
      const summary = await page.locator('[data-testid=explain-summary]').textContent();
      assert(/^(Active on 2026-10-24 in |Not active on 2026-10-24 in )/.test(summary), `summary: ${summary}`);
      await screenshotOf(page.locator('[data-testid=explain]'), 'explain');
      await screenshotWidths(page, 'explain-answer');
      await page.fill('[data-testid=explain-query]', 'nobody@nowhere.invalid');
      await page.click('[data-testid=explain-button]');
      await page.waitForSelector('[data-testid=explain-answer][data-query="nobody@nowhere.invalid"]');
      assertEqual(await page.locator('[data-testid=explain-summary]').textContent(), 'No row of the files has the key or address “nobody@nowhere.invalid”.', 'unknown key');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'cancel during a run keeps the page working and the previous report',
    async (ctx) => {
      // Large enough that the read is still going after the screenshot of its progress (which
      // also runs axe-core on the page, a second or two on a busy machine).
      const big = generate('big-log-4m.csv', ['--seed', '5', '--rows', '4000000']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      const before = await totalOnPage(page);
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      await screenshot(page, 'progress');
      await cancelThenCount(page, before);
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a large file cut over 2, then 3 workers gives the command line\'s numbers, recounts and explains from the merged state',
    async (ctx) => {
      // Large enough to be cut (the pool starts at 32 MiB), with a small good file and a bad one beside it.
      const big = generate('pool-log.csv', ['--seed', '41', '--rows', '450000']);
      const small = generate('pool-small.csv', ['--seed', '42', '--rows', '3000']);
      const bad = path.join(WORK, 'pool-bad.csv');
      writeFileSync(bad, 'name,colour\nx,blue\n');
      const expected = cliReport([big, small]);
      for (const workers of [2, 3]) {
        // After a run cut over several workers, all but the first are stopped (their memory is given back).
        let stopped = 0;
        const beforeGoto = (page) => page.on('worker', (w) => w.on('close', () => (stopped += 1)));
        const opened = await openViewer(ctx, { query: `?workers=${workers}`, beforeGoto });
        const { page } = opened;
        // Every progress text shown, until the report is in.
        await page.evaluate(() => {
          window.__progressTexts = [];
          new MutationObserver(() => {
            const text = document.querySelector('[data-testid=progress-text]')?.textContent;
            if (text && window.__progressTexts.at(-1) !== text) window.__progressTexts.push(text);
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [big, small, bad]));
        await assertSameReport(page, expected);
        const texts = await page.evaluate(() => window.__progressTexts);
        assert(texts.some((t) => / of .* read · .* rows\/s$/.test(t)), `bytes read were shown: ${texts.join(' | ')}`);
        assert(texts.at(-1).endsWith(' read · putting the report together…'), `then the merge: ${texts.join(' | ')}`);
        for (let i = 0; i < 50 && stopped < workers - 1; i++) await page.waitForTimeout(100);
        assertEqual(stopped, workers - 1, `workers stopped after the run of ${workers}`);
        const problems = await page.locator('[data-testid=problem]').allTextContents();
        assertEqual(problems.length, 1, `one problem, the bad file's, said once (${problems.join(' | ')})`);
        assert(problems[0].includes('pool-bad.csv'), `the problem names the file: ${problems[0]}`);
        if (workers === 2) await screenshot(page, 'pool-two-workers');
        // The merged state stays in the first worker: a new as-of date recounts without reading again...
        const asOf = '2026-03-31';
        const recounted = cliReport([big, small], ['--as-of', asOf]);
        await nextReport(page, async () => {
          await page.fill('[data-testid=as-of]', asOf);
          await page.locator('[data-testid=as-of]').dispatchEvent('change');
        });
        assertEqual(await totalOnPage(page), recounted.total_active, `total on ${asOf}`);
        // ...and a profile of the file that was cut is explained from its rows.
        const key = keysAndAddresses(small)[0];
        await page.fill('[data-testid=explain-query]', key);
        await page.click('[data-testid=explain-button]');
        await page.waitForSelector(`[data-testid=explain-answer][data-query="${key}"]`);
        assert((await page.locator('[data-testid=explain-row]').count()) > 0, `rows of ${key}`);
        noRequestLeft(opened);
        await opened.context.close();
      }
    },
  ],
  [
    'a range that starts inside a quoted line break is read again, and the numbers are the command line\'s',
    async (ctx) => {
      // Every row's note spans two lines, the first long: a cut lands inside a quoted field and the
      // range after it first takes the quoted line break for the end of a record.
      const file = path.join(WORK, 'pool-multiline.csv');
      const rows = ['recipientId,eventDate,status,note'];
      for (let i = 0; rows.length < 90_000; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const month = String(1 + (i % 12)).padStart(2, '0');
        rows.push(`k${i % 7919},2026-${month}-${day},Sent,"${'n'.repeat(360 + (i % 50))}\nsecond line, still quoted"`);
      }
      writeFileSync(file, rows.join('\n') + '\n');
      assert(statSync(file).size > 32 << 20, 'large enough to be cut');
      const expected = cliReport([file], ['--as-of', '2026-12-31']);
      const opened = await openViewer(ctx, { query: '?workers=2' });
      const { page } = opened;
      const said = [];
      page.on('console', (m) => said.push(m.text()));
      await page.fill('[data-testid=as-of]', '2026-12-31');
      await page.locator('[data-testid=as-of]').dispatchEvent('change');
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await assertSameReport(page, expected);
      assert(expected.total_active === 7919, `every key is active (${expected.total_active})`);
      assert(said.some((t) => t.includes('pool-multiline.csv') && t.includes('must be read again')), `a range was read again: ${said.join(' | ')}`);
      assertEqual(await page.locator('[data-testid=problem]').count(), 0, 'no problem');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'cancel during a run cut over 2 workers stops them all, and the next file counts',
    async (ctx) => {
      const big = generate('big-log.csv', ['--seed', '5', '--rows', '1500000']);
      const opened = await openViewer(ctx, { query: '?workers=2' });
      const { page } = opened;
      const before = await totalOnPage(page);
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      await cancelThenCount(page, before, async () => {
        // The second worker is stopped with the run: only the first is left.
        for (let i = 0; i < 150 && page.workers().length > 1; i++) await page.waitForTimeout(100);
        assertEqual(page.workers().length, 1, 'workers left after the cancel');
      });
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a report JSON from the command line opens with its numbers',
    async (ctx) => {
      const file = generate('json-log.csv', ['--seed', '21', '--rows', '2500']);
      const json = path.join(WORK, 'report.json');
      execFileSync(CLI, ['report', '--format', 'json', '--output', json, file]);
      const expected = JSON.parse(readFileSync(json, 'utf8'));
      const opened = await openViewer(ctx);
      const { page } = opened;
      await page.setInputFiles('input[type=file][data-testid=report-file]', json);
      await page.waitForSelector('[data-testid=sources]');
      assertEqual(await totalOnPage(page), expected.total_active, 'total of the reopened report');
      assert((await page.locator('[data-testid=sources]').textContent()).includes('report.json'), 'the source names the file');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'an aggregate counted by DuckDB from the SQL script opens in the report slot with the numbers of the command line',
    async (ctx) => {
      const python = process.env.ACTIVE_PROFILES_PYTHON || path.join(ROOT, 'target', 'venv', 'bin', 'python');
      const file = generate('sql-log.csv', ['--seed', '31', '--rows', '3000', '--profiles', '800', '--start', '2024-01-15',
        '--end', '2025-11-30', '--dates', 'iso', '--instances', 'prod,eu', '--instance-column']);
      const expected = cliReport([file]);
      const maps = Object.entries(expected.files[0].columns).flatMap(([field, column]) => ['--map', `${field}=${column}`]);
      const script = path.join(WORK, 'sql-log.duckdb.sql');
      const aggregate = path.join(WORK, 'sql-log.aggregate.csv');
      execFileSync(CLI, ['sql', '--dialect', 'duckdb', '--aggregate', aggregate, '--output', script, ...maps]);
      try {
        execFileSync(python, [path.join(ROOT, 'cli', 'tests', 'sql_run.py'), 'duckdb', script, aggregate, 'delivery_logs', file]);
      } catch (e) {
        throw new Error(`DuckDB could not run the script (run make setup for target/venv): ${e.message}`);
      }
      const opened = await openViewer(ctx);
      const { page } = opened;
      await page.setInputFiles('input[type=file][data-testid=report-file]', aggregate);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=sources]')?.textContent.includes('sql-log.aggregate.csv'),
        null,
        { timeout: 30_000 },
      );
      await assertSameReport(page, expected);
      await screenshot(page, 'sql-aggregate');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'hostile labels and a hostile file name are shown as text: no dialog, no script, no request',
    async (ctx) => {
      const SCRIPT = '<script>window.__pwned=1</script>';
      const IMG = '<img src=x onerror=window.__pwned=1>';
      const ALERT = '<img src=x onerror=alert(1)>';
      const FORMULA = "=cmd|' /C calc'!A0";
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, `${IMG}.csv`);
      writeFileSync(
        file,
        'recipientId;eventDate;targetDimension;channel;delivery;status\n' +
          `1;2026-01-05;${SCRIPT};${IMG};${FORMULA};Sent\n` +
          `2;2026-01-06;${FORMULA};${SCRIPT};${ALERT};${ALERT}\n` +
          '3;not a date;x;Email;d;Sent\n',
      );
      const opened = await openViewer(ctx);
      const { page } = opened;
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      assertEqual(await totalOnPage(page), 2, 'both profiles with a date are counted');
      await page.fill('[data-testid=explain-query]', '1');
      await page.click('[data-testid=explain-button]');
      await page.waitForSelector('[data-testid=explain-answer][data-query="1"]');
      await page.waitForTimeout(500); // an injected <img onerror> would have fired by now
      assertEqual(dialogs, [], 'dialogs opened');
      assertEqual(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned set by an injected script');
      const injected = await page.evaluate(
        () => document.querySelectorAll('img[src="x"]').length +
          [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
      );
      assertEqual(injected, 0, 'injected <img> and <script> elements');
      const text = await page.evaluate(() => document.body.innerText);
      for (const label of [SCRIPT, IMG, ALERT, FORMULA, `${IMG}.csv`]) {
        assert(text.includes(label), `the page shows ${label} as written`);
      }
      assert(!opened.requests.some((u) => u.endsWith('/x')), 'no request for an injected image');
      await screenshot(page, 'hostile-labels');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a worker that dies mid-run ends in a message, and the page still counts the next files',
    async (ctx) => {
      const big = generate('big-log.csv', ['--seed', '5', '--rows', '1500000']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      const before = await totalOnPage(page);
      // The page spawns its worker a second after it opens (so that it is compiled before a pick).
      await page.waitForEvent('worker');
      const [worker] = page.workers();
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      // What a trap in the worker's WebAssembly (out of memory, a panic) looks like from outside.
      await worker.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }, 0));
      await page.waitForSelector('[data-testid=progress]', { state: 'detached', timeout: 30_000 });
      const notice = await page.locator('[data-testid=notice]').textContent();
      assert(notice.startsWith('The counting worker stopped (') && notice.includes('unreachable'), `the notice says so: ${notice}`);
      assertEqual(await totalOnPage(page), before, 'the previous report stays');
      await screenshot(page, 'worker-died');
      const small = generate('after-worker-died.csv', ['--seed', '13', '--rows', '500']);
      const expected = cliReport([small]);
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', small));
      assertEqual(await totalOnPage(page), expected.total_active, 'total of the file counted by a fresh worker');
      assertEqual(opened.offsite.length, 0, 'requests that left the local server');
      await opened.context.close();
    },
  ],

  [
    'a report bundle from the command line opens from file:// with every request blocked, and shows its numbers',
    async (ctx) => {
      const log = generate('bundle-log.csv', ['--seed', '21', '--rows', '20000']);
      const args = ['--purchased', '5000'];
      const expected = cliReport([log], args);
      const bundle = path.join(WORK, 'cli-bundle.html');
      execFileSync(CLI, ['report', ...args, '--bundle', bundle, '--title', 'Quarterly review', log]);
      const size = statSync(bundle).size;
      assert(size <= 2 * 1024 * 1024, `the bundle is at most 2 MB (${size} bytes)`);
      const opened = await openFile(ctx, bundle);
      const { page } = opened;
      await assertBundle(opened, expected);
      assertEqual(await page.locator('[data-testid=bundle-title]').textContent(), 'Quarterly review', 'title');
      assertEqual(await page.locator('[data-testid=usage-chart]').count(), 2, 'both chart periods');
      assertEqual(await page.locator('button').count(), 0, 'nothing to click in a bundle');
      await screenshot(page, 'bundle-from-cli');
      await page.pdf({ path: path.join(WORK, 'bundle-from-cli.pdf'), format: 'A4' });
      await opened.context.close();
    },
  ],
  [
    'Download report writes a bundle without keys or addresses; ticking the option lists the active profiles',
    async (ctx) => {
      const log = generate('share-log.csv', ['--seed', '22', '--rows', '8000']);
      const expected = cliReport([log]);
      const secrets = keysAndAddresses(log);
      assert(secrets.length > 1000, `keys and addresses to look for (${secrets.length})`);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', log));
      const plain = await downloadOf(page, () => page.click('[data-testid=download-report]'), 'viewer-bundle.html');
      assertEqual(plain.suggested, `active-profiles-${expected.as_of}.html`, 'file name');
      const html = readFileSync(plain.file, 'utf8');
      const leaked = secrets.filter((s) => occurs(html, s));
      assertEqual(leaked.slice(0, 5), [], `keys or addresses in the bundle (${leaked.length})`);

      const shown = await openFile(ctx, plain.file);
      await assertBundle(shown, expected);
      await screenshot(shown.page, 'bundle-from-viewer');
      await shown.context.close();

      const withProfiles = cliReport([log], ['--include-profiles']).profiles;
      assertEqual(withProfiles.length, expected.total_active, 'the command line lists every active profile');
      await page.click('[data-testid=export-menu] summary');
      await nextReport(page, () => page.check('[data-testid=include-profiles]'));
      assertEqual(await page.locator('[data-testid=profile-row]').count(), 12, 'the first rows, then Show all');
      await page.click('#report-profiles [data-testid=show-all]');
      assertEqual(await page.locator('[data-testid=profile-row]').count(), Math.min(1000, expected.total_active), 'rows shown');
      const keyed = await downloadOf(page, () => page.click('[data-testid=download-report]'), 'viewer-bundle-keys.html');
      const html2 = readFileSync(keyed.file, 'utf8');
      const missing = withProfiles.filter((p) => !occurs(html2, p.key));
      assertEqual(missing.slice(0, 5), [], `active profiles missing from the bundle (${missing.length})`);
      assert(html2.includes('data-testid="bundle-privacy"'), 'the bundle says it holds personal data');
      await screenshotOf(page.locator('[data-testid=share]'), 'share-panel');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'the report exported as JSON, and the bundle, open again in the viewer with the same numbers',
    async (ctx) => {
      const log = generate('roundtrip-log.csv', ['--seed', '23', '--rows', '6000']);
      const expected = cliReport([log]);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', log));
      await page.click('[data-testid=export-menu] summary');
      const json = await downloadOf(page, () => page.click('[data-testid=export-json]'), 'exported-report.json');
      const bundle = await downloadOf(page, () => page.click('[data-testid=download-report]'), 'exported-bundle.html');
      const exported = JSON.parse(readFileSync(json.file, 'utf8'));
      assertEqual(exported.total_active, expected.total_active, 'total in the exported JSON');
      assertEqual(exported.profiles, null, 'no profiles unless asked');

      const again = await openViewer(ctx);
      await again.page.setInputFiles('input[type=file][data-testid=report-file]', json.file);
      await again.page.waitForSelector(`[data-testid=sources]:has-text("${path.basename(json.file)}")`);
      await assertSameReport(again.page, expected);
      await again.page.setInputFiles('input[type=file][data-testid=report-file]', bundle.file);
      await again.page.waitForSelector(`[data-testid=sources]:has-text("${path.basename(bundle.file)}")`);
      await assertSameReport(again.page, expected);
      noRequestLeft(again);
      await again.context.close();
      await opened.context.close();
    },
  ],
  [
    'tables export as CSV with a BOM, optional semicolons, and hostile labels kept as inert text',
    async (ctx) => {
      const FORMULA = '=HYPERLINK("http://x")';
      const SCRIPT = '<script>';
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'csv-labels.csv');
      writeFileSync(
        file,
        'recipientId;eventDate;status;channel\n' +
          `1;2026-01-05;Sent;Email\n` +
          `2;2026-01-06;"${FORMULA.replaceAll('"', '""')}";Email\n` +
          `3;2026-01-07;${SCRIPT};Email\n`,
      );
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await page.click('[data-testid=export-menu] summary');
      const csv = await downloadOf(page, () => page.click('[data-testid=export-csv-unrecognised]'), 'unrecognised.csv');
      assertEqual(csv.suggested, 'active-profiles-2026-01-07-unrecognised.csv', 'file name');
      const bytes = readFileSync(csv.file);
      assertEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      assertEqual(lines[0], 'Field,Value,Rows', 'headings');
      assertEqual(lines.slice(1).sort(), [`status,"'=HYPERLINK(""http://x"")",1`, 'status,<script>,1'].sort(), 'rows, the formula escaped');

      await page.check('[data-testid=csv-semicolon]');
      const metrics = await downloadOf(page, () => page.click('[data-testid=export-csv-customer-metrics]'), 'metrics.csv');
      const text = readFileSync(metrics.file).subarray(3).toString('utf8');
      assertEqual(text.split('\r\n')[0], 'From (included);To (included);Number of active profiles', 'semicolon headings');
      const expected = cliReport([file]);
      const rows = text.trim().split('\r\n').slice(1).map((l) => l.split(';'));
      assertEqual(rows.map(([from, to, n]) => ({ from, to, active: Number(n) })), [...expected.snapshots].reverse(), 'rows');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a browser without WebAssembly SIMD gets a clear message in its language, not a blank page',
    async (ctx) => {
      for (const [locale, start] of [['fr-FR', 'Ce navigateur est trop ancien pour la visionneuse'], ['en-GB', 'This browser is too old for the viewer']]) {
        const opened = await openPage(ctx.browser, ctx.server.url, { locale });
        const { page } = opened;
        // An old browser: the SIMD probe does not validate and the WebAssembly does not compile.
        await page.addInitScript(() => {
          const validate = WebAssembly.validate.bind(WebAssembly);
          WebAssembly.validate = (bytes) => (bytes.length === 31 ? false : validate(bytes));
        });
        await page.route('**/*.wasm', (route) => route.abort('failed'));
        await page.goto(ctx.server.url);
        await page.waitForSelector('[data-testid=browser-too-old]');
        const said = await page.locator('[role=alert][data-testid=browser-too-old]').textContent();
        assert(said.startsWith(start), `the message in ${locale}: ${said}`);
        assert(said.includes('Chrome') && said.includes('Safari 16.4'), 'the versions needed');
        assertEqual(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2), 'the page language');
        if (locale === 'fr-FR') await screenshot(page, 'browser-too-old');
        await opened.context.close();
      }
      // A current browser never sees it.
      const opened = await openViewer(ctx);
      assertEqual(await opened.page.locator('[data-testid=browser-too-old]').count(), 0, 'no message in Chromium');
      assertEqual(await opened.page.evaluate(() => window.browserTooOld ?? false), false, 'the check passed');
      await opened.context.close();
    },
  ],
  [
    'the single-file viewer opens from file:// with no request, and its blob: worker counts picked files like the command line',
    async (ctx) => {
      const single = path.join(ROOT, 'dist', 'active-profiles.html');
      assert(existsSync(single), `${single} exists (make dist writes it)`);
      const url = pathToFileURL(single).href;
      // The page's own file is the only "origin": any http(s) request is aborted and fails the test.
      const opened = await openPage(ctx.browser, url);
      const { page } = opened;
      const workers = [];
      page.on('worker', (w) => workers.push(w));
      await page.goto(url);
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 30_000 });
      assertEqual(await totalOnPage(page), cliReport([demoExport()]).total_active, 'the demo total');
      assertEqual(await page.locator('[data-testid=demo-banner]').count(), 1, 'the demo banner');
      assertEqual(
        await page.evaluate(() => fetch('http://example.invalid/collect').then(() => 'sent', (e) => `refused: ${e.name}`)),
        'refused: TypeError',
        'fetch to another host',
      );
      // The browser logs that refusal as two console errors; any other error still fails the test.
      assert(opened.errors.every((e) => e.includes('example.invalid')), `page errors: ${opened.errors.join(' | ')}`);
      opened.errors.length = 0;

      const first = generate('single-file-log.csv', ['--seed', '31', '--rows', '200000']);
      const second = generate('single-file-utf16.csv', ['--seed', '32', '--rows', '3000', '--encoding', 'utf-16le', '--delimiter', 'tab']);
      const expected = cliReport([first, second]);
      // The largest progress the worker reported, seen however short the run is.
      await page.evaluate(() => {
        window.__progressSeen = 0;
        new MutationObserver(() => {
          const done = Number(document.querySelector('[data-testid=progress-text]')?.dataset.value ?? 0);
          window.__progressSeen = Math.max(window.__progressSeen, done);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [first, second]));
      await assertSameReport(page, expected);
      assert(expected.total_active > 0, 'the generated files have active profiles');
      assertEqual(await page.locator('[data-testid=demo-banner]').count(), 0, 'no demo banner once files are open');
      assert(await page.evaluate(() => window.__progressSeen) > 0, 'the worker reported progress');
      // One worker, or one per core but one on a larger machine.
      assert(workers.length >= 1, 'a worker spawned');
      for (const w of workers) assert(w.url().startsWith('blob:'), `the worker runs from a blob: URL (${w.url()})`);
      assertEqual(await workers[0].evaluate(() => typeof wasm_bindgen), 'function', "the worker's glue is in its script");
      assertEqual(await page.evaluate(() => window.__activeProfilesWorker), workers[0].url(), 'spawned from the page\'s loader');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'single-file.png') }); // the first screen's height: the total and the sources

      // A run cut over two workers, each spawned from the page's blob: loader.
      const big = generate('pool-log.csv', ['--seed', '41', '--rows', '450000']);
      await page.goto(`${url}?workers=2`);
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 30_000 });
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', big));
      await assertSameReport(page, cliReport([big]));
      assert(workers.length >= 3, `a second worker after the reload (${workers.length} in all)`);
      for (const w of workers) assert(w.url().startsWith('blob:'), `every worker runs from a blob: URL (${w.url()})`);

      const others = opened.requests.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
      assertEqual(others, [], 'requests other than the file itself');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],

  // ---- Issue 18: the viewer as a first-time admin meets it ----
  [
    'while a large file is read, Explain waits for its count and answers for it, and a language change keeps the progress',
    async (ctx) => {
      const big = generate('large-1m.csv', ['--seed', '18', '--rows', '1000000']);
      const expected = cliReport([big]);
      const [key, rows] = mostFrequentKey(big);
      const opened = await openViewer(ctx);
      const { page } = opened;
      const before = await page.locator('[data-testid=report-ready]').getAttribute('data-run');
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      await page.fill('[data-testid=explain-query]', key);
      await page.click('[data-testid=explain-button]');
      await assertReading(page, 'after Explain');
      assertEqual(
        await page.locator('[data-testid=explain-pending]').textContent(),
        `“${key}” will be explained once the files are counted.`,
        'the panel says it answers once the count is done',
      );
      await page.locator('[data-testid=explain]').scrollIntoViewIfNeeded();
      await screenshot(page, 'reading-explain-pending');
      await page.selectOption('[data-testid=language]', 'de');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Aktive Profile');
      await assertReading(page, 'after a language change', before);
      await page.waitForSelector(`[data-testid=report-ready]:not([data-run="${before}"])`, { state: 'attached', timeout: 120_000 });
      await page.waitForSelector(`[data-testid=explain-answer][data-query="${key}"]`, { timeout: 60_000 });
      assertEqual(await page.locator('[data-testid=explain-row]').count(), rows, `the rows of ${key}, as in the file`);
      await assertSameReport(page, expected);
      assertEqual(await page.locator('[data-testid=demo-banner]').count(), 0, 'no demo banner');
      assertEqual(await page.locator('[data-testid=notice]').count(), 0, 'no notice');
      const de = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      assertEqual(
        await page.locator('[data-testid=count-finished]').textContent(),
        `${de(expected.rows.read)} Zeilen aus 1 Datei gezählt: ${de(expected.total_active)} aktive Profile.`,
        'the live region says the count is done, in German',
      );
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'while a large file is read, a new billing day restarts it, dropped files replace it, and Cancel goes back to the report on screen',
    async (ctx) => {
      const big = generate('large-1m.csv', ['--seed', '18', '--rows', '1000000']);
      const small = generate('dropped-while-reading.csv', ['--seed', '19', '--rows', '3000']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      // A setting changed during the read: the read starts again with it.
      await nextReport(page, async () => {
        await page.setInputFiles('input[type=file][data-testid=log-files]', big);
        await page.waitForSelector('[data-testid=progress]');
        await page.selectOption('[data-testid=billing-day]', '1');
        await assertReading(page, 'after a new billing day');
      });
      await assertSameReport(page, cliReport([big], ['--billing-day', '1']));
      // A file dropped during the read replaces it. (The input is emptied first: picking the file it
      // already holds would change nothing.)
      await page.setInputFiles('input[type=file][data-testid=log-files]', []);
      await nextReport(page, async () => {
        await page.setInputFiles('input[type=file][data-testid=log-files]', big);
        await page.waitForSelector('[data-testid=progress]');
        assert(await dropText(page, '.report-area', 'dropped-while-reading.csv', readFileSync(small, 'utf8')), 'the drop is the page\'s');
      });
      const expected = cliReport([small], ['--billing-day', '1']);
      await assertSameReport(page, expected);
      assert((await page.locator('[data-testid=sources]').textContent()).startsWith('1 log file'), 'the dropped file is the source');
      // Cancel: the report on screen stays, with its source (not the demo).
      await page.setInputFiles('input[type=file][data-testid=log-files]', []);
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      await page.click('[data-testid=cancel]');
      await page.waitForSelector('[data-testid=progress]', { state: 'detached' });
      assert((await page.locator('[data-testid=notice]').textContent()).startsWith('Cancelled'), 'a cancelled notice');
      assertEqual(await totalOnPage(page), expected.total_active, 'the previous report stays');
      assertEqual(await page.locator('[data-testid=demo-banner]').count(), 0, 'no demo banner');
      assert((await page.locator('[data-testid=sources]').textContent()).startsWith('1 log file'), 'its source is said');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'the first screen leads: Open your files is the primary action, a file dropped anywhere is counted and announced, terms are explained',
    async (ctx) => {
      const opened = await openViewer(ctx);
      const { page } = opened;
      assertEqual(await page.locator('button.primary').allTextContents(), ['Open your files'], 'the one primary button');
      assertEqual(await page.locator('#hint-deliveries').textContent(), 'Deliveries file: one row per delivery, with its channel and target dimension, for logs that lack them.', 'the deliveries file explained');
      await page.click('[data-testid=term-active] summary');
      assert((await page.locator('[data-testid=term-active] p').textContent()).startsWith('A profile (a recipient, visitor or address) that at least one delivery targeted in the 12 months'), 'an active profile explained');
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await screenshot(page, `first-screen-${width}`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      const file = generate('dropped.csv', ['--seed', '20', '--rows', '2500']);
      const expected = cliReport([file]);
      const url = page.url();
      await nextReport(page, async () => {
        assert(await dropText(page, '.report-area', 'dropped.csv', readFileSync(file, 'utf8')), 'the page took the drop (default prevented)');
      });
      assertEqual(page.url(), url, 'the browser did not navigate away');
      await assertSameReport(page, expected);
      const en = (n) => n.toLocaleString('en-US');
      assertEqual(
        await page.locator('[data-testid=count-finished]').textContent(),
        `Counted ${en(expected.rows.read)} rows from 1 file: ${en(expected.total_active)} active profiles.`,
        'the live region',
      );
      assertEqual(await page.locator('button.primary').allTextContents(), ['Download report'], 'with files open, the download leads');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a Dutch file whose date is not recognised asks for it as a routine step, offers Resultaat for the status, and counts like --map',
    async (ctx) => {
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'resultaat.csv');
      const lines = ['Recipient ID;Verzonden op;Resultaat'];
      for (let i = 1; i <= 48; i += 1) lines.push(`${i};2026-0${1 + (i % 9)}-1${i % 10};Verzonden`);
      for (let i = 49; i <= 61; i += 1) lines.push(`${i};2026-03-2${i % 10};${i % 2 ? 'Genegeerd' : 'Ignored'}`);
      writeFileSync(file, lines.join('\n') + '\n');
      const both = cliReport([file], ['--map', 'event date=Verzonden op', '--map', 'status=Resultaat']);
      const dateOnly = cliReport([file], ['--map', 'event date=Verzonden op']);
      assertEqual([both.total_active, dateOnly.total_active], [48, 61], 'the status changes the count');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await page.waitForSelector('[data-testid=mapping-optional] [data-field=status]');
      assertEqual(await page.locator('[data-testid=columns-needed] h3').textContent(), 'Which column holds the event date? (resultaat.csv)', 'the step asks');
      assertEqual(await page.locator('[data-testid=problems]').count(), 0, 'no "Files not counted" box');
      assertEqual(await page.locator('[data-testid=empty-report]').textContent(), 'No profiles counted yet. The figures appear here once delivery-log files are counted.', 'the page agrees');
      const status = page.locator('[data-testid=mapping-optional] [data-field=status]');
      assert((await status.locator('option').allTextContents()).includes('Resultaat (e.g. Verzonden, Genegeerd, Ignored)'), 'Resultaat offered with its values');
      await screenshot(page, 'mapping-dutch');
      await nextReport(page, () => status.selectOption('Resultaat'));
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="event date"]', 'Verzonden op'));
      // Genegeerd is Dutch for Ignored (README, Campaign in your language): both are excluded.
      await assertSameReport(page, both);
      assertEqual(await page.locator('[data-testid=unrecognised-row][data-field=status]').count(), 0, 'no unrecognised status');
      assertEqual(await page.locator('[data-testid=column-gap][data-field=status]').count(), 0, 'no status gap once mapped');

      // Mapped for the date only: the note next to the headline says what that means.
      const again = await openViewer(ctx);
      await nextReport(again.page, () => again.page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await again.page.waitForSelector('[data-testid=mapping-field][data-field="event date"]');
      await nextReport(again.page, () => again.page.selectOption('[data-testid=mapping-field][data-field="event date"]', 'Verzonden op'));
      await assertSameReport(again.page, dateOnly);
      assertEqual(
        await again.page.locator('[data-testid=column-gap][data-field=status]').textContent(),
        'Counted without a status column in 1 file: every row counted as sent.',
        'the note next to the headline',
      );
      await screenshot(again.page, 'column-gap-note');
      await again.page.click('[data-testid=column-gap-choose]');
      await again.page.waitForSelector('[data-testid=choose-columns] [data-field=status]');
      noRequestLeft(again);
      await again.context.close();
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'an as-of date set by hand is pinned, shown as pinned on newer files after a reload, and undone to the latest event date',
    async (ctx) => {
      const newer = generate('newer-log.csv', ['--seed', '72', '--rows', '3000', '--end', '2026-11-20']);
      const latest = cliReport([newer]);
      const pinned = cliReport([newer], ['--as-of', '2026-03-31']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      await page.fill('[data-testid=as-of]', '2026-03-31');
      await page.locator('[data-testid=as-of]').dispatchEvent('change');
      await page.waitForSelector('[data-testid=as-of-pin]');
      await page.reload();
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', newer));
      assertEqual(await page.locator('[data-testid=as-of-pin]').textContent(), 'As of 2026-03-31 (pinned)Follow the data', 'the pin is shown');
      await assertSameReport(page, pinned);
      await screenshotOf(page.locator('.settings'), 'as-of-pinned');
      await nextReport(page, () => page.click('[data-testid=as-of-follow]'));
      assertEqual(await page.locator('[data-testid=as-of-pin]').count(), 0, 'no pin once undone');
      assertEqual(await page.locator('[data-testid=as-of]').inputValue(), latest.as_of, 'the latest event date');
      await assertSameReport(page, latest);
      await page.reload();
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      assertEqual(await page.locator('[data-testid=as-of-pin]').count(), 0, 'the undo is remembered');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a time zone by name counts offset timestamps as --time-zone Europe/Paris does; an unknown zone stays marked and the report says its zone',
    async (ctx) => {
      // Events just before and after midnight, in summer (CEST, +2) and winter (CET, +1), around the billing day.
      mkdirSync(WORK, { recursive: true });
      const file = path.join(WORK, 'paris-offsets.csv');
      const lines = ['Recipient ID,Event date,Status'];
      let key = 1;
      for (const month of ['2025-11', '2025-12', '2026-01', '2026-03', '2026-06', '2026-07', '2026-09', '2026-10']) {
        for (const time of ['21:30:00Z', '22:30:00Z', '23:30:00Z', '00:30:00+00:00']) {
          const day = time.startsWith('00') ? '26' : '25';
          for (let i = 0; i < 3; i += 1) lines.push(`${key++},${month}-${day}T${time},Sent`);
        }
      }
      writeFileSync(file, lines.join('\n') + '\n');
      const utc = cliReport([file]);
      const paris = cliReport([file], ['--time-zone', 'Europe/Paris']);
      assertEqual(paris.settings.time_zone, 'Europe/Paris', 'the zone the command line states');
      assert(JSON.stringify(paris.snapshots) !== JSON.stringify(utc.snapshots), 'the zone moves events across billing days');

      const opened = await openViewer(ctx);
      const { page } = opened;
      const zone = page.locator('[data-testid=time-zone]');
      assertEqual(await zone.getAttribute('list'), 'time-zones', 'the field offers the zones');
      assert((await page.locator('#time-zones option[value="Europe/Paris"]').count()) === 1, 'Europe/Paris is offered');
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', file));
      await assertSameReport(page, utc);
      await nextReport(page, async () => {
        await zone.fill('Europe/Paris');
        await zone.press('Tab');
      });
      await assertSameReport(page, paris);

      // A zone the engine does not know: marked, said next to the field, the report counted in Paris stays.
      await nextReport(page, async () => {
        await zone.fill('Europe/Pariss');
        await zone.press('Tab');
      });
      const error = page.locator('[data-testid=time-zone-error]');
      const said =
        "time zone 'Europe/Pariss' is not known: give UTC, a fixed offset such as +02:00 or a name of the time-zone " +
        'database such as Europe/Paris. The report on screen is counted in Europe/Paris.';
      assertEqual(await error.textContent(), said, 'the message next to the field');
      assertEqual(await zone.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
      assertEqual(await zone.inputValue(), 'Europe/Pariss', 'the field keeps what was typed');
      await assertSameReport(page, paris);
      await screenshotOf(page.locator('.settings'), 'time-zone-invalid');
      // Another edit: the notice of the last action goes, the mark and the message stay.
      await nextReport(page, () => page.selectOption('[data-testid=billing-day]', '24'));
      assertEqual(await error.textContent(), said, 'the message after another edit');
      assertEqual(await zone.getAttribute('aria-invalid'), 'true', 'still marked invalid');
      assertEqual(await zone.inputValue(), 'Europe/Pariss', 'still what was typed');
      assertEqual(await totalOnPage(page), paris.total_active, 'the report counted in Paris');
      await screenshot(page, 'time-zone-invalid-page');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a workbook renamed .csv counts as the command line counts it, and a PDF dropped after it is said while the report stays',
    async (ctx) => {
      mkdirSync(WORK, { recursive: true });
      const book = path.join(WORK, 'log-book.csv');
      writeFileSync(book, readFileSync(path.join(ROOT, 'e2e', 'fixtures', 'log-book.xlsx')));
      const expected = cliReport([book]);
      assert(expected.total_active > 0, 'the workbook has active profiles');
      const opened = await openViewer(ctx);
      const { page } = opened;
      const accepted = (await page.getAttribute('[data-testid=log-files]', 'accept')).split(',');
      assert(['.xlsx', '.xls', '.ods'].every((e) => accepted.includes(e)), `the log-files picker offers workbooks (${accepted})`);
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', book));
      await assertSameReport(page, expected);
      // The empty sheet is skipped and said among the report's warnings, as the command line says it; no file is left out.
      assertEqual(await page.locator('[data-testid=problem]').count(), 0, 'nothing under "Files not counted"');
      assertEqual(
        await page.locator('[data-testid=warnings] li[data-message=warning-empty-sheet]').allTextContents(),
        ['log-book.csv › Notes: empty sheet, skipped'],
        'the empty sheet is a warning of the report',
      );
      assert(expected.warnings.includes(`${book} › Notes: empty sheet, skipped`), 'the command line says it too');
      await screenshot(page, 'workbook-counted');

      const pdf = path.join(WORK, 'report.pdf');
      writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', pdf));
      assertEqual(
        await page.locator('[data-testid=notice]').textContent(),
        'report.pdf looks like a PDF document, not a CSV export',
        'what the PDF looks like',
      );
      await assertSameReport(page, expected);
      await screenshot(page, 'pdf-after-workbook');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a workbook sheet without recognisable headers gets the mapping step with its rows, then counts like --map',
    async (ctx) => {
      const book = path.join(ROOT, 'e2e', 'fixtures', 'odd-book.xlsx');
      const expected = cliReport([book], ['--map', 'profile key=who', '--map', 'event date=when']);
      assertEqual(expected.total_active, 2, 'two profiles in the mapped sheet');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', book));
      await page.waitForSelector('[data-testid=columns-needed] [data-testid=preview]');
      assertEqual(
        await page.locator('[data-testid=columns-needed] [data-testid=mapping]').getAttribute('data-file'),
        'odd-book.xlsx › Sends',
        'the step is about the sheet',
      );
      // The preview is the sheet's CSV, its dates as the worker wrote them (not the workbook's zip bytes).
      assertEqual(await page.locator('[data-testid=preview] thead th').allTextContents(), ['who', 'when', 'what'], 'preview headers');
      assertEqual(
        await page.locator('[data-testid=preview] tbody tr').evaluateAll((rows) => rows.map((r) => r.innerText.split('\t').join(','))),
        ['A,2026-01-05,Sent', 'B,2026-02-01,Sent', 'A,2026-03-01,Sent'],
        'the preview shows the sheet\'s rows',
      );
      assertEqual(
        await page.locator('[data-testid=warnings] li[data-message=warning-empty-sheet]').allTextContents(),
        ['odd-book.xlsx › Notes: empty sheet, skipped'],
        'the empty sheet is a warning, not a problem',
      );
      await screenshot(page, 'workbook-sheet-mapping');
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="event date"]', 'when'));
      await nextReport(page, () => page.selectOption('[data-testid=mapping-field][data-field="profile key"]', 'who'));
      assertEqual(await page.locator('[data-testid=mapping]').count(), 0, 'mapping step gone once mapped');
      await assertSameReport(page, expected);
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'a PDF beside a 33 MiB export with 2 workers is said and the export counts; a large PDF alone leaves the report',
    async (ctx) => {
      // Large enough for the pool (32 MiB): cut over 2 workers; the PDF is read whole by one of them.
      const big = generate('pool-pdf-log.csv', ['--seed', '43', '--rows', '480000']);
      assert(statSync(big).size >= 33 << 20, `the export is 33 MiB or more (${statSync(big).size})`);
      const pdf = path.join(WORK, 'pool-report.pdf');
      writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
      const expected = cliReport([big]);
      const opened = await openViewer(ctx, { query: '?workers=2' });
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [big, pdf]));
      await assertSameReport(page, expected);
      assertEqual(
        await page.locator('[data-testid=problem] > p').allTextContents(),
        ['pool-report.pdf looks like a PDF document, not a CSV export'],
        'the PDF is said',
      );
      await screenshot(page, 'pool-export-and-pdf');

      // A PDF alone, large enough for the pool: the report on screen stays, and the notice says what it looks like.
      const large = path.join(WORK, 'pool-large.pdf');
      writeFileSync(large, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(33 << 20, 7)]));
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', large));
      assertEqual(
        await page.locator('[data-testid=notice]').textContent(),
        'pool-large.pdf looks like a PDF document, not a CSV export',
        'what the PDF looks like',
      );
      await assertSameReport(page, expected);
      await screenshot(page, 'pool-pdf-alone');
      // The state the report was counted from stays too: a recount with another as-of date is the command line's.
      const recounted = cliReport([big], ['--as-of', '2026-06-30']);
      await nextReport(page, async () => {
        await page.fill('[data-testid=as-of]', '2026-06-30');
        await page.locator('[data-testid=as-of]').dispatchEvent('change');
      });
      assertEqual(await totalOnPage(page), recounted.total_active, 'recounted from the state kept');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: a folder with two exportTime= snapshots is picked, every figure is the command line\'s; switch reports and back; explain an identity; the bundle opens offline',
    async (ctx) => {
      const dir = generateAep('aep-folder', ['--seed', '7', '--rows', '2500', '--dataset', 'ds-profiles']);
      const expected = cliProfiles([dir]);
      const none = cliProfiles([dir], ['--stitching', 'none']);
      assertEqual(expected.snapshots.length, 2, 'the export has two snapshots');
      const opened = await openViewer(ctx);
      const { page } = opened;
      const campaignTotal = await totalOnPage(page);
      // The tabs say what each report is and what it holds.
      assertEqual(await page.locator('[data-testid=tab-campaign]').getAttribute('aria-selected'), 'true', 'Campaign shown first');
      assertEqual(await page.locator('[data-testid=tab-profiles]').getAttribute('data-holds'), 'demo', 'Profiles holds its demo');
      // Keyboard: the chosen tab is focusable, the arrow key moves to the other.
      await page.focus('[data-testid=tab-campaign]');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-testid=profiles-page]');
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'tab-profiles', 'the focus follows the tab');
      await nextProfiles(page, () => page.setInputFiles('input[data-testid=folder-files]', dir));
      assertEqual(await page.locator('[data-testid=tab-profiles]').getAttribute('data-holds'), 'files', 'Profiles holds the files');
      assert((await page.locator('[data-testid=profiles-sources]').textContent()).startsWith('4 files of profile records'), 'the files line');
      await assertSameProfiles(page, expected, none);
      await screenshotWidths(page, 'profiles-folder');

      // Back to Campaign: its demo as it was; then Profiles again: the same figures, no read again.
      const run = await page.locator('[data-testid=profiles-ready]').getAttribute('data-run');
      await page.click('[data-testid=tab-campaign]');
      await page.waitForSelector('[data-testid=report-ready]', { state: 'attached' });
      assertEqual(await totalOnPage(page), campaignTotal, 'the Campaign report kept');
      await page.click('[data-testid=tab-profiles]');
      assertEqual(await page.locator('[data-testid=profiles-ready]').getAttribute('data-run'), run, 'no new run');
      await assertSameProfiles(page, expected, none);

      // A setting recounts from the worker's counter: stitching none is the command line's.
      await nextProfiles(page, () => page.selectOption('[data-testid=setting-stitching]', 'none'));
      assertEqual(await valueOf(page, 'profiles-total'), none.snapshots.at(-1).profiles, 'stitching none');
      await nextProfiles(page, () => page.selectOption('[data-testid=setting-stitching]', 'graph'));

      // Explain an identity: the first identity of the first record of the latest snapshot.
      const latestFolder = 'exportTime=' + expected.snapshots.at(-1).time.replace(/[-:TZ]/g, '').slice(0, 12);
      const latestFiles = readdirSync(path.join(dir, 'ds-profiles', latestFolder)).sort();
      const first = readFileSync(path.join(dir, 'ds-profiles', latestFolder, latestFiles[0]), 'utf8')
        .split('\n')
        .map((l) => { try { return JSON.parse(l); } catch { return null; } })
        .filter((r) => r && r.identityMap && Object.keys(r.identityMap).length > 0 && Object.values(r.identityMap)[0]?.[0]?.id)[50];
      const [ns, ids] = Object.entries(first.identityMap)[0];
      const asked = `${ns}:${ids[0].id}`;
      const explained = JSON.parse(execFileSync(CLI, ['profiles', '--format', 'json', '--explain', asked, dir], { encoding: 'utf8' }));
      await page.fill('[data-testid=explain-namespace]', ns);
      await page.fill('[data-testid=explain-id]', ids[0].id);
      await page.click('[data-testid=explain-identity-submit]');
      await page.waitForSelector('[data-testid=explained]');
      assert(explained.profiles.length > 0, `the command line explains ${asked}`);
      assertEqual(await page.locator('[data-testid=explained-profile]').count(), explained.profiles.length, 'profiles of the explained identity');
      for (const more of await page.locator('[data-testid=explain-identity] [data-testid=show-all]').all()) await more.click();
      assertEqual(await page.locator('[data-testid=explained-record]').count(),
        explained.profiles.reduce((n, p) => n + p.records.length, 0), 'records that joined them');
      await screenshotOf(page.locator('[data-testid=explain-identity]'), 'profiles-explained');

      // Download report: a bundle that opens offline with the figures.
      const bundle = await downloadOf(page, () => page.click('[data-testid=profiles-download]'), 'profiles-bundle.html');
      const shown = await openFile(ctx, bundle.file);
      assertEqual(await valueOf(shown.page, 'profiles-total'), expected.snapshots.at(-1).profiles, 'profiles in the bundle');
      assertEqual(await shown.page.locator('[data-testid=trend-row]').count(), 2, 'both snapshots in the bundle');
      assertEqual(shown.requests.filter((u) => !u.startsWith('file:')), [], 'requests from the bundle');
      await screenshot(shown.page, 'profiles-bundle');
      await shown.context.close();
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: two files of 37 MB cut over 2 workers give the command line\'s figures, and the second worker stops after',
    async (ctx) => {
      // Two files and 32 MiB or more: the pool gives each worker a file, the first merges the counters.
      const dir = generateAep('aep-pool', ['--seed', '9', '--rows', '50000', '--snapshots', '2', '--files', '1']);
      const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
      assertEqual(files.length, 2, 'two files');
      const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
      assert(bytes >= 32 << 20, `32 MiB or more (${bytes})`);
      const expected = cliProfiles([dir]);
      const none = cliProfiles([dir], ['--stitching', 'none']);
      let stopped = 0;
      const beforeGoto = (page) => page.on('worker', (w) => w.on('close', () => (stopped += 1)));
      const opened = await openViewer(ctx, { query: '?workers=2', beforeGoto });
      const { page } = opened;
      await page.click('[data-testid=tab-profiles]');
      await page.waitForSelector('[data-testid=profiles-ready]', { state: 'attached' });
      await nextProfiles(page, () => page.setInputFiles('input[data-testid=folder-files]', dir));
      await assertSameProfiles(page, expected, none);
      for (let i = 0; i < 300 && stopped < 1; i++) await page.waitForTimeout(100);
      assertEqual(stopped, 1, 'the second worker stopped after the run');
      // The merged counter stays in the first worker: a setting recounts from it.
      await nextProfiles(page, () => page.selectOption('[data-testid=setting-stitching]', 'none'));
      assertEqual(await valueOf(page, 'profiles-total'), none.snapshots.at(-1).profiles, 'stitching none from the merged counter');
      await screenshot(page, 'profiles-two-workers');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: the demo opens from the first screen; a mixed drop is split and said',
    async (ctx) => {
      const opened = await openViewer(ctx);
      const { page } = opened;
      const before = await page.locator('[data-testid=report-ready]').getAttribute('data-run');
      await page.click('[data-testid=open-profiles-demo]');
      await page.waitForSelector('[data-testid=profiles-demo-banner]');
      assertEqual(await page.locator('[data-testid=tab-profiles]').getAttribute('aria-selected'), 'true', 'the Profiles tab');
      // The worker generates and counts the demo: its report is there once the worker answers.
      await page.waitForSelector('[data-testid=profiles-ready]', { state: 'attached', timeout: 60_000 });
      assertEqual(await page.locator('[data-testid=trend-row]').count(), 2, 'the demo has two snapshots');
      assert((await valueOf(page, 'profiles-total')) > 0, 'the demo counts profiles');
      await page.setViewportSize({ width: 1024, height: 800 });
      await screenshot(page, 'profiles-demo-1024');
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, 'profiles-demo-1280');
      // A CSV and a file of records dropped together: each to its report, said in one sentence.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['recipientId,eventDate\n1,2026-01-05\n'], 'broadlog.csv', { type: 'text/csv' }));
        transfer.items.add(new File(['{"identityMap":{"Email":[{"id":"a@x.com"}]}}\n'], 'part-00000.json'));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await page.waitForSelector('[data-testid=notice]');
      assertEqual(
        await page.locator('[data-testid=notice]').textContent(),
        '1 delivery-log file went to Active profiles (Adobe Campaign) and 1 file of profile records to Profiles (Journey Optimizer).',
        'the split is said',
      );
      await page.waitForSelector('[data-testid=profiles-sources]');
      await page.waitForSelector('[data-testid=profiles-ready]', { state: 'attached' });
      assertEqual(await valueOf(page, 'profiles-total'), 1, 'the record counted');
      await page.click('[data-testid=tab-campaign]');
      await page.waitForSelector(`[data-testid=report-ready]:not([data-run="${before}"])`, { state: 'attached' });
      assertEqual(await page.locator('[data-testid=sources]').count(), 1, 'the log counted in the Campaign report');
      await screenshot(page, 'reports-mixed-drop');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: engageable profiles of step events and a profile snapshot, a past as-of date and a licence give the command line\'s figures',
    async (ctx) => {
      // Step events whose profiles are identities of a generated AEP export's people, and that export.
      const events = path.join(WORK, 'eng-events');
      rmSync(events, { recursive: true, force: true });
      execFileSync(CLI, ['generate', '--events', events, '--rows', '30000', '--seed', '4', '--stitch-with', '21:3000']);
      // Its latest snapshot: the files picked in the page are named without their folder.
      const aep = generateAep('eng-snapshot', ['--seed', '21', '--rows', '3000']);
      const latest = readdirSync(aep, { recursive: true }).filter((f) => f.includes('exportTime=') && !f.endsWith('.json')).sort().at(-1);
      const snapshot = path.join(aep, latest);
      const snapshotFiles = readdirSync(snapshot).filter((f) => f.endsWith('.json')).map((f) => path.join(snapshot, f));
      assertEqual(snapshotFiles.length, 2, 'two files in the latest snapshot');
      const expected = cliEngageable([events], ['--profiles', snapshot]);
      assert(expected.stitched_joined > 0, `stitching joins some profiles (${expected.stitched_joined})`);
      assert(expected.spikes.length > 0, 'the generated spike is found');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await page.click('[data-testid=tab-engageable]');
      await page.waitForSelector('[data-testid=engageable-demo-banner]');
      await page.waitForSelector('[data-testid=engageable-ready]', { state: 'attached', timeout: 60_000 });
      assert((await valueOf(page, 'eng-total')) > 0, 'the demo counts engageable profiles');
      assert((await valueOf(page, 'eng-stitched-joined')) > 0, 'the demo is stitched by the Profiles demo');
      await screenshot(page, 'engageable-demo');
      // The events, then the snapshot: each a new read.
      await nextEngageable(page, () => page.setInputFiles('input[data-testid=folder-files]', events));
      await page.waitForSelector('[data-testid=engageable-sources]');
      await assertSameEngageable(page, cliEngageable([events]));
      await nextEngageable(page, () => page.setInputFiles('input[data-testid=eng-snapshot-files]', snapshotFiles));
      await assertSameEngageable(page, expected);
      // A past as-of date and a licence: recounts from the worker's counter, no file read again.
      const asOf = '2026-08-31';
      await nextEngageable(page, () => page.fill('[data-testid=eng-setting-as-of]', asOf).then(() => page.locator('[data-testid=eng-setting-as-of]').dispatchEvent('change')));
      await assertSameEngageable(page, cliEngageable([events], ['--profiles', snapshot, '--as-of', asOf]));
      await nextEngageable(page, async () => {
        await page.fill('[data-testid=eng-setting-licensed]', '20000');
        await page.locator('[data-testid=eng-setting-licensed]').dispatchEvent('change');
      });
      const licensed = cliEngageable([events], ['--profiles', snapshot, '--as-of', asOf, '--licensed', '20000']);
      await assertSameEngageable(page, licensed);
      await screenshot(page, 'engageable-files');
      // The generated events are in two sandboxes: the chart draws a line for each, over 30 days too.
      assertEqual(licensed.sandbox_daily.map((s) => s.name), ['prod', 'dev'], 'the sandboxes of the generated events');
      licensed.daily.forEach((d, i) => {
        assertEqual(licensed.sandbox_daily.reduce((n, s) => n + s.engageable[i], 0), d.engageable, `sandboxes add up on ${d.date}`);
      });
      await screenshotOf(page.locator('#engageable-chart'), 'engageable-sandboxes');
      // The period by keyboard (a button pressed with Enter), as a keyboard user switches it.
      await page.focus('[data-testid=eng-span-30]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=eng-daily-chart][data-span="30"]');
      await assertSandboxLines(page, licensed, 30);
      await screenshotOf(page.locator('#engageable-chart'), 'engageable-sandboxes-30');
      await page.focus('[data-testid=eng-span-year]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=eng-daily-chart][data-span="year"]');
      // The JSON export is the command line's report (file names aside: the page knows them as picked).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=engageable-export-menu] summary').click().then(() => page.click('[data-testid=engageable-export-json]')),
      ]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      const strip = (r) => ({ ...r, files: [], rejected: r.rejected.map((x) => ({ ...x, file: '' })) });
      assertEqual(strip(exported), strip(licensed), 'the exported JSON');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: an events CSV whose headers are not recognised is mapped in the step (the other file counted meanwhile), counted as the command line counts it with the standard headers, and mapped by itself next time',
    async (ctx) => {
      const parts = generateEventsCsv('eng-csv-mapping', 5);
      const [header, ...rows] = readFileSync(parts[0], 'utf8').split('\n');
      assertEqual(header, 'timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun', 'the generator\'s standard header');
      // The same events under headers that no name of section 3 matches, and the second file as generated.
      const dir = freshDir('eng-mapping');
      writeFileSync(path.join(dir, 'ereignisse.csv'), ['Wann,Kunde,Reise,Umgebung,Art,Probe', ...rows].join('\n'));
      copyFileSync(parts[1], path.join(dir, 'part-00001.csv'));
      const expected = cliEngageable(parts);
      const meanwhile = cliEngageable([parts[1]]);
      const opened = await openEngageable(ctx);
      const { page } = opened;
      await nextEngageable(page, () => page.setInputFiles('input[data-testid=folder-files]', dir));
      // The step: the file's first rows, and a column for the time and the profile; the other file is counted.
      const step = page.locator('[data-testid=eng-columns-file]');
      await page.waitForSelector('[data-testid=eng-columns-file] [data-testid=preview] tbody tr');
      assertEqual(await step.count(), 1, 'one file asks for its columns');
      assertEqual(await step.getAttribute('data-file'), 'eng-mapping/ereignisse.csv', 'the file asked about');
      assertEqual(await step.locator('h3').textContent(), 'Which column holds the time, profile? (eng-mapping/ereignisse.csv)', 'the step asks');
      assertEqual(
        await step.locator('[data-testid=mapping-field]').evaluateAll((s) => s.map((x) => x.dataset.field)),
        ['time', 'profile', 'journey or campaign', 'sandbox', 'sandbox type', 'dry run'],
        'the required fields, then the optional ones',
      );
      assertEqual(await step.locator('thead th').allTextContents(), ['Wann', 'Kunde', 'Reise', 'Umgebung', 'Art', 'Probe'], 'the preview\'s headers');
      await assertSameEngageable(page, meanwhile);
      assertEqual(
        await page.locator('[data-testid=eng-file-sandbox][data-file="eng-mapping/ereignisse.csv"] [data-testid=eng-file-sandbox-waits]').count(),
        1,
        'the file list says the file waits for its columns',
      );
      // Optional fields and the time first: nothing is read until every missing field has a column.
      const run = await page.locator('[data-testid=engageable-ready]').getAttribute('data-run');
      const choose = (field, header) => step.locator(`[data-testid=mapping-field][data-field="${field}"]`).selectOption(header);
      await choose('journey or campaign', 'Reise');
      await choose('sandbox', 'Umgebung');
      await choose('sandbox type', 'Art');
      await choose('dry run', 'Probe');
      await choose('time', 'Wann');
      assertEqual(await page.locator('[data-testid=engageable-ready]').getAttribute('data-run'), run, 'no read before the profile has a column');
      await screenshot(page, 'engageable-mapping');
      await nextEngageable(page, () => choose('profile', 'Kunde'));
      assertEqual(await page.locator('[data-testid=eng-columns-needed]').count(), 0, 'the step is done');
      assertEqual(
        await page.locator('[data-testid=eng-columns-mapped]').evaluateAll((d) => d.map((x) => [x.dataset.file, x.open])),
        [['eng-mapping/ereignisse.csv', false]],
        'the columns chosen by hand can be changed (closed)',
      );
      await assertSameEngageable(page, expected);
      // Both files name their sandboxes: shown as read from the data, with nothing to set.
      const fromData = await page.locator('[data-testid=eng-file-sandbox-data]').evaluateAll((s) => s.map((x) => x.dataset.sandboxes));
      assertEqual(fromData, ['prod (production), dev (development)', 'prod (production), dev (development)'], 'sandboxes from the data');
      // Every generated event names its sandbox: nothing to set.
      assertEqual(await page.locator('[data-testid=eng-file-sandbox-name]').count(), 0, 'no sandbox to set');
      // The same headers again: the mapping chosen before is used by itself.
      await nextEngageable(page, () => page.setInputFiles('input[data-testid=folder-files]', dir));
      await page.waitForSelector('[data-testid=notice]:has-text("Columns mapped as you chose before")');
      await page.waitForSelector('[data-testid=engageable-ready]', { state: 'attached', timeout: 60_000 });
      assertEqual(await page.locator('[data-testid=eng-columns-needed]').count(), 0, 'no step the second time');
      await assertSameEngageable(page, expected);
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
  [
    'Journey Optimizer: two event files without a sandbox, the second given dev (development) in its row, give the command line\'s figures of each file with its --sandbox',
    async (ctx) => {
      // Generated CSVs without their sandbox columns.
      const parts = generateEventsCsv('eng-csv-sandboxes', 6);
      const dir = freshDir('eng-sandboxes');
      const files = ['a.csv', 'b.csv'].map((name, i) => {
        const text = readFileSync(parts[i], 'utf8');
        assert(!text.includes('"'), 'no quoted field: columns split on commas');
        const cut = text.split('\n').map((line) => (line === '' ? line : line.split(',').filter((_, c) => c !== 3 && c !== 4).join(',')));
        const file = path.join(dir, name);
        writeFileSync(file, cut.join('\n'));
        return file;
      });
      // The command line, one run per file (--sandbox applies to a run), on the as-of date of both.
      const asOf = cliEngageable(files).as_of;
      const [a, b] = [cliEngageable([files[0]], ['--sandbox', 'prod', '--as-of', asOf]), cliEngageable([files[1]], ['--sandbox', 'dev:development', '--as-of', asOf])];
      assertEqual(a.engageable.sandboxes.map((s) => s.name), ['prod'], 'the first file in prod');
      assertEqual(b.engageable.sandboxes.map((s) => [s.name, s.type]), [['dev', 'development']], 'the second in dev');
      const sandboxes = [...a.engageable.sandboxes, ...b.engageable.sandboxes].sort((x, y) => y.profiles - x.profiles || x.name.localeCompare(y.name));
      const opened = await openEngageable(ctx);
      const { page } = opened;
      await nextEngageable(page, () => page.setInputFiles('input[data-testid=folder-files]', dir));
      const row = (name) => page.locator(`[data-testid=eng-file-sandbox][data-file="eng-sandboxes/${name}"]`);
      for (const name of ['a.csv', 'b.csv']) {
        assertEqual(await row(name).locator('[data-testid=eng-file-sandbox-name]').inputValue(), 'prod', `${name}: the run's sandbox`);
        assertEqual(await row(name).locator('[data-testid=eng-file-sandbox-type]').inputValue(), 'production', `${name}: production`);
        assertEqual(await row(name).locator('[data-testid=eng-file-sandbox-data]').count(), 0, `${name}: no sandbox in the data`);
      }
      assertEqual(await valueOf(page, 'eng-development'), 0, 'everything in prod at first');
      // The second file's sandbox: its name, then its type; each reads the files again.
      await nextEngageable(page, () => row('b.csv').locator('[data-testid=eng-file-sandbox-name]').fill('dev').then(() => row('b.csv').locator('[data-testid=eng-file-sandbox-name]').dispatchEvent('change')));
      await nextEngageable(page, () => row('b.csv').locator('[data-testid=eng-file-sandbox-type]').selectOption('development'));
      assertEqual(await row('b.csv').locator('[data-testid=eng-file-sandbox-name]').inputValue(), 'dev', 'its name kept');
      assertEqual(await row('b.csv').locator('[data-testid=eng-file-sandbox-default]').count(), 0, 'its own, not the setting above');
      assertEqual(await row('a.csv').locator('[data-testid=eng-file-sandbox-default]').count(), 1, 'the first still the setting above');
      assertEqual(await valueOf(page, 'eng-total'), a.engageable.total + b.engageable.total, 'engageable tile: the sum of the two runs');
      assertEqual(await valueOf(page, 'eng-production'), a.engageable.production, 'production tile: the first file\'s');
      assertEqual(await valueOf(page, 'eng-development'), b.engageable.development, 'development tile: the second file\'s');
      assertEqual(
        await page.locator('[data-testid=eng-sandbox]').evaluateAll((list) => list.map((r) => [r.dataset.name, Number(r.querySelector('[data-value]').dataset.value)])),
        sandboxes.map((s) => [s.name, s.profiles]),
        'sandboxes table',
      );
      await screenshot(page, 'engageable-per-file-sandbox');
      noRequestLeft(opened);
      await opened.context.close();
    },
  ],
];

// E2E_ONLY=substring runs only the tests whose name contains it.
const selected = process.env.E2E_ONLY ? tests.filter(([name]) => name.includes(process.env.E2E_ONLY)) : tests;
if (selected.length === 0) {
  console.error(`no test name contains E2E_ONLY=${process.env.E2E_ONLY}`);
  process.exit(1);
}

const server = await serve(path.join(ROOT, 'dist'));
const browser = await launch();
let failed = 1;
try {
  failed = await runAll(selected, { server, browser });
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed === 0 ? 0 : 1);
