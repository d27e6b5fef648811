// The npm package's files, in dist/ (`npm run build`) or in any folder
// (`buildPackage(dir)`, for the consumer test in e2e/package.test.ts):
//   hik-register.js + chunks/ langs/ locales/   the browser build (vite.config.ts); the
//   index.js                                    package's module entry re-exports the element
//   hik-register.d.ts                           the element's declarations, bundled
//   node.js                                     what `import 'hik-register'` runs in Node
//   contract/contract.js, contract.d.ts         the contract for backends (zod, no Lit)
//   contract/*.schema.json, index.json          the same as JSON Schema
//   jsx.d.ts, react.d.ts, vue.d.ts (+ .js)      JSX and template types (types only)
//   custom-elements.json                        the public element's manifest
//   cli.js + cli/                               `npx hik-register` (render, check), for Node 20
//   ssr/index.js (+ chunks), hik-register.css   hik-register/ssr: renderRegister() for Node,
//                                               and the stylesheet its markup links
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as vite, type Plugin as VitePlugin } from 'vite';
import { build as esbuild } from 'esbuild';
import { rollup, type Plugin } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { writeContractSchemas } from './build-contract-schema.ts';
import { minifyTemplates } from './vite-minify-templates.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (path: string) => join(root, 'src', path);

/** Declaration entries: output name → source. */
const TYPES: Record<string, string> = {
  'hik-register': src('hik-register.ts'),
  'contract/contract': src('contract.ts'),
  jsx: src('package/jsx.ts'),
  react: src('package/react.ts'),
  vue: src('package/vue.ts'),
  'ssr/index': src('ssr/render-register.ts'),
};

/**
 * Each declaration file stands alone but shares the element's types: the JSX files
 * import them from the package (`hik-register`, `hik-register/jsx`) instead of a copy
 * (two copies of a class with private fields are two incompatible types).
 */
const PUBLIC_MODULES: Record<string, string> = {
  [src('hik-register.ts')]: 'hik-register',
  [src('events.ts')]: 'hik-register',
  [src('package/jsx.ts')]: 'hik-register/jsx',
};

// The children (<hik-captcha>, the pop-ups…) are internal: the root imports them for
// their side effect, which would put their classes and tag names in the declarations.
const CHILD = /[\\/]src[\\/](contact|captcha|country|code)[\\/]hik-[\w-]+\.ts$/;
const EMPTY = '\0hik-empty';

function publicBoundary(entry: string): Plugin {
  return {
    name: 'hik-public-boundary',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source);
      const name = PUBLIC_MODULES[target];
      if (name && target !== entry && !(entry === src('hik-register.ts') && name === 'hik-register')) {
        return { id: name, external: true };
      }
      return CHILD.test(target) ? EMPTY : null;
    },
    load: (id) => (id === EMPTY ? 'export {};' : null),
  };
}

async function declarations(out: string): Promise<void> {
  for (const [name, entry] of Object.entries(TYPES)) {
    const bundle = await rollup({
      input: entry,
      // Lit and zod are dependencies of the package: their types are imported, not copied.
      external: (id) => /^(lit|@lit\/|zod|react|vue)(\/|$)/.test(id),
      plugins: [publicBoundary(entry), dts({ tsconfig: join(root, 'tsconfig.types.json') })],
    });
    await bundle.write({ file: join(out, `${name}.d.ts`), format: 'es' });
    await bundle.close();
  }
}

/** In Node without a DOM (server rendering) the package defines nothing and throws nothing. */
const NODE_ENTRY = `// What \`import 'hik-register'\` runs in Node (package.json "exports", condition "node").
// Without a DOM (server rendering in Next.js, Nuxt, Astro, SvelteKit) there is nothing
// to define: the element is defined when the page's browser imports the package, and
// \`HikRegister\` stays undefined here. Where a DOM exists (jsdom or happy-dom in tests)
// the browser build loads as usual and \`HikRegister\` is set once it has.
const dom = typeof document !== 'undefined' && typeof customElements !== 'undefined';
export let HikRegister;
if (dom) import('./index.js').then((module) => { HikRegister = module.HikRegister; });
`;

interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: { members?: { privacy?: string }[] }[]; exports?: { declaration: { module?: string } }[] }[];
}

/**
 * The Custom Elements Manifest for the package: `<hik-register>` alone (the children
 * are internal), its public members only, paths to the package's own file. The full
 * manifest of src/ (root custom-elements.json, `npm run analyze`) feeds Storybook.
 */
