// Checks translation files against the source catalogue (xliff/ is written by
// `lit-localize extract`, which lists every message of src/ in each file):
// every unit has a non-empty <target>, the same placeholders as its <source>,
// and a file has exactly the units English has; a sentence left in English (a target
// of two or more words identical to its source) is untranslated. Without arguments every
// file of xliff/ is checked, and also that there is one per language of lit-localize.json
// (at least 60, 4 or more of them right to left: issue 13) and no other.
// Usage: node scripts/check-xliff.mjs [xliff/xx.xlf …]
import { readFileSync, readdirSync } from 'node:fs';

/** Issue 13: the number of languages besides English, and of right-to-left ones among them. */
export const MIN_LANGUAGES = 60;
export const MIN_RTL = 4;
/** Right-to-left languages (src/i18n/localization.ts has the same set for the widget). */
export const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb']);

/** What is wrong with the set of languages: `locales` (lit-localize.json) against the `files` of xliff/. */
export function languageProblems(locales, files) {
  const problems = [];
  if (locales.length < MIN_LANGUAGES) problems.push(`${locales.length} languages, ${MIN_LANGUAGES} needed`);
  const rtl = locales.filter((l) => RTL.has(l.split('-')[0]));
  if (rtl.length < MIN_RTL) problems.push(`${rtl.length} right-to-left languages (${rtl.join(', ')}), ${MIN_RTL} needed`);
  for (const l of locales) if (!files.includes(l)) problems.push(`${l}: no xliff/${l}.xlf`);
  for (const f of files) if (!locales.includes(f)) problems.push(`xliff/${f}.xlf: not a language of lit-localize.json`);
  return problems;
}

export function units(xml) {
  const out = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? null;
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null;
    out.set(m[1], { source, target });
  }
  return out;
}

const placeholders = (s) => [...(s ?? '').matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[1]).sort().join(',');

/** Problems of one file, compared with the ids English has (`expected`). */
export function problemsOf(file, expected) {
  const xml = readFileSync(file, 'utf8');
  const found = units(xml);
  const problems = [];
  for (const id of expected) if (!found.has(id)) problems.push(`${id}: missing`);
  for (const [id, u] of found) {
    if (!expected.has(id)) problems.push(`${id}: no longer in English`);
    if (!u.target || !u.target.trim()) problems.push(`${id}: no translation`);
    else if (u.target === u.source && /\p{L}+\s+\p{L}+/u.test(u.source.replace(/<x [^>]*\/>/g, ''))) problems.push(`${id}: not translated (the English text)`);
    else if (placeholders(u.source) !== placeholders(u.target)) problems.push(`${id}: placeholders differ`);
    else if (/<(?!x id="\d+"[^>]*\/>)/.test(u.target.replace(/<x id="\d+"[^>]*\/>/g, ''))) problems.push(`${id}: markup in the translation`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('xliff').filter((f) => f.endsWith('.xlf')).map((f) => `xliff/${f}`);
  // Every file lists the same sources (extract writes them all); the first is the reference.
  const expected = new Set(units(readFileSync(files[0], 'utf8')).keys());
  let bad = 0;
  if (!process.argv.slice(2).length) {
    const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
    const p = languageProblems(config.targetLocales, files.map((f) => f.replace(/^xliff\//, '').replace(/\.xlf$/, '')));
    bad += p.length;
    console.log(`languages: ${p.length ? `${p.length} problem(s)\n  ${p.join('\n  ')}` : `ok (${config.targetLocales.length})`}`);
  }
  for (const f of files) {
    const p = problemsOf(f, expected);
    bad += p.length;
    console.log(`${f}: ${p.length ? `${p.length} problem(s)\n  ${p.slice(0, 20).join('\n  ')}` : 'ok'}`);
  }
  process.exit(bad ? 1 : 0);
}
