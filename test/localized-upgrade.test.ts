/**
 * Elements that were in the page before their module defined them (a dealer's
 * `<hik-register>` in the HTML; the pop-ups, rendered before their lazy chunk
 * arrives) follow a later language change. Such elements are upgraded inside
 * `customElements.define()`: whatever a class decorator adds after the definition
 * never reaches them. That is why this file imports nothing from src/ statically.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetBackend } from './helpers.ts';

type Upgraded = HTMLElement & { updateComplete: Promise<boolean> };

/** Each element with an English string it shows before the switch. */
const ELEMENTS = [
  { tag: 'hik-register', attrs: 'endpoint="/api/register" captcha="image"', module: () => import('../src/hik-register.ts'), english: 'User Name' },
  { tag: 'hik-contact-toggle', attrs: '', module: () => import('../src/contact/hik-contact-toggle.ts'), english: 'Register by Email Address' },
  { tag: 'hik-code-modal', attrs: '', module: () => import('../src/code/hik-code-modal.ts'), english: 'Enter the verification code' },
  { tag: 'hik-country-dialog', attrs: '', module: () => import('../src/country/hik-country-dialog.ts'), english: 'Europe' },
  { tag: 'hik-captcha', attrs: 'mode="image"', module: () => import('../src/captcha/hik-captcha.ts'), english: 'Type the characters in capital letters' },
];

const textOf = (el: Element) => (el.shadowRoot ?? el).textContent ?? '';

describe('elements upgraded after they were in the page', () => {
  before(async () => {
    await resetBackend({ captchaKinds: ['image', 'pow'] });
  });

  it('re-render in the new language when it arrives', async () => {
    sessionStorage.clear();
    const host = document.createElement('div');
    // Test markup from this file only.
    host.innerHTML = ELEMENTS.map((e) => `<${e.tag} ${e.attrs}></${e.tag}>`).join('');
    document.body.append(host);
    for (const e of ELEMENTS) await e.module();
    const elements = ELEMENTS.map((e) => ({ ...e, el: host.querySelector(e.tag) as Upgraded }));
    for (const { el } of elements) await el.updateComplete;
    // The form has finished loading its captcha: nothing else will make it render again.
    const register = elements[0]!.el;
    await waitUntil(() => register.shadowRoot!.querySelector('hik-captcha img'), 'the captcha picture loaded', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const notEnglish = elements.filter(({ el, english }) => !textOf(el).includes(english)).map((e) => e.tag);
    expect(notEnglish, 'elements not showing their English string at first').to.deep.equal([]);

    const { setLocale } = await import('../src/i18n/localization.ts');
    await setLocale('de');
    const stillEnglish = () => elements.filter(({ el, english }) => textOf(el).includes(english)).map((e) => e.tag);
    await waitUntil(() => stillEnglish().length === 0, 'every element in German', { timeout: 3000 }).catch(() => undefined);
    expect(stillEnglish(), 'elements still in English after setLocale("de")').to.deep.equal([]);
    await setLocale('en');
    host.remove();
  });
});
