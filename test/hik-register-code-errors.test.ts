// Errors of the code step (POST /accounts, resend) and a reload while the code
// pop-up is open, against the reference backend over real HTTP (CONTRACT.md).
import { expect, oneEvent } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, settle, resetBackend, advanceClock, fillForm, pressNext, codeInput, lastCode, outbox, fill, visibleError,
  buttonNamed, answerCaptcha, until, mountRegister, recordEvents, errorsOf, captchaId, alertText, openCodeDialog,
  checkNoSecretsInEvents, expectNoSecrets,
} from './helpers.ts';

const PASSWORD = 'Str0ng!Passw0rd';

const modal = (el: HikRegister) => $(el, 'hik-code-modal');
const modalText = (el: HikRegister) => modal(el).textContent!.replace(/\s+/g, ' ');
const wrongCode = (code: string) => code.split('').map((d) => String((Number(d) + 1) % 10)).join('');

/** Fills the form, presses Next and waits for the code pop-up. */
async function toCode(el: HikRegister, values: Parameters<typeof fillForm>[1] = {}): Promise<HTMLInputElement> {
  await fillForm(el, values);
  const sent = oneEvent(el, 'hik-code-sent');
  await pressNext(el);
  await sent;
  return codeInput(el);
}

async function submitCode(el: HikRegister, code: string): Promise<void> {
  fill($(el, 'hik-code-modal input[name=code]'), code);
  buttonNamed(modal(el), 'OK').click();
  await el.updateComplete;
}

