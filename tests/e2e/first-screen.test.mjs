// The real first screen in the first paint: index.html carries the welcome screen and the
// first step in every language, written at build time by the app itself; the visitor
// sees the welcome in their own language before the wasm has arrived, Start shows the
// first step at once, nothing moves when the app takes over, and what they typed,
// answered or pressed meanwhile is kept. The wasm is held back in these tests, as
// a slow phone network would, and released when the test says so.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
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
  // Layout shifts from the first paint on (CLS counts those without recent input), and
  // anything the page's policy refused.
  await page.addInitScript(() => {
    window.violations = [];
    addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
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
    // Back later, on a slow network: the built-in welcome says Start; pressing it waits
    // for the app (the page's own step 1 stays hidden), which resumes the check. The same
    // with a storage key the app refuses (it keeps to the default key, and so does the page).
    for (const at of ['', '?storage-key=not%20a%20key']) {
      const { context, page, problems, release } = await held('en-GB', { path: at, contextOptions: { storageState: state } });
      await page.getByRole('button', { name: 'Start' }).click();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.start), 'pressed', at);
      assert.ok(await page.getByRole('heading', { level: 1, name: instrumentIn('en').title }).isVisible());
      assert.equal(await page.getByRole('radio').count(), 0, 'no statement on show');
      release();
      await started(page);
      await page.getByText(`Step 2 of ${dimensions.length}`, { exact: true }).waitFor();
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-title'));
      const draft = await storedDraft(page);
      assert.equal(Object.keys(draft.answers).length, 4, 'the answers of step 1 are still there');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('a language picked before the app runs is remembered and the page opens in it', async () => {
    const { context, page, problems, release } = await held('en-GB');
    await page.locator('.pre[data-pre=en] select').selectOption('de');
    // Shown at once in its own copy, and remembered for the app.
    await page.getByRole('heading', { level: 1, name: wordsOf('de').i.title }).waitFor();
    assert.equal(await page.title(), `Rapport · ${wordsOf('de').i.title}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('rapport.language')), 'de');
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

  it('the pulse taken before the app runs keeps the page’s settings: frame, language, theme', async () => {
    const { context, page, problems, release } = await held('en-GB', { path: '?embed=1&lang=es&theme=dark' });
    await page.locator('.pre[data-pre=es] .pulse-offer a').click();
    await page.waitForURL((url) => url.searchParams.get('instrument') === 'instruments/pulse.json');
    release();
    const query = new URL(page.url()).searchParams;
    assert.deepEqual(Object.fromEntries(query), { embed: '1', lang: 'es', theme: 'dark', instrument: 'instruments/pulse.json' });
    const pulse = JSON.parse(fs.readFileSync(path.join(dist, 'instruments/pulse.json'), 'utf8'));
    await page.getByRole('heading', { level: 1, name: pulse.title.es, exact: true }).waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.classList.contains('embed')]), ['dark', true]);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** The first step's statements in `tag`, each with the label of its `level` (1 to 5). */
function firstStep(tag) {
  const i = instrumentIn(tag);
  return { i, dimension: i.dimensions[0], label: (level) => i.scale.agreement[level - 1] };
}

/** Answers the page's own first step (before the app runs) by the visible labels. */
async function answerEarly(page, tag, level, statements = firstStep(tag).dimension.statements) {
  const { label } = firstStep(tag);
  for (const s of statements) await page.getByRole('group', { name: s.text, exact: true }).getByText(label(level), { exact: true }).click();
}

/** Which answer of each first-step statement is checked on screen, by statement id. */
const checked = (page, statements) =>
  page.evaluate(
    (ids) => Object.fromEntries(ids.map((id) => [id, [...document.querySelectorAll(`input[name="answer-${id}"]`)].find((r) => r.checked && r.checkVisibility())?.value ?? null])),
    statements.map((s) => s.id),
  );

describe('the first step in the first paint', () => {
  it('index.html holds the first step in every language, from the current version and its pack', () => {
    for (const { tag } of languages) {
      const { dimension, i } = firstStep(tag);
      const copy = html.match(new RegExp(`<div class=pre data-pre=${tag} [^>]*>[\\s\\S]*?<div class="screen step">([\\s\\S]*?)</form></div>`));
      assert.ok(copy, `the ${tag} step`);
      const escaped = (words) => words.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      for (const words of [dimension.name, dimension.description, ...i.scale.agreement, i.scale.dont_know, ...dimension.statements.map((s) => s.text)]) {
        assert.ok(copy[1].includes(escaped(words)), `${tag}: ${words}`);
      }
      const names = [...new Set([...copy[1].matchAll(/name="answer-([^"]+)"/g)].map((m) => m[1]))];
      assert.deepEqual(names, dimension.statements.map((s) => s.id), `${tag}: the statements of ${dimension.id}`);
    }
  });

  for (const [locale, tag, name] of [
    ['en-GB', 'en', undefined],
    ['ar-EG', 'ar', 'شبكة النهر'],
  ]) {
    it(`${locale}: Start shows the first step at once; its answers${name ? ' and the name' : ''} are kept when the app takes over`, async () => {
      const { context, page, problems, requests, release } = await held(locale);
      const { m } = wordsOf(tag);
      const { dimension } = firstStep(tag);
      if (name) await page.getByLabel(m.name_label).fill(name);
      const before = requests.length;
      await page.getByRole('button', { name: m.start, exact: true }).click();
      // At once: the step's heading has focus, the progress line says step 1, and nothing
      // was fetched for it.
      const heading = page.getByRole('heading', { level: 1, name: dimension.name });
      await heading.waitFor();
      assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus on the step heading');
      assert.equal(await page.evaluate(() => document.documentElement.dir), tag === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '1');
      assert.deepEqual(requests.slice(before), [], 'no request for the first step');
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

      await answerEarly(page, tag, 4);
      // The last answer keeps focus through the take-over; the progress line reads the
      // same (in Egypt's Arabic digits for ar-EG, as the app writes it).
      const last = dimension.statements.at(-1);
      const box = await page.getByRole('group', { name: last.text, exact: true }).boundingBox();
      const progress = () => page.locator('.step-of').filter({ visible: true }).innerText();
      const line = await progress();
      if (tag === 'ar') assert.match(line, /١.*١٠/);
      release();
      await started(page);
      assert.equal(await progress(), line);
      assert.equal(await shifted(page), 0, 'cumulative layout shift');
      assert.deepEqual(await page.getByRole('group', { name: last.text, exact: true }).boundingBox(), box);
      const expected = Object.fromEntries(dimension.statements.map((s) => [s.id, '4']));
      assert.deepEqual(await checked(page, dimension.statements), expected);
      assert.equal(await page.evaluate(() => document.activeElement.id), `answer-${last.id}-4`);
      await eventually(async () => {
        const draft = await storedDraft(page);
        assert.deepEqual(draft?.answers, Object.fromEntries(dimension.statements.map((s) => [s.id, 4])));
        assert.equal(draft.name, name ?? '');
      });
      // A reload keeps them: the app opens the step the check was on.
      await page.reload();
      await started(page);
      await page.getByRole('heading', { level: 1, name: dimension.name }).waitFor();
      assert.deepEqual(await checked(page, dimension.statements), expected);
      await page.getByRole('button', { name: m.next, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: wordsOf(tag).i.dimensions[1].name }).waitFor();
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '2');
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'nothing refused by the policy');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('Next pressed before the app runs waits quietly, then is honoured: step 2, or the statement left unanswered', async () => {
    const { dimension } = firstStep('en');
    for (const all of [true, false]) {
      const { context, page, problems, release } = await held('en-GB', { contextOptions: { reducedMotion: 'no-preference' } });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const answered = all ? dimension.statements : dimension.statements.slice(1);
      await answerEarly(page, 'en', 2, answered);
      const next = page.getByRole('button', { name: 'Next', exact: true });
      await next.click();
      // Still the first step, its answers on screen; after a moment the button pulses.
      const given = Object.fromEntries(dimension.statements.map((s) => [s.id, answered.includes(s) ? '2' : null]));
      assert.deepEqual(await checked(page, dimension.statements), given);
      await eventually(async () => assert.equal(await next.evaluate((b) => getComputedStyle(b).animationName), 'waiting'));
      release();
      await started(page);
      if (all) {
        await page.getByRole('heading', { level: 1, name: instrumentIn('en').dimensions[1].name }).waitFor();
        await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-title'));
        await eventually(async () => assert.equal((await storedDraft(page))?.step, 1));
      } else {
        await page.getByRole('alert').filter({ hasText: '1 statement still needs an answer' }).waitFor();
        assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '1');
        const first = dimension.statements[0];
        await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), `answer-${first.id}-1`));
      }
      assert.equal(Object.keys((await storedDraft(page)).answers).length, answered.length);
      assert.deepEqual(await page.evaluate(() => window.violations), []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('Back before the app runs returns to the welcome; the app then offers to continue', async () => {
    const { context, page, problems, release } = await held('en-GB');
    const { dimension } = firstStep('en');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await answerEarly(page, 'en', 3, dimension.statements.slice(0, 2));
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    const title = page.getByRole('heading', { level: 1, name: instrumentIn('en').title });
    await title.waitFor();
    assert.ok(await title.evaluate((h) => h === document.activeElement));
    release();
    await started(page);
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor();
    await eventually(async () => assert.equal(Object.keys((await storedDraft(page))?.answers ?? {}).length, 2));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the page as an iframe loads it (embed=1, lang=pt) shows the first step at once too', async () => {
    const { context, page, problems, release } = await held('en-GB', { path: '?embed=1&lang=pt' });
    const { dimension } = firstStep('pt');
    await page.getByRole('button', { name: wordsOf('pt').m.start, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: dimension.name }).waitFor();
    await answerEarly(page, 'pt', 5);
    release();
    await started(page);
    assert.equal(await shifted(page), 0);
    assert.deepEqual(await checked(page, dimension.statements), Object.fromEntries(dimension.statements.map((s) => [s.id, '5'])));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a language picked on the first step shows the step in it at once, with the name and the answers kept', async () => {
    const { context, page, problems, release } = await held('en-GB');
    const en = firstStep('en');
    const de = firstStep('de');
    await page.getByLabel('Partnership name (kept only on this device)').fill('River Trust');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await answerEarly(page, 'en', 5, en.dimension.statements.slice(0, 2));
    await page.locator('.pre[data-pre=en] select').selectOption('de');
    // At once, with no reload: the German step, the two answers, focus on the menu.
    await page.getByRole('heading', { level: 1, name: de.dimension.name }).waitFor();
    const given = Object.fromEntries(de.dimension.statements.map((s, i) => [s.id, i < 2 ? '5' : null]));
    assert.deepEqual(await checked(page, de.dimension.statements), given);
    assert.equal(await page.evaluate(() => [document.documentElement.lang, document.activeElement.tagName].join()), 'de,SELECT');
    release();
    await started(page);
    await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'de'));
    await page.getByRole('heading', { level: 1, name: de.dimension.name }).waitFor();
    assert.deepEqual(await checked(page, de.dimension.statements), given);
    await eventually(async () => {
      const draft = await storedDraft(page);
      assert.equal(draft?.name, 'River Trust');
      assert.equal(Object.keys(draft.answers).length, 2);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
