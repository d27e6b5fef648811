// Checks translation files against the source catalogue (xliff/ is written by
// `lit-localize extract`, which lists every message of src/ in each file):
// every unit has a non-empty <target>, the same placeholders as its <source>,
// and a file has exactly the units English has. Usage: node scripts/check-xliff.mjs [xliff/xx.xlf …]
import { readFileSync, readdirSync } from 'node:fs';

export function units(xml) {
  const out = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? null;
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null;
    out.set(m[1], { source, target });
  }
  return out;
}

const placeholders = (s) => [...(s ?? '').matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[1]).sort().join(',');

/** Problems of one file, compared with the ids English has (`expected`). */
export function problemsOf(file, expected) {
  const xml = readFileSync(file, 'utf8');
  const found = units(xml);
  const problems = [];
  for (const id of expected) if (!found.has(id)) problems.push(`${id}: missing`);
  for (const [id, u] of found) {
    if (!expected.has(id)) problems.push(`${id}: no longer in English`);
    if (!u.target || !u.target.trim()) problems.push(`${id}: no translation`);
    else if (placeholders(u.source) !== placeholders(u.target)) problems.push(`${id}: placeholders differ`);
    else if (/<(?!x id="\d+"[^>]*\/>)/.test(u.target.replace(/<x id="\d+"[^>]*\/>/g, ''))) problems.push(`${id}: markup in the translation`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('xliff').filter((f) => f.endsWith('.xlf')).map((f) => `xliff/${f}`);
  // Every file lists the same sources (extract writes them all); the first is the reference.
  const expected = new Set(units(readFileSync(files[0], 'utf8')).keys());
  let bad = 0;
  for (const f of files) {
    const p = problemsOf(f, expected);
    bad += p.length;
    console.log(`${f}: ${p.length ? `${p.length} problem(s)\n  ${p.slice(0, 20).join('\n  ')}` : 'ok'}`);
  }
  process.exit(bad ? 1 : 0);
}
