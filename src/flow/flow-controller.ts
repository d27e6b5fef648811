/**
 * Drives the registration, as one ReactiveController of `<hik-register>`: it keeps
 * what the user typed (and a draft of it, never a secret, in sessionStorage), feeds
 * the state machine of `state-machine.ts`, makes the requests its states call for,
 * puts each error where `error-routing.ts` says, and fires the public events.
 *
 * It never looks into the DOM: what it needs of the children (the contact toggle's
 * check, the typed code, focus) it gets through the element's `FlowOptions`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { normalizeUsername, usernameProblem } from '../rules.ts';
import type { ApiClient } from '../client/api-client.ts';
import { ClientError, clientError } from '../client/api-error.ts';
import { callingCodeOf } from '../country/countries.ts';
import { emit, type Step } from '../events.ts';
import { emptyValues, type FieldErrors, type FieldName, type Values } from '../form/form-values.ts';
import * as v from '../form/validation.ts';
import { CountdownController } from '../internal/countdown-controller.ts';
import { clearDraft, loadDraft, saveDraft, valuesFromDraft } from './draft.ts';
import { errorText } from './error-messages.ts';
import { createAccountBody, sendCodeBody } from './request-bodies.ts';
import { errorDetail, routeError, toFlowError, type FlowError } from './error-routing.ts';
import { initialState, transition, type FlowEvent, type FlowState } from './state-machine.ts';
import { UsernameCheckController } from './username-check-controller.ts';
import type { FlowOptions } from './flow-options.ts';

/** Fields a sent code is bound to: changing one means the next Next sends a new code. */
const BOUND: readonly (keyof Values)[] = ['username', 'country', 'channel', 'email', 'phone'];

export class FlowController implements ReactiveController {
  state: FlowState = initialState;
  values: Values = emptyValues;
  errors: FieldErrors = {};
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: FlowOptions;
  readonly #username: UsernameCheckController;
  /** The captcha's renewal after a request: Next waits for the new challenge. */
  #captchaRenewal: Promise<void> | null = null;
  #lastStep: Step = 'form';

