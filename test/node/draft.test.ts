// loadDraft / saveDraft / clearDraft (src/flow/draft.ts): what the user typed, kept in
// sessionStorage per endpoint. Storage is not trusted (another script, an older
// version, a hand edit may have written it), so loadDraft never throws and returns
// only well-typed fields; and nothing secret is ever written to it.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { CodeSent } from '../../src/contract.ts';
import type { Draft } from '../../src/flow/draft.ts';

/** A Map-backed Storage, as sessionStorage is in a browser; each method can be made to throw. */
class FakeStorage implements Storage {
  readonly map = new Map<string, string>();
  throwOn = new Set<'getItem' | 'setItem' | 'removeItem'>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.throwOn.has('getItem')) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.throwOn.has('setItem')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(String(key), String(value));
  }
  removeItem(key: string): void {
    if (this.throwOn.has('removeItem')) throw new DOMException('The operation is insecure.', 'SecurityError');
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

// The module reads `window.sessionStorage` on each call; in Node there is neither.
// `sessionStorage` is a getter so that a test can swap the storage or make merely
// reaching it throw, as sandboxed iframes and some privacy modes do.
let storage: FakeStorage = new FakeStorage();
let reachingStorageThrows = false;
Object.defineProperty(globalThis, 'sessionStorage', {
  configurable: true,
  get: () => {
    if (reachingStorageThrows) throw new DOMException('Access is denied for this document.', 'SecurityError');
    return storage;
  },
});
if (!('window' in globalThis)) Object.defineProperty(globalThis, 'window', { configurable: true, value: globalThis });

const { loadDraft, saveDraft, clearDraft } = await import('../../src/flow/draft.ts');

beforeEach(() => {
  storage = new FakeStorage();
  reachingStorageThrows = false;
});

const NOW = Date.now();
const PENDING = {
  requestId: 'req_123-abc',
  channel: 'email',
  destination: 'a***@example.test',
  codeLength: 6,
  expiresIn: 600,
  resendAfter: 60,
  expiresAt: NOW + 600_000,
  resendAt: NOW + 60_000,
} as const satisfies Draft['pending'];

const DRAFT: Draft = {
  username: 'ana.maria',
  country: 'GB',
  channel: 'email',
  email: 'ana@example.test',
  phone: '+44 7700 900123',
  termsAccepted: true,
  pending: PENDING,
};

/** The storage key a draft for `endpoint` is kept under, found by saving one into a scratch storage. */
function keyFor(endpoint: string): string {
  const real = storage;
  storage = new FakeStorage();
  try {
    saveDraft(endpoint, DRAFT);
    assert.equal(storage.length, 1, 'saveDraft writes one key');
    return storage.key(0)!;
  } finally {
    storage = real;
  }
}

/** Stores `raw` where the draft for `endpoint` is kept, and reads it back. */
function loadRaw(raw: string, endpoint = '/api/register'): Partial<Draft> {
  storage.map.set(keyFor(endpoint), raw);
  return loadDraft(endpoint);
}

const loadJson = (value: unknown, endpoint?: string): Partial<Draft> => loadRaw(JSON.stringify(value), endpoint);

const FIELDS = new Set(['username', 'country', 'channel', 'email', 'phone', 'termsAccepted', 'pending']);
const PENDING_FIELDS = ['requestId', 'channel', 'destination', 'codeLength', 'expiresIn', 'resendAfter', 'expiresAt', 'resendAt'] as const;

/** What loadDraft may return, whatever was in storage: known fields, each of its type, bounded. */
function assertWellTyped(draft: Partial<Draft>, label: string): void {
  assert.equal(Object.getPrototypeOf(draft), Object.prototype, `${label}: a plain object`);
  for (const key of Reflect.ownKeys(draft)) assert.ok(FIELDS.has(String(key)), `${label}: unexpected field ${String(key)}`);
  for (const key of ['username', 'email', 'phone'] as const) {
    if (key in draft) {
      assert.equal(typeof draft[key], 'string', `${label}: ${key}`);
      assert.ok(draft[key]!.length <= 1000, `${label}: ${key} is bounded (${draft[key]!.length} chars)`);
    }
  }
  if ('termsAccepted' in draft) assert.equal(typeof draft.termsAccepted, 'boolean', `${label}: termsAccepted`);
  if ('country' in draft && draft.country !== null) assert.match(String(draft.country), /^[A-Z]{2}$/, `${label}: country`);
  if ('channel' in draft) assert.ok(draft.channel === 'email' || draft.channel === 'sms', `${label}: channel ${String(draft.channel)}`);
  if ('pending' in draft && draft.pending !== null) {
    const p = draft.pending!;
    assert.deepEqual(Object.keys(p).sort(), [...PENDING_FIELDS].sort(), `${label}: pending has exactly its fields`);
    // The contract's own definition of an accepted code request, plus two epoch-ms deadlines.
    assert.ok(CodeSent.safeParse(p).success, `${label}: pending is a CodeSent of the contract: ${JSON.stringify(p).slice(0, 200)}`);
    assert.ok(Number.isFinite(p.expiresAt) && Number.isFinite(p.resendAt), `${label}: pending deadlines are finite numbers`);
  }
}

// ---------------------------------------------------------------- the ordinary path

test('a saved draft reads back the same', () => {
  saveDraft('/api/register', DRAFT);
  assert.deepEqual(loadDraft('/api/register'), DRAFT);
});

test('a draft without a pending request or country reads back without them', () => {
  saveDraft('/api/register', { ...DRAFT, country: null, pending: null, channel: 'sms' });
  const back = loadDraft('/api/register');
  assert.equal(back.country ?? null, null);
  assert.equal(back.pending ?? null, null);
  assert.equal(back.channel, 'sms');
  assert.equal(back.username, DRAFT.username);
});

test('nothing saved reads as an empty draft', () => {
  assert.deepEqual(loadDraft('/api/register'), {});
});

test('each endpoint has its own draft, and clearing one leaves the others', () => {
  saveDraft('/a', { ...DRAFT, username: 'user_a' });
  saveDraft('https://other.example.test/register', { ...DRAFT, username: 'user_b', channel: 'sms', pending: null });
  assert.equal(storage.length, 2);
  assert.equal(loadDraft('/a').username, 'user_a');
  assert.equal(loadDraft('https://other.example.test/register').username, 'user_b');
  assert.deepEqual(loadDraft('/c'), {});

  clearDraft('/a');
  assert.deepEqual(loadDraft('/a'), {});
  assert.equal(loadDraft('https://other.example.test/register').username, 'user_b');
  assert.equal(storage.length, 1);
});

test('a later save replaces the earlier one', () => {
  saveDraft('/api/register', DRAFT);
  saveDraft('/api/register', { ...DRAFT, email: 'new@example.test', pending: null });
  const back = loadDraft('/api/register');
  assert.equal(back.email, 'new@example.test');
  assert.equal(back.pending ?? null, null);
  assert.equal(storage.length, 1);
});

// ---------------------------------------------------------------- secrets

const SECRETS = {
  password: 'Sup3r-secret-pass',
  confirm: 'Sup3r-secret-pass',
  captcha: 'K7QX',
  captchaAnswer: 'K7QX2',
  code: '493817',
};

test('saveDraft never writes a password, confirmation, captcha answer or code, even when handed them', () => {
  // A caller spreading its whole form state ({ ...values, pending }) must not leak it.
  const leaky = { ...DRAFT, ...SECRETS, pending: { ...PENDING, code: SECRETS.code } } as unknown as Draft;
  saveDraft('/api/register', leaky);
  const written = [...storage.map.values()].join('\n');
  assert.ok(written.length > 0, 'the draft itself is saved');
  for (const [name, secret] of Object.entries(SECRETS)) {
    assert.ok(!written.includes(secret), `the ${name} (${secret}) is not in sessionStorage: ${written}`);
    assert.ok(!written.includes(`"${name}"`), `no "${name}" key in sessionStorage: ${written}`);
  }
});

test('loadDraft never hands back a password, captcha answer or code found in storage', () => {
  const back = loadJson({ ...DRAFT, ...SECRETS, pending: { ...PENDING, code: SECRETS.code } });
  const text = JSON.stringify(back);
  for (const secret of Object.values(SECRETS)) assert.ok(!text.includes(secret), text);
  assertWellTyped(back, 'with secrets');
});

// ---------------------------------------------------------------- untrusted storage

test('garbage that is not a JSON object reads as an empty or well-typed draft, never a throw', () => {
  for (const raw of ['', 'not json', '{', '{"username":', 'undefined', 'NaN', 'null', '0', '42', '"text"', 'true', '[]', '[1,2,3]', '[{"username":"x"}]', '\u0000\uffff']) {
    let back: Partial<Draft> | undefined;
    assert.doesNotThrow(() => {
      back = loadRaw(raw);
    }, `raw ${JSON.stringify(raw)}`);
    assertWellTyped(back!, `raw ${JSON.stringify(raw)}`);
    assert.notEqual(back!.termsAccepted, true, JSON.stringify(raw));
    assert.equal(back!.pending ?? null, null, JSON.stringify(raw));
  }
});

test('a field of the wrong type is dropped or emptied, never passed through', () => {
  const wrong: unknown[] = [null, 0, 1, -1, true, false, [], ['ana'], {}, { toString: 'ana' }, 1e999];
  for (const value of wrong) {
    const back = loadJson({ username: value, country: value, channel: value, email: value, phone: value, termsAccepted: value, pending: value });
    const label = `every field = ${JSON.stringify(value)}`;
    assertWellTyped(back, label);
    assert.ok(!back.username && !back.email && !back.phone, `${label}: ${JSON.stringify(back)}`);
    assert.equal(back.termsAccepted ?? false, value === true, label);
    assert.equal(back.country ?? null, null, label);
    assert.equal(back.channel, undefined, label);
    assert.equal(back.pending ?? null, null, label);
  }
});

test('strings that are not what the field holds are dropped: a country not in ISO form, an unknown channel, "true"', () => {
  for (const country of ['gb', 'GBR', 'G', '', ' GB', '44', 'ÄÖ']) {
    const back = loadJson({ ...DRAFT, country });
    assertWellTyped(back, `country ${country}`);
    assert.equal(back.country ?? null, null, `country ${JSON.stringify(country)}`);
  }
  for (const channel of ['EMAIL', 'fax', '', 'email ']) {
    assert.equal(loadJson({ ...DRAFT, channel }).channel, undefined, `channel ${JSON.stringify(channel)}`);
  }
  for (const termsAccepted of ['true', 'yes', 1]) {
    assert.notEqual(loadJson({ ...DRAFT, termsAccepted }).termsAccepted, true, `termsAccepted ${JSON.stringify(termsAccepted)}`);
  }
});

test('huge strings come back bounded, and a huge pending request is refused', () => {
  const huge = 'x'.repeat(1_000_000);
  const back = loadJson({ ...DRAFT, username: huge, email: `${huge}@example.test`, phone: `+44${'1'.repeat(100_000)}` });
  assertWellTyped(back, 'huge fields');
  assert.equal(back.pending?.requestId, PENDING.requestId, 'the valid pending request is kept');

  for (const field of ['requestId', 'destination'] as const) {
    const withHuge = loadJson({ ...DRAFT, pending: { ...PENDING, [field]: huge } });
    assertWellTyped(withHuge, `pending.${field} of 1 MB`);
  }
});

test('a pending request missing any field is dropped, the rest of the draft kept', () => {
  for (const field of PENDING_FIELDS) {
    const { [field]: _omitted, ...partial } = PENDING;
    const back = loadJson({ ...DRAFT, pending: partial });
    assert.equal(back.pending ?? null, null, `pending without ${field}`);
    assert.equal(back.username, DRAFT.username, `pending without ${field}: the rest is kept`);
  }
});

test('a pending request with a field of the wrong type is dropped', () => {
  const wrongTypes: Record<(typeof PENDING_FIELDS)[number], unknown[]> = {
    requestId: [123, null, [], {}],
    channel: ['fax', 'EMAIL', null, 1],
    destination: [42, null, {}],
    codeLength: ['6', null, true],
    expiresIn: ['600', null],
    resendAfter: ['60', null],
    expiresAt: [String(PENDING.expiresAt), null, {}],
    resendAt: [String(PENDING.resendAt), null, []],
  };
  for (const [field, values] of Object.entries(wrongTypes)) {
    for (const value of values) {
      const back = loadJson({ ...DRAFT, pending: { ...PENDING, [field]: value } });
      assert.equal(back.pending ?? null, null, `pending.${field} = ${JSON.stringify(value)}`);
    }
  }
  for (const pending of ['x', 1, true, [], [PENDING]]) {
    assert.equal(loadJson({ ...DRAFT, pending }).pending ?? null, null, `pending = ${JSON.stringify(pending)}`);
  }
});

test('a pending request whose values break the contract is dropped (numbers out of range, an id unfit for a URL)', () => {
  const invalid: [string, unknown][] = [
    ['codeLength', -1], ['codeLength', 0], ['codeLength', 6.5], ['codeLength', 1_000_000],
    ['expiresIn', -600], ['resendAfter', 1.5],
    ['requestId', ''], ['requestId', '../../accounts'], ['requestId', 'a b'],
    ['destination', ''],
  ];
  for (const [field, value] of invalid) {
    const back = loadJson({ ...DRAFT, pending: { ...PENDING, [field]: value } });
    assertWellTyped(back, `pending.${field} = ${JSON.stringify(value)}`);
  }
  // JSON reads 1e999 as Infinity: a deadline that never comes.
  const infinite = loadRaw(JSON.stringify({ ...DRAFT, pending: PENDING }).replace(String(PENDING.expiresAt), '1e999'));
  assertWellTyped(infinite, 'pending.expiresAt = 1e999');
});

test('an expired pending request reads back without a throw and is never made current', () => {
  const expired = { ...PENDING, expiresAt: NOW - 1000, resendAt: NOW - 61_000 };
  const back = loadJson({ ...DRAFT, pending: expired });
  assertWellTyped(back, 'expired pending');
  // Whether loadDraft drops it or its caller does (the flow reopens a code pop-up only
  // for a request still valid), its deadline is never moved into the future.
  if (back.pending) assert.deepEqual(back.pending, expired);
  assert.equal(back.username, DRAFT.username);
});

test('unknown fields, __proto__ and constructor keys are ignored and pollute nothing', () => {
  const raw = `{
    "__proto__": { "termsAccepted": true, "username": "evil", "polluted": "yes" },
    "constructor": { "prototype": { "polluted": "yes" } },
    "isAdmin": true,
    "email": "ana@example.test",
    "pending": { "__proto__": ${JSON.stringify(PENDING)} }
  }`;
  const back = loadRaw(raw);
  assertWellTyped(back, '__proto__');
  assert.equal(back.email, 'ana@example.test');
  assert.notEqual(back.termsAccepted, true);
  assert.notEqual(back.username, 'evil');
  assert.equal(back.pending ?? null, null, 'a pending request inherited through __proto__ is not one');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  assert.equal((back as Record<string, unknown>).polluted, undefined);
  assert.equal((back as Record<string, unknown>).isAdmin, undefined);
});

// ---------------------------------------------------------------- storage that fails

test('storage that cannot even be reached (sandboxed iframe, privacy mode): no throw, nothing kept', () => {
  reachingStorageThrows = true;
  assert.doesNotThrow(() => saveDraft('/api/register', DRAFT));
  assert.deepEqual(loadDraft('/api/register'), {});
  assert.doesNotThrow(() => clearDraft('/api/register'));
});

test('storage whose getItem throws: loadDraft returns an empty draft, no throw', () => {
  saveDraft('/api/register', DRAFT);
  storage.throwOn.add('getItem');
  let back: Partial<Draft> | undefined;
  assert.doesNotThrow(() => {
    back = loadDraft('/api/register');
  });
  assert.deepEqual(back, {});
});

test('storage whose setItem throws (quota, private mode): saveDraft does not throw', () => {
  storage.throwOn.add('setItem');
  assert.doesNotThrow(() => saveDraft('/api/register', DRAFT));
  assert.equal(storage.length, 0);
  storage.throwOn.clear();
  assert.deepEqual(loadDraft('/api/register'), {});
});

test('storage whose removeItem throws: clearDraft does not throw', () => {
  saveDraft('/api/register', DRAFT);
  storage.throwOn.add('removeItem');
  assert.doesNotThrow(() => clearDraft('/api/register'));
});
