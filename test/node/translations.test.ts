// Every shipped language has exactly the strings English has, each translated with
// the same placeholders. English is read from the source code itself (a fresh
// `lit-localize extract` into a temporary folder), so a string added, changed or
// removed in src/ without its translations fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { units, problemsOf, languageProblems, RTL } from '../../scripts/check-xliff.mjs';
import { directionOf } from '../../src/i18n/localization.ts';

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

/** Issue 4's languages, and the 28 issue 13 added. */
const REQUIRED = ['ar', 'he', 'fa', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ru', 'uk', 'tr', 'pl', 'cs', 'vi', 'th', 'id',
  'pt-BR', 'pt-PT', 'es', 'fr', 'de', 'it', 'nl',
  'hr', 'sr', 'sl', 'mk', 'sq', 'lt', 'lv', 'et', 'is', 'ca', 'ms', 'fil', 'bn', 'ur', 'ta', 'te', 'mr', 'ps', 'sw',
  'kk', 'uz', 'az', 'ka', 'hy', 'mn', 'km', 'my', 'am'];

test('60 languages ship, 4 or more right to left, among them those issues 4 and 13 name, each with its XLIFF file', () => {
  for (const l of REQUIRED) assert.ok(config.targetLocales.includes(l), `${l} is missing`);
  const files = readdirSync(join(root, 'xliff')).filter((f) => f.endsWith('.xlf')).map((f) => f.replace('.xlf', '')).sort();
  assert.deepEqual(languageProblems(config.targetLocales, files), []);
});

test('the check counts as right to left exactly the languages the widget lays out right to left', () => {
  const widget = config.targetLocales.filter((l) => directionOf(l) === 'rtl');
  assert.deepEqual(config.targetLocales.filter((l) => RTL.has(l.split('-')[0])), widget);
  assert.ok(widget.length >= 4, widget.join(', '));
});

test('every language has every English string, and none English no longer has', () => {
  const english = englishIds();
  assert.ok(english.size > 100, `${english.size} strings found in src/`);
  const problems: string[] = [];
  for (const locale of config.targetLocales) {
    const file = join(root, 'xliff', `${locale}.xlf`);
    if (!existsSync(file)) continue; // the test above names the missing files
    for (const p of problemsOf(file, english) as string[]) problems.push(`${locale}: ${p}`);
  }
  assert.deepEqual(problems, []);
});
