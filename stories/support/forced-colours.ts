/**
 * An approximation of forced colours (Windows High Contrast) for the toolbar: every
 * --hik-* colour token becomes a CSS system colour, as the browser's forced palette
 * would make it. It does NOT switch on the element's `@media (forced-colors: active)`
 * rules; only the browser can (DevTools → Rendering → "Emulate CSS media feature
 * forced-colors", or Playwright's `page.emulateMedia({ forcedColors: 'active' })`).
 */
export const FORCED_COLOURS_CSS = `
  .sb-forced, .sb-forced hik-register {
    color-scheme: dark;
    --hik-color-text: CanvasText;
    --hik-color-muted: CanvasText;
    --hik-color-background: Canvas;
    --hik-color-surface: Canvas;
    --hik-color-border: CanvasText;
    --hik-color-accent: LinkText;
    --hik-color-accent-text: Canvas;
    --hik-color-error: CanvasText;
    --hik-color-success: CanvasText;
    --hik-color-focus: Highlight;
  }
  .sb-forced.sb-page { background: Canvas; color: CanvasText; }
`;
