/**
 * How long a server asks the widget to wait (`retryAfter` in an error body, else the
 * `Retry-After` header). Only the transport reads it, so it loads with the API client,
 * not with the first module.
 */

// Keeps a hostile or broken server from asking for a countdown of centuries.
const MAX_RETRY_AFTER = 86_400;

/** Whole seconds, rounded up and capped, or undefined when not a usable number. */
export function toRetrySeconds(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  return Math.min(Math.ceil(value), MAX_RETRY_AFTER);
}

/**
 * Reads a `Retry-After` header in both of its forms (RFC 9110 §10.2.3): delay
 * seconds, or an HTTP-date. A date is measured against the response's own `Date`
 * header when it has one, so that a skewed client clock does not distort the wait.
 */
export function parseRetryAfter(header: string | null, dateHeader: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return toRetrySeconds(Number(value));
  // Date.parse is lenient ("soon 12" is a date to it): insist on the weekday that
  // all three HTTP-date forms (IMF-fixdate, RFC 850, asctime) begin with.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const serverNow = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
  const base = Number.isNaN(serverNow) ? now : serverNow;
  return toRetrySeconds(Math.max(0, (at - base) / 1000));
}
