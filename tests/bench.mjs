// Benchmark (not a test): first-load bytes and the time from navigation to the first
// statement being clickable, with Start clicked as soon as it shows, in headless Chromium
// with 4x CPU throttling over cold loads. Run by `./dev bench` after a release build, or
// directly with `node tests/bench.mjs` when dist/ is already built. `node tests/bench.mjs
// <part>` runs one part: loads, embed, compare, mobile, interactions or lighthouse.
// BENCH_ALL=1 also prints every interaction's duration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSize, codeFor, dist, firstLoadSizes, instrumentIn, launch, languages, pack, packSize, serve } from './support.mjs';

const RUNS = 10;
const CPU_THROTTLE = 4;
const RUN_TIMEOUT_MS = 20_000;
/** Whole checks whose clicks are pooled for the interaction figures. */
const INTERACTION_RUNS = 3;
/** The pauses before and after each click in those checks: a quick person's pace. */
const CLICK_GAP_MS = 150;
/** The Lighthouse the bench runs (npm exec fetches it once; the tests never need it). 13.x
 * needs Node 22; this machine has Node 20. */
const LIGHTHOUSE = '12.8.2';

/** "Start" in every language: the button the page clicks as soon as it shows. */
const STARTS = languages.map((l) => pack(l.tag).messages.start);

