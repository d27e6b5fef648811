/**
 * What the user typed, kept in sessionStorage per endpoint so that a reload, a
 * closed dialog or a server error loses nothing. Never holds a secret: no
 * password, no captcha answer, no verification code (CONTRACT.md).
 */
import type { Channel } from '../contract.ts';
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

/** Reads a draft back, taking only well-formed values: storage is not trusted either. */
export function loadDraft(endpoint: string): Partial<Draft> {
  const raw = storage()?.getItem(PREFIX + endpoint);
  if (!raw) return {};
  let data: unknown;
  try {
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
  if (typeof data.country === 'string' && /^[A-Z]{2}$/.test(data.country)) draft.country = data.country;
  if (data.channel === 'email' || data.channel === 'sms') draft.channel = data.channel;
  const p = data.pending;
  if (
    isRecord(p) && typeof p.requestId === 'string' && (p.channel === 'email' || p.channel === 'sms') &&
    typeof p.destination === 'string' && typeof p.codeLength === 'number' &&
    typeof p.expiresAt === 'number' && typeof p.resendAt === 'number' &&
    typeof p.expiresIn === 'number' && typeof p.resendAfter === 'number'
  ) {
    draft.pending = {
      requestId: p.requestId, channel: p.channel, destination: p.destination, codeLength: p.codeLength,
      expiresIn: p.expiresIn, resendAfter: p.resendAfter, expiresAt: p.expiresAt, resendAt: p.resendAt,
    };
  }
  return draft;
}

export function saveDraft(endpoint: string, draft: Draft): void {
  try {
    storage()?.setItem(PREFIX + endpoint, JSON.stringify(draft));
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
