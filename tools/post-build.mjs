// Trunk post-build hook (see Trunk.toml), run in Trunk's staging directory:
// 1. in release builds, minifies the wasm-bindgen JavaScript (Trunk's own minifier fails
//    on its `export default`) and updates its integrity hash in index.html;
// 2. writes rapport.js, the stable script a host page loads to mount Rapport into its
//    <div data-rapport> elements (the app's own files carry content hashes);
// 3. writes the built-in check once per language (instruments/partnership-health/<tag>.json,
//    from the six-language file), takes its words out of the packs and minifies them (the
//    instrument files stay as written), and adds to index.html (and rapport.js) the few
//    lines that start loading the visitor's pack and check while the wasm loads, rather
//    than after it;
// 4. adds the service worker's registration to index.html (not to rapport.js: a mount
//    never registers one on its host's origin);
// 4b. writes the welcome screen and the first step into index.html, in every language:
//    the app itself renders them in Chromium, once per pack, and the page shows the copy
//    in the visitor's language at the first paint, and its first step on a press on
//    Start, so answering begins before the wasm arrives; the stylesheet goes inline, so
//    no round trip blocks it;
// 5. puts a strict Content-Security-Policy in index.html, with the hash of every inline
//    script (the pack preload, Trunk's start-up module, the registration);
// 5b. builds the studio (studio/index.html, its own wasm) into studio/ of this build, with
//    Trunk and studio/Trunk.toml: the app's visitors never load it;
// 6. writes the service worker, sw.js, with workbox-build: it precaches every file of
//    the app (not the studio's, which has its own), so Rapport opens with no network
//    after one visit. Last, as it hashes index.html as it is finally written.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { minify } from 'terser';
import { minifyGlue, writePolicy, writeWorker } from './page.mjs';
import http from 'node:http';
import { chromium } from 'playwright-core';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const files = fs.readdirSync(dir);
const find = (re) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${dir}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const js = find(/^rapport-app-[0-9a-f]+\.js$/);
const wasm = find(/^rapport-app-[0-9a-f]+_bg\.wasm$/);
const css = find(/^style-[0-9a-f]+\.css$/);

// The built-in check's current version, one file a language: the app reads a visitor's
// language only, through the same reader as any instrument file (src/words.rs). Written
// by the core (`instruments split`), each that language alone.
const repo = new URL('..', import.meta.url);
const builtIn = JSON.parse(fs.readFileSync(path.join(dir, 'instruments', 'partnership-health.json'), 'utf8'));
const byLanguage = path.join(dir, 'instruments', builtIn.id);
{
  const args = ['run', '--quiet', '-p', 'rapport-core', '--example', 'instruments', '--', 'split', path.join(dir, 'instruments', 'partnership-health.json'), byLanguage];
  const split = spawnSync('cargo', args, { stdio: 'inherit', cwd: repo });
  if (split.status !== 0) throw new Error(`the built-in check was not written once per language (cargo ${args.join(' ')})`);
}
const builtInIn = (tag) => JSON.parse(fs.readFileSync(path.join(byLanguage, `${tag}.json`), 'utf8'));

