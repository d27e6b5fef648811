// transition / initialState / isBusy / cooldownSeconds / pendingFrom (src/flow/state-machine.ts):
// the registration flow as one pure state machine. The main test is a table of
// (state, event) → expected state covering every event in every step; `SAME` marks the
// guards, where the machine must hand back the very same object (nothing changed, so
// nothing renders or is stored). Every fixture is deep-frozen: a transition that
// mutated its input would throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountCreated, CodeSent } from '../../src/contract.ts';
import type { ErrorRoute, FlowError } from '../../src/flow/error-routing.ts';
import {
  cooldownSeconds, initialState, isBusy, pendingFrom, transition,
  type CodeState, type DoneState, type FlowEvent, type FlowState, type FormState, type PendingCode,
} from '../../src/flow/state-machine.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const NOW = 1_700_000_000_000;

// ------------------------------------------------------------------ fixtures

/** The code request the fixtures' code step is for, accepted 10 s before NOW. */
const PENDING: PendingCode = deepFreeze({
  requestId: 'r_41c0', channel: 'email', destination: 'a***@example.com',
  codeLength: 6, expiresIn: 600, resendAfter: 60,
  expiresAt: NOW + 590_000, resendAt: NOW + 50_000,
});

/** The answer of a send or a resend, received at NOW. */
const SENT: CodeSent = deepFreeze({
  requestId: 'r_41c0', channel: 'email', destination: 'a***@example.com',
  codeLength: 6, expiresIn: 300, resendAfter: 120,
});
const SENT_PENDING: PendingCode = deepFreeze({ ...SENT, expiresAt: NOW + 300_000, resendAt: NOW + 120_000 });

const ACCOUNT: AccountCreated = deepFreeze({ userId: 'u_1001', username: 'dealer_01' });

const err = (code: string, extra: Partial<FlowError> = {}): FlowError =>
  deepFreeze({ code, message: `The server says ${code}.`, ...extra });
const NETWORK = err('network');
const RATE_30 = err('rate_limited', { retryAfter: 30 });

const form = (patch: Partial<FormState> = {}): FormState =>
  deepFreeze({ step: 'form', inFlight: null, error: null, pending: null, cooldownUntil: 0, ...patch });
const code = (patch: Partial<CodeState> = {}): CodeState =>
  deepFreeze({
    step: 'code', inFlight: null, error: null, pending: PENDING, expired: false, cooldownUntil: 0, createRetryAt: 0, ...patch,
  });
const DONE: DoneState = deepFreeze({ step: 'done', account: ACCOUNT });

const FORM_IDLE = form();
const FORM_CHECKING = form({ inFlight: 'check' });
const FORM_SENDING = form({ inFlight: 'send' });
const FORM_PENDING = form({ pending: PENDING });
const FORM_COOLDOWN = form({ error: RATE_30, cooldownUntil: NOW + 30_000 });
const CODE_IDLE = code();
const CODE_CREATING = code({ inFlight: 'create' });
const CODE_RESENDING = code({ inFlight: 'resend' });
const CODE_EXPIRED = code({ expired: true, error: err('code_expired') });

/** The code step right after a code was sent (or resent) at NOW. */
const CODE_NEW = code({ pending: SENT_PENDING });

// ------------------------------------------------------------------ events

const SUBMIT: FlowEvent = { type: 'submit', now: NOW };
const INVALID: FlowEvent = { type: 'invalid' };
const SEND: FlowEvent = { type: 'send' };
const SENT_EVENT: FlowEvent = deepFreeze({ type: 'sent', sent: SENT, now: NOW });
const REOPEN: FlowEvent = { type: 'reopen' };
const CREATE: FlowEvent = { type: 'create' };
const RESEND: FlowEvent = { type: 'resend' };
const CREATED: FlowEvent = deepFreeze({ type: 'created', account: ACCOUNT });
const EXPIRED: FlowEvent = { type: 'expired' };
const CANCEL: FlowEvent = { type: 'cancel' };
const FORGET: FlowEvent = { type: 'forget' };
const DISMISS: FlowEvent = { type: 'dismiss' };
const RESTORE: FlowEvent = deepFreeze({ type: 'restore', pending: PENDING, now: NOW });
const failed = (error: FlowError, route: ErrorRoute, now = NOW): FlowEvent => deepFreeze({ type: 'failed', error, route, now });

/** Every event type, once: the table checks that each is covered in each step. */
const EVENT_TYPES: FlowEvent['type'][] = [
  'submit', 'invalid', 'send', 'sent', 'reopen', 'create', 'resend', 'created', 'failed',
  'expired', 'cancel', 'forget', 'dismiss', 'restore',
];

