import { configureLocalization } from '@lit/localize';

/** The language the source strings are written in. */
export const SOURCE_LOCALE = 'en';

/** Languages with a translation (filled by the localization work, issue 4). */
export const TARGET_LOCALES: readonly string[] = [];

// @lit/localize allows one configuration per page; every element shares it.
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: (locale: string) => Promise.reject(new Error(`No translation for ${locale}`)),
});
