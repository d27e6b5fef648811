// Answers of a server nobody here wrote (issue 12): error codes that look like the
// widget's own states, fields named after built-in properties, fields that are not
// on screen. Through the `fetch` property, the real backend answering the rest.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, resetBackend, fillForm, pressNext, codeInput, lastCode, fill, buttonNamed, answerCaptcha,
  until, mountRegister, recordEvents, errorsOf, alertText, openCodeDialog, visibleError, captchaId,
} from './helpers.ts';
import { IMAGE, fakeFetch, json } from './client-fakes.ts';

type Route = (url: string, init: RequestInit | undefined) => Response | null;

/** Answers the requests `route` returns a response for; the backend answers the others. */
function intercept(el: HikRegister, route: Route): { calls: string[] } {
  const seen = { calls: [] as string[] };
  el.fetch = (input, init) => {
    const url = String(input);
    seen.calls.push(`${init?.method ?? 'GET'} ${url.replace(/^.*\/api\/register\//, '')}`);
    const answer = route(url, init);
    return answer ? Promise.resolve(answer) : window.fetch(input, init);
  };
  return seen;
}

function errorResponse(status: number, error: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json' } });
}

const isPost = (url: string, init: RequestInit | undefined, path: RegExp) => init?.method === 'POST' && path.test(url);
const SEND = /\/verification-codes$/;
const RESEND = /\/resend$/;
const ACCOUNTS = /\/accounts$/;

const modal = (el: HikRegister) => $(el, 'hik-code-modal');
const modalText = (el: HikRegister) => modal(el).textContent!.replace(/\s+/g, ' ');
const status = (el: HikRegister) =>
  [...el.shadowRoot!.children].find((c) => c.getAttribute('role') === 'status')?.textContent?.trim() ?? '';

async function toCode(el: HikRegister, values: Parameters<typeof fillForm>[1] = {}): Promise<HTMLInputElement> {
  await fillForm(el, values);
  const sent = oneEvent(el, 'hik-code-sent');
  await pressNext(el);
  await sent;
  return codeInput(el);
}

