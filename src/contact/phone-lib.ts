/**
 * The parts of libphonenumber-js the phone field uses, bound to its `mobile`
 * metadata (validates mobile numbers, which suits SMS codes). Named imports from
 * `core` let the bundler drop what the field never calls (number finders,
 * matchers, RFC 3966, the parser of free text…): the lazy phone chunk shrinks by
 * about a quarter.
 * Only `phone.ts` imports this module, through `import()`.
 */
import {
  AsYouType as CoreAsYouType,
  Metadata as CoreMetadata,
  getCountryCallingCode as coreCallingCode,
  isSupportedCountry as coreIsSupported,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';

export type { CountryCode };

export const isSupportedCountry = (country: string): country is CountryCode =>
  coreIsSupported(country as CountryCode, metadata);
export const getCountryCallingCode = (country: CountryCode): string => coreCallingCode(country, metadata);

export class AsYouType extends CoreAsYouType {
  constructor(country: CountryCode) {
    super(country, metadata);
  }
}

export class Metadata extends CoreMetadata {
  constructor() {
    super(metadata);
  }
}

/** The number in the text, read as the formatter reads it while typing (valid or not). */
export function readNumber(text: string, country: CountryCode): PhoneNumber | undefined {
  const typing = new CoreAsYouType(country, metadata);
  typing.input(text);
  return typing.getNumber();
}

/** Whether a read number is a valid mobile number *of* `country` ("+1 …" in a UK field is not). */
export const isValidFor = (number: PhoneNumber | undefined, country: CountryCode): boolean =>
  !!number && number.country === country && number.isValid();

/**
 * The number typed in a field of `country`, when it is a valid mobile number of that
 * country. Reading it as the formatter does keeps the library's separate parser out of
 * the chunk (2.7 kB gzip less); test/node/phone-lib.test.ts shows it agrees with that
 * parser on every country's example number written 21 ways (as typed, formatted, +,
 * 00, 011, cut short, too long, with an extension, with letters…).
 */
export function validNumber(text: string, country: CountryCode): PhoneNumber | undefined {
  const number = readNumber(text, country);
  return isValidFor(number, country) ? number : undefined;
}
