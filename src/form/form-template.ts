/**
 * The templates of `<hik-register>`: the one `<form>` with every field, and the
 * code pop-up. Values, errors and state come from the element's Registration
 * controller; events go back to it.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { HikRegister } from '../hik-register.ts';
import type { CaptchaKind } from '../contract.ts';
import { callingCodeOf, flagOf } from '../country/countries.ts';
import { flagsRender } from '../country/flags.ts';
import { countryLabel } from '../country/country-label.ts';
import { errorText } from '../flow/error-messages.ts';
import { formatSeconds } from '../internal/durations.ts';
import { textField, strengthMeter, showPasswordButton, termsField } from './fields-template.ts';
import { RULES } from '../rules.ts';

const revealed = new WeakMap<HikRegister, boolean>();

/** The form; `inside` goes at its end (the code pop-up, so its input belongs to the same form). */
export function renderForm(host: HikRegister, inside: unknown) {
  const r = host.flow;
  const { values, errors } = r;
  const flow = r.flow;
  const busy = flow.step !== 'done' && flow.busy;
  const cooldown = r.cooldownLeft();
  const reveal = revealed.get(host) ?? false;
  const toggleReveal = () => {
    revealed.set(host, !reveal);
    host.requestUpdate();
  };
  const country = values.country;
  const countryName = country ? countryLabel(country, host.activeLocale, () => host.requestUpdate()) : '';
  const callingCode = country ? callingCodeOf(country) : null;
  const general = r.general;

  return html`
    <form part="form" novalidate aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}
      @submit=${(e: Event) => { e.preventDefault(); void r.submit(); }}>
      <h2 id="title" part="heading">${msg('User Register', { desc: 'Title of the registration form (seed wording)' })}</h2>
      <p class="hint">${msg('Fields marked * are required.', { desc: 'Legend for the required-field asterisk' })}</p>

      ${textField({
        id: 'username', name: 'username', label: msg('User Name', { desc: 'Label of the user name field' }),
        value: values.username, error: errors.username ?? '', autocomplete: 'username', maxlength: 64,
        hint: msg(str`${RULES.usernameMin}–${RULES.usernameMax} characters: letters, digits, _ - . Start with a letter.`, {
          desc: 'Hint under User Name',
        }),
        onInput: (value) => r.setValues({ username: value }),
        onBlur: () => r.check('username'),
      })}
      ${textField({
        id: 'password', name: 'password', type: reveal ? 'text' : 'password',
        label: msg('Password', { desc: 'Label of the password field' }),
        value: values.password, error: errors.password ?? '', autocomplete: 'new-password', maxlength: 128,
        after: showPasswordButton(reveal, toggleReveal),
        hint: strengthMeter(values.password, RULES.passwordMin),
        onInput: (value) => r.setValues({ password: value }),
        onBlur: () => r.check('password'),
      })}
      ${textField({
        id: 'confirm', name: 'confirm-password', type: reveal ? 'text' : 'password',
        label: msg('Confirm Password', { desc: 'Label of the password confirmation field' }),
        value: values.confirm, error: errors.confirm ?? '', autocomplete: 'new-password', maxlength: 128,
        onInput: (value) => r.setValues({ confirm: value }),
        onBlur: () => r.check('confirm'),
      })}

      <div class="field" part="field">
        <span class="label" id="country-label">${msg('Country', { id: 'country-label', desc: 'Label of the country picker' })}<span class="req" aria-hidden="true">*</span></span>
        <button type="button" id="country-button" part="country-button" class="picker"
          aria-haspopup="dialog"
          aria-invalid=${errors.country ? 'true' : 'false'}
          aria-describedby=${errors.country ? 'country-error country-hint' : 'country-hint'}
          @click=${() => host.openCountryDialog()}>
          <span class="sr-only">${msg('Country', { id: 'country-button-name', desc: 'Start of the country button name' })}: </span>
          ${country
            ? html`${flagsRender() ? html`<span aria-hidden="true">${flagOf(country)}</span> ` : nothing}<span>${countryName}</span>
                ${callingCode ? html`<bdi class="muted" dir="ltr">+${callingCode}</bdi>` : nothing}`
            : html`<span>${msg('Select your country or region', { desc: 'Country button before a choice' })}</span>`}
        </button>
        <p class="hint" id="country-hint">${msg('The country or region cannot be changed after registration.', {
          desc: 'Warning under the Country picker (seed)',
        })}</p>
        <p class="error" id="country-error" part="error" ?hidden=${!errors.country}>${errors.country ?? ''}</p>
      </div>
      <hik-country-dialog .value=${country} .countries=${host.config.countries} .locale=${host.activeLocale}
        @hik-country-select=${(e: CustomEvent<{ country: string }>) => r.chooseCountry(e.detail.country)}></hik-country-dialog>

      <hik-contact-toggle
        .channel=${values.channel} .channels=${host.config.channels}
        .country=${country} .callingCode=${callingCode}
        .email=${values.email} .phone=${values.phone}
        .errors=${{ email: errors.email ?? '', phone: errors.phone ?? '' }}
        @hik-channel-select=${(e: CustomEvent<{ channel: 'email' | 'sms' }>) => r.chooseChannel(e.detail.channel)}
        @hik-contact-input=${(e: CustomEvent<{ email: string; phone: string }>) =>
          r.setValues({ email: e.detail.email, phone: e.detail.phone })}
      ></hik-contact-toggle>

      ${renderCaptcha(host)}

      ${termsField({
        id: 'terms', checked: values.termsAccepted, error: errors.terms ?? '',
        termsUrl: host.termsUrl, privacyUrl: host.privacyUrl,
        onChange: (checked) => r.setValues({ termsAccepted: checked }),
      })}

      ${general
        ? html`<div class="alert" part="alert" role="alert">
            <p>${errorText(general)}${cooldown > 0
              ? html` <span class="countdown">${msg(str`Try again in ${formatSeconds(cooldown, host.activeLocale)}.`, {
                  desc: 'Countdown before Next can be used again',
                })}</span>`
              : nothing}</p>
            ${['network', 'timeout', 'bad_response'].includes(general.code)
              ? html`<button type="button" class="secondary" @click=${() => r.retry()}>${msg('Try again', { id: 'retry-request',
                  desc: 'Retry button after a network or server failure',
                })}</button>`
              : nothing}
          </div>`
        : nothing}

      <!-- aria-disabled, not disabled: a disabled button would drop the keyboard focus
           to <body> while the request is in flight; Registration.submit() ignores presses then. -->
      <button type="submit" class="primary" part="submit"
        aria-disabled=${busy || cooldown > 0 ? 'true' : 'false'}
        aria-describedby=${cooldown > 0 ? 'next-wait' : nothing}>
        ${msg('Next', { desc: 'Button that sends the verification code (seed wording)' })}
      </button>
      ${busy && flow.step === 'form'
        ? html`<p class="hint" aria-hidden="true">${msg('Sending…', { desc: 'Shown while the code request is in flight' })}</p>`
        : nothing}
      ${cooldown > 0 ? html`<p class="hint" id="next-wait">${msg(str`Next is available again in ${formatSeconds(cooldown, host.activeLocale)}.`, {
        desc: 'Countdown under the disabled Next button',
      })}</p>` : nothing}
      ${inside}
    </form>
  `;
}

