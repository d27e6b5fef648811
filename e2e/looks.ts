/** Measurements of how the widget looks: colours and boxes, read from the rendered page. */
import type { Locator, Page } from 'playwright-core';
import { widget } from './flow.ts';

export interface Colours {
  /** The background painted behind the form, as computed. */
  color: string;
  text: string;
  /** WCAG relative luminance of `color`, 0 (black) to 1 (white). */
  luminance: number;
  /** WCAG contrast ratio of the heading's text on `color`. */
  contrast: number;
}

/**
 * The first opaque background from the form up to the page, and the heading's text
 * colour on it. Colours are read through a canvas, so `light-dark()`, `oklch()` and
 * the like all come back as sRGB bytes.
 */
export async function backgroundLuminance(page: Page): Promise<Colours> {
  await page.waitForTimeout(50); // one frame for a theme change to restyle
  return widget(page).locator('form[part="form"]').evaluate((form) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    let node: Element | null = form;
    let color = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) { color = bg; break; }
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    }
    const heading = form.querySelector('h2') ?? form;
    const text = getComputedStyle(heading).color;
    const l1 = luminance(rgba(color));
    const l2 = luminance(rgba(text));
    const contrast = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    return { color, text, luminance: l1, contrast };
  });
}

interface Box { left: number; right: number; width: number }

/** Where a label's text is drawn (a block label's own box spans the whole field). */
async function textBox(label: Locator): Promise<Box> {
  const b = await label.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.x, width: r.width };
  }).catch(() => { throw new Error('the User Name label is not rendered'); });
  return { left: Math.round(b.x), right: Math.round(b.x + b.width), width: Math.round(b.width) };
}

/** Horizontal extents of the User Name label and input, the Password input and its Show button. */
export async function labelAndInputBoxes(page: Page): Promise<Record<'label' | 'input' | 'password' | 'showPassword', Box>> {
  const w = widget(page);
  const box = async (what: string, locator: Locator): Promise<Box> => {
    const b = await locator.boundingBox();
    if (!b) throw new Error(`${what} has no box: it is not rendered`);
    return { left: Math.round(b.x), right: Math.round(b.x + b.width), width: Math.round(b.width) };
  };
  await page.waitForTimeout(50); // one frame for a direction change to lay out
  return {
    // By id, not by name: the right-to-left check runs in Arabic.
    label: await textBox(w.locator('label[for=username]')),
    input: await box('the User Name input', w.locator('#username')),
    password: await box('the Password input', w.locator('#password')),
    showPassword: await box('the Show password button', w.locator('button.reveal')),
  };
}
