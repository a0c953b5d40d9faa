// Two versions of the questionnaire: what the version-1 release stored, downloaded and
// shared opens as it showed it; its unfinished check finishes with version 1; new checks
// use version 2, whose low answers bring their own advice; history and the trend show
// both; compare never mixes them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { root, instrumentIn } from '../support.mjs';
import {
  useApp, open, plans, completeCheck, dimensions, instrument, scoreTable, goHistory, tableRows, comparePasted, codeAt, eventually,
} from './app.mjs';

const env = useApp();
const fixture = (file) => fs.readFileSync(path.join(root, 'core/data/fixtures/release-1', file), 'utf8');
const release = {
  history: fixture('history.json'),
  draft: fixture('draft.json'),
  export: fixture('export.json'),
  codes: fixture('codes.txt').trim().split('\n'),
};
const v1 = instrumentIn('en', 1);

/** River Trust's first check as the version-1 release's results table showed it
 * (core/data/fixtures/release-1/README.md). */
const riverTrustFirst = {
  'Shared purpose & values': ['4.5', 'Strength'],
  Communication: ['2.8', 'Concern'],
  'Trust & respect': ['4.0', 'Strength'],
  'Goals & accountability': ['2.3', 'Concern'],
  Commitment: ['3.8', 'Discuss'],
  'Coordination & decision-making': ['3.3', 'Discuss'],
  'Complementary strengths': ['4.5', 'Strength'],
  'Learning & celebration': ['2.0', 'Concern'],
};

async function withRelease1(page, { draft = true } = {}) {
  await page.evaluate(([h, d]) => {
    localStorage.setItem('rapport.history', h);
    if (d) localStorage.setItem('rapport.draft', d);
  }, [release.history, draft ? release.draft : null]);
  await page.reload();
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.pre'));
}

async function expectNoAxeViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

