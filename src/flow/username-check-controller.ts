/**
 * The live "is this user name free?" check while the user types: 500 ms after the
 * last keystroke, for a name that passes the field rules, one GET /usernames/:name;
 * an earlier check still in flight is aborted. Only a definite "taken" is shown: the
 * check is a courtesy, and Next still gets the server's verdict. A failed check is
 * still a failed request, which the page hears of (`onError`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UsernameCheckOptions {
  /** Asks the server; resolves `false` when taken, `true` when free, `null` when the server has no such check. */
  check: (name: string, signal: AbortSignal) => Promise<boolean | null>;
  /** The name as it is now (normalized), to drop a verdict on a name that has changed since. */
  current: () => string;
  /** Called when the server says `name` is taken and it is still the name in the field. */
  onTaken: (name: string) => void;
  /** Called when the check fails, an abort included (the widget's own cancellation, for the callee to drop); not when the server has no such check. */
  onError: (error: unknown) => void;
  /** Milliseconds of quiet typing before the check. */
  delay?: number;
}

export class UsernameCheckController implements ReactiveController {
  readonly #options: UsernameCheckOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: UsernameCheckOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Checks `name` (normalized, valid by the field rules) after a pause; `null` cancels any check. */
  schedule(name: string | null): void {
    this.cancel();
    if (name === null) return;
    this.#timer = setTimeout(() => void this.#run(name), this.#options.delay ?? 500);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#inFlight?.abort();
  }

  async #run(name: string): Promise<void> {
    const abort = new AbortController();
    this.#inFlight = abort;
    try {
      const available = await this.#options.check(name, abort.signal);
      if (available === false && this.#options.current() === name) this.#options.onTaken(name);
    } catch (e) {
      // Shown nowhere: Next still gets the server's verdict.
      this.#options.onError(e);
    }
  }
}
