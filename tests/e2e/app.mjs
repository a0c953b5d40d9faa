// What the end-to-end tests share: the served release build, a browser, and the moves a
// person makes in Rapport (answering steps, finishing a check).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, instrument, eventually } from '../support.mjs';

export { eventually };

export { instrument };
export const dimensions = instrument.dimensions;
export const LABELS = [...instrument.scale.agreement, instrument.scale.dont_know];

/** Starts the server and browser for one test file; `env.url`, `env.origin`, `env.browser`. */
export function useApp() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.url = env.server.url;
    env.origin = env.server.origin;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/**
 * A fresh context (empty storage) and page. Page errors and console errors are collected
 * in `problems`; `expectNoProblems()` fails the test if there were any. `requests` lists
 * every URL the context asked for, from the first navigation on.
 */
export async function open(env, { contextOptions = {}, initScript } = {}) {
  const context = await env.browser.newContext(contextOptions);
  if (initScript) await context.addInitScript(initScript);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(env.url);
  await started(page);
  return { context, page, problems, requests, expectNoProblems: () => assert.deepEqual(problems, []) };
}

/** Waits until step `n` of the walk-through is on screen (its "Step n of 8" line). */
export async function onStep(page, n) {
  await page.getByText(`Step ${n} of ${dimensions.length}`, { exact: true }).waitFor();
}

/** Waits until the app has replaced the page's built-in first screen with itself. */
export async function started(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.pre'));
}

export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

/** A plan answers every statement: `(statement, index) => label`. */
export const plans = {
  /** Means "fully agree" throughout: 5 for plain statements, 1 for reversed ones. */
  best: (s) => (s.reversed ? 'Strongly disagree' : 'Strongly agree'),
  all: (label) => () => label,
};

/** Answers the current step by mouse, clicking each answer's visible label. */
export async function answerStep(page, pick) {
  const dimension = await currentDimension(page);
  for (const [i, statement] of dimension.statements.entries()) {
    const group = page.getByRole('group', { name: statement.text });
    await group.getByText(pick(statement, i), { exact: true }).click();
  }
  return dimension;
}

/** The dimension of the step on screen, once a step is (after Start, the welcome's
 * heading may still be there). After Next, wait for the next step first (`onStep`). */
export async function currentDimension(page) {
  return eventually(async () => {
    const title = (await page.locator('h1').innerText()).trim();
    const dimension = dimensions.find((d) => title.endsWith(d.name));
    assert.ok(dimension, `no dimension is titled ${title}`);
    return dimension;
  });
}

/**
 * From the welcome screen, answers every step by mouse and opens the results.
 * `pickFor(dimension)` gives the plan for each step.
 */
export async function completeCheck(page, pickFor, { name } = {}) {
  if (name !== undefined) await page.getByLabel('Partnership name (kept only on this device)').fill(name);
  await page.getByRole('button', { name: /^(Start|Continue)$/ }).click();
  for (let step = 0; step < dimensions.length; step++) {
    await onStep(page, step + 1);
    await answerStep(page, pickFor(dimensions[step]));
    const last = step === dimensions.length - 1;
    await page.getByRole('button', { name: last ? 'See results' : 'Next' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your partnership health' }).waitFor();
  // The results draw their top first and the rest, down to these buttons, a frame later.
  await page.getByRole('button', { name: 'Take it again' }).waitFor();
}

/** The results table as {dimension: [score, band, change?]}. */
export async function scoreTable(page) {
  await page.locator('table.scores').first().waitFor();
  const rows = await page.locator('table.scores tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
  );
  return Object.fromEntries(rows.map(([name, ...rest]) => [name, rest]));
}

/** The unfinished check as stored (the data of `rapport.draft`), or null. */
export async function storedDraft(page, key = 'rapport.draft') {
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key))?.data ?? null;
}

export async function rapportKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.')).sort());
}

export async function goHistory(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
}

export { codeFor, codeAt } from '../support.mjs';

/**
 * Pastes `lines` into Compare (opening it first), presses Compare and waits for an
 * outcome. A test that compares again on the same screen, where the earlier outcome is
 * still there until the new one replaces it, then waits for what the new one shows.
 */
export async function comparePasted(page, lines) {
  if (!(await page.locator('#codes').isVisible())) {
    await page.getByRole('navigation').getByRole('button', { name: 'Compare' }).click();
  }
  await page.getByLabel('Result codes or links').fill(lines.join('\n'));
  await page.locator('form.compare-form').getByRole('button', { name: 'Compare' }).click();
  await page.locator('#compare-outcome').waitFor();
}

/** Rows of the first table matching `selector` as arrays of cell texts. */
export async function tableRows(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
  );
}