/** The state must be handed back as is (`===`). */
const SAME = Symbol('same state');

interface Row {
  name: string;
  state: FlowState;
  event: FlowEvent;
  expect: FlowState | typeof SAME;
}

const TABLE: Row[] = [
  // ---------------------------------------------------------------- form, idle
  { name: 'form idle: submit starts the check', state: FORM_IDLE, event: SUBMIT, expect: form({ inFlight: 'check' }) },
  { name: 'form idle: invalid without a check is a no-op', state: FORM_IDLE, event: INVALID, expect: SAME },
  { name: 'form idle: send starts the request', state: FORM_IDLE, event: SEND, expect: form({ inFlight: 'send' }) },
  { name: 'form idle: sent opens the code step', state: FORM_IDLE, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'form idle: reopen without a pending request is a no-op', state: FORM_IDLE, event: REOPEN, expect: SAME },
  { name: 'form idle: create is a no-op', state: FORM_IDLE, event: CREATE, expect: SAME },
  { name: 'form idle: resend is a no-op', state: FORM_IDLE, event: RESEND, expect: SAME },
  { name: 'form idle: created ends the flow', state: FORM_IDLE, event: CREATED, expect: DONE },
  { name: 'form idle: failed shows a form error', state: FORM_IDLE, event: failed(NETWORK, 'form'), expect: form({ error: NETWORK }) },
  { name: 'form idle: expired is a no-op', state: FORM_IDLE, event: EXPIRED, expect: SAME },
  { name: 'form idle: cancel is a no-op', state: FORM_IDLE, event: CANCEL, expect: SAME },
  { name: 'form idle: forget leaves no pending request', state: FORM_IDLE, event: FORGET, expect: FORM_IDLE },
  { name: 'form idle: dismiss leaves no error', state: FORM_IDLE, event: DISMISS, expect: FORM_IDLE },
  { name: 'form idle: restore opens the code step for the stored request', state: FORM_IDLE, event: RESTORE, expect: CODE_IDLE },

  // ---------------------------------------------------------------- form, checking
  { name: 'form checking: a second submit is ignored', state: FORM_CHECKING, event: SUBMIT, expect: SAME },
  { name: 'form checking: invalid ends the check', state: FORM_CHECKING, event: INVALID, expect: FORM_IDLE },
  { name: 'form checking: send turns the check into the request', state: FORM_CHECKING, event: SEND, expect: FORM_SENDING },
  { name: 'form checking: sent opens the code step', state: FORM_CHECKING, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'form checking: reopen without a pending request is a no-op', state: FORM_CHECKING, event: REOPEN, expect: SAME },
  { name: 'form checking: create is a no-op', state: FORM_CHECKING, event: CREATE, expect: SAME },
  { name: 'form checking: resend is a no-op', state: FORM_CHECKING, event: RESEND, expect: SAME },
  { name: 'form checking: created ends the flow', state: FORM_CHECKING, event: CREATED, expect: DONE },
  { name: 'form checking: failed ends the check with the error', state: FORM_CHECKING, event: failed(NETWORK, 'form'), expect: form({ error: NETWORK }) },
  { name: 'form checking: expired is a no-op', state: FORM_CHECKING, event: EXPIRED, expect: SAME },
  { name: 'form checking: cancel is a no-op', state: FORM_CHECKING, event: CANCEL, expect: SAME },
  { name: 'form checking: forget keeps the check', state: FORM_CHECKING, event: FORGET, expect: FORM_CHECKING },
  { name: 'form checking: dismiss keeps the check', state: FORM_CHECKING, event: DISMISS, expect: FORM_CHECKING },
  { name: 'form checking: restore opens the code step', state: FORM_CHECKING, event: RESTORE, expect: CODE_IDLE },
  {
    name: 'form checking with a pending request: reopen opens its pop-up, nothing in flight',
    state: form({ inFlight: 'check', pending: PENDING }), event: REOPEN, expect: CODE_IDLE,
  },

  // ---------------------------------------------------------------- form, sending
  { name: 'form sending: submit is ignored', state: FORM_SENDING, event: SUBMIT, expect: SAME },
  { name: 'form sending: invalid is a no-op (no check in flight)', state: FORM_SENDING, event: INVALID, expect: SAME },
  { name: 'form sending: a second send is ignored', state: FORM_SENDING, event: SEND, expect: SAME },
  { name: 'form sending: sent opens the code step', state: FORM_SENDING, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'form sending: reopen is a no-op', state: FORM_SENDING, event: REOPEN, expect: SAME },
  { name: 'form sending: create is a no-op', state: FORM_SENDING, event: CREATE, expect: SAME },
  { name: 'form sending: resend is a no-op', state: FORM_SENDING, event: RESEND, expect: SAME },
  { name: 'form sending: created ends the flow', state: FORM_SENDING, event: CREATED, expect: DONE },
  { name: 'form sending: failed ends the request with the error', state: FORM_SENDING, event: failed(NETWORK, 'form'), expect: form({ error: NETWORK }) },
  { name: 'form sending: expired is a no-op', state: FORM_SENDING, event: EXPIRED, expect: SAME },
  { name: 'form sending: cancel is a no-op', state: FORM_SENDING, event: CANCEL, expect: SAME },
  { name: 'form sending: forget keeps the request in flight', state: FORM_SENDING, event: FORGET, expect: FORM_SENDING },
  { name: 'form sending: dismiss keeps the request in flight', state: FORM_SENDING, event: DISMISS, expect: FORM_SENDING },
  { name: 'form sending: restore opens the code step', state: FORM_SENDING, event: RESTORE, expect: CODE_IDLE },

  // ---------------------------------------------------------------- form, with a pending request
  { name: 'form pending: submit starts the check, the request kept', state: FORM_PENDING, event: SUBMIT, expect: form({ inFlight: 'check', pending: PENDING }) },
  { name: 'form pending: invalid without a check is a no-op', state: FORM_PENDING, event: INVALID, expect: SAME },
  { name: 'form pending: send starts a request, the old one kept until sent', state: FORM_PENDING, event: SEND, expect: form({ inFlight: 'send', pending: PENDING }) },
  { name: 'form pending: sent replaces the request', state: FORM_PENDING, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'form pending: reopen opens the pop-up for the same request', state: FORM_PENDING, event: REOPEN, expect: CODE_IDLE },
  { name: 'form pending: create is a no-op', state: FORM_PENDING, event: CREATE, expect: SAME },
  { name: 'form pending: resend is a no-op', state: FORM_PENDING, event: RESEND, expect: SAME },
  { name: 'form pending: created ends the flow', state: FORM_PENDING, event: CREATED, expect: DONE },
  { name: 'form pending: failed shows the error, the request kept', state: FORM_PENDING, event: failed(NETWORK, 'form'), expect: form({ error: NETWORK, pending: PENDING }) },
  { name: 'form pending: expired is a no-op', state: FORM_PENDING, event: EXPIRED, expect: SAME },
  { name: 'form pending: cancel is a no-op', state: FORM_PENDING, event: CANCEL, expect: SAME },
  { name: 'form pending: forget drops the request', state: FORM_PENDING, event: FORGET, expect: FORM_IDLE },
  { name: 'form pending: dismiss keeps the request', state: FORM_PENDING, event: DISMISS, expect: FORM_PENDING },
  { name: 'form pending: restore opens the code step', state: FORM_PENDING, event: RESTORE, expect: CODE_IDLE },
  {
    name: 'form pending with an error: reopen opens the pop-up without it',
    state: form({ pending: PENDING, error: NETWORK }), event: REOPEN, expect: CODE_IDLE,
  },

  // ---------------------------------------------------------------- form, in a cooldown (until NOW + 30 s)
  { name: 'form cooldown: submit before its end is ignored', state: FORM_COOLDOWN, event: SUBMIT, expect: SAME },
  { name: 'form cooldown: submit 1 ms before its end is ignored', state: FORM_COOLDOWN, event: { type: 'submit', now: NOW + 29_999 }, expect: SAME },
  {
    name: 'form cooldown: submit at its end starts the check',
    state: FORM_COOLDOWN, event: { type: 'submit', now: NOW + 30_000 }, expect: form({ inFlight: 'check', error: RATE_30, cooldownUntil: NOW + 30_000 }),
  },
  { name: 'form cooldown: invalid is a no-op', state: FORM_COOLDOWN, event: INVALID, expect: SAME },
  { name: 'form cooldown: send clears the error, the wait kept', state: FORM_COOLDOWN, event: SEND, expect: form({ inFlight: 'send', cooldownUntil: NOW + 30_000 }) },
  { name: 'form cooldown: sent opens the code step', state: FORM_COOLDOWN, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'form cooldown: reopen without a pending request is a no-op', state: FORM_COOLDOWN, event: REOPEN, expect: SAME },
  { name: 'form cooldown: create is a no-op', state: FORM_COOLDOWN, event: CREATE, expect: SAME },
  { name: 'form cooldown: resend is a no-op', state: FORM_COOLDOWN, event: RESEND, expect: SAME },
  { name: 'form cooldown: created ends the flow', state: FORM_COOLDOWN, event: CREATED, expect: DONE },
  {
    name: 'form cooldown: a new rate limit sets a new wait',
    state: FORM_COOLDOWN, event: failed(err('rate_limited', { retryAfter: 5 }), 'form', NOW + 40_000),
    expect: form({ error: err('rate_limited', { retryAfter: 5 }), cooldownUntil: NOW + 45_000 }),
  },
  { name: 'form cooldown: expired is a no-op', state: FORM_COOLDOWN, event: EXPIRED, expect: SAME },
  { name: 'form cooldown: cancel is a no-op', state: FORM_COOLDOWN, event: CANCEL, expect: SAME },
  { name: 'form cooldown: forget keeps the wait', state: FORM_COOLDOWN, event: FORGET, expect: FORM_COOLDOWN },
  { name: 'form cooldown: dismiss hides the error, the wait kept', state: FORM_COOLDOWN, event: DISMISS, expect: form({ cooldownUntil: NOW + 30_000 }) },
  { name: 'form cooldown: restore opens the code step', state: FORM_COOLDOWN, event: RESTORE, expect: CODE_IDLE },

  // ---------------------------------------------------------------- code, idle
  { name: 'code idle: submit is a no-op', state: CODE_IDLE, event: SUBMIT, expect: SAME },
  { name: 'code idle: invalid is a no-op', state: CODE_IDLE, event: INVALID, expect: SAME },
  { name: 'code idle: send is a no-op', state: CODE_IDLE, event: SEND, expect: SAME },
  { name: 'code idle: sent takes the new deadlines', state: CODE_IDLE, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'code idle: reopen is a no-op', state: CODE_IDLE, event: REOPEN, expect: SAME },
  { name: 'code idle: create starts the request', state: CODE_IDLE, event: CREATE, expect: CODE_CREATING },
  { name: 'code idle: resend starts the request', state: CODE_IDLE, event: RESEND, expect: CODE_RESENDING },
  { name: 'code idle: created ends the flow', state: CODE_IDLE, event: CREATED, expect: DONE },
  { name: 'code idle: failed shows a code error', state: CODE_IDLE, event: failed(NETWORK, 'code'), expect: code({ error: NETWORK }) },
  { name: 'code idle: expired marks the code expired', state: CODE_IDLE, event: EXPIRED, expect: code({ expired: true }) },
  { name: 'code idle: cancel goes back to the form, the request kept', state: CODE_IDLE, event: CANCEL, expect: FORM_PENDING },
  { name: 'code idle: forget is a no-op', state: CODE_IDLE, event: FORGET, expect: SAME },
  { name: 'code idle: dismiss is a no-op', state: CODE_IDLE, event: DISMISS, expect: SAME },
  { name: 'code idle: restore opens the stored request', state: CODE_IDLE, event: { type: 'restore', pending: SENT_PENDING, now: NOW }, expect: CODE_NEW },
  { name: 'code with an error: restore starts over without it', state: code({ error: NETWORK, cooldownUntil: NOW + 5_000 }), event: RESTORE, expect: CODE_IDLE },
  {
    name: 'code with an error: create clears it',
    state: code({ error: err('code_invalid', { attemptsLeft: 2 }) }), event: CREATE, expect: CODE_CREATING,
  },
  {
    name: 'code with an error: cancel goes back to the form without it',
    state: code({ error: err('code_invalid', { attemptsLeft: 2 }) }), event: CANCEL, expect: FORM_PENDING,
  },

  // ---------------------------------------------------------------- code, creating
  { name: 'code creating: submit is a no-op', state: CODE_CREATING, event: SUBMIT, expect: SAME },
  { name: 'code creating: invalid is a no-op', state: CODE_CREATING, event: INVALID, expect: SAME },
  { name: 'code creating: send is a no-op', state: CODE_CREATING, event: SEND, expect: SAME },
  { name: 'code creating: sent takes the new deadlines', state: CODE_CREATING, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'code creating: reopen is a no-op', state: CODE_CREATING, event: REOPEN, expect: SAME },
  { name: 'code creating: a second create is ignored', state: CODE_CREATING, event: CREATE, expect: SAME },
  { name: 'code creating: resend is ignored while creating', state: CODE_CREATING, event: RESEND, expect: SAME },
  { name: 'code creating: created ends the flow', state: CODE_CREATING, event: CREATED, expect: DONE },
  {
    name: 'code creating: failed (code_invalid) shows it in the pop-up',
    state: CODE_CREATING, event: failed(err('code_invalid', { field: 'code', attemptsLeft: 2 }), 'code'),
    expect: code({ error: err('code_invalid', { field: 'code', attemptsLeft: 2 }) }),
  },
  { name: 'code creating: expired marks the code expired', state: CODE_CREATING, event: EXPIRED, expect: code({ inFlight: 'create', expired: true }) },
  { name: 'code creating: cancel goes back to the form, the request kept', state: CODE_CREATING, event: CANCEL, expect: FORM_PENDING },
  { name: 'code creating: forget is a no-op', state: CODE_CREATING, event: FORGET, expect: SAME },
  { name: 'code creating: dismiss is a no-op', state: CODE_CREATING, event: DISMISS, expect: SAME },
  { name: 'code creating: restore opens the stored request', state: CODE_CREATING, event: RESTORE, expect: CODE_IDLE },

  // ---------------------------------------------------------------- code, resending
  { name: 'code resending: submit is a no-op', state: CODE_RESENDING, event: SUBMIT, expect: SAME },
  { name: 'code resending: invalid is a no-op', state: CODE_RESENDING, event: INVALID, expect: SAME },
  { name: 'code resending: send is a no-op', state: CODE_RESENDING, event: SEND, expect: SAME },
  { name: 'code resending: sent takes the new deadlines', state: CODE_RESENDING, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'code resending: reopen is a no-op', state: CODE_RESENDING, event: REOPEN, expect: SAME },
  { name: 'code resending: create is ignored while resending', state: CODE_RESENDING, event: CREATE, expect: SAME },
  { name: 'code resending: a second resend is ignored', state: CODE_RESENDING, event: RESEND, expect: SAME },
  { name: 'code resending: created ends the flow', state: CODE_RESENDING, event: CREATED, expect: DONE },
  { name: 'code resending: failed (network) shows it in the pop-up', state: CODE_RESENDING, event: failed(NETWORK, 'code'), expect: code({ error: NETWORK }) },
  { name: 'code resending: expired marks the code expired', state: CODE_RESENDING, event: EXPIRED, expect: code({ inFlight: 'resend', expired: true }) },
  { name: 'code resending: cancel goes back to the form, the request kept', state: CODE_RESENDING, event: CANCEL, expect: FORM_PENDING },
  { name: 'code resending: forget is a no-op', state: CODE_RESENDING, event: FORGET, expect: SAME },
  { name: 'code resending: dismiss is a no-op', state: CODE_RESENDING, event: DISMISS, expect: SAME },
  { name: 'code resending: restore opens the stored request', state: CODE_RESENDING, event: RESTORE, expect: CODE_IDLE },

  // ---------------------------------------------------------------- code, expired
  { name: 'code expired: submit is a no-op', state: CODE_EXPIRED, event: SUBMIT, expect: SAME },
  { name: 'code expired: invalid is a no-op', state: CODE_EXPIRED, event: INVALID, expect: SAME },
  { name: 'code expired: send is a no-op', state: CODE_EXPIRED, event: SEND, expect: SAME },
  { name: 'code expired: sent (the resend) gives a fresh code', state: CODE_EXPIRED, event: SENT_EVENT, expect: CODE_NEW },
  { name: 'code expired: reopen is a no-op', state: CODE_EXPIRED, event: REOPEN, expect: SAME },
  { name: 'code expired: create starts the request, the error cleared', state: CODE_EXPIRED, event: CREATE, expect: code({ inFlight: 'create', expired: true }) },
  { name: 'code expired: resend starts the request, the error cleared', state: CODE_EXPIRED, event: RESEND, expect: code({ inFlight: 'resend', expired: true }) },
  { name: 'code expired: created ends the flow', state: CODE_EXPIRED, event: CREATED, expect: DONE },
  { name: 'code expired: failed (network) shows it, still expired', state: CODE_EXPIRED, event: failed(NETWORK, 'code'), expect: code({ expired: true, error: NETWORK }) },
  { name: 'code expired: expired again keeps it expired', state: CODE_EXPIRED, event: EXPIRED, expect: CODE_EXPIRED },
  { name: 'code expired: cancel goes back to the form, the request kept', state: CODE_EXPIRED, event: CANCEL, expect: FORM_PENDING },
  { name: 'code expired: forget is a no-op', state: CODE_EXPIRED, event: FORGET, expect: SAME },
  { name: 'code expired: dismiss is a no-op', state: CODE_EXPIRED, event: DISMISS, expect: SAME },
  {
    name: 'code expired: restore of an expired request opens it expired',
    state: CODE_EXPIRED, event: { type: 'restore', pending: PENDING, now: PENDING.expiresAt }, expect: code({ expired: true }),
  },
  {
    name: 'code expired: restore of a live request opens it live',
    state: CODE_EXPIRED, event: { type: 'restore', pending: PENDING, now: PENDING.expiresAt - 1 }, expect: CODE_IDLE,
  },

  // ---------------------------------------------------------------- done: nothing moves it
  { name: 'done: submit is ignored', state: DONE, event: SUBMIT, expect: SAME },
  { name: 'done: invalid is ignored', state: DONE, event: INVALID, expect: SAME },
  { name: 'done: send is ignored', state: DONE, event: SEND, expect: SAME },
  { name: 'done: sent is ignored', state: DONE, event: SENT_EVENT, expect: SAME },
  { name: 'done: reopen is ignored', state: DONE, event: REOPEN, expect: SAME },
  { name: 'done: create is ignored', state: DONE, event: CREATE, expect: SAME },
  { name: 'done: resend is ignored', state: DONE, event: RESEND, expect: SAME },
  { name: 'done: a second created is ignored', state: DONE, event: { type: 'created', account: { userId: 'u_2', username: 'other' } }, expect: SAME },
  { name: 'done: failed is ignored', state: DONE, event: failed(NETWORK, 'form'), expect: SAME },
  { name: 'done: expired is ignored', state: DONE, event: EXPIRED, expect: SAME },
  { name: 'done: cancel is ignored', state: DONE, event: CANCEL, expect: SAME },
  { name: 'done: forget is ignored', state: DONE, event: FORGET, expect: SAME },
  { name: 'done: dismiss is ignored', state: DONE, event: DISMISS, expect: SAME },
  { name: 'done: restore is ignored', state: DONE, event: RESTORE, expect: SAME },

  // ---------------------------------------------------------------- failed, in detail
  // From the form: the error is shown at the form only for routes 'form' and 'code';
  // a field's error is shown by the field. retryAfter sets Next's wait.
  {
    name: 'failed from the form, route form, rate_limited with retryAfter: Next waits',
    state: FORM_SENDING, event: failed(RATE_30, 'form'), expect: form({ error: RATE_30, cooldownUntil: NOW + 30_000 }),
  },
  {
    name: 'failed from the form, route form, rate_limited without retryAfter: no wait',
    state: FORM_SENDING, event: failed(err('rate_limited'), 'form'), expect: form({ error: err('rate_limited') }),
  },
  {
    name: 'failed from the form, route username: no form-level error',
    state: FORM_SENDING, event: failed(err('username_taken', { field: 'username' }), 'username'), expect: FORM_IDLE,
  },
  {
    name: 'failed from the form, route captcha: no form-level error',
    state: FORM_SENDING, event: failed(err('captcha_invalid', { field: 'captcha' }), 'captcha'), expect: FORM_IDLE,
  },
  {
    name: 'failed from the form, route terms: no form-level error',
    state: FORM_SENDING, event: failed(err('invalid_field', { field: 'termsAccepted' }), 'terms'), expect: FORM_IDLE,
  },
  {
    name: 'failed from the form, route code: shown',
    state: FORM_SENDING, event: failed(NETWORK, 'code'), expect: form({ error: NETWORK }),
  },
  {
    name: 'failed from the form with a pending request: the request is kept',
    state: form({ inFlight: 'send', pending: PENDING }), event: failed(NETWORK, 'form'), expect: form({ error: NETWORK, pending: PENDING }),
  },

  // From the code step, route 'code': the pop-up stays.
  {
    name: 'failed from code, route code, code_expired: marked expired, waits kept',
    state: code({ inFlight: 'create', cooldownUntil: NOW + 20_000, createRetryAt: NOW + 10_000 }),
    event: failed(err('code_expired', { field: 'code' }), 'code'),
    expect: code({ expired: true, error: err('code_expired', { field: 'code' }), cooldownUntil: NOW + 20_000, createRetryAt: NOW + 10_000 }),
  },
  {
    name: 'failed from code, route code, code_expired on resend: marked expired',
    state: CODE_RESENDING, event: failed(err('code_expired'), 'code'), expect: code({ expired: true, error: err('code_expired') }),
  },
  {
    name: 'failed from code, route code, rate_limited with retryAfter on create: OK waits (createRetryAt), Resend too',
    state: CODE_CREATING, event: failed(err('rate_limited', { retryAfter: 60 }), 'code'),
    expect: code({ error: err('rate_limited', { retryAfter: 60 }), cooldownUntil: NOW + 60_000, createRetryAt: NOW + 60_000 }),
  },
  {
    name: 'failed from code, route code, rate_limited with retryAfter on resend: Resend waits, createRetryAt untouched',
    state: CODE_RESENDING, event: failed(err('rate_limited', { retryAfter: 60 }), 'code'),
    expect: code({ error: err('rate_limited', { retryAfter: 60 }), cooldownUntil: NOW + 60_000, createRetryAt: 0 }),
  },
  {
    name: 'failed from code, route code, rate_limited on resend keeps an earlier createRetryAt',
    state: code({ inFlight: 'resend', createRetryAt: NOW + 5_000 }), event: failed(err('rate_limited', { retryAfter: 60 }), 'code'),
    expect: code({ error: err('rate_limited', { retryAfter: 60 }), cooldownUntil: NOW + 60_000, createRetryAt: NOW + 5_000 }),
  },
  {
    name: 'failed from code, route code, rate_limited without retryAfter on create: no createRetryAt',
    state: CODE_CREATING, event: failed(err('rate_limited'), 'code'), expect: code({ error: err('rate_limited') }),
  },
  {
    name: 'failed from code, route code, code_invalid on create: OK\'s wait is kept',
    state: code({ inFlight: 'create', createRetryAt: NOW - 1_000 }), event: failed(err('code_invalid', { attemptsLeft: 1 }), 'code'),
    expect: code({ error: err('code_invalid', { attemptsLeft: 1 }), createRetryAt: NOW - 1_000 }),
  },
  {
    // Resend waits max(resendAt, cooldownUntil) (src/code/code-step.ts): a wrong code is
    // no rate limit and must not end the wait an earlier rate_limited on Resend set.
    name: 'failed from code, route code, code_invalid on create: Resend\'s rate-limit wait is kept',
    state: code({ inFlight: 'create', cooldownUntil: NOW + 40_000 }), event: failed(err('code_invalid', { attemptsLeft: 2 }), 'code'),
    expect: code({ error: err('code_invalid', { attemptsLeft: 2 }), cooldownUntil: NOW + 40_000 }),
  },

  // From the code step, other routes: back to the form.
  {
    name: 'failed from code, route form, request_expired: back to the form without the request',
    state: code({ inFlight: 'resend', cooldownUntil: NOW + 40_000 }), event: failed(err('request_expired'), 'form'),
    expect: form({ error: err('request_expired') }),
  },
  {
    name: 'failed from code, route form, too_many_attempts with retryAfter: back to the form, Next waits',
    state: CODE_CREATING, event: failed(err('too_many_attempts', { retryAfter: 120 }), 'form'),
    expect: form({ error: err('too_many_attempts', { retryAfter: 120 }), cooldownUntil: NOW + 120_000 }),
  },
  {
    name: 'failed from code, route form, too_many_attempts without retryAfter: back to the form, no wait',
    state: CODE_CREATING, event: failed(err('too_many_attempts'), 'form'), expect: form({ error: err('too_many_attempts') }),
  },
  {
    name: 'failed from code, route password, password_weak: back to the form, the request kept, no form error',
    state: CODE_CREATING, event: failed(err('password_weak', { field: 'password' }), 'password'), expect: FORM_PENDING,
  },
  {
    name: 'failed from code, route username: back to the form, the request dropped, no form error',
    state: CODE_CREATING, event: failed(err('username_taken', { field: 'username' }), 'username'), expect: FORM_IDLE,
  },
  {
    name: 'failed from code, route email: back to the form, the request dropped, no form error',
    state: code({ inFlight: 'create', cooldownUntil: NOW + 10_000, createRetryAt: NOW + 10_000 }),
    event: failed(err('email_taken', { field: 'email' }), 'email'), expect: FORM_IDLE,
  },
  {
    name: 'failed from code, route terms: back to the form, no form error',
    state: CODE_CREATING, event: failed(err('invalid_field', { field: 'termsAccepted' }), 'terms'), expect: FORM_IDLE,
  },
  {
    name: 'failed from code, route form, an unknown error: back to the form with it, the request dropped',
    state: CODE_CREATING, event: failed(err('server_on_fire', { field: 'nickname' }), 'form'), expect: form({ error: err('server_on_fire', { field: 'nickname' }) }),
  },
];

