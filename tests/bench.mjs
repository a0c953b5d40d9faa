// Benchmark (not a test): first-load bytes and the time from navigation to the first
// statement being clickable, with Start clicked as soon as it shows, in headless Chromium
// with 4x CPU throttling over cold loads. Run by `./dev bench` after a release build, or
// directly with `node tests/bench.mjs` when dist/ is already built.
import fs from 'node:fs';
import { codeFor, dist, firstLoadSizes, launch, languages, pack, packSize, serve } from './support.mjs';

const RUNS = 10;
const CPU_THROTTLE = 4;
const RUN_TIMEOUT_MS = 20_000;

/** "Start" in every language: the button the page clicks as soon as it shows. */
const STARTS = languages.map((l) => pack(l.tag).messages.start);

// Runs in the page before any of its scripts. Clicking from inside the page avoids a
// Playwright round-trip between "Start shows" and "Start is clicked".
const inPage = (starts) => {
  let clicked = false;
  const check = () => {
    if (!clicked) {
      const start = [...document.querySelectorAll('button')].find((b) => starts.includes(b.textContent.trim()));
      if (start) {
        clicked = true;
        window.__startClicked = performance.now();
        start.click();
      }
    }
    const radio = document.querySelector('input[type=radio]');
    if (radio && !radio.disabled) {
      window.__firstClickable = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
};

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);
const ms = (n) => `${n.toFixed(0)} ms`;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function printSizes() {
  const sizes = firstLoadSizes();
  const kind = (f) => f.match(/\.(html|js|wasm|css)$/)[1];
  const order = ['html', 'js', 'wasm', 'css'];
  sizes.sort((a, b) => order.indexOf(kind(a.file)) - order.indexOf(kind(b.file)));
  const width = Math.max(...sizes.map((s) => s.file.length), 'total'.length);
  console.log('First-load files in dist/ (gzip level 9)');
  console.log(`  ${padEnd('kind', 5)} ${padEnd('file', width)} ${pad('raw bytes', 12)} ${pad('gzip bytes', 12)}`);
  for (const s of sizes) {
    console.log(`  ${padEnd(kind(s.file), 5)} ${padEnd(s.file, width)} ${pad(s.raw, 12)} ${pad(s.gzip, 12)}   (${kb(s.raw)} / ${kb(s.gzip)})`);
  }
  const raw = sizes.reduce((t, s) => t + s.raw, 0);
  const gzip = sizes.reduce((t, s) => t + s.gzip, 0);
  console.log(`  ${padEnd('', 5)} ${padEnd('total', width)} ${pad(raw, 12)} ${pad(gzip, 12)}   (${kb(raw)} / ${kb(gzip)})`);
  for (const k of order) {
    if (!sizes.some((s) => kind(s.file) === k)) throw new Error(`no .${k} file in ${dist}`);
  }
  console.log('\nLanguage packs in dist/lang/ (gzip level 9), and the first load with each');
  for (const { tag } of languages) {
    const p = packSize(tag);
    console.log(`  ${padEnd(tag, 5)} ${pad(p.raw, 8)} raw ${pad(p.gzip, 8)} gzip   first load ${pad(gzip + p.gzip, 8)} bytes gzip (${kb(gzip + p.gzip)})`);
  }
}

/** One real, unthrottled load (Start clicked, first statement shown): what went over the wire. */
async function measureWire(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    await context.addInitScript(inPage, STARTS);
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(url, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => window.__firstClickable !== undefined, null, { timeout: RUN_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: RUN_TIMEOUT_MS });
    const rows = [];
    for (const r of responses) {
      const sizes = await r.request().sizes();
      rows.push({
        path: new URL(r.url()).pathname,
        status: r.status(),
        encoding: (await r.allHeaders())['content-encoding'] ?? 'identity',
        body: sizes.responseBodySize,
        headers: sizes.responseHeadersSize,
      });
    }
    const width = Math.max(...rows.map((r) => r.path.length), 'total'.length);
    console.log('\nOver the wire in one real load (unthrottled, through the first statement showing)');
    console.log(`  ${padEnd('request', width)} ${pad('status', 6)} ${padEnd('encoding', 8)} ${pad('body bytes', 12)} ${pad('header bytes', 12)}`);
    for (const r of rows) {
      console.log(`  ${padEnd(r.path, width)} ${pad(r.status, 6)} ${padEnd(r.encoding, 8)} ${pad(r.body, 12)} ${pad(r.headers, 12)}`);
    }
    const body = rows.reduce((t, r) => t + r.body, 0);
    const headers = rows.reduce((t, r) => t + r.headers, 0);
    console.log(`  ${padEnd('total', width)} ${pad('', 6)} ${padEnd('', 8)} ${pad(body, 12)} ${pad(headers, 12)}`);
    console.log(`  ${rows.length} requests; response bodies as transferred: ${body} bytes (${kb(body)}); with headers: ${body + headers} bytes`);
    const failed = rows.filter((r) => r.status >= 400);
    if (failed.length) throw new Error(`failed requests: ${failed.map((r) => `${r.path} ${r.status}`).join(', ')}`);
  } finally {
    await context.close();
  }
}

