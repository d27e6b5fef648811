import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { confirmText } from './country-messages.ts';

export interface ConfirmHandlers {
  /** Cancel: back to the list. */
  cancel: () => void;
  /** OK: the country is chosen. */
  ok: () => void;
  /** The confirmation closed, by either button or Escape. */
  close: () => void;
}

/**
 * The seed's "cannot be changed after registration" step: an alertdialog nested in
 * the country dialog. `country` is the pending country's name, if any.
 */
export function renderConfirm(country: string | null, on: ConfirmHandlers): TemplateResult {
  return html`
    <dialog class="confirm" part="confirm" role="alertdialog" aria-labelledby="confirm-title"
      aria-describedby="confirm-text" @close=${on.close}>
      <h3 id="confirm-title">${msg('Confirm Country or Region', { desc: 'Title of the confirmation' })}</h3>
      <p id="confirm-text">${country ? confirmText(country) : ''}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${on.cancel}>
          ${msg('Cancel', { id: 'country-cancel', desc: 'Back to the country list' })}</button>
        <button type="button" class="primary" autofocus @click=${on.ok}>
          ${msg('OK', { id: 'country-ok', desc: 'Confirms the country' })}</button>
      </div>
    </dialog>`;
}