test('the table covers every event type in every step', () => {
  const steps: [string, FlowState][] = [
    ['form idle', FORM_IDLE], ['form checking', FORM_CHECKING], ['form sending', FORM_SENDING],
    ['form pending', FORM_PENDING], ['form cooldown', FORM_COOLDOWN], ['code idle', CODE_IDLE],
    ['code creating', CODE_CREATING], ['code resending', CODE_RESENDING], ['code expired', CODE_EXPIRED], ['done', DONE],
  ];
  for (const [label, state] of steps) {
    const covered = new Set(TABLE.filter((r) => r.state === state).map((r) => r.event.type));
    assert.deepEqual(EVENT_TYPES.filter((t) => !covered.has(t)), [], `${label}: events without a row`);
  }
});

for (const row of TABLE) {
  test(row.name, () => {
    const before = structuredClone(row.state);
    const actual = transition(row.state, row.event);
    if (row.expect === SAME) {
      assert.equal(actual, row.state, 'the same object is handed back');
    } else {
      assert.deepEqual(actual, row.expect);
      assert.notEqual(actual, row.state, 'a change is a new object');
    }
    assert.deepEqual(row.state, before, 'the input state is not changed');
  });
}

// ------------------------------------------------------------------ the rest of the module

test('initialState: the form, idle, with no error, request or wait', () => {
  assert.deepEqual(initialState, { step: 'form', inFlight: null, error: null, pending: null, cooldownUntil: 0 });
  assert.deepEqual(initialState, FORM_IDLE);
});

