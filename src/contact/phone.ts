/**
 * Mobile phone numbers (as-you-type formatting, validation and E.164, on top of
 * libphonenumber-js): how the tools load. The tools themselves are in phone-lib.ts,
 * the messages for a check's result in contact-validation.ts, keeping the caret while
 * formatting in phone-reformat.ts.
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

// The tools are made in the lazy chunk, with the library: the first module holds only
// the loading below.
import type { MetadataJson, PhoneTools } from './phone-lib.ts';

export type { PhoneCheck, PhoneTools } from './phone-lib.ts';
type Lib = typeof import('./phone-lib.ts');

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
  return wait.then(async () => (tools ??= (await loadLibrary()).createTools(new Map(loaded))));
}
