/**
 * Shared test helpers: control of the reference backend that the test runner
 * serves (backend/test-server.ts), the accessibility tree as Chromium computes it,
 * and a few ways to act as a user on `<hik-register>`.
 */
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { HikRegister } from '../src/hik-register.ts';
import { $, buttonNamed, fill } from './dom.ts';

export { $, buttonNamed, fill };

// ------------------------------------------------------------------ the backend

async function control<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/__test/${path}`, body === undefined
    ? {}
    : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`/__test/${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** A fresh reference backend, optionally with options (captchaKinds, rateLimits, …). */
export const resetBackend = (options: Record<string, unknown> = {}) => control('reset', options);
/** Moves the backend's clock forward. */
export const advanceClock = (seconds: number) => control('clock', { advance: seconds });
/** Delays every API answer (0 to stop). */
export const delayBackend = (ms: number) => control('delay', { ms });

export interface OutboxMessage { channel: string; to: string; code?: string; requestId?: string; kind?: string; at: number }
export async function outbox(): Promise<OutboxMessage[]> {
  return (await control<{ messages: OutboxMessage[] }>('outbox')).messages;
}
/** The last code the backend "sent". */
export async function lastCode(): Promise<string> {
  const withCode = (await outbox()).filter((m) => m.code);
  if (!withCode.length) throw new Error('no code in the outbox');
  // The test server lists newest first.
  return withCode[0].code as string;
}
export async function captchaAnswerFor(captchaId: string): Promise<string> {
  return (await control<{ answer: string }>(`captcha/${encodeURIComponent(captchaId)}`)).answer;
}

// ------------------------------------------------------------------ accessibility tree

export interface AxNode { role: string; name: string; children?: AxNode[]; [key: string]: unknown }

/** Every node of the accessibility tree of the page, flattened. */
export async function axNodes(): Promise<AxNode[]> {
  const root = (await a11ySnapshot({})) as unknown as AxNode;
  const out: AxNode[] = [];
  const walk = (n: AxNode) => {
    out.push(n);
    n.children?.forEach(walk);
  };
  walk(root);
  return out;
}

export async function findAx(role: string, name: string | RegExp): Promise<AxNode | undefined> {
  const nodes = await axNodes();
  return nodes.find((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
}

// ------------------------------------------------------------------ acting as a user

/** Types into a field as a user would: focus, select all, type. */
export async function type(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  (input as HTMLInputElement).select?.();
  if (text === '') {
    await sendKeys({ press: 'Backspace' });
    return;
  }
  await sendKeys({ type: text });
}

/** Chooses a country through the pop-up: search, pick, OK. */
export async function chooseCountry(el: HikRegister, name: string): Promise<void> {
  $(el, '#country-button').click();
  const dialog = $(el, 'hik-country-dialog');
  // The first opening loads the pop-up's chunk and its names: allow for a busy machine.
  await waitUntil(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'country dialog opens', { timeout: 5000 });
  const search = dialog.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
  await type(search, name);
  await waitUntil(() => [...dialog.shadowRoot!.querySelectorAll('[role=option]')].some((o) => o.textContent?.includes(name)), `option ${name}`);
  const option = [...dialog.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')].find((o) => o.textContent?.includes(name))!;
  option.click();
  await waitUntil(() => dialog.shadowRoot!.querySelector('dialog.confirm[open]'), 'confirmation opens');
  const ok = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog.confirm button')].find((b) => b.textContent?.trim() === 'OK')!;
  const chosen = oneEvent(el, 'hik-country-change');
  ok.click();
  await chosen;
  // The choice is announced just before the pop-up closes; closing moves focus, so wait for it.
  await waitUntil(() => !dialog.shadowRoot!.querySelector('dialog[open]'), 'country dialog closes');
  await el.updateComplete;
}

export interface FormValues {
  username?: string;
  password?: string;
  confirm?: string;
  country?: string;
  email?: string;
  phone?: string;
  terms?: boolean;
  captcha?: boolean;
}

/** Fills the whole form with valid values (overridable), captcha answered from the backend. */
export async function fillForm(el: HikRegister, v: FormValues = {}): Promise<void> {
  fill($(el, '#username'), v.username ?? 'dealer_01');
  fill($(el, '#password'), v.password ?? 'Str0ng!Passw0rd');
  fill($(el, '#confirm'), v.confirm ?? v.password ?? 'Str0ng!Passw0rd');
  await el.updateComplete;
  if (v.country !== '') await chooseCountry(el, v.country ?? 'United Kingdom');
  if (v.phone !== undefined) {
    $(el, 'input[type=radio][value=sms]').click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('input[name=phone]'), 'phone input');
    fill($(el, 'input[name=phone]'), v.phone);
  } else {
    fill($(el, 'input[name=email]'), v.email ?? 'ann@example.com');
  }
  if (v.captcha !== false) await answerCaptcha(el);
  if (v.terms !== false) {
    const terms = $(el, '#terms') as HTMLInputElement;
    if (!terms.checked) terms.click();
  }
  await el.updateComplete;
}

/** Types the current image challenge's answer (read from the test backend). */
export async function answerCaptcha(el: HikRegister): Promise<void> {
  const captcha = $(el, 'hik-captcha') as HTMLElement & { challenge: { captchaId: string } | null };
  await waitUntil(() => captcha.challenge, 'a captcha challenge');
  const answer = await captchaAnswerFor(captcha.challenge!.captchaId);
  fill($(el, 'input[name=captcha]'), answer);
}

export async function pressNext(el: HikRegister): Promise<void> {
  ($(el, 'button[type=submit]') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** Waits until every animation in the element has finished (axe measures colours mid-fade otherwise). */
export async function settle(el: HikRegister): Promise<void> {
  await el.updateComplete;
  await Promise.all((el.shadowRoot as unknown as { getAnimations(o?: { subtree: boolean }): Animation[] }).getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
}

/** The code pop-up's input, once it is open. */
export async function codeInput(el: HikRegister): Promise<HTMLInputElement> {
  await waitUntil(() => el.shadowRoot!.querySelector('hik-code-modal dialog[open]'), 'code pop-up opens');
  await settle(el);
  return $(el, 'hik-code-modal input[name=code]') as HTMLInputElement;
}

/** Next with a filled form, then the emailed code and OK: resolves with the success event. */
export async function finish(el: HikRegister): Promise<CustomEvent> {
  const sent = oneEvent(el, 'hik-code-sent');
  await pressNext(el);
  await sent;
  fill(await codeInput(el), await lastCode());
  const done = oneEvent(el, 'hik-register-success');
  buttonNamed($(el, 'hik-code-modal'), 'OK').click();
  return done;
}

export function visibleError(el: HikRegister, inputSelector: string): string {
  const input = $(el, inputSelector);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => el.shadowRoot!.getElementById(id))
    .filter((n): n is HTMLElement => !!n && !n.hidden && [...n.classList].some((c) => /error/.test(c)))
    .map((n) => n.textContent!.trim())
    .join(' ');
}

// ------------------------------------------------------------------ error tests (hik-register-*.test.ts)

/** `waitUntil` with a longer default: the backend answers over real HTTP. */
export function until(check: () => unknown, message: string, timeout = 5000): Promise<void> {
  return waitUntil(check, message, { timeout, interval: 25 });
}

/** A `<hik-register>` on the test endpoint, once its first captcha has loaded. */
export async function mountRegister(attrs: Record<string, string> = {}, { keepStorage = false } = {}): Promise<HikRegister> {
  if (!keepStorage) sessionStorage.clear();
  const reg = document.createElement('hik-register') as HikRegister;
  for (const [k, v] of Object.entries({ endpoint: '/api/register', 'terms-url': '/terms', ...attrs })) reg.setAttribute(k, v);
  await fixture(reg);
  await until(() => reg.shadowRoot!.querySelector('hik-captcha img, hik-captcha progress'), 'captcha loaded');
  return reg;
}

export interface Seen { type: string; detail: unknown }

/** Fails if any of `secrets` (a password, a captcha answer, a code) is in an event seen. */
export function expectNoSecrets(seen: Seen[], secrets: string[]): void {
  const all = JSON.stringify(seen);
  for (const s of secrets.filter(Boolean)) expect(all, `events hold ${s}`).to.not.include(s);
}
/** Records every event `<hik-register>` dispatches (what integrators receive). */
export function recordEvents(el: HikRegister): Seen[] {
  const seen: Seen[] = [];
  for (const t of ['hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent', 'hik-register-success', 'hik-register-error']) {
    el.addEventListener(t, (e) => seen.push({ type: t, detail: (e as CustomEvent).detail }));
  }
  return seen;
}
export function errorsOf(seen: Seen[]): { code: string; message: string; field?: string }[] {
  return seen.filter((s) => s.type === 'hik-register-error').map((s) => s.detail as { code: string; message: string; field?: string });
}

/** The id of the challenge `<hik-captcha>` shows. */
export function captchaId(el: HikRegister): string | undefined {
  return ($(el, 'hik-captcha') as HTMLElement & { challenge: { captchaId: string } | null }).challenge?.captchaId;
}

/** The text of the form's alert box (errors about the whole form), or ''. */
export function alertText(el: HikRegister): string {
  return el.shadowRoot!.querySelector('form > [role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The code pop-up's `<dialog>` when open, else null. */
export function openCodeDialog(el: HikRegister): HTMLDialogElement | null {
  return el.shadowRoot!.querySelector<HTMLDialogElement>('hik-code-modal dialog[open]');
}

/** Creates an account straight through the API (test set-up, not the widget). */
export async function registerDirect(username: string, contact: { email: string } | { phone: string }, password = 'Str0ng!Passw0rd'): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`/api/register/${path}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ requestId: string }>;
  };
  const challenge = (await (await fetch('/api/register/captcha?kind=image')).json()) as { captchaId: string };
  const answer = await captchaAnswerFor(challenge.captchaId);
  const base = { username, country: 'GB', channel: 'email' in contact ? 'email' : 'sms', ...contact, locale: 'en' };
  const { requestId } = await post('verification-codes', { ...base, captcha: { kind: 'image', captchaId: challenge.captchaId, answer } });
  await post('accounts', { ...base, requestId, code: await lastCode(), password, termsAccepted: true });
}

/**
 * For a whole test file: every event `<hik-register>` dispatches (they are composed,
 * so they reach the document) and every secret typed (password, captcha answer,
 * code). `check()` asserts that no event detail holds any of those secrets.
 */
export function watchRun(): { events: Seen[]; secrets: Set<string>; start(): void; stop(): void; check(): void } {
  const events: Seen[] = [];
  const secrets = new Set<string>();
  const types = ['hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent', 'hik-register-success', 'hik-register-error'];
  const onEvent = (e: Event) => events.push({ type: e.type, detail: (e as CustomEvent).detail });
  const onInput = (e: Event) => {
    const input = e.composedPath()[0];
    if (!(input instanceof HTMLInputElement) || !input.value) return;
    if (input.type === 'password' || ['password', 'confirm-password', 'captcha', 'code'].includes(input.name)) secrets.add(input.value);
  };
  return {
    events,
    secrets,
    start() {
      for (const t of types) document.addEventListener(t, onEvent);
      document.addEventListener('input', onInput, true);
    },
    stop() {
      for (const t of types) document.removeEventListener(t, onEvent);
      document.removeEventListener('input', onInput, true);
    },
    check() {
      const all = JSON.stringify(events);
      for (const s of secrets) if (all.includes(s)) throw new Error(`an event detail holds a secret (${s.length} characters)`);
    },
  };
}

/**
 * For a describe block: records every event of the block's tests and checks, at
 * its end, that no secret typed in them (password, captcha answer, code) appears
 * in any event detail, and that the block did type secrets and meet errors.
 */
export function checkNoSecretsInEvents(): void {
  const run = watchRun();
  before(() => run.start());
  after(() => {
    run.stop();
    expect(run.secrets.size, 'secrets were typed').to.be.greaterThan(3);
    expect(run.events.filter((e) => e.type === 'hik-register-error').length).to.be.greaterThan(2);
    run.check();
  });
}
