import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { emit } from '../events.ts';
import { getLocale } from '../i18n/localization.ts';
import { CONTINENTS, countryOf, type Continent, type Country } from './countries.ts';
import { searchCountries } from './search.ts';
import { continentsIn, offeredCountries } from './offered-countries.ts';
import { CountryKeyboardController } from './keyboard-controller.ts';
import { keepInView, renderOption } from './option-list.ts';
import { CountryNamesController } from './country-names-controller.ts';
import { continentName, resultCount } from './country-messages.ts';
import { renderConfirm } from './confirm-template.ts';
import { styles } from './hik-country-dialog.styles.ts';

/**
 * The country picker: a modal dialog with a search box, continent tabs and a listbox
 * of countries, then the "cannot be changed after registration" confirmation.
 * Country names load lazily for `locale` when it opens; `updateComplete` waits for them.
 *
 * @summary Modal country picker with search, continent tabs and a confirmation step.
 *
 * @fires hik-country-select - The user chose a country and confirmed with OK. Detail `{ country, callingCode }`. Fired just before the dialog closes, so the host can show the choice before focus returns to it.
 * @fires hik-country-cancel - The user dismissed the dialog (Escape or Close) without a choice.
 *
 * @csspart dialog - The country dialog.
 * @csspart confirm - The confirmation dialog.
 *
 * @cssprop [--hik-color-background=Canvas] - Dialog background.
 * @cssprop [--hik-color-text=CanvasText] - Text colour.
 * @cssprop [--hik-color-muted=CanvasText at 72%] - Calling codes and counts.
 * @cssprop [--hik-color-surface=Canvas] - Background of the active option.
 * @cssprop [--hik-color-border=GrayText] - Borders.
 * @cssprop [--hik-color-accent=LinkText] - Selected tab and active option marker, OK button.
 * @cssprop [--hik-color-accent-text=Canvas] - Text on the accent colour.
 * @cssprop [--hik-color-focus=Highlight] - Focus ring.
 * @cssprop [--hik-radius=6px] - Corner radius.
 * @cssprop [--hik-space=0.75rem] - Base spacing.
 * @cssprop --hik-font-family - Font.
 */
// customElement last: it defines the element, and instances already in the page are
// upgraded right then, so @localized() must have added its controller before.
@customElement('hik-country-dialog')
@localized()
export class HikCountryDialog extends LitElement {
  static override styles = styles;

  /** The chosen country (ISO alpha-2): highlighted, and its tab selected, on open. */
  @property({ attribute: 'value' }) value: string | null = null;

  /** Allow-list of ISO codes; `null` offers every country. Tabs left empty are hidden. */
  @property({ attribute: false }) countries: string[] | null = null;

  /** Language of the country names and their sort order (BCP 47). */
  @property({ attribute: 'locale' }) locale: string = getLocale();

  /** Whether the dialog is open; setting it opens or closes it. */
  @property({ type: Boolean, attribute: 'open', reflect: true }) open = false;

  @state() private tab: Continent = 'europe';
  @state() private query = '';
  @state() private active: string | null = null;
  @state() private pending: string | null = null;

  @query('dialog.main') private dialog!: HTMLDialogElement;
  @query('dialog.confirm') private confirmDialog!: HTMLDialogElement;
  @query('input[type=search]') private search!: HTMLInputElement;
  @query('[role=listbox]') private listbox!: HTMLElement | null;

