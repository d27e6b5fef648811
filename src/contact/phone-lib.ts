/**
 * The phone way's lazy chunk: the parts of libphonenumber-js the phone field uses, on
 * its `mobile` metadata (validates mobile numbers, which suits SMS codes) cut per
 * calling code, and everything else only the phone way needs (formatting as the user
 * types, keeping the caret, the messages about a number). Named imports from `core` let
 * the bundler drop what the field never calls (number finders, matchers, the parser of
 * free text…), and `core` takes the metadata as an argument, so none is bundled here:
 * each calling code's is a small chunk of its own, loaded by `toolsFor()` for the
 * chosen country only, once.
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
import { callingCodeOf } from '../country/countries.ts';
import { reformat } from './phone-reformat.ts';
import { phoneMessage, type PhoneCheck } from './phone-messages.ts';

export type { CountryCode, MetadataJson, PhoneCheck };

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

/**
 * A number as read: libphonenumber-js's PhoneNumber as the build ships it, without the
 * methods the field never calls (scripts/trim-phone-number.ts cuts them from the class).
 */
export type ReadNumber = Omit<PhoneNumber, 'format' | 'formatNational' | 'formatInternational' | 'getURI' | 'getPossibleCountries'>;

/** What the as-you-type formatter makes of a text typed in a field of a country. */
export interface Typed {
  /** The text formatted for the country's national style, or as typed when `foreign`. */
  text: string;
  /** The number in the text, read as the formatter reads it (valid or not). */
  number: ReadNumber | undefined;
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
export const isValidFor = (number: ReadNumber | undefined, country: CountryCode): boolean =>
  !!number && number.country === country && number.isValid();

/**
 * The number typed in a field of `country`, when it is a valid mobile number of that
 * country. Reading it as the formatter does keeps the library's separate parser out of
 * the chunk (2.7 kB gzip less); test/node/phone-lib.test.ts shows it agrees with that
 * parser on the full metadata, on every country's example number written 21 ways (as
 * typed, formatted, +, 00, 011, cut short, too long, with an extension, with letters…),
 * each read with its own calling code's metadata only.
 */
export function validNumber(text: string, country: CountryCode, metadata: MetadataJson): ReadNumber | undefined {
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

export interface PhoneTools {
  /** The text formatted as the user types, for the country's national format. */
  format(national: string, country: string): string;
  /** Whether the text is a valid mobile number of that country, and if not why. */
  validate(national: string, country: string): PhoneCheck;
  /** What to say next to the field about that text (`''`: it is valid), naming the country. */
  message(national: string, country: string): string;
  /**
   * Formats a field's text just edited for the country (leaves it as typed without one)
   * and puts the caret after the same digit as before. `previous` is the text before
   * the edit, `backspace` whether the edit was one.
   */
  type(input: HTMLInputElement, previous: string, backspace: boolean, country: string | null): void;
  /** `+447400123456`, or null when the number is not valid for that country. */
  toE164(national: string, country: string): string | null;
  /** The country's calling code without `+` (`"44"`), or null if it has none. */
  callingCode(country: string): string | null;
  /**
   * Whether these tools have the country's metadata, or know that it has none (also
   * for no country): if not, the country is treated as unsupported until
   * `loadPhone(country)` returns tools that do.
   */
  ready(country: string | null): boolean;
}

/** Each calling code's metadata, loading or loaded. */
const loading = new Map<string, Promise<void>>();
const loaded = new Map<string, MetadataJson>();
/** The tools over `loaded`; made again after it grows. */
let tools: PhoneTools | undefined;

// A failed chunk load (offline, deploy in between) may succeed on a later try: it is
// forgotten, and the caller gets the error.
function metadataOf(callingCode: string): Promise<void> {
  let load = loading.get(callingCode);
  if (!load) {
    load = loadMetadata(callingCode).then(
      (metadata) => {
        loaded.set(callingCode, metadata);
        tools = undefined;
      },
      (error: unknown) => {
        loading.delete(callingCode);
        throw error;
      },
    );
    loading.set(callingCode, load);
  }
  return load;
}

/**
 * Tools that know the metadata of `country`'s calling code (loaded once) and of every
 * country loaded before; `loadPhone()` of phone.ts, once this chunk is in. Without a
 * country, it waits for the metadata already loading, so that the tools it returns are
 * the newest.
 */
export function toolsFor(country?: string | null): Promise<PhoneTools> {
  const calling = country ? callingCodeOf(country.toUpperCase()) : null;
  // Another country's failed load is that country's error, not this caller's.
  const wait = calling ? metadataOf(calling) : Promise.all([...loading.values()].map((load) => load.catch(() => undefined)));
  return wait.then(() => (tools ??= createTools(new Map(loaded))));
}

/**
 * The tools over the metadata loaded so far (by calling code). They never change: when
 * more metadata arrives, `toolsFor()` makes new ones, so an element that keeps them
 * as state renders again.
 */
export function createTools(plans: ReadonlyMap<string, MetadataJson>): PhoneTools {
  /** The country (upper case) with its metadata, when that is loaded and has it. */
  function planOf(country: string) {
    const code = country.toUpperCase();
    const calling = callingCodeOf(code);
    const metadata = calling === null ? undefined : plans.get(calling);
    return metadata && hasCountry(code, metadata) ? { code, calling, metadata } : undefined;
  }

  function format(national: string, country: string): string {
    const plan = planOf(country);
    return plan ? readTyped(national, plan.code, plan.metadata).text : national;
  }

  function validate(national: string, country: string): PhoneCheck {
    if (!/\d/.test(national)) return 'empty';
    const plan = planOf(country);
    if (!plan) return 'invalid';
    const { number, foreign } = readTyped(national, plan.code, plan.metadata);
    if (isValidFor(number, plan.code)) return 'ok';
    // Another country's number is no number of this one, whatever its length (the
    // metadata of its calling code is not loaded to measure it anyway).
    if (foreign) return 'invalid';
    // validatePhoneNumberLength() measures against every number type of the country
    // (GB: 7, 9 or 10 digits), so "07400 12" would pass as long enough. Measure
    // against the mobile lengths instead (GB: 10 digits after the leading 0).
    const digits = number?.nationalNumber.length ?? 0;
    const lengths = mobileLengths(plan.code, plan.metadata);
    if (lengths.length && digits < Math.min(...lengths)) return 'too_short';
    if (lengths.length && digits > Math.max(...lengths)) return 'too_long';
    return 'invalid';
  }

  return {
    format,
    validate,
    message: (national, country) => phoneMessage(validate(national, country), country.toUpperCase()),
    type(input, previous, backspace, country) {
      const typed = { value: input.value, caret: input.selectionStart ?? input.value.length };
      const { value, caret } = reformat(typed, previous, backspace, (text) => (country ? format(text, country) : text));
      input.value = value;
      input.setSelectionRange(caret, caret);
    },

    toE164(national, country) {
      const plan = planOf(country);
      return (plan && validNumber(national, plan.code, plan.metadata)?.number) ?? null;
    },

    callingCode(country) {
      return planOf(country)?.calling ?? null;
    },

    ready(country) {
      const calling = country ? callingCodeOf(country.toUpperCase()) : null;
      return !calling || plans.has(calling);
    },
  };
}
