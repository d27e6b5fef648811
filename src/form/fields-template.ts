/**
 * Templates of the form's own fields (User Name, the passwords and the strength
 * meter, the Terms of Service box). Plain functions: the state stays in
 * `<hik-register>`, which passes values, errors and handlers in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { passwordStrength } from './validation.ts';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string;
  type?: 'text' | 'password';
  autocomplete: string;
  hint?: TemplateResult | string;
  required?: boolean;
  maxlength?: number;
  disabled?: boolean;
  onInput: (value: string) => void;
  onBlur?: () => void;
  after?: TemplateResult;
}

/** A labelled native input with its hint and its error, tied by aria-describedby. */
export function textField(o: FieldOptions): TemplateResult {
  const hintId = o.hint ? `${o.id}-hint` : '';
  const errorId = `${o.id}-error`;
  const describedBy = [o.error ? errorId : '', hintId].filter(Boolean).join(' ');
  return html`
    <div class="field" part="field">
      <label for=${o.id}>${o.label}${o.required === false ? nothing : html`<span class="req" aria-hidden="true">*</span>`}</label>
      <div class="control">
        <input
          id=${o.id}
          name=${o.name}
          type=${o.type ?? 'text'}
          part="input"
          autocomplete=${o.autocomplete}
          autocapitalize="off"
          spellcheck="false"
          maxlength=${ifDefined(o.maxlength)}
          ?required=${o.required !== false}
          ?disabled=${o.disabled}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          .value=${o.value}
          @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
          @blur=${() => o.onBlur?.()}
        />
        ${o.after ?? nothing}
      </div>
      ${o.hint ? html`<p class="hint" id=${hintId}>${o.hint}</p>` : nothing}
      <p class="error" id=${errorId} part="error" ?hidden=${!o.error}>${o.error}</p>
    </div>
  `;
}

/** The manual's four character classes and the length, as a meter and a checklist. */
export function strengthMeter(password: string, min: number): TemplateResult {
  const s = passwordStrength(password, min);
  const score = s.classes + (s.length ? 1 : 0);
  const label =
    score <= 2
      ? msg('Weak', { desc: 'Password strength level' })
      : score <= 4
        ? msg('Medium', { desc: 'Password strength level' })
        : msg('Strong', { desc: 'Password strength level' });
  const item = (ok: boolean, text: string) =>
    html`<li class=${ok ? 'met' : ''}><span class="tick" aria-hidden="true">${ok ? '✓' : '·'}</span>${text}<span class="sr-only">${ok ? msg(': done', { desc: 'Screen-reader suffix for a met password rule' }) : ''}</span></li>`;
  return html`
    <div class="strength" part="strength">
      <div class="meter-row">
        <meter min="0" max="5" low="3" high="4" optimum="5" .value=${score}
          aria-label=${msg('Password strength', { desc: 'Name of the password strength meter' })}
          aria-valuetext=${label}></meter>
        <span class="strength-label">${password ? label : nothing}</span>
      </div>
      <ul class="rules" aria-label=${msg('Recommended for a strong password', { desc: 'Heading of the password checklist' })}>
        ${item(s.length, msg(str`At least ${min} characters`, { desc: 'Password rule: minimum length' }))}
        ${item(s.upper, msg('Upper case letters', { desc: 'Password rule' }))}
        ${item(s.lower, msg('Lower case letters', { desc: 'Password rule' }))}
        ${item(s.digit, msg('Numbers', { desc: 'Password rule' }))}
        ${item(s.special, msg('Special characters', { desc: 'Password rule' }))}
      </ul>
    </div>
  `;
}

export function showPasswordButton(pressed: boolean, onToggle: () => void): TemplateResult {
  return html`<button type="button" class="reveal" part="reveal-button" aria-pressed=${pressed ? 'true' : 'false'}
    @click=${onToggle}>${msg('Show password', { desc: 'Toggle that shows the typed password' })}</button>`;
}

export function termsField(o: {
  id: string; checked: boolean; error: string; termsUrl: string; privacyUrl: string;
  onChange: (checked: boolean) => void;
}): TemplateResult {
  const errorId = `${o.id}-error`;
  const terms = msg('Terms of Service', { desc: 'Name of the terms document; also a link' });
  const termsText = o.termsUrl
    ? html`<a href=${o.termsUrl} target="_blank" rel="noopener noreferrer">${terms}</a>`
    : terms;
  const privacy = msg('Privacy Policy', { desc: 'Name of the privacy document; a link' });
  return html`
    <div class="field terms" part="terms">
      <div class="check">
        <input type="checkbox" id=${o.id} name="terms" autocomplete="off" required
          .checked=${o.checked}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(o.error ? errorId : undefined)}
          @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
        <label for=${o.id}>${msg(html`I have read and agree to the ${termsText}`, {
          desc: 'Terms of Service checkbox label; the placeholder is the linked document name',
        })}</label>
      </div>
      ${o.privacyUrl
        ? html`<p class="hint"><a href=${o.privacyUrl} target="_blank" rel="noopener noreferrer">${privacy}</a></p>`
        : nothing}
      <p class="error" id=${errorId} part="error" ?hidden=${!o.error}>${o.error}</p>
    </div>
  `;
}
