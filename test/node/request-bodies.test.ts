// sendCodeBody / createAccountBody (src/flow/request-bodies.ts): the bodies of
// `POST /verification-codes` and `POST /accounts` built from the form's values. Each
// body must pass the contract's own (strict) zod schema, carry the user name as it is
// compared (NFKC, trimmed) and the email trimmed, and never carry what the contract
// does not list (`confirm`, a captcha key without an answer, the other channel's contact).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAccountRequest, SendCodeRequest, type CaptchaAnswer } from '../../src/contract.ts';
import type { Values } from '../../src/form/form-values.ts';
import type { PendingCode } from '../../src/flow/state-machine.ts';
import { createAccountBody, sendCodeBody } from '../../src/flow/request-bodies.ts';

const NOW = 1_700_000_000_000;

const VALUES: Values = Object.freeze({
  // Full-width letters and an ideographic space: NFKC makes them "dealer_01" and spaces.
  username: '\u3000ｄｅａｌｅｒ_０１ ',
  password: '  Secret pass 9! ',
  confirm: '  Secret pass 9! ',
  country: 'GB',
  channel: 'email',
  email: '  ann@example.com\t',
  phone: '07700 900123',
  termsAccepted: true,
});

const IMAGE: CaptchaAnswer = { kind: 'image', captchaId: 'c_8f1d2', answer: 'X7KQ' };
const POW: CaptchaAnswer = { kind: 'pow', captchaId: 'c_77a0', answer: 4242 };
const TOKEN: CaptchaAnswer = { kind: 'token', provider: 'turnstile', token: 'tok.en-123' };
const E164 = '+447700900123';

const pending = (channel: 'email' | 'sms'): PendingCode => Object.freeze({
  requestId: 'r_41c0', channel, destination: channel === 'email' ? 'a***@example.com' : '+44 ••••• •••123',
  codeLength: 6, expiresIn: 600, resendAfter: 60, expiresAt: NOW + 600_000, resendAt: NOW + 60_000,
});

