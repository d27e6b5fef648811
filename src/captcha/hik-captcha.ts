import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { normalizeCaptchaAnswer } from '../rules.ts';
import type { CaptchaAnswer, CaptchaKind, ImageChallenge, PowChallenge } from '../contract.ts';
import { emit } from '../events.ts';
import { lightRenderRoot } from '../internal/light-render-root.ts';
import { uniqueId } from '../internal/unique-id.ts';
import type { PowSolveController, PowState } from './pow-solve-controller.ts';
import { styles } from './hik-captcha.styles.ts';

/**
 * The captcha of the signup form: a picture of characters to type, or a
 * proof-of-work puzzle the browser solves by itself (the accessible alternative).
 * It has no network access: the root fetches challenges and hands them in, and
 * reads `answer` at submit time. Renders into light DOM so its input sits in the
 * root's `<form>`.
 *
 * @summary Image or proof-of-work captcha; the answer is read from `answer`, never sent in an event.
 * @fires hik-captcha-request - `{ kind }`: fetch a new challenge (Refresh, mode switch, or the current one is about to expire).
 * @fires hik-captcha-solved - The proof-of-work challenge is solved (no detail).
 * @cssprop [--hik-color-text=CanvasText]
 * @cssprop [--hik-color-muted=CanvasText]
 * @cssprop [--hik-color-border=FieldText]
 * @cssprop [--hik-color-surface=ButtonFace]
 * @cssprop [--hik-color-background=Field]
 * @cssprop [--hik-color-accent=AccentColor]
 * @cssprop [--hik-color-error=CanvasText]
 * @cssprop [--hik-color-focus=Highlight]
 * @cssprop [--hik-radius=6px]
 */
@customElement('hik-captcha')
@localized()
export class HikCaptcha extends LitElement {
  /** The current challenge; a challenge of the other kind than `mode` is ignored. */
  @property({ attribute: false }) challenge: ImageChallenge | PowChallenge | null = null;

  /** Which kind is shown. The element switches it itself when the user chooses. */
  @property({ attribute: 'mode' }) mode: CaptchaKind = 'image';

  /** The server offers proof of work: with `imageOffered`, shows the "Verify without typing" choice. */
  @property({ type: Boolean, attribute: 'pow-offered' }) powOffered = false;

  /** The server offers the picture. Property only: a boolean attribute cannot default to true. */
  @property({ attribute: false }) imageOffered = true;

  /** Whether `powOffered` and `imageOffered` are the server's answer yet (false: still asking). */
  @property({ attribute: false }) offersKnown = true;

  /** Localized error text, shown under the field and tied to it. */
  @property({ attribute: 'error' }) error = '';

  /** A challenge is being fetched. */
  @property({ type: Boolean, attribute: 'loading' }) loading = false;

  /** Disables the controls (a request is in flight). */
  @property({ type: Boolean, attribute: 'disabled', reflect: true }) disabled = false;

  /** Seconds before a challenge's `expiresIn` runs out at which a new one is requested. */
  @property({ type: Number, attribute: 'expiry-lead' }) expiryLead = 10;

  @state() private typed = '';
  /** The picture that the browser could not decode (its src): shown as the placeholder, never broken. */
  @state() private broken = '';

  @query('.hik-captcha__input') private input?: HTMLInputElement;
  @query('.hik-captcha__status') private status?: HTMLElement;

  private readonly ids = {
    input: uniqueId('hik-captcha-input'),
    hint: uniqueId('hik-captcha-hint'),
    error: uniqueId('hik-captcha-error'),
    status: uniqueId('hik-captcha-status'),
  };
  /** The solver, loaded when the proof of work is first shown: the picture, the default, never needs it. */
  private pow: PowSolveController | undefined;
  /** The solver's chunk is on its way (unset again when it failed to load: the next challenge tries again). */
  private powLoad: Promise<void> | undefined;
  private challengeSince = 0;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  protected override createRenderRoot() {
    return lightRenderRoot(this, styles);
  }

  /** The answer for the current challenge, or null (nothing typed, not solved yet). */
  get answer(): CaptchaAnswer | null {
    const image = this.imageChallenge;
    if (image) {
      const typed = normalizeCaptchaAnswer(this.typed);
      return typed ? { kind: 'image', captchaId: image.captchaId, answer: typed } : null;
    }
    const pow = this.powChallenge;
    const n = this.pow?.answerFor(pow) ?? null;
    return pow && n !== null ? { kind: 'pow', captchaId: pow.captchaId, answer: n } : null;
  }

