import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setLocale } from '../src/i18n/localization.ts';
import { attemptsText } from '../src/code/code-messages.ts';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import { $, resetBackend, fill, findAx, chooseCountry } from './helpers.ts';

/** English source → translation, read from the shipped XLIFF file (what translators wrote). */
async function catalogue(locale: string): Promise<Map<string, string>> {
  const xml = await (await fetch(`/xliff/${locale}.xlf`)).text();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const map = new Map<string, string>();
  for (const unit of doc.querySelectorAll('trans-unit')) {
    const source = unit.querySelector('source')!;
    const target = unit.querySelector('target')!;
    // Only plain messages (no placeholders) are compared as text here.
    if (!source.querySelector('x')) map.set(source.textContent!, target.textContent!);
  }
  return map;
}

async function mount(attrs: Record<string, string> = {}): Promise<HikRegister> {
  sessionStorage.clear();
  const reg = document.createElement('hik-register') as HikRegister;
  for (const [k, v] of Object.entries({ endpoint: '/api/register', ...attrs })) reg.setAttribute(k, v);
  const el = await fixture<HikRegister>(reg);
  await waitUntil(() => el.shadowRoot!.querySelector('hik-captcha img'), 'captcha loaded', { timeout: 5000 });
  return el;
}

const text = (el: HikRegister, selector: string) => $(el, selector).textContent!.replace(/\*/g, '').trim();

/** Waits until the strings of `locale` are on screen (its chunk loads asynchronously). */
async function shows(el: HikRegister, expected: string): Promise<void> {
  await waitUntil(() => text(el, 'label[for=username]') === expected, `label reads "${expected}"`, { timeout: 5000 });
  await el.updateComplete;
}

