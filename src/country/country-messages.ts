/**
 * User-facing text of the country dialog, kept apart from its logic. Call these while
 * rendering a `@localized()` element so that they follow the active language.
 */
import { msg, str } from '@lit/localize';
import type { Continent } from './countries.ts';
import { getLocale } from '../i18n/localization.ts';

/** The name of a continent tab. */
export function continentName(continent: Continent): string {
  switch (continent) {
    case 'europe': return msg('Europe', { desc: 'Continent tab' });
    case 'asia': return msg('Asia', { desc: 'Continent tab' });
    case 'america': return msg('America', { desc: 'Continent tab (North, Central and South America)' });
    case 'africa': return msg('Africa', { desc: 'Continent tab' });
    case 'oceania': return msg('Oceania', { desc: 'Continent tab' });
  }
}

/** How many countries the search found, announced in a live region. */
export function resultCount(count: number): string {
  if (count === 0) return msg('No results', { desc: 'Country search found nothing' });
  const locale = getLocale();
  const n = new Intl.NumberFormat(locale).format(count);
  // One message per CLDR plural category, so every language can use its own forms.
  switch (new Intl.PluralRules(locale).select(count)) {
    case 'zero': return msg(str`${n} results`, { id: 'results-zero', desc: 'Country search count; plural category "zero"' });
    case 'one': return msg(str`${n} result`, { id: 'results-one', desc: 'Country search count; plural category "one"' });
    case 'two': return msg(str`${n} results`, { id: 'results-two', desc: 'Country search count; plural category "two"' });
    case 'few': return msg(str`${n} results`, { id: 'results-few', desc: 'Country search count; plural category "few"' });
    case 'many': return msg(str`${n} results`, { id: 'results-many', desc: 'Country search count; plural category "many"' });
    default: return msg(str`${n} results`, { id: 'results-other', desc: 'Country search count; plural category "other"' });
  }
}

/** The seed's warning after a country is chosen. */
export function confirmText(country: string): string {
  return msg(str`The country or region cannot be changed after registration. Register with ${country}?`, {
    desc: 'Confirmation after choosing a country; {country} is its name',
  });
}
