/**
 * End to end: the integrator examples. React 19, Vue 3 and Angular pages
 * (demo/react, demo/vue, demo/angular) host <hik-register> on the demo server, and
 * each shows on the page what the widget's events told it; the offline NVR page
 * (demo/offline) loads the built library and nothing from any other origin.
 * Run: node --import tsx --test e2e/frameworks.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { buildBrowser } from '../scripts/build-package.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CSP } from '../vite.config.ts';
import { ANGULAR_JIT_CSP, VUE_CSP } from '../demo/angular/vite.config.ts';
import { serveNvr, type Nvr } from '../demo/offline/serve.ts';
import { codeFor, openPage, uniqueUser, type Demo } from './harness.ts';
import { acceptTermsAndSend, chooseCountry, codeSentBy, fillAccount, registerByEmail, waitForPow, waitForSuccess, widget } from './flow.ts';

// As in harness.ts: scripts/ is plain JavaScript, typed here.
const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('../scripts/find-chromium.mjs', import.meta.url).href);
const root = fileURLToPath(new URL('..', import.meta.url));

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/**
 * The demo server as demo/angular/vite.config.ts runs it (the demo's, plus the
 * Angular page's JIT policy), on any free port, and Chromium. Each page is loaded
 * until it loads without Vite's dependency optimizer reloading it: a reload in the
 * middle of a test would detach the elements under it.
 */
