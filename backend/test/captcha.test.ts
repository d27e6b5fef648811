import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ImageChallenge, PowChallenge } from '../../src/contract.ts';
import { sha256Hex } from '../random.ts';
import { assertError, emailForm, setup } from './helpers.ts';

function svgOf(dataUrl: string): string {
  const [head, data] = dataUrl.split(',');
  assert.equal(head, 'data:image/svg+xml;base64');
  return Buffer.from(data ?? '', 'base64').toString('utf8');
}

// node:crypto's synchronous hash keeps the search fast; the check itself is Web Crypto (sha256Hex).
async function solve(salt: string, challenge: string, maxNumber: number): Promise<number> {
  for (let n = 0; n <= maxNumber; n++) {
    if (createHash('sha256').update(salt + String(n)).digest('hex') === challenge) {
      assert.equal(await sha256Hex(salt + String(n)), challenge);
      return n;
    }
  }
  throw new Error('no solution');
}

test('image challenge: contract shape, no-store, SVG paths with no text, different every time', async () => {
  const { get } = setup();
  const first = await get('/captcha?kind=image');
  const second = await get('/captcha?kind=image');
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  assert.match(first.headers.get('content-type') ?? '', /^application\/json/);
  assert.ok(ImageChallenge.safeParse(first.body).success);
  assert.equal(first.body.length, 4);
  assert.equal(first.body.expiresIn, 300);
  const svg = svgOf(first.body.image);
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<path /);
  assert.doesNotMatch(svg, /<text|<tspan|<title|<desc|font|\bid=|\bclass=|<use|href/i);
  assert.ok(svg.length < 20_000, `SVG is ${svg.length} bytes`);
  assert.notEqual(first.body.captchaId, second.body.captchaId);
  assert.notEqual(first.body.image, second.body.image);
});

test('the same answer drawn twice gives different markup (nothing maps path data to a letter)', async () => {
  const { renderCaptcha } = await import('../captcha-image.ts');
  const a = svgOf(renderCaptcha('AB23'));
  const b = svgOf(renderCaptcha('AB23'));
  const glyphPath = (svg: string) => /<path d="([^"]+)"[^>]*stroke-linejoin/.exec(svg)?.[1] ?? '';
  assert.notEqual(glyphPath(a), glyphPath(b));
  assert.doesNotMatch(glyphPath(a), /[LQ]/, 'every segment is rewritten as a cubic');
});

test('pow challenge: contract shape, solvable with SHA-256(salt + n), accepted once', async () => {
  const { get, post, outbox } = setup();
  const reply = await get('/captcha?kind=pow');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('cache-control'), 'no-store');
  assert.ok(PowChallenge.safeParse(reply.body).success);
  const { captchaId, salt, challenge, maxNumber } = reply.body;
  assert.equal(maxNumber, 50_000);
  assert.match(salt, /^[0-9a-f]{32}$/);
  const answer = await solve(salt, challenge, maxNumber);
  const body = { ...emailForm(), captcha: { kind: 'pow', captchaId, answer } };
  assert.equal((await post('/verification-codes', body)).status, 201);
  assert.equal(outbox.messages().length, 1);
  assertError(await post('/verification-codes', body), 410, 'captcha_expired', 'captcha');
});

test('pow: a wrong number is captcha_invalid and uses up the challenge', async () => {
  const { get, post } = setup();
  const { captchaId, salt, challenge, maxNumber } = (await get('/captcha?kind=pow')).body;
  const answer = await solve(salt, challenge, maxNumber);
  const wrong = { ...emailForm(), captcha: { kind: 'pow', captchaId, answer: answer + 1 } };
  assertError(await post('/verification-codes', wrong), 400, 'captcha_invalid', 'captcha');
  const right = { ...emailForm(), captcha: { kind: 'pow', captchaId, answer } };
  assertError(await post('/verification-codes', right), 410, 'captcha_expired', 'captcha');
});

test('image: wrong answer → 400 captcha_invalid, and the challenge is gone after it', async () => {
  const { post, imageCaptcha } = setup();
  const captcha = await imageCaptcha();
  const wrong = captcha.answer === 'AAAA' ? 'BBBB' : 'AAAA';
  assertError(await post('/verification-codes', { ...emailForm(), captcha: { ...captcha, answer: wrong } }), 400, 'captcha_invalid', 'captcha');
  assertError(await post('/verification-codes', { ...emailForm(), captcha }), 410, 'captcha_expired', 'captcha');
});

