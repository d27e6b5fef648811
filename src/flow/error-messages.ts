/**
 * The widget's own localized text for every error code of CONTRACT.md, and the
 * server's `message` (as plain text) for codes it does not know.
 */
import { msg, str } from '@lit/localize';
import type { FlowError } from './flow-error.ts';
import { formatSeconds } from '../internal/durations.ts';
import { networkText, offlineText } from './connection-messages.ts';

export function errorText(error: FlowError): string {
  if (error.offline) return offlineText();
  switch (error.code) {
    case 'invalid_field':
      return fieldInvalidText(error.field);
    case 'captcha_invalid':
      return msg('The characters do not match the picture. Try this new one.', {
        desc: 'Server refused the image verification code; a new picture is shown',
      });
    case 'captcha_expired':
      return msg('The picture expired. Type the characters of this new one.', {
        desc: 'The captcha challenge expired; a new one was loaded',
      });
    case 'username_taken':
      return msg('This user name is already taken. Choose another.', { desc: 'User Name exists' });
    case 'email_taken':
      return msg('An account with this email address already exists.', { desc: 'Email already registered' });
    case 'phone_taken':
      return msg('An account with this mobile phone number already exists.', {
        desc: 'Mobile Phone Number already registered',
      });
    case 'rate_limited':
      return msg('Too many attempts. Please wait a moment, then try again.', {
        desc: 'Server rate limit; a countdown is shown next to it',
      });
    case 'code_invalid':
      return msg('That code is not correct.', { desc: 'Wrong verification code' });
    case 'code_expired':
      return msg('This code has expired. Send a new one.', { desc: 'Verification code expired' });
    case 'too_many_attempts':
      return msg('Too many wrong codes. Press Next to get a new code.', {
        desc: 'Verification request blocked after too many wrong codes',
      });
    case 'request_expired':
      return msg('This request has expired. Check your details and press Next again.', {
        desc: 'The verification request is gone; the user starts again from the form',
      });
    case 'password_weak':
      return msg('This password is too easy to guess. Choose a stronger one.', {
        desc: 'Server refused the password as weak or common',
      });
    case 'network':
      return networkText();
    case 'timeout':
      return msg('The server took too long to answer. Try again.', { desc: 'Request timed out' });
    case 'bad_response':
      return msg('The server sent an answer we could not read. Try again later.', {
        desc: 'Server response was not valid',
      });
    default:
      // An unknown code: the server's own words, rendered as text, never as HTML; our
      // own when they show nothing (only spaces, control or zero-width characters).
      return /[^\s\p{C}]/u.test(error.message) ? error.message : msg('Something went wrong. Try again.', { desc: 'Unknown error' });
  }
}

function fieldInvalidText(field: string | undefined): string {
  switch (field) {
    case 'username':
      return msg('The server did not accept this user name.', { desc: 'invalid_field on User Name' });
    case 'password':
      return msg('The server did not accept this password.', { desc: 'invalid_field on Password' });
    case 'email':
      return msg('The server did not accept this email address.', { desc: 'invalid_field on Email' });
    case 'phone':
      return msg('The server did not accept this mobile phone number.', {
        desc: 'invalid_field on Mobile Phone Number',
      });
    case 'country':
      return msg('The server did not accept this country or region.', { desc: 'invalid_field on Country' });
    case 'code':
      return msg('That code is not in the right form.', { desc: 'invalid_field on the verification code' });
    default:
      return msg('The server did not accept the form. Check your details and try again.', {
        desc: 'invalid_field on a field the form does not show',
      });
  }
}

/**
 * The countdown after a rate limit, until the button that was refused (Next, or OK in
 * the code pop-up) can be pressed again: "Try again in 42 seconds."
 */
export function tryAgainText(seconds: number, locale: string): string {
  return msg(str`Try again in ${formatSeconds(seconds, locale)}.`, {
    desc: 'Rate-limit countdown; when it ends the user can press the button (Next, or OK in the code pop-up) again',
  });
}

/** The countdown under the refused Next after a rate limit: "Next is available again in 42 seconds." */
export function nextWaitText(seconds: number, locale: string): string {
  return msg(str`Next is available again in ${formatSeconds(seconds, locale)}.`, {
    desc: 'Countdown under the disabled Next button',
  });
}
