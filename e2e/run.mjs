// The end-to-end suite: the built viewer (dist/) in real Chromium, checked
// against the command line's JSON for the same data. Exits non-zero on failure.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot, assertEqual, assert, runAll } from './harness.mjs';

const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const CLI = path.join(TARGET, 'release', 'active-profiles');
const WORK = path.join(ROOT, 'target', 'e2e');

/** The command line's report (JSON) for the given files. */
function cliReport(files, args = []) {
  const out = execFileSync(CLI, ['report', '--format', 'json', ...args, ...files], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Writes the engine's embedded demo export to a file, through the engine's own example. */
function demoExport() {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, 'demo-export.csv');
  const bytes = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'active-profiles-engine', '--example', 'demo_export'], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  writeFileSync(file, bytes);
  return file;
}

/** Opens the viewer and waits until its report is on screen. */
async function openViewer(ctx) {
  const opened = await openPage(ctx.browser, ctx.server.url);
  await opened.page.goto(ctx.server.url);
  await opened.page.waitForSelector('[data-testid=total-active]', { timeout: 30_000 });
  return opened;
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
      const tile = page.locator('[data-testid=total-active]');
      assertEqual(await tile.getAttribute('data-value'), String(expected.total_active), 'total-active data-value');
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
      const opened = await openPage(ctx.browser, ctx.server.url);
      const refused = opened.page.waitForEvent('requestfailed');
      await opened.page.setContent('<img src="http://example.invalid/pixel.png">');
      await refused;
      assertEqual(opened.offsite.join(), 'http://example.invalid/pixel.png', 'offsite requests recorded');
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
