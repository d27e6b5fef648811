// Project rules a type checker does not see (STYLE.md, the security bar):
// - no HTML from strings, no console output of data, no unexplained `any` or @ts-ignore;
// - no import cycle in src/ (type-only and lazy `import()` edges count: a cycle is a
//   flaw of the layout whether or not it shows at run time);
// - no file of src/ or backend/ over 300 lines (tests and generated files aside);
// - at most eight .ts files directly in src/ (the public surfaces, STYLE.md 1).
//
// `node scripts/lint.mjs [root]` checks the tree at `root` (or $LINT_ROOT, else the
// current directory): test/node/lint.test.ts points it at small fixture trees.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const ROOT = resolve(process.argv[2] ?? process.env.LINT_ROOT ?? '.');
const MAX_LINES = 300;
const MAX_TOP_LEVEL = 8;

/** Written by lit-localize (`npm run i18n`), not by hand, and not committed. */
const GENERATED = ['src/i18n/locales/', 'src/i18n/locale-codes.ts'];
const isGenerated = (rel) => GENERATED.some((g) => (g.endsWith('/') ? rel.startsWith(g) : rel === g));
const isTest = (rel) => rel.startsWith('backend/test/') || /\.test\.[cm]?[jt]sx?$/.test(rel);

const RULES = [
  { re: /unsafeHTML|unsafeSVG|\.innerHTML\s*=|insertAdjacentHTML|document\.write/, why: 'text must never be rendered as HTML' },
  { re: /console\.(log|info|debug)\(/, why: 'no logging in browser code (secrets must never reach a log)' },
  { re: /@ts-ignore|@ts-nocheck/, why: 'no @ts-ignore' },
  { re: /(:\s*any\b|as any\b|<any>)(?!.*\/\/)/, why: '`any` needs a comment saying why' },
  { re: /localStorage/, why: 'nothing is kept in localStorage (sessionStorage drafts only, never secrets)' },
];

/** Root-relative paths with forward slashes, whatever the platform. */
const rel = (abs) => relative(ROOT, abs).split(sep).join('/');

/** Every file under `dir` (root-relative); files that vanish mid-walk (others are editing) are skipped. */
function walk(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((n) => {
    const p = join(dir, n);
    try {
      return statSync(p).isDirectory() ? walk(p) : [rel(p)];
    } catch {
      return [];
    }
  });
}

function read(relPath) {
  try {
    return readFileSync(join(ROOT, relPath), 'utf8');
  } catch {
    return null;
  }
}

const out = { rules: [], cycles: [], long: [], top: [], imports: [] };

// ---------------------------------------------------------------- regex rules

const srcFiles = walk(join(ROOT, 'src'));
const srcTs = srcFiles.filter((f) => f.endsWith('.ts'));

for (const file of srcTs) {
  const text = read(file);
  if (text === null) continue;
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    for (const rule of RULES) {
      if (rule.re.test(line)) out.rules.push(`${file}:${i + 1}: ${rule.why}\n    ${trimmed}`);
    }
  });
}

// ---------------------------------------------------------------- import graph

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else', 'yield', 'await',
]);

