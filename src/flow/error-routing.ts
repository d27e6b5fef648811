/**
 * Where each error of a request is shown (CONTRACT.md "Errors"): next to a field of
 * the form, in the alert above Next, or in the code pop-up. Pure: no DOM, no text.
 * `toFlowError` turns whatever a request threw into the error the flow keeps.
 */
import { ApiError, clientError, isCancelled } from '../client/api-error.ts';
import type { FieldName } from '../form/form-values.ts';

/** An error from a request, as the client reported it. */
export interface FlowError {
  code: string;
  message: string;
  field?: string;
  retryAfter?: number;
  attemptsLeft?: number;
  /** Set by the flow, never by a server: the browser was offline, and this (Next, OK, Resend) runs again when it is back. */
  offline?: 'submit' | 'submitCode' | 'resend';
}

/** A field of the form, the form's alert, or the code pop-up. */
export type ErrorRoute = FieldName | 'form' | 'code';

/** The part of an error the route depends on. */
export interface RoutedError { code: string; field?: string }

/** Failures of the connection or the server, where the same action may simply be tried again. */
const RETRYABLE = new Set(['network', 'timeout', 'bad_response']);

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

/** Whether the error is one that "Try again" may repeat the same action for. */
export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code);
}

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

/** The `hik-register-error` detail of an error: code, message and the field the server named. */
export function errorDetail({ code, message, field }: FlowError): { code: string; message: string; field?: string } {
  return { code, message, ...(field ? { field } : {}) };
}

/** What the flow keeps of a failure; `null` for the widget's own cancellation. */
export function toFlowError(e: unknown): FlowError | null {
  if (isCancelled(e)) return null;
  const err = e instanceof ApiError ? e : clientError('bad_response');
  return {
    code: err.code, message: err.message,
    ...(err.field !== undefined ? { field: err.field } : {}),
    ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
    ...(err.attemptsLeft !== undefined ? { attemptsLeft: err.attemptsLeft } : {}),
  };
}
