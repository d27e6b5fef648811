/**
 * The contact toggle's own format checks, as the messages it shows next to a field:
 * the email rule, and what a phone check's result (phone.ts) says. An empty string
 * means the value passes. The rules themselves are the contract's (src/rules.ts);
 * the server's verdicts (taken, refused) come from the root as `errors`.
 */
import { msg, str } from '@lit/localize';
import { RULES } from '../rules.ts';
import { getLocale } from '../i18n/localization.ts';
import { regionName } from '../i18n/display-names.ts';
import type { PhoneCheck } from './phone.ts';

/** What is wrong with an email address (trimmed first), or `''`. */
export function emailError(value: string): string {
  const email = value.trim();
  if (!email) return msg('Enter an email address', { desc: 'Email field is empty' });
  if (email.length > RULES.emailMax || !RULES.emailPattern.test(email)) {
    return msg('Enter a valid email address, like name@example.com', { desc: 'Email is not a valid address' });
  }
  return '';
}

/**
 * The message for a phone check's result, naming the country (ISO alpha-2) as the
 * Country button does. Without a country no number can be checked, typed or not:
 * choosing one is the next step.
 */
export function phoneMessage(check: PhoneCheck, country: string | null): string {
  if (!country) return msg('Select a country first', { id: 'phone-needs-country-error', desc: 'A phone number needs the country chosen first' });
  const name = regionName(country, getLocale());
  switch (check) {
    case 'ok': return '';
    case 'empty': return msg('Enter a mobile phone number', { desc: 'Mobile Phone Number field is empty' });
    case 'too_short': return msg(str`This number is too short for ${name}`, { desc: 'Phone number too short; the value is a country name' });
    case 'too_long': return msg(str`This number is too long for ${name}`, { desc: 'Phone number too long; the value is a country name' });
    case 'invalid': return msg(str`Enter a valid mobile phone number for ${name}`, { desc: 'Phone number not a valid mobile number; the value is a country name' });
  }
}
