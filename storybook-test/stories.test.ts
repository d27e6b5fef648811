/**
 * Every Storybook story, rendered from a fresh static build in headless Chromium:
 * each must finish (play function included) with no console error, no page error,
 * no failed request, no request leaving 127.0.0.1, no Storybook error, no failing
 * a11y-addon report, and no axe-core WCAG 2.2 A/AA violation.
 * Run: node --import tsx --test --test-reporter=spec storybook-test/stories.test.ts
 * (`npm test` runs it as its `stories` stage, after generating the translation modules
 * that src/ imports.)
 */
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startStorybook, type IndexEntry, type StaticStorybook } from './build.ts';
import { checkEntry, openContext } from './story-page.ts';

// scripts/ is plain JavaScript without declarations: its two exports are typed here.
const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('../scripts/find-chromium.mjs', import.meta.url).href);

/** Every element of the widget needs at least one story of its own. */
const ELEMENTS = ['hik-register', 'hik-country-dialog', 'hik-contact-toggle', 'hik-captcha', 'hik-code-modal'];

/**
 * Whether an entry is a story of `tag`: its file is `<tag>.stories.ts`, or the last
 * segment of its title is the tag (titles may nest, e.g. "hik-register/hik-captcha").
 */
function isStoryOf(entry: IndexEntry, tag: string): boolean {
  const file = entry.importPath.split('/').pop() ?? '';
  const leaf = entry.title.split('/').pop()?.trim() ?? '';
  return file === `${tag}.stories.ts` || leaf === tag;
}

let storybook: StaticStorybook | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let startError: Error | undefined;
// The build has to exist before the tests are declared: one test per story it lists.
try {
  storybook = await startStorybook();
  browser = await chromium.launch({
    executablePath: findChromium(),
    // Any other host fails at once instead of waiting on the closed network; the
    // request is still seen, and reported, by the page's 'request' listener.
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  context = await openContext(browser);
} catch (error) {
  startError = error as Error;
}

after(async () => {
  await browser?.close();
  await storybook?.close();
});

if (startError || !storybook || !context) {
  test('Storybook builds and Chromium starts', () => { throw startError ?? new Error('not started'); });
} else {
  const { base, entries } = storybook;
  const shared = context;
  const stories = entries.filter((e) => e.type === 'story');
  const docs = entries.filter((e) => e.type === 'docs');

  test('there is at least one story per element', () => {
    const missing = ELEMENTS.filter((tag) => !stories.some((s) => isStoryOf(s, tag)));
    assert.deepEqual(missing, [], `elements without a story (stories: ${stories.map((s) => s.id).join(', ') || 'none'})`);
  });

  // Two pages at a time: each story mostly waits on its play function and backend
  // delays, so two overlap well even on 2 cores (the suite must stay under 3 minutes).
  describe('every story and docs page', { concurrency: 2 }, () => {
    for (const entry of [...stories, ...docs]) {
      // Storybook's own opt-out (`tags: ['!test']`) is honoured, and shown as skipped.
      const skip = entry.type === 'story' && !entry.tags?.includes('test') ? 'tagged !test' : false;
      it(`${entry.type} ${entry.id} (${entry.title} › ${entry.name})`, { timeout: 60_000, skip }, async () => {
        const problems = await checkEntry(shared, base, entry);
        if (problems.length) {
          assert.fail(`${entry.type} "${entry.id}" (${entry.importPath}) is not clean:\n  ${problems.join('\n  ')}`);
        }
      });
    }
  });
}
