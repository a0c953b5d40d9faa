// Partner alignment without a server: result codes, share links, compare two or a team,
// export and import, and a clear answer for every bad input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  useApp, open, plans, completeCheck, goHistory, codeFor, codeAt, comparePasted, tableRows, dimensions, instrument, eventually,
} from './app.mjs';

const env = useApp();

async function expectNoViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

const storedHistory = (page) => page.evaluate(() => localStorage.getItem('rapport.history'));
const names = dimensions.map((d) => d.name);

/** Appends the checksum to a code body, to make codes no Rapport would make. */
function withCheck(body) {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = 1;
  for (const b of Buffer.from(body, 'utf8')) h = (h * 257 + b) % 262139;
  return `${body}.${[12, 6, 0].map((s) => ALPHABET[(h >> s) & 63]).join('')}`;
}

describe('two partners', () => {
  it('each takes the check in their own browser; one copies its code, the other compares and sees the gaps', async () => {
    const a = await open(env);
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
    await completeCheck(a.page, () => plans.all('Agree'), { name: 'River Trust' });
    await a.page.getByRole('button', { name: 'Copy code' }).click();
    await a.page.getByText('Code copied.').waitFor();
    const code = await a.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(code, await a.page.locator('#share-code').inputValue());
    assert.match(code, new RegExp(`^RP1\\.PH${instrument.version}\\.[A-Za-z0-9_-]{${Math.ceil(instrument.dimensions.flatMap((d) => d.statements).length / 2)}}\\.[A-Za-z0-9_-]{3}$`));
    assert.ok(code.length < 40, `code length ${code.length}`);
    // Agree everywhere: the independent encoder gives the same code.
    assert.equal(code, codeFor(() => 4));
    // With the name ticked, the code carries it, and the link carries the code.
    await a.page.getByLabel('Include the partnership name').check();
    await eventually(async () => {
      assert.equal(await a.page.locator('#share-code').inputValue(), codeFor(() => 4, 'River Trust'));
      assert.equal(await a.page.locator('#share-link').inputValue(), `${env.url}#${codeFor(() => 4, 'River Trust')}`);
    });

    const b = await open(env);
    await completeCheck(b.page, (d) => (d.id === 'trust' ? plans.all('Strongly disagree') : plans.best));
    await b.page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
    await b.page.getByRole('checkbox').first().check();
    await comparePasted(b.page, [code]);
    await b.page.getByRole('heading', { name: 'Side by side' }).waitFor();
    const legend = await b.page.locator('.legend').innerText();
    assert.match(legend, /A: your check of/);
    assert.match(legend, /B: pasted, line 1/);
    const rows = await tableRows(b.page, 'table.pair-table');
    const flag = 'Perception gap — talk about this';
    // B's own check: 5.0 everywhere but trust (all "Strongly disagree": 1, 1, 1 and the
    // reversed 5: 2.0). A: "Agree" throughout is 4 on each plain statement and 2 on the
    // reversed one: 3.5 with four statements, 3.3 with three.
    const tenths = (d) => Math.round(((d.statements.length - 1) * 4 + 2) * 10 / d.statements.length);
    assert.deepEqual(rows, dimensions.map((d) => {
      const [a, b] = [tenths(d), d.id === 'trust' ? 20 : 50];
      return [d.name, (b / 10).toFixed(1), (a / 10).toFixed(1), `${(Math.abs(b - a) / 10).toFixed(1)} ${flag}`];
    }));
    const starters = b.page.locator('ol.starters li');
    assert.equal(await starters.count(), 5);
    assert.match(await starters.first().innerText(), /A: Strongly disagree · B: Agree|A: Strongly agree · B: Agree/);
    // Both results are drawn: two shapes, A solid and B dashed.
    assert.equal(await b.page.locator('svg.radar .score-shape').count(), 2);
    await expectNoViolations(b.page, 'compare, two results');
    a.expectNoProblems();
    b.expectNoProblems();
    await a.context.close();
    await b.context.close();
  });

  it('a share link opens the result read-only in a fresh browser; saving it twice keeps one copy', async () => {
    const code = codeAt(4, 'Harbour Alliance');
    const { context, page, expectNoProblems } = await open(env);
    await page.goto(`${env.url}#${code}`);
    await page.getByRole('heading', { level: 1, name: 'A shared result' }).waitFor();
    assert.match(await page.locator('.meta').innerText(), /Partnership: Harbour Alliance/);
    assert.match(await page.locator('.overall').innerText(), /4\.0 out of 5/);
    assert.equal(await storedHistory(page), null, 'opening a link saves nothing');
    await expectNoViolations(page, 'shared result');

    // Compare with mine, without a check of one's own yet: it says what is missing.
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await page.getByText('Comparing needs at least two results').waitFor();
    assert.equal(await page.locator('#codes').inputValue(), code);

    await page.goto(`${env.url}#${code}`);
    await page.reload();
    await page.getByRole('button', { name: 'Save to my history' }).click();
    await page.getByText('Saved to your history.').waitFor();
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 1);
    assert.match(await page.locator('.history-item').innerText(), /Harbour Alliance\s+Shared with you/);
    await page.goto(`${env.url}#${code}`);
    await page.getByRole('button', { name: 'Save to my history' }).click();
    await page.getByText('This result is already in your history.').waitFor();
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 1);
    // Leaving the shared result takes the code out of the address (page.url() hears of
    // that change of address on its own schedule).
    await eventually(() => assert.equal(new URL(page.url()).hash, ''));
    expectNoProblems();
    await context.close();
  });
});

