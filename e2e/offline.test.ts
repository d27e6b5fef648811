/**
 * End to end: the browser really offline (Playwright's `setOffline`, issue 12). Next
 * and the code pop-up's OK send nothing while offline and say so in the widget's own
 * words, everything typed stays, and when the browser is back online what the user
 * asked for is sent by itself, exactly once.
 * Run: node --import tsx --test e2e/offline.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeFor, openPage, startDemo, uniqueUser, type Demo, type Session } from './harness.ts';
import { PASSWORD, chooseCountry, codeDialog, fillAccount, waitForPow, waitForSuccess, widget } from './flow.ts';

const OFFLINE = 'You are offline. What you entered is kept and will be sent when you are back online.';

/** Counts the POSTs to each endpoint path the page makes (attempted, whether or not they got through). */
function countPosts(s: Session): Map<string, number> {
  const posts = new Map<string, number>();
  s.page.on('request', (r) => {
    if (r.method() !== 'POST') return;
    const path = new URL(r.url()).pathname.replace(/^.*\/api\/register\//, '').replace(/^verification-codes\/[^/]+\//, 'verification-codes/:id/');
    posts.set(path, (posts.get(path) ?? 0) + 1);
  });
  return posts;
}

/** Goes offline and waits until the page knows it. */
async function setOffline(s: Session, offline: boolean): Promise<void> {
  await s.context.setOffline(offline);
  await s.page.waitForFunction((want) => navigator.onLine === !want, offline);
}

describe('offline', { timeout: 90_000 }, () => {
  let demo: Demo;
  before(async () => { demo = await startDemo(); });
  after(async () => { await demo?.close(); });

  it('Next and OK wait offline with the widget\'s message, keep what was typed, and send once when back online', { timeout: 60_000 }, async () => {
    const s = await openPage(demo);
    try {
      const { page } = s;
      const posts = countPosts(s);
      const user = uniqueUser();
      // Going offline closes Vite's dev socket, and its client reloads the page once the
      // server answers again: a dev-server habit, not the widget's. No socket at all here.
      await page.addInitScript(() => {
        class Silent extends EventTarget { readyState = 0; send(): void {} close(): void {} }
        Object.defineProperty(window, 'WebSocket', { value: Silent });
      });
      await page.goto(`${demo.base}?captcha=pow`);
      const w = widget(page);
      await fillAccount(page, user.username);
      await chooseCountry(page, 'United Kingdom');
      const email = w.getByRole('textbox', { name: 'Email', exact: true });
      await email.fill(user.email);
      await waitForPow(page);
      await w.getByRole('checkbox', { name: /Terms of Service/ }).check();
      // Let the live user name check (500 ms after typing) and the idle preloads finish first.
      await page.waitForLoadState('networkidle');

      await setOffline(s, true);
      const next = w.getByRole('button', { name: 'Next', exact: true });
      await next.click();
      const alert = w.getByRole('alert').filter({ hasText: OFFLINE });
      await alert.waitFor({ state: 'visible' }).catch(async () => {
        throw new Error(`no offline message after Next; alerts: ${JSON.stringify(await w.getByRole('alert').allTextContents())}`);
      });
      // The user presses Next again while still offline: still nothing goes out.
      await next.click();
      await page.waitForTimeout(300);
      assert.equal(posts.get('verification-codes') ?? 0, 0, 'no verification-codes request while offline');
      assert.equal(await w.getByRole('textbox', { name: 'User Name', exact: true }).inputValue(), user.username);
      assert.equal(await w.getByLabel(/^Password\*?$/).inputValue(), PASSWORD);
      assert.equal(await w.getByLabel(/^Confirm Password\*?$/).inputValue(), PASSWORD);
      assert.equal(await email.inputValue(), user.email);
      assert.ok(await w.getByRole('checkbox', { name: /Terms of Service/ }).isChecked(), 'Terms still ticked');
      const { events } = await s.record();
      assert.ok(events.some((e) => e.startsWith('hik-register-error') && e.includes('"network"')), `hik-register-error network: ${events.join(' | ')}`);

      await setOffline(s, false);
      // A second 'online' (flaky networks fire it more than once) must not send again.
      await page.evaluate(() => { dispatchEvent(new Event('online')); });
      const dialog = await codeDialog(page);
      await page.evaluate(() => { dispatchEvent(new Event('online')); });
      await page.waitForTimeout(500);
      assert.equal(posts.get('verification-codes'), 1, 'exactly one verification-codes request after going online');

      // The code pop-up's OK, offline: the code stays typed, nothing is sent.
      const code = await codeFor(demo, user.email);
      const input = dialog.getByRole('textbox', { name: /verification code/i });
      await input.fill(code);
      await setOffline(s, true);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await dialog.getByText(OFFLINE).waitFor({ state: 'visible' }).catch(async () => {
        throw new Error(`no offline message in the code pop-up; it says: ${JSON.stringify(await dialog.allInnerTexts())}`);
      });
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await page.waitForTimeout(300);
      assert.equal(posts.get('accounts') ?? 0, 0, 'no accounts request while offline');
      assert.equal(await input.inputValue(), code, 'the typed code stays');

      await setOffline(s, false);
      await page.evaluate(() => { dispatchEvent(new Event('online')); });
      const success = await waitForSuccess(page);
      assert.equal(success.username, user.username);
      await page.waitForTimeout(300);
      assert.equal(posts.get('accounts'), 1, 'exactly one accounts request after going online');
      assert.equal(posts.get('verification-codes'), 1, 'still one verification-codes request');
      // The demo page's own poll of its dev outbox fails while offline: the page's, not the widget's.
      const own = s.problems.filter((p) => !p.includes('/__dev/outbox'));
      s.problems.splice(0, s.problems.length, ...own);
      await s.assertClean('offline and back');
    } finally {
      await s.close();
    }
  });
});
