/**
 * Mobile phone numbers: as-you-type formatting, validation and E.164, on top of
 * libphonenumber-js.
 *
 * The library is about 40 kB gzip, so it is loaded only when someone chooses to
 * register by phone: `loadPhone()` is the one entry point and uses a dynamic
 * `import()`, which bundlers turn into a lazy chunk. Nothing else in this module
 * touches the library.
 *
 * The `mobile` metadata build is used on purpose: it knows only mobile number
 * patterns, so a landline (which cannot receive an SMS code) is rejected. The
 * flip side is that it cannot say *why* a number of the right length is refused
 * (landline, unassigned range, reserved range): all of those are `invalid`.
 * In countries whose numbering plan does not separate mobile from fixed lines
 * (the US, Canada) every valid number passes.
 */
import { msg, str } from '@lit/localize';
import { getLocale } from '../i18n/localization.ts';
import { regionName } from '../i18n/display-names.ts';

/** Outcome of checking a number typed for a country. */
export type PhoneCheck = 'ok' | 'empty' | 'too_short' | 'too_long' | 'invalid';

export interface PhoneTools {
  /** The text formatted as the user types, for the country's national format. */
  format(national: string, country: string): string;
  /** Whether the text is a valid mobile number of that country, and if not why. */
  validate(national: string, country: string): PhoneCheck;
  /** `+447400123456`, or null when the number is not valid for that country. */
  toE164(national: string, country: string): string | null;
  /** The country's calling code without `+` (`"44"`), or null if it has none. */
  callingCode(country: string): string | null;
}

type Lib = typeof import('./phone-lib.ts');

interface PlanWithTypes {
  possibleLengths(): number[];
  type?(kind: 'MOBILE'): { possibleLengths(): number[] | undefined } | undefined;
}

function createTools(lib: Lib): PhoneTools {
  const supported = (country: string) => lib.isSupportedCountry(country.toUpperCase());
  const code = (country: string) => country.toUpperCase() as import('./phone-lib.ts').CountryCode;

  /** The number, only when it belongs to `country` and is valid there ("+1 …" in a UK field is not). */
  function parseValid(national: string, country: string) {
    return supported(country) ? lib.validNumber(national, code(country)) : undefined;
  }

  function mobileLengths(country: string): number[] {
    const metadata = new lib.Metadata();
    metadata.selectNumberingPlan(code(country));
    // type() exists at run time (es6/metadata.js) but is missing from the typings.
    const plan = metadata.numberingPlan as unknown as PlanWithTypes | undefined;
    return plan?.type?.('MOBILE')?.possibleLengths() ?? plan?.possibleLengths() ?? [];
  }

  return {
    format(national, country) {
      if (!supported(country)) return national;
      return new lib.AsYouType(code(country)).input(national);
    },

    validate(national, country) {
      if (!/\d/.test(national)) return 'empty';
      if (!supported(country)) return 'invalid';
      const number = lib.readNumber(national, code(country));
      if (lib.isValidFor(number, code(country))) return 'ok';
      // validatePhoneNumberLength() measures against every number type of the country
      // (GB: 7, 9 or 10 digits), so "07400 12" would pass as long enough. Measure
      // against the mobile lengths instead (GB: 10 digits after the leading 0).
      const digits = number?.nationalNumber.length ?? 0;
      const lengths = mobileLengths(country);
      if (lengths.length && digits < Math.min(...lengths)) return 'too_short';
      if (lengths.length && digits > Math.max(...lengths)) return 'too_long';
      return 'invalid';
    },

    toE164(national, country) {
      return parseValid(national, country)?.number ?? null;
    },

    callingCode(country) {
      return supported(country) ? lib.getCountryCallingCode(code(country)) : null;
    },
  };
}

let loading: Promise<PhoneTools> | undefined;

/** Loads libphonenumber-js (once) and returns the helpers built on it. */
export function loadPhone(): Promise<PhoneTools> {
  loading ??= import('./phone-lib.ts').then(createTools, (error: unknown) => {
    // A failed chunk load (offline, deploy in between) may succeed on a later try.
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The localized message for a check result; `country` is ISO alpha-2 (named in the text). */
export function phoneMessage(check: PhoneCheck, country: string): string {
  const name = countryName(country);
  switch (check) {
    case 'ok': return '';
    case 'empty': return msg('Enter a mobile phone number', { desc: 'Mobile Phone Number field is empty' });
    case 'too_short': return msg(str`This number is too short for ${name}`, { desc: 'Phone number too short; the value is a country name' });
    case 'too_long': return msg(str`This number is too long for ${name}`, { desc: 'Phone number too long; the value is a country name' });
    case 'invalid': return msg(str`Enter a valid mobile phone number for ${name}`, { desc: 'Phone number not a valid mobile number; the value is a country name' });
  }
}

/** The country as the Country button and the country list name it. */
function countryName(country: string): string {
  return regionName(country, getLocale());
}

/** A field's text and where its caret is. */
export interface Edit { value: string; caret: number }

/** Digits and `+`: the characters the caret stays next to when spaces move around. */
const isSignificant = (ch: string) => /[\d+]/.test(ch);
const countSignificant = (text: string) => [...text].filter(isSignificant).length;

/**
 * Formats the text of a phone field after an edit and says where the caret goes:
 * after the same digit as before, or at the end if it was there.
 * `previous` is the text before the edit, `backspace` whether the edit was one.
 */
export function reformat(edit: Edit, previous: string, backspace: boolean, format: (text: string) => string): Edit {
  let { value, caret } = edit;
  const atEnd = caret === value.length;
  // Backspace right after a space or bracket removes only that separator, which
  // formatting puts straight back: remove the digit before it instead.
  if (backspace && countSignificant(value) === countSignificant(previous)) {
    const before = value.slice(0, caret).replace(/[\d+](?=[^\d+]*$)/, '');
    value = before + value.slice(caret);
    caret = before.length;
  }
  const keep = countSignificant(value.slice(0, caret));
  const formatted = format(value);
  if (atEnd || keep === 0) return { value: formatted, caret: atEnd ? formatted.length : 0 };
  let seen = 0;
  for (let i = 0; i < formatted.length; i += 1) {
    if (isSignificant(formatted[i]) && (seen += 1) === keep) return { value: formatted, caret: i + 1 };
  }
  return { value: formatted, caret: formatted.length };
}
