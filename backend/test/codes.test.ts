import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountCreated, CodeSent } from '../../src/contract.ts';
import { createBackend } from '../index.ts';
import { assertError, emailForm, GOOD_PASSWORD, setup, smsFields } from './helpers.ts';

test('happy path by email: code sent, masked destination, account created once', async () => {
  const t = setup();
  const sent = await t.sendCode();
  assert.equal(sent.status, 201);
  assert.equal(sent.headers.get('cache-control'), 'no-store');
  assert.ok(CodeSent.safeParse(sent.body).success);
  assert.deepEqual({ ...sent.body, requestId: 'x' }, {
    requestId: 'x', channel: 'email', destination: 'a***@example.com', codeLength: 6, expiresIn: 600, resendAfter: 60,
  });
  const [message] = t.outbox.messages();
  assert.equal(message?.kind, 'code');
  assert.equal(message?.to, 'ann@example.com');
  assert.equal(message?.requestId, sent.body.requestId);
  assert.match(message?.code ?? '', /^\d{6}$/);

  const created = await t.createAccount(sent.body.requestId, t.codeFor('ann@example.com'));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.ok(AccountCreated.safeParse(created.body).success);
  assert.equal(created.body.username, 'dealer_01');
  assert.match(created.body.userId, /^u_/);
  assert.ok(created.body.session.token.length >= 32);
  assert.equal(created.body.session.expiresIn, 3600);

  // Single use: the same code again finds no request.
  assertError(await t.createAccount(sent.body.requestId, t.codeFor('ann@example.com'), { username: 'other_01', email: 'ann@example.com' }), 410, 'code_expired');
});

test('happy path by sms: E.164 phone, masked number', async () => {
  const t = setup();
  const sent = await t.sendCode(smsFields());
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.channel, 'sms');
  assert.equal(sent.body.destination, '+44*******123');
  assert.equal(t.outbox.messages()[0]?.channel, 'sms');
  const created = await t.createAccount(sent.body.requestId, t.codeFor('+447700900123'), smsFields());
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.ok(AccountCreated.safeParse(created.body).success);
});

test('the store holds only a salted hash of the code, never the code', async () => {
  const t = setup();
  const sent = await t.sendCode();
  const code = t.codeFor('ann@example.com');
  const dump = JSON.stringify(t.store.entries());
  assert.ok(!dump.includes(`"${code}"`), 'plain code found in the store');
  const [, , record] = t.store.entries().find(([c]) => c === 'request') ?? [];
  const values = Object.values(record as Record<string, unknown>);
  assert.ok(!values.includes(code));
  assert.match(String((record as { codeHash?: string }).codeHash), /^[0-9a-f]{64}$/);
  assert.equal((await t.createAccount(sent.body.requestId, code)).status, 201);
});

test('codeLength option: 4-digit codes', async () => {
  const t = setup({ codeLength: 4 });
  const sent = await t.sendCode();
  assert.equal(sent.body.codeLength, 4);
  assert.match(t.codeFor('ann@example.com'), /^\d{4}$/);
});

test('codeLength option: the contract range 4..8, refused outside it', () => {
  for (const codeLength of [4, 8]) assert.doesNotThrow(() => createBackend({ codeLength }));
  for (const codeLength of [3, 9, 6.5]) {
    assert.throws(() => createBackend({ codeLength }), { name: 'RangeError', message: 'codeLength must be 4..8' });
  }
});

function otherCode(code: string): string {
  return code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
}

test('wrong codes: attemptsLeft 2, 1, then 429 too_many_attempts and the request is dead', async () => {
  const t = setup();
  const sent = await t.sendCode();
  const code = t.codeFor('ann@example.com');
  const wrong = otherCode(code);
  assert.equal(assertError(await t.createAccount(sent.body.requestId, wrong), 400, 'code_invalid', 'code').attemptsLeft, 2);
  assert.equal(assertError(await t.createAccount(sent.body.requestId, wrong), 400, 'code_invalid').attemptsLeft, 1);
  const third = await t.createAccount(sent.body.requestId, wrong);
  assertError(third, 429, 'too_many_attempts');
  assert.ok(third.headers.has('retry-after'));
  assertError(await t.createAccount(sent.body.requestId, code), 410, 'code_expired');
  t.clock.advance(61);
  assertError(await t.post(`/verification-codes/${sent.body.requestId}/resend`, {}), 410, 'request_expired');
});

test('an expired code is 410 code_expired; resend works and only the new code is valid', async () => {
  const t = setup();
  const sent = await t.sendCode();
  const old = t.codeFor('ann@example.com');
  t.clock.advance(601);
  assertError(await t.createAccount(sent.body.requestId, old), 410, 'code_expired', 'code');
  const again = await t.post(`/verification-codes/${sent.body.requestId}/resend`, {});
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.ok(CodeSent.safeParse(again.body).success);
  assert.equal(again.body.requestId, sent.body.requestId);
  assert.equal(t.outbox.messages().length, 2);
  const fresh = t.codeFor('ann@example.com');
  if (fresh !== old) assertError(await t.createAccount(sent.body.requestId, old), 400, 'code_invalid');
  assert.equal((await t.createAccount(sent.body.requestId, fresh)).status, 201);
});

