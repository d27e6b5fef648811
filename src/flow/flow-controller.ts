/**
 * The registration flow's state and effects, as one ReactiveController of
 * `<hik-register>`: it talks to the backend, feeds the state machine of
 * `flow.ts`, routes each error to where CONTRACT.md says it belongs, and keeps
 * what the user typed (never a secret) in sessionStorage.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { Channel, CodeSentDetail, CreateAccountRequest, SendCodeRequest } from '../contract.ts';
import type { ApiClient } from '../client/api-client.ts';
import { ApiError } from '../client/api-error.ts';
import type { Config } from '../attributes.ts';
import { initialState, transition, type FlowError, type FlowEvent, type FlowState } from './state-machine.ts';
import { loadDraft, saveDraft, clearDraft } from './draft.ts';
import { callingCodeOf } from '../country/countries.ts';
import { errorText } from './error-messages.ts';
import { CaptchaState } from '../captcha/captcha-controller.ts';
import { CountdownController } from '../internal/countdown-controller.ts';
import * as v from '../form/validation.ts';

export interface Values {
  username: string;
  /** Held in memory only, never stored. */
  password: string;
  confirm: string;
  country: string | null;
  channel: Channel;
  email: string;
  phone: string;
  termsAccepted: boolean;
}

export type FieldName = 'username' | 'password' | 'confirm' | 'country' | 'email' | 'phone' | 'captcha' | 'terms';

/** What the controller needs of its element. */
export interface RegistrationHost extends ReactiveControllerHost, HTMLElement {
  loadCodeModal(): Promise<unknown>;
  readonly config: Config;
  readonly client: ApiClient;
  readonly activeLocale: string;
  readonly captchaToken: { provider: string; token: string } | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The parts of the children the controller reads at submit time (their public API). */
interface ContactLike extends HTMLElement { validate(): Promise<boolean>; readonly e164: string | null }
interface CodeLike extends HTMLElement { readonly code: string; clear(): void }

const FIELD_OF: Record<string, FieldName> = {
  username: 'username', password: 'password', country: 'country', email: 'email', phone: 'phone',
  captcha: 'captcha', termsAccepted: 'terms',
};

export class Registration implements ReactiveController {
  flow: FlowState = initialState;
  values: Values = {
    username: '', password: '', confirm: '', country: null, channel: 'email', email: '', phone: '', termsAccepted: false,
  };
  errors: Partial<Record<FieldName, string>> = {};
  /** An error about the whole form (network, rate limit…), shown above Next. */
  general: FlowError | null = null;
  announcement = '';
  readonly captcha: CaptchaState;
  /** The last action that failed for a reason worth retrying. */
  private retryAction: (() => Promise<void>) | null = null;
  private usernameTimer: ReturnType<typeof setTimeout> | undefined;
  private submitting = false;
  /** Until when (epoch ms) OK in the code pop-up waits after a rate limit. */
  createRetryAt: number | null = null;
  private usernameCheck: AbortController | undefined;

  constructor(private readonly host: RegistrationHost) {
    host.addController(this);
    this.captcha = new CaptchaState(host);
    // The rate-limit countdown under Next ticks, and Next comes back when it ends.
    new CountdownController(host, { deadlines: () => [this.flow.step === 'done' ? null : this.flow.cooldownUntil] });
  }

  hostConnected(): void {
    const { config } = this.host;
    const draft = loadDraft(config.endpoint);
    const channel = draft.channel && config.channels.includes(draft.channel) ? draft.channel : config.channel;
    let country = draft.country ?? config.country;
    if (country && config.countries && !config.countries.includes(country)) country = null;
    this.values = {
      ...this.values,
      username: draft.username ?? '', email: draft.email ?? '', phone: draft.phone ?? '',
      termsAccepted: draft.termsAccepted ?? false, country, channel,
    };
    if (draft.pending && draft.pending.expiresAt > Date.now()) {
      // A reload while the code pop-up was open: open it again for the same request.
      void this.host.loadCodeModal().then(() => this.set({ type: 'restore', pending: draft.pending!, now: Date.now() }));
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.usernameTimer);
    this.usernameCheck?.abort();
  }

  /** Loads the first captcha challenge. */
  start(): Promise<void> {
    return this.captcha.start();
  }

