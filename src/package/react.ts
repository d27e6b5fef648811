/**
 * React 19 JSX for `<hik-register>` (`"jsx": "react-jsx"`): its properties,
 * attributes and events typed. Load once, anywhere in the app's types:
 *
 *     import type {} from 'hik-register/react';
 *
 * React 19 sets a known property (`headers={{ … }}`, `fetch={…}`) as a property and
 * listens to `onhik-register-success` as the event `hik-register-success`: no wrapper.
 */
import type * as React from 'react';
import type { HikRegister } from '../hik-register.ts';
import type { HikRegisterProps } from './jsx.ts';

export type { HikRegisterProps } from './jsx.ts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'hik-register': React.DetailedHTMLProps<React.HTMLAttributes<HikRegister>, HikRegister> & HikRegisterProps;
    }
  }
}
