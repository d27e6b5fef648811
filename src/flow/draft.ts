/**
 * What the user typed, kept in sessionStorage per endpoint so that a reload, a
 * closed dialog or a server error loses nothing. Never holds a secret: no
 * password, no captcha answer, no verification code (CONTRACT.md).
 */
import type { Channel } from '../contract.ts';
import { RULES } from '../rules.ts';
import type { Config } from '../attributes.ts';
import { emptyValues, type Values } from '../form/form-values.ts';
import type { PendingCode } from './state-machine.ts';

export interface Draft {
  username: string;
  country: string | null;
  channel: Channel;
  email: string;
  phone: string;
  termsAccepted: boolean;
  /** An accepted code request (id, masked destination, deadlines): not a secret. */
  pending: PendingCode | null;
}

const PREFIX = 'hik-register:draft:';

function storage(): Storage | null {
  try {
    // Access itself throws where storage is disabled (sandboxed iframes, some privacy modes).
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

const str = (v: unknown, max = 300): string => (typeof v === 'string' ? v.slice(0, max) : '');
const isChannel = (v: unknown): v is Channel => v === 'email' || v === 'sms';
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** The contract's bound on `expiresIn` and `resendAfter` (a year). */
const MAX_SECONDS = 86_400 * 365;

/**
 * A stored code request, only if it is one the server could have sent (CONTRACT.md
 * `CodeSent`) with finite deadlines; the same checks as the schema, without loading zod.
 */
function pendingOf(p: unknown): PendingCode | null {
  if (!isRecord(p)) return null;
  const { requestId, channel, destination, codeLength, expiresIn, resendAfter, expiresAt, resendAt } = p;
  if (typeof requestId !== 'string' || !RULES.idPattern.test(requestId) || !isChannel(channel)) return null;
  if (typeof destination !== 'string' || destination.length < 1 || destination.length > 300) return null;
  if (!isInt(codeLength, RULES.codeMin, RULES.codeMax) || !isInt(expiresIn, 0, MAX_SECONDS) || !isInt(resendAfter, 0, MAX_SECONDS)) return null;
  if (!isTime(expiresAt) || !isTime(resendAt)) return null;
  return { requestId, channel, destination, codeLength, expiresIn, resendAfter, expiresAt, resendAt };
}

/** Reads a draft back, taking only well-formed values: storage is not trusted either. */
export function loadDraft(endpoint: string): Partial<Draft> {
  let data: unknown;
  try {
    const raw = storage()?.getItem(PREFIX + endpoint);
    if (!raw) return {};
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const draft: Partial<Draft> = {
    username: str(data.username, 64),
    email: str(data.email),
    phone: str(data.phone, 40),
    termsAccepted: data.termsAccepted === true,
  };
  if (typeof data.country === 'string' && RULES.countryPattern.test(data.country)) draft.country = data.country;
  if (isChannel(data.channel)) draft.channel = data.channel;
  const pending = pendingOf(data.pending);
  if (pending) draft.pending = pending;
  return draft;
}

/** Keeps the draft; only its own fields are written, whatever else the object holds. */
export function saveDraft(endpoint: string, draft: Draft): void {
  const { username, country, channel, email, phone, termsAccepted } = draft;
  const pending = draft.pending && pendingOf(draft.pending);
  try {
    storage()?.setItem(PREFIX + endpoint, JSON.stringify({ username, country, channel, email, phone, termsAccepted, pending }));
  } catch {
    // Quota or privacy mode: keeping the draft is a convenience, not a requirement.
  }
}

export function clearDraft(endpoint: string): void {
  try {
    storage()?.removeItem(PREFIX + endpoint);
  } catch {
    // As above.
  }
}

/** The form's values from a draft, where the configuration still allows them. */
export function valuesFromDraft(draft: Partial<Draft>, config: Config): Values {
  const channel = draft.channel && config.channels.includes(draft.channel) ? draft.channel : config.channel;
  let country = draft.country ?? config.country;
  if (country && config.countries && !config.countries.includes(country)) country = null;
  return {
    ...emptyValues,
    username: draft.username ?? '', email: draft.email ?? '', phone: draft.phone ?? '',
    termsAccepted: draft.termsAccepted ?? false, country, channel,
  };
}
