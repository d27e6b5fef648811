/**
 * Plain DOM moves on `<hik-register>`, shared by the browser tests (test/helpers.ts)
 * and the stories' play functions (stories/support/drive.ts). Its controls sit in
 * the element's shadow root.
 */
import type { HikRegister } from '../src/hik-register.ts';

export function $(el: HikRegister, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Sets a field's value and fires `input` and `change`, as typing does (for speed where typing is not the point). */
export function fill(input: HTMLElement, value: string): void {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The button whose accessible text (aria-label, else its text) is `name`. */
export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const b = [...root.querySelectorAll<HTMLButtonElement>('button')].find((x) => {
    const text = (x.getAttribute('aria-label') ?? x.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (!b) throw new Error(`no button named ${name}`);
  return b;
}
