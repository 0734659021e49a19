// The end-to-end harness: serves dist/ on a free 127.0.0.1 port, opens pages in
// Debian's Chromium through playwright-core, records every request, and fails a
// test when any request goes anywhere but the local server.

import http from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves `dir` on 127.0.0.1 at a port the system picks; resolves to { url, close }. */
export async function serve(dir) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Chromium as this machine runs it: headless, no sandbox as root, no background traffic. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh page whose requests are all recorded; `offsite` lists those that
 * left `origin` (they are aborted, and the test fails on them). `locale`
 * (e.g. 'de-DE') is the browser's language; the default is Playwright's en-US.
 */
/** Pages opened by the test that is running; runAll fails the test when one sent a request off the local server. */
let pagesOfTest = [];

export async function openPage(browser, origin, { locale, expectOffsite = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const requests = [];
  const offsite = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const opened = { context, page, requests, offsite, errors };
  if (!expectOffsite) pagesOfTest.push(opened);
  return opened;
}

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource = null;

/**
 * Runs axe-core on the page and throws when it finds any violation, of any impact: the message
 * names the state (`what`), each rule id with its impact and help, and the elements it found
 * (their selectors and axe's reason for the first ones). axe is put into the page from
 * node_modules with addScriptTag (no network); a page with a Content-Security-Policy, which refuses
 * an inline script (the viewer, a bundle), gets the same source through evaluate, which the policy
 * does not govern.
 */
export async function assertAccessible(page, what) {
  axeSource ??= await readFile(AXE, 'utf8');
  const [loaded, policy] = await page.evaluate(() => [
    typeof window.axe === 'object',
    document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null,
  ]);
  if (!loaded) {
    // An inline script refused by the page's policy would be logged as a page error: such a page
    // gets the source through evaluate.
    if (policy) await page.evaluate(axeSource);
    else await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async () => {
    // axe scrolls elements into view to measure them; the page is left where the test had it.
    const [x, y] = [window.scrollX, window.scrollY];
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    window.scrollTo(x, y);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), why: [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ') })),
    }));
  });
  if (violations.length > 0) {
    const lines = violations.map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `\n      ${n.target}${n.why ? ` (${n.why})` : ''}`).join('');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `\n    ${v.id} [${v.impact}] ${v.help}: ${v.nodes.length} element(s)${nodes}${more}`;
    });
    throw new Error(`axe found ${violations.length} rule(s) violated in ${what}:${lines.join('')}`);
  }
}

/** Throws when the page is wider than its window (a horizontal scroll bar), naming the widest elements. */
export async function assertNoOverflow(page, what) {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  });
  if (found) {
    throw new Error(`${what}: the page is ${found.scroll} px wide in a window of ${found.client} px; it overflows at ${found.wide.join(', ') || 'an element outside the body'}`);
  }
}

/**
 * Saves a full-page screenshot as target/screenshots/NAME.png, then checks the state it shows:
 * no horizontal overflow, and no accessibility violation found by axe.
 */
export async function screenshot(page, name) {
  if (!existsSync(SCREENSHOTS)) await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const width = page.viewportSize()?.width;
  await assertNoOverflow(page, `screenshot ${name} (${width} px wide)`);
  await assertAccessible(page, `screenshot ${name} (${width} px wide)`);
  return file;
}

/** Saves a screenshot of one element as target/screenshots/NAME.png, then checks its page with axe. */
export async function screenshotOf(locator, name) {
  if (!existsSync(SCREENSHOTS)) await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await locator.screenshot({ path: file });
  await assertAccessible(locator.page(), `screenshot ${name}`);
  return file;
}

/** The widths every layout is checked at: a wide screen, a laptop, a phone. */
export const WIDTHS = [1440, 1280, 390];

/**
 * Saves NAME-1440.png, NAME-1280.png and NAME-390.png (full page) with the window that wide,
 * checking overflow and axe at each, then gives the page its window back.
 */
export async function screenshotWidths(page, name) {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  const files = [];
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // Let the layout settle (a resize re-lays out the charts' wide and narrow forms).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      files.push(await screenshot(page, `${name}-${width}`));
    }
  } finally {
    await page.setViewportSize(before);
  }
  return files;
}

export function assertEqual(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function assert(condition, what) {
  if (!condition) throw new Error(what);
}

/** Runs the tests in order; prints one line each and the closing `N passed, N failed`. */
export async function runAll(tests, context) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of tests) {
    if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) continue;
    const started = Date.now();
    pagesOfTest = [];
    try {
      await fn(context);
      // Every test fails on any request that left the local server, whether it checked or not.
      const offsite = pagesOfTest.flatMap((p) => p.offsite);
      if (offsite.length > 0) throw new Error(`requests that left the local server: ${offsite.join(', ')}`);
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').join('\n     ')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
