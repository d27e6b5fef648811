/**
 * What the phone field says about a number typed for a country, as the message shown
 * next to it: a phone check's result (phone-lib.ts) in words, naming the country as the
 * Country button does. An empty string means the number passes. Loaded with the phone
 * library, in its lazy chunk: only the phone way needs it. Without a country no number
 * can be checked; that message is the toggle's own (contact-validation.ts), since it
 * needs no library.
 */
import { msg, str } from '@lit/localize';
import { getLocale } from '../i18n/localization.ts';
import { regionName } from '../i18n/display-names.ts';

/** Outcome of checking a number typed for a country (the tools' `validate`, phone-lib.ts). */
export type PhoneCheck = 'ok' | 'empty' | 'too_short' | 'too_long' | 'invalid';

/** The message for a phone check's result in a field of `country` (ISO alpha-2). */
export function phoneMessage(check: PhoneCheck, country: string): string {
  const name = regionName(country, getLocale());
  switch (check) {
    case 'ok': return '';
    case 'empty': return msg('Enter a mobile phone number', { desc: 'Mobile Phone Number field is empty' });
    case 'too_short': return msg(str`This number is too short for ${name}`, { desc: 'Phone number too short; the value is a country name' });
    case 'too_long': return msg(str`This number is too long for ${name}`, { desc: 'Phone number too long; the value is a country name' });
    case 'invalid': return msg(str`Enter a valid mobile phone number for ${name}`, { desc: 'Phone number not a valid mobile number; the value is a country name' });
  }
}
