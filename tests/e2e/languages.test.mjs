// Six languages: a full walk-through in each, driven by that pack's own words, with the
// browser's locale set to it; numbers and plural rules as Chromium's Intl has them; Arabic
// right to left; switching language mid-check; a pack that fails; partners comparing
// across languages; the lang setting on an iframe and a mount; axe in French and Arabic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useApp, watch, codeAt, started, eventually } from './app.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dist, languages, pack, instrumentIn, serve } from '../support.mjs';

const env = useApp();

/** A language's words: its messages (plural ones as objects), questionnaire and labels. */
function wordsOf(tag) {
  const p = pack(tag);
  const i = instrumentIn(tag);
  return { m: p.messages, i, labels: [...i.scale.agreement, i.scale.dont_know] };
}
const localeOf = (tag) => languages.find((l) => l.tag === tag).locale;
/** A message with its placeholders filled, as the app would (values already formatted). */
const fill = (text, args) => text.replace(/\{(\w+)(?::words)?\}/g, (_, name) => args[name]);

async function openIn(locale, { path = '', ...options } = {}) {
  const context = await env.browser.newContext({ locale, ...options });
  const page = await context.newPage();
  const problems = watch(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('Rapport') && warnings.push(m.text()));
  await page.goto(env.url + path);
  await started(page);
  return { context, page, problems, warnings };
}

/**
 * Waits until `words` (a statement, so text only that language has) are on the page, and
 * returns the page's `lang` and `dir` as they were in that same frame: the page must
 * speak the language of the words it shows, never a frame late or early.
 */
async function languageWhenShown(page, words) {
  const handle = await page.waitForFunction((words) => {
    const shown = [...document.querySelectorAll('legend')].some((l) => l.textContent.trim() === words);
    return shown && { lang: document.documentElement.lang, dir: document.documentElement.dir };
  }, words);
  return handle.jsonValue();
}

/** Every plain statement `plain`, every reversed one `reversed` (agreement levels). */
const levels = (plain, reversed) => (s) => (s.reversed ? reversed : plain);

/** From the welcome screen, answers every step in `tag`'s words and opens the results. */
async function walk(page, tag, level, { started = false } = {}) {
  const { m, i, labels } = wordsOf(tag);
  if (!started) await page.getByRole('button', { name: m.start, exact: true }).click();
  for (const [step, d] of i.dimensions.entries()) {
    await page.getByRole('heading', { level: 1 }).filter({ hasText: d.name }).waitFor();
    for (const s of d.statements) {
      await page.getByRole('group', { name: s.text, exact: true }).getByText(labels[level(s) - 1], { exact: true }).click();
    }
    const last = step === i.dimensions.length - 1;
    await page.getByRole('button', { name: last ? m.see_results : m.next, exact: true }).click();
  }
  await page.getByRole('heading', { level: 1, name: m.results_title }).waitFor();
  // The rest of the results follows their top a frame later, down to these buttons.
  await page.getByRole('button', { name: m.take_again, exact: true }).waitFor();
}

