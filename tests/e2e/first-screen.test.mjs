// The real first screen in the first paint: index.html carries the welcome screen in
// every language, written at build time by the app itself; the visitor sees it in their
// own language before the wasm has arrived, nothing moves when the app takes over, and
// what they typed or pressed meanwhile is kept. The wasm is held back in these tests, as
// a slow phone network would, and released when the test says so.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dist, languages, pack, instrumentIn } from '../support.mjs';
import { useApp, watch, started, answerStep, plans, eventually, onStep, storedDraft, dimensions } from './app.mjs';

const env = useApp();
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

/** A page whose wasm download waits until `release()`; nothing of the app runs before. */
async function held(locale, { path: at = '', contextOptions = {}, before } = {}) {
  const context = await env.browser.newContext({ locale, ...contextOptions });
  const page = await context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (before) await before(page);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await gate;
    // A page that navigated away meanwhile no longer wants it.
    await route.continue().catch(() => {});
  });
  // Layout shifts from the first paint on (CLS counts those without recent input).
  await page.addInitScript(() => {
    window.shifts = [];
    const keep = (entries) => window.shifts.push(...entries.map((e) => ({ value: e.value, input: e.hadRecentInput })));
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Entries queued but not yet handed to the observer's callback count too.
    window.takeShifts = () => keep(observer.takeRecords());
  });
  await page.goto(env.url + at);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, problems, requests, release };
}

const wordsOf = (tag) => ({ m: pack(tag).messages, i: instrumentIn(tag) });
/**
 * The layout shift so far, once two more frames have been drawn: a shift is measured as
 * the frame that makes it is drawn, so the app's take-over frame and the one after it
 * (where anything the take-over left for later would land) are both counted.
 */
const shifted = (page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    window.takeShifts();
    return window.shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
  });

describe('the first screen in the first paint', () => {
  it('index.html holds the welcome in every language, the app’s own markup, and no stylesheet to wait for', () => {
    for (const { tag, dir } of languages) {
      const { m, i } = wordsOf(tag);
      const copy = html.match(new RegExp(`<div class=pre data-pre=${tag} lang=${tag} dir=${dir}>([\\s\\S]*?)</footer></div>`));
      assert.ok(copy, `the ${tag} copy`);
      for (const words of [i.title, m.start, m.name_label, m.welcome_privacy]) {
        const escaped = words.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        assert.ok(copy[1].includes(escaped), `${tag}: ${words}`);
      }
    }
    assert.doesNotMatch(html, /rel="?stylesheet/);
    assert.match(html, /<style>/);
  });

  for (const [locale, tag] of [
    ['fr-FR', 'fr'],
    ['ar-EG', 'ar'],
    ['en-GB', 'en'],
  ]) {
    it(`${locale}: the welcome shows in ${tag} before the wasm arrives, and nothing moves when the app takes over`, async () => {
      const { context, page, problems, requests, release } = await held(locale);
      const { m, i } = wordsOf(tag);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), i.title);
      assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), `${tag},${languages.find((l) => l.tag === tag).dir}`);
      assert.ok(await page.getByRole('button', { name: m.start, exact: true }).isVisible());
      const shown = await page.evaluate(() => [...document.querySelectorAll('.pre')].filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.dataset.pre));
      assert.deepEqual(shown, [tag], 'only the copy in the page language is on show');
      assert.equal(requests.filter((r) => /\.css$/.test(r)).length, 0, 'no stylesheet request');
      const before = await page.getByRole('heading', { level: 1 }).boundingBox();
      release();
      await started(page);
      const shift = await shifted(page);
      assert.deepEqual(await page.getByRole('heading', { level: 1 }).boundingBox(), before);
      assert.equal(shift, 0, 'cumulative layout shift');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('a name typed and Start pressed before the app runs are kept: the check starts with that name', async () => {
    const { context, page, problems, release } = await held('fr-FR');
    const { m } = wordsOf('fr');
    await page.getByLabel(m.name_label).fill('Alliance du fleuve');
    await page.getByRole('button', { name: m.start, exact: true }).click();
    // Nothing happens yet, and nothing is lost.
    assert.equal(await page.locator('.pre').count(), languages.length);
    release();
    await started(page);
    await page.getByRole('progressbar').waitFor();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-title'));
    await eventually(async () => assert.equal((await storedDraft(page))?.name, 'Alliance du fleuve'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('typing while the app takes over keeps the text and the focus in the field', async () => {
    const { context, page, problems, release } = await held('en-GB');
    const field = page.getByLabel('Partnership name (kept only on this device)');
    await field.fill('River');
    release();
    await started(page);
    assert.equal(await field.inputValue(), 'River');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'partnership-name'));
    await page.keyboard.type(' Trust');
    await eventually(async () => assert.equal(await field.inputValue(), 'River Trust'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('Start pressed early with a check under way continues it, never starting it over', async () => {
    // A first visit answers step 1 and moves to step 2.
    const first = await held('en-GB');
    first.release();
    await started(first.page);
    await first.page.getByRole('button', { name: 'Start' }).click();
    await answerStep(first.page, plans.all('Agree'));
    await first.page.getByRole('button', { name: 'Next' }).click();
    await onStep(first.page, 2);
    // The answers and the step are stored before the storage is taken along.
    await eventually(async () => {
      const draft = await storedDraft(first.page);
      assert.deepEqual([Object.keys(draft.answers).length, draft.step], [4, 1]);
    });
    const state = await first.context.storageState();
    await first.context.close();
    // Back later, on a slow network: the built-in welcome says Start; pressing it resumes.
    const { context, page, problems, release } = await held('en-GB', { contextOptions: { storageState: state } });
    await page.getByRole('button', { name: 'Start' }).click();
    release();
    await started(page);
    await page.getByText(`Step 1 of ${dimensions.length}`, { exact: true }).or(page.getByText(`Step 2 of ${dimensions.length}`, { exact: true })).waitFor();
    const draft = await storedDraft(page);
    assert.equal(Object.keys(draft.answers).length, 4, 'the answers of step 1 are still there');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a language picked before the app runs is remembered and the page opens in it', async () => {
    const { context, page, problems, release } = await held('en-GB');
    await Promise.all([page.waitForEvent('framenavigated'), page.locator('.pre[data-pre=en] select').selectOption('de')]);
    await page.getByRole('heading', { level: 1, name: wordsOf('de').i.title }).waitFor();
    release();
    await started(page);
    await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'de'));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), wordsOf('de').i.title);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the iframe page shows the welcome in its lang at once and the app takes over without a shift', async () => {
    const { context, page, problems, release } = await held('en-GB', { path: '?embed=1&lang=es&theme=dark' });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), wordsOf('es').i.title);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    release();
    await started(page);
    assert.equal(await shifted(page), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
