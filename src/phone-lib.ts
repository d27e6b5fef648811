/**
 * The parts of libphonenumber-js the phone field uses, bound to its `mobile`
 * metadata (validates mobile numbers, which suits SMS codes). Named imports from
 * `core` let the bundler drop what the field never calls (number finders,
 * matchers, RFC 3966…): the lazy phone chunk shrinks by about a fifth.
 * Only `phone.ts` imports this module, through `import()`.
 */
import {
  AsYouType as CoreAsYouType,
  Metadata as CoreMetadata,
  getCountryCallingCode as coreCallingCode,
  isSupportedCountry as coreIsSupported,
  parsePhoneNumberFromString as coreParse,
  type CountryCode,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';

export type { CountryCode };

export const isSupportedCountry = (country: string): country is CountryCode =>
  coreIsSupported(country as CountryCode, metadata);
export const getCountryCallingCode = (country: CountryCode): string => coreCallingCode(country, metadata);
export const parsePhoneNumberFromString = (text: string, country: CountryCode) => coreParse(text, country, metadata);

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
