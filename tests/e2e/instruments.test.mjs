// A site owner's own instrument, from a file served beside the app: a full check with it
// (its own scale, bands and words), results, print, plan, its result code and a
// comparison; its code refused where the app runs the built-in check; a broken file; a
// statement that holds markup; and the pulse, shipped as such a file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../support.mjs';
import { useApp, watch, eventually, tableRows } from './app.mjs';

const own = {
  $schema: 'schema.json',
  format: 1,
  id: 'coalition-check',
  version: 1,
  languages: ['en', 'fr'],
  title: { en: 'Coalition check', fr: 'Bilan de la coalition' },
  intro: { en: 'Two short steps on how the coalition works.', fr: 'Deux étapes courtes sur le fonctionnement de la coalition.' },
  scale: {
    labels: [
      { en: 'Never', fr: 'Jamais' },
      { en: 'Sometimes', fr: 'Parfois' },
      { en: 'Often', fr: 'Souvent' },
      { en: 'Always', fr: 'Toujours' },
    ],
  },
  bands: {
    discussFrom: 2.5,
    strengthFrom: 3.5,
    names: {
      concern: { en: 'Act now', fr: 'À traiter' },
      discuss: { en: 'Talk it over', fr: 'À discuter' },
      strength: { en: 'Going well', fr: 'Ça va bien' },
    },
  },
  dimensions: [
    {
      id: 'voice',
      name: { en: 'Members’ voice', fr: 'Voix des membres' },
      description: { en: 'Whether every member is heard.', fr: 'Si chaque membre est entendu.' },
      statements: [
        {
          id: 'voice-1',
          text: { en: 'Members speak up <img src=x onerror="window.pwned=1"> in meetings.' },
          advice: { en: 'Go round the table before each decision.' },
        },
        { id: 'voice-2', text: { en: 'A few members decide for everyone.' }, reversed: true },
      ],
      advice: {
        concern: [{ en: 'Hold one meeting on how decisions are made.' }],
        discuss: [{ en: 'Ask the quietest members first.' }],
      },
    },
    {
      id: 'trust',
      name: { en: 'Trust', fr: 'Confiance' },
      description: { en: 'Whether members rely on each other.' },
      statements: [{ id: 'trust-1', text: { en: 'Members keep their commitments.' } }],
      advice: {
        concern: [{ en: 'List every commitment and review the list each month.' }],
        discuss: [{ en: 'Share what each member needs to rely on the others.' }],
        strength: [{ en: 'Tell new members how trust was built.' }],
      },
    },
  ],
};
const OWN = 'instruments/coalition.json';
// A comma missing at the end of line 3: the file is no JSON from line 4 on.
const BROKEN = '{\n  "format": 1,\n  "id": "broken"\n  "version": 1\n}\n';

