// Property-based fuzzing of every endpoint of CONTRACT.md through `<hik-register>`'s
// `fetch` property (issue 12): fast-check generates what a server or a fetch
// replacement answers (any status, bodies that are not JSON, truncated, huge or deeply
// nested, each field missing or of a wrong type, extra and prototype-named keys,
// HTML and control characters in text, every error code the contract documents and
// words the widget uses itself, Retry-After in both forms and broken, rejections,
// answers that never come), and after each answer checks what a user or an
// integrator would see:
// - no uncaught error, no unhandled rejection, no console error;
// - the form is never stuck (busy with nothing in flight, or a button disabled
//   without a countdown);
// - an error is shown and dispatched once as `hik-register-error` with the
//   contract's code (the live user name check, a courtesy, stays silent);
// - nothing the server sent becomes HTML;
// - no secret (password, captcha answer, code) in an event, the console, storage or
//   a URL;
// - valid answers afterwards still work, and the flow completes at the end.
// Seeded: the seed is printed, and a failure prints its shrunk counterexample with
// the seed and path that replay it. To replay or explore, write tmp/fuzz.json:
// { "seed": 42, "path": "…", "runs": 100, "only": ["send"] } (tmp/ is not committed).
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { HikRegister } from '../src/hik-register.ts';
import { SERVER_ERROR_CODES, CLIENT_ERROR_CODES } from '../src/contract.ts';
import { $, buttonNamed } from './dom.ts';
import {
  BROKEN_IMAGES, GOOD_IMAGES, VALID, learnImages, outcome, preparePow, replyFor,
  type Endpoint, type Outcome, type Reply,
} from './fuzz-replies.ts';
import {
  Clock, FakeServer, Watch, codeDialog, fillForm, htmlRendered, leaks, mount, nextButton, okButton, resendButton,
  settle, stuck, tick, toCodeStep, typeCode, until, visibleErrors, visibleText,
} from './fuzz-harness.ts';

/** Cases per endpoint: about 2,200 in all, 130 s measured on a busy 2-core machine (30-60 ms a case, 200 ms for a timeout). */
const RUNS: Record<Endpoint, number> = { captcha: 400, pow: 80, usernames: 250, send: 700, resend: 350, accounts: 400 };
const DEFAULT_SEED = 20261201;

interface Options { seed?: number; path?: string; runs?: number; only?: Endpoint[] }
let options: Options = {};
const seedOf = (endpoint: Endpoint) => (options.seed ?? DEFAULT_SEED) + Object.keys(RUNS).indexOf(endpoint);

const KNOWN_CODES = new Set<string>([...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES]);
const images = new Map<string, boolean>();
const decodes = (src: string) => images.get(src) ?? true;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const server = new FakeServer();
const watch = new Watch();
const clock = new Clock();
const summary: string[] = [];
let total = 0;
let el: HikRegister;
/** The element is in an unknown state (a case failed): the next case starts on a new one. */
let dirty = true;
/** Errors the user sees while the armed request is in flight (none: the form was clean). */
let seenInFlight: string[] = [];

async function fresh(attrs: Record<string, string> = {}): Promise<void> {
  el = await mount(server, attrs);
  dirty = false;
}

