// Takes screenshots of the demo page for a person to look at: each step of a
// registration at 1280 px and 320 px, light and dark, and right-to-left.
// Usage: node scripts/screenshots.mjs [outdir]   (starts its own Vite dev server)
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 5199, strictPort: true }, logLevel: 'error' });
await server.listen();
const base = 'http://localhost:5199/';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const problems = [];

async function shoot(name, { width, scheme, dir, steps }) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  await page.goto(steps ? `${base}?captcha=pow` : base);
  if (dir) await page.evaluate((d) => document.documentElement.setAttribute('dir', d), dir);
  await page.locator('hik-register img').first().waitFor({ timeout: 10000 }).catch(() => {});
  await page.screenshot({ path: `${out}/${name}-form.png`, fullPage: true });
  if (steps) await steps(page, name);
  await page.close();
}

async function flow(page, name) {
  const w = page.locator('hik-register');
  await w.getByRole('button', { name: 'Next' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}-errors.png`, fullPage: true });
  await w.locator('#username').fill('dealer_' + Math.floor(Math.random() * 1e6));
  await w.locator('#password').fill('Str0ng!Passw0rd');
  await w.locator('#confirm').fill('Str0ng!Passw0rd');
  await w.getByRole('button', { name: /^Country/ }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}-country.png` });
  await w.getByRole('searchbox', { name: 'Search' }).fill('United Kingdom');
  await w.getByRole('option', { name: 'United Kingdom' }).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${name}-country-confirm.png` });
  await w.getByRole('button', { name: 'OK' }).click();
  await w.getByRole('textbox', { name: 'Email' }).fill(`ann${Math.floor(Math.random() * 1e6)}@example.com`);
  // The page runs with ?captcha=pow for this walk: the browser solves it by itself.
  await page.locator('hik-register hik-captcha progress[value="1"]').waitFor({ timeout: 15000 }).catch(() => {});
  await w.getByRole('checkbox', { name: /Terms of Service/ }).check();
  await page.screenshot({ path: `${out}/${name}-filled.png`, fullPage: true });
  await w.getByRole('button', { name: 'Next' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${name}-code.png` });
  const messages = await (await fetch(`${base}__dev/outbox`)).json();
  const code = messages.messages.find((m) => m.code)?.code ?? '000000';
  await w.getByRole('textbox', { name: /code/i }).last().fill(code);
  await w.getByRole('button', { name: 'OK' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${name}-done.png` });
}

await shoot('1280-light', { width: 1280, scheme: 'light', steps: flow });
await shoot('1280-dark', { width: 1280, scheme: 'dark', steps: flow });
await shoot('320-light', { width: 320, scheme: 'light', steps: flow });
await shoot('320-dark', { width: 320, scheme: 'dark' });
await shoot('1280-rtl', { width: 1280, scheme: 'light', dir: 'rtl' });
await browser.close();
await server.close();
console.log(problems.length ? `console problems:\n${problems.join('\n')}` : 'no console errors or warnings');
