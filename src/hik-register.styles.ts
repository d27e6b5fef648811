import { css } from 'lit';
import { buttonBox, errorText, focusRing } from './internal/controls.styles.ts';

/**
 * `<hik-register>`'s own look. Hardened for hostile pages: `all: initial` on the
 * host cuts off inherited page styles (fonts, line height, text transforms), and
 * every colour, radius and font comes from a `--hik-*` token.
 */
export const styles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    max-inline-size: var(--hik-max-width);
    font-family: var(--hik-font-family);
    font-size: var(--hik-font-size);
    line-height: 1.5;
    color: var(--hik-color-text);
    background: var(--hik-color-background);
    border-radius: var(--hik-radius);
    padding: calc(var(--hik-space) * 1.5);
    text-align: start;
    /* A word longer than the line (German compounds, with text spacing) breaks, not the page. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) { display: none; }
  /* Not inherited from the host, whose box model the page may set. */
  *, *::before, *::after { box-sizing: border-box; }

  h2 { font-size: 1.375em; margin: 0 0 calc(var(--hik-space) / 2); line-height: 1.3; }
  p { margin: 0; }
  form { display: grid; gap: var(--hik-space); }
  /* The pop-ups take no room in the form, even before their lazy chunk defines them:
     as undefined grid items they added a gap each, which closed when they arrived. */
  hik-country-dialog, hik-code-modal { display: contents; }

  .field { display: grid; gap: 0.25rem; min-inline-size: 0; }
  label, .label { font-weight: 600; }
  .req { color: var(--hik-color-error); margin-inline-start: 0.125em; }
  /* What sits beside an input (Show password) wraps under it before the input is
     narrower than 60 % of the row or 16 characters. */
  .control { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .control input { flex: 1 1 min(60%, 16ch + 1.375rem); min-inline-size: 0; }

  input:not([type='checkbox'], [type='radio']), .picker {
    font: inherit;
    color: var(--hik-color-text);
    background: var(--hik-color-surface);
    border: 1px solid var(--hik-color-border);
    border-radius: var(--hik-radius);
    padding: 0.5rem 0.625rem;
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  input[aria-invalid='true'], .picker[aria-invalid='true'] {
    border-color: var(--hik-color-error);
    border-width: 2px;
  }
  .picker {
    display: flex; align-items: center; gap: 0.5rem; text-align: start; cursor: pointer;
  }
  .muted, .hint { color: var(--hik-color-muted); font-size: 0.875em; }
  .error { ${errorText} font-size: 0.875em; }
  .error[hidden] { display: none; }

  button { ${buttonBox} padding: 0.5rem 1rem; }
  button:disabled, button[aria-disabled='true'] { cursor: not-allowed; opacity: 0.6; }
  .primary {
    color: var(--hik-color-accent-text); background: var(--hik-color-accent);
    border: 1px solid var(--hik-color-accent); font-weight: 600;
  }
  .secondary, .reveal {
    color: var(--hik-color-text); background: transparent; border: 1px solid var(--hik-color-border);
  }
  .reveal { padding-inline: 0.75rem; font-size: 0.875em; }
  .reveal[aria-pressed='true'] { background: var(--hik-color-surface); }
  :focus-visible { ${focusRing} }

  .strength { display: grid; gap: 0.25rem; }
  .meter-row { display: flex; align-items: center; gap: 0.5rem; }
  meter { flex: 1; block-size: 0.5rem; }
  .rules { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.125rem 0.75rem; }
  .rules li.met { color: var(--hik-color-success); }
  .tick { display: inline-block; inline-size: 1em; }

  .terms .check { display: flex; gap: 0.5rem; align-items: flex-start; }
  .terms input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0.125rem 0 0; accent-color: var(--hik-color-accent); }
  .terms label { font-weight: 400; }
  a { color: var(--hik-color-accent); text-underline-offset: 2px; }

  .alert {
    border: 2px solid var(--hik-color-error); border-radius: var(--hik-radius);
    padding: var(--hik-space); display: grid; gap: 0.5rem; justify-items: start;
  }
  .countdown { font-variant-numeric: tabular-nums; }

  dialog {
    color: var(--hik-color-text); background: var(--hik-color-background);
    border: 1px solid var(--hik-color-border); border-radius: var(--hik-radius);
    padding: calc(var(--hik-space) * 1.5); max-inline-size: min(26rem, calc(100vw - 2rem));
    font-family: var(--hik-font-family);
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.5); }
  .success h2 { color: var(--hik-color-success); }
  .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-block-start: var(--hik-space); }

  .sr-only {
    position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
  }

  @media (forced-colors: active) {
    .primary { border: 2px solid ButtonText; }
    input[aria-invalid='true'] { border-style: dashed; }
  }
  @media (prefers-reduced-motion: reduce) {
    * { transition: none !important; animation: none !important; }
  }
  @media (max-width: 360px) {
    :host { padding: var(--hik-space); }
  }
`;