/** One cold load with the CPU throttled: ms from navigation start to the first radio being clickable. */
async function timedRun(browser, url, locale) {
  const context = await browser.newContext({ locale });
  const errors = [];
  try {
    await context.addInitScript(inPage, STARTS);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    const result = await withTimeout(
      (async () => {
        await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
        await page.waitForFunction(() => window.__firstClickable !== undefined, null, {
          timeout: RUN_TIMEOUT_MS,
          polling: 50,
        });
        return page.evaluate(() => ({ start: window.__startClicked, clickable: window.__firstClickable }));
      })(),
      'waiting for the first statement',
    );
    if (result.start === undefined) throw new Error('a radio showed but Start was never clicked');
    return result;
  } catch (e) {
    if (errors.length) e.message += `\n  page errors: ${errors.join(' | ')}`;
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * Time from inserting an `embed=1` iframe into a host page until the first statement is
 * clickable inside it (Start clicked from inside the frame as soon as it shows), with
 * the same CPU throttling as above. The host page is on the app's origin so it can read
 * the frame's clock; times are on the shared absolute clock (timeOrigin + now).
 */
async function timedEmbed(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    await context.addInitScript(inPage, STARTS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${url}embed.js`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    const inserted = await page.evaluate((src) => {
      document.body.innerHTML = '';
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width: 800px; height: 600px; border: 0';
      const at = performance.timeOrigin + performance.now();
      document.body.append(frame);
      return at;
    }, `${url}?embed=1`);
    const frameTimes = await withTimeout(
      page.waitForFunction(
        () => {
          const w = document.querySelector('iframe').contentWindow;
          return w.__firstClickable !== undefined && {
            welcome: w.performance.timeOrigin + w.__startClicked,
            clickable: w.performance.timeOrigin + w.__firstClickable,
          };
        },
        null,
        { timeout: RUN_TIMEOUT_MS, polling: 50 },
      ).then((h) => h.jsonValue()),
      'waiting for the first statement in the iframe',
    );
    return { start: frameTimes.welcome - inserted, clickable: frameTimes.clickable - inserted };
  } finally {
    await context.close();
  }
}

const COMPARE_CODES = 1000;

/**
 * Time from pressing Compare with 1,000 pasted codes until the team view is in the page
 * (decoding, scoring, aggregating and rendering), and until the next frame is painted.
 * Unthrottled, `RUNS` times in one page.
 */
async function measureCompare(browser, url) {
  // Varied answers (a fixed pseudo-random sequence), so the work is realistic.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 6;
  const codes = Array.from({ length: COMPARE_CODES }, () => codeFor(() => next()));
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    // Two codes first (side by side), so each run replaces that view with the team view.
    times.push(
      await page.evaluate(async ([two, many]) => {
        const form = document.querySelector('form.compare-form');
        const codes = document.getElementById('codes');
        const teamHeading = () => [...document.querySelectorAll('h2')].find((h) => h.textContent.startsWith('Team view of'));
        codes.value = two;
        form.requestSubmit();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        if (teamHeading()) throw new Error('the two-code comparison did not replace the team view');
        codes.value = many;
        return new Promise((resolve) => {
          let inDom;
          const observer = new MutationObserver(() => {
            const heading = teamHeading();
            if (heading && inDom === undefined) {
              inDom = performance.now() - start;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve({ inDom, painted: performance.now() - start, heading: heading.textContent })));
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          const start = performance.now();
          form.requestSubmit();
        });
      }, [codes.slice(0, 2).join('\n'), codes.join('\n')]),
    );
  }
  await context.close();
  return times;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: build first (./dev build)`);
  printSizes();

  const server = await serve();
  let browser;
  try {
    browser = await launch();
    console.log(`\nChromium ${browser.version()}, headless`);
    await measureWire(browser, server.url);

    // English and French loads alternate, so whatever else the machine does weighs on both.
    const locales = ['en-GB', 'fr-FR'];
    console.log(
      `\nNavigation → first statement clickable (Start clicked as soon as it shows), ` +
        `browser locale ${locales.join(' and ')} in turn, ${CPU_THROTTLE}x CPU throttling, ${RUNS} cold loads each`,
    );
    const times = Object.fromEntries(locales.map((l) => [l, []]));
    for (let i = 1; i <= RUNS; i++) {
      for (const locale of locales) {
        let r;
        try {
          r = await timedRun(browser, server.url, locale);
        } catch (e) {
          throw new Error(`${locale} run ${i}: ${e.message}`);
        }
        times[locale].push(r.clickable);
        console.log(`  ${locale} run ${pad(i, 2)}: ${pad(ms(r.clickable), 8)}   (Start clicked at ${ms(r.start)})`);
      }
    }
    for (const locale of locales) {
      const sorted = [...times[locale]].sort((a, b) => a - b);
      console.log(`  ${locale} median ${ms(median(sorted))}, min ${ms(sorted[0])}, max ${ms(sorted[sorted.length - 1])}`);
    }

    console.log(`\nIframe inserted → first statement clickable inside it (embed=1), ${CPU_THROTTLE}x CPU throttling, ${RUNS} cold loads`);
    const embeds = [];
    for (let i = 1; i <= RUNS; i++) {
      const r = await timedEmbed(browser, server.url);
      embeds.push(r.clickable);
      console.log(`  run ${pad(i, 2)}: ${pad(ms(r.clickable), 8)}   (Start clicked at ${ms(r.start)})`);
    }
    const embedSorted = [...embeds].sort((a, b) => a - b);
    console.log(`  median ${ms(median(embeds))}, min ${ms(embedSorted[0])}, max ${ms(embedSorted[embedSorted.length - 1])}`);

    console.log(`\nCompare ${COMPARE_CODES} pasted codes (Compare pressed → team view in the page / painted), unthrottled, ${RUNS} runs`);
    const compares = await measureCompare(browser, server.url);
    for (const [i, c] of compares.entries()) {
      console.log(`  run ${pad(i + 1, 2)}: ${pad(ms(c.inDom), 8)} in the page, ${pad(ms(c.painted), 8)} painted   (${c.heading})`);
    }
    console.log(`  median ${ms(median(compares.map((c) => c.inDom)))} in the page, ${ms(median(compares.map((c) => c.painted)))} painted`);
  } finally {
    if (browser) await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`\nbench failed: ${e.message}`);
  process.exitCode = 1;
});
