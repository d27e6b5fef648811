/**
 * The contract's field rules and error codes as plain values, without zod: the
 * form's own checks need them in the first module, the schemas can load later.
 * `contract.ts` re-exports all of it.
 */
import { asciiDigits } from './internal/digits.ts';

/** Field rules of the contract (defaults; the widget may be configured tighter). */
export const RULES = {
  usernameMin: 4,
  usernameMax: 32,
  /** Starts with a letter; letters, digits, `_`, `-`, `.` (Unicode letters and digits). */
  usernamePattern: /^\p{L}[\p{L}\p{N}_.-]*$/u,
  passwordMin: 8,
  passwordMax: 64,
  emailMax: 254,
  /** Pragmatic syntax check: one `@`, no spaces, a dot in the domain. */
  emailPattern: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/,
  e164Pattern: /^\+[1-9]\d{6,14}$/,
  countryPattern: /^[A-Z]{2}$/,
  localePattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/,
  codeMin: 4,
  codeMax: 8,
  /** Ids go into URL paths: keep them to URL-safe characters. */
  idPattern: /^[A-Za-z0-9_-]{1,128}$/,
} as const;

/** NFKC-normalized and trimmed: the form a user name is sent, stored and compared in. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** What is wrong with a user name, by the contract's rules, checked in this order. */
export type UsernameProblem = 'empty' | 'length' | 'start' | 'characters';

/**
 * The one user name rule (CONTRACT.md "Field rules"), for the form and the backend:
 * `raw` is normalized first, its length counted in code points as a person counts
 * characters. `null`: the name is valid.
 */
export function usernameProblem(raw: string): UsernameProblem | null {
  const name = normalizeUsername(raw);
  if (!name) return 'empty';
  const length = [...name].length;
  if (length < RULES.usernameMin || length > RULES.usernameMax) return 'length';
  if (!/^\p{L}/u.test(name)) return 'start';
  if (!RULES.usernamePattern.test(name)) return 'characters';
  return null;
}

/**
 * How an image captcha answer is compared (CONTRACT.md: case-insensitive, spaces around
 * ignored). The picture shows ASCII; what a keyboard types for it counts as the same:
 * full-width letters and digits (NFKC) and the digits of other scripts ("X٧KQ" is X7KQ).
 */
export function normalizeCaptchaAnswer(typed: string): string {
  return asciiDigits(typed.normalize('NFKC')).trim().toUpperCase();
}

// Plain types of what the public events carry: the element's declarations need no
// schema library. src/contract.ts has the schemas; test/node/contract-types.test.ts
// checks that both describe the same values.

/** How the code is sent: by email or by text message. */
export type Channel = 'email' | 'sms';

/** The session a server may hand over with a new account (CONTRACT.md `AccountCreated`). */
export interface Session {
  token: string;
  /** Seconds the token is valid for. */
  expiresIn: number;
}

/** Fields an error may point at (`error.field`). */
export const FIELDS = [
  'username', 'password', 'country', 'channel', 'email', 'phone',
  'captcha', 'code', 'termsAccepted', 'locale', 'requestId',
] as const;
export type Field = (typeof FIELDS)[number];

/** Error codes of the contract's table, plus the client-side ones. */
export const SERVER_ERROR_CODES = [
  'invalid_field', 'captcha_invalid', 'captcha_expired', 'username_taken',
  'email_taken', 'phone_taken', 'rate_limited', 'code_invalid', 'code_expired',
  'too_many_attempts', 'request_expired', 'password_weak',
] as const;
export const CLIENT_ERROR_CODES = ['network', 'timeout', 'bad_response'] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
/** A server may send codes the widget does not know; it then shows `message`. */
export type ErrorCode = ServerErrorCode | ClientErrorCode | (string & {});
