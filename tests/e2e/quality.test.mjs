// Accessibility (axe-core, light and dark), privacy and the first-load budget.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useApp, open, plans, completeCheck, goHistory, answerStep, codeAt, comparePasted, onStep } from './app.mjs';
import { checkSize, dist, firstLoadSizes, languages, packSize } from '../support.mjs';

const env = useApp();

/**
 * First-load budget in gzip bytes for an English visitor: HTML (with the inline
 * stylesheet, the welcome screen and the first step), JS, wasm and the English pack. A tripwire for
 * accidents, moved in the open when a feature or an idiomatic crate needs it: the issue
 * that put every JSON through serde and serde_json (and put std's Unicode lowercasing,
 * float formatting and trigonometry where hand-made stand-ins were) took the first load
 * from 206,870 to 274,760 bytes. The questionnaire's version 2 took it to 289,180: the
 * English pack +5,744 (version 2's words, with advice for every statement, beside version
 * 1's, which checks made with it still need), the wasm +8,404 (both versions' structures
 * and the code that keeps them apart). The first step in the first paint took it to
 * 295,340: index.html +3,489 (step 1 in all six languages, so answering starts before
 * the wasm arrives), the rest about +2,670 (the wasm that takes over the page's answers,
 * focus and Next, and the page's start-up lines). Site owners' own instruments took it
 * to 332,508: the wasm +35,650 (reading an instrument file with serde and
 * serde_path_to_error, which gives each problem its JSON path, about 12,000 of it; its
 * checks, each problem worded for the console, instruments of 3 to 7 points with their
 * own bands, format-2 result codes with a fingerprint, a draft per instrument), the
 * English pack +1,130 (those problems' words). What people feel is time: `./dev bench`
 * (first statement clickable 2.9 s → 0.8 s). The studio (studio/) adds nothing itself:
 * its wasm and packs load only on its own page. What it shares with the app's reader
 * took the first load from 333,704 to 334,561 (+857, the wasm): the reader sorts JSON
 * mistakes and the kinds of value it expected, so the studio can word them in any
 * language, and the app's messages and the studio's share one catalogue.
 * The built-in check read through its instrument file (the app fetches the visitor's
 * language's file beside the pack, whose words for it the build takes out) took it from
 * 334,588 to 337,869 (+3,281): the pack and the file together +1,641 over the pack alone
 * (the file's own keys, and gzip no longer sees version 1's words beside version 2's, so
 * shared phrases are compressed twice), the wasm +1,629 (reading the two at once, and
 * checking the file against the structure codes name), index.html +11 (the second
 * preload). Raised to 339,000.
 */
const BUDGET_GZIP = 339_000;
/**
 * Each language's words, gzip: its pack, and since the built-in check is read through its
 * file, that file in the language too (both load on every visit). The languages issue
 * set 12 KB for the pack; the action-plan issue's
 * messages (about 70, with six plural forms each in Arabic) took Arabic to 12,500:
 * raised to 13,000, said in that issue's note. Version 2 of the questionnaire (38
 * statements, 88 recommendations) sits beside version 1 in every pack: Arabic, the
 * largest, is 19,980; raised to 21,000, said in that issue's note. The words for what
 * can be wrong in an instrument file (27 messages, plural in Arabic) took Arabic to
 * 21,611: raised to 22,000, said in that issue's note. Read through its file, version
 * 2's words cost Arabic, the largest, 1,891 more (21,772 → 14,667 + 8,996 = 23,663): raised
 * to 24,000, said in the own-questionnaire issue's note.
 */
const PACK_BUDGET_GZIP = 24_000;

async function expectNoViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

for (const colorScheme of ['light', 'dark']) {
  describe(`accessibility in ${colorScheme} mode`, () => {
    it('welcome, a step (with its validation message), results and history have no axe violations', async () => {
      const { context, page, expectNoProblems } = await open(env, { contextOptions: { colorScheme } });
      await expectNoViolations(page, 'welcome');
      // Each check waits for the very screen it checks: axe reads whatever is there.
      await page.getByRole('button', { name: 'Start' }).click();
      await onStep(page, 1);
      await expectNoViolations(page, 'step 1');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Needs an answer').nth(3).waitFor();
      await expectNoViolations(page, 'step 1 with unanswered statements');
      await answerStep(page, plans.all('Agree'));
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await onStep(page, 2);
      await page.getByRole('button', { name: 'Rapport' }).click();
      await page.getByRole('button', { name: 'Start over' }).waitFor();
      await expectNoViolations(page, 'welcome with an unfinished check');
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.getByRole('button', { name: 'Yes, start over' }).waitFor();
      await expectNoViolations(page, 'welcome asking to start over');
      await page.getByRole('button', { name: 'Yes, start over' }).click();
      await page.getByRole('button', { name: 'Rapport' }).click();
      await completeCheck(page, (d) => (d.id === 'renewal' ? plans.all("Don't know") : d.id === 'trust' ? plans.all('Disagree') : plans.best));
      await expectNoViolations(page, 'results');
      await page.getByRole('button', { name: 'Take it again' }).click();
      await completeCheck(page, () => plans.all('Agree'));
      await expectNoViolations(page, 'results with changes');
      await goHistory(page);
      await expectNoViolations(page, 'history');
      await page.locator('.history-item').first().getByRole('button', { name: /^Delete/ }).click();
      await page.locator('.history-item .confirm').waitFor();
      await expectNoViolations(page, 'history with a confirmation');
      expectNoProblems();
      await context.close();
    });
  });
}

