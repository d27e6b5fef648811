// Defects the fuzz test (test/fuzz.test.ts) found beyond those issue 12 names, each
// pinned by the smallest answer that showed it.
import { expect } from '@open-wc/testing';
import type { HikRegister } from '../src/hik-register.ts';
import { buttonNamed } from './dom.ts';
import { VALID, preparePow, type Reply } from './fuzz-replies.ts';
import { FakeServer, fillForm, mount, nextButton, settle, until, visibleErrors } from './fuzz-harness.ts';

const json = (body: unknown, status: number): Reply =>
  ({ kind: 'http', status, type: 'application/json', headers: [], payload: { json: body }, delivery: 'response', length: 'none' });

describe('fuzz regressions', () => {
  before(() => preparePow());

  it('a proof-of-work challenge that fails to load offers Try again, not an endless "Checking"', async () => {
    // Found as: GET captcha?kind=pow answered 400 { error: { code: "invalid_field", … } }.
    const server = new FakeServer();
    server.offers = { image: false, pow: true };
    server.arm('pow', json({ error: { code: 'unavailable', message: 'Try later.' } }, 503));
    const el: HikRegister = await mount(server, { captcha: 'pow' });
    const captcha = el.shadowRoot!.querySelector('hik-captcha')!;
    expect(!!captcha.querySelector('[aria-busy=true]'), 'still "checking" with nothing in flight').to.equal(false);
    expect(captcha.textContent).to.not.include('Checking your browser');
    const retry = buttonNamed(captcha, 'Try again');
    retry.click();
    await until(() => /Verified/.test(captcha.textContent ?? ''), 'the new challenge is solved');
    await settle(el, server);
    expect((captcha as HTMLElement & { challenge: { captchaId: string } | null }).challenge?.captchaId).to.equal(VALID.pow.captchaId);
    el.remove();
  });

  for (const message of [' ', '\u200b', '\u0000\u202e\n']) {
    it(`an unknown error code whose message shows nothing (${JSON.stringify(message)}) gets the widget's own words`, async () => {
      // Found as: POST verification-codes 400 { error: { code: "__proto__", message: " " } }: an empty alert.
      const server = new FakeServer();
      const el = await mount(server);
      await fillForm(el);
      server.arm('send', json({ error: { code: 'dealer_closed', message } }, 403));
      nextButton(el).click();
      await until(() => server.served('send'), 'sent');
      await settle(el, server);
      expect(visibleErrors(el)).to.deep.equal(['Something went wrong. Try again.']);
      el.remove();
    });
  }
});
