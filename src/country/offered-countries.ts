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
  return COUNTRIES.filter((c) => !allowed || allowed.has(c.code))
    .sort((a, b) => collator.compare(nameOf(a.code), nameOf(b.code)));
}

/** The continent tabs that have at least one of `countries`, in tab order. */
export function continentsIn(countries: readonly Country[]): Continent[] {
  return CONTINENTS.filter((continent) => countries.some((c) => c.continent === continent));
}
