// Build-only Vite plugin: each language's chunks (and each calling code's phone
// metadata) under a fixed name, and no table of hashed names in the code that loads them.
//
// In src/ a language is loaded by `import(\`./locales/${locale}.ts\`)` (translated
// strings) and by one literal import() per language of i18n-iso-countries's JSON
// (country names, src/country/country-names.ts). Bundled as they are, each becomes a
// table of 60 hashed file names in the module that loads them: 1,056 B gzip in the
// first module and about 900 B in the pop-ups' chunk, paid by every page for one
// language it uses. Here every language is emitted as locales/<locale>.js and
// langs/<lang>.js, and one computed import() per kind points at those names.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Plugin } from 'vite';

const root = new URL('..', import.meta.url);
const here = (path: string) => new URL(path, root).pathname;
const require = createRequire(import.meta.url);

const LOCALIZATION = here('src/i18n/localization.ts');
const LANGUAGE_FILES = here('src/i18n/language-files.ts');
const USE_LANGUAGE_FILES = `import { languageFile as __hikLanguageFile } from ${JSON.stringify(LANGUAGE_FILES)};\n`;
const COUNTRY_NAMES = here('src/country/country-names.ts');
const LOCALE_IMPORT = 'import(`./locales/${locale}.ts`)';
// The phone metadata of one calling code (src/contact/phone-lib.ts): 206 files, loaded
// by the same kind of computed import, so the same kind of table (phone/<code>.js here).
const PHONE_DIR = here('src/contact/phone-metadata/');
const PHONE_IMPORT = 'import(`./phone-metadata/${callingCode}.json`)';
const LANG_IMPORT = /import\('i18n-iso-countries\/langs\/([\w-]+)\.json'\)/g;
// Replaced in each chunk by the path from that chunk's folder to the build's root.
const ROOT = '__hik_language_root__/';

/** The languages lit-localize.json translates into: one locales/<locale>.js each. */
function targetLocales(): string[] {
  const config = JSON.parse(readFileSync(here('lit-localize.json'), 'utf8')) as { targetLocales: string[] };
  return config.targetLocales;
}

/** The languages country-names.ts imports names for: one langs/<lang>.js each. */
function countryNameLanguages(): string[] {
  return [...readFileSync(COUNTRY_NAMES, 'utf8').matchAll(LANG_IMPORT)].map((m) => m[1]!);
}

export function languageChunks(): Plugin {
  let phoneImports = 0;
  // Only the library build (dist/): Storybook's build reads vite.config.ts too.
  let library = false;
  return {
    name: 'hik-language-chunks',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      library = Boolean(config.build.lib);
    },
    buildStart() {
      if (!library) return;
      // The loaders' module as an entry of its own: a two-name facade of the core's code
      // (the core imports it too), which dist/index.js imports to hand its loaders in.
      this.emitFile({ type: 'chunk', id: LANGUAGE_FILES, fileName: 'languages.js' });
      for (const locale of targetLocales()) {
        this.emitFile({ type: 'chunk', id: here(`src/i18n/locales/${locale}.ts`), fileName: `locales/${locale}.js` });
      }
      for (const file of readdirSync(PHONE_DIR).filter((f) => f.endsWith('.json'))) {
        this.emitFile({ type: 'chunk', id: PHONE_DIR + file, fileName: `phone/${file.replace(/\.json$/, '.js')}` });
      }
      for (const lang of countryNameLanguages()) {
        this.emitFile({ type: 'chunk', id: require.resolve(`i18n-iso-countries/langs/${lang}.json`), fileName: `langs/${lang}.js` });
      }
    },
    transform(code, id) {
      if (!library) return null;
      // `kind`'s file `name`: the bundler's loader if dist/index.js gave one, else by the
      // computed path beside the chunk that asks.
      const load = (kind: string, name: string) =>
        `__hikLanguageFile('${kind}', ${name}, () => import(/* @vite-ignore */ \`${ROOT}${kind}/\${${name}}.js\`))`;
      if (id === LOCALIZATION) {
        if (!code.includes(LOCALE_IMPORT)) this.error(`${LOCALE_IMPORT} not found in ${id}`);
        return { code: USE_LANGUAGE_FILES + code.replace(LOCALE_IMPORT, load('locales', 'locale')), map: null };
      }
      if (code.includes(PHONE_IMPORT)) {
        phoneImports += 1;
        return { code: USE_LANGUAGE_FILES + code.replace(PHONE_IMPORT, load('phone', 'callingCode')), map: null };
      }
      if (id === COUNTRY_NAMES) {
        // The table of one import() per language becomes one computed import() and the
        // languages' codes: 386 B gzip less than 56 entries, even with fixed names.
        const table = /^export const LANGS\b(.*?) = \{\n[\s\S]*?\n\};$/m;
        if (!table.test(code)) this.error(`the LANGS table was not found in ${id}`);
        const langs = countryNameLanguages().join(' ');
        return {
          code: USE_LANGUAGE_FILES + code.replace(table, (_, type: string) => `export const LANGS${type} = Object.fromEntries('${langs}'.split(' ')` +
            `.map((lang) => [lang, () => ${load('langs', 'lang')}]));`),
          map: null,
        };
      }
      return null;
    },
    // dist/index.js, the package's module entry (what bundlers read; a script tag loads
    // hik-register.js), names every file with a literal import(): bundlers do not follow
    // a computed path in a dependency (Vite leaves node_modules out of it), and would
    // leave the files out of the app.
    generateBundle(_, bundle) {
      if (!library) return;
      const entry = bundle['index.js'];
      if (!entry || entry.type !== 'chunk') return this.error('no index.js in the bundle');
      const table = (kind: string, names: string[]) =>
        `${kind}:{${names.map((n) => `${JSON.stringify(n)}:()=>import("./${kind}/${n}.js")`).join(',')}}`;
      const phone = readdirSync(PHONE_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
      entry.code = `import{provideLanguageFiles as p}from"./languages.js";` +
        `p({${table('locales', targetLocales())},${table('langs', countryNameLanguages())},${table('phone', phone)}});\n` + entry.code;
    },
    buildEnd(error) {
      if (library && !error && phoneImports === 0) this.error(`${PHONE_IMPORT} not found in src/contact/`);
    },
    renderChunk(code, chunk) {
      if (!library || !code.includes(ROOT)) return null;
      const up = posix.relative(posix.dirname(chunk.fileName), '.');
      return { code: code.replaceAll(ROOT, up ? `${up}/` : './'), map: null };
    },
  };
}
