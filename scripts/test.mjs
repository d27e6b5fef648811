// `npm test`: the whole suite. Backend unit tests in Node, then every browser test
// in headless Chromium (found or installed by find-chromium.mjs).
// Extra arguments go to the browser test runner (e.g. `npm test -- --files test/client.test.ts`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

process.env.CHROME_PATH = findChromium();
const args = process.argv.slice(2);
const only = args.includes('--files');

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!only) {
  // Node 20's --test takes no globs: list the files.
  const files = readdirSync('backend/test').filter((f) => f.endsWith('.test.ts')).map((f) => `backend/test/${f}`);
  run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
}
run(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...args]);
