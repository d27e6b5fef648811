/**
 * The chosen country's name for the Country button, the same name the country
 * list shows (i18n-iso-countries, loaded lazily with the list's own module), and
 * `Intl.DisplayNames` until that has arrived. Keeps the name data out of the
 * module a page loads first.
 */
const loaded = new Map<string, Map<string, string>>();
const loading = new Set<string>();

function intlName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name of `code` in `locale`; calls `onLoaded` once better names have arrived. */
export function countryLabel(code: string, locale: string, onLoaded: () => void): string {
  const names = loaded.get(locale);
  if (!names && !loading.has(locale)) {
    loading.add(locale);
    import('./country-names.ts')
      .then((m) => m.loadCountryNames(locale))
      .then((map) => {
        loaded.set(locale, map);
        onLoaded();
      })
      .catch(() => {
        // Offline or a failed chunk: Intl's name stays, which is still correct.
      })
      .finally(() => loading.delete(locale));
  }
  return names?.get(code) ?? intlName(code, locale);
}
