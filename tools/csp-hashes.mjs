// Trunk post-build hook: replaces 'unsafe-inline' in the page's script-src with
// the SHA-256 hashes of the inline scripts trunk wrote (its wasm loader), so
// that no other inline script can run. Run by Trunk.toml.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hashes: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const csp = /(script-src [^;"]*?)'unsafe-inline'/;
if (!csp.test(html)) {
  console.error("csp-hashes: index.html has no script-src with 'unsafe-inline' to replace");
  process.exit(1);
}
writeFileSync(file, html.replace(csp, `$1${hashes.join(' ')}`));
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash`);
