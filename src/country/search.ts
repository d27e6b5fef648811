/**
 * Country search: by localized name, English name or alias, ISO code and calling code,
 * ignoring case and accents ("cote" finds Côte d'Ivoire, "+44" and "44" find GB).
 */
import type { Country } from './countries.ts';

/** Lower case, without accents, with typographic apostrophes made plain. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .toLowerCase()
    .trim();
}

/**
 * The countries that match `query`, best first: exact code or calling code, then a
 * name or a word of a name that begins with the query, then a name that contains it.
 * Within a rank the input order is kept (pass them sorted by displayed name).
 *
 * @param namesOf every name to match for a code (localized, English, aliases)
 */
export function searchCountries(
  query: string,
  countries: readonly Country[],
  namesOf: (code: string) => readonly string[],
): Country[] {
  const q = normalizeForSearch(query);
  if (!q) return [...countries];
  const digits = /^\+?\s*(\d+)$/.exec(q)?.[1];
  const ranked: Country[][] = [[], [], []];
  for (const country of countries) {
    const rank = digits ? rankCallingCode(digits, country) : rankNames(q, country, namesOf);
    if (rank !== null) ranked[rank]!.push(country);
  }
  return ranked.flat();
}

function rankCallingCode(digits: string, { callingCode }: Country): number | null {
  if (callingCode === null || !callingCode.startsWith(digits)) return null;
  return callingCode === digits ? 0 : 1;
}

function rankNames(q: string, country: Country, namesOf: (code: string) => readonly string[]): number | null {
  if (q === country.code.toLowerCase()) return 0;
  let best: number | null = null;
  for (const name of namesOf(country.code)) {
    const n = normalizeForSearch(name);
    if (n.startsWith(q) || n.includes(` ${q}`) || n.includes(`-${q}`)) return 1;
    if (n.includes(q)) best = 2;
  }
  return best;
}

/**
 * Type-ahead in a list of names (APG listbox): the index of the next name that begins
 * with `typed`, searching from `from` and wrapping, or -1. Typing one letter again and
 * again ("uuu") cycles through the names that begin with it.
 */
export function typeAheadIndex(typed: string, names: readonly string[], active: number): number {
  const q = normalizeForSearch(typed);
  if (!q || names.length === 0) return -1;
  const repeated = [...q].every((c) => c === q[0]);
  const prefix = repeated ? q[0]! : q;
  // A new first letter, or a repeated one, moves past the current item; a longer prefix may stay on it.
  const start = prefix.length === 1 ? active + 1 : Math.max(active, 0);
  for (let i = 0; i < names.length; i += 1) {
    const index = (start + i) % names.length;
    if (normalizeForSearch(names[index]!).startsWith(prefix)) return index;
  }
  return -1;
}
