import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Channel } from '../contract.ts';
import { emit } from '../events.ts';
import { RULES } from '../rules.ts';
import { attemptsText, expiryText, resendText, sentText, statusText, type CodeStatus } from './code-messages.ts';
import { CountdownController } from '../internal/countdown-controller.ts';
import { tryAgainText } from '../flow/error-messages.ts';
import { lightRenderRoot } from '../internal/light-render-root.ts';
import { uniqueId } from '../internal/unique-id.ts';
import { getLocale } from '../i18n/localization.ts';
import { OneTimeCodeController } from './one-time-code-controller.ts';
import { styles } from './hik-code-modal.styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'hik-code-modal': HikCodeModal;
  }
}

/**
 * The verification code pop-up: a native modal `<dialog>` with one one-time-code input,
 * the time left, Resend, OK and Cancel. Renders into light DOM so that its input sits in
 * the parent's tree (autofill, the parent's form).
 *
 * @summary Asks for the one-time code that was sent by email or SMS.
 *
 * @fires hik-code-submit - OK or Enter with a complete code; read the code from `code`. No detail.
 * @fires hik-code-resend - Resend pressed while available. No detail.
 * @fires hik-code-cancel - Closed by the user (Escape or Cancel). No detail.
 *
 * @cssprop [--hik-color-accent] - Buttons and the status bar.
 * @cssprop [--hik-color-background] - Dialog background.
 * @cssprop [--hik-color-text] - Text.
 * @cssprop [--hik-color-muted] - Secondary text, disabled buttons.
 * @cssprop [--hik-color-error] - Error text and invalid border.
 * @cssprop [--hik-color-focus] - Focus ring.
 * @cssprop [--hik-radius] - Corner radius.
 */
// customElement last: it defines the element, and instances already in the page are
// upgraded right then, so @localized() must have added its controller before.
@customElement('hik-code-modal')
@localized()
export class HikCodeModal extends LitElement {
  /** Whether the pop-up is shown (as a modal dialog). */
  @property({ type: Boolean, attribute: 'open', reflect: true }) open = false;

  /** How the code was sent: `email` or `sms`. */
  @property({ attribute: 'channel' }) channel: Channel = 'email';

  /** Where the code was sent, masked by the server; shown as given. */
  @property({ attribute: 'destination' }) destination = '';

  /** Number of digits in the code (4 to 8). */
  @property({ type: Number, attribute: 'code-length' }) codeLength = 6;

  /** When the code expires (epoch ms), or `null` if unknown. */
  @property({ type: Number, attribute: 'expires-at' }) expiresAt: number | null = null;

  /** When Resend becomes available (epoch ms), or `null` for at once. */
  @property({ type: Number, attribute: 'resend-at' }) resendAt: number | null = null;

  /** Until when (epoch ms) OK must wait after a rate limit, or `null`. */
  @property({ type: Number, attribute: 'retry-at' }) retryAt: number | null = null;

  /** Attempts left after a wrong code, or `null` to say nothing. */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft: number | null = null;

  /** A localized error about the code (plain text), shown under the input. */
  @property({ attribute: 'error' }) error = '';

  /** The code has expired (the server said so); Resend is put forward. */
  @property({ type: Boolean, attribute: 'expired' }) expired = false;

  /** A request is in flight: OK and Resend do nothing. */
  @property({ type: Boolean, attribute: 'busy' }) busy = false;

  /** The clock (epoch ms). Tests pass a fake one. */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private localError = '';
  @state() private status: CodeStatus = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('input') private input?: HTMLInputElement;

