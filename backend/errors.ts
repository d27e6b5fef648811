import type { Field, ServerErrorCode } from '../src/contract.ts';

/** Codes outside the contract's table, for transport-level failures. */
export type TransportErrorCode =
  | 'not_found'
  | 'method_not_allowed'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal_error';

export interface ErrorDetails {
  field?: Field | string;
  retryAfter?: number;
  attemptsLeft?: number;
  headers?: Record<string, string>;
}

/**
 * A refusal with its status and contract error body. Handlers throw it; `handle()`
 * turns it into a response, so a refusal can come from any depth without plumbing.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ServerErrorCode | TransportErrorCode;
  readonly details: ErrorDetails;

  constructor(status: number, code: ServerErrorCode | TransportErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  toBody(): { error: Record<string, unknown> } {
    const { field, retryAfter, attemptsLeft } = this.details;
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (field !== undefined) error.field = field;
    if (retryAfter !== undefined) error.retryAfter = retryAfter;
    if (attemptsLeft !== undefined) error.attemptsLeft = attemptsLeft;
    return { error };
  }
}

export function rateLimited(retryAfter: number, message = 'Too many requests. Try again later.'): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfter));
  return new HttpError(429, 'rate_limited', message, {
    retryAfter: seconds,
    headers: { 'Retry-After': String(seconds) },
  });
}

export function invalidField(field: string | undefined, message: string): HttpError {
  return new HttpError(422, 'invalid_field', message, field === undefined ? {} : { field });
}
