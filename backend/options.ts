import { RULES, type CaptchaKind } from '../src/contract.ts';
import { systemClock, type Clock } from './clock.ts';
import { pbkdf2Hasher, type PasswordHasher } from './hasher.ts';
import { MemoryOutbox, type Outbox } from './outbox.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit.ts';
import { MemoryStore, type Store } from './store.ts';

/** Everything `createBackend()` can be told. Durations are in seconds. */
export interface BackendOptions {
  /** Path prefix the API lives under. Default `/api/register`; `""` for the root. */
  basePath?: string;
  /** Challenge kinds offered at `GET /captcha`. Default both. */
  captchaKinds?: CaptchaKind[];
  /** Refuse a send-code call without `captcha` (`invalid_field`). Default true; false suits captcha="none". */
  requireCaptcha?: boolean;
  /** Lifetime of a captcha challenge. Default 300. */
  captchaExpiresIn?: number;
  /** Characters in an image captcha. Default 4. */
  captchaLength?: number;
  /** Upper bound of the proof-of-work search. Default 50 000 (well under a second in a browser). */
  powMaxNumber?: number;
  /** Checks a third-party captcha token (`{kind:"token"}`). Default: every token refused. */
  verifyToken?: (provider: string, token: string) => boolean | Promise<boolean>;
  /** Digits in a verification code, 4..8. Default 6. */
  codeLength?: number;
  /** Lifetime of one verification code. Default 600. */
  codeExpiresIn?: number;
  /** Wait before a code may be sent again. Default 60. */
  resendAfter?: number;
  /** Lifetime of a verification request (resends allowed within it). Default 1800. */
  requestExpiresIn?: number;
  /** Wrong codes before the request dies. Default 3. */
  maxCodeAttempts?: number;
  /** Answer `email_taken`/`phone_taken` at send-code. When false, notify the owner instead. Default true. */
  revealTaken?: boolean;
  /** Offer `GET /usernames/{name}`. Default true. */
  usernameCheck?: boolean;
  /** Override any of the rate limits (see `DEFAULT_RATE_LIMITS`). */
  rateLimits?: Partial<RateLimits>;
  /**
   * Origins that may call with credentials (echoed, with `Access-Control-Allow-Credentials`).
   * When unset, any origin may call without credentials (`*`).
   */
  allowedOrigins?: string[];
  /** Largest accepted request body. Default 16 384 bytes. */
  maxBodyBytes?: number;
  /** Lifetime announced for the session token. Default 3600. */
  sessionExpiresIn?: number;
  store?: Store;
  outbox?: Outbox;
  clock?: Clock;
  /** Password hashing. Default PBKDF2 on Web Crypto; Node adapters pass scrypt. */
  hasher?: PasswordHasher;
  /** Told about unexpected exceptions (answered with 500). Default `console.error`. */
  onError?: (error: unknown) => void;
}

export interface Settings {
  basePath: string;
  captchaKinds: readonly CaptchaKind[];
  requireCaptcha: boolean;
  captchaExpiresIn: number;
  captchaLength: number;
  powMaxNumber: number;
  verifyToken: (provider: string, token: string) => boolean | Promise<boolean>;
  codeLength: number;
  codeExpiresIn: number;
  resendAfter: number;
  requestExpiresIn: number;
  maxCodeAttempts: number;
  revealTaken: boolean;
  usernameCheck: boolean;
  rateLimits: RateLimits;
  allowedOrigins: readonly string[] | undefined;
  maxBodyBytes: number;
  sessionExpiresIn: number;
}

/** What every service works with: settings plus the injected parts. */
export interface Env {
  settings: Settings;
  store: Store;
  outbox: Outbox;
  clock: Clock;
  hasher: PasswordHasher;
}

export function resolve(options: BackendOptions): Env & { onError: (error: unknown) => void } {
  const codeLength = options.codeLength ?? 6;
  if (!Number.isInteger(codeLength) || codeLength < RULES.codeMin || codeLength > RULES.codeMax) {
    throw new RangeError(`codeLength must be ${RULES.codeMin}..${RULES.codeMax}`);
  }
  const settings: Settings = {
    basePath: (options.basePath ?? '/api/register').replace(/\/+$/, ''),
    captchaKinds: options.captchaKinds ?? ['image', 'pow'],
    requireCaptcha: options.requireCaptcha ?? true,
    captchaExpiresIn: options.captchaExpiresIn ?? 300,
    captchaLength: options.captchaLength ?? 4,
    powMaxNumber: options.powMaxNumber ?? 50_000,
    verifyToken: options.verifyToken ?? (() => false),
    codeLength,
    codeExpiresIn: options.codeExpiresIn ?? 600,
    resendAfter: options.resendAfter ?? 60,
    requestExpiresIn: options.requestExpiresIn ?? 1800,
    maxCodeAttempts: options.maxCodeAttempts ?? 3,
    revealTaken: options.revealTaken ?? true,
    usernameCheck: options.usernameCheck ?? true,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes: options.maxBodyBytes ?? 16_384,
    sessionExpiresIn: options.sessionExpiresIn ?? 3600,
  };
  return {
    settings,
    store: options.store ?? new MemoryStore(),
    outbox: options.outbox ?? new MemoryOutbox(),
    clock: options.clock ?? systemClock,
    hasher: options.hasher ?? pbkdf2Hasher(),
    onError: options.onError ?? ((error) => console.error('[hik-register backend]', error)),
  };
}
