import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { HikContactToggle } from '../src/contact/hik-contact-toggle.ts';
import type { HikCountryDialog } from '../src/country/hik-country-dialog.ts';
import { loadPhone } from '../src/contact/phone.ts';

/** The part of axe-core used here to compute roles and accessible names. */
interface AxeApi {
  setup(node: Element): unknown;
  teardown(): void;
  commons: { aria: { getRole(node: Element): string | null }; text: { accessibleText(node: Element): string } };
}
interface AxNode { role: string; name: string; node: Element }

/** Every element under `el` that has a role, with its accessible name (per axe-core). */
async function axNodes(el: HTMLElement): Promise<AxNode[]> {
  // @ts-expect-error axe.min.js has no module types: it is a script that sets window.axe.
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: AxeApi }).axe;
  axe.setup(el);
  try {
    return [...el.querySelectorAll('*')]
      .filter((node) => (node as HTMLElement).checkVisibility())
      .map((node) => ({ role: axe.commons.aria.getRole(node) ?? '', name: axe.commons.text.accessibleText(node).trim(), node }))
      .filter((n) => n.role);
  } finally {
    axe.teardown();
  }
}

/** The phone library is shared by every instance: once loaded, the element uses it. */
async function phoneReady(el: HikContactToggle) {
  await loadPhone();
  await el.updateComplete;
}

/** The visible control with that accessible name, found through its label. */
function byLabel(el: HTMLElement, name: string): HTMLInputElement | null {
  const spoken = (label: HTMLLabelElement | undefined) => {
    if (!label) return undefined;
    // The required "*" is aria-hidden: it is not part of the name.
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    return copy.textContent?.trim();
  };
  return [...el.querySelectorAll('input')].find((i) => spoken(i.labels?.[0]) === name) ?? null;
}

const radio = (el: HTMLElement, name: string) => byLabel(el, name)!;
const emailBox = (el: HTMLElement) => byLabel(el, 'Email');
const phoneBox = (el: HTMLElement) => byLabel(el, 'Mobile Phone Number');
const errorOf = (input: HTMLInputElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim()).join(' | ');
const libLoaded = () =>
  performance.getEntriesByType('resource').some((e) => e.name.includes('libphonenumber-js'));