/** Code that a module specifier follows: `from`, `import` (side effects), `import(`. */
const SPECIFIER_BEFORE = /(?:(?<![\w$.])(?:from|import)\s*|(?<![\w$.])import\s*\(\s*)$/;

/**
 * The source with comments, regular-expression literals and the text of string and
 * template literals blanked (newlines kept), except a literal that stands where a
 * module specifier does. A small lexer, not a parser: enough that
 * `// import x from './y'`, `'//'` or an import statement inside a string, or a
 * quote inside a regex, do not mislead the import patterns below.
 */
function stripComments(src) {
  let o = '';
  let i = 0;
  const n = src.length;
  // One frame per nesting level: a code frame counts its braces, so that the `}`
  // closing a template's `${` returns to the template.
  const frames = [{ kind: 'code', depth: 0 }];
  let lastChar = ''; // last significant character of code, for telling `/` from a regex
  let lastWord = '';
  const blank = (s) => s.replace(/[^\n]/g, ' ');

  while (i < n) {
    const frame = frames[frames.length - 1];
    const c = src[i];
    if (frame.kind === 'template') {
      if (c === '\\') {
        o += frame.keep ? src.slice(i, i + 2) : blank(src.slice(i, i + 2));
        i += 2;
      } else if (c === '`') {
        o += c;
        i += 1;
        frames.pop();
        lastChar = '`';
        lastWord = '';
      } else if (c === '$' && src[i + 1] === '{') {
        o += '${';
        i += 2;
        frames.push({ kind: 'code', depth: 0, inTemplate: true });
        lastChar = '{';
        lastWord = '';
      } else {
        o += frame.keep || c === '\n' ? c : ' ';
        i += 1;
      }
      continue;
    }
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      o += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      o += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      const literal = src.slice(i, j + 1);
      o += SPECIFIER_BEFORE.test(o.slice(-200)) ? literal : c + blank(literal.slice(1, -1)) + literal.slice(-1);
      i = j + 1;
      lastChar = c;
      lastWord = '';
    } else if (c === '`') {
      o += c;
      i += 1;
      frames.push({ kind: 'template', keep: SPECIFIER_BEFORE.test(o.slice(-200, -1)) });
    } else if (c === '/') {
      const regexAllowed = !/[\w$)\]}"'`]/.test(lastChar) || KEYWORDS_BEFORE_EXPRESSION.has(lastWord);
      let j = i + 1;
      let ok = false;
      if (regexAllowed) {
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          if (src[j] === '\\') j += 2;
          else if (src[j] === '[') { inClass = true; j += 1; }
          else if (src[j] === ']') { inClass = false; j += 1; }
          else if (src[j] === '/' && !inClass) { ok = true; break; }
          else j += 1;
        }
      }
      if (ok) {
        j += 1;
        while (j < n && /[a-z]/i.test(src[j])) j += 1;
        o += blank(src.slice(i, j));
        i = j;
        lastChar = '/';
        lastWord = '';
      } else {
        o += c;
        i += 1;
        lastChar = c;
        lastWord = '';
      }
    } else {
      if (c === '{') frame.depth += 1;
      if (c === '}') {
        if (frame.depth === 0 && frame.inTemplate) {
          frames.pop();
          o += c;
          i += 1;
          continue;
        }
        frame.depth -= 1;
      }
      o += c;
      i += 1;
      if (/[\w$]/.test(c)) {
        lastWord = /[\w$]/.test(lastChar) ? lastWord + c : c;
        lastChar = c;
      } else if (!/\s/.test(c)) {
        lastChar = c;
        lastWord = '';
      }
    }
  }
  return o;
}

