/**
 * Opens one Storybook entry (story or docs page) in a fresh browser context, waits
 * until Storybook says it is finished (rendered, play function and afterEach hooks
 * such as the a11y addon's done), runs axe-core on the document and collects every
 * problem: console errors, page errors, failed requests, requests leaving 127.0.0.1,
 * Storybook's own error events, and axe violations.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IndexEntry } from './build.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * WCAG 2.2 level A and AA; best-practice rules off here. The a11y addon also runs
 * every axe rule (best practices included, 'region' excepted) after each story, and
 * a failing addon report (`a11y: { test: 'error' }`, the preview's default) fails the
 * story here too.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Storybook's own always-present elements, as the a11y addon excludes them. */
const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-highlights-root'];

const STORY_TIMEOUT_MS = 30_000;

/** What the preview told its channel, recorded in the page. */
interface ChannelRecord {
  finished?: { status: string; reporters: Reporter[] };
  docsRendered: boolean;
  errors: string[];
}

interface Reporter {
  type: string;
  status: string;
  result?: { violations?: { id: string; help: string; nodes: { target: unknown }[] }[]; error?: unknown };
}

declare global {
  interface Window {
    __storyCheck: ChannelRecord;
  }
}

/**
 * Runs in the page before Storybook: catches the channel as the preview installs it
 * (a plain global assignment) and listens from its first event on, so no event is
 * missed however fast the story renders.
 */
function channelRecorder(): void {
  const record: ChannelRecord = { docsRendered: false, errors: [] };
  window.__storyCheck = record;
  const text = (e: unknown) => {
    if (e && typeof e === 'object') {
      const { name, message, stack } = e as { name?: string; message?: string; stack?: string };
      return `${name ?? 'Error'}: ${message ?? JSON.stringify(e)}${stack ? `\n      ${stack.split('\n').slice(1, 4).join('\n      ')}` : ''}`;
    }
    return String(e);
  };
  type Channel = { on(event: string, listener: (...args: unknown[]) => void): void };
  const hooked = new WeakSet<object>();
  let current: Channel | undefined;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set(next: Channel | undefined) {
      current = next;
      if (!next || hooked.has(next)) return;
      hooked.add(next);
      next.on('storyFinished', (p) => { record.finished = p as ChannelRecord['finished']; });
      next.on('docsRendered', () => { record.docsRendered = true; });
      next.on('playFunctionThrewException', (e) => record.errors.push(`play function threw: ${text(e)}`));
      next.on('unhandledErrorsWhilePlaying', (es) => {
        for (const e of es as unknown[]) record.errors.push(`unhandled error while playing: ${text(e)}`);
      });
      next.on('storyThrewException', (e) => record.errors.push(`story threw: ${text(e)}`));
      next.on('storyErrored', (e) => {
        const { title, description } = e as { title?: string; description?: string };
        record.errors.push(`story errored: ${title ?? ''} ${description ?? ''}`.trim());
      });
      next.on('storyMissing', (id) => record.errors.push(`story missing: ${String(id)}`));
    },
  });
}

/**
 * The one context every entry opens a page in: one HTTP and code cache for Storybook's
 * 2 MB of scripts (a context per story took twice as long). A new page is a new tab,
 * so sessionStorage (the widget's draft) starts empty; localStorage is emptied before
 * each page's scripts run.
 */
export async function openContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  // tsx compiles with esbuild's keepNames, which wraps named functions in the
  // callbacks handed to page.evaluate() with a `__name` helper the page lacks.
  await context.addInitScript({ content: 'window.__name = (f) => f; if (window === window.top) localStorage.clear();' });
  await context.addInitScript(channelRecorder);
  return context;
}