async function type(input: HTMLInputElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

/** Leaves the field the way a person does: Tab to the next control. */
async function leave(el: HikContactToggle) {
  const after = document.createElement('button');
  after.textContent = 'after';
  el.after(after);
  await sendKeys({ press: 'Tab' });
  after.remove();
  await el.updateComplete;
}

describe('<hik-contact-toggle>', () => {
  before(async () => {
    // The runner's own modules fill the default buffer of 250 entries, and a full
    // buffer drops new ones: start empty and large, *then* load the element, so that
    // a library request made when the module loads would be seen too.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
    await import('../src/contact/hik-contact-toggle.ts');
  });

  // Must stay first: once any test loads the library, the page keeps it.
  it('does not load libphonenumber-js on the email path, only when phone is chosen, and formats what was typed before it came', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle country="GB" calling-code="44"></hik-contact-toggle>`);
    await type(emailBox(el)!, 'ann@example.com');
    await leave(el);
    expect(await el.validate()).to.equal(true);
    expect(libLoaded()).to.equal(false);

    radio(el, 'Register by Mobile Phone Number').click();
    await el.updateComplete;
    // Typed and left before the library is in (nothing can be fetched in between): the
    // text stays as typed and nothing is said about it yet, then it is formatted and
    // checked when the library arrives.
    const input = phoneBox(el)!;
    input.focus();
    input.value = '0740012';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '2', bubbles: true }));
    input.blur();
    await el.updateComplete;
    expect([input.value, input.getAttribute('aria-invalid')]).to.deep.equal(['0740012', 'false']);
    await waitUntil(libLoaded, 'libphonenumber-js was never requested');
    // The first load compiles the library's modules in the test server: it takes a while.
    await waitUntil(() => input.value === '07400 12', `never formatted: "${input.value}"`, { timeout: 8000 });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(input)).to.equal('+44 | This number is too short for United Kingdom');
    await type(input, '3456');
    expect(input.value).to.equal('07400 123456');
    expect(errorOf(input)).to.equal('+44');
    expect(el.e164).to.equal('+447400123456');
  });

  it('offers the two ways as radios in a radiogroup, email chosen first', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    const nodes = await axNodes(el);
    const group = nodes.find((n) => n.role === 'radiogroup');
    expect(group?.name).to.equal('Register by');
    const radios = nodes.filter((n) => n.role === 'radio');
    expect(radios.every((r) => group?.node.contains(r.node))).to.equal(true);
    expect(radios.map((r) => [r.name, (r.node as HTMLInputElement).checked])).to.deep.equal([
      ['Register by Email Address', true],
      ['Register by Mobile Phone Number', false],
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows only the email input, named "Email", with its autocomplete tokens', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    const boxes = (await axNodes(el)).filter((n) => n.role === 'textbox');
    expect(boxes.map((b) => b.name)).to.deep.equal(['Email']);
    const input = emailBox(el)!;
    expect([input.type, input.name, input.autocomplete, input.inputMode]).to.deep.equal(['email', 'email', 'email', 'email']);
    expect(phoneBox(el)).to.equal(null);
  });

  it('switches way with the arrow keys and says so with hik-channel-select', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle country="GB" calling-code="44"></hik-contact-toggle>`);
    radio(el, 'Register by Email Address').focus();
    setTimeout(() => sendKeys({ press: 'ArrowDown' }));
    const toPhone = await oneEvent(el, 'hik-channel-select');
    expect(toPhone.detail).to.deep.equal({ channel: 'sms' });
    expect(toPhone.bubbles).to.equal(true);
    expect(toPhone.composed).to.equal(false);
    await el.updateComplete;
    expect(radio(el, 'Register by Mobile Phone Number').checked).to.equal(true);
    expect((await axNodes(el)).filter((n) => n.role === 'textbox').map((b) => b.name)).to.deep.equal(['Mobile Phone Number']);
    expect(emailBox(el)).to.equal(null);

    setTimeout(() => sendKeys({ press: 'ArrowUp' }));
    expect((await oneEvent(el, 'hik-channel-select')).detail).to.deep.equal({ channel: 'email' });
    await el.updateComplete;
    expect(emailBox(el)).to.not.equal(null);
    expect(phoneBox(el)).to.equal(null);
  });

  it('shows the phone input with the country code beside it, left to right', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="GB" calling-code="44"></hik-contact-toggle>`);
    const input = phoneBox(el)!;
    expect([input.type, input.name, input.autocomplete, input.inputMode, input.dir])
      .to.deep.equal(['tel', 'phone', 'tel-national', 'tel', 'ltr']);
    expect(errorOf(input)).to.equal('+44');
    const prefix = [...el.querySelectorAll('span')].find((s) => s.textContent?.trim() === '+44')!;
    expect(prefix.dir).to.equal('ltr');
    expect(prefix.checkVisibility()).to.equal(true);
    const box = (await axNodes(el)).find((n) => n.role === 'textbox');
    expect(box?.name).to.equal('Mobile Phone Number');
    await expect(el).to.be.accessible();

    el.country = 'US';
    el.callingCode = '1';
    await el.updateComplete;
    expect(errorOf(phoneBox(el)!)).to.equal('+1');
  });

  it('finds the calling code itself when only the country is given', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="US"></hik-contact-toggle>`);
    await phoneReady(el);
    expect(errorOf(phoneBox(el)!).startsWith('+1')).to.equal(true);
  });

  it('asks for a country first and keeps the input usable', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms"></hik-contact-toggle>`);
    const input = phoneBox(el)!;
    expect(errorOf(input)).to.equal('Select a country first');
    expect(input.disabled).to.equal(false);
    await type(input, '07400123456');
    expect(await el.validate()).to.equal(false);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(input)).to.equal('Select a country first');
    await expect(el).to.be.accessible();

    el.country = 'GB';
    el.callingCode = '44';
    await el.updateComplete;
    expect(input.value).to.equal('07400 123456');
    expect(errorOf(phoneBox(el)!)).to.equal('+44');
    expect(el.e164).to.equal('+447400123456');
  });

  it('formats a GB mobile as it is typed and reports it with hik-contact-input', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="GB" calling-code="44"></hik-contact-toggle>`);
    await phoneReady(el);
    const input = phoneBox(el)!;
    const seen: unknown[] = [];
    el.addEventListener('hik-contact-input', (e) => seen.push(e.detail));
    await type(input, '07700900123');
    expect(input.value).to.equal('07700 900123');
    expect(input.selectionStart).to.equal(input.value.length);
    expect(seen.at(-1)).to.deep.equal({ channel: 'sms', email: '', phone: '07700 900123' });
    // 07700 900xxx is Ofcom's fictional range: formatted, but not a number anyone can have.
    expect(el.e164).to.equal(null);

    input.select();
    await sendKeys({ type: '07400123456' });
    expect(input.value).to.equal('07400 123456');
    expect(el.e164).to.equal('+447400123456');
    expect(seen.at(-1)).to.deep.equal({ channel: 'sms', email: '', phone: '07400 123456' });
    expect(await el.validate()).to.equal(true);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps the caret in place when a digit is typed or deleted in the middle', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="GB" calling-code="44" phone="07400 123456"></hik-contact-toggle>`);
    await phoneReady(el);
    const input = phoneBox(el)!;
    input.focus();
    input.setSelectionRange(6, 6); // just after the space
    await sendKeys({ press: 'Backspace' }); // removes the 0 before the space, not the space
    expect(input.value).to.equal('07401 23456');
    expect(input.selectionStart).to.equal(4);
    await sendKeys({ type: '9' });
    expect(input.value).to.equal('07409 123456');
    expect(input.selectionStart).to.equal(5);
  });

  it('says a number is too short or not a valid mobile, only after the field is left', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="GB" calling-code="44"></hik-contact-toggle>`);
    await phoneReady(el);
    const input = phoneBox(el)!;
    await type(input, '0740012');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await leave(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(input)).to.equal('+44 | This number is too short for United Kingdom');
    await expect(el).to.be.accessible();

    input.select();
    await sendKeys({ type: '02079460000' }); // a London landline: no SMS there
    expect(errorOf(input)).to.equal('+44 | Enter a valid mobile phone number for United Kingdom');
    expect(await el.validate()).to.equal(false);

    input.select();
    await sendKeys({ press: 'Backspace' });
    expect(await el.validate()).to.equal(false);
    expect(errorOf(input)).to.equal('+44 | Enter a mobile phone number');
  });

  it('names the country in its errors as the country list does, also where Intl names it otherwise', async () => {
    // The list (i18n-iso-countries) says "Czech Republic", Intl.DisplayNames "Czechia":
    // the phone error used to say the latter while the Country button said the former.
    expect(new Intl.DisplayNames(['en'], { type: 'region' }).of('CZ')).to.equal('Czechia');
    await import('../src/country/hik-country-dialog.ts');
    const dialog = await fixture<HikCountryDialog>(html`<hik-country-dialog locale="en"></hik-country-dialog>`);
    dialog.show();
    await dialog.updateComplete;
    const listed = dialog.shadowRoot!.querySelector('[role=option][data-code=CZ] .name')?.textContent?.trim();
    expect(listed).to.equal('Czech Republic');
    dialog.close(); // a modal dialog would make the field below inert
    await dialog.updateComplete;

    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="CZ" calling-code="420"></hik-contact-toggle>`);
    await phoneReady(el);
    const input = phoneBox(el)!;
    await type(input, '601');
    await leave(el);
    expect(errorOf(input)).to.equal(`+420 | This number is too short for ${listed}`);
  });

  // The mobile metadata cannot tell a US landline from a US mobile (same number
  // plan), so any valid US number passes; a GB landline does not.
  it('accepts a US number whatever its line type, unlike a GB landline', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="US" calling-code="1"></hik-contact-toggle>`);
    await phoneReady(el);
    await type(phoneBox(el)!, '2125551234');
    expect(phoneBox(el)!.value).to.equal('(212) 555-1234');
    expect(await el.validate()).to.equal(true);
    expect(el.e164).to.equal('+12125551234');
  });

  it('checks the email address when the field is left', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    const input = emailBox(el)!;
    expect(await el.validate()).to.equal(false);
    expect(errorOf(input)).to.equal('Enter an email address');

    input.value = '';
    await type(input, 'ann@example');
    await leave(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(input)).to.equal('Enter a valid email address, like name@example.com');
    await expect(el).to.be.accessible();

    await type(input, '.com');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(errorOf(input)).to.equal('');
  });

  it('trims the email address it reports', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    const seen: unknown[] = [];
    el.addEventListener('hik-contact-input', (e) => seen.push(e.detail));
    await type(emailBox(el)!, '  ann@example.com ');
    expect(seen.at(-1)).to.deep.equal({ channel: 'email', email: 'ann@example.com', phone: '' });
    await leave(el);
    expect(emailBox(el)!.value).to.equal('ann@example.com');
    expect(await el.validate()).to.equal(true);
  });

  it('keeps both values when switching back and forth', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle country="GB" calling-code="44"></hik-contact-toggle>`);
    await type(emailBox(el)!, 'ann@example.com');
    radio(el, 'Register by Mobile Phone Number').click();
    await phoneReady(el);
    await type(phoneBox(el)!, '07400123456');
    radio(el, 'Register by Email Address').click();
    await el.updateComplete;
    expect(emailBox(el)!.value).to.equal('ann@example.com');
    radio(el, 'Register by Mobile Phone Number').click();
    await el.updateComplete;
    expect(phoneBox(el)!.value).to.equal('07400 123456');
    expect(el.email).to.equal('ann@example.com');
  });

  it('fires hik-channel-select when a way is clicked, not when it is set', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    const fired: string[] = [];
    el.addEventListener('hik-channel-select', (e) => fired.push(e.detail.channel));
    el.channel = 'sms';
    await el.updateComplete;
    expect(fired).to.deep.equal([]);
    radio(el, 'Register by Email Address').click();
    expect(fired).to.deep.equal(['email']);
    expect(el.channel).to.equal('email');
  });

  it('shows no radios when only one way is offered', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channels="sms" country="GB" calling-code="44"></hik-contact-toggle>`);
    const nodes = await axNodes(el);
    expect(nodes.filter((n) => n.role === 'radio')).to.have.length(0);
    expect(nodes.filter((n) => n.role === 'textbox').map((n) => n.name)).to.deep.equal(['Mobile Phone Number']);
    await expect(el).to.be.accessible();

    el.channels = ['email'];
    el.channel = 'sms';
    await el.updateComplete;
    expect(emailBox(el)).to.not.equal(null);
    expect(el.querySelectorAll('input[type=radio]')).to.have.length(0);
  });

  it('reads the channels attribute as <hik-register> does, but keeps the known ways of a list with an unknown one', async () => {
    const ways = async (channels: string) => {
      const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channels=${channels}></hik-contact-toggle>`);
      const nodes = await axNodes(el);
      return [el.channels, nodes.filter((n) => n.role === 'radio').length, nodes.filter((n) => n.role === 'textbox').map((n) => n.name)];
    };
    expect(await ways('sms fax')).to.deep.equal([['sms'], 0, ['Mobile Phone Number']]);
    expect(await ways('sms, email sms')).to.deep.equal([['sms', 'email'], 2, ['Email']]);
    // Nothing known: both ways, email first.
    expect(await ways('fax')).to.deep.equal([[], 2, ['Email']]);
  });

  it('shows errors given by the page on the field they belong to', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle channel="sms" country="GB" calling-code="44"
      .errors=${{ email: 'Email taken', phone: 'This number is already registered' }}></hik-contact-toggle>`);
    const input = phoneBox(el)!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(input)).to.equal('+44 | This number is already registered');
    expect(el.textContent).to.not.contain('Email taken');
    await expect(el).to.be.accessible();
    el.errors = {};
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('focus() focuses the visible input; disabled disables every control', async () => {
    const el = await fixture<HikContactToggle>(html`<hik-contact-toggle></hik-contact-toggle>`);
    el.focus();
    expect(document.activeElement).to.equal(emailBox(el));
    el.disabled = true;
    await el.updateComplete;
    expect([...el.querySelectorAll('input')].every((i) => i.disabled)).to.equal(true);
    // Losing focus because of being disabled is not the user leaving an empty field.
    expect(emailBox(el)!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('fits a 320 px wide screen, even with the "Select a country first" hint', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<HikContactToggle>(html`<div style="padding: 8px"><hik-contact-toggle channel="sms"></hik-contact-toggle></div>`);
      const toggle = el.querySelector('hik-contact-toggle')!;
      await toggle.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const input = phoneBox(toggle)!;
      expect(input.getBoundingClientRect().right).to.be.at.most(320);
      expect(input.getBoundingClientRect().width).to.be.at.least(150);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps +44 and the number left to right in a right-to-left page', async () => {
    const el = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar"><hik-contact-toggle channel="sms" country="GB" calling-code="44"
      phone="07400 123456"></hik-contact-toggle></div>`);
    const toggle = el.querySelector('hik-contact-toggle')!;
    await toggle.updateComplete;
    const input = phoneBox(toggle)!;
    const prefix = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(getComputedStyle(prefix).direction).to.equal('ltr');
    expect(getComputedStyle(prefix).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle(input).direction).to.equal('ltr');
    // "+44" and the number read as one string, so the code stays on the left of it.
    expect(prefix.getBoundingClientRect().right).to.be.at.most(input.getBoundingClientRect().left);
    // The label around them still follows the page.
    expect(getComputedStyle(input.labels![0]).direction).to.equal('rtl');
    await expect(toggle).to.be.accessible();
  });
});
