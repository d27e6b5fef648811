import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import { ALL_LOCALES, directionOf, setLocale } from '../src/i18n/localization.ts';
import { backendLoader } from '../stories/support/backend.ts';
import { FORCED_COLOURS_CSS } from '../stories/support/forced-colours.ts';

setCustomElementsManifest(manifest);

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

// Children shown alone read the language @lit/localize is set to; <hik-register>
// gets the `locale` attribute as well (support/render.ts), which does the same.
const localeLoader: Loader = async ({ globals }) => {
  const locale = typeof globals['locale'] === 'string' && ALL_LOCALES.includes(globals['locale']) ? globals['locale'] : 'en';
  await setLocale(locale);
  return {};
};

/**
 * The page around every story: its language and direction (for children alone; the
 * widget sets its own on its host) and the theme. "dark" sets `color-scheme`, so the
 * system colours the children fall back to turn dark too. "forced" approximates
 * Windows High Contrast by setting every --hik-* token to a system colour: see the
 * Theming docs page for how to check the real `forced-colors: active` rules.
 */
const pageDecorator: Decorator = (story, { globals }) => {
  const locale = typeof globals['locale'] === 'string' ? globals['locale'] : 'en';
  const theme = globals['theme'] === 'dark' ? 'dark' : globals['theme'] === 'forced' ? 'forced' : 'light';
  return html`<style>${FORCED_COLOURS_CSS}
      .sb-page { padding: 1rem; background: Canvas; color: CanvasText; min-block-size: 100%; box-sizing: border-box; }
      .sb-page[data-theme='light'] { color-scheme: light; }
      .sb-page[data-theme='dark'] { color-scheme: dark; }</style>
    <div class="sb-page ${theme === 'forced' ? 'sb-forced' : ''}" data-theme=${theme} lang=${locale} dir=${directionOf(locale)}>${story()}</div>`;
};

const viewport = (name: string, width: number, height: number, type: 'mobile' | 'tablet' | 'desktop') =>
  ({ name, styles: { width: `${width}px`, height: `${height}px` }, type });

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    viewport: {
      options: {
        w320: viewport('320 px (small phone)', 320, 640, 'mobile'),
        w375: viewport('375 px (phone)', 375, 740, 'mobile'),
        w768: viewport('768 px (tablet)', 768, 1024, 'tablet'),
        w1280: viewport('1280 px (desktop)', 1280, 800, 'desktop'),
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: ALL_LOCALES.map((value) => ({
          value,
          title: `${LANGUAGE_NAMES.of(value) ?? value}${directionOf(value) === 'rtl' ? ' (right to left)' : ''}`,
          right: value,
        })),
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'forced', title: 'Forced colours (approximation)' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  loaders: [localeLoader, backendLoader],
  decorators: [pageDecorator],
};
export default preview;