// Language packs (the app's and the studio's): minified, and their tags listed for the
// preload below. The app's packs keep the interface words and the older versions' words:
// the current version's are in its files above, and a visitor would download them twice.
// Instrument files stay as written: people read them, and the studio starts from them
// (minifying saves 2.5 % once gzipped).
const languages = JSON.parse(fs.readFileSync(new URL('../core/data/languages.json', import.meta.url), 'utf8'));
const tags = languages.map((l) => l.tag);
for (const tag of tags) {
  if (!fs.existsSync(path.join(byLanguage, `${tag}.json`))) throw new Error(`instruments/partnership-health.json has no ${tag}: export it anew`);
  const file = path.join(dir, 'lang', `${tag}.json`);
  const pack = JSON.parse(fs.readFileSync(file, 'utf8'));
  const versions = pack.instruments[builtIn.id];
  if (!versions?.[builtIn.version]) throw new Error(`the ${tag} pack has no words for ${builtIn.id} ${builtIn.version}`);
  delete versions[builtIn.version];
  fs.writeFileSync(file, JSON.stringify(pack));
  const studio = path.join(dir, 'lang', 'studio', `${tag}.json`);
  fs.writeFileSync(studio, JSON.stringify(JSON.parse(fs.readFileSync(studio, 'utf8'))));
}
// Guesses the language the app will choose (src/lib.rs, core language::choose: the
// person's earlier choice, then the host's lang setting, then the browser's languages)
// and preloads that pack, so it downloads beside the wasm. A wrong guess costs one spare
// download, never a wrong language: the app decides.
//
// On Rapport's own page (`page`), the same lines also get the first screens ready to
// show before the app runs: the page takes the guessed language, its direction (so the
// copies written below show in it), its title, the digits of the visitor's region, and
// the theme and frame look the address asks for. Start shows the copy's first step at
// once, its statements answered with the page's own radio inputs, unless the app must
// decide what Start does: a check under way (the stored draft has answers), a link that
// opens a result, or no step in this copy; then the press waits for the app. Next and
// Enter on an answer wait for the app too; Back returns to the welcome; a language
// picked is remembered and shown in its own copy, with the name and the answers given.
// The app reads all of it when it starts (src/host.rs, take_over_first_screen). They
// read the stored draft, never write it.
const dirs = Object.fromEntries(languages.map((l) => [l.tag, l.dir]));
const titles = Object.fromEntries(
  languages.map(({ tag }) => {
    const words = JSON.parse(fs.readFileSync(path.join(dir, 'lang', `${tag}.json`), 'utf8'));
    // The version new checks use: its file's.
    return [tag, `${words.messages.brand} · ${builtInIn(tag).title[tag]}`];
  }),
);
// The copies are written in each language's own locale (languages.json), in ASCII digits.
// A visitor whose browser asks for a region that writes other digits (Arabic in Egypt:
// ١٠, not 10), or whose engine writes other digits for the language itself (WebKitGTK's
// ICU writes Arabic-Indic digits for plain "ar", Chromium's and Firefox's Latin ones),
// gets them as the app will write them (it picks the locale as `language::locale` does,
// and the engine's own Intl writes it), in the frame before the first paint, so the app's
// take-over changes nothing. Only for the languages some locale writes with other digits
// (found with this machine's Intl): the others never pay for Intl before the first paint.
const allDigits = (locale) => [...'0123456789'].map((d) => new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(d))).join('');
const varying = [];
for (const { tag, locale } of languages) {
  if (allDigits(locale) !== '0123456789') throw new Error(`the ${tag} copies would not be written in ASCII digits (${locale}: ${allDigits(locale)})`);
  const regions = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((a) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((b) => `${tag}-${a}${b}`));
  if (regions.some((l) => allDigits(l) !== '0123456789')) varying.push(tag);
}
const locales = Object.fromEntries(languages.map((l) => [l.tag, l.locale]));
const early =
  `const root=document.documentElement,query=new URLSearchParams(location.search),theme=query.get("theme"),` +
  `dirs=${JSON.stringify(dirs)},titles=${JSON.stringify(titles)},copyOf=(t)=>document.querySelector('.pre[data-pre="'+t+'"]'),` +
  `inCopy=(s)=>copyOf(tag)?.querySelector(s);` +
  `const asked=(navigator.languages||[navigator.language]).find((t)=>t.includes("-")&&t.split("-")[0].toLowerCase()===tag);let digits="";` +
  `if(${JSON.stringify(varying)}.includes(tag))try{const f=new Intl.NumberFormat(asked||${JSON.stringify(locales)}[tag],{useGrouping:false});for(let n=0;n<10;n++)digits+=f.format(n)}catch(x){}` +
  `if(digits.length===10&&digits!=="0123456789"){const own=(s)=>s.replace(/[0-9]/g,(n)=>digits[n]),write=()=>{const copy=copyOf(tag);if(!copy)return;` +
  `const walk=document.createTreeWalker(copy,4);for(let n;(n=walk.nextNode());)n.data=own(n.data);` +
  `for(const e of copy.querySelectorAll("[aria-valuetext]"))e.setAttribute("aria-valuetext",own(e.getAttribute("aria-valuetext")))};` +
  // Before every frame while the page is still being read, and once it is read: a
  // frame may show part of the page before the rest arrives, and no frame may show the
  // copy's digits before they are the region's.
  `const frame=()=>{write();document.readyState==="loading"&&requestAnimationFrame(frame)};` +
  `requestAnimationFrame(frame);addEventListener("DOMContentLoaded",write)}` +
  `const show=()=>{root.lang=tag;root.dir=dirs[tag];document.title=titles[tag]};show();` +
  `if(theme==="light"||theme==="dark")root.dataset.theme=theme;` +
  `if(["1","true",""].includes(query.get("embed")))root.classList.add("embed");` +
  // The site owner's own instrument: the copies show the built-in check, so they wait.
  `if(query.has("instrument"))root.dataset.instrument="";` +
  `let wait=!!location.hash.slice(1);try{const d=localStorage.getItem(prefix+".draft");if(d!==null){wait=true;wait=Object.keys(JSON.parse(d).data.answers).length>0}}catch(x){}` +
  `addEventListener("submit",(e)=>{const f=e.target;if(!f.closest(".pre"))return;e.preventDefault();` +
  `if(f.matches(".statements"))return root.dataset.next="pressed";const step=!wait&&inCopy(".step h1");` +
  `root.dataset.start=step?"shown":"pressed";step&&step.focus()},true);` +
  `addEventListener("keydown",(e)=>{if(e.key==="Enter"&&e.target.matches(".pre .step input")){e.preventDefault();root.dataset.next="pressed"}},true);` +
  `addEventListener("click",(e)=>{if(e.target.closest(".pre .step .secondary")){delete root.dataset.start;delete root.dataset.next;inCopy(".welcome h1").focus()}},true);` +
  // A link of the copy to another setting of the app (the pulse) keeps the page's own
  // (embed, theme, lang, storage key), as the app's links do (browser::with_setting).
  `addEventListener("click",(e)=>{const a=e.target.closest('.pre a[href^="?"]');if(!a)return;const q=new URLSearchParams(location.search);` +
  `for(const[k,v]of new URLSearchParams(a.getAttribute("href").slice(1)))q.set(k,v);a.setAttribute("href","?"+q.toString().replaceAll("%2F","/"))},true);` +
  `addEventListener("change",(e)=>{const picked=e.target.closest(".pre select");if(!picked)return;try{localStorage.setItem(key,picked.value)}catch(x){}` +
  `const from=copyOf(tag),to=copyOf(picked.value);if(!to)return location.reload();tag=picked.value;` +
  `for(const i of from.querySelectorAll("input")){const j=to.querySelector(i.type==="radio"?'[name="'+i.name+'"][value="'+i.value+'"]':"input[type=text]");` +
  `if(j)i.type==="radio"?j.checked=i.checked:j.value=i.value}show();to.querySelector("select").focus()},true);`;
