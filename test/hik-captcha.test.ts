import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ImageChallenge, PowChallenge } from '../src/contract.ts';
import '../src/captcha/hik-captcha.ts';
import type { HikCaptcha } from '../src/captcha/hik-captcha.ts';
import 'axe-core/axe.min.js';

// axe-core's own role and accessible-name computation: controls are found the way
// assistive technology names them, not by class or id.
const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
interface AxeRoles { getRole(el: Element): string | null }

function byRole<T extends Element = HTMLElement>(root: Element, role: string, name: string | RegExp): T | undefined {
  axe.setup(document);
  try {
    return [...root.querySelectorAll<T>('*')].find((el) => {
      if ((axe.commons.aria as unknown as AxeRoles).getRole(el) !== role) return false;
      const text = axe.commons.text.accessibleText(el).trim();
      return typeof name === 'string' ? text === name : name.test(text);
    });
  } finally {
    axe.teardown();
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let serial = 0;
function imageChallenge(over: Partial<ImageChallenge> = {}): ImageChallenge {
  serial += 1;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="30">X7KQ</text></svg>';
  return { kind: 'image', captchaId: `c_img${serial}`, image: `data:image/svg+xml;base64,${btoa(svg)}`, length: 4, expiresIn: 300, ...over };
}

async function powChallenge(n: number, maxNumber = 2000, over: Partial<PowChallenge> = {}): Promise<PowChallenge> {
  serial += 1;
  const salt = `s${serial}-${Math.random()}`;
  return {
    kind: 'pow', captchaId: `c_pow${serial}`, algorithm: 'SHA-256', salt,
    challenge: await sha256Hex(salt + String(n)), maxNumber, expiresIn: 300, ...over,
  };
}

/** Every hik-captcha event the element fires, to check that none carries a secret. */
function recordEvents(el: HTMLElement) {
  const events: CustomEvent[] = [];
  for (const type of ['hik-captcha-request', 'hik-captcha-solved'] as const) {
    el.addEventListener(type, (e) => events.push(e));
  }
  return events;
}

/** The text of the polite live region (role=status takes no name from its content). */
function statusText(root: Element): string | undefined {
  axe.setup(document);
  try {
    const status = [...root.querySelectorAll('*')].find((el) => (axe.commons.aria as unknown as AxeRoles).getRole(el) === 'status');
    return status?.textContent?.trim();
  } finally {
    axe.teardown();
  }
}

const field = (el: HikCaptcha) => byRole<HTMLInputElement>(el, 'textbox', 'Verification Code')!;
const button = (el: HikCaptcha, name: string) => byRole<HTMLButtonElement>(el, 'button', name);
const checkbox = (el: HikCaptcha) => byRole<HTMLInputElement>(el, 'checkbox', 'Verify without typing');
const describedBy = (input: Element) =>
  (input.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim());

describe('<hik-captcha> picture', () => {
  it('shows the picture with a text alternative, a Refresh button and a Verification Code field', async () => {
    const challenge = imageChallenge();
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${challenge}></hik-captcha>`);
    await expect(el).to.be.accessible();

    const img = byRole<HTMLImageElement>(el, 'img', /^Verification code picture/);
    expect(img, 'picture with alt text').to.exist;
    expect(img!.getAttribute('src')).to.equal(challenge.image);
    expect(button(el, 'Refresh')).to.exist;
    const input = field(el);
    expect(input).to.exist;
    expect(input.name).to.equal('captcha');
    expect(describedBy(input)).to.include('Type the characters in capital letters');
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(input.getAttribute('autocapitalize')).to.equal('characters');
    expect(input.getAttribute('spellcheck')).to.equal('false');
    expect(input.getAttribute('inputmode')).to.equal('text');
    expect(input.maxLength).to.equal(4);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.answer).to.equal(null);
  });

  it('shows no broken picture when the browser cannot decode it: the placeholder, and Refresh', async () => {
    // <hik-register> refuses such a picture before it gets here; the element still never shows one broken.
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge({ image: 'data:image/png;base64,AAAAAAAA' })}></hik-captcha>`);
    await waitUntil(() => !el.querySelector('img'), 'the broken picture goes');
    expect(byRole(el, 'img', 'No verification code picture: choose Refresh')).to.exist;
    expect(byRole(el, 'button', 'Refresh')).to.exist;
    el.challenge = imageChallenge();
    await waitUntil(() => el.querySelector('img'), 'a new picture is shown');
  });

  it('asks for a new picture when Refresh is pressed', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}></hik-captcha>`);
    setTimeout(() => button(el, 'Refresh')!.click());
    const event = await oneEvent(el, 'hik-captcha-request');
    expect(event.detail).to.deep.equal({ kind: 'image' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
  });

  it('upper-cases what is typed, up to the challenge length, and gives it as the answer', async () => {
    const challenge = imageChallenge({ length: 4 });
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${challenge}></hik-captcha>`);
    const events = recordEvents(el);
    field(el).focus();
    await sendKeys({ type: 'ab3de' });
    expect(field(el).value).to.equal('AB3D');
    expect(el.answer).to.deep.equal({ kind: 'image', captchaId: challenge.captchaId, answer: 'AB3D' });
    button(el, 'Refresh')!.click();
    expect(events.length).to.equal(1);
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.match(/AB3D/i);
  });

  it('answers in ASCII what another keyboard typed: Arabic-Indic digits, full-width letters', async () => {
    const challenge = imageChallenge({ length: 4 });
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${challenge}></hik-captcha>`);
    field(el).focus();
    await sendKeys({ type: 'ab\u0663\uff24' }); // a b ٣ Ｄ
    expect(el.answer).to.deep.equal({ kind: 'image', captchaId: challenge.captchaId, answer: 'AB3D' });
  });

  it('keeps the caret where it was while upper-casing', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}></hik-captcha>`);
    field(el).focus();
    await sendKeys({ type: 'abd' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: '3' });
    expect(field(el).value).to.equal('AB3D');
    expect(field(el).selectionStart).to.equal(3);
  });

  it('clears the typed answer on clear() and when a new challenge arrives', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}></hik-captcha>`);
    field(el).focus();
    await sendKeys({ type: 'x7' });
    el.clear();
    await el.updateComplete;
    expect(field(el).value).to.equal('');
    expect(el.answer).to.equal(null);

    await sendKeys({ type: 'kq' });
    const next = imageChallenge({ length: 6 });
    el.challenge = next;
    await el.updateComplete;
    expect(field(el).value).to.equal('');
    expect(field(el).maxLength).to.equal(6);
    expect(el.answer).to.equal(null);
  });

  it('shows the error as text tied to the field', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}
      error="The characters do not match."></hik-captcha>`);
    await expect(el).to.be.accessible();
    const input = field(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(input)).to.include('The characters do not match.');
    el.error = '';
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.textContent).not.to.contain('The characters do not match.');
  });

  it('shows a busy placeholder instead of the picture while loading', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()} loading></hik-captcha>`);
    await expect(el).to.be.accessible();
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector('[aria-busy="true"]')).to.exist;
    el.loading = false;
    await el.updateComplete;
    expect(el.querySelector('img')).to.exist;
    expect(el.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('disables its controls when disabled', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()} disabled></hik-captcha>`);
    expect(field(el).disabled).to.equal(true);
    expect(button(el, 'Refresh')!.disabled).to.equal(true);
  });

  it('focus() moves focus to the field', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}></hik-captcha>`);
    el.focus();
    expect(document.activeElement).to.equal(field(el));
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()} pow-offered></hik-captcha>`);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<hik-captcha> expiry', () => {
  it('quietly asks for a new challenge shortly before the current one expires', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha expiry-lead="0.7"></hik-captcha>`);
    const start = performance.now();
    el.challenge = imageChallenge({ expiresIn: 1 });
    const event = await oneEvent(el, 'hik-captcha-request');
    expect(event.detail).to.deep.equal({ kind: 'image' });
    // 1 s lifetime, 0.7 s lead: after half the lifetime at the earliest (no refresh loop).
    expect(performance.now() - start).to.be.at.least(450);
  });

  it('stops the timer when the challenge is replaced or the element leaves the page', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha expiry-lead="0.8"></hik-captcha>`);
    const events = recordEvents(el);
    el.challenge = imageChallenge({ expiresIn: 1 });
    await el.updateComplete;
    el.challenge = imageChallenge({ expiresIn: 300 });
    await el.updateComplete;
    const parent = el.parentNode!;
    const other = imageChallenge({ expiresIn: 1 });
    el.challenge = other;
    await el.updateComplete;
    el.remove();
    await new Promise((r) => setTimeout(r, 800));
    expect(events.length).to.equal(0);
    parent.append(el);
    await oneEvent(el, 'hik-captcha-request');
    expect(events.length).to.equal(1);
  });
});

