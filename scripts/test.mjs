// `npm test`: the whole suite. The type check and the lint (scripts/lint.mjs), Node unit
// tests (test/node/), backend unit tests in Node, then the end-to-end tests
// of the demo page (e2e/, its own Vite server and headless Chromium), then every
// Storybook story (storybook-test/), then every
// browser test in headless Chromium (found or installed by find-chromium.mjs).
// Extra arguments go to the browser test runner (e.g. `npm test -- --files test/client.test.ts`);
// with `--files` only those browser tests run.
// Every stage runs even when an earlier one fails, so one failure does not hide the
// others; the exit code is non-zero if any stage failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

process.env.CHROME_PATH = findChromium();
const args = process.argv.slice(2);
const only = args.includes('--files');
const failed = [];

function run(stage, cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed.push(stage);
}

// Node 20's --test takes no globs: list the files.
const testFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`);

// The translations' runtime modules are generated from xliff/ (not committed).
run('i18n', process.execPath, ['node_modules/@lit/localize-tools/bin/lit-localize.js', 'build', '--config', 'lit-localize.json']);
// So is the phone metadata per calling code (src/contact/phone-metadata/, from libphonenumber-js).
run('phone-metadata', process.execPath, ['scripts/phone-metadata.mjs']);
if (failed.length) {
  console.error(`npm test: could not generate what the tests need (${failed.join(', ')}: lit-localize build, scripts/phone-metadata.mjs)`);
  process.exit(1);
}

if (!only) {
  // Types, then the project rules tsc does not see (scripts/lint.mjs): `npm run lint` without
  // its i18n step, which ran above. tsc takes about 20 s here.
  run('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', process.execPath, ['scripts/lint.mjs']);
  run('node', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/node')]);
  run('backend', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('backend/test')]);
  // One e2e file at a time: their Vite servers share the dependency cache
  // (node_modules/.vite), and one re-optimizing it breaks the other's page.
  run('e2e', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...testFiles('e2e')]);
  // Every Storybook story from a fresh static build: rendered, played, axe-clean, no console error.
  run('stories', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('storybook-test')]);
}
run('browser', process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...args]);

if (failed.length) {
  console.error(`npm test: failed stages: ${failed.join(', ')}`);
  process.exit(1);
}
