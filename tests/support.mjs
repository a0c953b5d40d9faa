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
export const instrument = JSON.parse(
  fs.readFileSync(path.join(root, 'core/data/partnership-health.json'), 'utf8'),
);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves dist/ on 127.0.0.1 with gzip, as a static host would. Compressed bodies are
 * cached, so timings measure the browser, not this server's compression. */
export async function serve(dir = dist) {
  const gzipped = new Map();
  const gzip = (file, body) => {
    const key = `${file}:${fs.statSync(file).mtimeMs}`;
    if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
    return gzipped.get(key);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(dir, decodeURIComponent(url.pathname));
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
    const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzip(file, body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
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

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

/** The first-load files (HTML, JS, wasm, CSS) with raw and gzip sizes. */
export function firstLoadSizes(dir = dist) {
  const files = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f));
  return files.map((f) => {
    const bytes = fs.readFileSync(path.join(dir, f));
    return { file: f, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
}
