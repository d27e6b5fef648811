/**
 * What a JSX or template language may set on `<hik-register>`, framework-neutral:
 * its properties, its two kebab-case attributes, and a handler per public event as
 * `on<event-name>` (React 19's and Preact's way to listen to a custom element).
 * `hik-register/react` and `hik-register/vue` build on these; so can any JSX.
 * Types only: nothing here runs.
 */
import type { HikRegister } from '../hik-register.ts';
import type { HikRegisterEventMap } from '../events.ts';

/** The element's public properties, each optional. */
export type HikRegisterProperties = Partial<Pick<HikRegister,
  | 'endpoint' | 'locale' | 'country' | 'channel' | 'channels' | 'countries' | 'captcha'
  | 'theme' | 'termsUrl' | 'privacyUrl' | 'timeout' | 'credentials' | 'headers' | 'fetch'
  | 'captchaToken'>>;

/** The attributes whose names differ from their properties. */
export interface HikRegisterKebabAttributes {
  'terms-url'?: string;
  'privacy-url'?: string;
}

/** `onhik-register-success={(e) => e.detail.userId}`: one handler per public event. */
export type HikRegisterEventProps = {
  [K in keyof HikRegisterEventMap as `on${K}`]?: (event: HikRegisterEventMap[K]) => void;
};

/** Everything a JSX element `<hik-register>` takes besides the usual HTML attributes. */
export type HikRegisterProps = HikRegisterProperties & HikRegisterKebabAttributes & HikRegisterEventProps;
