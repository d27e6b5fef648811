import { css } from 'lit';
import { buttonBox, errorText, fieldBox } from '../internal/controls.styles.ts';

// Light DOM: these rules are adopted into the tree the element sits in (the root's
// shadow root, or the document), so every selector starts with the tag name.
export const styles = css`
  hik-captcha {
    display: block;
    color: var(--hik-color-text, CanvasText);
    font-family: var(--hik-font-family, inherit);
    font-size: var(--hik-font-size, 1rem);
  }
  hik-captcha[hidden] { display: none; }

  hik-captcha .hik-captcha__label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  hik-captcha .hik-captcha__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  hik-captcha .hik-captcha__input {
    ${fieldBox}
    flex: 1 1 7rem;
    min-inline-size: 0;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    border: 1px solid var(--hik-color-border, FieldText);
    font: inherit;
    letter-spacing: 0.15em;
  }
  hik-captcha .hik-captcha__input[aria-invalid='true'] {
    border-color: var(--hik-color-error, CanvasText);
    border-width: 2px;
  }
  hik-captcha .hik-captcha__picture {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    flex: 0 0 auto;
    inline-size: 8rem;
    block-size: 2.75rem;
    overflow: hidden;
    border-radius: var(--hik-radius, 6px);
    background: var(--hik-color-surface, Canvas);
  }
  hik-captcha .hik-captcha__picture img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  hik-captcha .hik-captcha__placeholder {
    inline-size: 100%;
    block-size: 100%;
    background: var(--hik-color-border, GrayText);
    opacity: 0.25;
  }
  hik-captcha [aria-busy='true'] .hik-captcha__placeholder {
    animation: hik-captcha-pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes hik-captcha-pulse {
    to { opacity: 0.08; }
  }

  hik-captcha .hik-captcha__refresh,
  hik-captcha .hik-captcha__retry {
    ${buttonBox}
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--hik-color-border, ButtonBorder);
    background: var(--hik-color-surface, ButtonFace);
    color: var(--hik-color-text, ButtonText);
  }
  hik-captcha .hik-captcha__refresh svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  hik-captcha button:disabled,
  hik-captcha input:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  hik-captcha .hik-captcha__choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    cursor: pointer;
  }
  /* Its place, kept until the server has said what it offers. */
  hik-captcha .hik-captcha__choice[inert] {
    visibility: hidden;
  }

  hik-captcha .hik-captcha__choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--hik-color-accent, AccentColor);
  }

  hik-captcha .hik-captcha__pow {
    display: grid;
    gap: 0.375rem;
  }
  hik-captcha .hik-captcha__pow progress {
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: var(--hik-color-accent, AccentColor);
  }
  hik-captcha .hik-captcha__status {
    font-weight: 600;
  }

  hik-captcha .hik-captcha__hint,
  hik-captcha .hik-captcha__error {
    margin-block: 0.25rem 0;
    font-size: 0.875em;
  }
  /* GrayText is #808080 in Chromium, under 4.5:1 on white: fall back to full contrast. */
  hik-captcha .hik-captcha__hint { color: var(--hik-color-muted, CanvasText); }
  hik-captcha .hik-captcha__error { ${errorText} }

  hik-captcha :focus-visible {
    outline: 2px solid var(--hik-color-focus, Highlight);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: reduce) {
    hik-captcha [aria-busy='true'] .hik-captcha__placeholder { animation: none; }
  }
  @media (forced-colors: active) {
    hik-captcha .hik-captcha__picture { border: 1px solid CanvasText; }
    hik-captcha .hik-captcha__placeholder { background: GrayText; }
    hik-captcha .hik-captcha__input[aria-invalid='true'] { border-style: double; border-width: 3px; }
    hik-captcha :focus-visible { outline-color: Highlight; }
  }
`;