/** The page's horizontal overflow in pixels (0 when nothing scrolls sideways). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectNoViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

describe('every language', () => {
  it('declares the plural categories Chromium’s Intl.PluralRules has for it', async () => {
    const { context, page } = await openIn('en-GB');
    for (const l of languages) {
      const categories = await page.evaluate((tag) => new Intl.PluralRules(tag).resolvedOptions().pluralCategories, l.tag);
      assert.deepEqual([...l.plurals].sort(), [...categories].sort(), l.tag);
    }
    await context.close();
  });

  for (const { tag } of languages) {
    it(`${tag}: a full walk-through in the browser's locale, with the language's number format`, async () => {
      const locale = localeOf(tag);
      const { context, page, problems } = await openIn(locale);
      const { m, i } = wordsOf(tag);
      const html = page.locator('html');
      await eventually(async () => {
        assert.equal(await html.getAttribute('lang'), tag);
        assert.equal(await html.getAttribute('dir'), tag === 'ar' ? 'rtl' : 'ltr');
      });
      await page.getByRole('heading', { level: 1, name: i.title, exact: true }).waitFor();
      await eventually(async () => assert.equal(await page.locator('select').inputValue(), tag));
      // Agree (4) on plain statements, the midpoint (3) on reversed ones (scored 3): a
      // dimension of four statements means 3.75, shown 3.8, one of three 3.67, shown 3.7;
      // all in the Discuss band.
      await walk(page, tag, levels(4, 3));
      const means = i.dimensions.map((d) => (4 * (d.statements.length - 1) + 3) / d.statements.length);
      const overall = means.reduce((a, b) => a + b, 0) / means.length;
      const expected = await page.evaluate(([loc, means, overall]) => {
        const one = new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        return {
          scores: means.map((m) => one.format(Math.round(m * 10) / 10)),
          score: one.format(Math.round(overall * 10) / 10),
          max: new Intl.NumberFormat(loc, { maximumFractionDigits: 0 }).format(5),
        };
      }, [locale, means, overall]);
      assert.equal((await page.locator('.overall-number').innerText()).trim(), fill(m.out_of_five, expected));
      const rows = await page.locator('table.scores tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
      );
      assert.deepEqual(rows.map((r) => r[0]), i.dimensions.map((d) => d.name));
      assert.deepEqual(rows.map((r) => r[1]), expected.scores);
      for (const row of rows) assert.equal(row[2], m.band_discuss);
      if (['fr', 'es', 'pt', 'de'].includes(tag)) assert.match(expected.scores[0], /^3,8$/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('Arabic lays out right to left at 320 px with nothing scrolling sideways', async () => {
    const { context, page, problems } = await openIn('ar', { viewport: { width: 320, height: 800 } });
    const { m, labels } = wordsOf('ar');
    assert.equal(await sideways(page), 0, 'welcome');
    await page.getByRole('button', { name: m.start, exact: true }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('group').first().getByText(labels[3], { exact: true }).click();
    await page.locator('input[type=radio]:checked').waitFor();
    assert.equal(await sideways(page), 0, 'a step');
    // The progress bar fills from the right.
    const [bar, fill] = await Promise.all(['.progressbar', '.progressbar-fill rect'].map((s) => page.locator(s).boundingBox()));
    assert.ok(Math.abs(bar.x + bar.width - (fill.x + fill.width)) < 1, 'the fill starts at the right edge');
    assert.ok(fill.width < bar.width / 2);
    await context.close();
    const { context: c2, page: p2 } = await openIn('ar', { viewport: { width: 320, height: 800 } });
    await walk(p2, 'ar', levels(5, 1));
    assert.equal(await sideways(p2), 0, 'results');
    assert.deepEqual(problems, []);
    await c2.close();
  });
});

describe('choosing and switching', () => {
  it('switching language mid-check keeps every answer and the step, across a reload, and Delete all forgets the choice', async () => {
    const { context, page, problems } = await openIn('en-GB');
    const en = wordsOf('en');
    const fr = wordsOf('fr');
    await page.getByRole('button', { name: en.m.start, exact: true }).click();
    const first = en.i.dimensions[0];
    for (const s of first.statements) {
      await page.getByRole('group', { name: s.text, exact: true }).getByText(en.labels[1], { exact: true }).click();
    }
    await page.getByRole('button', { name: en.m.next, exact: true }).click();
    const second = en.i.dimensions[1];
    await page.getByRole('group', { name: second.statements[0].text, exact: true }).getByText(en.labels[4], { exact: true }).click();
    await page.locator('select').selectOption('fr');
    // The second step's name is "Communication" in English too: wait for words only
    // French has, and take the page's language in the frame they show in.
    const secondInFrench = fr.i.dimensions[1].statements[0].text;
    assert.notEqual(secondInFrench, second.statements[0].text);
    assert.deepEqual(await languageWhenShown(page, secondInFrench), { lang: 'fr', dir: 'ltr' });
    const checked = async () => page.locator('input[type=radio]:checked').evaluateAll((r) => r.map((x) => x.value));
    assert.deepEqual(await checked(), ['5']);
    await page.reload();
    await page.getByRole('group', { name: secondInFrench, exact: true }).waitFor();
    await eventually(async () => assert.deepEqual(await checked(), ['5']));
    await page.getByRole('button', { name: fr.m.back, exact: true }).click();
    await page.getByRole('group', { name: fr.i.dimensions[0].statements[0].text, exact: true }).waitFor();
    await eventually(async () => assert.deepEqual(await checked(), ['2', '2', '2', '2']));
    // The choice sits with the person's other data and goes with it.
    assert.equal(await page.evaluate(() => localStorage.getItem('rapport.language')), 'fr');
    await page.getByRole('navigation').getByRole('button', { name: fr.m.nav_history, exact: true }).click();
    await page.getByRole('button', { name: fr.m.delete_all, exact: true }).click();
    await page.getByRole('button', { name: fr.m.confirm_delete_all_yes, exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => localStorage.getItem('rapport.language')), null));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('lang and dir change in the frame the new words show in, even on a slow CPU', async () => {
    const { context, page, problems } = await openIn('en-GB');
    await walk(page, 'en', levels(4, 3));
    // The results' heading says whose words are on show.
    const titles = Object.fromEntries(languages.map(({ tag }) => [wordsOf(tag).m.results_title, tag]));
    assert.equal(Object.keys(titles).length, languages.length, 'each language titles its results in its own words');
    const dirs = Object.fromEntries(languages.map((l) => [l.tag, l.dir]));
    // A render this slow makes Yew's scheduler hand the browser frames between a render and
    // its effects: a language set in an effect would be a frame late here.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    for (const tag of ['fr', 'ar', 'de', 'en']) {
      await page.evaluate((titles) => {
        window.samples = [];
        const sample = () => {
          const root = document.documentElement;
          window.samples.push([root.lang, root.dir, titles[document.querySelector('h1')?.textContent.trim()] ?? null]);
          window.sampling = requestAnimationFrame(sample);
        };
        window.sampling = requestAnimationFrame(sample);
      }, titles);
      await page.locator('.language select').selectOption(tag);
      await page.getByRole('heading', { level: 1, name: wordsOf(tag).m.results_title, exact: true }).waitFor();
      const frames = await page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        cancelAnimationFrame(window.sampling);
        return window.samples;
      });
      assert.ok(frames.some(([, , shown]) => shown === tag), `a frame showed ${tag}`);
      const apart = frames.filter(([lang, dir, shown]) => lang !== shown || dir !== dirs[shown]);
      assert.deepEqual(apart, [], `frames switching to ${tag} whose lang and dir are not the words'`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a pack or its questionnaire file that fails to load or to read falls back to English and says so', async () => {
    const en = wordsOf('en');
    const notice = fill(en.m.language_unavailable, { language: 'Français', shown: 'English' });
    // The French questionnaire's file with its first statement turned round: a file that
    // reads, but is not the check that codes and plans name.
    const turned = JSON.parse(fs.readFileSync(path.join(dist, 'instruments/partnership-health/fr.json'), 'utf8'));
    turned.dimensions[0].statements[0].reversed = !turned.dimensions[0].statements[0].reversed;
    const failures = [
      ['**/lang/fr.json', { status: 404, body: 'not found' }],
      ['**/lang/fr.json', { status: 200, body: '{"messages": {"start": ' }],
      ['**/instruments/partnership-health/fr.json', { status: 404, body: 'not found' }],
      ['**/instruments/partnership-health/fr.json', { status: 200, body: '{"format": 1, ' }],
      ['**/instruments/partnership-health/fr.json', { status: 200, body: JSON.stringify(turned) }],
    ];
    for (const [file, broken] of failures) {
      const context = await env.browser.newContext({ locale: 'fr-FR' });
      await context.route(file, (route) => route.fulfill({ ...broken, contentType: 'application/json' }));
      const page = await context.newPage();
      await page.goto(env.url);
      await page.getByRole('heading', { level: 1, name: en.i.title, exact: true }).waitFor();
      await page.getByText(notice, { exact: true }).waitFor();
      await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), 'en'));
      await context.close();
    }
    // Switching to a language whose pack fails keeps the words in use.
    const { context, page } = await openIn('en-GB');
    await context.route('**/lang/de.json', (route) => route.fulfill({ status: 500, body: '' }));
    await page.locator('select').selectOption('de');
    await page.getByText(fill(en.m.language_unavailable, { language: 'Deutsch', shown: 'English' }), { exact: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: en.i.title, exact: true }).waitFor();
    await eventually(async () => assert.equal(await page.locator('select').inputValue(), 'en'));
    await context.close();
    // No pack at all: the line from the language list, in the language asked for.
    const none = await env.browser.newContext({ locale: 'es-ES' });
    await none.route('**/lang/*.json', (route) => route.fulfill({ status: 404, body: '' }));
    const p = await none.newPage();
    await p.goto(env.url);
    const line = languages.find((l) => l.tag === 'es').unavailable;
    await p.getByRole('alert').filter({ hasText: line }).waitFor();
    await none.close();
  });

  it('lang on an iframe address wins over the browser; an unknown lang warns and falls back', async () => {
    const { context, page, warnings } = await openIn('en-GB', { path: '?embed=1&lang=de' });
    await page.getByRole('heading', { level: 1, name: wordsOf('de').i.title, exact: true }).waitFor();
    await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), 'de'));
    assert.deepEqual(warnings, []);
    await context.close();
    const bad = await openIn('fr-FR', { path: '?embed=1&lang=xx' });
    await bad.page.getByRole('heading', { level: 1, name: wordsOf('fr').i.title, exact: true }).waitFor();
    const tags = languages.map((l) => l.tag).join(', ');
    // Console messages reach the test on their own schedule, not with the heading.
    await eventually(() => assert.deepEqual(bad.warnings, [fill(wordsOf('fr').m.warning, {
      parameter: 'lang', value: 'xx', why: fill(wordsOf('fr').m.why_lang, { languages: tags }),
    })]));
    await bad.context.close();
  });

  it('data-lang on a mount sets the language on the mount’s own root, never on the host page', async () => {
    // The host page on another origin (its own server), as a site owner's would be.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-mount-'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head>
      <body><h1>Host page</h1><div data-rapport data-lang="ar" data-storage-key="mounted"></div>
      <script type="module" src="${env.url}rapport.js"></script></body></html>`);
    const host = await serve(dir);
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(host.url);
    const root = page.locator('.rapport-root');
    await root.getByRole('heading', { level: 1, name: wordsOf('ar').i.title, exact: true }).waitFor();
    await eventually(async () => {
      assert.equal(await root.getAttribute('lang'), 'ar');
      assert.equal(await root.getAttribute('dir'), 'rtl');
    });
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('html').getAttribute('dir'), null);
    assert.equal(await page.title(), 'Host', 'a mount leaves the host page’s title alone');
    assert.deepEqual(problems, []);
    await context.close();
    host.close();
  });

  it('the page’s title is in the language in use, from the first paint and after a switch', async () => {
    const title = (tag) => `${wordsOf(tag).m.brand} · ${wordsOf(tag).i.title}`;
    const context = await env.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const problems = watch(page);
    // Before the app runs (its wasm never arrives here), and once it runs.
    await page.route(/_bg\.wasm$/, () => {});
    await page.goto(env.url);
    await page.getByRole('heading', { level: 1, name: wordsOf('fr').i.title }).waitFor();
    await eventually(async () => assert.equal(await page.title(), title('fr')));
    await page.unroute(/_bg\.wasm$/);
    await page.reload();
    await started(page);
    await eventually(async () => assert.equal(await page.title(), title('fr')));
    await page.getByRole('combobox', { name: wordsOf('fr').m.language_label }).selectOption('de');
    await page.getByRole('heading', { level: 1, name: wordsOf('de').i.title }).waitFor();
    await eventually(async () => assert.equal(await page.title(), title('de')));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('across languages', () => {
  it('a French and an English partner exchange codes; each sees the comparison in their own language', async () => {
    const people = [];
    for (const [tag, level] of [['fr', levels(4, 2)], ['en', levels(2, 4)]]) {
      const { context, page, problems } = await openIn(localeOf(tag));
      await walk(page, tag, level);
      const code = await page.getByLabel(wordsOf(tag).m.code_label, { exact: true }).inputValue();
      people.push({ tag, context, page, problems, code });
    }
    for (const me of people) {
      const { m, i } = wordsOf(me.tag);
      const other = people.find((p) => p !== me);
      await me.page.getByRole('navigation').getByRole('button', { name: m.nav_compare, exact: true }).click();
      await me.page.getByLabel(m.codes_label, { exact: true }).fill(`${me.code}\n${other.code}`);
      await me.page.locator('form.compare-form').getByRole('button', { name: m.compare_submit, exact: true }).click();
      await me.page.getByRole('heading', { name: m.pair_heading, exact: true }).waitFor();
      const names = await me.page.locator('#compare-outcome table.scores tbody th').allInnerTexts();
      assert.deepEqual(names.map((n) => n.trim()), i.dimensions.map((d) => d.name));
      await me.page.getByText(m.gap_flag, { exact: true }).first().waitFor();
      assert.deepEqual(me.problems, []);
    }
    for (const p of people) await p.context.close();
  });
});

for (const colorScheme of ['light', 'dark']) {
  describe(`accessibility in French and Arabic, ${colorScheme}`, () => {
    for (const tag of ['fr', 'ar']) {
      it(`${tag}: welcome, a step, results and compare have no axe violations`, async () => {
        const { context, page, problems } = await openIn(localeOf(tag), { colorScheme });
        const { m } = wordsOf(tag);
        await expectNoViolations(page, `${tag} welcome`);
        await page.getByRole('button', { name: m.start, exact: true }).click();
        await page.getByRole('progressbar').waitFor();
        await expectNoViolations(page, `${tag} step`);
        await walk(page, tag, levels(5, 1), { started: true });
        await expectNoViolations(page, `${tag} results`);
        await page.getByRole('navigation').getByRole('button', { name: m.nav_compare, exact: true }).click();
        await page.getByLabel(m.codes_label, { exact: true }).fill(`${codeAt(4)}\n${codeAt(2)}\n${codeAt(3)}`);
        await page.locator('form.compare-form').getByRole('button', { name: m.compare_submit, exact: true }).click();
        await page.locator('#compare-outcome table.team-table').waitFor();
        await expectNoViolations(page, `${tag} compare (team)`);
        await page.getByLabel(m.codes_label, { exact: true }).fill(`${codeAt(4)}\n${codeAt(2)}`);
        await page.locator('form.compare-form').getByRole('button', { name: m.compare_submit, exact: true }).click();
        await page.getByRole('heading', { name: m.pair_heading, exact: true }).waitFor();
        await expectNoViolations(page, `${tag} compare (pair)`);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  });
}
