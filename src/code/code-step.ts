/**
 * The code step: `<hik-code-modal>` bound to the flow's state, and the confirmation
 * after it. The root loads this module lazily, before it first needs either: it
 * defines the pop-up's element, so the first paint carries neither.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorText } from '../flow/error-messages.ts';
import type { FormView } from '../form/form-view.ts';
import './hik-code-modal.ts';

export { renderSuccess } from './success.ts';

export function renderCodeStep({ flow, actions }: FormView): TemplateResult | typeof nothing {
  if (flow.step === 'done') return nothing;
  const pending = flow.pending;
  const open = flow.step === 'code';
  const code = flow.step === 'code' ? flow : null;
  return html`<hik-code-modal
    .open=${open}
    .channel=${pending?.channel ?? 'email'} .destination=${pending?.destination ?? ''}
    .codeLength=${pending?.codeLength ?? 6} .expiresAt=${pending?.expiresAt ?? null}
    .resendAt=${code ? Math.max(code.pending.resendAt, code.cooldownUntil) || null : null}
    .attemptsLeft=${code?.error?.attemptsLeft ?? null}
    .retryAt=${code?.createRetryAt || null}
    .error=${code?.error ? errorText(code.error) : ''} .expired=${code?.expired ?? false}
    .busy=${flow.inFlight === 'create' || flow.inFlight === 'resend' || flow.inFlight === 'send'}
    @hik-code-submit=${() => void actions.submitCode()}
    @hik-code-resend=${() => void actions.resend()}
    @hik-code-cancel=${() => actions.closeCode()}
  ></hik-code-modal>`;
}
