// routeError / isRetryable / toFlowError (src/flow/error-routing.ts): where each error of a
// request is shown (CONTRACT.md "Errors"): by a field of the form, in the alert above
// Next ('form'), or in the code pop-up ('code'); and what the flow keeps of a failure.
// routeError is a table: every code of the contract's error table, the client-side
// codes and unknown ones, from the form step and from the code step, with every
// contract field name and strings a server might send that name built-in properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, clientError } from '../../src/client/api-error.ts';
import { CLIENT_ERROR_CODES, FIELDS, SERVER_ERROR_CODES } from '../../src/rules.ts';
import type { FieldName } from '../../src/form/form-values.ts';
import { isRetryable, routeError, toFlowError, type ErrorRoute, type RoutedError } from '../../src/flow/error-routing.ts';

interface Row {
  error: RoutedError;
  step: 'form' | 'code';
  /** With `captcha="none"` (captchaShown false), a 'captcha' route becomes 'form': there is no captcha field. */
  expect: ErrorRoute;
}

const PROTO_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'] as const;

/** `invalid_field` names the field: each contract field, as the form's field or the form's alert. */
const INVALID_FIELD_FROM_FORM: Record<(typeof FIELDS)[number], ErrorRoute> = {
  username: 'username', password: 'password', country: 'country', channel: 'form', email: 'email', phone: 'phone',
  captcha: 'captcha', code: 'form', termsAccepted: 'terms', locale: 'form', requestId: 'form',
};
const INVALID_FIELD_FROM_CODE: Record<(typeof FIELDS)[number], ErrorRoute> = { ...INVALID_FIELD_FROM_FORM, code: 'code' };

/** What routeError is told is on screen: every field, the captcha only when `captcha` (not `captcha="none"`). */
const shows = (captcha: boolean, hidden?: FieldName) => (f: FieldName) => (f === 'captcha' ? captcha : f !== hidden);

const e = (code: string, field?: string): RoutedError => (field === undefined ? { code } : { code, field });

