// Real HTTP round trips: the Node adapter on an ephemeral port, and the browser tests' Koa middleware.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { createBackend, ManualClock, MemoryOutbox } from '../index.ts';
import { nodeMiddleware, scryptHasher } from '../adapters/node.ts';
import { testMiddleware } from '../adapters/test-server.ts';
import { peekImageAnswer } from '../captcha.ts';
import { emailForm, GOOD_PASSWORD } from './helpers.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

test('Node adapter: real HTTP round trip through the connect-style middleware', async () => {
  const outbox = new MemoryOutbox();
  const backend = createBackend({ outbox, clock: new ManualClock(), hasher: scryptHasher({ N: 2 ** 12 }), rateLimits: { perAddress: { max: 6, window: 60 } } });
  const middleware = nodeMiddleware(backend);
  const server = createServer((req, res) => middleware(req, res, () => {
    res.statusCode = 404;
    res.end('next() was called');
  }));
  const origin = await listen(server);
  try {
    const challenge = await fetch(`${origin}/api/register/captcha?kind=image`);
    assert.equal(challenge.status, 200);
    assert.equal(challenge.headers.get('cache-control'), 'no-store');
    const { captchaId } = (await challenge.json()) as { captchaId: string };
    const answer = await peekImageAnswer(backend.store, captchaId);

    const sent = await fetch(`${origin}/api/register/verification-codes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...emailForm(), captcha: { kind: 'image', captchaId, answer } }),
    });
    assert.equal(sent.status, 201);
    const { requestId } = (await sent.json()) as { requestId: string };
    const code = outbox.latestTo('ann@example.com')?.code;

    const created = await fetch(`${origin}/api/register/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...emailForm(), requestId, code, password: GOOD_PASSWORD, termsAccepted: true }),
    });
    assert.equal(created.status, 201);

    const huge = await fetch(`${origin}/api/register/accounts`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(200_000),
    });
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as { error: { code: string } }).error.code, 'payload_too_large');

    const other = await fetch(`${origin}/index.html`);
    assert.equal(await other.text(), 'next() was called');

    // The client address comes from the socket: this client has a budget of 6 API calls.
    assert.equal((await fetch(`${origin}/api/register/captcha?kind=pow`)).status, 200);
    assert.equal((await fetch(`${origin}/api/register/captcha?kind=pow`)).status, 200);
    const limited = await fetch(`${origin}/api/register/captcha?kind=pow`);
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get('retry-after'));
  } finally {
    await close(server);
  }
});

test('scrypt hasher: verifies the password, refuses others, salts each hash', async () => {
  const hasher = scryptHasher({ N: 2 ** 12 });
  const a = await hasher.hash(GOOD_PASSWORD);
  const b = await hasher.hash(GOOD_PASSWORD);
  assert.match(a, /^scrypt\$4096\$8\$1\$/);
  assert.notEqual(a, b);
  assert.ok(await hasher.verify(GOOD_PASSWORD, a));
  assert.ok(!(await hasher.verify('Xk7#mq2Lp?', a)));
  assert.ok(!(await hasher.verify(GOOD_PASSWORD, 'garbage')));
});

test('test middleware: reset with options, captcha answers, outbox, clock, delay', async () => {
  const app = new Koa();
  app.use(testMiddleware());
  app.use((ctx) => { ctx.body = 'static'; });
  const server = createServer(app.callback());
  const origin = await listen(server);
  const post = (path: string, body: unknown) => fetch(origin + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  try {
    assert.equal((await post('/__test/reset', { captchaKinds: ['image'], codeLength: 4, usernameCheck: false })).status, 200);
    assert.equal((await fetch(`${origin}/api/register/captcha?kind=pow`)).status, 404);
    assert.equal((await fetch(`${origin}/api/register/usernames/dealer_01`)).status, 404);
    const { captchaId } = (await (await fetch(`${origin}/api/register/captcha?kind=image`)).json()) as { captchaId: string };
    const { answer } = (await (await fetch(`${origin}/__test/captcha/${captchaId}`)).json()) as { answer: string };
    assert.match(answer, /^[A-Z2-9]{4}$/);
    const sent = await post('/api/register/verification-codes', { ...emailForm(), captcha: { kind: 'image', captchaId, answer } });
    assert.equal(sent.status, 201);
    assert.equal(((await sent.json()) as { codeLength: number }).codeLength, 4);
    const { messages } = (await (await fetch(`${origin}/__test/outbox`)).json()) as { messages: Array<{ code: string }> };
    assert.match(messages[0]?.code ?? '', /^\d{4}$/);

    const expiring = (await (await fetch(`${origin}/api/register/captcha?kind=image`)).json()) as { captchaId: string };
    assert.equal((await post('/__test/clock', { advance: 301 })).status, 200);
    const late = await post('/api/register/verification-codes', { ...emailForm(), captcha: { kind: 'image', captchaId: expiring.captchaId, answer: 'AAAA' } });
    assert.equal(late.status, 410);

    await post('/__test/delay', { ms: 300 });
    const started = Date.now();
    await fetch(`${origin}/api/register/captcha?kind=image`);
    assert.ok(Date.now() - started >= 290);
    await post('/__test/reset', { validTokens: ['ok'] });
    const token = await post('/api/register/verification-codes', { ...emailForm(), captcha: { kind: 'token', provider: 'turnstile', token: 'ok' } });
    assert.equal(token.status, 201);
    const preflight = await fetch(`${origin}/api/register/accounts`, { method: 'OPTIONS', headers: { Origin: 'http://elsewhere.test' } });
    assert.equal(preflight.status, 204);
    assert.equal(await (await fetch(`${origin}/demo/index.html`)).text(), 'static');
  } finally {
    await close(server);
  }
});
