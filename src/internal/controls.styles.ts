import { css } from 'lit';

/*
 * Declaration blocks shared by the elements' controls, to put inside a rule:
 * `hik-captcha .hik-captcha__input { ${fieldBox} flex: 1 1 7rem; }`.
 *
 * Blocks rather than whole rules because each element keeps its own selectors: the
 * light-DOM children scope theirs under their tag name (their sheets are adopted into
 * the root's shadow root, beside the root's own rules), the country dialog uses plain
 * selectors in its shadow root. Specificity and cascade order stay what they were.
 * Only what the elements already had in common is here. Put a block first in its
 * rule: `buttonBox` sets the `font` shorthand, which must not undo a later longhand.
 */

/** A text input's box: token colours, with the field system colours when alone. */
export const fieldBox = css`
  box-sizing: border-box;
  padding-inline: 0.75rem;
  border-radius: var(--hik-radius, 6px);
  background: var(--hik-color-background, Field);
  color: var(--hik-color-text, FieldText);
`;

/** Any button: a 44 px high target (WCAG 2.5.5) in the surrounding font. */
export const buttonBox = css`
  min-block-size: 2.75rem;
  border-radius: var(--hik-radius, 6px);
  font: inherit;
  cursor: pointer;
`;

/** A modal dialog's surface. Border and padding differ from dialog to dialog. */
export const dialogBox = css`
  box-sizing: border-box;
  border-radius: var(--hik-radius, 6px);
  background: var(--hik-color-background, Canvas);
  color: var(--hik-color-text, CanvasText);
  font-family: var(--hik-font-family, system-ui, sans-serif);
  font-size: var(--hik-font-size, 1rem);
`;

/** Error text under a field: colour is not the only cue, so it is bold as well. */
export const errorText = css`
  color: var(--hik-color-error, CanvasText);
  font-weight: 600;
`;

/** The keyboard focus ring of the dialogs and the form. */
export const focusRing = css`
  outline: 3px solid var(--hik-color-focus, Highlight);
  outline-offset: 2px;
`;
