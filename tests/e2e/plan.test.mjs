// Action plans: made on a result, kept as typed, printed and exported; followed up at the
// next check of the same partnership; due dates and reminders as calendar files; the
// partnerships on the welcome screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { useApp, open, plans, completeCheck, dimensions, instrument, scoreTable, goHistory, tableRows, comparePasted, codeFor, eventually, onStep, LABELS } from './app.mjs';

const env = useApp();

/** Every step answered so that trust and goals fall in Concern and the rest in Strength. */
const weakTrustAndGoals = (d) => (['trust', 'goals'].includes(d.id) ? plans.all('Disagree') : plans.best);
const trust = instrument.dimensions.find((d) => d.id === 'trust');
const goals = instrument.dimensions.find((d) => d.id === 'goals');

async function storedHistory(page) {
  return JSON.parse(await page.evaluate(() => localStorage.getItem('rapport.history')));
}

/** Waits until the stored history's latest check but `back` has a plan whose actions
 * read `fields` (e.g. [['Ana', '2031-03-01'], …] for owner and due): what a reload then finds. */
async function planStored(page, fields, { back = 0, read = (a) => [a.owner, a.due] } = {}) {
  await eventually(async () => {
    const actions = (await storedHistory(page))?.data.assessments[back]?.plan?.actions ?? [];
    assert.deepEqual(actions.map(read), fields);
  });
}

/** Opens the latest result from the welcome screen: "Open it", or its partnership's "Open". */
async function openLatest(page) {
  await page.locator('.latest, .partnerships').first().waitFor();
  const list = page.locator('.partnerships .history-item').first();
  await ((await list.count()) ? list.getByRole('button', { name: /^Open / }) : page.getByRole('button', { name: 'Open it' })).click();
}

