import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/country/hik-country-dialog.ts';
import type { HikCountryDialog } from '../src/country/hik-country-dialog.ts';

// ---- helpers that look at what a user (or a screen reader) gets

/** Text of an element as its accessible name would read it: aria-hidden parts left out. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(textOf).join('').replace(/\s+/g, ' ').trim();
}
const q = <T extends Element = HTMLElement>(el: HikCountryDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const all = (el: HikCountryDialog, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const mainDialog = (el: HikCountryDialog) => q<HTMLDialogElement>(el, 'dialog:not([role=alertdialog])')!;
const confirmation = (el: HikCountryDialog) => q<HTMLDialogElement>(el, '[role=alertdialog]')!;
const visibleTabs = (el: HikCountryDialog) => all(el, '[role=tab]').filter((t) => t.checkVisibility());
const tab = (el: HikCountryDialog, name: string) => visibleTabs(el).find((t) => textOf(t) === name)!;
const selectedTabName = (el: HikCountryDialog) =>
  visibleTabs(el).filter((t) => t.getAttribute('aria-selected') === 'true').map(textOf);
const listbox = (el: HikCountryDialog) => q(el, '[role=listbox]')!;
const optionNames = (el: HikCountryDialog) => all(el, '[role=option]').map(textOf);
const option = (el: HikCountryDialog, name: string) => all(el, '[role=option]').find((o) => textOf(o) === name)!;
function activeOptionName(el: HikCountryDialog): string {
  const id = listbox(el).getAttribute('aria-activedescendant');
  const active = id ? el.shadowRoot!.getElementById(id) : null;
  expect(active?.getAttribute('aria-selected')).to.equal('true');
  return active ? textOf(active) : '';
}
const searchbox = (el: HikCountryDialog) => q<HTMLInputElement>(el, 'input[type=search]')!;
const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? textOf(b)) === name)!;
/** The accessible name given by aria-labelledby. */
const labelOf = (el: HikCountryDialog, target: Element) => (target.getAttribute('aria-labelledby') ?? '')
  .split(' ').map((id) => el.shadowRoot!.getElementById(id)).map((n) => (n ? textOf(n) : '')).join(' ').trim();
const focused = (el: HikCountryDialog) => el.shadowRoot!.activeElement;

/** Compares by identity but reports a short description: chai's dump of a DOM node can stall the runner. */
function expectFocusOn(actual: Element | null, expected: Element) {
  const label = (n: Element | null) => (n ? `<${n.localName} role=${n.getAttribute('role')}> "${textOf(n).slice(0, 30)}"` : 'nothing');
  expect(actual === expected, `focus on ${label(actual)}, expected ${label(expected)}`).to.equal(true);
}

async function openDialog(
  template = html`<hik-country-dialog locale="en"></hik-country-dialog>`,
  shown = 'United Kingdom',
) {
  const el = await fixture<HikCountryDialog>(template);
  el.show();
  await el.updateComplete;
  // updateComplete includes the localized names, which replace Intl's first-paint names.
  expect(optionNames(el)).to.include(shown);
  return el;
}

