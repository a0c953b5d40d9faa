// What the build does alike to each page it writes (index.html, studio/index.html): the
// release JS glue minified, a strict Content-Security-Policy with the hash of every
// inline script and style, and a service worker that precaches the page's files. Used
// by tools/post-build.mjs and tools/studio-post-build.mjs.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { generateSW } from 'workbox-build';

/** Minifies the wasm-bindgen JavaScript `js` in `dir` (Trunk's own minifier fails on its
 * `export default`) and updates its integrity hash in `dir`/index.html. */
export async function minifyGlue(dir, js) {
  const file = path.join(dir, js);
  const before = fs.readFileSync(file);
  const { code } = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
  fs.writeFileSync(file, code);
  // The page checks the script against its hash: replace the old hash with the new one.
  const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  if (!html.includes(sri(before))) throw new Error(`index.html does not carry the integrity hash of ${js}`);
  fs.writeFileSync(index, html.replaceAll(sri(before), sri(code)));
}

// Only this site's files, the wasm compiled by the browser, and the inline scripts and
// styles whose hashes are given.
const policy = (hashes, styleHashes) => [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.map((h) => `'sha256-${h}'`).join(' ')}`,
  `style-src 'self' ${styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the strict policy in the page `index` as early in <head> as a meta may be.
 * tests/e2e/policy.test.mjs checks it, and that nothing in the app or studio breaks it. */
export function writePolicy(index) {
  const html = fs.readFileSync(index, 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const sha256 = (code) => crypto.createHash('sha256').update(code, 'utf8').digest('base64');
  const hashes = inline.map(sha256);
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  if (/\sstyle=/.test(html)) throw new Error(`${index} has an inline style attribute, which the policy blocks`);
  const meta = `<meta http-equiv=Content-Security-Policy content="${policy(hashes, styleHashes)}">`;
  const charset = html.match(/<meta charset=[^>]*>/i);
  if (!charset) throw new Error(`${index} has no <meta charset> to put the policy after`);
  fs.writeFileSync(index, html.replace(charset[0], charset[0] + meta));
}

/** Writes `dir`/sw.js with workbox-build: it precaches `options.globPatterns` in `dir`
 * (and any `additionalManifestEntries`), served cache-first; a new build is a new sw.js,
 * installed in the background. Query strings all open the one index.html. The runtime
 * is bundled into sw.js itself: nothing comes from a CDN. */
export async function writeWorker(dir, options) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    swDest: path.join(dir, 'sw.js'),
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Hashed file names are their own revision. Trunk writes the hash in hex without
    // leading zeros: 16 digits most of the time, fewer one build in sixteen or so.
    dontCacheBustURLsMatching: /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/,
    ...options,
  });
  for (const w of warnings) console.warn(`workbox: ${w}`);
  console.log(`${path.join(dir, 'sw.js')} precaches ${count} files, ${size} bytes`);
}
