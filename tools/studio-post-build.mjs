// Trunk post-build hook of the studio's page (studio/Trunk.toml), run in its staging
// directory when tools/post-build.mjs builds the studio into the app's build: minifies
// the release JS glue, registers the app's service worker and keeps the studio's files
// for offline use, and puts the app's strict Content-Security-Policy in the page.
//
// The app's service worker does not precache the studio (the app's visitors never load
// it): this page puts its own files, and the studio's packs, in the cache the worker
// answers the studio's requests from ("rapport-studio"), once the worker is ready, and
// drops what an older build put there.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { minifyGlue, writePolicy } from './page.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const glue = fs.readdirSync(dir).filter((f) => /^rapport-studio-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one rapport-studio-*.js in ${dir}, found ${glue.join(', ') || 'none'}`);
if (process.env.TRUNK_PROFILE === 'release') await minifyGlue(dir, glue[0]);

const index = path.join(dir, 'index.html');
const languages = JSON.parse(fs.readFileSync(new URL('../core/data/languages.json', import.meta.url), 'utf8'));
const files = [
  './',
  ...fs.readdirSync(dir).filter((f) => f !== 'index.html' && !f.startsWith('.')),
  ...languages.map((l) => `../lang/studio/${l.tag}.json`),
];
// The app's service worker, one folder up: its scope covers the studio. Not in a frame.
const { code } = await minify(
  `if ("serviceWorker" in navigator && top === self) addEventListener("load", () => {
    const wanted = ${JSON.stringify(files)}.map((f) => new URL(f, location.href).href);
    navigator.serviceWorker.register("../sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then(() => caches.open("rapport-studio"))
      .then((cache) => cache.addAll(wanted).then(() => cache.keys())
        .then((kept) => Promise.all(kept.filter((r) => !wanted.includes(r.url)).map((r) => cache.delete(r)))))
      .catch(() => {});
  });`,
  { compress: true, mangle: true },
);
const html = fs.readFileSync(index, 'utf8');
if (!html.includes('</head>')) throw new Error('studio/index.html has no </head> to put the registration before');
fs.writeFileSync(index, html.replace('</head>', `<script>${code}</script></head>`));
writePolicy(index);
