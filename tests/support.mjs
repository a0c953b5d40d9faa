// Shared by the end-to-end tests and the benchmark: a static server for dist/ and a
// Chromium launcher that never downloads a browser.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = path.join(root, 'dist');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
/** Every language Rapport speaks, as listed for the app. */
export const languages = readJson('core/data/languages.json');
/** A language's pack, as shipped. */
export const pack = (tag) => readJson(`core/data/lang/${tag}.json`);

/** The versions of the questionnaire, oldest first: `core/data/partnership-health-<n>.json`. */
export const versions = fs
  .readdirSync(path.join(root, 'core/data'))
  .map((f) => /^partnership-health-(\d+)\.json$/.exec(f)?.[1])
  .filter(Boolean)
  .map(Number)
  .sort((a, b) => a - b);
/** The version new checks use. */
export const currentVersion = versions[versions.length - 1];

/** The questionnaire in one language: a version's structure with that pack's words, in
 * the shape the app shows (dimension names, statement texts, scale labels, advice by
 * band and by statement). */
export function instrumentIn(tag, version = currentVersion) {
  const structure = readJson(`core/data/partnership-health-${version}.json`);
  const words = pack(tag).instruments[structure.id][version];
  return {
    ...structure,
    title: words.title,
    intro: words.intro,
    scale: { agreement: words.agreement, dont_know: words.dont_know },
    dimensions: structure.dimensions.map((d) => {
      const w = words.dimensions[d.id];
      const advice = d.advice.map((a) => ({ ...a, text: w.advice[a.id] }));
      const band = (b) => advice.filter((a) => a.band === b).map((a) => a.text);
      return {
        ...d,
        name: w.name,
        description: w.description,
        advice,
        recommendations: { concern: band('concern'), discuss: band('discuss'), strength: band('strength')[0] },
        statements: d.statements.map((s) => ({ ...s, text: w.statements[s.id] })),
      };
    }),
  };
}

export const instrument = instrumentIn('en');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on 127.0.0.1 with gzip, as a static host would. Compressed bodies are
 * cached, so timings measure the browser, not this server's compression. `files` adds
 * files of the tests' own by path (`{'/x.js': {type, body}}`); `hold(pathname)` may
 * return a promise the answer waits for (a file that arrives late). */
export async function serve(dir = dist, { prefix = '/', host = '127.0.0.1', rewrite, headers: extra = {}, files = {}, hold } = {}) {
  const gzipped = new Map();
  const gzip = (file, body) => {
    const key = `${file}:${fs.statSync(file).mtimeMs}:${body.length}`;
    if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
    return gzipped.get(key);
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    await hold?.(url.pathname);
    const own = files[url.pathname];
    if (own) {
      res.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-store' }).end(own.body);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    if (rewrite && file.endsWith('.html')) body = Buffer.from(rewrite(body.toString('utf8')));
    // Any origin may load the files, as from GitHub Pages (host pages mount Rapport from there).
    const headers = {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...(file.endsWith('.html') ? extra : {}),
    };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzip(file, body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://${host}:${port}`;
  return { url: `${origin}${prefix}`, origin, close: () => server.close() };
}

/**
 * Runs `check` (assertions on what the page shows or stores) until it passes, and fails
 * with its last error after `timeout` ms: for a state an action brings about a render, a
 * frame or a storage write later, so a test asserts that very state once it is there,
 * never a neighbour that arrived first. Returns what `check` returns.
 */
export async function eventually(check, { timeout = 10_000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Reports every Content-Security-Policy violation, in every frame, as a console error,
 * which the tests' problem lists collect: no test passes with a violation in it. */
const reportPolicyViolations = () =>
  addEventListener('securitypolicyviolation', (e) =>
    console.error(`policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));

export async function launch() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(reportPolicyViolations);
    return context;
  };
  return browser;
}

/** A built file's raw and gzip sizes (`file` in dist/). */
function sizeOf(file, dir) {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** A built language pack's raw and gzip sizes (dist/lang/<tag>.json). */
export const packSize = (tag, dir = dist) => sizeOf(`lang/${tag}.json`, dir);

/** The built-in check's file in a language, as built
 * (dist/instruments/partnership-health/<tag>.json): loaded beside the pack. */
export const checkSize = (tag, dir = dist) => sizeOf(`instruments/partnership-health/${tag}.json`, dir);

/** The first-load files (HTML, JS, wasm, CSS) with raw and gzip sizes. */
export function firstLoadSizes(dir = dist) {
  // embed.js and rapport.js are for host pages; the app never loads them. sw.js is
  // fetched after the page has loaded, for the next visit. The stylesheet is inline in
  // index.html: the file is for mounts only.
  const files = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm)$/.test(f) && !['embed.js', 'rapport.js', 'sw.js'].includes(f));
  return files.map((f) => {
    const bytes = fs.readFileSync(path.join(dir, f));
    return { file: f, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
}

// An independent JavaScript encoder of result codes (format 1, see core/src/code.rs):
// the tests make codes for made-up partners with it, and it cross-checks the Rust one.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const statements = instrument.dimensions.flatMap((d) => d.statements);

/** `answer(statement, index)` gives 1–5, 0 for Don't know, or null for no answer. */
export function codeFor(answer, name = '') {
  const values = statements.map((s, i) => answer(s, i) ?? 6);
  let body = `RP1.${instrument.code}${instrument.version}.`;
  for (let i = 0; i < values.length; i += 2) body += ALPHABET[values[i] * 7 + (values[i + 1] ?? 6)];
  if (name) body += '.' + Buffer.from(name, 'utf8').toString('base64url');
  let h = 1;
  for (const b of Buffer.from(body, 'utf8')) h = (h * 257 + b) % 262139;
  return `${body}.${[12, 6, 0].map((s) => ALPHABET[(h >> s) & 63]).join('')}`;
}

/** A code answering every plain statement `level` and every reversed one `6 - level`,
 * so each dimension scores exactly `level`. */
export function codeAt(level, name = '') {
  return codeFor((s) => (s.reversed ? 6 - level : level), name);
}

