// What a visitor of an embedding site does, written once and run in every engine
// (tests/engines/webdriver.mjs: Chromium, Firefox ESR, WebKitGTK) against the release
// build: a whole check and its code, history over a reload, a share link, comparing two
// codes, a second language and right to left, JSON export and import, a plan with a due
// date, the iframe embed's height messages, and no Content-Security-Policy violation.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeFor, codeAt, instrument, instrumentIn, pack, root, serve } from '../support.mjs';
import { ENGINES, engineNames, openSession, serveWatched } from './webdriver.mjs';

const ids = instrument.dimensions.flatMap((d) => d.statements.map((s) => s.id));
/** Every answer of the scale in turn, "don't know" among them (a statement in any
 * language's words, by its id). */
const answerOf = (statement) => [1, 2, 3, 4, 5, 0][ids.indexOf(statement.id) % 6];
const en = pack('en').messages;

let server;
before(async () => {
  server = await serveWatched();
});
after(() => server?.close());

/** Waits until the app runs (the page's own first screens are gone). */
async function started(s) {
  await s.wait(async () => assert.equal(await s.evaluate(() => !document.querySelector('.pre') && !!document.querySelector('main h1, .rapport-root h1')), true));
}

/** Answers every step as `answerOf` says and opens the results. */
async function walkThrough(s, words = instrument) {
  await s.click('.screen.welcome button[type=submit]');
  for (const d of words.dimensions) {
    await s.wait(async () => assert.ok((await s.text('.screen.step h1')).endsWith(d.name), `step ${d.name}`));
    for (const statement of d.statements) await s.click(`input[name="answer-${statement.id}"][value="${answerOf(statement)}"]`);
    await s.click('.screen.step button[type=submit]');
  }
  await s.wait(async () => assert.ok(await s.value('#share-code')));
}

/** Presses the button of the bar's navigation whose words are `label`. */
const nav = (s, label) => s.press('.nav button', label);

/** Opens History and waits for the names of the checks it lists. */
async function history(s, names) {
  await nav(s, en.nav_history);
  await s.wait(async () => assert.deepEqual(await Promise.all((await s.findAll('.history-name')).map((e) => e.getText())), names));
}

/** The files the page hands the browser to save from now on, as {name, text}: the app
 * saves a file through a link to its data, which the page records as it is pressed
 * (a download's place on disk is each engine's and its driver's own). */
async function recordDownloads(s) {
  await s.evaluate(() => {
    window.downloads = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) window.downloads.push({ name: this.download, href: this.href });
      return click.call(this);
    };
  });
}
const downloads = async (s) =>
  (await s.evaluate(() => window.downloads)).map(({ name, href }) => ({ name, text: decodeURIComponent(href.slice(href.indexOf(',') + 1)) }));

/**
 * Runs `journey` in a session whose server holds the wasm back until `release()`: until
 * then the page's own first screens are all there is. No command waits for the page to
 * load, which it does only with the wasm (WebKitWebDriver's click waits for a load even
 * with the `eager` strategy). No policy violation, whatever the journey.
 */
async function withHeldApp(engine, journey) {
  let release;
  const late = new Promise((resolve) => (release = resolve));
  const held = await serveWatched({ hold: (at) => at.endsWith('.wasm') && late });
  const s = await openSession(engine, { pageLoadStrategy: 'none' });
  try {
    await journey(s, held.url, release);
    assert.deepEqual(await s.violations(), []);
  } finally {
    release();
    await s.close();
    held.close();
  }
}

