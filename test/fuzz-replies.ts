// What a hostile or broken server can answer, as fast-check arbitraries (for
// test/fuzz.test.ts), how such an answer is played through a `fetch` replacement,
// and what the contract says the widget must make of it (the oracle).
// Not a test file itself.
import fc from 'fast-check';
import {
  AccountCreated, CodeSent, ErrorBody, ImageChallenge, PowChallenge, SERVER_ERROR_CODES, FIELDS, UsernameAvailability,
} from '../src/contract.ts';
import { MAX_BODY_BYTES } from '../src/client/transport.ts';

/** Every request of CONTRACT.md. */
export type Endpoint = 'captcha' | 'pow' | 'usernames' | 'send' | 'resend' | 'accounts';

/** The endpoint of a request the widget made, from its method and URL. */
export function endpointOf(method: string, url: string): Endpoint | null {
  const path = new URL(url, location.href).pathname;
  if (method === 'GET' && /\/captcha$/.test(path)) return new URL(url, location.href).searchParams.get('kind') === 'pow' ? 'pow' : 'captcha';
  if (method === 'GET' && /\/usernames\/[^/]+$/.test(path)) return 'usernames';
  if (method === 'POST' && /\/verification-codes$/.test(path)) return 'send';
  if (method === 'POST' && /\/verification-codes\/[^/]+\/resend$/.test(path)) return 'resend';
  if (method === 'POST' && /\/accounts$/.test(path)) return 'accounts';
  return null;
}

// ---------------------------------------------------------------- valid answers

/** Pictures that decode, and pictures whose data URL passes a prefix check but does not decode. */
export const GOOD_IMAGES = [
  'data:image/svg+xml;base64,' + btoa('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="12"><text y="10">QZXW</text></svg>'),
  'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%228%22 height=%228%22/%3E',
  'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
];
export const BROKEN_IMAGES = [
  'data:image/png;base64,!!!not-base64!!!',
  'data:image/png;base64,AAAA',
  'data:image/jpeg;base64,',
  'data:image/webp,garbage',
  'data:image/gif;base64,R0lGODlh',
  'data:image/svg+xml;base64,' + btoa('<not-svg'),
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"><img src=x onerror="window.__fuzzXss=1" data-fuzz></svg>',
];

export const VALID: Record<Endpoint, Record<string, unknown>> = {
  captcha: { kind: 'image', captchaId: 'c_fuzz', image: GOOD_IMAGES[0], length: 6, expiresIn: 300 },
  // Filled in by `preparePow()`: the answer of this puzzle is 3.
  pow: { kind: 'pow', captchaId: 'c_pow', algorithm: 'SHA-256', salt: 'fz', challenge: '', maxNumber: 16, expiresIn: 300 },
  usernames: { available: true },
  send: { requestId: 'r_fuzz', channel: 'email', destination: 'a***@example.com', codeLength: 8, expiresIn: 600, resendAfter: 0 },
  resend: { requestId: 'r_fuzz', channel: 'email', destination: 'a***@example.com', codeLength: 8, expiresIn: 600, resendAfter: 0 },
  accounts: { userId: 'u_fuzz', username: 'fuzz_user', session: { token: 't0k', expiresIn: 3600 } },
};

export async function preparePow(): Promise<void> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('fz3'));
  VALID.pow.challenge = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const SUCCESS_STATUS: Record<Endpoint, number> = { captcha: 200, pow: 200, usernames: 200, send: 201, resend: 200, accounts: 201 };

// ---------------------------------------------------------------- strings a server may send

