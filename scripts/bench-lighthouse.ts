/**
 * `npm run bench:lighthouse`: Lighthouse (mobile defaults: a mid-range phone, simulated
 * slow 4G and 4× CPU) on the dealer's page three ways, side by side in one run
 * (e2e/ssr-pages.ts: same header, footer and stylesheet, the strict CSP), and on the
 * NVR demo page with its pre-rendered form (demo/offline/serve.ts):
 *
 *   plain   a plain HTML form, no script (the reference)
 *   pre     renderRegister()'s markup (hik-register/ssr) and the script tag
 *   bare    the bare <hik-register> tag and the script tag
 *   demo    demo/offline's page, pre-rendered as an NVR build would (`hik-register render`)
 *
 * Each round runs every page once, in a rotating order, each in a fresh Chromium.
 * Printed: the median of each metric over the rounds (and the lowest and highest
 * performance score), and Lighthouse's benchmark index of the machine (BI: below
 * about 1000 the CPU was slow or busy, and the simulated times and TBT grow with it:
 * Lighthouse multiplies the tasks it observed by 4). It asserts nothing: a benchmark,
 * not a test. On a shared machine, `--max-load 1` waits before each run until the
 * 1-minute load average is below 1 (at most 5 minutes).
 *
 * Lighthouse is not a dependency of the project. Install it beside it first:
 *   npm i --no-save lighthouse
 * (or point LIGHTHOUSE at an installed copy: LIGHTHOUSE=/somewhere/node_modules/lighthouse).
 *
 *   npm run bench:lighthouse                       builds into a temporary folder first
 *   npx tsx scripts/bench-lighthouse.ts --dist DIR  a package build already made
 *     --runs N (5)  --pages plain,pre,bare,demo  --port P (Chromium's debugging port)
 *     --save DIR (each run's report, as JSON)  --max-load L (wait for a quieter machine)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { servePages } from '../e2e/ssr-pages.ts';
import { serveNvr } from '../demo/offline/serve.ts';
import { buildBrowser, buildSsr } from './build-package.ts';

const { findChromium }: { findChromium(): string } = await import(new URL('./find-chromium.mjs', import.meta.url).href);

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '5' },
    pages: { type: 'string', default: 'plain,pre,bare,demo' },
    port: { type: 'string', default: '0' },
    save: { type: 'string' },
    'max-load': { type: 'string', default: '0' },
  },
});

/** What the script uses of Lighthouse's report. */
interface Report {
  categories: Record<'performance' | 'accessibility', { score: number | null }>;
  environment: { benchmarkIndex: number };
  audits: Record<string, { numericValue?: number; score: number | null }>;
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Report } | undefined>;
interface Launcher { launch(options: Record<string, unknown>): Promise<{ port: number; kill(): void }> }

/** Lighthouse and the Chromium launcher it ships with, from $LIGHTHOUSE or the project's node_modules. */
async function findLighthouse(): Promise<{ lighthouse: Lighthouse; launcher: Launcher }> {
  const from = process.env['LIGHTHOUSE'] ? join(resolve(process.env['LIGHTHOUSE']), 'package.json') : import.meta.url;
  try {
    const require = createRequire(from);
    const entry = require.resolve(process.env['LIGHTHOUSE'] ? join(resolve(process.env['LIGHTHOUSE']), 'core/index.js') : 'lighthouse');
    const launcherEntry = createRequire(entry).resolve('chrome-launcher');
    const [{ default: lighthouse }, launcher] = await Promise.all([
      import(pathToFileURL(entry).href) as Promise<{ default: Lighthouse }>,
      import(pathToFileURL(launcherEntry).href) as Promise<Launcher>,
    ]);
    return { lighthouse, launcher };
  } catch {
    console.error('bench:lighthouse: Lighthouse is not installed (it is not a dependency of the project).\n'
      + '  Install it beside the project: npm i --no-save lighthouse\n'
      + '  or point at a copy: LIGHTHOUSE=/path/to/node_modules/lighthouse npm run bench:lighthouse');
    process.exit(1);
  }
}

