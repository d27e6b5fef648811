/**
 * The one name a country or region goes by in a locale, wherever the widget shows it:
 * the Country button, the country dialog's list, the phone number's errors.
 *
 * The dialog lists i18n-iso-countries's names, which the country folder loads lazily,
 * one language at a time, and records here (`setShippedRegionNames`). Until they have
 * arrived, for a language they do not cover, and for a code they lack,
 * `Intl.DisplayNames` names the region. Both sit in one cache, per locale, so a country
 * cannot be "Czech Republic" on the button and "Czechia" in an error.
 */

interface LocaleNames {
  /** Intl's names, English where the locale has none; `null` for a locale Intl refuses. */
  intl: Intl.DisplayNames | null;
  /** The shipped names by code, once loaded. */
  shipped: ReadonlyMap<string, string> | null;
}

const cache = new Map<string, LocaleNames>();

function namesIn(locale: string): LocaleNames {
  let names = cache.get(locale);
  if (!names) {
    let intl: Intl.DisplayNames | null = null;
    try {
      intl = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      // Not a well-formed locale: no Intl names, the code stands in.
    }
    names = { intl, shipped: null };
    cache.set(locale, names);
  }
  return names;
}

/** `Intl.DisplayNames`'s name of a region code in `locale`, or `undefined` when it has none. */
export function intlRegionName(code: string, locale: string): string | undefined {
  try {
    return namesIn(locale).intl?.of(code);
  } catch {
    return undefined; // not a well-formed region code
  }
}

/** The name `code` is shown by in `locale`: the shipped name once loaded, else Intl's, else the code. */
export function regionName(code: string, locale: string): string {
  return namesIn(locale).shipped?.get(code) ?? intlRegionName(code, locale) ?? code;
}

/** Records the shipped names of `locale` (by code); `regionName` gives them from then on. */
export function setShippedRegionNames(locale: string, names: ReadonlyMap<string, string>): void {
  namesIn(locale).shipped = names;
}

/** Whether the shipped names of `locale` have been recorded. */
export function hasShippedRegionNames(locale: string): boolean {
  return namesIn(locale).shipped !== null;
}
