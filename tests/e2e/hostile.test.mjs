// Hostile inputs up to the limits the app accepts (a 1 MB import, 100 KB of pasted codes,
// what storage holds) are answered promptly with the clear message of the day, the page
// stays responsive, and nothing stored changes. The same shapes are in the fuzz harness
// (core/examples/fuzz_decoders/hostile.rs), which times them natively; here each time is
// measured in Chromium and printed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, plans, completeCheck, goHistory, rapportKeys, dimensions } from './app.mjs';

const env = useApp();
/** A generous bound under test load, for every measured time: natively these shapes
 * take milliseconds. */
const BOUND = 5_000;
/** The lines that could not be read that Compare lists one by one (the rest are counted). */
const SHOWN = 20;
const MB = 1_000_000;
const KB100 = 100_000;

// ---------------------------------------------------------------------------------------
// The shapes, at a size limit.

/** `{"kkkk…":[0,0,…]}`: one 4,000-character key over as many items as fit in `limit`. */
function longKey(limit) {
  const items = Math.floor((limit - 4_000 - 6) / 2);
  return `{"${'k'.repeat(4_000)}":[0${',0'.repeat(items - 1)}]}`;
}

/** `open` 100,000 times, then closed. */
const nested = (open, close, depth = 100_000) => `${open.repeat(depth)}0${close.repeat(depth)}`;

/** An object of `count` distinct 200-character keys. */
function manyKeys(count) {
  const key = (i) => String(i).padStart(5, '0') + 'k'.repeat(195);
  return `{${Array.from({ length: count }, (_, i) => `"${key(i)}":0`).join(',')}}`;
}

/** As many 200-character keys as fit in 1 MB: 4,878 (5,000 take 1,025,001 bytes). */
const keysIn1MB = Math.floor((MB - 1) / 205);

/** `stored` (a history as the app stores it) with its one check copied under new ids up
 * to about 1 MB, and "schema" given again after them. */
function repeatedSchema(stored) {
  const { data } = JSON.parse(stored);
  const check = JSON.stringify(data.assessments[0]);
  const copies = [];
  let size = 0;
  for (let i = 0; size < MB - 2 * check.length; i++) {
    const copy = check.replace(/^\{"id":"[^"]*"/, `{"id":"hostile-${i}"`);
    copies.push(copy);
    size += copy.length + 1;
  }
  return `{"schema":2,"data":{"assessments":[${copies.join(',')}],"deleted":[]},"schema":2}`;
}

const kb = (text) => `${(Buffer.byteLength(text) / 1000).toFixed(0)} KB`;
const ms = (t) => `${Math.round(t)} ms`;
/** The Long Tasks API reports tasks of 50 ms or more. */
const task = (t) => (t ? ms(t) : 'none over 50 ms');

// ---------------------------------------------------------------------------------------
// Timing in the page.

/**
 * Times, in the page, from the first `event` on the document to the moment an element
 * matching `selector` is there (holding `text`, if given), and notes the longest task
 * meanwhile (the time the page could not respond).
 */
async function startTiming(page, event, selector, text) {
  await page.evaluate(([event, selector, text]) => {
    const t = { start: null, end: null, longest: 0 };
    window.rapportTiming = t;
    document.addEventListener(event, () => (t.start ??= performance.now()), { capture: true, once: true });
    const done = () => [...document.querySelectorAll(selector)].some((e) => text === null || e.textContent.includes(text));
    const seen = new MutationObserver(() => {
      if (t.end === null && done()) {
        t.end = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.longest = Math.max(t.longest, e.duration);
    });
    tasks.observe({ type: 'longtask' });
  }, [event, selector, text]);
}

/** What `startTiming` measured: `inPage` (event to text) and `longest` task, in ms. */
async function timing(page) {
  return page.evaluate(async () => {
    // Long tasks are reported after they end: let the observer have them.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const t = window.rapportTiming;
    return { inPage: t.end - t.start, longest: t.longest };
  });
}

/** Clicks another control (Compare in the bar) and times until its screen shows. */
async function clickResponds(page) {
  const started = Date.now();
  await page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click({ timeout: BOUND });
  await page.getByRole('heading', { level: 1, name: 'Compare results' }).waitFor({ timeout: BOUND });
  return Date.now() - started;
}

const storedHistory = (page) => page.evaluate(() => localStorage.getItem('rapport.history'));

/** Every `rapport.` key and its value. */
const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('rapport.')).sort().map((k) => [k, localStorage.getItem(k)])));

// ---------------------------------------------------------------------------------------

