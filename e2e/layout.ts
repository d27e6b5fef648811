/**
 * Box measurements of the widget as laid out in the page, for the narrow-screen and
 * text-spacing checks (issue 12): what a user at 320 px, or with their own spacing
 * stylesheet, would find squeezed, sticking out or cut off.
 */
import type { Page } from 'playwright-core';

/** What `layoutProblems` read, for the failure message and the report. */
export interface Layout {
  problems: string[];
  /** The Password input's width and the form's, in px. */
  password: number;
  form: number;
  /** How far the Country button reaches past the form's box, in px (0: inside). */
  countryOverflow: number;
}

/**
 * WCAG 1.4.12 text spacing on or off, as the usual bookmarklet applies it, but inside
 * every shadow root too (a page's stylesheet cannot reach them, and `all: initial` on
 * the host stops inheritance). Call it again after a pop-up's late chunk made a new
 * shadow root.
 */
export async function textSpacing(page: Page, on: boolean): Promise<void> {
  await page.evaluate((add) => {
    const sheet = Object.assign(new CSSStyleSheet(), { hikSpacing: true });
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`);
    const visit = (root: Document | ShadowRoot) => {
      const others = root.adoptedStyleSheets.filter((s) => !(s as CSSStyleSheet & { hikSpacing?: true }).hikSpacing);
      root.adoptedStyleSheets = add ? [...others, sheet] : others;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
  }, on);
}

/**
 * Everything wrong with the widget's boxes right now, in the form and in any open
 * pop-up:
 * - a text input narrower than it needs for typing: 60 % of its container's content
 *   width or, when that is less, the width of 16 characters (fewer if its maxlength is
 *   lower) in its own font and letter-spacing. Sixteen characters show a generated
 *   password or most user names and emails whole (twice the shortest password), so
 *   what was typed can be checked; 60 % keeps the field, not what sits beside it, the
 *   main thing on its row at any width;
 * - a control, label or text outside its container (the form's box, or the open
 *   dialog's), a dialog outside the viewport, a page wider than the viewport;
 * - content wider than its box (scrollWidth > clientWidth) in any block, and, where
 *   overflow is hidden or clipped, taller than it (text cut off);
 * - text that sticks out of its button.
 */
export function layoutProblems(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const host = document.querySelector('hik-register')!;
    const form = host.shadowRoot!.querySelector('form')!;
    const problems: string[] = [];
    const slack = 1;
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `<${el.localName}${id}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const round = (n: number) => Math.round(n * 10) / 10;
    const all: Element[] = [];
    const collect = (root: ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(host.shadowRoot!);
    // What is drawn: not hidden, not a 1 px screen-reader-only box or inside one.
    const styles = new Map<Element, CSSStyleDeclaration>();
    const styleOf = (el: Element) => styles.get(el) ?? styles.set(el, getComputedStyle(el)).get(el)!;
    const drawnCache = new Map<Element, boolean>();
    const parentOf = (el: Element) => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    // Has a box of more than 1 px, as have all its ancestors (display: contents has none).
    const boxed = (el: Element | null): boolean => {
      if (!el) return true;
      let known = drawnCache.get(el);
      if (known === undefined) {
        const b = el.getBoundingClientRect();
        known = (styleOf(el).display === 'contents' || (b.width > 1 && b.height > 1)) && boxed(parentOf(el));
        drawnCache.set(el, known);
      }
      return known;
    };
    const drawn = (el: Element) =>
      el.getClientRects().length > 0 && styleOf(el).visibility !== 'hidden' && boxed(el);
    const openDialog = (el: Element) => el.closest('dialog[open]');
    const containerOf = (el: Element) => openDialog(el) ?? form;
    const outside = (r: DOMRect, c: DOMRect) =>
      Math.max(c.left - r.left, r.right - c.right, 0);
    const visible = all.filter(drawn);

    for (const dialog of visible.filter((el) => el.localName === 'dialog')) {
      const r = dialog.getBoundingClientRect();
      const out = Math.max(-r.left, r.right - innerWidth, 0);
      if (out > slack) problems.push(`${name(dialog)} reaches ${round(out)} px past the ${innerWidth} px viewport`);
    }
    if (document.documentElement.scrollWidth > innerWidth) {
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px viewport`);
    }
    let countryOverflow = 0;
    for (const el of visible) {
      const container = containerOf(el);
      const style = styleOf(el);
      if (el !== container) {
        const out = outside(el.getBoundingClientRect(), container.getBoundingClientRect());
        if (el.id === 'country-button') countryOverflow = round(out);
        if (out > slack) problems.push(`${name(el)} sticks out of ${name(container).split(' ')[0]} by ${round(out)} px`);
      }
      if (el.clientWidth > 0 && !['input', 'textarea', 'select', 'meter'].includes(el.localName)) {
        if (el.scrollWidth > el.clientWidth + slack) {
          problems.push(`${name(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px (overflow-x ${style.overflowX})`);
        }
        if (['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + slack) {
          problems.push(`${name(el)} cuts off its text: ${el.scrollHeight} px tall in ${el.clientHeight} px`);
        }
      }
      if (el instanceof HTMLInputElement && ['text', 'password', 'email', 'tel', 'search'].includes(el.type)) {
        const cs = styleOf(container);
        const content = container.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        const probe = document.createElement('span');
        const wanted = Math.min(16, el.maxLength > 0 ? el.maxLength : 16);
        probe.textContent = '0'.repeat(wanted);
        probe.style.cssText = `font:${style.font};letter-spacing:${style.letterSpacing};position:absolute;white-space:pre`;
        el.parentElement!.append(probe);
        const chars = probe.getBoundingClientRect().width;
        probe.remove();
        const edges = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
          + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
        const needed = Math.min(0.6 * content, chars + edges);
        const width = el.getBoundingClientRect().width;
        if (width + slack < needed) {
          problems.push(`${name(el)} is ${round(width)} px wide, needs ${round(needed)} (60 % of ${round(content)}, or ${wanted} characters)`);
        }
      }
    }
    // Text past the edge of its own button (visible overflow is not cut off, but spills).
    for (const el of visible) {
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const button = el.closest('button');
        for (const r of range.getClientRects()) {
          for (const box of [button, containerOf(el)]) {
            const out = box ? outside(r, box.getBoundingClientRect()) : 0;
            if (box && out > slack) problems.push(`the text "${node.textContent!.trim().slice(0, 30)}" reaches ${round(out)} px past ${name(box).split(' ')[0]}`);
          }
        }
      }
    }
    const password = host.shadowRoot!.querySelector('#password')?.getBoundingClientRect().width ?? 0;
    return { problems: [...new Set(problems)], password: round(password), form: round(form.getBoundingClientRect().width), countryOverflow };
  });
}

/**
 * Switches the widget's language and waits until its strings and any names the
 * language loads are in and laid out.
 */
export async function switchLocale(page: Page, locale: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    const el = document.querySelector('hik-register')!;
    performance.setResourceTimingBufferSize(100_000);
    const done = new Promise<void>((resolve) => {
      const listen = (e: Event) => {
        const detail = (e as CustomEvent<{ status: string; readyLocale?: string }>).detail;
        if (detail.status === 'ready' && detail.readyLocale === wanted) {
          window.removeEventListener('lit-localize-status', listen);
          resolve();
        }
      };
      window.addEventListener('lit-localize-status', listen);
    });
    const before = el.getAttribute('lang');
    el.setAttribute('locale', wanted);
    if (before !== wanted) {
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`the ${wanted} strings did not load in 10 s`)), 10_000));
      await Promise.race([done, late]);
    }
    // The names of countries come in a chunk of their own: wait until nothing more loads.
    const loaded = () => performance.getEntriesByType('resource').filter((r) => (r as PerformanceResourceTiming).responseEnd > 0).length;
    for (let seen = -1, count = loaded(); seen !== count;) {
      seen = count;
      await new Promise((r) => setTimeout(r, 60));
      count = loaded();
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, locale);
  const lang = await page.evaluate(() => document.querySelector('hik-register')!.getAttribute('lang'));
  if (lang !== locale) throw new Error(`locale="${locale}" left the widget in lang="${lang}"`);
}
