/**
 * Keyboard behaviour of the country dialog's tabs and listbox (WAI-ARIA APG Tabs and
 * Listbox patterns), as plain functions of the key and the current position.
 */
import { typeAheadIndex } from './search.ts';

/**
 * The tab a key moves to in a tablist of `count` tabs (wrapping), or `null` for a key
 * tabs ignore. In right-to-left text ArrowLeft moves forward.
 */
export function tabKeyTarget(key: string, index: number, count: number, rtl: boolean): number | null {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward: return (index + 1) % count;
    case back: return (index - 1 + count) % count;
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

const PAGE = 10;

/** The option a navigation key moves to in a listbox of `count` options (no wrapping), or `null`. */
export function listKeyTarget(key: string, index: number, count: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown': return Math.min(index + 1, last);
    case 'ArrowUp': return Math.max(index - 1, 0);
    case 'Home': return 0;
    case 'End': return last;
    case 'PageDown': return Math.min(index + PAGE, last);
    case 'PageUp': return Math.max(index - PAGE, 0);
    default: return null;
  }
}

/** Listbox type-ahead: letters typed in quick succession make one prefix. */
export class TypeAhead {
  #typed = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly timeoutMs = 500) {}

  /** Whether letters are being typed (Space then belongs to the prefix, not to choosing). */
  get typing(): boolean {
    return this.#typed !== '';
  }

  /** Adds a typed character; the index of the next matching name, or -1. */
  type(key: string, names: readonly string[], active: number): number {
    this.#typed += key;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.reset(), this.timeoutMs);
    return typeAheadIndex(this.#typed, names, active);
  }

  reset(): void {
    clearTimeout(this.#timer);
    this.#typed = '';
  }
}
