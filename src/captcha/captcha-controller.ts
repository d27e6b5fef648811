/**
 * Which captcha challenges the server offers and which one is current. The
 * `<hik-captcha>` child shows a challenge and holds the typed answer; this keeps
 * the fetching: the first challenge, a new one after every Next (challenges are
 * single use), Refresh, the quiet replacement before expiry, and mode switches.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { CaptchaAnswer, CaptchaKind, ImageChallenge, PowChallenge } from '../contract.ts';
import type { ApiClient } from '../client/api-client.ts';
import type { CaptchaMode } from '../attributes.ts';
import { captchaError } from '../form/validation.ts';
import { reportError, toFlowError } from '../flow/flow-error.ts';

export interface CaptchaOptions {
  /** The `captcha` attribute, checked. */
  mode: () => CaptchaMode;
  client: () => ApiClient;
  /** The answer `<hik-captcha>` holds now (read at submit time: it is a secret, never in an event). */
  answer: () => CaptchaAnswer | null;
  /** The token of a third-party CAPTCHA in the slot (`captchaToken`). */
  token: () => { provider: string; token: string } | null;
}

/** Has no lifecycle hooks of its own: the element calls `start()` after its first render. */
export class CaptchaController {
  mode: CaptchaKind = 'image';
  image: ImageChallenge | null = null;
  pow: PowChallenge | null = null;
  imageOffered = true;
  powOffered = false;
  /** Whether the server has answered for both kinds (what it offers is known). */
  offersKnown = false;
  loading = false;
  /** Localized text when a challenge could not be loaded. */
  loadError = '';
  private loads = 0;
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: CaptchaOptions;

  constructor(host: ReactiveControllerHost & EventTarget, options: CaptchaOptions) {
    this.#host = host;
    this.#options = options;
  }

  get challenge(): ImageChallenge | PowChallenge | null {
    return this.mode === 'image' ? this.image : this.pow;
  }

  /** Whether the widget shows a challenge of its own (image or proof of work). */
  get active(): boolean {
    const mode = this.#options.mode();
    return mode === 'image' || mode === 'pow';
  }

  async start(): Promise<void> {
    if (!this.active) return;
    const first: CaptchaKind = this.#options.mode() === 'pow' ? 'pow' : 'image';
    const other: CaptchaKind = first === 'image' ? 'pow' : 'image';
    this.mode = first;
    // The other kind is fetched too, only to learn whether the server offers it.
    await Promise.all([this.load(first), this.load(other)]);
    this.offersKnown = true;
    this.#host.requestUpdate();
  }

  /** A new challenge of the current kind (after Next, on Refresh, before expiry). */
  async renew(): Promise<void> {
    if (this.active) await this.load(this.mode);
  }

  async switchTo(kind: CaptchaKind): Promise<void> {
    if (!this.active) return;
    if (kind === this.mode) {
      await this.load(kind);
      return;
    }
    this.mode = kind;
    this.#host.requestUpdate();
    if (!this.challenge) await this.load(kind);
  }

  private async load(kind: CaptchaKind): Promise<void> {
    const ticket = ++this.loads;
    if (kind === this.mode) {
      this.loading = true;
      this.#host.requestUpdate();
    }
    try {
      const challenge = await this.#options.client().getCaptcha(kind);
      if (kind === 'image') {
        this.imageOffered = challenge !== null;
        this.image = challenge?.kind === 'image' ? challenge : null;
      } else {
        this.powOffered = challenge !== null;
        this.pow = challenge?.kind === 'pow' ? challenge : null;
      }
      if (kind === this.mode) this.loadError = '';
      // The server does not offer the preferred kind: use the other one.
      if (!challenge && kind === this.mode) {
        const other: CaptchaKind = kind === 'image' ? 'pow' : 'image';
        if (other === 'image' ? this.imageOffered : this.powOffered) {
          this.mode = other;
          if (!this.challenge) await this.load(other);
        }
      }
    } catch (e) {
      // Like every error of a request (CONTRACT.md).
      const error = toFlowError(e);
      if (error) reportError(this.#host, error);
      if (kind === this.mode) {
        this.loadError = msg('The verification picture could not be loaded. Press Refresh to try again.', {
          desc: 'Captcha challenge failed to load',
        });
      }
    } finally {
      if (ticket === this.loads || kind === this.mode) this.loading = false;
      this.#host.requestUpdate();
    }
  }

  /** The captcha part of the send-code request, or null when there is none to send. */
  answer(): CaptchaAnswer | null {
    const token = this.#options.token();
    const mode = this.#options.mode();
    if (mode === 'none') return null;
    if (mode === 'slot') return token ? { kind: 'token', provider: token.provider, token: token.token } : null;
    return this.#options.answer();
  }

  validationError(): string {
    const token = this.#options.token();
    const mode = this.#options.mode();
    if (mode === 'none') return '';
    if (mode === 'slot') {
      return token ? '' : msg('Complete the verification above.', { desc: 'Third-party captcha not done yet' });
    }
    if (this.mode === 'pow') {
      return this.answer()
        ? ''
        : msg('Wait until the automatic check is complete.', { desc: 'Proof-of-work captcha still running' });
    }
    const answer = this.answer();
    return captchaError(answer?.kind === 'image' ? answer.answer : '', true);
  }
}
