// Embedding: the sub-path build, the iframe with embed.js across origins, configuration
// by query parameters, and storage blocked inside the frame.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, root, dist } from '../support.mjs';
import { watch, plans, completeCheck, answerStep, dimensions, started, eventually } from './app.mjs';

const env = {};
before(async () => {
  // The app on one origin (localhost), host pages on another (127.0.0.1).
  env.app = await serve(dist, { host: 'localhost' });
  env.host = await serve(path.join(root, 'examples'), {
    rewrite: (html) => html.replaceAll('https://example.github.io/rapport/', env.app.url),
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  env.app?.close();
  env.host?.close();
});

async function page(options = {}) {
  const context = await env.browser.newContext(options);
  const p = await context.newPage();
  const problems = watch(p);
  const warnings = [];
  // Only Rapport's own warnings (Chromium warns about preload integrity by itself).
  p.on('console', (m) => m.type() === 'warning' && m.text().startsWith('Rapport') && warnings.push(m.text()));
  return { context, page: p, problems, warnings };
}

const frameHeight = (p) => p.locator('iframe.rapport-frame').evaluate((f) => f.getBoundingClientRect().height);

/** The frame's height once it fits the app's content (2 px of border) and `is` holds:
 * until then a click aimed inside the frame can land where the content was a moment ago. */
function fitted(p, app, is = () => true) {
  return eventually(async () => {
    const h = await frameHeight(p);
    const c = await app.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(is(h), `frame ${h}`);
    assert.ok(Math.abs(h - c - 2) <= 1, `frame ${h}, content ${c}`);
    return h;
  });
}

/** The app inside the page's iframe, once it has taken over from the built-in first screen. */
async function appIn(p) {
  const frame = await (await p.locator('iframe.rapport-frame').elementHandle()).contentFrame();
  await started(frame);
  return frame;
}

describe('published under a sub-path', () => {
  it('the /rapport/ build loads every asset from under /rapport/ and works', async () => {
    const server = await serve(path.join(root, 'target/dist-rapport'), { prefix: '/rapport/' });
    const { context, page: p, problems } = await page();
    // Closed however the test ends: an open server would keep this file from finishing.
    try {
      const failed = [];
      p.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
      await p.goto(server.url);
      await started(p);
      await p.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
      await completeCheck(p, () => plans.all('Agree'));
      assert.match(await p.locator('#share-link').inputValue(), new RegExp(`^${server.url}#RP1\\.`));
      assert.deepEqual(failed, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      server.close();
    }
  });
});

describe('iframe with embed.js', () => {
  it('sizes the frame to its content as screens change, from another origin, and ignores forged messages', async () => {
    const { context, page: p, problems } = await page({ viewport: { width: 900, height: 700 } });
    await p.goto(`${env.host.url}iframe.html`);
    const frame = p.frameLocator('iframe');
    // The app's own screen, not the page's built-in first one: the app reports heights.
    const app = await appIn(p);
    await frame.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    // The frame follows the welcome screen's height, not its 640 px default.
    const welcome = await fitted(p, app, (h) => h !== 642);
    // No page chrome, the host page untouched: title, scroll, focus, history.
    assert.equal(await frame.locator('footer').count(), 0);
    assert.equal(await p.title(), 'Riverside Partnership Network · Partnership check');
    const historyLength = await p.evaluate(() => history.length);
    assert.deepEqual(await p.evaluate(() => ({ y: scrollY, focus: document.activeElement.tagName })), { y: 0, focus: 'BODY' });
    // The host's preset name and accent arrived.
    assert.equal(await frame.getByLabel('Partnership name (kept only on this device)').inputValue(), 'Riverside Partnership Network');
    assert.equal(await frame.getByRole('button', { name: 'Start' }).evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(10, 125, 85)');

    await frame.getByRole('button', { name: 'Start' }).click();
    const step = await fitted(p, app, (h) => h > welcome + 100);
    assert.equal(await p.evaluate(() => history.length), historyLength, 'screen changes add no history entries');

    // Forged: from the host page itself, and from a frame of a third origin. A listener
    // added after embed.js's hears each message after it: once it has heard both, embed.js
    // has had its say on both.
    await p.evaluate(() => {
      window.forged = [];
      addEventListener('message', (e) => e.data?.type === 'rapport:resize' && [50, 60].includes(e.data.height) && window.forged.push(e.data.height));
    });
    await p.evaluate(() => window.postMessage({ type: 'rapport:resize', height: 50 }, '*'));
    await p.evaluate((src) => {
      const other = document.createElement('iframe');
      other.srcdoc = `<script>parent.postMessage({type:'rapport:resize', height: 60}, '*')<\/script>`;
      document.body.append(other);
    });
    await p.waitForFunction(() => window.forged.length === 2);
    assert.equal(await frameHeight(p), step);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the host page has no axe violations, and embed.js stays under 2 KB', async () => {
    const { context, page: p } = await page();
    await p.goto(`${env.host.url}iframe.html`);
    await appIn(p);
    const { violations } = await new AxeBuilder({ page: p }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    const bytes = fs.statSync(path.join(dist, 'embed.js')).size;
    console.log(`embed.js: ${bytes} bytes`);
    assert.ok(bytes < 2048, `embed.js is ${bytes} bytes`);
    await context.close();
  });

  it('with storage blocked in the frame, it says so compactly and the check can still be finished and exported', async () => {
    const { context, page: p, problems } = await page();
    // Storage throws inside the app's frame only, as a browser blocking third-party storage does.
    await context.addInitScript((appOrigin) => {
      if (location.origin !== appOrigin) return;
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    }, env.app.origin);
    await p.goto(`${env.host.url}iframe.html`);
    const frame = p.frameLocator('iframe');
    const notice = frame.locator('.notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /not letting Rapport save/);
    // Compact: smaller than the app's body text.
    assert.equal(await notice.evaluate((n) => getComputedStyle(n).fontSize), '14.4px');
    const app = p.frames()[1];
    await completeCheck(app, () => plans.all('Agree'));
    await fitted(p, app);
    const [file] = await Promise.all([p.waitForEvent('download'), frame.getByRole('button', { name: 'Download JSON' }).click()]);
    assert.match(fs.readFileSync(await file.path(), 'utf8'), /"schema":2/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('configuration by query parameters', () => {
  it('theme, accent, name and storage key take effect', async () => {
    const { context, page: p, problems, warnings } = await page();
    await p.goto(`${env.app.url}?embed=1&theme=dark&accent=%23ffd400&name=River%20Trust&storage-key=team-a`);
    // The app's screen, not the built-in first one: the accent and the name are the app's doing.
    await started(p);
    await p.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(28, 34, 41)');
    const start = p.getByRole('button', { name: 'Start' });
    // A light accent gets dark text, so the button stays readable.
    assert.deepEqual(await start.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]), ['rgb(255, 212, 0)', 'rgb(0, 0, 0)']);
    assert.equal(await p.getByLabel('Partnership name (kept only on this device)').inputValue(), 'River Trust');
    await start.click();
    await answerStep(p, plans.all('Agree'));
    await eventually(async () => assert.deepEqual(await p.evaluate(() => Object.keys(localStorage).sort()), ['rapport-team-a.draft']));
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);

    // Another key on the same origin sees none of it; the same key sees it all.
    await p.goto(`${env.app.url}?embed=1&storage-key=team-b`);
    await started(p);
    await p.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    assert.equal(await p.getByRole('button', { name: 'Continue' }).count(), 0);
    // The same key resumes the unfinished check on its step.
    await p.goto(`${env.app.url}?embed=1&storage-key=team-a`);
    await p.getByText(`Step 1 of ${dimensions.length}`, { exact: true }).waitFor();
    await context.close();
  });

  it('every invalid value falls back to the default with a console warning naming it', async () => {
    const { context, page: p, problems, warnings } = await page();
    const long = 'n'.repeat(121);
    await p.goto(`${env.app.url}?theme=purple&accent=red%3B%7Dbody%7Bdisplay%3Anone&storage-key=..%2Fother&name=${long}&embed=maybe`);
    await started(p);
    await p.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    // Console messages reach the test on their own schedule, not with the heading.
    await eventually(() => assert.deepEqual(warnings, [
      'Rapport: ignoring theme="purple": the theme is light, dark or auto; using the default.',
      'Rapport: ignoring accent="red;}body{display:none": the accent is a hex colour such as #0a7d55; using the default.',
      'Rapport: ignoring storage-key="../other": the storage key is 1 to 32 letters, digits, \'-\' or \'_\'; using the default.',
      `Rapport: ignoring name="${'n'.repeat(80)}": the name is longer than 120 characters; using the default.`,
      'Rapport: ignoring embed="maybe": use embed=1; using the default.',
    ]));
    assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), undefined);
    assert.equal(await p.getByRole('button', { name: 'Start' }).evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(31, 95, 174)');
    assert.equal(await p.getByLabel('Partnership name (kept only on this device)').inputValue(), '');
    await p.getByRole('button', { name: 'Start' }).click();
    await answerStep(p, plans.all('Agree'));
    await eventually(async () => assert.deepEqual(await p.evaluate(() => Object.keys(localStorage)), ['rapport.draft']));
    assert.equal(await p.locator('footer').count(), 1, 'not embedded');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('mounted into a host page', () => {
  const inMount = (p, i) => p.locator('[data-rapport]').nth(i);

  it('renders as designed despite a hostile host stylesheet, and changes nothing of the host page', async () => {
    const { context, page: p, problems, warnings } = await page();
    await p.goto(`${env.host.url}mount.html`);
    const a = inMount(p, 0);
    await a.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    await inMount(p, 1).getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    const start = a.getByRole('button', { name: 'Start' });
    const style = (locator, props) => locator.evaluate((el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)]));
    }, props);
    assert.deepEqual(await style(start, ['background-color', 'box-sizing', 'border-top-style', 'font-size', 'text-transform', 'display']), {
      'background-color': 'rgb(31, 95, 174)',
      'box-sizing': 'border-box',
      'border-top-style': 'solid',
      'font-size': '17px',
      'text-transform': 'none',
      display: 'flex',
    });
    const label = a.getByText('Partnership name (kept only on this device)');
    assert.equal(await label.isVisible(), true);
    const input = a.getByLabel('Partnership name (kept only on this device)');
    assert.ok((await input.evaluate((el) => el.getBoundingClientRect().width)) > 200);
    assert.equal(await input.inputValue(), 'Harbour Alliance (operations)');
    // Inherited properties are reset, except the font: the host's font by default.
    assert.deepEqual(await style(a.locator('.rapport-root'), ['letter-spacing', 'text-transform', 'font-family']), {
      'letter-spacing': 'normal',
      'text-transform': 'none',
      'font-family': 'Georgia, "Times New Roman", serif',
    });
    // The host page is untouched: its text, its button, its title, focus and scroll.
    assert.deepEqual(await style(p.locator('.host-text'), ['color', 'margin-bottom', 'font-family']), {
      color: 'rgb(139, 0, 0)',
      'margin-bottom': '0px',
      'font-family': 'Georgia, "Times New Roman", serif',
    });
    assert.deepEqual(await style(p.locator('.host-button'), ['background-color', 'border-top-style', 'padding-top', 'box-sizing']), {
      'background-color': 'rgb(255, 105, 180)',
      'border-top-style': 'dotted',
      'padding-top': '0px',
      'box-sizing': 'content-box',
    });
    assert.equal(await p.title(), 'Harbour Alliance · Team check-ins');
    assert.deepEqual(await p.evaluate(() => ({ y: scrollY, focus: document.activeElement.tagName, hash: location.hash })), { y: 0, focus: 'BODY', hash: '' });
    // The second mount is dark with its own accent, font and radius.
    const b = inMount(p, 1);
    assert.deepEqual(await style(b.locator('.rapport-root'), ['font-family', 'border-top-left-radius']), {
      'font-family': 'Verdana, sans-serif',
      'border-top-left-radius': '2px',
    });
    assert.equal(await b.locator('.rapport-root').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(28, 34, 41)');
    assert.deepEqual(await style(b.getByRole('button', { name: 'Start' }), ['background-color']), { 'background-color': 'rgb(10, 125, 85)' });
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('two mounts with different storage keys keep separate data; a check can be finished in one', async () => {
    const { context, page: p, problems } = await page();
    await p.goto(`${env.host.url}mount.html`);
    const a = inMount(p, 0);
    await a.getByRole('button', { name: 'Start' }).click();
    await answerStep(a, plans.all('Agree'));
    await eventually(async () => assert.deepEqual(await p.evaluate(() => Object.keys(localStorage).sort()), ['rapport-operations.draft']));
    await p.reload();
    await inMount(p, 0).getByText(`Step 1 of ${dimensions.length}`, { exact: true }).waitFor();
    const b = inMount(p, 1);
    await b.getByRole('heading', { level: 1, name: 'Partnership Health Check' }).waitFor();
    assert.equal(await b.getByRole('button', { name: 'Continue' }).count(), 0);
    await completeCheck(b, () => plans.all('Agree'));
    await eventually(async () => assert.deepEqual(await p.evaluate(() => Object.keys(localStorage).sort()), ['rapport-operations.draft', 'rapport-programme.history']));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('moves focus and selects text inside the mount in use, not elsewhere on the page', async () => {
    const { context, page: p, problems } = await page();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await p.goto(`${env.host.url}mount.html`);
    const b = inMount(p, 1);
    await completeCheck(b, () => plans.all('Agree'));
    // Focus followed the screen change to the results heading inside the second mount.
    await eventually(async () => assert.deepEqual(await b.evaluate((host) => [host.shadowRoot.activeElement?.id, document.activeElement === host]), ['screen-title', true]));
    await b.getByRole('button', { name: 'Copy code' }).click();
    await b.getByText('Copying is not available here, so the text is selected').waitFor();
    await eventually(async () => {
      const selected = await b.evaluate((host) => {
        const el = host.shadowRoot.activeElement;
        return { id: el?.id, all: el?.selectionStart === 0 && el?.selectionEnd === el?.value.length, code: /^RP1\./.test(el?.value) };
      });
      assert.deepEqual(selected, { id: 'share-code', all: true, code: true });
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the host page with two mounts has no axe violations', async () => {
    const { context, page: p } = await page();
    await p.goto(`${env.host.url}mount.html`);
    await inMount(p, 1).getByRole('heading', { level: 1 }).waitFor();
    const { violations } = await new AxeBuilder({ page: p }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await context.close();
  });
});
