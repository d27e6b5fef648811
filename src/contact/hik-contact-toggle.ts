import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import type { Channel } from '../contract.ts';
import { CHANNELS, parseChannels } from '../attributes.ts';
import { emit } from '../events.ts';
import { RULES } from '../rules.ts';
import { lightRenderRoot } from '../internal/light-render-root.ts';
import { uniqueId } from '../internal/unique-id.ts';
import { loadPhone, type PhoneTools } from './phone.ts';
import { emailError, needsCountryError } from './contact-validation.ts';
import { styles } from './hik-contact-toggle.styles.ts';

/** Localized error text per field, set by the root (server errors, its own checks). */
export interface ContactErrors { email?: string; phone?: string }

/** `"email sms"` ⇄ `['email', 'sms']`, ignoring unknown words (none known: both are offered). */
const channelsConverter = {
  fromAttribute: (value: string | null): Channel[] => parseChannels(value ?? '').channels,
  toAttribute: (value: Channel[]) => value.join(' '),
};

/**
 * The choice between registering by email address or by mobile phone number, and
 * the input for the chosen way. Renders into light DOM so that its inputs belong to
 * the parent's form (autofill, password managers).
 *
 * @summary Email / mobile phone choice and inputs of `<hik-register>`.
 * @fires hik-channel-select - `{ channel }`, when the user picks the other way.
 * @fires hik-contact-input - `{ channel, email, phone }`, on every edit of either input.
 * @cssprop [--hik-color-text=CanvasText] - text colour
 * @cssprop [--hik-color-muted=#535a63] - "Select a country first" hint colour
 * @cssprop [--hik-color-border=GrayText] - input and prefix border
 * @cssprop [--hik-color-surface=Canvas] - country code prefix background
 * @cssprop [--hik-color-background=Field] - input background
 * @cssprop [--hik-color-accent=AccentColor] - radio buttons
 * @cssprop [--hik-color-error=#b00020] - error text and invalid border
 * @cssprop [--hik-color-focus=Highlight] - focus outline
 * @cssprop [--hik-radius=6px] - corner radius
 * @cssprop [--hik-space=0.75rem] - space below the radio group
 * @cssprop [--hik-font-family] - font
 */
// customElement last: it defines the element, and instances already in the page are
// upgraded right then, so @localized() must have added its controller before.
@customElement('hik-contact-toggle')
@localized()
export class HikContactToggle extends LitElement {
  /** The chosen way: `email` or `sms`. */
  @property({ attribute: 'channel' }) channel: Channel = 'email';

  /** The ways offered (attribute: space-separated). With one, no radio group is shown. */
  @property({ attribute: 'channels', converter: channelsConverter }) channels: Channel[] = [...CHANNELS];

  /** The chosen country, ISO 3166-1 alpha-2 (phone numbers are checked for it). */
  @property({ attribute: 'country' }) country: string | null = null;

  /** The country's calling code without `+` (`"44"`), shown before the phone input. */
  @property({ attribute: 'calling-code' }) callingCode: string | null = null;

  /** The email address as typed (trimmed when the field is left). */
  @property({ attribute: 'email' }) email = '';

  /** The phone number as typed, in national format (`07700 900123`). */
  @property({ attribute: 'phone' }) phone = '';

  /** Localized errors to show on the fields; they win over the element's own checks. */
  @property({ attribute: false }) errors: ContactErrors = {};

  /** Disables the radios and the inputs. */
  @property({ type: Boolean, attribute: 'disabled', reflect: true }) disabled = false;

  @state() private ownErrors: ContactErrors = {};
  @state() private tools: PhoneTools | null = null;

  private readonly ids = uniqueId('hik-contact');
  /**
   * Removing or disabling the focused input (switching way, `disabled`) blurs it in
   * the middle of a render: that is not the user leaving the field, so no check runs.
   */
  private rendering = false;

  protected override createRenderRoot() {
    return lightRenderRoot(this, styles);
  }

  override connectedCallback() {
    // Pre-rendered inside a served form (hik-register/ssr): the form renders a new one.
    if (!this.hasAttribute('defer-hydration')) super.connectedCallback();
  }

