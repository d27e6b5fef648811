// The one user name rule (src/rules.ts `usernameProblem`), as GET /usernames/{name}
// and the request schemas apply it: the three must give the same verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usernameProblem, type UsernameProblem } from '../../src/rules.ts';
import { assertError, setup } from './helpers.ts';

/** U+20000…: CJK letters outside the BMP, two UTF-16 units each. */
const astral = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x20000 + i)).join('');

const NAMES: Array<[string, UsernameProblem | null]> = [
  ['dealer_01', null],
  ['Ünïcødé_1', null],
  ['дилер.01', null],
  ['δ-ealer', null],
  ['ｄｅａｌｅｒ', null], // NFKC: "dealer"
  ['  dealer  ', null], // trimmed
  ['ﬁle_01', null], // NFKC: "file_01"
  [astral(4), null], // 4 characters, 8 UTF-16 units
  [astral(32), null], // 32 characters, 64 units
  ['a'.repeat(32), null],
  ['   ', 'empty'],
  ['abc', 'length'],
  [astral(3), 'length'], // 6 units, still 3 characters
  ['a'.repeat(33), 'length'],
  [astral(33), 'length'],
  ['1dealer', 'start'],
  ['_dealer', 'start'],
  ['١dealer', 'start'], // an Arabic-Indic digit
  ['①abc', 'start'], // NFKC: "1abc"
  ['deal er', 'characters'],
  ['deal!er', 'characters'],
  ['dealer@x', 'characters'],
];

test('usernameProblem: normalized first, checked in order, length in code points', () => {
  for (const [name, problem] of NAMES) assert.equal(usernameProblem(name), problem, JSON.stringify(name));
  assert.equal(usernameProblem(''), 'empty');
  assert.equal(usernameProblem('1x'), 'length', 'the length is checked before the first letter');
  assert.equal(usernameProblem('1x!y'), 'start', 'the first letter before the other characters');
});

test('GET /usernames/{name}: refuses a name that starts with a digit, accepts valid Unicode ones', async () => {
  const t = setup();
  assertError(await t.get('/usernames/1dealer'), 422, 'invalid_field', 'username');
  assertError(await t.get(`/usernames/${encodeURIComponent('①abc')}`), 422, 'invalid_field', 'username');
  assert.deepEqual((await t.get(`/usernames/${encodeURIComponent('Ünïcødé_1')}`)).body, { available: true });
  assert.deepEqual((await t.get(`/usernames/${encodeURIComponent(astral(32))}`)).body, { available: true });
  assertError(await t.get(`/usernames/${encodeURIComponent(astral(3))}`), 422, 'invalid_field', 'username');
});

test('GET /usernames/{name} and POST /verification-codes agree with usernameProblem', async () => {
  const t = setup({ rateLimits: { perAddress: { max: 1000, window: 60 }, sendPerAddress: { max: 1000, window: 60 } } });
  for (const [i, [name, problem]] of NAMES.entries()) {
    const label = `${JSON.stringify(name)} (${problem ?? 'valid'})`;
    const checked = await t.get(`/usernames/${encodeURIComponent(name)}`);
    const sent = await t.sendCode({ username: name, email: `u${i}@example.com` });
    if (problem === null) {
      assert.deepEqual(checked.body, { available: true }, label);
      assert.equal(sent.status, 201, `${label}: ${JSON.stringify(sent.body)}`);
    } else {
      assertError(checked, 422, 'invalid_field', 'username');
      assertError(sent, 422, 'invalid_field', 'username');
    }
  }
});