describe('<hik-captcha> verify without typing', () => {
  const originalWorker = window.Worker;
  afterEach(() => { window.Worker = originalWorker; });

  it('offers "Verify without typing" and asks for the matching kind when it is switched', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha pow-offered .challenge=${imageChallenge()}></hik-captcha>`);
    await expect(el).to.be.accessible();
    expect(checkbox(el)).to.exist;

    setTimeout(() => checkbox(el)!.click());
    expect((await oneEvent(el, 'hik-captcha-request')).detail).to.deep.equal({ kind: 'pow' });
    await el.updateComplete;
    expect(el.mode).to.equal('pow');
    expect(field(el)).to.equal(undefined);
    expect(el.answer, 'the picture challenge no longer counts').to.equal(null);
    expect(statusText(el)).to.equal('Checking your browser…');
    expect(el.querySelector('progress')).to.exist;
    await expect(el).to.be.accessible();

    setTimeout(() => checkbox(el)!.click());
    expect((await oneEvent(el, 'hik-captcha-request')).detail).to.deep.equal({ kind: 'image' });
    await el.updateComplete;
    expect(field(el)).to.exist;
  });

  it('hides the choice when the server offers only one kind', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha .challenge=${imageChallenge()}></hik-captcha>`);
    expect(checkbox(el)).to.equal(undefined);
    el.powOffered = true;
    el.imageOffered = false;
    await el.updateComplete;
    expect(checkbox(el)).to.equal(undefined);
  });

  it('solves the challenge in a Worker, shows Verified and gives the number as the answer', async () => {
    let workers = 0;
    window.Worker = class extends originalWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers += 1;
        expect(String(url)).to.match(/^blob:/);
      }
    };
    const challenge = await powChallenge(1500, 2000);
    const el = await fixture<HikCaptcha>(html`<hik-captcha mode="pow" pow-offered></hik-captcha>`);
    const events = recordEvents(el);
    el.challenge = challenge;
    await oneEvent(el, 'hik-captcha-solved');
    await el.updateComplete;
    expect(workers).to.equal(1);
    expect(el.solved).to.equal(true);
    expect(el.answer).to.deep.equal({ kind: 'pow', captchaId: challenge.captchaId, answer: 1500 });
    expect(statusText(el)).to.equal('Verified');
    expect(byRole(el, 'progressbar', 'Verified')).to.exist;
    expect(el.querySelector('progress')!.value).to.equal(1);
    await expect(el).to.be.accessible();
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([['hik-captcha-solved', null]]);

    el.focus();
    expect(document.activeElement?.getAttribute('role')).to.equal('status');
  });

  it('cancels a running search when the challenge changes, and answers for the current one only', async () => {
    const workers: { terminated: boolean }[] = [];
    window.Worker = class extends originalWorker {
      private readonly record = { terminated: false };
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(this.record);
      }
      override terminate() {
        this.record.terminated = true;
        super.terminate();
      }
    };
    const slow = await powChallenge(9_999_999, 10_000_000);
    const el = await fixture<HikCaptcha>(html`<hik-captcha mode="pow" .challenge=${slow}></hik-captcha>`);
    const events = recordEvents(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.solved).to.equal(false);
    expect(el.answer).to.equal(null);
    expect(workers.length).to.equal(1);

    const quick = await powChallenge(7, 100);
    el.challenge = quick;
    await oneEvent(el, 'hik-captcha-solved');
    expect(workers[0].terminated, 'the slow search was stopped').to.equal(true);
    expect(el.answer).to.deep.equal({ kind: 'pow', captchaId: quick.captchaId, answer: 7 });

    el.challenge = await powChallenge(9_999_999, 10_000_000);
    await el.updateComplete;
    expect(el.solved, 'a new challenge is not solved yet').to.equal(false);
    expect(el.answer).to.equal(null);
    expect(events.filter((e) => e.type === 'hik-captcha-solved').length).to.equal(1);
    // The solver's chunk is loaded on the first puzzle; each search then starts its Worker.
    await waitUntil(() => workers.length === 3, 'a third search starts');
    expect(workers.length).to.equal(3);
    expect(workers[2].terminated).to.equal(false);
    el.remove();
    expect(workers[2].terminated, 'leaving the page stops the search').to.equal(true);
  });

  it('says so and offers Try again when no number matches', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha mode="pow"></hik-captcha>`);
    el.challenge = await powChallenge(500, 100);
    await new Promise<void>((resolve) => {
      const poll = () => (button(el, 'Try again') ? resolve() : setTimeout(poll, 20));
      poll();
    });
    expect(el.solved).to.equal(false);
    expect(statusText(el)).to.equal('Your browser could not be verified');
    await expect(el).to.be.accessible();
    setTimeout(() => button(el, 'Try again')!.click());
    expect((await oneEvent(el, 'hik-captcha-request')).detail).to.deep.equal({ kind: 'pow' });
  });

  it('shows an error in proof-of-work mode too', async () => {
    const el = await fixture<HikCaptcha>(html`<hik-captcha mode="pow" loading error="Try once more."></hik-captcha>`);
    expect(el.textContent).to.contain('Try once more.');
    await expect(el).to.be.accessible();
  });
});