/** Names an object inherits: a lookup by a server's string must never find them. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];
/** Words the widget uses for its own states and events: a server's code must not be mistaken for them. */
const INTERNAL_WORDS = ['aborted', 'abort', 'AbortError', 'network', 'timeout', 'bad_response', 'check', 'send', 'sent', 'create', 'created', 'resend', 'form', 'code', 'done', 'invalid', 'failed', 'dismiss', 'expired', 'cancel', 'forget', 'restore', 'reopen', 'submit', 'null', 'undefined', 'true', 'ok', 'error', ''];
const HTML = [
  '<img src=x onerror="window.__fuzzXss=1" data-fuzz>', '<b data-fuzz>bold</b>', '<script data-fuzz>window.__fuzzXss=1</script>',
  '<svg data-fuzz onload="window.__fuzzXss=1"></svg>', '<a href="javascript:window.__fuzzXss=1" data-fuzz>x</a>', '&lt;b&gt; &amp; &#x3C;',
  '"><img data-fuzz src=x>', '<style data-fuzz>*{display:none}</style>', '{{constructor.constructor("window.__fuzzXss=1")()}}', '${window.__fuzzXss=1}',
];
const CONTROL = ['\u0000', '\u0007', '\b', '\t', '\n', '\r\n', '\u001b[31m', '\u007f', '\u200b', '\u202e', '\u2028', '\ufeff', '\ud800', '\uffff', '\u0085'];

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELDS, 'terms', 'confirm', 'confirm-password', 'code', 'phone', 'email') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('#username', 'a b', '"]', '*', 'password"', 'USERNAME', ' email', 'email.address', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

export const errorCode = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SERVER_ERROR_CODES) },
  { weight: 3, arbitrary: fc.constantFrom(...INTERNAL_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('dealer_closed', 'RATE_LIMITED', 'rate-limited', ' rate_limited', 'x'.repeat(100), 'x'.repeat(101), 'ошибка', '\u0000') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
);

export const message = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HTML) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...CONTROL, ...HTML, ...PROTO_NAMES), fc.string({ maxLength: 8 })), { maxLength: 5 }).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(1000), 'x'.repeat(1001), 'Try again later.') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** Any JSON value of the wrong kind for a field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', '1', [], {}, [1], { a: 1 }, 'NaN', 86_400 * 365 + 1),
  fc.constantFrom(...PROTO_NAMES, ...HTML.slice(0, 3)),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer({ min: -10, max: 1e9 }),
  fc.jsonValue({ maxDepth: 2 }),
);

// ---------------------------------------------------------------- bodies

/** A JSON object whose keys may be `__proto__` (an own key, as JSON.parse makes it). */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const extraKeys = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_NAMES, 'error', 'kind', 'extra'), fc.string({ maxLength: 8 })), wrongValue), { maxLength: 3 });

const MISSING = Symbol('missing');

/**
 * An object with each key of `spec`: mostly its usual value, sometimes missing or of
 * a wrong type, plus keys it should not have. `optional` keys are missing more often.
 */
function shaped(spec: Record<string, { usual: fc.Arbitrary<unknown>; optional?: boolean }>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(spec).map(([k, { usual, optional }]) => fc.oneof(
    { weight: 20, arbitrary: usual },
    { weight: optional ? 12 : 1, arbitrary: fc.constant<unknown>(MISSING) },
    { weight: 1, arbitrary: wrongValue },
  ).map((v): [string, unknown] => [k, v]));
  return fc.tuple(fc.tuple(...entries), extraKeys).map(([fields, extra]) =>
    own([...fields.filter(([, v]) => v !== MISSING), ...extra]));
}

/** A success body of `valid`'s shape: each field as it should be, or unusual but right-typed (`special`). */
function mutated(valid: Record<string, unknown>, special: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  return shaped(Object.fromEntries(Object.keys(valid).map((k) => [k, {
    usual: special[k] ? fc.oneof({ weight: 3, arbitrary: fc.constant(valid[k]) }, { weight: 2, arbitrary: special[k] }) : fc.constant(valid[k]),
    optional: k === 'session',
  }])));
}

const seconds = fc.oneof(fc.constantFrom(0, 1, 2, 30, 86_400, 86_400 * 365), fc.integer({ min: 0, max: 100_000 }));

