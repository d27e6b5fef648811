/**
 * Keyboard behaviour of the country dialog's tabs, search box and listbox (WAI-ARIA
 * APG Tabs pattern, and Listbox with `aria-activedescendant`): what each key does is a
 * plain function of the key and the current position; the controller binds those to
 * the dialog's state and keeps the type-ahead prefix.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Continent, Country } from './countries.ts';
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

/**
 * What a key does in a listbox of `count` options whose active one is at `index`:
 * `'choose'` it, move to an index (`-1` when type-ahead finds nothing), or `null` for
 * a key the list leaves alone. Calls `preventDefault()` on the keys it handles.
 */
export function listKeyAction(
  event: KeyboardEvent,
  index: number,
  count: number,
  names: () => readonly string[],
  typeAhead: TypeAhead,
): number | 'choose' | null {
  const key = event.key;
  const target = listKeyTarget(key, index, count);
  let action: number | 'choose';
  if (target !== null) {
    action = target;
  } else if (key === 'Enter' || (key === ' ' && !typeAhead.typing)) {
    action = 'choose';
  } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    action = typeAhead.type(key, names(), index);
  } else {
    return null;
  }
  event.preventDefault();
  return action;
}

export interface CountryKeyboardOptions {
  /** The tabs shown, in order, and the selected one. */
  tabs: () => { visible: readonly Continent[]; selected: Continent };
  /** Selects the tab a key moved to and focuses it. */
  moveToTab: (tab: Continent) => void;
  /** The options listed, in order. */
  options: () => readonly Country[];
  /** The active option's code. */
  active: () => string | null;
  /** The name an option shows (type-ahead matches it). */
  nameOf: (code: string) => string;
  /** Makes an option active. */
  activate: (code: string) => void;
  /** Enter or Space on the active option. */
  choose: (code: string) => void;
  /** The listbox, if it is rendered (ArrowDown in the search box goes there). */
  listbox: () => HTMLElement | null;
}

/**
 * The country dialog's keyboard handlers. Bind them on the elements:
 * `@keydown=${keys.onListKey}` (they keep their `this`).
 */
export class CountryKeyboardController implements ReactiveController {
  readonly #typeAhead = new TypeAhead();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CountryKeyboardOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#typeAhead.reset();
  }

  /** Arrow keys (mirrored in right-to-left text), Home and End on the tablist. */
  readonly onTabKey = (event: KeyboardEvent): void => {
    const { visible, selected } = this.options.tabs();
    const target = tabKeyTarget(event.key, visible.indexOf(selected), visible.length, this.host.matches(':dir(rtl)'));
    if (target === null) return;
    event.preventDefault();
    this.options.moveToTab(visible[target]!);
  };

  /** ArrowDown in the search box moves to the results. */
  readonly onSearchKey = (event: KeyboardEvent): void => {
    const listbox = this.options.listbox();
    if (event.key !== 'ArrowDown' || !listbox) return;
    event.preventDefault();
    listbox.focus();
  };

  /** Navigation keys, type-ahead, Enter and Space on the listbox. */
  readonly onListKey = (event: KeyboardEvent): void => {
    const options = this.options.options();
    const active = this.options.active();
    const index = options.findIndex((c) => c.code === active);
    const names = () => options.map((c) => this.options.nameOf(c.code));
    const action = listKeyAction(event, index, options.length, names, this.#typeAhead);
    if (action === 'choose') {
      if (active) this.options.choose(active);
    } else if (action !== null && action >= 0) {
      this.options.activate(options[action]!.code);
    }
  };
}