const METRICS = [
  ['perf', (r: Report) => 100 * (r.categories.performance.score ?? 0)],
  ['a11y', (r: Report) => 100 * (r.categories.accessibility.score ?? 0)],
  ['CLS', (r: Report) => r.audits['cumulative-layout-shift']?.numericValue ?? NaN],
  ['FCP', (r: Report) => r.audits['first-contentful-paint']?.numericValue ?? NaN],
  ['LCP', (r: Report) => r.audits['largest-contentful-paint']?.numericValue ?? NaN],
  ['TBT', (r: Report) => r.audits['total-blocking-time']?.numericValue ?? NaN],
  ['SI', (r: Report) => r.audits['speed-index']?.numericValue ?? NaN],
  ['TTFB', (r: Report) => r.audits['server-response-time']?.numericValue ?? NaN],
  ['BI', (r: Report) => r.environment.benchmarkIndex],
] as const;

/** Waits, at most 5 minutes, until the 1-minute load average is below `max` (0: does not wait). */
async function quiet(max: number): Promise<void> {
  for (let waited = 0; max > 0 && loadavg()[0]! >= max && waited < 300; waited += 5) await sleep(5000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const { lighthouse, launcher } = await findLighthouse();
const runs = Number(args.runs);
const kinds = args.pages.split(',').filter(Boolean);
let temporary: string | undefined;
let dist = args.dist && resolve(args.dist);
if (!dist) {
  // Inside the project: the ssr/ module imports lit and @lit-labs/ssr from node_modules.
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  dist = temporary = mkdtempSync(join(cache, 'hik-lighthouse-'));
  console.log(`building into ${dist}`);
  await buildBrowser(dist, 'error');
  await buildSsr(dist, 'error');
}
if (!existsSync(join(dist, 'ssr/index.js'))) {
  console.error(`bench:lighthouse: ${dist} holds no package build (ssr/index.js is missing)`);
  process.exit(1);
}

const pages = await servePages(dist);
const nvr = kinds.includes('demo') ? await serveNvr(dist, 0, undefined, true, { prerender: true }) : undefined;
const urls: Record<string, string> = {
  plain: `${pages.base}plain`,
  pre: `${pages.base}pre?locale=en`,
  bare: `${pages.base}bare?locale=en`,
  demo: nvr?.base ?? '',
};
const reports: Record<string, Report[]> = Object.fromEntries(kinds.map((k) => [k, []]));
if (args.save) mkdirSync(args.save, { recursive: true });
try {
  for (let round = 0; round < runs; round++) {
    // A rotating order, so that no page always goes first (a busy neighbour, a warm disk).
    for (const kind of kinds.map((_, i) => kinds[(i + round) % kinds.length]!)) {
      await quiet(Number(args['max-load']));
      const chrome = await launcher.launch({
        chromePath: findChromium(),
        port: Number(args.port),
        chromeFlags: ['--headless=new', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      });
      try {
        const result = await lighthouse(urls[kind]!, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
        });
        if (!result) throw new Error(`Lighthouse gave no report for ${urls[kind]}`);
        reports[kind]!.push(result.lhr);
        if (args.save) writeFileSync(join(args.save, `${kind}-${round + 1}.json`), JSON.stringify(result.lhr));
        process.stdout.write(`${kind} ${round + 1}/${runs}: ${Math.round(METRICS[0][1](result.lhr))} (BI ${Math.round(result.lhr.environment.benchmarkIndex)})  `);
      } finally {
        chrome.kill();
      }
    }
    process.stdout.write('\n');
  }
} finally {
  pages.server.close();
  nvr?.server.close();
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}

console.log(`\nLighthouse ${runs} runs per page (mobile defaults), medians; perf range in brackets; times in ms; load average now ${loadavg()[0]!.toFixed(1)}`);
console.log(['page'.padEnd(8), ...METRICS.map(([name]) => name.padStart(name === 'perf' ? 14 : 7))].join(''));
for (const kind of kinds) {
  const list = reports[kind]!;
  const cells = METRICS.map(([name, read]) => {
    const values = list.map(read);
    const m = median(values);
    if (name === 'perf') return `${m.toFixed(0)} [${Math.min(...values)}–${Math.max(...values)}]`.padStart(14);
    return (name === 'CLS' ? m.toFixed(3) : m.toFixed(0)).padStart(7);
  });
  console.log([kind.padEnd(8), ...cells].join(''));
}
