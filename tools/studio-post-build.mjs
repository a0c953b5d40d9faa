// Trunk post-build hook of the studio's page (studio/Trunk.toml), run in its staging
// directory when tools/post-build.mjs builds the studio into studio/ of the app's build:
// minifies the release JS glue, writes the studio's own service worker and its
// registration, and puts the app's strict Content-Security-Policy in the page.
//
// The studio's worker (studio/sw.js, scope studio/) precaches the studio's files and what
// its page fetches from the app (the packs, the studio's packs, the built-in instrument
// files, and the built-in check's file in each language), with their revisions, so one version of all of it installs and takes over
// together, and the studio opens offline once visited. The app's own worker precaches
// none of it: the app's visitors never download the studio.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { minifyGlue, writePolicy, writeWorker } from './page.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const glue = fs.readdirSync(dir).filter((f) => /^rapport-studio-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one rapport-studio-*.js in ${dir}, found ${glue.join(', ') || 'none'}`);
if (process.env.TRUNK_PROFILE === 'release') await minifyGlue(dir, glue[0]);

// The app's build this one goes into (tools/post-build.mjs gives studio/ of its staging
// directory as this build's dist; Trunk stages in .stage inside it).
const app = path.resolve(dir, '..', '..');
// The built-in check's file per language (instruments/partnership-health/) comes with
// each pack: the studio's words are the app's.
const fromApp = ['lang', path.join('lang', 'studio'), 'instruments', path.join('instruments', 'partnership-health')].flatMap((folder) =>
  fs.readdirSync(path.join(app, folder)).filter((f) => f.endsWith('.json')).map((f) => path.join(folder, f)));
if (!fromApp.includes(path.join('lang', 'studio', 'en.json'))) throw new Error(`no studio packs in ${app}: is this the app's build?`);
const revision = (file) => crypto.createHash('md5').update(fs.readFileSync(path.join(app, file))).digest('hex');
await writeWorker(dir, {
  globPatterns: ['**/*.{html,js,wasm,css,svg}'],
  globIgnores: ['sw.js'],
  additionalManifestEntries: fromApp.map((file) => ({ url: `../${file.split(path.sep).join('/')}`, revision: revision(file) })),
  cacheId: 'rapport-studio',
});

const index = path.join(dir, 'index.html');
// Registered once the page has loaded; not inside a frame, as the app's.
const { code } = await minify(
  `if ("serviceWorker" in navigator && top === self) addEventListener("load", () => navigator.serviceWorker.register("sw.js").catch(() => {}));`,
  { compress: true, mangle: true },
);
const html = fs.readFileSync(index, 'utf8');
if (!html.includes('</head>')) throw new Error('studio/index.html has no </head> to put the registration before');
fs.writeFileSync(index, html.replace('</head>', `<script>${code}</script></head>`));
writePolicy(index);
