import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Axe from 'axe-core';
import 'axe-core/axe.min.js';
import '../src/code/hik-code-modal.ts';
import type { HikCodeModal } from '../src/code/hik-code-modal.ts';

// axe-core registers itself on window; its accname implementation gives the names a
// screen reader would hear, so tests find controls the way a user does.
const axe = (window as unknown as { axe: typeof Axe }).axe;
function nameOf(el: Element): string {
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(el).trim();
  } finally {
    axe.teardown();
  }
}

function dialogOf(el: HikCodeModal): HTMLDialogElement {
  const dialog = el.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return dialog;
}
function codeInput(el: HikCodeModal): HTMLInputElement {
  const input = [...el.querySelectorAll('input')].find((i) => /code/i.test(nameOf(i)));
  if (!input) throw new Error('no input named "code"');
  return input;
}
function button(el: HikCodeModal, name: RegExp): HTMLButtonElement {
  const b = [...el.querySelectorAll('button')].find((x) => name.test(nameOf(x)));
  if (!b) throw new Error(`no button ${name}`);
  return b;
}
function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}
function visibleText(el: Element): string {
  return (el as HTMLElement).innerText.replace(/\s+/g, ' ');
}
function paste(input: HTMLInputElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}
/** Counts events of `type` fired on `el`. */
function count(el: HikCodeModal, type: 'hik-code-submit' | 'hik-code-resend' | 'hik-code-cancel') {
  const seen: CustomEvent[] = [];
  el.addEventListener(type, (e) => seen.push(e));
  return seen;
}

async function openModal(channel: 'email' | 'sms' = 'email'): Promise<HikCodeModal> {
  const el = await fixture<HikCodeModal>(html`
    <hik-code-modal
      channel=${channel}
      destination=${channel === 'email' ? 'a***@example.com' : '+44 77** ***123'}
      code-length="6"
      open
    ></hik-code-modal>
  `);
  await el.updateComplete;
  // axe measures colour contrast; let the opening fade finish first.
  await Promise.all(dialogOf(el).getAnimations().map((a) => a.finished));
  return el;
}