function loadedLanguageFiles(): string[] {
  return performance.getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /\/src\/i18n\/locales\/|i18n-iso-countries\/langs\//.test(n))
    .map((n) => n.replace(/\?.*$/, '').replace(/^.*\//, ''));
}

describe('<hik-register> languages', () => {
  before(async () => {
    await resetBackend({ captchaKinds: ['image'] });
  });
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await setLocale('en');
  });

  it('fetches only the active language: its strings and its country names', async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const de = await catalogue('de');
    const el = await mount({ locale: 'de' });
    await shows(el, de.get('User Name')!);
    await chooseCountry(el, 'Vereinigtes Königreich');
    // German strings and names, and no other language: the search matches English
    // names through Intl.DisplayNames, not the English list.
    expect(loadedLanguageFiles().sort()).to.deep.equal(['de.json', 'de.ts']);
  });

  it('names countries through Intl in a language i18n-iso-countries lacks, loading no names file', async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const te = new Intl.DisplayNames(['te'], { type: 'region' });
    const el = await mount({ locale: 'te', country: 'DE' });
    await waitUntil(() => $(el, '#country-button').textContent!.includes(te.of('DE')!), 'Germany named in Telugu');
    $(el, '#country-button').click();
    const dialog = $(el, 'hik-country-dialog');
    const options = () => [...dialog.shadowRoot?.querySelectorAll('[role=option]') ?? []].map((o) => o.textContent!.trim());
    await waitUntil(() => options().some((o) => o.includes(te.of('GB')!)), 'the list names the United Kingdom in Telugu', { timeout: 5000 });
    expect(options().some((o) => o.includes('United Kingdom'))).to.equal(false);
    // Telugu's strings only: no names file (none exists, and no English list stands in).
    // A resource's timing entry can be recorded a little after the module has run.
    await waitUntil(() => loadedLanguageFiles().length > 0, 'the Telugu strings file in the resource timings', { timeout: 5000 });
    expect(loadedLanguageFiles()).to.deep.equal(['te.ts']);
  });

  it('switches language at runtime: text, accessible names and country names, keeping what was typed', async () => {
    const fr = await catalogue('fr');
    const el = await mount();
    fill($(el, '#username'), 'garde_moi');
    fill($(el, 'input[name=email]'), 'kept@example.com');
    await chooseCountry(el, 'Germany');
    expect($(el, '#country-button').textContent).to.include('Germany');
    el.locale = 'fr';
    await shows(el, fr.get('User Name')!);
    expect(text(el, 'h2')).to.equal(fr.get('User Register'));
    expect(text(el, 'button[type=submit]')).to.equal(fr.get('Next'));
    expect(await findAx('textbox', fr.get('User Name')!)).to.exist;
    expect(await findAx('button', fr.get('Show password')!)).to.exist;
    expect(await findAx('radio', fr.get('Register by Email Address')!)).to.exist;
    await waitUntil(() => $(el, '#country-button').textContent!.includes('Allemagne'), 'country name in French');
    expect(($(el, '#username') as HTMLInputElement).value).to.equal('garde_moi');
    expect(($(el, 'input[name=email]') as HTMLInputElement).value).to.equal('kept@example.com');
    expect(el.getAttribute('lang')).to.equal('fr');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('follows the page language when no locale is set, and resolves regional tags', async () => {
    document.documentElement.lang = 'ja-JP';
    const ja = await catalogue('ja');
    const el = await mount();
    await shows(el, ja.get('User Name')!);
    expect(el.getAttribute('lang')).to.equal('ja');
    el.locale = 'zh-TW';
    const zhHant = await catalogue('zh-Hant');
    await shows(el, zhHant.get('User Name')!);
    expect(el.getAttribute('lang')).to.equal('zh-Hant');
    // Serbian in Latin script, Tagalog and Urdu from Pakistan: the shipped sr, fil and ur.
    for (const [tag, locale, dir] of [['sr-Latn-RS', 'sr', 'ltr'], ['tl', 'fil', 'ltr'], ['ur-PK', 'ur', 'rtl'], ['ps-AF', 'ps', 'rtl']]) {
      el.locale = tag;
      await waitUntil(() => el.getAttribute('lang') === locale, `${tag} is served by ${locale}`);
      expect(el.getAttribute('dir'), tag).to.equal(dir);
    }
    el.locale = 'xx-unknown';
    await shows(el, 'User Name');
    expect(el.getAttribute('lang')).to.equal('en');
  });

  it('lays out right to left in Arabic, with the label on the right of its field', async () => {
    const ar = await catalogue('ar');
    const el = await mount({ locale: 'ar' });
    await shows(el, ar.get('User Name')!);
    expect(el.getAttribute('dir')).to.equal('rtl');
    const label = $(el, 'label[for=username]');
    const range = document.createRange();
    range.selectNodeContents(label);
    const textBox = range.getBoundingClientRect();
    const input = $(el, '#username').getBoundingClientRect();
    expect(Math.abs(textBox.right - input.right)).to.be.below(3);
    expect(textBox.left).to.be.above(input.left + 20);
    // The phone prefix and number stay left to right inside.
    $(el, 'input[type=radio][value=sms]').click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('input[name=phone]'), 'phone input');
    expect(getComputedStyle($(el, 'input[name=phone]')).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });

  it('uses each language\'s own plural forms', async () => {
    // Compare the words, not the numbers in them.
    const words = (s: string) => s.replace(/[\d\u0660-\u0669]/g, '#');
    await setLocale('ru');
    const ru = [1, 2, 5].map((n) => words(attemptsText(n, 'ru')));
    expect(new Set(ru).size, ru.join(' / ')).to.equal(3);
    expect(attemptsText(2, 'ru')).to.include('2');
    await setLocale('ar');
    const ar = [0, 1, 2, 3, 11, 100].map((n) => words(attemptsText(n, 'ar')));
    expect(new Set(ar).size, ar.join(' / ')).to.be.at.least(4);
    // Slovenian has a dual (one, two, few, other); Lithuanian one, few, other for whole numbers.
    await setLocale('sl');
    const sl = [1, 2, 3, 5].map((n) => words(attemptsText(n, 'sl')));
    expect(new Set(sl).size, sl.join(' / ')).to.equal(4);
    await setLocale('lt');
    const lt = [1, 2, 10].map((n) => words(attemptsText(n, 'lt')));
    expect(new Set(lt).size, lt.join(' / ')).to.equal(3);
  });
});
