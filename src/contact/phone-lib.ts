/**
 * The parts of libphonenumber-js the phone field uses, on its `mobile` metadata
 * (validates mobile numbers, which suits SMS codes) cut per calling code. Named imports
 * from `core` let the bundler drop what the field never calls (number finders,
 * matchers, RFC 3966, the parser of free text…), and `core` takes the metadata as an
 * argument, so none is bundled here: each calling code's is a small chunk of its own,
 * loaded by `loadMetadata()` for the chosen country only.
 * Only `phone.ts` imports this module, through `import()`.
 */
import {
  AsYouType,
  Metadata,
  isSupportedCountry,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';

export type { CountryCode, MetadataJson };

/**
 * The metadata of one calling code (`"44"`: GB, GG, IM and JE), a valid metadata object
 * of `core`. The files are written by scripts/phone-metadata.mjs (before every build,
 * test and dev server: they are derived, not committed). A variable `import()` of one
 * folder: Vite and Storybook make a chunk of each file (dist/phone/) and put the table
 * of their hashed names here (206 of them, 3 kB gzip of this chunk); the browser test
 * runner and Node load the file itself.
 */
export async function loadMetadata(callingCode: string): Promise<MetadataJson> {
  const json: { default: MetadataJson } = await import(`./phone-metadata/${callingCode}.json`);
  return json.default;
}

/** Whether `metadata` holds the numbering plan of `country` (upper case). */
export const hasCountry = (country: string, metadata: MetadataJson): country is CountryCode =>
  isSupportedCountry(country as CountryCode, metadata);

/** What the as-you-type formatter makes of a text typed in a field of a country. */
export interface Typed {
  /** The text formatted for the country's national style, or as typed when `foreign`. */
  text: string;
  /** The number in the text, read as the formatter reads it (valid or not). */
  number: PhoneNumber | undefined;
  /**
   * Whether the text is international ("+…", or the country's "00…") with a calling
   * code this metadata does not have: another country's ("+1 …" in a UK field), or none.
   */
  foreign: boolean;
}

export function readTyped(text: string, country: CountryCode, metadata: MetadataJson): Typed {
  const typing = new AsYouType(country, metadata);
  const formatted = typing.input(text);
  // The full metadata would format "+1 201…" as a US number; this one only squeezes
  // out the spaces, so the text stays as the user typed it.
  const foreign = typing.isInternational() && !typing.getCallingCode();
  return { text: foreign ? text : formatted, number: typing.getNumber(), foreign };
}

/** Whether a read number is a valid mobile number *of* `country` ("+1 …" in a UK field is not). */
export const isValidFor = (number: PhoneNumber | undefined, country: CountryCode): boolean =>
  !!number && number.country === country && number.isValid();

/**
 * The number typed in a field of `country`, when it is a valid mobile number of that
 * country. Reading it as the formatter does keeps the library's separate parser out of
 * the chunk (2.7 kB gzip less); test/node/phone-lib.test.ts shows it agrees with that
 * parser on the full metadata, on every country's example number written 21 ways (as
 * typed, formatted, +, 00, 011, cut short, too long, with an extension, with letters…),
 * each read with its own calling code's metadata only.
 */
export function validNumber(text: string, country: CountryCode, metadata: MetadataJson): PhoneNumber | undefined {
  const { number } = readTyped(text, country, metadata);
  return isValidFor(number, country) ? number : undefined;
}

interface PlanWithTypes {
  possibleLengths(): number[];
  type?(kind: 'MOBILE'): { possibleLengths(): number[] | undefined } | undefined;
}

/** The lengths of the country's mobile numbers (national, without a leading 0). */
export function mobileLengths(country: CountryCode, metadata: MetadataJson): number[] {
  const plans = new Metadata(metadata);
  plans.selectNumberingPlan(country);
  // type() exists at run time (es6/metadata.js) but is missing from the typings.
  const plan = plans.numberingPlan as unknown as PlanWithTypes | undefined;
  return plan?.type?.('MOBILE')?.possibleLengths() ?? plan?.possibleLengths() ?? [];
}
