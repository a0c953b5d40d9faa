// Offline and installable: after one visit Rapport opens and works with no network, in
// any language; a new deployment waits until the person reloads from the notice, and the
// answers in progress survive it; the manifest makes it installable, also under a
// sub-path; a mount or an iframe never registers a service worker.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, dist, root, pack, instrumentIn } from '../support.mjs';
import { watch, plans, answerStep, completeCheck, dimensions, started, eventually, onStep, storedDraft } from './app.mjs';

const env = {};
before(async () => {
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
});

/** A copy of the build, served on its own: a test may deploy a new version into it. */
async function deployment() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-sw-'));
  fs.cpSync(dist, dir, { recursive: true });
  const server = await serve(dir);
  return { dir, server };
}

/** Opens the app and waits until a service worker controls the page (one reload). */
async function visit(url) {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await started(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await started(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'a service worker controls the page');
  return { context, page, problems };
}

describe('offline', () => {
  it('after one visit, opens and works with no network: a whole check, another language, a new tab', async () => {
    const { dir, server } = await deployment();
    const { context, page, problems } = await visit(server.url);
    await context.setOffline(true);
    server.close();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await completeCheck(page, () => plans.all('Agree'), { name: 'Offline Alliance' });
    await page.getByRole('img', { name: 'Scores by dimension' }).waitFor();
    // Every pack is cached, not only the one in use.
    const fr = pack('fr').messages;
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: fr.results_title }).waitFor();
    // A new tab with settings in its address opens too, in the language chosen above
    // (a person's choice wins over the address's lang).
    const second = await context.newPage();
    const secondProblems = watch(second);
    await second.goto(`${server.url}?lang=de&theme=dark`);
    // The app's screen, not the page's built-in one (which guesses the language too).
    await started(second);
    await second.getByRole('heading', { level: 1, name: instrumentIn('fr').title }).waitFor();
    await eventually(async () => assert.equal(await second.evaluate(() => document.documentElement.lang), 'fr'));
    assert.deepEqual(problems, []);
    assert.deepEqual(secondProblems, []);
    await context.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('a new deployment waits for the Reload notice, then takes over whole, and the answers in progress survive', async () => {
    const { dir, server } = await deployment();
    const { context, page, problems } = await visit(server.url);
    await page.getByRole('button', { name: 'Start' }).click();
    await answerStep(page, plans.all('Agree'));
    await page.getByRole('button', { name: 'Next' }).click();
    await onStep(page, 2);
    await eventually(async () => assert.equal(Object.keys((await storedDraft(page)).answers).length, dimensions[0].statements.length));

    // Deploy: a changed index.html, and the sw.js that lists its new revision.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</title>', '</title><meta name="version" content="2">'));
    const sw = path.join(dir, 'sw.js');
    const before = fs.readFileSync(sw, 'utf8');
    const after = before.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1version-2"');
    assert.notEqual(after, before, 'sw.js lists index.html with a revision');
    fs.writeFileSync(sw, after);

    // The browser looks for a new sw.js on navigations; here it is asked to at once.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.locator('.notice', { hasText: 'A new version of Rapport is ready' });
    await notice.waitFor();
    // Until the person reloads, the page keeps the version it started with.
    const version = () => page.evaluate(() => document.querySelector('meta[name=version]')?.content ?? '1');
    assert.equal(await version(), '1');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await started(page);
    assert.equal(await version(), '2', 'the new index.html is in use');
    // The step and its answers are back.
    await onStep(page, 2);
    await page.getByRole('button', { name: 'Back' }).click();
    await onStep(page, 1);
    await eventually(async () => {
      const checked = await page.getByRole('radio', { name: 'Agree', exact: true, checked: true }).count();
      assert.equal(checked, dimensions[0].statements.length);
    });
    assert.equal(await notice.count(), 0, 'no notice after the update');
    assert.deepEqual(problems, []);
    await context.close();
    server.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('is installable, also under a sub-path, with the manifest and icons of its own folder', async () => {
    for (const [dir, prefix] of [
      [dist, '/'],
      [path.join(root, 'target/dist-rapport'), '/rapport/'],
    ]) {
      const server = await serve(dir, { prefix });
      const { context, page, problems } = await visit(server.url);
      const manifest = await page.evaluate(async () => {
        const link = document.querySelector('link[rel=manifest]');
        return { href: link.href, json: await (await fetch(link.href)).json() };
      });
      assert.equal(manifest.href, `${server.url}manifest.webmanifest`);
      assert.equal(new URL(manifest.json.start_url, manifest.href).href, server.url);
      assert.equal(new URL(manifest.json.scope, manifest.href).href, server.url);
      for (const icon of manifest.json.icons) {
        const response = await page.request.get(new URL(icon.src, manifest.href).href);
        assert.equal(response.headers()['content-type'], 'image/png');
      }
      const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
      assert.equal(scope, server.url);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      // Playwright's contexts are incognito profiles, which never install: not the app's doing.
      assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], prefix);
      assert.deepEqual(problems, []);
      await context.close();
      server.close();
    }
  });

  it('a mount registers no service worker on its host, and an iframe embed none in its frame', async () => {
    // The mount: a host page on another origin.
    const app = await serve(dist, { host: 'localhost' });
    const host = await serve(path.join(root, 'examples'), {
      rewrite: (html) => html.replaceAll('https://example.github.io/rapport/', app.url),
    });
    const context = await env.browser.newContext({ locale: 'en-GB' });
    // Every call to register() is noted, in every frame: a registration only starts there.
    await context.addInitScript(() => {
      window.registrations = [];
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        window.registrations.push(String(args[0]));
        return register.apply(this, args);
      };
    });
    /** Once the page (or frame) has loaded, when index.html registers its worker, and the
     * app runs in it: the calls to register() made, and the registrations there are. */
    const registered = async (where) => {
      await where.waitForFunction(() => document.readyState === 'complete');
      return where.evaluate(async () => [window.registrations, (await navigator.serviceWorker.getRegistrations()).length]);
    };
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${host.url}mount.html`);
    await page.locator('[data-rapport]').first().getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(await registered(page), [[], 0], 'host origin');
    // The iframe: on the app's own origin, where registering would be allowed.
    const { dir, server } = await deployment();
    fs.writeFileSync(path.join(dir, 'host.html'), '<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,"><iframe src="index.html?embed=1" title="Rapport"></iframe></html>');
    await page.goto(`${server.url}host.html`);
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    await started(frame);
    assert.deepEqual(await registered(frame), [[], 0], 'in the frame');
    assert.deepEqual(problems, []);
    await context.close();
    for (const s of [app, host, server]) s.close();
    fs.rmSync(dir, { recursive: true });
  });
});