  readonly #ids = {
    heading: uniqueId('hik-code-heading'),
    sent: uniqueId('hik-code-sent'),
    input: uniqueId('hik-code-input'),
    error: uniqueId('hik-code-error'),
    attempts: uniqueId('hik-code-attempts'),
  };

  readonly #countdown = new CountdownController(this, {
    deadlines: () => (this.open ? [this.expiresAt, this.resendAt, this.retryAt] : []),
    now: () => this.now(),
  });

  readonly #code = new OneTimeCodeController(this, {
    input: () => this.input,
    length: () => this.#length,
    changed: () => (this.localError = ''),
    submit: () => this.#submit(),
  });

  #wasExpired = false;

  /** The digits typed so far (never sent anywhere by this element). */
  get code(): string {
    return this.#code.value;
  }

  /** Opens the pop-up. */
  show(): void {
    this.open = true;
  }

  /** Closes the pop-up without firing `hik-code-cancel`. */
  close(): void {
    this.open = false;
  }

  /** Empties the input and its own "enter the code" error. */
  clear(): void {
    this.#code.clear();
    this.localError = '';
  }

  /** Moves focus to the code input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override createRenderRoot(): HTMLElement {
    return lightRenderRoot(this, styles);
  }

  get #length(): number {
    const n = Math.trunc(this.codeLength);
    return Number.isFinite(n) ? Math.min(RULES.codeMax, Math.max(RULES.codeMin, n)) : 6;
  }

  get #isExpired(): boolean {
    return this.expired || (this.expiresAt != null && this.now() >= this.expiresAt);
  }

  get #resendWait(): number {
    return this.#countdown.secondsLeft(this.resendAt);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const expired = this.#isExpired;
    if (changed.has('open') && !this.open) this.localError = '';
    if (changed.has('open') && this.open) {
      this.status = expired ? 'expired' : '';
    } else if (this.open && expired && !this.#wasExpired) {
      this.status = 'expired';
    } else if (
      this.open &&
      !expired &&
      (this.#wasExpired || (changed.has('expiresAt') && changed.get('expiresAt') != null))
    ) {
      // A fresh deadline while open means the root has had a new code sent.
      this.status = 'resent';
    }
    this.#wasExpired = expired;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open') || !this.dialog) return;
    if (this.open && !this.dialog.open) {
      this.dialog.showModal();
      this.input?.focus();
      if (this.channel === 'sms') this.#code.listenForSms();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
    if (!this.open) {
      // The code is single use; keeping it in the DOM after closing serves nobody.
      this.#code.stopListening();
      this.#code.clear();
    }
  }

  protected override render() {
    const n = this.#length;
    const locale = getLocale();
    const expired = this.#isExpired;
    const wait = this.#resendWait;
    const resendOff = this.busy || wait > 0;
    const retryWait = this.#countdown.secondsLeft(this.retryAt);
    const okOff = this.busy || retryWait > 0;
    const errorText = this.localError || this.error;
    const describedBy = [
      errorText ? this.#ids.error : '',
      this.attemptsLeft != null ? this.#ids.attempts : '',
    ].filter(Boolean).join(' ');
    return html`
      <dialog class="hik-code-modal" aria-labelledby=${this.#ids.heading}
        aria-describedby=${this.#ids.sent} aria-busy=${this.busy ? 'true' : 'false'}
        @close=${this.#onClose}>
        <h2 id=${this.#ids.heading}>
          ${msg('Enter the verification code', { desc: 'Heading of the code pop-up' })}
        </h2>
        <p id=${this.#ids.sent}>${sentText(this.channel, this.destination)}</p>
        ${this.channel === 'email'
          ? html`<p class="hik-code-modal__hint">
              ${msg('Be sure to check both regular and spam inboxes.', {
                desc: 'Code pop-up, email only',
              })}
            </p>`
          : nothing}
        <label for=${this.#ids.input}>
          ${msg('Verification code', { desc: 'Label of the one-time code input' })}
        </label>
        <input id=${this.#ids.input} class="hik-code-modal__input" type="text" name="code"
          autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength=${n}
          spellcheck="false" autocapitalize="off" enterkeyhint="done"
          aria-invalid=${errorText ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @beforeinput=${this.#code.onBeforeInput}
          @input=${this.#code.onInput}
          @paste=${this.#code.onPaste}
          @keydown=${this.#code.onKeyDown}
        />
        <div aria-live="polite">
          <p id=${this.#ids.error} class="hik-code-modal__error">${errorText}</p>
          ${this.attemptsLeft != null
            ? html`<p id=${this.#ids.attempts}>${attemptsText(this.attemptsLeft, locale)}</p>`
            : nothing}
        </div>
        ${this.expiresAt != null && !expired
          ? html`<p class="hik-code-modal__expiry">
              ${expiryText(this.#countdown.secondsLeft(this.expiresAt), locale)}
            </p>`
          : nothing}
        <div role="status" class="hik-code-modal__status">${statusText(this.status)}</div>
        <div class="hik-code-modal__resend-row">
          <button type="button" class=${expired && !resendOff ? 'hik-code-modal__primary' : ''}
            aria-disabled=${resendOff ? 'true' : 'false'} @click=${this.#onResend}>
            ${resendText(wait, locale)}
          </button>
        </div>
        ${retryWait > 0
          ? html`<p class="hik-code-modal__expiry">${tryAgainText(retryWait, locale)}</p>`
          : nothing}
        <div class="hik-code-modal__actions">
          <button type="button" class="hik-code-modal__ok ${expired ? '' : 'hik-code-modal__primary'}"
            aria-disabled=${okOff ? 'true' : 'false'} @click=${this.#submit}>
            ${msg('OK', { id: 'code-ok', desc: 'Submits the verification code' })}
          </button>
          <button type="button" @click=${this.#cancel}>
            ${msg('Cancel', { id: 'code-cancel', desc: 'Closes the code pop-up' })}
          </button>
        </div>
      </dialog>
    `;
  }

  #submit(): void {
    if (this.busy || this.#countdown.secondsLeft(this.retryAt) > 0) return;
    const n = this.#length;
    if (this.code.length !== n) {
      this.localError = msg(str`Enter the ${n}-digit code`, { desc: 'Code too short' });
      this.input?.focus();
      return;
    }
    this.localError = '';
    emit(this, 'hik-code-submit', null);
  }

  #onResend(): void {
    // aria-disabled keeps the button focusable and its countdown readable; clicks wait.
    if (this.busy || this.#resendWait > 0) return;
    emit(this, 'hik-code-resend', null);
  }

  #cancel(): void {
    // The `close` event handler turns this into `hik-code-cancel`.
    this.dialog?.close();
  }

  #onClose(): void {
    // Escape (or Cancel) closed the dialog natively while we still think it is open.
    if (this.open && !this.dialog?.open) {
      this.open = false;
      emit(this, 'hik-code-cancel', null);
    }
  }
}