describe('sharing and comparing, in dark mode and at 320 px', () => {
  it('a shared result, both compare views and the history with import have no axe violations in dark mode', async () => {
    const { context, page, expectNoProblems } = await open(env, { contextOptions: { colorScheme: 'dark' } });
    await page.goto(`${env.url}#${codeAt(4, 'Harbour Alliance')}`);
    await page.getByRole('heading', { level: 1, name: 'A shared result' }).waitFor();
    await expectNoViolations(page, 'shared result (dark)');
    await comparePasted(page, [codeAt(2), codeAt(5), 'not a code']);
    await page.locator('#compare-outcome .line-problems').waitFor();
    await page.locator('#compare-outcome table.pair-table').waitFor();
    await expectNoViolations(page, 'compare, two results with a bad line (dark)');
    // The pair is on screen until the team replaces it: wait for the team.
    await comparePasted(page, [codeAt(2), codeAt(3), codeAt(5)]);
    await page.getByRole('heading', { name: 'Team view of 3 results' }).waitFor();
    await expectNoViolations(page, 'compare, team (dark)');
    await goHistory(page);
    await expectNoViolations(page, 'history with import (dark)');
    expectNoProblems();
    await context.close();
  });

  it('shared result and compare work at 320 px without sideways scrolling', async () => {
    const { context, page, expectNoProblems } = await open(env, { contextOptions: { viewport: { width: 320, height: 640 } } });
    const noSideways = async (where) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${where} is ${width} px wide`);
    };
    await page.goto(`${env.url}#${codeAt(4, 'Harbour Alliance')}`);
    await page.getByRole('heading', { level: 1, name: 'A shared result' }).waitFor();
    await noSideways('shared result');
    await comparePasted(page, [codeAt(2), codeAt(5)]);
    await page.locator('#compare-outcome table.pair-table').waitFor();
    await noSideways('compare, two results');
    // The pair is on screen until the team replaces it: wait for the team.
    await comparePasted(page, [codeAt(2), codeAt(3), codeAt(5)]);
    await page.getByRole('heading', { name: 'Team view of 3 results' }).waitFor();
    await noSideways('compare, team');
    expectNoProblems();
    await context.close();
  });

  it('printing from Compare prints the comparison, without the form', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await comparePasted(page, [codeAt(2), codeAt(5)]);
    await page.locator('#compare-outcome ol.starters').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form.compare-form').isVisible(), false);
    assert.ok(await page.locator('table.pair-table').isVisible());
    assert.ok(await page.locator('ol.starters').isVisible());
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
    assert.ok(pages >= 1 && pages <= 2, `the comparison has ${pages} pages`);
    expectNoProblems();
    await context.close();
  });
});

describe('print report', () => {
  // Three pages, where version 1's eight dimensions took two: version 2 has ten, and next
  // steps for single answers besides the bands' (in two columns on paper).
  it('prints the results on at most three A4 pages, without buttons or page chrome', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, (d) => (d.id === 'benefit' ? plans.all('Disagree') : plans.all('Agree')), { name: 'River Trust' });
    await page.emulateMedia({ media: 'print' });
    // An empty plan is not printed either: only its buttons would show.
    for (const hidden of ['header.bar', 'footer.foot', '.results > .actions', '.results .plan']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is hidden in print`);
    }
    assert.ok(await page.locator('table.scores').isVisible());
    assert.ok(await page.getByRole('img', { name: 'Scores by dimension' }).isVisible());
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
    assert.ok(pages >= 1 && pages <= 3, `the report has ${pages} pages`);
    expectNoProblems();
    await context.close();
  });
});

describe('privacy and weight', () => {
  it('every request stays on the app’s own origin and nothing is stored outside localStorage', async () => {
    const { context, page, requests, expectNoProblems } = await open(env);
    await completeCheck(page, () => plans.all('Agree'), { name: 'Private partnership' });
    await goHistory(page);
    assert.ok(requests.some((u) => u.endsWith('.wasm')));
    for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), `request left the app: ${url}`);
    assert.deepEqual(await context.cookies(), []);
    const other = await page.evaluate(async () => ({
      session: sessionStorage.length,
      databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    }));
    assert.deepEqual(other, { session: 0, databases: 0 });
    expectNoProblems();
    await context.close();
  });

  it(`an English visitor's first load (HTML + JS + wasm + CSS + the English pack and questionnaire file) stays under ${BUDGET_GZIP} bytes gzip`, () => {
    const sizes = [...firstLoadSizes(), packSize('en'), checkSize('en')];
    const kinds = sizes.map((s) => s.file.split('.').pop()).sort();
    // The stylesheet is inside index.html (so counted there), not a file the page loads.
    assert.deepEqual(kinds, ['html', 'js', 'json', 'json', 'wasm']);
    assert.match(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'), /<style>[\s\S]*?\.screen[\s\S]*?<\/style>/);
    const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
    console.log(`first load: ${raw} bytes raw, ${gzip} bytes gzip`);
    assert.ok(gzip <= BUDGET_GZIP, `first load is ${gzip} bytes gzip, over the ${BUDGET_GZIP} budget`);
  });

  it(`every language's words (its pack and questionnaire file) are at most ${PACK_BUDGET_GZIP} bytes gzip`, () => {
    for (const { tag } of languages) {
      const [pack, file] = [packSize(tag).gzip, checkSize(tag).gzip];
      assert.ok(pack + file <= PACK_BUDGET_GZIP, `${tag}: pack ${pack} + file ${file} bytes gzip`);
    }
  });
});
