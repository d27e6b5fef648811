/**
 * A registration on the demo page, step by step, the way a pointer user does it:
 * every control found by its role and accessible name (ELEMENT.md's table).
 */
import type { Locator, Page } from 'playwright-core';
import type { MemoryOutbox } from '../backend/outbox.ts';

export const PASSWORD = 'Str0ng!Passw0rd-e2e';

export function widget(page: Page): Locator {
  return page.locator('hik-register');
}

/** User Name, Password and Confirm Password. */
export async function fillAccount(page: Page, username: string): Promise<void> {
  const w = widget(page);
  await w.getByRole('textbox', { name: 'User Name', exact: true }).fill(username);
  await w.getByLabel(/^Password\*?$/).fill(PASSWORD);
  await w.getByLabel(/^Confirm Password\*?$/).fill(PASSWORD);
}

/** Opens the country pop-up, searches, picks, and confirms "cannot be changed". */
export async function chooseCountry(page: Page, name: string): Promise<void> {
  const w = widget(page);
  await w.getByRole('button', { name: /^Country/ }).click();
  const dialog = w.getByRole('dialog', { name: /Country/ });
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('searchbox', { name: 'Search' }).fill(name);
  await dialog.getByRole('option', { name, exact: true }).click();
  await w.getByRole('alertdialog').or(w.getByRole('dialog', { name: /change/i }))
    .getByRole('button', { name: 'OK', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The choice arrives with the pop-up's close event, a task after it hides.
  const button = w.getByRole('button', { name: /^Country/ });
  await button.filter({ hasText: name }).waitFor({ timeout: 2000 }).catch(async () => {
    throw new Error(`2 s after choosing ${name}, the Country button reads "${(await button.textContent())?.trim()}"`);
  });
}

/** The proof-of-work captcha solves itself; Next is refused until it has. */
export async function waitForPow(page: Page): Promise<void> {
  await widget(page).getByRole('status').filter({ hasText: 'Verified' })
    .waitFor({ state: 'visible', timeout: 20_000 })
    .catch(() => { throw new Error('the proof-of-work captcha never said "Verified" (20 s)'); });
}

export async function acceptTermsAndSend(page: Page): Promise<Locator> {
  const w = widget(page);
  await w.getByRole('checkbox', { name: /Terms of Service/ }).check();
  await w.getByRole('button', { name: 'Next', exact: true }).click();
  return codeDialog(page);
}

/** The code pop-up, once open. */
export async function codeDialog(page: Page): Promise<Locator> {
  const dialog = widget(page).getByRole('dialog', { name: /verification code/i });
  await dialog.waitFor({ state: 'visible' }).catch(async () => {
    const alert = await widget(page).getByRole('alert').allTextContents();
    const errors = await widget(page).locator('[part="error"]:not([hidden]), .error:not([hidden])').allInnerTexts();
    const events = await page.evaluate(() => window.__e2e.events);
    throw new Error(`the verification code pop-up did not open after Next (alert: ${JSON.stringify(alert)}, errors shown: ${JSON.stringify(errors.filter(Boolean))}, events: ${events.join(' | ')})`);
  });
  return dialog;
}

/** Waits until the page heard `hik-register-success`, then returns what it heard. */
export async function waitForSuccess(page: Page): Promise<{ username: string; channel: string; country: string }> {
  await page.waitForFunction(() => window.__e2e.successes.length > 0, null, { timeout: 10_000 })
    .catch(async () => {
      const dialog = widget(page).getByRole('dialog', { name: /verification code/i });
      const texts = await dialog.allInnerTexts();
      const typed = await dialog.getByRole('textbox').inputValue().catch(() => '(no input)');
      const events = await page.evaluate(() => window.__e2e.events);
      throw new Error(`hik-register-success never fired; the code pop-up says: ${JSON.stringify(texts)}; its input holds ${typed.length} characters; events: ${events.join(' | ')}`);
    });
  return page.evaluate(() => window.__e2e.successes[0]!);
}

/** Reads the code a backend's dev outbox last sent to an address (for registerByEmail); throws when it sent none. */
export const codeSentBy = (outbox: MemoryOutbox) => (to: string): string => {
  const code = outbox.latestTo(to)?.code;
  if (!code) throw new Error(`the backend sent no code to ${to}`);
  return code;
};

/** The page's widest content, in CSS pixels (wider than the viewport = horizontal scrollbar). */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * A whole registration by email in the United Kingdom with the proof-of-work captcha:
 * the form, the code from `codeFor`, OK; returns what `hik-register-success` said.
 */
export async function registerByEmail(
  page: Page, user: { username: string; email: string }, codeFor: (to: string) => string | Promise<string>,
): Promise<{ username: string; channel: string; country: string }> {
  await fillAccount(page, user.username);
  await chooseCountry(page, 'United Kingdom');
  await widget(page).getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await waitForPow(page);
  const dialog = await acceptTermsAndSend(page);
  await dialog.getByRole('textbox', { name: /verification code/i }).fill(await codeFor(user.email));
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  return waitForSuccess(page);
}
