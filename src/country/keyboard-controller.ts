/**
 * Keyboard behaviour of the country dialog's tabs, search box and listbox (WAI-ARIA
 * APG Tabs pattern, and Listbox with `aria-activedescendant`). The controller reads
 * the dialog's state through the options it is given and keeps the type-ahead prefix.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Continent, Country } from './countries.ts';
import { typeAheadIndex } from './search.ts';

/** Options PageUp and PageDown move by. */
const PAGE = 10;
/** Letters typed within this time make one type-ahead prefix. */
const TYPE_AHEAD_MS = 500;

/**
 * The tab a key moves to in a tablist of `count` tabs (wrapping), or `undefined` for a
 * key tabs ignore. In right-to-left text ArrowLeft moves forward.
 */
export function tabKeyTarget(key: string, index: number, count: number, rtl: boolean): number | undefined {
  switch (key) {
    case rtl ? 'ArrowLeft' : 'ArrowRight': return (index + 1) % count;
    case rtl ? 'ArrowRight' : 'ArrowLeft': return (index - 1 + count) % count;
    case 'Home': return 0;
    case 'End': return count - 1;
  }
}

/** The option a navigation key moves to in a listbox of `count` options (no wrapping), or `undefined`. */
export function listKeyTarget(key: string, index: number, count: number): number | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown': return Math.min(index + 1, last);
    case 'ArrowUp': return Math.max(index - 1, 0);
    case 'Home': return 0;
    case 'End': return last;
    case 'PageDown': return Math.min(index + PAGE, last);
    case 'PageUp': return Math.max(index - PAGE, 0);
  }
}

export interface CountryKeyboardOptions {
  /** The tabs shown, in order, and the selected one. */
  tabs: () => { visible: readonly Continent[]; selected: Continent };
  /** Selects the tab a key moved to and focuses it. */
  moveToTab: (tab: Continent) => void;
  /** The options listed, in order, the active one's code and the listbox if rendered. */
  list: () => { options: readonly Country[]; active: string | null; listbox: HTMLElement | null };
  /** The name an option shows (type-ahead matches it). */
  nameOf: (code: string) => string;
  /** Makes an option active. */
  activate: (code: string) => void;
  /** Enter or Space on the active option. */
  choose: (code: string) => void;
}

/**
 * The country dialog's keyboard handlers. Bind them on the elements:
 * `@keydown=${keys.onListKey}` (they keep their `this`).
 */
export class CountryKeyboardController implements ReactiveController {
  #typed = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CountryKeyboardOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#resetTypeAhead();
  }

  /** Arrow keys (mirrored in right-to-left text), Home and End on the tablist. */
  readonly onTabKey = (event: KeyboardEvent): void => {
    const { visible, selected } = this.options.tabs();
    const target = tabKeyTarget(event.key, visible.indexOf(selected), visible.length, this.host.matches(':dir(rtl)'));
    if (target === undefined) return;
    event.preventDefault();
    this.options.moveToTab(visible[target]!);
  };

  /** ArrowDown in the search box moves to the results. */
  readonly onSearchKey = (event: KeyboardEvent): void => {
    const { listbox } = this.options.list();
    if (event.key !== 'ArrowDown' || !listbox) return;
    event.preventDefault();
    listbox.focus();
  };

  /**
   * Navigation keys, Enter and Space (choose), and type-ahead: letters typed in quick
   * succession make one prefix, and while one is being typed Space belongs to it.
   */
  readonly onListKey = (event: KeyboardEvent): void => {
    const { key, ctrlKey, metaKey, altKey } = event;
    const { options, active } = this.options.list();
    const index = options.findIndex((c) => c.code === active);
    let target = listKeyTarget(key, index, options.length);
    if (target === undefined && (key === 'Enter' || (key === ' ' && !this.#typed))) {
      if (active) this.options.choose(active);
    } else if (target === undefined && key.length === 1 && !ctrlKey && !metaKey && !altKey) {
      this.#typed += key;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#resetTypeAhead(), TYPE_AHEAD_MS);
      target = typeAheadIndex(this.#typed, options.map((c) => this.options.nameOf(c.code)), index);
    } else if (target === undefined) {
      return;
    }
    event.preventDefault();
    const option = target === undefined ? undefined : options[target];
    if (option) this.options.activate(option.code);
  };

  #resetTypeAhead(): void {
    clearTimeout(this.#timer);
    this.#typed = '';
  }
}
