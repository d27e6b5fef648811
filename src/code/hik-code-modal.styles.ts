import { css } from 'lit';
import { buttonBox, dialogBox, errorText, fieldBox, focusRing } from '../internal/controls.styles.ts';

/**
 * Styles of `<hik-code-modal>`. It renders into light DOM, so these rules are adopted
 * into the surrounding tree: every selector is scoped under the tag name.
 * Colours come from the public `--hik-*` tokens with system-colour fallbacks.
 */
export const styles = css`
  hik-code-modal {
    display: contents;
  }

  hik-code-modal .hik-code-modal {
    ${dialogBox}
    inline-size: min(26rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    margin: auto;
    padding: calc(var(--hik-space, 0.75rem) * 1.5);
    border: 1px solid var(--hik-color-border, CanvasText);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  hik-code-modal .hik-code-modal::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  hik-code-modal .hik-code-modal[open] {
    animation: hik-code-modal-in 150ms ease-out;
  }

  @keyframes hik-code-modal-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }

  hik-code-modal h2 {
    margin-block: 0 var(--hik-space, 0.75rem);
    font-size: 1.25em;
    line-height: 1.3;
  }

  hik-code-modal p {
    margin-block: 0 var(--hik-space, 0.75rem);
  }

  hik-code-modal .hik-code-modal__hint,
  hik-code-modal .hik-code-modal__expiry {
    color: var(--hik-color-muted, CanvasText);
    font-size: 0.9375em;
  }

  hik-code-modal label {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }

  hik-code-modal .hik-code-modal__input {
    ${fieldBox}
    display: block;
    inline-size: 100%;
    margin-block-end: 0.5rem;
    padding-block: 0.5rem;
    border: 2px solid var(--hik-color-border, FieldText);
    /* Digits read left to right in every script, and equal widths keep them aligned. */
    direction: ltr;
    text-align: center;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.75rem;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.4em;
    /* Centred text with letter-spacing ends in a trailing gap; this balances it. */
    text-indent: 0.4em;
  }

  hik-code-modal .hik-code-modal__input[aria-invalid='true'] {
    border-color: var(--hik-color-error, CanvasText);
  }

  hik-code-modal .hik-code-modal__error {
    ${errorText}
  }

  hik-code-modal .hik-code-modal__error:empty,
  hik-code-modal .hik-code-modal__status:empty {
    display: none;
  }

  hik-code-modal .hik-code-modal__status {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    margin-block-end: var(--hik-space, 0.75rem);
    border-inline-start: 4px solid var(--hik-color-accent, Highlight);
    background: var(--hik-color-surface, Canvas);
  }

  hik-code-modal .hik-code-modal__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
  }

  hik-code-modal .hik-code-modal__resend-row {
    margin-block-end: var(--hik-space, 0.75rem);
  }

  hik-code-modal button {
    ${buttonBox}
    min-inline-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 2px solid var(--hik-color-accent, ButtonText);
    background: var(--hik-color-background, ButtonFace);
    color: var(--hik-color-accent, ButtonText);
    font-weight: 600;
  }

  hik-code-modal button.hik-code-modal__primary {
    background: var(--hik-color-accent, ButtonText);
    color: var(--hik-color-accent-text, ButtonFace);
  }

  hik-code-modal button[aria-disabled='true'] {
    border-style: dashed;
    border-color: var(--hik-color-border, GrayText);
    background: var(--hik-color-surface, ButtonFace);
    color: var(--hik-color-muted, GrayText);
    cursor: not-allowed;
  }

  hik-code-modal .hik-code-modal[aria-busy='true'] button.hik-code-modal__ok {
    cursor: progress;
  }

  hik-code-modal button:focus-visible,
  hik-code-modal .hik-code-modal__input:focus-visible {
    ${focusRing}
  }

  @media (prefers-reduced-motion: reduce) {
    hik-code-modal .hik-code-modal[open] {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    hik-code-modal .hik-code-modal {
      border-color: CanvasText;
    }
    hik-code-modal button,
    hik-code-modal button.hik-code-modal__primary {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    hik-code-modal button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
    hik-code-modal .hik-code-modal__input[aria-invalid='true'],
    hik-code-modal .hik-code-modal__status {
      border-color: Highlight;
    }
    hik-code-modal button:focus-visible,
    hik-code-modal .hik-code-modal__input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