test('resend cooldown: 429 rate_limited with retryAfter and Retry-After until resendAfter has passed', async () => {
  const t = setup();
  const { requestId } = (await t.sendCode()).body;
  const early = await t.post(`/verification-codes/${requestId}/resend`, {});
  const error = assertError(early, 429, 'rate_limited');
  assert.equal(error.retryAfter, 60);
  assert.equal(error.message, 'Wait 60 s before asking for a new code.');
  assert.equal(early.headers.get('retry-after'), '60');
  t.clock.advance(45);
  const later = await t.post(`/verification-codes/${requestId}/resend`, {});
  assert.equal(assertError(later, 429, 'rate_limited').retryAfter, 15);
  assert.equal(later.headers.get('retry-after'), '15');
  t.clock.advance(15);
  assert.equal((await t.post(`/verification-codes/${requestId}/resend`, {})).status, 200);
  assertError(await t.post(`/verification-codes/${requestId}/resend`, {}), 429, 'rate_limited');
});

test('resend: unknown or expired request → 410 request_expired; a body other than {} → 422', async () => {
  const t = setup();
  assertError(await t.post('/verification-codes/r_unknown/resend', {}), 410, 'request_expired');
  assertError(await t.post('/verification-codes/bad%20id/resend', {}), 410, 'request_expired');
  const { requestId } = (await t.sendCode()).body;
  t.clock.advance(61);
  assertError(await t.post(`/verification-codes/${requestId}/resend`, { email: 'x@example.com' }), 422, 'invalid_field', 'email');
  t.clock.advance(1800);
  assertError(await t.post(`/verification-codes/${requestId}/resend`, {}), 410, 'request_expired');
  assertError(await t.createAccount(requestId, t.codeFor('ann@example.com')), 410, 'code_expired');
});

test('create-account must repeat what the code was sent for: 422 on the differing field, no attempt used', async () => {
  const t = setup();
  const { requestId } = (await t.sendCode()).body;
  const code = t.codeFor('ann@example.com');
  assertError(await t.createAccount(requestId, code, { email: 'eve@example.com' }), 422, 'invalid_field', 'email');
  assertError(await t.createAccount(requestId, code, { username: 'dealer_02' }), 422, 'invalid_field', 'username');
  assertError(await t.createAccount(requestId, code, { country: 'FR' }), 422, 'invalid_field', 'country');
  assertError(await t.createAccount(requestId, code, smsFields()), 422, 'invalid_field', 'channel');
  assert.equal((await t.createAccount(requestId, code)).status, 201);
});

test('password_weak: each rule, 422 on password; the request and code stay valid and no attempt is used', async () => {
  const t = setup();
  const { requestId } = (await t.sendCode()).body;
  const code = t.codeFor('ann@example.com');
  for (const password of ['Ab1!', 'A'.repeat(30) + 'b1!'.repeat(12), 'DEALER_01', 'lowercase-only', 'P@ssw0rd123', 'Welcome2025!']) {
    assertError(await t.createAccount(requestId, code, { password }), 422, 'password_weak', 'password');
  }
  const created = await t.createAccount(requestId, code, { password: GOOD_PASSWORD });
  assert.equal(created.status, 201, JSON.stringify(created.body));
});

test('the account keeps only a password hash', async () => {
  const t = setup();
  assert.equal((await t.register()).status, 201);
  const account = t.store.entries().find(([c]) => c === 'account')?.[2] as { passwordHash: string };
  assert.ok(!JSON.stringify(t.store.entries()).includes(GOOD_PASSWORD));
  assert.match(account.passwordHash, /^pbkdf2-sha256\$/);
  assert.ok(await t.backend.hasher.verify(GOOD_PASSWORD, account.passwordHash));
  assert.ok(!(await t.backend.hasher.verify('Wrong#pass1', account.passwordHash)));
});

test('send-code refuses bad fields with the first bad one named', async () => {
  const t = setup();
  assertError(await t.sendCode({ country: 'gb' }), 422, 'invalid_field', 'country');
  assertError(await t.sendCode({ ...smsFields('07700900123') }), 422, 'invalid_field', 'phone');
  assertError(await t.sendCode({ username: '1abc' }), 422, 'invalid_field', 'username');
  assertError(await t.post('/verification-codes', { ...emailForm(), captcha: { kind: 'image', captchaId: 'c_x', answer: 'abcd' } }), 422, 'invalid_field', 'captcha');
});
