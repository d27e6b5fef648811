/**
 * Every ISO 3166-1 alpha-2 country (249 codes), its continent tab and its calling code.
 *
 * This module is in the first-loaded bundle, so it is a compact string table parsed
 * once at load (about 1 kB gzip) and imports nothing: the calling codes were taken
 * from libphonenumber-js's metadata at development time, and `test/countries.test.ts`
 * checks them against it, so the widget need not load libphonenumber-js to show them.
 *
 * Continents follow the UN M49 regions (M49's "Americas" is our `america`). Codes M49
 * leaves out or places oddly, placed on purpose:
 * - AQ Antarctica: in no M49 region; `oceania`, as most of its stations are reached
 *   from Australia and New Zealand. No calling code.
 * - TW Taiwan: not listed by M49; `asia` (Eastern Asia, where M49 puts China).
 * - BV Bouvet Island, GS South Georgia: M49 South America, kept in `america`. No calling code.
 * - HM Heard and McDonald Islands, CX Christmas Island, CC Cocos Islands: M49 "Australia
 *   and New Zealand", kept in `oceania` (Australian territories; CX and CC share +61).
 * - UM US Minor Outlying Islands: M49 Micronesia, `oceania`. No calling code.
 * - IO British Indian Ocean Territory, TF French Southern Territories: M49 Eastern
 *   Africa, kept in `africa` (both lie in the southern Indian Ocean; TF has no calling code).
 * - PN Pitcairn: M49 Polynesia, `oceania`; libphonenumber-js lists no calling code for it.
 * - XK Kosovo: not an ISO 3166-1 code, left out.
 */

export const CONTINENTS = ['europe', 'asia', 'america', 'africa', 'oceania'] as const;
export type Continent = (typeof CONTINENTS)[number];

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly code: string;
  readonly continent: Continent;
  /** Without the `+`, e.g. `"44"`; `null` where no phone numbering exists. */
  readonly callingCode: string | null;
}

// Code followed by its calling code (none when there is no numbering), sorted by code.
const TABLE: Record<Continent, string> = {
  europe: 'AD376AL355AT43AX358BA387BE32BG359BY375CH41CZ420DE49DK45EE372ES34FI358FO298FR33GB44GG44GI350GR30HR385HU36IE353IM44IS354IT39JE44LI423LT370LU352LV371MC377MD373ME382MK389MT356NL31NO47PL48PT351RO40RS381RU7SE46SI386SJ47SK421SM378UA380VA39',
  asia: 'AE971AF93AM374AZ994BD880BH973BN673BT975CN86CY357GE995HK852ID62IL972IN91IQ964IR98JO962JP81KG996KH855KP850KR82KW965KZ7LA856LB961LK94MM95MN976MO853MV960MY60NP977OM968PH63PK92PS970QA974SA966SG65SY963TH66TJ992TL670TM993TR90TW886UZ998VN84YE967',
  america: 'AG1AI1AR54AW297BB1BL590BM1BO591BQ599BR55BS1BVBZ501CA1CL56CO57CR506CU53CW599DM1DO1EC593FK500GD1GF594GL299GP590GSGT502GY592HN504HT509JM1KN1KY1LC1MF590MQ596MS1MX52NI505PA507PE51PM508PR1PY595SR597SV503SX1TC1TT1US1UY598VC1VE58VG1VI1',
  africa: 'AO244BF226BI257BJ229BW267CD243CF236CG242CI225CM237CV238DJ253DZ213EG20EH212ER291ET251GA241GH233GM220GN224GQ240GW245IO246KE254KM269LR231LS266LY218MA212MG261ML223MR222MU230MW265MZ258NA264NE227NG234RE262RW250SC248SD249SH290SL232SN221SO252SS211ST239SZ268TD235TFTG228TN216TZ255UG256YT262ZA27ZM260ZW263',
  oceania: 'AQAS1AU61CC61CK682CX61FJ679FM691GU1HMKI686MH692MP1NC687NF672NR674NU683NZ64PF689PG675PNPW680SB677TK690TO676TV688UMVU678WF681WS685',
};

/** Every country, grouped by continent in the order of `CONTINENTS`, by code within each. */
export const COUNTRIES: readonly Country[] = CONTINENTS.flatMap((continent) =>
  [...TABLE[continent].matchAll(/([A-Z]{2})(\d*)/g)].map(
    ([, code, digits]): Country => ({ code: code!, continent, callingCode: digits || null }),
  ),
);

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country with this ISO code (upper case), if it is one. */
export function countryOf(code: string): Country | undefined {
  return BY_CODE.get(code);
}

/** Whether `code` is an ISO 3166-1 alpha-2 code (upper case) of this table. */
export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The calling code without `+` (`"44"` for GB), or `null` for none or an unknown code. */
export function callingCodeOf(code: string): string | null {
  return BY_CODE.get(code)?.callingCode ?? null;
}

/** The continent tab of a code, or `undefined` for an unknown code. */
export function continentOf(code: string): Continent | undefined {
  return BY_CODE.get(code)?.continent;
}

/** The flag symbol: the two regional indicator letters of the code (`"🇬🇧"` for GB). */
export function flagOf(code: string): string {
  // Regional indicator A is U+1F1E6; a font that lacks the flag shows the two letters.
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
