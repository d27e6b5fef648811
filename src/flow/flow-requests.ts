/**
 * The flow's requests: Next (every field checked, then the code sent), OK in the code
 * pop-up (the account created), Resend, and what each failure shows and fires. The
 * FlowController loads this module right after the first paint, in the API client's
 * chunk: nothing can be sent before that chunk is in anyway.
 */
import { msg, str } from '@lit/localize';
import type { ApiClient } from '../client/api-client.ts';
import { ClientError, clientError } from '../client/api-error.ts';
import { emit } from '../events.ts';
import type { FieldErrors, FieldName } from '../form/form-values.ts';
import * as v from '../form/validation.ts';
import { CountdownController } from '../internal/countdown-controller.ts';
import { clearDraft } from './draft.ts';
import { errorText } from './error-messages.ts';
import { routeError } from './error-routing.ts';
import { reportError, toFlowError, type FlowError } from './flow-error.ts';
import type { FlowCore } from './flow-options.ts';
import { createAccountBody, sendCodeBody } from './request-bodies.ts';
import { transition } from './state-machine.ts';

export { errorText, nextWaitText, tryAgainText } from './error-messages.ts';

export class FlowRequests {
  readonly #flow: FlowCore;

  constructor(flow: FlowCore) {
    this.#flow = flow;
    // The rate-limit countdown under Next ticks, and Next comes back when it ends.
    new CountdownController(flow.host, { deadlines: () => [flow.state.step === 'done' ? null : flow.state.cooldownUntil] });
  }

  /** A request, unless the browser is offline: then nothing is sent, and it fails as `network`. */
  #call<T>(request: (client: ApiClient) => Promise<T>): Promise<T> {
    return navigator.onLine ? request(this.#flow.options.client()) : Promise.reject(clientError('network'));
  }

  /** Next: check every field, then ask the server to send a code (or reopen the pop-up). */
  async submit(): Promise<void> {
    const flow = this.#flow;
    const before = flow.state;
    // While the (asynchronous) check runs, presses are ignored; nothing shows it, so no render.
    flow.state = transition(before, { type: 'submit', now: Date.now() });
    if (flow.state === before || flow.state.step !== 'form') return;
    if (flow.captchaRenewal) await flow.captchaRenewal;
    // Reopening the pop-up sends nothing, so it needs no captcha answer.
    const pending = flow.state.pending;
    const reopen = pending !== null && pending.expiresAt > Date.now();
    if (!(await this.#validateAll(!reopen))) {
      flow.set({ type: 'invalid' });
      flow.options.focus(null);
      flow.options.announce(msg('Some fields need your attention.', { desc: 'Announced after Next with errors' }));
      return;
    }
    if (reopen) {
      // password_weak (or a closed pop-up): the same request and code stay valid.
      await flow.options.loadCodeModal();
      flow.set({ type: 'reopen' });
      return;
    }
    await this.#send();
  }

  async #send(): Promise<void> {
    const flow = this.#flow;
    const { options } = flow;
    const body = sendCodeBody(flow.values, {
      captcha: options.captcha.answer(), phone: options.phoneE164(), locale: options.locale(),
    });
    if (!body) {
      flow.set({ type: 'invalid' });
      return;
    }
    flow.set({ type: 'send' });
    let offline = false;
    try {
      const [sent] = await this.#call((c) => Promise.all([c.sendCode(body), options.loadCodeModal()]));
      flow.set({ type: 'sent', sent, now: Date.now() });
      const { channel, destination, codeLength, expiresIn, resendAfter } = sent;
      emit(flow.host, 'hik-code-sent', { channel, destination, codeLength, expiresIn, resendAfter });
      options.announce(msg(str`A verification code was sent to ${sent.destination}.`, { desc: 'Announced when the code was sent' }));
    } catch (e) {
      offline = this.fail(e, 'submit');
    } finally {
      // Every challenge is single use: accepted or refused, fetch a new one (offline, none was sent).
      if (!offline) flow.captchaRenewal = options.captcha.renew();
      await flow.captchaRenewal;
      flow.captchaRenewal = null;
    }
  }

