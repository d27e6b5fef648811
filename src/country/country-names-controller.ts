import type { ReactiveControllerHost } from 'lit';
import { loadCountryNames, loadSearchNames } from './country-names.ts';
import { intlRegionName, regionName } from '../i18n/display-names.ts';

/**
 * The country names a country dialog shows and searches, loaded lazily per locale.
 * Until they arrive, `regionName()` gives Intl's names (or the list's, if another part
 * of the page loaded them already). The host asks for a locale with `load()` and
 * re-sorts when `revision` changes.
 */
export class CountryNamesController {
  #names: Map<string, string> | null = null;
  #searchNames: Map<string, string[]> | null = null;
  #locale: string | null = null;

  /** Settles when the names last asked for have arrived (or a newer locale overtook them). */
  loading: Promise<void> = Promise.resolve();

  /** Goes up whenever the names change, for the host to re-sort. */
  revision = 0;

  // No lifecycle hooks: a load in flight simply lands, so the host is only asked to update.
  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts loading the names of `locale`, unless they are there or on their way. */
  load(locale: string): void {
    if (this.#locale === locale) return;
    this.#locale = locale;
    this.#set(null, null);
    this.loading = this.#fetch(locale);
  }

  /** The name to show for `code`: the same as everywhere else in the widget. */
  nameOf(code: string, locale: string): string {
    return this.#names?.get(code) ?? regionName(code, locale);
  }

  /** The names a search for `code` matches (localized, English, other spellings). */
  searchNamesOf(code: string, locale: string): readonly string[] {
    return this.#searchNames?.get(code) ?? [this.nameOf(code, locale), intlRegionName(code, 'en') ?? code];
  }

  async #fetch(locale: string): Promise<void> {
    const [names, searchNames] = await Promise.all([loadCountryNames(locale), loadSearchNames(locale)]);
    // A newer locale may have been asked for while these were loading.
    if (this.#locale !== locale) return;
    this.#set(names, searchNames);
  }

  #set(names: Map<string, string> | null, searchNames: Map<string, string[]> | null): void {
    this.#names = names;
    this.#searchNames = searchNames;
    this.revision += 1;
    this.host.requestUpdate();
  }
}