  // ---------------------------------------------------------------- input

  setValues(patch: Partial<Values>): void {
    const bound: (keyof Values)[] = ['username', 'country', 'channel', 'email', 'phone'];
    if (bound.some((k) => k in patch && patch[k] !== this.values[k])) this.set({ type: 'forget' });
    this.values = { ...this.values, ...patch };
    // Typing into a field with an error clears that error; blur or Next checks again.
    const cleared: Partial<Record<FieldName, string>> = {};
    for (const key of Object.keys(patch)) {
      const field = key === 'termsAccepted' ? 'terms' : (key as FieldName);
      if (this.errors[field]) cleared[field] = '';
    }
    if (Object.keys(cleared).length) this.errors = { ...this.errors, ...cleared };
    if ('username' in patch) this.scheduleUsernameCheck();
    this.persist();
    this.host.requestUpdate();
  }

  clearError(field: FieldName): void {
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: '' };
    this.host.requestUpdate();
  }

  /** Checks one field when the user leaves it. */
  check(field: FieldName): void {
    const error = this.fieldError(field);
    if (error !== (this.errors[field] ?? '')) {
      this.errors = { ...this.errors, [field]: error };
      this.host.requestUpdate();
    }
  }

  chooseCountry(country: string): void {
    this.setValues({ country });
    this.errors = { ...this.errors, country: '' };
    const callingCode = callingCodeOf(country);
    this.emit('hik-country-change', { country, callingCode });
  }

  chooseChannel(channel: Channel): void {
    if (channel === this.values.channel) return;
    this.setValues({ channel });
    this.emit('hik-channel-change', { channel });
  }

  // ---------------------------------------------------------------- Next

  /** Next: check every field, then ask the server to send a code (or reopen the pop-up). */
  async submit(): Promise<void> {
    // Validation is asynchronous: without this guard, quick repeated presses of
    // Next would each pass the busy check before the first request starts.
    if (this.submitting) return;
    this.submitting = true;
    try {
      await this.submitOnce();
    } finally {
      this.submitting = false;
    }
  }

  private async submitOnce(): Promise<void> {
    const flow = this.flow;
    if (flow.step !== 'form' || flow.busy || this.cooldownLeft() > 0) return;
    // Reopening the pop-up sends nothing, so it needs no captcha answer.
    const reopen = flow.pending !== null && flow.pending.expiresAt > Date.now();
    if (!(await this.validateAll(!reopen))) {
      this.focusFirstInvalid();
      this.announce(msg('Some fields need your attention.', { desc: 'Announced after Next with errors' }));
      return;
    }
    if (reopen) {
      // password_weak (or a closed pop-up): the same request and code stay valid.
      await this.host.loadCodeModal();
      this.set({ type: 'reopen' });
      return;
    }
    await this.send();
  }

  private async send(): Promise<void> {
    const body = this.sendBody();
    if (!body) return;
    this.general = null;
    const before = this.flow;
    this.set({ type: 'send' });
    if (this.flow === before) return; // a request is already in flight
    try {
      const [sent] = await Promise.all([this.host.client.sendCode(body), this.host.loadCodeModal()]);
      this.set({ type: 'sent', sent, now: Date.now() });
      const detail: CodeSentDetail = {
        channel: sent.channel, destination: sent.destination, codeLength: sent.codeLength,
        expiresIn: sent.expiresIn, resendAfter: sent.resendAfter,
      };
      this.emit('hik-code-sent', detail);
      this.announce(msg(str`A verification code was sent to ${sent.destination}.`, { desc: 'Announced when the code was sent' }));
    } catch (e) {
      // Try again goes through Next's checks: the challenge is renewed below, so a
      // retry must wait for its answer rather than send none.
      this.fail(e, () => this.submit());
    } finally {
      // Every challenge is single use: accepted or refused, fetch a new one.
      await this.captcha.renew();
    }
  }

  private sendBody(): SendCodeRequest | null {
    const { values } = this;
    const captcha = this.captcha.answer(this.host.captchaToken);
    const base = {
      username: v.normalizeUsername(values.username),
      country: values.country ?? '',
      locale: this.host.activeLocale,
      ...(captcha ? { captcha } : {}),
    };
    if (values.channel === 'email') return { ...base, channel: 'email', email: values.email.trim() };
    const phone = this.contact()?.e164;
    return phone ? { ...base, channel: 'sms', phone } : null;
  }

