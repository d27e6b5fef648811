import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { resolveConfig, type CaptchaMode, type Config, type Credentials, type Theme } from './attributes.ts';
import type { Step } from './events.ts';
import type { Channel } from './rules.ts';
import { tokens } from './theme.styles.ts';
import { styles } from './hik-register.styles.ts';
import type { ApiClient } from './client/api-client.ts';
import { lazyClient } from './client/lazy-client.ts';
import { CaptchaController } from './captcha/captcha-controller.ts';
import { FlowController } from './flow/flow-controller.ts';
import { cooldownSeconds } from './flow/state-machine.ts';
import type { FieldName } from './form/form-values.ts';
import type { FormView } from './form/form-view.ts';
import { renderForm } from './form/form-template.ts';
import { codeStep, loadCodeModal, loadCountryDialog } from './form/pop-ups.ts';
import { directionOf, getLocale, resolveLocale, setLocale } from './i18n/localization.ts';
import { AnnouncerController } from './internal/announcer-controller.ts';
import './contact/hik-contact-toggle.ts';
import './captcha/hik-captcha.ts';
// Types only: the pop-ups' classes load lazily, below.
import type {} from './country/hik-country-dialog.ts';
import type {} from './code/hik-code-modal.ts';

// What the package's declarations export besides the element (scripts/build-package.ts).
export type {
  HikRegisterEventMap, CountryChangeDetail, ChannelChangeDetail, StepChangeDetail,
  CodeSentDetail, RegisterSuccessDetail, RegisterErrorDetail, Step,
} from './events.ts';
export type { Channel, Session, ErrorCode, ServerErrorCode, ClientErrorCode } from './rules.ts';
export type { CaptchaMode, Credentials, Theme } from './attributes.ts';

/**
 * A Hik-Connect account signup form: user name, password, country, email or
 * mobile phone, captcha, Terms of Service; then the emailed or texted code in a
 * pop-up; then a confirmation. Talks to any backend that follows CONTRACT.md.
 *
 * @summary Hik-Connect account registration, as one element.
 *
 * @slot captcha - A third-party CAPTCHA widget (with `captcha="slot"`); hand its token over through `captchaToken`.
 *
 * @fires hik-country-change - `{ country, callingCode }` when the user confirms a country.
 * @fires hik-channel-change - `{ channel }` when the user switches between email and mobile phone.
 * @fires hik-step-change - `{ step }`: `form`, `code` or `done`.
 * @fires hik-code-sent - `{ channel, destination, codeLength, expiresIn, resendAfter }`.
 * @fires hik-register-success - `{ userId, username, country, channel, session? }`: log the user in.
 * @fires hik-register-error - `{ code, message, field? }` for every error of a request.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The form's title.
 * @csspart field - Each field's wrapper.
 * @csspart input - Each native text input of the form.
 * @csspart reveal-button - The Show password toggle.
 * @csspart strength - The password strength meter and its checklist.
 * @csspart terms - The Terms of Service checkbox with its label and links.
 * @csspart error - Each error text.
 * @csspart country-button - The button that opens the country pop-up.
 * @csspart submit - The Next button.
 * @csspart alert - The box for errors that concern the whole form.
 * @csspart success - The confirmation pop-up.
 *
 * @cssprop [--hik-font-family=system-ui, sans-serif] - Font of the whole widget.
 * @cssprop [--hik-font-size=1rem] - Base font size.
 * @cssprop [--hik-radius=6px] - Corner radius of fields, buttons and pop-ups.
 * @cssprop [--hik-space=0.75rem] - Base spacing unit.
 * @cssprop [--hik-max-width=28rem] - Largest width of the form.
 * @cssprop [--hik-color-text=light-dark(#1b1f24, #e8eaed)] - Text.
 * @cssprop [--hik-color-muted=light-dark(#535a63, #a9b0b8)] - Hints and secondary text.
 * @cssprop [--hik-color-background=light-dark(#ffffff, #16181b)] - Background of the form and pop-ups.
 * @cssprop [--hik-color-surface=light-dark(#f4f5f7, #212429)] - Background of inputs and panels.
 * @cssprop [--hik-color-border=light-dark(#767d86, #8a929c)] - Borders of inputs.
 * @cssprop [--hik-color-accent=light-dark(#b3111a, #ff8a80)] - Buttons and selection.
 * @cssprop [--hik-color-accent-text=light-dark(#ffffff, #1b1f24)] - Text on the accent colour.
 * @cssprop [--hik-color-error=light-dark(#b00020, #ffb4ab)] - Error text and borders.
 * @cssprop [--hik-color-success=light-dark(#1e6b34, #7ddc8f)] - Success text.
 * @cssprop [--hik-color-focus=light-dark(#0b57d0, #a8c7fa)] - Focus ring.
 */
