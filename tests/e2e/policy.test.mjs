// The Content-Security-Policy: index.html carries a strict one, the app works under it
// whether it comes as a meta or as an HTTP header, and a host page with a strict policy of
// its own can mount Rapport. Every other test fails on a violation too: tests/support.mjs
// reports each as a console error, which their problem lists collect.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { serve, launch, dist } from '../support.mjs';
import { watch, plans, completeCheck, goHistory, comparePasted, codeAt, started } from './app.mjs';

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const META = /<meta http-equiv=Content-Security-Policy content="([^"]+)">/;
const policy = html.match(META)?.[1];

/** A policy as {directive: [sources]}. */
const directives = (text) =>
  Object.fromEntries(text.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

const env = {};
before(async () => {
  // The policy as a header, and no meta: the header alone must be enough.
  env.app = await serve(dist, {
    headers: { 'content-security-policy': policy },
    rewrite: (text) => text.replace(META, ''),
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  env.app?.close();
});

/** Elements with a style attribute other than custom properties set through the CSSOM. */
const inlineStyles = (page) =>
  page.evaluate(() => {
    const all = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return all
      .flatMap((root) => [...root.querySelectorAll('[style]')])
      .map((e) => e.getAttribute('style'))
      .filter((s) => s.split(';').some((d) => d.trim() && !d.trim().startsWith('--')));
  });

describe('content security policy', () => {
  it('index.html carries a strict policy before any script, with the hash of each inline script', () => {
    assert.ok(policy, 'index.html has a Content-Security-Policy meta');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before every script');
    const d = directives(policy);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
    );
    assert.ok(inline.length >= 3, 'the pack preload, the start-up module and the service worker registration are inline');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
    );
    assert.equal(styles.length, 1, 'the stylesheet is inline, for the first paint');
    assert.deepEqual(d['default-src'], ["'none'"]);
    assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'", ...inline]);
    assert.deepEqual(d['style-src'], ["'self'", ...styles]);
    assert.deepEqual(d['img-src'], ["'self'", 'data:']);
    assert.deepEqual(d['connect-src'], ["'self'"]);
    assert.deepEqual(d['manifest-src'], ["'self'"]);
    assert.deepEqual(d['worker-src'], ["'self'"]);
    assert.deepEqual(d['base-uri'], ["'none'"]);
    assert.deepEqual(d['form-action'], ["'none'"]);
    for (const source of Object.values(d).flat()) {
      assert.ok(!["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'].includes(source), `the policy allows ${source}`);
    }
    assert.doesNotMatch(html, /\sstyle=/, 'no style attribute');
  });

  it('with the policy sent as a header: walk-through, results, history, export and import, compare, print and a language switch, without one violation', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(env.app.url);
    await started(page);
    assert.equal(await page.locator('meta[http-equiv]').count(), 0, 'only the header carries the policy here');
    assert.deepEqual(await inlineStyles(page), [], 'welcome');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('progressbar').waitFor();
    assert.deepEqual(await inlineStyles(page), [], 'a step');
    await page.getByRole('button', { name: 'Back' }).click();
    await completeCheck(page, () => plans.all('Agree'), { name: 'River Trust' });
    await page.getByRole('img', { name: 'Scores by dimension' }).waitFor();
    assert.deepEqual(await inlineStyles(page), [], 'results');
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });

    await goHistory(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (JSON)' }).click()]);
    const json = fs.readFileSync(await file.path(), 'utf8');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await goHistory(page);
    await page.locator('#import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.getByText('Imported mine.json: 1 result added.').waitFor();
    assert.deepEqual(await inlineStyles(page), [], 'history');

    await comparePasted(page, [codeAt(2, 'Partner A'), codeAt(5, 'Partner B')]);
    await page.locator('#compare-outcome table').first().waitFor();
    assert.deepEqual(await inlineStyles(page), [], 'compare');

    // Another language: its pack is fetched under connect-src 'self'.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.locator('html[lang="fr"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a host page with a strict policy of its own mounts Rapport when it allows the app origin and wasm-unsafe-eval', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-host-'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>` +
        `<main><h2>Our alliance</h2><div data-rapport></div></main>` +
        `<script type="module" src="${env.app.url}rapport.js"></script></body></html>`,
    );
    const app = env.app.origin;
    // What the README tells a site owner to allow.
    const hostPolicy = `default-src 'none'; script-src ${app} 'wasm-unsafe-eval'; style-src ${app}; connect-src ${app}; img-src ${app} data:`;
    const host = await serve(dir, { host: 'localhost', headers: { 'content-security-policy': hostPolicy } });
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(host.url);
    const mount = page.locator('[data-rapport]');
    await mount.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await mount.getByRole('button', { name: 'Start' }).click();
    await mount.getByRole('progressbar').waitFor();
    assert.deepEqual(await inlineStyles(page), [], 'a step in the mount');
    assert.deepEqual(problems, []);
    await context.close();
    host.close();
  });
});
