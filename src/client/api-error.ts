import type { ClientErrorCode, ErrorCode } from '../contract.ts';

/**
 * Every code an {@link ApiError} can carry: the contract's server codes, any code a
 * server invents, the client-side `network` / `timeout` / `bad_response`, and
 * `aborted` for a request the caller cancelled through its own `AbortSignal`.
 * That cancellation is never a failure to show to a user (the caller asked for it);
 * it is a {@link ClientError}, so a server's code `aborted` is not mistaken for it.
 */
export type ApiErrorCode = ErrorCode | 'aborted';

/** What an {@link ApiError} carries besides its code and message. */
export interface ApiErrorDetails {
  /** The request field the error is about (`username`, `captcha`, …), as the server named it. */
  field?: string;
  /** Seconds to wait before trying again (from the body, else from `Retry-After`). */
  retryAfter?: number;
  /** Code attempts left (`code_invalid`). */
  attemptsLeft?: number;
  /** HTTP status of the response, when there was one. */
  status?: number;
}

/**
 * The only thing the API client ever throws. `message` is the server's text for
 * server errors (plain text, never HTML) and an English fallback for client-side
 * codes: the widget localizes by `code` and shows `message` only for codes it does
 * not know.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;
  readonly retryAfter?: number;
  readonly attemptsLeft?: number;
  readonly status?: number;

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    // Only defined keys, so that `{ ...error }` and deep-equal checks stay clean.
    if (details.field !== undefined) this.field = details.field;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    if (details.attemptsLeft !== undefined) this.attemptsLeft = details.attemptsLeft;
    if (details.status !== undefined) this.status = details.status;
  }
}

/** English fallbacks for the codes the client produces itself. */
const FALLBACK: Record<ClientErrorCode | 'aborted', string> = {
  network: 'The server could not be reached. Check the connection and try again.',
  timeout: 'The server did not answer in time. Try again.',
  bad_response: 'The server sent an answer that could not be understood.',
  aborted: 'The request was cancelled.',
};

/**
 * An error the client made itself (`network`, `timeout`, `bad_response`,
 * `aborted`), never one a server sent: a server's `code` may be any string, so the
 * widget tells its own states apart by class, not by code.
 */
export class ClientError extends ApiError {}

/** A client-side error with its English fallback message. */
export function clientError(code: ClientErrorCode | 'aborted', status?: number): ClientError {
  return new ClientError(code, FALLBACK[code], status === undefined ? {} : { status });
}

/** Whether `e` is the caller's own cancellation (never a server's error, whatever its code). */
export const isCancelled = (e: unknown): boolean => e instanceof ClientError && e.code === 'aborted';
