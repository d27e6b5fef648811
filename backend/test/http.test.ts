import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorBody } from '../../src/contract.ts';
import { MemoryStore } from '../index.ts';
import { assertError, BASE, emailForm, setup } from './helpers.ts';

function postRaw(path: string, body: BodyInit | null, contentType: string | null = 'application/json') {
  const headers: Record<string, string> = contentType === null ? {} : { 'Content-Type': contentType };
  return new Request(BASE + path, { method: 'POST', headers, body });
}

test('malformed JSON → 400 error body', async () => {
  const t = setup();
  assertError(await t.send(postRaw('/verification-codes', '{"username": ')), 400, 'invalid_json');
  assertError(await t.send(postRaw('/accounts', '')), 400, 'invalid_json');
  assertError(await t.send(postRaw('/accounts', new Uint8Array([0x7b, 0xff, 0x7d]))), 400, 'invalid_json');
});

test('unknown, wrong-typed and missing fields → 422 invalid_field naming the field', async () => {
  const t = setup();
  const captcha = await t.imageCaptcha();
  assertError(await t.post('/verification-codes', { ...emailForm(), captcha, admin: true }), 422, 'invalid_field', 'admin');
  assertError(await t.post('/verification-codes', { ...emailForm(), captcha: { ...captcha, extra: 1 } }), 422, 'invalid_field', 'captcha');
  assertError(await t.post('/verification-codes', { ...emailForm(), username: 42 }), 422, 'invalid_field', 'username');
  assertError(await t.post('/verification-codes', { ...emailForm(), channel: 'fax' }), 422, 'invalid_field', 'channel');
  const { locale: _locale, ...noLocale } = emailForm();
  assertError(await t.post('/verification-codes', { ...noLocale, captcha }), 422, 'invalid_field', 'locale');
  assertError(await t.post('/accounts', { ...emailForm(), requestId: 'r_1', code: '123456', password: 'Xk7#mq2Lp!', termsAccepted: false }), 422, 'invalid_field', 'termsAccepted');
  assertError(await t.post('/accounts', { ...emailForm(), requestId: 'r_1', code: '12ab', password: 'Xk7#mq2Lp!', termsAccepted: true }), 422, 'invalid_field', 'code');
  const notObject = await t.post('/accounts', [1, 2]);
  assertError(notObject, 422, 'invalid_field');
});

test('bodies over 16 KB → 413', async () => {
  const t = setup();
  const big = JSON.stringify({ ...emailForm(), username: 'x'.repeat(17 * 1024) });
  assertError(await t.send(postRaw('/verification-codes', big)), 413, 'payload_too_large');
  // Streamed without a length, too.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      controller.close();
    },
  });
  const request = new Request(BASE + '/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  assertError(await t.send(request), 413, 'payload_too_large');
});

test('a POST that is not application/json → 415', async () => {
  const t = setup();
  const body = JSON.stringify(emailForm());
  assertError(await t.send(postRaw('/verification-codes', body, 'text/plain')), 415, 'unsupported_media_type');
  assertError(await t.send(postRaw('/verification-codes', body, 'application/x-www-form-urlencoded')), 415, 'unsupported_media_type');
  assertError(await t.send(postRaw('/accounts', body, null)), 415, 'unsupported_media_type');
  assertError(await t.send(postRaw('/accounts', body, 'application/json; charset=latin1')), 415, 'unsupported_media_type');
  // Parameters the widget's fetch may add are fine.
  assertError(await t.send(postRaw('/accounts', '{}', 'application/json; charset=UTF-8')), 422, 'invalid_field');
});

test('wrong method → 405 with Allow; unknown path → 404', async () => {
  const t = setup();
  const wrong = await t.get('/accounts');
  assertError(wrong, 405, 'method_not_allowed');
  assert.equal(wrong.headers.get('allow'), 'POST, OPTIONS');
  assertError(await t.send(postRaw('/captcha', '{}')), 405, 'method_not_allowed');
  assertError(await t.send(new Request(BASE + '/accounts', { method: 'DELETE' })), 405, 'method_not_allowed');
  assertError(await t.get('/nope'), 404, 'not_found');
  assertError(await t.get('/verification-codes/r_1/resend/x'), 404, 'not_found');
  assertError(await t.send(new Request('http://localhost/elsewhere')), 404, 'not_found');
});

