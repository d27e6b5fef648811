import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Channel } from './contract.ts';
import { RULES } from './rules.ts';
import { CountdownController } from './countdown.ts';
import { codeFromText, formatDuration, formatSeconds, onlyDigits } from './format.ts';
import { lightRenderRoot, uniqueId } from './light-dom.ts';
import { getLocale } from './localization.ts';
import { styles } from './hik-code-modal.styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'hik-code-modal': HikCodeModal;
  }
  interface HTMLElementEventMap {
    /** The user asks to check the code; read it from `code`. No detail. */
    'hik-code-submit': CustomEvent<null>;
    /** The user asks for a new code. No detail. */
    'hik-code-resend': CustomEvent<null>;
    /** The user closed the pop-up (Escape or Cancel). No detail. */
    'hik-code-cancel': CustomEvent<null>;
  }
}

// The WebOTP API is not in TypeScript's DOM lib.
interface OtpRequestOptions extends CredentialRequestOptions {
  otp: { transport: string[] };
}

type Status = '' | 'expired' | 'resent';

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
@localized()
@customElement('hik-code-modal')
export class HikCodeModal extends LitElement {
  /** Whether the pop-up is shown (as a modal dialog). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** How the code was sent: `email` or `sms`. */
  @property() channel: Channel = 'email';

  /** Where the code was sent, masked by the server; shown as given. */
  @property() destination = '';

  /** Number of digits in the code (4 to 8). */
  @property({ type: Number, attribute: 'code-length' }) codeLength = 6;

  /** When the code expires (epoch ms), or `null` if unknown. */
  @property({ type: Number, attribute: 'expires-at' }) expiresAt: number | null = null;

  /** When Resend becomes available (epoch ms), or `null` for at once. */
  @property({ type: Number, attribute: 'resend-at' }) resendAt: number | null = null;

  /** Attempts left after a wrong code, or `null` to say nothing. */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft: number | null = null;

  /** A localized error about the code (plain text), shown under the input. */
  @property() error = '';

  /** The code has expired (the server said so); Resend is put forward. */
  @property({ type: Boolean }) expired = false;

  /** A request is in flight: OK and Resend do nothing. */
  @property({ type: Boolean }) busy = false;