// The built-in check's file in the same language goes beside the pack (src/words.rs,
// built_in_file: the same address).
const preload = (setting, key, packs, checks, page = false) => `(()=>{const tags=${JSON.stringify(tags)};let chosen=null;` +
  // A storage key the app would refuse (core/src/embed.rs, MAX_KEY_CHARS) is no key.
  `const given=${key},prefix=/^[A-Za-z0-9_-]{1,32}$/.test(given||"")?"rapport-"+given:"rapport",key=prefix+".language";` +
  `try{chosen=localStorage.getItem(key)}catch(e){}` +
  `const wanted=[chosen,${setting},...(navigator.languages||[navigator.language])];` +
  `let tag=wanted.map((t)=>String(t||"").split(/[-_]/)[0].toLowerCase()).find((t)=>tags.includes(t))||tags[0];` +
  `for(const folder of [${packs},${checks}]){const link=document.createElement("link");link.rel="preload";link.as="fetch";link.crossOrigin="anonymous";` +
  `link.href=folder+tag+".json";if(!document.querySelector('link[href="'+link.href+'"]'))document.head.append(link)}` +
  (page ? early : '') + `})()`;
{
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const query = 'new URLSearchParams(location.search)';
  const { code: preloadCode } = await minify(preload(`${query}.get("lang")`, `${query}.get("storage-key")`, '"lang/"', JSON.stringify(`instruments/${builtIn.id}/`), true), { compress: true, mangle: true });
  const script = `<script>${preloadCode}</script>`;
  if (!html.includes('</title>')) throw new Error('index.html has no </title> to put the pack preload after');
  fs.writeFileSync(index, html.replace('</title>', `</title>${script}`));
}

