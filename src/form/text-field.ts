/**
 * A labelled native input of the form with its hint and its error, tied by
 * aria-describedby; and the Show password toggle that goes beside a password.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';

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
      ${o.hint ? html`<div class="hint" id=${hintId}>${o.hint}</div>` : nothing}
      <p class="error" id=${errorId} part="error" ?hidden=${!o.error}>${o.error}</p>
    </div>
  `;
}

export function showPasswordButton(pressed: boolean, onToggle: () => void): TemplateResult {
  return html`<button type="button" class="reveal" part="reveal-button" aria-pressed=${pressed ? 'true' : 'false'}
    @click=${onToggle}>${msg('Show password', { desc: 'Toggle that shows the typed password' })}</button>`;
}
