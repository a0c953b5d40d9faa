// The studio (studio/): a site owner starts from a built-in questionnaire or opens a file,
// edits it, sees every problem with its line, column and path in their language, sees a
// preview of the first step and of results for sample answers, and downloads the file.
// Its work survives a reload; the app's visitors never load it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import crypto from 'node:crypto';
import { root, pack, dist } from '../support.mjs';
import { useApp, watch, eventually, started } from './app.mjs';

const SMALL = fs.readFileSync(path.join(root, 'core/data/fixtures/instruments/small.json'), 'utf8');
const studioPack = (tag) => JSON.parse(fs.readFileSync(path.join(root, `core/data/lang/studio/${tag}.json`), 'utf8')).messages;
const pulse = JSON.parse(fs.readFileSync(path.join(root, 'instruments/pulse.json'), 'utf8'));

const env = useApp();

/** The studio in a fresh context (empty storage), its editor ready. */
async function openStudio({ locale = 'en-US', query = '' } = {}) {
  const context = await env.browser.newContext({ locale, acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${env.url}studio/${query}`);
  await page.locator('#studio-file').waitFor();
  return { context, page, problems, requests };
}

const editor = (page) => page.locator('#studio-file');
const count = (page) => page.locator('#problems-count');
const preview = (page) => page.locator('.studio-preview');

describe('the studio', () => {
  it('starts from the pulse, with no problems, and previews its first step and sample results', async () => {
    const { context, page, problems } = await openStudio();
    assert.equal(await page.title(), 'Rapport Studio');
    assert.equal(JSON.parse(await editor(page).inputValue()).id, 'pulse');
    await count(page).filter({ hasText: studioPack('en').no_problems }).waitFor();
    assert.equal(await editor(page).getAttribute('aria-invalid'), null);
    // The walk-through's first step, as the app draws it, in English.
    const first = pulse.dimensions[0];
    await preview(page).locator('.step h1', { hasText: first.name.en }).waitFor();
    const statement = preview(page).getByRole('group', { name: first.statements[0].text.en });
    assert.equal(await statement.getByRole('radio').count(), pulse.scale.labels.length + (pulse.scale.dontKnow ? 1 : 0));
    // Results for sample answers: an overall score and every dimension in the table, with
    // strong, middling and weak ones.
    await preview(page).locator('.overall-score').waitFor();
    const rows = preview(page).locator('table tbody tr');
    assert.equal(await rows.count(), pulse.dimensions.length);
    for (const band of ['band-strength', 'band-discuss', 'band-concern']) {
      assert.ok((await preview(page).locator(`table .badge.${band}`).count()) > 0, band);
    }
    // Next walks the preview on; an answer chosen there changes the sample.
    await preview(page).getByRole('button', { name: pack('en').messages.next }).click();
    await preview(page).locator('.step h1', { hasText: pulse.dimensions[1].name.en }).waitFor();
    // As in the app, focus goes to the new step's heading, which a screen reader reads.
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-title'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('lists a broken file’s problem with its line, column and path, and moves the cursor there', async () => {
    const { context, page, problems } = await openStudio();
    // Line 5 loses its comma: JSON stops at line 6.
    const broken = SMALL.replace('"version": 1,', '"version": 1');
    await editor(page).fill(broken);
    await count(page).filter({ hasText: '1 problem' }).waitFor();
    assert.equal(await editor(page).getAttribute('aria-invalid'), 'true');
    const item = page.locator('.problem-list li').first();
    assert.match(await item.innerText(), /Line 6, column 3/);
    // Said as a person would fix it: the comma missing before this point.
    assert.match(await item.innerText(), /A comma, or the closing \}, is missing before this point\./);
    // The preview waits for a file it can read.
    await preview(page).getByText(studioPack('en').preview_waiting).waitFor();
    await item.getByRole('button', { name: 'Line 6, column 3' }).click();
    const caret = await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]);
    const offset = broken.split('\n').slice(0, 5).join('\n').length + 1 + 2;
    assert.deepEqual(caret, ['studio-file', offset]);

    // A file shaped right gets every problem, each at its own path and line.
    const twice = SMALL.replace('"version": 1,', '"version": 0,').replace('"id": "purpose-2"', '"id": "purpose-1"');
    await editor(page).fill(twice);
    await count(page).filter({ hasText: '2 problems' }).waitFor();
    const listed = await page.locator('.problem-list li').allInnerTexts();
    assert.match(listed[0], /Line 5, column 14\s+version\s+0 is not a version/);
    assert.match(listed[1], /Line 33, column 17\s+dimensions\[0\]\.statements\[1\]\.id/);
    // Fixed, the preview comes back.
    await editor(page).fill(SMALL);
    await count(page).filter({ hasText: studioPack('en').no_problems }).waitFor();
    await preview(page).locator('.step h1', { hasText: 'Shared purpose' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('works from the keyboard alone: type, Tab to a problem, Enter puts the cursor there', async () => {
    const { context, page, problems } = await openStudio();
    await editor(page).fill(SMALL);
    await count(page).filter({ hasText: studioPack('en').no_problems }).waitFor();
    // Tab from the file picker reaches the editor; typing there breaks line 2.
    await page.locator('#studio-open').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'studio-file');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await count(page).filter({ hasText: '1 problem' }).waitFor();
    // Tab leaves the editor for the problem's place; Enter goes back to it.
    await page.keyboard.press('Tab');
    const place = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(place, 'Line 3, column 3');
    await page.keyboard.press('Enter');
    const caret = await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]);
    const text = await editor(page).inputValue();
    assert.deepEqual(caret, ['studio-file', text.split('\n').slice(0, 2).join('\n').length + 1 + 2]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens a file from the computer, asks before replacing changed work, keeps it on a reload and downloads it', async () => {
    const { context, page, problems } = await openStudio();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-'));
    const file = path.join(dir, 'coalition.json');
    fs.writeFileSync(file, SMALL);
    // Nothing changed yet: the file opens at once.
    await page.locator('#studio-open').setInputFiles(file);
    await page.locator('.studio-said', { hasText: 'coalition.json is open in the editor.' }).waitFor();
    assert.equal(await editor(page).inputValue(), SMALL);
    await preview(page).locator('.step h1', { hasText: 'Shared purpose' }).waitFor();

    // Changed work is not replaced without asking; "Keep mine" keeps it.
    const mine = SMALL.replace('Coalition pulse', 'Our coalition pulse');
    await editor(page).fill(mine);
    await page.locator('#studio-start-button').click();
    const question = page.getByRole('group').filter({ hasText: 'Replace what is in the editor with pulse.json?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Keep mine' }).click();
    await question.waitFor({ state: 'detached' });
    assert.equal(await editor(page).inputValue(), mine);

    // Kept in this browser: a reload brings it back, and says so.
    await page.reload();
    await page.locator('.studio-said', { hasText: studioPack('en').restored }).waitFor();
    assert.equal(await editor(page).inputValue(), mine);

    // The download is the editor's text, named by its id as just typed (the pause after
    // typing has not passed yet).
    const renamed = mine.replace('"coalition-pulse"', '"coalition-pulse-2"');
    await editor(page).fill(renamed);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the file' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'coalition-pulse-2.json');
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), renamed);
    await page.locator('.studio-said', { hasText: 'coalition-pulse-2.json was handed to your browser to save.' }).waitFor();
    // A download may have been cancelled: another file still asks first. Replacing puts
    // focus in the editor, which holds the new file.
    await page.locator('#studio-start-button').click();
    await question.waitFor();
    await question.getByRole('button', { name: 'Replace it' }).click();
    await page.locator('.studio-said', { hasText: 'pulse.json is open in the editor.' }).waitFor();
    assert.equal(JSON.parse(await editor(page).inputValue()).id, 'pulse');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'studio-file'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('refuses a changed copy of the built-in check under its id, and shows markup in a text as text', async () => {
    const { context, page, problems } = await openStudio();
    await page.locator('#studio-start').selectOption('partnership-health.json');
    await page.locator('#studio-start-button').click();
    await page.locator('.studio-said', { hasText: 'partnership-health.json is open' }).waitFor();
    // The built-in check itself is fine as it is.
    await count(page).filter({ hasText: studioPack('en').no_problems }).waitFor();
    const file = JSON.parse(await editor(page).inputValue());
    file.dimensions[0].statements[0].reversed = !file.dimensions[0].statements[0].reversed;
    const hostile = '<img src=x onerror="document.title=\'owned\'">';
    file.dimensions[0].statements[1].text.en = hostile;
    await editor(page).fill(JSON.stringify(file, null, 2));
    await count(page).filter({ hasText: '1 problem' }).waitFor();
    const listed = await page.locator('.problem-list li').first().innerText();
    assert.match(listed, /Line 4, column 9\s+id\s+This questionnaire’s file uses the id “partnership-health”/);
    // The preview still shows it, the markup as text.
    await preview(page).getByRole('group', { name: hostile }).waitFor();
    assert.equal(await preview(page).locator('img[src=x]').count(), 0);
    assert.notEqual(await page.title(), 'owned');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('speaks the person’s language, right to left, with the file left to right', async () => {
    const { context, page, problems } = await openStudio({ locale: 'ar-EG', query: '?lang=ar' });
    const ar = studioPack('ar');
    // The studio's name is the same in every language: its intro is not.
    await page.locator('.lead', { hasText: ar.studio_intro }).waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.equal(await editor(page).getAttribute('dir'), 'ltr');
    await editor(page).fill(SMALL.replace('"version": 1,', '"version": 1'));
    // The problem in Arabic: its place in Arabic words, the reason from the Arabic pack.
    await page.locator('.problem-list li', { hasText: ar.json_comma_or_close.replace('{bracket}', '}') }).waitFor();
    // A value of the wrong kind, too.
    await editor(page).fill(SMALL.replace('"version": 1,', '"version": "1",'));
    await page.locator('.problem-list li', { hasText: ar.expects_whole_number }).waitFor();
    // The preview shows the file's fallback language where it has no Arabic.
    await editor(page).fill(SMALL);
    await preview(page).locator('.step h1', { hasText: 'Shared purpose' }).waitFor();
    // Another language from the selector: the studio's words follow.
    await page.locator('.language select').selectOption('fr');
    await page.locator('.lead', { hasText: studioPack('fr').studio_intro }).waitFor();
    await preview(page).locator('.step h1', { hasText: 'Finalité commune' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('carries the app’s strict policy, with the hash of each of its inline scripts', () => {
    const html = fs.readFileSync(path.join(dist, 'studio', 'index.html'), 'utf8');
    const policy = html.match(/<meta http-equiv=Content-Security-Policy content="([^"]+)">/)?.[1];
    assert.ok(policy, 'studio/index.html has a Content-Security-Policy meta');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before every script');
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([n, ...v]) => [n, v]));
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
    );
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'", ...inline]);
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    // The app's page never names the studio's files.
    assert.doesNotMatch(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'), /rapport-studio/);
  });

  it('has no axe violations, with problems listed and with the preview shown', async () => {
    const { context, page, problems } = await openStudio();
    await preview(page).locator('.overall-score').waitFor();
    const check = async (where) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(summary, [], `axe violations ${where}`);
    };
    await check('with the preview');
    await editor(page).fill(SMALL.replace('"version": 1,', '"version": 0,'));
    await count(page).filter({ hasText: '1 problem' }).waitFor();
    await check('with a problem listed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('loads only on its own page, and opens offline once it has been visited', async () => {
    // The app's visitors never fetch the studio's files, not even for the service worker.
    const context = await env.browser.newContext();
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(env.url);
    await started(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const precached = async (p) =>
      (await p.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat()));
    // A worker installs in the background, as slowly as the machine is busy: waited for
    // as long as a slow machine takes, and no longer than it takes here.
    const installed = { timeout: 60_000 };
    await eventually(async () => assert.ok((await precached(page)).some((u) => u.includes('/lang/ar.json')), 'the app is precached'), installed);
    assert.deepEqual((await precached(page)).filter((u) => u.includes('/studio/')), [], 'the app precaches no studio file');
    assert.deepEqual(requests.filter((u) => u.includes('/studio/')), [], 'the app asks for no studio file');
    // The studio, visited once, keeps its own files: it opens with no network.
    const studio = await context.newPage();
    const studioProblems = watch(studio);
    await studio.goto(`${env.url}studio/`);
    await studio.locator('#studio-file').waitFor();
    await eventually(async () => {
      const cached = await precached(studio);
      // Under its own name: a hashed name is its own revision (tools/page.mjs).
      assert.ok(cached.some((u) => /\/studio\/rapport-studio-[0-9a-f]+_bg\.wasm$/.test(u)), 'the studio keeps its wasm');
      assert.ok(cached.some((u) => u.includes('/lang/studio/ar.json')), 'and its packs');
    }, installed);
    // Its own worker (scope studio/) is the one that took over.
    const scope = await studio.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${env.url}studio/`);
    await context.setOffline(true);
    const offline = await context.newPage();
    const offlineProblems = watch(offline);
    await offline.goto(`${env.url}studio/?lang=fr`);
    await offline.locator('.lead', { hasText: studioPack('fr').studio_intro }).waitFor();
    await offline.locator('.studio-preview .overall-score').waitFor();
    assert.deepEqual([...problems, ...studioProblems, ...offlineProblems], []);
    await context.close();
  });
});
