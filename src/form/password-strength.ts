/**
 * The password strength meter: the manual's four character classes and the length,
 * as a meter and a checklist.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { RULES } from '../rules.ts';
import { charCount } from './validation.ts';

/** The four character classes the manual recommends, plus the length rule. */
export interface PasswordStrength {
  upper: boolean;
  lower: boolean;
  digit: boolean;
  special: boolean;
  length: boolean;
  /** How many of the four classes are present (0..4). */
  classes: number;
}

export function passwordStrength(password: string, min: number = RULES.passwordMin): PasswordStrength {
  // Not for an empty password (every first render): a first Unicode property test costs ms.
  const has = (pattern: RegExp) => password !== '' && pattern.test(password);
  const upper = has(/\p{Lu}/u);
  const lower = has(/\p{Ll}/u);
  const digit = has(/\p{Nd}/u);
  const special = has(/[^\p{L}\p{Nd}]/u);
  const classes = [upper, lower, digit, special].filter(Boolean).length;
  return { upper, lower, digit, special, length: charCount(password) >= min, classes };
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