async function chooseUnitedKingdom(el: HikCountryDialog) {
  option(el, 'United Kingdom').click();
  await el.updateComplete;
  await waitUntil(() => confirmation(el).open, 'confirmation did not open');
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('<hik-country-dialog>', () => {
  it('opens as a modal dialog named "Select Country", focus in the search box', async () => {
    const el = await openDialog();
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(mainDialog(el).matches(':modal')).to.equal(true);
    expectFocusOn(focused(el), searchbox(el));
    expect(labelOf(el, mainDialog(el))).to.equal('Select Country');
    expect(searchbox(el).type).to.equal('search'); // role searchbox
    expect(searchbox(el).getAttribute('aria-label')).to.equal('Search');
    expect(searchbox(el).getAttribute('autocomplete')).to.equal('off');
    await expect(el).to.be.accessible();
  });

  it('shows five continent tabs; options are named exactly by the country name', async () => {
    const el = await openDialog();
    expect(visibleTabs(el).map(textOf)).to.deep.equal(['Europe', 'Asia', 'America', 'Africa', 'Oceania']);
    expect(selectedTabName(el)).to.deep.equal(['Europe']);
    const names = optionNames(el);
    expect(names).to.include.members(['United Kingdom', 'France', 'Germany']);
    expect(names).to.not.include('Japan');
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).to.deep.equal(names);
    const uk = option(el, 'United Kingdom');
    expect(uk.getAttribute('aria-label') ?? textOf(uk)).to.equal('United Kingdom');
    expect(uk.textContent).to.include('+44'); // shown, but not part of the name
  });

  it('preselects the value: its tab and its option', async () => {
    await setViewport({ width: 320, height: 568 });
    const el = await openDialog(html`<hik-country-dialog locale="en" value="VN"></hik-country-dialog>`, 'Vietnam');
    expect(selectedTabName(el)).to.deep.equal(['Asia']);
    expect(activeOptionName(el)).to.equal('Vietnam');
    // Scrolled to it, below the fold of a small screen.
    const o = option(el, 'Vietnam').getBoundingClientRect();
    const l = listbox(el).getBoundingClientRect();
    expect(o.top).to.be.at.least(l.top - 1);
    expect(o.bottom).to.be.at.most(l.bottom + 1);
  });

  it('Escape closes it, fires hik-country-cancel, and focus returns to the opener', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as HikCountryDialog).show()}>
        Country</button>
      <hik-country-dialog locale="en"></hik-country-dialog></div>`);
    const opener = wrapper.querySelector('button')!;
    const el = wrapper.querySelector('hik-country-dialog')!;
    let selected = false;
    el.addEventListener('hik-country-select', () => (selected = true));
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => mainDialog(el).open, 'dialog did not open');
    expectFocusOn(focused(el), searchbox(el));
    const cancelled = oneEvent(el, 'hik-country-cancel');
    await sendKeys({ press: 'Escape' });
    const event = await cancelled;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
    expect(mainDialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(selected).to.equal(false);
    expectFocusOn(document.activeElement, opener);
  });

  it('the Close button cancels too', async () => {
    const el = await openDialog();
    const cancelled = oneEvent(el, 'hik-country-cancel');
    buttonNamed(mainDialog(el), 'Close').click();
    await cancelled;
    expect(el.open).to.equal(false);
  });

  it('tabs follow the keyboard: arrows, Home, End, wrapping, automatic activation', async () => {
    const el = await openDialog();
    tab(el, 'Europe').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Asia']);
    expectFocusOn(focused(el), tab(el, 'Asia'));
    expect(optionNames(el)).to.include('Japan');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Oceania']);
    expect(optionNames(el)).to.include('Australia');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Europe']);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Oceania']);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Europe']);
    expectFocusOn(focused(el), tab(el, 'Europe'));
    expect(tab(el, 'Europe').tabIndex).to.equal(0);
    expect(tab(el, 'Asia').tabIndex).to.equal(-1);
  });

  it('in right-to-left, Left and Right swap', async () => {
    const el = await openDialog(html`<hik-country-dialog dir="rtl" locale="en"></hik-country-dialog>`);
    tab(el, 'Europe').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Asia']);
  });

  it('listbox: Down from the search, Up/Down/Home/End and type-ahead', async () => {
    const el = await openDialog();
    const names = optionNames(el);
    await sendKeys({ press: 'ArrowDown' });
    expectFocusOn(focused(el), listbox(el));
    expect(activeOptionName(el)).to.equal(names[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal(names[1]);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal(names[0]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal(names.at(-1));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal(names[0]);
    await sendKeys({ type: 'uni' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal('United Kingdom');
    await new Promise((r) => setTimeout(r, 600)); // the type-ahead buffer expires
    await sendKeys({ type: 'f' });
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal('Faroe Islands'); // wraps around to the first F
    await sendKeys({ type: 'f' }); // the same letter again: the next name with it
    await el.updateComplete;
    expect(activeOptionName(el)).to.equal('Finland');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirmation(el).open, 'Enter did not choose');
    expect(textOf(confirmation(el))).to.include('Finland');
  });

  it('search filters across all continents, by name, code and calling code', async () => {
    const el = await openDialog();
    searchbox(el).focus();
    await sendKeys({ type: 'japan' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal(['Japan']);
    expect(selectedTabName(el)).to.deep.equal([]);
    expect(listbox(el).getAttribute('aria-label')).to.equal('Results');
    expect(textOf(q(el, '[role=status]')!)).to.equal('1 result');
    await expect(el).to.be.accessible();

    searchbox(el).select();
    await sendKeys({ type: '+44' });
    await el.updateComplete;
    expect(optionNames(el)).to.include.members(['United Kingdom', 'Guernsey', 'Isle of Man', 'Jersey']);
    expect(optionNames(el)).to.have.length(4);

    searchbox(el).select();
    await sendKeys({ type: 'gb' });
    await el.updateComplete;
    expect(optionNames(el)[0]).to.equal('United Kingdom');

    searchbox(el).select();
    await sendKeys({ type: 'cote' });
    await el.updateComplete;
    expect(optionNames(el).some((n) => n.includes('Ivoire'))).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expectFocusOn(focused(el), listbox(el));
    expect(activeOptionName(el)).to.include('Ivoire');

    searchbox(el).select();
    await sendKeys({ type: 'zzzz' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal([]);
    expect(textOf(q(el, '[role=status]')!)).to.equal('No results');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Backspace' });
    searchbox(el).select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(selectedTabName(el)).to.deep.equal(['Europe']);
    expect(optionNames(el)).to.include('France');
  });

  it('choosing asks for confirmation; OK closes and fires hik-country-select', async () => {
    const el = await openDialog();
    await chooseUnitedKingdom(el);
    const alert = confirmation(el);
    expect(alert.matches(':modal')).to.equal(true);
    expect(textOf(alert)).to.include('cannot be changed after registration');
    expect(textOf(alert)).to.include('Register with United Kingdom?');
    expect(buttonNamed(alert, 'Cancel')).to.exist;
    expect(alert.contains(el.shadowRoot!.activeElement)).to.equal(true);
    expect(labelOf(el, alert)).to.not.equal('');
    await expect(el).to.be.accessible();

    const selected = oneEvent(el, 'hik-country-select');
    buttonNamed(alert, 'OK').click();
    const event = await selected;
    expect(event.detail).to.deep.equal({ country: 'GB', callingCode: '44' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
    expect(el.value).to.equal('GB');
    // The event comes first, so the host shows the choice before focus goes back to it.
    await waitUntil(() => !el.open && !mainDialog(el).open, 'the pop-up closes after the event');
  });

  it('Cancel in the confirmation returns to the list on the chosen option', async () => {
    const el = await openDialog();
    let fired = '';
    el.addEventListener('hik-country-select', () => (fired += 'select'));
    el.addEventListener('hik-country-cancel', () => (fired += 'cancel'));
    await chooseUnitedKingdom(el);
    buttonNamed(confirmation(el), 'Cancel').click();
    // The dialog's close event, which moves focus back to the list, comes in a later task.
    await waitUntil(() => focused(el) === listbox(el), 'focus did not return to the list');
    expect(confirmation(el).open).to.equal(false);
    expect(mainDialog(el).open).to.equal(true);
    expect(activeOptionName(el)).to.equal('United Kingdom');
    expect(fired).to.equal('');
  });

  it('Escape in the confirmation goes back to the list, not out of the dialog', async () => {
    const el = await openDialog();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirmation(el).open);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirmation(el).open);
    expect(mainDialog(el).open).to.equal(true);
    expect(el.open).to.equal(true);
  });

  it('an allow-list hides other countries and empty tabs', async () => {
    const el = await fixture<HikCountryDialog>(html`<hik-country-dialog locale="en"
      .countries=${['GB', 'fr', 'JP']}></hik-country-dialog>`);
    el.show();
    await el.updateComplete;
    expect(visibleTabs(el).map(textOf)).to.deep.equal(['Europe', 'Asia']);
    expect(optionNames(el)).to.deep.equal(['France', 'United Kingdom']);
    await sendKeys({ type: 'a' });
    await el.updateComplete;
    expect(optionNames(el)).to.not.include('Australia');
    await expect(el).to.be.accessible();
  });

  it('shows localized names, loaded for the locale', async () => {
    const el = await fixture<HikCountryDialog>(html`<hik-country-dialog locale="fr"></hik-country-dialog>`);
    el.show();
    await el.updateComplete;
    expect(optionNames(el)).to.include('Royaume-Uni');
    expect(optionNames(el)).to.include('Allemagne');
    el.locale = 'de';
    await el.updateComplete;
    expect(optionNames(el)).to.include('Vereinigtes Königreich');
    expect(optionNames(el)).to.not.include('Royaume-Uni');
  });

  it('fits a 320 px wide screen, the list scrolling inside the dialog', async () => {
    await setViewport({ width: 320, height: 568 });
    const el = await openDialog();
    await Promise.all(mainDialog(el).getAnimations().map((a) => a.finished)); // the opening slide
    const box = mainDialog(el).getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    expect(box.bottom).to.be.at.most(568);
    const list = listbox(el);
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    const inView = (name: string) => {
      const o = option(el, name).getBoundingClientRect();
      const l = list.getBoundingClientRect();
      return o.top >= l.top - 1 && o.bottom <= l.bottom + 1;
    };
    expect(inView('Albania')).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(list.scrollTop).to.be.greaterThan(0);
    expect(inView(activeOptionName(el))).to.equal(true);
    expect(inView('Albania')).to.equal(false);
    for (const t of visibleTabs(el)) expect(t.getBoundingClientRect().right).to.be.at.most(320);
  });
});