async function startFrameworkDemo(paths: string[]): Promise<Demo> {
  const server: ViteDevServer = await createServer({
    configFile: `${root}demo/angular/vite.config.ts`,
    logLevel: 'error',
    server: { port: 0, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await launch();
  const page = await browser.newPage();
  try {
    for (const path of paths) {
      let loads = 0;
      const onLoad = () => { loads++; };
      page.on('load', onLoad);
      await page.goto(`${base}${path}`);
      for (let round = 0; round < 4; round++) {
        const before = loads;
        await page.waitForLoadState('networkidle');
        // Opening the country pop-up pulls in the lazy chunks too.
        await page.locator('hik-register').getByRole('button', { name: /^Country/ }).click({ timeout: 5000 }).catch(() => undefined);
        await page.waitForLoadState('networkidle');
        if (loads === before) break;
      }
      page.off('load', onLoad);
    }
  } finally {
    await page.close();
  }
  return { base, browser, async close() { await browser.close(); await server.close(); } };
}

interface OfflineNvr extends Demo { codeFor(to: string): string }

/** Builds the library into a temporary folder (never dist/, which others use) and serves the NVR page with it. */
async function startOfflineNvr(): Promise<OfflineNvr> {
  const dir = await mkdtemp(join(tmpdir(), 'hik-nvr-'));
  await buildBrowser(dir, 'error');
  const nvr: Nvr = await serveNvr(dir);
  const browser = await launch();
  return {
    base: nvr.base,
    browser,
    codeFor: codeSentBy(nvr.outbox),
    async close() {
      await browser.close();
      await new Promise((resolve) => nvr.server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The page's own text (outside the widget), where the framework rendered the events. */
async function pageText(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? '';
}

const FRAMEWORKS = [
  { name: 'React 19', path: 'react/', header: 'react', policy: CSP },
  // Vue adds its own Trusted Types policy name; Angular's JIT compiler needs
  // 'unsafe-eval': see demo/angular/vite.config.ts. The widget needs neither.
  { name: 'Vue 3', path: 'vue/', header: 'vue', policy: VUE_CSP },
  { name: 'Angular', path: 'angular/', header: 'angular', policy: ANGULAR_JIT_CSP },
];

describe('framework examples', { timeout: 240_000 }, () => {
  let demo: Demo;
  before(async () => { demo = await startFrameworkDemo(FRAMEWORKS.map((f) => f.path)); });
  after(async () => { await demo?.close(); });

  for (const framework of FRAMEWORKS) {
    it(`${framework.name}: renders the widget, passes headers, hears its events`, { timeout: 60_000 }, async () => {
      const s = await openPage(demo);
      try {
        const { page } = s;
        const apiHeaders: (string | undefined)[] = [];
        page.on('request', (r) => {
          if (new URL(r.url()).pathname.startsWith('/api/register/')) apiHeaders.push(r.headers()['x-demo-framework']);
        });
        const response = await page.goto(`${demo.base}${framework.path}`);
        assert.equal(response?.headers()['content-security-policy'], framework.policy,
          `${framework.path} is not served with the policy it is meant to run under`);
        const w = widget(page);
        await w.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' })
          .catch(() => { throw new Error(`${framework.name}: no Next button: the widget did not render (${s.problems.join('; ')})`); });
        assert.match(await pageText(page, '#result'), /Nobody yet/, 'the page rendered its own status before any event');

        const user = uniqueUser();
        await fillAccount(page, user.username);
        await chooseCountry(page, 'United Kingdom');
        await page.locator('#events').getByText(/hik-country-change .*"country":"GB"/).waitFor()
          .catch(() => { throw new Error(`${framework.name}: the page did not show hik-country-change for GB`); });
        await w.getByRole('radio', { name: 'Register by Mobile Phone Number' }).check();
        await w.getByRole('radio', { name: 'Register by Email Address' }).check();
        await page.locator('#events').getByText('hik-channel-change {"channel":"sms"}').waitFor()
          .catch(() => { throw new Error(`${framework.name}: the page did not show hik-channel-change to sms`); });
        await w.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
        await waitForPow(page);
        const dialog = await acceptTermsAndSend(page);
        await dialog.getByRole('textbox', { name: /verification code/i }).fill(await codeFor(demo, user.email));
        await dialog.getByRole('button', { name: 'OK', exact: true }).click();
        await waitForSuccess(page);
        await page.locator('#result').getByText(`Welcome, ${user.username}`).waitFor()
          .catch(async () => {
            throw new Error(`${framework.name}: after hik-register-success the page says "${await pageText(page, '#result')}"`);
          });

        assert.ok(apiHeaders.length > 0, 'the widget sent no request to /api/register');
        assert.deepEqual([...new Set(apiHeaders)], [framework.header],
          'the headers property did not reach every request (X-Demo-Framework)');
        await s.assertClean(framework.name);
      } finally {
        await s.close();
      }
    });
  }
});

describe('offline NVR page', { timeout: 180_000 }, () => {
  let nvr: OfflineNvr;
  before(async () => { nvr = await startOfflineNvr(); });
  after(async () => { await nvr?.close(); });

  it('loads only same-origin files and registers under the strict CSP', { timeout: 60_000 }, async () => {
    const s = await openPage(nvr);
    try {
      const { page } = s;
      const origin = new URL(nvr.base).origin;
      const foreign: string[] = [];
      const loaded: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (['data:', 'blob:'].includes(url.protocol)) return;
        if (url.origin === origin) loaded.push(url.pathname);
        else foreign.push(r.url());
      });
      const response = await page.goto(nvr.base);
      assert.equal(response?.headers()['content-security-policy'], CSP, 'the NVR page is not served with the strict policy');
      const user = uniqueUser();
      await registerByEmail(page, user, (to) => nvr.codeFor(to));
      await page.getByRole('status').filter({ hasText: `Account ${user.username} created` }).waitFor()
        .catch(() => { throw new Error('the NVR page did not say the account was created'); });

      assert.deepEqual(foreign, [], 'requests left the page\'s origin');
      assert.ok(loaded.includes('/hik-register.js'), `the page did not load ./hik-register.js (it loaded ${loaded.join(', ')})`);
      assert.ok(loaded.some((p) => p.startsWith('/chunks/')), 'no lazy chunk was loaded from beside hik-register.js');
      assert.ok(!loaded.some((p) => p.includes('/src/') || p.includes('node_modules') || p.includes('@vite')),
        `the page loaded sources, not the build: ${loaded.join(', ')}`);
      assert.ok(!s.log.some((line) => line.includes('Lit is in dev mode')), 'the build runs Lit in dev mode, not production');
      await s.assertClean('offline NVR page');
    } finally {
      await s.close();
    }
  });

  // The build rewrites msg() calls (their translator notes go): the strings must still
  // be found by their ids in every language's chunk.
  it('speaks German and Arabic from the build', { timeout: 30_000 }, async () => {
    const s = await openPage(nvr);
    try {
      const { page } = s;
      await page.goto(nvr.base);
      const w = widget(page);
      await w.getByRole('textbox', { name: 'User Name', exact: true }).waitFor();
      for (const [locale, name, next] of [['de', 'Benutzername', 'Weiter'], ['ar', 'اسم المستخدم', 'التالي']] as const) {
        await page.evaluate((l) => document.querySelector('hik-register')!.setAttribute('locale', l), locale);
        await w.getByRole('textbox', { name, exact: true }).waitFor({ timeout: 10_000 })
          .catch(async () => {
            const label = await page.evaluate(() => document.querySelector('hik-register')!.shadowRoot!.querySelector('label[for=username]')?.textContent);
            throw new Error(`locale="${locale}": no field named "${name}" (its label reads "${label}")\n  ${s.log.join('\n  ')}`);
          });
        await w.getByRole('button', { name: next, exact: true }).waitFor({ timeout: 2000 })
          .catch(() => { throw new Error(`locale="${locale}": no button named "${next}"`); });
      }
      await s.assertClean('offline NVR page in German and Arabic');
    } finally {
      await s.close();
    }
  });

  it('nothing moves on the page while the widget loads (slow CPU, late script and captcha)', { timeout: 30_000 }, async () => {
    const s = await openPage(nvr);
    try {
      const { page } = s;
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      // The page paints before the script arrives, and the form before the captcha.
      await page.route('**/hik-register.js', async (route) => { await new Promise((r) => setTimeout(r, 300)); await route.continue(); });
      await page.route('**/api/register/captcha*', async (route) => { await new Promise((r) => setTimeout(r, 600)); await route.continue(); });
      await page.addInitScript(() => {
        const shifts: string[] = [];
        (window as unknown as { __shifts: string[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
            shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${(entry.sources ?? []).map((x) => x.node?.nodeName).join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(nvr.base);
      // The NVR page's captcha is proof of work: it has arrived and been solved.
      await waitForPow(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
      assert.deepEqual(shifts, [], 'layout shifts while the widget loaded (page reserves its room as the README says)');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    } finally {
      await s.close();
    }
  });

  it('a German page loads German data only: no English strings or country names', { timeout: 30_000 }, async () => {
    const s = await openPage(nvr);
    try {
      const { page } = s;
      // The device's page in German from the start: the element follows the page's lang.
      await page.route(nvr.base, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="de">') });
      });
      const loaded: string[] = [];
      page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
      await page.goto(nvr.base);
      const w = widget(page);
      await w.getByRole('textbox', { name: 'Benutzername', exact: true }).waitFor();
      await w.getByRole('button', { name: /^Land/ }).click();
      const dialog = w.getByRole('dialog', { name: 'Land auswählen' });
      await dialog.getByRole('searchbox', { name: 'Suchen' }).fill('vereinigtes');
      await dialog.getByRole('option', { name: 'Vereinigtes Königreich', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(loaded.some((p) => p === '/langs/de.js'), `no German country names were loaded (${loaded.join(', ')})`);
      assert.ok(loaded.some((p) => p === '/locales/de.js'), 'no German strings were loaded');
      const english = loaded.filter((p) => /^\/(langs|locales)\/en\./.test(p));
      assert.deepEqual(english, [], 'a German page downloaded English data');
      await s.assertClean('offline NVR page in German');
    } finally {
      await s.close();
    }
  });
});
