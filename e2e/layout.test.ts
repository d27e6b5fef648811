/**
 * Narrow screens, long words, the user's own text spacing (issue 12): the widget's
 * boxes measured in every shipped language, at 320 px and at 1280 px, with WCAG 1.4.12
 * text spacing, on a page whose stylesheet makes every box content-box, and with the
 * country pop-up, its confirmation and the code pop-up open. What is measured is in
 * `layoutProblems` (e2e/layout.ts): no text input narrower than typing needs, nothing
 * outside the form's (or the open pop-up's) box, nothing cut off.
 * One page for all of it: the languages are switched with the `locale` attribute.
 * Run: node --import tsx --test e2e/layout.test.ts (LAYOUT_DEBUG=1 prints every measurement)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPage, startDemo, uniqueUser, type Demo } from './harness.ts';
import { acceptTermsAndSend, chooseCountry, fillAccount, waitForPow, widget } from './flow.ts';
import { layoutProblems, switchLocale, textSpacing } from './layout.ts';

/** Every shipped language, from the localization config: one added later is covered too. */
const config = JSON.parse(readFileSync(new URL('../lit-localize.json', import.meta.url), 'utf8')) as {
  sourceLocale: string; targetLocales: string[];
};
const LOCALES = [config.sourceLocale, ...config.targetLocales];

/** A page stylesheet many sites have: the CSS default box model, made explicit for all. */
async function contentBoxPage(page: Page, on: boolean): Promise<void> {
  await page.evaluate((add) => {
    const tagged = (s: CSSStyleSheet) => (s as CSSStyleSheet & { hikContentBox?: true }).hikContentBox;
    const others = document.adoptedStyleSheets.filter((s) => !tagged(s));
    if (!add) { document.adoptedStyleSheets = others; return; }
    const sheet = Object.assign(new CSSStyleSheet(), { hikContentBox: true });
    sheet.replaceSync('*, *::before, *::after { box-sizing: content-box; }');
    document.adoptedStyleSheets = [...others, sheet];
  }, on);
}

describe('layout in every shipped language (issue 12)', { timeout: 300_000 }, () => {
  let demo: Demo;
  before(async () => { demo = await startDemo(); });
  after(async () => { await demo?.close(); });

  it('squeezes no field, puts nothing outside its box and cuts nothing off', { timeout: 280_000 }, async () => {
    const s = await openPage(demo, { viewport: { width: 320, height: 720 } });
    const failures = new Set<string>();
    /** Per situation, the narrowest Password input and the worst Country button overflow. */
    const worst = new Map<string, { password: [number, string]; country: [number, string] }>();
    const { page } = s;
    page.setDefaultTimeout(20_000); // two shared cores, other suites beside this one
    const w = widget(page);
    const started = Date.now();
    const check = async (situation: string, locale: string): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`measuring ${situation} in ${locale} took over 20 s`)), 20_000);
      });
      const layout = await Promise.race([layoutProblems(page), late]).finally(() => clearTimeout(timer));
      if (process.env.LAYOUT_DEBUG) console.log(`${Date.now() - started} ms ${situation} ${locale}: ${layout.problems.join('; ')}`);
      const seen = worst.get(situation) ?? { password: [Infinity, ''], country: [0, ''] };
      if (layout.password > 0 && layout.password < seen.password[0]) seen.password = [layout.password, `${locale}, of a ${layout.form} px form`];
      if (layout.countryOverflow > seen.country[0]) seen.country = [layout.countryOverflow, locale];
      worst.set(situation, seen);
      for (const p of layout.problems) failures.add(`${situation}, ${locale}: ${p}`);
    };
    /**
     * `setup`, then `each` in every language. Vite's dev server reloads the page when it
     * meets a dependency its cache lacks (a language's country names just added, or the
     * cache rebuilt by another server): then the page is set up again and the language
     * measured again.
     */
    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
    const inEveryLanguage = async (setup: () => Promise<void>, each: (locale: string) => Promise<void>) => {
      let ready = false;
      for (const locale of LOCALES) {
        for (let attempt = 1; ; attempt++) {
          const before = navigations;
          try {
            if (!ready) await setup();
            ready = true;
            await each(locale);
            break;
          } catch (error) {
            const reloaded = navigations !== before || /context was destroyed|navigation/i.test(String(error));
            if (attempt > 3 || !reloaded) throw error;
            ready = false;
            await page.waitForLoadState('load');
          }
        }
      }
    };
    const fresh = async (width: number) => {
      await page.setViewportSize({ width, height: width > 320 ? 900 : 720 });
      await page.goto(demo.base);
      // The image captcha's answer field takes its maxlength from the challenge.
      await w.locator('.hik-captcha__picture img').waitFor();
    };
    try {
      await inEveryLanguage(() => fresh(320), async (locale) => {
        await switchLocale(page, locale);
        await check('320 px', locale);
        await textSpacing(page, true);
        await check('320 px, text spacing', locale);
        await contentBoxPage(page, true);
        await check('320 px, text spacing, content-box page', locale);
        await textSpacing(page, false);
        await contentBoxPage(page, false);
      });

      await inEveryLanguage(() => fresh(1280), async (locale) => {
        await switchLocale(page, locale);
        await check('1280 px', locale);
        await contentBoxPage(page, true);
        await check('1280 px, content-box page', locale);
        await contentBoxPage(page, false);
      });

      // The country pop-up and, over it, its confirmation, open while the languages change.
      await inEveryLanguage(async () => {
        await fresh(320);
        await w.locator('#country-button').click();
        await w.locator('hik-country-dialog dialog.main').waitFor({ state: 'visible' });
        await w.locator('hik-country-dialog [role=option]').first().click();
        await w.locator('hik-country-dialog dialog.confirm').waitFor({ state: 'visible' });
      }, async (locale) => {
        await switchLocale(page, locale);
        await check('320 px, country pop-up and confirmation', locale);
        await textSpacing(page, true);
        await check('320 px, text spacing, country pop-up and confirmation', locale);
        await textSpacing(page, false);
      });

      // The code pop-up: a real request in English, then every language over it, with
      // the longest English country name on the Country button behind it.
      await inEveryLanguage(async () => {
        await page.goto(`${demo.base}?captcha=pow`);
        const user = uniqueUser();
        await fillAccount(page, user.username);
        await chooseCountry(page, 'South Georgia and the South Sandwich Islands');
        await w.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
        await waitForPow(page);
        await acceptTermsAndSend(page);
      }, async (locale) => {
        await switchLocale(page, locale);
        await check('320 px, code pop-up', locale);
        await textSpacing(page, true);
        await check('320 px, text spacing, code pop-up', locale);
        await textSpacing(page, false);
      });
    } finally {
      await s.close();
    }
    const summary = [...worst].map(([situation, { password, country }]) =>
      `${situation}: narrowest Password ${password[0]} px (${password[1]}), Country button out by ${country[0]} px${country[1] ? ` (${country[1]})` : ''}`);
    console.log(`${LOCALES.length} languages in ${Math.round((Date.now() - started) / 1000)} s\n  ${summary.join('\n  ')}`);
    assert.deepEqual([...failures], [], `${failures.size} layout problems:\n  ${[...failures].slice(0, 80).join('\n  ')}`);
  });
});