describe('<hik-register> and a hostile server', function () {
  // Each test goes through the whole form (country pop-up included) at least once, on a shared machine.
  this.timeout(40000);

  beforeEach(async () => {
    await resetBackend({ captchaKinds: ['image'], resendAfter: 0 });
  });

  it('error code "aborted" on POST verification-codes: an error, Next usable, valid answers then complete', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    let hostile = true;
    intercept(el, (url, init) => (hostile && isPost(url, init, SEND)
      ? errorResponse(429, { code: 'aborted', message: 'Stop right there.' }) : null));
    await fillForm(el, { username: 'abort_user', email: 'abort@example.com' });
    const used = captchaId(el);
    await pressNext(el);
    await until(() => errorsOf(seen).length, 'hik-register-error');
    expect(errorsOf(seen)).to.deep.equal([{ code: 'aborted', message: 'Stop right there.' }]);
    await until(() => alertText(el).includes('Stop right there.'), 'the server\'s words in the alert');
    expect($(el, 'button[type=submit]').getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.textContent).to.not.include('Sending…');
    hostile = false;
    // The refused call used up the challenge: answer the new one.
    await until(() => captchaId(el) && captchaId(el) !== used, 'a new challenge');
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
  });

  it('error code "aborted" on POST accounts and on resend: the pop-up stays usable and then completes', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    let hostile = true;
    intercept(el, (url, init) => (hostile && (isPost(url, init, ACCOUNTS) || isPost(url, init, RESEND))
      ? errorResponse(503, { code: 'aborted', message: 'Not now.', field: 'code' }) : null));
    const input = await toCode(el, { username: 'abort_code', email: 'abortc@example.com' });
    const code = await lastCode();
    fill(input, code);
    buttonNamed(modal(el), 'OK').click();
    await until(() => errorsOf(seen).length === 1, 'hik-register-error after OK');
    expect(errorsOf(seen)[0]).to.deep.equal({ code: 'aborted', message: 'Not now.', field: 'code' });
    await until(() => modalText(el).includes('Not now.'), 'the message in the pop-up');
    buttonNamed(modal(el), /^Resend/).click();
    await until(() => errorsOf(seen).length === 2, 'hik-register-error after Resend');
    hostile = false;
    buttonNamed(modal(el), /^Resend/).click();
    await until(() => status(el).startsWith('A new code was sent'), 'the new code announced');
    const done = oneEvent(el, 'hik-register-success');
    fill($(el, 'hik-code-modal input[name=code]'), await lastCode());
    buttonNamed(modal(el), 'OK').click();
    await done;
  });

  it('Resend while the browser is offline: nothing sent, the offline message, once by itself when back online', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    const { calls } = intercept(el, () => null);
    await toCode(el, { username: 'offline_resend', email: 'offres@example.com' });
    let online = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    try {
      const resends = () => calls.filter((c) => c.endsWith('/resend')).length;
      buttonNamed(modal(el), /^Resend/).click();
      await until(() => modalText(el).includes('You are offline.'), 'the offline message in the pop-up');
      buttonNamed(modal(el), /^Resend/).click();
      await new Promise((r) => setTimeout(r, 200));
      expect(resends()).to.equal(0);
      expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['network', 'network']);
      expect(status(el)).to.include('You are offline.');
      online = true;
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await until(() => status(el).startsWith('A new code was sent'), 'the new code announced');
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 200));
      expect(resends()).to.equal(1);
      expect(modalText(el)).to.not.include('You are offline.');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  for (const field of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'prototype']) {
    it(`error field "${field}": no exception, the form-level alert`, async () => {
      const el = await mountRegister();
      const seen = recordEvents(el);
      const rejections: unknown[] = [];
      const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        let hostile = true;
        intercept(el, (url, init) => (hostile && isPost(url, init, SEND)
          ? errorResponse(422, { code: 'invalid_field', message: 'x', field }) : null));
        await fillForm(el, { username: 'proto_user', email: 'proto@example.com' });
        const used = captchaId(el);
        await pressNext(el);
        await until(() => alertText(el), 'the form-level alert');
        expect(alertText(el)).to.equal('The server did not accept the form. Check your details and try again.');
        expect(errorsOf(seen)).to.deep.equal([{ code: 'invalid_field', message: 'x', field }]);
        await new Promise((r) => setTimeout(r, 100));
        expect(rejections.map(String)).to.deep.equal([]);
        hostile = false;
        await until(() => captchaId(el) && captchaId(el) !== used, 'a new challenge');
        await answerCaptcha(el);
        const sent = oneEvent(el, 'hik-code-sent');
        await pressNext(el);
        await sent;
      } finally {
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }

  it('phone_taken while the email way is chosen: the form-level alert, announced', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    intercept(el, (url, init) => (isPost(url, init, SEND)
      ? errorResponse(409, { code: 'phone_taken', message: 'Taken.', field: 'phone' }) : null));
    await fillForm(el, { username: 'phone_hidden', email: 'ph@example.com' });
    await pressNext(el);
    await until(() => errorsOf(seen).length, 'hik-register-error');
    await until(() => alertText(el), 'the form-level alert');
    expect(alertText(el)).to.equal('An account with this mobile phone number already exists.');
    await until(() => status(el) === 'An account with this mobile phone number already exists.', 'announced');
    expect(visibleError(el, 'input[name=email]')).to.equal('');
  });

  it('invalid_field on email while the phone way is chosen: the form-level alert', async () => {
    const el = await mountRegister();
    intercept(el, (url, init) => (isPost(url, init, SEND)
      ? errorResponse(422, { code: 'invalid_field', message: 'x', field: 'email' }) : null));
    await fillForm(el, { username: 'email_hidden', phone: '07400 123456' });
    await pressNext(el);
    await until(() => alertText(el), 'the form-level alert');
    expect(alertText(el)).to.equal('The server did not accept this email address.');
    expect(visibleError(el, 'input[name=phone]')).to.equal('');
  });

  it('from the code pop-up, an error on a form field that the form does not show: the alert stays', async () => {
    const el = await mountRegister();
    intercept(el, (url, init) => (isPost(url, init, ACCOUNTS)
      ? errorResponse(409, { code: 'phone_taken', message: 'Taken.', field: 'phone' }) : null));
    const input = await toCode(el, { username: 'code_hidden', email: 'ch@example.com' });
    fill(input, await lastCode());
    buttonNamed(modal(el), 'OK').click();
    await until(() => !openCodeDialog(el), 'the pop-up closes');
    await until(() => alertText(el), 'the form-level alert');
    expect(alertText(el)).to.equal('An account with this mobile phone number already exists.');
    await new Promise((r) => setTimeout(r, 300));
    expect(alertText(el)).to.equal('An account with this mobile phone number already exists.');
    await until(() => status(el) === 'An account with this mobile phone number already exists.', 'announced');
  });

  it('from the code pop-up, a field error of the form that is shown goes to that field', async () => {
    const el = await mountRegister();
    intercept(el, (url, init) => (isPost(url, init, ACCOUNTS)
      ? errorResponse(409, { code: 'email_taken', message: 'Taken.', field: 'email' }) : null));
    const input = await toCode(el, { username: 'code_shown', email: 'cs@example.com' });
    fill(input, await lastCode());
    buttonNamed(modal(el), 'OK').click();
    await until(() => !openCodeDialog(el), 'the pop-up closes');
    await until(() => visibleError(el, 'input[name=email]'), 'the email error');
    expect(visibleError(el, 'input[name=email]')).to.equal('An account with this email address already exists.');
  });
});

