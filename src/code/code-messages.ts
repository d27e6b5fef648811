/**
 * User-facing text of the code pop-up, kept apart from its logic. Call these while
 * rendering a `@localized()` element so that they follow the active language.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Channel } from '../contract.ts';
import { formatDuration, formatSeconds } from '../internal/durations.ts';

/** What the live status line says: nothing, the code expired, or a new one was sent. */
export type CodeStatus = '' | 'expired' | 'resent';

/** Where the code went; the masked destination is kept left to right. */
export function sentText(channel: Channel, destination: string): TemplateResult | string {
  const dest = html`<bdi dir="ltr">${destination}</bdi>`;
  return channel === 'sms'
    ? msg(html`We sent a verification code by text message to ${dest}.`, {
        desc: 'Code pop-up; the phone number is masked, like +44 77** ***123',
      })
    : msg(html`We sent a verification code to ${dest}.`, {
        desc: 'Code pop-up; the email address is masked, like a***@example.com',
      });
}

/** The time left before the code expires. */
export function expiryText(seconds: number, locale: string): string {
  return msg(str`The code expires in ${formatDuration(seconds, locale)}.`, {
    desc: 'Time left, like "9 minutes, 41 seconds"',
  });
}

/** The Resend button's name, with the wait while there is one. */
export function resendText(wait: number, locale: string): string {
  return wait > 0
    ? msg(str`Resend code in ${formatSeconds(wait, locale)}`, {
        desc: 'Resend button while waiting; must begin with the word for Resend',
      })
    : msg('Resend code', { desc: 'Button that sends a new code' });
}

/**
 * Attempts left after a wrong code, in the locale's plural form. Every CLDR
 * category has its own message, so that languages with more forms than English
 * (Arabic has six) can say each one right; English uses "one" and "other".
 */
export function attemptsText(count: number, locale: string): string {
  const n = new Intl.NumberFormat(locale).format(count);
  switch (new Intl.PluralRules(locale).select(count)) {
    case 'zero':
      return msg(str`${n} attempts left`, { id: 'attempts-left-zero', desc: 'Wrong code; plural category "zero" (e.g. Arabic for 0)' });
    case 'one':
      return msg(str`${n} attempt left`, { id: 'attempts-left-one', desc: 'Wrong code; plural category "one"' });
    case 'two':
      return msg(str`${n} attempts left`, { id: 'attempts-left-two', desc: 'Wrong code; plural category "two" (e.g. Arabic, Hebrew for 2)' });
    case 'few':
      return msg(str`${n} attempts left`, { id: 'attempts-left-few', desc: 'Wrong code; plural category "few" (e.g. Russian, Polish, Czech, Arabic)' });
    case 'many':
      return msg(str`${n} attempts left`, { id: 'attempts-left-many', desc: 'Wrong code; plural category "many" (e.g. Russian, Polish, Arabic)' });
    default:
      return msg(str`${n} attempts left`, { id: 'attempts-left-other', desc: 'Wrong code; plural category "other"' });
  }
}

/** The announcement for a status. */
export function statusText(status: CodeStatus): string {
  if (status === 'expired') {
    return msg('The code has expired. Use Resend code to get a new one.', {
      desc: 'Announced when the code expires',
    });
  }
  if (status === 'resent') {
    return msg('A new code has been sent.', { desc: 'Announced after Resend' });
  }
  return '';
}