describe('<hik-code-modal>', () => {
  afterEach(() => {
    // Fixtures are removed, but a modal left open would make the next page inert.
    document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close());
  });

  it('opens as a modal dialog named "verification code" with focus on the code input', async () => {
    const el = await openModal();
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(nameOf(dialog)).to.match(/verification code/i);
    const input = codeInput(el);
    expect(document.activeElement).to.equal(input);
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('name')).to.equal('code');
    expect(input.maxLength).to.equal(6);
    await expect(el).to.be.accessible();
  });

  it('shows the destination and the spam reminder for email', async () => {
    const el = await openModal('email');
    const text = visibleText(dialogOf(el));
    expect(text).to.contain('We sent a verification code to a***@example.com.');
    expect(text).to.contain('Be sure to check both regular and spam inboxes.');
    expect(el.querySelector('bdi')?.getAttribute('dir')).to.equal('ltr');
  });

  it('says "text message" and no spam reminder for SMS', async () => {
    const el = await openModal('sms');
    const text = visibleText(dialogOf(el));
    expect(text).to.contain('by text message to +44 77** ***123.');
    expect(text).not.to.contain('spam');
    await expect(el).to.be.accessible();
  });

  it('takes a pasted code whole, without spaces, dashes or words', async () => {
    const el = await openModal();
    const input = codeInput(el);
    paste(input, '12 34-56');
    expect(input.value).to.equal('123456');
    el.clear();
    paste(input, 'Your code: 654321');
    expect(input.value).to.equal('654321');
    expect(el.code).to.equal('654321');
  });

  it('drops typed non-digits', async () => {
    const el = await openModal();
    await sendKeys({ type: '1a2-3 x4' });
    expect(codeInput(el).value).to.equal('1234');
  });

  it('refuses a short code on Enter with a field error and fires nothing', async () => {
    const el = await openModal();
    const submits = count(el, 'hik-code-submit');
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const input = codeInput(el);
    expect(submits).to.have.length(0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(description(input)).to.contain('Enter the 6-digit code');
    expect(visibleText(dialogOf(el))).to.contain('Enter the 6-digit code');
    await expect(el).to.be.accessible();
    // Typing again clears that error.
    await sendKeys({ type: '4' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('fires hik-code-submit on OK with the full code, without the code in the event', async () => {
    const el = await openModal();
    await sendKeys({ type: '123456' });
    const ok = button(el, /^OK$/);
    setTimeout(() => ok.click());
    const event = await oneEvent(el, 'hik-code-submit');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
    expect(JSON.stringify(event.detail ?? null)).not.to.contain('123456');
    expect(el.code).to.equal('123456');
  });

  it('submits with Enter too, and not while busy', async () => {
    const el = await openModal();
    const submits = count(el, 'hik-code-submit');
    await sendKeys({ type: '123456' });
    el.busy = true;
    await el.updateComplete;
    expect(dialogOf(el).getAttribute('aria-busy')).to.equal('true');
    expect(button(el, /^OK$/).getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    button(el, /^OK$/).click();
    expect(submits).to.have.length(0);
    el.busy = false;
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    expect(submits).to.have.length(1);
  });

  it('keeps Resend disabled with the seconds left in its name, then enables it', async () => {
    let t = 1_000_000;
    const el = await openModal();
    const resends = count(el, 'hik-code-resend');
    el.now = () => t;
    el.resendAt = t + 42_000;
    await el.updateComplete;
    let resend = button(el, /^Resend/);
    expect(nameOf(resend)).to.match(/^Resend code in 42 seconds$/);
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    resend.click();
    expect(resends).to.have.length(0);

    t += 41_500;
    el.requestUpdate();
    await el.updateComplete;
    expect(nameOf(button(el, /^Resend/))).to.equal('Resend code in 1 second');

    t += 500;
    el.requestUpdate();
    await el.updateComplete;
    resend = button(el, /^Resend/);
    expect(nameOf(resend)).to.equal('Resend code');
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    resend.click();
    expect(resends).to.have.length(1);
    expect(resends[0].detail).to.equal(null);
  });

  it('holds OK back after a rate limit, with the seconds left, then lets it submit', async () => {
    let t = 1_000_000;
    const el = await openModal();
    const submits = count(el, 'hik-code-submit');
    el.now = () => t;
    el.retryAt = t + 3_000;
    await el.updateComplete;
    codeInput(el).focus();
    await sendKeys({ type: '123456' });
    const ok = button(el, /^OK$/);
    expect(ok.getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(dialogOf(el))).to.contain('Try again in 3 seconds.');
    ok.click();
    expect(submits).to.have.length(0);

    t += 3_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(visibleText(dialogOf(el))).to.not.contain('Try again in');
    expect(ok.getAttribute('aria-disabled')).to.equal('false');
    ok.click();
    expect(submits).to.have.length(1);
    expect(submits[0].detail).to.equal(null);
  });

  it('says how many attempts are left, in singular and plural', async () => {
    const el = await openModal();
    el.error = 'The code is incorrect.';
    el.attemptsLeft = 2;
    await el.updateComplete;
    const input = codeInput(el);
    expect(description(input)).to.contain('The code is incorrect.');
    expect(description(input)).to.contain('2 attempts left');
    el.attemptsLeft = 1;
    await el.updateComplete;
    expect(description(input)).to.contain('1 attempt left');
    expect(description(input)).not.to.contain('attempts');
  });

  it('ties the root error to the input', async () => {
    const el = await openModal();
    el.error = 'The code is incorrect.';
    await el.updateComplete;
    const input = codeInput(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(description(input)).to.equal('The code is incorrect.');
    await expect(el).to.be.accessible();
    el.error = '';
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(description(input)).to.equal('');
  });

  it('shows the time left and switches to the expired state when it runs out', async () => {
    let t = 5_000_000;
    const el = await openModal();
    el.now = () => t;
    el.expiresAt = t + 581_000;
    await el.updateComplete;
    expect(visibleText(dialogOf(el))).to.contain('The code expires in 9 minutes, 41 seconds.');
    const status = el.querySelector('[role="status"]');
    expect(status?.textContent?.trim()).to.equal('');

    t += 581_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(visibleText(dialogOf(el))).not.to.contain('expires in');
    expect(status?.textContent).to.contain('The code has expired');
    await expect(el).to.be.accessible();

    // A new code (new deadline) is announced too.
    el.expiresAt = t + 600_000;
    await el.updateComplete;
    expect(status?.textContent).to.contain('A new code has been sent.');
  });

  it('shows the expired state when the root says so', async () => {
    const el = await openModal();
    el.expired = true;
    await el.updateComplete;
    expect(el.querySelector('[role="status"]')?.textContent).to.contain('The code has expired');
    expect(button(el, /^Resend/).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('fires hik-code-cancel on Escape and on Cancel, but not on close()', async () => {
    const el = await openModal();
    const cancels = count(el, 'hik-code-cancel');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => cancels.length === 1, 'no hik-code-cancel after Escape');
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);

    el.show();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    button(el, /^Cancel$/).click();
    await waitUntil(() => cancels.length === 2, 'no hik-code-cancel after Cancel');
    expect(dialogOf(el).open).to.equal(false);

    el.show();
    await el.updateComplete;
    el.close();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(dialogOf(el).open).to.equal(false);
    expect(cancels).to.have.length(2);
  });

  it('fills the code from WebOTP for SMS and stops listening on close', async () => {
    const w = window as unknown as { OTPCredential?: unknown };
    const hadOtp = 'OTPCredential' in window;
    if (!hadOtp) w.OTPCredential = class {};
    let signal: AbortSignal | undefined;
    let requested: unknown;
    const credentials = navigator.credentials;
    credentials.get = (options?: CredentialRequestOptions) => {
      requested = (options as { otp?: unknown }).otp;
      signal = options?.signal ?? undefined;
      return Promise.resolve({ code: '987654', type: 'otp', id: '' } as unknown as Credential);
    };
    try {
      const el = await openModal('sms');
      await new Promise((r) => setTimeout(r));
      expect(requested).to.deep.equal({ transport: ['sms'] });
      expect(codeInput(el).value).to.equal('987654');
      el.close();
      await el.updateComplete;
      expect(signal?.aborted).to.equal(true);
    } finally {
      delete (credentials as { get?: unknown }).get;
      if (!hadOtp) delete w.OTPCredential;
    }
  });
});