for (const engine of engineNames) {
  describe(`${engine}: ${ENGINES[engine].version()}`, () => {
    it('before the app runs, the page’s own first step answers at once, and the app keeps those answers', () =>
      withHeldApp(engine, async (s, url, release) => {
        await s.goto(url);
        await s.click('.pre[data-pre=en] .welcome button[type=submit]');
        const first = instrument.dimensions[0];
        await s.wait(async () => assert.ok((await s.text('.pre[data-pre=en] .step h1')).endsWith(first.name)));
        for (const statement of first.statements) await s.click(`.pre[data-pre=en] input[name="answer-${statement.id}"][value="${answerOf(statement)}"]`);
        assert.equal(await s.evaluate(() => !!document.querySelector('.pre')), true, 'still the page’s own step');
        release();
        await started(s);
        const answers = () => s.evaluate(() => Object.fromEntries([...document.querySelectorAll('.screen.step input:checked')].map((i) => [i.name, i.value])));
        await s.wait(async () => assert.deepEqual(await answers(), Object.fromEntries(first.statements.map((st) => [`answer-${st.id}`, String(answerOf(st))]))));
        assert.ok((await s.text('.screen.step h1')).endsWith(first.name));
      }));

    it('in Arabic, the page’s own first step writes its numbers as the app will, and the app takes it over unchanged', () =>
      withHeldApp(engine, async (s, url, release) => {
        await s.goto(`${url}?lang=ar`);
        await s.click('.pre[data-pre=ar] .welcome button[type=submit]');
        // The step's direction and progress line on screen: the page's own, then the app's.
        const line = () =>
          s.wait(async () => {
            const [dir, text] = await s.evaluate(() => [document.documentElement.dir, [...document.querySelectorAll('.step-of')].find((e) => e.getClientRects().length > 0)?.textContent]);
            assert.ok(text, 'a step on screen');
            return [dir, text];
          });
        const before = await line();
        release();
        await started(s);
        const after = await line();
        const digits = await s.evaluate(() => new Intl.NumberFormat('ar', { useGrouping: false }).format(1));
        assert.deepEqual(before, after, `the app writes ${digits} for 1`);
        assert.equal(before[0], 'rtl');
      }));

    it('a plan with its owner and due date, kept over a reload, exported as JSON and imported into another browser', async () => {
      const s = await openSession(engine);
      let file;
      try {
        await s.goto(server.url);
        await started(s);
        await s.type('#partnership-name', 'Alliance Sud');
        await walkThrough(s);
        await s.click('.add-to-plan');
        await s.type('.plan .plan-action input[type=text]', 'Amina');
        await s.typeDate('.plan .plan-action input[type=date]', '2027-03-15');
        const plan = async () => s.evaluate(() => [...document.querySelectorAll('.plan .plan-action input')].map((i) => i.value));
        await s.wait(async () => assert.deepEqual(await plan(), ['Amina', '2027-03-15']));
        // Kept as typed: after a reload, History opens the check with its plan.
        await s.driver.navigate().refresh();
        await started(s);
        await history(s, ['Alliance Sud']);
        await recordDownloads(s);
        await s.press('.history button', en.download_all_json);
        await s.wait(async () => assert.equal((await downloads(s)).length, 1));
        [file] = await downloads(s);
        assert.match(file.name, /\.json$/);
        const saved = JSON.parse(file.text);
        assert.equal(JSON.stringify(saved).includes('"2027-03-15"'), true, 'the due date is in the file');
        assert.deepEqual(await s.violations(), []);
      } finally {
        await s.close();
      }
      // Another browser (a fresh profile) imports it, plan and all.
      const other = await openSession(engine);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-'));
      try {
        const chosen = path.join(dir, file.name);
        fs.writeFileSync(chosen, file.text);
        await other.goto(server.url);
        await started(other);
        await history(other, []);
        await other.wait(async () => (await other.find('#import-file')).sendKeys(chosen));
        await other.wait(async () => assert.deepEqual(await Promise.all((await other.findAll('.history-name')).map((e) => e.getText())), ['Alliance Sud']));
        await other.click('.history-item .history-actions button');
        await other.wait(async () => assert.deepEqual(await other.evaluate(() => [...document.querySelectorAll('.plan .plan-action input')].map((i) => i.value)), ['Amina', '2027-03-15']));
        assert.deepEqual(await other.violations(), []);
      } finally {
        await other.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('in an iframe on another site, embed.js fits the frame to each screen', async () => {
      // The app on one site (localhost), the host page on another (127.0.0.1).
      const app = await serveWatched({ host: 'localhost' });
      const host = await serve(path.join(root, 'examples'), { rewrite: (html) => html.replaceAll('https://example.github.io/rapport/', app.url) });
      const s = await openSession(engine);
      try {
        await s.goto(`${host.url}iframe.html`);
        const frame = await s.wait(() => s.find('iframe.rapport-frame'));
        /** The frame's height once it fits the app's content (2 px of border) and is not
         * `before`; measured inside the frame, then on the host page. */
        const fitted = (before) =>
          s.wait(async () => {
            await s.driver.switchTo().frame(frame);
            const content = await s.evaluate(() => (document.querySelector('.pre') ? null : Math.ceil(document.body.getBoundingClientRect().height)));
            await s.driver.switchTo().defaultContent();
            const height = await s.evaluate(() => document.querySelector('iframe.rapport-frame').getBoundingClientRect().height);
            assert.ok(content !== null, 'the app runs');
            assert.notEqual(height, before);
            assert.ok(Math.abs(height - content - 2) <= 1, `frame ${height}, content ${content}`);
            return height;
          });
        // Not the 640 px (and border) the host page gives it: the welcome's own height.
        const welcome = await fitted(642);
        await s.driver.switchTo().frame(frame);
        await s.click('.screen.welcome button[type=submit]');
        await s.wait(async () => assert.ok((await s.text('.screen.step h1')).endsWith(instrument.dimensions[0].name)));
        await s.driver.switchTo().defaultContent();
        await fitted(welcome);
        await s.driver.switchTo().frame(frame);
        assert.deepEqual(await s.violations(), []);
      } finally {
        await s.close();
        app.close();
        host.close();
      }
    });

    it('a whole check: its results and code, history after a reload, its share link, and a compare with a partner', async () => {
      const s = await openSession(engine);
      try {
        await s.goto(server.url);
        await started(s);
        await s.type('#partnership-name', 'Coalition Nord');
        await walkThrough(s);
        // The same code as the independent encoder's for the same answers (the name stays
        // on this device).
        assert.equal(await s.value('#share-code'), codeFor(answerOf));
        const link = await s.value('#share-link');
        // Kept over a reload: history lists the check by its name.
        await s.driver.navigate().refresh();
        await started(s);
        await nav(s, en.nav_history);
        await s.wait(async () => assert.deepEqual(await Promise.all((await s.findAll('.history-name')).map((e) => e.getText())), ['Coalition Nord']));
        // The share link opens the result with its scores.
        const code = codeFor(answerOf);
        assert.ok(link.includes(code), link);
        await s.goto(link);
        await started(s);
        await s.wait(async () => assert.equal((await s.findAll('table.scores tbody tr')).length, instrument.dimensions.length));
        // So does a link the version-1 release shared, with that version's eight
        // dimensions.
        const first = fs.readFileSync(path.join(root, 'core/data/fixtures/release-1/codes.txt'), 'utf8').split('\n')[0].trim();
        await s.goto(link.replace(code, first));
        await started(s);
        const rows = () => s.evaluate(() => [...document.querySelectorAll('table.scores tbody tr th')].map((th) => th.textContent.trim()));
        await s.wait(async () => assert.deepEqual(await rows(), instrumentIn('en', 1).dimensions.map((d) => d.name)));
        // Compare with a partner's code.
        await nav(s, en.nav_compare);
        await s.type('#codes', `${codeFor(answerOf)}\n${codeAt(4, 'Partner')}`);
        await s.click('form.compare-form button[type=submit]');
        await s.wait(async () => assert.match(await s.text('#compare-outcome'), /Partner/));
        assert.deepEqual(await s.violations(), []);
      } finally {
        await s.close();
      }
    });

    it('in French, then right to left in Arabic: the same code for the same answers', async () => {
      const s = await openSession(engine);
      try {
        await s.goto(`${server.url}?lang=fr`);
        await started(s);
        assert.equal(await s.evaluate(() => document.documentElement.lang), 'fr');
        await walkThrough(s, instrumentIn('fr'));
        assert.equal(await s.value('#share-code'), codeFor(answerOf));
        await s.goto(`${server.url}?lang=ar`);
        await started(s);
        assert.deepEqual(await s.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
        // Right to left as laid out: the bar's brand at the right, the navigation at the left.
        const [brand, navigation] = await s.evaluate(() => ['.brand', '.nav'].map((c) => document.querySelector(c).getBoundingClientRect().left));
        assert.ok(brand > navigation, `brand at ${brand}, navigation at ${navigation}`);
        await walkThrough(s, instrumentIn('ar'));
        assert.equal(await s.value('#share-code'), codeFor(answerOf));
        // The chart's labels are laid out whole, line by line: each line as wide as its
        // words (WebKit once cut right-to-left labels into pieces at their spans).
        const lines = await s.evaluate(() =>
          [...document.querySelectorAll('svg.radar .axis-label text')].map((t) => [t.textContent, Math.round(t.getBBox().width), Math.round(t.getComputedTextLength())]),
        );
        assert.ok(lines.length > instrument.dimensions.length, `${lines.length} lines`);
        for (const [line, width, length] of lines) assert.ok(Math.abs(width - length) <= 1, `“${line}” spans ${width} px for ${length} px of text`);
        assert.deepEqual(await s.violations(), []);
      } finally {
        await s.close();
      }
    });
  });
}
