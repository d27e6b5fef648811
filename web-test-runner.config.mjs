// Browser tests in real headless Chromium (Debian's), with the reference backend
// answering real fetch calls at /api/register through a middleware.
// Run through `npm test` (scripts/test.mjs), which finds Chromium and loads tsx so
// that this file can import the TypeScript backend.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupJson from '@rollup/plugin-json';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { testMiddleware } from './backend/adapters/test-server.ts';
import { trimPhoneNumberServed } from './scripts/trim-phone-number.ts';

const commonjs = fromRollup(rollupCommonjs);
const json = fromRollup(rollupJson);

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  mimeTypes: { '**/*.json': 'js' },
  middleware: [testMiddleware()],
  plugins: [
    // The accessibility tree as Chromium computes it (roles and names for tests).
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // libphonenumber-js's PhoneNumber as the build ships it (vite.config.ts).
    trimPhoneNumberServed(),
    json({}),
    commonjs({
      include: ['**/node_modules/i18n-iso-countries/**', '**/node_modules/diacritics/**'],
      strictRequires: 'auto',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
