/**
 * Mobile phone numbers: as-you-type formatting, validation and E.164, on top of
 * libphonenumber-js. The messages for a check's result are in contact-validation.ts,
 * keeping the caret while formatting in phone-reformat.ts.
 *
 * The library is about 16 kB gzip and its metadata for every country another 23 kB,
 * so both load only when someone chooses to register by phone, and the metadata only
 * for the chosen country: `loadPhone(country)` is the one entry point. It imports the
 * library (a lazy chunk), which imports the metadata of the country's calling code
 * (one small chunk per calling code, about 1 kB gzip, 2 kB for +1 with its 25
 * countries). Nothing else in this module touches the library.
 *
 * The `mobile` metadata build is used on purpose: it knows only mobile number
 * patterns, so a landline (which cannot receive an SMS code) is rejected. The
 * flip side is that it cannot say *why* a number of the right length is refused
 * (landline, unassigned range, reserved range): all of those are `invalid`.
 * In countries whose numbering plan does not separate mobile from fixed lines
 * (the US, Canada) every valid number passes.
 */

import { callingCodeOf } from '../country/countries.ts';

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
  /**
   * Whether these tools have the country's metadata, or know that it has none (also
   * for no country): if not, the country is treated as unsupported until
   * `loadPhone(country)` returns tools that do.
   */
  ready(country: string | null): boolean;
}

type Lib = typeof import('./phone-lib.ts');
type MetadataJson = import('./phone-lib.ts').MetadataJson;

/**
 * The tools over the metadata loaded so far (by calling code). They never change: when
 * more metadata arrives, `loadPhone()` makes new ones, so an element that keeps them
 * as state renders again.
 */
function createTools(lib: Lib, plans: ReadonlyMap<string, MetadataJson>): PhoneTools {
  /** The country (upper case) with its metadata, when that is loaded and has it. */
  function planOf(country: string) {
    const code = country.toUpperCase();
    const calling = callingCodeOf(code);
    const metadata = calling === null ? undefined : plans.get(calling);
    return metadata && lib.hasCountry(code, metadata) ? { code, calling, metadata } : undefined;
  }

  return {
    format(national, country) {
      const plan = planOf(country);
      return plan ? lib.readTyped(national, plan.code, plan.metadata).text : national;
    },

    validate(national, country) {
      if (!/\d/.test(national)) return 'empty';
      const plan = planOf(country);
      if (!plan) return 'invalid';
      const { number, foreign } = lib.readTyped(national, plan.code, plan.metadata);
      if (lib.isValidFor(number, plan.code)) return 'ok';
      // Another country's number is no number of this one, whatever its length (the
      // metadata of its calling code is not loaded to measure it anyway).
      if (foreign) return 'invalid';
      // validatePhoneNumberLength() measures against every number type of the country
      // (GB: 7, 9 or 10 digits), so "07400 12" would pass as long enough. Measure
      // against the mobile lengths instead (GB: 10 digits after the leading 0).
      const digits = number?.nationalNumber.length ?? 0;
      const lengths = lib.mobileLengths(plan.code, plan.metadata);
      if (lengths.length && digits < Math.min(...lengths)) return 'too_short';
      if (lengths.length && digits > Math.max(...lengths)) return 'too_long';
      return 'invalid';
    },

    toE164(national, country) {
      const plan = planOf(country);
      return (plan && lib.validNumber(national, plan.code, plan.metadata)?.number) ?? null;
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

let library: Promise<Lib> | undefined;
/** Each calling code's metadata, loading or loaded. */
const loading = new Map<string, Promise<void>>();
const loaded = new Map<string, MetadataJson>();
/** The tools over `loaded`; made again after it grows. */
let tools: PhoneTools | undefined;

// A failed chunk load (offline, deploy in between) may succeed on a later try: it is
// forgotten, and the caller gets the error.
function loadLibrary(): Promise<Lib> {
  library ??= import('./phone-lib.ts').catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library;
}

function loadMetadata(callingCode: string): Promise<void> {
  let load = loading.get(callingCode);
  if (!load) {
    load = loadLibrary().then((lib) => lib.loadMetadata(callingCode)).then(
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
 * Loads libphonenumber-js and the metadata of `country`'s calling code (each once) and
 * returns tools that know it and every country loaded before. The calling code comes
 * from the country table (countries.ts, checked against the library's by
 * test/countries.test.ts); a country without one there is unsupported: its number is
 * left as typed and never valid. Without a country (none chosen yet), it loads the
 * library, so that choosing one loads only its small chunk, and waits for the metadata
 * already loading, so that the tools it returns are the newest.
 */
export function loadPhone(country?: string | null): Promise<PhoneTools> {
  const calling = country ? callingCodeOf(country.toUpperCase()) : null;
  // Another country's failed load is that country's error, not this caller's.
  const others = [...loading.values()].map((load) => load.catch(() => undefined));
  const wait = calling ? loadMetadata(calling) : Promise.all([loadLibrary(), ...others]);
  return wait.then(async () => (tools ??= createTools(await loadLibrary(), new Map(loaded))));
}
