/** Time source of the backend, in milliseconds. Injected so tests can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: expiry, cooldowns and rate windows in tests. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(startMs = Date.UTC(2025, 0, 1, 12, 0, 0)) {
    this.ms = startMs;
  }

  now(): number {
    return this.ms;
  }

  /** Moves the clock forward by `seconds` (fractions allowed). */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance() takes seconds >= 0');
    this.ms += Math.round(seconds * 1000);
  }
}