describe('<hik-register> code errors', () => {
  // Every event of the whole file, checked against every secret typed in it.
  checkNoSecretsInEvents();

  beforeEach(async () => {
    await resetBackend({ captchaKinds: ['image'], resendAfter: 0 });
  });

  it('code_invalid: the error and the attempts left in the pop-up', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    await toCode(el, { username: 'wrong_code', email: 'wrong@example.com' });
    const code = await lastCode();
    await submitCode(el, wrongCode(code));
    await until(() => /2 attempts left/.test(modalText(el)), 'attempts left shown');
    expect(modalText(el)).to.include('That code is not correct.');
    const input = $(el, 'hik-code-modal input[name=code]');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(openCodeDialog(el)).to.not.equal(null);
    expect(errorsOf(seen)).to.deep.equal([{ code: 'code_invalid', message: 'The verification code is not correct.', field: 'code' }]);
    await settle(el);
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, code);
    await done;
    expectNoSecrets(seen, [PASSWORD, code, wrongCode(code)]);
  });

  it('code_expired: the pop-up offers Resend, and the new code registers', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    await toCode(el, { username: 'late_code', email: 'late@example.com' });
    const old = await lastCode();
    await advanceClock(601);
    await submitCode(el, old);
    await until(() => /This code has expired\. Send a new one\./.test(modalText(el)), 'expired message');
    expect(openCodeDialog(el)).to.not.equal(null);
    const resend = buttonNamed(modal(el), /^Resend/);
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['code_expired']);
    await settle(el);
    await expect(el).to.be.accessible();
    resend.click();
    await until(async () => (await outbox()).length === 2, 'a new code sent');
    const fresh = await lastCode();
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, fresh);
    expect((await done).detail).to.include({ username: 'late_code' });
    expectNoSecrets(seen, [PASSWORD, old, fresh]);
  });

  it('rate_limited on Resend: Resend waits with a countdown', async function () {
    this.timeout(20000);
    await resetBackend({ captchaKinds: ['image'], resendAfter: 0, rateLimits: { destination: { max: 1, window: 3 } } });
    const el = await mountRegister();
    const seen = recordEvents(el);
    await toCode(el, { username: 'resend_rate', email: 'resend@example.com' });
    const resend = buttonNamed(modal(el), /^Resend/);
    resend.click();
    await until(() => /^Resend code in [1-3] seconds?$/.test(resend.textContent!.trim()), 'countdown on Resend');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(modalText(el)).to.include('Too many attempts. Please wait a moment, then try again.');
    expect(errorsOf(seen)[0]).to.include({ code: 'rate_limited' });
    await until(() => resend.textContent!.trim() === 'Resend code', 'Resend available again', 4500);
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    await advanceClock(4);
    resend.click();
    await until(async () => (await outbox()).length === 2, 'a new code sent');
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, await lastCode());
    await done;
  });

  it('rate_limited on OK: OK waits with a countdown, then the same code registers', async function () {
    this.timeout(20000);
    await resetBackend({ captchaKinds: ['image'] });
    const el = await mountRegister();
    const seen = recordEvents(el);
    // The reference backend limits code requests, not account creation: a server
    // that limits OK is played by answering the first POST /accounts with a 429.
    let limited = false;
    el.fetch = (input, init) => {
      if (!limited && String(input).endsWith('/accounts')) {
        limited = true;
        return Promise.resolve(new Response(
          JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.', retryAfter: 2 } }),
          { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '2' } },
        ));
      }
      return window.fetch(input, init);
    };
    await toCode(el, { username: 'ok_rate', email: 'okrate@example.com' });
    const code = await lastCode();
    await submitCode(el, code);
    const ok = buttonNamed(modal(el), 'OK');
    await until(() => ok.getAttribute('aria-disabled') === 'true' && /Try again in [12] seconds?\./.test(modalText(el)), 'OK waits with a countdown');
    expect(errorsOf(seen)[0]).to.include({ code: 'rate_limited' });
    // A press during the wait sends nothing.
    fill($(el, 'hik-code-modal input[name=code]'), code);
    ok.click();
    await until(() => ok.getAttribute('aria-disabled') === 'false', 'OK available again', 4000);
    expect(modalText(el)).to.not.match(/Try again in/);
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, code);
    expect((await done).detail.username).to.equal('ok_rate');
  });

  it('too_many_attempts: the pop-up closes; Next needs a new captcha and sends a new code', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    await toCode(el, { username: 'three_wrong', email: 'three@example.com' });
    const code = await lastCode();
    for (const left of ['2 attempts left', '1 attempt left']) {
      await submitCode(el, wrongCode(code));
      await until(() => modalText(el).includes(left), left);
    }
    await submitCode(el, wrongCode(code));
    await until(() => !openCodeDialog(el), 'pop-up closed');
    await until(() => alertText(el), 'message on the form');
    expect(alertText(el)).to.equal('Too many wrong codes. Press Next to get a new code.');
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['code_invalid', 'code_invalid', 'too_many_attempts']);
    await settle(el);
    await expect(el).to.be.accessible();
    // Next again: the captcha must be answered anew (the last one was used).
    await pressNext(el);
    await until(() => visibleError(el, 'input[name=captcha]'), 'captcha asked for');
    expect(await outbox()).to.have.length(1);
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
    const messages = await outbox();
    expect(messages).to.have.length(2);
    expect(messages[0].requestId).to.not.equal(messages[1].requestId);
    await codeInput(el);
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, await lastCode());
    await done;
    expectNoSecrets(seen, [PASSWORD, code, wrongCode(code)]);
  });

  it('request_expired: back to the form with a new captcha and a message', async () => {
    await resetBackend({ captchaKinds: ['image'], resendAfter: 0, requestExpiresIn: 120 });
    const el = await mountRegister();
    const seen = recordEvents(el);
    await toCode(el, { username: 'old_request', email: 'old@example.com' });
    const before = captchaId(el);
    await advanceClock(121);
    buttonNamed(modal(el), /^Resend/).click();
    await until(() => !openCodeDialog(el), 'pop-up closed');
    await until(() => alertText(el), 'message on the form');
    expect(alertText(el)).to.equal('This request has expired. Check your details and press Next again.');
    await until(() => captchaId(el) && captchaId(el) !== before, 'a new captcha');
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['request_expired']);
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
    expect(await outbox()).to.have.length(2);
  });

  it('password_weak: error on Password; after the fix Next reopens the pop-up for the same code', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    const weak = 'Password123!';
    await toCode(el, { username: 'weak_pass', email: 'weak@example.com', password: weak });
    const code = await lastCode();
    await submitCode(el, code);
    await until(() => !openCodeDialog(el), 'pop-up closed');
    await until(() => visibleError(el, '#password'), 'password error');
    expect(visibleError(el, '#password')).to.equal('This password is too easy to guess. Choose a stronger one.');
    expect($(el, '#password').getAttribute('aria-invalid')).to.equal('true');
    await until(() => el.shadowRoot!.activeElement?.id === 'password', 'password focused');
    expect(errorsOf(seen)).to.have.length(1);
    expect(errorsOf(seen)[0]).to.include({ code: 'password_weak', field: 'password' });
    await settle(el);
    await expect(el).to.be.accessible();
    fill($(el, '#password'), PASSWORD);
    fill($(el, '#confirm'), PASSWORD);
    await pressNext(el);
    await codeInput(el);
    expect(await outbox(), 'no new code').to.have.length(1);
    expect(seen.filter((s) => s.type === 'hik-code-sent')).to.have.length(1);
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, code);
    expect((await done).detail).to.include({ username: 'weak_pass' });
    expectNoSecrets(seen, [PASSWORD, weak, code]);
  });

  it('reopens the pop-up for the same request after a reload; nothing stays stored after success', async () => {
    const first = await mountRegister();
    await toCode(first, { username: 'reload_user', email: 'reload@example.com' });
    const code = await lastCode();
    first.remove();
    const el = await mountRegister({}, { keepStorage: true });
    const seen = recordEvents(el);
    await codeInput(el);
    expect(modalText(el)).to.include('r***@example.com');
    // The password was never stored: the widget asks for it again, keeping the request.
    await submitCode(el, code);
    await until(() => visibleError(el, '#password'), 'password asked for');
    expect(visibleError(el, '#password')).to.equal('Enter your password again, then press Next.');
    expect(openCodeDialog(el)).to.equal(null);
    await until(() => el.shadowRoot!.activeElement?.id === 'password', 'password focused');
    fill($(el, '#password'), PASSWORD);
    fill($(el, '#confirm'), PASSWORD);
    await pressNext(el);
    await codeInput(el);
    expect(await outbox()).to.have.length(1);
    const done = oneEvent(el, 'hik-register-success');
    await submitCode(el, code);
    await done;
    expect(sessionStorage.length).to.equal(0);
    expectNoSecrets(seen, [PASSWORD, code]);
  });
});
