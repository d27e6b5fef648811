import { css } from 'lit';
import { fieldBox } from '../internal/controls.styles.ts';

/**
 * The element renders into light DOM, so these rules land in the tree that holds
 * it (the parent's shadow root or the document): every selector is scoped to the
 * tag and uses `hik-contact__*` class names that nobody else uses.
 */
export const styles = css`
  hik-contact-toggle {
    display: block;
    font-family: var(--hik-font-family, system-ui, sans-serif);
    font-size: var(--hik-font-size, 1rem);
    color: var(--hik-color-text, CanvasText);
  }

  hik-contact-toggle .hik-contact__ways {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0 0 var(--hik-space, 0.75rem);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  hik-contact-toggle .hik-contact__ways legend {
    padding: 0;
    margin-block-end: 0.375rem;
    font-weight: 600;
  }

  hik-contact-toggle .hik-contact__way {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    /* WCAG 2.5.8: at least 24 px to hit, the label counts as part of the target. */
    min-block-size: 2rem;
    cursor: pointer;
  }

  hik-contact-toggle .hik-contact__way input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--hik-color-accent, AccentColor);
  }

  hik-contact-toggle .hik-contact__label {
    display: block;
    margin-block-end: 0.375rem;
    font-weight: 600;
  }

  hik-contact-toggle .hik-contact__row {
    display: flex;
    flex-wrap: wrap;
    align-items: stretch;
    gap: 0.5rem;
  }

  hik-contact-toggle .hik-contact__prefix {
    display: inline-flex;
    align-items: center;
    /* Its dir attribute sets the direction (ltr for "+44", auto for the hint);
       isolation keeps "+44" from being reordered with the text around it. */
    unicode-bidi: isolate;
    padding-inline: 0.75rem;
    border: 1px solid var(--hik-color-border, GrayText);
    border-radius: var(--hik-radius, 6px);
    background: var(--hik-color-surface, Canvas);
    color: var(--hik-color-text, CanvasText);
    font-variant-numeric: tabular-nums;
  }

  hik-contact-toggle .hik-contact__prefix--empty {
    /* GrayText is too faint on Canvas (3.9:1): the fallback is the theme's own muted. */
    color: var(--hik-color-muted, light-dark(#535a63, #a9b0b8));
    font-style: italic;
  }

  hik-contact-toggle .hik-contact__input {
    ${fieldBox}
    flex: 1 1 10rem;
    min-inline-size: 0;
    inline-size: 100%;
    padding-block: 0.625rem;
    font: inherit;
    border: 1px solid var(--hik-color-border, GrayText);
  }

  hik-contact-toggle .hik-contact__input[dir='ltr'] {
    unicode-bidi: isolate;
  }

  hik-contact-toggle .hik-contact__input[aria-invalid='true'] {
    border-color: var(--hik-color-error, light-dark(#b00020, #ffb4ab));
    box-shadow: inset 0 0 0 1px var(--hik-color-error, light-dark(#b00020, #ffb4ab));
  }

  hik-contact-toggle .hik-contact__input:disabled,
  hik-contact-toggle .hik-contact__way:has(input:disabled) {
    opacity: 0.6;
    cursor: not-allowed;
  }

  hik-contact-toggle :is(.hik-contact__input, .hik-contact__way input):focus-visible {
    outline: 2px solid var(--hik-color-focus, Highlight);
    outline-offset: 2px;
  }

  hik-contact-toggle .hik-contact__error {
    margin-block: 0.375rem 0;
    font-size: 0.875em;
    color: var(--hik-color-error, light-dark(#b00020, #ffb4ab));
    font-weight: 600;
  }
  hik-contact-toggle .hik-contact__req {
    color: var(--hik-color-error, light-dark(#b00020, #ffb4ab));
    margin-inline-start: 0.125em;
  }

  @media (prefers-reduced-motion: no-preference) {
    hik-contact-toggle .hik-contact__input {
      transition: border-color 120ms ease-out, box-shadow 120ms ease-out;
    }
  }

  @media (forced-colors: active) {
    hik-contact-toggle .hik-contact__prefix,
    hik-contact-toggle .hik-contact__input {
      border-color: CanvasText;
    }
    hik-contact-toggle .hik-contact__input[aria-invalid='true'] {
      /* Colour is gone in forced colours: a thicker border still marks the error. */
      border-width: 3px;
      box-shadow: none;
    }
    hik-contact-toggle :is(.hik-contact__input, .hik-contact__way input):focus-visible {
      outline-color: Highlight;
    }
  }
`;
