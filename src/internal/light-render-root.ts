import type { CSSResult } from 'lit';

/**
 * Lets an element render into its own light DOM, for children of `<hik-register>`
 * whose inputs must stay in the same tree as its `<form>`: browser autofill and
 * password managers do not look into nested shadow roots.
 *
 * The element's styles are adopted once into the tree it lives in (the parent's
 * shadow root, or the document when used alone). Call it from `createRenderRoot()`.
 */
export function lightRenderRoot(host: HTMLElement, styles: CSSResult): HTMLElement {
  const tree = host.getRootNode();
  const sheet = styles.styleSheet;
  if (sheet && (tree instanceof ShadowRoot || tree instanceof Document)) {
    if (!tree.adoptedStyleSheets.includes(sheet)) {
      tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
    }
  }
  return host;
}