describe('a team', () => {
  it('five codes show aggregates only; the comparison link opens the same view elsewhere', async () => {
    const { context, page, expectNoProblems } = await open(env);
    const codes = [2, 3, 4, 4, 5].map((level) => codeAt(level));
    await comparePasted(page, codes);
    await page.getByRole('heading', { name: 'Team view of 5 results' }).waitFor();
    const header = await page.locator('table.team-table thead th').allInnerTexts();
    assert.deepEqual(header, ['Dimension', 'Mean', 'Lowest', 'Highest', 'Spread']);
    // (2 + 3 + 4 + 4 + 5) / 5 = 3.6.
    const expected = names.map((n) => [n, '3.6', '2.0', '5.0', '3.0']);
    assert.deepEqual(await tableRows(page, 'table.team-table'), expected);
    assert.equal(await page.locator('.legend, table.pair-table').count(), 0, 'no individual result is shown');
    assert.equal(await page.locator('svg.radar .score-shape').count(), 1);
    await expectNoViolations(page, 'compare, team');

    const link = await page.locator('#share-link').inputValue();
    assert.equal(link, `${env.url}#${codes.join(',')}`);
    const elsewhere = await open(env);
    await elsewhere.page.goto(link);
    await elsewhere.page.getByRole('heading', { name: 'Team view of 5 results' }).waitFor();
    assert.deepEqual(await tableRows(elsewhere.page, 'table.team-table'), expected);

    // Two results are never a team; one is not a comparison.
    await comparePasted(page, codes.slice(0, 2));
    await page.getByRole('heading', { name: 'Side by side' }).waitFor();
    assert.equal(await page.locator('table.team-table').count(), 0);
    await comparePasted(page, codes.slice(0, 1));
    await page.getByText('Comparing needs at least two results').waitFor();
    expectNoProblems();
    elsewhere.expectNoProblems();
    await elsewhere.context.close();
    await context.close();
  });
});

describe('bad input', () => {
  it('every bad line gets its own message, the good lines are still compared, history is untouched', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, () => plans.all('Agree'));
    const before = await storedHistory(page);
    const good = codeAt(3);
    const tampered = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
    const lines = [
      good,
      'Hello, here is my result!',
      good.slice(0, 20),
      tampered,
      withCheck('RP1.PH9.' + 'g'.repeat(16)),
      'RP7.PH1.gggggggggggggggg.AAA',
      'RP1.PH1.gggg%ggggggggggg.AAA',
      '',
      `https://example.org/rapport/#${codeAt(5)}`,
    ];
    await comparePasted(page, lines);
    const problems = await page.locator('.line-problems li').allInnerTexts();
    assert.deepEqual(problems, [
      'Line 2: this is not a Rapport result code (result codes start with RP1.).',
      'Line 3: the code is incomplete: its end is missing.',
      'Line 4: its check characters do not match: the code was mistyped or changed.',
      'Line 5: it is for questionnaire PH9, which this version of Rapport does not have.',
      'Line 6: this code was made by a newer version of Rapport (format 7); open it there.',
      'Line 7: character 13, “%”, never appears in a result code.',
    ]);
    await page.getByRole('heading', { name: 'Side by side' }).waitFor();
    assert.deepEqual((await tableRows(page, 'table.pair-table'))[0], [names[0], '3.0', '5.0', '2.0 Perception gap — talk about this']);

    // Nothing pasted and nothing picked: it says what is needed.
    await comparePasted(page, ['']);
    await page.getByText('Comparing needs at least two results').waitFor();
    assert.equal(await page.locator('.line-problems').count(), 0);

    await comparePasted(page, ['x'.repeat(100_001)]);
    await page.getByText('That is more than 100 KB of text').waitFor();
    assert.equal(await storedHistory(page), before);

    // A broken share link lands on Compare with its problem.
    // Compare is on screen already: wait for the link's own problem, not the heading.
    await page.goto(`${env.url}#RP1.PH1.broken`);
    await page.getByRole('heading', { level: 1, name: 'Compare results' }).waitFor();
    await eventually(async () => assert.deepEqual(await page.locator('.line-problems li').allInnerTexts(), ['Line 1: the code is incomplete: its end is missing.']));
    assert.equal(await storedHistory(page), before);
    expectNoProblems();
    await context.close();
  });

  it('a check can be copied by hand where there is no Clipboard API', async () => {
    const { context, page, expectNoProblems } = await open(env, {
      initScript: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    });
    await completeCheck(page, () => plans.all('Agree'));
    await page.getByRole('button', { name: 'Copy code' }).click();
    await page.getByText('Copying is not available here, so the text is selected').waitFor();
    await eventually(async () => {
      const selection = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
      });
      assert.deepEqual(selection, { id: 'share-code', start: 0, end: selection.length, length: selection.length });
    });
    expectNoProblems();
    await context.close();
  });
});