// Runs in the page before any of its scripts. Clicking from inside the page avoids a
// Playwright round-trip between "Start shows" and "Start is clicked".
const inPage = (starts) => {
  let clicked = false;
  const check = () => {
    // Once the page is parsed, as a person's press comes after the page shows.
    if (!clicked && document.readyState !== 'loading') {
      const start = [...document.querySelectorAll('button')].find((b) => starts.includes(b.textContent.trim()) && b.checkVisibility());
      if (start) {
        clicked = true;
        window.__startClicked = performance.now();
        start.click();
        // The frame after the press: is the first step in it?
        requestAnimationFrame(() => {
          window.__startFrame = performance.now() - window.__startClicked;
          window.__stepInFrame = !!document.querySelector('.step h1')?.checkVisibility();
        });
      }
    }
    // The first statement's radio on screen (the page's own step 1 holds hidden ones).
    const radio = [...document.querySelectorAll('input[type=radio]')].find((r) => r.checkVisibility());
    if (radio && !radio.disabled && window.__firstClickable === undefined) window.__firstClickable = performance.now();
    // The app has taken over from the page's own copy.
    if (clicked && !document.querySelector('.pre') && window.__firstClickable !== undefined) {
      window.__takenOver = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('readystatechange', check);
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
  const kind = (f) => f.match(/\.(html|js|wasm)$/)[1];
  // The stylesheet is inline in index.html.
  const order = ['html', 'js', 'wasm'];
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
  console.log('\nEach language\'s words (gzip level 9): its pack (dist/lang/) and its questionnaire file');
  console.log('(dist/instruments/partnership-health/), and the first load with them');
  for (const { tag } of languages) {
    const [p, c] = [packSize(tag), checkSize(tag)];
    const total = gzip + p.gzip + c.gzip;
    console.log(`  ${padEnd(tag, 5)} pack ${pad(p.gzip, 6)} + file ${pad(c.gzip, 6)} gzip   first load ${pad(total, 8)} bytes gzip (${kb(total)})`);
  }
}

/** One real, unthrottled load (Start clicked, the app running): what went over the wire. */
async function measureWire(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    await context.addInitScript(inPage, STARTS);
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(url, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => window.__takenOver !== undefined, null, { timeout: RUN_TIMEOUT_MS });
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

// Lighthouse's mobile profile, applied in the browser: 562.5 ms round trip, 1,474.56 kbit/s
// down, 675 kbit/s up, CPU 4x. Files come gzip-compressed, as from GitHub Pages.
const MOBILE = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

async function throttled(context, page, { offline = false } = {}) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, ...MOBILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  return cdp;
}

/** Paint and readiness times of one load, read in the page (ms from navigation start). */
const loadTimes = () =>
  new Promise((resolve) => {
    const wait = () => {
      if (window.__takenOver === undefined) return setTimeout(wait, 50);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      new PerformanceObserver((list) => {
        const lcp = list.getEntries().at(-1)?.startTime;
        resolve({ fcp, lcp, start: window.__startClicked, clickable: window.__firstClickable, frame: window.__startFrame, inFrame: window.__stepInFrame, app: window.__takenOver });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    };
    wait();
  });

/**
 * The mobile profile: cold loads (a new profile each), then a repeat visit with the
 * service worker warm, then one with no network at all. "Welcome visible" is the first
 * contentful paint (the welcome screen is in the HTML); Start is pressed the moment it
 * shows; then the first statement's radio becomes clickable.
 */
async function mobileProfile(browser, url) {
  const cold = [];
  const warm = [];
  for (let i = 1; i <= RUNS; i++) {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 412, height: 823 }, isMobile: true });
    try {
      await context.addInitScript(inPage, STARTS);
      const page = await context.newPage();
      await throttled(context, page);
      await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
      const first = await page.evaluate(loadTimes);
      cold.push(first);
      // The service worker installs after the load; then a repeat visit.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const again = await context.newPage();
      await throttled(context, again);
      await again.goto(url, { waitUntil: 'commit', timeout: 60_000 });
      const second = await again.evaluate(loadTimes);
      // And with no network at all.
      const offline = await context.newPage();
      await throttled(context, offline, { offline: true });
      await offline.goto(url, { waitUntil: 'commit', timeout: 60_000 });
      const third = await offline.evaluate(loadTimes);
      warm.push({ ...second, offline: third.clickable });
      console.log(
        `  run ${pad(i, 2)}: welcome visible ${pad(ms(first.fcp), 7)}, Start pressed ${pad(ms(first.start), 7)}, ` +
          `first statement ${pad(ms(first.clickable), 7)} (${first.inFrame ? 'in' : 'NOT in'} the frame after Start, ${ms(first.frame)}), app ${pad(ms(first.app), 7)}, ` +
          `LCP ${pad(ms(first.lcp), 7)} | repeat visit ${pad(ms(second.clickable), 6)} (app ${ms(second.app)}) | offline ${pad(ms(third.clickable), 6)}`,
      );
    } finally {
      await context.close();
    }
  }
  const m = (list, key) => ms(median(list.map((r) => r[key])));
  console.log(
    `  median: welcome visible ${m(cold, 'fcp')}, Start pressed ${m(cold, 'start')}, first statement clickable ${m(cold, 'clickable')}, ` +
      `LCP ${m(cold, 'lcp')}, app taken over ${m(cold, 'app')}, step 1 in the frame after Start in ${cold.filter((r) => r.inFrame).length} of ${cold.length} (median ${m(cold, 'frame')} after the press); ` +
      `repeat visit ${m(warm, 'clickable')} (app ${m(warm, 'app')}); offline ${m(warm, 'offline')}`,
  );
}

/**
 * Start, every answer click, Next and See results in whole checks at 4x CPU, measured by the
 * browser's Event Timing (the event's duration, as INP counts it: input to next paint).
 */
async function interactions(browser, url) {
  const pooled = {};
  for (let run = 0; run < INTERACTION_RUNS; run++) {
    for (const [kind, durations] of Object.entries(await interactionsInCheck(browser, url))) (pooled[kind] ??= []).push(...durations);
  }
  for (const [kind, durations] of Object.entries(pooled)) {
    const sorted = durations.sort((a, b) => a - b);
    const over = sorted.filter((d) => d > 16).length;
    console.log(`  ${padEnd(kind, 12)} ${pad(sorted.length, 3)} clicks: median ${ms(median(sorted))}, 90th percentile ${ms(sorted[Math.ceil(sorted.length * 0.9) - 1])}, worst ${ms(sorted.at(-1))} (${over} over 16 ms)`);
    if (process.env.BENCH_ALL) console.log(`    ${sorted.join(' ')}`);
  }
}

/** One check's clicks: their Event Timing durations by kind (Start, answer, Next, See results). */
async function interactionsInCheck(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    await context.addInitScript(() => {
      // An entry's target is gone once the element has left the page (Next and See
      // results replace their own button), so the kind of each event is noted as it
      // happens, by its time stamp, which is the entry's start time.
      const kinds = new Map();
      const kindOf = (target) => (target?.closest?.('label, input[type=radio]') ? 'answer' : (target?.textContent ?? '').trim());
      for (const type of ['pointerdown', 'pointerup', 'click']) addEventListener(type, (e) => kinds.set(e.timeStamp, kindOf(e.target)), true);
      window.__events = [];
      const keep = (entries) => {
        for (const e of entries) {
          if (e.name === 'click' || e.name === 'pointerup' || e.name === 'pointerdown') {
            window.__events.push({ name: e.name, kind: kinds.get(e.startTime) ?? kindOf(e.target), duration: e.duration, id: e.interactionId });
          }
        }
      };
      const observer = new PerformanceObserver((list) => keep(list.getEntries()));
      observer.observe({ type: 'event', durationThreshold: 16, buffered: true });
      // Entries queued for the observer but not yet handed to its callback.
      window.__takeEvents = () => keep(observer.takeRecords());
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => !document.querySelector('.pre'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    const instrument = instrumentIn('en');
    instrument.agreement = instrument.scale.agreement;
    instrument.dimensions = Object.fromEntries(instrument.dimensions.map((d) => [d.id, { statements: Object.fromEntries(d.statements.map((s) => [s.id, s.text])) }]));
    const dimensions = Object.keys(instrument.dimensions).length;
    const statementCount = Object.values(instrument.dimensions).reduce((n, d) => n + Object.keys(d.statements).length, 0);
    const agree = instrument.agreement.indexOf('Agree');
    // Clicks go to where the controls are, scrolled into view, at a person's pace: a
    // locator's click would run Playwright's own checks in the page's main thread.
    const click = async (selector, index) => {
      const { x, y } = await page.evaluate(
        ([selector, index]) => {
          const el = document.querySelectorAll(selector)[index];
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        },
        [selector, index],
      );
      await page.waitForTimeout(CLICK_GAP_MS);
      await page.mouse.click(x, y);
      await page.waitForTimeout(CLICK_GAP_MS);
    };
    await click('form button[type=submit]', 0);
    let heading = '';
    for (let step = 0; step < dimensions; step++) {
      // The step's own heading, then its statements.
      heading = await page
        .waitForFunction((before) => {
          const now = document.querySelector('h1')?.textContent;
          return now !== before && document.querySelector('fieldset.statement') && now;
        }, heading)
        .then((h) => h.jsonValue());
      const statements = await page.locator('fieldset.statement').count();
      for (let i = 0; i < statements; i++) await click(`fieldset.statement:nth-of-type(${i + 1}) label.choice`, agree);
      await click('form.statements button[type=submit]', 0);
    }
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    // An event's entry is queued when the frame after it is drawn: two more frames, and
    // every click's entry has been queued; those not yet handed to the observer are taken.
    // One interaction's duration is the longest of its events; events under 16 ms are
    // not reported by the browser, and count as 16.
    const events = await page.evaluate(async () => {
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      window.__takeEvents();
      return window.__events;
    });
    const byInteraction = new Map();
    for (const e of events.filter((e) => e.id)) {
      const kind = e.kind === 'answer' ? 'answer' : e.kind;
      byInteraction.set(e.id, { kind: byInteraction.get(e.id)?.kind === 'answer' ? 'answer' : kind, duration: Math.max(byInteraction.get(e.id)?.duration ?? 0, e.duration) });
    }
    const clicks = { Start: 1, answer: statementCount, Next: dimensions - 1, 'See results': 1 };
    return Object.fromEntries(
      Object.entries(clicks).map(([kind, count]) => {
        const measured = [...byInteraction.values()].filter((i) => i.kind === kind).map((i) => i.duration);
        return [kind, [...measured, ...Array(Math.max(0, count - measured.length)).fill(16)]];
      }),
    );
  } finally {
    await context.close();
  }
}

/** Lighthouse, mobile (its default), on the served build, run as the issue says. */
async function lighthouse(url) {
  const { execFileSync } = await import('node:child_process');
  const out = path.join(os.tmpdir(), `rapport-lighthouse-${process.pid}.json`);
  execFileSync(
    'npm',
    ['exec', '--yes', '--', `lighthouse@${LIGHTHOUSE}`, url, '--quiet', '--output=json', `--output-path=${out}`, '--chrome-flags=--headless=new --no-sandbox', '--only-categories=performance,accessibility,best-practices,seo'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  const score = (c) => Math.round(report.categories[c].score * 100);
  const audit = (a) => report.audits[a]?.displayValue ?? '';
  console.log(
    `  Performance ${score('performance')}, Accessibility ${score('accessibility')}, Best Practices ${score('best-practices')}, SEO ${score('seo')}` +
      `\n  FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}, Speed Index ${audit('speed-index')}`,
  );
  for (const [id, a] of Object.entries(report.audits)) {
    if (a.score !== null && a.score < 0.9 && ['binary', 'numeric'].includes(a.scoreDisplayMode)) console.log(`    below 90: ${id} (${a.score}) ${a.displayValue ?? ''}`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function loads(browser, url) {
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
        r = await timedRun(browser, url, locale);
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
}

async function embed(browser, url) {
  console.log(`\nIframe inserted → first statement clickable inside it (embed=1), ${CPU_THROTTLE}x CPU throttling, ${RUNS} cold loads`);
  const embeds = [];
  for (let i = 1; i <= RUNS; i++) {
    const r = await timedEmbed(browser, url);
    embeds.push(r.clickable);
    console.log(`  run ${pad(i, 2)}: ${pad(ms(r.clickable), 8)}   (Start clicked at ${ms(r.start)})`);
  }
  const embedSorted = [...embeds].sort((a, b) => a - b);
  console.log(`  median ${ms(median(embeds))}, min ${ms(embedSorted[0])}, max ${ms(embedSorted[embedSorted.length - 1])}`);
}

async function compare(browser, url) {
  console.log(`\nCompare ${COMPARE_CODES} pasted codes (Compare pressed → team view in the page / painted), unthrottled, ${RUNS} runs`);
  const compares = await measureCompare(browser, url);
  for (const [i, c] of compares.entries()) {
    console.log(`  run ${pad(i + 1, 2)}: ${pad(ms(c.inDom), 8)} in the page, ${pad(ms(c.painted), 8)} painted   (${c.heading})`);
  }
  console.log(`  median ${ms(median(compares.map((c) => c.inDom)))} in the page, ${ms(median(compares.map((c) => c.painted)))} painted`);
}

const PARTS = ['loads', 'embed', 'compare', 'mobile', 'interactions', 'lighthouse'];
const only = process.argv[2];
const runs = (part) => !only || only === part;

async function main() {
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: build first (./dev build)`);
  if (only && !PARTS.includes(only)) throw new Error(`no part "${only}": one of ${PARTS.join(', ')}`);
  printSizes();

  const server = await serve();
  let browser;
  try {
    browser = await launch();
    console.log(`\nChromium ${browser.version()}, headless`);
    await measureWire(browser, server.url);

    if (runs('loads')) await loads(browser, server.url);
    if (runs('embed')) await embed(browser, server.url);
    if (runs('compare')) await compare(browser, server.url);
    if (runs('mobile')) {
      console.log(`\nMobile profile (Lighthouse's: 562.5 ms RTT, 1,474.56 kbit/s down, 675 kbit/s up, ${CPU_THROTTLE}x CPU), gzip, ${RUNS} cold loads`);
      await mobileProfile(browser, server.url);
    }
    if (runs('interactions')) {
      console.log(`\nInteractions in a whole check, ${CPU_THROTTLE}x CPU, Event Timing durations`);
      await interactions(browser, server.url);
    }
    if (runs('lighthouse')) {
      console.log(`\nLighthouse ${LIGHTHOUSE}, mobile, headless Chromium`);
      await lighthouse(server.url);
    }
  } finally {
    if (browser) await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`\nbench failed: ${e.message}`);
  process.exitCode = 1;
});
