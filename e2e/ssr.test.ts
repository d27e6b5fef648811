/**
 * End to end: the pre-rendered form (hik-register/ssr). A page with renderRegister()'s
 * markup looks, before any script, pixel for pixel like the client-rendered widget;
 * under the strict CSP; and the element takes it over with no change on screen, no
 * layout shift, and nothing lost of what was typed, ticked or focused before.
 * The library and its ssr/ module are built into a temporary folder first.
 * Run: node --import tsx --test e2e/ssr.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildBrowser, buildSsr } from '../scripts/build-package.ts';
import { servePages, type Pages } from './ssr-pages.ts';
import { serveNvr } from '../demo/offline/serve.ts';
import { codeSentBy, registerByEmail, waitForPow } from './flow.ts';
import { recorder, uniqueUser } from './harness.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('../scripts/find-chromium.mjs', import.meta.url).href);

/** Records CSP violations, layout shifts and console errors from the first byte. */
const RECORDER = `window.__name = (f) => f;
window.__violations = []; window.__shifts = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, at: Math.round(e.startTime),
  sources: (e.sources || []).map((s) => (s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?') + ' ' + JSON.stringify(s.previousRect) + '→' + JSON.stringify(s.currentRect)) }); }).observe({ type: 'layout-shift', buffered: true });`;

interface Shift { value: number; at: number; sources: string[] }
interface Recorded { violations: string[]; shifts: Shift[] }
const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);
const recorded = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __violations: string[]; __shifts: Shift[] };
    return { violations: w.__violations, shifts: w.__shifts };
  }) as Promise<Recorded>;

/** The element rendered by its script: its shadow root holds no server markup any more. */
async function takenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('hik-register')?.shadowRoot;
    return !!root && root.adoptedStyleSheets.length > 0 && !root.querySelector('link') && !!root.querySelector('hik-captcha input');
  });
}

