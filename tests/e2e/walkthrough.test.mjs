// A person takes the whole check by mouse and by keyboard, and gets a useful result.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, dimensions, plans, answerStep, completeCheck, scoreTable, LABELS, eventually, onStep, goHistory } from './app.mjs';

const env = useApp();

/** The mixed plan behind the hand-computed expectations below. */
function mixed(dimension) {
  switch (dimension.id) {
    case 'purpose':
    case 'communication':
      return plans.best; // 5.0
    case 'strengths':
      return plans.all('Disagree'); // 2, 2, 2 and the reversed one 6 - 2 = 4: 2.5
    case 'learning':
      // One scored answer is not enough for a score.
      return (s, i) => (i === 0 ? 'Agree' : "Don't know");
    default:
      return plans.all('Agree'); // 4, 4, 4 and the reversed one 2: 3.5
  }
}

describe('walk-through', () => {
  it('by mouse: every step, then scores, bands, highlights and next steps', async () => {
    const { context, page, requests, expectNoProblems } = await open(env);

    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await completeCheck(page, mixed, { name: 'River Trust' });

    // Overall: (5 + 5 + 3.5 × 4 + 2.5) / 7 = 3.79; (3.79 − 1) / 4 × 100 = 70.
    const overall = page.locator('.overall');
    assert.match(await overall.innerText(), /3\.8 out of 5/);
    assert.match(await overall.innerText(), /70 \/ 100/);
    assert.match(await overall.innerText(), /Discuss/);
    assert.match(await page.locator('.meta').innerText(), /Partnership: River Trust/);

    assert.deepEqual(await scoreTable(page), {
      'Shared purpose & values': ['5.0', 'Strength'],
      Communication: ['5.0', 'Strength'],
      'Trust & respect': ['3.5', 'Discuss'],
      'Goals & accountability': ['3.5', 'Discuss'],
      Commitment: ['3.5', 'Discuss'],
      'Coordination & decision-making': ['3.5', 'Discuss'],
      'Complementary strengths': ['2.5', 'Concern'],
      'Learning & celebration': ['–', 'Not enough answers'],
    });

    const strongest = await page.locator('.highlight-strong li').allInnerTexts();
    const weakest = await page.locator('.highlight-weak li').allInnerTexts();
    assert.deepEqual(strongest.map((t) => t.split('\n')[0].trim()), ['Shared purpose & values', 'Communication']);
    assert.deepEqual(weakest.map((t) => t.split('\n')[0].trim()), ['Complementary strengths', 'Trust & respect']);

    // Next steps: Concern and Discuss get their actions, Strength its keep-it-up line.
    const advice = (name) => page.locator('article.advice', { has: page.getByRole('heading', { name }) });
    const byId = Object.fromEntries(dimensions.map((d) => [d.id, d]));
    for (const text of byId.strengths.recommendations.concern) {
      await assert.doesNotReject(advice('Complementary strengths').getByText(text, { exact: true }).waitFor());
    }
    for (const text of byId.trust.recommendations.discuss) {
      await assert.doesNotReject(advice('Trust & respect').getByText(text, { exact: true }).waitFor());
    }
    assert.match(await advice('Shared purpose & values').innerText(), /Keep it up/);
    assert.ok((await advice('Shared purpose & values').innerText()).includes(byId.purpose.recommendations.strength));
    assert.match(await advice('Learning & celebration').innerText(), /Don't know/);
    // The weakest comes first.
    assert.match(await page.locator('article.advice').first().innerText(), /^Complementary strengths/);

    // The chart: eight labelled axes, both threshold rings, and a text alternative.
    const chart = page.getByRole('img', { name: 'Scores by dimension' });
    await chart.waitFor();
    assert.equal(await chart.locator('text.axis-label').count(), 8);
    assert.deepEqual(await chart.locator('text.ring-label').allTextContents(), ['3.0', '4.0']);

    await page.getByRole('button', { name: 'Print report' }).waitFor();
    await page.getByRole('button', { name: 'Take it again' }).waitFor();

    // Nothing but the app's own files was requested, and no cookie was set.
    assert.ok(requests.length > 0);
    for (const url of requests) assert.ok(url.startsWith(env.origin + '/'), `request left the app: ${url}`);
    assert.deepEqual(await context.cookies(), []);
    expectNoProblems();
    await context.close();
  });

  it('by keyboard only: Tab, arrows and Enter, with focus on each new heading', async () => {
    const { context, page, expectNoProblems } = await open(env);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent.trim());

    for (let i = 0; i < 10 && (await focused()) !== 'Start'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Start');
    await page.keyboard.press('Enter');

    const agree = LABELS.indexOf('Agree');
    for (let step = 0; step < dimensions.length; step++) {
      await onStep(page, step + 1);
      // Focus moves in an effect after the step's render.
      await eventually(async () => assert.equal(await focused(), 'screen-title', `focus is on the heading of step ${step + 1}`));
      for (let s = 0; s < 4; s++) {
        await page.keyboard.press('Tab'); // into the next group, on its first answer
        for (let k = 0; k < agree; k++) await page.keyboard.press('ArrowRight');
      }
      const statement = dimensions[step].statements[3];
      assert.equal(await focused(), `answer-${statement.id}-4`);
      if (step === 0) {
        // The focused answer is visibly marked.
        const outline = await page.locator(`label:has(#answer-${statement.id}-4)`).evaluate((l) => getComputedStyle(l).outlineStyle);
        assert.equal(outline, 'solid');
      }
      if (step % 2 === 0) {
        await page.keyboard.press('Enter'); // Enter on an answer moves on
      } else {
        await page.keyboard.press('Tab'); // Back
        await page.keyboard.press('Tab'); // Next / See results
        await page.keyboard.press('Enter');
      }
    }
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    await eventually(async () => assert.equal(await focused(), 'screen-title'));
    // Agree throughout: 4, 4, 4 and 2 for the reversed statement in every dimension.
    assert.match(await page.locator('.overall').innerText(), /3\.5 out of 5/);
    assert.match(await page.locator('.overall').innerText(), /63 \/ 100/);
    expectNoProblems();
    await context.close();
  });

  it('Next with unanswered statements says how many and focuses the first', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await page.getByRole('button', { name: 'Start' }).click();
    await onStep(page, 1);
    await page.getByRole('button', { name: 'Next' }).click();
    // The alert is there, empty, before Next: its words, the marks and the focus follow it.
    const alert = page.getByRole('alert');
    const focusedId = () => page.evaluate(() => document.activeElement.id);
    await eventually(async () => assert.equal((await alert.innerText()).trim(), "4 statements still need an answer. Choose Don't know if you are unsure."));
    await eventually(async () => assert.equal(await focusedId(), `answer-${dimensions[0].statements[0].id}-1`));
    await eventually(async () => assert.equal(await page.getByText('Needs an answer').count(), 4));

    const [first, second] = dimensions[0].statements;
    await page.getByRole('group', { name: first.text }).getByText('Agree', { exact: true }).click();
    await page.getByRole('group', { name: second.text }).getByText('Agree', { exact: true }).click();
    await eventually(async () => assert.equal((await alert.innerText()).trim(), "2 statements still need an answer. Choose Don't know if you are unsure."));
    await page.getByRole('button', { name: 'Next' }).click();
    // Still step 1, whose line was there already: what moves is the focus, to the first
    // statement still unanswered.
    await onStep(page, 1);
    await eventually(async () => assert.equal(await focusedId(), `answer-${dimensions[0].statements[2].id}-1`));

    await answerStep(page, () => "Don't know"); // Don't know counts as an answer
    await page.getByRole('button', { name: 'Next' }).click();
    await onStep(page, 2);
    await eventually(async () => assert.equal((await page.getByRole('alert').innerText()).trim(), ''));
    expectNoProblems();
    await context.close();
  });

  it("all Don't know: no overall score, a clear message, no crash", async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, () => plans.all("Don't know"));
    assert.match(await page.locator('.overall').innerText(), /Too many statements were answered Don't know/);
    const table = await scoreTable(page);
    assert.ok(Object.values(table).every(([score, band]) => score === '–' && band === 'Not enough answers'));
    expectNoProblems();
    await context.close();
  });

  it('the progress bar reports the step to assistive technology', async () => {
    const { context, page } = await open(env);
    await page.getByRole('button', { name: 'Start' }).click();
    await answerStep(page, plans.best);
    await page.getByRole('button', { name: 'Next' }).click();
    const bar = page.getByRole('progressbar', { name: 'Progress' });
    // The bar is on step 1 too: wait for its own values to move on.
    await eventually(async () => {
      assert.equal(await bar.getAttribute('aria-valuenow'), '2');
      assert.equal(await bar.getAttribute('aria-valuemin'), '1');
      assert.equal(await bar.getAttribute('aria-valuemax'), String(dimensions.length));
      assert.equal(await bar.getAttribute('aria-valuetext'), `Step 2 of ${dimensions.length}`);
    });
    await context.close();
  });

  it('works at 320 px wide without sideways scrolling', async () => {
    const { context, page, expectNoProblems } = await open(env, { contextOptions: { viewport: { width: 320, height: 640 } } });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, 'welcome');
    await completeCheck(page, mixed);
    assert.equal(await overflow(), 0, 'results');
    await page.getByRole('button', { name: 'Take it again' }).click();
    await page.getByLabel('Partnership name (kept only on this device)').fill('Anunusuallylongpartnershipnamewithoutanyspacesatall');
    await page.getByRole('button', { name: 'Start' }).click();
    await onStep(page, 1);
    assert.equal(await overflow(), 0, 'step');
    await page.getByRole('button', { name: 'Back' }).click();
    // Start then Back without answering leaves no unfinished check behind.
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await completeCheck(page, mixed);
    await goHistory(page);
    assert.equal(await overflow(), 0, 'history');
    expectNoProblems();
    await context.close();
  });
});