/** Adds the recommendation with this text to the plan, from the next steps. */
async function addToPlan(page, advice) {
  await page.locator('.advice li', { hasText: advice }).getByRole('button', { name: 'Add to plan' }).click();
  await page.locator('.plan .plan-what', { hasText: advice }).waitFor();
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** An ISO date `days` from today, in the browser's time zone. */
async function isoDay(page, days) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

/** Checks an iCalendar file against RFC 5545's rules and returns its unfolded lines. */
function icsLines(text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.equal(text.split('\n').length, text.split('\r\n').length, 'every line ends CRLF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `longer than 75 octets: ${line}`);
  const lines = text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  return lines;
}

describe('an action plan', () => {
  it('is made from the next steps and one’s own words, kept as typed, and survives a reload', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, weakTrustAndGoals, { name: 'River Trust' });
    await page.getByText('No actions yet.').waitFor();
    assert.equal(await page.locator('.plan .plan-action').count(), 0);
    // Concern dimensions offer their recommendations, and each statement answered low its
    // own; Strength dimensions their one way of keeping it up.
    const offered = dimensions.reduce((n, d) => n + (['trust', 'goals'].includes(d.id)
      ? d.recommendations.concern.length + d.statements.filter((s) => !s.reversed).length
      : 1), 0);
    await eventually(async () => assert.equal(await page.getByRole('button', { name: 'Add to plan' }).count(), offered));
    await addToPlan(page, trust.recommendations.concern[0]);
    // Added, the button says so and keeps the focus.
    const added = page.locator('.advice li', { hasText: trust.recommendations.concern[0] }).getByRole('button');
    await eventually(async () => {
      assert.equal(await added.innerText(), 'In your plan');
      assert.equal(await added.evaluate((b) => b === document.activeElement), true);
    });
    await addToPlan(page, goals.recommendations.concern[1]);
    await page.getByRole('button', { name: 'Write my own action' }).click();
    // Focus goes to the new action's words.
    await page.waitForFunction(() => document.activeElement?.id === 'plan-words-2');
    await page.keyboard.type('Lunch with the partner’s new director');
    await page.getByLabel('Dimension it should improve').selectOption({ label: dimensions.find((d) => d.id === 'communication').name });
    const owners = page.getByLabel('Owner');
    await owners.nth(0).fill('Ana');
    await owners.nth(2).fill('Kofi');
    const due = await isoDay(page, 30);
    await page.getByLabel('Due date').nth(0).fill(due);
    // Full: no more additions, and it says why.
    await page.getByText('The plan has 3 actions, its limit. Remove one to choose another.').waitFor();
    await eventually(async () => {
      assert.equal(await page.getByRole('button', { name: 'Write my own action' }).isDisabled(), true);
      assert.equal(await page.locator('.advice').getByRole('button', { name: 'Add to plan', disabled: false }).count(), 0);
    });

    // What was typed last is stored before the reload.
    await planStored(page, [['Ana', due], ['', null], ['Kofi', null]]);
    await page.reload();
    await openLatest(page);
    await page.locator('.plan .plan-action').nth(2).waitFor();
    assert.equal(await page.getByLabel('Owner').nth(0).inputValue(), 'Ana');
    assert.equal(await page.getByLabel('Owner').nth(2).inputValue(), 'Kofi');
    assert.equal(await page.getByLabel('Due date').nth(0).inputValue(), due);
    assert.equal(await page.getByLabel('What will be done').inputValue(), 'Lunch with the partner’s new director');
    assert.equal(await page.getByLabel('Dimension it should improve').inputValue(), 'communication');
    const stored = (await storedHistory(page)).data.assessments[0].plan.actions;
    assert.deepEqual(
      stored.map((a) => [a.dimension, a.advice ?? a.text, a.owner, a.due, a.status]),
      [
        ['trust', 'concern-1', 'Ana', due, 'open'],
        ['goals', 'concern-2', '', null, 'open'],
        ['communication', 'Lunch with the partner’s new director', 'Kofi', null, 'open'],
      ],
    );

    // Removing one frees a place, and focus goes to the plan's heading.
    await page.getByRole('button', { name: 'Remove action 2' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'plan-title');
    await eventually(async () => {
      assert.equal(await page.locator('.plan .plan-action').count(), 2);
      assert.equal(await page.getByRole('button', { name: 'Write my own action' }).isDisabled(), false);
    });
    expectNoProblems();
    await context.close();
  });

  it('is printed with the report, and exported to JSON (round trip) and CSV (a row per action)', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, weakTrustAndGoals, { name: 'River Trust' });
    await addToPlan(page, trust.recommendations.concern[1]);
    await page.getByLabel('Owner').fill('Ana, "the lead"');
    await page.getByLabel('Due date').fill('2031-03-01');
    await planStored(page, [['Ana, "the lead"', '2031-03-01']]);

    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.plan').isVisible());
    assert.ok(await page.locator('.plan .plan-what', { hasText: trust.recommendations.concern[1] }).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Write my own action' }).isVisible(), false);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
    assert.ok(pages >= 1 && pages <= 3, `the report with its plan has ${pages} pages`);
    await page.emulateMedia({ media: 'screen' });

    const csv = await download(page, 'Download CSV');
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0], '"Partnership","Finished (UTC)","Dimension","Statement","Answer","Value","Action","Owner","Due","Status"');
    assert.match(rows.at(-1), new RegExp(`^"River Trust","[^"]+","Trust & respect","","","","${trust.recommendations.concern[1]}","Ana, ""the lead""","2031-03-01","Not started"$`));

    const json = await download(page, 'Download JSON');
    const before = (await storedHistory(page)).data.assessments;
    await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
    await page.locator('#import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await page.getByText(`Imported ${json.name}: 1 result added.`).waitFor();
    await eventually(async () => assert.deepEqual((await storedHistory(page))?.data.assessments, before));
    // A plan naming a recommendation this version does not have is refused, and says so.
    const odd = json.text.replace('"advice":"concern-2"', '"advice":"concern-9"');
    assert.notEqual(odd, json.text);
    await page.locator('#import-file').setInputFiles({ name: 'odd-plan.json', mimeType: 'application/json', buffer: Buffer.from(odd) });
    await page.locator('.notice-warn p', { hasText: 'odd-plan.json' }).waitFor();
    assert.equal(
      await page.locator('.notice-warn p').innerText(),
      `odd-plan.json could not be imported: its action plan (in check ${before[0].id}) has an action this version of Rapport does not know. Your history has not changed.`,
    );
    assert.deepEqual((await storedHistory(page)).data.assessments, before);
    await page.getByRole('button', { name: /^Open/ }).first().click();
    await eventually(async () => assert.equal(await page.getByLabel('Owner').inputValue(), 'Ana, "the lead"'));
    expectNoProblems();
    await context.close();
  });

  it('downloads its due dates and a reminder as calendar files', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, weakTrustAndGoals, { name: 'River; Trust, Ltd' });
    await addToPlan(page, trust.recommendations.concern[0]);
    await addToPlan(page, goals.recommendations.concern[0]);
    await page.getByLabel('Due date').nth(0).fill('2031-03-01');
    await page.getByLabel('Due date').nth(1).fill('2031-12-31');
    await page.getByLabel('Owner').nth(1).fill('Kofi');
    const dues = await download(page, 'Add due dates to my calendar');
    assert.match(dues.name, /^rapport-plan-\d{4}-\d\d-\d\d\.ics$/);
    const lines = icsLines(dues.text);
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
    assert.deepEqual(lines.filter((l) => l.startsWith('DTSTART')), ['DTSTART;VALUE=DATE:20310301', 'DTSTART;VALUE=DATE:20311231']);
    assert.deepEqual(lines.filter((l) => l.startsWith('DTEND')), ['DTEND;VALUE=DATE:20310302', 'DTEND;VALUE=DATE:20320101']);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    assert.equal(new Set(uids).size, 2);
    assert.ok(lines.every((l) => !l.startsWith('DTSTAMP:') || /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
    const summary = lines.find((l) => l.startsWith('SUMMARY:'));
    assert.equal(summary, `SUMMARY:Partnership action: ${trust.recommendations.concern[0].replace(/,/g, '\\,')}`);
    const description = lines.filter((l) => l.startsWith('DESCRIPTION:'))[1];
    assert.ok(description.includes('River\\; Trust\\, Ltd'), description);
    assert.ok(description.includes('\\nOwner: Kofi\\nOpen Rapport: http://'), description);

    await page.getByLabel('Remind me to check again').selectOption({ label: 'In 6 months' });
    const reminder = await download(page, 'Download reminder');
    assert.match(reminder.name, /^rapport-reminder-\d{4}-\d\d-\d\d\.ics$/);
    const again = icsLines(reminder.text);
    assert.equal(again.filter((l) => l === 'BEGIN:VEVENT').length, 1);
    const expected = await page.evaluate(() => {
      const d = new Date();
      const day = d.getDate();
      d.setDate(1);
      d.setMonth(d.getMonth() + 6);
      const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
      d.setDate(Math.min(day, last));
      return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.ok(again.includes(`DTSTART;VALUE=DATE:${expected}`), again.join('\n'));
    assert.ok(again.includes('SUMMARY:Partnership health check: River\\; Trust\\, Ltd'));
    expectNoProblems();
    await context.close();
  });
});

describe('following a plan up', () => {
  it('the next check of the same partnership shows the plan, saves its statuses with the old check and the change since', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, weakTrustAndGoals, { name: 'River Trust' });
    await addToPlan(page, trust.recommendations.concern[0]);
    await addToPlan(page, goals.recommendations.concern[0]);
    const overdue = await isoDay(page, -3);
    await page.getByLabel('Due date').nth(0).fill(overdue);
    const firstDate = await page.locator('.results-head .meta span').last().innerText();

    // The welcome screen says, without nagging, that an action is past its date.
    await page.getByRole('button', { name: 'Take it again' }).click();
    const shown = await page.evaluate((iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00`)), overdue);
    await page.locator('.welcome > .due').waitFor();
    assert.equal(await page.locator('.welcome > .due').innerText(), `1 action due since ${shown}`);
    // Starting the check of the same partnership shows the plan to follow up.
    await page.getByRole('heading', { name: /^Your plan from / }).waitFor();
    await eventually(async () => assert.equal(await page.locator('.follow-up .plan-action').count(), 2));

    await completeCheck(page, (d) => (d.id === 'trust' ? plans.all('Agree') : weakTrustAndGoals(d)));
    const followUp = page.locator('.follow-up');
    await followUp.getByRole('heading', { name: /^Your plan from / }).waitFor();
    assert.match(firstDate, new RegExp((await followUp.getByRole('heading').innerText()).replace('Your plan from ', '')));
    // Beside each action, the change in its dimension since that check.
    const items = followUp.locator('.plan-action');
    assert.match(await items.nth(0).innerText(), /Trust & respect since then:\s*↑/);
    assert.match(await items.nth(1).innerText(), /since then:\s*no change/);
    await items.nth(0).getByLabel('Status').selectOption({ label: 'Done' });
    await items.nth(1).getByLabel('Status').selectOption({ label: 'Dropped' });
    // The statuses are stored with the earlier check before the reload.
    await planStored(page, ['done', 'dropped'], { back: 1, read: (a) => a.status });
    await page.reload();
    await openLatest(page);
    await page.locator('.follow-up .plan-action').nth(1).waitFor();
    assert.equal(await page.locator('.follow-up').getByLabel('Status').nth(0).inputValue(), 'done');
    const stored = (await storedHistory(page)).data.assessments;
    assert.deepEqual(stored[1].plan.actions.map((a) => a.status), ['done', 'dropped']);
    assert.equal(stored[0].plan, undefined, 'the new check has its own, empty plan');
    // Done and dropped: nothing is due any more, once the welcome screen is there.
    await page.getByRole('button', { name: 'Rapport' }).click();
    await page.locator('.welcome').waitFor();
    assert.equal(await page.locator('.welcome > .due').count(), 0);
    expectNoProblems();
    await context.close();
  });

  it('two partnerships keep their own plans, listed on the welcome screen', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, weakTrustAndGoals, { name: 'River Trust' });
    await addToPlan(page, trust.recommendations.concern[0]);
    await page.getByRole('button', { name: 'Take it again' }).click();
    await page.getByLabel('Partnership name (kept only on this device)').fill('Harbour Alliance');
    await completeCheck(page, weakTrustAndGoals);
    await addToPlan(page, goals.recommendations.concern[0]);
    await addToPlan(page, goals.recommendations.concern[1]);
    await page.getByRole('button', { name: 'Rapport' }).click();
    const list = page.locator('.partnerships .history-item');
    await list.nth(1).waitFor();
    assert.match(await list.nth(0).innerText(), /Harbour Alliance[\s\S]*2 actions still open/);
    assert.match(await list.nth(1).innerText(), /River Trust[\s\S]*1 action still open/);
    // Picking a partnership starts its check; its plan, not the other's, is followed up.
    await list.nth(1).getByRole('button', { name: 'Check River Trust again' }).click();
    await onStep(page, 1);
    await page.getByRole('button', { name: 'Rapport' }).click();
    assert.equal(await page.getByLabel('Partnership name (kept only on this device)').inputValue(), 'River Trust');
    await eventually(async () => assert.equal(await page.locator('.follow-up .plan-action').count(), 1));
    assert.match(await page.locator('.follow-up').innerText(), new RegExp(trust.recommendations.concern[0].slice(0, 30)));
    expectNoProblems();
    await context.close();
  });
});

async function expectNoViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

/** Switches the interface language with the selector in the bar. */
async function speak(page, tag) {
  await page.locator('.language select').selectOption(tag);
  await page.waitForFunction((tag) => document.documentElement.lang === tag, tag);
}

for (const colorScheme of ['light', 'dark']) {
  describe(`plans are accessible in ${colorScheme} mode, in English and Arabic`, () => {
    it('a result with a plan, the follow-up and the welcome screen with partnerships have no axe violations', async () => {
      const { context, page, expectNoProblems } = await open(env, { contextOptions: { colorScheme } });
      await completeCheck(page, weakTrustAndGoals, { name: 'River Trust' });
      await addToPlan(page, trust.recommendations.concern[0]);
      await page.getByRole('button', { name: 'Write my own action' }).click();
      await page.getByLabel('What will be done').fill('Lunch with the new director');
      await page.getByLabel('Owner').nth(0).fill('Ana');
      await page.getByLabel('Due date').nth(0).fill(await isoDay(page, -2));
      for (const tag of ['en', 'ar']) {
        await speak(page, tag);
        await expectNoViolations(page, `results with a plan (${tag}, ${colorScheme})`);
      }
      await speak(page, 'en');
      await page.getByRole('button', { name: 'Take it again' }).click();
      await page.getByRole('heading', { name: /^Your plan from / }).waitFor();
      await completeCheck(page, weakTrustAndGoals);
      for (const tag of ['en', 'ar']) {
        await speak(page, tag);
        await page.locator('.follow-up select').first().waitFor();
        await expectNoViolations(page, `results with a follow-up (${tag}, ${colorScheme})`);
      }
      await speak(page, 'en');
      await page.getByRole('button', { name: 'Take it again' }).click();
      await page.getByLabel('Partnership name (kept only on this device)').fill('Harbour Alliance');
      await page.locator('.partnerships').waitFor();
      for (const tag of ['en', 'ar']) {
        await speak(page, tag);
        await page.locator('.welcome > .due').waitFor();
        await expectNoViolations(page, `welcome with partnerships and an overdue action (${tag}, ${colorScheme})`);
      }
      expectNoProblems();
      await context.close();
    });
  });
}

describe('plans at 320 px', () => {
  it('the plan and the partnerships fit without sideways scrolling', async () => {
    const { context, page, expectNoProblems } = await open(env, { contextOptions: { viewport: { width: 320, height: 640 } } });
    const noSideways = async (where) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${where} is ${width} px wide`);
    };
    await completeCheck(page, weakTrustAndGoals, { name: 'River Trust with a rather long partnership name' });
    await addToPlan(page, trust.recommendations.concern[0]);
    await page.getByRole('button', { name: 'Write my own action' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'plan-words-1');
    await noSideways('results with a plan');
    await page.getByRole('button', { name: 'Rapport' }).click();
    await page.locator('.partnerships').waitFor();
    await noSideways('welcome with partnerships');
    expectNoProblems();
    await context.close();
  });
});

