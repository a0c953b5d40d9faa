// Answers and results are kept in the browser and never lost: reloads, history,
// comparison, deletion, unreadable data, storage that throws, and two open tabs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, watch, dimensions, plans, answerStep, completeCheck, scoreTable, rapportKeys, goHistory, eventually, onStep, storedDraft, LABELS } from './app.mjs';

const env = useApp();
const agree = () => plans.all('Agree');

describe('saved in the browser', () => {
  it('a reload mid-way resumes at the same step with every answer', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await page.getByLabel('Partnership name (kept only on this device)').fill('Harbour Alliance');
    await page.getByRole('button', { name: 'Start' }).click();
    await answerStep(page, plans.best);
    await page.getByRole('button', { name: 'Next' }).click();
    await onStep(page, 2);
    await answerStep(page, plans.all('Disagree'));
    await page.getByRole('button', { name: 'Next' }).click();
    const trust = dimensions[2].statements;
    // Steps 1 and 2 answered in full, and two statements of step 3.
    const answered = dimensions[0].statements.length + dimensions[1].statements.length + 2;
    await page.getByRole('group', { name: trust[0].text }).getByText(LABELS[2], { exact: true }).click();
    await page.getByRole('group', { name: trust[1].text }).getByText("Don't know", { exact: true }).click();
    // Every answer is stored before the reload.
    await eventually(async () => assert.equal(Object.keys((await storedDraft(page)).answers).length, answered));

    await page.reload();
    await onStep(page, 3);
    assert.ok((await page.locator('h1').innerText()).endsWith(dimensions[2].name));
    assert.ok(await page.locator(`#answer-${trust[0].id}-3`).isChecked());
    assert.ok(await page.locator(`#answer-${trust[1].id}-0`).isChecked());
    assert.equal(await page.locator(`input[name="answer-${trust[2].id}"]:checked`).count(), 0);

    await page.getByRole('button', { name: 'Back' }).click();
    await onStep(page, 2);
    for (const s of dimensions[1].statements) assert.ok(await page.locator(`#answer-${s.id}-2`).isChecked());

    // A new tab, as after closing the browser: the welcome screen offers to continue.
    const again = await context.newPage();
    await again.goto(env.url);
    await again.getByText(`Step 2 of ${dimensions.length}`, { exact: true }).waitFor();
    await again.getByRole('button', { name: 'Rapport' }).click();
    assert.match(await again.locator('.unfinished').innerText(), new RegExp(`${answered} of ${dimensions.reduce((n, d) => n + d.statements.length, 0)} statements answered`));
    assert.equal(await again.getByLabel('Partnership name (kept only on this device)').inputValue(), 'Harbour Alliance');
    // Starting over asks first; cancelling keeps every answer.
    await again.getByRole('button', { name: 'Start over' }).click();
    assert.match(await again.getByRole('group', { name: /Start over and clear/ }).innerText(), new RegExp(`clear the ${answered} answers`));
    await again.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => assert.equal(await again.evaluate(() => document.activeElement.id), 'start-over'));
    // Continue opens the first step with unanswered statements.
    await again.getByRole('button', { name: 'Continue' }).click();
    await again.getByText(`Step 3 of ${dimensions.length}`, { exact: true }).waitFor();

    // A reload on the welcome screen stays there (the draft stores where the person is).
    await again.getByRole('button', { name: 'Rapport' }).click();
    await eventually(async () => assert.equal((await storedDraft(again)).step, null));
    await again.reload();
    await again.getByRole('button', { name: 'Continue' }).waitFor();
    assert.equal(await again.getByText(new RegExp(`^Step \\d of ${dimensions.length}$`)).count(), 0);
    expectNoProblems();
    await context.close();
  });

  it('results and history survive a reload', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, agree, { name: 'River Trust' });
    const before = await scoreTable(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    assert.match(await page.locator('.latest').innerText(), /Your latest result: 3\.5 out of 5/);
    await page.getByRole('button', { name: 'Open it' }).click();
    assert.deepEqual(await scoreTable(page), before);
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 1);
    assert.match(await page.locator('.history-item').innerText(), /River Trust/);
    expectNoProblems();
    await context.close();
  });

  it('a later check of the same partnership shows the change per dimension', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, agree, { name: 'River Trust' });
    await page.getByRole('button', { name: 'Take it again' }).click();
    assert.equal(await page.getByLabel('Partnership name (kept only on this device)').inputValue(), 'River Trust');
    await completeCheck(page, (d) => (d.id === 'purpose' ? plans.best : d.id === 'benefit' ? plans.all('Disagree') : agree()));

    const table = await scoreTable(page);
    assert.deepEqual(table['Shared purpose & values'], ['5.0', 'Strength', '↑up 1.5']);
    assert.deepEqual(table[dimensions.find((d) => d.id === 'benefit').name], ['2.5', 'Concern', '↓down 1.0']);
    assert.deepEqual(table['Trust & respect'], ['3.5', 'Discuss', 'no change']);
    assert.match(await page.locator('.chart-and-table .hint').innerText(), /previous check of this partnership/);

    // Another partnership is not compared with River Trust.
    await page.getByRole('button', { name: 'Take it again' }).click();
    await completeCheck(page, agree, { name: 'Other Partnership' });
    assert.equal(await page.getByRole('columnheader', { name: 'Change' }).count(), 0);

    await goHistory(page);
    const names = await page.locator('.history-name').allInnerTexts();
    assert.deepEqual(names, ['Other Partnership', 'River Trust', 'River Trust']);
    expectNoProblems();
    await context.close();
  });

  it('deletes one check after confirmation, then everything', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, agree, { name: 'First' });
    await page.getByRole('button', { name: 'Take it again' }).click();
    await completeCheck(page, agree, { name: 'Second' });
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 2);

    const newest = page.locator('.history-item').first();
    const deleteNewest = newest.getByRole('button', { name: /^Delete the check of Second from/ });
    await deleteNewest.click();
    assert.match(await newest.locator('.confirm').innerText(), /This cannot be undone/);
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Keep it'));
    await newest.getByRole('button', { name: 'Keep it' }).click();
    await newest.locator('.confirm').waitFor({ state: 'detached' });
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), await deleteNewest.getAttribute('id')));
    assert.equal(await page.locator('.history-item').count(), 2);
    await deleteNewest.click();
    await newest.getByRole('button', { name: 'Yes, delete it' }).click();
    await eventually(async () => assert.deepEqual(await page.locator('.history-name').allInnerTexts(), ['First']));
    // The delete is stored before the reload.
    await eventually(async () => assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('rapport.history'))).data.assessments.length, 1));
    await page.reload();
    await goHistory(page);
    assert.deepEqual(await page.locator('.history-name').allInnerTexts(), ['First']);

    await page.getByRole('button', { name: 'Rapport' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await answerStep(page, agree()); // an unfinished check is data too
    await goHistory(page);
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('All Rapport data has been deleted from this browser.').waitFor();
    assert.deepEqual(await rapportKeys(page), []);
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    assert.equal(await page.locator('.latest').count(), 0);
    assert.deepEqual(await rapportKeys(page), []);
    expectNoProblems();
    await context.close();
  });

  it('unreadable saved data: the app starts, says so, and keeps the old value aside', async () => {
    const { context, page, expectNoProblems } = await open(env);
    const corruptHistory = '{"schema":1,"data":{"assessments":[{"id":';
    const futureDraft = '{"schema":9,"data":{"answers":{}}}';
    await page.evaluate(([h, d]) => {
      localStorage.setItem('rapport.history', h);
      localStorage.setItem('rapport.draft', d);
    }, [corruptHistory, futureDraft]);
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const notices = await page.locator('.notice').allInnerTexts();
    assert.equal(notices.length, 2, notices.join('\n'));
    assert.match(notices.join('\n'), /Your saved history could not be read \(it is not valid JSON/);
    assert.match(notices.join('\n'), /Your unfinished check could not be read \(it was saved in format 9, which this version of Rapport cannot read\)/);
    const backups = (await rapportKeys(page)).filter((k) => k.startsWith('rapport.backup.'));
    assert.equal(backups.length, 2);
    const kept = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), backups);
    assert.deepEqual(kept.sort(), [corruptHistory, futureDraft].sort());
    for (const key of backups) assert.match(notices.join('\n'), new RegExp(key.replace(/\./g, '\\.')));

    // The app works and saves afresh; the kept copies stay, and are not copied again.
    await completeCheck(page, agree);
    await page.reload();
    await page.getByRole('button', { name: 'Open it' }).waitFor();
    assert.deepEqual((await rapportKeys(page)).filter((k) => k.startsWith('rapport.backup.')), backups);
    assert.equal(await page.locator('.notice').count(), 0);
    expectNoProblems();
    await context.close();
  });

  it('localStorage that throws: a visible notice, and the check still completes', async () => {
    const { context, page, expectNoProblems } = await open(env, {
      initScript: () => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    });
    const notice = page.locator('.notice');
    assert.match(await notice.innerText(), /not letting Rapport save/);
    await completeCheck(page, agree);
    assert.match(await page.locator('.overall').innerText(), /3\.5 out of 5/);
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 1);
    assert.equal(await page.locator('.notice').count(), 1);
    expectNoProblems();
    await context.close();
  });

  it('two open tabs keep each other’s checks', async () => {
    const { context, page: first, expectNoProblems } = await open(env);
    const second = await context.newPage();
    const problems = watch(second);
    await second.goto(env.url);
    await second.getByRole('button', { name: 'Start' }).waitFor();

    // Chromium throttles background tabs: bring forward the tab a person would be looking at.
    await first.bringToFront();
    await completeCheck(first, agree, { name: 'From tab one' });
    // The second tab loaded before the first finished; its own check must not wipe it.
    await second.bringToFront();
    await completeCheck(second, agree, { name: 'From tab two' });
    await goHistory(second);
    assert.deepEqual((await second.locator('.history-name').allInnerTexts()).sort(), ['From tab one', 'From tab two']);
    // The first tab hears about the second one's check without a reload.
    await first.bringToFront();
    await goHistory(first);
    await first.getByText('From tab two').waitFor();
    assert.equal(await first.locator('.history-item').count(), 2);

    // A delete in one tab is not undone by the other.
    await first.locator('.history-item', { hasText: 'From tab one' }).getByRole('button', { name: /^Delete/ }).click();
    await first.getByRole('button', { name: 'Yes, delete it' }).click();
    await second.bringToFront();
    await second.locator('.history-item', { hasText: 'From tab one' }).waitFor({ state: 'detached' });
    await second.getByRole('button', { name: 'Rapport' }).click();
    await second.getByRole('button', { name: 'Start' }).click();
    await answerStep(second, agree());
    await second.reload();
    await goHistory(second);
    assert.deepEqual(await second.locator('.history-name').allInnerTexts(), ['From tab two']);

    // Delete all in one tab empties the other too, unfinished check included.
    await first.bringToFront();
    await goHistory(first);
    await first.getByRole('button', { name: 'Rapport' }).click();
    await first.getByRole('button', { name: 'Start' }).click();
    await answerStep(first, agree());
    await second.bringToFront();
    await goHistory(second);
    await second.getByRole('button', { name: 'Delete all my data' }).click();
    await second.getByRole('button', { name: 'Yes, delete everything' }).click();
    await first.bringToFront();
    await first.getByText('All Rapport data has been deleted from this browser.').waitFor();
    await first.getByRole('button', { name: 'Start' }).waitFor();
    assert.equal(await first.locator('.latest').count(), 0);
    assert.deepEqual(await rapportKeys(first), []);
    expectNoProblems();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
