/**
 * How every `<hik-register>` story renders: attributes from the story's args, the
 * language and theme from the toolbar, and the story's in-browser backend as `fetch`.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StoryContext } from '@storybook/web-components-vite';

type Context = Pick<StoryContext, 'globals' | 'loaded'>;
import { storyBackend } from './backend.ts';

export interface RegisterArgs {
  endpoint?: string;
  captcha?: 'image' | 'pow' | 'slot' | 'none';
  channel?: 'email' | 'sms';
  channels?: string;
  country?: string;
  countries?: string;
  theme?: 'auto' | 'light' | 'dark';
  termsUrl?: string;
  privacyUrl?: string;
  timeout?: number;
  /** Inline `style` (the theming story's custom properties). */
  style?: string;
}

/** The widget's `theme` attribute for the toolbar's choice (forced colours: see preview.ts). */
export function themeAttribute(globalTheme: unknown): 'light' | 'dark' | undefined {
  return globalTheme === 'dark' ? 'dark' : globalTheme === 'light' ? 'light' : undefined;
}

export function renderRegister(args: RegisterArgs, context: Context) {
  const backend = storyBackend(context);
  const locale = typeof context.globals['locale'] === 'string' ? context.globals['locale'] : 'en';
  const theme = args.theme && args.theme !== 'auto' ? args.theme : themeAttribute(context.globals['theme']);
  return html`<hik-register
    endpoint=${args.endpoint ?? '/api/register'}
    locale=${locale}
    theme=${ifDefined(theme)}
    captcha=${ifDefined(args.captcha)}
    channel=${ifDefined(args.channel)}
    channels=${ifDefined(args.channels)}
    country=${ifDefined(args.country || undefined)}
    countries=${ifDefined(args.countries || undefined)}
    terms-url=${args.termsUrl ?? '#terms'}
    privacy-url=${ifDefined(args.privacyUrl || undefined)}
    timeout=${ifDefined(args.timeout)}
    style=${args.style ? args.style : nothing}
    .fetch=${backend.fetch}
  ></hik-register>`;
}
