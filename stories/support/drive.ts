/**
 * Acting as a user on `<hik-register>` in `play` functions: the same moves as the
 * browser tests (test/helpers.ts), against the story's in-browser backend.
 * Controls sit in the element's shadow root, which `within()` does not enter.
 */
import { waitFor } from 'storybook/test';
import type { HikRegister } from '../../src/hik-register.ts';
import type { StoryBackend } from './backend.ts';
import { $, buttonNamed, fill } from '../../test/dom.ts';

export { $, buttonNamed, fill };

export const PASSWORD = 'Str0ng!Passw0rd';
const LONG = { timeout: 8000, interval: 25 };

/** The story's `<hik-register>`, once its first captcha is shown. */
export async function widget(canvas: HTMLElement): Promise<HikRegister> {
  const el = await waitFor(() => {
    const found = canvas.querySelector<HikRegister>('hik-register');
    if (!found?.shadowRoot?.querySelector('hik-captcha img, hik-captcha progress, hik-captcha [role=status]')) throw new Error('widget not ready');
    return found;
  }, LONG);
  await el.updateComplete;
  return el;
}

/**
 * Chooses a country through the pop-up: its option (by ISO code, so the story works
 * in every language of the toolbar), then OK in the confirmation.
 */
export async function chooseCountry(el: HikRegister, code: string): Promise<void> {
  $(el, '#country-button').click();
  const dialog = $(el, 'hik-country-dialog');
  const option = () => dialog.shadowRoot?.querySelector<HTMLElement>(`dialog[open] [role=option][data-code="${code}"]`);
  await until(option, `option ${code}`);
  await (dialog as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  option()!.click();
  const ok = () => dialog.shadowRoot!.querySelector<HTMLButtonElement>('dialog.confirm[open] button.primary');
  await until(ok, 'confirmation opens');
  const chosen = new Promise((resolve) => el.addEventListener('hik-country-change', resolve, { once: true }));
  ok()!.click();
  await chosen;
  // The choice is announced just before the pop-up closes; closing moves focus, so wait for it.
  await until(() => !dialog.shadowRoot!.querySelector('dialog[open]'), 'country dialog closes');
  await el.updateComplete;
}

/** Types the current challenge's answer, read from the story's backend. */
export async function answerCaptcha(el: HikRegister, backend: StoryBackend): Promise<void> {
  const captcha = $(el, 'hik-captcha') as HTMLElement & { challenge: { captchaId: string; kind: string } | null; solved: boolean };
  const challenge = await waitFor(() => {
    if (!captcha.challenge) throw new Error('a captcha challenge');
    return captcha.challenge;
  }, LONG);
  if (challenge.kind === 'pow') {
    await waitFor(() => { if (!captcha.solved) throw new Error('puzzle solved'); }, { timeout: 20_000 });
    return;
  }
  fill($(el, 'input[name=captcha]'), (await backend.captchaAnswer(challenge.captchaId)) ?? '');
}

export interface FormValues {
  username?: string;
  password?: string;
  confirm?: string;
  country?: string; // ISO code; empty to skip
  email?: string;
  phone?: string;
  terms?: boolean;
  captcha?: boolean;
}

/** Fills the whole form with valid values (overridable). */
export async function fillForm(el: HikRegister, backend: StoryBackend, v: FormValues = {}): Promise<void> {
  fill($(el, '#username'), v.username ?? 'dealer_01');
  fill($(el, '#password'), v.password ?? PASSWORD);
  fill($(el, '#confirm'), v.confirm ?? v.password ?? PASSWORD);
  await el.updateComplete;
  if (v.country !== '') await chooseCountry(el, v.country ?? 'GB');
  if (v.phone !== undefined) {
    $(el, 'input[type=radio][value=sms]').click();
    await el.updateComplete;
    const phone = await waitFor(() => $(el, 'input[name=phone]'), LONG);
    fill(phone, v.phone);
  } else {
    fill($(el, 'input[name=email]'), v.email ?? 'ann@example.com');
  }
  if (v.captcha !== false) await answerCaptcha(el, backend);
  if (v.terms !== false) {
    const terms = $(el, '#terms') as HTMLInputElement;
    if (!terms.checked) terms.click();
  }
  await el.updateComplete;
}

export async function pressNext(el: HikRegister): Promise<void> {
  ($(el, 'button[type=submit]') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** Waits until `check` passes (a state reached through the backend). */
export function until(check: () => unknown, message: string, timeout = 8000): Promise<void> {
  return waitFor(() => { if (!check()) throw new Error(message); }, { timeout, interval: 25 });
}

/** The Resend button of the code pop-up. */
export const resendButton = (el: HikRegister) => $(el, 'hik-code-modal .hik-code-modal__resend-row button');

export const codeModal = (el: HikRegister) => $(el, 'hik-code-modal');
export const openCodeDialog = (el: HikRegister) => el.shadowRoot!.querySelector<HTMLDialogElement>('hik-code-modal dialog[open]');
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Fills the form, presses Next and waits for the code pop-up. */
export async function toCodeStep(el: HikRegister, backend: StoryBackend, values: FormValues = {}): Promise<void> {
  await fillForm(el, backend, values);
  await pressNext(el);
  await until(() => openCodeDialog(el), 'code pop-up opens');
  await settle(el);
}

/** Types a code into the pop-up and presses OK. */
export async function submitCode(el: HikRegister, code: string): Promise<void> {
  fill($(el, 'hik-code-modal input[name=code]'), code);
  $(el, 'hik-code-modal .hik-code-modal__ok').click();
  await el.updateComplete;
}

export const wrongCode = (code: string) => code.split('').map((d) => String((Number(d) + 1) % 10)).join('');

/** Waits for every animation in the element (axe measures colours mid-fade otherwise). */
export async function settle(el: HikRegister): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot as unknown as { getAnimations(o?: { subtree: boolean }): Animation[] };
  await Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
}

/** Creates an account straight through the API (a story's set-up, not the widget). */
export async function registerDirect(backend: StoryBackend, username: string, contact: { email: string } | { phone: string }): Promise<void> {
  const call = async (path: string, body?: unknown) => {
    const res = await backend.fetch(`/api/register/${path}`, body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as { requestId: string; captchaId: string };
  };
  const { captchaId } = await call('captcha?kind=image');
  const answer = await backend.captchaAnswer(captchaId);
  const base = { username, country: 'GB', channel: 'email' in contact ? 'email' : 'sms', ...contact, locale: 'en' };
  const { requestId } = await call('verification-codes', { ...base, captcha: { kind: 'image', captchaId, answer } });
  await call('accounts', { ...base, requestId, code: backend.lastCode(), password: PASSWORD, termsAccepted: true });
}
