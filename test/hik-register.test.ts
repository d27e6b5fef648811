import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import {
  $, settle, resetBackend, fillForm, pressNext, codeInput, lastCode, outbox, fill, findAx, visibleError, buttonNamed,
  mountRegister, recordEvents,
} from './helpers.ts';

const ENDPOINT = '/api/register';

describe('<hik-register>', () => {
  beforeEach(async () => {
    await resetBackend({ captchaKinds: ['image'] });
  });

  it('is accessible and names every control as ELEMENT.md says', async () => {
    const el = await mountRegister();
    await expect(el).to.be.accessible();
    expect(await findAx('textbox', 'User Name')).to.exist;
    expect(await findAx('textbox', 'Password')).to.exist;
    expect(await findAx('textbox', 'Confirm Password')).to.exist;
    const reveal = await findAx('button', 'Show password');
    expect(reveal).to.exist;
    expect(await findAx('button', /^Country/)).to.exist;
    expect(await findAx('radio', 'Register by Email Address')).to.exist;
    expect(await findAx('radio', 'Register by Mobile Phone Number')).to.exist;
    expect(await findAx('textbox', 'Email')).to.exist;
    expect(await findAx('button', 'Refresh')).to.exist;
    expect(await findAx('textbox', 'Verification Code')).to.exist;
    expect(await findAx('checkbox', /Terms of Service/)).to.exist;
    expect(await findAx('button', 'Next')).to.exist;
    const img = el.shadowRoot!.querySelector('hik-captcha img')!;
    expect(img.getAttribute('alt')).to.match(/\w{4,}/);
  });

  it('gives every input a name and an autocomplete token, inside one form', async () => {
    const el = await mountRegister();
    const form = $(el, 'form') as HTMLFormElement;
    const inputs = [...el.shadowRoot!.querySelectorAll('input')];
    for (const input of inputs) {
      expect(input.getAttribute('autocomplete'), input.name || input.id).to.be.a('string').and.not.empty;
      expect(input.form === form, `${input.name} is in the form`).to.equal(true);
    }
    expect(($(el, '#username') as HTMLInputElement).autocomplete).to.equal('username');
    expect(($(el, '#password') as HTMLInputElement).autocomplete).to.equal('new-password');
    expect(($(el, 'input[name=email]') as HTMLInputElement).autocomplete).to.equal('email');
  });

  it('gives focus back to the Country button already naming the chosen country', async () => {
    const el = await mountRegister();
    const button = $(el, '#country-button');
    // What a screen reader reads when focus comes back: the button's text at that moment.
    const readOnFocus: string[] = [];
    button.addEventListener('focus', () => readOnFocus.push(button.textContent!.replace(/\s+/g, ' ').trim()));
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'hik-country-dialog');
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'country dialog opens', { timeout: 5000 });
    await sendKeys({ type: 'United Kingdom' });
    await waitUntil(() => dialog.shadowRoot!.querySelector('[role=option]')?.textContent?.includes('United Kingdom'), 'United Kingdom listed');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog.confirm[open]'), 'confirmation opens');
    await sendKeys({ press: 'Enter' }); // OK has the focus
    await waitUntil(() => !dialog.shadowRoot!.querySelector('dialog[open]'), 'the pop-up closes');
    await waitUntil(() => readOnFocus.length > 1, 'focus back on the Country button');
    expect(el.shadowRoot!.activeElement?.id).to.equal('country-button');
    expect(readOnFocus.at(-1)).to.include('United Kingdom');
  });

  it('toggles Show password with aria-pressed', async () => {
    const el = await mountRegister();
    const reveal = buttonNamed(el.shadowRoot!, 'Show password');
    expect(reveal.getAttribute('aria-pressed')).to.equal('false');
    reveal.click();
    await el.updateComplete;
    expect(reveal.getAttribute('aria-pressed')).to.equal('true');
    expect(($(el, '#password') as HTMLInputElement).type).to.equal('text');
  });

  it('shows an error by every empty field after Next, focuses the first, and sends nothing', async () => {
    const el = await mountRegister();
    const events = recordEvents(el);
    await pressNext(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#username[aria-invalid=true]'), 'user name marked invalid');
    expect(visibleError(el, '#username')).to.equal('Enter a user name.');
    expect(visibleError(el, '#password')).to.equal('Enter a password.');
    expect(visibleError(el, '#country-button')).to.equal('Select your country or region.');
    expect(visibleError(el, 'input[name=captcha]')).to.match(/characters/);
    expect(visibleError(el, '#terms')).to.match(/Terms of Service/);
    expect(visibleError(el, 'input[name=email]')).to.not.equal('');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'username', 'focus on the first invalid field');
    expect(events.filter((e) => e.type === 'hik-code-sent' || e.type === 'hik-register-error')).to.have.length(0);
    expect(await outbox()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks rules live: user name pattern, password equal to the user name, confirm mismatch', async () => {
    const el = await mountRegister();
    fill($(el, '#username'), '1dealer');
    $(el, '#username').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(visibleError(el, '#username')).to.equal('Start the user name with a letter.');
    fill($(el, '#username'), 'dealer_01');
    fill($(el, '#password'), 'Dealer_01');
    $(el, '#password').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(visibleError(el, '#password')).to.match(/same as the user name/);
    fill($(el, '#password'), 'Str0ng!Passw0rd');
    fill($(el, '#confirm'), 'Str0ng!Passw0rX');
    $(el, '#confirm').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(visibleError(el, '#confirm')).to.equal('The passwords do not match.');
  });

  it('registers by email end to end, with the code from the outbox', async () => {
    const el = await mountRegister();
    const events = recordEvents(el);
    await fillForm(el, { username: 'ann_smith', email: 'ann@example.com' });
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    const { detail } = await sent;
    expect(detail.channel).to.equal('email');
    expect(detail.destination).to.match(/\*/);
    const input = await codeInput(el);
    await expect(el).to.be.accessible();
    fill(input, await lastCode());
    const done = oneEvent(el, 'hik-register-success');
    buttonNamed($(el, 'hik-code-modal'), 'OK').click();
    const success = await done;
    expect(success.detail).to.include({ username: 'ann_smith', country: 'GB', channel: 'email' });
    expect(success.detail.session?.token).to.be.a('string');
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.success[open]'), 'success pop-up');
    await settle(el);
    expect(el.shadowRoot!.querySelector('dialog.success')!.textContent).to.match(/Registration complete/);
    await expect(el).to.be.accessible();
    expect(events.filter((e) => e.type === 'hik-step-change').map((e) => (e.detail as { step: string }).step))
      .to.deep.equal(['code', 'done']);
    const all = JSON.stringify(events);
    expect(all).to.not.include('Str0ng!Passw0rd');
    expect(sessionStorage.length).to.equal(0);
  });

  it('registers by mobile phone end to end, sending E.164', async () => {
    const el = await mountRegister();
    await fillForm(el, { username: 'bob_phone', phone: '07400 123456' });
    expect(el.shadowRoot!.querySelector('hik-contact-toggle')!.textContent).to.include('+44');
    const sent = oneEvent(el, 'hik-code-sent');
    await pressNext(el);
    expect((await sent).detail.channel).to.equal('sms');
    const messages = await outbox();
    expect(messages[0].to).to.equal('+447400123456');
    fill(await codeInput(el), await lastCode());
    const done = oneEvent(el, 'hik-register-success');
    buttonNamed($(el, 'hik-code-modal'), 'OK').click();
    expect((await done).detail).to.include({ username: 'bob_phone', channel: 'sms' });
  });

  it('sends one request however often Next is pressed while it is in flight', async () => {
    const el = await mountRegister();
    const posts: string[] = [];
    el.fetch = (input, init) => {
      if (init?.method === 'POST') posts.push(String(input));
      return window.fetch(input, init);
    };
    await fillForm(el, { username: 'double_click', email: 'double@example.com' });
    const sent = oneEvent(el, 'hik-code-sent');
    const next = $(el, 'button[type=submit]') as HTMLButtonElement;
    next.click();
    next.click();
    next.click();
    await sent;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(posts).to.deep.equal(['/api/register/verification-codes']);
    expect((await outbox()).filter((m) => m.to === 'double@example.com')).to.have.length(1);
  });

  it('keeps what was typed across a reload, but never the password or the captcha answer', async () => {
    const el = await mountRegister();
    fill($(el, '#username'), 'kept_name');
    fill($(el, '#password'), 'Secret!Pass1');
    fill($(el, 'input[name=email]'), 'kept@example.com');
    fill($(el, 'input[name=captcha]'), 'WXYZ');
    await el.updateComplete;
    const stored = JSON.stringify({ ...sessionStorage });
    expect(stored).to.include('kept_name');
    expect(stored).to.not.include('Secret!Pass1');
    expect(stored).to.not.include('WXYZ');
    el.remove();
    const again = document.createElement('hik-register') as HikRegister;
    again.setAttribute('endpoint', ENDPOINT);
    const el2 = await fixture<HikRegister>(again);
    await el2.updateComplete;
    expect(($(el2, '#username') as HTMLInputElement).value).to.equal('kept_name');
    expect(($(el2, '#password') as HTMLInputElement).value).to.equal('');
    await waitUntil(() => el2.shadowRoot!.querySelector('input[name=email]'), 'email input');
    expect(($(el2, 'input[name=email]') as HTMLInputElement).value).to.equal('kept@example.com');
  });
});
