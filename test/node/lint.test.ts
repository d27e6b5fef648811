// scripts/lint.mjs over small trees written to a temporary folder: each rule is seen
// to fail on a tree that breaks it and to pass on one that keeps it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const script = resolve(import.meta.dirname, '../../scripts/lint.mjs');

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path → content) into a fresh folder and returns it. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hik-lint-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function lint(dir: string, how: 'argument' | 'env' = 'argument'): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, how === 'argument' ? [script, dir] : [script], {
    encoding: 'utf8',
    env: how === 'env' ? { ...process.env, LINT_ROOT: dir } : process.env,
    cwd: tmpdir(),
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};\n`).join('');

/** The last line the lint prints: its summary. */
const summary = (out: string): string => out.trim().split('\n').at(-1) ?? '';

test('a tree with no cycle, no long file and few top-level files passes', () => {
  const dir = tree({
    'src/root.ts': "import { a } from './flow/a.ts';\nexport const lazy = () => import('./flow/b.ts');\nexport { a };\n",
    'src/flow/a.ts': "import type { B } from './b.ts';\nimport { c } from '../internal/c.ts';\nexport const a: B = c;\n",
    'src/flow/b.ts': "import { c } from '../internal/c.ts';\nexport type B = typeof c;\n",
    'src/internal/c.ts': 'export const c = 1;\n',
    'backend/index.ts': "import { x } from './x.ts';\nexport { x };\n",
    'backend/x.ts': 'export const x = 1;\n',
  });
  const { status, out } = lint(dir);
  assert.equal(status, 0, out);
  assert.match(summary(out), /^lint: no problems/);
});

test('LINT_ROOT points the lint at another tree, as the argument does', () => {
  const dir = tree({
    'src/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
    'src/b.ts': "import type { A } from './a.ts';\nexport type B = A | 1;\n",
  });
  const { status, out } = lint(dir, 'env');
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
});

test('a cycle through type-only imports fails, reported as a path', () => {
  const dir = tree({
    'src/form/template.ts': "import type { Host } from '../host.ts';\nexport const render = (h: Host) => h;\n",
    'src/host.ts': "import { render } from './form/template.ts';\nexport interface Host { r: typeof render }\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /import cycle: src\/form\/template\.ts -> src\/host\.ts -> src\/form\/template\.ts/);
  assert.match(out, /src\/form\/template\.ts -> src\/host\.ts is an import type/);
  assert.match(summary(out), /^lint: 1 problem\(s\) .*1 cycle/);
});

test('`import { type A }` (every name a type) counts as a type-only edge of a cycle', () => {
  const dir = tree({
    'src/a.ts': "import {\n  type B,\n  type C,\n} from './b.ts';\nexport type A = B | C;\n",
    'src/b.ts': "import type { A } from './a.ts';\nexport type B = A;\nexport type C = 2;\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
});

test('a cycle through a lazy import() fails', () => {
  const dir = tree({
    'src/root.ts': "export const load = () => import('./code/modal.ts');\n",
    'src/code/modal.ts': "import { load } from '../root.ts';\nexport const again = load;\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /import cycle: src\/code\/modal\.ts -> src\/root\.ts -> src\/code\/modal\.ts/);
  assert.match(out, /src\/root\.ts -> src\/code\/modal\.ts is a lazy import\(\)/);
});

test('a cycle through `typeof import()` in a type fails', () => {
  const dir = tree({
    'src/a.ts': "type Lib = typeof import('./b.ts');\nexport const a = (l: Lib) => l;\n",
    'src/b.ts': "import { a } from './a.ts';\nexport const b = a;\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
});

test('a longer cycle through re-exports is shown in import order; a self-import is a cycle', () => {
  const dir = tree({
    'src/a.ts': "export * from './b.ts';\n",
    'src/b.ts': "export { c } from './c.ts';\n",
    'src/c.ts': "import { a } from './a.ts';\nexport const c = a;\n",
    'src/self.ts': "import './self.ts';\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /import cycle: src\/a\.ts -> src\/b\.ts -> src\/c\.ts -> src\/a\.ts/);
  assert.match(out, /import cycle: src\/self\.ts -> src\/self\.ts/);
  assert.match(summary(out), /2 cycle/);
});

test('every cycle is reported, not only the first', () => {
  const dir = tree({
    'src/a.ts': "import './b.ts';\nimport './c.ts';\n",
    'src/b.ts': "import './a.ts';\n",
    'src/c.ts': "import './a.ts';\n",
  });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
  assert.match(out, /src\/a\.ts -> src\/c\.ts -> src\/a\.ts/);
});

test('imports inside comments, strings and templates are not edges; a "//" in a string hides nothing', () => {
  const dir = tree({
    'src/a.ts': [
      "// import { b } from './b.ts';",
      "/* export * from './b.ts'; import('./b.ts') */",
      "export const s = \"import { b } from './b.ts'\";",
      "export const t = `import('./b.ts')`;",
      "export const re = /['\"`]/g;",
      'export const a = 1;',
      '',
    ].join('\n'),
    'src/b.ts': "export const url = 'http://example.test//'; import { a } from './a.ts';\nexport const b = a;\n",
  });
  assert.equal(lint(dir).status, 0, lint(dir).out);
  // The same b.ts against an a.ts that really imports it: the import after the string is seen.
  writeFileSync(join(dir, 'src/a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
});

