/**
 * The registration flow as one explicit state machine: pure, no DOM, no I/O. The
 * whole of the flow's state is one `FlowState` object: the step, what is in flight,
 * the error shown at the form or in the code pop-up, and every wait. The flow
 * controller feeds it events and performs the effects its states call for.
 *
 *   form ──submit──▶ (check) ──send──▶ (send) ──sent──▶ code ──create──▶ (create) ──created──▶ done
 *     ▲                 │                 │              │  ▲               │
 *     └──── invalid ────┘                 │              │  └── failed ─────┤ (code errors stay in code)
 *     └──────────────── failed ◀──────────┘              │                  │
 *     └──────────────── back to form ◀───────────────────┴──────────────────┘ (form errors, too many attempts)
 */
import type { AccountCreated, CodeSent } from '../contract.ts';
import type { ErrorRoute, FlowError } from './error-routing.ts';

/** A code request the server accepted, with absolute deadlines. */
export interface PendingCode extends CodeSent {
  /** Epoch ms when the code expires. */
  expiresAt: number;
  /** Epoch ms when Resend becomes available. */
  resendAt: number;
}

/**
 * What is in flight: `check` is Next checking the fields (no request yet), the
 * others are requests. Never two at once.
 */
export type InFlight = 'check' | 'send' | 'create' | 'resend' | null;

export interface FormState {
  step: 'form';
  inFlight: Extract<InFlight, 'check' | 'send' | null>;
  /** The error shown above Next (network, rate limit…); field errors are shown by their fields. */
  error: FlowError | null;
  /** The last accepted code request: Next reopens its pop-up while nothing it is bound to changes. */
  pending: PendingCode | null;
  /** Epoch ms until which Next waits after a rate limit (0: no wait). */
  cooldownUntil: number;
}

export interface CodeState {
  step: 'code';
  inFlight: Extract<InFlight, 'create' | 'resend' | null>;
  /** The error shown in the code pop-up. */
  error: FlowError | null;
  pending: PendingCode;
  expired: boolean;
  /** Epoch ms until which Resend waits after a rate limit (0: no wait). */
  cooldownUntil: number;
  /** Epoch ms until which OK waits after a rate limit on creating the account (0: no wait). */
  createRetryAt: number;
}

export interface DoneState { step: 'done'; account: AccountCreated }

export type FlowState = FormState | CodeState | DoneState;

export type FlowEvent =
  /** Next was pressed: check the fields (ignored while busy or waiting). */
  | { type: 'submit'; now: number }
  /** The check found a field to fix. */
  | { type: 'invalid' }
  | { type: 'send' }
  | { type: 'sent'; sent: CodeSent; now: number }
  | { type: 'reopen' }
  | { type: 'create' }
  | { type: 'resend' }
  | { type: 'created'; account: AccountCreated }
  | { type: 'failed'; error: FlowError; route: ErrorRoute; now: number }
  | { type: 'expired' }
  | { type: 'cancel' }
  | { type: 'forget' }
  /** The form's error was dismissed (Try again). */
  | { type: 'dismiss' }
  | { type: 'restore'; pending: PendingCode; now: number };

export const initialState: FlowState = {
  step: 'form', inFlight: null, error: null, pending: null, cooldownUntil: 0,
};

export function pendingFrom(sent: CodeSent, now: number): PendingCode {
  return { ...sent, expiresAt: now + sent.expiresIn * 1000, resendAt: now + sent.resendAfter * 1000 };
}

function codeState(pending: PendingCode, expired: boolean): CodeState {
  return {
    step: 'code', inFlight: null, error: null, pending, expired,
    cooldownUntil: 0, createRetryAt: 0,
  };
}

function formState(error: FlowError | null, pending: PendingCode | null, cooldownUntil = 0): FormState {
  return { step: 'form', inFlight: null, error, pending, cooldownUntil };
}

/** Whether a request (not the fields' check) is in flight. */
export function isBusy(state: FlowState): boolean {
  return state.step !== 'done' && state.inFlight !== null && state.inFlight !== 'check';
}

/** Whole seconds Next (or Resend) still waits after a rate limit. */
export function cooldownSeconds(state: FlowState, now: number): number {
  const until = state.step === 'done' ? 0 : state.cooldownUntil;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function transition(state: FlowState, event: FlowEvent): FlowState {
  if (state.step === 'done') return state;
  switch (event.type) {
    case 'submit':
      if (state.step !== 'form' || state.inFlight || state.cooldownUntil > event.now) return state;
      return { ...state, inFlight: 'check' };
    case 'invalid':
      return state.step === 'form' && state.inFlight === 'check' ? { ...state, inFlight: null } : state;
    case 'send':
      if (state.step !== 'form' || state.inFlight === 'send') return state;
      return { ...state, inFlight: 'send', error: null };
    case 'create':
    case 'resend':
      // Never a second request while one is in flight.
      if (state.step !== 'code' || state.inFlight) return state;
      return { ...state, inFlight: event.type, error: null };
    case 'sent':
      return codeState(pendingFrom(event.sent, event.now), false);
    case 'reopen':
      // password_weak, or a closed pop-up: the same request and code stay valid, no new code is sent.
      if (state.step !== 'form' || !state.pending) return state;
      return codeState(state.pending, false);
    case 'created':
      return { step: 'done', account: event.account };
    case 'expired':
      return state.step === 'code' ? { ...state, expired: true } : state;
    case 'cancel':
      // Closing the pop-up keeps the request: Next reopens it while nothing it is bound to changes.
      return state.step === 'code' ? formState(null, state.pending) : state;
    case 'forget':
      // A field the code is bound to changed: the next Next sends a new code.
      return state.step === 'form' ? { ...state, pending: null } : state;
    case 'dismiss':
      return state.step === 'form' ? { ...state, error: null } : state;
    case 'restore':
      return codeState(event.pending, event.pending.expiresAt <= event.now);
    case 'failed':
      return failed(state, event.error, event.route, event.now);
  }
}

function failed(state: FormState | CodeState, error: FlowError, route: ErrorRoute, now: number): FlowState {
  const until = error.retryAfter ? now + error.retryAfter * 1000 : 0;
  // A field's error is shown by the field, not at the form.
  const shown = route === 'form' || route === 'code' ? error : null;
  if (state.step === 'form') return { ...state, inFlight: null, error: shown, cooldownUntil: until };
  if (route === 'code') {
    if (error.code === 'code_expired') return { ...state, inFlight: null, error, expired: true };
    const createRetryAt = state.inFlight === 'create' && error.code === 'rate_limited' && until ? until : state.createRetryAt;
    // An error without a wait of its own (a wrong code) keeps a rate limit's wait on Resend.
    return { ...state, inFlight: null, error, cooldownUntil: until || state.cooldownUntil, createRetryAt };
  }
  switch (error.code) {
    case 'request_expired':
      // The request is gone: back to the form, without it.
      return formState(shown, null);
    case 'too_many_attempts':
      return formState(shown, null, until);
    case 'password_weak':
      // The request and its code stay valid: Next reopens the pop-up for it.
      return formState(shown, state.pending);
    default:
      // A form field is wrong (user name taken, invalid field…): fix it on the form.
      // The code is bound to those fields, so a new one will be needed.
      return formState(shown, null);
  }
}
