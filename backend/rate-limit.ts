import { rateLimited } from './errors.ts';
import type { Store } from './store.ts';

/** At most `max` events per `window` seconds (a sliding window). */
export interface Limit {
  max: number;
  window: number;
}

export interface RateLimits {
  /** Codes sent (send and resend) to one email address or phone number. Default 5 per hour. */
  destination: Limit;
  /** Send-code calls from one client address, accepted or refused. Default 20 per 10 minutes. */
  sendPerAddress: Limit;
  /** Every call from one client address, on every route. Default 300 per minute. */
  perAddress: Limit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  destination: { max: 5, window: 3600 },
  sendPerAddress: { max: 20, window: 600 },
  perAddress: { max: 300, window: 60 },
};

interface Window {
  hits: number[];
  expiresAt: number;
}

/**
 * Counts one event under `key`, or throws `rate_limited` (with the seconds until
 * the oldest counted event leaves the window) when the limit is reached.
 * Refused events are not counted, so a client that waits gets through.
 */
export async function hit(store: Store, key: string, limit: Limit, now: number): Promise<void> {
  const windowMs = limit.window * 1000;
  const retryAfterMs = await store.update<Window, number>('rate', key, (current) => {
    const hits = (current?.hits ?? []).filter((t) => t > now - windowMs);
    if (hits.length >= limit.max) {
      const oldest = hits[0] ?? now;
      return { value: { hits, expiresAt: now + windowMs }, result: oldest + windowMs - now };
    }
    hits.push(now);
    return { value: { hits, expiresAt: now + windowMs }, result: 0 };
  });
  if (retryAfterMs > 0) throw rateLimited(retryAfterMs / 1000);
}
