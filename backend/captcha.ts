import type { CaptchaAnswer, CaptchaKind, ImageChallenge, PowChallenge, PowPuzzle } from '../src/contract.ts';
import { normalizeCaptchaAnswer } from '../src/rules.ts';
import { RULES } from '../src/contract.ts';
import { randomAnswer, renderCaptcha } from './captcha-image.ts';
import { HttpError } from './errors.ts';
import type { Env } from './options.ts';
import { checkPuzzle, createPuzzle } from './pow.ts';
import { put, take, type Store } from './store.ts';
import { randomId } from './random.ts';

type CaptchaRecord =
  | { kind: 'image'; answer: string; expiresAt: number }
  | ({ kind: 'pow'; expiresAt: number } & PowPuzzle);

export async function issueChallenge(env: Env, kind: CaptchaKind): Promise<ImageChallenge | PowChallenge> {
  const { captchaExpiresIn: expiresIn, captchaLength, powMaxNumber } = env.settings;
  const captchaId = randomId('c');
  const expiresAt = env.clock.now() + expiresIn * 1000;
  if (kind === 'image') {
    const answer = randomAnswer(captchaLength);
    await put<CaptchaRecord>(env.store, 'captcha', captchaId, { kind, answer, expiresAt });
    return { kind, captchaId, image: renderCaptcha(answer), length: captchaLength, expiresIn };
  }
  const puzzle = await createPuzzle(powMaxNumber);
  await put<CaptchaRecord>(env.store, 'captcha', captchaId, { kind, ...puzzle, expiresAt });
  return { kind, captchaId, algorithm: 'SHA-256', ...puzzle, expiresIn };
}

/** What a send-code body referred to, taken out of the store before anything else is checked. */
export interface Claimed {
  record: CaptchaRecord | undefined;
}

/**
 * Consumes the challenge a (not yet validated) body names, so that every call
 * uses up its challenge whatever is refused later: no retries on one picture.
 */
export async function claimChallenge(env: Env, body: unknown): Promise<Claimed> {
  const captcha = (body as { captcha?: { captchaId?: unknown } } | null)?.captcha;
  const id = captcha?.captchaId;
  if (typeof id !== 'string' || !RULES.idPattern.test(id)) return { record: undefined };
  return { record: await take<CaptchaRecord>(env.store, 'captcha', id) };
}

export async function verifyCaptcha(env: Env, answer: CaptchaAnswer, claimed: Claimed): Promise<void> {
  if (answer.kind === 'token') {
    let ok = false;
    try {
      ok = await env.settings.verifyToken(answer.provider, answer.token);
    } catch {
      ok = false;
    }
    if (!ok) throw captchaInvalid();
    return;
  }
  const record = claimed.record;
  if (!record || record.expiresAt <= env.clock.now()) {
    throw new HttpError(410, 'captcha_expired', 'The captcha has expired. Try the new one.', { field: 'captcha' });
  }
  const right = record.kind === 'image'
    ? answer.kind === 'image' && normalizeCaptchaAnswer(answer.answer) === record.answer
    : answer.kind === 'pow' && (await checkPuzzle(record, answer.answer));
  if (!right) throw captchaInvalid();
}

function captchaInvalid(): HttpError {
  return new HttpError(400, 'captcha_invalid', 'The captcha answer is not correct.', { field: 'captcha' });
}

/** The characters of a live image challenge: for the test server only, never over a public route. */
export async function peekImageAnswer(store: Store, captchaId: string): Promise<string | undefined> {
  const record = await store.get<CaptchaRecord>('captcha', captchaId);
  return record?.kind === 'image' ? record.answer : undefined;
}

/** The puzzle of a live pow challenge: for the test server only. */
export async function peekPuzzle(store: Store, captchaId: string): Promise<PowPuzzle | undefined> {
  const record = await store.get<CaptchaRecord>('captcha', captchaId);
  return record?.kind === 'pow' ? { salt: record.salt, challenge: record.challenge, maxNumber: record.maxNumber } : undefined;
}