if (process.env.TRUNK_PROFILE === 'release') await minifyGlue(dir, js);

// Registers sw.js once the page has loaded (so it never competes with the first screen).
// Not inside a frame: an iframe embed runs from the network, as the host page does. When
// a new version has installed while an older one controls this page, it tells the app
// (an attribute for an app not started yet, an event for one that runs); the app's
// Reload notice answers with rapport:reload, and the page reloads once the new version
// has taken over, so files of two versions are never mixed.
const register = `(()=>{
  if (!("serviceWorker" in navigator) || top !== self) return;
  addEventListener("load", () => navigator.serviceWorker.register("sw.js").then((registration) => {
    const ready = () => {
      if (!navigator.serviceWorker.controller) return;
      document.documentElement.dataset.update = "ready";
      dispatchEvent(new Event("rapport:update"));
    };
    if (registration.waiting) ready();
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker && worker.addEventListener("statechange", () => worker.state === "installed" && ready());
    });
    addEventListener("rapport:reload", () => {
      const waiting = registration.waiting;
      if (!waiting) return location.reload();
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      waiting.postMessage({ type: "SKIP_WAITING" });
    });
  }).catch(() => {}));
})()`;
{
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const { code } = await minify(register, { compress: true, mangle: true });
  if (!html.includes('</head>')) throw new Error('index.html has no </head> to put the registration before');
  fs.writeFileSync(index, html.replace('</head>', `<script>${code}</script></head>`));
}

// The first step written into the page must be the one the app would show: the current
// version's first dimension, every statement with its six answers, in this language's
// words. A mismatch stops the build; a visitor never answers a step the app cannot read.
// As `outerHTML` writes text.
const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\u00a0', '&nbsp;');
const data = new URL('../core/data/', import.meta.url);
const current = Math.max(...fs.readdirSync(data).map((f) => f.match(/^partnership-health-(\d+)\.json$/)?.[1]).filter(Boolean).map(Number));
const structure = JSON.parse(fs.readFileSync(new URL(`partnership-health-${current}.json`, data), 'utf8')).dimensions[0];
function checkStep(step, tag) {
  const words = JSON.parse(fs.readFileSync(path.join(dir, 'lang', `${tag}.json`), 'utf8'));
  const file = builtInIn(tag);
  if (file.version !== current) throw new Error(`instruments/partnership-health.json is version ${file.version}, not ${current}: export it anew`);
  const dimension = file.dimensions[0];
  const statementText = Object.fromEntries(dimension.statements.map((s) => [s.id, s.text[tag]]));
  const missing = [];
  const expect = (what, found) => found || missing.push(what);
  expect(`the first dimension, ${structure.id}`, dimension.id === structure.id);
  for (const text of [dimension.name, dimension.description, ...file.scale.labels, file.scale.dontKnow].map((t) => t[tag])) expect(text, step.includes(escape(text)));
  const line = escape(words.messages.step_of)
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(step|total)\}/g, '[^<{}]+');
  expect('the progress line', new RegExp(`class="step-of">${line}</p>`).test(step));
  const statements = structure.statements.map((s) => s.id);
  for (const id of statements) {
    expect(statementText[id], step.includes(escape(statementText[id])));
    for (const value of [1, 2, 3, 4, 5, 0]) expect(`answer ${value} to ${id}`, step.includes(`name="answer-${id}" value="${value}"`));
  }
  const names = new Set([...step.matchAll(/name="answer-([^"]+)"/g)].map((m) => m[1]));
  expect(`only the statements ${statements.join(', ')}`, names.size === statements.length);
  expect('no answer given', !/\schecked\b/.test(step));
  if (missing.length) throw new Error(`the ${tag} first step written into index.html does not match version ${current} of the questionnaire: ${missing.join('; ')}`);
}