const TABLE: Row[] = [
  // ---------------------------------------------------------------- invalid_field
  ...Object.entries(INVALID_FIELD_FROM_FORM).map(([field, expect]): Row => ({ error: e('invalid_field', field), step: 'form', expect })),
  ...Object.entries(INVALID_FIELD_FROM_CODE).map(([field, expect]): Row => ({ error: e('invalid_field', field), step: 'code', expect })),
  { error: e('invalid_field'), step: 'form', expect: 'form' },
  { error: e('invalid_field'), step: 'code', expect: 'form' },
  // Names that are the widget's, not the contract's, and names the contract does not know.
  { error: e('invalid_field', 'terms'), step: 'form', expect: 'form' },
  { error: e('invalid_field', 'confirm'), step: 'form', expect: 'form' },
  { error: e('invalid_field', 'nickname'), step: 'form', expect: 'form' },
  { error: e('invalid_field', 'nickname'), step: 'code', expect: 'form' },
  { error: e('invalid_field', ''), step: 'form', expect: 'form' },
  { error: e('invalid_field', 'Username'), step: 'form', expect: 'form' },
  ...PROTO_NAMES.flatMap((field): Row[] => [
    { error: e('invalid_field', field), step: 'form', expect: 'form' },
    { error: e('invalid_field', field), step: 'code', expect: 'form' },
    { error: e('server_on_fire', field), step: 'form', expect: 'form' },
    { error: e('server_on_fire', field), step: 'code', expect: 'form' },
    // …and as the code itself.
    { error: e(field), step: 'form', expect: 'form' },
    { error: e(field), step: 'code', expect: 'form' },
  ]),

  // ---------------------------------------------------------------- captcha
  { error: e('captcha_invalid', 'captcha'), step: 'form', expect: 'captcha' },
  { error: e('captcha_invalid'), step: 'form', expect: 'captcha' },
  { error: e('captcha_invalid', 'username'), step: 'form', expect: 'captcha' },
  { error: e('captcha_invalid', 'captcha'), step: 'code', expect: 'captcha' },
  { error: e('captcha_expired', 'captcha'), step: 'form', expect: 'captcha' },
  { error: e('captcha_expired'), step: 'form', expect: 'captcha' },
  { error: e('captcha_expired'), step: 'code', expect: 'captcha' },

  // ---------------------------------------------------------------- taken
  { error: e('username_taken', 'username'), step: 'form', expect: 'username' },
  { error: e('username_taken'), step: 'form', expect: 'username' },
  { error: e('username_taken', 'email'), step: 'form', expect: 'username' },
  { error: e('username_taken', 'username'), step: 'code', expect: 'username' },
  { error: e('email_taken', 'email'), step: 'form', expect: 'email' },
  { error: e('email_taken'), step: 'form', expect: 'email' },
  { error: e('email_taken', 'email'), step: 'code', expect: 'email' },
  { error: e('phone_taken', 'phone'), step: 'form', expect: 'phone' },
  { error: e('phone_taken'), step: 'form', expect: 'phone' },
  { error: e('phone_taken', 'phone'), step: 'code', expect: 'phone' },

  // ---------------------------------------------------------------- rate_limited: the button's countdown
  { error: e('rate_limited'), step: 'form', expect: 'form' },
  { error: e('rate_limited', 'captcha'), step: 'form', expect: 'form' },
  { error: e('rate_limited', 'email'), step: 'form', expect: 'form' },
  { error: e('rate_limited'), step: 'code', expect: 'code' },
  { error: e('rate_limited', 'username'), step: 'code', expect: 'code' },

  // ---------------------------------------------------------------- the code's own errors
  { error: e('code_invalid', 'code'), step: 'code', expect: 'code' },
  { error: e('code_invalid'), step: 'code', expect: 'code' },
  { error: e('code_invalid', 'code'), step: 'form', expect: 'form' },
  { error: e('code_expired', 'code'), step: 'code', expect: 'code' },
  { error: e('code_expired'), step: 'code', expect: 'code' },
  { error: e('code_expired'), step: 'form', expect: 'form' },

  // ---------------------------------------------------------------- errors that end the code step
  { error: e('too_many_attempts'), step: 'code', expect: 'form' },
  { error: e('too_many_attempts', 'code'), step: 'code', expect: 'form' },
  { error: e('too_many_attempts', 'username'), step: 'code', expect: 'form' },
  { error: e('too_many_attempts'), step: 'form', expect: 'form' },
  { error: e('request_expired'), step: 'code', expect: 'form' },
  { error: e('request_expired', 'code'), step: 'code', expect: 'form' },
  { error: e('request_expired', 'requestId'), step: 'code', expect: 'form' },
  { error: e('request_expired', 'email'), step: 'form', expect: 'form' },
  { error: e('password_weak', 'password'), step: 'code', expect: 'password' },
  { error: e('password_weak'), step: 'code', expect: 'password' },
  { error: e('password_weak', 'code'), step: 'code', expect: 'password' },
  { error: e('password_weak', 'password'), step: 'form', expect: 'password' },

  // ---------------------------------------------------------------- client-side: the same action may be tried again
  ...CLIENT_ERROR_CODES.flatMap((code): Row[] => [
    { error: e(code), step: 'form', expect: 'form' },
    { error: e(code, 'username'), step: 'form', expect: 'form' },
    { error: e(code), step: 'code', expect: 'code' },
    { error: e(code, 'password'), step: 'code', expect: 'code' },
  ]),

  // ---------------------------------------------------------------- codes the widget does not know
  { error: e('server_on_fire'), step: 'form', expect: 'form' },
  { error: e('server_on_fire'), step: 'code', expect: 'form' },
  { error: e('server_on_fire', 'email'), step: 'form', expect: 'email' },
  { error: e('server_on_fire', 'email'), step: 'code', expect: 'email' },
  { error: e('server_on_fire', 'termsAccepted'), step: 'form', expect: 'terms' },
  { error: e('server_on_fire', 'captcha'), step: 'form', expect: 'captcha' },
  { error: e('server_on_fire', 'code'), step: 'form', expect: 'form' },
  { error: e('server_on_fire', 'code'), step: 'code', expect: 'code' },
  { error: e('server_on_fire', 'nickname'), step: 'code', expect: 'form' },
];

const label = (r: RoutedError, step: string, shown: boolean): string =>
  `${r.code}${r.field === undefined ? '' : ` (field ${JSON.stringify(r.field)})`} from ${step}${shown ? '' : ', no captcha'}`;

test('the table has every code of the contract\'s error table and the client-side codes, from both steps', () => {
  for (const code of [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES]) {
    for (const step of ['form', 'code'] as const) {
      assert.ok(TABLE.some((r) => r.error.code === code && r.step === step), `${code} from ${step}`);
    }
  }
  for (const field of FIELDS) {
    for (const step of ['form', 'code'] as const) {
      assert.ok(TABLE.some((r) => r.error.field === field && r.step === step), `field ${field} from ${step}`);
    }
  }
});

for (const row of TABLE) {
  for (const captchaShown of [true, false]) {
    const expect = row.expect === 'captcha' && !captchaShown ? 'form' : row.expect;
    test(`${label(row.error, row.step, captchaShown)} → ${expect}`, () => {
      assert.equal(routeError(row.error, row.step, shows(captchaShown)), expect);
    });
  }
}

test('captcha_invalid with no captcha shown goes to the form, from either step', () => {
  assert.equal(routeError({ code: 'captcha_invalid', field: 'captcha' }, 'form', shows(false)), 'form');
  assert.equal(routeError({ code: 'captcha_invalid', field: 'captcha' }, 'code', shows(false)), 'form');
  assert.equal(routeError({ code: 'invalid_field', field: 'captcha' }, 'form', shows(false)), 'form');
});