describe('a site owner’s own instrument', () => {
  const env = useApp();

  /** A page of the app with the files above (`file` at OWN) served beside it, at `query`. */
  async function openAt(query, { file = own } = {}) {
    const context = await env.browser.newContext();
    await context.route(`**/${OWN}`, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(file, null, 2) }));
    await context.route('**/instruments/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: BROKEN }));
    const page = await context.newPage();
    const problems = watch(page);
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(`${env.url}${query}`);
    return { context, page, problems, console };
  }

  /** Answers the check on screen: `levels[statement id]` is the label to pick. */
  async function answer(page, labels) {
    await page.getByRole('button', { name: 'Start' }).click();
    for (const [n, d] of own.dimensions.entries()) {
      await page.getByText(`Step ${n + 1} of 2`, { exact: true }).waitFor();
      for (const s of d.statements) {
        await page.getByRole('group', { name: s.text.en }).getByText(labels[s.id], { exact: true }).click();
      }
      await page.getByRole('button', { name: n === 1 ? 'See results' : 'Next' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
    await page.getByRole('button', { name: 'Take it again' }).waitFor();
  }

  it('is taken through a check, results, print, plan, code and a comparison of two results', async () => {
    const { context, page, problems } = await openAt(`?instrument=${OWN}`);
    await page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await page.getByText('Two short steps on how the coalition works.').waitFor();
    // Its own scale: four points, and no "don't know", which it does not offer.
    await page.getByRole('button', { name: 'Start' }).click();
    const first = page.getByRole('group', { name: own.dimensions[0].statements[0].text.en });
    await first.getByText('Always', { exact: true }).waitFor();
    assert.deepEqual(await first.getByRole('radio').evaluateAll((r) => r.map((e) => e.value)), ['1', '2', '3', '4']);
    // Markup in a statement is text: shown as written, never an element.
    assert.equal(await page.locator('.statement img').count(), 0);
    assert.ok((await first.locator('legend').innerText()).includes('<img src=x onerror="window.pwned=1">'));
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();

    // Voice: Always and (reversed) Never, 4.0; Trust: Sometimes, 2.0. Overall 3.0 of 4.
    await answer(page, { 'voice-1': 'Always', 'voice-2': 'Never', 'trust-1': 'Sometimes' });
    assert.equal(await page.locator('.overall-number').innerText(), '3.0 out of 4');
    assert.equal(await page.locator('.overall .badge').innerText(), 'Talk it over');
    const rows = await tableRows(page, 'table.scores');
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [['Members’ voice', '4.0', 'Going well'], ['Trust', '2.0', 'Act now']]);
    assert.equal(await page.locator('table.scores caption').first().innerText(), 'Scores by dimension, on a scale of 1 to 4');
    assert.equal(await page.locator('.band-scale').innerText(), 'Going well: 3.5 and above · Talk it over: 2.5 to 3.4 · Act now: below 2.5');
    assert.equal(await page.evaluate(() => window.pwned), undefined);

    // The plan takes the file's recommendation for a concern, by its place.
    const concern = page.locator('.advice', { hasText: 'Trust' });
    await concern.getByText('List every commitment and review the list each month.').waitFor();
    await concern.getByRole('button', { name: 'Add to plan' }).first().click();
    await page.locator('.plan .plan-action').first().waitFor();
    assert.ok((await page.locator('.plan').innerText()).includes('List every commitment'));

    // Printed: the report and its plan, without buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print report' }).isVisible(), false);
    assert.ok(await page.locator('.plan').isVisible());
    await page.emulateMedia({ media: 'screen' });

    // Its code names it by id, version and fingerprint.
    const code = await page.getByLabel('Result code').inputValue();
    assert.match(code, /^RP2\.coalition-check\.1\.[A-Za-z0-9_-]{4}\.[A-Za-z0-9_-]{3}\./);
    const link = await page.getByLabel('Share link').inputValue();
    assert.ok(link.includes(`?instrument=${OWN}#RP2.`), link);

    // A second result, and the two side by side.
    await page.getByRole('button', { name: 'Take it again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await answer(page, { 'voice-1': 'Often', 'voice-2': 'Often', 'trust-1': 'Often' });
    const second = await page.getByLabel('Result code').inputValue();
    await page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
    await page.getByLabel('Result codes or links').fill(`${code}\n${second}`);
    await page.locator('form.compare-form').getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Side by side' }).waitFor();
    await eventually(async () => {
      const cells = await tableRows(page, 'table.pair-table');
      assert.deepEqual(cells.map((r) => r.slice(0, 3)), [['Members’ voice', '4.0', '2.5'], ['Trust', '2.0', '3.0']]);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('gives a code the built-in check refuses with a clear reason, and the page with the file reads', async () => {
    const { context, page } = await openAt(`?instrument=${OWN}`);
    await page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await answer(page, { 'voice-1': 'Often', 'voice-2': 'Never', 'trust-1': 'Always' });
    const code = await page.getByLabel('Result code').inputValue();
    await context.close();

    const plain = await openAt('');
    await plain.page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await plain.page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
    await plain.page.getByLabel('Result codes or links').fill(code);
    await plain.page.locator('form.compare-form').getByRole('button', { name: 'Compare' }).click();
    await plain.page.getByText('Line 1: it is for questionnaire coalition-check 1, which this version of Rapport does not have.').waitFor();
    await plain.context.close();

    // An altered copy under the same id and version: its fingerprint differs.
    const altered = structuredClone(own);
    altered.dimensions[1].statements[0].reversed = true;
    const other = await openAt(`?instrument=${OWN}`, { file: altered });
    await other.page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await other.page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
    await other.page.getByLabel('Result codes or links').fill(code);
    await other.page.locator('form.compare-form').getByRole('button', { name: 'Compare' }).click();
    await other.page.getByText(/Line 1: it answers a changed copy of “Coalition check”/).waitFor();
    await other.context.close();
  });

  it('in another language takes the file’s words where it has them and its first language elsewhere', async () => {
    const { context, page } = await openAt(`?instrument=${OWN}&lang=fr`);
    await page.getByRole('heading', { level: 1, name: 'Bilan de la coalition' }).waitFor();
    await page.getByRole('button', { name: 'Commencer' }).click();
    const first = page.getByRole('group', { name: own.dimensions[0].statements[0].text.en });
    await first.getByText('Toujours', { exact: true }).waitFor();
    assert.ok((await page.locator('h1').innerText()).endsWith('Voix des membres'));
    await context.close();
  });

  it('when broken, shows the visitor a sentence and the site owner the place of the problem', async () => {
    const { context, page, console } = await openAt('?instrument=instruments/broken.json');
    await page.getByRole('alert').getByText('This questionnaire could not be opened.', { exact: false }).waitFor();
    await eventually(() => assert.ok(
      console.some((line) => line.startsWith('instruments/broken.json, line 4, column 3, at $: This is not valid JSON')),
      console.join('\n'),
    ));
    // Nothing of the built-in check shows instead.
    assert.equal(await page.getByText('Partnership Health Check').count(), 0);
    await context.close();

    const missing = await openAt('?instrument=instruments/nowhere.json');
    await missing.page.getByRole('alert').waitFor();
    await eventually(() => assert.ok(missing.console.some((l) => l.includes('could not load the instrument file instruments/nowhere.json'))));
    await missing.context.close();
  });

  it('from another site is refused: the built-in check runs, and the console says why', async () => {
    const { context, page, console } = await openAt('?instrument=https://example.org/x.json');
    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await eventually(() => assert.ok(console.some((l) => l.includes('ignoring instrument="https://example.org/x.json"'))));
    await context.close();
  });

  it('mounted in a host page, reads the instrument from the page itself (data-instrument="#id") or from the app’s site', async () => {
    // The host page on another origin (localhost; the app is on 127.0.0.1).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-host-'));
    // The file in the host page is plain text in a script element: markup in it stays text.
    const json = JSON.stringify(own).replaceAll('<', '\\u003c');
    fs.writeFileSync(path.join(dir, 'page.html'), `<!doctype html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head><body>
        <div data-rapport data-storage-key="own" data-instrument="#coalition"></div>
        <div data-rapport data-storage-key="pulse" data-instrument="instruments/pulse.json"></div>
        <script type="application/json" id="coalition">${json}</script>
        <script type="module" src="${env.url}rapport.js"></script></body></html>`);
    const server = await serve(dir, { host: 'localhost' });
    const host = server.url;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${host}page.html`);
    const [first, second] = [0, 1].map((i) => page.locator('[data-rapport]').nth(i));
    await first.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await second.getByRole('heading', { level: 1, name: 'Partnership Pulse' }).waitFor();
    await first.getByRole('button', { name: 'Start' }).click();
    const statement = first.getByRole('group', { name: own.dimensions[0].statements[0].text.en });
    await statement.getByText('Always', { exact: true }).click();
    assert.equal(await first.locator('.statement img').count(), 0);
    // The host page's own address and title are its own.
    assert.equal(await page.title(), 'Host');
    assert.deepEqual(problems, []);
    await context.close();
    server.close();
  });

  it('keeps the unfinished check of each questionnaire apart, and shows a result only where its questionnaire runs', async () => {
    const { context, page, problems } = await openAt(`?instrument=${OWN}`);
    await page.getByRole('heading', { level: 1, name: 'Coalition check' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    const first = page.getByRole('group', { name: own.dimensions[0].statements[0].text.en });
    await first.getByText('Often', { exact: true }).click();
    await eventually(async () => assert.ok(await page.evaluate(() => localStorage.getItem('rapport.draft.coalition-check'))));
    // The built-in check's page: its own welcome, nothing of the other draft, no notice.
    await page.goto(env.url);
    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.pre'));
    assert.equal(await page.getByRole('button', { name: 'Start' }).count(), 1);
    assert.equal(await page.locator('.notice').count(), 0);
    // Back on the instrument's page, the check goes on where it was: its step, its answer.
    await page.goto(`${env.url}?instrument=${OWN}`);
    await eventually(async () => assert.equal(await first.getByRole('radio', { name: 'Often' }).isChecked(), true));
    for (const [n, d] of own.dimensions.entries()) {
      await page.getByText(`Step ${n + 1} of 2`, { exact: true }).waitFor();
      for (const st of d.statements) await page.getByRole('group', { name: st.text.en }).getByText('Often', { exact: true }).click();
      await page.getByRole('button', { name: n === 1 ? 'See results' : 'Next' }).click();
    }
    await page.getByRole('button', { name: 'Take it again' }).waitFor();
    await page.goto(env.url);
    await page.waitForFunction(() => !document.querySelector('.pre'));
    await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
    // Listed, named by its questionnaire, without a score on another scale.
    const item = page.locator('.history-item').first();
    await item.locator('.history-tag', { hasText: 'coalition-check' }).waitFor();
    assert.equal(await item.locator('.history-score').innerText(), '');
    await page.getByRole('button', { name: /^Open/ }).first().click();
    await page.getByText('This check was made with another questionnaire, “coalition-check”').waitFor();
    assert.equal(await page.getByLabel('Result code').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the pulse is offered on the welcome screen and is a check of its own', async () => {
    const { context, page, problems } = await openAt('');
    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.pre'));
    await page.getByRole('link', { name: /Take the pulse/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnership Pulse' }).waitFor();
    await eventually(async () => assert.ok(page.url().endsWith('?instrument=instruments/pulse.json'), page.url()));
    await page.getByText('About 3 minutes · 10 statements').waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Step 1 of 10', { exact: true }).waitFor();
    assert.equal(await page.locator('fieldset.statement').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
