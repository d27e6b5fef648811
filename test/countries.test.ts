import { expect } from '@open-wc/testing';
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import en from 'i18n-iso-countries/langs/en.json';
import {
  CONTINENTS, COUNTRIES, callingCodeOf, continentOf, flagOf, isCountryCode,
} from '../src/country/countries.ts';
import { loadCountryNames, loadSearchNames } from '../src/country/country-names.ts';
import { intlRegionName, regionName } from '../src/i18n/display-names.ts';
import { normalizeForSearch, searchCountries, typeAheadIndex } from '../src/country/search.ts';

const codesOf = (list: readonly { code: string }[]) => list.map((c) => c.code);

describe('country data', () => {
  it('has all 249 ISO 3166-1 alpha-2 codes, each exactly once', () => {
    const codes = codesOf(COUNTRIES);
    expect(codes).to.have.length(249);
    expect(new Set(codes).size).to.equal(249);
    const iso = Object.keys(en.countries).filter((c) => c !== 'XK'); // Kosovo is not ISO 3166-1
    expect([...codes].sort()).to.deep.equal(iso.sort());
    expect(isCountryCode('XK')).to.equal(false);
  });

  it('puts every code in one of the five continent tabs', () => {
    expect(CONTINENTS).to.deep.equal(['europe', 'asia', 'america', 'africa', 'oceania']);
    for (const c of COUNTRIES) expect(CONTINENTS, c.code).to.include(c.continent);
    for (const continent of CONTINENTS) {
      expect(COUNTRIES.filter((c) => c.continent === continent), continent).to.not.be.empty;
    }
  });

  it('knows continent and calling code of well-known countries', () => {
    const expected = [
      ['GB', 'europe', '44'], ['US', 'america', '1'], ['JP', 'asia', '81'],
      ['AU', 'oceania', '61'], ['ZA', 'africa', '27'], ['TW', 'asia', '886'],
      ['BR', 'america', '55'], ['RU', 'europe', '7'], ['EG', 'africa', '20'],
    ] as const;
    for (const [code, continent, callingCode] of expected) {
      expect(continentOf(code), code).to.equal(continent);
      expect(callingCodeOf(code), code).to.equal(callingCode);
    }
  });

  it('has null calling codes only where no numbering exists', () => {
    expect(COUNTRIES.filter((c) => c.callingCode === null).map((c) => c.code).sort())
      .to.deep.equal(['AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM']);
    expect(callingCodeOf('ZZ')).to.equal(null);
  });

  it('agrees with libphonenumber-js on every calling code', () => {
    const known = new Set<string>(getCountries());
    for (const c of COUNTRIES) {
      const expected = known.has(c.code) ? getCountryCallingCode(c.code as CountryCode) : null;
      expect(c.callingCode, c.code).to.equal(expected);
    }
  });

  it('builds flags from regional indicator letters', () => {
    expect(flagOf('GB')).to.equal('\u{1F1EC}\u{1F1E7}');
    expect(flagOf('us')).to.equal('\u{1F1FA}\u{1F1F8}');
    expect([...flagOf('JP')]).to.have.length(2);
  });
});