/** Plays `reply` for `endpoint` through `act`, waits for the answer and everything it causes, and checks every invariant. */
async function answer(endpoint: Endpoint, reply: Reply, act: () => void | Promise<void>): Promise<{ outcome: Outcome; errors: ReturnType<Watch['errorEvents']> }> {
  const since = { events: watch.events.length, uncaught: watch.uncaught.length, console: watch.consoleErrors.length };
  seenInFlight = [];
  server.onArmed = async () => {
    await el.updateComplete;
    seenInFlight = visibleErrors(el);
  };
  server.arm(endpoint, reply);
  await act();
  await until(() => server.served(endpoint), `the ${endpoint} request is made`, 3000);
  await settle(el, server);
  if (endpoint === 'captcha') {
    // The picture is decoded before it is shown.
    await tick(1);
    await settle(el, server);
  }
  // A lazily loaded chunk (the code pop-up's) is not a request: give it a moment.
  await until(() => stuck(el, server) === null, 'not stuck', 1500).catch(() => undefined);
  const result = outcome(endpoint, reply, decodes);
  const errors = watch.errorEvents(since.events);
  const problems: string[] = [
    ...watch.uncaught.slice(since.uncaught),
    ...watch.consoleErrors.slice(since.console).map((c) => `console error: ${c}`),
    ...leaks(watch, server),
  ];
  const html = htmlRendered();
  if (html) problems.push(html);
  const why = stuck(el, server);
  if (why) problems.push(`stuck: ${why}`);
  if (seenInFlight.length) problems.push(`errors shown while the request was in flight: ${seenInFlight.join(' | ')}`);
  if ('code' in result) {
    // Every error of a request, the live user name check's too (CONTRACT.md).
    if (errors.length !== 1 || errors[0].code !== result.code) {
      problems.push(`expected one hik-register-error ${JSON.stringify(result.code)}, got ${JSON.stringify(errors)}`);
    }
  }
  if ('code' in result && endpoint !== 'usernames') {
    const shown = visibleErrors(el);
    if (!shown.length) problems.push(`error ${JSON.stringify(result.code)} not shown`);
    // The captcha says in its own words that no challenge could be loaded; the form and the pop-up show a server's words.
    if (endpoint !== 'captcha' && endpoint !== 'pow' && !KNOWN_CODES.has(result.code) && /[^\s\p{C}]/u.test(result.message ?? '') && !visibleText(el).includes(norm(result.message ?? ''))) {
      problems.push(`the server's message for unknown code ${JSON.stringify(result.code)} is not shown as text`);
    }
    // Retry-After (the body's retryAfter first, then the header's seconds): a countdown the user can see.
    const header = reply.kind === 'http' ? reply.headers.find(([k]) => k === 'Retry-After')?.[1] : undefined;
    const wait = result.retryAfter !== undefined ? Math.ceil(result.retryAfter) : /^\s*\d+\s*$/.test(header ?? '') ? Number(header) : 0;
    if (result.code === 'rate_limited' && wait >= 1 && endpoint !== 'captcha' && endpoint !== 'pow' && !countdownShown(el)) {
      problems.push(`rate_limited with a wait of ${wait} s shows no countdown`);
    }
  } else if (!('code' in result) && errors.length) {
    problems.push(`no error expected (${'ok' in result ? 'valid answer' : 'absent'}), got ${JSON.stringify(errors)}`);
  }
  if (problems.length) throw new Error(`${endpoint}: ${problems.join('\n')}\nexpected: ${JSON.stringify(result).slice(0, 300)}`);
  return { outcome: result, errors };
}

/** A countdown under Next, on Resend, or for OK in the code pop-up. */
function countdownShown(el: HikRegister): boolean {
  const dialog = codeDialog(el);
  if (!dialog) return /\d/.test(el.shadowRoot!.getElementById('next-wait')?.textContent ?? '');
  return /Try again in/.test(dialog.textContent ?? '') || /\d/.test(resendButton(el).textContent ?? '');
}

/** Ends any wait (rate limit, Resend) by moving the page's clock on by more than the longest (a year: `resendAfter`). */
async function endWaits(): Promise<void> {
  await clock.skip(el, 400 * 86_400);
}

/** Back on the form step, not waiting. */
async function toForm(): Promise<void> {
  if (el.step === 'done') await fresh();
  if (codeDialog(el)) buttonNamed($(el, 'hik-code-modal'), 'Cancel').click();
  await until(() => el.step === 'form', 'Cancel closes the code pop-up');
  await endWaits();
}

/** On the code step with OK and Resend available. */
async function toCode(): Promise<void> {
  if (el.step === 'done') await fresh();
  if (el.step === 'form') {
    await endWaits();
    await toCodeStep(el, server);
  }
  await endWaits();
}

