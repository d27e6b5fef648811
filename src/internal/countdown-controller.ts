import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { secondsUntil } from './durations.ts';

export interface CountdownOptions {
  /** The deadlines (epoch ms) to count down to; `null` ones are ignored. Read after every update. */
  deadlines: () => ReadonlyArray<number | null | undefined>;
  /** The clock (epoch ms); `Date.now` by default. Tests pass a fake one. */
  now?: () => number;
}

/**
 * Re-renders its host once a second while any of its deadlines lies ahead, and
 * stops by itself once they have all passed (or the host is disconnected).
 *
 * ```ts
 * #countdown = new CountdownController(this, {
 *   deadlines: () => [this.resendAt],
 *   now: () => this.now(),
 * });
 * // in render(): this.#countdown.secondsLeft(this.resendAt)
 * ```
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: CountdownOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True while a tick is scheduled, i.e. some deadline still lies ahead. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Whole seconds left until `deadline`, rounded up; 0 when it has passed or is `null`. */
  secondsLeft(deadline: number | null | undefined): number {
    return deadline == null ? 0 : secondsUntil(deadline, this.#now());
  }

  hostUpdated(): void {
    // Every render re-reads the deadlines, so a changed deadline takes effect at once.
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #schedule(): void {
    this.#stop();
    const now = this.#now();
    const ahead = this.#options
      .deadlines()
      .filter((d): d is number => typeof d === 'number' && Number.isFinite(d) && d > now);
    if (ahead.length === 0) return;
    // Wake on the nearest whole-second boundary rather than on a free-running
    // interval, so that "42 s" turns into "41 s" on time and not up to a second late.
    // The few extra ms keep an early-firing timer from landing just before it.
    const delay = Math.min(...ahead.map((d) => (d - now) % 1000 || 1000)) + 5;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
    }, delay);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
