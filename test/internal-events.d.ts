// The children's internal events, typed on addEventListener for the tests that listen
// to a child directly. Not in src/: the package's declarations type only the public
// events (src/events.ts), since internal ones never reach a page.
import type { HikInternalEventMap } from '../src/events.ts';

declare global {
  interface HTMLElementEventMap extends HikInternalEventMap {}
}
