/**
 * The reference backend for the browser tests (web-test-runner's Koa server), on a
 * manual clock, plus control routes the tests call:
 *
 * - `POST /__test/reset` `{ …backend options, validTokens?: string[] }`: fresh backend, store, outbox, clock; no delay
 * - `POST /__test/clock` `{ "advance": seconds }`
 * - `GET /__test/outbox` → `{ messages }` (newest first, codes visible)
 * - `GET /__test/captcha/{captchaId}` → `{ answer }` (image: the characters; pow: the number)
 * - `POST /__test/delay` `{ "ms": n }`: every API answer waits that long first
 *
 * Rate limits default to generous values here so tests do not trip over each other;
 * pass `rateLimits` to `reset` to test them.
 */
import type { Context, Middleware } from 'koa';
import { peekImageAnswer, peekPuzzle } from '../captcha.ts';
import { ManualClock } from '../clock.ts';
import { createBackend, type Backend, type BackendOptions } from '../index.ts';
import { scryptHasher, toWebRequest } from './node.ts';
import { MemoryOutbox } from '../outbox.ts';
import { solvePuzzle } from '../pow.ts';
import type { RateLimits } from '../rate-limit.ts';

const TEST_RATE_LIMITS: RateLimits = {
  destination: { max: 1000, window: 3600 },
  sendPerAddress: { max: 1000, window: 600 },
  perAddress: { max: 100_000, window: 60 },
};

// Options a test may set through `reset` (JSON cannot carry the injected parts).
const PLAIN_OPTIONS = [
  'captchaKinds', 'requireCaptcha', 'captchaExpiresIn', 'captchaLength', 'powMaxNumber',
  'codeLength', 'codeExpiresIn', 'resendAfter', 'requestExpiresIn', 'maxCodeAttempts',
  'revealTaken', 'usernameCheck', 'allowedOrigins', 'maxBodyBytes', 'sessionExpiresIn',
] as const;

interface TestState {
  backend: Backend;
  clock: ManualClock;
  outbox: MemoryOutbox;
}

/** Builds a test backend from a `reset` body. Throws `TypeError` on a bad one. */
export function createTestBackend(body: Record<string, unknown> = {}): TestState {
  const clock = new ManualClock();
  const outbox = new MemoryOutbox();
  const options: BackendOptions = { clock, outbox, hasher: scryptHasher({ N: 2 ** 12 }), onError: (e) => console.error(e) };
  for (const key of PLAIN_OPTIONS) if (body[key] !== undefined) Object.assign(options, { [key]: body[key] });
  const limits = (body.rateLimits ?? {}) as Partial<RateLimits>;
  if (typeof limits !== 'object' || limits === null) throw new TypeError('rateLimits must be an object');
  options.rateLimits = { ...TEST_RATE_LIMITS, ...limits };
  const tokens = body.validTokens;
  if (Array.isArray(tokens)) options.verifyToken = (_provider, token) => tokens.includes(token);
  return { backend: createBackend(options), clock, outbox };
}

export function testMiddleware(): Middleware {
  let state = createTestBackend();
  let delayMs = 0;

  const control: Record<string, (ctx: Context, body: Record<string, unknown>) => Promise<unknown> | unknown> = {
    'POST /__test/reset': (_ctx, body) => {
      state = createTestBackend(body);
      delayMs = 0;
      return { ok: true };
    },
    'POST /__test/clock': (_ctx, body) => {
      state.clock.advance(Number(body.advance ?? 0));
      return { now: state.clock.now() };
    },
    'GET /__test/outbox': () => ({ messages: state.outbox.messages() }),
    'POST /__test/delay': (_ctx, body) => {
      delayMs = Math.max(0, Number(body.ms ?? 0));
      return { ms: delayMs };
    },
  };

  return async (ctx, next) => {
    const path = ctx.path;
    if (path.startsWith('/__test/')) {
      try {
        const body = ctx.method === 'POST' ? await readObject(ctx) : {};
        const captcha = /^\/__test\/captcha\/([A-Za-z0-9_-]+)$/.exec(path);
        if (ctx.method === 'GET' && captcha?.[1]) return reply(ctx, ...(await captchaAnswer(state, captcha[1])));
        const action = control[`${ctx.method} ${path}`];
        if (!action) return reply(ctx, 404, { error: { code: 'not_found', message: 'Unknown test route.' } });
        return reply(ctx, 200, await action(ctx, body));
      } catch (error) {
        return reply(ctx, 400, { error: { code: 'invalid_field', message: String(error) } });
      }
    }
    const base = state.backend.basePath;
    if (path === base || path.startsWith(`${base}/`)) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const request = await toWebRequest(ctx.req, state.backend.settings.maxBodyBytes);
      const response = await state.backend.handle(request, { clientAddress: ctx.ip || 'test' });
      ctx.status = response.status;
      const bytes = Buffer.from(await response.arrayBuffer());
      ctx.body = bytes.length > 0 ? bytes : null;
      response.headers.forEach((value, name) => ctx.set(name, value));
      return;
    }
    await next();
  };
}

async function captchaAnswer(state: TestState, id: string): Promise<[number, unknown]> {
  const store = state.backend.store;
  const text = await peekImageAnswer(store, id);
  if (text !== undefined) return [200, { answer: text }];
  const puzzle = await peekPuzzle(store, id);
  const n = puzzle && (await solvePuzzle(puzzle));
  if (n !== undefined) return [200, { answer: n }];
  return [404, { error: { code: 'not_found', message: 'No such live captcha.' } }];
}

async function readObject(ctx: Context): Promise<Record<string, unknown>> {
  const text = await (await toWebRequest(ctx.req, 65_536)).text();
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('expected a JSON object');
  return value as Record<string, unknown>;
}

function reply(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}
