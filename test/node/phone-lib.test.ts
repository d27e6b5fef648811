// The phone field validates through the as-you-type reader (src/phone-lib.ts
// `validNumber`) instead of libphonenumber-js's free-text parser, to keep the parser
// out of the browser chunk. Here both read every country's example mobile number
// written the ways people type and paste it, and must agree on every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { validNumber } from '../../src/contact/phone-lib.ts';

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

test('validNumber agrees with the full parser on every country, written 21 ways', () => {
  const countries = getCountries(metadata).filter((c) => (examples as Record<string, string>)[c]);
  assert.ok(countries.length > 200, `only ${countries.length} countries have an example number`);
  const disagree: string[] = [];
  let valid = 0;
  for (const country of countries) {
    for (const text of writings((examples as Record<string, string>)[country]!, country)) {
      const expected = byParser(text, country);
      const actual = validNumber(text, country)?.number ?? null;
      if (expected) valid++;
      if (actual !== expected) disagree.push(`${country} ${JSON.stringify(text)}: parser ${expected}, validNumber ${actual}`);
    }
  }
  assert.deepEqual(disagree.slice(0, 20), [], `${disagree.length} disagreements`);
  // The corpus is not all rejections: most countries' examples are valid in several writings.
  assert.ok(valid > countries.length * 3, `only ${valid} valid cases`);
});
