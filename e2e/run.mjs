// The end-to-end suite: the built viewer (dist/) in real Chromium, checked
// against the command line's JSON for the same data. Exits non-zero on failure.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot, screenshotOf, assertEqual, assert, runAll } from './harness.mjs';

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

/** Opens the viewer (in a browser speaking `options.locale`, if given) and waits until its report is on screen. */
async function openViewer(ctx, options = {}) {
  const opened = await openPage(ctx.browser, ctx.server.url, options);
  await opened.page.goto(ctx.server.url);
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

/** The Customer-metrics rows on the page, oldest first as report.json lists them. */
async function snapshotsOnPage(page) {
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

function noRequestLeft(opened) {
  assertEqual(opened.offsite.length, 0, `requests that left the local server (${opened.offsite.join(', ')})`);
  assertEqual(opened.errors.length, 0, `page errors (${opened.errors.join(' | ')})`);
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
      assertEqual(expected.rejected.map((r) => r.reason), ['event date 31/02/2026 is not a date', 'no profile key and no address'], 'the JSON keeps the English reasons');
      const opened = await openViewer(ctx);
      const { page } = opened;
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', [file, bad]));
      const reasons = page.locator('[data-testid=rejected-row] td:nth-child(3)');
      assertEqual((await reasons.allTextContents()).map((t) => t.trim()), expected.rejected.map((r) => r.reason), 'English first');

      await page.selectOption('[data-testid=language]', 'nl');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Actieve profielen');
      assertEqual(
        (await reasons.allTextContents()).map((t) => t.trim()),
        ['gebeurtenisdatum 31/02/2026 is geen datum', 'geen profielsleutel en geen adres'],
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
      const problem = await page.locator('[data-testid=problem]').textContent();
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
      await screenshot(page, 'choose-columns');
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
      const summary = await page.locator('[data-testid=explain-summary]').textContent();
      assert(/^(Active on 2026-10-24 in |Not active on 2026-10-24 in )/.test(summary), `summary: ${summary}`);
      await screenshotOf(page.locator('[data-testid=explain]'), 'explain');
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
      const big = generate('big-log.csv', ['--seed', '5', '--rows', '1500000']);
      const opened = await openViewer(ctx);
      const { page } = opened;
      const before = await totalOnPage(page);
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      await page.waitForSelector('[data-testid=progress]');
      await screenshot(page, 'progress');
      await page.click('[data-testid=cancel]');
      await page.waitForSelector('[data-testid=progress]', { state: 'detached' });
      assert((await page.locator('[data-testid=notice]').textContent()).startsWith('Cancelled'), 'a cancelled notice');
      assertEqual(await totalOnPage(page), before, 'the previous report stays');
      // The page still works: a small file counts after the cancelled run.
      const small = generate('after-cancel.csv', ['--seed', '12', '--rows', '500']);
      const expected = cliReport([small]);
      await nextReport(page, () => page.setInputFiles('input[type=file][data-testid=log-files]', small));
      assertEqual(await totalOnPage(page), expected.total_active, 'total of the file counted after cancelling');
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
      const started = page.waitForEvent('worker');
      await page.setInputFiles('input[type=file][data-testid=log-files]', big);
      const worker = await started;
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
];

const server = await serve(path.join(ROOT, 'dist'));
const browser = await launch();
let failed = 1;
try {
  failed = await runAll(tests, { server, browser });
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed === 0 ? 0 : 1);