/** Right-typed but unusual values for the fields of each success body. */
const SPECIAL: Record<Endpoint, Record<string, fc.Arbitrary<unknown>>> = {
  captcha: {
    kind: fc.constantFrom('pow', 'image ', 'IMAGE', ...PROTO_NAMES),
    captchaId: fc.constantFrom('c/../x', 'c?x=1', '', 'a'.repeat(129), '__proto__'),
    image: fc.constantFrom(...GOOD_IMAGES, ...BROKEN_IMAGES, 'javascript:alert(1)', 'https://example.com/x.png', 'data:text/html,<b data-fuzz>x</b>'),
    length: fc.integer({ min: -1, max: 14 }),
    expiresIn: seconds,
  },
  pow: { maxNumber: fc.constantFrom(0, 1, 16, 10_000_001), salt: fc.constantFrom('', 'fz', 'x'.repeat(257)), algorithm: fc.constantFrom('sha-256', 'SHA-1') },
  usernames: { available: fc.constantFrom(true, false, 'false', 0, null) },
  send: {
    destination: message, codeLength: fc.integer({ min: 2, max: 10 }), channel: fc.constantFrom('sms', 'email', 'fax', ...PROTO_NAMES),
    requestId: fc.constantFrom('r/../x', 'r?x', '%2F', '__proto__', 'constructor'), expiresIn: seconds, resendAfter: seconds,
  },
  resend: { destination: message, codeLength: fc.integer({ min: 2, max: 10 }), expiresIn: seconds, resendAfter: seconds },
  accounts: { username: message, userId: fc.constantFrom('__proto__', 'u', ''), session: fc.constantFrom(undefined, null, { token: '' }, { token: 't', expiresIn: 1 }) },
};

/** A success body for `endpoint`, mostly well formed (also test/node/contract-browser.test.ts). */
export const successBody = (endpoint: Endpoint): fc.Arbitrary<Record<string, unknown>> => mutated(VALID[endpoint], SPECIAL[endpoint]);

/** `{ error: { code, message, … } }`, mostly well formed. */
export const errorBody: fc.Arbitrary<unknown> = shaped({
  code: { usual: errorCode },
  message: { usual: message },
  field: { usual: fieldName, optional: true },
  retryAfter: { usual: fc.oneof(fc.constantFrom(0, 0.4, 1, 2.5, 30, 86_400, 1e9, -1), fc.double({ min: 0, max: 1e6, noNaN: true })), optional: true },
  attemptsLeft: { usual: fc.constantFrom(0, 1, 2, 99, -1, 1.5), optional: true },
}).chain((error) => fc.oneof(
  { weight: 16, arbitrary: fc.constant<unknown>(own([['error', error]])) },
  { weight: 1, arbitrary: extraKeys.map((extra): unknown => own([['error', error], ...extra])) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ error: 'rate_limited' }, { error: null }, { code: 'x', message: 'x' }, [], 'error', null) },
));

// ---------------------------------------------------------------- how an answer arrives

export type Payload =
  | { json: unknown }
  /** A valid JSON text cut short after `at` of its characters. */
  | { truncated: unknown; at: number }
  | { text: string }
  /** A JSON text over the client's limit of MAX_BODY_BYTES (made when played, not stored in the case). */
  | { huge: 'padded' | 'string'; over: number }
  | { nested: number; open: '[' | '{"a":' }
  | { bytes: number[] }
  | { bom: unknown };

export type Delivery = 'response' | 'stream' | 'stream-error' | 'stream-stall' | 'plain';

export type Reply =
  | { kind: 'http'; status: number; type: string | null; headers: [string, string][]; payload: Payload; delivery: Delivery; length: 'none' | 'true' | 'small' | 'huge' | 'garbage' }
  | { kind: 'reject'; error: 'TypeError' | 'AbortError' | 'string' | 'undefined' | 'object-aborted' | 'sync-throw' }
  /** Never settles: `deaf` ignores the abort signal too. */
  | { kind: 'hang'; deaf: boolean }
  | { kind: 'value'; value: 'undefined' | 'null' | 'number' | 'empty' | 'status-string' | 'no-headers' | 'status-0' | 'status-1000' | 'status-nan' };

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/problem+json', 'Application/JSON', ' application/json ;charset=UTF-8'];
const OTHER_TYPES = ['text/html', 'text/plain', 'application/jsonx', 'application/x-json', 'json', ''];

