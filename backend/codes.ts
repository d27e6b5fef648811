import type { Channel, CodeSent } from '../src/contract.ts';
import { HttpError, rateLimited } from './errors.ts';
import { emailKey, maskEmail, maskPhone } from './identity.ts';
import type { Env } from './options.ts';
import { constantTimeEqual, randomDigits, randomHex, randomId, sha256Hex } from './random.ts';
import { hit } from './rate-limit.ts';
import { put } from './store.ts';

/** Who and where a code is for: a create-account call must repeat exactly this. */
export interface Target {
  username: string;
  country: string;
  channel: Channel;
  /** Email address or E.164 number, as sent. */
  destination: string;
  locale: string;
}

/**
 * A verification request. The code itself is never stored: only a salted SHA-256
 * of it, so a leaked store gives nobody a working code.
 */
export interface CodeRequest extends Target {
  requestId: string;
  codeSalt: string;
  codeHash: string;
  codeExpiresAt: number;
  sentAt: number;
  attempts: number;
  /** Answered as if real, but no code exists: the address is taken and `revealTaken` is off. */
  decoy: boolean;
  /** End of the request's life (resends allowed until then). */
  expiresAt: number;
}

/** Counts a code sent to this address against its rate limit. */
export function destinationKey(channel: Channel, destination: string): string {
  return `dest:${channel}:${channel === 'email' ? emailKey(destination) : destination}`;
}

export async function openRequest(env: Env, target: Target, decoy: boolean): Promise<CodeSent> {
  const now = env.clock.now();
  const requestId = randomId('r');
  const request: CodeRequest = {
    ...target,
    requestId,
    decoy,
    attempts: 0,
    expiresAt: now + env.settings.requestExpiresIn * 1000,
    ...(await freshCode(env, now, requestId, target, decoy)),
  };
  await put(env.store, 'request', requestId, request);
  return describe(env, request);
}

export async function resendCode(env: Env, requestId: string): Promise<CodeSent> {
  const now = env.clock.now();
  const request = await env.store.get<CodeRequest>('request', requestId);
  if (!request || request.expiresAt <= now) {
    throw new HttpError(410, 'request_expired', 'This verification request has expired. Start again.', { field: 'requestId' });
  }
  const wait = request.sentAt + env.settings.resendAfter * 1000 - now;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw rateLimited(seconds, `Wait ${seconds} s before asking for a new code.`);
  }
  await hit(env.store, destinationKey(request.channel, request.destination), env.settings.rateLimits.destination, now);
  const renewed: CodeRequest = { ...request, attempts: 0, ...(await freshCode(env, now, requestId, request, request.decoy)) };
  await put(env.store, 'request', requestId, renewed);
  return describe(env, renewed);
}

/** The live request for a create-account call; an unknown or dead one reads as an expired code. */
export async function liveRequest(env: Env, requestId: string): Promise<CodeRequest> {
  const request = await env.store.get<CodeRequest>('request', requestId);
  if (!request || request.expiresAt <= env.clock.now()) throw codeExpired();
  return request;
}

/** The first field of a create-account call that differs from what the code was sent for. */
export function bindingMismatch(request: CodeRequest, sent: Target): keyof Target | undefined {
  const fields: Array<keyof Target> = ['username', 'country', 'channel', 'destination'];
  return fields.find((f) => request[f] !== sent[f]);
}

export function checkCodeFresh(env: Env, request: CodeRequest): void {
  if (request.codeExpiresAt <= env.clock.now()) throw codeExpired();
}

/**
 * Checks `code` and, when right, consumes the request (single use). A wrong code
 * costs an attempt; the last one kills the request.
 */
export async function redeemCode(env: Env, request: CodeRequest, code: string): Promise<void> {
  const hash = await sha256Hex(`${request.codeSalt}:${code}`);
  if (!request.decoy && constantTimeEqual(hash, request.codeHash)) {
    const consumed = await env.store.update<CodeRequest, boolean>('request', request.requestId, (current) =>
      current?.codeHash === request.codeHash ? { value: undefined, result: true } : { value: current, result: false });
    if (!consumed) throw codeExpired();
    return;
  }
  const max = env.settings.maxCodeAttempts;
  const attempts = await env.store.update<CodeRequest, number>('request', request.requestId, (current) => {
    if (!current) return { value: undefined, result: max };
    const used = current.attempts + 1;
    return { value: used >= max ? undefined : { ...current, attempts: used }, result: used };
  });
  if (attempts >= max) {
    throw new HttpError(429, 'too_many_attempts', 'Too many wrong codes. Request a new code.', {
      field: 'code',
      headers: { 'Retry-After': '0' },
    });
  }
  throw new HttpError(400, 'code_invalid', 'The verification code is not correct.', {
    field: 'code',
    attemptsLeft: max - attempts,
  });
}

async function freshCode(env: Env, now: number, requestId: string, target: Target, decoy: boolean) {
  const code = randomDigits(env.settings.codeLength);
  const codeSalt = randomHex(16);
  const at = new Date(now).toISOString();
  const { channel, destination: to, locale } = target;
  if (decoy) await env.outbox.send({ channel, to, kind: 'already-registered', requestId, at, locale });
  else await env.outbox.send({ channel, to, code, kind: 'code', requestId, at, locale });
  return {
    codeSalt,
    // A decoy keeps a hash of a code nobody was sent, so it looks like any other request.
    codeHash: await sha256Hex(`${codeSalt}:${code}`),
    codeExpiresAt: now + env.settings.codeExpiresIn * 1000,
    sentAt: now,
  };
}

function describe(env: Env, request: CodeRequest): CodeSent {
  return {
    requestId: request.requestId,
    channel: request.channel,
    destination: request.channel === 'email' ? maskEmail(request.destination) : maskPhone(request.destination),
    codeLength: env.settings.codeLength,
    expiresIn: env.settings.codeExpiresIn,
    resendAfter: env.settings.resendAfter,
  };
}

function codeExpired(): HttpError {
  return new HttpError(410, 'code_expired', 'The verification code has expired. Ask for a new one.', { field: 'code' });
}
