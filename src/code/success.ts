/** The pop-up that confirms the registration. */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export function renderSuccess(name: string): TemplateResult {
  return html`
    <dialog class="success" part="success" aria-labelledby="success-title">
      <h2 id="success-title">${msg('Registration complete', { desc: 'Title of the success pop-up' })}</h2>
      <p>${msg(str`Your Hik-Connect account ${name} is ready. You are now logged in.`, {
        desc: 'Success pop-up text; the placeholder is the user name',
      })}</p>
      <form method="dialog" class="actions">
        <button class="primary" autofocus>${msg('OK', { id: 'success-ok', desc: 'Button that closes the success pop-up' })}</button>
      </form>
    </dialog>
  `;
}