// The welcome screen in the first paint. The release app is served from this staging
// folder and opened in Chromium once per language (`?lang=`, a fresh profile): what it
// renders is written into index.html, one copy per language, each shown only when the
// page's language (set by the lines above) is its own. The app replaces the copies with
// itself when it starts (src/host.rs, take_over_first_screen), keeping what was typed.
async function renderWelcome(dir, publicUrl) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const file = path.join(dir, decodeURIComponent(pathname.slice(publicUrl.length)) || 'index.html');
    if (!pathname.startsWith(publicUrl) || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${publicUrl}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const screens = [];
  try {
    for (const language of languages) {
      const context = await browser.newContext({ locale: language.locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${url}?lang=${language.tag}`);
      await page.locator('.screen.welcome h1').waitFor({ timeout: 30000 });
      // A copy of what the app shows, made to sit beside the other languages' copies.
      const copy = ([selector, tag]) => {
        // Yew sets `selected` as a property; the copy needs it as an attribute.
        for (const option of document.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
        const parts = [...document.querySelectorAll(selector)].map((e) => e.cloneNode(true));
        // Ids carry the language, so each copy's labels and descriptions point into the
        // same copy (six copies share one page until the app takes over).
        const own = (ids) => ids.split(' ').map((id) => `${id}-${tag}`).join(' ');
        for (const part of parts) {
          for (const e of [part, ...part.querySelectorAll('*')].filter((e) => e.matches('[id], [for], [aria-describedby], [aria-labelledby], a[href^="#"]'))) {
            for (const name of ['id', 'for', 'aria-describedby', 'aria-labelledby']) {
              if (e.hasAttribute(name)) e.setAttribute(name, own(e.getAttribute(name)));
            }
            if (e.matches('a[href^="#"]')) e.setAttribute('href', `#${own(e.getAttribute('href').slice(1))}`);
          }
        }
        // Links to the app keep the visitor's settings, not the build's own `lang`.
        for (const part of parts) {
          for (const a of part.querySelectorAll('a[href^="?"]')) {
            const query = new URLSearchParams(a.getAttribute('href').slice(1));
            query.delete('lang');
            a.setAttribute('href', `?${query.toString().replaceAll('%2F', '/')}`);
          }
        }
        // A browser restores no earlier answers into a copy: what it holds was done now.
        for (const part of parts) for (const form of part.querySelectorAll('form')) form.setAttribute('autocomplete', 'off');
        return parts.map((e) => e.outerHTML).join('');
      };
      const html = await page.evaluate(copy, ['body > :not(script, noscript, #first-screen)', language.tag]);
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (lang !== language.tag || errors.length) throw new Error(`the ${language.tag} welcome did not render: lang ${lang}, ${errors.join('; ')}`);
      // The first step, as Start shows it: the page shows this copy on a press on Start
      // before the app runs. Its heading keeps no id: the welcome's has it.
      await page.locator('.screen.welcome button[type=submit]').click();
      await page.locator('.screen.step fieldset.statement').first().waitFor({ timeout: 30000 });
      const step = (await page.evaluate(copy, ['.screen.step', language.tag])).replace(/(<h1) id="[^"]*"/, '$1');
      checkStep(step, language.tag);
      if (errors.length) throw new Error(`the ${language.tag} first step did not render: ${errors.join('; ')}`);
      // After the welcome, inside the same <main>.
      const at = html.indexOf('</main>');
      if (at < 0) throw new Error(`the ${language.tag} welcome has no </main> to put the first step in`);
      screens.push(`<div class=pre data-pre=${language.tag} lang=${language.tag} dir=${language.dir}>${html.slice(0, at)}${step}${html.slice(at)}</div>`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return screens.join('');
}
{
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  const welcome = await renderWelcome(dir, process.env.TRUNK_PUBLIC_URL || '/');
  const place = html.match(/<div[^>]*\bid="?first-screen"?[^>]*><\/div>/);
  if (!place) throw new Error('index.html has no #first-screen to put the welcome screen in');
  html = html.replace(place[0], () => welcome);
  // The stylesheet inline, with the rule that shows only the copy in the page's language.
  const link = html.match(new RegExp(`<link[^>]*href=[^ >]*${css.replace('.', '\\.')}[^>]*>`));
  if (!link) throw new Error(`index.html does not link ${css}`);
  // The first step once the page's lines above have shown it, else the welcome; neither
  // with a site owner's own instrument (the copies are the built-in check's).
  const shown =
    tags.map((t) => `html:not([lang=${t}]) .pre[data-pre=${t}]`).join(',') +
    ',html:not([data-start=shown]) .pre .step,html[data-start=shown] .pre .welcome,' +
    'html[data-instrument] .pre .welcome,html[data-instrument] .pre .step{display:none}.pre{display:contents}';
  const style = fs.readFileSync(path.join(dir, css), 'utf8').trim() + shown;
  html = html.replace(link[0], () => `<style>${style}</style>`);
  fs.writeFileSync(index, html);
}

// A strict Content-Security-Policy, as early in <head> as a meta may be (tools/page.mjs).
writePolicy(path.join(dir, 'index.html'));

const loader = `// Rapport: mounts into every element with a data-rapport attribute on this page, each
// in its own shadow root so that neither page's styles reach the other. Generated at build.
const base = new URL('.', import.meta.url);
const packs = new URL('lang/', base).href;
const checks = new URL(${JSON.stringify(`instruments/${builtIn.id}/`)}, base).href;
for (const host of document.querySelectorAll('[data-rapport]')) {
  if (host.shadowRoot) continue;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(${JSON.stringify(css)}, base).href;
  const root = document.createElement('div');
  root.className = 'rapport-root embed';
  root.dataset.packs = packs;
  shadow.append(style, root);
  ${preload('host.dataset.lang', 'host.dataset.storageKey', 'packs', 'checks')};
}
const { default: init } = await import(new URL(${JSON.stringify(js)}, base).href);
await init({ module_or_path: new URL(${JSON.stringify(wasm)}, base) });
`;
fs.writeFileSync(path.join(dir, 'rapport.js'), loader);

// The studio, a page of its own in studio/ (tools/studio-post-build.mjs finishes it), in
// the same profile and under the same public URL.
{
  const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
  const args = ['build', '--config', 'studio/Trunk.toml', '--dist', path.join(dir, 'studio'), '--public-url', `${publicUrl}studio/`];
  if (process.env.TRUNK_PROFILE === 'release') args.push('--release');
  const built = spawnSync('trunk', args, { stdio: 'inherit', cwd: repo });
  if (built.status !== 0) throw new Error(`the studio did not build (trunk ${args.join(' ')})`);
}

// The app's service worker (tools/page.mjs): every file of the app, precached under its
// revision. rapport.js and embed.js are for host pages.
{
  await writeWorker(dir, {
    globPatterns: ['**/*.{html,js,wasm,css,json,svg,png,webmanifest}'],
    // The studio's files are not the app's: the studio has a worker of its own
    // (studio/sw.js, tools/studio-post-build.mjs), which controls its page.
    globIgnores: ['rapport.js', 'embed.js', 'sw.js', 'studio/**', 'lang/studio/**'],
  });
}
