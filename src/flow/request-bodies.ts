/**
 * The bodies of the two requests that carry what the user typed (CONTRACT.md
 * `POST /verification-codes` and `POST /accounts`), from the form's values.
 * Pure: the secrets (captcha answer, code) and the E.164 number are passed in.
 */
import type { CaptchaAnswer, CreateAccountRequest, SendCodeRequest } from '../contract.ts';
import { normalizeUsername } from '../rules.ts';
import type { Values } from '../form/form-values.ts';
import type { PendingCode } from './state-machine.ts';

/** `null` when the phone way is chosen and no valid number was read. */
export function sendCodeBody(
  values: Values,
  extra: { captcha: CaptchaAnswer | null; phone: string | null; locale: string },
): SendCodeRequest | null {
  const base = {
    username: normalizeUsername(values.username),
    country: values.country ?? '',
    locale: extra.locale,
    ...(extra.captcha ? { captcha: extra.captcha } : {}),
  };
  if (values.channel === 'email') return { ...base, channel: 'email', email: values.email.trim() };
  return extra.phone ? { ...base, channel: 'sms', phone: extra.phone } : null;
}

/** The account for the code request `pending`, by the way that request was made. */
export function createAccountBody(
  values: Values,
  pending: PendingCode,
  extra: { code: string; phone: string | null; locale: string },
): CreateAccountRequest {
  const base = {
    requestId: pending.requestId, code: extra.code, username: normalizeUsername(values.username),
    password: values.password, country: values.country ?? '', termsAccepted: true as const,
    locale: extra.locale,
  };
  return pending.channel === 'email'
    ? { ...base, channel: 'email', email: values.email.trim() }
    : { ...base, channel: 'sms', phone: extra.phone ?? '' };
}
