/**
 * The end-to-end harness: the demo's own Vite dev server (its strict CSP header and
 * the reference backend included) on a free port, Debian's Chromium through
 * playwright-core, and a recorder of everything that must not happen on the page
 * (CSP violations, console errors, page errors, requests leaving localhost).
 */
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

// scripts/ is plain JavaScript without declarations: its two exports are typed here.
const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('../scripts/find-chromium.mjs', import.meta.url).href);

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Demo {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the demo server (as `npm start` does, on another port) and Chromium. */
export async function startDemo(): Promise<Demo> {
  let server: ViteDevServer | undefined;
  for (let attempt = 0; !server; attempt++) {
    const port = await freePort();
    const candidate = await createServer({
      configFile: `${root}vite.config.ts`,
      logLevel: 'error',
      // No file watching: nothing changes during a run, and 2 shared cores are scarce.
      server: { port, strictPort: true, watch: null },
    });
    try {
      await candidate.listen();
      server = candidate;
    } catch (error) {
      await candidate.close();
      // Another process took the port between the probe and listen: pick again.
      if (attempt >= 3) throw error;
    }
  }
  const port = server.config.server.port;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const started = server;
  await warmUp(browser, `http://localhost:${port}/`);
  return {
    base: `http://localhost:${port}/`,
    browser,
    async close() {
      await browser.close();
      await started.close();
    },
  };
}

/**
 * Loads the page once, lazy chunks included, before any test. Vite's dependency
 * optimizer reloads every open page when it meets a dependency it has not bundled
 * yet (a new import in src/): that reload would detach elements under a test.
 */
async function warmUp(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage();
  try {
    let loads = 0;
    page.on('load', () => { loads++; });
    await page.goto(`${base}?captcha=pow`);
    // Opening the country pop-up pulls in the last lazy chunks; one more round if that reloaded.
    for (let round = 0, seen = -1; round < 3 && seen !== loads; round++) {
      seen = loads;
      await page.locator('hik-register').getByRole('button', { name: /^Country/ }).click({ timeout: 5000 }).catch(() => undefined);
      await page.waitForLoadState('networkidle');
    }
    // A right-to-left language too (its strings and names are modules Vite transforms on first request).
    await page.goto(`${base}?locale=ar`);
    await page.waitForLoadState('networkidle');
  } finally {
    await page.close();
  }
}

/** What the page recorded about itself (see `recorder` below). */
export interface PageRecord {
  violations: string[];
  successes: { userId: string; username: string; country: string; channel: string }[];
  /** Every `hik-*` event the widget dispatched, as "type {detail}", for failure messages. */
  events: string[];
}

declare global {
  interface Window {
    __e2e: PageRecord;
  }
}

/** Runs in the page before any of its scripts. */
export function recorder(): void {
  const record: PageRecord = { violations: [], successes: [], events: [] };
  window.__e2e = record;
  document.addEventListener('securitypolicyviolation', (e) => {
    record.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
  // The widget's events are composed and bubble: the document hears them.
  for (const type of ['hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent', 'hik-register-error']) {
    document.addEventListener(type, (e) => record.events.push(`${type} ${JSON.stringify((e as CustomEvent).detail)}`));
  }
  document.addEventListener('hik-register-success', (e) => {
    const { userId, username, country, channel } = (e as CustomEvent).detail;
    record.successes.push({ userId, username, country, channel });
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and off-localhost requests seen so far. */
  problems: string[];
  /** Every console message and navigation, for failure messages (the Vite client logs its reloads). */
  log: string[];
  /** CSP violations and success events the page recorded. */
  record(): Promise<PageRecord>;
  /** Fails with every violation and problem listed, if there is any. */
  assertClean(what: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context and page, recording what must not happen. */
export async function openPage(demo: Demo, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // tsx compiles with esbuild's keepNames, which wraps named functions in the
  // callbacks handed to page.evaluate() with a `__name` helper the page lacks.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const log: string[] = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) log.push(`navigated to ${f.url()}`); });
  page.on('console', (m) => {
    log.push(`console.${m.type()}: ${m.text()}`);
    // The browser's own favicon request: the demo page declares no icon. Not the widget's.
    if (m.type() !== 'error' || m.location().url.endsWith('/favicon.ico')) return;
    problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The console's "Failed to load resource" does not say which: name it here.
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`); });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== 'localhost') {
      problems.push(`request left localhost: ${r.url()}`);
    }
  });
  const record = () => page.evaluate(() => window.__e2e);
  return {
    context, page, problems, log, record,
    async assertClean(what) {
      const { violations } = await record();
      const all = [...violations.map((v) => `CSP violation: ${v}`), ...problems];
      if (all.length) throw new Error(`${what}: the page was not clean:\n  ${all.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/**
 * Waits until `condition` holds in the page; on timeout the error says what the
 * page showed (`describe`) and every problem the session recorded, so a failure
 * far from here (CI) can be read without rerunning it.
 */
export async function waitInPage(
  s: Session, what: string, condition: () => boolean, describe: () => unknown, timeout = 30_000,
): Promise<void> {
  try {
    await s.page.waitForFunction(condition, undefined, { timeout });
  } catch (error) {
    const seen = await s.page.evaluate(describe).catch((e: unknown) => `(could not read the page: ${String(e)})`);
    const { violations } = await s.record().catch(() => ({ violations: [] as string[] }));
    throw new Error(`${what}: not within ${timeout} ms (${String(error).split('\n')[0]})\n`
      + `  the page showed: ${JSON.stringify(seen)}\n`
      + `  recorded: ${[...violations, ...s.problems].join('\n    ') || 'nothing'}\n`
      + `  page log: ${s.log.slice(-30).join('\n    ') || 'nothing'}`);
  }
}

interface OutboxMessage { to: string; code?: string; kind: string }

/** The newest code the dev outbox holds for `to` (an email or an E.164 number). */
export async function codeFor(demo: Demo, to: string): Promise<string> {
  const response = await fetch(`${demo.base}__dev/outbox`);
  const { messages } = (await response.json()) as { messages: OutboxMessage[] };
  const code = messages.find((m) => m.to === to && m.kind === 'code')?.code;
  if (!code) {
    throw new Error(`the dev outbox holds no code for ${to}; it holds: ${messages.map((m) => `${m.kind} to ${m.to}`).join(', ') || 'nothing'}`);
  }
  return code;
}

/** A name and an address no earlier run has used (the server keeps accounts in memory). */
export function uniqueUser(): { username: string; email: string } {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { username: `e2e_${id}`, email: `e2e.${id}@example.com` };
}
