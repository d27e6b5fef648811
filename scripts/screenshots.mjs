// Takes screenshots of the demo page for a person to look at: each step of a
// registration at 1280 px and 320 px, light and dark, and the form right-to-left.
// Usage: node scripts/screenshots.mjs [outdir]   (starts its own Vite dev server)
// Files: <outdir>/<width>-<light|dark|rtl|ar-dark>-<step>.png; steps are form, errors,
// country, country-confirm, filled, code, code-error, done. "rtl" is the English widget
// on a right-to-left page (it stays left to right: its direction follows its
// language); "ar-dark" is the widget in Arabic, dark: form and country pop-up.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });

// A free port, so that a run never collides with `npm start` or another run.
const port = await new Promise((resolve) => {
  const probe = createNetServer().listen(0, 'localhost', () => {
    const { port: p } = probe.address();
    probe.close(() => resolve(p));
  });
});
const server = await createServer({
  configFile: 'vite.config.ts', logLevel: 'error', server: { port, strictPort: true, watch: null },
});
await server.listen();
const base = `http://localhost:${port}/`;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const problems = [];
const written = [];

// Vite's dependency optimizer reloads open pages when it meets a new dependency:
// load everything once (lazy chunks included) before taking pictures.
{
  const page = await browser.newPage();
  await page.goto(`${base}?captcha=pow`);
  await page.locator('hik-register').getByRole('button', { name: /^Country/ }).click().catch(() => {});
  await page.waitForLoadState('networkidle');
  await page.close();
}

async function snap(page, name, step, fullPage = true) {
  // Let transitions end (the pop-ups slide in) before the picture.
  await page.waitForTimeout(350);
  const path = `${out}/${name}-${step}.png`;
  await page.screenshot({ path, fullPage });
  written.push(path);
}

async function codeFor(to) {
  const { messages } = await (await fetch(`${base}__dev/outbox`)).json();
  return messages.find((m) => m.to === to && m.code)?.code;
}

async function shoot(name, { width, scheme, dir, locale, walk }) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on('console', (m) => {
    // Expected: the favicon the demo lacks, Lit's dev-mode notice, the wrong code typed on purpose.
    const expected = m.location().url.endsWith('/favicon.ico') || m.text().startsWith('Lit is in dev mode')
      || (m.location().url.includes('/accounts') && m.text().includes('400'));
    if ((m.type() === 'error' || m.type() === 'warning') && !expected) {
      problems.push(`${name}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  await page.goto(`${base}?captcha=pow${locale ? `&locale=${locale}` : ''}`);
  if (dir) await page.evaluate((d) => document.documentElement.setAttribute('dir', d), dir);
  const w = page.locator('hik-register');
  // The proof of work solved (in any language).
  await page.waitForFunction(() => document.querySelector('hik-register')?.shadowRoot?.querySelector('hik-captcha')?.solved === true,
    undefined, { timeout: 20000 }).catch(() => {});
  await snap(page, name, 'form');
  if (walk) await flow(page, name);
  else {
    // The country pop-up too, where the tabs and the list mirror when the widget is right to left.
    await w.locator('#country-button').click();
    await snap(page, name, 'country', false);
  }
  await page.close();
}

async function flow(page, name) {
  const w = page.locator('hik-register');
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `shot.${id}@example.com`;
  await w.getByRole('button', { name: 'Next', exact: true }).click();
  await snap(page, name, 'errors');
  await w.getByRole('textbox', { name: 'User Name', exact: true }).fill(`shot_${id}`);
  await w.getByLabel(/^Password\*?$/).fill('Str0ng!Passw0rd');
  await w.getByLabel(/^Confirm Password\*?$/).fill('Str0ng!Passw0rd');
  await w.getByRole('button', { name: /^Country/ }).click();
  const countries = w.getByRole('dialog', { name: /Country/ });
  await countries.getByRole('searchbox', { name: 'Search' }).fill('United');
  await snap(page, name, 'country', false);
  await countries.getByRole('option', { name: 'United Kingdom', exact: true }).click();
  await snap(page, name, 'country-confirm', false);
  await w.getByRole('alertdialog').getByRole('button', { name: 'OK', exact: true }).click();
  await w.getByRole('radio', { name: 'Register by Email Address' }).check();
  await w.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await w.getByRole('status').filter({ hasText: 'Verified' }).waitFor({ timeout: 20000 }).catch(() => {});
  await w.getByRole('checkbox', { name: /Terms of Service/ }).check();
  await snap(page, name, 'filled');
  await w.getByRole('button', { name: 'Next', exact: true }).click();
  const dialog = w.getByRole('dialog', { name: /verification code/i });
  await dialog.waitFor();
  await snap(page, name, 'code', false);
  const input = dialog.getByRole('textbox', { name: /verification code/i });
  const code = await codeFor(email);
  // A wrong code first, to see the error and the attempts left in the pop-up.
  await input.fill(code === '000000' ? '111111' : '000000');
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await dialog.getByText(/attempt/i).first().waitFor({ timeout: 5000 }).catch(() => {});
  await snap(page, name, 'code-error', false);
  await input.fill(code ?? '');
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await w.getByRole('dialog', { name: /Registration complete/ }).waitFor({ timeout: 10000 })
    .catch(() => problems.push(`${name}: no "Registration complete" pop-up`));
  await snap(page, name, 'done', false);
}

try {
  for (const width of [1280, 320]) {
    for (const scheme of ['light', 'dark']) await shoot(`${width}-${scheme}`, { width, scheme, walk: true });
    await shoot(`${width}-rtl`, { width, scheme: 'light', dir: 'rtl' });
    await shoot(`${width}-ar-dark`, { width, scheme: 'dark', locale: 'ar' });
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written.length} screenshots in ${out}/`);
console.log(problems.length ? `console problems:\n${problems.join('\n')}` : 'no console errors or warnings');
