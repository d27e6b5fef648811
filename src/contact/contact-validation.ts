/**
 * The contact toggle's own format checks that need no library, as the messages it
 * shows next to a field: the email rule, and that a phone number needs a country. An
 * empty string means the value passes. The rules themselves are the contract's
 * (src/rules.ts); what is wrong with a phone number typed for a country is said in the
 * lazy phone chunk (phone-messages.ts); the server's verdicts (taken, refused) come
 * from the root as `errors`.
 */
import { msg } from '@lit/localize';
import { RULES } from '../rules.ts';

/** What is wrong with an email address (trimmed first), or `''`. */
export function emailError(value: string): string {
  const email = value.trim();
  if (!email) return msg('Enter an email address', { desc: 'Email field is empty' });
  if (email.length > RULES.emailMax || !RULES.emailPattern.test(email)) {
    return msg('Enter a valid email address, like name@example.com', { desc: 'Email is not a valid address' });
  }
  return '';
}

/** The phone field's message while no country is chosen: no number can be checked, typed or not. */
export const needsCountryError = () =>
  msg('Select a country first', { id: 'phone-needs-country-error', desc: 'A phone number needs the country chosen first' });
