import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeSent } from '../../src/contract.ts';
import { assertError, setup, smsFields } from './helpers.ts';

test('user name taken (case-insensitive, after NFKC) → 409 username_taken at send-code', async () => {
  const t = setup();
  assert.equal((await t.register()).status, 201);
  for (const username of ['dealer_01', 'DEALER_01', 'ｄｅａｌｅｒ＿０１', ' Dealer_01 ']) {
    assertError(await t.sendCode({ username, email: 'bob@example.com' }), 409, 'username_taken', 'username');
  }
});

test('email taken (case-insensitive) and phone taken → 409 at send-code', async () => {
  const t = setup();
  assert.equal((await t.register()).status, 201);
  assertError(await t.sendCode({ username: 'other_01', email: 'ANN@Example.com' }), 409, 'email_taken', 'email');
  assert.equal((await t.register({ username: 'phone_01', ...smsFields() })).status, 201);
  assertError(await t.sendCode({ username: 'other_02', ...smsFields() }), 409, 'phone_taken', 'phone');
});

test('taken at create: the first of two pending sign-ups wins, the second gets 409', async () => {
  const t = setup();
  const first = await t.sendCode({ email: 'one@example.com' });
  const second = await t.sendCode({ email: 'two@example.com' });
  const phoneA = await t.sendCode({ username: 'phone_a', ...smsFields() });
  const phoneB = await t.sendCode({ username: 'phone_b', ...smsFields() });
  const firstCode = t.codeFor('one@example.com');
  const secondCode = t.codeFor('two@example.com');
  assert.equal((await t.createAccount(first.body.requestId, firstCode, { email: 'one@example.com' })).status, 201);
  assertError(await t.createAccount(second.body.requestId, secondCode, { email: 'two@example.com' }), 409, 'username_taken', 'username');

  const codes = t.outbox.messages().filter((m) => m.to === '+447700900123').map((m) => m.code ?? '');
  const [codeB, codeA] = codes; // newest first
  assert.equal((await t.createAccount(phoneA.body.requestId, codeA ?? '', { username: 'phone_a', ...smsFields() })).status, 201);
  assertError(await t.createAccount(phoneB.body.requestId, codeB ?? '', { username: 'phone_b', ...smsFields() }), 409, 'phone_taken', 'phone');
  // The loser's claims were rolled back: its user name is still free.
  assert.deepEqual((await t.get('/usernames/phone_b')).body, { available: true });
});

test('revealTaken=false: a taken email gets 201 and a notice to its owner, never a code', async () => {
  const t = setup({ revealTaken: false });
  assert.equal((await t.register()).status, 201);
  const before = t.outbox.messages().length;
  const sent = await t.sendCode({ username: 'mallory_01', email: 'Ann@example.com' });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.ok(CodeSent.safeParse(sent.body).success);
  assert.equal(sent.body.destination, 'A***@example.com');
  const messages = t.outbox.messages();
  assert.equal(messages.length, before + 1);
  assert.equal(messages[0]?.kind, 'already-registered');
  assert.equal(messages[0]?.code, undefined);
  for (const code of ['000000', '123456', '999999']) {
    const reply = await t.createAccount(sent.body.requestId, code, { username: 'mallory_01', email: 'Ann@example.com' });
    assert.ok(['code_invalid', 'too_many_attempts'].includes(reply.body.error.code));
  }
  // A resend looks the same and notifies again.
  const other = await t.sendCode({ username: 'mallory_02', email: 'ann@example.com' });
  t.clock.advance(60);
  assert.equal((await t.post(`/verification-codes/${other.body.requestId}/resend`, {})).status, 200);
  assert.equal(t.outbox.messages()[0]?.kind, 'already-registered');
  // User names are public anyway: still refused openly.
  assertError(await t.sendCode({ email: 'new@example.com' }), 409, 'username_taken');
});

test('GET /usernames/{name}: available until registered (case-insensitive); bad name 422', async () => {
  const t = setup();
  const free = await t.get('/usernames/dealer_01');
  assert.equal(free.status, 200);
  assert.equal(free.headers.get('cache-control'), 'no-store');
  assert.deepEqual(free.body, { available: true });
  assert.equal((await t.register()).status, 201);
  assert.deepEqual((await t.get('/usernames/Dealer_01')).body, { available: false });
  assert.deepEqual((await t.get(`/usernames/${encodeURIComponent('ＤＥＡＬＥＲ_01')}`)).body, { available: false });
  assert.deepEqual((await t.get('/usernames/dealer_02')).body, { available: true });
  assertError(await t.get('/usernames/1x'), 422, 'invalid_field', 'username');
  assertError(await t.get('/usernames/%E0%A4%A'), 422, 'invalid_field', 'username');
});

test('usernameCheck=false: the route answers 404', async () => {
  const t = setup({ usernameCheck: false });
  assertError(await t.get('/usernames/dealer_01'), 404, 'not_found');
});
