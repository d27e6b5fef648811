/**
 * The country dialog's listbox: how an option looks and how the active option stays
 * in view. How keys move through it is in keyboard-controller.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { flagOf, type Country } from './countries.ts';
import { flagsRender } from './flags.ts';

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
