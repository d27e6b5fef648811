// Country names ship for exactly the widget's languages: every language of
// lit-localize.json has its names file (or is one Intl serves on purpose), and no
// names file ships for a language the widget cannot be switched to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANGS } from '../../src/country/country-names.ts';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as { sourceLocale: string; targetLocales: string[] };
/**
 * Served by Intl.DisplayNames instead: the package's Chinese is Simplified, and it has
 * no Filipino, Telugu or Burmese.
 */
const BY_INTL = new Set(['zh-Hant', 'fil', 'te', 'my']);
const locales = [config.sourceLocale, ...config.targetLocales];

test('every shipped language has its country names file', () => {
  const missing = locales.filter((l) => !BY_INTL.has(l) && !(new Intl.Locale(l).language in LANGS));
  assert.deepEqual(missing, [], 'languages of lit-localize.json without an entry in LANGS (src/country-names.ts)');
});

test('no country names file ships for a language the widget does not speak', () => {
  const spoken = new Set(locales.map((l) => new Intl.Locale(l).language));
  const extra = Object.keys(LANGS).filter((lang) => !spoken.has(lang));
  assert.deepEqual(extra, [], 'entries of LANGS (src/country-names.ts) no language of lit-localize.json uses');
});

test('Intl names the countries of every language served by Intl in that language, not English', () => {
  const english = new Intl.DisplayNames(['en'], { type: 'region' }).of('PH');
  for (const locale of BY_INTL) {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    assert.equal(names.resolvedOptions().locale, locale, `Intl has no region names in ${locale}`);
    assert.notEqual(names.of('PH'), english, `${locale} names the Philippines in English`);
  }
});
