/**
 * The form's own field rules (CONTRACT.md "Field rules") with localized messages.
 * Messages are the project's own, never zod's.
 */
import { msg, str } from '@lit/localize';
import { RULES, normalizeUsername, usernameProblem } from '../rules.ts';
import type { FieldName, Values } from './form-values.ts';

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function charCount(s: string): number {
  return [...s].length;
}

export function usernameError(raw: string): string {
  switch (usernameProblem(raw)) {
    case 'empty': return msg('Enter a user name.', { desc: 'User Name field is empty' });
    case 'length':
      return msg(str`Use ${RULES.usernameMin} to ${RULES.usernameMax} characters.`, {
        desc: 'User Name has the wrong length; numbers are the limits',
      });
    case 'start':
      return msg('Start the user name with a letter.', { desc: 'User Name must start with a letter' });
    case 'characters':
      return msg('Use only letters, digits, and _ - . in the user name.', {
        desc: 'User Name contains characters that are not allowed',
      });
    case null: return '';
  }
}

export function passwordError(
  password: string,
  username: string,
  min: number = RULES.passwordMin,
  max: number = RULES.passwordMax,
): string {
  if (!password) return msg('Enter a password.', { desc: 'Password field is empty' });
  const n = charCount(password);
  if (n < min) return msg(str`Use at least ${min} characters.`, { desc: 'Password too short' });
  if (n > max) return msg(str`Use at most ${max} characters.`, { desc: 'Password too long' });
  const name = normalizeUsername(username);
  if (name && password.toLowerCase() === name.toLowerCase()) {
    return msg('The password must not be the same as the user name.', {
      desc: 'Password equals the User Name',
    });
  }
  return '';
}

export function confirmError(password: string, confirm: string): string {
  if (!confirm) return msg('Enter the password again.', { desc: 'Confirm Password field is empty' });
  if (confirm !== password) {
    return msg('The passwords do not match.', { desc: 'Confirm Password differs from Password' });
  }
  return '';
}

export function countryError(country: string | null): string {
  return country ? '' : msg('Select your country or region.', { desc: 'No Country chosen yet' });
}

export function termsError(accepted: boolean): string {
  return accepted
    ? ''
    : msg('Read and agree to the Terms of Service to continue.', {
        desc: 'Terms of Service checkbox not ticked',
      });
}

export function captchaError(answer: string, required: boolean): string {
  if (!required || answer) return '';
  return msg('Type the characters shown in the picture.', { desc: 'Verification Code field is empty' });
}

/** The message for one field of the form by its own rules (`''`: valid). Email, phone and captcha are checked by their elements. */
export function fieldError(field: FieldName, values: Values): string {
  switch (field) {
    case 'username': return usernameError(values.username);
    case 'password': return passwordError(values.password, values.username);
    case 'confirm': return confirmError(values.password, values.confirm);
    case 'country': return countryError(values.country);
    case 'terms': return termsError(values.termsAccepted);
    default: return '';
  }
}
