/**
 * End to end: the demo page as `npm start` serves it (strict CSP with Trusted Types,
 * the reference backend, the dev outbox), driven in headless Chromium.
 * Run: node --import tsx --test e2e/demo.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeFor, openPage, startDemo, uniqueUser, waitInPage, type Demo } from './harness.ts';
import {
  acceptTermsAndSend, chooseCountry, fillAccount, scrollWidth, waitForPow, waitForSuccess, widget,
} from './flow.ts';
import { registerByKeyboard } from './keyboard.ts';
import { backgroundLuminance, labelAndInputBoxes } from './looks.ts';

describe('demo page under the strict CSP', { timeout: 90_000 }, () => {
  let demo: Demo;
  before(async () => { demo = await startDemo(); });
  after(async () => { await demo?.close(); });

  it('registers by email with no CSP violation and no console error', { timeout: 40_000 }, async () => {
    const s = await openPage(demo);
    try {
      const { page } = s;
      const user = uniqueUser();
      await page.goto(`${demo.base}?captcha=pow`);
      await fillAccount(page, user.username);
      await chooseCountry(page, 'United Kingdom');
      const w = widget(page);
      await w.getByRole('radio', { name: 'Register by Email Address' }).check();
      await w.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
      await waitForPow(page);
      const dialog = await acceptTermsAndSend(page);
      await dialog.getByRole('textbox', { name: /verification code/i }).fill(await codeFor(demo, user.email));
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      const success = await waitForSuccess(page);
      assert.deepEqual({ ...success, userId: undefined }, {
        userId: undefined, username: user.username, country: 'GB', channel: 'email',
      }, 'hik-register-success detail');
      await w.getByRole('dialog', { name: /Registration complete/ }).waitFor({ state: 'visible' })
        .catch(() => { throw new Error('no visible "Registration complete" dialog after success'); });
      await s.assertClean('email registration');
    } finally {
      await s.close();
    }
  });

  it('registers by mobile phone at 320 px with no horizontal scrollbar', { timeout: 40_000 }, async () => {
    const s = await openPage(demo, { viewport: { width: 320, height: 720 } });
    try {
      const { page } = s;
      const user = uniqueUser();
      await page.goto(`${demo.base}?captcha=pow&channel=sms`);
      const w = widget(page);
      await w.getByRole('textbox', { name: 'User Name', exact: true }).waitFor();
      assert.ok(await scrollWidth(page) <= 320, `the form is ${await scrollWidth(page)} px wide at a 320 px viewport`);
      await fillAccount(page, user.username);
      await chooseCountry(page, 'United Kingdom');
      assert.ok(await w.getByRole('radio', { name: 'Register by Mobile Phone Number' }).isChecked(),
        '?channel=sms did not select "Register by Mobile Phone Number"');
      await w.locator('hik-contact-toggle').getByText('+44', { exact: true }).waitFor({ state: 'visible' })
        .catch((e: Error) => { throw new Error(`no +44 country code beside the phone field after choosing United Kingdom (${e.message})`); });
      await w.getByRole('textbox', { name: 'Mobile Phone Number' }).fill('07400 123456');
      await waitForPow(page);
      assert.ok(await scrollWidth(page) <= 320, `the filled form is ${await scrollWidth(page)} px wide at 320 px`);
      const dialog = await acceptTermsAndSend(page);
      assert.ok(await scrollWidth(page) <= 320, `with the code pop-up open the page is ${await scrollWidth(page)} px wide`);
      await dialog.getByRole('textbox', { name: /verification code/i }).fill(await codeFor(demo, '+447400123456'));
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      const success = await waitForSuccess(page);
      assert.equal(success.channel, 'sms', 'hik-register-success channel');
      assert.ok(await scrollWidth(page) <= 320, `the success pop-up makes the page ${await scrollWidth(page)} px wide`);
      await s.assertClean('phone registration at 320 px');
    } finally {
      await s.close();
    }
  });

  it('registers with the keyboard alone, focus always visible in the widget', { timeout: 50_000 }, async () => {
    const s = await openPage(demo);
    try {
      const user = uniqueUser();
      await s.page.goto(`${demo.base}?captcha=pow`);
      await registerByKeyboard(s.page, user, (to) => codeFor(demo, to));
      const success = await waitForSuccess(s.page);
      assert.equal(success.username, user.username, 'hik-register-success username');
      await s.assertClean('keyboard registration');
    } finally {
      await s.close();
    }
  });

  it('is dark when the system is dark, and theme="light" forces light', { timeout: 20_000 }, async () => {
    const s = await openPage(demo, { colorScheme: 'dark' });
    try {
      const { page } = s;
      await page.goto(demo.base);
      await widget(page).getByRole('button', { name: 'Next', exact: true }).waitFor();
      const dark = await backgroundLuminance(page);
      assert.ok(dark.luminance < 0.2, `with prefers-color-scheme: dark the widget's background is ${dark.color} (luminance ${dark.luminance.toFixed(2)}), not dark`);
      assert.ok(dark.contrast >= 4.5, `dark mode text ${dark.text} on ${dark.color} has contrast ${dark.contrast.toFixed(2)} < 4.5`);
      await page.evaluate(() => document.querySelector('hik-register')!.setAttribute('theme', 'light'));
      const light = await backgroundLuminance(page);
      assert.ok(light.luminance > 0.8, `theme="light" on a dark system left the background ${light.color} (luminance ${light.luminance.toFixed(2)})`);
      assert.ok(light.contrast >= 4.5, `forced light text ${light.text} on ${light.color} has contrast ${light.contrast.toFixed(2)} < 4.5`);
      await s.assertClean('dark mode');
    } finally {
      await s.close();
    }
  });

  it('mirrors the layout right to left', { timeout: 60_000 }, async () => {
    const s = await openPage(demo);
    try {
      const { page } = s;
      await page.goto(demo.base);
      const ltr = await labelAndInputBoxes(page);
      assert.ok(Math.abs(ltr.label.left - ltr.input.left) <= 2,
        `left to right, the User Name label starts at x=${ltr.label.left} but its input at x=${ltr.input.left}`);
      // The direction follows the widget's language (issue 4): Arabic is right to left.
      await page.goto(`${demo.base}?locale=ar`);
      await waitInPage(s, 'the Arabic, right-to-left form', () => {
        const el = document.querySelector('hik-register');
        const label = el?.shadowRoot?.querySelector('label[for=username]');
        return el?.getAttribute('dir') === 'rtl' && !!label && !label.textContent!.includes('User Name');
      }, () => {
        const el = document.querySelector('hik-register');
        return {
          url: location.href, lang: el?.getAttribute('lang'), dir: el?.getAttribute('dir'),
          label: el?.shadowRoot?.querySelector('label[for=username]')?.textContent,
          scripts: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /locales|langs/.test(n)),
        };
      });
      const rtl = await labelAndInputBoxes(page);
      assert.ok(Math.abs(rtl.label.right - rtl.input.right) <= 2,
        `right to left, the User Name label ends at x=${rtl.label.right} but its input at x=${rtl.input.right}: the label is not on the right`);
      assert.ok(rtl.label.left > rtl.input.left + 10,
        `right to left, the User Name label (x ${rtl.label.left}–${rtl.label.right}) is not right-aligned over its input (x ${rtl.input.left}–${rtl.input.right})`);
      assert.ok(rtl.showPassword.right < rtl.password.left + rtl.password.width / 2,
        `right to left, "Show password" (x ${rtl.showPassword.left}–${rtl.showPassword.right}) is not on the left of the Password input (x ${rtl.password.left}–${rtl.password.right})`);
      // "+44" is a left-to-right string: in a right-to-left line it must not read "44+".
      await widget(page).locator('#country-button').click();
      await widget(page).getByRole('searchbox').fill('United Kingdom');
      const uk = widget(page).getByRole('option').filter({ hasText: '+44' }).first();
      const code = await uk.getByText('+44', { exact: true }).evaluate((el) => getComputedStyle(el).direction)
        .catch((e: Error) => `missing (${e.message.split('\n')[0]})`);
      assert.equal(code, 'ltr', `right to left, the "+44" of United Kingdom in the country list is laid out ${code}, so it reads "44+"`);
      await s.assertClean('right to left');
    } finally {
      await s.close();
    }
  });
});
