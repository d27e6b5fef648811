/**
 * The browser API client of the backend contract (../shared/CONTRACT.md): one
 * function per endpoint, every response validated with the contract's response
 * schemas (in the browser's forms, ./responses.ts), and
 * one typed error, {@link ApiError}, for everything that can go wrong.
 *
 * The caller builds request bodies (including `locale`); the client only carries
 * them. Nothing is logged, and no secret ever goes into a URL: the only values in
 * paths are the user name and the `requestId`, both URL-encoded.
 */
import type {
  AccountCreated, CaptchaKind, Challenge, CodeSent, CreateAccountRequest, SendCodeRequest,
} from '../contract.ts';
import { RULES } from '../rules.ts';
import { clientError } from './api-error.ts';
import * as responses from './responses.ts';
import { send, type Call, type Transport } from './transport.ts';

export { ApiError, type ApiErrorCode, type ApiErrorDetails } from './api-error.ts';
export { MAX_BODY_BYTES } from './transport.ts';

export const DEFAULT_ENDPOINT = '/api/register';
export const DEFAULT_TIMEOUT = 15_000;
/** setTimeout fires at once for delays above 2^31 - 1 ms. */
const MAX_TIMEOUT = 2_147_483_647;

/** Options of {@link createClient}; all optional. */
export interface ClientOptions {
  /** Base URL of the contract, relative or absolute. Default `/api/register`. */
  endpoint?: string;
  /** Active language (BCP 47), sent as `Accept-Language`. Default `en`; an invalid tag also falls back to `en`. */
  locale?: string;
  /** Per-request timeout in ms (covers reading the body too). Default 15000. */
  timeout?: number;
  /** Passed to fetch: `same-origin` (default, also for any unknown value), `include` or `omit`. */
  credentials?: RequestCredentials;
  /** Extra headers for every request (CSRF token, API key). The contract's own headers win over same-named ones. */
  headers?: HeadersInit;
  /** Replacement for the global fetch (device UIs that sign requests). Called as `fetch(url, init)`. */
  fetch?: typeof fetch;
}

/**
 * One function per endpoint. Each takes an optional `AbortSignal`; cancelling
 * through it rejects with code `aborted`. Every failure is an `ApiError`.
 */
export interface ApiClient {
  /** `GET {endpoint}/captcha?kind=…`. Resolves `null` on 404: that kind is not offered. A picture that does not decode is a `bad_response`. */
  getCaptcha(kind: CaptchaKind, signal?: AbortSignal): Promise<Challenge | null>;
  /** `GET {endpoint}/usernames/{username}`. Resolves `null` on 404/405: the server does not offer the check. */
  checkUsername(username: string, signal?: AbortSignal): Promise<boolean | null>;
  /** `POST {endpoint}/verification-codes`. */
  sendCode(body: SendCodeRequest, signal?: AbortSignal): Promise<CodeSent>;
  /** `POST {endpoint}/verification-codes/{requestId}/resend` with body `{}`. */
  resendCode(requestId: string, signal?: AbortSignal): Promise<CodeSent>;
  /** `POST {endpoint}/accounts`. */
  createAccount(body: CreateAccountRequest, signal?: AbortSignal): Promise<AccountCreated>;
}

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** Joins the base URL and a path with exactly one `/` between them. */
export function joinUrl(endpoint: string | undefined, path: string): string {
  const base = endpoint?.trim() || DEFAULT_ENDPOINT;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function normalizeTimeout(timeout: number | undefined): number {
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) return DEFAULT_TIMEOUT;
  return Math.min(timeout, MAX_TIMEOUT);
}

function normalizeCredentials(credentials: string | undefined): RequestCredentials {
  // An attribute may hold any string; fetch would throw a TypeError on an unknown one.
  return credentials === 'include' || credentials === 'omit' ? credentials : 'same-origin';
}

function normalizeLocale(locale: string | undefined): string {
  // A header value with a newline would make fetch throw; a bad tag is not worth failing on.
  return locale && locale.length <= 35 && RULES.localePattern.test(locale) ? locale : 'en';
}

/**
 * A picture the browser cannot decode (data that is no image of its type) is a
 * `bad_response`, so that none is ever shown broken. The schema has checked the URL.
 */
async function decodable(src: string): Promise<void> {
  const img = new Image();
  img.src = src;
  try {
    await img.decode();
  } catch {
    throw clientError('bad_response');
  }
}

/** Creates a client for one backend. Options are read once; create a new client when they change. */
export function createClient(options: ClientOptions = {}): ApiClient {
  const transport: Transport = {
    // Looked up at call time, so that a page (or a test) may wrap the global fetch later.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    credentials: normalizeCredentials(options.credentials),
    headers: options.headers ?? {},
    locale: normalizeLocale(options.locale),
    timeout: normalizeTimeout(options.timeout),
  };
  const url = (path: string) => joinUrl(options.endpoint, path);

  async function request<T>(call: Call, schema: Schema<T>): Promise<T | null> {
    const received = await send(transport, call);
    if (received === null) return null;
    const parsed = schema.safeParse(received.data);
    if (!parsed.success) throw clientError('bad_response', received.status);
    return parsed.data;
  }

  async function required<T>(call: Call, schema: Schema<T>): Promise<T> {
    const result = await request(call, schema);
    // `send` answers null only for `absentOn` statuses, which POSTs do not list.
    if (result === null) throw clientError('bad_response');
    return result;
  }

  return {
    async getCaptcha(kind, signal) {
      // Checked as the kind asked for: a server that answers another kind is not
      // following the contract, and its answer is a bad_response.
      const challenge = await request<Challenge>(
        { method: 'GET', url: url(`captcha?kind=${encodeURIComponent(kind)}`), signal, absentOn: [404] },
        kind === 'pow' ? responses.PowChallenge : responses.ImageChallenge,
      );
      if (challenge?.kind === 'image') await decodable(challenge.image);
      return challenge;
    },

    async checkUsername(username, signal) {
      const result = await request(
        { method: 'GET', url: url(`usernames/${encodeURIComponent(username)}`), signal, absentOn: [404, 405] },
        responses.UsernameAvailability,
      );
      return result ? result.available : null;
    },

    sendCode(body, signal) {
      return required({ method: 'POST', url: url('verification-codes'), body, signal }, responses.CodeSent);
    },

    resendCode(requestId, signal) {
      const path = `verification-codes/${encodeURIComponent(requestId)}/resend`;
      return required({ method: 'POST', url: url(path), body: {}, signal }, responses.CodeSent);
    },

    createAccount(body, signal) {
      return required({ method: 'POST', url: url('accounts'), body, signal }, responses.AccountCreated);
    },
  };
}