describe('the pre-rendered form (hik-register/ssr)', () => {
  let dir: string;
  let pages: Pages;
  let browser: Browser;

  before(async () => {
    // Inside the project: the ssr/ module imports lit and @lit-labs/ssr from node_modules.
    await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
    dir = await mkdtemp(join(root, 'node_modules/.cache/hik-ssr-'));
    await buildBrowser(dir, 'error');
    await buildSsr(dir, 'error');
    pages = await servePages(dir);
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    pages?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A page in a fresh context; the captcha request is held, so every form shows it loading. */
  async function open(path: string, context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(RECORDER);
    await page.route('**/api/register/captcha**', () => undefined);
    await page.goto(`${pages.base}${path}`);
    return { page, errors };
  }

  const shot = (page: Page) => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });

  for (const locale of ['en', 'ar']) {
    for (const width of [320, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`looks like the client-rendered form before and after its script: ${locale}, ${width} px, ${scheme}`, async () => {
          const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
          try {
            const served = await open(`pre?locale=${locale}&script=0`, context);
            await served.page.waitForLoadState('load');
            const noScript = await shot(served.page);
            const taken = await open(`pre?locale=${locale}`, context);
            await takenOver(taken.page);
            const afterTakeover = await shot(taken.page);
            const bare = await open(`bare?locale=${locale}`, context);
            await takenOver(bare.page);
            await bare.page.waitForFunction((l) => document.querySelector('hik-register')?.getAttribute('lang') === l, locale);
            await bare.page.evaluate(() => document.querySelector('hik-register')!.updateComplete);
            const client = await shot(bare.page);
            if (!noScript.equals(client) || !afterTakeover.equals(client)) {
              const base = join(tmpdir(), `hik-ssr-${locale}-${width}-${scheme}`);
              await Promise.all([writeFile(`${base}-pre.png`, noScript), writeFile(`${base}-taken.png`, afterTakeover), writeFile(`${base}-client.png`, client)]);
              assert.fail(`the screenshots differ (pre-rendered without script ${noScript.equals(client) ? '=' : '≠'} client, after takeover ${afterTakeover.equals(client) ? '=' : '≠'} client): ${base}-*.png`);
            }
            for (const { page, errors } of [served, taken, bare]) {
              const { violations } = await recorded(page);
              assert.deepEqual(violations, [], 'no CSP violation');
              assert.deepEqual(errors, [], 'no console error');
            }
          } finally {
            await context.close();
          }
        });
      }
    }
  }

  /** The pre-rendered page, its script held back until `release()`. */
  async function withHeldScript(path: string, context: BrowserContext) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    const page = await context.newPage();
    await page.addInitScript(RECORDER);
    await page.addInitScript(recorder);
    await page.route('**/hik-register.js', async (route) => { await released; await route.continue(); });
    await page.route('**/api/register/captcha**', () => undefined);
    // DOMContentLoaded waits for module scripts: the page is there once its footer is.
    await page.goto(`${pages.base}${path}`, { waitUntil: 'commit' });
    await page.waitForSelector('footer');
    return { page, release };
  }

  it('keeps what was typed, ticked and focused before the script ran, with nothing moving on screen', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    try {
      const { page, release } = await withHeldScript('pre?locale=en', context);
      const form = page.locator('hik-register');
      await form.getByRole('textbox', { name: 'Email' }).fill('early@example.com');
      await form.getByRole('checkbox', { name: /Terms of Service/ }).check();
      const user = form.getByRole('textbox', { name: 'User Name' });
      await user.fill('early_bird');
      await user.evaluate((input: HTMLInputElement) => input.setSelectionRange(2, 5));
      const before = await shot(page);
      // What the takeover does (the page's own loading, before, is the test below).
      await page.evaluate(() => { (window as unknown as { __shifts: unknown[] }).__shifts.length = 0; });
      release();
      await takenOver(page);
      const state = await page.evaluate(() => {
        const root = document.querySelector('hik-register')!.shadowRoot!;
        const active = root.activeElement as HTMLInputElement | null;
        return {
          user: root.querySelector<HTMLInputElement>('#username')!.value,
          email: root.querySelector<HTMLInputElement>('input[type=email]')!.value,
          terms: root.querySelector<HTMLInputElement>('#terms')!.checked,
          focused: active?.id, selection: [active?.selectionStart, active?.selectionEnd],
        };
      });
      assert.deepEqual(state, { user: 'early_bird', email: 'early@example.com', terms: true, focused: 'username', selection: [2, 5] });
      assert.ok((await shot(page)).equals(before), 'the screen is the same before and after the takeover');
      const { violations, shifts } = await recorded(page);
      assert.deepEqual(violations, []);
      assert.equal(total(shifts), 0, `no layout shift at the takeover: ${JSON.stringify(shifts)}`);
    } finally {
      await context.close();
    }
  });

  for (const locale of ['en', 'ar']) {
    it(`moves nothing on screen while its markup arrives a tag at a time, then its script and captcha picture: ${locale}, 320 px`, async () => {
      // Chromium paints a declarative shadow root while it parses it (a few times per page
      // at 4× CPU, where the bench saw a shift in 1 load of 15). Here it paints after every
      // tag: a half-parsed form must not show (a button before its text widens and moves).
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(RECORDER);
        await page.goto(`${pages.base}pre?locale=${locale}&stream=25`, { timeout: 60_000 });
        await takenOver(page);
        await page.waitForFunction(() => document.querySelector('hik-register')!.shadowRoot!.querySelector<HTMLImageElement>('hik-captcha img')?.complete);
        const { violations, shifts } = await recorded(page);
        assert.deepEqual(violations, []);
        assert.equal(total(shifts), 0, `no layout shift: ${JSON.stringify(shifts)}`);
      } finally {
        await context.close();
      }
    });
  }

  it('is itself the largest paint: its script takes it over only once the browser has shown it', async () => {
    // Largest Contentful Paint entries from the shadow root (they name no element), and
    // when the served form left it (watched from the first frame that has it).
    const probe = `window.__lcp = []; window.__taken = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.element) window.__lcp.push(e.startTime); }).observe({ type: 'largest-contentful-paint', buffered: true });
const frame = () => {
  const root = document.querySelector('hik-register')?.shadowRoot;
  if (!root?.querySelector('.hik-ssr')) return requestAnimationFrame(frame);
  new MutationObserver((_, observer) => {
    if (root.querySelector('.hik-ssr')) return;
    window.__taken = performance.now();
    observer.disconnect();
  }).observe(root, { childList: true });
};
requestAnimationFrame(frame);`;
    // A race (the script's evaluation against the paint being reported): three cold loads.
    const loads: string[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(probe);
        await page.route('**/api/register/captcha**', () => undefined);
        await page.goto(`${pages.base}pre?locale=en`);
        await takenOver(page);
        const { lcp, taken } = await page.evaluate(() => {
          const w = window as unknown as { __lcp: number[]; __taken: number };
          return { lcp: w.__lcp, taken: w.__taken };
        });
        loads.push(taken > 0 && lcp.length > 0 && lcp[0]! < taken ? 'ok'
          : `LCP ${lcp.map(Math.round).join(', ') || 'none'} ms, taken over at ${taken ? Math.round(taken) : 'no frame with the served form'}`);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(loads, ['ok', 'ok', 'ok'], "the served form's paint is reported before it is taken over");
  });

  it('paints no unstyled form while its stylesheet is on the way', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => { release = resolve; });
      const page = await context.newPage();
      await page.route('**/hik-register.css', async (route) => { await released; await route.continue(); });
      await page.goto(`${pages.base}pre?locale=en&script=0`, { waitUntil: 'commit' });
      await page.waitForSelector('hik-register', { state: 'attached' });
      await page.waitForTimeout(300);
      // Chromium stops parsing at the stylesheet (the field may not exist yet); where it
      // goes on, the form is hidden until the stylesheet shows it.
      const width = await page.evaluate(() =>
        document.querySelector('hik-register')?.shadowRoot?.querySelector('#username')?.getBoundingClientRect().width ?? 0);
      assert.equal(width, 0, 'the User Name field is laid out before its stylesheet arrived');
      release();
      await page.waitForFunction(() => (document.querySelector('hik-register')?.shadowRoot?.querySelector('#username')?.getBoundingClientRect().width ?? 0) > 100);
    } finally {
      await context.close();
    }
  });

  it('serves the NVR demo page pre-rendered (demo/offline/serve.ts), which paints its form without script and registers', async () => {
    const nvr = await serveNvr(dir, 0, undefined, true, { prerender: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const html = await (await fetch(nvr.base)).text();
      assert.match(html, /<hik-register [^>]*captcha="pow"[^>]*><template [^>]*shadowrootmode="open">/);
      assert.match(html, /<link rel="preload" as="style" href="\.\/hik-register\.css"/);
      const page = await context.newPage();
      await page.addInitScript(RECORDER);
      await page.addInitScript(recorder);
      await page.goto(nvr.base);
      await takenOver(page);
      // Nothing moves while the page loads and the proof of work runs (before any input).
      await waitForPow(page);
      const loaded = await recorded(page);
      assert.deepEqual(loaded.violations, []);
      assert.equal(total(loaded.shifts), 0, `no layout shift: ${JSON.stringify(loaded.shifts)}`);
      const user = uniqueUser();
      const success = await registerByEmail(page, user, codeSentBy(nvr.outbox));
      assert.equal(success.username, user.username);
      assert.equal(await page.locator('#result').textContent(), `Account ${user.username} created. Sign in to Hik-Connect with it.`);
      assert.deepEqual((await recorded(page)).violations, []);
    } finally {
      await context.close();
      nvr.server.close();
    }
  });

  it('hands a password typed before the script to the form, which then registers', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, release } = await withHeldScript('pre?locale=en&captcha=pow', context);
      await page.unroute('**/api/register/captcha**');
      const form = page.locator('hik-register');
      await form.getByLabel(/^Password\*?$/).fill('Str0ng!Passw0rd-e2e');
      release();
      await takenOver(page);
      // The strength meter reads the password the form now holds.
      await page.waitForFunction(() => document.querySelector('hik-register')!.shadowRoot!.querySelectorAll('.rules li.met').length === 5);
      const user = uniqueUser();
      const success = await registerByEmail(page, user, codeSentBy(pages.outbox));
      assert.equal(success.username, user.username);
    } finally {
      await context.close();
    }
  });
});
