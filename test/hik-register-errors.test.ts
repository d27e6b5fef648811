// Errors of the form step (POST /verification-codes, the live user name check),
// against the reference backend over real HTTP, as CONTRACT.md's error table says.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, settle, resetBackend, advanceClock, fillForm, pressNext, outbox, fill, visibleError, answerCaptcha, captchaAnswerFor,
  until, mountRegister, recordEvents, errorsOf, captchaId, alertText, openCodeDialog, registerDirect,
  checkNoSecretsInEvents, expectNoSecrets,
} from './helpers.ts';

const PASSWORD = 'Str0ng!Passw0rd';

/** The text of the element's own live region. */
function status(el: HikRegister): string {
  return [...el.shadowRoot!.children].find((c) => c.getAttribute('role') === 'status')?.textContent?.trim() ?? '';
}

function active(el: HikRegister): Element | null {
  return el.shadowRoot!.activeElement;
}

/** A wrong answer of the right shape for the current challenge. */
async function wrongAnswer(el: HikRegister): Promise<string> {
  const right = await captchaAnswerFor(captchaId(el)!);
  return right.split('').map((c) => (c === 'A' ? 'B' : 'A')).join('');
}

describe('<hik-register> form errors', () => {
  // Every event of the whole file, checked against every secret typed in it.
  checkNoSecretsInEvents();

  beforeEach(async () => {
    await resetBackend({ captchaKinds: ['image'] });
  });

  it('invalid_field: a field the server refuses gets the error and the focus', async () => {
    // The reference backend checks what the client checks; a fetch wrapper (as a
    // signing proxy might) rewrites the email so the real backend answers 422.
    const el = await mountRegister();
    const seen = recordEvents(el);
    el.fetch = (input, init) => {
      if (init?.method === 'POST' && typeof init.body === 'string') {
        init = { ...init, body: JSON.stringify({ ...JSON.parse(init.body), email: 'not an address' }) };
      }
      return window.fetch(input, init);
    };
    await fillForm(el, { username: 'field_user', email: 'field@example.com' });
    const captchaBefore = captchaId(el);
    await pressNext(el);
    await until(() => visibleError(el, 'input[name=email]'), 'email error');
    expect(visibleError(el, 'input[name=email]')).to.equal('The server did not accept this email address.');
    expect($(el, 'input[name=email]').getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el) === $(el, 'input[name=email]'), 'email focused');
    expect(errorsOf(seen)).to.deep.equal([{ code: 'invalid_field', message: 'Invalid value for email.', field: 'email' }]);
    expect(openCodeDialog(el)).to.equal(null);
    await until(() => captchaId(el) !== captchaBefore, 'a new challenge after the refused call');
    await settle(el);
    await expect(el).to.be.accessible();
    expectNoSecrets(seen, [PASSWORD]);
  });

  it('captcha_invalid: error on the captcha, a new challenge, the input cleared and focused', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    await fillForm(el, { username: 'cap_user', email: 'cap@example.com' });
    const wrong = await wrongAnswer(el);
    fill($(el, 'input[name=captcha]'), wrong);
    const first = captchaId(el);
    await pressNext(el);
    await until(() => captchaId(el) && captchaId(el) !== first, 'a new challenge');
    await until(() => visibleError(el, 'input[name=captcha]'), 'captcha error');
    expect(visibleError(el, 'input[name=captcha]')).to.equal('The characters do not match the picture. Try this new one.');
    const input = $(el, 'input[name=captcha]') as HTMLInputElement;
    expect(input.value).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el) === input, 'captcha input focused');
    await until(() => status(el) === 'The characters do not match the picture. Try this new one.', 'announced');
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['captcha_invalid']);
    expect(errorsOf(seen)[0]).to.include({ field: 'captcha' });
    await settle(el);
    await expect(el).to.be.accessible();
    // The new challenge works.
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
    expectNoSecrets(seen, [PASSWORD, wrong]);
  });

  it('captcha_expired: a new challenge is loaded and the message shown', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    await fillForm(el, { username: 'exp_user', email: 'exp@example.com' });
    const answer = ($(el, 'input[name=captcha]') as HTMLInputElement).value;
    await advanceClock(301);
    const first = captchaId(el);
    await pressNext(el);
    await until(() => visibleError(el, 'input[name=captcha]'), 'captcha error');
    expect(visibleError(el, 'input[name=captcha]')).to.equal('The picture expired. Type the characters of this new one.');
    await until(() => captchaId(el) && captchaId(el) !== first, 'a new challenge');
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['captcha_expired']);
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
    expectNoSecrets(seen, [PASSWORD, answer]);
  });

  it('username_taken, email_taken: errors on User Name and Email', async () => {
    // Without the live check, so that the verdict comes from POST /verification-codes.
    await resetBackend({ captchaKinds: ['image'], usernameCheck: false });
    await registerDirect('taken_user', { email: 'taken@example.com' });
    const el = await mountRegister();
    const seen = recordEvents(el);
    await fillForm(el, { username: 'taken_user', email: 'free@example.com' });
    await pressNext(el);
    await until(() => visibleError(el, '#username'), 'user name error');
    expect(visibleError(el, '#username')).to.equal('This user name is already taken. Choose another.');
    expect($(el, '#username').getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el)?.id === 'username', 'user name focused');
    await settle(el);
    await expect(el).to.be.accessible();

    fill($(el, '#username'), 'other_user');
    fill($(el, 'input[name=email]'), 'taken@example.com');
    await until(() => captchaId(el), 'a challenge');
    await answerCaptcha(el);
    await pressNext(el);
    await until(() => visibleError(el, 'input[name=email]'), 'email error');
    expect(visibleError(el, 'input[name=email]')).to.equal('An account with this email address already exists.');
    expect(visibleError(el, '#username')).to.equal('');
    await until(() => active(el) === $(el, 'input[name=email]'), 'email focused');
    expect(errorsOf(seen).map((e) => [e.code, e.field])).to.deep.equal([['username_taken', 'username'], ['email_taken', 'email']]);
    expect(errorsOf(seen).every((e) => typeof e.message === 'string' && e.message.length > 0)).to.equal(true);
    expectNoSecrets(seen, [PASSWORD]);
  });

  it('phone_taken: error on Mobile Phone Number', async () => {
    await registerDirect('phone_owner', { phone: '+447400123456' });
    const el = await mountRegister();
    const seen = recordEvents(el);
    await fillForm(el, { username: 'phone_again', phone: '07400 123456' });
    await pressNext(el);
    await until(() => visibleError(el, 'input[name=phone]'), 'phone error');
    expect(visibleError(el, 'input[name=phone]')).to.equal('An account with this mobile phone number already exists.');
    expect($(el, 'input[name=phone]').getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el) === $(el, 'input[name=phone]'), 'phone focused');
    expect(errorsOf(seen)).to.have.length(1);
    expect(errorsOf(seen)[0]).to.include({ code: 'phone_taken', field: 'phone' });
  });

  it('says "already taken" while the user types a taken name', async () => {
    await registerDirect('live_taken', { email: 'live@example.com' });
    const el = await mountRegister();
    fill($(el, '#username'), 'live_taken');
    await until(() => visibleError(el, '#username'), 'taken while typing');
    expect(visibleError(el, '#username')).to.equal('This user name is already taken. Choose another.');
    fill($(el, '#username'), 'live_free');
    await el.updateComplete;
    expect(visibleError(el, '#username')).to.equal('');
    await new Promise((r) => setTimeout(r, 900));
    expect(visibleError(el, '#username')).to.equal('');
  });

  it('stays silent when the server does not offer the user name check', async () => {
    await resetBackend({ captchaKinds: ['image'], usernameCheck: false });
    await registerDirect('quiet_taken', { email: 'quiet@example.com' });
    const el = await mountRegister();
    const seen = recordEvents(el);
    const asked: string[] = [];
    el.fetch = async (input, init) => {
      const res = await window.fetch(input, init);
      if (String(input).includes('/usernames/')) asked.push(`${res.status}`);
      return res;
    };
    fill($(el, '#username'), 'quiet_taken');
    await until(() => asked.length > 0, 'the check was tried');
    await new Promise((r) => setTimeout(r, 200));
    expect(asked).to.deep.equal(['404']);
    expect(visibleError(el, '#username')).to.equal('');
    expect(alertText(el)).to.equal('');
    expect(errorsOf(seen)).to.have.length(0);
  });

  it('a failed user name check is shown nowhere, and the page hears of it (hik-register-error)', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    el.fetch = async (input, init) => String(input).includes('/usernames/')
      ? new Response(JSON.stringify({ error: { code: 'internal', message: 'The check is down.' } }),
        { status: 500, headers: { 'Content-Type': 'application/json' } })
      : window.fetch(input, init);
    fill($(el, '#username'), 'check_down');
    await until(() => errorsOf(seen).length > 0, 'an error event');
    await new Promise((r) => setTimeout(r, 200));
    expect(errorsOf(seen)).to.deep.equal([{ code: 'internal', message: 'The check is down.' }]);
    expect(visibleError(el, '#username')).to.equal('');
    expect(alertText(el)).to.equal('');
  });

  it('a user name check dropped because the name changed tells the page nothing', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    const asked: string[] = [];
    el.fetch = async (input, init) => {
      const name = decodeURIComponent(String(input).split('/usernames/')[1] ?? '');
      if (name) asked.push(name);
      // The first name's answer comes only after the second name is asked about.
      if (name === 'slow_name') await until(() => asked.includes('next_name'), 'the second check');
      return window.fetch(input, init);
    };
    fill($(el, '#username'), 'slow_name');
    await until(() => asked.includes('slow_name'), 'the first check');
    fill($(el, '#username'), 'next_name');
    await until(() => asked.includes('next_name'), 'the second check');
    await new Promise((r) => setTimeout(r, 300));
    expect(errorsOf(seen)).to.have.length(0);
  });

  it('rate_limited at send: Next disabled with a countdown that runs out', async function () {
    this.timeout(20000);
    await resetBackend({ captchaKinds: ['image'], rateLimits: { sendPerAddress: { max: 1, window: 3 } } });
    const el = await mountRegister();
    const seen = recordEvents(el);
    await fillForm(el, { username: 'rate_user', email: 'rate@example.com' });
    // The first call (a wrong answer) uses up the one allowed.
    fill($(el, 'input[name=captcha]'), await wrongAnswer(el));
    const first = captchaId(el);
    await pressNext(el);
    await until(() => captchaId(el) && captchaId(el) !== first, 'a new challenge');
    await answerCaptcha(el);
    await pressNext(el);
    const next = $(el, 'button[type=submit]') as HTMLButtonElement;
    await until(() => next.getAttribute('aria-disabled') === 'true' && /Next is available again in [1-3] seconds?\./.test(el.shadowRoot!.textContent!), 'countdown under Next');
    expect(alertText(el)).to.match(/^Too many attempts\. Please wait a moment, then try again\. Try again in [1-3] seconds?\.$/);
    await until(() => status(el) === 'Too many attempts. Please wait a moment, then try again.', 'announced');
    const rate = errorsOf(seen).find((e) => e.code === 'rate_limited');
    expect(rate).to.exist;
    const shown = (t: string) => Number(/available again in (\d+)/.exec(t)?.[1]);
    const before = shown(el.shadowRoot!.textContent!);
    await settle(el);
    await expect(el).to.be.accessible();
    await until(() => shown(el.shadowRoot!.textContent!) < before, 'the countdown ticks', 2500);
    await until(() => next.getAttribute('aria-disabled') === 'false', 'Next enabled again', 4000);
    expect(el.shadowRoot!.textContent).to.not.match(/available again in/);
    await advanceClock(4);
    await until(() => captchaId(el), 'a challenge');
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
  });

  it('shows an unknown code\'s server message as plain text', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    // The reference backend only answers known codes: a fetch wrapper plays a newer server.
    const message = 'Signup is <b>closed</b> today.';
    el.fetch = (input, init) => init?.method === 'POST'
      ? Promise.resolve(new Response(JSON.stringify({ error: { code: 'dealer_closed', message } }), {
        status: 403, headers: { 'Content-Type': 'application/json' },
      }))
      : window.fetch(input, init);
    await fillForm(el, { username: 'unknown_code', email: 'unknown@example.com' });
    await pressNext(el);
    await until(() => alertText(el), 'alert shown');
    expect(alertText(el)).to.equal(message);
    expect(el.shadowRoot!.querySelector('form > [role=alert] b')).to.equal(null);
    expect(errorsOf(seen)).to.deep.equal([{ code: 'dealer_closed', message }]);
    expect(await outbox()).to.have.length(0);
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