// customElement last: it defines the element, and instances already in the page are
// upgraded right then, so @localized() must have added its controller before.
@customElement('hik-register')
@localized()
export class HikRegister extends LitElement {
  // tokens last: `all: initial` in styles would otherwise reset their color-scheme.
  static override styles = [styles, tokens];

  /** Base URL of the backend contract. */
  @property({ attribute: 'endpoint' }) endpoint = '/api/register';
  /** UI language (BCP 47); defaults to the page's `lang`, then `en`. */
  @property({ attribute: 'locale' }) locale = '';
  /** Preselected country (ISO 3166-1 alpha-2); the user still confirms it. */
  @property({ attribute: 'country' }) country = '';
  /** Which way to register is selected first: `email` or `sms`. */
  @property({ attribute: 'channel' }) channel: Channel = 'email';
  /** Which ways are offered, space-separated. */
  @property({ attribute: 'channels' }) channels = 'email sms';
  /** Space-separated allow-list of ISO country codes; empty means all. */
  @property({ attribute: 'countries' }) countries = '';
  /** `image`, `pow`, `slot` (third-party widget in the `captcha` slot) or `none`. */
  @property({ attribute: 'captcha' }) captcha: CaptchaMode = 'image';
  /** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ attribute: 'theme', reflect: true }) theme: Theme = 'auto';
  /** Link to the Terms of Service. */
  @property({ attribute: 'terms-url' }) termsUrl = '';
  /** Link to the privacy policy. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';
  /** Per-request timeout in milliseconds. */
  @property({ attribute: 'timeout', type: Number }) timeout = 15000;
  /** `credentials` mode passed to fetch: `same-origin`, `include` or `omit`. */
  @property({ attribute: 'credentials' }) credentials: Credentials = 'same-origin';
  /** Extra headers sent with every request (CSRF tokens, API keys). */
  @property({ attribute: false }) headers: Record<string, string> = {};
  /** A replacement for the global fetch (device UIs that sign requests). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined = undefined;
  /** The token of a third-party CAPTCHA in the `captcha` slot, `{ provider, token }`. */
  @property({ attribute: false }) captchaToken: { provider: string; token: string } | null = null;

  /** The checked configuration (invalid attributes fall back to defaults). */
  #config: Config = resolveConfig(this);
  /** The API client for the current endpoint and options. */
  #client: ApiClient = lazyClient({});
  #successShown = false;
  /** Whether the passwords are shown as text (Show password). */
  @state() private revealed = false;

