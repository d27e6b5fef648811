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
import { normalizeUsername, usernameProblem } from '../rules.ts';
import { clientError } from '../client/api-error.ts';
import { callingCodeOf } from '../country/countries.ts';
import { emit, type Step } from '../events.ts';
import { emptyValues, type FieldErrors, type FieldName, type Values } from '../form/form-values.ts';
import * as v from '../form/validation.ts';
import { loadDraft, saveDraft, valuesFromDraft } from './draft.ts';
import { networkText, offlineText } from './connection-messages.ts';
import { reportError, toFlowError, type FlowError } from './flow-error.ts';
import { initialState, transition, type FlowEvent, type FlowState } from './state-machine.ts';
import { UsernameCheckController } from './username-check-controller.ts';
import type { FlowCore, FlowOptions } from './flow-options.ts';
import type * as Requests from './flow-requests.ts';

/** Fields a sent code is bound to: changing one means the next Next sends a new code. */
const BOUND: readonly (keyof Values)[] = ['username', 'country', 'channel', 'email', 'phone'];

export class FlowController implements ReactiveController, FlowCore {
  state: FlowState = initialState;
  values: Values = emptyValues;
  errors: FieldErrors = {};
  readonly host: ReactiveControllerHost & EventTarget;
  readonly options: FlowOptions;
  captchaRenewal: Promise<void> | null = null;
  readonly #username: UsernameCheckController;
  #lastStep: Step = 'form';
  /** The requests and the error texts (flow-requests.ts), loaded after the first paint. */
  #requests: Promise<Requests.FlowRequests> | undefined;
  #texts: typeof Requests | undefined;
  #loaded: Requests.FlowRequests | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, options: FlowOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.#username = new UsernameCheckController(host, {
      check: (name, signal) => this.options.client().checkUsername(name, signal),
      current: () => normalizeUsername(this.values.username),
      onTaken: () => void this.#load().then(() => {
        this.errors = { ...this.errors, username: this.errorText({ code: 'username_taken', message: '' }) };
        this.host.requestUpdate();
      }),
      onError: (e) => {
        const error = toFlowError(e);
        if (error) reportError(this.host, error);
      },
    });
  }

  hostConnected(): void {
    addEventListener('online', this.#online);
    const draft = loadDraft(this.options.config().endpoint);
    this.values = valuesFromDraft(draft, this.options.config());
    const pending = draft.pending;
    if (pending && pending.expiresAt > Date.now()) {
      // A reload while the code pop-up was open: open it again for the same request.
      void this.options.loadCodeModal().then(() => this.set({ type: 'restore', pending, now: Date.now() }));
    }
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
  }

  hostUpdated(): void {
    const step = this.state.step;
    if (step === this.#lastStep) return;
    this.#lastStep = step;
    emit(this.host, 'hik-step-change', { step });
  }

  /** Loads the requests (once; the element asks right after its first paint). */
  preload(): void {
    void this.#load().catch(() => {});
  }

  #load(): Promise<Requests.FlowRequests> {
    this.#requests ??= import('./flow-requests.ts').then((module) => {
      this.#texts = module;
      this.#loaded = new module.FlowRequests(this);
      this.host.requestUpdate();
      return this.#loaded;
    }, (error: unknown) => {
      this.#requests = undefined; // the next action tries again
      throw error;
    });
    return this.#requests;
  }

  /**
   * Runs `action` of the requests: at once when they are in (as a press of Next always
   * ran), else once they are. Their chunk is also the API client's: if it cannot load
   * (offline, a missing file), nothing can be sent, and the form says so.
   */
  async #run(action: (requests: Requests.FlowRequests) => Promise<void>, again: NonNullable<FlowError['offline']>): Promise<void> {
    let requests = this.#loaded;
    if (!requests) {
      try {
        requests = await this.#load();
      } catch {
        const failure = toFlowError(clientError('network'))!;
        const error: FlowError = navigator.onLine ? failure : { ...failure, offline: again };
        reportError(this.host, error);
        this.set({ type: 'failed', error, route: 'form', now: Date.now() });
        this.options.announce(this.errorText(error));
        return;
      }
    }
    await action(requests);
  }

  /** Back online: what was asked for while offline goes by itself, once (its request clears the error; a second call finds it busy). */
  readonly #online = (): void => {
    const again = this.state.step !== 'done' && this.state.error?.offline;
    if (again) void this[again]();
  };

  setValues(patch: Partial<Values>): void {
    if (BOUND.some((k) => k in patch && patch[k] !== this.values[k])) this.set({ type: 'forget' });
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
    emit(this.host, 'hik-country-change', { country, callingCode: callingCodeOf(country) });
  }

  chooseChannel(channel: Values['channel']): void {
    if (channel === this.values.channel) return;
    this.setValues({ channel });
    emit(this.host, 'hik-channel-change', { channel });
  }

  /** Next: check every field, then ask the server to send a code (or reopen the pop-up). */
  submit(): Promise<void> {
    return this.#run((r) => r.submit(), 'submit');
  }

  /** The Try again button of a network, timeout or bad-response error: Next once more. */
  async retry(): Promise<void> {
    this.set({ type: 'dismiss' });
    await this.submit();
  }

  submitCode(): Promise<void> {
    return this.#run((r) => r.submitCode(), 'submitCode');
  }

  resend(): Promise<void> {
    return this.#run((r) => r.resend(), 'resend');
  }

  closeCode(): void {
    this.set({ type: 'cancel' });
  }

  /** The text of a request's error, in the page's language. */
  errorText(error: FlowError): string {
    // Without the requests' chunk the only error there can be is that it did not load.
    return this.#texts?.errorText(error) ?? (error.offline ? offlineText() : networkText());
  }

  /** "Try again in 42 seconds." after a rate limit ('' before any request). */
  tryAgainText(seconds: number, locale: string): string {
    return this.#texts?.tryAgainText(seconds, locale) ?? '';
  }

  /** "Next is available again in 42 seconds." after a rate limit ('' before any request). */
  nextWaitText(seconds: number, locale: string): string {
    return this.#texts?.nextWaitText(seconds, locale) ?? '';
  }

  fieldError(field: FieldName): string {
    return field === 'captcha' ? this.options.captcha.validationError() : v.fieldError(field, this.values);
  }

  set(event: FlowEvent): void {
    this.state = transition(this.state, event);
    this.#persist();
    this.host.requestUpdate();
  }

  #persist(): void {
    if (this.state.step === 'done') return;
    const { username, country, channel, email, phone, termsAccepted } = this.values;
    saveDraft(this.options.config().endpoint, { username, country, channel, email, phone, termsAccepted, pending: this.state.pending });
  }
}
