import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, allLocales } from './locale-codes.ts';

/** The language the source strings are written in. */
export const SOURCE_LOCALE = sourceLocale;

/** Languages with a translation (generated from lit-localize.json). */
export const TARGET_LOCALES: readonly string[] = targetLocales;
export const ALL_LOCALES: readonly string[] = allLocales;

// @lit/localize allows one configuration per page; every element shares it.
// Each language is its own chunk, fetched only when that language is chosen.
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale: string) => import(`./locales/${locale}.ts`),
});