test('generated i18n modules are not parsed, and a missing one is no problem', () => {
  const dir = tree({
    'src/i18n/localization.ts': "import { sourceLocale } from './locale-codes.ts';\nexport const l = sourceLocale;\n",
    'src/i18n/locales/de.ts': "import { l } from '../localization.ts';\nexport const de = l;\n" + lines(400),
  });
  const { status, out } = lint(dir);
  assert.equal(status, 0, out);
});

test('a relative import of a file that does not exist fails (the graph would be incomplete)', () => {
  const dir = tree({ 'src/a.ts': "import { gone } from './moved-away.ts';\nexport const a = gone;\n" });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts: imports '\.\/moved-away\.ts', which does not exist/);
});

test('a 300-line file passes; a 301-line file of src/ or backend/ fails, naming the file', () => {
  const ok = tree({ 'src/flow/ok.ts': lines(300), 'backend/ok.ts': lines(300) });
  assert.equal(lint(ok).status, 0, lint(ok).out);

  const dir = tree({ 'src/flow/long.ts': lines(301), 'backend/routes.ts': lines(301) });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/flow\/long\.ts: 301 lines, over 300/);
  assert.match(out, /backend\/routes\.ts: 301 lines, over 300/);
  assert.match(summary(out), /2 long file/);
});

test('tests and generated files may be long', () => {
  const dir = tree({
    'backend/test/routes.test.ts': lines(500),
    'backend/test/helpers.ts': lines(500),
    'src/i18n/locales/de.ts': lines(500),
    'src/i18n/locale-codes.ts': lines(500),
  });
  const { status, out } = lint(dir);
  assert.equal(status, 0, out);
});

test('eight .ts files at the top of src/ pass; nine fail, listing them', () => {
  const eight = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`src/top${i}.ts`, `export const t${i} = ${i};\n`]));
  const ok = tree({ ...eight, 'src/flow/deeper.ts': 'export const d = 1;\n' });
  assert.equal(lint(ok).status, 0, lint(ok).out);

  const dir = tree({ ...eight, 'src/top8.ts': 'export const t8 = 8;\n' });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/: 9 \.ts files at the top, at most 8/);
  assert.match(out, /top0\.ts, .*top8\.ts/);
});

test('the older rules still apply (no HTML from strings)', () => {
  const dir = tree({ 'src/a.ts': 'export const f = (e: Element) => { e.innerHTML = "x"; };\n' });
  const { status, out } = lint(dir);
  assert.equal(status, 1, out);
  assert.match(out, /src\/a\.ts:1: text must never be rendered as HTML/);
});
