// Writes src/contact/phone-metadata/<calling code>.json: libphonenumber-js's `mobile`
// metadata cut per calling code, so the phone field loads only the chosen country's
// (about 1 kB gzip instead of 23 kB for every country). Derived from the installed
// library, so not committed (.gitignore): every command that compiles src/ runs this
// first, as it runs the i18n step (package.json: start, build, storybook;
// scripts/test.mjs), and it is cheap enough to run each time (about 50 ms).
//
// One file per calling code, not per country: countries that share a code (+1: the US,
// Canada and 23 more; +44: GB, GG, IM, JE) share one numbering plan and must all be in
// it, as in the full metadata, for the as-you-type reader to tell a Canadian number
// from a US one. A file is a valid metadata object of libphonenumber-js/core (its
// `Metadata` wants `countries`; `version` selects the format; an empty `nonGeographic`
// keeps it off its pre-v4 fallbacks): the code's `country_calling_codes` entry, its
// countries, no non-geographic numbering (+800…, never a country's).
//
// `node scripts/phone-metadata.mjs [dir]` writes them to `dir` instead.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DIR = fileURLToPath(new URL('../src/contact/phone-metadata/', import.meta.url));

/** The metadata of one calling code, cut out of the full metadata object. */
export function metadataFor(full, callingCode) {
  const countries = full.country_calling_codes[callingCode];
  return {
    version: full.version,
    country_calling_codes: { [callingCode]: countries },
    countries: Object.fromEntries(countries.map((c) => [c, full.countries[c]])),
    nonGeographic: {},
  };
}

/** Writes every calling code's file into `dir` (and removes stale ones); returns how many. */
export function writePhoneMetadata(dir = DEFAULT_DIR) {
  const require = createRequire(import.meta.url);
  const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.mobile.json'), 'utf8'));
  mkdirSync(dir, { recursive: true });
  const codes = Object.keys(full.country_calling_codes);
  const wanted = new Set(codes.map((code) => `${code}.json`));
  for (const name of readdirSync(dir)) if (!wanted.has(name)) rmSync(join(dir, name));
  for (const code of codes) {
    const text = JSON.stringify(metadataFor(full, code));
    const file = join(dir, `${code}.json`);
    // Unchanged files keep their mtime: a running dev server or test runner is not woken.
    let old = null;
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // not written yet
    }
    if (old !== text) writeFileSync(file, text);
  }
  return codes.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePhoneMetadata(process.argv[2] ?? DEFAULT_DIR);
}