/** With valid answers, the flow goes from wherever it is to a new account. */
async function completes(): Promise<void> {
  await toForm();
  if (el.getAttribute('captcha') === 'pow') await until(() => /Verified/.test($(el, 'hik-captcha').textContent ?? ''), 'the puzzle is solved');
  await toCodeStep(el, server);
  typeCode(el);
  const since = watch.events.length;
  okButton(el).click();
  await until(() => el.step === 'done', 'account created', 3000);
  await settle(el, server);
  expect(watch.events.slice(since).map((e) => e.type)).to.include('hik-register-success');
  expect(stuck(el, server)).to.equal(null);
  expect(leaks(watch, server)).to.deep.equal([]);
}

/** Runs the property for `endpoint` and prints how many cases it tried. */
async function fuzz<T extends Reply>(
  endpoint: Endpoint, oneCase: (reply: T) => Promise<void>, attrs: Record<string, string> = {},
  replies: fc.Arbitrary<T> = replyFor(endpoint) as fc.Arbitrary<T>,
): Promise<void> {
  if (options.only && !options.only.includes(endpoint)) return;
  const seed = seedOf(endpoint);
  const counts = { cases: 0 };
  const started = performance.now();
  const slow: string[] = [];
  const byKind: Record<string, number[]> = {};
  await fresh(attrs);
  try {
    await fc.assert(fc.asyncProperty(replies, async (reply) => {
      counts.cases += 1;
      const t0 = performance.now();
      server.disarm();
      if (dirty) await fresh(attrs);
      dirty = true;
      await oneCase(reply);
      dirty = false;
      const ms = performance.now() - t0;
      const kind = (() => { const o = outcome(endpoint, reply, decodes); return 'ok' in o ? 'ok' : 'absent' in o ? 'absent' : o.code; })();
      const k = ['ok', 'absent', 'network', 'timeout', 'bad_response'].includes(kind) ? kind : 'server';
      (byKind[k] ??= []).push(ms);
      if (ms > 300) slow.push(`${ms.toFixed(0)} ms: ${JSON.stringify(reply).slice(0, 160)}`);
    }), {
      seed, numRuns: options.runs ?? RUNS[endpoint], ...(options.path ? { path: options.path } : {}),
      // The case that failed, printed in full by the report: no need to list every shrink step.
      verbose: 0, includeErrorInReport: true,
    });
    server.disarm();
    await fresh(attrs);
    await completes();
  } finally {
    const kinds = Object.entries(byKind).map(([k, v]) => `${k} ${v.length}`).join(', ');
    const line = `fuzz: ${endpoint}: ${counts.cases} cases (${kinds}; seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    total += counts.cases;
    summary.push(line);
    console.log(line);
    if (options.runs) console.log(`fuzz: ms a case: ${Object.entries(byKind).map(([k, v]) => `${k} ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(0)}`).join(', ')}`);
  }
}

describe('<hik-register> against generated server answers (fuzz)', function () {
  this.timeout(300_000);

  before(async () => {
    const file = await readFile({ path: '../tmp/fuzz.json' }).catch(() => undefined);
    if (typeof file === 'string') options = JSON.parse(file) as Options;
    console.log(`fuzz: seed ${options.seed ?? DEFAULT_SEED}${options.seed ? ' (from tmp/fuzz.json)' : ''}`);
    await preparePow();
    await learnImages([...GOOD_IMAGES, ...BROKEN_IMAGES, 'https://example.com/x.png', 'javascript:alert(1)'], images);
    watch.install();
    clock.install();
  });

  after(() => {
    clock.uninstall();
    watch.uninstall();
    el?.remove();
    console.log(`fuzz: ${total} generated answers in all`);
  });

  it('GET captcha?kind=image (Refresh)', async () => {
    await fuzz('captcha', async (reply) => {
      const captcha = $(el, 'hik-captcha');
      const { outcome: result } = await answer('captcha', reply, () => buttonNamed(captcha, 'Refresh').click());
      const img = el.shadowRoot!.querySelector<HTMLImageElement>('hik-captcha img');
      if ('ok' in result) {
        const src = (result.data as { image: string }).image;
        if (img?.getAttribute('src') !== src) throw new Error('a valid challenge is not shown');
        await img.decode().catch(() => undefined);
        if (!(img.naturalWidth > 0)) throw new Error('the picture shown is broken');
      }
      if (img && img.complete && !(img.naturalWidth > 0)) throw new Error('a broken picture is shown');
      if (!('ok' in result)) {
        // Valid answers afterwards: Refresh brings a picture back, without an error.
        buttonNamed(captcha, 'Refresh').click();
        await settle(el, server);
        const again = el.shadowRoot!.querySelector<HTMLImageElement>('hik-captcha img');
        if (again?.getAttribute('src') !== VALID.captcha.image || visibleErrors(el).length) throw new Error('Refresh does not recover');
      }
    });
  });

  it('GET captcha?kind=pow (a new element each case)', async () => {
    server.offers.pow = true;
    try {
      await fuzz('pow', async (reply) => {
        const { outcome: result } = await answer('pow', reply, () => fresh({ captcha: 'pow' }));
        if ('ok' in result) {
          await until(() => /Verified|could not be verified/.test($(el, 'hik-captcha').textContent ?? ''), 'the puzzle ends', 3000);
        }
      }, { captcha: 'pow' });
    } finally {
      server.offers.pow = false;
    }
  });

  it('GET usernames/{name} (the live check)', async () => {
    // The check waits for a 500 ms pause in typing: the fuzz does not.
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => realSetTimeout(fn, ms === 500 ? 0 : ms, ...rest)) as typeof setTimeout;
    try {
      await fuzz('usernames', async (reply) => {
        const { outcome: result } = await answer('usernames', reply, () => fillForm(el));
        const taken = visibleErrors(el).some((t) => /already taken/.test(t));
        const said = 'ok' in result && (result.data as { available: boolean }).available === false;
        if (taken !== said) throw new Error(said ? '"taken" not shown' : '"taken" shown without the server saying so');
      });
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });

  it('POST verification-codes (Next)', async () => {
    // Registering by email or by mobile phone: an error for the field not shown goes to the alert.
    const replies = fc.tuple(replyFor('send'), fc.constantFrom<'email' | 'sms'>('email', 'email', 'sms'))
      .map(([reply, way]) => ({ ...reply, way }));
    await fuzz('send', async (reply) => {
      await toForm();
      await fillForm(el, reply.way);
      const since = watch.events.length;
      const { outcome: result } = await answer('send', reply, () => nextButton(el).click());
      if ('ok' in result) {
        const sent = watch.events.slice(since).find((e) => e.type === 'hik-code-sent');
        if (!sent || !codeDialog(el)) throw new Error('a valid answer does not open the code pop-up');
        const destination = norm((result.data as { destination: string }).destination);
        if (destination && !visibleText(el).includes(destination)) throw new Error('the destination is not shown as text');
      }
    }, {}, replies);
  });

  it('POST verification-codes/{id}/resend (Resend)', async () => {
    await fuzz('resend', async (reply) => {
      await toCode();
      await answer('resend', reply, () => resendButton(el).click());
    });
  });

  it('POST accounts (OK in the code pop-up)', async () => {
    await fuzz('accounts', async (reply) => {
      await toCode();
      typeCode(el);
      const since = watch.events.length;
      const { outcome: result } = await answer('accounts', reply, () => okButton(el).click());
      if ('ok' in result) {
        const done = watch.events.slice(since).find((e) => e.type === 'hik-register-success');
        if (!done || el.step !== 'done') throw new Error('a valid answer does not complete the registration');
      }
    });
  });
});
