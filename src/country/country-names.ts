/**
 * Localized country names, loaded on demand.
 *
 * Names come from i18n-iso-countries's per-language JSON, imported dynamically one
 * language at a time (each is its own lazy chunk, about 2.4 kB gzip) without the
 * package's CommonJS core. `Intl.DisplayNames` fills in a language the package lacks,
 * any code a JSON lacks, and the first paint before a JSON arrives. Loaded names are
 * recorded in src/i18n/display-names.ts, so that every place naming a country
 * (`regionName`) names it the same way.
 */
import { COUNTRIES } from './countries.ts';
import { intlRegionName, setShippedRegionNames } from '../i18n/display-names.ts';

interface LangFile {
  locale: string;
  /** The first entry of an array is the official name, the rest are aliases. */
  countries: Record<string, string | string[]>;
}

// One literal import() per language so that bundlers can split them into chunks.
// Only the languages the widget speaks (lit-localize.json): the widget never asks for
// another, and each entry is a file in dist/langs/ (space on an NVR's flash).
// test/node/country-names.test.ts fails if a shipped language is missing here.
export const LANGS: Record<string, () => Promise<{ default: LangFile }>> = {
  am: () => import('i18n-iso-countries/langs/am.json'),
  ar: () => import('i18n-iso-countries/langs/ar.json'),
  az: () => import('i18n-iso-countries/langs/az.json'),
  bg: () => import('i18n-iso-countries/langs/bg.json'),
  bn: () => import('i18n-iso-countries/langs/bn.json'),
  ca: () => import('i18n-iso-countries/langs/ca.json'),
  cs: () => import('i18n-iso-countries/langs/cs.json'),
  da: () => import('i18n-iso-countries/langs/da.json'),
  de: () => import('i18n-iso-countries/langs/de.json'),
  el: () => import('i18n-iso-countries/langs/el.json'),
  en: () => import('i18n-iso-countries/langs/en.json'),
  es: () => import('i18n-iso-countries/langs/es.json'),
  et: () => import('i18n-iso-countries/langs/et.json'),
  fa: () => import('i18n-iso-countries/langs/fa.json'),
  fi: () => import('i18n-iso-countries/langs/fi.json'),
  fr: () => import('i18n-iso-countries/langs/fr.json'),
  he: () => import('i18n-iso-countries/langs/he.json'),
  hi: () => import('i18n-iso-countries/langs/hi.json'),
  hr: () => import('i18n-iso-countries/langs/hr.json'),
  hu: () => import('i18n-iso-countries/langs/hu.json'),
  hy: () => import('i18n-iso-countries/langs/hy.json'),
  id: () => import('i18n-iso-countries/langs/id.json'),
  is: () => import('i18n-iso-countries/langs/is.json'),
  it: () => import('i18n-iso-countries/langs/it.json'),
  ja: () => import('i18n-iso-countries/langs/ja.json'),
  ka: () => import('i18n-iso-countries/langs/ka.json'),
  kk: () => import('i18n-iso-countries/langs/kk.json'),
  km: () => import('i18n-iso-countries/langs/km.json'),
  ko: () => import('i18n-iso-countries/langs/ko.json'),
  lt: () => import('i18n-iso-countries/langs/lt.json'),
  lv: () => import('i18n-iso-countries/langs/lv.json'),
  mk: () => import('i18n-iso-countries/langs/mk.json'),
  mn: () => import('i18n-iso-countries/langs/mn.json'),
  mr: () => import('i18n-iso-countries/langs/mr.json'),
  ms: () => import('i18n-iso-countries/langs/ms.json'),
  nb: () => import('i18n-iso-countries/langs/nb.json'),
  nl: () => import('i18n-iso-countries/langs/nl.json'),
  pl: () => import('i18n-iso-countries/langs/pl.json'),
  ps: () => import('i18n-iso-countries/langs/ps.json'),
  pt: () => import('i18n-iso-countries/langs/pt.json'),
  ro: () => import('i18n-iso-countries/langs/ro.json'),
  ru: () => import('i18n-iso-countries/langs/ru.json'),
  sk: () => import('i18n-iso-countries/langs/sk.json'),
  sl: () => import('i18n-iso-countries/langs/sl.json'),
  sq: () => import('i18n-iso-countries/langs/sq.json'),
  sr: () => import('i18n-iso-countries/langs/sr.json'),
  sv: () => import('i18n-iso-countries/langs/sv.json'),
  sw: () => import('i18n-iso-countries/langs/sw.json'),
  ta: () => import('i18n-iso-countries/langs/ta.json'),
  th: () => import('i18n-iso-countries/langs/th.json'),
  tr: () => import('i18n-iso-countries/langs/tr.json'),
  uk: () => import('i18n-iso-countries/langs/uk.json'),
  ur: () => import('i18n-iso-countries/langs/ur.json'),
  uz: () => import('i18n-iso-countries/langs/uz.json'),
  vi: () => import('i18n-iso-countries/langs/vi.json'),
  zh: () => import('i18n-iso-countries/langs/zh.json'),
};

const files = new Map<string, Promise<LangFile | null>>();

/** The package's language for a BCP 47 locale, or `null` when it has none. */
function langOf(locale: string): string | null {
  try {
    const parsed = new Intl.Locale(locale);
    // The package's Chinese is Simplified: Intl.DisplayNames serves zh-Hant better.
    if (parsed.language === 'zh' && parsed.maximize().script === 'Hant') return null;
    return parsed.language in LANGS ? parsed.language : null;
  } catch {
    return null; // not a well-formed locale
  }
}

function loadFile(lang: string | null): Promise<LangFile | null> {
  if (lang === null) return Promise.resolve(null);
  let file = files.get(lang);
  if (!file) {
    file = LANGS[lang]!().then(
      (module) => module.default,
      // A chunk that fails to load (offline, CSP) must not break the picker: Intl steps in.
      () => null,
    );
    files.set(lang, file);
  }
  return file;
}

/** Intl's name for a code, the code itself if none. */
const intlName = (code: string, locale: string): string => intlRegionName(code, locale) ?? code;

function entriesOf(file: LangFile | null, code: string): string[] {
  const entry = file?.countries[code];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/**
 * Every country's name in `locale`, by code. Cached per language, and recorded as the
 * names `regionName()` gives for `locale`.
 */
export async function loadCountryNames(locale: string): Promise<Map<string, string>> {
  const file = await loadFile(langOf(locale));
  const names = new Map(COUNTRIES.map(({ code }) => [code, entriesOf(file, code)[0] ?? intlName(code, locale)]));
  setShippedRegionNames(locale, names);
  return names;
}

/**
 * Every name a person might search a country by: the names and aliases in `locale`
 * ("UK" and "Ivory Coast" in English), and Intl's names in `locale` and in English
 * (built into the browser). By code. Only `locale`'s own file is loaded: a German page
 * never downloads the English list.
 */
export async function loadSearchNames(locale: string): Promise<Map<string, string[]>> {
  const local = await loadFile(langOf(locale));
  return new Map(
    COUNTRIES.map(({ code }) => {
      const all = [...entriesOf(local, code), intlName(code, locale), intlName(code, 'en')];
      return [code, [...new Set(all)]];
    }),
  );
}
