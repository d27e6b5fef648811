// The build's cut of libphonenumber-js's PhoneNumber class (scripts/trim-phone-number.ts):
// the class that ships must read and validate every number as the published one does,
// and the cut must refuse a source it does not recognize.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getCountries, getCountryCallingCode, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { trimPhoneNumber } from '../../scripts/trim-phone-number.ts';

const es6 = fileURLToPath(new URL('../../node_modules/libphonenumber-js/es6/', import.meta.url));
const published = readFileSync(`${es6}PhoneNumber.js`, 'utf8');

interface Number {
  country?: string;
  countryCallingCode: string;
  nationalNumber: string;
  number: string;
  isValid(): boolean;
  isPossible(): boolean;
  getType(): string | undefined;
}
type NumberClass = new (countryOrCallingCode: string, nationalNumber: string, metadata: MetadataJson) => Number;

/** A module from its source, its relative imports read from the library's es6/ folder. */
async function classOf(source: string): Promise<NumberClass> {
  const absolute = source
    .replace(/from '\.\/([^']+)'/g, (_, path: string) => `from '${pathToFileURL(es6 + path).href}'`)
    .replace(/\/\/# sourceMappingURL=.*/, '');
  const module = (await import(`data:text/javascript,${encodeURIComponent(absolute)}`)) as { default: NumberClass };
  return module.default;
}

test('the cut class reads and validates every country\'s example number as the published one', async () => {
  const [Cut, Published] = await Promise.all([classOf(trimPhoneNumber(published)), classOf(published)]);
  const countries = getCountries(metadata).filter((c) => (examples as Record<string, string>)[c]);
  assert.ok(countries.length > 200);
  let valid = 0;
  for (const country of countries) {
    const example = (examples as Record<string, string>)[country]!;
    for (const [from, national] of [[country, example], [getCountryCallingCode(country as CountryCode, metadata), example.slice(1)]] as const) {
      const cut = new Cut(from, national, metadata);
      const whole = new Published(from, national, metadata);
      const read = (n: Number) => [n.country, n.countryCallingCode, n.nationalNumber, n.number, n.isValid(), n.isPossible(), n.getType()];
      assert.deepEqual(read(cut), read(whole), `${from} ${national}`);
      if (cut.isValid()) valid++;
    }
  }
  assert.ok(valid >= countries.length, `only ${valid} valid`);
});

test('the cut class has no formatter', async () => {
  const Cut = await classOf(trimPhoneNumber(published));
  const number = new Cut('GB', '7400123456', metadata);
  for (const method of ['format', 'formatNational', 'formatInternational', 'getURI', 'getPossibleCountries']) {
    assert.equal(method in number, false, method);
  }
  assert.doesNotMatch(trimPhoneNumber(published), /format\.js|getPossibleCountriesForNumber/);
});

test('a source not as expected (another version of the library) stops the build', () => {
  assert.throws(() => trimPhoneNumber(published.replace('key: "getURI"', 'key: "getUri"')), /not as expected/);
  assert.throws(() => trimPhoneNumber(published.replace("import formatNumber from './format.js';", "import formatNumber from './formatNumber.js';")), /not as expected/);
  assert.throws(() => trimPhoneNumber(published.replace('return isValidNumber(this', 'formatNumber(this); return isValidNumber(this')), /not as expected/);
});
