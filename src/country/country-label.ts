/**
 * The chosen country's name for the Country button: `regionName()`, the name the
 * country list and the phone errors use too. Asks for the list's names of the locale
 * (i18n-iso-countries, loaded lazily with the list's own module) on first use;
 * `Intl.DisplayNames` names the country until they have arrived. Keeps the name data
 * out of the module a page loads first.
 */
import { hasShippedRegionNames, regionName } from '../i18n/display-names.ts';

const loading = new Set<string>();

/** The name of `code` in `locale`; calls `onLoaded` once better names have arrived. */
export function countryLabel(code: string, locale: string, onLoaded: () => void): string {
  if (!hasShippedRegionNames(locale) && !loading.has(locale)) {
    loading.add(locale);
    import('./country-names.ts')
      .then((m) => m.loadCountryNames(locale))
      .then(() => onLoaded())
      .catch(() => {
        // Offline or a failed chunk: Intl's name stays, which is still correct.
      })
      .finally(() => loading.delete(locale));
  }
  return regionName(code, locale);
}
