import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import { IMAGE, POW, fakeFetch, json } from './client-fakes.ts';
import { $, resetBackend, fillForm, finish, pressNext, visibleError, settle } from './helpers.ts';

/** The captcha modes of `<hik-register>`: pow, a third-party widget in the slot, and none. */
async function mount(captcha: string, slotted = false): Promise<HikRegister> {
  sessionStorage.clear();
  const reg = document.createElement('hik-register') as HikRegister;
  reg.setAttribute('endpoint', '/api/register');
  reg.setAttribute('captcha', captcha);
  if (slotted) {
    const widget = document.createElement('div');
    widget.slot = 'captcha';
    widget.textContent = 'Third-party check';
    reg.append(widget);
  }
  return fixture<HikRegister>(reg);
}

describe('<hik-register> captcha modes', () => {
  it('registers with the proof-of-work captcha, solved by the browser', async function () {
    this.timeout(20000);
    await resetBackend({ captchaKinds: ['image', 'pow'] });
    const el = await mount('pow');
    await waitUntil(() => el.shadowRoot!.querySelector('hik-captcha progress'), 'pow progress shown', { timeout: 5000 });
    await fillForm(el, { username: 'pow_user', email: 'pow@example.com', captcha: false });
    await waitUntil(() => (el.shadowRoot!.querySelector('hik-captcha') as HTMLElement & { solved: boolean }).solved,
      'pow solved', { timeout: 8000 });
    await settle(el);
    await expect(el).to.be.accessible();
    const { detail } = await finish(el);
    expect(detail.username).to.equal('pow_user');
  });

  it('falls back to the image captcha when the server offers no proof of work', async () => {
    await resetBackend({ captchaKinds: ['image'] });
    const el = await mount('pow');
    await waitUntil(() => el.shadowRoot!.querySelector('hik-captcha img'), 'image challenge shown', { timeout: 5000 });
    // The place kept for the choice goes once the server has answered for both kinds.
    await waitUntil(() => !el.shadowRoot!.querySelector('hik-captcha .hik-captcha__choice'), 'no choice left');
    expect(el.shadowRoot!.querySelector('hik-captcha')!.textContent).to.not.match(/without typing/i);
  });

  it('sends the token of a third-party widget in the captcha slot', async function () {
    this.timeout(20000);
    await resetBackend({ validTokens: ['tok-123'] });
    const el = await mount('slot', true);
    const slot = el.shadowRoot!.querySelector('slot[name=captcha]') as HTMLSlotElement;
    expect(slot.assignedElements()[0].textContent).to.equal('Third-party check');
    expect(el.shadowRoot!.querySelector('hik-captcha')).to.equal(null);
    await fillForm(el, { username: 'slot_user', email: 'slot@example.com', captcha: false });
    // Without a token Next says what is missing and sends nothing.
    await pressNext(el);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Complete the verification'), 'token missing message');
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status][aria-live]')!.textContent!.includes('attention'),
      'the failed Next is announced');
    el.captchaToken = { provider: 'turnstile', token: 'tok-123' };
    const { detail } = await finish(el);
    expect(detail.username).to.equal('slot_user');
  });

  it('shows no captcha with captcha="none" and registers with a server that needs none', async () => {
    await resetBackend({ requireCaptcha: false });
    const el = await mount('none');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('hik-captcha, slot[name=captcha]')).to.equal(null);
    await fillForm(el, { username: 'nocap_user', email: 'nocap@example.com', captcha: false });
    const { detail } = await finish(el);
    expect(detail.username).to.equal('nocap_user');
  });

  it('shows the server refusal when captcha="none" meets a server that needs one', async () => {
    await resetBackend({});
    const el = await mount('none');
    const errors: string[] = [];
    el.addEventListener('hik-register-error', (e) => errors.push(e.detail.code));
    await fillForm(el, { username: 'nocap_two', email: 'nocap2@example.com', captcha: false });
    await pressNext(el);
    await waitUntil(() => errors.length > 0, 'an error event');
    expect(errors).to.deep.equal(['invalid_field']);
    // There is no captcha field to show it by: it is said for the whole form.
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'a form-level alert');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/did not accept/);
    expect(visibleError(el, '#username')).to.equal('');
  });

  describe('nothing below the captcha moves when the server says what it offers', () => {
    // The server's answers wait until the test lets them through.
    async function mountGated(offers: { pow: boolean }) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      const { fn } = fakeFetch(async (url) => {
        await gate;
        if (url.includes('kind=pow')) return offers.pow ? json(POW) : json({ error: { code: 'not_found', message: 'x' } }, 404);
        if (url.includes('/captcha')) return json(IMAGE);
        return json({ error: { code: 'not_found', message: 'x' } }, 404);
      });
      sessionStorage.clear();
      const reg = document.createElement('hik-register') as HikRegister;
      reg.setAttribute('endpoint', '/api/register');
      reg.fetch = fn;
      const el = await fixture<HikRegister>(reg);
      const next = () => $(el, '[part=submit]').getBoundingClientRect().top;
      return { el, release, next };
    }

    it('both kinds offered: the choice appears in the place kept for it', async () => {
      const { el, release, next } = await mountGated({ pow: true });
      await el.updateComplete;
      const before = next();
      const captcha = $(el, 'hik-captcha');
      expect(captcha.querySelector('input[type=checkbox]'), 'the kept place holds no control yet')
        .to.satisfy((box: Element | null) => !box || box.closest('[inert]') !== null);
      release();
      await waitUntil(() => captcha.querySelector('img'), 'the picture arrives');
      await waitUntil(() => !captcha.querySelector('[inert]'), 'the choice is shown');
      await el.updateComplete;
      expect(captcha.textContent).to.match(/without typing/i);
      expect(next(), 'Next moved').to.equal(before);
    });

    it('only the image offered: the kept place goes', async () => {
      const { el, release } = await mountGated({ pow: false });
      release();
      const captcha = $(el, 'hik-captcha');
      await waitUntil(() => captcha.querySelector('img'), 'the picture arrives');
      await waitUntil(() => !captcha.querySelector('.hik-captcha__choice'), 'no choice left');
      await expect(el).to.be.accessible();
    });
  });
});