describe('country names', () => {
  it('loads localized names lazily: French gives Royaume-Uni', async () => {
    const fr = await loadCountryNames('fr');
    expect(fr.get('GB')).to.equal('Royaume-Uni');
    expect(fr.get('DE')).to.equal('Allemagne');
    expect(fr.size).to.equal(249);
  });

  it('takes the first name where the JSON lists several', async () => {
    const names = await loadCountryNames('en');
    expect(names.get('GB')).to.equal('United Kingdom');
    expect(names.get('US')).to.equal('United States of America');
  });

  it('falls back to Intl.DisplayNames for a language the package lacks', async () => {
    const yo = await loadCountryNames('yo'); // Yoruba: no JSON in i18n-iso-countries
    expect(yo.get('GB')).to.equal(new Intl.DisplayNames('yo', { type: 'region' }).of('GB'));
    expect(yo.size).to.equal(249);
  });

  it('regional locales use their language, and a bad locale does not throw', async () => {
    expect((await loadCountryNames('de-AT')).get('GB')).to.equal('Vereinigtes Königreich');
    expect((await loadCountryNames('!!')).get('GB')).to.be.a('string');
  });

  it('gives a synchronous name for a first paint, and a bad code or locale does not throw', () => {
    expect(intlRegionName('DE', 'de')).to.equal('Deutschland');
    expect(intlRegionName('GB', 'en')).to.equal('United Kingdom');
    expect(regionName('GB', 'en-GB')).to.equal('United Kingdom'); // no list names loaded for en-GB: Intl's
    expect(regionName('XX', 'en')).to.equal('XX');
    expect(regionName('1', 'en')).to.equal('1');
    expect(regionName('GB', '!!')).to.equal('GB');
  });

  it('names a country as the list does once the list has loaded, wherever it is named', async () => {
    // Intl calls it "Czechia", the list "Czech Republic": one name everywhere after loading.
    expect(intlRegionName('CZ', 'en')).to.equal('Czechia');
    const names = await loadCountryNames('en');
    expect(names.get('CZ')).to.equal('Czech Republic');
    expect(regionName('CZ', 'en')).to.equal('Czech Republic');
    // A language the list does not ship keeps Intl's names.
    await loadCountryNames('yo');
    expect(regionName('GB', 'yo')).to.equal(intlRegionName('GB', 'yo'));
  });

  it("search names: the language's own names and aliases, and the English name", async () => {
    const fr = await loadSearchNames('fr');
    expect(fr.get('GB')).to.include.members(['Royaume-Uni', 'United Kingdom']);
    // English aliases come with the English list, which a French page does not load.
    expect(fr.get('GB')).to.not.include('UK');
    const en = await loadSearchNames('en');
    expect(en.get('GB')).to.include.members(['United Kingdom', 'UK', 'Great Britain']);
    expect(en.get('CI')).to.include('Ivory Coast');
  });
});

describe('country search', () => {
  const namesOf = (code: string) => [intlRegionName(code, 'en') ?? code];
  const search = (q: string) => codesOf(searchCountries(q, COUNTRIES, namesOf));

  it('ignores accents and case', () => {
    expect(normalizeForSearch('Côte d’Ivoire')).to.equal("cote d'ivoire");
    expect(search('cote')).to.include('CI');
    expect(search('CÔTE')).to.include('CI');
    expect(search('ALAND')).to.include('AX');
  });

  it('finds by ISO code, best match first', () => {
    expect(search('gb')[0]).to.equal('GB');
    expect(search('de')[0]).to.equal('DE');
  });

  it('finds by calling code, with or without +', () => {
    for (const q of ['+44', '44', '+ 44']) {
      const found = search(q);
      expect(found, q).to.include.members(['GB', 'GG', 'IM', 'JE']);
      expect(found, q).to.not.include('US');
    }
    expect(search('+1')).to.include.members(['US', 'CA']);
  });

  it('matches the localized and the English name', async () => {
    const fr = await loadSearchNames('fr');
    const found = codesOf(searchCountries('allemagne', COUNTRIES, (c) => fr.get(c) ?? []));
    expect(found).to.deep.equal(['DE']);
    expect(codesOf(searchCountries('germany', COUNTRIES, (c) => fr.get(c) ?? []))).to.deep.equal(['DE']);
    expect(codesOf(searchCountries('united kingdom', COUNTRIES, (c) => fr.get(c) ?? []))).to.deep.equal(['GB']);
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(search('  ')).to.have.length(249);
    expect(search('qqqzz')).to.deep.equal([]);
  });

  it('type-ahead jumps to the next name with the typed prefix', () => {
    const names = ['Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus'];
    expect(typeAheadIndex('b', names, 0)).to.equal(1);
    expect(typeAheadIndex('b', names, 1)).to.equal(2);
    expect(typeAheadIndex('bu', names, 1)).to.equal(2);
    expect(typeAheadIndex('cc', names, 3)).to.equal(4);
    expect(typeAheadIndex('a', names, 4)).to.equal(0);
    expect(typeAheadIndex('z', names, 0)).to.equal(-1);
  });
});
