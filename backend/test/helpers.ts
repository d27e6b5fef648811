// Shared set-up for the backend tests: a backend on a manual clock, driven with real Requests.
import assert from 'node:assert/strict';
import { ErrorBody } from '../../src/contract.ts';
import { peekImageAnswer } from '../captcha.ts';
import { createBackend, ManualClock, MemoryOutbox, MemoryStore, pbkdf2Hasher, type BackendOptions } from '../index.ts';

export const BASE = 'http://localhost/api/register';

export interface Reply {
  status: number;
  headers: Headers;
  // Test bodies are checked by assertions and contract schemas, field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export function setup(options: BackendOptions = {}) {
  const clock = new ManualClock();
  const outbox = new MemoryOutbox();
  const store = new MemoryStore();
  const backend = createBackend({ clock, outbox, store, hasher: pbkdf2Hasher({ iterations: 1000 }), ...options });

  async function send(request: Request, clientAddress = '198.51.100.7'): Promise<Reply> {
    const response = await backend.handle(request, { clientAddress });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
  const get = (path: string, clientAddress?: string) => send(new Request(BASE + path), clientAddress);
  const post = (path: string, body: unknown, clientAddress?: string) =>
    send(new Request(BASE + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify(body),
    }), clientAddress);

  /** A live image challenge and its answer (read from the store, as the test server does). */
  async function imageCaptcha(): Promise<{ kind: 'image'; captchaId: string; answer: string }> {
    const reply = await get('/captcha?kind=image');
    assert.equal(reply.status, 200);
    const answer = await peekImageAnswer(store, reply.body.captchaId);
    assert.ok(answer);
    return { kind: 'image', captchaId: reply.body.captchaId, answer };
  }

  async function sendCode(fields: Record<string, unknown> = {}, clientAddress?: string): Promise<Reply> {
    return post('/verification-codes', { ...emailForm(), captcha: await imageCaptcha(), ...fields }, clientAddress);
  }

  /** The newest code the outbox holds for `to`. */
  function codeFor(to: string): string {
    const code = outbox.latestTo(to)?.code;
    assert.ok(code, `no code sent to ${to}`);
    return code;
  }

  function createAccount(requestId: string, code: string, fields: Record<string, unknown> = {}): Promise<Reply> {
    return post('/accounts', { ...emailForm(), requestId, code, password: GOOD_PASSWORD, termsAccepted: true, ...fields });
  }

  /** Sends a code and creates the account with it. */
  async function register(fields: Record<string, unknown> = {}): Promise<Reply> {
    const sent = await sendCode(fields);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const to = String(fields.email ?? fields.phone ?? emailForm().email);
    return createAccount(sent.body.requestId, codeFor(to), fields);
  }

  return { backend, clock, outbox, store, get, post, send, imageCaptcha, sendCode, codeFor, createAccount, register };
}

export const GOOD_PASSWORD = 'Xk7#mq2Lp!';

export function emailForm(): Record<string, unknown> {
  return { username: 'dealer_01', country: 'GB', channel: 'email', email: 'ann@example.com', locale: 'en' };
}

export function smsFields(phone = '+447700900123'): Record<string, unknown> {
  return { channel: 'sms', phone, email: undefined };
}

/** Asserts a contract error body with this status and code; returns its `error`. */
export function assertError(reply: Reply, status: number, code: string, field?: string) {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.ok(ErrorBody.safeParse(reply.body).success, `not an error body: ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.error.code, code);
  if (field !== undefined) assert.equal(reply.body.error.field, field);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(reply.headers.get('cache-control'), 'no-store');
  return reply.body.error as { code: string; message: string; field?: string; retryAfter?: number; attemptsLeft?: number };
}
