/**
 * Where the build loads each language's files (locales/, langs/) and each calling
 * code's phone metadata (phone/) from. A page with the script tag gets them by a
 * computed path beside the module that asks (`load`); an app that bundles the package
 * imports dist/index.js, which names every file with a literal import(), so that its
 * bundler includes them, and hands those loaders in here. scripts/vite-language-chunks.ts
 * writes both. Only the build calls this module: in src/, each loader imports its files
 * itself.
 */
export type LanguageFileKind = 'locales' | 'langs' | 'phone';

type Loaders = Partial<Record<LanguageFileKind, Record<string, () => Promise<unknown>>>>;

const given: Loaders = {};

/** Called by dist/index.js with a loader for every file. */
export function provideLanguageFiles(loaders: Loaders): void {
  Object.assign(given, loaders);
}

/**
 * One file: by the loader given for it, else by `load`. A microtask later, so that an
 * element upgraded while dist/index.js imports the core sees what that file then gives.
 */
export function languageFile(kind: LanguageFileKind, name: string, load: () => Promise<unknown>): Promise<unknown> {
  return Promise.resolve().then(() => (given[kind]?.[name] ?? load)());
}
