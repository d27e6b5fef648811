// Every shipped language has exactly the strings English has, each translated with
// the same placeholders. English is read from the source code itself (a fresh
// `lit-localize extract` into a temporary folder), so a string added, changed or
// removed in src/ without its translations fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { units, problemsOf } from '../../scripts/check-xliff.mjs';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as { targetLocales: string[] };

function englishIds(): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hik-xliff-'));
  const cfg = {
    ...config,
    tsConfig: join(root, 'tsconfig.localize.json'),
    output: { mode: 'runtime', outputDir: join(dir, 'out') },
    interchange: { format: 'xliff', xliffDir: join(dir, 'xliff') },
    targetLocales: [config.targetLocales[0]],
  };
  writeFileSync(join(dir, 'lit-localize.json'), JSON.stringify(cfg));
  execFileSync(process.execPath, [join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'extract', '--config', join(dir, 'lit-localize.json')], { stdio: 'pipe' });
  const file = join(dir, 'xliff', `${config.targetLocales[0]}.xlf`);
  return new Set((units(readFileSync(file, 'utf8')) as Map<string, unknown>).keys());
}

const REQUIRED = ['ar', 'he', 'fa', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ru', 'uk', 'tr', 'pl', 'cs', 'vi', 'th', 'id',
  'pt-BR', 'pt-PT', 'es', 'fr', 'de', 'it', 'nl'];

test('at least 30 languages ship, among them those issue 4 names', () => {
  assert.ok(config.targetLocales.length >= 30, `${config.targetLocales.length} languages`);
  for (const l of REQUIRED) assert.ok(config.targetLocales.includes(l), `${l} is missing`);
  const files = readdirSync(join(root, 'xliff')).filter((f) => f.endsWith('.xlf')).map((f) => f.replace('.xlf', '')).sort();
  assert.deepEqual(files, [...config.targetLocales].sort(), 'one XLIFF file per language, no other');
});

test('every language has every English string, and none English no longer has', () => {
  const english = englishIds();
  assert.ok(english.size > 100, `${english.size} strings found in src/`);
  const problems: string[] = [];
  for (const locale of config.targetLocales) {
    for (const p of problemsOf(join(root, 'xliff', `${locale}.xlf`), english) as string[]) problems.push(`${locale}: ${p}`);
  }
  assert.deepEqual(problems, []);
});
