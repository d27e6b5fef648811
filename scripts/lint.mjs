// Project rules a type checker does not see (STYLE.md, the security bar):
// no HTML from strings, no console output of data, no unexplained `any` or @ts-ignore.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RULES = [
  { re: /unsafeHTML|unsafeSVG|\.innerHTML\s*=|insertAdjacentHTML|document\.write/, why: 'text must never be rendered as HTML' },
  { re: /console\.(log|info|debug)\(/, why: 'no logging in browser code (secrets must never reach a log)' },
  { re: /@ts-ignore|@ts-nocheck/, why: 'no @ts-ignore' },
  { re: /(:\s*any\b|as any\b|<any>)(?!.*\/\/)/, why: '`any` needs a comment saying why' },
  { re: /localStorage/, why: 'nothing is kept in localStorage (sessionStorage drafts only, never secrets)' },
];

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

let problems = 0;
for (const file of walk('src')) {
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    for (const rule of RULES) {
      if (rule.re.test(line)) {
        problems += 1;
        console.log(`${file}:${i + 1}: ${rule.why}\n    ${trimmed}`);
      }
    }
  });
}
console.log(problems ? `${problems} problem(s)` : 'lint: no problems in src/');
process.exit(problems ? 1 : 0);