describe('the trend', () => {
  it('three checks of a partnership give a chart whose table matches their scores, for a chosen dimension', async () => {
    const { context, page, expectNoProblems } = await open(env);
    const levels = ['Disagree', LABELS[2], 'Agree'];
    const overall = [];
    const trustScores = [];
    for (const [n, level] of levels.entries()) {
      await completeCheck(page, (d) => (d.id === 'renewal' ? plans.all('Strongly agree') : plans.all(level)), n === 0 ? { name: 'River Trust' } : {});
      overall.push((await page.locator('.overall-number').innerText()).match(/^[\d.]+/)[0]);
      trustScores.push((await scoreTable(page))['Trust & respect'][0]);
      await page.getByRole('button', { name: 'Take it again' }).click();
    }
    // A check of another partnership is not on River Trust's trend.
    await page.getByLabel('Partnership name (kept only on this device)').fill('Harbour Alliance');
    await completeCheck(page, () => plans.all('Agree'));
    await goHistory(page);
    await page.getByRole('heading', { name: 'Over time' }).waitFor();
    // Only River Trust has two checks or more: no partnership to pick.
    assert.equal(await page.locator('#trend-of').count(), 0);
    await page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Trust & respect' });
    await page.locator('.trend-table th', { hasText: 'Trust & respect' }).waitFor();
    const rows = await tableRows(page, '.trend-table');
    assert.deepEqual(rows.map(([, o, t]) => [o, t]), overall.map((o, i) => [o, trustScores[i]]));
    assert.equal(await page.locator('.trend-table caption').innerText(), 'Scores over time: River Trust, on a scale of 1 to 5');
    // Two lines of three points each, and the chart names itself.
    assert.equal(await page.locator('.trend-svg path.trend-line').count(), 2);
    assert.equal(await page.locator('.trend-svg circle').count(), 6);
    assert.ok(await page.getByRole('img', { name: 'Scores over time: River Trust' }).isVisible());
    // Higher scores are drawn higher: the overall line climbs from the first check to the last.
    const path = await page.locator('.trend-svg .trend-series-0 path').getAttribute('d');
    const points = [...path.matchAll(/[ML](\d+),(\d+)/g)].map((m) => [+m[1], +m[2]]);
    assert.equal(points.length, 3);
    assert.ok(points[0][0] < points[1][0] && points[1][0] < points[2][0], 'oldest on the left');
    assert.ok(points[0][1] > points[2][1], 'a higher score is drawn higher');
    expectNoProblems();
    await context.close();
  });

  it('the trend has no axe violations in Arabic, light and dark, and fits 320 px', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, expectNoProblems } = await open(env, { contextOptions: { colorScheme, viewport: { width: 320, height: 640 } } });
      await completeCheck(page, () => plans.all(LABELS[2]), { name: 'River Trust' });
      await page.getByRole('button', { name: 'Take it again' }).click();
      await completeCheck(page, () => plans.all('Agree'));
      await page.getByRole('button', { name: 'Take it again' }).click();
      await page.getByLabel('Partnership name (kept only on this device)').fill('Harbour Alliance');
      await completeCheck(page, () => plans.all('Agree'));
      await page.getByRole('button', { name: 'Take it again' }).click();
      await completeCheck(page, () => plans.all('Disagree'));
      await goHistory(page);
      // Two partnerships with two checks each: the picker chooses which.
      await page.getByLabel('Partnership', { exact: true }).selectOption('River Trust');
      await page.locator('.trend-table caption', { hasText: 'River Trust' }).waitFor();
      for (const tag of ['en', 'ar']) {
        await speak(page, tag);
        await page.locator('.trend-svg').waitFor();
        await expectNoViolations(page, `history with a trend (${tag}, ${colorScheme})`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `history with a trend (${tag}) is ${width} px wide`);
      }
      expectNoProblems();
      await context.close();
    }
  });
});

