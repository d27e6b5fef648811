/**
 * `import { renderRegister } from 'hik-register/ssr'`: the HTML of `<hik-register …>`
 * with its first screen in a declarative shadow root, for Node without a DOM. A page
 * puts it where the bare tag would stand, with the same script tag; the form paints
 * before any JavaScript, and the element takes it over when its script runs.
 */
import './dom-shim.ts';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { booleanAttributes, escapeAttribute, unwrapLight, widgetRenderers, withoutMarkers } from './renderers.ts';

/** The attributes of ELEMENT.md, plus what any element takes (`id`, `class`, `data-*`). */
const ATTRIBUTES = new Set([
  'endpoint', 'locale', 'country', 'channel', 'channels', 'countries', 'captcha', 'theme',
  'terms-url', 'privacy-url', 'timeout', 'credentials', 'id', 'class',
]);

export interface RenderOptions {
  /** The element's attributes (`{ endpoint: '/api/register', locale: 'de' }`); `locale` defaults to `en`. */
  attributes?: Record<string, string | number | boolean | undefined>;
  /** The URL path where the page serves the package's `dist/` folder, e.g. `/vendor/hik-register/`. */
  assets?: string;
}

// One render at a time: the language is a global of @lit/localize, set for each render.
let queue: Promise<unknown> = Promise.resolve();

/** The HTML of `<hik-register …>` with its first screen, in the language of `attributes.locale`. */
export function renderRegister(options: RenderOptions = {}): Promise<string> {
  const next = queue.then(() => renderNow(options));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow({ attributes = {}, assets = './' }: RenderOptions): Promise<string> {
  const attrs = checkedAttributes(attributes);
  const base = assets.endsWith('/') ? assets : `${assets}/`;
  const [{ resolveLocale, setLocale }, { loadCountryNames }] = await Promise.all([
    import('../i18n/localization.ts'),
    import('../country/country-names.ts'),
    import('../hik-register.ts'),
  ]);
  const locale = resolveLocale(attrs.get('locale') ?? 'en');
  attrs.set('locale', locale);
  await setLocale(locale);
  const country = attrs.get('country');
  // The Country button names a preselected country as the client will, once its names are in.
  if (country) await loadCountryNames(locale);
  // In one order whatever order they came in: the same page renders the same markup.
  const order = [...ATTRIBUTES];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const list = [...attrs].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  const tag = staticHtml`<hik-register ${unsafeStatic(list)}></hik-register>`;
  const result = render(html`${tag}`, { elementRenderers: widgetRenderers(`${base}hik-register.css`) });
  return hiddenUntilStyled(booleanAttributes(unwrapLight(withoutMarkers(collectResultSync(result)))));
}

/**
 * The first screen stays hidden (`hidden`: the browser's own style) until the stylesheet
 * that shows it is in (the rules below), so a browser that paints before the stylesheet
 * arrives paints no unstyled form. The wrapper is `display: contents`: no box of its own.
 * A browser also paints while it parses (Chromium does, a few times per page at 4× CPU):
 * until the empty last element is parsed, the form's last row, the one being parsed, is
 * not shown. Rows appear whole, one below the other, and nothing in them moves, as a
 * button before its text or a list item before its words would, widening or wrapping.
 */
function hiddenUntilStyled(html: string): string {
  const link = html.indexOf('>', html.indexOf('<link rel="stylesheet"')) + 1;
  const end = html.lastIndexOf('</template></hik-register>');
  return `${html.slice(0, link)}<div class="hik-ssr" hidden>${html.slice(link, end)}<i class="hik-ssr-end" hidden></i></div>${html.slice(end)}`;
}

const SHOW_SERVED = '.hik-ssr[hidden]{display:contents}.hik-ssr:not(:has(>.hik-ssr-end)) form>:not(:has(~*)){display:none}';

/**
 * The text of `hik-register.css`: the element's styles, then its light children's, in
 * the order the client adopts them into the shadow root (so the cascade is the same).
 */
export async function stylesheet(): Promise<string> {
  const [{ HikRegister }, contact, captcha] = await Promise.all([
    import('../hik-register.ts'),
    import('../contact/hik-contact-toggle.styles.ts'),
    import('../captcha/hik-captcha.styles.ts'),
  ]);
  const sheets = [...HikRegister.elementStyles, contact.styles, captcha.styles];
  return [...sheets.map((s) => ('cssText' in s ? s.cssText.trim() : '')), SHOW_SERVED].join('\n');
}

function checkedAttributes(given: NonNullable<RenderOptions['attributes']>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || value === false) continue;
    if (!ATTRIBUTES.has(name) && !/^data-[a-z0-9-]+$/.test(name)) {
      throw new TypeError(`renderRegister: "${name}" is not an attribute of <hik-register> (see ELEMENT.md)`);
    }
    out.set(name, value === true ? '' : String(value));
  }
  return out;
}