/** `Retry-After` in both forms of RFC 9110, and broken ones (with or without a `Date` header). */
export const retryAfterHeaders: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '2', '30', '86400', '86401', '99999999999999999999').map((v): [string, string][] => [['Retry-After', v]]) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -3600, max: 3600 }), fc.constantFrom('imf', 'rfc850', 'asctime'), fc.boolean()).map(([delta, form, withDate]): [string, string][] => {
    const at = new Date(Date.now() + delta * 1000);
    const imf = at.toUTCString();
    const value = form === 'imf' ? imf
      : form === 'rfc850' ? imf.replace(/^(\w+), (\d+) (\w+) (\d+)/, (_, d: string, day: string, mon: string, year: string) => `${{ Mon: 'Monday', Tue: 'Tuesday', Wed: 'Wednesday', Thu: 'Thursday', Fri: 'Friday', Sat: 'Saturday', Sun: 'Sunday' }[d]}, ${day}-${mon}-${year.slice(2)}`)
        : imf.replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
    return withDate ? [['Retry-After', value], ['Date', new Date(Date.now()).toUTCString()]] : [['Retry-After', value]];
  }) },
  { weight: 2, arbitrary: fc.constantFrom('-1', '1.5', ' 7 ', 'soon', 'Mon, 99 Foo 2026 99:99:99 GMT', 'Tue, 01 Dec 2026', '1e3', '0x10', '', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT').map((v): [string, string][] => [['Retry-After', v]]) },
);

/** Statuses: mostly the contract's, any other of 200-599 too. */
const errorStatus = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(400, 401, 403, 404, 405, 409, 410, 422, 429, 500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 599 }) },
  { weight: 1, arbitrary: fc.constantFrom(204, 205, 304, 206, 299) },
);

function payloadFor(body: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    { weight: 30, arbitrary: body.map((json): Payload => ({ json })) },
    { weight: 1, arbitrary: fc.tuple(body, fc.nat()).map(([truncated, at]): Payload => ({ truncated, at })) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '{', '}', '[]', 'true', '"text"', '<!doctype html><title>502</title><h1 data-fuzz>Bad Gateway</h1>', '{"error":{"code":"x","message":"x",}}', "{'a':1}"), fc.string({ maxLength: 30 })).map((text): Payload => ({ text })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom<'padded' | 'string'>('padded', 'string'), fc.integer({ min: 1, max: 4096 })).map(([huge, over]): Payload => ({ huge, over })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(10, 1000, 100_000), fc.constantFrom<'[' | '{"a":'>('[', '{"a":')).map(([nested, open]): Payload => ({ nested, open })) },
    { weight: 1, arbitrary: fc.constantFrom<number[]>([0xff, 0xfe], [0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x7b, 0x7d, 0x00]).map((bytes): Payload => ({ bytes })) },
    { weight: 1, arbitrary: body.map((bom): Payload => ({ bom })) },
  );
}

