// Prints the gzip size of every file in dist/ and checks the budgets of issues 3 and 10:
// the module a page loads first <= 25 KB gzip, all JS of dist/
// without locale data <= 80 KB gzip; and of issue 10: the email path (what a completed
// registration in English loads) <= 45 KB, the phone path (the email path, the phone
// library and the largest calling code's metadata) <= 60 KB gzip, the largest
// per-country metadata chunk (dist/phone/) <= 2 KB gzip; and of issue 13: each
// language's data (its strings in locales/ plus its country names in langs/, what a page
// in that language loads on top of the code) <= 7 KB gzip, for every language of
// lit-localize.json.
// `--check` makes an exceeded budget fail; `--dir <folder>` measures another build than dist/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dirArg = process.argv.indexOf('--dir');
const DIST = dirArg > 0 && process.argv[dirArg + 1] ? process.argv[dirArg + 1] : 'dist';
const KB = 1024;
// Issue 10: what the bare tag needs before its first paint (was 30 KB in issue 3).
const BUDGET_FIRST = 25 * KB;
const BUDGET_ALL = 80 * KB;
const BUDGET_PHONE = 60 * KB;
const BUDGET_EMAIL = 45 * KB;
const BUDGET_PHONE_METADATA = 2 * KB;
const BUDGET_LANGUAGE = 7 * KB;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const files = walk(DIST).sort();
const rows = files.map((f) => {
  const buf = readFileSync(f);
  return { file: relative(DIST, f), raw: buf.length, gzip: gz(buf) };
});
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(48)} ${pad('bytes', 9)} ${pad('gzip', 8)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${pad(r.raw, 9)} ${pad(r.gzip, 8)}`);

// Locale data: translations and country-name chunks, loaded only for the active language.
const isLocale = (f) => /(^|\/)(locales?|langs?)\/|[-_/](lang|locale)-|\.json$|i18n-iso-countries/.test(f) || /\/[a-z]{2}(-[A-Za-z]+)?-[\w-]{8}\.js$/.test(f) && f.includes('langs');
// The module a page loads first is the entry plus every chunk it imports statically;
// with dynamic import() too, it is everything a browser can ever load. The rest of
// dist/ is for the package (Node entry, the contract module, declarations).
// A computed path (`./locales/${locale}.js`) is not followed: those are the languages' files.
const dynamicImports = /\bimport\(\s*[`"'](\.{1,2}\/[^`"'$]+)[`"']\s*\)/g;
function closure(file, dynamic = false, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = readFileSync(join(DIST, file), 'utf8');
  const imports = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of [...src.matchAll(imports), ...(dynamic ? src.matchAll(dynamicImports) : [])]) {
    closure(relative(DIST, join(DIST, file, '..', m[1])), dynamic, seen);
  }
  return seen;
}
// index.js is the npm entry (a re-export); hik-register.js is what a script tag loads.
// Each language's files (locales/, langs/) and each calling code's metadata (phone/) are
// loaded by a computed path: one of each per page.
const browserFiles = new Set([...closure('index.js', true), ...rows.map((r) => r.file).filter((f) => /^(locales|langs|phone)\//.test(f))]);
const js = rows.filter((r) => browserFiles.has(r.file));
// Locale data and per-country phone metadata: one of each loads, for the page's language
// and the chosen country, so neither counts in "all JS".
const code = js.filter((r) => !isLocale(r.file) && !r.file.startsWith('phone/'));
const firstFiles = [...closure('hik-register.js')];
const first = { gzip: gz(Buffer.concat(firstFiles.map((f) => readFileSync(join(DIST, f))))) };
console.log(`\nloaded first: ${firstFiles.join(' + ')}`);
const all = gz(Buffer.concat(code.map((r) => readFileSync(join(DIST, r.file)))));
const sum = code.reduce((n, r) => n + r.gzip, 0);
console.log('');
console.log(`first module with its static imports: ${first.gzip} B gzip (budget ${BUDGET_FIRST})`);
console.log(`all JS without locale data: ${sum} B gzip as separate files, ${all} B as one stream (budget ${BUDGET_ALL})`);
// Everything else in dist/: for the package, never loaded by a browser (the contract's
// JSON Schemas and module, declarations, the Node entry), shown so the whole is never hidden.
const rest = rows.filter((r) => !browserFiles.has(r.file));
const restSum = rest.reduce((n, r) => n + r.gzip, 0);
console.log(`package files no browser loads (${rest.length}: contract, declarations, Node entry): ${restSum} B gzip`);
// The email path: a registration in English with the bare tag, from first paint to the
// success pop-up, loads the first module, every chunk the core loads with import() and
// what those import statically, except the phone library (the phone way), the
// proof-of-work solver (a picture captcha by default) and the takeover (only a
// pre-rendered page loads it, with hik-register.css), and the English country names.
// The phone library is the chunk that loads the metadata of the country's calling code
// (phone/<code>.js, one per calling code) by a computed path.
const metadataRows = js.filter((r) => r.file.startsWith('phone/'));
const phoneLib = code.find((r) => /\bimport\(\s*`(\.\/|\.\.\/)+phone\/\$\{/.test(readFileSync(join(DIST, r.file), 'utf8')));
const firstSet = new Set(firstFiles);
const lazyOfCore = [...readFileSync(join(DIST, 'hik-register.js'), 'utf8').matchAll(dynamicImports)].map((m) => relative(DIST, join(DIST, m[1])));
const emailFiles = new Set(lazyOfCore
  .filter((f) => f !== phoneLib?.file && !/^chunks\/(pow-|takeover-)/.test(f))
  .flatMap((f) => [...closure(f)])
  .filter((f) => !firstSet.has(f)));
const emailParts = [...[...emailFiles].map((f) => rows.find((r) => r.file === f)), rows.find((r) => r.file === 'langs/en.js')].filter(Boolean);
const emailPath = first.gzip + emailParts.reduce((n, r) => n + r.gzip, 0);
console.log(`email path: ${emailPath} B gzip (budget ${BUDGET_EMAIL}) = first module ${first.gzip} + ${emailParts.map((r) => `${r.file} ${r.gzip}`).join(' + ')}`);
const preParts = [rows.find((r) => /^chunks\/takeover-/.test(r.file)), rows.find((r) => r.file === 'hik-register.css')].filter(Boolean);
if (preParts.length) console.log(`a pre-rendered page loads besides: ${preParts.map((r) => `${r.file} ${r.gzip}`).join(' + ')} (and its HTML)`);
// The phone path: the email path, then choosing "by phone" loads the library and the
// largest calling code's metadata.
const largest = metadataRows.reduce((a, r) => (!a || r.gzip > a.gzip ? r : a), undefined);
const phonePath = phoneLib && largest ? emailPath + phoneLib.gzip + largest.gzip : undefined;
if (phonePath !== undefined) {
  console.log(`phone path: ${phonePath} B gzip (budget ${BUDGET_PHONE}) = email path ${emailPath} + phone library ${phoneLib.file} ${phoneLib.gzip} + largest metadata ${largest.file} ${largest.gzip}`);
  console.log(`largest per-country metadata chunk: ${largest.file} ${largest.gzip} B gzip (budget ${BUDGET_PHONE_METADATA}), of ${metadataRows.length} in phone/ (${metadataRows.reduce((n, r) => n + r.gzip, 0)} B in all)`);
} else {
  console.log('phone path: no phone library chunk importing phone/ metadata chunks found');
}
// Each language's chunks: its translated strings (none for English, the source) plus its
// country names (none where Intl.DisplayNames names the countries: zh-Hant, and the
// languages i18n-iso-countries lacks). Every language of lit-localize.json is listed,
// and one whose strings chunk is missing from the build counts as over budget.
const config = JSON.parse(readFileSync(new URL('../lit-localize.json', import.meta.url), 'utf8'));
const chunkOf = (dir, name) => rows.find((r) => r.file === `${dir}/${name}.js`);
console.log(`\nper language (gzip bytes, budget ${BUDGET_LANGUAGE}): strings + country names = total`);
const languages = [config.sourceLocale, ...config.targetLocales].map((locale) => {
  const strings = locale === config.sourceLocale ? { file: '(source)', gzip: 0 } : chunkOf('locales', locale);
  const names = locale === 'zh-Hant' ? undefined : chunkOf('langs', locale.split('-')[0]);
  const total = (strings?.gzip ?? 0) + (names?.gzip ?? 0);
  const over = !strings || total > BUDGET_LANGUAGE;
  const parts = `${strings ? String(strings.gzip).padStart(6) : ' none!'} + ${names ? String(names.gzip).padStart(5) : ' Intl'}`;
  console.log(`  ${locale.padEnd(8)} ${parts} = ${String(total).padStart(5)}${over ? '  OVER' : ''}`);
  return { locale, total, over };
});
const largestLanguage = languages.reduce((a, l) => (l.total > a.total ? l : a));
console.log(`largest language: ${largestLanguage.locale} ${largestLanguage.total} B gzip (budget ${BUDGET_LANGUAGE}), ${languages.length} languages`);
const over = (first?.gzip ?? 0) > BUDGET_FIRST || sum > BUDGET_ALL || emailPath > BUDGET_EMAIL
  || phonePath === undefined || phonePath > BUDGET_PHONE || largest.gzip > BUDGET_PHONE_METADATA
  || languages.some((l) => l.over);
if (over) {
  console.log('OVER BUDGET');
  if (process.argv.includes('--check')) process.exit(1);
}