  // ---------------------------------------------------------------- the code pop-up

  async submitCode(): Promise<void> {
    const flow = this.flow;
    if (flow.step !== 'code' || flow.busy) return;
    const code = this.codeInput()?.code ?? '';
    const { values } = this;
    if (v.passwordError(values.password, values.username)) {
      // A reload restored the pop-up, but the password is never stored: ask for it
      // on the form; the request stays, so Next reopens the pop-up for it.
      this.set({ type: 'cancel' });
      const text = msg('Enter your password again, then press Next.', { desc: 'Password lost by a page reload while the code pop-up was open' });
      this.errors = { ...this.errors, password: text };
      this.host.updateComplete.then(() => this.focusField('password'));
      this.announce(text);
      return;
    }
    const base = {
      requestId: flow.pending.requestId, code, username: v.normalizeUsername(values.username),
      password: values.password, country: values.country ?? '', termsAccepted: true as const,
      locale: this.host.activeLocale,
    };
    const body: CreateAccountRequest = flow.pending.channel === 'email'
      ? { ...base, channel: 'email', email: values.email.trim() }
      : { ...base, channel: 'sms', phone: this.contact()?.e164 ?? '' };
    this.set({ type: 'create' });
    try {
      const account = await this.host.client.createAccount(body);
      this.set({ type: 'created', account });
      clearDraft(this.host.config.endpoint);
      this.values = { ...this.values, password: '', confirm: '' };
      this.emit('hik-register-success', {
        userId: account.userId, username: account.username, country: body.country, channel: body.channel,
        ...(account.session ? { session: account.session } : {}),
      });
      this.announce(msg('Registration complete.', { desc: 'Announced after the account was created' }));
    } catch (e) {
      // A rate limit on OK: OK waits (with its countdown) for retryAfter.
      if (e instanceof ApiError && e.code === 'rate_limited' && e.retryAfter) {
        this.createRetryAt = Date.now() + e.retryAfter * 1000;
      }
      this.fail(e, () => this.submitCode());
      this.codeInput()?.clear();
    }
  }

  async resend(): Promise<void> {
    const flow = this.flow;
    if (flow.step !== 'code' || flow.busy || flow.pending.resendAt > Date.now()) return;
    this.set({ type: 'resend' });
    try {
      const sent = await this.host.client.resendCode(flow.pending.requestId);
      this.set({ type: 'sent', sent, now: Date.now() });
      this.announce(msg(str`A new code was sent to ${sent.destination}.`, { desc: 'Announced after Resend' }));
    } catch (e) {
      this.fail(e, () => this.resend());
      if (this.flow.step === 'form') await this.captcha.renew();
    }
  }

  closeCode(): void {
    this.set({ type: 'cancel' });
  }

  /** The retry button of a network, timeout or bad-response error. */
  async retry(): Promise<void> {
    const action = this.retryAction;
    this.retryAction = null;
    this.general = null;
    this.host.requestUpdate();
    if (action) await action();
  }

  cooldownLeft(): number {
    const until = this.flow.step === 'done' ? 0 : this.flow.cooldownUntil;
    return Math.max(0, Math.ceil((until - Date.now()) / 1000));
  }

  // ---------------------------------------------------------------- errors

