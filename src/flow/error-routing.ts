/**
 * Where each error of a request is shown (CONTRACT.md "Errors"): next to a field of
 * the form, in the alert above Next, or in the code pop-up. Pure: no DOM, no text.
 * The error itself (`FlowError`, `toFlowError`) is `flow-error.ts`.
 */
import type { FieldName } from '../form/form-values.ts';
import { RETRYABLE } from './flow-error.ts';

export { isRetryable, toFlowError, type FlowError } from './flow-error.ts';

/** A field of the form, the form's alert, or the code pop-up. */
export type ErrorRoute = FieldName | 'form' | 'code';

/** The part of an error the route depends on. */
export interface RoutedError { code: string; field?: string }

/** Errors of `POST /accounts` and resend that the code pop-up shows; all others go back to the form. */
const CODE_ERRORS = new Set(['code_invalid', 'code_expired', 'rate_limited', ...RETRYABLE]);

/** Errors from the code pop-up that end it even when they name the `code` field. */
const ENDS_CODE_STEP = new Set(['request_expired', 'too_many_attempts', 'password_weak']);

/** Errors about the whole form: never shown by one field, whatever `field` says. */
const FORM_LEVEL = new Set(['rate_limited', 'too_many_attempts', 'request_expired', ...RETRYABLE]);

/** Codes that always belong to one field. */
const FIELD_OF_CODE = new Map<string, FieldName>([
  ['captcha_invalid', 'captcha'], ['captcha_expired', 'captcha'], ['username_taken', 'username'],
  ['email_taken', 'email'], ['phone_taken', 'phone'], ['password_weak', 'password'],
]);

/** The contract's `error.field` names, as the form's fields. A Map: a server's string never reads an inherited property. */
const FIELD_OF_NAME = new Map<string, FieldName>([
  ['username', 'username'], ['password', 'password'], ['country', 'country'], ['email', 'email'],
  ['phone', 'phone'], ['captcha', 'captcha'], ['termsAccepted', 'terms'],
]);

/**
 * Where `error` is shown, for a request made from `step`. `shown` says whether a
 * field is on screen (not the captcha with `captcha="none"`, not Email while the
 * phone way is chosen): an error for a field that is not is shown by the form's alert.
 */
export function routeError(error: RoutedError, step: 'form' | 'code', shown: (field: FieldName) => boolean): ErrorRoute {
  if (step === 'code') {
    if (CODE_ERRORS.has(error.code)) return 'code';
    if (error.field === 'code' && !ENDS_CODE_STEP.has(error.code)) return 'code';
  }
  if (FORM_LEVEL.has(error.code)) return 'form';
  const field = FIELD_OF_CODE.get(error.code) ?? (error.field === undefined ? undefined : FIELD_OF_NAME.get(error.field));
  return field && shown(field) ? field : 'form';
}
