/**
 * Which of the shipped languages to use for a requested BCP 47 tag, and its
 * writing direction.
 */
import { ALL_LOCALES, SOURCE_LOCALE } from './localization.ts';

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