// The patterns run over stripComments' output. A clause between `import` and `from`
// holds no quote, `;`, `(` or `=`, so a match cannot run across statements.
const IMPORT_PATTERNS = [
  // import x from '…', import { a, type B } from '…', import * as n from '…', import type …
  { kind: 'import', re: /(?<![\w$.])import\s+(type\s+)?([\w$\s,{}*]*?)\s*\bfrom\s*(['"])([^'"\n]+)\3/g },
  // import '…' (for its side effects)
  { kind: 'import', re: /(?<![\w$.])import\s*()()(['"])([^'"\n]+)\3/g },
  // export * from '…', export * as n from '…', export { a } from '…', export type { A } from '…'
  { kind: 'export', re: /(?<![\w$.])export\s+(type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{[^}'"]*\})\s*from\s*(['"])([^'"\n]+)\3/g },
  // import('…'), also `typeof import('…')` in a type
  { kind: 'import()', re: /(?<![\w$.])import\s*\(\s*()()(['"`])([^'"`\n$]+)\3\s*[,)]/g },
];

/** The relative specifiers a module names, each with how (`import type`, `import()`…). */
function importsOf(source) {
  const code = stripComments(source);
  const found = [];
  for (const { kind, re } of IMPORT_PATTERNS) {
    for (const m of code.matchAll(re)) {
      const [, typeKeyword, clause, , specifier] = m;
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      // `import { type A, type B } from` is type-only too; `import X, { type A }` is not.
      const braces = clause?.trim().match(/^\{([^}]*)\}$/);
      const names = braces ? braces[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
      const typeOnly = Boolean(typeKeyword) || (names.length > 0 && names.every((s) => /^type\s/.test(s)));
      found.push({ specifier, kind: typeOnly ? `${kind} type` : kind });
    }
  }
  return found;
}

const known = new Set(srcFiles);

/** The root-relative file a relative specifier names, or null. */
function resolveSpecifier(from, specifier) {
  const bare = specifier.replace(/[?#].*$/, ''); // Vite's `?worker`, `?url`…
  const base = rel(resolve(ROOT, dirname(from), bare));
  const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts')];
  for (const c of candidates) if (known.has(c)) return c;
  for (const c of candidates) {
    try {
      if (statSync(join(ROOT, c)).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return null;
}

const graph = new Map(); // file -> Map(target -> kind)
let edgeCount = 0;
const parsed = srcTs.filter((f) => !isGenerated(f));
for (const file of parsed) {
  const text = read(file);
  if (text === null) continue;
  const edges = new Map();
  for (const { specifier, kind } of importsOf(text)) {
    const target = resolveSpecifier(file, specifier);
    if (!target) {
      // A generated module is missing until `npm run i18n` has run: not a problem of the layout.
      const wanted = rel(resolve(ROOT, dirname(file), specifier));
      if (!isGenerated(wanted)) out.imports.push(`${file}: imports '${specifier}', which does not exist (the import graph would be incomplete)`);
      continue;
    }
    if (!target.endsWith('.ts') || isGenerated(target)) continue;
    // A static edge says more than a lazy or type-only one to the same file.
    if (!edges.has(target) || kind === 'import' || kind === 'export') edges.set(target, kind);
  }
  edgeCount += edges.size;
  graph.set(file, edges);
}

/** Strongly connected components (Tarjan), each a sorted list of files. */
function components(g) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  function visit(v) {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v)?.keys() ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      result.push(comp.sort());
    }
  }
  for (const v of [...g.keys()].sort()) if (!idx.has(v)) visit(v);
  return result;
}

/**
 * Every elementary cycle of one component, each starting at its smallest file
 * (so each is listed once), at most `limit` of them.
 */
function cyclesIn(comp, g, limit) {
  const inComp = new Set(comp);
  const cycles = [];
  let truncated = false;
  for (let s = 0; s < comp.length && !truncated; s += 1) {
    const start = comp[s];
    const allowed = new Set(comp.slice(s));
    const path = [start];
    const onPath = new Set(path);
    const dfs = (v) => {
      for (const w of [...(g.get(v)?.keys() ?? [])].sort()) {
        if (truncated) return;
        if (!inComp.has(w) || !allowed.has(w)) continue;
        if (w === start) {
          cycles.push([...path, start]);
          if (cycles.length >= limit) truncated = true;
        } else if (!onPath.has(w)) {
          path.push(w);
          onPath.add(w);
          dfs(w);
          path.pop();
          onPath.delete(w);
        }
      }
    };
    dfs(start);
  }
  return { cycles, truncated };
}

const CYCLE_LIMIT = 50;
for (const comp of components(graph)) {
  const selfLoop = comp.length === 1 && graph.get(comp[0])?.has(comp[0]);
  if (comp.length < 2 && !selfLoop) continue;
  const { cycles, truncated } = cyclesIn(comp, graph, CYCLE_LIMIT);
  for (const cycle of cycles) {
    const notes = [];
    for (let k = 0; k + 1 < cycle.length; k += 1) {
      const kind = graph.get(cycle[k]).get(cycle[k + 1]);
      if (kind !== 'import' && kind !== 'export') notes.push(`${cycle[k]} -> ${cycle[k + 1]} is ${kind === 'import()' ? 'a lazy import()' : `an ${kind}`}`);
    }
    out.cycles.push(`import cycle: ${cycle.join(' -> ')}${notes.length ? `\n    (${notes.join('; ')})` : ''}`);
  }
  if (truncated) out.cycles.push(`import cycle: … and more among ${comp.join(', ')} (first ${CYCLE_LIMIT} shown)`);
}

// ---------------------------------------------------------------- file length

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|css|html|json)$/;
const lengthChecked = [...srcFiles, ...walk(join(ROOT, 'backend'))]
  .filter((f) => SOURCE_FILE.test(f) && !isGenerated(f) && !isTest(f) && !f.includes('/node_modules/'));
for (const file of lengthChecked) {
  const text = read(file);
  if (text === null) continue;
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES) out.long.push(`${file}: ${lines} lines, over ${MAX_LINES}: split it along its seams (STYLE.md 8)`);
}

// ---------------------------------------------------------------- top of src/

const topLevel = srcFiles.filter((f) => /^src\/[^/]+\.ts$/.test(f));
if (topLevel.length > MAX_TOP_LEVEL) {
  out.top.push(
    `src/: ${topLevel.length} .ts files at the top, at most ${MAX_TOP_LEVEL} (only the public surfaces; the rest belongs in a folder, STYLE.md 1):\n    ` +
      topLevel.map((f) => f.slice('src/'.length)).join(', '),
  );
}

// ---------------------------------------------------------------- report

const all = [...out.rules, ...out.imports, ...out.cycles, ...out.long, ...out.top];
for (const line of all) console.log(line);
const counts = [
  `${out.rules.length} rule`,
  `${out.imports.length} unresolved import`,
  `${out.cycles.length} cycle`,
  `${out.long.length} long file`,
  `${out.top.length ? topLevel.length : 0} top-level over ${MAX_TOP_LEVEL}`,
].join(', ');
const scope = `${parsed.length} modules, ${edgeCount} imports in src/; ${lengthChecked.length} files of src/ and backend/ measured; ${topLevel.length} at the top of src/`;
console.log(all.length ? `lint: ${all.length} problem(s) (${counts}); ${scope}` : `lint: no problems (${scope})`);
process.exit(all.length ? 1 : 0);
