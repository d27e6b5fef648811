/**
 * How Lit SSR renders the widget's elements (@lit-labs/ssr's ElementRenderer).
 *
 * - `<hik-register>`: its shadow root links the widget's stylesheet (a file beside the
 *   script, `hik-register.css`) instead of an inline `<style>`, which the strict CSP of
 *   ELEMENT.md refuses.
 * - The children that render into their own light DOM on the client (the contact ways,
 *   the captcha): their content is marked, and `unwrapLight()` turns the declarative
 *   shadow root Lit SSR writes for them back into children, as the client has them.
 *   Their `defer-hydration` (added by Lit SSR to nested elements) keeps them from
 *   rendering on upgrade; the form takes the whole tree over (takeover.ts).
 * - The pop-ups render nothing: they are closed on the first screen.
 */
import { LitElementRenderer, type RenderInfo } from '@lit-labs/ssr';

const LIGHT_MARK = '<!--hik-light-->';
const LIGHT = new Set(['hik-contact-toggle', 'hik-captcha']);
const CLOSED = new Set(['hik-country-dialog', 'hik-code-modal']);

type Rendered = ReturnType<LitElementRenderer['renderShadow']>;

/** Renderers for the widget's elements; `stylesheet` is the URL of hik-register.css. */
export function widgetRenderers(stylesheet: string): (typeof LitElementRenderer)[] {
  class RegisterRenderer extends LitElementRenderer {
    static override matchesClass(ctor: typeof HTMLElement, tagName = ''): boolean {
      return tagName === 'hik-register' && LitElementRenderer.matchesClass(ctor);
    }
    /** Runs the element's connectedCallback (its config and its controllers' hostConnected: the flow's first values), without updates. */
    override connectedCallback(): void {
      const element = this.element as unknown as { enableUpdating(): void; connectedCallback(): void };
      element.enableUpdating = () => undefined;
      element.connectedCallback();
      super.connectedCallback();
    }
    override renderShadow(info: RenderInfo): Rendered {
      const inner = withoutStyles(super.renderShadow(info));
      return inner && [`<link rel="stylesheet" href="${escapeAttribute(stylesheet)}">`, ...inner];
    }
  }
  class LightRenderer extends LitElementRenderer {
    static override matchesClass(ctor: typeof HTMLElement, tagName = ''): boolean {
      return LIGHT.has(tagName) && LitElementRenderer.matchesClass(ctor);
    }
    override renderShadow(info: RenderInfo): Rendered {
      const inner = withoutStyles(super.renderShadow(info));
      return inner && [LIGHT_MARK, ...inner];
    }
  }
  class ClosedRenderer extends LitElementRenderer {
    static override matchesClass(ctor: typeof HTMLElement, tagName = ''): boolean {
      return CLOSED.has(tagName) && LitElementRenderer.matchesClass(ctor);
    }
    override renderShadow(): Rendered {
      return undefined;
    }
  }
  return [RegisterRenderer, LightRenderer, ClosedRenderer];
}

/** LitElementRenderer writes `<style>…</style>` first; the stylesheet link replaces it. */
function withoutStyles(rendered: Rendered): Rendered {
  if (!rendered) return rendered;
  const items = [...rendered];
  const close = items.indexOf('</style>');
  return items[0] === '<style>' && close > 0 ? items.slice(close + 1) : items;
}

/** The light children's declarative shadow roots, back to plain children. */
export function unwrapLight(html: string): string {
  const open = /<template shadowroot="open" shadowrootmode="open"><!--hik-light-->([\s\S]*?)<\/template>/g;
  return html.replace(open, '$1');
}

/** Lit SSR's hydration markers: comments only Lit's hydration reads (this widget takes over instead). */
export function withoutMarkers(html: string): string {
  return html.replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?lit\$\d+\$>|<\?>/g, '');
}

/**
 * Lit SSR writes a property binding of a reflected property as an attribute with the
 * value's text: `.checked=${false}` becomes `checked="false"`, which HTML reads as
 * checked. For boolean properties the attribute is there when true and absent when false.
 */
export function booleanAttributes(html: string): string {
  return html
    .replace(/(?<=\s)(checked|disabled|hidden|required|readonly|selected|open)="false"/g, '')
    .replace(/(?<=\s)(checked|disabled|hidden|required|readonly|selected|open)="true"/g, '$1');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