test('pendingFrom: absolute deadlines from the relative seconds, the answer kept', () => {
  assert.deepEqual(pendingFrom(SENT, NOW), SENT_PENDING);
  assert.deepEqual(pendingFrom({ ...SENT, expiresIn: 0, resendAfter: 0 }, NOW), { ...SENT, expiresIn: 0, resendAfter: 0, expiresAt: NOW, resendAt: NOW });
  assert.deepEqual(SENT, { requestId: 'r_41c0', channel: 'email', destination: 'a***@example.com', codeLength: 6, expiresIn: 300, resendAfter: 120 });
});

test('isBusy: only a request in flight, not the fields\' check', () => {
  const rows: [string, FlowState, boolean][] = [
    ['form idle', FORM_IDLE, false],
    ['form checking', FORM_CHECKING, false],
    ['form sending', FORM_SENDING, true],
    ['form pending', FORM_PENDING, false],
    ['form cooldown', FORM_COOLDOWN, false],
    ['code idle', CODE_IDLE, false],
    ['code creating', CODE_CREATING, true],
    ['code resending', CODE_RESENDING, true],
    ['code expired', CODE_EXPIRED, false],
    ['done', DONE, false],
  ];
  for (const [label, state, busy] of rows) assert.equal(isBusy(state), busy, label);
});

