// Answers of a server nobody here wrote (issue 12): error codes that look like the
// widget's own states, fields named after built-in properties, fields that are not
// on screen. Through the `fetch` property, the real backend answering the rest.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, resetBackend, fillForm, pressNext, codeInput, lastCode, fill, buttonNamed, answerCaptcha,
  until, mountRegister, recordEvents, errorsOf, alertText, openCodeDialog, visibleError,
} from './helpers.ts';

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
  // Each test goes through the whole form (country pop-up included) at least once.
  this.timeout(20000);

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
    await pressNext(el);
    await until(() => errorsOf(seen).length, 'hik-register-error');
    expect(errorsOf(seen)).to.deep.equal([{ code: 'aborted', message: 'Stop right there.' }]);
    await until(() => alertText(el).includes('Stop right there.'), 'the server\'s words in the alert');
    expect($(el, 'button[type=submit]').getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.textContent).to.not.include('Sending…');
    hostile = false;
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
    await until(async () => (await lastCode()) !== code, 'a new code');
    const done = oneEvent(el, 'hik-register-success');
    fill($(el, 'hik-code-modal input[name=code]'), await lastCode());
    buttonNamed(modal(el), 'OK').click();
    await done;
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
        await pressNext(el);
        await until(() => alertText(el), 'the form-level alert');
        expect(alertText(el)).to.equal('The server did not accept the form. Check your details and try again.');
        expect(errorsOf(seen)).to.deep.equal([{ code: 'invalid_field', message: 'x', field }]);
        await new Promise((r) => setTimeout(r, 100));
        expect(rejections.map(String)).to.deep.equal([]);
        hostile = false;
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
