// The stage of test/fuzz.test.ts: a fake server behind `<hik-register>`'s `fetch`
// property, watchers for what must never happen (uncaught errors, console errors,
// secrets leaking, server text rendered as HTML), and the user's moves.
// Not a test file itself.
import { waitUntil } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import { $, buttonNamed, fill } from './dom.ts';
import { VALID, endpointOf, play, type Endpoint, type Reply } from './fuzz-replies.ts';

/** What the user types that must never leave the form except in its request body. */
export const SECRETS = { password: 'Pw!fuzz-S3cret', captcha: 'QZXWKV', code: '73915284' };

const SUCCESS: Record<Endpoint, number> = { captcha: 200, pow: 200, usernames: 200, send: 201, resend: 200, accounts: 201 };
const json = (body: unknown, status: number): Reply =>
  ({ kind: 'http', status, type: 'application/json', headers: [], payload: { json: body }, delivery: 'response', length: 'none' });

/** The server as the test plays it: valid answers, except one armed answer per endpoint. */
export class FakeServer {
  readonly urls: string[] = [];
  /** Requests answered but not done with (a stalled body counts until the widget gives up). */
  inFlight = 0;
  /** Which kinds of challenge the server offers. */
  offers: Record<'image' | 'pow', boolean> = { image: true, pow: false };
  /** Awaited before an armed answer is played: a look at the page while its request is in flight. */
  onArmed: (() => Promise<void>) | null = null;
  readonly #armed = new Map<Endpoint, Reply>();
  #served = new Set<Endpoint>();

  arm(endpoint: Endpoint, reply: Reply): void {
    this.#armed.set(endpoint, reply);
    this.#served.delete(endpoint);
  }

  /** Whether the armed answer for `endpoint` has been played. */
  served(endpoint: Endpoint): boolean {
    return this.#served.has(endpoint);
  }

  disarm(): void {
    this.#armed.clear();
  }

  #default(endpoint: Endpoint | null): Reply {
    if (endpoint === null) return json({ error: { code: 'not_found', message: 'No such path.' } }, 404);
    if (endpoint === 'usernames') return json({ error: { code: 'not_found', message: 'No such check.' } }, 404);
    if ((endpoint === 'captcha' && !this.offers.image) || (endpoint === 'pow' && !this.offers.pow)) {
      return json({ error: { code: 'not_found', message: 'Not offered.' } }, 404);
    }
    return json(VALID[endpoint], SUCCESS[endpoint]);
  }

  readonly fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    this.urls.push(url);
    const endpoint = endpointOf(init.method ?? 'GET', url);
    const armed = endpoint ? this.#armed.get(endpoint) : undefined;
    if (endpoint && armed) {
      this.#armed.delete(endpoint);
      this.#served.add(endpoint);
    }
    const reply = armed ?? this.#default(endpoint);
    this.inFlight += 1;
    let open = true;
    const finish = () => {
      if (open) this.inFlight -= 1;
      open = false;
    };
    init.signal?.addEventListener('abort', finish);
    let answer: Promise<unknown>;
    try {
      // A replacement that throws instead of returning a promise throws here.
      const sync = reply.kind === 'reject' && reply.error === 'sync-throw';
      const look = armed && !sync ? this.onArmed : null;
      answer = look ? look().then(() => play(reply, init.signal, finish)) : play(reply, init.signal, finish);
    } catch (error) {
      finish();
      throw error;
    }
    // A stalled body is done with only when the widget aborts or cancels it.
    const stalls = reply.kind === 'http' && reply.delivery === 'stream-stall' && ![204, 205, 304].includes(reply.status);
    answer.then(stalls ? undefined : finish, finish);
    return answer as Promise<Response>;
  }) as typeof fetch;
}

/** Everything that must never happen, recorded for the whole file. */
export class Watch {
  readonly uncaught: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly output: string[] = [];
  readonly events: { type: string; detail: unknown }[] = [];
  #undo: (() => void)[] = [];