describe('the conversation guide', () => {
  /** A result code: every statement at `level`, except the dimensions in `changes`. */
  const code = (level, changes = {}, name = '') =>
    codeFor((s) => {
      const d = instrument.dimensions.find((d) => d.statements.includes(s));
      const l = changes[d.id] ?? level;
      return s.reversed ? 6 - l : l;
    }, name);

  async function pages(page) {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
  }

  it('turns two results into an agenda: gaps largest first, then concerns, an hour in all, on one or two pages', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await comparePasted(page, [code(4, { trust: 1, goals: 3, renewal: 2 }, 'Ana'), code(4, { trust: 4, goals: 5, renewal: 2 }, 'Kofi')]);
    await page.getByRole('button', { name: 'Conversation guide' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conversation guide' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'screen-title');
    const items = await page.locator('.agenda-item h2').allInnerTexts();
    assert.deepEqual(items.map((t) => t.replace(/\s+/g, ' ')), [
      'Opening 5 minutes',
      `${trust.name} 20 minutes`,
      `${goals.name} 20 minutes`,
      `${instrument.dimensions.find((d) => d.id === 'renewal').name} 5 minutes`,
      'Agree on actions 10 minutes',
    ]);
    const minutes = items.reduce((sum, t) => sum + Number(t.match(/(\d+) minutes/)[1]), 0);
    assert.equal(minutes, 60);
    const first = page.locator('.agenda-item').nth(1);
    assert.match(await first.innerText(), /Scores are up to 3\.0 points apart\./);
    // The statements answered most differently, turned into questions, and the prompts.
    assert.match(await first.innerText(), new RegExp(`“${trust.statements[0].text.replace(/[.?()]/g, '\\$&')}” What made each of you answer as you did\\?`));
    for (const prompt of trust.recommendations.discuss) assert.match(await first.innerText(), new RegExp(prompt.slice(0, 40).replace(/[.?()]/g, '\\$&')));
    assert.match(await page.locator('.agenda-item').nth(3).innerText(), /Together you score 2\.0: a concern\./);
    const n = await pages(page);
    assert.ok(n >= 1 && n <= 2, `the guide prints on ${n} pages`);
    await page.getByRole('button', { name: 'Back to the comparison' }).click();
    await page.locator('table.pair-table').waitFor();
    expectNoProblems();
    await context.close();
  });

  it('for a team it names no one, and it has no axe violations in English and Arabic, light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, expectNoProblems } = await open(env, { contextOptions: { colorScheme } });
      await comparePasted(page, [code(2, {}, 'Ana Silva'), code(5, {}, 'Kofi Mensah'), code(3, { trust: 1 }, 'Lea Wolf')]);
      await page.getByRole('button', { name: 'Conversation guide' }).click();
      await page.getByRole('heading', { level: 1, name: 'Conversation guide' }).waitFor();
      const guide = await page.locator('.guide').innerText();
      for (const name of ['Ana Silva', 'Kofi Mensah', 'Lea Wolf']) assert.ok(!guide.includes(name), `the team guide names ${name}`);
      assert.match(guide, /Answers range from/);
      const n = await pages(page);
      assert.ok(n >= 1 && n <= 2, `the team guide prints on ${n} pages`);
      for (const tag of ['en', 'ar']) {
        await speak(page, tag);
        await page.locator('.agenda').waitFor();
        await expectNoViolations(page, `conversation guide (${tag}, ${colorScheme})`);
      }
      expectNoProblems();
      await context.close();
    }
  });
});
