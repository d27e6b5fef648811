/**
 * The country dialog's listbox: how an option looks, how keys move through the list
 * (WAI-ARIA APG Listbox with `aria-activedescendant`) and how the active option stays
 * in view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { flagOf, type Country } from './countries.ts';
import { flagsRender } from './flags.ts';
import { listKeyTarget, type TypeAhead } from './keyboard.ts';

/** One option; `current` marks the country chosen before, `active` the highlighted one. */
export function renderOption(c: Country, name: string, active: boolean, current: boolean): TemplateResult {
  return html`
    <div role="option" id="opt-${c.code}" data-code=${c.code} aria-selected=${String(active)}
      class=${current ? 'current' : ''}>
      ${flagsRender() ? html`<span class="flag" aria-hidden="true">${flagOf(c.code)}</span>` : nothing}
      <span class="name">${name}</span>
      <bdi class="calling" dir="ltr" aria-hidden="true">${c.callingCode ? `+${c.callingCode}` : ''}</bdi>
      <span class="check" aria-hidden="true">${current ? '✓' : ''}</span>
    </div>`;
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

/**
 * Scrolls `list` just enough to show `option`. Layout offsets rather than
 * scrollIntoView(): the opening slide's transform would skew the latter, and it may
 * also scroll the page. `list` must be the option's offsetParent.
 */
export function keepInView(list: HTMLElement, option: HTMLElement): void {
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}
