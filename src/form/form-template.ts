/**
 * The one `<form>` of `<hik-register>` with every field. It is given a `FormView`
 * (values, errors, the flow's state) and reports through its handlers.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormView } from './form-view.ts';
import type { HikInternalEventMap } from '../events.ts';
import { callingCodeOf, flagOf } from '../country/countries.ts';
import { flagsRender } from '../country/flags.ts';
import { countryLabel } from '../country/country-label.ts';
import { isRetryable } from '../flow/flow-error.ts';
import { isBusy } from '../flow/state-machine.ts';
import { textField, showPasswordButton } from './text-field.ts';
import { strengthMeter } from './password-strength.ts';
import { termsField } from './terms-field.ts';
import { RULES } from '../rules.ts';

/** The form; `inside` goes at its end (the code pop-up, so its input belongs to the same form). */
export function renderForm(view: FormView, inside: unknown) {
  const { values, errors, flow, cooldown, locale, actions, on } = view;
  const busy = isBusy(flow);
  const reveal = view.revealed;
  const country = values.country;
  const countryName = country ? countryLabel(country, locale, () => on.namesLoaded()) : '';
  const callingCode = country ? callingCodeOf(country) : null;
  const general = flow.step === 'form' ? flow.error : null;

  return html`
    <form part="form" method="dialog" novalidate aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}
      @submit=${(e: Event) => { e.preventDefault(); void actions.submit(); }}>
      <h2 id="title" part="heading">${msg('User Register', { desc: 'Title of the registration form (seed wording)' })}</h2>
      <p class="hint">${msg('Fields marked * are required.', { desc: 'Legend for the required-field asterisk' })}</p>

      ${textField({
        id: 'username', name: 'username', label: msg('User Name', { desc: 'Label of the user name field' }),
        value: values.username, error: errors.username ?? '', autocomplete: 'username', maxlength: 64,
        hint: msg(str`${RULES.usernameMin}–${RULES.usernameMax} characters: letters, digits, _ - . Start with a letter.`, {
          desc: 'Hint under User Name',
        }),
        onInput: (value) => actions.setValues({ username: value }),
        onBlur: () => actions.check('username'),
      })}
      ${textField({
        id: 'password', name: 'password', type: reveal ? 'text' : 'password',
        label: msg('Password', { desc: 'Label of the password field' }),
        value: values.password, error: errors.password ?? '', autocomplete: 'new-password', maxlength: 128,
        after: showPasswordButton(reveal, () => on.toggleReveal()),
        hint: strengthMeter(values.password, RULES.passwordMin),
        onInput: (value) => actions.setValues({ password: value }),
        onBlur: () => actions.check('password'),
      })}
      ${textField({
        id: 'confirm', name: 'confirm-password', type: reveal ? 'text' : 'password',
        label: msg('Confirm Password', { desc: 'Label of the password confirmation field' }),
        value: values.confirm, error: errors.confirm ?? '', autocomplete: 'new-password', maxlength: 128,
        onInput: (value) => actions.setValues({ confirm: value }),
        onBlur: () => actions.check('confirm'),
      })}

      <div class="field" part="field">
        <span class="label" id="country-label">${msg('Country', { id: 'country-label', desc: 'Label of the country picker' })}<span class="req" aria-hidden="true">*</span></span>
        <button type="button" id="country-button" part="country-button" class="picker"
          aria-haspopup="dialog"
          aria-invalid=${errors.country ? 'true' : 'false'}
          aria-describedby=${errors.country ? 'country-error country-hint' : 'country-hint'}
          @click=${() => on.openCountryDialog()}>
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
      <hik-country-dialog .value=${country} .countries=${view.countries} .locale=${locale}
        @hik-country-select=${(e: HikInternalEventMap['hik-country-select']) => actions.chooseCountry(e.detail.country)}></hik-country-dialog>

      <hik-contact-toggle
        .channel=${values.channel} .channels=${view.channels}
        .country=${country} .callingCode=${callingCode}
        .email=${values.email} .phone=${values.phone}
        .errors=${{ email: errors.email ?? '', phone: errors.phone ?? '' }}
        @hik-channel-select=${(e: HikInternalEventMap['hik-channel-select']) => actions.chooseChannel(e.detail.channel)}
        @hik-contact-input=${({ detail }: HikInternalEventMap['hik-contact-input']) =>
          actions.setValues({ email: detail.email, phone: detail.phone })}
      ></hik-contact-toggle>

      ${renderCaptcha(view)}

      ${termsField({
        id: 'terms', checked: values.termsAccepted, error: errors.terms ?? '',
        termsUrl: view.termsUrl, privacyUrl: view.privacyUrl,
        onChange: (checked) => actions.setValues({ termsAccepted: checked }),
      })}

      ${general
        ? html`<div class="alert" part="alert" role="alert">
            <p>${actions.errorText(general)}${cooldown > 0
              ? html` <span class="countdown">${actions.tryAgainText(cooldown, locale)}</span>`
              : nothing}</p>
            ${isRetryable(general.code)
              ? html`<button type="button" class="secondary" @click=${() => void actions.retry()}>${msg('Try again', { id: 'retry-request',
                  desc: 'Retry button after a network or server failure',
                })}</button>`
              : nothing}
          </div>`
        : nothing}

      <!-- aria-disabled, not disabled: a disabled button would drop the keyboard focus
           to <body> while the request is in flight; the flow ignores presses then. -->
      <button type="submit" class="primary" part="submit"
        aria-disabled=${busy || cooldown > 0 ? 'true' : 'false'}
        aria-describedby=${cooldown > 0 ? 'next-wait' : nothing}>
        ${msg('Next', { desc: 'Button that sends the verification code (seed wording)' })}
      </button>
      ${busy && flow.step === 'form'
        ? html`<p class="hint" aria-hidden="true">${msg('Sending…', { desc: 'Shown while the code request is in flight' })}</p>`
        : nothing}
      ${cooldown > 0 ? html`<p class="hint" id="next-wait">${actions.nextWaitText(cooldown, locale)}</p>` : nothing}
      ${inside}
    </form>
  `;
}

function renderCaptcha({ captchaMode, captcha: c, errors, actions }: FormView) {
  if (captchaMode === 'none') return nothing;
  if (captchaMode === 'slot') {
    return html`<div class="field" part="field">
      <slot name="captcha"></slot>
      <p class="error" part="error" ?hidden=${!errors.captcha}>${errors.captcha ?? ''}</p>
    </div>`;
  }
  return html`<hik-captcha
    .challenge=${c.challenge} .mode=${c.mode} .powOffered=${c.powOffered} .imageOffered=${c.imageOffered} .offersKnown=${c.offersKnown}
    .loading=${c.loading} .error=${errors.captcha || c.loadError}
    @hik-captcha-request=${(e: HikInternalEventMap['hik-captcha-request']) => void c.switchTo(e.detail.kind)}
    @input=${() => actions.clearError('captcha')}
  ></hik-captcha>`;
}