/** Opens the entry in a new page and returns the list of problems (empty when the entry is clean). */
export async function checkEntry(context: BrowserContext, base: string, entry: IndexEntry): Promise<string[]> {
  const problems: string[] = [];
  const allowed = new URL(base).host;
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(STORY_TIMEOUT_MS);
    page.on('console', (m) => {
      // Chromium's own favicon request: iframe.html declares no icon. Not the story's doing.
      if (m.type() !== 'error' || m.location().url.endsWith('/favicon.ico')) return;
      if (m.text().startsWith('Failed to load resource') && m.location().url) return; // named by 'response' below
      problems.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.host !== allowed) problems.push(`request left 127.0.0.1: ${r.method()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      if (new URL(r.url()).host === allowed) problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
    });

    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(`${base}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`);
    const settled = await waitUntilSettled(page, viewMode).catch((e: Error) => {
      problems.push(`did not finish within ${STORY_TIMEOUT_MS / 1000} s (${e.message.split('\n')[0]})`);
      return false;
    });
    const record = await page.evaluate(() => window.__storyCheck);
    problems.push(...record.errors);
    if (record.finished && record.finished.status !== 'success') {
      problems.push(`Storybook finished the story with status "${record.finished.status}"${describeReporters(record.finished.reporters)}`);
    }
    if (settled) {
      const rendered = await page.evaluate((mode) => {
        const host = document.querySelector(mode === 'docs' ? '#storybook-docs' : '#storybook-root');
        // Decorators may wrap the story in empty boxes and <style>s: look for something a user can perceive.
        if (!host) return false;
        const perceivable = ['img', 'svg', 'input', 'button', 'select', 'textarea', 'canvas', 'video', 'iframe', 'dialog'];
        if ([...host.querySelectorAll('*')].some((e) => e.localName.includes('-') || !!e.shadowRoot || perceivable.includes(e.localName))) return true;
        const texts = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        for (let t = texts.nextNode(); t; t = texts.nextNode()) {
          if (/\S/.test(t.nodeValue ?? '') && !t.parentElement?.closest('style, script, template')) return true;
        }
        return false;
      }, viewMode);
      if (!rendered) problems.push('rendered nothing');
      problems.push(...(await runAxe(page, viewMode)));
      if (viewMode === 'story') problems.push(...(await runAxeInDark(page)));
    }
  } finally {
    await page.close();
  }
  return problems;
}

async function waitUntilSettled(page: Page, viewMode: 'story' | 'docs'): Promise<boolean> {
  await page.waitForFunction((mode) => {
    const r = window.__storyCheck;
    return mode === 'docs' ? r.docsRendered || r.errors.length > 0 : !!r.finished || r.errors.some((e) => e.startsWith('story missing'));
  }, viewMode, { timeout: STORY_TIMEOUT_MS });
  // Let the last microtasks and paints of the story land before axe looks.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return true;
}

function describeReporters(reporters: Reporter[] = []): string {
  const lines: string[] = [];
  for (const r of reporters.filter((x) => x.status !== 'passed')) {
    if (r.result?.error) lines.push(`${r.type} reporter: ${r.status}: ${JSON.stringify(r.result.error)}`);
    for (const v of r.result?.violations ?? []) {
      lines.push(`${r.type} reporter: ${r.status}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    }
    if (!r.result?.error && !r.result?.violations?.length) lines.push(`${r.type} reporter: ${r.status}`);
  }
  return lines.length ? `:\n    ${lines.join('\n    ')}` : '';
}

/**
 * The same story again in dark colours, without reloading it (a reload would lose
 * what its play function did): the preview's page box and every widget switch to
 * dark as the toolbar's Dark does, and axe looks again. Catches dark-only contrast
 * failures in every state the stories reach.
 */
async function runAxeInDark(page: Page): Promise<string[]> {
  const switched = await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('#storybook-root .sb-page');
    if (!box) return false;
    box.dataset['theme'] = 'dark';
    // The stories pass the toolbar's theme to the widget as its `theme` attribute.
    for (const widget of box.querySelectorAll('hik-register')) widget.setAttribute('theme', 'dark');
    return new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
  });
  if (!switched) return ['dark: the preview has no .sb-page box to switch to dark'];
  return (await runAxe(page, 'story')).map((v) => `dark: ${v}`);
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }

/**
 * A fresh axe-core from node_modules (not the addon's bundled copy), run on the whole
 * document: shadow roots are included, Storybook's own chrome is not. On docs pages
 * only the story blocks are checked: the rest (args tables, their toggles) is
 * Storybook's docs UI, not ours to fix.
 */
async function runAxe(page: Page, viewMode: 'story' | 'docs'): Promise<string[]> {
  if (viewMode === 'docs' && !(await page.locator('.docs-story').count())) return [];
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async ({ tags, exclude, docs }) => {
    // The page's `axe` global is axe-core's (axe.min.js sets it); typed loosely here.
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(
      { include: docs ? [['.docs-story']] : [document], exclude: exclude.map((s) => [s]) },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
    return JSON.parse(JSON.stringify(result.violations)) as AxeViolation[];
  }, { tags: AXE_TAGS, exclude: STORYBOOK_CHROME, docs: viewMode === 'docs' });
  return violations.flatMap((v) => v.nodes.map((n) => {
    const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
    return `axe ${v.id} (${v.impact ?? 'n/a'}: ${v.help}) at ${JSON.stringify(n.target)}${summary ? ` — ${summary}` : ''}`;
  }));
}
