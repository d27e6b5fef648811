import { css } from 'lit';
import { buttonBox, dialogBox, focusRing } from '../internal/controls.styles.ts';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    ${dialogBox}
    padding: 0;
    border: 1px solid var(--hik-color-border, GrayText);
    line-height: 1.4;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .main {
    inline-size: min(28rem, calc(100vw - 1rem));
    max-inline-size: calc(100vw - 1rem);
    block-size: min(40rem, calc(100dvh - 1rem));
    max-block-size: calc(100dvh - 1rem);
  }
  /* Only when open: a display on a closed dialog would show it. */
  .main[open] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--hik-space, 0.75rem) / 2);
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--hik-space, 0.75rem);
    padding-block: var(--hik-space, 0.75rem) 0;
    padding-inline: var(--hik-space, 0.75rem);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.125em;
  }

  button {
    ${buttonBox}
    color: inherit;
    min-inline-size: 2.75rem;
  }
  .close {
    border: 1px solid transparent;
    background: transparent;
    font-size: 1.5em;
    line-height: 1;
  }

  input[type='search'] {
    box-sizing: border-box;
    margin-inline: var(--hik-space, 0.75rem);
    inline-size: calc(100% - 2 * var(--hik-space, 0.75rem));
    min-block-size: 2.75rem;
    padding-inline: calc(var(--hik-space, 0.75rem) * 0.75);
    font: inherit;
    color: inherit;
    background: var(--hik-color-background, Canvas);
    border: 1px solid var(--hik-color-border, GrayText);
    border-radius: var(--hik-radius, 6px);
  }

  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    padding-inline: var(--hik-space, 0.75rem);
    border-block-end: 1px solid var(--hik-color-border, GrayText);
  }
  /* Small enough for the five English names to share one row at 320px; wraps when zoomed. */
  [role='tab'] {
    flex: 1 0 auto;
    padding-inline: 0.25em;
    font-size: 0.875em;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: transparent;
  }
  [role='tab'][hidden] {
    display: none;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--hik-color-accent, LinkText);
    font-weight: 600;
  }

  .count {
    margin: 0;
    padding-inline: var(--hik-space, 0.75rem);
    color: var(--hik-color-muted, color-mix(in srgb, CanvasText 72%, Canvas));
    font-size: 0.875em;
  }

  /* The list scrolls inside the dialog; the header, search and tabs stay in view. */
  .panel {
    flex: 1 1 auto;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  [role='listbox'] {
    position: relative; /* the options' offsetParent, for scrolling the active one into view */
    flex: 1 1 auto;
    min-block-size: 6rem;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.25rem;
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    padding-inline: calc(var(--hik-space, 0.75rem) - 4px) var(--hik-space, 0.75rem);
    border-inline-start: 4px solid transparent;
    cursor: pointer;
  }
  [role='option'] .name {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .flag {
    font-size: 1.25em;
  }
  .calling {
    color: var(--hik-color-muted, color-mix(in srgb, CanvasText 72%, Canvas));
    font-variant-numeric: tabular-nums;
  }
  .current {
    font-weight: 600;
  }
  [role='option'][aria-selected='true'] {
    background: var(--hik-color-surface, Canvas);
    border-inline-start-color: var(--hik-color-accent, LinkText);
  }
  [role='option']:hover {
    background: var(--hik-color-surface, Canvas);
  }

  :focus-visible {
    ${focusRing}
  }
  input[type='search']:focus-visible {
    outline-offset: 0;
  }
  /* With aria-activedescendant the listbox holds focus: ring the active option instead. */
  [role='listbox']:focus-visible {
    outline: none;
  }
  [role='listbox']:focus [role='option'][aria-selected='true'] {
    outline: 3px solid var(--hik-color-focus, Highlight);
    outline-offset: -3px;
  }

  .confirm {
    inline-size: min(24rem, calc(100vw - 2rem));
    padding: var(--hik-space, 0.75rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--hik-space, 0.75rem) / 2);
  }
  .actions button {
    padding-inline: 1em;
    border: 1px solid var(--hik-color-border, GrayText);
    background: var(--hik-color-background, Canvas);
  }
  .actions .primary {
    border-color: var(--hik-color-accent, LinkText);
    background: var(--hik-color-accent, LinkText);
    color: var(--hik-color-accent-text, Canvas);
  }

  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: hik-country-in 150ms ease-out;
    }
    @keyframes hik-country-in {
      /* No fade: half-transparent text would fail contrast checks while it runs. */
      from {
        transform: translateY(0.75rem);
      }
    }
  }

  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      border-inline-start-color: Highlight;
      outline: 1px solid CanvasText;
    }
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
    /* System colours there would put the label on a same-coloured text backplate. */
    .actions .primary {
      background: ButtonFace;
      color: ButtonText;
      border: 2px solid ButtonText;
    }
  }
`;