  /** The phone number in E.164 (`+447400123456`) when it is valid for the country, else null. */
  get e164(): string | null {
    if (!this.tools || !this.country) return null;
    return this.tools.toE164(this.phone, this.country);
  }

  /**
   * Checks the visible field, shows the message next to it and returns whether it is
   * valid. Waits for the phone library when the phone way is chosen, and rejects
   * if that library cannot be loaded (offline).
   */
  async validate(): Promise<boolean> {
    await this.updateComplete;
    const channel = this.activeChannel;
    if (channel === 'sms') await this.ensureTools();
    const error = channel === 'email' ? emailError(this.email) : this.phoneError() ?? '';
    this.ownErrors = { ...this.ownErrors, [channel === 'email' ? 'email' : 'phone']: error };
    await this.updateComplete;
    return !error;
  }

  /** Focuses the visible input. */
  override focus(options?: FocusOptions) {
    this.querySelector<HTMLInputElement>('.hik-contact__input')?.focus(options);
  }

  /** The way actually shown: `channel` if offered, else the first offered way. */
  private get activeChannel(): Channel {
    const offered = this.channels.length ? this.channels : CHANNELS;
    return offered.includes(this.channel) ? this.channel : offered[0];
  }

  private get countryCode(): string | null {
    return this.country ? this.country.toUpperCase() : null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // A failed load is retried by the next update or validate(), which reports it.
    if (this.activeChannel === 'sms' && !this.tools?.ready(this.countryCode)) this.ensureTools().catch(() => undefined);
    if (changed.has('country') && changed.get('country') !== undefined) this.onCountryChanged();
  }

  /** The library with the chosen country's metadata (loaded per calling code, once). */
  private async ensureTools(): Promise<PhoneTools> {
    const tools = await loadPhone(this.countryCode);
    if (tools !== this.tools) {
      this.tools = tools;
      // The country's numbering plan just arrived: as when the country changes, the
      // number typed before is formatted for it and a message shown is checked again.
      this.onCountryChanged();
    }
    return tools;
  }

  private onCountryChanged() {
    const country = this.countryCode;
    if (this.tools && country && this.phone) this.phone = this.tools.format(this.phone, country);
    // An error shown for the old country ("Select a country first") is stale now.
    if (this.ownErrors.phone !== undefined && this.tools) this.ownErrors = { ...this.ownErrors, phone: this.phoneError() };
  }

  /**
   * The phone field's message (`''`: valid), or undefined while the tools that can tell
   * are still loading: they check it again when they arrive (onCountryChanged).
   */
  private phoneError(): string | undefined {
    const country = this.countryCode;
    return country ? this.tools?.message(this.phone, country) : needsCountryError();
  }

  private select(channel: Channel) {
    if (channel === this.activeChannel) return;
    this.channel = channel;
    emit(this, 'hik-channel-select', { channel });
  }

  private emitInput() {
    emit(this, 'hik-contact-input', {
      channel: this.activeChannel, email: this.email.trim(), phone: this.phone,
    });
  }

  private onEmailInput(event: InputEvent) {
    this.email = (event.target as HTMLInputElement).value;
    // Before the first blur there is no message; once there is one, it follows the typing.
    if (this.ownErrors.email) this.ownErrors = { ...this.ownErrors, email: emailError(this.email) };
    this.emitInput();
  }

  private onEmailBlur() {
    if (this.rendering) return;
    this.email = this.email.trim();
    this.ownErrors = { ...this.ownErrors, email: emailError(this.email) };
  }