test('image: an answer typed on another keyboard counts: full-width, Arabic-Indic digits', async () => {
  const { post, imageCaptcha } = setup();
  // The picture's characters as a phone set to Arabic (digits ٠-٩) or a Japanese input
  // method (full-width Ａ-Ｚ, ０-９) would type them. (Lower case ASCII is refused by the
  // contract's schema: the widget upper-cases.)
  const otherKeyboard = (answer: string, style: 'arabic' | 'fullwidth') => [...answer].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (/\d/.test(ch)) return String.fromCodePoint((style === 'arabic' ? 0x660 : 0xff10) + code - 0x30);
    return style === 'fullwidth' ? String.fromCodePoint(0xff21 + code - 0x41) : ch;
  }).join('');
  for (const style of ['arabic', 'fullwidth'] as const) {
    // An answer with a digit in it (most are: 8 of the 32 characters are digits).
    let captcha = await imageCaptcha();
    for (let i = 0; i < 100 && !/\d/.test(captcha.answer); i++) captcha = await imageCaptcha();
    const typed = otherKeyboard(captcha.answer, style);
    assert.notEqual(typed, captcha.answer);
    const res = await post('/verification-codes', { ...emailForm(), captcha: { ...captcha, answer: typed } });
    assert.equal(res.status, 201, `${style}: ${typed} for ${captcha.answer}`);
  }
});

test('image: single use after success, unknown id and expiry → 410 captcha_expired', async () => {
  const { post, imageCaptcha, clock } = setup();
  const captcha = await imageCaptcha();
  assert.equal((await post('/verification-codes', { ...emailForm(), captcha })).status, 201);
  assertError(await post('/verification-codes', { ...emailForm(), captcha }), 410, 'captcha_expired');
  const unknown = { ...captcha, captchaId: 'c_doesnotexist' };
  assertError(await post('/verification-codes', { ...emailForm(), captcha: unknown }), 410, 'captcha_expired');
  const late = await imageCaptcha();
  clock.advance(301);
  assertError(await post('/verification-codes', { ...emailForm(), captcha: late }), 410, 'captcha_expired');
});

test('a challenge is used up even by a call refused for another reason', async () => {
  const { post, imageCaptcha } = setup();
  const captcha = await imageCaptcha();
  assertError(await post('/verification-codes', { ...emailForm(), email: 'not-an-email', captcha }), 422, 'invalid_field', 'email');
  assertError(await post('/verification-codes', { ...emailForm(), captcha }), 410, 'captcha_expired');
});

test('captchaKinds: a kind not offered (or unknown) is a 404 error body', async () => {
  const { get } = setup({ captchaKinds: ['image'] });
  assertError(await get('/captcha?kind=pow'), 404, 'not_found');
  assertError(await get('/captcha?kind=audio'), 404, 'not_found');
  assertError(await get('/captcha'), 404, 'not_found');
  assert.equal((await get('/captcha?kind=image')).status, 200);
  const powOnly = setup({ captchaKinds: ['pow'] });
  assertError(await powOnly.get('/captcha?kind=image'), 404, 'not_found');
});

test('token captcha: refused by default, accepted only when verifyToken says so', async () => {
  const token = { kind: 'token', provider: 'turnstile', token: 'tok-123' };
  const refusing = setup();
  assertError(await refusing.post('/verification-codes', { ...emailForm(), captcha: token }), 400, 'captcha_invalid', 'captcha');

  const seen: string[] = [];
  const accepting = setup({ verifyToken: (provider, value) => { seen.push(`${provider}:${value}`); return value === 'tok-123'; } });
  assert.equal((await accepting.post('/verification-codes', { ...emailForm(), captcha: token })).status, 201);
  assert.deepEqual(seen, ['turnstile:tok-123']);
  assertError(await accepting.post('/verification-codes', { ...emailForm(), captcha: { ...token, token: 'forged' } }), 400, 'captcha_invalid');

  const throwing = setup({ verifyToken: () => { throw new Error('provider down'); } });
  assertError(await throwing.post('/verification-codes', { ...emailForm(), captcha: token }), 400, 'captcha_invalid');
});

test('no captcha: invalid_field on captcha, unless requireCaptcha is off', async () => {
  assertError(await setup().post('/verification-codes', emailForm()), 422, 'invalid_field', 'captcha');
  assert.equal((await setup({ requireCaptcha: false }).post('/verification-codes', emailForm())).status, 201);
});
