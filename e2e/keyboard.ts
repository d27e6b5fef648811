/**
 * A whole email registration with the keyboard alone (Tab, Shift+Tab, arrows, Enter,
 * Space and typing; no click), checking after every key that the focus is inside the
 * widget or its pop-ups and that it can be seen (WCAG 2.4.7, 2.4.11).
 */
import type { Locator, Page } from 'playwright-core';
import { PASSWORD, widget, waitForPow } from './flow.ts';

interface FocusReport { inside: boolean; visible: boolean; what: string; why: string }

/** Where the focus is, through shadow roots, and whether a person can see it. */
function focusReport(page: Page): Promise<FocusReport> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { inside: false, visible: false, what: 'nothing (body)', why: 'no focus' };
    const label = el.getAttribute('aria-label')
      ?? (el as HTMLInputElement).labels?.[0]?.textContent
      ?? el.textContent ?? '';
    const what = `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('role') ? ` role=${el.getAttribute('role')}` : ''}> "${label.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    let inside = false;
    for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
      if ((n as Element).localName === 'hik-register') { inside = true; break; }
    }
    // With aria-activedescendant the focus ring belongs on the active option (APG).
    const activeId = el.getAttribute('aria-activedescendant');
    const ringed = (activeId && (el.getRootNode() as Document | ShadowRoot).getElementById(activeId)) || el;
    const style = getComputedStyle(ringed);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const r = ringed.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth;
    const focusVisible = el.matches(':focus-visible');
    const why = [
      focusVisible ? '' : 'not :focus-visible',
      outline || shadow ? '' : `no outline or box-shadow (outline: ${style.outlineStyle} ${style.outlineWidth})`,
      onScreen ? '' : `off screen at ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`,
    ].filter(Boolean).join('; ');
    return { inside, visible: !why, what, why };
  });
}

async function assertFocusShown(page: Page, after: string): Promise<void> {
  const f = await focusReport(page);
  if (!f.inside) throw new Error(`after ${after}, the focus left the widget: it is on ${f.what}`);
  if (!f.visible) throw new Error(`after ${after}, the focus on ${f.what} cannot be seen: ${f.why}`);
}

const isFocused = (el: Element) => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a === el;
};

/** Presses a key and checks the focus is still shown in the widget. */
async function press(page: Page, key: string, why: string): Promise<void> {
  await page.keyboard.press(key);
  await assertFocusShown(page, `${key} (${why})`);
}

/**
 * Tabs (or Shift+Tabs) until `target` has the focus. Before the focus first enters
 * the widget it may sit on the demo page's own controls; after that, every stop
 * must be a visible one inside the widget.
 */
async function tabTo(page: Page, target: Locator, what: string, { back = false, max = 25 } = {}): Promise<void> {
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focusReport(page);
    if (f.inside && !f.visible) throw new Error(`${key} towards ${what} stopped on ${f.what}, whose focus cannot be seen: ${f.why}`);
    if (!f.inside && (await entered(page))) throw new Error(`${key} towards ${what} left the widget for ${f.what}`);
    if (f.inside) await markEntered(page);
    if (await target.evaluate(isFocused)) return;
  }
  throw new Error(`${max} presses of ${key} never reached ${what}`);
}

const entered = (page: Page) => page.evaluate(() => document.documentElement.dataset['e2eEntered'] === 'yes');
const markEntered = (page: Page) => page.evaluate(() => { document.documentElement.dataset['e2eEntered'] = 'yes'; });

async function type(page: Page, text: string, what: string): Promise<void> {
  await page.keyboard.type(text);
  await assertFocusShown(page, `typing in ${what}`);
}

export async function registerByKeyboard(
  page: Page, user: { username: string; email: string }, codeFor: (to: string) => Promise<string>,
): Promise<void> {
  const w = widget(page);
  await tabTo(page, w.getByRole('textbox', { name: 'User Name', exact: true }), 'User Name');
  await type(page, user.username, 'User Name');
  await tabTo(page, w.getByLabel(/^Password\*?$/), 'Password');
  await type(page, PASSWORD, 'Password');
  await tabTo(page, w.getByLabel(/^Confirm Password\*?$/), 'Confirm Password');
  await type(page, PASSWORD, 'Confirm Password');

  const show = w.getByRole('button', { name: 'Show password' });
  await tabTo(page, show, 'Show password', { back: true });
  await press(page, 'Space', 'show the password');
  if ((await show.getAttribute('aria-pressed')) !== 'true') throw new Error('Space on "Show password" did not press it');
  await press(page, 'Space', 'hide the password again');
  await tabTo(page, w.getByLabel(/^Confirm Password\*?$/), 'Confirm Password again');

  await tabTo(page, w.getByRole('button', { name: /^Country/ }), 'the Country button');
  await press(page, 'Enter', 'open the country pop-up');
  const countries = w.getByRole('dialog', { name: /Country/ });
  await countries.waitFor({ state: 'visible' });
  await type(page, 'United Kingdom', 'the country search');
  await press(page, 'ArrowDown', 'into the country list');
  const active = await countries.getByRole('option', { selected: true }).textContent().catch(() => null);
  if (!active?.includes('United Kingdom')) throw new Error(`after searching and ArrowDown the active option is "${active?.trim()}", not United Kingdom`);
  await press(page, 'Enter', 'choose United Kingdom');
  const confirm = w.getByRole('alertdialog');
  await confirm.waitFor({ state: 'visible' });
  const ok = confirm.getByRole('button', { name: 'OK', exact: true });
  // OK has autofocus; Tab only if it has not.
  if (!(await ok.evaluate(isFocused))) await tabTo(page, ok, 'OK of the "cannot be changed" confirmation', { max: 3 });
  await press(page, 'Enter', 'confirm the country');
  await countries.waitFor({ state: 'hidden' });
  // The form re-renders with the choice just after the pop-up closes: wait for it, briefly.
  const button = w.getByRole('button', { name: /^Country/ });
  await button.filter({ hasText: 'United Kingdom' }).waitFor({ timeout: 2000 }).catch(async () => {
    throw new Error(`the Country button reads "${(await button.textContent())?.trim()}" 2 s after choosing by keyboard`);
  });

  const email = w.getByRole('radio', { name: 'Register by Email Address' });
  await tabTo(page, email, 'the "Register by Email Address" radio');
  await press(page, 'Space', 'select email');
  if (!(await email.isChecked())) throw new Error('Space did not check "Register by Email Address"');
  await tabTo(page, w.getByRole('textbox', { name: 'Email', exact: true }), 'Email');
  await type(page, user.email, 'Email');

  await waitForPow(page);
  const terms = w.getByRole('checkbox', { name: /Terms of Service/ });
  await tabTo(page, terms, 'the Terms of Service box');
  await press(page, 'Space', 'agree to the terms');
  if (!(await terms.isChecked())) throw new Error('Space did not tick the Terms of Service box');
  await tabTo(page, w.getByRole('button', { name: 'Next', exact: true }), 'Next');
  // Focus must stay put while the code is being sent (a disabled Next would drop it to <body>).
  await press(page, 'Enter', 'Next');

  const dialog = w.getByRole('dialog', { name: /verification code/i });
  await dialog.waitFor({ state: 'visible' });
  const code = dialog.getByRole('textbox', { name: /verification code/i });
  await page.waitForFunction(() => true); // let the pop-up move the focus
  if (!(await code.evaluate(isFocused))) await tabTo(page, code, 'the code input', { max: 6 });
  await assertFocusShown(page, 'the code pop-up opened');
  await type(page, await codeFor(user.email), 'the code input');
  await tabTo(page, dialog.getByRole('button', { name: 'OK', exact: true }), 'OK of the code pop-up', { max: 6 });
  await page.keyboard.press('Enter');

  const done = w.getByRole('dialog', { name: /Registration complete/ });
  await done.waitFor({ state: 'visible' });
  await assertFocusShown(page, 'the success pop-up opened');
}
