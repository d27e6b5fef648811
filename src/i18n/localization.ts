/**
 * The languages: the one `configureLocalization()` of the page, which shipped
 * language serves a requested BCP 47 tag, and its writing direction.
 */
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

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb']);

/** Scripts Chinese is written in, by region when the tag names none. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** The shipped locale that best serves `requested` (`en` when none does). */
export function resolveLocale(requested: string): string {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(requested.trim().replace(/_/g, '-'));
  } catch {
    return SOURCE_LOCALE;
  }
  const exact = ALL_LOCALES.find((l) => l.toLowerCase() === tag.baseName.toLowerCase());
  if (exact) return exact;
  const { language, script, region } = tag;
  if (language === 'zh') {
    const traditional = script === 'Hant' || (!script && region !== undefined && TRADITIONAL_REGIONS.has(region));
    return traditional ? 'zh-Hant' : 'zh-Hans';
  }
  if (language === 'pt') return region === 'PT' || region === 'AO' || region === 'MZ' ? 'pt-PT' : 'pt-BR';
  if (language === 'no' || language === 'nn') return ALL_LOCALES.includes('nb') ? 'nb' : SOURCE_LOCALE;
  return ALL_LOCALES.find((l) => l === language) ?? SOURCE_LOCALE;
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}