  /** The clock (epoch ms). Tests pass a fake one. */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private localError = '';
  @state() private status: Status = '';

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
    deadlines: () => (this.open ? [this.expiresAt, this.resendAt] : []),
    now: () => this.now(),
  });

  #otp: AbortController | undefined;
  #wasExpired = false;

  /** The digits typed so far (never sent anywhere by this element). */
  get code(): string {
    return this.input?.value ?? '';
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
    if (this.input) this.input.value = '';
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
      this.#listenForSms();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
    if (!this.open) {
      // The code is single use; keeping it in the DOM after closing serves nobody.
      this.#otp?.abort();
      this.#otp = undefined;
      if (this.input) this.input.value = '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#otp?.abort();
  }

  protected override render() {
    const n = this.#length;
    const locale = getLocale();
    const expired = this.#isExpired;
    const wait = this.#resendWait;
    const resendOff = this.busy || wait > 0;
    const errorText = this.localError || this.error;
    const describedBy = [
      errorText ? this.#ids.error : '',
      this.attemptsLeft != null ? this.#ids.attempts : '',
    ].filter(Boolean).join(' ');
    const dest = html`<bdi dir="ltr">${this.destination}</bdi>`;
    return html`
      <dialog
        class="hik-code-modal"
        aria-labelledby=${this.#ids.heading}
        aria-describedby=${this.#ids.sent}
        aria-busy=${this.busy ? 'true' : 'false'}
        @close=${this.#onClose}
      >
        <h2 id=${this.#ids.heading}>
          ${msg('Enter the verification code', { desc: 'Heading of the code pop-up' })}
        </h2>
        <p id=${this.#ids.sent}>
          ${this.channel === 'sms'
            ? msg(html`We sent a verification code by text message to ${dest}.`, {
                desc: 'Code pop-up; the phone number is masked, like +44 77** ***123',
              })
            : msg(html`We sent a verification code to ${dest}.`, {
                desc: 'Code pop-up; the email address is masked, like a***@example.com',
              })}
        </p>
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
        <input
          id=${this.#ids.input}
          class="hik-code-modal__input"
          type="text"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
          pattern="[0-9]*"
          maxlength=${n}
          spellcheck="false"
          autocapitalize="off"
          enterkeyhint="done"
          aria-invalid=${errorText ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @beforeinput=${this.#onBeforeInput}
          @input=${this.#onInput}
          @paste=${this.#onPaste}
          @keydown=${this.#onKeyDown}
        />
        <div aria-live="polite">
          <p id=${this.#ids.error} class="hik-code-modal__error">${errorText}</p>
          ${this.attemptsLeft != null
            ? html`<p id=${this.#ids.attempts}>${this.#attemptsText(this.attemptsLeft, locale)}</p>`
            : nothing}
        </div>
        ${this.expiresAt != null && !expired
          ? html`<p class="hik-code-modal__expiry">
              ${msg(
                str`The code expires in ${formatDuration(
                  this.#countdown.secondsLeft(this.expiresAt),
                  locale,
                )}.`,
                { desc: 'Time left, like "9 minutes, 41 seconds"' },
              )}
            </p>`
          : nothing}
        <div role="status" class="hik-code-modal__status">${this.#statusText()}</div>
        <div class="hik-code-modal__resend-row">
          <button
            type="button"
            class=${expired && !resendOff ? 'hik-code-modal__primary' : ''}
            aria-disabled=${resendOff ? 'true' : 'false'}
            @click=${this.#onResend}
          >
            ${wait > 0
              ? msg(str`Resend code in ${formatSeconds(wait, locale)}`, {
                  desc: 'Resend button while waiting; must begin with the word for Resend',
                })
              : msg('Resend code', { desc: 'Button that sends a new code' })}
          </button>
        </div>
        <div class="hik-code-modal__actions">
          <button
            type="button"
            class="hik-code-modal__ok ${expired ? '' : 'hik-code-modal__primary'}"
            aria-disabled=${this.busy ? 'true' : 'false'}
            @click=${this.#submit}
          >
            ${msg('OK', { desc: 'Submits the verification code' })}
          </button>
          <button type="button" @click=${this.#cancel}>
            ${msg('Cancel', { desc: 'Closes the code pop-up' })}
          </button>
        </div>
      </dialog>
    `;
  }

  #attemptsText(count: number, locale: string): string {
    const n = new Intl.NumberFormat(locale).format(count);
    return new Intl.PluralRules(locale).select(count) === 'one'
      ? msg(str`${n} attempt left`, { desc: 'After a wrong code; one form' })
      : msg(str`${n} attempts left`, { desc: 'After a wrong code; other forms' });
  }

  #statusText(): string {
    if (this.status === 'expired') {
      return msg('The code has expired. Use Resend code to get a new one.', {
        desc: 'Announced when the code expires',
      });
    }
    if (this.status === 'resent') {
      return msg('A new code has been sent.', { desc: 'Announced after Resend' });
    }
    return '';
  }

  #setCode(value: string): void {
    if (!this.input) return;
    this.input.value = value.slice(0, this.#length);
    this.localError = '';
  }

  #onBeforeInput(e: InputEvent): void {
    // Drop a typed non-digit before it lands, which keeps the caret where it was.
    if (e.inputType === 'insertText' && e.data && onlyDigits(e.data) === '') e.preventDefault();
  }

  #onInput(): void {
    // Autofill, drag and drop, IMEs: whatever got in, keep only the digits.
    const value = this.input?.value ?? '';
    const digits = onlyDigits(value).slice(0, this.#length);
    if (digits !== value) this.#setCode(digits);
    else this.localError = '';
  }

  #onPaste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain');
    const input = this.input;
    if (text == null || !input) return;
    // Handled here because `maxlength` would cut "Your code: 123456" before the digits.
    e.preventDefault();
    const pasted = codeFromText(text, this.#length);
    if (pasted.length >= this.#length) {
      this.#setCode(pasted);
    } else {
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      this.#setCode(input.value.slice(0, start) + pasted + input.value.slice(end));
      const caret = Math.min(start + pasted.length, input.value.length);
      input.setSelectionRange(caret, caret);
    }
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing) return;
    // Enter would otherwise submit the parent's form (implicit submission).
    e.preventDefault();
    this.#submit();
  }

  #submit(): void {
    if (this.busy) return;
    const n = this.#length;
    if (this.code.length !== n) {
      this.localError = msg(str`Enter the ${n}-digit code`, { desc: 'Code too short' });
      this.input?.focus();
      return;
    }
    this.localError = '';
    this.#fire('hik-code-submit');
  }

  #onResend(): void {
    // aria-disabled keeps the button focusable and its countdown readable; clicks wait.
    if (this.busy || this.#resendWait > 0) return;
    this.#fire('hik-code-resend');
  }

  #cancel(): void {
    // The `close` event handler turns this into `hik-code-cancel`.
    this.dialog?.close();
  }

  #onClose(): void {
    // Escape (or Cancel) closed the dialog natively while we still think it is open.
    if (this.open && !this.dialog?.open) {
      this.open = false;
      this.#fire('hik-code-cancel');
    }
  }

  #listenForSms(): void {
    if (this.channel !== 'sms' || !('OTPCredential' in window)) return;
    const abort = new AbortController();
    this.#otp = abort;
    const options: OtpRequestOptions = { otp: { transport: ['sms'] }, signal: abort.signal };
    try {
      navigator.credentials
        .get(options)
        .then((credential) => {
          const code = (credential as { code?: unknown } | null)?.code;
          if (!abort.signal.aborted && typeof code === 'string') {
            this.#setCode(codeFromText(code, this.#length));
          }
        })
        .catch(() => {
          // Aborted, refused or timed out: the user types the code.
        });
    } catch {
      // Some embedders expose OTPCredential but throw on get (permissions policy).
    }
  }

  #fire(type: 'hik-code-submit' | 'hik-code-resend' | 'hik-code-cancel'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: false, detail: null }));
  }
}