test('cooldownSeconds: whole seconds left, rounded up, never negative', () => {
  const rows: [string, FlowState, number, number][] = [
    ['no wait', FORM_IDLE, NOW, 0],
    ['30 s left', FORM_COOLDOWN, NOW, 30],
    ['29.999 s left rounds up', FORM_COOLDOWN, NOW + 1, 30],
    ['1 ms left', FORM_COOLDOWN, NOW + 29_999, 1],
    ['at the end', FORM_COOLDOWN, NOW + 30_000, 0],
    ['after the end', FORM_COOLDOWN, NOW + 90_000, 0],
    ['the code step\'s Resend wait', code({ cooldownUntil: NOW + 1_500 }), NOW, 2],
    ['done', DONE, NOW, 0],
  ];
  for (const [label, state, now, seconds] of rows) assert.equal(cooldownSeconds(state, now), seconds, label);
});

// ------------------------------------------------------------------ whole runs

function run(start: FlowState, events: FlowEvent[]): FlowState {
  return events.reduce(transition, start);
}

test('a whole signup: Next, check, send, code, OK, done', () => {
  const end = run(initialState, [SUBMIT, SEND, SENT_EVENT, CREATE, CREATED]);
  assert.deepEqual(end, DONE);
});

test('password_weak, then Next reopens the pop-up for the same request (no new code)', () => {
  const onForm = run(CODE_NEW, [CREATE, failed(err('password_weak', { field: 'password' }), 'password')]);
  assert.deepEqual(onForm, form({ pending: SENT_PENDING }));
  const reopened = run(onForm, [{ type: 'submit', now: NOW + 1_000 }, REOPEN]);
  assert.deepEqual(reopened, code({ pending: SENT_PENDING }));
});

test('a field the code is bound to changes after the pop-up was closed: Next sends a new code', () => {
  const onForm = run(CODE_IDLE, [CANCEL, FORGET]);
  assert.deepEqual(onForm, FORM_IDLE);
  assert.equal(transition(onForm, REOPEN), onForm, 'nothing to reopen');
  assert.deepEqual(run(onForm, [SUBMIT, SEND]), FORM_SENDING);
});

test('too_many_attempts: back to the form, and Next waits out retryAfter', () => {
  const onForm = run(CODE_CREATING, [failed(err('too_many_attempts', { retryAfter: 10 }), 'form')]);
  assert.equal(transition(onForm, { type: 'submit', now: NOW + 9_999 }), onForm);
  assert.equal(cooldownSeconds(onForm, NOW + 9_001), 1);
  assert.deepEqual(transition(onForm, { type: 'submit', now: NOW + 10_000 }), { ...onForm, inFlight: 'check' });
});
