/**
 * Mobile phone numbers (as-you-type formatting, validation and E.164, on top of
 * libphonenumber-js): how the tools load. Everything only the phone way needs is in
 * the lazy chunk of phone-lib.ts: the library, the tools, the messages about a number
 * (phone-messages.ts), keeping the caret while formatting (phone-reformat.ts).
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

// The tools are made in the lazy chunk, with the library: the first module holds only
// the loading below.
import type { PhoneTools } from './phone-lib.ts';

export type { PhoneCheck, PhoneTools } from './phone-lib.ts';

let library: Promise<typeof import('./phone-lib.ts')> | undefined;

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
  // A failed chunk load (offline, deploy in between) may succeed on a later try: it is
  // forgotten, and the caller gets the error.
  library ??= import('./phone-lib.ts').catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library.then((lib) => lib.toolsFor(country));
}