  readonly #captcha = new CaptchaController(this, {
    mode: () => this.#config.captcha,
    client: () => this.#client,
    answer: () => this.renderRoot.querySelector('hik-captcha')?.answer ?? null,
    token: () => this.captchaToken,
  });

  readonly #announcer = new AnnouncerController(this);
  readonly #flow = new FlowController(this, {
    config: () => this.#config,
    client: () => this.#client,
    locale: () => this.activeLocale,
    captcha: this.#captcha,
    loadCodeModal,
    validateContact: async () => (await this.#contact()?.validate()) ?? true,
    phoneE164: () => this.#contact()?.e164 ?? null,
    code: () => this.#codeModal()?.code ?? '',
    clearCode: () => this.#codeModal()?.clear(),
    focus: (field) => this.#focusField(field),
    announce: (text) => this.#announcer.announce(text),
  });

  override connectedCallback(): void {
    this.#config = resolveConfig(this);
    this.#client = this.#makeClient();
    // A form pre-rendered by hik-register/ssr, taken over once its language is in: only such
    // a page loads the takeover. If it cannot, the element renders as for a bare tag.
    const served = this.hasUpdated ? null : this.shadowRoot;
    if (!served?.firstChild) return super.connectedCallback();
    const connect = () => super.connectedCallback();
    const ready = this.#firstScreen();
    void import('./internal/takeover.ts').then(({ takeOver }) => takeOver(served, ready, connect),
      () => { served.replaceChildren(); connect(); });
  }

  /** What the first render needs to look like the pre-rendered form: its strings, the chosen country's name. */
  #firstScreen(locale = this.activeLocale): Promise<unknown> {
    const names = this.#config.country && import('./country/country-names.ts').then((m) => m.loadCountryNames(locale));
    return Promise.all([getLocale() === locale || setLocale(locale), names]);
  }

  /** The step the user is on: `form`, `code` or `done`. */
  get step(): Step {
    return this.#flow.state.step;
  }

  /** The language in use: the shipped one that best serves `locale`, else the page's `lang`, else `en`. */
  get activeLocale(): string {
    return resolveLocale(this.locale || document.documentElement.lang || 'en');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configKeys = ['endpoint', 'country', 'channel', 'channels', 'countries', 'captcha', 'timeout', 'credentials'] as const;
    if (configKeys.some((k) => changed.has(k))) {
      const before = this.#config;
      this.#config = resolveConfig(this);
      if (this.hasUpdated && before.country !== this.#config.country && this.#config.country) {
        this.#flow.setValues({ country: this.#config.country });
      }
      if (this.hasUpdated && before.channel !== this.#config.channel) this.#flow.setValues({ channel: this.#config.channel });
      if (this.hasUpdated && before.captcha !== this.#config.captcha) void this.#captcha.start();
    }
    const clientKeys = ['endpoint', 'timeout', 'credentials', 'headers', 'fetch', 'locale'] as const;
    if (clientKeys.some((k) => changed.has(k))) this.#client = this.#makeClient();
    if (changed.has('locale')) this.#applyLocale();
  }

  /**
   * Switches the strings (the language's chunk loads on first use; @localized
   * elements re-render when it is in) and sets `lang` and `dir` on the host, so
   * the layout mirrors for right-to-left languages. Nothing typed is touched.
   */
  #applyLocale(): void {
    const locale = this.activeLocale;
    this.setAttribute('lang', locale);
    this.setAttribute('dir', directionOf(locale));
    if (getLocale() !== locale) {
      setLocale(locale).catch(() => {
        // The chunk could not load (offline, removed file): English stays, still usable.
      });
    }
  }

  protected override firstUpdated(): void {
    // After this update, not inside it: starting sets loading state (a new render).
    void Promise.resolve().then(() => this.#captcha.start());
    this.#flow.preload();
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => {
      void loadCountryDialog();
      // Rendered once loaded: the pop-up's element belongs inside the form.
      void loadCodeModal().then(() => this.requestUpdate(), () => {});
    });
  }

  protected override updated(): void {
    if (this.#flow.state.step === 'done' && !this.#successShown) {
      this.#successShown = true;
      this.renderRoot.querySelector<HTMLDialogElement>('dialog.success')?.showModal();
    }
  }

  /** Opens the country pop-up (loading it first if needed). */
  async #openCountryDialog(): Promise<void> {
    await loadCountryDialog();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('hik-country-dialog');
    // Seen in tests under load: right after the chunk loaded, the instance was not
    // upgraded yet ("show is not a function"). Upgrading it explicitly is harmless.
    if (dialog && !dialog.show) customElements.upgrade(dialog);
    dialog?.show?.();
  }

  #contact() {
    return this.renderRoot.querySelector('hik-contact-toggle');
  }

  #codeModal() {
    return this.renderRoot.querySelector('hik-code-modal');
  }

  #focusField(field: FieldName | null): void {
    const root = this.renderRoot;
    if (field === null) root.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
    else if (field === 'captcha') root.querySelector('hik-captcha')?.focus();
    else if (field === 'email' || field === 'phone') this.#contact()?.focus();
    // By id, not a selector: no string can make it throw.
    else this.shadowRoot?.getElementById(field === 'country' ? 'country-button' : field)?.focus();
  }

  #makeClient(): ApiClient {
    const c = this.#config;
    return lazyClient({
      endpoint: c.endpoint, timeout: c.timeout, credentials: c.credentials,
      headers: this.headers, locale: this.activeLocale,
      ...(this.fetch ? { fetch: this.fetch } : {}),
    });
  }

  #view(): FormView {
    const flow = this.#flow;
    return {
      values: flow.values, errors: flow.errors, flow: flow.state, cooldown: cooldownSeconds(flow.state, Date.now()),
      locale: this.activeLocale, revealed: this.revealed,
      countries: this.#config.countries, channels: this.#config.channels,
      captchaMode: this.#config.captcha, captcha: this.#captcha,
      termsUrl: this.termsUrl, privacyUrl: this.privacyUrl,
      actions: flow, on: this.#handlers,
    };
  }

  readonly #handlers: FormView['on'] = {
    toggleReveal: () => { this.revealed = !this.revealed; },
    openCountryDialog: () => void this.#openCountryDialog(),
    namesLoaded: () => this.requestUpdate(),
  };

  protected override render(): TemplateResult {
    const view = this.#view();
    const state = this.#flow.state;
    return html`
      ${renderForm(view, codeStep()?.renderCodeStep(view) ?? nothing)}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
      ${state.step === 'done' ? codeStep()?.renderSuccess(state.account.username) ?? nothing : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hik-register': HikRegister;
  }
}
