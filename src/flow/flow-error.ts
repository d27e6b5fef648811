/**
 * The error the flow keeps of a failed request, and what the first module needs of it:
 * whether "Try again" may repeat the action, and the public event. Where an
 * error is shown is `error-routing.ts`, loaded with the requests.
 */
import { ApiError, clientError, isCancelled } from '../client/api-error.ts';
import { emit } from '../events.ts';

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

/** Failures of the connection or the server, where the same action may simply be tried again. */
export const RETRYABLE = new Set(['network', 'timeout', 'bad_response']);

/** Whether the error is one that "Try again" may repeat the same action for. */
export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code);
}

/**
 * Tells the page of a failed request: `hik-register-error` with the code, the message and
 * the field the server named, for every error of a request (CONTRACT.md).
 */
export function reportError(host: EventTarget, { code, message, field }: FlowError): void {
  emit(host, 'hik-register-error', { code, message, ...(field ? { field } : {}) });
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