  install(): void {
    const onError = (e: ErrorEvent) => this.uncaught.push(`error: ${e.message}`);
    const onRejection = (e: PromiseRejectionEvent) => this.uncaught.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    this.#undo.push(() => window.removeEventListener('error', onError), () => window.removeEventListener('unhandledrejection', onRejection));
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level];
      console[level] = (...args: unknown[]) => {
        const text = args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
        if (!text.startsWith('fuzz:')) this.output.push(text);
        if (level === 'error') this.consoleErrors.push(text);
        original.apply(console, args);
      };
      this.#undo.push(() => { console[level] = original; });
    }
    const types = ['hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent', 'hik-register-success', 'hik-register-error'];
    const onEvent = (e: Event) => this.events.push({ type: e.type, detail: (e as CustomEvent).detail });
    for (const t of types) document.addEventListener(t, onEvent);
    this.#undo.push(() => types.forEach((t) => document.removeEventListener(t, onEvent)));
  }

  uninstall(): void {
    this.#undo.reverse().forEach((f) => f());
    this.#undo = [];
  }

  errorEvents(since: number): { code: string; message: string; field?: string }[] {
    return this.events.slice(since).filter((e) => e.type === 'hik-register-error').map((e) => e.detail as { code: string; message: string; field?: string });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------- the page

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** `waitUntil`, failing with `message` (waitUntil's own error loses it in fast-check's report). */
export async function until(check: () => unknown, message: string, timeout = 3000): Promise<void> {
  try {
    await waitUntil(check, message, { timeout, interval: 5 });
  } catch {
    throw new Error(`timed out: ${message}`);
  }
}

/** `<hik-register>` on the fake server, once its first challenge shows. */
export async function mount(server: FakeServer, attrs: Record<string, string> = {}): Promise<HikRegister> {
  sessionStorage.clear();
  document.querySelectorAll('hik-register').forEach((old) => old.remove());
  const el = document.createElement('hik-register');
  for (const [k, v] of Object.entries({ endpoint: '/api/fuzz', timeout: '150', country: 'GB', 'terms-url': '/terms', ...attrs })) el.setAttribute(k, v);
  el.fetch = server.fetch;
  const before = server.urls.length;
  document.body.append(el);
  // Both kinds are asked for: which one is offered, and the first challenge.
  const asks = el.getAttribute('captcha') === 'none' || el.getAttribute('captcha') === 'slot' ? 0 : 2;
  await until(() => server.urls.slice(before).filter((u) => u.includes('/captcha?')).length >= asks, 'the first challenges are asked for', 5000);
  await settle(el, server);
  return el;
}

/** Waits until no request is in flight and the element has rendered what came back. */
export async function settle(el: HikRegister, server: FakeServer): Promise<void> {
  for (let quiet = 0; quiet < 2;) {
    await el.updateComplete;
    await tick();
    quiet = server.inFlight === 0 ? quiet + 1 : 0;
    if (quiet === 0) await until(() => server.inFlight === 0, 'requests end');
  }
}

/** Every element under `root`, through open shadow roots. */
export function deepAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [...root.querySelectorAll(selector)];
  for (const node of root.querySelectorAll('*')) if (node.shadowRoot) out.push(...deepAll(node.shadowRoot, selector));
  return out;
}

const visible = (n: Element) => n.checkVisibility({ visibilityProperty: true, opacityProperty: false });
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The error texts a user sees now (something visible in them): the form's alert, field errors, the captcha's and the code pop-up's. */
export function visibleErrors(el: HikRegister): string[] {
  return deepAll(el.shadowRoot!, '[role=alert], .error, [class*="__error"]')
    .filter((n) => visible(n) && /[^\s\p{C}]/u.test(text(n))).map((n) => text(n));
}

/** All the text a user sees (whitespace collapsed). */
export function visibleText(el: HikRegister): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement && visible(n.parentElement)) parts.push(n.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

export const codeDialog = (el: HikRegister) => el.shadowRoot!.querySelector<HTMLDialogElement>('hik-code-modal dialog[open]');
const modal = (el: HikRegister) => $(el, 'hik-code-modal');
export const okButton = (el: HikRegister) => buttonNamed(modal(el), 'OK');
export const resendButton = (el: HikRegister) => buttonNamed(modal(el), /^Resend/);
export const nextButton = (el: HikRegister) => $(el, 'button[type=submit]') as HTMLButtonElement;

let nameTurn = 0;

/** Fills every field with valid values; a new user name each time, so that Next always sends a new code. */
export async function fillForm(el: HikRegister, way: 'email' | 'sms' = 'email'): Promise<void> {
  nameTurn += 1;
  fill($(el, '#username'), `fuzz_${nameTurn % 2 ? 'a' : 'b'}${nameTurn % 7}`);
  fill($(el, '#password'), SECRETS.password);
  fill($(el, '#confirm'), SECRETS.password);
  const radio = $(el, `input[type=radio][value=${way}]`) as HTMLInputElement;
  if (!radio.checked) radio.click();
  await el.updateComplete;
  const contact = way === 'sms' ? 'input[name=phone]' : 'input[name=email]';
  await until(() => el.shadowRoot!.querySelector(contact), `the ${way} field`);
  fill($(el, contact), way === 'sms' ? '07400 123456' : 'ann@example.com');
  const terms = $(el, '#terms') as HTMLInputElement;
  if (!terms.checked) terms.click();
  const captcha = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=captcha]');
  if (captcha) fill(captcha, SECRETS.captcha);
  await el.updateComplete;
}