  private fail(e: unknown, again: () => Promise<void>): void {
    const err = e instanceof ApiError ? e : new ApiError('bad_response', 'Unexpected failure');
    if (err.code === 'aborted') return;
    const error: FlowError = {
      code: err.code, message: err.message,
      ...(err.field !== undefined ? { field: err.field } : {}),
      ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
      ...(err.attemptsLeft !== undefined ? { attemptsLeft: err.attemptsLeft } : {}),
    };
    this.emit('hik-register-error', { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
    this.set({ type: 'failed', error, now: Date.now() });
    this.retryAction = ['network', 'timeout', 'bad_response'].includes(err.code) ? again : null;
    if (this.flow.step === 'code') {
      this.announce(errorText(error));
      return;
    }
    const text = errorText(error);
    let field: FieldName | undefined = error.field ? FIELD_OF[error.field] : undefined;
    if (error.code === 'captcha_invalid' || error.code === 'captcha_expired') field = 'captcha';
    // With captcha="none" there is no captcha field to show it by: say it for the whole form.
    if (field === 'captcha' && this.host.config.captcha === 'none') field = undefined;
    if (error.code === 'username_taken') field = 'username';
    if (error.code === 'email_taken') field = 'email';
    if (error.code === 'phone_taken') field = 'phone';
    if (error.code === 'password_weak') field = 'password';
    if (['rate_limited', 'too_many_attempts', 'request_expired', 'network', 'timeout', 'bad_response'].includes(err.code)) {
      field = undefined;
    }
    if (field) {
      this.errors = { ...this.errors, [field]: text };
      this.general = null;
      this.host.updateComplete.then(() => this.focusField(field));
    } else {
      this.general = error;
    }
    this.announce(text);
  }

  // ---------------------------------------------------------------- validation

  private fieldError(field: FieldName): string {
    const { values } = this;
    switch (field) {
      case 'username': return v.usernameError(values.username);
      case 'password': return v.passwordError(values.password, values.username);
      case 'confirm': return v.confirmError(values.password, values.confirm);
      case 'country': return v.countryError(values.country);
      case 'terms': return v.termsError(values.termsAccepted);
      case 'captcha': return this.captcha.validationError(this.host.captchaToken);
      default: return '';
    }
  }

  private async validateAll(withCaptcha = true): Promise<boolean> {
    const fields: FieldName[] = ['username', 'password', 'confirm', 'country', ...(withCaptcha ? ['captcha' as const] : []), 'terms'];
    const errors: Partial<Record<FieldName, string>> = {};
    for (const f of fields) errors[f] = this.fieldError(f);
    // A server's verdict on the user name ("taken") stands until the name changes.
    if (!errors.username && this.errors.username) errors.username = this.errors.username;
    this.errors = { ...this.errors, ...errors };
    this.host.requestUpdate();
    await this.host.updateComplete;
    const contactOk = (await this.contact()?.validate()) ?? true;
    return contactOk && fields.every((f) => !this.errors[f]);
  }

  private focusFirstInvalid(): void {
    const first = this.host.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]');
    first?.focus();
  }

  private focusField(field: FieldName): void {
    if (field === 'captcha') {
      this.host.renderRoot.querySelector<HTMLElement>('hik-captcha')?.focus();
      return;
    }
    if (field === 'email' || field === 'phone') {
      this.contact()?.focus();
      return;
    }
    const id = field === 'country' ? 'country-button' : field === 'terms' ? 'terms' : field;
    this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // ---------------------------------------------------------------- user name check

  private scheduleUsernameCheck(): void {
    clearTimeout(this.usernameTimer);
    this.usernameCheck?.abort();
    const name = v.normalizeUsername(this.values.username);
    if (v.usernameError(name)) return;
    this.usernameTimer = setTimeout(async () => {
      const abort = new AbortController();
      this.usernameCheck = abort;
      try {
        const available = await this.host.client.checkUsername(name, abort.signal);
        if (available === false && v.normalizeUsername(this.values.username) === name) {
          this.errors = { ...this.errors, username: errorText({ code: 'username_taken', message: '' }) };
          this.host.requestUpdate();
        }
      } catch {
        // The live check is a courtesy: Next still gets the server's verdict.
      }
    }, 500);
  }

  // ---------------------------------------------------------------- plumbing

  private set(event: FlowEvent): void {
    this.flow = transition(this.flow, event);
    this.persist();
    this.host.requestUpdate();
  }

  private persist(): void {
    if (this.flow.step === 'done') return;
    const { username, country, channel, email, phone, termsAccepted } = this.values;
    saveDraft(this.host.config.endpoint, { username, country, channel, email, phone, termsAccepted, pending: this.flow.pending });
  }

  private announce(text: string): void {
    // Emptying first makes a repeated message be read again.
    this.announcement = '';
    this.host.requestUpdate();
    setTimeout(() => {
      this.announcement = text;
      this.host.requestUpdate();
    }, 50);
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private contact(): ContactLike | null {
    return this.host.renderRoot.querySelector('hik-contact-toggle') as ContactLike | null;
  }

  private codeInput(): CodeLike | null {
    return this.host.renderRoot.querySelector('hik-code-modal') as CodeLike | null;
  }
}
