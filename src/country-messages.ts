/**
 * User-facing text of the country dialog, kept apart from its logic. Call these while
 * rendering a `@localized()` element so that they follow the active language.
 */
import { msg, str } from '@lit/localize';
import type { Continent } from './countries.ts';

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
  if (count === 1) return msg('1 result', { desc: 'Country search found one country' });
  return msg(str`${count} results`, { desc: 'Country search count' });
}

/** The seed's warning after a country is chosen. */
export function confirmText(country: string): string {
  return msg(str`The country or region cannot be changed after registration. Register with ${country}?`, {
    desc: 'Confirmation after choosing a country; {country} is its name',
  });
}
