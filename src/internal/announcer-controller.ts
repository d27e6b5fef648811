/**
 * The text of a polite live region (`role="status"`), for what a screen reader
 * should hear that is not shown where focus is: "code sent", "some fields need
 * your attention". Render `text` into the region.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AnnouncerController implements ReactiveController {
  text = '';
  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  announce(text: string): void {
    // Emptying first makes a repeated message be read again.
    this.text = '';
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.text = text;
      this.#host.requestUpdate();
    }, 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