describe('hostile inputs', () => {
  it('importing a hostile file of up to 1 MB says why promptly and changes nothing', async () => {
    const { context, page, expectNoProblems } = await open(env);
    await completeCheck(page, () => plans.all('Agree'), { name: 'River Trust' });
    const history = await storedHistory(page);
    assert.ok(history);
    const before = await stored(page);
    const failed = (name, why) => `${name} could not be imported: ${why}. Your history has not changed.`;
    const notRapport = 'it is not a file saved from Rapport';
    const notJson = /^it is not a JSON file \(the problem is at line 1, column [\d,]+\)$/;
    const files = [
      ['long-key.json', longKey(MB), notRapport],
      ['nested.json', nested('[', ']'), notJson],
      ['nested-objects.json', nested('{"a":', '}'), notJson],
      [`keys-${keysIn1MB}.json`, manyKeys(keysIn1MB), notRapport],
      ['keys-5000.json', manyKeys(5_000), 'it is larger than 1 MB, more than any Rapport file'],
      ['repeated-key.json', repeatedSchema(history), /^it is not in the form Rapport saves \(the problem is at line 1, column [\d,]+\)$/],
    ];
    for (const [name, text, why] of files) {
      assert.ok(Buffer.byteLength(text) <= MB || name === 'keys-5000.json', `${name} is within the limit`);
      await goHistory(page);
      await startTiming(page, 'change', '.notice-warn p', name);
      const started = Date.now();
      await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const message = page.locator('.notice-warn p', { hasText: name });
      await message.waitFor({ timeout: BOUND });
      const total = Date.now() - started;
      const { inPage, longest } = await timing(page);
      const shown = await message.innerText();
      const reason = shown.slice(`${name} could not be imported: `.length, -'. Your history has not changed.'.length);
      if (typeof why === 'string') assert.equal(shown, failed(name, why));
      else {
        assert.ok(shown.startsWith(`${name} could not be imported: `) && shown.endsWith('. Your history has not changed.'), shown);
        assert.match(reason, why);
      }
      assert.equal(await storedHistory(page), history, `${name} changed nothing stored`);
      assert.deepEqual(await stored(page), before, `${name} changed nothing stored`);
      const click = await clickResponds(page);
      console.log(
        `import ${name} (${kb(text)}): message ${ms(total)} after setInputFiles, in the DOM ${ms(inPage)} ` +
          `after the change event; longest task ${task(longest)}; a click then answered in ${ms(click)}: "${reason}"`,
      );
      for (const t of [total, inPage, longest, click]) assert.ok(t < BOUND, `${name}: ${t} ms`);
    }
    await goHistory(page);
    assert.equal(await page.locator('.history-item').count(), 1);
    expectNoProblems();
    await context.close();
  });

  it('pasting 100 KB of hostile text into Compare is refused or read line by line promptly', async () => {
    const incomplete = 'the code is incomplete: its end is missing';
    const tooLong = 'it is far too long to be a result code';
    const pastes = [
      ['the long-key document', longKey(KB100), `Line 1: ${tooLong}.`, 1],
      ['100,000 levels of [', '['.repeat(KB100), `Line 1: ${tooLong}.`, 1],
      // Only the first lines that could not be read are listed; the rest are counted.
      ['25,000 lines of RP1', 'RP1\n'.repeat(KB100 / 4), `Line 20: ${incomplete}.`, 25_000],
      ['a link of 24,999 codes', `#RP1${',RP1'.repeat(24_998)}`, `Line 1: ${incomplete}.`, 24_999],
      ['100,001 bytes', `${longKey(KB100)} `, 'That is more than 100 KB of text, far more than any list of codes, so nothing was compared.', 0],
    ];
    for (const [what, text, last, problems] of pastes) {
      assert.ok(Buffer.byteLength(text) <= KB100 || problems === 0);
      const { context, page, expectNoProblems } = await open(env);
      await page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
      // Put in as a paste puts it: Playwright's fill takes over 30 s for 25,000 lines.
      const codes = page.getByLabel('Result codes or links');
      await codes.evaluate((area, text) => {
        area.value = text;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, text);
      assert.equal(await codes.evaluate((area) => area.value.length), text.length);
      const before = await stored(page);
      // A fresh page: the outcome is this paste's, drawn whole in one render.
      await startTiming(page, 'submit', '#compare-outcome', null);
      const started = Date.now();
      await page.locator('form.compare-form').getByRole('button', { name: 'Compare' }).click();
      await page.locator('#compare-outcome').waitFor({ timeout: BOUND });
      const total = Date.now() - started;
      const { inPage, longest } = await timing(page);
      const items = page.locator('.line-problems li');
      const listed = Math.min(problems, SHOWN);
      assert.equal(await items.count(), listed);
      if (problems) assert.equal(await items.nth(listed - 1).innerText(), last);
      else assert.equal(await page.locator('#compare-outcome .form-error').innerText(), last);
      const more = page.locator('.line-problems > p').nth(1);
      if (problems > SHOWN) {
        const rest = (problems - SHOWN).toLocaleString('en-GB');
        assert.equal(await more.innerText(), `${rest} more lines could not be read.`);
      } else {
        assert.equal(await more.count(), 0);
      }
      assert.deepEqual(await stored(page), before, 'nothing stored changed');
      const clicked = Date.now();
      await page.getByRole('navigation').getByRole('button', { name: 'History' }).click({ timeout: BOUND });
      await page.getByRole('heading', { level: 1, name: 'History' }).waitFor({ timeout: BOUND });
      const click = Date.now() - clicked;
      const outcome = problems ? `${problems} line problems listed` : 'refused whole';
      console.log(
        `compare ${what} (${kb(text)}): ${outcome} ${ms(total)} after the click, in the DOM ${ms(inPage)} ` +
          `after the submit event; longest task ${task(longest)}; a click then answered in ${ms(click)}`,
      );
      for (const t of [total, inPage, longest, click]) assert.ok(t < BOUND, `${what}: ${t} ms`);
      expectNoProblems();
      await context.close();
    }
  });

  it('hostile saved data: the app starts, says so, and keeps each value aside unchanged', async () => {
    // Notes when the app took over the page and when its first notice appeared.
    const initScript = () => {
      const t = { app: null, notice: null, longest: 0 };
      window.rapportLoad = t;
      new MutationObserver(() => {
        if (t.app === null && document.querySelector('h1') && !document.querySelector('.pre')) t.app = performance.now();
        if (t.notice === null && document.querySelector('.notice')) t.notice = performance.now();
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) t.longest = Math.max(t.longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    };
    const load = (page) =>
      page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return window.rapportLoad;
      });
    const notJson = 'it is not valid JSON';
    const noSchema = 'it carries no format version';
    const wrongShape = 'its content is not in the form Rapport expects';
    const draft = '{"schema":2,"data":{"instrument_id":"partnership-health","instrument_version":1,"name":"","answers":{},"step":null}}';
    const cases = [
      ['the long-key document', longKey(MB), noSchema, '100,000 levels of [', nested('[', ']'), notJson],
      [`${keysIn1MB} keys`, manyKeys(keysIn1MB), noSchema, '100,000 levels of {"a":', nested('{"a":', '}'), notJson],
      ['"schema" twice after 1 MB', null, wrongShape, '"name" twice', draft.replace('"name":""', '"name":"","name":""'), wrongShape],
    ];
    for (const [historyWhat, historyValue, historyWhy, draftWhat, draftValue, draftWhy] of cases) {
      const { context, page, expectNoProblems } = await open(env, { initScript });
      const clean = await load(page);
      let history = historyValue;
      if (history === null) {
        await completeCheck(page, () => plans.all('Agree'));
        history = repeatedSchema(await storedHistory(page));
      }
      await page.evaluate(([h, d]) => {
        localStorage.clear();
        localStorage.setItem('rapport.history', h);
        localStorage.setItem('rapport.draft', d);
      }, [history, draftValue]);
      const started = Date.now();
      await page.reload();
      const notices = page.locator('.notice p');
      await notices.nth(1).waitFor({ timeout: BOUND });
      const total = Date.now() - started;
      const texts = await notices.allInnerTexts();
      assert.equal(texts.length, 2, texts.join('\n'));
      const backups = (await rapportKeys(page)).filter((k) => k.startsWith('rapport.backup.'));
      assert.equal(backups.length, 2, backups.join(', '));
      const kept = Object.fromEntries(await page.evaluate((keys) => keys.map((k) => [k.split('.')[2], localStorage.getItem(k)]), backups));
      assert.ok(kept.history === history, 'the history is kept aside unchanged');
      assert.ok(kept.draft === draftValue, 'the draft is kept aside unchanged');
      const historyKey = backups.find((k) => k.startsWith('rapport.backup.history.'));
      const draftKey = backups.find((k) => k.startsWith('rapport.backup.draft.'));
      const keptAside = (what, why, key) =>
        `${what} could not be read (${why}). Rapport started afresh and kept the old data aside, untouched, under the browser storage key “${key}”.`;
      assert.ok(texts.includes(keptAside('Your saved history', historyWhy, historyKey)), texts.join('\n'));
      assert.ok(texts.includes(keptAside('Your unfinished check', draftWhy, draftKey)), texts.join('\n'));
      const times = await load(page);
      // The app answers: a new check starts.
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Start' }).click({ timeout: BOUND });
      await page.getByText(`Step 1 of ${dimensions.length}`, { exact: true }).waitFor({ timeout: BOUND });
      const click = Date.now() - clicked;
      console.log(
        `stored history ${historyWhat} (${kb(history)}) and draft ${draftWhat} (${kb(draftValue)}): both notices ${ms(total)} ` +
          `after the reload; app on screen at ${ms(times.app)}, first notice at ${ms(times.notice)} after navigation ` +
          `(${ms(clean.app)} on the first, empty, load); longest task ${task(times.longest)}; ` +
          `Start then answered in ${ms(click)}`,
      );
      for (const t of [total, times.notice, times.longest, click]) assert.ok(t < BOUND, `${historyWhat}: ${t} ms`);
      expectNoProblems();
      await context.close();
    }
  });
});
