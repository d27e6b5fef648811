/**
 * What the element's modules need from a browser, in Node without a DOM: Lit's own
 * DOM shim (customElements, HTMLElement, CSSStyleSheet…), plus the `window` events
 * @lit/localize sends when the language changes. Imported before any element module.
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';

const root = globalThis as unknown as Record<string, unknown>;
// The shim leaves `window` undefined; @lit/localize dispatches its status events on it.
if (root.window === undefined) root.window = globalThis;
for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const) {
  root[name] ??= () => true;
}
