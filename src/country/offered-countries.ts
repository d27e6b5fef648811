/** Which countries the dialog offers, in which order, under which tabs. */
import { CONTINENTS, COUNTRIES, type Continent, type Country } from './countries.ts';

/**
 * The offered countries sorted by displayed name in `locale`'s collation.
 *
 * @param allowList ISO codes (any case) to keep; `null` keeps all
 */
export function offeredCountries(
  allowList: readonly string[] | null,
  locale: string,
  nameOf: (code: string) => string,
): Country[] {
  const allowed = allowList && new Set(allowList.map((c) => c.toUpperCase()));
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = new Intl.Collator('en'); // an ill-formed locale must not break the list
  }
  // Each name once, not twice per comparison (Intl.DisplayNames names them until the
  // shipped names are in: some 4,000 look-ups took 50 ms and more on a slow machine).
  const named = COUNTRIES.filter((c) => !allowed || allowed.has(c.code)).map((c) => ({ c, name: nameOf(c.code) }));
  return named.sort((a, b) => collator.compare(a.name, b.name)).map(({ c }) => c);
}

/** The continent tabs that have at least one of `countries`, in tab order. */
export function continentsIn(countries: readonly Country[]): Continent[] {
  return CONTINENTS.filter((continent) => countries.some((c) => c.continent === continent));
}