describe('<hik-register> and a hostile captcha server', () => {
  const GOOD = { ...IMAGE, captchaId: 'c_good' };
  const notFound = () => json({ error: { code: 'not_found', message: 'x' } }, 404);

  /** A `<hik-register>` whose GET captcha?kind=image answers `first`, then the good challenge. */
  async function mountCaptcha(first: () => Response | Promise<Response>, attrs: Record<string, string> = {}) {
    let calls = 0;
    const { fn } = fakeFetch((url) => {
      if (!url.includes('kind=image')) return notFound();
      calls += 1;
      return calls === 1 ? first() : json(GOOD);
    });
    sessionStorage.clear();
    const reg = document.createElement('hik-register') as HikRegister;
    for (const [k, v] of Object.entries({ endpoint: '/api/register', ...attrs })) reg.setAttribute(k, v);
    reg.fetch = fn;
    const errors: unknown[] = [];
    reg.addEventListener('hik-register-error', (e) => errors.push(e.detail));
    // Every src any <img> ever had, to prove that no broken picture was handed to the browser.
    const srcs: string[] = [];
    const observer = new MutationObserver(() => {
      for (const img of reg.shadowRoot?.querySelectorAll('img') ?? []) srcs.push(img.getAttribute('src') ?? '');
    });
    const el = await fixture<HikRegister>(reg);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    return { el, errors, srcs, stop: () => observer.disconnect() };
  }

  const captchaText = (el: HikRegister) => $(el, 'hik-captcha').textContent!.replace(/\s+/g, ' ');

  const BROKEN: Record<string, string> = {
    'not base64': 'data:image/png;base64,!!!not-base64!!!',
    'base64 of the wrong length': 'data:image/svg+xml;base64,PHN2Zz4',
    'padding inside': 'data:image/png;base64,AA==AAAA',
    'base64 that is no picture': 'data:image/png;base64,AAAAAAAA',
    'an SVG that is not one': `data:image/svg+xml;base64,${btoa('<html>not an svg</html>')}`,
    'a truncated GIF': 'data:image/gif;base64,R0lGODlh',
  };
  for (const [what, image] of Object.entries(BROKEN)) {
    it(`a picture that cannot be decoded (${what}): bad_response, no broken picture, Refresh brings a new one`, async () => {
      const { el, errors, srcs, stop } = await mountCaptcha(() => json({ ...IMAGE, image }));
      try {
        await until(() => errors.length, 'hik-register-error');
        expect(errors).to.deep.equal([{ code: 'bad_response', message: 'The server sent an answer that could not be understood.' }]);
        await until(() => /could not be loaded/.test(captchaText(el)), 'the captcha says it could not load');
        expect(srcs.filter((s) => s === image), 'the broken picture was given to an <img>').to.deep.equal([]);
        expect(el.shadowRoot!.querySelector('hik-captcha img')).to.equal(null);
        buttonNamed($(el, 'hik-captcha'), 'Refresh').click();
        await until(() => el.shadowRoot!.querySelector('hik-captcha img'), 'the new picture');
        expect(el.shadowRoot!.querySelector('hik-captcha img')!.getAttribute('src')).to.equal(GOOD.image);
        expect(errors).to.have.length(1);
      } finally {
        stop();
      }
    });
  }

  const FAILURES: Record<string, [() => Response | Promise<Response>, Record<string, unknown>]> = {
    '500 with an error body': [() => json({ error: { code: 'server_on_fire', message: 'Down.' } }, 500), { code: 'server_on_fire', message: 'Down.' }],
    '503 with a field': [() => json({ error: { code: 'busy', message: 'Later.', field: 'captcha' } }, 503), { code: 'busy', message: 'Later.', field: 'captcha' }],
    'a network error': [() => Promise.reject(new TypeError('Failed to fetch')), { code: 'network', message: 'The server could not be reached. Check the connection and try again.' }],
    'a timeout': [() => new Promise<Response>(() => undefined), { code: 'timeout', message: 'The server did not answer in time. Try again.' }],
    'a body that is not JSON': [() => new Response('<html>', { headers: { 'Content-Type': 'application/json' } }), { code: 'bad_response', message: 'The server sent an answer that could not be understood.' }],
    'a challenge of the wrong shape': [() => json({ kind: 'image', captchaId: 'c_1' }), { code: 'bad_response', message: 'The server sent an answer that could not be understood.' }],
  };
  for (const [what, [answer, detail]] of Object.entries(FAILURES)) {
    it(`GET captcha failing with ${what}: hik-register-error, the message, and Refresh works`, async () => {
      const { el, errors, stop } = await mountCaptcha(answer, { timeout: '300' });
      stop();
      await until(() => errors.length, 'hik-register-error');
      expect(errors).to.deep.equal([detail]);
      await until(() => /could not be loaded/.test(captchaText(el)), 'the captcha says it could not load');
      buttonNamed($(el, 'hik-captcha'), 'Refresh').click();
      await until(() => el.shadowRoot!.querySelector('hik-captcha img'), 'the new picture');
      expect(errors).to.have.length(1);
    });
  }
});