  #sorted: Country[] = [];
  #options: Country[] = [];
  #names = new CountryNamesController(this);
  #sortedRevision = -1;
  #namesChanged = false;
  #closeReason: 'cancel' | 'select' | 'none' = 'none';
  #keys = new CountryKeyboardController(this, {
    tabs: () => ({ visible: this.#visibleTabs(), selected: this.tab }),
    moveToTab: (tab) => this.#selectTab(tab, true),
    list: () => ({ options: this.#options, active: this.active, listbox: this.listbox }),
    nameOf: (code) => this.#nameOf(code),
    activate: (code) => (this.active = code),
    choose: (code) => void this.#choose(code),
  });

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog without a choice and without an event. */
  close(): void {
    this.open = false;
  }

  /** Also waits for the localized country names of an open dialog to arrive and render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#names.loading;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open) this.#prepareOpen();
    if (this.open) this.#names.load(this.locale);
    this.#namesChanged = this.#names.revision !== this.#sortedRevision;
    // Sorted when shown: the closed dialog (loaded at idle) renders no list, a long task less.
    if (this.open && (this.#namesChanged || ['open', 'countries', 'locale'].some((key) => changed.has(key)))) {
      this.#sortedRevision = this.#names.revision;
      this.#sorted = offeredCountries(this.countries, this.locale, (code) => this.#nameOf(code));
    }
    const visible = this.#visibleTabs();
    if (!visible.includes(this.tab) && visible.length > 0) this.tab = visible[0]!;
    this.#options = this.#searching()
      ? searchCountries(this.query, this.#sorted, (code) => this.#names.searchNamesOf(code, this.locale))
      : this.#sorted.filter((c) => c.continent === this.tab);
    if (!this.#options.some((c) => c.code === this.active)) this.active = this.#options[0]?.code ?? null;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open && !this.dialog.open) {
        this.#closeReason = 'cancel';
        this.dialog.showModal();
        this.search.focus();
        this.#scrollToActive();
      } else if (!this.open && this.dialog.open) {
        this.#closeReason = 'none';
        this.dialog.close();
      }
    }
    // Names arriving re-sort the list, so the active option may move without changing.
    if (this.#namesChanged || ['active', 'tab', 'query'].some((key) => changed.has(key))) this.#scrollToActive();
  }

  protected override render() {
    const searching = this.#searching();
    const visible = this.#visibleTabs();
    const listLabel = searching ? msg('Results', { desc: 'Label of the country list while searching' }) : null;
    return html`
      <dialog class="main" part="dialog" aria-labelledby="title" @close=${this.#onClose}>
        <header>
          <h2 id="title">${msg('Select Country', { desc: 'Title of the country dialog' })}</h2>
          <button class="close" type="button" aria-label=${msg('Close', { desc: 'Closes the country dialog' })}
            @click=${this.#dismiss}><span aria-hidden="true">×</span></button>
        </header>
        <input type="search" autocomplete="off" enterkeyhint="search"
          aria-label=${msg('Search', { desc: 'Country search box' })}
          placeholder=${msg('Search', { desc: 'Country search box' })}
          .value=${this.query} @input=${this.#onSearchInput} @keydown=${this.#keys.onSearchKey} />
        <div role="tablist" aria-label=${msg('Continents', { desc: 'Label of the continent tabs' })}
          @keydown=${this.#keys.onTabKey}>
          ${CONTINENTS.map((c) => html`
            <button role="tab" type="button" id="tab-${c}" aria-controls="panel" ?hidden=${!visible.includes(c)}
              aria-selected=${String(!searching && c === this.tab)} tabindex=${c === this.tab ? 0 : -1}
              @click=${() => this.#selectTab(c)}>${continentName(c)}</button>`)}
        </div>
        <p class="count" role="status">${searching ? resultCount(this.#options.length) : ''}</p>
        <div role="tabpanel" id="panel" class="panel" aria-labelledby=${listLabel ? nothing : `tab-${this.tab}`}
          aria-label=${listLabel ?? nothing}>
          ${this.#options.length === 0 ? nothing : html`
            <div role="listbox" tabindex="0" aria-labelledby=${listLabel ? nothing : `tab-${this.tab}`}
              aria-label=${listLabel ?? nothing} aria-activedescendant=${this.active ? `opt-${this.active}` : nothing}
              @keydown=${this.#keys.onListKey} @click=${this.#onListClick}>
              ${this.#options.map((c) =>
                renderOption(c, this.#nameOf(c.code), c.code === this.active, c.code === this.value))}
            </div>`}
        </div>
        ${renderConfirm(this.pending && this.#nameOf(this.pending), {
          cancel: () => this.confirmDialog.close(),
          ok: () => this.#confirm(),
          close: () => this.#onConfirmClose(),
        })}
      </dialog>`;
  }

  #nameOf(code: string): string {
    return this.#names.nameOf(code, this.locale);
  }

  #visibleTabs(): Continent[] {
    return continentsIn(this.#sorted);
  }

  #prepareOpen(): void {
    this.query = '';
    this.pending = null;
    const chosen = this.value ? countryOf(this.value.toUpperCase()) : undefined;
    if (chosen) this.tab = chosen.continent;
    this.active = chosen?.code ?? null;
  }

  #searching(): boolean {
    return this.query.trim() !== '';
  }

  /** Shows a continent's countries; `focus` moves focus to its tab once rendered (a key moved there). */
  #selectTab(c: Continent, focus = false): void {
    this.query = '';
    this.tab = c;
    this.active = null;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${c}`)?.focus());
  }

  #onSearchInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.active = null; // the best match becomes active
  }

  #onListClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    const code = option?.dataset['code'];
    if (!code) return;
    this.active = code;
    void this.#choose(code);
  }

  async #choose(code: string): Promise<void> {
    this.pending = code;
    await this.updateComplete;
    this.confirmDialog.showModal();
  }

  #confirm(): void {
    const chosen = this.pending;
    if (!chosen || this.#closeReason === 'select') return; // a second OK before it closed
    this.#closeReason = 'select';
    // The choice goes out before the dialog closes: closing hands focus back to the
    // opener (the Country button), and a screen reader reads that button's name at
    // once, so the host must have rendered the new country by then. Its update runs
    // in microtasks, all done before this timer.
    this.value = chosen;
    emit(this, 'hik-country-select', { country: chosen, callingCode: countryOf(chosen)?.callingCode ?? null });
    setTimeout(() => {
      this.confirmDialog.close();
      this.dialog.close();
    });
  }

  #onConfirmClose(): void {
    if (this.#closeReason === 'select') return;
    // Cancel or Escape: back to the list, on the option that was chosen.
    if (this.pending) this.active = this.pending;
    this.pending = null;
    this.listbox?.focus();
  }

  #dismiss(): void {
    this.#closeReason = 'cancel';
    this.dialog.close();
  }

  #onClose(event: Event): void {
    // The nested confirmation's close event does not bubble, but be explicit.
    if (event.target !== this.dialog) return;
    const reason = this.#closeReason;
    this.#closeReason = 'none';
    this.pending = null;
    this.open = false;
    // A choice was announced by #confirm() already.
    if (reason === 'cancel') emit(this, 'hik-country-cancel', null);
  }

  #scrollToActive(): void {
    const list = this.listbox;
    const option = this.active ? this.renderRoot.querySelector<HTMLElement>(`#opt-${this.active}`) : null;
    if (this.open && list && option) keepInView(list, option);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hik-country-dialog': HikCountryDialog;
  }
}