describe('export and import', () => {
  async function download(page, button) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
  }

  async function importFile(page, name, text) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  it('JSON → delete all → import gives the same history; CSV has a row per statement', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, () => plans.all('Agree'), { name: 'River Trust' });
    const csv = await download(page, 'Download CSV');
    assert.match(csv.name, /^rapport-result-\d{4}-\d\d-\d\d\.csv$/);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const statements = dimensions.reduce((n, d) => n + d.statements.length, 0);
    assert.equal(rows.length, 1 + statements + dimensions.length);
    assert.equal(rows[0], '"Partnership","Finished (UTC)","Dimension","Statement","Answer","Value","Action","Owner","Due","Status"');
    assert.match(rows[1], new RegExp(`^"River Trust","\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ","Shared purpose & values","${instrument.dimensions[0].statements[0].text}","Agree","4"$`));
    assert.match(rows[5], /"Dimension score","Discuss","3\.5"$/);
    await page.getByRole('button', { name: 'Take it again' }).click();
    await completeCheck(page, () => plans.all('Disagree'));

    await goHistory(page);
    const before = JSON.parse(await storedHistory(page));
    assert.equal(before.data.assessments.length, 2);
    const json = await download(page, 'Download all (JSON)');
    assert.match(json.name, /^rapport-history-\d{4}-\d\d-\d\d\.json$/);
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await goHistory(page);
    await importFile(page, json.name, json.text);
    await page.getByText(`Imported ${json.name}: 2 results added.`).waitFor();
    await eventually(async () => assert.deepEqual(JSON.parse(await storedHistory(page))?.data.assessments, before.data.assessments));
    assert.equal(await page.locator('.history-item').count(), 2);

    // Again: nothing is duplicated.
    await importFile(page, json.name, json.text);
    await page.getByText(`Imported ${json.name}: 0 results added; 2 were already here.`).waitFor();
    assert.equal(await page.locator('.history-item').count(), 2);

    const stored = await storedHistory(page);
    const bad = [
      ['notes.json', 'my notes', 'notes.json could not be imported: it is not a JSON file (the problem is at line 1, column 1). Your history has not changed.'],
      ['survey.json', '{"questions": []}', 'survey.json could not be imported: it is not a file saved from Rapport. Your history has not changed.'],
      ['odd.json', '{"schema":1,"data":{"assessments":7}}', 'odd.json could not be imported: it is not in the form Rapport saves (the problem is at line 1, column 35). Your history has not changed.'],
      ['empty.json', '', 'empty.json could not be imported: the file is empty. Your history has not changed.'],
      ['result.csv', csv.text, 'result.csv could not be imported: it is a CSV file, made for spreadsheets: import the JSON download instead. Your history has not changed.'],
      ['huge.json', ' '.repeat(1_000_001), 'huge.json could not be imported: it is larger than 1 MB, more than any Rapport file. Your history has not changed.'],
    ];
    for (const [name, text, message] of bad) {
      await importFile(page, name, text);
      await page.locator('.notice-warn p', { hasText: name }).waitFor();
      assert.equal(await page.locator('.notice-warn p').innerText(), message);
      assert.equal(await storedHistory(page), stored, `${name} changed nothing`);
    }
    expectNoProblems();
    await context.close();
  });
});