/** Every way a server or a fetch replacement may answer one request to `endpoint`. */
export function replyFor(endpoint: Endpoint): fc.Arbitrary<Reply> {
  const success = successBody(endpoint);
  const valid = fc.constant<unknown>(VALID[endpoint]);
  const http = (status: fc.Arbitrary<number>, body: fc.Arbitrary<unknown>) => fc.record({
    kind: fc.constant<'http'>('http'),
    status,
    type: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...JSON_TYPES) }, { weight: 1, arbitrary: fc.constantFrom<string | null>(...OTHER_TYPES, null) }),
    headers: retryAfterHeaders,
    payload: payloadFor(body),
    delivery: fc.oneof({ weight: 16, arbitrary: fc.constant<Delivery>('response') }, { weight: 1, arbitrary: fc.constantFrom<Delivery>('stream', 'stream-error', 'stream-stall', 'plain') }),
    length: fc.oneof({ weight: 16, arbitrary: fc.constant<'none'>('none') }, { weight: 1, arbitrary: fc.constantFrom<'true' | 'small' | 'huge' | 'garbage'>('true', 'small', 'huge', 'garbage') }),
  });
  return fc.oneof(
    { weight: 3, arbitrary: http(fc.constant(SUCCESS_STATUS[endpoint]), valid) },
    { weight: 5, arbitrary: http(fc.oneof({ weight: 5, arbitrary: fc.constant(SUCCESS_STATUS[endpoint]) }, { weight: 1, arbitrary: fc.integer({ min: 200, max: 299 }) }), success) },
    { weight: 14, arbitrary: http(errorStatus, errorBody) },
    { weight: 1, arbitrary: http(errorStatus, success) },
    { weight: 1, arbitrary: http(fc.constantFrom(200, 201), errorBody) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant<'reject'>('reject'), error: fc.constantFrom<Extract<Reply, { kind: 'reject' }>['error']>('TypeError', 'AbortError', 'string', 'undefined', 'object-aborted', 'sync-throw') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant<'hang'>('hang'), deaf: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant<'value'>('value'), value: fc.constantFrom<Extract<Reply, { kind: 'value' }>['value']>('undefined', 'null', 'number', 'empty', 'status-string', 'no-headers', 'status-0', 'status-1000', 'status-nan') }) },
  );
}

// ---------------------------------------------------------------- playing an answer

function bytesOf(payload: Payload): Uint8Array<ArrayBuffer> {
  const enc = (s: string) => new TextEncoder().encode(s);
  if ('json' in payload) return enc(JSON.stringify(payload.json) ?? '');
  if ('truncated' in payload) {
    const text = JSON.stringify(payload.truncated) ?? '';
    return enc(text.slice(0, text.length ? payload.at % text.length : 0));
  }
  if ('text' in payload) return enc(payload.text);
  if ('huge' in payload) {
    const pad = 'x'.repeat(MAX_BODY_BYTES + payload.over);
    return enc(payload.huge === 'padded' ? JSON.stringify({ ...VALID.send, pad }) : JSON.stringify(pad));
  }
  if ('nested' in payload) {
    const close = payload.open === '[' ? ']' : '}';
    return enc(`{"error":${payload.open.repeat(payload.nested)}1${close.repeat(payload.nested)}}`);
  }
  if ('bytes' in payload) return new Uint8Array(payload.bytes);
  return enc('\ufeff' + (JSON.stringify(payload.bom) ?? ''));
}

const NULL_BODY = new Set([204, 205, 304]);

/** Plays `reply` as a fetch replacement would: resolves, rejects, throws, or never settles. */
export function play(reply: Reply, signal: AbortSignal | null | undefined, onCancel: () => void = () => undefined): Promise<unknown> {
  if (reply.kind === 'reject') {
    if (reply.error === 'sync-throw') throw new TypeError('fetch replacement threw');
    const reason = { TypeError: new TypeError('Failed to fetch'), AbortError: new DOMException('The user aborted a request.', 'AbortError'), string: 'aborted', undefined, 'object-aborted': { code: 'aborted', name: 'AbortError' } }[reply.error];
    return Promise.reject(reason);
  }
  if (reply.kind === 'hang') {
    return new Promise((_, reject) => {
      if (!reply.deaf) signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  }
  if (reply.kind === 'value') {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    const values: Record<typeof reply.value, unknown> = {
      undefined, null: null, number: 201, empty: {}, 'status-string': { status: '201', headers }, 'no-headers': { status: 201, text: async () => '{}' },
      'status-0': { status: 0, headers, text: async () => '{}' }, 'status-1000': { status: 1000, headers, text: async () => '{}' }, 'status-nan': { status: Number.NaN, headers, text: async () => '{}' },
    };
    return Promise.resolve(values[reply.value]);
  }
  const bytes = bytesOf(reply.payload);
  const headers = new Headers(reply.headers);
  if (reply.type !== null) headers.set('Content-Type', reply.type);
  const declared = { none: null, true: String(bytes.byteLength), small: '1', huge: String(MAX_BODY_BYTES + 1), garbage: 'abc' }[reply.length];
  if (declared !== null) headers.set('Content-Length', declared);
  if (reply.delivery === 'plain') {
    // Not a Response: what a fetch replacement (a signing proxy) might hand back.
    return Promise.resolve({ status: reply.status, headers, text: async () => new TextDecoder().decode(bytes) });
  }
  let body: BodyInit | null = bytes;
  if (reply.delivery !== 'response') {
    const half = Math.floor(bytes.byteLength / 2);
    body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, half));
        if (reply.delivery === 'stream-stall') return;
        c.enqueue(bytes.slice(half));
        if (reply.delivery === 'stream-error') c.error(new TypeError('network error mid-body'));
        else c.close();
      },
      cancel: onCancel,
    });
  }
  return Promise.resolve(new Response(NULL_BODY.has(reply.status) ? null : body, { status: reply.status, headers }));
}

