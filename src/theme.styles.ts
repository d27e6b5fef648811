import { css } from 'lit';

/**
 * The public design tokens. Defaults are set once, on `<hik-register>`'s host, so a
 * page can override any of them with `hik-register { --hik-color-accent: … }`.
 * Children only read them, always with a system-colour fallback so that they still
 * render sensibly on their own (tests, stories).
 *
 * `light-dark()` picks the value for the used `color-scheme`, which follows
 * `prefers-color-scheme` (theme="auto") or is forced by `theme="light|dark"`.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --hik-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
    --hik-font-size: 1rem;
    --hik-radius: 6px;
    --hik-space: 0.75rem;
    --hik-max-width: 28rem;
    --hik-color-text: light-dark(#1b1f24, #e8eaed);
    --hik-color-muted: light-dark(#535a63, #a9b0b8);
    --hik-color-background: light-dark(#ffffff, #16181b);
    --hik-color-surface: light-dark(#f4f5f7, #212429);
    --hik-color-border: light-dark(#767d86, #8a929c);
    --hik-color-accent: light-dark(#b3111a, #ff8a80);
    --hik-color-accent-text: light-dark(#ffffff, #1b1f24);
    --hik-color-error: light-dark(#b00020, #ffb4ab);
    --hik-color-success: light-dark(#1e6b34, #7ddc8f);
    --hik-color-focus: light-dark(#0b57d0, #a8c7fa);
  }
  :host([theme='light']) { color-scheme: light; }
  :host([theme='dark']) { color-scheme: dark; }
`;
