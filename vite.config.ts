// `npm start`: the demo page (demo/) with the reference backend at /api/register.
// `npm run build`: the library build, dist/hik-register.js plus lazy chunks.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { referenceBackend } from './backend/adapters/vite-plugin.ts';
import { minifyTemplates } from './scripts/vite-minify-templates.ts';
import { languageChunks } from './scripts/vite-language-chunks.ts';
import { trimPhoneNumberPlugin } from './scripts/trim-phone-number.ts';
import { compileHints } from './scripts/vite-compile-hints.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const LANGUAGE_DATA = /[\\/]src[\\/]i18n[\\/]locales[\\/]|[\\/]i18n-iso-countries[\\/]langs[\\/]|[\\/]src[\\/]contact[\\/]phone-metadata[\\/]/;

/** The strict policy of ELEMENT.md: the demo proves the widget works under it. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html hik-register',
].join('; ');

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: here('./demo'),
        server: {
          host: 'localhost',
          port: 5173,
          fs: { allow: [here('.')] },
          headers: { 'Content-Security-Policy': CSP },
        },
        plugins: [referenceBackend()],
        // The dev server bundles dependencies apart, with plugins of their own.
        optimizeDeps: { rolldownOptions: { plugins: [trimPhoneNumberPlugin()] } },
      }
    : {
        // PhoneNumber without the methods the phone field never calls (986 B gzip less).
        plugins: [minifyTemplates(), languageChunks(), trimPhoneNumberPlugin(), compileHints()],
        build: {
          outDir: here('./dist'),
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          lib: {
            entry: here('./src/hik-register.ts'),
            formats: ['es'],
            // The package's module entry (`import { HikRegister } from 'hik-register'`):
            // a re-export of hik-register.js below, which bundlers fold in.
            fileName: () => 'index.js',
          },
          rollupOptions: {
            output: {
              // Vite keeps whitespace in ES library builds; rolldown's own minifier
              // removes it (measured: about a third less gzip).
              minify: true,
              // The output is final: no bundler tree-shakes it again, so its /* @__PURE__ */
              // annotations are dead weight (about 150 of them).
              comments: false,
              // Everything the entry imports statically in one chunk, the core: a page's first
              // load is one file, not seven (shared modules otherwise become small common
              // chunks). Everything else a registration by email needs in one more.
              codeSplitting: {
                groups: [
                  // Each language's files and each calling code's metadata are entries of their
                  // own (scripts/vite-language-chunks.ts), which makes their modules "initial"
                  // too: they stay out of the core.
                  { name: 'core', tags: ['$initial'], test: (id: string) => !LANGUAGE_DATA.test(id) },
                  // By folder, never by file name: renaming a file cannot move it. A group takes
                  // what its modules import too, unless a group above took it first: what the
                  // core imports statically (country data, the Country button's label) stays
                  // in the core.
                  // What the core loads right after its first paint, in one file: the API client
                  // and zod, the flow's requests and error texts, both pop-ups and the country
                  // names, and what they use of src/internal/ (not the solver's Trusted Types
                  // policy: that goes with the solver). One chunk, not two: 430 B gzip
                  // less, and no third file for rolldown's helpers, which both would share.
                  { name: 'after-paint', test: /[\\/]src[\\/](client|flow|country|code)[\\/]|[\\/]node_modules[\\/]zod[\\/]/ },
                ],
              },
              // The core is hik-register.js, the file a page's script tag loads: the first
              // paint needs that one request, with no entry → core waterfall. It defines the
              // elements when it runs; index.js only adds the named export. Per-language
              // data has fixed names in folders of its own (scripts/vite-language-chunks.ts):
              // country names in langs/, translated strings in locales/, each loaded only for
              // the active language, and the phone metadata of each calling code in phone/,
              // loaded only for the chosen country.
              chunkFileNames: (chunk) => (chunk.name === 'core' ? 'hik-register.js' : 'chunks/[name]-[hash].js'),
            },
          },
        },
      },
);