function renderCaptcha(host: HikRegister) {
  const r = host.flow;
  const mode = host.config.captcha;
  if (mode === 'none') return nothing;
  if (mode === 'slot') {
    return html`<div class="field" part="field">
      <slot name="captcha"></slot>
      <p class="error" part="error" ?hidden=${!r.errors.captcha}>${r.errors.captcha ?? ''}</p>
    </div>`;
  }
  const c = r.captcha;
  return html`<hik-captcha
    .challenge=${c.challenge} .mode=${c.mode} .powOffered=${c.powOffered} .imageOffered=${c.imageOffered}
    .loading=${c.loading} .error=${r.errors.captcha || c.loadError}
    @hik-captcha-request=${(e: CustomEvent<{ kind: CaptchaKind }>) => c.switchTo(e.detail.kind)}
    @input=${() => r.clearError('captcha')}
  ></hik-captcha>`;
}

export function renderCodeModal(host: HikRegister) {
  const r = host.flow;
  const flow = r.flow;
  if (flow.step === 'done') return nothing;
  const pending = flow.pending;
  const open = flow.step === 'code';
  const error = open && flow.error ? errorText(flow.error) : '';
  return html`<hik-code-modal
    .open=${open}
    .channel=${pending?.channel ?? 'email'} .destination=${pending?.destination ?? ''}
    .codeLength=${pending?.codeLength ?? 6} .expiresAt=${pending?.expiresAt ?? null}
    .resendAt=${open ? Math.max(pending?.resendAt ?? 0, flow.cooldownUntil) || null : null}
    .attemptsLeft=${open && flow.error?.attemptsLeft !== undefined ? flow.error.attemptsLeft : null}
    .retryAt=${open ? r.createRetryAt : null}
    .error=${error} .expired=${open && flow.expired} .busy=${flow.busy}
    @hik-code-submit=${() => r.submitCode()}
    @hik-code-resend=${() => r.resend()}
    @hik-code-cancel=${() => r.closeCode()}
  ></hik-code-modal>`;
}