function assertValid(schema: typeof SendCodeRequest | typeof CreateAccountRequest, body: unknown, label: string): void {
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `${label}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
}

function assertNoSecretsOrExtras(body: object, label: string): void {
  assert.ok(!('confirm' in body), `${label}: no confirm`);
  assert.ok(Object.values(body).every((v) => v !== undefined), `${label}: no undefined values`);
}

// ------------------------------------------------------------------ sendCodeBody

test('sendCodeBody, email: the contract\'s body, valid, name normalized, email trimmed', () => {
  const body = sendCodeBody(VALUES, { captcha: IMAGE, phone: E164, locale: 'en' });
  assert.deepEqual(body, {
    username: 'dealer_01', country: 'GB', locale: 'en', captcha: IMAGE, channel: 'email', email: 'ann@example.com',
  });
  assertValid(SendCodeRequest, body, 'email body');
  assertNoSecretsOrExtras(body!, 'email body');
  assert.ok(!('phone' in body!), 'no phone with the email way');
  assert.ok(!('password' in body!), 'no password when asking for a code');
});

test('sendCodeBody, sms: the E.164 number replaces the email', () => {
  const body = sendCodeBody({ ...VALUES, channel: 'sms' }, { captcha: IMAGE, phone: E164, locale: 'en-GB' });
  assert.deepEqual(body, {
    username: 'dealer_01', country: 'GB', locale: 'en-GB', captcha: IMAGE, channel: 'sms', phone: E164,
  });
  assertValid(SendCodeRequest, body, 'sms body');
  assertNoSecretsOrExtras(body!, 'sms body');
  assert.ok(!('email' in body!), 'no email with the phone way');
  assert.ok(!('password' in body!), 'no password when asking for a code');
});

test('sendCodeBody, sms without an E.164 number: null', () => {
  const sms: Values = { ...VALUES, channel: 'sms' };
  assert.equal(sendCodeBody(sms, { captcha: IMAGE, phone: null, locale: 'en' }), null);
  assert.equal(sendCodeBody(sms, { captcha: IMAGE, phone: '', locale: 'en' }), null);
  assert.equal(sendCodeBody(sms, { captcha: null, phone: null, locale: 'en' }), null);
});

test('sendCodeBody, email: the phone read from the toggle does not matter', () => {
  const withNone = sendCodeBody(VALUES, { captcha: IMAGE, phone: null, locale: 'en' });
  const withOne = sendCodeBody(VALUES, { captcha: IMAGE, phone: E164, locale: 'en' });
  assert.deepEqual(withNone, withOne);
  assertValid(SendCodeRequest, withNone, 'email body without a phone');
});

test('sendCodeBody: no captcha key when there is no answer (captcha="none")', () => {
  for (const channel of ['email', 'sms'] as const) {
    const body = sendCodeBody({ ...VALUES, channel }, { captcha: null, phone: E164, locale: 'en' });
    assert.ok(body, channel);
    assert.ok(!('captcha' in body), `${channel}: no captcha key`);
    assertValid(SendCodeRequest, body, `${channel} body without a captcha`);
  }
});

test('sendCodeBody: each kind of captcha answer is sent as given, and valid', () => {
  for (const captcha of [IMAGE, POW, TOKEN]) {
    const body = sendCodeBody(VALUES, { captcha, phone: null, locale: 'fr' });
    assert.deepEqual(body?.captcha, captcha, captcha.kind);
    assertValid(SendCodeRequest, body, `${captcha.kind} captcha`);
  }
});

test('sendCodeBody: the user name is NFKC-normalized and then trimmed', () => {
  const rows: [string, string][] = [
    ['  dealer_01  ', 'dealer_01'],
    ['ｄｅａｌｅｒ_０１', 'dealer_01'],
    ['\u3000dealer.01\u3000', 'dealer.01'],
    ['\uFB01ona', 'fiona'], // the "ﬁ" ligature
    ['Cafe\u0301', 'Café'], // a combining accent is composed
    ['\u00A0ana-maria\n', 'ana-maria'],
  ];
  for (const [typed, sent] of rows) {
    const body = sendCodeBody({ ...VALUES, username: typed }, { captcha: IMAGE, phone: null, locale: 'en' });
    assert.equal(body?.username, sent, JSON.stringify(typed));
    assertValid(SendCodeRequest, body, JSON.stringify(typed));
  }
});

test('sendCodeBody: the email is trimmed, nothing else about it changes', () => {
  for (const [typed, sent] of [[' Ann@Example.com ', 'Ann@Example.com'], ['\n\tann@example.com\u00A0', 'ann@example.com']]) {
    const body = sendCodeBody({ ...VALUES, email: typed }, { captcha: IMAGE, phone: null, locale: 'en' });
    assert.ok(body && body.channel === 'email');
    assert.equal(body.email, sent, JSON.stringify(typed));
  }
});

test('sendCodeBody: the values are not changed', () => {
  const values = structuredClone(VALUES);
  sendCodeBody(values, { captcha: IMAGE, phone: E164, locale: 'en' });
  assert.deepEqual(values, VALUES);
});

// ------------------------------------------------------------------ createAccountBody

test('createAccountBody, email request: the contract\'s body, valid, name normalized, email trimmed', () => {
  const body = createAccountBody(VALUES, pending('email'), { code: '123456', phone: E164, locale: 'en' });
  assert.deepEqual(body, {
    requestId: 'r_41c0', code: '123456', username: 'dealer_01', password: '  Secret pass 9! ', country: 'GB',
    termsAccepted: true, locale: 'en', channel: 'email', email: 'ann@example.com',
  });
  assertValid(CreateAccountRequest, body, 'email body');
  assertNoSecretsOrExtras(body, 'email body');
  assert.ok(!('phone' in body), 'no phone with the email way');
  assert.ok(!('captcha' in body), 'no captcha when creating');
});

test('createAccountBody, sms request: the E.164 number', () => {
  const body = createAccountBody({ ...VALUES, channel: 'sms' }, pending('sms'), { code: '0042', phone: E164, locale: 'de' });
  assert.deepEqual(body, {
    requestId: 'r_41c0', code: '0042', username: 'dealer_01', password: '  Secret pass 9! ', country: 'GB',
    termsAccepted: true, locale: 'de', channel: 'sms', phone: E164,
  });
  assertValid(CreateAccountRequest, body, 'sms body');
  assertNoSecretsOrExtras(body, 'sms body');
  assert.ok(!('email' in body), 'no email with the phone way');
});

test('createAccountBody follows the pending request\'s channel, not the form\'s current one', () => {
  const email = createAccountBody({ ...VALUES, channel: 'sms' }, pending('email'), { code: '123456', phone: E164, locale: 'en' });
  assert.equal(email.channel, 'email');
  assert.ok(email.channel === 'email' && email.email === 'ann@example.com');
  assert.ok(!('phone' in email));
  assertValid(CreateAccountRequest, email, 'email request, sms on the form');

  const sms = createAccountBody({ ...VALUES, channel: 'email' }, pending('sms'), { code: '123456', phone: E164, locale: 'en' });
  assert.equal(sms.channel, 'sms');
  assert.ok(sms.channel === 'sms' && sms.phone === E164);
  assert.ok(!('email' in sms));
  assertValid(CreateAccountRequest, sms, 'sms request, email on the form');
});

test('createAccountBody: the password is sent exactly as typed, never confirm', () => {
  const values: Values = { ...VALUES, password: ' p@ss Wörd 1 ', confirm: 'something else' };
  const body = createAccountBody(values, pending('email'), { code: '12345678', phone: null, locale: 'en' });
  assert.equal(body.password, ' p@ss Wörd 1 ');
  assert.ok(!('confirm' in body));
  assert.ok(!JSON.stringify(body).includes('something else'), 'the confirmation is nowhere in the body');
  assertValid(CreateAccountRequest, body, 'body');
});

test('createAccountBody: termsAccepted is the literal true the contract requires', () => {
  const body = createAccountBody(VALUES, pending('email'), { code: '123456', phone: null, locale: 'en' });
  assert.equal(body.termsAccepted, true);
});

test('createAccountBody: the user name is NFKC-normalized and trimmed, as in the code request', () => {
  for (const typed of ['  dealer_01  ', 'ｄｅａｌｅｒ_０１', '\u3000dealer_01']) {
    const values: Values = { ...VALUES, username: typed };
    const create = createAccountBody(values, pending('email'), { code: '123456', phone: null, locale: 'en' });
    const send = sendCodeBody(values, { captcha: IMAGE, phone: null, locale: 'en' });
    assert.equal(create.username, 'dealer_01', JSON.stringify(typed));
    assert.equal(create.username, send?.username, 'the same name in both requests');
  }
});

test('createAccountBody: the values and the pending request are not changed', () => {
  const values = structuredClone(VALUES);
  const p = structuredClone(pending('sms'));
  createAccountBody(values, p, { code: '123456', phone: E164, locale: 'en' });
  assert.deepEqual(values, VALUES);
  assert.deepEqual(p, pending('sms'));
});

test('neither body ever contains confirm, whatever the values', () => {
  for (const channel of ['email', 'sms'] as const) {
    const values: Values = { ...VALUES, channel, confirm: 'CONFIRM-MARKER' };
    const send = sendCodeBody(values, { captcha: TOKEN, phone: E164, locale: 'en' });
    const create = createAccountBody(values, pending(channel), { code: '123456', phone: E164, locale: 'en' });
    for (const [name, body] of [['send', send], ['create', create]] as const) {
      assert.ok(body && !('confirm' in body), `${channel} ${name}`);
      assert.ok(!JSON.stringify(body).includes('CONFIRM-MARKER'), `${channel} ${name}: not under another name`);
    }
  }
});