  async submitCode(): Promise<void> {
    const flow = this.#flow;
    const { options, state, values } = flow;
    if (state.step !== 'code' || state.inFlight) return;
    if (v.passwordError(values.password, values.username)) {
      // A reload restored the pop-up, but the password is never stored: ask for it
      // on the form; the request stays, so Next reopens the pop-up for it.
      flow.set({ type: 'cancel' });
      const text = msg('Enter your password again, then press Next.', { desc: 'Password lost by a page reload while the code pop-up was open' });
      flow.errors = { ...flow.errors, password: text };
      void flow.host.updateComplete.then(() => options.focus('password'));
      options.announce(text);
      return;
    }
    const body = createAccountBody(values, state.pending, {
      code: options.code(), phone: options.phoneE164(), locale: options.locale(),
    });
    flow.set({ type: 'create' });
    try {
      const account = await this.#call((c) => c.createAccount(body));
      flow.set({ type: 'created', account });
      clearDraft(options.config().endpoint);
      flow.values = { ...flow.values, password: '', confirm: '' };
      emit(flow.host, 'hik-register-success', {
        userId: account.userId, username: account.username, country: body.country, channel: body.channel,
        ...(account.session ? { session: account.session } : {}),
      });
      options.announce(msg('Registration complete.', { desc: 'Announced after the account was created' }));
    } catch (e) {
      if (!this.fail(e, 'submitCode')) options.clearCode();
    }
  }

  async resend(): Promise<void> {
    const flow = this.#flow;
    const state = flow.state;
    if (state.step !== 'code' || state.inFlight || state.pending.resendAt > Date.now()) return;
    flow.set({ type: 'resend' });
    try {
      const sent = await this.#call((c) => c.resendCode(state.pending.requestId));
      flow.set({ type: 'sent', sent, now: Date.now() });
      flow.options.announce(msg(str`A new code was sent to ${sent.destination}.`, { desc: 'Announced after Resend' }));
    } catch (e) {
      this.fail(e, 'resend');
      if (flow.state.step === 'form') await flow.options.captcha.renew();
    }
  }

  /** Shows and dispatches a failure; true when it was the browser being offline (`again` then waits for 'online'). */
  fail(e: unknown, again: NonNullable<FlowError['offline']>): boolean {
    const flow = this.#flow;
    const failure = toFlowError(e);
    if (!failure) return false;
    // Only the client's own `network` error: a server's code "network" is the server's.
    const offline = e instanceof ClientError && failure.code === 'network' && !navigator.onLine;
    const error: FlowError = offline ? { ...failure, offline: again } : failure;
    reportError(flow.host, error);
    const from = flow.state.step === 'code' ? 'code' : 'form';
    const route = routeError(error, from, (f) => f === 'captcha'
      ? flow.options.config().captcha !== 'none'
      : f !== (flow.values.channel === 'email' ? 'phone' : 'email'));
    flow.set({ type: 'failed', error, route, now: Date.now() });
    const text = errorText(error);
    if (route !== 'form' && route !== 'code') {
      flow.errors = { ...flow.errors, [route]: text };
      void flow.host.updateComplete.then(() => flow.options.focus(route));
    }
    flow.options.announce(text);
    return offline;
  }

  async #validateAll(withCaptcha: boolean): Promise<boolean> {
    const flow = this.#flow;
    const fields: FieldName[] = ['username', 'password', 'confirm', 'country', ...(withCaptcha ? ['captcha' as const] : []), 'terms'];
    const errors: FieldErrors = {};
    for (const f of fields) errors[f] = flow.fieldError(f);
    // A server's verdict on the user name ("taken") stands until the name changes.
    if (!errors.username && flow.errors.username) errors.username = flow.errors.username;
    flow.errors = { ...flow.errors, ...errors };
    flow.host.requestUpdate();
    await flow.host.updateComplete;
    const contactOk = await flow.options.validateContact();
    return contactOk && fields.every((f) => !flow.errors[f]);
  }
}
