import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, emailForm, setup } from './helpers.ts';

const roomy = { max: 1000, window: 60 };

test('per destination: codes to one address are limited (send and resend), with Retry-After', async () => {
  const t = setup({ rateLimits: { destination: { max: 2, window: 3600 }, sendPerAddress: roomy } });
  const first = await t.sendCode();
  assert.equal(first.status, 201);
  t.clock.advance(60);
  assert.equal((await t.post(`/verification-codes/${first.body.requestId}/resend`, {})).status, 200);
  t.clock.advance(60);
  const refused = await t.sendCode({ email: 'ANN@example.com' });
  assert.equal(assertError(refused, 429, 'rate_limited').retryAfter, 3600 - 120);
  assert.equal(refused.headers.get('retry-after'), String(3600 - 120));
  t.clock.advance(60);
  assertError(await t.post(`/verification-codes/${first.body.requestId}/resend`, {}), 429, 'rate_limited');
  assert.equal((await t.sendCode({ email: 'bob@example.com' })).status, 201, 'another address is not limited');
  t.clock.advance(3600 - 180);
  assert.equal((await t.sendCode()).status, 201, 'the window has slid on');
});

test('per client address: send-code calls are limited, refused ones included, and still use up the captcha', async () => {
  const t = setup({ rateLimits: { sendPerAddress: { max: 3, window: 600 } } });
  assertError(await t.post('/verification-codes', { ...emailForm(), email: 'bad' }), 422, 'invalid_field');
  assert.equal((await t.sendCode({ email: 'a1@example.com' })).status, 201);
  assert.equal((await t.sendCode({ email: 'a2@example.com' })).status, 201);
  const captcha = await t.imageCaptcha();
  const limited = await t.post('/verification-codes', { ...emailForm(), email: 'a3@example.com', captcha });
  assert.equal(assertError(limited, 429, 'rate_limited').retryAfter, 600);
  assert.equal(limited.headers.get('retry-after'), '600');
  assert.equal((await t.sendCode({ email: 'a4@example.com' }, '203.0.113.9')).status, 201, 'another client is not limited');
  // Still within the captcha's lifetime, from a client that is not limited: the challenge is gone.
  assertError(await t.post('/verification-codes', { ...emailForm(), email: 'a3@example.com', captcha }, '203.0.113.10'), 410, 'captcha_expired');
  t.clock.advance(600);
  assert.equal((await t.sendCode({ email: 'a5@example.com' })).status, 201, 'the window has passed');
});

test('global per-address limit on every route', async () => {
  const t = setup({ rateLimits: { perAddress: { max: 5, window: 60 } } });
  for (let i = 0; i < 5; i++) assert.equal((await t.get('/usernames/dealer_01')).status, 200);
  const limited = await t.get('/captcha?kind=image');
  assert.equal(assertError(limited, 429, 'rate_limited').retryAfter, 60);
  assert.equal(limited.headers.get('retry-after'), '60');
  assertError(await t.post('/accounts', {}), 429, 'rate_limited');
  assert.equal((await t.get('/captcha?kind=image', '203.0.113.9')).status, 200);
  t.clock.advance(30);
  assert.equal(assertError(await t.get('/captcha?kind=image'), 429, 'rate_limited').retryAfter, 30);
  t.clock.advance(30);
  assert.equal((await t.get('/captcha?kind=image')).status, 200);
});
