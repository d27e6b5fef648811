/**
 * Vue 3 template types for `<hik-register>` (vue-tsc, Volar): its properties and
 * events. Load once, anywhere in the app's types:
 *
 *     import type {} from 'hik-register/vue';
 *
 * The app tells Vue's compiler that `hik-register` is a custom element
 * (`compilerOptions.isCustomElement`), see the README.
 */
import type { DefineComponent } from 'vue';
import type { HikRegisterEventMap } from '../events.ts';
import type { HikRegisterKebabAttributes, HikRegisterProperties } from './jsx.ts';

/** `@hik-register-success="…"` is the prop `onHikRegisterSuccess` to Vue's type checker. */
type CamelEvent<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${CamelEvent<Capitalize<Tail>>}` : S;
export type HikRegisterVueEvents = {
  [K in keyof HikRegisterEventMap as `on${Capitalize<CamelEvent<K>>}`]?: (event: HikRegisterEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'hik-register': DefineComponent<HikRegisterProperties & HikRegisterKebabAttributes & HikRegisterVueEvents>;
  }
}
