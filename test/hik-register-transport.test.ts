// Client-side failures (network, timeout, bad_response) with their "Try again", and
// invalid attributes, against the reference backend over real HTTP.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, settle, resetBackend, delayBackend, fillForm, pressNext, visibleError, buttonNamed, answerCaptcha,
  until, mountRegister, recordEvents, errorsOf, captchaId, alertText,
  checkNoSecretsInEvents, expectNoSecrets,
} from './helpers.ts';

const PASSWORD = 'Str0ng!Passw0rd';

function tryAgain(el: HikRegister): HTMLButtonElement {
  return buttonNamed($(el, 'form > [role=alert]'), 'Try again');
}

/** Counts the send-code requests the element makes, passing them on to `inner`. */
function countSends(el: HikRegister, inner: typeof fetch): { sends: number } {
  const counter = { sends: 0 };
  el.fetch = (input, init) => {
    if (init?.method === 'POST' && String(input).endsWith('/verification-codes')) counter.sends += 1;
    return inner(input, init);
  };
  return counter;
}

describe('<hik-register> transport errors', () => {
  // Every event of the whole file, checked against every secret typed in it.
  checkNoSecretsInEvents();

  beforeEach(async () => {
    await resetBackend({ captchaKinds: ['image'] });
  });
  afterEach(async () => {
    await delayBackend(0);
  });

  it('network: a clear message and Try again, which asks for the new captcha and then succeeds', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    let offline = true;
    const counter = countSends(el, (input, init) => offline && init?.method === 'POST'
      ? Promise.reject(new TypeError('Failed to fetch'))
      : window.fetch(input, init));
    await fillForm(el, { username: 'net_user', email: 'net@example.com' });
    const answer = ($(el, 'input[name=captcha]') as HTMLInputElement).value;
    const before = captchaId(el);
    await pressNext(el);
    await until(() => alertText(el), 'alert');
    expect(alertText(el)).to.match(/^Could not reach the server\. Check your connection and try again\./);
    expect(errorsOf(seen)).to.have.length(1);
    expect(errorsOf(seen)[0]).to.include({ code: 'network' });
    expect(errorsOf(seen)[0].message).to.be.a('string').and.not.empty;
    await until(() => captchaId(el) && captchaId(el) !== before, 'a new challenge');
    await settle(el);
    await expect(el).to.be.accessible();
    offline = false;
    // The picture is new, so Try again first asks for its characters instead of sending none.
    tryAgain(el).click();
    await until(() => visibleError(el, 'input[name=captcha]'), 'captcha asked for');
    expect(visibleError(el, 'input[name=captcha]')).to.equal('Type the characters shown in the picture.');
    await until(() => el.shadowRoot!.activeElement === $(el, 'input[name=captcha]'), 'captcha focused');
    expect(counter.sends).to.equal(1);
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
    expect(counter.sends).to.equal(2);
    expectNoSecrets(seen, [PASSWORD, answer]);
  });

  it('timeout: a clear message and Try again, which then succeeds', async function () {
    this.timeout(15000);
    const el = await mountRegister({ timeout: '500' });
    const seen = recordEvents(el);
    let checked = false;
    el.fetch = async (input, init) => {
      const res = await window.fetch(input, init);
      if (String(input).includes('/usernames/')) checked = true;
      return res;
    };
    await fillForm(el, { username: 'slow_user', email: 'slow@example.com' });
    // The live user name check is answered before the server slows down (else it times out too).
    await until(() => checked, 'the user name check');
    await delayBackend(1000);
    await pressNext(el);
    await until(() => alertText(el), 'alert');
    expect(alertText(el)).to.match(/^The server took too long to answer\. Try again\./);
    expect(errorsOf(seen)[0]).to.include({ code: 'timeout' });
    // The new challenge timed out too; once the server is quick again, Refresh brings one.
    await until(() => /could not be loaded/.test($(el, 'hik-captcha').textContent!), 'captcha load error');
    await delayBackend(0);
    const stale = captchaId(el);
    buttonNamed(el.shadowRoot!, 'Refresh').click();
    await until(() => captchaId(el) && captchaId(el) !== stale, 'a new challenge');
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    tryAgain(el).click();
    await sent;
    expect(alertText(el)).to.equal('');
    // The code request's, then the new challenge's (every error of a request is dispatched).
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['timeout', 'timeout']);
  });

  it('bad_response: an HTML page instead of JSON gives a clear message and Try again, which then succeeds', async () => {
    const el = await mountRegister();
    const seen = recordEvents(el);
    let broken = true;
    countSends(el, async (input, init) => {
      const res = await window.fetch(input, init);
      if (!broken || init?.method !== 'POST') return res;
      broken = false;
      return new Response('<!doctype html><title>502</title><h1>Bad Gateway</h1>', {
        status: 502, headers: { 'Content-Type': 'text/html' },
      });
    });
    await fillForm(el, { username: 'html_user', email: 'html@example.com' });
    const before = captchaId(el);
    await pressNext(el);
    await until(() => alertText(el), 'alert');
    expect(alertText(el)).to.match(/^The server sent an answer we could not read\. Try again later\./);
    expect(el.shadowRoot!.textContent).to.not.include('Bad Gateway');
    expect(errorsOf(seen)[0]).to.include({ code: 'bad_response' });
    await until(() => captchaId(el) && captchaId(el) !== before, 'a new challenge');
    await settle(el);
    await expect(el).to.be.accessible();
    await answerCaptcha(el);
    const sent = oneEvent(el, 'hik-code-sent');
    tryAgain(el).click();
    await sent;
    expect(errorsOf(seen).map((e) => e.code)).to.deep.equal(['bad_response']);
    expectNoSecrets(seen, [PASSWORD]);
  });

  it('falls back to defaults on invalid attributes with one warning each, and still works', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); };
    let el: HikRegister;
    try {
      el = await mountRegister({ country: 'ZZ', channels: 'fax', timeout: 'abc', captcha: 'x' });
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    for (const attr of ['country', 'channels', 'timeout', 'captcha']) {
      expect(warnings.filter((w) => w.includes(`invalid ${attr}=`)), attr).to.have.length(1);
    }
    expect(warnings).to.have.length(4);
    // Defaults: no country chosen, both ways offered, the image captcha, a 15 s timeout.
    expect($(el, '#country-button').textContent).to.include('Select your country or region');
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('hik-captcha img')).to.not.equal(null);
    await fillForm(el, { username: 'attr_user', email: 'attr@example.com' });
    await delayBackend(800);
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    await sent;
  });
});