// ---------------------------------------------------------------- what the contract says

/** The answer is usable (`ok`), means "not offered" (`absent`), or is an error with this code. */
export type Outcome = { ok: true; data: unknown } | { absent: true } | { code: string; retryAfter?: number; field?: string; message?: string };

const SCHEMA: Record<Endpoint, { safeParse(d: unknown): { success: boolean; data?: unknown } }> = {
  captcha: ImageChallenge, pow: PowChallenge, usernames: UsernameAvailability, send: CodeSent, resend: CodeSent, accounts: AccountCreated,
};
const ABSENT_ON: Partial<Record<Endpoint, number[]>> = { captcha: [404], pow: [404], usernames: [404, 405] };

/**
 * What CONTRACT.md makes of `reply` ("Base URL and transport", "Errors"): a body that
 * is not UTF-8 JSON of the endpoint's schema is `bad_response`; a fetch that fails is
 * `network`, one that never ends `timeout`. `decodes` says whether an image URL is a
 * picture the browser can show (one that is not is a bad_response too).
 */
export function outcome(endpoint: Endpoint, reply: Reply, decodes: (src: string) => boolean): Outcome {
  const bad = { code: 'bad_response' };
  if (reply.kind === 'reject') return { code: 'network' };
  if (reply.kind === 'hang') return { code: 'timeout' };
  if (reply.kind === 'value') return bad;
  if (ABSENT_ON[endpoint]?.includes(reply.status)) return { absent: true };
  // In the order the client reads a response: status, type, declared length, body.
  const ok = reply.status < 300;
  if (!/^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(reply.type ?? '')) return bad;
  if (reply.length === 'huge') return bad;
  const plain = reply.delivery === 'plain';
  if (NULL_BODY.has(reply.status) && !plain) return bad;
  if (reply.delivery === 'stream-stall') return { code: 'timeout' };
  if (reply.delivery === 'stream-error') return bad;
  const bytes = bytesOf(reply.payload);
  let data: unknown;
  try {
    // A fetch replacement's text() has been decoded already (not strictly).
    const text = plain ? new TextDecoder().decode(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES || bytes.byteLength > MAX_BODY_BYTES) return bad;
    data = JSON.parse(text);
  } catch {
    return bad;
  }
  if (ok) {
    const parsed = SCHEMA[endpoint].safeParse(data);
    if (!parsed.success) return bad;
    const image = (parsed.data as { image?: string }).image;
    if (endpoint === 'captcha' && image !== undefined && !decodes(image)) return bad;
    return { ok: true, data: parsed.data };
  }
  const parsed = ErrorBody.safeParse(data);
  if (!parsed.success) return bad;
  const { code, retryAfter, field, message: text } = parsed.data.error;
  return { code, message: text, ...(retryAfter !== undefined ? { retryAfter } : {}), ...(field !== undefined ? { field } : {}) };
}

/** Decodes each picture once; `decodes` answers from what was found. */
export async function learnImages(srcs: string[], known: Map<string, boolean>): Promise<void> {
  for (const src of srcs) {
    if (known.has(src)) continue;
    const img = new Image();
    img.src = src;
    known.set(src, await img.decode().then(() => img.naturalWidth > 0, () => false));
  }
}