  constructor(host: ReactiveControllerHost & EventTarget, options: FlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    // The rate-limit countdown under Next ticks, and Next comes back when it ends.
    new CountdownController(host, { deadlines: () => [this.state.step === 'done' ? null : this.state.cooldownUntil] });
    this.#username = new UsernameCheckController(host, {
      check: (name, signal) => this.#options.client().checkUsername(name, signal),
      current: () => normalizeUsername(this.values.username),
      onTaken: () => {
        this.errors = { ...this.errors, username: errorText({ code: 'username_taken', message: '' }) };
        this.#host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    addEventListener('online', this.#online);
    const draft = loadDraft(this.#options.config().endpoint);
    this.values = valuesFromDraft(draft, this.#options.config());
    const pending = draft.pending;
    if (pending && pending.expiresAt > Date.now()) {
      // A reload while the code pop-up was open: open it again for the same request.
      void this.#options.loadCodeModal().then(() => this.#set({ type: 'restore', pending, now: Date.now() }));
    }
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
  }

  hostUpdated(): void {
    const step = this.state.step;
    if (step === this.#lastStep) return;
    this.#lastStep = step;
    emit(this.#host, 'hik-step-change', { step });
  }

  /** Back online: what was asked for while offline goes by itself, once (its request clears the error; a second call finds it busy). */
  readonly #online = (): void => {
    const again = this.state.step !== 'done' && this.state.error?.offline;
    if (again) void this[again]();
  };

  /** A request, unless the browser is offline: then nothing is sent, and it fails as `network`. */
  #call<T>(request: (client: ApiClient) => Promise<T>): Promise<T> {
    return navigator.onLine ? request(this.#options.client()) : Promise.reject(clientError('network'));
  }

  setValues(patch: Partial<Values>): void {
    if (BOUND.some((k) => k in patch && patch[k] !== this.values[k])) this.#set({ type: 'forget' });
    this.values = { ...this.values, ...patch };
    // Typing into a field with an error clears that error; blur or Next checks again.
    const cleared: FieldErrors = {};
    for (const key of Object.keys(patch)) {
      const field = key === 'termsAccepted' ? 'terms' : (key as FieldName);
      if (this.errors[field]) cleared[field] = '';
    }
    if (Object.keys(cleared).length) this.errors = { ...this.errors, ...cleared };
    if ('username' in patch) {
      const name = normalizeUsername(this.values.username);
      this.#username.schedule(usernameProblem(name) ? null : name);
    }
    this.#persist();
    this.#host.requestUpdate();
  }

  clearError(field: FieldName): void {
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: '' };
    this.#host.requestUpdate();
  }

  /** Checks one field when the user leaves it. */
  check(field: FieldName): void {
    const error = this.#fieldError(field);
    if (error !== (this.errors[field] ?? '')) {
      this.errors = { ...this.errors, [field]: error };
      this.#host.requestUpdate();
    }
  }

  chooseCountry(country: string): void {
    this.setValues({ country });
    emit(this.#host, 'hik-country-change', { country, callingCode: callingCodeOf(country) });
  }

  chooseChannel(channel: Values['channel']): void {
    if (channel === this.values.channel) return;
    this.setValues({ channel });
    emit(this.#host, 'hik-channel-change', { channel });
  }

  /** Next: check every field, then ask the server to send a code (or reopen the pop-up). */
  async submit(): Promise<void> {
    const before = this.state;
    // While the (asynchronous) check runs, presses are ignored; nothing shows it, so no render.
    this.state = transition(before, { type: 'submit', now: Date.now() });
    if (this.state === before || this.state.step !== 'form') return;
    if (this.#captchaRenewal) await this.#captchaRenewal;
    // Reopening the pop-up sends nothing, so it needs no captcha answer.
    const pending = this.state.pending;
    const reopen = pending !== null && pending.expiresAt > Date.now();
    if (!(await this.#validateAll(!reopen))) {
      this.#set({ type: 'invalid' });
      this.#options.focus(null);
      this.#options.announce(msg('Some fields need your attention.', { desc: 'Announced after Next with errors' }));
      return;
    }
    if (reopen) {
      // password_weak (or a closed pop-up): the same request and code stay valid.
      await this.#options.loadCodeModal();
      this.#set({ type: 'reopen' });
      return;
    }
    await this.#send();
  }

  /** The Try again button of a network, timeout or bad-response error: Next once more. */
  async retry(): Promise<void> {
    this.#set({ type: 'dismiss' });
    await this.submit();
  }

  async #send(): Promise<void> {
    const body = sendCodeBody(this.values, {
      captcha: this.#options.captcha.answer(), phone: this.#options.phoneE164(), locale: this.#options.locale(),
    });
    if (!body) {
      this.#set({ type: 'invalid' });
      return;
    }
    this.#set({ type: 'send' });
    let offline = false;
    try {
      const [sent] = await this.#call((c) => Promise.all([c.sendCode(body), this.#options.loadCodeModal()]));
      this.#set({ type: 'sent', sent, now: Date.now() });
      const { channel, destination, codeLength, expiresIn, resendAfter } = sent;
      emit(this.#host, 'hik-code-sent', { channel, destination, codeLength, expiresIn, resendAfter });
      this.#options.announce(msg(str`A verification code was sent to ${sent.destination}.`, { desc: 'Announced when the code was sent' }));
    } catch (e) {
      offline = this.#fail(e, 'submit');
    } finally {
      // Every challenge is single use: accepted or refused, fetch a new one (offline, none was sent).
      if (!offline) this.#captchaRenewal = this.#options.captcha.renew();
      await this.#captchaRenewal;
      this.#captchaRenewal = null;
    }
  }

  async submitCode(): Promise<void> {
    const state = this.state;
    if (state.step !== 'code' || state.inFlight) return;
    const { values } = this;
    if (v.passwordError(values.password, values.username)) {
      // A reload restored the pop-up, but the password is never stored: ask for it
      // on the form; the request stays, so Next reopens the pop-up for it.
      this.#set({ type: 'cancel' });
      const text = msg('Enter your password again, then press Next.', { desc: 'Password lost by a page reload while the code pop-up was open' });
      this.errors = { ...this.errors, password: text };
      void this.#host.updateComplete.then(() => this.#options.focus('password'));
      this.#options.announce(text);
      return;
    }
    const body = createAccountBody(values, state.pending, {
      code: this.#options.code(), phone: this.#options.phoneE164(), locale: this.#options.locale(),
    });
    this.#set({ type: 'create' });
    try {
      const account = await this.#call((c) => c.createAccount(body));
      this.#set({ type: 'created', account });
      clearDraft(this.#options.config().endpoint);
      this.values = { ...this.values, password: '', confirm: '' };
      emit(this.#host, 'hik-register-success', {
        userId: account.userId, username: account.username, country: body.country, channel: body.channel,
        ...(account.session ? { session: account.session } : {}),
      });
      this.#options.announce(msg('Registration complete.', { desc: 'Announced after the account was created' }));
    } catch (e) {
      if (!this.#fail(e, 'submitCode')) this.#options.clearCode();
    }
  }

  async resend(): Promise<void> {
    const state = this.state;
    if (state.step !== 'code' || state.inFlight || state.pending.resendAt > Date.now()) return;
    this.#set({ type: 'resend' });
    try {
      const sent = await this.#call((c) => c.resendCode(state.pending.requestId));
      this.#set({ type: 'sent', sent, now: Date.now() });
      this.#options.announce(msg(str`A new code was sent to ${sent.destination}.`, { desc: 'Announced after Resend' }));
    } catch (e) {
      this.#fail(e, 'resend');
      if (this.state.step === 'form') await this.#options.captcha.renew();
    }
  }

  closeCode(): void {
    this.#set({ type: 'cancel' });
  }

  /** Shows and dispatches a failure; true when it was the browser being offline (`again` then waits for 'online'). */
  #fail(e: unknown, again: NonNullable<FlowError['offline']>): boolean {
    const flow = toFlowError(e);
    if (!flow) return false;
    // Only the client's own `network` error: a server's code "network" is the server's.
    const offline = e instanceof ClientError && flow.code === 'network' && !navigator.onLine;
    const error: FlowError = offline ? { ...flow, offline: again } : flow;
    emit(this.#host, 'hik-register-error', errorDetail(error));
    const from = this.state.step === 'code' ? 'code' : 'form';
    const route = routeError(error, from, (f) => f === 'captcha'
      ? this.#options.config().captcha !== 'none'
      : f !== (this.values.channel === 'email' ? 'phone' : 'email'));
    this.#set({ type: 'failed', error, route, now: Date.now() });
    const text = errorText(error);
    if (route !== 'form' && route !== 'code') {
      this.errors = { ...this.errors, [route]: text };
      void this.#host.updateComplete.then(() => this.#options.focus(route));
    }
    this.#options.announce(text);
    return offline;
  }

  #fieldError(field: FieldName): string {
    return field === 'captcha' ? this.#options.captcha.validationError() : v.fieldError(field, this.values);
  }

  async #validateAll(withCaptcha: boolean): Promise<boolean> {
    const fields: FieldName[] = ['username', 'password', 'confirm', 'country', ...(withCaptcha ? ['captcha' as const] : []), 'terms'];
    const errors: FieldErrors = {};
    for (const f of fields) errors[f] = this.#fieldError(f);
    // A server's verdict on the user name ("taken") stands until the name changes.
    if (!errors.username && this.errors.username) errors.username = this.errors.username;
    this.errors = { ...this.errors, ...errors };
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const contactOk = await this.#options.validateContact();
    return contactOk && fields.every((f) => !this.errors[f]);
  }

  #set(event: FlowEvent): void {
    this.state = transition(this.state, event);
    this.#persist();
    this.#host.requestUpdate();
  }

  #persist(): void {
    if (this.state.step === 'done') return;
    const { username, country, channel, email, phone, termsAccepted } = this.values;
    saveDraft(this.#options.config().endpoint, { username, country, channel, email, phone, termsAccepted, pending: this.state.pending });
  }
}