test('an error for a field that is not on screen goes to the form\'s alert, from either step', () => {
  for (const step of ['form', 'code'] as const) {
    assert.equal(routeError({ code: 'phone_taken', field: 'phone' }, step, shows(true, 'phone')), 'form');
    assert.equal(routeError({ code: 'invalid_field', field: 'phone' }, step, shows(true, 'phone')), 'form');
    assert.equal(routeError({ code: 'email_taken' }, step, shows(true, 'email')), 'form');
    assert.equal(routeError({ code: 'invalid_field', field: 'email' }, step, shows(true, 'email')), 'form');
    assert.equal(routeError({ code: 'email_taken', field: 'email' }, step, shows(true, 'phone')), 'email');
  }
});

test('routeError reads only code and field: extra keys of a full error change nothing', () => {
  const full = { code: 'code_invalid', message: 'Wrong code.', field: 'code', attemptsLeft: 2, retryAfter: 3 };
  assert.equal(routeError(full, 'code', shows(true)), 'code');
  assert.equal(routeError({ code: 'username_taken', message: 'Taken.', field: 'username' } as RoutedError, 'form', shows(true)), 'username');
});

// ------------------------------------------------------------------ isRetryable

test('isRetryable: the client-side failures only', () => {
  for (const code of CLIENT_ERROR_CODES) assert.equal(isRetryable(code), true, code);
  for (const code of [...SERVER_ERROR_CODES, 'aborted', 'server_on_fire', '', 'Network', ...PROTO_NAMES]) {
    assert.equal(isRetryable(code), false, code);
  }
});

// ------------------------------------------------------------------ toFlowError

test('toFlowError: an ApiError keeps code, message, field, retryAfter and attemptsLeft (not status)', () => {
  const error = new ApiError('code_invalid', 'Wrong code.', { field: 'code', retryAfter: 5, attemptsLeft: 2, status: 400 });
  const flow = toFlowError(error);
  assert.deepEqual(flow, { code: 'code_invalid', message: 'Wrong code.', field: 'code', retryAfter: 5, attemptsLeft: 2 });
  assert.equal(Object.getPrototypeOf(flow), Object.prototype, 'a plain object, not the error');
});

test('toFlowError: no key for a detail the ApiError lacks', () => {
  const flow = toFlowError(new ApiError('username_taken', 'Taken.'));
  assert.deepEqual(flow, { code: 'username_taken', message: 'Taken.' });
  assert.deepEqual(Object.keys(flow!), ['code', 'message']);

  const some = toFlowError(new ApiError('rate_limited', 'Slow down.', { retryAfter: 30, status: 429 }));
  assert.deepEqual(Object.keys(some!).sort(), ['code', 'message', 'retryAfter']);
  assert.ok(Object.values(some!).every((v) => v !== undefined), 'no undefined values');

  const explicit = toFlowError(new ApiError('invalid_field', 'Bad.', { field: undefined, retryAfter: undefined, attemptsLeft: undefined }));
  assert.deepEqual(Object.keys(explicit!), ['code', 'message']);
});

test('toFlowError: zero is a value, kept', () => {
  const flow = toFlowError(new ApiError('code_invalid', 'Wrong code.', { retryAfter: 0, attemptsLeft: 0, field: '' }));
  assert.deepEqual(flow, { code: 'code_invalid', message: 'Wrong code.', field: '', retryAfter: 0, attemptsLeft: 0 });
});

test('toFlowError: the client-side codes keep their fallback messages', () => {
  for (const code of CLIENT_ERROR_CODES) {
    const error = clientError(code, 502);
    assert.deepEqual(toFlowError(error), { code, message: error.message });
  }
});

test('toFlowError: anything else thrown is a bad_response', () => {
  const thrown: unknown[] = [
    new TypeError('Failed to fetch'), new Error('boom'), 'a string', undefined, null, 42,
    { code: 'network', message: 'looks like an ApiError but is not' },
    Object.assign(new Error('aborted?'), { code: 'aborted' }),
  ];
  for (const value of thrown) {
    const flow = toFlowError(value);
    assert.ok(flow, `${String(value)} is kept`);
    assert.equal(flow.code, 'bad_response', String(value));
    assert.equal(typeof flow.message, 'string');
    assert.ok(flow.message.length > 0, 'with a message');
    assert.deepEqual(Object.keys(flow).sort(), ['code', 'message'], 'nothing of the thrown value leaks in');
  }
});

test('toFlowError: the widget\'s own cancellation (aborted) is no failure: null', () => {
  assert.equal(toFlowError(clientError('aborted')), null);
  // A server's code "aborted" is the server's error like any other: kept, shown, dispatched.
  assert.deepEqual(toFlowError(new ApiError('aborted', 'Stop.', { status: 429 })), { code: 'aborted', message: 'Stop.' });
  assert.deepEqual(toFlowError(new ApiError('aborted', 'The request was cancelled.')), { code: 'aborted', message: 'The request was cancelled.' });
  // A DOMException AbortError that escaped the client is not the widget's ApiError.
  assert.equal(toFlowError(new DOMException('The operation was aborted.', 'AbortError'))?.code, 'bad_response');
});