/** From the form, with valid answers: Next, then the code pop-up open. */
export async function toCodeStep(el: HikRegister, server: FakeServer): Promise<void> {
  await fillForm(el);
  nextButton(el).click();
  await until(() => codeDialog(el), 'the code pop-up opens after a valid answer');
  await settle(el, server);
}

export function typeCode(el: HikRegister): void {
  const input = $(el, 'hik-code-modal input[name=code]') as HTMLInputElement;
  fill(input, SECRETS.code.slice(0, Number(input.maxLength) > 0 ? input.maxLength : 8));
}

/** Moves the page's clock on, so that every wait (rate limits, Resend) is over. */
export class Clock {
  #skew = 0;
  #real = Date.now;

  install(): void {
    const real = this.#real;
    Date.now = () => real() + this.#skew;
  }

  uninstall(): void {
    Date.now = this.#real;
  }

  async skip(el: HikRegister, seconds: number): Promise<void> {
    this.#skew += seconds * 1000;
    el.requestUpdate();
    el.shadowRoot!.querySelector<HTMLElement & { requestUpdate?(): void }>('hik-code-modal')?.requestUpdate?.();
    await el.updateComplete;
  }
}

// ---------------------------------------------------------------- invariants

/** A snapshot of everything that may hold a secret. */
export function leaks(watch: Watch, server: FakeServer): string[] {
  const storage = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)).join('\n');
  const places: Record<string, string> = {
    'an event detail': safeJson(watch.events), 'the console': watch.output.join('\n'), storage, 'a URL requested': server.urls.join('\n'),
  };
  return Object.entries(places).flatMap(([where, all]) =>
    Object.entries(SECRETS).filter(([, s]) => all.includes(s)).map(([what]) => `the ${what} is in ${where}`));
}

/** Why the page is stuck, or null: busy with nothing in flight, or a button disabled without a visible countdown. */
export function stuck(el: HikRegister, server: FakeServer): string | null {
  if (server.inFlight > 0) return null;
  const root = el.shadowRoot!;
  if (el.step === 'done') return root.querySelector('dialog.success[open]') ? null : 'done, but no confirmation shown';
  if (root.querySelector('form')!.getAttribute('aria-busy') === 'true') return 'the form is busy with no request in flight';
  if (root.querySelector('hik-captcha [aria-busy=true]')) return 'the captcha is loading with no request in flight';
  if (el.step === 'form') {
    if (codeDialog(el)) return 'the code pop-up is open on the form step';
    const next = nextButton(el);
    if (next.getAttribute('aria-disabled') === 'true' && !/\d/.test(text(root.getElementById('next-wait')))) return 'Next is disabled without a countdown';
    return null;
  }
  const dialog = codeDialog(el);
  if (!dialog) return 'the code step without its pop-up';
  if (dialog.getAttribute('aria-busy') === 'true') return 'the code pop-up is busy with no request in flight';
  if (okButton(el).getAttribute('aria-disabled') === 'true' && !/Try again in/.test(text(dialog))) return 'OK is disabled without a countdown';
  if (resendButton(el).getAttribute('aria-disabled') === 'true' && !/\d/.test(text(resendButton(el)))) return 'Resend is disabled without a countdown';
  return null;
}

/** Elements made from server text (every HTML payload carries `data-fuzz`), or a script it ran. */
export function htmlRendered(): string | null {
  const made = deepAll(document, '[data-fuzz]');
  if (made.length) return `server text became HTML: <${made[0].localName}>`;
  return (window as { __fuzzXss?: unknown }).__fuzzXss ? 'a script from server text ran' : null;
}
