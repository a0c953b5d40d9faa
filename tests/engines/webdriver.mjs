// One WebDriver client (selenium-webdriver) for every engine Rapport is tested in:
// Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver,
// which starts its MiniBrowser; it needs a display: ./dev runs these tests under
// xvfb-run). Each engine's driver is the one installed from the project's registries
// (./dev), started here on a free port and spoken to over W3C WebDriver: nothing here
// downloads a browser or a driver (selenium-webdriver's own driver manager is never
// asked, since every session goes to a server started here).
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import { eventually, serve } from '../support.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const GECKODRIVER = path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');

/** The browser's language where the engine takes one (WebKitGTK keeps its own, en-US:
 * setting the driver's locale did not change it). Journeys in other languages ask by
 * address (`?lang=`), the same in every engine. */
const LANGUAGE = 'en-GB';

/** The engines, each with its driver and the capabilities of a fresh, private session. */
export const ENGINES = {
  chromium: {
    driver: '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', `--lang=${LANGUAGE}`],
        prefs: { 'intl.accept_languages': LANGUAGE },
      },
    }),
    version: () => execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    // What its date field takes typed: month, day and year, in the order it shows them.
    dateKeys: ([year, month, day]) => `${month}/${day}/${year}`,
  },
  firefox: {
    driver: GECKODRIVER,
    args: (port) => ['--port', String(port), '--binary', '/usr/bin/firefox-esr'],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'intl.accept_languages': LANGUAGE,
          // A closed network: no update, telemetry or safe-browsing requests.
          'app.update.disabledForTesting': true,
          'browser.safebrowsing.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
    version: () => execFileSync('/usr/bin/firefox-esr', ['--version'], { encoding: 'utf8' }).trim(),
    dateKeys: (parts) => parts.join('-'),
  },
  webkit: {
    driver: '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }),
    version: () => {
      const lib = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).trim();
      return `WebKitGTK ${lib}`;
    },
    dateKeys: ([year, month, day]) => `${month}/${day}/${year}`,
  },
};

/** The engines to run: `RAPPORT_ENGINES=firefox,webkit` picks some; all by default. */
export const engineNames = (process.env.RAPPORT_ENGINES || Object.keys(ENGINES).join(',')).split(',').filter((e) => e in ENGINES);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `engine`'s driver and waits until it answers. */
export async function startDriver(engine) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const output = [];
  const child = spawn(spec.driver, spec.args(port), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${engine} driver exited: ${output.join('')}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > end) throw new Error(`${engine} driver did not answer: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      }),
  };
}

/**
 * A browser session in `engine` with the few moves the journeys make, the same in every
 * engine. `wait(check)` retries `check` (assertions on what the page shows) until it
 * passes, so a journey asserts the very state an action brings about.
 */
export async function openSession(engine, { pageLoadStrategy = 'normal' } = {}) {
  const driverServer = await startDriver(engine);
  let driver;
  try {
    const capabilities = { ...ENGINES[engine].capabilities(), pageLoadStrategy };
    driver = await new Builder().usingServer(driverServer.url).withCapabilities(capabilities).build();
  } catch (error) {
    await driverServer.stop();
    throw new Error(`no ${engine} session: ${error.message}\n${driverServer.output.join('')}`);
  }
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 60_000 });
  await driver.manage().window().setRect({ width: 1100, height: 900 }).catch(() => {});
  const session = {
    engine,
    driver,
    goto: (url) => driver.get(url),
    /** Every Content-Security-Policy violation in this tab so far (see `serveWatched`). */
    async violations() {
      return JSON.parse((await driver.executeScript(() => sessionStorage.getItem('policy-violations'))) || '[]');
    },
    find: (css) => driver.findElement(By.css(css)),
    findAll: (css) => driver.findElements(By.css(css)),
    async click(css) {
      await session.wait(async () => {
        await (await session.find(css)).click();
      });
    },
    /** Types `text` into a field, its line breaks as presses of Enter: WebKitWebDriver
     * types nothing for a "\n" (Chromium's and Firefox's drivers press Enter). */
    async type(css, text) {
      await session.wait(async () => {
        const field = await session.find(css);
        await field.clear();
        await field.sendKeys(...text.split('\n').flatMap((line, n) => (n ? [Key.ENTER, line] : [line])));
      });
    },
    /** Types a date (`2027-03-15`) into a date field, as this engine's field takes it. */
    async typeDate(css, iso) {
      await session.wait(async () => (await session.find(css)).sendKeys(ENGINES[engine].dateKeys(iso.split('-'))));
    },
    /** Presses the button among `css` whose words are `label`. */
    async press(css, label) {
      await session.wait(async () => {
        for (const b of await session.findAll(css)) {
          if ((await b.getText()).trim() === label) return b.click();
        }
        throw new Error(`no ${label} among ${css}`);
      });
    },
    text: async (css) => (await (await session.find(css)).getText()).trim(),
    value: async (css) => (await session.find(css)).getAttribute('value'),
    evaluate: (fn, ...args) => driver.executeScript(fn, ...args),
    wait: (check, { timeout = 20_000, every = 100 } = {}) => eventually(check, { timeout, every }),
    async close() {
      await driver.quit().catch(() => {});
      await driverServer.stop();
    },
  };
  return session;
}

/** What the watcher below serves: each violation kept in the tab's session storage, so a
 * reload or another page of the app in the same tab keeps the list. */
const WATCH = `addEventListener("securitypolicyviolation", (e) => {
  const seen = JSON.parse(sessionStorage.getItem("policy-violations") || "[]");
  seen.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
  sessionStorage.setItem("policy-violations", JSON.stringify(seen));
});`;

/**
 * Serves the release build with a watcher of policy violations in every page: a script
 * of the server's own, loaded before the page's policy and its first line, so it hears
 * every violation from the first on in any engine (WebDriver has no standard way to run
 * a script before a page's own). The policy itself is the build's, unchanged: it allows
 * scripts of its own origin, which this one is.
 */
export function serveWatched(options = {}) {
  return serve(undefined, {
    ...options,
    files: { '/__policy-watch.js': { type: 'text/javascript; charset=utf-8', body: WATCH } },
    rewrite: (html) => {
      const at = html.indexOf('<meta charset=utf-8>');
      if (at < 0) throw new Error('index.html has no <meta charset=utf-8> to put the watcher after');
      const end = at + '<meta charset=utf-8>'.length;
      return `${html.slice(0, end)}<script src=/__policy-watch.js></script>${html.slice(end)}`;
    },
  });
}