  private onPhoneInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    // Typed before the tools arrive, the text stays as it is: they format it when they do.
    this.tools?.type(input, this.phone, event.inputType === 'deleteContentBackward', this.countryCode);
    this.phone = input.value;
    if (this.ownErrors.phone) this.ownErrors = { ...this.ownErrors, phone: this.phoneError() ?? this.ownErrors.phone };
    this.emitInput();
  }

  private onPhoneBlur() {
    if (this.rendering) return;
    // '' until the tools can tell: a check is due, and their arrival makes it.
    this.ownErrors = { ...this.ownErrors, phone: this.phoneError() ?? '' };
  }

  protected override update(changed: PropertyValues<this>) {
    this.rendering = true;
    try {
      super.update(changed);
    } finally {
      this.rendering = false;
    }
  }

  protected override render() {
    const channel = this.activeChannel;
    const offered = this.channels.length ? this.channels : CHANNELS;
    return html`
      ${offered.length > 1 ? this.renderWays(offered, channel) : nothing}
      ${channel === 'email' ? this.renderEmail() : this.renderPhone()}
    `;
  }

  private renderWays(offered: readonly Channel[], channel: Channel) {
    const label = (c: Channel) => c === 'email'
      ? msg('Register by Email Address', { desc: 'Radio: register with an email address' })
      : msg('Register by Mobile Phone Number', { desc: 'Radio: register with a mobile phone number' });
    // ELEMENT.md promises a radiogroup; a fieldset is only a group without the role.
    return html`
      <fieldset class="hik-contact__ways" role="radiogroup">
        <legend>${msg('Register by', { desc: 'Legend of the choice between email and mobile phone' })}</legend>
        ${offered.map((c) => html`
          <label class="hik-contact__way">
            <input type="radio" autocomplete="off" name=${`${this.ids}-way`} value=${c} .checked=${live(c === channel)}
              ?disabled=${this.disabled} @change=${() => this.select(c)} />
            <span>${label(c)}</span>
          </label>`)}
      </fieldset>
    `;
  }

  private renderError(field: 'email' | 'phone') {
    const text = this.errors[field] || this.ownErrors[field];
    return text ? html`<p class="hik-contact__error" id=${`${this.ids}-${field}-error`}>${text}</p>` : nothing;
  }

  private renderEmail() {
    const invalid = Boolean(this.errors.email || this.ownErrors.email);
    return html`
      <label class="hik-contact__label" for=${`${this.ids}-email`}>${msg('Email', { desc: 'Label of the email input' })}<span class="hik-contact__req" aria-hidden="true">*</span></label>
      <input class="hik-contact__input" id=${`${this.ids}-email`} type="email" name="email" autocomplete="email"
        inputmode="email" maxlength=${RULES.emailMax} spellcheck="false" autocapitalize="off"
        .value=${live(this.email)} ?disabled=${this.disabled}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${this.ids}-email-error` : nothing}
        @input=${this.onEmailInput} @blur=${this.onEmailBlur} />
      ${this.renderError('email')}
    `;
  }

  private renderPhone() {
    const error = this.errors.phone || this.ownErrors.phone;
    const code = this.callingCode ?? (this.countryCode && this.tools?.callingCode(this.countryCode)) ?? null;
    const hint = msg('Select a country first', { id: 'phone-needs-country-hint', desc: 'Shown instead of the country code before a country is chosen' });
    const prefixId = `${this.ids}-prefix`;
    // The prefix describes the input ("+44"), but a hint that repeats the error is read once.
    const describedBy = [!code && error === hint ? '' : prefixId, error ? `${this.ids}-phone-error` : '']
      .filter(Boolean).join(' ');
    // The row is ltr: "+44" and the number form one left-to-right string, also in an RTL
    // page. The hint is a sentence in the page's language, so it takes its own direction.
    return html`
      <label class="hik-contact__label" for=${`${this.ids}-phone`}>
        ${msg('Mobile Phone Number', { desc: 'Label of the mobile phone input' })}<span class="hik-contact__req" aria-hidden="true">*</span>
      </label>
      <div class="hik-contact__row" dir="ltr">
        <span id=${prefixId} dir=${code ? 'ltr' : 'auto'} class="hik-contact__prefix ${code ? '' : 'hik-contact__prefix--empty'}">
          ${code ? `+${code}` : hint}
        </span>
        <input class="hik-contact__input" id=${`${this.ids}-phone`} type="tel" name="phone" autocomplete="tel-national"
          inputmode="tel" dir="ltr" .value=${live(this.phone)} ?disabled=${this.disabled}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}
          @input=${this.onPhoneInput} @blur=${this.onPhoneBlur} />
      </div>
      ${this.renderError('phone')}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'hik-contact-toggle': HikContactToggle }
}