function packageManifest(out: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'hik-cem-'));
  try {
    // cem joins --outdir to its working directory, even an absolute one.
    execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze',
      '--litelement', '--globs', 'src/hik-register.ts', '--outdir', relative(root, dir)], { cwd: root, stdio: 'pipe' });
    const full = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as Manifest;
    const modules = full.modules.filter((m) => m.path === 'src/hik-register.ts').map((m) => ({
      ...m,
      path: 'dist/index.js',
      declarations: m.declarations?.map((d) => ({ ...d, members: d.members?.filter((member) => !member.privacy) })),
      exports: m.exports?.map((e) => ({ ...e, declaration: { ...e.declaration, module: 'dist/index.js' } })),
    }));
    writeFileSync(join(out, 'custom-elements.json'), JSON.stringify({ schemaVersion: full.schemaVersion, modules }, null, 2) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TYPES_ONLY = '// Types only (see the .d.ts beside this file): nothing to run.\nexport {};\n';

/**
 * The browser build alone into `out` (emptied first), as production: a Vite dev server
 * started earlier in the same process sets NODE_ENV=development, which would select
 * Lit's dev mode. The e2e tests build the library this way too.
 */
export function buildBrowser(out: string, logLevel: 'warn' | 'error' = 'warn'): Promise<void> {
  return asProduction(() => vite({ configFile: join(root, 'vite.config.ts'), logLevel, build: { outDir: out, emptyOutDir: true } }));
}

async function asProduction(build: () => Promise<unknown>): Promise<void> {
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build();
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

/**
 * The phone library and its 206 metadata chunks load only when a person chooses the
 * phone way: never on a server. Left out of the Node build (about 1 MB of the package).
 */
function noPhoneLibrary(): VitePlugin {
  const id = '\0hik-no-phone-library';
  return {
    name: 'hik-no-phone-library',
    enforce: 'pre',
    resolveId: (source) => (/[\\/]phone-lib\.ts$/.test(source) ? id : null),
    load: (loaded) => (loaded === id ? 'export {};' : null),
  };
}

/**
 * hik-register/ssr into `out/ssr/`: the element's own modules for Node (Lit and Lit SSR
 * stay imports, so the page's server and the element share one Lit), minified the same
 * way as the browser build, so the pre-rendered markup is the client's. Then
 * `out/hik-register.css`, the stylesheet that markup links, from the same modules.
 */
export async function buildSsr(out: string, logLevel: 'warn' | 'error' = 'warn'): Promise<void> {
  // Built inside this project, where its imports (lit, @lit-labs/ssr) resolve, then copied
  // to `out` (any folder, a temporary one for the package test).
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const work = mkdtempSync(join(root, 'node_modules/.cache/hik-ssr-build-'));
  try {
    await asProduction(() => vite({
      configFile: false, logLevel, plugins: [minifyTemplates(), noPhoneLibrary()],
      build: {
        ssr: src('ssr/render-register.ts'), outDir: work, emptyOutDir: true, target: 'node20', minify: false,
        rollupOptions: {
          external: [/^lit($|\/)/, /^@lit-labs\/ssr($|\/)/, /^zod($|\/)/],
          output: { entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
      ssr: { noExternal: true },
    }));
    // In a process of its own: the module installs Lit's DOM shim on the global object.
    const css = execFileSync(process.execPath, ['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(pathToFileURL(join(work, 'index.js')).href)}); process.stdout.write(await m.stylesheet());`,
    ], { encoding: 'utf8' });
    rmSync(join(out, 'ssr'), { recursive: true, force: true });
    cpSync(work, join(out, 'ssr'), { recursive: true });
    writeFileSync(join(out, 'hik-register.css'), css);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `npx hik-register` (package.json "bin": dist/cli.js) for Node 20: cli/hik-register.ts
 * bundled, zod left as an import (a dependency of the package). Each command stays a
 * chunk of its own in cli/, loaded only when it runs (render brings the SSR modules,
 * check the contract's schemas).
 */
export async function buildCli(out: string): Promise<void> {
  await esbuild({
    entryPoints: { cli: join(root, 'cli/hik-register.ts') },
    outdir: out,
    chunkNames: 'cli/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['zod', 'zod/*'],
    logLevel: 'warning',
  });
}

/** Writes the whole package into `out` (emptied first). */
export async function buildPackage(out: string): Promise<void> {
  await buildBrowser(out);
  await buildSsr(out);
  mkdirSync(join(out, 'contract'), { recursive: true });
  writeContractSchemas(join(out, 'contract'));
  // The contract as a module for Node backends: readable, zod left as an import.
  await esbuild({
    entryPoints: [src('contract.ts')],
    outfile: join(out, 'contract/contract.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['zod', 'zod/*'],
    logLevel: 'warning',
  });
  await buildCli(out);
  await declarations(out);
  writeFileSync(join(out, 'node.js'), NODE_ENTRY);
  for (const name of ['jsx', 'react', 'vue']) writeFileSync(join(out, `${name}.js`), TYPES_ONLY);
  packageManifest(out);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildPackage(join(root, 'dist'));
  console.log('dist/: the browser build, declarations, the Node entry and the contract');
}
