/**
 * Mobile phone numbers: as-you-type formatting, validation and E.164, on top of
 * libphonenumber-js. The messages for a check's result are in contact-validation.ts,
 * keeping the caret while formatting in phone-reformat.ts.
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