  /** The current proof-of-work challenge is solved. */
  get solved(): boolean {
    return (this.pow?.answerFor(this.powChallenge) ?? null) !== null;
  }

  /** Focuses the answer input, or the proof-of-work status. */
  override focus(options?: FocusOptions) {
    (this.mode === 'pow' ? this.status : this.input)?.focus(options);
  }

  /** Empties the typed answer. */
  clear() {
    this.typed = '';
  }

  private get imageChallenge(): ImageChallenge | null {
    return this.mode === 'image' && this.challenge?.kind === 'image' ? this.challenge : null;
  }

  private get powChallenge(): PowChallenge | null {
    return this.mode === 'pow' && this.challenge?.kind === 'pow' ? this.challenge : null;
  }

  override connectedCallback() {
    // Pre-rendered inside a served form (hik-register/ssr): the form renders a new one.
    if (this.hasAttribute('defer-hydration')) return;
    super.connectedCallback();
    // Back in the page after a move: the expiry timer that disconnecting stopped runs again.
    if (this.hasUpdated) this.scheduleExpiry();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.expiryTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('challenge')) {
      this.challengeSince = performance.now();
      this.typed = '';
    }
    // Here rather than in updated(): the solver's state then joins this update instead of causing another.
    if (changed.has('challenge') || changed.has('mode')) this.solvePow();
  }

  /** Hands the current puzzle to the solver, loading it the first time the proof of work is shown. */
  private solvePow() {
    if (this.pow) return this.pow.solve(this.powChallenge);
    if (this.mode !== 'pow') return;
    this.powLoad ??= import('./pow-solve-controller.ts').then(({ PowSolveController }) => {
      this.pow = new PowSolveController(this, () => emit(this, 'hik-captcha-solved', null));
      this.pow.solve(this.powChallenge);
    }, () => {
      this.powLoad = undefined;
      this.requestUpdate();
    });
  }

  /** 'waiting' while the solver loads, 'failed' when it could not be loaded (Try again loads it again). */
  private get powState(): PowState {
    return this.pow?.state ?? (this.powLoad ? 'waiting' : 'failed');
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('challenge') || changed.has('expiryLead')) this.scheduleExpiry();
  }

  private request(kind: CaptchaKind) {
    emit(this, 'hik-captcha-request', { kind });
  }

  /** Asks for a fresh challenge shortly before the current one expires, measured from when it arrived. */
  private scheduleExpiry() {
    clearTimeout(this.expiryTimer);
    const challenge = this.challenge;
    if (!challenge || !this.isConnected || !(challenge.expiresIn > 0)) return;
    // Never sooner than half the lifetime: a server giving less than the lead
    // would otherwise be asked again at once, in a loop.
    const after = Math.max(challenge.expiresIn - this.expiryLead, challenge.expiresIn / 2) * 1000;
    this.expiryTimer = setTimeout(() => {
      if (this.challenge === challenge && challenge.kind === this.mode && !this.loading) this.request(challenge.kind);
    }, Math.max(0, after - (performance.now() - this.challengeSince)));
  }

  private onInput(event: InputEvent) {
    // Changing the value mid-composition would break input methods (e.g. Japanese).
    if (event.isComposing) return;
    this.upperCase(event.target as HTMLInputElement);
  }

  private onCompositionEnd(event: CompositionEvent) {
    this.upperCase(event.target as HTMLInputElement);
  }

  /** Upper-cases as typed, keeping the caret where it was (upper-casing may lengthen text: ß → SS). */
  private upperCase(input: HTMLInputElement) {
    const { value, selectionStart, selectionEnd, selectionDirection } = input;
    const max = this.imageChallenge?.length ?? Infinity;
    const upper = value.toUpperCase().slice(0, max);
    if (upper !== value) {
      const at = (index: number | null) => index === null ? null : Math.min(value.slice(0, index).toUpperCase().length, upper.length);
      input.value = upper;
      input.setSelectionRange(at(selectionStart), at(selectionEnd), selectionDirection ?? undefined);
    }
    this.typed = upper;
  }

  private onChoice(event: Event) {
    const kind: CaptchaKind = (event.target as HTMLInputElement).checked ? 'pow' : 'image';
    this.mode = kind;
    this.request(kind);
  }

  protected override render() {
    // Until the server has said which kinds it offers, the choice keeps its place,
    // unseen and inert: when both are offered (the usual case) it appears without
    // moving anything below it.
    const pending = !this.offersKnown;
    const choice = pending || (this.powOffered && this.imageOffered)
      ? html`<label class="hik-captcha__choice" ?inert=${pending}>
          <input type="checkbox" autocomplete="off" .checked=${live(this.mode === 'pow')}
            ?disabled=${this.disabled} @change=${this.onChoice}>
          <span>${msg('Verify without typing', { desc: 'Checkbox: solve the captcha automatically instead of typing characters' })}</span>
        </label>`
      : nothing;
    return html`${choice}${this.mode === 'pow' ? this.renderPow() : this.renderImage()}`;
  }

  private renderError() {
    return this.error ? html`<p class="hik-captcha__error" id=${this.ids.error}>${this.error}</p>` : nothing;
  }

  private renderImage() {
    const challenge = this.imageChallenge;
    const picture = challenge && !this.loading && challenge.image !== this.broken
      ? html`<img src=${challenge.image} @error=${() => { this.broken = challenge.image; }}
          alt=${msg('Verification code picture: type the characters shown', { desc: 'Alternative text of the captcha picture' })}>`
      : html`<span class="hik-captcha__placeholder" role="img" aria-label=${this.loading
          ? msg('Loading a new verification code picture', { desc: 'Captcha picture placeholder while loading' })
          : msg('No verification code picture: choose Refresh', { desc: 'Captcha picture placeholder when none is loaded' })}></span>`;
    const describedBy = this.error ? `${this.ids.hint} ${this.ids.error}` : this.ids.hint;
    return html`
      <label class="hik-captcha__label" for=${this.ids.input}>${msg('Verification Code', { desc: 'Label of the captcha answer field' })}</label>
      <div class="hik-captcha__row">
        <input class="hik-captcha__input" id=${this.ids.input} type="text" name="captcha"
          autocomplete="off" autocapitalize="characters" spellcheck="false" inputmode="text"
          maxlength=${ifDefined(challenge?.length)} .value=${live(this.typed)} ?disabled=${this.disabled}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${describedBy}
          @input=${this.onInput} @compositionend=${this.onCompositionEnd}>
        <div class="hik-captcha__picture" aria-busy=${this.loading ? 'true' : 'false'}>${picture}</div>
        <button class="hik-captcha__refresh" type="button" ?disabled=${this.disabled}
          @click=${() => this.request('image')}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7"></path>
          </svg>
          <span>${msg('Refresh', { desc: 'Button: show a new captcha picture' })}</span>
        </button>
      </div>
      <p class="hik-captcha__hint" id=${this.ids.hint}>${msg('Type the characters in capital letters', { desc: 'Hint under the captcha field' })}</p>
      ${this.renderError()}`;
  }

  private renderPow() {
    // No challenge after a failed load: offer Try again, never an endless "Checking".
    const state = this.loading ? 'waiting' : this.powChallenge ? this.powState : this.error ? 'failed' : 'waiting';
    const label = state === 'solved'
      ? msg('Verified', { desc: 'Proof-of-work captcha: done' })
      : state === 'failed'
        ? msg('Your browser could not be verified', { desc: 'Proof-of-work captcha: no answer found' })
        : msg('Checking your browser…', { desc: 'Proof-of-work captcha: searching' });
    const value = state === 'solved' ? 1 : state === 'solving' ? this.pow?.progress : undefined;
    return html`
      <div class="hik-captcha__pow" aria-busy=${state === 'waiting' ? 'true' : 'false'}>
        <span class="hik-captcha__status" id=${this.ids.status} role="status" tabindex="-1"
          aria-describedby=${ifDefined(this.error ? this.ids.error : undefined)}>${label}</span>
        <progress max="1" value=${ifDefined(value)} aria-labelledby=${this.ids.status}></progress>
        ${state === 'failed'
          ? html`<button class="hik-captcha__retry" type="button" ?disabled=${this.disabled}
              @click=${() => this.request('pow')}>${msg('Try again', { id: 'pow-try-again', desc: 'Button: new proof-of-work captcha' })}</button>`
          : nothing}
        ${this.renderError()}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hik-captcha': HikCaptcha;
  }
}
