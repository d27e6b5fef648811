/**
 * The registration flow as one explicit state machine: pure, no DOM, no I/O.
 * `<hik-register>` feeds it events and performs the effects its states call for.
 *
 *   form ──send──▶ sending ──sent──▶ code ──create──▶ creating ──created──▶ done
 *     ▲               │                │  ▲              │
 *     └──── failed ───┘                │  └── failed ────┤ (code errors stay in code)
 *     └──────────── back to form ◀─────┴─────────────────┘ (form errors, too many attempts)
 */
import type { AccountCreated, CodeSent } from '../contract.ts';

/** An error from a request, already sorted to where it is shown. */
export interface FlowError {
  code: string;
  message: string;
  field?: string;
  retryAfter?: number;
  attemptsLeft?: number;
}

/** A code request the server accepted, with absolute deadlines. */
export interface PendingCode extends CodeSent {
  /** Epoch ms when the code expires. */
  expiresAt: number;
  /** Epoch ms when Resend becomes available. */
  resendAt: number;
}

export type FlowState =
  | { step: 'form'; busy: boolean; error: FlowError | null; pending: PendingCode | null; cooldownUntil: number }
  | { step: 'code'; busy: boolean; error: FlowError | null; pending: PendingCode; expired: boolean; cooldownUntil: number }
  | { step: 'done'; account: AccountCreated };

export type FlowEvent =
  | { type: 'send' }
  | { type: 'sent'; sent: CodeSent; now: number }
  | { type: 'reopen' }
  | { type: 'create' }
  | { type: 'resend' }
  | { type: 'created'; account: AccountCreated }
  | { type: 'failed'; error: FlowError; now: number }
  | { type: 'expired' }
  | { type: 'cancel' }
  | { type: 'forget' }
  | { type: 'restore'; pending: PendingCode; now: number };

export const initialState: FlowState = {
  step: 'form', busy: false, error: null, pending: null, cooldownUntil: 0,
};

/** Errors of `POST /accounts` that are shown in the code pop-up; all others go back to the form. */
const CODE_ERRORS = new Set(['code_invalid', 'code_expired', 'network', 'timeout', 'bad_response', 'rate_limited']);

export function pendingFrom(sent: CodeSent, now: number): PendingCode {
  return { ...sent, expiresAt: now + sent.expiresIn * 1000, resendAt: now + sent.resendAfter * 1000 };
}

function cooldown(error: FlowError, now: number): number {
  return error.retryAfter ? now + error.retryAfter * 1000 : 0;
}

export function transition(state: FlowState, event: FlowEvent): FlowState {
  if (state.step === 'done') return state;
  switch (event.type) {
    case 'send':
    case 'create':
    case 'resend':
      // Never a second request while one is in flight.
      if (state.busy) return state;
      if (event.type === 'send' && state.step !== 'form') return state;
      if (event.type !== 'send' && state.step !== 'code') return state;
      return { ...state, busy: true, error: null };
    case 'sent': {
      const pending = pendingFrom(event.sent, event.now);
      return { step: 'code', busy: false, error: null, pending, expired: false, cooldownUntil: 0 };
    }
    case 'reopen':
      // password_weak: the same request and code stay valid, no new code is sent.
      if (state.step !== 'form' || !state.pending) return state;
      return { step: 'code', busy: false, error: null, pending: state.pending, expired: false, cooldownUntil: 0 };
    case 'created':
      return { step: 'done', account: event.account };
    case 'expired':
      return state.step === 'code' ? { ...state, expired: true } : state;
    case 'cancel':
      // Closing the pop-up keeps the request: Next reopens it while nothing it is bound to changes.
      return state.step === 'code'
        ? { step: 'form', busy: false, error: null, pending: state.pending, cooldownUntil: 0 }
        : state;
    case 'forget':
      // A field the code is bound to changed: the next Next sends a new code.
      return state.step === 'form' ? { ...state, pending: null } : state;
    case 'restore':
      return { step: 'code', busy: false, error: null, pending: event.pending, expired: event.pending.expiresAt <= event.now, cooldownUntil: 0 };
    case 'failed':
      return failed(state, event.error, event.now);
  }
}

function failed(state: Exclude<FlowState, { step: 'done' }>, error: FlowError, now: number): FlowState {
  const until = cooldown(error, now);
  if (state.step === 'form') {
    return { ...state, busy: false, error, cooldownUntil: until };
  }
  switch (error.code) {
    case 'code_expired':
      return { ...state, busy: false, error, expired: true };
    case 'request_expired':
      // The request is gone: back to the form, without it.
      return { step: 'form', busy: false, error, pending: null, cooldownUntil: 0 };
    case 'too_many_attempts':
      return { step: 'form', busy: false, error, pending: null, cooldownUntil: until };
    case 'password_weak':
      // The request and its code stay valid: Next reopens the pop-up for it.
      return { step: 'form', busy: false, error, pending: state.pending, cooldownUntil: 0 };
    default:
      if (CODE_ERRORS.has(error.code) || error.field === 'code') {
        return { ...state, busy: false, error, cooldownUntil: until };
      }
      // A form field is wrong (user name taken, invalid field…): fix it on the form.
      // The code is bound to those fields, so a new one will be needed.
      return { step: 'form', busy: false, error, pending: null, cooldownUntil: 0 };
  }
}
