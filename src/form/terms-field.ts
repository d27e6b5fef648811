/** The Terms of Service checkbox with its links and its error. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';

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
