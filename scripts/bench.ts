/**
 * `npm run bench`: how fast the built widget is for a person, in numbers.
 *
 * Serves dist/ the way an NVR does (demo/offline/serve.ts: static files, the strict
 * CSP, the reference backend), opens it in headless Chromium with a cold cache each
 * run, and times what a user waits for, measured inside the page
 * (`performance.now()`, checked every animation frame):
 *
 * - first render: navigation start → the User Name field is on screen;
 * - country pop-up: click on Country → the dialog is open with its list;
 * - country search: "united k" typed → United Kingdom is the first option;
 * - phone ready: click on "Register by Mobile Phone Number" → a typed number comes
 *   back formatted (the lazy libphonenumber-js chunk loaded and ran);
 * - phone keystroke: one digit typed → the field re-rendered (mean of 11);
 * - proof of work: navigation start → the challenge solved in its Worker.
 *
 * Each is run RUNS times without and with 4× CPU throttling (a low-end phone, or an
 * NVR's own browser); median, 90th percentile and worst are printed. It prints
 * numbers and asserts nothing: a benchmark, not a test.
 *
 *   npm run bench            (builds first)
 *   RUNS=20 npx tsx scripts/bench.ts
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveNvr } from '../demo/offline/serve.ts';

const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('./find-chromium.mjs', import.meta.url).href);

const RUNS = Number(process.env['RUNS'] ?? 10);
const THROTTLES = [1, 4];
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}hik-register.js`)) {
  console.error('bench: dist/hik-register.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}

type Metric = 'first render' | 'country pop-up' | 'country search' | 'phone ready' | 'phone keystroke' | 'proof of work';
const samples = new Map<string, number[]>();
const add = (throttle: number, metric: Metric, ms: number) => {
  const key = `${metric}\t${throttle}`;
  samples.set(key, [...(samples.get(key) ?? []), ms]);
};

/** The offline page with its `<hik-register>` attributes replaced. */
async function open(browser: Browser, base: string, attributes: string, throttle: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  // Records when the form first shows its User Name field.
  await context.addInitScript(() => {
    const w = window as unknown as { __firstRender?: number };
    const look = () => {
      if (document.querySelector('hik-register')?.shadowRoot?.querySelector('#username')) w.__firstRender = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  await page.route(base, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<hik-register [^>]*>/, `<hik-register endpoint="/api/register" ${attributes}>`);
    await route.fulfill({ response, body });
  });
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(base);
  await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: 30_000 });
  return page;
}

type Step = 'open country' | 'search country' | 'choose phone';

/**
 * Milliseconds from a step's action until what the user waits for is on screen,
 * both run in the page (the strict CSP forbids eval, so the steps are written out
 * here), checked every frame.
 */
function timeInPage(page: Page, step: Step): Promise<number> {
  return page.evaluate((step) => new Promise<number>((resolve, reject) => {
    const root = document.querySelector('hik-register')!.shadowRoot!;
    const dialog = () => root.querySelector('hik-country-dialog')?.shadowRoot;
    const tel = () => root.querySelector<HTMLInputElement>('input[type=tel]');
    const input = (el: HTMLInputElement, value: string, inputType: string) => {
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType }));
    };
    let done: () => boolean;
    const start = performance.now();
    if (step === 'open country') {
      root.querySelector<HTMLElement>('#country-button')!.click();
      done = () => !!dialog()?.querySelector('dialog[open]') && !!dialog()!.querySelector('[role=option]');
    } else if (step === 'search country') {
      input(dialog()!.querySelector('input[type=search]')!, 'united k', 'insertText');
      done = () => dialog()!.querySelector<HTMLElement>('[role=option]')?.dataset['code'] === 'GB';
    } else {
      root.querySelector<HTMLElement>('input[type=radio][value=sms]')!.click();
      // The field appears with the chunk still loading: a paste then, formatted once it is in.
      const pasteWhenThere = () => { const t = tel(); if (t) input(t, '07400123456', 'insertFromPaste'); else requestAnimationFrame(pasteWhenThere); };
      pasteWhenThere();
      done = () => { const t = tel(); return !!t && t.value.replace(/\D/g, '') === '07400123456' && /\s/.test(t.value); };
    }
    const give = setTimeout(() => reject(new Error(`${step}: not done within 30 s`)), 30_000);
    const look = () => {
      if (done()) { clearTimeout(give); resolve(performance.now() - start); } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }), step);
}

async function formRun(browser: Browser, base: string, throttle: number): Promise<void> {
  const page = await open(browser, base, 'captcha="image"', throttle);
  try {
    add(throttle, 'first render', await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender));
    // A person takes a moment before the first click; the widget preloads pop-ups when idle.
    await page.waitForTimeout(1000);
    add(throttle, 'country pop-up', await timeInPage(page, 'open country'));
    add(throttle, 'country search', await timeInPage(page, 'search country'));
  } finally {
    await page.context().close();
  }
}

async function phoneRun(browser: Browser, base: string, throttle: number): Promise<void> {
  const page = await open(browser, base, 'captcha="image" country="GB"', throttle);
  try {
    await page.waitForTimeout(1000);
    add(throttle, 'phone ready', await timeInPage(page, 'choose phone'));
    // Eleven digits (a UK mobile as people type it), one at a time, each until the element has re-rendered.
    const perKey = await page.evaluate(async () => {
      const root = document.querySelector('hik-register')!.shadowRoot!;
      const toggle = root.querySelector('hik-contact-toggle') as HTMLElement & { updateComplete: Promise<unknown> };
      const tel = root.querySelector<HTMLInputElement>('input[type=tel]')!;
      tel.value = '';
      tel.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
      await toggle.updateComplete;
      const start = performance.now();
      for (const digit of '07400123456') {
        tel.value += digit;
        tel.setSelectionRange(tel.value.length, tel.value.length);
        tel.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: digit }));
        await toggle.updateComplete;
      }
      if (!/\s/.test(tel.value)) throw new Error(`typed digits were not formatted: "${tel.value}"`);
      return (performance.now() - start) / 11;
    });
    add(throttle, 'phone keystroke', perKey);
  } finally {
    await page.context().close();
  }
}

async function powRun(browser: Browser, base: string, throttle: number): Promise<void> {
  const page = await open(browser, base, 'captcha="pow"', throttle);
  try {
    await page.waitForFunction(() => {
      const captcha = document.querySelector('hik-register')?.shadowRoot?.querySelector('hik-captcha') as { solved?: boolean } | null;
      return captcha?.solved === true;
    }, undefined, { timeout: 60_000, polling: 'raf' });
    add(throttle, 'proof of work', await page.evaluate(() => performance.now()));
  } finally {
    await page.context().close();
  }
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const f = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString()).padStart(7);
  return `${f(at(0.5))} ${f(at(0.9))} ${f(sorted[sorted.length - 1]!)}`;
}

const nvr = await serveNvr(dist);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const throttle of THROTTLES) {
    for (let run = 0; run < RUNS; run++) {
      await formRun(browser, nvr.base, throttle);
      await phoneRun(browser, nvr.base, throttle);
      await powRun(browser, nvr.base, throttle);
    }
  }
} finally {
  await browser.close();
  nvr.server.close();
}

console.log(`\nbench: ${RUNS} cold runs each, dist/ served locally under the strict CSP (ms)`);
console.log(`${'metric'.padEnd(18)} ${'CPU'.padEnd(4)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'worst'.padStart(7)}`);
for (const [key, values] of samples) {
  const [metric, throttle] = key.split('\t');
  console.log(`${metric!.padEnd(18)} ${`${throttle}×`.padEnd(4)} ${stats(values)}`);
}
