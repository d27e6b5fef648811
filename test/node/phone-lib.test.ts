// The phone field validates through the as-you-type reader (src/contact/phone-lib.ts
// `validNumber`) instead of libphonenumber-js's free-text parser, to keep the parser
// out of the browser chunk, and with the metadata of the country's calling code only
// (src/contact/phone-metadata/, written by scripts/phone-metadata.mjs), as the browser
// loads it. Here the reader with that metadata and the parser with the full metadata
// read every country's example mobile number written the ways people type and paste
// it, and must agree on every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { hasCountry, loadMetadata, validNumber } from '../../src/contact/phone-lib.ts';
import { COUNTRIES } from '../../src/country/countries.ts';

const byParser = (text: string, country: CountryCode) => {
  const parsed = parsePhoneNumberFromString(text, country, metadata);
  return parsed && parsed.country === country && parsed.isValid() ? parsed.number : null;
};

function writings(example: string, country: CountryCode): string[] {
  const cc = getCountryCallingCode(country, metadata);
  const national = parsePhoneNumberFromString(example, country, metadata)?.formatNational() ?? example;
  return [
    example, national, `+${cc}${example}`, `+${cc} ${example}`, `00${cc}${example}`, `011${cc}${example}`,
    example.slice(0, -1), `${example}5`, example.replace(/(\d{3})/, '$1-'), `(${example.slice(0, 3)}) ${example.slice(3)}`,
    `0${example}`, `${example} ext. 12`, `tel:${example}`, ` ${example} `, example.replace(/\d/, 'a'),
    '+1 2015550123', '+44 7400 123456', '07400123456', '', '+', '00',
  ];
}

test('validNumber with its calling code\'s metadata agrees with the full parser on every country, written 21 ways', async () => {
  const countries = getCountries(metadata).filter((c) => (examples as Record<string, string>)[c]);
  assert.ok(countries.length > 200, `only ${countries.length} countries have an example number`);
  const disagree: string[] = [];
  let valid = 0;
  for (const country of countries) {
    const own = await loadMetadata(getCountryCallingCode(country, metadata));
    for (const text of writings((examples as Record<string, string>)[country]!, country)) {
      const expected = byParser(text, country);
      const actual = validNumber(text, country, own)?.number ?? null;
      if (expected) valid++;
      if (actual !== expected) disagree.push(`${country} ${JSON.stringify(text)}: parser ${expected}, validNumber ${actual}`);
    }
  }
  assert.deepEqual(disagree.slice(0, 20), [], `${disagree.length} disagreements`);
  // The corpus is not all rejections: most countries' examples are valid in several writings.
  assert.ok(valid > countries.length * 3, `only ${valid} valid cases`);
});

// phone.ts finds a country's file by the calling code of the country table.
test('every calling code of the country table has its metadata, with the country in it', async () => {
  const missing: string[] = [];
  for (const { code, callingCode } of COUNTRIES) {
    if (!callingCode) continue;
    const own = await loadMetadata(callingCode).catch(() => undefined);
    if (!own || !hasCountry(code, own)) missing.push(`${code} +${callingCode}`);
  }
  assert.deepEqual(missing, []);
});

test('each file holds one calling code, all its countries, main country first, and nothing else', async () => {
  for (const [code, countries] of Object.entries(metadata.country_calling_codes)) {
    const own = await loadMetadata(code);
    assert.deepEqual(own.country_calling_codes, { [code]: countries });
    assert.deepEqual(Object.keys(own.countries), countries);
    assert.equal(own.version, metadata.version);
  }
});
