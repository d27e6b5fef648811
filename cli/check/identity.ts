// The people the kit signs up: generated names and addresses, never a real person's.
import { randomBytes } from 'node:crypto';
import type { Options } from './args.ts';

export interface Identity {
  username: string;
  country: string;
  channel: 'email' | 'sms';
  /** The email address or E.164 number the code goes to. */
  destination: string;
  password: string;
}

/** Lower-case letters and digits, `length` of them. */
export function token(length = 8): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function identity(options: Pick<Options, 'channel' | 'emailTemplate'>, channel = options.channel): Identity {
  const id = token();
  return {
    username: `hikchk${id}`,
    country: 'GB',
    channel,
    // UK numbers +44 7700 900000..900999 are reserved for fiction: nobody gets these texts.
    destination: channel === 'email'
      ? options.emailTemplate.replace('{id}', id)
      : `+447700900${String(randomBytes(2).readUInt16BE() % 1000).padStart(3, '0')}`,
    password: `Hk-${token(6)}-Q7z`,
  };
}

/** The contact fields of a request body for this identity. */
export function contact(who: Identity): Record<string, string> {
  return who.channel === 'email'
    ? { channel: 'email', email: who.destination }
    : { channel: 'sms', phone: who.destination };
}

/** A send-code body for `who` (without `captcha`). */
export function sendBody(who: Identity): Record<string, unknown> {
  return { username: who.username, country: who.country, ...contact(who), locale: 'en' };
}

/** A create-account body for `who`. */
export function createBody(who: Identity, requestId: string, code: string): Record<string, unknown> {
  return { requestId, code, username: who.username, password: who.password, country: who.country, ...contact(who), termsAccepted: true, locale: 'en' };
}