test('no bad input ever gets a 500: every answer is a contract error body with JSON and no-store', async () => {
  const t = setup();
  const bodies: Array<BodyInit> = [
    'null', '[]', '"text"', '42', 'true', '{}', '{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {}}}',
    JSON.stringify({ captcha: null }), JSON.stringify({ captcha: { captchaId: 5 } }), JSON.stringify({ captcha: { captchaId: 'c_x', kind: 'pow', answer: -1 } }),
    JSON.stringify({ ...emailForm(), captcha: { kind: 'pow', captchaId: 'c_x', answer: 1e300 } }),
    JSON.stringify({ ...emailForm(), captcha: { kind: 'token', provider: '', token: '' } }),
    JSON.stringify({ ...emailForm(), username: '\u0000\uD800' }), '['.repeat(5000) + ']'.repeat(5000), '{"a":' + '{"a":'.repeat(1000) + '1' + '}'.repeat(1001),
    '\uFEFF{}', JSON.stringify({ requestId: 'r_' + 'a'.repeat(200), code: '1'.repeat(9) }),
  ];
  const paths = ['/verification-codes', '/verification-codes/r_abc/resend', '/verification-codes/%00/resend', '/accounts', '/captcha?kind=%ZZ', '/usernames/%ZZ'];
  for (const path of paths) {
    for (const body of bodies) {
      const reply = await t.send(postRaw(path, body));
      assert.ok(reply.status >= 400 && reply.status < 500, `${path} ${String(body).slice(0, 40)} → ${reply.status}`);
      assert.ok(ErrorBody.safeParse(reply.body).success);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
    }
    const got = await t.get(path);
    assert.ok(got.status < 500);
  }
});

test('an unexpected exception becomes a 500 error body, reported to onError, never a throw', async () => {
  const errors: unknown[] = [];
  const store = new MemoryStore();
  store.update = async () => { throw new Error('disk on fire'); };
  const t = setup({ store, onError: (e) => errors.push(e) });
  assertError(await t.get('/captcha?kind=image'), 500, 'internal_error');
  assert.equal(errors.length, 1);
  assert.doesNotMatch(JSON.stringify((await t.get('/captcha?kind=pow')).body), /disk on fire/);
});

test('CORS: preflight answered; any origin without credentials by default; Retry-After exposed', async () => {
  const t = setup();
  const preflight = await t.backend.handle(new Request(BASE + '/verification-codes', {
    method: 'OPTIONS',
    headers: { Origin: 'https://dealer.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, accept-language, x-my-token' },
  }));
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
  const allowed = preflight.headers.get('access-control-allow-headers') ?? '';
  for (const h of ['content-type', 'accept-language', 'x-my-token']) assert.ok(allowed.split(', ').includes(h), h);

  const reply = await t.send(new Request(BASE + '/captcha?kind=image', { headers: { Origin: 'https://dealer.example' } }));
  assert.equal(reply.headers.get('access-control-allow-origin'), '*');
  assert.match(reply.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
});

test('CORS with allowedOrigins: listed origins echoed with credentials, others get no grant', async () => {
  const t = setup({ allowedOrigins: ['https://dealer.example'] });
  const listed = await t.send(new Request(BASE + '/captcha?kind=image', { headers: { Origin: 'https://dealer.example' } }));
  assert.equal(listed.headers.get('access-control-allow-origin'), 'https://dealer.example');
  assert.equal(listed.headers.get('access-control-allow-credentials'), 'true');
  assert.match(listed.headers.get('vary') ?? '', /Origin/);
  const other = await t.send(new Request(BASE + '/captcha?kind=image', { headers: { Origin: 'https://evil.example' } }));
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  const errorReply = await t.send(new Request(BASE + '/nope', { headers: { Origin: 'https://dealer.example' } }));
  assert.equal(errorReply.status, 404);
  assert.equal(errorReply.headers.get('access-control-allow-origin'), 'https://dealer.example');
});
