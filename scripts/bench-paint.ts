/**
 * `npm run bench:paint`: the widget on a dealer's page against a plain HTML form with
 * the same fields, side by side in one run (these machines are shared and noisy: only
 * ratios measured together mean anything). Three versions of one page
 * (e2e/ssr-pages.ts: same header, footer and stylesheet, the strict CSP):
 *
 *   plain   a plain HTML form, no script (the reference)
 *   pre     renderRegister()'s markup (hik-register/ssr) and the script tag
 *   bare    the bare <hik-register> tag and the script tag
 *
 * Each round loads the three in a rotating order, each in a fresh context (cold cache),
 * without and with 4× CPU throttling. Measured inside the page, every animation frame:
 *   field        navigation start → the User Name input is on screen (painted frame)
 *   interactive  → the element has rendered itself (bare) or taken the served form over
 *                  (pre); for the plain form, the same as field
 *   CLS          the sum of layout-shift values until 4 s after load
 * Printed: medians, and the median over rounds of each round's ratio to the plain form.
 * It asserts nothing: a benchmark, not a test.
 *
 *   npm run bench:paint          (builds first)
 *   ROUNDS=30 npx tsx scripts/bench-paint.ts
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { servePages } from '../e2e/ssr-pages.ts';

const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('./find-chromium.mjs', import.meta.url).href);

const ROUNDS = Number(process.env['ROUNDS'] ?? 15);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}ssr/index.js`)) {
  console.error('bench:paint: dist/ssr/index.js is missing: run `npm run build` first (`npm run bench:paint` does).');
  process.exit(1);
}

const KINDS = ['plain', 'pre', 'bare'] as const;
type Kind = (typeof KINDS)[number];
interface Sample { field: number; interactive: number; cls: number }

const PROBE = `window.__bench = { field: 0, interactive: 0, cls: 0 };
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
const frame = () => {
  const b = window.__bench, now = performance.now();
  const host = document.querySelector('hik-register');
  const input = host ? host.shadowRoot && host.shadowRoot.querySelector('#username') : document.querySelector('input[name=username]');
  if (!b.field && input && input.getBoundingClientRect().width > 0) b.field = now;
  const root = host && host.shadowRoot;
  if (!b.interactive && (host ? root && root.adoptedStyleSheets.length > 0 && !root.querySelector('link') && root.querySelector('#username') : b.field)) b.interactive = now;
  if (!b.interactive || !b.field) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);`;

async function load(browser: Browser, url: string, throttle: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 412, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: Sample }).__bench;
    return b.field > 0 && b.interactive > 0;
  }, null, { timeout: 30_000 });
  await page.waitForTimeout(4000);
  const sample = await page.evaluate(() => (window as unknown as { __bench: Sample }).__bench);
  await context.close();
  return sample;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const pages = await servePages(dist);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const throttle of [1, 4]) {
    const samples: Record<Kind, Sample[]> = { plain: [], pre: [], bare: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // A rotating order, so that no kind always goes first (warm CPU caches, a busy neighbour).
      const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]!);
      for (const kind of order) samples[kind].push(await load(browser, `${pages.base}${kind}?locale=en`, throttle));
    }
    console.log(`\n${throttle}× CPU, ${ROUNDS} rounds (each: plain, pre-rendered and bare, cold cache, rotating order)`);
    console.log(`${'page'.padEnd(14)}${'field ms'.padStart(10)}${'ratio'.padStart(8)}${'interactive ms'.padStart(16)}${'ratio'.padStart(8)}${'CLS max'.padStart(10)}`);
    for (const kind of KINDS) {
      const s = samples[kind];
      const ratio = (key: 'field' | 'interactive') => median(s.map((x, i) => x[key] / samples.plain[i]![key]));
      console.log(`${kind.padEnd(14)}${median(s.map((x) => x.field)).toFixed(0).padStart(10)}${ratio('field').toFixed(2).padStart(8)}`
        + `${median(s.map((x) => x.interactive)).toFixed(0).padStart(16)}${ratio('interactive').toFixed(2).padStart(8)}`
        + `${Math.max(...s.map((x) => x.cls)).toFixed(3).padStart(10)}`);
    }
  }
} finally {
  await browser.close();
  pages.server.close();
}