describe('version 1 beside version 2', () => {
  it('the version-1 release’s checks open as it showed them, and its unfinished check finishes with version 1', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await withRelease1(page);
    // It reopens on the step it was left on, in version 1's eight steps.
    await page.getByText(`Step 3 of ${v1.dimensions.length}`, { exact: true }).waitFor();
    // The welcome says which version the unfinished check uses.
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    await page.getByText('Your unfinished check uses version 1 of the questionnaire').waitFor();
    await expectNoAxeViolations(page, 'the welcome with a version-1 check under way');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    // It reopens where it was left, in version 1's eight steps and words.
    for (let step = 2; step < v1.dimensions.length; step++) {
      await page.getByText(`Step ${step + 1} of ${v1.dimensions.length}`, { exact: true }).waitFor();
      const dimension = v1.dimensions[step];
      assert.equal((await page.locator('h1').innerText()).trim().endsWith(dimension.name), true);
      for (const statement of dimension.statements) {
        await page.getByRole('group', { name: statement.text }).getByText('Agree', { exact: true }).click();
      }
      const last = step === v1.dimensions.length - 1;
      await page.getByRole('button', { name: last ? 'See results' : 'Next' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    const finished = await scoreTable(page);
    assert.deepEqual(Object.keys(finished), v1.dimensions.map((d) => d.name));
    // Purpose kept the release's answers (4, 3, 2 on a reversed one, 4): 3.8.
    assert.deepEqual(finished['Shared purpose & values'], ['3.8', 'Discuss']);
    assert.match(await page.locator('#share-code').inputValue(), /^RP1\.PH1\./);

    // History holds the release's three checks and this one; the first opens as shown then.
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 4);
    await page.getByRole('button', { name: /^Open the check of River Trust/ }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    assert.deepEqual(await scoreTable(page), riverTrustFirst);
    assert.match(await page.locator('.overall').innerText(), /3\.4 out of 5/);
    const plan = await page.locator('.plan .plan-what').allInnerTexts();
    assert.equal(plan.length, 2);
    assert.match(plan[0], /^Set up a fixed check-in rhythm/);
    assert.match(plan[1], /^Pick a small set of shared metrics/);
    // The third is in the person's own words, still editable.
    assert.equal(await page.locator('#plan-words-2').inputValue(), 'Lunch with the partner’s new director');
    expectNoProblems();
    await context.close();
  });

  it('a new check uses version 2, even where version 1 kept a name; the trend follows kept dimensions across versions and marks the change', async () => {
    const { context, page, expectNoProblems } = await open(env);
    // What the version-1 release kept after a finished check: the name, no answers.
    const nameOnly = JSON.stringify({ schema: 2, data: { instrument_id: 'partnership-health', instrument_version: 1, name: 'River Trust', answers: {}, step: null } });
    await page.evaluate(([h, d]) => {
      localStorage.setItem('rapport.history', h);
      localStorage.setItem('rapport.draft', d);
    }, [release.history, nameOnly]);
    await page.reload();
    await page.waitForFunction(() => !document.querySelector('.pre'));
    const total = dimensions.reduce((n, d) => n + d.statements.length, 0);
    await page.getByText(`${total} statements`, { exact: false }).first().waitFor();
    assert.equal(await page.getByLabel('Partnership name (kept only on this device)').inputValue(), 'River Trust');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText(`Step 1 of ${dimensions.length}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    await completeCheck(page, () => plans.all('Agree'));
    const table = await scoreTable(page);
    assert.deepEqual(Object.keys(table), dimensions.map((d) => d.name));
    // The previous River Trust check answered version 1: its scores do not compare, so
    // there is no change column; the trend shows both, marked.
    assert.deepEqual(table['Shared purpose & values'], ['3.5', 'Discuss']);
    assert.equal(await page.locator('table.scores thead th').count(), 3);
    assert.match(await page.locator('#share-code').inputValue(), new RegExp(`^RP1\\.PH${instrument.version}\\.`));

    await goHistory(page);
    await page.locator('.trend').waitFor();
    assert.match(
      await page.locator('.trend-version-note').innerText(),
      new RegExp(`checks use version ${instrument.version} of the questionnaire`),
    );
    assert.equal(await page.locator('.trend-svg .trend-version').count(), 1);
    const rows = await tableRows(page, 'table.trend-table');
    assert.deepEqual(rows.map((r) => r.at(-1)), ['1', '1', String(instrument.version)]);
    // Every dimension either version scored can be followed: version 2's, then those
    // only version 1 had.
    const options = await page.locator('#trend-dimension option').allInnerTexts();
    assert.deepEqual(options.slice(0, dimensions.length), dimensions.map((d) => d.name));
    assert.ok(options.includes('Learning & celebration'));
    // Communication keeps its id in version 2, under a new name.
    await page.locator('#trend-dimension').selectOption({ label: dimensions.find((d) => d.id === 'communication').name });
    await eventually(async () => {
      const scores = (await tableRows(page, 'table.trend-table')).map((r) => r[2]);
      assert.deepEqual(scores, ['2.8', '3.5', '3.5']);
    });
    await expectNoAxeViolations(page, 'the trend across versions');
    expectNoProblems();
    await context.close();
  });

  it('codes of version 1 compare as version 1; beside version 2 they are set aside with the reason', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await comparePasted(page, [release.codes[1], release.codes[2]]);
    await page.getByRole('heading', { name: 'Side by side' }).waitFor();
    const pair = await tableRows(page, 'table.pair-table');
    assert.deepEqual(pair.map((r) => r[0]), v1.dimensions.map((d) => d.name));
    assert.deepEqual(pair[0].slice(0, 3), ['Shared purpose & values', '4.5', '2.0']);

    await comparePasted(page, [codeAt(4), codeAt(2), release.codes[0]]);
    await eventually(async () => {
      const note = await page.locator('.set-aside').innerText();
      assert.match(note, /Not compared: pasted, line 3 answers version 1 of the questionnaire, the results above version 2/);
    });
    const compared = await tableRows(page, 'table.pair-table');
    assert.deepEqual(compared.map((r) => r[0]), dimensions.map((d) => d.name));
    await expectNoAxeViolations(page, 'compare with a result set aside');
    expectNoProblems();
    await context.close();
  });

  it('the file the version-1 release downloaded imports into a fresh browser', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await goHistory(page);
    await page.locator('#import-file').setInputFiles({ name: 'rapport-history-2026-12-05.json', mimeType: 'application/json', buffer: Buffer.from(release.export) });
    await page.getByText('Imported rapport-history-2026-12-05.json: 3 results added.').waitFor();
    assert.equal(await page.locator('.history-item').count(), 3);
    await page.getByRole('button', { name: /^Open the check of River Trust/ }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    assert.deepEqual(await scoreTable(page), riverTrustFirst);
    expectNoProblems();
    await context.close();
  });
});

describe('advice for one low answer', () => {
  it('a statement answered low brings its own advice, whatever its dimension’s band, and it can go in the plan', async () => {
    const { context, page, expectNoProblems } = await open(env);
    // Strongly agree everywhere: each reversed statement is answered low, and every
    // dimension of four statements is a strength (those of three are Discuss).
    await completeCheck(page, () => plans.all('Strongly agree'));
    const reversed = dimensions.flatMap((d) => d.statements.filter((s) => s.reversed).map((s) => ({ d, s })));
    const items = page.locator('.low-answers li');
    await eventually(async () => assert.equal(await items.count(), reversed.length));
    const benefit = dimensions.find((d) => d.id === 'benefit');
    const unfair = benefit.statements.find((s) => s.reversed);
    const advice = benefit.advice.find((a) => a.statement === unfair.id).text;
    const item = page.locator('.low-answers li', { hasText: unfair.text });
    assert.equal(await item.locator('.low-statement').innerText(), `Answered “Strongly agree” to: ${unfair.text}`);
    assert.ok((await item.innerText()).includes(advice));
    // Its dimension is a strength: the strength advice is there too.
    const article = page.locator('article.advice', { has: page.getByRole('heading', { name: new RegExp(`^${benefit.name}`) }) });
    assert.ok((await article.innerText()).includes(benefit.recommendations.strength));
    await item.getByRole('button', { name: 'Add to plan' }).click();
    await eventually(async () => assert.deepEqual(await page.locator('.plan .plan-what').allInnerTexts(), [advice]));
    await expectNoAxeViolations(page, 'results with low answers');
    expectNoProblems();
    await context.close();
  });
});
