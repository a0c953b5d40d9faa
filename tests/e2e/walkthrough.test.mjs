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
    case 'benefit':
      return plans.all('Disagree'); // 2, 2, 2 and the reversed one 6 - 2 = 4: 2.5
    case 'renewal':
      // One scored answer is not enough for a score.
      return (s, i) => (i === 0 ? 'Agree' : "Don't know");
    default:
      return plans.all('Agree'); // 4, 4, 4 and the reversed one 2: 3.5; 4, 4 and 2: 3.3
  }
}

describe('walk-through', () => {
  it('by mouse: every step, then scores, bands, highlights and next steps', async () => {
    const { context, page, requests, expectNoProblems } = await open(env);

    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await completeCheck(page, mixed, { name: 'River Trust' });

    // Overall: (5 + 5 + 3.5 × 4 + 3.33 × 2 + 2.5) / 9 = 3.69; (3.69 − 1) / 4 × 100 = 67.
    const overall = page.locator('.overall');
    assert.match(await overall.innerText(), /3\.7 out of 5/);
    assert.match(await overall.innerText(), /67 \/ 100/);
    assert.match(await overall.innerText(), /Discuss/);
    assert.match(await page.locator('.meta').innerText(), /Partnership: River Trust/);

    const byId = Object.fromEntries(dimensions.map((d) => [d.id, d]));
    assert.deepEqual(await scoreTable(page), {
      [byId.purpose.name]: ['5.0', 'Strength'],
      [byId.goals.name]: ['3.3', 'Discuss'],
      [byId.benefit.name]: ['2.5', 'Concern'],
      [byId.communication.name]: ['5.0', 'Strength'],
      [byId.trust.name]: ['3.5', 'Discuss'],
      [byId.power.name]: ['3.5', 'Discuss'],
      [byId.coordination.name]: ['3.3', 'Discuss'],
      [byId.commitment.name]: ['3.5', 'Discuss'],
      [byId.stakeholders.name]: ['3.5', 'Discuss'],
      [byId.renewal.name]: ['–', 'Not enough answers'],
    });

    const strongest = await page.locator('.highlight-strong li').allInnerTexts();
    const weakest = await page.locator('.highlight-weak li').allInnerTexts();
    assert.deepEqual(strongest.map((t) => t.split('\n')[0].trim()), [byId.purpose.name, byId.communication.name]);
    // Goals and coordination tie at 3.3: the instrument's order decides.
    assert.deepEqual(weakest.map((t) => t.split('\n')[0].trim()), [byId.benefit.name, byId.goals.name]);

    // Next steps: Concern and Discuss get their actions, Strength its keep-it-up line.
    const advice = (name) => page.locator('article.advice', { has: page.getByRole('heading', { name }) });
    for (const text of byId.benefit.recommendations.concern) {
      await assert.doesNotReject(advice(byId.benefit.name).getByText(text, { exact: true }).waitFor());
    }
    for (const text of byId.trust.recommendations.discuss) {
      await assert.doesNotReject(advice(byId.trust.name).getByText(text, { exact: true }).waitFor());
    }
    assert.match(await advice(byId.purpose.name).innerText(), /Keep it up/);
    assert.ok((await advice(byId.purpose.name).innerText()).includes(byId.purpose.recommendations.strength));
    assert.match(await advice(byId.renewal.name).innerText(), /Don't know/);
    // The weakest comes first.
    assert.ok((await page.locator('article.advice').first().innerText()).startsWith(byId.benefit.name));
    // Agreeing with trust's reversed statement is a low answer: its own advice is there.
    const doubt = byId.trust.statements.find((s) => s.reversed);
    const own = byId.trust.advice.find((a) => a.statement === doubt.id);
    assert.ok((await advice(byId.trust.name).locator('.low-answers').innerText()).includes(own.text));

    // The chart: a labelled axis per dimension, both threshold rings, and a text alternative.
    const chart = page.getByRole('img', { name: 'Scores by dimension' });
    await chart.waitFor();
    // Each label's lines (each a text of its own) read as the dimension's name.
    const labels = await chart.locator('g.axis-label').evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('text:not(.axis-score)')].map((t) => t.textContent).join(' ')));
    assert.deepEqual(labels, dimensions.map((d) => d.name));
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
      for (let s = 0; s < dimensions[step].statements.length; s++) {
        await page.keyboard.press('Tab'); // into the next group, on its first answer
        for (let k = 0; k < agree; k++) await page.keyboard.press('ArrowRight');
      }
      const statement = dimensions[step].statements.at(-1);
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
    // Agree throughout: 4 on each plain statement and 2 on the reversed one, 3.5 in a
    // dimension of four and 3.33 in one of three; (8 × 3.5 + 2 × 3.33) / 10 = 3.47, 62 / 100.
    assert.match(await page.locator('.overall').innerText(), /3\.5 out of 5/);
    assert.match(await page.locator('.overall').innerText(), /62 \/ 100/);
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
