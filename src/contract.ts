/**
 * The backend contract (../shared/CONTRACT.md, version 1) as zod schemas.
 *
 * This is the one definition of every request and response: the reference backend
 * validates requests with it, and `npm run build` publishes it as JSON Schema in
 * `dist/contract/` and as a module for backends. The browser builds requests and
 * validates responses with src/client/responses.ts: these response schemas in
 * cheaper `zod/mini` forms, of the same types (test/node/contract-types.test.ts),
 * accepting and refusing the same bodies (test/node/contract-browser.test.ts).
 *
 * Requests are strict (unknown keys are refused with `invalid_field`); responses
 * are not (unknown keys are dropped, servers may add fields later).
 */
import * as z from 'zod/mini';

export const CONTRACT_VERSION = 1;

export {
  RULES, FIELDS, SERVER_ERROR_CODES, CLIENT_ERROR_CODES,
  type Field, type ServerErrorCode, type ClientErrorCode, type ErrorCode,
} from './rules.ts';
import { RULES, type Channel as ChannelName, type Session as SessionFields } from './rules.ts';

export const Channel = z.enum(['email', 'sms']);
export type Channel = ChannelName;

const id = z.string().check(z.regex(RULES.idPattern));
const country = z.string().check(z.regex(RULES.countryPattern));
const locale = z.string().check(z.maxLength(35), z.regex(RULES.localePattern));
const username = z.string().check(
  z.minLength(RULES.usernameMin),
  z.maxLength(RULES.usernameMax),
  z.regex(RULES.usernamePattern),
);
const email = z.string().check(z.maxLength(RULES.emailMax), z.regex(RULES.emailPattern));
const phone = z.string().check(z.regex(RULES.e164Pattern));
const seconds = z.int().check(z.minimum(0), z.maximum(86_400 * 365));
const code = z.string().check(z.regex(/^\d{4,8}$/));

// ---------------------------------------------------------------- errors

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().check(z.minLength(1), z.maxLength(100)),
    message: z.string().check(z.maxLength(1000)),
    field: z.optional(z.string()),
    retryAfter: z.optional(z.number().check(z.minimum(0))),
    attemptsLeft: z.optional(z.int().check(z.minimum(0))),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- captcha

export const CaptchaKind = z.enum(['image', 'pow']);
export type CaptchaKind = z.infer<typeof CaptchaKind>;

export const ImageChallenge = z.object({
  kind: z.literal('image'),
  captchaId: id,
  image: z.string().check(
    z.maxLength(200_000),
    // The whole URL, not only its prefix: base64 checked strictly (a browser logs
    // net::ERR_INVALID_URL for a bad one and shows a broken picture).
    z.regex(/^data:image\/(svg\+xml|png|jpeg|gif|webp)(;[\w.+-]+=[\w.+-]+)*(;base64,([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})|,[^#]+)$/),
  ),
  length: z.int().check(z.minimum(1), z.maximum(12)),
  expiresIn: seconds,
});
export type ImageChallenge = z.infer<typeof ImageChallenge>;

export const PowChallenge = z.object({
  kind: z.literal('pow'),
  captchaId: id,
  algorithm: z.literal('SHA-256'),
  salt: z.string().check(z.minLength(1), z.maxLength(256)),
  challenge: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  // A cap keeps a hostile server from making the browser search forever.
  maxNumber: z.int().check(z.minimum(1), z.maximum(10_000_000)),
  expiresIn: seconds,
});
export type PowChallenge = z.infer<typeof PowChallenge>;
/** What a proof-of-work search needs, and what the server keeps to check an answer. */
export type PowPuzzle = Pick<PowChallenge, 'salt' | 'challenge' | 'maxNumber'>;

export const Challenge = z.discriminatedUnion('kind', [ImageChallenge, PowChallenge]);
export type Challenge = z.infer<typeof Challenge>;

export const CaptchaAnswer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('image'),
    captchaId: id,
    answer: z.string().check(z.minLength(1), z.maxLength(12), z.regex(/^[^a-z]*$/)),
  }),
  z.strictObject({
    kind: z.literal('pow'),
    captchaId: id,
    answer: z.int().check(z.minimum(0)),
  }),
  z.strictObject({
    kind: z.literal('token'),
    provider: z.string().check(z.minLength(1), z.maxLength(64)),
    token: z.string().check(z.minLength(1), z.maxLength(4096)),
  }),
]);
export type CaptchaAnswer = z.infer<typeof CaptchaAnswer>;

// ---------------------------------------------------------------- user names

export const UsernameAvailability = z.object({ available: z.boolean() });
export type UsernameAvailability = z.infer<typeof UsernameAvailability>;

// ---------------------------------------------------------------- verification codes

const sendBase = {
  username,
  country,
  // Optional in the schema only so that a widget with captcha="none" can talk to a
  // server that needs none; a server that wants one refuses its absence with
  // `invalid_field` on `captcha` (the reference backend does).
  captcha: z.optional(CaptchaAnswer),
  locale,
};

export const SendCodeRequest = z.discriminatedUnion('channel', [
  z.strictObject({ ...sendBase, channel: z.literal('email'), email }),
  z.strictObject({ ...sendBase, channel: z.literal('sms'), phone }),
]);
export type SendCodeRequest = z.infer<typeof SendCodeRequest>;

export const ResendCodeRequest = z.strictObject({});
export type ResendCodeRequest = z.infer<typeof ResendCodeRequest>;

export const CodeSent = z.object({
  requestId: id,
  channel: Channel,
  destination: z.string().check(z.minLength(1), z.maxLength(300)),
  codeLength: z.int().check(z.minimum(RULES.codeMin), z.maximum(RULES.codeMax)),
  expiresIn: seconds,
  resendAfter: seconds,
});
export type CodeSent = z.infer<typeof CodeSent>;

// ---------------------------------------------------------------- accounts

const createBase = {
  requestId: id,
  code,
  username,
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
  country,
  termsAccepted: z.literal(true),
  locale,
};

export const CreateAccountRequest = z.discriminatedUnion('channel', [
  z.strictObject({ ...createBase, channel: z.literal('email'), email }),
  z.strictObject({ ...createBase, channel: z.literal('sms'), phone }),
]);
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const Session = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(8192)),
  expiresIn: seconds,
});
export type Session = SessionFields;

export const AccountCreated = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(128)),
  username: z.string().check(z.minLength(1), z.maxLength(128)),
  session: z.optional(Session),
});
export type AccountCreated = z.infer<typeof AccountCreated>;

/** Every schema by name, for the JSON Schema export. */
export const SCHEMAS = {
  ErrorBody,
  ImageChallenge,
  PowChallenge,
  Challenge,
  CaptchaAnswer,
  UsernameAvailability,
  SendCodeRequest,
  ResendCodeRequest,
  CodeSent,
  CreateAccountRequest,
  AccountCreated,
} as const;
